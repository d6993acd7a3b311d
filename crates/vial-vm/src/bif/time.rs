//! Time: `System.monotonic_time/0,1`, `System.system_time/0,1`,
//! `System.os_time/0,1`, `System.time_offset/0,1`,
//! `System.convert_time_unit/3` and their `:erlang`/`:os` counterparts
//! (ERTS "Time and Time Correction", the `erlang` module documentation).
//!
//! The native unit is the nanosecond (as on the BEAM on Linux:
//! `:erlang.convert_time_unit(1, :second, :native)` is `1_000_000_000`).
//! Monotonic time starts near `-2^59` ns, as the BEAM's does, so programs
//! that wrongly treat it as a point in real time notice. Conversions round
//! towards negative infinity (`erlang:convert_time_unit/3`).

use super::data::arg_error;
use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::inspect::inspect;
use crate::term::Term;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The BIFs of this module, by MFA.
pub(super) static BIFS: &[BifDef] = &[
    bif!("Elixir.System", "monotonic_time", 0, |_, _| Ok(Term::Int(
        monotonic()
    ))),
    bif!("Elixir.System", "monotonic_time", 1, |_, a| {
        in_unit(monotonic(), elixir_unit(&a[0])?)
    }),
    bif!("erlang", "monotonic_time", 0, |_, _| Ok(Term::Int(
        monotonic()
    ))),
    bif!("erlang", "monotonic_time", 1, |_, a| erlang_time(
        monotonic(),
        &a[0]
    )),
    bif!("Elixir.System", "system_time", 0, |_, _| Ok(Term::Int(
        system()
    ))),
    bif!("Elixir.System", "system_time", 1, |_, a| {
        in_unit(system(), elixir_unit(&a[0])?)
    }),
    bif!("erlang", "system_time", 0, |_, _| Ok(Term::Int(system()))),
    bif!("erlang", "system_time", 1, |_, a| erlang_time(
        system(),
        &a[0]
    )),
    bif!("Elixir.System", "os_time", 0, |_, _| Ok(
        Term::Int(system())
    )),
    bif!("Elixir.System", "os_time", 1, |_, a| in_unit(
        system(),
        elixir_unit(&a[0])?
    )),
    bif!("os", "system_time", 0, |_, _| Ok(Term::Int(system()))),
    bif!("os", "system_time", 1, |_, a| erlang_time(system(), &a[0])),
    bif!("Elixir.System", "time_offset", 0, |_, _| Ok(Term::Int(
        offset()
    ))),
    bif!("Elixir.System", "time_offset", 1, |_, a| in_unit(
        offset(),
        elixir_unit(&a[0])?
    )),
    bif!("erlang", "time_offset", 0, |_, _| Ok(Term::Int(offset()))),
    bif!("erlang", "time_offset", 1, |_, a| erlang_time(
        offset(),
        &a[0]
    )),
    bif!("erlang", "timestamp", 0, timestamp),
    bif!("os", "timestamp", 0, timestamp),
    bif!("Elixir.System", "convert_time_unit", 3, elixir_convert),
    bif!("erlang", "convert_time_unit", 3, erlang_convert),
];

/// Native units (nanoseconds) per second.
const NATIVE: u64 = 1_000_000_000;

/// Where monotonic time starts, in native units (`-2^59`, like the BEAM).
const MONOTONIC_START: i64 = -(1 << 59);

/// Monotonic time in native units: never goes back, unrelated to the date.
pub fn monotonic() -> i64 {
    static START: OnceLock<Instant> = OnceLock::new();
    let elapsed = START.get_or_init(Instant::now).elapsed().as_nanos();
    MONOTONIC_START.saturating_add(i64::try_from(elapsed).unwrap_or(i64::MAX))
}

/// System (wall-clock) time in native units since the Unix epoch.
pub fn system() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_nanos()).unwrap_or(i64::MAX),
    }
}

/// `system() - monotonic()`: what turns monotonic into system time.
fn offset() -> i64 {
    system() - monotonic()
}

/// A time unit as a number of parts per second (`:native` is nanoseconds,
/// `:perf_counter` too), by the names `erlang:convert_time_unit/3` accepts,
/// including the deprecated plural ones; `None` for anything else.
fn erlang_unit(t: &Term) -> Option<BigInt> {
    match t {
        Term::Atom(a) => Some(BigInt::from(match a.name() {
            "native" | "perf_counter" | "nanosecond" | "nano_seconds" => NATIVE,
            "microsecond" | "micro_seconds" => 1_000_000,
            "millisecond" | "milli_seconds" => 1_000,
            "second" | "seconds" => 1,
            _ => return None,
        })),
        Term::Int(n) if *n > 0 => Some(BigInt::from(*n)),
        Term::Big(b) if b.is_positive() => Some((**b).clone()),
        _ => None,
    }
}

/// A time unit as Elixir's `System` functions accept it
/// (`System.normalize_time_unit/1`): the singular names, `:native`,
/// `:perf_counter` or a positive integer; the deprecated plural names work
/// with a warning; anything else raises `ArgumentError`.
fn elixir_unit(t: &Term) -> Result<BigInt, Exception> {
    if let Term::Atom(a) = t {
        let singular = match a.name() {
            "seconds" => Some("second"),
            "milli_seconds" => Some("millisecond"),
            "micro_seconds" => Some("microsecond"),
            "nano_seconds" => Some("nanosecond"),
            _ => None,
        };
        if singular.is_some() {
            eprintln!(
                "warning: deprecated time unit: {}. A time unit should be :second, :millisecond, :microsecond, :nanosecond, or a positive integer",
                inspect(t)
            );
        }
    }
    erlang_unit(t).ok_or_else(|| {
        Exception::argument(format!(
            "unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got {}",
            inspect(t)
        ))
    })
}

/// `time` (an integer) converted from `from` to `to` parts per second,
/// rounded towards negative infinity.
fn convert(time: &Term, from: &BigInt, to: &BigInt) -> Term {
    if let (Term::Int(t), Some(f), Some(u)) = (time, from.to_i128(), to.to_i128()) {
        if let Some(product) = i128::from(*t).checked_mul(u) {
            // Units are positive, so the Euclidean quotient is the floor.
            let q = product.div_euclid(f);
            if let Ok(q) = i64::try_from(q) {
                return Term::Int(q);
            }
        }
    }
    let t = match time {
        Term::Int(t) => BigInt::from(*t),
        Term::Big(b) => (**b).clone(),
        _ => unreachable!("checked by the callers"),
    };
    Term::from_bigint((t * to).div_floor(from))
}

/// A native time in `unit` parts per second.
fn in_unit(native: i64, unit: BigInt) -> Result<Term, Exception> {
    Ok(convert(&Term::Int(native), &BigInt::from(NATIVE), &unit))
}

/// `:erlang.monotonic_time(unit)` and friends: `ArgumentError` ("invalid
/// time unit") for a bad unit.
fn erlang_time(native: i64, unit: &Term) -> Result<Term, Exception> {
    match erlang_unit(unit) {
        Some(u) => in_unit(native, u),
        None => Err(arg_error(1, "invalid time unit")),
    }
}

/// `:erlang.timestamp/0`: `{megaseconds, seconds, microseconds}` of system
/// time.
fn timestamp(_: &mut Ctx, _: &[Term]) -> Result<Term, Exception> {
    let us = system().div_euclid(1_000);
    Ok(Term::tuple([
        Term::Int(us.div_euclid(1_000_000_000_000)),
        Term::Int(us.div_euclid(1_000_000).rem_euclid(1_000_000)),
        Term::Int(us.rem_euclid(1_000_000)),
    ]))
}

/// `:erlang.convert_time_unit(time, from, to)`: every bad argument is
/// reported ("not an integer", "invalid time unit").
fn erlang_convert(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let from = erlang_unit(&args[1]);
    let to = erlang_unit(&args[2]);
    let mut errors = Vec::new();
    if !args[0].is_integer() {
        errors.push((1, "not an integer"));
    }
    if from.is_none() {
        errors.push((2, "invalid time unit"));
    }
    if to.is_none() {
        errors.push((3, "invalid time unit"));
    }
    match (from, to) {
        (Some(from), Some(to)) if errors.is_empty() => Ok(convert(&args[0], &from, &to)),
        _ => Err(super::data::arg_errors(&errors)),
    }
}

/// `System.convert_time_unit(time, from, to)`: Elixir checks both units
/// (raising its own `ArgumentError`), then calls
/// `:erlang.convert_time_unit/3`.
fn elixir_convert(ctx: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    elixir_unit(&args[1])?;
    elixir_unit(&args[2])?;
    erlang_convert(ctx, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str) -> BigInt {
        erlang_unit(&Term::atom(name)).unwrap()
    }

    fn conv(t: i64, from: &str, to: &str) -> Term {
        convert(&Term::Int(t), &unit(from), &unit(to))
    }

    #[test]
    fn conversion_rounds_towards_negative_infinity() {
        assert_eq!(conv(1500, "millisecond", "second"), Term::Int(1));
        assert_eq!(conv(-1500, "millisecond", "second"), Term::Int(-2));
        assert_eq!(conv(-1, "millisecond", "second"), Term::Int(-1));
        assert_eq!(conv(3, "second", "nanosecond"), Term::Int(3_000_000_000));
        assert_eq!(conv(1, "second", "native"), Term::Int(1_000_000_000));
        let sevenths = |t: i64| convert(&Term::Int(t), &BigInt::from(3), &BigInt::from(7));
        assert_eq!(sevenths(10), Term::Int(23));
        assert_eq!(sevenths(-10), Term::Int(-24));
    }

    #[test]
    fn conversion_overflows_into_big_integers() {
        let big = convert(&Term::Int(i64::MAX), &unit("second"), &unit("nanosecond"));
        assert_eq!(
            big,
            Term::from_bigint(BigInt::from(i64::MAX) * BigInt::from(NATIVE))
        );
    }

    #[test]
    fn monotonic_time_never_goes_back() {
        let a = monotonic();
        let b = monotonic();
        assert!(a <= b);
        assert!(a < 0);
        assert!(system() > 1_600_000_000 * NATIVE as i64);
    }

    #[test]
    fn units_are_checked() {
        assert!(erlang_unit(&Term::atom("bogus")).is_none());
        assert!(erlang_unit(&Term::Int(0)).is_none());
        assert_eq!(erlang_unit(&Term::Int(7)), Some(BigInt::from(7)));
        assert!(elixir_unit(&Term::atom("bogus")).is_err());
    }
}
