//! Closures: `fn` and `&` captures become functions lifted into the module;
//! the variables they use from the enclosing scope are captured by value.

use crate::func::{arity_of, CResult, Dest, FnBuilder};
use std::collections::BTreeSet;
use vial_syntax::ast::{BinOp, Callee, Clause, Expr, ExprKind, StrPart};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{Instr, Reg};
use vial_vm::term::Arc;
use vial_vm::term::{Closure, FunKind};
use vial_vm::{Atom, Term};

impl FnBuilder<'_> {
    /// `fn clauses end`.
    pub fn lambda(&mut self, clauses: &[Clause], dest: Dest, e: &Expr) -> CResult<()> {
        let arity = clauses.first().map_or(0, |c| c.params.len());
        if clauses.iter().any(|c| c.params.len() != arity) {
            return Err(Diagnostic::new(
                "cannot mix clauses with different arities in anonymous functions",
                e.span,
            ));
        }
        let mut used = BTreeSet::new();
        for c in clauses {
            c.params.iter().for_each(|p| collect_vars(p, &mut used));
            if let Some(g) = &c.guard {
                collect_vars(g, &mut used);
            }
            collect_vars(&c.body, &mut used);
        }
        self.lift(arity as u32, used, dest, e, |fb| {
            fb.function_clauses(clauses, 0, e.span)
        })
    }

    /// Creates a closure over a new function of `arity` arguments whose body
    /// `body` compiles; the variables in `used` that are bound here are
    /// captured.
    fn lift(
        &mut self,
        arity: u32,
        used: BTreeSet<String>,
        dest: Dest,
        e: &Expr,
        body: impl FnOnce(&mut FnBuilder) -> CResult<()>,
    ) -> CResult<()> {
        arity_of(arity as usize, e.span)?;
        let captured: Vec<(String, u16)> = used
            .into_iter()
            .filter_map(|name| self.vars.get(&name).map(|&r| (name, r)))
            .collect();
        let n = captured.len() as u16;
        let env = self.alloc_n(n, e.span)?;
        for (i, (_, r)) in captured.iter().enumerate() {
            self.emit(Instr::Move {
                src: *r,
                dst: env + i as u16,
            });
        }
        let top = self.top_function();
        let index = self.m.declare_lambda();
        // Named for good once its body is compiled (`lambda_name`).
        let provisional = format!("-{top}-fun-?-");
        let mut fb = FnBuilder::new(self.m, provisional, arity, arity as u16 + n);
        fb.line = self.line;
        fb.depth = self.depth;
        for (i, (var, _)) in captured.iter().enumerate() {
            fb.alias_var(var, arity as u16 + i as u16);
        }
        body(&mut fb)?;
        let (mut f, _) = fb.build(false, n as u32);
        f.name = Atom::intern(&self.m.lambda_name(&top));
        self.m.define(index, f);
        let r = self.dest_reg(dest, e)?;
        self.emit(Instr::MakeClosure {
            fun: index,
            env,
            n,
            dst: r,
        });
        self.finish(r, dest)
    }

    /// `&name/arity`, `&Mod.fun/arity`, or `&(expr with &1 ...)`.
    pub fn capture(&mut self, inner: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        if let ExprKind::Binary {
            op: BinOp::Div,
            lhs,
            rhs,
        } = &inner.kind
        {
            if let ExprKind::Integer(n) = &rhs.kind {
                let arity: u32 = n
                    .try_into()
                    .map_err(|_| Diagnostic::new("invalid arity", rhs.span))?;
                let named = match &lhs.kind {
                    ExprKind::Var(name) => Some((None, name.clone())),
                    ExprKind::Call {
                        callee: Callee::Local(name),
                        args,
                        ..
                    } if args.is_empty() => Some((None, name.clone())),
                    ExprKind::Call {
                        callee: Callee::Remote { module, name },
                        args,
                        ..
                    } if args.is_empty() => Some((Some(module.clone()), name.clone())),
                    ExprKind::Dot { expr, name } => Some((Some(expr.clone()), name.clone())),
                    _ => None,
                };
                if let Some((module, name)) = named {
                    return self.capture_named(module.as_deref(), &name, arity, dest, e);
                }
            }
        }
        let arity = max_capture_arg(inner);
        if arity == 0 {
            return Err(Diagnostic::new(
                "invalid use of &: the captured expression must use &1, &2, ...",
                e.span,
            ));
        }
        let mut used = BTreeSet::new();
        collect_vars(inner, &mut used);
        self.lift(arity, used, dest, e, |fb| {
            fb.capture_args = Some(0);
            // An `fn` inside the capture reaches `&1`... as variables it
            // captures (`&{&1, Enum.filter(l, fn y -> y > &1 end)}`).
            for i in 0..arity {
                fb.alias_var(&format!("&{}", i + 1), i as Reg);
            }
            fb.expr(inner, Dest::Tail)
        })
    }

    fn capture_named(
        &mut self,
        module: Option<&Expr>,
        name: &str,
        arity: u32,
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let module =
            match module {
                Some(m) => Some(self.module_atom(m).ok_or_else(|| {
                    Diagnostic::new("expected a module name in a capture", m.span)
                })?),
                None if self.m.locals.contains_key(&(name.to_string(), arity)) => None,
                None => Some(
                    self.m
                        .imported_module(name, arity)
                        .unwrap_or(Atom::ELIXIR_KERNEL),
                ),
            };
        match module {
            Some(m) => {
                let r = self.dest_reg(dest, e)?;
                // Elixir inlines these Kernel functions into the Erlang
                // ones, so their captures are (and print as) `&:erlang...`.
                let (m, name) = match erlang_inline(name, arity) {
                    Some(erlang) if m == Atom::ELIXIR_KERNEL => (Atom::intern("erlang"), erlang),
                    _ => (m, name),
                };
                let fun = Term::Fun(Arc::new(Closure {
                    kind: FunKind::External {
                        module: m,
                        name: Atom::intern(name),
                        arity,
                    },
                    env: Box::new([]),
                }));
                self.load_const(fun, r);
                self.finish(r, dest)
            }
            None => {
                let target = self.m.locals[&(name.to_string(), arity)];
                self.lift(arity, BTreeSet::new(), dest, e, |fb| {
                    fb.emit(Instr::TailCallLocal {
                        fun: target,
                        args: 0,
                        argc: arity as u8,
                    });
                    Ok(())
                })
            }
        }
    }
}

/// The highest `&N` in a capture body (not inside a nested capture).
fn max_capture_arg(e: &Expr) -> u32 {
    let mut max = 0;
    walk(e, &mut |x| {
        if let ExprKind::CaptureArg(n) = x.kind {
            max = max.max(n);
        }
        !matches!(x.kind, ExprKind::Capture(_))
    });
    max
}

/// Every variable name appearing in `e` (a superset of its free variables,
/// which is enough: only names bound in the enclosing scope are captured),
/// with `&1`, `&2`, ... as the names `&1`, `&2`, ... of an enclosing
/// capture's arguments.
pub fn collect_vars(e: &Expr, out: &mut BTreeSet<String>) {
    walk(e, &mut |x| {
        match &x.kind {
            ExprKind::Var(name) => {
                out.insert(name.clone());
            }
            ExprKind::CaptureArg(n) => {
                out.insert(format!("&{n}"));
            }
            _ => {}
        }
        true
    });
}

/// Visits `e` and its subexpressions; `f` returns whether to descend.
pub fn walk(e: &Expr, f: &mut dyn FnMut(&Expr) -> bool) {
    if !f(e) {
        return;
    }
    let clauses = |cs: &[Clause], f: &mut dyn FnMut(&Expr) -> bool| {
        for c in cs {
            c.params.iter().for_each(|p| walk(p, f));
            if let Some(g) = &c.guard {
                walk(g, f);
            }
            walk(&c.body, f);
        }
    };
    match &e.kind {
        ExprKind::Str(parts) | ExprKind::Charlist(parts) => {
            for p in parts {
                if let StrPart::Interp(x) = p {
                    walk(x, f);
                }
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) => items.iter().for_each(|i| walk(i, f)),
        ExprKind::List { items, tail } => {
            items.iter().for_each(|i| walk(i, f));
            if let Some(t) = tail {
                walk(t, f);
            }
        }
        ExprKind::Map { update, entries }
        | ExprKind::Struct {
            update, entries, ..
        } => {
            if let Some(u) = update {
                walk(u, f);
            }
            for (k, v) in entries {
                walk(k, f);
                walk(v, f);
            }
        }
        ExprKind::Unary { operand, .. } => walk(operand, f),
        ExprKind::Binary { lhs, rhs, .. } => {
            walk(lhs, f);
            walk(rhs, f);
        }
        ExprKind::Pin(x) | ExprKind::Capture(x) => walk(x, f),
        ExprKind::Call { callee, args, .. } => {
            if let Callee::Remote { module, .. } = callee {
                walk(module, f);
            }
            args.iter().for_each(|a| walk(a, f));
        }
        ExprKind::Dot { expr, .. } => walk(expr, f),
        ExprKind::Apply { fun, args } => {
            walk(fun, f);
            args.iter().for_each(|a| walk(a, f));
        }
        ExprKind::Access { expr, key } => {
            walk(expr, f);
            walk(key, f);
        }
        ExprKind::Fn(cs) | ExprKind::Clauses(cs) => clauses(cs, f),
        ExprKind::Attribute { value: Some(v), .. } => walk(v, f),
        _ => {}
    }
}

/// The Erlang function Elixir 1.14 compiles a call of Kernel's `name/arity`
/// to, when it inlines one (`elixir_rewrite.erl`'s inline rules, less
/// `elem/2` and `put_elem/3`, whose arguments it reorders, and
/// `bit_size/1`, which Vial's `:erlang` lacks).
fn erlang_inline(name: &str, arity: u32) -> Option<&'static str> {
    const RENAMED: &[(&str, u32, &str)] = &[
        ("!=", 2, "/="),
        ("===", 2, "=:="),
        ("!==", 2, "=/="),
        ("<=", 2, "=<"),
        ("function_exported?", 3, "function_exported"),
    ];
    const SAME: &[(&str, &[u32])] = &[
        ("+", &[1, 2]),
        ("-", &[1, 2]),
        ("*", &[2]),
        ("/", &[2]),
        ("++", &[2]),
        ("--", &[2]),
        ("==", &[2]),
        ("<", &[2]),
        (">", &[2]),
        (">=", &[2]),
        ("abs", &[1]),
        ("apply", &[2, 3]),
        ("binary_part", &[3]),
        ("byte_size", &[1]),
        ("ceil", &[1]),
        ("div", &[2]),
        ("exit", &[1]),
        ("floor", &[1]),
        ("hd", &[1]),
        ("is_atom", &[1]),
        ("is_binary", &[1]),
        ("is_bitstring", &[1]),
        ("is_boolean", &[1]),
        ("is_float", &[1]),
        ("is_function", &[1, 2]),
        ("is_integer", &[1]),
        ("is_list", &[1]),
        ("is_map", &[1]),
        ("is_number", &[1]),
        ("is_pid", &[1]),
        ("is_port", &[1]),
        ("is_reference", &[1]),
        ("is_tuple", &[1]),
        ("length", &[1]),
        ("make_ref", &[0]),
        ("map_size", &[1]),
        ("max", &[2]),
        ("min", &[2]),
        ("node", &[0, 1]),
        ("not", &[1]),
        ("rem", &[2]),
        ("round", &[1]),
        ("self", &[0]),
        ("send", &[2]),
        ("spawn", &[1, 3]),
        ("spawn_link", &[1, 3]),
        ("spawn_monitor", &[1, 3]),
        ("throw", &[1]),
        ("tl", &[1]),
        ("trunc", &[1]),
        ("tuple_size", &[1]),
    ];
    if let Some(&(_, _, erlang)) = RENAMED.iter().find(|&&(k, a, _)| k == name && a == arity) {
        return Some(erlang);
    }
    SAME.iter()
        .find(|(k, arities)| *k == name && arities.contains(&arity))
        .map(|&(k, _)| k)
}
