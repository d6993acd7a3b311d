//! Prints the AST of a file (or of stdin) as an s-expression, or its
//! diagnostics: `cargo run -p vial-syntax --example sexp -- file.exs`.

use std::io::Read;

fn main() {
    let (name, source) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => (path, text),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        },
        None => {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("stdin: {e}");
                std::process::exit(2);
            }
            ("stdin".to_string(), text)
        }
    };
    let (ast, diagnostics) = vial_syntax::parse(&source);
    if diagnostics.is_empty() {
        println!("{}", vial_syntax::sexp::to_sexp(&ast));
    } else {
        for d in &diagnostics {
            eprint!("{}", vial_syntax::render(&name, &source, d));
        }
        std::process::exit(1);
    }
}
