//! Fuzz tests of the front end and the compiler: whatever the input,
//! `vial_syntax::parse`, `vial_syntax::is_incomplete`, diagnostic rendering
//! and `vial_compiler::compile` (script and REPL mode) return; they never
//! panic, overflow the stack or hang; and whatever the compiler produces
//! passes the loader's checks (`code::Function::check_registers`,
//! `check_control` and `check_writes_before_reads`).
//!
//! Inputs come from two strategies:
//!
//! * a grammar-based generator of Elixir-subset programs (modules, `def`s
//!   with guards and defaults, every control form, closures and captures,
//!   data structures, interpolation, attributes, patterns), mostly valid and
//!   sometimes not, plus very deep and very wide programs;
//! * mutations of the real programs of the conformance corpus and
//!   `lang-examples/`: line deletions, duplications and swaps and word
//!   replacements (which mostly keep a program parseable, so the compiler
//!   sees it), and token deletions, duplications, swaps, truncations,
//!   splices, insertions and byte flips.
//!
//! Each property runs on a thread with a 2 MiB stack (a test thread's
//! default, smaller than the main thread's), so deep inputs that would
//! overflow a real program's stack overflow here.
//!
//! Scale:
//!
//! * `VIAL_FUZZ_CASES=N` (or proptest's `PROPTEST_CASES`): cases per
//!   property (default 256, a few seconds in all);
//! * `VIAL_FUZZ_SECONDS=N`: runs both strategies in turn until N seconds
//!   have passed and prints the number of executions, e.g.
//!   `VIAL_FUZZ_SECONDS=600 cargo test --release -p vial-compiler --test fuzz
//!   -- --nocapture --test-threads=1`. A case still running after
//!   `VIAL_FUZZ_HANG_SECONDS` (default 20) aborts the run as a hang. A
//!   release build checks no arithmetic overflow unless asked:
//!   `CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true` (with a separate
//!   `CARGO_TARGET_DIR`, so as not to rebuild the usual one).
//!
//! The input being tried is written to `fuzz-current-<property>.exs` in
//! cargo's target tmp directory before it runs, so the input of a crash that
//! cannot be caught (a stack overflow) is there afterwards. A panic is
//! shrunk by proptest, then minimized further here, and reported.
//!
//! Every crash found is kept below as a plain `#[test]` with its input.

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use std::cell::RefCell;
use std::io::{Seek, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once, OnceLock};
use std::time::{Duration, Instant};
use vial_compiler::{compile, Mode};

// ---------------------------------------------------------------------------
// Running one input
// ---------------------------------------------------------------------------

/// What the pipeline made of an input.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// The parser reported a diagnostic.
    SyntaxError,
    /// Parsed; the compiler gave a diagnostic in script mode.
    CompileError,
    /// Parsed and compiled in script mode.
    Compiled,
}

/// Runs the whole front end and the compiler on `source`.
fn pipeline(source: &str) -> Outcome {
    let (ast, diagnostics) = vial_syntax::parse(source);
    let _ = vial_syntax::is_incomplete(source);
    for d in &diagnostics {
        let _ = vial_syntax::render("fuzz.exs", source, d);
    }
    if !diagnostics.is_empty() {
        return Outcome::SyntaxError;
    }
    let script = compile("fuzz.exs", source, &ast, Mode::Script);
    let outcome = match &script {
        Ok(program) => {
            // What the loader checks before it runs anything (a violation
            // is a compiler bug, and panics).
            for m in &program.modules {
                for f in &m.functions {
                    f.check_registers();
                    f.check_control(&m.functions);
                    f.check_writes_before_reads();
                }
            }
            Outcome::Compiled
        }
        Err(d) => {
            let _ = vial_syntax::render("fuzz.exs", source, d);
            Outcome::CompileError
        }
    };
    drop(script);
    let bindings: Vec<String> = ["x", "acc", "list", "_ignored"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Err(d) = compile(
        "fuzz.exs",
        source,
        &ast,
        Mode::Repl {
            bindings: &bindings,
        },
    ) {
        let _ = vial_syntax::render("fuzz.exs", source, &d);
    }
    if let Err(d) = compile("fuzz.exs", source, &ast, Mode::Repl { bindings: &[] }) {
        let _ = vial_syntax::render("fuzz.exs", source, &d);
    }
    outcome
}

thread_local! {
    /// While set, the panic hook records panics here instead of printing.
    static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that, on a thread running [`run_case`],
/// records the panic's message and location instead of printing it.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let recorded = CAUGHT.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let payload = info
                            .payload()
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| info.payload().downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "(non-string payload)".to_string());
                        let location = info
                            .location()
                            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                            .unwrap_or_default();
                        *slot = Some(format!("panicked at {location}: {payload}"));
                        true
                    }
                    None => false,
                }
            });
            if !recorded {
                default(info);
            }
        }));
    });
}

/// Runs [`pipeline`] on `source`, turning a panic into `Err(message)`.
fn run_case(source: &str) -> Result<Outcome, String> {
    install_panic_hook();
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));
    let result = panic::catch_unwind(AssertUnwindSafe(|| pipeline(source)));
    let message = CAUGHT.with(|c| c.borrow_mut().take().flatten());
    result.map_err(|_| message.unwrap_or_else(|| "panicked".to_string()))
}

/// For regression tests: the input goes through without a panic, and the
/// result is a diagnostic or a compiled program.
fn assert_no_crash(source: &str) -> Outcome {
    on_small_stack(source.to_string(), |s| match run_case(&s) {
        Ok(outcome) => outcome,
        Err(message) => panic!("{message}\ninput:\n{s}"),
    })
}

/// Runs `f(arg)` on a thread with a 2 MiB stack (a test thread's default,
/// whatever `RUST_MIN_STACK` says).
fn on_small_stack<A: Send + 'static, R: Send + 'static>(arg: A, f: fn(A) -> R) -> R {
    std::thread::Builder::new()
        .name("fuzz".into())
        .stack_size(2 << 20)
        .spawn(move || f(arg))
        .expect("spawn a fuzz thread")
        .join()
        .unwrap_or_else(|e| panic::resume_unwind(e))
}

// ---------------------------------------------------------------------------
// Minimizing a failing input
// ---------------------------------------------------------------------------

/// Splits source text into rough tokens: identifier/number runs, whitespace
/// runs, operator runs, and single other characters. Concatenating the
/// tokens gives the text back.
fn rough_tokens(s: &str) -> Vec<String> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Op,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' || c == '?' || c == '!' {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else if "=<>|&+-*/\\.:~^".contains(c) {
            Class::Op
        } else {
            Class::Other
        }
    };
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for c in s.chars() {
        let k = class(c);
        match out.last_mut() {
            Some(t) if last == Some(k) && k != Class::Other => t.push(c),
            _ => out.push(c.to_string()),
        }
        last = Some(k);
    }
    out
}

/// Delta-debugging over lines, then tokens, then characters: the smallest
/// input found for which `fails` still holds.
fn minimize(input: &str, fails: &dyn Fn(&str) -> bool) -> String {
    let mut best = input.to_string();
    let splitters: [fn(&str) -> Vec<String>; 3] = [
        |s| s.split_inclusive('\n').map(String::from).collect(),
        rough_tokens,
        |s| s.chars().map(String::from).collect(),
    ];
    for split in splitters {
        let mut units = split(&best);
        let mut chunk = units.len().div_ceil(2).max(1);
        loop {
            let mut i = 0;
            let mut progressed = false;
            while i < units.len() {
                let end = (i + chunk).min(units.len());
                let candidate: String = units[..i].iter().chain(&units[end..]).cloned().collect();
                if fails(&candidate) {
                    units.drain(i..end);
                    best = candidate;
                    progressed = true;
                } else {
                    i += chunk;
                }
            }
            if chunk == 1 && !progressed {
                break;
            }
            if !progressed {
                chunk = chunk.div_ceil(2).max(1);
            }
        }
    }
    best
}

// ---------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Cases per property: `VIAL_FUZZ_CASES`, else `PROPTEST_CASES`, else 256.
fn cases() -> u32 {
    env_u64("VIAL_FUZZ_CASES")
        .or_else(|| env_u64("PROPTEST_CASES"))
        .map_or(256, |n| n.clamp(1, u32::MAX as u64) as u32)
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        max_shrink_time: 120_000,
        max_shrink_iters: 100_000,
        ..Config::default()
    }
}

/// Where the input being tried is written (see the module docs).
fn current_input_path(property: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-current-{property}.exs"))
}

/// Writes each input to a file before it runs, and watches for hangs.
struct Recorder {
    file: Option<std::fs::File>,
}

/// Milliseconds since [`epoch`] when the current case started (0: idle).
static CASE_STARTED: AtomicU64 = AtomicU64::new(0);
/// The property whose case is running, for the hang report.
static CASE_PROPERTY: Mutex<String> = Mutex::new(String::new());

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

impl Recorder {
    fn new(property: &str) -> Recorder {
        let file = std::fs::File::create(current_input_path(property)).ok();
        Recorder { file }
    }

    fn record(&mut self, source: &str) {
        if let Some(f) = &mut self.file {
            let _ = f.set_len(0);
            let _ = f.rewind();
            let _ = f.write_all(source.as_bytes());
        }
    }
}

/// In the timed mode: aborts the process when one case runs for longer than
/// `limit` (a hang), naming the file that holds its input.
fn start_watchdog(limit: Duration) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            let started = CASE_STARTED.load(Ordering::Relaxed);
            if started == 0 {
                continue;
            }
            let now = epoch().elapsed().as_millis() as u64;
            if now.saturating_sub(started) > limit.as_millis() as u64 {
                let property = CASE_PROPERTY.lock().map(|p| p.clone()).unwrap_or_default();
                eprintln!(
                    "fuzz: a case has run for more than {limit:?} (a hang); its input is in {}",
                    current_input_path(&property).display()
                );
                std::process::abort();
            }
        });
    });
}

/// Runs the cases of `runner` through [`run_case`]. Returns the number of
/// executions; panics with a minimized input on a failure.
fn drive(property: &str, strategy: &BoxedStrategy<String>, runner: &mut TestRunner) -> u64 {
    let executions = std::cell::Cell::new(0u64);
    let recorder = RefCell::new(Recorder::new(property));
    if let Ok(mut p) = CASE_PROPERTY.lock() {
        *p = property.to_string();
    }
    let result = runner.run(strategy, |source| {
        executions.set(executions.get() + 1);
        recorder.borrow_mut().record(&source);
        CASE_STARTED.store(
            epoch().elapsed().as_millis().max(1) as u64,
            Ordering::Relaxed,
        );
        let result = run_case(&source);
        CASE_STARTED.store(0, Ordering::Relaxed);
        match result {
            Ok(_) => Ok(()),
            Err(message) => Err(TestCaseError::fail(message)),
        }
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, source)) => {
            let reason = reason.to_string();
            let key = reason.split(": ").next().unwrap_or("").to_string();
            let fails = |s: &str| matches!(run_case(s), Err(m) if m.starts_with(&key));
            let minimal = minimize(&source, &fails);
            panic!(
                "{property}: {reason}\n\nminimized input ({} bytes):\n{minimal}\n\n\
                 input as shrunk by proptest ({} bytes):\n{source}",
                minimal.len(),
                source.len()
            );
        }
        Err(TestError::Abort(reason)) => panic!("{property}: aborted: {reason}"),
    }
    executions.get()
}

/// One property in the default mode (skipped in the timed mode, which
/// [`timed`] runs).
fn property(name: &'static str, strategy: fn() -> BoxedStrategy<String>) {
    if env_u64("VIAL_FUZZ_SECONDS").is_some() {
        return;
    }
    on_small_stack((name, strategy), |(name, strategy)| {
        let mut runner = TestRunner::new(config(cases()));
        let start = Instant::now();
        let n = drive(name, &strategy(), &mut runner);
        println!("fuzz {name}: {n} executions in {:.1?}", start.elapsed());
    });
}

#[test]
fn generated_programs() {
    property("generated", generated_program);
}

#[test]
fn mutated_corpus() {
    property("mutated", mutated_corpus_program);
}

/// The timed mode: both strategies in turn, in rounds of `cases()` cases,
/// until `VIAL_FUZZ_SECONDS` have passed.
#[test]
fn timed() {
    let Some(seconds) = env_u64("VIAL_FUZZ_SECONDS") else {
        return;
    };
    let hang = Duration::from_secs(env_u64("VIAL_FUZZ_HANG_SECONDS").unwrap_or(20));
    start_watchdog(hang);
    on_small_stack(seconds, |seconds| {
        let start = Instant::now();
        let end = start + Duration::from_secs(seconds);
        let properties: [(&str, BoxedStrategy<String>); 2] = [
            ("generated", generated_program()),
            ("mutated", mutated_corpus_program()),
        ];
        // A runner runs its cases once: each round gets a fresh one, seeded
        // from one runner per property.
        let mut seeds: Vec<TestRunner> = properties
            .iter()
            .map(|_| TestRunner::new(config(cases())))
            .collect();
        let mut counts = [0u64; 2];
        let mut report = start;
        while Instant::now() < end {
            for (i, (name, strategy)) in properties.iter().enumerate() {
                let rng = seeds[i].new_rng();
                let mut runner = TestRunner::new_with_rng(config(cases()), rng);
                counts[i] += drive(name, strategy, &mut runner);
            }
            if report.elapsed() >= Duration::from_secs(30) {
                report = Instant::now();
                println!(
                    "fuzz: {:.0?}: generated {}, mutated {}",
                    start.elapsed(),
                    counts[0],
                    counts[1]
                );
            }
        }
        let elapsed = start.elapsed();
        println!(
            "fuzz: {} executions in {elapsed:.1?} (generated {}, mutated {}), {:.0}/s",
            counts[0] + counts[1],
            counts[0],
            counts[1],
            (counts[0] + counts[1]) as f64 / elapsed.as_secs_f64()
        );
    });
}

// ---------------------------------------------------------------------------
// Strategy 1: a grammar-based generator
// ---------------------------------------------------------------------------
//
// Every generator takes `noisy`: when false it only produces valid syntax
// (compile errors remain: undefined functions, unsupported forms ...); when
// true it also mixes in invalid or unusual pieces (reserved words and
// non-ASCII letters as names, malformed numbers and escapes, operators out
// of place, expressions as patterns ...).

type S = BoxedStrategy<String>;

fn strs(items: &[&'static str]) -> S {
    select(items.to_vec()).prop_map(String::from).boxed()
}

/// One of the whitespace-separated words of `list`.
fn words(list: &'static str) -> S {
    strs(&list.split_whitespace().collect::<Vec<_>>())
}

/// The strategy `name` (built by `build`), built once per thread and then
/// shared: regex strategies are costly to build, and recursive strategies
/// rebuild their layers, calling these functions, for every case.
fn cached(name: &'static str, noisy: bool, build: fn(bool) -> S) -> S {
    thread_local! {
        static CACHE: RefCell<std::collections::HashMap<(&'static str, bool), S>> =
            RefCell::new(std::collections::HashMap::new());
    }
    if let Some(s) = CACHE.with(|c| c.borrow().get(&(name, noisy)).cloned()) {
        return s;
    }
    // Built outside the borrow: `build` asks for other cached strategies.
    let s = build(noisy);
    CACHE.with(|c| c.borrow_mut().insert((name, noisy), s.clone()));
    s
}

/// `normal`, plus the `odd` alternatives when `noisy`.
fn union(noisy: bool, normal: Vec<(u32, S)>, odd: Vec<(u32, S)>) -> S {
    let mut all = normal;
    if noisy {
        all.extend(odd);
    }
    prop::strategy::Union::new_weighted(all).boxed()
}

fn join(items: &[String], sep: &str) -> String {
    items.join(sep)
}

fn ident(noisy: bool) -> S {
    cached("ident", noisy, |noisy| {
        union(
            noisy,
            vec![
                (
                    60,
                    words(
                        "x y z acc n list map value head tail rest pid state f key _ _ignored _x",
                    ),
                ),
                (2, words("ok? done! x1 camelCase a_b_c __STACKTRACE__")),
                (2, "[a-z_][a-zA-Z0-9_]{0,6}[?!]?".boxed()),
            ],
            vec![(
                3,
                words("if when end fn nil do true in not café ñame δ 变量 _𝛼 e\u{301} Foo x.y"),
            )],
        )
    })
}

/// A variable in an expression: mostly one the preamble binds.
fn var(noisy: bool) -> S {
    cached("var", noisy, |noisy| {
        union(
            noisy,
            vec![
                (
                    40,
                    words("x y z acc n list map value head tail rest pid state f key"),
                ),
                (1, words("_ignored undefined_var __STACKTRACE__")),
            ],
            vec![(2, ident(true))],
        )
    })
}

/// A keyword key without its colon: `key` in `[key: 1]`.
fn kw_key(noisy: bool) -> S {
    cached("kw_key", noisy, |noisy| {
        union(
            noisy,
            vec![
                (20, words("a b name value key x acc ok? done!")),
                (2, words("do else message into uniq reduce as __struct__")),
                (1, strs(&["\"quoted key\"", "\"\"", "nil", "true"])),
            ],
            vec![(2, words("\"#{x}\" + a@b 1 é Foo"))],
        )
    })
}

fn fun_name(noisy: bool) -> S {
    cached("fun_name", noisy, |noisy| {
        union(
            noisy,
            vec![
                (
                    12,
                    words(concat!(
                        "foo bar loop run go helper f g init handle_call puts length hd tl elem spawn ",
                        "send self to_string inspect throw exit div rem abs max is_integer is_list ",
                        "map_size tuple_size is_map_key make_ref node put_elem"
                    )),
                ),
                // Special forms and definitions, called with arguments of any shape.
                (
                    2,
                    words(concat!(
                        "if case for with try receive cond unless def defmodule import alias require ",
                        "quote raise reraise apply binding __struct__ defstruct"
                    )),
                ),
            ],
            vec![(1, ident(true))],
        )
    })
}

fn alias() -> S {
    cached("alias", false, |_| {
        words(concat!(
            "Foo Bar Foo.Bar Point Enum Map List String IO Kernel Process Range RuntimeError ",
            "ArgumentError Agent GenServer Fuzz.Point Integer Tuple Keyword Exception A.B.C.D ",
            "Foo.Point Elixir.Foo MatchError Task"
        ))
    })
}

fn integer(noisy: bool) -> S {
    cached("integer", noisy, |noisy| {
        union(
            noisy,
            vec![
                (30, (0u8..20).prop_map(|n| n.to_string()).boxed()),
                (6, any::<i64>().prop_map(|n| n.to_string()).boxed()),
                (
                    3,
                    words(concat!(
                        "9223372036854775807 9223372036854775808 -9223372036854775808 2147483648 ",
                        "4294967296 65535 65536 256 0 1_000_000 0xFF 0b1010 0o777 ?a ?\\n ?é ?🎉 ?\\s"
                    )),
                ),
                (2, "[1-9][0-9]{18,60}".boxed()),
                (1, "[1-9][0-9]{300,3000}".boxed()),
                (1, "0x[0-9A-Fa-f]{1,80}".boxed()),
                (1, "0b[01]{1,130}".boxed()),
            ],
            vec![(
                3,
                words("00 0x 1_ 1__0 0b2 &0 &256 &65536 &4294967295 &4294967296 ? 0o8 1e5"),
            )],
        )
    })
}

fn float(noisy: bool) -> S {
    cached("float", noisy, |noisy| {
        union(
            noisy,
            vec![
                (
                    12,
                    words(concat!(
                        "1.5 0.0 1.0e10 1.0e308 2.5e-300 1.0E+5 1.0e-5 ",
                        "3.14159265358979323846264338327950288 1_0.0_1"
                    )),
                ),
                (4, "[1-9][0-9]{0,20}\\.[0-9]{1,20}(e-?[1-9][0-9]?)?".boxed()),
            ],
            vec![(
                3,
                words("1.0e309 2.5e-400 1. .5 1.0e 01.5 1.0e99999 1.0e-99999"),
            )],
        )
    })
}

fn atom(noisy: bool) -> S {
    cached("atom", noisy, |noisy| {
        union(
            noisy,
            vec![
                (
                    40,
                    strs(&[
                        ":ok",
                        ":error",
                        ":\"quoted atom\"",
                        ":foo?",
                        ":bar!",
                        "true",
                        "false",
                        "nil",
                        ":+",
                        ":<>",
                        ":\"\"",
                        ":__struct__",
                        ":exception",
                        ":message",
                        ":erlang",
                        ":a@b",
                    ]),
                ),
                (4, ":[a-z_][a-zA-Z0-9_@]{0,8}".boxed()),
            ],
            vec![(
                3,
                words(":\"#{x}\" :'single' : :1 :\"\\u{D800}\" :ünï :Elixir.Foo"),
            )],
        )
    })
}

fn text(noisy: bool) -> S {
    cached("text", noisy, |noisy| {
        union(
            noisy,
            vec![
                (30, "[a-zA-Z0-9 ,.:!?éü🎉-]{0,12}".boxed()),
                (
                    6,
                    words("\\n \\t \\\" \\u{1F600} \\x41 \\\\ # \\#{x} ' \\e \\0 \u{202e} a\u{301} \\u00e9"),
                ),
            ],
            vec![(
                3,
                words("\\u{D800} \\u{110000} \\u{} \\xZZ \u{0} \\ \\u{1F600 \""),
            )],
        )
    })
}

fn string_of(noisy: bool, expr: S) -> S {
    let part = prop_oneof![
        3 => text(noisy),
        1 => expr.prop_map(|e| format!("#{{{e}}}")),
    ];
    let parts = prop::collection::vec(part, 0..4).prop_map(|ps| ps.concat());
    (0u8..10, parts)
        .prop_map(|(kind, body)| match kind {
            0 => format!("\"\"\"\n  {body}\n  more\n  \"\"\""),
            1 => format!("'{body}'"),
            _ => format!("\"{body}\""),
        })
        .boxed()
}

fn literal(noisy: bool) -> S {
    cached("literal", noisy, |noisy| {
        prop_oneof![
            3 => integer(noisy),
            1 => float(noisy),
            3 => atom(noisy),
            1 => string_of(noisy, strs(&["x", "1", "x + 1", "inspect(x)"])),
        ]
        .boxed()
    })
}

fn leaf_expr(noisy: bool) -> S {
    cached("leaf_expr", noisy, |noisy| {
        union(
            noisy,
            vec![
                (6, var(noisy)),
                (6, literal(noisy)),
                (1, alias()),
                (
                    1,
                    strs(&[
                        "__MODULE__",
                        "[]",
                        "{}",
                        "%{}",
                        "self()",
                        "nil",
                        "x.y",
                        "fn -> :ok end",
                        "%Point{}",
                        "1..10",
                        "\"\"",
                        "[a: 1]",
                        "map.key",
                        "elem(state, 0)",
                    ]),
                ),
            ],
            vec![(1, words("@attr @value &1 &2 &3 &0 __STACKTRACE__ ^x _"))],
        )
    })
}

/// `&1` ... in a capture.
fn capture_arg(noisy: bool) -> S {
    cached("capture_arg", noisy, |noisy| {
        union(
            noisy,
            vec![(1, (1u32..4).prop_map(|n| format!("&{n}")).boxed())],
            vec![(1, words("&0 &255 &256 &65536 &4294967295 &01"))],
        )
    })
}

/// The arity in `&name/arity`.
fn arity(noisy: bool) -> S {
    cached("arity", noisy, |noisy| {
        union(
            noisy,
            vec![(1, (0u32..4).prop_map(|n| n.to_string()).boxed())],
            vec![(1, words("255 256 -1 99999999999 x 1.0 (1) 0x1"))],
        )
    })
}

/// Hand-picked corner cases of the compiler's forms, for noisy programs.
fn edge_snippet() -> S {
    cached("edge_snippet", false, |_| {
        strs(&[
            "&(&0 + &1)",
            "&{&1, &0}",
            "&(&2)",
            "&foo/256",
            "&foo/-1",
            "&(&1 + &(&2))",
            "&(fn -> &1 end)",
            "&[&1 | &256]",
            "&(&1)",
            "&x",
            "&",
            "& &1",
            "fn x, y -> 1; z -> 2 end",
            "fn -> 1; x -> 2 end",
            "fn end",
            "case 1 do end",
            "case 1, do: 2",
            "case(1)",
            "cond do end",
            "cond do 1 end",
            "receive do after 1 -> 2 end",
            "receive do after 1 -> 2; 3 -> 4 end",
            "receive do 1 end",
            "receive do after 1 end",
            "receive(do: 1)",
            "with do 1 end",
            "with x <- 1 do 1 else 2 end",
            "with x <- 1, do: 1, else: 2",
            "with(x <- 1)",
            "for do 1 end",
            "for(x <- [1])",
            "for x <- [1], reduce: 0 do 1 end",
            "for x <- [1], reduce: 0, do: (acc -> acc)",
            "for x <- [1], into: 1, uniq: 2, do: x",
            "for x <- [1], x, do: x",
            "for 1, do: 2",
            "try do 1 rescue 1 -> 2 end",
            "try do 1 catch 1, 2, 3 -> 4 end",
            "try do 1 else x -> 1 end",
            "try do 1 after 2 else 3 end",
            "try(do: 1, after: 2)",
            "try do 1 rescue x in 1 -> 2 end",
            "try do 1 rescue [A] -> 2 end",
            "try do 1 rescue e in [A, 1] -> 2 end",
            "try do 1 catch -> 2 end",
            "raise 1, 2, 3",
            "reraise 1",
            "raise()",
            "apply(1)",
            "apply(1, 2, 3, 4)",
            "__STACKTRACE__",
            "x when y",
            "a <- b",
            "a \\\\ b",
            "^x",
            "@x 1",
            "&1",
            "x |> 1",
            "x |> fn -> 1 end",
            "1 |> (&(&1 + 1)).()",
            "1 |> x.y",
            "1 |> x.()",
            "1 |> M.f",
            "%x{}",
            "%__MODULE__{}",
            "%{a: 1} = %{}",
            "{a, a} = {1, 1}",
            "[a, a | a] = [1, 1]",
            "\"a\" <> b <> c = \"abc\"",
            "x <> \"a\" = \"ba\"",
            "1..2//3 = 1..2//3",
            "a..b = 1..2",
            "a..b//c = 1..2",
            "(1..2)//3",
            "1 // 2",
            "%{^x => 1} = %{}",
            "%{x => 1} = %{}",
            "^1 = 1",
            "^(x) = 1",
            "x = ^x",
            "[h | t] = [h | t]",
            "def f",
            "defmodule",
            "defmodule 1 do end",
            "defmodule M, do: 1",
            "def(f)",
            "defmodule M do def f(a \\\\ 1, b \\\\ 2), do: 1; def f(a), do: 2 end",
            "defmodule M do def f(a \\\\ 1), do: a; def f(b \\\\ 2), do: b end",
            "defmodule M do def f(a, b \\\\ 1); def f(a, b), do: b; def f(a), do: a end",
            "defmodule M do def f(a) end",
            "defmodule M do def f when 1, do: 1 end",
            "defmodule M do def f(x) when 1 when 2 when 3, do: 1 end",
            "defmodule M do defstruct [:a]; def f, do: %M{b: 1} end",
            "defmodule M do defstruct [:a]; def f(%M{b: 1}), do: 1 end",
            "defmodule M do defstruct [:a]; def f(s), do: %M{s | b: 1} end",
            "defmodule M do defexception [:message]; def f, do: raise M end",
            "defmodule M do defexception [:message]; def exception(x), do: x end",
            "defmodule M do defexception [1] end",
            "defmodule M do defstruct 1 end",
            "defmodule M do @a @a end",
            "defmodule M do @a; def f, do: @a end",
            "defmodule M do @a 1; @a 2; def f, do: @a end",
            "defmodule M do @a x end",
            "defmodule M do alias 1 end",
            "defmodule M do alias A, as: 1 end",
            "defmodule M do alias A.B, as: C.D end",
            "defmodule M do defmodule M do end end",
            "defmodule M do def __struct__, do: 1; defstruct [:a] end",
            "defmodule M do def f(x), do: x; def f(y, z), do: y end; M.f(1, 2, 3)",
            "alias A, as: B",
            "alias 1",
            "require 1",
            "import 1",
            "quote do 1 end",
            "unquote(1)",
            "super()",
            "binding()",
            "x.()",
            "x.(1, 2)",
            "(fn -> 1 end).()",
            "\"#{}\"",
            "\"#{;}\"",
            "\"#{1; 2}\"",
            "'#{x}'",
            "?\\u{110000}",
            ":\"\\u{0}\"",
            "[a: 1, b: 2][:a]",
            "%{a: 1}.a.b.c",
            "x[1][2][3]",
            "self.()",
        ])
    })
}

const BINARY_OPS: &[&str] = &[
    "+", "-", "*", "/", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "and", "or", "&&", "||",
    "<>", "++", "--", "in", "not in", "..", "|>", "=",
];

/// Operators that belong to other constructs, or that are not compiled.
const ODD_BINARY_OPS: &[&str] = &[
    "=~", "**", "::", "|", "when", "<-", "\\\\", "//", "->", "=>",
];

fn pattern(noisy: bool) -> S {
    cached("pattern", noisy, |noisy| {
        let leaf = union(
            noisy,
            vec![
                (6, ident(noisy)),
                (2, literal(noisy)),
                (2, var(noisy).prop_map(|v| format!("^{v}")).boxed()),
                (1, words("_ [] {} %{} %_{} %x{}")),
            ],
            vec![(
                1,
                strs(&["x()", "1 + 1", "&1", "@attr", "^1", "fn -> 1 end", "x.y"]),
            )],
        );
        leaf.prop_recursive(4, 24, 4, move |inner| {
            let kv = (kw_key(noisy), inner.clone());
            prop_oneof![
                3 => prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("{{{}}}", join(&items, ", "))),
                2 => prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", join(&items, ", "))),
                2 => (prop::collection::vec(inner.clone(), 1..3), inner.clone())
                    .prop_map(|(items, tail)| format!("[{} | {tail}]", join(&items, ", "))),
                2 => prop::collection::vec(kv.clone(), 0..3).prop_map(|kvs| {
                    let kvs: Vec<String> = kvs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                    format!("%{{{}}}", join(&kvs, ", "))
                }),
                1 => prop::collection::vec(
                    (prop_oneof![literal(noisy), var(noisy).prop_map(|v| format!("^{v}"))], inner.clone()),
                    0..3,
                )
                .prop_map(|kvs| {
                    let kvs: Vec<String> = kvs.iter().map(|(k, v)| format!("{k} => {v}")).collect();
                    format!("%{{{}}}", join(&kvs, ", "))
                }),
                1 => (alias(), prop::collection::vec(kv, 0..3)).prop_map(|(name, kvs)| {
                    let kvs: Vec<String> = kvs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                    format!("%{name}{{{}}}", join(&kvs, ", "))
                }),
                1 => (text(noisy), inner.clone()).prop_map(|(t, rest)| format!("\"{t}\" <> {rest}")),
                1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} = {b}")),
                1 => (integer(noisy), integer(noisy), prop::option::of(integer(noisy))).prop_map(
                    |(a, b, s)| match s {
                        Some(s) => format!("{a}..{b}//{s}"),
                        None => format!("{a}..{b}"),
                    }
                ),
                1 => inner.prop_map(|p| format!("({p})")),
            ]
        })
        .boxed()
    })
}

fn body_of(expr: &S) -> S {
    prop::collection::vec(expr.clone(), 1..3)
        .prop_map(|items| join(&items, "\n"))
        .boxed()
}

fn clause(noisy: bool, expr: &S, arity: std::ops::Range<usize>) -> S {
    (
        prop::collection::vec(pattern(noisy), arity),
        prop::option::weighted(0.3, expr.clone()),
        body_of(expr),
    )
        .prop_map(|(ps, guard, body)| match guard {
            Some(g) => format!("{} when {g} ->\n  {body}", join(&ps, ", ")),
            None => format!("{} -> {body}", join(&ps, ", ")),
        })
        .boxed()
}

fn clauses(noisy: bool, expr: &S, arity: std::ops::Range<usize>) -> S {
    prop::collection::vec(clause(noisy, expr, arity), 1..4)
        .prop_map(|cs| join(&cs, "\n"))
        .boxed()
}

/// Calls, data, operators and closures over `inner`.
fn compound_expr(noisy: bool, inner: S) -> S {
    let args = prop::collection::vec(inner.clone(), 0..4).prop_map(|a| join(&a, ", "));
    let kw = prop::collection::vec((kw_key(noisy), inner.clone()), 1..3).prop_map(|kvs| {
        let kvs: Vec<String> = kvs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        join(&kvs, ", ")
    });
    let i = || inner.clone();
    let normal: Vec<(u32, S)> = vec![
        (
            8,
            (i(), select(BINARY_OPS.to_vec()), i())
                .prop_map(|(a, op, b)| format!("{a} {op} {b}"))
                .boxed(),
        ),
        (
            2,
            (select(vec!["-", "+", "!", "not "]), i())
                .prop_map(|(op, a)| format!("{op}{a}"))
                .boxed(),
        ),
        (1, i().prop_map(|a| format!("({a})")).boxed()),
        (
            1,
            (i(), i()).prop_map(|(a, b)| format!("({a}; {b})")).boxed(),
        ),
        (
            4,
            (fun_name(noisy), args.clone())
                .prop_map(|(f, a)| format!("{f}({a})"))
                .boxed(),
        ),
        // A variable bound in an argument and read after the call, which
        // must outlive the callee's frame.
        (
            1,
            (
                select(vec!["inspect", "Enum.count", "List.wrap", "Kernel.inspect"]),
                var(noisy),
                i(),
            )
                .prop_map(|(f, v, a)| format!("({f}({v} = {a}); {v})"))
                .boxed(),
        ),
        // A call without parentheses, parenthesized: inside a container or an
        // argument list its commas or `do` would be ambiguous.
        (
            3,
            (fun_name(noisy), i())
                .prop_map(|(f, a)| format!("({f} {a})"))
                .boxed(),
        ),
        (
            1,
            (fun_name(noisy), prop::collection::vec(i(), 2..4))
                .prop_map(|(f, a)| format!("({f} {})", join(&a, ", ")))
                .boxed(),
        ),
        (
            2,
            (fun_name(noisy), args.clone(), kw.clone())
                .prop_map(|(f, a, k)| {
                    if a.is_empty() {
                        format!("{f}({k})")
                    } else {
                        format!("{f}({a}, {k})")
                    }
                })
                .boxed(),
        ),
        (
            3,
            (
                prop_oneof![alias(), words(":erlang :lists :maps x __MODULE__")],
                fun_name(noisy),
                args.clone(),
            )
                .prop_map(|(m, f, a)| format!("{m}.{f}({a})"))
                .boxed(),
        ),
        (
            1,
            (i(), kw_key(noisy))
                .prop_map(|(e, f)| format!("{e}.{f}"))
                .boxed(),
        ),
        (
            1,
            (i(), args.clone())
                .prop_map(|(e, a)| format!("{e}.({a})"))
                .boxed(),
        ),
        (1, (i(), i()).prop_map(|(e, k)| format!("{e}[{k}]")).boxed()),
        (3, args.clone().prop_map(|a| format!("{{{a}}}")).boxed()),
        (3, args.clone().prop_map(|a| format!("[{a}]")).boxed()),
        (
            1,
            (prop::collection::vec(i(), 1..3), i())
                .prop_map(|(a, t)| format!("[{} | {t}]", join(&a, ", ")))
                .boxed(),
        ),
        (1, kw.clone().prop_map(|k| format!("[{k}]")).boxed()),
        (
            2,
            prop::collection::vec((i(), i()), 0..3)
                .prop_map(|kvs| {
                    let kvs: Vec<String> = kvs.iter().map(|(k, v)| format!("{k} => {v}")).collect();
                    format!("%{{{}}}", join(&kvs, ", "))
                })
                .boxed(),
        ),
        (1, kw.clone().prop_map(|k| format!("%{{{k}}}")).boxed()),
        (
            1,
            (i(), kw.clone())
                .prop_map(|(m, k)| format!("%{{{m} | {k}}}"))
                .boxed(),
        ),
        (
            1,
            (alias(), prop::option::of(kw.clone()))
                .prop_map(|(a, k)| format!("%{a}{{{}}}", k.unwrap_or_default()))
                .boxed(),
        ),
        (
            1,
            (alias(), i(), kw)
                .prop_map(|(a, m, k)| format!("%{a}{{{m} | {k}}}"))
                .boxed(),
        ),
        (2, string_of(noisy, i())),
        (
            1,
            (i(), i(), prop::option::of(i()))
                .prop_map(|(a, b, s)| match s {
                    Some(s) => format!("{a}..{b}//{s}"),
                    None => format!("{a}..{b}"),
                })
                .boxed(),
        ),
        (
            1,
            (i(), fun_name(noisy), args)
                .prop_map(|(a, f, rest)| format!("{a} |> {f}({rest})"))
                .boxed(),
        ),
        (
            1,
            (pattern(noisy), i())
                .prop_map(|(p, e)| format!("{p} = {e}"))
                .boxed(),
        ),
        // Closures and captures.
        (
            2,
            clauses(noisy, &inner, 0..3)
                .prop_map(|cs| format!("fn\n{cs}\nend"))
                .boxed(),
        ),
        (
            2,
            (prop::collection::vec(pattern(noisy), 0..3), body_of(&inner))
                .prop_map(|(ps, b)| format!("fn {} -> {b} end", join(&ps, ", ")))
                .boxed(),
        ),
        (
            1,
            (fun_name(noisy), arity(noisy))
                .prop_map(|(f, n)| format!("&{f}/{n}"))
                .boxed(),
        ),
        (
            1,
            (alias(), fun_name(noisy), arity(noisy))
                .prop_map(|(m, f, n)| format!("&{m}.{f}/{n}"))
                .boxed(),
        ),
        (
            1,
            (i(), capture_arg(noisy))
                .prop_map(|(e, n)| format!("&({n} + {e})"))
                .boxed(),
        ),
        (
            1,
            (i(), capture_arg(noisy))
                .prop_map(|(e, n)| format!("&{{{n}, {e}}}"))
                .boxed(),
        ),
        (
            1,
            (i(), capture_arg(noisy))
                .prop_map(|(e, n)| format!("&[{n} | {e}]"))
                .boxed(),
        ),
        (
            1,
            (i(), capture_arg(noisy))
                .prop_map(|(e, n)| format!("&foo({n}, {e})"))
                .boxed(),
        ),
    ];
    let odd: Vec<(u32, S)> = vec![
        (
            2,
            (i(), select(ODD_BINARY_OPS.to_vec()), i())
                .prop_map(|(a, op, b)| format!("{a} {op} {b}"))
                .boxed(),
        ),
        (
            1,
            (select(vec!["^", "&", "@", "~", "..", "-"]), i())
                .prop_map(|(op, a)| format!("{op}{a}"))
                .boxed(),
        ),
        // A call without parentheses whose argument may hold a `do` block.
        (
            2,
            (fun_name(noisy), i())
                .prop_map(|(f, a)| format!("{f} {a}"))
                .boxed(),
        ),
        (1, i().prop_map(|e| format!("&({e})")).boxed()),
        // `@attr value` outside a module body.
        (
            1,
            (ident(noisy), i())
                .prop_map(|(n, v)| format!("@{n} {v}"))
                .boxed(),
        ),
    ];
    union(noisy, normal, odd)
}

/// Control forms over `inner`.
fn control_expr(noisy: bool, inner: S) -> S {
    let body = body_of(&inner);
    let guard = prop::option::weighted(0.3, inner.clone());
    let i = || inner.clone();
    let normal: Vec<(u32, S)> = vec![
        (
            2,
            (i(), body.clone(), prop::option::of(body.clone()))
                .prop_map(|(c, a, b)| match b {
                    Some(b) => format!("if {c} do\n  {a}\nelse\n  {b}\nend"),
                    None => format!("if {c} do\n  {a}\nend"),
                })
                .boxed(),
        ),
        (
            1,
            (i(), i(), i())
                .prop_map(|(c, a, b)| format!("if {c}, do: {a}, else: {b}"))
                .boxed(),
        ),
        (
            1,
            (i(), body.clone())
                .prop_map(|(c, a)| format!("unless {c} do\n  {a}\nend"))
                .boxed(),
        ),
        (
            1,
            (i(), i())
                .prop_map(|(c, a)| format!("unless({c}, do: {a})"))
                .boxed(),
        ),
        (
            4,
            (i(), clauses(noisy, &inner, 1..2))
                .prop_map(|(e, cs)| format!("case {e} do\n{cs}\nend"))
                .boxed(),
        ),
        (
            2,
            prop::collection::vec((i(), body.clone()), 1..4)
                .prop_map(|cs| {
                    let cs: Vec<String> = cs.iter().map(|(c, b)| format!("{c} -> {b}")).collect();
                    format!("cond do\n{}\nend", join(&cs, "\n"))
                })
                .boxed(),
        ),
        (
            2,
            (
                prop::collection::vec((pattern(noisy), guard.clone(), i(), any::<bool>()), 1..4),
                body.clone(),
                prop::option::of(clauses(noisy, &inner, 1..2)),
            )
                .prop_map(|(steps, b, els)| {
                    let steps: Vec<String> = steps
                        .iter()
                        .map(|(p, g, e, arrow)| match (g, arrow) {
                            (Some(g), true) => format!("{p} when {g} <- {e}"),
                            (None, true) => format!("{p} <- {e}"),
                            (_, false) => format!("{p} = {e}"),
                        })
                        .collect();
                    let steps = join(&steps, ",\n     ");
                    match els {
                        Some(e) => format!("with {steps} do\n  {b}\nelse\n{e}\nend"),
                        None => format!("with {steps} do\n  {b}\nend"),
                    }
                })
                .boxed(),
        ),
        (
            1,
            (pattern(noisy), i(), i())
                .prop_map(|(p, e, b)| format!("with {p} <- {e}, do: {b}"))
                .boxed(),
        ),
        (
            3,
            (
                prop::collection::vec((pattern(noisy), guard, i(), any::<bool>()), 1..4),
                prop::option::weighted(0.3, (0u8..3, i())),
                body.clone(),
            )
                .prop_map(|(gens, opt, b)| {
                    let gens: Vec<String> = gens
                        .iter()
                        .enumerate()
                        .map(|(k, (p, g, e, arrow))| match (g, *arrow || k == 0) {
                            (Some(g), true) => format!("{p} when {g} <- {e}"),
                            (None, true) => format!("{p} <- {e}"),
                            (_, false) => e.clone(),
                        })
                        .collect();
                    let mut head = join(&gens, ", ");
                    match opt {
                        Some((0, e)) => head.push_str(&format!(", into: {e}")),
                        Some((1, _)) => head.push_str(", uniq: true"),
                        Some((_, e)) => {
                            return format!("for {head}, reduce: {e} do\n  acc -> {b}\nend");
                        }
                        None => {}
                    }
                    format!("for {head} do\n  {b}\nend")
                })
                .boxed(),
        ),
        (
            1,
            (pattern(noisy), i(), i())
                .prop_map(|(p, e, b)| format!("for {p} <- {e}, do: {b}"))
                .boxed(),
        ),
        (
            3,
            (
                body.clone(),
                prop::option::of(prop::collection::vec(
                    (0u8..5, ident(noisy), alias(), body.clone()),
                    1..3,
                )),
                prop::option::of(clauses(noisy, &inner, 1..3)),
                prop::option::weighted(0.2, clauses(noisy, &inner, 1..2)),
                prop::option::of(body.clone()),
            )
                .prop_map(|(b, rescue, catch, els, after)| {
                    let mut s = format!("try do\n  {b}\n");
                    if let Some(rs) = rescue {
                        s.push_str("rescue\n");
                        for (kind, v, a, body) in rs {
                            let head = match kind {
                                0 => format!("{v} in [{a}, ArgumentError]"),
                                1 => format!("{v} in {a}"),
                                2 => a,
                                3 => v,
                                _ => "_".to_string(),
                            };
                            s.push_str(&format!("  {head} -> {body}\n"));
                        }
                    }
                    if let Some(c) = catch {
                        s.push_str(&format!("catch\n{c}\n"));
                    }
                    if let Some(e) = els {
                        s.push_str(&format!("else\n{e}\n"));
                    }
                    if let Some(a) = after {
                        s.push_str(&format!("after\n  {a}\n"));
                    }
                    s.push_str("end");
                    s
                })
                .boxed(),
        ),
        (
            2,
            (
                clauses(noisy, &inner, 1..2),
                prop::option::of((i(), body.clone())),
            )
                .prop_map(|(cs, after)| match after {
                    Some((t, b)) => format!("receive do\n{cs}\nafter\n  {t} -> {b}\nend"),
                    None => format!("receive do\n{cs}\nend"),
                })
                .boxed(),
        ),
        (1, i().prop_map(|e| format!("raise {e}")).boxed()),
        (
            1,
            (alias(), i())
                .prop_map(|(a, e)| format!("raise {a}, message: {e}"))
                .boxed(),
        ),
        (
            1,
            i().prop_map(|e| format!("reraise {e}, __STACKTRACE__"))
                .boxed(),
        ),
        (
            1,
            (i(), i())
                .prop_map(|(a, b)| format!("apply({a}, {b})"))
                .boxed(),
        ),
    ];
    let odd: Vec<(u32, S)> = vec![
        (
            1,
            (
                i(),
                prop::collection::vec(clause(noisy, &inner, 0..3), 0..3),
            )
                .prop_map(|(e, cs)| format!("case {e} do\n{}\nend", join(&cs, "\n")))
                .boxed(),
        ),
        (
            1,
            (body.clone(), body.clone())
                .prop_map(|(a, b)| format!("receive do\n  {a}\nafter\n  {b}\nend"))
                .boxed(),
        ),
        (
            1,
            (i(), body.clone())
                .prop_map(|(c, a)| format!("cond do\n  {c}\nelse\n  {a}\nend"))
                .boxed(),
        ),
        (
            1,
            (i(), body)
                .prop_map(|(c, a)| format!("for {c} do\n  {a}\nend"))
                .boxed(),
        ),
    ];
    union(noisy, normal, odd)
}

fn expr(noisy: bool) -> S {
    cached("expr", noisy, |noisy| {
        leaf_expr(noisy)
            .prop_recursive(5, 48, 4, move |inner| {
                // A do-block form as an argument of a call without parentheses
                // takes that call's `do`: parenthesize them.
                let paren = control_expr(noisy, inner.clone()).prop_map(|s| format!("({s})"));
                union(
                    noisy,
                    vec![(8, compound_expr(noisy, inner.clone())), (3, paren.boxed())],
                    vec![(1, control_expr(noisy, inner))],
                )
            })
            .boxed()
    })
}

fn params(noisy: bool) -> S {
    cached("params", noisy, |noisy| {
        prop::collection::vec(
            prop_oneof![
                5 => pattern(noisy),
                2 => (ident(noisy), leaf_expr(noisy)).prop_map(|(v, d)| format!("{v} \\\\ {d}")),
                1 => (pattern(noisy), expr(noisy)).prop_map(|(p, d)| format!("{p} \\\\ {d}")),
            ],
            0..4,
        )
        .prop_map(|ps| join(&ps, ", "))
        .boxed()
    })
}

/// Binds the variables [`var`] names (most generated programs and function
/// bodies start with it, so that more of them compile).
const BINDINGS: &str = "x = 1; y = [2]; z = %{a: 3}; acc = 0; n = 5; list = [1, 2]; map = %{}; \
    value = :v; head = 1; tail = []; rest = \"\"; pid = self(); state = {1, 2}; \
    f = fn a -> a end; key = :k";

fn def(noisy: bool) -> S {
    cached("def", noisy, |noisy| {
        let kind = union(
            noisy,
            vec![
                (3, Just("def".to_string()).boxed()),
                (1, Just("defp".to_string()).boxed()),
            ],
            vec![(1, words("defmacro defmacrop defguard"))],
        );
        (
            kind,
            fun_name(noisy),
            params(noisy),
            prop::option::weighted(0.3, (expr(noisy), prop::option::weighted(0.2, expr(noisy)))),
            0u8..6,
            body_of(&expr(noisy)),
            prop::bool::weighted(0.7),
        )
            .prop_map(|(kw, name, ps, guard, form, body, bind)| {
                let body = if bind {
                    format!("{BINDINGS}\n{body}")
                } else {
                    body
                };
                let guard = match guard {
                    Some((g, Some(g2))) => format!(" when {g} when {g2}"),
                    Some((g, None)) => format!(" when {g}"),
                    None => String::new(),
                };
                match form {
                    0 => format!("{kw} {name}({ps}){guard}, do: ({body})"),
                    1 => format!("{kw} {name}({ps})"),
                    2 => format!("{kw} {name}{guard} do\n    {body}\n  end"),
                    _ => format!("{kw} {name}({ps}){guard} do\n    {body}\n  end"),
                }
            })
            .boxed()
    })
}

fn module_item(noisy: bool, nested: Option<S>) -> S {
    let mut normal: Vec<(u32, S)> = vec![
        (8, def(noisy)),
        (
            2,
            (kw_key(noisy), expr(noisy))
                .prop_map(|(n, v)| format!("@{n} {v}"))
                .boxed(),
        ),
        (
            1,
            strs(&[
                "@doc \"\"\"\n  Docs.\n  \"\"\"",
                "@moduledoc false",
                "@spec f(integer) :: integer",
                "@impl true",
                "@behaviour GenServer",
                "require Logger",
                "alias Foo.Bar",
                "alias Foo.Bar, as: Baz",
                "alias __MODULE__.Point",
                "defstruct [:a, :b]",
                "defstruct [a: 1, b: :two, c: \"three\"]",
                "defstruct a: 1",
                "defexception [:message]",
                "defexception message: \"boom\"",
                "defstruct []",
                "defstruct [x: @attr]",
                "defstruct [x: self()]",
            ]),
        ),
        (
            1,
            prop::collection::vec((kw_key(noisy), literal(noisy)), 0..3)
                .prop_map(|fs| {
                    let fs: Vec<String> = fs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                    format!("defstruct [{}]", join(&fs, ", "))
                })
                .boxed(),
        ),
    ];
    if let Some(n) = nested {
        normal.push((1, n));
    }
    let odd: Vec<(u32, S)> = vec![
        (1, expr(noisy)),
        (1, edge_snippet()),
        (
            1,
            strs(&[
                "@attr",
                "import Enum",
                "use GenServer",
                "defstruct [1, 2]",
                "def",
                "end",
            ]),
        ),
    ];
    union(noisy, normal, odd)
}

fn module_of(items: S) -> S {
    (alias(), prop::collection::vec(items, 0..6))
        .prop_map(|(name, items)| format!("defmodule {name} do\n  {}\nend", join(&items, "\n  ")))
        .boxed()
}

fn module(noisy: bool) -> S {
    cached("module", noisy, |noisy| {
        let inner = module_of(module_item(noisy, None));
        module_of(module_item(noisy, Some(inner)))
    })
}

/// A program of modules and top-level expressions: valid syntax three
/// times in four, else noisy.
fn plain_program() -> S {
    cached("plain_program", false, |_| {
        let program = |noisy: bool| {
            let statement = union(
                noisy,
                vec![
                    (3, expr(noisy)),
                    (1, control_expr(noisy, expr(noisy))),
                    (2, module(noisy)),
                ],
                vec![(2, edge_snippet())],
            );
            // Most programs first bind the variables the generator uses.
            (
                prop::bool::weighted(0.7),
                prop::collection::vec(statement, 1..5),
            )
                .prop_map(|(bind, s)| {
                    let pre = if bind {
                        format!("{BINDINGS}\n")
                    } else {
                        String::new()
                    };
                    format!("{pre}{}", join(&s, "\n"))
                })
                .boxed()
        };
        prop_oneof![
            3 => program(false),
            1 => program(true),
        ]
        .boxed()
    })
}

/// Very deep programs: a chain of up to a few hundred wrappers.
fn deep_program() -> BoxedStrategy<String> {
    cached("deep_program", false, |_| {
        const WRAPPERS: &[&str] = &[
            "(X)",
            "[X]",
            "{X}",
            "{1, X}",
            "%{a: X}",
            "%{X => 1}",
            "[X | []]",
            "[1 | X]",
            "fn -> X end",
            "fn x -> X end",
            "if X do 1 end",
            "if true do X end",
            "if(true, do: X)",
            "unless X, do: 1",
            "case X do _ -> 1 end",
            "case 1 do _ -> X end",
            "case 1 do {X} -> 1 end",
            "-X",
            "!X",
            "not X",
            "X + 1",
            "1 + X",
            "x = X",
            "{X} = 1",
            "X |> f()",
            "f(X)",
            "Mod.f(X)",
            "X.(1)",
            "X.field",
            "X[1]",
            "\"#{X}\"",
            "\"a#{X}b\"",
            "&(X)",
            "try do X rescue _ -> 1 end",
            "try do 1 after X end",
            "receive do _ -> X end",
            "receive do X -> 1 end",
            "for x <- X, do: x",
            "for x <- [1], do: X",
            "with {:ok, x} <- X, do: x",
            "with x <- 1, do: X",
            "cond do X -> 1 end",
            "cond do true -> X end",
            "fn x -> X end.(1)",
            "(1; X)",
            "[a: X]",
            "f(a: X)",
            "%Point{x: X}",
            "x when X",
            "X and true",
            "X || nil",
            "X .. 1",
            "X <> \"\"",
            "&{&1, X}",
            "fn {X} -> 1 end",
            "%{x | a: X}",
            "raise X",
            "defmodule M do def f do X end end",
            "defmodule M do @a X\n def f, do: @a end",
            "defmodule M do def f(X), do: 1 end",
            "defmodule M do def f(x) when X, do: 1 end",
            "defmodule M do def f(x \\\\ X), do: 1 end",
            "defmodule M do X end",
        ];
        let leaf = prop_oneof![
            4 => words("1 x :ok [] \"s\" &1 y ^x _"),
            1 => leaf_expr(true),
        ];
        let chain = prop::collection::vec(select(WRAPPERS.to_vec()), 1..400);
        let uniform = (select(WRAPPERS.to_vec()), 1usize..700).prop_map(|(w, n)| vec![w; n]);
        (prop_oneof![2 => chain, 1 => uniform], leaf)
            .prop_map(|(wrappers, leaf)| {
                wrappers
                    .iter()
                    .rev()
                    .fold(leaf, |inner, w| w.replacen('X', &inner, 1))
            })
            .boxed()
    })
}

/// Long flat programs: thousands of arguments, clauses, generators,
/// elements, statements or operators.
fn wide_program() -> BoxedStrategy<String> {
    cached("wide_program", false, |_| {
        // (prefix, item, separator, suffix)
        const SHAPES: &[(&str, &str, &str, &str)] = &[
            ("{", "x", ", ", "}"),
            ("[", "x", ", ", "]"),
            ("f(", "x", ", ", ")"),
            ("Mod.f(", "x", ", ", ")"),
            ("fn ", "x", ", ", " -> 1 end"),
            ("{", "_", ", ", "} = 1"),
            ("%{", "x => x", ", ", "}"),
            ("\"", "#{x}", "", "\""),
            ("for ", "x <- [1]", ", ", ", do: 1"),
            ("with ", "{:ok, x} <- x", ", ", ", do: x"),
            ("cond do\n", "x -> 1", "\n", "\nend"),
            ("case 1 do\n", "x -> 1", "\n", "\nend"),
            ("", "x = 1", "\n", ""),
            ("", "1", " + ", ""),
            ("x", " |> f()", "", ""),
            ("x", ".(1)", "", ""),
            ("x", "[1]", "", ""),
            ("x", ".a", "", ""),
            ("f ", "f ", "", "1"),
            ("", "for x <- [1], do: ", "", "1"),
            ("", "[x]", " ++ ", ""),
            ("defmodule M do\n", "def f(x), do: x", "\n", "\nend"),
            (
                "defmodule M do\n",
                "def f(a \\\\ 1, b \\\\ 2)",
                "\n",
                "\nend",
            ),
            ("defmodule M do\n", "@a 1", "\n", "\ndef f, do: @a\nend"),
            (
                "defmodule M do\n@a [1]\n",
                "@a {@a, @a}",
                "\n",
                "\ndef f, do: @a\nend",
            ),
            (
                "defmodule M do\n@a [x]\n",
                "@a [@a, @a]",
                "\n",
                "\ndef f(x), do: @a\nend",
            ),
            ("defmodule M do\n@a 1\ndef f, do: [", "@a", ", ", "]\nend"),
            ("&{", "&1", ", ", "}"),
            ("&f(", "&1", ", ", ")"),
            ("[", "a: 1", ", ", "]"),
            ("x = 1\n[", "x", ", ", "]"),
            ("x = 1\n{", "x", ", ", "}"),
            ("fn ", "{x}", ", ", " -> x end"),
        ];
        (select(SHAPES.to_vec()), 1usize..70_000, 0u8..4)
            .prop_map(|((prefix, item, sep, suffix), n, scale)| {
                // Mostly a few hundred, sometimes tens of thousands.
                let n = match scale {
                    0 => n,
                    _ => n % 600 + 1,
                };
                let mut s = String::with_capacity(
                    prefix.len() + n * (item.len() + sep.len()) + suffix.len(),
                );
                s.push_str(prefix);
                for i in 0..n {
                    if i > 0 {
                        s.push_str(sep);
                    }
                    s.push_str(item);
                }
                s.push_str(suffix);
                s
            })
            .boxed()
    })
}

/// A whole generated program: mostly [`plain_program`], sometimes mutated
/// afterwards, very deep or very wide.
fn generated_program() -> BoxedStrategy<String> {
    cached("generated_program", false, |_| {
        prop_oneof![
            12 => plain_program(),
            3 => (plain_program(), mutations()).prop_map(|(p, ms)| mutate(&p, &ms)),
            2 => deep_program(),
            1 => wide_program(),
        ]
        .boxed()
    })
}

// ---------------------------------------------------------------------------
// Strategy 2: mutations of real programs
// ---------------------------------------------------------------------------

/// The corpus: `tests/conformance/{core,otp}/*.exs` and `lang-examples/*.exs`.
fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dirs = [
            root.join("tests/conformance/core"),
            root.join("tests/conformance/otp"),
            root.join("lang-examples"),
        ];
        let mut files: Vec<PathBuf> = dirs
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "exs"))
            .collect();
        files.sort();
        let mut texts: Vec<String> = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        // `use` is not compiled yet and stops the compiler early: also take
        // the programs without it, so that their modules are compiled.
        let without_use: Vec<String> = texts
            .iter()
            .filter(|t| t.lines().any(|l| l.trim_start().starts_with("use ")))
            .map(|t| {
                t.lines()
                    .filter(|l| !l.trim_start().starts_with("use "))
                    .map(|l| format!("{l}\n"))
                    .collect()
            })
            .collect();
        texts.extend(without_use);
        assert!(
            texts.len() > 50,
            "the fuzz corpus is missing: found {} programs under {}",
            texts.len(),
            root.display()
        );
        texts
    })
}

/// Tokens worth inserting.
const DICTIONARY: &[&str] = &[
    "do",
    "end",
    "fn",
    "->",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "%{",
    "%",
    "|>",
    "&",
    "&1",
    "&0",
    "^",
    "@",
    "\"",
    "\"#{",
    "}\"",
    "#{",
    "\\\\",
    "when",
    "<-",
    "\"\"\"",
    ",",
    ";",
    "\n",
    "::",
    "..",
    "//",
    "?",
    ":",
    "'",
    "Ω",
    "🎉",
    "=",
    "|",
    "else",
    "after",
    "rescue",
    "catch",
    ".",
    ".(",
    "def ",
    "defmodule ",
    "case ",
    "x",
    "_",
    "__MODULE__",
    "99999999999999999999999",
    "not ",
    "in",
    "and",
    "=>",
    "a:",
    "~",
    "\\",
    "#",
    "\t",
    "\r",
    "\u{0}",
    " ",
    "__STACKTRACE__",
];

/// Values worth putting in place of a word (a name or a number).
const VALUES: &[&str] = &[
    "0",
    "-1",
    "99999999999999999999",
    "1.0e308",
    ":atom",
    "nil",
    "x",
    "_",
    "self()",
    "\"s\"",
    "[]",
    "%{}",
    "{}",
    "&1",
    "__MODULE__",
    "9223372036854775808",
    "fn -> 1 end",
    "@a",
    "^x",
];

/// One change to a program. Line and word changes mostly keep it parseable
/// (so the compiler sees it); token changes mostly break it.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteLines(Index, u8),
    DuplicateLines(Index, u8, u8),
    SwapLines(Index, Index),
    /// Replaces a word by another word of the program.
    ReplaceWord(Index, Index),
    /// Replaces a word by one of [`VALUES`].
    SetWord(Index, &'static str),
    Delete(Index, u8),
    Duplicate(Index, u8, u8),
    Swap(Index, Index),
    Truncate(Index),
    Splice(Index, Index),
    Insert(Index, &'static str),
    FlipByte(Index, u8),
}

fn mutations() -> BoxedStrategy<Vec<Mutation>> {
    let i = any::<Index>;
    let m = prop_oneof![
        3 => (i(), 1u8..4).prop_map(|(i, n)| Mutation::DeleteLines(i, n)),
        3 => (i(), 1u8..6, 1u8..4).prop_map(|(i, n, k)| Mutation::DuplicateLines(i, n, k)),
        2 => (i(), i()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        5 => (i(), i()).prop_map(|(a, b)| Mutation::ReplaceWord(a, b)),
        4 => (i(), select(VALUES.to_vec())).prop_map(|(i, v)| Mutation::SetWord(i, v)),
        2 => (i(), 1u8..4).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (i(), 1u8..8, 1u8..4).prop_map(|(i, n, k)| Mutation::Duplicate(i, n, k)),
        1 => (i(), i()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        1 => i().prop_map(Mutation::Truncate),
        1 => (i(), i()).prop_map(|(a, b)| Mutation::Splice(a, b)),
        2 => (i(), select(DICTIONARY.to_vec())).prop_map(|(i, t)| Mutation::Insert(i, t)),
        1 => (i(), 0u8..8).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
    ];
    prop_oneof![
        3 => prop::collection::vec(m.clone(), 1..3),
        1 => prop::collection::vec(m, 3..8),
    ]
    .boxed()
}

fn is_word(token: &str) -> bool {
    token.starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

fn mutate(source: &str, mutations: &[Mutation]) -> String {
    let mut text = source.to_string();
    for m in mutations {
        let mut lines: Vec<String> = text.split_inclusive('\n').map(String::from).collect();
        let mut tokens = rough_tokens(&text);
        if lines.is_empty() {
            lines.push(String::new());
        }
        if tokens.is_empty() {
            tokens.push(String::new());
        }
        let (nl, len) = (lines.len(), tokens.len());
        // The indices of the word tokens (at least one index, to pick from).
        let words: Vec<usize> = (0..len).filter(|&k| is_word(&tokens[k])).collect();
        let words = if words.is_empty() { vec![0] } else { words };
        let mut by_lines = true;
        match m {
            Mutation::DeleteLines(i, n) => {
                let i = i.index(nl);
                lines.drain(i..(i + *n as usize).min(nl));
            }
            Mutation::DuplicateLines(i, n, k) => {
                let i = i.index(nl);
                let run: Vec<String> = lines[i..(i + *n as usize).min(nl)].to_vec();
                for _ in 0..*k {
                    lines.splice(i..i, run.iter().cloned());
                }
            }
            Mutation::SwapLines(a, b) => lines.swap(a.index(nl), b.index(nl)),
            _ => by_lines = false,
        }
        if by_lines {
            text = lines.concat();
            continue;
        }
        match m {
            Mutation::ReplaceWord(a, b) => {
                tokens[words[a.index(words.len())]] = tokens[words[b.index(words.len())]].clone();
            }
            Mutation::SetWord(a, v) => tokens[words[a.index(words.len())]] = v.to_string(),
            Mutation::Delete(i, n) => {
                let i = i.index(len);
                tokens.drain(i..(i + *n as usize).min(len));
            }
            Mutation::Duplicate(i, n, k) => {
                let i = i.index(len);
                let run: Vec<String> = tokens[i..(i + *n as usize).min(len)].to_vec();
                for _ in 0..*k {
                    tokens.splice(i..i, run.iter().cloned());
                }
            }
            Mutation::Swap(a, b) => tokens.swap(a.index(len), b.index(len)),
            Mutation::Truncate(i) => tokens.truncate(i.index(len)),
            Mutation::Splice(a, b) => {
                let t = tokens[b.index(len)].clone();
                tokens[a.index(len)] = t;
            }
            Mutation::Insert(i, t) => tokens.insert(i.index(len + 1), t.to_string()),
            Mutation::FlipByte(i, bit) => {
                let i = i.index(len);
                let mut bytes = tokens[i].clone().into_bytes();
                if let Some(b) = bytes.first_mut() {
                    *b ^= 1 << bit;
                }
                tokens[i] = String::from_utf8_lossy(&bytes).into_owned();
            }
            Mutation::DeleteLines(..) | Mutation::DuplicateLines(..) | Mutation::SwapLines(..) => {}
        }
        text = tokens.concat();
    }
    text
}

fn mutated_corpus_program() -> BoxedStrategy<String> {
    cached("mutated_corpus_program", false, |_| {
        let n = corpus().len();
        (0..n, mutations())
            .prop_map(|(i, ms)| mutate(&corpus()[i], &ms))
            .boxed()
    })
}

// ---------------------------------------------------------------------------
// Fixed inputs: deep nesting at the parser's limit, and crash regressions
// ---------------------------------------------------------------------------

/// `template` (with one `X`) nested `n` times around `leaf`.
fn nest(template: &str, n: usize, leaf: &str) -> String {
    (0..n).fold(leaf.to_string(), |inner, _| {
        template.replacen('X', &inner, 1)
    })
}

/// Nesting up to the parser's limit must not overflow the compiler's stack:
/// for each shape, the deepest input the parser accepts compiles (or gives
/// a diagnostic) on a 2 MiB stack.
#[test]
fn deepest_accepted_nesting_compiles() {
    let shapes = [
        "(X)",
        "[X]",
        "{X}",
        "%{a: X}",
        "f(X)",
        "-(X)",
        "!X",
        "X + 1",
        "1 + X",
        "x = X",
        "X |> f()",
        "fn -> X end",
        "if true do X end",
        "case 1 do _ -> X end",
        "case (X) do _ -> 1 end",
        "f X",
        "if X, do: 1",
        "if true, do: X",
        "\"#{X}\"",
        "[1 | X]",
        "{X} = 1",
        "&(X)",
        "try do X after 1 end",
        "for x <- [1], do: X",
        "with x <- X, do: x",
        "cond do X -> 1 end",
        "receive do _ -> X end",
        "x when X",
        "not X",
        "X.(1)",
        "X[1]",
        "X.a",
        "fn {X} -> 1 end",
        "defmodule M do def f do X end end",
        "defmodule M do def f(X), do: 1 end",
    ];
    for shape in shapes {
        // Binary search the deepest nesting the parser accepts.
        let (mut lo, mut hi) = (1usize, 2048usize);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if vial_syntax::parse(&nest(shape, mid, "x")).1.is_empty() {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        println!("{shape}: nested {lo} times");
        assert!(lo < 2048, "{shape}: the parser accepts any depth");
        for leaf in ["x", "1", "&1", "{:ok, x}"] {
            assert_no_crash(&nest(shape, lo, leaf));
            assert_no_crash(&nest(shape, lo + 1, leaf));
        }
    }
}

/// The generator itself: its plain programs mostly parse, and some compile.
#[test]
fn generator_produces_mostly_valid_programs() {
    let mut runner = TestRunner::deterministic();
    let strategy = plain_program();
    let (mut parsed, mut compiled, n) = (0, 0, 200);
    for _ in 0..n {
        let source = strategy.new_tree(&mut runner).expect("a case").current();
        match assert_no_crash(&source) {
            Outcome::SyntaxError => {}
            Outcome::CompileError => parsed += 1,
            Outcome::Compiled => {
                parsed += 1;
                compiled += 1;
            }
        }
    }
    assert!(
        parsed * 2 > n,
        "only {parsed} of {n} generated programs parse"
    );
    assert!(
        compiled * 20 > n,
        "only {compiled} of {n} generated programs compile"
    );
}

#[test]
fn minimizer_keeps_the_failure() {
    let input = "a = 1\nb = (1 + boom(2))\nc = 3\n";
    let minimal = minimize(input, &|s| s.contains("boom"));
    assert_eq!(minimal, "boom");
}

/// Element counts were cast to 16 and 8 bits: a map of more than 32767
/// entries overflowed `2 * n as u16`, larger tuples, lists and strings
/// wrapped their register counts, and calls with more than 255 arguments
/// were compiled with their argument count truncated.
#[test]
fn regression_too_many_elements_or_arguments() {
    let many = |item: &str, n: usize| vec![item; n].join(", ");
    let x = "x = 1\n";
    let map = format!("{x}%{{{}}}", many("x => x", 32_768));
    assert_eq!(assert_no_crash(&map), Outcome::CompileError);
    for n in [32_768, 70_000] {
        let fits = if n < 65_000 {
            Outcome::Compiled
        } else {
            Outcome::CompileError
        };
        assert_eq!(assert_no_crash(&format!("{x}{{{}}}", many("x", n))), fits);
        assert_eq!(assert_no_crash(&format!("{x}[{}]", many("x", n))), fits);
        let s = format!("{x}\"{}\"", "#{x}".repeat(n));
        assert_eq!(assert_no_crash(&s), fits);
    }
    for (n, outcome) in [(255, Outcome::Compiled), (256, Outcome::CompileError)] {
        let params = (0..n)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let args = many("x", n);
        let cases = [
            format!("defmodule M do\n  def f({params}), do: 1\n  def g(x), do: f({args})\nend"),
            format!("defmodule M do\n  def f({params}), do: 1\n  def g(x), do: M.f({args})\nend"),
            format!("{x}f = fn {params} -> 1 end\nf.({args})"),
            format!("{x}m = M\nm.f({args})"),
            format!(
                "&{{{}}}",
                (1..=n)
                    .map(|i| format!("&{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("defmodule M do\n  def f({params}), do: 1\n  def g, do: &f/{n}\nend"),
            format!("defmodule M do\n  def f(a \\\\ 1, {params}), do: 1\nend"),
        ];
        for source in cases {
            let got = assert_no_crash(&source);
            let want = if source.contains("\\\\") {
                Outcome::CompileError
            } else {
                outcome.clone()
            };
            assert_eq!(
                got,
                want,
                "{n} arguments:\n{}",
                &source[..source.len().min(300)]
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Crashes found by fuzzing
// ---------------------------------------------------------------------------

/// The parser's nesting limit missed two kinds of nesting, whose trees then
/// overflowed the stack (even the main thread's, in `vial`): calls without
/// parentheses nested through their comma-separated arguments (the count
/// was reset at each comma), and postfix chains (`x[0][0]...`, `f.(1).(1)`,
/// each bracket closed before the next).
#[test]
fn regression_unbounded_nesting_past_the_parser() {
    let cases = [
        format!("x = [1]\nx{}", "[0]".repeat(100_000)),
        format!("f = fn a -> a end\nf{}", ".(1)".repeat(100_000)),
        format!("{}1", "for x <- [1], do: ".repeat(2_000)),
        format!("{}1", "if true, do: ".repeat(2_000)),
        format!("{}1", "f a: ".repeat(2_000)),
        format!("{}x", "g ".repeat(5_000)),
    ];
    for source in cases {
        assert_eq!(
            assert_no_crash(&source),
            Outcome::SyntaxError,
            "{}",
            &source[..60]
        );
    }
}

/// A function with only a body-less head indexed its (empty) clause list.
#[test]
fn regression_bodyless_head_only() {
    let o = assert_no_crash("defmodule M do\n  def f(a)\nend");
    assert_eq!(o, Outcome::CompileError);
    let o = assert_no_crash("defmodule M do\n  defp g(a, b \\\\ 1)\nend");
    assert_eq!(o, Outcome::CompileError);
    let o = assert_no_crash("defmodule M do\n  def f(a, b \\\\ 1)\n  def f(a, b), do: a + b\nend");
    assert_eq!(o, Outcome::Compiled);
}

/// Defaults declared by more than one clause of a function.
#[test]
fn regression_defaults_in_several_clauses() {
    assert_no_crash("defmodule M do\n  def f(a \\\\ 1), do: a\n  def f(b \\\\ 2), do: b\nend");
    assert_no_crash(
        "defmodule M do\n  def f(a \\\\ 1, b), do: a\n  def f(a, b \\\\ 2), do: b\n  def f(a \\\\ 1, b \\\\ 2), do: b\nend",
    );
}

/// Thousands of generators in one `for` nested the rewritten expression
/// thousands of levels deep: a stack overflow.
#[test]
fn regression_for_with_many_generators() {
    for n in [100, 101, 5_000, 60_000] {
        let source = format!("for {}, do: 1", vec!["x <- [1]"; n].join(", "));
        assert_no_crash(&source);
    }
}

/// `try ... after` compiled its `after` code twice (for the normal and the
/// exceptional way out), so nested `try`s took time and space exponential
/// in their depth: a hang.
#[test]
fn regression_nested_try_after() {
    let start = Instant::now();
    for shape in [
        "try do X after 1 end",
        "try do 1 after X end",
        "try do 1 rescue _ -> 2 after X end",
    ] {
        assert_eq!(
            assert_no_crash(&nest(shape, 160, "x = 1")),
            Outcome::Compiled
        );
    }
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
}

/// Each read of a module attribute copies its value: attributes built from
/// attributes doubled at each step, out of memory in a few dozen lines.
#[test]
fn regression_attribute_copies_grow_exponentially() {
    let doubling = |n: usize| {
        let steps = "  @a {@a, @a}\n".repeat(n);
        format!("defmodule M do\n  @a [1]\n{steps}  def f, do: @a\nend\n")
    };
    assert_eq!(assert_no_crash(&doubling(10)), Outcome::Compiled);
    assert_eq!(assert_no_crash(&doubling(60)), Outcome::CompileError);
    let reads = format!(
        "defmodule M do\n  @a {}\n  def f, do: [{}]\nend",
        doubling(0).len(),
        vec!["@a"; 100_000].join(", ")
    );
    assert_no_crash(&reads);
}

/// For tuning the strategies: what becomes of their inputs, by first
/// diagnostic, with an example of each (`-- --ignored --nocapture`;
/// `VIAL_FUZZ_REPORT=generated` or `mutated` for those strategies instead of
/// the plain generated programs).
#[test]
#[ignore]
fn generator_report() {
    let mut runner = TestRunner::deterministic();
    let strategy = match std::env::var("VIAL_FUZZ_REPORT").as_deref() {
        Ok("generated") => generated_program(),
        Ok("mutated") => mutated_corpus_program(),
        _ => plain_program(),
    };
    let mut counts = std::collections::BTreeMap::new();
    for i in 0..400 {
        let source = strategy.new_tree(&mut runner).expect("a case").current();
        let (ast, d) = vial_syntax::parse(&source);
        let msg = match d.first() {
            Some(d) => {
                let at = (d.span.start as usize).min(source.len());
                let snippet: String = source[at..].chars().take(30).collect();
                format!("SYNTAX {} AT {snippet:?}", d.message)
            }
            None => match compile("f.exs", &source, &ast, Mode::Script) {
                Ok(_) => "OK".to_string(),
                Err(d) => format!("COMPILE {}", d.message),
            },
        };
        let key: String = msg.chars().take(40).collect();
        let c = counts.entry(key).or_insert(0);
        *c += 1;
        if *c == 1 && source.len() < 1500 && i < 10_000 {
            println!("----- {msg}\n{}", source.replace(BINDINGS, "<bindings>"));
        }
    }
    for (k, v) in counts {
        println!("{v:5} {k}");
    }
}

/// `&0` in a capture that also uses `&1`: the register of `&0` was computed
/// as `base + 0 - 1`, an underflow.
#[test]
fn regression_capture_argument_zero() {
    for source in [
        "&(&0 + &1)",
        "&{&1, &0}",
        "f = &(&1 + &0)\nf.(1)",
        "&[&1 | &0]",
    ] {
        assert_eq!(assert_no_crash(source), Outcome::CompileError, "{source}");
    }
}

/// A zero-arity function with a guard: its no-clause failure read an
/// argument tuple register it never wrote (found once the fuzzer ran the
/// loader's write-before-read check).
#[test]
fn regression_zero_arity_clause_failure_writes_its_register() {
    let source = "defmodule F do\n  def f when -0 do\n    k = :k\n  end\nend\n";
    assert_eq!(assert_no_crash(source), Outcome::Compiled);
}
