//! `:io_lib.format/2` and the text of `:io.format/1,2,3` (`lib/io.ex`):
//! Erlang's control sequences `~F.P.PadModC` (STDLIB `io`, "format/3"):
//! `~p ~w ~P ~W ~s ~c ~f ~e ~g ~b ~B ~x ~X ~# ~+ ~i ~n ~~`, with field
//! width `F` (`-` to left-adjust), precision `P`, padding character `Pad`,
//! `*` taking a width or precision from the arguments, and the `t`/`l`
//! modifiers. Terms print in Erlang syntax ([`erl_terms`]).

mod erl_terms;

use super::{bif, BifDef, Ctx};
use crate::error::Exception;
use crate::inspect;
use crate::term::Term;
use num_bigint::BigInt;

pub(super) static BIFS: &[BifDef] = &[
    bif!("io_lib", "format", 2, io_lib_format),
    bif!("vial_io", "format", 2, io_format),
];

/// `:io_lib.format(format, args)`: a character list with, as in OTP, the
/// format's own characters at the top level and each control sequence's
/// text as a nested charlist (`['1', 32, 97, 110, 100, 32, 'x']` for
/// `"~p and ~s"`; the text of `~w` and `~p` is one flat charlist here,
/// where OTP nests it further).
fn io_lib_format(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let charlist = |s: &str| Term::list(s.chars().map(|c| Term::Int(c as i64)).collect::<Vec<_>>());
    let items: Vec<Term> = format(&args[0], &args[1])?
        .iter()
        .map(|piece| match piece {
            Piece::Char(c) => Term::Int(*c as i64),
            Piece::Text(s) => charlist(s),
        })
        .collect();
    Ok(Term::list(items))
}

/// `:vial_io.format(format, args)`: the text as a binary, for `:io.format`.
fn io_format(_: &mut Ctx, args: &[Term]) -> Result<Term, Exception> {
    let mut text = String::new();
    for piece in format(&args[0], &args[1])? {
        match piece {
            Piece::Char(c) => text.push(c),
            Piece::Text(s) => text.push_str(&s),
        }
    }
    Ok(Term::string(&text))
}

/// Part of a formatted text: a character of the format (or of `~n`,
/// `~~`), or the text of a control sequence.
enum Piece {
    Char(char),
    Text(String),
}

/// Elixir's report of a format that does not fit its arguments.
fn bad_format() -> Exception {
    super::data::arg_error(1, "wrong number of arguments")
}

/// The format (chardata or an atom) and the argument list, formatted.
fn format(fmt: &Term, args: &Term) -> Result<Vec<Piece>, Exception> {
    let fmt = match fmt {
        Term::Atom(a) => a.name().to_string(),
        t => inspect::to_string(t).ok_or_else(Exception::badarg)?,
    };
    let args = args.list_to_vec().ok_or_else(Exception::badarg)?;
    let mut args = args.into_iter();
    let mut out = Vec::new();
    // The output column, for `~p`.
    let mut col = 0;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        let piece = if c == '~' {
            let spec = Spec::parse(&mut chars, &mut args)?;
            match spec.control {
                'n' => Piece::Char('\n'),
                '~' => Piece::Char('~'),
                'i' => {
                    args.next().ok_or_else(bad_format)?;
                    continue;
                }
                _ => Piece::Text(spec.apply(&mut args, col)?),
            }
        } else {
            Piece::Char(c)
        };
        col = match &piece {
            Piece::Char('\n') => 0,
            Piece::Char(_) => col + 1,
            Piece::Text(s) => match s.rsplit_once('\n') {
                Some((_, last)) => last.chars().count(),
                None => col + s.chars().count(),
            },
        };
        out.push(piece);
    }
    if args.next().is_some() {
        return Err(bad_format());
    }
    Ok(out)
}

/// One control sequence.
struct Spec {
    left: bool,
    width: Option<usize>,
    precision: Option<usize>,
    pad: char,
    control: char,
}

impl Spec {
    fn parse(
        chars: &mut std::iter::Peekable<std::str::Chars>,
        args: &mut impl Iterator<Item = Term>,
    ) -> Result<Spec, Exception> {
        let left = chars.next_if_eq(&'-').is_some();
        let width = number(chars, args)?;
        let mut precision = None;
        let mut pad = ' ';
        if chars.next_if_eq(&'.').is_some() {
            precision = number(chars, args)?;
            if chars.next_if_eq(&'.').is_some() {
                pad = match chars.next().ok_or_else(bad_format)? {
                    // The pad character from the arguments.
                    '*' => match args.next() {
                        Some(Term::Int(c)) => u32::try_from(c)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(bad_format)?,
                        _ => return Err(bad_format()),
                    },
                    c => c,
                };
            }
        }
        while chars
            .next_if(|c| matches!(c, 't' | 'l' | 'k' | 'K'))
            .is_some()
        {}
        let control = chars.next().ok_or_else(bad_format)?;
        Ok(Spec {
            left,
            width,
            precision,
            pad,
            control,
        })
    }

    fn apply(
        &self,
        args: &mut impl Iterator<Item = Term>,
        col: usize,
    ) -> Result<String, Exception> {
        let mut next = || args.next().ok_or_else(bad_format);
        let text = match self.control {
            'c' => {
                let c = match next()? {
                    Term::Int(i) => char::from_u32(i as u32).ok_or_else(Exception::badarg)?,
                    _ => return Err(Exception::badarg()),
                };
                // The precision is the count, defaulting to the width.
                let n = self.precision.or(self.width).unwrap_or(1);
                return Ok(self.pad_to(&c.to_string().repeat(n), false));
            }
            's' => {
                let t = next()?;
                let s = match &t {
                    Term::Atom(a) => a.name().to_string(),
                    _ => inspect::to_string(&t).ok_or_else(Exception::badarg)?,
                };
                let s: String = match self.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                return Ok(self.pad_to(&s, true));
            }
            'w' => erl_terms::write(&next()?, false),
            'p' => erl_terms::pretty(&next()?, col),
            'W' => {
                let t = next()?;
                next()?;
                erl_terms::write(&t, false)
            }
            'P' => {
                let t = next()?;
                next()?;
                erl_terms::pretty(&t, col)
            }
            'f' | 'e' | 'g' => float(self.control, &next()?, self.precision)?,
            'b' | 'B' | 'x' | 'X' | '#' | '+' => {
                let n = next()?;
                let base = self.precision.unwrap_or(10);
                if !(2..=36).contains(&base) {
                    return Err(Exception::badarg());
                }
                let prefix = match self.control {
                    // The prefix is a charlist or an atom, as in OTP.
                    'x' | 'X' => match next()? {
                        Term::Atom(a) => a.name().to_string(),
                        t @ (Term::Cons(_) | Term::EmptyList) => {
                            inspect::to_string(&t).ok_or_else(Exception::badarg)?
                        }
                        _ => return Err(bad_format()),
                    },
                    '#' | '+' => format!("{base}#"),
                    _ => String::new(),
                };
                let lower = matches!(self.control, 'b' | 'x' | '+');
                integer(&n, base, lower, &prefix)?
            }
            _ => return Err(bad_format()),
        };
        Ok(self.pad_to(&text, false))
    }

    /// `text` padded to the field width; a longer text is cut to it for
    /// `~s` (`cut`) and replaced by `*`s otherwise, as `io_lib_format` does.
    fn pad_to(&self, text: &str, cut: bool) -> String {
        let Some(width) = self.width else {
            return text.to_string();
        };
        let len = text.chars().count();
        if len > width {
            return if cut {
                text.chars().take(width).collect()
            } else {
                "*".repeat(width)
            };
        }
        let padding: String = std::iter::repeat_n(self.pad, width - len).collect();
        if self.left {
            format!("{text}{padding}")
        } else {
            format!("{padding}{text}")
        }
    }
}

/// A field width or precision: digits, `*` (the next argument), or none.
fn number(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    args: &mut impl Iterator<Item = Term>,
) -> Result<Option<usize>, Exception> {
    if chars.next_if_eq(&'*').is_some() {
        return match args.next() {
            Some(Term::Int(n)) if n >= 0 => Ok(Some(n as usize)),
            _ => Err(bad_format()),
        };
    }
    let mut n: Option<usize> = None;
    while let Some(d) = chars.next_if(char::is_ascii_digit) {
        n = Some(n.unwrap_or(0) * 10 + d.to_digit(10).unwrap_or(0) as usize);
    }
    Ok(n)
}

/// `~f`, `~e` and `~g` of a float (an integer is an error, as in Erlang):
/// `~f` with `p` decimals (6), `~e` with `p` significant digits (6) and a
/// signed exponent of at least one digit, `~g` as `~f` from 0.1 to
/// 10000 and as `~e` outside.
fn float(control: char, t: &Term, precision: Option<usize>) -> Result<String, Exception> {
    let Term::Float(x) = t else {
        return Err(Exception::badarg());
    };
    let p = precision.unwrap_or(6);
    Ok(match control {
        'f' => fixed(*x, p),
        'e' => exponent(*x, p.max(2)),
        // OTP's `io_lib_format:fwrite_g/5`: the fixed style when the
        // precision covers the value's magnitude E (-2..3), else the
        // exponent style.
        _ => {
            let a = x.abs();
            let e: Option<i64> = [1.0e-1, 1.0e0, 1.0e1, 1.0e2, 1.0e3, 1.0e4]
                .iter()
                .position(|&limit| a < limit)
                .map(|i| i as i64 - 2);
            let p = p as i64;
            match e {
                Some(-1) if p <= 1 => fixed(*x, 1),
                Some(e) if p - 1 > e && e >= -1 => fixed(*x, (p - 1 - e) as usize),
                _ if p <= 1 => exponent(*x, 2),
                _ => exponent(*x, p as usize),
            }
        }
    })
}

/// `x` with `decimals` digits after the point, its exact value rounded
/// with ties away from zero (`float_to_list(X, [{decimals, D}])`:
/// `~.1f` of 2.25 is `2.3`).
fn fixed(x: f64, decimals: usize) -> String {
    // Enough digits to see whether the exact value is a tie.
    let long = format!("{:.*}", decimals + 25, x.abs());
    let (int_part, frac) = long.split_once('.').unwrap_or((&long, ""));
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(frac.bytes().take(decimals))
        .collect();
    if frac.as_bytes().get(decimals).is_some_and(|&d| d >= b'5') {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let (int_digits, frac_digits) = digits.split_at(split);
    // A negative number keeps its sign even when it rounds to zero.
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let int_text = String::from_utf8_lossy(int_digits);
    if decimals == 0 {
        format!("{sign}{int_text}")
    } else {
        format!("{sign}{int_text}.{}", String::from_utf8_lossy(frac_digits))
    }
}

/// `d.ddde+x` with `digits` significant digits.
fn exponent(x: f64, digits: usize) -> String {
    let text = format!("{x:.*e}", digits - 1);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{}", exp.abs())
}

/// An integer in `base`, with `prefix` after the sign.
fn integer(t: &Term, base: usize, lower: bool, prefix: &str) -> Result<String, Exception> {
    let n: BigInt = match t {
        Term::Int(i) => BigInt::from(*i),
        Term::Big(b) => (**b).clone(),
        _ => return Err(Exception::badarg()),
    };
    let digits = n.magnitude().to_str_radix(base as u32);
    let digits = if lower { digits } else { digits.to_uppercase() };
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    Ok(format!("{sign}{prefix}{digits}"))
}
