//! `inspect/1` on one line. Every expected string is what Elixir 1.14.0
//! (OTP 25) printed for the same term (`inspect(term)`, or the options
//! named in the test).

use super::test_terms::{define_struct, term};
use super::*;
use crate::term::{Map, Pid, Ref};

fn ints(range: std::ops::RangeInclusive<i64>) -> Term {
    Term::list(range.map(Term::Int).collect::<Vec<_>>())
}

fn with(opts: impl FnOnce(&mut InspectOpts)) -> InspectOpts {
    let mut o = InspectOpts::default();
    opts(&mut o);
    o
}

#[test]
fn literals_print_as_elixir_does() {
    let cases = [
        (
            r#"[-5, 0, 123456789012345678901234567890, -98765432109876543210]"#,
            r#"[-5, 0, 123456789012345678901234567890, -98765432109876543210]"#,
        ),
        (
            r#"[1.0, -0.0, 2.5e-7, 2.0e10, 1.0e16, 0.1, 1.0e-4, 123.456, 1.0e15, 1.5e300]"#,
            r#"[1.0, -0.0, 2.5e-7, 20000000000.0, 1.0e16, 0.1, 0.0001, 123.456, 1000000000000000.0, 1.5e300]"#,
        ),
        (
            r#""a\nb\t\"q\" \\ #x {y} \e[0m \r \v \b \f \a \d""#,
            r#""a\nb\t\"q\" \\ #x {y} \e[0m \r \v \b \f \a \d""#,
        ),
        (r#""héllo 😀 ü""#, r#""héllo 😀 ü""#),
        (r#"<<97, 194, 133, 98>>"#, r#"<<97, 194, 133, 98>>"#),
        (r#"<<97, 0, 98>>"#, r#"<<97, 0, 98>>"#),
        (r#"<<97, 255>>"#, r#"<<97, 255>>"#),
        (r#"<<239, 187, 191, 97>>"#, r#""\uFEFFa""#),
        (r#""""#, r#""""#),
        (
            r#"[[], [[]], [1, [2, [3]]]]"#,
            r#"[[], [[]], [1, [2, [3]]]]"#,
        ),
        (r#"[1, 2 | 3]"#, r#"[1, 2 | 3]"#),
        (r#"["a" | "b"]"#, r#"["a" | "b"]"#),
        (r#"[[1] | [2]]"#, r#"[[1], 2]"#),
        (r#"[7]"#, r#"'\a'"#),
        (r#"[36, 49]"#, r#"'$1'"#),
        (r#"[39, 35, 123, 34, 92]"#, r#"'\'\#{"\\'"#),
        (r#"[97, 0]"#, r#"[97, 0]"#),
        (r#"[97 | 98]"#, r#"[97 | 98]"#),
        (
            r#"[a: 1, b: [1, 2], c: "x"]"#,
            r#"[a: 1, b: [1, 2], c: "x"]"#,
        ),
        (
            r#"["my key": 1, "9x": 2, ok?: 3]"#,
            r#"["my key": 1, "9x": 2, ok?: 3]"#,
        ),
        (r#"[nil: 1, true: 2, +: 3]"#, r#"[nil: 1, true: 2, +: 3]"#),
        (r#"[{Foo, 1}, {:a, 2}]"#, r#"[{Foo, 1}, {:a, 2}]"#),
        (
            r#"[{}, {1}, {:ok, "x", 1.5}]"#,
            r#"[{}, {1}, {:ok, "x", 1.5}]"#,
        ),
        (r#"%{}"#, r#"%{}"#),
        (r#"%{a: 1, b: "two"}"#, r#"%{a: 1, b: "two"}"#),
        (r#"%{"a" => 1, :b => 2}"#, r#"%{:b => 2, "a" => 1}"#),
        (r#"%{1 => 2, :a => 1}"#, r#"%{1 => 2, :a => 1}"#),
        (r#"%{"my key": 1, ok: 2}"#, r#"%{"my key": 1, ok: 2}"#),
        (r#"%{Foo => 1, :b => 2}"#, r#"%{Foo => 1, :b => 2}"#),
        (r#"%{Z: 1, _b: 3, a: 2}"#, r#"%{Z: 1, _b: 3, a: 2}"#),
        (
            r#"%{"s" => 1, [1] => 2, {1} => 3, :a => 4, 1.0 => 5, 1 => 6, %{} => 7}"#,
            r#"%{1 => 6, 1.0 => 5, :a => 4, {1} => 3, %{} => 7, [1] => 2, "s" => 1}"#,
        ),
        (
            r#"[1..10, 0..12//3, 10..1//-1, 1..10//2, -3..-1]"#,
            r#"[1..10, 0..12//3, 10..1//-1, 1..10//2, -3..-1]"#,
        ),
        (
            r#"[{:a, [1, 2]}, {"b", %{c: :d}}]"#,
            r#"[{:a, [1, 2]}, {"b", %{c: :d}}]"#,
        ),
        (
            r#"[true, false, nil, :nil?, :"with space", Foo.Bar, :Foo]"#,
            r#"[true, false, nil, :nil?, :"with space", Foo.Bar, :Foo]"#,
        ),
        (
            r#"%{__struct__: Range, first: 1, last: 2, step: 1, extra: 3}"#,
            r#"1..2"#,
        ),
        (
            r#"{:error, %{reason: :"not found", code: 404}}"#,
            r#"{:error, %{code: 404, reason: :"not found"}}"#,
        ),
        (r#"[[a: 1], [{"b", 2}]]"#, r#"[[a: 1], [{"b", 2}]]"#),
        (
            r#"%{a: %{b: %{c: [1, {2, 3}]}}}"#,
            r#"%{a: %{b: %{c: [1, {2, 3}]}}}"#,
        ),
    ];
    for (src, want) in cases {
        assert_eq!(inspect(&term(src)), want, "{src}");
    }
}

#[test]
fn interpolation_marker_is_escaped() {
    assert_eq!(inspect(&Term::string("a#{b}")), r#""a\#{b}""#);
    assert_eq!(
        inspect(&Term::list(
            "'#{"
                .bytes()
                .map(|b| Term::Int(b as i64))
                .collect::<Vec<_>>()
        )),
        r"'\'\#{'"
    );
}

#[test]
fn structs_print_fields_in_defstruct_order() {
    define_struct("Book", &["title", "author", "pages", "tags"]);
    let book = term(r#"%Book{title: "Dune", author: "Herbert", pages: 412, tags: []}"#);
    assert_eq!(
        inspect(&book),
        r#"%Book{title: "Dune", author: "Herbert", pages: 412, tags: []}"#
    );
    let opts = with(|o| o.limit = 2);
    let default = term(r#"%Book{title: "untitled", author: nil, pages: 0, tags: []}"#);
    assert_eq!(
        inspect_with(&default, &opts),
        r#"%Book{title: "untitled", author: nil, ...}"#
    );
    // A map whose keys are not the struct's prints as a map.
    let partial = term(r#"%Book{title: "x"}"#);
    assert_eq!(inspect(&partial), r#"%{__struct__: Book, title: "x"}"#);
}

#[test]
fn struct_edge_cases() {
    define_struct("Empty", &[]);
    assert_eq!(inspect(&term("%Empty{}")), "%Empty{}");
    // Not an atom-keyed struct: a plain map, whatever the definition.
    assert_eq!(
        inspect(&term(r#"%{:__struct__ => Foo, "a" => 1}"#)),
        r#"%{:__struct__ => Foo, "a" => 1}"#
    );
}

#[test]
fn exceptions_hide_their_marker_field() {
    // defexception [:message, :code]
    define_struct("Oops", &["__exception__", "message", "code"]);
    let e = term(r#"%Oops{__exception__: true, message: "bad", code: 7}"#);
    assert_eq!(inspect(&e), r#"%Oops{message: "bad", code: 7}"#);
}

#[test]
fn maps_naming_no_struct_print_as_maps() {
    let e = term(r#"%{__struct__: NoSuchStruct, message: "boom"}"#);
    assert_eq!(
        inspect(&e),
        r#"%{__struct__: NoSuchStruct, message: "boom"}"#
    );
}

#[test]
fn map_sets_print_as_constructor_calls() {
    let mut set = Map::new();
    for k in [Term::Int(3), Term::Int(1), term("[97, 98]")] {
        set.insert(k, Term::EmptyList);
    }
    let mut m = Map::new();
    m.insert(Term::Atom(crate::Atom::STRUCT), Term::atom("Elixir.MapSet"));
    m.insert(Term::atom("map"), Term::map(set));
    assert_eq!(inspect(&Term::map(m)), "MapSet.new([1, 3, [97, 98]])");
}

#[test]
fn pids_references_and_functions() {
    assert_eq!(inspect(&Term::Pid(Pid(96))), "#PID<0.96.0>");
    assert_eq!(inspect(&Term::Ref(Ref(7))), "#Reference<0.0.0.7>");
    let ext = |m: &str, f: &str, arity| {
        Term::Fun(crate::term::Arc::new(crate::term::Closure {
            kind: crate::term::FunKind::External {
                module: crate::Atom::intern(m),
                name: crate::Atom::intern(f),
                arity,
            },
            env: Box::new([]),
        }))
    };
    assert_eq!(inspect(&ext("Elixir.Enum", "map", 2)), "&Enum.map/2");
    assert_eq!(inspect(&ext("erlang", "+", 2)), "&:erlang.+/2");
}

#[test]
fn collections_stop_at_the_limit() {
    let dots = |n: i64| {
        (1..=n)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
            + ", ..."
    };
    assert_eq!(inspect(&ints(1..=60)), format!("[{}]", dots(50)));
    let tuple = Term::tuple((1..=55).map(Term::Int));
    assert_eq!(inspect(&tuple), format!("{{{}}}", dots(50)));
    assert_eq!(
        inspect(&Term::binary(vec![1; 60])),
        format!("<<{}>>", vec!["1"; 50].join(", ") + ", ...")
    );
    // Nested collections get the limit left at their position.
    assert_eq!(
        inspect(&Term::list([ints(1..=60)])),
        format!("[[{}]]", dots(49))
    );
    let nested = Term::tuple([Term::Int(1), Term::Int(2), ints(1..=60)]);
    assert_eq!(inspect(&nested), format!("{{1, 2, [{}]}}", dots(47)));
    let kw = Term::list(
        (1..=55)
            .map(|i| Term::tuple([Term::atom("k"), Term::Int(i)]))
            .collect::<Vec<_>>(),
    );
    let kw_want = (1..=50)
        .map(|i| format!("k: {i}"))
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(inspect(&kw), format!("[{kw_want}, ...]"));
}

#[test]
fn limit_option() {
    let o = |n| with(|o| o.limit = n);
    assert_eq!(inspect_with(&ints(1..=10), &o(3)), "[1, 2, 3, ...]");
    assert_eq!(inspect_with(&term("[1, 2 | 3]"), &o(1)), "[1, ...]");
    assert_eq!(inspect_with(&term("[1, 2 | 3]"), &o(2)), "[1, 2 | 3]");
    assert_eq!(
        inspect_with(&term("%{a: 1, b: 2, c: 3}"), &o(2)),
        "%{a: 1, b: 2, ...}"
    );
    assert_eq!(
        inspect_with(&term("<<1, 2, 3, 4>>"), &o(2)),
        "<<1, 2, ...>>"
    );
    assert_eq!(inspect_with(&term("<<1, 2, 3>>"), &o(3)), "<<1, 2, 3>>");
    let improper = Term::list_with_tail((1..=50).map(Term::Int).collect::<Vec<_>>(), Term::Int(51));
    let want = (1..=50)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(inspect(&improper), format!("[{want} | 51]"));
}

#[test]
fn charlists_as_lists_option() {
    let opts = with(|o| o.charlists = Shown::AsData);
    assert_eq!(inspect_with(&term("[97, 98]"), &opts), "[97, 98]");
}

#[test]
fn long_strings_and_charlists_are_cut_at_4096_characters() {
    let s = inspect(&Term::string(&"ab".repeat(2100)));
    assert_eq!(s, format!("\"{}\" <> ...", "ab".repeat(2048)));
    let cl = inspect(&Term::list(vec![Term::Int(97); 4100]));
    assert_eq!(cl, format!("'{}' ++ ...", "a".repeat(4096)));
}

#[test]
fn inspect_1_never_breaks_lines() {
    let l = Term::list((1..=40).map(|i| Term::Int(i * 1000)).collect::<Vec<_>>());
    let want = (1..=40)
        .map(|i| (i * 1000).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(inspect(&l), format!("[{want}]"));
}
