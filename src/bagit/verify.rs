//! The BagIt validator (RFC 8493 §3): is a bag complete — every file its
//! manifests list is there, or listed in `fetch.txt` to be fetched — and
//! valid — every digest of every manifest matches, nothing extra, every path
//! inside the bag, `Payload-Oxum` right?
//!
//! Bags come from other tools too, so every manifest algorithm a bag may
//! carry is checked (MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512; MD5
//! and SHA-1 with a warning that they are weak), tag files are read in the
//! `Tag-File-Character-Encoding` of `bagit.txt` (UTF-8, ISO-8859-1, UTF-16…,
//! decoded by `encoding_rs`, whose ISO-8859-1 is the WHATWG windows-1252),
//! and the habits of older tools that the BagIt conformance suite counts as
//! valid are accepted with a warning: `*data/…` (`md5sum` in binary mode),
//! `./data/…`, a line listed twice with the same digest before BagIt 1.0,
//! spaces before the colon of a `bag-info.txt` label. Files that
//! `fetch.txt` lists and that are not in the payload make the bag
//! incomplete, not invalid: they are reported as not fetched (nothing is
//! ever downloaded).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use rayon::prelude::*;
use sha2::digest::DynDigest;

use super::problem::{BagProblem, BagProblemKind, Fault, LineFault};
use super::{decode_path, display_bytes, encode_path, BagError};
use crate::hashing::{self, OtherKind};

/// A digest algorithm of a manifest (`manifest-<name>.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Alg {
    /// MD5 (weak).
    Md5,
    /// SHA-1 (weak).
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Alg {
    /// Every algorithm checked.
    pub const ALL: [Alg; 6] = [
        Alg::Md5,
        Alg::Sha1,
        Alg::Sha224,
        Alg::Sha256,
        Alg::Sha384,
        Alg::Sha512,
    ];

    /// The name in a manifest's file name.
    pub fn name(self) -> &'static str {
        match self {
            Alg::Md5 => "md5",
            Alg::Sha1 => "sha1",
            Alg::Sha224 => "sha224",
            Alg::Sha256 => "sha256",
            Alg::Sha384 => "sha384",
            Alg::Sha512 => "sha512",
        }
    }

    fn from_name(name: &str) -> Option<Alg> {
        Alg::ALL.into_iter().find(|a| a.name() == name)
    }

    fn hex_len(self) -> usize {
        match self {
            Alg::Md5 => 32,
            Alg::Sha1 => 40,
            Alg::Sha224 => 56,
            Alg::Sha256 => 64,
            Alg::Sha384 => 96,
            Alg::Sha512 => 128,
        }
    }

    /// MD5 and SHA-1: collisions can be made, so a digest proves no more
    /// than that the file was not damaged by accident.
    pub fn is_weak(self) -> bool {
        matches!(self, Alg::Md5 | Alg::Sha1)
    }

    fn hasher(self) -> Box<dyn DynDigest + Send> {
        match self {
            Alg::Md5 => Box::new(md5::Md5::default()),
            Alg::Sha1 => Box::new(sha1::Sha1::default()),
            Alg::Sha224 => Box::new(sha2::Sha224::default()),
            Alg::Sha256 => Box::new(sha2::Sha256::default()),
            Alg::Sha384 => Box::new(sha2::Sha384::default()),
            Alg::Sha512 => Box::new(sha2::Sha512::default()),
        }
    }
}

/// A file `fetch.txt` lists that is not in the payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FetchEntry {
    /// Where to fetch it from.
    pub url: String,
    /// Its length in octets, when given (`-`: unknown).
    pub length: Option<u64>,
    /// Its path in the bag (manifest-encoded).
    pub path: String,
}

/// The outcome of [`verify_bag`]: the bag is valid when `problems` is
/// empty, and complete when `to_fetch` is empty too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BagReport {
    /// Number of regular files found under `data/`.
    pub files: u64,
    /// The payload manifests' algorithms whose digests were checked.
    pub algorithms: Vec<Alg>,
    /// Every problem found, sorted by path.
    pub problems: Vec<BagProblem>,
    /// What does not make the bag invalid but is worth saying (weak
    /// algorithms, habits of older tools), sorted by path.
    pub warnings: Vec<BagProblem>,
    /// The files `fetch.txt` lists that are not in the payload.
    pub to_fetch: Vec<FetchEntry>,
}

impl BagReport {
    /// Whether the bag is valid (no problem; files still to fetch aside).
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether every file is there (nothing left to fetch).
    pub fn is_complete(&self) -> bool {
        self.to_fetch.is_empty()
    }
}

/// Problems and warnings as they are found.
#[derive(Default)]
struct Findings {
    problems: Vec<BagProblem>,
    warnings: Vec<BagProblem>,
}

impl Findings {
    fn problem(&mut self, path: &str, kind: BagProblemKind, fault: Fault) {
        self.problems.push(BagProblem {
            path: path.to_owned(),
            kind,
            fault,
        });
    }

    fn warn(&mut self, path: &str, fault: Fault) {
        self.warnings.push(BagProblem {
            path: path.to_owned(),
            kind: BagProblemKind::Weak,
            fault,
        });
    }
}

/// What `bagit.txt` declares.
struct Declaration {
    /// `(major, minor)`, when readable.
    version: Option<(u32, u32)>,
    /// How tag files are decoded.
    encoding: &'static Encoding,
    /// The encoding as declared.
    encoding_name: String,
}

impl Declaration {
    /// Rules that changed with BagIt 1.0 apply to unknown versions too.
    fn before_1_0(&self) -> bool {
        self.version.is_some_and(|v| v < (1, 0))
    }

    /// The text of a tag file, or why it is not text in the bag's encoding.
    fn decode(&self, bytes: &[u8]) -> Result<String, Fault> {
        // `decode` follows a byte-order mark (UTF-16 BE or LE, UTF-8).
        let (text, _, had_errors) = self.encoding.decode(bytes);
        if had_errors {
            return Err(Fault::NotText {
                encoding: self.encoding_name.clone(),
            });
        }
        Ok(text.into_owned())
    }
}

/// BagIt versions whose rules are those checked here.
const KNOWN_VERSIONS: [(u32, u32); 6] = [(0, 93), (0, 94), (0, 95), (0, 96), (0, 97), (1, 0)];

/// One manifest file, parsed.
struct Manifest {
    /// Its file name (`manifest-sha256.txt`).
    name: String,
    /// `None` for an algorithm not checked here.
    alg: Option<Alg>,
    /// Decoded path → lowercase hex digest.
    entries: BTreeMap<String, String>,
}

/// Verifies the bag in `dir`: completeness (every payload file listed
/// exactly once in every payload manifest, no file missing unless
/// `fetch.txt` lists it, none extra) and validity (every digest of the
/// payload and tag manifests, every path inside the bag, `Payload-Oxum`).
///
/// A tag manifest is optional, but when there is one it must list every
/// payload manifest (else [`BagProblemKind::Malformed`]): a signature of
/// the tag manifest protects the payload only through them.
///
/// Every problem is reported, with its path; an `Err` means the bag could
/// not be examined at all. Paths are compared byte for byte (no Unicode
/// normalisation). Files at the top of the bag that no tag manifest lists
/// (such as a signature of the tag manifest) are not problems.
pub fn verify_bag(dir: &Path) -> Result<BagReport, BagError> {
    let meta = fs::metadata(dir).map_err(|source| BagError::OpenBag {
        path: dir.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(BagError::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let mut found = Findings::default();
    let decl = check_declaration(dir, &mut found);

    // The top-level names tell which manifests there are.
    let open_error = |source| BagError::OpenBag {
        path: dir.to_path_buf(),
        source,
    };
    let mut top_names = Vec::new();
    for entry in fs::read_dir(dir).map_err(open_error)? {
        if let Ok(name) = entry.map_err(open_error)?.file_name().into_string() {
            top_names.push(name);
        }
    }
    top_names.sort();
    let mut payload_manifests = Vec::new();
    let mut tag_manifests = Vec::new();
    for name in &top_names {
        if let Some(alg) = manifest_alg(name, "manifest-") {
            payload_manifests.extend(read_manifest(dir, name, alg, true, &decl, &mut found));
        } else if let Some(alg) = manifest_alg(name, "tagmanifest-") {
            tag_manifests.extend(read_manifest(dir, name, alg, false, &decl, &mut found));
        }
    }
    let checked = payload_manifests.iter().any(|m| m.alg.is_some());
    if payload_manifests.is_empty() {
        found.problem(
            "manifest-sha256.txt",
            BagProblemKind::Missing,
            Fault::NoPayloadManifest,
        );
    }
    for manifest in payload_manifests.iter().chain(&tag_manifests) {
        let algorithm = manifest_alg_name(&manifest.name);
        match manifest.alg {
            // Another manifest vouches for the payload; this one is only
            // checked for completeness.
            None if checked || !manifest.name.starts_with("manifest-") => {
                found.warn(&manifest.name, Fault::UncheckedAlgorithm { algorithm })
            }
            None => found.problem(
                &manifest.name,
                BagProblemKind::Unsupported,
                Fault::UncheckedAlgorithm { algorithm },
            ),
            Some(alg) if alg.is_weak() => {
                found.warn(&manifest.name, Fault::WeakAlgorithm { algorithm })
            }
            Some(_) => {}
        }
    }
    let fetch = read_fetch(dir, &decl, &mut found);

    // What is really in the payload.
    let on_disk = payload_files(dir, &mut found)?;

    // Completeness, manifest by manifest.
    let mut to_fetch = BTreeSet::new();
    for manifest in &payload_manifests {
        for path in manifest.entries.keys() {
            if on_disk.contains_key(path) {
                continue;
            }
            if fetch.contains_key(path) {
                to_fetch.insert(path.clone());
                continue;
            }
            found.problem(
                &encode_path(path),
                BagProblemKind::Missing,
                Fault::ListedNotInPayload {
                    manifest: manifest.name.clone(),
                },
            );
        }
        for path in on_disk.keys() {
            if !manifest.entries.contains_key(path) {
                found.problem(
                    &encode_path(path),
                    BagProblemKind::Extra,
                    Fault::NotListed {
                        manifest: manifest.name.clone(),
                    },
                );
            }
        }
    }

    // Validity: hash every payload file once, with every algorithm its
    // manifests use, in parallel.
    let jobs: Vec<(&String, &PathBuf, Vec<Expected>)> = on_disk
        .iter()
        .map(|(path, full)| {
            let expected = payload_manifests
                .iter()
                .filter_map(|m| Some((m.alg?, m.entries.get(path)?.as_str(), m.name.as_str())))
                .collect();
            (path, full, expected)
        })
        .collect();
    let results: Vec<(u64, Vec<BagProblem>)> = jobs
        .par_iter()
        .map(|(path, full, expected)| check_file(&encode_path(path), full, expected))
        .collect();
    let mut payload_bytes = 0u64;
    for (size, mut file_problems) in results {
        payload_bytes += size;
        found.problems.append(&mut file_problems);
    }

    check_tag_manifests(dir, &tag_manifests, &payload_manifests, &mut found);
    // A holey bag's Payload-Oxum counts the files still to fetch.
    if to_fetch.is_empty() {
        check_oxum(dir, &decl, payload_bytes, on_disk.len() as u64, &mut found);
    }

    let order = |a: &BagProblem, b: &BagProblem| (&a.path, a.kind).cmp(&(&b.path, b.kind));
    found.problems.sort_by(order);
    found.warnings.sort_by(order);
    let mut algorithms: Vec<Alg> = payload_manifests.iter().filter_map(|m| m.alg).collect();
    algorithms.sort();
    algorithms.dedup();
    Ok(BagReport {
        files: on_disk.len() as u64,
        algorithms,
        problems: found.problems,
        warnings: found.warnings,
        to_fetch: to_fetch
            .into_iter()
            .filter_map(|p| fetch.get(&p).cloned())
            .collect(),
    })
}

/// The regular files under `data/` (path as a manifest lists it → file);
/// anything else there is a problem.
fn payload_files(dir: &Path, found: &mut Findings) -> Result<BTreeMap<String, PathBuf>, BagError> {
    let data = dir.join("data");
    let mut on_disk = BTreeMap::new();
    match fs::symlink_metadata(&data) {
        Ok(meta) if meta.is_dir() => {}
        _ => {
            found.problem("data/", BagProblemKind::Missing, Fault::NoPayloadFolder);
            return Ok(on_disk);
        }
    }
    let tree = hashing::walk(&data).map_err(|source| BagError::ListPayload {
        path: dir.to_path_buf(),
        source,
    })?;
    let shown = |rel: &Path| {
        let mut shown = b"data/".to_vec();
        shown.extend_from_slice(hashing::path_bytes(rel));
        display_bytes(&shown)
    };
    for file in tree.files {
        match file.rel.to_str() {
            Some(rel) => {
                on_disk.insert(format!("data/{rel}"), file.path);
            }
            None => found.problem(&shown(&file.rel), BagProblemKind::Extra, Fault::NotUtf8Name),
        }
    }
    for (path, kind) in tree.others {
        let fault = match kind {
            OtherKind::Symlink => Fault::Symlink,
            OtherKind::Special => Fault::Special,
        };
        found.problem(
            &shown(path.strip_prefix(&data).unwrap_or(&path)),
            BagProblemKind::Extra,
            fault,
        );
    }
    Ok(on_disk)
}

/// Each file a tag manifest lists, sequentially (they are small), and
/// whether it lists every payload manifest.
fn check_tag_manifests(
    dir: &Path,
    tag_manifests: &[Manifest],
    payload_manifests: &[Manifest],
    found: &mut Findings,
) {
    for manifest in tag_manifests {
        for (path, hex) in &manifest.entries {
            let full = dir.join(path);
            if outside_bag(dir, path) {
                let shown = encode_path(path);
                found.problem(&shown, BagProblemKind::Malformed, Fault::TagFileLink);
                continue;
            }
            if !full.is_file() {
                found.problem(
                    &encode_path(path),
                    BagProblemKind::Missing,
                    Fault::ListedNotInBag {
                        manifest: manifest.name.clone(),
                    },
                );
                continue;
            }
            if let Some(alg) = manifest.alg {
                let (_, mut file_problems) =
                    check_file(&encode_path(path), &full, &[(alg, hex, &manifest.name)]);
                found.problems.append(&mut file_problems);
            }
        }
        // A signature covers the tag manifest; it protects the payload only
        // through the payload manifests the tag manifest lists.
        for payload_manifest in payload_manifests {
            if !manifest.entries.contains_key(&payload_manifest.name) {
                found.problem(
                    &manifest.name,
                    BagProblemKind::Malformed,
                    Fault::Unprotected {
                        manifest: payload_manifest.name.clone(),
                    },
                );
            }
        }
    }
}

/// The algorithm of `manifest-<alg>.txt` (or `tagmanifest-<alg>.txt`):
/// `Some(None)` for a well-formed name with an algorithm not checked here.
fn manifest_alg(name: &str, prefix: &str) -> Option<Option<Alg>> {
    let alg = name.strip_prefix(prefix)?.strip_suffix(".txt")?;
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    if alg.is_empty() || !alg.bytes().all(word) {
        return None;
    }
    Some(Alg::from_name(alg))
}

/// The `<alg>` of a manifest's name.
fn manifest_alg_name(name: &str) -> String {
    let alg = name.strip_suffix(".txt").unwrap_or(name);
    let alg = alg.strip_prefix("tag").unwrap_or(alg);
    alg.strip_prefix("manifest-").unwrap_or(alg).to_owned()
}

/// Checks `bagit.txt` — present, UTF-8 without a byte-order mark, exactly
/// `BagIt-Version` then `Tag-File-Character-Encoding` — and returns what it
/// declares (UTF-8 and no version when it cannot be read).
fn check_declaration(dir: &Path, found: &mut Findings) -> Declaration {
    const NAME: &str = "bagit.txt";
    let mut decl = Declaration {
        version: None,
        encoding: encoding_rs::UTF_8,
        encoding_name: "UTF-8".to_owned(),
    };
    if outside_bag(dir, NAME) {
        found.problem(NAME, BagProblemKind::Malformed, Fault::TagFileLink);
        return decl;
    }
    let bytes = match fs::read(dir.join(NAME)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            found.problem(NAME, BagProblemKind::Missing, Fault::NoDeclaration);
            return decl;
        }
        Err(e) => {
            found.problem(NAME, BagProblemKind::Unreadable, unreadable(&e));
            return decl;
        }
    };
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        found.problem(NAME, BagProblemKind::Malformed, Fault::ByteOrderMark);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        found.problem(
            NAME,
            BagProblemKind::Malformed,
            Fault::NotText {
                encoding: "UTF-8".to_owned(),
            },
        );
        return decl;
    };
    let fields = match parse_tag_file(text.trim_start_matches('\u{feff}'), true) {
        Ok(fields) => fields,
        Err((line, reason)) => {
            found.problem(
                NAME,
                BagProblemKind::Malformed,
                Fault::Line { line, reason },
            );
            return decl;
        }
    };
    let labels: Vec<&str> = fields.iter().map(|(l, _)| l.as_str()).collect();
    if labels != ["BagIt-Version", "Tag-File-Character-Encoding"] {
        found.problem(NAME, BagProblemKind::Malformed, Fault::DeclarationFields);
        return decl;
    }
    let version = fields[0].1.trim();
    let parsed = version.split_once('.').and_then(|(major, minor)| {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (digits(major) && digits(minor))
            .then(|| Some((major.parse().ok()?, minor.parse().ok()?)))?
    });
    match parsed {
        None => found.problem(
            NAME,
            BagProblemKind::Malformed,
            Fault::BadVersion {
                version: version.to_owned(),
            },
        ),
        Some(v) if !KNOWN_VERSIONS.contains(&v) => found.problem(
            NAME,
            BagProblemKind::Unsupported,
            Fault::UnknownVersion {
                version: version.to_owned(),
            },
        ),
        Some(_) => {}
    }
    decl.version = parsed;
    let name = fields[1].1.trim();
    match Encoding::for_label(name.as_bytes()) {
        Some(encoding) => {
            decl.encoding = encoding;
            decl.encoding_name = name.to_owned();
        }
        None => found.problem(
            NAME,
            BagProblemKind::Unsupported,
            Fault::UnknownEncoding {
                encoding: name.to_owned(),
            },
        ),
    }
    decl
}

/// True when the tag file `rel` of the bag in `dir` is a symbolic link, or
/// is reached through one that leads out of the bag: its manifest would
/// vouch for a file that is not in the bag.
fn outside_bag(dir: &Path, rel: &str) -> bool {
    let full = dir.join(rel);
    let link = fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink());
    let escapes = match (fs::canonicalize(dir), fs::canonicalize(&full)) {
        (Ok(bag), Ok(file)) => !file.starts_with(bag),
        _ => false,
    };
    link || escapes
}

fn unreadable(e: &io::Error) -> Fault {
    Fault::Unreadable {
        error: e.to_string(),
    }
}

/// A tag file's text in the bag's encoding; `None` (and a problem) when it
/// cannot be read or decoded, or does not exist and `required`.
fn read_tag_text(
    dir: &Path,
    name: &str,
    decl: &Declaration,
    required: bool,
    found: &mut Findings,
) -> Option<String> {
    if outside_bag(dir, name) {
        found.problem(name, BagProblemKind::Malformed, Fault::TagFileLink);
        return None;
    }
    let bytes = match fs::read(dir.join(name)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !required => return None,
        Err(e) => {
            found.problem(name, BagProblemKind::Unreadable, unreadable(&e));
            return None;
        }
    };
    match decl.decode(&bytes) {
        Ok(text) => Some(text),
        Err(fault) => {
            found.problem(name, BagProblemKind::Malformed, fault);
            None
        }
    }
}

/// Reads and parses one manifest; reports its bad lines. `None` if it
/// cannot be read at all.
fn read_manifest(
    dir: &Path,
    name: &str,
    alg: Option<Alg>,
    payload: bool,
    decl: &Declaration,
    found: &mut Findings,
) -> Option<Manifest> {
    let text = read_tag_text(dir, name, decl, true, found)?;
    let mut entries = BTreeMap::new();
    let (mut binary_marker, mut dot_slash) = (false, false);
    for (number, line) in lines(&text) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason| Fault::Line {
            line: number,
            reason,
        };
        let Some(split) = line.find([' ', '\t']) else {
            found.problem(name, BagProblemKind::Malformed, bad(LineFault::NoSeparator));
            continue;
        };
        let digest = &line[..split];
        let mut listed = line[split..].trim_start_matches([' ', '\t']);
        if let Some(rest) = listed.strip_prefix('*') {
            binary_marker = true;
            listed = rest;
        }
        let mut path = decode_path(listed);
        while let Some(rest) = path.strip_prefix("./") {
            dot_slash = true;
            path = rest.to_owned();
        }
        let digest_ok = digest.bytes().all(|b| b.is_ascii_hexdigit())
            && alg.is_none_or(|alg| digest.len() == alg.hex_len());
        if !digest_ok {
            found.problem(name, BagProblemKind::Malformed, bad(LineFault::BadDigest));
            continue;
        }
        if let Err(reason) = check_listed_path(&path, payload) {
            found.problem(name, BagProblemKind::Malformed, bad(reason));
            continue;
        }
        let digest = digest.to_ascii_lowercase();
        if let Some(before) = entries.insert(path.clone(), digest.clone()) {
            let same = before == digest;
            let fault = Fault::ListedTwice {
                manifest: name.to_owned(),
                same,
            };
            if same && decl.before_1_0() {
                found.warn(&encode_path(&path), fault);
            } else {
                found.problem(&encode_path(&path), BagProblemKind::Malformed, fault);
            }
        }
    }
    let manifest = || name.to_owned();
    if binary_marker {
        found.warn(
            name,
            Fault::BinaryMarker {
                manifest: manifest(),
            },
        );
    }
    if dot_slash {
        found.warn(
            name,
            Fault::DotSlash {
                manifest: manifest(),
            },
        );
    }
    Some(Manifest {
        name: name.to_owned(),
        alg,
        entries,
    })
}

/// The entries of `fetch.txt` (`URL LENGTH FILENAME`), by path; bad lines
/// and paths outside the payload are problems.
fn read_fetch(
    dir: &Path,
    decl: &Declaration,
    found: &mut Findings,
) -> BTreeMap<String, FetchEntry> {
    const NAME: &str = "fetch.txt";
    let mut entries = BTreeMap::new();
    let Some(text) = read_tag_text(dir, NAME, decl, false, found) else {
        return entries;
    };
    for (number, line) in lines(&text) {
        if line.trim().is_empty() {
            continue;
        }
        let mut bad = |reason| {
            found.problem(
                NAME,
                BagProblemKind::Malformed,
                Fault::Line {
                    line: number,
                    reason,
                },
            )
        };
        let next = |s: &str| -> Option<(String, String)> {
            let s = s.trim_start_matches([' ', '\t']);
            let (field, rest) = s.split_once([' ', '\t'])?;
            Some((field.to_owned(), rest.to_owned()))
        };
        let Some((url, rest)) = next(line) else {
            bad(LineFault::FetchFields);
            continue;
        };
        let Some((length, path)) = next(&rest) else {
            bad(LineFault::FetchFields);
            continue;
        };
        let length = match length.as_str() {
            "-" => None,
            n => match n.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    bad(LineFault::FetchFields);
                    continue;
                }
            },
        };
        let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if !has_scheme {
            bad(LineFault::FetchUrl { url });
            continue;
        }
        let path = decode_path(path.trim_start_matches([' ', '\t']));
        if let Err(reason) = check_listed_path(&path, true) {
            bad(reason);
            continue;
        }
        entries.insert(
            path.clone(),
            FetchEntry {
                url,
                length,
                path: encode_path(&path),
            },
        );
    }
    entries
}

/// Lines with their 1-based numbers; LF, CRLF and CR all end a line (RFC
/// 8493 §2.1.3 allows the three).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let lf = text.contains('\n');
    text.split(move |c| c == '\n' || (!lf && c == '\r'))
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .map(|(i, line)| (i + 1, line))
}

/// A manifest path must stay inside the bag: relative, no `.` or `..`,
/// under `data/` for a payload manifest and outside it for a tag manifest.
fn check_listed_path(path: &str, payload: bool) -> Result<(), LineFault> {
    let bad_component = path
        .split('/')
        .any(|c| c.is_empty() || c == "." || c == "..");
    let path_shown = || encode_path(path);
    if bad_component {
        return Err(LineFault::NotRelative { path: path_shown() });
    }
    if payload != path.starts_with("data/") {
        return Err(if payload {
            LineFault::OutsideData { path: path_shown() }
        } else {
            LineFault::PayloadInTagManifest { path: path_shown() }
        });
    }
    Ok(())
}

/// A digest a manifest expects: algorithm, hex digest, manifest name.
type Expected<'a> = (Alg, &'a str, &'a str);

/// Hashes one file with the algorithms asked and compares; returns its size
/// and the problems found.
fn check_file(shown: &str, path: &Path, expected: &[Expected]) -> (u64, Vec<BagProblem>) {
    let problem = |kind, fault| BagProblem {
        path: shown.to_owned(),
        kind,
        fault,
    };
    let mut algs: Vec<Alg> = expected.iter().map(|e| e.0).collect();
    algs.sort();
    algs.dedup();
    let size_only = algs.is_empty();
    // Listed nowhere that can be checked: its size still counts for the
    // Payload-Oxum.
    let result = if size_only {
        fs::metadata(path).map(|meta| (Vec::new(), meta.len()))
    } else {
        digest_file(path, &algs)
    };
    match result {
        Ok((digests, size)) => {
            let problems = expected
                .iter()
                .filter_map(|&(alg, hex, manifest)| {
                    let found = digests.iter().find(|(a, _)| *a == alg)?.1.as_str();
                    (found != hex).then(|| {
                        problem(
                            BagProblemKind::Changed,
                            Fault::Digest {
                                manifest: manifest.to_owned(),
                                expected: hex.to_owned(),
                                found: found.to_owned(),
                            },
                        )
                    })
                })
                .collect();
            (size, problems)
        }
        Err(e) => (0, vec![problem(BagProblemKind::Unreadable, unreadable(&e))]),
    }
}

/// The hex digests of a file with each of `algs`, and its size, in one
/// streamed read.
fn digest_file(path: &Path, algs: &[Alg]) -> io::Result<(Vec<(Alg, String)>, u64)> {
    let mut file = File::open(path)?;
    let mut hashers: Vec<(Alg, Box<dyn DynDigest + Send>)> =
        algs.iter().map(|&a| (a, a.hasher())).collect();
    let size = hashing::read_chunks(
        &mut file,
        |e| e,
        |chunk| {
            for (_, h) in hashers.iter_mut() {
                h.update(chunk);
            }
            Ok(())
        },
    )?;
    let digests = hashers
        .into_iter()
        .map(|(alg, mut h)| {
            let mut out = vec![0u8; h.output_size()];
            // The buffer has the hasher's own output size.
            let _ = h.finalize_into_reset(&mut out);
            (alg, ::hex::encode(out))
        })
        .collect();
    Ok((digests, size))
}

/// Compares `Payload-Oxum`, when `bag-info.txt` has one, with the payload.
fn check_oxum(dir: &Path, decl: &Declaration, bytes: u64, files: u64, found: &mut Findings) {
    const NAME: &str = "bag-info.txt";
    let Some(text) = read_tag_text(dir, NAME, decl, false, found) else {
        return;
    };
    let mut problem = |kind, fault| found.problem(NAME, kind, fault);
    // bag-info.txt is read as bagit-python and the conformance suite read
    // it: spaces before the colon are not part of the label.
    let fields = match parse_tag_file(&text, false) {
        Ok(fields) => fields,
        Err((line, reason)) => {
            return problem(BagProblemKind::Malformed, Fault::Line { line, reason })
        }
    };
    let oxums: Vec<&str> = fields
        .iter()
        .filter(|(label, _)| label.eq_ignore_ascii_case("Payload-Oxum"))
        .map(|(_, value)| value.trim())
        .collect();
    match oxums.as_slice() {
        [] => {}
        [oxum] => {
            let parsed = oxum
                .split_once('.')
                .and_then(|(b, f)| Some((b.parse::<u64>().ok()?, f.parse::<u64>().ok()?)));
            let oxum = oxum.to_string();
            match parsed {
                None => problem(BagProblemKind::Malformed, Fault::OxumSyntax { oxum }),
                Some(found) if found != (bytes, files) => problem(
                    BagProblemKind::OxumMismatch,
                    Fault::Oxum {
                        oxum,
                        found: format!("{bytes}.{files}"),
                    },
                ),
                Some(_) => {}
            }
        }
        _ => problem(BagProblemKind::Malformed, Fault::OxumTwice),
    }
}

/// Parses a tag file of `Label: value` lines (RFC 8493 §2.2.2): a line that
/// starts with a space or tab continues the previous value, joined with one
/// space (the indent is not part of the value); blank lines are skipped.
/// `strict` refuses whitespace before the colon (`bagit.txt`); otherwise it
/// is trimmed from the label (`bag-info.txt`, as other tools write it).
pub(super) fn parse_tag_file(
    text: &str,
    strict: bool,
) -> Result<Vec<(String, String)>, (usize, LineFault)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (number, line) in lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            let Some(last) = fields.last_mut() else {
                return Err((number, LineFault::Continuation));
            };
            last.1.push(' ');
            last.1.push_str(line.trim_start_matches([' ', '\t']));
            continue;
        }
        let Some((label, rest)) = line.split_once(':') else {
            return Err((number, LineFault::NoColon));
        };
        let label = if strict {
            label
        } else {
            label.trim_end_matches([' ', '\t'])
        };
        if label.is_empty() || label.ends_with([' ', '\t']) {
            return Err((
                number,
                LineFault::BadLabel {
                    label: label.to_owned(),
                },
            ));
        }
        // A single whitespace character separates label and value; more
        // belongs to the value. bagit-python writes none for empty values.
        let value = rest.strip_prefix([' ', '\t']).unwrap_or(rest);
        fields.push((label.to_owned(), value.to_owned()));
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(label: &str) -> Declaration {
        Declaration {
            version: Some((1, 0)),
            encoding: Encoding::for_label(label.as_bytes()).unwrap(),
            encoding_name: label.to_owned(),
        }
    }

    #[test]
    fn every_algorithm_gives_its_known_answer_for_abc() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("abc");
        fs::write(&file, b"abc").unwrap();
        let (digests, size) = digest_file(&file, &Alg::ALL).unwrap();
        assert_eq!(size, 3);
        let known = [
            (Alg::Md5, "900150983cd24fb0d6963f7d28e17f72"),
            (Alg::Sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                Alg::Sha224,
                "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
            ),
            (
                Alg::Sha256,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                Alg::Sha384,
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed\
                 8086072ba1e7cc2358baeca134c825a7",
            ),
            (
                Alg::Sha512,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
                 2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
        ];
        assert_eq!(digests.len(), known.len());
        for ((alg, hex), (want_alg, want)) in digests.iter().zip(known) {
            assert_eq!((*alg, hex.as_str()), (want_alg, want));
            assert_eq!(hex.len(), alg.hex_len(), "{alg:?}");
            assert_eq!(Alg::from_name(alg.name()), Some(*alg));
        }
        assert!(Alg::Md5.is_weak() && Alg::Sha1.is_weak() && !Alg::Sha224.is_weak());
    }

    #[test]
    fn tag_files_decode_in_the_declared_encoding() {
        assert_eq!(declared("ISO-8859-1").decode(b"caf\xe9").unwrap(), "café");
        let utf16be: Vec<u8> = [0xfe, 0xff, 0, b'd', 0, 0xe9].to_vec();
        assert_eq!(declared("UTF-16").decode(&utf16be).unwrap(), "dé");
        let utf16le: Vec<u8> = [0xff, 0xfe, b'd', 0, 0xe9, 0].to_vec();
        assert_eq!(declared("UTF-16").decode(&utf16le).unwrap(), "dé");
        assert_eq!(
            declared("UTF-8").decode(b"caf\xe9"),
            Err(Fault::NotText {
                encoding: "UTF-8".into()
            })
        );
    }

    #[test]
    fn fetch_lines_are_read_and_paths_outside_the_payload_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("fetch.txt"),
            "https://archives.example/a%201.txt 12 data/a 1.txt\n\
             https://archives.example/b - data/sub/b%0Ac.txt\r\n\
             \n\
             https://archives.example/x 3 ../x\n\
             not-a-url 3 data/y\n\
             https://archives.example/z lots data/z\n\
             https://archives.example/w\n",
        )
        .unwrap();
        let mut found = Findings::default();
        let entries = read_fetch(dir.path(), &declared("UTF-8"), &mut found);
        let got: Vec<_> = entries
            .values()
            .map(|e| (e.path.as_str(), e.length, e.url.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "data/a 1.txt",
                    Some(12),
                    "https://archives.example/a%201.txt"
                ),
                ("data/sub/b%0Ac.txt", None, "https://archives.example/b"),
            ]
        );
        assert!(entries.contains_key("data/sub/b\nc.txt"));
        let lines: Vec<(usize, &LineFault)> = found
            .problems
            .iter()
            .map(|p| match &p.fault {
                Fault::Line { line, reason } => (*line, reason),
                other => panic!("{other}"),
            })
            .collect();
        assert_eq!(
            lines,
            [
                (
                    4,
                    &LineFault::NotRelative {
                        path: "../x".into()
                    }
                ),
                (
                    5,
                    &LineFault::FetchUrl {
                        url: "not-a-url".into()
                    }
                ),
                (6, &LineFault::FetchFields),
                (7, &LineFault::FetchFields),
            ]
        );
    }

    #[test]
    fn only_bag_info_labels_may_have_blanks_before_the_colon() {
        let text = "Test-Tag : 3\nTest-Tag    :   5\n";
        let lenient = parse_tag_file(text, false).unwrap();
        assert_eq!(
            lenient,
            [
                ("Test-Tag".to_owned(), "3".to_owned()),
                ("Test-Tag".to_owned(), "  5".to_owned())
            ]
        );
        assert_eq!(
            parse_tag_file("BagIt-Version : 1.0\n", true),
            Err((
                1,
                LineFault::BadLabel {
                    label: "BagIt-Version ".into()
                }
            ))
        );
    }

    #[test]
    fn a_tag_file_that_is_a_link_out_of_the_bag_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let bag = dir.path().join("bag");
        fs::create_dir_all(bag.join("data")).unwrap();
        fs::write(bag.join("data/a"), b"abc").unwrap();
        fs::write(
            bag.join("bagit.txt"),
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        )
        .unwrap();
        fs::write(
            bag.join("manifest-md5.txt"),
            "900150983cd24fb0d6963f7d28e17f72  data/a\n",
        )
        .unwrap();
        fs::write(dir.path().join("elsewhere.txt"), "Payload-Oxum: 3.1\n").unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere.txt"), bag.join("bag-info.txt"))
            .unwrap();
        fs::create_dir(dir.path().join("outside")).unwrap();
        fs::write(dir.path().join("outside/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside"), bag.join("meta")).unwrap();
        let tm = format!(
            "{}  bag-info.txt\n{}  meta/x.txt\n{}  manifest-md5.txt\n",
            "0".repeat(32),
            "9dd4e461268c8034f5c8564e155c67a6",
            "0".repeat(32)
        );
        fs::write(bag.join("tagmanifest-md5.txt"), tm).unwrap();
        let report = verify_bag(&bag).unwrap();
        let links: Vec<&str> = report
            .problems
            .iter()
            .filter(|p| p.fault == Fault::TagFileLink)
            .map(|p| p.path.as_str())
            .collect();
        assert_eq!(links, ["bag-info.txt", "bag-info.txt", "meta/x.txt"]);
    }

    #[test]
    fn an_unknown_algorithm_alone_cannot_vouch_for_the_payload() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("data")).unwrap();
        fs::write(dir.path().join("data/a"), b"abc").unwrap();
        fs::write(
            dir.path().join("bagit.txt"),
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        )
        .unwrap();
        fs::write(dir.path().join("manifest-blake3.txt"), "00ff  data/a\n").unwrap();
        let report = verify_bag(dir.path()).unwrap();
        assert_eq!(
            report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
            [BagProblemKind::Unsupported]
        );
        // Beside a manifest that is checked, it is only a warning.
        fs::write(
            dir.path().join("manifest-md5.txt"),
            "900150983cd24fb0d6963f7d28e17f72  data/a\n",
        )
        .unwrap();
        let report = verify_bag(dir.path()).unwrap();
        assert!(report.is_valid(), "{:?}", report.problems);
        assert_eq!(report.algorithms, [Alg::Md5]);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    }
}
