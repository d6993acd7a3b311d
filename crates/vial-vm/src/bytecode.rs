//! The instruction set of Vial's register machine, documented in one place.
//!
//! Each function runs in a *frame*: a window of `nregs` registers on its
//! process's register stack. Operands named `Reg` are frame-relative register
//! numbers. Calls copy their arguments from consecutive caller registers
//! `args..args+argc` into registers `0..argc` of the new frame (closures get
//! their captured values next, in `argc..argc+env`), so a callee never sees
//! its caller's registers. Jump targets (`Label`) are instruction indices in
//! the same function.
//!
//! Pattern matching compiles to *test* instructions that fall through when the
//! test passes and jump to `fail` when it does not; the compiler chains them
//! per clause so a failing clause falls through to the next one.

use crate::atom::Atom;

mod flow;
mod regset;

pub use flow::{kept, moved_args};
pub use regset::RegSet;

/// A frame-relative register number.
pub type Reg = u16;
/// An instruction index inside the same function.
pub type Label = u32;

/// How many registers an exception handler receives from `dst` on
/// ([`Instr::TryBegin`]): the class, the reason as `catch` sees it (an
/// Erlang error term such as `:badarith` for an error the VM raised), the
/// stack trace, and the reason as `rescue` sees it (the exception struct).
pub const HANDLER_REGS: Reg = 4;

/// Why a [`Instr::Fail`] raises; each names the Elixir exception it builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailKind {
    /// `pattern = value` did not match: `MatchError{term: value}`.
    Badmatch,
    /// No `case` clause matched: `CaseClauseError{term: value}`.
    CaseClause,
    /// No `cond` clause was truthy: `CondClauseError{}`.
    CondClause,
    /// No `with ... else` clause matched: `WithClauseError{term: value}`.
    WithClause,
    /// No clause of the current function matched its arguments:
    /// `FunctionClauseError{module, function, arity}`.
    FunctionClause,
    /// A `try ... else` had no matching clause: `TryClauseError{term: value}`.
    TryClause,
    /// A binary `<>` pattern met a non-binary: `ArgumentError`.
    BadBinaryPattern,
    /// The left side of `and` was not a boolean:
    /// `BadBooleanError{term: value, operator: :and}`.
    BadBoolAnd,
    /// The left side of `or` was not a boolean:
    /// `BadBooleanError{term: value, operator: :or}`.
    BadBoolOr,
}

/// The arithmetic of [`Instr::Arith`]: Kernel's `+ - * / div rem`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    /// `/`: always a float.
    Div,
    /// `div/2`: integer division truncating toward zero.
    IntDiv,
    /// `rem/2`: remainder with the sign of the dividend.
    Rem,
}

/// The comparisons of [`Instr::Compare`] (Erlang term order; `Eq`/`Ne`
/// are `==`/`!=`, `StrictEq`/`StrictNe` are `===`/`!==`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
}

impl CmpOp {
    /// Whether the comparison holds for two terms in order `ord` (for the
    /// strict operators, of two integers, where `===` and `==` agree):
    /// a bit test in a mask of the orderings it accepts, without a branch.
    #[inline(always)]
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        // Bit 0: Less, bit 1: Equal, bit 2: Greater; indexed by the
        // operator's discriminant, in declaration order.
        const ACCEPTS: [u8; 8] = [0b001, 0b100, 0b011, 0b110, 0b010, 0b101, 0b010, 0b101];
        (ACCEPTS[self as usize] >> (ord as i8 + 1)) & 1 != 0
    }

    /// The comparison that holds exactly when this one does not. Term
    /// order is total (Erlang Reference Manual, Term Comparisons), so
    /// `not (a < b)` is `a >= b`.
    pub fn negate(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Ge => CmpOp::Lt,
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
            CmpOp::StrictEq => CmpOp::StrictNe,
            CmpOp::StrictNe => CmpOp::StrictEq,
        }
    }

    /// Whether the comparison holds between integers `x` and `y` (where
    /// `==` and `===` agree): one machine comparison per operator.
    #[inline(always)]
    pub fn holds_int(self, x: i64, y: i64) -> bool {
        match self {
            CmpOp::Lt => x < y,
            CmpOp::Gt => x > y,
            CmpOp::Le => x <= y,
            CmpOp::Ge => x >= y,
            CmpOp::Eq | CmpOp::StrictEq => x == y,
            CmpOp::Ne | CmpOp::StrictNe => x != y,
        }
    }
}

/// Exception classes, as in `catch class, reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Throw,
    Exit,
}

/// One instruction. Sizes are kept small (at most 16 bytes) for the dispatch
/// loop; see the static assertion below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    // ---- moves and constants -------------------------------------------------
    /// `dst = src`. Compiled from variable reads that need a copy.
    Move {
        src: Reg,
        dst: Reg,
    },
    /// `dst = src`, leaving `[]` in `src`: a move whose source the code
    /// never reads again (the compiler's liveness pass turns such `Move`s
    /// into `Take`s), so a boxed value changes hands without touching its
    /// reference count.
    Take {
        src: Reg,
        dst: Reg,
    },
    /// Two [`Instr::Move`]s in order: `d1 = s1`, then `d2 = s2`. The
    /// compiler fuses runs of moves (argument set-up before a call) so
    /// that they cost one dispatch.
    Move2 {
        s1: Reg,
        d1: Reg,
        s2: Reg,
        d2: Reg,
    },
    /// Three [`Instr::Move`]s in order.
    Move3 {
        s1: Reg,
        d1: Reg,
        s2: Reg,
        d2: Reg,
        s3: Reg,
        d3: Reg,
    },
    /// `dst = literals[lit]`. Every constant term (numbers, atoms, strings,
    /// constant lists/tuples, `&Mod.fun/n` values) lives in the module's
    /// literal pool.
    Literal {
        lit: u32,
        dst: Reg,
    },
    /// `dst = small integer`. Avoids a pool entry for the common case.
    Int {
        value: i32,
        dst: Reg,
    },

    // ---- construction --------------------------------------------------------
    /// `dst = {r[start], ..., r[start+n-1]}`. Compiled from `{a, b}`.
    MakeTuple {
        start: Reg,
        n: u16,
        dst: Reg,
    },
    /// `dst = [r[start], ..., r[start+n-1] | r[tail]]`. Compiled from list
    /// literals and `[h | t]` (the compiler loads `[]` into `tail` for a
    /// proper list).
    MakeList {
        start: Reg,
        n: u16,
        tail: Reg,
        dst: Reg,
    },
    /// `dst = %{r[start] => r[start+1], ...}` from `n` key/value pairs.
    MakeMap {
        start: Reg,
        n: u16,
        dst: Reg,
    },
    /// `dst = %{r[map] | r[start] => r[start+1], ...}`: every key must exist
    /// already, else `KeyError`; a non-map raises `BadMapError`.
    UpdateMap {
        map: Reg,
        start: Reg,
        n: u16,
        dst: Reg,
    },
    /// `dst = <<to_string(r[start]) ... to_string(r[start+n-1])>>`: string
    /// interpolation (`"a#{x}b"`); a term without `String.Chars` raises
    /// `Protocol.UndefinedError`.
    Interpolate {
        start: Reg,
        n: u16,
        dst: Reg,
    },
    /// `dst = fn` for function `fun` of this module with captured values
    /// `r[env..env+n]`. Compiled from `fn ... end` and `&local/arity`.
    MakeClosure {
        fun: u32,
        env: Reg,
        n: u16,
        dst: Reg,
    },

    // ---- calls ---------------------------------------------------------------
    /// Calls function `fun` of this module with `argc` arguments from
    /// `r[args..]`; its result lands in `dst` when it returns. Costs one
    /// reduction.
    CallLocal {
        fun: u32,
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Tail-calls function `fun` of this module: the current frame is reused.
    TailCallLocal {
        fun: u32,
        args: Reg,
        argc: u8,
    },
    /// Tail-calls the current function (a loop): the arguments move down to
    /// registers `0..argc` and execution restarts at instruction 0 in the
    /// same frame. The compiler emits it only when `args >= argc`, so no
    /// argument is overwritten before it moves. Bit `i` of `keep` (for the
    /// first 8 arguments) says argument `i` is parameter `i` itself, passed
    /// on unchanged: register `i` stays as it is and `args + i` is unused.
    TailCallSelf {
        args: Reg,
        argc: u8,
        keep: u8,
    },
    /// Calls `imports[import]` (an MFA resolved through the code server at
    /// call time, so a reloaded module is seen by new calls).
    CallRemote {
        import: u32,
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Tail-call form of [`Instr::CallRemote`].
    TailCallRemote {
        import: u32,
        args: Reg,
        argc: u8,
    },
    /// Calls the function value in `r[fun]` (`f.(a, b)`); raises
    /// `BadFunctionError` for a non-function and `BadArityError` for a wrong
    /// argument count.
    CallFun {
        fun: Reg,
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Tail-call form of [`Instr::CallFun`].
    TailCallFun {
        fun: Reg,
        args: Reg,
        argc: u8,
    },
    /// `dst = m.f(a1, ..., an)` with the module computed at run time
    /// (`module.handle_call(...)`): `r[args]` is the module, `r[args+1]` the
    /// function name (an atom), `r[args+2..]` the `argc` arguments. Raises
    /// ArgumentError for a non-atom module and UndefinedFunctionError for a
    /// missing function.
    CallDynamic {
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Tail-call form of [`Instr::CallDynamic`].
    TailCallDynamic {
        args: Reg,
        argc: u8,
    },
    /// `dst = apply(r[args], r[args+1])` (a function value and an argument
    /// list) when `argc` is 2, or `apply(r[args], r[args+1], r[args+2])`
    /// (module, function name, argument list) when `argc` is 3. Compiled
    /// from `apply/2,3`. Raises like the call it makes, and ArgumentError
    /// for an improper argument list.
    Apply {
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Tail-call form of [`Instr::Apply`].
    TailApply {
        args: Reg,
        argc: u8,
    },
    /// `dst = r[a] op r[b]` with Kernel semantics (integers promote to big
    /// integers, mixed operands give floats, bad operands raise
    /// ArithmeticError). Compiled from `a + b`, `div(a, b)`, ...; saves the
    /// argument moves and the call of the equivalent BIF.
    Arith {
        op: ArithOp,
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// `dst = r[a] op imm`: [`Instr::Arith`] with a small-integer right
    /// operand, which saves loading the constant into a register. Compiled
    /// from `n - 1`, `rem(i, 1000)`, and `1 + n` (operands of `+` and `*`
    /// swapped).
    ArithImm {
        op: ArithOp,
        a: Reg,
        imm: i32,
        dst: Reg,
    },
    /// [`Instr::Arith`] for `+`, `-` and `*`, the common operators, each an
    /// instruction of its own so that the interpreter dispatches once, not
    /// on the instruction and then on the operator ([`Instr::arith`] picks
    /// them).
    Add {
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    Sub {
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    Mul {
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// [`Instr::ArithImm`] for `+`, `-` and `*` ([`Instr::arith_imm`]
    /// picks them).
    AddImm {
        a: Reg,
        imm: i32,
        dst: Reg,
    },
    SubImm {
        a: Reg,
        imm: i32,
        dst: Reg,
    },
    MulImm {
        a: Reg,
        imm: i32,
        dst: Reg,
    },
    /// `dst = r[a] op r[b]` as `true`/`false`. Compiled from `<`, `==`, ...
    Compare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// Jumps to `target` unless `r[a] op r[b]`. Compiled from guards and
    /// conditions that are a single comparison (`when n < 2`).
    JumpUnlessCompare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target: Label,
    },
    /// [`Instr::JumpUnlessCompare`] against a small integer: jumps to
    /// `target` unless `r[a] op imm` (`when n < 2`; `2 > n` is compiled
    /// with the operator mirrored).
    JumpUnlessCompareImm {
        op: CmpOp,
        a: Reg,
        imm: i32,
        target: Label,
    },
    /// Calls BIF number `bif` (see [`crate::bif`]) on `r[args..args+argc]`.
    /// A BIF is a leaf: it never runs Vial code. Compiled from operators
    /// (`+`, `<`, `<>`, ...) and calls whose MFA is a registered BIF.
    Bif {
        bif: u16,
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    /// Returns `r[src]` to the caller (or ends the process with reason
    /// `:normal` from its first frame).
    Return {
        src: Reg,
    },

    // ---- control -------------------------------------------------------------
    /// Jumps to `target`.
    Jump {
        target: Label,
    },
    /// Jumps to `target` when `r[src]` is `false` or `nil` (`if`, `&&`, ...).
    JumpIfFalsy {
        src: Reg,
        target: Label,
    },
    /// Jumps to `target` unless `r[src]` is exactly `true` (guards).
    JumpUnlessTrue {
        src: Reg,
        target: Label,
    },
    /// Raises the error named by `kind` about `r[src]`.
    Fail {
        kind: FailKind,
        src: Reg,
    },

    // ---- pattern tests (fall through on success, jump to `fail` otherwise) ---
    /// `r[a] === r[b]` (literals and pinned variables in patterns, and
    /// repeated variables).
    IsEq {
        a: Reg,
        b: Reg,
        fail: Label,
    },
    /// `r[a] === imm`: [`Instr::IsEq`] against a small-integer literal.
    IsEqInt {
        a: Reg,
        imm: i32,
        fail: Label,
    },
    /// `r[a] === atom`: [`Instr::IsEq`] against an atom literal (`:ok`,
    /// `nil`, `true`).
    IsEqAtom {
        a: Reg,
        atom: Atom,
        fail: Label,
    },
    /// `r[src]` is a tuple of exactly `arity` elements.
    IsTuple {
        src: Reg,
        arity: u16,
        fail: Label,
    },
    /// `dst = elem(r[src], index)`; only after a passing [`Instr::IsTuple`].
    GetElem {
        src: Reg,
        index: u16,
        dst: Reg,
    },
    /// `r[src]` is a non-empty list; `head`/`tail` receive its parts.
    IsCons {
        src: Reg,
        head: Reg,
        tail: Reg,
        fail: Label,
    },
    /// `r[src]` is `[]`.
    IsEmptyList {
        src: Reg,
        fail: Label,
    },
    /// `r[src]` is a map.
    IsMap {
        src: Reg,
        fail: Label,
    },
    /// `r[map]` (a map) has key `r[key]`; its value goes to `dst`.
    GetMapValue {
        map: Reg,
        key: Reg,
        dst: Reg,
        fail: Label,
    },
    /// `r[src]` is a binary that starts with the binary `literals[prefix]`;
    /// the remaining bytes go to `rest` (`"abc" <> rest` patterns).
    IsBinaryPrefix {
        src: Reg,
        prefix: u32,
        rest: Reg,
        fail: Label,
    },

    // ---- exceptions ----------------------------------------------------------
    /// Installs an exception handler: an exception raised until the matching
    /// [`Instr::TryEnd`] unwinds to this frame, stores the
    /// [`HANDLER_REGS`] registers from `dst` on and jumps to `handler`.
    /// Compiled from `try` and from guards (a raising guard fails its
    /// clause).
    TryBegin {
        handler: Label,
        dst: Reg,
    },
    /// Removes the innermost handler installed by this frame.
    TryEnd,
    /// Raises again the exception a handler received in the
    /// [`HANDLER_REGS`] registers from `start` on (a `try` with no matching
    /// clause, or the end of an `after`).
    Reraise {
        start: Reg,
    },

    // ---- receive ---------------------------------------------------------------
    /// Loads the mailbox message at the save position into `dst`, or jumps
    /// to `wait` when every message has been tried.
    RecvPeek {
        dst: Reg,
        wait: Label,
    },
    /// The message at the save position did not match: advances the save
    /// position and jumps back to `peek`.
    RecvNext {
        peek: Label,
    },
    /// Removes the matched message at the save position and resets the save
    /// position to the start of the mailbox.
    RecvAccept,
    /// Suspends the process until a message arrives (then resumes at
    /// `peek`) or, if `timeout` is given, until `r[timeout]` milliseconds
    /// pass (then resets the save position and resumes at `after`).
    /// `r[timeout]` is a non-negative integer or `:infinity`.
    RecvWait {
        peek: Label,
        timeout: Option<Reg>,
        after: Label,
    },
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 16);

/// A remote function named by module, function name and arity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mfa {
    pub module: Atom,
    pub name: Atom,
    pub arity: u32,
}

impl Mfa {
    pub fn new(module: Atom, name: Atom, arity: u32) -> Mfa {
        Mfa {
            module,
            name,
            arity,
        }
    }
}

impl Instr {
    /// `dst = r[a] op r[b]`: [`Instr::Add`], [`Instr::Sub`] or
    /// [`Instr::Mul`] for those operators, else [`Instr::Arith`].
    pub fn arith(op: ArithOp, a: Reg, b: Reg, dst: Reg) -> Instr {
        match op {
            ArithOp::Add => Instr::Add { a, b, dst },
            ArithOp::Sub => Instr::Sub { a, b, dst },
            ArithOp::Mul => Instr::Mul { a, b, dst },
            _ => Instr::Arith { op, a, b, dst },
        }
    }

    /// `dst = r[a] op imm`: [`Instr::AddImm`], [`Instr::SubImm`] or
    /// [`Instr::MulImm`] for those operators, else [`Instr::ArithImm`].
    pub fn arith_imm(op: ArithOp, a: Reg, imm: i32, dst: Reg) -> Instr {
        match op {
            ArithOp::Add => Instr::AddImm { a, imm, dst },
            ArithOp::Sub => Instr::SubImm { a, imm, dst },
            ArithOp::Mul => Instr::MulImm { a, imm, dst },
            _ => Instr::ArithImm { op, a, imm, dst },
        }
    }

    /// One past the highest register the instruction reads or writes (0
    /// when it touches none): a function is well formed only if this is
    /// at most its `nregs` for every instruction, which the interpreter
    /// relies on to index registers without bounds checks.
    pub fn register_end(&self) -> u32 {
        use Instr::*;
        let r = |x: Reg| x as u32 + 1;
        let span = |start: Reg, n: u32| start as u32 + n;
        match *self {
            Move { src, dst } | Take { src, dst } => r(src).max(r(dst)),
            Move2 { .. } | Move3 { .. } => self
                .fused_moves()
                .into_iter()
                .map(|(s, d)| r(s).max(r(d)))
                .max()
                .unwrap_or(0),
            Literal { dst, .. } | Int { dst, .. } | RecvPeek { dst, .. } => r(dst),
            MakeTuple { start, n, dst } | Interpolate { start, n, dst } => {
                span(start, n as u32).max(r(dst))
            }
            MakeList {
                start,
                n,
                tail,
                dst,
            } => span(start, n as u32).max(r(tail)).max(r(dst)),
            MakeMap { start, n, dst } => span(start, 2 * n as u32).max(r(dst)),
            UpdateMap { map, start, n, dst } => span(start, 2 * n as u32).max(r(map)).max(r(dst)),
            MakeClosure { env, n, dst, .. } => span(env, n as u32).max(r(dst)),
            CallLocal {
                args, argc, dst, ..
            }
            | CallRemote {
                args, argc, dst, ..
            }
            | Bif {
                args, argc, dst, ..
            }
            | Apply { args, argc, dst } => span(args, argc as u32).max(r(dst)),
            TailCallLocal { args, argc, .. }
            | TailCallSelf { args, argc, .. }
            | TailCallRemote { args, argc, .. }
            | TailApply { args, argc } => span(args, argc as u32),
            CallFun {
                fun,
                args,
                argc,
                dst,
            } => span(args, argc as u32).max(r(fun)).max(r(dst)),
            TailCallFun { fun, args, argc } => span(args, argc as u32).max(r(fun)),
            CallDynamic { args, argc, dst } => span(args, argc as u32 + 2).max(r(dst)),
            TailCallDynamic { args, argc } => span(args, argc as u32 + 2),
            Arith { a, b, dst, .. }
            | Add { a, b, dst }
            | Sub { a, b, dst }
            | Mul { a, b, dst }
            | Compare { a, b, dst, .. } => r(a).max(r(b)).max(r(dst)),
            ArithImm { a, dst, .. }
            | AddImm { a, dst, .. }
            | SubImm { a, dst, .. }
            | MulImm { a, dst, .. } => r(a).max(r(dst)),
            JumpUnlessCompare { a, b, .. } | IsEq { a, b, .. } => r(a).max(r(b)),
            JumpUnlessCompareImm { a, .. } | IsEqInt { a, .. } | IsEqAtom { a, .. } => r(a),
            Return { src }
            | JumpIfFalsy { src, .. }
            | JumpUnlessTrue { src, .. }
            | Fail { src, .. }
            | IsTuple { src, .. }
            | IsEmptyList { src, .. }
            | IsMap { src, .. } => r(src),
            GetElem { src, dst, .. } => r(src).max(r(dst)),
            IsCons {
                src, head, tail, ..
            } => r(src).max(r(head)).max(r(tail)),
            GetMapValue { map, key, dst, .. } => r(map).max(r(key)).max(r(dst)),
            IsBinaryPrefix { src, rest, .. } => r(src).max(r(rest)),
            TryBegin { dst, .. } => span(dst, HANDLER_REGS as u32),
            Reraise { start } => span(start, HANDLER_REGS as u32),
            RecvWait { timeout, .. } => timeout.map_or(0, r),
            Jump { .. } | TryEnd | RecvNext { .. } | RecvAccept => 0,
        }
    }

    /// The register the instruction always writes when it completes (its
    /// result, `dst`), if any. A test that writes only when it passes
    /// (`IsCons`, `GetMapValue`, `IsBinaryPrefix`) has none here, and a
    /// `Take` also writes `[]` into its source.
    pub fn dst(&self) -> Option<Reg> {
        use Instr::*;
        match *self {
            Move { dst, .. }
            | Take { dst, .. }
            | Literal { dst, .. }
            | Int { dst, .. }
            | MakeTuple { dst, .. }
            | MakeList { dst, .. }
            | MakeMap { dst, .. }
            | UpdateMap { dst, .. }
            | Interpolate { dst, .. }
            | MakeClosure { dst, .. }
            | CallLocal { dst, .. }
            | CallRemote { dst, .. }
            | CallFun { dst, .. }
            | CallDynamic { dst, .. }
            | Apply { dst, .. }
            | Arith { dst, .. }
            | ArithImm { dst, .. }
            | Add { dst, .. }
            | Sub { dst, .. }
            | Mul { dst, .. }
            | AddImm { dst, .. }
            | SubImm { dst, .. }
            | MulImm { dst, .. }
            | Compare { dst, .. }
            | Bif { dst, .. }
            | GetElem { dst, .. } => Some(dst),
            _ => None,
        }
    }

    /// The instruction's jump targets (none for most instructions).
    pub fn labels(&self) -> smallvec::SmallVec<[Label; 2]> {
        let mut found = smallvec::SmallVec::new();
        let mut copy = *self;
        copy.map_labels(|l| {
            found.push(l);
            l
        });
        found
    }

    /// Applies `f` to every jump target of the instruction (the compiler
    /// emits symbolic labels and resolves them to indices with this).
    pub fn map_labels(&mut self, mut f: impl FnMut(Label) -> Label) {
        match self {
            Instr::Jump { target }
            | Instr::JumpIfFalsy { target, .. }
            | Instr::JumpUnlessTrue { target, .. }
            | Instr::JumpUnlessCompare { target, .. }
            | Instr::JumpUnlessCompareImm { target, .. } => *target = f(*target),
            Instr::IsEq { fail, .. }
            | Instr::IsEqInt { fail, .. }
            | Instr::IsEqAtom { fail, .. }
            | Instr::IsTuple { fail, .. }
            | Instr::IsCons { fail, .. }
            | Instr::IsEmptyList { fail, .. }
            | Instr::IsMap { fail, .. }
            | Instr::GetMapValue { fail, .. }
            | Instr::IsBinaryPrefix { fail, .. } => *fail = f(*fail),
            Instr::TryBegin { handler, .. } => *handler = f(*handler),
            Instr::RecvPeek { wait, .. } => *wait = f(*wait),
            Instr::RecvNext { peek } => *peek = f(*peek),
            Instr::RecvWait { peek, after, .. } => {
                *peek = f(*peek);
                *after = f(*after);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CmpOp;

    #[test]
    fn comparison_masks_agree_with_the_operators() {
        let ops = [
            CmpOp::Lt,
            CmpOp::Gt,
            CmpOp::Le,
            CmpOp::Ge,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::StrictEq,
            CmpOp::StrictNe,
        ];
        for x in -1i64..=1 {
            for y in -1i64..=1 {
                let expected = [x < y, x > y, x <= y, x >= y, x == y, x != y, x == y, x != y];
                for (op, want) in ops.into_iter().zip(expected) {
                    assert_eq!(op.holds(x.cmp(&y)), want, "{x} {op:?} {y}");
                }
            }
        }
    }
}
