//! The order the BEAM keeps a map of more than 32 keys in.
//!
//! Such a map is a hash array mapped trie keyed by `make_internal_hash(key,
//! 0)` (OTP 25 erts, `utils.c`), a 32-bit hash consumed four bits at a
//! time from the lowest, and `maps:to_list/1` walks each node's children
//! from the highest index down. So the entries come out by their hashes
//! with the nibbles reversed, largest first. Two keys whose hashes are
//! equal part one level down, by the hash of `[1 | key]` (`erl_map.h`,
//! `hashmap_restore_hash`).
//!
//! The hash of an atom, pid, reference or fun mixes its word in the BEAM's
//! memory (an atom's index in the atom table), which Vial cannot know; a
//! key holding one has no hash here ([`internal_hash`] is `None`).

use crate::bif::data::hash::{
    block_hash, hash2, HCONST, HCONST_10, HCONST_11, HCONST_12, HCONST_13, HCONST_17, HCONST_18,
    HCONST_22, HCONST_4, HCONST_9,
};
use crate::term::Term;
use num_bigint::Sign;

/// The salt `make_internal_hash` starts from (a prime).
const INTERNAL_HASH_SALT: u32 = 3_432_918_353;

/// The BEAM's word for `[]`: the six-bit immediate tag `0x3B` alone
/// (checked against OTP 25's order for charlist keys).
const NIL_WORD: u64 = 0x3B;

/// Small integers are immediates of 60 bits.
const SMALL_BITS: u32 = 60;

struct Hasher {
    hash: u32,
}

impl Hasher {
    fn hash2(&mut self, x: u32, y: u32, k: u32) {
        hash2(&mut self.hash, x, y, k);
    }

    fn word(&mut self, w: u64) {
        self.hash2(w as u32, (w >> 32) as u32, HCONST);
    }

    /// Hashes `t`; `None` when it holds a term whose hash Vial cannot know.
    fn term(&mut self, t: &Term) -> Option<()> {
        match t {
            Term::Int(n) if (((*n >> (SMALL_BITS - 1)) + 1) as u64) < 2 => {
                self.word(((*n as u64) << 4) | 0xF)
            }
            Term::Int(n) => self.big(n.unsigned_abs().to_le_bytes().as_slice(), *n < 0),
            Term::Big(b) => {
                let (sign, bytes) = b.to_bytes_le();
                self.big(&bytes, sign == Sign::Minus)
            }
            Term::Float(f) => {
                let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                self.hash2(bits as u32, (bits >> 32) as u32, HCONST_12);
            }
            Term::Binary(b) => {
                let con = HCONST_13.wrapping_add(self.hash);
                self.hash = if b.0.is_empty() {
                    con
                } else {
                    block_hash(&b.0, con)
                };
            }
            Term::Tuple(items) => {
                self.hash2(items.0.len() as u32, 0, HCONST_9);
                for item in items.0.iter() {
                    self.term(item)?;
                }
            }
            Term::EmptyList => self.word(NIL_WORD),
            Term::Cons(_) => self.list(t)?,
            Term::Atom(_) | Term::Pid(_) | Term::Ref(_) | Term::Fun(_) | Term::Map(_) => {
                return None
            }
        }
        Some(())
    }

    /// A bignum's magnitude, 64-bit digits from the least significant, as
    /// two 32-bit halves each.
    fn big(&mut self, magnitude: &[u8], negative: bool) {
        let k = if negative { HCONST_10 } else { HCONST_11 };
        for digit in magnitude.chunks(8) {
            let mut word = [0u8; 8];
            word[..digit.len()].copy_from_slice(digit);
            let d = u64::from_le_bytes(word);
            self.hash2(d as u32, (d >> 32) as u32, k);
        }
    }

    /// A list: runs of bytes four at a time, other elements each after a
    /// marker, and a non-list tail after another.
    fn list(&mut self, mut t: &Term) -> Option<()> {
        loop {
            let (mut count, mut packed) = (0u32, 0u32);
            while let Term::Cons(cell) = t {
                let Term::Int(byte @ 0..=255) = cell.head else {
                    break;
                };
                packed = (packed << 8).wrapping_add(byte as u32);
                if count == 3 {
                    self.hash2(packed, 0, HCONST_4);
                    (count, packed) = (0, 0);
                } else {
                    count += 1;
                }
                t = &cell.tail;
            }
            if count > 0 {
                self.hash2(packed, count, HCONST_22);
            }
            let Term::Cons(cell) = t else {
                return self.term(t);
            };
            self.rotate(HCONST_17);
            self.term(&cell.head)?;
            if !matches!(cell.tail, Term::Cons(_)) {
                self.rotate(HCONST_18);
            }
            t = &cell.tail;
        }
    }

    /// `CONST_HASH`: a light mix of a marker.
    fn rotate(&mut self, k: u32) {
        self.hash = (self.hash ^ k).rotate_left(17);
    }
}

/// `make_internal_hash(t, 0)`, or `None` for a term holding an atom, pid,
/// reference, fun or map.
pub fn internal_hash(t: &Term) -> Option<u32> {
    let mut h = Hasher {
        hash: INTERNAL_HASH_SALT,
    };
    h.term(t)?;
    Some(h.hash)
}

/// Where a key with hash `h` sorts in a walk of the trie: its nibbles
/// lowest first, as one number.
fn trie_position(h: u32) -> u32 {
    let bytes = h.swap_bytes();
    ((bytes & 0x0F0F_0F0F) << 4) | ((bytes >> 4) & 0x0F0F_0F0F)
}

/// `entries` (more than 32 of a map's) in the order `maps:to_list/1`
/// gives them, when every key has a hash Vial can compute; otherwise as
/// they are.
pub fn trie_order<'a>(entries: Vec<(&'a Term, &'a Term)>) -> Vec<(&'a Term, &'a Term)> {
    let mut placed = Vec::with_capacity(entries.len());
    for &(k, v) in &entries {
        match internal_hash(k) {
            Some(h) => placed.push((trie_position(h), k, v)),
            None => return entries,
        }
    }
    placed.sort_unstable_by_key(|&(position, _, _)| std::cmp::Reverse(position));
    // Keys with equal hashes part by the hash of `[1 | key]`.
    for run in placed
        .chunk_by_mut(|a, b| a.0 == b.0)
        .filter(|r| r.len() > 1)
    {
        run.sort_by_cached_key(|&(_, k, _)| {
            let deeper = Term::cons(Term::Int(1), k.clone());
            std::cmp::Reverse(internal_hash(&deeper).map_or(0, trie_position))
        });
    }
    placed.into_iter().map(|(_, k, v)| (k, v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trie_position_reverses_the_nibbles() {
        assert_eq!(trie_position(0x1234_5678), 0x8765_4321);
        assert_eq!(trie_position(0x0000_000F), 0xF000_0000);
    }

    #[test]
    fn keys_holding_atoms_have_no_hash_and_keep_their_order() {
        assert_eq!(internal_hash(&Term::atom("ok")), None);
        assert_eq!(
            internal_hash(&Term::tuple([Term::Int(1), Term::atom("ok")])),
            None
        );
        let keys: Vec<Term> = (0..40)
            .map(|i| Term::tuple([Term::Int(i), Term::atom("k")]))
            .collect();
        let values = vec![Term::Int(0); 40];
        let entries: Vec<(&Term, &Term)> = keys.iter().zip(&values).collect();
        assert_eq!(trie_order(entries.clone()), entries);
    }
}
