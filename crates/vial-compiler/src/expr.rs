//! Expression compilation: values, operators, calls, data construction.

use crate::consts::const_term;
use crate::func::{arity_of, CResult, Dest, FnBuilder};
use vial_syntax::ast::{BinOp, Callee, Expr, ExprKind, StrPart, UnaryOp};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{ArithOp, CmpOp, FailKind, Instr, Mfa, Reg};
use vial_vm::term::Map;
use vial_vm::{bif, code, Atom, Term};

/// Where a named call goes, decided at compile time.
enum CallTarget {
    Local(u32),
    Bif(u16),
    Remote(Mfa),
}

impl FnBuilder<'_> {
    /// Compiles `e` so its value ends up in `dest`. Temporaries it uses are
    /// free again afterwards (variables it binds stay).
    pub fn expr(&mut self, e: &Expr, dest: Dest) -> CResult<()> {
        self.enter(e.span)?;
        let mark = self.mark();
        let done = self.expr_inner(e, dest);
        self.release(mark);
        self.depth -= 1;
        done
    }

    fn expr_inner(&mut self, e: &Expr, dest: Dest) -> CResult<()> {
        if let Some(t) = const_term(e, self.m) {
            let r = self.dest_reg(dest, e)?;
            self.load_const(t, r);
            return self.finish(r, dest);
        }
        match &e.kind {
            ExprKind::Var(name) => {
                let r = self.var(name, e)?;
                self.finish(r, dest)
            }
            ExprKind::CaptureArg(n) => {
                // Inside an `fn` within a capture: the captured argument.
                if self.capture_args.is_none() {
                    if let Some(&r) = self.vars.get(&format!("&{n}")) {
                        return self.finish(r, dest);
                    }
                }
                let base = self.capture_args.ok_or_else(|| {
                    Diagnostic::new(format!("&{n} cannot be used outside of a capture"), e.span)
                })?;
                if !(1..=255).contains(n) {
                    let message =
                        format!("capture argument &{n} must be numbered between 1 and 255");
                    return Err(Diagnostic::new(message, e.span));
                }
                self.finish(base + *n as u16 - 1, dest)
            }
            ExprKind::Block(items) => self.block(items, dest, e),
            ExprKind::Tuple(items) => {
                let start = self.args(items)?;
                let r = self.dest_reg(dest, e)?;
                self.emit(Instr::MakeTuple {
                    start,
                    n: items.len() as u16,
                    dst: r,
                });
                self.finish(r, dest)
            }
            ExprKind::List { items, tail } => {
                let start = self.args(items)?;
                let t = self.alloc(e.span)?;
                match tail {
                    Some(tl) => self.expr(tl, Dest::Reg(t))?,
                    None => self.load_const(Term::EmptyList, t),
                }
                let r = self.dest_reg(dest, e)?;
                self.emit(Instr::MakeList {
                    start,
                    n: items.len() as u16,
                    tail: t,
                    dst: r,
                });
                self.finish(r, dest)
            }
            ExprKind::Map { update, entries } => self.map(update.as_deref(), entries, dest, e),
            ExprKind::Struct {
                name,
                update,
                entries,
            } => self.struct_(name, update.as_deref(), entries, dest, e),
            // `Interpolate` makes text; literal bytes that are not UTF-8
            // (`"\xFF#{x}"`) are joined as an iolist instead.
            ExprKind::Str(parts) if parts.iter().any(|p| matches!(p, StrPart::Bytes(_))) => {
                let items = parts
                    .iter()
                    .map(|p| match p {
                        StrPart::Interp(x) => {
                            crate::desugar::remote("Kernel", "to_string", vec![x.clone()], x.span)
                        }
                        lit => Expr::new(ExprKind::Str(vec![lit.clone()]), e.span),
                    })
                    .collect();
                let list = Expr::new(ExprKind::List { items, tail: None }, e.span);
                let call = crate::desugar::remote("erlang", "iolist_to_binary", vec![list], e.span);
                self.expr(&call, dest)
            }
            ExprKind::Str(parts) => {
                let start = self.alloc_len(parts.len(), e.span)?;
                for (i, p) in parts.iter().enumerate() {
                    let r = start + i as u16;
                    match p {
                        StrPart::Lit(s) => self.load_const(Term::string(s), r),
                        StrPart::Bytes(b) => self.load_const(Term::binary(b.clone()), r),
                        StrPart::Interp(x) => self.expr(x, Dest::Reg(r))?,
                    }
                }
                let r = self.dest_reg(dest, e)?;
                self.set_span(e.span);
                self.emit(Instr::Interpolate {
                    start,
                    n: parts.len() as u16,
                    dst: r,
                });
                self.finish(r, dest)
            }
            ExprKind::Unary { op, operand } => {
                let name = match op {
                    UnaryOp::Neg => ("Elixir.Kernel", "-"),
                    UnaryOp::Pos => ("Elixir.Kernel", "+"),
                    UnaryOp::Not => ("Elixir.Kernel", "not"),
                    UnaryOp::Bang => ("vial_runtime", "bang"),
                };
                self.bif_call(name, std::slice::from_ref(&**operand), dest, e)
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, dest, e),
            ExprKind::Call { callee, args, .. } => self.call(callee, args, dest, e),
            ExprKind::Dot { expr, name } if matches!(&expr.kind, ExprKind::Var(v) if v == "__ENV__") =>
            {
                let field = self.env_field(name, e)?;
                let r = self.dest_reg(dest, e)?;
                self.load_const(field, r);
                self.finish(r, dest)
            }
            ExprKind::Dot { expr, name } => {
                let start = self.alloc_n(2, e.span)?;
                self.expr(expr, Dest::Reg(start))?;
                self.load_const(Term::atom(name), start + 1);
                self.bif_at(("vial_runtime", "dot"), start, 2, dest, e)
            }
            ExprKind::Access { expr, key } => {
                let pair = [(**expr).clone(), (**key).clone()];
                self.bif_call(("vial_runtime", "access"), &pair, dest, e)
            }
            ExprKind::Apply { fun, args } => {
                let f = self.value(fun)?;
                let start = self.args(args)?;
                self.set_span(e.span);
                let argc = arity_of(args.len(), e.span)?;
                if dest == Dest::Tail && self.in_try == 0 {
                    self.emit(Instr::TailCallFun {
                        fun: f,
                        args: start,
                        argc,
                    });
                    Ok(())
                } else {
                    let start = self.call_window(start, args.len(), e.span)?;
                    let r = self.dest_reg(dest, e)?;
                    self.emit(Instr::CallFun {
                        fun: f,
                        args: start,
                        argc,
                        dst: r,
                    });
                    self.finish(r, dest)
                }
            }
            ExprKind::Fn(clauses) => self.lambda(clauses, dest, e),
            ExprKind::Capture(inner) => self.capture(inner, dest, e),
            // Reads inside a module body were substituted by their values.
            ExprKind::Attribute { name, .. } => Err(Diagnostic::new(
                format!("cannot invoke @{name} outside module"),
                e.span,
            )),
            ExprKind::Pin(_) => Err(Diagnostic::new("cannot use ^ outside of a pattern", e.span)),
            // `'a #{b}'` (a constant charlist was folded above): the
            // interpolated string's code points.
            ExprKind::Charlist(parts) => {
                let text = Expr::new(ExprKind::Str(parts.clone()), e.span);
                let call = crate::desugar::remote("String", "to_charlist", vec![text], e.span);
                self.expr(&call, dest)
            }
            _ => Err(unsupported("this expression", e)),
        }
    }

    /// Compiles `e` into a register and returns it (a variable's own
    /// register when `e` is a variable).
    /// `__ENV__.field`, for the fields of `Macro.Env` a program reads at
    /// run time: `module`, `function` (`{name, arity}` of the enclosing
    /// `def`, also inside a fn; `nil` at the top level), `line` and `file`
    /// (absolute, as Elixir gives it).
    fn env_field(&mut self, field: &str, e: &Expr) -> CResult<Term> {
        Ok(match field {
            "module" => match &self.m.elixir_name {
                Some(name) => Term::atom(&format!("Elixir.{name}")),
                None => Term::NIL,
            },
            "function" => match self.top_function().rsplit_once('/') {
                Some(("__FILE__", _)) | None => Term::NIL,
                Some((name, arity)) => {
                    Term::tuple([Term::atom(name), Term::Int(arity.parse().unwrap_or(0))])
                }
            },
            "line" => {
                self.set_span(e.span);
                Term::Int(self.line as i64)
            }
            "file" => {
                let file = std::path::Path::new(&*self.m.source.file);
                let absolute = std::env::current_dir()
                    .map(|d| d.join(file))
                    .unwrap_or_default();
                Term::string(&absolute.to_string_lossy())
            }
            _ => {
                return Err(Diagnostic::new(
                    format!(
                        "__ENV__.{field} is not supported (module, function, line and file are)"
                    ),
                    e.span,
                ))
            }
        })
    }

    pub fn value(&mut self, e: &Expr) -> CResult<Reg> {
        if let ExprKind::Var(name) = &e.kind {
            if const_term(e, self.m).is_none() {
                return self.var(name, e);
            }
        }
        let r = self.alloc(e.span)?;
        self.expr(e, Dest::Reg(r))?;
        Ok(r)
    }

    fn var(&mut self, name: &str, e: &Expr) -> CResult<Reg> {
        if name == "__STACKTRACE__" || !name.starts_with('_') || self.vars.contains_key(name) {
            if let Some(&r) = self.vars.get(name) {
                return Ok(r);
            }
        }
        // A bare name that is not a variable is a zero-arity call.
        if self.m.locals.contains_key(&(name.to_string(), 0))
            || self.m.imported_module(name, 0).is_some()
            || (!self.m.kernel_hidden(name, 0) && kernel_target(name, 0).is_some())
        {
            let r = self.alloc(e.span)?;
            self.call(&Callee::Local(name.to_string()), &[], Dest::Reg(r), e)?;
            return Ok(r);
        }
        Err(Diagnostic::new(
            format!("undefined function {name}/0 (there is no such import)"),
            e.span,
        ))
    }

    /// The register to compute into for `dest` (a fresh one for a tail).
    pub fn dest_reg(&mut self, dest: Dest, e: &Expr) -> CResult<Reg> {
        match dest {
            Dest::Reg(r) => Ok(r),
            Dest::Tail => self.alloc(e.span),
        }
    }

    /// Delivers a value computed in `r` to `dest`.
    pub fn finish(&mut self, r: Reg, dest: Dest) -> CResult<()> {
        match dest {
            Dest::Reg(d) if d != r => self.emit(Instr::Move { src: r, dst: d }),
            Dest::Reg(_) => {}
            Dest::Tail => self.emit(Instr::Return { src: r }),
        }
        Ok(())
    }

    /// Evaluates `items` into consecutive fresh registers; returns the first.
    pub fn args(&mut self, items: &[Expr]) -> CResult<Reg> {
        self.args_except(items, 0)
    }

    /// As [`FnBuilder::args`], but leaves unwritten the registers of the
    /// arguments that `keep` keeps ([`vial_vm::bytecode::kept`]).
    fn args_except(&mut self, items: &[Expr], keep: u8) -> CResult<Reg> {
        let span = items.first().map(|i| i.span).unwrap_or_default();
        let start = self.alloc_len(items.len(), span)?;
        for (i, item) in items.iter().enumerate() {
            if !vial_vm::bytecode::kept(keep, i as Reg) {
                self.expr(item, Dest::Reg(start + i as u16))?;
            }
        }
        Ok(start)
    }

    /// For a self tail call with `args`: the mask of the first 8 arguments
    /// that are the parameter in their own position, passed on unchanged
    /// (`loop(i + 1, n)` in `loop(i, n)` keeps `n`). A parameter's
    /// register is never written after entry (temporaries and later
    /// variables are allocated above the parameters), so it still holds
    /// the value when the call is made.
    fn kept_params(&self, args: &[Expr]) -> u8 {
        let mut keep = 0;
        for (i, arg) in args.iter().enumerate().take(8) {
            if let ExprKind::Var(name) = &arg.kind {
                if self.vars.get(name) == Some(&(i as Reg)) && (i as u32) < self.arity {
                    keep |= 1 << i;
                }
            }
        }
        keep
    }

    /// The first of `n` registers to make a call with, given arguments
    /// evaluated into `start..start+n`. A callee's frame starts at its
    /// arguments and may overwrite every register from there up
    /// (`interp::push_frame`), so when an argument expression bound a
    /// variable, which stays visible after the call (`f(x = 1); x`), the
    /// arguments are first moved to fresh registers above it.
    pub fn call_window(
        &mut self,
        start: Reg,
        n: usize,
        span: vial_syntax::ast::Span,
    ) -> CResult<Reg> {
        if self.var_top() <= start {
            return Ok(start);
        }
        let moved = self.alloc_len(n, span)?;
        for i in 0..n as Reg {
            self.emit(Instr::Move {
                src: start + i,
                dst: moved + i,
            });
        }
        Ok(moved)
    }

    fn block(&mut self, items: &[Expr], dest: Dest, e: &Expr) -> CResult<()> {
        let Some((last, init)) = items.split_last() else {
            let r = self.dest_reg(dest, e)?;
            self.load_const(Term::NIL, r);
            return self.finish(r, dest);
        };
        // An `import` in the block applies to the end of the block.
        let imports = self.m.imported.len();
        for item in init {
            let mark = self.mark();
            if let Some((name, value)) = var_match(item) {
                // `x = value` as a statement: the value is computed
                // straight into x's new register (a variable pattern always
                // matches, and nothing reads the statement's value).
                let r = self.alloc(item.span)?;
                self.expr(value, Dest::Reg(r))?;
                self.bind_reg(name, r);
            } else {
                let r = self.alloc(item.span)?;
                self.expr(item, Dest::Reg(r))?;
            }
            self.release(mark);
        }
        self.expr(last, dest)?;
        self.m.imported.truncate(imports);
        Ok(())
    }

    fn bif_call(&mut self, name: (&str, &str), args: &[Expr], dest: Dest, e: &Expr) -> CResult<()> {
        let start = self.args(args)?;
        self.bif_at(name, start, args.len() as u8, dest, e)
    }

    fn bif_at(
        &mut self,
        (module, name): (&str, &str),
        start: Reg,
        argc: u8,
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let mfa = Mfa::new(Atom::intern(module), Atom::intern(name), argc as u32);
        let id = bif::lookup(mfa).ok_or_else(|| {
            Diagnostic::new(format!("internal: no BIF {module}.{name}/{argc}"), e.span)
        })?;
        let r = self.dest_reg(dest, e)?;
        self.set_span(e.span);
        self.emit(Instr::Bif {
            bif: id,
            args: start,
            argc,
            dst: r,
        });
        self.finish(r, dest)
    }

    /// `lhs op rhs` as [`Instr::arith`], or [`Instr::arith_imm`] when an
    /// operand is a small integer constant (on the left only for the
    /// commutative `+` and `*`).
    fn arith(&mut self, op: ArithOp, lhs: &Expr, rhs: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        let commutes = matches!(op, ArithOp::Add | ArithOp::Mul);
        let imm = match (self.small_int(rhs), self.small_int(lhs)) {
            (Some(imm), _) => Some((lhs, imm)),
            (None, Some(imm)) if commutes => Some((rhs, imm)),
            _ => None,
        };
        // The right operand: `Ok(register)`, or `Err(immediate)`.
        let (a, b): (Reg, Result<Reg, i32>) = match imm {
            Some((other, imm)) => (self.value(other)?, Err(imm)),
            None => (self.value(lhs)?, Ok(self.value(rhs)?)),
        };
        let dst = self.dest_reg(dest, e)?;
        self.set_span(e.span);
        self.emit(match b {
            Ok(b) => Instr::arith(op, a, b, dst),
            Err(imm) => Instr::arith_imm(op, a, imm, dst),
        });
        self.finish(dst, dest)
    }

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        if let Some(aop) = arith_op(op) {
            return self.arith(aop, lhs, rhs, dest, e);
        }
        if let Some(cop) = cmp_op(op) {
            let (a, b) = (self.value(lhs)?, self.value(rhs)?);
            let r = self.dest_reg(dest, e)?;
            self.emit(Instr::Compare {
                op: cop,
                a,
                b,
                dst: r,
            });
            return self.finish(r, dest);
        }
        let kernel = |name| ("Elixir.Kernel", name);
        let name = match op {
            BinOp::Match => return self.match_(lhs, rhs, dest, e),
            BinOp::Pipe => return self.expr(&pipe_into(lhs, rhs)?, dest),
            BinOp::And | BinOp::Or | BinOp::AndAnd | BinOp::OrOr => {
                return self.short_circuit(op, lhs, rhs, dest, e)
            }
            BinOp::Add => kernel("+"),
            BinOp::Sub => kernel("-"),
            BinOp::Mul => kernel("*"),
            BinOp::Div => kernel("/"),
            BinOp::Concat => kernel("<>"),
            BinOp::ListConcat => kernel("++"),
            BinOp::ListSubtract => kernel("--"),
            BinOp::Eq => kernel("=="),
            BinOp::NotEq => kernel("!="),
            BinOp::StrictEq => kernel("==="),
            BinOp::StrictNotEq => kernel("!=="),
            BinOp::Lt => kernel("<"),
            BinOp::Gt => kernel(">"),
            BinOp::Le => kernel("<="),
            BinOp::Ge => kernel(">="),
            // Outside guards `x in enum` is `Enum.member?(enum, x)`, so any
            // enumerable works (MapSet, ...); in guards, the guard-safe BIF.
            BinOp::In if !self.in_guard => {
                let call = crate::desugar::remote(
                    "Enum",
                    "member?",
                    vec![rhs.clone(), lhs.clone()],
                    e.span,
                );
                return self.expr(&call, dest);
            }
            BinOp::In => ("vial_runtime", "in"),
            BinOp::NotIn => {
                let r = self.alloc(e.span)?;
                self.binary(BinOp::In, lhs, rhs, Dest::Reg(r), e)?;
                return self.bif_at(kernel("not"), r, 1, dest, e);
            }
            BinOp::Range => ("vial_runtime", "range"),
            // `import Bitwise`'s operators (Vial does not insist on the
            // import).
            BinOp::Band => ("Elixir.Bitwise", "band"),
            BinOp::Bor => ("Elixir.Bitwise", "bor"),
            BinOp::Bsl => ("Elixir.Bitwise", "bsl"),
            BinOp::Bsr => ("Elixir.Bitwise", "bsr"),
            BinOp::StepRange => {
                let Some((first, last)) = crate::consts::range_ends(lhs) else {
                    return Err(Diagnostic::new("// must follow a range a..b", e.span));
                };
                let args = [first.clone(), last.clone(), rhs.clone()];
                return self.bif_call(("vial_runtime", "range"), &args, dest, e);
            }
            BinOp::Pow => kernel("**"),
            // `string =~ part` (there are no regexes): whether `part`
            // occurs in `string`.
            BinOp::MatchOp => {
                let call = crate::desugar::remote(
                    "String",
                    "contains?",
                    vec![lhs.clone(), rhs.clone()],
                    e.span,
                );
                return self.expr(&call, dest);
            }
            BinOp::Type | BinOp::Pipe1 => {
                return Err(unsupported("this operator", e));
            }
            BinOp::When | BinOp::LArrow | BinOp::Default => {
                return Err(Diagnostic::new(
                    "unexpected operator outside of its construct",
                    e.span,
                ));
            }
        };
        let pair = [lhs.clone(), rhs.clone()];
        self.bif_call(name, &pair, dest, e)
    }

    /// `pattern = expr`: raises MatchError when it does not match.
    fn match_(&mut self, pat: &Expr, value: &Expr, dest: Dest, e: &Expr) -> CResult<()> {
        let r = self.alloc(value.span)?;
        self.expr(value, Dest::Reg(r))?;
        let fail = self.new_label();
        let ok = self.new_label();
        self.pattern(pat, r, fail, &mut Vec::new())?;
        self.emit(Instr::Jump {
            target: FnBuilder::target(ok),
        });
        self.bind(fail);
        self.set_span(e.span);
        self.emit(Instr::Fail {
            kind: FailKind::Badmatch,
            src: r,
        });
        self.bind(ok);
        self.finish(r, dest)
    }

    /// `and`, `or` (strict booleans) and `&&`, `||` (truthiness): the right
    /// side is evaluated only when needed.
    fn short_circuit(
        &mut self,
        op: BinOp,
        lhs: &Expr,
        rhs: &Expr,
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let r = self.alloc(e.span)?;
        let done = self.new_label();
        let rhs_label = self.new_label();
        // A left side made of comparisons is a boolean: it is tested with
        // compare-and-jumps, and `false`/`true` written only where `and`/
        // `or` stops there (`and` at `stop_false`).
        let stop = self.new_label();
        let mut stop_false = None;
        let tested = matches!(op, BinOp::And | BinOp::Or) && {
            let target = if op == BinOp::And { stop } else { rhs_label };
            self.jump_unless_comparison(lhs, target)?
        };
        if tested && op == BinOp::Or {
            self.load_const(Term::TRUE, r);
            self.emit(Instr::Jump {
                target: FnBuilder::target(done),
            });
        } else if tested {
            stop_false = Some(stop);
        } else {
            self.value_short_circuit(op, lhs, r, rhs_label, done)?;
        }
        self.bind(rhs_label);
        let saved = self.save_scope();
        self.expr(rhs, Dest::Reg(r))?;
        self.restore_scope(saved);
        if let Some(stop) = stop_false {
            self.emit(Instr::Jump {
                target: FnBuilder::target(done),
            });
            self.bind(stop);
            self.load_const(Term::FALSE, r);
        }
        self.bind(done);
        self.finish(r, dest)
    }

    /// The left side of `op` evaluated into `r`, then the jump to
    /// `rhs_label` or `done` it decides.
    fn value_short_circuit(
        &mut self,
        op: BinOp,
        lhs: &Expr,
        r: Reg,
        rhs_label: crate::func::LabelId,
        done: crate::func::LabelId,
    ) -> CResult<()> {
        self.expr(lhs, Dest::Reg(r))?;
        match op {
            // `and`/`or` go on to the right side for `true`/`false`, stop
            // with the left side for the other boolean, and raise
            // BadBooleanError for anything else.
            BinOp::And | BinOp::Or => {
                let (go_on, stop, kind) = match op {
                    BinOp::And => (Atom::TRUE, Atom::FALSE, FailKind::BadBoolAnd),
                    _ => (Atom::FALSE, Atom::TRUE, FailKind::BadBoolOr),
                };
                let other = self.new_label();
                let bad = self.new_label();
                self.emit(Instr::IsEqAtom {
                    a: r,
                    atom: go_on,
                    fail: FnBuilder::target(other),
                });
                self.emit(Instr::Jump {
                    target: FnBuilder::target(rhs_label),
                });
                self.bind(other);
                self.emit(Instr::IsEqAtom {
                    a: r,
                    atom: stop,
                    fail: FnBuilder::target(bad),
                });
                self.emit(Instr::Jump {
                    target: FnBuilder::target(done),
                });
                self.bind(bad);
                self.set_span(lhs.span);
                self.emit(Instr::Fail { kind, src: r });
            }
            BinOp::AndAnd => self.emit(Instr::JumpIfFalsy {
                src: r,
                target: FnBuilder::target(done),
            }),
            _ => {
                self.emit(Instr::JumpIfFalsy {
                    src: r,
                    target: FnBuilder::target(rhs_label),
                });
                self.emit(Instr::Jump {
                    target: FnBuilder::target(done),
                });
            }
        }
        Ok(())
    }

    fn map(
        &mut self,
        update: Option<&Expr>,
        entries: &[(Expr, Expr)],
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let base = match update {
            Some(u) => Some(self.value(u)?),
            None => None,
        };
        let start = self.alloc_len(2 * entries.len(), e.span)?;
        for (i, (k, v)) in entries.iter().enumerate() {
            self.expr(k, Dest::Reg(start + 2 * i as u16))?;
            self.expr(v, Dest::Reg(start + 2 * i as u16 + 1))?;
        }
        let r = self.dest_reg(dest, e)?;
        self.set_span(e.span);
        let n = entries.len() as u16;
        match base {
            Some(map) => self.emit(Instr::UpdateMap {
                map,
                start,
                n,
                dst: r,
            }),
            None => self.emit(Instr::MakeMap { start, n, dst: r }),
        }
        self.finish(r, dest)
    }

    fn struct_(
        &mut self,
        name: &Expr,
        update: Option<&Expr>,
        entries: &[(Expr, Expr)],
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let module = self
            .struct_name(name)?
            .ok_or_else(|| Diagnostic::new("expected a struct name", name.span))?;
        let def = self.m.known_struct(module).ok_or_else(|| {
            Diagnostic::new(
                format!(
                    "{} is not loaded or does not define a struct",
                    module.name().trim_start_matches("Elixir.")
                ),
                name.span,
            )
        })?;
        for (k, _) in entries {
            let known =
                matches!(&k.kind, ExprKind::Atom(a) if def.iter().any(|(f, _)| f.name() == a));
            if !known {
                return Err(Diagnostic::new(
                    format!(
                        "unknown key {} for struct {}",
                        expr_text(k),
                        module.name().trim_start_matches("Elixir.")
                    ),
                    k.span,
                ));
            }
        }
        if let Some(base) = update {
            let module_atom = Expr::new(ExprKind::Atom(module.name().to_string()), name.span);
            let checked = crate::desugar::remote(
                "Kernel",
                "__update_struct__",
                vec![base.clone(), module_atom],
                base.span,
            );
            return self.map(Some(&checked), entries, dest, e);
        }
        let base = self.alloc(e.span)?;
        if crate::module::has_dynamic_default(&def) {
            // Defaults only the module's `__struct__/0` computes.
            let call = Expr::new(
                ExprKind::Call {
                    callee: Callee::Remote {
                        module: Box::new(Expr::new(
                            ExprKind::Atom(module.name().to_string()),
                            e.span,
                        )),
                        name: "__struct__".to_string(),
                    },
                    args: Vec::new(),
                    parens: true,
                },
                e.span,
            );
            self.expr(&call, Dest::Reg(base))?;
        } else {
            let mut defaults = Map::new();
            for (k, v) in &def {
                defaults.insert(Term::Atom(*k), v.clone());
            }
            defaults.insert(Term::Atom(Atom::STRUCT), Term::Atom(module));
            self.load_const(Term::map(defaults), base);
        }
        if entries.is_empty() {
            return self.finish(base, dest);
        }
        let start = self.alloc_len(2 * entries.len(), e.span)?;
        for (i, (k, v)) in entries.iter().enumerate() {
            self.expr(k, Dest::Reg(start + 2 * i as u16))?;
            self.expr(v, Dest::Reg(start + 2 * i as u16 + 1))?;
        }
        let r = self.dest_reg(dest, e)?;
        self.emit(Instr::UpdateMap {
            map: base,
            start,
            n: entries.len() as u16,
            dst: r,
        });
        self.finish(r, dest)
    }

    /// A named call: special forms first, then local functions, Kernel
    /// BIFs and the Vial Kernel, then remote calls.
    pub fn call(&mut self, callee: &Callee, args: &[Expr], dest: Dest, e: &Expr) -> CResult<()> {
        if let Callee::Remote { module, name } = callee {
            if self.module_atom(module) == Some(Atom::ELIXIR_KERNEL) {
                if let Some(expanded) = kernel_macro(name, args, e) {
                    return self.expr(&expanded, dest);
                }
            }
        }
        if let Callee::Local(name) = callee {
            if self.special_form(name, args, dest, e)? {
                return Ok(());
            }
            if let Some(guard) = self.m.expand_guard(name, args) {
                return self.expr(&guard, dest);
            }
        }
        let arity = args.len() as u32;
        if let (Callee::Local(name), [a, b]) = (callee, args) {
            let op = match name.as_str() {
                "div" => Some(ArithOp::IntDiv),
                "rem" => Some(ArithOp::Rem),
                _ => None,
            };
            if let Some(op) = op.filter(|_| !self.m.locals.contains_key(&(name.clone(), 2))) {
                return self.arith(op, a, b, dest, e);
            }
        }
        // `super(args)` in a function that overrides a default `use`
        // injected: that default, kept under a private name.
        let overridden;
        let callee = match callee {
            Callee::Local(name)
                if name == "super" && !self.m.locals.contains_key(&(name.clone(), arity)) =>
            {
                let top = self.top_function();
                let own = top.rsplit_once('/').map_or(top.as_str(), |(n, _)| n);
                let hidden = format!("{}{own}__", crate::module::SUPER_PREFIX);
                if !self.m.locals.contains_key(&(hidden.clone(), arity)) {
                    return Err(Diagnostic::new(
                        format!(
                            "no super defined for {own}/{arity} in module {}",
                            self.m.name.name().trim_start_matches("Elixir.")
                        ),
                        e.span,
                    ));
                }
                overridden = Callee::Local(hidden);
                &overridden
            }
            _ => callee,
        };
        let target = match callee {
            Callee::Local(name) => {
                let imported = self.m.imported_module(name, arity);
                if let Some(&i) = self.m.locals.get(&(name.clone(), arity)) {
                    if let Some(m) = imported.filter(|&m| m != Atom::ELIXIR_KERNEL) {
                        let message = format!(
                            "imported {}.{name}/{arity} conflicts with local function",
                            m.name().trim_start_matches("Elixir.")
                        );
                        let key = (name.clone(), arity);
                        let span = self.m.def_spans.get(&key).copied().unwrap_or(e.span);
                        return Err(Diagnostic::new(message, span));
                    }
                    CallTarget::Local(i)
                } else if let Some(m) = imported {
                    let mfa = Mfa::new(m, Atom::intern(name), arity);
                    match bif::lookup(mfa) {
                        Some(id) => CallTarget::Bif(id),
                        None => CallTarget::Remote(mfa),
                    }
                } else if let Some(t) =
                    kernel_target(name, arity).filter(|_| !self.m.kernel_hidden(name, arity))
                {
                    t
                } else {
                    return Err(Diagnostic::new(
                        format!("undefined function {name}/{arity} (there is no such import)"),
                        e.span,
                    ));
                }
            }
            Callee::Remote { module, name } => match self.module_atom(module) {
                Some(m) => {
                    let mfa = Mfa::new(m, Atom::intern(name), arity);
                    match bif::lookup(mfa) {
                        Some(id) => CallTarget::Bif(id),
                        None if m == self.m.name => match self.m.locals.get(&(name.clone(), arity))
                        {
                            Some(&i) => CallTarget::Local(i),
                            None => CallTarget::Remote(mfa),
                        },
                        None => CallTarget::Remote(mfa),
                    }
                }
                None => return self.dynamic_call(module, name, args, dest, e),
            },
        };
        let tail = dest == Dest::Tail && self.in_try == 0;
        let this = self.m.locals.get(&(self.name.clone(), self.arity)).copied();
        let keep = match target {
            CallTarget::Local(fun) if tail && this == Some(fun) => self.kept_params(args),
            _ => 0,
        };
        let start = self.args_except(args, keep)?;
        self.set_span(e.span);
        let argc = arity_of(args.len(), e.span)?;
        match target {
            CallTarget::Bif(id) => {
                let r = self.dest_reg(dest, e)?;
                self.emit(Instr::Bif {
                    bif: id,
                    args: start,
                    argc,
                    dst: r,
                });
                self.finish(r, dest)
            }
            CallTarget::Local(fun) if tail => {
                if this == Some(fun) && start >= argc as Reg {
                    self.emit(Instr::TailCallSelf {
                        args: start,
                        argc,
                        keep,
                    });
                } else {
                    self.emit(Instr::TailCallLocal {
                        fun,
                        args: start,
                        argc,
                    });
                }
                Ok(())
            }
            CallTarget::Local(fun) => {
                let start = self.call_window(start, args.len(), e.span)?;
                let r = self.dest_reg(dest, e)?;
                self.emit(Instr::CallLocal {
                    fun,
                    args: start,
                    argc,
                    dst: r,
                });
                self.finish(r, dest)
            }
            CallTarget::Remote(mfa) => {
                let import = self.m.import(mfa);
                if tail {
                    self.emit(Instr::TailCallRemote {
                        import,
                        args: start,
                        argc,
                    });
                    Ok(())
                } else {
                    let start = self.call_window(start, args.len(), e.span)?;
                    let r = self.dest_reg(dest, e)?;
                    self.emit(Instr::CallRemote {
                        import,
                        args: start,
                        argc,
                        dst: r,
                    });
                    self.finish(r, dest)
                }
            }
        }
    }

    /// The module atom of a remote call's module expression, when static.
    pub fn module_atom(&mut self, module: &Expr) -> Option<Atom> {
        match &module.kind {
            ExprKind::Alias(a) => Some(self.m.expand_alias(a)),
            ExprKind::Atom(a) => Some(Atom::intern(a)),
            ExprKind::Module => Some(self.m.name),
            _ => None,
        }
    }

    /// `mod.fun(args)` with `mod` computed at run time.
    fn dynamic_call(
        &mut self,
        module: &Expr,
        name: &str,
        args: &[Expr],
        dest: Dest,
        e: &Expr,
    ) -> CResult<()> {
        let argc = arity_of(args.len(), e.span)?;
        let start = self.alloc_len(2 + args.len(), e.span)?;
        self.expr(module, Dest::Reg(start))?;
        self.load_const(Term::atom(name), start + 1);
        for (i, a) in args.iter().enumerate() {
            self.expr(a, Dest::Reg(start + 2 + i as Reg))?;
        }
        if dest == Dest::Tail && self.in_try == 0 {
            self.emit(Instr::TailCallDynamic { args: start, argc });
            Ok(())
        } else {
            let start = self.call_window(start, 2 + args.len(), e.span)?;
            let r = self.dest_reg(dest, e)?;
            self.emit(Instr::CallDynamic {
                args: start,
                argc,
                dst: r,
            });
            self.finish(r, dest)
        }
    }
}

/// `name = value` where the pattern is a plain variable that binds.
fn var_match(e: &Expr) -> Option<(&str, &Expr)> {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Match,
            lhs,
            rhs,
        } => match &lhs.kind {
            ExprKind::Var(name) if name != "_" => Some((name, rhs)),
            _ => None,
        },
        _ => None,
    }
}

/// The [`ArithOp`] of an arithmetic operator.
pub fn arith_op(op: BinOp) -> Option<ArithOp> {
    Some(match op {
        BinOp::Add => ArithOp::Add,
        BinOp::Sub => ArithOp::Sub,
        BinOp::Mul => ArithOp::Mul,
        BinOp::Div => ArithOp::Div,
        _ => return None,
    })
}

/// The [`CmpOp`] of a comparison operator.
pub fn cmp_op(op: BinOp) -> Option<CmpOp> {
    Some(match op {
        BinOp::Lt => CmpOp::Lt,
        BinOp::Gt => CmpOp::Gt,
        BinOp::Le => CmpOp::Le,
        BinOp::Ge => CmpOp::Ge,
        BinOp::Eq => CmpOp::Eq,
        BinOp::NotEq => CmpOp::Ne,
        BinOp::StrictEq => CmpOp::StrictEq,
        BinOp::StrictNotEq => CmpOp::StrictNe,
        _ => return None,
    })
}

/// Kernel functions callable without a module: BIFs first, then functions
/// of the Vial-written `Kernel` module already loaded.
fn kernel_target(name: &str, arity: u32) -> Option<CallTarget> {
    let mfa = Mfa::new(Atom::ELIXIR_KERNEL, Atom::intern(name), arity);
    if let Some(id) = bif::lookup(mfa) {
        return Some(CallTarget::Bif(id));
    }
    let kernel = code::lookup(Atom::ELIXIR_KERNEL)?;
    kernel
        .export(mfa.name, arity)
        .map(|_| CallTarget::Remote(mfa))
}

/// `Kernel.name(args)` when `name` is one of Kernel's macros or operators,
/// which the compiler expands where written (`Kernel.if(c, do: x)`,
/// `Kernel.&&(a, b)`, `Kernel.raise(e)`): the same call without a module,
/// or the operator expression.
fn kernel_macro(name: &str, args: &[Expr], e: &Expr) -> Option<Expr> {
    let binary = |op| match args {
        [lhs, rhs] => Some(ExprKind::Binary {
            op,
            lhs: Box::new(lhs.clone()),
            rhs: Box::new(rhs.clone()),
        }),
        _ => None,
    };
    let local = || ExprKind::Call {
        callee: Callee::Local(name.to_string()),
        args: args.to_vec(),
        parens: true,
    };
    let kind = match name {
        "&&" => binary(BinOp::AndAnd)?,
        "||" => binary(BinOp::OrOr)?,
        "and" => binary(BinOp::And)?,
        "or" => binary(BinOp::Or)?,
        "in" => binary(BinOp::In)?,
        "|>" => binary(BinOp::Pipe)?,
        "!" | "not" => match args {
            [operand] => ExprKind::Unary {
                op: if name == "!" {
                    UnaryOp::Bang
                } else {
                    UnaryOp::Not
                },
                operand: Box::new(operand.clone()),
            },
            _ => return None,
        },
        "if" | "unless" | "raise" | "reraise" | "match?" | "destructure" => local(),
        // With a path (`put_in(m.a.b, v)`); with a list of keys they are
        // functions.
        "put_in" | "update_in" | "get_and_update_in" if args.len() == 2 => local(),
        "pop_in" if args.len() == 1 => local(),
        _ => return None,
    };
    Some(Expr::new(kind, e.span))
}

/// `lhs |> f(args)` is `f(lhs, args)`.
fn pipe_into(lhs: &Expr, rhs: &Expr) -> CResult<Expr> {
    let kind = match &rhs.kind {
        ExprKind::Call {
            callee,
            args,
            parens,
        } => {
            let mut all = vec![lhs.clone()];
            all.extend(args.iter().cloned());
            ExprKind::Call {
                callee: callee.clone(),
                args: all,
                parens: *parens,
            }
        }
        ExprKind::Var(name) => ExprKind::Call {
            callee: Callee::Local(name.clone()),
            args: vec![lhs.clone()],
            parens: false,
        },
        ExprKind::Dot { expr, name } => ExprKind::Call {
            callee: Callee::Remote {
                module: expr.clone(),
                name: name.clone(),
            },
            args: vec![lhs.clone()],
            parens: false,
        },
        ExprKind::Apply { fun, args } => {
            let mut all = vec![lhs.clone()];
            all.extend(args.iter().cloned());
            ExprKind::Apply {
                fun: fun.clone(),
                args: all,
            }
        }
        _ => {
            return Err(Diagnostic::new(
                "the right side of |> must be a call",
                rhs.span,
            ))
        }
    };
    Ok(Expr::new(kind, lhs.span.to(rhs.span)))
}

pub fn unsupported(what: &str, e: &Expr) -> Diagnostic {
    Diagnostic::new(format!("{what} is not supported yet"), e.span)
}

/// A short rendering of a key for messages.
fn expr_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Atom(a) => format!(":{a}"),
        _ => "key".to_string(),
    }
}
