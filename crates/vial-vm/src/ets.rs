//! ETS: tables of tuples shared between processes (`:ets`), after the OTP
//! ets documentation.
//!
//! The [`Store`] (one per VM) maps table identifiers and names to
//! [`Table`]s behind one reader-writer lock, held only to find, add or
//! remove a table; each table's objects sit behind their own reader-writer
//! lock, so readers on every scheduler proceed together and a writer
//! (`insert`, `update_counter`, ...) is atomic with respect to all others.
//!
//! A table belongs to the process that created it (or was given it). The
//! owner's table list lives in its [`crate::process::Relations`], so a
//! process that owns no table pays nothing; when the owner exits, the
//! scheduler hands the table to its heir or deletes it, freeing its name,
//! before the owner's `:DOWN`s and exit signals go out (see
//! `scheduler/ets_owner.rs`).
//!
//! Table identifiers are references with [`TABLE_TAG`] set, taken from
//! their own counter, so that a reference that was never a table
//! (`make_ref/0`) is told apart from a deleted table, as the BEAM does in
//! its error messages.

/// The traversal order of hash tables, as OTP 25 keeps it.
pub mod chains;
/// Key equality, hashing and ordering by table type.
pub mod key;
/// Match specifications: compiling and running them.
pub mod match_spec;
/// The objects of a table, by table type.
pub mod objects;

use crate::term::{Pid, Ref, Term};
use crate::Atom;
use ahash::AHashMap;
use objects::{Kind, Objects};
use parking_lot::{Mutex, RwLock};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The bit that marks a reference as a table identifier.
pub const TABLE_TAG: u64 = 1 << 48;

/// Locks of a hash table created with `write_concurrency` (`true` or
/// `:auto`): ERTS's `DB_HASH_LOCK_CNT` in OTP 25, one per 64th bucket.
pub const WRITE_LOCKS: usize = 64;

/// Why an ETS operation failed: the `cause` the BEAM records in a `badarg`'s
/// error info, which `erl_stdlib_errors:format_ets_error/3` turns into the
/// per-argument messages (see `bif/ets/errors.rs`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cause {
    /// No cause recorded: the message is worked out from the arguments.
    None,
    /// The table argument is neither an atom nor a table identifier.
    Type,
    /// No such table (never existed, or deleted).
    Id,
    /// The table's protection forbids the operation to the caller.
    Access,
    /// The operation does not work on this table type.
    TableType,
    /// The key is not in the table.
    BadKey,
    /// An update names the key position.
    KeyPos,
    /// An update position is outside the object.
    Position,
    /// `give_away/3` to the current owner.
    Owner,
    /// `give_away/3` by a process that is not the owner.
    NotOwner,
    /// `new/2` of a named table whose name is taken.
    AlreadyExists,
}

/// Who may use a table (`:public`, `:protected`, `:private`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Public,
    Protected,
    Private,
}

impl Access {
    /// The option's atom text.
    pub fn name(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Protected => "protected",
            Access::Private => "private",
        }
    }
}

/// What an operation does to a table, for the access check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Need {
    Read,
    Write,
}

/// The options of `:ets.new/2`, parsed.
#[derive(Clone, Debug)]
pub struct Options {
    /// `:set` (the default), `:ordered_set`, `:bag`, `:duplicate_bag`.
    pub kind: Kind,
    /// 1-based position of the key in each object.
    pub keypos: usize,
    /// `:public`, `:protected` (the default), `:private`.
    pub access: Access,
    /// `:named_table`: the name reaches the table.
    pub named: bool,
    /// `{:read_concurrency, bool}`: reported by `info/2`, changes nothing.
    pub read_concurrency: bool,
    /// `{:write_concurrency, bool | :auto}`: reported, and a hash table
    /// with it has [`WRITE_LOCKS`] locks, which order its traversals.
    pub write_concurrency: bool,
    /// `{:decentralized_counters, bool}`: reported, changes nothing (OTP's
    /// default: on for an `ordered_set` with `write_concurrency`).
    pub decentralized_counters: bool,
    /// `:compressed`: reported, changes nothing.
    pub compressed: bool,
    /// `{:heir, pid, data}`: who inherits the table when the owner exits.
    pub heir: Option<(Pid, Term)>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            kind: Kind::Set,
            keypos: 1,
            access: Access::Protected,
            named: false,
            read_concurrency: false,
            write_concurrency: false,
            decentralized_counters: false,
            compressed: false,
            heir: None,
        }
    }
}

/// One table.
pub struct Table {
    /// The table identifier (what `whereis/1` returns).
    pub id: Ref,
    /// The name given to `new/2` or `rename/2` (a key in the store only
    /// if `named`).
    name: Mutex<Atom>,
    /// The options it was created with.
    pub opts: Options,
    owner: AtomicU64,
    heir: Mutex<Option<(Pid, Term)>>,
    /// The objects, behind the table's own lock.
    pub objects: RwLock<Objects>,
}

impl Table {
    /// The table's current name (`info(tab, :name)`).
    pub fn name(&self) -> Atom {
        *self.name.lock()
    }

    /// The owning process.
    pub fn owner(&self) -> Pid {
        Pid(self.owner.load(Ordering::Acquire))
    }

    /// Hands the table to `pid` (`give_away/3`, an heir's inheritance).
    pub(crate) fn set_owner(&self, pid: Pid) {
        self.owner.store(pid.0, Ordering::Release);
    }

    /// The heir and its gift data, if any.
    pub fn heir(&self) -> Option<(Pid, Term)> {
        self.heir.lock().clone()
    }

    /// How programs name the table: its name if named, else its identifier.
    pub fn handle(&self) -> Term {
        if self.opts.named {
            Term::Atom(self.name())
        } else {
            Term::Ref(self.id)
        }
    }

    /// Whether `pid` may `need` this table: the owner may do anything;
    /// others may read a public or protected table and write a public one.
    pub fn check(&self, pid: Pid, need: Need) -> Result<(), Cause> {
        let ok = match self.opts.access {
            Access::Public => true,
            Access::Protected => need == Need::Read || pid == self.owner(),
            Access::Private => pid == self.owner(),
        };
        if ok {
            Ok(())
        } else {
            Err(Cause::Access)
        }
    }
}

#[derive(Default)]
struct Registry {
    by_id: AHashMap<u64, Arc<Table>>,
    by_name: AHashMap<Atom, Arc<Table>>,
}

/// Every live table of a VM.
pub struct Store {
    registry: RwLock<Registry>,
    next_id: AtomicU64,
}

impl Default for Store {
    fn default() -> Store {
        Store::new()
    }
}

impl Store {
    /// A store without tables.
    pub fn new() -> Store {
        Store {
            registry: RwLock::new(Registry::default()),
            next_id: AtomicU64::new(1),
        }
    }

    /// Creates a table owned by `owner`; `AlreadyExists` if it is named
    /// and the name is taken.
    pub fn create(&self, name: Atom, opts: Options, owner: Pid) -> Result<Arc<Table>, Cause> {
        let id = Ref(TABLE_TAG | self.next_id.fetch_add(1, Ordering::Relaxed));
        let table = Arc::new(Table {
            id,
            name: Mutex::new(name),
            objects: RwLock::new(Objects::with_locks(
                opts.kind,
                opts.keypos,
                if opts.write_concurrency {
                    WRITE_LOCKS
                } else {
                    1
                },
            )),
            heir: Mutex::new(opts.heir.clone()),
            opts,
            owner: AtomicU64::new(owner.0),
        });
        let mut reg = self.registry.write();
        if table.opts.named {
            if reg.by_name.contains_key(&name) {
                return Err(Cause::AlreadyExists);
            }
            reg.by_name.insert(name, table.clone());
        }
        reg.by_id.insert(id.0, table.clone());
        Ok(table)
    }

    /// The table a program names with `t`: a name (atom) or an identifier.
    /// `Type` for any other term or a reference that was never a table,
    /// `Id` for a table that does not exist (any more).
    pub fn resolve(&self, t: &Term) -> Result<Arc<Table>, Cause> {
        let reg = self.registry.read();
        match t {
            Term::Atom(a) => reg.by_name.get(a).cloned().ok_or(Cause::Id),
            Term::Ref(r) if r.0 & TABLE_TAG != 0 => reg.by_id.get(&r.0).cloned().ok_or(Cause::Id),
            _ => Err(Cause::Type),
        }
    }

    /// [`Store::resolve`] and the access check for `pid`.
    pub fn open(&self, t: &Term, pid: Pid, need: Need) -> Result<Arc<Table>, Cause> {
        let table = self.resolve(t)?;
        table.check(pid, need)?;
        Ok(table)
    }

    /// The live table with identifier `id`.
    pub fn get(&self, id: Ref) -> Option<Arc<Table>> {
        self.registry.read().by_id.get(&id.0).cloned()
    }

    /// Deletes `table` (frees its name); whether it was still there.
    pub fn remove(&self, table: &Table) -> bool {
        let mut reg = self.registry.write();
        let found = reg.by_id.remove(&table.id.0).is_some();
        if found && table.opts.named {
            reg.by_name.remove(&table.name());
        }
        found
    }

    /// Renames `table` (`rename/2`): a named table moves to the new name,
    /// which must be free (`AlreadyExists`, even if it is its own name);
    /// an unnamed table only changes the name `info/2` reports.
    pub fn rename(&self, table: &Arc<Table>, new: Atom) -> Result<(), Cause> {
        let mut reg = self.registry.write();
        if !reg.by_id.contains_key(&table.id.0) {
            return Err(Cause::Id);
        }
        if table.opts.named {
            if reg.by_name.contains_key(&new) {
                return Err(Cause::AlreadyExists);
            }
            reg.by_name.remove(&table.name());
            reg.by_name.insert(new, table.clone());
        }
        *table.name.lock() = new;
        Ok(())
    }

    /// The identifier of the table named `name` (`whereis/1`).
    pub fn whereis(&self, name: Atom) -> Option<Ref> {
        self.registry.read().by_name.get(&name).map(|t| t.id)
    }

    /// Every table as programs name it, oldest first (`all/0`).
    pub fn all(&self) -> Vec<Term> {
        let reg = self.registry.read();
        let mut tables: Vec<&Arc<Table>> = reg.by_id.values().collect();
        tables.sort_unstable_by_key(|t| t.id);
        tables.iter().map(|t| t.handle()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_freed_on_delete() {
        let store = Store::new();
        let opts = Options {
            named: true,
            ..Options::default()
        };
        let name = Atom::intern("ets_test_table");
        let t = store.create(name, opts.clone(), Pid(1)).unwrap();
        assert_eq!(
            store.create(name, opts.clone(), Pid(1)).err(),
            Some(Cause::AlreadyExists)
        );
        assert_eq!(store.whereis(name), Some(t.id));
        assert!(store.resolve(&Term::Ref(t.id)).is_ok());
        assert!(store.remove(&t));
        assert_eq!(store.resolve(&Term::Atom(name)).err(), Some(Cause::Id));
        assert_eq!(store.resolve(&Term::Ref(t.id)).err(), Some(Cause::Id));
        assert_eq!(store.resolve(&Term::Ref(Ref(5))).err(), Some(Cause::Type));
        assert_eq!(store.resolve(&Term::Int(5)).err(), Some(Cause::Type));
        assert!(store.create(name, opts, Pid(1)).is_ok());
    }

    #[test]
    fn protection_decides_who_reads_and_writes() {
        let store = Store::new();
        let owner = Pid(1);
        let other = Pid(2);
        let mk = |access| {
            store
                .create(
                    Atom::intern("t"),
                    Options {
                        access,
                        ..Options::default()
                    },
                    owner,
                )
                .unwrap()
        };
        let (public, protected, private) = (
            mk(Access::Public),
            mk(Access::Protected),
            mk(Access::Private),
        );
        for t in [&public, &protected, &private] {
            assert!(t.check(owner, Need::Write).is_ok());
        }
        assert!(public.check(other, Need::Write).is_ok());
        assert!(protected.check(other, Need::Read).is_ok());
        assert_eq!(protected.check(other, Need::Write), Err(Cause::Access));
        assert_eq!(private.check(other, Need::Read), Err(Cause::Access));
    }
}
