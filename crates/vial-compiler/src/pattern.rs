//! Pattern-match compilation: a pattern becomes a chain of test
//! instructions on a source register that jump to `fail` on mismatch and
//! bind variables on success. Also guards.

use crate::consts::{const_term, literal_text};
use crate::func::{CResult, FnBuilder, LabelId};
use vial_syntax::ast::{BinOp, Callee, Expr, ExprKind, Span, UnaryOp};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{CmpOp, Instr, Reg, HANDLER_REGS};
use vial_vm::{Atom, Term};

impl FnBuilder<'_> {
    /// Matches a function or clause parameter held in `src`, which stays
    /// live: a plain variable is bound to `src` itself, with no copy.
    pub fn pattern_top(
        &mut self,
        p: &Expr,
        src: Reg,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        if let ExprKind::Var(name) = &p.kind {
            if name != "_" && !bound.contains(name) {
                self.remember_shadowed(name);
                self.alias_var(name, src);
                bound.push(name.clone());
                return Ok(());
            }
        }
        self.pattern(p, src, fail, bound)
    }

    /// Before a pattern first binds `name`: records the binding it
    /// shadows, if any, for a later `^name` in the same pattern.
    fn remember_shadowed(&mut self, name: &str) {
        match self.vars.get(name) {
            Some(&r) => self.shadowed.insert(name.to_string(), r),
            None => self.shadowed.remove(name),
        };
    }

    /// The register `^name` reads in a pattern that has bound `bound` so
    /// far: the binding from before the pattern (Elixir pins the value a
    /// variable had before the match, even if the pattern rebinds it).
    fn pinned(&self, name: &str, bound: &[String], span: Span) -> CResult<Reg> {
        let r = if bound.iter().any(|b| b == name) {
            self.shadowed.get(name)
        } else {
            self.vars.get(name)
        };
        r.copied()
            .ok_or_else(|| Diagnostic::new(format!("undefined variable ^{name}"), span))
    }

    /// Matches `p` against register `src`; on mismatch jumps to `fail`.
    /// `bound` lists the variables this pattern has bound so far (a repeated
    /// variable must match the same value).
    pub fn pattern(
        &mut self,
        p: &Expr,
        src: Reg,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        let fail_t = FnBuilder::target(fail);
        // A constant pattern is an equality test, except that a map pattern
        // matches any map with at least its keys.
        if let Some(t) = const_term(p, self.m).filter(|t| !contains_map(t)) {
            return self.test_const(src, t, fail, p.span);
        }
        match &p.kind {
            ExprKind::Var(name) => {
                // `_` matches anything and binds nothing; `_name` is a
                // variable like any other (Elixir only warns when it is
                // read).
                if name == "_" {
                    return Ok(());
                }
                if bound.contains(name) {
                    let r = self.vars[name];
                    self.emit(Instr::IsEq {
                        a: src,
                        b: r,
                        fail: fail_t,
                    });
                } else {
                    self.remember_shadowed(name);
                    let r = self.bind_var(name, p.span)?;
                    self.emit(Instr::Move { src, dst: r });
                    bound.push(name.clone());
                }
            }
            ExprKind::Pin(inner) => {
                let ExprKind::Var(name) = &inner.kind else {
                    return Err(Diagnostic::new("only variables can be pinned", inner.span));
                };
                let r = self.pinned(name, bound, inner.span)?;
                self.emit(Instr::IsEq {
                    a: src,
                    b: r,
                    fail: fail_t,
                });
            }
            ExprKind::Tuple(items) => {
                self.emit(Instr::IsTuple {
                    src,
                    arity: items.len() as u16,
                    fail: fail_t,
                });
                for (i, item) in items.iter().enumerate() {
                    if matches!(&item.kind, ExprKind::Var(n) if n == "_") {
                        continue;
                    }
                    let fresh = self.fresh_var(item, bound)?;
                    let r = match fresh {
                        Some(r) => r,
                        None => self.alloc(item.span)?,
                    };
                    self.emit(Instr::GetElem {
                        src,
                        index: i as u16,
                        dst: r,
                    });
                    if fresh.is_none() {
                        self.pattern(item, r, fail, bound)?;
                    }
                }
            }
            ExprKind::List { items, tail } => {
                let mut cur = src;
                let mut tail_bound = false;
                for (k, item) in items.iter().enumerate() {
                    let fresh = self.fresh_var(item, bound)?;
                    // `[h | t]` with `t` a new variable: the tail goes
                    // straight into it (checked only after the head is
                    // bound, so `[x | x]` still compares the two).
                    let fresh_tail = match tail {
                        Some(t) if k + 1 == items.len() && fresh.is_some() => {
                            self.fresh_var(t, bound)?
                        }
                        _ => None,
                    };
                    tail_bound = fresh_tail.is_some();
                    let h = match fresh {
                        Some(r) => r,
                        None => self.alloc(item.span)?,
                    };
                    let t = match fresh_tail {
                        Some(r) => r,
                        None => self.alloc(item.span)?,
                    };
                    self.emit(Instr::IsCons {
                        src: cur,
                        head: h,
                        tail: t,
                        fail: fail_t,
                    });
                    if fresh.is_none() {
                        self.pattern(item, h, fail, bound)?;
                    }
                    cur = t;
                }
                match tail {
                    Some(_) if tail_bound => {}
                    Some(t) => self.pattern(t, cur, fail, bound)?,
                    None => self.emit(Instr::IsEmptyList {
                        src: cur,
                        fail: fail_t,
                    }),
                }
            }
            ExprKind::Map {
                update: None,
                entries,
            } => {
                self.emit(Instr::IsMap { src, fail: fail_t });
                self.map_entries(entries, src, fail, bound)?;
            }
            ExprKind::Struct {
                name,
                update: None,
                entries,
            } => {
                self.emit(Instr::IsMap { src, fail: fail_t });
                let module = self.struct_name(name)?;
                let key = self.alloc_n(2, p.span)?;
                self.load_const(Term::Atom(Atom::STRUCT), key);
                self.emit(Instr::GetMapValue {
                    map: src,
                    key,
                    dst: key + 1,
                    fail: fail_t,
                });
                match module {
                    Some(m) => {
                        let r = self.alloc(p.span)?;
                        self.load_const(Term::Atom(m), r);
                        self.emit(Instr::IsEq {
                            a: key + 1,
                            b: r,
                            fail: fail_t,
                        });
                    }
                    // `%name{}` binds the struct's module, `%^name{}`
                    // matches it.
                    None => self.pattern(name, key + 1, fail, bound)?,
                }
                self.map_entries(entries, src, fail, bound)?;
            }
            ExprKind::Binary {
                op: BinOp::Concat,
                lhs,
                rhs,
            } => {
                let prefix = match &lhs.kind {
                    ExprKind::Str(parts) => literal_text(parts),
                    _ => None,
                }
                .ok_or_else(|| {
                    Diagnostic::new(
                        "the left side of <> in a pattern must be a literal string",
                        lhs.span,
                    )
                })?;
                let lit = self.m.literal(Term::binary(prefix));
                let rest = self.alloc(p.span)?;
                self.emit(Instr::IsBinaryPrefix {
                    src,
                    prefix: lit,
                    rest,
                    fail: fail_t,
                });
                self.pattern(rhs, rest, fail, bound)?;
            }
            ExprKind::Binary {
                op: BinOp::Match,
                lhs,
                rhs,
            } => {
                self.pattern(lhs, src, fail, bound)?;
                self.pattern(rhs, src, fail, bound)?;
            }
            // `first..last` and `first..last//step` match `%Range{}` fields.
            ExprKind::Binary {
                op: op @ (BinOp::Range | BinOp::StepRange),
                lhs,
                rhs,
            } => {
                let mut fields = Vec::new();
                match (op, &lhs.kind) {
                    (
                        BinOp::StepRange,
                        ExprKind::Binary {
                            op: BinOp::Range,
                            lhs: first,
                            rhs: last,
                        },
                    ) => {
                        fields.push(("first", &**first));
                        fields.push(("last", &**last));
                        fields.push(("step", &**rhs));
                    }
                    (BinOp::Range, _) => {
                        fields.push(("first", &**lhs));
                        fields.push(("last", &**rhs));
                    }
                    _ => return Err(Diagnostic::new("invalid range pattern", p.span)),
                }
                let mut entries = vec![(
                    Expr::new(ExprKind::Atom("__struct__".into()), p.span),
                    Expr::new(ExprKind::Atom("Elixir.Range".into()), p.span),
                )];
                for (k, v) in fields {
                    entries.push((Expr::new(ExprKind::Atom(k.into()), p.span), v.clone()));
                }
                self.emit(Instr::IsMap { src, fail: fail_t });
                self.map_entries(&entries, src, fail, bound)?;
            }
            // `[1, 2] ++ rest` and `'ab' ++ rest` are `[1, 2 | rest]`.
            ExprKind::Binary {
                op: BinOp::ListConcat,
                lhs,
                rhs,
            } => {
                let items = match &lhs.kind {
                    ExprKind::List { items, tail: None } => items.clone(),
                    ExprKind::Charlist(parts) => literal_text(parts)
                        .map(|bytes| {
                            String::from_utf8_lossy(&bytes)
                                .chars()
                                .map(|c| Expr::new(ExprKind::Integer((c as u32).into()), lhs.span))
                                .collect()
                        })
                        .ok_or_else(|| interpolated_prefix(lhs))?,
                    _ => return Err(interpolated_prefix(lhs)),
                };
                let tail = Some(rhs.clone());
                let list = Expr::new(ExprKind::List { items, tail }, p.span);
                return self.pattern(&list, src, fail, bound);
            }
            _ => {
                return Err(Diagnostic::new(
                    "this expression is not supported in a pattern",
                    p.span,
                ))
            }
        }
        Ok(())
    }

    fn map_entries(
        &mut self,
        entries: &[(Expr, Expr)],
        src: Reg,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        for (k, v) in entries {
            let key = self.alloc_n(2, k.span)?;
            match (&k.kind, const_term(k, self.m)) {
                (_, Some(t)) => self.load_const(t, key),
                (ExprKind::Pin(inner), None) => {
                    let ExprKind::Var(name) = &inner.kind else {
                        return Err(Diagnostic::new("only variables can be pinned", inner.span));
                    };
                    let r = self.pinned(name, bound, inner.span)?;
                    self.emit(Instr::Move { src: r, dst: key });
                }
                _ => {
                    return Err(Diagnostic::new(
                        "a map key in a pattern must be a literal or a pinned variable",
                        k.span,
                    ))
                }
            }
            self.emit(Instr::GetMapValue {
                map: src,
                key,
                dst: key + 1,
                fail: FnBuilder::target(fail),
            });
            self.pattern(v, key + 1, fail, bound)?;
        }
        Ok(())
    }

    /// The module atom of `%Name{}`; `None` for `%_{}` or `%name{}`.
    pub fn struct_name(&mut self, name: &Expr) -> CResult<Option<Atom>> {
        match &name.kind {
            ExprKind::Alias(a) => {
                let module = self.m.expand_alias(a);
                if self.m.same_context_structs.contains(&module) {
                    // Elixir compiles a script before running it, so its
                    // modules do not exist yet while its code compiles.
                    return Err(Diagnostic::new(
                        format!(
                            "cannot access struct {}, the struct was not yet defined or the \
                             struct is being accessed in the same context that defines it",
                            module.name().trim_start_matches("Elixir.")
                        ),
                        name.span,
                    ));
                }
                Ok(Some(module))
            }
            ExprKind::Module => Ok(Some(self.m.name)),
            ExprKind::Var(_) | ExprKind::Pin(_) => Ok(None),
            _ => Err(Diagnostic::new("expected a struct name", name.span)),
        }
    }

    /// Compiles a guard: jumps to `fail` unless it evaluates to exactly
    /// `true`; an exception inside the guard also fails it.
    pub fn guard(&mut self, g: &Expr, fail: LabelId) -> CResult<()> {
        // `when a when b`: the clause applies when either guard passes.
        if let ExprKind::Binary {
            op: BinOp::When,
            lhs,
            rhs,
        } = &g.kind
        {
            let (other, pass) = (self.new_label(), self.new_label());
            self.guard(lhs, other)?;
            self.emit(Instr::Jump {
                target: FnBuilder::target(pass),
            });
            self.bind(other);
            self.guard(rhs, fail)?;
            self.bind(pass);
            return Ok(());
        }
        let mark = self.mark();
        let safe = guard_cannot_raise(g);
        if safe && self.jump_unless_comparison(g, fail)? {
            self.release(mark);
            return Ok(());
        }
        if !safe {
            let dst = self.alloc_n(HANDLER_REGS, g.span)?;
            self.emit(Instr::TryBegin {
                handler: FnBuilder::target(fail),
                dst,
            });
        }
        let outer = std::mem::replace(&mut self.in_guard, true);
        let r = self.value(g);
        self.in_guard = outer;
        let r = r?;
        if !safe {
            self.emit(Instr::TryEnd);
        }
        self.emit(Instr::JumpUnlessTrue {
            src: r,
            target: FnBuilder::target(fail),
        });
        self.release(mark);
        Ok(())
    }
}

impl FnBuilder<'_> {
    /// When pattern `p` is a variable this pattern has not bound yet (and
    /// not `_`-prefixed), binds it to a fresh register and returns that
    /// register, so the value can be extracted straight into it.
    fn fresh_var(&mut self, p: &Expr, bound: &mut Vec<String>) -> CResult<Option<Reg>> {
        match &p.kind {
            ExprKind::Var(name) if name != "_" && !bound.contains(name) => {
                self.remember_shadowed(name);
                let r = self.bind_var(name, p.span)?;
                bound.push(name.clone());
                Ok(Some(r))
            }
            _ => Ok(None),
        }
    }

    /// When `cond` is a comparison, or `and`/`or`/`not` over comparisons,
    /// emits it as fused compare-and-jumps, taken to `target` when `cond`
    /// is false, and returns true. Every leaf gives a boolean, so no
    /// BadBooleanError can arise and the result is the same as evaluating
    /// the value; operands are still evaluated in order, left to right,
    /// with the same short-circuits.
    pub fn jump_unless_comparison(&mut self, cond: &Expr, target: LabelId) -> CResult<bool> {
        if !comparison_tree(cond) {
            return Ok(false);
        }
        self.test(cond, false, target)?;
        Ok(true)
    }

    /// Jumps to `fail` unless `cond` (a [`comparison_tree`]) is `!negate`.
    fn test(&mut self, cond: &Expr, negate: bool, fail: LabelId) -> CResult<()> {
        match &cond.kind {
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand,
            } => self.test(operand, !negate, fail),
            // `a and b` fails when either side does; under `not` it is
            // `not a or not b`, and likewise for `or`.
            ExprKind::Binary {
                op: op @ (BinOp::And | BinOp::Or),
                lhs,
                rhs,
            } => {
                if (*op == BinOp::And) != negate {
                    self.test(lhs, negate, fail)?;
                    let saved = self.save_scope();
                    self.test(rhs, negate, fail)?;
                    self.restore_scope(saved);
                } else {
                    let (other, pass) = (self.new_label(), self.new_label());
                    self.test(lhs, negate, other)?;
                    self.emit(Instr::Jump {
                        target: FnBuilder::target(pass),
                    });
                    self.bind(other);
                    let saved = self.save_scope();
                    self.test(rhs, negate, fail)?;
                    self.restore_scope(saved);
                    self.bind(pass);
                }
                Ok(())
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let op = crate::expr::cmp_op(*op).expect("a comparison_tree leaf");
                // Term order is total, so `not (a < b)` is `a >= b`.
                let op = if negate { op.negate() } else { op };
                let target = FnBuilder::target(fail);
                if let Some(imm) = self.small_int(rhs) {
                    let a = self.value(lhs)?;
                    self.emit(Instr::JumpUnlessCompareImm { op, a, imm, target });
                } else if let Some(imm) = self.small_int(lhs) {
                    let a = self.value(rhs)?;
                    let op = mirror(op);
                    self.emit(Instr::JumpUnlessCompareImm { op, a, imm, target });
                } else {
                    let (a, b) = (self.value(lhs)?, self.value(rhs)?);
                    self.emit(Instr::JumpUnlessCompare { op, a, b, target });
                }
                Ok(())
            }
            _ => unreachable!("not a comparison_tree"),
        }
    }
}

/// Whether `e` is a comparison, or `and`/`or`/`not` over such trees: an
/// expression that always gives a boolean and compiles to jumps.
fn comparison_tree(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => comparison_tree(operand),
        ExprKind::Binary {
            op: BinOp::And | BinOp::Or,
            lhs,
            rhs,
        } => comparison_tree(lhs) && comparison_tree(rhs),
        ExprKind::Binary { op, .. } => crate::expr::cmp_op(*op).is_some(),
        _ => false,
    }
}

/// The comparison with its operands swapped: `a op b` is `b (mirror op) a`.
fn mirror(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Le,
        symmetric => symmetric,
    }
}

/// Whether `op` is one of the comparison operators.
fn is_comparison(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq
            | BinOp::NotEq
            | BinOp::StrictEq
            | BinOp::StrictNotEq
            | BinOp::Lt
            | BinOp::Gt
            | BinOp::Le
            | BinOp::Ge
    )
}

/// Whether `e` always gives a boolean: a comparison, a type test, or
/// `and`/`or` of such.
fn always_boolean(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Atom(a) => a == "true" || a == "false",
        ExprKind::Binary {
            op: BinOp::And | BinOp::Or,
            lhs,
            rhs,
        } => always_boolean(lhs) && always_boolean(rhs),
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => always_boolean(operand),
        ExprKind::Binary { op, .. } => is_comparison(op),
        ExprKind::Call {
            callee: Callee::Local(name),
            ..
        } => name.starts_with("is_"),
        _ => false,
    }
}

/// Whether a guard is built only of operations that never raise (type
/// tests, comparisons, boolean operators on those, variables, constants),
/// so it needs no exception handler.
fn guard_cannot_raise(g: &Expr) -> bool {
    match &g.kind {
        ExprKind::Var(_)
        | ExprKind::Integer(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Str(_) => true,
        // `and`/`or` raise on a left side that is not a boolean.
        ExprKind::Binary {
            op: BinOp::And | BinOp::Or,
            lhs,
            rhs,
        } => always_boolean(lhs) && guard_cannot_raise(lhs) && guard_cannot_raise(rhs),
        ExprKind::Binary { op, lhs, rhs } => {
            is_comparison(op) && guard_cannot_raise(lhs) && guard_cannot_raise(rhs)
        }
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => matches!(operand.kind, ExprKind::Integer(_) | ExprKind::Float(_)),
        // `not` raises on anything but a boolean.
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => always_boolean(operand) && guard_cannot_raise(operand),
        ExprKind::Call {
            callee: Callee::Local(name),
            args,
            ..
        } => {
            (name.starts_with("is_") && name != "is_map_key" && args.iter().all(guard_cannot_raise))
                || (name == "self" && args.is_empty())
        }
        _ => false,
    }
}

/// Whether a constant contains a map (whose pattern is not an equality).
fn contains_map(t: &Term) -> bool {
    match t {
        Term::Map(_) => true,
        Term::Tuple(items) => items.0.iter().any(contains_map),
        Term::Cons(_) => {
            let mut items = t.iter_list();
            for item in items.by_ref() {
                if contains_map(item) {
                    return true;
                }
            }
            contains_map(items.tail())
        }
        _ => false,
    }
}

/// Elixir's error for a `++` pattern whose left side is not a literal list.
fn interpolated_prefix(lhs: &Expr) -> Diagnostic {
    Diagnostic::new(
        "invalid argument for ++ operator inside a match, expected a literal proper list",
        lhs.span,
    )
}
