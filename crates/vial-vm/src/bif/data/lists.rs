//! List BIFs: Kernel's `hd/1`, `tl/1`, `length/1`, `++/2`, `--/2`, the
//! `:lists` functions (Erlang's semantics and errors, STDLIB `lists.erl`)
//! and the `List` functions that take no function argument (Elixir 1.14
//! `lib/elixir/lib/list.ex`).

use super::{arg_error, as_index, function_clause, BifResult};
use crate::bif::arith;
use crate::error::{exception_struct, Exception};
use crate::term::Term;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The elements of a list and what ends it (`[]` for a proper list).
fn split(list: &Term) -> (Vec<Term>, &Term) {
    let mut it = list.iter_list();
    let items: Vec<Term> = it.by_ref().cloned().collect();
    (items, it.tail())
}

/// The elements of a proper list, or `err` for anything else.
fn proper(list: &Term, err: impl FnOnce() -> Exception) -> Result<Vec<Term>, Exception> {
    match split(list) {
        (items, Term::EmptyList) => Ok(items),
        _ => Err(err()),
    }
}

fn lists_clause(name: &str, arity: u32) -> Exception {
    function_clause("lists", name, arity)
}

/// `hd(list)`.
pub fn hd(list: &Term) -> BifResult {
    match list {
        Term::Cons(c) => Ok(c.head.clone()),
        _ => Err(arg_error(1, "not a nonempty list")),
    }
}

/// `tl(list)`.
pub fn tl(list: &Term) -> BifResult {
    match list {
        Term::Cons(c) => Ok(c.tail.clone()),
        _ => Err(arg_error(1, "not a nonempty list")),
    }
}

/// `length(list)`: proper lists only.
pub fn length(list: &Term) -> BifResult {
    let mut it = list.iter_list();
    let n = it.by_ref().count();
    match it.tail() {
        Term::EmptyList => Ok(Term::Int(n as i64)),
        _ => Err(arg_error(1, "not a list")),
    }
}

/// `left ++ right`: `left` must be a proper list; `right` may be anything
/// (`[1] ++ 2` is the improper list `[1 | 2]`).
pub fn append(left: &Term, right: &Term) -> BifResult {
    if matches!(left, Term::EmptyList) {
        return Ok(right.clone());
    }
    let items = proper(left, Exception::badarg)?;
    Ok(Term::list_with_tail(items, right.clone()))
}

/// `left -- right`: removes, for each element of `right`, the first element
/// of `left` that is exactly equal to it (`[1.0, 1] -- [1]` is `[1.0]`).
pub fn subtract(left: &Term, right: &Term) -> BifResult {
    let items = proper(left, Exception::badarg)?;
    let remove = proper(right, Exception::badarg)?;
    if remove.is_empty() {
        return Ok(left.clone());
    }
    let mut counts: BTreeMap<Term, usize> = BTreeMap::new();
    for t in remove {
        *counts.entry(t).or_default() += 1;
    }
    let kept: Vec<Term> = items
        .into_iter()
        .filter(|t| match counts.get_mut(t) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect();
    Ok(Term::list(kept))
}

/// `:lists.reverse(list)`.
pub fn reverse(list: &Term) -> BifResult {
    match reverse_onto(list, Term::EmptyList) {
        Ok(reversed) => Ok(reversed),
        // `reverse([A, B | L])` hands `L` to `reverse/2` (lists.erl).
        Err(2) => Err(arg_error(1, "not a list")),
        Err(n) if n > 2 => Err(arg_error(1, "not a proper list")),
        Err(_) => Err(lists_clause("reverse", 1)),
    }
}

/// `:lists.reverse(list, tail)`: `list` reversed onto `tail`.
pub fn reverse2(list: &Term, tail: &Term) -> BifResult {
    match reverse_onto(list, tail.clone()) {
        Ok(reversed) => Ok(reversed),
        Err(0) => Err(arg_error(1, "not a list")),
        Err(_) => Err(arg_error(1, "not a proper list")),
    }
}

/// `list`'s elements consed onto `tail` one by one (reversing them), in
/// one pass without collecting them first; `Err(n)` when the list turns
/// out improper after `n` elements.
fn reverse_onto(list: &Term, tail: Term) -> Result<Term, usize> {
    let mut out = tail;
    let mut n = 0;
    let mut items = list.iter_list();
    for x in items.by_ref() {
        out = Term::cons(x.clone(), out);
        n += 1;
    }
    match items.tail() {
        Term::EmptyList => Ok(out),
        _ => Err(n),
    }
}

/// `:lists.member(elem, list)`: exact equality (`1` is not a member of
/// `[1.0]`).
pub fn member(elem: &Term, list: &Term) -> BifResult {
    let mut it = list.iter_list();
    if it.by_ref().any(|t| t == elem) {
        return Ok(Term::TRUE);
    }
    match it.tail() {
        Term::EmptyList => Ok(Term::FALSE),
        _ if list.is_list() => Err(arg_error(2, "not a proper list")),
        _ => Err(arg_error(2, "not a list")),
    }
}

/// `:lists.keyfind(key, n, list)`: the first tuple whose `n`th element
/// (1-based) equals `key` with `==`, or `false`.
pub fn keyfind(key: &Term, n: &Term, list: &Term) -> BifResult {
    let pos = match n {
        Term::Int(i) if *i >= 1 => *i as usize,
        Term::Int(_) | Term::Big(_) => return Err(arg_error(2, "out of range")),
        _ => return Err(arg_error(2, "not an integer")),
    };
    let mut it = list.iter_list();
    for t in it.by_ref() {
        if let Some(elems) = t.as_tuple() {
            if elems
                .get(pos - 1)
                .is_some_and(|e| e.compare(key) == Ordering::Equal)
            {
                return Ok(t.clone());
            }
        }
    }
    match it.tail() {
        Term::EmptyList => Ok(Term::FALSE),
        _ if list.is_list() => Err(arg_error(3, "not a proper list")),
        _ => Err(arg_error(3, "not a list")),
    }
}

/// `:lists.sort(list)`: term order. Where elements compare equal but differ
/// (`1` and `1.0`) their order is whatever Erlang's merge sort makes of it,
/// so such lists (and improper ones, for the error) go through the
/// transcription in [`erl_sort`]; all others take Rust's sort, whose result
/// is then indistinguishable.
///
/// [`erl_sort`]: super::erl_sort
pub fn sort(list: &Term) -> BifResult {
    let erlang = || super::erl_sort::sort(list).map_err(|(name, arity)| lists_clause(name, arity));
    let Some(mut items) = list.list_to_vec() else {
        return erlang();
    };
    items.sort_by(|a, b| a.compare(b));
    let ambiguous = items
        .windows(2)
        .any(|w| w[0].compare(&w[1]) == Ordering::Equal && !identical(&w[0], &w[1]));
    if ambiguous {
        return erlang();
    }
    Ok(Term::list(items))
}

/// Whether two terms are indistinguishable: exactly equal, with the same
/// float bits (`0.0 === -0.0`, yet they print differently).
fn identical(a: &Term, b: &Term) -> bool {
    match (a, b) {
        (Term::Float(x), Term::Float(y)) => x.to_bits() == y.to_bits(),
        (Term::Tuple(x), Term::Tuple(y)) => {
            x.0.len() == y.0.len() && x.0.iter().zip(y.0.iter()).all(|(p, q)| identical(p, q))
        }
        (Term::Cons(_), Term::Cons(_)) => {
            let (mut xs, mut ys) = (a.iter_list(), b.iter_list());
            loop {
                match (xs.next(), ys.next()) {
                    (Some(p), Some(q)) if identical(p, q) => {}
                    (None, None) => return identical(xs.tail(), ys.tail()),
                    _ => return false,
                }
            }
        }
        (Term::Map(x), Term::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k1, v1), (k2, v2))| identical(k1, k2) && identical(v1, v2))
        }
        _ => a == b,
    }
}

/// `:lists.seq(from, to)`: `from..to` by 1; `to` may be `from - 1`.
pub fn seq(from: &Term, to: &Term) -> BifResult {
    match (from, to) {
        (Term::Int(a), Term::Int(b)) if *b >= a.saturating_sub(1) => {
            Ok(Term::list((*a..=*b).map(Term::Int)))
        }
        _ => Err(lists_clause("seq", 2)),
    }
}

/// `:lists.nth(n, list)`: 1-based.
pub fn nth(n: &Term, list: &Term) -> BifResult {
    let i = as_index(n)
        .filter(|&i| i >= 1)
        .ok_or_else(|| lists_clause("nth", 2))?;
    list.iter_list()
        .nth(i - 1)
        .cloned()
        .ok_or_else(|| lists_clause("nth", 2))
}

/// `:lists.last(list)`: the last element of a non-empty list.
pub fn erl_last(list: &Term) -> BifResult {
    let Term::Cons(_) = list else {
        return Err(lists_clause("last", 1));
    };
    match split(list) {
        (items, Term::EmptyList) => Ok(items.last().cloned().unwrap_or(Term::NIL)),
        _ => Err(lists_clause("last", 2)),
    }
}

/// Appends the elements of `list`, flattened, to `out`; `false` when some
/// list in it is improper.
fn flatten_into(list: &Term, out: &mut Vec<Term>) -> bool {
    let mut stack = vec![list];
    while let Some(l) = stack.pop() {
        match l {
            Term::EmptyList => {}
            Term::Cons(c) => {
                stack.push(&c.tail);
                if c.head.is_list() {
                    stack.push(&c.head);
                } else {
                    out.push(c.head.clone());
                }
            }
            _ => return false,
        }
    }
    true
}

/// `:lists.flatten(list)` (and `List.flatten/1`, which calls it).
pub fn erl_flatten(list: &Term) -> BifResult {
    if !list.is_list() {
        return Err(lists_clause("flatten", 1));
    }
    let mut out = Vec::new();
    if !flatten_into(list, &mut out) {
        return Err(lists_clause("do_flatten", 2));
    }
    Ok(Term::list(out))
}

/// `List.flatten(list)`.
pub fn flatten(list: &Term) -> BifResult {
    erl_flatten(list)
}

/// `:lists.sum(list)`: `0 + e1 + e2 + ...`.
pub fn sum(list: &Term) -> BifResult {
    let items = proper(list, || lists_clause("sum", 2))?;
    items
        .iter()
        .try_fold(Term::Int(0), |acc, t| arith::add(&acc, t))
}

/// `:lists.max/1` and `min/1`: the first of the extreme elements.
fn extreme(list: &Term, name: &str, want: Ordering) -> BifResult {
    if !matches!(list, Term::Cons(_)) {
        return Err(lists_clause(name, 1));
    }
    let items = proper(list, || lists_clause(name, 2))?;
    let mut best = &items[0];
    for t in &items[1..] {
        if t.compare(best) == want {
            best = t;
        }
    }
    Ok(best.clone())
}

/// `:lists.max(list)`.
pub fn max(list: &Term) -> BifResult {
    extreme(list, "max", Ordering::Greater)
}

/// `:lists.min(list)`.
pub fn min(list: &Term) -> BifResult {
    extreme(list, "min", Ordering::Less)
}

/// `:lists.duplicate(n, elem)`.
pub fn erl_duplicate(n: &Term, elem: &Term) -> BifResult {
    let n = as_index(n).ok_or_else(|| lists_clause("duplicate", 2))?;
    Ok(Term::list(vec![elem.clone(); n]))
}

/// `List.duplicate(elem, n)`.
pub fn duplicate(elem: &Term, n: &Term) -> BifResult {
    erl_duplicate(n, elem)
}

/// `:lists.zip(a, b)`: lists of equal length into a list of pairs.
pub fn zip(a: &Term, b: &Term) -> BifResult {
    let clause = || lists_clause("zip", 2);
    let (xs, ys) = (proper(a, clause)?, proper(b, clause)?);
    if xs.len() != ys.len() {
        return Err(clause());
    }
    Ok(Term::list(
        xs.into_iter()
            .zip(ys)
            .map(|(x, y)| Term::tuple([x, y]))
            .collect::<Vec<_>>(),
    ))
}

/// `:lists.append(lists)`: `l1 ++ l2 ++ ... ++ ln` (the last may be any
/// term).
pub fn append_all(lists: &Term) -> BifResult {
    let parts = proper(lists, || lists_clause("append", 1))?;
    let Some((last, init)) = parts.split_last() else {
        return Ok(Term::EmptyList);
    };
    let mut items = Vec::new();
    for l in init {
        items.extend(proper(l, Exception::badarg)?);
    }
    Ok(Term::list_with_tail(items, last.clone()))
}

fn list_clause(name: &str, arity: u32) -> Exception {
    function_clause("Elixir.List", name, arity)
}

/// `List.first(list)`: `nil` for `[]`.
pub fn first(list: &Term) -> BifResult {
    match list {
        Term::EmptyList => Ok(Term::NIL),
        Term::Cons(c) => Ok(c.head.clone()),
        _ => Err(list_clause("first", 2)),
    }
}

/// `List.last(list)`: `nil` for `[]`.
pub fn last(list: &Term) -> BifResult {
    match split(list) {
        (items, Term::EmptyList) => Ok(items.last().cloned().unwrap_or(Term::NIL)),
        // What Elixir 1.14's compiled clauses raise for a non-list.
        (items, other) if items.is_empty() => Err(Exception::error(exception_struct(
            "CaseClauseError",
            [("term", Term::tuple([other.clone(), Term::NIL]))],
        ))),
        _ => Err(list_clause("last", 2)),
    }
}

/// `List.wrap(term)`: a list as it is, `nil` as `[]`, anything else in a
/// one-element list.
pub fn wrap(t: &Term) -> BifResult {
    Ok(match t {
        _ if t.is_list() => t.clone(),
        Term::Atom(a) if *a == crate::Atom::NIL => Term::EmptyList,
        _ => Term::list([t.clone()]),
    })
}

/// `List.delete(list, elem)`: without the first element exactly equal to
/// `elem`.
pub fn delete(list: &Term, elem: &Term) -> BifResult {
    let mut items = proper(list, || list_clause("delete", 2))?;
    match items.iter().position(|t| t == elem) {
        Some(i) => {
            items.remove(i);
            Ok(Term::list(items))
        }
        None => Ok(list.clone()),
    }
}

/// `List.insert_at(list, index, value)`: a negative index counts from the
/// end (`-1` appends); an index past either end inserts at that end.
pub fn insert_at(list: &Term, index: &Term, value: &Term) -> BifResult {
    let Term::Int(index) = index else {
        return Err(list_clause("insert_at", 3));
    };
    if !list.is_list() {
        return Err(list_clause("insert_at", 3));
    }
    let mut items = if *index < 0 {
        proper(list, || arg_error(1, "not a list"))?
    } else {
        proper(list, || list_clause("do_insert_at", 3))?
    };
    let len = items.len() as i64;
    let at = if *index < 0 {
        (len + index + 1).max(0)
    } else {
        (*index).min(len)
    };
    items.insert(at as usize, value.clone());
    Ok(Term::list(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Term {
        Term::list(v.iter().map(|&i| Term::Int(i)).collect::<Vec<_>>())
    }

    #[test]
    fn head_tail_length() {
        assert_eq!(hd(&ints(&[1, 2])).unwrap(), Term::Int(1));
        assert_eq!(tl(&ints(&[1, 2])).unwrap(), ints(&[2]));
        assert!(hd(&Term::EmptyList).is_err());
        assert_eq!(length(&ints(&[1, 2, 3])).unwrap(), Term::Int(3));
        assert!(length(&Term::cons(Term::Int(1), Term::Int(2))).is_err());
    }

    #[test]
    fn append_and_subtract() {
        assert_eq!(
            append(&ints(&[1]), &Term::Int(2)).unwrap(),
            Term::cons(Term::Int(1), Term::Int(2))
        );
        assert!(append(&Term::atom("x"), &ints(&[1])).is_err());
        assert_eq!(
            subtract(&ints(&[1, 2, 1, 3, 2]), &ints(&[2, 1, 1, 4])).unwrap(),
            ints(&[3, 2])
        );
        let mixed = Term::list([Term::Float(1.0), Term::Int(1)]);
        assert_eq!(
            subtract(&mixed, &ints(&[1])).unwrap(),
            Term::list([Term::Float(1.0)])
        );
        assert!(subtract(&ints(&[1]), &Term::atom("x")).is_err());
    }

    #[test]
    fn erlang_lists() {
        assert_eq!(reverse(&ints(&[1, 2, 3])).unwrap(), ints(&[3, 2, 1]));
        assert!(reverse(&Term::cons(Term::Int(1), Term::Int(2))).is_err());
        assert_eq!(
            reverse2(&ints(&[1, 2]), &Term::atom("x")).unwrap(),
            Term::list_with_tail([Term::Int(2), Term::Int(1)], Term::atom("x"))
        );
        assert_eq!(
            member(&Term::Int(1), &Term::list([Term::Float(1.0)])).unwrap(),
            Term::FALSE
        );
        let pairs = Term::list([
            Term::tuple([Term::Float(1.0), Term::atom("a")]),
            Term::tuple([Term::Int(1), Term::atom("b")]),
        ]);
        assert_eq!(
            keyfind(&Term::Int(1), &Term::Int(1), &pairs).unwrap(),
            Term::tuple([Term::Float(1.0), Term::atom("a")])
        );
        assert!(keyfind(&Term::Int(1), &Term::Int(0), &pairs).is_err());
        let sorted = sort(&Term::list([
            Term::Int(3),
            Term::Float(1.0),
            Term::Int(1),
            Term::atom("a"),
        ]))
        .unwrap();
        assert_eq!(
            sorted,
            // As OTP 25 sorts it: not the input order of 1.0 and 1.
            Term::list([
                Term::Int(1),
                Term::Float(1.0),
                Term::Int(3),
                Term::atom("a")
            ])
        );
        assert_eq!(seq(&Term::Int(5), &Term::Int(4)).unwrap(), Term::EmptyList);
        assert!(seq(&Term::Int(5), &Term::Int(3)).is_err());
        assert_eq!(nth(&Term::Int(2), &ints(&[7, 8])).unwrap(), Term::Int(8));
        assert!(nth(&Term::Int(3), &ints(&[7, 8])).is_err());
        assert_eq!(erl_last(&ints(&[7, 8])).unwrap(), Term::Int(8));
        let nested = Term::list([
            Term::Int(1),
            Term::list([Term::Int(2), ints(&[3]), Term::EmptyList]),
            Term::Int(4),
        ]);
        assert_eq!(erl_flatten(&nested).unwrap(), ints(&[1, 2, 3, 4]));
        assert!(erl_flatten(&Term::list([Term::cons(Term::Int(1), Term::Int(2))])).is_err());
        assert_eq!(
            sum(&Term::list([Term::Int(1), Term::Float(2.5)])).unwrap(),
            Term::Float(3.5)
        );
        assert_eq!(sum(&Term::EmptyList).unwrap(), Term::Int(0));
        assert!(matches!(
            max(&Term::list([Term::Int(1), Term::Float(1.0)])).unwrap(),
            Term::Int(1)
        ));
        assert!(matches!(
            min(&Term::list([Term::Float(1.0), Term::Int(1)])).unwrap(),
            Term::Float(_)
        ));
        assert!(max(&Term::EmptyList).is_err());
        assert!(zip(&ints(&[1, 2]), &ints(&[3])).is_err());
        assert_eq!(
            append_all(&Term::list([ints(&[1]), Term::Int(2)])).unwrap(),
            Term::cons(Term::Int(1), Term::Int(2))
        );
        assert!(append_all(&Term::list([ints(&[1]), Term::Int(2), ints(&[3])])).is_err());
        assert_eq!(
            erl_duplicate(&Term::Int(2), &Term::atom("a")).unwrap(),
            Term::list([Term::atom("a"), Term::atom("a")])
        );
    }

    #[test]
    fn elixir_list_functions() {
        assert_eq!(first(&Term::EmptyList).unwrap(), Term::NIL);
        assert_eq!(last(&ints(&[1, 2])).unwrap(), Term::Int(2));
        assert!(first(&Term::atom("x")).is_err());
        assert_eq!(wrap(&Term::NIL).unwrap(), Term::EmptyList);
        assert_eq!(wrap(&Term::Int(1)).unwrap(), ints(&[1]));
        let mixed = Term::list([Term::Float(1.0), Term::Int(1)]);
        assert_eq!(
            delete(&mixed, &Term::Int(1)).unwrap(),
            Term::list([Term::Float(1.0)])
        );
        let ins = |i| insert_at(&ints(&[1, 2, 3]), &Term::Int(i), &Term::Int(0)).unwrap();
        assert_eq!(ins(-2), ints(&[1, 2, 0, 3]));
        assert_eq!(ins(-10), ints(&[0, 1, 2, 3]));
        assert_eq!(ins(10), ints(&[1, 2, 3, 0]));
        assert_eq!(ins(-1), ints(&[1, 2, 3, 0]));
        assert_eq!(ins(0), ints(&[0, 1, 2, 3]));
    }
}
