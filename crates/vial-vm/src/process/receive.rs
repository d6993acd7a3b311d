//! Receive analysis: skipping mailbox messages that a `receive` cannot
//! match, without running its patterns on them.
//!
//! A `receive` compiles to `RecvPeek`, then for each clause a chain of
//! pattern tests that jump to the next clause on failure, a guard, and
//! `RecvAccept`; `RecvNext` after the last clause tries the next message.
//! Read once per receive site (and cached), that code gives each clause's
//! *necessary conditions*: structural tests on parts of the message and
//! exact (`===`) comparisons of parts of the message with a constant or
//! with a register the clauses never write (a pinned variable). Two
//! optimisations use them.
//!
//! # The receive marker
//!
//! The BEAM's `recv_mark`/`recv_set`, done at run time, so that
//! `GenServer.call` costs the same however full the caller's mailbox is.
//!
//! 1. Creating a reference (`make_ref/0`, `Process.monitor/1`, an alias)
//!    records the *marker* `(ref, n)` in the process, `n` being the length
//!    of its private mailbox at that moment. Removing mailbox message
//!    `i < n` moves the marker down by one ([`Process::remove_message`]), so
//!    it always points just after the last message that was in the mailbox
//!    when `ref` was made.
//! 2. When a `receive` starts (save position 0) with a marker `(ref, n)`,
//!    `n > 0`, and *every* clause has a necessary condition "this part of
//!    the message `===` register `x`" where `x` holds `ref` now and no
//!    clause writes `x`, the scan starts at `n`.
//!
//! Why it is safe: a reference is unique and exists only from the moment it
//! is made, so no message sent before then can contain it. The `n` messages
//! before the marker were already in the mailbox then, so none contains
//! `ref`, and by (2) no clause can match one of them: skipping them changes
//! nothing but the time spent.
//!
//! # The prefilter
//!
//! When at least [`PREFILTER_MIN`] messages remain to be tried, messages
//! that fail a necessary condition of every clause are passed over in a
//! native loop, without copying them into registers and interpreting the
//! patterns (a `receive` on `{:reply, ^tag, v}` over thousands of unrelated
//! messages). Skipping a message no clause can match is exactly what trying
//! it would do. When the prefilter found that the first message it tried
//! may match (a consumer draining a backlog), the next receive from the
//! oldest message goes without it ([`Process::first_matched`]); should that
//! message fail, the receive moves on and the prefilter runs from the next
//! one.
//!
//! # What the analysis trusts
//!
//! Only the instructions listed in [`Reader::test`] count as pattern tests;
//! the clause's test part, up to its `RecvAccept`, must consist of
//! instructions whose written registers [`writes`] knows, with jumps that
//! stay inside the receive; a register compared with the message must not be
//! written by any clause; every test of a clause must fail to the same
//! label, which must be where the next clause starts. Anything else gives a
//! clause no conditions (it may match anything), or no analysis at all.

use super::mailbox::Message;
use super::Process;
use crate::bytecode::{Instr, Label, Reg, HANDLER_REGS};
use crate::term::{Ref, Term};
use ahash::AHashMap;
use parking_lot::RwLock;
use smallvec::SmallVec;
use std::sync::{Arc, OnceLock};

/// The prefilter runs only when at least this many messages remain to be
/// tried (below that, interpreting the patterns is as cheap).
pub const PREFILTER_MIN: usize = 16;

/// A step from a term to one of its parts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Elem(u16),
    Head,
    Tail,
}

/// A part of the message: the steps from the message to it.
type Path = SmallVec<[Step; 3]>;

/// A necessary condition of a clause on the message.
#[derive(Clone, Debug, PartialEq)]
enum Cond {
    Tuple(Path, u16),
    Cons(Path),
    Nil(Path),
    Map(Path),
    /// The part `===` register `x` (as it is when the receive runs).
    EqReg(Path, Reg),
    /// The part `===` the module literal `lit`.
    EqLit(Path, u32),
    /// The part `===` an immediate (a small integer or an atom).
    EqImm(Path, Term),
}

/// What is known of one receive site.
#[derive(Debug)]
pub struct Shape {
    /// Identifies the site: the function's code address and the `RecvPeek`
    /// index.
    key: (usize, u32),
    /// Necessary conditions of each clause, in clause order.
    clauses: Vec<Vec<Cond>>,
    /// Every clause has a condition: the prefilter can reject messages.
    filters: bool,
}

/// Where a register's value came from, while reading a clause.
#[derive(Clone, Debug, PartialEq)]
enum Origin {
    /// Unchanged since the receive started.
    Entry(Reg),
    /// A part of the message.
    Part(Path),
    /// A module literal.
    Lit(u32),
    Other,
}

/// Reads one clause, tracking register origins.
struct Reader {
    origins: SmallVec<[(Reg, Origin); 16]>,
}

impl Reader {
    fn get(&self, r: Reg) -> Origin {
        self.origins
            .iter()
            .rev()
            .find(|(reg, _)| *reg == r)
            .map_or(Origin::Entry(r), |(_, o)| o.clone())
    }

    fn set(&mut self, r: Reg, o: Origin) {
        self.origins.push((r, o));
    }

    fn part(&self, r: Reg) -> Option<Path> {
        match self.get(r) {
            Origin::Part(p) => Some(p),
            _ => None,
        }
    }

    fn derive(&mut self, src: Reg, dst: Reg, step: Step) {
        let o = match self.part(src) {
            Some(mut p) => {
                p.push(step);
                Origin::Part(p)
            }
            None => Origin::Other,
        };
        self.set(dst, o);
    }

    /// Reads a pattern instruction: `Some(fail label)` for a test (with its
    /// condition, if any, pushed on `conds`), `Some(None)` for a move, or
    /// `None` when `instr` is not part of a pattern.
    fn test(&mut self, instr: &Instr, conds: &mut Vec<Cond>) -> Option<Option<Label>> {
        Some(match *instr {
            Instr::Move { src, dst } => {
                self.moved(src, dst);
                None
            }
            Instr::Take { src, dst } => {
                self.moved(src, dst);
                self.set(src, Origin::Other);
                None
            }
            Instr::Move2 { .. } | Instr::Move3 { .. } => {
                for (src, dst) in instr.fused_moves() {
                    self.moved(src, dst);
                }
                None
            }
            Instr::Literal { lit, dst } => {
                self.set(dst, Origin::Lit(lit));
                None
            }
            Instr::Int { dst, .. } => {
                self.set(dst, Origin::Other);
                None
            }
            Instr::GetElem { src, index, dst } => {
                self.derive(src, dst, Step::Elem(index));
                None
            }
            Instr::IsTuple { src, arity, fail } => {
                if let Some(p) = self.part(src) {
                    conds.push(Cond::Tuple(p, arity));
                }
                Some(fail)
            }
            Instr::IsCons {
                src,
                head,
                tail,
                fail,
            } => {
                if let Some(p) = self.part(src) {
                    conds.push(Cond::Cons(p));
                }
                self.derive(src, head, Step::Head);
                self.derive(src, tail, Step::Tail);
                Some(fail)
            }
            Instr::IsEmptyList { src, fail } => {
                if let Some(p) = self.part(src) {
                    conds.push(Cond::Nil(p));
                }
                Some(fail)
            }
            Instr::IsMap { src, fail } => {
                if let Some(p) = self.part(src) {
                    conds.push(Cond::Map(p));
                }
                Some(fail)
            }
            Instr::GetMapValue { dst, fail, .. } => {
                self.set(dst, Origin::Other);
                Some(fail)
            }
            Instr::IsBinaryPrefix { rest, fail, .. } => {
                self.set(rest, Origin::Other);
                Some(fail)
            }
            Instr::IsEq { a, b, fail } => {
                match (self.get(a), self.get(b)) {
                    (Origin::Part(p), Origin::Entry(x)) | (Origin::Entry(x), Origin::Part(p)) => {
                        conds.push(Cond::EqReg(p, x))
                    }
                    (Origin::Part(p), Origin::Lit(l)) | (Origin::Lit(l), Origin::Part(p)) => {
                        conds.push(Cond::EqLit(p, l))
                    }
                    _ => {}
                }
                Some(fail)
            }
            Instr::IsEqInt { a, imm, fail } => {
                self.eq_imm(a, Term::Int(imm as i64), conds);
                Some(fail)
            }
            Instr::IsEqAtom { a, atom, fail } => {
                self.eq_imm(a, Term::Atom(atom), conds);
                Some(fail)
            }
            _ => return None,
        })
    }

    fn moved(&mut self, src: Reg, dst: Reg) {
        let o = self.get(src);
        self.set(dst, o);
    }

    fn eq_imm(&self, a: Reg, imm: Term, conds: &mut Vec<Cond>) {
        if let Origin::Part(p) = self.get(a) {
            conds.push(Cond::EqImm(p, imm));
        }
    }
}

/// The registers `instr` writes, or `None` for an instruction that has no
/// business in a clause's pattern and guard.
fn writes(instr: &Instr) -> Option<SmallVec<[Reg; 3]>> {
    use Instr::*;
    let one = |r: Reg| Some(SmallVec::from_slice(&[r]));
    match *instr {
        GetMapValue { dst, .. } => one(dst),
        IsBinaryPrefix { rest, .. } => one(rest),
        Take { src, dst } => Some(SmallVec::from_slice(&[src, dst])),
        Move2 { d1, d2, .. } => Some(SmallVec::from_slice(&[d1, d2])),
        Move3 { d1, d2, d3, .. } => Some(SmallVec::from_slice(&[d1, d2, d3])),
        IsCons { head, tail, .. } => Some(SmallVec::from_slice(&[head, tail])),
        TryBegin { dst, .. } => Some((dst..dst + HANDLER_REGS).collect()),
        JumpUnlessCompare { .. }
        | JumpUnlessCompareImm { .. }
        | IsEqInt { .. }
        | IsEqAtom { .. }
        | Jump { .. }
        | JumpIfFalsy { .. }
        | JumpUnlessTrue { .. }
        | IsEq { .. }
        | IsTuple { .. }
        | IsEmptyList { .. }
        | IsMap { .. }
        | TryEnd => Some(SmallVec::new()),
        _ => instr.dst().and_then(one),
    }
}

/// The jump target of a jump instruction inside a guard.
fn jump_target(instr: &Instr) -> Option<Label> {
    match *instr {
        Instr::Jump { target }
        | Instr::JumpIfFalsy { target, .. }
        | Instr::JumpUnlessTrue { target, .. }
        | Instr::JumpUnlessCompare { target, .. }
        | Instr::JumpUnlessCompareImm { target, .. } => Some(target),
        Instr::TryBegin { handler, .. } => Some(handler),
        _ => None,
    }
}

/// Reads the receive whose `RecvPeek` (message register `msg`) is at
/// `peek` in `code`. `None`: nothing can be skipped.
fn analyse(code: &[Instr], peek: usize, msg: Reg) -> Option<Shape> {
    let mut clauses = Vec::new();
    let mut written: SmallVec<[Reg; 16]> = SmallVec::new();
    let mut start = peek + 1;
    loop {
        if let Instr::RecvNext { peek: back } = code.get(start)? {
            if *back as usize == peek {
                break;
            }
        }
        let mut reader = Reader {
            origins: SmallVec::new(),
        };
        reader.set(msg, Origin::Part(Path::new()));
        let mut conds = Vec::new();
        let mut fail: Option<Label> = None;
        let mut in_pattern = true;
        let mut i = start;
        loop {
            let instr = code.get(i)?;
            if matches!(instr, Instr::RecvAccept) {
                break;
            }
            if in_pattern {
                let mut more = Vec::new();
                match reader.test(instr, &mut more) {
                    Some(Some(l)) => match fail {
                        None => fail = Some(l),
                        Some(f) if f == l => {}
                        // Tests failing to different places: not a shape
                        // this analysis knows.
                        Some(_) => return None,
                    },
                    Some(None) => {}
                    None => in_pattern = false,
                }
                if in_pattern {
                    conds.extend(more);
                }
            }
            written.extend(writes(instr)?);
            if let Some(t) = jump_target(instr) {
                if (t as usize) < start || fail.is_some_and(|f| t > f) {
                    return None;
                }
            }
            i += 1;
        }
        // A clause without a test matches every message.
        let next = fail? as usize;
        if next <= i {
            return None;
        }
        clauses.push(conds);
        start = next;
        if clauses.len() > 64 {
            return None;
        }
    }
    if clauses.is_empty() || written.contains(&msg) {
        return None;
    }
    // A register some clause writes does not hold its entry value when
    // a later clause (or the next message's clauses) reads it.
    for conds in &mut clauses {
        conds.retain(|c| !matches!(c, Cond::EqReg(_, x) if written.contains(x)));
    }
    let filters = clauses.iter().all(|c| !c.is_empty());
    Some(Shape {
        key: (code.as_ptr() as usize, peek as u32),
        clauses,
        filters,
    })
}

/// The part of `msg` at `path`, if it has one.
fn part<'a>(msg: &'a Term, path: &[Step]) -> Option<&'a Term> {
    let mut t = msg;
    for step in path {
        t = match (step, t) {
            (Step::Elem(i), Term::Tuple(tuple)) => tuple.0.get(*i as usize)?,
            (Step::Head, Term::Cons(c)) => &c.head,
            (Step::Tail, Term::Cons(c)) => &c.tail,
            _ => return None,
        };
    }
    Some(t)
}

/// `===`, deciding the common cases (immediates, different types) without
/// the general term comparison.
fn exact_eq(a: &Term, b: &Term) -> bool {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x == y,
        (Term::Atom(x), Term::Atom(y)) => x == y,
        (Term::Pid(x), Term::Pid(y)) => x == y,
        (Term::Ref(x), Term::Ref(y)) => x == y,
        _ if std::mem::discriminant(a) != std::mem::discriminant(b) => false,
        _ => a == b,
    }
}

impl Cond {
    /// Whether `msg` may satisfy the condition (`true` when unsure).
    fn holds(&self, msg: &Message, regs: &[Term], literals: &[Term]) -> bool {
        let (Cond::Tuple(p, _)
        | Cond::Cons(p)
        | Cond::Nil(p)
        | Cond::Map(p)
        | Cond::EqReg(p, _)
        | Cond::EqLit(p, _)
        | Cond::EqImm(p, _)) = self;
        // The message's summary answers the common conditions (its size,
        // its first element) without following its pointer.
        let t = match (p.as_slice(), &msg.first) {
            ([], _) => match self {
                Cond::Tuple(_, n) => return msg.arity == *n as u32,
                _ => &msg.term,
            },
            ([Step::Elem(0)], Some(first)) => first,
            _ => match part(&msg.term, p) {
                Some(t) => t,
                None => return true,
            },
        };
        match self {
            Cond::Tuple(_, n) => matches!(t, Term::Tuple(tuple) if tuple.0.len() == *n as usize),
            Cond::Cons(_) => matches!(t, Term::Cons(_)),
            Cond::Nil(_) => matches!(t, Term::EmptyList),
            Cond::Map(_) => matches!(t, Term::Map(_)),
            Cond::EqReg(_, x) => regs.get(*x as usize).is_none_or(|v| exact_eq(v, t)),
            Cond::EqLit(_, l) => literals.get(*l as usize).is_none_or(|v| exact_eq(v, t)),
            Cond::EqImm(_, v) => exact_eq(v, t),
        }
    }
}

impl Shape {
    /// Whether some clause may match `msg`.
    fn may_match(&self, msg: &Message, regs: &[Term], literals: &[Term]) -> bool {
        self.clauses
            .iter()
            .any(|conds| conds.iter().all(|c| c.holds(msg, regs, literals)))
    }

    /// Each clause's conditions on a message's summary, with the values
    /// they compare against read from `regs` and `literals` (which stay
    /// the same for a whole scan).
    fn quick<'a>(&'a self, regs: &'a [Term], literals: &'a [Term]) -> SmallVec<[Quick<'a>; 4]> {
        let first = |p: &Path| p[..] == [Step::Elem(0)];
        self.clauses
            .iter()
            .map(|conds| {
                let mut q = Quick {
                    arity: None,
                    first: None,
                };
                for c in conds {
                    match c {
                        Cond::Tuple(p, n) if p.is_empty() => q.arity = Some(*n as u32),
                        Cond::EqReg(p, x) if first(p) => q.first = regs.get(*x as usize),
                        Cond::EqLit(p, l) if first(p) => q.first = literals.get(*l as usize),
                        Cond::EqImm(p, v) if first(p) => q.first = Some(v),
                        _ => {}
                    }
                }
                q
            })
            .collect()
    }

    /// Whether every clause needs a part of the message `===` `want`.
    fn needs(&self, regs: &[Term], want: &Term) -> bool {
        self.clauses.iter().all(|conds| {
            conds.iter().any(|c| match c {
                Cond::EqReg(_, x) => regs.get(*x as usize) == Some(want),
                _ => false,
            })
        })
    }
}

/// A clause's necessary conditions that a message's summary answers: its
/// tuple size and the value its first element is `===` to.
struct Quick<'a> {
    arity: Option<u32>,
    first: Option<&'a Term>,
}

impl Quick<'_> {
    /// Whether the clause may match the message (`true` when unsure).
    fn admits(&self, msg: &Message) -> bool {
        self.arity.is_none_or(|n| n == msg.arity)
            && match (self.first, &msg.first) {
                (Some(want), Some(got)) => exact_eq(want, got),
                _ => true,
            }
    }
}

/// The analysis of every receive site seen so far (code is never unloaded:
/// modules live for the whole run).
type ShapeCache = RwLock<AHashMap<(usize, u32), Option<Arc<Shape>>>>;

fn cache() -> &'static ShapeCache {
    static CACHE: OnceLock<ShapeCache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The shape of a receive site: the process's last one (taken out of the
/// process; the caller puts it back), else the cache.
fn shape_of(p: &mut Process, code: &[Instr], peek: usize, msg: Reg) -> Option<Arc<Shape>> {
    let key = (code.as_ptr() as usize, peek as u32);
    if let Some(s) = p.shape.take() {
        if s.key == key {
            return Some(s);
        }
    }
    let cached = cache().read().get(&key).cloned();
    match cached {
        Some(s) => s,
        None => {
            let s = analyse(code, peek, msg).map(Arc::new);
            cache().write().insert(key, s.clone());
            s
        }
    }
}

/// Called by `RecvPeek` (at `peek` in `code`, message register `msg`,
/// frame registers from `base`) before it loads message `p.save`: moves
/// the save position past messages the receive cannot match (see the
/// module documentation).
pub fn skip(
    p: &mut Process,
    code: &[Instr],
    peek: usize,
    msg: Reg,
    base: usize,
    literals: &[Term],
) {
    let len = p.mailbox.len();
    let mark = match p.mark {
        Some((r, n)) if p.save == 0 && n > 0 => Some((r, n)),
        _ => None,
    };
    if mark.is_none() && len.saturating_sub(p.save) < PREFILTER_MIN {
        return;
    }
    let Some(shape) = shape_of(p, code, peek, msg) else {
        return;
    };
    let regs = &p.regs[base..];
    if let Some((want, n)) = mark {
        if shape.needs(regs, &Term::Ref(want)) {
            p.save = (n as usize).min(len);
        }
    }
    if len.saturating_sub(p.save) >= PREFILTER_MIN && shape.filters {
        let mut save = p.save;
        // A receive draining a backlog usually matches the first message:
        // try it before preparing the summary checks for a scan.
        let first = p.mailbox.message(save);
        let matched = first.is_some_and(|msg| shape.may_match(msg, regs, literals));
        p.first_matched = matched;
        if !matched {
            save += 1;
            let quick = shape.quick(regs, literals);
            while let Some(msg) = p.mailbox.message(save) {
                if quick.iter().any(|q| q.admits(msg)) && shape.may_match(msg, regs, literals) {
                    break;
                }
                save += 1;
            }
        }
        p.save = save.min(len);
    }
    p.shape = Some(shape);
}

/// The marker for reference `r` (see the module documentation).
pub fn mark(p: &mut Process, r: Ref) {
    p.mark = Some((r, p.mailbox.len().min(u32::MAX as usize) as u32));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `receive do {^ref, v} -> v; {:DOWN, ^ref, _, _, r} -> r end` with the
    /// message in r9, the ref in r1, literal 0 = `:DOWN`.
    fn call_receive() -> Vec<Instr> {
        vec![
            /* 0 */ Instr::RecvPeek { dst: 9, wait: 14 },
            /* 1 */
            Instr::IsTuple {
                src: 9,
                arity: 2,
                fail: 6,
            },
            /* 2 */
            Instr::GetElem {
                src: 9,
                index: 0,
                dst: 10,
            },
            /* 3 */
            Instr::IsEq {
                a: 10,
                b: 1,
                fail: 6,
            },
            /* 4 */
            Instr::GetElem {
                src: 9,
                index: 1,
                dst: 11,
            },
            /* 5 */ Instr::RecvAccept,
            /* 6 */
            Instr::IsTuple {
                src: 9,
                arity: 5,
                fail: 13,
            },
            /* 7 */
            Instr::GetElem {
                src: 9,
                index: 0,
                dst: 12,
            },
            /* 8 */ Instr::Literal { lit: 0, dst: 13 },
            /* 9 */
            Instr::IsEq {
                a: 12,
                b: 13,
                fail: 13,
            },
            /* 10 */
            Instr::GetElem {
                src: 9,
                index: 1,
                dst: 14,
            },
            /* 11 */
            Instr::IsEq {
                a: 14,
                b: 1,
                fail: 13,
            },
            /* 12 */ Instr::RecvAccept,
            /* 13 */ Instr::RecvNext { peek: 0 },
        ]
    }

    fn regs_with(r1: Term) -> Vec<Term> {
        let mut regs = vec![Term::NIL; 16];
        regs[1] = r1;
        regs
    }

    fn lits() -> Vec<Term> {
        vec![Term::atom("DOWN")]
    }

    #[test]
    fn every_clause_on_the_ref_needs_it() {
        let s = analyse(&call_receive(), 0, 9).expect("shape");
        assert_eq!(s.clauses.len(), 2);
        let r = Term::Ref(Ref(7));
        assert!(s.needs(&regs_with(r.clone()), &r));
        assert!(!s.needs(&regs_with(Term::Ref(Ref(8))), &r));
        assert!(!s.needs(&regs_with(Term::Int(7)), &r));
    }

    #[test]
    fn prefilter_rejects_what_no_clause_matches() {
        let s = analyse(&call_receive(), 0, 9).expect("shape");
        let regs = regs_with(Term::Ref(Ref(7)));
        let junk = Term::tuple([Term::atom("junk"), Term::Int(1)]);
        assert!(!s.may_match(&Message::new(junk), &regs, &lits()));
        let reply = Term::tuple([Term::Ref(Ref(7)), Term::Int(1)]);
        assert!(s.may_match(&Message::new(reply), &regs, &lits()));
        let down = Term::tuple([
            Term::atom("DOWN"),
            Term::Ref(Ref(7)),
            Term::NIL,
            Term::NIL,
            Term::NIL,
        ]);
        assert!(s.may_match(&Message::new(down), &regs, &lits()));
        assert!(!s.may_match(&Message::new(Term::Int(3)), &regs, &lits()));
    }

    #[test]
    fn summaries_reject_without_reading_the_message() {
        let s = analyse(&call_receive(), 0, 9).expect("shape");
        let regs = regs_with(Term::Ref(Ref(7)));
        let lits = lits();
        let quick = s.quick(&regs, &lits);
        let admitted = |t: Term| {
            let m = Message::new(t);
            quick.iter().any(|q| q.admits(&m))
        };
        assert!(!admitted(Term::tuple([Term::atom("junk"), Term::Int(1)])));
        assert!(admitted(Term::tuple([Term::Ref(Ref(7)), Term::Int(1)])));
        assert!(!admitted(Term::tuple([Term::Ref(Ref(8)), Term::Int(1)])));
        let down =
            |first: Term| Term::tuple([first, Term::Ref(Ref(7)), Term::NIL, Term::NIL, Term::NIL]);
        assert!(admitted(down(Term::atom("DOWN"))));
        assert!(!admitted(down(Term::atom("UP"))));
        // A boxed first element is not in the summary: the full check
        // decides.
        assert!(admitted(Term::tuple([Term::tuple([]), Term::Int(1)])));
        assert!(!admitted(Term::Int(3)));
    }

    #[test]
    fn a_catch_all_clause_gives_no_shape() {
        let code = vec![
            Instr::RecvPeek { dst: 9, wait: 4 },
            Instr::Move { src: 9, dst: 3 },
            Instr::RecvAccept,
            Instr::RecvNext { peek: 0 },
        ];
        assert!(analyse(&code, 0, 9).is_none());
    }

    #[test]
    fn a_register_written_by_a_clause_is_not_trusted() {
        let mut code = call_receive();
        // The first clause writes r1 (a guard temporary, say) after its
        // test: the second clause's comparison with r1 proves nothing.
        code[4] = Instr::Int { value: 5, dst: 1 };
        let s = analyse(&code, 0, 9).expect("shape");
        let r = Term::Ref(Ref(7));
        assert!(!s.needs(&regs_with(r.clone()), &r));
        // Overwritten before its own comparison: origin is not the entry.
        let mut code = call_receive();
        code[2] = Instr::Move { src: 9, dst: 1 };
        let s = analyse(&code, 0, 9).expect("shape");
        assert!(!s.needs(&regs_with(r.clone()), &r));
    }

    #[test]
    fn unknown_instructions_in_a_guard_give_no_shape() {
        let mut code = call_receive();
        code[4] = Instr::Return { src: 1 };
        assert!(analyse(&code, 0, 9).is_none());
    }
}
