//! A set of registers, one bit each: the data-flow state of the compiler's
//! liveness pass and of the loader's write-before-read check.

use super::Reg;

/// A set of registers of a function with a given number of registers
/// (registers past that are ignored).
#[derive(Clone, PartialEq, Debug)]
pub struct RegSet(Vec<u64>);

impl RegSet {
    /// The empty set for `nregs` registers.
    pub fn new(nregs: usize) -> RegSet {
        RegSet(vec![0; Self::words_for(nregs)])
    }

    /// How many 64-bit words a set for `nregs` registers takes (at least 1).
    pub fn words_for(nregs: usize) -> usize {
        nregs.div_ceil(64).max(1)
    }

    /// The bits, 64 registers per word.
    pub fn words(&self) -> &[u64] {
        &self.0
    }

    pub fn has(&self, r: Reg) -> bool {
        self.0
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }

    pub fn add(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w |= 1 << (r % 64);
        }
    }

    pub fn remove(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w &= !(1 << (r % 64));
        }
    }

    /// Adds every register of `words` (as [`RegSet::words`] gives them).
    pub fn union(&mut self, words: &[u64]) {
        for (a, b) in self.0.iter_mut().zip(words) {
            *a |= b;
        }
    }

    /// Keeps only the registers also in `other`; whether that removed any.
    pub fn intersect(&mut self, other: &RegSet) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            changed |= *a & !b != 0;
            *a &= b;
        }
        changed
    }

    pub fn clear(&mut self) {
        self.0.iter_mut().for_each(|w| *w = 0);
    }
}
