//! The global atom table: atoms are interned once and named by a `u32` index.
//!
//! The table only grows (as on the BEAM). Interning takes a lock, reading
//! a name does not (see [`NAMES`]); the
//! common atoms the VM itself needs are pre-interned at fixed indices so they
//! are plain constants ([`Atom::TRUE`], [`Atom::OK`], ...).

use ahash::AHashMap;
use parking_lot::RwLock;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::OnceLock;

/// An interned atom: an index into the global atom table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atom(pub u32);

/// The interning side of the table, behind a lock: the index of each name.
struct Table {
    index: AHashMap<&'static str, u32>,
}

/// Atoms per segment of [`NAMES`].
const SEGMENT: usize = 4096;
/// Segments: room for 4,194,304 atoms, four times the BEAM's default
/// limit (Erlang System Limits: 1,048,576 atoms).
const SEGMENTS: usize = 1024;

/// The names, read without a lock: segments of [`SEGMENT`] slots, each
/// allocated once when the first of its atoms is interned and never moved.
/// A slot points to its atom's name, published (Release) before the atom
/// is returned by [`Atom::intern`]; [`Atom::name`] reads it with Acquire.
/// Comparing atoms by name (term order, sorting) takes no lock whose
/// count every scheduler's reads would bounce between cores.
static NAMES: [AtomicPtr<AtomicPtr<&'static str>>; SEGMENTS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; SEGMENTS];

/// Stores the name of atom `i`. Called under the table's write lock.
fn publish(i: u32, name: &'static str) {
    let (seg, slot) = (i as usize / SEGMENT, i as usize % SEGMENT);
    assert!(
        seg < SEGMENTS,
        "the atom table is full ({} atoms)",
        SEGMENT * SEGMENTS
    );
    let mut base = NAMES[seg].load(Ordering::Acquire);
    if base.is_null() {
        let fresh: Box<[AtomicPtr<&'static str>]> = (0..SEGMENT)
            .map(|_| AtomicPtr::new(std::ptr::null_mut()))
            .collect();
        base = Box::leak(fresh).as_mut_ptr();
        NAMES[seg].store(base, Ordering::Release);
    }
    let boxed: &'static mut &'static str = Box::leak(Box::new(name));
    // SAFETY: `slot < SEGMENT`, the segment's length; segments are never
    // freed.
    unsafe { (*base.add(slot)).store(boxed, Ordering::Release) };
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
            index: AHashMap::with_capacity(1024),
        };
        for name in PREDEFINED {
            t.add(name);
        }
        RwLock::new(t)
    })
}

impl Table {
    /// Gives `name` the next index.
    fn add(&mut self, name: &'static str) -> u32 {
        let i = self.index.len() as u32;
        publish(i, name);
        self.index.insert(name, i);
        i
    }
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
        Atom(t.add(leaked))
    }

    /// Looks `name` up without creating it (`String.to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        table().read().index.get(name).map(|&i| Atom(i))
    }

    /// The atom's text, without the leading colon.
    pub fn name(self) -> &'static str {
        if let Some(name) = PREDEFINED.get(self.0 as usize) {
            return name;
        }
        let (seg, slot) = (self.0 as usize / SEGMENT, self.0 as usize % SEGMENT);
        let base = NAMES[seg].load(Ordering::Acquire);
        assert!(!base.is_null(), "atom {} was never interned", self.0);
        // SAFETY: the segment exists and `slot < SEGMENT`, its length.
        let name = unsafe { (*base.add(slot)).load(Ordering::Acquire) };
        assert!(!name.is_null(), "atom {} was never interned", self.0);
        // SAFETY: published by `intern` (Release, read with Acquire above);
        // names are never freed.
        unsafe { *name }
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
    fn names_are_found_across_segments_and_threads() {
        let made: Vec<(Atom, String)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|t| {
                    s.spawn(move || {
                        (0..SEGMENT + 10)
                            .map(|i| {
                                let name = format!("segment_test_{t}_{i}");
                                (Atom::intern(&name), name)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        for (atom, name) in &made {
            assert_eq!(atom.name(), name);
            assert_eq!(Atom::existing(name), Some(*atom));
        }
    }

    #[test]
    fn interning_is_idempotent() {
        let a = Atom::intern("some_new_atom");
        assert_eq!(a, Atom::intern("some_new_atom"));
        assert_eq!(a.name(), "some_new_atom");
        assert_eq!(Atom::existing("never_seen_anywhere_xyz"), None);
    }
}
