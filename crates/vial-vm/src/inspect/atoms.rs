//! How atoms print: `Macro.inspect_atom/2` and `Macro.classify_atom/1` of
//! Elixir 1.14 (`lib/elixir/lib/macro.ex`), with the identifier rules of
//! `String.Tokenizer` (`lib/elixir/unicode/tokenizer.ex`).

use super::escape::escape;

/// What an atom needs to print (`Macro.classify_atom/1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// `Elixir.Foo.Bar`: prints as `Foo.Bar`.
    Alias,
    /// Prints bare after the colon: identifiers, `:Foo`, `:foo@bar`,
    /// operators, `:%{}`...
    Unquoted,
    /// Needs quotes: `:"with space"`.
    Quoted,
}

/// Atoms that are special forms, printed bare (`not_callable` in
/// `Macro.inner_classify/1`).
const NOT_CALLABLE: &[&str] = &["%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"];

/// Operators that must be quoted as atoms.
const QUOTED_OPERATORS: &[&str] = &["::", "^^^", "~~~", "<|>"];

/// Unary and binary operators (`Code.Identifier.unary_op/1`, `binary_op/1`,
/// without `//`), printed bare.
const OPERATORS: &[&str] = &[
    "&", "!", "^", "not", "+", "-", "@", "<-", "\\\\", "when", "|", "=", "||", "|||", "or", "&&",
    "&&&", "and", "==", "!=", "=~", "===", "!==", "<", "<=", ">=", ">", "|>", "<<<", ">>>", "<~",
    "~>", "<<~", "~>>", "<~>", "in", "++", "--", "<>", "+++", "---", "*", "/", "**",
];

fn classify(name: &str) -> Class {
    if NOT_CALLABLE.contains(&name) {
        Class::Unquoted
    } else if QUOTED_OPERATORS.contains(&name) {
        Class::Quoted
    } else if OPERATORS.contains(&name) {
        Class::Unquoted
    } else if is_alias(name) {
        Class::Alias
    } else if is_identifier(name) {
        Class::Unquoted
    } else {
        Class::Quoted
    }
}

/// `Macro.valid_alias?/1`: `Elixir` followed by `.Upper...` pieces.
fn is_alias(name: &str) -> bool {
    let Some(mut rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    while !rest.is_empty() {
        let Some(piece) = rest.strip_prefix('.') else {
            return false;
        };
        if !piece.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        rest = piece.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    }
    true
}

/// Whether `String.Tokenizer.tokenize/1` reads the whole name as one
/// identifier or alias token, with an optional final `?` or `!` and any `@`.
///
/// ASCII names follow the tokenizer exactly. For other letters this is an
/// approximation of Unicode's identifier rules (UAX #31): letters and digits
/// of one script (Latin may mix with Han, Hiragana, Katakana or Hangul),
/// without combining marks or characters that NFKC normalization changes.
fn is_identifier(name: &str) -> bool {
    let body = name.strip_suffix(['?', '!']).unwrap_or(name);
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first == '_' || first.is_ascii_alphabetic() || unicode_letter(first)) {
        return false;
    }
    let mut scripts = Scripts::default();
    body.chars().all(|c| {
        c == '_'
            || c == '@'
            || c.is_ascii_digit()
            || c.is_ascii_alphabetic()
            || (unicode_letter(c) && !c.is_numeric())
    }) && body.chars().all(|c| scripts.add(c))
}

/// A non-ASCII letter that is its own NFKC form.
fn unicode_letter(c: char) -> bool {
    let n = c as u32;
    if n < 0x80 || !c.is_alphabetic() {
        return false;
    }
    // Compatibility characters: ª µ º ĳ Ĳ ŀ Ŀ ŉ ſ, DŽ..ǌ, Ǳ..ǳ, ligatures,
    // Roman numerals, fullwidth and halfwidth forms, letterlike symbols.
    !matches!(n, 0xAA | 0xB5 | 0xBA | 0x132 | 0x133 | 0x13F | 0x140 | 0x149 | 0x17F | 0x1C4..=0x1CC | 0x1F1..=0x1F3
        | 0x2070..=0x209F | 0x2100..=0x218F | 0xFB00..=0xFB4F | 0xFF00..=0xFFEF)
}

/// The writing systems seen so far in a name.
#[derive(Default)]
struct Scripts {
    latin: bool,
    cjk: bool,
    other: Option<Script>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Greek,
    Cyrillic,
    Block(u32),
}

impl Scripts {
    /// Records `c`'s script; false when the name now mixes scripts.
    fn add(&mut self, c: char) -> bool {
        let n = c as u32;
        if !c.is_alphabetic() && (n < 0x80 || !c.is_numeric()) {
            return true;
        }
        match n {
            0..=0x24F | 0x1E00..=0x1EFF => self.latin = true,
            0x3040..=0x30FF
            | 0x3100..=0x312F
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0x1100..=0x11FF => self.cjk = true,
            _ => {
                let script = match n {
                    0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
                    0x400..=0x52F => Script::Cyrillic,
                    _ => Script::Block(n >> 7),
                };
                if self.other.is_some_and(|s| s != script) {
                    return false;
                }
                self.other = Some(script);
            }
        }
        self.other.is_none() || !(self.latin || self.cjk)
    }
}

/// `Macro.inspect_atom(:literal, atom)`: `:ok`, `nil`, `Foo.Bar`, `:"a b"`.
pub fn literal(name: &str) -> String {
    if matches!(name, "nil" | "true" | "false") {
        return name.to_string();
    }
    match classify(name) {
        Class::Alias => match name {
            "Elixir" | "Elixir.Elixir" => name.to_string(),
            _ if name.starts_with("Elixir.Elixir.") => name.to_string(),
            _ => name["Elixir.".len()..].to_string(),
        },
        Class::Quoted => format!(":\"{}\"", escape(name.as_bytes(), '"', usize::MAX).0),
        Class::Unquoted => format!(":{name}"),
    }
}

/// `Macro.inspect_atom(:key, atom)`: the atom as a keyword key, `ok:` or
/// `"a b":`.
pub fn key(name: &str) -> String {
    match classify(name) {
        Class::Alias => format!("\"{name}\":"),
        Class::Quoted => format!("\"{}\":", escape(name.as_bytes(), '"', usize::MAX).0),
        Class::Unquoted => format!("{name}:"),
    }
}

/// `Macro.inspect_atom(:remote_call, atom)`: a function name after `Mod.`.
pub fn remote_call(name: &str) -> String {
    if OPERATORS.contains(&name)
        || QUOTED_OPERATORS.contains(&name)
        || (is_identifier(name) && !name.contains('@'))
    {
        let first_upper = name.starts_with(|c: char| c.is_uppercase());
        if !first_upper {
            return name.to_string();
        }
    }
    format!("\"{}\"", escape(name.as_bytes(), '"', usize::MAX).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings are Elixir 1.14's `inspect/1` of each atom.
    #[test]
    fn literal_atoms() {
        let cases = [
            ("ok", ":ok"),
            ("with space", ":\"with space\""),
            ("9lives", ":\"9lives\""),
            ("dash-ed", ":\"dash-ed\""),
            ("question?", ":question?"),
            ("bang!", ":bang!"),
            ("a?b", ":\"a?b\""),
            ("+", ":+"),
            ("==", ":=="),
            ("::", ":\"::\""),
            ("//", ":\"//\""),
            ("..//", ":..//"),
            ("%{}", ":%{}"),
            ("\\\\", ":\\\\"),
            ("Elixir.Foo.Bar", "Foo.Bar"),
            ("Elixir.foo", ":\"Elixir.foo\""),
            ("Elixir.Foo.", ":\"Elixir.Foo.\""),
            ("Elixir", "Elixir"),
            ("Elixir.Elixir.Foo", "Elixir.Elixir.Foo"),
            ("CamelCase", ":CamelCase"),
            ("foo@bar", ":foo@bar"),
            ("@", ":@"),
            ("_", ":_"),
            ("", ":\"\""),
            ("a\nb", ":\"a\\nb\""),
            ("not in", ":\"not in\""),
            ("nil", "nil"),
            ("olá", ":olá"),
            ("Olá", ":Olá"),
            ("Ωmega", ":\"Ωmega\""),
            ("αβ", ":αβ"),
            ("日本語", ":日本語"),
            ("中a", ":中a"),
            ("µ", ":\"µ\""),
            ("x١", ":\"x١\""),
            ("😀", ":\"😀\""),
            ("@a", ":\"@a\""),
            ("a@b?", ":a@b?"),
            ("a?@", ":\"a?@\""),
            ("A@b", ":A@b"),
            ("Elixir.Foo.Bar?", ":\"Elixir.Foo.Bar?\""),
            ("Foo.Bar", ":\"Foo.Bar\""),
            ("Elixir.Foo_bar.Baz9", "Foo_bar.Baz9"),
        ];
        for (name, want) in cases {
            assert_eq!(literal(name), want, "{name}");
        }
    }

    #[test]
    fn key_atoms() {
        assert_eq!(key("ok"), "ok:");
        assert_eq!(key("my key"), "\"my key\":");
        assert_eq!(key("Elixir"), "\"Elixir\":");
        assert_eq!(key("nil"), "nil:");
        assert_eq!(key("+"), "+:");
        assert_eq!(key("Foo"), "Foo:");
    }
}
