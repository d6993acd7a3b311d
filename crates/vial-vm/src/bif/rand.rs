//! `:rand`: pseudo-random numbers, per process (OTP 25 `rand` module).
//!
//! The generators are OTP's `exsss` (Xorshift116\*\*, the default),
//! `exsplus` (Xorshift116+) and `exrop` (Xoroshiro116+), seeded and used
//! exactly as `rand.erl` does, so a seeded program draws the same numbers
//! as on the BEAM. The state lives in the process dictionary under
//! `:rand_seed`, as OTP keeps it: `{handler, [s0 | s1]}`, where `handler`
//! is a map with the algorithm's `:type` (its function entries name OTP's
//! internal functions, which Vial does not provide). A process that draws
//! before seeding gets an `exsss` state seeded from its pid and the clock.

mod alg;

use super::data::function_clause;
use super::{bif, BifDef, Ctx};
use crate::error::{exception_struct, Exception};
use crate::term::Term;
use crate::Atom;
use alg::{Alg, State, MASK58};
use num_bigint::{BigInt, Sign};
use std::sync::atomic::{AtomicU64, Ordering};

/// The BIFs of this module, by MFA.
pub(super) static BIFS: &[BifDef] = &[
    bif!("rand", "uniform", 0, uniform0),
    bif!("rand", "uniform", 1, uniform1),
    bif!("rand", "uniform_s", 1, uniform_s1),
    bif!("rand", "uniform_s", 2, uniform_s2),
    bif!("rand", "seed", 1, seed1),
    bif!("rand", "seed", 2, seed2),
    bif!("rand", "seed_s", 1, |_, a| Ok(seed_arg(&a[0])?.to_term())),
    bif!("rand", "seed_s", 2, |_, a| Ok(
        seed_with(&a[0], &a[1])?.to_term()
    )),
    bif!("rand", "export_seed", 0, export_seed),
];

/// The low 64 bits of an integer in two's complement (what `band` and the
/// 64-bit masks of `rand.erl` see).
fn low64(t: &Term) -> Option<u64> {
    match t {
        Term::Int(i) => Some(*i as u64),
        Term::Big(b) => {
            let bytes = b.to_signed_bytes_le();
            let fill = if b.sign() == Sign::Minus { 0xff } else { 0 };
            let mut le = [fill; 8];
            for (d, s) in le.iter_mut().zip(bytes) {
                *d = s;
            }
            Some(u64::from_le_bytes(le))
        }
        _ => None,
    }
}

/// `%ErlangError{original: reason}`, as `erlang:error(reason)` in
/// `rand.erl` raises.
fn erlang_error(reason: &str) -> Exception {
    Exception::error(exception_struct(
        "ErlangError",
        [("original", Term::atom(reason)), ("reason", Term::NIL)],
    ))
}

/// `seed_s(alg, seed)`: `seed` is `{a1, a2, a3}`, an integer, or a list of
/// two integers (masked to 58 bits, not both zero).
fn seed_with(alg: &Term, seed: &Term) -> Result<State, Exception> {
    let alg = alg
        .as_atom()
        .and_then(Alg::from_atom)
        .ok_or_else(|| function_clause("rand", "mk_alg", 1))?;
    let bad_seed = || function_clause("rand", &format!("{}_seed", alg.name()), 1);
    match seed {
        Term::Int(_) | Term::Big(_) => Ok(alg.seed_integer(low64(seed).expect("an integer"))),
        Term::Tuple(t) => match &t.0[..] {
            [a1, a2, a3] => {
                let words = [low64(a1), low64(a2), low64(a3)];
                match words {
                    [Some(a1), Some(a2), Some(a3)] => Ok(alg.seed_triple([a1, a2, a3])),
                    _ => Err(Exception::badarith()),
                }
            }
            _ => Err(bad_seed()),
        },
        Term::EmptyList => Err(erlang_error("zero_seed")),
        Term::Cons(_) => {
            let items = seed.list_to_vec().ok_or_else(bad_seed)?;
            let mut words = Vec::new();
            for item in &items {
                words.push(low64(item).ok_or_else(|| erlang_error("non_integer_seed"))? & MASK58);
            }
            match words[..] {
                [s0] if s0 != 0 => Ok(State::new(alg, s0, 0)),
                [s0, s1] if s0 != 0 || s1 != 0 => Ok(State::new(alg, s0, s1)),
                [_] | [_, _] => Err(erlang_error("zero_seed")),
                _ => Err(erlang_error("too_many_seed_integers")),
            }
        }
        _ => Err(bad_seed()),
    }
}

/// A fresh seed for `alg` from the process and the clock (OTP seeds from
/// `{phash2([{node(), self()}]), system_time(), unique_integer()}`).
fn random_state(alg: Alg, pid: u64) -> State {
    static UNIQUE: AtomicU64 = AtomicU64::new(1);
    let now = super::time::system() as u64;
    let unique = UNIQUE.fetch_add(1, Ordering::Relaxed);
    alg.seed_triple([pid.wrapping_mul(0x9e37_79b9), now, unique])
}

/// `seed_s(arg)`: an algorithm (seeded at random), a state or an exported
/// state.
fn seed_arg(arg: &Term) -> Result<State, Exception> {
    match arg {
        Term::Atom(a) => match Alg::from_atom(*a) {
            Some(alg) => Ok(random_state(alg, super::time::monotonic() as u64)),
            None => Err(function_clause("rand", "mk_alg", 1)),
        },
        _ => State::from_term(arg).ok_or_else(|| function_clause("rand", "seed_s", 1)),
    }
}

fn rand_seed_key() -> Term {
    Term::atom("rand_seed")
}

/// The caller's state from its dictionary, seeding it on first use.
fn get_state(ctx: &mut Ctx) -> Result<State, Exception> {
    let key = rand_seed_key();
    match ctx.proc.dict.iter().find(|(k, _)| *k == key) {
        Some((_, v)) => State::from_term(v).ok_or_else(|| function_clause("rand", "uniform_s", 1)),
        None => Ok(random_state(Alg::Exsss, ctx.proc.pid.0)),
    }
}

/// Stores `state` in the caller's dictionary; returns its term.
fn put_state(ctx: &mut Ctx, state: State) -> Term {
    let key = rand_seed_key();
    let value = state.to_term();
    match ctx.proc.dict.iter_mut().find(|(k, _)| *k == key) {
        Some((_, v)) => *v = value.clone(),
        None => ctx.proc.dict.push((key, value.clone())),
    }
    value
}

/// The `n` of `uniform(n)`: an integer `>= 1`, else `FunctionClauseError`
/// in `rand:uniform_s/2`, as on the BEAM.
fn range_arg(n: &Term) -> Result<BigInt, Exception> {
    match n {
        Term::Int(i) if *i >= 1 => Ok(BigInt::from(*i)),
        Term::Big(b) if b.sign() == Sign::Plus => Ok((**b).clone()),
        _ => Err(function_clause("rand", "uniform_s", 2)),
    }
}

/// `:rand.uniform()`: a float `0.0 <= x < 1.0`.
fn uniform0(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let mut st = get_state(ctx)?;
    let x = st.uniform();
    put_state(ctx, st);
    Ok(Term::Float(x))
}

/// `:rand.uniform(n)`: an integer `1 <= x <= n`.
fn uniform1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let n = range_arg(&args[0])?;
    let mut st = get_state(ctx)?;
    let x = st.uniform_n(&n);
    put_state(ctx, st);
    Ok(Term::from_bigint(x))
}

/// `:rand.uniform_s(state)`: `{float, new_state}`.
fn uniform_s1(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut st =
        State::from_term(&args[0]).ok_or_else(|| function_clause("rand", "uniform_s", 1))?;
    let x = st.uniform();
    Ok(Term::tuple([Term::Float(x), st.to_term()]))
}

/// `:rand.uniform_s(n, state)`: `{integer, new_state}`.
fn uniform_s2(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let n = range_arg(&args[0])?;
    let mut st =
        State::from_term(&args[1]).ok_or_else(|| function_clause("rand", "uniform_s", 2))?;
    let x = st.uniform_n(&n);
    Ok(Term::tuple([Term::from_bigint(x), st.to_term()]))
}

/// `:rand.seed(alg_or_state)`: seeds the caller; returns the state.
fn seed1(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let st = match &args[0] {
        Term::Atom(a) => match Alg::from_atom(*a) {
            Some(alg) => random_state(alg, ctx.proc.pid.0),
            None => return Err(function_clause("rand", "mk_alg", 1)),
        },
        other => seed_arg(other)?,
    };
    Ok(put_state(ctx, st))
}

/// `:rand.seed(alg, seed)`: seeds the caller deterministically; returns
/// the state.
fn seed2(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let st = seed_with(&args[0], &args[1])?;
    Ok(put_state(ctx, st))
}

/// `:rand.export_seed()`: `{alg, [s0 | s1]}`, or `:undefined` if the
/// caller never drew or seeded.
fn export_seed(ctx: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let key = rand_seed_key();
    let found = ctx.proc.dict.iter().find(|(k, _)| *k == key);
    Ok(match found.and_then(|(_, v)| State::from_term(v)) {
        Some(st) => Term::tuple([
            Term::atom(st.alg.name()),
            Term::cons(Term::Int(st.s0 as i64), Term::Int(st.s1 as i64)),
        ]),
        None => Term::Atom(Atom::UNDEFINED),
    })
}
