//! Vial's front end: source text to [`ast::Expr`].
//!
//! Pipeline: `logos` tokens ([`lexer`]) → the identifier-classifying pass
//! ([`classify`]) → the lalrpop grammar (`grammar/vial.lalrpop`) → AST.
//! Parsing never panics: [`parse`] returns a tree and a list of diagnostics.

pub mod ast;
mod builder;
pub mod classify;
pub mod diagnostic;
pub mod lexer;
mod parser;
pub mod sexp;
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
