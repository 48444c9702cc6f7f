//! The residual scan (`dpo fate scan`): files found anywhere whose content
//! is a file of the item's fingerprints. Matching is by SHA-256 only, so a
//! copy that was renamed or moved is still found; names play no part. Each
//! scan is recorded, clean or not, as the verification of a destruction.
//!
//! Only files of a fingerprinted size are read: the others are listed and
//! their size taken, nothing more, since a file of another size cannot hold
//! a fingerprinted content; of a file longer than 4 096 bytes, the first
//! 4 096 bytes are read and the rest only when they are the start of a
//! fingerprinted file, as duplicate finders (fclones, rmlint) do. The sizes
//! come from the fingerprints' `hashdeep` manifests, the starts from their
//! heads manifests; when one fingerprint of the item has none (taken before
//! they were kept), that step reads every file.

use std::collections::{HashMap, HashSet};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{
    local_second, lossy, parse_hashdeep, parse_manifest, Fate, FateError, Payload, Progress,
};
use crate::hashing::sha256_hex;
use crate::hashing::{self, FileDigest};
use crate::model::{FateRecord, FingerprintRecord, Id, KeptFile, ScanMatch, ScanRecord};
use crate::render::catalog::Msg;
use crate::render::said::Refusal;
use crate::workspace::{Act, Workspace};

/// How many matches a scan record keeps (the count is always kept).
const KEPT: usize = 100;

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
    /// The sizes of the fingerprinted files (empty files aside); `None`
    /// when a fingerprint has no sizes.
    sizes: Option<HashSet<u64>>,
    /// The hashes of the first [`hashing::HEAD`] bytes of the fingerprinted
    /// files longer than that; `None` when a fingerprint has none.
    heads: Option<HashSet<[u8; 32]>>,
    /// The manifests read, relative to the workspace.
    pub manifests: Vec<String>,
}

/// Adds to `set` what `parse` reads in a fingerprint's evidence file
/// (checked against its recorded SHA-256), and names the file in
/// `manifests`; a fingerprint without that file leaves the set unknown.
fn gather<T: Eq + std::hash::Hash>(
    root: &Path,
    kept: Option<&KeptFile>,
    set: &mut Option<HashSet<T>>,
    manifests: &mut Vec<String>,
    parse: impl Fn(&[u8], &Path) -> Result<Vec<T>, FateError>,
) -> Result<(), FateError> {
    match (kept, set.as_mut()) {
        (Some(k), Some(set)) => {
            let bytes = read_checked(root, &k.file, &k.sha256)?;
            set.extend(parse(&bytes, &root.join(&k.file))?);
            manifests.push(k.file.clone());
        }
        _ => *set = None,
    }
    Ok(())
}

/// Reads an evidence file of a fingerprint, checking it hashes to what was
/// recorded when it was written.
fn read_checked(root: &Path, rel: &str, sha256: &str) -> Result<Vec<u8>, FateError> {
    let path = root.join(rel);
    let bytes = std::fs::read(&path).map_err(|source| FateError::Read {
        path: path.clone(),
        source,
    })?;
    if sha256_hex(&bytes) != sha256 {
        return Err(FateError::Manifest {
            path,
            line: 0,
            said: Refusal::new(Msg::new("duties-fate-manifest-changed").arg("sha256", sha256))
                .hint(Msg::new("duties-fate-manifest-changed-hint")),
        });
    }
    Ok(bytes)
}

impl Fingerprints {
    /// Reads the manifests of every fingerprint of `item`, checking each one
    /// against the SHA-256 recorded when it was taken.
    pub fn load(root: &Path, fate: &Fate, item: &str) -> Result<Self, FateError> {
        let mut fp = Fingerprints {
            sizes: Some(HashSet::new()),
            heads: Some(HashSet::new()),
            ..Fingerprints::default()
        };
        for f in fate.records::<FingerprintRecord>() {
            if f.item.as_str() != item {
                continue;
            }
            let bytes = read_checked(root, &f.manifest, &f.manifest_sha256)?;
            for e in parse_manifest(&bytes, &root.join(&f.manifest))? {
                fp.by_hash.entry(e.sha256).or_insert(e.name);
            }
            fp.manifests.push(f.manifest.clone());
            gather(
                root,
                f.hashdeep.as_ref(),
                &mut fp.sizes,
                &mut fp.manifests,
                |b, p| Ok(parse_hashdeep(b, p)?.iter().map(|e| e.size).collect()),
            )?;
            gather(
                root,
                f.heads.as_ref(),
                &mut fp.heads,
                &mut fp.manifests,
                |b, p| Ok(parse_manifest(b, p)?.iter().map(|e| e.sha256).collect()),
            )?;
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

    /// Whether a file of `size` bytes may hold a fingerprinted content:
    /// never an empty file; any other size when the sizes are not known.
    pub fn may_hold(&self, size: u64) -> bool {
        size > 0 && self.sizes.as_ref().is_none_or(|s| s.contains(&size))
    }

    /// Whether a file longer than [`hashing::HEAD`] whose first bytes hash
    /// to `head` may hold a fingerprinted content: any, when the heads are
    /// not known.
    pub fn may_start_with(&self, head: &[u8; 32]) -> bool {
        self.heads.as_ref().is_none_or(|h| h.contains(head))
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

/// What `dpo fate scan` needs.
#[derive(Debug, Clone)]
pub struct ScanRequest {
    /// The controller whose fate file holds the item (`None`: the one that has it).
    pub controller: Option<Id>,
    /// The item looked for.
    pub item: String,
    /// Files and folders to read.
    pub paths: Vec<PathBuf>,
    /// The copy whose destruction the scan verifies.
    pub copy: Option<String>,
}

/// A scan done and recorded; serialised as the controller and the record.
#[derive(Debug, Clone, Serialize)]
pub struct Scanned {
    /// The controller.
    pub controller: Id,
    /// The record appended to the fate file.
    #[serde(flatten)]
    pub record: ScanRecord,
    /// The fate file, relative to the workspace.
    #[serde(skip)]
    pub file: String,
    /// Every match (the record keeps the first ones).
    #[serde(skip)]
    pub matches: Vec<ScanMatch>,
    /// How many distinct contents the fingerprints hold.
    #[serde(skip)]
    pub contents: usize,
}

/// Hashes every file under the request's paths, compares them with the
/// item's fingerprints, appends the scan record and journals it.
pub fn scan(
    ws: &Workspace,
    act: &Act,
    req: &ScanRequest,
    progress: Progress<'_>,
) -> Result<Scanned, FateError> {
    let f = super::find_item(ws, req.controller.as_ref(), &req.item)?;
    let item = f.require_item(&req.item)?;
    let copy = match &req.copy {
        Some(c) => Some(f.require_copy(item, c)?.id.clone()),
        None => None,
    };
    let item = item.id.clone();
    let fp = Fingerprints::load(&ws.root, &f, item.as_str())?;
    ws.ready_to_write()?;
    let sieve = hashing::Sieve {
        size: &|size| fp.may_hold(size),
        head: &|head| fp.may_start_with(head),
    };
    let sifted = hashing::hash_tree_sized(&req.paths, &sieve, progress)?;
    let matches = scan_matches(&fp, &sifted.digests);
    let record = ScanRecord {
        item: item.clone(),
        copy,
        at: local_second(act.now, ws.tz),
        by: act.actor.clone(),
        paths: req.paths.iter().map(|p| lossy(p)).collect(),
        files: sifted.files,
        bytes: sifted.bytes,
        hashed: fp.sizes.is_some().then_some(sifted.digests.len() as u64),
        clean: matches.is_empty(),
        matched: matches.len() as u64,
        matches: matches.iter().take(KEPT).cloned().collect(),
    };
    let lock = ws.lock()?;
    super::append_record(
        ws,
        &lock,
        &f,
        act,
        FateRecord::Scan(record.clone()),
        Payload::Record,
    )?;
    Ok(Scanned {
        file: f.rel(),
        controller: f.controller,
        record,
        matches,
        contents: fp.len(),
    })
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
                head: None,
            },
            FileDigest {
                path: "/srv/x/empty".into(),
                rel: b"empty".to_vec(),
                size: 0,
                sha256: EMPTY_SHA256,
                head: None,
            },
            FileDigest {
                path: "/srv/x/other".into(),
                rel: b"other".to_vec(),
                size: 3,
                sha256: [1; 32],
                head: None,
            },
        ];
        let m = scan_matches(&fp, &digests);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].path, "/srv/x/renamed.bin");
        assert_eq!(m[0].known_as, "actes/naissance.pdf");
    }

    #[test]
    fn only_a_fingerprinted_size_may_hold_a_content_and_every_size_when_sizes_are_unknown() {
        let mut fp = Fingerprints {
            sizes: Some([5, 7].into_iter().collect()),
            ..Fingerprints::default()
        };
        assert!(fp.may_hold(5) && fp.may_hold(7));
        assert!(!fp.may_hold(6) && !fp.may_hold(0));
        fp.sizes = None;
        assert!(fp.may_hold(6) && !fp.may_hold(0));
    }
}
