//! Vial's front end: source text to [`ast::Expr`].
//!
//! ```text
//! source ─► lexer ─► tokens ─► classify ─► tokens ─► grammar ─► ast::Expr
//!          (logos +            (calls, newlines,     (lalrpop,
//!           strings.rs)         do-block owners)      builder.rs)
//! ```
//!
//! * [`lexer`]: the `logos` token layer; string bodies, escapes, heredocs and
//!   `#{}` interpolation are scanned by hand in `strings.rs`.
//! * [`classify`]: Elixir's tokenizer-side context work (identifier kinds,
//!   which newlines end expressions, where calls without parentheses end,
//!   which call a `do` block belongs to, bracket matching, nesting limits).
//! * `grammar/vial.lalrpop` with `builder.rs` (AST shapes) and `parser.rs`
//!   (glue, interpolation parsing, error messages).
//! * [`diagnostic`]: renderer-neutral [`Diagnostic`]s and their rendering.
//! * [`sexp`]: a compact printer of the AST for tests and debugging.
//!
//! Invariants: parsing never panics and never recurses deeper than the
//! nesting limit ([`classify::MAX_NESTING`]); every node carries the byte
//! span of its source text; [`parse`] returns a tree and a list of
//! diagnostics, and a non-empty list means the tree must not be compiled.

#![warn(missing_docs)]

#[allow(missing_docs)]
pub mod ast;
mod builder;
pub mod classify;
pub mod diagnostic;
pub mod lexer;
mod parser;
pub mod sexp;
mod sigils;
mod strings;
pub mod token;

pub use diagnostic::{render, Diagnostic};

/// Parses a whole file (or REPL input) into a top-level `Block`.
///
/// Never panics. When `diagnostics` is non-empty the returned expression is
/// whatever could be built (possibly an empty block) and must not be compiled.
pub fn parse(source: &str) -> (ast::Expr, Vec<Diagnostic>) {
    let outcome = parser::analyze(source);
    (outcome.expr, outcome.diagnostics)
}

/// True when `source` ends inside an unfinished construct: an open `do`,
/// `fn` or bracket, an unterminated string, heredoc or interpolation, or a
/// trailing binary operator or comma. The REPL then reads another line.
///
/// Complete input, and input with a syntax error before its end, give false.
pub fn is_incomplete(source: &str) -> bool {
    parser::analyze(source).incomplete
}
