//! Pretty printing in 80 columns, as `IO.inspect/2` does. Every expected
//! string is what Elixir 1.14.0 (OTP 25) printed for the same term with
//! `IO.inspect(term)`.

use super::test_terms::{define_struct, term};
use super::*;

fn check(cases: &[(&str, &str)]) {
    for (src, want) in cases {
        assert_eq!(inspect_labeled(None, &term(src)), *want, "{src}");
    }
}

/// `core/inspect_05_wrapping` of the conformance corpus, line for line.
#[test]
fn conformance_inspect_05_wrapping() {
    check(&[
        (
            r#"["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]"#,
            r#"["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
 "india"]"#,
        ),
        (
            r#"[1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023, 1024, 1025, 1026, 1027, 1028, 1029]"#,
            r#"[1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012,
 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023, 1024, 1025,
 1026, 1027, 1028, 1029]"#,
        ),
        (
            r#"%{first_name: "Alexandra", last_name: "Montgomery", city: "San Francisco", zip: "94110"}"#,
            r#"%{
  city: "San Francisco",
  first_name: "Alexandra",
  last_name: "Montgomery",
  zip: "94110"
}"#,
        ),
        (
            r#"[name: "a fairly long string value", other: "another long string value", n: 1]"#,
            r#"[name: "a fairly long string value", other: "another long string value", n: 1]"#,
        ),
        (
            r#"{:a_long_tag_name, "with a moderately long string", [1, 2, 3], %{key: "value here"}}"#,
            r#"{:a_long_tag_name, "with a moderately long string", [1, 2, 3],
 %{key: "value here"}}"#,
        ),
        (
            r#"[[1, 2, 3], ["a long string element", "another long string element", "third one"]]"#,
            r#"[
  [1, 2, 3],
  ["a long string element", "another long string element", "third one"]
]"#,
        ),
        (
            r#"%{users: [%{name: "ann", roles: [:admin, :dev]}, %{name: "bob", roles: [:ops]}], total: 2}"#,
            r#"%{
  total: 2,
  users: [%{name: "ann", roles: [:admin, :dev]}, %{name: "bob", roles: [:ops]}]
}"#,
        ),
        (
            r#"[{1, 1}, {2, 4}, {3, 9}, {4, 16}, {5, 25}, {6, 36}, {7, 49}, {8, 64}, {9, 81}, {10, 100}, {11, 121}, {12, 144}]"#,
            r#"[
  {1, 1},
  {2, 4},
  {3, 9},
  {4, 16},
  {5, 25},
  {6, 36},
  {7, 49},
  {8, 64},
  {9, 81},
  {10, 100},
  {11, 121},
  {12, 144}
]"#,
        ),
    ]);
    let words = term(
        r#"["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]"#,
    );
    assert_eq!(
        inspect_labeled(Some("words"), &words),
        "words: [\"alpha\", \"bravo\", \"charlie\", \"delta\", \"echo\", \"foxtrot\", \"golf\", \"hotel\",\n \"india\"]"
    );
}

#[test]
fn structs_break_like_maps() {
    define_struct("User", &["name", "email", "roles", "settings"]);
    let user = term(
        r#"%User{name: "Alexandra Montgomery", email: "alexandra@example.com", roles: [:admin, :editor], settings: %{theme: "dark"}}"#,
    );
    let want = r#"%User{
  name: "Alexandra Montgomery",
  email: "alexandra@example.com",
  roles: [:admin, :editor],
  settings: %{theme: "dark"}
}"#;
    assert_eq!(inspect_labeled(None, &user), want);
    let two = term(
        r#"[%User{name: "a", email: nil, roles: [], settings: %{}}, %User{name: "b", email: nil, roles: [], settings: %{}}]"#,
    );
    let want = r#"[
  %User{name: "a", email: nil, roles: [], settings: %{}},
  %User{name: "b", email: nil, roles: [], settings: %{}}
]"#;
    assert_eq!(inspect_labeled(None, &two), want);
}

#[test]
fn containers_wrap_like_inspect_algebra() {
    check(&[
        (
            r#"[1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000, 18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000, 27000, 28000, 29000, 30000, 31000, 32000, 33000, 34000, 35000, 36000, 37000, 38000, 39000, 40000]"#,
            r#"[1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000,
 13000, 14000, 15000, 16000, 17000, 18000, 19000, 20000, 21000, 22000, 23000,
 24000, 25000, 26000, 27000, 28000, 29000, 30000, 31000, 32000, 33000, 34000,
 35000, 36000, 37000, 38000, 39000, 40000]"#,
        ),
        (
            r#"["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30"]"#,
            r#"["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12",
 "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23",
 "s24", "s25", "s26", "s27", "s28", "s29", "s30"]"#,
        ),
        (
            r#"%{some_longer_key_1: 1, some_longer_key_2: 2, some_longer_key_3: 3, some_longer_key_4: 4, some_longer_key_5: 5, some_longer_key_6: 6, some_longer_key_7: 7, some_longer_key_8: 8, some_longer_key_9: 9, some_longer_key_10: 10}"#,
            r#"%{
  some_longer_key_1: 1,
  some_longer_key_10: 10,
  some_longer_key_2: 2,
  some_longer_key_3: 3,
  some_longer_key_4: 4,
  some_longer_key_5: 5,
  some_longer_key_6: 6,
  some_longer_key_7: 7,
  some_longer_key_8: 8,
  some_longer_key_9: 9
}"#,
        ),
        (
            r#"[{:item_1, "value number 1"}, {:item_2, "value number 2"}, {:item_3, "value number 3"}, {:item_4, "value number 4"}, {:item_5, "value number 5"}, {:item_6, "value number 6"}, {:item_7, "value number 7"}]"#,
            r#"[
  item_1: "value number 1",
  item_2: "value number 2",
  item_3: "value number 3",
  item_4: "value number 4",
  item_5: "value number 5",
  item_6: "value number 6",
  item_7: "value number 7"
]"#,
        ),
        (
            r#"[key_1: "value 1", key_2: "value 2", key_3: "value 3", key_4: "value 4", key_5: "value 5", key_6: "value 6", key_7: "value 7", key_8: "value 8"]"#,
            r#"[
  key_1: "value 1",
  key_2: "value 2",
  key_3: "value 3",
  key_4: "value 4",
  key_5: "value 5",
  key_6: "value 6",
  key_7: "value 7",
  key_8: "value 8"
]"#,
        ),
        (
            r#"{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60}"#,
            r#"{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
 43, 44, 45, 46, 47, 48, 49, 50, ...}"#,
        ),
        (
            r#"%{alpha: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], beta: %{gamma: ["x", "y", "z"], delta: [1.5, 2.5, 3.5]}, epsilon: "a string that is long enough"}"#,
            r#"%{
  alpha: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  beta: %{delta: [1.5, 2.5, 3.5], gamma: ["x", "y", "z"]},
  epsilon: "a string that is long enough"
}"#,
        ),
        (
            r#"<<200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200>>"#,
            r#"<<200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
  200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
  200, 200, 200, 200, 200, 200, 200, 200, 200, 200>>"#,
        ),
        (
            r#"[%{id: 1, name: "first record", tags: [:a, :b, :c]}, %{id: 2, name: "second record", tags: []}]"#,
            r#"[
  %{id: 1, name: "first record", tags: [:a, :b, :c]},
  %{id: 2, name: "second record", tags: []}
]"#,
        ),
        (
            r#"{:ok, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]}"#,
            r#"{:ok,
 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
  23, 24, 25, 26]}"#,
        ),
        (
            r#"{:error, %{reason: "something went wrong with a long message", code: 500, retry: false}}"#,
            r#"{:error,
 %{code: 500, reason: "something went wrong with a long message", retry: false}}"#,
        ),
        (
            r#"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25 | :tail_atom_here]"#,
            r#"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
 23, 24, 25 | :tail_atom_here]"#,
        ),
        (
            r#"["a string with a tail element that is long", "and another one here" | "tail string"]"#,
            r#"["a string with a tail element that is long", "and another one here" |
 "tail string"]"#,
        ),
        (
            r#"%{"string key one" => 1, "string key two" => 2, "string key three" => 3, :atom => 4}"#,
            r#"%{
  :atom => 4,
  "string key one" => 1,
  "string key three" => 3,
  "string key two" => 2
}"#,
        ),
        (
            r#"[a: [b: [c: [d: "deeply nested keyword list with a long string value inside"]]]]"#,
            r#"[a: [b: [c: [d: "deeply nested keyword list with a long string value inside"]]]]"#,
        ),
        (
            r#"{{{{"nested tuples that go quite deep", "and have long strings"}, "in them"}, "too"}, 1}"#,
            r#"{{{{"nested tuples that go quite deep", "and have long strings"}, "in them"},
  "too"}, 1}"#,
        ),
        (
            r#"[1.5, 2.25, 3.125, 1.0e20, 2.0e-10, 100.0, 12345.678, 0.1, 0.2, 0.30000000000000004, 1.0e100, 99.99]"#,
            r#"[1.5, 2.25, 3.125, 1.0e20, 2.0e-10, 100.0, 12345.678, 0.1, 0.2,
 0.30000000000000004, 1.0e100, 99.99]"#,
        ),
        (
            r#"[:alpha, :beta, :gamma, :delta, :epsilon, :zeta, :eta, :theta, :iota, :kappa, :lambda]"#,
            r#"[:alpha, :beta, :gamma, :delta, :epsilon, :zeta, :eta, :theta, :iota, :kappa,
 :lambda]"#,
        ),
        (
            r#"%{list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]}"#,
            r#"%{
  list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
   21, 22, 23, 24]
}"#,
        ),
        (
            r#"["ünïcödé strings count bytes", "ünïcödé strings count bytes", "more text here"]"#,
            r#"["ünïcödé strings count bytes", "ünïcödé strings count bytes",
 "more text here"]"#,
        ),
        (
            r#"[1..10, 1..20, 1..30, 1..40, 1..50, 1..60, 1..70, 1..80, 1..90, 1..100, 1..110, 1..120]"#,
            r#"[1..10, 1..20, 1..30, 1..40, 1..50, 1..60, 1..70, 1..80, 1..90, 1..100, 1..110,
 1..120]"#,
        ),
        (r#"%{}"#, r#"%{}"#),
        (
            r#"[%{}, {}, [], "", %{a: 1}]"#,
            r#"[%{}, {}, [], "", %{a: 1}]"#,
        ),
        (
            r#"{:reply, {:ok, %{count: 12, items: ["apple", "banana", "cherry", "date"]}}, %{state: :ready}}"#,
            r#"{:reply, {:ok, %{count: 12, items: ["apple", "banana", "cherry", "date"]}},
 %{state: :ready}}"#,
        ),
        (
            r#"%{Elixir.Foo => "module key with a long value string", "bar" => [1, 2, 3], 12 => :twelve}"#,
            r#"%{
  12 => :twelve,
  Foo => "module key with a long value string",
  "bar" => [1, 2, 3]
}"#,
        ),
        (
            r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#,
            r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#,
        ),
        (
            r#"["yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", 1]"#,
            r#"["yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
 1]"#,
        ),
    ]);
}
