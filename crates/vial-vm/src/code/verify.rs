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
//!
//! A call's frame starts at its arguments and may write any register from
//! there up (`interp::push_frame`), so a call unwrites the registers from
//! its first argument to the end of the window before writing its result.
//! The callee may also raise into a handler of the caller: each call
//! inside a `try` body (between `TryBegin` and `TryEnd`) is an edge to the
//! innermost handler as well.

use super::Function;
use crate::bytecode::{Instr, Label, Reg, RegSet as Regs, HANDLER_REGS};

/// The handlers active at an instruction, innermost last: each one's code
/// and first exception register.
type Handlers = Vec<(Label, Reg)>;

/// The first instruction (its index) reading a register that some path
/// from the entry reaches without writing, and that register; `None` when
/// every read is preceded by a write on every path.
pub(super) fn first_unwritten_read(f: &Function) -> Option<(usize, Reg)> {
    let n = f.code.len();
    let mut written: Vec<Option<(Regs, Handlers)>> = vec![None; n];
    let mut entry = Regs::new(f.nregs as usize);
    for r in 0..(f.arity + f.env) as Reg {
        entry.add(r);
    }
    let mut pending = Vec::new();
    if n > 0 {
        written[0] = Some((entry, Handlers::new()));
        pending.push(0);
    }
    while let Some(pc) = pending.pop() {
        let Some((before, handlers)) = written[pc].clone() else {
            continue;
        };
        for (to, set, handlers) in successors(&f.code[pc], pc, before, handlers, f.nregs) {
            let Some(slot) = written.get_mut(to) else {
                continue;
            };
            let changed = match slot {
                None => {
                    *slot = Some((set, handlers));
                    true
                }
                Some((old, _)) => old.intersect(&set),
            };
            if changed {
                pending.push(to);
            }
        }
    }
    for (pc, instr) in f.code.iter().enumerate() {
        let Some((set, _)) = &written[pc] else {
            continue;
        };
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
/// registers written and the handlers active on arriving there, given
/// those before it, in a function of `nregs` registers.
fn successors(
    instr: &Instr,
    pc: usize,
    mut before: Regs,
    handlers: Handlers,
    nregs: u16,
) -> Vec<(usize, Regs, Handlers)> {
    let mut next = Vec::new();
    if let Some(args) = frame_start(instr) {
        (args..nregs).for_each(|r| before.remove(r));
        if let Some(&(handler, dst)) = handlers.last() {
            next.push(handler_entry(
                handler,
                dst,
                &before,
                &handlers[..handlers.len() - 1],
            ));
        }
    }
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
    let mut inside = handlers.clone();
    match *instr {
        Instr::TryBegin { handler, dst } => {
            next.push(handler_entry(handler, dst, &before, &handlers));
            inside.push((handler, dst));
        }
        Instr::TryEnd => {
            inside.pop();
        }
        _ => {
            for label in instr.labels() {
                next.push((label as usize, before.clone(), handlers.clone()));
            }
        }
    }
    if instr.falls_through() {
        next.push((pc + 1, passed, inside));
    }
    next
}

/// The first register of the callee's frame, for a call that pushes one
/// (see `interp::push_frame`).
fn frame_start(instr: &Instr) -> Option<Reg> {
    match *instr {
        Instr::CallLocal { args, .. }
        | Instr::CallRemote { args, .. }
        | Instr::CallFun { args, .. }
        | Instr::CallDynamic { args, .. } => Some(args),
        _ => None,
    }
}

/// The edge to handler code at `handler`, arriving with `written` and the
/// exception registers from `dst`, with `outer` the handlers still active.
fn handler_entry(
    handler: Label,
    dst: Reg,
    written: &Regs,
    outer: &[(Label, Reg)],
) -> (usize, Regs, Handlers) {
    let mut set = written.clone();
    (0..HANDLER_REGS).for_each(|k| set.add(dst + k));
    (handler as usize, set, outer.to_vec())
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
            lane: crate::code::Lane::No,
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

    /// `f(r1)` into r0, then a read of `src`, in a function of 3 registers.
    fn call_then_return(src: Reg) -> Function {
        let call = Instr::CallLocal {
            fun: 0,
            args: 1,
            argc: 1,
            dst: 0,
        };
        function(
            0,
            3,
            vec![
                Instr::Int { value: 1, dst: 1 },
                Instr::Int { value: 2, dst: 2 },
                call,
                Instr::Return { src },
            ],
        )
    }

    #[test]
    fn a_call_unwrites_the_registers_from_its_arguments_up() {
        // The callee's frame starts at r1: r1 and r2 may hold its values.
        assert_eq!(first_unwritten_read(&call_then_return(0)), None);
        assert_eq!(first_unwritten_read(&call_then_return(1)), Some((3, 1)));
        assert_eq!(first_unwritten_read(&call_then_return(2)), Some((3, 2)));
    }

    #[test]
    fn a_call_in_a_try_body_may_reach_the_handler_after_unwriting() {
        // r5, written before the `try`, lies above the arguments of the
        // call in its body: the handler must not read it.
        let code = |read| {
            vec![
                /* 0 */ Instr::Int { value: 1, dst: 5 },
                /* 1 */ Instr::TryBegin { handler: 6, dst: 0 },
                /* 2 */ Instr::Int { value: 1, dst: 4 },
                /* 3 */
                Instr::CallLocal {
                    fun: 0,
                    args: 4,
                    argc: 1,
                    dst: 4,
                },
                /* 4 */ Instr::TryEnd,
                /* 5 */ Instr::Return { src: 4 },
                /* 6 */ Instr::Return { src: read },
            ]
        };
        assert_eq!(first_unwritten_read(&function(0, 6, code(0))), None);
        assert_eq!(first_unwritten_read(&function(0, 6, code(5))), Some((6, 5)));
    }
}
