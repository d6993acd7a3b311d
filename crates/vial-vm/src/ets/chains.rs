//! The order in which OTP 25 traverses a hash table (`set`, `bag`,
//! `duplicate_bag`): ERTS's `erl_db_hash.c`, a linear hash table whose
//! buckets hold chains. `first/1` and `next/2` walk the buckets in index
//! order and each chain from its head; `tab2list/1`, `match/2` and
//! `select/2` gather by prepending, so they list the reverse.
//!
//! A table with `write_concurrency` has one lock for every 64th bucket,
//! and its traversals go lock by lock: buckets 0, 64, 128, ..., then 1,
//! 65, ..., the same buckets in another order (a stride of 64; checked
//! against OTP 25 with `write_concurrency: true`, as `Registry` creates
//! its tables).
//!
//! A key hashes as `make_internal_hash(key, 0)` (see
//! [`crate::inspect::map_hash`]), except that an atom key hashes by its
//! name, as the atom table does. A new key goes at the tail of its chain;
//! the table starts with 256 buckets, gains one per object beyond that,
//! splitting a bucket in place, and gives them back only once it has held
//! more than 2,304 objects. Keys whose hash Vial cannot compute (those
//! holding pids, references, funs, maps or atoms inside other terms: the
//! BEAM hashes these by memory addresses) take a stand-in hash, so their
//! order is Vial's own. Checked against OTP 25 on insertion and deletion
//! histories of up to 30,000 keys.

use super::key::HashKey;
use crate::term::Term;

/// Buckets a table starts with and never goes below.
const START: usize = 256;
/// Buckets added or removed at a time (a segment).
const SEGMENT: usize = 2048;
/// Most buckets split or merged by one insertion or deletion.
const STEPS: usize = 5;

/// The bucket structure of one hash table, holding keys in chain order.
pub struct Chains {
    buckets: Vec<Vec<(u32, HashKey)>>,
    /// Buckets in use.
    nactive: usize,
    /// Mask of the current doubling round.
    szm: u32,
    /// Buckets allocated (whole segments).
    nslots: usize,
    /// Objects below which the table shrinks.
    shrink_limit: usize,
    /// Objects held (a bag's objects, not its keys).
    n: usize,
    /// Buckets sharing a lock are `stride` apart, and a traversal visits
    /// them together: 1, or 64 with `write_concurrency`.
    stride: usize,
}

impl Chains {
    /// An empty table whose traversals step through the buckets `stride`
    /// at a time (see the module documentation).
    pub fn new(stride: usize) -> Chains {
        Chains {
            buckets: vec![Vec::new(); START],
            nactive: START,
            szm: START as u32 - 1,
            nslots: START,
            shrink_limit: 0,
            n: 0,
            stride,
        }
    }

    /// The same table emptied.
    pub fn cleared(&self) -> Chains {
        Chains::new(self.stride)
    }

    /// The bucket a traversal visits after bucket `i`, if any.
    fn next_bucket(&self, i: usize) -> Option<usize> {
        if i + self.stride < self.nactive {
            return Some(i + self.stride);
        }
        let lock = i % self.stride + 1;
        (lock < self.stride.min(self.nactive)).then_some(lock)
    }

    /// The buckets in traversal order.
    fn bucket_order(&self) -> impl DoubleEndedIterator<Item = &Vec<(u32, HashKey)>> {
        let (stride, nactive) = (self.stride, self.nactive);
        (0..stride.min(nactive))
            .flat_map(move |lock| (lock..nactive).step_by(stride))
            .map(|i| &self.buckets[i])
    }

    /// The bucket of hash `h`.
    fn index(&self, h: u32) -> usize {
        let i = (h & self.szm) as usize;
        if i >= self.nactive {
            i & (self.szm >> 1) as usize
        } else {
            i
        }
    }

    /// Records `added` more objects, the first of a key new to the table
    /// being `key`, and grows as the BEAM does.
    pub fn add(&mut self, key: Option<&HashKey>, added: usize) {
        if let Some(key) = key {
            let h = beam_hash(&key.term);
            let i = self.index(h);
            self.buckets[i].push((h, key.clone()));
        }
        self.n += added;
        for _ in 0..STEPS {
            if self.n <= self.nactive {
                break;
            }
            self.grow();
        }
    }

    /// Records `removed` fewer objects, the last of `key` among them when
    /// given, and shrinks as the BEAM does.
    pub fn remove(&mut self, key: Option<&HashKey>, removed: usize) {
        self.remove_fixed(key, removed);
        for _ in 0..STEPS {
            if self.n >= self.shrink_limit {
                break;
            }
            self.shrink();
        }
    }

    /// As [`Chains::remove`] while the table is fixed for a traversal
    /// (`select_delete/2`, `match_delete/2`): the BEAM only marks the
    /// objects then, and the table does not shrink.
    pub fn remove_fixed(&mut self, key: Option<&HashKey>, removed: usize) {
        if let Some(key) = key {
            let i = self.index(beam_hash(&key.term));
            self.buckets[i].retain(|(_, k)| k != key);
        }
        self.n -= removed;
    }

    /// Splits one bucket into the next new one.
    fn grow(&mut self) {
        if self.nactive == self.nslots {
            self.nslots += SEGMENT;
            self.set_shrink_limit();
        }
        let from = if self.nactive as u32 <= self.szm {
            self.nactive & (self.szm >> 1) as usize
        } else {
            self.szm = 2 * self.szm + 1;
            0
        };
        let to = self.nactive;
        self.nactive += 1;
        if self.buckets.len() < self.nactive {
            self.buckets.push(Vec::new());
        }
        let szm = self.szm;
        let (stay, moved): (Vec<_>, Vec<_>) = std::mem::take(&mut self.buckets[from])
            .into_iter()
            .partition(|(h, _)| (h & szm) as usize == from);
        self.buckets[from] = stay;
        self.buckets[to] = moved;
    }

    /// Merges the last bucket into its partner, ahead of its chain.
    fn shrink(&mut self) {
        let src = self.nactive - 1;
        let low = self.szm >> 1;
        let dst = src & low as usize;
        self.nactive = src;
        if dst == 0 {
            self.szm = low;
        }
        if self.nslots - src >= SEGMENT {
            self.nslots -= SEGMENT;
            self.set_shrink_limit();
        }
        let mut merged = std::mem::take(&mut self.buckets[src]);
        merged.append(&mut self.buckets[dst]);
        self.buckets[dst] = merged;
        self.buckets.truncate(self.nactive.max(START));
    }

    fn set_shrink_limit(&mut self) {
        self.shrink_limit = if self.nslots >= START + 2 * SEGMENT {
            (self.nslots - SEGMENT) / 2
        } else {
            0
        };
    }

    /// The key after `key` in traversal order (`next/2`): the next in its
    /// chain, else the head of the next bucket that has one, as ERTS steps;
    /// `None` when `key` is not in the table.
    pub fn after(&self, key: &HashKey) -> Option<Option<&HashKey>> {
        let i = self.index(beam_hash(&key.term));
        let chain = &self.buckets[i];
        let pos = chain.iter().position(|(_, k)| k == key)?;
        if let Some((_, next)) = chain.get(pos + 1) {
            return Some(Some(next));
        }
        let mut later = std::iter::successors(self.next_bucket(i), |&b| self.next_bucket(b));
        Some(later.find_map(|b| self.buckets[b].first().map(|(_, k)| k)))
    }

    /// The keys bucket by bucket, in traversal order.
    pub fn buckets(&self) -> impl Iterator<Item = impl Iterator<Item = &HashKey>> {
        self.bucket_order()
            .map(|chain| chain.iter().map(|(_, k)| k))
    }

    /// The keys in traversal order (`first/1`, `next/2`).
    pub fn traversal(&self) -> impl DoubleEndedIterator<Item = &HashKey> {
        self.bucket_order()
            .flat_map(|chain| chain.iter().map(|(_, k)| k))
    }
}

/// The BEAM's hash of an ETS key (`MAKE_HASH` in `erl_db_hash.c`), or a
/// stand-in where it depends on memory addresses.
fn beam_hash(key: &Term) -> u32 {
    match key {
        Term::Atom(a) => crate::bif::data::hash::atom_hash(a.name().as_bytes()),
        _ => crate::inspect::map_hash::internal_hash(key)
            .unwrap_or_else(|| super::key::KeyHasher::of(key) as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys `keys` inserted one at a time, in `tab2list/1` order.
    fn listing(keys: impl IntoIterator<Item = Term>) -> Vec<Term> {
        striped_listing(keys, 1)
    }

    /// [`listing`] for a table whose buckets `stride` apart share a lock.
    fn striped_listing(keys: impl IntoIterator<Item = Term>, stride: usize) -> Vec<Term> {
        let mut c = Chains::new(stride);
        for k in keys {
            c.add(Some(&HashKey::new(k)), 1);
        }
        let listed: Vec<Term> = c.traversal().rev().map(|k| k.term.clone()).collect();
        // `next/2` steps through the same order as `first/1` starts it.
        let mut walked = vec![];
        let mut at = c.traversal().next();
        while let Some(k) = at {
            walked.push(k.term.clone());
            at = c.after(k).expect("a key of the table");
        }
        walked.reverse();
        assert_eq!(walked, listed);
        listed
    }

    fn ints(v: &[i64]) -> Vec<Term> {
        v.iter().map(|&i| Term::Int(i)).collect()
    }

    // Expected orders from Erlang/OTP 25.2.3's `ets:tab2list/1`.
    #[test]
    fn small_integer_keys_list_in_the_beams_order() {
        assert_eq!(listing((1..=4).map(Term::Int)), ints(&[1, 2, 4, 3]));
        assert_eq!(
            listing((1..=10).map(Term::Int)),
            ints(&[5, 6, 10, 1, 9, 2, 8, 4, 7, 3])
        );
    }

    #[test]
    fn a_growing_table_splits_its_buckets_as_the_beams_does() {
        let first: Vec<Term> = listing((1..=1000).map(Term::Int))
            .into_iter()
            .take(8)
            .collect();
        assert_eq!(first, ints(&[752, 768, 712, 832, 729, 168, 23, 985]));
    }

    #[test]
    fn a_write_concurrency_table_lists_lock_by_lock() {
        assert_eq!(
            striped_listing((1..=10).map(Term::Int), 64),
            ints(&[6, 8, 10, 4, 7, 1, 3, 9, 2, 5])
        );
        let first: Vec<Term> = striped_listing((1..=1000).map(Term::Int), 64)
            .into_iter()
            .take(8)
            .collect();
        assert_eq!(first, ints(&[399, 636, 349, 912, 564, 559, 132, 326]));
    }

    #[test]
    fn atom_keys_hash_by_name() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let got = listing(names.iter().map(|n| Term::atom(n)));
        let want: Vec<Term> = names.iter().rev().map(|n| Term::atom(n)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_table_that_held_many_keys_shrinks_as_the_beams_does() {
        let mut c = Chains::new(1);
        for i in 1..=6000 {
            c.add(Some(&HashKey::new(Term::Int(i))), 1);
        }
        for i in (1..=6000).filter(|i| i % 7 != 0) {
            c.remove(Some(&HashKey::new(Term::Int(i))), 1);
        }
        let first: Vec<Term> = c
            .traversal()
            .rev()
            .take(6)
            .map(|k| k.term.clone())
            .collect();
        assert_eq!(first, ints(&[5432, 3318, 5061, 1890, 1169, 5096]));
    }
}
