//! Control and data flow of single instructions: where execution may go
//! next and which registers an instruction reads. The compiler's liveness
//! pass and the loader's write-before-read check both rest on these.

use super::{Instr, Reg, HANDLER_REGS};

impl Instr {
    /// Whether execution may continue with the next instruction. Only the
    /// instructions that certainly never do are excluded.
    pub fn falls_through(&self) -> bool {
        use Instr::*;
        !matches!(
            *self,
            Return { .. }
                | Jump { .. }
                | Fail { .. }
                | TailCallLocal { .. }
                | TailCallSelf { .. }
                | TailCallRemote { .. }
                | TailCallFun { .. }
                | TailCallDynamic { .. }
                | TailApply { .. }
                | Reraise { .. }
        )
    }

    /// The `(source, destination)` pairs of a fused move (`Move2`,
    /// `Move3`), in the order they happen; empty for any other instruction.
    pub fn fused_moves(&self) -> smallvec::SmallVec<[(Reg, Reg); 3]> {
        match *self {
            Instr::Move2 { s1, d1, s2, d2 } => [(s1, d1), (s2, d2)].into_iter().collect(),
            Instr::Move3 {
                s1,
                d1,
                s2,
                d2,
                s3,
                d3,
            } => [(s1, d1), (s2, d2), (s3, d3)].into_iter().collect(),
            _ => smallvec::SmallVec::new(),
        }
    }

    /// Calls `f` with every register the instruction reads.
    pub fn reads(&self, mut f: impl FnMut(Reg)) {
        use Instr::*;
        let mut span = |start: Reg, n: u32| (0..n).for_each(|k| f(start + k as Reg));
        match *self {
            Move { src, .. } | Take { src, .. } => span(src, 1),
            Move2 { s1, s2, .. } => [s1, s2].into_iter().for_each(|r| span(r, 1)),
            Move3 { s1, s2, s3, .. } => [s1, s2, s3].into_iter().for_each(|r| span(r, 1)),
            Literal { .. } | Int { .. } => {}
            MakeTuple { start, n, .. } | Interpolate { start, n, .. } => span(start, n as u32),
            MakeList { start, n, tail, .. } => {
                span(start, n as u32);
                span(tail, 1);
            }
            MakeMap { start, n, .. } => span(start, 2 * n as u32),
            UpdateMap { map, start, n, .. } => {
                span(map, 1);
                span(start, 2 * n as u32);
            }
            MakeClosure { env, n, .. } => span(env, n as u32),
            // A kept argument is its parameter's register, read in place.
            TailCallSelf { args, argc, keep } => {
                (0..argc as Reg).for_each(|i| f(if kept(keep, i) { i } else { args + i }))
            }
            CallLocal { args, argc, .. }
            | TailCallLocal { args, argc, .. }
            | CallRemote { args, argc, .. }
            | TailCallRemote { args, argc, .. }
            | Apply { args, argc, .. }
            | TailApply { args, argc }
            | Bif { args, argc, .. } => span(args, argc as u32),
            CallFun {
                fun, args, argc, ..
            }
            | TailCallFun { fun, args, argc } => {
                span(fun, 1);
                span(args, argc as u32);
            }
            CallDynamic { args, argc, .. } | TailCallDynamic { args, argc } => {
                span(args, argc as u32 + 2)
            }
            Arith { a, b, .. }
            | Add { a, b, .. }
            | Sub { a, b, .. }
            | Mul { a, b, .. }
            | Compare { a, b, .. }
            | JumpUnlessCompare { a, b, .. }
            | IsEq { a, b, .. } => {
                span(a, 1);
                span(b, 1);
            }
            ArithImm { a, .. }
            | AddImm { a, .. }
            | SubImm { a, .. }
            | MulImm { a, .. }
            | JumpUnlessCompareImm { a, .. }
            | IsEqInt { a, .. }
            | IsEqAtom { a, .. } => span(a, 1),
            Return { src }
            | JumpIfFalsy { src, .. }
            | JumpUnlessTrue { src, .. }
            | Fail { src, .. }
            | IsTuple { src, .. }
            | GetElem { src, .. }
            | IsCons { src, .. }
            | IsEmptyList { src, .. }
            | IsMap { src, .. }
            | IsBinaryPrefix { src, .. } => span(src, 1),
            GetMapValue { map, key, .. } => {
                span(map, 1);
                span(key, 1);
            }
            Reraise { start } => span(start, HANDLER_REGS as u32),
            RecvWait { timeout, .. } => timeout.into_iter().for_each(|r| span(r, 1)),
            Jump { .. } | TryBegin { .. } | TryEnd | RecvPeek { .. } | RecvNext { .. } => {}
            RecvAccept => {}
        }
    }
}

/// Whether [`Instr::TailCallSelf`]'s `keep` mask keeps argument `i`.
#[inline(always)]
pub fn kept(keep: u8, i: Reg) -> bool {
    i < 8 && keep & (1 << i) != 0
}

/// The arguments of an [`Instr::TailCallSelf`] that move (those its `keep`
/// mask does not keep), in ascending order: the set bits of the first 8
/// positions, then every position from 8 on.
#[inline(always)]
pub fn moved_args(argc: u8, keep: u8) -> impl Iterator<Item = usize> {
    let low = u32::from(argc.min(8));
    let mut bits = !u32::from(keep) & ((1u32 << low) - 1);
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            i
        })
    })
    .chain(8..argc as usize)
}
