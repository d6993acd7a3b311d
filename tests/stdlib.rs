//! Differential tests of the standard library (`crates/vial-stdlib`) and
//! the BIFs under it: each case is an expression and what Elixir 1.14
//! printed for it, `IO.inspect(expr)` or, when it raised,
//! `** (Module) message`. One `vial` run per table evaluates every case of
//! the table, each in its own `try`, and prints a marker line before each
//! result; a mismatch reports the expression, the expected and the actual
//! output.
//!
//! To add a case, add the expression and take the expected text from
//! `elixir -e 'IO.inspect(EXPR)'` (Elixir 1.14) or the wrapper below.

use std::time::Duration;
use vial_tests::run_vial;

const LIMIT: Duration = Duration::from_secs(60);

/// Runs every case of `cases` in one script and compares the outputs.
fn check(name: &str, cases: &[(&str, &str)]) {
    let mut script = String::new();
    for (i, (expr, _)) in cases.iter().enumerate() {
        script.push_str(&format!(
            "IO.puts(\"#CASE {i}\")\ntry do\n  IO.inspect({expr})\nrescue\n  e -> IO.puts(\"** (\" <> inspect(e.__struct__) <> \") \" <> Exception.message(e))\nend\n"
        ));
    }
    let dir = std::env::temp_dir().join(format!("vial-stdlib-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cases.exs"), &script).unwrap();
    let run = run_vial(&dir, &["cases.exs"], "", LIMIT);
    let _ = std::fs::remove_dir_all(&dir);
    // Each case's output lines, joined (a leading empty line counts).
    let mut outputs: Vec<Option<String>> = vec![None; cases.len()];
    let mut current: Option<usize> = None;
    for line in run.stdout.lines() {
        if let Some(n) = line.strip_prefix("#CASE ").and_then(|n| n.parse().ok()) {
            current = Some(n);
            continue;
        }
        if let Some(slot) = current.and_then(|n: usize| outputs.get_mut(n)) {
            match slot {
                Some(text) => {
                    text.push('\n');
                    text.push_str(line);
                }
                None => *slot = Some(line.to_string()),
            }
        }
    }
    let outputs: Vec<String> = outputs.into_iter().map(Option::unwrap_or_default).collect();
    let failures: Vec<String> = cases
        .iter()
        .zip(&outputs)
        .filter(|((_, want), got)| *want != got.trim_end_matches('\n'))
        .map(|((expr, want), got)| {
            format!("  {expr}\n    expected: {want:?}\n    got:      {got:?}")
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} {name} cases differ from Elixir:\n{}\n(stderr: {})",
        failures.len(),
        cases.len(),
        failures.join("\n"),
        run.stderr
    );
}

/// Enum: conversion and reduce.
#[test]
fn enum_conversion_and_reduce() {
    check(
        "enum_conversion_and_reduce",
        &[
            (r#"Enum.to_list(1..5)"#, r#"[1, 2, 3, 4, 5]"#),
            (r#"Enum.to_list(5..1)"#, r#"[5, 4, 3, 2, 1]"#),
            (r#"Enum.to_list(1..10//3)"#, r#"[1, 4, 7, 10]"#),
            (r#"Enum.to_list(10..1//-4)"#, r#"[10, 6, 2]"#),
            (r#"Enum.to_list(1..0//1)"#, r#"[]"#),
            (r#"Enum.to_list(%{b: 2, a: 1})"#, r#"[a: 1, b: 2]"#),
            (r#"Enum.to_list(MapSet.new([3, 1, 2]))"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.to_list(5)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (
                r#"Enum.to_list(:atom)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for :atom of type Atom"#,
            ),
            (
                r#"Enum.to_list({1, 2})"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for {1, 2} of type Tuple"#,
            ),
            (
                r#"Enum.to_list("abc")"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for "abc" of type BitString"#,
            ),
            (
                r#"Enum.map(5, fn x -> x end)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (
                r#"Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)"#,
                r#"6"#,
            ),
            (
                r#"Enum.reduce(1..4, [], fn x, acc -> [x | acc] end)"#,
                r#"[4, 3, 2, 1]"#,
            ),
            (
                r#"Enum.reduce(10..1//-3, [], fn x, acc -> [x | acc] end)"#,
                r#"[1, 4, 7, 10]"#,
            ),
            (
                r#"Enum.reduce(%{a: 1, b: 2}, [], fn {k, v}, acc -> [{v, k} | acc] end)"#,
                r#"[{2, :b}, {1, :a}]"#,
            ),
            (
                r#"Enum.reduce([1, 2, 3], fn x, acc -> x * acc end)"#,
                r#"6"#,
            ),
            (r#"Enum.reduce(1..4, fn x, acc -> x - acc end)"#, r#"2"#),
            (
                r#"Enum.reduce([], fn x, acc -> x + acc end)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
            (
                r#"Enum.reduce(1..0//1, fn x, acc -> x + acc end)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
            (
                r#"Enum.reduce_while(1..100, 0, fn x, acc -> if x < 5, do: {:cont, acc + x}, else: {:halt, acc} end)"#,
                r#"10"#,
            ),
            (
                r#"Enum.reduce_while([1, 2, 3], 0, fn x, acc -> {:cont, acc + x} end)"#,
                r#"6"#,
            ),
            (
                r#"Enum.reduce_while([], :init, fn _, acc -> {:halt, acc} end)"#,
                r#":init"#,
            ),
            (
                r#"Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, x + acc} end)"#,
                r#"{[2, 4, 6], 6}"#,
            ),
            (
                r#"Enum.map_reduce(1..3, 10, fn x, acc -> {x + acc, acc - 1} end)"#,
                r#"{'\v\v\v', 7}"#,
            ),
            (
                r#"Enum.flat_map_reduce(1..100, 0, fn x, acc -> if acc < 3, do: {[x], acc + 1}, else: {:halt, acc} end)"#,
                r#"{[1, 2, 3], 3}"#,
            ),
            (
                r#"Enum.flat_map_reduce(1..5, 0, fn x, acc -> {[[x]], acc + x} end)"#,
                r#"{[[1], [2], [3], [4], [5]], 15}"#,
            ),
            (r#"Enum.scan(1..5, &(&1 + &2))"#, r#"[1, 3, 6, 10, 15]"#),
            (r#"Enum.scan([], &(&1 + &2))"#, r#"[]"#),
            (r#"Enum.scan(1..5, 0, &(&1 + &2))"#, r#"[1, 3, 6, 10, 15]"#),
            (
                r#"Enum.scan([1, 2, 3], 10, fn x, acc -> acc - x end)"#,
                r#"[9, 7, 4]"#,
            ),
        ],
    );
}

/// Enum: map/filter.
#[test]
fn enum_map_filter() {
    check(
        "enum_map_filter",
        &[
            (r#"Enum.map([1, 2, 3], fn x -> x * 2 end)"#, r#"[2, 4, 6]"#),
            (r#"Enum.map(1..3, fn x -> x * x end)"#, r#"[1, 4, 9]"#),
            (
                r#"Enum.map(%{a: 1, b: 2}, fn {k, v} -> {k, -v} end)"#,
                r#"[a: -1, b: -2]"#,
            ),
            (
                r#"Enum.map([a: 1, b: 2], fn {k, v} -> {k, v + 1} end)"#,
                r#"[a: 2, b: 3]"#,
            ),
            (r#"Enum.map([], fn x -> x end)"#, r#"[]"#),
            (r#"Enum.each([1, 2], fn x -> x end)"#, r#":ok"#),
            (r#"Enum.each(1..3, fn x -> x end)"#, r#":ok"#),
            (
                r#"Enum.map_every(1..10, 2, fn x -> x + 1000 end)"#,
                r#"[1001, 2, 1003, 4, 1005, 6, 1007, 8, 1009, 10]"#,
            ),
            (
                r#"Enum.map_every(1..10, 3, fn x -> x + 1000 end)"#,
                r#"[1001, 2, 3, 1004, 5, 6, 1007, 8, 9, 1010]"#,
            ),
            (
                r#"Enum.map_every(1..5, 0, fn x -> x + 1000 end)"#,
                r#"[1, 2, 3, 4, 5]"#,
            ),
            (
                r#"Enum.map_every([1, 2, 3], 1, fn x -> x + 1000 end)"#,
                r#"[1001, 1002, 1003]"#,
            ),
            (
                r#"Enum.map_intersperse([1, 2, 3], :a, &(&1 * 2))"#,
                r#"[2, :a, 4, :a, 6]"#,
            ),
            (r#"Enum.map_intersperse([], :a, &(&1 * 2))"#, r#"[]"#),
            (r#"Enum.map_join([1, 2, 3], &(&1 * 2))"#, r#""246""#),
            (
                r#"Enum.map_join([1, 2, 3], " = ", &(&1 * 2))"#,
                r#""2 = 4 = 6""#,
            ),
            (
                r#"Enum.map_join(1..3, ", ", &Integer.to_string/1)"#,
                r#""1, 2, 3""#,
            ),
            (r#"Enum.join([1, 2, 3])"#, r#""123""#),
            (r#"Enum.join([1, 2, 3], ", ")"#, r#""1, 2, 3""#),
            (r#"Enum.join(["a", :b, 1.5, 'cd'], "-")"#, r#""a-b-1.5-cd""#),
            (r#"Enum.join([], ", ")"#, r#""""#),
            (r#"Enum.join(1..4, "+")"#, r#""1+2+3+4""#),
            (
                r#"Enum.join([1, {2}], ",")"#,
                r#"** (Protocol.UndefinedError) protocol String.Chars not implemented for {2} of type Tuple"#,
            ),
            (
                r#"Enum.filter([1, 2, 3, 4], fn x -> rem(x, 2) == 0 end)"#,
                r#"[2, 4]"#,
            ),
            (r#"Enum.filter(1..10, &(rem(&1, 3) == 0))"#, r#"[3, 6, 9]"#),
            (
                r#"Enum.filter(%{a: 1, b: 2, c: 3}, fn {_, v} -> v > 1 end)"#,
                r#"[b: 2, c: 3]"#,
            ),
            (r#"Enum.filter([1, nil, false, 2], & &1)"#, r#"[1, 2]"#),
            (
                r#"Enum.reject([1, 2, 3, 4], fn x -> rem(x, 2) == 0 end)"#,
                r#"[1, 3]"#,
            ),
            (r#"Enum.reject(1..6, &(&1 > 3))"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.filter_map([1, 2, 3], &(&1 > 1), &(&1 * 10))"#,
                r#"[20, 30]"#,
            ),
            (
                r#"Enum.split_with([5, 4, 3, 2, 1, 0], fn x -> rem(x, 2) == 0 end)"#,
                r#"{[4, 2, 0], [5, 3, 1]}"#,
            ),
            (
                r#"Enum.split_with(%{a: 1, b: -2, c: 1, d: -3}, fn {_k, v} -> v < 0 end)"#,
                r#"{[b: -2, d: -3], [a: 1, c: 1]}"#,
            ),
            (r#"Enum.split_with([], fn x -> x end)"#, r#"{[], []}"#),
            (
                r#"Enum.flat_map([:a, :b, :c], fn x -> [x, x] end)"#,
                r#"[:a, :a, :b, :b, :c, :c]"#,
            ),
            (
                r#"Enum.flat_map([{1, 3}, {4, 6}], fn {x, y} -> x..y end)"#,
                r#"[1, 2, 3, 4, 5, 6]"#,
            ),
            (
                r#"Enum.flat_map([:a, :b], fn x -> [[x]] end)"#,
                r#"[[:a], [:b]]"#,
            ),
            (
                r#"Enum.flat_map(1..3, fn x -> List.duplicate(x, x) end)"#,
                r#"[1, 2, 2, 3, 3, 3]"#,
            ),
            (r#"Enum.with_index([:a, :b, :c])"#, r#"[a: 0, b: 1, c: 2]"#),
            (
                r#"Enum.with_index([:a, :b, :c], 3)"#,
                r#"[a: 3, b: 4, c: 5]"#,
            ),
            (
                r#"Enum.with_index([:a, :b], fn e, i -> {i, e} end)"#,
                r#"[{0, :a}, {1, :b}]"#,
            ),
            (r#"Enum.with_index(1..3)"#, r#"[{1, 0}, {2, 1}, {3, 2}]"#),
            (r#"Enum.with_index(%{x: 1})"#, r#"[{{:x, 1}, 0}]"#),
            (r#"Enum.intersperse([1, 2, 3], 0)"#, r#"[1, 0, 2, 0, 3]"#),
            (r#"Enum.intersperse([1], 0)"#, r#"[1]"#),
            (r#"Enum.intersperse([], 0)"#, r#"[]"#),
            (r#"Enum.intersperse(1..3, :x)"#, r#"[1, :x, 2, :x, 3]"#),
        ],
    );
}

/// Enum: search.
#[test]
fn enum_search() {
    check(
        "enum_search",
        &[
            (
                r#"Enum.all?([2, 4, 6], fn x -> rem(x, 2) == 0 end)"#,
                r#"true"#,
            ),
            (
                r#"Enum.all?([2, 3, 4], fn x -> rem(x, 2) == 0 end)"#,
                r#"false"#,
            ),
            (r#"Enum.all?([], fn _ -> false end)"#, r#"true"#),
            (r#"Enum.all?([1, nil, 3])"#, r#"false"#),
            (r#"Enum.all?(1..5, &(&1 > 0))"#, r#"true"#),
            (
                r#"Enum.any?([2, 4, 6], fn x -> rem(x, 2) == 1 end)"#,
                r#"false"#,
            ),
            (
                r#"Enum.any?([2, 3, 4], fn x -> rem(x, 2) == 1 end)"#,
                r#"true"#,
            ),
            (r#"Enum.any?([])"#, r#"false"#),
            (r#"Enum.any?([false, nil, 1])"#, r#"true"#),
            (r#"Enum.any?(1..1000000000, &(&1 == 5))"#, r#"true"#),
            (
                r#"Enum.find([2, 3, 4], fn x -> rem(x, 2) == 1 end)"#,
                r#"3"#,
            ),
            (
                r#"Enum.find([2, 4, 6], fn x -> rem(x, 2) == 1 end)"#,
                r#"nil"#,
            ),
            (
                r#"Enum.find([2, 4, 6], 0, fn x -> rem(x, 2) == 1 end)"#,
                r#"0"#,
            ),
            (r#"Enum.find(1..1000000000, &(&1 * &1 > 50))"#, r#"8"#),
            (
                r#"Enum.find(%{a: 1, b: 2}, fn {_, v} -> v == 2 end)"#,
                r#"{:b, 2}"#,
            ),
            (
                r#"Enum.find_index([2, 4, 6], fn x -> rem(x, 2) == 1 end)"#,
                r#"nil"#,
            ),
            (
                r#"Enum.find_index([2, 3, 4], fn x -> rem(x, 2) == 1 end)"#,
                r#"1"#,
            ),
            (r#"Enum.find_index(5..10, &(&1 == 7))"#, r#"2"#),
            (
                r#"Enum.find_value([2, 3, 4], fn x -> if x > 2, do: x * x end)"#,
                r#"9"#,
            ),
            (
                r#"Enum.find_value([2, 4, 6], fn x -> rem(x, 2) == 1 end)"#,
                r#"nil"#,
            ),
            (
                r#"Enum.find_value([1, 2, 3], "no bools!", &is_boolean/1)"#,
                r#""no bools!""#,
            ),
            (r#"Enum.member?([1, 2, 3], 2)"#, r#"true"#),
            (r#"Enum.member?([1.0, 2.0], 2)"#, r#"false"#),
            (r#"Enum.member?(1..10, 5)"#, r#"true"#),
            (r#"Enum.member?(1..10, 5.0)"#, r#"false"#),
            (r#"Enum.member?(1..10//2, 4)"#, r#"false"#),
            (r#"Enum.member?(1..10//2, 5)"#, r#"true"#),
            (r#"Enum.member?(10..1//-3, 4)"#, r#"true"#),
            (r#"Enum.member?(%{a: 1}, {:a, 1})"#, r#"true"#),
            (r#"Enum.member?(%{a: 1}, {:a, 2})"#, r#"false"#),
            (r#"Enum.member?(%{a: 1}, :a)"#, r#"false"#),
            (r#"Enum.member?(MapSet.new([1, 2]), 2)"#, r#"true"#),
            (r#"Enum.empty?([])"#, r#"true"#),
            (r#"Enum.empty?([1])"#, r#"false"#),
            (r#"Enum.empty?(1..0//1)"#, r#"true"#),
            (r#"Enum.empty?(%{})"#, r#"true"#),
            (r#"Enum.empty?(%{a: 1})"#, r#"false"#),
        ],
    );
}

/// Enum: counting.
#[test]
fn enum_counting() {
    check(
        "enum_counting",
        &[
            (r#"Enum.count([1, 2, 3])"#, r#"3"#),
            (r#"Enum.count(1..10//3)"#, r#"4"#),
            (r#"Enum.count(10..1)"#, r#"10"#),
            (r#"Enum.count(1..0//1)"#, r#"0"#),
            (r#"Enum.count(%{a: 1, b: 2})"#, r#"2"#),
            (
                r#"Enum.count([1, 2, 3, 4, 5], fn x -> rem(x, 2) == 0 end)"#,
                r#"2"#,
            ),
            (r#"Enum.count(1..10, &(&1 > 7))"#, r#"3"#),
            (r#"Enum.count_until(1..20, 5)"#, r#"5"#),
            (r#"Enum.count_until(1..20, 50)"#, r#"20"#),
            (r#"Enum.count_until([1, 2, 3], 2)"#, r#"2"#),
            (r#"Enum.count_until([1, 2, 3], 10)"#, r#"3"#),
            (
                r#"Enum.count_until(1..20, fn x -> rem(x, 2) == 0 end, 7)"#,
                r#"7"#,
            ),
            (
                r#"Enum.count_until(1..20, fn x -> rem(x, 2) == 0 end, 11)"#,
                r#"10"#,
            ),
            (r#"Enum.sum([1, 2, 3])"#, r#"6"#),
            (r#"Enum.sum(1..100)"#, r#"5050"#),
            (r#"Enum.sum(1..10//3)"#, r#"22"#),
            (r#"Enum.sum(10..1//-2)"#, r#"30"#),
            (r#"Enum.sum(1..0//1)"#, r#"0"#),
            (r#"Enum.sum([1, 2.5])"#, r#"3.5"#),
            (r#"Enum.sum([])"#, r#"0"#),
            (
                r#"Enum.sum([1, :a])"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#"Enum.product([])"#, r#"1"#),
            (r#"Enum.product([2, 3, 4])"#, r#"24"#),
            (r#"Enum.product([2.0, 3.0])"#, r#"6.0"#),
            (r#"Enum.product(1..5)"#, r#"120"#),
            (
                r#"Enum.frequencies(["ant", "buffalo", "ant", "ant", "buffalo", "dingo"])"#,
                r#"%{"ant" => 3, "buffalo" => 2, "dingo" => 1}"#,
            ),
            (r#"Enum.frequencies([1, 1.0, 1])"#, r#"%{1 => 2, 1.0 => 1}"#),
            (
                r#"Enum.frequencies_by(["aa", "aA", "bb", "cc"], &String.downcase/1)"#,
                r#"%{"aa" => 2, "bb" => 1, "cc" => 1}"#,
            ),
            (
                r#"Enum.frequencies_by(["aaa", "aA", "bbb", "cc", "c"], &String.length/1)"#,
                r#"%{1 => 1, 2 => 2, 3 => 2}"#,
            ),
            (
                r#"Enum.group_by(["ant", "buffalo", "cat", "dingo"], &String.length/1)"#,
                r#"%{3 => ["ant", "cat"], 5 => ["dingo"], 7 => ["buffalo"]}"#,
            ),
            (
                r#"Enum.group_by(["ant", "buffalo", "cat", "dingo"], &String.length/1, &String.first/1)"#,
                r#"%{3 => ["a", "c"], 5 => ["d"], 7 => ["b"]}"#,
            ),
            (
                r#"Enum.group_by(1..10, &rem(&1, 3))"#,
                r#"%{0 => [3, 6, 9], 1 => [1, 4, 7, 10], 2 => [2, 5, 8]}"#,
            ),
            (r#"Enum.group_by([], & &1)"#, r#"%{}"#),
        ],
    );
}

/// Enum: min/max.
#[test]
fn enum_min_max() {
    check(
        "enum_min_max",
        &[
            (r#"Enum.max([1, 3, 2])"#, r#"3"#),
            (r#"Enum.max([])"#, r#"** (Enum.EmptyError) empty error"#),
            (r#"Enum.max([1, 1.0])"#, r#"1"#),
            (r#"Enum.max([1.0, 1])"#, r#"1.0"#),
            (r#"Enum.max(1..10//3)"#, r#"10"#),
            (r#"Enum.max(10..1//-4)"#, r#"10"#),
            (r#"Enum.max([], fn -> :empty end)"#, r#":empty"#),
            (r#"Enum.max([1, 3, 2], &>/2)"#, r#"3"#),
            (
                r#"Enum.max(["a", "bb"], fn a, b -> String.length(a) >= String.length(b) end)"#,
                r#""bb""#,
            ),
            (r#"Enum.max(%{a: 1, b: 2})"#, r#"{:b, 2}"#),
            (r#"Enum.min([3, 1, 2])"#, r#"1"#),
            (r#"Enum.min([])"#, r#"** (Enum.EmptyError) empty error"#),
            (r#"Enum.min(1..10//3)"#, r#"1"#),
            (r#"Enum.min(10..1//-4)"#, r#"2"#),
            (r#"Enum.min([], fn -> :empty end)"#, r#":empty"#),
            (r#"Enum.min([1, 1.0])"#, r#"1"#),
            (r#"Enum.min([3, 1, 2], &>=/2)"#, r#"3"#),
            (
                r#"Enum.max_by(["a", "aa", "aaa"], fn x -> String.length(x) end)"#,
                r#""aaa""#,
            ),
            (
                r#"Enum.max_by(["a", "aa", "aaa", "b", "bbb"], &String.length/1)"#,
                r#""aaa""#,
            ),
            (
                r#"Enum.max_by([], &String.length/1)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
            (
                r#"Enum.max_by([], &String.length/1, fn -> nil end)"#,
                r#"nil"#,
            ),
            (
                r#"Enum.max_by(["a", "bb", "cc"], &String.length/1, &>/2)"#,
                r#""cc""#,
            ),
            (
                r#"Enum.min_by(["a", "aa", "aaa"], fn x -> String.length(x) end)"#,
                r#""a""#,
            ),
            (
                r#"Enum.min_by(["a", "aa", "aaa", "b", "bbb"], &String.length/1)"#,
                r#""a""#,
            ),
            (
                r#"Enum.min_by([], &String.length/1, fn -> :none end)"#,
                r#":none"#,
            ),
            (
                r#"Enum.min_by([{1, :a}, {1, :b}], &elem(&1, 0))"#,
                r#"{1, :a}"#,
            ),
            (r#"Enum.min_max([2, 3, 1])"#, r#"{1, 3}"#),
            (r#"Enum.min_max([])"#, r#"** (Enum.EmptyError) empty error"#),
            (r#"Enum.min_max([], fn -> {nil, nil} end)"#, r#"{nil, nil}"#),
            (r#"Enum.min_max(1..10//4)"#, r#"{1, 9}"#),
            (r#"Enum.min_max(10..1//-4)"#, r#"{2, 10}"#),
            (
                r#"Enum.min_max_by(["aaa", "bb", "c"], fn x -> String.length(x) end)"#,
                r#"{"c", "aaa"}"#,
            ),
            (
                r#"Enum.min_max_by(["aaa", "a", "bb", "c", "ccc"], &String.length/1)"#,
                r#"{"a", "aaa"}"#,
            ),
            (
                r#"Enum.min_max_by([], &String.length/1, fn -> nil end)"#,
                r#"nil"#,
            ),
            (
                r#"Enum.min_max_by([], &String.length/1)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
        ],
    );
}

/// Enum: positions.
#[test]
fn enum_positions() {
    check(
        "enum_positions",
        &[
            (r#"Enum.at([2, 4, 6], 0)"#, r#"2"#),
            (r#"Enum.at([2, 4, 6], 2)"#, r#"6"#),
            (r#"Enum.at([2, 4, 6], 4)"#, r#"nil"#),
            (r#"Enum.at([2, 4, 6], 4, :none)"#, r#":none"#),
            (r#"Enum.at([2, 4, 6], -1)"#, r#"6"#),
            (r#"Enum.at([2, 4, 6], -4)"#, r#"nil"#),
            (r#"Enum.at(1..10//2, 3)"#, r#"7"#),
            (r#"Enum.at(1..10//2, -1)"#, r#"9"#),
            (r#"Enum.at(1..10//2, 10)"#, r#"nil"#),
            (r#"Enum.at(%{a: 1, b: 2}, 1)"#, r#"{:b, 2}"#),
            (
                r#"Enum.at(5, 0)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (r#"Enum.fetch([2, 4, 6], 0)"#, r#"{:ok, 2}"#),
            (r#"Enum.fetch([2, 4, 6], -3)"#, r#"{:ok, 2}"#),
            (r#"Enum.fetch([2, 4, 6], 4)"#, r#":error"#),
            (r#"Enum.fetch(1..3, 1)"#, r#"{:ok, 2}"#),
            (r#"Enum.fetch!([2, 4, 6], 2)"#, r#"6"#),
            (
                r#"Enum.fetch!([2, 4, 6], 4)"#,
                r#"** (Enum.OutOfBoundsError) out of bounds error"#,
            ),
            (
                r#"Enum.fetch!(1..3, -4)"#,
                r#"** (Enum.OutOfBoundsError) out of bounds error"#,
            ),
            (r#"Enum.slice(1..100, 5..10)"#, r#"[6, 7, 8, 9, 10, 11]"#),
            (r#"Enum.slice(1..10, 5..20)"#, r#"[6, 7, 8, 9, 10]"#),
            (r#"Enum.slice(1..30, -5..-1)"#, r#"[26, 27, 28, 29, 30]"#),
            (r#"Enum.slice(1..30, 25..-1)"#, r#"[26, 27, 28, 29, 30]"#),
            (r#"Enum.slice(1..10, 11..20)"#, r#"[]"#),
            (r#"Enum.slice(1..10, 6..5)"#, r#"[]"#),
            (r#"Enum.slice(1..10, 6..5//1)"#, r#"[]"#),
            (r#"Enum.slice([1, 2, 3, 4, 5], 0..4//2)"#, r#"[1, 3, 5]"#),
            (
                r#"Enum.slice([1, 2, 3, 4, 5, 6, 7], -6..-2//3)"#,
                r#"[2, 5]"#,
            ),
            (r#"Enum.slice([1, 2, 3], 3..1//-1)"#, r#"[]"#),
            (r#"Enum.slice([1, 2, 3], 1..0//-1)"#, r#"[]"#),
            (
                r#"Enum.slice(1..100, 5, 10)"#,
                r#"[6, 7, 8, 9, 10, 11, 12, 13, 14, 15]"#,
            ),
            (r#"Enum.slice(1..10, 5, 100)"#, r#"[6, 7, 8, 9, 10]"#),
            (r#"Enum.slice(1..10, 5, 0)"#, r#"[]"#),
            (r#"Enum.slice(1..10, -6, 3)"#, r#"[5, 6, 7]"#),
            (r#"Enum.slice(1..10, 10, 5)"#, r#"[]"#),
            (r#"Enum.slice(1..10, -11, 5)"#, r#"[1, 2, 3, 4, 5]"#),
            (r#"Enum.slice([:a, :b, :c], -2, 5)"#, r#"[:b, :c]"#),
            (
                r#"Enum.slice(%{a: 1, b: 2, c: 3}, 1, 2)"#,
                r#"[b: 2, c: 3]"#,
            ),
            (r#"Enum.take([1, 2, 3], 2)"#, r#"[1, 2]"#),
            (r#"Enum.take([1, 2, 3], 10)"#, r#"[1, 2, 3]"#),
            (r#"Enum.take([1, 2, 3], 0)"#, r#"[]"#),
            (r#"Enum.take([1, 2, 3], -1)"#, r#"[3]"#),
            (r#"Enum.take([1, 2, 3], -5)"#, r#"[1, 2, 3]"#),
            (r#"Enum.take(1..1000000000, 3)"#, r#"[1, 2, 3]"#),
            (r#"Enum.take(1..10, -2)"#, r#"'\t\n'"#),
            (r#"Enum.take(%{a: 1, b: 2}, 1)"#, r#"[a: 1]"#),
            (
                r#"Enum.take([1], :a)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.take/2"#,
            ),
            (r#"Enum.drop([1, 2, 3], 2)"#, r#"[3]"#),
            (r#"Enum.drop([1, 2, 3], 10)"#, r#"[]"#),
            (r#"Enum.drop([1, 2, 3], 0)"#, r#"[1, 2, 3]"#),
            (r#"Enum.drop([1, 2, 3], -1)"#, r#"[1, 2]"#),
            (r#"Enum.drop([1, 2, 3], -5)"#, r#"[]"#),
            (r#"Enum.drop(1..10, 7)"#, r#"'\b\t\n'"#),
            (r#"Enum.drop(1..10, -7)"#, r#"[1, 2, 3]"#),
            (r#"Enum.split([1, 2, 3], 2)"#, r#"{[1, 2], [3]}"#),
            (r#"Enum.split([1, 2, 3], 10)"#, r#"{[1, 2, 3], []}"#),
            (r#"Enum.split([1, 2, 3], 0)"#, r#"{[], [1, 2, 3]}"#),
            (r#"Enum.split([1, 2, 3], -1)"#, r#"{[1, 2], [3]}"#),
            (r#"Enum.split([1, 2, 3], -5)"#, r#"{[], [1, 2, 3]}"#),
            (r#"Enum.split(1..6, 4)"#, r#"{[1, 2, 3, 4], [5, 6]}"#),
            (
                r#"Enum.take_while([1, 2, 3, 2, 1], fn x -> x < 3 end)"#,
                r#"[1, 2]"#,
            ),
            (
                r#"Enum.take_while(1..1000000000, &(&1 < 4))"#,
                r#"[1, 2, 3]"#,
            ),
            (r#"Enum.take_while([], & &1)"#, r#"[]"#),
            (
                r#"Enum.drop_while([1, 2, 3, 2, 1], fn x -> x < 3 end)"#,
                r#"[3, 2, 1]"#,
            ),
            (r#"Enum.drop_while(1..5, &(&1 < 10))"#, r#"[]"#),
            (
                r#"Enum.split_while([1, 2, 3, 4], fn x -> x < 3 end)"#,
                r#"{[1, 2], [3, 4]}"#,
            ),
            (
                r#"Enum.split_while([1, 2, 3, 4], fn x -> x < 0 end)"#,
                r#"{[], [1, 2, 3, 4]}"#,
            ),
            (
                r#"Enum.split_while([1, 2, 3, 4], fn x -> x > 0 end)"#,
                r#"{[1, 2, 3, 4], []}"#,
            ),
            (r#"Enum.take_every(1..10, 2)"#, r#"[1, 3, 5, 7, 9]"#),
            (r#"Enum.take_every(1..10, 0)"#, r#"[]"#),
            (r#"Enum.take_every([1, 2, 3], 1)"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.take_every([1, 2, 3, 4, 5, 6, 7], 3)"#,
                r#"[1, 4, 7]"#,
            ),
            (r#"Enum.drop_every(1..10, 2)"#, r#"[2, 4, 6, 8, 10]"#),
            (
                r#"Enum.drop_every(1..10, 0)"#,
                r#"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"#,
            ),
            (r#"Enum.drop_every([1, 2, 3], 1)"#, r#"[]"#),
            (r#"Enum.drop_every(1..10, 3)"#, r#"[2, 3, 5, 6, 8, 9]"#),
            (r#"Enum.reverse([1, 2, 3])"#, r#"[3, 2, 1]"#),
            (r#"Enum.reverse(1..5)"#, r#"[5, 4, 3, 2, 1]"#),
            (r#"Enum.reverse(%{a: 1, b: 2})"#, r#"[b: 2, a: 1]"#),
            (
                r#"Enum.reverse([1, 2, 3], [4, 5, 6])"#,
                r#"[3, 2, 1, 4, 5, 6]"#,
            ),
            (r#"Enum.reverse(1..3, 7..8)"#, r#"[3, 2, 1, 7, 8]"#),
            (
                r#"Enum.reverse_slice([1, 2, 3, 4, 5, 6], 2, 4)"#,
                r#"[1, 2, 6, 5, 4, 3]"#,
            ),
            (r#"Enum.reverse_slice([1, 2, 3], 1, 10)"#, r#"[1, 3, 2]"#),
            (r#"Enum.reverse_slice([1, 2, 3], 5, 1)"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.slide([:a, :b, :c, :d, :e, :f, :g], 5, 1)"#,
                r#"[:a, :f, :b, :c, :d, :e, :g]"#,
            ),
            (
                r#"Enum.slide([:a, :b, :c, :d, :e, :f, :g], 3..5, 1)"#,
                r#"[:a, :d, :e, :f, :b, :c, :g]"#,
            ),
            (
                r#"Enum.slide([:a, :b, :c, :d, :e, :f, :g], 1..3, 5)"#,
                r#"[:a, :e, :f, :b, :c, :d, :g]"#,
            ),
            (
                r#"Enum.slide([:a, :b, :c, :d, :e, :f, :g], 1..3, -1)"#,
                r#"[:a, :e, :f, :g, :b, :c, :d]"#,
            ),
            (
                r#"Enum.slide([:a, :b, :c, :d, :e, :f, :g], -3..-1, 0)"#,
                r#"[:e, :f, :g, :a, :b, :c, :d]"#,
            ),
            (r#"Enum.slide(1..5, 0, 4)"#, r#"[2, 3, 4, 5, 1]"#),
            (
                r#"Enum.slide([:a, :b, :c, :d], 1..2, 2)"#,
                r#"** (ArgumentError) insertion index for slide must be outside the range being moved (tried to insert 1..2 at 2)"#,
            ),
        ],
    );
}

/// Enum: chunking.
#[test]
fn enum_chunking() {
    check(
        "enum_chunking",
        &[
            (
                r#"Enum.chunk_every([1, 2, 3, 4, 5, 6], 2)"#,
                r#"[[1, 2], [3, 4], [5, 6]]"#,
            ),
            (
                r#"Enum.chunk_every([1, 2, 3, 4, 5, 6], 3, 2, :discard)"#,
                r#"[[1, 2, 3], [3, 4, 5]]"#,
            ),
            (
                r#"Enum.chunk_every([1, 2, 3, 4, 5, 6], 3, 2, [7])"#,
                r#"[[1, 2, 3], [3, 4, 5], [5, 6, 7]]"#,
            ),
            (
                r#"Enum.chunk_every([1, 2, 3, 4], 3, 3, [])"#,
                r#"[[1, 2, 3], [4]]"#,
            ),
            (r#"Enum.chunk_every([1, 2, 3, 4], 10)"#, r#"[[1, 2, 3, 4]]"#),
            (
                r#"Enum.chunk_every([1, 2, 3, 4, 5], 2, 3, [])"#,
                r#"[[1, 2], [4, 5]]"#,
            ),
            (
                r#"Enum.chunk_every([1, 2, 3, 4], 3, 1)"#,
                r#"[[1, 2, 3], [2, 3, 4], [3, 4]]"#,
            ),
            (
                r#"Enum.chunk_every(1..7, 3, 3, [:a, :b, :c])"#,
                r#"[[1, 2, 3], [4, 5, 6], [7, :a, :b]]"#,
            ),
            (r#"Enum.chunk_every([], 2)"#, r#"[]"#),
            (
                r#"Enum.chunk_every([1, 2, 3], 2, 1, :discard)"#,
                r#"[[1, 2], [2, 3]]"#,
            ),
            (
                r#"Enum.chunk_every([1, 2], 0)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.chunk_every/4"#,
            ),
            (
                r#"Enum.chunk_by([1, 2, 2, 3, 4, 4, 6, 7, 7], &(rem(&1, 2) == 1))"#,
                r#"[[1], [2, 2], [3], [4, 4, 6], '\a\a']"#,
            ),
            (r#"Enum.chunk_by([], & &1)"#, r#"[]"#),
            (
                r#"Enum.chunk_by([1, 1.0, 1], & &1)"#,
                r#"[[1], [1.0], [1]]"#,
            ),
            (
                r#"Enum.chunk_by(["a", "b", "cc", "d"], &String.length/1)"#,
                r#"[["a", "b"], ["cc"], ["d"]]"#,
            ),
            (
                r#"Enum.chunk_while(1..10, [], fn e, acc -> if rem(e, 2) == 0, do: {:cont, Enum.reverse([e | acc]), []}, else: {:cont, [e | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end)"#,
                r#"[[1, 2], [3, 4], [5, 6], '\a\b', '\t\n']"#,
            ),
            (
                r#"Enum.chunk_while([1, 2, 3, 5, 7], [], fn e, acc -> if rem(e, 2) == 0, do: {:cont, Enum.reverse([e | acc]), []}, else: {:cont, [e | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end)"#,
                r#"[[1, 2], [3, 5, 7]]"#,
            ),
        ],
    );
}

/// Enum: uniqueness.
#[test]
fn enum_uniqueness() {
    check(
        "enum_uniqueness",
        &[
            (r#"Enum.uniq([1, 2, 3, 3, 2, 1])"#, r#"[1, 2, 3]"#),
            (r#"Enum.uniq([1, 1.0, 1])"#, r#"[1, 1.0]"#),
            (r#"Enum.uniq(1..3)"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.uniq_by([{1, :x}, {2, :y}, {1, :z}], fn {x, _} -> x end)"#,
                r#"[{1, :x}, {2, :y}]"#,
            ),
            (
                r#"Enum.uniq_by([a: {:tea, 2}, b: {:tea, 2}, c: {:coffee, 1}], fn {_, y} -> y end)"#,
                r#"[a: {:tea, 2}, c: {:coffee, 1}]"#,
            ),
            (r#"Enum.dedup([1, 2, 3, 3, 2, 1])"#, r#"[1, 2, 3, 2, 1]"#),
            (
                r#"Enum.dedup([1, 1, 2, 2.0, :three, :three])"#,
                r#"[1, 2, 2.0, :three]"#,
            ),
            (r#"Enum.dedup([])"#, r#"[]"#),
            (
                r#"Enum.dedup_by([{1, :a}, {2, :b}, {2, :c}, {1, :a}], fn {x, _} -> x end)"#,
                r#"[{1, :a}, {2, :b}, {1, :a}]"#,
            ),
            (
                r#"Enum.dedup_by([5, 1, 2, 3, 2, 1], fn x -> x > 2 end)"#,
                r#"[5, 1, 3, 2]"#,
            ),
        ],
    );
}

/// Enum: combining.
#[test]
fn enum_combining() {
    check(
        "enum_combining",
        &[
            (
                r#"Enum.concat([1..3, 4..6, 7..9])"#,
                r#"[1, 2, 3, 4, 5, 6, 7, 8, 9]"#,
            ),
            (
                r#"Enum.concat([[1, [2], 3], [4], [5, 6]])"#,
                r#"[1, [2], 3, 4, 5, 6]"#,
            ),
            (r#"Enum.concat([])"#, r#"[]"#),
            (r#"Enum.concat(1..3, 4..6)"#, r#"[1, 2, 3, 4, 5, 6]"#),
            (
                r#"Enum.concat([1, 2, 3], [4, 5, 6])"#,
                r#"[1, 2, 3, 4, 5, 6]"#,
            ),
            (r#"Enum.concat(%{a: 1}, [2])"#, r#"[{:a, 1}, 2]"#),
            (
                r#"Enum.zip([1, 2, 3], [:a, :b, :c])"#,
                r#"[{1, :a}, {2, :b}, {3, :c}]"#,
            ),
            (
                r#"Enum.zip([1, 2, 3, 4, 5], [:a, :b, :c])"#,
                r#"[{1, :a}, {2, :b}, {3, :c}]"#,
            ),
            (
                r#"Enum.zip(1..3, %{a: 1, b: 2})"#,
                r#"[{1, {:a, 1}}, {2, {:b, 2}}]"#,
            ),
            (
                r#"Enum.zip([[1, 2, 3], [:a, :b, :c], ["foo", "bar", "baz"]])"#,
                r#"[{1, :a, "foo"}, {2, :b, "bar"}, {3, :c, "baz"}]"#,
            ),
            (
                r#"Enum.zip([[1, 2, 3, 4, 5], [:a, :b, :c]])"#,
                r#"[{1, :a}, {2, :b}, {3, :c}]"#,
            ),
            (r#"Enum.zip([])"#, r#"[]"#),
            (r#"Enum.zip([1..2, [3, 4]])"#, r#"[{1, 3}, {2, 4}]"#),
            (
                r#"Enum.zip_with([1, 2], [3, 4], fn x, y -> x + y end)"#,
                r#"[4, 6]"#,
            ),
            (
                r#"Enum.zip_with([1, 2], [3, 4, 5, 6], fn x, y -> x + y end)"#,
                r#"[4, 6]"#,
            ),
            (
                r#"Enum.zip_with([[1, 2], [3, 4], [5, 6]], fn [x, y, z] -> x + y + z end)"#,
                r#"'\t\f'"#,
            ),
            (
                r#"Enum.zip_with([[1, 2], [3, 4]], fn [x, y] -> x + y end)"#,
                r#"[4, 6]"#,
            ),
            (r#"Enum.zip_with([], fn x -> x end)"#, r#"[]"#),
            (
                r#"Enum.zip_reduce([1, 2], [3, 4], 0, fn x, y, acc -> x + y + acc end)"#,
                r#"10"#,
            ),
            (
                r#"Enum.zip_reduce([[1, 1], [2, 2], [3, 3]], [], fn elements, acc -> [List.to_tuple(elements) | acc] end)"#,
                r#"[{1, 2, 3}, {1, 2, 3}]"#,
            ),
            (
                r#"Enum.unzip([{:a, 1}, {:b, 2}, {:c, 3}])"#,
                r#"{[:a, :b, :c], [1, 2, 3]}"#,
            ),
            (r#"Enum.unzip(%{a: 1, b: 2})"#, r#"{[:a, :b], [1, 2]}"#),
            (r#"Enum.unzip([])"#, r#"{[], []}"#),
        ],
    );
}

/// Enum: into.
#[test]
fn enum_into() {
    check(
        "enum_into",
        &[
            (r#"Enum.into([1, 2], [])"#, r#"[1, 2]"#),
            (r#"Enum.into([a: 1, b: 2], %{})"#, r#"%{a: 1, b: 2}"#),
            (r#"Enum.into(%{a: 1}, %{b: 2})"#, r#"%{a: 1, b: 2}"#),
            (r#"Enum.into([a: 1, a: 2], %{})"#, r#"%{a: 2}"#),
            (r#"Enum.into(1..3, [0])"#, r#"[0, 1, 2, 3]"#),
            (r#"Enum.into(%{a: 1}, [])"#, r#"[a: 1]"#),
            (r#"Enum.into(["a", "b"], "x")"#, r#""xab""#),
            (
                r#"Enum.into([1, 2, 3], MapSet.new([2, 9]))"#,
                r#"MapSet.new([1, 2, 3, 9])"#,
            ),
            (r#"Enum.into(MapSet.new([1]), [])"#, r#"[1]"#),
            (
                r#"Enum.into([2, 3], [3], fn x -> x * 3 end)"#,
                r#"[3, 6, 9]"#,
            ),
            (
                r#"Enum.into(%{a: 1, b: 2}, %{c: 3}, fn {k, v} -> {k, v * 2} end)"#,
                r#"%{a: 2, b: 4, c: 3}"#,
            ),
            (
                r#"Enum.into([1, 2], %{}, fn x -> {x, x * x} end)"#,
                r#"%{1 => 1, 2 => 4}"#,
            ),
        ],
    );
}

/// Enum: sorting.
#[test]
fn enum_sorting() {
    check(
        "enum_sorting",
        &[
            (r#"Enum.sort([3, 2, 1])"#, r#"[1, 2, 3]"#),
            (
                r#"Enum.sort([3, 1.0, 1, :a, "b", {1}, [1]])"#,
                r#"[1, 1.0, 3, :a, {1}, [1], "b"]"#,
            ),
            (r#"Enum.sort(5..1)"#, r#"[1, 2, 3, 4, 5]"#),
            (r#"Enum.sort(%{b: 1, a: 2})"#, r#"[a: 2, b: 1]"#),
            (r#"Enum.sort([1, 2, 3], &(&1 >= &2))"#, r#"[3, 2, 1]"#),
            (
                r#"Enum.sort(["some", "kind", "of", "monster"], &(byte_size(&1) <= byte_size(&2)))"#,
                r#"["of", "some", "kind", "monster"]"#,
            ),
            (
                r#"Enum.sort(["some", "kind", "of", "monster"], &(byte_size(&1) < byte_size(&2)))"#,
                r#"["of", "kind", "some", "monster"]"#,
            ),
            (r#"Enum.sort([2, 3, 1], :asc)"#, r#"[1, 2, 3]"#),
            (r#"Enum.sort([2, 3, 1], :desc)"#, r#"[3, 2, 1]"#),
            (
                r#"Enum.sort([1, 1.0, 2, 2.0], :desc)"#,
                r#"[2, 2.0, 1, 1.0]"#,
            ),
            (
                r#"Enum.sort([1.0, 1, 2.0, 2], :asc)"#,
                r#"[1.0, 1, 2.0, 2]"#,
            ),
            (
                r#"Enum.sort([{1, :a}, {0, :b}, {1, :c}, {0, :d}, {2, :e}, {1, :f}], fn {a, _}, {b, _} -> a < b end)"#,
                r#"[{0, :d}, {0, :b}, {1, :f}, {1, :c}, {1, :a}, {2, :e}]"#,
            ),
            (
                r#"Enum.sort([{1, :a}, {0, :b}, {1, :c}, {0, :d}, {2, :e}, {1, :f}], fn {a, _}, {b, _} -> a > b end)"#,
                r#"[{2, :e}, {1, :f}, {1, :c}, {1, :a}, {0, :d}, {0, :b}]"#,
            ),
            (
                r#"Enum.sort([5, 3, 8, 1, 9, 2, 7, 4, 6, 0], fn a, b -> rem(a, 3) < rem(b, 3) end)"#,
                r#"[0, 6, 9, 3, 4, 7, 1, 2, 8, 5]"#,
            ),
            (
                r#"Enum.sort([5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 15, 13], fn a, b -> rem(a, 4) > rem(b, 4) end)"#,
                r#"[15, 11, 7, 3, 6, 2, 13, 9, 1, 5, 0, 4, 8]"#,
            ),
            (
                r#"Enum.sort(1..10, fn a, b -> rem(a, 3) < rem(b, 3) end)"#,
                r#"[9, 6, 3, 10, 7, 4, 1, 8, 5, 2]"#,
            ),
            (
                r#"Enum.sort(1..12, fn a, b -> rem(a, 4) >= rem(b, 4) end)"#,
                r#"[3, 7, 11, 2, 6, 10, 1, 5, 9, 4, 8, 12]"#,
            ),
            (
                r#"Enum.sort(%{a: 3, b: 1, c: 3, d: 2, e: 1}, fn {_, x}, {_, y} -> x > y end)"#,
                r#"[c: 3, a: 3, d: 2, e: 1, b: 1]"#,
            ),
            (
                r#"Enum.sort(%{a: 3, b: 1, c: 3, d: 2, e: 1}, fn {_, x}, {_, y} -> x >= y end)"#,
                r#"[a: 3, c: 3, d: 2, b: 1, e: 1]"#,
            ),
            (
                r#"Enum.sort([3, 1, 2], fn _, _ -> nil end)"#,
                r#"** (CaseClauseError) no case clause matching: nil"#,
            ),
            (
                r#"Enum.sort_by(["some", "kind", "of", "monster"], &byte_size/1)"#,
                r#"["of", "some", "kind", "monster"]"#,
            ),
            (
                r#"Enum.sort_by(["some", "kind", "of", "monster"], &{byte_size(&1), String.first(&1)})"#,
                r#"["of", "kind", "some", "monster"]"#,
            ),
            (
                r#"Enum.sort_by(["some", "kind", "of", "monster"], &byte_size/1, &>=/2)"#,
                r#"["monster", "some", "kind", "of"]"#,
            ),
            (
                r#"Enum.sort_by(["some", "kind", "of", "monster"], &byte_size/1, :desc)"#,
                r#"["monster", "some", "kind", "of"]"#,
            ),
            (
                r#"Enum.sort_by(["some", "kind", "of", "monster"], &byte_size/1, :asc)"#,
                r#"["of", "some", "kind", "monster"]"#,
            ),
            (
                r#"Enum.sort_by([{1, :a}, {0, :b}, {1, :c}, {0, :d}, {2, :e}], &elem(&1, 0), &</2)"#,
                r#"[{0, :d}, {0, :b}, {1, :c}, {1, :a}, {2, :e}]"#,
            ),
            (
                r#"Enum.sort_by([{1, :a}, {0, :b}, {1, :c}, {0, :d}, {2, :e}], &elem(&1, 0), &>/2)"#,
                r#"[{2, :e}, {1, :c}, {1, :a}, {0, :d}, {0, :b}]"#,
            ),
            (
                r#"Enum.sort_by(%{a: 3, b: 1, c: 2}, fn {_, v} -> v end)"#,
                r#"[b: 1, c: 2, a: 3]"#,
            ),
            (
                r#"Enum.sort_by(%{a: 3, b: 1, c: 3}, fn {_, v} -> v end, :desc)"#,
                r#"[a: 3, c: 3, b: 1]"#,
            ),
            (
                r#"Enum.sort_by(1..6, &rem(&1, 3), :desc)"#,
                r#"[2, 5, 1, 4, 3, 6]"#,
            ),
        ],
    );
}

/// List.
#[test]
fn list() {
    check(
        "list",
        &[
            (r#"List.first([])"#, r#"nil"#),
            (r#"List.first([], 1)"#, r#"1"#),
            (r#"List.first([1, 2])"#, r#"1"#),
            (r#"List.last([])"#, r#"nil"#),
            (r#"List.last([], :d)"#, r#":d"#),
            (r#"List.last([1, 2, 3])"#, r#"3"#),
            (r#"List.flatten([1, [[2], 3]])"#, r#"[1, 2, 3]"#),
            (
                r#"List.flatten([1, [[2], 3]], [4, 5])"#,
                r#"[1, 2, 3, 4, 5]"#,
            ),
            (
                r#"List.foldl([5, 5], 10, fn x, acc -> x + acc end)"#,
                r#"20"#,
            ),
            (
                r#"List.foldl([1, 2, 3, 4], 0, fn x, acc -> x - acc end)"#,
                r#"2"#,
            ),
            (
                r#"List.foldr([1, 2, 3, 4], 0, fn x, acc -> x - acc end)"#,
                r#"-2"#,
            ),
            (r#"List.keyfind([a: 1, b: 2], :a, 0)"#, r#"{:a, 1}"#),
            (r#"List.keyfind([a: 1, b: 2], 2, 1)"#, r#"{:b, 2}"#),
            (r#"List.keyfind([a: 1, b: 2], :c, 0)"#, r#"nil"#),
            (r#"List.keyfind([a: 1, b: 2], :c, 0, :none)"#, r#":none"#),
            (r#"List.keyfind!([a: 1, b: 2], :a, 0)"#, r#"{:a, 1}"#),
            (
                r#"List.keyfind!([a: 1, b: 2], :c, 0)"#,
                r#"** (KeyError) key :c at position 0 not found in: [a: 1, b: 2]"#,
            ),
            (r#"List.keymember?([a: 1, b: 2], :a, 0)"#, r#"true"#),
            (r#"List.keymember?([a: 1, b: 2], 2, 1)"#, r#"true"#),
            (r#"List.keymember?([a: 1, b: 2], :c, 0)"#, r#"false"#),
            (r#"List.keydelete([a: 1, b: 2], :a, 0)"#, r#"[b: 2]"#),
            (r#"List.keydelete([a: 1, b: 2], 2, 1)"#, r#"[a: 1]"#),
            (r#"List.keydelete([a: 1, b: 2], :c, 0)"#, r#"[a: 1, b: 2]"#),
            (
                r#"List.keyreplace([a: 1, b: 2], :a, 0, {:a, 3})"#,
                r#"[a: 3, b: 2]"#,
            ),
            (
                r#"List.keyreplace([a: 1, b: 2], :c, 0, {:c, 3})"#,
                r#"[a: 1, b: 2]"#,
            ),
            (
                r#"List.keystore([a: 1, b: 2], :a, 0, {:a, 3})"#,
                r#"[a: 3, b: 2]"#,
            ),
            (
                r#"List.keystore([a: 1, b: 2], :c, 0, {:c, 3})"#,
                r#"[a: 1, b: 2, c: 3]"#,
            ),
            (
                r#"List.keytake([a: 1, b: 2], :a, 0)"#,
                r#"{{:a, 1}, [b: 2]}"#,
            ),
            (
                r#"List.keytake([a: 1, b: 2], 2, 1)"#,
                r#"{{:b, 2}, [a: 1]}"#,
            ),
            (r#"List.keytake([a: 1, b: 2], :c, 0)"#, r#"nil"#),
            (
                r#"List.keysort([a: 5, b: 1, c: 3], 1)"#,
                r#"[b: 1, c: 3, a: 5]"#,
            ),
            (
                r#"List.keysort([a: 5, c: 1, b: 3], 0)"#,
                r#"[a: 5, b: 3, c: 1]"#,
            ),
            (
                r#"List.keysort([a: 5, b: 1, c: 3, d: 1], 1, :desc)"#,
                r#"[a: 5, c: 3, b: 1, d: 1]"#,
            ),
            (
                r#"List.keysort([{1, :b}, {1.0, :a}, {0, :c}], 0)"#,
                r#"[{0, :c}, {1, :b}, {1.0, :a}]"#,
            ),
            (
                r#"List.keysort([a: 5, b: 1, c: 3], 1, &>=/2)"#,
                r#"[a: 5, c: 3, b: 1]"#,
            ),
            (r#"List.delete([:a, :b, :c], :a)"#, r#"[:b, :c]"#),
            (r#"List.delete([:a, :b, :b, :c], :b)"#, r#"[:a, :b, :c]"#),
            (r#"List.delete_at([1, 2, 3], 0)"#, r#"[2, 3]"#),
            (r#"List.delete_at([1, 2, 3], 10)"#, r#"[1, 2, 3]"#),
            (r#"List.delete_at([1, 2, 3], -1)"#, r#"[1, 2]"#),
            (
                r#"List.insert_at([1, 2, 3, 4], 2, 0)"#,
                r#"[1, 2, 0, 3, 4]"#,
            ),
            (r#"List.insert_at([1, 2, 3], 10, 0)"#, r#"[1, 2, 3, 0]"#),
            (r#"List.insert_at([1, 2, 3], -1, 0)"#, r#"[1, 2, 3, 0]"#),
            (r#"List.insert_at([1, 2, 3], -10, 0)"#, r#"[0, 1, 2, 3]"#),
            (r#"List.replace_at([1, 2, 3], 0, 0)"#, r#"[0, 2, 3]"#),
            (r#"List.replace_at([1, 2, 3], 10, 0)"#, r#"[1, 2, 3]"#),
            (r#"List.replace_at([1, 2, 3], -1, 0)"#, r#"[1, 2, 0]"#),
            (r#"List.replace_at([1, 2, 3], -10, 0)"#, r#"[1, 2, 3]"#),
            (
                r#"List.update_at([1, 2, 3], 0, &(&1 + 10))"#,
                r#"[11, 2, 3]"#,
            ),
            (
                r#"List.update_at([1, 2, 3], 10, &(&1 + 10))"#,
                r#"[1, 2, 3]"#,
            ),
            (
                r#"List.update_at([1, 2, 3], -1, &(&1 + 10))"#,
                r#"[1, 2, 13]"#,
            ),
            (
                r#"List.update_at([1, 2, 3], -10, &(&1 + 10))"#,
                r#"[1, 2, 3]"#,
            ),
            (r#"List.pop_at([1, 2, 3], 0)"#, r#"{1, [2, 3]}"#),
            (r#"List.pop_at([1, 2, 3], 5)"#, r#"{nil, [1, 2, 3]}"#),
            (r#"List.pop_at([1, 2, 3], 5, 10)"#, r#"{10, [1, 2, 3]}"#),
            (r#"List.pop_at([1, 2, 3], -1)"#, r#"{3, [1, 2]}"#),
            (
                r#"List.duplicate("hello", 3)"#,
                r#"["hello", "hello", "hello"]"#,
            ),
            (r#"List.duplicate([1, 2], 2)"#, r#"[[1, 2], [1, 2]]"#),
            (r#"List.wrap("hello")"#, r#"["hello"]"#),
            (r#"List.wrap([1, 2, 3])"#, r#"[1, 2, 3]"#),
            (r#"List.wrap(nil)"#, r#"[]"#),
            (
                r#"List.zip([[1, 2], [3, 4], [5, 6]])"#,
                r#"[{1, 3, 5}, {2, 4, 6}]"#,
            ),
            (r#"List.zip([[1, 2], [3], [5, 6]])"#, r#"[{1, 3, 5}]"#),
            (r#"List.zip([])"#, r#"[]"#),
            (r#"List.starts_with?([1, 2, 3], [1, 2])"#, r#"true"#),
            (r#"List.starts_with?([1, 2], [1, 2, 3])"#, r#"false"#),
            (r#"List.starts_with?([:alpha], [])"#, r#"true"#),
            (r#"List.starts_with?([], [:alpha])"#, r#"false"#),
            (r#"List.improper?([1, 2 | 3])"#, r#"true"#),
            (r#"List.improper?([1, 2, 3])"#, r#"false"#),
            (r#"List.ascii_printable?('abc')"#, r#"true"#),
            (r#"List.ascii_printable?([0])"#, r#"false"#),
            (r#"List.ascii_printable?('abc' ++ [0], 2)"#, r#"true"#),
            (
                r#"List.to_tuple([:share, [:elixir, 163]])"#,
                r#"{:share, [:elixir, 163]}"#,
            ),
            (r#"List.to_string([0x00E6, 0x00DF])"#, r#""æß""#),
            (r#"List.to_string([0x0061, "bc"])"#, r#""abc""#),
            (r#"List.to_charlist([0x00E6, 0x00DF])"#, r#"[230, 223]"#),
            (r#"List.to_atom('Elixir')"#, r#"Elixir"#),
            (r#"List.to_integer('123')"#, r#"123"#),
            (r#"List.to_integer('3FF', 16)"#, r#"1023"#),
            (r#"List.to_float('2.2017764e+0')"#, r#"2.2017764"#),
        ],
    );
}

/// Map.
#[test]
fn map() {
    check(
        "map",
        &[
            (r#"Map.new()"#, r#"%{}"#),
            (r#"Map.new([{:b, 1}, {:a, 2}])"#, r#"%{a: 2, b: 1}"#),
            (r#"Map.new(a: 1, a: 2, a: 3)"#, r#"%{a: 3}"#),
            (r#"Map.new(%{a: 1})"#, r#"%{a: 1}"#),
            (
                r#"Map.new(1..3, fn x -> {x, x * x} end)"#,
                r#"%{1 => 1, 2 => 4, 3 => 9}"#,
            ),
            (
                r#"Map.new([:a, :b], fn x -> {x, x} end)"#,
                r#"%{a: :a, b: :b}"#,
            ),
            (
                r#"Map.new(MapSet.new([1]), fn x -> {x, 0} end)"#,
                r#"%{1 => 0}"#,
            ),
            (
                r#"Map.from_keys([1, 2, 3], :number)"#,
                r#"%{1 => :number, 2 => :number, 3 => :number}"#,
            ),
            (r#"Map.get_lazy(%{a: 1}, :a, fn -> 13 end)"#, r#"1"#),
            (r#"Map.get_lazy(%{a: 1}, :b, fn -> 13 end)"#, r#"13"#),
            (
                r#"Map.put_new_lazy(%{a: 1}, :a, fn -> 3 end)"#,
                r#"%{a: 1}"#,
            ),
            (
                r#"Map.put_new_lazy(%{a: 1}, :b, fn -> 3 end)"#,
                r#"%{a: 1, b: 3}"#,
            ),
            (
                r#"Map.update(%{a: 1}, :a, 13, fn existing_value -> existing_value * 2 end)"#,
                r#"%{a: 2}"#,
            ),
            (
                r#"Map.update(%{a: 1}, :b, 11, fn existing_value -> existing_value * 2 end)"#,
                r#"%{a: 1, b: 11}"#,
            ),
            (
                r#"Map.update(5, :b, 11, fn existing_value -> existing_value * 2 end)"#,
                r#"** (BadMapError) expected a map, got: 5"#,
            ),
            (r#"Map.update!(%{a: 1}, :a, &(&1 * 2))"#, r#"%{a: 2}"#),
            (
                r#"Map.update!(%{a: 1}, :b, &(&1 * 2))"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (r#"Map.replace(%{a: 1, b: 2}, :a, 3)"#, r#"%{a: 3, b: 2}"#),
            (r#"Map.replace(%{a: 1}, :b, 2)"#, r#"%{a: 1}"#),
            (r#"Map.replace!(%{a: 1, b: 2}, :a, 3)"#, r#"%{a: 3, b: 2}"#),
            (
                r#"Map.replace!(%{a: 1}, :b, 2)"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (
                r#"Map.replace_lazy(%{a: 1, b: 2}, :a, fn v -> v * 4 end)"#,
                r#"%{a: 4, b: 2}"#,
            ),
            (
                r#"Map.replace_lazy(%{a: 1, b: 2}, :c, fn v -> v * 4 end)"#,
                r#"%{a: 1, b: 2}"#,
            ),
            (r#"Map.pop!(%{a: 1}, :a)"#, r#"{1, %{}}"#),
            (r#"Map.pop!(%{a: 1, b: 2}, :a)"#, r#"{1, %{b: 2}}"#),
            (
                r#"Map.pop!(%{a: 1}, :b)"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (r#"Map.pop_lazy(%{a: 1}, :a, fn -> 13 end)"#, r#"{1, %{}}"#),
            (
                r#"Map.pop_lazy(%{a: 1}, :b, fn -> 13 end)"#,
                r#"{13, %{a: 1}}"#,
            ),
            (
                r#"Map.get_and_update(%{a: 1}, :a, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{1, %{a: "new value!"}}"#,
            ),
            (
                r#"Map.get_and_update(%{a: 1}, :b, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{nil, %{a: 1, b: "new value!"}}"#,
            ),
            (
                r#"Map.get_and_update(%{a: 1}, :a, fn _ -> :pop end)"#,
                r#"{1, %{}}"#,
            ),
            (
                r#"Map.get_and_update(%{a: 1}, :b, fn _ -> :pop end)"#,
                r#"{nil, %{a: 1}}"#,
            ),
            (
                r#"Map.get_and_update!(%{a: 1}, :a, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{1, %{a: "new value!"}}"#,
            ),
            (
                r#"Map.get_and_update!(%{a: 1}, :b, fn current_value -> {current_value, "new value!"} end)"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (
                r#"Map.filter(%{one: 1, two: 2, three: 3}, fn {_key, val} -> rem(val, 2) == 1 end)"#,
                r#"%{one: 1, three: 3}"#,
            ),
            (
                r#"Map.reject(%{one: 1, two: 2, three: 3}, fn {_key, val} -> rem(val, 2) == 1 end)"#,
                r#"%{two: 2}"#,
            ),
            (
                r#"Map.merge(%{a: 1, b: 2}, %{a: 3, d: 4}, fn _k, v1, v2 -> v1 + v2 end)"#,
                r#"%{a: 4, b: 2, d: 4}"#,
            ),
            (
                r#"Map.merge(%{a: 1, b: 2, c: 0}, %{a: 3}, fn _k, v1, v2 -> {v1, v2} end)"#,
                r#"%{a: {1, 3}, b: 2, c: 0}"#,
            ),
            (
                r#"Map.split(%{a: 1, b: 2, c: 3}, [:a, :c, :e])"#,
                r#"{%{a: 1, c: 3}, %{b: 2}}"#,
            ),
            (r#"Map.split(%{a: 1}, [])"#, r#"{%{}, %{a: 1}}"#),
            (r#"Map.equal?(%{a: 1, b: 2}, %{b: 2, a: 1})"#, r#"true"#),
            (r#"Map.equal?(%{a: 1, b: 2}, %{b: 1, a: 2})"#, r#"false"#),
            (r#"Map.equal?(%{a: 1}, %{a: 1.0})"#, r#"false"#),
            (
                r#"Map.take(%{a: 1, b: 2, c: 3}, [:a, :c, :e])"#,
                r#"%{a: 1, c: 3}"#,
            ),
            (
                r#"Map.drop(%{a: 1, b: 2, c: 3}, [:b, :d])"#,
                r#"%{a: 1, c: 3}"#,
            ),
            (r#"Map.to_list(%{a: 1, b: 2})"#, r#"[a: 1, b: 2]"#),
        ],
    );
}

/// Keyword.
#[test]
fn keyword() {
    check(
        "keyword",
        &[
            (r#"Keyword.new()"#, r#"[]"#),
            // Updates happen where the key first stands.
            (
                r#"Keyword.get_and_update([a: 1, b: 2, a: 3], :b, fn v -> {v, v + 1} end)"#,
                r#"{2, [a: 1, b: 3, a: 3]}"#,
            ),
            (
                r#"Keyword.get_and_update([a: 1, b: 2, a: 3], :a, fn _ -> :pop end)"#,
                r#"{1, [b: 2, a: 3]}"#,
            ),
            (
                r#"Keyword.get_and_update([a: 1], :c, fn v -> {v, 9} end)"#,
                r#"{nil, [c: 9, a: 1]}"#,
            ),
            (
                r#"Keyword.get_and_update!([a: 1, b: 2, a: 3], :a, fn v -> {v, v + 1} end)"#,
                r#"{1, [a: 2, b: 2]}"#,
            ),
            (
                r#"update_in([a: 1, b: 2], [:b], &(&1 * 2))"#,
                r#"[a: 1, b: 4]"#,
            ),
            (r#"Keyword.new([{:b, 1}, {:a, 2}])"#, r#"[b: 1, a: 2]"#),
            (
                r#"Keyword.new([{:a, 3}, {:c, 2}, {:a, 1}])"#,
                r#"[c: 2, a: 1]"#,
            ),
            (
                r#"Keyword.new([:a, :b], fn x -> {x, x} end)"#,
                r#"[a: :a, b: :b]"#,
            ),
            (r#"Keyword.keyword?([])"#, r#"true"#),
            (r#"Keyword.keyword?(a: 1)"#, r#"true"#),
            (r#"Keyword.keyword?([{Foo, 1}])"#, r#"true"#),
            (r#"Keyword.keyword?([{}])"#, r#"false"#),
            (r#"Keyword.keyword?([:key])"#, r#"false"#),
            (r#"Keyword.keyword?(%{})"#, r#"false"#),
            (r#"Keyword.get([], :a)"#, r#"nil"#),
            (r#"Keyword.get([a: 1], :a)"#, r#"1"#),
            (r#"Keyword.get([a: 1], :b)"#, r#"nil"#),
            (r#"Keyword.get([a: 1], :b, 3)"#, r#"3"#),
            (r#"Keyword.get([a: 1, a: 2], :a)"#, r#"1"#),
            (
                r#"Keyword.get(%{}, :a)"#,
                r#"** (FunctionClauseError) no function clause matching in Keyword.get/3"#,
            ),
            (r#"Keyword.get_lazy([a: 1], :a, fn -> 13 end)"#, r#"1"#),
            (r#"Keyword.get_lazy([a: 1], :b, fn -> 13 end)"#, r#"13"#),
            (r#"Keyword.get_values([], :a)"#, r#"[]"#),
            (r#"Keyword.get_values([a: 1], :a)"#, r#"[1]"#),
            (r#"Keyword.get_values([a: 1, a: 2], :a)"#, r#"[1, 2]"#),
            (r#"Keyword.fetch([a: 1], :a)"#, r#"{:ok, 1}"#),
            (r#"Keyword.fetch([a: 1], :b)"#, r#":error"#),
            (r#"Keyword.fetch!([a: 1], :a)"#, r#"1"#),
            (
                r#"Keyword.fetch!([a: 1], :b)"#,
                r#"** (KeyError) key :b not found in: [a: 1]"#,
            ),
            (r#"Keyword.has_key?([a: 1], :a)"#, r#"true"#),
            (r#"Keyword.has_key?([a: 1], :b)"#, r#"false"#),
            (r#"Keyword.keys(a: 1, b: 2)"#, r#"[:a, :b]"#),
            (r#"Keyword.keys(a: 1, b: 2, a: 3)"#, r#"[:a, :b, :a]"#),
            (
                r#"Keyword.keys([{:a, 1}, {"b", 2}])"#,
                r#"** (ArgumentError) expected a keyword list, but an entry in the list is not a two-element tuple with an atom as its first element, got: {"b", 2}"#,
            ),
            (r#"Keyword.values(a: 1, b: 2)"#, r#"[1, 2]"#),
            (r#"Keyword.values(a: 1, b: 2, a: 3)"#, r#"[1, 2, 3]"#),
            (r#"Keyword.delete([a: 1, b: 2], :a)"#, r#"[b: 2]"#),
            (r#"Keyword.delete([a: 1, b: 2, a: 3], :a)"#, r#"[b: 2]"#),
            (r#"Keyword.delete([b: 2], :a)"#, r#"[b: 2]"#),
            (
                r#"Keyword.delete([a: 1, b: 2, a: 3], :a, 3)"#,
                r#"[a: 1, b: 2]"#,
            ),
            (r#"Keyword.delete([a: 1], :a, 5)"#, r#"[a: 1]"#),
            (
                r#"Keyword.delete_first([a: 1, b: 2, a: 3], :a)"#,
                r#"[b: 2, a: 3]"#,
            ),
            (r#"Keyword.delete_first([b: 2], :a)"#, r#"[b: 2]"#),
            (r#"Keyword.put([a: 1], :b, 2)"#, r#"[b: 2, a: 1]"#),
            (r#"Keyword.put([a: 1, b: 2], :a, 3)"#, r#"[a: 3, b: 2]"#),
            (
                r#"Keyword.put([a: 1, b: 2, a: 4], :a, 3)"#,
                r#"[a: 3, b: 2]"#,
            ),
            (r#"Keyword.put_new([a: 1], :b, 2)"#, r#"[b: 2, a: 1]"#),
            (r#"Keyword.put_new([a: 1, b: 2], :a, 3)"#, r#"[a: 1, b: 2]"#),
            (
                r#"Keyword.put_new_lazy([a: 1], :a, fn -> 3 end)"#,
                r#"[a: 1]"#,
            ),
            (
                r#"Keyword.put_new_lazy([a: 1], :b, fn -> 3 end)"#,
                r#"[b: 3, a: 1]"#,
            ),
            (
                r#"Keyword.replace([a: 1, b: 2, a: 4], :a, 3)"#,
                r#"[a: 3, b: 2]"#,
            ),
            (r#"Keyword.replace([a: 1], :b, 2)"#, r#"[a: 1]"#),
            (
                r#"Keyword.replace!([a: 1, b: 2, a: 3], :a, :new)"#,
                r#"[a: :new, b: 2]"#,
            ),
            (
                r#"Keyword.replace!([a: 1, b: 2, c: 3, b: 4], :b, :new)"#,
                r#"[a: 1, b: :new, c: 3]"#,
            ),
            (
                r#"Keyword.replace!([a: 1], :b, 2)"#,
                r#"** (KeyError) key :b not found in: [a: 1]"#,
            ),
            (
                r#"Keyword.replace_lazy([a: 1, b: 2], :a, fn v -> v * 4 end)"#,
                r#"[a: 4, b: 2]"#,
            ),
            (
                r#"Keyword.replace_lazy([a: 2, b: 2, a: 1], :a, fn v -> v * 4 end)"#,
                r#"[a: 8, b: 2]"#,
            ),
            (
                r#"Keyword.replace_lazy([a: 1, b: 2], :c, fn v -> v * 4 end)"#,
                r#"[a: 1, b: 2]"#,
            ),
            (
                r#"Keyword.update([a: 1], :a, 13, fn existing_value -> existing_value * 2 end)"#,
                r#"[a: 2]"#,
            ),
            (
                r#"Keyword.update([a: 1, a: 2], :a, 13, fn existing_value -> existing_value * 2 end)"#,
                r#"[a: 2]"#,
            ),
            (
                r#"Keyword.update([a: 1], :b, 11, fn existing_value -> existing_value * 2 end)"#,
                r#"[a: 1, b: 11]"#,
            ),
            (
                r#"Keyword.update([b: 1, a: 1, c: 2, a: 3], :a, 13, &(&1 * 2))"#,
                r#"[b: 1, a: 2, c: 2]"#,
            ),
            (
                r#"Keyword.update!([a: 1, b: 2, a: 3], :a, &(&1 * 2))"#,
                r#"[a: 2, b: 2]"#,
            ),
            (
                r#"Keyword.update!([a: 1, b: 2, c: 3], :b, &(&1 * 2))"#,
                r#"[a: 1, b: 4, c: 3]"#,
            ),
            (
                r#"Keyword.update!([a: 1], :b, &(&1 * 2))"#,
                r#"** (KeyError) key :b not found in: [a: 1]"#,
            ),
            (
                r#"Keyword.merge([a: 1, b: 2], [a: 3, d: 4])"#,
                r#"[b: 2, a: 3, d: 4]"#,
            ),
            (
                r#"Keyword.merge([a: 1, b: 2], [a: 3, d: 4, a: 5])"#,
                r#"[b: 2, a: 3, d: 4, a: 5]"#,
            ),
            (
                r#"Keyword.merge([a: 1], [2, 3])"#,
                r#"** (ArgumentError) expected a keyword list as the second argument, got: [2, 3]"#,
            ),
            (
                r#"Keyword.merge([a: 1, b: 2], [a: 3, d: 4], fn _k, v1, v2 -> v1 + v2 end)"#,
                r#"[b: 2, a: 4, d: 4]"#,
            ),
            (
                r#"Keyword.merge([a: 1, b: 2], [a: 3, d: 4, a: 5], fn :a, v1, v2 -> v1 + v2 end)"#,
                r#"[b: 2, a: 4, d: 4, a: 5]"#,
            ),
            (
                r#"Keyword.merge([a: 1, b: 2, a: 3], [a: 3, d: 4, a: 5], fn :a, v1, v2 -> v1 + v2 end)"#,
                r#"[b: 2, a: 4, d: 4, a: 8]"#,
            ),
            (r#"Keyword.pop([a: 1], :a)"#, r#"{1, []}"#),
            (r#"Keyword.pop([a: 1], :b)"#, r#"{nil, [a: 1]}"#),
            (r#"Keyword.pop([a: 1], :b, 3)"#, r#"{3, [a: 1]}"#),
            (r#"Keyword.pop([a: 1, a: 2], :a)"#, r#"{1, []}"#),
            (r#"Keyword.pop!([a: 1], :a)"#, r#"{1, []}"#),
            (r#"Keyword.pop!([a: 1, a: 2], :a)"#, r#"{1, []}"#),
            (
                r#"Keyword.pop!([a: 1], :b)"#,
                r#"** (KeyError) key :b not found in: [a: 1]"#,
            ),
            (
                r#"Keyword.pop_lazy([a: 1], :a, fn -> 13 end)"#,
                r#"{1, []}"#,
            ),
            (
                r#"Keyword.pop_lazy([a: 1], :b, fn -> 13 end)"#,
                r#"{13, [a: 1]}"#,
            ),
            (r#"Keyword.pop_first([a: 1], :a)"#, r#"{1, []}"#),
            (r#"Keyword.pop_first([a: 1], :b)"#, r#"{nil, [a: 1]}"#),
            (r#"Keyword.pop_first([a: 1], :b, 3)"#, r#"{3, [a: 1]}"#),
            (r#"Keyword.pop_first([a: 1, a: 2], :a)"#, r#"{1, [a: 2]}"#),
            (r#"Keyword.pop_values([a: 1], :a)"#, r#"{[1], []}"#),
            (r#"Keyword.pop_values([a: 1], :b)"#, r#"{[], [a: 1]}"#),
            (r#"Keyword.pop_values([a: 1, a: 2], :a)"#, r#"{[1, 2], []}"#),
            (
                r#"Keyword.take([a: 1, b: 2, c: 3], [:a, :c, :e])"#,
                r#"[a: 1, c: 3]"#,
            ),
            (
                r#"Keyword.take([a: 1, b: 2, c: 3, a: 5], [:a, :c, :e])"#,
                r#"[a: 1, c: 3, a: 5]"#,
            ),
            (
                r#"Keyword.drop([a: 1, b: 2, c: 3], [:b, :d])"#,
                r#"[a: 1, c: 3]"#,
            ),
            (
                r#"Keyword.drop([a: 1, b: 2, b: 3, c: 3, a: 5], [:b, :d])"#,
                r#"[a: 1, c: 3, a: 5]"#,
            ),
            (
                r#"Keyword.split([a: 1, b: 2, c: 3], [:a, :c, :e])"#,
                r#"{[a: 1, c: 3], [b: 2]}"#,
            ),
            (
                r#"Keyword.split([a: 1, b: 2, c: 3, a: 4], [:a, :c, :e])"#,
                r#"{[a: 1, c: 3, a: 4], [b: 2]}"#,
            ),
            (
                r#"Keyword.filter([one: 1, two: 2, three: 3], fn {_key, val} -> rem(val, 2) == 1 end)"#,
                r#"[one: 1, three: 3]"#,
            ),
            (
                r#"Keyword.reject([one: 1, two: 2, three: 3], fn {_key, val} -> rem(val, 2) == 1 end)"#,
                r#"[two: 2]"#,
            ),
            (
                r#"Keyword.map([one: 1, two: 2, three: 3], fn {_key, val} -> to_string(val) end)"#,
                r#"[one: "1", two: "2", three: "3"]"#,
            ),
            (
                r#"Keyword.from_keys([:foo, :bar, :baz], :atom)"#,
                r#"[foo: :atom, bar: :atom, baz: :atom]"#,
            ),
            (r#"Keyword.equal?([a: 1, b: 2], [b: 2, a: 1])"#, r#"true"#),
            (r#"Keyword.equal?([a: 1, b: 2], [b: 1, a: 2])"#, r#"false"#),
            (
                r#"Keyword.equal?([a: 1, b: 2, a: 3], [b: 2, a: 3, a: 1])"#,
                r#"true"#,
            ),
            (
                r#"Keyword.get_and_update([a: 1], :a, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{1, [a: "new value!"]}"#,
            ),
            (
                r#"Keyword.get_and_update([a: 1], :b, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{nil, [b: "new value!", a: 1]}"#,
            ),
            (
                r#"Keyword.get_and_update([a: 2], :a, fn number -> {2 * number, 3 * number} end)"#,
                r#"{4, [a: 6]}"#,
            ),
            (
                r#"Keyword.get_and_update([a: 1], :a, fn _ -> :pop end)"#,
                r#"{1, []}"#,
            ),
            (
                r#"Keyword.get_and_update!([a: 1], :a, fn current_value -> {current_value, "new value!"} end)"#,
                r#"{1, [a: "new value!"]}"#,
            ),
            (
                r#"Keyword.get_and_update!([a: 1], :b, fn current_value -> {current_value, "new value!"} end)"#,
                r#"** (KeyError) key :b not found in: [a: 1]"#,
            ),
            (r#"Keyword.to_list(a: 1)"#, r#"[a: 1]"#),
            (
                r#"Keyword.validate([], [one: 1, two: 2])"#,
                r#"{:ok, [two: 2, one: 1]}"#,
            ),
            (
                r#"Keyword.validate([two: 3], [one: 1, two: 2])"#,
                r#"{:ok, [one: 1, two: 3]}"#,
            ),
            (
                r#"Keyword.validate([three: 3, four: 4], [one: 1, two: 2])"#,
                r#"{:error, [:four, :three]}"#,
            ),
            (
                r#"Keyword.validate([a: 1, b: 2], [:a, :b])"#,
                r#"{:ok, [b: 2, a: 1]}"#,
            ),
            (
                r#"Keyword.validate([a: 1], [:a, b: 2])"#,
                r#"{:ok, [b: 2, a: 1]}"#,
            ),
            (
                r#"Keyword.validate([b: 1, a: 3], [a: 5, b: 2, c: 9, d: 7])"#,
                r#"{:ok, [d: 7, c: 9, a: 3, b: 1]}"#,
            ),
            (
                r#"Keyword.validate([a: 1, c: 2, d: 3], [:a, :b])"#,
                r#"{:error, [:d, :c]}"#,
            ),
            (
                r#"Keyword.validate([a: 1, a: 2], [:a])"#,
                r#"{:error, [:a]}"#,
            ),
            (
                r#"Keyword.validate!([], [one: 1, two: 2])"#,
                r#"[two: 2, one: 1]"#,
            ),
            (
                r#"Keyword.validate!([two: 3], [one: 1, two: 2])"#,
                r#"[one: 1, two: 3]"#,
            ),
            (
                r#"Keyword.validate!([three: 3], [one: 1, two: 2])"#,
                r#"** (ArgumentError) unknown keys [:three] in [three: 3], the allowed keys are: [:one, :two]"#,
            ),
            (
                r#"Keyword.validate!([one: 3, one: 4], [one: 1, two: 2])"#,
                r#"** (ArgumentError) duplicate keys [:one] in [one: 3, one: 4]"#,
            ),
        ],
    );
}

/// String.
#[test]
fn string() {
    check(
        "string",
        &[
            (r#"String.split("a,b,c", ",")"#, r#"["a", "b", "c"]"#),
            (r#"String.split("a,b,c", ",", parts: 2)"#, r#"["a", "b,c"]"#),
            (
                r#"String.split(" a b c ", " ", trim: true)"#,
                r#"["a", "b", "c"]"#,
            ),
            (
                r#"String.split("a,b,,c,,", ",", trim: true)"#,
                r#"["a", "b", "c"]"#,
            ),
            (
                r#"String.split("a,b,,c,,", ",", parts: 3, trim: true)"#,
                r#"["a", "b", ",c,,"]"#,
            ),
            (
                r#"String.split(",a,b", ",", parts: 2, trim: true)"#,
                r#"["a", "b"]"#,
            ),
            (r#"String.split("abc", "", parts: 2)"#, r#"["", "abc"]"#),
            (r#"String.split("abc", "")"#, r#"["", "a", "b", "c", ""]"#),
            (
                r#"String.split("abc", "", trim: true)"#,
                r#"["a", "b", "c"]"#,
            ),
            (
                r#"String.split("abc", "", parts: 3, trim: true)"#,
                r#"["a", "b", "c"]"#,
            ),
            (r#"String.split("abc", [])"#, r#"["abc"]"#),
            (r#"String.split("", [], trim: true)"#, r#"[]"#),
            (r#"String.split("a-b_c", ["-", "_"])"#, r#"["a", "b", "c"]"#),
            (
                r#"String.split("a-b_c", ["-", "_"], parts: 2)"#,
                r#"["a", "b_c"]"#,
            ),
            (
                r#"String.split("key=value=x", "=", parts: 2)"#,
                r#"["key", "value=x"]"#,
            ),
            (
                r#"String.split("a  b", " ", parts: 3)"#,
                r#"["a", "", "b"]"#,
            ),
            (r#"String.split("", ",")"#, r#"[""]"#),
            (r#"String.split("", ",", trim: true)"#, r#"[]"#),
            (r#"String.split("abc", ",", parts: 1)"#, r#"["abc"]"#),
            (
                r#"String.split_at("sweetelixir", 5)"#,
                r#"{"sweet", "elixir"}"#,
            ),
            (
                r#"String.split_at("sweetelixir", -6)"#,
                r#"{"sweet", "elixir"}"#,
            ),
            (r#"String.split_at("abc", 0)"#, r#"{"", "abc"}"#),
            (r#"String.split_at("abc", 1000)"#, r#"{"abc", ""}"#),
            (r#"String.split_at("abc", -1000)"#, r#"{"", "abc"}"#),
            (r#"String.slice("elixir", 1..3)"#, r#""lix""#),
            (r#"String.slice("elixir", 1..-1)"#, r#""lixir""#),
            (r#"String.slice("elixir", -4..-1)"#, r#""ixir""#),
            (r#"String.slice("elixir", -10..-7)"#, r#""""#),
            (r#"String.slice("elixir", 2..1)"#, r#""""#),
            (r#"String.slice("elixir", 0..5//2)"#, r#""eii""#),
            (r#"String.slice("elixir", 5..0//-1)"#, r#""""#),
            (r#"String.slice("héllo", 1..2)"#, r#""él""#),
            (
                r#"String.replace("a,b,c", ",", "-", global: false)"#,
                r#""a-b,c""#,
            ),
            (
                r#"String.replace("a,b,c", ",", fn x -> x <> x end, [])"#,
                r#""a,,b,,c""#,
            ),
            (r#"String.replace("abc", "", "-")"#, r#""-a-b-c-""#),
            (
                r#"String.replace("abc", "", "-", global: false)"#,
                r#""-abc""#,
            ),
            (
                r#"String.replace("abc", ["a", "c"], "[x]", [])"#,
                r#""[x]b[x]""#,
            ),
            (r#"String.replace("aaa", "aa", "b", [])"#, r#""ba""#),
            (
                r#"String.replace_leading("hello world", "hello ", "")"#,
                r#""world""#,
            ),
            (
                r#"String.replace_leading("hello hello world", "hello ", "ola ")"#,
                r#""ola ola world""#,
            ),
            (r#"String.replace_leading("hello", "x", "y")"#, r#""hello""#),
            (
                r#"String.replace_trailing("hello world", " world", "")"#,
                r#""hello""#,
            ),
            (
                r#"String.replace_trailing("hello world world", " world", " mundo")"#,
                r#""hello mundo mundo""#,
            ),
            (
                r#"String.replace_prefix("world", "hello ", "")"#,
                r#""world""#,
            ),
            (
                r#"String.replace_prefix("hello world", "hello ", "")"#,
                r#""world""#,
            ),
            (
                r#"String.replace_prefix("hello hello world", "hello ", "")"#,
                r#""hello world""#,
            ),
            (
                r#"String.replace_suffix("hello world world", " world", "")"#,
                r#""hello world""#,
            ),
            (r#"String.replace_suffix("hello", "x", "y")"#, r#""hello""#),
            (
                r#"String.replace_leading("a", "", "b")"#,
                r#"** (ArgumentError) cannot use an empty string as the match to replace"#,
            ),
            (r#"String.trim("aaabbbaaa", "a")"#, r#""bbb""#),
            (r#"String.trim_leading("__ abc _", "_")"#, r#"" abc _""#),
            (r#"String.trim_trailing("__ abc __", "_")"#, r#""__ abc ""#),
            (
                r#"String.trim("abc", "")"#,
                r#"** (ArgumentError) cannot use an empty string as the match to replace"#,
            ),
            (r#"String.next_grapheme("olá")"#, r#"{"o", "lá"}"#),
            (r#"String.next_grapheme("")"#, r#"nil"#),
            (r#"String.next_codepoint("olá")"#, r#"{"o", "lá"}"#),
            (r#"String.next_codepoint("")"#, r#"nil"#),
            (r#"String.to_existing_atom("ok")"#, r#":ok"#),
            (r#"String.valid?("abc")"#, r#"true"#),
            (r#"String.equivalent?("abc", "abc")"#, r#"true"#),
            (
                r#"String.jaro_distance("Dwayne", "Duane")"#,
                r#"0.8222222222222223"#,
            ),
            (r#"String.jaro_distance("even", "odd")"#, r#"0.0"#),
            (r#"String.jaro_distance("same", "same")"#, r#"1.0"#),
            (r#"String.jaro_distance("", "x")"#, r#"0.0"#),
            (
                r#"String.jaro_distance("martha", "marhta")"#,
                r#"0.9444444444444445"#,
            ),
            (
                r#"String.replace("abc", "b", fn m -> String.upcase(m) end)"#,
                r#""aBc""#,
            ),
            (
                r#"String.replace("a-b-c", "-", fn m -> m <> m end)"#,
                r#""a--b--c""#,
            ),
            (
                r#"String.replace("abc", "", fn _ -> "." end)"#,
                r#"".a.b.c.""#,
            ),
            (
                r#"String.replace("abc", ["a", "c"], &String.upcase/1)"#,
                r#""AbC""#,
            ),
            (r#"String.replace("abc", "b", "X")"#, r#""aXc""#),
            (r#"String.replace("aaa", "a", "b")"#, r#""bbb""#),
            (
                r#"String.replace("abc", "b", 1)"#,
                r#"** (FunctionClauseError) no function clause matching in String.replace/4"#,
            ),
            (
                r#"String.replace(1, "b", "c")"#,
                r#"** (FunctionClauseError) no function clause matching in String.replace/4"#,
            ),
            (
                r#"String.replace("abc", "b", fn m -> m end, global: false)"#,
                r#""abc""#,
            ),
            (r#""a,b" |> String.replace(",", &(&1 <> " "))"#, r#""a, b""#),
        ],
    );
}

/// Integer, Float, Atom, Tuple, Function.
#[test]
fn integer_float_atom_tuple_function() {
    check(
        "integer_float_atom_tuple_function",
        &[
            (r#"Integer.pow(2, 10)"#, r#"1024"#),
            (
                r#"Integer.pow(2, 100)"#,
                r#"1267650600228229401496703205376"#,
            ),
            (r#"Integer.pow(-3, 3)"#, r#"-27"#),
            (r#"Integer.pow(0, 0)"#, r#"1"#),
            (
                r#"Integer.pow(2, -1)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#"Integer.mod(5, 2)"#, r#"1"#),
            (r#"Integer.mod(-5, 2)"#, r#"1"#),
            (r#"Integer.mod(5, -2)"#, r#"-1"#),
            (r#"Integer.mod(-5, -2)"#, r#"-1"#),
            (r#"Integer.mod(6, 3)"#, r#"0"#),
            (r#"Integer.floor_div(5, 2)"#, r#"2"#),
            (r#"Integer.floor_div(-5, 2)"#, r#"-3"#),
            (r#"Integer.floor_div(5, -2)"#, r#"-3"#),
            (r#"Integer.floor_div(-6, 3)"#, r#"-2"#),
            (r#"Integer.gcd(2, 3)"#, r#"1"#),
            (r#"Integer.gcd(8, 12)"#, r#"4"#),
            (r#"Integer.gcd(-8, 12)"#, r#"4"#),
            (r#"Integer.gcd(0, 5)"#, r#"5"#),
            (r#"Integer.gcd(0, 0)"#, r#"0"#),
            (r#"Integer.extended_gcd(240, 46)"#, r#"{2, -9, 47}"#),
            (r#"Integer.extended_gcd(0, 5)"#, r#"{5, 0, 1}"#),
            (r#"Integer.extended_gcd(-10, 4)"#, r#"{2, -1, -2}"#),
            (r#"Integer.undigits([1, 2, 3])"#, r#"123"#),
            (r#"Integer.undigits([1, 4], 16)"#, r#"20"#),
            (r#"Integer.undigits([])"#, r#"0"#),
            (
                r#"Integer.undigits([1, 2], 2)"#,
                r#"** (ArgumentError) invalid digit 2 in base 2"#,
            ),
            (r#"Integer.to_charlist(123)"#, r#"'123'"#),
            (r#"Integer.to_charlist(255, 16)"#, r#"'FF'"#),
            (r#"Integer.digits(123)"#, r#"[1, 2, 3]"#),
            (r#"Float.pow(2.0, 3)"#, r#"8.0"#),
            (r#"Float.max_finite()"#, r#"1.7976931348623157e308"#),
            (r#"Float.to_charlist(7.0)"#, r#"'7.0'"#),
            (r#"Atom.to_string(:foo)"#, r#""foo""#),
            (r#"Atom.to_string(Foo.Bar)"#, r#""Elixir.Foo.Bar""#),
            (r#"Atom.to_string(nil)"#, r#""nil""#),
            (r#"Atom.to_charlist(:"An atom")"#, r#"'An atom'"#),
            (r#"Tuple.sum({255, 255})"#, r#"510"#),
            (r#"Tuple.sum({})"#, r#"0"#),
            (r#"Tuple.product({255, 255})"#, r#"65025"#),
            (r#"Tuple.product({})"#, r#"1"#),
            (r#"Function.identity(5)"#, r#"5"#),
        ],
    );
}

/// Atoms from and to text: the BIFs' ArgumentErrors, as Elixir raises them
/// (`Atom.to_string/1` and the rest are these BIFs there too).
#[test]
fn atom_conversions() {
    check(
        "atom_conversions",
        &[
            (r#"Atom.to_string("str")"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom"),
            (r#"Atom.to_string(1)"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom"),
            (r#"Atom.to_charlist("str")"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom"),
            (r#"Atom.to_charlist(:ok)"#, "'ok'"),
            (r#"String.to_atom(1)"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a binary"),
            (r#"String.to_atom('abc')"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a binary"),
            (r#"String.to_atom("abc")"#, ":abc"),
            (r#"String.to_existing_atom("vial_surely_not_an_existing_atom")"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an already existing atom"),
            (r#"String.to_existing_atom("ok")"#, ":ok"),
            (r#"String.to_existing_atom(1)"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a binary"),
            (r#"String.to_existing_atom(:erlang.list_to_binary([255]))"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid UTF8 encoding"),
            (r#"List.to_atom("abc")"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a list"),
            (r#"List.to_atom([?a, 0x1F600])"#, ":\"a😀\""),
            (r#"List.to_atom([1.0])"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a list of characters"),
            (r#"List.to_existing_atom('vial_surely_not_an_existing_atom_2')"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an already existing atom"),
            (r#"List.to_existing_atom('ok')"#, ":ok"),
            (r#":erlang.binary_to_atom(:erlang.list_to_binary([233]), :latin1)"#, ":é"),
            (r#":erlang.binary_to_atom("a", :foo)"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: not one of the atoms: latin1, utf8, or unicode"),
            (r#":erlang.binary_to_atom(String.duplicate("a", 256), :utf8)"#, "** (SystemLimitError) a system limit has been reached"),
            (r#":erlang.binary_to_existing_atom("ok")"#, ":ok"),
            (r#":erlang.list_to_atom([?a | :b])"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a proper list"),
            (r#":erlang.list_to_existing_atom(1)"#, "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a list"),
        ],
    );
}

/// Range.
#[test]
fn range() {
    check(
        "range",
        &[
            (r#"Range.new(1, 5)"#, r#"1..5"#),
            (r#"Range.new(5, 1)"#, r#"5..1//-1"#),
            (r#"Range.new(1, 10, 2)"#, r#"1..10//2"#),
            (
                r#"Range.new(1, :a)"#,
                r#"** (ArgumentError) ranges (first..last) expect both sides to be integers, got: 1..:a"#,
            ),
            (
                r#"Range.new(1, 10, 0)"#,
                r#"** (ArgumentError) ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: 1..10//0"#,
            ),
            (r#"Range.size(1..10)"#, r#"10"#),
            (r#"Range.size(1..10//2)"#, r#"5"#),
            (r#"Range.size(1..10//-1)"#, r#"0"#),
            (r#"Range.size(10..1)"#, r#"10"#),
            (r#"Range.size(10..1//-3)"#, r#"4"#),
            (r#"Range.shift(0..10, 1)"#, r#"1..11"#),
            (r#"Range.shift(0..10//2, 2)"#, r#"4..14//2"#),
            (r#"Range.shift(10..0//-2, 2)"#, r#"6..-4//-2"#),
            (r#"Range.disjoint?(1..5, 6..9)"#, r#"true"#),
            (r#"Range.disjoint?(5..1, 6..9)"#, r#"true"#),
            (r#"Range.disjoint?(1..5, 5..9)"#, r#"false"#),
            (r#"Range.disjoint?(1..5, 2..7)"#, r#"false"#),
            (r#"Range.disjoint?(1..5//2, 2..5//2)"#, r#"true"#),
            (r#"Range.disjoint?(1..10//3, 2..10//3)"#, r#"true"#),
            (r#"Range.disjoint?(1..10//2, 4..10//3)"#, r#"false"#),
        ],
    );
}

/// Kernel.
#[test]
fn kernel() {
    check(
        "kernel",
        &[
            // A variable bound in a call's argument outlives the call
            // (the callee's frame starts at the arguments, so they are
            // moved above the variable first).
            (
                r#"(String.length(s = "abc"); {s, String.upcase(s)})"#,
                r#"{"abc", "ABC"}"#,
            ),
            (r#"(f = fn x -> x * 10 end; v = f.(y = 2); v + y)"#, r#"22"#),
            (r#"(m = String; u = m.upcase(t = "q"); u <> t)"#, r#""Qq""#),
            // `^x` means the value before the match, even where the same
            // pattern rebinds `x`.
            (r#"(fn -> x = 1; {x, ^x} = {2, 1}; x end).()"#, r#"2"#),
            (
                r#"(fn -> x = 1; {x, ^x} = {2, 2}; x end).()"#,
                r#"** (MatchError) no match of right hand side value: {2, 2}"#,
            ),
            (
                r#"(fn -> y = 5; case {6, 5} do {y, ^y} -> {:matched, y}; _ -> :no end end).()"#,
                r#"{:matched, 6}"#,
            ),
            (
                r#"(fn -> k = :a; %{^k => v, k: k2} = %{a: 1, k: :b}; {v, k2} end).()"#,
                r#"{1, :b}"#,
            ),
            (r#"then(5, &(&1 + 1))"#, r#"6"#),
            // `&1` inside an `fn` within a capture is the capture's argument.
            (
                r#"Enum.map([1, 2], &{&1, Enum.filter([1, 2, 3], fn y -> y > &1 end)})"#,
                r#"[{1, [2, 3]}, {2, [3]}]"#,
            ),
            // The path forms of the nested-update macros.
            (
                r#"(fn -> m = %{a: %{b: 1}}; {put_in(m.a.b, 2), update_in(m[:a][:b], &(&1 + 1))} end).()"#,
                r#"{%{a: %{b: 2}}, %{a: %{b: 2}}}"#,
            ),
            (
                r#"(fn -> m = %{a: %{b: 1}}; {get_and_update_in(m.a[:b], &{&1, 0}), pop_in(m[:a][:b])} end).()"#,
                r#"{{1, %{a: %{b: 0}}}, {1, %{a: %{}}}}"#,
            ),
            (
                r#"{"hello" =~ "ell", "hello" =~ "xyz", "hello" =~ ""}"#,
                r#"{true, false, true}"#,
            ),
            (
                r#"Exception.format(:error, RuntimeError.exception("boom"))"#,
                r#""** (RuntimeError) boom""#,
            ),
            (
                r#"{Elixir.Enum == Enum, Elixir.Enum.sum([1, 2])}"#,
                r#"{true, 3}"#,
            ),
            // `_name` is a variable (only `_` binds nothing).
            (r#"(fn -> _x = 5; _x + 1 end).()"#, r#"6"#),
            (
                r#"(fn -> {_a, _a} = {1, Process.get(:unset, 2)}; :matched end).()"#,
                r#"** (MatchError) no match of right hand side value: {1, 2}"#,
            ),
            (r#"(fn {_p, _} -> _p end).({1, 2})"#, r#"1"#),
            (
                r#"Process.get(:unset, 1) and true"#,
                r#"** (BadBooleanError) expected a boolean on left-side of "and", got: 1"#,
            ),
            (
                r#"Process.get(:unset, nil) or false"#,
                r#"** (BadBooleanError) expected a boolean on left-side of "or", got: nil"#,
            ),
            (r#"Process.get(:unset, true) and 5"#, r#"5"#),
            (r#"Process.get(:unset, false) and :never"#, r#"false"#),
            (r#"case 1 do x when x or true -> :a; _ -> :b end"#, r#":b"#),
            (
                r#"inspect([97, 98, 99], charlists: :as_lists)"#,
                r#""[97, 98, 99]""#,
            ),
            (
                r#"inspect(Enum.to_list(1..55), limit: :infinity)"#,
                r#""[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55]""#,
            ),
            (
                r#"inspect(Enum.to_list(1..5), limit: 2)"#,
                r#""[1, 2, ...]""#,
            ),
            (r#"tap(5, fn x -> x * 100 end)"#, r#"5"#),
            (r#"to_charlist("héllo")"#, r#"[104, 233, 108, 108, 111]"#),
            (r#"to_charlist(:abc)"#, r#"'abc'"#),
            (r#"to_charlist(123)"#, r#"'123'"#),
            (r#"binary_part("hello", 1, 3)"#, r#""ell""#),
            (r#"get_in(%{a: %{b: %{c: 1}}}, [:a, :b, :c])"#, r#"1"#),
            (r#"get_in(%{a: %{b: 1}}, [:a, :x])"#, r#"nil"#),
            (r#"get_in(%{a: nil}, [:a, :b])"#, r#"nil"#),
            (r#"get_in([a: [b: 3]], [:a, :b])"#, r#"3"#),
            (r#"get_in(%{a: [1, 2, 3]}, [:a, Access.at(1)])"#, r#"2"#),
            (
                r#"get_in([%{n: 1}, %{n: 2}], [Access.all(), :n])"#,
                r#"[1, 2]"#,
            ),
            (r#"get_in(%{a: {1, 2}}, [:a, Access.elem(1)])"#, r#"2"#),
            (
                r#"get_in([1, 2, 3, 4], [Access.filter(&(&1 > 2))])"#,
                r#"[3, 4]"#,
            ),
            (r#"put_in(%{a: %{b: 1}}, [:a, :b], 2)"#, r#"%{a: %{b: 2}}"#),
            (
                r#"put_in(%{a: %{}}, [:a, :b, :c], 2)"#,
                r#"** (ArgumentError) could not put/update key :c on a nil value"#,
            ),
            (r#"put_in([a: [b: 1]], [:a, :b], 5)"#, r#"[a: [b: 5]]"#),
            (
                r#"put_in(%{a: [1, 2, 3]}, [:a, Access.at(1)], :x)"#,
                r#"%{a: [1, :x, 3]}"#,
            ),
            (
                r#"update_in(%{a: %{b: 1}}, [:a, :b], &(&1 + 1))"#,
                r#"%{a: %{b: 2}}"#,
            ),
            (
                r#"update_in([%{n: 1}, %{n: 2}], [Access.all(), :n], &(&1 * 10))"#,
                r#"[%{n: 10}, %{n: 20}]"#,
            ),
            (
                r#"update_in(%{a: {1, 2}}, [:a, Access.elem(0)], &(&1 - 1))"#,
                r#"%{a: {0, 2}}"#,
            ),
            (
                r#"get_and_update_in(%{a: %{b: 1}}, [:a, :b], fn v -> {v, v + 1} end)"#,
                r#"{1, %{a: %{b: 2}}}"#,
            ),
            (
                r#"pop_in(%{a: %{b: 1, c: 2}}, [:a, :b])"#,
                r#"{1, %{a: %{c: 2}}}"#,
            ),
            (r#"pop_in(%{a: 1}, [:x, :y])"#, r#"{nil, %{a: 1}}"#),
            (r#"pop_in([a: 1, b: 2], [:a])"#, r#"{1, [b: 2]}"#),
            (
                r#"pop_in(nil, [:a])"#,
                r#"** (ArgumentError) could not pop key :a on a nil value"#,
            ),
            (r#"Kernel.apply(Enum, :sum, [[1, 2]])"#, r#"3"#),
            (r#"Kernel.apply(fn a, b -> a + b end, [1, 2])"#, r#"3"#),
            (
                r#"Kernel.apply(Kernel, :apply, [Enum, :sum, [[3]]])"#,
                r#"3"#,
            ),
            (
                r#"Enum.map([[List, :first, [[1]]]], &Kernel.apply(Enum.at(&1, 0), Enum.at(&1, 1), Enum.at(&1, 2)))"#,
                r#"[1]"#,
            ),
            (r#"(&Kernel.apply/3).(String, :upcase, ["a"])"#, r#""A""#),
            (r#"Kernel.send(self(), :hi)"#, r#":hi"#),
            (r#"Kernel.not(true)"#, r#"false"#),
            (r#"Kernel./(6, 4)"#, r#"1.5"#),
            (r#"Kernel.match?({:ok, _}, {:ok, 1})"#, r#"true"#),
            (r#"Kernel.if(true, do: 1, else: 2)"#, r#"1"#),
            (r#"Kernel.unless(true, do: 1, else: 2)"#, r#"2"#),
            (r#"Kernel.raise("boom")"#, r#"** (RuntimeError) boom"#),
            (
                r#"Kernel.raise(ArgumentError, "bad")"#,
                r#"** (ArgumentError) bad"#,
            ),
            (r#"Kernel.in(1, [1])"#, r#"true"#),
            (r#"Kernel.!(nil)"#, r#"true"#),
            (r#"Kernel.&&(true, 1)"#, r#"1"#),
            (r#"Kernel.||(nil, 2)"#, r#"2"#),
            (r#"Kernel.and(true, false)"#, r#"false"#),
            (r#"Kernel.or(false, true)"#, r#"true"#),
            (r#"Kernel.|>(1, Integer.to_string())"#, r#""1""#),
            (
                r#"Kernel.put_in(%{a: %{b: 1}}, [:a, :b], 2)"#,
                r#"%{a: %{b: 2}}"#,
            ),
            (r#"Kernel.+(1, 2)"#, r#"3"#),
        ],
    );
}

/// Access.
#[test]
fn access() {
    check(
        "access",
        &[
            (r#"Access.get(%{a: 1}, :a)"#, r#"1"#),
            (r#"Access.get([a: 1], :b, :d)"#, r#":d"#),
            (r#"Access.get(nil, :a)"#, r#"nil"#),
            (
                r#"Access.get([a: 1], "a")"#,
                r#"** (ArgumentError) the Access calls for keywords expect the key to be an atom, got: "a""#,
            ),
            (r#"Access.fetch(%{a: 1}, :a)"#, r#"{:ok, 1}"#),
            (r#"Access.fetch([a: 1], :b)"#, r#":error"#),
            (
                r#"Access.fetch!(%{a: 1}, :b)"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (r#"Access.pop(%{a: 1, b: 2}, :a)"#, r#"{1, %{b: 2}}"#),
            (r#"Access.pop([a: 1, b: 2], :b)"#, r#"{2, [a: 1]}"#),
            (
                r#"Access.get_and_update(%{a: 1}, :a, fn v -> {v, v * 2} end)"#,
                r#"{1, %{a: 2}}"#,
            ),
            (
                r#"Access.get_and_update(nil, :a, fn v -> {v, v} end)"#,
                r#"** (ArgumentError) could not put/update key :a on a nil value"#,
            ),
            (
                r#"get_in(%{list: [1, 2, 3]}, [:list, Access.at!(5)])"#,
                r#"** (Enum.OutOfBoundsError) out of bounds error"#,
            ),
            (r#"get_in(%{a: 1}, [Access.key(:a)])"#, r#"1"#),
            (r#"get_in(%{a: 1}, [Access.key(:b, 0)])"#, r#"0"#),
            (
                r#"get_in(%{a: 1}, [Access.key!(:b)])"#,
                r#"** (KeyError) key :b not found in: %{a: 1}"#,
            ),
            (
                r#"put_in(%{a: 1}, [Access.key(:b)], 2)"#,
                r#"%{a: 1, b: 2}"#,
            ),
        ],
    );
}

/// MapSet.
#[test]
fn mapset() {
    check(
        "mapset",
        &[
            (r#"MapSet.new()"#, r#"MapSet.new([])"#),
            (
                r#"MapSet.new([1, :b, 1, "c"])"#,
                r#"MapSet.new([1, :b, "c"])"#,
            ),
            (
                r#"MapSet.new(1..4, &(&1 * 2))"#,
                r#"MapSet.new([2, 4, 6, 8])"#,
            ),
            (
                r#"MapSet.put(MapSet.new([1, 2]), 3)"#,
                r#"MapSet.new([1, 2, 3])"#,
            ),
            (
                r#"MapSet.put(MapSet.new([1, 2]), 2)"#,
                r#"MapSet.new([1, 2])"#,
            ),
            (
                r#"MapSet.delete(MapSet.new([1, 2]), 2)"#,
                r#"MapSet.new([1])"#,
            ),
            (r#"MapSet.member?(MapSet.new([1, 2]), 2)"#, r#"true"#),
            (r#"MapSet.member?(MapSet.new([1, 2]), 3)"#, r#"false"#),
            (r#"MapSet.size(MapSet.new([1, 2, 2]))"#, r#"2"#),
            (r#"MapSet.to_list(MapSet.new([3, 1, 2]))"#, r#"[1, 2, 3]"#),
            (
                r#"MapSet.union(MapSet.new([1, 2]), MapSet.new([2, 3]))"#,
                r#"MapSet.new([1, 2, 3])"#,
            ),
            (
                r#"MapSet.intersection(MapSet.new([1, 2]), MapSet.new([2, 3]))"#,
                r#"MapSet.new([2])"#,
            ),
            (
                r#"MapSet.difference(MapSet.new([1, 2]), MapSet.new([2, 3]))"#,
                r#"MapSet.new([1])"#,
            ),
            (
                r#"MapSet.symmetric_difference(MapSet.new([1, 2, 3]), MapSet.new([2, 3, 4]))"#,
                r#"MapSet.new([1, 4])"#,
            ),
            (
                r#"MapSet.disjoint?(MapSet.new([1, 2]), MapSet.new([3, 4]))"#,
                r#"true"#,
            ),
            (
                r#"MapSet.disjoint?(MapSet.new([1, 2]), MapSet.new([2, 3]))"#,
                r#"false"#,
            ),
            (
                r#"MapSet.subset?(MapSet.new([1, 2]), MapSet.new([1, 2, 3]))"#,
                r#"true"#,
            ),
            (
                r#"MapSet.subset?(MapSet.new([1, 2, 3]), MapSet.new([1, 2]))"#,
                r#"false"#,
            ),
            (
                r#"MapSet.equal?(MapSet.new([1, 2]), MapSet.new([2, 1, 1]))"#,
                r#"true"#,
            ),
            (
                r#"MapSet.filter(MapSet.new(1..5), fn x -> x > 3 end)"#,
                r#"MapSet.new([4, 5])"#,
            ),
            (
                r#"MapSet.reject(MapSet.new(1..5), fn x -> x > 3 end)"#,
                r#"MapSet.new([1, 2, 3])"#,
            ),
            (r#"Enum.map(MapSet.new([3, 1]), &(&1 * 2))"#, r#"[2, 6]"#),
            (r#"Enum.sum(MapSet.new([1, 2, 3]))"#, r#"6"#),
            (r#"Enum.count(MapSet.new([1, 2, 3]))"#, r#"3"#),
        ],
    );
}

/// :math and :lists and :binary BIFs.
#[test]
fn math_and_lists_and_binary_bifs() {
    check(
        "math_and_lists_and_binary_bifs",
        &[
            (r#":math.pi()"#, r#"3.141592653589793"#),
            (r#":math.sqrt(16)"#, r#"4.0"#),
            (r#":math.sqrt(2)"#, r#"1.4142135623730951"#),
            (
                r#":math.sqrt(-1)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (
                r#":math.sqrt(:a)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a number"#,
            ),
            (r#":math.pow(2, 10)"#, r#"1024.0"#),
            (r#":math.pow(2.5, 2)"#, r#"6.25"#),
            (
                r#":math.pow(-8, 1 / 3)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (
                r#":math.pow(:a, :b)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a number
  * 2nd argument: not a number"#,
            ),
            (r#":math.exp(1)"#, r#"2.718281828459045"#),
            (
                r#":math.exp(1000)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#":math.log(10)"#, r#"2.302585092994046"#),
            (
                r#":math.log(0)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#":math.log2(8)"#, r#"3.0"#),
            (r#":math.log10(1000)"#, r#"3.0"#),
            (r#":math.sin(0)"#, r#"0.0"#),
            (r#":math.cos(0)"#, r#"1.0"#),
            (r#":math.tan(1)"#, r#"1.5574077246549023"#),
            (r#":math.asin(1)"#, r#"1.5707963267948966"#),
            (r#":math.acos(1)"#, r#"0.0"#),
            (r#":math.atan(1)"#, r#"0.7853981633974483"#),
            (r#":math.atan2(1, 1)"#, r#"0.7853981633974483"#),
            (r#":math.sinh(1)"#, r#"1.1752011936438014"#),
            (r#":math.cosh(1)"#, r#"1.5430806348152437"#),
            (r#":math.tanh(1)"#, r#"0.7615941559557649"#),
            (r#":math.floor(2.7)"#, r#"2.0"#),
            (r#":math.floor(-2.5)"#, r#"-3.0"#),
            (r#":math.floor(3)"#, r#"3.0"#),
            (r#":math.ceil(2.1)"#, r#"3.0"#),
            (r#":math.fmod(7, 3)"#, r#"1.0"#),
            (r#":math.fmod(-7.5, 2)"#, r#"-1.5"#),
            (
                r#":lists.keysort(2, [{:x, 3}, {:y, 1}, {:z, 2}])"#,
                r#"[y: 1, z: 2, x: 3]"#,
            ),
            (
                r#":lists.keysort(1, [{2, :a}, {1, :b}, {2, :c}, {1.0, :d}])"#,
                r#"[{1, :b}, {1.0, :d}, {2, :a}, {2, :c}]"#,
            ),
            (r#":lists.reverse([1, 2], [3])"#, r#"[2, 1, 3]"#),
            (
                r#":lists.reverse([1, 2 | 3])"#,
                "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a list",
            ),
            (
                r#":lists.reverse([1, 2, 3 | 4])"#,
                "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a proper list",
            ),
            (
                r#":lists.reverse([1 | 2], [3])"#,
                "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a proper list",
            ),
            (r#":erlang.float_to_binary(2.675, decimals: 2)"#, r#""2.67""#),
            (r#":erlang.float_to_binary(0.045, decimals: 2)"#, r#""0.05""#),
            (r#":erlang.float_to_binary(1.0, [:compact, decimals: 3])"#, r#""1.0""#),
            (r#":erlang.float_to_binary(-0.5, decimals: 0)"#, r#""-1""#),
            (r#":erlang.float_to_binary(123456.789, scientific: 2)"#, r#""1.23e+05""#),
            (r#":erlang.float_to_binary(1.0)"#, r#""1.00000000000000000000e+00""#),
            (r#":lists.foldl(fn x, a -> x + a end, 0, [1, 2, 3])"#, r#"6"#),
            (r#":maps.fold(fn k, v, a -> [{k, v} | a] end, [], %{a: 1, b: 2})"#, r#"[b: 2, a: 1]"#),
            (r#":timer.seconds(3)"#, r#"3000"#),
            (r#":erlang.binary_to_list("ab")"#, r#"'ab'"#),
            (r#":erlang.atom_to_list(:ab)"#, r#"'ab'"#),
            (r#":erlang.integer_to_list(-42)"#, r#"'-42'"#),
            (r#"System.get_env("VIAL_SURELY_UNSET_VAR", "d")"#, r#""d""#),
            (r#":erlang.unique_integer([:positive]) > 0"#, r#"true"#),
            (r#":lists.seq(1, 10, 3)"#, r#"[1, 4, 7, 10]"#),
            (r#":lists.seq(10, 1, -3)"#, r#"[10, 7, 4, 1]"#),
            (r#":lists.seq(1, 0, 1)"#, r#"[]"#),
            (
                r#":lists.seq(5, 1, 1)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not a negative increment"#,
            ),
            (r#":lists.seq(1, 1, 0)"#, r#"[1]"#),
            (
                r#":lists.keydelete(:a, 1, [{:a, 1}, {:b, 2}, {:a, 3}])"#,
                r#"[b: 2, a: 3]"#,
            ),
            (r#":lists.keymember(:b, 1, [{:a, 1}, {:b, 2}])"#, r#"true"#),
            (
                r#":lists.keyreplace(:a, 1, [{:a, 1}, {:b, 2}], {:a, 9})"#,
                r#"[a: 9, b: 2]"#,
            ),
            (
                r#":lists.keystore(:c, 1, [{:a, 1}], {:c, 3})"#,
                r#"[a: 1, c: 3]"#,
            ),
            (
                r#":lists.keytake(:a, 1, [{:b, 2}, {:a, 1}])"#,
                r#"{:value, {:a, 1}, [b: 2]}"#,
            ),
            (r#":lists.keytake(:z, 1, [{:b, 2}])"#, r#"false"#),
            (r#":lists.sublist([1, 2, 3, 4], 2)"#, r#"[1, 2]"#),
            (r#":lists.sublist([1, 2, 3, 4], 2, 2)"#, r#"[2, 3]"#),
            (r#":lists.sublist([1, 2, 3], 5, 1)"#, r#"[]"#),
            (r#":lists.nthtail(2, [1, 2, 3])"#, r#"[3]"#),
            (r#":lists.usort([3, 1, 2, 3, 1.0])"#, r#"[1, 2, 3]"#),
            (r#":lists.delete(2, [1, 2, 3, 2])"#, r#"[1, 3, 2]"#),
            (r#":lists.split(2, [1, 2, 3])"#, r#"{[1, 2], [3]}"#),
            (r#":lists.prefix([1, 2], [1, 2, 3])"#, r#"true"#),
            (r#":lists.suffix([2, 3], [1, 2, 3])"#, r#"true"#),
            (
                r#":lists.unzip([{1, :a}, {2, :b}])"#,
                r#"{[1, 2], [:a, :b]}"#,
            ),
            (r#":lists.droplast([1, 2, 3])"#, r#"[1, 2]"#),
            (
                r#":binary.split("a,b,,c,,", ",", [:global, :trim])"#,
                r#"["a", "b", "", "c"]"#,
            ),
            (
                r#":binary.split("a,b,,c,,", ",", [:global, :trim_all])"#,
                r#"["a", "b", "c"]"#,
            ),
            (r#":binary.split("a,b,c", ",")"#, r#"["a", "b,c"]"#),
            (
                r#":binary.split("abc", "")"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid pattern"#,
            ),
            (r#":binary.match("abcbc", ["b", "bc"])"#, r#"{1, 2}"#),
            (r#":binary.match("abc", "x")"#, r#":nomatch"#),
            (r#":binary.matches("abcbc", "bc")"#, r#"[{1, 2}, {3, 2}]"#),
            (r#":binary.part("hello", 1, 3)"#, r#""ell""#),
            (r#":binary.part("hello", 5, -2)"#, r#""lo""#),
            (
                r#":binary.part("abc", 1, 5)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: out of range"#,
            ),
            (
                r#":erlang.iolist_to_binary(["a", 98, ["c" | "d"]])"#,
                r#""abcd""#,
            ),
            (
                r#":erlang.iolist_to_binary([256])"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an iodata term"#,
            ),
            (r#":erlang.binary_part("hello", 0, 2)"#, r#""he""#),
            (r#"IO.iodata_to_binary(["ab", ?c])"#, r#""abc""#),
        ],
    );
}

/// Errors and edge cases.
#[test]
fn errors_and_edge_cases() {
    check(
        "errors_and_edge_cases",
        &[
            (
                r#"Enum.at([1], :a)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.at/3"#,
            ),
            (
                r#"Enum.fetch(5, 0)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (
                r#"Enum.take(5, 1)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (r#"Enum.take(1..3, -1)"#, r#"[3]"#),
            (
                r#"Enum.drop(1..3, :x)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.drop/2"#,
            ),
            (
                r#"Enum.chunk_every([1, 2], 2, 0)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.chunk_every/4"#,
            ),
            (
                r#"Enum.map([1, 2], 5)"#,
                r#"** (BadFunctionError) expected a function, got: 5"#,
            ),
            (
                r#"Enum.reduce(%{a: 1}, fn x, acc -> {x, acc} end)"#,
                r#"{:a, 1}"#,
            ),
            (
                r#"Enum.reduce(%{}, fn x, acc -> {x, acc} end)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
            (
                r#"Enum.join([1, 2], :x)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.join/2"#,
            ),
            (r#"Enum.sum(1..10//-1)"#, r#"0"#),
            (r#"Enum.min_max([1])"#, r#"{1, 1}"#),
            (
                r#"Enum.zip([1, 2], 5)"#,
                r#"** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer"#,
            ),
            (
                r#"Enum.into([1], %{})"#,
                r#"** (ArgumentError) argument error"#,
            ),
            (
                r#"Enum.into([1], :atom)"#,
                r#"** (Protocol.UndefinedError) protocol Collectable not implemented for :atom of type Atom"#,
            ),
            (r#"Enum.sort(%{a: 1}, :bad)"#, r#"[a: 1]"#),
            (
                r#"Enum.slice([1, 2, 3], 0..2//-1)"#,
                r#"** (ArgumentError) Enum.slice/2 does not accept ranges with negative steps, got: 0..2//-1"#,
            ),
            (
                r#"Enum.slice([1, 2, 3], 2..0//-2)"#,
                r#"** (ArgumentError) Enum.slice/2 does not accept ranges with negative steps, got: 2..0//-2"#,
            ),
            (
                r#"Enum.max_by([1, 2], 5)"#,
                r#"** (FunctionClauseError) no function clause matching in Enum.max_by/4"#,
            ),
            (r#"Enum.to_list(1..1)"#, r#"[1]"#),
            (r#"Enum.to_list(-3..-1)"#, r#"[-3, -2, -1]"#),
            (r#"Enum.sum(-5..5)"#, r#"0"#),
            (r#"Enum.count(-10..10//7)"#, r#"3"#),
            (r#"Enum.at(-10..10//7, 2)"#, r#"4"#),
            (r#"Enum.reverse(-10..10//7)"#, r#"[4, -3, -10]"#),
            (r#"Enum.take(-10..10//7, 2)"#, r#"[-10, -3]"#),
            (r#"Enum.take_every([], 2)"#, r#"[]"#),
            (r#"Enum.map_every([], 2, & &1)"#, r#"[]"#),
            (r#"Enum.drop_every([], 2)"#, r#"[]"#),
            (r#"Enum.split([], 1)"#, r#"{[], []}"#),
            (r#"Enum.min([nil, 1])"#, r#"1"#),
            (r#"Enum.max([nil, :a, 1])"#, r#"nil"#),
            (
                r#"Enum.sort([%{b: 1}, %{a: 2}, {1, 2}, [1], "a", :a, 1.5, 1])"#,
                r#"[1, 1.5, :a, {1, 2}, %{a: 2}, %{b: 1}, [1], "a"]"#,
            ),
            (
                r#"Enum.sort([[1, 2], [1], [1, 1, 1], []])"#,
                r#"[[], [1], [1, 1, 1], [1, 2]]"#,
            ),
            (
                r#"Enum.uniq([%{a: 1}, %{a: 1}, %{a: 1.0}])"#,
                r#"[%{a: 1}, %{a: 1.0}]"#,
            ),
            (r#"Enum.dedup([1, 1.0, 1])"#, r#"[1, 1.0, 1]"#),
            (r#"Enum.frequencies([])"#, r#"%{}"#),
            (r#"Enum.frequencies(%{a: 1})"#, r#"%{{:a, 1} => 1}"#),
            (
                r#"Enum.group_by([1, 1.0, 2], & &1)"#,
                r#"%{1 => [1], 2 => [2], 1.0 => [1.0]}"#,
            ),
            (
                r#"Enum.chunk_every(%{a: 1, b: 2, c: 3}, 2)"#,
                r#"[[a: 1, b: 2], [c: 3]]"#,
            ),
            (
                r#"Enum.flat_map([1, 2], fn x -> %{x => x} end)"#,
                r#"[{1, 1}, {2, 2}]"#,
            ),
            (r#"Enum.with_index([], 5)"#, r#"[]"#),
            (
                r#"Enum.zip_with([1, 2], 1..5, &{&1, &2})"#,
                r#"[{1, 1}, {2, 2}]"#,
            ),
            (
                r#"Enum.concat([[1], 2..3, %{a: 1}])"#,
                r#"[1, 2, 3, {:a, 1}]"#,
            ),
            (
                r#"List.foldl(5, 0, fn x, acc -> x + acc end)"#,
                r#"** (FunctionClauseError) no function clause matching in List.foldl/3"#,
            ),
            (r#"List.keyfind([{1, 2}, {3, 4}], 3.0, 0)"#, r#"{3, 4}"#),
            (
                r#"List.keysort([{:b, 1}, {:a, 1}, {:c, 0}], 1)"#,
                r#"[c: 0, b: 1, a: 1]"#,
            ),
            (
                r#"List.first(nil)"#,
                r#"** (FunctionClauseError) no function clause matching in List.first/2"#,
            ),
            (r#"List.delete_at([], 0)"#, r#"[]"#),
            (r#"List.insert_at([], 0, 1)"#, r#"[1]"#),
            (r#"List.duplicate(:a, 0)"#, r#"[]"#),
            (r#"Map.new([1])"#, r#"** (ArgumentError) argument error"#),
            (r#"Map.new([{1, 2}, {1, 3}])"#, r#"%{1 => 3}"#),
            (
                r#"Map.update!(%{}, :a, & &1)"#,
                r#"** (KeyError) key :a not found in: %{}"#,
            ),
            (
                r#"Map.get_lazy(5, :a, fn -> 1 end)"#,
                r#"** (BadMapError) expected a map, got: 5"#,
            ),
            (
                r#"Map.merge(%{a: 1}, %{b: 2}, fn _, a, b -> a + b end)"#,
                r#"%{a: 1, b: 2}"#,
            ),
            (r#"Map.from_keys([], 1)"#, r#"%{}"#),
            (
                r#"Keyword.get([{"a", 1}], "a")"#,
                r#"** (FunctionClauseError) no function clause matching in Keyword.get/3"#,
            ),
            (
                r#"Keyword.put([], "a", 1)"#,
                r#"** (FunctionClauseError) no function clause matching in Keyword.put/3"#,
            ),
            (r#"Keyword.new(%{b: 1, a: 2})"#, r#"[a: 2, b: 1]"#),
            (r#"Keyword.merge([], [a: 1])"#, r#"[a: 1]"#),
            (r#"Keyword.merge([a: 1], [])"#, r#"[a: 1]"#),
            (
                r#"Keyword.merge([{"a", 1}], [b: 2])"#,
                r#"** (ArgumentError) expected a keyword list as the first argument, got: [{"a", 1}]"#,
            ),
            (r#"Keyword.update([], :a, 1, & &1)"#, r#"[a: 1]"#),
            (
                r#"String.split("1  2 3", " ", trim: true, parts: 2)"#,
                r#"["1", " 2 3"]"#,
            ),
            (
                r#"String.split("a,b", ",", parts: :infinity)"#,
                r#"["a", "b"]"#,
            ),
            (
                r#"String.split("a,b", 5)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid pattern"#,
            ),
            (
                r#"String.split("abc", "b", parts: 0)"#,
                r#"** (FunctionClauseError) no function clause matching in String.parts_to_index/1"#,
            ),
            (r#"String.replace_prefix("", "", "x")"#, r#""x""#),
            (r#"String.replace_suffix("abc", "", "x")"#, r#""abcx""#),
            (r#"String.replace_trailing("", "a", "b")"#, r#""""#),
            (r#"String.trim_leading("aaa", "a")"#, r#""""#),
            (r#"String.slice("", 0..1)"#, r#""""#),
            (r#"String.slice("abc", 0..-1//2)"#, r#""ac""#),
            (r#"String.slice("abcdef", -3..-1//2)"#, r#""df""#),
            (r#"String.split_at("", 3)"#, r#"{"", ""}"#),
            (
                r#"Integer.mod(5, 0)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (
                r#"Integer.floor_div(1, 0)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (
                r#"Integer.gcd(1.0, 2)"#,
                r#"** (FunctionClauseError) no function clause matching in Integer.gcd/2"#,
            ),
            (
                r#"Integer.pow(2.0, 2)"#,
                r#"** (FunctionClauseError) no function clause matching in Integer.pow/2"#,
            ),
            (r#"Integer.undigits([1, -1])"#, r#"9"#),
            (
                r#"Range.new(1.0, 2)"#,
                r#"** (ArgumentError) ranges (first..last) expect both sides to be integers, got: 1.0..2"#,
            ),
            (r#"Range.disjoint?(1..0//1, 1..5)"#, r#"true"#),
            (r#"get_in(nil, [:a])"#, r#"nil"#),
            (
                r#"get_in(%{a: 1}, [])"#,
                r#"** (FunctionClauseError) no function clause matching in Kernel.get_in/2"#,
            ),
            (
                r#"put_in(nil, [:a], 1)"#,
                r#"** (ArgumentError) could not put/update key :a on a nil value"#,
            ),
            (
                r#"update_in([a: 1], [:b], fn x -> x end)"#,
                r#"[b: nil, a: 1]"#,
            ),
            (r#"MapSet.new(%{a: 1})"#, r#"MapSet.new([a: 1])"#),
            (
                r#"MapSet.union(MapSet.new([1]), MapSet.new([1.0]))"#,
                r#"MapSet.new([1, 1.0])"#,
            ),
            (r#"MapSet.new(1..3) |> MapSet.to_list()"#, r#"[1, 2, 3]"#),
            (
                r#":lists.keysort(0, [{1}])"#,
                r#"** (FunctionClauseError) no function clause matching in :lists.keysort/2"#,
            ),
            (
                r#":lists.seq(1, 10, 0)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not a positive increment"#,
            ),
            (
                r#":lists.sublist([1], -1)"#,
                r#"** (FunctionClauseError) no function clause matching in :lists.sublist_2/2"#,
            ),
            (
                r#":binary.split("a", :b)"#,
                r#"** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid pattern"#,
            ),
            (r#":binary.matches("aaaa", "aa")"#, r#"[{0, 2}, {2, 2}]"#),
            (r#":binary.match("", "a")"#, r#":nomatch"#),
            (
                r#":math.pow(0, -1)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#":math.pow(0.0, 0)"#, r#"1.0"#),
            (
                r#":math.sqrt(100000000000000000000000000000000000000000000000000)"#,
                r#"1.0e25"#,
            ),
            (
                r#":math.log(-1)"#,
                r#"** (ArithmeticError) bad argument in arithmetic expression"#,
            ),
            (r#":math.atan2(0, 0)"#, r#"0.0"#),
        ],
    );
}

/// Stream.
#[test]
fn stream() {
    check(
        "stream",
        &[
            (
                r#"Stream.iterate(1, &(&1 * 2)) |> Enum.take(5)"#,
                r#"[1, 2, 4, 8, 16]"#,
            ),
            (r#"Stream.iterate(0, &(&1 + 1)) |> Enum.at(10)"#, r#"10"#),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.find(&(&1 * &1 > 50))"#,
                r#"8"#,
            ),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.take_while(&(&1 < 4))"#,
                r#"[0, 1, 2, 3]"#,
            ),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.any?(&(&1 == 7))"#,
                r#"true"#,
            ),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.find_index(&(&1 == 7))"#,
                r#"7"#,
            ),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.slice(3, 2)"#,
                r#"[3, 4]"#,
            ),
            (
                r#"Stream.iterate(0, &(&1 + 1)) |> Enum.reduce_while(0, fn x, acc -> if x > 3, do: {:halt, acc}, else: {:cont, acc + x} end)"#,
                r#"6"#,
            ),
            (
                r#"Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list()"#,
                r#"[5, 4, 3, 2, 1]"#,
            ),
            (
                r#"Stream.unfold(1, fn n -> {n, n * 3} end) |> Enum.take(4)"#,
                r#"[1, 3, 9, 27]"#,
            ),
            (
                r#"Stream.repeatedly(fn -> :x end) |> Enum.take(3)"#,
                r#"[:x, :x, :x]"#,
            ),
            (
                r#"Stream.cycle([1, 2]) |> Enum.take(5)"#,
                r#"[1, 2, 1, 2, 1]"#,
            ),
            (
                r#"Stream.cycle(1..3) |> Enum.take(7)"#,
                r#"[1, 2, 3, 1, 2, 3, 1]"#,
            ),
            (
                r#"Stream.cycle([])"#,
                r#"** (ArgumentError) cannot cycle over an empty enumerable"#,
            ),
            (
                r#"Stream.map([1, 2, 3], &(&1 * 2)) |> Enum.to_list()"#,
                r#"[2, 4, 6]"#,
            ),
            (
                r#"Stream.map(1..3, &(&1 * 2)) |> Stream.filter(&(&1 > 2)) |> Enum.sum()"#,
                r#"10"#,
            ),
            (
                r#"Stream.filter(1..10, &(rem(&1, 2) == 0)) |> Enum.to_list()"#,
                r#"[2, 4, 6, 8, 10]"#,
            ),
            (
                r#"Stream.reject(1..10, &(rem(&1, 2) == 0)) |> Enum.to_list()"#,
                r#"[1, 3, 5, 7, 9]"#,
            ),
            (r#"Stream.take(1..10, 3) |> Enum.to_list()"#, r#"[1, 2, 3]"#),
            (r#"Stream.take(1..10, 0) |> Enum.to_list()"#, r#"[]"#),
            (r#"Stream.take(1..10, -3) |> Enum.to_list()"#, r#"'\b\t\n'"#),
            (r#"Stream.drop(1..10, 7) |> Enum.to_list()"#, r#"'\b\t\n'"#),
            (
                r#"Stream.drop(1..10, -3) |> Enum.to_list()"#,
                r#"[1, 2, 3, 4, 5, 6, 7]"#,
            ),
            (r#"Stream.drop(1..3, 10) |> Enum.to_list()"#, r#"[]"#),
            (
                r#"Stream.take_while(1..10, &(&1 < 4)) |> Enum.to_list()"#,
                r#"[1, 2, 3]"#,
            ),
            (
                r#"Stream.drop_while(1..10, &(&1 < 8)) |> Enum.to_list()"#,
                r#"'\b\t\n'"#,
            ),
            (
                r#"Stream.take_every(1..10, 3) |> Enum.to_list()"#,
                r#"[1, 4, 7, 10]"#,
            ),
            (r#"Stream.take_every(1..10, 0) |> Enum.to_list()"#, r#"[]"#),
            (
                r#"Stream.drop_every(1..10, 3) |> Enum.to_list()"#,
                r#"[2, 3, 5, 6, 8, 9]"#,
            ),
            (
                r#"Stream.drop_every(1..4, 0) |> Enum.to_list()"#,
                r#"[1, 2, 3, 4]"#,
            ),
            (
                r#"Stream.map_every(1..10, 3, &(&1 * 100)) |> Enum.to_list()"#,
                r#"[100, 2, 3, 400, 5, 6, 700, 8, 9, 1000]"#,
            ),
            (
                r#"Stream.flat_map([1, 2, 3], fn x -> [x, x * 10] end) |> Enum.to_list()"#,
                r#"[1, 10, 2, 20, 3, 30]"#,
            ),
            (
                r#"Stream.flat_map(Stream.iterate(1, &(&1 + 1)), fn x -> List.duplicate(x, x) end) |> Enum.take(7)"#,
                r#"[1, 2, 2, 3, 3, 3, 4]"#,
            ),
            (
                r#"Stream.concat([1..2, [3], Stream.map([4], & &1)]) |> Enum.to_list()"#,
                r#"[1, 2, 3, 4]"#,
            ),
            (
                r#"Stream.concat(1..2, Stream.iterate(10, &(&1 + 1))) |> Enum.take(4)"#,
                r#"[1, 2, 10, 11]"#,
            ),
            (
                r#"Stream.transform(1..10, 0, fn x, acc -> if acc < 3, do: {[x, x], acc + 1}, else: {:halt, acc} end) |> Enum.to_list()"#,
                r#"[1, 1, 2, 2, 3, 3]"#,
            ),
            (
                r#"Stream.transform([1, 2, 3], 0, fn x, acc -> {[acc + x], acc + x} end) |> Enum.to_list()"#,
                r#"[1, 3, 6]"#,
            ),
            (
                r#"Stream.scan(1..5, &(&1 + &2)) |> Enum.to_list()"#,
                r#"[1, 3, 6, 10, 15]"#,
            ),
            (
                r#"Stream.scan(1..5, 0, &(&1 + &2)) |> Enum.to_list()"#,
                r#"[1, 3, 6, 10, 15]"#,
            ),
            (r#"Stream.scan([], &(&1 + &2)) |> Enum.to_list()"#, r#"[]"#),
            (
                r#"Stream.with_index([:a, :b]) |> Enum.to_list()"#,
                r#"[a: 0, b: 1]"#,
            ),
            (
                r#"Stream.with_index([:a, :b], 1) |> Enum.to_list()"#,
                r#"[a: 1, b: 2]"#,
            ),
            (
                r#"Stream.with_index([:a, :b], fn x, i -> {i, x} end) |> Enum.to_list()"#,
                r#"** (FunctionClauseError) no function clause matching in Stream.with_index/2"#,
            ),
            (
                r#"Stream.intersperse([1, 2, 3], 0) |> Enum.to_list()"#,
                r#"[1, 0, 2, 0, 3]"#,
            ),
            (r#"Stream.intersperse([], 0) |> Enum.to_list()"#, r#"[]"#),
            (
                r#"Stream.dedup([1, 1, 2, 1, 1.0, 1.0]) |> Enum.to_list()"#,
                r#"[1, 2, 1, 1.0]"#,
            ),
            (
                r#"Stream.dedup_by([{1, :a}, {1, :b}, {2, :c}], &elem(&1, 0)) |> Enum.to_list()"#,
                r#"[{1, :a}, {2, :c}]"#,
            ),
            (
                r#"Stream.uniq([1, 2, 1, 3, 2]) |> Enum.to_list()"#,
                r#"[1, 2, 3]"#,
            ),
            (
                r#"Stream.uniq_by([a: 1, b: 2, c: 1], &elem(&1, 1)) |> Enum.to_list()"#,
                r#"[a: 1, b: 2]"#,
            ),
            (
                r#"Stream.chunk_every(1..7, 3) |> Enum.to_list()"#,
                r#"[[1, 2, 3], [4, 5, 6], '\a']"#,
            ),
            (
                r#"Stream.chunk_every(1..7, 3, 2, :discard) |> Enum.to_list()"#,
                r#"[[1, 2, 3], [3, 4, 5], [5, 6, 7]]"#,
            ),
            (
                r#"Stream.chunk_every(1..6, 3, 2, [:x, :y]) |> Enum.to_list()"#,
                r#"[[1, 2, 3], [3, 4, 5], [5, 6, :x]]"#,
            ),
            (
                r#"Stream.chunk_every(Stream.iterate(1, &(&1 + 1)), 2) |> Enum.take(3)"#,
                r#"[[1, 2], [3, 4], [5, 6]]"#,
            ),
            (
                r#"Stream.chunk_by([1, 1, 2, 3, 3], & &1) |> Enum.to_list()"#,
                r#"[[1, 1], [2], [3, 3]]"#,
            ),
            (r#"Stream.chunk_by([], & &1) |> Enum.to_list()"#, r#"[]"#),
            (
                r#"Stream.zip([1, 2, 3], Stream.cycle([:a, :b])) |> Enum.to_list()"#,
                r#"[{1, :a}, {2, :b}, {3, :a}]"#,
            ),
            (
                r#"Stream.zip([[1, 2], [3, 4], [5, 6, 7]]) |> Enum.to_list()"#,
                r#"[{1, 3, 5}, {2, 4, 6}]"#,
            ),
            (
                r#"Stream.zip_with([1, 2], [3, 4], &(&1 + &2)) |> Enum.to_list()"#,
                r#"[4, 6]"#,
            ),
            (
                r#"Stream.zip_with([[1, 2], [3, 4]], fn xs -> Enum.sum(xs) end) |> Enum.to_list()"#,
                r#"[4, 6]"#,
            ),
            (
                r#"Enum.zip([1, 2, 3], Stream.cycle([:a, :b]))"#,
                r#"[{1, :a}, {2, :b}, {3, :a}]"#,
            ),
            (
                r#"Enum.zip(Stream.iterate(0, &(&1 + 1)), ["a", "b"])"#,
                r#"[{0, "a"}, {1, "b"}]"#,
            ),
            (
                r#"Enum.zip_with(1..3, Stream.repeatedly(fn -> 1 end), &+/2)"#,
                r#"[2, 3, 4]"#,
            ),
            (
                r#"Enum.with_index(Stream.map([:a, :b], & &1))"#,
                r#"[a: 0, b: 1]"#,
            ),
            (
                r#"Stream.resource(fn -> 3 end, fn 0 -> {:halt, 0}; n -> {[n], n - 1} end, fn _ -> :ok end) |> Enum.to_list()"#,
                r#"[3, 2, 1]"#,
            ),
            (
                r#"Stream.resource(fn -> 1 end, fn n -> {[n, n], n + 1} end, fn _ -> :ok end) |> Enum.take(5)"#,
                r#"[1, 1, 2, 2, 3]"#,
            ),
            (r#"Stream.run(Stream.map([1, 2], & &1))"#, r#":ok"#),
            (
                r#"Stream.each([1, 2], fn x -> x end) |> Enum.to_list()"#,
                r#"[1, 2]"#,
            ),
            (
                r#"Stream.map(1..1000000000, &(&1 * 2)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.take(3)"#,
                r#"[6, 12, 18]"#,
            ),
            (
                r#"Enum.count(Stream.filter(1..100, &(rem(&1, 7) == 0)))"#,
                r#"14"#,
            ),
            (
                r#"Enum.sort(Stream.map([3, 1, 2], & &1), :desc)"#,
                r#"[3, 2, 1]"#,
            ),
            (r#"Enum.member?(Stream.map(1..5, &(&1 * 2)), 6)"#, r#"true"#),
            (
                r#"Enum.into(Stream.map([1, 2], &{&1, &1}), %{})"#,
                r#"%{1 => 1, 2 => 2}"#,
            ),
            (
                r#"Map.new(Stream.map([1, 2], &{&1, &1 * 2}))"#,
                r#"%{1 => 2, 2 => 4}"#,
            ),
            (
                r#"MapSet.new(Stream.take(Stream.cycle([1, 2]), 5))"#,
                r#"MapSet.new([1, 2])"#,
            ),
            (
                r#"Enum.map_join(Stream.take(Stream.iterate(1, &(&1 + 1)), 3), ",", & &1)"#,
                r#""1,2,3""#,
            ),
            (r#"Enum.empty?(Stream.iterate(1, & &1))"#, r#"false"#),
            (r#"Enum.empty?(Stream.take([1], 0))"#, r#"true"#),
            (
                r#"Enum.reduce(Stream.map([1, 2, 3], & &1), fn x, acc -> x + acc end)"#,
                r#"6"#,
            ),
            (
                r#"Enum.reduce(Stream.take([1], 0), fn x, acc -> x + acc end)"#,
                r#"** (Enum.EmptyError) empty error"#,
            ),
            (
                r#"Enum.map_reduce(Stream.map([1, 2], & &1), 0, fn x, acc -> {x * 2, acc + x} end)"#,
                r#"{[2, 4], 3}"#,
            ),
            (
                r#"Enum.split_with(Stream.map(1..4, & &1), &(&1 > 2))"#,
                r#"{[3, 4], [1, 2]}"#,
            ),
            (
                r#"Enum.scan(Stream.map(1..4, & &1), &+/2)"#,
                r#"[1, 3, 6, 10]"#,
            ),
            (
                r#"Enum.with_index(Stream.map([:a, :b], & &1), fn x, i -> {i, x} end)"#,
                r#"[{0, :a}, {1, :b}]"#,
            ),
            (
                r#"Enum.chunk_by(Stream.map([1, 1, 2], & &1), & &1)"#,
                r#"[[1, 1], [2]]"#,
            ),
            (
                r#"Enum.uniq_by(Stream.map([1, 2, 1], & &1), & &1)"#,
                r#"[1, 2]"#,
            ),
            (
                r#"Enum.dedup_by(Stream.map([1, 1, 2], & &1), & &1)"#,
                r#"[1, 2]"#,
            ),
            (
                r#"Enum.flat_map(Stream.map([1, 2], & &1), &[&1, &1])"#,
                r#"[1, 1, 2, 2]"#,
            ),
            (
                r#"Enum.each(Stream.map([1, 2], &IO.inspect/1), &IO.inspect(&1 * 10))"#,
                r#"1
10
2
20
:ok"#,
            ),
            (
                r#"Enum.map(Stream.map([1, 2], &IO.inspect/1), &IO.inspect(&1 * 10))"#,
                r#"1
10
2
20
[10, 20]"#,
            ),
            (
                r#"Enum.reduce(Stream.map([1, 2], &IO.inspect/1), 0, fn x, acc -> IO.inspect(acc + x) end)"#,
                r#"1
1
2
3
3"#,
            ),
            (
                r#"Enum.take(Stream.map([1, 2, 3], &IO.inspect/1), 2)"#,
                r#"1
2
[1, 2]"#,
            ),
            (
                r#"Enum.take(Stream.filter(Stream.map(1..10, &IO.inspect/1), &(rem(&1, 3) == 0)), 2)"#,
                r#"1
2
3
4
5
6
[3, 6]"#,
            ),
            (
                r#"Enum.zip(Stream.map([1, 2, 3], &IO.inspect/1), Stream.map([4, 5], &IO.inspect/1))"#,
                r#"1
4
2
5
3
[{1, 4}, {2, 5}]"#,
            ),
            (
                r#"Enum.group_by([3, 1, 2], &IO.inspect/1)"#,
                r#"2
1
3
%{1 => [1], 2 => [2], 3 => [3]}"#,
            ),
            (
                r#"Enum.sort([3, 1, 2], fn a, b -> IO.inspect({a, b}); a <= b end)"#,
                r#"{3, 1}
{1, 2}
{3, 2}
[1, 2, 3]"#,
            ),
            (
                r#"Enum.sort_by([3, 1, 2], &IO.inspect/1, :desc)"#,
                r#"3
1
2
[3, 2, 1]"#,
            ),
            (
                r#"Enum.max_by([3, 1, 2], &IO.inspect/1)"#,
                r#"3
1
2
3"#,
            ),
            (
                r#"Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}, fn k, x, y -> IO.inspect(k); x + y end)"#,
                r#":b
%{a: 1, b: 5, c: 4}"#,
            ),
            (
                r#"Enum.uniq_by([3, 1, 3], &IO.inspect/1)"#,
                r#"3
1
3
[3, 1]"#,
            ),
            (r#"String.printable?("abc")"#, r#"true"#),
            (r#"String.printable?("abc\0")"#, r#"false"#),
            (r#"String.printable?("abc\n\t")"#, r#"true"#),
            (r#"String.printable?("héllo ☃")"#, r#"true"#),
            (r#"String.printable?("abc\0", 2)"#, r#"true"#),
            (r#"String.printable?("", 0)"#, r#"true"#),
            (r#"Enum.count_until(Stream.iterate(1, & &1), 5)"#, r#"5"#),
            (r#"Enum.count_until(Stream.take([1, 2], 2), 5)"#, r#"2"#),
            (
                r#"Enum.count_until(Stream.iterate(1, &(&1 + 1)), &(rem(&1, 2) == 0), 3)"#,
                r#"3"#,
            ),
        ],
    );
}

#[test]
fn sigils() {
    check(
        "sigils",
        &[
            (r#"~w(foo bar  baz)"#, r#"["foo", "bar", "baz"]"#),
            (r#"~w(foo bar)a"#, r#"[:foo, :bar]"#),
            (r#"~w[a b]c"#, r#"['a', 'b']"#),
            (r#"~w{x y}s"#, r#"["x", "y"]"#),
            (r#"~w()"#, r#"[]"#),
            (r#"~w(a b) ++ ~w<c>"#, r#"["a", "b", "c"]"#),
            (r#"~s(hello "world")"#, r#""hello \"world\"""#),
            (r#"~s{x is #{1 + 2}}"#, r#""x is 3""#),
            (r#"~S(no #{x} here\n)"#, r#""no \#{x} here\\n""#),
            (r#"~c(abc)"#, r#"'abc'"#),
            (r#"~C(a\nb)"#, r#"'a\\nb'"#),
            (r#"~s<a \> b>"#, r#""a > b""#),
            (r#"~s|pipe|"#, r#""pipe""#),
            (r#"~s"quoted""#, r#""quoted""#),
            (r#"~s'single'"#, r#""single""#),
            (r#"~s/slash\/ed/"#, r#""slash/ed""#),
            (r#"~s(tab\there)"#, r#""tab\there""#),
            (
                r##"~S"""
raw #{x} \n "q"
  indented \
""""##,
                r##""raw \#{x} \\n \"q\"\n  indented \\\n""##,
            ),
            (
                r##"~s"""
  interp #{1 + 1} \t tab
    more
  """"##,
                r##""interp 2 \t tab\n  more\n""##,
            ),
            (
                r##"~w"""
one two
three
"""a"##,
                r##"[:one, :two, :three]"##,
            ),
            (
                r##"~c'''
chars #{1}
'''"##,
                r##"'chars 1\n'"##,
            ),
            (
                r##"~C'''
chars #{x}
'''"##,
                r##"'chars \#{x}\n'"##,
            ),
            (
                r##"~S'''
single ''' inside
'''"##,
                r##""single ''' inside\n""##,
            ),
        ],
    );
}

/// Escapes in strings: `\xHH` is a byte (so a string may be invalid
/// UTF-8), `\uHHHH` and `\u{H...}` are code points.
#[test]
fn string_escapes() {
    check(
        "string_escapes",
        &[
            (r#"byte_size("\xFF")"#, r#"1"#),
            (r##"(fn x -> "#{x}a" end).("\xFF")"##, r#"<<255, 97>>"#),
            (r#"to_string("\xFE")"#, r#"<<254>>"#),
            (r#""\xFF""#, r#"<<255>>"#),
            (r#"String.valid?("\xFF")"#, r#"false"#),
            (r#""\x41""#, r#""A""#),
            (r#""\xC3\xA9""#, r#""é""#),
            (r#""a\xFFb""#, r#"<<97, 255, 98>>"#),
            (r#""\xFF" <> "a""#, r#"<<255, 97>>"#),
            (r#"byte_size("\xFF\xFE")"#, r#"2"#),
            (r#""\u00e9""#, r#""é""#),
            (r#""\u{1F600}""#, r#""😀""#),
            (r#""\u{41}\u0042""#, r#""AB""#),
            (r#"'\xC3\xA9'"#, r#"[233]"#),
            (r#"~s(\xFF)"#, r#"<<255>>"#),
            (r#""\xFF" == :erlang.list_to_binary([255])"#, r#"true"#),
            (
                r#"match?("\xFF" <> _, :erlang.list_to_binary([255, 1]))"#,
                r#"true"#,
            ),
            (r#""\xFF#{1}""#, r#"<<255, 49>>"#),
            (r#"String.length("\xFF\xFE")"#, r#"2"#),
        ],
    );
}

/// Interpolation in quoted atoms (`:erlang.binary_to_atom/2` of the
/// string, as Elixir expands it) and in charlists.
#[test]
fn atom_and_charlist_interpolation() {
    check(
        "atom_and_charlist_interpolation",
        &[
            (r##":"#{"key"}_x""##, ":key_x"),
            (r##":"a#{1 + 1}""##, ":a2"),
            (r##":'x#{:y}'"##, ":xy"),
            (r##":"Elixir.#{String.capitalize("key")}""##, "Key"),
            (r##":"plain atom""##, ":\"plain atom\""),
            (r##"Enum.map(1..3, &:"n#{&1}")"##, "[:n1, :n2, :n3]"),
            (r##"%{:"#{"k"}" => 1}"##, "%{k: 1}"),
            (r##":"#{String.duplicate("a", 256)}""##, "** (SystemLimitError) a system limit has been reached"),
            (r##"'hello #{"x"}'"##, "'hello x'"),
            (r##"'#{1}#{2}'"##, "'12'"),
            (r##"'é #{"x"}'"##, "[233, 32, 120]"),
            (r##"~c(a #{:b})"##, "'a b'"),
            (r##"~C(a #{:b})"##, "'a \\#{:b}'"),
            (r##"'#{[?a, "b"]}'"##, "'ab'"),
            (r##"'#{%{}}'"##, "** (Protocol.UndefinedError) protocol String.Chars not implemented for %{} of type Map"),
        ],
    );
}

/// Erlang modules written in Vial or as BIFs: `:lists`, `:proplists`,
/// `:maps`, `:erlang`, `:string`, `:queue` (whose printed shape follows
/// OTP's clauses), `Bitwise`.
#[test]
fn erlang_modules_and_bitwise() {
    check(
        "erlang_modules_and_bitwise",
        &[
            (":lists.subtract([1, 2, 3, 2], [2])", "[1, 3, 2]"),
            (":lists.concat([:a, 1, 'bc'])", "'a1bc'"),
            (":lists.enumerate([:a, :b])", "[{1, :a}, {2, :b}]"),
            (":lists.enumerate(0, [:a, :b])", "[{0, :a}, {1, :b}]"),
            (":lists.filtermap(fn x -> if x > 1, do: {true, x * 10}, else: false end, [1, 2, 3])", "[20, 30]"),
            (":lists.zip3([1, 2], [3, 4], [5, 6])", "[{1, 3, 5}, {2, 4, 6}]"),
            (":lists.merge([1, 3, 5], [2, 3, 4])", "[1, 2, 3, 3, 4, 5]"),
            (":lists.search(fn x -> x > 5 end, [1, 2])", "false"),
            (":proplists.get_value(:a, [{:a, 1}, :b])", "1"),
            (":proplists.get_value(:b, [{:a, 1}, :b])", "true"),
            (":proplists.get_value(:c, [{:a, 1}, :b])", ":undefined"),
            (":proplists.get_keys([{:a, 1}, :b, {:a, 2}])", "[:a, :b]"),
            (":proplists.get_all_values(:a, [{:a, 1}, :b, {:a, 2}])", "[1, 2]"),
            (":proplists.lookup(:b, [{:a, 1}, :b])", "{:b, true}"),
            (":proplists.delete(:a, [{:a, 1}, :b, {:a, 2}])", "[:b]"),
            (":maps.update_with(:a, &(&1 + 1), %{a: 1})", "%{a: 2}"),
            (":maps.update_with(:z, &(&1 + 1), 0, %{a: 1})", "%{a: 1, z: 0}"),
            (":erlang.list_to_integer('42')", "42"),
            (":erlang.list_to_integer('ff', 16)", "255"),
            (":erlang.list_to_atom('abc')", ":abc"),
            (r#":erlang.iolist_size(["a", ?b, ["cd"]])"#, "4"),
            (r#":erlang.split_binary("abcdef", 2)"#, r#"{"ab", "cdef"}"#),
            (r#":binary.copy("ab", 3)"#, r#""ababab""#),
            (r#":unicode.characters_to_binary(['ab', "cd", ?e])"#, r#""abcde""#),
            (r#":string.length("héllo")"#, "5"),
            (r#":string.trim("  hi  ")"#, r#""hi""#),
            (":string.trim('  hi  ', :leading)", "'hi  '"),
            (r#":string.split("a,b,c", ",")"#, r#"["a", "b,c"]"#),
            (r#":string.split("a,b,c", ",", :all)"#, r#"["a", "b", "c"]"#),
            (":string.split('a,b,c', ',', :trailing)", "['a,b', 'c']"),
            (":string.tokens('a b,,c', ' ,')", "['a', 'b', 'c']"),
            (":string.join(['a', 'b', 'c'], ', ')", "'a, b, c'"),
            (r#":string.to_integer("12x")"#, r#"{12, "x"}"#),
            (":string.to_integer('x')", "{:error, :no_integer}"),
            (r#":string.to_float("1.5e3 rest")"#, r#"{1500.0, " rest"}"#),
            (r#":string.uppercase("abc")"#, r#""ABC""#),
            (":string.lowercase('ABC')", "'abc'"),
            (":string.reverse('abc')", "'cba'"),
            (r#":string.slice("hello", 1, 3)"#, r#""ell""#),
            (r#":string.is_empty("")"#, "true"),
            (r#":string.equal("a", 'a')"#, "true"),
            (r#"IO.iodata_length(["ab", ?c])"#, "3"),
            (r#"IO.chardata_to_string(['ab', "c"])"#, r#""abc""#),
            (":os.type()", "{:unix, :linux}"),
            ("Bitwise.band(12, 10)", "8"),
            ("Bitwise.bor(12, 10)", "14"),
            ("Bitwise.bxor(12, 10)", "6"),
            ("Bitwise.bnot(5)", "-6"),
            ("Bitwise.bsl(1, 64)", "18446744073709551616"),
            ("Bitwise.bsl(-3, 70)", "-3541774862152233910272"),
            ("Bitwise.bsr(-17, 2)", "-5"),
            ("Bitwise.bsr(5, 100)", "0"),
            ("Bitwise.bsl(5, -1)", "2"),
            ("Bitwise.bxor(-1, Bitwise.bsl(1, 70))", "-1180591620717411303425"),
            (":erlang.bnot(Bitwise.bsl(1, 80))", "-1208925819614629174706177"),
            (":erlang.band(7, 3)", "3"),
            ("Bitwise.band(1.0, 1)", "** (ArithmeticError) bad argument in arithmetic expression"),
            (":queue.from_list([1, 2, 3, 4, 5])", "{[5, 4, 3], [1, 2]}"),
            (":queue.in(3, :queue.in(2, :queue.in(1, :queue.new())))", "{[3, 2], [1]}"),
            (":queue.out(:queue.from_list([1, 2, 3, 4]))", "{{:value, 1}, {[4, 3], [2]}}"),
            (":queue.out_r(:queue.from_list([1, 2, 3]))", "{{:value, 3}, {[2], [1]}}"),
            (":queue.in_r(0, :queue.from_list([1, 2]))", "{[2], [0, 1]}"),
            (":queue.to_list(:queue.join(:queue.from_list([1, 2]), :queue.from_list([3])))", "[1, 2, 3]"),
            (":queue.peek_r(:queue.from_list([1, 2, 3]))", "{:value, 3}"),
            (":queue.len(:queue.new())", "0"),
            (":queue.out(:queue.new())", "{:empty, {[], []}}"),
            (":queue.in(1, :bad)", "** (ArgumentError) argument error"),
        ],
    );
}

/// `:io.format` and `:io_lib.format`: Erlang's control sequences, terms in
/// Erlang syntax, and `~p`'s line breaking at OTP 25's columns.
#[test]
fn io_format() {
    check(
        "io_format",
        &[
            (
                r##":io.format("~.4g|~.4g|~.4g|~.3g|~g~n", [1000.0, 3280.84, 999.9, 100.0, 5000.0])"##,
                r##"1.000e+3|3.281e+3|999.9|1.00e+2|5000.00
:ok"##,
            ),
            (
                r##":io.format("~g|~g|~g|~g|~g|~g~n", [0.05, 0.5, 12345.678, 1.0e10, -2.5, 0.0])"##,
                r##"5.00000e-2|0.500000|1.23457e+4|1.00000e+10|-2.50000|0.00000e+0
:ok"##,
            ),
            (
                r##":io.format("~.1g|~.1g|~.2g|~.2g|~.1g~n", [0.5, 5.0, 0.05, 123.0, 55555.0])"##,
                r##"0.5|5.0e+0|5.0e-2|1.2e+2|5.6e+4
:ok"##,
            ),
            (
                r##":io.format("~p ~w ~s~n", [[1, 2, 3], {:a, "bin"}, 'chars'])"##,
                r##"[1,2,3] {a,<<98,105,110>>} chars
:ok"##,
            ),
            (
                r##":io.format("~p~n", [%{a: 1, b: [1, 2]}])"##,
                r##"#{a => 1,b => [1,2]}
:ok"##,
            ),
            (
                r##":io.format("~p~n", ["hello"])"##,
                r##"<<"hello">>
:ok"##,
            ),
            (
                r##":io.format("~p~n", ['hello'])"##,
                r##""hello"
:ok"##,
            ),
            (
                r##":io.format("~w~n", ['hello'])"##,
                r##"[104,101,108,108,111]
:ok"##,
            ),
            (
                r##":io.format("~p ~p ~p~n", [:ok, :Elixir, :"hello world"])"##,
                r##"ok 'Elixir' 'hello world'
:ok"##,
            ),
            (
                r##":io.format("~p~n", [1..3])"##,
                r##"#{'__struct__' => 'Elixir.Range',first => 1,last => 3,step => 1}
:ok"##,
            ),
            (
                r##":io.format("~p ~p~n", [1.5, 3.0e20])"##,
                r##"1.5 3.0e20
:ok"##,
            ),
            (
                r##":io.format("~f ~.2f ~e ~g~n", [3.14159, 2.5, 1234.5, 0.5])"##,
                r##"3.141590 2.50 1.23450e+3 0.500000
:ok"##,
            ),
            (
                r##":io.format("~b ~.16B ~8.2B ~.16b~n", [10, 255, 5, 255])"##,
                r##"10 FF      101 ff
:ok"##,
            ),
            (
                r##":io.format("[~5s] [~-5s] [~5w] [~c]~n", ["ab", "cd", :x, ?z])"##,
                r##"[   ab] [cd   ] [    x] [z]
:ok"##,
            ),
            (
                r##":io.format("~~ ~i~s~n", [:ignored, "shown"])"##,
                r##"~ shown
:ok"##,
            ),
            (
                r##":io.format("~ts~n", ["héllo"])"##,
                r##"héllo
:ok"##,
            ),
            (
                r##":io.format("no args~n")"##,
                r##"no args
:ok"##,
            ),
            (
                r##":io.format("~p~n", [{self() |> is_pid(), make_ref() |> is_reference()}])"##,
                r##"{true,true}
:ok"##,
            ),
            (
                r##":io.format("~p~n", [Enum.to_list(1..30)])"##,
                r##"[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
 29,30]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [[{:key, "a long string value here"}, {:other_key, "another fairly long string"}, {:third, 12345}]])"##,
                r##"[{key,<<"a long string value here">>},
 {other_key,<<"another fairly long string">>},
 {third,12345}]
:ok"##,
            ),
            (
                r##":io.format("~w~n", [:erlang.list_to_binary([1, 2, 3])])"##,
                r##"<<1,2,3>>
:ok"##,
            ),
            (
                r##":io.format("~p~n", [:erlang.list_to_binary([1, 2, 3])])"##,
                r##"<<1,2,3>>
:ok"##,
            ),
            (
                r##":io.format("~s~n", [[?a, "bc", [?d]]])"##,
                r##"abcd
:ok"##,
            ),
            (
                r##":io.format("~B~n", [-42])"##,
                r##"-42
:ok"##,
            ),
            (
                r##":io.format("~10.3f|~n", [3.14159])"##,
                r##"     3.142|
:ok"##,
            ),
            (
                r##":io.format("~-10.3f|~n", [3.14159])"##,
                r##"3.142     |
:ok"##,
            ),
            (
                r##":io.format("~p~n", [[a: 1, b: 2]])"##,
                r##"[{a,1},{b,2}]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [{}])"##,
                r##"{}
:ok"##,
            ),
            (
                r##":io.format("~p~n", [[]])"##,
                r##"[]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [%{}])"##,
                r##"#{}
:ok"##,
            ),
            (
                r##":io.format("~p~n", [-0.0])"##,
                r##"-0.0
:ok"##,
            ),
            (
                r##":io.format("~s~n", [:atom])"##,
                r##"atom
:ok"##,
            ),
            (
                r##":io.format("~p~n", [Enum.to_list(1..40)])"##,
                r##"[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
 29,30,31,32,33,34,35,36,37,38,39,40]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [Enum.to_list(100..130)])"##,
                r##"[100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,
 119,120,121,122,123,124,125,126,127,128,129,130]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [Enum.map(1..20, fn i -> :"atom#{i}" end)])"##,
                r##"[atom1,atom2,atom3,atom4,atom5,atom6,atom7,atom8,atom9,atom10,atom11,atom12,
 atom13,atom14,atom15,atom16,atom17,atom18,atom19,atom20]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [Enum.to_list(1..25) |> Enum.map(&{&1})])"##,
                r##"[{1},
 {2},
 {3},
 {4},
 {5},
 {6},
 {7},
 {8},
 {9},
 {10},
 {11},
 {12},
 {13},
 {14},
 {15},
 {16},
 {17},
 {18},
 {19},
 {20},
 {21},
 {22},
 {23},
 {24},
 {25}]
:ok"##,
            ),
            (
                r##":io.format("~p~n", [{Enum.to_list(1..30), :x}])"##,
                r##"{[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
  29,30],
 x}
:ok"##,
            ),
            (
                r##":io.format("~p~n", [%{alpha: "a long string value here", beta: "another long string value", gamma: 3}])"##,
                r##"#{alpha => <<"a long string value here">>,
  beta => <<"another long string value">>,gamma => 3}
:ok"##,
            ),
            (
                r##":io.format("~p~n", [{:a_rather_long_atom_name, "a long string value here", :another_long_atom_name}])"##,
                r##"{a_rather_long_atom_name,<<"a long string value here">>,
                         another_long_atom_name}
:ok"##,
            ),
            (
                r##":io.format("x: ~p~n", [Enum.to_list(1..30)])"##,
                r##"x: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,
    28,29,30]
:ok"##,
            ),
            (
                r##"IO.iodata_to_binary(:io_lib.format("~p and ~s", [1, "x"]))"##,
                r##""1 and x""##,
            ),
            (
                r##":io_lib.format("~p and ~s", [1, "x"])"##,
                "['1', 32, 97, 110, 100, 32, 'x']",
            ),
            (
                r##":io.format("~p ~p~n", [:"with space", :lower])"##,
                r##"'with space' lower
:ok"##,
            ),
            (
                r##":io.format("~w~n", [[1 | 2]])"##,
                r##"[1|2]
:ok"##,
            ),
            (
                r##":io.format("~.1f ~.1f ~.2f ~f ~.1f ~.3f~n", [-0.0, -0.04, 2.675, 1.0e10, 0.05, -1.0005])"##,
                r##"-0.0 -0.0 2.67 10000000000.000000 0.1 -1.000
:ok"##,
            ),
            (
                r##":io.format("~p~n", [[1, [2, "x"], %{1 => :a}]])"##,
                r##"[1,[2,<<"x">>],#{1 => a}]
:ok"##,
            ),
            (
                r##":io.format("~5.1f|~-8e|~.3e~n", [2.25, 1.0, 123456.0])"##,
                r##"  2.3|********|1.23e+5
:ok"##,
            ),
            (
                r##":io.format("~#~n", [255])"##,
                r##"10#255
:ok"##,
            ),
            (
                r##":io.format("~.16#~n", [255])"##,
                r##"16#FF
:ok"##,
            ),
            (
                r##":io.format("~*s|~n", [5, "ab"])"##,
                r##"   ab|
:ok"##,
            ),
            (
                r##":io.format("~p~n", [[]])"##,
                r##"[]
:ok"##,
            ),
            (
                r##":io.format("~s~n", [[]])"##,
                r##"
:ok"##,
            ),
            (
                r##":io.format("~p~n")"##,
                r##"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: wrong number of arguments"##,
            ),
        ],
    );
}

/// `Enum.random/1`, `shuffle/1` and `take_random/2` after a seed: the same
/// draws from `:rand` as Elixir 1.14's, so the same values (the cases run
/// in order, one seeded sequence).
#[test]
fn enum_random() {
    check(
        "enum_random",
        &[
            ("(:rand.seed(:exsss, {100, 101, 102}); :seeded)", ":seeded"),
            ("Enum.random([1, 2, 3])", "2"),
            ("Enum.random([1, 2, 3])", "1"),
            ("Enum.random(1..1_000)", "309"),
            ("Enum.random(1..100//7)", "57"),
            ("Enum.random([:only])", ":only"),
            ("Enum.shuffle(1..10)", "[2, 3, 8, 4, 1, 10, 6, 5, 7, 9]"),
            ("Enum.take_random(1..20, 1)", r##"'\b'"##),
            ("Enum.take_random([1, 2, 3, 4], 1)", "[2]"),
            ("Enum.take_random(1..50, 5)", "[47, 20, 26, 39, 22]"),
            ("Enum.take_random(1..3, 10)", "[3, 2, 1]"),
            ("Enum.random(%{a: 1, b: 2})", "{:b, 2}"),
            ("Enum.shuffle([])", "[]"),
            ("Enum.random([])", "** (Enum.EmptyError) empty error"),
        ],
    );
}

/// `Module.split/concat`, `Function.info` and `:erlang.fun_info`,
/// `Exception.format_banner`.
#[test]
fn module_function_exception() {
    check(
        "module_function_exception",
        &[
            (
                "Enumerable.reduce([1, 2, 3], {:cont, 0}, fn x, acc -> {:cont, x + acc} end)",
                "{:done, 6}",
            ),
            (
                "Enumerable.reduce([1, 2, 3], {:cont, 0}, fn x, acc -> if x == 2, do: {:halt, acc}, else: {:cont, x + acc} end)",
                "{:halted, 1}",
            ),
            (
                "Enumerable.List.reduce([1], {:cont, []}, fn x, a -> {:cont, [x | a]} end)",
                "{:done, [1]}",
            ),
            ("Module.split(Outer.Inner)", r##"["Outer", "Inner"]"##),
            (r##"Module.split("Elixir.A.B")"##, r##"["A", "B"]"##),
            ("Module.concat(Outer, Inner)", "Outer.Inner"),
            (
                r##"Module.concat([Foo, "Bar", nil, :"Elixir.Baz"])"##,
                "Foo.Bar.Baz",
            ),
            (r##"Module.concat("Elixir.X", Y)"##, "X.Y"),
            (
                "Function.info(&Enum.map/2)",
                "[module: Enum, name: :map, arity: 2, env: [], type: :external]",
            ),
            ("Function.info(&Enum.map/2, :arity)", "{:arity, 2}"),
            (
                "try do Module.split(:lists) rescue e -> e end",
                r##"%ArgumentError{message: "expected an Elixir module, got: :lists"}"##,
            ),
            (
                ":erlang.fun_info(fn x, y -> x + y end, :arity)",
                "{:arity, 2}",
            ),
            (
                r##"Exception.format_banner(:error, %RuntimeError{message: "x"})"##,
                r##""** (RuntimeError) x""##,
            ),
            (
                r##"is_exception(%ArgumentError{message: "x"}, ArgumentError)"##,
                "true",
            ),
            (
                r##"is_exception(%ArgumentError{message: "x"}, KeyError)"##,
                "false",
            ),
            (r##"is_exception(%{a: 1}, KeyError)"##, "false"),
            (
                r##":io.format("~5c|~-5c|~n", [?x, ?y])"##,
                r##"xxxxx|yyyyy|
:ok"##,
            ),
            ("to_string(:erlang.integer_to_list(255, 16))", r##""FF""##),
            (
                "Exception.format_banner(:throw, :ball)",
                r##""** (throw) :ball""##,
            ),
            (
                "Exception.format_banner(:exit, :normal)",
                r##""** (exit) normal""##,
            ),
            (
                r##"Exception.format_exit({:badarg, [{:erlang, :foo, 1, []}]})"##,
                r##""an exception was raised:\n    ** (ArgumentError) argument error\n        :erlang.foo/1""##,
            ),
            (
                r##"Exception.format_exit({{:badmatch, 3}, [{M, :f, 0, [file: ~c"a.ex", line: 3]}]})"##,
                r##""an exception was raised:\n    ** (MatchError) no match of right hand side value: 3\n        a.ex:3: M.f/0""##,
            ),
            (
                r##"Exception.format_exit({{:badkey, :k, %{a: 1}}, [{M, :f, 0, []}]})"##,
                r##""an exception was raised:\n    ** (KeyError) key :k not found in: %{a: 1}\n        M.f/0""##,
            ),
            (
                r##"Exception.format_exit({:function_clause, [{M, :f, 2, []}]})"##,
                r##""an exception was raised:\n    ** (FunctionClauseError) no function clause matching in M.f/2\n        M.f/2""##,
            ),
            (
                r##"Exception.format_exit({{:weird, 1}, [{M, :f, 2, []}]})"##,
                r##""an exception was raised:\n    ** (ErlangError) Erlang error: {:weird, 1}\n        M.f/2""##,
            ),
            (
                r##"Exception.format_exit({:badarg, [:not_entry]})"##,
                r##""{:badarg, [:not_entry]}""##,
            ),
        ],
    );
}

/// `inspect/2` options `base:`, `printable_limit:`, `structs:` and
/// `binaries:`.
#[test]
fn inspect_options() {
    check(
        "inspect_options",
        &[
            (r##"inspect("ok", base: :hex)"##, r##""<<0x6F, 0x6B>>""##),
            (
                r##"inspect(["ab", 10], base: :octal)"##,
                r##""[<<0o141, 0o142>>, 0o12]""##,
            ),
            (
                r##"inspect("héllo", binaries: :as_binaries)"##,
                r##""<<104, 195, 169, 108, 108, 111>>""##,
            ),
            ("inspect(255, base: :hex)", r##""0xFF""##),
            (
                "inspect([10, -255, 7], base: :binary)",
                r##""[0b1010, -0b11111111, 0b111]""##,
            ),
            ("inspect({8, 9}, base: :octal)", r##""{0o10, 0o11}""##),
            (
                r##"inspect(String.duplicate("a", 30), printable_limit: 10)"##,
                r##""\"aaaaaaaaaa\" <> ...""##,
            ),
            (
                "inspect('abcdefgh', printable_limit: 3)",
                r##""'abc' ++ ...""##,
            ),
            (
                "inspect(1..2, structs: false)",
                r##""%{__struct__: Range, first: 1, last: 2, step: 1}""##,
            ),
            (
                r##"inspect("abcdef", printable_limit: 3)"##,
                r##""\"abc\" <> ...""##,
            ),
            ("inspect(255, base: :hex)", r##""0xFF""##),
            (
                "inspect(%{r: 1..3}, structs: false)",
                r##""%{r: %{__struct__: Range, first: 1, last: 3, step: 1}}""##,
            ),
            (
                "inspect(12345678901234567890, base: :hex)",
                r##""0xAB54A98CEB1F0AD2""##,
            ),
            (
                r##"inspect(["abc", "defg"], printable_limit: 2, label: "x")"##,
                r##""[\"ab\" <> ..., \"de\" <> ...]""##,
            ),
        ],
    );
}

/// `Base`: hexadecimal and base 64 encodings, padding and case options.
#[test]
fn base_encodings() {
    check(
        "base_encodings",
        &[
            (
                r##"Base.encode64("hello world")"##,
                r##""aGVsbG8gd29ybGQ=""##,
            ),
            (r##"Base.encode64("")"##, r##""""##),
            (r##"Base.encode64("a")"##, r##""YQ==""##),
            (r##"Base.encode64("ab")"##, r##""YWI=""##),
            (r##"Base.encode64("ab", padding: false)"##, r##""YWI""##),
            (r##"Base.decode64!("aGVsbG8=")"##, r##""hello""##),
            (r##"Base.decode64("aGVsbG8")"##, ":error"),
            (
                r##"Base.decode64("aGVsbG8", padding: false)"##,
                r##"{:ok, "hello"}"##,
            ),
            (r##"Base.decode64("a$==")"##, ":error"),
            (r##"Base.encode16("abc")"##, r##""616263""##),
            (
                "Base.encode16(:erlang.list_to_binary([255, 1]))",
                r##""FF01""##,
            ),
            (r##"Base.encode16("abc", case: :lower)"##, r##""616263""##),
            (r##"Base.decode16("616263")"##, r##"{:ok, "abc"}"##),
            (r##"Base.decode16("FF01")"##, "{:ok, <<255, 1>>}"),
            (r##"Base.decode16("ff01")"##, ":error"),
            (
                r##"Base.decode16("ff01", case: :mixed)"##,
                "{:ok, <<255, 1>>}",
            ),
            (r##"Base.url_encode64("??>>")"##, r##""Pz8-Pg==""##),
            (r##"Base.url_decode64("Pz8-Pg==")"##, r##"{:ok, "??>>"}"##),
            (
                r##"Base.encode64(String.duplicate("xyz", 20))"##,
                r##""eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6eHl6""##,
            ),
            (
                r##"Base.decode64!("a$==")"##,
                r##"** (ArgumentError) non-alphabet character found: "$" (byte 36)"##,
            ),
        ],
    );
}

/// `:erlang.phash2/1,2`: OTP's portable hash, value for value, over every
/// kind of term a program hashes.
#[test]
fn phash2_values() {
    check(
        "phash2_values",
        &[
            (":erlang.phash2(0)", "88723725"),
            (":erlang.phash2(1)", "2614250"),
            (":erlang.phash2(-1)", "44071773"),
            (":erlang.phash2(42)", "30328728"),
            (":erlang.phash2(255)", "44734653"),
            (":erlang.phash2(256)", "37021655"),
            (":erlang.phash2(1000)", "65787489"),
            (":erlang.phash2(-1000)", "121372174"),
            (":erlang.phash2(134217727)", "112602999"),
            (":erlang.phash2(134217728)", "12354923"),
            (":erlang.phash2(-134217729)", "76739502"),
            (":erlang.phash2(4294967296)", "95057355"),
            (":erlang.phash2(1152921504606846976)", "31803508"),
            (
                ":erlang.phash2(123456789012345678901234567890)",
                "132143600",
            ),
            (
                ":erlang.phash2(-123456789012345678901234567890)",
                "33199935",
            ),
            (":erlang.phash2(:a)", "97"),
            (":erlang.phash2(:ok)", "1883"),
            (":erlang.phash2(:hello_world)", "84192276"),
            (r##":erlang.phash2(:"Elixir.Foo")"##, "117567583"),
            (r##":erlang.phash2(:"héllo")"##, "7799599"),
            (":erlang.phash2([])", "113427502"),
            (":erlang.phash2([1, 2, 3])", "25788620"),
            (":erlang.phash2('hello')", "81920127"),
            (":erlang.phash2('hello world!!')", "54003261"),
            (":erlang.phash2([1000, 1])", "103367123"),
            (":erlang.phash2([:a | :b])", "74710280"),
            (":erlang.phash2([[]])", "96416884"),
            (":erlang.phash2({})", "87486268"),
            (":erlang.phash2({1})", "110528523"),
            (":erlang.phash2({1, 2})", "91564110"),
            (r##":erlang.phash2({:a, "b", [3]})"##, "79652870"),
            (r##":erlang.phash2("")"##, "13708901"),
            (r##":erlang.phash2("a")"##, "112802447"),
            (r##":erlang.phash2("hello")"##, "47480723"),
            (r##":erlang.phash2("hello world")"##, "33550279"),
            (r##":erlang.phash2("exactly12byt")"##, "119264439"),
            (
                r##":erlang.phash2("0123456789abcdefghijklmnopq")"##,
                "56867650",
            ),
            (
                ":erlang.phash2(:erlang.list_to_binary([0, 255]))",
                "44769159",
            ),
            (":erlang.phash2(1.0)", "77147068"),
            (":erlang.phash2(-1.5)", "13753666"),
            (":erlang.phash2(0.0)", "20875736"),
            (":erlang.phash2(3.14159)", "4008880"),
            (":erlang.phash2(%{})", "39679005"),
            (":erlang.phash2(%{a: 1})", "59617982"),
            (":erlang.phash2(%{a: 1, b: [2]})", "103078375"),
            (r##":erlang.phash2(%{"k" => {1, 2}})"##, "69224053"),
            (r##":erlang.phash2({"user", 42})"##, "127534141"),
            (r##":erlang.phash2(["a", "b"])"##, "3094894"),
            (r##":erlang.phash2([1, "two", :three, 4.0])"##, "1412111"),
            (":erlang.phash2(0, 7)", "1"),
            (":erlang.phash2(1, 7)", "6"),
            (":erlang.phash2(-1, 7)", "5"),
            (":erlang.phash2(42, 7)", "1"),
            (":erlang.phash2(255, 7)", "3"),
            (":erlang.phash2(256, 7)", "0"),
            (":erlang.phash2(1000, 7)", "1"),
            (":erlang.phash2(-1000, 7)", "4"),
            (":erlang.phash2(134217727, 7)", "1"),
            (":erlang.phash2(134217728, 7)", "5"),
            (
                ":erlang.phash2(:a, 0)",
                r##"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: out of range"##,
            ),
        ],
    );
}

/// `Path`: joining, splitting and the parts of Unix paths.
#[test]
fn path_functions() {
    check(
        "path_functions",
        &[
            (r##"Path.join(["a", "b", "c.txt"])"##, r##""a/b/c.txt""##),
            (r##"Path.join("a", "b")"##, r##""a/b""##),
            (r##"Path.join("a/", "/b")"##, r##""a/b""##),
            (r##"Path.join(["/", "usr", "bin"])"##, r##""/usr/bin""##),
            (r##"Path.join(["a"])"##, r##""a""##),
            (
                r##"Path.basename("/usr/local/bin/elixir.exs")"##,
                r##""elixir.exs""##,
            ),
            (
                r##"Path.basename("/usr/local/bin/elixir.exs", ".exs")"##,
                r##""elixir""##,
            ),
            (r##"Path.basename("foo/")"##, r##""foo""##),
            (r##"Path.dirname("/usr/local/bin")"##, r##""/usr/local""##),
            (r##"Path.dirname("file.txt")"##, r##"".""##),
            (r##"Path.dirname("/file.txt")"##, r##""/""##),
            (r##"Path.extname("foo.tar.gz")"##, r##"".gz""##),
            (r##"Path.extname("foo")"##, r##""""##),
            (r##"Path.extname(".bashrc")"##, r##""""##),
            (r##"Path.rootname("foo.tar.gz")"##, r##""foo.tar""##),
            (r##"Path.rootname("/a/b.txt", ".txt")"##, r##""/a/b""##),
            (
                r##"Path.split("/usr/local/bin")"##,
                r##"["/", "usr", "local", "bin"]"##,
            ),
            (r##"Path.split("a/b/c")"##, r##"["a", "b", "c"]"##),
            (r##"Path.split("")"##, "[]"),
            (r##"Path.type("/a")"##, ":absolute"),
            (r##"Path.type("a/b")"##, ":relative"),
            (
                r##"Path.join("a", "b") |> Path.split()"##,
                r##"["a", "b"]"##,
            ),
            (r##"Path.join("", "b")"##, r##""b""##),
            (r##"Path.join("a", "")"##, r##""a""##),
            (r##"Path.basename("")"##, r##""""##),
            (r##"Path.dirname("a/b/")"##, r##""a/b""##),
            (r##"Path.dirname("/")"##, r##""/""##),
            (r##"Path.extname("a/b.c/d")"##, r##""""##),
            (r##"Path.split("/")"##, r##"["/"]"##),
            (r##"Path.rootname("a.b/c")"##, r##""a.b/c""##),
            (
                r##"Path.join(:a, "b")"##,
                "** (FunctionClauseError) no function clause matching in IO.chardata_to_string/1",
            ),
        ],
    );
}
/// Fixes from the fourth round of differential testing: deeply nested
/// terms, signed zeros in literals, list-to-string errors, Access on
/// structs, maps naming no struct, anonymous function clauses and `++`
/// patterns.
#[test]
fn nesting_zeros_access_and_list_patterns() {
    check(
        "nesting_zeros_access_and_list_patterns",
        &[
            (
                r##"(fn -> _ = Enum.reduce(1..200_000, [], fn _, acc -> [acc, "x"] end); :ok end).()"##,
                r##":ok"##,
            ),
            (
                r##"IO.iodata_length(Enum.reduce(1..200_000, [], fn _, acc -> [acc, "x"] end))"##,
                r##"200000"##,
            ),
            (
                r##"IO.iodata_to_binary(Enum.reduce(1..5, [], fn i, acc -> [acc, ?a + i] end))"##,
                r##""bcdef""##,
            ),
            (
                r##"elem(Enum.reduce(1..200_000, :leaf, fn _, acc -> {:node, acc} end), 0)"##,
                r##":node"##,
            ),
            (
                r##"(fn x, y -> {x + y, y + x, x * -1, y * -1} end).(-0.0, 0.0)"##,
                r##"{0.0, 0.0, 0.0, -0.0}"##,
            ),
            (
                r##"{-0.0, 0.0, [-0.0], {0.0}}"##,
                r##"{-0.0, 0.0, [-0.0], {0.0}}"##,
            ),
            (
                r##"List.to_string([:a])"##,
                r##"** (ArgumentError) cannot convert the given list to a string.

To be converted to a string, a list must either be empty or only
contain the following elements:

  * strings
  * integers representing Unicode code points
  * a list containing one of these three elements

Please check the given list or call inspect/1 to get the list representation, got:

[:a]"##,
            ),
            (
                r##"to_string([1, :b])"##,
                r##"** (ArgumentError) cannot convert the given list to a string.

To be converted to a string, a list must either be empty or only
contain the following elements:

  * strings
  * integers representing Unicode code points
  * a list containing one of these three elements

Please check the given list or call inspect/1 to get the list representation, got:

[1, :b]"##,
            ),
            (
                r##"IO.iodata_to_binary([:d])"##,
                r##"** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an iodata term"##,
            ),
            (
                r##"(%{__struct__: Range, first: 1, last: 2, step: 1})[:first]"##,
                r##"** (UndefinedFunctionError) function Range.fetch/2 is undefined (Range does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)"##,
            ),
            (
                r##"%{__struct__: NoSuchStruct, a: 1}"##,
                r##"%{__struct__: NoSuchStruct, a: 1}"##,
            ),
            (
                r##"(fn -> fn :a -> 1 end end).().(:b)"##,
                r##"** (FunctionClauseError) no function clause matching in anonymous fn/1 in :elixir_compiler_0.__FILE__/1"##,
            ),
            (
                r##"(fn :a -> 1 end).(:b)"##,
                r##"** (FunctionClauseError) no function clause matching in anonymous fn/1 in :elixir_compiler_0.__FILE__/1"##,
            ),
            (r##"([1, 2] ++ rest = [1, 2, 3]; rest)"##, r##"[3]"##),
            (r##"('ab' ++ r = 'abc'; r)"##, r##"'c'"##),
            (r##"(fn [0] ++ t -> t end).([0, 9])"##, r##"'\t'"##),
        ],
    );
}

/// The Bitwise operators (`&&&`, `|||`, `<<<`, `>>>`), operator atoms,
/// `not:` as a keyword key, and the order of a list inserted into an ETS
/// bag.
#[test]
fn bitwise_operators_and_operator_atoms() {
    check(
        "bitwise_operators_and_operator_atoms",
        &[
            (
                r##"(b = :ets.new(:b, [:bag]); :ets.insert(b, [{:k, 1}, {:k, 2}]); :ets.insert(b, {:k, 3}); :ets.insert(b, [{:k, 4}, {:j, 1}, {:k, 5}]); :ets.lookup(b, :k))"##,
                r##"[k: 2, k: 1, k: 3, k: 5, k: 4]"##,
            ),
            (
                r##"(d = :ets.new(:d, [:duplicate_bag]); :ets.insert(d, [{:k, 1}, {:k, 2}, {:k, 1}]); :ets.lookup(d, :k))"##,
                r##"[k: 1, k: 2, k: 1]"##,
            ),
            (r##"(import Bitwise; 1 <<< 4)"##, r##"16"##),
            (
                r##"(import Bitwise; {256 >>> 2, -16 >>> 2})"##,
                r##"{64, -4}"##,
            ),
            (
                r##"(import Bitwise; {12 &&& 10, 12 ||| 3})"##,
                r##"{8, 15}"##,
            ),
            (r##"(import Bitwise; 0xFF &&& 0x0F ||| 0x100)"##, r##"271"##),
            (
                r##"(import Bitwise; Enum.map(0..4, &(1 <<< &1)))"##,
                r##"[1, 2, 4, 8, 16]"##,
            ),
            (
                r##"[not: 1, and: 2, or: 3]"##,
                r##"[not: 1, and: 2, or: 3]"##,
            ),
            (
                r##"[:..., :<<<, :>>>, :~>, :<~, :&&&, :|||, :..//, :<<>>, :~~~, :^^^]"##,
                r##"[:..., :<<<, :>>>, :~>, :<~, :&&&, :|||, :..//, :<<>>, :"~~~", :"^^^"]"##,
            ),
        ],
    );
}

/// `Stream.chunk_while/4`, `interval/1` and `timer/1`, `:binary`'s byte
/// functions, the Erlang process dictionary's `:undefined`, and
/// `:ordsets`.
#[test]
fn streams_binary_and_erlang_dictionary() {
    check(
        "streams_binary_and_erlang_dictionary",
        &[
            (
                r##"(s = :ordsets.from_list([3, 1, 2, 3, 1.0]); {s, :ordsets.add_element(0, s), :ordsets.del_element(2, s)})"##,
                r##"{[1, 2, 3], [0, 1, 2, 3], [1, 3]}"##,
            ),
            (
                r##"{:ordsets.union([1, 2], [2, 5]), :ordsets.intersection([1, 2, 3], [2, 3, 4]), :ordsets.subtract([1, 2, 3], [2]), :ordsets.union([[1], [3, 4], [2]])}"##,
                r##"{[1, 2, 5], [2, 3], [1, 3], [1, 2, 3, 4]}"##,
            ),
            (
                r##"{:ordsets.is_element(2, [1, 2]), :ordsets.is_subset([1], [1, 2]), :ordsets.is_disjoint([1], [2]), :ordsets.fold(&+/2, 0, [1, 2, 3])}"##,
                r##"{true, true, true, 6}"##,
            ),
            (
                r##"Stream.chunk_while(1..10, [], fn x, acc -> if rem(x, 2) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end) |> Enum.to_list()"##,
                r##"[[1, 2], [3, 4], [5, 6], '\a\b', '\t\n']"##,
            ),
            (
                r##"Stream.chunk_while([1, 2, 3, 4, 5], [], fn x, acc -> if x > 3, do: {:halt, [x | acc]}, else: {:cont, [x | acc]} end, fn acc -> {:cont, Enum.reverse(acc), []} end) |> Enum.to_list()"##,
                r##"[[1, 2, 3, 4]]"##,
            ),
            (r##"Stream.interval(1) |> Enum.take(3)"##, r##"[0, 1, 2]"##),
            (r##"Stream.timer(1) |> Enum.to_list()"##, r##"[0]"##),
            (
                r##"{:binary.first("abc"), :binary.last("abc"), :binary.at("abc", 1), :binary.part("hello", 1, 3), :binary.part("hello", {0, 2}), :binary.bin_to_list("ab"), :binary.list_to_bin([104, "i"])}"##,
                r##"{97, 99, 98, "ell", "he", 'ab', "hi"}"##,
            ),
            (
                r##"{:erlang.get(:missing), :erlang.put(:k, 1), :erlang.put(:k, 2), :erlang.erase(:k), :erlang.erase(:k), Process.get(:k)}"##,
                r##"{:undefined, :undefined, 1, 2, :undefined, nil}"##,
            ),
        ],
    );
}

/// Maps of more than 32 keys are hash tries on the BEAM: `Map.to_list/1`
/// and the functions that may stop early walk them in hash order, and
/// `Enum.reduce/3` and what is built on it (`map`, `for`, `sort_by`, ...)
/// in the reverse order. Vial reproduces both for keys without atoms.
#[test]
fn maps_of_more_than_32_keys_in_hash_trie_order() {
    check(
        "maps_of_more_than_32_keys_in_hash_trie_order",
        &[
            (
                r##"Map.keys(Map.new(1..40, &{&1, &1}))"##,
                r##"[33, 12, 23, 29, 30, 39, 26, 31, 11, 37, 9, 32, 34, 25, 28, 6, 38, 13, 40, 20,
 15, 14, 2, 7, 1, 8, 3, 17, 22, 21, 4, 36, 24, 10, 35, 27, 19, 5, 18, 16]"##,
            ),
            (
                r##"Map.keys(Map.new(-20..20, &{&1, 1}))"##,
                r##"[12, -10, -13, -15, -2, 11, 9, -5, -18, -20, 6, -14, 0, 13, -6, -12, 20, -17,
 15, 14, 2, 7, -3, 1, 8, 3, 17, 4, -1, -16, 10, -7, -9, -8, 19, 5, -11, 18, -19,
 -4, 16]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{&1 * 1_000_000_000_000_000_000, 1}))"##,
                r##"[29000000000000000000, 27000000000000000000, 11000000000000000000,
 16000000000000000000, 7000000000000000000, 12000000000000000000,
 19000000000000000000, 24000000000000000000, 10000000000000000000,
 31000000000000000000, 4000000000000000000, 22000000000000000000,
 8000000000000000000, 17000000000000000000, 20000000000000000000,
 32000000000000000000, 21000000000000000000, 15000000000000000000,
 18000000000000000000, 2000000000000000000, 28000000000000000000,
 9000000000000000000, 33000000000000000000, 26000000000000000000,
 6000000000000000000, 13000000000000000000, 23000000000000000000,
 25000000000000000000, 30000000000000000000, 5000000000000000000,
 14000000000000000000, 1000000000000000000, 3000000000000000000]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{&1 / 4, 1}))"##,
                r##"[1.25, 7.75, 5.0, 7.25, 6.5, 8.25, 3.75, 7.5, 2.25, 4.75, 0.75, 7.0, 5.25, 5.5,
 4.0, 1.5, 0.25, 1.75, 6.0, 5.75, 1.0, 2.5, 4.25, 3.0, 6.25, 0.5, 3.25, 4.5,
 6.75, 3.5, 2.75, 8.0, 2.0]"##,
            ),
            (
                r##"Map.keys(Map.new(~w(alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega one two three four five six seven eight nine ten), &{&1, 1}))"##,
                r##"["theta", "eta", "sigma", "pi", "four", "psi", "lambda", "five", "beta",
 "three", "epsilon", "nine", "iota", "chi", "delta", "rho", "two", "seven",
 "phi", "kappa", "one", "xi", "upsilon", "omega", "tau", "ten", "nu", "mu",
 "alpha", "eight", "six", "zeta", "gamma", "omicron"]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{String.duplicate("k", &1), 1}))"##,
                r##"["kkkkkk", "k", "kkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkk", "kkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkk", "kkkkkkkkk", "kkkkkkkkkkk", "kk",
 "kkkkkkkkkkkkkkkkkkkkkkkkkkk", "kkkk", "kkkkk", "kkk",
 "kkkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkkkkkkk",
 "kkkkkkkkkkkk", "kkkkkkkkkkkkkk", "kkkkkkkkkkkkkkkkkkkkkkk"]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{{&1, "x#{&1}"}, 1}))"##,
                r##"[
  {18, "x18"},
  {26, "x26"},
  {2, "x2"},
  {16, "x16"},
  {10, "x10"},
  {29, "x29"},
  {3, "x3"},
  {25, "x25"},
  {9, "x9"},
  {15, "x15"},
  {11, "x11"},
  {6, "x6"},
  {24, "x24"},
  {28, "x28"},
  {21, "x21"},
  {33, "x33"},
  {7, "x7"},
  {19, "x19"},
  {13, "x13"},
  {22, "x22"},
  {20, "x20"},
  {1, "x1"},
  {32, "x32"},
  {30, "x30"},
  {12, "x12"},
  {27, "x27"},
  {31, "x31"},
  {23, "x23"},
  {4, "x4"},
  {5, "x5"},
  {8, "x8"},
  {14, "x14"},
  {17, "x17"}
]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{'ab#{&1}c', 1}))"##,
                r##"['ab6c', 'ab10c', 'ab16c', 'ab21c', 'ab18c', 'ab7c', 'ab32c', 'ab30c', 'ab26c',
 'ab12c', 'ab22c', 'ab23c', 'ab2c', 'ab4c', 'ab13c', 'ab24c', 'ab3c', 'ab14c',
 'ab11c', 'ab25c', 'ab31c', 'ab19c', 'ab20c', 'ab27c', 'ab9c', 'ab8c', 'ab15c',
 'ab5c', 'ab29c', 'ab1c', 'ab17c', 'ab28c', 'ab33c']"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{[&1, 300 | &1], 1}))"##,
                r##"[
  [12, 300 | 12],
  [6, 300 | 6],
  [27, 300 | 27],
  [7, 300 | 7],
  [18, 300 | 18],
  [1, 300 | 1],
  [13, 300 | 13],
  [31, 300 | 31],
  [2, 300 | 2],
  [21, 300 | 21],
  [33, 300 | 33],
  [16, 300 | 16],
  [32, 300 | 32],
  [24, 300 | 24],
  [3, 300 | 3],
  [14, 300 | 14],
  [19, 300 | 19],
  [28, 300 | 28],
  [26, 300 | 26],
  [9, 300 | 9],
  [15, 300 | 15],
  [22, 300 | 22],
  [25, 300 | 25],
  [5, 300 | 5],
  [20, 300 | 20],
  [10, 300 | 10],
  [8, 300 | 8],
  [29, 300 | 29],
  [11, 300 | 11],
  [23, 300 | 23],
  [4, 300 | 4],
  [17, 300 | 17],
  [30, 300 | 30]
]"##,
            ),
            (
                r##"Map.values(Map.new(1..34, &{&1, -&1}))"##,
                r##"[-33, -12, -23, -29, -30, -26, -31, -11, -9, -32, -34, -25, -28, -6, -13, -20,
 -15, -14, -2, -7, -1, -8, -3, -17, -22, -21, -4, -24, -10, -27, -19, -5, -18,
 -16]"##,
            ),
            (
                r##"Map.to_list(Map.new(0..33, &{if(rem(&1, 2) == 0, do: &1, else: "s#{&1}"), &1}))"##,
                r##"[
  {12, 12},
  {"s11", 11},
  {"s25", 25},
  {30, 30},
  {26, 26},
  {"s31", 31},
  {"s33", 33},
  {"s3", 3},
  {32, 32},
  {"s19", 19},
  {28, 28},
  {6, 6},
  {"s29", 29},
  {"s9", 9},
  {0, 0},
  {20, 20},
  {"s27", 27},
  {"s1", 1},
  {14, 14},
  {2, 2},
  {"s15", 15},
  {8, 8},
  {"s13", 13},
  {"s17", 17},
  {22, 22},
  {"s5", 5},
  {"s7", 7},
  {4, 4},
  {"s23", 23},
  {24, 24},
  {10, 10},
  {"s21", 21},
  {18, 18},
  {16, 16}
]"##,
            ),
            (
                r##"Map.new(1..33, &{&1, &1 * &1})"##,
                r##"%{
  33 => 1089,
  12 => 144,
  23 => 529,
  29 => 841,
  30 => 900,
  26 => 676,
  31 => 961,
  11 => 121,
  9 => 81,
  32 => 1024,
  25 => 625,
  28 => 784,
  6 => 36,
  13 => 169,
  20 => 400,
  15 => 225,
  14 => 196,
  2 => 4,
  7 => 49,
  1 => 1,
  8 => 64,
  3 => 9,
  17 => 289,
  22 => 484,
  21 => 441,
  4 => 16,
  24 => 576,
  10 => 100,
  27 => 729,
  19 => 361,
  5 => 25,
  18 => 324,
  16 => 256
}"##,
            ),
            (
                r##"MapSet.new(1..33, &"item#{&1}")"##,
                r##"MapSet.new(["item9", "item19", "item30", "item7", "item27", "item29", "item3",
 "item12", "item25", "item14", "item16", "item23", "item20", "item4", "item5",
 "item1", "item2", "item26", "item17", "item6", "item32", "item22", "item13",
 "item10", "item21", "item24", "item18", "item15", "item11", "item33", "item8",
 "item28", "item31"])"##,
            ),
            (
                r##"Enum.map(Map.new(1..34, &{&1, &1}), fn {k, _} -> k end)"##,
                r##"[16, 18, 5, 19, 27, 10, 24, 4, 21, 22, 17, 3, 8, 1, 7, 2, 14, 15, 20, 13, 6, 28,
 25, 34, 32, 9, 11, 31, 26, 30, 29, 23, 12, 33]"##,
            ),
            (
                r##"for {k, _} <- Map.new(1..34, &{&1, &1}), do: k"##,
                r##"[16, 18, 5, 19, 27, 10, 24, 4, 21, 22, 17, 3, 8, 1, 7, 2, 14, 15, 20, 13, 6, 28,
 25, 34, 32, 9, 11, 31, 26, 30, 29, 23, 12, 33]"##,
            ),
            (
                r##"Enum.take(Map.new(1..34, &{&1, &1}), 3)"##,
                r##"[{33, 33}, {12, 12}, {23, 23}]"##,
            ),
            (
                r##"Enum.find(Map.new(1..34, &{&1, &1}), fn {k, _} -> k > 30 end)"##,
                r##"{33, 33}"##,
            ),
            (
                r##"Enum.with_index(Map.new(1..33, &{&1, &1})) |> Enum.take(3)"##,
                r##"[{{16, 16}, 0}, {{18, 18}, 1}, {{5, 5}, 2}]"##,
            ),
            (
                r##"Enum.reduce(Map.new(1..33, &{&1, &1}), [], fn {k, _}, acc -> [k | acc] end)"##,
                r##"[33, 12, 23, 29, 30, 26, 31, 11, 9, 32, 25, 28, 6, 13, 20, 15, 14, 2, 7, 1, 8,
 3, 17, 22, 21, 4, 24, 10, 27, 19, 5, 18, 16]"##,
            ),
            (
                r##":maps.fold(fn k, _, acc -> [k | acc] end, [], Map.new(1..33, &{&1, &1}))"##,
                r##"[33, 12, 23, 29, 30, 26, 31, 11, 9, 32, 25, 28, 6, 13, 20, 15, 14, 2, 7, 1, 8,
 3, 17, 22, 21, 4, 24, 10, 27, 19, 5, 18, 16]"##,
            ),
            (
                r##"Enum.sort_by(Map.new(1..34, &{&1, rem(&1, 2)}), fn {_, v} -> v end) |> Enum.take(4)"##,
                r##"[{16, 0}, {18, 0}, {10, 0}, {24, 0}]"##,
            ),
            (
                r##"Enum.group_by(Map.new(1..34, &{&1, rem(&1, 3)}), fn {_, v} -> v end, fn {k, _} -> k end)"##,
                r##"%{
  0 => [18, 27, 24, 21, 3, 15, 6, 9, 30, 12, 33],
  1 => [16, 19, 10, 4, 22, 1, 7, 13, 28, 25, 34, 31],
  2 => [5, 17, 8, 2, 14, 20, 32, 11, 26, 29, 23]
}"##,
            ),
            (
                r##"Enum.zip(Map.new(1..33, &{&1, &1}), [:a, :b])"##,
                r##"[{{33, 33}, :a}, {{12, 12}, :b}]"##,
            ),
            (
                r##"Enum.reverse(Map.new(1..33, &{&1, &1})) |> Enum.take(3)"##,
                r##"[{33, 33}, {12, 12}, {23, 23}]"##,
            ),
            (
                r##"Enum.into(Map.new(1..33, &{&1, &1}), []) |> Enum.take(3)"##,
                r##"[{33, 33}, {12, 12}, {23, 23}]"##,
            ),
            (
                r##"Map.keys(Map.new(1..33, &{-&1 * 576460752303423000, 1}))"##,
                r##"[-14987979559888998000, -7493989779944499000, -5188146770730807000,
 -1729382256910269000, -12105675798371883000, -14411518807585575000,
 -17293822569102690000, -15564440312192421000, -8070450532247922000,
 -4611686018427384000, -6341068275337653000, -2882303761517115000,
 -9223372036854768000, -5764607523034230000, -1152921504606846000,
 -2305843009213692000, -576460752303423000, -13835058055282152000,
 -6917529027641076000, -8646911284551345000, -19023204826012959000,
 -3458764513820538000, -4035225266123961000, -9799832789158191000,
 -11529215046068460000, -12682136550675306000, -17870283321406113000,
 -10376293541461614000, -16140901064495844000, -18446744073709536000,
 -13258597302978729000, -16717361816799267000, -10952754293765037000]"##,
            ),
            (
                r##"Map.keys(%{1.0 => :a, 2 => :b, 0.5 => :c, -1 => :d})"##,
                r##"[-1, 2, 0.5, 1.0]"##,
            ),
        ],
    );
}

/// Atoms, variables and keyword keys may hold Unicode letters (aliases may
/// not).
#[test]
fn unicode_identifiers() {
    check(
        "unicode_identifiers",
        &[
            (r#":é"#, r#":é"#),
            (r#"(fn -> café = 1; café + 1 end).()"#, r#"2"#),
            (r#"[naïve: 1, ключ: 2]"#, r#"[naïve: 1, ключ: 2]"#),
            (r#"Keyword.get([größe: 3], :größe)"#, r#"3"#),
            (r#":éa?"#, r#":éa?"#),
        ],
    );
}

/// Edit scripts: `List.myers_difference/2` and its String counterpart,
/// and `String.splitter/3`.
#[test]
fn myers_difference_and_splitter() {
    check(
        "myers_difference_and_splitter",
        &[
            (
                r#"List.myers_difference([1, 2, 3, 4], [1, 3, 4, 5])"#,
                r#"[eq: [1], del: [2], eq: [3, 4], ins: [5]]"#,
            ),
            (r#"List.myers_difference([], [])"#, r#"[]"#),
            (
                r#"List.myers_difference([1, 2, 1, 3], [2, 1, 1, 3, 2])"#,
                r#"[del: [1], eq: [2, 1], ins: [1], eq: [3], ins: [2]]"#,
            ),
            (
                r#"String.myers_difference("kitten", "sitting")"#,
                r#"[del: "k", ins: "s", eq: "itt", del: "e", ins: "i", eq: "n", ins: "g"]"#,
            ),
            (
                r#"String.myers_difference("héllo", "hello!")"#,
                r#"[eq: "h", del: "é", ins: "e", eq: "llo", ins: "!"]"#,
            ),
            (
                r#"String.splitter("a,b,,c", ",", trim: true) |> Enum.take(2)"#,
                r#"["a", "b"]"#,
            ),
        ],
    );
}

/// Captures of the Kernel functions Elixir inlines into `:erlang` ones are
/// those functions.
#[test]
fn kernel_captures_of_erlang_functions() {
    check(
        "kernel_captures_of_erlang_functions",
        &[
            (r#"&Kernel.+/2"#, r#"&:erlang.+/2"#),
            (r#"&abs/1"#, r#"&:erlang.abs/1"#),
            (r#"&Kernel.!==/2"#, r#"&:erlang."=/="/2"#),
            (r#"&Kernel.<=/2"#, r#"&:erlang."=<"/2"#),
            (
                r#"&Kernel.function_exported?/3"#,
                r#"&:erlang.function_exported/3"#,
            ),
            (r#"&Kernel.elem/2"#, r#"&Kernel.elem/2"#),
            (r#"&Kernel.inspect/1"#, r#"&Kernel.inspect/1"#),
            (r#"Enum.reduce([1, 2, 3], &+/2)"#, r#"6"#),
            (r#"Enum.sort([3, 1, 2], &>=/2)"#, r#"[3, 2, 1]"#),
        ],
    );
}

/// The Erlang error term `catch :error` sees for a missing key: the BIF's
/// `{:badkey, key}`, or `{:badkey, key, map}` from `map.key`.
#[test]
fn missing_key_error_terms() {
    check(
        "missing_key_error_terms",
        &[
            (
                r#"try do Map.fetch!(%{a: 1}, :k) catch :error, e -> e end"#,
                r#"{:badkey, :k}"#,
            ),
            (
                r#"try do :maps.get(:k, %{a: 1}) catch :error, e -> e end"#,
                r#"{:badkey, :k}"#,
            ),
            (
                r#"try do %{a: 1}.k catch :error, e -> e end"#,
                r#"{:badkey, :k, %{a: 1}}"#,
            ),
            (
                r#"try do Map.fetch!(%{a: 1}, :k) rescue e -> e end"#,
                r#"%KeyError{key: :k, term: %{a: 1}, message: nil}"#,
            ),
        ],
    );
}

/// OTP library functions of `:lists`, `:erlang`, `:maps` and `:string`
/// beyond the common ones (outputs from Elixir 1.14 / OTP 25).
#[test]
fn erlang_library_functions() {
    check(
        "erlang_library_functions",
        &[
            (
                r##":lists.zipwith(fn a, b -> a + b end, [1, 2], [3, 4])"##,
                r##"[4, 6]"##,
            ),
            (
                r##":lists.zipwith(fn a, b -> {a, b} end, [1, 2], [3])"##,
                r##"** (FunctionClauseError) no function clause matching in :lists.zipwith/3"##,
            ),
            (
                r##":lists.zipwith3(fn a, b, c -> a + b + c end, [1, 2], [3, 4], [5, 6])"##,
                r##"'\t\f'"##,
            ),
            (r##":lists.join(:x, [1, 2, 3])"##, r##"[1, :x, 2, :x, 3]"##),
            (r##":lists.join(:x, [])"##, r##"[]"##),
            (
                r##":lists.usort(fn a, b -> a >= b end, [3, 1, 3, 2, 1])"##,
                r##"[3, 2, 1]"##,
            ),
            (
                r##":lists.usort(fn {a, _}, {b, _} -> a <= b end, [{2, :a}, {1, :b}, {2, :c}])"##,
                r##"[{1, :b}, {2, :a}]"##,
            ),
            (
                r##":lists.splitwith(fn x -> x < 3 end, [1, 2, 3, 1])"##,
                r##"{[1, 2], [3, 1]}"##,
            ),
            (
                r##":lists.unzip3([{1, :a, "x"}, {2, :b, "y"}])"##,
                r##"{[1, 2], [:a, :b], ["x", "y"]}"##,
            ),
            (
                r##":lists.keysearch(2, 1, [{1, :a}, {2, :b}])"##,
                r##"{:value, {2, :b}}"##,
            ),
            (r##":lists.keysearch(3, 1, [{1, :a}])"##, r##"false"##),
            (
                r##":lists.mapfoldr(fn x, acc -> {x * 2, [x | acc]} end, [], [1, 2, 3])"##,
                r##"{[2, 4, 6], [1, 2, 3]}"##,
            ),
            (
                r##":lists.ukeysort(1, [{2, :a}, {1, :b}, {2, :c}, {1, :d}])"##,
                r##"[{1, :b}, {2, :a}]"##,
            ),
            (
                r##":lists.keymap(fn x -> x * 10 end, 2, [{:a, 1}, {:b, 2}])"##,
                r##"[a: 10, b: 20]"##,
            ),
            (r##":lists.flatlength([1, [2, [3, 4]], []])"##, r##"4"##),
            (r##":erlang.atom_to_binary(:hello, :utf8)"##, r##""hello""##),
            (
                r##":erlang.float_to_list(1.5)"##,
                r##"'1.50000000000000000000e+00'"##,
            ),
            (r##":erlang.list_to_float(~c"2.5")"##, r##"2.5"##),
            (r##":erlang.binary_part("hello", {1, 3})"##, r##""ell""##),
            (r##":erlang.size({1, 2, 3})"##, r##"3"##),
            (r##":erlang.size("abc")"##, r##"3"##),
            (r##":erlang.append([1], [2])"##, r##"[1, 2]"##),
            (r##":erlang.subtract([1, 2, 3, 2], [2])"##, r##"[1, 3, 2]"##),
            (r##":erlang.map_get(:a, %{a: 1})"##, r##"1"##),
            (
                r##":erlang.map_get(:b, %{a: 1})"##,
                r##"** (KeyError) key :b not found in: %{a: 1}"##,
            ),
            (
                r##":erlang.make_tuple(4, 0, [{1, :a}, {3, :c}])"##,
                r##"{:a, 0, :c, 0}"##,
            ),
            (r##":erlang.binary_to_list("hello", 2, 4)"##, r##"'ell'"##),
            (r##":maps.take(:a, %{a: 1, b: 2})"##, r##"{1, %{b: 2}}"##),
            (r##":maps.take(:z, %{a: 1})"##, r##":error"##),
            (
                r##":maps.merge_with(fn _k, a, b -> a + b end, %{a: 1, b: 2}, %{b: 3, c: 4})"##,
                r##"%{a: 1, b: 5, c: 4}"##,
            ),
            (r##":maps.from_keys([:a, :b], 0)"##, r##"%{a: 0, b: 0}"##),
            (
                r##":maps.filtermap(fn _k, v -> if v > 1, do: {true, v * 10}, else: v == 1 end, %{a: 1, b: 2, c: 0})"##,
                r##"%{a: 1, b: 20}"##,
            ),
            (
                r##":maps.intersect(%{a: 1, b: 2}, %{b: 3, c: 4})"##,
                r##"%{b: 3}"##,
            ),
            (r##":string.to_upper(~c"abc")"##, r##"'ABC'"##),
            (r##":string.to_upper(?a)"##, r##"65"##),
            (r##":string.to_lower(~c"ABC")"##, r##"'abc'"##),
            (r##":string.len(~c"héllo")"##, r##"5"##),
            (
                r##":string.titlecase("hello world")"##,
                r##""Hello world""##,
            ),
            (
                r##":string.titlecase(~c"élan")"##,
                r##"[201, 108, 97, 110]"##,
            ),
            (r##":string.find("hello world", "o")"##, r##""o world""##),
            (r##":string.find(~c"hello", "l", :trailing)"##, r##"'lo'"##),
            (r##":string.find("abc", "x")"##, r##":nomatch"##),
            (r##":string.find("a-b-c", "-", :trailing)"##, r##""-c""##),
            (
                r##":string.lexemes("a b  c,d", [?\s, ?,])"##,
                r##"["a", "b", "c", "d"]"##,
            ),
            (r##":string.lexemes(~c"a b", ~c" ")"##, r##"['a', 'b']"##),
            (r##":string.chomp("abc\n")"##, r##""abc""##),
            (r##":string.chomp(~c"abc\r\n")"##, r##"'abc'"##),
            (r##":string.chomp("abc")"##, r##""abc""##),
        ],
    );
}
