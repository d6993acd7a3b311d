//! `:erlang.phash2/1`: a hash of any term into `0..2^27`.
//!
//! Not the BEAM's algorithm (the values differ from real Erlang), but with
//! the properties programs rely on: stable across runs and processes, and
//! equal for exactly-equal (`===`) terms.

use super::BifResult;
use crate::term::{FunKind, Term};

/// FNV-1a, 64-bit.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn tag(&mut self, t: u8, n: u64) {
        self.bytes(&[t]);
        self.bytes(&n.to_le_bytes());
    }

    fn term(&mut self, t: &Term) {
        match t {
            Term::Int(i) => self.tag(0, *i as u64),
            Term::Big(b) => {
                self.tag(1, 0);
                self.bytes(&b.to_signed_bytes_le());
            }
            // -0.0 === 0.0, so both hash alike.
            Term::Float(f) => self.tag(2, (f + 0.0).to_bits()),
            Term::Atom(a) => {
                self.tag(3, a.name().len() as u64);
                self.bytes(a.name().as_bytes());
            }
            Term::Pid(p) => self.tag(4, p.0),
            Term::Ref(r) => self.tag(5, r.0),
            Term::EmptyList => self.tag(6, 0),
            Term::Cons(_) => {
                let mut it = t.iter_list();
                for x in it.by_ref() {
                    self.tag(7, 0);
                    self.term(x);
                }
                self.term(it.tail());
            }
            Term::Tuple(tu) => {
                self.tag(8, tu.0.len() as u64);
                tu.0.iter().for_each(|x| self.term(x));
            }
            Term::Map(m) => {
                self.tag(9, m.len() as u64);
                for (k, v) in m.iter() {
                    self.term(k);
                    self.term(v);
                }
            }
            Term::Binary(b) => {
                self.tag(10, b.0.len() as u64);
                self.bytes(&b.0);
            }
            Term::Fun(c) => {
                match &c.kind {
                    FunKind::Lambda {
                        module,
                        index,
                        arity,
                    } => {
                        self.bytes(module.name.name().as_bytes());
                        self.tag(11, u64::from(*index) << 8 | u64::from(*arity));
                    }
                    FunKind::External {
                        module,
                        name,
                        arity,
                    } => {
                        self.bytes(module.name().as_bytes());
                        self.bytes(name.name().as_bytes());
                        self.tag(12, u64::from(*arity));
                    }
                }
                c.env.iter().for_each(|x| self.term(x));
            }
        }
    }
}

/// `:erlang.phash2(term)`.
pub fn phash2(t: &Term) -> BifResult {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.term(t);
    Ok(Term::Int((h.0 ^ (h.0 >> 29)) as i64 & ((1 << 27) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_in_range() {
        let a = Term::tuple([Term::Int(1), Term::string("x")]);
        let b = Term::tuple([Term::Int(1), Term::string("x")]);
        assert_eq!(phash2(&a).unwrap(), phash2(&b).unwrap());
        assert_ne!(
            phash2(&Term::Int(1)).unwrap(),
            phash2(&Term::Float(1.0)).unwrap()
        );
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
