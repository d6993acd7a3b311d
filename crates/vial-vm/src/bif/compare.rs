//! Comparison and type-test BIFs: `==`, `===`, `<`, ..., `not/1` and the
//! `is_*` guards, under Kernel and their `:erlang` names.
//!
//! Comparisons use Erlang's term order (Erlang Reference Manual, "Term
//! Comparisons"): `==` and `<` compare numbers by value (`1 == 1.0`),
//! `===` also by type (`1 !== 1.0`); see [`Term::compare`].

use super::data::{arg_error, BifResult};
use super::{bif, BifDef};
use crate::atom::Atom;
use crate::error::Exception;
use crate::term::Term;
use std::cmp::Ordering;

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.Kernel", "==", 2, |_, a| Ok(Term::bool(eq(
        &a[0], &a[1]
    )))),
    bif!("Elixir.Kernel", "!=", 2, |_, a| Ok(Term::bool(!eq(
        &a[0], &a[1]
    )))),
    bif!("Elixir.Kernel", "===", 2, |_, a| Ok(Term::bool(
        a[0] == a[1]
    ))),
    bif!("Elixir.Kernel", "!==", 2, |_, a| Ok(Term::bool(
        a[0] != a[1]
    ))),
    bif!("Elixir.Kernel", "<", 2, |_, a| Ok(Term::bool(lt(
        &a[0], &a[1]
    )))),
    bif!("Elixir.Kernel", ">", 2, |_, a| Ok(Term::bool(lt(
        &a[1], &a[0]
    )))),
    bif!("Elixir.Kernel", "<=", 2, |_, a| Ok(Term::bool(!lt(
        &a[1], &a[0]
    )))),
    bif!("Elixir.Kernel", ">=", 2, |_, a| Ok(Term::bool(!lt(
        &a[0], &a[1]
    )))),
    bif!("Elixir.Kernel", "not", 1, |_, a| not(&a[0])),
    bif!("erlang", "==", 2, |_, a| Ok(Term::bool(eq(&a[0], &a[1])))),
    bif!("erlang", "/=", 2, |_, a| Ok(Term::bool(!eq(&a[0], &a[1])))),
    bif!("erlang", "=:=", 2, |_, a| Ok(Term::bool(a[0] == a[1]))),
    bif!("erlang", "=/=", 2, |_, a| Ok(Term::bool(a[0] != a[1]))),
    bif!("erlang", "<", 2, |_, a| Ok(Term::bool(lt(&a[0], &a[1])))),
    bif!("erlang", ">", 2, |_, a| Ok(Term::bool(lt(&a[1], &a[0])))),
    bif!("erlang", "=<", 2, |_, a| Ok(Term::bool(!lt(&a[1], &a[0])))),
    bif!("erlang", ">=", 2, |_, a| Ok(Term::bool(!lt(&a[0], &a[1])))),
    bif!("erlang", "not", 1, |_, a| not(&a[0])),
    bif!("erlang", "and", 2, |_, a| boolean_op(
        &a[0],
        &a[1],
        |x, y| x & y
    )),
    bif!("erlang", "or", 2, |_, a| boolean_op(
        &a[0],
        &a[1],
        |x, y| x | y
    )),
    bif!("erlang", "xor", 2, |_, a| boolean_op(
        &a[0],
        &a[1],
        |x, y| x ^ y
    )),
    // ---- type tests -------------------------------------------------------
    bif!("Elixir.Kernel", "is_integer", 1, |_, a| test(
        a[0].is_integer()
    )),
    bif!("Elixir.Kernel", "is_float", 1, |_, a| test(matches!(
        a[0],
        Term::Float(_)
    ))),
    bif!("Elixir.Kernel", "is_number", 1, |_, a| test(
        a[0].is_number()
    )),
    bif!("Elixir.Kernel", "is_atom", 1, |_, a| test(matches!(
        a[0],
        Term::Atom(_)
    ))),
    bif!("Elixir.Kernel", "is_binary", 1, |_, a| test(matches!(
        a[0],
        Term::Binary(_)
    ))),
    bif!("Elixir.Kernel", "is_bitstring", 1, |_, a| {
        test(matches!(a[0], Term::Binary(_)))
    }),
    bif!("Elixir.Kernel", "is_list", 1, |_, a| test(a[0].is_list())),
    bif!("Elixir.Kernel", "is_tuple", 1, |_, a| test(matches!(
        a[0],
        Term::Tuple(_)
    ))),
    bif!("Elixir.Kernel", "is_map", 1, |_, a| test(matches!(
        a[0],
        Term::Map(_)
    ))),
    bif!("Elixir.Kernel", "is_map_key", 2, |_, a| is_map_key(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "is_function", 1, |_, a| test(matches!(
        a[0],
        Term::Fun(_)
    ))),
    bif!("Elixir.Kernel", "is_function", 2, |_, a| is_function(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "is_pid", 1, |_, a| test(matches!(
        a[0],
        Term::Pid(_)
    ))),
    bif!("Elixir.Kernel", "is_port", 1, |_, _| test(false)),
    bif!("Elixir.Kernel", "is_reference", 1, |_, a| test(matches!(
        a[0],
        Term::Ref(_)
    ))),
    bif!("Elixir.Kernel", "is_boolean", 1, |_, a| test(is_boolean(
        &a[0]
    ))),
    bif!("Elixir.Kernel", "is_nil", 1, |_, a| test(matches!(
        a[0],
        Term::Atom(Atom::NIL)
    ))),
    bif!("Elixir.Kernel", "is_struct", 1, |_, a| test(
        struct_name(&a[0]).is_some()
    )),
    bif!("Elixir.Kernel", "is_struct", 2, |_, a| is_struct2(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "is_exception", 1, |_, a| test(
        is_exception(&a[0])
    )),
    bif!(
        "Elixir.Kernel",
        "is_exception",
        2,
        |_, a| match is_struct2(&a[0], &a[1]) {
            Ok(Term::Atom(Atom::TRUE)) => test(is_exception(&a[0])),
            other => other,
        }
    ),
    bif!("erlang", "is_integer", 1, |_, a| test(a[0].is_integer())),
    bif!("erlang", "is_float", 1, |_, a| test(matches!(
        a[0],
        Term::Float(_)
    ))),
    bif!("erlang", "is_number", 1, |_, a| test(a[0].is_number())),
    bif!("erlang", "is_atom", 1, |_, a| test(matches!(
        a[0],
        Term::Atom(_)
    ))),
    bif!("erlang", "is_binary", 1, |_, a| test(matches!(
        a[0],
        Term::Binary(_)
    ))),
    bif!("erlang", "is_bitstring", 1, |_, a| test(matches!(
        a[0],
        Term::Binary(_)
    ))),
    bif!("erlang", "is_list", 1, |_, a| test(a[0].is_list())),
    bif!("erlang", "is_tuple", 1, |_, a| test(matches!(
        a[0],
        Term::Tuple(_)
    ))),
    bif!("erlang", "is_map", 1, |_, a| test(matches!(
        a[0],
        Term::Map(_)
    ))),
    // `:erlang.is_map_key(key, map)`: the key comes first.
    bif!("erlang", "is_map_key", 2, |_, a| is_map_key(&a[1], &a[0])),
    bif!("erlang", "is_function", 1, |_, a| test(matches!(
        a[0],
        Term::Fun(_)
    ))),
    bif!("erlang", "is_function", 2, |_, a| is_function(&a[0], &a[1])),
    bif!("erlang", "is_pid", 1, |_, a| test(matches!(
        a[0],
        Term::Pid(_)
    ))),
    bif!("erlang", "is_port", 1, |_, _| test(false)),
    bif!("erlang", "is_reference", 1, |_, a| test(matches!(
        a[0],
        Term::Ref(_)
    ))),
    bif!("erlang", "is_boolean", 1, |_, a| test(is_boolean(&a[0]))),
];

fn test(b: bool) -> BifResult {
    Ok(Term::bool(b))
}

/// `a == b`: equal in arithmetic term order.
#[inline]
pub fn eq(a: &Term, b: &Term) -> bool {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x == y,
        (Term::Atom(x), Term::Atom(y)) => x == y,
        _ => a.compare(b) == Ordering::Equal,
    }
}

/// `a < b` in term order.
#[inline]
pub fn lt(a: &Term, b: &Term) -> bool {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x < y,
        _ => a.compare(b) == Ordering::Less,
    }
}

fn as_bool(t: &Term) -> Option<bool> {
    match t {
        Term::Atom(Atom::TRUE) => Some(true),
        Term::Atom(Atom::FALSE) => Some(false),
        _ => None,
    }
}

fn is_boolean(t: &Term) -> bool {
    as_bool(t).is_some()
}

/// `not b`: only for a boolean; anything else is Erlang's plain `badarg`
/// (`ArgumentError` "argument error").
pub fn not(a: &Term) -> BifResult {
    as_bool(a)
        .map(|b| Term::bool(!b))
        .ok_or_else(Exception::badarg)
}

/// `:erlang.and/2`, `or/2`, `xor/2`: strict (both evaluated), booleans only.
fn boolean_op(a: &Term, b: &Term, op: fn(bool, bool) -> bool) -> BifResult {
    match (as_bool(a), as_bool(b)) {
        (Some(x), Some(y)) => Ok(Term::bool(op(x, y))),
        _ => Err(Exception::badarg()),
    }
}

/// `is_map_key(map, key)`; a non-map raises `BadMapError`.
pub fn is_map_key(map: &Term, key: &Term) -> BifResult {
    match map {
        Term::Map(m) => Ok(Term::bool(m.contains_key(key))),
        _ => Err(Exception::badmap(map.clone())),
    }
}

/// `is_function(f, arity)`: the arity must be a non-negative integer.
pub fn is_function(f: &Term, arity: &Term) -> BifResult {
    match arity {
        Term::Int(n) if *n >= 0 => Ok(Term::bool(
            matches!(f, Term::Fun(c) if i64::from(c.arity()) == *n),
        )),
        Term::Int(_) | Term::Big(_) => Err(arg_error(2, "out of range")),
        _ => Err(arg_error(2, "not an integer")),
    }
}

/// The struct name of a map with an atom `__struct__` key.
fn struct_name(t: &Term) -> Option<Atom> {
    match t {
        Term::Map(m) => m.get(&Term::Atom(Atom::STRUCT))?.as_atom(),
        _ => None,
    }
}

/// `is_struct(term, name)`; a non-atom name is `ArgumentError`.
fn is_struct2(t: &Term, name: &Term) -> BifResult {
    match name {
        Term::Atom(n) => Ok(Term::bool(struct_name(t) == Some(*n))),
        _ => Err(Exception::badarg()),
    }
}

/// `is_exception(term)`: a struct with `__exception__: true`.
fn is_exception(t: &Term) -> bool {
    match t {
        Term::Map(m) => {
            struct_name(t).is_some()
                && matches!(
                    m.get(&Term::Atom(Atom::EXCEPTION)),
                    Some(Term::Atom(Atom::TRUE))
                )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::Map;

    #[test]
    fn arithmetic_and_exact_equality() {
        assert!(eq(&Term::Int(1), &Term::Float(1.0)));
        assert_ne!(Term::Int(1), Term::Float(1.0));
        assert!(eq(&Term::Float(0.0), &Term::Float(-0.0)));
        assert_eq!(Term::Float(0.0), Term::Float(-0.0));
        assert!(eq(
            &Term::tuple([Term::Int(1)]),
            &Term::tuple([Term::Float(1.0)])
        ));
        let m1 = Term::map([(Term::Int(1), Term::Int(2))].into_iter().collect::<Map>());
        let m2 = Term::map(
            [(Term::Float(1.0), Term::Int(2))]
                .into_iter()
                .collect::<Map>(),
        );
        assert!(!eq(&m1, &m2), "map keys compare exactly");
    }

    #[test]
    fn ordering_across_types() {
        assert!(lt(&Term::Int(1), &Term::atom("a")));
        assert!(lt(&Term::Int(1), &Term::Float(1.5)));
        assert!(!lt(&Term::Int(1), &Term::Float(1.0)));
        assert!(lt(&Term::tuple([]), &Term::EmptyList));
        assert!(lt(&Term::EmptyList, &Term::string("")));
    }

    #[test]
    fn booleans() {
        assert_eq!(not(&Term::TRUE).unwrap(), Term::FALSE);
        assert!(not(&Term::Int(1)).is_err());
        assert!(not(&Term::NIL).is_err());
        assert_eq!(
            boolean_op(&Term::TRUE, &Term::FALSE, |x, y| x ^ y).unwrap(),
            Term::TRUE
        );
        assert!(boolean_op(&Term::Int(1), &Term::TRUE, |x, y| x & y).is_err());
    }

    #[test]
    fn type_tests_with_arguments() {
        let m = Term::map(
            [(Term::atom("a"), Term::Int(1))]
                .into_iter()
                .collect::<Map>(),
        );
        assert_eq!(is_map_key(&m, &Term::atom("a")).unwrap(), Term::TRUE);
        assert!(is_map_key(&Term::atom("x"), &Term::atom("a")).is_err());
        assert!(is_function(&Term::atom("x"), &Term::Int(-1)).is_err());
        assert!(is_function(&Term::atom("x"), &Term::atom("y")).is_err());
        assert_eq!(
            is_function(&Term::atom("x"), &Term::Int(1)).unwrap(),
            Term::FALSE
        );
        let s = Term::map(
            [(Term::Atom(Atom::STRUCT), Term::atom("foo"))]
                .into_iter()
                .collect::<Map>(),
        );
        assert!(struct_name(&s).is_some());
        assert_eq!(is_struct2(&s, &Term::atom("foo")).unwrap(), Term::TRUE);
        assert!(is_struct2(&s, &Term::Int(1)).is_err());
        let bad = Term::map(
            [(Term::Atom(Atom::STRUCT), Term::Int(1))]
                .into_iter()
                .collect::<Map>(),
        );
        assert!(struct_name(&bad).is_none());
        assert!(!is_exception(&s));
    }
}
