//! `update_counter/3,4` and `update_element/3`: in-place updates of the
//! object with a key, atomic under the table's write lock (OTP ets
//! documentation). Every operation is checked before any is applied, so a
//! failing list of operations changes nothing.

use super::{open, EtsResult};
use crate::bif::arith;
use crate::bif::Ctx;
use crate::ets::objects::Kind;
use crate::ets::{Cause, Need};
use crate::term::Term;
use std::cmp::Ordering;

/// One counter update: add `incr` to element `pos` (1-based; may be out of
/// range); with `{threshold, set}`, a result past `threshold` (above it
/// for `incr >= 0`, below it otherwise) becomes `set`.
struct Op {
    pos: i64,
    incr: Term,
    threshold: Option<(Term, Term)>,
}

/// A position as given: out-of-range big integers stay out of range.
fn position(t: &Term) -> Option<i64> {
    match t {
        Term::Int(n) => Some(*n),
        Term::Big(b) if b.sign() == num_bigint::Sign::Minus => Some(-1),
        Term::Big(_) => Some(i64::MAX),
        _ => None,
    }
}

/// One operation: `incr` (on the element after the key), `{pos, incr}`
/// or `{pos, incr, threshold, set}`, all integers.
fn parse_op(t: &Term, keypos: usize) -> Option<Op> {
    if t.is_integer() {
        return Some(Op {
            pos: keypos as i64 + 1,
            incr: t.clone(),
            threshold: None,
        });
    }
    match t.as_tuple()? {
        [pos, incr] if incr.is_integer() => Some(Op {
            pos: position(pos)?,
            incr: incr.clone(),
            threshold: None,
        }),
        [pos, incr, threshold, set]
            if incr.is_integer() && threshold.is_integer() && set.is_integer() =>
        {
            Some(Op {
                pos: position(pos)?,
                incr: incr.clone(),
                threshold: Some((threshold.clone(), set.clone())),
            })
        }
        _ => None,
    }
}

/// The operations, and whether a list was given (the result is then a
/// list).
fn parse_ops(t: &Term, keypos: usize) -> Option<(Vec<Op>, bool)> {
    match t {
        Term::EmptyList | Term::Cons(_) => {
            let items = t.list_to_vec()?;
            let ops = items
                .iter()
                .map(|o| parse_op(o, keypos))
                .collect::<Option<_>>()?;
            Some((ops, true))
        }
        _ => Some((vec![parse_op(t, keypos)?], false)),
    }
}

/// Checks that 1-based `pos` names a non-key element of an object of
/// `len` elements.
fn check_position(pos: i64, keypos: usize, len: usize) -> Result<usize, Cause> {
    if pos == keypos as i64 {
        return Err(Cause::KeyPos);
    }
    match usize::try_from(pos) {
        Ok(p) if p >= 1 && p <= len => Ok(p),
        _ => Err(Cause::Position),
    }
}

/// `update_counter(tab, key, op)` and `update_counter(tab, key, op,
/// default)`: applies the operations in order to the object with `key`
/// (or to `default` with `key` put in, inserted if the key is missing) and
/// returns the new value, or the list of new values for a list of
/// operations. Only `set` and `ordered_set` tables have counters.
pub(super) fn counter(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    if matches!(table.opts.kind, Kind::Bag | Kind::DuplicateBag) {
        return Err(Cause::TableType);
    }
    let keypos = table.opts.keypos;
    let default = match args.get(3) {
        Some(d) => match d.as_tuple() {
            Some(elems) if !elems.is_empty() => Some(elems),
            _ => return Err(Cause::None),
        },
        None => None,
    };
    let key = &args[1];
    let mut store = table.objects.write();
    let current = store.lookup(key).first().cloned();
    let mut elems = match (current, default) {
        (Some(obj), _) => obj.as_tuple().expect("ets objects are tuples").to_vec(),
        (None, None) => return Err(Cause::BadKey),
        (None, Some(d)) if d.len() < keypos => return Err(Cause::Position),
        (None, Some(d)) => {
            let mut elems = d.to_vec();
            elems[keypos - 1] = key.clone();
            elems
        }
    };
    let (ops, many) = parse_ops(&args[2], keypos).ok_or(Cause::None)?;
    let mut results = Vec::with_capacity(ops.len());
    for op in &ops {
        let pos = check_position(op.pos, keypos, elems.len())?;
        let value = &elems[pos - 1];
        if !value.is_integer() {
            return Err(Cause::None);
        }
        let mut new = arith::add(value, &op.incr).map_err(|_| Cause::None)?;
        if let Some((threshold, set)) = &op.threshold {
            let up = op.incr.compare(&Term::Int(0)) != Ordering::Less;
            let past = new.compare(threshold);
            if (up && past == Ordering::Greater) || (!up && past == Ordering::Less) {
                new = set.clone();
            }
        }
        elems[pos - 1] = new.clone();
        results.push(new);
    }
    store.insert(Term::tuple(elems));
    Ok(if many {
        Term::list(results)
    } else {
        results.pop().expect("one operation")
    })
}

/// `update_element(tab, key, {pos, value})` (or a list of them): replaces
/// elements of the object with `key`; `false` if there is none. Not for
/// bags.
pub(super) fn element(ctx: &mut Ctx, args: &[Term]) -> EtsResult {
    let table = open(ctx, &args[0], Need::Write)?;
    if matches!(table.opts.kind, Kind::Bag | Kind::DuplicateBag) {
        return Err(Cause::None);
    }
    let keypos = table.opts.keypos;
    let mut store = table.objects.write();
    let Some(obj) = store.lookup(&args[1]).first().cloned() else {
        return Ok(Term::FALSE);
    };
    let specs = match &args[2] {
        list @ (Term::EmptyList | Term::Cons(_)) => list.list_to_vec().ok_or(Cause::None)?,
        one => vec![one.clone()],
    };
    let mut elems = obj.as_tuple().expect("ets objects are tuples").to_vec();
    for spec in &specs {
        let Some([pos, value]) = spec.as_tuple() else {
            return Err(Cause::None);
        };
        let pos = match position(pos) {
            Some(p) if p >= 1 => p,
            _ => return Err(Cause::None),
        };
        let pos = check_position(pos, keypos, elems.len()).map_err(|c| match c {
            Cause::KeyPos => Cause::KeyPos,
            _ => Cause::None,
        })?;
        elems[pos - 1] = value.clone();
    }
    store.insert(Term::tuple(elems));
    Ok(Term::TRUE)
}
