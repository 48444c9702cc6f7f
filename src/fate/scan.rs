//! The residual scan: files found anywhere whose content is a file of the
//! item's fingerprints. Matching is by SHA-256 only, so a copy that was
//! renamed or moved is still found; names play no part.

use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use super::{parse_manifest, Fate, FateError};
use crate::hashing::FileDigest;
use crate::model::{FateRecord, ScanMatch};
use crate::workspace::journal::sha256_hex;

/// SHA-256 of the empty file: every empty file has it, so it proves nothing
/// and is never reported as a match.
const EMPTY_SHA256: [u8; 32] = [
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
];

/// The SHA-256 of every file in an item's fingerprints.
#[derive(Debug, Default)]
pub struct Fingerprints {
    by_hash: HashMap<[u8; 32], Vec<u8>>,
    /// The manifests read, relative to the workspace.
    pub manifests: Vec<String>,
}

impl Fingerprints {
    /// Reads the manifests of every fingerprint of `item`, checking each one
    /// against the SHA-256 recorded when it was taken.
    pub fn load(root: &Path, fate: &Fate, item: &str) -> Result<Self, FateError> {
        let mut fp = Fingerprints::default();
        for r in &fate.file.records {
            let FateRecord::Fingerprint(f) = r else {
                continue;
            };
            if f.item.as_str() != item {
                continue;
            }
            let path = root.join(&f.manifest);
            let bytes = std::fs::read(&path).map_err(|source| FateError::Read {
                path: path.clone(),
                source,
            })?;
            if sha256_hex(&bytes) != f.manifest_sha256 {
                return Err(FateError::Manifest {
                    path,
                    line: 0,
                    message: format!(
                        "the manifest does not hash to the SHA-256 recorded when it was taken ({}): it was changed\n  hint: restore it from git, or take a new fingerprint",
                        f.manifest_sha256
                    ),
                });
            }
            for e in parse_manifest(&bytes, &path)? {
                fp.by_hash.entry(e.sha256).or_insert(e.name);
            }
            fp.manifests.push(f.manifest.clone());
        }
        if fp.manifests.is_empty() {
            return Err(FateError::NoFingerprint {
                item: fate.require_item(item)?.id.clone(),
            });
        }
        Ok(fp)
    }

    /// Number of distinct contents known.
    pub fn len(&self) -> usize {
        self.by_hash.len()
    }

    /// True when no content is known.
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    /// The name a content had in a fingerprint (empty files never match).
    pub fn known_as(&self, sha: &[u8; 32]) -> Option<&[u8]> {
        if *sha == EMPTY_SHA256 {
            return None;
        }
        self.by_hash.get(sha).map(Vec::as_slice)
    }
}

/// The files among `digests` whose content is in the fingerprints, in the
/// order of `digests`.
pub fn scan_matches(fp: &Fingerprints, digests: &[FileDigest]) -> Vec<ScanMatch> {
    digests
        .iter()
        .filter_map(|d| {
            fp.known_as(&d.sha256).map(|name| ScanMatch {
                path: String::from_utf8_lossy(d.path.as_os_str().as_bytes()).into_owned(),
                sha256: hex::encode(d.sha256),
                known_as: String::from_utf8_lossy(name).into_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn the_empty_file_constant_is_the_hash_of_nothing() {
        assert_eq!(Sha256::digest(b"")[..], EMPTY_SHA256[..]);
    }

    #[test]
    fn a_renamed_file_matches_by_content_and_an_empty_file_never_does() {
        let mut fp = Fingerprints::default();
        let a: [u8; 32] = Sha256::digest(b"etat civil").into();
        fp.by_hash.insert(a, b"actes/naissance.pdf".to_vec());
        fp.by_hash.insert(EMPTY_SHA256, b"vide.txt".to_vec());
        let digests = vec![
            FileDigest {
                path: "/srv/x/renamed.bin".into(),
                rel: b"renamed.bin".to_vec(),
                size: 10,
                sha256: a,
            },
            FileDigest {
                path: "/srv/x/empty".into(),
                rel: b"empty".to_vec(),
                size: 0,
                sha256: EMPTY_SHA256,
            },
            FileDigest {
                path: "/srv/x/other".into(),
                rel: b"other".to_vec(),
                size: 3,
                sha256: [1; 32],
            },
        ];
        let m = scan_matches(&fp, &digests);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].path, "/srv/x/renamed.bin");
        assert_eq!(m[0].known_as, "actes/naissance.pdf");
    }
}
