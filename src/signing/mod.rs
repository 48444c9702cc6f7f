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

use std::path::{Path, PathBuf};

pub use allowed_signers::{AllowedSigner, AllowedSigners};
pub use key::{default_key_path, ensure_outside_workspace, SigningKey};
pub use publish::{describe_key, publish, KeyDescription, PublishRequest, Published};
pub use signer::{
    allowed_signers_path, key_path, sig_path, sign_in_workspace, SignRequest, Signed, Signer,
};
pub use sshsig::{sign_file, sign_reader, verify_file, verify_reader, BadSignature, Verdict};

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

/// What can go wrong with keys and signatures (besides a signature that does
/// not verify, which is a [`Verdict`], not an error).
#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    /// `keys generate` found a key where it would write one.
    #[error("a signing key already exists at `{}`; dpo never overwrites a key\n  hint: use it as it is (`dpo keys show`; `dpo keys publish` adds it to a workspace), or pass --key NEW_PATH to make another one", path.display())]
    KeyExists {
        /// The existing key.
        path: PathBuf,
    },
    /// There is no private key where one was expected.
    #[error("no signing key at `{}`\n  hint: create one with `dpo keys generate`, or pass --key PATH (or set DPO_SIGNING_KEY) to use another key", path.display())]
    KeyMissing {
        /// Where we looked.
        path: PathBuf,
    },
    /// The private key can be read by other users.
    #[error("the private key `{}` is readable by others (mode {mode:04o}); OpenSSH refuses such a key, and so does dpo\n  hint: chmod 600 '{}'", path.display(), path.display())]
    KeyPermissions {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The private key is not a usable OpenSSH private key.
    #[error("`{}` is not an OpenSSH private key: {message}", path.display())]
    KeyParse {
        /// The key file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The private key is protected by a passphrase.
    #[error("the private key `{}` is protected by a passphrase, which dpo cannot ask for\n  hint: keep a dedicated signing key without passphrase in a 0600 file, or sign with `ssh-keygen -Y sign` yourself", path.display())]
    KeyEncrypted {
        /// The key file.
        path: PathBuf,
    },
    /// The key is not Ed25519.
    #[error("the key `{}` is {algorithm}; dpo signs with Ed25519 keys only\n  hint: make one with `dpo keys generate --key PATH`", path.display())]
    KeyAlgorithm {
        /// The key file.
        path: PathBuf,
        /// Its algorithm.
        algorithm: String,
    },
    /// The private key would be, or is, inside the workspace.
    #[error("refusing to use a private key inside the workspace: `{}` is under `{}`, which is shared (git) and sent to auditors\n  hint: keep the private key in your configuration folder (the default) or pass --key with a path outside the workspace", path.display(), workspace.display())]
    KeyInWorkspace {
        /// The key path.
        path: PathBuf,
        /// The workspace folder.
        workspace: PathBuf,
    },
    /// No configuration folder to put the default key in.
    #[error("cannot find your configuration folder (neither XDG_CONFIG_HOME nor HOME is set)\n  hint: pass --key PATH or set DPO_SIGNING_KEY")]
    NoConfigDir,
    /// Reading a key, a signature, a file to sign or to verify failed.
    #[error("failed to read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The cryptographic library refused an operation (a bug or a broken key).
    #[error("{operation} failed: {message}")]
    Crypto {
        /// What was being done.
        operation: &'static str,
        /// The library's message.
        message: String,
    },
    /// A line of an allowed-signers file cannot be read.
    #[error("`{}` line {line}: {message}", path.display())]
    AllowedSignersSyntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The key to sign with is not in the workspace's allowed-signers file.
    #[error("the signing key `{}` ({fingerprint}) is not in `{}`: the signatures it made would not verify\n  hint: `dpo keys publish{}` adds it", path.display(), allowed_signers.display(), named.as_ref().map(|k| format!(" --key '{}'", k.display())).unwrap_or_default())]
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
    #[error("the processor's DPO has no e-mail in `processor.yaml`: it is the principal of the allowed-signers line\n  hint: add `dpo: {{email: …}}` to processor.yaml")]
    NoPrincipal,
    /// Writing a signature failed.
    #[error("failed to write `{}`", path.display())]
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
    #[error("no allowed-signers file at `{}`\n  hint: `dpo keys generate` (a new key) or `dpo keys publish` (an existing one) writes it; the controller's copy comes with the certificate", path.display())]
    AllowedSignersMissing {
        /// Where we looked.
        path: PathBuf,
    },
}

impl SigningError {
    /// Reading `path` failed with `source`: `missing(path)` when there is no
    /// such file, else [`SigningError::Read`].
    fn read(path: &Path, source: std::io::Error, missing: fn(PathBuf) -> Self) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            missing(path.to_path_buf())
        } else {
            Self::Read {
                path: path.to_path_buf(),
                source,
            }
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
