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

use vial_vm::bytecode::{Instr, RegSet as Set};

/// Turns each `Move` whose source is dead after it into a `Take`.
pub fn take_dead_moves(code: &mut [Instr], nregs: u16) {
    let live = Liveness::new(code, nregs);
    let mut pinned = Set::new(nregs as usize);
    for instr in code.iter() {
        if let Instr::TryBegin { handler, .. } = *instr {
            pinned.union(live.live_in(handler as usize));
        }
    }
    let mut out = Set::new(nregs as usize);
    for i in 0..code.len() {
        if let Instr::Move { src, dst } = code[i] {
            live.live_out(code, i, &mut out);
            if src != dst && !out.has(src) && !pinned.has(src) {
                code[i] = Instr::Take { src, dst };
            }
        }
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
        let words = Set::words_for(nregs as usize);
        let mut live = Liveness {
            words,
            live_in: vec![0; code.len() * words],
        };
        let mut set = Set::new(nregs as usize);
        loop {
            let mut changed = false;
            for i in (0..code.len()).rev() {
                live.live_out(code, i, &mut set);
                // A write on one outcome of a test only kills nothing.
                if let Some(r) = code[i].dst() {
                    set.remove(r);
                }
                code[i].reads(|r| set.add(r));
                let slot = &mut live.live_in[i * words..(i + 1) * words];
                if slot != set.words() {
                    slot.copy_from_slice(set.words());
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
        if code[i].falls_through() {
            out.union(self.live_in(i + 1));
        }
        for l in code[i].labels() {
            out.union(self.live_in(l as usize));
        }
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
