//! Sigils: `~s`, `~c` and `~w` with their uppercase (raw) forms, lexed into
//! the tokens of the literal they stand for (Elixir's `Kernel.sigil_s/2`,
//! `sigil_c/2`, `sigil_w/2`).
//!
//! The delimiters are Elixir's eight: `( )`, `[ ]`, `{ }`, `< >`, and
//! `/`, `|`, `"`, `'` closing themselves; a sigil ends at the first
//! unescaped closing delimiter (they do not nest). A lowercase sigil
//! resolves escapes and interpolations as a string does; an uppercase one
//! keeps its text as written, except that `\` before the closing delimiter
//! stands for the delimiter. Letters right after the closing delimiter are
//! modifiers: `~w` takes `s` (strings, the default), `a` (atoms) or `c`
//! (charlists).
//!
//! A sigil may also be a heredoc, `~s"""` or `~S'''` to a closing triple
//! quote on a line of its own, whose indentation is stripped as a
//! heredoc's; an uppercase heredoc sigil keeps escapes and `#{` as written.

use crate::ast::Span;
use crate::lexer::{LexError, Lexer};
use crate::strings::charlist;
use crate::token::{Piece, Token};

impl<'s> Lexer<'s> {
    /// Lexes a sigil whose `~` spans `tilde..after`. Returns the tokens it
    /// stands for and the offset after its modifiers.
    pub(crate) fn sigil(
        &mut self,
        tilde: usize,
        after: usize,
    ) -> Result<(Vec<Token>, usize), LexError> {
        let error = |message: String, end: usize| LexError::new(message, Span::new(tilde, end));
        let letter = match self.char_at(after) {
            Some(c) if c.is_ascii_alphabetic() => c,
            _ => return Err(error("sigil ~ must be followed by a letter".into(), after)),
        };
        let open = after + 1;
        let heredoc = ["\"\"\"", "'''"]
            .into_iter()
            .find(|triple| self.src[open..].starts_with(triple));
        let close = match self.char_at(open) {
            Some('(') => ')',
            Some('[') => ']',
            Some('{') => '}',
            Some('<') => '>',
            Some(c @ ('/' | '|' | '"' | '\'')) => c,
            _ => {
                return Err(error(
                    format!("invalid sigil delimiter after ~{letter}"),
                    open,
                ))
            }
        };
        let (pieces, mut end) = if heredoc.is_some() {
            let raw = letter.is_ascii_uppercase();
            self.scan_heredoc(open + 3, close, open, raw)?
        } else if letter.is_ascii_lowercase() {
            self.scan_quoted(open + 1, close, tilde, "sigil")?
        } else {
            self.scan_raw(open + 1, close, tilde)?
        };
        let modifiers_start = end;
        while self.char_at(end).is_some_and(|c| c.is_ascii_alphabetic()) {
            end += 1;
        }
        let modifiers = &self.src[modifiers_start..end];
        let tokens = match (letter.to_ascii_lowercase(), modifiers) {
            ('s', "") => vec![Token::Str(pieces)],
            ('c', "") => vec![charlist(pieces, Span::new(tilde, end))?],
            ('w', "" | "s" | "a" | "c") => {
                let text = self.plain_text(pieces, tilde, end, "~w sigil")?;
                words(&text, modifiers)
            }
            ('s' | 'c' | 'w', _) => {
                return Err(error(
                    format!("invalid modifiers for ~{letter}: {modifiers}"),
                    end,
                ))
            }
            _ => return Err(error(format!("sigil ~{letter} is not supported"), end)),
        };
        Ok((tokens, end))
    }

    /// The text of an uppercase sigil from `pos` to the closing delimiter,
    /// and the offset after the delimiter.
    fn scan_raw(
        &self,
        mut pos: usize,
        close: char,
        open: usize,
    ) -> Result<(Vec<Piece>, usize), LexError> {
        let mut text = String::new();
        loop {
            match self.char_at(pos) {
                None => {
                    return Err(LexError::new(
                        format!("missing terminator: {close} (for sigil starting here)"),
                        Span::new(open, pos),
                    ))
                }
                Some('\\') if self.char_at(pos + 1) == Some(close) => {
                    text.push(close);
                    pos += 1 + close.len_utf8();
                }
                Some(c) if c == close => {
                    let pieces = if text.is_empty() {
                        vec![]
                    } else {
                        vec![Piece::Lit(text)]
                    };
                    return Ok((pieces, pos + 1));
                }
                Some(c) => {
                    text.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }
}

/// The tokens of the list `~w` makes of `text`: its whitespace-separated
/// words as strings, atoms (`a`) or charlists (`c`).
fn words(text: &str, modifier: &str) -> Vec<Token> {
    let mut tokens = vec![Token::LBracket];
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            tokens.push(Token::Comma);
        }
        let lit = vec![Piece::Lit(word.to_string())];
        tokens.push(match modifier {
            "a" => Token::Atom(word.to_string()),
            "c" => Token::Charlist(lit),
            _ => Token::Str(lit),
        });
    }
    tokens.push(Token::RBracket);
    tokens
}

#[cfg(test)]
mod tests {
    use crate::lexer::tokenize;

    fn error(src: &str) -> String {
        tokenize(src).expect_err(src).message
    }

    #[test]
    fn unsupported_sigils_and_bad_forms_are_errors() {
        assert_eq!(error("~r/a+/"), "sigil ~r is not supported");
        assert_eq!(error("~w(a b)x"), "invalid modifiers for ~w: x");
        assert_eq!(error("~s(a)a"), "invalid modifiers for ~s: a");
        assert_eq!(error("~w#a#"), "invalid sigil delimiter after ~w");
        assert_eq!(error("~(a)"), "sigil ~ must be followed by a letter");
        assert!(error("~s(abc").starts_with("missing terminator"));
        assert!(error("~S(abc").starts_with("missing terminator"));
    }
}
