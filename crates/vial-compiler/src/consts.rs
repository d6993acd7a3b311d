//! Compile-time constants: literal expressions become literal-pool terms.

use crate::module::ModuleBuilder;
use vial_syntax::ast::{BinOp, Callee, Expr, ExprKind, StrPart, UnaryOp};
use vial_vm::term::Map;
use vial_vm::Term;

/// The term an expression denotes when it is a constant (numbers, atoms,
/// aliases, strings without interpolation, and lists, tuples and maps of
/// constants, struct literals of structs already defined, `@attr`
/// reads), or `None`.
pub fn const_term(e: &Expr, mb: &ModuleBuilder) -> Option<Term> {
    Some(match &e.kind {
        ExprKind::Integer(n) => Term::from_bigint(n.clone()),
        ExprKind::Float(f) => Term::Float(*f),
        ExprKind::Atom(a) => Term::atom(a),
        ExprKind::Alias(a) => Term::Atom(mb.expand_alias(a)),
        ExprKind::Str(parts) => Term::binary(literal_text(parts)?),
        ExprKind::Charlist(parts) => Term::list(
            String::from_utf8(literal_text(parts)?)
                .ok()?
                .chars()
                .map(|c| Term::Int(c as i64))
                .collect::<Vec<_>>(),
        ),
        ExprKind::Tuple(items) => Term::tuple(
            items
                .iter()
                .map(|i| const_term(i, mb))
                .collect::<Option<Vec<_>>>()?,
        ),
        ExprKind::List { items, tail } => {
            let items: Vec<Term> = items
                .iter()
                .map(|i| const_term(i, mb))
                .collect::<Option<_>>()?;
            let tail = match tail {
                Some(t) => const_term(t, mb)?,
                None => Term::EmptyList,
            };
            Term::list_with_tail(items, tail)
        }
        ExprKind::Map {
            update: None,
            entries,
        } => {
            let mut m = Map::new();
            for (k, v) in entries {
                m.insert(const_term(k, mb)?, const_term(v, mb)?);
            }
            Term::map(m)
        }
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => match const_term(operand, mb)? {
            Term::Int(n) => Term::Int(n.checked_neg()?),
            Term::Float(f) => Term::Float(-f),
            _ => return None,
        },
        ExprKind::Struct {
            name,
            update: None,
            entries,
        } => {
            let module = match &name.kind {
                ExprKind::Alias(a) => mb.expand_alias(a),
                ExprKind::Module if mb.elixir_name.is_some() => mb.name,
                _ => return None,
            };
            let def = mb.known_struct(module)?;
            if crate::module::has_dynamic_default(&def) {
                return None;
            }
            let mut m = Map::new();
            m.insert(Term::atom("__struct__"), Term::Atom(module));
            for (k, v) in def.iter() {
                m.insert(Term::Atom(*k), v.clone());
            }
            for (k, v) in entries {
                let key = const_term(k, mb)?;
                if !m.contains_key(&key) {
                    return None;
                }
                m.insert(key, const_term(v, mb)?);
            }
            Term::map(m)
        }
        ExprKind::Module => match &mb.elixir_name {
            Some(_) => Term::Atom(mb.name),
            None => Term::NIL,
        },
        _ => return None,
    })
}

/// The bytes of a string literal without interpolation.
pub fn literal_text(parts: &[StrPart]) -> Option<Vec<u8>> {
    let mut s = Vec::new();
    for p in parts {
        match p {
            StrPart::Lit(t) => s.extend_from_slice(t.as_bytes()),
            StrPart::Bytes(b) => s.extend_from_slice(b),
            StrPart::Interp(_) => return None,
        }
    }
    Some(s)
}

/// A `defstruct` default: a constant, or a call of one of the pure
/// constructors a default is usually written with (`MapSet.new()`,
/// `MapSet.new([..])`, `Map.new()`, `Map.new([..])`, `Keyword.new()`,
/// `:queue.new()`), whose value is the term Vial's standard library builds
/// (Elixir evaluates a default once, when the module is defined).
pub fn struct_default(e: &Expr, mb: &ModuleBuilder) -> Option<Term> {
    if let Some(t) = const_term(e, mb) {
        return Some(t);
    }
    if let ExprKind::Binary { op, lhs, rhs } = &e.kind {
        if *op == BinOp::StepRange {
            let (first, last) = range_ends(lhs)?;
            let step = struct_default(rhs, mb)?;
            return range(
                struct_default(first, mb)?,
                struct_default(last, mb)?,
                Some(step),
            );
        }
        return fold(*op, struct_default(lhs, mb)?, struct_default(rhs, mb)?);
    }
    let ExprKind::Call {
        callee: Callee::Remote { module, name },
        args,
        ..
    } = &e.kind
    else {
        return None;
    };
    let module = match &module.kind {
        ExprKind::Alias(written) => mb.expand_alias(written),
        ExprKind::Atom(a) => vial_vm::Atom::intern(a),
        _ => return None,
    };
    let args: Vec<Term> = args
        .iter()
        .map(|a| const_term(a, mb))
        .collect::<Option<_>>()?;
    let pairs = |list: &Term| -> Option<Map> {
        let mut map = Map::new();
        for item in list.list_to_vec()? {
            let [k, v] = item.as_tuple()? else {
                return None;
            };
            map.insert(k.clone(), v.clone());
        }
        Some(map)
    };
    match (module.name(), name.as_str(), args.as_slice()) {
        ("Elixir.MapSet", "new", []) => map_set(Map::new(), mb),
        ("Elixir.MapSet", "new", [list]) => {
            let mut keys = Map::new();
            for k in list.list_to_vec()? {
                keys.insert(k, Term::EmptyList);
            }
            map_set(keys, mb)
        }
        ("Elixir.Map", "new", []) => Some(Term::map(Map::new())),
        ("Elixir.Map", "new", [list]) => pairs(list).map(Term::map),
        ("Elixir.Keyword", "new", []) => Some(Term::EmptyList),
        ("queue", "new", []) => Some(Term::tuple([Term::EmptyList, Term::EmptyList])),
        _ => None,
    }
}

/// The two ends of range expression `first..last` (the left side of a
/// `first..last//step`).
pub fn range_ends(e: &Expr) -> Option<(&Expr, &Expr)> {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Range,
            lhs,
            rhs,
        } => Some((lhs, rhs)),
        _ => None,
    }
}

/// `a op b` on constants, for the operators a default is written with:
/// integer and float arithmetic, `<>`, `++` and ranges (`None` for
/// anything that would raise, or another operator).
fn fold(op: BinOp, a: Term, b: Term) -> Option<Term> {
    let float = |t: &Term| match t {
        Term::Int(n) => Some(*n as f64),
        Term::Float(f) => Some(*f),
        _ => None,
    };
    Some(match (op, &a, &b) {
        (BinOp::Add, Term::Int(x), Term::Int(y)) => Term::Int(x.checked_add(*y)?),
        (BinOp::Sub, Term::Int(x), Term::Int(y)) => Term::Int(x.checked_sub(*y)?),
        (BinOp::Mul, Term::Int(x), Term::Int(y)) => Term::Int(x.checked_mul(*y)?),
        (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div, _, _) => {
            let (x, y) = (float(&a)?, float(&b)?);
            match op {
                BinOp::Add => Term::Float(x + y),
                BinOp::Sub => Term::Float(x - y),
                BinOp::Mul => Term::Float(x * y),
                _ if y != 0.0 => Term::Float(x / y),
                _ => return None,
            }
        }
        (BinOp::Concat, Term::Binary(x), Term::Binary(y)) => {
            Term::binary([&x.0[..], &y.0[..]].concat())
        }
        (BinOp::ListConcat, _, _) => Term::list_with_tail(a.list_to_vec()?, b),
        (BinOp::Range, _, _) => return range(a, b, None),
        _ => return None,
    })
}

/// `first..last` (step 1, or -1 when `first > last`, as Elixir 1.14
/// infers it) or `first..last//step`, of integers.
fn range(first: Term, last: Term, step: Option<Term>) -> Option<Term> {
    let (Term::Int(a), Term::Int(b)) = (&first, &last) else {
        return None;
    };
    let step = match step {
        Some(Term::Int(s)) if s != 0 => s,
        Some(_) => return None,
        None if a > b => -1,
        None => 1,
    };
    let mut m = Map::new();
    m.insert(Term::atom("__struct__"), Term::atom("Elixir.Range"));
    m.insert(Term::atom("first"), first);
    m.insert(Term::atom("last"), last);
    m.insert(Term::atom("step"), Term::Int(step));
    Some(Term::map(m))
}

/// The set of `keys` (a map to `[]`): MapSet's defaults from its
/// `defstruct`, with `map` replaced.
fn map_set(keys: Map, mb: &ModuleBuilder) -> Option<Term> {
    let module = vial_vm::Atom::intern("Elixir.MapSet");
    let mut m = Map::new();
    m.insert(Term::atom("__struct__"), Term::Atom(module));
    for (field, default) in mb.known_struct(module)? {
        m.insert(Term::Atom(field), default);
    }
    m.insert(Term::atom("map"), Term::map(keys));
    Some(Term::map(m))
}
