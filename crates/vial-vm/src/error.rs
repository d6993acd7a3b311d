//! Exceptions: what a raise carries while it unwinds a process's frames, and
//! the built-in Elixir exception structs the VM raises.

use crate::atom::Atom;
use crate::bytecode::Class;
use crate::inspect::inspect;
use crate::term::{Map, Term};
use std::sync::Arc;

/// One entry of a stack trace: the function and where in its source.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub module: Atom,
    pub function: Atom,
    pub arity: u32,
    /// The arguments, for the call an `undef` or `function_clause` error
    /// is about: the BEAM shows them in its frame in place of the arity.
    pub args: Option<Term>,
    /// Empty for a frame with no location (a function that does not
    /// exist).
    pub file: Arc<str>,
    pub line: u32,
}

/// The call an `undef` or `function_clause` error is about, with its
/// arguments (`Exception::call`).
#[derive(Clone, Debug)]
pub struct FailedCall {
    pub module: Atom,
    pub function: Atom,
    pub args: Term,
    /// Whether the call has a frame of its own on top of the trace (an
    /// undefined function's, which never ran), or is that of the top
    /// frame (a function none of whose clauses matched).
    pub own_frame: bool,
}

/// A raised exception: `class` and `reason` as in `catch class, reason`.
/// For class `Error` the reason is normally an exception struct
/// (`%RuntimeError{message: "boom"}`).
#[derive(Clone, Debug)]
pub struct Exception {
    pub class: Class,
    pub reason: Term,
    /// Filled in by the interpreter when the exception is raised.
    pub trace: Arc<Vec<TraceEntry>>,
    /// Raised by the VM (a failed match, bad arithmetic, a BIF's bad
    /// argument) rather than by `raise`: `catch` and exit reasons see the
    /// Erlang error term for it ([`Exception::erlang_reason`]), as on the
    /// BEAM, where Elixir's structs exist only once `rescue` normalises.
    pub builtin: bool,
    /// The Erlang error term of a built-in error, when it is not the one
    /// the struct implies (a `KeyError` from `:maps.get/2` is
    /// `{:badkey, key}`, one from `map.key` `{:badkey, key, map}`).
    pub erlang: Option<Term>,
    /// For an undefined function or a function clause error, the call,
    /// whose arguments the stack trace shows, as on the BEAM
    /// (`{M, :f, [1, 2], []}`).
    pub call: Option<Box<FailedCall>>,
}

impl Exception {
    /// An exception raised by the program (`throw`, `exit`, `raise`).
    pub fn new(class: Class, reason: Term) -> Exception {
        Exception {
            class,
            reason,
            trace: Arc::new(Vec::new()),
            builtin: false,
            erlang: None,
            call: None,
        }
    }

    /// Not an exception: what a BIF returns to be run again after the
    /// calling process yields (see `interp::run`'s `call_bif!`), when it
    /// must see something another process does first. Only BIFs called
    /// as such return it; it never reaches a program.
    pub fn retry() -> Exception {
        Exception::new(Class::Exit, Term::Atom(Atom::intern("$vial_retry")))
    }

    /// Not an exception: what a BIF returns to have Vial function
    /// `module.function` run in its place, with the same arguments (see
    /// `interp::run`'s `call_bif!`), for a case the library handles (an
    /// Access call on a struct). Only BIFs called as such return it.
    pub fn redirect(module: &str, function: &str) -> Exception {
        Exception::new(
            Class::Exit,
            Term::tuple([
                Term::Atom(Atom::intern("$vial_redirect")),
                Term::atom(module),
                Term::atom(function),
            ]),
        )
    }

    /// The function an [`Exception::redirect`] names.
    pub fn redirected(&self) -> Option<(Atom, Atom)> {
        match (self.class, self.reason.as_tuple()) {
            (Class::Exit, Some([Term::Atom(tag), Term::Atom(m), Term::Atom(f)]))
                if tag.name() == "$vial_redirect" =>
            {
                Some((*m, *f))
            }
            _ => None,
        }
    }

    /// Whether this is [`Exception::retry`].
    pub fn is_retry(&self) -> bool {
        self.class == Class::Exit
            && self
                .reason
                .as_atom()
                .is_some_and(|a| a.name() == "$vial_retry")
    }

    /// An error the VM raises, with `reason` its exception struct.
    pub fn error(reason: Term) -> Exception {
        Exception {
            builtin: true,
            erlang: None,
            ..Exception::new(Class::Error, reason)
        }
    }

    /// The reason as `catch` and exit signals see it: for an error the VM
    /// raised, the Erlang error term its struct stands for (`:badarith`,
    /// `{:badmatch, term}`, `:undef`, ...: the inverse of Elixir's
    /// `Exception.normalize/3`); otherwise the reason itself.
    pub fn erlang_reason(&self) -> Term {
        if self.builtin {
            if let Some(t) = &self.erlang {
                return t.clone();
            }
            if let Some(t) = erlang_error_term(&self.reason) {
                return t;
            }
        }
        self.reason.clone()
    }

    /// `%RuntimeError{message: msg}`.
    pub fn runtime(msg: impl Into<String>) -> Exception {
        Exception::error(exception_struct(
            "RuntimeError",
            [("message", msg_term(msg))],
        ))
    }

    /// `%ArgumentError{message: msg}`.
    pub fn argument(msg: impl Into<String>) -> Exception {
        Exception::error(exception_struct(
            "ArgumentError",
            [("message", msg_term(msg))],
        ))
    }

    /// `%ArgumentError{message: "argument error"}`, Erlang's `badarg`.
    pub fn badarg() -> Exception {
        Exception::argument("argument error")
    }

    /// `%ArithmeticError{message: "bad argument in arithmetic expression"}`.
    pub fn badarith() -> Exception {
        Exception::error(exception_struct(
            "ArithmeticError",
            [("message", msg_term("bad argument in arithmetic expression"))],
        ))
    }

    /// `%BadMapError{term: term}`.
    pub fn badmap(term: Term) -> Exception {
        Exception::error(exception_struct("BadMapError", [("term", term)]))
    }

    /// `%KeyError{key: key, term: term, message: nil}`.
    pub fn key_error(key: Term, term: Term) -> Exception {
        Exception::error(exception_struct(
            "KeyError",
            [("key", key), ("term", term), ("message", Term::NIL)],
        ))
    }

    /// [`Exception::undefined_function`] for a call with `args`, which
    /// the stack trace shows.
    pub fn undefined_call(module: Atom, function: Atom, args: &[Term]) -> Exception {
        Exception {
            call: Some(Box::new(FailedCall {
                module,
                function,
                args: Term::list(args.to_vec()),
                own_frame: true,
            })),
            ..Exception::undefined_function(module, function, args.len() as u32)
        }
    }

    /// The frame of its own that [`Exception::call`] has on top of the
    /// stack trace, if it has one: `{M, :f, [args], []}`.
    pub fn call_frame(&self) -> Option<TraceEntry> {
        let call = self.call.as_ref().filter(|c| c.own_frame)?;
        Some(TraceEntry {
            module: call.module,
            function: call.function,
            arity: call.args.iter_list().count() as u32,
            args: Some(call.args.clone()),
            file: Arc::from(""),
            line: 0,
        })
    }

    /// `%UndefinedFunctionError{module:, function:, arity:}`.
    pub fn undefined_function(module: Atom, function: Atom, arity: u32) -> Exception {
        Exception::error(exception_struct(
            "UndefinedFunctionError",
            [
                ("module", Term::Atom(module)),
                ("function", Term::Atom(function)),
                ("arity", Term::Int(arity as i64)),
                ("reason", Term::NIL),
                ("message", Term::NIL),
            ],
        ))
    }
}

/// Whether `t` is a non-empty list of stack trace entries, `{module,
/// function, arity or args, location}`, as `Exception.format_exit/1` checks
/// before it takes `{reason, t}` for an error and its stack trace.
fn is_stacktrace(t: &Term) -> bool {
    let Some(entries) = t.list_to_vec() else {
        return false;
    };
    !entries.is_empty()
        && entries.iter().all(|e| {
            matches!(e.as_tuple(), Some([Term::Atom(_), Term::Atom(_), n, loc])
                if (matches!(n, Term::Int(_)) || n.is_list()) && loc.is_list())
        })
}

/// The exception struct for Erlang error term `reason` raised at the top
/// of `stacktrace`, as Elixir 1.14's `Exception.normalize(:error, reason,
/// stacktrace)` makes it (the common terms; others are `ErlangError`).
fn from_erlang(reason: &Term, stacktrace: &Term) -> Term {
    let top = stacktrace.iter_list().next().and_then(|e| e.as_tuple());
    let top_mfa = || match top {
        Some([Term::Atom(m), Term::Atom(f), n, _]) => {
            let arity = match n {
                Term::Int(a) => *a as u32,
                args => args.list_to_vec().map_or(0, |v| v.len() as u32),
            };
            Some((*m, *f, arity))
        }
        _ => None,
    };
    let tagged = |name: &str, tag: &str| match reason.as_tuple() {
        Some([Term::Atom(t), term]) if t.name() == tag => {
            Some(exception_struct(name, [("term", term.clone())]))
        }
        _ => None,
    };
    let known = match reason {
        Term::Atom(a) => match a.name() {
            "badarg" => Some(Exception::badarg().reason),
            "badarith" => Some(Exception::badarith().reason),
            "undef" => top_mfa().map(|(m, f, n)| Exception::undefined_function(m, f, n).reason),
            "function_clause" => top_mfa().map(|(m, f, n)| {
                exception_struct(
                    "FunctionClauseError",
                    [
                        ("module", Term::Atom(m)),
                        ("function", Term::Atom(f)),
                        ("arity", Term::Int(n as i64)),
                    ],
                )
            }),
            _ => None,
        },
        _ => tagged("MatchError", "badmatch")
            .or_else(|| tagged("CaseClauseError", "case_clause"))
            .or_else(|| tagged("BadMapError", "badmap"))
            .or_else(|| match reason.as_tuple() {
                Some([Term::Atom(t), key]) if t.name() == "badkey" => {
                    Some(Exception::key_error(key.clone(), Term::NIL).reason)
                }
                Some([Term::Atom(t), key, map]) if t.name() == "badkey" => {
                    Some(Exception::key_error(key.clone(), map.clone()).reason)
                }
                _ => None,
            }),
    };
    known.unwrap_or_else(|| exception_struct("ErlangError", [("original", reason.clone())]))
}

/// The Erlang error term a built-in exception struct normalises from
/// (Elixir 1.14, `Exception.normalize/3`), if it is one. An
/// `ArgumentError` counts only with the messages OTP's `badarg` gets
/// (others come from Elixir code that raises them).
fn erlang_error_term(reason: &Term) -> Option<Term> {
    let (Some(name), Term::Map(m)) = (exception_name(reason), reason) else {
        return None;
    };
    let f = |n: &str| field(m, n).cloned().unwrap_or(Term::NIL);
    let tagged = |tag: &str, t: Term| Term::tuple([Term::atom(tag), t]);
    Some(match name {
        "ArithmeticError" => Term::atom("badarith"),
        "SystemLimitError" => Term::atom("system_limit"),
        "FunctionClauseError" => Term::atom("function_clause"),
        "UndefinedFunctionError" => Term::atom("undef"),
        "CondClauseError" => Term::atom("cond_clause"),
        "ErlangError" if f("original") != Term::NIL => f("original"),
        "BadBooleanError" => Term::tuple([Term::atom("badbool"), f("operator"), f("term")]),
        "MatchError" => tagged("badmatch", f("term")),
        "CaseClauseError" => tagged("case_clause", f("term")),
        "TryClauseError" => tagged("try_clause", f("term")),
        "WithClauseError" => tagged("with_clause", f("term")),
        "BadMapError" => tagged("badmap", f("term")),
        "BadFunctionError" => tagged("badfun", f("term")),
        "BadArityError" => tagged("badarity", Term::tuple([f("function"), f("args")])),
        "KeyError" if f("message") == Term::NIL => match f("term") {
            Term::Atom(Atom::NIL) => tagged("badkey", f("key")),
            term => Term::tuple([Term::atom("badkey"), f("key"), term]),
        },
        "ArgumentError" => {
            let msg = f("message");
            let text = msg.as_str().unwrap_or("");
            if text != "argument error"
                && !text.starts_with("errors were found at the given arguments")
            {
                return None;
            }
            Term::atom("badarg")
        }
        _ => return None,
    })
}

fn msg_term(msg: impl Into<String>) -> Term {
    Term::string(&msg.into())
}

/// Builds `%Elixir.<name>{__exception__: true, fields...}`.
pub fn exception_struct<const N: usize>(name: &str, fields: [(&str, Term); N]) -> Term {
    let mut m = Map::new();
    m.insert(
        Term::Atom(Atom::STRUCT),
        Term::Atom(Atom::intern(&format!("Elixir.{name}"))),
    );
    m.insert(Term::Atom(Atom::EXCEPTION), Term::TRUE);
    for (k, v) in fields {
        m.insert(Term::atom(k), v);
    }
    Term::map(m)
}

/// The module name of an exception struct, e.g. `"RuntimeError"`.
pub fn exception_name(reason: &Term) -> Option<&'static str> {
    let Term::Map(m) = reason else { return None };
    m.get(&Term::Atom(Atom::EXCEPTION))?;
    let name = m.get(&Term::Atom(Atom::STRUCT))?.as_atom()?.name();
    Some(name.strip_prefix("Elixir.").unwrap_or(name))
}

fn field<'a>(m: &'a Map, name: &str) -> Option<&'a Term> {
    m.get(&Term::atom(name))
}

/// `Exception.message/1` for the built-in exceptions, and for any exception
/// struct with a `message` field. Messages follow Elixir 1.14's
/// `lib/elixir/lib/exception.ex`.
pub fn message(reason: &Term) -> String {
    let (Some(name), Term::Map(m)) = (exception_name(reason), reason) else {
        return inspect(reason);
    };
    let f = |n: &str| field(m, n).cloned().unwrap_or(Term::NIL);
    match name {
        "MatchError" => format!("no match of right hand side value: {}", inspect(&f("term"))),
        "CaseClauseError" => format!("no case clause matching: {}", inspect(&f("term"))),
        "WithClauseError" => format!("no with clause matching: {}", inspect(&f("term"))),
        "TryClauseError" => format!("no try clause matching: {}", inspect(&f("term"))),
        "CondClauseError" => "no cond clause evaluated to a truthy value".to_string(),
        "BadBooleanError" => format!(
            "expected a boolean on left-side of \"{}\", got: {}",
            f("operator").as_atom().map_or("?", |a| a.name()),
            inspect(&f("term"))
        ),
        "BadMapError" => format!("expected a map, got: {}", inspect(&f("term"))),
        "BadStructError" => format!(
            "expected a struct named {}, got: {}",
            module_name(&f("struct")),
            inspect(&f("term"))
        ),
        "BadFunctionError" => format!("expected a function, got: {}", inspect(&f("term"))),
        "BadArityError" => {
            let fun = f("function");
            let args = f("args").list_to_vec().unwrap_or_default();
            let arity = match &fun {
                Term::Fun(c) => c.arity(),
                _ => 0,
            };
            let shown: Vec<String> = args.iter().map(inspect).collect();
            format!(
                "{} with arity {} called with {} argument{} ({})",
                inspect(&fun),
                arity,
                args.len(),
                if args.len() == 1 { "" } else { "s" },
                shown.join(", ")
            )
        }
        // Without a function (`Exception.normalize/3` of `:function_clause`
        // with no stack trace), Elixir's message names none.
        "FunctionClauseError" if f("function") == Term::NIL => {
            "no function clause matches".to_string()
        }
        "FunctionClauseError" => {
            let module = module_name(&f("module"));
            let fun = f("function").as_atom().map_or("?", |a| a.name());
            let arity = inspect(&f("arity"));
            match lambda_parent(fun) {
                Some(parent) => format!(
                    "no function clause matching in anonymous fn/{arity} in {module}.{parent}"
                ),
                None => format!("no function clause matching in {module}.{fun}/{arity}"),
            }
        }
        "UndefinedFunctionError" if f("message").as_str().is_some() => {
            f("message").as_str().unwrap_or_default().to_string()
        }
        "UndefinedFunctionError" => {
            let module = f("module");
            let (fun, arity) = (f("function"), f("arity"));
            let fun_name = fun.as_atom().map_or("?", |a| a.name());
            let mname = module_name(&module);
            if module.as_atom().is_some_and(crate::code::is_loaded) {
                format!(
                    "function {mname}.{fun_name}/{} is undefined or private",
                    inspect(&arity)
                )
            } else {
                format!(
                    "function {mname}.{fun_name}/{} is undefined (module {mname} is not available)",
                    inspect(&arity)
                )
            }
        }
        "Protocol.UndefinedError" => {
            let value = f("value");
            let description = match f("description") {
                Term::Binary(b) if !b.0.is_empty() => {
                    format!(". {}", String::from_utf8_lossy(&b.0))
                }
                _ => String::new(),
            };
            format!(
                "protocol {} not implemented for {} of type {}{description}",
                module_name(&f("protocol")),
                inspect(&value),
                type_name(&value)
            )
        }
        "ErlangError" => format!("Erlang error: {}", inspect(&f("original"))),
        "KeyError" => match f("message") {
            Term::Binary(_) => f("message").as_str().unwrap_or("").to_string(),
            _ if f("term") == Term::NIL => format!("key {} not found", inspect(&f("key"))),
            _ => format!(
                "key {} not found in: {}",
                inspect(&f("key")),
                inspect(&f("term"))
            ),
        },
        _ => match f("message") {
            Term::Binary(b) => String::from_utf8_lossy(&b.0).into_owned(),
            other => inspect(&other),
        },
    }
}

/// The type name Elixir's protocol errors use for a term.
fn type_name(t: &Term) -> String {
    match t {
        Term::Int(_) | Term::Big(_) => "Integer".into(),
        Term::Float(_) => "Float".into(),
        Term::Atom(_) => "Atom".into(),
        Term::Binary(_) => "BitString".into(),
        Term::EmptyList | Term::Cons(_) => "List".into(),
        Term::Tuple(_) => "Tuple".into(),
        Term::Pid(_) => "PID".into(),
        Term::Ref(_) => "Reference".into(),
        Term::Fun(_) => "Function".into(),
        Term::Map(m) => match m.get(&Term::Atom(Atom::STRUCT)) {
            Some(module) => format!("{} (a struct)", module_name(module)),
            None => "Map".into(),
        },
    }
}

/// A module atom as Elixir prints it in messages: `Foo` for `Elixir.Foo`,
/// `:lists` for an Erlang module.
/// The function that defines a lambda, from the lambda's own name
/// (`-run/0-fun-0-` gives `run/0`, and so does a lambda inside it,
/// `--run/0-fun-0-/1-fun-0-`), as `Exception.format_mfa/3` shows it;
/// a script's top level is `__FILE__/1`, as Elixir compiles it. `None`
/// for a named function.
fn lambda_parent(name: &str) -> Option<String> {
    let inner = name.strip_prefix('-')?;
    let (parent, _) = inner.rsplit_once("-fun-")?;
    // A lambda inside a lambda: the outermost named function.
    if let Some((outer, _arity)) = parent.rsplit_once('/') {
        if let Some(named) = lambda_parent(outer) {
            return Some(named);
        }
    }
    Some(match parent {
        "__script__/0" => "__FILE__/1".to_string(),
        other => other.to_string(),
    })
}

pub fn module_name(module: &Term) -> String {
    match module.as_atom() {
        Some(a) => match a.name().strip_prefix("Elixir.") {
            Some(n) => n.to_string(),
            None => inspect(module),
        },
        None => inspect(module),
    }
}

/// The report printed on stderr when the script's main process dies from an
/// uncaught exception, as `elixir` prints it:
/// `** (RuntimeError) boom` followed by indented stack trace lines.
pub fn format_uncaught(e: &Exception) -> String {
    let mut out = match e.class {
        Class::Error => match exception_name(&e.reason) {
            Some(name) => format!("** ({name}) {}", message(&e.reason)),
            None => format!("** (ErlangError) Erlang error: {}", inspect(&e.reason)),
        },
        Class::Throw => format!("** (throw) {}", inspect(&e.reason)),
        Class::Exit => format!("** (exit) {}", format_exit(&e.reason)),
    };
    out.push('\n');
    for t in e.trace.iter() {
        out.push_str(&format!("    {}\n", format_trace_entry(t)));
    }
    out
}

/// One stack trace line: `app.exs:3: Foo.bar/1`, or `app.exs:3: (file)` for
/// top-level script code. An entry without a file (one built by hand) has
/// no location part, as in Elixir's `Exception.format_stacktrace_entry/1`.
pub fn format_trace_entry(t: &TraceEntry) -> String {
    let location = if t.file.is_empty() {
        String::new()
    } else {
        format!("{}:{}: ", t.file, t.line)
    };
    if t.module.name() == crate::SCRIPT_MODULE {
        return format!("{location}(file)");
    }
    let module = module_name(&Term::Atom(t.module));
    let function = t.function.name();
    match &t.args {
        // The failed call of an `undef` or `function_clause` error.
        Some(args) => {
            let shown: Vec<String> = args.iter_list().map(inspect).collect();
            format!("{location}{module}.{function}({})", shown.join(", "))
        }
        None => format!("{location}{module}.{function}/{}", t.arity),
    }
}

/// An exit reason as Elixir 1.14's `Exception.format_exit/1` shows it:
/// known atoms in words, `{:shutdown, r}`, `{exception, stacktrace}` as
/// "an exception was raised:" with the indented report, and `{reason, {m,
/// f, args}}` (what `GenServer.call/3` exits with) as "exited in:
/// m.f(args)" over `** (EXIT) reason`; anything else inspected.
pub fn format_exit(reason: &Term) -> String {
    format_exit_with(reason, "\n    ")
}

fn format_exit_with(reason: &Term, joiner: &str) -> String {
    match reason {
        Term::Atom(Atom::NORMAL) => "normal".into(),
        Term::Atom(Atom::KILLED) => "killed".into(),
        Term::Atom(Atom::NOPROC) => "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started".into(),
        Term::Atom(a) if a.name() == "shutdown" => "shutdown".into(),
        Term::Atom(a) if a.name() == "timeout" => "time out".into(),
        Term::Atom(a) if a.name() == "calling_self" => "process attempted to call itself".into(),
        Term::Atom(a) if a.name() == "noconnection" => "no connection".into(),
        Term::Tuple(t) if t.0.len() == 2 => {
            let (a, b) = (&t.0[0], &t.0[1]);
            if *a == Term::atom("shutdown") {
                if let Some([Term::Atom(f), child, why]) = b.as_tuple() {
                    if f.name() == "failed_to_start_child" {
                        let inner = format_exit_with(why, &format!("{joiner}    "));
                        return format!(
                            "shutdown: failed to start child: {}{joiner}** (EXIT) {inner}",
                            inspect(child)
                        );
                    }
                }
                return format!("shutdown: {}", inspect(b));
            }
            // OTP's reasons with a sentence of their own.
            let said = match a.as_atom().map(|a| a.name()) {
                Some("bad_return_value") => Some("bad return value: "),
                Some("bad_call") => Some("bad call: "),
                Some("bad_cast") => Some("bad cast: "),
                Some("start_spec") => Some("bad child specification, got: "),
                Some("supervisor_data") => Some("bad supervisor configuration, got: "),
                Some("bad_start_spec") => Some("bad child specification, invalid children: "),
                _ => None,
            };
            if let Some(said) = said {
                return format!("{said}{}", inspect(b));
            }
            if let (Some("nodedown"), Term::Atom(node)) = (a.as_atom().map(|a| a.name()), b) {
                return format!("no connection to {}", node.name());
            }
            if b.is_list() && *b != Term::EmptyList {
                let banner = if let Some(name) = exception_name(a) {
                    Some(format!("** ({name}) {}", message(a)))
                } else if is_stacktrace(b) {
                    let e = from_erlang(a, b);
                    let name = exception_name(&e).unwrap_or("ErlangError");
                    Some(format!("** ({name}) {}", message(&e)))
                } else {
                    None
                };
                if let Some(banner) = banner {
                    let mut out = format!("an exception was raised:{joiner}{banner}");
                    for entry in crate::interp::trace_from_term(b).iter() {
                        out.push_str(joiner);
                        out.push_str("    ");
                        out.push_str(&format_trace_entry(entry));
                    }
                    return out;
                }
            }
            if let Some([Term::Atom(m), Term::Atom(f), args]) = b.as_tuple() {
                if let Some(args) = args.list_to_vec() {
                    let args: Vec<String> = args.iter().map(inspect).collect();
                    let inner = format_exit_with(a, &format!("{joiner}    "));
                    return format!(
                        "exited in: {}.{}({}){joiner}** (EXIT) {inner}",
                        module_name(&Term::Atom(*m)),
                        f.name(),
                        args.join(", ")
                    );
                }
            }
            inspect(reason)
        }
        other => inspect(other),
    }
}
