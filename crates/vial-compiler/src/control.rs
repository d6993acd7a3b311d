//! Control flow: `case`, `cond`, `if`/`unless`, `receive`, `with`, `try`.
//! (`for` is rewritten into Enum calls by [`crate::desugar`].)

use crate::desugar::remote;
use crate::func::{CResult, Dest, FnBuilder};
use crate::module::keyword;
use vial_syntax::ast::{BinOp, Clause, Expr, ExprKind};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{FailKind, Instr, Mfa, Reg, HANDLER_REGS};
use vial_vm::{Atom, Term};

impl FnBuilder<'_> {
    /// Compiles `name(args)` when it is a special form and says whether it
    /// was one.
    pub fn special_form(
        &mut self,
        name: &str,
        args: &[Expr],
        dest: Dest,
        e: &Expr,
    ) -> CResult<bool> {
        self.set_span(e.span);
        if let Some(call) = crate::desugar::nested_update(name, args, e.span) {
            self.expr(&call, dest)?;
            return Ok(true);
        }
        match (name, args) {
            ("case", [subject, opts]) => {
                let clauses = section_clauses(opts, "do", e)?;
                let r = self.value(subject)?;
                self.clauses(r, &clauses, dest, e, FailKind::CaseClause)?;
            }
            ("cond", [opts]) => self.cond(&section_clauses(opts, "do", e)?, dest, e)?,
            ("if" | "unless", [cond, opts]) => {
                let then = keyword(opts, "do")
                    .ok_or_else(|| Diagnostic::new(format!("{name} needs a do"), e.span))?;
                let otherwise = keyword(opts, "else");
                let (yes, no) = if name == "if" {
                    (Some(then), otherwise)
                } else {
                    (otherwise, Some(then))
                };
                self.if_(cond, yes, no, dest, e)?;
            }
            ("receive", [opts]) => self.receive(opts, dest, e)?,
            ("with", [.., _]) => self.with(args, dest, e)?,
            ("for", [.., _]) => {
                let rewritten = crate::desugar::for_comprehension(args, e)?;
                self.expr(&rewritten, dest)?;
            }
            ("try", [opts]) => self.try_(opts, dest, e)?,
            ("raise", [_] | [_, _]) => {
                let exception = remote("Exception", "__raise__", args.to_vec(), e.span);
                let call = remote("erlang", "error", vec![exception], e.span);
                self.expr(&call, dest)?;
            }
            ("reraise", [_, _] | [_, _, _]) => {
                let (value, trace) = args.split_at(args.len() - 1);
                let exception = remote("Exception", "__raise__", value.to_vec(), e.span);
                let class = Expr::new(ExprKind::Atom("error".into()), e.span);
                let call = remote(
                    "erlang",
                    "raise",
                    vec![class, exception, trace[0].clone()],
                    e.span,
                );
                self.expr(&call, dest)?;
            }
            ("destructure", [pattern, value]) => {
                // `destructure([a, b], v)`: `[a, b] = Kernel.__destructure__(v, 2)`,
                // the list cut or padded with nil to the pattern's length.
                let ExprKind::List { items, tail: None } = &pattern.kind else {
                    return Err(Diagnostic::new(
                        "destructure/2 expects a list as its first argument",
                        e.span,
                    ));
                };
                let n = Expr::new(ExprKind::Integer(items.len().into()), e.span);
                let padded = remote("Kernel", "__destructure__", vec![value.clone(), n], e.span);
                let binding = Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Match,
                        lhs: Box::new(pattern.clone()),
                        rhs: Box::new(padded),
                    },
                    e.span,
                );
                self.expr(&binding, dest)?;
            }
            ("match?", [pattern, value]) => {
                // `match?(p, v)`: `case v do p -> true; _ -> false end`.
                let clause = |p: Expr, b: &str| Clause {
                    params: vec![p],
                    guard: None,
                    body: Expr::new(ExprKind::Atom(b.into()), e.span),
                    span: e.span,
                };
                let (p, guard) = match &pattern.kind {
                    ExprKind::Binary {
                        op: BinOp::When,
                        lhs,
                        rhs,
                    } => ((**lhs).clone(), Some((**rhs).clone())),
                    _ => (pattern.clone(), None),
                };
                let mut hit = clause(p, "true");
                hit.guard = guard;
                let miss = clause(Expr::new(ExprKind::Var("_".into()), e.span), "false");
                let r = self.value(value)?;
                self.clauses(r, &[hit, miss], dest, e, FailKind::CaseClause)?;
            }
            ("apply", [_, _] | [_, _, _]) => {
                let start = self.args(args)?;
                let argc = args.len() as u8;
                self.set_span(e.span);
                if dest == Dest::Tail && self.in_try == 0 {
                    self.emit(Instr::TailApply { args: start, argc });
                } else {
                    let r = self.dest_reg(dest, e)?;
                    self.emit(Instr::Apply {
                        args: start,
                        argc,
                        dst: r,
                    });
                    self.finish(r, dest)?;
                }
            }
            ("alias", [target, rest @ ..]) => {
                let module = self.m.alias(target, rest)?;
                let r = self.dest_reg(dest, e)?;
                self.load_const(Term::Atom(module), r);
                self.finish(r, dest)?;
            }
            ("import", [target, rest @ ..]) if rest.len() <= 1 => {
                let module = self.m.import_module(target, rest)?;
                let r = self.dest_reg(dest, e)?;
                self.load_const(Term::Atom(module), r);
                self.finish(r, dest)?;
            }
            ("require", _) => {
                let r = self.dest_reg(dest, e)?;
                self.load_const(Term::NIL, r);
                self.finish(r, dest)?;
            }
            (
                "def" | "defp" | "defmodule" | "defstruct" | "import" | "use" | "defmacro"
                | "quote" | "unquote",
                _,
            ) => {
                return Err(Diagnostic::new(
                    format!("`{name}` is not supported here yet"),
                    e.span,
                ));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Matches `r` against `clauses` (one parameter each); no match raises
    /// the error `kind` about `r`.
    pub fn clauses(
        &mut self,
        r: Reg,
        clauses: &[Clause],
        dest: Dest,
        e: &Expr,
        kind: FailKind,
    ) -> CResult<()> {
        let out = self.join_reg(dest, e)?;
        let end = self.new_label();
        let outer = self.save_scope();
        for c in clauses {
            self.restore_scope(outer.clone());
            let next = self.new_label();
            let [p] = c.params.as_slice() else {
                return Err(Diagnostic::new("expected one pattern before ->", c.span));
            };
            self.pattern(p, r, next, &mut Vec::new())?;
            if let Some(g) = &c.guard {
                self.guard(g, next)?;
            }
            self.branch(&c.body, dest, out, end)?;
            self.bind(next);
        }
        self.restore_scope(outer);
        self.set_span(e.span);
        self.emit(Instr::Fail { kind, src: r });
        self.bind(end);
        self.end_join(out, dest)
    }

    /// The register where branches join (`None` in tail position).
    fn join_reg(&mut self, dest: Dest, e: &Expr) -> CResult<Option<Reg>> {
        match dest {
            Dest::Reg(r) => Ok(Some(r)),
            Dest::Tail if self.in_try == 0 => Ok(None),
            Dest::Tail => Ok(Some(self.alloc(e.span)?)),
        }
    }

    /// Compiles one branch body into the join register, then jumps to `end`.
    fn branch(
        &mut self,
        body: &Expr,
        dest: Dest,
        out: Option<Reg>,
        end: crate::func::LabelId,
    ) -> CResult<()> {
        match out {
            Some(r) => {
                self.expr(body, Dest::Reg(r))?;
                self.emit(Instr::Jump {
                    target: FnBuilder::target(end),
                });
            }
            None => self.expr(body, dest)?,
        }
        Ok(())
    }

    fn end_join(&mut self, out: Option<Reg>, dest: Dest) -> CResult<()> {
        match (out, dest) {
            (Some(r), Dest::Tail) => self.finish(r, dest),
            _ => Ok(()),
        }
    }

    fn cond(&mut self, clauses: &[Clause], dest: Dest, e: &Expr) -> CResult<()> {
        let out = self.join_reg(dest, e)?;
        let end = self.new_label();
        let outer = self.save_scope();
        for c in clauses {
            self.restore_scope(outer.clone());
            let next = self.new_label();
            let [test] = c.params.as_slice() else {
                return Err(Diagnostic::new("expected one condition before ->", c.span));
            };
            if !self.jump_unless_comparison(test, next)? {
                let t = self.value(test)?;
                self.emit(Instr::JumpIfFalsy {
                    src: t,
                    target: FnBuilder::target(next),
                });
            }
            self.branch(&c.body, dest, out, end)?;
            self.bind(next);
        }
        self.restore_scope(outer);
        let r = self.alloc(e.span)?;
        self.set_span(e.span);
        // CondClauseError carries no value, but every register read must
        // have been written (see `code::Function::check_writes_before_reads`).
        self.emit(Instr::Int { value: 0, dst: r });
        self.emit(Instr::Fail {
            kind: FailKind::CondClause,
            src: r,
        });
        self.bind(end);
        self.end_join(out, dest)
    }

    fn if_(
        &mut self,
        cond: &Expr,
        yes: Option<&Expr>,
        no: Option<&Expr>,
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let out = self.join_reg(dest, e)?;
        let end = self.new_label();
        let other = self.new_label();
        if !self.jump_unless_comparison(cond, other)? {
            let t = self.value(cond)?;
            self.emit(Instr::JumpIfFalsy {
                src: t,
                target: FnBuilder::target(other),
            });
        }
        let nil = Expr::new(ExprKind::Atom("nil".into()), e.span);
        let outer = self.save_scope();
        self.branch(yes.unwrap_or(&nil), dest, out, end)?;
        self.restore_scope(outer.clone());
        self.bind(other);
        self.branch(no.unwrap_or(&nil), dest, out, end)?;
        self.restore_scope(outer);
        self.bind(end);
        self.end_join(out, dest)
    }

    /// `receive do clauses after t -> body end`: scans the mailbox from the
    /// save position; see the receive instructions in `vial_vm::bytecode`.
    fn receive(&mut self, opts: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        let clauses = match keyword(opts, "do") {
            Some(Expr {
                kind: ExprKind::Clauses(cs),
                ..
            }) => cs.clone(),
            Some(Expr {
                kind: ExprKind::Block(items),
                ..
            }) if items.is_empty() => Vec::new(),
            None => Vec::new(),
            Some(other) => {
                return Err(Diagnostic::new(
                    "expected -> clauses in receive",
                    other.span,
                ))
            }
        };
        let after = match keyword(opts, "after") {
            Some(Expr {
                kind: ExprKind::Clauses(cs),
                ..
            }) if cs.len() == 1 && cs[0].params.len() == 1 => Some(&cs[0]),
            Some(other) => {
                return Err(Diagnostic::new(
                    "expected a single `timeout -> body` clause in after",
                    other.span,
                ))
            }
            None => None,
        };
        let out = self.join_reg(dest, e)?;
        let timeout = match after {
            Some(c) => Some(self.value(&c.params[0])?),
            None => None,
        };
        let msg = self.alloc(e.span)?;
        let (peek, wait, after_l, end) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        self.bind(peek);
        self.emit(Instr::RecvPeek {
            dst: msg,
            wait: FnBuilder::target(wait),
        });
        let outer = self.save_scope();
        for c in &clauses {
            self.restore_scope(outer.clone());
            let next = self.new_label();
            let [p] = c.params.as_slice() else {
                return Err(Diagnostic::new("expected one pattern before ->", c.span));
            };
            self.pattern(p, msg, next, &mut Vec::new())?;
            if let Some(g) = &c.guard {
                self.guard(g, next)?;
            }
            self.emit(Instr::RecvAccept);
            self.branch(&c.body, dest, out, end)?;
            self.bind(next);
        }
        self.restore_scope(outer.clone());
        self.emit(Instr::RecvNext {
            peek: FnBuilder::target(peek),
        });
        self.bind(wait);
        self.set_span(e.span);
        self.emit(Instr::RecvWait {
            peek: FnBuilder::target(peek),
            timeout,
            after: FnBuilder::target(after_l),
        });
        self.bind(after_l);
        if let Some(c) = after {
            self.branch(&c.body, dest, out, end)?;
        } else {
            // Unreachable: a wait without timeout never resumes here.
            let r = self.alloc(e.span)?;
            self.load_const(Term::NIL, r);
            self.emit(Instr::Jump {
                target: FnBuilder::target(peek),
            });
        }
        self.restore_scope(outer);
        self.bind(end);
        self.end_join(out, dest)
    }

    /// `with p <- e, ..., do: body, else: clauses`.
    fn with(&mut self, args: &[Expr], dest: Dest, e: &Expr) -> CResult<()> {
        let (opts, steps) = args.split_last().expect("with has options");
        let body = keyword(opts, "do").ok_or_else(|| Diagnostic::new("with needs a do", e.span))?;
        let else_clauses = match keyword(opts, "else") {
            Some(Expr {
                kind: ExprKind::Clauses(cs),
                ..
            }) => Some(cs.clone()),
            Some(other) => return Err(Diagnostic::new("expected -> clauses in else", other.span)),
            None => None,
        };
        let out = self.join_reg(dest, e)?;
        let end = self.new_label();
        let failed = self.new_label();
        let other = self.alloc(e.span)?;
        let outer = self.save_scope();
        for step in steps {
            match &step.kind {
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
                        } => (&**p, Some(&**g)),
                        _ => (&**lhs, None),
                    };
                    self.expr(rhs, Dest::Reg(other))?;
                    self.pattern(pat, other, failed, &mut Vec::new())?;
                    if let Some(g) = guard {
                        self.guard(g, failed)?;
                    }
                }
                _ => {
                    let r = self.alloc(step.span)?;
                    self.expr(step, Dest::Reg(r))?;
                }
            }
        }
        self.branch(body, dest, out, end)?;
        self.restore_scope(outer);
        self.bind(failed);
        let inner = match out {
            Some(r) => Dest::Reg(r),
            None => Dest::Tail,
        };
        match else_clauses {
            Some(cs) => self.clauses(other, &cs, inner, e, FailKind::WithClause)?,
            None => self.finish(other, inner)?,
        }
        self.bind(end);
        self.end_join(out, dest)
    }

    /// `try do ... rescue ... catch ... else ... after ... end`.
    fn try_(&mut self, opts: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        let body = keyword(opts, "do").ok_or_else(|| Diagnostic::new("try needs a do", e.span))?;
        let sections = |key| match keyword(opts, key) {
            Some(Expr {
                kind: ExprKind::Clauses(cs),
                ..
            }) => Ok(cs.clone()),
            Some(other) => Err(Diagnostic::new(
                format!("expected -> clauses in {key}"),
                other.span,
            )),
            None => Ok(Vec::new()),
        };
        let (rescue, catch, else_) = (sections("rescue")?, sections("catch")?, sections("else")?);
        let after = keyword(opts, "after");
        let res = self.alloc(e.span)?;
        let exc = self.alloc_n(HANDLER_REGS, e.span)?;
        let (handler, done) = (self.new_label(), self.new_label());
        // With `after`, a second handler covers the `else`, `rescue` and
        // `catch` code, so that the `after` code also runs when they raise
        // (and the exception goes on after it).
        let cleanup = self.new_label();
        let guard_clauses = |this: &mut Self| {
            if after.is_some() {
                this.emit(Instr::TryBegin {
                    handler: FnBuilder::target(cleanup),
                    dst: exc,
                });
            }
        };
        self.emit(Instr::TryBegin {
            handler: FnBuilder::target(handler),
            dst: exc,
        });
        self.in_try += 1;
        let outer = self.save_scope();
        self.expr(body, Dest::Reg(res))?;
        self.in_try -= 1;
        self.emit(Instr::TryEnd);
        guard_clauses(self);
        if !else_.is_empty() {
            self.in_try += 1;
            self.clauses(res, &else_, Dest::Reg(res), e, FailKind::TryClause)?;
            self.in_try -= 1;
        }
        self.emit(Instr::Jump {
            target: FnBuilder::target(done),
        });
        self.restore_scope(outer.clone());
        self.bind(handler);
        guard_clauses(self);
        self.in_try += 1;
        for c in &rescue {
            self.restore_scope(outer.clone());
            let next = self.new_label();
            self.rescue_clause(c, exc, next)?;
            self.expr(&c.body, Dest::Reg(res))?;
            self.emit(Instr::Jump {
                target: FnBuilder::target(done),
            });
            self.bind(next);
        }
        for c in &catch {
            self.restore_scope(outer.clone());
            let next = self.new_label();
            let mut bound = Vec::new();
            match c.params.as_slice() {
                [value] => {
                    self.test_const(exc, Term::Atom(Atom::THROW), next, c.span)?;
                    self.pattern(value, exc + 1, next, &mut bound)?;
                }
                [kind, value] => {
                    self.pattern(kind, exc, next, &mut bound)?;
                    self.pattern(value, exc + 1, next, &mut bound)?;
                }
                _ => {
                    return Err(Diagnostic::new(
                        "expected `kind, value ->` in catch",
                        c.span,
                    ))
                }
            }
            if let Some(g) = &c.guard {
                self.guard(g, next)?;
            }
            self.alias_var("__STACKTRACE__", exc + 2);
            self.expr(&c.body, Dest::Reg(res))?;
            self.emit(Instr::Jump {
                target: FnBuilder::target(done),
            });
            self.bind(next);
        }
        self.in_try -= 1;
        self.restore_scope(outer.clone());
        let Some(a) = after else {
            self.emit(Instr::Reraise { start: exc });
            self.bind(done);
            return self.finish(res, dest);
        };
        // No clause matched: the second handler takes the exception to the
        // `after` code, as it does one raised by a clause.
        self.emit(Instr::Reraise { start: exc });
        self.bind(cleanup);
        // Both ways out run the same `after` code (compiled once: nested
        // `try`s would double it at each level); `raise` says whether the
        // exception in `exc` is re-raised after it.
        let raise = self.alloc(a.span)?;
        let run_after = self.new_label();
        self.load_const(Term::TRUE, raise);
        // Likewise the result, read after the `after` code on both paths.
        self.load_const(Term::NIL, res);
        self.emit(Instr::Jump {
            target: FnBuilder::target(run_after),
        });
        self.bind(done);
        // The `else` code or a clause finished: the second handler goes.
        self.emit(Instr::TryEnd);
        self.load_const(Term::FALSE, raise);
        // The re-raise below reads the exception registers on both paths
        // as far as the loader's check can tell (it does not see that
        // `raise` is false here, see `code::Function::
        // check_writes_before_reads`): give them a value.
        for k in 0..HANDLER_REGS {
            self.load_const(Term::NIL, exc + k);
        }
        self.bind(run_after);
        let r = self.alloc(a.span)?;
        self.expr(a, Dest::Reg(r))?;
        let finished = self.new_label();
        self.emit(Instr::JumpIfFalsy {
            src: raise,
            target: FnBuilder::target(finished),
        });
        self.emit(Instr::Reraise { start: exc });
        self.bind(finished);
        self.restore_scope(outer);
        self.finish(res, dest)
    }

    /// Jumps to `matched` when `raw`, an error's reason as `catch` sees it,
    /// is not an exception (`:badarg`, `{:badkey, k}`, any term given to
    /// `:erlang.error/1`): Elixir's `rescue ErlangError` takes every such
    /// error, whatever exception it normalises to (Kernel.SpecialForms,
    /// `try/1`, "Erlang errors"). Uses register `scratch`.
    fn raw_error_test(&mut self, raw: Reg, scratch: Reg, matched: crate::func::LabelId) {
        let to_matched = FnBuilder::target(matched);
        self.emit(Instr::IsMap {
            src: raw,
            fail: to_matched,
        });
        self.load_const(Term::Atom(Atom::intern("__exception__")), scratch);
        self.emit(Instr::GetMapValue {
            map: raw,
            key: scratch,
            dst: scratch,
            fail: to_matched,
        });
        // `true` is an atom: no register needed.
        self.emit(Instr::IsEqAtom {
            a: scratch,
            atom: Atom::TRUE,
            fail: to_matched,
        });
    }

    /// One `rescue` clause: `e in [A, B]`, `e in A`, `A`, `e` or `_`.
    fn rescue_clause(&mut self, c: &Clause, exc: Reg, next: crate::func::LabelId) -> CResult<()> {
        let [p] = c.params.as_slice() else {
            return Err(Diagnostic::new("expected one pattern in rescue", c.span));
        };
        let fail = FnBuilder::target(next);
        let t = self.alloc(c.span)?;
        self.load_const(Term::Atom(Atom::ERROR), t);
        self.emit(Instr::IsEq { a: exc, b: t, fail });
        // Erlang error terms (`:badarg`, ...) become exception structs.
        let norm = self.alloc(c.span)?;
        let normalize = self.m.import(Mfa::new(
            Atom::intern("Elixir.Exception"),
            Atom::intern("__normalize__"),
            2,
        ));
        // The reason and the stack trace (`:undef` and `:function_clause`
        // name the function at its top).
        let args = self.alloc_n(2, c.span)?;
        self.emit(Instr::Move {
            src: exc + 3,
            dst: args,
        });
        self.emit(Instr::Move {
            src: exc + 2,
            dst: args + 1,
        });
        self.emit(Instr::CallRemote {
            import: normalize,
            args,
            argc: 2,
            dst: norm,
        });
        let (var, modules): (Option<&str>, Vec<&Expr>) = match &p.kind {
            ExprKind::Binary {
                op: BinOp::In,
                lhs,
                rhs,
            } => {
                let var = match &lhs.kind {
                    ExprKind::Var(v) => Some(v.as_str()),
                    _ => return Err(Diagnostic::new("expected a variable before `in`", lhs.span)),
                };
                let mods = match &rhs.kind {
                    ExprKind::List { items, .. } => items.iter().collect(),
                    _ => vec![&**rhs],
                };
                (var, mods)
            }
            ExprKind::Var(v) => (Some(v.as_str()), Vec::new()),
            ExprKind::Alias(_) => (None, vec![p]),
            _ => return Err(Diagnostic::new("invalid rescue clause", p.span)),
        };
        if !modules.is_empty() {
            let key = self.alloc_n(3, c.span)?;
            self.load_const(Term::Atom(Atom::STRUCT), key);
            self.emit(Instr::IsMap { src: norm, fail });
            self.emit(Instr::GetMapValue {
                map: norm,
                key,
                dst: key + 1,
                fail,
            });
            let matched = self.new_label();
            for m in &modules {
                let skip = self.new_label();
                let atom = self
                    .module_atom(m)
                    .ok_or_else(|| Diagnostic::new("expected an exception module", m.span))?;
                if atom == Atom::intern("Elixir.ErlangError") {
                    self.raw_error_test(exc + 1, key + 2, matched);
                }
                self.test_const(key + 1, Term::Atom(atom), skip, m.span)?;
                self.emit(Instr::Jump {
                    target: FnBuilder::target(matched),
                });
                self.bind(skip);
            }
            self.emit(Instr::Jump { target: fail });
            self.bind(matched);
        }
        if let Some(v) = var {
            if v != "_" {
                let r = self.bind_var(v, p.span)?;
                self.emit(Instr::Move { src: norm, dst: r });
            }
        }
        self.alias_var("__STACKTRACE__", exc + 2);
        Ok(())
    }
}

/// The `->` clauses of section `key` of a do-block.
fn section_clauses(opts: &Expr, key: &str, e: &Expr) -> CResult<Vec<Clause>> {
    match keyword(opts, key) {
        Some(Expr {
            kind: ExprKind::Clauses(cs),
            ..
        }) => Ok(cs.clone()),
        _ => Err(Diagnostic::new(
            format!("expected -> clauses in the {key} block"),
            e.span,
        )),
    }
}
