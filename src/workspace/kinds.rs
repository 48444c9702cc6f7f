//! Every kind of YAML file a workspace holds, in one table: where its files
//! are, what one is called, its JSON Schema, how its records are checked and
//! whether the audit pack keeps them as a log. `dpo check`, `dpo schema` and
//! the audit pack read this table, so a new kind of record is one new row.
//!
//! The checks a kind makes beyond the shape of its files (a breach names
//! known controllers, a fate file's records name its items…) belong to its
//! workflow, which implements [`Record`] next to its code; this table only
//! points at them.

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema};

use super::{Diagnostic, Workspace};
use crate::model::{
    Breach, Controller, FateFile, Instruction, People, Processor, Request, SecurityMeasures,
    SubProcessorNotice, SubProcessors,
};

/// A kind of record kept one file per record, loaded outside the workspace
/// itself: how its files are checked.
pub trait Record {
    /// Every problem in the files of this kind: their shape and what the
    /// workflow checks against the rest of the workspace.
    fn diagnostics(ws: &Workspace, now: DateTime<Utc>) -> Vec<Diagnostic>;
}

/// The checks of the files of a kind of record, as of the command's clock.
pub type RecordCheck = fn(&Workspace, DateTime<Utc>) -> Vec<Diagnostic>;

/// One kind of file.
#[derive(Debug, Clone, Copy)]
pub struct FileKind {
    /// What one file holds, e.g. `breach`; `dpo schema` writes
    /// `<name>.schema.json`.
    pub name: &'static str,
    /// The file (`processor.yaml`), or the folder of one file per record
    /// (`breaches`), relative to the workspace.
    pub path: &'static str,
    /// The JSON Schema of a file.
    pub schema: fn() -> Schema,
    /// For a folder of records, the checks of its files as of the
    /// command's clock.
    pub check: Option<RecordCheck>,
    /// For a folder the audit pack keeps as a log (CSV and PDF), the string
    /// key of the log's title.
    pub audit_log: Option<&'static str>,
    /// The top-level sections of a record that only `dpo` writes, as
    /// evidence (notifications sent, calls logged, fate records…): a hand
    /// edit of one is never adopted (`dpo record adopt`), only superseded by
    /// a new journaled entry.
    pub evidence: &'static [&'static str],
    /// Whether a file of this kind is started by hand (a fate file's
    /// inventory): one that no journal entry wrote is then only reported
    /// once it holds evidence.
    pub by_hand: bool,
}

impl FileKind {
    /// The file `dpo schema` writes.
    pub fn schema_file(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// A kind that is one file, or a folder the workspace loads itself.
    const fn file<T: JsonSchema>(name: &'static str, path: &'static str) -> Self {
        Self {
            name,
            path,
            schema: schema::<T>,
            check: None,
            audit_log: None,
            evidence: &[],
            by_hand: false,
        }
    }

    /// A folder of one file per record, checked by its workflow.
    const fn records<T: JsonSchema + Record>(name: &'static str, path: &'static str) -> Self {
        Self {
            check: Some(T::diagnostics),
            ..Self::file::<T>(name, path)
        }
    }

    /// The same kind, whose `sections` only dpo writes.
    const fn evidence(self, sections: &'static [&'static str]) -> Self {
        Self {
            evidence: sections,
            ..self
        }
    }

    /// The same kind, whose files are started by hand.
    const fn by_hand(self) -> Self {
        Self {
            by_hand: true,
            ..self
        }
    }

    /// The same kind, kept by the audit pack as a log titled by `key`.
    const fn logged(self, key: &'static str) -> Self {
        Self {
            audit_log: Some(key),
            ..self
        }
    }
}

fn schema<T: JsonSchema>() -> Schema {
    schemars::schema_for!(T)
}

/// `processor.yaml`.
pub const PROCESSOR: FileKind = FileKind::file::<Processor>("processor", "processor.yaml");
/// `controllers/<id>.yaml`.
pub const CONTROLLER: FileKind = FileKind::file::<Controller>("controller", "controllers");
/// `subprocessors.yaml`.
pub const SUBPROCESSORS: FileKind =
    FileKind::file::<SubProcessors>("subprocessors", "subprocessors.yaml");
/// `security-measures.yaml`.
pub const MEASURES: FileKind =
    FileKind::file::<SecurityMeasures>("security-measures", "security-measures.yaml");
/// `people.yaml`.
pub const PEOPLE: FileKind = FileKind::file::<People>("people", "people.yaml");
/// `breaches/<id>.yaml`.
pub const BREACH: FileKind = FileKind::records::<Breach>("breach", "breaches").evidence(&[
    "notifications",
    "calls",
    "closed",
]);
/// `fate/<controller>.yaml`.
pub const FATE: FileKind = FileKind::records::<FateFile>("fate", "fate")
    .evidence(&["records"])
    .by_hand();
/// `requests/<id>.yaml`.
pub const REQUEST: FileKind = FileKind::records::<Request>("request", "requests")
    .logged("audit_requests_title")
    .evidence(&["logged_at", "forwarded"]);
/// `instructions/<id>.yaml`.
pub const INSTRUCTION: FileKind = FileKind::records::<Instruction>("instruction", "instructions")
    .logged("audit_instructions_title")
    .evidence(&["logged_at", "transfer", "objection"]);
/// `subprocessor-notices/<id>.yaml`.
pub const SUBPROCESSOR_NOTICE: FileKind =
    FileKind::records::<SubProcessorNotice>("subprocessor-notice", "subprocessor-notices")
        .logged("audit_notices_title")
        .evidence(&["change", "changed", "created_at", "details", "pdf", "sent"]);

/// The kind of the record file `rel` (a file of a folder of records).
pub fn of_record(rel: &str) -> Option<&'static FileKind> {
    let (dir, name) = rel.split_once('/')?;
    let stem = name.strip_suffix(".yaml")?;
    if stem.is_empty() || stem.starts_with('.') || stem.contains('/') {
        return None;
    }
    FILE_KINDS
        .iter()
        .find(|k| k.check.is_some() && k.path == dir)
}

/// Every kind of file, in the order `dpo schema` writes them.
pub const FILE_KINDS: [FileKind; 10] = [
    PROCESSOR,
    CONTROLLER,
    SUBPROCESSORS,
    MEASURES,
    PEOPLE,
    BREACH,
    FATE,
    REQUEST,
    INSTRUCTION,
    SUBPROCESSOR_NOTICE,
];

/// The `N` folders the audit pack keeps as logs, with the string key of each
/// log's title, in table order (`N` is checked when the constant is built).
pub const fn audit_logs<const N: usize>() -> [(&'static str, &'static str); N] {
    let mut out = [("", ""); N];
    let (mut i, mut n) = (0, 0);
    while i < FILE_KINDS.len() {
        if let Some(title) = FILE_KINDS[i].audit_log {
            out[n] = (FILE_KINDS[i].path, title);
            n += 1;
        }
        i += 1;
    }
    assert!(
        n == N,
        "audit_logs::<N>: N must be the number of audit logs"
    );
    out
}
