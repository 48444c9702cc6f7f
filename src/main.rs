//! The `dpo` binary: parse arguments, run, exit with the code `run` returns.

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    dpo::cli::main()
}
