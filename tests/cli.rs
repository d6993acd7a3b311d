//! The `vial` command line as a newcomer uses it: scripts with arguments,
//! `-e`, the REPL on piped input, and syntax errors.

use std::path::Path;
use std::time::Duration;
use vial_tests::{repo_root, run_vial};

const LIMIT: Duration = Duration::from_secs(30);

fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vial-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
    dir
}

#[test]
fn eval_flag_prints_and_exits_zero() {
    let run = run_vial(&repo_root(), &["-e", "IO.puts(1 + 2 * 3)"], "", LIMIT);
    assert_eq!(run.stdout, "7\n");
    assert_eq!(run.code, Some(0));
}

#[test]
fn system_halt_exits_at_once_with_its_status() {
    let dir = scratch(
        "halt.exs",
        "IO.puts(\"before\")\nspawn(fn -> IO.puts(\"other\") end)\nSystem.halt(3)\nIO.puts(\"after\")\n",
    );
    let run = run_vial(&dir, &["halt.exs"], "", LIMIT);
    assert_eq!(run.code, Some(3));
    assert!(run.stdout.starts_with("before\n"), "{}", run.stdout);
    assert!(!run.stdout.contains("after"), "{}", run.stdout);
}

/// The operating system keeps the low byte of `System.halt`'s status, as
/// with `elixir` (`System.halt(256)` exits with 0).
#[test]
fn system_halt_status_keeps_its_low_byte() {
    let dir = scratch("halt256.exs", "IO.puts(\"pre\")\nSystem.halt(258)\n");
    let run = run_vial(&dir, &["halt256.exs"], "", LIMIT);
    assert_eq!((run.code, run.stdout.as_str()), (Some(2), "pre\n"));
}

/// `System.stop(status)` halts the VM with `status` after about 1.2 s, as
/// Elixir's shutdown does; a script that ends at once exits with 0, one
/// that ends later but before the halt exits with `status` (all three as
/// `elixir` behaves).
#[test]
fn system_stop_halts_later_unless_the_script_ends() {
    let dir = scratch(
        "stop.exs",
        "IO.puts(\"one\")\nSystem.stop(3)\nProcess.sleep(5000)\nIO.puts(\"two\")\n",
    );
    let run = run_vial(&dir, &["stop.exs"], "", LIMIT);
    assert_eq!((run.code, run.stdout.as_str()), (Some(3), "one\n"));
    let dir = scratch(
        "stop2.exs",
        "IO.puts(\"one\")\nSystem.stop(3)\nIO.puts(\"two\")\n",
    );
    let run = run_vial(&dir, &["stop2.exs"], "", LIMIT);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), "one\ntwo\n"));
    let dir = scratch(
        "stop3.exs",
        "IO.puts(\"one\")\nSystem.stop(3)\nProcess.sleep(300)\nIO.puts(\"two\")\n",
    );
    let run = run_vial(&dir, &["stop3.exs"], "", LIMIT);
    assert_eq!((run.code, run.stdout.as_str()), (Some(3), "one\ntwo\n"));
}

/// `__MODULE__.Inner` names a module nested in the current one, in calls
/// and in `alias` (output from `elixir`).
#[test]
fn module_relative_alias() {
    let dir = scratch(
        "rel.exs",
        "defmodule Outer do\n  defmodule Inner do\n    def hello, do: \"inner\"\n  end\n  alias __MODULE__.Inner, as: In\n  def a, do: In.hello()\n  def c, do: __MODULE__.Inner.hello()\nend\nIO.inspect({Outer.a(), Outer.c()})\n",
    );
    let run = run_vial(&dir, &["rel.exs"], "", LIMIT);
    assert_eq!(run.stdout, "{\"inner\", \"inner\"}\n", "{}", run.stderr);
}

/// `__info__/1` gives a module's name and its public functions, sorted,
/// default-argument arities included (output from `elixir`).
#[test]
fn module_info_lists_public_functions() {
    let dir = scratch(
        "info.exs",
        "defmodule M do\n  def b(x), do: x\n  def a, do: 1\n  defp c, do: 2\n  def d(x, y \\\\ 1), do: {x, y, c()}\nend\nIO.inspect(M.__info__(:functions))\nIO.inspect(M.__info__(:module))\nIO.inspect(M.__info__(:macros))\n",
    );
    let run = run_vial(&dir, &["info.exs"], "", LIMIT);
    assert_eq!(
        run.stdout, "[a: 0, b: 1, d: 1, d: 2]\nM\n[]\n",
        "{}",
        run.stderr
    );
}

/// The main process's `exit` reason sets the status as `elixir` does.
#[test]
fn shutdown_exits_set_the_status() {
    for (reason, code) in [
        ("{:shutdown, 3}", 3),
        ("{:shutdown, :done}", 0),
        (":shutdown", 0),
        (":boom", 1),
    ] {
        let dir = scratch("shutdown.exs", &format!("exit({reason})\n"));
        let run = run_vial(&dir, &["shutdown.exs"], "", LIMIT);
        assert_eq!(run.code, Some(code), "exit({reason})");
    }
}

/// `System.at_exit/1` handlers get the script's exit status and leave it
/// as it is; `System.halt/1` skips them (as on Elixir 1.14).
#[test]
fn at_exit_handlers_see_the_exit_status() {
    let handler = "System.at_exit(fn s -> IO.puts(\"bye #{inspect(s)}\") end)\n";
    for (end, out, code) in [
        ("raise \"boom\"", "bye 1\n", 1),
        ("exit({:shutdown, 5})", "bye 5\n", 5),
        ("System.halt(3)", "", 3),
        (":ok", "bye 0\n", 0),
    ] {
        let dir = scratch("at_exit.exs", &format!("{handler}{end}\n"));
        let run = run_vial(&dir, &["at_exit.exs"], "", LIMIT);
        assert_eq!((run.stdout.as_str(), run.code), (out, Some(code)), "{end}");
    }
}

/// `defguard`/`defguardp` expand where the module's guards and code call
/// them.
#[test]
fn defguard_expands_in_guards_and_code() {
    let dir = scratch("guards.exs", "defmodule Guards do\n  defguard is_even(x) when is_integer(x) and rem(x, 2) == 0\n  defguardp is_small(x) when x < 10\n  defguard in_range(x, lo, hi) when x >= lo and x <= hi\n\n  def kind(x) when is_even(x) and is_small(x), do: :small_even\n  def kind(x) when is_even(x), do: :even\n  def kind(x) when in_range(x, 100, 200), do: :hundreds\n  def kind(_), do: :other\n\n  def check(x), do: if(is_even(x), do: \"even\", else: \"odd\")\nend\n\nIO.inspect(Enum.map([2, 12, 151, 7, :a], &Guards.kind/1))\nIO.inspect(Guards.check(4))\n");
    let run = run_vial(&dir, &["guards.exs"], "", LIMIT);
    assert_eq!(
        run.stdout, "[:small_even, :even, :hundreds, :other, :other]\n\"even\"\n",
        "{}",
        run.stderr
    );
}

/// A module nested in another is usable by its short name in the rest of
/// the outer module, its struct included; `label: nil` prints no label.
#[test]
fn nested_module_struct_in_outer_module() {
    let dir = scratch(
        "nested.exs",
        "defmodule Outer do\n  defmodule Inner do\n    defstruct a: 1\n  end\n  def go, do: %Inner{}\n  def a(%Inner{a: a}), do: a\nend\nIO.inspect(Outer.go(), label: nil)\nIO.inspect(Outer.a(struct(Outer.Inner, a: 2)))\n",
    );
    let run = run_vial(&dir, &["nested.exs"], "", LIMIT);
    assert_eq!(run.stdout, "%Outer.Inner{a: 1}\n2\n", "{}", run.stderr);
}

/// A struct literal in the top-level code of the file that defines the
/// struct is a compile error, as in Elixir, which compiles the whole script
/// before any of its modules exists; `struct/2` is not.
#[test]
fn struct_literal_in_the_defining_scripts_top_level() {
    let dir = scratch(
        "cart.exs",
        "defmodule Cart do\n  defstruct items: 0\nend\nIO.inspect(struct(Cart, items: 2))\nIO.inspect(%Cart{})\n",
    );
    let run = run_vial(&dir, &["cart.exs"], "", LIMIT);
    assert_eq!(run.stdout, "", "nothing runs");
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("cannot access struct Cart"),
        "{}",
        run.stderr
    );
}

/// `import` errors are compile errors with Elixir's messages, and an
/// import inside a block ends with the block.
#[test]
fn import_errors_carry_elixirs_messages() {
    let cases = [
        ("import Nope\n", "module Nope is not loaded and could not be found"),
        (
            "import Enum, only: [nope: 1]\n",
            "cannot import Enum.nope/1 because it is undefined or private",
        ),
        (
            "import Enum, only: [:sum]\n",
            "invalid :only option for import, expected a keyword list with integer values",
        ),
        (
            "defmodule H do\n  def double(x), do: x\nend\ndefmodule C do\n  import H\n  def double(x), do: x\n  def h, do: double(4)\nend\n",
            "imported H.double/1 conflicts with local function",
        ),
        (
            "defmodule C do\n  def f(x) do\n    if x do\n      import Enum\n      sum([1])\n    end\n    sum([1])\n  end\nend\n",
            "undefined function sum/1",
        ),
    ];
    for (text, message) in cases {
        let dir = scratch("import.exs", text);
        let run = run_vial(&dir, &["import.exs"], "", LIMIT);
        assert_eq!(run.code, Some(1), "{text}");
        let first = run.stderr.lines().next().unwrap_or("");
        assert!(
            first.contains(message),
            "{text}\nstderr was:\n{}",
            run.stderr
        );
    }
}

#[test]
fn script_arguments_are_system_argv() {
    let dir = scratch("argv.exs", "IO.inspect(System.argv())\n");
    let run = run_vial(&dir, &["argv.exs", "a", "b c"], "", LIMIT);
    assert_eq!(run.stdout, "[\"a\", \"b c\"]\n");
}

#[test]
fn syntax_error_shows_file_line_col_and_caret() {
    let dir = scratch("broken.exs", "x = 1\ny = (x + )\n");
    let run = run_vial(&dir, &["broken.exs"], "", LIMIT);
    assert_eq!(run.code, Some(1));
    let first = run.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("broken.exs:2:10: "),
        "stderr was:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("y = (x + )"),
        "stderr was:\n{}",
        run.stderr
    );
    let caret_line = run
        .stderr
        .lines()
        .find(|l| l.trim_end().ends_with('^'))
        .expect("a caret line");
    let source_line = run
        .stderr
        .lines()
        .find(|l| l.contains("y = (x + )"))
        .unwrap();
    let col_of = |l: &str, pat: &str| l.find(pat).unwrap();
    assert_eq!(
        col_of(caret_line, "^"),
        col_of(source_line, ")"),
        "caret under the `)`:\n{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn uncaught_error_exits_one_with_report() {
    let dir = scratch(
        "crash.exs",
        "IO.puts(\"before\")\n{:ok, x} = {:error, 3}\nIO.puts(x)\n",
    );
    let run = run_vial(&dir, &["crash.exs"], "", LIMIT);
    assert_eq!(run.stdout, "before\n");
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("** (MatchError) no match of right hand side value: {:error, 3}\n"),
        "stderr was:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("crash.exs:2"),
        "stderr was:\n{}",
        run.stderr
    );
}

#[test]
fn repl_keeps_bindings_between_lines() {
    let run = run_vial(Path::new("."), &[], "x = 1 + 2\nx * 2\n", LIMIT);
    assert_eq!(run.stdout, "3\n6\n");
    assert_eq!(run.code, Some(0));
}

#[test]
fn repl_continues_incomplete_input_and_survives_errors() {
    let input = "f = fn a ->\n  a * 10\nend\nraise \"boom\"\nf.(4)\n";
    let run = run_vial(Path::new("."), &[], input, LIMIT);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.last(), Some(&"40"), "stdout was:\n{}", run.stdout);
    assert!(
        run.stdout.contains("** (RuntimeError) boom"),
        "stdout was:\n{}",
        run.stdout
    );
}

#[test]
fn repl_redefined_module_is_seen_by_existing_call_sites() {
    // `Caller.go/0` calls `Callee.v/0` through an import whose resolution
    // is cached after the first call; redefining `Callee` must invalidate it.
    let input = "defmodule Callee do\n  def v, do: 1\nend\n\
                 defmodule Caller do\n  def go, do: Callee.v()\nend\n\
                 Caller.go()\n\
                 defmodule Callee do\n  def v, do: 2\nend\n\
                 Caller.go()\n";
    let run = run_vial(Path::new("."), &[], input, LIMIT);
    let values: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.chars().all(|c| c.is_ascii_digit()) && !l.is_empty())
        .collect();
    assert_eq!(values, ["1", "2"], "stdout was:\n{}", run.stdout);
}

/// `IO.gets/1`, `IO.read/1` and `IO.binread/1` read the script's standard
/// input: a line with its newline, everything left, a count of characters,
/// `:eof` at the end (`""` for `:all`), as Elixir 1.14 prints them.
#[test]
fn standard_input_is_read_by_lines_counts_and_to_the_end() {
    let program = "IO.inspect(IO.gets(\"name? \"))\nIO.inspect(IO.read(2))\n\
                   IO.inspect(IO.binread(:line))\nIO.inspect(IO.read(:eof))\n\
                   IO.inspect(IO.read(:all))\nIO.inspect(IO.gets(\"x> \"))\n";
    let dir = scratch("stdin.exs", program);
    let run = run_vial(&dir, &["stdin.exs"], "bob\nhé!\nrest1\nrest2", LIMIT);
    assert_eq!(
        run.stdout,
        "name? \"bob\\n\"\n\"hé\"\n\"!\\n\"\n\"rest1\\nrest2\"\n\"\"\nx> :eof\n"
    );
}
