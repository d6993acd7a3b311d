//! Map BIFs: the `Map` functions that take no function argument (Elixir
//! 1.14 `lib/elixir/lib/map.ex`) and their `:maps` counterparts (STDLIB
//! `maps.erl`; there the map is the last argument, which the registration
//! table swaps). A non-map raises `BadMapError`.
//!
//! Entries come out in the order Elixir enumerates them
//! (`crate::inspect::map_order`).

use super::{arg_error, error_atom, function_clause, ok_tuple, BifResult};
use crate::atom::Atom;
use crate::error::{exception_struct, Exception};
use crate::inspect::map_order;
use crate::term::Arc;
use crate::term::{Map, Term};

/// The entries of a map argument, or `BadMapError`.
fn map_of(t: &Term) -> Result<&Arc<Map>, Exception> {
    match t {
        Term::Map(m) => Ok(m),
        _ => Err(Exception::badmap(t.clone())),
    }
}

/// A copy of the map's entries to change.
fn owned(m: &Arc<Map>) -> Map {
    (**m).clone()
}

/// `map_size(map)`.
pub fn size(map: &Term) -> BifResult {
    match map {
        Term::Map(m) => Ok(Term::Int(m.len() as i64)),
        _ => Err(Exception::badmap(map.clone())),
    }
}

/// `Map.get(map, key, default)`.
pub fn get(map: &Term, key: &Term, default: &Term) -> BifResult {
    Ok(map_of(map)?.get(key).unwrap_or(default).clone())
}

/// `Map.put(map, key, value)`.
pub fn put(map: &Term, key: &Term, value: &Term) -> BifResult {
    let m = map_of(map)?;
    if m.get(key) == Some(value) {
        return Ok(map.clone());
    }
    let mut m = owned(m);
    m.insert(key.clone(), value.clone());
    Ok(Term::map(m))
}

/// `Map.fetch(map, key)`: `{:ok, value}` or `:error`.
pub fn fetch(map: &Term, key: &Term) -> BifResult {
    Ok(map_of(map)?
        .get(key)
        .cloned()
        .map_or_else(error_atom, ok_tuple))
}

/// `Map.fetch!(map, key)` and `:maps.get/2`: the value or `KeyError`.
pub fn fetch_bang(map: &Term, key: &Term) -> BifResult {
    map_of(map)?.get(key).cloned().ok_or_else(|| {
        // `:maps.get/2`'s error term leaves the map out.
        let mut e = Exception::key_error(key.clone(), map.clone());
        e.erlang = Some(Term::tuple([Term::atom("badkey"), key.clone()]));
        e
    })
}

/// `Map.has_key?(map, key)`.
pub fn has_key(map: &Term, key: &Term) -> BifResult {
    Ok(Term::bool(map_of(map)?.contains_key(key)))
}

/// `Map.keys(map)`.
pub fn keys(map: &Term) -> BifResult {
    let entries = map_order::entries(map_of(map)?);
    Ok(Term::list(entries.into_iter().map(|(k, _)| k.clone())))
}

/// `Map.values(map)`.
pub fn values(map: &Term) -> BifResult {
    let entries = map_order::entries(map_of(map)?);
    Ok(Term::list(entries.into_iter().map(|(_, v)| v.clone())))
}

/// `Map.to_list(map)`: `{key, value}` pairs.
pub fn to_list(map: &Term) -> BifResult {
    let entries = map_order::entries(map_of(map)?);
    Ok(Term::list(entries.into_iter().map(pair)))
}

/// The `{key, value}` pairs in the order `:maps.fold/3` visits them, which
/// `Enum.reduce/3` and the functions built on it follow: `Map.to_list/1`'s
/// order, reversed for a hash trie (OTP 25 folds one from its last entry).
pub fn fold_list(map: &Term) -> BifResult {
    let mut entries = map_order::entries(map_of(map)?);
    if entries.len() > map_order::FLATMAP_LIMIT {
        entries.reverse();
    }
    Ok(Term::list(entries.into_iter().map(pair)))
}

/// A map entry as the tuple `{key, value}`.
fn pair((k, v): (&Term, &Term)) -> Term {
    Term::tuple([k.clone(), v.clone()])
}

/// `Map.delete(map, key)`.
pub fn delete(map: &Term, key: &Term) -> BifResult {
    let m = map_of(map)?;
    if !m.contains_key(key) {
        return Ok(map.clone());
    }
    let mut m = owned(m);
    m.remove(key);
    Ok(Term::map(m))
}

/// `Map.merge(a, b)`: `b`'s entries win.
pub fn merge(a: &Term, b: &Term) -> BifResult {
    let (x, y) = (map_of(a)?, map_of(b)?);
    if y.is_empty() {
        return Ok(a.clone());
    }
    if x.is_empty() {
        return Ok(b.clone());
    }
    let mut m = owned(x);
    m.extend(y.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(Term::map(m))
}

/// `:maps.from_list(pairs)`: later pairs win.
pub fn from_list(list: &Term) -> BifResult {
    let items = list
        .list_to_vec()
        .ok_or_else(|| arg_error(1, "not a list"))?;
    let mut m = Map::new();
    for item in items {
        match item.as_tuple() {
            Some([k, v]) => {
                m.insert(k.clone(), v.clone());
            }
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(Term::map(m))
}

/// `Map.from_struct(struct)`: the struct's fields without `__struct__`; a
/// module name gives its struct's default fields.
pub fn from_struct(t: &Term) -> BifResult {
    let struct_key = Term::Atom(Atom::STRUCT);
    match t {
        Term::Atom(module) => {
            let defaults = crate::code::lookup(*module).and_then(|m| m.struct_def.clone());
            let Some(fields) = defaults else {
                return Err(Exception::undefined_function(
                    *module,
                    Atom::intern("__struct__"),
                    0,
                ));
            };
            Ok(Term::map(
                fields
                    .into_iter()
                    .map(|(k, v)| (Term::Atom(k), v))
                    .collect(),
            ))
        }
        Term::Map(m) if matches!(m.get(&struct_key), Some(Term::Atom(_))) => {
            let mut m = owned(m);
            m.remove(&struct_key);
            Ok(Term::map(m))
        }
        _ => Err(function_clause("Elixir.Map", "from_struct", 1)),
    }
}

/// What `Enum.to_list/1` raises for a non-enumerable keys argument.
fn not_enumerable(t: &Term) -> Exception {
    Exception::error(exception_struct(
        "Protocol.UndefinedError",
        [
            ("protocol", Term::atom("Elixir.Enumerable")),
            ("value", t.clone()),
            ("description", Term::string("")),
        ],
    ))
}

/// The keys argument of `Map.take/2` and `Map.drop/2`: a proper list
/// (Elixir also accepts other enumerables, deprecated; a BIF cannot
/// enumerate them).
fn key_list(keys: &Term, improper: impl FnOnce() -> Exception) -> Result<Vec<Term>, Exception> {
    if !keys.is_list() {
        return Err(not_enumerable(keys));
    }
    keys.list_to_vec().ok_or_else(improper)
}

/// `Map.take(map, keys)`: only the given keys that are present.
pub fn take(map: &Term, keys: &Term) -> BifResult {
    let m = map_of(map)?;
    let keys = key_list(keys, || function_clause("Elixir.Map", "take", 3))?;
    let taken: Map = keys
        .into_iter()
        .filter_map(|k| m.get(&k).map(|v| (k.clone(), v.clone())))
        .collect();
    Ok(Term::map(taken))
}

/// `Map.drop(map, keys)`: without the given keys.
pub fn drop(map: &Term, keys: &Term) -> BifResult {
    let m = map_of(map)?;
    let keys = key_list(keys, || function_clause("Elixir.Map", "drop_keys", 2))?;
    let mut out = owned(m);
    for k in keys {
        out.remove(&k);
    }
    Ok(Term::map(out))
}

/// `Map.pop(map, key, default)`: `{value, map_without_key}`, or
/// `{default, map}` when the key is absent.
pub fn pop(map: &Term, key: &Term, default: &Term) -> BifResult {
    let m = map_of(map)?;
    match m.get(key) {
        Some(v) => {
            let v = v.clone();
            let mut rest = owned(m);
            rest.remove(key);
            Ok(Term::tuple([v, Term::map(rest)]))
        }
        None => Ok(Term::tuple([default.clone(), map.clone()])),
    }
}

/// `Map.put_new(map, key, value)`: unchanged when the key exists.
pub fn put_new(map: &Term, key: &Term, value: &Term) -> BifResult {
    if map_of(map)?.contains_key(key) {
        Ok(map.clone())
    } else {
        put(map, key, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ab() -> Term {
        Term::map(
            [
                (Term::atom("a"), Term::Int(1)),
                (Term::atom("b"), Term::Int(2)),
            ]
            .into_iter()
            .collect::<Map>(),
        )
    }

    fn is_badmap(r: BifResult) -> bool {
        matches!(r, Err(e) if crate::error::exception_name(&e.reason) == Some("BadMapError"))
    }

    #[test]
    fn lookups() {
        let (a, c) = (Term::atom("a"), Term::atom("c"));
        assert_eq!(get(&ab(), &a, &Term::NIL).unwrap(), Term::Int(1));
        assert_eq!(get(&ab(), &c, &Term::Int(3)).unwrap(), Term::Int(3));
        assert_eq!(fetch(&ab(), &a).unwrap(), ok_tuple(Term::Int(1)));
        assert_eq!(fetch(&ab(), &c).unwrap(), error_atom());
        let e = fetch_bang(&ab(), &c).unwrap_err();
        assert_eq!(crate::error::exception_name(&e.reason), Some("KeyError"));
        assert_eq!(has_key(&ab(), &a).unwrap(), Term::TRUE);
        assert_eq!(
            keys(&ab()).unwrap(),
            Term::list([Term::atom("a"), Term::atom("b")])
        );
        assert_eq!(
            values(&ab()).unwrap(),
            Term::list([Term::Int(1), Term::Int(2)])
        );
    }

    #[test]
    fn non_maps_raise_badmap() {
        let x = Term::atom("x");
        assert!(is_badmap(get(&x, &x, &Term::NIL)));
        assert!(is_badmap(put(&x, &x, &x)));
        assert!(is_badmap(fetch_bang(&x, &x)));
        assert!(is_badmap(keys(&x)));
        assert!(is_badmap(merge(&ab(), &x)));
        assert!(is_badmap(take(&x, &Term::EmptyList)));
        assert!(is_badmap(pop(&x, &x, &x)));
        assert!(is_badmap(size(&x)));
    }

    #[test]
    fn updates() {
        let (a, c) = (Term::atom("a"), Term::atom("c"));
        assert_eq!(
            get(&put(&ab(), &c, &Term::Int(3)).unwrap(), &c, &Term::NIL).unwrap(),
            Term::Int(3)
        );
        assert_eq!(put_new(&ab(), &a, &Term::Int(0)).unwrap(), ab());
        assert_eq!(size(&delete(&ab(), &a).unwrap()).unwrap(), Term::Int(1));
        let merged = merge(
            &ab(),
            &Term::map([(a.clone(), Term::Int(9))].into_iter().collect::<Map>()),
        )
        .unwrap();
        assert_eq!(get(&merged, &a, &Term::NIL).unwrap(), Term::Int(9));
        assert_eq!(
            take(&ab(), &Term::list([a.clone(), c.clone()])).unwrap(),
            Term::map([(a.clone(), Term::Int(1))].into_iter().collect::<Map>())
        );
        assert_eq!(
            size(&drop(&ab(), &Term::list([a.clone(), c.clone()])).unwrap()).unwrap(),
            Term::Int(1)
        );
        let popped = pop(&ab(), &a, &Term::NIL).unwrap();
        assert_eq!(popped.as_tuple().unwrap()[0], Term::Int(1));
        assert_eq!(
            pop(&ab(), &c, &Term::Int(0)).unwrap(),
            Term::tuple([Term::Int(0), ab()])
        );
        let pairs = Term::list([
            Term::tuple([a.clone(), Term::Int(1)]),
            Term::tuple([a.clone(), Term::Int(2)]),
        ]);
        assert_eq!(
            from_list(&pairs).unwrap(),
            Term::map([(a, Term::Int(2))].into_iter().collect::<Map>())
        );
        assert!(from_list(&Term::list([Term::atom("x")])).is_err());
        assert_eq!(to_list(&Term::map(Map::new())).unwrap(), Term::EmptyList);
    }

    #[test]
    fn structs() {
        let s = Term::map(
            [
                (Term::Atom(Atom::STRUCT), Term::atom("Elixir.S")),
                (Term::atom("a"), Term::Int(1)),
            ]
            .into_iter()
            .collect::<Map>(),
        );
        assert_eq!(
            from_struct(&s).unwrap(),
            Term::map(
                [(Term::atom("a"), Term::Int(1))]
                    .into_iter()
                    .collect::<Map>()
            )
        );
        assert!(from_struct(&ab()).is_err());
        assert!(from_struct(&Term::atom("Elixir.NoSuchStructModule")).is_err());
    }
}
