//! `dpo keys generate|show|publish`, `dpo sign FILE` and `dpo verify FILE`:
//! the DPO's signing key and OpenSSH signatures (SSHSIG) that interoperate
//! with `ssh-keygen -Y sign` and `ssh-keygen -Y verify` both ways.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{actor, print_json, Cli, CliError, EXIT_FINDING};
use crate::signing::{
    self, AllowedSigners, SigningError, SigningKey, Verdict, ALLOWED_SIGNERS, KEYS_DIR, NS_BAG,
    NS_CERTIFICATE, NS_FILE,
};
use crate::workspace::{self, Workspace};

/// Which private key to use.
#[derive(Debug, Clone, Args)]
pub struct KeyArg {
    /// The private signing key [default: `dpo/signing_key` in your
    /// configuration folder, e.g. ~/.config/dpo/signing_key]. Never inside
    /// the workspace.
    #[arg(long, env = "DPO_SIGNING_KEY", value_name = "PATH")]
    pub key: Option<PathBuf>,
}

impl KeyArg {
    /// The key path: `--key`, `DPO_SIGNING_KEY`, else the default.
    pub(super) fn path(&self) -> Result<PathBuf, CliError> {
        match &self.key {
            Some(p) => Ok(p.clone()),
            None => Ok(signing::default_key_path()?),
        }
    }
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

/// The workspace's allowed-signers file.
pub(super) fn allowed_signers_path(root: &Path) -> PathBuf {
    root.join(KEYS_DIR).join(ALLOWED_SIGNERS)
}

/// A key ready to sign for the workspace: loaded, outside the workspace, and
/// listed in its allowed-signers file (else its signatures would not verify).
pub(super) struct Signer {
    pub(super) key: SigningKey,
    pub(super) principal: String,
    pub(super) allowed: AllowedSigners,
}

impl Signer {
    /// Opens the key of `arg` for the workspace `ws`.
    pub(super) fn open(ws: &Workspace, arg: &KeyArg) -> Result<Self, CliError> {
        let path = arg.path()?;
        signing::ensure_outside_workspace(&path, &ws.root)?;
        let key = SigningKey::load(&path)?;
        let allowed = AllowedSigners::load(&allowed_signers_path(&ws.root))?;
        let lines = allowed.for_key(key.public().key_data());
        let Some(first) = lines.first() else {
            return Err(CliError::Usage(format!(
                "the signing key `{}` ({}) is not in `{}`: the signatures it made would not verify\n  hint: `dpo keys publish{}` adds it",
                path.display(),
                key.fingerprint(),
                allowed.path.display(),
                arg.key.as_ref().map(|k| format!(" --key '{}'", k.display())).unwrap_or_default()
            )));
        };
        // Prefer the DPO's e-mail when the line lists several principals.
        let dpo = ws.processor.dpo.email.as_deref().unwrap_or_default();
        let principal = lines
            .iter()
            .flat_map(|l| l.principals.split(','))
            .find(|p| !p.is_empty() && *p == dpo)
            .or_else(|| {
                first
                    .principals
                    .split(',')
                    .find(|p| !p.contains(['*', '?', '!']))
            })
            .unwrap_or(&first.principals)
            .to_string();
        Ok(Self {
            key,
            principal,
            allowed,
        })
    }

    /// The facts of the key for a certificate.
    pub(super) fn facts(&self) -> crate::fate::Signer {
        crate::fate::Signer {
            principal: self.principal.clone(),
            fingerprint: self.key.fingerprint(),
            allowed_signers_line: AllowedSigners::line_for(&self.principal, self.key.public()),
            public_key: self.key.public_line(),
        }
    }
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

pub(super) fn run_keys(cli: &Cli, cmd: &KeysCommand) -> Result<i32, CliError> {
    match cmd {
        KeysCommand::Generate(k) => publish(cli, k, true),
        KeysCommand::Publish(k) => publish(cli, k, false),
        KeysCommand::Show(k) => show(cli, k),
    }
}

/// Writes the public key and its allowed-signers line in the workspace;
/// with `generate`, makes the key first.
fn publish(cli: &Cli, arg: &KeyArg, generate: bool) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let clock = cli.clock(ws.tz)?;
    let Some(principal) = ws
        .processor
        .dpo
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
    else {
        return Err(CliError::Usage(
            "the processor's DPO has no e-mail in `processor.yaml`: it is the principal of the allowed-signers line\n  hint: add `dpo: {email: …}` to processor.yaml".into(),
        ));
    };
    let path = arg.path()?;
    signing::ensure_outside_workspace(&path, &ws.root)?;
    // Refuse early, before a key is made, if nothing can be recorded.
    ws.journal().head()?;
    let lock = ws.lock()?;
    let key = if generate {
        SigningKey::generate(&path, &principal)?
    } else {
        SigningKey::load(&path)?
    };
    let fp = key.public().fingerprint(ssh_key::HashAlg::Sha256);
    let pub_rel = format!("{KEYS_DIR}/dpo-{}.pub", &hex::encode(fp.as_bytes())[..12]);
    let line = key.public_line();
    workspace::write_atomic(&ws.root.join(&pub_rel), format!("{line}\n").as_bytes())?;
    let as_path = allowed_signers_path(&ws.root);
    let mut text = match std::fs::read_to_string(&as_path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::from(
            "# OpenSSH allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS), written by `dpo keys`.\n# Check a signature with: ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n NAMESPACE -s FILE.sig < FILE\n",
        ),
        Err(source) => return Err(SigningError::Read { path: as_path, source }.into()),
    };
    let listed = !AllowedSigners::parse(&text, &as_path)?
        .for_key(key.public().key_data())
        .is_empty();
    if !listed {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&AllowedSigners::line_for(&principal, key.public()));
        text.push('\n');
        workspace::write_atomic(&as_path, text.as_bytes())?;
    }
    let action = if generate {
        "keys.generate"
    } else {
        "keys.publish"
    };
    ws.journal().append(
        &lock,
        clock.now(),
        &actor(),
        action,
        &pub_rel,
        line.as_bytes(),
    )?;
    if cli.json {
        print_json(&KeyReport {
            private_key: path.display().to_string(),
            fingerprint: key.fingerprint(),
            public_key: line,
            allowed_signers: Some(format!("{KEYS_DIR}/{ALLOWED_SIGNERS}")),
            principals: vec![principal],
            public_key_file: Some(pub_rel),
        })?;
    } else {
        if generate {
            outln!(
                "new Ed25519 signing key: {} (mode 0600; keep it secret, back it up)",
                path.display()
            );
        } else {
            outln!("signing key: {}", path.display());
        }
        outln!("fingerprint: {}", key.fingerprint());
        outln!("public key:  {pub_rel}");
        if listed {
            outln!("already in {KEYS_DIR}/{ALLOWED_SIGNERS}");
        } else {
            outln!("added to {KEYS_DIR}/{ALLOWED_SIGNERS} for {principal}");
        }
        outln!("give the controller the fingerprint by another channel (phone, letter) so it can trust the allowed_signers line");
    }
    Ok(0)
}

fn show(cli: &Cli, arg: &KeyArg) -> Result<i32, CliError> {
    let path = arg.path()?;
    let ws = workspace::load(cli.root()).ok();
    if let Some(ws) = &ws {
        signing::ensure_outside_workspace(&path, &ws.root)?;
    }
    let key = SigningKey::load(&path)?;
    let as_path = allowed_signers_path(cli.root());
    let allowed = match AllowedSigners::load(&as_path) {
        Ok(a) => Some(a),
        Err(SigningError::AllowedSignersMissing { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let principals: Vec<String> = allowed
        .as_ref()
        .map(|a| {
            a.for_key(key.public().key_data())
                .iter()
                .map(|l| l.principals.clone())
                .collect()
        })
        .unwrap_or_default();
    let report = KeyReport {
        private_key: path.display().to_string(),
        fingerprint: key.fingerprint(),
        public_key: key.public_line(),
        allowed_signers: allowed.as_ref().map(|a| a.path.display().to_string()),
        principals: principals.clone(),
        public_key_file: None,
    };
    if cli.json {
        print_json(&report)?;
    } else {
        outln!("signing key: {}", report.private_key);
        outln!("fingerprint: {}", report.fingerprint);
        outln!("public key:  {}", report.public_key);
        if principals.is_empty() {
            eprintln!(
                "warning: the key is not in `{}`: signatures made with it would not verify\n  hint: `dpo keys publish` adds it",
                as_path.display()
            );
        } else {
            outln!(
                "listed in {} for {}",
                as_path.display(),
                principals.join(", ")
            );
        }
    }
    Ok(if principals.is_empty() {
        EXIT_FINDING
    } else {
        0
    })
}

/// `FILE` + `.sig`.
fn sig_path(file: &Path) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(".sig");
    PathBuf::from(s)
}

pub(super) fn run_sign(cli: &Cli, args: &SignArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let clock = cli.clock(ws.tz)?;
    let signer = Signer::open(&ws, &args.key)?;
    let pem = signing::sign_file(&signer.key, NS_FILE, &args.file)?;
    let out = sig_path(&args.file);
    let lock = ws.lock()?;
    workspace::write_atomic(&out, pem.as_bytes()).map_err(|e| CliError::Output {
        path: out.clone(),
        source: Box::new(e),
    })?;
    ws.journal().append(
        &lock,
        clock.now(),
        &actor(),
        "file.sign",
        &args.file.display().to_string(),
        pem.as_bytes(),
    )?;
    outln!(
        "wrote {} (namespace {NS_FILE}, key {}, principal {})",
        out.display(),
        signer.key.fingerprint(),
        signer.principal
    );
    outln!(
        "check it with: ssh-keygen -Y verify -f {} -I {} -n {NS_FILE} -s {} < {}",
        allowed_signers_path(&ws.root).display(),
        signer.principal,
        out.display(),
        args.file.display()
    );
    Ok(0)
}

#[derive(Serialize)]
struct VerifyReport<'a> {
    file: String,
    signature: String,
    #[serde(flatten)]
    verdict: &'a Verdict,
}

pub(super) fn run_verify(cli: &Cli, args: &VerifyArgs) -> Result<i32, CliError> {
    // Name the file itself when it is missing, before its signature.
    std::fs::metadata(&args.file).map_err(|source| crate::signing::SigningError::Read {
        path: args.file.clone(),
        source,
    })?;
    let sig = args.sig.clone().unwrap_or_else(|| sig_path(&args.file));
    let as_path = args
        .allowed_signers
        .clone()
        .unwrap_or_else(|| allowed_signers_path(cli.root()));
    let allowed = AllowedSigners::load(&as_path)?;
    let tz = workspace::load(cli.root())
        .map(|w| w.tz)
        .unwrap_or(crate::time::DEFAULT_TZ);
    let now = cli.clock(tz)?.now();
    let all = [NS_FILE, NS_CERTIFICATE, NS_BAG];
    let namespaces: Vec<&str> = match &args.namespace {
        Some(n) => vec![n.as_str()],
        None => all.to_vec(),
    };
    let verdict = signing::verify_file(
        &allowed,
        &namespaces,
        args.identity.as_deref(),
        now,
        &args.file,
        &sig,
    )?;
    if cli.json {
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
            } => outln!(
                "good signature of {} by {principal} (key {fingerprint}, namespace {namespace})",
                args.file.display()
            ),
            Verdict::Bad { reason } => eprintln!(
                "BAD signature of {} ({}): {reason}",
                args.file.display(),
                sig.display()
            ),
        }
    }
    Ok(if verdict.is_good() { 0 } else { EXIT_FINDING })
}
