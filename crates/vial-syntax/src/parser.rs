//! Glue between the token layers and the lalrpop grammar: runs the pipeline,
//! parses string interpolations, and turns parse errors into Elixir-style
//! diagnostics.

use lalrpop_util::ParseError;

use crate::ast::{Expr, ExprKind, Span};
use crate::classify::{classify, Unclosed};
use crate::diagnostic::{line_col, Diagnostic};
use crate::lexer::tokenize;
use crate::token::{Piece, Spanned, Token};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_qualifications, missing_docs)]
    grammar,
    "/vial.rs"
);

/// The result of running the whole front end on one source text.
pub(crate) struct Outcome {
    pub expr: Expr,
    pub diagnostics: Vec<Diagnostic>,
    /// True when the input stopped inside an unfinished construct.
    pub incomplete: bool,
}

/// A parse failure: the diagnostic, and whether it happened at the end of
/// the input (more input could fix it).
struct Failure {
    diagnostic: Diagnostic,
    at_eof: bool,
}

/// Lexes, classifies and parses `source`.
pub(crate) fn analyze(source: &str) -> Outcome {
    let fail = |diagnostic: Diagnostic, incomplete: bool| Outcome {
        expr: Expr::new(ExprKind::Block(Vec::new()), Span::new(0, 0)),
        diagnostics: vec![diagnostic],
        incomplete,
    };
    let tokens = match tokenize(source) {
        Ok(tokens) => tokens,
        Err(e) => {
            let incomplete = e.incomplete;
            return fail(Diagnostic::new(e.message, e.span), incomplete);
        }
    };
    let classified = match classify(source, tokens, 0) {
        Ok(c) => c,
        Err(d) => return fail(d, false),
    };
    match parse_tokens(
        source,
        classified.tokens,
        &classified.unclosed,
        source.len(),
    ) {
        Ok(expr) => Outcome {
            expr,
            diagnostics: Vec::new(),
            incomplete: false,
        },
        Err(f) => fail(f.diagnostic, f.at_eof),
    }
}

/// Parses a classified token stream into a `Block`, after parsing the
/// interpolations inside its string tokens.
///
/// `eof` is the offset reported for errors at the end of the stream (the end
/// of the source, or the `}` closing an interpolation).
fn parse_tokens(
    source: &str,
    mut tokens: Vec<Spanned>,
    unclosed: &[Unclosed],
    eof: usize,
) -> Result<Expr, Failure> {
    for t in tokens.iter_mut() {
        if let Token::Str(pieces) | Token::Charlist(pieces) | Token::AtomInterp(pieces) = &mut t.tok
        {
            for piece in pieces.iter_mut() {
                if let Piece::Tokens(inner, span) = piece {
                    let inner = std::mem::take(inner);
                    let span = *span;
                    let close = (span.end as usize).saturating_sub(1);
                    let block = parse_tokens(source, inner, &[], close).map_err(|mut f| {
                        f.at_eof = false;
                        f
                    })?;
                    *piece = Piece::Expr(single(block, span));
                }
            }
        }
    }
    let parser = grammar::FileParser::new();
    let stream = tokens.iter().map(|t| Ok((t.start, t.tok.clone(), t.end)));
    parser
        .parse(stream)
        .map_err(|e| failure(source, &tokens, unclosed, eof, e))
}

/// The expression of an interpolation: its only statement, or the block.
fn single(block: Expr, span: Span) -> Expr {
    match block.kind {
        ExprKind::Block(mut exprs) if exprs.len() == 1 => exprs
            .pop()
            .unwrap_or_else(|| Expr::new(ExprKind::Block(Vec::new()), span)),
        ExprKind::Block(exprs) => Expr::new(ExprKind::Block(exprs), span),
        kind => Expr::new(kind, block.span),
    }
}

fn failure(
    source: &str,
    tokens: &[Spanned],
    unclosed: &[Unclosed],
    end: usize,
    error: ParseError<usize, Token, crate::builder::SynErr>,
) -> Failure {
    let eof = |source: &str| {
        let message = match unclosed.last() {
            Some(u) => format!(
                "missing terminator: {} (for \"{}\" starting at line {})",
                u.terminator,
                u.opener,
                line_col(source, u.span.start as usize).0
            ),
            None => "syntax error: expression is incomplete".to_string(),
        };
        Failure {
            diagnostic: Diagnostic::new(message, Span::new(end, end)),
            at_eof: true,
        }
    };
    match error {
        ParseError::UnrecognizedEof { .. } => eof(source),
        ParseError::UnrecognizedToken {
            token: (start, tok, end),
            ..
        }
        | ParseError::ExtraToken {
            token: (start, tok, end),
        } => {
            let (tok, span) = if tok.is_synthetic() || tok == Token::Eol {
                match tokens
                    .iter()
                    .find(|t| t.start >= start && !t.tok.is_synthetic() && t.tok != Token::Eol)
                {
                    Some(t) => (t.tok.clone(), t.span()),
                    None => return eof(source),
                }
            } else {
                (tok, Span::new(start, end))
            };
            let message = if tok.is_reserved_word() {
                format!("unexpected reserved word: {tok}")
            } else {
                format!("syntax error before: {tok}")
            };
            Failure {
                diagnostic: Diagnostic::new(message, span),
                at_eof: false,
            }
        }
        ParseError::InvalidToken { location } => Failure {
            diagnostic: Diagnostic::new("invalid token", Span::new(location, location)),
            at_eof: false,
        },
        ParseError::User { error } => Failure {
            diagnostic: Diagnostic::new(error.message, error.span),
            at_eof: false,
        },
    }
}
