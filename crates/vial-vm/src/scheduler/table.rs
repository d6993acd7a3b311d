//! The process table (pid → handle) and the name registry.
//!
//! The table is split into shards by pid, each behind its own reader-writer
//! lock, so that senders on different schedulers rarely touch the same lock
//! and spawning does not stall senders. A lookup holds a shard's read lock
//! only while it clones the handle.

use crate::process::ProcessHandle;
use crate::term::Pid;
use crate::Atom;
use ahash::AHashMap;
use parking_lot::RwLock;
use std::sync::Arc;

const SHARDS: usize = 64;

type Shard = RwLock<AHashMap<u64, Arc<ProcessHandle>>>;

/// Every live process, by pid.
pub(crate) struct ProcTable {
    shards: Box<[Shard]>,
}

impl ProcTable {
    pub fn new() -> ProcTable {
        ProcTable {
            shards: (0..SHARDS).map(|_| RwLock::new(AHashMap::new())).collect(),
        }
    }

    fn shard(&self, pid: Pid) -> &Shard {
        &self.shards[pid.0 as usize % SHARDS]
    }

    pub fn insert(&self, handle: Arc<ProcessHandle>) {
        self.shard(handle.pid).write().insert(handle.pid.0, handle);
    }

    pub fn remove(&self, pid: Pid) -> Option<Arc<ProcessHandle>> {
        self.shard(pid).write().remove(&pid.0)
    }

    pub fn get(&self, pid: Pid) -> Option<Arc<ProcessHandle>> {
        self.shard(pid).read().get(&pid.0).cloned()
    }

    /// Every pid in the table, in ascending order.
    pub fn pids(&self) -> Vec<Pid> {
        let mut pids: Vec<Pid> = self
            .shards
            .iter()
            .flat_map(|s| s.read().keys().map(|&k| Pid(k)).collect::<Vec<_>>())
            .collect();
        pids.sort_unstable();
        pids
    }

    /// Every handle in the table (for shutting the VM down).
    pub fn drain_all(&self) -> Vec<Arc<ProcessHandle>> {
        self.shards
            .iter()
            .flat_map(|s| s.write().drain().map(|(_, h)| h).collect::<Vec<_>>())
            .collect()
    }
}

/// Registered names (`Process.register/2`): name → pid. A process's own
/// name is also kept in its [`crate::process::Relations`], so that its
/// exit can free the name.
#[derive(Default)]
pub(crate) struct Registry {
    pub names: RwLock<AHashMap<Atom, Pid>>,
}
