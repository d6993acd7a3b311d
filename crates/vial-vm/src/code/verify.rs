//! The loader's check that a function writes every register before it
//! reads it.
//!
//! A frame's registers other than its arguments start out holding whatever
//! the slots held before (values of frames that returned, or of the
//! previous iteration of a loop: see `interp::push_frame`), so a read of a
//! register no path has written would see a stale value. The check is a
//! forward "definitely written" data flow: the registers written on every
//! path from the entry to each instruction, intersected where paths meet.
//! A test writes its outputs only on the edge where it passes (`IsCons`
//! the head and tail, `RecvPeek` the message), and a `try` handler starts
//! with its exception registers written.

use super::Function;
use crate::bytecode::{Instr, Reg, RegSet as Regs, HANDLER_REGS};

/// The first instruction (its index) reading a register that some path
/// from the entry reaches without writing, and that register; `None` when
/// every read is preceded by a write on every path.
pub(super) fn first_unwritten_read(f: &Function) -> Option<(usize, Reg)> {
    let n = f.code.len();
    let mut written: Vec<Option<Regs>> = vec![None; n];
    let mut entry = Regs::new(f.nregs as usize);
    for r in 0..(f.arity + f.env) as Reg {
        entry.add(r);
    }
    let mut pending = Vec::new();
    if n > 0 {
        written[0] = Some(entry);
        pending.push(0);
    }
    while let Some(pc) = pending.pop() {
        let Some(before) = written[pc].clone() else {
            continue;
        };
        for (to, set) in successors(&f.code[pc], pc, before) {
            let Some(slot) = written.get_mut(to) else {
                continue;
            };
            let changed = match slot {
                None => {
                    *slot = Some(set);
                    true
                }
                Some(old) => old.intersect(&set),
            };
            if changed {
                pending.push(to);
            }
        }
    }
    for (pc, instr) in f.code.iter().enumerate() {
        let Some(set) = &written[pc] else { continue };
        if let Some(r) = unwritten_read(instr, set) {
            return Some((pc, r));
        }
    }
    None
}

/// A register `instr` reads that is not in `set`, if any. The moves of a
/// `Move2`/`Move3` happen in order, so a later one may read what an
/// earlier one wrote.
fn unwritten_read(instr: &Instr, set: &Regs) -> Option<Reg> {
    let moves = instr.fused_moves();
    if moves.is_empty() {
        let mut missing = None;
        instr.reads(|r| {
            if missing.is_none() && !set.has(r) {
                missing = Some(r);
            }
        });
        return missing;
    }
    let mut set = set.clone();
    for (src, dst) in moves {
        if !set.has(src) {
            return Some(src);
        }
        set.add(dst);
    }
    None
}

/// Where execution may go after instruction `instr` at `pc`, with the
/// registers written on arriving there, given those written before it.
fn successors(instr: &Instr, pc: usize, mut before: Regs) -> Vec<(usize, Regs)> {
    if let Some(d) = instr.dst() {
        before.add(d);
    }
    // Writes that happen only when the instruction falls through.
    let mut passed = before.clone();
    for (_, d) in instr.fused_moves() {
        passed.add(d);
    }
    match *instr {
        Instr::IsCons { head, tail, .. } => [head, tail].into_iter().for_each(|d| passed.add(d)),
        Instr::GetMapValue { dst, .. } | Instr::RecvPeek { dst, .. } => passed.add(dst),
        Instr::IsBinaryPrefix { rest, .. } => passed.add(rest),
        _ => {}
    }
    let mut next = Vec::new();
    for label in instr.labels() {
        let mut set = before.clone();
        if let Instr::TryBegin { dst, .. } = *instr {
            (0..HANDLER_REGS).for_each(|k| set.add(dst + k));
        }
        next.push((label as usize, set));
    }
    if instr.falls_through() {
        next.push((pc + 1, passed));
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom::Atom;

    fn function(arity: u32, nregs: u16, code: Vec<Instr>) -> Function {
        let lines = vec![1; code.len()];
        Function {
            name: Atom::intern("f"),
            arity,
            env: 0,
            nregs,
            code,
            lines,
            public: true,
        }
    }

    #[test]
    fn arguments_and_written_registers_may_be_read() {
        let f = function(
            1,
            2,
            vec![
                Instr::ArithImm {
                    op: crate::bytecode::ArithOp::Add,
                    a: 0,
                    imm: 1,
                    dst: 1,
                },
                Instr::Return { src: 1 },
            ],
        );
        assert_eq!(first_unwritten_read(&f), None);
    }

    #[test]
    fn a_register_written_on_one_branch_only_is_reported() {
        // r1 is written only when r0 == 0, then read on both paths.
        let f = function(
            1,
            2,
            vec![
                /* 0 */
                Instr::IsEqInt {
                    a: 0,
                    imm: 0,
                    fail: 2,
                },
                /* 1 */ Instr::Int { value: 7, dst: 1 },
                /* 2 */ Instr::Return { src: 1 },
            ],
        );
        assert_eq!(first_unwritten_read(&f), Some((2, 1)));
    }

    #[test]
    fn a_test_writes_only_where_it_passes() {
        // IsCons writes the head (r1) only on its success edge.
        let cons = |fail| Instr::IsCons {
            src: 0,
            head: 1,
            tail: 2,
            fail,
        };
        let ok = function(
            1,
            3,
            vec![cons(2), Instr::Return { src: 1 }, Instr::Return { src: 0 }],
        );
        assert_eq!(first_unwritten_read(&ok), None);
        let bad = function(
            1,
            3,
            vec![cons(2), Instr::Return { src: 0 }, Instr::Return { src: 1 }],
        );
        assert_eq!(first_unwritten_read(&bad), Some((2, 1)));
    }

    #[test]
    fn fused_moves_happen_in_order() {
        let moves = |s2| Instr::Move2 {
            s1: 0,
            d1: 1,
            s2,
            d2: 2,
        };
        let ok = function(1, 3, vec![moves(1), Instr::Return { src: 2 }]);
        assert_eq!(first_unwritten_read(&ok), None);
        let bad = function(1, 4, vec![moves(3), Instr::Return { src: 2 }]);
        assert_eq!(first_unwritten_read(&bad), Some((0, 3)));
    }

    #[test]
    fn a_handler_starts_with_its_exception_registers() {
        let f = function(
            0,
            5,
            vec![
                /* 0 */ Instr::TryBegin { handler: 3, dst: 1 },
                /* 1 */ Instr::Int { value: 1, dst: 0 },
                /* 2 */ Instr::Return { src: 0 },
                /* 3 */ Instr::Reraise { start: 1 },
            ],
        );
        assert_eq!(first_unwritten_read(&f), None);
    }
}
