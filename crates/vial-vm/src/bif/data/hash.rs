//! `:erlang.phash2/1,2`: ERTS's portable term hash (`make_hash2`, ERTS
//! `erl_term_hashing.c`), which OTP keeps the same across releases, so
//! programs that shard by `phash2(key, n)` pick the same shard as on the
//! BEAM. It mixes 32-bit words with Bob Jenkins' `lookup2` mix, one
//! constant per kind of term; binaries go through Jenkins' block hash,
//! atoms start from the atom table's `hashpjw` value, and a map xors the
//! hashes of its pairs so their order does not matter. Pids, references
//! and functions hash by Vial's own numbers (not the BEAM's).
//!
//! The mix, the block hash and the constants are also those of the BEAM's
//! internal hash, which orders large maps (`crate::inspect::map_hash`).

use super::BifResult;
use crate::error::Exception;
use crate::term::{FunKind, Term};
use num_bigint::Sign;

/// The golden ratio constant and its multiples (mod 2^32), one per kind.
pub(crate) const HCONST: u32 = 0x9e37_79b9;
const HCONST_2: u32 = 0x3c6e_f372;
const HCONST_3: u32 = 0xdaa6_6d2b;
pub(crate) const HCONST_4: u32 = 0x78dd_e6e4;
const HCONST_5: u32 = 0x1715_609d;
const HCONST_7: u32 = 0x5384_540f;
pub(crate) const HCONST_9: u32 = 0x8ff3_4781;
pub(crate) const HCONST_10: u32 = 0x2e2a_c13a;
pub(crate) const HCONST_11: u32 = 0xcc62_3af3;
pub(crate) const HCONST_12: u32 = 0x6a99_b4ac;
pub(crate) const HCONST_13: u32 = 0x08d1_2e65;
const HCONST_14: u32 = 0xa708_a81e;
const HCONST_16: u32 = 0xe377_9b90;
const HCONST_19: u32 = 0xbe1e_08bb;
pub(crate) const HCONST_17: u32 = 0x81af_1549;
pub(crate) const HCONST_18: u32 = 0x1fe6_8f02;
pub(crate) const HCONST_22: u32 = 0x98c4_75e6;

/// The hash of `[]` when it is the first thing hashed.
const NIL_FIRST: u32 = 3_468_870_702;
/// What a `[]` after other terms mixes in (`NIL_DEF`, found to be 2 by
/// matching OTP 25's values).
const NIL_WORD: u32 = 2;

/// Jenkins' `lookup2` mix of three words.
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    macro_rules! step {
        ($x:ident, $y:ident, $z:ident, $shift:expr, $left:expr) => {
            *$x = $x.wrapping_sub(*$y).wrapping_sub(*$z);
            *$x ^= if $left { *$z << $shift } else { *$z >> $shift };
        };
    }
    step!(a, b, c, 13, false);
    step!(b, c, a, 8, true);
    step!(c, a, b, 13, false);
    step!(a, b, c, 12, false);
    step!(b, c, a, 16, true);
    step!(c, a, b, 5, false);
    step!(a, b, c, 3, false);
    step!(b, c, a, 10, true);
    step!(c, a, b, 15, false);
}

/// Jenkins' block hash of `bytes` with initial value `init`.
pub(crate) fn block_hash(bytes: &[u8], init: u32) -> u32 {
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let word = |k: &[u8]| u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
    let mut chunks = bytes.chunks_exact(12);
    for k in chunks.by_ref() {
        a = a.wrapping_add(word(&k[0..4]));
        b = b.wrapping_add(word(&k[4..8]));
        c = c.wrapping_add(word(&k[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let k = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    // The first byte of `c` is left for the length.
    for (i, &byte) in k.iter().enumerate() {
        let v = byte as u32;
        match i {
            0..=3 => a = a.wrapping_add(v << (8 * i)),
            4..=7 => b = b.wrapping_add(v << (8 * (i - 4))),
            _ => c = c.wrapping_add(v << (8 * (i - 7))),
        }
    }
    mix(&mut a, &mut b, &mut c);
    c
}

/// ERTS's atom table hash (`atom_hash`, `hashpjw` over the name's bytes,
/// folding each two-byte UTF-8 sequence of a Latin-1 character into it).
pub(crate) fn atom_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < name.len() {
        let mut v = name[i] as u32;
        i += 1;
        if i < name.len() && (v & 0xfe) == 0xc2 && (name[i] & 0xc0) == 0x80 {
            v = ((v << 6) | (name[i] as u32 & 0x3f)) & 0xff;
            i += 1;
        }
        h = (h << 4).wrapping_add(v);
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

/// One step of the hash: mixes two words with a kind constant.
pub(crate) fn hash2(hash: &mut u32, x: u32, y: u32, con: u32) {
    let mut a = con.wrapping_add(x);
    let mut b = con.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

/// What is left to hash, last first.
enum Work<'a> {
    Term(&'a Term),
    /// A map pair is hashed: fold it into the pairs' xor.
    Pair,
    /// A map's pairs are hashed: restore the outer hash and xor.
    MapEnd {
        outer: u32,
        xor: u32,
    },
}

/// `make_hash2(term)`.
fn make_hash2(term: &Term) -> u32 {
    let mut hash: u32 = 0;
    let mut xor_pairs: u32 = 0;
    let mut stack: Vec<Work> = vec![Work::Term(term)];
    while let Some(work) = stack.pop() {
        let t = match work {
            Work::Term(t) => t,
            Work::Pair => {
                xor_pairs ^= hash;
                hash = 0;
                continue;
            }
            Work::MapEnd { outer, xor } => {
                let pairs = xor_pairs;
                hash = outer;
                hash2(&mut hash, pairs, 0, HCONST_19);
                xor_pairs = xor;
                continue;
            }
        };
        match t {
            Term::Int(i) => int_hash(&mut hash, *i),
            Term::Big(b) => {
                let con = if b.sign() == Sign::Minus {
                    HCONST_10
                } else {
                    HCONST_11
                };
                for digit in b.magnitude().iter_u64_digits() {
                    hash2(&mut hash, digit as u32, (digit >> 32) as u32, con);
                }
            }
            Term::Float(f) => {
                // 0.0 and -0.0 hash alike.
                let bits = (f + 0.0).to_bits();
                hash2(&mut hash, (bits >> 32) as u32, bits as u32, HCONST_12);
            }
            Term::Atom(a) => {
                let h = atom_hash(a.name().as_bytes());
                if hash == 0 {
                    hash = h;
                } else {
                    hash2(&mut hash, h, 0, HCONST_3);
                }
            }
            Term::EmptyList => {
                if hash == 0 {
                    hash = NIL_FIRST;
                } else {
                    hash2(&mut hash, NIL_WORD, 0, HCONST_2);
                }
            }
            Term::Cons(_) => {
                // Runs of bytes (strings) go four to a word.
                let mut cur = t;
                let (mut count, mut word) = (0u32, 0u32);
                while let Term::Cons(cell) = cur {
                    match cell.head {
                        Term::Int(b) if (0..=255).contains(&b) => {
                            word = (word << 8).wrapping_add(b as u32);
                            if count == 3 {
                                hash2(&mut hash, word, 0, HCONST_4);
                                count = 0;
                                word = 0;
                            } else {
                                count += 1;
                            }
                            cur = &cell.tail;
                        }
                        _ => break,
                    }
                }
                if count > 0 {
                    hash2(&mut hash, word, 0, HCONST_4);
                }
                match cur {
                    Term::Cons(cell) => {
                        stack.push(Work::Term(&cell.tail));
                        stack.push(Work::Term(&cell.head));
                    }
                    tail => stack.push(Work::Term(tail)),
                }
            }
            Term::Tuple(tuple) => {
                hash2(&mut hash, tuple.0.len() as u32, 0, HCONST_9);
                stack.extend(tuple.0.iter().rev().map(Work::Term));
            }
            Term::Map(m) => {
                hash2(&mut hash, m.len() as u32, 0, HCONST_16);
                if !m.is_empty() {
                    stack.push(Work::MapEnd {
                        outer: hash,
                        xor: xor_pairs,
                    });
                    hash = 0;
                    xor_pairs = 0;
                    for (k, v) in m.iter() {
                        stack.push(Work::Pair);
                        stack.push(Work::Term(v));
                        stack.push(Work::Term(k));
                    }
                }
            }
            Term::Binary(b) => {
                let con = HCONST_13.wrapping_add(hash);
                hash = if b.0.is_empty() {
                    con
                } else {
                    block_hash(&b.0, con)
                };
            }
            Term::Pid(p) => hash2(&mut hash, p.0 as u32, 0, HCONST_5),
            Term::Ref(r) => hash2(&mut hash, r.0 as u32, 0, HCONST_7),
            Term::Fun(c) => {
                let (module, name, arity) = match &c.kind {
                    FunKind::Lambda {
                        module,
                        index,
                        arity,
                    } => (module.name, module.functions[*index as usize].name, *arity),
                    FunKind::External {
                        module,
                        name,
                        arity,
                    } => (*module, *name, *arity),
                };
                hash2(
                    &mut hash,
                    arity,
                    atom_hash(module.name().as_bytes()),
                    HCONST,
                );
                hash2(&mut hash, atom_hash(name.name().as_bytes()), 0, HCONST_14);
                stack.extend(c.env.iter().rev().map(Work::Term));
            }
        }
    }
    hash
}

/// An integer: small ones (28 bits) as a signed word, hashed twice when
/// negative; larger ones as their magnitude's two words, as a bignum.
fn int_hash(hash: &mut u32, i: i64) {
    if (-(1 << 27)..1 << 27).contains(&i) {
        let y = i as i32;
        if y < 0 {
            hash2(hash, y.wrapping_neg() as u32, 0, HCONST);
        }
        hash2(hash, y as u32, 0, HCONST);
    } else {
        let con = if i < 0 { HCONST_10 } else { HCONST_11 };
        let t = i.unsigned_abs();
        hash2(hash, t as u32, (t >> 32) as u32, con);
    }
}

/// `:erlang.phash2(term)`: the hash in `0..2^27`.
pub fn phash2(t: &Term) -> BifResult {
    Ok(Term::Int((make_hash2(t) & ((1 << 27) - 1)) as i64))
}

/// `:erlang.phash2(term, range)`: the hash in `0..range`, `range` from 1
/// to 2^32.
pub fn phash2_range(t: &Term, range: &Term) -> BifResult {
    match range {
        Term::Int(r) if (1..=1 << 32).contains(r) => {
            Ok(Term::Int((make_hash2(t) as u64 % *r as u64) as i64))
        }
        // OTP's error info names the first argument.
        Term::Int(_) | Term::Big(_) => Err(super::arg_error(1, "out of range")),
        _ => Err(Exception::badarg()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_terms_hash_alike_in_range() {
        let a = Term::tuple([Term::Int(1), Term::string("x")]);
        let b = Term::tuple([Term::Int(1), Term::string("x")]);
        assert_eq!(phash2(&a).unwrap(), phash2(&b).unwrap());
        assert_eq!(
            phash2(&Term::Float(0.0)).unwrap(),
            phash2(&Term::Float(-0.0)).unwrap()
        );
        let Term::Int(h) = phash2(&a).unwrap() else {
            panic!()
        };
        assert!((0..1 << 27).contains(&h));
    }
}
