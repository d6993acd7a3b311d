//! Boot: compiling sources and loading them into the code server.

use ahash::AHashMap;
use parking_lot::Mutex;
use std::cell::RefCell;
use std::sync::OnceLock;
use vial_compiler::{compile, Mode, Program};
use vial_syntax::diagnostic::render;
use vial_vm::{code, Atom};

/// Parses and compiles `text`; on failure returns the rendered diagnostics
/// (`file:line:col: message`, source line, caret).
pub fn compile_source(file: &str, text: &str, mode: Mode) -> Result<Program, String> {
    let (ast, diagnostics) = vial_syntax::parse(text);
    if !diagnostics.is_empty() {
        return Err(diagnostics
            .iter()
            .map(|d| render(file, text, d))
            .collect::<Vec<_>>()
            .join("\n"));
    }
    compile(file, text, &ast, mode).map_err(|d| render(file, text, &d))
}

/// Makes the embedded standard library available: each `lib/*.ex` file is
/// compiled and loaded when one of its modules is first looked up (see
/// [`code::set_loader`]), so start-up does not pay for the whole library.
/// With `VIAL_STDLIB_DIR` set (library development), files are read from
/// that directory instead of the embedded copies, so edits need no rebuild.
pub fn install_stdlib() {
    code::set_loader(load_on_demand);
}

/// Compiles the whole standard library on a thread of its own, in load
/// order, while the program starts: a process that first calls into a
/// library module then finds it loaded instead of compiling it (up to
/// 15 ms for `enum.ex`), which would delay it against the other processes
/// as no precompiled BEAM module is delayed.
///
/// The thread runs at the OS's idle priority (`SCHED_IDLE`), so it only
/// uses a core no scheduler wants: on a machine whose cores all run
/// processes (`parallel_fib` on 2 schedulers and 2 cores) its 60-odd ms
/// of compiling would otherwise be taken from one of them. No scheduler
/// ever waits for it: a file wanted while the thread compiles it is
/// compiled again by the thread that wants it (see [`load_file`]).
pub fn preload_stdlib() {
    let spawned = std::thread::Builder::new()
        .name("stdlib-preload".into())
        .spawn(|| {
            lower_to_idle_priority();
            for index in 0..vial_stdlib::SOURCES.len() {
                if let Err(msg) = load_file(index) {
                    eprintln!("vial: the standard library failed to compile:\n{msg}");
                    return;
                }
            }
        });
    // Without the thread, modules still load on demand.
    drop(spawned);
}

/// Puts the calling thread in Linux's `SCHED_IDLE` class (sched(7)): it
/// runs only when a core has nothing else to run. Elsewhere, and if the
/// call fails, the thread keeps its priority.
fn lower_to_idle_priority() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: pid 0 is the calling thread; `param` is a valid
        // sched_param that lives across the call.
        unsafe {
            libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
        }
    }
}

/// Compiles and loads every standard library file now; the first compile
/// error, rendered.
#[cfg(test)]
fn load_stdlib() -> Result<(), String> {
    for index in 0..vial_stdlib::SOURCES.len() {
        load_file(index)?;
    }
    Ok(())
}

/// Which file of [`vial_stdlib::SOURCES`] defines each module, read from
/// the `defmodule Name do` lines of the sources.
fn module_files() -> &'static AHashMap<Atom, usize> {
    static FILES: OnceLock<AHashMap<Atom, usize>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut map = AHashMap::new();
        for (index, (_, text)) in vial_stdlib::SOURCES.iter().enumerate() {
            for line in text.lines() {
                let Some(rest) = line.trim_start().strip_prefix("defmodule ") else {
                    continue;
                };
                let name = rest.split([' ', ',']).next().unwrap_or_default();
                let atom = match name.strip_prefix(':') {
                    Some(erlang) => Atom::intern(erlang),
                    None => Atom::intern(&format!("Elixir.{name}")),
                };
                map.insert(atom, index);
            }
        }
        map
    })
}

/// Per library file, whether it is loaded. Guarded while a compiled file
/// is installed, never while one compiles.
fn loaded_files() -> &'static Mutex<Vec<bool>> {
    static LOADED: OnceLock<Mutex<Vec<bool>>> = OnceLock::new();
    LOADED.get_or_init(|| Mutex::new(vec![false; vial_stdlib::SOURCES.len()]))
}

thread_local! {
    /// The library files this thread is compiling, innermost last: the
    /// compiler looking up a module of the file it compiles must not start
    /// compiling that file again.
    static COMPILING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// The [`code::Loader`]: loads the library file defining `module`.
fn load_on_demand(module: Atom) -> bool {
    let Some(&index) = module_files().get(&module) else {
        return false;
    };
    match load_file(index) {
        Ok(loaded) => loaded,
        Err(msg) => {
            eprintln!("vial: the standard library failed to compile:\n{msg}");
            false
        }
    }
}

/// Compiles and loads library file `index` unless it is loaded; whether it
/// is loaded now (false while this thread is compiling it). Two threads
/// wanting the same file both compile it and the first to finish loads
/// it: neither waits for the other, so a scheduler never waits for the
/// idle-priority preload thread.
fn load_file(index: usize) -> Result<bool, String> {
    if loaded_files().lock()[index] {
        return Ok(true);
    }
    if COMPILING.with(|c| c.borrow().contains(&index)) {
        return Ok(false);
    }
    let (file, text) = vial_stdlib::SOURCES[index];
    let override_text = std::env::var_os("VIAL_STDLIB_DIR").and_then(|d| {
        let name = file.trim_start_matches("<stdlib/").trim_end_matches('>');
        std::fs::read_to_string(std::path::Path::new(&d).join(name)).ok()
    });
    let text = override_text.as_deref().unwrap_or(text);
    COMPILING.with(|c| c.borrow_mut().push(index));
    let program = compile_source(file, text, Mode::Script);
    COMPILING.with(|c| c.borrow_mut().pop());
    let program = program?;
    let mut loaded = loaded_files().lock();
    if !loaded[index] {
        // A module the program defines itself (its own `Path`, say) stays
        // the program's, whichever was loaded first.
        for m in program.modules {
            if code::loaded(m.name).is_none() {
                code::load(m);
            }
        }
        loaded[index] = true;
    }
    Ok(true)
}

/// Loads a compiled program's modules; returns the script module, if any.
pub fn load_program(program: Program) -> Option<&'static code::Module> {
    let has_script = program.has_script;
    let mut last = None;
    for m in program.modules {
        if std::env::var_os("VIAL_DUMP_BYTECODE").is_some() {
            dump(&m);
        }
        last = Some(code::load(m));
    }
    if has_script {
        last
    } else {
        None
    }
}

/// Prints a module's bytecode on stderr (`VIAL_DUMP_BYTECODE=1`), for
/// debugging the compiler.
fn dump(m: &code::Module) {
    eprintln!("module {}", m.name.name());
    for (i, f) in m.functions.iter().enumerate() {
        eprintln!(
            "  fn #{i} {}/{} (env {}, {} registers)",
            f.name.name(),
            f.arity,
            f.env,
            f.nregs
        );
        for (pc, instr) in f.code.iter().enumerate() {
            eprintln!("    {pc:4}  {instr:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every library file compiles (at run time they load on demand, so a
    /// broken file would otherwise only show when a program uses it), and
    /// every module they define is found by name.
    #[test]
    fn every_library_file_compiles_and_its_modules_are_found() {
        super::load_stdlib().unwrap_or_else(|msg| panic!("{msg}"));
        for &module in super::module_files().keys() {
            assert!(
                vial_vm::code::loaded(module).is_some(),
                "{} is not defined where its defmodule line says",
                module.name()
            );
        }
    }
}
