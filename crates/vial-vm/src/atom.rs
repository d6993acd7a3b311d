//! The global atom table: atoms are interned once and named by a `u32` index.
//!
//! The table only grows (as on the BEAM). Reads take a shared lock; the
//! common atoms the VM itself needs are pre-interned at fixed indices so they
//! are plain constants ([`Atom::TRUE`], [`Atom::OK`], ...).

use ahash::AHashMap;
use parking_lot::RwLock;
use std::sync::OnceLock;

/// An interned atom: an index into the global atom table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atom(pub u32);

struct Table {
    names: Vec<&'static str>,
    index: AHashMap<&'static str, u32>,
}

macro_rules! predefined_atoms {
    ($($konst:ident = $name:expr),* $(,)?) => {
        const PREDEFINED: &[&str] = &[$($name),*];
        #[allow(missing_docs)]
        impl Atom {
            predefined_atoms!(@consts 0u32; $($konst),*);
        }
    };
    (@consts $n:expr; $konst:ident $(, $rest:ident)*) => {
        pub const $konst: Atom = Atom($n);
        predefined_atoms!(@consts $n + 1; $($rest),*);
    };
    (@consts $n:expr;) => {};
}

predefined_atoms! {
    FALSE = "false",
    TRUE = "true",
    NIL = "nil",
    OK = "ok",
    ERROR = "error",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    NOPROC = "noproc",
    EXIT = "EXIT",
    DOWN = "DOWN",
    PROCESS = "process",
    THROW = "throw",
    EXIT_KIND = "exit",
    INFINITY = "infinity",
    UNDEFINED = "undefined",
    STRUCT = "__struct__",
    EXCEPTION = "__exception__",
    MESSAGE = "message",
    INFO = "info",
    FLUSH = "flush",
    TRAP_EXIT = "trap_exit",
    TIMEOUT = "timeout",
    ELIXIR_RANGE = "Elixir.Range",
    FIRST = "first",
    LAST = "last",
    STEP = "step",
    ELIXIR_KERNEL = "Elixir.Kernel",
    ERLANG = "erlang",
    DO = "do",
    LABEL = "label",
    ALIAS = "alias",
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            names: Vec::with_capacity(1024),
            index: AHashMap::with_capacity(1024),
        };
        for name in PREDEFINED {
            let i = t.names.len() as u32;
            t.names.push(name);
            t.index.insert(name, i);
        }
        RwLock::new(t)
    })
}

impl Atom {
    /// Interns `name`, returning the existing atom if there is one.
    pub fn intern(name: &str) -> Atom {
        if let Some(&i) = table().read().index.get(name) {
            return Atom(i);
        }
        let mut t = table().write();
        if let Some(&i) = t.index.get(name) {
            return Atom(i);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let i = t.names.len() as u32;
        t.names.push(leaked);
        t.index.insert(leaked, i);
        Atom(i)
    }

    /// Looks `name` up without creating it (`String.to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        table().read().index.get(name).map(|&i| Atom(i))
    }

    /// The atom's text, without the leading colon.
    pub fn name(self) -> &'static str {
        table().read().names[self.0 as usize]
    }

    /// `true` → `Atom::TRUE`, `false` → `Atom::FALSE`.
    pub fn from_bool(b: bool) -> Atom {
        if b {
            Atom::TRUE
        } else {
            Atom::FALSE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_their_names() {
        assert_eq!(Atom::TRUE.name(), "true");
        assert_eq!(Atom::LABEL.name(), "label");
        assert_eq!(Atom::intern("nil"), Atom::NIL);
    }

    #[test]
    fn interning_is_idempotent() {
        let a = Atom::intern("some_new_atom");
        assert_eq!(a, Atom::intern("some_new_atom"));
        assert_eq!(a.name(), "some_new_atom");
        assert_eq!(Atom::existing("never_seen_anywhere_xyz"), None);
    }
}
