//! BIFs: the functions implemented natively in Rust, registered in one table
//! keyed by MFA.
//!
//! A BIF is a leaf: it gets its arguments and the calling process, and
//! returns a term or raises; it never runs Vial code. Everything that takes a
//! function argument (`Enum.map/2`, ...) is written in Vial in `vial-stdlib`.
//! Each submodule registers its BIFs in a `BIFS` table of [`BifDef`]s.

use crate::bytecode::Mfa;
use crate::error::Exception;
use crate::process::Process;
use crate::scheduler::Vm;
use crate::term::Term;
use crate::Atom;
use ahash::AHashMap;
use std::sync::OnceLock;

pub(crate) mod arith;
mod base;
pub(crate) mod compare;
mod conversions;
pub(crate) mod data;
mod errors;
mod ets;
mod fun_info;
pub(crate) mod io;
mod io_format;
mod library;
mod math;
mod procs;
mod protocol;
mod rand;
mod runtime;
pub(crate) mod system;
mod time;

/// What a BIF sees: the VM and the calling process.
pub struct Ctx<'a> {
    pub vm: &'a Vm,
    pub proc: &'a mut Process,
}

/// A native function: arguments in, a term or an exception out.
pub type BifFn = fn(&mut Ctx, &[Term]) -> Result<Term, Exception>;

/// One table entry: `module` is the full atom text (`"erlang"`,
/// `"Elixir.IO"`), `name` the function name.
pub struct BifDef {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u32,
    pub fun: BifFn,
}

struct Table {
    defs: Vec<&'static BifDef>,
    by_mfa: AHashMap<Mfa, u16>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            defs: Vec::new(),
            by_mfa: AHashMap::new(),
        };
        let groups: [&'static [BifDef]; 18] = [
            arith::BIFS,
            base::BIFS,
            compare::BIFS,
            conversions::BIFS,
            data::BIFS,
            errors::BIFS,
            fun_info::BIFS,
            ets::BIFS,
            io::BIFS,
            io_format::BIFS,
            library::BIFS,
            math::BIFS,
            procs::BIFS,
            protocol::BIFS,
            rand::BIFS,
            runtime::BIFS,
            system::BIFS,
            time::BIFS,
        ];
        for def in groups.into_iter().flatten() {
            let mfa = Mfa::new(Atom::intern(def.module), Atom::intern(def.name), def.arity);
            t.by_mfa.insert(mfa, t.defs.len() as u16);
            t.defs.push(def);
        }
        t
    })
}

/// The BIF number for `mfa`, if it is a BIF.
pub fn lookup(mfa: Mfa) -> Option<u16> {
    table().by_mfa.get(&mfa).copied()
}

/// The names and arities of the BIFs of `module` (what `import module`
/// brings in besides the module's exported Vial functions).
pub fn module_functions(module: Atom) -> Vec<(Atom, u32)> {
    table()
        .by_mfa
        .keys()
        .filter(|mfa| mfa.module == module)
        .map(|mfa| (mfa.name, mfa.arity))
        .collect()
}

/// The BIF numbered `id` (from [`lookup`]).
pub fn get(id: u16) -> &'static BifDef {
    table().defs[id as usize]
}

/// Shorthand for a `BifDef` literal.
macro_rules! bif {
    ($module:literal, $name:literal, $arity:literal, $fun:expr) => {
        $crate::bif::BifDef {
            module: $module,
            name: $name,
            arity: $arity,
            fun: $fun,
        }
    };
}
pub(crate) use bif;
