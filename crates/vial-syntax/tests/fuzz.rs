//! Robustness: `parse` and `is_incomplete` never panic and never overflow
//! the stack, whatever the input. Random byte strings, random token soups,
//! random token-level mutations of the corpus programs, and pathological
//! nesting. A simple xorshift generator keeps the runs reproducible.

use std::path::Path;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Iterations scale with `VIAL_FUZZ_SCALE` (default 1) for longer local runs.
fn rounds(base: usize) -> usize {
    let scale = std::env::var("VIAL_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(1);
    base * scale.max(1)
}

/// Extra seed from `VIAL_FUZZ_SEED` (default 0), to explore other inputs.
fn seed() -> u64 {
    std::env::var("VIAL_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(0)
}

/// Runs both entry points; a panic fails the test.
fn exercise(src: &str) {
    let _ = vial_syntax::parse(src);
    let _ = vial_syntax::is_incomplete(src);
}

fn corpus_sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("../../tests/conformance/core"),
        root.join("../../tests/conformance/otp"),
        root.join("../../../shared/conformance/core"),
        root.join("../../../shared/bench/programs"),
    ];
    dirs.retain(|d| d.is_dir());
    let mut sources = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|x| x == "exs") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    sources.push(text);
                }
            }
        }
    }
    sources
}

#[test]
fn random_bytes() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ seed());
    for _ in 0..rounds(3000) {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn random_token_soup() {
    const PIECES: &[&str] = &[
        "do",
        "end",
        "fn",
        "->",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "%{",
        "%",
        "\"",
        "\"\"\"\n",
        "'",
        "#{",
        "}",
        "#",
        "\n",
        ";",
        ",",
        ".",
        ".(",
        "|>",
        "|",
        "=",
        "==",
        "+",
        "-",
        "-1",
        "*",
        "/",
        "**",
        "<>",
        "++",
        "..",
        "//",
        "&",
        "&1",
        "@",
        "^",
        "!",
        "not",
        "in",
        "not in",
        "when",
        "and",
        "or",
        "<-",
        "\\\\",
        "::",
        "=>",
        "else",
        "after",
        "rescue",
        "catch",
        "x",
        "foo",
        "Foo",
        "Foo.Bar",
        ":ok",
        ":\"a\"",
        "a:",
        "\"k\":",
        "?a",
        "?",
        "1",
        "1.5",
        "0x",
        "true",
        "nil",
        "__MODULE__",
        "if",
        "case",
        "def",
        " ",
        "  ",
        "\t",
        "\\",
        "é",
        "\r\n",
    ];
    let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D ^ seed());
    for _ in 0..rounds(4000) {
        let n = rng.below(30);
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                src.push(' ');
            }
        }
        exercise(&src);
    }
}

#[test]
fn mutated_corpus() {
    let sources = corpus_sources();
    assert!(!sources.is_empty(), "no corpus found");
    let mut rng = XorShift(0x0123_4567_89AB_CDEF ^ seed());
    for round in 0..rounds(1500) {
        let src = &sources[round % sources.len()];
        let Ok(tokens) = vial_syntax::lexer::tokenize(src) else {
            continue;
        };
        if tokens.is_empty() {
            continue;
        }
        // (text before the token, token text) pairs, then the tail.
        let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(tokens.len());
        let mut pos = 0;
        for t in &tokens {
            pairs.push((&src[pos..t.start], &src[t.start..t.end]));
            pos = t.end;
        }
        let tail = &src[pos..];
        for _ in 0..=rng.below(3) {
            if pairs.is_empty() {
                break;
            }
            let i = rng.below(pairs.len());
            match rng.below(4) {
                0 => pairs[i].1 = "",
                1 => pairs.insert(i, pairs[i]),
                2 => {
                    let j = rng.below(pairs.len());
                    let (a, b) = (pairs[i].1, pairs[j].1);
                    pairs[i].1 = b;
                    pairs[j].1 = a;
                }
                _ => pairs.truncate(i),
            }
        }
        let mut mutated = String::with_capacity(src.len());
        for (gap, tok) in &pairs {
            mutated.push_str(gap);
            mutated.push_str(tok);
        }
        mutated.push_str(tail);
        exercise(&mutated);
    }
}

#[test]
fn truncated_corpus_prefixes() {
    let sources = corpus_sources();
    let mut rng = XorShift(42);
    for src in sources.iter().take(40) {
        for _ in 0..10 {
            let mut cut = rng.below(src.len() + 1);
            while !src.is_char_boundary(cut) {
                cut -= 1;
            }
            exercise(&src[..cut]);
        }
    }
}

#[test]
fn pathological_nesting_does_not_overflow() {
    let n = 50_000;
    let inputs = [
        "[".repeat(n),
        "(".repeat(n) + &")".repeat(n),
        "{".repeat(n) + &"}".repeat(n),
        "%{a: ".repeat(n / 5),
        "[".repeat(n) + &"]".repeat(n),
        "fn -> ".repeat(n / 6) + &" end".repeat(n / 6),
        "if x do ".repeat(n / 8) + &" end".repeat(n / 8),
        "- ".repeat(n),
        "not ".repeat(n / 4) + "x",
        "1".to_string() + &" + 1".repeat(n / 4),
        "a = ".repeat(n / 4) + "1",
        "x |> f() ".repeat(n / 9).replace("f() x", "f()\n|> x"),
        "a.".repeat(n / 2) + "b",
        "f ".repeat(n / 2) + "x",
        "& ".repeat(n / 2) + "x",
        "\"#{".repeat(n / 3),
        "\"#{".repeat(20) + &"}\"".repeat(20),
        "1 + ".repeat(n / 4),
        "x[".repeat(n / 2),
        "@a ".repeat(n / 3) + "1",
    ];
    for src in &inputs {
        exercise(src);
    }
    // Nesting within the limits still parses.
    let ok = "[".repeat(200) + &"]".repeat(200);
    let (_, diagnostics) = vial_syntax::parse(&ok);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let chain = "1".to_string() + &" + 1".repeat(500);
    let (_, diagnostics) = vial_syntax::parse(&chain);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn too_deep_nesting_is_a_diagnostic() {
    let src = "[".repeat(2000) + &"]".repeat(2000);
    let (_, diagnostics) = vial_syntax::parse(&src);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].message, "expression is nested too deeply");
}
