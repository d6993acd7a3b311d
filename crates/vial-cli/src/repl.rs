//! The interactive shell: like `iex`, one expression at a time, with the
//! bindings of earlier inputs kept.

use crate::boot;
use rustyline::error::ReadlineError;
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;
use vial_compiler::Mode;
use vial_vm::error::format_uncaught;
use vial_vm::inspect::{inspect_with, InspectOpts};
use vial_vm::interp::Exit;
use vial_vm::scheduler::Vm;
use vial_vm::Term;

/// The REPL's state between inputs.
struct Session<'a> {
    vm: &'a Vm,
    schedulers: usize,
    names: Vec<String>,
    values: Vec<Term>,
    counter: usize,
}

impl Session<'_> {
    /// Evaluates one complete input; returns what to print.
    fn eval(&mut self, input: &str) -> String {
        let program = match boot::compile_source(
            "iex",
            input,
            Mode::Repl {
                bindings: &self.names,
            },
        ) {
            Ok(p) => p,
            Err(rendered) => return rendered,
        };
        let outputs = program.outputs.clone();
        let Some(script) = boot::load_program(program) else {
            return String::new();
        };
        let mut main = self.vm.new_process();
        main.start(script, 0, &self.values, &[]);
        match self.vm.run_main(main, self.schedulers) {
            Exit::Normal(Term::Tuple(t)) => {
                let (value, bound) = t.0.split_first().expect("result tuple");
                self.names = outputs;
                self.values = bound.to_vec();
                let opts = InspectOpts {
                    pretty: true,
                    ..InspectOpts::default()
                };
                format!("{}\n", inspect_with(value, &opts))
            }
            Exit::Normal(other) => format!("{}\n", vial_vm::inspect::inspect(&other)),
            Exit::Raised(e) => format_uncaught(&e),
        }
    }
}

/// Runs the REPL on the terminal, or on piped standard input (then without
/// prompts or line editing).
pub fn run(vm: &Vm, schedulers: usize) -> ExitCode {
    let mut s = Session {
        vm,
        schedulers,
        names: Vec::new(),
        values: Vec::new(),
        counter: 1,
    };
    if std::io::stdin().is_terminal() {
        interactive(&mut s)
    } else {
        piped(&mut s)
    }
}

fn piped(s: &mut Session) -> ExitCode {
    let mut buf = String::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        buf.push_str(&line);
        buf.push('\n');
        if buf.trim().is_empty() {
            buf.clear();
            continue;
        }
        if vial_syntax::is_incomplete(&buf) {
            continue;
        }
        print!("{}", s.eval(&buf));
        buf.clear();
    }
    if !buf.trim().is_empty() {
        print!("{}", s.eval(&buf));
    }
    ExitCode::SUCCESS
}

fn interactive(s: &mut Session) -> ExitCode {
    let Ok(mut editor) = rustyline::DefaultEditor::new() else {
        return piped(s);
    };
    println!("Interactive Vial - press Ctrl+D to exit");
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() {
            format!("iex({})> ", s.counter)
        } else {
            format!("...({})> ", s.counter)
        };
        match editor.readline(&prompt) {
            Ok(line) => {
                buf.push_str(&line);
                buf.push('\n');
                if buf.trim().is_empty() {
                    buf.clear();
                    continue;
                }
                if vial_syntax::is_incomplete(&buf) {
                    continue;
                }
                let _ = editor.add_history_entry(buf.trim_end());
                print!("{}", s.eval(&buf));
                s.counter += 1;
                buf.clear();
            }
            Err(ReadlineError::Interrupted) => buf.clear(),
            Err(_) => break,
        }
    }
    ExitCode::SUCCESS
}
