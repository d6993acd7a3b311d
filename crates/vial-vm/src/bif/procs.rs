//! Process BIFs: spawning, messages, links, monitors, exit signals,
//! registered names, timers, the process dictionary and `Process.info`,
//! under their Kernel, `Process` and `:erlang` names.
//!
//! Errors follow Elixir 1.14 on OTP 25: a bad argument raises
//! `ArgumentError` with OTP's "errors were found at the given arguments"
//! message, and the guards of Elixir's `Process` functions raise
//! `FunctionClauseError`.

use super::{bif, BifDef, Ctx};
use crate::error::{exception_struct, Exception};
use crate::process::Process;
use crate::scheduler::InfoItem;
use crate::term::{FunKind, Pid, Ref, Term};
use crate::{code, Atom};

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.Kernel", "self", 0, self_pid),
    bif!("erlang", "self", 0, self_pid),
    bif!("Elixir.Kernel", "send", 2, send),
    bif!("erlang", "send", 2, send),
    bif!("Elixir.Process", "send", 3, send3),
    bif!("erlang", "send", 3, send3),
    bif!("Elixir.Kernel", "spawn", 1, spawn1),
    bif!("erlang", "spawn", 1, spawn1),
    bif!("Elixir.Kernel", "spawn", 3, spawn3),
    bif!("erlang", "spawn", 3, spawn3),
    bif!("Elixir.Kernel", "spawn_link", 1, spawn_link1),
    bif!("erlang", "spawn_link", 1, spawn_link1),
    bif!("Elixir.Kernel", "spawn_link", 3, spawn_link3),
    bif!("erlang", "spawn_link", 3, spawn_link3),
    bif!("Elixir.Kernel", "spawn_monitor", 1, spawn_monitor1),
    bif!("erlang", "spawn_monitor", 1, spawn_monitor1),
    bif!("Elixir.Kernel", "spawn_monitor", 3, spawn_monitor3),
    bif!("erlang", "spawn_monitor", 3, spawn_monitor3),
    bif!("Elixir.Process", "spawn", 2, process_spawn2),
    bif!("Elixir.Process", "spawn", 4, process_spawn4),
    bif!("Elixir.Kernel", "make_ref", 0, make_ref),
    bif!("erlang", "make_ref", 0, make_ref),
    bif!("Elixir.Kernel", "node", 0, node),
    bif!("erlang", "node", 0, node),
    bif!("Elixir.Kernel", "node", 1, node1),
    bif!("erlang", "node", 1, node1),
    bif!("Elixir.Process", "alive?", 1, alive),
    bif!("erlang", "is_process_alive", 1, alive),
    bif!("Elixir.Process", "exit", 2, exit2),
    bif!("erlang", "exit", 2, exit2),
    bif!("Elixir.Process", "flag", 2, flag),
    bif!("erlang", "process_flag", 2, flag),
    bif!("Elixir.Process", "link", 1, link),
    bif!("erlang", "link", 1, link),
    bif!("Elixir.Process", "unlink", 1, unlink),
    bif!("erlang", "unlink", 1, unlink),
    bif!("Elixir.Process", "monitor", 1, monitor),
    bif!("erlang", "monitor", 2, erlang_monitor),
    bif!("erlang", "monitor", 3, erlang_monitor3),
    bif!("Elixir.Process", "demonitor", 1, demonitor1),
    bif!("erlang", "demonitor", 1, demonitor1),
    bif!("Elixir.Process", "demonitor", 2, demonitor2),
    bif!("erlang", "demonitor", 2, demonitor2),
    bif!("Elixir.Process", "register", 2, register),
    bif!("erlang", "register", 2, erlang_register),
    bif!("Elixir.Process", "unregister", 1, unregister),
    bif!("erlang", "unregister", 1, unregister),
    bif!("Elixir.Process", "whereis", 1, whereis),
    bif!("erlang", "whereis", 1, erlang_whereis),
    bif!("Elixir.Process", "registered", 0, registered),
    bif!("erlang", "registered", 0, registered),
    bif!("Elixir.Process", "list", 0, list),
    bif!("erlang", "processes", 0, list),
    bif!("Elixir.Process", "info", 2, info2),
    bif!("erlang", "process_info", 2, info2),
    bif!("Elixir.Process", "info", 1, info1),
    bif!("erlang", "process_info", 1, info1),
    bif!("Elixir.Process", "send_after", 3, send_after3),
    bif!("Elixir.Process", "send_after", 4, send_after4),
    bif!("erlang", "send_after", 3, erlang_send_after),
    bif!("Elixir.Process", "cancel_timer", 1, cancel_timer),
    bif!("Elixir.Process", "cancel_timer", 2, cancel_timer2),
    bif!("erlang", "cancel_timer", 1, cancel_timer),
    bif!("erlang", "cancel_timer", 2, cancel_timer2),
    bif!("Elixir.Process", "read_timer", 1, read_timer),
    bif!("erlang", "read_timer", 1, read_timer),
    bif!("Elixir.Process", "get", 0, get0),
    bif!("erlang", "get", 0, get0),
    bif!("Elixir.Process", "get", 1, get1),
    bif!("erlang", "get", 1, erlang_get1),
    bif!("Elixir.Process", "get", 2, get2),
    bif!("Elixir.Process", "get_keys", 0, get_keys),
    bif!("erlang", "get_keys", 0, get_keys),
    bif!("Elixir.Process", "get_keys", 1, get_keys1),
    bif!("erlang", "get_keys", 1, get_keys1),
    bif!("Elixir.Process", "put", 2, put),
    bif!("erlang", "put", 2, erlang_put),
    bif!("Elixir.Process", "delete", 1, delete),
    bif!("erlang", "erase", 1, erlang_erase1),
    bif!("erlang", "erase", 0, erase0),
    bif!("erlang", "alias", 0, alias),
    bif!("erlang", "unalias", 1, unalias),
    bif!("erlang", "start_timer", 3, start_timer),
    bif!("Elixir.System", "argv", 0, argv),
    bif!("Elixir.System", "schedulers_online", 0, schedulers),
    bif!("Elixir.System", "schedulers", 0, schedulers),
    bif!("erlang", "system_info", 1, system_info),
    bif!("Elixir.Node", "self", 0, node),
    bif!("Elixir.Node", "alive?", 0, |_, _| Ok(Term::FALSE)),
    bif!("Elixir.Node", "list", 0, |_, _| Ok(Term::EmptyList)),
];

/// `%ArgumentError{}` with OTP 25's message for a bad argument `n`
/// (1-based): `errors were found at the given arguments: * 1st argument: ...`.
pub(crate) fn arg_error(n: usize, what: &str) -> Exception {
    let nth = match n {
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    };
    Exception::argument(format!(
        "errors were found at the given arguments:\n\n  * {nth} argument: {what}\n"
    ))
}

/// `%FunctionClauseError{}` for `Process.<function>/<arity>`.
fn clause_error(function: &str, arity: i64) -> Exception {
    Exception::error(exception_struct(
        "FunctionClauseError",
        [
            ("module", Term::atom("Elixir.Process")),
            ("function", Term::atom(function)),
            ("arity", Term::Int(arity)),
            ("kind", Term::NIL),
            ("args", Term::NIL),
            ("clauses", Term::NIL),
        ],
    ))
}

fn pid_arg(t: &Term, n: usize) -> Result<Pid, Exception> {
    match t {
        Term::Pid(p) => Ok(*p),
        _ => Err(arg_error(n, "not a pid")),
    }
}

fn ref_arg(t: &Term, n: usize) -> Result<Ref, Exception> {
    match t {
        Term::Ref(r) => Ok(*r),
        _ => Err(arg_error(n, "not a reference")),
    }
}

fn self_pid(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::Pid(ctx.proc.pid))
}

/// `send(dest, msg)`: `dest` is a pid (a dead one drops the message
/// silently), a registered name (an unregistered one raises
/// `ArgumentError`), `{name, node}`, or an alias reference. Returns `msg`.
fn send(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let msg = args[1].clone();
    match &args[0] {
        Term::Pid(pid) => ctx.vm.send_from(ctx.proc, *pid, msg),
        Term::Atom(name) => match ctx.vm.whereis(*name) {
            Some(pid) => ctx.vm.send_from(ctx.proc, pid, msg),
            None => return Err(arg_error(1, "invalid destination")),
        },
        Term::Ref(r) => ctx.vm.send_alias(ctx.proc, *r, msg),
        Term::Tuple(t) => match &t.0[..] {
            [Term::Atom(name), Term::Atom(_)] => {
                if let Some(pid) = ctx.vm.whereis(*name) {
                    ctx.vm.send_from(ctx.proc, pid, msg);
                }
            }
            _ => return Err(arg_error(1, "invalid destination")),
        },
        _ => return Err(arg_error(1, "invalid destination")),
    }
    Ok(args[1].clone())
}

/// `Process.send(dest, msg, opts)`: `send/2` returning `:ok` (the
/// `:noconnect`/`:nosuspend` options change nothing on one node).
fn send3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    send(ctx, &args[..2])?;
    Ok(Term::OK)
}

/// A new process that will call `fun` (arity 0). A function value of
/// another arity gives a process that dies with `BadArityError`, as on the
/// BEAM; a non-function raises.
fn new_fun_process(ctx: &mut Ctx, fun: &Term) -> Result<Process, Exception> {
    let Term::Fun(c) = fun else {
        return Err(arg_error(1, "not a fun"));
    };
    let mut p = ctx.vm.new_process();
    if c.arity() != 0 {
        p.start_error = Some(Box::new(Exception::error(exception_struct(
            "BadArityError",
            [("function", fun.clone()), ("args", Term::EmptyList)],
        ))));
        return Ok(p);
    }
    match &c.kind {
        FunKind::Lambda { module, index, .. } => p.start(module, *index, &[], &c.env),
        FunKind::External { module, name, .. } => start_mfa(&mut p, *module, *name, &[]),
    }
    Ok(p)
}

/// A new process that will call `module.function(args...)`; a missing
/// function makes the process die with `UndefinedFunctionError` when it
/// runs (the spawn itself succeeds, as on the BEAM).
fn new_mfa_process(ctx: &mut Ctx, args: &[Term]) -> Result<Process, Exception> {
    let Some(module) = args[0].as_atom() else {
        return Err(arg_error(1, "not an atom"));
    };
    let Some(name) = args[1].as_atom() else {
        return Err(arg_error(2, "not an atom"));
    };
    let Some(argv) = args[2].list_to_vec() else {
        return Err(arg_error(3, "not a list"));
    };
    let mut p = ctx.vm.new_process();
    start_mfa(&mut p, module, name, &argv);
    Ok(p)
}

fn start_mfa(p: &mut Process, module: Atom, name: Atom, args: &[Term]) {
    let arity = args.len() as u32;
    let found = code::lookup(module).and_then(|m| m.export(name, arity).map(|i| (m, i)));
    match found {
        Some((m, index)) => p.start(m, index, args, &[]),
        // A BIF (`spawn(:erlang, :send, [pid, msg])`) runs through
        // `Kernel.apply/3`, a Vial function a process can start in.
        None if super::lookup(crate::bytecode::Mfa::new(module, name, arity)).is_some() => {
            let apply = code::lookup(Atom::intern("Elixir.Kernel"))
                .and_then(|m| m.export(Atom::intern("apply"), 3).map(|i| (m, i)));
            match apply {
                Some((m, index)) => {
                    let argv = [
                        Term::Atom(module),
                        Term::Atom(name),
                        Term::list(args.to_vec()),
                    ];
                    p.start(m, index, &argv, &[])
                }
                None => p.start_error = Some(Box::new(undefined_start(module, name, args))),
            }
        }
        None => p.start_error = Some(Box::new(undefined_start(module, name, args))),
    }
}

/// The error of a process started in a function that does not exist: its
/// stack trace is the call alone.
fn undefined_start(module: Atom, name: Atom, args: &[Term]) -> Exception {
    let mut e = Exception::undefined_call(module, name, args);
    e.trace = std::sync::Arc::new(e.call_frame().into_iter().collect());
    e
}

/// How a process is spawned (`spawn`, `spawn_link`, `spawn_monitor`).
#[derive(Clone, Copy, PartialEq)]
enum Spawn {
    Plain,
    Link,
    Monitor,
    LinkMonitor,
}

/// Makes `p` runnable with its link/monitor to the caller already in
/// place; returns `pid` or `{pid, ref}`.
fn start(ctx: &mut Ctx, p: Process, how: Spawn) -> Term {
    if matches!(how, Spawn::Link | Spawn::LinkMonitor) {
        ctx.vm.link_new(ctx.proc, &p);
    }
    let r = matches!(how, Spawn::Monitor | Spawn::LinkMonitor)
        .then(|| ctx.vm.monitor_new(ctx.proc, &p));
    let pid = ctx.vm.spawn(p);
    match r {
        Some(r) => Term::tuple([Term::Pid(pid), Term::Ref(r)]),
        None => Term::Pid(pid),
    }
}

fn spawn1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_fun_process(ctx, &args[0])?;
    Ok(start(ctx, p, Spawn::Plain))
}

fn spawn3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_mfa_process(ctx, args)?;
    Ok(start(ctx, p, Spawn::Plain))
}

fn spawn_link1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_fun_process(ctx, &args[0])?;
    Ok(start(ctx, p, Spawn::Link))
}

fn spawn_link3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_mfa_process(ctx, args)?;
    Ok(start(ctx, p, Spawn::Link))
}

fn spawn_monitor1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_fun_process(ctx, &args[0])?;
    Ok(start(ctx, p, Spawn::Monitor))
}

fn spawn_monitor3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let p = new_mfa_process(ctx, args)?;
    Ok(start(ctx, p, Spawn::Monitor))
}

/// The `:link`/`:monitor` options of `Process.spawn/2,4`.
fn spawn_opts(opts: &Term, n: usize) -> Result<Spawn, Exception> {
    let (mut link, mut monitor) = (false, false);
    let Some(items) = opts.list_to_vec() else {
        return Err(arg_error(n, "not a list"));
    };
    for o in items {
        match &o {
            Term::Atom(a) if a.name() == "link" => link = true,
            Term::Atom(a) if a.name() == "monitor" => monitor = true,
            Term::Tuple(t) if t.0.first() == Some(&Term::atom("monitor")) => monitor = true,
            _ => {}
        }
    }
    Ok(match (link, monitor) {
        (false, false) => Spawn::Plain,
        (true, false) => Spawn::Link,
        (false, true) => Spawn::Monitor,
        (true, true) => Spawn::LinkMonitor,
    })
}

/// `Process.spawn(fun, opts)`.
fn process_spawn2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let how = spawn_opts(&args[1], 2)?;
    let p = new_fun_process(ctx, &args[0])?;
    Ok(start(ctx, p, how))
}

/// `Process.spawn(module, function, args, opts)`.
fn process_spawn4(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let how = spawn_opts(&args[3], 4)?;
    let p = new_mfa_process(ctx, &args[..3])?;
    Ok(start(ctx, p, how))
}

/// `make_ref()`: a new unique reference; also sets the caller's receive
/// marker (see `process::recv_mark`).
fn make_ref(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let r = ctx.vm.make_ref();
    ctx.proc.set_mark(r);
    Ok(Term::Ref(r))
}

fn node(_: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::atom("nonode@nohost"))
}

fn node1(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Pid(_) | Term::Ref(_) => Ok(Term::atom("nonode@nohost")),
        _ => Err(arg_error(1, "not a pid, port or reference")),
    }
}

fn alive(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let pid = pid_arg(&args[0], 1)?;
    after_own_exits(ctx, pid)?;
    Ok(Term::bool(pid == ctx.proc.pid || ctx.vm.is_alive(pid)))
}

/// How many turns `Process.info` gives a runnable process to come to rest
/// before answering with what it can see.
const INFO_WAITS: u8 = 50;

/// Has the BIF run again later while `pid` has yet to take an exit signal
/// this process sent it: signals between two processes arrive in the
/// order sent, so on the BEAM a request that observes `pid` (whether it
/// is alive, its info, a monitor or link) is handled after them: a
/// process killed just before is seen dead.
fn after_own_exits(ctx: &Ctx, pid: Pid) -> Result<(), Exception> {
    if pid != ctx.proc.pid && ctx.vm.exit_in_flight(ctx.proc.pid, pid) {
        return Err(Exception::retry());
    }
    Ok(())
}

/// `Process.exit(pid, reason)`: sends an exit signal; always `true`.
fn exit2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let pid = pid_arg(&args[0], 1)?;
    ctx.vm.exit_signal(ctx.proc, pid, args[1].clone())?;
    Ok(Term::TRUE)
}

/// `Process.flag(flag, value)`: `:trap_exit` (returns the old value); other
/// standard flags are accepted and change nothing.
fn flag(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(flag) = args[0].as_atom() else {
        return Err(arg_error(1, "invalid process flag"));
    };
    let bad_value = || arg_error(2, "invalid value for this process flag");
    match flag.name() {
        "trap_exit" => match args[1].as_atom() {
            Some(Atom::TRUE) => Ok(Term::bool(ctx.vm.set_trap_exit(ctx.proc, true))),
            Some(Atom::FALSE) => Ok(Term::bool(ctx.vm.set_trap_exit(ctx.proc, false))),
            _ => Err(bad_value()),
        },
        "priority" => match args[1].as_atom().map(|a| a.name()) {
            Some("low" | "normal" | "high" | "max") => Ok(Term::atom("normal")),
            _ => Err(bad_value()),
        },
        "sensitive" => match args[1].as_atom() {
            Some(Atom::TRUE | Atom::FALSE) => Ok(Term::FALSE),
            _ => Err(bad_value()),
        },
        "message_queue_data" => Ok(Term::atom("on_heap")),
        "min_heap_size" | "min_bin_vheap_size" => Ok(Term::Int(233)),
        "max_heap_size" => Ok(Term::Int(0)),
        "fullsweep_after" => Ok(Term::Int(65535)),
        _ => Err(arg_error(1, "invalid process flag")),
    }
}

fn link(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let pid = pid_arg(&args[0], 1)?;
    after_own_exits(ctx, pid)?;
    ctx.vm.link(ctx.proc, pid)?;
    Ok(Term::TRUE)
}

fn unlink(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let pid = pid_arg(&args[0], 1)?;
    ctx.vm.unlink(ctx.proc, pid);
    Ok(Term::TRUE)
}

/// What a monitor on `item` (a pid, a registered name, or `{name, node}`)
/// watches: the pid (`None` for a free name) and the name it was given by.
fn monitor_target(
    ctx: &Ctx,
    item: &Term,
    n: usize,
) -> Result<(Option<Pid>, Option<Atom>), Exception> {
    match item {
        Term::Pid(pid) => Ok((Some(*pid), None)),
        Term::Atom(name) => Ok((ctx.vm.whereis(*name), Some(*name))),
        Term::Tuple(t) => match &t.0[..] {
            [Term::Atom(name), Term::Atom(_)] => Ok((ctx.vm.whereis(*name), Some(*name))),
            _ => Err(arg_error(n, "not a pid")),
        },
        _ => Err(arg_error(n, "not a pid")),
    }
}

/// Monitors a pid, a registered name, or `{name, node}`.
fn monitor_item(ctx: &mut Ctx, item: &Term, n: usize) -> Result<Term, Exception> {
    let (target, name) = monitor_target(ctx, item, n)?;
    if let Some(pid) = target {
        after_own_exits(ctx, pid)?;
    }
    Ok(Term::Ref(ctx.vm.monitor(ctx.proc, target, name)))
}

/// `Process.monitor(pid_or_name)`: a reference; `{:DOWN, ref, :process,
/// pid, reason}` arrives when the target ends (`:noproc` if it is dead).
fn monitor(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    monitor_item(ctx, &args[0], 2)
}

/// `:erlang.monitor(:process, pid_or_name)`.
fn erlang_monitor(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    if args[0] != Term::Atom(Atom::PROCESS) {
        return Err(arg_error(1, "invalid monitor type"));
    }
    monitor_item(ctx, &args[1], 2)
}

/// `:erlang.monitor(:process, pid_or_name, opts)`: with `{:alias, _}` in
/// `opts` the monitor reference is also an alias of the caller until the
/// monitor is removed (OTP 24 `erlang:monitor/3`); other options are
/// ignored.
fn erlang_monitor3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut alias = false;
    for_options(&args[2], 3, |o| {
        alias |= matches!(o.as_tuple(), Some([Term::Atom(Atom::ALIAS), _]));
        Ok(())
    })?;
    if !alias {
        return erlang_monitor(ctx, &args[..2]);
    }
    if args[0] != Term::Atom(Atom::PROCESS) {
        return Err(arg_error(1, "invalid monitor type"));
    }
    let (target, name) = monitor_target(ctx, &args[1], 2)?;
    if let Some(pid) = target {
        after_own_exits(ctx, pid)?;
    }
    Ok(Term::Ref(ctx.vm.monitor_alias(ctx.proc, target, name)))
}

fn demonitor1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ref_arg(&args[0], 1)?;
    ctx.vm.demonitor(ctx.proc, r, false);
    Ok(Term::TRUE)
}

/// Runs `f` on each element of option list `opts`, argument number
/// `argno`, without collecting it (these BIFs run on every
/// `GenServer.call`). An improper list or a non-list raises ArgumentError.
fn for_options(
    opts: &Term,
    argno: usize,
    mut f: impl FnMut(&Term) -> Result<(), Exception>,
) -> Result<(), Exception> {
    let mut items = opts.iter_list();
    for o in items.by_ref() {
        f(o)?;
    }
    match items.tail() {
        Term::EmptyList => Ok(()),
        _ => Err(arg_error(argno, "not a list")),
    }
}

/// `Process.demonitor(ref, opts)`: `:flush` removes a delivered `:DOWN`;
/// `:info` returns whether the monitor was still active.
fn demonitor2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ref_arg(&args[0], 1)?;
    let (mut flush, mut info) = (false, false);
    for_options(&args[1], 2, |o| {
        match o.as_atom() {
            Some(Atom::FLUSH) => flush = true,
            Some(Atom::INFO) => info = true,
            _ => return Err(arg_error(2, "invalid option")),
        }
        Ok(())
    })?;
    let found = ctx.vm.demonitor(ctx.proc, r, flush);
    Ok(Term::bool(!info || found))
}

fn register_error(pid: &Term, name: Atom) -> Exception {
    Exception::argument(format!(
        "could not register {} with name {} because it is not alive, the name is already taken, or it has already been given another name",
        crate::inspect::inspect(pid),
        crate::inspect::inspect(&Term::Atom(name))
    ))
}

/// `Process.register(pid, name)`: `true`, or `ArgumentError` if the pid is
/// dead, the name taken, or the pid already named.
fn register(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let name = match args[1].as_atom() {
        Some(a) if a != Atom::NIL && a != Atom::UNDEFINED => a,
        _ => return Err(clause_error("register", 2)),
    };
    let ok = match &args[0] {
        Term::Pid(pid) => ctx.vm.register(*pid, name),
        _ => false,
    };
    if ok {
        Ok(Term::TRUE)
    } else {
        Err(register_error(&args[0], name))
    }
}

/// `:erlang.register/2`: `badarg` instead of Elixir's message.
fn erlang_register(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(name) = args[0].as_atom().filter(|&a| a != Atom::UNDEFINED) else {
        return Err(arg_error(1, "not an atom"));
    };
    let pid = pid_arg(&args[1], 2)?;
    if ctx.vm.register(pid, name) {
        Ok(Term::TRUE)
    } else {
        Err(Exception::badarg())
    }
}

fn unregister(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(name) = args[0].as_atom() else {
        return Err(arg_error(1, "not an atom"));
    };
    if ctx.vm.unregister(name) {
        Ok(Term::TRUE)
    } else {
        Err(arg_error(1, "not a pid"))
    }
}

/// `Process.whereis(name)`: the pid or `nil`.
fn whereis(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(name) = args[0].as_atom() else {
        return Err(arg_error(1, "not an atom"));
    };
    Ok(ctx.vm.whereis(name).map_or(Term::NIL, Term::Pid))
}

/// `:erlang.whereis(name)`: the pid or `:undefined`.
fn erlang_whereis(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Some(name) = args[0].as_atom() else {
        return Err(arg_error(1, "not an atom"));
    };
    Ok(ctx
        .vm
        .whereis(name)
        .map_or(Term::Atom(Atom::UNDEFINED), Term::Pid))
}

fn registered(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::list(
        ctx.vm
            .registered()
            .into_iter()
            .map(Term::Atom)
            .collect::<Vec<_>>(),
    ))
}

fn list(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::list(
        ctx.vm.pids().into_iter().map(Term::Pid).collect::<Vec<_>>(),
    ))
}

fn info_item(ctx: &mut Ctx, pid: Pid, item: &Term) -> Result<Option<Term>, Exception> {
    let Some(it) = item.as_atom().and_then(InfoItem::from_atom) else {
        return Err(arg_error(2, "invalid item or item list"));
    };
    Ok(ctx
        .vm
        .info(ctx.proc, pid, it)
        .map(|v| Term::tuple([item.clone(), v])))
}

/// `Process.info(pid, item)`: `{item, value}` (a list of them for a list of
/// items), or `nil` for a dead process.
fn info2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let pid = pid_arg(&args[0], 1)?;
    after_own_exits(ctx, pid)?;
    // What a process keeps to itself (its dictionary, its mailbox, its
    // memory) can be read only while it waits in `receive`: one that is
    // runnable is given a few turns to get there, as the BEAM would
    // answer the request once the process handles its signals.
    let private = |t: &Term| {
        t.as_atom()
            .and_then(InfoItem::from_atom)
            .is_some_and(InfoItem::is_private)
    };
    let wants_private = match &args[1] {
        items @ Term::Cons(_) => items.iter_list().any(private),
        item => private(item),
    };
    if wants_private
        && pid != ctx.proc.pid
        && !ctx.vm.at_rest(pid)
        && ctx.proc.info_waits < INFO_WAITS
    {
        ctx.proc.info_waits += 1;
        return Err(Exception::retry());
    }
    ctx.proc.info_waits = 0;
    match &args[1] {
        Term::Atom(_) => Ok(info_item(ctx, pid, &args[1])?.unwrap_or(Term::NIL)),
        items @ (Term::Cons(_) | Term::EmptyList) => {
            let Some(items) = items.list_to_vec() else {
                return Err(arg_error(2, "invalid item or item list"));
            };
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                match info_item(ctx, pid, it)? {
                    Some(v) => out.push(v),
                    None => return Ok(Term::NIL),
                }
            }
            Ok(Term::list(out))
        }
        _ => Err(arg_error(2, "invalid item or item list")),
    }
}

/// `Process.info(pid)`: a keyword list of the common items, or `nil`.
fn info1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let items = [
        "registered_name",
        "status",
        "message_queue_len",
        "links",
        "dictionary",
        "trap_exit",
        "priority",
        "heap_size",
        "total_heap_size",
        "stack_size",
        "reductions",
    ];
    let list = Term::list(items.iter().map(|i| Term::atom(i)).collect::<Vec<_>>());
    let out = info2(ctx, &[args[0].clone(), list])?;
    // A dead process has no info.
    if out == Term::NIL {
        return Ok(Term::NIL);
    }
    // Erlang leaves registered_name out when the process has none.
    Ok(Term::list(
        out.iter_list()
            .filter(|kv| !(is_name_item(kv) && matches!(kv.as_tuple(), Some([_, Term::EmptyList]))))
            .cloned()
            .collect::<Vec<_>>(),
    ))
}

fn is_name_item(kv: &Term) -> bool {
    matches!(kv.as_tuple(), Some([Term::Atom(a), _]) if a.name() == "registered_name")
}

fn time_arg(t: &Term, n: usize) -> Result<u64, Exception> {
    match t {
        Term::Int(ms) if *ms >= 0 => Ok(*ms as u64),
        Term::Int(_) | Term::Big(_) => Err(arg_error(n, "out of range")),
        _ => Err(arg_error(n, "not an integer")),
    }
}

/// `Process.send_after(dest, msg, ms)`: a timer reference. (Errors name
/// the arguments of `:erlang.send_after(ms, dest, msg)`, which it calls.)
fn send_after3(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    erlang_send_after(ctx, &[args[2].clone(), args[0].clone(), args[1].clone()])
}

/// `:erlang.send_after(ms, dest, msg)`.
fn erlang_send_after(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let ms = time_arg(&args[0], 1)?;
    match &args[1] {
        Term::Pid(_) | Term::Atom(_) => {}
        _ => return Err(arg_error(2, "invalid destination")),
    }
    Ok(Term::Ref(ctx.vm.send_after(
        args[1].clone(),
        args[2].clone(),
        ms,
    )))
}

/// `Process.send_after(dest, msg, ms, opts)` (`abs: false` only).
fn send_after4(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    send_after3(ctx, &args[..3])
}

/// `:erlang.start_timer(ms, dest, msg)`: `{:timeout, ref, msg}` when due.
fn start_timer(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let ms = time_arg(&args[0], 1)?;
    match &args[1] {
        Term::Pid(_) | Term::Atom(_) => {}
        _ => return Err(arg_error(2, "invalid destination")),
    }
    Ok(Term::Ref(ctx.vm.start_timer(
        args[1].clone(),
        args[2].clone(),
        ms,
    )))
}

/// `Process.cancel_timer(ref)`: milliseconds that were left, or `false`.
fn cancel_timer(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ref_arg(&args[0], 1)?;
    Ok(match ctx.vm.cancel_timer(r) {
        Some(ms) => Term::Int(ms as i64),
        None => Term::FALSE,
    })
}

/// `Process.cancel_timer(ref, opts)`: with `info: false`, returns `:ok`;
/// with `async: true`, returns `:ok` and (unless `info: false`) sends the
/// caller `{:cancel_timer, ref, left}`, as Erlang's `cancel_timer/2`.
fn cancel_timer2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let left = cancel_timer(ctx, &args[..1])?;
    let option = |name: &str| {
        args[1].iter_list().find_map(|kv| match kv.as_tuple() {
            Some([Term::Atom(k), Term::Atom(v)]) if k.name() == name => Some(*v == Atom::TRUE),
            _ => None,
        })
    };
    let (info, asynchronous) = (
        option("info").unwrap_or(true),
        option("async").unwrap_or(false),
    );
    if asynchronous {
        if info {
            let msg = Term::tuple([Term::atom("cancel_timer"), args[0].clone(), left]);
            ctx.vm.send(ctx.proc.pid, msg);
        }
        return Ok(Term::OK);
    }
    Ok(if info { left } else { Term::OK })
}

fn read_timer(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ref_arg(&args[0], 1)?;
    Ok(match ctx.vm.read_timer(r) {
        Some(ms) => Term::Int(ms as i64),
        None => Term::FALSE,
    })
}

/// The process dictionary, newest entry first (as Erlang lists it).
fn get0(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::list(
        ctx.proc
            .dict
            .iter()
            .rev()
            .map(|(k, v)| Term::tuple([k.clone(), v.clone()]))
            .collect::<Vec<_>>(),
    ))
}

fn dict_get(p: &Process, key: &Term) -> Option<Term> {
    p.dict
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

/// `Process.get(key)`: the value or `nil`.
fn get1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(dict_get(ctx.proc, &args[0]).unwrap_or(Term::NIL))
}

/// `Process.get(key, default)`.
fn get2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(dict_get(ctx.proc, &args[0]).unwrap_or_else(|| args[1].clone()))
}

/// `Process.get_keys()`: the dictionary's keys, in its order.
fn get_keys(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(keys_where(ctx.proc, |_| true))
}

/// `Process.get_keys(value)`: the keys whose value is exactly `value`
/// (`===`: `1.0` is not `1`), in the dictionary's order.
fn get_keys1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(keys_where(ctx.proc, |v| v == &args[0]))
}

fn keys_where(proc: &Process, wanted: impl Fn(&Term) -> bool) -> Term {
    let keys = proc.dict.iter().rev().filter(|(_, v)| wanted(v));
    Term::list(keys.map(|(k, _)| k.clone()).collect::<Vec<_>>())
}

/// `Process.put(key, value)`: the previous value or `nil`.
fn put(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let dict = &mut ctx.proc.dict;
    match dict.iter_mut().find(|(k, _)| *k == args[0]) {
        Some((_, v)) => Ok(std::mem::replace(v, args[1].clone())),
        None => {
            dict.push((args[0].clone(), args[1].clone()));
            Ok(Term::NIL)
        }
    }
}

/// `Process.delete(key)`: the removed value or `nil`.
fn delete(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let dict = &mut ctx.proc.dict;
    match dict.iter().position(|(k, _)| *k == args[0]) {
        Some(i) => Ok(dict.remove(i).1),
        None => Ok(Term::NIL),
    }
}

/// `:erlang.get(key)`, `:erlang.put(key, value)` and `:erlang.erase(key)`:
/// as the `Process` functions, but a missing entry is `:undefined`, not
/// `nil` (Elixir's wrappers translate it).
fn erlang_get1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    Ok(dict_get(ctx.proc, &args[0]).unwrap_or_else(|| Term::atom("undefined")))
}

fn erlang_put(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let had = dict_get(ctx.proc, &args[0]).is_some();
    let old = put(ctx, args)?;
    Ok(if had { old } else { Term::atom("undefined") })
}

fn erlang_erase1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let had = dict_get(ctx.proc, &args[0]).is_some();
    let old = delete(ctx, args)?;
    Ok(if had { old } else { Term::atom("undefined") })
}

/// `:erlang.erase()`: the whole dictionary, which is emptied.
fn erase0(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let all = get0(ctx, args)?;
    ctx.proc.dict.clear();
    Ok(all)
}

/// `:erlang.alias()`: a reference that works as an address for the caller
/// until `:erlang.unalias/1`.
fn alias(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::Ref(ctx.vm.alias(ctx.proc)))
}

fn unalias(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let r = ref_arg(&args[0], 1)?;
    Ok(Term::bool(ctx.vm.unalias(ctx.proc, r)))
}

/// `System.schedulers_online/0`: the number of scheduler threads.
fn schedulers(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::Int(ctx.vm.schedulers() as i64))
}

/// `:erlang.system_info/1` for the process-related items.
fn system_info(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let n = |v: usize| Ok(Term::Int(v as i64));
    match args[0].as_atom().map(|a| a.name()) {
        Some("schedulers" | "schedulers_online" | "logical_processors") => n(ctx.vm.schedulers()),
        Some("process_count") => n(ctx.vm.process_count()),
        Some("process_limit") => n(134_217_727),
        Some("otp_release") => Ok(Term::list("25".chars().map(|c| Term::Int(c as i64)))),
        _ => Err(arg_error(1, "invalid system_info item")),
    }
}

fn argv(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let argv = ctx.vm.argv.read();
    Ok(Term::list(
        argv.iter().map(|a| Term::string(a)).collect::<Vec<_>>(),
    ))
}
