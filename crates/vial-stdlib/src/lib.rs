//! Vial's standard library, written in Vial (`lib/*.ex`) and embedded in
//! the binary. The CLI compiles and loads these sources at boot, before the
//! user's program, in the order listed.

/// `(pseudo-file name, source text)` of each library file, in load order.
/// The names appear in stack traces and diagnostics as `<stdlib/enum.ex>`.
pub const SOURCES: &[(&str, &str)] = &[
    ("<stdlib/exception.ex>", include_str!("../lib/exception.ex")),
    (
        "<stdlib/exceptions.ex>",
        include_str!("../lib/exceptions.ex"),
    ),
    ("<stdlib/enum.ex>", include_str!("../lib/enum.ex")),
    ("<stdlib/process.ex>", include_str!("../lib/process.ex")),
];
