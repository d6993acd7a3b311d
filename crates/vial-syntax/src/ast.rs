//! The abstract syntax tree produced by [`crate::parse`].
//!
//! The shape follows Elixir's own quoted form: every construct that Elixir
//! treats as a macro call (`defmodule`, `def`, `case`, `if`, `receive`, `try`,
//! `for`, `with`, ...) is a plain [`ExprKind::Call`] whose arguments carry the
//! pieces, and a `do ... end` block becomes a trailing keyword-list argument
//! (`[do: ..., else: ...]`). The parser therefore knows no keywords beyond the
//! operators; the compiler gives meaning to the calls.
//!
//! Every node carries a byte [`Span`] into the source so diagnostics can
//! underline it.

use num_bigint::BigInt;

/// A half-open byte range `start..end` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// An expression with its source span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

/// One piece of a string or charlist literal: literal text (escapes already
/// resolved, heredoc indentation already stripped) or an interpolated `#{expr}`.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    Lit(String),
    /// Literal bytes that are not valid UTF-8 (`"\xFF"`).
    Bytes(Vec<u8>),
    Interp(Expr),
}

/// A clause `params when guard -> body`, used by `fn`, `case`, `receive`,
/// `cond`, `rescue`, `catch`, `else` and `after` sections.
///
/// `case x do {:ok, v} when v > 0 -> v end` gives one clause with
/// `params = [{:ok, v}]`, `guard = Some(v > 0)`, `body = Block([v])`.
/// `fn a, b -> a + b end` gives `params = [a, b]`. `cond do x > 1 -> :big end`
/// gives `params = [x > 1]`. `catch kind, value -> ...` gives two params.
/// A clause with no parameters (`fn -> :ok end`) has `params = []`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub params: Vec<Expr>,
    pub guard: Option<Expr>,
    /// Always an [`ExprKind::Block`] (possibly of one expression, or empty).
    pub body: Expr,
    pub span: Span,
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `!x`
    Bang,
}

/// Infix operators, named for what they are in Elixir.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `=` (pattern match)
    Match,
    /// `|>`
    Pipe,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `**`
    Pow,
    /// `<>`
    Concat,
    /// `++`
    ListConcat,
    /// `--`
    ListSubtract,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNotEq,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `and`
    And,
    /// `or`
    Or,
    /// `&&`
    AndAnd,
    /// `||`
    OrOr,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `..` (a range `first..last`; with a step it is `StepRange(Range(a, b), s)`)
    Range,
    /// `//` (only after a range: `a..b//s`)
    StepRange,
    /// `when` (in a function head: `def f(x) when x > 0`)
    When,
    /// `<-` (generator or `with` clause)
    LArrow,
    /// `\\` (default argument)
    Default,
    /// `=~`
    MatchOp,
    /// `::` (type annotation; parsed, not compiled)
    Type,
    /// `|` outside of list/map syntax (e.g. inside a pattern argument); rarely used
    Pipe1,
    /// `&&&` (`Bitwise.band/2`)
    Band,
    /// `|||` (`Bitwise.bor/2`)
    Bor,
    /// `<<<` (`Bitwise.bsl/2`)
    Bsl,
    /// `>>>` (`Bitwise.bsr/2`)
    Bsr,
}

/// The callee of a call with a name.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// `foo(x)`, `foo x`, `case x do ... end`, `def f(x), do: x`
    Local(String),
    /// `Mod.fun(x)`, `:erlang.fun(x)`, `mod_var.fun(x)`, `IO.puts "hi"`.
    /// `module` is an [`ExprKind::Alias`], [`ExprKind::Atom`], a variable or
    /// any other expression (`__MODULE__`).
    Remote { module: Box<Expr>, name: String },
}

/// Expression kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `42`, `1_000`, `0xFF`, `?a` (a character literal is its code point).
    Integer(BigInt),
    /// `1.5`, `1.0e10`
    Float(f64),
    /// `:ok`, `:"with space"`, `true`, `false`, `nil` (as `"true"`, `"false"`, `"nil"`),
    /// and keyword keys (`ok:` in `[ok: 1]` becomes `Atom("ok")`).
    Atom(String),
    /// A module alias as written: `Foo`, `Foo.Bar` (segments joined with `.`).
    Alias(String),
    /// `"text #{x}"` and `"""` heredocs.
    Str(Vec<StrPart>),
    /// `'text'` (a charlist).
    Charlist(Vec<StrPart>),
    /// A variable name, including `_` and `_ignored`.
    Var(String),
    /// `__MODULE__`
    Module,
    /// `{a, b}`
    Tuple(Vec<Expr>),
    /// `[a, b | tail]`. Keyword entries `[a: 1]` are 2-tuples `{:a, 1}` in `items`.
    List {
        items: Vec<Expr>,
        tail: Option<Box<Expr>>,
    },
    /// `%{k => v, a: 1}` or `%{base | k => v}` (then `update = Some(base)`).
    /// `a: 1` entries have an `Atom("a")` key.
    Map {
        update: Option<Box<Expr>>,
        entries: Vec<(Expr, Expr)>,
    },
    /// `%Name{a: 1}` or `%Name{base | a: 1}`; `name` is an `Alias` or `Module`.
    Struct {
        name: Box<Expr>,
        update: Option<Box<Expr>>,
        entries: Vec<(Expr, Expr)>,
    },
    /// `-x`, `not x`, `!x`
    Unary { op: UnaryOp, operand: Box<Expr> },
    /// `a + b`, `a = b`, `a |> f()`, `x when g`, `x <- xs`, `a \\ 1`, ...
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `^x`
    Pin(Box<Expr>),
    /// A named call. `args` holds the arguments in order; a trailing keyword
    /// list (`f(a, b: 1)`) is one final `List` argument of 2-tuples, and a
    /// `do ... end` block is one further final `List` argument
    /// `[do: body, else: body, after: body, rescue: clauses, catch: clauses]`
    /// whose values are a `Block` or, when the section holds `->` clauses,
    /// [`ExprKind::Clauses`]. `do:` one-liners stay a keyword-list argument.
    /// `parens` is true when written with parentheses.
    Call {
        callee: Callee,
        args: Vec<Expr>,
        parens: bool,
    },
    /// `expr.name` with no parentheses and no arguments where `expr` is not an
    /// alias (map field access: `user.name`).
    Dot { expr: Box<Expr>, name: String },
    /// `fun.(a, b)`
    Apply { fun: Box<Expr>, args: Vec<Expr> },
    /// `expr[key]`
    Access { expr: Box<Expr>, key: Box<Expr> },
    /// `fn clauses end`
    Fn(Vec<Clause>),
    /// `&expr`: `&foo/1`, `&Mod.fun/2`, `&(&1 + 1)`, `&{&1, &2}`.
    Capture(Box<Expr>),
    /// `&1`, `&2`, ... inside a capture.
    CaptureArg(u32),
    /// A sequence of expressions: a file, a `do` body, `(a; b)`.
    Block(Vec<Expr>),
    /// The `->` clauses of a `do`/`else`/`after`/`rescue`/`catch` section.
    Clauses(Vec<Clause>),
    /// `@name` (read) or `@name value` (set).
    Attribute {
        name: String,
        value: Option<Box<Expr>>,
    },
}
