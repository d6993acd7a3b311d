//! Vial's standard library, written in Vial (`lib/*.ex`) and embedded in
//! the binary. The CLI compiles and loads these sources at boot, before the
//! user's program, in the order listed.

/// `(pseudo-file name, source text)` of each library file, in load order.
/// The names appear in stack traces and diagnostics as `<stdlib/enum.ex>`.
pub const SOURCES: &[(&str, &str)] = &[
    ("<stdlib/kernel.ex>", include_str!("../lib/kernel.ex")),
    ("<stdlib/exception.ex>", include_str!("../lib/exception.ex")),
    (
        "<stdlib/exceptions.ex>",
        include_str!("../lib/exceptions.ex"),
    ),
    ("<stdlib/enum.ex>", include_str!("../lib/enum.ex")),
    ("<stdlib/list.ex>", include_str!("../lib/list.ex")),
    ("<stdlib/map.ex>", include_str!("../lib/map.ex")),
    ("<stdlib/keyword.ex>", include_str!("../lib/keyword.ex")),
    ("<stdlib/string.ex>", include_str!("../lib/string.ex")),
    ("<stdlib/integer.ex>", include_str!("../lib/integer.ex")),
    ("<stdlib/float.ex>", include_str!("../lib/float.ex")),
    ("<stdlib/atom.ex>", include_str!("../lib/atom.ex")),
    ("<stdlib/tuple.ex>", include_str!("../lib/tuple.ex")),
    ("<stdlib/function.ex>", include_str!("../lib/function.ex")),
    ("<stdlib/range.ex>", include_str!("../lib/range.ex")),
    ("<stdlib/access.ex>", include_str!("../lib/access.ex")),
    ("<stdlib/map_set.ex>", include_str!("../lib/map_set.ex")),
    ("<stdlib/stream.ex>", include_str!("../lib/stream.ex")),
    ("<stdlib/process.ex>", include_str!("../lib/process.ex")),
    (
        "<stdlib/gen_server.ex>",
        include_str!("../lib/gen_server.ex"),
    ),
];
