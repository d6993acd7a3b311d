//! AST shapes of representative snippets, checked through the s-expression
//! printer. Every expectation here was cross-checked against Elixir 1.14's
//! own `Code.string_to_quoted/2` (see `tools/elixir_sexp.exs`).

use vial_syntax::ast::{Callee, ExprKind};
use vial_syntax::sexp::to_sexp;

/// Parses `src`, asserts no diagnostics, and compares the s-expression of
/// the only top-level expression (or of the whole block when there are
/// several) with `expected`.
#[track_caller]
fn check(src: &str, expected: &str) {
    let (ast, diagnostics) = vial_syntax::parse(src);
    assert!(
        diagnostics.is_empty(),
        "{src:?}: unexpected diagnostics {diagnostics:?}"
    );
    let actual = match &ast.kind {
        ExprKind::Block(exprs) if exprs.len() == 1 => to_sexp(&exprs[0]),
        _ => to_sexp(&ast),
    };
    assert_eq!(actual, expected, "source: {src:?}");
}

#[test]
fn arithmetic_precedence() {
    check("a + b * c", "(+ a (* b c))");
    check("a * b / c", "(/ (* a b) c)");
    check("-1 + 2", "(+ (- 1) 2)");
    check("- a ** 2", "(** (- a) 2)");
    check("a ** b ** c", "(** (** a b) c)");
    check("z = 1 - -1", "(= z (- 1 (- 1)))");
    check("0x1F + 0b101 + 0o17 + 1_000", "(+ (+ (+ 31 5) 15) 1000)");
}

#[test]
fn concat_and_range_operators() {
    check("1 ++ 2 ++ 3", "(++ 1 (++ 2 3))");
    check("a ++ b -- c", "(++ a (-- b c))");
    check("a <> b <> c", "(<> a (<> b c))");
    check("a..b//2", "(// (.. a b) 2)");
    check("1..10//2 + 1", "(// (.. 1 10) (+ 2 1))");
}

#[test]
fn logic_and_comparison() {
    check("not a and b", "(and (not a) b)");
    check("a && b || c and d or e", "(or (|| (&& a b) (and c d)) e)");
    check("!a == b", "(== (! a) b)");
    check("a <= b and c >= d", "(and (<= a b) (>= c d))");
    check("a === b and c !== d", "(and (=== a b) (!== c d))");
    check("a =~ b", "(=~ a b)");
    check("a = b || c", "(= a (|| b c))");
    check("x = y = 1", "(= x (= y 1))");
}

#[test]
fn membership_pins_and_guards() {
    check("a in [1, 2]", "(in a [1, 2])");
    check("a not in b", "(not_in a b)");
    check("!a in b", "(! (in a b))");
    check("a in b in c", "(in (in a b) c)");
    check("^pin = 1", "(= (^ pin) 1)");
    check(
        "h when is_atom(h) and h != nil",
        "(when h (and (call is_atom h) (!= h :nil)))",
    );
    check("x when y when z", "(when x (when y z))");
    check("a = b \\\\ c", "(\\\\ (= a b) c)");
    check("a <- b <- c", "(<- (<- a b) c)");
    check("a |> b when c", "(when (|> a b) c)");
}

#[test]
fn pipelines() {
    check("x |> f() |> g(1)", "(|> (|> x (call f)) (call g 1))");
    check("x |>\n  f()", "(|> x (call f))");
    check("x\n|> f()\n|> g()", "(|> (|> x (call f)) (call g))");
    check("a +\n  b", "(+ a b)");
    check(
        "x |> Enum.map(&(&1 + 1)) |> Enum.sum()",
        "(|> (|> x (call Enum.map (& (+ &1 1)))) (call Enum.sum))",
    );
    check("foo a\n|> bar", "(call foo (|> a bar))");
}

#[test]
fn calls_without_parentheses() {
    check("IO.puts \"a\" <> b", "(call IO.puts (<> \"a\" b))");
    check(
        "raise ArgumentError, \"x\"",
        "(call raise ArgumentError \"x\")",
    );
    check(
        "use GenServer, restart: :temporary",
        "(call use GenServer [restart: :temporary])",
    );
    check("alias Foo.Bar, as: B", "(call alias Foo.Bar [as: B])");
    check("foo bar a, b", "(call foo (call bar a b))");
    check(
        "if a, do: IO.puts x, else: 1",
        "(call if a [do: (call IO.puts x [else: 1])])",
    );
    check("x = foo a, b", "(= x (call foo a b))");
    check("send self(), :msg", "(call send (call self) :msg)");
    check("foo [1]", "(call foo [1])");
    check("foo[1]", "(access foo 1)");
}

#[test]
fn unary_minus_after_identifiers() {
    check("f -1", "(call f (- 1))");
    check("a - 1", "(- a 1)");
    check("a-1", "(- a 1)");
    check("Mod.fun -1", "(call Mod.fun (- 1))");
    check("f(-1)", "(call f (- 1))");
}

#[test]
fn parens_flag() {
    let (ast, _) = vial_syntax::parse("IO.puts(x)\nIO.puts x");
    let ExprKind::Block(exprs) = &ast.kind else {
        panic!("not a block")
    };
    let flags: Vec<bool> = exprs
        .iter()
        .map(|e| match &e.kind {
            ExprKind::Call {
                parens,
                callee: Callee::Remote { .. },
                ..
            } => *parens,
            other => panic!("not a remote call: {other:?}"),
        })
        .collect();
    assert_eq!(flags, [true, false]);
}

#[test]
fn definitions() {
    check("def f(x), do: x", "(call def (call f x) [do: x])");
    check(
        "def f(x) when is_integer(x) and x > 0, do: x",
        "(call def (when (call f x) (and (call is_integer x) (> x 0))) [do: x])",
    );
    check("def f(a, b \\\\ 1)", "(call def (call f a (\\\\ b 1)))");
    check("defp g(x), do: x", "(call defp (call g x) [do: x])");
    check("defstruct [:a, b: 1]", "(call defstruct [:a, b: 1])");
    check(
        "defexception message: \"x\"",
        "(call defexception [message: \"x\"])",
    );
    check(
        "def foo(x) when x > 0 do\n  x\nend",
        "(call def (when (call foo x) (> x 0)) [do: (block x)])",
    );
    check(
        "defmodule A.B do\n  @moduledoc false\n  @impl true\n  def init(x), do: {:ok, x}\nend",
        "(call defmodule A.B [do: (block (@ moduledoc :false) (@ impl :true) (call def (call init x) [do: {:ok, x}]))])",
    );
}

#[test]
fn do_blocks_with_sections() {
    check(
        "foo bar, baz do\n  1\nend",
        "(call foo bar baz [do: (block 1)])",
    );
    check(
        "if x do\n  1\nelse\n  2\nend",
        "(call if x [do: (block 1), else: (block 2)])",
    );
    check(
        "unless x do 1 else 2 end",
        "(call unless x [do: (block 1), else: (block 2)])",
    );
    check("if a do\nend", "(call if a [do: (block)])");
    check(
        "receive do\n  {:msg, x} -> x\nafter\n  100 -> :timeout\nend",
        "(call receive [do: (clauses (clause ({:msg, x}) (block x))), after: (clauses (clause (100) (block :timeout)))])",
    );
    check(
        "try do\n  foo()\nrescue\n  e in RuntimeError -> e\ncatch\n  :throw, v -> v\nafter\n  cleanup()\nend",
        "(call try [do: (block (call foo)), rescue: (clauses (clause ((in e RuntimeError)) (block e))), catch: (clauses (clause (:throw v) (block v))), after: (block (call cleanup))])",
    );
    check(
        "with {:ok, a} <- f(), b = g(a) do\n  a + b\nelse\n  _ -> :error\nend",
        "(call with (<- {:ok, a} (call f)) (= b (call g a)) [do: (block (+ a b)), else: (clauses (clause (_) (block :error)))])",
    );
    check(
        "cond do\n  x > 1 -> :big\n  true -> :small\nend",
        "(call cond [do: (clauses (clause ((> x 1)) (block :big)) (clause (:true) (block :small)))])",
    );
    check("foo(1) do\n  2\nend", "(call foo 1 [do: (block 2)])");
    check("x.foo 1 do 2 end", "(call x.foo 1 [do: (block 2)])");
}

#[test]
fn case_clauses_with_guards_and_multiline_bodies() {
    check(
        "case x do\n  pat when guard -> 1\n  _ -> 2\nend",
        "(call case x [do: (clauses (clause (pat) when guard (block 1)) (clause (_) (block 2)))])",
    );
    check(
        "case x do\n  1 ->\n    a\n    b\n\n  2 ->\n    c\nend",
        "(call case x [do: (clauses (clause (1) (block a b)) (clause (2) (block c)))])",
    );
    check(
        "case x do\n  -1 -> :neg\n  \"a\" <> rest -> rest\n  [_ | _] -> :list\nend",
        "(call case x [do: (clauses (clause ((- 1)) (block :neg)) (clause ((<> \"a\" rest)) (block rest)) (clause ([_ | _]) (block :list)))])",
    );
}

#[test]
fn comprehensions() {
    check(
        "for x <- xs, y <- ys, x > y, into: %{}, do: {x, y}",
        "(call for (<- x xs) (<- y ys) (> x y) [into: %{}, do: {x, y}])",
    );
    check(
        "for x <- xs do\n  x\nend",
        "(call for (<- x xs) [do: (block x)])",
    );
}

#[test]
fn anonymous_functions_and_captures() {
    check(
        "fn {a, b} -> a; _ -> 0 end",
        "(fn (clause ({a, b}) (block a)) (clause (_) (block 0)))",
    );
    check(
        "fn\n  {a, b} -> a\n  _ -> 0\nend",
        "(fn (clause ({a, b}) (block a)) (clause (_) (block 0)))",
    );
    check("fn -> :ok end", "(fn (clause () (block :ok)))");
    check("fn () -> :ok end", "(fn (clause () (block :ok)))");
    check(
        "fn x, y when x > y -> x end",
        "(fn (clause (x y) when (> x y) (block x)))",
    );
    check("fn (a, b) -> a end", "(fn (clause (a b) (block a)))");
    check(
        "x |> Enum.map(fn y -> y end)",
        "(|> x (call Enum.map (fn (clause (y) (block y)))))",
    );
    check(
        "Enum.reduce list, 0, fn x, acc ->\n  x + acc\nend",
        "(call Enum.reduce list 0 (fn (clause (x acc) (block (+ x acc)))))",
    );
    check("Enum.map(l, &(&1 * 2))", "(call Enum.map l (& (* &1 2)))");
    check("&Mod.fun/2", "(& (/ (call Mod.fun) 2))");
    check("&foo/1", "(& (/ foo 1))");
    check("& &1", "(& &1)");
    check("a = &foo/1", "(= a (& (/ foo 1)))");
    check("[&foo/1 | t]", "[(& (/ foo 1)) | t]");
    check("&{&1, &2}", "(& {&1, &2})");
    check("f.(x)", "(apply f x)");
    check(
        "Enum.reduce(l, 0, &+/2)",
        "(call Enum.reduce l 0 (& (/ + 2)))",
    );
    check("&Kernel.+/2", "(& (/ (call Kernel.+) 2))");
    check("x |> Kernel.+(1)", "(|> x (call Kernel.+ 1))");
    check("f.(x).(y)", "(apply (apply f x) y)");
}

#[test]
fn containers() {
    check("%{map | k: v}", "%{map | :k => v}");
    check("%{x | \"a\" => 1}", "%{x | \"a\" => 1}");
    check("%User{name: \"x\"}", "%User{:name => \"x\"}");
    check("%Foo{x | a: 1}", "%Foo{x | :a => 1}");
    check("%__MODULE__{}", "%__MODULE__{}");
    check("%{\"a\" => 1, b: 2}", "%{\"a\" => 1, :b => 2}");
    check("[a: 1, \"b c\": 2]", "[a: 1, \"b c\": 2]");
    check("[h | t]", "[h | t]");
    check("[1, 2 | t]", "[1, 2 | t]");
    check("{:ok, a: 1}", "{:ok, [a: 1]}");
    check("[1, 2, 3,]", "[1, 2, 3]");
    check("{}", "{}");
    check("x = [\n  1,\n  2\n]", "(= x [1, 2])");
}

#[test]
fn dots_access_attributes() {
    check("map.field", "(. map field)");
    check("x.a.b", "(. (. x a) b)");
    check("map[:k]", "(access map :k)");
    check("x[:a][:b]", "(access (access x :a) :b)");
    check("Foo.Bar.baz", "(call Foo.Bar.baz)");
    check("__MODULE__.fun()", "(call __MODULE__.fun)");
    check(":erlang.element(1, t)", "(call :erlang.element 1 t)");
    check("@attr value", "(@ attr value)");
    check("@attr", "(@ attr)");
    check("@attr.field", "(. (@ attr) field)");
    check("@a[:b]", "(access (@ a) :b)");
    check(
        "@spec foo(integer) :: integer",
        "(@ spec (:: (call foo integer) integer))",
    );
    check(
        "@spec new(({k, v} -> v)) :: t",
        "(@ spec (:: (call new (clauses (clause ({k, v}) (block v)))) t))",
    );
}

#[test]
fn blocks_and_separators() {
    check("(a; b)", "(block a b)");
    check("x = (a; b)", "(= x (block a b))");
    check("x = 5; y = 6", "(block (= x 5) (= y 6))");
    check("a\n# comment\nb # trailing", "(block a b)");
}

#[test]
fn strings_and_interpolation() {
    check(
        "\"#{inspect(%{a: \"b\"})}\"",
        "(str (call inspect %{:a => \"b\"}))",
    );
    check(
        "\"a #{\"b #{c} d\"} e\"",
        "(str \"a \" (str \"b \" c \" d\") \" e\")",
    );
    check("\"a#{1; 2}b\"", "(str \"a\" (block 1 2) \"b\")");
    check(
        "\"esc \\n \\t \\e \\\\ \\\" \\# \\0 \\u00e9 \\u{1F600} \\x41\"",
        "\"esc \\n \\t \\u{1b} \\\\ \\\" # \\0 é 😀 A\"",
    );
    check("'abc'", "(charlist \"abc\")");
    check("?a", "97");
    check("?\\n", "10");
    check(":\"quoted atom\"", ":\"quoted atom\"");
    check(":ok?", ":ok?");
}

#[test]
fn heredocs_strip_closing_indentation() {
    check(
        "@doc \"\"\"\n  Hello\n    world\n  \"\"\"",
        "(@ doc \"Hello\\n  world\\n\")",
    );
    check(
        "x = \"\"\"\n    a\n      b\n    #{c}\n    \"\"\"",
        "(= x (str \"a\\n  b\\n\" c \"\\n\"))",
    );
    check("\"\"\"\nno indent\n\"\"\"", "\"no indent\\n\"");
    check(
        "a = \"\"\"\n  line \\\n  joined\n  \"\"\"",
        "(= a \"line joined\\n\")",
    );
}

/// The source text under each top-level statement's span.
fn statement_texts(src: &str) -> Vec<&str> {
    let (ast, diagnostics) = vial_syntax::parse(src);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let ExprKind::Block(exprs) = ast.kind else {
        panic!("not a block")
    };
    exprs
        .iter()
        .map(|e| &src[e.span.start as usize..e.span.end as usize])
        .collect()
}

#[test]
fn spans_cover_exactly_the_source_text() {
    assert_eq!(
        statement_texts("foo a  # note\nx = 1 + 2\n  IO.puts \"hi\"  \n"),
        ["foo a", "x = 1 + 2", "IO.puts \"hi\""]
    );
    assert_eq!(
        statement_texts("def f(x) do\n  x\nend\n&foo/1\n[h | t]"),
        ["def f(x) do\n  x\nend", "&foo/1", "[h | t]"]
    );
    let src = "case x do\n  1 -> :a\n  _ -> :b\nend";
    let (ast, _) = vial_syntax::parse(src);
    let ExprKind::Block(exprs) = &ast.kind else {
        panic!()
    };
    let ExprKind::Call { args, .. } = &exprs[0].kind else {
        panic!()
    };
    let ExprKind::List { items, .. } = &args[1].kind else {
        panic!()
    };
    let ExprKind::Tuple(pair) = &items[0].kind else {
        panic!()
    };
    let ExprKind::Clauses(clauses) = &pair[1].kind else {
        panic!()
    };
    let texts: Vec<&str> = clauses
        .iter()
        .map(|c| &src[c.span.start as usize..c.span.end as usize])
        .collect();
    assert_eq!(texts, ["1 -> :a", "_ -> :b"]);
}
