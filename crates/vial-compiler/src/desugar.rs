//! Rewrites of constructs into simpler ones before compilation.
//!
//! `for` comprehensions become nested `Enum.reduce/3` calls that cons onto
//! an accumulator, reversed at the end (and passed to `Enum.into/2` for
//! `into:`), the way Elixir's own expansion of `for` works.

use crate::func::CResult;
use crate::module::keyword;
use vial_syntax::ast::{BinOp, Callee, Clause, Expr, ExprKind, Span};
use vial_syntax::Diagnostic;

/// The accumulator variable of the `for` at `span`: a name no source
/// variable can have, distinct for each (nested) comprehension.
fn acc_name(span: Span) -> String {
    format!("for acc {}", span.start)
}

/// The most generators and filters a `for` may have: each nests the
/// rewritten expression a few levels deeper, and the compiler's recursion
/// over it must stay within the stack.
const MAX_QUALIFIERS: usize = 100;

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

fn var(name: &str, span: Span) -> Expr {
    mk(ExprKind::Var(name.to_string()), span)
}

pub fn remote(module: &str, name: &str, args: Vec<Expr>, span: Span) -> Expr {
    let module = if module.starts_with(|c: char| c.is_ascii_uppercase()) {
        mk(ExprKind::Alias(module.to_string()), span)
    } else {
        mk(ExprKind::Atom(module.to_string()), span)
    };
    mk(
        ExprKind::Call {
            callee: Callee::Remote {
                module: Box::new(module),
                name: name.to_string(),
            },
            args,
            parens: true,
        },
        span,
    )
}

fn block(items: Vec<Expr>, span: Span) -> Expr {
    mk(ExprKind::Block(items), span)
}

fn is_keyword_list(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List { items, tail: None } => {
            !items.is_empty()
                && items.iter().all(|i| {
                    matches!(&i.kind, ExprKind::Tuple(kv) if kv.len() == 2 && matches!(kv[0].kind, ExprKind::Atom(_)))
                })
        }
        _ => false,
    }
}

/// `for quals..., into: x, uniq: true, reduce: acc, do: body` as Enum calls.
pub fn for_comprehension(args: &[Expr], e: &Expr) -> CResult<Expr> {
    let split = args
        .iter()
        .rposition(|a| !is_keyword_list(a))
        .map_or(0, |i| i + 1);
    let (quals, opts) = args.split_at(split);
    if quals.len() > MAX_QUALIFIERS {
        return Err(Diagnostic::new(
            format!("for has too many generators and filters (the limit is {MAX_QUALIFIERS})"),
            quals[MAX_QUALIFIERS].span,
        ));
    }
    let find = |key| opts.iter().find_map(|o| keyword(o, key));
    let body = find("do").ok_or_else(|| Diagnostic::new("for needs a do", e.span))?;
    let span = e.span;
    let acc = acc_name(span);
    let reduce = find("reduce");
    // The innermost expression: cons the body onto the accumulator, or, with
    // `reduce:`, run the `acc -> ...` clauses of the do block on it.
    let innermost = match reduce {
        Some(_) => {
            let ExprKind::Clauses(_) = &body.kind else {
                return Err(Diagnostic::new(
                    "when using :reduce with comprehensions, the do block must be written using acc -> expr clauses",
                    body.span,
                ));
            };
            let opts = keyword_list(vec![("do", body.clone())], span);
            mk(
                ExprKind::Call {
                    callee: Callee::Local("case".into()),
                    args: vec![var(&acc, span), opts],
                    parens: true,
                },
                span,
            )
        }
        None => mk(
            ExprKind::List {
                items: vec![body.clone()],
                tail: Some(Box::new(var(&acc, span))),
            },
            span,
        ),
    };
    let nested = build(quals, &innermost, &acc, span)?;
    let init_value = match reduce {
        Some(init) => init.clone(),
        None => mk(
            ExprKind::List {
                items: vec![],
                tail: None,
            },
            span,
        ),
    };
    let init = mk(
        ExprKind::Binary {
            op: BinOp::Match,
            lhs: Box::new(var(&acc, span)),
            rhs: Box::new(init_value),
        },
        span,
    );
    if reduce.is_some() {
        return Ok(block(vec![init, nested], span));
    }
    let mut result = remote("lists", "reverse", vec![nested], span);
    if matches!(find("uniq"), Some(Expr { kind: ExprKind::Atom(a), .. }) if a == "true") {
        result = remote("Enum", "uniq", vec![result], span);
    }
    if let Some(into) = find("into") {
        result = remote("Enum", "into", vec![result, into.clone()], span);
    }
    Ok(block(vec![init, result], span))
}

fn keyword_list(pairs: Vec<(&str, Expr)>, span: Span) -> Expr {
    let items = pairs
        .into_iter()
        .map(|(k, v)| {
            mk(
                ExprKind::Tuple(vec![mk(ExprKind::Atom(k.into()), span), v]),
                span,
            )
        })
        .collect();
    mk(ExprKind::List { items, tail: None }, span)
}

fn build(quals: &[Expr], innermost: &Expr, acc: &str, span: Span) -> CResult<Expr> {
    let Some((q, rest)) = quals.split_first() else {
        return Ok(innermost.clone());
    };
    let inner = build(rest, innermost, acc, span)?;
    match &q.kind {
        ExprKind::Binary {
            op: BinOp::LArrow,
            lhs,
            rhs,
        } => {
            let (pat, guard) = match &lhs.kind {
                ExprKind::Binary {
                    op: BinOp::When,
                    lhs: p,
                    rhs: g,
                } => ((**p).clone(), Some((**g).clone())),
                _ => ((**lhs).clone(), None),
            };
            let hit = Clause {
                params: vec![pat, var(acc, span)],
                guard,
                body: block(vec![inner], span),
                span: q.span,
            };
            let miss = Clause {
                params: vec![var("_", span), var(acc, span)],
                guard: None,
                body: block(vec![var(acc, span)], span),
                span: q.span,
            };
            let fun = mk(ExprKind::Fn(vec![hit, miss]), q.span);
            Ok(remote(
                "Enum",
                "reduce",
                vec![(**rhs).clone(), var(acc, span), fun],
                q.span,
            ))
        }
        _ => {
            let opts = keyword_list(vec![("do", inner), ("else", var(acc, span))], span);
            Ok(mk(
                ExprKind::Call {
                    callee: Callee::Local("if".into()),
                    args: vec![q.clone(), opts],
                    parens: true,
                },
                q.span,
            ))
        }
    }
}

/// The path forms of Kernel's nested-update macros, `put_in(m.a[:b], v)`,
/// `update_in(m.a.b, f)`, `get_and_update_in(m[:a], f)` and
/// `pop_in(m[:a].b)`: the function forms on the path's root with its keys
/// as a list (`put_in(m, [Access.key!(:a), :b], v)`: a `.` segment is
/// `Access.key!`, which also works on structs and raises KeyError for a
/// missing key, as Elixir's expansion does). `None` when the first
/// argument is not such a path.
pub fn nested_update(name: &str, args: &[Expr], span: Span) -> Option<Expr> {
    let (path, rest) = match (name, args) {
        ("put_in" | "update_in" | "get_and_update_in", [path, arg]) => (path, Some(arg)),
        ("pop_in", [path]) => (path, None),
        _ => return None,
    };
    let mut keys = Vec::new();
    let mut at = path;
    loop {
        match &at.kind {
            // A `.field` segment works on structs too and needs the key.
            ExprKind::Dot { expr, name } => {
                let key = mk(ExprKind::Atom(name.clone()), at.span);
                keys.push(remote("Access", "key!", vec![key], at.span));
                at = expr;
            }
            ExprKind::Access { expr, key } => {
                keys.push((**key).clone());
                at = expr;
            }
            _ => break,
        }
    }
    if keys.is_empty() {
        return None;
    }
    keys.reverse();
    let mut call_args = vec![
        at.clone(),
        mk(
            ExprKind::List {
                items: keys,
                tail: None,
            },
            span,
        ),
    ];
    call_args.extend(rest.cloned());
    Some(mk(
        ExprKind::Call {
            callee: Callee::Local(name.to_string()),
            args: call_args,
            parens: true,
        },
        span,
    ))
}
