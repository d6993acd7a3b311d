//! A document algebra and its layout engine, after `Inspect.Algebra` of
//! Elixir 1.14 (`lib/elixir/lib/inspect/algebra.ex`), itself after Lindig's
//! "Strictly Pretty" (2000).
//!
//! Only the parts the term printer needs are here: text, strict and flex
//! breaks, nesting, groups, and `container_doc/6`. The layout rules are
//! Elixir's, including its quirks:
//!
//! - A group is laid out flat when its own contents fit the rest of the line;
//!   what follows the group is not considered. A group without breaks always
//!   "fits".
//! - In a broken group, a strict break is always a newline, while a flex break
//!   stays a space when the text up to the next break fits.
//! - Widths are measured in bytes, as Elixir measures binaries.

/// A document: what to print, and where it may break lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    /// Nothing (`:doc_nil`).
    Nil,
    /// Literal text, measured by its byte length.
    Text(String),
    /// Documents one after another (`concat/1`).
    Concat(Vec<Doc>),
    /// Indent the lines a break starts inside `doc` by `indent` more columns
    /// (`nest/2` with mode `:always`).
    Nest(usize, Box<Doc>),
    /// `sep` when laid out flat, a newline plus indentation otherwise.
    /// `flex: false` is `break/1`, `flex: true` is `flex_break/1`.
    Break { sep: &'static str, flex: bool },
    /// Lay out `doc` flat if it fits, else break it (`group/1`).
    Group(Box<Doc>),
}

impl Doc {
    /// `string` as literal text.
    pub fn text(s: impl Into<String>) -> Doc {
        Doc::Text(s.into())
    }

    /// `group(doc)`.
    pub fn group(doc: Doc) -> Doc {
        Doc::Group(Box::new(doc))
    }

    /// `nest(doc, indent)`; a zero indent is the document itself.
    pub fn nest(indent: usize, doc: Doc) -> Doc {
        if indent == 0 {
            doc
        } else {
            Doc::Nest(indent, Box::new(doc))
        }
    }

    /// `flex_break(" ")`: a flex break.
    pub fn flex(sep: &'static str) -> Doc {
        Doc::Break { sep, flex: true }
    }

    /// `glue(a, sep, b)` (strict) or `flex_glue(a, sep, b)` (flex).
    pub fn glue(a: Doc, sep: &'static str, flex: bool, b: Doc) -> Doc {
        Doc::Concat(vec![a, Doc::Break { sep, flex }, b])
    }

    /// Whether the document is only text (`simple?/1` in `container_doc`):
    /// lists of such elements fill lines instead of breaking at every item.
    pub fn is_simple(&self) -> bool {
        match self {
            Doc::Nil | Doc::Text(_) => true,
            Doc::Concat(docs) => docs.iter().all(Doc::is_simple),
            _ => false,
        }
    }
}

/// How `container_doc` separates its items (its `:break` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakStyle {
    /// Every break a newline once the container does not fit (maps, keyword
    /// lists).
    Strict,
    /// Fill each line with as many items as fit (tuples, binaries).
    Flex,
    /// `Flex` if every item is simple text, else `Strict` (lists).
    Maybe,
}

/// One item of a container: a term's document, or the `...` that replaces
/// the items past the limit.
pub struct Item {
    pub doc: Doc,
    /// For the last item of an improper list: the tail's document, printed
    /// after ` |`.
    pub tail: Option<Doc>,
}

/// `Inspect.Algebra.container_doc/6`: `left`, the items separated by `sep`
/// and breaks, then `right`. The caller has already cut the items at the
/// limit (with a final `...` item).
pub fn container_doc(
    left: &str,
    items: Vec<Item>,
    right: &str,
    sep: &str,
    style: BreakStyle,
) -> Doc {
    if items.is_empty() {
        return Doc::text(format!("{left}{right}"));
    }
    let mut simple = style == BreakStyle::Maybe;
    let mut docs = Vec::with_capacity(items.len());
    for item in items {
        simple = simple && item.doc.is_simple();
        match item.tail {
            None => docs.push(item.doc),
            Some(tail) => {
                // `[left | right]` is joined with the simplicity of both sides.
                simple = simple && tail.is_simple();
                docs.push(join(item.doc, tail, simple, " |"));
            }
        }
    }
    let flex = simple || style == BreakStyle::Flex;
    let mut joined = docs.pop().unwrap_or(Doc::Nil);
    while let Some(doc) = docs.pop() {
        joined = join(doc, joined, flex, sep);
    }
    if flex {
        Doc::group(Doc::Concat(vec![
            Doc::text(left),
            Doc::nest(1, joined),
            Doc::text(right),
        ]))
    } else {
        let inner = Doc::glue(Doc::text(left), "", false, joined);
        Doc::group(Doc::glue(Doc::nest(2, inner), "", false, Doc::text(right)))
    }
}

/// `join/4` of `container_doc`: `left <> sep`, a break, then `right`.
fn join(left: Doc, right: Doc, flex: bool, sep: &str) -> Doc {
    let left = Doc::Concat(vec![left, Doc::text(sep)]);
    Doc::glue(left, " ", flex, right)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Flat,
    Break,
}

/// An entry of the layout stacks: indentation, mode and document.
type Entry<'a> = (usize, Mode, &'a Doc);

/// `Inspect.Algebra.format/2`: lays `doc` out in `width` columns (`None` is
/// `:infinity`, where every group is flat). The document starts flat, so only
/// its groups can break.
pub fn format(doc: &Doc, width: Option<usize>) -> String {
    let mut out = String::new();
    let mut stack: Vec<Entry> = vec![(0, Mode::Flat, doc)];
    let mut col = 0usize;
    while let Some((indent, mode, doc)) = stack.pop() {
        match doc {
            Doc::Nil => {}
            Doc::Text(s) => {
                out.push_str(s);
                col += s.len();
            }
            Doc::Concat(docs) => stack.extend(docs.iter().rev().map(|d| (indent, mode, d))),
            Doc::Nest(j, inner) => stack.push((indent + j, mode, inner)),
            Doc::Break { sep, flex } => {
                let flat = if *flex {
                    let after = col + sep.len();
                    match width {
                        None => true,
                        Some(w) => mode == Mode::Flat || fits(w, after, true, &[], &stack),
                    }
                } else {
                    mode == Mode::Flat
                };
                if flat {
                    out.push_str(sep);
                    col += sep.len();
                } else {
                    out.push('\n');
                    out.push_str(&" ".repeat(indent));
                    col = indent;
                }
            }
            Doc::Group(inner) => {
                let flat = match width {
                    None => true,
                    Some(w) => fits(w, col, false, &[(indent, Mode::Flat, inner)], &[]),
                };
                stack.push((indent, if flat { Mode::Flat } else { Mode::Break }, inner));
            }
        }
    }
    out
}

/// An entry of the fitting stack: a document, or the marker that restores
/// the "seen a break" flag when a group's contents are done (`{:tail, b?, t}`).
enum Fit<'a> {
    Doc(Entry<'a>),
    EndGroup(bool),
}

/// `fits?/4`: whether the entries `first` (top of stack last) followed by the
/// `rest` of the layout stack fit in `w` columns starting at column `k`.
///
/// Text alone never fails: the answer is "no" only once a break has been
/// seen (`broke`) and the column is past `w`. A break in break mode ends the
/// search with "yes", since a newline follows.
fn fits(w: usize, mut k: usize, mut broke: bool, first: &[Entry], rest: &[Entry]) -> bool {
    let mut stack: Vec<Fit> = first.iter().map(|&e| Fit::Doc(e)).collect();
    let mut rest = rest.iter().rev();
    loop {
        if k > w && broke {
            return false;
        }
        let entry = match stack.pop() {
            Some(Fit::EndGroup(b)) => {
                broke = b;
                continue;
            }
            Some(Fit::Doc(e)) => e,
            None => match rest.next() {
                Some(&e) => e,
                None => return true,
            },
        };
        match entry {
            (_, Mode::Break, Doc::Break { .. }) => return true,
            (i, Mode::Break, Doc::Group(inner)) => {
                stack.push(Fit::EndGroup(broke));
                stack.push(Fit::Doc((i, Mode::Flat, inner)));
            }
            (_, _, Doc::Nil) => {}
            (_, _, Doc::Text(s)) => k += s.len(),
            (_, _, Doc::Break { sep, .. }) => {
                k += sep.len();
                broke = true;
            }
            (i, m, Doc::Nest(j, inner)) => stack.push(Fit::Doc((i + j, m, inner))),
            (i, m, Doc::Concat(docs)) => {
                stack.extend(docs.iter().rev().map(|d| Fit::Doc((i, m, d))))
            }
            (i, m, Doc::Group(inner)) => {
                stack.push(Fit::EndGroup(broke));
                stack.push(Fit::Doc((i, m, inner)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(words: &[&str]) -> Vec<Item> {
        words
            .iter()
            .map(|w| Item {
                doc: Doc::text(*w),
                tail: None,
            })
            .collect()
    }

    // The doctests of Inspect.Algebra (Elixir 1.14).
    #[test]
    fn glue_breaks_when_the_group_does_not_fit() {
        let doc = Doc::group(Doc::glue(
            Doc::text("a".repeat(20)),
            " ",
            false,
            Doc::text("b"),
        ));
        assert_eq!(format(&doc, Some(10)), format!("{}\nb", "a".repeat(20)));
        assert_eq!(format(&doc, Some(80)), format!("{} b", "a".repeat(20)));
    }

    #[test]
    fn nested_groups_break_outside_in() {
        let inner = Doc::group(Doc::glue(Doc::text("Hello,"), " ", false, Doc::text("A")));
        let doc = Doc::group(Doc::glue(inner, " ", false, Doc::text("B")));
        assert_eq!(format(&doc, Some(80)), "Hello, A B");
        assert_eq!(format(&doc, Some(6)), "Hello,\nA\nB");
    }

    #[test]
    fn container_doc_fills_lines_with_simple_items() {
        let doc = container_doc(
            "[",
            items(&["1", "2", "3", "4", "5"]),
            "]",
            ",",
            BreakStyle::Maybe,
        );
        assert_eq!(format(&doc, Some(5)), "[1,\n 2,\n 3,\n 4,\n 5]");
        assert_eq!(format(&doc, Some(9)), "[1, 2, 3,\n 4, 5]");
        assert_eq!(format(&doc, None), "[1, 2, 3, 4, 5]");
    }

    #[test]
    fn strict_container_breaks_every_item() {
        let doc = container_doc("%{", items(&["a: 1", "b: 2"]), "}", ",", BreakStyle::Strict);
        assert_eq!(format(&doc, Some(8)), "%{\n  a: 1,\n  b: 2\n}");
        assert_eq!(format(&doc, Some(80)), "%{a: 1, b: 2}");
    }
}
