//! OTP library scenarios: one test per program in `tests/otp/`. Each
//! `NAME.exs` must print exactly `NAME.out` on stdout and exit with status 0,
//! with one scheduler and with two. `NAME.out` is what Elixir 1.14 / OTP 25
//! printed for the program; the programs never make Elixir's Logger print
//! (no crash reports), or say in their header that their output was
//! recorded with the Logger off, print no pids or refs, and wait for
//! events with monitors, polling or wide margins rather than by measuring
//! time.
//!
//! They cover GenServer (timeout and `:hibernate` returns, deferred replies,
//! names, `terminate/2` on exit signals), Supervisor (restart strategies,
//! shutdown order and timeouts, restart types, escalation, child specs),
//! DynamicSupervisor, Agent, Task, Registry and `:ets`, and `tree_kills`:
//! 1,000 kills in a three-level supervision tree that must end whole and,
//! once stopped, leak no process.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use std::time::Duration;
use vial_tests::{exs_programs, repo_root, run_vial};

const LIMIT: Duration = Duration::from_secs(120);

fn main() {
    let dir = repo_root().join("tests").join("otp");
    let trials = exs_programs(&dir)
        .into_iter()
        .map(|name| {
            let dir = dir.clone();
            Trial::test(name.clone(), move || check(&dir, &name))
        })
        .collect();
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// Runs `NAME.exs` with 1 and 2 schedulers; stdout must be `NAME.out` and
/// the exit code 0.
fn check(dir: &Path, name: &str) -> Result<(), Failed> {
    let want = std::fs::read_to_string(dir.join(format!("{name}.out")))
        .map_err(|e| format!("{name}.out: {e}"))?;
    let file = format!("{name}.exs");
    for schedulers in ["1", "2"] {
        let got = run_vial(dir, &["--schedulers", schedulers, &file], "", LIMIT);
        if got.timed_out || got.stdout != want || got.code != Some(0) {
            return Err(format!(
                "{name} with {schedulers} scheduler(s): exit code {:?}{}\n--- want stdout\n{want}--- got stdout\n{}--- stderr\n{}",
                got.code,
                if got.timed_out { " (timed out)" } else { "" },
                got.stdout,
                got.stderr
            )
            .into());
        }
    }
    Ok(())
}
