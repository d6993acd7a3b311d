//! What processes do to each other: send, link, monitor, exit signals,
//! registered names, aliases, `send_after` timers, `Process.info`.
//!
//! Every function here is called by a BIF on behalf of the running process
//! `me`; none blocks or runs Vial code.

use super::timer::TimerAction;
use super::{Vm, Why};
use crate::bytecode::Class;
use crate::error::{exception_struct, Exception};
use crate::process::{
    down_message, Delivery, DownSignal, Drained, ExitSignal, Inbox, Monitor, Process,
    ProcessHandle, Signal,
};
use crate::term::{Pid, Ref, Term};
use crate::Atom;

/// `Process.info/2` items Vial knows (named as the atoms, e.g.
/// `:message_queue_len`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum InfoItem {
    MessageQueueLen,
    Messages,
    Links,
    Monitors,
    MonitoredBy,
    RegisteredName,
    Status,
    Memory,
    TrapExit,
    Dictionary,
    HeapSize,
    TotalHeapSize,
    StackSize,
    Reductions,
    Priority,
}

impl InfoItem {
    /// Whether the item is read from the process itself (its dictionary,
    /// mailbox, memory), which another process can do only while it
    /// waits in `receive` (see `info_of`).
    pub fn is_private(self) -> bool {
        matches!(
            self,
            InfoItem::Dictionary
                | InfoItem::Messages
                | InfoItem::Memory
                | InfoItem::HeapSize
                | InfoItem::TotalHeapSize
                | InfoItem::StackSize
        )
    }

    /// The item named by `a` (`:message_queue_len`, ...).
    pub fn from_atom(a: Atom) -> Option<InfoItem> {
        Some(match a.name() {
            "message_queue_len" => InfoItem::MessageQueueLen,
            "messages" => InfoItem::Messages,
            "links" => InfoItem::Links,
            "monitors" => InfoItem::Monitors,
            "monitored_by" => InfoItem::MonitoredBy,
            "registered_name" => InfoItem::RegisteredName,
            "status" => InfoItem::Status,
            "memory" => InfoItem::Memory,
            "trap_exit" => InfoItem::TrapExit,
            "dictionary" => InfoItem::Dictionary,
            "heap_size" => InfoItem::HeapSize,
            "total_heap_size" => InfoItem::TotalHeapSize,
            "stack_size" => InfoItem::StackSize,
            "reductions" => InfoItem::Reductions,
            "priority" => InfoItem::Priority,
            _ => return None,
        })
    }
}

/// `{name, :nonode@nohost}`: how a monitor by name names its target.
pub fn name_on_node(name: Atom) -> Term {
    Term::tuple([Term::Atom(name), Term::atom("nonode@nohost")])
}

fn noproc_error() -> Exception {
    Exception::error(exception_struct(
        "ErlangError",
        [
            ("original", Term::Atom(Atom::NOPROC)),
            ("reason", Term::NIL),
        ],
    ))
}

impl Vm {
    /// Hands `sig` to a handle and makes a parked receiver runnable.
    /// Returns whether the receiver was alive.
    fn deliver(&self, h: &ProcessHandle, sig: Signal) -> bool {
        let exit = matches!(sig, Signal::Exit(_));
        match h.deliver(sig) {
            Delivery::Dropped => false,
            Delivery::Queued => true,
            Delivery::Woke(p) if exit => {
                self.take_exit_signal(p);
                true
            }
            Delivery::Woke(p) => {
                self.make_runnable(p, Why::Woken);
                true
            }
        }
    }

    /// A waiting process `p` has just been sent an exit signal: it takes
    /// the signal here, and if the signal kills it, it dies here, before
    /// the sender goes on (as on the BEAM, where a waiting process handles
    /// an exit signal as it arrives). So when a supervisor dies, its
    /// children's names are free again by the time its own supervisor
    /// hears of it and restarts it. A chain of links more than
    /// `MAX_NESTED_EXITS` deep dies the ordinary way, one time slice each.
    fn take_exit_signal(&self, mut p: Box<Process>) {
        thread_local! {
            static NESTED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
        }
        const MAX_NESTED_EXITS: u32 = 32;
        let depth = NESTED.with(|n| n.get());
        if depth >= MAX_NESTED_EXITS || p.drain() != Drained::Died {
            self.make_runnable(p, Why::Woken);
            return;
        }
        let exit = crate::process::died(&p);
        NESTED.with(|n| n.set(depth + 1));
        self.retire(p, exit);
        NESTED.with(|n| n.set(depth));
    }

    /// Sends `sig` to process `to`; returns whether it was alive.
    pub(crate) fn signal(&self, to: Pid, sig: Signal) -> bool {
        match self.table.get(to) {
            Some(h) => self.deliver(&h, sig),
            None => false,
        }
    }

    /// Delivers `msg` to `pid` from outside any process (timers); a
    /// message to a dead process is dropped.
    pub fn send(&self, pid: Pid, msg: Term) {
        self.signal(pid, Signal::Message(msg));
    }

    /// `send(pid, msg)` from process `me`: a message to a dead process is
    /// dropped silently (Erlang's rule). Remembers the receiver's handle so
    /// that sending to it again skips the process table.
    pub fn send_from(&self, me: &mut Process, to: Pid, msg: Term) {
        let delivery = match &me.last_dest {
            Some(h) if h.pid == to => h.deliver(Signal::Message(msg)),
            _ => match self.table.get(to) {
                Some(h) => {
                    let d = h.deliver(Signal::Message(msg));
                    me.last_dest = Some(h);
                    d
                }
                None => return,
            },
        };
        if let Delivery::Woke(p) = delivery {
            self.make_runnable(p, Why::Woken);
        }
    }

    /// `send(ref, msg)` through a process alias (`:erlang.alias/0`): dropped
    /// if the alias is not active.
    pub fn send_alias(&self, me: &mut Process, alias: Ref, msg: Term) {
        let owner = self.aliases.read().get(&alias.0).copied();
        if let Some(pid) = owner {
            self.send_from(me, pid, msg);
        }
    }

    /// A new active alias owned by `me` (`:erlang.alias/0`).
    pub fn alias(&self, me: &mut Process) -> Ref {
        let r = self.make_ref();
        me.set_mark(r);
        self.aliases.write().insert(r.0, me.pid);
        me.handle.lock().relations().aliases.push(r);
        r
    }

    /// Deactivates alias `r` of `me` (`:erlang.unalias/1`); whether it was
    /// active.
    pub fn unalias(&self, me: &mut Process, r: Ref) -> bool {
        let owned = drop_alias(&mut me.handle.lock(), r);
        if owned {
            self.aliases.write().remove(&r.0);
        }
        owned
    }

    /// The pid registered as `name`, if any (`Process.whereis/1`).
    pub fn whereis(&self, name: Atom) -> Option<Pid> {
        self.registry.names.read().get(&name).copied()
    }

    /// Every registered name (`Process.registered/0`).
    pub fn registered(&self) -> Vec<Atom> {
        let mut names: Vec<Atom> = self.registry.names.read().keys().copied().collect();
        names.sort_by(|a, b| a.name().cmp(b.name()));
        names
    }

    /// `Process.register(pid, name)`: fails (false) if `pid` is not alive,
    /// `name` is taken, or `pid` already has a name.
    pub fn register(&self, pid: Pid, name: Atom) -> bool {
        let mut names = self.registry.names.write();
        if names.contains_key(&name) {
            return false;
        }
        let Some(h) = self.table.get(pid) else {
            return false;
        };
        let mut inbox = h.lock();
        if inbox.exited {
            return false;
        }
        let rel = inbox.relations();
        if rel.name.is_some() {
            return false;
        }
        rel.name = Some(name);
        names.insert(name, pid);
        true
    }

    /// `Process.unregister(name)`: false if `name` is not registered.
    pub fn unregister(&self, name: Atom) -> bool {
        let Some(pid) = self.registry.names.write().remove(&name) else {
            return false;
        };
        if let Some(h) = self.table.get(pid) {
            let mut inbox = h.lock();
            if let Some(rel) = inbox.relations.as_mut() {
                if rel.name == Some(name) {
                    rel.name = None;
                }
            }
        }
        true
    }

    /// Every live pid, ascending (`Process.list/0`).
    pub fn pids(&self) -> Vec<Pid> {
        self.table.pids()
    }

    /// Links `me` and `other` (`Process.link/1`). A dead `other` gives a
    /// trapping `me` the message `{:EXIT, other, :noproc}`, and raises
    /// `ErlangError` `:noproc` otherwise (OTP's behaviour for a local pid).
    pub fn link(&self, me: &mut Process, other: Pid) -> Result<(), Exception> {
        if other == me.pid {
            return Ok(());
        }
        let alive = match self.table.get(other) {
            Some(h) => {
                let mut inbox = h.lock();
                if inbox.exited {
                    false
                } else {
                    let rel = inbox.relations();
                    if !rel.links.contains(&me.pid) {
                        rel.links.push(me.pid);
                    }
                    true
                }
            }
            None => false,
        };
        let mut inbox = me.handle.lock();
        if alive {
            let rel = inbox.relations();
            if !rel.links.contains(&other) {
                rel.links.push(other);
            }
            Ok(())
        } else if inbox.trap_exit {
            drop(inbox);
            me.handle.deliver(Signal::Message(Term::tuple([
                Term::Atom(Atom::EXIT),
                Term::Pid(other),
                Term::Atom(Atom::NOPROC),
            ])));
            Ok(())
        } else {
            Err(noproc_error())
        }
    }

    /// Links a process being spawned by `parent` (`spawn_link`), before it
    /// can run.
    pub fn link_new(&self, parent: &Process, child: &Process) {
        child.handle.lock().relations().links.push(parent.pid);
        parent.handle.lock().relations().links.push(child.pid);
    }

    /// Removes the link between `me` and `other`, if any (`Process.unlink/1`).
    /// A queued exit signal from the old link is ignored afterwards.
    pub fn unlink(&self, me: &mut Process, other: Pid) {
        if let Some(rel) = me.handle.lock().relations.as_mut() {
            rel.links.retain(|&l| l != other);
        }
        if let Some(h) = self.table.get(other) {
            if let Some(rel) = h.lock().relations.as_mut() {
                rel.links.retain(|&l| l != me.pid);
            }
        }
    }

    /// `Process.monitor/1`: monitors `target` (`None`: a name that is not
    /// registered). `name` is the registered name it was given as, if any.
    /// A dead target gets the `:DOWN` with reason `:noproc` at once.
    pub fn monitor(&self, me: &mut Process, target: Option<Pid>, name: Option<Atom>) -> Ref {
        self.monitor_with_alias(me, target, name, false)
    }

    /// [`Vm::monitor`], the reference also made an alias of `me` when
    /// `alias` is set (with the monitor, under the same lock).
    fn monitor_with_alias(
        &self,
        me: &mut Process,
        target: Option<Pid>,
        name: Option<Atom>,
        alias: bool,
    ) -> Ref {
        let r = self.make_ref();
        me.set_mark(r);
        if alias {
            self.aliases.write().insert(r.0, me.pid);
        }
        // Monitoring oneself creates no monitor (a process never sees its
        // own DOWN).
        if target == Some(me.pid) {
            if alias {
                me.handle.lock().relations().aliases.push(r);
            }
            return r;
        }
        let pid = target.unwrap_or(Pid(0));
        let watcher = Monitor {
            reference: r,
            pid: me.pid,
            name,
        };
        let alive = target.is_some_and(|t| {
            self.with_handle(me, t, |h| {
                let mut inbox = h.lock();
                if inbox.exited {
                    return false;
                }
                inbox.relations().watchers.push(watcher);
                true
            })
            .unwrap_or(false)
        });
        {
            let mut inbox = me.handle.lock();
            let rel = inbox.relations();
            if alive {
                rel.monitors.push(Monitor {
                    reference: r,
                    pid,
                    name,
                });
            }
            if alias {
                rel.aliases.push(r);
            }
        }
        if !alive {
            let object = match name {
                Some(n) => name_on_node(n),
                None => Term::Pid(pid),
            };
            me.handle.deliver(Signal::Message(down_message(
                r,
                object,
                Term::Atom(Atom::NOPROC),
            )));
        }
        r
    }

    /// Sets up a monitor of `parent` on a process being spawned
    /// (`spawn_monitor`), before it can run.
    pub fn monitor_new(&self, parent: &mut Process, child: &Process) -> Ref {
        let r = self.make_ref();
        parent.set_mark(r);
        let m = Monitor {
            reference: r,
            pid: parent.pid,
            name: None,
        };
        child.handle.lock().relations().watchers.push(m);
        parent.handle.lock().relations().monitors.push(Monitor {
            pid: child.pid,
            ..m
        });
        r
    }

    /// `Process.demonitor(ref, opts)`: removes the monitor (afterwards no
    /// `:DOWN` for it arrives); with `flush`, also removes a `:DOWN` already
    /// delivered. Returns whether the monitor was still active.
    pub fn demonitor(&self, me: &mut Process, r: Ref, flush: bool) -> bool {
        let found = {
            let mut inbox = me.handle.lock();
            inbox.relations.as_mut().and_then(|rel| {
                let i = rel.monitors.iter().position(|m| m.reference == r)?;
                Some(rel.monitors.swap_remove(i))
            })
        };
        if let Some(m) = found {
            self.with_handle(me, m.pid, |h| {
                if let Some(rel) = h.lock().relations.as_mut() {
                    rel.watchers.retain(|w| w.reference != r);
                }
            });
        }
        let is_down =
            |t: &Term| matches!(t.as_tuple(), Some([_, Term::Ref(x), _, _, _]) if *x == r);
        if flush {
            // No message older than the reference can hold it (see the
            // receive marker in `process::receive`).
            let mut i = match me.mark {
                Some((m, pos)) if m == r => pos as usize,
                _ => 0,
            };
            while i < me.mailbox.len() {
                if is_down(&me.mailbox[i]) {
                    me.remove_message(i);
                    if i < me.save {
                        me.save -= 1;
                    }
                } else {
                    i += 1;
                }
            }
        }
        // The alias goes with the monitor; the queued signals are flushed
        // under the same lock.
        let owned = (found.is_some() || flush) && {
            let mut inbox = me.handle.lock();
            if flush {
                inbox
                    .signals
                    .retain(|s| !matches!(s, Signal::Message(t) if is_down(t)));
            }
            drop_alias(&mut inbox, r)
        };
        if owned {
            self.aliases.write().remove(&r.0);
        }
        found.is_some()
    }

    /// `:erlang.monitor(:process, target, [alias: _])`: a monitor whose
    /// reference is also an active alias of `me` (OTP 24's monitor alias,
    /// used by `GenServer.call` so that a reply sent after the caller gave
    /// up is dropped). Demonitoring it deactivates the alias.
    pub fn monitor_alias(&self, me: &mut Process, target: Option<Pid>, name: Option<Atom>) -> Ref {
        self.monitor_with_alias(me, target, name, true)
    }

    /// Runs `f` on the handle of process `pid`, if it is in the table;
    /// the handle `me` last sent to serves without a table lookup (a
    /// request/reply partner, monitored and demonitored on every call).
    fn with_handle<T>(
        &self,
        me: &Process,
        pid: Pid,
        f: impl FnOnce(&ProcessHandle) -> T,
    ) -> Option<T> {
        match &me.last_dest {
            Some(h) if h.pid == pid => Some(f(h)),
            _ => self.table.get(pid).map(|h| f(&h)),
        }
    }

    /// `Process.exit(target, reason)` from `me`. To itself: `:kill` kills
    /// `me` at once (`:killed`), a trapping `me` gets `{:EXIT, me, reason}`,
    /// otherwise `me` exits with `reason` (even `:normal`). The returned
    /// error, an `exit` that ends `me`, is what makes it stop at once.
    pub fn exit_signal(
        &self,
        me: &mut Process,
        target: Pid,
        reason: Term,
    ) -> Result<(), Exception> {
        if target != me.pid {
            // The target takes the signal when it next runs, not here:
            // what the sender sends next reaches a third process before
            // the target's own exit notices, as on the BEAM (a supervisor
            // asked about a child just killed still lists it).
            let sig = Signal::Exit(Box::new(ExitSignal {
                from: me.pid,
                reason,
                link: false,
            }));
            if let Some(h) = self.table.get(target) {
                if let Delivery::Woke(p) = h.deliver(sig) {
                    self.make_runnable(p, Why::Woken);
                }
            }
            return Ok(());
        }
        let trapping = me.handle.lock().trap_exit;
        let reason = if reason == Term::Atom(Atom::KILL) {
            Term::Atom(Atom::KILLED)
        } else if trapping {
            me.handle.deliver(Signal::Message(Term::tuple([
                Term::Atom(Atom::EXIT),
                Term::Pid(me.pid),
                reason,
            ])));
            return Ok(());
        } else {
            reason
        };
        me.exit_reason = Some(reason.clone());
        Err(Exception::new(Class::Exit, reason))
    }

    /// Whether process `pid` is at rest: waiting in `receive` with no
    /// signal to take, or gone.
    pub fn at_rest(&self, pid: Pid) -> bool {
        self.table.get(pid).is_none_or(|h| {
            let inbox = h.lock();
            inbox.exited || (inbox.parked.is_some() && inbox.signals.is_empty())
        })
    }

    /// Whether process `to` has an exit signal from `from` (sent by
    /// [`Vm::exit_signal`]) still to take.
    pub fn exit_in_flight(&self, from: Pid, to: Pid) -> bool {
        self.table.get(to).is_some_and(|h| h.has_exit_from(from))
    }

    /// `Process.flag(:trap_exit, on)`; returns the previous value.
    pub fn set_trap_exit(&self, me: &mut Process, on: bool) -> bool {
        std::mem::replace(&mut me.handle.lock().trap_exit, on)
    }

    /// Sends the notifications of process `pid`'s exit with `reason`: exit
    /// signals to its links, `:DOWN`s to its monitors; also removes the
    /// monitors it held from their targets.
    pub(super) fn notify_exit(&self, pid: Pid, reason: &Term, rel: crate::process::Relations) {
        // Linked processes that were waiting take their exit signal after
        // every signal of this exit is out, so that what they send when
        // they die comes after it, as on the BEAM, where they handle it
        // later: a watcher of both hears this process's :DOWN first.
        let mut woken = Vec::new();
        for l in rel.links {
            if l == pid {
                continue;
            }
            let Some(h) = self.table.get(l) else { continue };
            let sig = Signal::Exit(Box::new(ExitSignal {
                from: pid,
                reason: reason.clone(),
                link: true,
            }));
            if let Delivery::Woke(p) = h.deliver(sig) {
                woken.push(p);
            }
        }
        for w in rel.watchers {
            let object = match w.name {
                Some(n) => name_on_node(n),
                None => Term::Pid(pid),
            };
            self.signal(
                w.pid,
                Signal::Down(Box::new(DownSignal {
                    reference: w.reference,
                    object,
                    reason: reason.clone(),
                })),
            );
        }
        for m in rel.monitors {
            if let Some(h) = self.table.get(m.pid) {
                if let Some(rel) = h.lock().relations.as_mut() {
                    rel.watchers.retain(|w| w.reference != m.reference);
                }
            }
        }
        for p in woken {
            self.take_exit_signal(p);
        }
    }

    /// `Process.send_after(dest, msg, ms)`: `dest` is a pid or a name
    /// (resolved when the timer fires). Returns the timer's reference.
    pub fn send_after(&self, dest: Term, msg: Term, ms: u64) -> Ref {
        let r = self.make_ref();
        let due = self
            .timers
            .now()
            .saturating_add(ms.saturating_mul(1_000_000));
        self.timers.add(due, r.0, TimerAction::Send { dest, msg });
        r
    }

    /// `:erlang.start_timer(ms, dest, msg)`: like [`Vm::send_after`], but
    /// the message is `{:timeout, ref, msg}`.
    pub fn start_timer(&self, dest: Term, msg: Term, ms: u64) -> Ref {
        let r = self.make_ref();
        let due = self
            .timers
            .now()
            .saturating_add(ms.saturating_mul(1_000_000));
        let msg = Term::tuple([Term::Atom(Atom::TIMEOUT), Term::Ref(r), msg]);
        self.timers.add(due, r.0, TimerAction::Send { dest, msg });
        r
    }

    /// `Process.cancel_timer(ref)`: the milliseconds that were left, or
    /// `None` if the timer already fired or never existed.
    pub fn cancel_timer(&self, r: Ref) -> Option<u64> {
        let (due, _) = self.timers.cancel(r.0)?;
        Some(ms_until(due, self.timers.now()))
    }

    /// `Process.read_timer(ref)`: milliseconds left, or `None`.
    pub fn read_timer(&self, r: Ref) -> Option<u64> {
        let due = self.timers.due(r.0)?;
        Some(ms_until(due, self.timers.now()))
    }

    /// `Process.info(pid, item)` asked by `me`: `None` when `pid` is not
    /// alive.
    pub fn info(&self, me: &Process, pid: Pid, item: InfoItem) -> Option<Term> {
        if pid == me.pid {
            let inbox = me.handle.lock();
            return Some(info_of(item, Some(me), &inbox, me.mailbox.len(), true));
        }
        let h = self.table.get(pid)?;
        let inbox = h.lock();
        if inbox.exited {
            return None;
        }
        let parked = inbox.parked.as_deref();
        let queued = parked.map_or(h.queue_hint(), |p| p.mailbox.len());
        Some(info_of(item, parked, &inbox, queued, false))
    }
}

fn ms_until(due: u64, now: u64) -> u64 {
    due.saturating_sub(now).div_ceil(1_000_000)
}

/// One `Process.info` item. `p` is the process itself when it is at hand
/// (the caller, or a parked process); `taken` is the length of its private
/// mailbox (the messages still in `inbox` come after); `running` when it
/// is the caller.
fn info_of(
    item: InfoItem,
    p: Option<&Process>,
    inbox: &crate::process::Inbox,
    taken: usize,
    running: bool,
) -> Term {
    let rel = inbox.relations.as_deref();
    match item {
        InfoItem::MessageQueueLen => Term::Int((taken + inbox.pending_messages().count()) as i64),
        InfoItem::Messages => {
            let mut all: Vec<Term> = p.map_or(Vec::new(), |p| p.mailbox.iter().cloned().collect());
            all.extend(inbox.pending_messages().cloned());
            Term::list(all)
        }
        InfoItem::Links => Term::list(
            rel.map_or(&[][..], |r| &r.links[..])
                .iter()
                .map(|&l| Term::Pid(l))
                .collect::<Vec<_>>(),
        ),
        InfoItem::Monitors => Term::list(
            rel.map_or(&[][..], |r| &r.monitors[..])
                .iter()
                .map(|m| {
                    let object = match m.name {
                        Some(n) => name_on_node(n),
                        None => Term::Pid(m.pid),
                    };
                    Term::tuple([Term::Atom(Atom::PROCESS), object])
                })
                .collect::<Vec<_>>(),
        ),
        InfoItem::MonitoredBy => Term::list(
            rel.map_or(&[][..], |r| &r.watchers[..])
                .iter()
                .map(|m| Term::Pid(m.pid))
                .collect::<Vec<_>>(),
        ),
        InfoItem::RegisteredName => match rel.and_then(|r| r.name) {
            Some(n) => Term::Atom(n),
            None => Term::EmptyList,
        },
        InfoItem::Status => Term::atom(if running {
            "running"
        } else if inbox.parked.is_some() {
            "waiting"
        } else {
            "runnable"
        }),
        InfoItem::Memory => {
            Term::Int(p.map_or(std::mem::size_of::<Process>() * 2, |p| p.memory()) as i64)
        }
        InfoItem::HeapSize | InfoItem::TotalHeapSize => {
            Term::Int(p.map_or(0, |p| p.regs.capacity() * 2 + p.mailbox.allocated() / 8) as i64)
        }
        InfoItem::StackSize => Term::Int(p.map_or(0, |p| p.frames.len()) as i64),
        InfoItem::Reductions => Term::Int(0),
        InfoItem::Priority => Term::atom("normal"),
        InfoItem::TrapExit => Term::bool(inbox.trap_exit),
        InfoItem::Dictionary => Term::list(
            p.map_or(&[][..], |p| &p.dict[..])
                .iter()
                .map(|(k, v)| Term::tuple([k.clone(), v.clone()]))
                .collect::<Vec<_>>(),
        ),
    }
}

/// Removes alias `r` from the aliases an inbox's owner holds; whether it
/// was one of them.
fn drop_alias(inbox: &mut Inbox, r: Ref) -> bool {
    inbox.relations.as_mut().is_some_and(|rel| {
        let before = rel.aliases.len();
        rel.aliases.retain(|&a| a != r);
        rel.aliases.len() != before
    })
}
