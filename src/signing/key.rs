//! The private signing key: where it lives by default, how it is created
//! (never over an existing file, mode 0600) and how it is read (refused when
//! others can read it, as OpenSSH does).

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use ssh_key::{rand_core::OsRng, Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey};
use zeroize::Zeroizing;

use super::SigningError;

/// Largest private key file read: an Ed25519 key in OpenSSH format is about
/// 400 bytes; anything much larger is not a key.
const MAX_KEY_BYTES: u64 = 64 * 1024;

/// The default place of the private key: `dpo/signing_key` in the user's
/// configuration folder (`$XDG_CONFIG_HOME`, else `~/.config` on Linux).
pub fn default_key_path() -> Result<PathBuf, SigningError> {
    dirs::config_dir()
        .map(|d| d.join("dpo").join("signing_key"))
        .ok_or(SigningError::NoConfigDir)
}

/// Resolves `p` as the file system would: the deepest existing ancestor
/// canonicalised (symbolic links followed), the rest appended. Works for paths
/// that do not exist yet.
fn resolve(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            for r in rest.iter().rev() {
                out.push(r);
            }
            return normalise(&out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return normalise(&abs),
        }
    }
}

/// Removes `.` and resolves `..` lexically.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Refuses a private key path inside the workspace `root`: the workspace is
/// shared through git and handed to auditors.
pub fn ensure_outside_workspace(key: &Path, root: &Path) -> Result<(), SigningError> {
    let k = resolve(key);
    let r = resolve(root);
    if k.starts_with(&r) {
        return Err(SigningError::KeyInWorkspace {
            path: key.to_path_buf(),
            workspace: root.to_path_buf(),
        });
    }
    Ok(())
}

/// A loaded Ed25519 private key and where it came from. Its secret is never
/// printed: `Debug` shows only the path and the public fingerprint.
pub struct SigningKey {
    path: PathBuf,
    key: PrivateKey,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("path", &self.path)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// Makes a new Ed25519 key at `path` (OpenSSH format, usable by
    /// `ssh-keygen`), with `comment` (e.g. the DPO's e-mail). The file is
    /// created with mode 0600 and must not exist; its folder is created with
    /// mode 0700 when missing.
    pub fn generate(path: &Path, comment: &str) -> Result<Self, SigningError> {
        let crypto = |e: ssh_key::Error| SigningError::Crypto {
            operation: "key generation",
            message: e.to_string(),
        };
        if path.symlink_metadata().is_ok() {
            return Err(SigningError::KeyExists {
                path: path.to_path_buf(),
            });
        }
        let mut key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519).map_err(crypto)?;
        key.set_comment(comment);
        let pem = key.to_openssh(LineEnding::LF).map_err(crypto)?;
        let write_err = |source| {
            SigningError::from(crate::workspace::WorkspaceError::Write {
                path: path.to_path_buf(),
                source,
            })
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(dir).map_err(write_err)?;
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f = opts.open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                SigningError::KeyExists {
                    path: path.to_path_buf(),
                }
            } else {
                write_err(e)
            }
        })?;
        if let Err(e) = f.write_all(pem.as_bytes()).and_then(|_| f.sync_all()) {
            // Never leave half a key behind: the next `generate` would refuse it.
            drop(f);
            let _ = std::fs::remove_file(path);
            return Err(write_err(e));
        }
        Ok(Self {
            path: path.to_path_buf(),
            key,
        })
    }

    /// Reads the key at `path`, refusing it when others can read it (any of
    /// the group/other bits set, as OpenSSH's "UNPROTECTED PRIVATE KEY FILE"),
    /// when it has a passphrase, and when it is not Ed25519.
    pub fn load(path: &Path) -> Result<Self, SigningError> {
        let missing = |path| SigningError::KeyMissing { path };
        let read_err = |e| SigningError::read(path, e, missing);
        let f = std::fs::File::open(path).map_err(read_err)?;
        // The mode of the file actually opened, not of whatever the path
        // points to a moment later.
        let meta = f.metadata().map_err(read_err)?;
        if !meta.is_file() {
            return Err(SigningError::KeyParse {
                path: path.to_path_buf(),
                message: "not a regular file".into(),
            });
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                return Err(SigningError::KeyPermissions {
                    path: path.to_path_buf(),
                    mode,
                });
            }
        }
        // Zeroed on drop, and allocated once so that no reallocation leaves a
        // stray copy of the PEM text behind.
        let mut text = Zeroizing::new(String::with_capacity(MAX_KEY_BYTES as usize + 1));
        f.take(MAX_KEY_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| SigningError::KeyParse {
                path: path.to_path_buf(),
                message: format!("not text ({e})"),
            })?;
        if text.len() as u64 > MAX_KEY_BYTES {
            return Err(SigningError::KeyParse {
                path: path.to_path_buf(),
                message: format!("the file is larger than {MAX_KEY_BYTES} bytes"),
            });
        }
        let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| SigningError::KeyParse {
            path: path.to_path_buf(),
            message: if text.contains("BEGIN OPENSSH PRIVATE KEY") {
                e.to_string()
            } else {
                "no `-----BEGIN OPENSSH PRIVATE KEY-----` block (is it a public key, or a PEM/PKCS#8 key? convert it with `ssh-keygen -p -f FILE`)".into()
            },
        })?;
        if key.is_encrypted() {
            return Err(SigningError::KeyEncrypted {
                path: path.to_path_buf(),
            });
        }
        if key.algorithm() != Algorithm::Ed25519 {
            return Err(SigningError::KeyAlgorithm {
                path: path.to_path_buf(),
                algorithm: key.algorithm().to_string(),
            });
        }
        Ok(Self {
            path: path.to_path_buf(),
            key,
        })
    }

    /// Where the key was read from or written to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The public half.
    pub fn public(&self) -> &PublicKey {
        self.key.public_key()
    }

    /// The public key as one OpenSSH line, `ssh-ed25519 AAAA… comment`.
    pub fn public_line(&self) -> String {
        public_line(self.public())
    }

    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        self.public().fingerprint(HashAlg::Sha256).to_string()
    }

    /// The private key, for the signing code of this module only.
    pub(super) fn private(&self) -> &PrivateKey {
        &self.key
    }
}

/// The public key as one OpenSSH line.
pub(super) fn public_line(k: &PublicKey) -> String {
    // Encoding a public key we hold cannot fail in practice; fall back to the
    // fingerprint rather than panic.
    k.to_openssh()
        .unwrap_or_else(|_| format!("# unencodable key {}", k.fingerprint(HashAlg::Sha256)))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    #[test]
    #[cfg(unix)]
    fn a_generated_key_has_mode_0600_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cfg/dpo/signing_key");
        let k = SigningKey::generate(&p, "dpo@example.org").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(p.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
        let back = SigningKey::load(&p).unwrap();
        assert_eq!(back.public_line(), k.public_line());
        assert!(k.public_line().starts_with("ssh-ed25519 "));
        assert!(!format!("{k:?}").contains("PRIVATE"));
    }

    #[test]
    fn generate_never_overwrites_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("signing_key");
        std::fs::write(&p, "precious").unwrap();
        let e = SigningKey::generate(&p, "x").unwrap_err();
        assert!(matches!(e, SigningError::KeyExists { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "precious");
    }

    #[test]
    #[cfg(unix)]
    fn a_key_readable_by_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        SigningKey::generate(&p, "x").unwrap();
        for mode in [0o644, 0o640, 0o604, 0o660] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
            let e = SigningKey::load(&p).unwrap_err();
            assert!(
                matches!(e, SigningError::KeyPermissions { .. }),
                "{mode:o}: {e}"
            );
            assert!(e.to_string().contains("chmod 600"), "{e}");
        }
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert!(SigningKey::load(&p).is_ok());
    }

    #[test]
    #[cfg(unix)]
    fn a_file_that_is_not_a_key_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        std::fs::write(&p, "ssh-ed25519 AAAA not a private key\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        let e = SigningKey::load(&p).unwrap_err();
        assert!(matches!(e, SigningError::KeyParse { .. }), "{e}");
        assert!(
            e.to_string().contains("is not an OpenSSH private key"),
            "{e}"
        );
        let missing = SigningKey::load(&dir.path().join("none")).unwrap_err();
        assert!(
            matches!(missing, SigningError::KeyMissing { .. }),
            "{missing}"
        );
    }

    #[test]
    fn a_key_path_inside_the_workspace_is_refused_even_through_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("registers");
        std::fs::create_dir_all(ws.join("keys")).unwrap();
        assert!(ensure_outside_workspace(&ws.join("keys/secret"), &ws).is_err());
        assert!(ensure_outside_workspace(&ws.join("new/dir/k"), &ws).is_err());
        assert!(ensure_outside_workspace(&dir.path().join("other/../registers/k"), &ws).is_err());
        assert!(ensure_outside_workspace(&dir.path().join("cfg/k"), &ws).is_ok());
        assert!(ensure_outside_workspace(&dir.path().join("registers2/k"), &ws).is_ok());
    }
}
