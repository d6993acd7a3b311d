//! Processes: a pid, a heap-allocated frame stack, a mailbox, and the
//! shared handle through which other processes reach it.
//!
//! A process is plain data. While runnable it sits (boxed) in a scheduler's
//! run queue; while running it is owned by one scheduler thread; while
//! waiting in `receive` it is parked in its [`ProcessHandle`], where a
//! sender finds it and moves it back to a run queue. The handle is the only
//! part other processes touch: its inbox (one queue of [`Signal`]s, so the
//! signals from one process to another arrive in the order sent, as Erlang
//! guarantees), and the process's links, monitors and registered name
//! ([`Relations`]), which `link`/`monitor`/`register` update directly under
//! the handle's lock instead of by signals.
//!
//! Exit signals and `:DOWN` notifications do travel through the inbox, and
//! are checked against the receiver's own relations when it takes them
//! (Erlang's rule): after `Process.unlink/1` or `Process.demonitor/1`
//! returns, a signal from the old link or monitor has no effect, even one
//! already queued.

use crate::bytecode::{Class, Instr, Label, Reg};
use crate::code::{Function, Module};
use crate::error::Exception;
use crate::interp::Exit;
use crate::term::{Pid, Ref, Term};
use crate::Atom;
use mailbox::Mailbox;
use parking_lot::{Mutex, MutexGuard};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub mod mailbox;
pub mod receive;

/// One activation of a function.
#[derive(Debug)]
pub struct Frame {
    /// Loaded modules are never freed (see `code.rs`), so a frame holds a
    /// plain `&'static` reference: calls and returns touch no refcount.
    pub module: &'static Module,
    /// The next instruction to execute, an element of the function's
    /// `code` (saved when the frame is not on top). A reference rather
    /// than an index, so that a return resumes without looking the
    /// function up first.
    pub ip: &'static Instr,
    /// Index into `module.functions`.
    pub fun: u32,
    /// Index of register 0 of this frame in [`Process::regs`].
    pub base: u32,
    /// Caller register (relative to the caller's base) receiving the result.
    pub ret: Reg,
    /// One past the last register this frame or any frame below it may
    /// use, an index into [`Process::regs`]: never below the caller's
    /// `top`, so a return finds every register of its caller's window in
    /// place and has no bounds to restore (`regs.len()` is always at least
    /// the innermost frame's `top`).
    pub top: u32,
}

/// An exception handler installed by `TryBegin`.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    /// Number of frames when installed; unwinding truncates to this depth.
    pub depth: u32,
    /// Where the handler code starts in the installing frame's function.
    pub pc: Label,
    /// First of the three registers receiving class, reason, stacktrace.
    pub dst: Reg,
}

/// A signal delivered to a process, in the order sent.
#[derive(Debug)]
pub enum Signal {
    /// An ordinary message.
    Message(Term),
    /// An exit signal (`Process.exit/2`, or a linked process's death).
    Exit(Box<ExitSignal>),
    /// A monitored process ended: becomes a `:DOWN` message if the monitor
    /// is still active when the receiver takes it.
    Down(Box<DownSignal>),
}

/// The payload of [`Signal::Exit`].
#[derive(Debug)]
pub struct ExitSignal {
    /// The process that sent it (or whose death sent it).
    pub from: Pid,
    /// The reason as sent (`:kill` from `Process.exit/2` is untrappable).
    pub reason: Term,
    /// Sent because a linked process died (as opposed to `Process.exit/2`);
    /// ignored if the receiver is no longer linked to `from`.
    pub link: bool,
}

/// The payload of [`Signal::Down`].
#[derive(Debug)]
pub struct DownSignal {
    /// The monitor's reference.
    pub reference: Ref,
    /// What was monitored: the pid, or `{name, node}` for a monitor by name.
    pub object: Term,
    /// The monitored process's exit reason (`:noproc` if it was dead).
    pub reason: Term,
}

/// One monitor, as recorded on either side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Monitor {
    /// The reference `Process.monitor/1` returned.
    pub reference: Ref,
    /// The other process: the target in the owner's list, the owner in the
    /// target's list.
    pub pid: Pid,
    /// The registered name the monitor was set up with (`Process.monitor(:name)`),
    /// reported as `{name, node}` in the `:DOWN` message.
    pub name: Option<Atom>,
}

/// A process's links, monitors and name, kept in its handle so that other
/// processes can set them up without waking it. Allocated on first use.
#[derive(Debug, Default)]
pub struct Relations {
    /// Linked processes (both sides record the link).
    pub links: Vec<Pid>,
    /// Monitors this process holds on others.
    pub monitors: Vec<Monitor>,
    /// Monitors others hold on this process.
    pub watchers: Vec<Monitor>,
    /// The registered name (`Process.register/2`).
    pub name: Option<Atom>,
    /// Active process aliases (`:erlang.alias/0`) owned by this process.
    pub aliases: Vec<Ref>,
    /// ETS tables this process owns (their identifiers): deleted, or
    /// passed to their heir, when it exits.
    pub tables: Vec<Ref>,
}

/// The shared part of a process: what senders, timers and other processes
/// touch.
#[derive(Debug)]
pub struct ProcessHandle {
    /// The process's pid.
    pub pid: Pid,
    inbox: Mutex<Inbox>,
    /// Set when a signal is queued, cleared when the process takes its
    /// signals: lets the process skip the lock when nothing arrived.
    pending: AtomicBool,
    /// The length of the private mailbox at the end of the process's last
    /// time slice (`Process.info(pid, :message_queue_len)` of a running
    /// process).
    queue_hint: AtomicU32,
}

/// Everything behind a handle's lock.
#[derive(Debug, Default)]
pub struct Inbox {
    /// Signals not yet taken by the process, oldest first.
    pub signals: VecDeque<Signal>,
    /// The process, while it waits in `receive`.
    pub parked: Option<Box<Process>>,
    /// Links, monitors, name, aliases; `None` until the first is set up.
    pub relations: Option<Box<Relations>>,
    /// `Process.flag(:trap_exit, true)`.
    pub trap_exit: bool,
    /// The process has finished: signals to it are dropped.
    pub exited: bool,
    /// The process has taken a signal that kills it and is on its way
    /// out: no longer alive to others, though not `exited` yet.
    pub dying: bool,
    /// When the receive timer armed for this process is due (in the
    /// timers' nanoseconds), or 0 when none is. It may outlive the wait it
    /// was armed for: a receive that ends leaves it pending, a later wait
    /// whose deadline is no earlier reuses it, and when it fires early it
    /// re-arms itself for the deadline of the wait then in progress. So a
    /// request/reply loop (`GenServer.call` waits up to 5 s each time)
    /// touches the timers about once per 5 s instead of twice per call.
    pub receive_timer: u64,
}

impl Inbox {
    /// The relations, allocated on first use.
    pub fn relations(&mut self) -> &mut Relations {
        self.relations.get_or_insert_with(Default::default)
    }

    /// The messages (not other signals) not yet taken, oldest first.
    pub fn pending_messages(&self) -> impl Iterator<Item = &Term> {
        self.signals.iter().filter_map(|s| match s {
            Signal::Message(m) => Some(m),
            _ => None,
        })
    }
}

/// What happened to a signal handed to [`ProcessHandle::deliver`].
pub enum Delivery {
    /// The process has exited; the signal was dropped.
    Dropped,
    /// Queued; the process is running or runnable and will see it.
    Queued,
    /// Queued, and the process was parked: the caller must make it runnable.
    Woke(Box<Process>),
}

impl ProcessHandle {
    fn new(pid: Pid) -> ProcessHandle {
        ProcessHandle {
            pid,
            inbox: Mutex::new(Inbox::default()),
            pending: AtomicBool::new(false),
            queue_hint: AtomicU32::new(0),
        }
    }

    /// Locks the inbox (and relations). Never held while taking the
    /// registry or the process table locks.
    pub fn lock(&self) -> MutexGuard<'_, Inbox> {
        self.inbox.lock()
    }

    /// Whether an exit signal that `from` sent with `Process.exit/2` (not
    /// a link's) waits among the signals the process has yet to take, or
    /// the process is dying and not yet gone.
    pub fn has_exit_from(&self, from: Pid) -> bool {
        let inbox = self.inbox.lock();
        !inbox.exited
            && (inbox.dying
                || inbox
                    .signals
                    .iter()
                    .any(|s| matches!(s, Signal::Exit(e) if e.from == from && !e.link)))
    }

    /// Queues `sig`; a parked process is taken out of the handle and
    /// returned so the caller can make it runnable.
    pub fn deliver(&self, sig: Signal) -> Delivery {
        let mut inbox = self.inbox.lock();
        if inbox.exited {
            return Delivery::Dropped;
        }
        inbox.signals.push_back(sig);
        self.pending.store(true, Ordering::Relaxed);
        match inbox.parked.take() {
            Some(p) => Delivery::Woke(p),
            None => Delivery::Queued,
        }
    }

    /// Whether the process has not finished yet.
    pub fn is_alive(&self) -> bool {
        let inbox = self.inbox.lock();
        !inbox.exited && !inbox.dying
    }

    /// See [`ProcessHandle::queue_hint`].
    pub fn set_queue_hint(&self, len: usize) {
        self.queue_hint
            .store(len.min(u32::MAX as usize) as u32, Ordering::Relaxed);
    }

    /// The mailbox length last recorded by [`ProcessHandle::set_queue_hint`].
    pub fn queue_hint(&self) -> usize {
        self.queue_hint.load(Ordering::Relaxed) as usize
    }
}

/// The private part of a process: owned by whoever runs it.
#[derive(Debug)]
pub struct Process {
    /// Its pid, unique for the life of the VM.
    pub pid: Pid,
    /// The shared part, also held by the process table.
    pub handle: Arc<ProcessHandle>,
    /// The register stack: every frame's registers, one window per frame.
    /// Above the innermost frame's [`Frame::top`] it holds values left by
    /// frames that returned, kept initialised so that the next call can
    /// reuse the slots (see `interp::push_frame`); it is cut back when the
    /// process yields, waits or unwinds.
    pub regs: Vec<Term>,
    /// The call stack, innermost last.
    pub frames: Vec<Frame>,
    /// Installed exception handlers, innermost last.
    pub handlers: Vec<Handler>,
    /// Messages taken from the inbox, oldest first.
    pub mailbox: Mailbox,
    /// Receive save position: messages before it were tried by the current
    /// `receive` and did not match.
    pub save: usize,
    /// When the current `receive ... after` gives up.
    pub deadline: Option<Instant>,
    /// Set when a receive timer woke the process.
    pub timed_out: bool,
    /// Reductions left in the current time slice.
    pub reductions: i32,
    /// The receive marker: the last reference this process created
    /// (`make_ref/0`, `Process.monitor/1`) and the mailbox length at that
    /// moment. See [`receive`].
    pub mark: Option<(Ref, u32)>,
    /// The analysis of the last receive site this process ran with many
    /// messages waiting (see [`receive`]).
    pub shape: Option<Arc<receive::Shape>>,
    /// The last prefilter found that the receive matches its first
    /// message: the next receive starting at the oldest message tries it
    /// without the prefilter (see [`receive`]).
    pub first_matched: bool,
    /// How many times in a row `Process.info` has yielded to let the
    /// process it asks about come to rest (see `bif::procs::info2`).
    pub info_waits: u8,
    /// Set when the process must die with this reason: an exit signal it
    /// took, or `Process.exit(self(), reason)`. Overrides how its code ends.
    pub exit_reason: Option<Term>,
    /// Why the process could not start (`spawn/3` of a missing function):
    /// it dies with this exception as soon as it runs.
    pub start_error: Option<Box<Exception>>,
    /// The handle of the last process this one sent to (saves a process
    /// table lookup when sending to the same pid again).
    pub last_dest: Option<Arc<ProcessHandle>>,
    /// The process dictionary (`Process.put/get`).
    pub dict: Vec<(Term, Term)>,
}

/// What [`Process::drain`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Drained {
    /// No new message.
    Nothing,
    /// At least one message reached the mailbox.
    Messages,
    /// An exit signal ends the process; the reason is in
    /// [`Process::exit_reason`].
    Died,
}

impl Process {
    /// A process with no frame yet (see [`Process::start`]); it is not in
    /// any table or queue until [`crate::scheduler::Vm::spawn`].
    pub fn new(pid: Pid) -> Process {
        Process {
            pid,
            handle: Arc::new(ProcessHandle::new(pid)),
            regs: Vec::new(),
            frames: Vec::new(),
            handlers: Vec::new(),
            mailbox: Mailbox::default(),
            save: 0,
            deadline: None,
            timed_out: false,
            reductions: 0,
            mark: None,
            shape: None,
            first_matched: false,
            info_waits: 0,
            exit_reason: None,
            start_error: None,
            last_dest: None,
            dict: Vec::new(),
        }
    }

    /// Takes every pending signal, in order: messages go to the mailbox,
    /// exit signals and `:DOWN`s are acted on (Erlang's rules, see
    /// [`take_signal`]). Stops at a signal that kills the process.
    pub fn drain(&mut self) -> Drained {
        /// Queued signals beyond which [`Process::drain`] takes the queue
        /// whole rather than one signal at a time under the lock.
        const BATCH: usize = 16;
        if self.exit_reason.is_some() {
            return Drained::Died;
        }
        // A signal queued after this load is found by the next drain, or
        // by `park`, which checks the queue under the lock.
        if !self.handle.pending.load(Ordering::Relaxed) {
            return Drained::Nothing;
        }
        let mut inbox = self.handle.inbox.lock();
        self.handle.pending.store(false, Ordering::Relaxed);
        let mut got = Drained::Nothing;
        // A long queue (senders flooding the process) is taken whole and
        // its messages moved with the lock released, so that the senders
        // do not wait on it meanwhile.
        if inbox.signals.len() > BATCH {
            let batch = std::mem::take(&mut inbox.signals);
            drop(inbox);
            for sig in batch {
                let taken = match sig {
                    Signal::Message(m) => Taken::Message(m),
                    other => take_signal(self.pid, &mut self.handle.inbox.lock(), other),
                };
                if !accept(taken, &mut self.mailbox, &mut self.exit_reason, &mut got) {
                    return Drained::Died;
                }
            }
            return got;
        }
        while let Some(sig) = inbox.signals.pop_front() {
            let taken = match sig {
                Signal::Message(m) => Taken::Message(m),
                other => take_signal(self.pid, &mut inbox, other),
            };
            if !accept(taken, &mut self.mailbox, &mut self.exit_reason, &mut got) {
                return Drained::Died;
            }
        }
        got
    }

    /// Records the receive marker for a reference just created.
    pub fn set_mark(&mut self, r: Ref) {
        receive::mark(self, r);
    }

    /// Removes mailbox message `i`, keeping the receive marker on the same
    /// message (a removal before it shifts it down by one).
    pub fn remove_message(&mut self, i: usize) -> Option<Term> {
        if let Some((_, pos)) = &mut self.mark {
            if i < *pos as usize {
                *pos -= 1;
            }
        }
        self.mailbox.remove(i)
    }

    /// Bytes this process holds (an estimate: its own structures, its
    /// stacks and mailbox cells, not the terms they share).
    pub fn memory(&self) -> usize {
        std::mem::size_of::<Process>()
            + std::mem::size_of::<ProcessHandle>()
            + self.regs.capacity() * std::mem::size_of::<Term>()
            + self.frames.capacity() * std::mem::size_of::<Frame>()
            + self.handlers.capacity() * std::mem::size_of::<Handler>()
            + self.mailbox.allocated()
            + self.dict.capacity() * 2 * std::mem::size_of::<Term>()
    }

    /// Sets up the first frame: calls function `fun` of `module` with `args`
    /// followed by a closure's captured values `env`.
    pub fn start(&mut self, module: &'static Module, fun: u32, args: &[Term], env: &[Term]) {
        let nregs = module.functions[fun as usize].nregs as usize;
        let n = nregs.max(args.len() + env.len());
        self.regs.clear();
        self.regs.reserve_exact(n);
        self.regs.extend(args.iter().cloned());
        self.regs.extend(env.iter().cloned());
        self.regs.resize(n, Term::EmptyList);
        self.frames.reserve_exact(1);
        self.frames.push(Frame::entry(module, fun, 0, 0, n as u32));
    }
}

impl Frame {
    /// A frame about to run `module.functions[fun]` from its first
    /// instruction, with register 0 at `base`, returning into caller
    /// register `ret`, using registers below `top`.
    ///
    /// # Panics
    /// If the function has no code (the loader rejects such functions,
    /// see `code::Function::check_control`).
    pub fn entry(module: &'static Module, fun: u32, base: u32, ret: Reg, top: u32) -> Frame {
        Frame {
            module,
            ip: &module.functions[fun as usize].code[0],
            fun,
            base,
            ret,
            top,
        }
    }

    /// The function this frame runs.
    pub fn function(&self) -> &'static Function {
        &self.module.functions[self.fun as usize]
    }

    /// The index of the next instruction in the function's code.
    pub fn pc(&self) -> usize {
        let code = &self.function().code;
        // SAFETY: `ip` is an element of `code` (see the field).
        let at = unsafe { (self.ip as *const Instr).offset_from(code.as_ptr()) };
        at as usize
    }

    /// Makes instruction `pc` of the function the next to run.
    ///
    /// # Panics
    /// If the function has no instruction `pc`.
    pub fn jump(&mut self, pc: usize) {
        self.ip = &self.function().code[pc];
    }
}

/// What taking a non-message signal does.
enum Taken {
    Ignored,
    Message(Term),
    Die(Term),
}

/// Acts on a signal taken: a message goes to `mailbox` (and `got` says
/// so), a fatal one sets `exit_reason`. Whether the process lives on.
fn accept(
    taken: Taken,
    mailbox: &mut Mailbox,
    exit_reason: &mut Option<Term>,
    got: &mut Drained,
) -> bool {
    match taken {
        Taken::Ignored => true,
        Taken::Message(m) => {
            mailbox.push_back(m);
            *got = Drained::Messages;
            true
        }
        Taken::Die(reason) => {
            *exit_reason = Some(reason);
            false
        }
    }
}

/// Erlang's handling of an exit signal or a `:DOWN` arriving at process
/// `me`:
///
/// - an exit signal from a link the receiver no longer has is ignored;
/// - `:kill` sent by `Process.exit/2` cannot be trapped: the receiver dies
///   with `:killed`;
/// - a trapping receiver gets `{:EXIT, from, reason}` instead;
/// - `:normal` is ignored, except `Process.exit(self(), :normal)`;
/// - any other reason kills the receiver with that reason;
/// - a `:DOWN` becomes the message `{:DOWN, ref, :process, object, reason}`
///   only if the monitor is still active (not demonitored).
fn take_signal(me: Pid, inbox: &mut Inbox, sig: Signal) -> Taken {
    let taken = signal_effect(me, inbox, sig);
    if let Taken::Die(_) = taken {
        inbox.dying = true;
    }
    taken
}

/// What [`take_signal`] makes of `sig`.
fn signal_effect(me: Pid, inbox: &mut Inbox, sig: Signal) -> Taken {
    match sig {
        Signal::Message(m) => Taken::Message(m),
        Signal::Exit(e) => {
            if e.link {
                let Some(rel) = inbox.relations.as_mut() else {
                    return Taken::Ignored;
                };
                let Some(i) = rel.links.iter().position(|&l| l == e.from) else {
                    return Taken::Ignored;
                };
                rel.links.swap_remove(i);
            }
            let is = |a: Atom| e.reason == Term::Atom(a);
            if !e.link && is(Atom::KILL) {
                Taken::Die(Term::Atom(Atom::KILLED))
            } else if inbox.trap_exit {
                Taken::Message(Term::tuple([
                    Term::Atom(Atom::EXIT),
                    Term::Pid(e.from),
                    e.reason,
                ]))
            } else if is(Atom::NORMAL) {
                if !e.link && e.from == me {
                    Taken::Die(e.reason)
                } else {
                    Taken::Ignored
                }
            } else {
                Taken::Die(e.reason)
            }
        }
        Signal::Down(d) => {
            let Some(rel) = inbox.relations.as_mut() else {
                return Taken::Ignored;
            };
            let Some(i) = rel.monitors.iter().position(|m| m.reference == d.reference) else {
                return Taken::Ignored;
            };
            rel.monitors.swap_remove(i);
            Taken::Message(down_message(d.reference, d.object, d.reason))
        }
    }
}

/// How a process killed by an exit signal ends (its reason is in
/// [`Process::exit_reason`]): as an uncaught `exit(reason)`.
pub fn died(p: &Process) -> Exit {
    let reason = p.exit_reason.clone().unwrap_or(Term::Atom(Atom::KILLED));
    Exit::Raised(Exception::new(Class::Exit, reason))
}

/// `{:DOWN, ref, :process, object, reason}`.
pub fn down_message(r: Ref, object: Term, reason: Term) -> Term {
    Term::tuple([
        Term::Atom(Atom::DOWN),
        Term::Ref(r),
        Term::Atom(Atom::PROCESS),
        object,
        reason,
    ])
}

const _: () = assert!(std::mem::size_of::<Signal>() <= 24);

#[cfg(test)]
mod tests {
    use super::*;

    /// An idle process must stay small (DESIGN §5: well under the BEAM's
    /// 2.7 KB): these are its fixed parts.
    #[test]
    fn process_parts_stay_small() {
        assert!(std::mem::size_of::<Process>() <= 256);
        assert!(std::mem::size_of::<ProcessHandle>() <= 88);
        assert_eq!(std::mem::size_of::<Signal>(), 16);
    }

    #[test]
    fn exit_signals_follow_erlang_rules() {
        let me = Pid(1);
        let other = Pid(2);
        let exit = |reason: Term, link: bool| {
            Signal::Exit(Box::new(ExitSignal {
                from: other,
                reason,
                link,
            }))
        };
        let mut inbox = Inbox::default();
        // :normal from Process.exit/2 is ignored; :kill is not trappable.
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::Atom(Atom::NORMAL), false)),
            Taken::Ignored
        ));
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::Atom(Atom::KILL), false)),
            Taken::Die(Term::Atom(Atom::KILLED))
        ));
        // A link signal from a process we are not linked to is ignored.
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::atom("boom"), true)),
            Taken::Ignored
        ));
        inbox.relations().links.push(other);
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::atom("boom"), true)),
            Taken::Die(_)
        ));
        assert!(inbox.relations().links.is_empty());
        // Trapping turns signals into messages, except Process.exit(:kill).
        inbox.trap_exit = true;
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::atom("boom"), false)),
            Taken::Message(_)
        ));
        assert!(matches!(
            take_signal(me, &mut inbox, exit(Term::Atom(Atom::KILL), false)),
            Taken::Die(_)
        ));
        // A DOWN for a monitor no longer active is dropped.
        let down = |r| {
            Signal::Down(Box::new(DownSignal {
                reference: Ref(r),
                object: Term::Pid(other),
                reason: Term::Atom(Atom::NORMAL),
            }))
        };
        assert!(matches!(
            take_signal(me, &mut inbox, down(9)),
            Taken::Ignored
        ));
        inbox.relations().monitors.push(Monitor {
            reference: Ref(9),
            pid: other,
            name: None,
        });
        assert!(matches!(
            take_signal(me, &mut inbox, down(9)),
            Taken::Message(_)
        ));
    }

    #[test]
    fn removing_a_message_keeps_the_marker_on_its_message() {
        let mut p = Process::new(Pid(1));
        for i in 1..=3 {
            p.mailbox.push_back(Term::Int(i));
        }
        p.set_mark(Ref(5));
        assert_eq!(p.mark, Some((Ref(5), 3)));
        p.remove_message(0);
        assert_eq!(p.mark, Some((Ref(5), 2)));
        p.mailbox.push_back(Term::Int(4));
        p.remove_message(2);
        assert_eq!(p.mark, Some((Ref(5), 2)));
    }
}
