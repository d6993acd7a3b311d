//! The stackless interpreter: runs one process for one time slice.
//!
//! A Vial call never recurses on the Rust stack: it pushes a [`Frame`] on the
//! process's own frame stack and the dispatch loop carries on with the new
//! frame. So a process can stop at any instruction (reduction budget spent,
//! `receive` with no matching message) and resume later on any scheduler.

use crate::bif::{self, arith, Ctx};
use crate::bytecode::{ArithOp, Class, CmpOp, FailKind, Instr, Mfa, Reg};
use crate::code::{self, Lane, Module, Target};
use crate::error::{exception_struct, Exception, FailedCall, TraceEntry};
use crate::process::{self, receive, Drained, Frame, Handler, Process};
use crate::scheduler::Vm;
use crate::term::{Closure, FunKind, Term};
use crate::Atom;
use smallvec::SmallVec;
use std::mem::MaybeUninit;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub(crate) mod fast;

/// Why [`run`] returned.
#[derive(Debug)]
pub enum Outcome {
    /// The reduction budget is spent; the process is runnable.
    Yield,
    /// The process waits in `receive` (until `deadline`, if set).
    Wait,
    /// The process has finished.
    Exit(Exit),
}

/// How a process finished.
#[derive(Debug)]
pub enum Exit {
    /// Its first function returned this value.
    Normal(Term),
    /// An exception nobody caught.
    Raised(Exception),
}

/// How many stack entries an exception records (the BEAM's default
/// `backtrace_depth`).
const TRACE_DEPTH: usize = 8;

/// Runs `p` until it yields, waits or exits. The caller sets
/// `p.reductions` to the time slice's budget first.
pub fn run(vm: &Vm, p: &mut Process) -> Outcome {
    'frame: loop {
        let frame = p.frames.last().expect("a running process has a frame");
        let mut m: &'static Module = frame.module;
        let function = &m.functions[frame.fun as usize];
        // The function's code, and the next instruction.
        let mut code: *const Instr = function.code.as_ptr();
        let mut ip: *const Instr = frame.ip;
        // The frame's register window. It stays valid until the frame
        // changes: only frame pushes, pops and unwinding resize the
        // register stack, and each of those either re-enters the frame
        // loop or resets `regs` in place (BIFs never touch their
        // caller's registers). Every register operand is below the
        // function's `nregs`, which `code::Function::check_registers`
        // verified when it was loaded.
        let mut regs: *mut Term = unsafe { p.regs.as_mut_ptr().add(frame.base as usize) };

        // The current frame, and its function and first register's index
        // in `p.regs` (kept out of the loop's live values: few
        // instructions need them).
        macro_rules! frame {
            () => {
                // SAFETY: a running process always has a frame (checked on
                // entry above; `Return` checks before popping).
                unsafe { p.frames.last().unwrap_unchecked() }
            };
        }
        macro_rules! base {
            () => {
                frame!().base as usize
            };
        }
        macro_rules! fun {
            () => {
                &m.functions[frame!().fun as usize]
            };
        }
        macro_rules! r {
            ($reg:expr) => {
                // SAFETY: see `regs` above.
                *unsafe { &mut *regs.add($reg as usize) }
            };
        }
        // `set!(reg, value)`: a register write that skips the drop call when
        // the old value is an immediate (the common case).
        macro_rules! set {
            ($reg:expr, $v:expr) => {{
                let v = $v;
                // SAFETY: see `regs` above.
                let slot = unsafe { &mut *regs.add($reg as usize) };
                if slot.is_immediate() {
                    // SAFETY: the old value is an immediate, whose
                    // destructor does nothing.
                    unsafe { std::ptr::write(slot, v) }
                } else {
                    *slot = v;
                }
            }};
        }
        // The index of the next instruction in `code`.
        macro_rules! pc {
            () => {
                // SAFETY: `ip` points into the current function's code.
                unsafe { ip.offset_from(code) as usize }
            };
        }
        // Continues at instruction `target` of the current function, which
        // the loader checked to be one (`code::Function::check_control`).
        macro_rules! jump {
            ($target:expr) => {
                // SAFETY: as above.
                ip = unsafe { code.add($target as usize) }
            };
        }
        // Saves `$at`, an instruction of the current function, as the
        // frame's next instruction.
        macro_rules! save_ip {
            ($at:expr) => {{
                let at: *const Instr = $at;
                // SAFETY: `at` points into the function's code, which lives
                // as long as its module: for ever.
                p.frames.last_mut().expect("frame").ip = unsafe { &*at }
            }};
        }
        macro_rules! throw {
            ($exc:expr) => {{
                save_ip!(ip);
                match unwind(p, $exc) {
                    None => continue 'frame,
                    Some(e) => return Outcome::Exit(Exit::Raised(e)),
                }
            }};
        }
        // A BIF's arguments, absolute registers `start..start+argc`, lent
        // in place rather than moved out.
        macro_rules! bif_args {
            ($start:expr, $argc:expr) => {{
                let (start, argc): (usize, u8) = ($start, $argc);
                debug_assert!(start + argc as usize <= p.regs.len());
                // SAFETY: the arguments lie in the frame's window, which
                // `code::Function::check_registers` verified at load (as
                // for `regs`), and a BIF never resizes or writes its
                // caller's registers (an invariant in `crates/README.md`):
                // the slice stays valid while the BIF runs with the process
                // in hand.
                unsafe { std::slice::from_raw_parts(p.regs.as_ptr().add(start), argc as usize) }
            }};
        }
        // Runs BIF `id` on `argv`; its result lands in `Some(dst)`, or is
        // returned from the current frame for `None` (a tail call).
        macro_rules! call_bif {
            ($id:expr, $argv:expr, $ret:expr) => {{
                let ret: Option<Reg> = $ret;
                match (bif::get($id).fun)(&mut Ctx { vm, proc: p }, &$argv) {
                    Ok(v) => match ret {
                        Some(dst) => set!(dst, v),
                        None => match return_value(p, v) {
                            Some(v) => return Outcome::Exit(Exit::Normal(v)),
                            None => continue 'frame,
                        },
                    },
                    Err(e) => {
                        save_ip!(ip);
                        match bif_failed(p, e, &$argv, ret) {
                            BifFailed::Entered => continue 'frame,
                            // Run again once others have run: the
                            // instruction has not changed the registers.
                            BifFailed::Retry => {
                                save_ip!(unsafe { ip.sub(1) });
                                trim_regs(p);
                                return Outcome::Yield;
                            }
                            BifFailed::Raise(e) => throw!(e),
                        }
                    }
                }
            }};
        }
        // Enters a resolved call target with arguments `argv` and captured
        // values `env`: a new frame returning into register `Some(dst)`,
        // or, for `None`, a tail call replacing the current frame. A BIF
        // target runs right here.
        macro_rules! dispatch {
            ($target:expr, $argv:expr, $env:expr, $ret:expr) => {{
                let ret: Option<Reg> = $ret;
                match $target {
                    Target::Vial(module, index) => {
                        if ret.is_some() {
                            save_ip!(ip);
                        }
                        push_frame_values(p, module, index, $argv, $env, ret);
                        continue 'frame;
                    }
                    Target::Bif(id) => call_bif!(id, $argv, ret),
                }
            }};
        }
        // `dispatch!` with the arguments still in absolute registers
        // `start..start+argc`: a Vial target takes them straight from
        // there.
        macro_rules! dispatch_regs {
            ($target:expr, $start:expr, $argc:expr, $env:expr, $ret:expr) => {{
                let ret: Option<Reg> = $ret;
                match $target {
                    Target::Vial(module, index) => {
                        match ret {
                            Some(dst) => {
                                save_ip!(ip);
                                push_frame(p, module, index, $start, $argc, $env, dst);
                            }
                            None => replace_frame(p, module, index, $start, $argc, $env),
                        }
                        continue 'frame;
                    }
                    Target::Bif(id) => {
                        let argv = bif_args!($start, $argc);
                        call_bif!(id, argv, ret)
                    }
                }
            }};
        }
        // `dst = r[a] op r[b]`: `$int` on two small integers (`None` when
        // the result needs the general path), else Kernel's `op`. The fast
        // path writes the register directly (a `Result` would go through
        // memory and stall the store).
        macro_rules! arith_regs {
            ($op:expr, $int:expr, $a:expr, $b:expr, $dst:expr) => {{
                let fast = match (&r!($a), &r!($b)) {
                    (Term::Int(x), Term::Int(y)) => ($int)(*x, *y),
                    _ => None,
                };
                match fast {
                    Some(v) => set!($dst, Term::Int(v)),
                    None => match arith($op, &r!($a), &r!($b)) {
                        Ok(v) => set!($dst, v),
                        Err(e) => throw!(e),
                    },
                }
            }};
        }
        // `dst = r[a] op imm`, as `arith_regs!`.
        macro_rules! arith_imm {
            ($op:expr, $int:expr, $a:expr, $imm:expr, $dst:expr) => {{
                let fast = match &r!($a) {
                    Term::Int(x) => ($int)(*x, $imm as i64),
                    _ => None,
                };
                match fast {
                    Some(v) => set!($dst, Term::Int(v)),
                    None => match arith($op, &r!($a), &Term::Int($imm as i64)) {
                        Ok(v) => set!($dst, v),
                        Err(e) => throw!(e),
                    },
                }
            }};
        }
        // Pushes a frame for `module.functions[fun]` whose window starts
        // at the caller's register `args` and holds at least `extra`
        // registers, returning into `dst`, and switches code, ip and
        // registers to it in place: the fast path of `push_frame`, for
        // local calls and anonymous functions.
        macro_rules! enter {
            ($module:expr, $fun:expr, $args:expr, $dst:expr, $extra:expr) => {{
                let (module, fun): (&'static Module, u32) = ($module, $fun);
                // SAFETY: `fun` is one of the module's functions and
                // `args + argc` within the caller's registers
                // (`check_control`, `check_registers`); the callee's
                // window starts at the arguments (see `push_frame`) and
                // the register stack grows to its top here.
                unsafe {
                    let callee = module.functions.get_unchecked(fun as usize);
                    let frames = &mut p.frames;
                    let depth = frames.len();
                    if depth == frames.capacity() {
                        frames.reserve(1);
                    }
                    // Through a raw pointer, with the depth in a local:
                    // `Vec::push` after a write to the caller frame would
                    // reload the length.
                    let fp = frames.as_mut_ptr();
                    let caller = &mut *fp.add(depth - 1);
                    caller.ip = &*ip;
                    let base = caller.base as usize + $args as usize;
                    let need = (callee.nregs as usize).max($extra);
                    let top = (base + need).max(caller.top as usize);
                    m = module;
                    code = callee.code.as_ptr();
                    ip = code;
                    fp.add(depth).write(Frame {
                        module,
                        ip: &*ip,
                        fun,
                        base: base as u32,
                        ret: $dst,
                        top: top as u32,
                    });
                    frames.set_len(depth + 1);
                    if top > p.regs.len() {
                        grow_regs(&mut p.regs, top);
                    }
                    regs = p.regs.as_mut_ptr().add(base);
                }
            }};
        }
        macro_rules! spend {
            () => {
                if p.reductions <= 0 {
                    save_ip!(unsafe { ip.sub(1) });
                    trim_regs(p);
                    return Outcome::Yield;
                }
                p.reductions -= 1;
            };
        }

        // A function the fast lane runs and that loops or calls (see
        // `fast::mark`) starts there, and carries on here from where the
        // lane stopped. Only here, on entering a frame (a remote or fun
        // call, a resumed time slice): testing for it at local calls and
        // returns too cost the general loop's other programs 5%.
        if function.lane == Lane::Enters {
            let mut at = fast::Position {
                module: m,
                code,
                ip,
                regs,
            };
            // SAFETY: `at` is the position kept in the locals above.
            unsafe { fast::run(p, &mut at) };
            (m, code, ip, regs) = (at.module, at.code, at.ip, at.regs);
        }

        loop {
            // SAFETY: `ip` is an instruction of the function: the loader
            // checked that every jump target is one and that no
            // instruction falls through past the end
            // (`code::Function::check_control`), and frames resume at a
            // saved instruction that was one.
            let instr: &Instr = unsafe { &*ip };
            ip = unsafe { ip.add(1) };
            match *instr {
                Instr::Move { src, dst } => set!(dst, r!(src).clone()),
                Instr::Move2 { s1, d1, s2, d2 } => {
                    set!(d1, r!(s1).clone());
                    set!(d2, r!(s2).clone());
                }
                Instr::Move3 {
                    s1,
                    d1,
                    s2,
                    d2,
                    s3,
                    d3,
                } => {
                    set!(d1, r!(s1).clone());
                    set!(d2, r!(s2).clone());
                    set!(d3, r!(s3).clone());
                }
                Instr::Literal { lit, dst } => set!(dst, m.literals[lit as usize].clone()),
                Instr::Int { value, dst } => set!(dst, Term::Int(value as i64)),

                Instr::MakeTuple { start, n, dst } => {
                    let items = &p.regs[base!() + start as usize..][..n as usize];
                    let t = Term::tuple(items.iter().cloned());
                    r!(dst) = t;
                }
                Instr::MakeList {
                    start,
                    n,
                    tail,
                    dst,
                } => {
                    let mut list = r!(tail).clone();
                    for i in (0..n).rev() {
                        list = Term::cons(r!(start + i).clone(), list);
                    }
                    r!(dst) = list;
                }
                Instr::MakeMap { start, n, dst } => {
                    let mut map = crate::term::Map::new();
                    for i in 0..n {
                        let k = r!(start + 2 * i).clone();
                        let v = r!(start + 2 * i + 1).clone();
                        map.insert(k, v);
                    }
                    r!(dst) = Term::map(map);
                }
                Instr::UpdateMap { map, start, n, dst } => {
                    let Term::Map(old) = &r!(map) else {
                        throw!(Exception::badmap(r!(map).clone()))
                    };
                    let mut new = (**old).clone();
                    for i in 0..n {
                        let k = r!(start + 2 * i).clone();
                        if !new.contains_key(&k) {
                            // Erlang's `{:badkey, k}`: the map is not part of it.
                            throw!(Exception::key_error(k, Term::NIL));
                        }
                        new.insert(k, r!(start + 2 * i + 1).clone());
                    }
                    r!(dst) = Term::map(new);
                }
                Instr::Interpolate { start, n, dst } => {
                    let mut s = Vec::new();
                    for i in 0..n {
                        match crate::bif::io::chars_bytes(&r!(start + i)) {
                            Ok(text) => s.extend_from_slice(&text),
                            // A struct converts through its String.Chars
                            // implementation: called into the part's
                            // register, after which this instruction runs
                            // again.
                            Err(e) if is_struct(&r!(start + i)) => {
                                if let Some(Target::Vial(module, index)) =
                                    code::resolve(interpolate_mfa())
                                {
                                    save_ip!(unsafe { ip.sub(1) });
                                    let argv: Args = smallvec::smallvec![r!(start + i).clone()];
                                    push_frame_values(p, module, index, argv, &[], Some(start + i));
                                    continue 'frame;
                                }
                                throw!(e)
                            }
                            Err(e) => throw!(e),
                        }
                    }
                    r!(dst) = Term::binary(s);
                }
                Instr::MakeClosure { fun, env, n, dst } => {
                    let captured = p.regs[base!() + env as usize..][..n as usize].to_vec();
                    let arity = m.functions[fun as usize].arity;
                    r!(dst) = Term::Fun(crate::term::Arc::new(Closure {
                        kind: FunKind::Lambda {
                            module: m,
                            index: fun,
                            arity,
                        },
                        env: captured.into_boxed_slice(),
                    }));
                }

                Instr::CallLocal {
                    fun,
                    args,
                    argc: _,
                    dst,
                } => {
                    spend!();
                    enter!(m, fun, args, dst, 0);
                }
                Instr::TailCallSelf { args, argc, keep } => {
                    spend!();
                    // The frame stays, its window is the same size, and the
                    // arguments lie above the slots they move to. The other
                    // registers keep their values until overwritten (the
                    // compiler writes a register before reading it), so a
                    // loop may hold terms of its previous iteration one
                    // iteration longer; clearing them cost loop_sum 15%.
                    // SAFETY: both lie in the frame's window (checked at
                    // load).
                    let arg_to_param =
                        |i: usize| unsafe { move_term(regs.add(args as usize + i), regs.add(i)) };
                    // Without kept parameters, the plain loop: testing the
                    // mask cost loop_sum 5% of its instructions.
                    if keep == 0 {
                        (0..argc as usize).for_each(arg_to_param);
                    } else {
                        crate::bytecode::moved_args(argc, keep).for_each(arg_to_param);
                    }
                    ip = code;
                }
                Instr::TailCallLocal { fun, args, argc } => {
                    spend!();
                    replace_frame(p, m, fun, base!() + args as usize, argc, &[]);
                    continue 'frame;
                }
                Instr::CallRemote {
                    import,
                    args,
                    argc,
                    dst,
                } => {
                    spend!();
                    let start = base!() + args as usize;
                    match resolve_import(m, import, &p.regs[start..start + argc as usize]) {
                        Ok(target) => dispatch_regs!(target, start, argc, &[], Some(dst)),
                        Err(e) => throw!(e),
                    }
                }
                Instr::TailCallRemote { import, args, argc } => {
                    spend!();
                    let start = base!() + args as usize;
                    match resolve_import(m, import, &p.regs[start..start + argc as usize]) {
                        Ok(target) => dispatch_regs!(target, start, argc, &[], None),
                        Err(e) => throw!(e),
                    }
                }
                Instr::CallFun {
                    fun,
                    args,
                    argc,
                    dst,
                } => {
                    spend!();
                    let start = base!() + args as usize;
                    if let Some((module, index, env)) =
                        lambda_below(p, base!() + fun as usize, start, argc)
                    {
                        // SAFETY: see `lambda_below`.
                        let env = unsafe { &*env };
                        let argc = argc as usize;
                        enter!(module, index, args, dst, argc + env.len());
                        for (i, v) in env.iter().enumerate() {
                            // SAFETY: in the callee's window, which
                            // `enter!` made this long.
                            put(unsafe { &mut *regs.add(argc + i) }, v.clone());
                        }
                        continue;
                    }
                    let callee = r!(fun).clone();
                    match fun_target(&callee, &p.regs[start..start + argc as usize]) {
                        Ok((target, env)) => dispatch_regs!(target, start, argc, env, Some(dst)),
                        Err(e) => throw!(e),
                    }
                }
                Instr::CallDynamic { args, argc, dst } => {
                    spend!();
                    let start = base!() + args as usize;
                    match dynamic_target(p, start, argc) {
                        Ok(target) => dispatch_regs!(target, start + 2, argc, &[], Some(dst)),
                        Err(e) => throw!(e),
                    }
                }
                Instr::TailCallDynamic { args, argc } => {
                    spend!();
                    let start = base!() + args as usize;
                    match dynamic_target(p, start, argc) {
                        Ok(target) => dispatch_regs!(target, start + 2, argc, &[], None),
                        Err(e) => throw!(e),
                    }
                }
                Instr::TailCallFun { fun, args, argc } => {
                    spend!();
                    let callee = r!(fun).clone();
                    let start = base!() + args as usize;
                    match fun_target(&callee, &p.regs[start..start + argc as usize]) {
                        Ok((target, env)) => dispatch_regs!(target, start, argc, env, None),
                        Err(e) => throw!(e),
                    }
                }
                Instr::Apply { args, argc, dst } => {
                    spend!();
                    match apply_target(p, base!() + args as usize, argc) {
                        Ok((target, argv, env)) => dispatch!(target, argv, &env, Some(dst)),
                        Err(e) => throw!(e),
                    }
                }
                Instr::TailApply { args, argc } => {
                    spend!();
                    match apply_target(p, base!() + args as usize, argc) {
                        Ok((target, argv, env)) => dispatch!(target, argv, &env, None),
                        Err(e) => throw!(e),
                    }
                }
                Instr::Bif {
                    bif: id,
                    args,
                    argc,
                    dst,
                } => {
                    let argv = bif_args!(base!() + args as usize, argc);
                    call_bif!(id, argv, Some(dst))
                }
                Instr::Arith { op, a, b, dst } => {
                    arith_regs!(op, |x, y| int_arith(op, x, y), a, b, dst)
                }
                Instr::Add { a, b, dst } => arith_regs!(ArithOp::Add, i64::checked_add, a, b, dst),
                Instr::Sub { a, b, dst } => arith_regs!(ArithOp::Sub, i64::checked_sub, a, b, dst),
                Instr::Mul { a, b, dst } => arith_regs!(ArithOp::Mul, i64::checked_mul, a, b, dst),
                Instr::ArithImm { op, a, imm, dst } => {
                    arith_imm!(op, |x, y| int_arith(op, x, y), a, imm, dst)
                }
                Instr::AddImm { a, imm, dst } => {
                    arith_imm!(ArithOp::Add, i64::checked_add, a, imm, dst)
                }
                Instr::SubImm { a, imm, dst } => {
                    arith_imm!(ArithOp::Sub, i64::checked_sub, a, imm, dst)
                }
                Instr::MulImm { a, imm, dst } => {
                    arith_imm!(ArithOp::Mul, i64::checked_mul, a, imm, dst)
                }
                Instr::Compare { op, a, b, dst } => {
                    set!(dst, Term::bool(compare(op, &r!(a), &r!(b))));
                }
                Instr::JumpUnlessCompare { op, a, b, target } => {
                    if !compare(op, &r!(a), &r!(b)) {
                        jump!(target);
                    }
                }
                Instr::JumpUnlessCompareImm { op, a, imm, target } => {
                    let holds = match r!(a) {
                        Term::Int(x) => op.holds_int(x, imm as i64),
                        ref other => compare(op, other, &Term::Int(imm as i64)),
                    };
                    if !holds {
                        jump!(target);
                    }
                }
                Instr::Return { src } => {
                    let depth = p.frames.len();
                    if depth < 2 {
                        let v = std::mem::replace(&mut r!(src), Term::EmptyList);
                        return Outcome::Exit(Exit::Normal(v));
                    }
                    // SAFETY: `src` lies in the window; there is a caller
                    // frame (checked just above), whose function is one of
                    // its module's and whose saved ip is an instruction,
                    // and whose window lies below its `top`, which the
                    // register stack reaches (see `Frame::top`).
                    unsafe {
                        let v = RawTerm::take(regs.add(src as usize));
                        // Frames own nothing to drop: shortening the stack
                        // is all a pop needs.
                        let fp = p.frames.as_ptr();
                        let ret = (*fp.add(depth - 1)).ret;
                        let caller = &*fp.add(depth - 2);
                        p.frames.set_len(depth - 1);
                        let base = caller.base as usize;
                        ip = caller.ip;
                        m = caller.module;
                        code = m.functions.get_unchecked(caller.fun as usize).code.as_ptr();
                        regs = p.regs.as_mut_ptr().add(base);
                        v.put(regs.add(ret as usize));
                    }
                }

                Instr::Jump { target } => jump!(target),
                Instr::Take { src, dst } => {
                    // SAFETY: see `regs` above.
                    unsafe {
                        let (from, to) = (regs.add(src as usize), regs.add(dst as usize));
                        if (*to).is_immediate() {
                            RawTerm::take(from).write(to)
                        } else {
                            take_into(from, to)
                        }
                    }
                }
                Instr::JumpIfFalsy { src, target } => {
                    if !r!(src).is_truthy() {
                        jump!(target);
                    }
                }
                Instr::JumpUnlessTrue { src, target } => {
                    if !matches!(r!(src), Term::Atom(Atom::TRUE)) {
                        jump!(target);
                    }
                }
                Instr::Fail { kind, src } => {
                    let value = r!(src).clone();
                    let f = fun!();
                    let mut e = fail_exception(kind, value.clone(), m, f);
                    if let (FailKind::FunctionClause, Some(args)) = (kind, value.as_tuple()) {
                        e.call = Some(Box::new(FailedCall {
                            module: m.name,
                            function: shown_name(f).0,
                            args: Term::list(args.to_vec()),
                            own_frame: false,
                        }));
                    }
                    throw!(e)
                }

                Instr::IsEq { a, b, fail } => {
                    let equal = match (&r!(a), &r!(b)) {
                        (Term::Int(x), Term::Int(y)) => x == y,
                        (Term::Atom(x), Term::Atom(y)) => x == y,
                        (x, y) => x == y,
                    };
                    if !equal {
                        jump!(fail);
                    }
                }
                Instr::IsEqInt { a, imm, fail } => {
                    if !matches!(r!(a), Term::Int(x) if x == imm as i64) {
                        jump!(fail);
                    }
                }
                Instr::IsEqAtom { a, atom, fail } => {
                    if !matches!(r!(a), Term::Atom(x) if x == atom) {
                        jump!(fail);
                    }
                }
                Instr::IsTuple { src, arity, fail } => match &r!(src) {
                    Term::Tuple(t) if t.0.len() == arity as usize => {}
                    _ => jump!(fail),
                },
                Instr::GetElem { src, index, dst } => {
                    let v = match &r!(src) {
                        Term::Tuple(t) => t.0[index as usize].clone(),
                        _ => unreachable!("GetElem after IsTuple"),
                    };
                    r!(dst) = v;
                }
                Instr::IsCons {
                    src,
                    head,
                    tail,
                    fail,
                } => match &r!(src) {
                    Term::Cons(c) => {
                        let (h, t) = (c.head.clone(), c.tail.clone());
                        r!(head) = h;
                        r!(tail) = t;
                    }
                    _ => jump!(fail),
                },
                Instr::IsEmptyList { src, fail } => {
                    if !matches!(r!(src), Term::EmptyList) {
                        jump!(fail);
                    }
                }
                Instr::IsMap { src, fail } => {
                    if !matches!(r!(src), Term::Map(_)) {
                        jump!(fail);
                    }
                }
                Instr::GetMapValue {
                    map,
                    key,
                    dst,
                    fail,
                } => {
                    let found = match &r!(map) {
                        Term::Map(mm) => mm.get(&r!(key)).cloned(),
                        _ => None,
                    };
                    match found {
                        Some(v) => r!(dst) = v,
                        None => jump!(fail),
                    }
                }
                Instr::IsBinaryPrefix {
                    src,
                    prefix,
                    rest,
                    fail,
                } => {
                    let Term::Binary(pre) = &m.literals[prefix as usize] else {
                        unreachable!("binary prefix literal")
                    };
                    let tail = match &r!(src) {
                        Term::Binary(b) if b.0.starts_with(&pre.0) => {
                            Some(Term::binary(b.0[pre.0.len()..].to_vec()))
                        }
                        _ => None,
                    };
                    match tail {
                        Some(t) => r!(rest) = t,
                        None => jump!(fail),
                    }
                }

                Instr::TryBegin { handler, dst } => p.handlers.push(Handler {
                    depth: p.frames.len() as u32,
                    pc: handler,
                    dst,
                }),
                Instr::TryEnd => {
                    p.handlers.pop();
                }
                Instr::Reraise { start } => {
                    let class = match r!(start).as_atom() {
                        Some(Atom::THROW) => Class::Throw,
                        Some(Atom::EXIT_KIND) => Class::Exit,
                        _ => Class::Error,
                    };
                    // The handler's fourth register keeps what the VM
                    // raised; the second, what `catch` saw of it.
                    let mut e = Exception::new(class, r!(start + 3).clone());
                    e.builtin = r!(start + 1) != r!(start + 3);
                    e.trace = trace_from_term(&r!(start + 2));
                    throw!(e)
                }

                Instr::RecvPeek { dst, wait } => {
                    // Skip messages this receive cannot match (the receive
                    // marker and the prefilter, see `process::receive`).
                    if p.mark.is_some()
                        || (p.mailbox.len().saturating_sub(p.save) >= receive::PREFILTER_MIN
                            && !(p.save == 0 && p.first_matched))
                    {
                        let base = base!();
                        receive::skip(p, &fun!().code, pc!() - 1, dst, base, &m.literals);
                    }
                    if p.save >= p.mailbox.len() && p.drain() == Drained::Died {
                        save_ip!(unsafe { ip.sub(1) });
                        return Outcome::Exit(process::died(p));
                    }
                    match p.mailbox.get(p.save) {
                        Some(msg) => {
                            let msg = msg.clone();
                            r!(dst) = msg;
                        }
                        None => jump!(wait),
                    }
                }
                Instr::RecvNext { peek } => {
                    p.save += 1;
                    jump!(peek);
                }
                Instr::RecvAccept => {
                    p.remove_message(p.save);
                    p.save = 0;
                    // The receive timer, if armed, stays (see
                    // `process::Inbox::receive_timer`).
                    p.deadline = None;
                    p.timed_out = false;
                }
                Instr::RecvWait {
                    peek,
                    timeout,
                    after,
                } => {
                    // New messages (taken here, or by the scheduler before
                    // this time slice) are tried before a timeout is taken.
                    match p.drain() {
                        Drained::Messages => {
                            jump!(peek);
                            continue;
                        }
                        Drained::Nothing if p.save < p.mailbox.len() => {
                            jump!(peek);
                            continue;
                        }
                        Drained::Died => {
                            save_ip!(unsafe { ip.sub(1) });
                            return Outcome::Exit(process::died(p));
                        }
                        Drained::Nothing => {}
                    }
                    // The clock is read once: a deadline just set from it
                    // has passed only for `after 0`.
                    let mut now = None;
                    if p.deadline.is_none() && !p.timed_out {
                        if let Some(t) = timeout {
                            // Erlang's limit: 0..=2^32-1 ms, or :infinity.
                            match &r!(t) {
                                Term::Int(ms) if (0..=u32::MAX as i64).contains(ms) => {
                                    let t0 = Instant::now();
                                    now = Some(t0);
                                    p.deadline = Some(t0 + Duration::from_millis(*ms as u64))
                                }
                                Term::Atom(Atom::INFINITY) => {}
                                _ => throw!(Exception::error(exception_struct(
                                    "ErlangError",
                                    [
                                        ("original", Term::atom("timeout_value")),
                                        ("reason", Term::NIL)
                                    ]
                                ))),
                            }
                        }
                    }
                    if p.timed_out
                        || p.deadline
                            .is_some_and(|d| d <= now.unwrap_or_else(Instant::now))
                    {
                        p.timed_out = false;
                        p.save = 0;
                        p.deadline = None;
                        jump!(after);
                        continue;
                    }
                    save_ip!(unsafe { ip.sub(1) });
                    // A waiting process holds no values of returned frames.
                    truncate_regs(&mut p.regs, frame!().top as usize);
                    return Outcome::Wait;
                }
            }
        }
    }
}

/// Whether `t` is a struct (a map with a `__struct__` atom).
fn is_struct(t: &Term) -> bool {
    matches!(t, Term::Map(m) if matches!(m.get(&Term::Atom(Atom::STRUCT)), Some(Term::Atom(_))))
}

/// `String.Chars.__interpolate__/1`, which converts a struct in string
/// interpolation.
fn interpolate_mfa() -> Mfa {
    static MFA: std::sync::OnceLock<Mfa> = std::sync::OnceLock::new();
    *MFA.get_or_init(|| {
        Mfa::new(
            Atom::intern("Elixir.String.Chars"),
            Atom::intern("__interpolate__"),
            1,
        )
    })
}

/// A term in transit between two registers, held as raw words.
///
/// It is read and written as a 4-byte, a 4-byte and an 8-byte word, the
/// sizes the interpreter's stores of integers use (a tag, then a payload),
/// whatever the variant: a 16-byte copy of a value stored a moment ago in
/// two parts cannot be forwarded from the store buffer and stalls (a
/// result computed just before a return, an argument just before a tail
/// call).
/// It owns what the term owns: it must be put somewhere.
struct RawTerm {
    low: MaybeUninit<u32>,
    high: MaybeUninit<u32>,
    payload: MaybeUninit<u64>,
}

const _: () = assert!(std::mem::size_of::<Term>() == 16);

impl RawTerm {
    /// Moves the term out of `slot`, leaving `[]`.
    ///
    /// # Safety
    /// `slot` points to a valid term.
    #[inline(always)]
    unsafe fn take(slot: *mut Term) -> RawTerm {
        let raw = RawTerm::read(slot);
        std::ptr::write(slot, Term::EmptyList);
        raw
    }

    /// Copies the term in `slot` bit for bit.
    ///
    /// # Safety
    /// `slot` points to a valid term; the copy and the original own the
    /// same things, so only one of them may be kept.
    #[inline(always)]
    unsafe fn read(slot: *const Term) -> RawTerm {
        let words = slot as *const MaybeUninit<u32>;
        RawTerm {
            low: words.read(),
            // Volatile, so that it is not merged with `low` into one
            // 8-byte load that the 4-byte store of a tag cannot forward to.
            high: words.add(1).read_volatile(),
            payload: (slot as *const MaybeUninit<u64>).add(1).read(),
        }
    }

    /// Stores the term in `slot`, dropping the value there.
    ///
    /// # Safety
    /// `slot` points to a valid term.
    #[inline(always)]
    unsafe fn put(self, slot: *mut Term) {
        if !(*slot).is_immediate() {
            std::ptr::drop_in_place(slot);
        }
        self.write(slot)
    }

    /// Stores the term in `slot` without dropping the value there.
    ///
    /// # Safety
    /// `slot` points to an immediate (whose drop does nothing) or to a
    /// value already moved out.
    #[inline(always)]
    unsafe fn write(self, slot: *mut Term) {
        let words = slot as *mut MaybeUninit<u32>;
        words.write(self.low);
        words.add(1).write_volatile(self.high);
        (slot as *mut MaybeUninit<u64>).add(1).write(self.payload);
    }
}

/// Moves the term in register `src` to register `dst` (which may be the
/// same), leaving `[]` in `src` when they differ.
///
/// # Safety
/// Both point to valid terms.
#[inline(always)]
unsafe fn move_term(src: *mut Term, dst: *mut Term) {
    RawTerm::take(src).put(dst)
}

/// [`Instr::Take`] onto a register holding a boxed term, which must be
/// dropped: moves the value of register `src` into register `dst`. Kept
/// out of line (the drop is a call): a whole inline arm made the dispatch
/// loop's code layout cost fib and loop_sum 5 to 10% before they ran in
/// the fast lane; the arm inlines only the copy onto an immediate.
///
/// # Safety
/// Both point into the current frame's register window.
#[inline(never)]
unsafe fn take_into(src: *mut Term, dst: *mut Term) {
    move_term(src, dst)
}

/// Stores `v` in a register, skipping the drop call for an immediate.
#[inline(always)]
fn put(slot: &mut Term, v: Term) {
    if slot.is_immediate() {
        // SAFETY: an immediate owns nothing, so overwriting it without
        // running its (no-op) destructor leaks nothing.
        unsafe { std::ptr::write(slot, v) }
    } else {
        *slot = v;
    }
}

/// Grows the register stack to `len` with `[]`s (a write of a constant per
/// slot, cheaper than `Vec::resize`'s clones).
#[inline]
fn grow_regs(regs: &mut Vec<Term>, len: usize) {
    let old = regs.len();
    if len <= old {
        return;
    }
    regs.reserve(len - old);
    // SAFETY: `reserve` made room for `len - old` more values, and each
    // new slot is written before `set_len` makes it visible.
    unsafe {
        let ptr = regs.as_mut_ptr();
        for i in old..len {
            ptr.add(i).write(Term::EmptyList);
        }
        regs.set_len(len);
    }
}

/// How many registers returned frames may leave above the innermost
/// window for later calls to reuse (see `push_frame`) while the process
/// yields: a deep recursion that has unwound does not keep its values
/// alive past its time slice.
const KEPT_REGS: usize = 256;

/// Cuts the register stack to [`KEPT_REGS`] above the innermost frame's
/// `top`, when it is longer (a yielding process).
fn trim_regs(p: &mut Process) {
    let top = p.frames.last().map_or(0, |f| f.top as usize);
    if p.regs.len().saturating_sub(top) > KEPT_REGS {
        truncate_regs(&mut p.regs, top + KEPT_REGS);
    }
}

/// Shortens the register stack to `len`, dropping only the values that own
/// something.
#[inline]
fn truncate_regs(regs: &mut Vec<Term>, len: usize) {
    if len >= regs.len() {
        return;
    }
    if regs[len..].iter().all(Term::is_immediate) {
        // SAFETY: every value past `len` is an immediate whose destructor
        // does nothing, and `len` is within the initialised length.
        unsafe { regs.set_len(len) }
    } else {
        regs.truncate(len);
    }
}

/// [`Instr::Arith`] on two small integers, or `None` when the result needs
/// the general path (overflow into a big integer, division by zero, `/`).
#[inline(always)]
fn int_arith(op: ArithOp, x: i64, y: i64) -> Option<i64> {
    match op {
        ArithOp::Add => x.checked_add(y),
        ArithOp::Sub => x.checked_sub(y),
        ArithOp::Mul => x.checked_mul(y),
        ArithOp::IntDiv => arith::div_rem(x, y).map(|(q, _)| q),
        ArithOp::Rem => arith::div_rem(x, y).map(|(_, r)| r),
        ArithOp::Div => None,
    }
}

/// [`Instr::Arith`] off the integer fast path: the Kernel BIFs.
#[cold]
fn arith(op: ArithOp, a: &Term, b: &Term) -> Result<Term, Exception> {
    use crate::bif::arith as k;
    match op {
        ArithOp::Add => k::add(a, b),
        ArithOp::Sub => k::sub(a, b),
        ArithOp::Mul => k::mul(a, b),
        ArithOp::Div => k::fdiv(a, b),
        ArithOp::IntDiv => k::div(a, b),
        ArithOp::Rem => k::rem(a, b),
    }
}

/// [`Instr::Compare`]: Erlang term order, integers compared inline.
#[inline(always)]
fn compare(op: CmpOp, a: &Term, b: &Term) -> bool {
    use std::cmp::Ordering::*;
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        return op.holds_int(*x, *y);
    }
    match op {
        CmpOp::StrictEq => a == b,
        CmpOp::StrictNe => a != b,
        // `==` differs from `===` only between numbers: an atom, pid, ref
        // or `[]` on either side is equal only to itself, by identity,
        // without ordering atoms by name.
        CmpOp::Eq | CmpOp::Ne
            if !a.is_number() && !b.is_number() && (a.is_immediate() || b.is_immediate()) =>
        {
            (a == b) == (op == CmpOp::Eq)
        }
        _ => {
            let o = a.compare(b);
            match op {
                CmpOp::Lt => o == Less,
                CmpOp::Gt => o == Greater,
                CmpOp::Le => o != Greater,
                CmpOp::Ge => o != Less,
                CmpOp::Eq => o == Equal,
                _ => o != Equal,
            }
        }
    }
}

/// What a BIF's error asks of the interpreter.
enum BifFailed {
    /// The library function it redirected to has a frame now.
    Entered,
    /// Run the instruction again after yielding (`Exception::retry`).
    Retry,
    /// Raise this.
    Raise(Exception),
}

/// Handles the error of a BIF called with `argv` (for register `ret`, or
/// a tail call): the markers `Exception::retry` and
/// `Exception::redirect` (entering the library function named, with the
/// same arguments), else an exception to raise. Out of line, so that the
/// call sites in the dispatch loop stay small.
#[cold]
#[inline(never)]
fn bif_failed(p: &mut Process, e: Exception, argv: &[Term], ret: Option<Reg>) -> BifFailed {
    if e.is_retry() {
        return BifFailed::Retry;
    }
    let Some((module, function)) = e.redirected() else {
        return BifFailed::Raise(e);
    };
    match resolve(module, function, argv) {
        Ok(Target::Vial(module, index)) => {
            push_frame_values(p, module, index, argv.iter().cloned().collect(), &[], ret);
            BifFailed::Entered
        }
        Ok(Target::Bif(_)) => BifFailed::Raise(Exception::badarg()),
        Err(e) => BifFailed::Raise(e),
    }
}

/// Resolves `module.name/arity` for a call with `args`: a BIF, else an
/// export of a loaded module.
fn resolve(module: Atom, name: Atom, args: &[Term]) -> Result<Target, Exception> {
    code::resolve_dynamic(Mfa::new(module, name, args.len() as u32))
        .ok_or_else(|| Exception::undefined_call(module, name, args))
}

/// Resolves import `import` of `m` through its cache, for a call with
/// `args`.
fn resolve_import(m: &Module, import: u32, args: &[Term]) -> Result<Target, Exception> {
    m.resolve_import(import)
        .map_err(|mfa| Exception::undefined_call(mfa.module, mfa.name, args))
}

/// For a call of the function value in absolute register `slot` with the
/// `argc` arguments at `start`: when it is an anonymous function of that
/// arity and `slot` lies below `start`, its code and its captured values,
/// found without counting a reference to the closure (two atomic
/// operations per call of an `Enum` callback).
///
/// The captured values lie in the closure's own allocation, which the
/// register keeps alive while the callee's frame is pushed (`enter!`) and
/// the values are copied in: that writes only from `start` up, and
/// growing the register stack moves the register's pointer, not what it
/// points to. So the returned pointer is valid until
/// register `slot` is next written.
#[inline(always)]
fn lambda_below(
    p: &Process,
    slot: usize,
    start: usize,
    argc: u8,
) -> Option<(&'static Module, u32, *const [Term])> {
    if slot >= start {
        return None;
    }
    match &p.regs[slot] {
        Term::Fun(c) => match c.kind {
            FunKind::Lambda {
                module,
                index,
                arity,
            } if arity == argc as u32 => Some((module, index, &*c.env as *const [Term])),
            _ => None,
        },
        _ => None,
    }
}

/// Resolves a function value called with `args`; returns the target and the
/// captured values to pass after the arguments.
fn fun_target<'a>(callee: &'a Term, args: &[Term]) -> Result<(Target, &'a [Term]), Exception> {
    let Term::Fun(c) = callee else {
        return Err(Exception::error(exception_struct(
            "BadFunctionError",
            [("term", callee.clone())],
        )));
    };
    if c.arity() as usize != args.len() {
        return Err(Exception::error(exception_struct(
            "BadArityError",
            [
                ("function", callee.clone()),
                ("args", Term::list(args.iter().cloned())),
            ],
        )));
    }
    match &c.kind {
        FunKind::Lambda { module, index, .. } => Ok((Target::Vial(module, *index), &c.env)),
        FunKind::External {
            module,
            name,
            arity,
        } => {
            debug_assert_eq!(*arity as usize, args.len());
            Ok((resolve(*module, *name, args)?, &[]))
        }
    }
}

type Args = SmallVec<[Term; 4]>;

/// Resolves `apply(fun, args)` (`argc` 2) or `apply(module, name, args)`
/// (`argc` 3) from absolute registers `start..`; returns the target, the
/// arguments and a closure's captured values.
/// The target of [`Instr::CallDynamic`]: module in `regs[start]`, name in
/// `regs[start + 1]`.
fn dynamic_target(p: &Process, start: usize, argc: u8) -> Result<Target, Exception> {
    match (&p.regs[start], &p.regs[start + 1]) {
        (Term::Atom(m), Term::Atom(f)) => {
            resolve(*m, *f, &p.regs[start + 2..start + 2 + argc as usize])
        }
        _ => Err(Exception::badarg()),
    }
}

fn apply_target(p: &Process, start: usize, argc: u8) -> Result<(Target, Args, Args), Exception> {
    let list = &p.regs[start + argc as usize - 1];
    let argv: Args = match list.list_to_vec() {
        Some(v) => v.into(),
        None => return Err(Exception::badarg()),
    };
    if argc == 2 {
        let callee = &p.regs[start];
        let (target, env) = fun_target(callee, &argv)?;
        let env: Args = env.iter().cloned().collect();
        return Ok((target, argv, env));
    }
    match (&p.regs[start], &p.regs[start + 1]) {
        (Term::Atom(m), Term::Atom(f)) => Ok((resolve(*m, *f, &argv)?, argv, Args::new())),
        _ => Err(Exception::badarg()),
    }
}

/// Enters `module.functions[fun]` with argument values `argv` and `env`:
/// as a new frame returning into caller register `ret`, or (with `None`)
/// replacing the current frame (a tail call).
fn push_frame_values(
    p: &mut Process,
    module: &'static Module,
    fun: u32,
    argv: Args,
    env: &[Term],
    ret: Option<Reg>,
) {
    let argc = argv.len();
    let need = (module.functions[fun as usize].nregs as usize).max(argc + env.len());
    let (base, top) = match ret {
        Some(ret) => {
            // Above every register of every frame: the values are not in
            // registers yet.
            let base = p.frames.last().map_or(0, |f| f.top as usize);
            let top = base + need;
            p.frames
                .push(Frame::entry(module, fun, base as u32, ret, top as u32));
            (base, top)
        }
        None => {
            let floor = below_top(p);
            let frame = p.frames.last_mut().expect("frame");
            let base = frame.base as usize;
            let top = (base + need).max(floor);
            *frame = Frame::entry(module, fun, base as u32, frame.ret, top as u32);
            (base, top)
        }
    };
    grow_regs(&mut p.regs, top);
    let values = argv.into_iter().chain(env.iter().cloned());
    for (slot, v) in p.regs[base..].iter_mut().zip(values) {
        put(slot, v);
    }
}

/// The `top` of the frame below the innermost one (0 for none): the least
/// a tail call's replacement frame may take as its own.
fn below_top(p: &Process) -> usize {
    let n = p.frames.len();
    if n >= 2 {
        p.frames[n - 2].top as usize
    } else {
        0
    }
}

/// Pushes a frame for `module.functions[fun]` whose window starts at
/// absolute register `args`: its arguments `args..args+argc`, left where
/// they are, then copies of `env`.
#[inline(always)]
fn push_frame(
    p: &mut Process,
    module: &'static Module,
    fun: u32,
    args: usize,
    argc: u8,
    env: &[Term],
    ret: Reg,
) {
    // The callee's window starts at its arguments, which stay where the
    // caller put them (as in Lua): the compiler allocates a call's
    // arguments above every register live after the call, so the callee
    // may use everything from there on (checked at load, see
    // `code::verify`). Its other registers, and those above the caller's
    // window, keep the values of earlier frames until the callee
    // overwrites them (the compiler writes every register before reading
    // it), which saves filling the window on each call and dropping it on
    // each return.
    let base = args;
    let argc = argc as usize;
    let caller = p.frames.last().expect("a caller frame");
    assert!(
        base >= caller.base as usize,
        "arguments lie in the caller's window"
    );
    let need = (module.functions[fun as usize].nregs as usize).max(argc + env.len());
    let top = (base + need).max(caller.top as usize);
    if top > p.regs.len() {
        grow_regs(&mut p.regs, top);
    }
    for (i, v) in env.iter().enumerate() {
        put(&mut p.regs[base + argc + i], v.clone());
    }
    p.frames
        .push(Frame::entry(module, fun, base as u32, ret, top as u32));
}

/// Tail call: the current frame becomes a frame for `module.functions[fun]`,
/// with arguments moved from absolute registers `args..args+argc` (inside
/// the current frame) and then `env`.
fn replace_frame(
    p: &mut Process,
    module: &'static Module,
    fun: u32,
    args: usize,
    argc: u8,
    env: &[Term],
) {
    let argc = argc as usize;
    let floor = below_top(p);
    let need = (module.functions[fun as usize].nregs as usize).max(argc + env.len());
    let frame = p.frames.last_mut().expect("frame");
    let base = frame.base as usize;
    assert!(args >= base, "arguments lie in the current frame");
    let top = (base + need).max(floor);
    *frame = Frame::entry(module, fun, base as u32, frame.ret, top as u32);
    // Each argument lies at or above the slot it moves to, so moving them
    // in ascending order only ever overwrites arguments already moved,
    // even where the two ranges overlap.
    assert!(
        args + argc <= p.regs.len(),
        "arguments lie in the current frame"
    );
    let ptr = p.regs.as_mut_ptr();
    for i in 0..argc {
        // SAFETY: both slots lie within the register stack (checked
        // above).
        unsafe { move_term(ptr.add(args + i), ptr.add(base + i)) }
    }
    // The rest of the window keeps the old frame's values until the new
    // code overwrites them (the compiler writes every register before
    // reading it), as for `Instr::TailCallSelf`: a server loop's tail calls
    // between functions of 20 to 40 registers spent a tenth of
    // genserver_call dropping and refilling them.
    grow_regs(&mut p.regs, top);
    for (i, v) in env.iter().enumerate() {
        put(&mut p.regs[base + argc + i], v.clone());
    }
}

/// Pops the current frame and delivers `v` to the caller. Returns `Some(v)`
/// when the popped frame was the process's first one.
fn return_value(p: &mut Process, v: Term) -> Option<Term> {
    let frame = p.frames.pop().expect("frame");
    let Some(caller) = p.frames.last() else {
        return Some(v);
    };
    let slot = caller.base as usize + frame.ret as usize;
    put(&mut p.regs[slot], v);
    None
}

/// Unwinds to the innermost handler. Returns the exception back when there is
/// none (the process dies).
fn unwind(p: &mut Process, mut e: Exception) -> Option<Exception> {
    if e.trace.is_empty() {
        let mut trace = capture_trace(p);
        match (&e.call, e.call_frame()) {
            (_, Some(frame)) => trace.insert(0, frame),
            (Some(call), None) => {
                if let Some(top) = trace.first_mut() {
                    top.args = Some(call.args.clone());
                }
            }
            (None, None) => {}
        }
        e.trace = Arc::new(trace);
    }
    let h = match p.handlers.pop() {
        Some(h) => h,
        None => return Some(e),
    };
    p.frames.truncate(h.depth as usize);
    let frame = p.frames.last_mut().expect("handler frame");
    frame.jump(h.pc as usize);
    let base = frame.base as usize;
    // The unwound frames' values go; the handler frame's window and those
    // below it stay (see `Frame::top`).
    let top = frame.top as usize;
    truncate_regs(&mut p.regs, top);
    let class = match e.class {
        Class::Error => Atom::ERROR,
        Class::Throw => Atom::THROW,
        Class::Exit => Atom::EXIT_KIND,
    };
    let dst = base + h.dst as usize;
    p.regs[dst] = Term::Atom(class);
    p.regs[dst + 1] = e.erlang_reason();
    p.regs[dst + 2] = trace_to_term(&e.trace);
    p.regs[dst + 3] = e.reason;
    None
}

fn capture_trace(p: &Process) -> Vec<TraceEntry> {
    p.frames
        .iter()
        .rev()
        .take(TRACE_DEPTH)
        .map(|fr| {
            let f = fr.function();
            let at = fr
                .pc()
                .saturating_sub(1)
                .min(f.lines.len().saturating_sub(1));
            let (function, arity) = shown_name(f);
            TraceEntry {
                module: fr.module.name,
                function,
                arity,
                args: None,
                file: fr.module.file.clone(),
                line: f.lines.get(at).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// The name and arity a stack frame of `f` shows. A script's top level
/// is `__FILE__/1` on the BEAM (Elixir compiles it as a function of that
/// name), so its funs are `-__FILE__/1-fun-N-`.
fn shown_name(f: &code::Function) -> (Atom, u32) {
    let name = f.name.name();
    if !name.contains("__script__") {
        return (f.name, f.arity);
    }
    let shown = name.replace("__script__/0", "__FILE__/1");
    match shown.as_str() {
        "__script__" => (Atom::intern("__FILE__"), 1),
        _ => (Atom::intern(&shown), f.arity),
    }
}

/// A stack trace as Elixir shows it to `__STACKTRACE__`:
/// `[{module, function, arity, [file: 'app.exs', line: 3]}]`, with the
/// argument list in place of the arity where the entry has one, and no
/// location for a frame without a file.
pub fn trace_to_term(trace: &[TraceEntry]) -> Term {
    Term::list(trace.iter().map(|t| {
        let info = if t.file.is_empty() {
            Term::EmptyList
        } else {
            let file = Term::list(t.file.chars().map(|c| Term::Int(c as i64)));
            Term::list([
                Term::tuple([Term::atom("file"), file]),
                Term::tuple([Term::atom("line"), Term::Int(t.line as i64)]),
            ])
        };
        let arity = match &t.args {
            Some(args) => args.clone(),
            None => Term::Int(t.arity as i64),
        };
        Term::tuple([Term::Atom(t.module), Term::Atom(t.function), arity, info])
    }))
}

pub(crate) fn trace_from_term(term: &Term) -> Arc<Vec<TraceEntry>> {
    let entries = term
        .iter_list()
        .filter_map(|e| {
            let t = e.as_tuple()?;
            let [m, f, a, info] = t else { return None };
            let mut entry = TraceEntry {
                module: m.as_atom()?,
                function: f.as_atom()?,
                arity: match a {
                    Term::Int(n) => *n as u32,
                    args => args.iter_list().count() as u32,
                },
                args: matches!(a, Term::Cons(_) | Term::EmptyList).then(|| a.clone()),
                file: Arc::from(""),
                line: 0,
            };
            for kv in info.iter_list() {
                if let Some([k, v]) = kv.as_tuple() {
                    match (k.as_atom().map(|a| a.name()), v) {
                        (Some("line"), Term::Int(n)) => entry.line = *n as u32,
                        (Some("file"), file) => {
                            let s: String = file
                                .iter_list()
                                .filter_map(|c| match c {
                                    Term::Int(n) => char::from_u32(*n as u32),
                                    _ => None,
                                })
                                .collect();
                            entry.file = Arc::from(s.as_str());
                        }
                        _ => {}
                    }
                }
            }
            Some(entry)
        })
        .collect();
    Arc::new(entries)
}

fn fail_exception(kind: FailKind, value: Term, m: &Module, f: &code::Function) -> Exception {
    let reason = match kind {
        FailKind::Badmatch => exception_struct("MatchError", [("term", value)]),
        FailKind::CaseClause => exception_struct("CaseClauseError", [("term", value)]),
        FailKind::CondClause => exception_struct("CondClauseError", []),
        FailKind::WithClause => exception_struct("WithClauseError", [("term", value)]),
        FailKind::TryClause => exception_struct("TryClauseError", [("term", value)]),
        FailKind::FunctionClause => exception_struct(
            "FunctionClauseError",
            [
                ("module", Term::Atom(m.name)),
                ("function", Term::Atom(shown_name(f).0)),
                ("arity", Term::Int(f.arity as i64)),
                ("kind", Term::NIL),
                ("args", Term::NIL),
                ("clauses", Term::NIL),
            ],
        ),
        FailKind::BadBinaryPattern => return Exception::badarg(),
        FailKind::BadBoolAnd | FailKind::BadBoolOr => {
            let op = if kind == FailKind::BadBoolAnd {
                "and"
            } else {
                "or"
            };
            exception_struct(
                "BadBooleanError",
                [("term", value), ("operator", Term::atom(op))],
            )
        }
    };
    Exception::error(reason)
}
