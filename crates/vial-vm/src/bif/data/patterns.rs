//! The `String` functions that search for patterns: `split/2`,
//! `contains?/2`, `starts_with?/2`, `ends_with?/2`, `replace/3`. A pattern
//! is a binary or a list of binaries, matched as `:binary.matches/2` does:
//! left to right, the longest pattern winning at a position, no overlaps.
//! An empty pattern is special-cased as in Elixir 1.14
//! (`lib/elixir/lib/string.ex`); anywhere else it is Erlang's "not a valid
//! pattern".

use super::strings::{bin, bin_list, clause, string_arg};
use super::{arg_error, unicode, BifResult};
use crate::error::{exception_struct, Exception};
use crate::term::Term;

/// A `:binary` pattern: one non-empty binary or a non-empty list of them.
pub(crate) fn patterns(t: &Term) -> Result<Vec<&[u8]>, Exception> {
    let invalid = || arg_error(2, "not a valid pattern");
    let ps: Vec<&[u8]> = match t {
        Term::Binary(b) => vec![&b.0[..]],
        Term::Cons(_) => {
            let mut it = t.iter_list();
            let ps = it
                .by_ref()
                .map(|p| match p {
                    Term::Binary(b) => Ok(&b.0[..]),
                    _ => Err(invalid()),
                })
                .collect::<Result<Vec<_>, _>>()?;
            if !matches!(it.tail(), Term::EmptyList) {
                return Err(invalid());
            }
            ps
        }
        _ => return Err(invalid()),
    };
    if ps.iter().any(|p| p.is_empty()) {
        return Err(invalid());
    }
    Ok(ps)
}

/// The non-overlapping matches of `pats` in `b`, left to right, the
/// longest pattern winning at a position (`:binary.matches/2`), as
/// `(start, length)`.
fn matches(b: &[u8], pats: &[&[u8]]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let best = pats
            .iter()
            .filter(|p| b[i..].starts_with(p))
            .map(|p| p.len())
            .max();
        match best {
            Some(n) => {
                out.push((i, n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// `String.split(string, pattern)`.
pub fn split(t: &Term, pattern: &Term) -> BifResult {
    let b = string_arg(t, "split", 3)?;
    match pattern {
        Term::Binary(p) if p.0.is_empty() => {
            let mut parts = vec![&b[..0]];
            parts.extend(unicode::grapheme_vec(b)?);
            parts.push(&b[..0]);
            return Ok(bin_list(parts.into_iter()));
        }
        Term::EmptyList => return Ok(Term::list([t.clone()])),
        _ => {}
    }
    let pats = patterns(pattern)?;
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, n) in matches(b, &pats) {
        parts.push(&b[start..at]);
        start = at + n;
    }
    parts.push(&b[start..]);
    Ok(bin_list(parts.into_iter()))
}

/// `String.contains?(string, pattern)`: an empty pattern is always found.
pub fn contains(t: &Term, pattern: &Term) -> BifResult {
    let b = string_arg(t, "contains?", 2)?;
    if let Term::Binary(p) = pattern {
        return Ok(Term::bool(
            p.0.is_empty() || !matches(b, &[&p.0]).is_empty(),
        ));
    }
    if pattern.is_list() {
        let mut candidates = Vec::new();
        for p in pattern.iter_list() {
            let Term::Binary(p) = p else {
                return Err(arg_error(1, "not a bitstring"));
            };
            if p.0.is_empty() {
                return Ok(Term::TRUE);
            }
            if p.0.len() <= b.len() {
                candidates.push(&p.0[..]);
            }
        }
        return Ok(Term::bool(!matches(b, &candidates).is_empty()));
    }
    Err(arg_error(2, "not a valid pattern"))
}

/// What Elixir 1.14's `starts_with?`/`ends_with?` raise for a non-binary in
/// a list of prefixes.
fn bad_affix(b: &[u8], affix: &Term) -> Exception {
    Exception::error(exception_struct(
        "CaseClauseError",
        [(
            "term",
            Term::tuple([bin(b), Term::Int(b.len() as i64), affix.clone()]),
        )],
    ))
}

/// The `starts_with?`/`ends_with?` logic: one affix or any of a list.
fn has_affix(t: &Term, affix: &Term, name: &str, test: fn(&[u8], &[u8]) -> bool) -> BifResult {
    let b = string_arg(t, name, 2)?;
    match affix {
        Term::Binary(a) => Ok(Term::bool(test(b, &a.0))),
        _ if affix.is_list() => {
            for a in affix.iter_list() {
                match a {
                    Term::Binary(a) if test(b, &a.0) => return Ok(Term::TRUE),
                    Term::Binary(_) => {}
                    other => return Err(bad_affix(b, other)),
                }
            }
            Ok(Term::FALSE)
        }
        _ if name == "starts_with?" => Err(arg_error(2, "not a valid pattern")),
        _ => Err(clause(name, 2)),
    }
}

/// `String.starts_with?(string, prefix)`.
pub fn starts_with(t: &Term, prefix: &Term) -> BifResult {
    has_affix(t, prefix, "starts_with?", |b, p| b.starts_with(p))
}

/// `String.ends_with?(string, suffix)`.
pub fn ends_with(t: &Term, suffix: &Term) -> BifResult {
    has_affix(t, suffix, "ends_with?", |b, s| b.ends_with(s))
}

/// `String.replace(subject, pattern, replacement)` with a binary
/// replacement: every match replaced; an empty pattern inserts the
/// replacement between graphemes and at both ends.
pub fn replace(t: &Term, pattern: &Term, replacement: &Term) -> BifResult {
    let (Term::Binary(b), Term::Binary(r)) = (t, replacement) else {
        return Err(clause("replace", 4));
    };
    let (b, r) = (&b.0[..], &r.0[..]);
    let mut out = Vec::with_capacity(b.len());
    match pattern {
        Term::Binary(p) if p.0.is_empty() => {
            if r.is_empty() {
                return Ok(t.clone());
            }
            out.extend_from_slice(r);
            for g in unicode::graphemes(b) {
                out.extend_from_slice(g?);
                out.extend_from_slice(r);
            }
        }
        Term::EmptyList => return Ok(t.clone()),
        _ => {
            let mut start = 0;
            for (at, n) in matches(b, &patterns(pattern)?) {
                out.extend_from_slice(&b[start..at]);
                out.extend_from_slice(r);
                start = at + n;
            }
            if start == 0 {
                return Ok(t.clone());
            }
            out.extend_from_slice(&b[start..]);
        }
    }
    Ok(Term::binary(out))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{msg, s, strs};
    use super::*;

    #[test]
    fn splitting_on_patterns() {
        assert_eq!(
            split(&s("abc"), &s("")).unwrap(),
            strs(&["", "a", "b", "c", ""])
        );
        assert_eq!(split(&s(""), &s("")).unwrap(), strs(&["", ""]));
        assert_eq!(split(&s(""), &s(",")).unwrap(), strs(&[""]));
        assert_eq!(
            split(&s("a,b,,c,"), &s(",")).unwrap(),
            strs(&["a", "b", "", "c", ""])
        );
        assert_eq!(
            split(&s("a,b;c"), &strs(&[",", ";"])).unwrap(),
            strs(&["a", "b", "c"])
        );
        assert_eq!(split(&s("aaa"), &s("aa")).unwrap(), strs(&["", "a"]));
        assert_eq!(
            split(&s("abcd"), &strs(&["b", "bc"])).unwrap(),
            strs(&["a", "d"])
        );
        assert_eq!(split(&s("abc"), &Term::EmptyList).unwrap(), strs(&["abc"]));
        assert!(msg(split(&s("abc"), &Term::atom("x"))).contains("not a valid pattern"));
        assert!(msg(split(&s("a"), &strs(&["", "-"]))).contains("not a valid pattern"));
    }

    #[test]
    fn searching_and_replacing() {
        assert_eq!(contains(&s("abc"), &s("")).unwrap(), Term::TRUE);
        assert_eq!(contains(&s("abc"), &strs(&["x", "c"])).unwrap(), Term::TRUE);
        assert_eq!(contains(&s("abc"), &Term::EmptyList).unwrap(), Term::FALSE);
        assert_eq!(contains(&s("abc"), &strs(&["abcd"])).unwrap(), Term::FALSE);
        assert!(
            msg(contains(&s("abc"), &Term::list([Term::atom("x")]))).contains("not a bitstring")
        );
        assert_eq!(starts_with(&s("abc"), &s("")).unwrap(), Term::TRUE);
        assert_eq!(
            starts_with(&s("abc"), &strs(&["x", "a"])).unwrap(),
            Term::TRUE
        );
        assert_eq!(
            starts_with(&s("abc"), &Term::EmptyList).unwrap(),
            Term::FALSE
        );
        assert_eq!(ends_with(&s("abc"), &s("bc")).unwrap(), Term::TRUE);
        assert!(msg(ends_with(&s("abc"), &Term::atom("x"))).contains("ends_with?/2"));
        assert_eq!(
            replace(&s("abcabc"), &s("b"), &s("X")).unwrap(),
            s("aXcaXc")
        );
        assert_eq!(replace(&s("abc"), &s(""), &s("-")).unwrap(), s("-a-b-c-"));
        assert_eq!(
            replace(&s("e\u{301}a"), &s(""), &s("-")).unwrap(),
            s("-e\u{301}-a-")
        );
        assert_eq!(replace(&s("aaa"), &s("aa"), &s("b")).unwrap(), s("ba"));
        assert_eq!(
            replace(&s("abcd"), &strs(&["b", "bc"]), &s("X")).unwrap(),
            s("aXd")
        );
        assert!(replace(&s("abc"), &strs(&["", "b"]), &s("-")).is_err());
    }
}
