//! Syntax errors: Elixir-style messages, precise spans, the rendered form,
//! and `is_incomplete` for the REPL.

use vial_syntax::{is_incomplete, parse, render};

/// Parses `src` and returns the single diagnostic's message and the 1-based
/// line and column of its start.
#[track_caller]
fn error(src: &str) -> (String, usize, usize) {
    let (_, diagnostics) = parse(src);
    assert_eq!(diagnostics.len(), 1, "{src:?}: {diagnostics:?}");
    let d = &diagnostics[0];
    let (line, col) = vial_syntax::diagnostic::line_col(src, d.span.start as usize);
    (d.message.clone(), line, col)
}

#[track_caller]
fn check(src: &str, message: &str, line: usize, col: usize) {
    assert_eq!(
        error(src),
        (message.to_string(), line, col),
        "source: {src:?}"
    );
}

#[test]
fn syntax_error_before_token() {
    check("foo(1, )", "syntax error before: ')'", 1, 8);
    check("foo 1 2", "syntax error before: \"2\"", 1, 7);
    check("foo :ok :err", "syntax error before: err", 1, 9);
    check("x = 1\ny = [1 2]", "syntax error before: \"2\"", 2, 8);
    check("%{a: 1, 2}", "syntax error before: \"2\"", 1, 9);
}

#[test]
fn reserved_words_and_stray_closers() {
    check("end", "unexpected reserved word: end", 1, 1);
    check("x = )", "unexpected token: )", 1, 5);
    check("foo(1]", "unexpected token: ]", 1, 6);
    let (_, diagnostics) = parse("foo(1]");
    assert_eq!(
        diagnostics[0].hint.as_deref(),
        Some("the \"(\" at line 1 is missing terminator \")\"")
    );
    check("x = [1\nend", "unexpected reserved word: end", 2, 1);
    check(
        "if x do\n  1\nelse\n  2\nelse",
        "missing terminator: end (for \"do\" starting at line 1)",
        5,
        5,
    );
}

#[test]
fn missing_terminators() {
    check(
        "defmodule A do\n  def f do\n    1\nend",
        "missing terminator: end (for \"do\" starting at line 1)",
        4,
        4,
    );
    check(
        "foo(",
        "missing terminator: ) (for \"(\" starting at line 1)",
        1,
        5,
    );
    check(
        "[1, 2",
        "missing terminator: ] (for \"[\" starting at line 1)",
        1,
        6,
    );
    check(
        "fn x -> x",
        "missing terminator: end (for \"fn\" starting at line 1)",
        1,
        10,
    );
    check(
        "\"abc",
        "missing terminator: \" (for string starting at line 1)",
        1,
        5,
    );
    check(
        "x = 'abc",
        "missing terminator: ' (for string starting at line 1)",
        1,
        9,
    );
    check(
        ":\"abc",
        "missing terminator: \" (for atom starting at line 1)",
        1,
        6,
    );
    check(
        "x = \"\"\"\nabc",
        "missing terminator: \"\"\" (for heredoc starting at line 1)",
        2,
        4,
    );
    check("1 +", "syntax error: expression is incomplete", 1, 4);
}

#[test]
fn ambiguous_commas() {
    check(
        "[foo a, b]",
        "unexpected comma. Parentheses are required to solve ambiguity inside containers",
        1,
        7,
    );
    check(
        "foo a, bar b, c",
        "unexpected comma. Parentheses are required to solve ambiguity in nested calls",
        1,
        13,
    );
}

#[test]
fn semantic_shape_errors() {
    check(
        "a // b",
        "the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2",
        1,
        1,
    );
    check(
        "fn 1 end",
        "expected a clause with -> inside fn ... end",
        1,
        1,
    );
    check(
        "case x do\n  y\n  1 -> 2\nend",
        "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->",
        2,
        3,
    );
    check("<<1>>", "bitstring syntax (<<>>) is not supported", 1, 1);
    check(
        "x = €",
        "unexpected token: \"€\" (column 5, code point U+20AC)",
        1,
        5,
    );
    check("\"#{1 +}\"", "syntax error: expression is incomplete", 1, 7);
}

#[test]
fn rendered_diagnostic_starts_with_location() {
    let src = "x = 1\nfoo(1, )\n";
    let (_, diagnostics) = parse(src);
    let text = render("app.exs", src, &diagnostics[0]);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("app.exs:2:8: syntax error before: ')'"));
    assert_eq!(lines.next(), Some("  |"));
    assert_eq!(lines.next(), Some("2 | foo(1, )"));
    assert_eq!(lines.next(), Some("  |        ^"));
    assert_eq!(lines.next(), None);
    let (_, diagnostics) = parse("foo(1]");
    let text = render("b.exs", "foo(1]", &diagnostics[0]);
    assert!(
        text.ends_with("  = hint: the \"(\" at line 1 is missing terminator \")\"\n"),
        "{text}"
    );
}

#[test]
fn rendered_columns_count_characters() {
    let src = "s = \"héllo\" ]";
    let (_, diagnostics) = parse(src);
    let text = render("u.exs", src, &diagnostics[0]);
    assert!(
        text.starts_with("u.exs:1:13: unexpected token: ]\n"),
        "{text}"
    );
}

#[test]
fn incomplete_input() {
    for src in [
        "defmodule A do",
        "defmodule A do\n  def f(x) do\n    x\n  end\n",
        "foo(",
        "[1,",
        "%{a: 1,",
        "\"abc",
        "\"\"\"\nabc",
        "\"a #{",
        "'abc",
        "1 +",
        "x |>",
        "foo a,",
        "fn x ->",
        "case x do\n  1 -> 2\n",
        "if x do\n  1\nelse\n",
        "x =\n",
        "IO.puts(\"a\" <>\n",
    ] {
        assert!(is_incomplete(src), "should be incomplete: {src:?}");
    }
}

#[test]
fn complete_or_broken_input() {
    for src in [
        "",
        "1 + 2",
        "def f(x), do: x",
        "defmodule A do\nend",
        "end",
        "x = )",
        "foo(1]",
        "1 2",
        "\"abc\"",
        "fn x -> x end",
        "<<1>>",
    ] {
        assert!(!is_incomplete(src), "should not be incomplete: {src:?}");
    }
}
