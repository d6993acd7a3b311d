//! Output and formatting BIFs: `IO.puts`, `IO.inspect`, `inspect`,
//! `to_string`.

use super::{bif, BifDef, Ctx};
use crate::error::{exception_struct, Exception};
use crate::inspect::{self, InspectOpts};
use crate::term::Term;
use crate::Atom;
use std::io::Write;

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.IO", "puts", 1, puts),
    bif!("Elixir.IO", "puts", 2, puts_device),
    bif!("Elixir.IO", "write", 1, write),
    bif!("Elixir.IO", "inspect", 1, io_inspect),
    bif!("Elixir.IO", "inspect", 2, io_inspect_opts),
    bif!("Elixir.Kernel", "inspect", 1, kernel_inspect),
    bif!("Elixir.Kernel", "inspect", 2, kernel_inspect),
    bif!("Elixir.Kernel", "to_string", 1, to_string),
];

/// `String.Chars.to_string/1`, raising `Protocol.UndefinedError` for terms
/// that have no string form.
pub(crate) fn chars(t: &Term) -> Result<String, Exception> {
    match t {
        Term::Binary(b) => Ok(String::from_utf8_lossy(&b.0).into_owned()),
        _ => inspect::to_string(t).ok_or_else(|| {
            Exception::error(exception_struct(
                "Protocol.UndefinedError",
                [
                    ("protocol", Term::atom("Elixir.String.Chars")),
                    ("value", t.clone()),
                    ("description", Term::string("")),
                ],
            ))
        }),
    }
}

fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed stdout (e.g. piped into `head`) is not the program's error.
    let _ = out.write_all(text.as_bytes());
}

fn emit_err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn puts(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut s = chars(&args[0])?;
    s.push('\n');
    emit(&s);
    Ok(Term::OK)
}

fn puts_device(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut s = chars(&args[1])?;
    s.push('\n');
    match args[0].as_atom().map(|a| a.name()) {
        Some("stderr") => emit_err(&s),
        _ => emit(&s),
    }
    Ok(Term::OK)
}

fn write(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    emit(&chars(&args[0])?);
    Ok(Term::OK)
}

fn keyword<'a>(opts: &'a Term, key: &str) -> Option<&'a Term> {
    opts.iter_list().find_map(|kv| match kv.as_tuple() {
        Some([k, v]) if k.as_atom().is_some_and(|a| a.name() == key) => Some(v),
        _ => None,
    })
}

fn pretty_opts(opts: Option<&Term>) -> InspectOpts {
    let mut o = InspectOpts {
        pretty: true,
        ..InspectOpts::default()
    };
    let Some(opts) = opts else { return o };
    // A count, or `:infinity`.
    let count = |t: &Term| match t {
        Term::Int(n) => Some((*n).max(0) as usize),
        Term::Atom(Atom::INFINITY) => Some(usize::MAX),
        _ => None,
    };
    if let Some(w) = keyword(opts, "width").and_then(count) {
        o.width = w;
    }
    if let Some(l) = keyword(opts, "limit").and_then(count) {
        o.limit = l;
    }
    match keyword(opts, "charlists").and_then(Term::as_atom) {
        Some(a) if a.name() == "as_lists" => o.charlists_as_lists = true,
        _ => {}
    }
    o
}

fn io_inspect(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut s = inspect::inspect_with(&args[0], &pretty_opts(None));
    s.push('\n');
    emit(&s);
    Ok(args[0].clone())
}

fn io_inspect_opts(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let body = inspect::inspect_with(&args[0], &pretty_opts(Some(&args[1])));
    // `label: nil` is no label.
    let text = match keyword(&args[1], "label") {
        Some(label) if *label != Term::NIL => format!("{}: {body}\n", chars(label)?),
        _ => format!("{body}\n"),
    };
    emit(&text);
    Ok(args[0].clone())
}

fn kernel_inspect(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let opts = match args.get(1) {
        Some(o) => {
            let mut io = pretty_opts(Some(o));
            io.pretty = keyword(o, "pretty").is_some_and(|t| t.is_truthy());
            io
        }
        None => InspectOpts::default(),
    };
    Ok(Term::string(&inspect::inspect_with(&args[0], &opts)))
}

fn to_string(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Binary(_) => Ok(args[0].clone()),
        t => Ok(Term::string(&chars(t)?)),
    }
}
