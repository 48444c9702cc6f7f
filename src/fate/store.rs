//! Fate files on disk: find, read, check, read back the tool's records by
//! kind ([`Fate::records`]), and append them, each journaled as it is
//! appended ([`append_record`]).
//!
//! A fate file is written by the DPO, with comments. The tool only ever adds
//! records at its end, as text, through the workspace's record store
//! ([`store::append`]): the comments and the layout of the inventory
//! survive, and `git diff` shows exactly what was recorded. The appended text
//! is read back and compared with the record meant before the file is
//! replaced (atomically); should the file be laid out so that appending does
//! not give that record (a `records:` key that is not the last one), the file
//! is written out whole instead.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::FateError;
use crate::model::assumption::FieldName;
use crate::model::{
    BagRecord, BagVerificationRecord, DataItem, DestructionRecord, FateFile, FateRecord,
    FingerprintRecord, Id, ScanRecord,
};
use crate::render::catalog::Msg;
use crate::render::said::Refusal;
use crate::workspace::kinds::{self, Record};
use crate::workspace::store::{self, StoreError};
use crate::workspace::{
    assumptions, read_record, Act, Diagnostic, SourceFile, Workspace, WorkspaceLock,
};

/// The folder of fate files, relative to the workspace.
pub const DIR: &str = kinds::FATE.path;

/// Where the fate file of `controller` lives, relative to the workspace.
pub fn fate_rel(controller: &Id) -> String {
    format!("{DIR}/{controller}.yaml")
}

/// A kind of record a fate file holds: the record of a [`FateRecord`] of
/// that kind.
pub trait RecordKind {
    /// `r`, when it is of this kind.
    fn of(r: &FateRecord) -> Option<&Self>;
}

/// [`RecordKind`] for the records of the variants of [`FateRecord`] that
/// the workflows read back (a certificate record is only ever written).
macro_rules! record_kinds {
    ($($variant:ident($record:ty),)+) => {
        $(impl RecordKind for $record {
            fn of(r: &FateRecord) -> Option<&Self> {
                match r {
                    FateRecord::$variant(x) => Some(x),
                    _ => None,
                }
            }
        })+
    };
}

record_kinds! {
    Fingerprint(FingerprintRecord),
    Bag(BagRecord),
    BagVerification(BagVerificationRecord),
    Destruction(DestructionRecord),
    Scan(ScanRecord),
}

/// A fate file as read and checked.
#[derive(Debug)]
pub struct Fate {
    /// The controller (the file name).
    pub controller: Id,
    /// The file's content.
    pub file: FateFile,
    /// The text as read (positions, hash).
    pub source: SourceFile,
}

impl Fate {
    /// The records of kind `T`, oldest first.
    pub fn records<'a, T: RecordKind + 'a>(&'a self) -> impl DoubleEndedIterator<Item = &'a T> {
        self.file.records.iter().filter_map(T::of)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&DataItem> {
        self.file.items.iter().find(|i| i.id.as_str() == id)
    }

    /// The file, relative to the workspace.
    pub fn rel(&self) -> String {
        fate_rel(&self.controller)
    }

    /// The item with this id, or an error listing the items.
    pub fn require_item(&self, id: &str) -> Result<&DataItem, FateError> {
        self.item(id).ok_or_else(|| FateError::UnknownItem {
            item: id.to_string(),
            in_file: Some(self.rel()),
            known: known(self.file.items.iter().map(|i| &i.id)),
        })
    }

    /// The copy `copy` of `item`, or an error listing its copies.
    pub fn require_copy<'a>(
        &'a self,
        item: &'a DataItem,
        copy: &str,
    ) -> Result<&'a crate::model::DataCopy, FateError> {
        item.copies
            .iter()
            .find(|c| c.id.as_str() == copy)
            .ok_or_else(|| FateError::UnknownCopy {
                item: item.id.clone(),
                copy: copy.to_string(),
                known: known(item.copies.iter().map(|c| &c.id)),
            })
    }
}

fn known<'a>(ids: impl Iterator<Item = &'a Id>) -> String {
    let v: Vec<String> = ids.map(|i| format!("`{i}`")).collect();
    if v.is_empty() {
        "(none)".into()
    } else {
        v.join(", ")
    }
}

/// The controllers that have a fate file, sorted.
pub fn list_fate_files(root: &Path) -> Result<Vec<Id>, FateError> {
    let names = store::file_names(root, DIR).map_err(|source| FateError::Read {
        path: root.join(DIR),
        source,
    })?;
    let mut out = Vec::new();
    for name in names {
        let rel = format!("{DIR}/{name}");
        let bad = |r: Refusal| FateError::Invalid {
            file: rel.clone(),
            diagnostics: vec![r.error_at(&rel, (1, 1), "")],
        };
        let Some(stem) = name.strip_suffix(".yaml") else {
            return Err(bad(Refusal::new(Msg::new("duties-not-a-fate-file"))
                .hint(Msg::new("duties-not-a-fate-file-hint"))));
        };
        let id = Id::new(stem).map_err(|e| {
            bad(
                Refusal::new(Msg::new("duties-fate-file-name").arg("value", e.value.as_str()))
                    .hint(Msg::new("duties-fate-file-name-hint")),
            )
        })?;
        out.push(id);
    }
    out.sort();
    Ok(out)
}

impl Record for FateFile {
    fn diagnostics(ws: &Workspace, _now: chrono::DateTime<chrono::Utc>) -> Vec<Diagnostic> {
        let problem = |rel: &str, e: FateError| match e {
            FateError::Invalid { diagnostics, .. } => diagnostics,
            other => vec![Refusal::file_error(other.refusal(), rel, other.to_string())],
        };
        match list_fate_files(&ws.root) {
            Ok(ids) => ids
                .iter()
                .flat_map(|id| match load(ws, id) {
                    Ok(fate) => assumed(&fate),
                    Err(e) => problem(&fate_rel(id), e),
                })
                .collect(),
            Err(e) => problem(DIR, e),
        }
    }
}

/// One warning per value of the inventory marked as an assumption to confirm.
fn assumed(fate: &Fate) -> Vec<Diagnostic> {
    let (src, rel) = (Some(&fate.source), fate.source.rel.as_str());
    let mut out = Vec::new();
    for (i, item) in fate.file.items.iter().enumerate() {
        out.extend(assumptions(
            src,
            rel,
            &format!("items[{i}]."),
            Msg::new("record-item").arg("id", item.id.to_string()),
            &item.to_confirm,
        ));
        for (j, c) in item.copies.iter().enumerate() {
            out.extend(assumptions(
                src,
                rel,
                &format!("items[{i}].copies[{j}]."),
                Msg::new("record-copy")
                    .arg("id", c.id.to_string())
                    .arg("item", item.id.to_string()),
                &c.to_confirm,
            ));
        }
    }
    out
}

/// Reads and checks the fate file of `controller`.
pub fn load(ws: &Workspace, controller: &Id) -> Result<Fate, FateError> {
    let rel = fate_rel(controller);
    let (file, source) = match read_record::<FateFile>(&ws.root, &rel) {
        Ok(Some(v)) => v,
        Ok(None) => {
            return Err(FateError::NoFateFile {
                controller: controller.clone(),
                file: rel,
            })
        }
        Err(diagnostics) => {
            return Err(FateError::Invalid {
                file: rel,
                diagnostics,
            })
        }
    };
    if ws.controller(controller).is_none() {
        return Err(FateError::UnknownController {
            controller: controller.clone(),
            file: rel,
        });
    }
    let diagnostics = check(&file, &source);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FateError::Invalid {
            file: rel,
            diagnostics,
        });
    }
    Ok(Fate {
        controller: controller.clone(),
        file,
        source,
    })
}

/// The path, in the fate file of `fate`, of `field` of the item `item`
/// (`items[<index>].<field>`), for `dpo fate set`.
pub fn item_field(fate: &Fate, item: &str, field: &str) -> Result<String, FateError> {
    fate.require_item(item)?;
    let i = fate
        .file
        .items
        .iter()
        .position(|x| x.id.as_str() == item)
        .unwrap_or_default();
    Ok(format!("items[{i}].{field}"))
}

/// Finds the fate file holding `item`: the one of `controller` when given,
/// else the only file that has such an item.
pub fn find_item(ws: &Workspace, controller: Option<&Id>, item: &str) -> Result<Fate, FateError> {
    if let Some(c) = controller {
        let f = load(ws, c)?;
        f.require_item(item)?;
        return Ok(f);
    }
    let ids = list_fate_files(&ws.root)?;
    if ids.is_empty() {
        return Err(FateError::NoFateFiles);
    }
    let mut found = Vec::new();
    let mut all = Vec::new();
    for id in &ids {
        let f = load(ws, id)?;
        all.extend(f.file.items.iter().map(|i| i.id.clone()));
        if f.item(item).is_some() {
            found.push(f);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(FateError::UnknownItem {
            item: item.to_string(),
            in_file: (ids.len() == 1).then(|| fate_rel(&ids[0])),
            known: known(all.iter()),
        }),
        _ => Err(FateError::AmbiguousItem {
            item: found[0].require_item(item)?.id.clone(),
            controllers: found
                .iter()
                .map(|f| f.controller.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Cross-checks a fate file: unique ids, at least one copy per item, records
/// that name an existing item and copy.
fn check(file: &FateFile, src: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |field: String, message: Msg, hint: &'static str| {
        Refusal::new(message)
            .hint(Msg::new(hint))
            .error_at(&src.rel, src.locate(&field), &field)
    };
    let item_msg = |id: &'static str, item: &Id| Msg::new(id).arg("item", item.to_string());
    let mut items = HashSet::new();
    for (i, item) in file.items.iter().enumerate() {
        if !items.insert(&item.id) {
            out.push(err(
                format!("items[{i}].id"),
                item_msg("duties-fate-duplicate-item", &item.id),
                "duties-fate-duplicate-item-hint",
            ));
        }
        if item.copies.is_empty() {
            out.push(err(
                format!("items[{i}].copies"),
                item_msg("duties-fate-no-copy", &item.id),
                "duties-fate-no-copy-hint",
            ));
        }
        let mut copies = HashSet::new();
        for (j, c) in item.copies.iter().enumerate() {
            if !copies.insert(&c.id) {
                out.push(err(
                    format!("items[{i}].copies[{j}].id"),
                    item_msg("duties-fate-duplicate-copy", &item.id).arg("copy", c.id.to_string()),
                    "duties-fate-duplicate-copy-hint",
                ));
            }
        }
    }
    for (i, r) in file.records.iter().enumerate() {
        let Some(item_id) = r.item() else { continue };
        match file.items.iter().find(|it| &it.id == item_id) {
            None => out.push(err(
                format!("records[{i}].item"),
                item_msg("duties-fate-record-no-item", item_id),
                "duties-fate-record-no-item-hint",
            )),
            Some(item) => {
                if let Some(copy) = r.copy() {
                    if !item.copies.iter().any(|c| &c.id == copy) {
                        out.push(err(
                            format!("records[{i}].copy"),
                            item_msg("duties-fate-record-no-copy", item_id)
                                .arg("copy", copy.to_string()),
                            "duties-fate-record-no-copy-hint",
                        ));
                    }
                }
            }
        }
    }
    out
}

/// What the journal entry of a fate record hashes.
#[derive(Debug, Clone, Copy)]
pub enum Payload<'a> {
    /// The record's YAML text, as appended.
    Record,
    /// These bytes (a manifest, a PDF).
    Bytes(&'a [u8]),
    /// The file at this path, read once the record is appended (a bag's tag
    /// manifest).
    File(&'a Path),
}

/// The journal action of a record, what it is about, and when it was
/// recorded.
fn journal_entry(
    fate: &Fate,
    record: &FateRecord,
) -> (&'static str, String, DateTime<FixedOffset>) {
    let c = &fate.controller;
    match record {
        FateRecord::Fingerprint(r) => ("fate.fingerprint", r.manifest.clone(), r.at),
        FateRecord::Scan(r) => ("fate.scan", format!("{c}/{}", r.item), r.at),
        FateRecord::Destruction(r) => (
            "fate.destroy",
            format!("{c}/{}/{}", r.item, r.copy),
            r.recorded_at,
        ),
        FateRecord::Bag(r) => ("fate.bag", format!("{c}/{}/{}", r.item, r.copy), r.at),
        FateRecord::BagVerification(r) => ("fate.verify-bag", format!("{c}/{}", r.item), r.at),
        FateRecord::Certificate(r) => ("fate.certify", r.pdf.clone(), r.at),
    }
}

/// Appends `record` to the fate file, then journals it by `act`'s actor:
/// `fate.<command>` about the controller, item and copy (a fingerprint's
/// manifest, a certificate's PDF), at the record's instant, hashing
/// `payload`. Taking the lock makes it impossible to call without holding it.
pub fn append_record(
    ws: &Workspace,
    lock: &WorkspaceLock,
    fate: &Fate,
    act: &Act,
    record: FateRecord,
    payload: Payload<'_>,
) -> Result<(), FateError> {
    let (action, subject, at) = journal_entry(fate, &record);
    let yaml = append(ws, lock, fate, record)?;
    let file;
    let payload = match payload {
        Payload::Record => &yaml[..],
        Payload::Bytes(b) => b,
        Payload::File(path) => {
            file = std::fs::read(path).map_err(|source| FateError::Read {
                path: path.to_path_buf(),
                source,
            })?;
            &file[..]
        }
    };
    let journal = ws.journal();
    journal.append(lock, at.to_utc(), &act.actor, action, &subject, payload)?;
    Ok(())
}

/// Appends `record` to the fate file and returns its YAML text.
fn append(
    ws: &Workspace,
    lock: &WorkspaceLock,
    fate: &Fate,
    record: FateRecord,
) -> Result<Vec<u8>, FateError> {
    let rewritten = format!("# Fate of the data of controller `{}` (rewritten whole by dpo: the file's layout did not allow appending).\n", fate.controller);
    let how = store::Append {
        key: "records",
        header: "# Written by dpo (fate fingerprint, bag, verify-bag, destroy, scan, certify), oldest first.\n# Do not edit: the journal holds the hash of each record.\n",
        rewritten: &rewritten,
    };
    let appended = store::append(ws, lock, &fate.rel(), how, &record, |f: &mut FateFile| {
        f.records.push(record.clone())
    });
    match appended {
        Ok((_, yaml)) => Ok(yaml.into_bytes()),
        Err(StoreError::Invalid { file, diagnostics }) => {
            Err(FateError::Invalid { file, diagnostics })
        }
        Err(StoreError::Workspace(e)) => Err(FateError::Write(e)),
        Err(e) => Err(FateError::Serialize(e.to_string())),
    }
}

/// Every problem of the fate file `file`, read from `src` (`fate/<c>.yaml`):
/// what `dpo check`, the fate workflows and `dpo fate set` check — a known
/// controller, unique ids, copies, records that name an existing item and
/// copy.
fn problems(ws: &Workspace, file: &FateFile, src: &SourceFile) -> Vec<Diagnostic> {
    let mut out = check(file, src);
    let stem = src
        .rel
        .strip_prefix(&format!("{DIR}/"))
        .and_then(|n| n.strip_suffix(".yaml"))
        .unwrap_or_default();
    if !ws.controllers.iter().any(|(id, _)| id.as_str() == stem) {
        out.push(Diagnostic::error_msg(
            &src.rel,
            (1, 1),
            "",
            Msg::new("duties-fate-no-controller").arg("stem", stem),
        ));
    }
    out
}

/// The facts of an item a certificate states: never set once one is issued.
const CERTIFIED_FACTS: [&str; 3] = ["choice", "decision", "copies"];

impl store::Settable for FateFile {
    /// Refuses the choice, decision and copies of an item once a
    /// certificate stating them was issued: setting them would make the
    /// issued certificate say what the record no longer says.
    fn may_set(&self, field: &str) -> Result<(), Msg> {
        let Some((index, rest)) = field.strip_prefix("items[").and_then(|r| r.split_once(']'))
        else {
            return Ok(());
        };
        let fact = rest
            .trim_start_matches('.')
            .split(['.', '['])
            .next()
            .unwrap_or_default();
        let issued = self.records.iter().rev().find_map(|r| match r {
            FateRecord::Certificate(c) => Some(c),
            _ => None,
        });
        let item = index.parse::<usize>().ok().and_then(|i| self.items.get(i));
        match (issued, item) {
            (Some(c), Some(item)) if CERTIFIED_FACTS.contains(&fact) => {
                Err(Msg::new("duties-fate-certified-fact")
                    .arg("item", item.id.to_string())
                    .arg("at", crate::render::said::instant(c.at))
                    .arg("by", c.by.as_str())
                    .arg("pdf", c.pdf.as_str())
                    .arg("fact", Msg::new("terminal-ha-fact").arg("fact", fact)))
            }
            _ => Ok(()),
        }
    }

    /// A value set is no longer an assumption: its field leaves the item's
    /// (or the copy's) `to_confirm`, in the same write.
    fn after_set(&mut self, field: &str) {
        let Some((item, rest)) = field
            .strip_prefix("items[")
            .and_then(|r| r.split_once("]."))
        else {
            return;
        };
        let Some(it) = item
            .parse::<usize>()
            .ok()
            .and_then(|i| self.items.get_mut(i))
        else {
            return;
        };
        let name = |rest: &str| {
            rest.split(['.', '['])
                .next()
                .unwrap_or_default()
                .to_string()
        };
        if let Some((copy, rest)) = rest
            .strip_prefix("copies[")
            .and_then(|r| r.split_once("]."))
        {
            if let Some(c) = copy
                .parse::<usize>()
                .ok()
                .and_then(|j| it.copies.get_mut(j))
            {
                let n = name(rest);
                c.to_confirm.retain(|f| f.name() != n);
            }
            return;
        }
        let n = name(rest);
        it.to_confirm.retain(|f| f.name() != n);
    }

    fn problems(
        &self,
        ws: &Workspace,
        src: &SourceFile,
        _now: chrono::DateTime<chrono::Utc>,
    ) -> Vec<Diagnostic> {
        problems(ws, self, src)
    }
}
