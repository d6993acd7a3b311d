//! Raising BIFs: `throw/1`, `exit/1`, `:erlang.error/1`, `:erlang.raise/3`,
//! the built-in part of `Exception.message/1`, and the report formatting
//! of `Exception.format/3` and `Exception.format_exit/1`.
//!
//! `raise/1,2` itself is compiled into a call of the exception module's
//! `exception/1` (written in Vial) followed by `:erlang.error/1`.

use super::{bif, BifDef, Ctx};
use crate::bytecode::Class;
use crate::error::Exception;
use crate::interp::trace_from_term;
use crate::term::Term;
use crate::Atom;

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.Kernel", "throw", 1, throw),
    bif!("erlang", "throw", 1, throw),
    bif!("Elixir.Kernel", "exit", 1, exit),
    bif!("erlang", "exit", 1, exit),
    bif!("erlang", "error", 1, error),
    bif!("erlang", "error", 2, error),
    bif!("erlang", "raise", 3, raise),
    bif!("vial_runtime", "exception_message", 1, message),
    bif!("Elixir.Exception", "format_exit", 1, format_exit),
    bif!(
        "Elixir.Exception",
        "format_stacktrace_entry",
        1,
        format_stacktrace_entry
    ),
    bif!("vial_runtime", "format_report", 3, format),
    bif!(
        "Elixir.Exception",
        "format_stacktrace",
        1,
        format_stacktrace
    ),
];

fn throw(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::new(Class::Throw, args[0].clone()))
}

fn exit(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::new(Class::Exit, args[0].clone()))
}

/// `:erlang.error(reason)`, which `raise` compiles to: the program's own
/// error, whose reason every handler sees as it is. `:erlang.error/2`'s
/// argument list only annotates the stack trace, which Vial does not
/// record.
fn error(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(Exception::new(Class::Error, args[0].clone()))
}

/// `:erlang.raise(class, reason, stacktrace)`: raises again with the given
/// stack trace (`reraise/2`).
fn raise(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Err(exception_of(args)?)
}

/// The exception `[class, reason, stacktrace]` describe; `badarg` for an
/// unknown class.
fn exception_of(args: &[Term]) -> Result<Exception, Exception> {
    let class = match args[0].as_atom() {
        Some(Atom::ERROR) => Class::Error,
        Some(Atom::THROW) => Class::Throw,
        Some(Atom::EXIT_KIND) => Class::Exit,
        _ => return Err(Exception::badarg()),
    };
    let mut e = Exception::new(class, args[1].clone());
    e.trace = trace_from_term(&args[2]);
    Ok(e)
}

/// The message of a built-in exception, or the `message` field of any
/// exception struct (see [`crate::error::message`]); `Exception.message/1`
/// calls this when the exception module defines no `message/1`.
fn message(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(Term::string(&crate::error::message(&args[0])))
}

/// `Exception.format_exit(reason)`: see [`crate::error::format_exit`].
fn format_exit(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(Term::string(&crate::error::format_exit(&args[0])))
}

/// The report under `Exception.format(kind, reason, stacktrace)` (which
/// first normalises the reason and renders a `message/1` the exception's
/// module defines): the banner (`** (Kind) message`, `** (exit) reason`,
/// `** (throw) term`) and one indented line per stack trace entry, each
/// ending in a newline, as the script's own uncaught-error report.
fn format(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let e = exception_of(args)?;
    let text = crate::error::format_uncaught(&e);
    // With no stack trace, the banner alone, without a line break.
    let text = if e.trace.is_empty() {
        text.trim_end_matches('\n')
    } else {
        &text
    };
    Ok(Term::string(text))
}

/// `Exception.format_stacktrace_entry(entry)`: `app.exs:3: Foo.bar/1`, or
/// `Foo.bar(1)` for an entry with arguments and no location.
fn format_stacktrace_entry(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let trace = trace_from_term(&Term::list([args[0].clone()]));
    match trace.first() {
        Some(t) => Ok(Term::string(&crate::error::format_trace_entry(t))),
        None => Err(super::data::function_clause(
            "Elixir.Exception",
            "format_stacktrace_entry",
            1,
        )),
    }
}

/// `Exception.format_stacktrace(trace)`: one line per entry, indented by
/// four spaces, each ending in a newline.
fn format_stacktrace(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut out = String::new();
    for t in trace_from_term(&args[0]).iter() {
        out.push_str("    ");
        out.push_str(&crate::error::format_trace_entry(t));
        out.push('\n');
    }
    Ok(Term::string(&out))
}
