//! Module attributes: `@name value` defines, `@name` reads.
//!
//! A read is replaced, where it appears, by the expression the attribute
//! had at that point of the module body (so `@v 1 ... def a ... @v 2 ...
//! def b` gives each function its own value, as in Elixir). Constant values
//! fold into the literal pool like any literal; others are evaluated where
//! they are used.

use ahash::AHashMap;
use vial_syntax::ast::{Callee, Expr, ExprKind, StrPart};

/// Attribute values defined so far, by name.
pub type Attributes = AHashMap<String, Expr>;

/// Replaces every `@name` read inside `e` by its current value (`nil` for
/// an attribute never set, as Elixir does after its warning).
pub fn substitute(e: &mut Expr, attrs: &Attributes) {
    if let ExprKind::Attribute { name, value: None } = &e.kind {
        let replacement = attrs
            .get(name)
            .cloned()
            .unwrap_or_else(|| Expr::new(ExprKind::Atom("nil".into()), e.span));
        *e = replacement;
        return;
    }
    let each = |items: &mut Vec<Expr>| items.iter_mut().for_each(|i| substitute(i, attrs));
    match &mut e.kind {
        ExprKind::Str(parts) | ExprKind::Charlist(parts) => {
            for p in parts {
                if let StrPart::Interp(x) = p {
                    substitute(x, attrs);
                }
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) => each(items),
        ExprKind::List { items, tail } => {
            each(items);
            if let Some(t) = tail {
                substitute(t, attrs);
            }
        }
        ExprKind::Map { update, entries }
        | ExprKind::Struct {
            update, entries, ..
        } => {
            if let Some(u) = update {
                substitute(u, attrs);
            }
            for (k, v) in entries {
                substitute(k, attrs);
                substitute(v, attrs);
            }
        }
        ExprKind::Unary { operand, .. } => substitute(operand, attrs),
        ExprKind::Binary { lhs, rhs, .. } => {
            substitute(lhs, attrs);
            substitute(rhs, attrs);
        }
        ExprKind::Pin(x) | ExprKind::Capture(x) => substitute(x, attrs),
        ExprKind::Call { callee, args, .. } => {
            if let Callee::Remote { module, .. } = callee {
                substitute(module, attrs);
            }
            each(args);
        }
        ExprKind::Dot { expr, .. } => substitute(expr, attrs),
        ExprKind::Apply { fun, args } => {
            substitute(fun, attrs);
            each(args);
        }
        ExprKind::Access { expr, key } => {
            substitute(expr, attrs);
            substitute(key, attrs);
        }
        ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
            for c in clauses {
                each(&mut c.params);
                if let Some(g) = &mut c.guard {
                    substitute(g, attrs);
                }
                substitute(&mut c.body, attrs);
            }
        }
        ExprKind::Attribute { value: Some(v), .. } => substitute(v, attrs),
        _ => {}
    }
}
