//! `:lists.sort/1` exactly as OTP 25's STDLIB `lists.erl` does it: a
//! natural merge sort with three-way merges that alternate direction.
//!
//! Elements that compare equal (`1` and `1.0`) can come out in an order no
//! simple stable sort reproduces (`:lists.sort([3, 1.0, 1])` is
//! `[1, 1.0, 3]`), so when a list has such elements this transcription runs
//! instead of Rust's sort. Each Erlang function is one state of a loop (they
//! tail-call each other), with lists kept as Vial lists so every clause reads
//! like the Erlang one; the names follow `lists.erl`.

use crate::term::Term;
use std::cmp::Ordering;

fn le(a: &Term, b: &Term) -> bool {
    a.compare(b) != Ordering::Greater
}

fn cons(h: &Term, t: Term) -> Term {
    Term::cons(h.clone(), t)
}

/// `[H | T]` as `(H, T)`.
fn uncons(l: &Term) -> Option<(Term, Term)> {
    match l {
        Term::Cons(c) => Some((c.head.clone(), c.tail.clone())),
        _ => None,
    }
}

/// `lists:reverse(L, Acc)`.
fn reverse(l: &Term, acc: Term) -> Term {
    l.iter_list().fold(acc, |acc, x| cons(x, acc))
}

/// `[a, b | t]`.
fn cons2(a: &Term, b: &Term, t: Term) -> Term {
    cons(a, cons(b, t))
}

/// The Erlang function (name, arity) that finds no clause for an improper
/// list, as `FunctionClauseError` reports it.
pub type NoClause = (&'static str, u32);

/// Sorts a list; an improper one fails where `lists.erl` fails on it.
pub fn sort(l0: &Term) -> Result<Term, NoClause> {
    let Some((x, rest)) = uncons(l0) else {
        return match l0 {
            Term::EmptyList => Ok(Term::EmptyList),
            _ => Err(("sort", 1)),
        };
    };
    let Some((y, l)) = uncons(&rest) else {
        return match rest {
            Term::EmptyList => Ok(l0.clone()),
            _ => Err(("sort", 1)),
        };
    };
    let single = uncons(&l).filter(|(_, t)| matches!(t, Term::EmptyList));
    let nil = Term::EmptyList;
    if le(&x, &y) {
        match (&l, single) {
            (Term::EmptyList, _) => Ok(l0.clone()),
            (_, Some((z, _))) if le(&y, &z) => Ok(l0.clone()),
            (_, Some((z, _))) if le(&x, &z) => Ok(Term::list([x, z, y])),
            (_, Some((z, _))) => Ok(Term::list([z, x, y])),
            _ if x.compare(&y) == Ordering::Equal => run(Split::Sort1(y, l, Term::list([x]))),
            _ => run(Split::Split1(x, y, l, nil.clone(), nil)),
        }
    } else {
        match (&l, single) {
            (Term::EmptyList, _) => Ok(Term::list([y, x])),
            (_, Some((z, _))) if le(&x, &z) => Ok(Term::list([y, x, z])),
            (_, Some((z, _))) if le(&y, &z) => Ok(Term::list([y, z, x])),
            (_, Some((z, _))) => Ok(Term::list([z, y, x])),
            _ => run(Split::Split2(x, y, l, nil.clone(), nil)),
        }
    }
}

/// The run-splitting and merging-of-runs functions.
enum Split {
    Sort1(Term, Term, Term),
    Split1(Term, Term, Term, Term, Term),
    Split11(Term, Term, Term, Term, Term, Term),
    Split2(Term, Term, Term, Term, Term),
    Split21(Term, Term, Term, Term, Term, Term),
    Mergel(Term, Term),
    Rmergel(Term, Term),
}

/// The first `N` elements of a list and the rest, if it has that many.
fn take<const N: usize>(l: &Term) -> Option<([Term; N], Term)> {
    let mut rest = l.clone();
    let mut out: [Term; N] = std::array::from_fn(|_| Term::EmptyList);
    for slot in &mut out {
        let (h, t) = uncons(&rest)?;
        *slot = h;
        rest = t;
    }
    Some((out, rest))
}

/// Runs the split/merge states to the end. The states that walk the
/// caller's list fail on an improper tail (`None` from `uncons` on a
/// non-`[]`).
fn run(mut s: Split) -> Result<Term, NoClause> {
    use Split::*;
    let nil = || Term::EmptyList;
    let proper = |l: &Term, name: &'static str, arity: u32| match l {
        Term::EmptyList => Ok(()),
        _ => Err((name, arity)),
    };
    loop {
        s = match s {
            Sort1(x, l, r) => match uncons(&l) {
                Some((y, l)) if x.compare(&y) == Ordering::Equal => Sort1(y, l, cons(&x, r)),
                Some((y, l)) if x.compare(&y) == Ordering::Less => Split1(x, y, l, r, nil()),
                Some((y, l)) => Split2(x, y, l, r, nil()),
                None => {
                    proper(&l, "sort_1", 3)?;
                    return Ok(reverse(&r, Term::list([x])));
                }
            },
            Split1(x, y, l, r, rs) => match uncons(&l) {
                Some((z, l)) if !z.compare(&y).is_lt() => Split1(y, z, l, cons(&x, r), rs),
                Some((z, l)) if !z.compare(&x).is_lt() => Split1(z, y, l, cons(&x, r), rs),
                Some((z, l)) if matches!(r, Term::EmptyList) => {
                    Split1(x, y, l, Term::list([z]), rs)
                }
                Some((z, l)) => Split11(x, y, l, r, rs, z),
                None => {
                    proper(&l, "split_1", 5)?;
                    Rmergel(cons(&cons2(&y, &x, r), rs), nil())
                }
            },
            Split11(x, y, l, r, rs, s) => match uncons(&l) {
                Some((z, l)) if !z.compare(&y).is_lt() => Split11(y, z, l, cons(&x, r), rs, s),
                Some((z, l)) if !z.compare(&x).is_lt() => Split11(z, y, l, cons(&x, r), rs, s),
                Some((z, l)) if le(&s, &z) => Split1(s, z, l, nil(), cons(&cons2(&y, &x, r), rs)),
                Some((z, l)) => Split1(z, s, l, nil(), cons(&cons2(&y, &x, r), rs)),
                None => {
                    proper(&l, "split_1_1", 6)?;
                    Rmergel(cons(&Term::list([s]), cons(&cons2(&y, &x, r), rs)), nil())
                }
            },
            Split2(x, y, l, r, rs) => match uncons(&l) {
                Some((z, l)) if le(&z, &y) => Split2(y, z, l, cons(&x, r), rs),
                Some((z, l)) if le(&z, &x) => Split2(z, y, l, cons(&x, r), rs),
                Some((z, l)) if matches!(r, Term::EmptyList) => {
                    Split2(x, y, l, Term::list([z]), rs)
                }
                Some((z, l)) => Split21(x, y, l, r, rs, z),
                None => {
                    proper(&l, "split_2", 5)?;
                    Mergel(cons(&cons2(&y, &x, r), rs), nil())
                }
            },
            Split21(x, y, l, r, rs, s) => match uncons(&l) {
                Some((z, l)) if le(&z, &y) => Split21(y, z, l, cons(&x, r), rs, s),
                Some((z, l)) if le(&z, &x) => Split21(z, y, l, cons(&x, r), rs, s),
                Some((z, l)) if s.compare(&z).is_gt() => {
                    Split2(s, z, l, nil(), cons(&cons2(&y, &x, r), rs))
                }
                Some((z, l)) => Split2(z, s, l, nil(), cons(&cons2(&y, &x, r), rs)),
                None => {
                    proper(&l, "split_2_1", 6)?;
                    Mergel(cons(&Term::list([s]), cons(&cons2(&y, &x, r), rs)), nil())
                }
            },
            Mergel(l, acc) => match mergel_step(l, acc) {
                Ok(next) => next,
                Err(done) => return Ok(done),
            },
            Rmergel(l, acc) => {
                if let Some(([a, b, t1], rest)) = take::<3>(&l) {
                    if let (Some((h3, t3)), Some((h2, t2))) = (uncons(&a), uncons(&b)) {
                        let merged = merge(Merge::R31(t1, nil(), h2, t2, h3, t3));
                        s = Rmergel(rest, cons(&merged, acc));
                        continue;
                    }
                }
                match take::<2>(&l) {
                    Some(([a, t1], Term::EmptyList)) => {
                        let (h2, t2) = uncons(&a).unwrap_or((Term::NIL, nil()));
                        Mergel(cons(&merge(Merge::R21(t1, h2, t2, nil())), acc), nil())
                    }
                    _ => match uncons(&l) {
                        Some((x, Term::EmptyList)) => Mergel(cons(&reverse(&x, nil()), acc), nil()),
                        _ => Mergel(acc, nil()),
                    },
                }
            }
        }
    }
}

/// One step of `mergel/2`: the next state, or `Err(result)` when done.
fn mergel_step(l: Term, acc: Term) -> Result<Split, Term> {
    use Split::*;
    let nil = || Term::EmptyList;
    if let Some((Term::EmptyList, rest)) = uncons(&l) {
        return Ok(Mergel(rest, acc));
    }
    if let Some(([t1, b, c], rest)) = take::<3>(&l) {
        if let (Some((h2, t2)), Some((h3, t3))) = (uncons(&b), uncons(&c)) {
            let merged = merge(Merge::M31(t1, nil(), h2, t2, h3, t3));
            return Ok(Mergel(rest, cons(&merged, acc)));
        }
    }
    if let Some(([t1, b], Term::EmptyList)) = take::<2>(&l) {
        if let Some((h2, t2)) = uncons(&b) {
            return Ok(Rmergel(
                cons(&merge(Merge::M21(t1, h2, t2, nil())), acc),
                nil(),
            ));
        }
    }
    match (uncons(&l), &acc) {
        (Some((x, Term::EmptyList)), Term::EmptyList) => return Err(x),
        (Some((x, Term::EmptyList)), _) => {
            return Ok(Rmergel(cons(&reverse(&x, nil()), acc), nil()))
        }
        (None, Term::EmptyList) => return Err(nil()),
        (None, _) => return Ok(Rmergel(acc, nil())),
        _ => {}
    }
    // `[A, [] | L]` and `[A, B, [] | L]`: drop the empty run.
    if let Some(([a, Term::EmptyList], rest)) = take::<2>(&l) {
        return Ok(Mergel(cons(&a, rest), acc));
    }
    match take::<3>(&l) {
        Some(([a, b, Term::EmptyList], rest)) => Ok(Mergel(cons2(&a, &b, rest), acc)),
        _ => Err(l),
    }
}

/// The merge functions: `merge3_*`/`merge2_*` (ascending) and
/// `rmerge3_*`/`rmerge2_*` (descending), with their Erlang arguments.
enum Merge {
    M31(Term, Term, Term, Term, Term, Term),
    M32(Term, Term, Term, Term, Term, Term),
    M312(Term, Term, Term, Term, Term, Term, Term),
    M3123(Term, Term, Term, Term, Term, Term),
    M321(Term, Term, Term, Term, Term, Term, Term),
    M3213(Term, Term, Term, Term, Term, Term),
    M21(Term, Term, Term, Term),
    M22(Term, Term, Term, Term, Term),
    R31(Term, Term, Term, Term, Term, Term),
    R32(Term, Term, Term, Term, Term, Term),
    R312(Term, Term, Term, Term, Term, Term, Term),
    R3123(Term, Term, Term, Term, Term, Term),
    R321(Term, Term, Term, Term, Term, Term, Term),
    R3213(Term, Term, Term, Term, Term, Term),
    R21(Term, Term, Term, Term),
    R22(Term, Term, Term, Term, Term),
}

fn merge(mut s: Merge) -> Term {
    use Merge::*;
    loop {
        s = match s {
            M31(t1, m, h2, t2, h3, t3) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => M312(t1, h1, h2, t2, h3, t3, m),
                Some((h1, t1)) => M321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h2, &h3) => M21(t2, h3, t3, cons(&h2, m)),
                None => M22(t2, h3, t3, m, h2),
            },
            M32(t1, h1, m, t2, h3, t3) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => M312(t1, h1, h2, t2, h3, t3, m),
                Some((h2, t2)) => M321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h1, &h3) => M21(t1, h3, t3, cons(&h1, m)),
                None => M22(t1, h3, t3, m, h1),
            },
            M312(t1, h1, h2, t2, h3, t3, m) if le(&h1, &h3) => {
                M31(t1, cons(&h1, m), h2, t2, h3, t3)
            }
            M312(t1, h1, h2, t2, h3, t3, m) => M3123(t1, h1, h2, t2, cons(&h3, m), t3),
            M3123(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h1, &h3) => M31(t1, cons(&h1, m), h2, t2, h3, t3),
                Some((h3, t3)) => M3123(t1, h1, h2, t2, cons(&h3, m), t3),
                None => M21(t1, h2, t2, cons(&h1, m)),
            },
            M321(t1, h1, h2, t2, h3, t3, m) if le(&h2, &h3) => {
                M32(t1, h1, cons(&h2, m), t2, h3, t3)
            }
            M321(t1, h1, h2, t2, h3, t3, m) => M3213(t1, h1, h2, t2, cons(&h3, m), t3),
            M3213(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h2, &h3) => M32(t1, h1, cons(&h2, m), t2, h3, t3),
                Some((h3, t3)) => M3213(t1, h1, h2, t2, cons(&h3, m), t3),
                None => M22(t1, h2, t2, m, h1),
            },
            M21(t1, h2, t2, m) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => M21(t1, h2, t2, cons(&h1, m)),
                Some((h1, t1)) => M22(t1, h2, t2, m, h1),
                None => return reverse(&t2, cons(&h2, m)),
            },
            M22(t1, hdm, t2, m, h1) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => M21(t1, h2, t2, cons2(&h1, &hdm, m)),
                Some((h2, t2)) => M22(t1, h2, t2, cons(&hdm, m), h1),
                None => return reverse(&t1, cons2(&h1, &hdm, m)),
            },
            R31(t1, m, h2, t2, h3, t3) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => R312(t1, h1, h2, t2, h3, t3, m),
                Some((h1, t1)) => R321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h2, &h3) => R22(t2, h3, t3, m, h2),
                None => R21(t2, h3, t3, cons(&h2, m)),
            },
            R32(t1, h1, m, t2, h3, t3) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => R312(t1, h1, h2, t2, h3, t3, m),
                Some((h2, t2)) => R321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h1, &h3) => R22(t1, h3, t3, m, h1),
                None => R21(t1, h3, t3, cons(&h1, m)),
            },
            R312(t1, h1, h2, t2, h3, t3, m) if le(&h2, &h3) => {
                R3123(t1, h1, h2, t2, cons(&h3, m), t3)
            }
            R312(t1, h1, h2, t2, h3, t3, m) => R32(t1, h1, cons(&h2, m), t2, h3, t3),
            R3123(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h2, &h3) => R3123(t1, h1, h2, t2, cons(&h3, m), t3),
                Some((h3, t3)) => R32(t1, h1, cons(&h2, m), t2, h3, t3),
                None => R22(t1, h2, t2, m, h1),
            },
            R321(t1, h1, h2, t2, h3, t3, m) if le(&h1, &h3) => {
                R3213(t1, h1, h2, t2, cons(&h3, m), t3)
            }
            R321(t1, h1, h2, t2, h3, t3, m) => R31(t1, cons(&h1, m), h2, t2, h3, t3),
            R3213(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h1, &h3) => R3213(t1, h1, h2, t2, cons(&h3, m), t3),
                Some((h3, t3)) => R31(t1, cons(&h1, m), h2, t2, h3, t3),
                None => R21(t1, h2, t2, cons(&h1, m)),
            },
            R21(t1, h2, t2, m) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => R22(t1, h2, t2, m, h1),
                Some((h1, t1)) => R21(t1, h2, t2, cons(&h1, m)),
                None => return reverse(&t2, cons(&h2, m)),
            },
            R22(t1, hdm, t2, m, h1) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => R22(t1, h2, t2, cons(&hdm, m), h1),
                Some((h2, t2)) => R21(t1, h2, t2, cons2(&h1, &hdm, m)),
                None => return reverse(&t1, cons2(&h1, &hdm, m)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Term {
        Term::list(v.iter().map(|&i| Term::Int(i)).collect::<Vec<_>>())
    }

    #[test]
    fn sorts_like_a_sort() {
        // Pseudo-random lists of every length up to 60, with many repeats.
        let mut seed = 12345u64;
        for n in 0..60 {
            let v: Vec<i64> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (seed >> 33) as i64 % 10
                })
                .collect();
            let mut want = v.clone();
            want.sort();
            assert_eq!(sort(&ints(&v)), Ok(ints(&want)), "{v:?}");
        }
    }

    #[test]
    fn equal_elements_land_where_erlang_puts_them() {
        // Elixir 1.14 / OTP 25: `:lists.sort([3, 1.0, 1, :a])`.
        let l = Term::list([
            Term::Int(3),
            Term::Float(1.0),
            Term::Int(1),
            Term::atom("a"),
        ]);
        let got = sort(&l).unwrap();
        let want = Term::list([
            Term::Int(1),
            Term::Float(1.0),
            Term::Int(3),
            Term::atom("a"),
        ]);
        assert_eq!(got, want);
        let l = Term::list([Term::Float(1.0), Term::Int(1)]);
        assert_eq!(sort(&l), Ok(l));
    }

    #[test]
    fn improper_lists_fail_where_erlang_does() {
        let l = Term::list_with_tail([3, 2, 1].map(Term::Int), Term::Int(4));
        assert_eq!(sort(&l), Err(("split_2", 5)));
        let l = Term::list_with_tail([1, 2, 3].map(Term::Int), Term::Int(4));
        assert_eq!(sort(&l), Err(("split_1", 5)));
        assert_eq!(
            sort(&Term::cons(Term::Int(1), Term::Int(2))),
            Err(("sort", 1))
        );
        assert_eq!(sort(&Term::atom("x")), Err(("sort", 1)));
    }
}
