//! Processes: a pid, a heap-allocated frame stack, a mailbox.
//!
//! A process is plain data. While runnable it sits (boxed) in a scheduler's
//! run queue; while running it is owned by one scheduler thread; while
//! waiting in `receive` it is parked in its [`ProcessHandle`], where a
//! sender finds it and moves it back to a run queue. The handle is the only
//! part other processes touch.

use crate::bytecode::{Label, Reg};
use crate::code::Module;
use crate::term::{Pid, Term};
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

/// One activation of a function.
#[derive(Debug)]
pub struct Frame {
    /// Loaded modules are never freed (see `code.rs`), so a frame holds a
    /// plain `&'static` reference: calls and returns touch no refcount.
    pub module: &'static Module,
    /// Index into `module.functions`.
    pub fun: u32,
    /// Next instruction to execute (saved when the frame is not on top).
    pub pc: u32,
    /// Index of register 0 of this frame in [`Process::regs`].
    pub base: u32,
    /// Caller register (relative to the caller's base) receiving the result.
    pub ret: Reg,
}

/// An exception handler installed by `TryBegin`.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    /// Number of frames when installed; unwinding truncates to this depth.
    pub depth: u32,
    pub pc: Label,
    /// First of the three registers receiving class, reason, stacktrace.
    pub dst: Reg,
}

/// A signal delivered to a process, in the order sent.
#[derive(Debug)]
pub enum Signal {
    Message(Term),
}

/// The shared part of a process: what senders and timers touch.
#[derive(Debug)]
pub struct ProcessHandle {
    pub pid: Pid,
    pub inbox: Mutex<Inbox>,
}

/// Signals not yet seen by the process, and the process itself while parked.
#[derive(Debug, Default)]
pub struct Inbox {
    pub signals: VecDeque<Signal>,
    /// The process, while it waits in `receive`.
    pub parked: Option<Box<Process>>,
    /// Identifies the current wait, so a stale timer cannot wake a later one.
    pub wait_token: u64,
    pub exited: bool,
}

/// The private part of a process: owned by whoever runs it.
#[derive(Debug)]
pub struct Process {
    pub pid: Pid,
    pub handle: Arc<ProcessHandle>,
    /// The register stack: every frame's registers, one window per frame.
    pub regs: Vec<Term>,
    pub frames: Vec<Frame>,
    pub handlers: Vec<Handler>,
    /// Messages taken from the inbox, oldest first.
    pub mailbox: VecDeque<Term>,
    /// Receive save position: messages before it were tried by the current
    /// `receive` and did not match.
    pub save: usize,
    /// When the current `receive ... after` gives up.
    pub deadline: Option<Instant>,
    /// Set when a receive timer woke the process.
    pub timed_out: bool,
    /// Reductions left in the current time slice.
    pub reductions: i32,
    /// The process dictionary (`Process.put/get`).
    pub dict: Vec<(Term, Term)>,
}

impl Process {
    pub fn new(pid: Pid) -> Process {
        Process {
            pid,
            handle: Arc::new(ProcessHandle {
                pid,
                inbox: Mutex::new(Inbox::default()),
            }),
            regs: Vec::new(),
            frames: Vec::new(),
            handlers: Vec::new(),
            mailbox: VecDeque::new(),
            save: 0,
            deadline: None,
            timed_out: false,
            reductions: 0,
            dict: Vec::new(),
        }
    }

    /// Moves signals from the shared inbox into the private mailbox.
    /// Returns whether any message arrived.
    pub fn drain_inbox(&mut self) -> bool {
        let mut inbox = self.handle.inbox.lock();
        let mut got = false;
        while let Some(sig) = inbox.signals.pop_front() {
            match sig {
                Signal::Message(m) => {
                    self.mailbox.push_back(m);
                    got = true;
                }
            }
        }
        got
    }

    /// Sets up the first frame: calls function `fun` of `module` with `args`
    /// followed by a closure's captured values `env`.
    pub fn start(&mut self, module: &'static Module, fun: u32, args: &[Term], env: &[Term]) {
        let nregs = module.functions[fun as usize].nregs as usize;
        self.regs.clear();
        self.regs.extend(args.iter().cloned());
        self.regs.extend(env.iter().cloned());
        self.regs
            .resize(nregs.max(args.len() + env.len()), Term::EmptyList);
        self.frames.push(Frame {
            module,
            fun,
            pc: 0,
            base: 0,
            ret: 0,
        });
    }
}
