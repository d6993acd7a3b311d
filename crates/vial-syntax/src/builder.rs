//! AST construction helpers called from the grammar's actions.
//!
//! Keeping the actions one-liners that call into this module keeps the
//! grammar readable and lets the shape rules (list tails, map updates,
//! `do`-block sections, `->` clause grouping, guard splitting, the `not a in
//! b` rearrangement) live in ordinary, testable Rust.

use lalrpop_util::ParseError;

use crate::ast::{BinOp, Callee, Clause, Expr, ExprKind, Span, StrPart, UnaryOp};
use crate::token::{Piece, Token};

/// An error raised by a grammar action (a construct that parses but is not
/// well formed, such as `a // b` without a range).
#[derive(Clone, Debug, PartialEq)]
pub struct SynErr {
    /// Elixir-style message.
    pub message: String,
    /// Where the caret goes.
    pub span: Span,
}

/// The error type of fallible grammar actions.
pub type PErr = ParseError<usize, Token, SynErr>;

fn fail<T>(message: impl Into<String>, l: usize, r: usize) -> Result<T, PErr> {
    Err(ParseError::User {
        error: SynErr {
            message: message.into(),
            span: Span::new(l, r),
        },
    })
}

/// One item of a `do`/`fn` body: an expression, or a `head -> body` clause
/// start (its body continues with the following plain items).
#[derive(Clone, Debug, PartialEq)]
pub enum StabItem {
    /// A plain expression.
    Plain(Expr),
    /// `params -> body?`
    Clause {
        /// The head's comma-separated expressions (the guard still inside).
        params: Vec<Expr>,
        /// The expression on the `->` line, if any.
        body: Option<Expr>,
        /// Offset of the head's first byte.
        start: usize,
        /// Offset after the `->` (or after the body expression).
        end: usize,
    },
}

/// The parts of a map or struct body.
#[derive(Clone, Debug, PartialEq)]
pub enum MapBody {
    /// `k => v` entries, then keyword entries.
    Entries(Vec<(Expr, Expr)>, Vec<Expr>),
    /// `base | a: 1, b: 2`.
    Update(Expr, Vec<Expr>),
}

/// Makes a node spanning `l..r`.
pub fn mk(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr::new(kind, Span::new(l, r))
}

/// `lhs op rhs`, with Elixir's rearrangement of `not a in b` / `!a in b`
/// into `not(a in b)`.
pub fn binary(op: BinOp, lhs: Expr, rhs: Expr, l: usize, r: usize) -> Expr {
    if op == BinOp::In {
        if let ExprKind::Unary {
            op: uop @ (UnaryOp::Not | UnaryOp::Bang),
            operand,
        } = lhs.kind
        {
            let inner_span = operand.span.to(rhs.span);
            let inner = Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: operand,
                    rhs: Box::new(rhs),
                },
                inner_span,
            );
            return mk(
                ExprKind::Unary {
                    op: uop,
                    operand: Box::new(inner),
                },
                l,
                r,
            );
        }
    }
    mk(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        l,
        r,
    )
}

/// `a..b//c`: the step operator must follow a range.
pub fn step(lhs: Expr, rhs: Expr, l: usize, r: usize) -> Result<Expr, PErr> {
    if !matches!(
        lhs.kind,
        ExprKind::Binary {
            op: BinOp::Range,
            ..
        }
    ) {
        return fail(
            "the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2",
            l,
            r,
        );
    }
    Ok(binary(BinOp::StepRange, lhs, rhs, l, r))
}

/// A prefix operator.
pub fn unary(op: UnaryOp, operand: Expr, l: usize, r: usize) -> Expr {
    mk(
        ExprKind::Unary {
            op,
            operand: Box::new(operand),
        },
        l,
        r,
    )
}

/// Turns lexer pieces into AST string parts (interpolations are parsed by
/// the time the grammar runs).
pub fn parts(pieces: Vec<Piece>) -> Vec<StrPart> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Lit(s) => StrPart::Lit(s),
            Piece::Bytes(b) => StrPart::Bytes(b),
            Piece::Expr(e) => StrPart::Interp(e),
            Piece::Tokens(_, span) => StrPart::Interp(Expr::new(ExprKind::Block(Vec::new()), span)),
        })
        .collect()
}

/// `:"text #{x}"`, as Elixir quotes it: `:erlang.binary_to_atom("text
/// #{x}", :utf8)`.
pub fn atom_interp(parts: Vec<StrPart>, l: usize, r: usize) -> Expr {
    let erlang = mk(ExprKind::Atom("erlang".into()), l, r);
    let args = vec![
        mk(ExprKind::Str(parts), l, r),
        mk(ExprKind::Atom("utf8".into()), l, r),
    ];
    let callee = Callee::Remote {
        module: Box::new(erlang),
        name: "binary_to_atom".into(),
    };
    mk(
        ExprKind::Call {
            callee,
            args,
            parens: true,
        },
        l,
        r,
    )
}

/// A keyword entry `key: value` as the 2-tuple `{:key, value}`.
pub fn kw_pair(key: String, value: Expr, l: usize, kr: usize, r: usize) -> Expr {
    let key = mk(ExprKind::Atom(key), l, kr);
    mk(ExprKind::Tuple(vec![key, value]), l, r)
}

/// A keyword list made of entries built by [`kw_pair`].
pub fn kw_list(entries: Vec<Expr>) -> Expr {
    let span = match (entries.first(), entries.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::default(),
    };
    Expr::new(
        ExprKind::List {
            items: entries,
            tail: None,
        },
        span,
    )
}

/// `[items, kw...]`; a last positional item `h | t` (with no keywords after
/// it) becomes the tail.
pub fn list(mut items: Vec<Expr>, kw: Option<Vec<Expr>>, l: usize, r: usize) -> Expr {
    let mut tail = None;
    if let Some(kw) = kw {
        items.extend(kw);
    } else if let Some(last) = items.pop() {
        match last.kind {
            ExprKind::Binary {
                op: BinOp::Pipe1,
                lhs,
                rhs,
            } => {
                items.push(*lhs);
                tail = Some(rhs);
            }
            kind => items.push(Expr::new(kind, last.span)),
        }
    }
    mk(ExprKind::List { items, tail }, l, r)
}

/// `{items, kw...}`: trailing keywords form one final list element.
pub fn tuple(mut items: Vec<Expr>, kw: Option<Vec<Expr>>, l: usize, r: usize) -> Expr {
    if let Some(kw) = kw {
        items.push(kw_list(kw));
    }
    mk(ExprKind::Tuple(items), l, r)
}

/// Arguments followed by optional trailing keywords, as call arguments.
pub fn args(mut positional: Vec<Expr>, kw: Option<Vec<Expr>>) -> Vec<Expr> {
    if let Some(kw) = kw {
        positional.push(kw_list(kw));
    }
    positional
}

/// `%{...}` or, with a name, `%Name{...}`.
pub fn map(name: Option<Expr>, body: MapBody, l: usize, r: usize) -> Expr {
    let (update, entries) = match body {
        MapBody::Entries(mut entries, kw) => {
            entries.extend(kw.into_iter().filter_map(split_pair));
            let mut update = None;
            if let Some((key, _)) = entries.first_mut() {
                if matches!(
                    key.kind,
                    ExprKind::Binary {
                        op: BinOp::Pipe1,
                        ..
                    }
                ) {
                    let empty = Expr::new(ExprKind::Block(Vec::new()), key.span);
                    if let ExprKind::Binary { lhs, rhs, .. } = std::mem::replace(key, empty).kind {
                        update = Some(lhs);
                        *key = *rhs;
                    }
                }
            }
            (update, entries)
        }
        MapBody::Update(base, kw) => (
            Some(Box::new(base)),
            kw.into_iter().filter_map(split_pair).collect(),
        ),
    };
    match name {
        None => mk(ExprKind::Map { update, entries }, l, r),
        Some(name) => mk(
            ExprKind::Struct {
                name: Box::new(name),
                update,
                entries,
            },
            l,
            r,
        ),
    }
}

/// Splits a keyword 2-tuple back into its key and value.
fn split_pair(pair: Expr) -> Option<(Expr, Expr)> {
    match pair.kind {
        ExprKind::Tuple(items) if items.len() == 2 => {
            let mut it = items.into_iter();
            Some((it.next()?, it.next()?))
        }
        _ => None,
    }
}

/// A call of a local function.
pub fn local_call(name: String, args: Vec<Expr>, parens: bool, l: usize, r: usize) -> Expr {
    mk(
        ExprKind::Call {
            callee: Callee::Local(name),
            args,
            parens,
        },
        l,
        r,
    )
}

/// `~~~x`: `:erlang.bnot(x)`, as `Bitwise.~~~/1` is.
pub fn bnot(operand: Expr, l: usize, r: usize) -> Expr {
    let erlang = mk(ExprKind::Atom("erlang".into()), l, l);
    remote_call(erlang, "bnot".into(), vec![operand], true, l, r)
}

/// A call `module.name(args)`.
pub fn remote_call(
    module: Expr,
    name: String,
    args: Vec<Expr>,
    parens: bool,
    l: usize,
    r: usize,
) -> Expr {
    mk(
        ExprKind::Call {
            callee: Callee::Remote {
                module: Box::new(module),
                name,
            },
            args,
            parens,
        },
        l,
        r,
    )
}

/// `expr.name` without parentheses: a remote call when `expr` is an alias,
/// an atom or `__MODULE__`, a field access otherwise.
pub fn dot(expr: Expr, name: String, l: usize, r: usize) -> Expr {
    match expr.kind {
        ExprKind::Alias(_) | ExprKind::Atom(_) | ExprKind::Module => {
            remote_call(expr, name, Vec::new(), false, l, r)
        }
        _ => mk(
            ExprKind::Dot {
                expr: Box::new(expr),
                name,
            },
            l,
            r,
        ),
    }
}

/// `Foo.Bar`: joins alias segments.
pub fn alias_join(expr: Expr, segment: String, l: usize, r: usize) -> Result<Expr, PErr> {
    match expr.kind {
        ExprKind::Alias(base) => Ok(mk(ExprKind::Alias(format!("{base}.{segment}")), l, r)),
        ExprKind::Module => Ok(mk(ExprKind::Alias(format!("__MODULE__.{segment}")), l, r)),
        ExprKind::Atom(_) => fail(
            "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, the name must be quoted",
            l,
            r,
        ),
        _ => fail(
            format!("alias {segment} cannot follow an expression here; only Alias.Alias is supported"),
            l,
            r,
        ),
    }
}

/// `@name` with arguments: sets the attribute (exactly one value).
pub fn attribute(name: String, mut args: Vec<Expr>, l: usize, r: usize) -> Result<Expr, PErr> {
    if args.len() != 1 {
        return fail(
            format!("module attribute @{name} takes exactly one value"),
            l,
            r,
        );
    }
    let value = args.pop().map(Box::new);
    Ok(mk(ExprKind::Attribute { name, value }, l, r))
}

/// Parentheses: `(a)` is `a`, `(a; b)` a block, `(a -> b)` clauses (only
/// meaningful in typespecs).
pub fn paren(items: Vec<StabItem>, l: usize, r: usize) -> Result<Expr, PErr> {
    Ok(match group(items)? {
        Ok(clauses) => mk(ExprKind::Clauses(clauses), l, r),
        Err(mut exprs) => {
            if exprs.len() == 1 {
                if let Some(e) = exprs.pop() {
                    return Ok(e);
                }
            }
            mk(ExprKind::Block(exprs), l, r)
        }
    })
}

/// Builds one `->` clause from its head and body expressions.
fn clause(params: Vec<Expr>, body: Vec<Expr>, start: usize, end: usize, body_at: usize) -> Clause {
    let mut params = params;
    let mut guard = None;
    if let Some(last) = params.pop() {
        match last.kind {
            ExprKind::Binary {
                op: BinOp::When,
                lhs,
                rhs,
            } => {
                params.push(*lhs);
                guard = Some(*rhs);
            }
            kind => params.push(Expr::new(kind, last.span)),
        }
    }
    // `() -> x` has no parameters.
    if params.len() == 1 && matches!(&params[0].kind, ExprKind::Block(b) if b.is_empty()) {
        params.clear();
    }
    let body_span = match (body.first(), body.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::new(body_at, body_at),
    };
    let end = end.max(body_span.end as usize);
    Clause {
        params,
        guard,
        body: Expr::new(ExprKind::Block(body), body_span),
        span: Span::new(start, end),
    }
}

/// Groups stab items into clauses, or gives the items back when there is
/// no `->` at all.
fn group(items: Vec<StabItem>) -> Result<Result<Vec<Clause>, Vec<Expr>>, PErr> {
    if !items.iter().any(|i| matches!(i, StabItem::Clause { .. })) {
        let exprs = items
            .into_iter()
            .filter_map(|i| match i {
                StabItem::Plain(e) => Some(e),
                StabItem::Clause { .. } => None,
            })
            .collect();
        return Ok(Err(exprs));
    }
    let mut clauses: Vec<(Vec<Expr>, Vec<Expr>, usize, usize)> = Vec::new();
    for item in items {
        match item {
            StabItem::Clause {
                params,
                body,
                start,
                end,
            } => clauses.push((params, body.into_iter().collect(), start, end)),
            StabItem::Plain(e) => match clauses.last_mut() {
                Some(current) => current.1.push(e),
                None => {
                    let (l, r) = (e.span.start as usize, e.span.end as usize);
                    return fail(
                        "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->",
                        l,
                        r,
                    );
                }
            },
        }
    }
    Ok(Ok(clauses
        .into_iter()
        .map(|(params, body, start, end)| clause(params, body, start, end, end))
        .collect()))
}

/// The value of one `do`/`else`/... section: clauses or a block.
fn section(items: Option<Vec<StabItem>>, l: usize, r: usize) -> Result<Expr, PErr> {
    let items = items.unwrap_or_default();
    let span = item_span(&items).unwrap_or(Span::new(l, r));
    Ok(match group(items)? {
        Ok(clauses) => Expr::new(ExprKind::Clauses(clauses), span),
        Err(exprs) => Expr::new(ExprKind::Block(exprs), span),
    })
}

fn item_span(items: &[StabItem]) -> Option<Span> {
    let edge = |i: &StabItem| match i {
        StabItem::Plain(e) => e.span,
        StabItem::Clause {
            start, end, body, ..
        } => {
            let s = Span::new(*start, *end);
            body.as_ref().map_or(s, |b| s.to(b.span))
        }
    };
    Some(edge(items.first()?).to(edge(items.last()?)))
}

/// `do ... else ... end` as the keyword list `[do: ..., else: ...]`.
pub fn do_block(
    body: Option<Vec<StabItem>>,
    sections: Vec<(String, Option<Vec<StabItem>>, usize, usize)>,
    l: usize,
    r: usize,
) -> Result<Expr, PErr> {
    let do_end = sections.first().map_or(r, |s| s.2);
    let mut entries = vec![kw_pair(
        "do".into(),
        section(body, l, do_end)?,
        l,
        l + 2,
        do_end,
    )];
    for (name, items, sl, sr) in sections {
        let value = section(items, sl, sr)?;
        entries.push(kw_pair(name.clone(), value, sl, sl + name.len(), sr));
    }
    Ok(mk(
        ExprKind::List {
            items: entries,
            tail: None,
        },
        l,
        r,
    ))
}

/// `fn clauses end`.
pub fn fn_expr(items: Vec<StabItem>, l: usize, r: usize) -> Result<Expr, PErr> {
    if !matches!(items.first(), Some(StabItem::Clause { .. })) {
        return fail("expected a clause with -> inside fn ... end", l, r);
    }
    match group(items)? {
        Ok(clauses) => Ok(mk(ExprKind::Fn(clauses), l, r)),
        Err(_) => fail("expected a clause with -> inside fn ... end", l, r),
    }
}
