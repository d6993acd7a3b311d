//! Arithmetic BIFs: Kernel's operators and number functions (also under
//! their `:erlang` names), and the native parts of `Integer` and `Float`.
//!
//! Rules (Erlang Reference Manual, "Arithmetic Expressions"): integers are
//! unbounded, so `Int` results that overflow promote to `Big` and every big
//! result goes through [`Term::from_bigint`], which demotes values that fit;
//! an integer and a float give a float; a float result that is not finite
//! and a non-number operand raise `ArithmeticError`. Kernel functions that
//! Elixir inlines to Erlang BIFs (`abs/1`, `trunc/1`, ...) raise Erlang's
//! `ArgumentError` texts instead.

use super::data::{arg_error, arg_errors, function_clause, BifResult};
use super::{bif, BifDef};
use crate::error::Exception;
use crate::term::Term;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Zero};
use std::borrow::Cow;
use std::cmp::Ordering;

mod bitwise;
mod float_round;
mod int_div;
mod text;

pub use int_div::div_rem;

pub(super) static BIFS: &[BifDef] = &[
    bif!("erlang", "band", 2, |_, a| bitwise::band(&a[0], &a[1])),
    bif!("erlang", "bor", 2, |_, a| bitwise::bor(&a[0], &a[1])),
    bif!("erlang", "bxor", 2, |_, a| bitwise::bxor(&a[0], &a[1])),
    bif!("erlang", "bnot", 1, |_, a| bitwise::bnot(&a[0])),
    bif!("erlang", "bsl", 2, |_, a| bitwise::bsl(&a[0], &a[1])),
    bif!("erlang", "bsr", 2, |_, a| bitwise::bsr(&a[0], &a[1])),
    bif!("Elixir.Bitwise", "band", 2, |_, a| bitwise::band(
        &a[0], &a[1]
    )),
    bif!("Elixir.Bitwise", "bor", 2, |_, a| bitwise::bor(
        &a[0], &a[1]
    )),
    bif!("Elixir.Bitwise", "bxor", 2, |_, a| bitwise::bxor(
        &a[0], &a[1]
    )),
    bif!("Elixir.Bitwise", "bnot", 1, |_, a| bitwise::bnot(&a[0])),
    bif!("Elixir.Bitwise", "bsl", 2, |_, a| bitwise::bsl(
        &a[0], &a[1]
    )),
    bif!("Elixir.Bitwise", "bsr", 2, |_, a| bitwise::bsr(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "+", 2, |_, a| add(&a[0], &a[1])),
    bif!("Elixir.Kernel", "-", 2, |_, a| sub(&a[0], &a[1])),
    bif!("Elixir.Kernel", "*", 2, |_, a| mul(&a[0], &a[1])),
    bif!("Elixir.Kernel", "/", 2, |_, a| fdiv(&a[0], &a[1])),
    bif!("Elixir.Kernel", "div", 2, |_, a| div(&a[0], &a[1])),
    bif!("Elixir.Kernel", "rem", 2, |_, a| rem(&a[0], &a[1])),
    bif!("Elixir.Kernel", "-", 1, |_, a| neg(&a[0])),
    bif!("Elixir.Kernel", "+", 1, |_, a| plus(&a[0])),
    bif!("Elixir.Kernel", "abs", 1, |_, a| abs(&a[0])),
    bif!("Elixir.Kernel", "max", 2, |_, a| Ok(max(&a[0], &a[1]))),
    bif!("Elixir.Kernel", "min", 2, |_, a| Ok(min(&a[0], &a[1]))),
    bif!("Elixir.Kernel", "trunc", 1, |_, a| trunc(&a[0])),
    bif!("Elixir.Kernel", "round", 1, |_, a| round(&a[0])),
    bif!("Elixir.Kernel", "floor", 1, |_, a| floor(&a[0])),
    bif!("Elixir.Kernel", "ceil", 1, |_, a| ceil(&a[0])),
    bif!("erlang", "+", 2, |_, a| add(&a[0], &a[1])),
    bif!("erlang", "-", 2, |_, a| sub(&a[0], &a[1])),
    bif!("erlang", "*", 2, |_, a| mul(&a[0], &a[1])),
    bif!("erlang", "/", 2, |_, a| fdiv(&a[0], &a[1])),
    bif!("erlang", "div", 2, |_, a| div(&a[0], &a[1])),
    bif!("erlang", "rem", 2, |_, a| rem(&a[0], &a[1])),
    bif!("erlang", "-", 1, |_, a| neg(&a[0])),
    bif!("erlang", "+", 1, |_, a| plus(&a[0])),
    bif!("erlang", "abs", 1, |_, a| abs(&a[0])),
    bif!("erlang", "max", 2, |_, a| Ok(max(&a[0], &a[1]))),
    bif!("erlang", "min", 2, |_, a| Ok(min(&a[0], &a[1]))),
    bif!("erlang", "trunc", 1, |_, a| trunc(&a[0])),
    bif!("erlang", "round", 1, |_, a| round(&a[0])),
    bif!("erlang", "floor", 1, |_, a| floor(&a[0])),
    bif!("erlang", "ceil", 1, |_, a| ceil(&a[0])),
    bif!("erlang", "float", 1, |_, a| float(&a[0])),
    // ---- integers and floats as text -------------------------------------
    bif!("erlang", "integer_to_binary", 1, |_, a| {
        text::integer_to_binary(&a[0], &Term::Int(10))
    }),
    bif!("erlang", "integer_to_binary", 2, |_, a| {
        text::integer_to_binary(&a[0], &a[1])
    }),
    bif!("erlang", "binary_to_integer", 1, |_, a| {
        text::binary_to_integer(&a[0], &Term::Int(10))
    }),
    bif!("erlang", "binary_to_integer", 2, |_, a| {
        text::binary_to_integer(&a[0], &a[1])
    }),
    bif!(
        "erlang",
        "binary_to_float",
        1,
        |_, a| text::binary_to_float(&a[0])
    ),
    bif!("Elixir.Integer", "to_string", 1, |_, a| {
        text::integer_to_binary(&a[0], &Term::Int(10))
    }),
    bif!("Elixir.Integer", "to_string", 2, |_, a| {
        text::integer_to_binary(&a[0], &a[1])
    }),
    bif!("Elixir.Integer", "parse", 1, |_, a| {
        text::integer_parse(&a[0], &Term::Int(10))
    }),
    bif!("Elixir.Integer", "parse", 2, |_, a| text::integer_parse(
        &a[0], &a[1]
    )),
    bif!("Elixir.Integer", "digits", 1, |_, a| {
        text::digits(&a[0], &Term::Int(10))
    }),
    bif!("Elixir.Integer", "digits", 2, |_, a| text::digits(
        &a[0], &a[1]
    )),
    bif!("Elixir.String", "to_integer", 1, |_, a| {
        text::binary_to_integer(&a[0], &Term::Int(10))
    }),
    bif!("Elixir.String", "to_integer", 2, |_, a| {
        text::binary_to_integer(&a[0], &a[1])
    }),
    bif!(
        "Elixir.String",
        "to_float",
        1,
        |_, a| text::binary_to_float(&a[0])
    ),
    bif!(
        "Elixir.Float",
        "to_string",
        1,
        |_, a| text::float_to_string(&a[0])
    ),
    bif!("Elixir.Float", "parse", 1, |_, a| text::float_parse(&a[0])),
    bif!("Elixir.Float", "round", 1, |_, a| {
        float_round::round(&a[0], &Term::Int(0))
    }),
    bif!("Elixir.Float", "round", 2, |_, a| float_round::round(
        &a[0], &a[1]
    )),
    bif!("Elixir.Float", "floor", 1, |_, a| {
        float_round::floor(&a[0], &Term::Int(0))
    }),
    bif!("Elixir.Float", "floor", 2, |_, a| float_round::floor(
        &a[0], &a[1]
    )),
    bif!("Elixir.Float", "ceil", 1, |_, a| {
        float_round::ceil(&a[0], &Term::Int(0))
    }),
    bif!("Elixir.Float", "ceil", 2, |_, a| float_round::ceil(
        &a[0], &a[1]
    )),
];

/// `ArithmeticError` for a non-number operand or a non-finite result.
fn badarith<T>() -> Result<T, Exception> {
    Err(Exception::badarith())
}

/// An integer term (`Int` or `Big`) as a big integer.
fn big(t: &Term) -> Cow<'_, BigInt> {
    match t {
        Term::Big(b) => Cow::Borrowed(&**b),
        Term::Int(i) => Cow::Owned(BigInt::from(*i)),
        _ => Cow::Owned(BigInt::zero()),
    }
}

/// A number as a float (Erlang's implicit conversion in mixed arithmetic);
/// `None` for a non-number or an integer too large for a float.
fn to_f64(t: &Term) -> Option<f64> {
    match t {
        Term::Int(i) => Some(*i as f64),
        Term::Float(f) => Some(*f),
        Term::Big(b) => big_to_f64(b),
        _ => None,
    }
}

/// A big integer as a float the way ERTS converts one (`big_to_double`):
/// 64-bit digits from the most significant, `d = d * 2^64 + digit`, which
/// can differ from the correctly rounded value in the last bit. `None` when
/// it overflows.
fn big_to_f64(b: &BigInt) -> Option<f64> {
    let d = b
        .magnitude()
        .iter_u64_digits()
        .rev()
        .fold(0.0f64, |d, digit| {
            d * 18_446_744_073_709_551_616.0 + digit as f64
        });
    let d = if b.sign() == num_bigint::Sign::Minus {
        -d
    } else {
        d
    };
    d.is_finite().then_some(d)
}

/// A float result: finite, or `ArithmeticError`.
fn float_result(f: f64) -> BifResult {
    if f.is_finite() {
        Ok(Term::Float(f))
    } else {
        badarith()
    }
}

/// The shared slow path of the binary operators: big integers, floats and
/// mixed operands.
#[cold]
fn arith(
    a: &Term,
    b: &Term,
    int_op: fn(&BigInt, &BigInt) -> BigInt,
    float_op: fn(f64, f64) -> f64,
) -> BifResult {
    if a.is_integer() && b.is_integer() {
        return Ok(Term::from_bigint(int_op(&big(a), &big(b))));
    }
    if !(a.is_number() && b.is_number()) {
        return badarith();
    }
    match (to_f64(a), to_f64(b)) {
        (Some(x), Some(y)) => float_result(float_op(x, y)),
        _ => badarith(),
    }
}

/// `a + b`.
#[inline]
pub fn add(a: &Term, b: &Term) -> BifResult {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return Ok(Term::Int(r));
        }
    }
    arith(a, b, |x, y| x + y, |x, y| x + y)
}

/// `a - b`.
#[inline]
pub fn sub(a: &Term, b: &Term) -> BifResult {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return Ok(Term::Int(r));
        }
    }
    arith(a, b, |x, y| x - y, |x, y| x - y)
}

/// `a * b`.
#[inline]
pub fn mul(a: &Term, b: &Term) -> BifResult {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Ok(Term::Int(r));
        }
    }
    arith(a, b, |x, y| x * y, |x, y| x * y)
}

/// `a / b`: always a float; a zero divisor (`0` or `0.0`) raises.
pub fn fdiv(a: &Term, b: &Term) -> BifResult {
    match (to_f64(a), to_f64(b)) {
        // The pattern compares with `==`, so it matches `-0.0` too.
        (Some(_), Some(0.0)) => badarith(),
        (Some(x), Some(y)) => float_result(x / y),
        _ => badarith(),
    }
}

/// `div(a, b)`: integer division truncated toward zero.
pub fn div(a: &Term, b: &Term) -> BifResult {
    match (a, b) {
        (Term::Int(_), Term::Int(0)) => badarith(),
        (Term::Int(x), Term::Int(y)) => match x.checked_div(*y) {
            Some(q) => Ok(Term::Int(q)),
            None => Ok(Term::from_bigint(BigInt::from(*x) / *y)),
        },
        _ if a.is_integer() && b.is_integer() => {
            let d = big(b);
            if d.is_zero() {
                return badarith();
            }
            Ok(Term::from_bigint(&*big(a) / &*d))
        }
        _ => badarith(),
    }
}

/// `rem(a, b)`: the remainder of [`div`], with the sign of `a`.
pub fn rem(a: &Term, b: &Term) -> BifResult {
    match (a, b) {
        (Term::Int(_), Term::Int(0)) => badarith(),
        // `checked_rem` fails only for `i64::MIN rem -1`, which is 0.
        (Term::Int(x), Term::Int(y)) => Ok(Term::Int(x.checked_rem(*y).unwrap_or(0))),
        _ if a.is_integer() && b.is_integer() => {
            let d = big(b);
            if d.is_zero() {
                return badarith();
            }
            Ok(Term::from_bigint(&*big(a) % &*d))
        }
        _ => badarith(),
    }
}

/// Unary `-a`.
pub fn neg(a: &Term) -> BifResult {
    match a {
        Term::Int(i) => Ok(i
            .checked_neg()
            .map_or_else(|| Term::from_bigint(-BigInt::from(*i)), Term::Int)),
        Term::Big(b) => Ok(Term::from_bigint(-&**b)),
        Term::Float(f) => Ok(Term::Float(-f)),
        _ => badarith(),
    }
}

/// Unary `+a`: a number unchanged.
pub fn plus(a: &Term) -> BifResult {
    if a.is_number() {
        Ok(a.clone())
    } else {
        badarith()
    }
}

/// `ArgumentError` of the Erlang BIFs that take one number.
fn not_a_number<T>() -> Result<T, Exception> {
    Err(arg_error(1, "not a number"))
}

/// `abs(a)`. A float keeps its sign bit unless it is below zero, so
/// `abs(-0.0)` is `-0.0` as on the BEAM.
pub fn abs(a: &Term) -> BifResult {
    match a {
        Term::Int(i) => Ok(i
            .checked_abs()
            .map_or_else(|| Term::from_bigint(-BigInt::from(*i)), Term::Int)),
        Term::Big(b) => Ok(Term::from_bigint(b.magnitude().clone().into())),
        Term::Float(f) => Ok(Term::Float(if *f < 0.0 { -f } else { *f })),
        _ => not_a_number(),
    }
}

/// `max(a, b)` in term order; `a` when they compare equal (`max(1, 1.0)`
/// is `1`).
pub fn max(a: &Term, b: &Term) -> Term {
    if a.compare(b) == Ordering::Less {
        b.clone()
    } else {
        a.clone()
    }
}

/// `min(a, b)` in term order; `a` when they compare equal.
pub fn min(a: &Term, b: &Term) -> Term {
    if b.compare(a) == Ordering::Less {
        b.clone()
    } else {
        a.clone()
    }
}

/// A float with an integral value as an integer term.
pub(super) fn integral_float(f: f64) -> Term {
    // Every float of magnitude below 2^63 converts exactly.
    if f.abs() < 9.2e18 {
        Term::Int(f as i64)
    } else {
        Term::from_bigint(BigInt::from_f64(f).unwrap_or_default())
    }
}

/// The integer-valued Kernel functions: an integer unchanged, a float
/// through `op`.
fn to_integer(a: &Term, op: fn(f64) -> f64) -> BifResult {
    match a {
        Term::Int(_) | Term::Big(_) => Ok(a.clone()),
        Term::Float(f) => Ok(integral_float(op(*f))),
        _ => not_a_number(),
    }
}

/// `trunc(a)`: toward zero.
pub fn trunc(a: &Term) -> BifResult {
    to_integer(a, f64::trunc)
}

/// `round(a)`: half away from zero (`round(-2.5) == -3`).
pub fn round(a: &Term) -> BifResult {
    to_integer(a, f64::round)
}

/// `floor(a)`: toward negative infinity.
pub fn floor(a: &Term) -> BifResult {
    to_integer(a, f64::floor)
}

/// `ceil(a)`: toward positive infinity.
pub fn ceil(a: &Term) -> BifResult {
    to_integer(a, f64::ceil)
}

/// `:erlang.float(a)`: a number as a float.
pub fn float(a: &Term) -> BifResult {
    match to_f64(a) {
        Some(f) => Ok(Term::Float(f)),
        None => not_a_number(),
    }
}

/// `ArgumentError` for an argument that is not an integer in `2..=36`
/// (`integer_to_binary/2`, `binary_to_integer/2`); `first` is what was
/// wrong with the first argument, if anything.
fn bad_base(first: Option<&str>) -> Exception {
    const BASE: &str = "not an integer in the range 2 through 36";
    match first {
        Some(what) => arg_errors(&[(1, what), (2, BASE)]),
        None => arg_error(2, BASE),
    }
}

/// A base in `2..=36`.
fn base_of(t: &Term) -> Option<u32> {
    match t {
        Term::Int(b @ 2..=36) => Some(*b as u32),
        _ => None,
    }
}

/// `FunctionClauseError` in `Float.<name>/2` (also raised for the `/1`
/// forms, which delegate to `/2` in Elixir).
fn float_clause(name: &str) -> Exception {
    function_clause("Elixir.Float", name, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_term(s: &str) -> Term {
        Term::from_bigint(s.parse::<BigInt>().unwrap())
    }

    fn is_badarith(r: BifResult) -> bool {
        matches!(r, Err(e) if crate::error::exception_name(&e.reason) == Some("ArithmeticError"))
    }

    #[test]
    fn overflow_promotes_and_demotes() {
        let max = Term::Int(i64::MAX);
        let up = add(&max, &Term::Int(1)).unwrap();
        assert!(matches!(up, Term::Big(_)));
        assert_eq!(up, big_term("9223372036854775808"));
        let back = sub(&up, &Term::Int(1)).unwrap();
        assert!(matches!(back, Term::Int(i64::MAX)));
        let min = Term::Int(i64::MIN);
        assert_eq!(
            sub(&min, &Term::Int(1)).unwrap(),
            big_term("-9223372036854775809")
        );
        assert_eq!(neg(&min).unwrap(), big_term("9223372036854775808"));
        assert!(matches!(
            neg(&big_term("9223372036854775808")).unwrap(),
            Term::Int(i64::MIN)
        ));
        assert_eq!(abs(&min).unwrap(), big_term("9223372036854775808"));
        assert_eq!(
            mul(&max, &max).unwrap(),
            big_term("85070591730234615847396907784232501249")
        );
        let sq = mul(&max, &max).unwrap();
        assert!(matches!(div(&sq, &max).unwrap(), Term::Int(i64::MAX)));
    }

    #[test]
    fn div_and_rem_truncate_toward_zero() {
        let d = |a, b| div(&Term::Int(a), &Term::Int(b)).unwrap();
        let r = |a, b| rem(&Term::Int(a), &Term::Int(b)).unwrap();
        assert_eq!(d(-7, 2), Term::Int(-3));
        assert_eq!(r(-7, 2), Term::Int(-1));
        assert_eq!(r(7, -2), Term::Int(1));
        assert_eq!(d(i64::MIN, -1), big_term("9223372036854775808"));
        assert_eq!(r(i64::MIN, -1), Term::Int(0));
        let n = big_term("-1000000000000000000000000000000");
        assert_eq!(
            div(&n, &Term::Int(7)).unwrap(),
            big_term("-142857142857142857142857142857")
        );
        assert_eq!(rem(&n, &Term::Int(7)).unwrap(), Term::Int(-1));
        assert!(is_badarith(div(&Term::Int(1), &Term::Int(0))));
        assert!(is_badarith(rem(&n, &Term::Int(0))));
        assert!(is_badarith(div(&Term::Float(7.0), &Term::Int(2))));
    }

    #[test]
    fn floats_mix_with_integers() {
        assert_eq!(
            add(&Term::Int(1), &Term::Float(1.5)).unwrap(),
            Term::Float(2.5)
        );
        assert_eq!(
            mul(&Term::Int(2), &Term::Float(1.5)).unwrap(),
            Term::Float(3.0)
        );
        assert_eq!(
            fdiv(&Term::Int(4), &Term::Int(2)).unwrap(),
            Term::Float(2.0)
        );
        let b = big_term("100000000000000000000000");
        assert_eq!(
            fdiv(&b, &Term::Int(3)).unwrap(),
            Term::Float(3.333333333333333e22)
        );
        assert!(is_badarith(fdiv(&Term::Int(1), &Term::Int(0))));
        assert!(is_badarith(fdiv(&Term::Int(1), &Term::Float(-0.0))));
        assert!(is_badarith(mul(
            &Term::Float(1.0e300),
            &Term::Float(1.0e300)
        )));
        let huge = Term::from_bigint(BigInt::from(1) << 1100);
        assert!(is_badarith(mul(&huge, &Term::Float(1.0))));
        assert!(is_badarith(add(&Term::atom("a"), &Term::Int(1))));
        assert!(is_badarith(neg(&Term::atom("a"))));
        assert!(is_badarith(plus(&Term::atom("a"))));
    }

    #[test]
    fn rounding_functions() {
        assert_eq!(round(&Term::Float(-2.5)).unwrap(), Term::Int(-3));
        assert_eq!(round(&Term::Float(2.5)).unwrap(), Term::Int(3));
        assert_eq!(
            round(&Term::Float(0.49999999999999994)).unwrap(),
            Term::Int(0)
        );
        assert_eq!(trunc(&Term::Float(-2.7)).unwrap(), Term::Int(-2));
        assert_eq!(floor(&Term::Float(-2.5)).unwrap(), Term::Int(-3));
        assert_eq!(ceil(&Term::Float(-2.5)).unwrap(), Term::Int(-2));
        assert_eq!(
            trunc(&Term::Float(1.0e20)).unwrap(),
            big_term("100000000000000000000")
        );
        assert_eq!(floor(&Term::Int(3)).unwrap(), Term::Int(3));
        assert!(trunc(&Term::atom("a")).is_err());
        assert_eq!(float(&Term::Int(3)).unwrap(), Term::Float(3.0));
    }

    #[test]
    fn abs_max_min() {
        assert!(matches!(abs(&Term::Float(-0.0)).unwrap(), Term::Float(f) if f.is_sign_negative()));
        assert_eq!(abs(&Term::Float(-1.5)).unwrap(), Term::Float(1.5));
        assert!(matches!(
            max(&Term::Int(1), &Term::Float(1.0)),
            Term::Int(1)
        ));
        assert!(matches!(
            max(&Term::Float(1.0), &Term::Int(1)),
            Term::Float(_)
        ));
        assert!(matches!(
            min(&Term::Int(1), &Term::Float(1.0)),
            Term::Int(1)
        ));
        assert_eq!(max(&Term::atom("a"), &Term::Int(1)), Term::atom("a"));
    }
}
