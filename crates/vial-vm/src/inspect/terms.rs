//! Terms to documents: the `Inspect` protocol implementations of Elixir 1.14
//! for the built-in types (`lib/elixir/lib/inspect.ex`, `Inspect.Range` in
//! `range.ex`, `Inspect.MapSet` in `map_set.ex`).

use super::algebra::{container_doc, BreakStyle, Doc, Item};
use super::escape::{ascii_printable, escape, printable_binary};
use super::{atoms, float, map_order, InspectOpts, Shown};
use crate::atom::Atom;
use crate::term::{FunKind, Map, Term};

/// The item limit as passed down: `usize::MAX` is `:infinity`.
type Limit = usize;

fn decrement(limit: Limit) -> Limit {
    if limit == usize::MAX {
        limit
    } else {
        limit - 1
    }
}

/// `Inspect.Algebra.to_doc/2` of `term`, with `limit` items left for
/// collections.
pub fn to_doc(term: &Term, limit: Limit, opts: &InspectOpts) -> Doc {
    match term {
        Term::Int(_) | Term::Big(_) => Doc::text(integer_text(term, opts.base)),
        Term::Float(f) => Doc::text(float::inspect_float(*f)),
        Term::Atom(a) => Doc::text(atoms::literal(a.name())),
        Term::Pid(p) => Doc::text(format!("#PID<0.{}.0>", p.0)),
        Term::Ref(r) => Doc::text(format!("#Reference<0.0.0.{}>", r.0)),
        Term::EmptyList => Doc::text("[]"),
        Term::Cons(_) => list_doc(term, limit, opts),
        Term::Tuple(t) => {
            // A struct its Inspect implementation rendered (see
            // `Inspect.__prerender__/2` in the standard library).
            if let [Term::Atom(tag), Term::Binary(text)] = &t.0[..] {
                if tag.name() == "$vial_inspected" {
                    return Doc::text(String::from_utf8_lossy(&text.0).into_owned());
                }
            }
            let items = collect_items(t.0.iter(), limit, |e, l| to_doc(e, l, opts));
            container_doc("{", items, "}", ",", BreakStyle::Flex)
        }
        Term::Map(m) => map_doc(m, limit, opts),
        Term::Binary(b) => binary_doc(&b.0, limit, opts),
        Term::Fun(f) => Doc::text(match &f.kind {
            FunKind::External {
                module,
                name,
                arity,
            } => {
                format!(
                    "&{}.{}/{arity}",
                    atoms::literal(module.name()),
                    atoms::remote_call(name.name())
                )
            }
            FunKind::Lambda {
                module,
                index,
                arity,
            } => {
                format!(
                    "#Function<{index}.0/{arity} in {}>",
                    atoms::literal(module.name.name())
                )
            }
        }),
    }
}

/// `Inspect.Integer`: an integer in `base`, with its prefix (`0x1F`,
/// `-0b101`).
fn integer_text(term: &Term, base: u32) -> String {
    let n = match term {
        Term::Int(i) => num_bigint::BigInt::from(*i),
        Term::Big(b) => (**b).clone(),
        _ => return String::new(),
    };
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => return n.to_string(),
    };
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    let digits = n.magnitude().to_str_radix(base).to_uppercase();
    format!("{sign}{prefix}{digits}")
}

/// `container_each/6`: one item per element until the limit, then `...`.
fn collect_items<T>(
    elems: impl Iterator<Item = T>,
    mut limit: Limit,
    mut doc: impl FnMut(T, Limit) -> Doc,
) -> Vec<Item> {
    let mut items = Vec::new();
    for elem in elems {
        if limit == 0 {
            items.push(ellipsis());
            break;
        }
        limit = decrement(limit);
        items.push(Item {
            doc: doc(elem, limit),
            tail: None,
        });
    }
    items
}

fn ellipsis() -> Item {
    Item {
        doc: Doc::text("..."),
        tail: None,
    }
}

/// `container_each/6` over a list that may be improper: the tail is printed
/// after ` |` with the last element's limit.
fn list_items(list: &Term, mut limit: Limit, opts: &InspectOpts) -> Vec<Item> {
    let mut items = Vec::new();
    let mut cur = list;
    while let Term::Cons(cell) = cur {
        if limit == 0 {
            items.push(ellipsis());
            break;
        }
        limit = decrement(limit);
        let doc = to_doc(&cell.head, limit, opts);
        match &cell.tail {
            Term::EmptyList | Term::Cons(_) => {
                items.push(Item { doc, tail: None });
                cur = &cell.tail;
            }
            tail => {
                let tail = Some(to_doc(tail, limit, opts));
                items.push(Item { doc, tail });
                break;
            }
        }
    }
    items
}

/// `Inspect.List`: a charlist, a keyword list or a plain list.
fn list_doc(list: &Term, limit: Limit, opts: &InspectOpts) -> Doc {
    let as_charlist = match opts.charlists {
        Shown::Infer => is_printable_charlist(list, opts.printable_limit),
        Shown::AsData => false,
        Shown::AsText => is_code_points(list),
    };
    if as_charlist {
        return charlist_doc(list, opts.printable_limit);
    }
    if is_keyword(list) {
        let items = collect_items(list.iter_list(), limit, |pair, l| {
            keyword_doc(pair, l, opts)
        });
        return container_doc("[", items, "]", ",", BreakStyle::Strict);
    }
    let items = list_items(list, limit, opts);
    container_doc("[", items, "]", ",", BreakStyle::Maybe)
}

/// A proper list of Unicode code points (what `charlists: :as_charlists`
/// can print as text).
fn is_code_points(list: &Term) -> bool {
    let mut it = list.iter_list();
    let all = it.by_ref().all(
        |t| matches!(t, Term::Int(c) if u32::try_from(*c).ok().and_then(char::from_u32).is_some()),
    );
    all && matches!(it.tail(), Term::EmptyList)
}

/// `List.ascii_printable?(list, printable_limit)`.
fn is_printable_charlist(list: &Term, printable_limit: usize) -> bool {
    let mut it = list.iter_list();
    let mut n = 0;
    for elem in it.by_ref() {
        if n == printable_limit {
            return true;
        }
        match elem {
            Term::Int(c) if ascii_printable(*c) => n += 1,
            _ => return false,
        }
    }
    n == printable_limit || matches!(it.tail(), Term::EmptyList)
}

fn charlist_doc(list: &Term, printable_limit: usize) -> Doc {
    let text: String = list
        .iter_list()
        .take(printable_limit.saturating_add(1))
        .filter_map(|t| match t {
            Term::Int(c) => u32::try_from(*c).ok().and_then(char::from_u32),
            _ => None,
        })
        .collect();
    let (escaped, cut) = escape(text.as_bytes(), '\'', printable_limit);
    let more = if cut { " ++ ..." } else { "" };
    Doc::text(format!("'{escaped}'{more}"))
}

/// `Inspect.List.keyword?/1`: a proper list of `{atom, _}` pairs whose keys
/// are not aliases.
fn is_keyword(list: &Term) -> bool {
    let mut it = list.iter_list();
    let all_pairs = it.by_ref().all(|t| keyword_key(t).is_some());
    all_pairs && matches!(it.tail(), Term::EmptyList)
}

fn keyword_key(pair: &Term) -> Option<Atom> {
    match pair.as_tuple() {
        Some([Term::Atom(k), _])
            if !k.name().starts_with("Elixir.") && k.name() != "$vial_inspected" =>
        {
            Some(*k)
        }
        _ => None,
    }
}

/// `Inspect.List.keyword/2`: `key: value`.
fn keyword_doc(pair: &Term, limit: Limit, opts: &InspectOpts) -> Doc {
    match pair.as_tuple() {
        Some([Term::Atom(k), v]) => pair_doc(*k, v, limit, opts),
        _ => to_doc(pair, limit, opts),
    }
}

fn pair_doc(key: Atom, value: &Term, limit: Limit, opts: &InspectOpts) -> Doc {
    Doc::Concat(vec![
        Doc::text(atoms::key(key.name())),
        Doc::text(" "),
        to_doc(value, limit, opts),
    ])
}

/// `Inspect.Map`, or the struct's own printer when the map is a struct.
fn map_doc(map: &Map, limit: Limit, opts: &InspectOpts) -> Doc {
    if let Some(Term::Atom(module)) = map.get(&Term::Atom(Atom::STRUCT)).filter(|_| opts.structs) {
        if let Some(doc) = struct_doc(*module, map, limit, opts) {
            return doc;
        }
    }
    let keyword = map
        .keys()
        .all(|k| matches!(k, Term::Atom(a) if !a.name().starts_with("Elixir.")));
    let items = collect_items(
        map_order::entries(map).into_iter(),
        limit,
        |(k, v), l| match k {
            Term::Atom(a) if keyword => pair_doc(*a, v, l, opts),
            _ => Doc::Concat(vec![
                to_doc(k, l, opts),
                Doc::text(" => "),
                to_doc(v, l, opts),
            ]),
        },
    );
    container_doc("%{", items, "}", ",", BreakStyle::Strict)
}

/// Structs: ranges, map sets, then `Inspect.Any` (fields in `defstruct`
/// order, from `code::struct_fields`). `None` when the map is not a valid
/// instance of the struct, or `module` defines no struct, so it prints as a
/// plain map.
fn struct_doc(module: Atom, map: &Map, limit: Limit, opts: &InspectOpts) -> Option<Doc> {
    let field = |name: &str| map.get(&Term::atom(name));
    if module == Atom::ELIXIR_RANGE {
        if let (Some(first), Some(last), Some(step)) =
            (field("first"), field("last"), field("step"))
        {
            let mut docs = vec![
                to_doc(first, limit, opts),
                Doc::text(".."),
                to_doc(last, limit, opts),
            ];
            let ascending = last.compare(first) != std::cmp::Ordering::Less;
            if !(matches!(step, Term::Int(1)) && ascending) {
                docs.push(Doc::text("//"));
                docs.push(to_doc(step, limit, opts));
            }
            return Some(Doc::Concat(docs));
        }
    }
    if module.name() == "Elixir.MapSet" {
        if let Some(Term::Map(set)) = field("map") {
            let list = Term::list(
                map_order::entries(set)
                    .into_iter()
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>(),
            );
            let as_lists = InspectOpts {
                charlists: Shown::AsData,
                ..*opts
            };
            let inner = to_doc(&list, limit, &as_lists);
            return Some(Doc::Concat(vec![
                Doc::text("MapSet.new("),
                inner,
                Doc::text(")"),
            ]));
        }
    }
    // `__struct__` and `__exception__` are never shown; the other keys must
    // be exactly the struct's fields, or the map prints as a plain map.
    let shown = |a: &Atom| *a != Atom::STRUCT && *a != Atom::EXCEPTION;
    let own_keys = map.keys().filter(|k| k.as_atom().is_none_or(|a| shown(&a)));
    let fields: Vec<Atom> = match defstruct_fields(module) {
        Some(fields) => {
            let fields: Vec<Atom> = fields.iter().copied().filter(shown).collect();
            let exact = own_keys.count() == fields.len()
                && fields.iter().all(|a| map.contains_key(&Term::Atom(*a)));
            if !exact {
                return None;
            }
            fields
        }
        // No such struct (Elixir's `module.__struct__/0` raises): a plain
        // map.
        None => return None,
    };
    let name = atoms::literal(module.name());
    if let Some(shown) = inspect_fields(module) {
        // A derived Inspect that hides fields: `#Name<a: 1, ...>`.
        let mut items = collect_items(shown.iter(), limit, |f, l| {
            let value = map.get(&Term::Atom(*f)).unwrap_or(&Term::NIL);
            pair_doc(*f, value, l, opts)
        });
        items.push(ellipsis());
        return Some(container_doc(
            &format!("#{name}<"),
            items,
            ">",
            ",",
            BreakStyle::Strict,
        ));
    }
    let items = collect_items(fields.iter(), limit, |f, l| {
        let value = map.get(&Term::Atom(*f)).unwrap_or(&Term::NIL);
        pair_doc(*f, value, l, opts)
    });
    Some(container_doc(
        &format!("%{name}{{"),
        items,
        "}",
        ",",
        BreakStyle::Strict,
    ))
}

/// `Inspect.BitString`: a printable string in quotes, other binaries as
/// `<<1, 2, 3>>`, and every binary so when `base:` is not 10 (its bytes
/// in that base, `<<0x6F, 0x6B>>`).
fn binary_doc(bytes: &[u8], limit: Limit, opts: &InspectOpts) -> Doc {
    let as_string = match opts.binaries {
        Shown::Infer => printable_binary(bytes),
        Shown::AsData => false,
        Shown::AsText => true,
    };
    if opts.base == 10 && as_string {
        let (escaped, cut) = escape(bytes, '"', opts.printable_limit);
        let more = if cut { " <> ..." } else { "" };
        return Doc::text(format!("\"{escaped}\"{more}"));
    }
    // `each_bit/3`: `h,` glued with flex breaks, `...` at the limit.
    let mut docs = Vec::new();
    let mut counter = limit;
    for (i, b) in bytes.iter().enumerate() {
        if counter == 0 {
            docs.push(Doc::text("..."));
            break;
        }
        let text = integer_text(&Term::Int(*b as i64), opts.base);
        if i + 1 == bytes.len() {
            docs.push(Doc::text(text));
        } else {
            docs.push(Doc::text(format!("{text},")));
            docs.push(Doc::flex(" "));
        }
        counter = decrement(counter);
    }
    Doc::group(Doc::Concat(vec![
        Doc::text("<<"),
        Doc::nest(2, Doc::Concat(docs)),
        Doc::text(">>"),
    ]))
}

/// The struct's fields in `defstruct` order, from the code server.
#[cfg(not(test))]
fn defstruct_fields(module: Atom) -> Option<std::sync::Arc<[Atom]>> {
    crate::code::struct_fields(module)
}

/// The fields a derived `Inspect` of `module` shows, when it hides some.
fn inspect_fields(module: Atom) -> Option<Vec<Atom>> {
    crate::code::inspect_fields(module)
}

/// Tests declare structs with `test_terms::define_struct`.
#[cfg(test)]
fn defstruct_fields(module: Atom) -> Option<std::sync::Arc<[Atom]>> {
    super::test_terms::struct_fields(module).or_else(|| crate::code::struct_fields(module))
}
