//! Keys and OpenSSH signatures (SSHSIG, Ed25519): what lets a controller check
//! a certificate or a returned bag with `ssh-keygen -Y verify` and one
//! `allowed_signers` line, with no new tool to install.
//!
//! The private key lives outside the workspace (by default in the user's
//! configuration folder), is created with mode 0600 and never overwritten, and
//! a key that others can read is refused, as OpenSSH refuses it. Its bytes are
//! never printed nor written anywhere else. The public half is published in
//! the workspace (`keys/*.pub` and `keys/allowed_signers`, principal: the
//! processor DPO's e-mail).
//!
//! Files are signed and verified as streams (SHA-512 over fixed-size buffers),
//! so memory does not grow with the size of the file. The namespace binds a
//! signature to its purpose: a signature made for a bag cannot be passed off
//! as the signature of a certificate.
//!
//! The [`Signer`] is the key opened for a workspace (outside it, listed in its
//! allowed-signers file); the workflows that touch the workspace —
//! publishing a key, `dpo sign` — take its lock and journal what they wrote.

mod allowed_signers;
mod key;
mod publish;
mod signer;
mod sshsig;

use crate::render::catalog::{Msg, Told};
use crate::workspace::ReadError;
use std::path::{Path, PathBuf};

pub use allowed_signers::{AllowedSigner, AllowedSigners};
pub use key::{default_key_path, ensure_outside_workspace, SigningKey};
pub use publish::{describe_key, publish, KeyDescription, PublishRequest, Published};
pub use signer::{
    allowed_signers_path, key_path, sig_path, sign_in_workspace, SignRequest, Signed, Signer,
};
pub use sshsig::{
    sign_file, sign_reader, verify_file, verify_reader, Acceptance, BadSignature, Verdict,
};

/// Namespace of `dpo sign FILE` (as `ssh-keygen -Y sign -n file`).
pub const NS_FILE: &str = "file";
/// Namespace of destruction and return certificates and their JSON twins.
pub const NS_CERTIFICATE: &str = "dpo-certificate";
/// Namespace of the tag manifest of a returned BagIt bag.
pub const NS_BAG: &str = "dpo-bag";

/// File name, under the workspace's `keys/`, of the OpenSSH allowed-signers file.
pub const ALLOWED_SIGNERS: &str = "allowed_signers";
/// Folder of the workspace holding the public keys and [`ALLOWED_SIGNERS`].
pub const KEYS_DIR: &str = "keys";

crate::render::catalog::told_localize!(SigningError);

/// What can go wrong with keys and signatures (besides a signature that does
/// not verify, which is a [`Verdict`], not an error).
#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    /// `keys generate` found a key where it would write one.
    #[error("{}", self.told())]
    KeyExists {
        /// The existing key.
        path: PathBuf,
    },
    /// There is no private key where one was expected.
    #[error("{}", self.told())]
    KeyMissing {
        /// Where we looked.
        path: PathBuf,
    },
    /// The private key can be read by other users.
    #[error("{}", self.told())]
    KeyPermissions {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The private key is not a usable OpenSSH private key.
    #[error("{}", self.told())]
    KeyParse {
        /// The key file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The private key is protected by a passphrase.
    #[error("{}", self.told())]
    KeyEncrypted {
        /// The key file.
        path: PathBuf,
    },
    /// The key is not Ed25519.
    #[error("{}", self.told())]
    KeyAlgorithm {
        /// The key file.
        path: PathBuf,
        /// Its algorithm.
        algorithm: String,
    },
    /// The private key would be, or is, inside the workspace.
    #[error("{}", self.told())]
    KeyInWorkspace {
        /// The key path.
        path: PathBuf,
        /// The workspace folder.
        workspace: PathBuf,
    },
    /// No configuration folder to put the default key in.
    #[error("{}", self.told())]
    NoConfigDir,
    /// Reading a key, a signature, a file to sign or to verify failed.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The cryptographic library refused an operation (a bug or a broken key).
    #[error("{}", self.told())]
    Crypto {
        /// What was being done.
        operation: &'static str,
        /// The library's message.
        message: String,
    },
    /// A line of an allowed-signers file cannot be read.
    #[error("{}", self.told())]
    AllowedSignersSyntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The key to sign with is not in the workspace's allowed-signers file.
    #[error("{}", self.told())]
    KeyNotListed {
        /// The key file.
        path: PathBuf,
        /// Its fingerprint.
        fingerprint: String,
        /// The allowed-signers file.
        allowed_signers: PathBuf,
        /// The key as the user named it (`--key`), repeated in the hint.
        named: Option<PathBuf>,
    },
    /// The processor's DPO has no e-mail to be the principal of the key.
    #[error("{}", self.told())]
    NoPrincipal,
    /// Writing a signature failed.
    #[error("{}", self.told())]
    Output {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::workspace::WorkspaceError,
    },
    /// The workspace could not be locked, written or journaled, or a key
    /// not written.
    #[error(transparent)]
    Workspace(#[from] crate::workspace::WorkspaceError),
    /// The allowed-signers file does not exist.
    #[error("{}", self.told())]
    AllowedSignersMissing {
        /// Where we looked.
        path: PathBuf,
    },
}

impl SigningError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        let shown = |p: &Path| p.display().to_string();
        let at = |id: &'static str, p: &Path| Msg::new(id).arg("path", shown(p));
        match self {
            SigningError::KeyExists { path } => {
                Told::new(at("errors-key-exists", path)).hint(Msg::new("errors-key-exists-hint"))
            }
            SigningError::KeyMissing { path } => {
                Told::new(at("errors-key-missing", path)).hint(Msg::new("errors-key-missing-hint"))
            }
            SigningError::KeyPermissions { path, mode } => {
                Told::new(at("errors-key-permissions", path).arg("mode", format!("{mode:04o}")))
                    .hint(at("errors-key-permissions-hint", path))
            }
            SigningError::KeyParse { path, message } => {
                Told::new(at("errors-key-parse", path).arg("message", Msg::text(message.as_str())))
            }
            SigningError::KeyEncrypted { path } => Told::new(at("errors-key-encrypted", path))
                .hint(Msg::new("errors-key-encrypted-hint")),
            SigningError::KeyAlgorithm { path, algorithm } => {
                Told::new(at("errors-key-algorithm", path).arg("algorithm", algorithm.as_str()))
                    .hint(Msg::new("errors-key-algorithm-hint"))
            }
            SigningError::KeyInWorkspace { path, workspace } => {
                Told::new(at("errors-key-in-workspace", path).arg("workspace", shown(workspace)))
                    .hint(Msg::new("errors-key-in-workspace-hint"))
            }
            SigningError::NoConfigDir => Told::new(Msg::new("errors-no-config-dir"))
                .hint(Msg::new("errors-no-config-dir-hint")),
            SigningError::Read(e) => e.told(),
            SigningError::Crypto { operation, message } => Told::new(
                Msg::new("errors-crypto")
                    .arg("operation", *operation)
                    .arg("message", message.as_str()),
            ),
            SigningError::AllowedSignersSyntax {
                path,
                line,
                message,
            } => Told::new(
                at("errors-allowed-signers-line", path)
                    .arg("line", line.to_string())
                    .arg("message", Msg::text(message.as_str())),
            ),
            SigningError::KeyNotListed {
                path,
                fingerprint,
                allowed_signers,
                named,
            } => Told::new(
                at("errors-key-not-listed", path)
                    .arg("fingerprint", fingerprint.as_str())
                    .arg("allowed", shown(allowed_signers)),
            )
            .hint(
                Msg::new("errors-key-not-listed-hint").arg(
                    "key",
                    named
                        .as_ref()
                        .map(|k| format!(" --key '{}'", k.display()))
                        .unwrap_or_default(),
                ),
            ),
            SigningError::NoPrincipal => Told::new(Msg::new("errors-no-principal"))
                .hint(Msg::new("errors-no-principal-hint")),
            SigningError::Output { path, .. } => Told::new(at("errors-write", path)),
            SigningError::Workspace(e) => e.told(),
            SigningError::AllowedSignersMissing { path } => {
                Told::new(at("errors-allowed-signers-missing", path))
                    .hint(Msg::new("errors-allowed-signers-missing-hint"))
            }
        }
    }

    /// Reading `path` failed with `source`: `missing(path)` when there is no
    /// such file, else [`SigningError::Read`].
    fn read(path: &Path, source: std::io::Error, missing: fn(PathBuf) -> Self) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            missing(path.to_path_buf())
        } else {
            ReadError::at(path)(source).into()
        }
    }
}

/// Prepares `s` for a message: the first 200 characters, control characters
/// shown as `?` (a file name or a field may come from anywhere).
pub(crate) fn clip(s: &str) -> String {
    s.chars()
        .take(200)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
