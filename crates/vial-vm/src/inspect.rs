//! Printing terms as Elixir 1.14 does: `Kernel.inspect/2`, `IO.inspect/2`
//! and `String.Chars.to_string/1`, byte for byte.
//!
//! The rules come from Elixir 1.14's `lib/elixir/lib/inspect.ex` (the
//! `Inspect` implementations), `lib/elixir/lib/inspect/algebra.ex` (the
//! pretty printer) and OTP 25's `float_to_binary/2`:
//!
//! - `terms` turns a term into a document of the `algebra`, in the entry
//!   order of `map_order`;
//! - `algebra::format` lays the document out in a width;
//! - `atoms`, `escape` and `float` spell atoms, strings and floats;
//! - `chars` is `to_string/1`.
//!
//! Not reproduced: maps of more than 32 keys print in key order, while the
//! BEAM prints them in its hash order; functions and references print with
//! made-up numbers (`#Function<0.0/1 in Mod>`, `#Reference<0.0.0.N>`).

mod algebra;
mod atoms;
mod chars;
mod escape;
pub(crate) mod float;
pub(crate) mod map_hash;
pub(crate) mod map_order;
mod terms;
#[cfg(test)]
mod test_terms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pretty;

use crate::term::Term;

pub use float::format_float;

/// The options of `Inspect.Opts` that Vial supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InspectOpts {
    /// Line width for pretty printing (`:width`, default 80).
    pub width: usize,
    /// Items shown per list, tuple, map or binary before `...` (`:limit`,
    /// default 50); `usize::MAX` is `:infinity`.
    pub limit: usize,
    /// Whether to break lines at `width` (`:pretty`). `inspect/1` does not;
    /// `IO.inspect/2` always formats in `width`, like `pretty: true`.
    pub pretty: bool,
    /// `charlists:`: whether a list of integers prints as a list or as a
    /// charlist.
    pub charlists: Shown,
    /// Characters of a string or charlist shown before ` <> ...`
    /// (`:printable_limit`, default 4096).
    pub printable_limit: usize,
    /// The base integers print in (`:base`: 2, 8, 10 or 16, shown with
    /// `0b`, `0o` or `0x` and uppercase hex digits).
    pub base: u32,
    /// `structs: false` prints a struct as the map it is.
    pub structs: bool,
    /// `binaries:`: whether a binary prints as `<<bytes>>` or as a string.
    pub binaries: Shown,
}

/// How Inspect.Opts' `charlists:` and `binaries:` show a list of integers
/// or a binary.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shown {
    /// `:infer`, the default: as text when every character is printable.
    Infer,
    /// `:as_lists` or `:as_binaries`: always as data (`[97]`, `<<97>>`).
    AsData,
    /// `:as_charlists` or `:as_strings`: always as text, unprintable
    /// characters escaped (`'\x01'`, `"\xFF"`), unless the list holds
    /// something other than code points.
    AsText,
}

impl Default for InspectOpts {
    /// `Inspect.Opts.new([])`: width 80, limit 50, not pretty, charlists
    /// inferred.
    fn default() -> InspectOpts {
        InspectOpts {
            width: 80,
            limit: 50,
            pretty: false,
            charlists: Shown::Infer,
            printable_limit: escape::PRINTABLE_LIMIT,
            base: 10,
            structs: true,
            binaries: Shown::Infer,
        }
    }
}

impl InspectOpts {
    /// The options `IO.inspect/2` prints with: lines broken at 80 columns.
    pub fn io() -> InspectOpts {
        InspectOpts {
            pretty: true,
            ..InspectOpts::default()
        }
    }
}

/// `Kernel.inspect/1`: the term on one line, with the default limit of 50
/// items per collection (`inspect.ex`, Elixir 1.14).
pub fn inspect(term: &Term) -> String {
    inspect_with(term, &InspectOpts::default())
}

/// `Kernel.inspect/2`: `group(to_doc(term))` laid out in `opts.width` when
/// `opts.pretty`, else on one line (Elixir 1.14 `Kernel.inspect/2`).
pub fn inspect_with(term: &Term, opts: &InspectOpts) -> String {
    let doc = algebra::Doc::group(terms::to_doc(term, opts.limit, opts));
    algebra::format(&doc, opts.pretty.then_some(opts.width))
}

/// What `IO.inspect(term)` and `IO.inspect(term, label: label)` print,
/// without the final newline: `label: ` then the term pretty-printed in 80
/// columns. The label does not count toward the width (Elixir 1.14
/// `IO.inspect/3`).
pub fn inspect_labeled(label: Option<&str>, term: &Term) -> String {
    let body = inspect_with(term, &InspectOpts::io());
    match label {
        Some(label) => format!("{label}: {body}"),
        None => body,
    }
}

/// `String.Chars.to_string/1`, used by string interpolation and `IO.puts`:
/// strings as they are, atoms by name (`nil` is empty, `Foo` is
/// `Elixir.Foo`), numbers as `inspect` prints them except that whole floats
/// are short (`2.0e10`), and chardata lists as their UTF-8 text.
///
/// `None` when the term has no `String.Chars` implementation (tuples, maps,
/// pids, references, functions: the caller raises `Protocol.UndefinedError`)
/// or is a list that is not chardata. A binary that is not UTF-8 comes back
/// lossily; use [`to_string_bytes`] to keep its bytes.
pub fn to_string(term: &Term) -> Option<String> {
    to_string_bytes(term).map(|b| match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// [`to_string`] as the exact bytes (Elixir 1.14
/// `lib/elixir/lib/string/chars.ex`).
pub fn to_string_bytes(term: &Term) -> Option<Vec<u8>> {
    chars::to_string_bytes(term)
}
