//! Compiles `grammar/vial.lalrpop` into `$OUT_DIR` (never into the source tree).

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_out_dir(out_dir)
        .emit_rerun_directives(true)
        .process_file("../../grammar/vial.lalrpop")
        .expect("grammar/vial.lalrpop must compile");
}
