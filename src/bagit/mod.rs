//! BagIt bags (RFC 8493): writing the bag in which data is returned to a
//! controller, and verifying a bag for completeness and validity.
//!
//! This module is responsible for the bag's layout and files, not for its
//! signature (the tag manifest is signed by the caller). A bag written here
//! holds `bagit.txt` (version 1.0, UTF-8), the payload under `data/`,
//! `manifest-sha256.txt`, `bag-info.txt` and `tagmanifest-sha256.txt`
//! covering the three other tag files. Payload files are copied and hashed
//! in the same pass — each byte is read once, hashed, and written — in
//! parallel across files, through the fixed per-thread buffer of
//! [`crate::hashing`], so memory does not grow with file size.
//!
//! # File names
//!
//! Manifest paths are `data/…` with `/` separators. As RFC 8493 §2.1.3
//! requires, CR, LF and `%` (and only those) are percent-encoded (`%0D`,
//! `%0A`, `%25`). Tag files are UTF-8, so a name that is not valid UTF-8
//! cannot be written in a manifest: [`write_bag`] refuses such a source and
//! names every offending file, rather than invent an encoding that no other
//! BagIt tool would decode. Symbolic links, sockets, FIFOs and devices have
//! no place in a payload either and are refused the same way (never
//! followed, never silently left out of a return).
//!
//! # Checking with `sha256sum`
//!
//! `manifest-sha256.txt` uses the `sha256sum` line format (digest, two
//! spaces, path), so `sha256sum -c manifest-sha256.txt` run inside the bag
//! checks every file whose name holds no `%`, CR or LF. Those names are
//! percent-encoded as the RFC says, and `sha256sum` does not decode them:
//! it reports them missing. [`verify_bag`] and RFC-conforming tools check
//! them. (bagit-python 1.9 decodes `%0A` and `%0D` but not `%25`, so it
//! too reports a name holding `%` as missing; its issue #157.)
//! `sha256sum -c` also passes when extra files were added: completeness is
//! what [`verify_bag`] adds.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::hashing::{self, HashError};

mod localize;
mod problem;
mod verify;

pub use problem::{BagProblem, BagProblemKind, Fault, LineFault};
pub use verify::{verify_bag, Alg, BagReport, FetchEntry};

/// The declaration every bag written here starts with (`bagit.txt`).
const BAG_DECLARATION: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// The line length RFC 8493 §2.2.2 recommends not to exceed in `bag-info.txt`.
const MAX_LINE: usize = 79;

/// Labels that [`write_bag`] computes itself and a caller may not supply.
const RESERVED_LABELS: [&str; 2] = ["Bagging-Date", "Payload-Oxum"];

/// The fields of `bag-info.txt`, in the order they are written.
///
/// [`write_bag`] appends `Bagging-Date` and `Payload-Oxum` after them. A
/// label may not be empty, hold `:`, CR or LF, or start or end with
/// whitespace (RFC 8493 §2.2.2); a value may not hold CR or LF (long values
/// are folded on spaces by the writer, not by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BagInfo(pub Vec<(String, String)>);

/// What [`write_bag`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagSummary {
    /// Number of payload files.
    pub files: u64,
    /// Total payload size in bytes.
    pub bytes: u64,
    /// The `Payload-Oxum` written to `bag-info.txt` (`bytes.files`).
    pub payload_oxum: String,
    /// SHA-256 (hex) of `manifest-sha256.txt`.
    pub manifest_sha256: String,
    /// SHA-256 (hex) of `tagmanifest-sha256.txt`, the file a signature covers.
    pub tagmanifest_sha256: String,
    /// Where `tagmanifest-sha256.txt` was written.
    pub tagmanifest_path: PathBuf,
}

/// What can stop [`write_bag`] or [`verify_bag`].
#[derive(Debug, thiserror::Error)]
pub enum BagError {
    /// A `bag-info.txt` field cannot be written as given.
    #[error("cannot write the bag-info.txt field `{label}`: {reason}")]
    InfoField {
        /// The label of the field.
        label: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The source could not be examined.
    #[error("failed to read the metadata of the source `{}`", path.display())]
    Source {
        /// The source.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The source could not be listed.
    #[error(transparent)]
    ListSource(#[from] HashError),
    /// The output exists and is not an empty folder.
    #[error("the output `{}` exists and is not an empty folder\n  hint: give a new or empty folder; a bag is never written over anything", path.display())]
    OutputNotEmpty {
        /// The output.
        path: PathBuf,
    },
    /// The output is the source or inside it.
    #[error("the output `{}` is inside the source `{}`\n  hint: write the bag outside the folder being bagged", out.display(), from.display())]
    OutputInsideSource {
        /// The output.
        out: PathBuf,
        /// The source.
        from: PathBuf,
    },
    /// A folder of the bag could not be created or examined.
    #[error("failed to create the folder `{}`", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The source holds symbolic links, sockets, FIFOs or devices.
    #[error("the source holds entries that are not regular files, which a bag cannot carry:{}\n  hint: replace each link by the file it points to, or move it out of the source", list_paths(paths))]
    NotRegularFiles {
        /// Every such entry.
        paths: Vec<PathBuf>,
    },
    /// The source holds names that are not valid UTF-8.
    #[error("the source holds file names that are not valid UTF-8, which a BagIt manifest (UTF-8) cannot list:{}\n  hint: rename them, e.g. with `convmv -f latin1 -t utf8 --notest -r`", list_paths(paths))]
    NonUtf8Names {
        /// Every such file.
        paths: Vec<PathBuf>,
    },
    /// A source file could not be opened or read.
    #[error("failed to read `{}`", path.display())]
    CopyRead {
        /// The source file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A payload file could not be created or written.
    #[error("failed to write `{}`", path.display())]
    CopyWrite {
        /// The file in the bag.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A tag file could not be written.
    #[error("failed to write the tag file `{}`", path.display())]
    WriteTagFile {
        /// The tag file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The bag to verify could not be opened.
    #[error("failed to open the bag `{}`", path.display())]
    OpenBag {
        /// The bag's folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The bag to verify is not a folder.
    #[error("`{}` is not a folder, so not a bag", path.display())]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// The payload of the bag to verify could not be listed.
    #[error("failed to list the payload of the bag `{}`", path.display())]
    ListPayload {
        /// The bag's folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: HashError,
    },
}

/// The paths of an error, one per line, quoted so that a newline or an
/// invalid byte in a name stays visible; at most ten, then a count.
fn list_paths(paths: &[PathBuf]) -> String {
    const SHOWN: usize = 10;
    let mut out = String::new();
    for path in paths.iter().take(SHOWN) {
        out.push_str(&format!("\n    {path:?}"));
    }
    if paths.len() > SHOWN {
        out.push_str(&format!("\n    … and {} more", paths.len() - SHOWN));
    }
    out
}

/// Writes the bag of `from` (a file, or a folder whose contents become the
/// payload) into `out`.
///
/// `out` must not exist or be an empty folder, and must not lie inside
/// `from`; nothing is ever overwritten (every file is created with
/// `create_new`). Each payload file is copied into `out/data/` and hashed in
/// the same pass, in parallel across files; its modification time is kept.
/// `progress`, when given, is called with the number of bytes copied since
/// its previous call. Empty folders are copied too, though no manifest can
/// list them.
///
/// On error, what was written is removed (and `out` itself when this call
/// created it), so the call can be retried. Files are written through the
/// page cache and not synced one by one: unmount (or `sync`) a removable
/// medium before handing it over.
pub fn write_bag(
    from: &Path,
    out: &Path,
    info: &BagInfo,
    bagging_date: NaiveDate,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<BagSummary, BagError> {
    check_info(info)?;
    let from_meta = fs::metadata(from).map_err(|source| BagError::Source {
        path: from.to_path_buf(),
        source,
    })?;
    let mut guard = OutputGuard::prepare(out)?;
    if from_meta.is_dir() {
        let from_real = fs::canonicalize(from).map_err(|source| BagError::Source {
            path: from.to_path_buf(),
            source,
        })?;
        let out_real = fs::canonicalize(out).map_err(|source| BagError::CreateFolder {
            path: out.to_path_buf(),
            source,
        })?;
        if out_real.starts_with(&from_real) {
            return Err(BagError::OutputInsideSource {
                out: out.to_path_buf(),
                from: from.to_path_buf(),
            });
        }
    }

    let tree = hashing::walk(from)?;
    if !tree.others.is_empty() {
        return Err(BagError::NotRegularFiles {
            paths: tree.others.into_iter().map(|(path, _)| path).collect(),
        });
    }
    let mut names = Vec::with_capacity(tree.files.len());
    let mut non_utf8 = Vec::new();
    for file in &tree.files {
        match file.rel.to_str() {
            Some(name) => names.push(name.to_owned()),
            None => non_utf8.push(file.path.clone()),
        }
    }
    if !non_utf8.is_empty() {
        return Err(BagError::NonUtf8Names { paths: non_utf8 });
    }

    let data = out.join("data");
    create_folder(&data)?;
    guard.data_created = true;
    for folder in &tree.folders {
        create_folder(&data.join(folder))?;
    }
    let mut copied = tree
        .files
        .par_iter()
        .zip(names.par_iter())
        .map(|(file, name)| {
            let (sha256, size) = copy_and_hash(&file.path, &data.join(&file.rel), progress)?;
            Ok((name.as_str(), sha256, size))
        })
        .collect::<Result<Vec<_>, BagError>>()?;
    copied.sort_unstable_by(|a, b| a.0.cmp(b.0));

    let files = copied.len() as u64;
    let bytes: u64 = copied.iter().map(|c| c.2).sum();
    let payload_oxum = format!("{bytes}.{files}");
    let mut manifest = String::new();
    for (name, sha256, _) in &copied {
        manifest.push_str(&hashing::hex(sha256));
        manifest.push_str("  ");
        manifest.push_str(&encode_path(&format!("data/{name}")));
        manifest.push('\n');
    }
    let mut bag_info = String::new();
    for (label, value) in &info.0 {
        bag_info.push_str(&fold_field(label, value));
    }
    bag_info.push_str(&fold_field(
        "Bagging-Date",
        &bagging_date.format("%Y-%m-%d").to_string(),
    ));
    bag_info.push_str(&fold_field("Payload-Oxum", &payload_oxum));

    // Sorted by name, as `sha256sum -c` and other tools list them.
    let tag_files = [
        ("bag-info.txt", bag_info.as_bytes()),
        ("bagit.txt", BAG_DECLARATION.as_bytes()),
        ("manifest-sha256.txt", manifest.as_bytes()),
    ];
    let mut tagmanifest = String::new();
    for (name, content) in tag_files {
        write_tag_file(&mut guard, name, content)?;
        tagmanifest.push_str(&hashing::sha256_hex(content));
        tagmanifest.push_str("  ");
        tagmanifest.push_str(name);
        tagmanifest.push('\n');
    }
    write_tag_file(&mut guard, "tagmanifest-sha256.txt", tagmanifest.as_bytes())?;
    guard.disarm();

    Ok(BagSummary {
        files,
        bytes,
        payload_oxum,
        manifest_sha256: hashing::sha256_hex(manifest.as_bytes()),
        tagmanifest_sha256: hashing::sha256_hex(tagmanifest.as_bytes()),
        tagmanifest_path: out.join("tagmanifest-sha256.txt"),
    })
}

/// Refuses `bag-info.txt` fields that RFC 8493 §2.2.2 does not allow, or
/// that [`write_bag`] writes itself.
fn check_info(info: &BagInfo) -> Result<(), BagError> {
    for (label, value) in &info.0 {
        let reason = if label.is_empty() {
            Some("the label is empty")
        } else if label.contains([':', '\r', '\n']) {
            Some("a label may not hold `:`, CR or LF")
        } else if label.starts_with(char::is_whitespace) || label.ends_with(char::is_whitespace) {
            Some("a label may not start or end with whitespace")
        } else if RESERVED_LABELS
            .iter()
            .any(|r| r.eq_ignore_ascii_case(label))
        {
            Some("this field is computed when the bag is written")
        } else if value.contains(['\r', '\n']) {
            Some("a value may not hold a line break; long values are folded when written")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(BagError::InfoField {
                label: label.clone(),
                reason,
            });
        }
    }
    Ok(())
}

/// `Label: value` with its line break, folded on single spaces so that no
/// line exceeds [`MAX_LINE`] characters when the words allow it.
///
/// The space at a fold is replaced by the line break and a two-space indent;
/// [`verify::parse_tag_file`] joins continuation lines with one space, which gives
/// the value back. Runs of whitespace are never folded, as a reader that
/// trims the indent would lose them.
fn fold_field(label: &str, value: &str) -> String {
    let mut out = format!("{label}: ");
    let mut line_len = out.chars().count();
    let mut words = value.split(' ').peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        let word_len = word.chars().count();
        if !first {
            let previous_is_word = !out.ends_with([' ', '\t']);
            let fold = previous_is_word
                && !word.is_empty()
                && !word.starts_with('\t')
                && line_len + 1 + word_len > MAX_LINE;
            if fold {
                out.push_str("\n  ");
                line_len = 2;
            } else {
                out.push(' ');
                line_len += 1;
            }
        }
        out.push_str(word);
        line_len += word_len;
        first = false;
        if words.peek().is_none() {
            break;
        }
    }
    out.push('\n');
    out
}

/// The output folder while a bag is being written: removes what was written
/// if the writing fails.
struct OutputGuard {
    out: PathBuf,
    created_out: bool,
    data_created: bool,
    tag_files: Vec<PathBuf>,
    armed: bool,
}

impl OutputGuard {
    /// Checks that `out` is new or an empty folder, and creates it if new.
    fn prepare(out: &Path) -> Result<Self, BagError> {
        let created_out = match fs::symlink_metadata(out) {
            Ok(meta) => {
                let empty = meta.is_dir()
                    && fs::read_dir(out)
                        .map_err(|source| BagError::CreateFolder {
                            path: out.to_path_buf(),
                            source,
                        })?
                        .next()
                        .is_none();
                if !empty {
                    return Err(BagError::OutputNotEmpty {
                        path: out.to_path_buf(),
                    });
                }
                false
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(out).map_err(|source| BagError::CreateFolder {
                    path: out.to_path_buf(),
                    source,
                })?;
                true
            }
            Err(source) => {
                return Err(BagError::CreateFolder {
                    path: out.to_path_buf(),
                    source,
                })
            }
        };
        Ok(OutputGuard {
            out: out.to_path_buf(),
            created_out,
            data_created: false,
            tag_files: Vec::new(),
            armed: true,
        })
    }

    fn disarm(&mut self) {
        self.armed = false;
    }
}

impl Drop for OutputGuard {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        // Best effort: the error being returned matters more than a failed
        // clean-up, and everything removed here was created by this call.
        if self.created_out {
            let _ = fs::remove_dir_all(&self.out);
            return;
        }
        if self.data_created {
            let _ = fs::remove_dir_all(self.out.join("data"));
        }
        for tag_file in &self.tag_files {
            let _ = fs::remove_file(tag_file);
        }
    }
}

fn create_folder(path: &Path) -> Result<(), BagError> {
    fs::create_dir(path).map_err(|source| BagError::CreateFolder {
        path: path.to_path_buf(),
        source,
    })
}

fn write_tag_file(guard: &mut OutputGuard, name: &str, content: &[u8]) -> Result<(), BagError> {
    let path = guard.out.join(name);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|source| BagError::WriteTagFile {
            path: path.clone(),
            source,
        })?;
    guard.tag_files.push(path.clone());
    file.write_all(content)
        .and_then(|()| file.sync_all())
        .map_err(|source| BagError::WriteTagFile { path, source })
}

/// Copies `src` to the new file `dst`, hashing what is read; returns the
/// digest and the size.
fn copy_and_hash(
    src: &Path,
    dst: &Path,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<([u8; 32], u64), BagError> {
    let read_error = |source| BagError::CopyRead {
        path: src.to_path_buf(),
        source,
    };
    let write_error = |source| BagError::CopyWrite {
        path: dst.to_path_buf(),
        source,
    };
    let mut input = File::open(src).map_err(read_error)?;
    let mut output = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dst)
        .map_err(write_error)?;
    let (digest, size) = hashing::hash_reader(&mut input, progress, read_error, |chunk| {
        output.write_all(chunk).map_err(write_error)
    })?;
    // The returned data keeps its dates. Not fatal when the medium cannot
    // store them (the content, which the manifest covers, is intact).
    if let Ok(modified) = input.metadata().and_then(|m| m.modified()) {
        let _ = output.set_modified(modified);
    }
    Ok((digest, size))
}

/// Percent-encodes CR, LF and `%` — and only those (RFC 8493 §2.1.3).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\n' => out.push_str("%0A"),
            '\r' => out.push_str("%0D"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes `%0A`, `%0D` and `%25` (either case); any other `%` is kept as
/// it is, so that bags written by tools that do not encode `%` still read.
fn decode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let decoded = match bytes.get(i + 1..i + 3) {
                Some([b'0', b'a' | b'A']) => Some(b'\n'),
                Some([b'0', b'd' | b'D']) => Some(b'\r'),
                Some([b'2', b'5']) => Some(b'%'),
                _ => None,
            };
            if let Some(byte) = decoded {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    // Only ASCII sequences were replaced by ASCII bytes: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A path for a report: manifest encoding, and `%XX` for bytes that are not
/// UTF-8.
fn display_bytes(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(&encode_path(chunk.valid()));
        for byte in chunk.invalid() {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha512};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
    }

    fn info() -> BagInfo {
        BagInfo(vec![
            (
                "Source-Organization".into(),
                "EPT Grand-Orly Seine Bièvre".into(),
            ),
            ("Contact-Email".into(), "dpo@example.org".into()),
        ])
    }

    fn source(dir: &Path) -> PathBuf {
        let from = dir.join("from");
        fs::create_dir_all(from.join("sub")).unwrap();
        fs::write(from.join("a.txt"), b"abc").unwrap();
        fs::write(from.join("sub/b.txt"), b"").unwrap();
        from
    }

    #[test]
    fn percent_encoding_touches_only_cr_lf_and_percent() {
        assert_eq!(encode_path("data/a b%c\nd\re"), "data/a b%25c%0Ad%0De");
        assert_eq!(decode_path("data/a b%25c%0Ad%0de"), "data/a b%c\nd\re");
        assert_eq!(decode_path("data/50% off %41"), "data/50% off %41");
        assert_eq!(display_bytes(b"data/\xe9t\xe9%"), "data/%E9t%E9%25");
    }

    #[test]
    fn short_fields_are_not_folded() {
        assert_eq!(fold_field("Contact-Name", "DPO"), "Contact-Name: DPO\n");
    }

    #[test]
    fn long_fields_fold_on_spaces_and_read_back_unchanged() {
        let value = "Convention de mise à disposition de services informatiques entre \
                     l'Établissement public territorial et la commune, article 3, annexe 1 \
                     section IV, sort des données à la fin de la convention";
        let folded = fold_field("External-Description", value);
        assert!(folded.lines().count() > 1, "{folded}");
        assert!(
            folded.lines().all(|l| l.chars().count() <= MAX_LINE),
            "{folded}"
        );
        assert!(folded.lines().skip(1).all(|l| l.starts_with("  ")));
        let parsed = verify::parse_tag_file(&folded, true).unwrap();
        assert_eq!(parsed, vec![("External-Description".into(), value.into())]);
    }

    #[test]
    fn a_long_word_overflows_rather_than_breaks() {
        let word = "x".repeat(120);
        let folded = fold_field("Label", &word);
        assert_eq!(folded, format!("Label: {word}\n"));
    }

    #[test]
    fn runs_of_spaces_are_never_folded_away() {
        let value = format!("{}  {}", "a".repeat(70), "b".repeat(20));
        let folded = fold_field("L", &value);
        assert_eq!(verify::parse_tag_file(&folded, true).unwrap()[0].1, value);
    }

    #[test]
    fn reserved_and_malformed_info_fields_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        for (label, value) in [
            ("Payload-Oxum", "1.1"),
            ("bagging-date", "2020-01-01"),
            ("Bad:Label", "x"),
            (" Padded", "x"),
            ("", "x"),
            ("Address", "line one\nline two"),
        ] {
            let info = BagInfo(vec![(label.into(), value.into())]);
            let err = write_bag(&from, &dir.path().join("out"), &info, date(), None).unwrap_err();
            assert!(matches!(err, BagError::InfoField { .. }), "{label}: {err}");
            assert!(!dir.path().join("out").exists());
        }
    }

    #[test]
    fn a_written_bag_has_the_rfc_files_and_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        let out = dir.path().join("bag");
        let summary = write_bag(&from, &out, &info(), date(), None).unwrap();
        assert_eq!(summary.files, 2);
        assert_eq!(summary.bytes, 3);
        assert_eq!(summary.payload_oxum, "3.2");
        assert_eq!(summary.tagmanifest_path, out.join("tagmanifest-sha256.txt"));
        assert_eq!(
            fs::read_to_string(out.join("bagit.txt")).unwrap(),
            BAG_DECLARATION
        );
        let manifest = fs::read_to_string(out.join("manifest-sha256.txt")).unwrap();
        assert_eq!(
            manifest,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  data/a.txt\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/sub/b.txt\n"
        );
        assert_eq!(
            summary.manifest_sha256,
            hashing::sha256_hex(manifest.as_bytes())
        );
        let bag_info = fs::read_to_string(out.join("bag-info.txt")).unwrap();
        assert_eq!(
            bag_info,
            "Source-Organization: EPT Grand-Orly Seine Bièvre\n\
             Contact-Email: dpo@example.org\n\
             Bagging-Date: 2026-03-31\n\
             Payload-Oxum: 3.2\n"
        );
        let tagmanifest = fs::read_to_string(&summary.tagmanifest_path).unwrap();
        let names: Vec<&str> = tagmanifest.lines().map(|l| &l[66..]).collect();
        assert_eq!(names, ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]);
        assert_eq!(
            summary.tagmanifest_sha256,
            hashing::sha256_hex(tagmanifest.as_bytes())
        );
        let report = verify_bag(&out).unwrap();
        assert_eq!(report.files, 2);
        assert!(report.is_valid(), "{:?}", report.problems);
    }

    #[test]
    fn a_single_file_source_becomes_the_only_payload_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.csv");
        fs::write(&file, b"abc").unwrap();
        let out = dir.path().join("bag");
        let summary = write_bag(&file, &out, &BagInfo::default(), date(), None).unwrap();
        assert_eq!(summary.files, 1);
        assert_eq!(fs::read(out.join("data/export.csv")).unwrap(), b"abc");
        assert!(verify_bag(&out).unwrap().is_valid());
    }

    #[test]
    fn an_existing_output_is_refused_and_left_alone_unless_an_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("keep"), b"mine").unwrap();
        let err = write_bag(&from, &out, &info(), date(), None).unwrap_err();
        assert!(matches!(err, BagError::OutputNotEmpty { .. }), "{err}");
        assert_eq!(fs::read(out.join("keep")).unwrap(), b"mine");
        let file_out = dir.path().join("a-file");
        fs::write(&file_out, b"x").unwrap();
        let err = write_bag(&from, &file_out, &info(), date(), None).unwrap_err();
        assert!(matches!(err, BagError::OutputNotEmpty { .. }), "{err}");
        // An empty output folder is used.
        fs::remove_file(out.join("keep")).unwrap();
        write_bag(&from, &out, &info(), date(), None).unwrap();
        assert!(verify_bag(&out).unwrap().is_valid());
    }

    #[test]
    fn an_output_inside_the_source_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        let err = write_bag(&from, &from.join("bag"), &info(), date(), None).unwrap_err();
        assert!(matches!(err, BagError::OutputInsideSource { .. }), "{err}");
        assert!(!from.join("bag").exists());
    }

    #[test]
    fn symbolic_links_in_the_source_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        std::os::unix::fs::symlink("a.txt", from.join("link")).unwrap();
        let out = dir.path().join("bag");
        let err = write_bag(&from, &out, &info(), date(), None).unwrap_err();
        match &err {
            BagError::NotRegularFiles { paths } => assert_eq!(paths, &[from.join("link")]),
            other => panic!("{other}"),
        }
        assert!(err.to_string().contains("link"));
        assert!(!out.exists(), "the output it created is removed");
    }

    #[test]
    fn non_utf8_names_are_refused_and_every_one_is_named() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        fs::write(from.join(OsStr::from_bytes(b"caf\xe9")), b"x").unwrap();
        fs::write(from.join(OsStr::from_bytes(b"sub/\xff")), b"y").unwrap();
        let err = write_bag(&from, &dir.path().join("bag"), &info(), date(), None).unwrap_err();
        match &err {
            BagError::NonUtf8Names { paths } => assert_eq!(paths.len(), 2),
            other => panic!("{other}"),
        }
        assert!(err.to_string().contains("caf\\xE9"), "{err}");
    }

    #[test]
    fn progress_counts_every_byte_copied() {
        use std::sync::atomic::{AtomicU64, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let from = source(dir.path());
        fs::write(from.join("big"), vec![1u8; hashing::BUFFER_SIZE + 7]).unwrap();
        let total = AtomicU64::new(0);
        let progress = |n: u64| {
            total.fetch_add(n, Ordering::Relaxed);
        };
        let summary = write_bag(
            &from,
            &dir.path().join("bag"),
            &info(),
            date(),
            Some(&progress),
        )
        .unwrap();
        assert_eq!(total.load(Ordering::Relaxed), summary.bytes);
    }

    fn written_bag(dir: &Path) -> PathBuf {
        let from = source(dir);
        let out = dir.join("bag");
        write_bag(&from, &out, &info(), date(), None).unwrap();
        out
    }

    fn kinds(report: &BagReport) -> Vec<(&str, BagProblemKind)> {
        report
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.kind))
            .collect()
    }

    /// Rewrites the text file `path` with `f`.
    fn edit(path: &Path, f: impl Fn(String) -> String) {
        fs::write(path, f(fs::read_to_string(path).unwrap())).unwrap();
    }

    /// A way of tampering with a written bag, and the problems verification
    /// must then report, in order.
    type Tampering = (
        &'static str,
        fn(&Path),
        &'static [(&'static str, BagProblemKind)],
    );

    const TAMPERINGS: [Tampering; 7] = {
        use BagProblemKind::*;
        [
            (
                "a changed payload file is reported by name",
                |bag| fs::write(bag.join("data/a.txt"), b"abd").unwrap(),
                &[("data/a.txt", Changed)],
            ),
            (
                "a removed payload file is missing and breaks the oxum",
                |bag| fs::remove_file(bag.join("data/sub/b.txt")).unwrap(),
                &[("bag-info.txt", OxumMismatch), ("data/sub/b.txt", Missing)],
            ),
            (
                "an added payload file is extra",
                |bag| fs::write(bag.join("data/sub/new file"), b"").unwrap(),
                &[("bag-info.txt", OxumMismatch), ("data/sub/new file", Extra)],
            ),
            (
                "an edited tag file fails the tag manifest",
                |bag| edit(&bag.join("bag-info.txt"), |t| t.replace("Bièvre", "Bievre")),
                &[("bag-info.txt", Changed)],
            ),
            (
                "a tag manifest that leaves out the payload manifest is malformed",
                |bag| {
                    edit(&bag.join("tagmanifest-sha256.txt"), |t| {
                        t.lines()
                            .filter(|l| !l.ends_with("manifest-sha256.txt"))
                            .map(|l| format!("{l}\n"))
                            .collect()
                    })
                },
                &[("tagmanifest-sha256.txt", Malformed)],
            ),
            (
                "a signature beside the tag manifest is not a problem",
                |bag| fs::write(bag.join("tagmanifest-sha256.txt.sig"), b"sig").unwrap(),
                &[],
            ),
            (
                // The tag manifest no longer matches; the payload still does.
                "a manifest with CRLF line ends reads",
                |bag| {
                    edit(&bag.join("manifest-sha256.txt"), |t| {
                        t.replace('\n', "\r\n")
                    })
                },
                &[("manifest-sha256.txt", Changed)],
            ),
        ]
    };

    #[test]
    fn each_tampering_is_reported_by_file_and_kind() {
        for (what, tamper, problems) in TAMPERINGS {
            let dir = tempfile::tempdir().unwrap();
            let bag = written_bag(dir.path());
            tamper(&bag);
            let report = verify_bag(&bag).unwrap();
            assert_eq!(kinds(&report), problems, "{what}");
        }
    }

    #[test]
    fn malformed_manifest_lines_are_reported_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let bag = written_bag(dir.path());
        let path = bag.join("manifest-sha256.txt");
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("nothex  data/x\n");
        text.push_str(&format!("{}  ../etc/passwd\n", "0".repeat(64)));
        text.push_str(&format!("{}  data/a.txt\n", "0".repeat(64)));
        fs::write(&path, text).unwrap();
        let report = verify_bag(&bag).unwrap();
        let details: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert!(details.iter().any(|d| d.contains("line 3")), "{details:?}");
        assert!(details.iter().any(|d| d.contains("line 4")), "{details:?}");
        assert!(details
            .iter()
            .any(|d| d.starts_with("data/a.txt: malformed: listed more than once")));
    }

    #[test]
    fn a_bag_without_declaration_or_payload_reports_both() {
        let dir = tempfile::tempdir().unwrap();
        let report = verify_bag(dir.path()).unwrap();
        assert_eq!(
            kinds(&report),
            [
                ("bagit.txt", BagProblemKind::Missing),
                ("data/", BagProblemKind::Missing),
                ("manifest-sha256.txt", BagProblemKind::Missing),
            ]
        );
    }

    #[test]
    fn a_sha512_manifest_is_checked_too() {
        let dir = tempfile::tempdir().unwrap();
        let bag = written_bag(dir.path());
        let sha512 = ::hex::encode(Sha512::digest(b"abc"));
        let empty512 = ::hex::encode(Sha512::digest(b""));
        let manifest512 = format!("{sha512}  data/a.txt\n{empty512}  data/sub/b.txt\n");
        fs::write(bag.join("manifest-sha512.txt"), &manifest512).unwrap();
        let report = verify_bag(&bag).unwrap();
        assert_eq!(
            kinds(&report),
            [("tagmanifest-sha256.txt", BagProblemKind::Malformed)],
            "the tag manifest must cover the new manifest"
        );
        let mut tagmanifest = fs::read_to_string(bag.join("tagmanifest-sha256.txt")).unwrap();
        tagmanifest.push_str(&format!(
            "{}  manifest-sha512.txt\n",
            hashing::sha256_hex(manifest512.as_bytes())
        ));
        fs::write(bag.join("tagmanifest-sha256.txt"), tagmanifest).unwrap();
        assert!(verify_bag(&bag).unwrap().is_valid());
        fs::write(bag.join("data/a.txt"), b"abd").unwrap();
        let report = verify_bag(&bag).unwrap();
        assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
        assert!(report
            .problems
            .iter()
            .any(|p| p.to_string().contains("manifest-sha512.txt says")));
    }

    #[test]
    fn verifying_a_file_instead_of_a_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, b"").unwrap();
        assert!(matches!(
            verify_bag(&file),
            Err(BagError::NotAFolder { .. })
        ));
        assert!(matches!(
            verify_bag(&dir.path().join("none")),
            Err(BagError::OpenBag { .. })
        ));
    }
}
