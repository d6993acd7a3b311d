//! Tuple BIFs: Kernel's `elem/2`, `put_elem/3`, `tuple_size/1` (inlined to
//! Erlang BIFs in Elixir, so they raise Erlang's errors), the `:erlang`
//! tuple BIFs and the `Tuple` module (Elixir 1.14 `lib/elixir/lib/tuple.ex`).

use super::{arg_error, arg_errors, as_index, BifResult};
use crate::bif::arith;
use crate::error::Exception;
use crate::term::Term;

/// The largest tuple the BEAM builds (`make_tuple/2` beyond it is out of
/// range).
const MAX_TUPLE: usize = (1 << 24) - 1;

/// Checks the `(index, tuple)` arguments of `element/2` and friends:
/// `index` is 1-based and valid in `1..=len + extra`. Returns the elements
/// and the 0-based index.
fn locate<'a>(n: &Term, t: &'a Term, extra: usize) -> Result<(&'a [Term], usize), Exception> {
    match (n, t) {
        (Term::Int(i), Term::Tuple(tu)) => match usize::try_from(*i) {
            Ok(i) if i >= 1 && i <= tu.0.len() + extra => Ok((&tu.0, i - 1)),
            _ => Err(arg_error(1, "out of range")),
        },
        (Term::Big(_), Term::Tuple(_)) => Err(arg_error(1, "out of range")),
        (Term::Int(_) | Term::Big(_), _) => Err(arg_error(2, "not a tuple")),
        (_, Term::Tuple(_)) => Err(arg_error(1, "not an integer")),
        _ => Err(arg_errors(&[(1, "not an integer"), (2, "not a tuple")])),
    }
}

/// `:erlang.element(n, tuple)`: 1-based.
pub fn element(n: &Term, t: &Term) -> BifResult {
    let (elems, i) = locate(n, t, 0)?;
    Ok(elems[i].clone())
}

/// `elem(tuple, index)`: 0-based; Elixir compiles it to
/// `:erlang.element(index + 1, tuple)`, so a non-number index is an
/// `ArithmeticError`.
pub fn elem(t: &Term, index: &Term) -> BifResult {
    element(&arith::add(index, &Term::Int(1))?, t)
}

/// `:erlang.setelement(n, tuple, value)`: 1-based.
pub fn setelement(n: &Term, t: &Term, value: &Term) -> BifResult {
    let (elems, i) = locate(n, t, 0)?;
    let mut v = elems.to_vec();
    v[i] = value.clone();
    Ok(Term::tuple(v))
}

/// `put_elem(tuple, index, value)`: 0-based.
pub fn put_elem(t: &Term, index: &Term, value: &Term) -> BifResult {
    setelement(&arith::add(index, &Term::Int(1))?, t, value)
}

/// `tuple_size(tuple)`.
pub fn tuple_size(t: &Term) -> BifResult {
    match t {
        Term::Tuple(tu) => Ok(Term::Int(tu.0.len() as i64)),
        _ => Err(arg_error(1, "not a tuple")),
    }
}

/// `:erlang.tuple_to_list(tuple)` and `Tuple.to_list/1`.
pub fn to_list(t: &Term) -> BifResult {
    match t {
        Term::Tuple(tu) => Ok(Term::list(tu.0.to_vec())),
        _ => Err(arg_error(1, "not a tuple")),
    }
}

/// `:erlang.list_to_tuple(list)` and `List.to_tuple/1`.
pub fn from_list(l: &Term) -> BifResult {
    l.list_to_vec()
        .map(Term::tuple)
        .ok_or_else(|| arg_error(1, "not a list"))
}

/// `:erlang.append_element(tuple, value)` and `Tuple.append/2`.
pub fn append_element(t: &Term, value: &Term) -> BifResult {
    match t {
        Term::Tuple(tu) => {
            let mut v = Vec::with_capacity(tu.0.len() + 1);
            v.extend_from_slice(&tu.0);
            v.push(value.clone());
            Ok(Term::tuple(v))
        }
        _ => Err(arg_error(1, "not a tuple")),
    }
}

/// `:erlang.make_tuple(n, value)`.
pub fn make_tuple(n: &Term, value: &Term) -> BifResult {
    match as_index(n) {
        Some(n) if n <= MAX_TUPLE => Ok(Term::tuple(vec![value.clone(); n])),
        _ => Err(arg_error(1, "out of range")),
    }
}

/// `:erlang.delete_element(n, tuple)`: 1-based.
pub fn delete_element(n: &Term, t: &Term) -> BifResult {
    let (elems, i) = locate(n, t, 0)?;
    let mut v = elems.to_vec();
    v.remove(i);
    Ok(Term::tuple(v))
}

/// `:erlang.insert_element(n, tuple, value)`: 1-based, up to `size + 1`.
pub fn insert_element(n: &Term, t: &Term, value: &Term) -> BifResult {
    let (elems, i) = locate(n, t, 1)?;
    let mut v = elems.to_vec();
    v.insert(i, value.clone());
    Ok(Term::tuple(v))
}

/// `Tuple.delete_at(tuple, index)`: 0-based; inlined by Elixir to
/// `:erlang.delete_element(index + 1, tuple)`, so Erlang's errors.
pub fn delete_at(t: &Term, index: &Term) -> BifResult {
    delete_element(&arith::add(index, &Term::Int(1))?, t)
}

/// `Tuple.insert_at(tuple, index, value)`: 0-based, up to `tuple_size`
/// (`:erlang.insert_element(index + 1, tuple, value)`).
pub fn insert_at(t: &Term, index: &Term, value: &Term) -> BifResult {
    insert_element(&arith::add(index, &Term::Int(1))?, t, value)
}

/// `Tuple.duplicate(value, n)` (`:erlang.make_tuple(n, value)`).
pub fn duplicate(value: &Term, n: &Term) -> BifResult {
    make_tuple(n, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t3() -> Term {
        Term::tuple([Term::Int(1), Term::Int(2), Term::Int(3)])
    }

    fn message(e: Exception) -> String {
        crate::error::message(&e.reason)
    }

    #[test]
    fn element_access() {
        assert_eq!(elem(&t3(), &Term::Int(0)).unwrap(), Term::Int(1));
        assert_eq!(element(&Term::Int(3), &t3()).unwrap(), Term::Int(3));
        assert!(message(elem(&t3(), &Term::Int(3)).unwrap_err())
            .ends_with("1st argument: out of range\n"));
        assert!(message(elem(&t3(), &Term::Int(-1)).unwrap_err())
            .ends_with("1st argument: out of range\n"));
        assert!(message(elem(&Term::atom("x"), &Term::Int(0)).unwrap_err())
            .ends_with("2nd argument: not a tuple\n"));
        assert_eq!(
            crate::error::exception_name(&elem(&t3(), &Term::atom("x")).unwrap_err().reason),
            Some("ArithmeticError")
        );
        let both = message(element(&Term::atom("x"), &Term::atom("y")).unwrap_err());
        assert!(both.ends_with("  * 1st argument: not an integer\n  * 2nd argument: not a tuple\n"));
    }

    #[test]
    fn building_tuples() {
        let put = put_elem(&t3(), &Term::Int(1), &Term::atom("x")).unwrap();
        assert_eq!(
            put,
            Term::tuple([Term::Int(1), Term::atom("x"), Term::Int(3)])
        );
        assert!(put_elem(&t3(), &Term::Int(3), &Term::NIL).is_err());
        assert_eq!(tuple_size(&t3()).unwrap(), Term::Int(3));
        assert_eq!(from_list(&to_list(&t3()).unwrap()).unwrap(), t3());
        assert!(from_list(&Term::cons(Term::Int(1), Term::Int(2))).is_err());
        assert_eq!(
            append_element(&Term::tuple([]), &Term::Int(1)).unwrap(),
            Term::tuple([Term::Int(1)])
        );
        assert_eq!(
            make_tuple(&Term::Int(2), &Term::Int(0)).unwrap(),
            Term::tuple(vec![Term::Int(0); 2])
        );
        assert!(make_tuple(&Term::Int(-1), &Term::Int(0)).is_err());
        assert!(make_tuple(&Term::atom("x"), &Term::Int(0)).is_err());
    }

    #[test]
    fn tuple_module() {
        assert_eq!(
            delete_at(&t3(), &Term::Int(0)).unwrap(),
            Term::tuple([Term::Int(2), Term::Int(3)])
        );
        assert!(delete_at(&t3(), &Term::Int(3)).is_err());
        assert!(delete_at(&t3(), &Term::Int(-1)).is_err());
        let ins = insert_at(&t3(), &Term::Int(3), &Term::Int(0)).unwrap();
        assert_eq!(
            ins,
            Term::tuple([Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(0)])
        );
        assert!(insert_at(&t3(), &Term::Int(4), &Term::Int(0)).is_err());
        assert_eq!(
            duplicate(&Term::Int(7), &Term::Int(2)).unwrap(),
            Term::tuple(vec![Term::Int(7); 2])
        );
        assert!(duplicate(&Term::Int(7), &Term::Int(-1)).is_err());
    }
}
