//! The identifier-classifying pass between the lexer and the grammar, in the
//! spirit of Elixir's `elixir_tokenizer.erl`.
//!
//! It does the context work that keeps the grammar LR(1):
//!
//! * **Newlines.** Runs of newlines and `;` collapse into one [`Token::Eol`],
//!   which is dropped after a token that cannot end an expression (a binary
//!   operator, `,`, an opening bracket, `->`, `do`, a keyword key, ...) and
//!   before a token that continues one (a closing bracket, `end`, a block
//!   keyword, or a binary operator other than `+`/`-`, so pipelines may start
//!   lines with `|>`).
//! * **Identifiers.** `foo(` gives [`Token::ParenIdent`]; `foo` then a space
//!   and something that starts an operand (for `-`/`+`: with no space after
//!   them, so `f -1` is a call but `a - 1` is not) gives [`Token::CallIdent`],
//!   a call without parentheses; otherwise it stays [`Token::Ident`].
//! * **Call ends.** The arguments of a call without parentheses run to the end
//!   of the enclosing expression, as in Elixir (`foo a, bar b` is `foo(a,
//!   bar(b))`): a kept newline, a closing bracket, `->`, a block keyword,
//!   `do` or the end of input. The pass marks that end with a synthetic
//!   [`Token::CallEnd`]. The operand of `&` ends the same way and also before
//!   a lower-precedence operator (`,`, `|`, `=>`, `when`, `::`, `<-`, `\\`),
//!   marked by [`Token::CaptureEnd`].
//! * **`do` blocks.** A `do` belongs to the outermost call without
//!   parentheses still open at its bracket depth (`if foo x do` is
//!   `if(foo(x)) do`); that call's identifier becomes [`Token::DoIdent`].
//!   With none open, `foo(x) do` makes `foo` a [`Token::ParenDoIdent`] and
//!   `receive do` makes `receive` a [`Token::DoIdent`].
//! * **Brackets** must match, and nesting is bounded ([`MAX_NESTING`]) so
//!   that no later recursive walk of the tree can overflow the stack.

use crate::ast::Span;
use crate::diagnostic::{line_col, Diagnostic};
use crate::token::{Piece, Spanned, Token};

/// Upper bound on the estimated depth of the tree an expression produces
/// (bracket levels and open calls without parentheses weigh 3, `do`/`fn`
/// blocks 6, operators 1).
pub const MAX_NESTING: usize = 1000;

/// The depth weight of a call without parentheses while it is open: its
/// arguments nest like those of `f(...)`, across commas.
const CALL_WEIGHT: usize = 3;

/// An opening bracket, `do` or `fn` left open at the end of input.
#[derive(Clone, Debug, PartialEq)]
pub struct Unclosed {
    /// The opener's text: `(`, `[`, `{`, `%{`, `do`, `fn`.
    pub opener: &'static str,
    /// The terminator it is missing: `)`, `]`, `}`, `end`.
    pub terminator: &'static str,
    /// Where the opener is.
    pub span: Span,
}

/// The classified token stream.
#[derive(Clone, Debug, PartialEq)]
pub struct Classified {
    /// Tokens ready for the grammar (string interpolations classified too).
    pub tokens: Vec<Spanned>,
    /// Openers still open at the end of input, innermost last.
    pub unclosed: Vec<Unclosed>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paren,
    Bracket,
    Brace,
    Map,
    Do,
    Fn,
}

impl Kind {
    fn opener(self) -> &'static str {
        match self {
            Kind::Paren => "(",
            Kind::Bracket => "[",
            Kind::Brace => "{",
            Kind::Map => "%{",
            Kind::Do => "do",
            Kind::Fn => "fn",
        }
    }

    fn terminator(self) -> &'static str {
        match self {
            Kind::Paren => ")",
            Kind::Bracket => "]",
            Kind::Brace | Kind::Map => "}",
            Kind::Do | Kind::Fn => "end",
        }
    }

    fn weight(self) -> usize {
        match self {
            Kind::Do | Kind::Fn => 6,
            _ => 3,
        }
    }

    fn is_container(self) -> bool {
        matches!(self, Kind::Bracket | Kind::Brace | Kind::Map)
    }
}

struct Bracket {
    kind: Kind,
    span: Span,
    /// For `(`: the index in the output of the `ParenIdent` it belongs to.
    call: Option<usize>,
    /// Operators counted at this level since its last separator.
    ops: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Call,
    Capture,
}

struct Open {
    kind: OpenKind,
    depth: usize,
    out_idx: usize,
    commas: usize,
    /// A keyword key has been seen among this call's arguments.
    in_kw: bool,
    nested_nonfirst: bool,
    /// What this entry adds to the depth estimate until it is closed.
    weight: usize,
}

struct Pass {
    out: Vec<Spanned>,
    brackets: Vec<Bracket>,
    open: Vec<Open>,
    /// Operators counted at the top level since its last separator.
    top_ops: usize,
    /// The current depth estimate.
    estimate: usize,
    /// The `ParenIdent` whose `)` was the last token pushed.
    last_closed_call: Option<usize>,
}

/// Classifies a token stream (see the module docs). `base_depth` is the depth
/// estimate of the context (non-zero for the tokens of an interpolation).
pub fn classify(
    source: &str,
    tokens: Vec<Spanned>,
    base_depth: usize,
) -> Result<Classified, Diagnostic> {
    let mut pass = Pass {
        out: Vec::with_capacity(tokens.len() + tokens.len() / 4),
        brackets: Vec::new(),
        open: Vec::new(),
        top_ops: 0,
        estimate: base_depth,
        last_closed_call: None,
    };
    let mut tokens: Vec<Option<Spanned>> = tokens.into_iter().map(Some).collect();
    let mut i = 0;
    while i < tokens.len() {
        let Some(t) = tokens[i].take() else {
            i += 1;
            continue;
        };
        if matches!(t.tok, Token::Eol | Token::Semi) {
            let mut j = i + 1;
            while j < tokens.len()
                && matches!(
                    tokens[j],
                    Some(Spanned {
                        tok: Token::Eol | Token::Semi,
                        ..
                    })
                )
            {
                j += 1;
            }
            let next = tokens.get(j).and_then(|t| t.as_ref());
            pass.newline(t, next);
            i = j;
            continue;
        }
        let next = tokens.get(i + 1).and_then(|t| t.as_ref());
        let after = tokens.get(i + 2).and_then(|t| t.as_ref());
        pass.token(source, t, next, after)?;
        i += 1;
    }
    let end = pass.out.last().map_or(0, |t| t.end);
    while let Some(entry) = pass.pop_open() {
        pass.emit_close(entry.kind, end);
    }
    let unclosed = pass
        .brackets
        .iter()
        .map(|b| Unclosed {
            opener: b.kind.opener(),
            terminator: b.kind.terminator(),
            span: b.span,
        })
        .collect();
    Ok(Classified {
        tokens: pass.out,
        unclosed,
    })
}

/// True when `next` (followed by `after`) can start the first argument of a
/// call without parentheses.
fn starts_operand(next: &Spanned, after: Option<&Spanned>) -> bool {
    match next.tok {
        Token::Int(_)
        | Token::Float(_)
        | Token::Atom(_)
        | Token::Str(_)
        | Token::Charlist(_)
        | Token::AtomInterp(_)
        | Token::KwKey(_)
        | Token::Alias(_)
        | Token::Ident(_)
        | Token::CaptureArg(_)
        | Token::True
        | Token::False
        | Token::Nil
        | Token::Module
        | Token::Fn
        | Token::LParen
        | Token::LBracket
        | Token::LBrace
        | Token::MapOpen
        | Token::Percent
        | Token::At
        | Token::Amp
        | Token::Bang
        | Token::Bnot
        | Token::Caret
        | Token::Not => true,
        Token::Plus | Token::Minus => {
            after.is_some_and(|a| a.start == next.end && !matches!(a.tok, Token::Eol | Token::Semi))
        }
        _ => false,
    }
}

impl Pass {
    fn depth(&self) -> usize {
        self.brackets.len()
    }

    fn ops_mut(&mut self) -> &mut usize {
        match self.brackets.last_mut() {
            Some(b) => &mut b.ops,
            None => &mut self.top_ops,
        }
    }

    /// Counts one operator-like token towards the depth estimate.
    fn count_op(&mut self, span: Span) -> Result<(), Diagnostic> {
        *self.ops_mut() += 1;
        self.estimate += 1;
        self.check_depth(span)
    }

    /// Pops the innermost open call or capture, taking its weight off the
    /// depth estimate.
    fn pop_open(&mut self) -> Option<Open> {
        let entry = self.open.pop()?;
        self.estimate = self.estimate.saturating_sub(entry.weight);
        Some(entry)
    }

    /// Resets the operator count of the current level at a separator.
    fn separator(&mut self) {
        let ops = std::mem::take(self.ops_mut());
        self.estimate = self.estimate.saturating_sub(ops);
    }

    fn check_depth(&self, span: Span) -> Result<(), Diagnostic> {
        if self.estimate > MAX_NESTING {
            let mut d = Diagnostic::new("expression is nested too deeply", span);
            d.hint = Some("split it into smaller expressions or functions".into());
            return Err(d);
        }
        Ok(())
    }

    fn push(&mut self, tok: Token, start: usize, end: usize) {
        self.out.push(Spanned { tok, start, end });
    }

    /// Emits a synthetic close marker, zero-width at the end of the last
    /// real token (so the call's span ends at its last argument).
    fn emit_close(&mut self, kind: OpenKind, at: usize) {
        let at = self.out.last().map_or(at, |t| t.end);
        let tok = match kind {
            OpenKind::Call => Token::CallEnd,
            OpenKind::Capture => Token::CaptureEnd,
        };
        self.push(tok, at, at);
    }

    /// Closes every open call and capture of the current depth.
    fn close_all(&mut self, at: usize) {
        let depth = self.depth();
        while self.open.last().is_some_and(|o| o.depth == depth) {
            if let Some(entry) = self.pop_open() {
                self.emit_close(entry.kind, at);
            }
        }
    }

    /// Closes the captures on top of the open stack at the current depth.
    fn close_captures(&mut self, at: usize) {
        let depth = self.depth();
        while self
            .open
            .last()
            .is_some_and(|o| o.depth == depth && o.kind == OpenKind::Capture)
        {
            self.pop_open();
            self.emit_close(OpenKind::Capture, at);
        }
    }

    fn newline(&mut self, t: Spanned, next: Option<&Spanned>) {
        let drop = match (self.out.last(), next) {
            (None, _) | (_, None) => true,
            (Some(prev), Some(next)) => prev.tok.continues_after() || next.tok.continues_before(),
        };
        if drop {
            return;
        }
        self.close_all(t.start);
        self.separator();
        self.last_closed_call = None;
        self.push(Token::Eol, t.start, t.end);
    }

    fn open_bracket(
        &mut self,
        kind: Kind,
        t: Spanned,
        call: Option<usize>,
    ) -> Result<(), Diagnostic> {
        self.estimate += kind.weight();
        let span = t.span();
        self.brackets.push(Bracket {
            kind,
            span,
            call,
            ops: 0,
        });
        self.out.push(t);
        self.check_depth(span)
    }

    fn close_bracket(&mut self, source: &str, kind: Kind, t: Spanned) -> Result<(), Diagnostic> {
        self.close_all(t.start);
        let what = if kind == Kind::Do {
            "unexpected reserved word"
        } else {
            "unexpected token"
        };
        let closer = match kind {
            Kind::Paren => ")",
            Kind::Bracket => "]",
            Kind::Do => "end",
            _ => "}",
        };
        let Some(top) = self.brackets.pop() else {
            return Err(Diagnostic::new(format!("{what}: {closer}"), t.span()));
        };
        let matches = match kind {
            Kind::Do => matches!(top.kind, Kind::Do | Kind::Fn),
            Kind::Brace => matches!(top.kind, Kind::Brace | Kind::Map),
            k => top.kind == k,
        };
        if !matches {
            let line = line_col(source, top.span.start as usize).0;
            let mut d = Diagnostic::new(format!("{what}: {closer}"), t.span());
            d.hint = Some(format!(
                "the \"{}\" at line {line} is missing terminator \"{}\"",
                top.kind.opener(),
                top.kind.terminator()
            ));
            return Err(d);
        }
        self.estimate = self.estimate.saturating_sub(top.ops + top.kind.weight());
        self.last_closed_call = if kind == Kind::Paren { top.call } else { None };
        self.out.push(t);
        Ok(())
    }

    /// Gives a `do` its owner (see the module docs).
    fn attach_do(&mut self, at: usize) {
        let depth = self.depth();
        let owner = self
            .open
            .iter()
            .position(|o| o.depth == depth && o.kind == OpenKind::Call);
        if let Some(owner) = owner {
            while self.open.len() > owner + 1 {
                if let Some(entry) = self.pop_open() {
                    self.emit_close(entry.kind, at);
                }
            }
            if let Some(entry) = self.pop_open() {
                retag(&mut self.out[entry.out_idx].tok, false);
            }
        } else if let Some(call) = self.last_closed_call {
            retag(&mut self.out[call].tok, true);
        } else if let Some(last) = self.out.last_mut() {
            if matches!(last.tok, Token::Ident(_)) {
                retag(&mut last.tok, false);
            }
        }
    }

    fn token(
        &mut self,
        source: &str,
        mut t: Spanned,
        next: Option<&Spanned>,
        after: Option<&Spanned>,
    ) -> Result<(), Diagnostic> {
        let closed_call = self.last_closed_call.take();
        let span = t.span();
        match &mut t.tok {
            Token::Ident(name) => {
                let name = std::mem::take(name);
                let adjacent = next.is_some_and(|n| n.start == t.end);
                if adjacent && next.is_some_and(|n| n.tok == Token::LParen) {
                    t.tok = Token::ParenIdent(name);
                } else if !adjacent && next.is_some_and(|n| starts_operand(n, after)) {
                    let nested_nonfirst = self.open.last().is_some_and(|o| {
                        o.depth == self.depth()
                            && o.kind == OpenKind::Call
                            && o.commas > 0
                            && !o.in_kw
                    });
                    self.open.push(Open {
                        kind: OpenKind::Call,
                        depth: self.depth(),
                        out_idx: self.out.len(),
                        commas: 0,
                        in_kw: false,
                        nested_nonfirst,
                        weight: CALL_WEIGHT,
                    });
                    t.tok = Token::CallIdent(name);
                    self.estimate += CALL_WEIGHT;
                    self.check_depth(span)?;
                } else {
                    t.tok = Token::Ident(name);
                }
                self.out.push(t);
            }
            Token::Str(pieces) | Token::Charlist(pieces) | Token::AtomInterp(pieces) => {
                for piece in pieces.iter_mut() {
                    if let Piece::Tokens(tokens, _) = piece {
                        let inner = classify(source, std::mem::take(tokens), self.estimate + 3)?;
                        *tokens = inner.tokens;
                    }
                }
                self.out.push(t);
            }
            Token::LParen => {
                let call = self
                    .out
                    .last()
                    .filter(|p| matches!(p.tok, Token::ParenIdent(_)) && p.end == t.start)
                    .map(|_| self.out.len() - 1);
                self.open_bracket(Kind::Paren, t, call)?;
            }
            // `f.(x)` and `x[k]` nest to the left (`f.(1).(2)`, `x[1][2]`)
            // with no bracket left open, so they count as operators.
            Token::DotParen => {
                self.count_op(span)?;
                self.open_bracket(Kind::Paren, t, None)?;
            }
            Token::LBracket => {
                if self.out.last().is_some_and(|p| ends_operand(&p.tok)) {
                    self.count_op(span)?;
                }
                self.open_bracket(Kind::Bracket, t, None)?;
            }
            Token::LBrace => self.open_bracket(Kind::Brace, t, None)?,
            Token::MapOpen => self.open_bracket(Kind::Map, t, None)?,
            Token::Fn => self.open_bracket(Kind::Fn, t, None)?,
            Token::Do => {
                self.last_closed_call = closed_call;
                self.attach_do(t.start);
                self.last_closed_call = None;
                self.open_bracket(Kind::Do, t, None)?;
            }
            Token::RParen => self.close_bracket(source, Kind::Paren, t)?,
            Token::RBracket => self.close_bracket(source, Kind::Bracket, t)?,
            Token::RBrace => self.close_bracket(source, Kind::Brace, t)?,
            Token::End => self.close_bracket(source, Kind::Do, t)?,
            Token::Arrow | Token::BlockKw(_) => {
                self.close_all(t.start);
                self.separator();
                self.out.push(t);
            }
            Token::Comma => {
                self.close_captures(t.start);
                self.comma_check(span)?;
                self.separator();
                self.out.push(t);
            }
            Token::Bar
            | Token::Assoc
            | Token::When
            | Token::TypeOp
            | Token::LArrow
            | Token::Default => {
                self.close_captures(t.start);
                if t.tok == Token::Bar && next.is_some_and(|n| matches!(n.tok, Token::KwKey(_))) {
                    t.tok = Token::BarKw;
                }
                self.count_op(span)?;
                self.out.push(t);
            }
            Token::Amp => {
                self.count_op(span)?;
                self.open.push(Open {
                    kind: OpenKind::Capture,
                    depth: self.depth(),
                    out_idx: self.out.len(),
                    commas: 0,
                    in_kw: false,
                    nested_nonfirst: false,
                    weight: 0,
                });
                self.out.push(t);
            }
            Token::KwKey(_) => {
                let depth = self.depth();
                if let Some(top) = self.open.last_mut() {
                    if top.depth == depth && top.kind == OpenKind::Call {
                        top.in_kw = true;
                    }
                }
                self.separator();
                self.count_op(span)?;
                self.out.push(t);
            }
            tok => {
                if tok.is_binary_op()
                    || matches!(
                        tok,
                        Token::Bang
                            | Token::Bnot
                            | Token::Caret
                            | Token::Not
                            | Token::At
                            | Token::Dot
                    )
                {
                    self.count_op(span)?;
                }
                self.out.push(t);
            }
        }
        Ok(())
    }

    /// A comma inside the arguments of a call without parentheses: counts it,
    /// and rejects the ambiguous forms Elixir rejects.
    fn comma_check(&mut self, span: Span) -> Result<(), Diagnostic> {
        let depth = self.depth();
        let container = self.brackets.last().is_some_and(|b| b.kind.is_container());
        let Some(top) = self.open.last_mut() else {
            return Ok(());
        };
        if top.depth != depth || top.kind != OpenKind::Call {
            return Ok(());
        }
        if container {
            let mut d = Diagnostic::new(
                "unexpected comma. Parentheses are required to solve ambiguity inside containers",
                span,
            );
            d.hint =
                Some("write the call with parentheses, e.g. [one, two(three, four), five]".into());
            return Err(d);
        }
        if top.nested_nonfirst {
            let mut d = Diagnostic::new(
                "unexpected comma. Parentheses are required to solve ambiguity in nested calls",
                span,
            );
            d.hint = Some("write the inner call with parentheses, e.g. one a, two(b, c, d)".into());
            return Err(d);
        }
        top.commas += 1;
        Ok(())
    }
}

/// True when `tok` can end an operand, so that a `[` after it is an access
/// `x[k]` (or a call argument) rather than the start of a list.
fn ends_operand(tok: &Token) -> bool {
    matches!(
        tok,
        Token::Ident(_)
            | Token::Alias(_)
            | Token::Module
            | Token::Atom(_)
            | Token::Str(_)
            | Token::Charlist(_)
            | Token::AtomInterp(_)
            | Token::Int(_)
            | Token::Float(_)
            | Token::CaptureArg(_)
            | Token::True
            | Token::False
            | Token::Nil
            | Token::RParen
            | Token::RBracket
            | Token::RBrace
            | Token::End
    )
}

/// Turns a call identifier into its `do`-block form.
fn retag(tok: &mut Token, paren: bool) {
    let name = match tok {
        Token::Ident(n) | Token::CallIdent(n) | Token::ParenIdent(n) => std::mem::take(n),
        _ => return,
    };
    *tok = if paren {
        Token::ParenDoIdent(name)
    } else {
        Token::DoIdent(name)
    };
}
