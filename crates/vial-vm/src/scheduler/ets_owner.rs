//! Who owns which ETS table, and what happens to a table when its owner
//! exits (OTP ets documentation: "a table is deleted when its owner
//! terminates", unless an heir is set and alive, which then inherits it
//! and gets `{:"ETS-TRANSFER", tab, old_owner, heir_data}`).
//!
//! The owner's list of table identifiers is kept in its
//! [`crate::process::Relations`], under its handle's lock, so that a
//! transfer to a process and that process's exit cannot miss each other:
//! either the table joins the list before the process is marked exited (and
//! its exit handles the table), or the transfer sees it exited and fails.

use super::Vm;
use crate::ets::{Store, Table};
use crate::term::{Pid, Ref, Term};

impl Vm {
    /// The VM's ETS tables.
    pub fn ets(&self) -> &Store {
        &self.ets
    }

    /// Records that `pid` owns table `id`; `false` if `pid` has exited (or
    /// never existed).
    pub(crate) fn ets_adopt(&self, pid: Pid, id: Ref) -> bool {
        let Some(h) = self.table.get(pid) else {
            return false;
        };
        let mut inbox = h.lock();
        if inbox.exited {
            return false;
        }
        inbox.relations().tables.push(id);
        true
    }

    /// Forgets that `pid` owns table `id` (deleted or given away).
    pub(crate) fn ets_disown(&self, pid: Pid, id: Ref) {
        if let Some(h) = self.table.get(pid) {
            if let Some(rel) = h.lock().relations.as_mut() {
                rel.tables.retain(|&t| t != id);
            }
        }
    }

    /// Makes `to` the owner of `table` (owned by `from`) and tells it with
    /// `{:"ETS-TRANSFER", tab, from, data}`; `false` if `to` is not alive.
    pub(crate) fn ets_transfer(&self, table: &Table, from: Pid, to: Pid, data: Term) -> bool {
        if !self.ets_adopt(to, table.id) {
            return false;
        }
        table.set_owner(to);
        self.ets_disown(from, table.id);
        let msg = Term::tuple([
            Term::atom("ETS-TRANSFER"),
            table.handle(),
            Term::Pid(from),
            data,
        ]);
        self.send(to, msg);
        true
    }

    /// Called as `pid` exits, with the tables its relations listed: each
    /// table it still owns goes to its heir if that is another live
    /// process, and is deleted otherwise.
    pub(super) fn ets_owner_exited(&self, pid: Pid, tables: &[Ref]) {
        for &id in tables {
            let Some(table) = self.ets.get(id) else {
                continue;
            };
            if table.owner() != pid {
                continue;
            }
            let inherited = match table.heir() {
                Some((heir, data)) if heir != pid => {
                    // The dying owner's handle is marked exited, so the
                    // disown inside the transfer finds nothing to do.
                    self.ets_transfer(&table, pid, heir, data)
                }
                _ => false,
            };
            if !inherited {
                self.ets.remove(&table);
            }
        }
    }
}
