//! The key that signs for a workspace: loaded from outside the workspace and
//! listed in its `keys/allowed_signers` (else its signatures would not
//! verify), with the principal the controller will name; and `dpo sign`,
//! which signs a file with it, writes `FILE.sig` and journals the signature.

use std::path::{Path, PathBuf};

use super::{
    default_key_path, ensure_outside_workspace, sign_file, AllowedSigners, SigningError,
    SigningKey, ALLOWED_SIGNERS, KEYS_DIR, NS_FILE,
};
use crate::workspace::{self, Act, Workspace};

/// The allowed-signers file of the workspace at `root`.
pub fn allowed_signers_path(root: &Path) -> PathBuf {
    root.join(KEYS_DIR).join(ALLOWED_SIGNERS)
}

/// Where the signature of `file` goes: `FILE.sig`, as `ssh-keygen -Y sign`
/// writes it.
pub fn sig_path(file: &Path) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(".sig");
    PathBuf::from(s)
}

/// The private key to use: the one the user named (`--key` or
/// `DPO_SIGNING_KEY`), else the default one in the configuration folder.
pub fn key_path(named: Option<&Path>) -> Result<PathBuf, SigningError> {
    match named {
        Some(p) => Ok(p.to_path_buf()),
        None => default_key_path(),
    }
}

/// A key ready to sign for the workspace: loaded, outside the workspace, and
/// listed in its allowed-signers file.
#[derive(Debug)]
pub struct Signer {
    /// The private key.
    pub key: SigningKey,
    /// The principal of its allowed-signers line (the DPO's e-mail when the
    /// line lists it).
    pub principal: String,
    /// The workspace's allowed-signers file.
    pub allowed: AllowedSigners,
}

impl Signer {
    /// Opens the key the user named (`None`: the default key) for the
    /// workspace `ws`.
    pub fn open(ws: &Workspace, named: Option<&Path>) -> Result<Self, SigningError> {
        let path = key_path(named)?;
        ensure_outside_workspace(&path, &ws.root)?;
        let key = SigningKey::load(&path)?;
        let allowed = AllowedSigners::load(&allowed_signers_path(&ws.root))?;
        let lines = allowed.for_key(key.public().key_data());
        let Some(first) = lines.first() else {
            return Err(SigningError::KeyNotListed {
                fingerprint: key.fingerprint(),
                allowed_signers: allowed.path.clone(),
                named: named.map(Path::to_path_buf),
                path,
            });
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

    /// The line to put in `allowed_signers` for this key and principal.
    pub fn allowed_signers_line(&self) -> String {
        AllowedSigners::line_for(&self.principal, self.key.public())
    }
}

/// What `dpo sign` needs.
#[derive(Debug, Clone)]
pub struct SignRequest {
    /// The file to sign.
    pub file: PathBuf,
    /// The key the user named (`None`: the default key).
    pub key: Option<PathBuf>,
}

/// A file signed by [`sign_in_workspace`].
#[derive(Debug, Clone)]
pub struct Signed {
    /// The signature written (`FILE.sig`).
    pub signature: PathBuf,
    /// `SHA256:…` of the key.
    pub key_fingerprint: String,
    /// The principal that verifies it.
    pub principal: String,
    /// The workspace's allowed-signers file.
    pub allowed_signers: PathBuf,
}

/// Signs a file with the workspace's key (namespace `file`), writes
/// `FILE.sig` under the workspace lock and journals it.
pub fn sign_in_workspace(
    ws: &Workspace,
    act: &Act,
    req: &SignRequest,
) -> Result<Signed, SigningError> {
    let signer = Signer::open(ws, req.key.as_deref())?;
    let pem = sign_file(&signer.key, NS_FILE, &req.file)?;
    let out = sig_path(&req.file);
    let lock = ws.lock()?;
    workspace::write_atomic(&out, pem.as_bytes()).map_err(|source| SigningError::Output {
        path: out.clone(),
        source,
    })?;
    ws.journal().append(
        &lock,
        act.now,
        &act.actor,
        "file.sign",
        &req.file.display().to_string(),
        pem.as_bytes(),
    )?;
    Ok(Signed {
        signature: out,
        key_fingerprint: signer.key.fingerprint(),
        principal: signer.principal,
        allowed_signers: allowed_signers_path(&ws.root),
    })
}
