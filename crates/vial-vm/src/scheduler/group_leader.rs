//! The group leader: the process that writes every process's output.
//!
//! As on the BEAM, `IO.puts` and its siblings send the group leader an
//! `{:io_request, from, ref, {:put_chars, device, text}}` and wait for its
//! `{:io_reply, ref, :ok}` (`lib/io.ex`). A printing process therefore
//! waits while the processes queued before the group leader run, and
//! processes that print in turn interleave their lines the way they do on
//! the BEAM, with one scheduler or several, instead of each printing all
//! of its own first. The group leader is `Vial.GroupLeader.loop/0` of the
//! standard library, started with the first run of a VM.

use super::Vm;
use crate::code;
use crate::process::Process;
use crate::term::Pid;
use crate::Atom;

/// The group leader's pid: the one a script's group leader has on
/// Elixir 1.14 / OTP 25 (`#PID<0.65.0>`), below every pid the VM hands
/// out.
pub const GROUP_LEADER: Pid = Pid(65);

impl Vm {
    /// Starts the group leader unless it is alive. Without
    /// `Vial.GroupLeader` (a VM with no standard library loaded) there is
    /// none, and output is written by the printing process itself.
    pub(crate) fn start_group_leader(&self) {
        if self.is_alive(GROUP_LEADER) {
            return;
        }
        let module = Atom::intern("Elixir.Vial.GroupLeader");
        let Some(m) = code::lookup(module) else {
            return;
        };
        let Some(index) = m.export(Atom::intern("loop"), 0) else {
            return;
        };
        let mut p = Process::new(GROUP_LEADER);
        p.start(m, index, &[], &[]);
        self.spawn(p);
    }

    /// The group leader's pid, while it is alive (`Process.group_leader/0`).
    pub fn group_leader(&self) -> Option<Pid> {
        self.is_alive(GROUP_LEADER).then_some(GROUP_LEADER)
    }
}
