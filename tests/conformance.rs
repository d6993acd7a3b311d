//! The conformance corpus: one test per program in `tests/conformance/`,
//! comparing stdout and exit code with what Elixir 1.14 printed
//! (`NAME.out`, `NAME.exit`).
//!
//! `tests/conformance/expected-failures.txt` lists the programs that do not
//! pass yet. A listed program must still fail (so the list only shrinks):
//! if it passes, its test fails and asks for its removal.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use std::time::Duration;
use vial_tests::{exs_programs, repo_root, run_vial};

fn main() {
    let root = repo_root().join("tests/conformance");
    let expected = std::fs::read_to_string(root.join("expected-failures.txt")).unwrap_or_default();
    let expected: Vec<String> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let mut trials = Vec::new();
    for family in ["core", "otp"] {
        let dir = root.join(family);
        for stem in exs_programs(&dir) {
            let name = format!("{family}/{stem}");
            let listed = expected.contains(&name);
            let dir = dir.clone();
            trials.push(Trial::test(name.clone(), move || {
                check(&dir, &stem, listed)
            }));
        }
    }
    for name in &expected {
        if !root.join(format!("{name}.exs")).exists() {
            let name = name.clone();
            trials.push(Trial::test(
                format!("expected-failures/{name}"),
                move || {
                    Err(format!("expected-failures.txt lists {name}, which does not exist").into())
                },
            ));
        }
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

fn check(dir: &Path, stem: &str, listed: bool) -> Result<(), Failed> {
    let want_out = std::fs::read_to_string(dir.join(format!("{stem}.out"))).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(dir.join(format!("{stem}.exit")))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let run = run_vial(dir, &[&format!("{stem}.exs")], "", Duration::from_secs(30));
    let passed = !run.timed_out && run.stdout == want_out && run.code == Some(want_code);
    match (passed, listed) {
        (true, false) | (false, true) => Ok(()),
        (true, true) => Err(format!(
            "{stem} passes now: remove it from tests/conformance/expected-failures.txt"
        )
        .into()),
        (false, false) => Err(format!(
            "exit code: want {want_code}, got {:?}{}\n--- want stdout\n{want_out}--- got stdout\n{}--- stderr\n{}",
            run.code,
            if run.timed_out { " (timed out)" } else { "" },
            run.stdout,
            run.stderr
        )
        .into()),
    }
}
