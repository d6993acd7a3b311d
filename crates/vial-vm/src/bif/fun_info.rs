//! `:erlang.fun_info/1,2` and `Function.info/1,2`: what a function value
//! says about itself (ERTS, `erlang:fun_info/2`). An external function
//! (`&Mod.fun/arity`) gives its module, name and arity; an anonymous one
//! also its captured values, with stand-ins for the items Vial does not
//! keep: the asking process as `pid`, the function's index in its module
//! as `index`, and zeros for the BEAM's checksums (`uniq`, `new_uniq`).

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::term::{Closure, FunKind, Term};

pub(super) static BIFS: &[BifDef] = &[
    bif!("erlang", "fun_info", 1, info),
    bif!("erlang", "fun_info", 2, item),
    bif!("Elixir.Function", "info", 1, info),
    bif!("Elixir.Function", "info", 2, item),
];

const EXTERNAL: &[&str] = &["module", "name", "arity", "env", "type"];
const LOCAL: &[&str] = &[
    "pid",
    "module",
    "new_index",
    "new_uniq",
    "index",
    "uniq",
    "name",
    "arity",
    "env",
    "type",
];

fn closure(t: &Term) -> Result<&Closure, Exception> {
    match t {
        Term::Fun(f) => Ok(f),
        _ => Err(Exception::badarg()),
    }
}

/// The keyword list of every item, in ERTS's order.
fn info(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let f = closure(&args[0])?;
    let keys = match f.kind {
        FunKind::External { .. } => EXTERNAL,
        FunKind::Lambda { .. } => LOCAL,
    };
    let items = keys
        .iter()
        .map(|k| Term::tuple([Term::atom(k), value(ctx, f, k)]))
        .collect::<Vec<_>>();
    Ok(Term::list(items))
}

/// `{item, value}`; an item a function does not have is `:undefined`, an
/// unknown item `ArgumentError`.
fn item(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let f = closure(&args[0])?;
    let key = args[1].as_atom().ok_or_else(Exception::badarg)?;
    let name = key.name();
    if !LOCAL.contains(&name) {
        return Err(Exception::badarg());
    }
    let external = matches!(f.kind, FunKind::External { .. });
    let v = if external && !EXTERNAL.contains(&name) {
        Term::atom("undefined")
    } else {
        value(ctx, f, name)
    };
    Ok(Term::tuple([args[1].clone(), v]))
}

fn value(ctx: &mut Ctx, f: &Closure, key: &str) -> Term {
    match (&f.kind, key) {
        (FunKind::External { module, .. }, "module") => Term::Atom(*module),
        (FunKind::External { name, .. }, "name") => Term::Atom(*name),
        (_, "arity") => Term::Int(f.arity() as i64),
        (FunKind::External { .. }, "env") => Term::EmptyList,
        (FunKind::External { .. }, "type") => Term::atom("external"),
        (FunKind::Lambda { module, .. }, "module") => Term::Atom(module.name),
        (FunKind::Lambda { module, index, .. }, "name") => {
            Term::Atom(module.functions[*index as usize].name)
        }
        (FunKind::Lambda { .. }, "env") => Term::list(f.env.to_vec()),
        (FunKind::Lambda { .. }, "type") => Term::atom("local"),
        (FunKind::Lambda { index, .. }, "index" | "new_index") => Term::Int(*index as i64),
        (FunKind::Lambda { .. }, "uniq") => Term::Int(0),
        (FunKind::Lambda { .. }, "new_uniq") => Term::binary(vec![0; 16]),
        (FunKind::Lambda { .. }, "pid") => Term::Pid(ctx.proc.pid),
        _ => Term::atom("undefined"),
    }
}
