//! `System` functions that talk to the operating system: `halt`, `stop`,
//! the environment, the version the VM stands in for.

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::term::{Map, Term};
use std::io::Write;

pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.System", "halt", 0, |_, _| halt(&Term::Int(0))),
    bif!("Elixir.System", "halt", 1, |_, a| halt(&a[0])),
    bif!("erlang", "halt", 0, |_, _| halt(&Term::Int(0))),
    bif!("erlang", "halt", 1, |_, a| halt(&a[0])),
    bif!("Elixir.System", "stop", 0, |_, _| stop(&Term::Int(0))),
    bif!("Elixir.System", "stop", 1, |_, a| stop(&a[0])),
    bif!("init", "stop", 0, |_, _| stop(&Term::Int(0))),
    bif!("init", "stop", 1, |_, a| stop(&a[0])),
    bif!("Elixir.System", "at_exit", 1, at_exit),
    bif!("Elixir.System", "get_env", 0, get_env0),
    bif!("Elixir.System", "get_env", 1, |_, a| get_env(
        &a[0],
        Term::NIL
    )),
    bif!("Elixir.System", "get_env", 2, |_, a| get_env(
        &a[0],
        a[1].clone()
    )),
    bif!("Elixir.System", "version", 0, |_, _| Ok(Term::string(
        "1.14.0"
    ))),
    bif!("Elixir.System", "otp_release", 0, |_, _| Ok(Term::string(
        "25"
    ))),
];

/// `System.at_exit(fun)`: `fun.(status)` runs when the script ends with
/// `status` (not after `System.halt/1`), in a process of its own, the
/// functions registered last first; `:ok`.
fn at_exit(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    match &args[0] {
        Term::Fun(f) if f.arity() == 1 => {
            ctx.vm.at_exit.lock().push(args[0].clone());
            Ok(Term::atom("ok"))
        }
        _ => Err(super::data::function_clause("Elixir.System", "at_exit", 1)),
    }
}

/// `System.halt(status)`: ends the OS process at once with `status` (a
/// non-negative integer, of which the OS keeps the low byte, or `:abort`,
/// which aborts), other processes and all. Output already printed is
/// flushed first.
fn halt(status: &Term) -> Result<Term, Exception> {
    let code = match status {
        Term::Int(n) if *n >= 0 => (*n & 0xFF) as i32,
        Term::Atom(a) if a.name() == "abort" => {
            let _ = std::io::stdout().flush();
            std::process::abort()
        }
        _ => return Err(Exception::badarg()),
    };
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(code)
}

/// How long `System.stop/1` takes to stop the VM: on Elixir 1.14 / OTP 25
/// a script goes on for about 1.2 s while the system shuts down.
const STOP_DELAY: std::time::Duration = std::time::Duration::from_millis(1200);

/// How long the shutdown `System.stop/1` starts needs before it decides
/// the exit status: a script that ends sooner exits with status 0, as if
/// it had not been called; one that ends later (OTP 25 took 30 ms or
/// less) exits with the stop's status.
const STOP_SETTLES: std::time::Duration = std::time::Duration::from_millis(20);

/// When `System.stop/1` was called, and with which status.
static STOP_REQUESTED: parking_lot::Mutex<Option<(std::time::Instant, u8)>> =
    parking_lot::Mutex::new(None);

/// The exit status a script that has just ended gets from an earlier
/// `System.stop/1`, if it gets one (see [`STOP_SETTLES`]).
pub fn stop_status() -> Option<u8> {
    STOP_REQUESTED
        .lock()
        .filter(|(at, _)| at.elapsed() >= STOP_SETTLES)
        .map(|(_, code)| code)
}

/// `System.stop(status)`: `:ok` now, and the VM halts with `status`
/// (0..=255) after [`STOP_DELAY`] unless the script has ended by then.
fn stop(status: &Term) -> Result<Term, Exception> {
    let code = match status {
        Term::Int(n) if (0..=255).contains(n) => *n as i32,
        _ => return Err(Exception::badarg()),
    };
    STOP_REQUESTED
        .lock()
        .get_or_insert((std::time::Instant::now(), code as u8));
    let spawned = std::thread::Builder::new()
        .name("system-stop".into())
        .spawn(move || {
            std::thread::sleep(STOP_DELAY);
            let _ = std::io::stdout().flush();
            let _ = std::io::stderr().flush();
            std::process::exit(code)
        });
    spawned.map(|_| Term::OK).map_err(|_| Exception::badarg())
}

/// `System.get_env(name, default)`: the variable's value as a string, or
/// `default` when it is unset (or not valid Unicode).
fn get_env(name: &Term, default: Term) -> Result<Term, Exception> {
    let Some(name) = name.as_str() else {
        return Err(super::data::function_clause("Elixir.System", "get_env", 2));
    };
    Ok(std::env::var(name).map_or(default, |v| Term::string(&v)))
}

/// `System.get_env()`: every variable, as a map of strings.
fn get_env0(_: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let mut m = Map::new();
    for (k, v) in std::env::vars() {
        m.insert(Term::string(&k), Term::string(&v));
    }
    Ok(Term::map(m))
}
