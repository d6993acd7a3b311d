//! Data-structure BIFs: lists, tuples, maps, binaries and strings.
//!
//! This file holds the registration table and the helpers every BIF file
//! shares (Erlang's error texts); the functions live in the submodules, one
//! per kind of data. Each is a plain function of its arguments, so unit tests
//! call it without a running VM; the table wraps it as a [`BifFn`].
//!
//! [`BifFn`]: super::BifFn

use super::{bif, BifDef};
use crate::atom::Atom;
use crate::error::{exception_struct, Exception};
use crate::term::Term;

mod atoms;
mod binaries;
mod erl_sort;
mod grapheme_tables;
pub(crate) mod hash;
mod lists;
mod maps;
pub(crate) mod patterns;
mod strings;
mod tuples;
mod unicode;

/// What every BIF returns.
pub(super) type BifResult = Result<Term, Exception>;

pub(super) static BIFS: &[BifDef] = &[
    // ---- Kernel (inlined to :erlang in Elixir, so Erlang's errors) --------
    bif!("Elixir.Kernel", "hd", 1, |_, a| lists::hd(&a[0])),
    bif!("Elixir.Kernel", "tl", 1, |_, a| lists::tl(&a[0])),
    bif!("Elixir.Kernel", "length", 1, |_, a| lists::length(&a[0])),
    bif!("Elixir.Kernel", "++", 2, |_, a| lists::append(&a[0], &a[1])),
    bif!("Elixir.Kernel", "--", 2, |_, a| lists::subtract(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "elem", 2, |_, a| tuples::elem(
        &a[0], &a[1]
    )),
    bif!("Elixir.Kernel", "put_elem", 3, |_, a| {
        tuples::put_elem(&a[0], &a[1], &a[2])
    }),
    bif!("Elixir.Kernel", "tuple_size", 1, |_, a| tuples::tuple_size(
        &a[0]
    )),
    bif!("Elixir.Kernel", "map_size", 1, |_, a| maps::size(&a[0])),
    bif!("Elixir.Kernel", "byte_size", 1, |_, a| binaries::byte_size(
        &a[0]
    )),
    bif!("Elixir.Kernel", "<>", 2, |_, a| binaries::concat(
        &a[0], &a[1]
    )),
    // ---- :erlang ------------------------------------------------------------
    bif!("erlang", "hd", 1, |_, a| lists::hd(&a[0])),
    bif!("erlang", "tl", 1, |_, a| lists::tl(&a[0])),
    bif!("erlang", "length", 1, |_, a| lists::length(&a[0])),
    bif!("erlang", "++", 2, |_, a| lists::append(&a[0], &a[1])),
    bif!("erlang", "--", 2, |_, a| lists::subtract(&a[0], &a[1])),
    bif!("erlang", "element", 2, |_, a| tuples::element(&a[0], &a[1])),
    bif!("erlang", "setelement", 3, |_, a| {
        tuples::setelement(&a[0], &a[1], &a[2])
    }),
    bif!("erlang", "tuple_size", 1, |_, a| tuples::tuple_size(&a[0])),
    bif!("erlang", "tuple_to_list", 1, |_, a| tuples::to_list(&a[0])),
    bif!("erlang", "list_to_tuple", 1, |_, a| tuples::from_list(
        &a[0]
    )),
    bif!("erlang", "append_element", 2, |_, a| {
        tuples::append_element(&a[0], &a[1])
    }),
    bif!("erlang", "make_tuple", 2, |_, a| tuples::make_tuple(
        &a[0], &a[1]
    )),
    bif!("erlang", "map_size", 1, |_, a| maps::size(&a[0])),
    bif!("erlang", "byte_size", 1, |_, a| binaries::byte_size(&a[0])),
    bif!("erlang", "atom_to_binary", 1, |_, a| atoms::atom_to_binary(
        &a[0]
    )),
    bif!("erlang", "binary_to_atom", 1, |_, a| atoms::binary_to_atom(
        &a[0], None
    )),
    bif!("erlang", "binary_to_atom", 2, |_, a| atoms::binary_to_atom(
        &a[0],
        Some(&a[1])
    )),
    bif!("erlang", "binary_to_existing_atom", 1, |_, a| {
        atoms::binary_to_existing_atom(&a[0], None)
    }),
    bif!("erlang", "binary_to_existing_atom", 2, |_, a| {
        atoms::binary_to_existing_atom(&a[0], Some(&a[1]))
    }),
    bif!("erlang", "list_to_atom", 1, |_, a| atoms::list_to_atom(
        &a[0]
    )),
    bif!("erlang", "list_to_existing_atom", 1, |_, a| {
        atoms::list_to_existing_atom(&a[0])
    }),
    bif!("erlang", "delete_element", 2, |_, a| {
        tuples::delete_element(&a[0], &a[1])
    }),
    bif!("erlang", "insert_element", 3, |_, a| {
        tuples::insert_element(&a[0], &a[1], &a[2])
    }),
    bif!("erlang", "phash2", 1, |_, a| hash::phash2(&a[0])),
    bif!("erlang", "phash2", 2, |_, a| hash::phash2_range(
        &a[0], &a[1]
    )),
    // ---- :lists ---------------------------------------------------------------
    bif!("lists", "reverse", 1, |_, a| lists::reverse(&a[0])),
    bif!("lists", "reverse", 2, |_, a| lists::reverse2(&a[0], &a[1])),
    bif!("lists", "member", 2, |_, a| lists::member(&a[0], &a[1])),
    bif!("lists", "keyfind", 3, |_, a| lists::keyfind(
        &a[0], &a[1], &a[2]
    )),
    bif!("lists", "sort", 1, |_, a| lists::sort(&a[0])),
    bif!("lists", "seq", 2, |_, a| lists::seq(&a[0], &a[1])),
    bif!("lists", "nth", 2, |_, a| lists::nth(&a[0], &a[1])),
    bif!("lists", "last", 1, |_, a| lists::erl_last(&a[0])),
    bif!("lists", "flatten", 1, |_, a| lists::erl_flatten(&a[0])),
    bif!("lists", "sum", 1, |_, a| lists::sum(&a[0])),
    bif!("lists", "max", 1, |_, a| lists::max(&a[0])),
    bif!("lists", "min", 1, |_, a| lists::min(&a[0])),
    bif!("lists", "duplicate", 2, |_, a| lists::erl_duplicate(
        &a[0], &a[1]
    )),
    bif!("lists", "zip", 2, |_, a| lists::zip(&a[0], &a[1])),
    bif!("lists", "append", 1, |_, a| lists::append_all(&a[0])),
    // ---- List -----------------------------------------------------------------
    bif!("Elixir.List", "first", 1, |_, a| lists::first(&a[0])),
    bif!("Elixir.List", "last", 1, |_, a| lists::last(&a[0])),
    bif!("Elixir.List", "flatten", 1, |_, a| lists::flatten(&a[0])),
    bif!("Elixir.List", "to_tuple", 1, |_, a| tuples::from_list(
        &a[0]
    )),
    bif!("Elixir.List", "wrap", 1, |_, a| lists::wrap(&a[0])),
    bif!("Elixir.List", "duplicate", 2, |_, a| lists::duplicate(
        &a[0], &a[1]
    )),
    bif!("Elixir.List", "delete", 2, |_, a| lists::delete(
        &a[0], &a[1]
    )),
    bif!("Elixir.List", "insert_at", 3, |_, a| {
        lists::insert_at(&a[0], &a[1], &a[2])
    }),
    // ---- Tuple ----------------------------------------------------------------
    bif!("Elixir.Tuple", "to_list", 1, |_, a| tuples::to_list(&a[0])),
    bif!("Elixir.Tuple", "append", 2, |_, a| tuples::append_element(
        &a[0], &a[1]
    )),
    bif!("Elixir.Tuple", "delete_at", 2, |_, a| tuples::delete_at(
        &a[0], &a[1]
    )),
    bif!("Elixir.Tuple", "insert_at", 3, |_, a| {
        tuples::insert_at(&a[0], &a[1], &a[2])
    }),
    bif!("Elixir.Tuple", "duplicate", 2, |_, a| tuples::duplicate(
        &a[0], &a[1]
    )),
    // ---- Map --------------------------------------------------------------------
    bif!("Elixir.Map", "get", 2, |_, a| maps::get(
        &a[0],
        &a[1],
        &Term::NIL
    )),
    bif!("Elixir.Map", "get", 3, |_, a| maps::get(
        &a[0], &a[1], &a[2]
    )),
    bif!("Elixir.Map", "put", 3, |_, a| maps::put(
        &a[0], &a[1], &a[2]
    )),
    bif!("Elixir.Map", "fetch", 2, |_, a| maps::fetch(&a[0], &a[1])),
    bif!("Elixir.Map", "fetch!", 2, |_, a| maps::fetch_bang(
        &a[0], &a[1]
    )),
    bif!("Elixir.Map", "has_key?", 2, |_, a| maps::has_key(
        &a[0], &a[1]
    )),
    bif!("Elixir.Map", "keys", 1, |_, a| maps::keys(&a[0])),
    bif!("Elixir.Map", "values", 1, |_, a| maps::values(&a[0])),
    bif!("Elixir.Map", "to_list", 1, |_, a| maps::to_list(&a[0])),
    bif!("vial_enum", "fold_list", 1, |_, a| maps::fold_list(&a[0])),
    bif!("Elixir.Map", "delete", 2, |_, a| maps::delete(&a[0], &a[1])),
    bif!("Elixir.Map", "merge", 2, |_, a| maps::merge(&a[0], &a[1])),
    bif!("Elixir.Map", "new", 0, |_, _| Ok(Term::map(
        Default::default()
    ))),
    bif!("Elixir.Map", "from_struct", 1, |_, a| maps::from_struct(
        &a[0]
    )),
    bif!("Elixir.Map", "take", 2, |_, a| maps::take(&a[0], &a[1])),
    bif!("Elixir.Map", "drop", 2, |_, a| maps::drop(&a[0], &a[1])),
    bif!("Elixir.Map", "pop", 2, |_, a| maps::pop(
        &a[0],
        &a[1],
        &Term::NIL
    )),
    bif!("Elixir.Map", "pop", 3, |_, a| maps::pop(
        &a[0], &a[1], &a[2]
    )),
    bif!("Elixir.Map", "put_new", 3, |_, a| maps::put_new(
        &a[0], &a[1], &a[2]
    )),
    // ---- :maps (note the map comes last) ----------------------------------------
    bif!("maps", "get", 2, |_, a| maps::fetch_bang(&a[1], &a[0])),
    bif!("maps", "get", 3, |_, a| maps::get(&a[1], &a[0], &a[2])),
    bif!("maps", "put", 3, |_, a| maps::put(&a[2], &a[0], &a[1])),
    bif!("maps", "is_key", 2, |_, a| maps::has_key(&a[1], &a[0])),
    bif!("maps", "keys", 1, |_, a| maps::keys(&a[0])),
    bif!("maps", "values", 1, |_, a| maps::values(&a[0])),
    bif!("maps", "to_list", 1, |_, a| maps::to_list(&a[0])),
    bif!("maps", "from_list", 1, |_, a| maps::from_list(&a[0])),
    bif!("maps", "remove", 2, |_, a| maps::delete(&a[1], &a[0])),
    bif!("maps", "merge", 2, |_, a| maps::merge(&a[0], &a[1])),
    bif!("maps", "size", 1, |_, a| maps::size(&a[0])),
    // ---- String -------------------------------------------------------------------
    bif!("Elixir.String", "length", 1, |_, a| strings::length(&a[0])),
    bif!("Elixir.String", "upcase", 1, |_, a| strings::upcase(&a[0])),
    bif!("Elixir.String", "downcase", 1, |_, a| strings::downcase(
        &a[0]
    )),
    bif!(
        "Elixir.String",
        "capitalize",
        1,
        |_, a| strings::capitalize(&a[0])
    ),
    bif!("Elixir.String", "reverse", 1, |_, a| strings::reverse(
        &a[0]
    )),
    bif!("Elixir.String", "trim", 1, |_, a| strings::trim(&a[0])),
    bif!("Elixir.String", "trim_leading", 1, |_, a| {
        strings::trim_leading(&a[0])
    }),
    bif!("Elixir.String", "trim_trailing", 1, |_, a| {
        strings::trim_trailing(&a[0])
    }),
    bif!("Elixir.String", "split", 1, |_, a| {
        strings::split_whitespace(&a[0])
    }),
    bif!("Elixir.String", "split", 2, |_, a| patterns::split(
        &a[0], &a[1]
    )),
    bif!("Elixir.String", "contains?", 2, |_, a| patterns::contains(
        &a[0], &a[1]
    )),
    bif!("Elixir.String", "starts_with?", 2, |_, a| {
        patterns::starts_with(&a[0], &a[1])
    }),
    bif!(
        "Elixir.String",
        "ends_with?",
        2,
        |_, a| patterns::ends_with(&a[0], &a[1])
    ),
    // String.replace/3's string-replacement case (`lib/string.ex`).
    bif!("vial_string", "replace", 3, |_, a| {
        patterns::replace(&a[0], &a[1], &a[2])
    }),
    bif!("Elixir.String", "duplicate", 2, |_, a| binaries::duplicate(
        &a[0], &a[1]
    )),
    bif!("Elixir.String", "to_atom", 1, |_, a| {
        atoms::binary_to_atom(&a[0], None)
    }),
    bif!("Elixir.String", "to_charlist", 1, |_, a| {
        binaries::to_charlist(&a[0])
    }),
    bif!("Elixir.String", "slice", 3, |_, a| strings::slice(
        &a[0], &a[1], &a[2]
    )),
    bif!("Elixir.String", "at", 2, |_, a| strings::at(&a[0], &a[1])),
    bif!("Elixir.String", "first", 1, |_, a| strings::first(&a[0])),
    bif!("Elixir.String", "last", 1, |_, a| strings::last(&a[0])),
    bif!("Elixir.String", "graphemes", 1, |_, a| strings::graphemes(
        &a[0]
    )),
    bif!(
        "Elixir.String",
        "codepoints",
        1,
        |_, a| strings::codepoints(&a[0])
    ),
    bif!("Elixir.String", "pad_leading", 2, |_, a| {
        strings::pad(&a[0], &a[1], &Term::string(" "), strings::Side::Leading)
    }),
    bif!("Elixir.String", "pad_leading", 3, |_, a| {
        strings::pad(&a[0], &a[1], &a[2], strings::Side::Leading)
    }),
    bif!("Elixir.String", "pad_trailing", 2, |_, a| {
        strings::pad(&a[0], &a[1], &Term::string(" "), strings::Side::Trailing)
    }),
    bif!("Elixir.String", "pad_trailing", 3, |_, a| {
        strings::pad(&a[0], &a[1], &a[2], strings::Side::Trailing)
    }),
];

/// Erlang's extended error text for a BIF that rejects some arguments, as
/// Elixir shows it (`ArgumentError` built by `erl_erts_errors` error info):
/// `errors were found at the given arguments:\n\n  * 1st argument: not a list\n`.
pub(super) fn arg_errors(errors: &[(usize, &str)]) -> Exception {
    let mut msg = String::from("errors were found at the given arguments:\n\n");
    for (n, what) in errors {
        let suffix = match n {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        msg.push_str(&format!("  * {n}{suffix} argument: {what}\n"));
    }
    Exception::argument(msg)
}

/// [`arg_errors`] for a single argument (numbered from 1).
pub(super) fn arg_error(n: usize, what: &str) -> Exception {
    arg_errors(&[(n, what)])
}

/// `%FunctionClauseError{}` for `module.function/arity`, as raised when no
/// clause of an Elixir or Erlang library function matches (`module` is the
/// full atom text, `"Elixir.String"` or `"lists"`).
pub(super) fn function_clause(module: &str, function: &str, arity: u32) -> Exception {
    Exception::error(exception_struct(
        "FunctionClauseError",
        [
            ("module", Term::atom(module)),
            ("function", Term::atom(function)),
            ("arity", Term::Int(i64::from(arity))),
            ("kind", Term::NIL),
            ("args", Term::NIL),
            ("clauses", Term::NIL),
        ],
    ))
}

/// `%SystemLimitError{}` (an atom longer than 255 characters, ...).
pub(super) fn system_limit() -> Exception {
    Exception::error(exception_struct(
        "SystemLimitError",
        [("message", Term::string("a system limit has been reached"))],
    ))
}

/// `{:ok, value}`.
pub(super) fn ok_tuple(value: Term) -> Term {
    Term::tuple([Term::OK, value])
}

/// The atom `:error`.
pub(super) fn error_atom() -> Term {
    Term::Atom(Atom::ERROR)
}

/// A non-negative `Int` that fits in `usize`.
pub(super) fn as_index(t: &Term) -> Option<usize> {
    match t {
        Term::Int(i) => usize::try_from(*i).ok(),
        _ => None,
    }
}

/// Term builders and error readers for the submodules' unit tests.
#[cfg(test)]
mod test_util {
    use super::BifResult;
    use crate::term::Term;

    /// A string term.
    pub fn s(x: &str) -> Term {
        Term::string(x)
    }

    /// A list of string terms.
    pub fn strs(v: &[&str]) -> Term {
        Term::list(v.iter().map(|x| s(x)).collect::<Vec<_>>())
    }

    /// The message of the exception a failed BIF call raised.
    pub fn msg(r: BifResult) -> String {
        crate::error::message(&r.unwrap_err().reason)
    }
}
