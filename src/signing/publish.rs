//! The signing key and the workspace: `dpo keys generate|publish` make or
//! read a key and publish its public half in `keys/` (the `.pub` file and the
//! allowed-signers line for the DPO's e-mail), under the workspace lock and
//! with a journal entry; `dpo keys show` says what the workspace knows of a
//! key.

use std::path::{Path, PathBuf};

use super::{
    allowed_signers_path, ensure_outside_workspace, key_path, AllowedSigners, SigningError,
    SigningKey, KEYS_DIR,
};
use crate::workspace::{self, Act, Workspace};

/// The first lines of an allowed-signers file written by dpo.
const HEADER: &str = "# OpenSSH allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS), written by `dpo keys`.\n# Check a signature with: ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n NAMESPACE -s FILE.sig < FILE\n";

/// What `dpo keys generate|publish` needs.
#[derive(Debug, Clone)]
pub struct PublishRequest {
    /// The key the user named (`None`: the default key).
    pub key: Option<PathBuf>,
    /// Make a new key first (`generate`), rather than read an existing one.
    pub generate: bool,
}

/// A key published in the workspace.
#[derive(Debug, Clone)]
pub struct Published {
    /// The private key file.
    pub private_key: PathBuf,
    /// `SHA256:…`.
    pub fingerprint: String,
    /// The public key line.
    pub public_key: String,
    /// The principal of its allowed-signers line (the DPO's e-mail).
    pub principal: String,
    /// The `.pub` file written, relative to the workspace.
    pub public_key_file: String,
    /// True when the allowed-signers file listed the key already.
    pub already_listed: bool,
}

/// Makes (with `generate`) or reads the key, writes its public half to
/// `keys/dpo-<fingerprint>.pub`, adds its line to `keys/allowed_signers`
/// unless it is there, and journals `keys.generate` or `keys.publish`.
pub fn publish(ws: &Workspace, act: &Act, req: &PublishRequest) -> Result<Published, SigningError> {
    let Some(principal) = ws
        .processor
        .dpo
        .email
        .clone()
        .filter(|e| !e.trim().is_empty())
    else {
        return Err(SigningError::NoPrincipal);
    };
    let path = key_path(req.key.as_deref())?;
    ensure_outside_workspace(&path, &ws.root)?;
    // Refuse early, before a key is made, if nothing can be recorded.
    let lock = ws.lock()?;
    let key = if req.generate {
        SigningKey::generate(&path, &principal)?
    } else {
        SigningKey::load(&path)?
    };
    let fp = key.public().fingerprint(ssh_key::HashAlg::Sha256);
    let pub_rel = format!("{KEYS_DIR}/dpo-{}.pub", &hex::encode(fp.as_bytes())[..12]);
    let line = key.public_line();
    workspace::write_atomic(&ws.root.join(&pub_rel), format!("{line}\n").as_bytes())?;
    let as_path = allowed_signers_path(&ws.root);
    let mut text = workspace::if_exists(workspace::read_text(&as_path))?
        .unwrap_or_else(|| String::from(HEADER));
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
    let action = if req.generate {
        "keys.generate"
    } else {
        "keys.publish"
    };
    ws.journal().append(
        &lock,
        act.now,
        &act.actor,
        action,
        &pub_rel,
        line.as_bytes(),
    )?;
    Ok(Published {
        private_key: path,
        fingerprint: key.fingerprint(),
        public_key: line,
        principal,
        public_key_file: pub_rel,
        already_listed: listed,
    })
}

/// What the workspace knows of a key.
#[derive(Debug, Clone)]
pub struct KeyDescription {
    /// The private key file.
    pub private_key: PathBuf,
    /// `SHA256:…`.
    pub fingerprint: String,
    /// The public key line.
    pub public_key: String,
    /// The allowed-signers file looked in.
    pub allowed_signers: PathBuf,
    /// True when that file exists.
    pub allowed_signers_found: bool,
    /// The principals of each line that lists the key (none: signatures
    /// made with it would not verify).
    pub principals: Vec<String>,
}

/// Reads the key the user named (`None`: the default key) and looks it up
/// in `allowed_signers`. `workspace`, when there is one, is where the key
/// must not be.
pub fn describe_key(
    named: Option<&Path>,
    workspace: Option<&Path>,
    allowed_signers: &Path,
) -> Result<KeyDescription, SigningError> {
    let path = key_path(named)?;
    if let Some(root) = workspace {
        ensure_outside_workspace(&path, root)?;
    }
    let key = SigningKey::load(&path)?;
    let allowed = match AllowedSigners::load(allowed_signers) {
        Ok(a) => Some(a),
        Err(SigningError::AllowedSignersMissing { .. }) => None,
        Err(e) => return Err(e),
    };
    let principals = allowed
        .as_ref()
        .map(|a| {
            a.for_key(key.public().key_data())
                .iter()
                .map(|l| l.principals.clone())
                .collect()
        })
        .unwrap_or_default();
    Ok(KeyDescription {
        private_key: path,
        fingerprint: key.fingerprint(),
        public_key: key.public_line(),
        allowed_signers: allowed_signers.to_path_buf(),
        allowed_signers_found: allowed.is_some(),
        principals,
    })
}
