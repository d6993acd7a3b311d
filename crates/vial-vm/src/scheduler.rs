//! The VM: the process table, run queues, schedulers and timers.
//!
//! Runnable processes sit boxed in the run queue (a `crossbeam-deque`
//! injector that every scheduler takes from). A scheduler thread takes one,
//! runs it for a time slice of [`REDUCTION_BUDGET`] reductions and then puts
//! it back (yield), parks it in its handle (waiting in `receive`), or retires
//! it (exit). Idle schedulers sleep on a condition variable until work
//! arrives or the next timer is due, so an idle VM burns no CPU.

use crate::error::{format_uncaught, Exception};
use crate::interp::{self, Exit, Outcome};
use crate::process::{Process, ProcessHandle, Signal};
use crate::term::{Pid, Ref, Term};
use ahash::AHashMap;
use crossbeam_deque::{Injector, Steal};
use parking_lot::{Condvar, Mutex, RwLock};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Reductions in one time slice (the BEAM uses 4000).
pub const REDUCTION_BUDGET: i32 = 4000;

/// A receive timeout: wakes `pid` if it is still in the wait `token`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Timer {
    at: Instant,
    pid: Pid,
    token: u64,
}

/// The virtual machine shared by all scheduler threads.
pub struct Vm {
    procs: RwLock<AHashMap<Pid, Arc<ProcessHandle>>>,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    run_queue: Injector<Box<Process>>,
    timers: Mutex<BinaryHeap<Reverse<Timer>>>,
    idle: Mutex<()>,
    wake: Condvar,
    halted: AtomicBool,
    main: Mutex<Option<(Pid, Option<Exit>)>>,
    /// `System.argv/0`.
    pub argv: RwLock<Vec<String>>,
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        Vm {
            procs: RwLock::new(AHashMap::new()),
            next_pid: AtomicU64::new(100),
            next_ref: AtomicU64::new(1),
            run_queue: Injector::new(),
            timers: Mutex::new(BinaryHeap::new()),
            idle: Mutex::new(()),
            wake: Condvar::new(),
            halted: AtomicBool::new(false),
            main: Mutex::new(None),
            argv: RwLock::new(Vec::new()),
        }
    }

    /// A fresh process with an unused pid (not yet registered or runnable).
    pub fn new_process(&self) -> Process {
        Process::new(Pid(self.next_pid.fetch_add(1, Ordering::Relaxed)))
    }

    /// A fresh reference (`make_ref/0`).
    pub fn make_ref(&self) -> Ref {
        Ref(self.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    /// Registers `p` in the process table and makes it runnable.
    pub fn spawn(&self, p: Process) -> Pid {
        let pid = p.pid;
        self.procs.write().insert(pid, p.handle.clone());
        self.enqueue(Box::new(p));
        pid
    }

    /// Whether `pid` names a live process (`Process.alive?/1`).
    pub fn is_alive(&self, pid: Pid) -> bool {
        self.procs.read().contains_key(&pid)
    }

    /// Delivers `msg` to `pid`; a message to a dead process is dropped.
    pub fn send(&self, pid: Pid, msg: Term) {
        let Some(handle) = self.procs.read().get(&pid).cloned() else {
            return;
        };
        let woken = {
            let mut inbox = handle.inbox.lock();
            if inbox.exited {
                return;
            }
            inbox.signals.push_back(Signal::Message(msg));
            inbox.parked.take()
        };
        if let Some(p) = woken {
            self.enqueue(p);
        }
    }

    fn enqueue(&self, p: Box<Process>) {
        self.run_queue.push(p);
        let _guard = self.idle.lock();
        self.wake.notify_one();
    }

    /// Runs `main` and every process it spawns on `schedulers` threads until
    /// `main` exits; returns how it exited. Other processes stay where they
    /// are (the REPL runs them again with its next evaluation).
    pub fn run_main(&self, main: Process, schedulers: usize) -> Exit {
        self.halted.store(false, Ordering::SeqCst);
        *self.main.lock() = Some((main.pid, None));
        self.spawn(main);
        std::thread::scope(|s| {
            for i in 0..schedulers.max(1) {
                std::thread::Builder::new()
                    .name(format!("scheduler-{i}"))
                    .spawn_scoped(s, || self.scheduler_loop())
                    .expect("spawn scheduler thread");
            }
        });
        self.main
            .lock()
            .take()
            .and_then(|(_, e)| e)
            .unwrap_or(Exit::Normal(Term::NIL))
    }

    fn scheduler_loop(&self) {
        while !self.halted.load(Ordering::Acquire) {
            self.fire_timers();
            match self.take_runnable() {
                Some(mut p) => {
                    p.reductions = REDUCTION_BUDGET;
                    match interp::run(self, &mut p) {
                        Outcome::Yield => self.run_queue.push(p),
                        Outcome::Wait => self.park(p),
                        Outcome::Exit(e) => self.retire(&p, e),
                    }
                }
                None => self.sleep(),
            }
        }
    }

    fn take_runnable(&self) -> Option<Box<Process>> {
        loop {
            match self.run_queue.steal() {
                Steal::Success(p) => return Some(p),
                Steal::Empty => return None,
                Steal::Retry => continue,
            }
        }
    }

    /// Sleeps until work is enqueued, the next timer is due, or the VM halts.
    fn sleep(&self) {
        let mut guard = self.idle.lock();
        if !self.run_queue.is_empty() || self.halted.load(Ordering::Acquire) {
            return;
        }
        let next = self.timers.lock().peek().map(|Reverse(t)| t.at);
        match next {
            Some(at) => {
                let now = Instant::now();
                if at > now {
                    self.wake.wait_for(&mut guard, at - now);
                }
            }
            None => {
                self.wake.wait_for(&mut guard, Duration::from_millis(500));
            }
        }
    }

    /// Parks a process that waits in `receive`, unless a signal arrived
    /// meanwhile.
    fn park(&self, p: Box<Process>) {
        let handle = p.handle.clone();
        let mut inbox = handle.inbox.lock();
        if !inbox.signals.is_empty() {
            drop(inbox);
            self.run_queue.push(p);
            return;
        }
        inbox.wait_token += 1;
        if let Some(at) = p.deadline {
            self.timers.lock().push(Reverse(Timer {
                at,
                pid: p.pid,
                token: inbox.wait_token,
            }));
        }
        inbox.parked = Some(p);
    }

    fn fire_timers(&self) {
        let now = Instant::now();
        loop {
            let timer = {
                let mut timers = self.timers.lock();
                match timers.peek() {
                    Some(Reverse(t)) if t.at <= now => timers.pop().map(|Reverse(t)| t),
                    _ => None,
                }
            };
            let Some(t) = timer else { return };
            let Some(handle) = self.procs.read().get(&t.pid).cloned() else {
                continue;
            };
            let woken = {
                let mut inbox = handle.inbox.lock();
                if inbox.wait_token == t.token {
                    inbox.parked.take()
                } else {
                    None
                }
            };
            if let Some(mut p) = woken {
                p.timed_out = true;
                self.run_queue.push(p);
            }
        }
    }

    /// Removes a finished process; ends the run when it was the main one.
    fn retire(&self, p: &Process, exit: Exit) {
        {
            let mut inbox = p.handle.inbox.lock();
            inbox.exited = true;
            inbox.signals.clear();
        }
        self.procs.write().remove(&p.pid);
        let mut main = self.main.lock();
        match main.as_mut() {
            Some((pid, slot)) if *pid == p.pid => {
                *slot = Some(exit);
                self.halted.store(true, Ordering::Release);
                drop(main);
                let _guard = self.idle.lock();
                self.wake.notify_all();
            }
            _ => {
                if let Exit::Raised(e) = &exit {
                    report_crash(p.pid, e);
                }
            }
        }
    }
}

/// Elixir's report for a process that died from an uncaught exception,
/// printed on stderr (Elixir's Logger prints it on stdout; see DESIGN §5).
fn report_crash(pid: Pid, e: &Exception) {
    eprint!(
        "[error] Process {} raised an exception\n{}",
        crate::inspect::inspect(&Term::Pid(pid)),
        format_uncaught(e)
    );
}
