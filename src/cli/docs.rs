//! `dpo completions SHELL` and `dpo man -o DIR`: shell completions and manual
//! pages generated from the argument definitions, so they never drift.

use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::{Cli, CliError};

/// Options of `dpo completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `dpo man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write the pages to (`dpo.1`, `dpo-check.1`, …).
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
}

pub(super) fn completions(args: &CompletionsArgs) -> Result<i32, CliError> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "dpo", &mut buf);
    let script = String::from_utf8_lossy(&buf);
    outln!("{}", script.trim_end())?;
    Ok(0)
}

pub(super) fn man(args: &ManArgs) -> Result<i32, CliError> {
    let output = |path: PathBuf, e: Box<dyn std::error::Error + Send + Sync>| CliError::Output {
        path,
        source: e,
    };
    let mut pages = Vec::new();
    collect(Cli::command(), "dpo", &mut pages);
    for (name, cmd) in pages {
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut buf)
            .map_err(|e| output(args.output.join(&name), Box::new(e)))?;
        let path = args.output.join(format!("{name}.1"));
        super::write_file(&path, &buf)?;
        outln!("{}", path.display())?;
    }
    Ok(0)
}

/// Every command and subcommand, named `dpo`, `dpo-check`, `dpo-journal-verify`…
fn collect(cmd: clap::Command, name: &str, out: &mut Vec<(String, clap::Command)>) {
    let cmd = cmd.name(name.to_string());
    for sub in cmd.get_subcommands() {
        if sub.get_name() != "help" {
            collect(sub.clone(), &format!("{name}-{}", sub.get_name()), out);
        }
    }
    out.push((name.to_string(), cmd));
}
