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
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

mod verify;

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
    /// Whether the interpreter's fast lane runs this function, and whether
    /// it is worth entering the lane for (see `interp::fast::mark`, which
    /// [`load`] runs); `Lane::No` until loaded.
    pub lane: Lane,
}

/// Whether the interpreter's fast lane (`interp::fast`) runs a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// The general loop runs it.
    No,
    /// The lane runs it when a lane function calls it or returns to it.
    Runs,
    /// As `Runs`, and the general loop enters the lane for it: it loops or
    /// calls lane functions, so the lane has work to do.
    Enters,
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
    /// What each import resolved to at its last call, parallel to
    /// `imports` (filled by [`load`]; the compiler leaves it empty). See
    /// [`Module::resolve_import`].
    pub import_targets: Box<[AtomicPtr<Resolved>]>,
    /// `defstruct` fields in definition order, with their default values.
    pub struct_def: Option<Vec<(Atom, Term)>>,
    /// The fields a derived `Inspect` shows (`@derive {Inspect, only: ...}`
    /// or `except:`), in definition order, when it hides some: the struct
    /// prints as `#Name<shown: ..., ...>`.
    pub inspect_fields: Option<Vec<Atom>>,
    /// The protocols `@derive` names, which dispatch to their `Any`
    /// implementation for this struct.
    pub derived: Vec<Atom>,
}

impl Module {
    /// The exported function `name/arity`, if any.
    pub fn export(&self, name: Atom, arity: u32) -> Option<u32> {
        self.exports.get(&(name, arity)).copied()
    }

    /// Resolves import number `import` as [`resolve`] does, through the
    /// import's cache slot: a call site pays for the lookups (a BIF table
    /// probe, the code server's lock, the export table) once, and again
    /// only after some module is redefined. A failed resolution is not
    /// cached (the module may be loaded later).
    pub fn resolve_import(&self, import: u32) -> Result<Target, Mfa> {
        let slot = &self.import_targets[import as usize];
        let cached = slot.load(Ordering::Acquire);
        // Read before resolving: a redefinition that races with this
        // resolution leaves the entry stale, never wrong.
        let generation = REDEFINITIONS.load(Ordering::Acquire);
        // SAFETY: slots only ever hold pointers from `Box::into_raw`,
        // never freed (see below).
        if let Some(r) = unsafe { cached.as_ref() } {
            if r.generation == generation {
                return Ok(r.target);
            }
        }
        let mfa = self.imports[import as usize];
        let target = resolve(mfa).ok_or(mfa)?;
        let fresh = Box::into_raw(Box::new(Resolved { generation, target }));
        // The entry replaced is leaked, not freed: another scheduler may
        // be reading it. Entries are replaced only after a redefinition.
        slot.store(fresh, Ordering::Release);
        Ok(target)
    }
}

/// What a call resolves to: function `index` of a loaded module, or a BIF.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Vial(&'static Module, u32),
    Bif(u16),
}

/// A cached resolution: valid while no module has been redefined since
/// `generation` was read.
#[derive(Debug)]
pub struct Resolved {
    generation: u64,
    target: Target,
}

/// Number of times a loaded module was replaced by a new version (which
/// invalidates every cached [`Resolved`]).
static REDEFINITIONS: AtomicU64 = AtomicU64::new(0);

/// Resolves `mfa`: a BIF, else an export of a loaded module (loading it
/// through the [`Loader`] if needed); `None` when neither exists.
pub fn resolve(mfa: Mfa) -> Option<Target> {
    if let Some(id) = crate::bif::lookup(mfa) {
        return Some(Target::Bif(id));
    }
    let m = lookup(mfa.module)?;
    m.export(mfa.name, mfa.arity)
        .map(|index| Target::Vial(m, index))
}

/// Resolves `mfa` as [`resolve`] does, through a small per-thread cache
/// of recent resolutions: for calls whose module or function is a value
/// (`mod.handle_call(...)` in a GenServer loop, `apply/3`), which have no
/// import slot. Entries are valid while no module has been redefined, as
/// for [`Module::resolve_import`]; failures are not cached.
pub fn resolve_dynamic(mfa: Mfa) -> Option<Target> {
    /// Direct-mapped: a slot holds the last resolution hashed to it.
    const SLOTS: usize = 64;
    thread_local! {
        static RECENT: std::cell::RefCell<[Option<(Mfa, u64, Target)>; SLOTS]> =
            const { std::cell::RefCell::new([None; SLOTS]) };
    }
    let hash = (mfa.module.0 as usize)
        .wrapping_mul(0x9E37_79B9)
        .wrapping_add((mfa.name.0 as usize).wrapping_mul(0x85EB_CA6B))
        .wrapping_add(mfa.arity as usize);
    let slot = (hash >> 7) % SLOTS;
    let generation = REDEFINITIONS.load(Ordering::Acquire);
    RECENT.with(|recent| {
        if let Some((m, g, target)) = recent.borrow()[slot] {
            if m == mfa && g == generation {
                return Some(target);
            }
        }
        let target = resolve(mfa)?;
        recent.borrow_mut()[slot] = Some((mfa, generation, target));
        Some(target)
    })
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

    /// Checks that control stays inside the function: every jump target
    /// is an instruction, no instruction that may fall through is the last,
    /// every local function index (of calls and closures) is one of the
    /// module's `functions`, and a local call's arguments fit in the
    /// callee's registers. The interpreter fetches instructions and enters
    /// local functions without bounds checks.
    ///
    /// # Panics
    /// On a violation, which is a compiler bug.
    pub fn check_control(&self, functions: &[Function]) {
        let n = self.code.len();
        assert!(
            n > 0,
            "internal compiler error: {}/{} has no code",
            self.name.name(),
            self.arity,
        );
        for (pc, instr) in self.code.iter().enumerate() {
            let local = match *instr {
                Instr::CallLocal { fun, argc, .. } | Instr::TailCallLocal { fun, argc, .. } => {
                    Some((fun as usize, argc))
                }
                Instr::MakeClosure { fun, .. } => Some((fun as usize, 0)),
                _ => None,
            };
            let in_range = instr.labels().iter().all(|&l| (l as usize) < n)
                && (!instr.falls_through() || pc + 1 < n)
                && local.is_none_or(|(f, argc)| {
                    functions
                        .get(f)
                        .is_some_and(|callee| argc as u16 <= callee.nregs)
                });
            assert!(
                in_range,
                "internal compiler error: {}/{} instruction {pc} ({instr:?}) leads outside the function or module",
                self.name.name(),
                self.arity,
            );
        }
    }

    /// Checks that every register the function reads has been written on
    /// every path to the read (arguments and captured values count as
    /// written): the interpreter does not clear a frame's other registers.
    ///
    /// # Panics
    /// On a violation, which is a compiler bug.
    pub fn check_writes_before_reads(&self) {
        if let Some((pc, r)) = verify::first_unwritten_read(self) {
            panic!(
                "internal compiler error: {}/{} instruction {pc} ({:?}) reads register {r} before any write",
                self.name.name(),
                self.arity,
                self.code[pc]
            );
        }
    }
}

/// Loads (or replaces) a module in the code server, after checking every
/// function with [`Function::check_registers`],
/// [`Function::check_control`] and [`Function::check_writes_before_reads`].
pub fn load(mut module: Module) -> &'static Module {
    for f in &module.functions {
        f.check_registers();
        f.check_control(&module.functions);
        f.check_writes_before_reads();
    }
    crate::interp::fast::mark(&mut module.functions);
    module.import_targets = module
        .imports
        .iter()
        .map(|_| AtomicPtr::new(std::ptr::null_mut()))
        .collect();
    let m: &'static Module = Box::leak(Box::new(module));
    if m.export(Atom::intern("__impl__"), 1).is_some() {
        implementations().write().push(m.name);
    }
    if modules().write().insert(m.name, m).is_some() {
        REDEFINITIONS.fetch_add(1, Ordering::AcqRel);
    }
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

/// The loaded protocol implementations: modules exporting `__impl__/1`
/// (see the compiler's `protocols.rs`), recorded by [`load`].
fn implementations() -> &'static RwLock<Vec<Atom>> {
    static IMPLS: OnceLock<RwLock<Vec<Atom>>> = OnceLock::new();
    IMPLS.get_or_init(Default::default)
}

/// Whether an implementation of protocol `protocol` (a module named
/// `protocol.Type`) is loaded.
pub fn any_implementation(protocol: Atom) -> bool {
    let p = protocol.name();
    implementations().read().iter().any(|m| {
        let name = m.name();
        name.len() > p.len() && name.starts_with(p) && name.as_bytes()[p.len()] == b'.'
    })
}

/// Whether module `name` exists (`Code.ensure_loaded?/1`), loading it
/// through the [`Loader`] if needed.
pub fn is_loaded(name: Atom) -> bool {
    lookup(name).is_some()
}

/// The fields struct `module`'s derived `Inspect` shows, when it hides some
/// (see [`Module::inspect_fields`]).
pub fn inspect_fields(module: Atom) -> Option<Vec<Atom>> {
    lookup(module)?.inspect_fields.clone()
}

/// The field names of struct `module` in `defstruct` order, if it defines one.
///
/// Used by the pretty printer, which prints struct fields in definition order.
pub fn struct_fields(module: Atom) -> Option<Arc<[Atom]>> {
    let m = lookup(module)?;
    let def = m.struct_def.as_ref()?;
    Some(def.iter().map(|(k, _)| *k).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module `name` exporting `v/0`, which returns `value`.
    fn module(name: Atom, value: i32) -> Module {
        let v = Atom::intern("v");
        Module {
            name,
            file: "test.exs".into(),
            functions: vec![Function {
                name: v,
                arity: 0,
                env: 0,
                nregs: 1,
                code: vec![Instr::Int { value, dst: 0 }, Instr::Return { src: 0 }],
                lines: vec![1, 1],
                public: true,
                lane: Lane::No,
            }],
            exports: [((v, 0), 0)].into_iter().collect(),
            literals: vec![],
            imports: vec![],
            import_targets: Box::new([]),
            struct_def: None,
            inspect_fields: None,
            derived: Vec::new(),
        }
    }

    #[test]
    fn a_redefinition_invalidates_cached_dynamic_resolutions() {
        let name = Atom::intern("Elixir.CodeTestRedefined");
        let mfa = Mfa::new(name, Atom::intern("v"), 0);
        let first = load(module(name, 1));
        let at = |t: Option<Target>| match t {
            Some(Target::Vial(m, 0)) => m as *const Module,
            other => panic!("resolved to {other:?}"),
        };
        assert_eq!(at(resolve_dynamic(mfa)), first as *const Module);
        assert_eq!(at(resolve_dynamic(mfa)), first as *const Module);
        let second = load(module(name, 2));
        assert_eq!(at(resolve_dynamic(mfa)), second as *const Module);
        assert!(resolve_dynamic(Mfa::new(name, Atom::intern("v"), 1)).is_none());
    }

    fn control_ok(code: Vec<Instr>) -> bool {
        let f = Function {
            name: Atom::intern("f"),
            arity: 1,
            env: 0,
            nregs: 2,
            lines: vec![1; code.len()],
            code,
            public: true,
            lane: Lane::No,
        };
        // The module has this one function, of 2 registers.
        std::panic::catch_unwind(|| f.check_control(std::slice::from_ref(&f))).is_ok()
    }

    #[test]
    fn control_must_stay_inside_the_function_and_module() {
        let ret = Instr::Return { src: 0 };
        let call = |fun, argc| Instr::CallLocal {
            fun,
            args: 1,
            argc,
            dst: 0,
        };
        assert!(control_ok(vec![Instr::Jump { target: 1 }, ret]));
        assert!(!control_ok(vec![Instr::Jump { target: 2 }, ret]));
        // Falling through past the last instruction.
        assert!(!control_ok(vec![ret, Instr::Int { value: 1, dst: 0 }]));
        assert!(control_ok(vec![call(0, 1), ret]));
        assert!(!control_ok(vec![call(1, 1), ret]), "no function 1");
        assert!(
            !control_ok(vec![call(0, 3), ret]),
            "3 arguments, 2 registers"
        );
    }
}
