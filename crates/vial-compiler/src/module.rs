//! Module-level compilation: `defmodule` bodies, `def`/`defp` clauses grouped
//! by name and arity, default arguments, attributes, aliases and structs.

use crate::attrs::{substitute, Attributes, MAX_COPIED};
use crate::consts::const_term;
use crate::func::{arity_of, CResult, Dest, FnBuilder};
use crate::imports::{record_exports, FileExports, Imports};
use ahash::AHashMap;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use vial_syntax::ast::{BinOp, Callee, Clause, Expr, ExprKind, Span};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{FailKind, Instr, Mfa};
use vial_vm::code::{Function, Module};
use vial_vm::{Atom, Term};

/// Struct definitions known while compiling: module → fields with defaults.
pub type Structs = AHashMap<Atom, Vec<(Atom, Term)>>;

/// Source facts shared by every module of one file.
pub struct Source {
    pub file: Arc<str>,
    line_starts: Vec<u32>,
    /// How many more nodes attribute reads may copy (see [`MAX_COPIED`]).
    pub attr_budget: AtomicUsize,
}

impl Source {
    pub fn new(file: &str, text: &str) -> Arc<Source> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        Arc::new(Source {
            file: Arc::from(file),
            line_starts,
            attr_budget: AtomicUsize::new(MAX_COPIED),
        })
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: u32) -> u32 {
        self.line_starts.partition_point(|&s| s <= offset) as u32
    }
}

/// Builds one module.
pub struct ModuleBuilder {
    pub name: Atom,
    pub source: Arc<Source>,
    functions: Vec<Option<Function>>,
    /// Every local function (`def`, `defp`) by name and arity → index.
    pub locals: AHashMap<(String, u32), u32>,
    /// Where each `def`/`defp` group starts (for errors about it).
    pub def_spans: AHashMap<(String, u32), Span>,
    public: Vec<bool>,
    literals: Vec<Term>,
    literal_index: BTreeMap<Term, u32>,
    imports: Vec<Mfa>,
    import_index: AHashMap<Mfa, u32>,
    pub attributes: Attributes,
    /// Attributes registered with `accumulate: true`: each `@name value`
    /// prepends to the list `@name` reads.
    pub accumulating: Vec<String>,
    /// `alias Foo.Bar` → `"Bar" => "Foo.Bar"`.
    pub aliases: AHashMap<String, String>,
    pub struct_def: Option<Vec<(Atom, Term)>>,
    /// When a `defstruct` default is not a constant (`Enum.to_list(1..3)`):
    /// every field's default as written, which `__struct__/0` evaluates
    /// (see [`DYNAMIC_DEFAULT`]); empty otherwise.
    dynamic_defaults: Vec<(Atom, Expr)>,
    /// See `vial_vm::code::Module::inspect_fields`.
    pub inspect_fields: Option<Vec<Atom>>,
    /// See `vial_vm::code::Module::derived`.
    pub derived: Vec<Atom>,
    pub structs: Structs,
    /// Structs defined by the file whose top-level code this builder
    /// compiles, which that code cannot use (Elixir's CompileError "the
    /// struct is being accessed in the same context that defines it").
    pub same_context_structs: Vec<Atom>,
    /// Lambdas named so far, per enclosing `def` (`run/0`).
    lambdas: AHashMap<String, u32>,
    /// The Elixir name (`Foo.Bar`), `None` for script code.
    pub elixir_name: Option<String>,
    /// `use Behaviour, opts`: the behaviour, the extra child-spec fields
    /// of the behaviour (see [`USABLE`]) and the options.
    using: Option<(&'static str, &'static str, Expr)>,
    /// The module body's own code (`IO.puts("defining")`, `x = 1`,
    /// `Enum.each(...)`), in order: it runs when the script reaches the
    /// `defmodule`, as [`BODY_FUNCTION`].
    body_code: Vec<Expr>,
    /// `defguard`/`defguardp` by name and arity: the parameter names and
    /// the guard expression, expanded in place of a call in this module.
    pub guards: AHashMap<(String, u32), (Vec<String>, Expr)>,
    /// The `import`s in scope where compilation is (see `imports.rs`).
    pub imported: Imports,
    /// The public functions of the modules compiled before this one in the
    /// same file, which `import` can name.
    pub file_exports: FileExports,
}

/// One `def` clause before grouping.
struct DefClause {
    name: String,
    params: Vec<Expr>,
    guard: Option<Expr>,
    body: Expr,
    public: bool,
    /// A body-less head (`def f(a, b \\ 1)`) that only declares defaults.
    header: bool,
    /// The imports in scope at the definition.
    imports: Imports,
    span: Span,
}

impl ModuleBuilder {
    pub fn new(
        name: Atom,
        source: Arc<Source>,
        structs: Structs,
        elixir_name: Option<String>,
    ) -> Self {
        ModuleBuilder {
            name,
            source,
            functions: Vec::new(),
            locals: AHashMap::new(),
            def_spans: AHashMap::new(),
            public: Vec::new(),
            literals: Vec::new(),
            literal_index: BTreeMap::new(),
            imports: Vec::new(),
            import_index: AHashMap::new(),
            attributes: Attributes::default(),
            accumulating: Vec::new(),
            aliases: AHashMap::new(),
            struct_def: None,
            dynamic_defaults: Vec::new(),
            inspect_fields: None,
            derived: Vec::new(),
            structs,
            same_context_structs: Vec::new(),
            lambdas: AHashMap::new(),
            elixir_name,
            using: None,
            body_code: Vec::new(),
            guards: AHashMap::new(),
            imported: Imports::new(),
            file_exports: FileExports::new(),
        }
    }

    /// A call `name(args)` of a `defguard` of this module, expanded: its
    /// expression with each parameter replaced by its argument.
    pub fn expand_guard(&self, name: &str, args: &[Expr]) -> Option<Expr> {
        let (params, body) = self.guards.get(&(name.to_string(), args.len() as u32))?;
        let mut e = body.clone();
        replace_vars(&mut e, params, args);
        Some(e)
    }

    pub fn line_of(&self, span: Span) -> u32 {
        self.source.line(span.start)
    }

    /// The literal-pool index of `t` (deduplicated, except for terms that
    /// hold a float: OTP 25's `===` equates `0.0` and `-0.0`, which print
    /// differently).
    pub fn literal(&mut self, t: Term) -> u32 {
        let shared = !holds_float(&t);
        if shared {
            if let Some(&i) = self.literal_index.get(&t) {
                return i;
            }
        }
        let i = self.literals.len() as u32;
        self.literals.push(t.clone());
        if shared {
            self.literal_index.insert(t, i);
        }
        i
    }

    pub fn import(&mut self, mfa: Mfa) -> u32 {
        if let Some(&i) = self.import_index.get(&mfa) {
            return i;
        }
        let i = self.imports.len() as u32;
        self.imports.push(mfa);
        self.import_index.insert(mfa, i);
        i
    }

    /// Reserves a function slot (so calls to it can be compiled before it).
    pub fn declare(&mut self, name: &str, arity: u32, public: bool) -> u32 {
        if let Some(&i) = self.locals.get(&(name.to_string(), arity)) {
            return i;
        }
        let i = self.functions.len() as u32;
        self.functions.push(None);
        self.public.push(public);
        self.locals.insert((name.to_string(), arity), i);
        i
    }

    /// Reserves a slot for a lambda lifted out of function `top` (`run/0`,
    /// the `def` it is in, however deeply nested).
    pub fn declare_lambda(&mut self) -> u32 {
        let i = self.functions.len() as u32;
        self.functions.push(None);
        self.public.push(false);
        i
    }

    /// The name of a lambda of function `top` whose body has just been
    /// compiled: `-run/0-fun-N-`, numbered per `def` in the order the
    /// bodies end (a fn inside a fn first), as the BEAM names funs.
    pub fn lambda_name(&mut self, top: &str) -> String {
        let n = self.lambdas.entry(top.to_string()).or_insert(0);
        let name = format!("-{top}-fun-{n}-");
        *n += 1;
        name
    }

    pub fn define(&mut self, index: u32, f: Function) {
        self.functions[index as usize] = Some(f);
    }

    /// The fields and defaults of struct `module`: one compiled in this
    /// file so far, or a loaded module's.
    pub fn known_struct(&self, module: Atom) -> Option<Vec<(Atom, Term)>> {
        if self.same_context_structs.contains(&module) {
            return None;
        }
        self.structs
            .get(&module)
            .cloned()
            .or_else(|| vial_vm::code::lookup(module).and_then(|m| m.struct_def.clone()))
    }

    /// Expands an alias as written (`Bar`, `Bar.Baz` or `__MODULE__.Baz`)
    /// to its module atom (`Elixir.Foo.Bar.Baz`); `Elixir.Enum` is `Enum`
    /// spelled out, and `Elixir` alone the atom `Elixir`.
    pub fn expand_alias(&self, written: &str) -> Atom {
        if written.starts_with("Elixir.") || written == "Elixir" {
            return Atom::intern(written);
        }
        let (head, rest) = match written.split_once('.') {
            Some((h, r)) => (h, Some(r)),
            None => (written, None),
        };
        // `__MODULE__.Inner` is relative to the module being compiled.
        let target = match (head, &self.elixir_name) {
            ("__MODULE__", Some(current)) => Some(current),
            _ => self.aliases.get(head),
        };
        let full = match target {
            Some(target) => match rest {
                Some(r) => format!("{target}.{r}"),
                None => target.clone(),
            },
            None => written.to_string(),
        };
        Atom::intern(&format!("Elixir.{full}"))
    }

    /// `alias Foo.Bar` or `alias Foo.Bar, as: B`: records the alias and
    /// returns the module atom it names.
    pub fn alias(&mut self, target: &Expr, opts: &[Expr]) -> CResult<Atom> {
        // `alias Base.{A, B.C}`: `alias Base.A` and `alias Base.B.C`.
        if let ExprKind::Call {
            callee: Callee::Remote { module, name },
            args,
            ..
        } = &target.kind
        {
            if let (ExprKind::Alias(base), "{}") = (&module.kind, name.as_str()) {
                let mut last = None;
                for arg in args {
                    let ExprKind::Alias(part) = &arg.kind else {
                        return Err(Diagnostic::new("expected a module name", arg.span));
                    };
                    let joined = Expr::new(ExprKind::Alias(format!("{base}.{part}")), arg.span);
                    last = Some(self.alias(&joined, &[])?);
                }
                return last.ok_or_else(|| Diagnostic::new("expected a module name", target.span));
            }
        }
        let full = match &target.kind {
            ExprKind::Alias(full) => full.as_str(),
            // `alias __MODULE__`: the module's last segment names it.
            ExprKind::Module if self.elixir_name.is_some() => "__MODULE__",
            _ => return Err(Diagnostic::new("expected a module name", target.span)),
        };
        let module = self.expand_alias(full);
        let expanded = module.name().trim_start_matches("Elixir.").to_string();
        let short = match opts.first().and_then(|o| keyword(o, "as")) {
            Some(Expr {
                kind: ExprKind::Alias(a),
                ..
            }) => a.clone(),
            _ => expanded.rsplit('.').next().unwrap_or(&expanded).to_string(),
        };
        self.aliases.insert(short, expanded);
        Ok(module)
    }

    pub fn finish(self) -> Module {
        let mut exports = AHashMap::new();
        let functions: Vec<Function> = self
            .functions
            .into_iter()
            .map(|f| f.expect("every declared function is defined"))
            .collect();
        for (i, f) in functions.iter().enumerate() {
            if self.public[i] {
                exports.insert((f.name, f.arity), i as u32);
            }
        }
        Module {
            name: self.name,
            file: self.source.file.clone(),
            functions,
            exports,
            literals: self.literals,
            imports: self.imports,
            import_targets: Box::new([]),
            struct_def: self.struct_def,
            inspect_fields: self.inspect_fields,
            derived: self.derived,
        }
    }
}

/// Compiles `defmodule name do body end` (and the modules nested in it)
/// into `out`: `name` is an alias (`Foo.Bar`) or `:name` for a module
/// named by a plain atom. `imports` are those in scope at the
/// `defmodule`.
pub fn compile_module(
    name: &str,
    body: &Expr,
    imports: &Imports,
    aliases: &AHashMap<String, String>,
    source: &Arc<Source>,
    structs: &mut Structs,
    out: &mut Vec<Module>,
) -> CResult<()> {
    // `name` is an alias (`Foo.Bar`, the atom `Elixir.Foo.Bar`) or `:name`,
    // an Erlang-style module atom.
    let atom = match name.strip_prefix(':') {
        Some(erlang) => Atom::intern(erlang),
        None => Atom::intern(&format!("Elixir.{name}")),
    };
    let mut mb = ModuleBuilder::new(
        atom,
        source.clone(),
        structs.clone(),
        Some(name.to_string()),
    );
    mb.imported = imports.clone();
    // Aliases are lexical: those of the code around the module, including
    // a nested module's own (`defmodule Inner` inside `Outer` makes
    // `Inner` mean `Outer.Inner` in Inner's body too).
    mb.aliases
        .extend(aliases.iter().map(|(k, v)| (k.clone(), v.clone())));
    record_exports(&mut mb.file_exports, out);
    let mut defs: Vec<DefClause> = Vec::new();
    for stmt in block_items(body) {
        module_statement(&mut mb, stmt, structs, out, &mut defs)?;
    }
    if let Some(def) = mb.struct_def.clone() {
        mb.inspect_fields = crate::derive::inspect_fields(mb.attributes.get("derive"), &def);
        mb.derived = crate::derive::protocols(mb.attributes.get("derive"), &|a| mb.expand_alias(a));
        structs.insert(atom, def.clone());
        mb.structs.insert(atom, def.clone());
        if def.iter().any(|(k, _)| *k == Atom::EXCEPTION) {
            exception_functions(&mut mb, &def, structs, out, &mut defs)?;
        }
    }
    if let Some((behaviour, extra, opts)) = mb.using.take() {
        use_functions(&mut mb, behaviour, extra, opts, structs, out, &mut defs)?;
    }
    define_reflection(&mut mb, &mut defs);
    if !mb.body_code.is_empty() {
        let span = body.span;
        defs.push(DefClause {
            name: BODY_FUNCTION.to_string(),
            params: Vec::new(),
            guard: None,
            body: Expr::new(ExprKind::Block(std::mem::take(&mut mb.body_code)), span),
            public: true,
            header: false,
            imports: mb.imported.clone(),
            span,
        });
    }
    compile_defs(&mut mb, &defs)?;
    define_info(&mut mb)?;
    out.push(mb.finish());
    Ok(())
}

/// `exception/1` for a `defexception` module that does not define its own,
/// as Elixir's `defexception` generates it: a message string becomes the
/// `message` field; a keyword list sets fields over the struct's defaults.
fn exception_functions(
    mb: &mut ModuleBuilder,
    def: &[(Atom, Term)],
    structs: &mut Structs,
    out: &mut Vec<Module>,
    defs: &mut Vec<DefClause>,
) -> CResult<()> {
    if defines(defs, "exception", 1) {
        return Ok(());
    }
    let mut text = String::new();
    if def.iter().any(|(k, _)| *k == Atom::MESSAGE) {
        text.push_str("def exception(msg) when is_binary(msg), do: exception(message: msg)\n");
    }
    text.push_str(
        "def exception(args) when is_list(args), do: :maps.merge(__struct__(), :maps.from_list(args))\n",
    );
    inject(mb, &text, structs, out, defs)
}

/// Whether the module defines `name/arity` itself.
fn defines(defs: &[DefClause], name: &str, arity: usize) -> bool {
    defs.iter()
        .any(|d| d.name == name && d.params.len() == arity)
}

/// Compiles generated source `text` (definitions) into the module body, as
/// `defexception` and `use` generate functions in Elixir.
fn inject(
    mb: &mut ModuleBuilder,
    text: &str,
    structs: &mut Structs,
    out: &mut Vec<Module>,
    defs: &mut Vec<DefClause>,
) -> CResult<()> {
    let (ast, diagnostics) = vial_syntax::parse(text);
    if let Some(d) = diagnostics.into_iter().next() {
        return Err(d);
    }
    for stmt in block_items(&ast) {
        module_statement(mb, stmt, structs, out, defs)?;
    }
    Ok(())
}

/// The behaviours `use` works with, and the extra fields of the child spec
/// their `__using__` macro generates (Elixir 1.14's `GenServer`, `Agent`,
/// `Task`, `Supervisor` and `DynamicSupervisor` sources).
const USABLE: &[(&str, &str)] = &[
    ("Elixir.GenServer", ""),
    ("Elixir.Agent", ""),
    ("Elixir.Task", ", restart: :temporary"),
    ("Elixir.Supervisor", ", type: :supervisor"),
    ("Elixir.DynamicSupervisor", ", type: :supervisor"),
];

/// What `use Behaviour, opts` injects: `child_spec/1`, starting the
/// module with `start_link(arg)` and overriding fields with `opts` through
/// `Supervisor.child_spec/2`, and for GenServer a default `init/1`
/// (`{:ok, arg}`, which Elixir injects with a warning). A function the
/// module defines itself replaces the default, which its clauses reach
/// as `super(...)` (a private `__super_NAME__`, see [`SUPER_PREFIX`]);
/// `init/1` is not overridable.
/// The behaviour's other default callbacks are not injected: the
/// behaviour's loop falls back to them when the module does not export
/// the callback, and `super` reaches them through `GenServer.__default__/3`.
fn use_functions(
    mb: &mut ModuleBuilder,
    behaviour: &str,
    extra: &str,
    opts: Expr,
    structs: &mut Structs,
    out: &mut Vec<Module>,
    defs: &mut Vec<DefClause>,
) -> CResult<()> {
    let child_spec = format!(
        "(init_arg), do: Supervisor.child_spec(%{{id: __MODULE__, \
         start: {{__MODULE__, :start_link, [init_arg]}}{extra}}}, @__use_opts__)"
    );
    let mut defaults: Vec<(&str, usize, String)> = vec![("child_spec", 1, child_spec)];
    let mut text = String::new();
    if behaviour == "Elixir.GenServer" {
        // Not overridable: `super` in the module's own `init/1` is a
        // CompileError in Elixir too.
        if !defines(defs, "init", 1) {
            text.push_str("def init(init_arg), do: {:ok, init_arg}\n");
        }
        for (callback, params) in [
            ("handle_call", "request, from, state"),
            ("handle_cast", "request, state"),
            ("handle_info", "message, state"),
        ] {
            let arity = params.split(',').count();
            if defines(defs, callback, arity) {
                let body = format!(
                    "({params}), do: GenServer.__default__(__MODULE__, :{callback}, [{params}])"
                );
                defaults.push((callback, arity, body));
            }
        }
        defaults.push(("terminate", 2, "(_reason, _state), do: :ok".into()));
        defaults.push((
            "code_change",
            3,
            "(_old_vsn, state, _extra), do: {:ok, state}".into(),
        ));
    }
    for (name, arity, rest) in defaults {
        if defines(defs, name, arity) {
            text.push_str(&format!("defp {SUPER_PREFIX}{name}__{rest}\n"));
        } else if name == "child_spec" {
            text.push_str(&format!("def {name}{rest}\n"));
        }
    }
    let saved = mb.attributes.insert("__use_opts__".into(), opts);
    inject(mb, &text, structs, out, defs)?;
    match saved {
        Some(v) => mb.attributes.insert("__use_opts__".into(), v),
        None => mb.attributes.remove("__use_opts__"),
    };
    Ok(())
}

/// The start of the private name under which `use` keeps a default that
/// the module overrides: `__super_child_spec__`, called by `super(arg)`
/// inside the module's own `child_spec/1`.
pub const SUPER_PREFIX: &str = "__super_";

/// `defdelegate name(args), to: Module, as: :other`: a public `def` whose
/// body calls `Module.other(args)` (`as:` defaults to `name`).
fn delegate(mb: &ModuleBuilder, head: &Expr, opts: &Expr, span: Span) -> CResult<DefClause> {
    let (name, args) = match &head.kind {
        ExprKind::Call {
            callee: Callee::Local(name),
            args,
            ..
        } => (name, args.clone()),
        // `defdelegate name, to: M`: arity 0.
        ExprKind::Var(name) => (name, Vec::new()),
        _ => return Err(Diagnostic::new("invalid defdelegate head", head.span)),
    };
    let to = keyword(opts, "to")
        .ok_or_else(|| Diagnostic::new("defdelegate needs the to: option", span))?;
    let target = match keyword(opts, "as").map(|e| &e.kind) {
        Some(ExprKind::Atom(a)) => a.clone(),
        Some(_) => return Err(Diagnostic::new("defdelegate's as: must be an atom", span)),
        None => name.clone(),
    };
    let call = ExprKind::Call {
        callee: Callee::Remote {
            module: Box::new(to.clone()),
            name: target,
        },
        args: args.clone(),
        parens: true,
    };
    Ok(DefClause {
        name: name.clone(),
        params: args,
        guard: None,
        body: Expr::new(call, span),
        public: true,
        header: false,
        imports: mb.imported.clone(),
        span,
    })
}

/// The statements of a `Block` (or the single expression).
pub fn block_items(e: &Expr) -> &[Expr] {
    match &e.kind {
        ExprKind::Block(items) => items,
        _ => std::slice::from_ref(e),
    }
}

fn module_statement(
    mb: &mut ModuleBuilder,
    stmt: &Expr,
    structs: &mut Structs,
    out: &mut Vec<Module>,
    defs: &mut Vec<DefClause>,
) -> CResult<()> {
    let unsupported = |what: &str| {
        Err(Diagnostic::new(
            format!("{what} is not supported yet in a module body"),
            stmt.span,
        ))
    };
    match &stmt.kind {
        ExprKind::Attribute { name, value } => {
            let Some(value) = value else {
                return in_body(mb, stmt);
            };
            if matches!(
                name.as_str(),
                "doc"
                    | "moduledoc"
                    | "impl"
                    | "spec"
                    | "typedoc"
                    | "type"
                    | "typep"
                    | "opaque"
                    | "callback"
                    | "behaviour"
            ) {
                return Ok(());
            }
            let mut value = (**value).clone();
            substitute(&mut value, &mb.attributes, &mb.source.attr_budget)?;
            if mb.accumulating.contains(name) {
                let span = value.span;
                let earlier = mb.attributes.get(name).cloned();
                value = Expr::new(
                    ExprKind::List {
                        items: vec![value],
                        tail: earlier.map(Box::new),
                    },
                    span,
                );
            }
            if name == "derive" {
                // Each `@derive` adds to the ones before it.
                if let Some(earlier) = mb.attributes.get(name) {
                    let items = |e: &Expr| match &e.kind {
                        ExprKind::List { items, tail: None } => items.clone(),
                        _ => vec![e.clone()],
                    };
                    let mut all = items(earlier);
                    all.extend(items(&value));
                    value = Expr::new(
                        ExprKind::List {
                            items: all,
                            tail: None,
                        },
                        value.span,
                    );
                }
            }
            mb.attributes.insert(name.clone(), value);
            Ok(())
        }
        // `Module.register_attribute(__MODULE__, :name, opts)`: with
        // `accumulate: true`, `@name` reads every value set since, newest
        // first (`[]` before any).
        ExprKind::Call {
            callee: Callee::Remote { module, name: f },
            args,
            ..
        } if f == "register_attribute"
            && matches!(&module.kind, ExprKind::Alias(m) if m == "Module") =>
        {
            let [_, attr, opts] = args.as_slice() else {
                return unsupported("Module.register_attribute/2");
            };
            let ExprKind::Atom(attr) = &attr.kind else {
                return unsupported("a computed attribute name");
            };
            let accumulate = keyword(opts, "accumulate")
                .is_some_and(|v| matches!(&v.kind, ExprKind::Atom(a) if a == "true"));
            if accumulate && !mb.accumulating.contains(attr) {
                mb.accumulating.push(attr.clone());
                let empty = ExprKind::List {
                    items: Vec::new(),
                    tail: None,
                };
                mb.attributes
                    .insert(attr.clone(), Expr::new(empty, stmt.span));
            }
            Ok(())
        }
        ExprKind::Call {
            callee: Callee::Local(f),
            args,
            ..
        } => match (f.as_str(), args.as_slice()) {
            ("defguard" | "defguardp", [head]) => {
                let ExprKind::Binary {
                    op: BinOp::When,
                    lhs,
                    rhs,
                } = &head.kind
                else {
                    return Err(Diagnostic::new(
                        "expected `name(args) when guard`",
                        head.span,
                    ));
                };
                let (name, args) = match &lhs.kind {
                    ExprKind::Call {
                        callee: Callee::Local(n),
                        args,
                        ..
                    } => (n.clone(), args.as_slice()),
                    _ => return Err(Diagnostic::new("invalid guard head", lhs.span)),
                };
                let params = args
                    .iter()
                    .map(|a| match &a.kind {
                        ExprKind::Var(v) => Ok(v.clone()),
                        _ => Err(Diagnostic::new(
                            "a guard's parameters must be variables",
                            a.span,
                        )),
                    })
                    .collect::<CResult<Vec<String>>>()?;
                if f == "defguard" {
                    // Also a function, for calls from other modules.
                    defs.push(DefClause {
                        name: name.clone(),
                        params: args.to_vec(),
                        guard: None,
                        body: (**rhs).clone(),
                        public: true,
                        header: false,
                        imports: mb.imported.clone(),
                        span: stmt.span,
                    });
                }
                mb.guards
                    .insert((name, params.len() as u32), (params, (**rhs).clone()));
                Ok(())
            }
            ("def" | "defp", [head, rest @ ..]) => {
                let public = f == "def";
                let header = rest.is_empty();
                let nil = Expr::new(ExprKind::Atom("nil".into()), stmt.span);
                let body = match do_body(rest) {
                    Some(b) => b,
                    None if header => &nil,
                    None => {
                        return Err(Diagnostic::new(
                            format!("{f} needs a do block or do: keyword"),
                            stmt.span,
                        ))
                    }
                };
                let (call, guard) = match &head.kind {
                    ExprKind::Binary {
                        op: BinOp::When,
                        lhs,
                        rhs,
                    } => (&**lhs, Some((**rhs).clone())),
                    _ => (head, None),
                };
                let (name, params): (String, Vec<Expr>) = match &call.kind {
                    ExprKind::Call {
                        callee: Callee::Local(n),
                        args,
                        ..
                    } => (n.clone(), args.clone()),
                    ExprKind::Var(n) => (n.clone(), Vec::new()),
                    _ => return Err(Diagnostic::new("invalid function head", head.span)),
                };
                // `def f do ... rescue ... end`: the body is an implicit `try`.
                let implicit_try = rest.iter().rev().find(|o| {
                    ["rescue", "catch", "after", "else"]
                        .iter()
                        .any(|k| keyword(o, k).is_some())
                });
                let mut body = match implicit_try {
                    Some(opts) => Expr::new(
                        ExprKind::Call {
                            callee: Callee::Local("try".into()),
                            args: vec![opts.clone()],
                            parens: false,
                        },
                        body.span,
                    ),
                    None => body.clone(),
                };
                let mut params = params;
                let mut guard = guard;
                let budget = &mb.source.attr_budget;
                substitute(&mut body, &mb.attributes, budget)?;
                params
                    .iter_mut()
                    .try_for_each(|p| substitute(p, &mb.attributes, budget))?;
                if let Some(g) = &mut guard {
                    substitute(g, &mb.attributes, budget)?;
                }
                defs.push(DefClause {
                    name,
                    params,
                    guard,
                    body,
                    public,
                    header,
                    imports: mb.imported.clone(),
                    span: stmt.span,
                });
                Ok(())
            }
            ("defdelegate", [head, opts]) => {
                defs.push(delegate(mb, head, opts, stmt.span)?);
                Ok(())
            }
            ("defmodule", [name_e, rest @ ..]) => {
                let ExprKind::Alias(inner) = &name_e.kind else {
                    return Err(Diagnostic::new("expected a module name", name_e.span));
                };
                let body = do_body(rest)
                    .ok_or_else(|| Diagnostic::new("defmodule needs a do block", stmt.span))?;
                let mod_name = mb.elixir_name.clone().unwrap_or_default();
                let full = format!("{mod_name}.{inner}");
                mb.aliases.insert(
                    inner.split('.').next().unwrap_or(inner).to_string(),
                    format!("{mod_name}.{}", inner.split('.').next().unwrap_or(inner)),
                );
                let source = mb.source.clone();
                let imports = mb.imported.clone();
                let aliases = mb.aliases.clone();
                compile_module(&full, body, &imports, &aliases, &source, structs, out)?;
                record_exports(&mut mb.file_exports, out);
                // The nested module's body runs where it is defined.
                if let Some(call) = body_call(out, &full, stmt.span) {
                    mb.body_code.push(call);
                }
                // The rest of the outer module can build the nested
                // module's struct (`%Inner{}`).
                let atom = Atom::intern(&format!("Elixir.{full}"));
                if let Some(def) = structs.get(&atom) {
                    mb.structs.insert(atom, def.clone());
                }
                Ok(())
            }
            ("defimpl" | "defprotocol", [_, ..]) => {
                // The impl may match the enclosing module's struct.
                if let Some(def) = mb.struct_def.clone() {
                    structs.insert(mb.name, def);
                }
                let current = mb.elixir_name.clone();
                let defined = if f == "defprotocol" {
                    let ExprKind::Alias(inner) = &args[0].kind else {
                        return Err(Diagnostic::new("expected a protocol name", stmt.span));
                    };
                    let full = format!("{}.{inner}", current.clone().unwrap_or_default());
                    vec![(
                        full,
                        crate::protocols::protocol_body(&args[1..], stmt.span)?,
                    )]
                } else {
                    let expand = |a: &str| {
                        let full = mb.expand_alias(a);
                        full.name().trim_start_matches("Elixir.").to_string()
                    };
                    crate::protocols::impl_modules(args, current.as_deref(), &expand, stmt.span)?
                };
                let source = mb.source.clone();
                let imports = mb.imported.clone();
                let aliases = mb.aliases.clone();
                for (name, body) in defined {
                    compile_module(&name, &body, &imports, &aliases, &source, structs, out)?;
                }
                record_exports(&mut mb.file_exports, out);
                Ok(())
            }
            ("defstruct" | "defexception", [fields]) => {
                let mut def = Vec::new();
                let mut written = Vec::new();
                let atom_expr = |a: &str| Expr::new(ExprKind::Atom(a.into()), fields.span);
                let items = match &fields.kind {
                    ExprKind::List { items, tail: None } => items.as_slice(),
                    _ => return Err(Diagnostic::new("expected a list of fields", fields.span)),
                };
                for item in items {
                    match &item.kind {
                        ExprKind::Atom(a) => {
                            def.push((Atom::intern(a), Term::NIL));
                            written.push((Atom::intern(a), atom_expr("nil")));
                        }
                        ExprKind::Tuple(kv) if kv.len() == 2 => {
                            let mut value = kv[1].clone();
                            substitute(&mut value, &mb.attributes, &mb.source.attr_budget)?;
                            let Some(Term::Atom(k)) = const_term(&kv[0], mb) else {
                                return Err(Diagnostic::new("invalid struct field", item.span));
                            };
                            match crate::consts::struct_default(&value, mb) {
                                Some(v) => def.push((k, v)),
                                None => def.push((k, Term::atom(DYNAMIC_DEFAULT))),
                            }
                            written.push((k, value));
                        }
                        _ => return Err(Diagnostic::new("invalid struct field", item.span)),
                    }
                }
                if f == "defexception" {
                    def.push((Atom::EXCEPTION, Term::TRUE));
                    written.push((Atom::EXCEPTION, atom_expr("true")));
                }
                if has_dynamic_default(&def) {
                    mb.dynamic_defaults = written;
                }
                mb.struct_def = Some(def);
                Ok(())
            }
            ("alias", [target, opts @ ..]) => mb.alias(target, opts).map(|_| ()),
            ("require", _) => Ok(()),
            ("use", [target, opts @ ..]) if opts.len() <= 1 => {
                let module = match &target.kind {
                    ExprKind::Alias(written) => mb.expand_alias(written),
                    _ => return Err(Diagnostic::new("expected a module name", target.span)),
                };
                let Some(&(behaviour, extra)) = USABLE.iter().find(|(m, _)| *m == module.name())
                else {
                    let shown = module.name().trim_start_matches("Elixir.");
                    return Err(Diagnostic::new(
                        format!(
                            "`use {shown}` is not supported: Vial has no macros; \
                             `use` works with GenServer, Supervisor, DynamicSupervisor, \
                             Agent and Task"
                        ),
                        stmt.span,
                    ));
                };
                let opts = opts.first().cloned().unwrap_or_else(|| {
                    Expr::new(
                        ExprKind::List {
                            items: Vec::new(),
                            tail: None,
                        },
                        stmt.span,
                    )
                });
                mb.using = Some((behaviour, extra, opts));
                Ok(())
            }
            ("import", [target, opts @ ..]) if opts.len() <= 1 => {
                mb.import_module(target, opts).map(|_| ())
            }
            ("import" | "use", _) => unsupported(&format!("`{f}`")),
            _ => in_body(mb, stmt),
        },
        _ => in_body(mb, stmt),
    }
}

/// The public function holding a module body's own code (see
/// `ModuleBuilder::body_code`), which the script calls where the module
/// is defined; hidden from `__info__(:functions)`.
pub const BODY_FUNCTION: &str = "__vial_module_body__";

/// Keeps `stmt`, code in a module body that defines nothing, to run with
/// the body (`IO.puts`, a match, `Enum.each`, `if` without `def`s in it),
/// its attributes read as they are set at this point.
fn in_body(mb: &mut ModuleBuilder, stmt: &Expr) -> CResult<()> {
    let mut defines = false;
    crate::closure::walk(stmt, &mut |e| {
        if let ExprKind::Call {
            callee: Callee::Local(f),
            ..
        } = &e.kind
        {
            defines |= f.starts_with("def");
        }
        !defines
    });
    if defines {
        return Err(Diagnostic::new(
            "definitions inside code in a module body are not supported yet",
            stmt.span,
        ));
    }
    let mut code = stmt.clone();
    substitute(&mut code, &mb.attributes, &mb.source.attr_budget)?;
    mb.body_code.push(code);
    Ok(())
}

/// A call of module `name`'s body function (`name` as [`compile_module`]
/// takes it), if the module (the last one compiled into `out` under that
/// name) has one.
pub fn body_call(out: &[Module], name: &str, span: Span) -> Option<Expr> {
    let full = match name.strip_prefix(':') {
        Some(erlang) => erlang.to_string(),
        None => format!("Elixir.{name}"),
    };
    let atom = Atom::intern(&full);
    let m = out.iter().rev().find(|m| m.name == atom)?;
    m.exports
        .contains_key(&(Atom::intern(BODY_FUNCTION), 0))
        .then(|| {
            let callee = Callee::Remote {
                module: Box::new(Expr::new(ExprKind::Atom(full), span)),
                name: BODY_FUNCTION.to_string(),
            };
            Expr::new(
                ExprKind::Call {
                    callee,
                    args: Vec::new(),
                    parens: true,
                },
                span,
            )
        })
}

/// The `do:` body among a call's trailing keyword arguments.
pub fn do_body(rest: &[Expr]) -> Option<&Expr> {
    rest.iter().rev().find_map(|o| keyword(o, "do"))
}

/// The value of keyword `key` in a keyword-list expression `[key: value]`.
pub fn keyword<'a>(list: &'a Expr, key: &str) -> Option<&'a Expr> {
    let ExprKind::List { items, tail: None } = &list.kind else {
        return None;
    };
    items.iter().find_map(|item| match &item.kind {
        ExprKind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
            ExprKind::Atom(k) if k == key => Some(&kv[1]),
            _ => None,
        },
        _ => None,
    })
}

fn compile_defs(mb: &mut ModuleBuilder, defs: &[DefClause]) -> CResult<()> {
    // Group by (name, arity) in order of first appearance.
    let mut groups: Vec<((String, u32), Vec<&DefClause>)> = Vec::new();
    for d in defs {
        let key = (d.name.clone(), d.params.len() as u32);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.push(d),
            None => groups.push((key, vec![d])),
        }
    }
    // Declare every function (and default-argument wrapper) first.
    let mut wrappers = Vec::new();
    for ((name, arity), clauses) in &groups {
        mb.declare(name, *arity, clauses[0].public);
        mb.def_spans.insert((name.clone(), *arity), clauses[0].span);
        arity_of(*arity as usize, clauses[0].span)?;
        let has_defaults = |c: &&&DefClause| {
            c.params.iter().any(|p| {
                matches!(
                    p.kind,
                    ExprKind::Binary {
                        op: BinOp::Default,
                        ..
                    }
                )
            })
        };
        if let Some(again) = clauses.iter().filter(has_defaults).nth(1) {
            let kind = if clauses[0].public { "def" } else { "defp" };
            return Err(Diagnostic::new(
                format!(
                    "{kind} {name}/{arity} defines defaults multiple times. \
                     Elixir allows defaults to be declared once per definition"
                ),
                again.span,
            ));
        }
        let defaults: Vec<(usize, &Expr)> = clauses
            .iter()
            .flat_map(|c| c.params.iter().enumerate())
            .filter_map(|(i, p)| match &p.kind {
                ExprKind::Binary {
                    op: BinOp::Default,
                    rhs,
                    ..
                } => Some((i, &**rhs)),
                _ => None,
            })
            .collect();
        if !defaults.is_empty() {
            let required = *arity as usize - defaults.len();
            for k in required..*arity as usize {
                if !mb.locals.contains_key(&(name.clone(), k as u32)) {
                    mb.declare(name, k as u32, clauses[0].public);
                    wrappers.push((
                        name.clone(),
                        *arity,
                        k,
                        defaults.clone(),
                        clauses[0].span,
                        clauses[0].imports.clone(),
                    ));
                }
            }
        }
    }
    for (name, full, k, defaults, span, imports) in wrappers {
        mb.imported = imports;
        compile_default_wrapper(mb, &name, full, k, &defaults, span)?;
    }
    for ((name, arity), clauses) in &groups {
        let index = mb.locals[&(name.clone(), *arity)];
        if clauses.iter().all(|d| d.header) {
            let kind = if clauses[0].public { "def" } else { "defp" };
            return Err(Diagnostic::new(
                format!("implementation not provided for predefined {kind} {name}/{arity}"),
                clauses[0].span,
            ));
        }
        // Clauses of one function defined under different imports (an
        // `import` between them) all see those of the first.
        mb.imported = clauses[0].imports.clone();
        let clauses: Vec<Clause> = clauses
            .iter()
            .filter(|d| !d.header)
            .map(|d| Clause {
                params: d.params.iter().map(|p| strip_default(p).clone()).collect(),
                guard: d.guard.clone(),
                body: d.body.clone(),
                span: d.span,
            })
            .collect();
        let mut fb = FnBuilder::new(mb, name.clone(), *arity, *arity as u16);
        fb.function_clauses(&clauses, 0, clauses[0].span)?;
        let (f, mb2) = fb.build(true, 0);
        mb2.define(index, f);
    }
    Ok(())
}

fn strip_default(p: &Expr) -> &Expr {
    match &p.kind {
        ExprKind::Binary {
            op: BinOp::Default,
            lhs,
            ..
        } => lhs,
        _ => p,
    }
}

/// `name/k` calling `name/full` with the rightmost defaults filled in.
fn compile_default_wrapper(
    mb: &mut ModuleBuilder,
    name: &str,
    full: u32,
    k: usize,
    defaults: &[(usize, &Expr)],
    span: Span,
) -> CResult<()> {
    let index = mb.locals[&(name.to_string(), k as u32)];
    let explicit_defaults = k - (full as usize - defaults.len());
    let mut fb = FnBuilder::new(mb, name.to_string(), k as u32, k as u16);
    fb.set_span(span);
    let args = fb.alloc_n(full as u16, span)?;
    let mut next_arg = 0u16;
    let mut seen_defaults = 0;
    for i in 0..full as usize {
        let dst = args + i as u16;
        match defaults.iter().find(|(pos, _)| *pos == i) {
            Some((_, default)) if seen_defaults >= explicit_defaults => {
                seen_defaults += 1;
                fb.expr(default, Dest::Reg(dst))?;
            }
            Some(_) => {
                seen_defaults += 1;
                fb.emit(Instr::Move { src: next_arg, dst });
                next_arg += 1;
            }
            None => {
                fb.emit(Instr::Move { src: next_arg, dst });
                next_arg += 1;
            }
        }
    }
    let target = fb.m.locals[&(name.to_string(), full)];
    fb.emit(Instr::TailCallLocal {
        fun: target,
        args,
        argc: full as u8,
    });
    let (f, mb) = fb.build(true, 0);
    mb.define(index, f);
    Ok(())
}

/// What a struct's definition holds for a default that is not a constant:
/// its value comes from calling the module's `__struct__/0`, which
/// evaluates it (Elixir evaluates it once, when the module compiles; Vial
/// at each `%S{}`, the same for code without side effects).
pub const DYNAMIC_DEFAULT: &str = "$vial_dynamic_default";

/// Whether struct definition `def` has a default only `__struct__/0`
/// computes (see [`DYNAMIC_DEFAULT`]).
pub fn has_dynamic_default(def: &[(Atom, Term)]) -> bool {
    def.iter()
        .any(|(_, v)| matches!(v, Term::Atom(a) if a.name() == DYNAMIC_DEFAULT))
}

/// `__struct__/0` for struct modules, as Elixir defines it, and
/// `__enforce_keys__/0` for those with `@enforce_keys`.
fn define_reflection(mb: &mut ModuleBuilder, defs: &mut Vec<DefClause>) {
    let Some(def) = mb.struct_def.clone() else {
        return;
    };
    let mut map = vial_vm::term::Map::new();
    for (k, v) in def {
        map.insert(Term::Atom(k), v);
    }
    map.insert(Term::Atom(Atom::STRUCT), Term::Atom(mb.name));
    if mb.dynamic_defaults.is_empty() {
        constant_function(mb, "__struct__", Term::map(map));
    } else {
        // A map of every field's default as written.
        let span = mb.dynamic_defaults[0].1.span;
        let atom = |a: &str| Expr::new(ExprKind::Atom(a.to_string()), span);
        let mut entries = vec![(atom("__struct__"), atom(mb.name.name()))];
        entries.extend(
            std::mem::take(&mut mb.dynamic_defaults)
                .into_iter()
                .map(|(k, v)| (atom(k.name()), v)),
        );
        let body = Expr::new(
            ExprKind::Map {
                update: None,
                entries,
            },
            span,
        );
        defs.push(DefClause {
            name: "__struct__".to_string(),
            params: Vec::new(),
            guard: None,
            body,
            public: true,
            header: false,
            imports: mb.imported.clone(),
            span,
        });
    }
    // `@enforce_keys` (a constant list of atoms), which `struct!/2` checks.
    let enforced = mb.attributes.get("enforce_keys").cloned();
    if let Some(keys) = enforced.and_then(|e| const_term(&e, mb)) {
        constant_function(mb, "__enforce_keys__", keys);
    }
}

/// `__info__/1`, which every Elixir module has: `:module` gives its name,
/// `:functions` its public functions as a sorted `[name: arity]` list
/// (without itself and Vial's own `__enforce_keys__`), `:macros`,
/// `:attributes` and the rest `[]`.
fn define_info(mb: &mut ModuleBuilder) -> CResult<()> {
    let mut functions: Vec<(Atom, u32)> = mb
        .functions
        .iter()
        .zip(&mb.public)
        .filter_map(|(f, &public)| f.as_ref().filter(|_| public).map(|f| (f.name, f.arity)))
        .filter(|(name, _)| !matches!(name.name(), "__enforce_keys__" | BODY_FUNCTION))
        .collect();
    functions.sort_by(|a, b| a.0.name().cmp(b.0.name()).then(a.1.cmp(&b.1)));
    let list = Term::list(
        functions
            .iter()
            .map(|(n, a)| Term::tuple([Term::Atom(*n), Term::Int(*a as i64)]))
            .collect::<Vec<_>>(),
    );
    let name = Term::Atom(mb.name);
    let index = mb.declare("__info__", 1, true);
    let mut fb = FnBuilder::new(mb, "__info__".into(), 1, 1);
    let out = fb.alloc(vial_syntax::ast::Span::new(0, 0))?;
    for (key, value) in [("module", name), ("functions", list)] {
        let next = fb.new_label();
        fb.emit(Instr::IsEqAtom {
            a: 0,
            atom: Atom::intern(key),
            fail: FnBuilder::target(next),
        });
        fb.load_const(value, out);
        fb.emit(Instr::Return { src: out });
        fb.bind(next);
    }
    fb.load_const(Term::EmptyList, out);
    fb.emit(Instr::Return { src: out });
    let (f, mb) = fb.build(true, 0);
    mb.define(index, f);
    Ok(())
}

/// A public function `name/0` returning the constant `value`.
fn constant_function(mb: &mut ModuleBuilder, name: &str, value: Term) {
    let index = mb.declare(name, 0, true);
    let mut fb = FnBuilder::new(mb, name.into(), 0, 0);
    fb.load_const(value, 0);
    fb.emit(Instr::Return { src: 0 });
    let (f, mb) = fb.build(true, 0);
    mb.define(index, f);
}

impl FnBuilder<'_> {
    /// Compiles the clauses of a function whose arguments are in registers
    /// `0..arity` (captured values follow from `arity`). A call matching no
    /// clause raises FunctionClauseError.
    pub fn function_clauses(&mut self, clauses: &[Clause], env: u16, span: Span) -> CResult<()> {
        let arity = self.arity as u16;
        let outer = self.save_scope();
        for clause in clauses {
            self.restore_scope(outer.clone());
            self.set_span(clause.span);
            let next = self.new_label();
            let mut bound = Vec::new();
            for (i, p) in clause.params.iter().enumerate() {
                self.pattern_top(p, i as u16, next, &mut bound)?;
            }
            if let Some(g) = &clause.guard {
                self.guard(g, next)?;
            }
            self.expr(&clause.body, Dest::Tail)?;
            self.bind(next);
        }
        self.restore_scope(outer);
        let _ = env;
        self.set_span(span);
        let r = self.alloc(span)?;
        // The arguments, as a tuple (`{}` for none: the register must be
        // written, see `code::Function::check_writes_before_reads`).
        self.emit(Instr::MakeTuple {
            start: 0,
            n: arity,
            dst: r,
        });
        self.emit(Instr::Fail {
            kind: FailKind::FunctionClause,
            src: r,
        });
        Ok(())
    }
}

/// Replaces each variable named in `params` by the matching expression of
/// `args` (all at once), within the guard expression `e`.
fn replace_vars(e: &mut Expr, params: &[String], args: &[Expr]) {
    if let ExprKind::Var(v) = &e.kind {
        if let Some(i) = params.iter().position(|p| p == v) {
            *e = args[i].clone();
        }
        return;
    }
    let each = |items: &mut Vec<Expr>| items.iter_mut().for_each(|x| replace_vars(x, params, args));
    match &mut e.kind {
        ExprKind::Tuple(items) | ExprKind::Block(items) => each(items),
        ExprKind::List { items, tail } => {
            each(items);
            if let Some(t) = tail {
                replace_vars(t, params, args);
            }
        }
        ExprKind::Unary { operand, .. } => replace_vars(operand, params, args),
        ExprKind::Binary { lhs, rhs, .. } => {
            replace_vars(lhs, params, args);
            replace_vars(rhs, params, args);
        }
        ExprKind::Call {
            args: call_args, ..
        } => each(call_args),
        ExprKind::Dot { expr, .. } => replace_vars(expr, params, args),
        ExprKind::Access { expr, key } => {
            replace_vars(expr, params, args);
            replace_vars(key, params, args);
        }
        _ => {}
    }
}

/// Whether literal `t` is or contains a float.
fn holds_float(t: &Term) -> bool {
    match t {
        Term::Float(_) => true,
        Term::Cons(_) => {
            let mut items = t.iter_list();
            items.by_ref().any(holds_float) || holds_float(items.tail())
        }
        Term::Tuple(items) => items.0.iter().any(holds_float),
        Term::Map(m) => m.iter().any(|(k, v)| holds_float(k) || holds_float(v)),
        _ => false,
    }
}
