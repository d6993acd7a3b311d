//! Output and formatting BIFs: the text of `IO.puts`, `IO.write` and
//! `IO.inspect` (`:vial_io`, called by `IO` in `lib/io.ex`), the group
//! leader's requests and writes, `inspect`, `to_string`.

use super::{bif, BifDef, Ctx};
use crate::error::{exception_struct, Exception};
use crate::inspect::{self, InspectOpts, Shown};
use crate::term::Term;
use crate::Atom;
use std::io::Write;

pub(super) static BIFS: &[BifDef] = &[
    bif!("vial_io", "line", 1, line),
    bif!("vial_io", "chars", 1, to_string),
    bif!("vial_io", "inspect_line", 2, inspect_line),
    bif!("vial_io", "request", 2, request),
    bif!("vial_io", "write", 2, write),
    bif!("Elixir.Process", "group_leader", 0, group_leader),
    bif!("vial_io", "inspect", 1, kernel_inspect),
    bif!("vial_io", "inspect", 2, kernel_inspect),
    bif!("vial_io", "to_string", 1, to_string),
    bif!("vial_io", "read", 1, read),
];

/// `String.Chars.to_string/1`, raising `Protocol.UndefinedError` for terms
/// that have no string form.
pub(crate) fn chars(t: &Term) -> Result<String, Exception> {
    chars_bytes(t).map(|b| match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// [`chars`] as the exact bytes: a binary that is not UTF-8 (`"\xFF"`)
/// keeps them.
pub(crate) fn chars_bytes(t: &Term) -> Result<Vec<u8>, Exception> {
    match t {
        Term::Binary(b) => Ok(b.0.to_vec()),
        Term::Cons(_) => inspect::to_string_bytes(t).ok_or_else(|| {
            // Elixir's `List.to_string/1` message (String.Chars for
            // lists).
            Exception::argument(format!(
                "cannot convert the given list to a string.\n\n\
                 To be converted to a string, a list must either be empty or only\n\
                 contain the following elements:\n\n  \
                 * strings\n  \
                 * integers representing Unicode code points\n  \
                 * a list containing one of these three elements\n\n\
                 Please check the given list or call inspect/1 to get the list \
                 representation, got:\n\n{}\n",
                inspect::inspect(t)
            ))
        }),
        _ => inspect::to_string_bytes(t).ok_or_else(|| {
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

/// Writes `text` on `device`: stderr for `:stderr` and
/// `:standard_error`, stdout for anything else.
fn emit(device: &Term, text: &[u8]) {
    // A closed stream (stdout piped into `head`) is not the program's
    // error.
    let _ = match device.as_atom().map(|a| a.name()) {
        Some("stderr" | "standard_error") => std::io::stderr().lock().write_all(text),
        _ => std::io::stdout().lock().write_all(text),
    };
}

/// `:vial_io.line(item)`: `IO.puts`'s text, `item`'s string form and a
/// newline, as a binary. Raises `Protocol.UndefinedError` as
/// `String.Chars` does.
fn line(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut s = chars_bytes(&args[0])?;
    s.push(b'\n');
    Ok(Term::binary(s))
}

/// `:vial_io.request(device, text)`: sends the group leader
/// `{:io_request, self(), ref, {:put_chars, device, text}}` and returns
/// `ref`, which the caller waits for in `{:io_reply, ref, reply}` (the
/// receive marker is set, as by `make_ref/0`). Without a group leader
/// (a VM with no standard library) it writes `text` itself and sends the
/// reply to the caller.
fn request(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ctx.vm.make_ref();
    ctx.proc.set_mark(r);
    let me = ctx.proc.pid;
    match ctx.vm.group_leader() {
        Some(gl) => {
            let put = Term::tuple([Term::atom("put_chars"), args[0].clone(), args[1].clone()]);
            let req = Term::tuple([Term::atom("io_request"), Term::Pid(me), Term::Ref(r), put]);
            ctx.vm.send_from(ctx.proc, gl, req);
        }
        None => {
            write(ctx, args)?;
            let reply = Term::tuple([Term::atom("io_reply"), Term::Ref(r), Term::OK]);
            ctx.vm.send_from(ctx.proc, me, reply);
        }
    }
    Ok(Term::Ref(r))
}

/// `:vial_io.write(device, text)`: the group leader's write of a binary.
fn write(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[1] {
        Term::Binary(b) => emit(&args[0], &b.0),
        t => emit(&args[0], &chars_bytes(t)?),
    }
    Ok(Term::OK)
}

/// `:vial_io.read(what)`: the script's standard input, for `IO.gets/2`,
/// `IO.read/2` and `IO.binread/2`: `:line` (a line with its newline),
/// `:eof` or `:all` (everything left), or a count of characters. `:eof`
/// at the end of input, except that `:all` gives `""` there, as Elixir
/// 1.14 does. Blocks the scheduler thread while it waits for input.
fn read(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    use std::io::{BufRead, Read};
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut bytes = Vec::new();
    let all = matches!(&args[0], Term::Atom(a) if a.name() == "all");
    match &args[0] {
        Term::Atom(a) if a.name() == "line" => {
            input
                .read_until(b'\n', &mut bytes)
                .map_err(|_| Exception::badarg())?;
        }
        Term::Atom(a) if matches!(a.name(), "eof" | "all") => {
            input
                .read_to_end(&mut bytes)
                .map_err(|_| Exception::badarg())?;
        }
        Term::Int(n) if *n >= 0 => {
            // Whole UTF-8 characters: a lead byte says how many follow.
            let mut chars = 0;
            let mut byte = [0u8; 1];
            let mut pending = 0;
            while (chars < *n || pending > 0) && input.read(&mut byte).unwrap_or(0) == 1 {
                bytes.push(byte[0]);
                if pending > 0 {
                    pending -= 1;
                } else {
                    chars += 1;
                    pending = match byte[0] {
                        0xC0..=0xDF => 1,
                        0xE0..=0xEF => 2,
                        0xF0..=0xF7 => 3,
                        _ => 0,
                    };
                }
            }
        }
        _ => return Err(Exception::badarg()),
    }
    Ok(if bytes.is_empty() && !all {
        Term::atom("eof")
    } else {
        Term::binary(bytes)
    })
}

/// `Process.group_leader/0`.
fn group_leader(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(ctx.vm.group_leader().map_or(Term::NIL, Term::Pid))
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
    let shown = |key: &str, data: &str, text: &str| match keyword(opts, key)
        .and_then(Term::as_atom)
        .map(|a| a.name())
    {
        Some(a) if a == data => Shown::AsData,
        Some(a) if a == text => Shown::AsText,
        _ => Shown::Infer,
    };
    o.charlists = shown("charlists", "as_lists", "as_charlists");
    o.binaries = shown("binaries", "as_binaries", "as_strings");
    if let Some(l) = keyword(opts, "printable_limit").and_then(count) {
        o.printable_limit = l;
    }
    if let Some(base) = keyword(opts, "base").and_then(Term::as_atom) {
        o.base = match base.name() {
            "binary" => 2,
            "octal" => 8,
            "hex" => 16,
            _ => 10,
        };
    }
    if let Some(structs) = keyword(opts, "structs") {
        o.structs = structs.is_truthy();
    }
    o
}

/// `:vial_io.inspect_line(item, opts)`: `IO.inspect`'s text, `item`
/// inspected with `opts` (pretty, with its `label:`), and a newline.
fn inspect_line(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let body = inspect::inspect_with(&args[0], &pretty_opts(Some(&args[1])));
    // `label: nil` is no label.
    let text = match keyword(&args[1], "label") {
        Some(label) if *label != Term::NIL => format!("{}: {body}\n", chars(label)?),
        _ => format!("{body}\n"),
    };
    Ok(Term::string(&text))
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
        t => Ok(Term::binary(chars_bytes(t)?)),
    }
}
