//! The Vial virtual machine: terms, bytecode, the stackless interpreter,
//! processes, mailboxes, schedulers and BIFs.
//!
//! The VM knows nothing of syntax: it loads [`code::Module`]s that the
//! compiler built and runs them as processes.

pub mod atom;
pub mod bif;
pub mod bytecode;
pub mod code;
pub mod error;
pub mod ets;
pub mod inspect;
pub mod interp;
pub mod process;
pub mod scheduler;
pub mod term;

pub use atom::Atom;
pub use term::Term;

/// The module that holds a script's top-level code; stack traces show its
/// frames as `(file)`.
pub const SCRIPT_MODULE: &str = "elixir_compiler_0";
