//! The `:math` module (ERTS `erl_math.c`): floating-point functions of
//! numbers. Every result is a float; a non-number argument raises
//! `ArgumentError` ("not a number"), a result that is not finite (NaN or
//! infinity, as in `:math.sqrt(-1)` or `:math.exp(1000)`) raises
//! `ArithmeticError`, as on the BEAM.

use super::data::arg_errors;
use super::{bif, BifDef};
use crate::error::Exception;
use crate::term::Term;
use num_traits::ToPrimitive;

pub(super) static BIFS: &[BifDef] = &[
    bif!("math", "pi", 0, |_, _| Ok(Term::Float(
        std::f64::consts::PI
    ))),
    bif!("math", "sqrt", 1, |_, a| unary(a, f64::sqrt)),
    bif!("math", "exp", 1, |_, a| unary(a, f64::exp)),
    bif!("math", "log", 1, |_, a| unary(a, f64::ln)),
    bif!("math", "log2", 1, |_, a| unary(a, f64::log2)),
    bif!("math", "log10", 1, |_, a| unary(a, f64::log10)),
    bif!("math", "sin", 1, |_, a| unary(a, f64::sin)),
    bif!("math", "cos", 1, |_, a| unary(a, f64::cos)),
    bif!("math", "tan", 1, |_, a| unary(a, f64::tan)),
    bif!("math", "asin", 1, |_, a| unary(a, f64::asin)),
    bif!("math", "acos", 1, |_, a| unary(a, f64::acos)),
    bif!("math", "atan", 1, |_, a| unary(a, f64::atan)),
    bif!("math", "sinh", 1, |_, a| unary(a, f64::sinh)),
    bif!("math", "cosh", 1, |_, a| unary(a, f64::cosh)),
    bif!("math", "tanh", 1, |_, a| unary(a, f64::tanh)),
    bif!("math", "asinh", 1, |_, a| unary(a, f64::asinh)),
    bif!("math", "acosh", 1, |_, a| unary(a, f64::acosh)),
    bif!("math", "atanh", 1, |_, a| unary(a, f64::atanh)),
    bif!("math", "floor", 1, |_, a| unary(a, f64::floor)),
    bif!("math", "ceil", 1, |_, a| unary(a, f64::ceil)),
    bif!("math", "pow", 2, |_, a| binary(a, f64::powf)),
    bif!("math", "atan2", 2, |_, a| binary(a, f64::atan2)),
    bif!("math", "fmod", 2, |_, a| binary(a, |x, y| x % y)),
];

/// A number as a float; `None` for anything else.
fn number(t: &Term) -> Option<f64> {
    match t {
        Term::Int(i) => Some(*i as f64),
        Term::Float(f) => Some(*f),
        Term::Big(b) => b.to_f64(),
        _ => None,
    }
}

/// A finite float result, else `ArithmeticError`.
fn finite(x: f64) -> Result<Term, Exception> {
    if x.is_finite() {
        Ok(Term::Float(x))
    } else {
        Err(Exception::badarith())
    }
}

fn unary(args: &[Term], f: fn(f64) -> f64) -> Result<Term, Exception> {
    match number(&args[0]) {
        Some(x) => finite(f(x)),
        None => Err(arg_errors(&[(1, "not a number")])),
    }
}

fn binary(args: &[Term], f: fn(f64, f64) -> f64) -> Result<Term, Exception> {
    match (number(&args[0]), number(&args[1])) {
        (Some(x), Some(y)) => finite(f(x, y)),
        (None, None) => Err(arg_errors(&[(1, "not a number"), (2, "not a number")])),
        (None, _) => Err(arg_errors(&[(1, "not a number")])),
        (_, None) => Err(arg_errors(&[(2, "not a number")])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(r: Result<Term, Exception>) -> Option<f64> {
        match r {
            Ok(Term::Float(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn results_are_floats() {
        assert_eq!(
            float(binary(&[Term::Int(2), Term::Int(10)], f64::powf)),
            Some(1024.0)
        );
        assert_eq!(float(unary(&[Term::Int(16)], f64::sqrt)), Some(4.0));
        assert_eq!(float(unary(&[Term::Float(-2.5)], f64::floor)), Some(-3.0));
    }

    #[test]
    fn non_finite_results_are_arithmetic_errors() {
        assert!(unary(&[Term::Int(-1)], f64::sqrt).is_err());
        assert!(unary(&[Term::Int(0)], f64::ln).is_err());
        assert!(binary(&[Term::Int(-8), Term::Float(1.0 / 3.0)], f64::powf).is_err());
    }

    #[test]
    fn non_numbers_are_argument_errors() {
        assert!(unary(&[Term::atom("a")], f64::sqrt).is_err());
    }
}
