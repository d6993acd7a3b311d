//! Register liveness over a finished function's code, and the pass that
//! uses it: a `Move` whose source register is not read again becomes a
//! `Take`, which moves the value out instead of copying it (for a boxed
//! term, no reference-count increment now and decrement later).
//!
//! Runs after labels are resolved, before moves are fused. The analysis
//! is the textbook backward data flow (live-in = reads ∪ (live-out − definite
//! writes), live-out = ∪ live-in of the successors) iterated to a fixed
//! point. It errs only towards "live": a write that happens on one outcome
//! of a test (`IsCons` writes its head and tail only on success) kills
//! nothing, and instructions that may or may not fall through are taken to
//! fall through. An exception can leave a `try` body at any instruction,
//! so a register live where a handler starts is never taken anywhere in
//! the function.

use vial_vm::bytecode::{Instr, Reg};

/// Turns each `Move` whose source is dead after it into a `Take`.
pub fn take_dead_moves(code: &mut [Instr], nregs: u16) {
    let live = Liveness::new(code, nregs);
    let mut pinned = Set::new(live.words);
    for instr in code.iter() {
        if let Instr::TryBegin { handler, .. } = *instr {
            pinned.union(live.live_in(handler as usize));
        }
    }
    let mut out = Set::new(live.words);
    for i in 0..code.len() {
        if let Instr::Move { src, dst } = code[i] {
            live.live_out(code, i, &mut out);
            if src != dst && !out.has(src) && !pinned.has(src) {
                code[i] = Instr::Take { src, dst };
            }
        }
    }
}

/// A set of registers.
#[derive(Clone, PartialEq)]
struct Set(Vec<u64>);

impl Set {
    fn new(words: usize) -> Set {
        Set(vec![0; words])
    }

    fn has(&self, r: Reg) -> bool {
        self.0
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }

    fn add(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w |= 1 << (r % 64);
        }
    }

    fn remove(&mut self, r: Reg) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w &= !(1 << (r % 64));
        }
    }

    fn union(&mut self, other: &[u64]) {
        for (a, b) in self.0.iter_mut().zip(other) {
            *a |= b;
        }
    }

    fn clear(&mut self) {
        self.0.iter_mut().for_each(|w| *w = 0);
    }
}

/// The registers live on entry to each instruction.
struct Liveness {
    words: usize,
    /// `words` words per instruction.
    live_in: Vec<u64>,
}

impl Liveness {
    fn new(code: &[Instr], nregs: u16) -> Liveness {
        let words = (nregs as usize).div_ceil(64).max(1);
        let mut live = Liveness {
            words,
            live_in: vec![0; code.len() * words],
        };
        let mut set = Set::new(words);
        loop {
            let mut changed = false;
            for i in (0..code.len()).rev() {
                live.live_out(code, i, &mut set);
                // A write on one outcome of a test only kills nothing.
                if let Some(r) = code[i].dst() {
                    set.remove(r);
                }
                reads(&code[i], |r| set.add(r));
                let slot = &mut live.live_in[i * words..(i + 1) * words];
                if slot != set.0.as_slice() {
                    slot.copy_from_slice(&set.0);
                    changed = true;
                }
            }
            if !changed {
                return live;
            }
        }
    }

    fn live_in(&self, i: usize) -> &[u64] {
        self.live_in
            .get(i * self.words..(i + 1) * self.words)
            .unwrap_or(&[])
    }

    /// The registers live after instruction `i`, into `out`.
    fn live_out(&self, code: &[Instr], i: usize, out: &mut Set) {
        out.clear();
        if falls_through(&code[i]) {
            out.union(self.live_in(i + 1));
        }
        for l in code[i].labels() {
            out.union(self.live_in(l as usize));
        }
    }
}

/// Whether execution may continue with the next instruction. Only the
/// instructions that certainly never do are excluded.
fn falls_through(instr: &Instr) -> bool {
    use Instr::*;
    !matches!(
        instr,
        Return { .. }
            | Jump { .. }
            | Fail { .. }
            | TailCallLocal { .. }
            | TailCallSelf { .. }
            | TailCallRemote { .. }
            | TailCallFun { .. }
            | TailCallDynamic { .. }
            | TailApply { .. }
            | Reraise { .. }
    )
}

/// Calls `f` with every register `instr` reads.
fn reads(instr: &Instr, mut f: impl FnMut(Reg)) {
    use Instr::*;
    let mut span = |start: Reg, n: u32| (0..n).for_each(|k| f(start + k as Reg));
    match *instr {
        Move { src, .. } | Take { src, .. } => span(src, 1),
        Move2 { s1, s2, .. } => [s1, s2].into_iter().for_each(|r| span(r, 1)),
        Move3 { s1, s2, s3, .. } => [s1, s2, s3].into_iter().for_each(|r| span(r, 1)),
        Literal { .. } | Int { .. } => {}
        MakeTuple { start, n, .. } | Interpolate { start, n, .. } => span(start, n as u32),
        MakeList { start, n, tail, .. } => {
            span(start, n as u32);
            span(tail, 1);
        }
        MakeMap { start, n, .. } => span(start, 2 * n as u32),
        UpdateMap { map, start, n, .. } => {
            span(map, 1);
            span(start, 2 * n as u32);
        }
        MakeClosure { env, n, .. } => span(env, n as u32),
        CallLocal { args, argc, .. }
        | TailCallLocal { args, argc, .. }
        | TailCallSelf { args, argc }
        | CallRemote { args, argc, .. }
        | TailCallRemote { args, argc, .. }
        | Apply { args, argc, .. }
        | TailApply { args, argc }
        | Bif { args, argc, .. } => span(args, argc as u32),
        CallFun {
            fun, args, argc, ..
        }
        | TailCallFun { fun, args, argc } => {
            span(fun, 1);
            span(args, argc as u32);
        }
        CallDynamic { args, argc, .. } | TailCallDynamic { args, argc } => {
            span(args, argc as u32 + 2)
        }
        Arith { a, b, .. }
        | Compare { a, b, .. }
        | JumpUnlessCompare { a, b, .. }
        | IsEq { a, b, .. } => {
            span(a, 1);
            span(b, 1);
        }
        ArithImm { a, .. }
        | JumpUnlessCompareImm { a, .. }
        | IsEqInt { a, .. }
        | IsEqAtom { a, .. } => span(a, 1),
        Return { src }
        | JumpIfFalsy { src, .. }
        | JumpUnlessTrue { src, .. }
        | Fail { src, .. }
        | IsTuple { src, .. }
        | GetElem { src, .. }
        | IsCons { src, .. }
        | IsEmptyList { src, .. }
        | IsMap { src, .. }
        | IsBinaryPrefix { src, .. } => span(src, 1),
        GetMapValue { map, key, .. } => {
            span(map, 1);
            span(key, 1);
        }
        Reraise { start } => span(start, 3),
        RecvWait { timeout, .. } => timeout.into_iter().for_each(|r| span(r, 1)),
        Jump { .. } | TryBegin { .. } | TryEnd | RecvPeek { .. } | RecvNext { .. } => {}
        RecvAccept => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(mut code: Vec<Instr>, nregs: u16) -> Vec<bool> {
        take_dead_moves(&mut code, nregs);
        code.iter()
            .filter(|i| matches!(i, Instr::Move { .. } | Instr::Take { .. }))
            .map(|i| matches!(i, Instr::Take { .. }))
            .collect()
    }

    #[test]
    fn a_last_read_moves_and_a_later_read_keeps_the_copy() {
        // r1 = r0 (r0 read again below), r2 = r0 (last read), return r1 + r2
        let code = vec![
            Instr::Move { src: 0, dst: 1 },
            Instr::Move { src: 0, dst: 2 },
            Instr::MakeTuple {
                start: 1,
                n: 2,
                dst: 3,
            },
            Instr::Return { src: 3 },
        ];
        assert_eq!(takes(code, 4), [false, true]);
    }

    #[test]
    fn a_read_on_either_branch_keeps_the_copy() {
        let code = vec![
            /* 0 */ Instr::Move { src: 0, dst: 2 },
            /* 1 */
            Instr::IsEqInt {
                a: 1,
                imm: 0,
                fail: 3,
            },
            /* 2 */ Instr::Return { src: 2 },
            /* 3 */ Instr::Return { src: 0 },
        ];
        assert_eq!(takes(code, 3), [false]);
    }

    #[test]
    fn a_loop_back_edge_keeps_the_copy() {
        let code = vec![
            /* 0 */ Instr::Move { src: 0, dst: 2 },
            /* 1 */
            Instr::IsEqInt {
                a: 2,
                imm: 0,
                fail: 3,
            },
            /* 2 */ Instr::Return { src: 2 },
            /* 3 */ Instr::Jump { target: 0 },
        ];
        assert_eq!(takes(code, 3), [false]);
    }

    #[test]
    fn a_register_live_at_a_handler_is_never_taken() {
        let code = vec![
            /* 0 */ Instr::TryBegin { handler: 5, dst: 3 },
            /* 1 */ Instr::Move { src: 0, dst: 1 },
            /* 2 */
            Instr::Bif {
                bif: 0,
                args: 1,
                argc: 1,
                dst: 2,
            },
            /* 3 */ Instr::TryEnd,
            /* 4 */ Instr::Return { src: 2 },
            /* 5 */ Instr::Return { src: 0 },
        ];
        assert_eq!(takes(code, 6), [false]);
    }

    #[test]
    fn overwriting_a_register_ends_its_life() {
        let code = vec![
            Instr::Move { src: 0, dst: 1 },
            Instr::Int { value: 7, dst: 0 },
            Instr::MakeTuple {
                start: 0,
                n: 2,
                dst: 2,
            },
            Instr::Return { src: 2 },
        ];
        assert_eq!(takes(code, 3), [true]);
    }
}
