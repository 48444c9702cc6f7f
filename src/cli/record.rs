//! `dpo record adopt`: adopt a legitimate hand edit of a record file.

use crate::render::catalog::{Msg, Told};
use std::path::Path;

use clap::{Args, Subcommand};

use super::{print_json, CliError, Settings};
use crate::workspace::integrity::{self, AdoptError};

/// The record commands.
#[derive(Debug, Subcommand)]
pub enum RecordCommand {
    /// Journal a hand edit of a record's facts (its new SHA-256 and the
    /// fields changed); an edit of evidence written by dpo is refused.
    Adopt(AdoptArgs),
}

/// Options of `dpo record adopt`.
#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// The record file, e.g. `breaches/2021-001.yaml`.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Why the edit was made by hand (journaled).
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

pub(super) fn run(settings: &Settings, cmd: &RecordCommand) -> Result<i32, CliError> {
    let RecordCommand::Adopt(a) = cmd;
    if a.reason.trim().is_empty() {
        return Err(CliError::Said(
            Told::new(Msg::new("errors-adopt-no-reason"))
                .hint(Msg::new("errors-adopt-no-reason-hint")),
        ));
    }
    let ws = settings.load()?;
    let rel = relative(&ws.root, &a.file);
    let adopted = match integrity::adopt(&ws, &settings.act(ws.tz)?, &rel, &a.reason) {
        Ok(x) => x,
        Err(AdoptError::Workspace(e)) => return Err(e.into()),
        Err(e) => return Err(CliError::Said(e.told())),
    };
    if settings.json {
        print_json(&adopted)?;
    } else {
        let s = settings.strings();
        let fields = if adopted.fields.is_empty() {
            tr!(s, "record-no-field")
        } else {
            adopted.fields.join(", ")
        };
        say!(
            s,
            "record-adopted",
            file = rel.to_string(),
            sha256 = adopted.sha256.as_str(),
            fields = fields,
            seq = adopted.entry.seq
        )?;
    }
    Ok(0)
}

/// `file` relative to the workspace: as given when it is (or does not
/// exist from here), else resolved from the current folder.
fn relative(root: &Path, file: &str) -> String {
    let given = Path::new(file);
    if given.is_relative() && root.join(given).is_file() {
        return file.trim_start_matches("./").to_string();
    }
    match (given.canonicalize(), root.canonicalize()) {
        (Ok(f), Ok(r)) => f
            .strip_prefix(&r)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| file.to_string()),
        _ => file.to_string(),
    }
}
