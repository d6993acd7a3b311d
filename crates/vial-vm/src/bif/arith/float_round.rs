//! `Float.round/2`, `Float.floor/2`, `Float.ceil/2`: rounding a float to a
//! number of decimal digits exactly, on the binary value (so
//! `Float.round(2.675, 2)` is `2.67`: the float is 2.67499999...).
//!
//! A transcription of Elixir 1.14's `Float.round/3` (`lib/elixir/lib/float.ex`),
//! quirks included: it converts the float to an exact decimal with big
//! integers, rounds that, and converts back with round-half-even.

use super::float_clause;
use crate::error::Exception;
use crate::term::Term;
use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

/// The rounding direction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Floor,
    Ceil,
    HalfUp,
}

/// `Float.round(float, precision)`.
pub fn round(f: &Term, precision: &Term) -> Result<Term, Exception> {
    dispatch(f, precision, "round", Mode::HalfUp, f64::round)
}

/// `Float.floor(float, precision)`.
pub fn floor(f: &Term, precision: &Term) -> Result<Term, Exception> {
    dispatch(f, precision, "floor", Mode::Floor, f64::floor)
}

/// `Float.ceil(float, precision)`.
pub fn ceil(f: &Term, precision: &Term) -> Result<Term, Exception> {
    dispatch(f, precision, "ceil", Mode::Ceil, f64::ceil)
}

/// The clauses shared by the three: precision 0 uses the plain float
/// function (`Float.round(-0.4)` is `0.0`, the float of integer `0`), other
/// precisions must be in `0..15`.
fn dispatch(
    f: &Term,
    precision: &Term,
    name: &str,
    mode: Mode,
    whole: fn(f64) -> f64,
) -> Result<Term, Exception> {
    let Term::Float(x) = f else {
        return Err(float_clause(name));
    };
    match precision {
        // `float(round(x))`: an integer has no negative zero.
        Term::Int(0) if mode == Mode::HalfUp => Ok(Term::Float(whole(*x) + 0.0)),
        Term::Int(0) => Ok(Term::Float(whole(*x))),
        Term::Int(p @ 1..=15) => Ok(Term::Float(round_digits(*x, *p as u32, mode))),
        other => Err(Exception::argument(format!(
            "precision {} is out of valid range of 0..15",
            crate::inspect::to_string(other).unwrap_or_else(|| crate::inspect::inspect(other))
        ))),
    }
}

fn pow(base: u32, exp: u32) -> BigInt {
    num_traits::pow(BigInt::from(base), exp as usize)
}

/// Elixir's `decompose/2`: the significand with its implicit leading 1,
/// cut after its last 1 bit, and how many fraction bits that leaves.
fn decompose(significand: u64) -> (u64, i64) {
    let (mut acc, mut last) = (1u64, 0i64);
    for count in 1..=52i64 {
        if significand >> (52 - count) & 1 == 1 {
            acc = (acc << (count - last)) + 1;
            last = count;
        }
    }
    (acc, last)
}

/// Rounds `x` to `precision` (1..=15) decimal digits.
pub fn round_digits(x: f64, precision: u32, mode: Mode) -> f64 {
    if x == 0.0 {
        return x;
    }
    let bits = x.to_bits();
    let sign = bits >> 63;
    let exp = (bits >> 52 & 0x7ff) as i64;
    let (num, count) = decompose(bits & ((1 << 52) - 1));
    let count = count - exp + 1023;
    if count >= 104 {
        return match (mode, sign) {
            (Mode::Ceil, 0) => 1.0 / 10f64.powi(precision as i32),
            (Mode::Floor, 1) => -1.0 / 10f64.powi(precision as i32),
            _ => 0.0,
        };
    }
    if count <= i64::from(precision) {
        return x;
    }
    let count = count as u32;
    // The float as an exact decimal with `precision + 1` fraction digits.
    let num = BigInt::from(num) * pow(5, count) / pow(10, count - precision - 1);
    let div: BigInt = &num / 10u32;
    let num: BigInt = match (mode, sign) {
        (Mode::Floor, 1) | (Mode::Ceil, 0) => div + 1,
        (Mode::HalfUp, _) if (&num % 10u32).to_u32().unwrap_or(0) >= 5 => div + 1,
        _ => div,
    };
    if num.is_zero() {
        return 0.0;
    }
    let den = pow(10, precision);
    let boundary = &den << 52;
    if num >= boundary {
        // scale_down: double the denominator until num / den < 2^53.
        let (mut d, mut exp) = (boundary, 52i64);
        loop {
            let next: BigInt = &d << 1;
            if num < next {
                break;
            }
            d = next;
            exp += 1;
        }
        decimal_to_float(sign, &num, &(d >> 52), exp)
    } else {
        let (mut n, mut exp) = (num, 52i64);
        while n < boundary {
            n <<= 1;
            exp -= 1;
        }
        decimal_to_float(sign, &n, &den, exp)
    }
}

/// `num / den` (in `[2^52, 2^53)`) rounded half-even into a float with
/// exponent `exp`, packed into bit fields as Elixir does.
fn decimal_to_float(sign: u64, num: &BigInt, den: &BigInt, exp: i64) -> f64 {
    let quo = num / den;
    let rem = num - &quo * den;
    let half = den >> 1;
    let odd = (&quo & BigInt::one()).is_one();
    let tmp: BigInt = if rem > half || (rem == half && odd) {
        quo + 1
    } else {
        quo
    };
    let tmp: BigInt = tmp - (BigInt::one() << 52);
    let tmp = tmp.to_u64().unwrap_or(0) & ((1 << 52) - 1);
    let biased = ((exp + 1023) as u64) & 0x7ff;
    f64::from_bits(sign << 63 | biased << 52 | tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64, p: u32) -> f64 {
        round_digits(x, p, Mode::HalfUp)
    }

    #[test]
    fn rounds_the_binary_value() {
        assert_eq!(r(2.675, 2), 2.67);
        assert_eq!(r(-2.675, 2), -2.67);
        assert_eq!(r(5.5675, 3), 5.567);
        assert_eq!(r(5.5674, 3), 5.567);
        assert_eq!(r(0.125, 2), 0.13);
        assert_eq!(r(9.999, 2), 10.0);
        assert_eq!(r(12.341444444444441, 15), 12.341444444444441);
        assert_eq!(r(1.0e20, 2), 1.0e20);
        assert_eq!(r(5.0e-324, 15), 0.0);
        assert_eq!(r(-0.004, 2), 0.0);
        assert_eq!(r(-1.0e-200, 2).to_bits(), 0.0f64.to_bits());
        assert_eq!(round_digits(34.259, 2, Mode::Floor), 34.25);
        assert_eq!(round_digits(34.251, 2, Mode::Ceil), 34.26);
        assert_eq!(round_digits(12.52, 2, Mode::Floor), 12.51);
        assert_eq!(round_digits(-12.52, 2, Mode::Ceil), -12.51);
        assert_eq!(round_digits(1.0e-200, 3, Mode::Ceil), 0.001);
    }

    #[test]
    fn precision_zero_and_errors() {
        let t = |x: f64| round(&Term::Float(x), &Term::Int(0)).unwrap();
        assert!(matches!(t(-0.4), Term::Float(f) if f.to_bits() == 0));
        assert_eq!(t(-0.5), Term::Float(-1.0));
        assert_eq!(t(12.5), Term::Float(13.0));
        let c = ceil(&Term::Float(-0.5), &Term::Int(0)).unwrap();
        assert!(matches!(c, Term::Float(f) if f.is_sign_negative() && f == 0.0));
        assert!(matches!(round(&Term::Float(-0.0), &Term::Int(2)).unwrap(),
            Term::Float(f) if f.is_sign_negative()));
        assert!(round(&Term::Float(1.5), &Term::Int(16)).is_err());
        assert!(round(&Term::Int(1), &Term::Int(1)).is_err());
    }
}
