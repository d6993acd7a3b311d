//! Tokens shared by the lexer ([`crate::lexer`]), the classifying pass
//! ([`crate::classify`]) and the grammar.
//!
//! The lexer produces raw identifiers ([`Token::Ident`]); the classifier
//! rewrites them into the call-shaped kinds ([`Token::ParenIdent`],
//! [`Token::CallIdent`], [`Token::DoIdent`], [`Token::ParenDoIdent`]) and
//! inserts the synthetic [`Token::CallEnd`] / [`Token::CaptureEnd`] markers, so
//! that the grammar stays LR(1) without operator-precedence conflict tricks.

use std::fmt;

use num_bigint::BigInt;

use crate::ast::{BinOp, Expr, Span};

/// A token with its byte range in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    /// The token.
    pub tok: Token,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Spanned {
    /// The token's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One piece of a string, charlist or heredoc literal.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Literal text, escapes resolved.
    Lit(String),
    /// Literal text that `\xHH` escapes made invalid UTF-8, as bytes.
    Bytes(Vec<u8>),
    /// The tokens of an interpolation `#{...}` and the span of the whole `#{...}`.
    Tokens(Vec<Spanned>, Span),
    /// An interpolation after it has been parsed.
    Expr(Expr),
}

/// A token of Vial source.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// Integer literal, including character literals (`?a`).
    Int(BigInt),
    /// Float literal.
    Float(f64),
    /// `:ok`, `:"quoted"`, `:+`.
    Atom(String),
    /// `"..."` or a `"""` heredoc.
    Str(Vec<Piece>),
    /// `'...'` or a `'''` heredoc.
    Charlist(Vec<Piece>),
    /// A quoted atom with interpolation, `:"#{k}_x"` (one without is an
    /// `Atom`).
    AtomInterp(Vec<Piece>),
    /// A keyword key such as `name:` or `"quoted key":`.
    KwKey(String),
    /// One alias segment: `Foo`.
    Alias(String),
    /// A plain identifier (variable or zero-argument call).
    Ident(String),
    /// An identifier directly followed by `(`.
    ParenIdent(String),
    /// An identifier starting a call without parentheses (`IO.puts "hi"`).
    /// The classifier closes its argument list with [`Token::CallEnd`].
    CallIdent(String),
    /// An identifier starting a call (with or without arguments, without
    /// parentheses) that ends in a `do ... end` block (`if x do`, `receive do`).
    DoIdent(String),
    /// An identifier directly followed by `(`, whose call ends in a `do` block.
    ParenDoIdent(String),
    /// `&1`, `&2`, ...
    CaptureArg(u32),
    /// `true`
    True,
    /// `false`
    False,
    /// `nil`
    Nil,
    /// `__MODULE__`
    Module,
    /// `fn`
    Fn,
    /// `do` (a block, not the `do:` keyword key)
    Do,
    /// `end`
    End,
    /// `else`, `after`, `catch`, `rescue` (inside a `do` block)
    BlockKw(String),
    /// `=`
    Match,
    /// `|>`
    Pipe,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*` and `/`
    Mult(BinOp),
    /// `**`
    Pow,
    /// `<>`, `++`, `--`
    Concat(BinOp),
    /// `..`
    Range,
    /// `//`
    StepOp,
    /// `==`, `!=`, `===`, `!==`, `=~`
    Comp(BinOp),
    /// `<`, `>`, `<=`, `>=`
    Rel(BinOp),
    /// `&&`, `&&&`, `and`
    And(BinOp),
    /// `||`, `|||`, `or`
    Or(BinOp),
    /// `<<<`, `>>>` (at `|>`'s precedence)
    ArrowOp(BinOp),
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `when`
    When,
    /// `|`
    Bar,
    /// `|` followed by a keyword key: the map update `%{map | key: value}`.
    BarKw,
    /// `=>`
    Assoc,
    /// `::`
    TypeOp,
    /// `<-`
    LArrow,
    /// `\\`
    Default,
    /// `->`
    Arrow,
    /// `!`
    Bang,
    /// `~~~` (`Bitwise.bnot/1`)
    Bnot,
    /// `^`
    Caret,
    /// `not`
    Not,
    /// `@`
    At,
    /// `&` (capture)
    Amp,
    /// `.`
    Dot,
    /// `.(` (anonymous function call)
    DotParen,
    /// `,`
    Comma,
    /// A newline that ends an expression.
    Eol,
    /// `;` (the classifier turns it into [`Token::Eol`])
    Semi,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `%{`
    MapOpen,
    /// `%` (before a struct name)
    Percent,
    /// Synthetic: end of the arguments of a [`Token::CallIdent`] call.
    CallEnd,
    /// Synthetic: end of the operand of a `&` capture.
    CaptureEnd,
}

impl Token {
    /// True when an expression cannot end after this token, so a newline
    /// after it is dropped (operators, `,`, openers, `do`, `->`, ...).
    pub fn continues_after(&self) -> bool {
        self.is_binary_op()
            || matches!(
                self,
                Token::Minus
                    | Token::Plus
                    | Token::Comma
                    | Token::LParen
                    | Token::LBracket
                    | Token::LBrace
                    | Token::MapOpen
                    | Token::DotParen
                    | Token::Do
                    | Token::Fn
                    | Token::BlockKw(_)
                    | Token::Arrow
                    | Token::Bang
                    | Token::Bnot
                    | Token::Caret
                    | Token::Not
                    | Token::At
                    | Token::Amp
                    | Token::Dot
                    | Token::KwKey(_)
                    | Token::Percent
                    | Token::BarKw
                    | Token::Eol
            )
    }

    /// True when this token at the start of a line continues the previous
    /// expression (closers, block keywords, binary operators but `+`/`-`).
    pub fn continues_before(&self) -> bool {
        (self.is_binary_op() && !matches!(self, Token::Minus | Token::Plus))
            || matches!(
                self,
                Token::RParen
                    | Token::RBracket
                    | Token::RBrace
                    | Token::End
                    | Token::BlockKw(_)
                    | Token::Dot
                    | Token::Comma
            )
    }

    /// Binary operators (including `-`/`+`, which may also be unary).
    pub fn is_binary_op(&self) -> bool {
        matches!(
            self,
            Token::Match
                | Token::Pipe
                | Token::Plus
                | Token::Minus
                | Token::Mult(_)
                | Token::Pow
                | Token::Concat(_)
                | Token::Range
                | Token::StepOp
                | Token::Comp(_)
                | Token::Rel(_)
                | Token::And(_)
                | Token::Or(_)
                | Token::ArrowOp(_)
                | Token::In
                | Token::NotIn
                | Token::When
                | Token::Bar
                | Token::Assoc
                | Token::TypeOp
                | Token::LArrow
                | Token::Default
        )
    }

    /// True for the markers the classifier inserts; they have no source text.
    pub fn is_synthetic(&self) -> bool {
        matches!(self, Token::CallEnd | Token::CaptureEnd)
    }

    /// True for `end`, which Elixir reports as "unexpected reserved word".
    pub fn is_reserved_word(&self) -> bool {
        matches!(self, Token::End)
    }
}

/// The operator text of a binary operator.
pub fn binop_text(op: BinOp) -> &'static str {
    match op {
        BinOp::Match => "=",
        BinOp::Pipe => "|>",
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Pow => "**",
        BinOp::Concat => "<>",
        BinOp::ListConcat => "++",
        BinOp::ListSubtract => "--",
        BinOp::Eq => "==",
        BinOp::NotEq => "!=",
        BinOp::StrictEq => "===",
        BinOp::StrictNotEq => "!==",
        BinOp::Lt => "<",
        BinOp::Gt => ">",
        BinOp::Le => "<=",
        BinOp::Ge => ">=",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::AndAnd => "&&",
        BinOp::OrOr => "||",
        BinOp::In => "in",
        BinOp::NotIn => "not in",
        BinOp::Range => "..",
        BinOp::StepRange => "//",
        BinOp::When => "when",
        BinOp::LArrow => "<-",
        BinOp::Default => "\\\\",
        BinOp::MatchOp => "=~",
        BinOp::Type => "::",
        BinOp::Pipe1 => "|",
        BinOp::Band => "&&&",
        BinOp::Bor => "|||",
        BinOp::Bsl => "<<<",
        BinOp::Bsr => ">>>",
    }
}

/// Shows a token the way Elixir's messages do: punctuation and operators in
/// single quotes (`')'`), names bare (`foo`, `end`), numbers in double quotes.
impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let punct = |f: &mut fmt::Formatter<'_>, s: &str| write!(f, "'{s}'");
        match self {
            Token::Int(n) => write!(f, "\"{n}\""),
            Token::Float(x) => write!(f, "\"{x:?}\""),
            Token::Atom(a) => write!(f, "{a}"),
            Token::Str(pieces) => {
                let text: String = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Lit(s) => s.clone(),
                        Piece::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                        _ => "#{...}".to_string(),
                    })
                    .collect();
                write!(f, "{text:?}")
            }
            Token::Charlist(_) => write!(f, "charlist"),
            Token::AtomInterp(_) => write!(f, "atom"),
            Token::KwKey(k) => write!(f, "{k}:"),
            Token::Alias(s)
            | Token::Ident(s)
            | Token::ParenIdent(s)
            | Token::CallIdent(s)
            | Token::DoIdent(s)
            | Token::ParenDoIdent(s)
            | Token::BlockKw(s) => write!(f, "{s}"),
            Token::CaptureArg(n) => write!(f, "'&{n}'"),
            Token::True => write!(f, "true"),
            Token::False => write!(f, "false"),
            Token::Nil => write!(f, "nil"),
            Token::Module => write!(f, "__MODULE__"),
            Token::Fn => write!(f, "fn"),
            Token::Do => write!(f, "do"),
            Token::End => write!(f, "end"),
            Token::Mult(op)
            | Token::Concat(op)
            | Token::Comp(op)
            | Token::Rel(op)
            | Token::And(op)
            | Token::Or(op)
            | Token::ArrowOp(op) => punct(f, binop_text(*op)),
            Token::Match => punct(f, "="),
            Token::Pipe => punct(f, "|>"),
            Token::Plus => punct(f, "+"),
            Token::Minus => punct(f, "-"),
            Token::Pow => punct(f, "**"),
            Token::Range => punct(f, ".."),
            Token::StepOp => punct(f, "//"),
            Token::In => write!(f, "in"),
            Token::NotIn => write!(f, "'not in'"),
            Token::When => punct(f, "when"),
            Token::Bar | Token::BarKw => punct(f, "|"),
            Token::Assoc => punct(f, "=>"),
            Token::TypeOp => punct(f, "::"),
            Token::LArrow => punct(f, "<-"),
            Token::Default => punct(f, "\\\\"),
            Token::Arrow => punct(f, "->"),
            Token::Bang => punct(f, "!"),
            Token::Bnot => punct(f, "~~~"),
            Token::Caret => punct(f, "^"),
            Token::Not => write!(f, "not"),
            Token::At => punct(f, "@"),
            Token::Amp => punct(f, "&"),
            Token::Dot => punct(f, "."),
            Token::DotParen => punct(f, "("),
            Token::Comma => punct(f, ","),
            Token::Eol => write!(f, "newline"),
            Token::Semi => punct(f, ";"),
            Token::LParen => punct(f, "("),
            Token::RParen => punct(f, ")"),
            Token::LBracket => punct(f, "["),
            Token::RBracket => punct(f, "]"),
            Token::LBrace => punct(f, "{"),
            Token::RBrace => punct(f, "}"),
            Token::MapOpen => punct(f, "%{"),
            Token::Percent => punct(f, "%"),
            Token::CallEnd | Token::CaptureEnd => Ok(()),
        }
    }
}
