//! Loaded code: modules, their functions, and the code server.
//!
//! The code server is one global table of modules keyed by name atom. A call
//! through an import resolves there at call time, so redefining a module
//! (in the REPL) takes effect for new remote calls, while frames already
//! running keep the version they started with.
//!
//! Loaded modules are never freed (the BEAM keeps old code until it is
//! purged; we never purge): frames and closures hold `&'static Module`, so
//! calls and returns touch no reference counts.

use crate::atom::Atom;
use crate::bytecode::{Instr, Mfa};
use crate::term::Term;
use ahash::AHashMap;
use parking_lot::RwLock;
use std::sync::{Arc, OnceLock};

/// One compiled function (a `def`/`defp` of one arity, or a lifted `fn`).
#[derive(Debug)]
pub struct Function {
    /// Its name: the `def` name, or `-outer/arity-fun-N-` for a lambda.
    pub name: Atom,
    /// Number of arguments (not counting captured values).
    pub arity: u32,
    /// Number of captured values a closure of this function carries.
    pub env: u32,
    /// Registers the frame needs (at least `arity + env`).
    pub nregs: u16,
    pub code: Vec<Instr>,
    /// Source line of each instruction (parallel to `code`), for stack traces.
    pub lines: Vec<u32>,
    /// Exported (`def`), as opposed to `defp` or a lambda.
    pub public: bool,
}

/// A compiled module, as loaded into the code server.
#[derive(Debug)]
pub struct Module {
    pub name: Atom,
    /// Source file name, for stack traces.
    pub file: Arc<str>,
    pub functions: Vec<Function>,
    /// Public functions by name and arity → index in `functions`.
    pub exports: AHashMap<(Atom, u32), u32>,
    pub literals: Vec<Term>,
    /// Remote functions called by `CallRemote`.
    pub imports: Vec<Mfa>,
    /// `defstruct` fields in definition order, with their default values.
    pub struct_def: Option<Vec<(Atom, Term)>>,
}

impl Module {
    /// The exported function `name/arity`, if any.
    pub fn export(&self, name: Atom, arity: u32) -> Option<u32> {
        self.exports.get(&(name, arity)).copied()
    }
}

fn modules() -> &'static RwLock<AHashMap<Atom, &'static Module>> {
    static MODULES: OnceLock<RwLock<AHashMap<Atom, &'static Module>>> = OnceLock::new();
    MODULES.get_or_init(|| RwLock::new(AHashMap::new()))
}

impl Function {
    /// Checks that every register operand lies inside the frame's
    /// `nregs` registers (see [`Instr::register_end`]).
    ///
    /// # Panics
    /// On a violation: the compiler produced a malformed function, which
    /// the interpreter must never run.
    pub fn check_registers(&self) {
        for (pc, instr) in self.code.iter().enumerate() {
            assert!(
                instr.register_end() <= self.nregs as u32,
                "internal compiler error: {}/{} instruction {pc} ({instr:?}) uses a register beyond {}",
                self.name.name(),
                self.arity,
                self.nregs
            );
        }
    }
}

/// Loads (or replaces) a module in the code server, after checking every
/// function with [`Function::check_registers`].
pub fn load(module: Module) -> &'static Module {
    for f in &module.functions {
        f.check_registers();
    }
    let m: &'static Module = Box::leak(Box::new(module));
    modules().write().insert(m.name, m);
    m
}

/// Loads module `name` on its first use, if it can: returns whether it
/// did. The CLI installs one that compiles standard library files on
/// demand, so a script pays only for the library modules it uses.
pub type Loader = fn(Atom) -> bool;

static LOADER: OnceLock<Loader> = OnceLock::new();

/// Installs the [`Loader`] (once; later calls are ignored).
pub fn set_loader(loader: Loader) {
    let _ = LOADER.set(loader);
}

/// The current version of module `name`, loading it through the
/// [`Loader`] if it is not loaded yet.
pub fn lookup(name: Atom) -> Option<&'static Module> {
    if let Some(m) = loaded(name) {
        return Some(m);
    }
    let loader = LOADER.get()?;
    if loader(name) {
        loaded(name)
    } else {
        None
    }
}

/// Module `name` if it is loaded now (never calls the [`Loader`]).
pub fn loaded(name: Atom) -> Option<&'static Module> {
    modules().read().get(&name).copied()
}

/// Whether module `name` exists (`Code.ensure_loaded?/1`), loading it
/// through the [`Loader`] if needed.
pub fn is_loaded(name: Atom) -> bool {
    lookup(name).is_some()
}

/// The field names of struct `module` in `defstruct` order, if it defines one.
///
/// Used by the pretty printer, which prints struct fields in definition order.
pub fn struct_fields(module: Atom) -> Option<Arc<[Atom]>> {
    let m = lookup(module)?;
    let def = m.struct_def.as_ref()?;
    Some(def.iter().map(|(k, _)| *k).collect())
}
