//! Integer bitwise operations: `:erlang.band/bor/bxor/bnot/bsl/bsr`, which
//! `Bitwise`'s functions are. Two's complement on unbounded integers
//! (Erlang Reference Manual, "Arithmetic Expressions"); a non-integer
//! operand raises `ArithmeticError`.

use super::{badarith, big, BifResult};
use crate::term::Term;
use num_bigint::BigInt;

/// Shifts beyond this many bits raise `SystemLimitError` on the BEAM; here
/// `ArithmeticError` (no program prints either).
const MAX_SHIFT: i64 = 1 << 26;

/// `a` op `b` for two integers, with `int` on two small ones.
fn logic(
    a: &Term,
    b: &Term,
    int: fn(i64, i64) -> i64,
    wide: fn(&BigInt, &BigInt) -> BigInt,
) -> BifResult {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => Ok(Term::Int(int(*x, *y))),
        _ if a.is_integer() && b.is_integer() => Ok(Term::from_bigint(wide(&big(a), &big(b)))),
        _ => badarith(),
    }
}

pub fn band(a: &Term, b: &Term) -> BifResult {
    logic(a, b, |x, y| x & y, |x, y| x & y)
}

pub fn bor(a: &Term, b: &Term) -> BifResult {
    logic(a, b, |x, y| x | y, |x, y| x | y)
}

pub fn bxor(a: &Term, b: &Term) -> BifResult {
    logic(a, b, |x, y| x ^ y, |x, y| x ^ y)
}

pub fn bnot(a: &Term) -> BifResult {
    match a {
        Term::Int(x) => Ok(Term::Int(!x)),
        Term::Big(b) => Ok(Term::from_bigint(-(&**b) - 1)),
        _ => badarith(),
    }
}

/// `a` shifted left by `n` bits (right for a negative `n`).
pub fn bsl(a: &Term, n: &Term) -> BifResult {
    match n {
        Term::Int(n) => shift(a, *n),
        _ => badarith(),
    }
}

/// `a` shifted right by `n` bits, rounding towards negative infinity.
pub fn bsr(a: &Term, n: &Term) -> BifResult {
    match n {
        Term::Int(n) => shift(a, n.checked_neg().unwrap_or(i64::MAX)),
        _ => badarith(),
    }
}

fn shift(a: &Term, left: i64) -> BifResult {
    if !a.is_integer() || left > MAX_SHIFT {
        return badarith();
    }
    if left >= 0 {
        if let Term::Int(x) = a {
            if left < 63 && x.unsigned_abs() < 1u64 << (63 - left) {
                return Ok(Term::Int(x << left));
            }
        }
        Ok(Term::from_bigint(big(a).into_owned() << left as usize))
    } else {
        let right = left.unsigned_abs().min(1 << 32) as usize;
        match a {
            Term::Int(x) => Ok(Term::Int(x >> right.min(63))),
            _ => Ok(Term::from_bigint(big(a).into_owned() >> right)),
        }
    }
}
