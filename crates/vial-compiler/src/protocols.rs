//! Protocols: `defprotocol` and `defimpl` become ordinary modules.
//!
//! `defprotocol P do def f(x, y) end` is module `P` whose `f/2` asks the
//! BIF `:vial_protocol.impl(P, x, fallback)` for the implementation module
//! of its first argument's type and applies its `f` to the arguments.
//! `defimpl P, for: T do ... end` is module `P.T` (one per type for
//! `for: [A, B]`), Elixir's own naming, which is how `impl` finds it: by
//! the struct's module for a struct, else by the built-in type (`Integer`,
//! `List`, `BitString`, ...), and then `P.Any` when the protocol sets
//! `@fallback_to_any true`.

use crate::desugar::remote;
use crate::module::{do_body, keyword};
use vial_syntax::ast::{Callee, Expr, ExprKind, Span};
use vial_syntax::Diagnostic;

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

fn local(name: &str, args: Vec<Expr>, span: Span) -> Expr {
    mk(
        ExprKind::Call {
            callee: Callee::Local(name.to_string()),
            args,
            parens: true,
        },
        span,
    )
}

fn list(items: Vec<Expr>, span: Span) -> Expr {
    mk(ExprKind::List { items, tail: None }, span)
}

fn do_keyword(body: Expr, span: Span) -> Expr {
    let key = mk(ExprKind::Atom("do".into()), span);
    list(vec![mk(ExprKind::Tuple(vec![key, body]), span)], span)
}

/// The statements of a `do` block.
fn statements(body: &Expr) -> Vec<Expr> {
    match &body.kind {
        ExprKind::Block(items) => items.clone(),
        _ => vec![body.clone()],
    }
}

/// The body of the module `defprotocol` defines: for each `def f(args)`
/// without a body, a dispatching `f/n`. Other statements (`@doc`, `@spec`,
/// `@fallback_to_any`) are dropped; `@fallback_to_any true` is read.
pub fn protocol_body(rest: &[Expr], span: Span) -> Result<Expr, Diagnostic> {
    let body =
        do_body(rest).ok_or_else(|| Diagnostic::new("defprotocol needs a do block", span))?;
    let items = statements(body);
    let fallback = items.iter().any(|s| match &s.kind {
        ExprKind::Attribute {
            name,
            value: Some(v),
        } if name == "fallback_to_any" => {
            matches!(&v.kind, ExprKind::Atom(a) if a == "true")
        }
        _ => false,
    });
    let mut defs = Vec::new();
    for s in &items {
        let ExprKind::Call {
            callee: Callee::Local(def),
            args,
            ..
        } = &s.kind
        else {
            continue;
        };
        if def != "def" {
            continue;
        }
        let Some(ExprKind::Call {
            callee: Callee::Local(name),
            args: params,
            ..
        }) = args.first().map(|h| &h.kind)
        else {
            return Err(Diagnostic::new("expected a function head", s.span));
        };
        if params.is_empty() {
            return Err(Diagnostic::new(
                "protocol functions expect at least one argument",
                s.span,
            ));
        }
        let span = s.span;
        let vars: Vec<Expr> = (0..params.len())
            .map(|i| mk(ExprKind::Var(format!("protocol arg {i}")), span))
            .collect();
        let fallback = mk(ExprKind::Atom(fallback.to_string()), span);
        let module = mk(ExprKind::Module, span);
        let target = remote(
            "vial_protocol",
            "impl",
            vec![module, vars[0].clone(), fallback],
            span,
        );
        let call = local(
            "apply",
            vec![
                target,
                mk(ExprKind::Atom(name.clone()), span),
                list(vars.clone(), span),
            ],
            span,
        );
        let head = local(name, vars, span);
        defs.push(local("def", vec![head, do_keyword(call, span)], span));
    }
    // `impl_for/1` (the implementation module or nil) and `impl_for!/1`.
    let x = mk(ExprKind::Var("protocol arg 0".into()), span);
    for (name, bif) in [("impl_for", "impl_for"), ("impl_for!", "impl")] {
        let fallback = mk(ExprKind::Atom(fallback.to_string()), span);
        let module = mk(ExprKind::Module, span);
        let body = remote(
            "vial_protocol",
            bif,
            vec![module, x.clone(), fallback],
            span,
        );
        let head = local(name, vec![x.clone()], span);
        defs.push(local("def", vec![head, do_keyword(body, span)], span));
    }
    Ok(mk(ExprKind::Block(defs), span))
}

/// The modules a `defimpl` defines: `(name, body)` for each type in
/// `for:`, or for `current` (the enclosing module) without one. Names
/// are alias text (`String.Chars.Money`); `expand` expands an alias as the
/// enclosing code sees it.
pub fn impl_modules(
    args: &[Expr],
    current: Option<&str>,
    expand: &dyn Fn(&str) -> String,
    span: Span,
) -> Result<Vec<(String, Expr)>, Diagnostic> {
    let [protocol, rest @ ..] = args else {
        return Err(Diagnostic::new("defimpl needs a protocol", span));
    };
    let ExprKind::Alias(protocol) = &protocol.kind else {
        return Err(Diagnostic::new("expected a protocol name", protocol.span));
    };
    let protocol = expand(protocol);
    let body = do_body(rest).ok_or_else(|| Diagnostic::new("defimpl needs a do block", span))?;
    let targets: Vec<String> = match rest.iter().find_map(|o| keyword(o, "for")) {
        Some(t) => match &t.kind {
            ExprKind::Alias(a) => vec![expand(a)],
            ExprKind::List { items, tail: None } => items
                .iter()
                .map(|i| match &i.kind {
                    ExprKind::Alias(a) => Ok(expand(a)),
                    _ => Err(Diagnostic::new("expected a module name", i.span)),
                })
                .collect::<Result<_, _>>()?,
            ExprKind::Module => current.map(str::to_string).into_iter().collect(),
            _ => return Err(Diagnostic::new("expected a module name", t.span)),
        },
        None => match current {
            Some(m) => vec![m.to_string()],
            None => return Err(Diagnostic::new("defimpl outside a module needs for:", span)),
        },
    };
    Ok(targets
        .into_iter()
        .map(|t| {
            // `@protocol` and `@for` name the two modules in the body.
            let mut items = vec![
                attribute("protocol", &protocol, span),
                attribute("for", &t, span),
            ];
            items.extend(statements(body));
            items.push(reflection("protocol", &protocol, span));
            items.push(reflection("for", &t, span));
            (format!("{protocol}.{t}"), mk(ExprKind::Block(items), span))
        })
        .collect())
}

/// `@name Module`.
fn attribute(name: &str, module: &str, span: Span) -> Expr {
    let value = mk(ExprKind::Alias(format!("Elixir.{module}")), span);
    mk(
        ExprKind::Attribute {
            name: name.into(),
            value: Some(Box::new(value)),
        },
        span,
    )
}

/// `def __impl__(:key), do: Module`, which marks an implementation module
/// (as in Elixir, where `__impl__(:protocol)` and `__impl__(:for)` exist).
fn reflection(key: &str, module: &str, span: Span) -> Expr {
    let head = local("__impl__", vec![mk(ExprKind::Atom(key.into()), span)], span);
    let value = mk(ExprKind::Alias(format!("Elixir.{module}")), span);
    local("def", vec![head, do_keyword(value, span)], span)
}
