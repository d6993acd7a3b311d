//! Match specifications (ERTS User's Guide, "Match Specifications in
//! Erlang"): the small programs `:ets.select/2` and its relatives run on
//! each object of a table.
//!
//! A match specification is a list of clauses `{head, guards, body}`.
//! The head is a pattern in which `:_` matches anything and `:"$N"` (`N` a
//! decimal number without leading zeros) is a variable, bound where it
//! first appears and compared with `=:=` where it appears again. Guards
//! and body are expressions: constants, the variables of the head,
//! `:"$_"` (the whole object), `:"$$"` (the variables' values as a list,
//! by variable number), `{{...}}` (a tuple built from expressions),
//! lists and maps (built from expressions), `{:const, term}` (the term as
//! it is) and calls `{function, arg, ...}` of the guard functions OTP 25
//! allows (see [`Op`]). [`MatchSpec::compile`] checks all of this as
//! `ets:match_spec_compile/1` does; `eval.rs` runs the result.

mod eval;

use crate::bif;
use crate::bif::BifFn;
use crate::bytecode::Mfa;
use crate::term::Term;
use crate::Atom;

/// A compiled match specification: its clauses, tried in order on each
/// object.
#[derive(Debug)]
pub struct MatchSpec {
    clauses: Vec<Clause>,
}

#[derive(Debug)]
struct Clause {
    head: Pat,
    /// Slots of the head's variables, in variable-number order (`$$`).
    by_number: Vec<usize>,
    guards: Vec<Expr>,
    body: Vec<Expr>,
}

/// A head pattern, variables resolved to slots.
#[derive(Debug)]
enum Pat {
    /// `:_`
    Any,
    /// The first occurrence of a variable: binds its slot.
    Bind(usize),
    /// A later occurrence: must be exactly equal (`=:=`) to the slot.
    Same(usize),
    /// A part without variables: must be exactly equal.
    Const(Term),
    Tuple(Vec<Pat>),
    /// A list: its elements, then the pattern of the tail.
    List(Vec<Pat>, Box<Pat>),
    /// A map that has (at least) these keys, whose values match.
    Map(Vec<(Term, Pat)>),
}

/// A guard or body expression.
#[derive(Debug)]
enum Expr {
    Const(Term),
    Var(usize),
    /// `:"$_"`
    Object,
    /// `:"$$"`
    Bindings,
    Tuple(Vec<Expr>),
    List(Vec<Expr>, Box<Expr>),
    Map(Vec<(Expr, Expr)>),
    Call(Op, Vec<Expr>),
}

/// The functions a match specification may call (OTP 25's
/// `erl_db_util.c` table): most are the `:erlang` BIFs of the same name;
/// the boolean operators take one argument or more.
#[derive(Debug)]
enum Op {
    /// `andalso`: false at the first `false`; the last argument's value.
    AndAlso,
    /// `orelse`: true at the first `true`; the last argument's value.
    OrElse,
    /// `and`: every argument evaluated, all booleans, all `true`.
    And,
    /// `or`: every argument evaluated, all booleans, one `true`.
    Or,
    /// `is_record(term, tag, size)`
    IsRecord,
    /// `map_get(key, map)`
    MapGet,
    /// `size(tuple | binary)`
    Size,
    /// `bit_size(binary)`
    BitSize,
    /// `binary_part(binary, {start, length})`: `binary_part/3`.
    BinaryPart2(BifFn),
    /// An `:erlang` BIF.
    Bif(BifFn),
}

/// The `:erlang` BIFs allowed in match specifications, with their arities.
const BIFS: &[(&str, &[u32])] = &[
    ("is_atom", &[1]),
    ("is_float", &[1]),
    ("is_integer", &[1]),
    ("is_list", &[1]),
    ("is_number", &[1]),
    ("is_pid", &[1]),
    ("is_port", &[1]),
    ("is_reference", &[1]),
    ("is_tuple", &[1]),
    ("is_map", &[1]),
    ("is_binary", &[1]),
    ("is_function", &[1]),
    ("is_map_key", &[2]),
    ("not", &[1]),
    ("xor", &[2]),
    ("abs", &[1]),
    ("element", &[2]),
    ("hd", &[1]),
    ("tl", &[1]),
    ("length", &[1]),
    ("map_size", &[1]),
    ("node", &[0, 1]),
    ("round", &[1]),
    ("trunc", &[1]),
    ("float", &[1]),
    ("byte_size", &[1]),
    ("binary_part", &[3]),
    ("self", &[0]),
    ("+", &[1, 2]),
    ("-", &[1, 2]),
    ("*", &[2]),
    ("/", &[2]),
    ("div", &[2]),
    ("rem", &[2]),
    ("band", &[2]),
    ("bor", &[2]),
    ("bxor", &[2]),
    ("bnot", &[1]),
    ("bsl", &[2]),
    ("bsr", &[2]),
    (">", &[2]),
    (">=", &[2]),
    ("<", &[2]),
    ("=<", &[2]),
    ("=:=", &[2]),
    ("==", &[2]),
    ("=/=", &[2]),
    ("/=", &[2]),
];

/// The function `name/arity` of a match specification, if allowed.
fn op(name: &str, arity: usize) -> Option<Op> {
    let op = match (name, arity) {
        ("andalso", 1..) => Op::AndAlso,
        ("orelse", 1..) => Op::OrElse,
        ("and", 1..) => Op::And,
        ("or", 1..) => Op::Or,
        ("is_record", 3) => Op::IsRecord,
        ("map_get", 2) => Op::MapGet,
        ("size", 1) => Op::Size,
        ("bit_size", 1) => Op::BitSize,
        ("binary_part", 2) => Op::BinaryPart2(erlang_bif("binary_part", 3)?),
        _ => {
            let (_, arities) = BIFS.iter().find(|(n, _)| *n == name)?;
            let arity = u32::try_from(arity).ok().filter(|a| arities.contains(a))?;
            Op::Bif(erlang_bif(name, arity)?)
        }
    };
    Some(op)
}

/// The BIF `:erlang.name/arity`.
fn erlang_bif(name: &str, arity: u32) -> Option<BifFn> {
    let mfa = Mfa::new(Atom::intern("erlang"), Atom::intern(name), arity);
    Some(bif::get(bif::lookup(mfa)?).fun)
}

/// The number of variable `:"$N"`, if `a` is one.
fn var_number(a: Atom) -> Option<u32> {
    let digits = a.name().strip_prefix('$')?;
    let leading_zero = digits.len() > 1 && digits.starts_with('0');
    if digits.is_empty() || leading_zero || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether pattern `t` is matched by equality: it holds no variable, no
/// `:_` and no map (a map pattern matches any map holding its keys,
/// `%{}` every map).
fn is_ground(t: &Term) -> bool {
    holds_no_variable(t, false)
}

/// Whether a map pattern's key `t` is a constant: no variable and no `:_`
/// anywhere in it, maps included (a key is looked up by equality).
fn is_constant_key(t: &Term) -> bool {
    holds_no_variable(t, true)
}

/// Whether `t` holds no variable and no `:_`, and, unless `maps_too`, no
/// map.
fn holds_no_variable(t: &Term, maps_too: bool) -> bool {
    let each = |t: &Term| holds_no_variable(t, maps_too);
    match t {
        Term::Atom(a) => a.name() != "_" && var_number(*a).is_none(),
        Term::Tuple(tu) => tu.0.iter().all(each),
        Term::Cons(_) => {
            let mut it = t.iter_list();
            it.by_ref().all(each) && each(it.tail())
        }
        Term::Map(m) => maps_too && m.iter().all(|(k, v)| each(k) && each(v)),
        _ => true,
    }
}

/// The variables of one clause: `(number, slot)` in order of appearance.
#[derive(Default)]
struct Vars(Vec<u32>);

impl Vars {
    fn slot(&self, n: u32) -> Option<usize> {
        self.0.iter().position(|&m| m == n)
    }
}

fn pattern(t: &Term, vars: &mut Vars) -> Option<Pat> {
    if is_ground(t) {
        return Some(Pat::Const(t.clone()));
    }
    Some(match t {
        Term::Atom(a) if a.name() == "_" => Pat::Any,
        Term::Atom(a) => {
            let n = var_number(*a).expect("not ground: a variable");
            match vars.slot(n) {
                Some(slot) => Pat::Same(slot),
                None => {
                    vars.0.push(n);
                    Pat::Bind(vars.0.len() - 1)
                }
            }
        }
        Term::Tuple(tu) => Pat::Tuple(
            tu.0.iter()
                .map(|e| pattern(e, vars))
                .collect::<Option<_>>()?,
        ),
        Term::Cons(_) => {
            let mut it = t.iter_list();
            let elems = it
                .by_ref()
                .map(|e| pattern(e, vars))
                .collect::<Option<_>>()?;
            Pat::List(elems, Box::new(pattern(it.tail(), vars)?))
        }
        Term::Map(m) => Pat::Map(
            m.iter()
                .map(|(k, v)| Some((is_constant_key(k).then(|| k.clone())?, pattern(v, vars)?)))
                .collect::<Option<_>>()?,
        ),
        _ => unreachable!("other terms are ground"),
    })
}

fn expr(t: &Term, vars: &Vars) -> Option<Expr> {
    let e = match t {
        Term::Atom(a) => match a.name() {
            "$_" => Expr::Object,
            "$$" => Expr::Bindings,
            _ => match var_number(*a) {
                Some(n) => Expr::Var(vars.slot(n)?),
                None => Expr::Const(t.clone()),
            },
        },
        Term::Tuple(tu) => match &tu.0[..] {
            [Term::Tuple(inner)] => Expr::Tuple(
                inner
                    .0
                    .iter()
                    .map(|e| expr(e, vars))
                    .collect::<Option<_>>()?,
            ),
            [Term::Atom(c), value] if c.name() == "const" => Expr::Const(value.clone()),
            [Term::Atom(f), args @ ..] => Expr::Call(
                op(f.name(), args.len())?,
                args.iter().map(|e| expr(e, vars)).collect::<Option<_>>()?,
            ),
            _ => return None,
        },
        Term::Cons(_) => {
            let mut it = t.iter_list();
            let elems = it.by_ref().map(|e| expr(e, vars)).collect::<Option<_>>()?;
            Expr::List(elems, Box::new(expr(it.tail(), vars)?))
        }
        Term::Map(m) => Expr::Map(
            m.iter()
                .map(|(k, v)| Some((expr(k, vars)?, expr(v, vars)?)))
                .collect::<Option<_>>()?,
        ),
        _ => Expr::Const(t.clone()),
    };
    Some(e)
}

fn exprs(t: &Term, vars: &Vars) -> Option<Vec<Expr>> {
    t.list_to_vec()?.iter().map(|e| expr(e, vars)).collect()
}

fn clause(t: &Term) -> Option<Clause> {
    let [head, guards, body] = t.as_tuple()? else {
        return None;
    };
    let mut vars = Vars::default();
    let head = pattern(head, &mut vars)?;
    let guards = exprs(guards, &vars)?;
    let body = exprs(body, &vars)?;
    if body.is_empty() {
        return None;
    }
    let mut by_number: Vec<usize> = (0..vars.0.len()).collect();
    by_number.sort_by_key(|&slot| vars.0[slot]);
    Some(Clause {
        head,
        by_number,
        guards,
        body,
    })
}

impl MatchSpec {
    /// Compiles the match specification `t` (a proper list of clauses);
    /// `None` where `ets:match_spec_compile/1` raises `badarg`: a clause
    /// that is not a 3-tuple with list guards and a non-empty list body, a
    /// variable used in guards or body but not bound by the head, a call
    /// of a function that match specifications do not allow, a tuple
    /// expression that is neither `{{...}}`, `{:const, _}` nor a call.
    pub fn compile(t: &Term) -> Option<MatchSpec> {
        let clauses = t.list_to_vec()?.iter().map(clause).collect::<Option<_>>()?;
        Some(MatchSpec { clauses })
    }

    /// The match specification of a match pattern with body `result`:
    /// `[{pattern, [], [result]}]` (`:ets.match/2` gives `:"$$"`,
    /// `match_object/2` `:"$_"`, `match_delete/2` `true`).
    pub fn of_pattern(pattern: &Term, result: Term) -> Option<MatchSpec> {
        let spec = Term::tuple([pattern.clone(), Term::EmptyList, Term::list([result])]);
        MatchSpec::compile(&Term::list([spec]))
    }

    /// The key every clause's head requires at 1-based `keypos`, when all
    /// of them require the same constant: the table then needs to look at
    /// that key's objects only.
    pub fn bound_key(&self, keypos: usize) -> Option<&Term> {
        let mut key = None;
        for c in &self.clauses {
            let Pat::Tuple(elems) = &c.head else {
                return None;
            };
            let Some(Pat::Const(k)) = elems.get(keypos - 1) else {
                return None;
            };
            match key {
                None => key = Some(k),
                Some(other) if other == k => {}
                Some(_) => return None,
            }
        }
        key
    }
}

#[cfg(test)]
mod tests;
