//! The end of the convention (Annex 1 §IV "Sort des données", convention
//! art. 3 on the backup history): the inventory of the controller's data and
//! of every copy of it, the hand-over of what is returned as BagIt bags
//! (RFC 8493), the fingerprints taken before destruction, one destruction
//! record per copy (NIST SP 800-88 Rev. 2), the residual scan that proves no
//! file of an item is left under any name, and the signed certificate.
//!
//! This module decides; it never prints and never reads the clock. The
//! command layer (`cli/fate.rs`) takes the workspace lock, passes the time in,
//! signs, journals and prints.

mod bag;
mod certificate;
mod manifest;
mod scan;
mod status;
mod store;

use std::path::PathBuf;

pub use bag::bag_info;
pub use certificate::{
    build_certificate, certificate_paths, verify_command, CertBag, CertCopy, CertItem, Certificate,
    CertificatePaths, ConventionFacts, Party, SignatureFacts, Signer, FORMAT as CERTIFICATE_FORMAT,
};
pub use manifest::{parse_manifest, write_manifest, ManifestEntry};
pub use scan::{scan_matches, Fingerprints};
pub use status::{
    check_bag, check_destroy, item_status, pending, CopyState, CopyStatus, ItemStatus, Pending,
};
pub use store::{append_record, fate_rel, find_item, list_fate_files, load, Fate, DIR};

use crate::model::Id;
use crate::workspace::Diagnostic;

/// What can go wrong in the fate workflow (exit code 2). A certificate refused
/// because work remains is not an error but a [`Pending`] list (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum FateError {
    /// The fate file has errors; each diagnostic says where.
    #[error("`{file}` has {} error(s)", diagnostics.iter().filter(|d| d.is_error()).count())]
    Invalid {
        /// The file, relative to the workspace.
        file: String,
        /// The problems.
        diagnostics: Vec<Diagnostic>,
    },
    /// There is no fate file for this controller.
    #[error("no fate file for controller `{controller}`: `{file}` does not exist\n  hint: list the controller's data and every copy of it in `{file}` (see the sample workspace's `fate/juvisy-sur-orge.yaml`)")]
    NoFateFile {
        /// The controller.
        controller: Id,
        /// The file it would be.
        file: String,
    },
    /// No fate file at all.
    #[error("the workspace has no fate file (`fate/<controller>.yaml`)\n  hint: list the controller's data and every copy of it in `fate/<controller>.yaml`")]
    NoFateFiles,
    /// The controller of a fate file is not in `controllers/`.
    #[error("`{file}` is about controller `{controller}`, which has no `controllers/{controller}.yaml`\n  hint: the fate file is named after the controller's identifier")]
    UnknownController {
        /// The controller.
        controller: Id,
        /// The fate file.
        file: String,
    },
    /// The item is not in the fate file(s).
    #[error("no item `{item}` in {where_}; the items are: {known}")]
    UnknownItem {
        /// The item asked for.
        item: String,
        /// Which file(s) were searched.
        where_: String,
        /// The items there are.
        known: String,
    },
    /// The item is in several fate files.
    #[error("item `{item}` is in several fate files ({controllers})\n  hint: say which with --controller ID")]
    AmbiguousItem {
        /// The item.
        item: Id,
        /// The controllers whose files have it.
        controllers: String,
    },
    /// The copy is not a copy of the item.
    #[error("item `{item}` has no copy `{copy}`; its copies are: {known}")]
    UnknownCopy {
        /// The item.
        item: Id,
        /// The copy asked for.
        copy: String,
        /// Its copies.
        known: String,
    },
    /// The action contradicts the controller's choice or the order of the work.
    #[error("{message}")]
    Refused {
        /// What is refused and why, with a hint.
        message: String,
    },
    /// A scan needs a fingerprint to compare with.
    #[error("item `{item}` has no fingerprint to compare with\n  hint: take one before destroying: `dpo fate fingerprint {item} PATH…`")]
    NoFingerprint {
        /// The item.
        item: Id,
    },
    /// A manifest of the evidence folder cannot be read.
    #[error("`{}` line {line}: {message}", path.display())]
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading a file failed.
    #[error("failed to read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Writing a file of the workspace failed.
    #[error(transparent)]
    Write(#[from] crate::workspace::WorkspaceError),
    /// A record could not be written as YAML (a bug).
    #[error("cannot write the record as YAML: {0}")]
    Serialize(String),
}
