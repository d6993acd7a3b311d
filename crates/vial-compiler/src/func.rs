//! The function builder: registers, scopes, labels and instruction emission
//! for one function being compiled.

use crate::module::ModuleBuilder;
use ahash::AHashMap;
use vial_syntax::ast::{Expr, Span};
use vial_syntax::Diagnostic;
use vial_vm::bytecode::{Instr, Label, Reg};
use vial_vm::code::Function;
use vial_vm::{Atom, Term};

/// A compile error.
pub type CResult<T> = Result<T, Diagnostic>;

/// A symbolic jump target, resolved to an instruction index by
/// [`FnBuilder::finish`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelId(pub u32);

/// Where an expression's value goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dest {
    /// Into this register.
    Reg(Reg),
    /// Returned from the function (tail position: calls become tail calls).
    Tail,
}

/// Variable bindings visible at a point: name → register.
pub type Scope = AHashMap<String, Reg>;

/// How deeply [`FnBuilder::expr`] may recurse (through closures too) before
/// a diagnostic instead of a stack overflow. A level takes up to ~1.4 KiB of
/// stack in the dev profile (measured over the shapes of nesting), so this
/// fits a 2 MiB thread stack (`tests/fuzz.rs` checks it).
const MAX_DEPTH: u32 = 1000;

/// `n` as the argument count of a call or the arity of a function: at most
/// 255, as on the BEAM (instructions hold it in a byte).
pub fn arity_of(n: usize, span: Span) -> CResult<u8> {
    u8::try_from(n)
        .map_err(|_| Diagnostic::new(format!("too many arguments: {n} (the limit is 255)"), span))
}

/// Builds one [`Function`].
pub struct FnBuilder<'m> {
    pub m: &'m mut ModuleBuilder,
    pub name: String,
    pub arity: u32,
    code: Vec<Instr>,
    lines: Vec<u32>,
    labels: Vec<Option<u32>>,
    next_reg: u16,
    max_reg: u16,
    /// Registers below this hold live variables and must not be reused.
    var_top: u16,
    pub vars: Scope,
    /// Source line of what is being compiled.
    pub line: u32,
    /// Inside a `try` body: calls there must not be tail calls.
    pub in_try: u32,
    /// Compiling a guard: `in` stays the guard-safe BIF there.
    pub in_guard: bool,
    /// Registers holding `&1, &2, ...` while compiling a capture body.
    pub capture_args: Option<Reg>,
    /// How many [`FnBuilder::expr`] calls are open (see [`MAX_DEPTH`]).
    pub depth: u32,
    /// For each variable a pattern rebinds, the register of the binding it
    /// shadows, which `^name` later in the same pattern still means
    /// (`{x, ^x} = {2, 1}` with `x` bound to 1 matches).
    pub shadowed: Scope,
}

impl<'m> FnBuilder<'m> {
    /// A builder whose first `reserved` registers are arguments (and
    /// captured values).
    pub fn new(m: &'m mut ModuleBuilder, name: String, arity: u32, reserved: u16) -> Self {
        FnBuilder {
            m,
            name,
            arity,
            code: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            next_reg: reserved,
            max_reg: reserved,
            var_top: reserved,
            vars: Scope::default(),
            line: 0,
            in_try: 0,
            in_guard: false,
            capture_args: None,
            depth: 0,
            shadowed: Scope::default(),
        }
    }

    /// Enters one more level of nesting; fails when there are too many.
    /// Each successful call is paired with `self.depth -= 1`.
    pub fn enter(&mut self, span: Span) -> CResult<()> {
        if self.depth >= MAX_DEPTH {
            let mut d = Diagnostic::new("expression is nested too deeply", span);
            d.hint = Some("split it into smaller expressions or functions".into());
            return Err(d);
        }
        self.depth += 1;
        Ok(())
    }

    pub fn emit(&mut self, i: Instr) {
        self.code.push(i);
        self.lines.push(self.line);
    }

    /// The `def` this code is in, as `name/arity`, also inside a fn (whose
    /// name is `-name/arity-fun-N-`); a script's top level is `__FILE__/1`,
    /// as the BEAM names it.
    pub fn top_function(&self) -> String {
        if let Some((top, _)) = self
            .name
            .strip_prefix('-')
            .and_then(|n| n.rsplit_once("-fun-"))
        {
            return top.to_string();
        }
        if self.name == crate::SCRIPT_FUNCTION {
            return "__FILE__/1".to_string();
        }
        format!("{}/{}", self.name, self.arity)
    }

    pub fn set_span(&mut self, span: Span) {
        self.line = self.m.line_of(span);
    }

    pub fn new_label(&mut self) -> LabelId {
        self.labels.push(None);
        LabelId(self.labels.len() as u32 - 1)
    }

    /// Places `l` at the next instruction.
    pub fn bind(&mut self, l: LabelId) {
        self.labels[l.0 as usize] = Some(self.code.len() as u32);
    }

    /// A label operand (resolved in [`FnBuilder::finish`]).
    pub fn target(l: LabelId) -> Label {
        l.0
    }

    pub fn alloc(&mut self, span: Span) -> CResult<Reg> {
        self.alloc_n(1, span)
    }

    /// `n` consecutive fresh registers; returns the first.
    pub fn alloc_n(&mut self, n: u16, span: Span) -> CResult<Reg> {
        let r = self.next_reg;
        self.next_reg = self
            .next_reg
            .checked_add(n)
            .filter(|&t| t < u16::MAX - 8)
            .ok_or_else(|| Diagnostic::new("function too large: out of registers", span))?;
        self.max_reg = self.max_reg.max(self.next_reg);
        Ok(r)
    }

    /// `n` consecutive fresh registers (for the elements of a tuple, a
    /// list, a map ...); returns the first.
    pub fn alloc_len(&mut self, n: usize, span: Span) -> CResult<Reg> {
        let n = u16::try_from(n)
            .map_err(|_| Diagnostic::new("function too large: out of registers", span))?;
        self.alloc_n(n, span)
    }

    /// The first register above every live variable.
    pub fn var_top(&self) -> u16 {
        self.var_top
    }

    /// A register position to return to with [`FnBuilder::release`].
    pub fn mark(&self) -> u16 {
        self.next_reg
    }

    /// Frees temporaries allocated since `mark` (never live variables).
    pub fn release(&mut self, mark: u16) {
        self.next_reg = mark.max(self.var_top);
    }

    /// Binds `name` to a fresh register and returns it.
    pub fn bind_var(&mut self, name: &str, span: Span) -> CResult<Reg> {
        let r = self.alloc(span)?;
        self.bind_reg(name, r);
        Ok(r)
    }

    /// Binds `name` to register `r`, just computed, which stays live from
    /// now on (registers above it remain temporaries).
    pub fn bind_reg(&mut self, name: &str, r: Reg) {
        self.var_top = self.var_top.max(r + 1);
        self.vars.insert(name.to_string(), r);
    }

    /// Binds `name` to an existing register that stays live (a parameter).
    pub fn alias_var(&mut self, name: &str, r: Reg) {
        self.vars.insert(name.to_string(), r);
    }

    /// Saves the scope to restore after a clause (bindings do not leak out
    /// of `case`, `if`, `receive`, ... clauses).
    pub fn save_scope(&self) -> (Scope, u16) {
        (self.vars.clone(), self.var_top)
    }

    pub fn restore_scope(&mut self, saved: (Scope, u16)) {
        self.vars = saved.0;
        self.var_top = saved.1;
    }

    /// Loads a constant into `dst`.
    pub fn load_const(&mut self, t: Term, dst: Reg) {
        match t {
            Term::Int(n) if i32::try_from(n).is_ok() => self.emit(Instr::Int {
                value: n as i32,
                dst,
            }),
            t => {
                let lit = self.m.literal(t);
                self.emit(Instr::Literal { lit, dst });
            }
        }
    }

    /// Emits the test `r[src] === t`, jumping to `fail` when it does not
    /// hold: [`Instr::IsEqInt`] or [`Instr::IsEqAtom`] for an immediate,
    /// else the constant is loaded into a fresh register for
    /// [`Instr::IsEq`].
    pub fn test_const(&mut self, src: Reg, t: Term, fail: LabelId, span: Span) -> CResult<()> {
        let fail = FnBuilder::target(fail);
        match t {
            Term::Int(n) if i32::try_from(n).is_ok() => self.emit(Instr::IsEqInt {
                a: src,
                imm: n as i32,
                fail,
            }),
            Term::Atom(atom) => self.emit(Instr::IsEqAtom { a: src, atom, fail }),
            t => {
                let r = self.alloc(span)?;
                self.load_const(t, r);
                self.emit(Instr::IsEq { a: src, b: r, fail });
            }
        }
        Ok(())
    }

    /// The value of `e` when it is a constant integer that fits an
    /// instruction's immediate operand (`n - 1`, `when n < 2`).
    pub fn small_int(&self, e: &Expr) -> Option<i32> {
        match crate::consts::const_term(e, self.m)? {
            Term::Int(n) => i32::try_from(n).ok(),
            _ => None,
        }
    }

    /// Resolves labels and produces the function.
    pub fn build(mut self, public: bool, env: u32) -> (Function, &'m mut ModuleBuilder) {
        let labels = std::mem::take(&mut self.labels);
        for i in &mut self.code {
            i.map_labels(|l| labels[l as usize].expect("every label is bound"));
        }
        let nregs = self.max_reg.max(1);
        crate::liveness::take_dead_moves(&mut self.code, nregs);
        crate::peephole::fuse_moves(&mut self.code, &mut self.lines);
        let f = Function {
            name: Atom::intern(&self.name),
            arity: self.arity,
            env,
            nregs,
            code: self.code,
            lines: self.lines,
            public,
            lane: vial_vm::code::Lane::No,
        };
        (f, self.m)
    }
}
