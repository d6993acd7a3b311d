//! Vial's standard library, written in Vial (`lib/*.ex`) and embedded in
//! the binary. The CLI compiles and loads these sources at boot, before the
//! user's program, in the order listed.

/// `("<stdlib/NAME>", source text)` for `lib/NAME`.
macro_rules! lib {
    ($name:literal) => {
        (
            concat!("<stdlib/", $name, ">"),
            include_str!(concat!("../lib/", $name)),
        )
    };
}

/// `(pseudo-file name, source text)` of each library file, in load order.
/// The names appear in stack traces and diagnostics as `<stdlib/enum.ex>`.
pub const SOURCES: &[(&str, &str)] = &[
    lib!("kernel.ex"),
    lib!("exception.ex"),
    lib!("exceptions.ex"),
    lib!("enum.ex"),
    lib!("list.ex"),
    lib!("map.ex"),
    lib!("keyword.ex"),
    lib!("string.ex"),
    lib!("integer.ex"),
    lib!("float.ex"),
    lib!("atom.ex"),
    lib!("tuple.ex"),
    lib!("function.ex"),
    lib!("module.ex"),
    lib!("base.ex"),
    lib!("path.ex"),
    lib!("range.ex"),
    lib!("access.ex"),
    lib!("map_set.ex"),
    lib!("stream.ex"),
    lib!("process.ex"),
    lib!("io.ex"),
    lib!("system.ex"),
    lib!("protocols.ex"),
    lib!("gen_server.ex"),
    lib!("supervisor.ex"),
    lib!("supervisor_server.ex"),
    lib!("dynamic_supervisor.ex"),
    lib!("agent.ex"),
    lib!("task.ex"),
    lib!("task_supervisor.ex"),
    lib!("registry.ex"),
    lib!("ets.ex"),
    lib!("erlang.ex"),
    lib!("global.ex"),
    lib!("queue.ex"),
    lib!("orddict.ex"),
    lib!("gb_trees.ex"),
    lib!("gb_sets.ex"),
    lib!("sets.ex"),
    lib!("erlang_string.ex"),
    lib!("io_ansi.ex"),
    lib!("macro.ex"),
    lib!("unicode.ex"),
    lib!("array.ex"),
    lib!("calendar.ex"),
];
