//! The objects of one table, by table type (OTP ets documentation, "Table
//! types"): a `set` holds one object per key, a `bag` several distinct
//! objects per key, a `duplicate_bag` any objects per key, an
//! `ordered_set` one object per key in Erlang term order.
//!
//! Objects are tuples whose key is the element at the table's key position
//! (1-based); the callers check that every object is a tuple that long.

use super::chains::Chains;
use super::key::{HashKey, KeyHasher, OrdKey};
use crate::term::Term;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

/// A table type (`:set`, `:ordered_set`, `:bag`, `:duplicate_bag`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Set,
    OrderedSet,
    Bag,
    DuplicateBag,
}

impl Kind {
    /// The type's atom text.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::OrderedSet => "ordered_set",
            Kind::Bag => "bag",
            Kind::DuplicateBag => "duplicate_bag",
        }
    }
}

/// `next/2` of a key that a hash table does not hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MissingKey;

/// The element at 1-based position `pos` of tuple `obj`.
pub fn element(obj: &Term, pos: usize) -> &Term {
    &obj.as_tuple().expect("ets objects are tuples")[pos - 1]
}

enum Store {
    Set {
        map: HashMap<HashKey, Term, KeyHasher>,
        chains: Chains,
    },
    /// Objects of one key in insertion order; `len` counts objects.
    Bag {
        map: HashMap<HashKey, Vec<Term>, KeyHasher>,
        chains: Chains,
        len: usize,
        duplicates: bool,
    },
    Ordered(BTreeMap<OrdKey, Term>),
}

/// The objects of a table.
pub struct Objects {
    keypos: usize,
    store: Store,
}

impl Objects {
    /// An empty table of type `kind` keyed on 1-based position `keypos`.
    pub fn new(kind: Kind, keypos: usize) -> Objects {
        Objects::with_locks(kind, keypos, 1)
    }

    /// [`Objects::new`] for a hash table with `locks` locks (64 with
    /// `write_concurrency`), which sets its traversal order (see
    /// [`Chains`]).
    pub fn with_locks(kind: Kind, keypos: usize, locks: usize) -> Objects {
        let store = match kind {
            Kind::Set => Store::Set {
                map: HashMap::with_hasher(KeyHasher),
                chains: Chains::new(locks),
            },
            Kind::OrderedSet => Store::Ordered(BTreeMap::new()),
            Kind::Bag | Kind::DuplicateBag => Store::Bag {
                map: HashMap::with_hasher(KeyHasher),
                chains: Chains::new(locks),
                len: 0,
                duplicates: kind == Kind::DuplicateBag,
            },
        };
        Objects { keypos, store }
    }

    fn key_of<'a>(&self, obj: &'a Term) -> &'a Term {
        element(obj, self.keypos)
    }

    /// Number of objects (`info(tab, :size)`).
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Set { map, .. } => map.len(),
            Store::Bag { len, .. } => *len,
            Store::Ordered(m) => m.len(),
        }
    }

    /// Whether the table holds no object.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Inserts `obj`: replaces the object with the same key in a set,
    /// is ignored in a bag that holds an exactly equal object, and is
    /// appended otherwise.
    pub fn insert(&mut self, obj: Term) {
        let key = self.key_of(&obj).clone();
        match &mut self.store {
            Store::Set { map, chains } => {
                let k = HashKey::new(key);
                if !map.contains_key(&k) {
                    chains.add(Some(&k), 1);
                }
                map.insert(k, obj);
            }
            Store::Ordered(m) => {
                m.insert(OrdKey(key), obj);
            }
            Store::Bag {
                map,
                chains,
                len,
                duplicates,
            } => {
                let k = HashKey::new(key);
                let objs = map.entry(k.clone()).or_default();
                if *duplicates || !objs.contains(&obj) {
                    let new_key = objs.is_empty();
                    objs.push(obj);
                    *len += 1;
                    chains.add(new_key.then_some(&k), 1);
                }
            }
        }
    }

    /// Whether an object with `key` exists.
    pub fn contains(&self, key: &Term) -> bool {
        match &self.store {
            Store::Set { map, .. } => map.contains_key(&HashKey::new(key.clone())),
            Store::Bag { map, .. } => map.contains_key(&HashKey::new(key.clone())),
            Store::Ordered(m) => m.contains_key(&OrdKey(key.clone())),
        }
    }

    /// The objects with `key`, in insertion order for a bag.
    pub fn lookup(&self, key: &Term) -> &[Term] {
        match &self.store {
            Store::Set { map, .. } => map
                .get(&HashKey::new(key.clone()))
                .map_or(&[], std::slice::from_ref),
            Store::Bag { map, .. } => map
                .get(&HashKey::new(key.clone()))
                .map_or(&[], |v| v.as_slice()),
            Store::Ordered(m) => m
                .get(&OrdKey(key.clone()))
                .map_or(&[], std::slice::from_ref),
        }
    }

    /// The one object with `key` of a set or ordered set, to update in
    /// place; `None` for a bag.
    pub fn get_mut(&mut self, key: &Term) -> Option<&mut Term> {
        match &mut self.store {
            Store::Set { map, .. } => map.get_mut(&HashKey::new(key.clone())),
            Store::Ordered(m) => m.get_mut(&OrdKey(key.clone())),
            Store::Bag { .. } => None,
        }
    }

    /// Removes and returns the objects with `key`.
    pub fn take(&mut self, key: &Term) -> Vec<Term> {
        match &mut self.store {
            Store::Set { map, chains } => {
                let k = HashKey::new(key.clone());
                let gone = map.remove(&k);
                if gone.is_some() {
                    chains.remove(Some(&k), 1);
                }
                gone.into_iter().collect()
            }
            Store::Ordered(m) => m.remove(&OrdKey(key.clone())).into_iter().collect(),
            Store::Bag {
                map, chains, len, ..
            } => {
                let k = HashKey::new(key.clone());
                let objs = map.remove(&k).unwrap_or_default();
                if !objs.is_empty() {
                    chains.remove(Some(&k), objs.len());
                }
                *len -= objs.len();
                objs
            }
        }
    }

    /// Removes every object exactly equal to `obj` (`delete_object/2`).
    pub fn remove_object(&mut self, obj: &Term) {
        let key = self.key_of(obj).clone();
        match &mut self.store {
            Store::Set { map, chains } => {
                let k = HashKey::new(key);
                if map.get(&k) == Some(obj) {
                    map.remove(&k);
                    chains.remove(Some(&k), 1);
                }
            }
            Store::Ordered(m) => {
                let k = OrdKey(key);
                if m.get(&k) == Some(obj) {
                    m.remove(&k);
                }
            }
            Store::Bag {
                map, chains, len, ..
            } => {
                let k = HashKey::new(key);
                if let Some(objs) = map.get_mut(&k) {
                    let before = objs.len();
                    objs.retain(|o| o != obj);
                    let removed = before - objs.len();
                    *len -= removed;
                    let emptied = objs.is_empty();
                    if emptied {
                        map.remove(&k);
                    }
                    if removed > 0 {
                        chains.remove(emptied.then_some(&k), removed);
                    }
                }
            }
        }
    }

    /// Removes every object.
    pub fn clear(&mut self) {
        match &mut self.store {
            Store::Set { map, chains } => {
                map.clear();
                *chains = chains.cleared();
            }
            Store::Ordered(m) => m.clear(),
            Store::Bag {
                map, chains, len, ..
            } => {
                map.clear();
                *chains = chains.cleared();
                *len = 0;
            }
        }
    }

    /// The keys of a hash table in listing order: the reverse of the
    /// order OTP traverses it in (see [`Chains`]).
    fn hash_keys(&self) -> Vec<&HashKey> {
        match &self.store {
            Store::Set { chains, .. } | Store::Bag { chains, .. } => {
                chains.traversal().rev().collect()
            }
            Store::Ordered(_) => Vec::new(),
        }
    }

    /// Every object, in listing order (`tab2list/1`, `select/2`): key
    /// order for an ordered set; for the others, keys as OTP lists them
    /// (see [`Chains`]) and a bag's objects of one key in insertion order.
    pub fn listing(&self) -> Vec<&Term> {
        match &self.store {
            Store::Ordered(m) => m.values().collect(),
            Store::Set { map, .. } => self.hash_keys().into_iter().map(|k| &map[k]).collect(),
            Store::Bag { map, .. } => self
                .hash_keys()
                .into_iter()
                .flat_map(|k| map[k].iter())
                .collect(),
        }
    }

    /// A hash table's objects bucket by bucket in traversal order
    /// (`first/next`'s, the reverse of listing order), as `select/3`
    /// reads them; empty for an ordered set.
    pub fn buckets(&self) -> Vec<Vec<&Term>> {
        match &self.store {
            Store::Ordered(_) => Vec::new(),
            Store::Set { map, chains } => chains
                .buckets()
                .map(|keys| keys.map(|k| &map[k]).collect())
                .collect(),
            Store::Bag { map, chains, .. } => chains
                .buckets()
                .map(|keys| keys.flat_map(|k| map[k].iter().rev()).collect())
                .collect(),
        }
    }

    /// Every object, in listing order, cloned.
    pub fn all(&self) -> Vec<Term> {
        self.listing().into_iter().cloned().collect()
    }

    /// Keeps the objects for which `keep` is true; how many went. The
    /// table does not shrink, as a BEAM table fixed for the traversal
    /// of `select_delete/2` does not.
    pub fn retain(&mut self, mut keep: impl FnMut(&Term) -> bool) -> usize {
        let before = self.len();
        match &mut self.store {
            Store::Set { map, chains } => map.retain(|k, o| {
                let kept = keep(o);
                if !kept {
                    chains.remove_fixed(Some(k), 1);
                }
                kept
            }),
            Store::Ordered(m) => m.retain(|_, o| keep(o)),
            Store::Bag {
                map, chains, len, ..
            } => {
                map.retain(|k, objs| {
                    let before = objs.len();
                    objs.retain(&mut keep);
                    let removed = before - objs.len();
                    if removed > 0 {
                        chains.remove_fixed(objs.is_empty().then_some(k), removed);
                    }
                    !objs.is_empty()
                });
                *len = map.values().map(Vec::len).sum();
            }
        }
        before - self.len()
    }

    /// The key of the first object in traversal order (`first/1`): the
    /// smallest key of an ordered set. A hash table is traversed in the
    /// reverse of its listing order, as OTP's tables are: `tab2list/1` and
    /// `select/2` gather objects by prepending as they traverse, so a fold
    /// that prepends rebuilds the listing.
    pub fn first(&self) -> Option<Term> {
        match &self.store {
            Store::Ordered(m) => m.values().next().map(|o| self.key_of(o).clone()),
            Store::Set { chains, .. } | Store::Bag { chains, .. } => {
                chains.traversal().next().map(|k| self.stored_key(k))
            }
        }
    }

    /// The key of the last object: term order for an ordered set; for the
    /// other types `last/1` is `first/1` (OTP ets documentation).
    pub fn last(&self) -> Option<Term> {
        match &self.store {
            Store::Ordered(m) => m.values().next_back().map(|o| self.key_of(o).clone()),
            _ => self.first(),
        }
    }

    /// The key after `key` in traversal order. An ordered set finds it
    /// even if `key` is absent; the other types need `key` to exist
    /// (`Err`).
    pub fn next(&self, key: &Term) -> Result<Option<Term>, MissingKey> {
        match &self.store {
            Store::Ordered(m) => Ok(m
                .range((Bound::Excluded(OrdKey(key.clone())), Bound::Unbounded))
                .next()
                .map(|(_, o)| self.key_of(o).clone())),
            Store::Set { chains, .. } | Store::Bag { chains, .. } => chains
                .after(&HashKey::new(key.clone()))
                .map(|k| k.map(|k| self.stored_key(k)))
                .ok_or(MissingKey),
        }
    }

    /// The key before `key` in term order for an ordered set; `next/2` for
    /// the other types (OTP ets documentation).
    pub fn prev(&self, key: &Term) -> Result<Option<Term>, MissingKey> {
        match &self.store {
            Store::Ordered(m) => Ok(m
                .range((Bound::Unbounded, Bound::Excluded(OrdKey(key.clone()))))
                .next_back()
                .map(|(_, o)| self.key_of(o).clone())),
            _ => self.next(key),
        }
    }

    /// The key as the stored objects hold it.
    fn stored_key(&self, k: &HashKey) -> Term {
        self.lookup(&k.term)
            .first()
            .map_or_else(|| k.term.clone(), |o| self.key_of(o).clone())
    }

    /// A rough size in machine words (`info(tab, :memory)`): a fixed
    /// header plus each object's size as the BEAM would store it.
    pub fn words(&self) -> usize {
        let header = match self.store {
            Store::Ordered(_) => 165,
            _ => 298,
        };
        let objects: usize = match &self.store {
            Store::Set { map, .. } => map.values().map(|o| 3 + term_words(o)).sum(),
            Store::Ordered(m) => m.values().map(|o| 3 + term_words(o)).sum(),
            Store::Bag { map, .. } => map.values().flatten().map(|o| 3 + term_words(o)).sum(),
        };
        header + objects
    }
}

/// Heap words of a term on the BEAM (immediates take their one word in the
/// parent).
fn term_words(t: &Term) -> usize {
    match t {
        Term::Big(b) => 2 + (b.bits() as usize).div_ceil(64),
        Term::Float(_) => 3,
        Term::Tuple(tu) => 1 + tu.0.len() + tu.0.iter().map(term_words).sum::<usize>(),
        Term::Cons(_) => t.iter_list().map(|x| 2 + term_words(x)).sum(),
        Term::Map(m) => {
            3 + m.len() * 2
                + m.iter()
                    .map(|(k, v)| term_words(k) + term_words(v))
                    .sum::<usize>()
        }
        Term::Binary(b) if b.0.len() <= 64 => 2 + b.0.len().div_ceil(8),
        Term::Binary(_) => 6,
        Term::Fun(c) => 3 + c.env.len() + c.env.iter().map(term_words).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(k: Term, v: i64) -> Term {
        Term::tuple([k, Term::Int(v)])
    }

    #[test]
    fn set_replaces_and_keeps_int_and_float_apart() {
        let mut t = Objects::new(Kind::Set, 1);
        t.insert(obj(Term::Int(1), 1));
        t.insert(obj(Term::Float(1.0), 2));
        t.insert(obj(Term::Int(1), 3));
        assert_eq!(t.len(), 2);
        assert_eq!(t.lookup(&Term::Int(1)), &[obj(Term::Int(1), 3)]);
        assert_eq!(t.lookup(&Term::Float(1.0)), &[obj(Term::Float(1.0), 2)]);
    }

    #[test]
    fn ordered_set_merges_equal_numbers_and_lists_in_term_order() {
        let mut t = Objects::new(Kind::OrderedSet, 1);
        for (k, v) in [
            (Term::string("b"), 1),
            (Term::Int(1), 2),
            (Term::atom("a"), 3),
            (Term::Float(1.0), 4),
            (Term::Float(-0.5), 5),
        ] {
            t.insert(obj(k, v));
        }
        assert_eq!(
            t.all(),
            vec![
                obj(Term::Float(-0.5), 5),
                obj(Term::Float(1.0), 4),
                obj(Term::atom("a"), 3),
                obj(Term::string("b"), 1),
            ]
        );
        assert_eq!(t.first(), Some(Term::Float(-0.5)));
        assert_eq!(t.last(), Some(Term::string("b")));
        // The key reported is the stored object's: 1.0, not 1.
        assert_eq!(t.next(&Term::Float(-0.5)), Ok(Some(Term::Float(1.0))));
        assert_eq!(t.next(&Term::Float(0.0)), Ok(Some(Term::Float(1.0))));
        assert_eq!(t.prev(&Term::atom("a")), Ok(Some(Term::Float(1.0))));
        assert_eq!(t.next(&Term::string("b")), Ok(None));
    }

    #[test]
    fn bags_ignore_or_keep_duplicates() {
        let mut bag = Objects::new(Kind::Bag, 1);
        let mut dup = Objects::new(Kind::DuplicateBag, 1);
        for o in [
            obj(Term::Int(1), 1),
            obj(Term::Int(1), 2),
            obj(Term::Int(1), 1),
        ] {
            bag.insert(o.clone());
            dup.insert(o);
        }
        assert_eq!(bag.len(), 2);
        assert_eq!(dup.len(), 3);
        dup.remove_object(&obj(Term::Int(1), 1));
        assert_eq!(dup.lookup(&Term::Int(1)), &[obj(Term::Int(1), 2)]);
        assert_eq!(dup.len(), 1);
    }

    #[test]
    fn retain_keeps_counts_right() {
        let mut bag = Objects::new(Kind::DuplicateBag, 1);
        for v in [1, 2, 1, 3] {
            bag.insert(obj(Term::Int(1), v));
        }
        bag.insert(obj(Term::Int(2), 1));
        let gone = bag.retain(|o| element(o, 2) != &Term::Int(1));
        assert_eq!(gone, 3);
        assert_eq!(bag.len(), 2);
        assert!(!bag.contains(&Term::Int(2)));
        assert_eq!(
            bag.lookup(&Term::Int(1)),
            &[obj(Term::Int(1), 2), obj(Term::Int(1), 3)]
        );
        let mut set = Objects::new(Kind::OrderedSet, 1);
        set.insert(obj(Term::Int(1), 1));
        assert_eq!(set.retain(|_| false), 1);
        assert!(set.is_empty());
    }

    #[test]
    fn hash_listing_follows_the_insertion_history_as_otp_does() {
        let mut a = Objects::new(Kind::Set, 1);
        for i in 1..=10 {
            a.insert(obj(Term::Int(i), i));
        }
        a.take(&Term::Int(3));
        a.take(&Term::Int(7));
        for i in [11, 3, 12] {
            a.insert(obj(Term::Int(i), i));
        }
        // A replaced object keeps its place.
        a.insert(obj(Term::Int(5), 50));
        // OTP 25's `ets:tab2list/1` for the same history.
        let keys: Vec<Term> = a.all().iter().map(|o| element(o, 1).clone()).collect();
        let want: Vec<Term> = [5, 12, 11, 6, 10, 1, 9, 2, 8, 4, 3].map(Term::Int).into();
        assert_eq!(keys, want);
        assert_eq!(a.lookup(&Term::Int(5)), [obj(Term::Int(5), 50)]);
        // Walking with first/next visits every key once, in the reverse
        // of listing order.
        let mut keys = Vec::new();
        let mut k = a.first();
        while let Some(key) = k {
            k = a.next(&key).unwrap();
            keys.push(key);
        }
        let mut listed: Vec<Term> = a.all().iter().map(|o| element(o, 1).clone()).collect();
        listed.reverse();
        assert_eq!(keys, listed);
        assert_eq!(a.next(&Term::Int(1000)), Err(MissingKey));
    }
}
