//! Leaf functions the Vial-written standard library stands on, and that
//! programs also call directly: the `:binary` searching functions (for
//! `String.split/3`, `String.replace/4`), `:erlang.iolist_to_binary/1` (for
//! `Enum.join/2`), `:erlang.binary_part/3`, and the `:lists` functions that
//! take no function argument and are not elsewhere (`keysort/2`, `seq/3`,
//! `keydelete/3`, ...). Semantics and errors are those of ERTS and STDLIB
//! (`binary.erl`, `lists.erl`).
//!
//! `vial_enum` holds the map-building halves of `Enum.frequencies/1`,
//! `Enum.group_by/3` and `Enum.uniq_by/2`: Vial computes the keys (calling
//! the user's functions) and these build the result in one pass, instead of
//! one `Map.put/3` per element.

use super::data::patterns::patterns;
use super::data::{arg_error, function_clause};
use super::{bif, BifDef};
use crate::error::Exception;
use crate::term::{Map, Term};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

type BifResult = Result<Term, Exception>;

pub(super) static BIFS: &[BifDef] = &[
    // ---- :erlang -------------------------------------------------------------
    bif!("erlang", "iolist_to_binary", 1, |_, a| iolist_to_binary(
        &a[0]
    )),
    bif!("erlang", "list_to_binary", 1, |_, a| list_to_binary(&a[0])),
    bif!("Elixir.IO", "iodata_to_binary", 1, |_, a| iolist_to_binary(
        &a[0]
    )),
    bif!("erlang", "binary_part", 3, |_, a| part(&a[0], &a[1], &a[2])),
    // `in` is a reserved word, so `:queue.in/2` is here; the rest of
    // `:queue` is in `lib/queue.ex`.
    bif!("queue", "in", 2, |_, a| queue_in(&a[0], &a[1])),
    // ---- :binary -------------------------------------------------------------
    bif!("binary", "part", 3, |_, a| part(&a[0], &a[1], &a[2])),
    bif!("binary", "match", 2, |_, a| binary_match(&a[0], &a[1])),
    bif!("binary", "matches", 2, |_, a| binary_matches(&a[0], &a[1])),
    bif!("binary", "split", 2, |_, a| binary_split(
        &a[0],
        &a[1],
        &Term::EmptyList
    )),
    bif!("binary", "split", 3, |_, a| binary_split(
        &a[0], &a[1], &a[2]
    )),
    // ---- :lists --------------------------------------------------------------
    bif!("lists", "keysort", 2, |_, a| keysort(&a[0], &a[1])),
    bif!("lists", "keydelete", 3, |_, a| keydelete(
        &a[0], &a[1], &a[2]
    )),
    bif!("lists", "keymember", 3, |_, a| keymember(
        &a[0], &a[1], &a[2]
    )),
    bif!("lists", "keyreplace", 4, |_, a| {
        keyreplace(&a[0], &a[1], &a[2], &a[3])
    }),
    bif!("lists", "keystore", 4, |_, a| keystore(
        &a[0], &a[1], &a[2], &a[3]
    )),
    bif!("lists", "keytake", 3, |_, a| keytake(&a[0], &a[1], &a[2])),
    bif!("lists", "seq", 3, |_, a| seq3(&a[0], &a[1], &a[2])),
    bif!("lists", "sublist", 2, |_, a| sublist(
        &a[0],
        &Term::Int(1),
        &a[1],
        2
    )),
    bif!("lists", "sublist", 3, |_, a| sublist(
        &a[0], &a[1], &a[2], 3
    )),
    bif!("lists", "nthtail", 2, |_, a| nthtail(&a[0], &a[1])),
    bif!("lists", "usort", 1, |_, a| usort(&a[0])),
    bif!("lists", "delete", 2, |_, a| delete(&a[0], &a[1])),
    bif!("lists", "split", 2, |_, a| split(&a[0], &a[1])),
    bif!("lists", "prefix", 2, |_, a| prefix(&a[0], &a[1])),
    bif!("lists", "suffix", 2, |_, a| suffix(&a[0], &a[1])),
    bif!("lists", "unzip", 1, |_, a| unzip(&a[0])),
    bif!("lists", "droplast", 1, |_, a| droplast(&a[0])),
    bif!("lists", "uniq", 1, |_, a| uniq_by(&a[0], &a[0])),
    // ---- vial_enum: Enum's map builders ---------------------------------------
    bif!("vial_enum", "frequencies", 1, |_, a| frequencies(&a[0])),
    bif!("vial_enum", "group", 2, |_, a| group(&a[0], &a[1])),
    bif!("vial_enum", "uniq_by", 2, |_, a| uniq_by(&a[0], &a[1])),
];

// ---- iodata and binaries -----------------------------------------------------

/// Appends the bytes of iodata `t` to `out`; `false` if it is not iodata
/// (binaries, bytes 0..=255, lists of those, a binary as a list's tail).
/// Iterative: iodata built by nesting (`[acc, "x"]`, a million levels
/// deep) needs no stack.
fn iodata(t: &Term, out: &mut Vec<u8>) -> bool {
    // Lists (or binaries) still to append, innermost last.
    let mut pending: Vec<&Term> = vec![t];
    while let Some(mut list) = pending.pop() {
        loop {
            match list {
                Term::Binary(b) => {
                    out.extend_from_slice(&b.0);
                    break;
                }
                Term::EmptyList => break,
                Term::Cons(cell) => {
                    match &cell.head {
                        Term::Int(i @ 0..=255) => out.push(*i as u8),
                        Term::Binary(b) => out.extend_from_slice(&b.0),
                        Term::EmptyList => {}
                        head @ Term::Cons(_) => {
                            pending.push(&cell.tail);
                            list = head;
                            continue;
                        }
                        _ => return false,
                    }
                    list = &cell.tail;
                }
                _ => return false,
            }
        }
    }
    true
}

/// `:erlang.iolist_to_binary(iodata)`.
pub fn iolist_to_binary(t: &Term) -> BifResult {
    let mut out = Vec::new();
    if iodata(t, &mut out) {
        Ok(Term::binary(out))
    } else {
        Err(arg_error(1, "not an iodata term"))
    }
}

/// `:erlang.list_to_binary(iolist)`: as iolist_to_binary, lists only.
pub fn list_to_binary(t: &Term) -> BifResult {
    if !t.is_list() {
        return Err(arg_error(1, "not an iolist term"));
    }
    iolist_to_binary(t)
}

/// `:binary.part(binary, start, length)`: a negative length counts back
/// from `start`.
pub fn part(t: &Term, start: &Term, len: &Term) -> BifResult {
    let Term::Binary(b) = t else {
        return Err(arg_error(1, "not a binary"));
    };
    let (Term::Int(s), Term::Int(l)) = (start, len) else {
        return Err(Exception::badarg());
    };
    let (from, to) = if *l >= 0 { (*s, s + l) } else { (s + l, *s) };
    if from < 0 || from > b.0.len() as i64 {
        return Err(arg_error(2, "out of range"));
    }
    if to < 0 || to > b.0.len() as i64 {
        return Err(arg_error(3, "out of range"));
    }
    Ok(Term::binary(b.0[from as usize..to as usize].to_vec()))
}

/// The longest pattern matching at byte `i` of `b`.
fn match_at(b: &[u8], i: usize, pats: &[&[u8]]) -> Option<usize> {
    pats.iter()
        .filter(|p| b[i..].starts_with(p))
        .map(|p| p.len())
        .max()
}

/// The non-overlapping matches of `pats` in `b` from the left, as
/// `(start, length)`; at most `limit` of them.
fn find(b: &[u8], pats: &[&[u8]], limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < limit {
        match match_at(b, i, pats) {
            Some(n) => {
                out.push((i, n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn subject(t: &Term) -> Result<&[u8], Exception> {
    match t {
        Term::Binary(b) => Ok(&b.0),
        _ => Err(arg_error(1, "not a binary")),
    }
}

fn found(start: usize, len: usize) -> Term {
    Term::tuple([Term::Int(start as i64), Term::Int(len as i64)])
}

/// `:binary.match(subject, pattern)`: `{start, length}` of the first match,
/// or `:nomatch`.
pub fn binary_match(t: &Term, pattern: &Term) -> BifResult {
    let b = subject(t)?;
    let pats = patterns(pattern)?;
    Ok(match find(b, &pats, 1).first() {
        Some(&(s, n)) => found(s, n),
        None => Term::atom("nomatch"),
    })
}

/// `:binary.matches(subject, pattern)`: every non-overlapping match.
pub fn binary_matches(t: &Term, pattern: &Term) -> BifResult {
    let b = subject(t)?;
    let pats = patterns(pattern)?;
    Ok(Term::list(
        find(b, &pats, usize::MAX)
            .into_iter()
            .map(|(s, n)| found(s, n)),
    ))
}

/// `:binary.split(subject, pattern, options)`: at the first match, or at
/// every match with `:global`; `:trim` drops trailing empty parts,
/// `:trim_all` every empty part.
pub fn binary_split(t: &Term, pattern: &Term, options: &Term) -> BifResult {
    let b = subject(t)?;
    let pats = patterns(pattern)?;
    let (mut global, mut trim, mut trim_all) = (false, false, false);
    let mut it = options.iter_list();
    for o in it.by_ref() {
        match o.as_atom().map(|a| a.name()) {
            Some("global") => global = true,
            Some("trim") => trim = true,
            Some("trim_all") => trim_all = true,
            _ => return Err(arg_error(3, "invalid options")),
        }
    }
    if !matches!(it.tail(), Term::EmptyList) {
        return Err(arg_error(3, "not a list"));
    }
    let limit = if global { usize::MAX } else { 1 };
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, n) in find(b, &pats, limit) {
        parts.push(&b[start..at]);
        start = at + n;
    }
    parts.push(&b[start..]);
    if trim_all {
        parts.retain(|p| !p.is_empty());
    } else if trim {
        while parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
    }
    Ok(Term::list(
        parts.into_iter().map(|p| Term::binary(p.to_vec())),
    ))
}

// ---- :lists ------------------------------------------------------------------

fn lists_clause(name: &str, arity: u32) -> Exception {
    function_clause("lists", name, arity)
}

/// The elements of a proper list, or `None`.
fn proper(t: &Term) -> Option<Vec<Term>> {
    let mut it = t.iter_list();
    let items: Vec<Term> = it.by_ref().cloned().collect();
    matches!(it.tail(), Term::EmptyList).then_some(items)
}

/// A 1-based tuple position.
fn position(n: &Term) -> Option<usize> {
    match n {
        Term::Int(i) if *i >= 1 => Some(*i as usize),
        _ => None,
    }
}

/// Whether `t` is a tuple whose `pos`th element equals (`==`) `key`.
fn key_at(t: &Term, pos: usize, key: &Term) -> bool {
    t.as_tuple()
        .and_then(|e| e.get(pos - 1))
        .is_some_and(|e| e.compare(key) == Ordering::Equal)
}

/// `:lists.keysort(n, tuples)`: stable sort on the `n`th elements.
pub fn keysort(n: &Term, list: &Term) -> BifResult {
    let (Some(pos), Some(mut items)) = (position(n), proper(list)) else {
        return Err(lists_clause("keysort", 2));
    };
    if items.len() < 2 {
        return Ok(list.clone());
    }
    let mut keys = Vec::with_capacity(items.len());
    for t in &items {
        match t.as_tuple().and_then(|e| e.get(pos - 1)) {
            Some(k) => keys.push(k.clone()),
            None => return Err(Exception::badarg()),
        }
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| keys[a].compare(&keys[b]));
    let sorted: Vec<Term> = order
        .into_iter()
        .map(|i| std::mem::replace(&mut items[i], Term::NIL))
        .collect();
    Ok(Term::list(sorted))
}

/// `:lists.keydelete(key, n, tuples)`: without the first tuple with `key`.
pub fn keydelete(key: &Term, n: &Term, list: &Term) -> BifResult {
    let (Some(pos), Some(mut items)) = (position(n), proper(list)) else {
        return Err(lists_clause("keydelete", 3));
    };
    if let Some(i) = items.iter().position(|t| key_at(t, pos, key)) {
        items.remove(i);
        return Ok(Term::list(items));
    }
    Ok(list.clone())
}

/// `:lists.keymember(key, n, tuples)`.
pub fn keymember(key: &Term, n: &Term, list: &Term) -> BifResult {
    let Some(pos) = position(n) else {
        return Err(arg_error(2, "out of range"));
    };
    let mut it = list.iter_list();
    if it.by_ref().any(|t| key_at(t, pos, key)) {
        return Ok(Term::TRUE);
    }
    match it.tail() {
        Term::EmptyList => Ok(Term::FALSE),
        _ => Err(arg_error(3, "not a list")),
    }
}

/// `:lists.keyreplace(key, n, tuples, new)`: the first tuple with `key`
/// replaced by `new`.
pub fn keyreplace(key: &Term, n: &Term, list: &Term, new: &Term) -> BifResult {
    let (Some(pos), Some(mut items), Some(_)) = (position(n), proper(list), new.as_tuple()) else {
        return Err(lists_clause("keyreplace", 4));
    };
    if let Some(i) = items.iter().position(|t| key_at(t, pos, key)) {
        items[i] = new.clone();
        return Ok(Term::list(items));
    }
    Ok(list.clone())
}

/// `:lists.keystore(key, n, tuples, new)`: as keyreplace, or `new`
/// appended when no tuple has `key`.
pub fn keystore(key: &Term, n: &Term, list: &Term, new: &Term) -> BifResult {
    let (Some(pos), Some(mut items), Some(_)) = (position(n), proper(list), new.as_tuple()) else {
        return Err(lists_clause("keystore", 4));
    };
    match items.iter().position(|t| key_at(t, pos, key)) {
        Some(i) => items[i] = new.clone(),
        None => items.push(new.clone()),
    }
    Ok(Term::list(items))
}

/// `:lists.keytake(key, n, tuples)`: `{:value, tuple, rest}` or `false`.
pub fn keytake(key: &Term, n: &Term, list: &Term) -> BifResult {
    let (Some(pos), Some(mut items)) = (position(n), proper(list)) else {
        return Err(lists_clause("keytake", 3));
    };
    match items.iter().position(|t| key_at(t, pos, key)) {
        Some(i) => {
            let t = items.remove(i);
            Ok(Term::tuple([Term::atom("value"), t, Term::list(items)]))
        }
        None => Ok(Term::FALSE),
    }
}

/// `:lists.seq(from, to, incr)`.
pub fn seq3(from: &Term, to: &Term, incr: &Term) -> BifResult {
    let (Term::Int(a), Term::Int(b), Term::Int(s)) = (from, to, incr) else {
        return Err(lists_clause("seq", 3));
    };
    let (a, b, s) = (*a, *b, *s);
    let ok = (s > 0 && a - s <= b) || (s < 0 && a - s >= b) || (s == 0 && a == b);
    if !ok {
        let what = if b >= a {
            "not a positive increment"
        } else {
            "not a negative increment"
        };
        return Err(arg_error(3, what));
    }
    if s == 0 {
        return Ok(Term::list([Term::Int(a)]));
    }
    let count = (b - a) / s + 1;
    Ok(Term::list((0..count.max(0)).map(|i| Term::Int(a + i * s))))
}

/// `:lists.sublist(list, start, len)` (1-based start).
pub fn sublist(list: &Term, start: &Term, len: &Term, arity: u32) -> BifResult {
    let (Some(items), Some(s), Term::Int(l)) = (proper(list), position(start), len) else {
        return Err(lists_clause("sublist", arity));
    };
    if *l < 0 {
        // sublist/2 hands the length to sublist_2/2, whose clauses need it
        // non-negative.
        let name = if arity == 2 { "sublist_2" } else { "sublist" };
        return Err(lists_clause(name, arity));
    }
    Ok(Term::list(items.into_iter().skip(s - 1).take(*l as usize)))
}

/// `:lists.nthtail(n, list)`.
pub fn nthtail(n: &Term, list: &Term) -> BifResult {
    let Term::Int(n) = n else {
        return Err(lists_clause("nthtail", 2));
    };
    let mut t = list;
    for _ in 0..*n {
        match t {
            Term::Cons(c) => t = &c.tail,
            _ => return Err(lists_clause("nthtail", 2)),
        }
    }
    Ok(t.clone())
}

/// `:lists.usort(list)`: sorted, keeping the first of elements that
/// compare equal (`==`).
pub fn usort(list: &Term) -> BifResult {
    let Some(mut items) = proper(list) else {
        return Err(lists_clause("usort", 1));
    };
    items.sort_by(|a, b| a.compare(b));
    items.dedup_by(|b, a| a.compare(b) == Ordering::Equal);
    Ok(Term::list(items))
}

/// `:lists.delete(elem, list)`: without the first element matching
/// (`=:=`) `elem`.
pub fn delete(elem: &Term, list: &Term) -> BifResult {
    let Some(mut items) = proper(list) else {
        return Err(lists_clause("delete", 2));
    };
    if let Some(i) = items.iter().position(|t| t == elem) {
        items.remove(i);
        return Ok(Term::list(items));
    }
    Ok(list.clone())
}

/// `:lists.split(n, list)`: `{first n, rest}`.
pub fn split(n: &Term, list: &Term) -> BifResult {
    let (Term::Int(n), Some(items)) = (n, proper(list)) else {
        return Err(Exception::badarg());
    };
    if *n < 0 || *n as usize > items.len() {
        return Err(Exception::badarg());
    }
    let mut t = list;
    for _ in 0..*n {
        if let Term::Cons(c) = t {
            t = &c.tail;
        }
    }
    let front = Term::list(items.into_iter().take(*n as usize));
    Ok(Term::tuple([front, t.clone()]))
}

/// `:lists.prefix(list1, list2)`: whether list1 starts list2 (`=:=`).
pub fn prefix(a: &Term, b: &Term) -> BifResult {
    let (Some(a), Some(b)) = (proper(a), proper(b)) else {
        return Err(lists_clause("prefix", 2));
    };
    Ok(Term::bool(
        a.len() <= b.len() && a.iter().zip(&b).all(|(x, y)| x == y),
    ))
}

/// `:lists.suffix(list1, list2)`: whether list1 ends list2 (`=:=`).
pub fn suffix(a: &Term, b: &Term) -> BifResult {
    let (Some(a), Some(b)) = (proper(a), proper(b)) else {
        return Err(lists_clause("suffix", 2));
    };
    Ok(Term::bool(
        a.len() <= b.len() && a.iter().rev().zip(b.iter().rev()).all(|(x, y)| x == y),
    ))
}

/// `:lists.unzip(pairs)`: `{firsts, seconds}`.
pub fn unzip(list: &Term) -> BifResult {
    let Some(items) = proper(list) else {
        return Err(lists_clause("unzip", 1));
    };
    let mut firsts = Vec::with_capacity(items.len());
    let mut seconds = Vec::with_capacity(items.len());
    for t in items {
        match t.as_tuple() {
            Some([a, b]) => {
                firsts.push(a.clone());
                seconds.push(b.clone());
            }
            _ => return Err(lists_clause("unzip", 1)),
        }
    }
    Ok(Term::tuple([Term::list(firsts), Term::list(seconds)]))
}

/// `:lists.droplast(list)`: all but the last element.
pub fn droplast(list: &Term) -> BifResult {
    match proper(list) {
        Some(mut items) if !items.is_empty() => {
            items.pop();
            Ok(Term::list(items))
        }
        _ => Err(lists_clause("droplast", 1)),
    }
}

// ---- vial_enum ---------------------------------------------------------------

/// `%{key => count}` of a list of keys (keys compared exactly, as map keys).
pub fn frequencies(keys: &Term) -> BifResult {
    let keys = proper(keys).ok_or_else(Exception::badarg)?;
    let mut counts: BTreeMap<Term, i64> = BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    let map: Map = counts.into_iter().map(|(k, n)| (k, Term::Int(n))).collect();
    Ok(Term::map(map))
}

/// `%{key => [value, ...]}` of two lists of the same length, values in
/// list order.
pub fn group(keys: &Term, values: &Term) -> BifResult {
    let (Some(keys), Some(values)) = (proper(keys), proper(values)) else {
        return Err(Exception::badarg());
    };
    let mut groups: BTreeMap<Term, Vec<Term>> = BTreeMap::new();
    for (k, v) in keys.into_iter().zip(values) {
        groups.entry(k).or_default().push(v);
    }
    let map: Map = groups
        .into_iter()
        .map(|(k, vs)| (k, Term::list(vs)))
        .collect();
    Ok(Term::map(map))
}

/// The elements of `list` whose key (the element of `keys` at the same
/// position) was not seen before, in order.
pub fn uniq_by(keys: &Term, list: &Term) -> BifResult {
    let (Some(keys), Some(items)) = (proper(keys), proper(list)) else {
        return Err(lists_clause("uniq", 1));
    };
    let mut seen: BTreeSet<Term> = BTreeSet::new();
    let kept: Vec<Term> = keys
        .into_iter()
        .zip(items)
        .filter_map(|(k, item)| seen.insert(k).then_some(item))
        .collect();
    Ok(Term::list(kept))
}

/// `:queue.in(x, q)`: `x` at the rear of queue `{rear, front}`, with
/// OTP's clauses (`queue.erl`): a one-element rear and an empty front
/// become the front. `ArgumentError` for a non-queue.
fn queue_in(x: &Term, q: &Term) -> BifResult {
    match q.as_tuple() {
        Some([rear, front]) if rear.is_list() && front.is_list() => {
            let single = matches!(rear, Term::Cons(c) if c.tail == Term::EmptyList);
            if single && *front == Term::EmptyList {
                let one = Term::cons(x.clone(), Term::EmptyList);
                Ok(Term::tuple([one, rear.clone()]))
            } else {
                Ok(Term::tuple([
                    Term::cons(x.clone(), rear.clone()),
                    front.clone(),
                ]))
            }
        }
        _ => Err(Exception::badarg()),
    }
}
