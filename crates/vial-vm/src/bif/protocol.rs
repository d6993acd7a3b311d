//! Protocol dispatch (`lib/protocol` modules compiled from `defprotocol`,
//! see the compiler's `protocols.rs`): the implementation module for a
//! value, by Elixir's naming (`Protocol.Type`) and rules (Elixir 1.14,
//! `Protocol`): a struct's own implementation, else `Any` when the
//! protocol falls back to it; otherwise the built-in type's (`Integer`,
//! `Float`, `Atom`, `BitString`, `List`, `Map`, `Tuple`, `Function`,
//! `PID`, `Reference`), else `Any` on fallback.

use super::{bif, BifDef, Ctx};
use crate::code;
use crate::error::{exception_struct, Exception};
use crate::term::Term;
use crate::Atom;

pub(super) static BIFS: &[BifDef] = &[
    bif!("vial_protocol", "impl", 3, implementation),
    bif!("vial_protocol", "impl_for", 3, |_, a| Ok(find(
        &a[0], &a[1], &a[2]
    )?
    .map_or(Term::NIL, Term::Atom))),
    bif!("vial_protocol", "implemented", 1, implemented),
];

/// `:vial_protocol.implemented(protocol)`: whether any implementation of
/// `protocol` is loaded (so `inspect` need not look for one in every
/// term when a program defines no `Inspect` implementation).
fn implemented(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let protocol = args[0].as_atom().ok_or_else(Exception::badarg)?;
    Ok(Term::bool(code::any_implementation(protocol)))
}

/// `__impl__`, which every implementation module defines.
fn impl_marker() -> Atom {
    static NAME: std::sync::OnceLock<Atom> = std::sync::OnceLock::new();
    *NAME.get_or_init(|| Atom::intern("__impl__"))
}

/// `:vial_protocol.impl(protocol, value, fallback_to_any)`: the module
/// implementing `protocol` for `value`; `Protocol.UndefinedError` when
/// there is none.
fn implementation(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match find(&args[0], &args[1], &args[2])? {
        Some(m) => Ok(Term::Atom(m)),
        None => Err(Exception::error(exception_struct(
            "Protocol.UndefinedError",
            [
                ("protocol", args[0].clone()),
                ("value", args[1].clone()),
                ("description", Term::string("")),
            ],
        ))),
    }
}

/// The implementation module of `protocol` for `value`, if any (a struct
/// that derives the protocol takes the `Any` implementation).
fn find(protocol: &Term, value: &Term, fallback: &Term) -> Result<Option<Atom>, Exception> {
    let protocol = protocol.as_atom().ok_or_else(Exception::badarg)?;
    let fallback = fallback.is_truthy();
    let module = |for_type: &str| {
        let name = format!("{}.{for_type}", protocol.name());
        // Only an existing atom can name a loaded module.
        Atom::existing(&name).filter(|&m| {
            code::lookup(m).is_some_and(|module| module.export(impl_marker(), 1).is_some())
        })
    };
    let (found, derived) = match value {
        Term::Map(m) => match m.get(&Term::Atom(Atom::STRUCT)) {
            Some(Term::Atom(s)) => (
                module(s.name().trim_start_matches("Elixir.")),
                code::lookup(*s).is_some_and(|sm| sm.derived.contains(&protocol)),
            ),
            _ => (module("Map"), false),
        },
        _ => (module(builtin_type(value)), false),
    };
    Ok(found.or_else(|| {
        if fallback || derived {
            module("Any")
        } else {
            None
        }
    }))
}

/// The protocol type name of a value that is not a map.
fn builtin_type(t: &Term) -> &'static str {
    match t {
        Term::Int(_) | Term::Big(_) => "Integer",
        Term::Float(_) => "Float",
        Term::Atom(_) => "Atom",
        Term::Binary(_) => "BitString",
        Term::EmptyList | Term::Cons(_) => "List",
        Term::Tuple(_) => "Tuple",
        Term::Fun(_) => "Function",
        Term::Pid(_) => "PID",
        Term::Ref(_) => "Reference",
        Term::Map(_) => "Map",
    }
}
