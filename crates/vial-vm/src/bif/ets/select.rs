//! The ETS functions that run match specifications (OTP 25 ets
//! documentation; the engine is `crate::ets::match_spec`): `select`,
//! `select_reverse`, `select_count`, `select_delete`, and the match
//! patterns of `match`, `match_object` and `match_delete`, which are the
//! specifications `[{pattern, [], [:"$$"]}]`, `[{pattern, [], [:"$_"]}]`
//! and `[{pattern, [], [true]}]`.
//!
//! Results come in listing order (`tab2list/1`'s). With a limit
//! (`select/3`, ...) an `ordered_set` is read in key order, and a hash
//! table a bucket at a time (see [`bucket_chunks`]). The whole result is
//! worked out at the first call; the continuation carries the chunks
//! left, so changes to the table after that call do not show in later
//! chunks (OTP's continuations re-read the table).

use super::{end_of_table, open, EtsResult};
use crate::bif::Ctx;
use crate::ets::match_spec::MatchSpec;
use crate::ets::objects::Kind;
use crate::ets::{Cause, Need, Table};
use crate::term::Term;
use std::sync::Arc;

/// The first element of the continuations this file makes.
const CONTINUATION: &str = "$vial_select_continuation";

/// The compiled specification, or `Cause::None` (not a valid match
/// specification).
fn compile(ms: &Term) -> Result<MatchSpec, Cause> {
    MatchSpec::compile(ms).ok_or(Cause::None)
}

/// The match specification of match pattern `pattern` with body `result`.
fn of_pattern(pattern: &Term, result: &str) -> Result<MatchSpec, Cause> {
    MatchSpec::of_pattern(pattern, Term::atom(result)).ok_or(Cause::None)
}

/// The table and the specification (the table's error first).
fn prepare(
    ctx: &Ctx,
    tab: &Term,
    need: Need,
    spec: Result<MatchSpec, Cause>,
) -> Result<(Arc<Table>, MatchSpec), Cause> {
    let table = open(ctx, tab, need)?;
    Ok((table, spec?))
}

/// The results of `spec` on the objects of `table`, in listing order.
/// A specification whose heads all name one key reads that key's objects
/// only.
fn results(ctx: &mut Ctx, table: &Table, spec: &MatchSpec) -> Vec<Term> {
    let store = table.objects.read();
    let objects: Vec<&Term> = match spec.bound_key(table.opts.keypos) {
        Some(key) => store.lookup(key).iter().collect(),
        None => store.listing(),
    };
    objects
        .into_iter()
        .filter_map(|o| spec.run(ctx, o))
        .collect()
}

fn select_with(ctx: &mut Ctx, tab: &Term, spec: Result<MatchSpec, Cause>) -> EtsResult {
    let (table, spec) = prepare(ctx, tab, Need::Read, spec)?;
    Ok(Term::list(results(ctx, &table, &spec)))
}

/// `select(tab, spec)`: the result of `spec` for each object it matches.
pub(super) fn select(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    select_with(ctx, &args[0], compile(&args[1]))
}

/// `select_reverse(tab, spec)`: `select/2` backwards for an
/// `ordered_set`; the same as `select/2` for the other types.
pub(super) fn select_reverse(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let (table, spec) = prepare(ctx, &args[0], Need::Read, compile(&args[1]))?;
    let mut found = results(ctx, &table, &spec);
    if table.opts.kind == Kind::OrderedSet {
        found.reverse();
    }
    Ok(Term::list(found))
}

/// `match(tab, pattern)`: for each matching object, the values of the
/// pattern's variables by number.
pub(super) fn match_vars(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    select_with(ctx, &args[0], of_pattern(&args[1], "$$"))
}

/// `match_object(tab, pattern)`: the matching objects.
pub(super) fn match_object(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    select_with(ctx, &args[0], of_pattern(&args[1], "$_"))
}

/// `select_count(tab, spec)`: how many objects `spec` gives `true` for.
pub(super) fn select_count(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let (table, spec) = prepare(ctx, &args[0], Need::Read, compile(&args[1]))?;
    let found = results(ctx, &table, &spec);
    Ok(Term::Int(
        found.iter().filter(|r| **r == Term::TRUE).count() as i64,
    ))
}

fn delete_with(ctx: &mut Ctx, tab: &Term, spec: Result<MatchSpec, Cause>) -> Result<usize, Cause> {
    let (table, spec) = prepare(ctx, tab, Need::Write, spec)?;
    let mut store = table.objects.write();
    Ok(store.retain(|o| spec.run(ctx, o) != Some(Term::TRUE)))
}

/// `select_delete(tab, spec)`: deletes the objects `spec` gives `true`
/// for; how many.
pub(super) fn select_delete(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let deleted = delete_with(ctx, &args[0], compile(&args[1]))?;
    Ok(Term::Int(deleted as i64))
}

/// `match_delete(tab, pattern)`: deletes the matching objects; `true`.
pub(super) fn match_delete(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    delete_with(ctx, &args[0], of_pattern(&args[1], "true"))?;
    Ok(Term::TRUE)
}

/// A chunk size: a positive integer.
fn limit(t: &Term) -> Option<usize> {
    match t {
        Term::Int(n) if *n >= 1 => usize::try_from(*n).ok(),
        Term::Big(b) if b.sign() == num_bigint::Sign::Plus => Some(usize::MAX),
        _ => None,
    }
}

/// The first chunk of `select/3` (`backwards` for `select_reverse/3`),
/// `match/3` and `match_object/3`.
fn first_chunk(
    ctx: &mut Ctx,
    args: &[Term],
    spec: Result<MatchSpec, Cause>,
    backwards: bool,
) -> EtsResult {
    let prepared = prepare(ctx, &args[0], Need::Read, spec);
    let size = limit(&args[2]);
    let (table, spec) = prepared?;
    let size = size.ok_or(Cause::None)?;
    let (chunks, ends) = if table.opts.kind == Kind::OrderedSet {
        let mut stream = results(ctx, &table, &spec);
        if backwards {
            stream.reverse();
        }
        let partial = !stream.len().is_multiple_of(size);
        (stream.chunks(size).map(<[Term]>::to_vec).collect(), partial)
    } else {
        bucket_chunks(ctx, &table, &spec, size)
    };
    Ok(chunk(chunks, ends))
}

/// The chunks of up to `size` results that `select/3` and its
/// continuations give on a hash table, and whether the last comes with
/// the table's end, as OTP 25 reads it. Each call gathers results in
/// front of those it starts from, reading a bucket at a time in traversal
/// order and checking the limit only between buckets; the read that
/// reaches the last bucket ends the table. With more than `size`, a call
/// returns the oldest `size` and keeps the newest for the next call
/// (turned around when the first call keeps them). A call finding at
/// least `size` kept returns the first `size` of them, keeping the others
/// turned around; with fewer, it starts from them turned around.
/// Checked against OTP 25 with chunk sizes 1 to 100 on sets and bags of
/// up to 1,000 objects.
fn bucket_chunks(
    ctx: &mut Ctx,
    table: &Table,
    spec: &MatchSpec,
    size: usize,
) -> (Vec<Vec<Term>>, bool) {
    let store = table.objects.read();
    let buckets: Vec<Vec<Term>> = match spec.bound_key(table.opts.keypos) {
        Some(key) => vec![store.lookup(key).iter().rev().cloned().collect()],
        None => store
            .buckets()
            .into_iter()
            .map(|b| b.into_iter().cloned().collect())
            .collect(),
    };
    drop(store);
    let mut chunks: Vec<Vec<Term>> = Vec::new();
    // The results kept for the next call, in the order OTP keeps them.
    let mut kept: Vec<Term> = Vec::new();
    let mut next = 0;
    let mut ends = false;
    loop {
        if !chunks.is_empty() && kept.len() >= size {
            let mut others = kept.split_off(size);
            others.reverse();
            chunks.push(std::mem::replace(&mut kept, others));
            ends = false;
            continue;
        }
        // Oldest first (the reverse of the list OTP gathers).
        let mut gathered = std::mem::take(&mut kept);
        while next < buckets.len() {
            gathered.extend(buckets[next].iter().filter_map(|o| spec.run(ctx, o)));
            next += 1;
            if gathered.len() >= size && next < buckets.len() {
                break;
            }
        }
        if gathered.len() > size {
            let mut newest = gathered.split_off(size);
            if !chunks.is_empty() {
                newest.reverse();
            }
            kept = newest;
            gathered.reverse();
            chunks.push(gathered);
            ends = false;
        } else {
            let reached_end = next == buckets.len();
            if !gathered.is_empty() {
                gathered.reverse();
                chunks.push(gathered);
                ends = reached_end;
            }
            if reached_end {
                break;
            }
        }
    }
    (chunks, ends)
}

/// The first of `chunks`: `{results, continuation}`, or `{results,
/// :"$end_of_table"}` for the last one when `ends` (the read that gave it
/// reached the table's end); `:"$end_of_table"` when there is none.
fn chunk(chunks: Vec<Vec<Term>>, ends: bool) -> Term {
    next_of(&Term::list(chunks.into_iter().map(Term::list)), ends)
}

/// [`chunk`] of the chunks left in a continuation, a list of lists: the
/// rest is passed on as it is, so each call costs its own chunk.
fn next_of(chunks: &Term, ends: bool) -> Term {
    let Term::Cons(cell) = chunks else {
        return end_of_table();
    };
    let (first, rest) = (cell.head.clone(), cell.tail.clone());
    let next = if rest == Term::EmptyList && ends {
        end_of_table()
    } else {
        Term::tuple([Term::atom(CONTINUATION), Term::bool(ends), rest])
    };
    Term::tuple([first, next])
}

/// `select(continuation)` (and `select_reverse/1`, `match/1`,
/// `match_object/1`): the next chunk; `:"$end_of_table"` stays so.
pub(super) fn next_chunk(_ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    if args[0] == end_of_table() {
        return Ok(end_of_table());
    }
    match args[0].as_tuple() {
        Some([Term::Atom(marker), Term::Atom(ends), rest @ (Term::Cons(_) | Term::EmptyList)])
            if marker.name() == CONTINUATION =>
        {
            Ok(next_of(rest, *ends == crate::Atom::TRUE))
        }
        _ => Err(Cause::None),
    }
}

/// `select(tab, spec, limit)`.
pub(super) fn select_limit(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    first_chunk(ctx, args, compile(&args[1]), false)
}

/// `select_reverse(tab, spec, limit)`.
pub(super) fn select_reverse_limit(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    first_chunk(ctx, args, compile(&args[1]), true)
}

/// `match(tab, pattern, limit)`.
pub(super) fn match_limit(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    first_chunk(ctx, args, of_pattern(&args[1], "$$"), false)
}

/// `match_object(tab, pattern, limit)`.
pub(super) fn match_object_limit(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    first_chunk(ctx, args, of_pattern(&args[1], "$_"), false)
}
