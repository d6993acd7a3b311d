//! `Base`: hexadecimal and base 64 encodings of binaries (Elixir 1.14
//! `lib/elixir/lib/base.ex`; RFC 4648). Decoding returns `{:ok, binary}`
//! or `{:error, message}` with the message of Elixir's `!` form (which
//! `lib/base.ex` raises, or turns into `:error`).

use super::{bif, BifDef};
use crate::error::Exception;
use crate::term::Term;

pub(super) static BIFS: &[BifDef] = &[
    bif!("vial_base", "encode16", 2, |_, a| encode16(&a[0], &a[1])),
    bif!("vial_base", "decode16", 2, |_, a| decode16(&a[0], &a[1])),
    bif!("vial_base", "encode64", 3, |_, a| encode64(
        &a[0], &a[1], &a[2]
    )),
    bif!("vial_base", "decode64", 3, |_, a| decode64(
        &a[0], &a[1], &a[2]
    )),
];

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn bytes(t: &Term) -> Result<&[u8], Exception> {
    match t {
        Term::Binary(b) => Ok(&b.0),
        _ => Err(Exception::badarg()),
    }
}

/// `{:error, message}`.
fn failed(message: String) -> Result<Term, Exception> {
    Ok(Term::tuple([Term::atom("error"), Term::string(&message)]))
}

/// Elixir's message for a byte outside the alphabet.
fn bad_char(c: u8) -> Result<Term, Exception> {
    let shown = crate::inspect::inspect(&Term::binary(vec![c]));
    failed(format!("non-alphabet character found: {shown} (byte {c})"))
}

fn atom_is(t: &Term, name: &str) -> bool {
    t.as_atom().is_some_and(|a| a.name() == name)
}

/// `encode16(data, case)`: two hex digits per byte, `:upper` or `:lower`.
fn encode16(data: &Term, case: &Term) -> Result<Term, Exception> {
    let digits: &[u8; 16] = if atom_is(case, "lower") {
        b"0123456789abcdef"
    } else {
        b"0123456789ABCDEF"
    };
    let out: Vec<u8> = bytes(data)?
        .iter()
        .flat_map(|b| [digits[(b >> 4) as usize], digits[(b & 15) as usize]])
        .collect();
    Ok(Term::binary(out))
}

/// `decode16(string, case)`: `:upper` accepts only uppercase digits,
/// `:lower` only lowercase, `:mixed` both.
fn decode16(string: &Term, case: &Term) -> Result<Term, Exception> {
    let s = bytes(string)?;
    let digit = |c: u8| -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'A'..=b'F' if !atom_is(case, "lower") => Some(c - b'A' + 10),
            b'a'..=b'f' if !atom_is(case, "upper") => Some(c - b'a' + 10),
            _ => None,
        }
    };
    if s.len() % 2 != 0 {
        return failed("odd-length string".into());
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            (None, _) => return bad_char(pair[0]),
            (_, None) => return bad_char(pair[1]),
        }
    }
    Ok(Term::tuple([Term::OK, Term::binary(out)]))
}

/// `encode64(data, url, padding)`: base 64 with the standard or URL-safe
/// alphabet, `=` padding unless `padding` is false.
fn encode64(data: &Term, url: &Term, padding: &Term) -> Result<Term, Exception> {
    let alphabet = if url.is_truthy() { URL } else { STANDARD };
    let mut out = Vec::new();
    for chunk in bytes(data)?.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | b as u32) << (8 * (3 - chunk.len()));
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize]);
            } else if padding.is_truthy() {
                out.push(b'=');
            }
        }
    }
    Ok(Term::binary(out))
}

/// `decode64(string, url, padding)`: `{:ok, data}` or `:error`; with
/// `padding` true the `=` padding is required, else optional.
fn decode64(string: &Term, url: &Term, padding: &Term) -> Result<Term, Exception> {
    let alphabet = if url.is_truthy() { URL } else { STANDARD };
    let s = bytes(string)?;
    let body: &[u8] = {
        let trimmed = s.iter().rposition(|&c| c != b'=').map_or(0, |i| i + 1);
        let pad = s.len() - trimmed;
        let well_padded = s.len() % 4 == 0 && pad <= 2;
        if padding.is_truthy() && !well_padded || pad > 2 {
            return failed("incorrect padding".into());
        }
        &s[..trimmed]
    };
    if body.len() % 4 == 1 {
        return failed("incorrect padding".into());
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.chunks(4) {
        let mut n = 0u32;
        for &c in chunk {
            let Some(v) = alphabet.iter().position(|&a| a == c) else {
                return bad_char(c);
            };
            n = n << 6 | v as u32;
        }
        n <<= 6 * (4 - chunk.len());
        let bytes = chunk.len() - 1;
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(Term::tuple([Term::OK, Term::binary(out)]))
}
