//! The expected results are OTP 25's (`ets:select/2` on a one-object
//! table, run with `erl`).

use super::MatchSpec;
use crate::bif::Ctx;
use crate::scheduler::Vm;
use crate::term::Term;

fn a(name: &str) -> Term {
    Term::atom(name)
}

fn int(i: i64) -> Term {
    Term::Int(i)
}

fn t<const N: usize>(elems: [Term; N]) -> Term {
    Term::tuple(elems)
}

fn l<const N: usize>(elems: [Term; N]) -> Term {
    Term::list(elems)
}

/// `[{head, guards, body}]`
fn spec<const G: usize, const B: usize>(head: Term, guards: [Term; G], body: [Term; B]) -> Term {
    l([t([head, l(guards), l(body)])])
}

/// Runs the specification on `obj`.
fn run(ms: &Term, obj: &Term) -> Option<Term> {
    let vm = Vm::new();
    let mut p = vm.new_process();
    let mut ctx = Ctx {
        vm: &vm,
        proc: &mut p,
    };
    MatchSpec::compile(ms).expect("valid").run(&mut ctx, obj)
}

fn object() -> Term {
    t([a("a"), int(1), Term::Float(2.0)])
}

fn head() -> Term {
    t([a("$1"), a("$2"), a("$3")])
}

#[test]
fn variables_bind_once_and_then_compare() {
    let obj = t([int(1), int(1), int(2)]);
    let same = spec(t([a("$1"), a("$1"), a("_")]), [], [a("$1")]);
    assert_eq!(run(&same, &obj), Some(int(1)));
    let obj = object();
    assert_eq!(run(&same, &obj), None);
    // `$$` lists the variables by number, not by place in the head.
    let dollars = spec(t([a("$3"), a("_"), a("$1")]), [], [a("$$")]);
    assert_eq!(run(&dollars, &obj), Some(l([Term::Float(2.0), a("a")])));
    // Constants in the head match exactly: 2 does not match 2.0.
    let exact = spec(t([a("_"), a("_"), int(2)]), [], [a("$_")]);
    assert_eq!(run(&exact, &obj), None);
}

#[test]
fn guards_must_be_true_and_fail_quietly() {
    let obj = object();
    let pick = |guard: Term| run(&spec(head(), [guard], [a("$1")]), &obj);
    assert_eq!(pick(t([a(">"), a("$2"), int(0)])), Some(a("a")));
    assert_eq!(pick(t([a("is_atom"), a("$2")])), None);
    // Not `true` (an integer, an exception): the clause fails.
    assert_eq!(pick(a("$2")), None);
    assert_eq!(pick(t([a("hd"), a("$2")])), None);
    let later = l([
        t([t([a("b"), a("_"), a("_")]), l([]), l([a("one")])]),
        t([a("_"), l([]), l([a("two")])]),
    ]);
    assert_eq!(run(&later, &obj), Some(a("two")));
}

#[test]
fn bodies_build_terms_and_raise_exit() {
    let obj = object();
    let body = |e: Term| run(&spec(head(), [], [e]), &obj);
    let built = t([t([a("$1"), t([a("const"), a("$2")]), l([a("$2"), a("x")])])]);
    assert_eq!(body(built), Some(t([a("a"), a("$2"), l([int(1), a("x")])])));
    assert_eq!(body(t([a("+"), a("$2"), int(1)])), Some(int(2)));
    assert_eq!(body(t([a("+"), a("$1"), int(1)])), Some(a("EXIT")));
    assert_eq!(body(t([a("element"), int(5), a("$_")])), Some(a("EXIT")));
    assert_eq!(body(a("_")), Some(a("_")));
    assert_eq!(
        body(Term::list_with_tail([a("$1")], a("$2"))),
        Some(Term::list_with_tail([a("a")], int(1)))
    );
}

#[test]
fn boolean_operators_follow_erts() {
    let obj = object();
    let body = |e: Term| run(&spec(head(), [], [e]), &obj).unwrap();
    let hd_a = t([a("hd"), a("a")]);
    assert_eq!(body(t([a("andalso"), a("true"), int(1)])), int(1));
    assert_eq!(body(t([a("andalso"), int(1), a("false")])), a("EXIT"));
    assert_eq!(
        body(t([a("andalso"), a("false"), hd_a.clone()])),
        a("false")
    );
    assert_eq!(body(t([a("orelse"), a("true"), hd_a.clone()])), a("true"));
    assert_eq!(body(t([a("and"), a("false"), hd_a])), a("EXIT"));
    assert_eq!(body(t([a("and"), a("true")])), a("true"));
    assert_eq!(body(t([a("not"), int(1)])), a("EXIT"));
}

#[test]
fn invalid_specifications_are_rejected() {
    let bad = |ms: Term| MatchSpec::compile(&ms).is_none();
    // A variable the head does not bind, an unknown function, an arity
    // OTP 25 does not allow, an empty body, a malformed clause.
    assert!(bad(spec(t([a("$1"), a("_"), a("_")]), [], [a("$2")])));
    assert!(bad(spec(head(), [], [t([a("foo"), a("$1")])])));
    assert!(bad(spec(head(), [], [t([a("tuple_size"), a("$_")])])));
    assert!(bad(spec(head(), [], [t([a("and")])])));
    assert!(bad(spec(head(), [], [])));
    assert!(bad(l([a("foo")])));
    assert!(bad(a("foo")));
    assert!(bad(spec(head(), [], [t([a("const")])])));
    assert!(!bad(l([])));
    // `$01` is not a variable but an atom.
    assert!(!bad(spec(a("$01"), [], [a("$01")])));
}

#[test]
fn a_constant_key_is_found_for_lookups() {
    let one = MatchSpec::compile(&spec(t([a("k"), a("$1")]), [], [a("$1")])).unwrap();
    assert_eq!(one.bound_key(1), Some(&a("k")));
    assert_eq!(one.bound_key(2), None);
    let any = MatchSpec::compile(&spec(a("_"), [], [a("$_")])).unwrap();
    assert_eq!(any.bound_key(1), None);
}
