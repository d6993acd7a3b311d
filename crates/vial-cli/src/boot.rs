//! Boot: compiling sources and loading them into the code server.

use ahash::AHashMap;
use parking_lot::ReentrantMutex;
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
/// as no precompiled BEAM module is delayed. A file the program needs
/// first is compiled by whichever thread gets to it first; the other
/// waits for it (`load_file`'s lock).
pub fn preload_stdlib() {
    let spawned = std::thread::Builder::new()
        .name("stdlib-preload".into())
        .spawn(|| {
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

/// Per file: not loaded, being loaded (its compilation may look up its own
/// modules), or loaded. Reentrant: compiling one file can load another.
fn load_state() -> &'static ReentrantMutex<RefCell<Vec<FileState>>> {
    static STATE: OnceLock<ReentrantMutex<RefCell<Vec<FileState>>>> = OnceLock::new();
    STATE.get_or_init(|| {
        ReentrantMutex::new(RefCell::new(vec![
            FileState::Unloaded;
            vial_stdlib::SOURCES.len()
        ]))
    })
}

#[derive(Clone, Copy, PartialEq)]
enum FileState {
    Unloaded,
    Loading,
    Loaded,
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

/// Compiles and loads library file `index` unless it is loaded or being
/// loaded; whether it is loaded now.
fn load_file(index: usize) -> Result<bool, String> {
    let state = load_state().lock();
    match state.borrow()[index] {
        FileState::Loaded => return Ok(true),
        FileState::Loading => return Ok(false),
        FileState::Unloaded => {}
    }
    state.borrow_mut()[index] = FileState::Loading;
    let (file, text) = vial_stdlib::SOURCES[index];
    let override_text = std::env::var_os("VIAL_STDLIB_DIR").and_then(|d| {
        let name = file.trim_start_matches("<stdlib/").trim_end_matches('>');
        std::fs::read_to_string(std::path::Path::new(&d).join(name)).ok()
    });
    let text = override_text.as_deref().unwrap_or(text);
    let program = compile_source(file, text, Mode::Script);
    let Ok(program) = program else {
        state.borrow_mut()[index] = FileState::Unloaded;
        return program.map(|_| false);
    };
    // A module the program defines itself (its own `Path`, say) stays
    // the program's, whichever was loaded first.
    for m in program.modules {
        if code::loaded(m.name).is_none() {
            code::load(m);
        }
    }
    state.borrow_mut()[index] = FileState::Loaded;
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
