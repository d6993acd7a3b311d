//! Numbers as text: `:erlang.integer_to_binary/1,2`,
//! `binary_to_integer/1,2`, `binary_to_float/1`, and `Integer.parse/2`,
//! `Integer.digits/2`, `Float.parse/1`, `Float.to_string/1` (Elixir 1.14
//! `lib/elixir/lib/integer.ex` and `float.ex`).

use super::{bad_base, base_of};
use crate::bif::data::{arg_error, error_atom, function_clause, BifResult};
use crate::error::Exception;
use crate::term::Term;
use num_bigint::BigInt;
use num_integer::Integer as _;
use num_traits::Signed;

/// `integer_to_binary(int, base)`: digits above 9 in upper case.
pub fn integer_to_binary(int: &Term, base: &Term) -> BifResult {
    let text = match (int, base_of(base)) {
        (Term::Int(i), Some(10)) => i.to_string(),
        (Term::Big(b), Some(10)) => b.to_string(),
        (Term::Int(_) | Term::Big(_), Some(radix)) => {
            super::big(int).to_str_radix(radix).to_ascii_uppercase()
        }
        (Term::Int(_) | Term::Big(_), None) => return Err(bad_base(None)),
        (_, Some(_)) => return Err(arg_error(1, "not an integer")),
        (_, None) => return Err(bad_base(Some("not an integer"))),
    };
    Ok(Term::string(&text))
}

/// Parses `[+-]digits` in `radix` (case-insensitive), the whole of `bytes`.
pub fn parse_integer(bytes: &[u8], radix: u32) -> Option<Term> {
    let digits = match bytes.first() {
        Some(b'+' | b'-') => &bytes[1..],
        _ => bytes,
    };
    if digits.is_empty() || !digits.iter().all(|&c| (c as char).is_digit(radix)) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    if let Ok(i) = i64::from_str_radix(text, radix) {
        return Some(Term::Int(i));
    }
    let n = BigInt::parse_bytes(digits, radix)?;
    Some(Term::from_bigint(if bytes[0] == b'-' { -n } else { n }))
}

/// `binary_to_integer(binary, base)`.
pub fn binary_to_integer(bin: &Term, base: &Term) -> BifResult {
    match (bin, base_of(base)) {
        (Term::Binary(b), Some(radix)) => parse_integer(&b.0, radix)
            .ok_or_else(|| arg_error(1, "not a textual representation of an integer")),
        (Term::Binary(_), None) => Err(bad_base(None)),
        (_, Some(_)) => Err(arg_error(1, "not a binary")),
        (_, None) => Err(bad_base(Some("not a binary"))),
    }
}

/// The length of the float literal Erlang accepts at the start of `bytes`
/// (`[+-]digits.digits[(e|E)[+-]digits]`), if it is one.
fn erlang_float_len(bytes: &[u8]) -> Option<usize> {
    let digits = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let int = digits(i);
    if int == 0 || bytes.get(i + int) != Some(&b'.') {
        return None;
    }
    i += int + 1;
    let frac = digits(i);
    if frac == 0 {
        return None;
    }
    i += frac;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(i + 1), Some(b'+' | b'-')));
        let exp = digits(i + 1 + sign);
        if exp == 0 {
            return None;
        }
        i += 1 + sign + exp;
    }
    Some(i)
}

/// A float literal checked by [`erlang_float_len`] as a finite float.
fn float_value(text: &[u8]) -> Option<f64> {
    let f: f64 = std::str::from_utf8(text).ok()?.parse().ok()?;
    f.is_finite().then_some(f)
}

/// `binary_to_float(binary)`: the whole binary must be an Erlang float
/// literal (`"1.5e3"`, not `"1e3"` or `"1"`).
pub fn binary_to_float(bin: &Term) -> BifResult {
    let Term::Binary(b) = bin else {
        return Err(arg_error(1, "not a binary"));
    };
    match erlang_float_len(&b.0) {
        Some(n) if n == b.0.len() => float_value(&b.0).map(Term::Float),
        _ => None,
    }
    .ok_or_else(|| arg_error(1, "not a textual representation of a float"))
}

/// `Float.parse(binary)`: the longest float prefix (integer part, then an
/// optional `.digits` and exponent) and the rest; `:error` without a digit.
pub fn float_parse(bin: &Term) -> BifResult {
    let Term::Binary(b) = bin else {
        return Err(function_clause("Elixir.Float", "parse_unsigned", 1));
    };
    let bytes = &b.0[..];
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let digits = |from: usize| {
        body[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let int = digits(0);
    if int == 0 {
        return Ok(error_atom());
    }
    let mut end = int;
    if body.get(end) == Some(&b'.') && body.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1 + digits(end + 1);
    }
    let mut has_exp = false;
    if matches!(body.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(body.get(end + 1), Some(b'+' | b'-')));
        if body.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
            end += 1 + sign + digits(end + 1 + sign);
            has_exp = true;
        }
    }
    let Some(f) = float_value(&body[..end]) else {
        // Overflow: `:error` with an exponent, Erlang's badarg without.
        return if has_exp {
            Ok(error_atom())
        } else {
            Err(arg_error(1, "not a textual representation of a float"))
        };
    };
    let f = if negative { -f } else { f };
    Ok(Term::tuple([
        Term::Float(f),
        Term::binary(body[end..].to_vec()),
    ]))
}

/// `Integer.parse(binary, base)`: the longest `[+-]digits` prefix and the
/// rest, or `:error`.
pub fn integer_parse(bin: &Term, base: &Term) -> BifResult {
    let Some(radix) = base_of(base) else {
        return Err(Exception::argument(format!(
            "invalid base {}",
            crate::inspect::inspect(base)
        )));
    };
    let Term::Binary(b) = bin else {
        return Err(function_clause("Elixir.Integer", "parse", 2));
    };
    let bytes = &b.0[..];
    let sign = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let count = bytes[sign..]
        .iter()
        .take_while(|&&c| (c as char).is_digit(radix))
        .count();
    if count == 0 {
        return Ok(error_atom());
    }
    let (digits, rest) = bytes.split_at(sign + count);
    let n = parse_integer(digits, radix).unwrap_or(Term::Int(0));
    Ok(Term::tuple([n, Term::binary(rest.to_vec())]))
}

/// `Integer.digits(integer, base)`: most significant first; a negative
/// integer gives negative digits (`-10` → `[-1, 0]`).
pub fn digits(int: &Term, base: &Term) -> BifResult {
    let clause = || function_clause("Elixir.Integer", "digits", 2);
    if !int.is_integer() || !base.is_integer() || base.compare(&Term::Int(2)).is_lt() {
        return Err(clause());
    }
    let mut out = Vec::new();
    if let (Term::Int(mut n), Term::Int(b)) = (int, base) {
        while n.unsigned_abs() >= b.unsigned_abs() {
            out.push(Term::Int(n % b));
            n /= b;
        }
        out.push(Term::Int(n));
    } else {
        let (mut n, b) = (super::big(int).into_owned(), super::big(base).into_owned());
        while n.abs() >= b {
            let (q, r) = n.div_rem(&b);
            out.push(Term::from_bigint(r));
            n = q;
        }
        out.push(Term::from_bigint(n));
    }
    debug_assert!(!out.is_empty() || int.compare(&Term::Int(0)).is_eq());
    Ok(Term::list(out.into_iter().rev().collect::<Vec<_>>()))
}

/// `Float.to_string(float)`: the shortest text that reads back the same.
pub fn float_to_string(f: &Term) -> BifResult {
    match f {
        Term::Float(f) => Ok(Term::string(&crate::inspect::format_float(*f))),
        _ => Err(function_clause("Elixir.Float", "to_string", 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Term {
        Term::string(t)
    }

    fn ten() -> Term {
        Term::Int(10)
    }

    #[test]
    fn integers_to_and_from_text() {
        assert_eq!(
            integer_to_binary(&Term::Int(-255), &Term::Int(16)).unwrap(),
            s("-FF")
        );
        assert_eq!(
            integer_to_binary(&Term::Int(-255), &Term::Int(36)).unwrap(),
            s("-73")
        );
        assert!(integer_to_binary(&Term::Int(1), &Term::Int(37)).is_err());
        assert!(integer_to_binary(&Term::Float(1.0), &ten()).is_err());
        assert_eq!(binary_to_integer(&s("+12"), &ten()).unwrap(), Term::Int(12));
        assert_eq!(
            binary_to_integer(&s("-0012"), &ten()).unwrap(),
            Term::Int(-12)
        );
        assert_eq!(
            binary_to_integer(&s("-fF"), &Term::Int(16)).unwrap(),
            Term::Int(-255)
        );
        let big = binary_to_integer(&s("-99999999999999999999999"), &ten()).unwrap();
        assert!(matches!(big, Term::Big(_)));
        assert_eq!(
            integer_to_binary(&big, &ten()).unwrap(),
            s("-99999999999999999999999")
        );
        for bad in ["", "-", " 1", "1_000", "1.0", "+-1"] {
            assert!(binary_to_integer(&s(bad), &ten()).is_err(), "{bad}");
        }
        assert!(matches!(
            binary_to_integer(&s("-9223372036854775808"), &ten()).unwrap(),
            Term::Int(i64::MIN)
        ));
    }

    #[test]
    fn integer_parse_takes_a_prefix() {
        let p = |t: &str| integer_parse(&s(t), &ten()).unwrap();
        assert_eq!(p("12abc"), Term::tuple([Term::Int(12), s("abc")]));
        assert_eq!(p("-12"), Term::tuple([Term::Int(-12), s("")]));
        assert_eq!(p("1_000"), Term::tuple([Term::Int(1), s("_000")]));
        for bad in ["  12", "", "-", "+-12", "abc"] {
            assert_eq!(p(bad), error_atom(), "{bad}");
        }
        assert_eq!(
            integer_parse(&s("FFz"), &Term::Int(16)).unwrap(),
            Term::tuple([Term::Int(255), s("z")])
        );
        assert!(integer_parse(&s("1"), &Term::Int(37)).is_err());
        assert!(integer_parse(&Term::atom("x"), &ten()).is_err());
    }

    #[test]
    fn integer_digits() {
        let d = |n: Term| digits(&n, &ten()).unwrap();
        assert_eq!(d(Term::Int(0)), Term::list([Term::Int(0)]));
        assert_eq!(d(Term::Int(-123)), Term::list([-1, -2, -3].map(Term::Int)));
        let big = binary_to_integer(&s("1234567890123456789012"), &ten()).unwrap();
        let want: Vec<Term> = "1234567890123456789012"
            .bytes()
            .map(|c| Term::Int(i64::from(c - b'0')))
            .collect();
        assert_eq!(d(big), Term::list(want));
        assert!(digits(&Term::Int(255), &Term::Int(1)).is_err());
    }

    #[test]
    fn floats_from_text() {
        let f = |t: &str| binary_to_float(&s(t));
        assert_eq!(f("1.5e3").unwrap(), Term::Float(1500.0));
        assert_eq!(f("+1.5").unwrap(), Term::Float(1.5));
        assert_eq!(f("1.0e-400").unwrap(), Term::Float(0.0));
        for bad in ["1", "1e3", ".5", "1.e3", "1.5e", " 1.5", "1.5 ", "1.0e400"] {
            assert!(f(bad).is_err(), "{bad}");
        }
        let p = |t: &str| float_parse(&s(t)).unwrap();
        assert_eq!(p("1"), Term::tuple([Term::Float(1.0), s("")]));
        assert_eq!(p("1.x"), Term::tuple([Term::Float(1.0), s(".x")]));
        assert_eq!(p("-1.5e3x"), Term::tuple([Term::Float(-1500.0), s("x")]));
        assert_eq!(p("1e+"), Term::tuple([Term::Float(1.0), s("e+")]));
        assert_eq!(p("12.5E-2"), Term::tuple([Term::Float(0.125), s("")]));
        assert_eq!(p(".5"), error_atom());
        assert_eq!(p("1.5e999"), error_atom());
    }
}
