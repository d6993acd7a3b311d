//! The token layer: a `logos` lexer for everything outside string bodies,
//! driven by a small loop that also handles the context-dependent pieces
//! (keyword keys `name:`, `not in`, character literals, keywords after `.`).
//!
//! String, charlist, heredoc and quoted-atom bodies are scanned by hand in
//! `strings.rs`; an interpolation `#{...}` re-enters the lexer loop in
//! interpolation mode, which stops at the `}` that balances it (a brace-depth
//! count), so interpolations nest to any depth up to [`MAX_INTERP_DEPTH`].

use logos::Logos;
use num_bigint::BigInt;

use crate::ast::{BinOp, Span};
use crate::strings::charlist;
use crate::token::{Piece, Spanned, Token};

/// How deeply string interpolations may nest (`"#{"#{"..."}"}"`).
pub const MAX_INTERP_DEPTH: usize = 16;

/// A lexical error.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    /// Elixir-style message, e.g. `missing terminator: " (for string starting at line 1)`.
    pub message: String,
    /// Where the caret goes.
    pub span: Span,
    /// True when the input simply stopped too early (an unterminated string,
    /// heredoc or interpolation): the REPL should ask for more input.
    pub incomplete: bool,
}

impl LexError {
    pub(crate) fn new(message: impl Into<String>, span: Span) -> LexError {
        LexError {
            message: message.into(),
            span,
            incomplete: false,
        }
    }
}

/// Raw tokens as `logos` sees them. Payloads are computed by the driver loop
/// from the token's text.
#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(skip r"[ \t\r\f]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
#[logos(skip r"\\\r?\n")]
enum Raw {
    #[regex(r"\r?\n")]
    Newline,
    #[token(";")]
    Semi,
    #[regex(r"[0-9][0-9_]*")]
    Int,
    #[regex(r"0x[0-9a-fA-F_]+")]
    Hex,
    #[regex(r"0b[01_]+")]
    Bin,
    #[regex(r"0o[0-7_]+")]
    Oct,
    #[regex(r"[0-9][0-9_]*\.[0-9][0-9_]*([eE][+-]?[0-9][0-9_]*)?")]
    Float,
    #[token("?")]
    CharLit,
    #[regex(r":[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_@]*[?!]?")]
    Atom,
    #[regex(r":(\+|-|\*|/|==|!=|===|!==|<|>|<=|>=|&&|\|\||!|<>|\+\+|--|\.\.|\|>|=~|@|&|\^|=|->|<-|\\\\|\||\.|%|%\{\}|\{\}|\*\*|//|&&&|\|\|\||<<<|>>>|<<~|~>>|<~|~>|<~>|<\|>|\.\.\.|\.\.//|<<>>|\+\+\+|---|::|\^\^\^|~~~)")]
    OpAtom,
    #[token(":\"")]
    QuotedAtomDq,
    #[token(":'")]
    QuotedAtomSq,
    #[token("\"")]
    StrStart,
    #[token("\"\"\"")]
    HeredocStart,
    #[token("'")]
    CharlistStart,
    #[token("'''")]
    CharHeredocStart,
    #[regex(r"[A-Z][a-zA-Z0-9_]*")]
    Alias,
    #[regex(r"[\p{Ll}\p{Lo}_][\p{L}\p{N}\p{Mn}\p{Mc}_]*[?!]?")]
    Ident,
    #[regex(r"&[0-9]+")]
    CaptureArg,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("nil")]
    Nil,
    #[token("__MODULE__")]
    Module,
    #[token("fn")]
    Fn,
    #[token("do")]
    Do,
    #[token("end")]
    End,
    #[token("else")]
    Else,
    #[token("after")]
    After,
    #[token("catch")]
    Catch,
    #[token("rescue")]
    Rescue,
    #[token("when")]
    When,
    #[token("and")]
    And,
    #[token("or")]
    Or,
    #[token("not")]
    Not,
    #[token("in")]
    In,
    #[token("=")]
    Match,
    #[token("|>")]
    Pipe,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("**")]
    Pow,
    #[token("<>")]
    Concat,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("..")]
    Range,
    #[token("//")]
    StepOp,
    #[token("==")]
    Eq,
    #[token("!=")]
    NotEq,
    #[token("===")]
    StrictEq,
    #[token("!==")]
    StrictNotEq,
    #[token("=~")]
    MatchOp,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("&&")]
    AndAnd,
    #[token("&&&")]
    AndAndAnd,
    #[token("|||")]
    OrOrOr,
    #[token("<<<")]
    ShiftLeft,
    #[token(">>>")]
    ShiftRight,
    #[token("||")]
    OrOr,
    #[token("|")]
    Bar,
    #[token("=>")]
    Assoc,
    #[token("::")]
    TypeOp,
    #[token("<-")]
    LArrow,
    #[token("\\\\")]
    Default,
    #[token("->")]
    Arrow,
    #[token("!")]
    Bang,
    #[token("^")]
    Caret,
    #[token("@")]
    At,
    #[token("&")]
    Amp,
    #[token(".")]
    Dot,
    #[token(".(")]
    DotParen,
    #[token(",")]
    Comma,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("%{")]
    MapOpen,
    #[token("%")]
    Percent,
    #[token("<<")]
    BitOpen,
    #[token(">>")]
    BitClose,
    #[token("~")]
    Tilde,
    #[token("~~~")]
    Bnot,
    #[token("...")]
    Ellipsis,
}

/// Tokenizes a whole source text.
///
/// Stops at the first lexical error. Newlines are [`Token::Eol`] tokens and
/// `;` is [`Token::Semi`]; the classifier decides which of them end an
/// expression.
pub fn tokenize(src: &str) -> Result<Vec<Spanned>, LexError> {
    let mut lexer = Lexer {
        src,
        interp_depth: 0,
    };
    lexer.run(0, None).map(|(tokens, _)| tokens)
}

/// The driver: owns the source and the interpolation depth.
pub(crate) struct Lexer<'s> {
    pub(crate) src: &'s str,
    pub(crate) interp_depth: usize,
}

/// True for characters that may continue an identifier.
pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl<'s> Lexer<'s> {
    /// The character at byte offset `pos`, if any.
    pub(crate) fn char_at(&self, pos: usize) -> Option<char> {
        self.src.get(pos..).and_then(|s| s.chars().next())
    }

    /// Lexes from `start`. With `interp = Some(open)` (the offset of the
    /// `#{`), stops after the `}` that closes the interpolation and returns
    /// the offset after it; otherwise runs to the end of the source.
    pub(crate) fn run(
        &mut self,
        start: usize,
        interp: Option<usize>,
    ) -> Result<(Vec<Spanned>, usize), LexError> {
        let mut lex = Raw::lexer(self.src);
        lex.bump(start);
        let mut out: Vec<Spanned> = Vec::new();
        let mut braces = 0usize;
        while let Some(result) = lex.next() {
            let span = lex.span();
            let (s, e) = (span.start, span.end);
            let text = lex.slice();
            let raw = match result {
                Ok(raw) => raw,
                Err(()) => {
                    let c = self.char_at(s).unwrap_or(' ');
                    return Err(LexError::new(
                        format!(
                            "unexpected token: \"{}\" (column {}, code point U+{:04X})",
                            if c.is_control() {
                                c.escape_default().to_string()
                            } else {
                                c.to_string()
                            },
                            crate::diagnostic::line_col(self.src, s).1,
                            c as u32
                        ),
                        Span::new(s, e),
                    ));
                }
            };
            let after_dot = matches!(
                out.last(),
                Some(Spanned {
                    tok: Token::Dot,
                    ..
                })
            );
            // `&+/2`, `Kernel.+(1)`, `&Kernel.+/2`: an operator used as a
            // function name right after `.` or `&`, before `/` or `(`.
            let op_name = is_operator_name(raw)
                && matches!(
                    out.last(),
                    Some(Spanned { tok: Token::Dot | Token::Amp, end, .. }) if *end == s
                )
                && matches!(self.char_at(e), Some('/' | '('));
            let mut end = e;
            let tok = match raw {
                Raw::Newline => Token::Eol,
                Raw::Semi => Token::Semi,
                Raw::Int => Token::Int(parse_int(&text.replace('_', ""), 10, s, e)?),
                Raw::Hex => Token::Int(parse_int(&text[2..].replace('_', ""), 16, s, e)?),
                Raw::Bin => Token::Int(parse_int(&text[2..].replace('_', ""), 2, s, e)?),
                Raw::Oct => Token::Int(parse_int(&text[2..].replace('_', ""), 8, s, e)?),
                Raw::Float => match text.replace('_', "").parse::<f64>() {
                    Ok(x) if x.is_finite() => Token::Float(x),
                    _ => return Err(LexError::new("invalid float number", Span::new(s, e))),
                },
                Raw::CharLit => {
                    let (value, next) = self.char_literal(e)?;
                    end = next;
                    Token::Int(BigInt::from(value))
                }
                Raw::Atom | Raw::OpAtom => Token::Atom(text[1..].to_string()),
                Raw::QuotedAtomDq | Raw::QuotedAtomSq => {
                    let quote = if raw == Raw::QuotedAtomDq { '"' } else { '\'' };
                    let (pieces, next) = self.scan_quoted(e, quote, s, "atom")?;
                    end = next;
                    if pieces.iter().any(|p| matches!(p, Piece::Tokens(..))) {
                        Token::AtomInterp(pieces)
                    } else {
                        Token::Atom(self.plain_text(pieces, s, next, "atom")?)
                    }
                }
                Raw::StrStart | Raw::CharlistStart => {
                    let quote = if raw == Raw::StrStart { '"' } else { '\'' };
                    let (pieces, next) = self.scan_quoted(e, quote, s, "string")?;
                    end = next;
                    if self.kw_colon_at(next) {
                        end = next + 1;
                        Token::KwKey(self.plain_text(pieces, s, next, "keyword")?)
                    } else if quote == '"' {
                        Token::Str(pieces)
                    } else {
                        charlist(pieces, Span::new(s, next))?
                    }
                }
                Raw::HeredocStart | Raw::CharHeredocStart => {
                    let quote = if raw == Raw::HeredocStart { '"' } else { '\'' };
                    let (pieces, next) = self.scan_heredoc(e, quote, s, false)?;
                    end = next;
                    if quote == '"' {
                        Token::Str(pieces)
                    } else {
                        charlist(pieces, Span::new(s, next))?
                    }
                }
                Raw::CaptureArg => match text[1..].parse::<u32>() {
                    Ok(n) => Token::CaptureArg(n),
                    Err(_) => {
                        return Err(LexError::new("capture argument too large", Span::new(s, e)))
                    }
                },
                Raw::BitOpen | Raw::BitClose => {
                    return Err(LexError::new(
                        "bitstring syntax (<<>>) is not supported",
                        Span::new(s, e),
                    ))
                }
                Raw::Tilde => {
                    let (mut tokens, next) = self.sigil(s, e)?;
                    end = next;
                    let last = tokens.pop().expect("a sigil makes a token");
                    for tok in tokens {
                        out.push(Spanned { tok, start: s, end });
                    }
                    last
                }
                Raw::Ellipsis => {
                    return Err(LexError::new("unexpected token: ...", Span::new(s, e)))
                }
                Raw::LBrace | Raw::MapOpen => {
                    braces += 1;
                    simple(raw)
                }
                Raw::RBrace => {
                    if interp.is_some() && braces == 0 {
                        return Ok((out, e));
                    }
                    braces = braces.saturating_sub(1);
                    Token::RBrace
                }
                // `Kernel.not(x)`: a function name.
                Raw::Not if after_dot => Token::Ident(text.to_string()),
                // `[not: 1]`: a keyword key.
                Raw::Not if self.kw_colon_at(e) => {
                    end = e + 1;
                    Token::KwKey(text.to_string())
                }
                Raw::Not => match self.not_in_end(e) {
                    Some(next) => {
                        end = next;
                        Token::NotIn
                    }
                    None => Token::Not,
                },
                _ if op_name => Token::Ident(text.to_string()),
                _ => {
                    // `[a: 1]`, and an operator's name as a key: `%{+: f}`.
                    if (is_word(raw) || is_operator_name(raw)) && self.kw_colon_at(e) {
                        end = e + 1;
                        Token::KwKey(text.to_string())
                    } else if after_dot && is_word(raw) && raw != Raw::Alias {
                        Token::Ident(text.to_string())
                    } else {
                        match raw {
                            Raw::Alias => Token::Alias(text.to_string()),
                            Raw::Ident => Token::Ident(text.to_string()),
                            _ => simple(raw),
                        }
                    }
                }
            };
            if end > e {
                lex.bump(end - e);
            }
            out.push(Spanned { tok, start: s, end });
        }
        match interp {
            Some(open) => {
                let line = crate::diagnostic::line_col(self.src, open).0;
                Err(LexError {
                    message: format!(
                        "missing terminator: }} (for \"#{{\" starting at line {line})"
                    ),
                    span: Span::new(self.src.len(), self.src.len()),
                    incomplete: true,
                })
            }
            None => Ok((out, self.src.len())),
        }
    }

    /// True when the byte at `pos` is a `:` that makes the preceding word a
    /// keyword key: followed by whitespace or the end, and not `::`.
    fn kw_colon_at(&self, pos: usize) -> bool {
        if self.char_at(pos) != Some(':') {
            return false;
        }
        match self.char_at(pos + 1) {
            None => true,
            Some(c) => c == ' ' || c == '\t' || c == '\n' || c == '\r',
        }
    }

    /// After `not` ending at `pos`: if whitespace then `in` (as a whole word)
    /// follows, returns the offset after `in`.
    fn not_in_end(&self, pos: usize) -> Option<usize> {
        let rest = self.src.get(pos..)?;
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if trimmed.len() == rest.len() || !trimmed.starts_with("in") {
            return None;
        }
        let after = pos + (rest.len() - trimmed.len()) + 2;
        match self.char_at(after) {
            Some(c) if is_ident_char(c) || c == '?' || c == '!' || c == ':' => None,
            _ => Some(after),
        }
    }

    /// Reads a character literal after `?` at `pos`; returns its code point
    /// and the offset after it.
    fn char_literal(&self, pos: usize) -> Result<(u32, usize), LexError> {
        let err = || LexError::new("invalid character literal after ?", Span::new(pos - 1, pos));
        let c = self.char_at(pos).ok_or_else(err)?;
        if c != '\\' {
            return Ok((c as u32, pos + c.len_utf8()));
        }
        let e = self.char_at(pos + 1).ok_or_else(err)?;
        let value = crate::strings::simple_escape(e).map_or(e as u32, |c| c as u32);
        Ok((value, pos + 1 + e.len_utf8()))
    }
}

/// True for operators that may be named as functions (`&+/2`, `Kernel.+(1)`).
fn is_operator_name(raw: Raw) -> bool {
    matches!(
        raw,
        Raw::Plus
            | Raw::Minus
            | Raw::Star
            | Raw::Slash
            | Raw::Pow
            | Raw::Concat
            | Raw::PlusPlus
            | Raw::MinusMinus
            | Raw::Eq
            | Raw::NotEq
            | Raw::StrictEq
            | Raw::StrictNotEq
            | Raw::MatchOp
            | Raw::Lt
            | Raw::Gt
            | Raw::Le
            | Raw::Ge
            | Raw::AndAnd
            | Raw::OrOr
            | Raw::AndAndAnd
            | Raw::OrOrOr
            | Raw::ShiftLeft
            | Raw::ShiftRight
            | Raw::Bang
            | Raw::Bnot
            | Raw::Pipe
            | Raw::Range
    )
}

/// True for raw tokens spelled as a word (usable as a keyword key `word:`).
fn is_word(raw: Raw) -> bool {
    matches!(
        raw,
        Raw::Ident
            | Raw::Alias
            | Raw::True
            | Raw::False
            | Raw::Nil
            | Raw::Module
            | Raw::Fn
            | Raw::Do
            | Raw::End
            | Raw::Else
            | Raw::After
            | Raw::Catch
            | Raw::Rescue
            | Raw::When
            | Raw::And
            | Raw::Or
            | Raw::Not
            | Raw::In
    )
}

fn parse_int(digits: &str, radix: u32, s: usize, e: usize) -> Result<BigInt, LexError> {
    BigInt::parse_bytes(digits.as_bytes(), radix)
        .ok_or_else(|| LexError::new("invalid number", Span::new(s, e)))
}

/// The token for a raw token without payload.
fn simple(raw: Raw) -> Token {
    match raw {
        Raw::True => Token::True,
        Raw::False => Token::False,
        Raw::Nil => Token::Nil,
        Raw::Module => Token::Module,
        Raw::Fn => Token::Fn,
        Raw::Do => Token::Do,
        Raw::End => Token::End,
        Raw::Else => Token::BlockKw("else".into()),
        Raw::After => Token::BlockKw("after".into()),
        Raw::Catch => Token::BlockKw("catch".into()),
        Raw::Rescue => Token::BlockKw("rescue".into()),
        Raw::When => Token::When,
        Raw::And => Token::And(BinOp::And),
        Raw::Or => Token::Or(BinOp::Or),
        Raw::Not => Token::Not,
        Raw::In => Token::In,
        Raw::Match => Token::Match,
        Raw::Pipe => Token::Pipe,
        Raw::Plus => Token::Plus,
        Raw::Minus => Token::Minus,
        Raw::Star => Token::Mult(BinOp::Mul),
        Raw::Slash => Token::Mult(BinOp::Div),
        Raw::Pow => Token::Pow,
        Raw::Concat => Token::Concat(BinOp::Concat),
        Raw::PlusPlus => Token::Concat(BinOp::ListConcat),
        Raw::MinusMinus => Token::Concat(BinOp::ListSubtract),
        Raw::Range => Token::Range,
        Raw::StepOp => Token::StepOp,
        Raw::Eq => Token::Comp(BinOp::Eq),
        Raw::NotEq => Token::Comp(BinOp::NotEq),
        Raw::StrictEq => Token::Comp(BinOp::StrictEq),
        Raw::StrictNotEq => Token::Comp(BinOp::StrictNotEq),
        Raw::MatchOp => Token::Comp(BinOp::MatchOp),
        Raw::Lt => Token::Rel(BinOp::Lt),
        Raw::Gt => Token::Rel(BinOp::Gt),
        Raw::Le => Token::Rel(BinOp::Le),
        Raw::Ge => Token::Rel(BinOp::Ge),
        Raw::AndAnd => Token::And(BinOp::AndAnd),
        Raw::AndAndAnd => Token::And(BinOp::Band),
        Raw::OrOrOr => Token::Or(BinOp::Bor),
        Raw::ShiftLeft => Token::ArrowOp(BinOp::Bsl),
        Raw::ShiftRight => Token::ArrowOp(BinOp::Bsr),
        Raw::OrOr => Token::Or(BinOp::OrOr),
        Raw::Bar => Token::Bar,
        Raw::Assoc => Token::Assoc,
        Raw::TypeOp => Token::TypeOp,
        Raw::LArrow => Token::LArrow,
        Raw::Default => Token::Default,
        Raw::Arrow => Token::Arrow,
        Raw::Bang => Token::Bang,
        Raw::Bnot => Token::Bnot,
        Raw::Caret => Token::Caret,
        Raw::At => Token::At,
        Raw::Amp => Token::Amp,
        Raw::Dot => Token::Dot,
        Raw::DotParen => Token::DotParen,
        Raw::Comma => Token::Comma,
        Raw::LParen => Token::LParen,
        Raw::RParen => Token::RParen,
        Raw::LBracket => Token::LBracket,
        Raw::RBracket => Token::RBracket,
        Raw::LBrace => Token::LBrace,
        Raw::RBrace => Token::RBrace,
        Raw::MapOpen => Token::MapOpen,
        Raw::Percent => Token::Percent,
        // Payload-carrying and special tokens are handled by the driver loop;
        // this arm is never reached for them, but must not panic.
        _ => Token::Eol,
    }
}
