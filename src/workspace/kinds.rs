//! Every kind of YAML file a workspace holds, in one table: where its files
//! are, what one is called, its JSON Schema, how its records are checked and
//! whether the audit pack keeps them as a log. `dpo check`, `dpo schema` and
//! the audit pack read this table, so a new kind of record is one new row.
//!
//! The checks a kind makes beyond the shape of its files (a breach names
//! known controllers, a fate file's records name its items…) belong to its
//! workflow, which implements [`Record`] next to its code; this table only
//! points at them.

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
    fn diagnostics(ws: &Workspace) -> Vec<Diagnostic>;
}

/// One kind of file.
#[derive(Debug, Clone, Copy)]
pub struct FileKind {
    /// What one file holds, e.g. `breach`.
    pub name: &'static str,
    /// The file (`processor.yaml`), or the folder of one file per record
    /// (`breaches`), relative to the workspace.
    pub path: &'static str,
    /// The file `dpo schema` writes.
    pub schema_file: &'static str,
    /// The JSON Schema of a file.
    pub schema: fn() -> Schema,
    /// For a folder of records, the checks of its files.
    pub check: Option<fn(&Workspace) -> Vec<Diagnostic>>,
    /// For a folder the audit pack keeps as a log (CSV and PDF), the string
    /// key of the log's title.
    pub audit_log: Option<&'static str>,
}

fn schema<T: JsonSchema>() -> Schema {
    schemars::schema_for!(T)
}

/// `processor.yaml`.
pub const PROCESSOR: FileKind = FileKind {
    name: "processor",
    path: "processor.yaml",
    schema_file: "processor.schema.json",
    schema: schema::<Processor>,
    check: None,
    audit_log: None,
};
/// `controllers/<id>.yaml`.
pub const CONTROLLER: FileKind = FileKind {
    name: "controller",
    path: "controllers",
    schema_file: "controller.schema.json",
    schema: schema::<Controller>,
    check: None,
    audit_log: None,
};
/// `subprocessors.yaml`.
pub const SUBPROCESSORS: FileKind = FileKind {
    name: "sub-processor list",
    path: "subprocessors.yaml",
    schema_file: "subprocessors.schema.json",
    schema: schema::<SubProcessors>,
    check: None,
    audit_log: None,
};
/// `security-measures.yaml`.
pub const MEASURES: FileKind = FileKind {
    name: "security measures",
    path: "security-measures.yaml",
    schema_file: "security-measures.schema.json",
    schema: schema::<SecurityMeasures>,
    check: None,
    audit_log: None,
};
/// `people.yaml`.
pub const PEOPLE: FileKind = FileKind {
    name: "people",
    path: "people.yaml",
    schema_file: "people.schema.json",
    schema: schema::<People>,
    check: None,
    audit_log: None,
};
/// `breaches/<id>.yaml`.
pub const BREACH: FileKind = FileKind {
    name: "breach",
    path: "breaches",
    schema_file: "breach.schema.json",
    schema: schema::<Breach>,
    check: Some(<Breach as Record>::diagnostics),
    audit_log: None,
};
/// `fate/<controller>.yaml`.
pub const FATE: FileKind = FileKind {
    name: "fate file",
    path: "fate",
    schema_file: "fate.schema.json",
    schema: schema::<FateFile>,
    check: Some(<FateFile as Record>::diagnostics),
    audit_log: None,
};
/// `requests/<id>.yaml`.
pub const REQUEST: FileKind = FileKind {
    name: "request",
    path: "requests",
    schema_file: "request.schema.json",
    schema: schema::<Request>,
    check: Some(<Request as Record>::diagnostics),
    audit_log: Some("audit_requests_title"),
};
/// `instructions/<id>.yaml`.
pub const INSTRUCTION: FileKind = FileKind {
    name: "instruction",
    path: "instructions",
    schema_file: "instruction.schema.json",
    schema: schema::<Instruction>,
    check: Some(<Instruction as Record>::diagnostics),
    audit_log: Some("audit_instructions_title"),
};
/// `subprocessor-notices/<id>.yaml`.
pub const SUBPROCESSOR_NOTICE: FileKind = FileKind {
    name: "sub-processor notice",
    path: "subprocessor-notices",
    schema_file: "subprocessor-notice.schema.json",
    schema: schema::<SubProcessorNotice>,
    check: Some(<SubProcessorNotice as Record>::diagnostics),
    audit_log: Some("audit_notices_title"),
};

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
