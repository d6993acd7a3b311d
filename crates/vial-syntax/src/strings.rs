//! Hand-written scanner for the bodies of strings, charlists, heredocs and
//! quoted atoms: escapes, `#{...}` interpolation (which re-enters the main
//! lexer) and heredoc indentation stripping with Elixir's rule (the
//! indentation of the closing `"""` is removed from every line).

use crate::ast::Span;
use crate::diagnostic::line_col;
use crate::lexer::{LexError, Lexer, MAX_INTERP_DEPTH};
use crate::token::{Piece, Token};

/// One raw item of a heredoc body, before indentation stripping.
enum Item {
    /// Raw text (escapes not yet resolved) and its source offset.
    Text(String, usize),
    /// The start of a source line in literal context.
    LineStart,
    /// An interpolation.
    Interp(Piece),
}

/// The character a one-letter escape `\c` stands for, if it is one.
pub(crate) fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        'a' => '\u{7}',
        'b' => '\u{8}',
        'd' => '\u{7f}',
        'e' => '\u{1b}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        's' => ' ',
        't' => '\t',
        'v' => '\u{b}',
        '0' => '\0',
        _ => return None,
    })
}

/// Resolves the escapes of raw literal text that starts at `offset`, into
/// bytes: `\xHH` stands for the byte `HH` (so `"\xFF"` is `<<255>>`, not
/// UTF-8), every other escape for a code point; the deprecated `\x{H*}`
/// and `\xH` are code points too, as in Elixir.
pub(crate) fn unescape(raw: &str, offset: usize) -> Result<Vec<u8>, LexError> {
    let mut out = Vec::with_capacity(raw.len());
    let mut chars = raw.char_indices().peekable();
    let push = |out: &mut Vec<u8>, c: char| {
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    };
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push(b'\\');
            break;
        };
        let bad =
            |what: &str| LexError::new(what.to_string(), Span::new(offset + i, offset + i + 2));
        match e {
            '\n' => {}
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => {
                chars.next();
            }
            'x' | 'u' => {
                let max = if e == 'x' { 2 } else { 4 };
                let mut digits = String::new();
                let braced = matches!(chars.peek(), Some((_, '{')));
                if braced {
                    chars.next();
                    loop {
                        match chars.next() {
                            Some((_, '}')) => break,
                            Some((_, d)) if d.is_ascii_hexdigit() && digits.len() < 6 => {
                                digits.push(d)
                            }
                            _ => return Err(bad("invalid hex escape sequence")),
                        }
                    }
                } else {
                    while digits.len() < max {
                        match chars.peek() {
                            Some((_, d)) if d.is_ascii_hexdigit() => {
                                digits.push(*d);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                }
                if digits.is_empty() || (e == 'u' && !braced && digits.len() < 4) {
                    return Err(bad("invalid Unicode escape sequence"));
                }
                let code = u32::from_str_radix(&digits, 16).map_err(|_| bad("invalid escape"))?;
                if e == 'x' && !braced && digits.len() == 2 {
                    out.push(code as u8);
                    continue;
                }
                let ch = char::from_u32(code).ok_or_else(|| bad("invalid Unicode code point"))?;
                push(&mut out, ch);
            }
            other => push(&mut out, simple_escape(other).unwrap_or(other)),
        }
    }
    Ok(out)
}

impl<'s> Lexer<'s> {
    /// Lexes an interpolation whose `#{` is at `hash`; returns the piece and
    /// the offset after its closing `}`.
    fn interpolation(&mut self, hash: usize) -> Result<(Piece, usize), LexError> {
        if self.interp_depth >= MAX_INTERP_DEPTH {
            return Err(LexError::new(
                "string interpolation nested too deeply",
                Span::new(hash, hash + 2),
            ));
        }
        self.interp_depth += 1;
        let result = self.run(hash + 2, Some(hash));
        self.interp_depth -= 1;
        let (tokens, end) = result?;
        Ok((Piece::Tokens(tokens, Span::new(hash, end)), end))
    }

    fn missing(&self, quote: &str, what: &str, open: usize) -> LexError {
        let line = line_col(self.src, open).0;
        LexError {
            message: format!("missing terminator: {quote} (for {what} starting at line {line})"),
            span: Span::new(self.src.len(), self.src.len()),
            incomplete: true,
        }
    }

    /// Scans a single-line-style quoted body starting at `pos` (after the
    /// opening quote at `open`) up to the closing `quote`. Returns the pieces
    /// and the offset after the closing quote.
    pub(crate) fn scan_quoted(
        &mut self,
        mut pos: usize,
        quote: char,
        open: usize,
        what: &str,
    ) -> Result<(Vec<Piece>, usize), LexError> {
        let mut pieces = Vec::new();
        let mut raw = String::new();
        let mut raw_start = pos;
        loop {
            let Some(c) = self.char_at(pos) else {
                return Err(self.missing(&quote.to_string(), what, open));
            };
            match c {
                '\\' => {
                    raw.push('\\');
                    pos += 1;
                    if let Some(e) = self.char_at(pos) {
                        raw.push(e);
                        pos += e.len_utf8();
                    }
                }
                '#' if self.char_at(pos + 1) == Some('{') => {
                    flush(&mut pieces, &mut raw, raw_start)?;
                    let (piece, next) = self.interpolation(pos)?;
                    pieces.push(piece);
                    pos = next;
                    raw_start = pos;
                }
                c if c == quote => {
                    flush(&mut pieces, &mut raw, raw_start)?;
                    return Ok((pieces, pos + 1));
                }
                c => {
                    raw.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }

    /// Scans a heredoc whose opening triple quote ends at `pos` (it starts at
    /// `open`). Returns the pieces, indentation stripped, and the offset after
    /// the closing triple quote. A `raw` heredoc (an uppercase sigil's,
    /// `~S"""`) keeps escapes and `#{` as written.
    pub(crate) fn scan_heredoc(
        &mut self,
        mut pos: usize,
        quote: char,
        open: usize,
        raw: bool,
    ) -> Result<(Vec<Piece>, usize), LexError> {
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        // Only whitespace may follow the opening quotes on their line.
        loop {
            match self.char_at(pos) {
                Some(' ' | '\t' | '\r') => pos += 1,
                Some('\n') => {
                    pos += 1;
                    break;
                }
                None => return Err(self.missing(&triple, "heredoc", open)),
                Some(_) => {
                    return Err(LexError::new(
                        format!(
                            "heredoc allows only zero or more whitespace characters followed by a new line after {triple}"
                        ),
                        Span::new(open, pos),
                    ))
                }
            }
        }
        let mut items = Vec::new();
        let (indent, end) = loop {
            // At the start of a line in literal context: is it the closer?
            let line = &self.src[pos..];
            let body = line.trim_start_matches([' ', '\t']);
            if body.starts_with(triple.as_str()) {
                let indent = line[..line.len() - body.len()].chars().count();
                break (indent, pos + (line.len() - body.len()) + 3);
            }
            items.push(Item::LineStart);
            pos = self.heredoc_line(pos, raw, open, &triple, &mut items)?;
        };
        Ok((strip_heredoc(items, indent, raw)?, end))
    }

    /// Scans one heredoc line (which may continue over several source lines
    /// through an interpolation) up to and including its newline.
    fn heredoc_line(
        &mut self,
        mut pos: usize,
        raw_text: bool,
        open: usize,
        triple: &str,
        items: &mut Vec<Item>,
    ) -> Result<usize, LexError> {
        let mut raw = String::new();
        let mut raw_start = pos;
        loop {
            let Some(c) = self.char_at(pos) else {
                return Err(self.missing(triple, "heredoc", open));
            };
            match c {
                '\\' if !raw_text => {
                    raw.push('\\');
                    pos += 1;
                    match self.char_at(pos) {
                        Some('\n') => {
                            raw.push('\n');
                            items.push(Item::Text(raw, raw_start));
                            return Ok(pos + 1);
                        }
                        Some(e) => {
                            raw.push(e);
                            pos += e.len_utf8();
                        }
                        None => {}
                    }
                }
                '#' if !raw_text && self.char_at(pos + 1) == Some('{') => {
                    items.push(Item::Text(std::mem::take(&mut raw), raw_start));
                    let (piece, next) = self.interpolation(pos)?;
                    items.push(Item::Interp(piece));
                    pos = next;
                    raw_start = pos;
                }
                '\n' => {
                    raw.push('\n');
                    items.push(Item::Text(raw, raw_start));
                    return Ok(pos + 1);
                }
                c => {
                    raw.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }

    /// The text of a literal that may not be interpolated (quoted atoms and
    /// keyword keys).
    pub(crate) fn plain_text(
        &self,
        pieces: Vec<Piece>,
        start: usize,
        end: usize,
        what: &str,
    ) -> Result<String, LexError> {
        let mut text = String::new();
        for piece in pieces {
            match piece {
                Piece::Lit(s) => text.push_str(&s),
                Piece::Bytes(_) => {
                    return Err(LexError::new(
                        format!("invalid UTF-8 in a quoted {what}"),
                        Span::new(start, end),
                    ))
                }
                _ => {
                    return Err(LexError::new(
                        format!("interpolation is not supported in a quoted {what}"),
                        Span::new(start, end),
                    ))
                }
            }
        }
        Ok(text)
    }
}

/// The charlist token of `pieces`: a charlist holds code points, so its
/// literal text must be UTF-8 (`'\xC3\xA9'` is `[233]`, `'\xFF'` an error,
/// as Elixir's `List.to_charlist`-style conversion makes it).
pub(crate) fn charlist(pieces: Vec<Piece>, span: Span) -> Result<Token, LexError> {
    for piece in &pieces {
        if let Piece::Bytes(bytes) = piece {
            let at = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let rest: Vec<String> = bytes[at..].iter().map(|b| b.to_string()).collect();
            return Err(LexError::new(
                format!("invalid encoding starting at <<{}>>", rest.join(", ")),
                span,
            ));
        }
    }
    Ok(Token::Charlist(pieces))
}

/// Pushes the pending raw text (if any) as an unescaped literal piece:
/// text, or bytes when `\xHH` escapes made it invalid UTF-8.
fn flush(pieces: &mut Vec<Piece>, raw: &mut String, start: usize) -> Result<(), LexError> {
    if !raw.is_empty() {
        pieces.push(match String::from_utf8(unescape(raw, start)?) {
            Ok(text) => Piece::Lit(text),
            Err(e) => Piece::Bytes(e.into_bytes()),
        });
        raw.clear();
    }
    Ok(())
}

/// Removes up to `indent` leading spaces/tabs from every line, then joins
/// adjacent text and resolves escapes (unless `raw`).
fn strip_heredoc(items: Vec<Item>, indent: usize, raw_text: bool) -> Result<Vec<Piece>, LexError> {
    if raw_text {
        let mut text = String::new();
        for item in items {
            if let Item::Text(line, _) = item {
                let mut skipped = 0;
                text.push_str(line.trim_start_matches(|c| {
                    let strip = (c == ' ' || c == '\t') && skipped < indent;
                    skipped += usize::from(strip);
                    strip
                }));
            }
        }
        return Ok(if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Lit(text)]
        });
    }
    let mut pieces = Vec::new();
    let mut raw = String::new();
    let mut raw_start = 0;
    let mut at_line_start = false;
    for item in items {
        match item {
            Item::LineStart => at_line_start = true,
            Item::Text(text, start) => {
                let text = if at_line_start {
                    let mut skipped = 0;
                    let stripped = text.trim_start_matches(|c| {
                        let strip = (c == ' ' || c == '\t') && skipped < indent;
                        skipped += usize::from(strip);
                        strip
                    });
                    stripped.to_string()
                } else {
                    text
                };
                if raw.is_empty() {
                    raw_start = start;
                }
                raw.push_str(&text);
                at_line_start = false;
            }
            Item::Interp(piece) => {
                flush(&mut pieces, &mut raw, raw_start)?;
                pieces.push(piece);
                at_line_start = false;
            }
        }
    }
    flush(&mut pieces, &mut raw, raw_start)?;
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::tokenize;
    use crate::token::Token;

    #[test]
    fn escapes() {
        let cases = [
            (r"a\nb", "a\nb"),
            (r"\t\r\e\s\0", "\t\r\u{1b} \0"),
            (r#"\\ \" \# \'"#, "\\ \" # '"),
            (r"\u00e9\u{1F600}\x41\x{42}", "é😀AB"),
            (r"\xC3\xA9\x{FF}\x7", "éÿ\u{7}"),
            ("a\\\nb", "ab"),
            (r"\q", "q"),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                unescape(raw, 0),
                Ok(expected.as_bytes().to_vec()),
                "{raw:?}"
            );
        }
        assert_eq!(unescape(r"a\xFFb", 0), Ok(vec![b'a', 255, b'b']));
        assert!(unescape(r"\u12", 0).is_err());
        assert!(unescape(r"\u{110000}", 0).is_err());
    }

    #[test]
    fn bytes_that_are_not_utf8() {
        let pieces = |src: &str| match tokenize(src)
            .map(|t| t.into_iter().map(|t| t.tok).collect::<Vec<_>>())
        {
            Ok(tokens) => tokens,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(
            pieces(r#""a\xFF""#),
            [Token::Str(vec![Piece::Bytes(vec![b'a', 255])])]
        );
        assert_eq!(
            pieces(r#""\xC3\xA9""#),
            [Token::Str(vec![Piece::Lit("é".into())])]
        );
        assert_eq!(
            pieces("\"\"\"\n  \\xFF\n  \"\"\""),
            [Token::Str(vec![Piece::Bytes(vec![255, b'\n'])])]
        );
        assert_eq!(
            pieces(r"'\xC3\xA9'"),
            [Token::Charlist(vec![Piece::Lit("é".into())])]
        );
        let err = tokenize(r"'a\xFF'").expect_err("a charlist is code points");
        assert_eq!(err.message, "invalid encoding starting at <<255>>");
        assert!(tokenize(r#":"\xFF""#).is_err());
    }

    fn heredoc(src: &str) -> Vec<Piece> {
        match tokenize(src).map(|t| t.into_iter().map(|t| t.tok).collect::<Vec<_>>()) {
            Ok(tokens) => match tokens.as_slice() {
                [Token::Str(p)] => p.clone(),
                other => panic!("{other:?}"),
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn heredoc_strips_closing_indentation() {
        assert_eq!(
            heredoc("\"\"\"\n    a\n      b\n    \"\"\""),
            [Piece::Lit("a\n  b\n".into())]
        );
        assert_eq!(
            heredoc("\"\"\"\n  two\n one\n  \"\"\""),
            [Piece::Lit("two\none\n".into())]
        );
        assert_eq!(heredoc("\"\"\"\n\"\"\""), Vec::<Piece>::new());
        let pieces = heredoc("\"\"\"\n  x #{y}\n    z\n  \"\"\"");
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], Piece::Lit("x ".into()));
        assert_eq!(pieces[2], Piece::Lit("\n  z\n".into()));
    }

    #[test]
    fn heredoc_needs_a_newline_after_the_opener() {
        let err = tokenize("\"\"\"abc\n\"\"\"").expect_err("inline heredoc");
        assert!(
            err.message.starts_with("heredoc allows only"),
            "{}",
            err.message
        );
    }
}
