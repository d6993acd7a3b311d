//! Binary BIFs: `byte_size/1`, `<>/2`, and
//! `String.duplicate/2` and `String.to_charlist/1` (which Elixir inlines to
//! or builds on Erlang BIFs, so they raise Erlang's errors).

use super::strings::{bin, string_arg};
use super::unicode::{self, Piece};
use super::{arg_error, BifResult};
use crate::error::{exception_struct, Exception};
use crate::inspect::inspect;
use crate::term::Term;

/// `byte_size(binary)`.
pub fn byte_size(t: &Term) -> BifResult {
    match t {
        Term::Binary(b) => Ok(Term::Int(b.0.len() as i64)),
        _ => Err(arg_error(1, "not a bitstring")),
    }
}

/// `left <> right`. A non-binary fails the binary construction; when both
/// are bad the BEAM reports the second segment.
pub fn concat(left: &Term, right: &Term) -> BifResult {
    match (left, right) {
        (Term::Binary(x), Term::Binary(y)) => {
            if y.0.is_empty() {
                return Ok(left.clone());
            }
            if x.0.is_empty() {
                return Ok(right.clone());
            }
            let mut v = Vec::with_capacity(x.0.len() + y.0.len());
            v.extend_from_slice(&x.0);
            v.extend_from_slice(&y.0);
            Ok(Term::binary(v))
        }
        (_, Term::Binary(_)) => Err(bad_segment(1, left)),
        _ => Err(bad_segment(2, right)),
    }
}

fn bad_segment(n: u32, t: &Term) -> Exception {
    Exception::argument(format!(
        "construction of binary failed: segment {n} of type 'binary': expected a binary but got: {}",
        inspect(t)
    ))
}

/// `String.duplicate(string, n)` (inlined to `:binary.copy/2`).
pub fn duplicate(t: &Term, n: &Term) -> BifResult {
    let Term::Binary(b) = t else {
        return Err(arg_error(1, "not a binary"));
    };
    match n {
        Term::Int(n) if *n >= 0 => Ok(Term::binary(b.0.repeat(*n as usize))),
        Term::Int(_) | Term::Big(_) => Err(arg_error(2, "out of range")),
        _ => Err(arg_error(2, "not an integer")),
    }
}

/// `String.to_charlist(string)`: the code points; invalid UTF-8 raises
/// `UnicodeConversionError`.
pub fn to_charlist(t: &Term) -> BifResult {
    let b = string_arg(t, "to_charlist", 1)?;
    let mut chars = Vec::new();
    let mut at = 0;
    for (p, raw) in unicode::pieces(b) {
        match p {
            Piece::Char(c) => chars.push(Term::Int(i64::from(u32::from(c)))),
            Piece::Byte(_) => return Err(conversion_error(chars, &b[at..])),
        }
        at += raw.len();
    }
    Ok(Term::list(chars))
}

/// `UnicodeConversionError` for `rest`, the bytes from the first bad one:
/// "incomplete" when they are the start of a sequence cut off by the end.
fn conversion_error(encoded: Vec<Term>, rest: &[u8]) -> Exception {
    let want = match rest[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    };
    let incomplete = rest.len() < want && rest[1..].iter().all(|&c| (0x80..=0xBF).contains(&c));
    let kind = if incomplete { "incomplete" } else { "invalid" };
    Exception::error(exception_struct(
        "UnicodeConversionError",
        [
            ("encoded", Term::list(encoded)),
            (
                "message",
                Term::string(&format!(
                    "{kind} encoding starting at {}",
                    inspect(&bin(rest))
                )),
            ),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{msg, s};
    use super::*;

    #[test]
    fn binaries() {
        assert_eq!(concat(&s("ab"), &s("c")).unwrap(), s("abc"));
        assert_eq!(
            msg(concat(&s("a"), &Term::atom("x"))),
            "construction of binary failed: segment 2 of type 'binary': expected a binary but got: :x"
        );
        assert!(msg(concat(&Term::Int(1), &s("b"))).contains("segment 1"));
        assert!(msg(concat(&Term::Int(1), &Term::Int(2))).contains("segment 2"));
        assert_eq!(byte_size(&s("é")).unwrap(), Term::Int(2));
    }

    #[test]
    fn duplicates_and_charlists() {
        assert_eq!(duplicate(&s("ab"), &Term::Int(3)).unwrap(), s("ababab"));
        assert!(msg(duplicate(&s("ab"), &Term::Int(-1))).contains("out of range"));
        assert_eq!(
            to_charlist(&s("hé")).unwrap(),
            Term::list([Term::Int(104), Term::Int(233)])
        );
        assert_eq!(
            msg(to_charlist(&Term::binary(vec![b'a', 0xE9]))),
            "incomplete encoding starting at <<233>>"
        );
        assert_eq!(
            msg(to_charlist(&Term::binary(vec![255]))),
            "invalid encoding starting at <<255>>"
        );
    }
}
