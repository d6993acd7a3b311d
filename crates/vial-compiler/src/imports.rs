//! `import Module`, `import Module, only: [f: 1]`, `except: [...]`: the
//! functions a call without a module may name besides the module's own
//! and Kernel's.
//!
//! As in Elixir, an import is lexical: in a module body it applies to the
//! definitions after it, at the top of a file to the code and the modules
//! after it, and inside a function to the rest of the enclosing block. A
//! call `f(args)` resolves to a local function first (a local function
//! that an import also provides is Elixir's "conflicts with local
//! function" error), then to the innermost import that provides `f/arity`,
//! then to Kernel.

use crate::func::CResult;
use crate::module::{keyword, ModuleBuilder};
use ahash::{AHashMap, AHashSet};
use std::sync::Arc;
use vial_syntax::ast::{Expr, ExprKind};
use vial_syntax::Diagnostic;
use vial_vm::code::Module;
use vial_vm::{bif, code, Atom};

/// One `import`: the module and the functions it brings in.
#[derive(Debug)]
pub struct Import {
    pub module: Atom,
    funs: AHashSet<(Atom, u32)>,
}

/// The imports in scope at a point, innermost last.
pub type Imports = Vec<Arc<Import>>;

/// The public functions of the modules compiled earlier in the same file
/// (not loaded yet while the file compiles), by module.
pub type FileExports = AHashMap<Atom, Vec<(Atom, u32)>>;

/// Records the public functions of `modules` in `exports`.
pub fn record_exports(exports: &mut FileExports, modules: &[Module]) {
    for m in modules {
        exports
            .entry(m.name)
            .or_insert_with(|| m.exports.keys().copied().collect());
    }
}

impl Import {
    /// Whether this import provides `name/arity`.
    pub fn provides(&self, name: Atom, arity: u32) -> bool {
        self.funs.contains(&(name, arity))
    }
}

impl ModuleBuilder {
    /// `import target, opts`: brings the module's functions into scope for
    /// what follows and returns the module atom (the value of an `import`
    /// expression).
    pub fn import_module(&mut self, target: &Expr, opts: &[Expr]) -> CResult<Atom> {
        let module = match &target.kind {
            ExprKind::Alias(written) => self.expand_alias(written),
            ExprKind::Atom(a) => Atom::intern(a),
            ExprKind::Module => self.name,
            _ => return Err(Diagnostic::new("invalid argument for import", target.span)),
        };
        let shown = shown(module);
        let Some(available) = self.exports_of(module) else {
            return Err(Diagnostic::new(
                format!("module {shown} is not loaded and could not be found"),
                target.span,
            ));
        };
        let opts = opts.first();
        let only = opts.and_then(|o| keyword(o, "only"));
        let except = opts.and_then(|o| keyword(o, "except"));
        let funs: AHashSet<(Atom, u32)> = match only.map(|o| &o.kind) {
            // Functions whose names start with an underscore (`__struct__`)
            // are imported only when named.
            None | Some(ExprKind::Atom(_)) => {
                let except = match except {
                    Some(list) => name_arities(list, "except")?,
                    None => Vec::new(),
                };
                if let Some(ExprKind::Atom(what)) = only.map(|o| &o.kind) {
                    if !matches!(what.as_str(), "functions" | "macros" | "sigils") {
                        return Err(invalid_only(only.unwrap(), what));
                    }
                    if what != "functions" {
                        // Vial has no macros or sigils to import.
                        return self.push_import(module, AHashSet::new());
                    }
                }
                available
                    .into_iter()
                    .filter(|(name, _)| !name.name().starts_with('_'))
                    .filter(|f| !except.contains(f))
                    .collect()
            }
            Some(_) => {
                let list = only.unwrap();
                let wanted = name_arities(list, "only")?;
                if let Some((name, arity)) = wanted.iter().find(|f| !available.contains(f)) {
                    return Err(Diagnostic::new(
                        format!(
                            "cannot import {shown}.{}/{arity} because it is undefined or private",
                            name.name()
                        ),
                        list.span,
                    ));
                }
                wanted.into_iter().collect()
            }
        };
        self.push_import(module, funs)
    }

    fn push_import(&mut self, module: Atom, funs: AHashSet<(Atom, u32)>) -> CResult<Atom> {
        self.imported.push(Arc::new(Import { module, funs }));
        Ok(module)
    }

    /// The public functions of `module`: compiled earlier in this file, or
    /// loaded (the standard library loads on demand), with its BIFs.
    fn exports_of(&self, module: Atom) -> Option<Vec<(Atom, u32)>> {
        let mut funs = match self.file_exports.get(&module) {
            Some(funs) => funs.clone(),
            None => match code::lookup(module) {
                Some(m) => m.exports.keys().copied().collect(),
                None => Vec::new(),
            },
        };
        funs.extend(bif::module_functions(module));
        let known = !funs.is_empty() || code::lookup(module).is_some();
        known.then_some(funs)
    }

    /// The module of the innermost import in scope that provides
    /// `name/arity`.
    pub fn imported_module(&self, name: &str, arity: u32) -> Option<Atom> {
        let name = Atom::existing(name)?;
        self.imported
            .iter()
            .rev()
            .find(|i| i.provides(name, arity))
            .map(|i| i.module)
    }

    /// Whether an `import Kernel, except: [...]` (or `only:`) in scope
    /// leaves out Kernel's `name/arity`.
    pub fn kernel_hidden(&self, name: &str, arity: u32) -> bool {
        let Some(name) = Atom::existing(name) else {
            return false;
        };
        self.imported
            .iter()
            .any(|i| i.module == Atom::ELIXIR_KERNEL && !i.provides(name, arity))
    }
}

/// The `name: arity` pairs of an `only:` or `except:` keyword list.
fn name_arities(list: &Expr, option: &str) -> CResult<Vec<(Atom, u32)>> {
    let invalid = || {
        Diagnostic::new(
            format!(
                "invalid :{option} option for import, expected a keyword list with integer values"
            ),
            list.span,
        )
    };
    let ExprKind::List { items, tail: None } = &list.kind else {
        return Err(invalid());
    };
    items
        .iter()
        .map(|item| match &item.kind {
            ExprKind::Tuple(kv) if kv.len() == 2 => match (&kv[0].kind, &kv[1].kind) {
                (ExprKind::Atom(name), ExprKind::Integer(n)) => {
                    let arity = u32::try_from(n).map_err(|_| invalid())?;
                    Ok((Atom::intern(name), arity))
                }
                _ => Err(invalid()),
            },
            _ => Err(invalid()),
        })
        .collect()
}

fn invalid_only(only: &Expr, got: &str) -> Diagnostic {
    Diagnostic::new(
        format!(
            "invalid :only option for import, expected value to be an atom :functions, \
             :macros, or a list literal, got: :{got}"
        ),
        only.span,
    )
}

/// A module as Elixir writes it (`Enum`, `:lists`).
fn shown(module: Atom) -> String {
    match module.name().strip_prefix("Elixir.") {
        Some(name) => name.to_string(),
        None => format!(":{}", module.name()),
    }
}
