//! `vial`: runs a script (`vial app.exs ARGS`), an expression
//! (`vial -e EXPR`), or the REPL (`vial` alone).

mod boot;
mod repl;

use std::process::ExitCode;
use vial_compiler::Mode;
use vial_vm::scheduler::Vm;
use vial_vm::{code, Atom, Term};

/// mimalloc instead of the system allocator: terms are small, short-lived
/// allocations, often freed on another scheduler's thread (see the
/// decisions in `crates/README.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: vial [--schedulers N] [FILE.exs [ARGS...] | -e EXPR]";

struct Options {
    schedulers: usize,
    eval: Option<String>,
    file: Option<String>,
    argv: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        schedulers: std::thread::available_parallelism().map_or(1, |n| n.get()),
        eval: None,
        file: None,
        argv: Vec::new(),
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--schedulers" => {
                let n = args.next().ok_or(USAGE)?;
                o.schedulers =
                    n.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                        format!("--schedulers expects a positive integer, got: {n}")
                    })?;
            }
            "-e" => {
                o.eval = Some(args.next().ok_or(USAGE)?);
                o.argv.extend(args.by_ref());
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => {
                o.file = Some(a);
                o.argv.extend(args.by_ref());
            }
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    boot::install_stdlib();
    boot::preload_stdlib();
    let vm = Vm::new();
    *vm.argv.write() = opts.argv.clone();
    match (&opts.eval, &opts.file) {
        (Some(expr), _) => run_source(&vm, "nofile", expr, opts.schedulers),
        (None, Some(file)) => match std::fs::read_to_string(file) {
            Ok(text) => run_source(&vm, file, &text, opts.schedulers),
            Err(e) => {
                eprintln!("** (Code.LoadError) could not load {file}. Reason: {e}");
                ExitCode::from(1)
            }
        },
        (None, None) => repl::run(&vm, opts.schedulers),
    }
}

/// Compiles and runs a whole script; the exit code is the main process's.
fn run_source(vm: &Vm, file: &str, text: &str, schedulers: usize) -> ExitCode {
    let program = match boot::compile_source(file, text, Mode::Script) {
        Ok(p) => p,
        Err(rendered) => {
            eprintln!("{rendered}");
            return ExitCode::from(1);
        }
    };
    let Some(script) = boot::load_program(program) else {
        return ExitCode::SUCCESS;
    };
    let mut main = vm.new_process();
    main.start(script, 0, &[], &[]);
    let pid = main.pid;
    let exit = vm.run_main(main, schedulers);
    let (report, status) = vm.main_exit_report(pid, &exit);
    eprint!("{report}");
    run_at_exit(vm, status, schedulers);
    ExitCode::from(status)
}

/// Runs the functions `System.at_exit/1` registered, newest first, with
/// the script's exit status, in a process of their own, as Elixir does
/// when the script ends. What they raise does not change the status.
fn run_at_exit(vm: &Vm, status: u8, schedulers: usize) {
    let mut handlers = std::mem::take(&mut *vm.at_exit.lock());
    if handlers.is_empty() {
        return;
    }
    handlers.reverse();
    let system = code::lookup(Atom::intern("Elixir.System"));
    let Some((module, index)) =
        system.and_then(|m| m.export(Atom::intern("__at_exit__"), 2).map(|i| (m, i)))
    else {
        return;
    };
    let mut runner = vm.new_process();
    let args = [Term::list(handlers), Term::Int(status as i64)];
    runner.start(module, index, &args, &[]);
    vm.run_main(runner, schedulers);
}
