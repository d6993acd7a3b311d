//! Test helper: builds terms from Elixir literal syntax, so a test can state
//! the term the way the Elixir expression producing its expectation did.
//!
//! Supported: integers (any size), floats, atoms (`:ok`, `:"a b"`, `:+`),
//! aliases, `nil`/`true`/`false`, strings with escapes, lists with `|` tails
//! and keyword sugar, tuples, maps (`=>` and `key:`), structs `%Mod{...}`
//! (fields ordered by [`define_struct`]), ranges `a..b//s` and binaries `<<1, 2>>`.

use crate::atom::Atom;
use crate::term::{Map, Term};
use num_bigint::BigInt;

/// The term written as `src`; panics on syntax it does not know.
pub fn term(src: &str) -> Term {
    let mut p = Parser {
        s: src.as_bytes(),
        i: 0,
    };
    let t = p.expr();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing input in {src:?}");
    t
}

thread_local! {
    static STRUCTS: std::cell::RefCell<Vec<(Atom, std::sync::Arc<[Atom]>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Declares `defstruct` fields for `module` (an alias such as `"Book"`) for
/// the current test thread, standing in for the code server.
pub fn define_struct(module: &str, fields: &[&str]) {
    let module = Atom::intern(&format!("Elixir.{module}"));
    let fields: std::sync::Arc<[Atom]> = fields.iter().map(|f| Atom::intern(f)).collect();
    STRUCTS.with(|s| s.borrow_mut().push((module, fields)));
}

/// The fields declared with [`define_struct`], if any.
pub fn struct_fields(module: Atom) -> Option<std::sync::Arc<[Atom]>> {
    STRUCTS.with(|s| {
        s.borrow()
            .iter()
            .find(|(m, _)| *m == module)
            .map(|(_, f)| f.clone())
    })
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> u8 {
        self.s.get(self.i).copied().unwrap_or(0)
    }

    fn ws(&mut self) {
        while self.peek() == b' ' || self.peek() == b'\n' {
            self.i += 1;
        }
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(tok.as_bytes()) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &str) {
        assert!(self.eat(tok), "expected {tok:?} at {}", self.i);
    }

    fn expr(&mut self) -> Term {
        let first = self.primary();
        if !self.eat("..") {
            return first;
        }
        let last = self.primary();
        let step = if self.eat("//") {
            self.primary()
        } else {
            Term::Int(1)
        };
        let mut m = Map::new();
        m.insert(Term::Atom(Atom::STRUCT), Term::Atom(Atom::ELIXIR_RANGE));
        m.insert(Term::Atom(Atom::FIRST), first);
        m.insert(Term::Atom(Atom::LAST), last);
        m.insert(Term::Atom(Atom::STEP), step);
        Term::map(m)
    }

    fn word(&mut self) -> String {
        let start = self.i;
        while self.peek().is_ascii_alphanumeric()
            || matches!(self.peek(), b'_' | b'?' | b'!' | b'@' | b'.')
        {
            if self.peek() == b'.' && !self.s.get(self.i + 1).is_some_and(u8::is_ascii_uppercase) {
                break;
            }
            self.i += 1;
        }
        String::from_utf8(self.s[start..self.i].to_vec()).unwrap()
    }

    fn primary(&mut self) -> Term {
        self.ws();
        match self.peek() {
            b'[' => self.list(),
            b'{' => {
                self.i += 1;
                let items = self.seq("}");
                Term::tuple(items)
            }
            b'%' => self.map(),
            b'<' => {
                self.expect("<<");
                let bytes = self
                    .seq(">>")
                    .iter()
                    .map(|t| match t {
                        Term::Int(i) => *i as u8,
                        _ => panic!("binary of non-bytes"),
                    })
                    .collect();
                Term::binary(bytes)
            }
            b'"' => Term::binary(self.string()),
            b':' => {
                self.i += 1;
                if self.peek() == b'"' {
                    let name = String::from_utf8(self.string()).unwrap();
                    return Term::atom(&name);
                }
                let start = self.i;
                let w = self.word();
                if w.is_empty() {
                    while !matches!(self.peek(), b' ' | b',' | b']' | b'}' | b')' | 0) {
                        self.i += 1;
                    }
                }
                Term::atom(std::str::from_utf8(&self.s[start..self.i]).unwrap())
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => {
                let w = self.word();
                assert!(!w.is_empty(), "unexpected input at {}", self.i);
                match w.as_str() {
                    "nil" | "true" | "false" => Term::atom(&w),
                    _ if w.starts_with("Elixir.") => Term::atom(&w),
                    _ => Term::atom(&format!("Elixir.{w}")),
                }
            }
        }
    }

    fn number(&mut self) -> Term {
        let start = self.i;
        self.i += 1;
        while self.peek().is_ascii_digit()
            || matches!(self.peek(), b'e' | b'_')
            || (self.peek() == b'.' && self.s.get(self.i + 1).is_some_and(u8::is_ascii_digit))
            || (self.peek() == b'-' && self.s[self.i - 1] == b'e')
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i])
            .unwrap()
            .replace('_', "");
        if text.contains('.') {
            Term::Float(text.parse().unwrap())
        } else {
            Term::from_bigint(text.parse::<BigInt>().unwrap())
        }
    }

    fn string(&mut self) -> Vec<u8> {
        self.expect("\"");
        let mut out = Vec::new();
        loop {
            let c = self.peek();
            self.i += 1;
            match c {
                b'"' => return out,
                b'\\' => {
                    let e = self.peek();
                    self.i += 1;
                    out.push(match e {
                        b'n' => b'\n',
                        b't' => b'\t',
                        b'r' => b'\r',
                        b'e' => 27,
                        b'a' => 7,
                        b'b' => 8,
                        b'f' => 12,
                        b'v' => 11,
                        b'd' => 127,
                        b'0' => 0,
                        other => other,
                    });
                }
                0 => panic!("unterminated string"),
                other => out.push(other),
            }
        }
    }

    /// Comma-separated expressions up to `close`.
    fn seq(&mut self, close: &str) -> Vec<Term> {
        let mut items = Vec::new();
        while !self.eat(close) {
            items.push(self.expr());
            self.eat(",");
        }
        items
    }

    /// A keyword key (`name: ` or `"quoted": `), if one comes next.
    fn key(&mut self) -> Option<Term> {
        self.ws();
        let save = self.i;
        let name = if self.peek() == b'"' {
            String::from_utf8(self.string()).unwrap()
        } else if self.peek().is_ascii_alphabetic() || matches!(self.peek(), b'_' | b'+') {
            let start = self.i;
            self.i += 1;
            while self.peek().is_ascii_alphanumeric()
                || matches!(self.peek(), b'_' | b'?' | b'!' | b'@')
            {
                self.i += 1;
            }
            String::from_utf8(self.s[start..self.i].to_vec()).unwrap()
        } else {
            return None;
        };
        if self.s[self.i..].starts_with(b": ") && !name.is_empty() {
            self.i += 2;
            Some(Term::atom(&name))
        } else {
            self.i = save;
            None
        }
    }

    fn list(&mut self) -> Term {
        self.expect("[");
        let mut items = Vec::new();
        let mut tail = Term::EmptyList;
        while !self.eat("]") {
            if let Some(k) = self.key() {
                let v = self.expr();
                items.push(Term::tuple([k, v]));
            } else {
                items.push(self.expr());
            }
            if self.eat("|") {
                tail = self.expr();
            }
            self.eat(",");
        }
        Term::list_with_tail(items, tail)
    }

    fn map(&mut self) -> Term {
        self.expect("%");
        let mut m = Map::new();
        if self.peek() != b'{' {
            let name = self.word();
            m.insert(
                Term::Atom(Atom::STRUCT),
                Term::atom(&format!("Elixir.{name}")),
            );
        }
        self.expect("{");
        while !self.eat("}") {
            if let Some(k) = self.key() {
                let v = self.expr();
                m.insert(k, v);
            } else {
                let k = self.expr();
                self.expect("=>");
                let v = self.expr();
                m.insert(k, v);
            }
            self.eat(",");
        }
        Term::map(m)
    }
}
