//! The VM: the process table, run queues, schedulers and timers.
//!
//! # Schedulers
//!
//! `run_main` starts one OS thread per scheduler. Each has a local run
//! queue (a `crossbeam-deque` FIFO [`Worker`]) that the others can steal
//! from, plus a one-process *next* slot that cannot be stolen: a process
//! spawned or woken while nothing else waits on the scheduler goes there,
//! and runs next with what is left of the waker's time slice (so a
//! request/reply pair bounces between two processes on one thread without
//! queue traffic, and the pair together still yields after
//! [`REDUCTION_BUDGET`] reductions). Processes run in the order they
//! became runnable, and only a spawn or a yield that leaves work queued
//! wakes a sleeping scheduler to steal (see [`Vm::make_runnable`]).
//! Processes made runnable outside a scheduler thread (the main process at
//! start) go to the global [`Injector`]. A scheduler takes work from, in
//! order: its next slot, its local queue, the injector, the other
//! schedulers' queues; it checks the injector first every 61st time so that
//! nothing waits there forever. That policy lives in [`Vm::pick`] alone (a
//! deterministic policy can replace it).
//!
//! A process runs until it spends its budget (yield: back of the local
//! queue), waits in `receive` (parked in its handle, where a sender finds
//! it), or exits. Before every time slice its pending signals are taken, so
//! an exit signal reaches even a process that never waits.
//!
//! A scheduler with nothing to do tries to steal once, spins briefly
//! watching the injector, then sleeps on a condition variable until work
//! is pushed to the injector, a process yields with others queued behind
//! it (load), or, for the one sleeper keeping the timers, the next timer
//! is due; a sleeper is woken only if there is one (one atomic load
//! otherwise), so an idle VM burns no CPU and a busy one makes no system
//! calls. Spawns and wake-ups wake no sleeper, an idle scheduler does not
//! watch the others' queues, and a run starts with all its work on the
//! first scheduler while the others sleep: short exchanges stay on one
//! thread, in one order, as on the BEAM.
//!
//! # Exits
//!
//! A finished process (see [`Vm::retire`]) is marked exited, loses its
//! registered name and its ETS tables (deleted or passed to their heirs),
//! leaves the process table, and only then sends exit signals to its links
//! and `:DOWN`s to its monitors, so a process that gets the notification
//! finds the name free, the tables gone and `Process.alive?/1` false.

mod ets_owner;
mod group_leader;
mod ops;
mod table;
pub(crate) mod timer;

use crate::bytecode::Class;
use crate::error::{format_exit, format_uncaught, Exception};
use crate::inspect::inspect;
use crate::interp::{self, Exit, Outcome};
use crate::process::{Drained, Process};
use crate::term::{Pid, Ref, Term};
use crate::Atom;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use parking_lot::{Condvar, Mutex, RwLock};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use table::{ProcTable, Registry};
use timer::{TimerAction, Timers};

pub use ops::InfoItem;

/// Reductions in one time slice (the BEAM uses 4000).
pub const REDUCTION_BUDGET: i32 = 4000;

/// A busy scheduler reads the clock for due timers once every this many
/// scheduling decisions (a clock read costs tens of nanoseconds on a
/// virtual machine, a few percent of a GenServer call). A time slice is
/// at most a few tens of microseconds, so a timer fires well within
/// Erlang's one-millisecond resolution; an idle scheduler that keeps the
/// timers sleeps until the next due time (see `IdleState::keeper_due`).
const TIMER_CHECK_EVERY: u32 = 4;

/// How many times an idle scheduler looks for work before sleeping (the
/// first rounds busy-wait a little, the later ones yield the CPU).
const SPIN_ROUNDS: u32 = 24;

/// Bytes of stack for a scheduler thread. Vial code never recurses on it,
/// but BIFs that walk a term (inspect, comparison, hashing) recurse into
/// nested lists and tuples: this lets them handle terms nested about a
/// hundred thousand levels deep. Only the pages used are ever backed by
/// memory.
const SCHEDULER_STACK: usize = 256 << 20;

/// The longest an idle scheduler sleeps without being woken.
const IDLE_NAP: Duration = Duration::from_secs(1);

/// How a process became runnable; decides where it is queued.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Why {
    /// Newly spawned.
    Spawned,
    /// A signal arrived while it waited in `receive`.
    Woken,
    /// Its time slice ended.
    Yielded,
    /// Its `receive ... after` timer fired.
    Timer,
}

/// A scheduler thread's own state.
struct Local {
    /// The VM this scheduler belongs to (its address).
    vm: usize,
    index: usize,
    queue: Worker<Box<Process>>,
    /// The process to run next, with the rest of the current time slice.
    next: Cell<Option<Box<Process>>>,
}

thread_local! {
    static LOCAL: RefCell<Option<Local>> = const { RefCell::new(None) };
}

#[derive(Default)]
struct IdleState {
    /// Schedulers waiting on the condition variable.
    sleeping: usize,
    /// Wake-ups sent and not yet consumed.
    notified: usize,
    /// When the sleeper that keeps the timers wakes (nanoseconds, as
    /// [`Timers::now`]; `u64::MAX` when no timer is set), if one sleeps.
    /// Only the sleeper that went to sleep with the earliest due timer
    /// waits for it; the others sleep until notified (or for
    /// [`IDLE_NAP`]). So a due timer wakes one scheduler rather than all
    /// of them: the woken process runs where the timer fired, and no
    /// other scheduler wakes up beside it to steal what it wakes in turn.
    keeper_due: Option<u64>,
}

/// The virtual machine shared by all scheduler threads.
pub struct Vm {
    table: ProcTable,
    registry: Registry,
    /// Active process aliases (`:erlang.alias/0`): reference → owner.
    aliases: RwLock<ahash::AHashMap<u64, Pid>>,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    injector: Injector<Box<Process>>,
    stealers: RwLock<Arc<[Stealer<Box<Process>>]>>,
    timers: Timers,
    idle: Mutex<IdleState>,
    /// `idle.sleeping`, readable without the lock.
    sleepers: AtomicUsize,
    wake: Condvar,
    halted: AtomicBool,
    main: Mutex<Option<(Pid, Option<Exit>)>>,
    /// The main process's pid (0 when none runs), read on every exit.
    main_pid: AtomicU64,
    /// The exit reason when the main process was killed by an exit signal.
    main_signal: Mutex<Option<Term>>,
    /// `System.argv/0`.
    pub argv: RwLock<Vec<String>>,
    /// The functions `System.at_exit/1` registered, oldest first: run with
    /// the exit status when the script ends, newest first.
    pub at_exit: Mutex<Vec<Term>>,
    /// Scheduler threads of the current run (`System.schedulers_online/0`).
    schedulers: AtomicUsize,
    /// ETS tables (`:ets`).
    ets: crate::ets::Store,
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Drop for Vm {
    /// Parked processes hold their own handle, which holds them: take them
    /// out so that everything is freed.
    fn drop(&mut self) {
        for h in self.table.drain_all() {
            let parked = h.lock().parked.take();
            drop(parked);
        }
    }
}

impl Vm {
    /// An empty VM: no process, no scheduler thread until
    /// [`Vm::run_main`].
    pub fn new() -> Vm {
        Vm {
            table: ProcTable::new(),
            registry: Registry::default(),
            aliases: RwLock::new(ahash::AHashMap::new()),
            next_pid: AtomicU64::new(100),
            next_ref: AtomicU64::new(1),
            injector: Injector::new(),
            stealers: RwLock::new(Arc::from(Vec::new())),
            timers: Timers::new(),
            idle: Mutex::new(IdleState::default()),
            sleepers: AtomicUsize::new(0),
            wake: Condvar::new(),
            halted: AtomicBool::new(false),
            main: Mutex::new(None),
            main_pid: AtomicU64::new(0),
            main_signal: Mutex::new(None),
            argv: RwLock::new(Vec::new()),
            at_exit: Mutex::new(Vec::new()),
            schedulers: AtomicUsize::new(1),
            ets: crate::ets::Store::new(),
        }
    }

    /// A fresh process with an unused pid (not yet registered or runnable).
    pub fn new_process(&self) -> Process {
        Process::new(Pid(self.next_pid.fetch_add(1, Ordering::Relaxed)))
    }

    /// A fresh reference (`make_ref/0`): unique for the life of the VM.
    pub fn make_ref(&self) -> Ref {
        Ref(self.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    /// Registers `p` in the process table and makes it runnable.
    pub fn spawn(&self, p: Process) -> Pid {
        let pid = p.pid;
        self.table.insert(p.handle.clone());
        self.make_runnable(Box::new(p), Why::Spawned);
        pid
    }

    /// How many scheduler threads run processes (`System.schedulers_online/0`).
    pub fn schedulers(&self) -> usize {
        self.schedulers.load(Ordering::Relaxed)
    }

    /// How many processes are alive (`:erlang.system_info(:process_count)`).
    pub fn process_count(&self) -> usize {
        self.table.pids().len()
    }

    /// Whether `pid` names a live process (`Process.alive?/1`).
    pub fn is_alive(&self, pid: Pid) -> bool {
        self.table.get(pid).is_some_and(|h| h.is_alive())
    }

    /// Queues a runnable process, in the order processes became runnable
    /// (the BEAM's run queues are FIFO, and programs can see the order in
    /// which woken processes print).
    ///
    /// On one of this VM's scheduler threads a spawned or woken process
    /// goes to the next slot when nothing else waits on this scheduler,
    /// else to the back of the local queue (after the one in the next
    /// slot); a process whose time slice ended goes to the back of the
    /// local queue. Elsewhere, to the injector. A spawn, and a yield that
    /// leaves work queued, wake a sleeping scheduler to steal; a process
    /// that wakes others keeps them on its own scheduler, so the short
    /// exchanges of small programs run in one order, as they do on the
    /// BEAM. (Waking no sleeper on spawns made fan_in a third slower: its
    /// producers started on one thread, spread only after a time slice,
    /// and then stole the consumer back and forth.)
    pub(crate) fn make_runnable(&self, p: Box<Process>, why: Why) {
        let me = self as *const Vm as usize;
        let (rest, stealable) = LOCAL.with(|l| {
            let l = l.borrow();
            match l.as_ref() {
                Some(local) if local.vm == me => match why {
                    Why::Woken | Why::Spawned | Why::Timer => {
                        // The next slot holds a process only while the
                        // queue is empty, so it is always the oldest.
                        if let Some(n) = local.next.take() {
                            local.queue.push(n);
                        }
                        if local.queue.is_empty() {
                            local.next.set(Some(p));
                        } else {
                            local.queue.push(p);
                        }
                        (None, false)
                    }
                    Why::Yielded => {
                        if let Some(n) = local.next.take() {
                            local.queue.push(n);
                        }
                        local.queue.push(p);
                        // A process that yields with nothing else queued
                        // runs again here at once: waking a sleeper would
                        // only let it steal the process and bounce it
                        // between threads.
                        (None, local.queue.len() > 1)
                    }
                },
                _ => (Some(p), true),
            }
        });
        if let Some(p) = rest {
            self.injector.push(p);
        }
        if stealable {
            self.notify();
        }
    }

    /// Wakes one sleeping scheduler, if any sleeps and none is already
    /// being woken.
    fn notify(&self) {
        fence(Ordering::SeqCst);
        if self.sleepers.load(Ordering::Relaxed) == 0 {
            return;
        }
        let mut st = self.idle.lock();
        if st.sleeping > st.notified {
            st.notified += 1;
            self.wake.notify_one();
        }
    }

    /// Runs `main` and every process it spawns on `schedulers` threads until
    /// `main` exits; returns how it exited. Other processes stay where they
    /// are (the REPL runs them again with its next evaluation).
    pub fn run_main(&self, main: Process, schedulers: usize) -> Exit {
        self.halted.store(false, Ordering::SeqCst);
        *self.main.lock() = Some((main.pid, None));
        self.main_pid.store(main.pid.0, Ordering::SeqCst);
        *self.main_signal.lock() = None;
        let n = schedulers.max(1);
        self.schedulers.store(n, Ordering::Relaxed);
        let workers: Vec<Worker<Box<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
        *self.stealers.write() = workers.iter().map(|w| w.stealer()).collect();
        self.start_group_leader();
        self.spawn(main);
        // Everything runnable starts on the first scheduler; the others
        // sleep until it asks for help (see `scheduler_loop`), so a
        // program's first exchanges run in one order, as on the BEAM.
        while let Steal::Success(p) = self.injector.steal() {
            workers[0].push(p);
        }
        std::thread::scope(|s| {
            for (i, w) in workers.into_iter().enumerate() {
                std::thread::Builder::new()
                    .name(format!("scheduler-{i}"))
                    .stack_size(SCHEDULER_STACK)
                    .spawn_scoped(s, move || {
                        let run = std::panic::AssertUnwindSafe(|| self.scheduler_loop(i, w));
                        if std::panic::catch_unwind(run).is_err() {
                            self.halt_on_panic();
                        }
                    })
                    .expect("spawn scheduler thread");
            }
        });
        *self.stealers.write() = Arc::from(Vec::new());
        self.main
            .lock()
            .take()
            .and_then(|(_, e)| e)
            .unwrap_or(Exit::Normal(Term::NIL))
    }

    /// A scheduler thread panicked (a VM bug; the panic message is already
    /// on stderr): the process it was running is lost, so the run ends as
    /// if the main process had raised, instead of waiting for it forever.
    fn halt_on_panic(&self) {
        if let Some((_, slot)) = self.main.lock().as_mut() {
            let e = Exception::error(crate::error::exception_struct(
                "RuntimeError",
                [("message", Term::string("internal error in the Vial VM"))],
            ));
            slot.get_or_insert(Exit::Raised(e));
        }
        self.halted.store(true, Ordering::Release);
        let _guard = self.idle.lock();
        self.wake.notify_all();
    }

    fn scheduler_loop(&self, index: usize, queue: Worker<Box<Process>>) {
        LOCAL.with(|l| {
            *l.borrow_mut() = Some(Local {
                vm: self as *const Vm as usize,
                index,
                queue,
                next: Cell::new(None),
            })
        });
        let stealers = self.stealers.read().clone();
        let mut left = 0;
        let mut tick: u32 = 0;
        // The last pick found nothing to run: timers are checked at once.
        let mut idle = false;
        if index > 0 {
            // The first scheduler starts with all the work (see
            // `run_main`).
            self.sleep();
        }
        while !self.halted.load(Ordering::Acquire) {
            tick = tick.wrapping_add(1);
            if idle || tick.is_multiple_of(TIMER_CHECK_EVERY) {
                self.fire_timers();
            }
            let picked = LOCAL.with(|l| {
                let l = l.borrow();
                self.pick(l.as_ref().expect("scheduler state"), &stealers, left, tick)
            });
            match picked {
                Some((p, budget)) => {
                    idle = false;
                    left = self.run_slice(p, budget);
                }
                None => {
                    idle = true;
                    left = 0;
                    if !self.spin() {
                        self.sleep();
                    }
                }
            }
        }
        // Leave unfinished work where the next run (the REPL's next
        // evaluation) finds it.
        let local = LOCAL
            .with(|l| l.borrow_mut().take())
            .expect("scheduler state");
        if let Some(p) = local.next.take() {
            self.injector.push(p);
        }
        while let Some(p) = local.queue.pop() {
            self.injector.push(p);
        }
    }

    /// The scheduling policy: which process this scheduler runs next, and
    /// with how many reductions. `left` is what the previous process left
    /// of its time slice; `tick` counts scheduling decisions.
    fn pick(
        &self,
        local: &Local,
        stealers: &[Stealer<Box<Process>>],
        left: i32,
        tick: u32,
    ) -> Option<(Box<Process>, i32)> {
        if let Some(p) = local.next.take() {
            if left > 0 {
                return Some((p, left));
            }
            local.queue.push(p);
        }
        if tick.is_multiple_of(61) {
            if let Some(p) = self.take_injected(local) {
                return Some((p, REDUCTION_BUDGET));
            }
        }
        if let Some(p) = local.queue.pop() {
            return Some((p, REDUCTION_BUDGET));
        }
        if let Some(p) = self.take_injected(local) {
            return Some((p, REDUCTION_BUDGET));
        }
        let n = stealers.len();
        for k in 1..n {
            let victim = &stealers[(local.index + k) % n];
            loop {
                match victim.steal_batch_and_pop(&local.queue) {
                    Steal::Success(p) => return Some((p, REDUCTION_BUDGET)),
                    Steal::Empty => break,
                    Steal::Retry => continue,
                }
            }
        }
        None
    }

    fn take_injected(&self, local: &Local) -> Option<Box<Process>> {
        loop {
            match self.injector.steal_batch_and_pop(&local.queue) {
                Steal::Success(p) => return Some(p),
                Steal::Empty => return None,
                Steal::Retry => continue,
            }
        }
    }

    /// Runs one time slice of `p`; returns the reductions it left unused.
    fn run_slice(&self, mut p: Box<Process>, budget: i32) -> i32 {
        if let Some(e) = p.start_error.take() {
            self.retire(p, Exit::Raised(*e));
            return budget;
        }
        p.reductions = budget;
        if p.drain() == Drained::Died {
            let exit = crate::process::died(&p);
            self.retire(p, exit);
            return budget;
        }
        let outcome = interp::run(self, &mut p);
        let left = p.reductions.max(0);
        match outcome {
            Outcome::Yield => {
                p.handle.set_queue_hint(p.mailbox.len());
                self.make_runnable(p, Why::Yielded);
            }
            Outcome::Wait => self.park(p),
            Outcome::Exit(e) => self.retire(p, e),
        }
        left
    }

    /// Waits briefly for work before going to sleep (a system call on both
    /// sides), as work often follows soon: returns whether work appeared.
    /// Bounded to a few dozen microseconds, so an idle VM still sleeps.
    ///
    /// Only the injector and the timers count as work here, not the other
    /// schedulers' queues: an idle scheduler steals when it runs out of
    /// work (in [`Vm::pick`]) and when a busy one wakes it for load, but
    /// not while it waits. Otherwise it would take the processes that a
    /// short exchange spawns or wakes (a printer and the group leader) and
    /// run them beside their partners, making the order of their output a
    /// race; on the BEAM an idle scheduler waits without stealing too.
    /// Due timers are left to [`Vm::sleep`]'s keeper.
    fn spin(&self) -> bool {
        for round in 0..SPIN_ROUNDS {
            if !self.injector.is_empty() || self.halted.load(Ordering::Relaxed) {
                return true;
            }
            if round < 6 {
                for _ in 0..(1 << round) {
                    std::hint::spin_loop();
                }
            } else {
                std::thread::yield_now();
            }
        }
        false
    }

    /// Sleeps until work is pushed to the injector or a busy scheduler
    /// asks for help, the next timer is due (for the one sleeper that
    /// keeps the timers, see [`IdleState::keeper_due`]), or the VM
    /// halts.
    fn sleep(&self) {
        let mut st = self.idle.lock();
        st.sleeping += 1;
        self.sleepers.store(st.sleeping, Ordering::SeqCst);
        fence(Ordering::SeqCst);
        let next = self.timers.next_due().unwrap_or(u64::MAX);
        let keeper = st.keeper_due.is_none_or(|k| next < k);
        if keeper {
            st.keeper_due = Some(next);
        }
        let now = self.timers.now();
        let ready = self.halted.load(Ordering::Acquire)
            || !self.injector.is_empty()
            || (keeper && next <= now);
        if !ready {
            let wait = match keeper && next < u64::MAX {
                true => Duration::from_nanos(next - now).min(IDLE_NAP),
                false => IDLE_NAP,
            };
            self.wake.wait_for(&mut st, wait);
            st.notified = st.notified.saturating_sub(1);
        }
        if keeper && st.keeper_due == Some(next) {
            st.keeper_due = None;
        }
        st.sleeping -= 1;
        self.sleepers.store(st.sleeping, Ordering::SeqCst);
    }

    /// Parks a process that waits in `receive`, unless a signal arrived
    /// meanwhile; registers its receive timer.
    fn park(&self, p: Box<Process>) {
        // SAFETY: the handle lives as long as the process that points to
        // it, and the process cannot be dropped before the lock taken here
        // is released: until then it is either in our hands or parked
        // behind that lock. (Saves two atomic operations per wait.)
        let handle: &crate::process::ProcessHandle = unsafe { &*Arc::as_ptr(&p.handle) };
        let mut inbox = handle.lock();
        if !inbox.signals.is_empty() {
            drop(inbox);
            self.make_runnable(p, Why::Woken);
            return;
        }
        if let Some(deadline) = p.deadline {
            // A deadline that passed during the time slice is not checked
            // here (a clock read): its timer is due at once and fires at
            // the next check. An armed timer due no later than the deadline
            // serves as it is (it re-arms when it fires early).
            let due = self.timers.nanos(deadline).max(1);
            let armed = inbox.receive_timer;
            if armed == 0 || armed > due {
                if armed != 0 {
                    self.timers.cancel(timer::receive_timer_seq(p.pid));
                }
                self.arm_receive_timer(p.pid, due);
                inbox.receive_timer = due;
            }
        }
        handle.set_queue_hint(p.mailbox.len());
        inbox.parked = Some(p);
    }

    /// Adds the receive timer of `pid`, due at `due` (the caller records
    /// it in the inbox).
    fn arm_receive_timer(&self, pid: Pid, due: u64) {
        let seq = timer::receive_timer_seq(pid);
        self.timers.add(due, seq, TimerAction::Wake(pid));
    }

    /// Fires every due timer.
    fn fire_timers(&self) {
        let Some(due) = self.timers.next_due() else {
            return;
        };
        let now = self.timers.now();
        if now < due {
            return;
        }
        for fired in self.timers.take_due(now) {
            match fired.action {
                TimerAction::Wake(pid) => {
                    let Some(h) = self.table.get(pid) else {
                        continue;
                    };
                    let woken = {
                        let mut inbox = h.lock();
                        // A timer re-armed or cancelled since it was
                        // taken out here no longer matches.
                        if inbox.receive_timer != fired.due {
                            None
                        } else {
                            inbox.receive_timer = 0;
                            // The wait in progress, if any, may be a later
                            // one than the timer was armed for.
                            match inbox.parked.as_ref().and_then(|p| p.deadline) {
                                Some(d) if self.timers.nanos(d) <= now => inbox.parked.take(),
                                Some(d) => {
                                    let due = self.timers.nanos(d).max(1);
                                    self.arm_receive_timer(pid, due);
                                    inbox.receive_timer = due;
                                    None
                                }
                                None => None,
                            }
                        }
                    };
                    if let Some(mut p) = woken {
                        p.timed_out = true;
                        self.make_runnable(p, Why::Timer);
                    }
                }
                TimerAction::Send { dest, msg } => {
                    let pid = match dest {
                        Term::Pid(pid) => Some(pid),
                        Term::Atom(name) => self.whereis(name),
                        _ => None,
                    };
                    if let Some(pid) = pid {
                        self.send(pid, msg);
                    }
                }
            }
        }
    }

    /// Ends a finished process: frees its name, deletes (or hands to their
    /// heirs) its ETS tables, removes it from the table, then notifies its
    /// links and monitors. Ends the run when it was the main process.
    pub(crate) fn retire(&self, mut p: Box<Process>, exit: Exit) {
        let (reason, report) = exit_reason(&mut p, &exit);
        let is_main = self.main_pid.load(Ordering::Acquire) == p.pid.0;
        if let (Some(e), false) = (&report, is_main) {
            report_crash(p.pid, e);
        }
        let relations = {
            let mut inbox = p.handle.lock();
            inbox.exited = true;
            inbox.signals.clear();
            if std::mem::take(&mut inbox.receive_timer) != 0 {
                self.timers.cancel(timer::receive_timer_seq(p.pid));
            }
            inbox.relations.take()
        };
        if let Some(rel) = &relations {
            if let Some(name) = rel.name {
                let mut names = self.registry.names.write();
                if names.get(&name) == Some(&p.pid) {
                    names.remove(&name);
                }
            }
            if !rel.aliases.is_empty() {
                let mut aliases = self.aliases.write();
                for a in &rel.aliases {
                    aliases.remove(&a.0);
                }
            }
            if !rel.tables.is_empty() {
                self.ets_owner_exited(p.pid, &rel.tables);
            }
        }
        self.table.remove(p.pid);
        if let Some(rel) = relations {
            self.notify_exit(p.pid, &reason, *rel);
        }
        if is_main {
            if report.is_none() && p.exit_reason.is_some() {
                *self.main_signal.lock() = Some(reason);
            }
            if let Some((_, slot)) = self.main.lock().as_mut() {
                *slot = Some(exit);
            }
            self.halted.store(true, Ordering::Release);
            let _guard = self.idle.lock();
            self.wake.notify_all();
        }
    }

    /// What `elixir` prints on stderr, and its exit status, when the
    /// script's main process ended with `exit` (as returned by
    /// [`Vm::run_main`] on this VM):
    ///
    /// - a normal return, `exit(:normal)`, `exit(:shutdown)`: nothing, 0;
    /// - `exit({:shutdown, n})`: nothing, status `n` for an integer `n`,
    ///   else 0;
    /// - killed by an exit signal (a linked process died, `Process.exit/2`):
    ///   `** (EXIT from #PID<...>) reason`, 1;
    /// - any other uncaught raise, throw or exit: Elixir's error report, 1.
    pub fn main_exit_report(&self, main: Pid, exit: &Exit) -> (String, u8) {
        let e = match exit {
            Exit::Normal(_) => {
                return (
                    String::new(),
                    crate::bif::system::stop_status().unwrap_or(0),
                )
            }
            Exit::Raised(e) => e,
        };
        if let Some(reason) = self.main_signal.lock().clone() {
            return (
                format!(
                    "** (EXIT from {}) {}\n",
                    inspect(&Term::Pid(main)),
                    format_exit(&reason)
                ),
                1,
            );
        }
        if e.class == Class::Exit {
            match &e.reason {
                Term::Atom(Atom::NORMAL) => return (String::new(), 0),
                r if *r == Term::atom("shutdown") => return (String::new(), 0),
                Term::Tuple(t) if t.0.len() == 2 && t.0[0] == Term::atom("shutdown") => {
                    // `System.halt(n)`: the operating system keeps the
                    // status's low byte; a negative one is halt's badarg.
                    let status = match t.0[1] {
                        Term::Int(n) if n >= 0 => (n & 0xFF) as u8,
                        Term::Int(_) => 1,
                        _ => 0,
                    };
                    return (String::new(), status);
                }
                _ => {}
            }
        }
        (format_uncaught(e), 1)
    }
}

/// The exit reason of a finished process, and the exception to report on
/// stderr if it crashed:
///
/// - returned normally: `:normal`;
/// - `exit(reason)`: `reason`;
/// - an uncaught error: `{exception, stacktrace}` (reported);
/// - an uncaught `throw(v)`: `{{:nocatch, v}, stacktrace}` (reported);
/// - killed by an exit signal: the signal's reason (`:killed` for `:kill`).
fn exit_reason(p: &mut Process, exit: &Exit) -> (Term, Option<Exception>) {
    if let Some(r) = p.exit_reason.clone() {
        return (r, None);
    }
    match exit {
        Exit::Normal(_) => (Term::Atom(Atom::NORMAL), None),
        Exit::Raised(e) => {
            let trace = interp::trace_to_term(&e.trace);
            match e.class {
                Class::Exit => (e.reason.clone(), None),
                Class::Error => (Term::tuple([e.erlang_reason(), trace]), Some(e.clone())),
                Class::Throw => {
                    let nocatch = Term::tuple([Term::atom("nocatch"), e.reason.clone()]);
                    let mut shown = Exception::error(nocatch.clone());
                    shown.trace = e.trace.clone();
                    (Term::tuple([nocatch, trace]), Some(shown))
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
        inspect(&Term::Pid(pid)),
        format_uncaught(e)
    );
}
