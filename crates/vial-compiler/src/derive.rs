//! `@derive`: a derived protocol dispatches to its `Any` implementation
//! for the struct; `Inspect` with `only:` or `except:` makes the struct
//! print as `#Name<shown: ..., ...>` (Elixir 1.14 `Inspect.Any`'s
//! `__deriving__`).

use crate::module::keyword;
use vial_syntax::ast::{Expr, ExprKind};
use vial_vm::{Atom, Term};

/// The fields a derived `Inspect` shows, in `def`'s order, when `derive`
/// (the `@derive` value) restricts them to fewer than all of them.
pub fn inspect_fields(derive: Option<&Expr>, def: &[(Atom, Term)]) -> Option<Vec<Atom>> {
    let opts = entries(derive).into_iter().find_map(|e| match &e.kind {
        ExprKind::Tuple(pair) if pair.len() == 2 => match &pair[0].kind {
            ExprKind::Alias(a) if a == "Inspect" => Some(&pair[1]),
            _ => None,
        },
        _ => None,
    })?;
    let names = |key| -> Option<Vec<String>> {
        match &keyword(opts, key)?.kind {
            ExprKind::List { items, tail: None } => items
                .iter()
                .map(|i| match &i.kind {
                    ExprKind::Atom(a) => Some(a.clone()),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    };
    let fields: Vec<Atom> = def
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| *f != Atom::EXCEPTION)
        .collect();
    let shown: Vec<Atom> = if let Some(only) = names("only") {
        fields
            .iter()
            .copied()
            .filter(|f| only.iter().any(|o| o == f.name()))
            .collect()
    } else if let Some(except) = names("except") {
        fields
            .iter()
            .copied()
            .filter(|f| !except.iter().any(|e| e == f.name()))
            .collect()
    } else {
        return None;
    };
    (shown.len() < fields.len()).then_some(shown)
}

/// The protocols `derive` (the `@derive` value) names, expanded by
/// `expand`: `@derive [P, {Q, opts}]` or `@derive P`.
pub fn protocols(derive: Option<&Expr>, expand: &dyn Fn(&str) -> Atom) -> Vec<Atom> {
    entries(derive)
        .into_iter()
        .filter_map(|e| match &e.kind {
            ExprKind::Alias(a) => Some(expand(a)),
            ExprKind::Tuple(pair) if pair.len() == 2 => match &pair[0].kind {
                ExprKind::Alias(a) => Some(expand(a)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The entries of a `@derive` value: `[P, {Q, opts}]` or a single one.
fn entries(derive: Option<&Expr>) -> Vec<&Expr> {
    match derive.map(|d| (d, &d.kind)) {
        Some((_, ExprKind::List { items, tail: None })) => items.iter().collect(),
        Some((d, _)) => vec![d],
        None => Vec::new(),
    }
}
