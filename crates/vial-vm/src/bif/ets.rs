//! `:ets`: tables of tuples shared between processes (OTP 25 ets
//! documentation; the store is `crate::ets`).
//!
//! Each BIF works out a result or a [`Cause`], as the BEAM's ETS BIFs do;
//! `errors.rs` turns a cause into OTP's per-argument message. Reads need
//! read access (any process, except for a `:private` table), writes need
//! write access (the owner, or anyone for a `:public` table).

mod errors;
mod info;
mod select;
mod update;

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::ets::objects::{element, Kind};
use crate::ets::{Access, Cause, Need, Options, Table};
use crate::term::Term;
use crate::Atom;
use errors::ets_error;
use std::sync::Arc;

/// `bif!` for `:ets.NAME/ARITY` computed by `f(ctx, args)`: a failure
/// raises the ETS error message of NAME.
macro_rules! ets {
    ($name:literal, $arity:literal, $f:expr) => {
        bif!("ets", $name, $arity, |c, a| run($name, a, ($f)(c, a)))
    };
}

/// The BIFs of this module, by MFA.
pub(super) static BIFS: &[BifDef] = &[
    ets!("new", 2, new),
    ets!("insert", 2, |c, a| insert(c, a, false)),
    ets!("insert_new", 2, |c, a| insert(c, a, true)),
    ets!("lookup", 2, lookup),
    ets!("lookup_element", 3, lookup_element),
    ets!("member", 2, member),
    ets!("delete", 1, delete_table),
    ets!("delete", 2, delete_key),
    ets!("delete_object", 2, delete_object),
    ets!("delete_all_objects", 1, delete_all),
    ets!("take", 2, take),
    ets!("tab2list", 1, tab2list),
    ets!("update_counter", 3, update::counter),
    ets!("update_counter", 4, update::counter),
    ets!("update_element", 3, update::element),
    ets!("info", 1, info::info1),
    ets!("info", 2, info::info2),
    ets!("first", 1, first),
    ets!("last", 1, last),
    ets!("next", 2, |c, a| next(c, a, false)),
    ets!("prev", 2, |c, a| next(c, a, true)),
    ets!("whereis", 1, whereis),
    ets!("rename", 2, rename),
    ets!("give_away", 3, give_away),
    ets!("select", 1, select::next_chunk),
    ets!("select", 2, select::select),
    ets!("select", 3, select::select_limit),
    ets!("select_reverse", 1, select::next_chunk),
    ets!("select_reverse", 2, select::select_reverse),
    ets!("select_reverse", 3, select::select_reverse_limit),
    ets!("select_count", 2, select::select_count),
    ets!("select_delete", 2, select::select_delete),
    ets!("match", 1, select::next_chunk),
    ets!("match", 2, select::match_vars),
    ets!("match", 3, select::match_limit),
    ets!("match_object", 1, select::next_chunk),
    ets!("match_object", 2, select::match_object),
    ets!("match_object", 3, select::match_object_limit),
    ets!("match_delete", 2, select::match_delete),
    bif!("ets", "all", 0, |c, _| Ok(Term::list(c.vm.ets().all()))),
];

type EtsResult = Result<Term, Cause>;

/// Raises the ETS error of `fun` for a failed `result`.
fn run(fun: &str, args: &[Term], result: EtsResult) -> Result<Term, Exception> {
    result.map_err(|cause| ets_error(fun, args, cause))
}

/// The table `t` names, if the caller may `need` it.
fn open(ctx: &Ctx, t: &Term, need: Need) -> Result<Arc<Table>, Cause> {
    ctx.vm.ets().open(t, ctx.proc.pid, need)
}

fn end_of_table() -> Term {
    Term::atom("$end_of_table")
}

/// Parses the options of `new/2`; `None` for an unknown or malformed one.
/// Later options win (`[:set, :bag]` is a bag).
fn parse_options(items: &[Term]) -> Option<Options> {
    let mut o = Options::default();
    let mut decentralized = None;
    let boolean = |t: &Term| match t.as_atom()? {
        Atom::TRUE => Some(true),
        Atom::FALSE => Some(false),
        _ => None,
    };
    for item in items {
        match item {
            Term::Atom(a) => match a.name() {
                "set" => o.kind = Kind::Set,
                "ordered_set" => o.kind = Kind::OrderedSet,
                "bag" => o.kind = Kind::Bag,
                "duplicate_bag" => o.kind = Kind::DuplicateBag,
                "named_table" => o.named = true,
                "public" => o.access = Access::Public,
                "protected" => o.access = Access::Protected,
                "private" => o.access = Access::Private,
                "compressed" => o.compressed = true,
                _ => return None,
            },
            Term::Tuple(t) => match &t.0[..] {
                [Term::Atom(k), Term::Int(n)] if k.name() == "keypos" && *n >= 1 => {
                    o.keypos = *n as usize;
                }
                [Term::Atom(k), v] if k.name() == "read_concurrency" => {
                    o.read_concurrency = boolean(v)?;
                }
                [Term::Atom(k), v] if k.name() == "write_concurrency" => {
                    o.write_concurrency =
                        v.as_atom().is_some_and(|a| a.name() == "auto") || boolean(v)?;
                }
                [Term::Atom(k), v] if k.name() == "decentralized_counters" => {
                    decentralized = Some(boolean(v)?);
                }
                [Term::Atom(k), Term::Atom(v)] if k.name() == "heir" && v.name() == "none" => {
                    o.heir = None;
                }
                [Term::Atom(k), Term::Pid(p), data] if k.name() == "heir" => {
                    o.heir = Some((*p, data.clone()));
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    o.decentralized_counters =
        decentralized.unwrap_or(o.kind == Kind::OrderedSet && o.write_concurrency);
    Some(o)
}

/// `:ets.new(name, options)`: the name for a `:named_table`, else the new
/// table's identifier. The caller owns the table.
fn new(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let (Term::Atom(name), Some(items)) = (&args[0], args[1].list_to_vec()) else {
        return Err(Cause::None);
    };
    let opts = parse_options(&items).ok_or(Cause::None)?;
    let table = ctx.vm.ets().create(*name, opts, ctx.proc.pid)?;
    ctx.vm.ets_adopt(ctx.proc.pid, table.id);
    Ok(table.handle())
}

/// Checks that `t` is one object of a table keyed at `keypos`: a tuple
/// with at least `keypos` elements.
fn object(t: &Term, keypos: usize) -> Result<Term, Cause> {
    match t.as_tuple() {
        Some(elems) if elems.len() >= keypos => Ok(t.clone()),
        _ => Err(Cause::None),
    }
}

/// The objects of `insert/2`: one object or a proper list of them.
fn objects(t: &Term, keypos: usize) -> Result<Vec<Term>, Cause> {
    match t {
        Term::Tuple(_) => Ok(vec![object(t, keypos)?]),
        Term::EmptyList | Term::Cons(_) => t
            .list_to_vec()
            .ok_or(Cause::None)?
            .iter()
            .map(|o| object(o, keypos))
            .collect(),
        _ => Err(Cause::None),
    }
}

/// `insert(tab, objects)`: `true`. With `only_new` (`insert_new/2`),
/// inserts nothing and returns `false` if any key is already present.
fn insert(ctx: &mut Ctx, args: &[Term], only_new: bool) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write);
    let keypos = table.as_ref().map_or(1, |t| t.opts.keypos);
    let objs = objects(&args[1], keypos);
    let (table, objs) = (table?, objs?);
    let mut store = table.objects.write();
    if only_new && objs.iter().any(|o| store.contains(element(o, keypos))) {
        return Ok(Term::FALSE);
    }
    // OTP 25 stores a list's objects in a `bag` last first (lookup then
    // lists them in reverse), in the other kinds in list order.
    if table.opts.kind == Kind::Bag {
        objs.into_iter().rev().for_each(|o| store.insert(o));
    } else {
        objs.into_iter().for_each(|o| store.insert(o));
    }
    Ok(Term::TRUE)
}

/// `lookup(tab, key)`: the objects with `key`, a list.
fn lookup(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let store = table.objects.read();
    Ok(Term::list(store.lookup(&args[1]).to_vec()))
}

/// `lookup_element(tab, key, pos)`: element `pos` of the object with `key`
/// (a list of them for a bag).
fn lookup_element(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let pos = match &args[2] {
        Term::Int(n) if *n >= 1 => usize::try_from(*n).unwrap_or(usize::MAX),
        Term::Big(b) if b.sign() == num_bigint::Sign::Plus => usize::MAX,
        _ => return Err(Cause::None),
    };
    let store = table.objects.read();
    let objs = store.lookup(&args[1]);
    if objs.is_empty() {
        return Err(Cause::BadKey);
    }
    let mut elems = Vec::with_capacity(objs.len());
    for o in objs {
        match o.as_tuple() {
            Some(t) if pos <= t.len() => elems.push(t[pos - 1].clone()),
            _ => return Err(Cause::None),
        }
    }
    Ok(match table.opts.kind {
        Kind::Set | Kind::OrderedSet => elems.swap_remove(0),
        Kind::Bag | Kind::DuplicateBag => Term::list(elems),
    })
}

fn member(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let found = table.objects.read().contains(&args[1]);
    Ok(Term::bool(found))
}

/// `delete(tab)`: deletes the table (frees its name); `true`.
fn delete_table(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    if ctx.vm.ets().remove(&table) {
        ctx.vm.ets_disown(table.owner(), table.id);
    }
    Ok(Term::TRUE)
}

/// `delete(tab, key)`: removes the objects with `key`; `true`.
fn delete_key(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    table.objects.write().take(&args[1]);
    Ok(Term::TRUE)
}

/// `delete_object(tab, object)`: removes the objects exactly equal to
/// `object`; `true`.
fn delete_object(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write);
    let keypos = table.as_ref().map_or(1, |t| t.opts.keypos);
    let obj = object(&args[1], keypos);
    let (table, obj) = (table?, obj?);
    table.objects.write().remove_object(&obj);
    Ok(Term::TRUE)
}

fn delete_all(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    table.objects.write().clear();
    Ok(Term::TRUE)
}

/// `take(tab, key)`: removes and returns the objects with `key`.
fn take(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    let objs = table.objects.write().take(&args[1]);
    Ok(Term::list(objs))
}

/// `tab2list(tab)`: every object; in key order for an `ordered_set`, in
/// hash order (stable, unrelated to insertion order) for the others.
fn tab2list(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let all = table.objects.read().all();
    Ok(Term::list(all))
}

fn first(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let key = table.objects.read().first();
    Ok(key.unwrap_or_else(end_of_table))
}

fn last(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let key = table.objects.read().last();
    Ok(key.unwrap_or_else(end_of_table))
}

/// `next(tab, key)` (or `prev/2` with `back`): the following key, or
/// `:"$end_of_table"`. Outside an `ordered_set` the key must exist.
fn next(ctx: &mut Ctx, args: &[Term], back: bool) -> EtsResult {
    let table = open(ctx, &args[0], Need::Read)?;
    let store = table.objects.read();
    let found = if back {
        store.prev(&args[1])
    } else {
        store.next(&args[1])
    };
    Ok(found.map_err(|_| Cause::None)?.unwrap_or_else(end_of_table))
}

/// `whereis(name)`: the identifier of the table named `name`, or
/// `:undefined`.
fn whereis(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let Term::Atom(name) = args[0] else {
        return Err(Cause::None);
    };
    Ok(ctx
        .vm
        .ets()
        .whereis(name)
        .map_or(Term::Atom(Atom::UNDEFINED), Term::Ref))
}

/// `rename(tab, name)`: see [`crate::ets::Store::rename`]; returns the
/// table as programs now name it.
fn rename(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    let Term::Atom(name) = args[1] else {
        return Err(Cause::None);
    };
    ctx.vm.ets().rename(&table, name)?;
    Ok(table.handle())
}

/// `give_away(tab, pid, gift)`: the owner hands the table to the live
/// process `pid`, which gets `{:"ETS-TRANSFER", tab, from, gift}`; `true`.
fn give_away(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    let Term::Pid(to) = args[1] else {
        return Err(Cause::None);
    };
    let me = ctx.proc.pid;
    if table.owner() != me {
        return Err(Cause::NotOwner);
    }
    if to == me {
        return Err(Cause::Owner);
    }
    if !ctx.vm.ets_transfer(&table, me, to, args[2].clone()) {
        return Err(Cause::None);
    }
    Ok(Term::TRUE)
}
