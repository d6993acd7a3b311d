//! `String.Chars`, the protocol behind `to_string/1` and `"#{...}"`, for
//! the built-in types (Elixir 1.14 `lib/elixir/lib/string/chars.ex`).

use super::float::format_float;
use crate::atom::Atom;
use crate::term::Term;

/// `String.Chars.to_string/1` as bytes; `None` when `term` has no
/// implementation (tuples, maps, pids, references, functions) or is a list
/// that is not valid chardata.
pub fn to_string_bytes(term: &Term) -> Option<Vec<u8>> {
    match term {
        Term::Binary(b) => Some(b.0.to_vec()),
        Term::Atom(a) if *a == Atom::NIL => Some(Vec::new()),
        Term::Atom(a) => Some(a.name().as_bytes().to_vec()),
        Term::Int(i) => Some(i.to_string().into_bytes()),
        Term::Big(b) => Some(b.to_string().into_bytes()),
        Term::Float(f) => Some(format_float(*f).into_bytes()),
        Term::EmptyList | Term::Cons(_) => chardata(term),
        Term::Pid(_) | Term::Ref(_) | Term::Tuple(_) | Term::Map(_) | Term::Fun(_) => None,
    }
}

/// `List.to_string/1`: code points, binaries and nested lists of them, with
/// a binary or `[]` as the tail of any list.
fn chardata(list: &Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    // (term, whether it is a list's tail, where a code point is invalid)
    let mut stack = vec![(list, true)];
    while let Some((t, is_tail)) = stack.pop() {
        match t {
            Term::EmptyList => {}
            Term::Cons(c) => {
                stack.push((&c.tail, true));
                stack.push((&c.head, false));
            }
            Term::Binary(b) => {
                std::str::from_utf8(&b.0).ok()?;
                out.extend_from_slice(&b.0);
            }
            Term::Int(i) if !is_tail => {
                let c = char::from_u32(u32::try_from(*i).ok()?)?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &Term) -> Option<String> {
        to_string_bytes(t).map(|b| String::from_utf8(b).unwrap())
    }

    // Expected strings: Elixir 1.14 `to_string/1`.
    #[test]
    fn scalars() {
        assert_eq!(text(&Term::NIL).as_deref(), Some(""));
        assert_eq!(text(&Term::TRUE).as_deref(), Some("true"));
        assert_eq!(
            text(&Term::atom("Elixir.Foo")).as_deref(),
            Some("Elixir.Foo")
        );
        assert_eq!(
            text(&Term::atom("with space")).as_deref(),
            Some("with space")
        );
        assert_eq!(text(&Term::Int(-42)).as_deref(), Some("-42"));
        assert_eq!(text(&Term::Float(2.0e10)).as_deref(), Some("2.0e10"));
        assert_eq!(text(&Term::Float(1.5)).as_deref(), Some("1.5"));
        assert_eq!(text(&Term::string("héllo")).as_deref(), Some("héllo"));
        assert_eq!(text(&Term::tuple([])), None);
        assert_eq!(text(&Term::Pid(crate::term::Pid(1))), None);
    }

    #[test]
    fn chardata_lists() {
        let abc = Term::list([Term::Int(97), Term::Int(98), Term::Int(99)]);
        assert_eq!(text(&abc).as_deref(), Some("abc"));
        let nested = Term::list_with_tail(
            [
                Term::list([Term::Int(233)]),
                Term::string("x"),
                Term::Int(0x1F600),
            ],
            Term::string("!"),
        );
        assert_eq!(text(&nested).as_deref(), Some("éx😀!"));
        assert_eq!(text(&Term::EmptyList).as_deref(), Some(""));
        assert_eq!(text(&Term::list([Term::Int(-1)])), None);
        assert_eq!(text(&Term::list([Term::atom("a")])), None);
        assert_eq!(
            text(&Term::list_with_tail([Term::Int(97)], Term::Int(98))),
            None
        );
    }
}
