//! `info/1,2`: what a table is (OTP 25 ets documentation). Any process
//! may ask, even about a private table; a table that does not exist gives
//! `:undefined`.

use super::EtsResult;
use crate::bif::Ctx;
use crate::ets::{Cause, Table};
use crate::term::Term;
use crate::Atom;
use std::sync::Arc;

/// The items of `info/1`, in the order OTP 25 lists them.
const INFO_ITEMS: [&str; 15] = [
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

/// One `info/2` item of `table`; `None` for an unknown item.
fn info_item(table: &Table, item: &str) -> Option<Term> {
    let o = &table.opts;
    Some(match item {
        "id" => Term::Ref(table.id),
        "decentralized_counters" => Term::bool(o.decentralized_counters),
        "read_concurrency" => Term::bool(o.read_concurrency),
        "write_concurrency" => Term::bool(o.write_concurrency),
        "compressed" => Term::bool(o.compressed),
        "memory" => Term::Int(table.objects.read().words() as i64),
        "owner" => Term::Pid(table.owner()),
        "heir" => table
            .heir()
            .map_or_else(|| Term::atom("none"), |(p, _)| Term::Pid(p)),
        "name" => Term::Atom(table.name()),
        "size" => Term::Int(table.objects.read().len() as i64),
        "node" => Term::atom("nonode@nohost"),
        "named_table" => Term::bool(o.named),
        "type" => Term::atom(o.kind.name()),
        "keypos" => Term::Int(o.keypos as i64),
        "protection" => Term::atom(o.access.name()),
        "fixed" | "safe_fixed" | "safe_fixed_monotonic_time" => Term::FALSE,
        _ => return None,
    })
}

/// The table for `info/1,2`, which any process may ask about: `Ok(None)`
/// for a table that does not exist.
fn info_table(ctx: &Ctx, t: &Term) -> Result<Option<Arc<Table>>, Cause> {
    match ctx.vm.ets().resolve(t) {
        Ok(table) => Ok(Some(table)),
        Err(Cause::Id) => Ok(None),
        Err(cause) => Err(cause),
    }
}

/// `info(tab)`: a keyword list describing the table, or `:undefined`.
pub(super) fn info1(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let Some(table) = info_table(ctx, &args[0])? else {
        return Ok(Term::Atom(Atom::UNDEFINED));
    };
    Ok(Term::list(
        INFO_ITEMS
            .iter()
            .map(|item| {
                let v = info_item(&table, item).expect("a known item");
                Term::tuple([Term::atom(item), v])
            })
            .collect::<Vec<_>>(),
    ))
}

/// `info(tab, item)`: one item, or `:undefined` for a missing table.
pub(super) fn info2(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let Some(table) = info_table(ctx, &args[0])? else {
        return Ok(Term::Atom(Atom::UNDEFINED));
    };
    args[1]
        .as_atom()
        .and_then(|item| info_item(&table, item.name()))
        .ok_or(Cause::None)
}
