//! The fast lane: a second, small dispatch loop for the instructions of
//! tight sequential code (small-integer arithmetic, compares and jumps,
//! register moves, local calls and returns).
//!
//! The general loop in [`super::run`] has an arm for every instruction, and
//! in a function that large the register allocator keeps little of the
//! loop's state in registers: the instruction pointer, the register window
//! and the process are spilled and reloaded around most arms. This loop
//! handles a few instructions, calls nothing, and keeps its whole state
//! (the code, instruction and register pointers, the reduction count, a
//! pointer to the innermost frame) in locals, written back to the process
//! only when it stops. The calls it makes push small frames of its own
//! ([`LaneFrame`]), in an array on the machine stack, which become the
//! process's [`Frame`]s only when it stops or the array fills up.
//!
//! It stops, leaving the instruction pointer *at* the instruction and
//! having changed nothing, whenever that instruction needs anything but its
//! fast path: an operand that is not a small integer, an overflow, a
//! destination register holding a term that owns something (dropping it
//! is a call), a spent reduction budget, a full register stack, a return
//! into a function the lane does not run, or
//! an instruction it does not know. The general loop then executes that
//! instruction, so every instruction has one meaning, the general loop's,
//! and the lane is a shortcut to it.
//!
//! Which functions it runs is decided at load ([`mark`]): those made only
//! of its instructions and calling only each other, which in practice is
//! integer code (`fib`, counting loops, gcd, collatz). The general loop
//! enters the lane when it enters a frame of one of them that loops or
//! calls (a remote or fun call, a resumed time slice).
//!
//! A call is usually preceded by the computation of its argument and a
//! return by the computation of its value, so `SubImm` looks at the next
//! instruction for a `CallLocal`, and `Add` and a guard that holds for a
//! `Return`, and run it at once (on `fib`, a tenth fewer machine
//! instructions per call).

use std::mem::MaybeUninit;

use super::RawTerm;
use crate::bytecode::{ArithOp, CmpOp, Instr, Reg};
use crate::code::{Function, Lane, Module};
use crate::process::{Frame, Process};
use crate::term::Term;

/// The interpreter's position, as [`super::run`] keeps it in locals: handed
/// to [`run`] and updated by it.
pub(super) struct Position {
    /// The current frame's module.
    pub module: &'static Module,
    /// The current function's first instruction.
    pub code: *const Instr,
    /// The next instruction to execute.
    pub ip: *const Instr,
    /// Register 0 of the current frame's window.
    pub regs: *mut Term,
}

/// Runs the instructions at `lane.ip` for as long as each has a fast path,
/// then returns with `lane` at the first one that has not (see the module
/// documentation) and `p`'s frame stack and reduction count updated.
///
/// # Safety
/// `lane` describes `p`'s innermost frame as [`super::run`] does: `ip` is
/// an instruction of the frame's function, `code` its first, `regs` its
/// window in `p.regs`, and every frame's registers lie below its `top`,
/// within `p.regs` (the invariants `code::verify` and `Frame::top` give).
#[inline(never)]
pub(super) unsafe fn run(p: &mut Process, lane: &mut Position) {
    let mut m = lane.module;
    let mut functions = m.functions.as_ptr();
    let mut code = lane.code;
    let mut ip = lane.ip;
    let mut regs = lane.regs;
    let mut reds = p.reductions;
    // The innermost frame of `p.frames`, and the first.
    let mut fp = p.frames.as_mut_ptr().add(p.frames.len() - 1);
    let mut frames_start = p.frames.as_mut_ptr();
    // One past the register stack's last slot.
    let stack_end = p.regs.as_mut_ptr().add(p.regs.len());
    // The frames of the calls made here, innermost last, from `lanes[0]`
    // to `lsp` (see `LaneFrame`).
    let mut lanes = [const { MaybeUninit::<LaneFrame>::uninit() }; LANE_FRAMES];
    let lanes_start = lanes.as_mut_ptr() as *mut LaneFrame;
    let lanes_end = lanes_start.add(LANE_FRAMES);
    // Kept in memory (read and written volatile): as a register it is
    // live across every dispatch, and LLVM recomputed it there, costing
    // loops that never call two instructions per instruction.
    let mut lsp_cell = lanes_start;
    let lsp_at: *mut *mut LaneFrame = &mut lsp_cell;
    macro_rules! lsp {
        () => {
            lsp_at.read_volatile()
        };
        ($v:expr) => {
            lsp_at.write_volatile($v)
        };
    }

    // SAFETY (for the macros): registers lie in the frame's window, and
    // jump targets are instructions of the function (checked at load).
    macro_rules! reg {
        ($r:expr) => {
            regs.add($r as usize)
        };
    }
    // Stops at the instruction just fetched.
    macro_rules! stop {
        () => {{
            ip = ip.sub(1);
            break;
        }};
    }
    // The small integer in register `$r`, or stop.
    macro_rules! int {
        ($r:expr) => {
            match *reg!($r) {
                Term::Int(x) => x,
                _ => stop!(),
            }
        };
    }
    // Whether every register named holds an immediate.
    macro_rules! immediates {
        ($($r:expr),*) => {
            true $(&& (*reg!($r)).is_immediate())*
        };
    }
    // Copies an immediate from register `$src` to register `$dst`.
    macro_rules! copy {
        ($src:expr, $dst:expr) => {
            RawTerm::read(reg!($src)).write(reg!($dst))
        };
    }
    // Writes `$v` (evaluated after the check) into register `$r`, or stops
    // when the old value owns something: dropping it is a call, and a call
    // in this loop would cost it the registers its state lives in.
    macro_rules! set {
        ($r:expr, $v:expr) => {{
            let slot = reg!($r);
            if !(*slot).is_immediate() {
                stop!();
            }
            std::ptr::write(slot, $v);
        }};
    }
    macro_rules! arith {
        ($x:expr, $y:expr, $op:expr, $dst:expr) => {{
            match super::int_arith($op, $x, $y) {
                Some(v) => set!($dst, Term::Int(v)),
                None => stop!(),
            }
        }};
    }
    macro_rules! jump_unless {
        ($holds:expr, $target:expr) => {
            if !$holds {
                ip = code.add($target as usize);
            }
        };
    }

    // `CallLocal`: a lane frame for local function `$fun` whose window
    // starts at the caller's register `$args`, returning into `$dst`. The
    // callee runs here: the caller does, and `mark` lets the lane run only
    // functions whose local callees it runs too.
    macro_rules! call_local {
        ($fun:expr, $args:expr, $dst:expr) => {{
            let (fun, args, dst) = ($fun, $args, $dst);
            if reds <= 0 {
                stop!();
            }
            if lsp!() == lanes_end {
                materialize(p, fp, lanes_start, lsp!());
                fp = p.frames.as_mut_ptr().add(p.frames.len() - 1);
                frames_start = p.frames.as_mut_ptr();
                lsp!(lanes_start);
            }
            let callee = &*functions.add(fun as usize);
            debug_assert!(callee.lane != Lane::No);
            // The callee's window starts at its arguments (see
            // `super::push_frame`).
            let window = reg!(args);
            if window.add(callee.nregs as usize) > stack_end {
                stop!();
            }
            reds -= 1;
            let lsp = lsp!();
            lsp.write(LaneFrame {
                ip,
                code,
                fun,
                args,
                ret: dst,
            });
            lsp!(lsp.add(1));
            code = callee.code.as_ptr();
            ip = code;
            regs = window;
        }};
    }
    // `Return` of register `$src`: to the caller of a lane frame, or to
    // that of the innermost frame of `p.frames` when it runs in the lane.
    macro_rules! ret {
        ($src:expr) => {{
            let src = $src;
            let lsp = lsp!();
            if lsp != lanes_start {
                let callee = &*lsp.sub(1);
                let caller_regs = regs.sub(callee.args as usize);
                let slot = caller_regs.add(callee.ret as usize);
                if !(*slot).is_immediate() {
                    stop!();
                }
                RawTerm::take(reg!(src)).write(slot);
                lsp!(lsp.sub(1));
                ip = callee.ip;
                code = callee.code;
                regs = caller_regs;
                then_sub_call!();
            } else {
                if fp == frames_start {
                    stop!();
                }
                let callee = &*fp;
                let caller = &*fp.sub(1);
                let resumed = caller.module.functions.get_unchecked(caller.fun as usize);
                if resumed.lane == Lane::No {
                    stop!();
                }
                let caller_regs = regs.sub((callee.base - caller.base) as usize);
                let slot = caller_regs.add(callee.ret as usize);
                if !(*slot).is_immediate() {
                    stop!();
                }
                let v = RawTerm::take(reg!(src));
                fp = fp.sub(1);
                ip = caller.ip;
                m = caller.module;
                functions = m.functions.as_ptr();
                code = resumed.code.as_ptr();
                regs = caller_regs;
                v.write(slot);
            }
        }};
    }
    // After an instruction that is usually followed by a call (`f(n - 1)`)
    // or a return (`a + b` ending a body), runs that one at once, without
    // going through the dispatch.
    macro_rules! then_call {
        () => {
            if let Instr::CallLocal { fun, args, dst, .. } = *ip {
                ip = ip.add(1);
                call_local!(fun, args, dst);
            }
        };
    }
    // A recursion's first step after its base-case guard fails: the
    // argument of the first recursive call (`fib(n - 1)`).
    macro_rules! then_sub_call {
        () => {
            if let Instr::SubImm { a, imm, dst } = *ip {
                ip = ip.add(1);
                arith!(int!(a), imm as i64, ArithOp::Sub, dst);
                then_call!();
            }
        };
    }
    macro_rules! then_return {
        () => {
            if let Instr::Return { src } = *ip {
                ip = ip.add(1);
                ret!(src);
            }
        };
    }

    loop {
        let instr = &*ip;
        ip = ip.add(1);
        match *instr {
            Instr::Move { src, dst } => set!(dst, (*reg!(src)).clone()),
            Instr::Int { value, dst } => set!(dst, Term::Int(value as i64)),
            // The fused moves run in order, a later one reading what an
            // earlier one wrote, so stopping halfway would not do: they run
            // here only when every register involved holds an immediate,
            // which makes each move a plain copy that cannot stop.
            Instr::Move2 { s1, d1, s2, d2 } => {
                if !immediates!(s1, d1, s2, d2) {
                    stop!();
                }
                copy!(s1, d1);
                copy!(s2, d2);
            }
            Instr::Move3 {
                s1,
                d1,
                s2,
                d2,
                s3,
                d3,
            } => {
                if !immediates!(s1, d1, s2, d2, s3, d3) {
                    stop!();
                }
                copy!(s1, d1);
                copy!(s2, d2);
                copy!(s3, d3);
            }
            Instr::Literal { lit, dst } => {
                set!(dst, m.literals.get_unchecked(lit as usize).clone())
            }
            Instr::Take { src, dst } => {
                if !(*reg!(dst)).is_immediate() {
                    stop!();
                }
                RawTerm::take(reg!(src)).write(reg!(dst));
            }
            Instr::Arith { op, a, b, dst } => arith!(int!(a), int!(b), op, dst),
            Instr::ArithImm { op, a, imm, dst } => arith!(int!(a), imm as i64, op, dst),
            Instr::Compare { op, a, b, dst } => {
                let holds = match (&*reg!(a), &*reg!(b)) {
                    (Term::Int(x), Term::Int(y)) => op.holds(x.cmp(y)),
                    _ => stop!(),
                };
                set!(dst, Term::bool(holds))
            }
            Instr::JumpIfFalsy { src, target } => {
                jump_unless!((*reg!(src)).is_truthy(), target)
            }
            Instr::IsEq { a, b, fail } => {
                let equal = match (&*reg!(a), &*reg!(b)) {
                    (Term::Int(x), Term::Int(y)) => x == y,
                    (Term::Atom(x), Term::Atom(y)) => x == y,
                    _ => stop!(),
                };
                jump_unless!(equal, fail)
            }
            Instr::Add { a, b, dst } => {
                arith!(int!(a), int!(b), ArithOp::Add, dst);
                then_return!();
            }
            Instr::Sub { a, b, dst } => arith!(int!(a), int!(b), ArithOp::Sub, dst),
            Instr::Mul { a, b, dst } => arith!(int!(a), int!(b), ArithOp::Mul, dst),
            Instr::AddImm { a, imm, dst } => arith!(int!(a), imm as i64, ArithOp::Add, dst),
            Instr::SubImm { a, imm, dst } => {
                arith!(int!(a), imm as i64, ArithOp::Sub, dst);
                then_call!();
            }
            Instr::MulImm { a, imm, dst } => arith!(int!(a), imm as i64, ArithOp::Mul, dst),
            Instr::JumpUnlessCompareImm { op, a, imm, target } => {
                let (x, y) = (int!(a), imm as i64);
                // `<` on its own: the guard of most recursions' base case.
                let holds = if op == CmpOp::Lt {
                    x < y
                } else {
                    op.holds(x.cmp(&y))
                };
                if holds {
                    // A base case returning its argument: `when n < 2, do: n`.
                    then_return!();
                } else {
                    ip = code.add(target as usize);
                    then_sub_call!();
                }
            }
            Instr::JumpUnlessCompare { op, a, b, target } => {
                jump_unless!(op.holds(int!(a).cmp(&int!(b))), target)
            }
            Instr::Jump { target } => ip = code.add(target as usize),
            Instr::IsEqInt { a, imm, fail } => {
                jump_unless!(matches!(*reg!(a), Term::Int(x) if x == imm as i64), fail)
            }
            Instr::IsEqAtom { a, atom, fail } => {
                jump_unless!(matches!(*reg!(a), Term::Atom(x) if x == atom), fail)
            }
            Instr::JumpUnlessTrue { src, target } => {
                jump_unless!(matches!(*reg!(src), Term::Atom(crate::Atom::TRUE)), target)
            }
            Instr::CallLocal { fun, args, dst, .. } => call_local!(fun, args, dst),
            Instr::TailCallSelf { args, argc, keep } => {
                if reds <= 0 {
                    stop!();
                }
                reds -= 1;
                // Each argument trades places with the parameter it
                // replaces: the old value stays in a register above the
                // parameters until the code overwrites it, and nothing is
                // dropped here.
                let swap = |i: usize| {
                    let (param, arg) = (reg!(i), reg!(args as usize + i));
                    let old = RawTerm::read(param);
                    RawTerm::read(arg).write(param);
                    old.write(arg);
                };
                // Without kept parameters, the plain loop (see the general
                // loop's `TailCallSelf`).
                if keep == 0 {
                    (0..argc as usize).for_each(swap);
                } else {
                    crate::bytecode::moved_args(argc, keep).for_each(swap);
                }
                ip = code;
            }
            Instr::Return { src } => ret!(src),
            _ => stop!(),
        }
    }

    materialize(p, fp, lanes_start, lsp!());
    lane.module = m;
    lane.code = code;
    lane.ip = ip;
    lane.regs = regs;
    p.reductions = reds;
}

/// How many calls deep the lane goes before it moves its frames to
/// `p.frames`: more than most recursions that return (`fib` goes 35 deep
/// for `fib(35)`), few enough to sit in a cache line or two of the stack.
const LANE_FRAMES: usize = 64;

/// A call made in the lane, until it returns or the lane stops: the
/// caller's position and what [`Frame`] needs besides. All of them run in
/// the module of the innermost frame of `p.frames`, since local calls do
/// not leave it. A call pushes one of these rather than a [`Frame`], and a
/// return pops it: three stores and three loads, where a `Frame` wants its
/// window's bounds and its caller's function looked up.
#[derive(Clone, Copy)]
struct LaneFrame {
    /// Where the caller resumes.
    ip: *const Instr,
    /// The caller's first instruction.
    code: *const Instr,
    /// The callee: an index into the module's functions.
    fun: u32,
    /// The callee's register 0, relative to the caller's.
    args: Reg,
    /// The caller's register receiving the result.
    ret: Reg,
}

/// Makes `p.frames` end at `fp` followed by the frames that the lane
/// frames `from..to` stand for (oldest first): each caller's saved
/// instruction, each callee's window and `top` as `super::push_frame`
/// would have set them.
///
/// # Safety
/// `fp` is a frame of `p.frames` and `from..to` lane frames of calls made
/// from it and from each other, in its module.
#[cold]
#[inline(never)]
unsafe fn materialize(
    p: &mut Process,
    fp: *mut Frame,
    from: *const LaneFrame,
    to: *const LaneFrame,
) {
    p.frames
        .set_len(fp.offset_from(p.frames.as_ptr()) as usize + 1);
    let mut at = from;
    while at != to {
        let call = &*at;
        let caller = p.frames.last_mut().expect("the frame the lane entered");
        let module = caller.module;
        caller.ip = &*call.ip;
        let callee = &module.functions[call.fun as usize];
        let base = caller.base + call.args as u32;
        let top = (base + callee.nregs as u32).max(caller.top);
        let frame = Frame::entry(module, call.fun, base, call.ret, top);
        p.frames.push(frame);
        at = at.add(1);
    }
}

/// Sets each function's [`Lane`]: the lane runs a function whose every
/// instruction it handles (see [`suits`]) and whose local calls all go to
/// such functions (the largest such set, so that recursion qualifies), and
/// is entered for one that loops or calls: a function that would make the
/// lane stop on every call or iteration, or a leaf whose body is over
/// before the lane's entry has paid off, runs in the general loop.
pub(crate) fn mark(functions: &mut [Function]) {
    let mut runs: Vec<bool> = functions.iter().map(|f| suits(&f.code)).collect();
    let callees: Vec<Vec<usize>> = functions
        .iter()
        .map(|f| {
            f.code
                .iter()
                .filter_map(|i| match i {
                    Instr::CallLocal { fun, .. } => Some(*fun as usize),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for (i, called) in callees.iter().enumerate() {
            if runs[i] && called.iter().any(|&c| !runs[c]) {
                runs[i] = false;
                changed = true;
            }
        }
    }
    for ((f, runs), called) in functions.iter_mut().zip(runs).zip(&callees) {
        let loops = f
            .code
            .iter()
            .any(|i| matches!(i, Instr::TailCallSelf { .. }));
        f.lane = match (runs, loops || !called.is_empty()) {
            (false, _) => Lane::No,
            (true, false) => Lane::Runs,
            (true, true) => Lane::Enters,
        };
    }
}

/// Whether the fast lane should run a function of this code: whether every
/// instruction is one the lane handles, or one that runs at most once per
/// call on the way out (building a returned tuple, raising a
/// `FunctionClauseError`). A function calling anything but lane functions,
/// or handling lists, maps, binaries or closures, would make the lane stop
/// and restart on every call or iteration, which costs more than the lane
/// saves.
fn suits(code: &[Instr]) -> bool {
    code.iter().all(|i| {
        matches!(
            i,
            Instr::Move { .. }
                | Instr::Move2 { .. }
                | Instr::Move3 { .. }
                | Instr::Int { .. }
                | Instr::Literal { .. }
                | Instr::Take { .. }
                | Instr::Add { .. }
                | Instr::Sub { .. }
                | Instr::Mul { .. }
                | Instr::AddImm { .. }
                | Instr::SubImm { .. }
                | Instr::MulImm { .. }
                | Instr::Arith { .. }
                | Instr::ArithImm { .. }
                | Instr::Compare { .. }
                | Instr::JumpUnlessCompare { .. }
                | Instr::JumpUnlessCompareImm { .. }
                | Instr::Jump { .. }
                | Instr::JumpIfFalsy { .. }
                | Instr::JumpUnlessTrue { .. }
                | Instr::IsEq { .. }
                | Instr::IsEqInt { .. }
                | Instr::IsEqAtom { .. }
                | Instr::CallLocal { .. }
                | Instr::TailCallSelf { .. }
                | Instr::Return { .. }
                | Instr::MakeTuple { .. }
                | Instr::Fail { .. }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom::Atom;

    fn function(code: Vec<Instr>) -> Function {
        Function {
            name: Atom::intern("f"),
            arity: 1,
            env: 0,
            nregs: 4,
            lines: vec![1; code.len()],
            code,
            public: true,
            lane: Lane::No,
        }
    }

    fn call(fun: u32) -> Instr {
        Instr::CallLocal {
            fun,
            args: 1,
            argc: 1,
            dst: 1,
        }
    }

    #[test]
    fn marks_integer_functions_and_what_calls_only_them() {
        let ret = Instr::Return { src: 0 };
        let add = Instr::AddImm {
            a: 0,
            imm: 1,
            dst: 0,
        };
        let mut functions = vec![
            // 0: a leaf: runs, but is not worth entering for.
            function(vec![add, ret]),
            // 1: calls itself and the leaf.
            function(vec![call(1), call(0), ret]),
            // 2: builds a list: the general loop's.
            function(vec![
                Instr::MakeList {
                    start: 0,
                    n: 1,
                    tail: 0,
                    dst: 0,
                },
                ret,
            ]),
            // 3: calls 2, so it cannot run in the lane either.
            function(vec![call(2), ret]),
            // 4 and 5 call each other, and 5 calls 3.
            function(vec![call(5), ret]),
            function(vec![call(4), call(3), ret]),
            // 6: a loop.
            function(vec![
                add,
                Instr::TailCallSelf {
                    args: 0,
                    argc: 1,
                    keep: 0,
                },
            ]),
        ];
        mark(&mut functions);
        let lanes: Vec<Lane> = functions.iter().map(|f| f.lane).collect();
        use Lane::*;
        assert_eq!(lanes, [Runs, Enters, No, No, No, No, Enters]);
    }
}
