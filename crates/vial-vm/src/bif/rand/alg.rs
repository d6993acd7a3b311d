//! The generators of OTP 25's `rand.erl`, bit for bit: `exsss`
//! (Xorshift116\*\*), `exsplus` (Xorshift116+) and `exrop` (Xoroshiro116+),
//! their seeding (SplitMix64 for integers, OTP's mixing for `{a1, a2, a3}`)
//! and the float and range functions built on them (`uniform_s/1,2`,
//! including `uniform_range/4` for ranges wider than 58 bits).

use crate::term::Arc;
use crate::term::{Closure, FunKind, Map, Term};
use crate::Atom;
use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

/// The 58 bits these generators work in.
pub(super) const MASK58: u64 = (1 << 58) - 1;

/// `?BSL(58, x, n)`: `x` shifted left `n` bits within 58 bits.
fn bsl58(x: u64, n: u32) -> u64 {
    (x & ((1 << (58 - n)) - 1)) << n
}

/// `?ROTL(58, x, n)` for a 58-bit `x`.
fn rotl58(x: u64, n: u32) -> u64 {
    bsl58(x, n) | (x >> (58 - n))
}

/// One step of SplitMix64: `(output, new state)`.
fn splitmix64_next(x: u64) -> (u64, u64) {
    let x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let z = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31), x)
}

/// `rand:seed58/1`: the next non-zero 58-bit SplitMix64 output.
fn seed58(mut x: u64) -> (u64, u64) {
    loop {
        let (z, next) = splitmix64_next(x);
        x = next;
        if z & MASK58 != 0 {
            return (z & MASK58, x);
        }
    }
}

/// A generator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Alg {
    Exsss,
    Exsplus,
    Exrop,
}

impl Alg {
    /// The algorithm an atom names (`:default` is `exsss`).
    pub(super) fn from_atom(a: Atom) -> Option<Alg> {
        match a.name() {
            "exsss" | "default" => Some(Alg::Exsss),
            "exsplus" => Some(Alg::Exsplus),
            "exrop" => Some(Alg::Exrop),
            _ => None,
        }
    }

    /// The algorithm's atom text (its `:type`).
    pub(super) fn name(self) -> &'static str {
        match self {
            Alg::Exsss => "exsss",
            Alg::Exsplus => "exsplus",
            Alg::Exrop => "exrop",
        }
    }

    /// `Alg_seed/1` of a traditional `{a1, a2, a3}` seed.
    pub(super) fn seed_triple(self, a: [u64; 3]) -> State {
        let [a1, a2, a3] = a;
        let lcg = |x: u64, c: u64| x.wrapping_mul(c).wrapping_add(1) & MASK58;
        let (s0, s1) = match self {
            Alg::Exsss => {
                let (_, x0) = seed58(a1);
                let (s0, x1) = seed58(a2 ^ x0);
                let (s1, _) = seed58(a3 ^ x1);
                (s0, s1)
            }
            Alg::Exsplus => {
                let mut st = State::new(self, lcg(a1, 4_294_967_197), lcg(a2, 4_294_967_231));
                st.next();
                let mut st = State::new(self, lcg(a3, 4_294_967_279), st.s1);
                st.next();
                (st.s0, st.s1)
            }
            Alg::Exrop => {
                let (_, s1) = exrop_step(lcg(a1, 4_294_967_197), lcg(a2, 4_294_967_231));
                exrop_step(lcg(a3, 4_294_967_279), s1)
            }
        };
        State::new(self, s0, s1)
    }

    /// `Alg_seed/1` of an integer seed: two SplitMix64 outputs.
    pub(super) fn seed_integer(self, x: u64) -> State {
        let (s0, x) = seed58(x);
        let (s1, _) = seed58(x);
        State::new(self, s0, s1)
    }
}

/// One step of Xoroshiro116+'s state.
fn exrop_step(s0: u64, s1: u64) -> (u64, u64) {
    let s1a = s1 ^ s0;
    (rotl58(s0, 24) ^ s1a ^ bsl58(s1a, 2), rotl58(s1a, 35))
}

/// A generator state: the improper list `[s0 | s1]` of `rand.erl`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct State {
    /// Which generator the words belong to.
    pub alg: Alg,
    /// The list's head (58 bits).
    pub s0: u64,
    /// The list's tail (58 bits).
    pub s1: u64,
}

impl State {
    /// The state `[s0 | s1]` of `alg`.
    pub(super) fn new(alg: Alg, s0: u64, s1: u64) -> State {
        State { alg, s0, s1 }
    }

    /// The next 58-bit output (`exsss_next/1`, `exsp_next/1`,
    /// `exrop_next/1`).
    pub(super) fn next(&mut self) -> u64 {
        match self.alg {
            Alg::Exsss | Alg::Exsplus => {
                // rand.erl names the list [S1 | S0].
                let (s1, s0) = (self.s0, self.s1 & MASK58);
                let s1b = (s1 & MASK58) ^ bsl58(s1, 24);
                let new_s1 = s1b ^ s0 ^ (s1b >> 11) ^ (s0 >> 41);
                self.s0 = s0;
                self.s1 = new_s1;
                if self.alg == Alg::Exsplus {
                    (s0 + new_s1) & MASK58
                } else {
                    // ((s0 * 5) rotl 7) * 9, modulo 2^58.
                    let va = s0 + bsl58(s0, 2);
                    let vb = bsl58(va, 7) | ((va >> (58 - 7)) & 0x7f);
                    (vb + bsl58(vb, 3)) & MASK58
                }
            }
            Alg::Exrop => {
                let out = (self.s0 + self.s1) & MASK58;
                (self.s0, self.s1) = exrop_step(self.s0, self.s1);
                out
            }
        }
    }

    /// A float in `[0.0, 1.0)` (`uniform_s/1`).
    pub(super) fn uniform(&mut self) -> f64 {
        let v = self.next();
        match self.alg {
            Alg::Exsss | Alg::Exrop => (v >> 5) as f64 * 2f64.powi(-53),
            // The old `max`-based algorithm: V / (Max + 1).
            Alg::Exsplus => v as f64 / (1u64 << 58) as f64,
        }
    }

    /// An integer in `1..=n` for `n >= 1` (`uniform_s/2`).
    pub(super) fn uniform_n(&mut self, n: &BigInt) -> BigInt {
        let bit58 = BigInt::from(1u64 << 58);
        if self.alg == Alg::Exsplus {
            let v = self.next();
            return match n.to_u64() {
                Some(m) if m <= MASK58 => BigInt::from(v % m + 1),
                _ => {
                    let f = v as f64 / (1u64 << 58) as f64;
                    let x = f * n.to_f64().unwrap_or(f64::INFINITY);
                    <BigInt as num_traits::FromPrimitive>::from_f64(x.trunc()).unwrap_or_default()
                        + BigInt::one()
                }
            };
        }
        if *n <= bit58 {
            // ?uniform_range with 0 =< MaxMinusRange.
            let range = n.to_u64().expect("at most 2^58");
            let max_minus_range = (1u64 << 58) - range;
            loop {
                let v = self.next();
                if v < range {
                    return BigInt::from(v + 1);
                }
                let i = v % range;
                if v - i <= max_minus_range {
                    return BigInt::from(i + 1);
                }
            }
        }
        let v = self.next();
        self.uniform_range(n, v)
    }

    /// `uniform_range/4` of `rand.erl`: ranges wider than 58 bits.
    fn uniform_range(&mut self, range: &BigInt, mut v: u64) -> BigInt {
        const BITS: u64 = 58;
        let weak = if self.alg == Alg::Exrop { 1 } else { 0 };
        let shift = BITS - weak;
        let one = BigInt::one();
        let minus1 = range - &one;
        loop {
            if (range & &minus1).is_zero() {
                let (v1, _) = self.gather(range >> BITS, BigInt::from(v), weak, shift, BITS);
                return (v1 & &minus1) + one;
            }
            let (v1, b) = self.gather(range >> (BITS - 2), BigInt::from(v), weak, shift, BITS);
            let i = &v1 % range;
            if &v1 - &i <= (&one << b) - range {
                return i + one;
            }
            v = self.next();
        }
    }

    /// `uniform_range/7`: appends outputs (dropping `weak` low bits of
    /// the accumulated value each time) until `r` is used up.
    fn gather(
        &mut self,
        mut r: BigInt,
        mut v: BigInt,
        weak: u64,
        shift: u64,
        mut b: u64,
    ) -> (BigInt, u64) {
        while r > BigInt::one() {
            let v1 = self.next();
            v = (((v >> weak) << weak) << shift) | BigInt::from(v1);
            r >>= shift;
            b += shift;
        }
        (v, b)
    }

    /// `{handler, [s0 | s1]}`, as OTP stores it.
    pub(super) fn to_term(self) -> Term {
        Term::tuple([
            handler(self.alg),
            Term::cons(Term::Int(self.s0 as i64), Term::Int(self.s1 as i64)),
        ])
    }

    /// Reads a state (`{handler, [s0 | s1]}`) or an exported state
    /// (`{:exsss, [s0 | s1]}`).
    pub(super) fn from_term(t: &Term) -> Option<State> {
        let [head, Term::Cons(c)] = t.as_tuple()? else {
            return None;
        };
        let alg = match head {
            Term::Map(m) => m.get(&Term::atom("type"))?.as_atom()?,
            Term::Atom(a) => *a,
            _ => return None,
        };
        let alg = Alg::from_atom(alg).filter(|_| alg.name() != "default")?;
        match (&c.head, &c.tail) {
            (Term::Int(a), Term::Int(b)) if *a >= 0 && *b >= 0 => {
                Some(State::new(alg, *a as u64, *b as u64))
            }
            _ => None,
        }
    }
}

/// The handler map of `alg` (`rand:mk_alg/1`).
fn handler(alg: Alg) -> Term {
    let fun = |name: &str, arity: u32| {
        Term::Fun(Arc::new(Closure {
            kind: FunKind::External {
                module: Atom::intern("rand"),
                name: Atom::intern(name),
                arity,
            },
            env: Box::new([]),
        }))
    };
    let mut m = Map::new();
    m.insert(Term::atom("type"), Term::atom(alg.name()));
    let prefix = match alg {
        Alg::Exsss => "exsss",
        Alg::Exsplus => "exsp",
        Alg::Exrop => "exrop",
    };
    m.insert(Term::atom("next"), fun(&format!("{prefix}_next"), 1));
    let jump = if alg == Alg::Exrop {
        "exrop_jump"
    } else {
        "exsplus_jump"
    };
    m.insert(Term::atom("jump"), fun(jump, 1));
    if alg == Alg::Exsplus {
        m.insert(Term::atom("max"), Term::Int(MASK58 as i64));
    } else {
        m.insert(Term::atom("bits"), Term::Int(58));
        m.insert(Term::atom("uniform"), fun(&format!("{prefix}_uniform"), 1));
        m.insert(
            Term::atom("uniform_n"),
            fun(&format!("{prefix}_uniform"), 2),
        );
    }
    if alg == Alg::Exrop {
        m.insert(Term::atom("weak_low_bits"), Term::Int(1));
    }
    Term::map(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draws(mut st: State, n: u64, count: usize) -> Vec<u64> {
        (0..count)
            .map(|_| st.uniform_n(&BigInt::from(n)).to_u64().unwrap())
            .collect()
    }

    /// Sequences printed by Elixir 1.14 on OTP 25 after `:rand.seed/2`.
    #[test]
    fn seeded_sequences_match_otp() {
        let st = Alg::Exsss.seed_triple([1, 2, 3]);
        assert_eq!((st.s0, st.s1), (117085240290607817, 199386643319833935));
        let mut st2 = st;
        assert_eq!(draws(st, 100, 5), vec![27, 41, 75, 39, 31]);
        for _ in 0..5 {
            st2.uniform_n(&BigInt::from(100));
        }
        assert_eq!(st2.uniform(), 0.1256381703649364);
        assert_eq!(
            draws(Alg::Exsss.seed_integer(42), 1_000_000, 5),
            vec![999294, 694431, 883615, 290198, 696771]
        );
        assert_eq!(
            draws(Alg::Exrop.seed_triple([1, 2, 3]), 100, 5),
            vec![14, 35, 23, 26, 88]
        );
        let mut plus = Alg::Exsplus.seed_triple([1, 2, 3]);
        assert_eq!(draws(plus, 100, 5), vec![14, 53, 58, 41, 66]);
        for _ in 0..5 {
            plus.uniform_n(&BigInt::from(100));
        }
        assert_eq!(plus.uniform(), 0.5335061809430423);
    }

    #[test]
    fn wide_ranges_match_otp() {
        let mut st = Alg::Exsss.seed_integer(7);
        assert_eq!(
            st.uniform_n(&(BigInt::one() << 70)).to_string(),
            "564703343115548001732"
        );
        assert_eq!(
            st.uniform_n(&(BigInt::one() << 58)).to_string(),
            "262280149556724545"
        );
        assert_eq!(
            st.uniform_n(&((BigInt::one() << 58) + 1)).to_string(),
            "53743696082227558"
        );
    }

    #[test]
    fn states_round_trip_through_terms() {
        let st = Alg::Exrop.seed_integer(5);
        assert_eq!(State::from_term(&st.to_term()), Some(st));
    }
}
