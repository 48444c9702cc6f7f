//! The `dpo` binary: parse arguments, run, exit with the code `run` returns.

fn main() {
    std::process::exit(dpo::cli::main());
}
