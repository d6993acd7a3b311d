//! Terms in Erlang syntax, as `io_lib:write/1` (`~w`) and
//! `io_lib_pretty` (`~p`) print them: `[1,2]`, `{a,<<"bin">>}`,
//! `#{k => v}`, `'Elixir.Foo'`. `~p` also prints printable lists as
//! strings and binaries as `<<"text">>`, and breaks a term that does not
//! fit in 80 columns. The line breaking follows OTP 25's output for
//! lists, tuples and maps closely but not in every case.

use crate::inspect::float::format_float;
use crate::inspect::map_order;
use crate::term::{Term, Tuple};

/// Erlang's reserved words, which print quoted as atoms (OTP 25).
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

/// The line width `~p` breaks at.
const WIDTH: usize = 80;

/// `io_lib:write_atom/1`: bare when it starts with a lowercase letter and
/// continues with letters, digits, `_` and `@`, and is not a reserved word;
/// otherwise in single quotes.
pub fn atom(name: &str) -> String {
    let mut chars = name.chars();
    let bare = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
        && !RESERVED.contains(&name);
    if bare {
        return name.to_string();
    }
    let mut out = String::from("'");
    for c in name.chars() {
        escape_char(c, '\'', &mut out);
    }
    out.push('\'');
    out
}

/// `c` inside a quoted atom or string delimited by `quote`.
fn escape_char(c: char, quote: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{1b}' => out.push_str("\\e"),
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

/// Whether `c` is in `io_lib:printable_latin1_list/1`'s set.
fn printable_latin1(c: i64) -> bool {
    matches!(c, 32..=126 | 160..=255 | 8..=13 | 27)
}

/// The characters of a proper, non-empty list that `~p` prints as a
/// string.
fn printable_list(t: &Term) -> Option<String> {
    if !matches!(t, Term::Cons(_)) {
        return None;
    }
    let mut s = String::new();
    let mut rest = t;
    loop {
        match rest {
            Term::Cons(c) => match c.head {
                Term::Int(i) if printable_latin1(i) => s.push(char::from_u32(i as u32)?),
                _ => return None,
            },
            Term::EmptyList => return Some(s),
            _ => return None,
        }
        let Term::Cons(c) = rest else { return None };
        rest = &c.tail;
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        escape_char(c, '"', &mut out);
    }
    out.push('"');
    out
}

/// A term on one line: `~w` when `strings` is false, the flat form of `~p`
/// when it is true.
pub fn write(t: &Term, strings: bool) -> String {
    let mut out = String::new();
    flat(t, strings, &mut out);
    out
}

fn flat(t: &Term, strings: bool, out: &mut String) {
    match t {
        Term::Int(i) => out.push_str(&i.to_string()),
        Term::Big(b) => out.push_str(&b.to_string()),
        Term::Float(f) => out.push_str(&format_float(*f)),
        Term::Atom(a) => out.push_str(&atom(a.name())),
        Term::Pid(p) => out.push_str(&format!("<0.{}.0>", p.0)),
        Term::Ref(r) => out.push_str(&format!("#Ref<0.0.0.{}>", r.0)),
        Term::Fun(_) => out.push_str("#Fun<erl_eval.0.0>"),
        Term::Binary(b) => binary(&b.0, strings, out),
        Term::EmptyList => out.push_str("[]"),
        Term::Cons(_) => {
            if strings {
                if let Some(s) = printable_list(t) {
                    out.push_str(&quoted(&s));
                    return;
                }
            }
            out.push('[');
            let mut rest = t;
            let mut first = true;
            while let Term::Cons(c) = rest {
                if !first {
                    out.push(',');
                }
                first = false;
                flat(&c.head, strings, out);
                rest = &c.tail;
            }
            if *rest != Term::EmptyList {
                out.push('|');
                flat(rest, strings, out);
            }
            out.push(']');
        }
        Term::Tuple(tuple) => {
            out.push('{');
            for (i, e) in tuple.0.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                flat(e, strings, out);
            }
            out.push('}');
        }
        Term::Map(m) => {
            out.push_str("#{");
            for (i, (k, v)) in map_order::entries(m).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                flat(k, strings, out);
                out.push_str(" => ");
                flat(v, strings, out);
            }
            out.push('}');
        }
    }
}

/// `<<1,2,3>>`, or for `~p` a binary of printable Latin-1 bytes as
/// `<<"text">>`.
fn binary(bytes: &[u8], strings: bool, out: &mut String) {
    if strings && !bytes.is_empty() && bytes.iter().all(|&b| printable_latin1(b as i64)) {
        let text: String = bytes.iter().map(|&b| b as char).collect();
        out.push_str("<<");
        out.push_str(&quoted(&text));
        out.push_str(">>");
        return;
    }
    out.push_str("<<");
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&b.to_string());
    }
    out.push_str(">>");
}

/// `~p`: `t` printed from column `col`, broken over lines when it does
/// not fit in 78 columns. A list of numbers and atoms fills each line; a
/// list of other terms takes one element per line; a tuple or map fills.
pub fn pretty(t: &Term, col: usize) -> String {
    let one_line = write(t, true);
    // OTP 25 keeps a term on one line up to column 78.
    if col + one_line.chars().count() <= WIDTH - 2 {
        return one_line;
    }
    match t {
        Term::Cons(_) if printable_list(t).is_none() => {
            let (items, tail) = list_items(t);
            if tail.is_some() {
                return one_line;
            }
            let atomic = items.iter().all(|e| {
                matches!(
                    e,
                    Term::Int(_) | Term::Big(_) | Term::Float(_) | Term::Atom(_)
                )
            });
            let texts: Vec<String> = if atomic {
                items.iter().map(|e| write(e, true)).collect()
            } else {
                items.iter().map(|e| pretty(e, col + 1)).collect()
            };
            enclose("[", "]", &texts, col, atomic)
        }
        Term::Tuple(tuple) => tuple_pretty(tuple, col),
        Term::Map(m) => {
            let texts: Vec<String> = map_order::entries(m)
                .into_iter()
                .map(|(k, v)| {
                    let key = write(k, true);
                    let value = pretty(v, col + 2 + key.chars().count() + 4);
                    format!("{key} => {value}")
                })
                .collect();
            format!("#{{{}", fill(&texts, col + 2, col + 2, "}"))
        }
        _ => one_line,
    }
}

/// A tuple that does not fit: elements filled after the first one, each
/// continuation line aligned with the second element when the first is an
/// atom, else one per line at the brace.
fn tuple_pretty(tuple: &Tuple, col: usize) -> String {
    let items = &tuple.0;
    let Some(first) = items.first() else {
        return "{}".to_string();
    };
    if let Term::Atom(_) = first {
        let head = write(first, true);
        let indent = col + 1 + head.chars().count() + 1;
        if items.len() > 1 && indent < WIDTH / 2 {
            let rest: Vec<String> = items[1..].iter().map(|e| pretty(e, indent)).collect();
            let mut out = format!("{{{head},");
            out.push_str(&fill(&rest, indent, indent, "}"));
            return out;
        }
    }
    let texts: Vec<String> = items.iter().map(|e| pretty(e, col + 1)).collect();
    enclose("{", "}", &texts, col, false)
}

fn list_items(t: &Term) -> (Vec<&Term>, Option<&Term>) {
    let mut items = Vec::new();
    let mut rest = t;
    while let Term::Cons(c) = rest {
        items.push(&c.head);
        rest = &c.tail;
    }
    let tail = (*rest != Term::EmptyList).then_some(rest);
    (items, tail)
}

/// `open` + the texts + `close` from column `col`: filled when `fill_lines`,
/// else one per line, continuation lines indented to just after `open`'s
/// first character.
fn enclose(open: &str, close: &str, texts: &[String], col: usize, fill_lines: bool) -> String {
    let indent = col + 1;
    let start = col + open.chars().count();
    let mut out = String::from(open);
    if fill_lines {
        out.push_str(&fill(texts, start, indent, close));
    } else {
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
                out.push_str(&" ".repeat(indent));
            }
            out.push_str(text);
        }
        out.push_str(close);
    }
    out
}

/// The texts separated by commas, starting at column `start`, each line
/// filled while it stays within 78 columns (OTP's fill leaves room for
/// the separator and a closing bracket), continuation lines at `indent`.
fn fill(texts: &[String], start: usize, indent: usize, close: &str) -> String {
    let mut out = String::new();
    let mut column = start;
    for (i, text) in texts.iter().enumerate() {
        let last = i + 1 == texts.len();
        let width = last_line_width(text) + if last { close.len() } else { 1 };
        if i > 0 && (column + width > WIDTH - 2 || text.contains('\n')) {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
        }
        out.push_str(text);
        column = if text.contains('\n') {
            last_line_width(text)
        } else {
            column + text.chars().count()
        };
        if last {
            out.push_str(close);
        } else {
            out.push(',');
            column += 1;
        }
    }
    if texts.is_empty() {
        out.push_str(close);
    }
    out
}

fn last_line_width(text: &str) -> usize {
    text.rsplit('\n').next().unwrap_or("").chars().count()
}
