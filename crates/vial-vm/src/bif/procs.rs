//! Process BIFs: `self`, `send`, `spawn`, `make_ref`, `Process.alive?`.

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::term::{FunKind, Term};
use crate::{code, Atom};

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.Kernel", "self", 0, self_pid),
    bif!("erlang", "self", 0, self_pid),
    bif!("Elixir.Kernel", "send", 2, send),
    bif!("erlang", "send", 2, send),
    bif!("Elixir.Kernel", "spawn", 1, spawn_fun),
    bif!("Elixir.Kernel", "spawn", 3, spawn_mfa),
    bif!("Elixir.Kernel", "make_ref", 0, make_ref),
    bif!("Elixir.Kernel", "node", 0, node),
    bif!("Elixir.Process", "alive?", 1, alive),
    bif!("Elixir.System", "argv", 0, argv),
];

fn self_pid(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::Pid(ctx.proc.pid))
}

/// `send(dest, msg)`: to a pid; a dead pid drops the message silently.
fn send(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Pid(pid) => {
            ctx.vm.send(*pid, args[1].clone());
            Ok(args[1].clone())
        }
        _ => Err(Exception::badarg()),
    }
}

/// `spawn(fun)`: a new process calling the zero-arity `fun`.
fn spawn_fun(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let Term::Fun(c) = &args[0] else {
        return Err(Exception::badarg());
    };
    if c.arity() != 0 {
        return Err(Exception::badarg());
    }
    let mut p = ctx.vm.new_process();
    match &c.kind {
        FunKind::Lambda { module, index, .. } => p.start(module, *index, &[], &c.env),
        FunKind::External { module, name, .. } => {
            start_mfa(&mut p, *module, *name, &[])?;
        }
    }
    Ok(Term::Pid(ctx.vm.spawn(p)))
}

fn start_mfa(
    p: &mut crate::process::Process,
    module: Atom,
    name: Atom,
    args: &[Term],
) -> Result<(), Exception> {
    let arity = args.len() as u32;
    let m =
        code::lookup(module).ok_or_else(|| Exception::undefined_function(module, name, arity))?;
    let index = m
        .export(name, arity)
        .ok_or_else(|| Exception::undefined_function(module, name, arity))?;
    p.start(m, index, args, &[]);
    Ok(())
}

/// `spawn(module, function, args)`.
fn spawn_mfa(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let (Some(module), Some(name), Some(argv)) =
        (args[0].as_atom(), args[1].as_atom(), args[2].list_to_vec())
    else {
        return Err(Exception::badarg());
    };
    let mut p = ctx.vm.new_process();
    start_mfa(&mut p, module, name, &argv)?;
    Ok(Term::Pid(ctx.vm.spawn(p)))
}

fn make_ref(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::Ref(ctx.vm.make_ref()))
}

fn node(_: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::atom("nonode@nohost"))
}

fn alive(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Pid(pid) => Ok(Term::bool(ctx.vm.is_alive(*pid))),
        _ => Err(Exception::badarg()),
    }
}

fn argv(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let argv = ctx.vm.argv.read();
    Ok(Term::list(
        argv.iter().map(|a| Term::string(a)).collect::<Vec<_>>(),
    ))
}
