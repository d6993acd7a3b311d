//! Terms: the immutable values Vial programs compute with.
//!
//! A [`Term`] is 16 bytes (checked below): immediates (small integer, float,
//! atom, pid, reference, the empty list) inline, everything else behind an
//! [`Arc`] (triomphe's: no weak count, so a uniqueness test is one load).
//! Terms are built bottom-up and can never form cycles, so
//! reference counting frees them exactly; they are `Send + Sync`, so a
//! message is shared between processes, never copied.

use crate::atom::Atom;
use crate::code::Module;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use smallvec::SmallVec;
use std::cmp::Ordering;
pub use triomphe::Arc;

/// A process identifier: a serial number unique for the life of the VM.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Pid(pub u64);

/// A reference (`make_ref/0`): a serial number unique for the life of the VM.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Ref(pub u64);

/// A Vial value.
#[derive(Clone, Debug)]
pub enum Term {
    /// An integer that fits in 64 bits. Arithmetic promotes to [`Term::Big`]
    /// on overflow, and results that fit are always demoted back here.
    Int(i64),
    Float(f64),
    Atom(Atom),
    Pid(Pid),
    Ref(Ref),
    /// `[]`
    EmptyList,
    // The immediates come first, so that `is_immediate` is one comparison
    // of the discriminant.
    /// An integer outside the `i64` range (never one that fits).
    Big(Arc<BigInt>),
    /// A non-empty list cell `[head | tail]`.
    Cons(Arc<Cons>),
    Tuple(Arc<Tuple>),
    /// A map, keys in map-key order (see [`Term::cmp`]).
    Map(Arc<Map>),
    /// A binary; Elixir strings are UTF-8 binaries.
    Binary(Arc<Binary>),
    Fun(Arc<Closure>),
}

const _: () = assert!(std::mem::size_of::<Term>() == 16);

/// A list cell. Dropping a long list iterates instead of recursing.
#[derive(Debug)]
pub struct Cons {
    pub head: Term,
    pub tail: Term,
}

impl Drop for Cons {
    fn drop(&mut self) {
        if self.head.is_nesting() {
            drop_nested(std::mem::replace(&mut self.head, Term::EmptyList));
        }
        let mut tail = std::mem::replace(&mut self.tail, Term::EmptyList);
        while let Term::Cons(cell) = tail {
            match Arc::try_unwrap(cell) {
                Ok(mut c) => tail = std::mem::replace(&mut c.tail, Term::EmptyList),
                Err(_) => break,
            }
        }
    }
}

/// The elements of a tuple. Up to [`TUPLE_INLINE`] elements are stored in
/// the tuple's own allocation, next to its reference counts, so most tuples
/// (messages, `{:ok, value}`, GenServer requests) take one allocation and
/// one pointer hop instead of two.
#[derive(Debug)]
pub struct Tuple(pub SmallVec<[Term; TUPLE_INLINE]>);

/// How many elements a [`Tuple`] holds without a second allocation.
pub const TUPLE_INLINE: usize = 3;

impl Drop for Tuple {
    fn drop(&mut self) {
        for item in self.0.iter_mut() {
            if item.is_nesting() {
                drop_nested(std::mem::replace(item, Term::EmptyList));
            }
        }
    }
}

/// How deep [`drop_nested`] recurses before it defers the rest.
const DROP_DEPTH_LIMIT: u32 = 256;

thread_local! {
    /// How many [`drop_nested`] calls are under way on this thread.
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Terms left for the outermost [`drop_nested`] to drop.
    static DROP_LATER: std::cell::RefCell<Vec<Term>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops `t`, an element of a list cell or tuple that may hold further
/// lists or tuples, with the recursion bounded: past
/// [`DROP_DEPTH_LIMIT`] nested drops the term is set aside, and the
/// outermost call drops what was set aside one by one. So freeing a term
/// nested a million levels deep (`Enum.reduce(1..n, [], &[&2, &1])`, a
/// common way to build iodata) does not overflow the thread's stack.
fn drop_nested(t: Term) {
    let depth = DROP_DEPTH.with(|d| d.get());
    if depth >= DROP_DEPTH_LIMIT {
        DROP_LATER.with(|later| later.borrow_mut().push(t));
        return;
    }
    DROP_DEPTH.with(|d| d.set(depth + 1));
    drop(t);
    if depth == 0 {
        while let Some(t) = DROP_LATER.with(|later| later.borrow_mut().pop()) {
            drop(t);
        }
    }
    DROP_DEPTH.with(|d| d.set(depth));
}

/// The bytes of a binary.
#[derive(Debug)]
pub struct Binary(pub Box<[u8]>);

/// The entries of a map, ordered by map-key order. A persistent B-tree:
/// cloning is O(1) and an update copies only the path to the changed key.
pub type Map = imbl::OrdMap<Term, Term>;

/// A function value.
#[derive(Debug)]
pub struct Closure {
    pub kind: FunKind,
    /// Captured variables, passed after the arguments when called.
    pub env: Box<[Term]>,
}

/// What a function value calls.
#[derive(Debug)]
pub enum FunKind {
    /// An anonymous `fn` compiled as function `index` of `module` (the very
    /// version that created it, so it survives a module reload).
    Lambda {
        module: &'static Module,
        index: u32,
        arity: u32,
    },
    /// `&Mod.fun/arity`, resolved through the code server at each call.
    External {
        module: Atom,
        name: Atom,
        arity: u32,
    },
}

impl Closure {
    /// Number of arguments the function takes.
    pub fn arity(&self) -> u32 {
        match self.kind {
            FunKind::Lambda { arity, .. } | FunKind::External { arity, .. } => arity,
        }
    }
}

impl Term {
    pub const TRUE: Term = Term::Atom(Atom::TRUE);
    pub const FALSE: Term = Term::Atom(Atom::FALSE);
    pub const NIL: Term = Term::Atom(Atom::NIL);
    pub const OK: Term = Term::Atom(Atom::OK);

    pub fn atom(name: &str) -> Term {
        Term::Atom(Atom::intern(name))
    }

    pub fn bool(b: bool) -> Term {
        Term::Atom(Atom::from_bool(b))
    }

    /// A UTF-8 string as a binary.
    pub fn string(s: &str) -> Term {
        Term::Binary(Arc::new(Binary(s.as_bytes().into())))
    }

    pub fn binary(bytes: Vec<u8>) -> Term {
        Term::Binary(Arc::new(Binary(bytes.into_boxed_slice())))
    }

    pub fn tuple(elems: impl IntoIterator<Item = Term>) -> Term {
        Term::Tuple(Arc::new(Tuple(elems.into_iter().collect())))
    }

    pub fn cons(head: Term, tail: Term) -> Term {
        Term::Cons(Arc::new(Cons { head, tail }))
    }

    /// A proper list of `items`, built from the back.
    pub fn list(items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>) -> Term {
        Term::list_with_tail(items, Term::EmptyList)
    }

    /// `[items | tail]`.
    pub fn list_with_tail(
        items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>,
        tail: Term,
    ) -> Term {
        items
            .into_iter()
            .rev()
            .fold(tail, |acc, t| Term::cons(t, acc))
    }

    pub fn map(map: Map) -> Term {
        Term::Map(Arc::new(map))
    }

    /// An integer from a big integer, demoted to [`Term::Int`] when it fits.
    pub fn from_bigint(b: BigInt) -> Term {
        match b.to_i64() {
            Some(i) => Term::Int(i),
            None => Term::Big(Arc::new(b)),
        }
    }

    /// Whether the term may hold further terms that hold terms in turn (a
    /// list cell, tuple, map or closure), so that dropping it may recurse.
    #[inline(always)]
    pub fn is_nesting(&self) -> bool {
        matches!(
            self,
            Term::Cons(_) | Term::Tuple(_) | Term::Map(_) | Term::Fun(_)
        )
    }

    /// Whether the term holds no reference count (dropping it is a no-op).
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Term::Int(_)
                | Term::Float(_)
                | Term::Atom(_)
                | Term::Pid(_)
                | Term::Ref(_)
                | Term::EmptyList
        )
    }

    pub fn is_truthy(&self) -> bool {
        !matches!(self, Term::Atom(a) if *a == Atom::FALSE || *a == Atom::NIL)
    }

    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Term::Binary(b) => std::str::from_utf8(&b.0).ok(),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Term]> {
        match self {
            Term::Tuple(t) => Some(&t.0),
            _ => None,
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_) | Term::Float(_))
    }

    pub fn is_integer(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_))
    }

    pub fn is_list(&self) -> bool {
        matches!(self, Term::EmptyList | Term::Cons(_))
    }

    /// Iterates a list's elements; stops at the first non-list tail (see
    /// [`ListIter::tail`] after iteration to check for an improper list).
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// Collects a proper list into a vector; `None` for an improper list or
    /// a non-list.
    pub fn list_to_vec(&self) -> Option<Vec<Term>> {
        let mut it = self.iter_list();
        let v: Vec<Term> = it.by_ref().cloned().collect();
        matches!(it.cur, Term::EmptyList).then_some(v)
    }

    /// The rank of the term's type in Erlang term order: number < atom <
    /// reference < fun < port < pid < tuple < map < list < binary (Erlang
    /// Reference Manual, Term Comparisons).
    fn type_rank(&self) -> u8 {
        match self {
            Term::Int(_) | Term::Big(_) | Term::Float(_) => 0,
            Term::Atom(_) => 1,
            Term::Ref(_) => 2,
            Term::Fun(_) => 3,
            Term::Pid(_) => 5,
            Term::Tuple(_) => 6,
            Term::Map(_) => 7,
            Term::EmptyList | Term::Cons(_) => 8,
            Term::Binary(_) => 9,
        }
    }

    /// Erlang's arithmetic term order, where `1 == 1.0` (used by `<`, `==`,
    /// `Enum.sort/1`, ...). Erlang Reference Manual, Term Comparisons.
    pub fn compare(&self, other: &Term) -> Ordering {
        self.order(other, false)
    }

    /// `==`: equal in arithmetic term order (`1 == 1.0`).
    pub fn loose_eq(&self, other: &Term) -> bool {
        self.compare(other) == Ordering::Equal
    }

    fn order(&self, other: &Term, exact: bool) -> Ordering {
        use Term::*;
        match (self, other) {
            (Int(a), Int(b)) => a.cmp(b),
            (Float(a), Float(b)) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            (Atom(a), Atom(b)) => {
                if a == b {
                    Ordering::Equal
                } else {
                    a.name().as_bytes().cmp(b.name().as_bytes())
                }
            }
            (a, b) if a.is_number() && b.is_number() => compare_numbers(a, b, exact),
            (Pid(a), Pid(b)) => a.cmp(b),
            (Ref(a), Ref(b)) => a.cmp(b),
            (Tuple(a), Tuple(b)) => a.0.len().cmp(&b.0.len()).then_with(|| {
                for (x, y) in a.0.iter().zip(b.0.iter()) {
                    let o = x.order(y, exact);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            }),
            (Map(a), Map(b)) => compare_maps(a, b, exact),
            (EmptyList | Cons(_), EmptyList | Cons(_)) => compare_lists(self, other, exact),
            (Binary(a), Binary(b)) => a.0.cmp(&b.0),
            (Fun(a), Fun(b)) => (Arc::as_ptr(a) as usize).cmp(&(Arc::as_ptr(b) as usize)),
            _ => self.type_rank().cmp(&other.type_rank()),
        }
    }
}

fn compare_numbers(a: &Term, b: &Term, exact: bool) -> Ordering {
    use Term::*;
    match (a, b) {
        (Int(x), Big(y)) => BigInt::from(*x).cmp(y),
        (Big(x), Int(y)) => (**x).cmp(&BigInt::from(*y)),
        (Big(x), Big(y)) => x.cmp(y),
        // In map-key (exact) order every integer sorts before every float.
        (Float(_), _) if exact => Ordering::Greater,
        (_, Float(_)) if exact => Ordering::Less,
        (Float(x), _) => cmp_float_int(*x, b),
        (_, Float(y)) => cmp_float_int(*y, a).reverse(),
        _ => Ordering::Equal,
    }
}

/// Compares a float with an integer term (`Int` or `Big`) exactly.
fn cmp_float_int(f: f64, i: &Term) -> Ordering {
    if let Term::Int(n) = i {
        if n.unsigned_abs() < (1u64 << 53) {
            return f.partial_cmp(&(*n as f64)).unwrap_or(Ordering::Equal);
        }
    }
    let big = match i {
        Term::Int(n) => BigInt::from(*n),
        Term::Big(b) => (**b).clone(),
        _ => return Ordering::Equal,
    };
    let whole = f.trunc();
    match BigInt::from_f64(whole) {
        // An integral float converts exactly; a fraction breaks the tie.
        Some(fb) => fb.cmp(&big).then(
            whole
                .partial_cmp(&f)
                .map_or(Ordering::Equal, Ordering::reverse),
        ),
        None if f > 0.0 => Ordering::Greater,
        None => Ordering::Less,
    }
}

/// Maps compare by size, then by keys in map-key order, then by values.
fn compare_maps(a: &Map, b: &Map, exact: bool) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| {
            for (x, y) in a.keys().zip(b.keys()) {
                let o = x.order(y, true);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        })
        .then_with(|| {
            for (x, y) in a.values().zip(b.values()) {
                let o = x.order(y, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        })
}

fn compare_lists(a: &Term, b: &Term, exact: bool) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x, y) {
            (Term::EmptyList, Term::EmptyList) => return Ordering::Equal,
            (Term::EmptyList, Term::Cons(_)) => return Ordering::Less,
            (Term::Cons(_), Term::EmptyList) => return Ordering::Greater,
            (Term::Cons(c), Term::Cons(d)) => {
                let o = c.head.order(&d.head, exact);
                if o != Ordering::Equal {
                    return o;
                }
                x = &c.tail;
                y = &d.tail;
            }
            _ => return x.order(y, exact),
        }
    }
}

/// `===` equality and map-key order: a total order where `1` and `1.0` are
/// distinct (the integer first).
impl Ord for Term {
    fn cmp(&self, other: &Term) -> Ordering {
        self.order(other, true)
    }
}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Term) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `===`: the same as `cmp(other) == Equal`, compared structurally
/// without ordering (atoms by index, not by name; lists and maps element
/// by element, stopping at the first difference).
impl PartialEq for Term {
    fn eq(&self, other: &Term) -> bool {
        use Term::*;
        let (mut x, mut y) = (self, other);
        // Lists walk their tails here rather than recursing.
        loop {
            return match (x, y) {
                (Int(a), Int(b)) => a == b,
                // `0.0 === -0.0` on OTP 25, as `partial_cmp` has it.
                (Float(a), Float(b)) => a == b,
                (Atom(a), Atom(b)) => a == b,
                (Pid(a), Pid(b)) => a == b,
                (Ref(a), Ref(b)) => a == b,
                (EmptyList, EmptyList) => true,
                (Big(a), Big(b)) => a == b,
                (Binary(a), Binary(b)) => Arc::ptr_eq(a, b) || a.0 == b.0,
                (Tuple(a), Tuple(b)) => {
                    Arc::ptr_eq(a, b)
                        || (a.0.len() == b.0.len()
                            && a.0.iter().zip(b.0.iter()).all(|(p, q)| p == q))
                }
                (Map(a), Map(b)) => {
                    Arc::ptr_eq(a, b)
                        || (a.len() == b.len()
                            && a.keys().zip(b.keys()).all(|(p, q)| p == q)
                            && a.values().zip(b.values()).all(|(p, q)| p == q))
                }
                (Fun(a), Fun(b)) => Arc::ptr_eq(a, b),
                (Cons(a), Cons(b)) => {
                    if Arc::ptr_eq(a, b) {
                        return true;
                    }
                    if a.head != b.head {
                        return false;
                    }
                    x = &a.tail;
                    y = &b.tail;
                    continue;
                }
                _ => false,
            };
        }
    }
}

impl Eq for Term {}

/// Iterator over list elements, see [`Term::iter_list`].
pub struct ListIter<'a> {
    cur: &'a Term,
}

impl<'a> ListIter<'a> {
    /// What is left: `[]` after a proper list, the improper tail otherwise.
    pub fn tail(&self) -> &'a Term {
        self.cur
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Term;

    fn next(&mut self) -> Option<&'a Term> {
        match self.cur {
            Term::Cons(c) => {
                self.cur = &c.tail;
                Some(&c.head)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_order_follows_erlang() {
        let ordered = [
            Term::Int(1),
            Term::atom("a"),
            Term::Ref(Ref(1)),
            Term::Pid(Pid(1)),
            Term::tuple([]),
            Term::map(Map::new()),
            Term::EmptyList,
            Term::string("a"),
        ];
        for w in ordered.windows(2) {
            assert_eq!(
                w[0].compare(&w[1]),
                Ordering::Less,
                "{:?} < {:?}",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn numbers_compare_across_kinds() {
        assert!(Term::Int(1).loose_eq(&Term::Float(1.0)));
        assert_ne!(Term::Int(1), Term::Float(1.0));
        assert_eq!(Term::Int(1).cmp(&Term::Float(1.0)), Ordering::Less);
        assert_eq!(Term::Int(2).cmp(&Term::Float(1.0)), Ordering::Less);
        assert_eq!(Term::Int(2).compare(&Term::Float(1.0)), Ordering::Greater);
        let big = Term::from_bigint(BigInt::from(i64::MAX) * 4);
        assert_eq!(big.compare(&Term::Float(1.0e30)), Ordering::Less);
        assert_eq!(big.compare(&Term::Int(5)), Ordering::Greater);
        assert_eq!(Term::Float(2.5).compare(&Term::Int(2)), Ordering::Greater);
    }

    #[test]
    fn strict_equality_agrees_with_term_order() {
        let map = |pairs: &[(&str, Term)]| {
            let mut m = Map::new();
            for (k, v) in pairs {
                m.insert(Term::atom(k), v.clone());
            }
            Term::map(m)
        };
        // Equal terms built separately, so that no comparison is decided
        // by sharing.
        let build = || {
            vec![
                Term::Int(1),
                Term::Float(1.0),
                Term::Float(-0.0),
                Term::Float(0.0),
                Term::atom("a"),
                Term::atom("b"),
                Term::EmptyList,
                Term::list(vec![Term::Int(1), Term::atom("a")]),
                Term::list(vec![Term::Int(1), Term::Float(1.0)]),
                Term::tuple([Term::Int(1), Term::string("x")]),
                Term::tuple([Term::Float(1.0), Term::string("x")]),
                map(&[("a", Term::Int(1)), ("b", Term::EmptyList)]),
                map(&[("a", Term::Float(1.0)), ("b", Term::EmptyList)]),
                map(&[("a", Term::Int(1))]),
                Term::string("x"),
            ]
        };
        let (xs, ys) = (build(), build());
        for x in &xs {
            for y in &ys {
                assert_eq!(x == y, x.cmp(y) == Ordering::Equal, "{x:?} vs {y:?}");
            }
        }
    }

    #[test]
    fn long_lists_drop_without_overflow() {
        let l = Term::list((0..2_000_000).map(Term::Int));
        drop(l);
    }

    #[test]
    fn lists_compare_elementwise_then_by_length() {
        let a = Term::list([Term::Int(1), Term::Int(2)]);
        let b = Term::list([Term::Int(1), Term::Int(3)]);
        let c = Term::list([Term::Int(1)]);
        assert_eq!(a.compare(&b), Ordering::Less);
        assert_eq!(c.compare(&a), Ordering::Less);
        let improper = Term::list_with_tail([Term::Int(1)], Term::Int(2));
        assert_eq!(improper.compare(&c), Ordering::Less);
    }
}
