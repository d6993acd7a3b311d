//! Timers: one ordered structure for every deadline in the VM.
//!
//! Two kinds of timer live here: the deadline of a `receive ... after`
//! (which wakes a parked process; `Process.sleep/1` is such a receive), and
//! `Process.send_after/3,4` (which sends a message when due). Schedulers
//! consult [`Timers::next_due`] (one atomic load) before each scheduling
//! decision and sleep no longer than until the next deadline, so a sleeping
//! process costs no CPU and an idle VM does not spin.
//!
//! Times are kept as nanoseconds since the VM's epoch (`u64`), which orders
//! and compares cheaply and fits an atomic.

use crate::term::{Pid, Term};
use ahash::AHashMap;
use parking_lot::Mutex;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// What a timer does when it is due.
#[derive(Debug)]
pub(crate) enum TimerAction {
    /// Ends the `receive ... after` wait of process `pid`, or re-arms for
    /// a later deadline (see `process::Inbox::receive_timer`). Its sequence
    /// number is [`receive_timer_seq`] of the pid: a process has at most
    /// one receive timer pending.
    Wake(Pid),
    /// `Process.send_after/3`: sends `msg` to `dest` (a pid, or a name
    /// resolved when the timer fires).
    Send { dest: Term, msg: Term },
}

/// The sequence number of `pid`'s receive timer: apart from the
/// reference numbers that number `send_after` timers (which never reach
/// 2^63).
pub(crate) fn receive_timer_seq(pid: Pid) -> u64 {
    pid.0 | 1 << 63
}

/// A due timer taken out of the structure.
pub(crate) struct Fired {
    pub due: u64,
    pub action: TimerAction,
}

#[derive(Default)]
struct Inner {
    /// Pending timers by (due time, sequence number).
    queue: BTreeMap<(u64, u64), TimerAction>,
    /// Due time of each pending timer, by sequence number (the reference
    /// number for `send_after` timers), for cancellation.
    due_of: AHashMap<u64, u64>,
}

/// Every pending timer of a VM.
pub(crate) struct Timers {
    inner: Mutex<Inner>,
    /// Due time of the earliest timer, `u64::MAX` when there is none.
    next: AtomicU64,
    epoch: Instant,
}

impl Timers {
    pub fn new() -> Timers {
        Timers {
            inner: Mutex::new(Inner::default()),
            next: AtomicU64::new(u64::MAX),
            epoch: Instant::now(),
        }
    }

    /// `at` as nanoseconds since the epoch (saturating at both ends).
    pub fn nanos(&self, at: Instant) -> u64 {
        at.saturating_duration_since(self.epoch)
            .as_nanos()
            .min(u64::MAX as u128 - 1) as u64
    }

    /// Now, in nanoseconds since the epoch.
    pub fn now(&self) -> u64 {
        self.nanos(Instant::now())
    }

    /// When the earliest timer is due (nanoseconds since the epoch), if any.
    pub fn next_due(&self) -> Option<u64> {
        match self.next.load(Ordering::Acquire) {
            u64::MAX => None,
            n => Some(n),
        }
    }

    /// Adds a timer numbered `seq` (unique) due at `due`.
    pub fn add(&self, due: u64, seq: u64, action: TimerAction) {
        let mut inner = self.inner.lock();
        inner.queue.insert((due, seq), action);
        inner.due_of.insert(seq, due);
        self.publish(&inner);
    }

    /// Removes timer `seq`; returns its due time and action if it was still
    /// pending.
    pub fn cancel(&self, seq: u64) -> Option<(u64, TimerAction)> {
        let mut inner = self.inner.lock();
        let due = inner.due_of.remove(&seq)?;
        let action = inner.queue.remove(&(due, seq));
        self.publish(&inner);
        action.map(|a| (due, a))
    }

    /// The due time of timer `seq`, if it is pending.
    pub fn due(&self, seq: u64) -> Option<u64> {
        self.inner.lock().due_of.get(&seq).copied()
    }

    /// Takes every timer due at or before `now`, earliest first.
    pub fn take_due(&self, now: u64) -> Vec<Fired> {
        let mut fired = Vec::new();
        if self.next.load(Ordering::Acquire) > now {
            return fired;
        }
        let mut inner = self.inner.lock();
        while let Some(entry) = inner.queue.first_entry() {
            let (due, seq) = *entry.key();
            if due > now {
                break;
            }
            let action = entry.remove();
            inner.due_of.remove(&seq);
            fired.push(Fired { due, action });
        }
        self.publish(&inner);
        fired
    }

    fn publish(&self, inner: &Inner) {
        let next = inner
            .queue
            .first_key_value()
            .map_or(u64::MAX, |(&(due, _), _)| due);
        self.next.store(next, Ordering::Release);
    }

    /// Number of pending timers.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.inner.lock().queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_fire_in_due_order_and_cancel() {
        let t = Timers::new();
        assert_eq!(t.next_due(), None);
        t.add(30, 1, TimerAction::Wake(Pid(1)));
        t.add(10, 2, TimerAction::Wake(Pid(2)));
        t.add(20, 3, TimerAction::Wake(Pid(3)));
        assert_eq!(t.next_due(), Some(10));
        assert!(t.cancel(3).is_some());
        assert!(t.cancel(3).is_none());
        assert_eq!(t.due(1), Some(30));
        let fired: Vec<u64> = t.take_due(25).iter().map(|f| f.due).collect();
        assert_eq!(fired, vec![10]);
        assert_eq!(t.next_due(), Some(30));
        assert_eq!(t.take_due(100).len(), 1);
        assert_eq!(t.len(), 0);
        assert_eq!(t.next_due(), None);
    }
}
