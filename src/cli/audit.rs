//! `dpo audit pack -o DIR [--controller ID]`: the audit pack of Annex 1
//! §II.12 written to a new folder, with a signed `MANIFEST.sha256` that an
//! auditor checks with `sha256sum -c` and `ssh-keygen -Y verify` alone.
//!
//! The arguments and the printing only: [`crate::audit::pack()`] makes,
//! writes, signs and journals the pack.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::keys::KeyArg;
use super::{eprint_diagnostics, print_json, CliError, Settings, EXIT_FINDING};
use crate::audit::{self, PackRequest};
use crate::model::Id;
use crate::workspace::Workspace;

/// `dpo audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Write every register, log and certificate to a new folder, with a
    /// signed MANIFEST.sha256.
    Pack(PackArgs),
}

/// Options of `dpo audit pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// The folder to write; it must not exist, or be empty.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
    /// Only what concerns this controller (an audit by one controller must
    /// not disclose another's records).
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// The key that signs the manifest.
    #[command(flatten)]
    pub key: KeyArg,
}

/// The controller `id`, checked to exist in the workspace.
pub(super) fn known_controller(ws: &Workspace, id: &str) -> Result<Id, CliError> {
    Id::new(id).map_err(|e| CliError::option("--controller", e.told()))?;
    Ok(ws.require_controller(id)?.0)
}

pub(super) fn run(settings: &Settings, cmd: &AuditCommand) -> Result<i32, CliError> {
    match cmd {
        AuditCommand::Pack(a) => pack(settings, a),
    }
}

fn pack(settings: &Settings, a: &PackArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let act = settings.act(ws.tz)?;
    let controller = match &a.controller {
        None => None,
        Some(c) => Some(known_controller(&ws, c)?),
    };
    let report = audit::pack(
        &ws,
        &act,
        &PackRequest {
            controller,
            output: a.output.clone(),
            key: a.key.key.clone(),
            lang: settings.lang(Some(&ws)),
        },
    )?;
    eprint_diagnostics(settings, &report.diagnostics);
    if settings.json {
        print_json(&report)?;
    } else {
        let s = settings.strings();
        say!(
            s,
            "audit-wrote",
            dir = report.output.as_str(),
            files = report.files,
            key = report.key_fingerprint.as_str(),
            principal = report.principal.as_str()
        )?;
        if report.journal_entries_left_out > 0 {
            say!(s, "audit-left-out", n = report.journal_entries_left_out)?;
        }
        say!(s, "next-audit-check", dir = report.output.as_str())?;
        for v in &report.verify {
            outln!("  {v}")?;
        }
    }
    let manifest = std::path::Path::new(&report.output).join(crate::audit::MANIFEST);
    super::timestamp::auto(settings, &ws, &[manifest]);
    if !report.journal_intact {
        let s = settings.strings();
        warn_say!(s, "cli-warning", message = tr!(s, "audit-journal-broken"));
        return Ok(EXIT_FINDING);
    }
    Ok(0)
}
