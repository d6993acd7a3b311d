//! Running a compiled match specification on one object (ERTS User's
//! Guide, "Match Specifications in Erlang", and what OTP 25's
//! `erl_db_util.c` does where the guide is silent): the clauses are tried
//! in order; the first whose head matches and whose guards all evaluate to
//! exactly `true` gives the object's result, the value of its last body
//! expression. A guard that raises fails its clause; a body that raises
//! gives the atom `:EXIT` as the object's result.

use super::{Clause, Expr, MatchSpec, Op, Pat};
use crate::bif::Ctx;
use crate::term::{Map, Term};
use crate::Atom;

/// An expression raised (the exception itself is not kept).
struct Fail;

type Eval = Result<Term, Fail>;

impl MatchSpec {
    /// The result of the specification for `obj`: `None` if no clause
    /// matches it, else the matching clause's body value (`:EXIT` if the
    /// body raised). `ctx` is the calling process, which `self()` and the
    /// BIFs see.
    pub fn run(&self, ctx: &mut Ctx, obj: &Term) -> Option<Term> {
        let mut slots = Vec::new();
        for clause in &self.clauses {
            slots.clear();
            slots.resize(clause.by_number.len(), Term::EmptyList);
            if !matches(&clause.head, obj, &mut slots) {
                continue;
            }
            let mut env = Env {
                ctx: &mut *ctx,
                obj,
                slots: &slots,
                clause,
            };
            let passes = clause
                .guards
                .iter()
                .all(|g| matches!(env.eval(g), Ok(Term::Atom(Atom::TRUE))));
            if !passes {
                continue;
            }
            let mut result = Term::EmptyList;
            for e in &clause.body {
                match env.eval(e) {
                    Ok(v) => result = v,
                    Err(Fail) => return Some(Term::atom("EXIT")),
                }
            }
            return Some(result);
        }
        None
    }
}

/// Matches `t` against `p`, binding `slots`.
fn matches(p: &Pat, t: &Term, slots: &mut [Term]) -> bool {
    match p {
        Pat::Any => true,
        Pat::Bind(i) => {
            slots[*i] = t.clone();
            true
        }
        Pat::Same(i) => slots[*i] == *t,
        Pat::Const(c) => c == t,
        Pat::Tuple(pats) => match t.as_tuple() {
            Some(elems) if elems.len() == pats.len() => {
                pats.iter().zip(elems).all(|(p, e)| matches(p, e, slots))
            }
            _ => false,
        },
        Pat::List(pats, tail) => {
            let mut rest = t;
            for p in pats {
                let Term::Cons(cell) = rest else {
                    return false;
                };
                if !matches(p, &cell.head, slots) {
                    return false;
                }
                rest = &cell.tail;
            }
            matches(tail, rest, slots)
        }
        Pat::Map(entries) => match t {
            Term::Map(m) => entries
                .iter()
                .all(|(k, p)| m.get(k).is_some_and(|v| matches(p, v, slots))),
            _ => false,
        },
    }
}

/// What expressions of one clause see.
struct Env<'e, 'c, 'a> {
    ctx: &'e mut Ctx<'a>,
    obj: &'e Term,
    slots: &'e [Term],
    clause: &'c Clause,
}

fn boolean(t: &Term) -> Result<bool, Fail> {
    match t {
        Term::Atom(Atom::TRUE) => Ok(true),
        Term::Atom(Atom::FALSE) => Ok(false),
        _ => Err(Fail),
    }
}

impl Env<'_, '_, '_> {
    fn eval(&mut self, e: &Expr) -> Eval {
        Ok(match e {
            Expr::Const(t) => t.clone(),
            Expr::Var(i) => self.slots[*i].clone(),
            Expr::Object => self.obj.clone(),
            Expr::Bindings => Term::list(
                self.clause
                    .by_number
                    .iter()
                    .map(|&s| self.slots[s].clone())
                    .collect::<Vec<_>>(),
            ),
            Expr::Tuple(es) => Term::tuple(self.eval_all(es)?),
            Expr::List(es, tail) => {
                let items = self.eval_all(es)?;
                Term::list_with_tail(items, self.eval(tail)?)
            }
            Expr::Map(entries) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    let (k, v) = (self.eval(k)?, self.eval(v)?);
                    m.insert(k, v);
                }
                Term::map(m)
            }
            Expr::Call(op, args) => self.call(op, args)?,
        })
    }

    fn eval_all(&mut self, es: &[Expr]) -> Result<Vec<Term>, Fail> {
        es.iter().map(|e| self.eval(e)).collect()
    }

    /// `andalso` (`stop_at` false) or `orelse` (`stop_at` true): the
    /// arguments in turn until one is `stop_at`; each but the last must be
    /// a boolean, and the last one's value is the result.
    fn short_circuit(&mut self, args: &[Expr], stop_at: bool) -> Eval {
        let (last, init) = args.split_last().expect("one argument or more");
        for a in init {
            if boolean(&self.eval(a)?)? == stop_at {
                return Ok(Term::bool(stop_at));
            }
        }
        self.eval(last)
    }

    fn call(&mut self, op: &Op, args: &[Expr]) -> Eval {
        match op {
            Op::AndAlso => return self.short_circuit(args, false),
            Op::OrElse => return self.short_circuit(args, true),
            _ => {}
        }
        let vals = self.eval_all(args)?;
        match (op, &vals[..]) {
            (Op::And, _) => Ok(Term::bool(all_booleans(&vals)?.iter().all(|&b| b))),
            (Op::Or, _) => Ok(Term::bool(all_booleans(&vals)?.iter().any(|&b| b))),
            (Op::IsRecord, [t, Term::Atom(tag), Term::Int(size)]) => {
                Ok(Term::bool(match t.as_tuple() {
                    Some(elems) => {
                        elems.len() as i64 == *size && elems.first() == Some(&Term::Atom(*tag))
                    }
                    None => false,
                }))
            }
            (Op::MapGet, [k, Term::Map(m)]) => m.get(k).cloned().ok_or(Fail),
            (Op::Size, [Term::Tuple(t)]) => Ok(Term::Int(t.0.len() as i64)),
            (Op::Size, [Term::Binary(b)]) => Ok(Term::Int(b.0.len() as i64)),
            (Op::BitSize, [Term::Binary(b)]) => Ok(Term::Int(8 * b.0.len() as i64)),
            (Op::BinaryPart2(f), [bin, Term::Tuple(range)]) if range.0.len() == 2 => {
                let args = [bin.clone(), range.0[0].clone(), range.0[1].clone()];
                f(self.ctx, &args).map_err(|_| Fail)
            }
            (Op::Bif(f), _) => f(self.ctx, &vals).map_err(|_| Fail),
            _ => Err(Fail),
        }
    }
}

fn all_booleans(vals: &[Term]) -> Result<Vec<bool>, Fail> {
    vals.iter().map(boolean).collect()
}
