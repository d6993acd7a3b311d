//! Quoting strings, charlists and atoms the way Elixir 1.14 prints them:
//! `String.printable?/2`, `List.ascii_printable?/2` and
//! `Code.Identifier.escape/4` (`lib/elixir/lib/code/identifier.ex`).

/// How many characters of a string or charlist are printed before
/// ` <> ...` / ` ++ ...` (`Inspect.Opts` `printable_limit`).
pub const PRINTABLE_LIMIT: usize = 4096;

/// `String.printable?(bytes, PRINTABLE_LIMIT)`: valid UTF-8 made of printable
/// characters, checking only the first `PRINTABLE_LIMIT` characters.
pub fn printable_binary(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            // Invalid bytes past the limit are never looked at.
            let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            if prefix.chars().count() < PRINTABLE_LIMIT {
                return false;
            }
            prefix
        }
    };
    valid.chars().take(PRINTABLE_LIMIT).all(printable_char)
}

/// The characters `String.printable?/2` accepts.
fn printable_char(c: char) -> bool {
    let c = c as u32;
    matches!(c, 0x20..=0x7E | 7..=13 | 27 | 127 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// `List.ascii_printable?/2`'s characters: ASCII text and `\a..\r`, `\e`.
pub fn ascii_printable(c: i64) -> bool {
    matches!(c, 7..=13 | 27 | 32..=126)
}

/// `Code.Identifier.escape(text, delimiter, limit)`: the text with the
/// delimiter, backslash, `#{` and unprintable characters escaped. Returns the
/// escaped text and whether characters were left out past `limit`.
pub fn escape(bytes: &[u8], delimiter: char, limit: usize) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len() + 2);
    let mut rest = bytes;
    let mut count = 0;
    while !rest.is_empty() {
        if count == limit {
            return (out, true);
        }
        count += 1;
        if rest.starts_with(b"#{") {
            out.push_str("\\#{");
            rest = &rest[2..];
            continue;
        }
        match decode_char(rest) {
            Some((c, len)) => {
                rest = &rest[len..];
                if c == delimiter {
                    out.push('\\');
                    out.push(c);
                } else {
                    escape_char(c, &mut out);
                }
            }
            None => {
                out.push_str(&format!("\\x{:02X}", rest[0]));
                rest = &rest[1..];
            }
        }
    }
    (out, false)
}

/// The first UTF-8 character of `bytes` and its length, if valid.
fn decode_char(bytes: &[u8]) -> Option<(char, usize)> {
    let len = match bytes[0] {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(bytes.get(..len)?).ok()?;
    s.chars().next().map(|c| (c, len))
}

/// `escape_map/1`, then `escape_char/1`, of `Code.Identifier`.
fn escape_char(c: char, out: &mut String) {
    let named = match c {
        '\u{7}' => "\\a",
        '\u{8}' => "\\b",
        '\u{7F}' => "\\d",
        '\u{1B}' => "\\e",
        '\u{C}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{B}' => "\\v",
        '\\' => "\\\\",
        '\0' => "\\0",
        '\u{FEFF}' => "\\uFEFF",
        _ => "",
    };
    if !named.is_empty() {
        out.push_str(named);
        return;
    }
    let n = c as u32;
    match n {
        0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF => out.push(c),
        0..=0xFF => out.push_str(&format!("\\x{n:02X}")),
        0x100..=0xFFFF => out.push_str(&format!("\\x{{{n:04X}}}")),
        _ => out.push_str(&format!("\\x{{{n:06X}}}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_code_identifier() {
        let (s, cut) = escape("a\"b\\#{x}\u{1b}[0m\0\u{85}\u{FFFE}".as_bytes(), '"', 4096);
        assert_eq!(s, "a\\\"b\\\\\\#{x}\\e[0m\\0\\x85\\x{FFFE}");
        assert!(!cut);
        assert_eq!(escape(b"abcdef", '"', 3), ("abc".to_string(), true));
        assert_eq!(escape(b"'a'", '\'', 10).0, "\\'a\\'");
    }

    #[test]
    fn printable_follows_string_printable() {
        assert!(printable_binary("héllo\n\u{7f}".as_bytes()));
        assert!(!printable_binary(&[0]));
        assert!(!printable_binary(&[0xFF]));
        assert!(!printable_binary("\u{85}".as_bytes()));
    }
}
