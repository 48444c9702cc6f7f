//! `dpo audit pack -o DIR [--controller ID]`: the audit pack of Annex 1
//! §II.12 written to a new folder, with a `MANIFEST.sha256` signed as
//! `dpo sign` signs (namespace `file`), so that an auditor checks it with
//! `sha256sum -c` and `ssh-keygen -Y verify` alone.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::keys::{KeyArg, Signer};
use super::{actor, print_diagnostics, print_json, Cli, CliError, EXIT_FINDING};
use crate::audit::{self, PackRequest, MANIFEST};
use crate::model::Id;
use crate::render::Templates;
use crate::signing::{self, NS_FILE};
use crate::workspace::{self, Workspace};

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
    let id = Id::new(id).map_err(|e| CliError::Usage(format!("--controller: {e}")))?;
    if ws.controller(&id).is_none() {
        return Err(crate::register::UnknownController {
            known: ws
                .controllers
                .iter()
                .map(|(i, _)| i.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            id,
        }
        .into());
    }
    Ok(id)
}

#[derive(Serialize)]
struct PackReport {
    output: String,
    controller: Option<String>,
    files: usize,
    manifest_sha256: String,
    signature: String,
    principal: String,
    key_fingerprint: String,
    journal_intact: bool,
    journal_entries_left_out: usize,
    verify: Vec<String>,
}

fn output_error(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> CliError {
    CliError::Output {
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

pub(super) fn run(cli: &Cli, cmd: &AuditCommand) -> Result<i32, CliError> {
    match cmd {
        AuditCommand::Pack(a) => pack(cli, a),
    }
}

fn pack(cli: &Cli, a: &PackArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let clock = cli.clock(ws.tz)?;
    let controller = match &a.controller {
        None => None,
        Some(c) => Some(known_controller(&ws, c)?),
    };
    let out = &a.output;
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(CliError::Usage(format!(
                "`{}` already exists and is not an empty folder: an audit pack is written to a new folder\n  hint: choose another -o, e.g. `-o audit-{}`",
                out.display(),
                clock.now().with_timezone(&ws.tz).format("%Y-%m-%d")
            )));
        }
    }
    // Open the key first: no pack is written that could not be signed.
    let signer = Signer::open(&ws, &a.key)?;
    let t = Templates::new(cli.lang(Some(&ws)))?;
    let mut pack = audit::build(
        &ws,
        &t,
        &PackRequest {
            controller: controller.clone(),
            now: clock.now(),
        },
    )
    .map_err(|e| output_error(out, e))?;
    print_diagnostics(&pack.diagnostics, false);
    let allowed = format!("{}/{}", signing::KEYS_DIR, signing::ALLOWED_SIGNERS);
    let verify = vec![
        format!("sha256sum -c {MANIFEST}"),
        format!(
            "ssh-keygen -Y verify -f {allowed} -I {} -n {NS_FILE} -s {MANIFEST}.sig < {MANIFEST}",
            signer.principal
        ),
    ];
    let verify_text = t.render(
        "audit-verify.txt",
        &serde_json::json!({
            "processor": ws.processor.name,
            "controller": controller.as_ref().map(|c| c.to_string()),
            "version": env!("CARGO_PKG_VERSION"),
            "made_at": crate::time::in_tz(clock.now(), ws.tz).to_rfc3339(),
            "commands": verify,
            "fingerprint": signer.key.fingerprint().to_string(),
        }),
    )?;
    pack.files
        .insert("VERIFY.txt".into(), verify_text.into_bytes());
    std::fs::create_dir_all(out).map_err(|e| output_error(out, e))?;
    for (rel, bytes) in &pack.files {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| output_error(dir, e))?;
        }
        workspace::write_atomic(&path, bytes).map_err(|e| output_error(&path, e))?;
    }
    let manifest = pack.manifest();
    let manifest_path = out.join(MANIFEST);
    workspace::write_atomic(&manifest_path, manifest.as_bytes())
        .map_err(|e| output_error(&manifest_path, e))?;
    let pem = signing::sign_file(&signer.key, NS_FILE, &manifest_path)?;
    let sig_path = out.join(format!("{MANIFEST}.sig"));
    workspace::write_atomic(&sig_path, pem.as_bytes()).map_err(|e| output_error(&sig_path, e))?;
    let lock = ws.lock()?;
    ws.journal().append(
        &lock,
        clock.now(),
        &actor(),
        "audit.pack",
        controller.as_ref().map_or("workspace", Id::as_str),
        manifest.as_bytes(),
    )?;
    let report = PackReport {
        output: out.display().to_string(),
        controller: controller.as_ref().map(Id::to_string),
        files: pack.files.len(),
        manifest_sha256: workspace::journal::sha256_hex(manifest.as_bytes()),
        signature: format!("{MANIFEST}.sig"),
        principal: signer.principal.clone(),
        key_fingerprint: signer.key.fingerprint(),
        journal_intact: pack.journal_intact,
        journal_entries_left_out: pack.journal_omitted,
        verify,
    };
    if cli.json {
        print_json(&report)?;
    } else {
        outln!(
            "wrote the audit pack {} ({} files, manifest signed with {}, principal {})",
            report.output,
            report.files,
            report.key_fingerprint,
            report.principal
        );
        if report.journal_entries_left_out > 0 {
            outln!(
                "{} journal entries concerning other controllers were left out",
                report.journal_entries_left_out
            );
        }
        outln!("check it, in {}:", report.output);
        for v in &report.verify {
            outln!("  {v}");
        }
    }
    if !pack.journal_intact {
        eprintln!("warning: the journal does not verify; see journal/verification.txt in the pack");
        return Ok(EXIT_FINDING);
    }
    Ok(0)
}
