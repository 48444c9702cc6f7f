//! SSHSIG signatures (OpenSSH `PROTOCOL.sshsig`) made and checked over a
//! stream: the message is hashed in fixed-size buffers, and only its hash is
//! signed, exactly as `ssh-keygen -Y sign` does, so a signature made here
//! verifies with `ssh-keygen -Y verify` and the other way round.

use crate::render::catalog::{Msg, Told};
use crate::workspace::ReadError;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256, Sha512};
use signature::{Signer, Verifier};
use ssh_key::{HashAlg, LineEnding, SshSig};

use super::{clip, AllowedSigners, SigningError, SigningKey};

/// Size of the read buffer when hashing a message.
const BUF: usize = 256 * 1024;
/// Largest signature file read (an Ed25519 SSHSIG in PEM is about 300 bytes).
const MAX_SIG_BYTES: u64 = 64 * 1024;

/// Hashes a stream with SHA-256 or SHA-512.
fn digest(alg: HashAlg, r: impl Read) -> std::io::Result<Vec<u8>> {
    match alg {
        HashAlg::Sha256 => stream::<Sha256>(r),
        _ => stream::<Sha512>(r),
    }
}

/// Feeds a stream to a hash in fixed-size buffers.
fn stream<D: Digest>(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; BUF];
    let mut h = D::new();
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().to_vec())
}

/// Appends an SSH `string` (u32 big-endian length, then the bytes).
fn put_string(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s);
}

/// The blob that is actually signed (`PROTOCOL.sshsig`, "Signed Data"):
/// `"SSHSIG" || string namespace || string reserved || string hash_algorithm
/// || string H(message)`.
fn signed_data(namespace: &str, reserved: &[u8], alg: HashAlg, hash: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(6 + 16 + namespace.len() + reserved.len() + hash.len());
    out.extend_from_slice(b"SSHSIG");
    put_string(&mut out, namespace.as_bytes());
    put_string(&mut out, reserved);
    put_string(&mut out, alg.as_str().as_bytes());
    put_string(&mut out, hash);
    out
}

/// Signs the stream `r` in `namespace` with SHA-512 (the hash `ssh-keygen`
/// uses); returns the armored signature (`-----BEGIN SSH SIGNATURE-----`).
pub fn sign_reader(
    key: &SigningKey,
    namespace: &str,
    r: impl Read,
    what: &Path,
) -> Result<String, SigningError> {
    let crypto = |e: String| SigningError::Crypto {
        operation: "signing",
        message: e,
    };
    if namespace.is_empty() {
        return Err(crypto("the namespace is empty".into()));
    }
    let hash = digest(HashAlg::Sha512, r).map_err(ReadError::at(what))?;
    let blob = signed_data(namespace, &[], HashAlg::Sha512, &hash);
    let sig = key
        .private()
        .try_sign(&blob)
        .map_err(|e| crypto(e.to_string()))?;
    let sshsig = SshSig::new(
        key.public().key_data().clone(),
        namespace,
        HashAlg::Sha512,
        sig,
    )
    .map_err(|e| crypto(e.to_string()))?;
    sshsig
        .to_pem(LineEnding::LF)
        .map_err(|e| crypto(e.to_string()))
}

/// Signs the file at `path` in `namespace`; returns the armored signature.
pub fn sign_file(key: &SigningKey, namespace: &str, path: &Path) -> Result<String, SigningError> {
    let f = std::fs::File::open(path).map_err(ReadError::at(path))?;
    sign_reader(key, namespace, f, path)
}

/// Why a signature does not vouch for a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum BadSignature {
    /// The signature file is not an SSHSIG signature.
    #[error("{}", self.told())]
    Malformed {
        /// Why.
        message: String,
    },
    /// Signed for another purpose.
    #[error("{}", self.told())]
    WrongNamespace {
        /// The namespace in the signature.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// The key that signed is not in the allowed-signers file.
    #[error("{}", self.told())]
    UnknownKey {
        /// Fingerprint of the key in the signature.
        fingerprint: String,
    },
    /// The key is listed, but not for this principal.
    #[error("{}", self.told())]
    WrongPrincipal {
        /// Fingerprint of the key.
        fingerprint: String,
        /// The identity asked for.
        identity: String,
        /// The principals it is listed for.
        principals: String,
    },
    /// The key is listed, but limited to other namespaces or to another time.
    #[error("{}", self.told())]
    NotAllowed {
        /// Fingerprint of the key.
        fingerprint: String,
        /// Which restriction refused it.
        detail: String,
    },
    /// The signature does not match the bytes of the file.
    #[error("{}", self.told())]
    Mismatch,
}

impl BadSignature {
    /// What is wrong, as a catalog message.
    pub fn told(&self) -> Told {
        Told::new(match self {
            BadSignature::Malformed { message } => {
                Msg::new("errors-sig-malformed").arg("message", Msg::text(message.as_str()))
            }
            BadSignature::WrongNamespace { found, expected } => Msg::new("errors-sig-namespace")
                .arg("found", found.as_str())
                .arg("expected", expected.as_str()),
            BadSignature::UnknownKey { fingerprint } => {
                Msg::new("errors-sig-unknown-key").arg("fingerprint", fingerprint.as_str())
            }
            BadSignature::WrongPrincipal {
                fingerprint,
                identity,
                principals,
            } => Msg::new("errors-sig-principal")
                .arg("fingerprint", fingerprint.as_str())
                .arg("identity", identity.as_str())
                .arg("principals", principals.as_str()),
            BadSignature::NotAllowed {
                fingerprint,
                detail,
            } => Msg::new("errors-sig-not-allowed")
                .arg("fingerprint", fingerprint.as_str())
                .arg("detail", Msg::text(detail.as_str())),
            BadSignature::Mismatch => Msg::new("errors-sig-mismatch"),
        })
    }
}

crate::render::catalog::told_localize!(BadSignature);

/// The outcome of checking a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Verdict {
    /// The signature is good.
    Good {
        /// The principal the key is listed for (the first one when several).
        principal: String,
        /// Fingerprint of the signing key.
        fingerprint: String,
        /// The namespace it was signed in.
        namespace: String,
    },
    /// The signature does not vouch for the file.
    Bad {
        /// Why.
        #[serde(flatten)]
        reason: BadSignature,
    },
}

impl Verdict {
    /// True for a good signature.
    pub fn is_good(&self) -> bool {
        matches!(self, Verdict::Good { .. })
    }
}

/// What a signature must meet to be accepted, whatever it signs.
#[derive(Debug, Clone, Copy)]
pub struct Acceptance<'a> {
    /// The keys trusted, with their principals and options.
    pub allowed: &'a AllowedSigners,
    /// The purposes accepted: the signature's namespace must be one of them.
    pub namespaces: &'a [&'a str],
    /// When given, one of the principals of the allowed-signers line, as
    /// `ssh-keygen -Y verify -I`.
    pub identity: Option<&'a str>,
    /// The instant checked against the `valid-after`/`valid-before` options
    /// of that line.
    pub now: DateTime<Utc>,
}

/// Checks the armored signature `sig` over the stream `r` (named `what`)
/// against `accept`.
pub fn verify_reader(
    accept: &Acceptance<'_>,
    sig: &str,
    r: impl Read,
    what: &Path,
) -> Result<Verdict, SigningError> {
    let Acceptance {
        allowed,
        namespaces,
        identity,
        now,
    } = *accept;
    let bad = |reason| Ok(Verdict::Bad { reason });
    let sshsig = match SshSig::from_pem(sig.trim_end()) {
        Ok(s) => s,
        Err(e) => {
            return bad(BadSignature::Malformed {
                message: e.to_string(),
            })
        }
    };
    if sshsig.version() != 1 {
        return bad(BadSignature::Malformed {
            message: format!("unsupported version {}", sshsig.version()),
        });
    }
    let ns = sshsig.namespace().to_string();
    if !namespaces.contains(&ns.as_str()) {
        return bad(BadSignature::WrongNamespace {
            found: clip(&ns),
            expected: namespaces.join("` or `"),
        });
    }
    let fingerprint = sshsig.public_key().fingerprint(HashAlg::Sha256).to_string();
    let candidates = allowed.for_key(sshsig.public_key());
    if candidates.is_empty() {
        return bad(BadSignature::UnknownKey { fingerprint });
    }
    let for_identity: Vec<_> = match identity {
        None => candidates.clone(),
        Some(id) => candidates
            .iter()
            .copied()
            .filter(|c| c.matches_principal(id))
            .collect(),
    };
    if for_identity.is_empty() {
        let principals = candidates
            .iter()
            .map(|c| c.principals.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return bad(BadSignature::WrongPrincipal {
            fingerprint,
            identity: identity.unwrap_or_default().to_string(),
            principals,
        });
    }
    let mut refusals = Vec::new();
    let entry = for_identity.iter().find(|c| match c.allows(&ns, now) {
        Ok(()) => true,
        Err(why) => {
            refusals.push(why);
            false
        }
    });
    let Some(entry) = entry else {
        return bad(BadSignature::NotAllowed {
            fingerprint,
            detail: refusals.join("; "),
        });
    };
    let hash = digest(sshsig.hash_alg(), r).map_err(ReadError::at(what))?;
    let blob = signed_data(&ns, sshsig.reserved(), sshsig.hash_alg(), &hash);
    if sshsig
        .public_key()
        .verify(&blob, sshsig.signature())
        .is_err()
    {
        return bad(BadSignature::Mismatch);
    }
    let principal = match identity {
        Some(id) => id.to_string(),
        None => entry
            .principals
            .split(',')
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    Ok(Verdict::Good {
        principal,
        fingerprint,
        namespace: ns,
    })
}

/// Checks the signature file `sig_path` over the file `path`. A missing or
/// unreadable file is an error; a signature that does not vouch for the file
/// is a [`Verdict::Bad`].
pub fn verify_file(
    accept: &Acceptance<'_>,
    path: &Path,
    sig_path: &Path,
) -> Result<Verdict, SigningError> {
    let read = |p: &Path, source| SigningError::from(ReadError::at(p)(source));
    let sig_file = std::fs::File::open(sig_path).map_err(|e| read(sig_path, e))?;
    let mut sig = String::new();
    if let Err(e) = sig_file.take(MAX_SIG_BYTES).read_to_string(&mut sig) {
        return Ok(Verdict::Bad {
            reason: BadSignature::Malformed {
                message: format!("not text ({e})"),
            },
        });
    }
    let f = std::fs::File::open(path).map_err(|e| read(path, e))?;
    verify_reader(accept, &sig, f, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(dir: &Path, name: &str) -> SigningKey {
        SigningKey::generate(&dir.join(name), "dpo@example.org").unwrap()
    }

    fn allowed_for(k: &SigningKey) -> AllowedSigners {
        AllowedSigners::parse(
            &format!("dpo@example.org {}\n", k.public_line()),
            Path::new("allowed_signers"),
        )
        .unwrap()
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2021-08-02T10:00:00Z")
            .unwrap()
            .to_utc()
    }

    #[test]
    fn a_streamed_signature_is_the_one_ssh_key_would_make_and_verifies_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(dir.path(), "k");
        let msg = b"Certificat de destruction".repeat(50_000);
        let pem = sign_reader(&k, "file", &msg[..], Path::new("m")).unwrap();
        // The library's own, non-streamed verification agrees.
        let parsed = SshSig::from_pem(&pem).unwrap();
        k.public().verify("file", &msg, &parsed).unwrap();
        // Ed25519 is deterministic: the same signature as the library's.
        let theirs = k.private().sign("file", HashAlg::Sha512, &msg).unwrap();
        assert_eq!(theirs.to_pem(LineEnding::LF).unwrap(), pem);
    }

    /// `verify_reader` of `pem` over `msg` named `m`, now.
    fn verify(
        allowed: &AllowedSigners,
        namespaces: &[&str],
        identity: Option<&str>,
        pem: &str,
        msg: &[u8],
    ) -> Verdict {
        let accept = Acceptance {
            allowed,
            namespaces,
            identity,
            now: now(),
        };
        verify_reader(&accept, pem, msg, Path::new("m")).unwrap()
    }

    #[test]
    fn a_good_signature_verifies_and_names_the_principal() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(dir.path(), "k");
        let pem = sign_reader(&k, "file", &b"hello"[..], Path::new("m")).unwrap();
        match verify(&allowed_for(&k), &["file"], None, &pem, b"hello") {
            Verdict::Good {
                principal,
                namespace,
                ..
            } => {
                assert_eq!(principal, "dpo@example.org");
                assert_eq!(namespace, "file");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_changed_message_another_key_or_another_namespace_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(dir.path(), "k");
        let other = key(dir.path(), "other");
        let pem = sign_reader(&k, "file", &b"hello"[..], Path::new("m")).unwrap();
        let check = |allowed: &AllowedSigners, ns: &[&str], msg: &[u8]| match verify(
            allowed, ns, None, &pem, msg,
        ) {
            Verdict::Bad { reason } => reason,
            g => panic!("accepted: {g:?}"),
        };
        assert_eq!(
            check(&allowed_for(&k), &["file"], b"hellO"),
            BadSignature::Mismatch
        );
        assert!(matches!(
            check(&allowed_for(&other), &["file"], b"hello"),
            BadSignature::UnknownKey { .. }
        ));
        assert!(matches!(
            check(&allowed_for(&k), &["dpo-certificate"], b"hello"),
            BadSignature::WrongNamespace { .. }
        ));
        let garbage = verify(&allowed_for(&k), &["file"], None, "nonsense", b"hello");
        assert!(matches!(
            garbage,
            Verdict::Bad {
                reason: BadSignature::Malformed { .. }
            }
        ));
    }

    #[test]
    fn an_identity_that_is_not_a_principal_of_the_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let k = key(dir.path(), "k");
        let pem = sign_reader(&k, "file", &b"x"[..], Path::new("m")).unwrap();
        let v = verify(
            &allowed_for(&k),
            &["file"],
            Some("someone@else"),
            &pem,
            b"x",
        );
        assert!(
            matches!(
                v,
                Verdict::Bad {
                    reason: BadSignature::WrongPrincipal { .. }
                }
            ),
            "{v:?}"
        );
        let v = verify(
            &allowed_for(&k),
            &["file"],
            Some("dpo@example.org"),
            &pem,
            b"x",
        );
        assert!(v.is_good());
    }
}
