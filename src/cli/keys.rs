//! `dpo keys generate|show|publish`, `dpo sign FILE` and `dpo verify FILE`:
//! the DPO's signing key and OpenSSH signatures (SSHSIG) that interoperate
//! with `ssh-keygen -Y sign` and `ssh-keygen -Y verify` both ways.
//!
//! The arguments and the printing only: the key files, the workspace's
//! `keys/` and the journal are handled by [`crate::signing`].

use crate::workspace::ReadError;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{print_json, CliError, Settings, EXIT_FINDING};
use crate::signing::{
    self, allowed_signers_path, sig_path, AllowedSigners, PublishRequest, SignRequest, Verdict,
    ALLOWED_SIGNERS, KEYS_DIR, NS_BAG, NS_CERTIFICATE, NS_FILE,
};
use crate::workspace;

/// Which private key to use.
#[derive(Debug, Clone, Args)]
pub struct KeyArg {
    /// The private signing key [default: `dpo/signing_key` in your
    /// configuration folder, e.g. ~/.config/dpo/signing_key]. Never inside
    /// the workspace.
    #[arg(long, env = "DPO_SIGNING_KEY", value_name = "PATH")]
    pub key: Option<PathBuf>,
}

/// `dpo keys` subcommands.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make a new Ed25519 signing key (mode 0600, never overwriting one) and
    /// publish its public half in the workspace's `keys/`.
    Generate(KeyArg),
    /// Show the signing key's public half and whether the workspace lists it.
    Show(KeyArg),
    /// Publish an existing key (e.g. one made by ssh-keygen) in `keys/`.
    Publish(KeyArg),
}

/// Options of `dpo sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The file to sign; the signature is written to FILE.sig.
    pub file: PathBuf,
    /// The key.
    #[command(flatten)]
    pub key: KeyArg,
}

/// Options of `dpo verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signed file.
    pub file: PathBuf,
    /// The signature [default: FILE.sig].
    #[arg(long, value_name = "FILE")]
    pub sig: Option<PathBuf>,
    /// Require this namespace [default: any of `file`, `dpo-certificate`,
    /// `dpo-bag`; the one found is printed].
    #[arg(long, short = 'n', value_name = "NAMESPACE")]
    pub namespace: Option<String>,
    /// Require this principal (as `ssh-keygen -Y verify -I`).
    #[arg(long, short = 'I', value_name = "PRINCIPAL")]
    pub identity: Option<String>,
    /// The allowed-signers file [default: keys/allowed_signers in the workspace].
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
}

#[derive(Serialize)]
struct KeyReport {
    private_key: String,
    fingerprint: String,
    public_key: String,
    allowed_signers: Option<String>,
    principals: Vec<String>,
    public_key_file: Option<String>,
}

pub(super) fn run_keys(settings: &Settings, cmd: &KeysCommand) -> Result<i32, CliError> {
    match cmd {
        KeysCommand::Generate(k) => publish(settings, k, true),
        KeysCommand::Publish(k) => publish(settings, k, false),
        KeysCommand::Show(k) => show(settings, k),
    }
}

/// Writes the public key and its allowed-signers line in the workspace;
/// with `generate`, makes the key first.
fn publish(settings: &Settings, arg: &KeyArg, generate: bool) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let act = settings.act(ws.tz)?;
    let p = signing::publish(
        &ws,
        &act,
        &PublishRequest {
            key: arg.key.clone(),
            generate,
        },
    )?;
    if settings.json {
        return print_json(&KeyReport {
            private_key: p.private_key.display().to_string(),
            fingerprint: p.fingerprint,
            public_key: p.public_key,
            allowed_signers: Some(format!("{KEYS_DIR}/{ALLOWED_SIGNERS}")),
            principals: vec![p.principal],
            public_key_file: Some(p.public_key_file),
        })
        .map(|()| 0);
    }
    let s = settings.strings();
    let key = p.private_key.display().to_string();
    if generate {
        say!(s, "keys-new", file = key)?;
    } else {
        say!(s, "keys-key", file = key)?;
    }
    say!(s, "keys-fingerprint", fingerprint = p.fingerprint.as_str())?;
    say!(s, "keys-public", key = p.public_key_file.as_str())?;
    let file = format!("{KEYS_DIR}/{ALLOWED_SIGNERS}");
    if p.already_listed {
        say!(s, "keys-already-listed", file = file)?;
    } else {
        say!(
            s,
            "keys-added",
            file = file,
            principal = p.principal.as_str()
        )?;
    }
    say!(s, "next-keys-fingerprint")?;
    Ok(0)
}

fn show(settings: &Settings, arg: &KeyArg) -> Result<i32, CliError> {
    let ws = workspace::load(settings.root()).ok();
    let d = signing::describe_key(
        arg.key.as_deref(),
        ws.as_ref().map(|w| w.root.as_path()),
        &allowed_signers_path(settings.root()),
    )?;
    if settings.json {
        print_json(&KeyReport {
            private_key: d.private_key.display().to_string(),
            fingerprint: d.fingerprint.clone(),
            public_key: d.public_key.clone(),
            allowed_signers: d
                .allowed_signers_found
                .then(|| d.allowed_signers.display().to_string()),
            principals: d.principals.clone(),
            public_key_file: None,
        })?;
    } else {
        let s = settings.strings();
        say!(s, "keys-key", file = d.private_key.display().to_string())?;
        say!(s, "keys-fingerprint", fingerprint = d.fingerprint.as_str())?;
        say!(s, "keys-public", key = d.public_key.as_str())?;
        let file = d.allowed_signers.display().to_string();
        if d.principals.is_empty() {
            let w = tr!(s, "keys-not-listed", file = file);
            warn_say!(s, "cli-warning", message = w);
        } else {
            let principals = d.principals.join(", ");
            say!(s, "keys-listed", file = file, principals = principals)?;
        }
    }
    Ok(if d.principals.is_empty() {
        EXIT_FINDING
    } else {
        0
    })
}

pub(super) fn run_sign(settings: &Settings, args: &SignArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let act = settings.act(ws.tz)?;
    let s = signing::sign_in_workspace(
        &ws,
        &act,
        &SignRequest {
            file: args.file.clone(),
            key: args.key.key.clone(),
        },
    )?;
    let t = settings.strings();
    let sig = s.signature.display().to_string();
    let principal = s.principal.as_str();
    say!(
        t,
        "sign-wrote",
        file = sig.as_str(),
        namespace = NS_FILE,
        key = s.key_fingerprint.as_str(),
        principal = principal
    )?;
    let command = format!(
        "ssh-keygen -Y verify -f {} -I {principal} -n {NS_FILE} -s {sig} < {}",
        s.allowed_signers.display(),
        args.file.display()
    );
    say!(t, "next-sign-check", command = command)?;
    Ok(0)
}

#[derive(Serialize)]
struct VerifyReport<'a> {
    file: String,
    signature: String,
    #[serde(flatten)]
    verdict: &'a Verdict,
}

pub(super) fn run_verify(settings: &Settings, args: &VerifyArgs) -> Result<i32, CliError> {
    // Name the file itself when it is missing, before its signature.
    std::fs::metadata(&args.file)
        .map_err(ReadError::at(&args.file))
        .map_err(signing::SigningError::from)?;
    let sig = args.sig.clone().unwrap_or_else(|| sig_path(&args.file));
    let as_path = args
        .allowed_signers
        .clone()
        .unwrap_or_else(|| allowed_signers_path(settings.root()));
    let allowed = AllowedSigners::load(&as_path)?;
    let tz = workspace::load(settings.root())
        .map(|w| w.tz)
        .unwrap_or(crate::time::DEFAULT_TZ);
    let now = settings.clock(tz)?.now();
    let all = [NS_FILE, NS_CERTIFICATE, NS_BAG];
    let namespaces: Vec<&str> = match &args.namespace {
        Some(n) => vec![n.as_str()],
        None => all.to_vec(),
    };
    let accept = signing::Acceptance {
        allowed: &allowed,
        namespaces: &namespaces,
        identity: args.identity.as_deref(),
        now,
    };
    let verdict = signing::verify_file(&accept, &args.file, &sig)?;
    if settings.json {
        print_json(&VerifyReport {
            file: args.file.display().to_string(),
            signature: sig.display().to_string(),
            verdict: &verdict,
        })?;
    } else {
        match &verdict {
            Verdict::Good {
                principal,
                fingerprint,
                namespace,
            } => say!(
                settings.strings(),
                "verify-good",
                file = args.file.display().to_string(),
                principal = principal.as_str(),
                key = fingerprint.as_str(),
                namespace = namespace.as_str()
            )?,
            Verdict::Bad { reason } => warn_say!(
                settings.strings(),
                "verify-bad",
                file = args.file.display().to_string(),
                signature = sig.display().to_string(),
                reason = crate::render::catalog::Localize::message(reason, &settings.strings())
            ),
        }
    }
    Ok(if verdict.is_good() { 0 } else { EXIT_FINDING })
}
