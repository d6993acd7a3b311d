//! Boot: compiling sources and loading them into the code server.

use vial_compiler::{compile, Mode, Program};
use vial_syntax::diagnostic::render;
use vial_vm::code;

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

/// Compiles and loads the embedded standard library. With
/// `VIAL_STDLIB_DIR` set (library development), each `lib/*.ex` file is
/// read from that directory instead, so edits need no rebuild.
pub fn load_stdlib() -> Result<(), String> {
    let dir = std::env::var_os("VIAL_STDLIB_DIR").map(std::path::PathBuf::from);
    for (file, text) in vial_stdlib::SOURCES {
        let override_text = dir.as_ref().and_then(|d| {
            let name = file.trim_start_matches("<stdlib/").trim_end_matches('>');
            std::fs::read_to_string(d.join(name)).ok()
        });
        let text = override_text.as_deref().unwrap_or(text);
        let program = compile_source(file, text, Mode::Script)?;
        for m in program.modules {
            code::load(m);
        }
    }
    Ok(())
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
