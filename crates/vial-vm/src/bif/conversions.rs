//! Erlang's conversions between numbers, atoms, binaries and character
//! lists that Elixir programs call directly (`:erlang.float_to_binary/2`
//! to format a float with fixed decimals), and `unique_integer`.

use super::data::arg_error;
use super::{bif, BifDef};
use crate::error::Exception;
use crate::term::Term;
use std::sync::atomic::{AtomicI64, Ordering};

pub(super) static BIFS: &[BifDef] = &[
    bif!("erlang", "float_to_binary", 1, |_, a| float_to_binary(
        &a[0],
        &Term::EmptyList
    )),
    bif!("erlang", "float_to_binary", 2, |_, a| float_to_binary(
        &a[0], &a[1]
    )),
    bif!("erlang", "binary_to_list", 1, |_, a| binary_to_list(&a[0])),
    bif!("erlang", "atom_to_list", 1, |_, a| match &a[0] {
        Term::Atom(x) => Ok(charlist(x.name())),
        _ => Err(arg_error(1, "not an atom")),
    }),
    bif!("erlang", "integer_to_list", 1, |_, a| match &a[0] {
        Term::Int(n) => Ok(charlist(&n.to_string())),
        Term::Big(n) => Ok(charlist(&n.to_string())),
        _ => Err(arg_error(1, "not an integer")),
    }),
    bif!("erlang", "unique_integer", 0, |_, _| Ok(unique())),
    bif!("erlang", "unique_integer", 1, |_, _| Ok(unique())),
];

/// The characters of `text` as a list of code points.
fn charlist(text: &str) -> Term {
    Term::list(
        text.chars()
            .map(|c| Term::Int(c as i64))
            .collect::<Vec<_>>(),
    )
}

/// `:erlang.binary_to_list/1`: the bytes, as integers.
fn binary_to_list(t: &Term) -> Result<Term, Exception> {
    match t {
        Term::Binary(b) => Ok(Term::list(
            b.0.iter().map(|&x| Term::Int(x as i64)).collect::<Vec<_>>(),
        )),
        _ => Err(arg_error(1, "not a binary")),
    }
}

/// `:erlang.unique_integer/0,1`: distinct on each call within the VM.
/// Always positive and ascending, which every option list allows
/// (`[:positive]`, `[:monotonic]`).
fn unique() -> Term {
    static NEXT: AtomicI64 = AtomicI64::new(1);
    Term::Int(NEXT.fetch_add(1, Ordering::Relaxed))
}

/// `f` with `d` digits after the point, as Erlang's `float_to_binary`
/// computes it (erts `sys_double_to_chars_fast`): below 2^53 and with
/// fewer than 19 decimals, the fraction is scaled by 10^d in floating point
/// and rounded half away from zero (`0.045` gives `0.05`, `2.675` gives
/// `2.67`); beyond that, the exact value rounded as C's `printf` does. No
/// point for `d = 0`; a negative `f` keeps its sign even when it rounds to
/// zero.
fn fixed_decimals(f: f64, d: usize) -> String {
    let af = f.abs();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if af > (1u64 << 53) as f64 || d >= 19 {
        return format!("{f:.d$}");
    }
    if d == 0 {
        return format!("{sign}{}", af.round() as u64);
    }
    let scale = 10f64.powi(d as i32);
    let whole = af.floor();
    let mut int_part = whole as u64;
    let mut frac_part = ((af - whole) * scale).round();
    if frac_part >= scale {
        int_part += 1;
        frac_part = 0.0;
    }
    format!("{sign}{int_part}.{:0d$}", frac_part as u64)
}

/// `:erlang.float_to_binary(float, options)`: `[decimals: d]` (fixed, `d`
/// digits after the point, correctly rounded), with `:compact` dropping
/// trailing zeros but one; `[scientific: d]`, and no options, which is
/// `[scientific: 20]` (`1.00000000000000000000e+00`); `:short`, the
/// shortest text that reads back the same. Erlang/OTP 25 `erlang` docs.
fn float_to_binary(x: &Term, options: &Term) -> Result<Term, Exception> {
    let f = match x {
        Term::Float(f) => *f,
        _ => return Err(arg_error(1, "not a float")),
    };
    let mut decimals = None;
    let mut scientific = Some(20);
    let mut compact = false;
    let mut short = false;
    let mut items = options.iter_list();
    for o in items.by_ref() {
        match (o.as_atom(), o.as_tuple()) {
            (Some(a), _) if a.name() == "compact" => compact = true,
            (Some(a), _) if a.name() == "short" => short = true,
            (_, Some([Term::Atom(k), Term::Int(d)])) if (0..=253).contains(d) => match k.name() {
                "decimals" => (decimals, scientific) = (Some(*d as usize), None),
                "scientific" => (scientific, decimals) = (Some(*d as usize), None),
                _ => return Err(arg_error(2, "invalid option in list")),
            },
            _ => return Err(arg_error(2, "invalid option in list")),
        }
    }
    if !matches!(items.tail(), Term::EmptyList) {
        return Err(arg_error(2, "not a list"));
    }
    let text = if short {
        crate::inspect::format_float(f)
    } else if let Some(d) = decimals {
        let fixed = fixed_decimals(f, d);
        if compact && fixed.contains('.') {
            let trimmed = fixed.trim_end_matches('0');
            if trimmed.ends_with('.') {
                format!("{trimmed}0")
            } else {
                trimmed.to_string()
            }
        } else {
            fixed
        }
    } else {
        let d = scientific.unwrap_or(20);
        let rust = format!("{f:.d$e}");
        let (mantissa, exp) = rust.split_once('e').unwrap_or((&rust, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    };
    Ok(Term::string(&text))
}
