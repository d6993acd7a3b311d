//! Every program of the conformance corpus, the benchmark programs and the
//! language examples parses with zero diagnostics: one test per file.
//!
//! Corpus folders, relative to this crate:
//! * `../../tests/conformance/{core,otp}` (the in-repo copy), or else
//!   `../../../shared/conformance/{core,otp}`;
//! * `../../../shared/bench/programs`, if present;
//! * `../../lang-examples`, if present.

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};

fn exs_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "exs"))
        .collect();
    files.sort();
    files
}

fn corpus() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let in_repo = root.join("../../tests/conformance");
    let conformance = if in_repo.is_dir() {
        in_repo
    } else {
        root.join("../../../shared/conformance")
    };
    let mut dirs: Vec<(&str, PathBuf)> = vec![
        ("core", conformance.join("core")),
        ("otp", conformance.join("otp")),
        ("bench", root.join("../../../shared/bench/programs")),
        ("examples", root.join("../../lang-examples")),
    ];
    dirs.retain(|(_, d)| d.is_dir());
    let mut files = Vec::new();
    for (label, dir) in dirs {
        for file in exs_files(&dir) {
            let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
            files.push((format!("{label}::{}", stem.unwrap_or_default()), file));
        }
    }
    files
}

fn check(path: &Path) -> Result<(), Failed> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (ast, diagnostics) = vial_syntax::parse(&source);
    if !diagnostics.is_empty() {
        let name = path.display().to_string();
        let rendered: Vec<String> = diagnostics
            .iter()
            .map(|d| vial_syntax::render(&name, &source, d))
            .collect();
        return Err(rendered.join("\n").into());
    }
    match ast.kind {
        vial_syntax::ast::ExprKind::Block(exprs) if !exprs.is_empty() => Ok(()),
        _ => Err(format!("{}: expected a non-empty top-level block", path.display()).into()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let files = corpus();
    assert!(!files.is_empty(), "no corpus folder found");
    let trials = files
        .into_iter()
        .map(|(name, path)| Trial::test(name, move || check(&path)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
