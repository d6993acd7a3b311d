//! `lang-examples/*.exs`: one test per example, its output (stdout, and the
//! exit code when not 0) checked against an insta snapshot in
//! `tests/snapshots/`. Review changes with `cargo insta review`.

use libtest_mimic::{Arguments, Failed, Trial};
use std::time::Duration;
use vial_tests::{exs_programs, repo_root, run_vial};

fn main() {
    let dir = repo_root().join("lang-examples");
    let trials = exs_programs(&dir)
        .into_iter()
        .map(|stem| {
            let dir = dir.clone();
            Trial::test(stem.clone(), move || -> Result<(), Failed> {
                let run = run_vial(&dir, &[&format!("{stem}.exs")], "", Duration::from_secs(60));
                let mut shown = run.stdout.clone();
                if run.code != Some(0) {
                    shown.push_str(&format!("[exit code: {:?}]\n", run.code));
                }
                let mut settings = insta::Settings::clone_current();
                settings.set_snapshot_path(repo_root().join("tests/snapshots"));
                settings.set_prepend_module_to_snapshot(false);
                settings.set_input_file(dir.join(format!("{stem}.exs")));
                settings.bind(|| insta::assert_snapshot!(stem.as_str(), shown));
                Ok(())
            })
        })
        .collect();
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
