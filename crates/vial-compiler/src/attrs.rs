//! Module attributes: `@name value` defines, `@name` reads.
//!
//! A read is replaced, where it appears, by the expression the attribute
//! had at that point of the module body (so `@v 1 ... def a ... @v 2 ...
//! def b` gives each function its own value, as in Elixir). Constant values
//! fold into the literal pool like any literal; others are evaluated where
//! they are used.

use crate::closure::walk;
use ahash::AHashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use vial_syntax::ast::{Callee, Expr, ExprKind, StrPart};
use vial_syntax::Diagnostic;

/// Attribute values defined so far, by name.
pub type Attributes = AHashMap<String, Expr>;

/// Most expression nodes attribute reads may copy into the modules of one
/// file: each read copies the attribute's value, so attributes built from
/// attributes (`@a {@a, @a}`, repeated) would otherwise grow exponentially.
pub const MAX_COPIED: usize = 1_000_000;

/// Replaces every `@name` read inside `e` by its current value (`nil` for
/// an attribute never set, as Elixir does after its warning). `budget` is
/// how many more nodes reads may copy (see [`MAX_COPIED`]).
pub fn substitute(
    e: &mut Expr,
    attrs: &Attributes,
    budget: &AtomicUsize,
) -> Result<(), Diagnostic> {
    if let ExprKind::Attribute { name, value: None } = &e.kind {
        let replacement = match attrs.get(name) {
            Some(value) => {
                let mut size = 0;
                walk(value, &mut |_| {
                    size += 1;
                    true
                });
                let Some(left) = budget.load(Ordering::Relaxed).checked_sub(size) else {
                    let message = format!("module attribute @{name} is too large to copy");
                    return Err(Diagnostic::new(message, e.span));
                };
                budget.store(left, Ordering::Relaxed);
                value.clone()
            }
            None => Expr::new(ExprKind::Atom("nil".into()), e.span),
        };
        *e = replacement;
        return Ok(());
    }
    let each = |items: &mut Vec<Expr>| {
        items
            .iter_mut()
            .try_for_each(|i| substitute(i, attrs, budget))
    };
    match &mut e.kind {
        ExprKind::Str(parts) | ExprKind::Charlist(parts) => {
            for p in parts {
                if let StrPart::Interp(x) = p {
                    substitute(x, attrs, budget)?;
                }
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) => each(items)?,
        ExprKind::List { items, tail } => {
            each(items)?;
            if let Some(t) = tail {
                substitute(t, attrs, budget)?;
            }
        }
        ExprKind::Map { update, entries }
        | ExprKind::Struct {
            update, entries, ..
        } => {
            if let Some(u) = update {
                substitute(u, attrs, budget)?;
            }
            for (k, v) in entries {
                substitute(k, attrs, budget)?;
                substitute(v, attrs, budget)?;
            }
        }
        ExprKind::Unary { operand, .. } => substitute(operand, attrs, budget)?,
        ExprKind::Binary { lhs, rhs, .. } => {
            substitute(lhs, attrs, budget)?;
            substitute(rhs, attrs, budget)?;
        }
        ExprKind::Pin(x) | ExprKind::Capture(x) => substitute(x, attrs, budget)?,
        ExprKind::Call { callee, args, .. } => {
            if let Callee::Remote { module, .. } = callee {
                substitute(module, attrs, budget)?;
            }
            each(args)?;
        }
        ExprKind::Dot { expr, .. } => substitute(expr, attrs, budget)?,
        ExprKind::Apply { fun, args } => {
            substitute(fun, attrs, budget)?;
            each(args)?;
        }
        ExprKind::Access { expr, key } => {
            substitute(expr, attrs, budget)?;
            substitute(key, attrs, budget)?;
        }
        ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
            for c in clauses {
                each(&mut c.params)?;
                if let Some(g) = &mut c.guard {
                    substitute(g, attrs, budget)?;
                }
                substitute(&mut c.body, attrs, budget)?;
            }
        }
        ExprKind::Attribute { value: Some(v), .. } => substitute(v, attrs, budget)?,
        _ => {}
    }
    Ok(())
}
