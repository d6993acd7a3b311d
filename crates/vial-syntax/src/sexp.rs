//! A compact s-expression rendering of the AST, for tests and debugging
//! (`vial --dump-ast` style output).
//!
//! ```text
//! def f(x), do: x + 1   ⇒   (call def (call f x) [do: (+ x 1)])
//! ```
//!
//! Calls print as `(call name args...)` (remote: `(call Mod.name ...)`),
//! operators as `(op lhs rhs)`, blocks as `(block ...)`, clauses as
//! `(clause (params...) when guard body)`, keyword entries as `key: value`.

use std::fmt::Write;

use crate::ast::{BinOp, Callee, Clause, Expr, ExprKind, StrPart, UnaryOp};
use crate::token::binop_text;

/// Renders `expr` as an s-expression.
pub fn to_sexp(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, expr);
    out
}

fn write_list(out: &mut String, items: &[Expr], sep: &str, keywords: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if keywords {
            write_item(out, item);
        } else {
            write_expr(out, item);
        }
    }
}

/// A list element: keyword tuples print as `key: value`.
fn write_item(out: &mut String, item: &Expr) {
    if let ExprKind::Tuple(pair) = &item.kind {
        if let [key, value] = pair.as_slice() {
            if let ExprKind::Atom(name) = &key.kind {
                let _ = write!(out, "{}: ", atom_text(name));
                write_expr(out, value);
                return;
            }
        }
    }
    write_expr(out, item);
}

fn atom_text(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '?' || c == '!' || c == '@');
    if plain {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

fn write_parts(out: &mut String, tag: &str, quote: char, parts: &[StrPart]) {
    match parts {
        [] => {
            let _ = write!(out, "{quote}{quote}");
        }
        [StrPart::Lit(s)] if quote == '"' => {
            let _ = write!(out, "{s:?}");
        }
        _ => {
            let _ = write!(out, "({tag}");
            for part in parts {
                out.push(' ');
                match part {
                    StrPart::Lit(s) => {
                        let _ = write!(out, "{s:?}");
                    }
                    StrPart::Bytes(b) => {
                        let _ = write!(out, "(bytes {b:?})");
                    }
                    StrPart::Interp(e) => write_expr(out, e),
                }
            }
            out.push(')');
        }
    }
}

fn write_map(out: &mut String, update: Option<&Expr>, entries: &[(Expr, Expr)]) {
    out.push('{');
    if let Some(base) = update {
        write_expr(out, base);
        out.push_str(" | ");
    }
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, k);
        out.push_str(" => ");
        write_expr(out, v);
    }
    out.push('}');
}

fn write_clause(out: &mut String, clause: &Clause) {
    out.push_str("(clause (");
    write_list(out, &clause.params, " ", false);
    out.push(')');
    if let Some(guard) = &clause.guard {
        out.push_str(" when ");
        write_expr(out, guard);
    }
    out.push(' ');
    write_expr(out, &clause.body);
    out.push(')');
}

fn unary_text(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Not => "not",
        UnaryOp::Bang => "!",
    }
}

fn write_expr(out: &mut String, expr: &Expr) {
    match &expr.kind {
        ExprKind::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        ExprKind::Float(x) => {
            let _ = write!(out, "{x:?}");
        }
        ExprKind::Atom(a) => {
            let _ = write!(out, ":{}", atom_text(a));
        }
        ExprKind::Alias(a) => out.push_str(a),
        ExprKind::Str(parts) => write_parts(out, "str", '"', parts),
        ExprKind::Charlist(parts) => write_parts(out, "charlist", '\'', parts),
        ExprKind::Var(v) => out.push_str(v),
        ExprKind::Module => out.push_str("__MODULE__"),
        ExprKind::Tuple(items) => {
            out.push('{');
            write_list(out, items, ", ", false);
            out.push('}');
        }
        ExprKind::List { items, tail } => {
            out.push('[');
            write_list(out, items, ", ", true);
            if let Some(tail) = tail {
                out.push_str(" | ");
                write_expr(out, tail);
            }
            out.push(']');
        }
        ExprKind::Map { update, entries } => {
            out.push('%');
            write_map(out, update.as_deref(), entries);
        }
        ExprKind::Struct {
            name,
            update,
            entries,
        } => {
            out.push('%');
            write_expr(out, name);
            write_map(out, update.as_deref(), entries);
        }
        ExprKind::Unary { op, operand } => {
            let _ = write!(out, "({} ", unary_text(*op));
            write_expr(out, operand);
            out.push(')');
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let name = if *op == BinOp::NotIn {
                "not_in"
            } else {
                binop_text(*op)
            };
            let _ = write!(out, "({name} ");
            write_expr(out, lhs);
            out.push(' ');
            write_expr(out, rhs);
            out.push(')');
        }
        ExprKind::Pin(e) => {
            out.push_str("(^ ");
            write_expr(out, e);
            out.push(')');
        }
        ExprKind::Call { callee, args, .. } => {
            out.push_str("(call ");
            match callee {
                Callee::Local(name) => out.push_str(name),
                Callee::Remote { module, name } => {
                    write_expr(out, module);
                    let _ = write!(out, ".{name}");
                }
            }
            for arg in args {
                out.push(' ');
                write_expr(out, arg);
            }
            out.push(')');
        }
        ExprKind::Dot { expr, name } => {
            out.push_str("(. ");
            write_expr(out, expr);
            let _ = write!(out, " {name})");
        }
        ExprKind::Apply { fun, args } => {
            out.push_str("(apply ");
            write_expr(out, fun);
            for arg in args {
                out.push(' ');
                write_expr(out, arg);
            }
            out.push(')');
        }
        ExprKind::Access { expr, key } => {
            out.push_str("(access ");
            write_expr(out, expr);
            out.push(' ');
            write_expr(out, key);
            out.push(')');
        }
        ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
            out.push_str(if matches!(expr.kind, ExprKind::Fn(_)) {
                "(fn"
            } else {
                "(clauses"
            });
            for clause in clauses {
                out.push(' ');
                write_clause(out, clause);
            }
            out.push(')');
        }
        ExprKind::Capture(e) => {
            out.push_str("(& ");
            write_expr(out, e);
            out.push(')');
        }
        ExprKind::CaptureArg(n) => {
            let _ = write!(out, "&{n}");
        }
        ExprKind::Block(exprs) => {
            out.push_str("(block");
            for e in exprs {
                out.push(' ');
                write_expr(out, e);
            }
            out.push(')');
        }
        ExprKind::Attribute { name, value } => {
            let _ = write!(out, "(@ {name}");
            if let Some(value) = value {
                out.push(' ');
                write_expr(out, value);
            }
            out.push(')');
        }
    }
}
