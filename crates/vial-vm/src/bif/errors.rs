//! Raising BIFs: `throw/1`, `exit/1`, `:erlang.error/1`, and the built-in
//! forms of `raise/1,2`.

use super::io::chars;
use super::{bif, BifDef, Ctx};
use crate::bytecode::Class;
use crate::error::{exception_name, Exception};
use crate::term::{Map, Term};
use crate::Atom;

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.Kernel", "throw", 1, throw),
    bif!("erlang", "throw", 1, throw),
    bif!("Elixir.Kernel", "exit", 1, exit),
    bif!("erlang", "exit", 1, exit),
    bif!("erlang", "error", 1, error),
    bif!("Elixir.Kernel", "raise", 1, raise1),
    bif!("Elixir.Kernel", "raise", 2, raise2),
    bif!("Elixir.Exception", "message", 1, message),
];

fn throw(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::new(Class::Throw, args[0].clone()))
}

fn exit(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::new(Class::Exit, args[0].clone()))
}

fn error(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::error(args[0].clone()))
}

/// `raise "msg"` → RuntimeError; `raise %SomeError{}` re-raises the struct;
/// `raise SomeError` builds the struct from its defaults.
fn raise1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Binary(_) => Err(Exception::runtime(chars(&args[0])?)),
        Term::Map(_) if exception_name(&args[0]).is_some() => {
            Err(Exception::error(args[0].clone()))
        }
        Term::Atom(_) => raise2(ctx, &[args[0].clone(), Term::EmptyList]),
        other => Err(Exception::argument(format!(
            "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: {}",
            crate::inspect::inspect(other)
        ))),
    }
}

/// `raise Module, "message"` or `raise Module, key: value`: the module's
/// struct (its `defstruct` defaults) with the given message or fields.
fn raise2(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(module) = args[0].as_atom() else {
        return Err(Exception::badarg());
    };
    let mut m = Map::new();
    if let Some(def) = crate::code::lookup(module).and_then(|m| m.struct_def.clone()) {
        for (k, v) in def {
            m.insert(Term::Atom(k), v);
        }
    }
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(module));
    m.insert(Term::Atom(Atom::EXCEPTION), Term::TRUE);
    match &args[1] {
        Term::Binary(_) => {
            m.insert(Term::Atom(Atom::MESSAGE), args[1].clone());
        }
        fields => {
            for kv in fields.iter_list() {
                if let Some([k, v]) = kv.as_tuple() {
                    m.insert(k.clone(), v.clone());
                }
            }
        }
    }
    m.entry(Term::Atom(Atom::MESSAGE)).or_insert(Term::NIL);
    Err(Exception::error(Term::map(m)))
}

fn message(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(Term::string(&crate::error::message(&args[0])))
}
