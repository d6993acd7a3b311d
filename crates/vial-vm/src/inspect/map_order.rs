//! The order `Inspect.Map` prints entries in: `maps:to_list/1`, which for
//! maps of up to 32 keys is the BEAM's map-key order (OTP 25 erts,
//! `erts_cmp` in exact mode). It is term order, except that every integer
//! sorts before every float, at any depth: `%{2 => :a, 1.0 => :b}` and
//! `%{{2} => 1, {1.0} => 2}` print in that order. An improper list sorts by
//! its tail: `[1 | 2]` before `[1]`.

use crate::term::{Map, Term};
use std::cmp::Ordering;

/// The most keys a map the BEAM keeps as a sorted array has
/// (`MAP_SMALL_MAP_LIMIT`); larger ones are hash tries.
pub const FLATMAP_LIMIT: usize = 32;

/// The entries of `map` in the order Elixir prints and enumerates them.
/// Maps of more than 32 keys are hash tries on the BEAM, walked in hash
/// order ([`super::map_hash`]), which Vial reproduces unless a key holds
/// an atom, pid, reference, fun or map: those keep term order.
pub fn entries(map: &Map) -> Vec<(&Term, &Term)> {
    let mut entries: Vec<(&Term, &Term)> = map.iter().collect();
    if entries.len() <= FLATMAP_LIMIT {
        entries.sort_by(|a, b| key_cmp(a.0, b.0));
        entries
    } else {
        super::map_hash::trie_order(entries)
    }
}

/// Map-key order: integers before floats, otherwise term order.
fn key_cmp(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::Int(_) | Term::Big(_), Term::Float(_)) => Ordering::Less,
        (Term::Float(_), Term::Int(_) | Term::Big(_)) => Ordering::Greater,
        (Term::Tuple(x), Term::Tuple(y)) => {
            x.0.len()
                .cmp(&y.0.len())
                .then_with(|| seq_cmp(x.0.iter(), y.0.iter()))
        }
        (Term::Cons(_), Term::Cons(_)) => {
            let (mut x, mut y) = (a, b);
            loop {
                match (x, y) {
                    (Term::Cons(c), Term::Cons(d)) => match key_cmp(&c.head, &d.head) {
                        Ordering::Equal => (x, y) = (&c.tail, &d.tail),
                        o => return o,
                    },
                    (Term::Cons(_) | Term::EmptyList, Term::Cons(_) | Term::EmptyList) => {
                        return x.cmp(y)
                    }
                    _ => return key_cmp(x, y),
                }
            }
        }
        _ => a.cmp(b),
    }
}

fn seq_cmp<'a>(xs: impl Iterator<Item = &'a Term>, ys: impl Iterator<Item = &'a Term>) -> Ordering {
    for (x, y) in xs.zip(ys) {
        match key_cmp(x, y) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::test_terms::term;

    // Elixir 1.14: `IO.inspect(%{2 => :a, 1.0 => :b, ...})` and friends.
    #[test]
    fn integers_sort_before_floats() {
        let m = term(
            "%{2 => :a, 1.0 => :b, 3 => :c, 0.5 => :d, -1 => :e, 100000000000000000000 => :big}",
        );
        let Term::Map(m) = m else { unreachable!() };
        let keys: Vec<String> = entries(&m)
            .iter()
            .map(|(k, _)| crate::inspect::inspect(k))
            .collect();
        assert_eq!(
            keys,
            ["-1", "2", "3", "100000000000000000000", "0.5", "1.0"]
        );
        assert_eq!(
            crate::inspect::inspect(&term("%{{1.0} => 2, {2} => 1}")),
            "%{{2} => 1, {1.0} => 2}"
        );
        assert_eq!(
            crate::inspect::inspect(&term("%{[1.0] => 2, [2] => 1}")),
            "%{[2] => 1, [1.0] => 2}"
        );
        let lists = term("%{[1, 2] => :c, [1] => :b, [1 | 2] => :a}");
        assert_eq!(
            crate::inspect::inspect(&lists),
            "%{[1 | 2] => :a, [1] => :b, [1, 2] => :c}"
        );
    }
}
