//! The ETS functions that run match specifications (OTP 25 ets
//! documentation; the engine is `crate::ets::match_spec`): `select`,
//! `select_reverse`, `select_count`, `select_delete`, and the match
//! patterns of `match`, `match_object` and `match_delete`, which are the
//! specifications `[{pattern, [], [:"$$"]}]`, `[{pattern, [], [:"$_"]}]`
//! and `[{pattern, [], [true]}]`.
//!
//! Results come in listing order (`tab2list/1`'s). With a limit
//! (`select/3`, ...) a table is read in traversal order (`first/next`'s:
//! key order for an `ordered_set`, the reverse of listing order for the
//! others) and each chunk of a hash table comes out reversed, as OTP
//! gathers it by prepending. The whole result is worked out at the first
//! call; the continuation carries what is left, so changes to the table
//! after that call do not show in later chunks (OTP's continuations
//! re-read the table).

use super::{end_of_table, open, EtsResult};
use crate::bif::Ctx;
use crate::ets::match_spec::MatchSpec;
use crate::ets::objects::Kind;
use crate::ets::{Cause, Need, Table};
use crate::term::Term;
use crate::Atom;
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
    let mut stream = results(ctx, &table, &spec);
    let hashed = table.opts.kind != Kind::OrderedSet;
    if hashed || backwards {
        stream.reverse();
    }
    Ok(chunk(stream, size, hashed))
}

/// Takes up to `size` results off the front of `stream` (reversed if
/// `flip`): `{results, continuation}` for a full chunk, `{results,
/// :"$end_of_table"}` for the last, partial one, `:"$end_of_table"` when
/// nothing is left.
fn chunk(mut stream: Vec<Term>, size: usize, flip: bool) -> Term {
    if stream.is_empty() {
        return end_of_table();
    }
    let n = size.min(stream.len());
    let rest = stream.split_off(n);
    if flip {
        stream.reverse();
    }
    let next = if n < size {
        end_of_table()
    } else {
        Term::tuple([
            Term::atom(CONTINUATION),
            Term::Int(size as i64),
            Term::bool(flip),
            Term::list(rest),
        ])
    };
    Term::tuple([Term::list(stream), next])
}

/// `select(continuation)` (and `select_reverse/1`, `match/1`,
/// `match_object/1`): the next chunk; `:"$end_of_table"` stays so.
pub(super) fn next_chunk(_ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    if args[0] == end_of_table() {
        return Ok(end_of_table());
    }
    match args[0].as_tuple() {
        Some([Term::Atom(marker), Term::Int(size), Term::Atom(flip), rest])
            if marker.name() == CONTINUATION && *size >= 1 =>
        {
            let stream = rest.list_to_vec().ok_or(Cause::None)?;
            Ok(chunk(stream, *size as usize, *flip == Atom::TRUE))
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
