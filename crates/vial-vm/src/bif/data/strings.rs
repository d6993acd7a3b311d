//! The `String` functions that work in graphemes and whitespace, and take
//! no function argument (Elixir 1.14 `lib/elixir/lib/string.ex`): length,
//! case, trimming, `split/1`, slicing and padding. Strings are counted and
//! indexed in grapheme clusters; a byte that is not valid UTF-8 counts as
//! one grapheme.
//!
//! They raise what Elixir raises: `FunctionClauseError` from their guards,
//! and Erlang's `ArgumentError` texts where Elixir calls (or inlines) an
//! Erlang BIF.

use super::unicode::{self, Piece};
use super::{arg_error, function_clause, BifResult};
use crate::error::Exception;
use crate::inspect::inspect;
use crate::term::Term;

/// `FunctionClauseError` in `String.<name>/<arity>`.
pub(super) fn clause(name: &str, arity: u32) -> Exception {
    function_clause("Elixir.String", name, arity)
}

/// The bytes of a binary argument, or the `FunctionClauseError` of
/// `String.<name>/<arity>`.
pub(super) fn string_arg<'a>(t: &'a Term, name: &str, arity: u32) -> Result<&'a [u8], Exception> {
    match t {
        Term::Binary(b) => Ok(&b.0),
        _ => Err(clause(name, arity)),
    }
}

pub(super) fn bin(bytes: &[u8]) -> Term {
    Term::binary(bytes.to_vec())
}

pub(super) fn bin_list<'a>(parts: impl Iterator<Item = &'a [u8]>) -> Term {
    Term::list(parts.map(bin).collect::<Vec<_>>())
}

/// `String.length(string)`: the number of graphemes.
pub fn length(t: &Term) -> BifResult {
    let b = string_arg(t, "length", 1)?;
    Ok(Term::Int(unicode::grapheme_count(b)? as i64))
}

/// `String.upcase(string)`.
pub fn upcase(t: &Term) -> BifResult {
    Ok(Term::binary(unicode::upcase(string_arg(t, "upcase", 2)?)))
}

/// `String.downcase(string)`.
pub fn downcase(t: &Term) -> BifResult {
    Ok(Term::binary(unicode::downcase(string_arg(
        t, "downcase", 2,
    )?)))
}

/// `String.capitalize(string)`: the first code point in titlecase, the rest
/// in lower case.
pub fn capitalize(t: &Term) -> BifResult {
    let b = string_arg(t, "capitalize", 2)?;
    let (first, n) = match unicode::decode(b) {
        Some((c, n)) => {
            let mut s = String::new();
            unicode::titlecase(c, &mut s);
            (s.into_bytes(), n)
        }
        None if b.is_empty() => return Ok(t.clone()),
        None => (vec![b[0]], 1),
    };
    let mut out = first;
    out.extend(unicode::downcase(&b[n..]));
    Ok(Term::binary(out))
}

/// `String.reverse(string)`: graphemes in reverse order. A byte that is not
/// valid UTF-8 stays where it is, and the runs between such bytes are
/// reversed separately (as Elixir 1.14 does).
pub fn reverse(t: &Term) -> BifResult {
    let b = string_arg(t, "reverse", 1)?;
    let mut out = Vec::with_capacity(b.len());
    let mut run: Vec<&[u8]> = Vec::new();
    for g in unicode::graphemes(b) {
        let g = g?;
        if unicode::decode(g).is_some() {
            run.push(g);
            continue;
        }
        run.drain(..).rev().for_each(|g| out.extend_from_slice(g));
        out.extend_from_slice(g);
    }
    run.iter().rev().for_each(|g| out.extend_from_slice(g));
    Ok(Term::binary(out))
}

/// The byte offset after the leading Unicode whitespace of `b`.
fn leading_space(b: &[u8]) -> usize {
    unicode::pieces(b)
        .take_while(|(p, _)| matches!(p, Piece::Char(c) if unicode::is_trim_space(*c)))
        .map(|(_, raw)| raw.len())
        .sum()
}

/// The byte offset where the trailing Unicode whitespace of `b` starts.
fn trailing_space(b: &[u8]) -> usize {
    let mut end = 0;
    let mut at = 0;
    for (p, raw) in unicode::pieces(b) {
        at += raw.len();
        if !matches!(p, Piece::Char(c) if unicode::is_trim_space(c)) {
            end = at;
        }
    }
    end
}

/// `String.trim(string)`: without leading and trailing Unicode whitespace.
pub fn trim(t: &Term) -> BifResult {
    let b = string_arg(t, "trim", 1)?;
    let b = &b[..trailing_space(b)];
    Ok(bin(&b[leading_space(b)..]))
}

/// `String.trim_leading(string)`.
pub fn trim_leading(t: &Term) -> BifResult {
    let b = string_arg(t, "trim_leading", 1)?;
    Ok(bin(&b[leading_space(b)..]))
}

/// `String.trim_trailing(string)`.
pub fn trim_trailing(t: &Term) -> BifResult {
    let b = string_arg(t, "trim_trailing", 1)?;
    Ok(bin(&b[..trailing_space(b)]))
}

/// `String.split(string)`: the non-empty runs between whitespace (not
/// splitting at non-breaking spaces).
pub fn split_whitespace(t: &Term) -> BifResult {
    let Term::Binary(b) = t else {
        return Err(arg_error(1, "not a binary"));
    };
    let mut parts = Vec::new();
    let (mut start, mut at) = (0, 0);
    for (p, raw) in unicode::pieces(&b.0) {
        if matches!(p, Piece::Char(c) if unicode::is_split_space(c)) {
            if at > start {
                parts.push(&b.0[start..at]);
            }
            start = at + raw.len();
        }
        at += raw.len();
    }
    if at > start {
        parts.push(&b.0[start..at]);
    }
    Ok(bin_list(parts.into_iter()))
}

/// A count argument as `usize`, saturating (a big integer is "more than
/// any string has").
fn count_of(t: &Term) -> usize {
    match t {
        Term::Int(i) => usize::try_from(*i).unwrap_or(0),
        _ => usize::MAX,
    }
}

/// The byte length of the first `n` graphemes of `b` (or all of them).
fn clusters_len(b: &[u8], n: usize) -> Result<usize, Exception> {
    let mut len = 0;
    for g in unicode::graphemes(b).take(n) {
        len += g?.len();
    }
    Ok(len)
}

/// `String.slice(string, start, length)`: `length` graphemes from `start`
/// (counted from the end when negative).
pub fn slice(t: &Term, start: &Term, len: &Term) -> BifResult {
    if matches!(len, Term::Int(0)) {
        return Ok(Term::string(""));
    }
    let b = match (t, start, len) {
        (Term::Binary(b), Term::Int(_) | Term::Big(_), Term::Int(_) | Term::Big(_))
            if !len.compare(&Term::Int(0)).is_lt() =>
        {
            &b.0[..]
        }
        _ => return Err(clause("slice", 3)),
    };
    let skip = if start.compare(&Term::Int(0)).is_lt() {
        let n = unicode::grapheme_count(b)? as i128;
        let from_end = match start {
            Term::Int(i) => i128::from(*i),
            _ => i128::MIN / 2,
        };
        (n + from_end).max(0) as usize
    } else {
        count_of(start)
    };
    let offset = clusters_len(b, skip)?;
    let rest = &b[offset..];
    let taken = clusters_len(rest, count_of(len))?;
    Ok(bin(&rest[..taken]))
}

/// `String.at(string, position)`: the grapheme there, or `nil`.
pub fn at(t: &Term, pos: &Term) -> BifResult {
    let (Term::Binary(b), Term::Int(_) | Term::Big(_)) = (t, pos) else {
        return Err(clause("at", 2));
    };
    let b = &b.0[..];
    let index = match pos {
        Term::Int(i) if *i < 0 => {
            let n = unicode::grapheme_count(b)? as i128 + i128::from(*i);
            if n < 0 {
                return Ok(Term::NIL);
            }
            n as usize
        }
        Term::Big(_) if pos.compare(&Term::Int(0)).is_lt() => return Ok(Term::NIL),
        _ => count_of(pos),
    };
    for (i, g) in unicode::graphemes(b).enumerate() {
        let g = g?;
        if i == index {
            return Ok(bin(g));
        }
    }
    Ok(Term::NIL)
}

/// `String.first(string)`: the first grapheme, or `nil`.
pub fn first(t: &Term) -> BifResult {
    let b = string_arg(t, "first", 1)?;
    Ok(unicode::graphemes(b)
        .next()
        .transpose()?
        .map_or(Term::NIL, bin))
}

/// `String.last(string)`: the last grapheme, or `nil`.
pub fn last(t: &Term) -> BifResult {
    let b = string_arg(t, "last", 1)?;
    Ok(unicode::grapheme_vec(b)?
        .last()
        .map_or(Term::NIL, |g| bin(g)))
}

/// `String.graphemes(string)`.
pub fn graphemes(t: &Term) -> BifResult {
    let b = string_arg(t, "graphemes", 1)?;
    Ok(bin_list(unicode::grapheme_vec(b)?.into_iter()))
}

/// `String.codepoints(string)`: one string per code point (or stray byte).
pub fn codepoints(t: &Term) -> BifResult {
    let b = string_arg(t, "codepoints", 1)?;
    Ok(bin_list(unicode::pieces(b).map(|(_, raw)| raw)))
}

/// Which end [`pad`] fills.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    Leading,
    Trailing,
}

/// `String.pad_leading/3` and `pad_trailing/3`: fills to `count` graphemes
/// by cycling through the padding's graphemes.
pub fn pad(t: &Term, count: &Term, padding: &Term, side: Side) -> BifResult {
    let name = match side {
        Side::Leading => "pad_leading",
        Side::Trailing => "pad_trailing",
    };
    let fill: Vec<Term> = match padding {
        Term::Binary(p) => unicode::grapheme_vec(&p.0)?.into_iter().map(bin).collect(),
        Term::Cons(_) => padding.iter_list().cloned().collect(),
        _ => Vec::new(),
    };
    let (Term::Binary(b), Term::Int(count)) = (t, count) else {
        return Err(clause(name, 3));
    };
    if *count < 0 || fill.is_empty() {
        return Err(clause(name, 3));
    }
    let len = unicode::grapheme_count(&b.0)?;
    let want = *count as usize;
    if len >= want {
        return Ok(t.clone());
    }
    let mut filler = Vec::new();
    for g in fill.iter().cycle().take(want - len) {
        match g {
            Term::Binary(g) => filler.extend_from_slice(&g.0),
            other => {
                return Err(Exception::argument(format!(
                    "expected a string padding element, got: {}",
                    inspect(other)
                )))
            }
        }
    }
    let out = match side {
        Side::Leading => [&filler[..], &b.0].concat(),
        Side::Trailing => [&b.0[..], &filler].concat(),
    };
    Ok(Term::binary(out))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{msg, s, strs};
    use super::*;

    #[test]
    fn graphemes_and_case() {
        assert_eq!(length(&s("héllo")).unwrap(), Term::Int(5));
        assert_eq!(length(&s("e\u{301}")).unwrap(), Term::Int(1));
        assert_eq!(length(&Term::binary(vec![255, 97])).unwrap(), Term::Int(2));
        assert!(msg(length(&Term::atom("x"))).contains("String.length/1"));
        assert_eq!(upcase(&s("straße")).unwrap(), s("STRASSE"));
        assert!(msg(upcase(&Term::atom("x"))).contains("String.upcase/2"));
        assert_eq!(downcase(&s("ÀΣAΣ")).unwrap(), s("àσaσ"));
        assert_eq!(capitalize(&s("éCOLE")).unwrap(), s("École"));
        assert_eq!(capitalize(&s("ǆa")).unwrap(), s("ǅa"));
        assert_eq!(capitalize(&s("ßa")).unwrap(), s("Ssa"));
        assert_eq!(capitalize(&s("")).unwrap(), s(""));
        assert_eq!(reverse(&s("a\r\nb")).unwrap(), s("b\r\na"));
        assert_eq!(reverse(&s("e\u{301}x")).unwrap(), s("xe\u{301}"));
        let mixed = Term::binary(vec![b'a', b'b', 255, b'c', b'd']);
        assert_eq!(
            reverse(&mixed).unwrap(),
            Term::binary(vec![b'b', b'a', 255, b'd', b'c'])
        );
    }

    #[test]
    fn trimming_and_splitting() {
        assert_eq!(trim(&s("  \t\n a b \r\n ")).unwrap(), s("a b"));
        assert_eq!(trim(&s("\u{a0} x \u{2003}")).unwrap(), s("x"));
        assert_eq!(trim_leading(&s("  x ")).unwrap(), s("x "));
        assert_eq!(trim_trailing(&s("  x ")).unwrap(), s("  x"));
        assert_eq!(
            split_whitespace(&s("  a  b\tc\n ")).unwrap(),
            strs(&["a", "b", "c"])
        );
        assert_eq!(split_whitespace(&s("")).unwrap(), Term::EmptyList);
        assert_eq!(
            split_whitespace(&s("a\u{a0}b")).unwrap(),
            strs(&["a\u{a0}b"])
        );
    }

    #[test]
    fn slicing_and_indexing() {
        let sl = |x: &str, i: i64, l: i64| slice(&s(x), &Term::Int(i), &Term::Int(l)).unwrap();
        assert_eq!(sl("abcdef", 1, 3), s("bcd"));
        assert_eq!(sl("abc", 0, 10), s("abc"));
        assert_eq!(sl("abc", 4, 1), s(""));
        assert_eq!(sl("abc", -2, 1), s("b"));
        assert_eq!(sl("abc", -5, 2), s("ab"));
        assert_eq!(sl("héllo", 1, 2), s("él"));
        assert_eq!(
            slice(&Term::atom("x"), &Term::Int(0), &Term::Int(0)).unwrap(),
            s("")
        );
        assert!(slice(&s("abc"), &Term::Int(0), &Term::Int(-1)).is_err());
        let at_ = |x: &str, i: i64| at(&s(x), &Term::Int(i)).unwrap();
        assert_eq!(at_("abc", 2), s("c"));
        assert_eq!(at_("abc", 3), Term::NIL);
        assert_eq!(at_("abc", -1), s("c"));
        assert_eq!(at_("abc", -4), Term::NIL);
        assert_eq!(first(&s("")).unwrap(), Term::NIL);
        assert_eq!(last(&s("a\r\n")).unwrap(), s("\r\n"));
        assert_eq!(
            first(&Term::binary(vec![255, 97])).unwrap(),
            Term::binary(vec![255])
        );
        assert_eq!(codepoints(&s("e\u{301}")).unwrap(), strs(&["e", "\u{301}"]));
        assert_eq!(
            graphemes(&s("e\u{301}x")).unwrap(),
            strs(&["e\u{301}", "x"])
        );
    }

    #[test]
    fn padding() {
        let sp = s(" ");
        assert_eq!(
            pad(&s("abc"), &Term::Int(2), &sp, Side::Leading).unwrap(),
            s("abc")
        );
        assert_eq!(
            pad(&s("abc"), &Term::Int(6), &s("12"), Side::Leading).unwrap(),
            s("121abc")
        );
        assert_eq!(
            pad(&s("abc"), &Term::Int(6), &s("12"), Side::Trailing).unwrap(),
            s("abc121")
        );
        assert_eq!(
            pad(&s("héllo"), &Term::Int(7), &sp, Side::Trailing).unwrap(),
            s("héllo  ")
        );
        assert!(pad(&s("a"), &Term::Int(3), &s(""), Side::Leading).is_err());
        assert!(pad(&s("a"), &Term::Int(-1), &sp, Side::Leading).is_err());
        assert_eq!(
            pad(&s("a"), &Term::Int(3), &strs(&["x"]), Side::Leading).unwrap(),
            s("xxa")
        );
    }
}
