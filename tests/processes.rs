//! Process scenarios: each `tests/processes/NAME.exs` must print exactly
//! `NAME.out` on stdout, which is what Elixir 1.14 / OTP 25 printed for it
//! (minus Logger crash reports, which Vial prints on stderr), with one
//! scheduler and with several. Nothing here measures time: waits in the
//! scripts only order events with wide margins.

use std::path::PathBuf;
use std::time::Duration;
use vial_tests::{repo_root, run_vial, Run};

const LIMIT: Duration = Duration::from_secs(120);

fn dir() -> PathBuf {
    repo_root().join("tests").join("processes")
}

fn run(name: &str, schedulers: usize) -> Run {
    let file = format!("{name}.exs");
    let s = schedulers.to_string();
    run_vial(&dir(), &["--schedulers", &s, &file], "", LIMIT)
}

/// Runs `NAME.exs` with 1 and 2 schedulers; stdout must be `NAME.out`.
fn check(name: &str) {
    check_on(name, &[1, 2]);
}

/// Runs `NAME.exs` with each number of schedulers in `counts`; stdout must
/// be `NAME.out`.
fn check_on(name: &str, counts: &[usize]) {
    let want = std::fs::read_to_string(dir().join(format!("{name}.out"))).expect("expected output");
    for &schedulers in counts {
        let got = run(name, schedulers);
        assert!(!got.timed_out, "{name} (schedulers {schedulers}) timed out");
        assert_eq!(
            got.stdout, want,
            "{name} with {schedulers} scheduler(s); stderr:\n{}",
            got.stderr
        );
        assert_eq!(got.code, Some(0), "{name}: stderr:\n{}", got.stderr);
    }
}

/// A process in an endless loop does not starve a ping-pong, even on one
/// scheduler, and an exit signal kills it promptly.
#[test]
fn busy_loop_does_not_block_ping_pong() {
    check("busy_pingpong");
}

/// 100,000 processes spawn and all reply.
#[test]
fn hundred_thousand_processes_reply() {
    check("spawn_100k");
}

/// A killed process takes its linked partner down (`:killed`), unless the
/// partner traps exits; `:normal` does not propagate, other reasons do.
#[test]
fn kill_propagates_through_links_unless_trapped() {
    check("kill_link");
}

/// A monitor on a dead pid (or a free name) gets `:noproc` at once.
#[test]
fn monitor_on_dead_pid_gets_noproc() {
    check("monitor_dead");
}

/// A million-deep non-tail recursion inside a spawned process.
#[test]
fn deep_recursion_in_a_spawned_process() {
    check("deep");
}

/// `Process.get/0,1,2`, `put/2`, `delete/1`, `get_keys/0`.
#[test]
fn process_dictionary() {
    check("dictionary");
}

/// `Process.flag(:trap_exit, _)` returns the old value; `alive?/1`,
/// `list/0`, `node/0`, `make_ref/0`; flag errors.
#[test]
fn flags_and_liveness() {
    check("flags_alive");
}

/// `register/2`, `whereis/1`, `registered/0`, `unregister/1`, sending to a
/// name, and their errors; a name is free when the owner's DOWN arrives.
#[test]
fn registered_names() {
    check("register");
}

/// `link/1`, `unlink/1`, linking to a dead pid (trapping or not), and
/// messages sent before an exit arriving before its EXIT message.
#[test]
fn links() {
    check("links");
}

/// `monitor/1` (pid and name), `demonitor/1,2` with `:flush` and `:info`,
/// DOWN reasons for every way a process ends.
#[test]
fn monitors() {
    check("monitors");
}

/// `Process.exit/2` with `:normal`, other reasons and `:kill`, to trapping
/// and non-trapping processes and to self; exit reasons of raise and throw.
#[test]
fn exit_signals() {
    check("exits");
}

/// `send_after/3,4`, `cancel_timer/1,2`, `read_timer/1`, `sleep/1`,
/// `receive ... after 0`.
#[test]
fn timers() {
    check("timers");
}

/// Errors the VM raises reach `catch`, DOWN and EXIT as Erlang error
/// terms (`:badarith`); `rescue` sees the struct.
#[test]
fn exit_reasons_are_erlang_terms() {
    check("exit_reasons");
}

/// A killed supervisor's children are dead, and their names free, before
/// its own supervisor restarts it.
#[test]
fn killed_supervisor_frees_its_childrens_names() {
    check("supervisor_kill");
}

/// A receive timeout counts from its own receive, whatever timers earlier
/// receives left armed (a shorter one re-arms, a longer one is replaced).
#[test]
fn receive_timeouts_after_other_waits() {
    check("receive_timers");
}

/// `Process.info/2`: message_queue_len, messages, status, links, monitors,
/// registered_name, memory, trap_exit; a dead pid gives `nil`.
#[test]
fn process_info() {
    check("info");
}

/// `spawn/1,3`, `spawn_link/1,3`, `spawn_monitor/1,3`, `send/2` results
/// and errors.
#[test]
fn spawn_variants() {
    check("spawns");
}

/// Guards on `self()` and on `and` of a non-boolean.
#[test]
fn guards_on_self() {
    check("guard_self");
}

/// Receives that skip old messages (the receive marker, the prefilter)
/// still take the oldest matching message.
#[test]
fn selective_receive_keeps_order() {
    check("marker");
}

/// ETS: set, ordered_set, bag and duplicate_bag semantics, counters,
/// access rights, OTP's error messages, tables deleted with their owner or
/// passed to an heir, `give_away/3`, and eight processes updating counters
/// of one public table at once.
#[test]
fn ets_tables() {
    check("ets");
}

/// Match specifications and match patterns: `select/1,2,3`,
/// `select_reverse`, `select_count`, `select_delete`, `match`,
/// `match_object`, `match_delete`, with continuations, `foldl`/`foldr`,
/// and OTP's error messages.
#[test]
fn ets_select() {
    check("ets_select");
}

/// `Registry.match/select/count_match/count_select/unregister_match`,
/// meta entries, `keys/2` (most recent first), listeners and
/// `start_link/1`'s option checks.
#[test]
fn registry_match() {
    check("registry_match");
}

/// `:rand` draws OTP's sequences after a seed, keeping its state per
/// process; time units convert as `:erlang.convert_time_unit/3` does.
#[test]
fn rand_and_time() {
    check("rand_time");
}

/// `:timer` intervals, `tc` and `apply_after`/`kill_after`; `:sys.get_state`
/// and `replace_state` on servers and agents; `Task.Supervisor` tasks,
/// linked, unlinked, started as children and streamed.
#[test]
fn timer_sys_and_task_supervisor() {
    check("timer_sys_tasks");
}

/// `Supervisor.start_child` of a failing child returns OTP's
/// `{:error, {reason, child record}}`; `DynamicSupervisor` the bare reason.
#[test]
fn supervisor_start_errors() {
    check("supervisor_start_errors");
}

/// A crash spreading along links: a watcher hears the first process's
/// `:DOWN` before the signals of the processes it took down.
#[test]
fn link_chain_order() {
    check("link_chain_order");
}

/// Printing waits for the group leader, as on the BEAM: processes that
/// print in turn interleave their lines (spawned, woken, two workers).
/// With two schedulers too: an idle scheduler does not steal the printers
/// of a short exchange (see `Vm::spin`).
#[test]
fn print_turns() {
    check_on("print_turns", &[1, 2]);
}

/// Processes woken one after another run in that order, as on the BEAM's
/// FIFO run queues: workers sent `:go`, and the watchers of one process
/// that dies.
#[test]
fn wake_order() {
    check_on("wake_order", &[1, 2]);
}

/// A crashing process prints Elixir's report on stderr, and only its own
/// process dies.
#[test]
fn crash_report_on_stderr() {
    let got = run("exits", 1);
    assert!(
        got.stderr.contains("[error] Process #PID<0.")
            && got
                .stderr
                .contains("raised an exception\n** (ArgumentError) bad\n")
            && got
                .stderr
                .contains("** (ErlangError) Erlang error: {:nocatch, :ball}\n"),
        "stderr was:\n{}",
        got.stderr
    );
}

/// GenServer callbacks that throw their result, OTP 25's `[:alias | ref]`
/// call tags and replies to hand-made `from` tuples, `Task.completed/1`,
/// `Task.shutdown/2` after an await timed out, and `Task.async_stream`'s
/// `zip_input_on_exit:` with no exit messages left for a trapping caller,
/// `:sys.suspend/1` and `:sys.resume/1`, `Task.ignore/1`, and
/// `Exception.format_banner/2` and `normalize/3` on Erlang error terms.
#[test]
fn callbacks_and_tasks() {
    check_on("callbacks_and_tasks", &[1, 2]);
}

/// Integer-only functions, which run in the interpreter's fast lane, give
/// the general loop's results whatever makes the lane hand over: big
/// integers, floats, atoms, errors, deep recursion, other processes.
#[test]
fn integer_functions_in_the_fast_lane() {
    check("integer_lane");
}

/// Guards and `if`/`cond` conditions made of `and`/`or`/`not` over
/// comparisons, which compile to compare-and-jumps, choose as Elixir does
/// for every mix of integers, floats, atoms and strings.
#[test]
fn comparison_conditions_compile_to_jumps() {
    check("guard_jumps");
}

/// Function values called with captured values of every kind, from
/// frames deep enough to grow the register stack during the call, with
/// the wrong arity, and with an argument that rebinds the fun's variable.
#[test]
fn function_values_called_from_growing_stacks() {
    check("closure_calls");
}

/// Self tail calls that pass parameters on unchanged (kept in place, not
/// moved), beside ones that swap, shadow, rebuild or duplicate them.
#[test]
fn self_tail_calls_keep_unchanged_parameters() {
    check("self_tail_calls");
}

/// Reports of exceptions whose module defines `message/1`, the dot on nil
/// and the booleans (KeyError, not a module call), `struct!/2` with a map
/// and `defstruct` defaults computed from constants.
#[test]
fn exception_reports_and_struct_defaults() {
    check("exceptions_structs");
}

/// Library functions Elixir programs reach for (`binary_slice`,
/// `Float.ratio`, the `:ascii` case modes, `Stream.duplicate`,
/// `System.unique_integer`, `IO.binwrite`) and accumulating module
/// attributes.
#[test]
fn library_additions_and_accumulating_attributes() {
    check("library_additions");
}

/// Fixes from a differential sweep: `alias __MODULE__`, the module
/// `Elixir`, the `~~~` operator, the :greek and :turkic case modes,
/// `Process.get_keys/1`, `String.bag_distance/2` and `chunk/2`, the
/// `:lists` merges, `:maps` iterators.
#[test]
fn sweep_fixes() {
    check("sweep_fixes");
}

/// A program's own module named like a library module (`:queue`) is not
/// replaced when the library finishes loading in the background.
#[test]
fn own_library_module() {
    check("own_library_module");
}

/// OTP 25's `:queue`, `:orddict`, `:gb_trees`, `:gb_sets` and `:sets`
/// through every export, checked against the real modules' results.
#[test]
fn erlang_collections() {
    check("erlang_collections");
}

/// Struct updates check the struct (BadStructError), struct modules
/// implementing Access serve `s[k]` and the `*_in` functions, and
/// `structs: false` bypasses a struct's own Inspect.
#[test]
fn structs_access() {
    check("structs_access");
}

/// `System.at_exit/1` handlers run at the script's end, newest first.
#[test]
fn at_exit() {
    check("at_exit");
}

/// Funs are named `-def/arity-fun-N-`, numbered per `def` in the order
/// their bodies end, as the BEAM names them.
#[test]
fn fun_names() {
    check("fun_names");
}

/// `x[k]` on what is neither a map, a list, a struct nor nil, and on a
/// keyword list with a non-atom key, raises as Elixir does; `~~~` starts
/// a call argument without parentheses.
#[test]
fn access_errors() {
    check("access_errors");
}

/// `Process.alive?` right after `Process.exit/2` sees a dying target as
/// dead with two schedulers too.
#[test]
fn exit_race() {
    check("exit_race");
}

/// Fixes from the third differential sweep: `rescue ErlangError` takes
/// every error whose reason is not an exception; inspect's
/// `charlists: :as_charlists` and `binaries: :as_strings`; `defdelegate`
/// without parentheses.
#[test]
fn sweep3_fixes() {
    check("sweep3_fixes");
}

/// `%name{}` binds a struct's module and `%^name{}` matches it; `@for`
/// and `@protocol` inside `defimpl`; repeated `@derive`s add up.
#[test]
fn struct_var_patterns() {
    check("struct_var_patterns");
}

/// `Exception.format_exit/1` for OTP's reasons with sentences of their own
/// (`failed_to_start_child`, `bad_return_value`, `bad_call`, ...).
#[test]
fn format_exit_reasons() {
    check("format_exit_reasons");
}

/// Code in a module body (`IO.puts`, `if`, `for`, matches, a nested
/// module's body) runs when the script reaches the `defmodule`.
#[test]
fn module_body_code() {
    check("module_body_code");
}

/// `defstruct`/`defexception` defaults that are not constants (calls,
/// arithmetic on attributes) are computed by `__struct__/0`.
#[test]
fn struct_computed_defaults() {
    check("struct_computed_defaults");
}

/// `Process.hibernate/3` continues in the function given, keeping the
/// dictionary, without growing the stack when a loop hibernates.
#[test]
fn hibernate() {
    check("hibernate");
}

/// Library functions checked against Elixir 1.14, one program per area: List
/// (myers_difference), Stream (into, transform/5), Access (slice and the
/// accessors), String, Exception's formatters, IO.ANSI, Macro's string
/// functions, Path, and the functions a sweep of exports found missing.
#[test]
fn library_areas() {
    check("library_access");
    check("library_core");
    check("library_exception");
    check("library_io_ansi");
    check("library_list");
    check("library_macro");
    check("library_path");
    check("library_stream");
    check("library_string");
    check("library_sweep");
}

/// Erlang library modules checked against OTP 25, one program each:
/// `:array`, `:binary`, `:calendar`, `:lists`, `:maps`, `:proplists`,
/// `:string`, `:unicode`'s normalization forms (also behind
/// `String.normalize/2` and `String.equivalent?/2`).
#[test]
fn erlang_modules() {
    check("erlang_array");
    check("erlang_binary");
    check("erlang_calendar");
    check("erlang_lists");
    check("erlang_maps");
    check("erlang_proplists");
    check("erlang_string");
    check("erlang_unicode");
    check("string_normalize");
}
