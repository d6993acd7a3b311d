//! BIFs the compiler emits for syntax: `map.field`, `term[key]`, ranges,
//! `in`, `!`, and dynamic calls (`mod.fun(args)`).
//!
//! They live under the module atom `vial_runtime`, which no program names.

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::inspect::inspect;
use crate::term::Arc;
use crate::term::{Closure, FunKind, Map, Term};
use crate::Atom;

pub(super) static BIFS: &[BifDef] = &[
    bif!("vial_runtime", "dot", 2, dot),
    bif!("vial_runtime", "access", 2, access),
    bif!("vial_runtime", "range", 2, range2),
    bif!("vial_runtime", "range", 3, range3),
    bif!("vial_runtime", "in", 2, member),
    bif!("vial_runtime", "bang", 1, bang),
    bif!("erlang", "make_fun", 3, make_fun),
    bif!("Elixir.Function", "capture", 3, make_fun),
    bif!("erlang", "function_exported", 3, function_exported),
    bif!("Elixir.Kernel", "**", 2, pow),
    bif!("Elixir.Kernel", "function_exported?", 3, function_exported),
    bif!("Elixir.Code", "ensure_loaded?", 1, ensure_loaded_p),
    bif!("Elixir.Code", "ensure_loaded", 1, ensure_loaded),
    bif!("code", "ensure_loaded", 1, ensure_loaded),
];

/// Whether `module` is a loaded module (every module is loaded when its
/// file is compiled, so this is whether it exists).
fn is_module(t: &Term) -> bool {
    matches!(t, Term::Atom(m) if crate::code::is_loaded(*m))
}

/// `Code.ensure_loaded?(module)`: whether the module exists.
fn ensure_loaded_p(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(Term::bool(is_module(&args[0])))
}

/// `Code.ensure_loaded(module)`: `{:module, module}` or `{:error, :nofile}`.
fn ensure_loaded(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(if is_module(&args[0]) {
        Term::tuple([Term::atom("module"), args[0].clone()])
    } else {
        Term::tuple([Term::atom("error"), Term::atom("nofile")])
    })
}

/// Whether `module` is loaded and exports `name/arity` (BIFs count).
fn function_exported(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let (Term::Atom(m), Term::Atom(f), Term::Int(a)) = (&args[0], &args[1], &args[2]) else {
        return Err(Exception::badarg());
    };
    let arity = u32::try_from(*a).map_err(|_| Exception::badarg())?;
    let exported = crate::bif::lookup(crate::bytecode::Mfa::new(*m, *f, arity)).is_some()
        || crate::code::lookup(*m).is_some_and(|module| module.export(*f, arity).is_some());
    Ok(Term::bool(exported))
}

/// `map.field`: the value, or KeyError; a non-map raises as Elixir 1.14 does.
fn dot(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Map(m) => m
            .get(&args[1])
            .cloned()
            .ok_or_else(|| Exception::key_error(args[1].clone(), args[0].clone())),
        // `module.name` is the call `module.name()` in Elixir; Vial's dot
        // reads map fields only, so it reports the undefined function a
        // module without `name/0` gives.
        // nil and the booleans are no modules: they take the KeyError.
        Term::Atom(module)
            if !matches!(*module, Atom::NIL | Atom::TRUE | Atom::FALSE)
                && !module_exports(*module, &args[1]) =>
        {
            Err(Exception::undefined_function(
                *module,
                args[1].as_atom().unwrap_or(Atom::NIL),
                0,
            ))
        }
        other => {
            let mut e = Exception::key_error(args[1].clone(), other.clone());
            e.reason = crate::error::exception_struct(
                "KeyError",
                [
                    ("key", args[1].clone()),
                    ("term", other.clone()),
                    (
                        "message",
                        Term::string(&format!(
                            "key {} not found in: {}. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map",
                            inspect(&args[1]),
                            inspect(other)
                        )),
                    ),
                ],
            );
            Err(e)
        }
    }
}

/// Whether loaded (or loadable) module `module` exports `name/0`.
fn module_exports(module: Atom, name: &Term) -> bool {
    name.as_atom().is_some_and(|name| {
        crate::code::lookup(module).is_some_and(|m| m.exports.contains_key(&(name, 0)))
    })
}

/// `term[key]` (`Access.get/2`): maps, keyword lists (an atom key), `nil`, and
/// structs (through `Access.get/2`); anything else is a FunctionClauseError
/// in `Access.get/3`, as in Elixir.
fn access(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Map(m) => match m.get(&Term::Atom(Atom::STRUCT)) {
            // A struct's module may implement the Access behaviour.
            Some(Term::Atom(_)) => Err(Exception::redirect("Elixir.Access", "get")),
            _ => Ok(m.get(&args[1]).cloned().unwrap_or(Term::NIL)),
        },
        Term::Atom(Atom::NIL) => Ok(Term::NIL),
        list @ (Term::Cons(_) | Term::EmptyList) if args[1].as_atom().is_some() => Ok(list
            .iter_list()
            .find_map(|kv| match kv.as_tuple() {
                Some([k, v]) if *k == args[1] => Some(v.clone()),
                _ => None,
            })
            .unwrap_or(Term::NIL)),
        Term::Cons(_) | Term::EmptyList => Err(Exception::argument(format!(
            "the Access calls for keywords expect the key to be an atom, got: {}",
            inspect(&args[1])
        ))),
        _ => Err(super::data::function_clause("Elixir.Access", "get", 3)),
    }
}

/// `%Range{first: a, last: b, step: s}`.
pub(crate) fn make_range(first: Term, last: Term, step: Term) -> Term {
    let mut m = Map::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(Atom::ELIXIR_RANGE));
    m.insert(Term::Atom(Atom::FIRST), first);
    m.insert(Term::Atom(Atom::LAST), last);
    m.insert(Term::Atom(Atom::STEP), step);
    Term::map(m)
}

/// `a..b`: step 1, or -1 when `a > b` (Elixir 1.14's inferred step).
fn range2(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match (&args[0], &args[1]) {
        (Term::Int(a), Term::Int(b)) => {
            let step = if a > b { -1 } else { 1 };
            Ok(make_range(
                args[0].clone(),
                args[1].clone(),
                Term::Int(step),
            ))
        }
        _ => Err(Exception::argument(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            inspect(&args[0]),
            inspect(&args[1])
        ))),
    }
}

/// `a..b//step`.
fn range3(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match (&args[0], &args[1], &args[2]) {
        (Term::Int(_), Term::Int(_), Term::Int(s)) if *s != 0 => {
            Ok(make_range(args[0].clone(), args[1].clone(), args[2].clone()))
        }
        _ => Err(Exception::argument(format!(
            "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
            inspect(&args[0]),
            inspect(&args[1]),
            inspect(&args[2])
        ))),
    }
}

/// `x in enumerable` for lists (exact `===` membership, as `:lists.member`),
/// ranges and maps (`{k, v}` entries).
fn member(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let x = &args[0];
    match &args[1] {
        list @ (Term::Cons(_) | Term::EmptyList) => {
            Ok(Term::bool(list.iter_list().any(|e| e == x)))
        }
        Term::Map(m)
            if m.get(&Term::Atom(Atom::STRUCT)) == Some(&Term::Atom(Atom::ELIXIR_RANGE)) =>
        {
            let get = |k| match m.get(&Term::Atom(k)) {
                Some(Term::Int(n)) => *n,
                _ => 0,
            };
            let (first, last, step) = (get(Atom::FIRST), get(Atom::LAST), get(Atom::STEP));
            let Term::Int(n) = x else {
                return Ok(Term::FALSE);
            };
            let inside = if step > 0 {
                first <= *n && *n <= last
            } else {
                last <= *n && *n <= first
            };
            Ok(Term::bool(inside && (n - first) % step == 0))
        }
        Term::Map(m) => Ok(Term::bool(match x.as_tuple() {
            Some([k, v]) => m.get(k) == Some(v),
            _ => false,
        })),
        other => Err(Exception::error(crate::error::exception_struct(
            "Protocol.UndefinedError",
            [
                ("protocol", Term::atom("Elixir.Enumerable")),
                ("value", other.clone()),
                ("description", Term::string("")),
            ],
        ))),
    }
}

/// `!x`: `true` for `false`/`nil`, `false` otherwise.
fn bang(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(Term::bool(!args[0].is_truthy()))
}

/// `:erlang.make_fun(module, name, arity)`: the value `&module.name/arity`.
fn make_fun(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match (&args[0], &args[1], &args[2]) {
        (Term::Atom(m), Term::Atom(n), Term::Int(a)) if *a >= 0 => {
            Ok(Term::Fun(Arc::new(Closure {
                kind: FunKind::External {
                    module: *m,
                    name: *n,
                    arity: *a as u32,
                },
                env: Box::new([]),
            })))
        }
        _ => Err(Exception::badarg()),
    }
}

/// `base ** exponent`: an integer for integer operands and a non-negative
/// exponent, a float otherwise (Kernel.**/2).
fn pow(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    use num_bigint::BigInt;
    use num_traits::{Pow, ToPrimitive};
    let as_big = |t: &Term| match t {
        Term::Int(n) => Some(BigInt::from(*n)),
        Term::Big(b) => Some((**b).clone()),
        _ => None,
    };
    let as_f64 = |t: &Term| match t {
        Term::Float(f) => Some(*f),
        other => as_big(other).and_then(|b| b.to_f64()),
    };
    match (&args[0], &args[1]) {
        (base, Term::Int(e)) if base.is_integer() && *e >= 0 => {
            let e = u32::try_from(*e).map_err(|_| {
                Exception::error(crate::error::exception_struct(
                    "SystemLimitError",
                    [("message", Term::string("a system limit has been reached"))],
                ))
            })?;
            Ok(Term::from_bigint(Pow::pow(
                as_big(base).expect("integer"),
                e,
            )))
        }
        (a, b) => match (as_f64(a), as_f64(b)) {
            (Some(x), Some(y)) => {
                let r = x.powf(y);
                if r.is_finite() {
                    Ok(Term::Float(r))
                } else {
                    Err(Exception::badarith())
                }
            }
            _ => Err(Exception::badarith()),
        },
    }
}
