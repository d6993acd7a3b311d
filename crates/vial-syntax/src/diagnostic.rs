//! Renderer-neutral diagnostics and their rendering at the edge.

use crate::ast::Span;

/// A problem found in source text, by the parser or the compiler.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// One-line message, e.g. `syntax error before: ')'`.
    pub message: String,
    /// Where in the source; the caret goes under `span.start`.
    pub span: Span,
    /// An optional extra sentence shown under the snippet.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without a hint.
    pub fn new(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            span,
            hint: None,
        }
    }
}

/// The 1-based line and column (counted in characters) of byte `offset`.
///
/// An offset past the end, or inside a multi-byte character, is clamped to
/// the nearest character boundary before it.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Renders a diagnostic for a terminal or a log, Elixir-style:
///
/// ```text
/// app.exs:2:8: syntax error before: ')'
///   |
/// 2 | foo(1, )
///   |        ^
///   |
///   = hint: ...
/// ```
///
/// The first line is always exactly `file:line:col: message` (1-based,
/// column in characters). The snippet below it is drawn by
/// `codespan-reporting` (its own `error:` header and `-->` locus lines are
/// left out, since the first line already says both).
pub fn render(file_name: &str, source: &str, d: &Diagnostic) -> String {
    let (line, col) = line_col(source, d.span.start as usize);
    let mut out = format!("{file_name}:{line}:{col}: {}\n", d.message);
    match codespan_snippet(file_name, source, d) {
        Some(snippet) => out.push_str(&snippet),
        None => out.push_str(&plain_snippet(source, d, line, col)),
    }
    out
}

/// Clamps a byte offset into `source` onto a character boundary.
fn clamp(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The source snippet drawn by codespan-reporting, without its header and
/// locus lines.
fn codespan_snippet(file_name: &str, source: &str, d: &Diagnostic) -> Option<String> {
    use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, Chars, Config};

    let start = clamp(source, d.span.start as usize);
    let end = clamp(source, d.span.end as usize).max(start);
    let file = SimpleFile::new(file_name, source);
    let mut diagnostic = CsDiagnostic::error()
        .with_message(d.message.as_str())
        .with_labels(vec![Label::primary((), start..end)]);
    if let Some(hint) = &d.hint {
        diagnostic = diagnostic.with_notes(vec![format!("hint: {hint}")]);
    }
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let text = term::emit_into_string(&config, &file, &diagnostic).ok()?;
    // Rich layout: "error: ...", then " --> file:line:col", then the snippet.
    let mut lines = text.lines();
    lines.next()?;
    if !lines.next()?.trim_start().starts_with("-->") {
        return None;
    }
    let mut snippet = String::new();
    for l in lines {
        snippet.push_str(l);
        snippet.push('\n');
    }
    Some(snippet.trim_end().to_string() + "\n")
}

/// A hand-drawn snippet, used if codespan-reporting cannot draw one.
fn plain_snippet(source: &str, d: &Diagnostic, line: usize, col: usize) -> String {
    let text = source.lines().nth(line - 1).unwrap_or("");
    let text = text.strip_suffix('\r').unwrap_or(text);
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let end_col = match line_col(source, d.span.end as usize) {
        (end_line, end_col) if end_line == line && d.span.end > d.span.start => end_col,
        _ if d.span.end > d.span.start => text.chars().count() + 1,
        _ => col + 1,
    };
    let carets = "^".repeat(end_col.saturating_sub(col).max(1));
    let lead: String = text
        .chars()
        .take(col - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let mut out = format!("{pad} |\n{number} | {text}\n{pad} | {lead}{carets}\n");
    if let Some(hint) = &d.hint {
        out.push_str(&format!("{pad} = hint: {hint}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "ab\nçé x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 8), (2, 4));
        assert_eq!(line_col(src, 999), (2, 5));
    }

    #[test]
    fn plain_snippet_draws_line_and_carets() {
        let mut d = Diagnostic::new("oops", Span::new(6, 9));
        d.hint = Some("try again".into());
        assert_eq!(
            plain_snippet("x = 1\nfoo(1)", &d, 2, 1),
            "  |\n2 | foo(1)\n  | ^^^\n  = hint: try again\n"
        );
    }
}
