//! Table keys: how `set`/`bag` tables hash and compare keys, and how
//! `ordered_set` tables order them.
//!
//! The OTP ets documentation: in `set`, `bag` and `duplicate_bag` tables
//! two keys are the same if they *match* (`=:=`, so `1` and `1.0` are
//! different keys); in an `ordered_set` they are the same if they compare
//! equal (`==`, so `1` and `1.0` are one key) and objects are kept in
//! Erlang term order. On OTP 25 `0.0 =:= -0.0`, and an ETS set treats them
//! as one key too.

use crate::term::Arc;
use crate::term::Term;
use std::cmp::Ordering;
use std::hash::{BuildHasher, Hash, Hasher};

/// A key of a hash table (`set`, `bag`, `duplicate_bag`): equal when the
/// terms are exactly equal (`===`). Carries its hash, computed once by
/// [`hash_term`], and orders by hash then term order: the order in which
/// these tables list their objects, independent of insertion history.
#[derive(Clone, Debug)]
pub struct HashKey {
    /// [`KeyHasher::of`] the term.
    pub hash: u64,
    /// The key as given.
    pub term: Term,
}

impl HashKey {
    /// The key `term` with its hash.
    pub fn new(term: Term) -> HashKey {
        HashKey {
            hash: KeyHasher::of(&term),
            term,
        }
    }
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        self.hash == other.hash && self.term == other.term
    }
}

impl Eq for HashKey {}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialOrd for HashKey {
    fn partial_cmp(&self, other: &HashKey) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HashKey {
    fn cmp(&self, other: &HashKey) -> Ordering {
        self.hash
            .cmp(&other.hash)
            .then_with(|| self.term.cmp(&other.term))
    }
}

/// Feeds `t` to `h` so that exactly-equal terms (`Term`'s `Eq`, which is
/// `===`) hash alike: an integer and the equal float differ (their tags
/// differ), `-0.0` hashes as `0.0`, and maps hash their entries in key
/// order. A function value hashes by identity, as `Term`'s `Eq` compares it.
pub fn hash_term<H: Hasher>(t: &Term, h: &mut H) {
    match t {
        Term::Int(i) => {
            h.write_u8(0);
            h.write_i64(*i);
        }
        Term::Big(b) => {
            h.write_u8(1);
            h.write(&b.to_signed_bytes_le());
        }
        Term::Float(f) => {
            h.write_u8(2);
            h.write_u64((f + 0.0).to_bits());
        }
        Term::Atom(a) => {
            h.write_u8(3);
            h.write(a.name().as_bytes());
        }
        Term::Pid(p) => {
            h.write_u8(4);
            h.write_u64(p.0);
        }
        Term::Ref(r) => {
            h.write_u8(5);
            h.write_u64(r.0);
        }
        Term::EmptyList => h.write_u8(6),
        Term::Cons(_) => {
            let mut it = t.iter_list();
            for x in it.by_ref() {
                h.write_u8(7);
                hash_term(x, h);
            }
            hash_term(it.tail(), h);
        }
        Term::Tuple(tu) => {
            h.write_u8(8);
            h.write_usize(tu.0.len());
            tu.0.iter().for_each(|x| hash_term(x, h));
        }
        Term::Map(m) => {
            h.write_u8(9);
            h.write_usize(m.len());
            for (k, v) in m.iter() {
                hash_term(k, h);
                hash_term(v, h);
            }
        }
        Term::Binary(b) => {
            h.write_u8(10);
            h.write(&b.0);
        }
        Term::Fun(c) => {
            h.write_u8(11);
            h.write_usize(Arc::as_ptr(c) as usize);
        }
    }
}

/// The hasher of every hash table: fixed seeds, so that the order in which
/// `tab2list/1` lists a table (by hash) is the same in every run.
#[derive(Clone, Default)]
pub struct KeyHasher;

impl BuildHasher for KeyHasher {
    type Hasher = ahash::AHasher;

    fn build_hasher(&self) -> ahash::AHasher {
        ahash::RandomState::with_seeds(
            0x243f_6a88_85a3_08d3,
            0x1319_8a2e_0370_7344,
            0xa409_3822_299f_31d0,
            0x082e_fa98_ec4e_6c89,
        )
        .build_hasher()
    }
}

impl KeyHasher {
    /// The 64-bit hash of `key`, as the tables use it.
    pub fn of(key: &Term) -> u64 {
        let mut h = KeyHasher.build_hasher();
        hash_term(key, &mut h);
        h.finish()
    }
}

/// A key of an `ordered_set`: compared with `==` in Erlang term order, so
/// `1` and `1.0` are the same key.
#[derive(Clone, Debug)]
pub struct OrdKey(pub Term);

impl PartialEq for OrdKey {
    fn eq(&self, other: &OrdKey) -> bool {
        self.0.compare(&other.0) == Ordering::Equal
    }
}

impl Eq for OrdKey {}

impl PartialOrd for OrdKey {
    fn partial_cmp(&self, other: &OrdKey) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdKey {
    fn cmp(&self, other: &OrdKey) -> Ordering {
        self.0.compare(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::Map;
    use std::collections::{BTreeMap, HashMap};

    fn hash(t: &Term) -> u64 {
        KeyHasher::of(t)
    }

    #[test]
    fn integers_and_floats_are_different_hash_keys() {
        let mut m: HashMap<HashKey, i32, KeyHasher> = HashMap::with_hasher(KeyHasher);
        m.insert(HashKey::new(Term::Int(1)), 1);
        m.insert(HashKey::new(Term::Float(1.0)), 2);
        assert_eq!(m.len(), 2);
        assert_eq!(m[&HashKey::new(Term::Int(1))], 1);
        assert_eq!(m[&HashKey::new(Term::Float(1.0))], 2);
        assert_ne!(hash(&Term::Int(1)), hash(&Term::Float(1.0)));
    }

    #[test]
    fn negative_zero_is_the_same_hash_key_as_zero() {
        assert_eq!(
            HashKey::new(Term::Float(0.0)),
            HashKey::new(Term::Float(-0.0))
        );
        assert_eq!(hash(&Term::Float(0.0)), hash(&Term::Float(-0.0)));
    }

    #[test]
    fn equal_structures_hash_alike() {
        let a = Term::tuple([
            Term::list([Term::Int(1), Term::string("x")]),
            Term::atom("k"),
        ]);
        let b = Term::tuple([
            Term::list([Term::Int(1), Term::string("x")]),
            Term::atom("k"),
        ]);
        assert_eq!(HashKey::new(a.clone()), HashKey::new(b.clone()));
        assert_eq!(hash(&a), hash(&b));
        let mut m1 = Map::new();
        m1.insert(Term::atom("a"), Term::Int(1));
        m1.insert(Term::atom("b"), Term::Int(2));
        let mut m2 = Map::new();
        m2.insert(Term::atom("b"), Term::Int(2));
        m2.insert(Term::atom("a"), Term::Int(1));
        assert_eq!(hash(&Term::map(m1)), hash(&Term::map(m2)));
        // Structure matters: [1 | 2] is not [1, 2].
        let improper = Term::list_with_tail([Term::Int(1)], Term::Int(2));
        let proper = Term::list([Term::Int(1), Term::Int(2)]);
        assert_ne!(hash(&improper), hash(&proper));
    }

    #[test]
    fn ordered_keys_merge_integer_and_float_and_follow_term_order() {
        let mut m = BTreeMap::new();
        for (k, v) in [
            (Term::string("b"), 1),
            (Term::Int(1), 2),
            (Term::Float(1.0), 3),
            (Term::atom("a"), 4),
            (Term::Float(0.5), 5),
            (Term::tuple([Term::Int(1)]), 6),
            (Term::list([Term::Int(1)]), 7),
        ] {
            m.insert(OrdKey(k), v);
        }
        let values: Vec<i32> = m.values().copied().collect();
        // number < atom < tuple < list < binary; 1.0 replaced 1's value.
        assert_eq!(values, vec![5, 3, 4, 6, 7, 1]);
    }

    #[test]
    fn hash_key_order_is_total() {
        let a = HashKey::new(Term::Int(1));
        let b = HashKey::new(Term::Int(2));
        assert_ne!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        assert_eq!(a.cmp(&HashKey::new(Term::Int(1))), Ordering::Equal);
    }
}
