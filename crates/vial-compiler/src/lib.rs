//! The Vial compiler: AST ([`vial_syntax::ast`]) to register bytecode
//! ([`vial_vm::bytecode`]), module by module.
//!
//! The compiler does no I/O. It knows the VM's bytecode and term types and
//! asks the VM's BIF table and code server which calls are BIFs and which
//! Kernel functions exist; it never runs code.

mod attrs;
mod closure;
mod consts;
mod control;
mod derive;
mod desugar;
mod expr;
mod func;
mod imports;
mod liveness;
mod module;
mod pattern;
mod peephole;
mod protocols;

use func::{Dest, FnBuilder};
use module::{block_items, compile_module, do_body, ModuleBuilder, Source, Structs};
use vial_syntax::ast::{Callee, Expr, ExprKind};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::Instr;
use vial_vm::code::Module;
use vial_vm::{Atom, SCRIPT_MODULE};

/// What to make of a file's top-level code.
pub enum Mode<'a> {
    /// A script: top-level code becomes `SCRIPT_MODULE.__script__/0`.
    Script,
    /// A REPL input: top-level code becomes `SCRIPT_MODULE.__script__/N`
    /// taking the values of `bindings` and returning
    /// `{value, b1, ..., bk}` for the bindings in [`Program::outputs`].
    Repl { bindings: &'a [String] },
}

/// The result of compiling one source.
pub struct Program {
    /// The modules defined (`defmodule`), then the script module if the
    /// source has top-level code.
    pub modules: Vec<Module>,
    /// Whether the last module is the script module to run.
    pub has_script: bool,
    /// In REPL mode, the variable names bound after the input, in the order
    /// of the returned tuple.
    pub outputs: Vec<String>,
}

/// The name of the entry function of the script module.
pub const SCRIPT_FUNCTION: &str = "__script__";

/// Compiles a parsed file. `file` is the name used in stack traces and
/// diagnostics; `text` the source (for line numbers).
/// The modules a top-level `defmodule`, `defprotocol` or `defimpl` (`f`)
/// defines, as `(name, body)`: `name` an alias (`Foo.Bar`), or `:name` for
/// a module named by a plain atom (`defmodule :timer`, as Erlang names
/// modules).
fn top_level_modules(
    f: &str,
    args: &[Expr],
    top_level: &ModuleBuilder,
    stmt: &Expr,
) -> Result<Vec<(String, Expr)>, Diagnostic> {
    match f {
        "defmodule" => {
            let [name, rest @ ..] = args else {
                return Err(Diagnostic::new("defmodule needs a name", stmt.span));
            };
            let name = match &name.kind {
                ExprKind::Alias(name) => name.clone(),
                ExprKind::Atom(atom) => format!(":{atom}"),
                _ => return Err(Diagnostic::new("expected a module name", name.span)),
            };
            let body = do_body(rest)
                .ok_or_else(|| Diagnostic::new("defmodule needs a do block", stmt.span))?;
            Ok(vec![(name, body.clone())])
        }
        "defprotocol" => {
            let Some(ExprKind::Alias(name)) = args.first().map(|a| &a.kind) else {
                return Err(Diagnostic::new("expected a protocol name", stmt.span));
            };
            let body = protocols::protocol_body(&args[1..], stmt.span)?;
            Ok(vec![(name.clone(), body)])
        }
        _ => {
            let expand = |a: &str| {
                let full = top_level.expand_alias(a);
                full.name().trim_start_matches("Elixir.").to_string()
            };
            protocols::impl_modules(args, None, &expand, stmt.span)
        }
    }
}

pub fn compile(file: &str, text: &str, ast: &Expr, mode: Mode) -> Result<Program, Diagnostic> {
    let source = Source::new(file, text);
    let mut structs = Structs::default();
    let mut modules = Vec::new();
    let mut top = Vec::new();
    // The imports at the top of the file so far, which the modules defined
    // after them see; the script code sees them through its own statements.
    let mut top_level = ModuleBuilder::new(
        Atom::intern(SCRIPT_MODULE),
        source.clone(),
        structs.clone(),
        None,
    );
    for stmt in block_items(ast) {
        match &stmt.kind {
            ExprKind::Call {
                callee: Callee::Local(f),
                args,
                ..
            } if matches!(f.as_str(), "defmodule" | "defprotocol" | "defimpl") => {
                for (name, body) in top_level_modules(f, args, &top_level, stmt)? {
                    compile_module(
                        &name,
                        &body,
                        &top_level.imported,
                        &top_level.aliases,
                        &source,
                        &mut structs,
                        &mut modules,
                    )?;
                    // The module body's own code runs here, in script order.
                    if let Some(call) = module::body_call(&modules, &name, stmt.span) {
                        top.push(call);
                    }
                }
                imports::record_exports(&mut top_level.file_exports, &modules);
            }
            ExprKind::Call {
                callee: Callee::Local(f),
                args,
                ..
            } if f == "import" && (1..=2).contains(&args.len()) => {
                top_level.import_module(&args[0], &args[1..])?;
                top.push(stmt.clone());
            }
            ExprKind::Call {
                callee: Callee::Local(f),
                args,
                ..
            } if f == "alias" && !args.is_empty() => {
                // For the imports above; the script code reports errors.
                let _ = top_level.alias(&args[0], &args[1..]);
                top.push(stmt.clone());
            }
            _ => top.push(stmt.clone()),
        }
    }
    let bindings: &[String] = match mode {
        Mode::Repl { bindings } => bindings,
        Mode::Script if top.is_empty() => {
            return Ok(Program {
                modules,
                has_script: false,
                outputs: Vec::new(),
            })
        }
        Mode::Script => &[],
    };
    let repl = matches!(mode, Mode::Repl { .. });
    let span = ast.span;
    let same_context: Vec<Atom> = structs.keys().copied().collect();
    let mut mb = ModuleBuilder::new(Atom::intern(SCRIPT_MODULE), source.clone(), structs, None);
    mb.same_context_structs = same_context;
    mb.file_exports = top_level.file_exports;
    let arity = bindings.len() as u32;
    let index = mb.declare(SCRIPT_FUNCTION, arity, true);
    let mut fb = FnBuilder::new(&mut mb, SCRIPT_FUNCTION.to_string(), arity, arity as u16);
    for (i, name) in bindings.iter().enumerate() {
        fb.alias_var(name, i as u16);
    }
    let body = Expr::new(ExprKind::Block(top), span);
    let mut outputs = Vec::new();
    if repl {
        let r = fb.alloc(span)?;
        fb.expr(&body, Dest::Reg(r))?;
        let mut names: Vec<(String, u16)> = fb
            .vars
            .iter()
            .filter(|(n, _)| !n.starts_with('_') && !n.contains(' '))
            .map(|(n, r)| (n.clone(), *r))
            .collect();
        names.sort();
        let start = fb.alloc_n(names.len() as u16 + 1, span)?;
        fb.emit(Instr::Move { src: r, dst: start });
        for (i, (name, reg)) in names.into_iter().enumerate() {
            fb.emit(Instr::Move {
                src: reg,
                dst: start + 1 + i as u16,
            });
            outputs.push(name);
        }
        fb.emit(Instr::MakeTuple {
            start,
            n: outputs.len() as u16 + 1,
            dst: start,
        });
        fb.emit(Instr::Return { src: start });
    } else {
        fb.expr(&body, Dest::Tail)?;
    }
    let (f, mb2) = fb.build(true, 0);
    mb2.define(index, f);
    modules.push(mb.finish());
    Ok(Program {
        modules,
        has_script: true,
        outputs,
    })
}
