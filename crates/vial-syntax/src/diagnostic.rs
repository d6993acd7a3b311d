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
/// app.exs:3:9: syntax error before: ')'
///     |
///   3 |   foo(1, )
///     |          ^
///     = hint: ...
/// ```
///
/// The first line is always exactly `file:line:col: message`.
pub fn render(file_name: &str, source: &str, d: &Diagnostic) -> String {
    let (line, col) = line_col(source, d.span.start as usize);
    let mut out = format!("{file_name}:{line}:{col}: {}\n", d.message);
    let text = source.lines().nth(line - 1).unwrap_or("");
    let text = text.strip_suffix('\r').unwrap_or(text);
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let end_col = if d.span.end > d.span.start {
        let (end_line, end_col) = line_col(source, d.span.end as usize);
        if end_line == line {
            end_col
        } else {
            text.chars().count() + 1
        }
    } else {
        col + 1
    };
    let carets = "^".repeat(end_col.saturating_sub(col).max(1));
    let lead: String = text
        .chars()
        .take(col - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    out.push_str(&format!(" {pad} |\n {number} | {text}\n {pad} | {lead}{carets}\n"));
    if let Some(hint) = &d.hint {
        out.push_str(&format!(" {pad} = hint: {hint}\n"));
    }
    out
}
