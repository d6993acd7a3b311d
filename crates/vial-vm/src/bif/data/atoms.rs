//! Atoms to and from text: `:erlang.atom_to_binary/1`, `binary_to_atom/1,2`,
//! `binary_to_existing_atom/1,2`, `list_to_atom/1` and
//! `list_to_existing_atom/1`, with OTP's errors, which `Atom.to_string/1`,
//! `String.to_atom/1`, `String.to_existing_atom/1`, `List.to_atom/1` ...
//! raise in Elixir (they are these BIFs there too).

use super::{arg_error, system_limit, BifResult};
use crate::atom::Atom;
use crate::term::Term;

/// The most characters an atom may have.
const MAX_ATOM_CHARS: usize = 255;

/// `:erlang.atom_to_binary(atom)`.
pub fn atom_to_binary(t: &Term) -> BifResult {
    match t {
        Term::Atom(a) => Ok(Term::string(a.name())),
        _ => Err(arg_error(1, "not an atom")),
    }
}

/// `:erlang.binary_to_atom(binary, encoding)` (`encoding` `None` for
/// `binary_to_atom/1`, which is UTF-8).
pub fn binary_to_atom(t: &Term, encoding: Option<&Term>) -> BifResult {
    let text = binary_text(t, encoding)?;
    Ok(Term::Atom(Atom::intern(limited(&text)?)))
}

/// `:erlang.binary_to_existing_atom(binary, encoding)`.
pub fn binary_to_existing_atom(t: &Term, encoding: Option<&Term>) -> BifResult {
    existing(&binary_text(t, encoding)?)
}

/// `:erlang.list_to_atom(charlist)`.
pub fn list_to_atom(t: &Term) -> BifResult {
    let text = list_text(t)?;
    Ok(Term::Atom(Atom::intern(limited(&text)?)))
}

/// `:erlang.list_to_existing_atom(charlist)`.
pub fn list_to_existing_atom(t: &Term) -> BifResult {
    existing(&list_text(t)?)
}

/// The atom named `text` if it exists.
fn existing(text: &str) -> BifResult {
    Atom::existing(text)
        .map(Term::Atom)
        .ok_or_else(|| arg_error(1, "not an already existing atom"))
}

/// `text` when it is short enough for an atom.
fn limited(text: &str) -> Result<&str, crate::error::Exception> {
    if text.chars().count() > MAX_ATOM_CHARS {
        return Err(system_limit());
    }
    Ok(text)
}

/// The text of a binary in `encoding`: `:utf8` or `:unicode` (the
/// default), or `:latin1` (a byte a character).
fn binary_text(t: &Term, encoding: Option<&Term>) -> Result<String, crate::error::Exception> {
    let latin1 = match encoding {
        None => false,
        Some(Term::Atom(a)) if matches!(a.name(), "utf8" | "unicode") => false,
        Some(Term::Atom(a)) if a.name() == "latin1" => true,
        Some(_) => {
            return Err(arg_error(
                2,
                "not one of the atoms: latin1, utf8, or unicode",
            ))
        }
    };
    let Term::Binary(b) = t else {
        return Err(arg_error(1, "not a binary"));
    };
    if latin1 {
        return Ok(b.0.iter().map(|&byte| char::from(byte)).collect());
    }
    std::str::from_utf8(&b.0)
        .map(str::to_string)
        .map_err(|_| arg_error(1, "invalid UTF8 encoding"))
}

/// The text of a list of code points.
fn list_text(t: &Term) -> Result<String, crate::error::Exception> {
    if !t.is_list() {
        return Err(arg_error(1, "not a list"));
    }
    let mut items = t.iter_list();
    let text = items
        .by_ref()
        .map(|c| match c {
            Term::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
            _ => None,
        })
        .collect::<Option<String>>()
        .ok_or_else(|| arg_error(1, "not a list of characters"))?;
    if !matches!(items.tail(), Term::EmptyList) {
        return Err(arg_error(1, "not a proper list"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{msg, s};
    use super::*;

    fn chars(text: &str) -> Term {
        Term::list(
            text.chars()
                .map(|c| Term::Int(c as i64))
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn atoms_from_and_to_text() {
        assert_eq!(
            atom_to_binary(&Term::atom("Elixir.Foo")).unwrap(),
            s("Elixir.Foo")
        );
        assert!(msg(atom_to_binary(&s("str"))).ends_with("1st argument: not an atom\n"));
        assert_eq!(binary_to_atom(&s("a b"), None).unwrap(), Term::atom("a b"));
        assert!(binary_to_atom(&Term::binary(vec![255]), None).is_err());
        assert!(binary_to_atom(&s(&"a".repeat(256)), None).is_err());
        assert!(binary_to_atom(&s(&"é".repeat(255)), None).is_ok());
        let latin1 = Term::atom("latin1");
        assert_eq!(
            binary_to_atom(&Term::binary(vec![233]), Some(&latin1)).unwrap(),
            Term::atom("é")
        );
        assert!(msg(binary_to_atom(&s("a"), Some(&Term::atom("x")))).contains("2nd argument"));
        assert_eq!(list_to_atom(&chars("a😀")).unwrap(), Term::atom("a😀"));
        assert!(msg(list_to_atom(&s("abc"))).ends_with("not a list\n"));
        assert!(msg(list_to_atom(&Term::list([Term::Float(1.0)]))).ends_with("characters\n"));
    }

    #[test]
    fn existing_atoms_only() {
        Atom::intern("vial_atoms_test_present");
        let present = s("vial_atoms_test_present");
        assert!(binary_to_existing_atom(&present, None).is_ok());
        let absent = s("vial_atoms_test_never_made");
        assert!(
            msg(binary_to_existing_atom(&absent, None)).ends_with("not an already existing atom\n")
        );
        assert!(
            msg(list_to_existing_atom(&chars("vial_atoms_test_never_made")))
                .ends_with("existing atom\n")
        );
        assert!(Atom::existing("vial_atoms_test_never_made").is_none());
    }
}
