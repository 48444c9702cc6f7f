//! The end of the convention (Annex 1 §IV "Sort des données", convention
//! art. 3 on the backup history): the inventory of the controller's data and
//! of every copy of it, the hand-over of what is returned as BagIt bags
//! (RFC 8493), the fingerprints taken before destruction, one destruction
//! record per copy (NIST SP 800-88 Rev. 2), the residual scan that proves no
//! file of an item is left under any name, and the signed certificate.
//!
//! Each command is a workflow here — [`fingerprint()`], [`scan()`],
//! [`destroy()`] (and [`destroy_via`], through a backup tool), [`bag()`], [`verify_bag`], [`certify()`] — that checks, takes the workspace
//! lock, writes its evidence and its record in `fate/<controller>.yaml`,
//! journals it and returns what it did; [`overview`] says where everything
//! stands. The caller passes in the instant and the actor
//! ([`crate::workspace::Act`]), the language and the key, and may pass a
//! [`Progress`] callback for the long hashing and copying work; this module
//! never prints, never reads the clock or the environment.

pub mod backup;
mod bag;
mod certificate;
mod certify;
mod destroy;
mod fingerprint;
mod manifest;
mod scan;
mod status;
mod store;
mod voice;

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Timelike, Utc};

pub use backup::imported::{destroy_imported, By, Format, ImportRequest};
pub use backup::{destroy_via, BackupDestroyed, BackupError, BackupRequest, Select};
pub use bag::{
    bag, bag_info, knows_bag, verify_bag, BagCheck, BagRequest, Bagged, SignatureVerdict,
    VerifyBagRequest,
};
pub use certificate::{
    build_certificate, certificate_paths, verify_command, CertBag, CertCopy, CertItem, Certificate,
    CertificatePaths, ConventionFacts, Party, Signatory, SignatureFacts,
    FORMAT as CERTIFICATE_FORMAT,
};
pub use certify::{certify, Certified, CertifyRequest, Issued};
pub use destroy::{destroy, DestroyRequest, Destroyed};
pub use fingerprint::{fingerprint, FingerprintRequest, Fingerprinted};
pub use manifest::{
    parse_hashdeep, parse_manifest, write_hashdeep, write_manifest, ManifestEntry, SizedEntry,
};
pub use scan::{scan, scan_matches, Fingerprints, ScanRequest, Scanned};
pub use status::{
    check_bag, check_destroy, check_immutable, immutable_line, item_status, kind_label, overview,
    pending, unsigned, ControllerStatus, CopyState, CopyStatus, ItemStatus, Pending,
};
pub use store::{
    append_record, fate_rel, find_item, item_field, list_fate_files, load, Fate, Payload,
    RecordKind, DIR,
};

use crate::model::Id;
use crate::render::catalog::Msg;
use crate::render::said::{self, Refusal};
use crate::workspace::Diagnostic;

/// A progress callback for long hashing and copying work: called from worker
/// threads with the number of bytes done since its previous call.
pub type Progress<'a> = Option<&'a (dyn Fn(u64) + Sync)>;

/// `now` in the processor's timezone, to the second (records read well).
fn local_second(now: DateTime<Utc>, tz: chrono_tz::Tz) -> DateTime<FixedOffset> {
    let t = crate::time::in_tz(now, tz);
    t.with_nanosecond(0).unwrap_or(t)
}

/// A path as recorded in a fate file: its bytes, read as UTF-8 where they are.
fn lossy(p: &Path) -> String {
    String::from_utf8_lossy(p.as_os_str().as_bytes()).into_owned()
}

/// The name, without its extension, of a new evidence file of `controller`:
/// `evidence/fate/<controller>/[<dir>/]<stem>-<UTC stamp of at>`, to be made
/// free with [`crate::workspace::fresh_name`].
fn evidence_stem(
    controller: &Id,
    dir: Option<&Id>,
    stem: &str,
    at: DateTime<FixedOffset>,
) -> String {
    let stamp = at.to_utc().format("%Y%m%dT%H%M%SZ");
    match dir {
        Some(d) => format!("evidence/fate/{controller}/{d}/{stem}-{stamp}"),
        None => format!("evidence/fate/{controller}/{stem}-{stamp}"),
    }
}

/// A refusal of the fate workflow: message `id`, with `args`.
fn refused(m: Msg) -> FateError {
    FateError::Refused(Refusal::new(m))
}

/// What can go wrong in the fate workflow (exit code 2). A certificate refused
/// because work remains is not an error but a [`Pending`] list (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum FateError {
    /// The fate file has errors; each diagnostic says where.
    #[error("{}", crate::workspace::file_has_errors(file, diagnostics))]
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
    #[error("no item `{item}` in {}; the items are: {known}", in_file.as_ref().map_or("the fate files".to_string(), |f| format!("`{f}`")))]
    UnknownItem {
        /// The item asked for.
        item: String,
        /// The file searched; `None`: every fate file.
        in_file: Option<String>,
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
    /// The action contradicts the controller's choice or the order of the
    /// work, or what was asked for cannot be done as asked.
    #[error("{0}")]
    Refused(Refusal),
    /// The copy is protected from deletion on the day of the destruction.
    #[error("copy `{copy}` of item `{item}` is immutable until {} inclusive: it cannot have been destroyed on {}\n  hint: destroy it once its protection has expired, then record it", said::day(*until).english(), said::day(*on).english())]
    Immutable {
        /// The item.
        item: Id,
        /// The copy.
        copy: Id,
        /// Its last protected day.
        until: chrono::NaiveDate,
        /// The day of the destruction refused.
        on: chrono::NaiveDate,
    },
    /// A scan needs a fingerprint to compare with.
    #[error("item `{item}` has no fingerprint to compare with\n  hint: take one before destroying: `dpo fate fingerprint {item} PATH…`")]
    NoFingerprint {
        /// The item.
        item: Id,
    },
    /// A manifest of the evidence folder cannot be read.
    #[error("`{}` line {line}: {said}", path.display())]
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        said: Refusal,
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
    /// Writing a file of the workspace, locking it or journaling failed.
    #[error(transparent)]
    Write(#[from] crate::workspace::WorkspaceError),
    /// The certificate could not be made, or an output file (a signature, a
    /// certificate) not written.
    #[error(transparent)]
    Output(#[from] crate::render::OutputError),
    /// Hashing the files of an item failed.
    #[error(transparent)]
    Hash(#[from] crate::hashing::HashError),
    /// Writing or checking a bag failed.
    #[error(transparent)]
    Bag(#[from] crate::bagit::BagError),
    /// The key could not be used, or a signature not made.
    #[error(transparent)]
    Signing(#[from] crate::signing::SigningError),
    /// A record could not be written as YAML (a bug).
    #[error("cannot write the record as YAML: {0}")]
    Serialize(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_named_after_the_controller_the_item_and_the_utc_instant() {
        let at = DateTime::parse_from_rfc3339("2021-08-02T10:00:00+02:00").unwrap();
        let c = Id::new("juvisy-sur-orge").unwrap();
        let item = Id::new("partages").unwrap();
        let stem = evidence_stem(&c, Some(&item), "fingerprint", at);
        assert_eq!(
            stem,
            "evidence/fate/juvisy-sur-orge/partages/fingerprint-20210802T080000Z"
        );
        let dir = tempfile::tempdir().unwrap();
        let first = crate::workspace::fresh_name(dir.path(), &stem, "sha256");
        assert_eq!(first, format!("{stem}.sha256"));
        let path = dir.path().join(&first);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"").unwrap();
        assert_eq!(
            crate::workspace::fresh_name(dir.path(), &stem, "sha256"),
            format!("{stem}-2.sha256")
        );
        assert_eq!(
            evidence_stem(&c, None, "certificate", at),
            "evidence/fate/juvisy-sur-orge/certificate-20210802T080000Z"
        );
    }

    #[test]
    fn records_are_stamped_to_the_second_in_the_processors_timezone() {
        let now = DateTime::parse_from_rfc3339("2021-08-02T08:00:00.75Z")
            .unwrap()
            .to_utc();
        let t = local_second(now, chrono_tz::Europe::Paris);
        assert_eq!(t.to_rfc3339(), "2021-08-02T10:00:00+02:00");
    }
}
