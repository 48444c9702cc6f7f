//! What the journal vouches for against what the files say.
//!
//! Every journal entry names the record files its change wrote, with the
//! SHA-256 of their new content (`writes`, see [`super::journal`]). A record
//! file — of a folder of records ([`super::kinds`]) or named by an entry —
//! must hash to what the journal recorded for its last write by `dpo`:
//!
//! - **changed outside dpo**: it hashes to something else. The store keeps
//!   each text it wrote under `.dpo/objects/<sha256>`
//!   ([`super::store::OBJECTS_DIR`]), so the top-level fields that differ
//!   from the journaled text are named.
//! - **removed outside dpo**: an entry wrote it, and it is gone.
//! - **not journaled**: no entry wrote it (a file of a kind started by
//!   hand, a fate inventory, only once it holds evidence) (an entry of a journal older than
//!   `writes` may name it as its subject; it is reported all the same, and
//!   `dpo record adopt` takes it whole as a baseline). An emptied or deleted journal
//!   leaves every record here; a journal cut short, with its head made to
//!   match, leaves the records written by the removed entries either here
//!   or changed.
//! - **changed on two branches**: clones merged in git both wrote it, and no
//!   write descends from both ([`concurrent_writes`]); the file as resolved
//!   by hand is adopted with `dpo record adopt`.
//!
//! What this cannot catch: someone who rewrites the records, the objects
//! and the whole chain consistently. Only a head kept outside the workspace
//! (printed in every notification, certificate and audit pack) shows that;
//! see the README, "The journal".

use crate::render::catalog::{Catalog, Localize, Msg, Told};
use crate::workspace::{if_exists, read_bytes, read_text, ReadError};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use super::{kinds, store, Journal, JournalEntry, WorkspaceError};
use crate::hashing::sha256_hex;

/// What is wrong with one record file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tamper {
    /// It does not hash to what the journal recorded.
    Changed,
    /// A journal entry wrote it and it is gone.
    Removed,
    /// No journal entry wrote it.
    NotJournaled,
    /// Two branches of the journal (clones merged in git) both wrote it and
    /// neither write supersedes the other: a conflict resolved by hand, to
    /// adopt.
    Concurrent,
}

/// A write of a record no later write supersedes (see [`Tamper::Concurrent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatestWrite {
    /// The entry.
    pub seq: u64,
    /// Who.
    pub actor: String,
    /// Its action, e.g. `breach.set`.
    pub action: String,
    /// The SHA-256 it recorded.
    pub sha256: String,
}

/// One record file that does not match the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file, relative to the workspace.
    pub file: String,
    /// What is wrong.
    pub tamper: Tamper,
    /// The entry that recorded its last write by dpo (0: none).
    pub seq: u64,
    /// The SHA-256 that entry recorded.
    pub journaled_sha256: Option<String>,
    /// Its SHA-256 now (`None`: it is gone).
    pub sha256: Option<String>,
    /// The top-level fields that differ from the journaled text, when that
    /// text is kept and both read as YAML mappings.
    pub fields: Option<Vec<String>>,
    /// It no longer reads as a YAML mapping: its fields cannot be compared
    /// (`dpo check` says where it does not read).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
    /// The writes on each branch ([`Tamper::Concurrent`] only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub latest: Vec<LatestWrite>,
}

impl Localize for Finding {
    /// [`Finding::told`] in the language of `s`.
    fn message(&self, s: &Catalog) -> String {
        self.told().say(s)
    }
}

impl Finding {
    /// What is wrong, with a hint, as catalog messages.
    pub fn told(&self) -> Told {
        let journaled = self.journaled_sha256.as_deref().unwrap_or("-");
        let file = self.file.as_str();
        match self.tamper {
            // A time-stamp is binary, no record: no fields, never adopted.
            Tamper::Changed if is_time_stamp(file) => Told::new(
                Msg::new("integrity-changed")
                    .arg("sha256", self.sha256.as_deref().unwrap_or("-"))
                    .arg("seq", self.seq)
                    .arg("journaled", journaled),
            )
            .hint(Msg::new("timestamp-changed-hint").arg("file", file)),
            Tamper::Changed => {
                let fields = match &self.fields {
                    _ if self.unreadable => Msg::new("vb-integrity-unreadable"),
                    Some(f) if f.is_empty() => Msg::new("integrity-same-fields"),
                    Some(f) => Msg::new("integrity-fields-differ").arg("fields", f.join(", ")),
                    None => Msg::new("integrity-not-kept"),
                };
                let changed = Msg::new("integrity-changed")
                    .arg("sha256", self.sha256.as_deref().unwrap_or("-"))
                    .arg("seq", self.seq)
                    .arg("journaled", journaled);
                Told::new(
                    Msg::new("errors-two")
                        .arg("first", changed)
                        .arg("second", fields),
                )
                .hint(Msg::new("integrity-changed-hint").arg("file", file))
            }
            Tamper::Removed => Told::new(
                Msg::new("integrity-removed")
                    .arg("seq", self.seq)
                    .arg("journaled", journaled),
            )
            .hint(Msg::new("integrity-removed-hint")),
            Tamper::NotJournaled if self.seq > 0 => {
                Told::new(Msg::new("errors-not-journaled-content").arg("seq", self.seq))
                    .hint(Msg::new("errors-not-journaled-content-hint").arg("file", file))
            }
            Tamper::NotJournaled => Told::new(Msg::new("errors-not-journaled"))
                .hint(Msg::new("errors-not-journaled-hint").arg("file", file)),
            Tamper::Concurrent => {
                let sides: Vec<String> = self
                    .latest
                    .iter()
                    .map(|w| format!("{} ({}, {})", w.actor, w.action, w.seq))
                    .collect();
                let record = Path::new(file)
                    .file_stem()
                    .map_or(String::new(), |s| s.to_string_lossy().into_owned());
                Told::new(
                    Msg::new("gitjournal-integrity-concurrent")
                        .arg("record", record)
                        .arg("sides", sides.join(", ")),
                )
                .hint(Msg::new("gitjournal-integrity-concurrent-hint").arg("file", file))
            }
        }
    }

    /// One line saying what is wrong, with a hint (English).
    pub fn message(&self) -> String {
        self.told().to_string()
    }
}

/// The last write the journal records for each file: its entry and hash.
pub fn journaled(entries: &[JournalEntry]) -> BTreeMap<String, (u64, String)> {
    let mut out = BTreeMap::new();
    for e in entries {
        for w in &e.writes {
            out.insert(w.file.clone(), (e.seq, w.sha256.clone()));
        }
        // A message not sent: the outbox journals the failure (subject:
        // the kept `.eml`), then removes the copy it had kept.
        if [
            crate::mail::outbox::FAILED,
            crate::mail::outbox::UNREACHABLE,
        ]
        .iter()
        .any(|s| e.action.ends_with(s))
        {
            out.remove(&e.subject);
        }
    }
    out
}

/// The files written on two branches of the journal (clones merged in git)
/// with no later write superseding both: for each, its latest writes — the
/// writes of it no write of it in a descendant entry supersedes — last first.
/// Empty for a journal that is one chain.
pub fn concurrent_writes(hashed: &[(String, JournalEntry)]) -> BTreeMap<String, Vec<LatestWrite>> {
    let linear = hashed
        .windows(2)
        .all(|w| w[1].1.merged.is_empty() && w[1].1.prev_sha256 == w[0].0);
    if linear {
        return BTreeMap::new();
    }
    let index: HashMap<&str, usize> = hashed
        .iter()
        .enumerate()
        .map(|(i, (sha, _))| (sha.as_str(), i))
        .collect();
    let mut writers: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, e)) in hashed.iter().enumerate() {
        for w in &e.writes {
            writers.entry(w.file.as_str()).or_default().push(i);
        }
    }
    let mut out = BTreeMap::new();
    for (file, at) in writers.into_iter().filter(|(_, at)| at.len() > 1) {
        // From the last write back: a write is latest unless it is an
        // ancestor of a latest one (file order is topological).
        let mut ancestors: HashSet<usize> = HashSet::new();
        let mut latest = Vec::new();
        for &i in at.iter().rev() {
            if ancestors.contains(&i) {
                continue;
            }
            latest.push(i);
            let mut todo = vec![i];
            while let Some(j) = todo.pop() {
                for p in hashed[j].1.parents() {
                    if let Some(&k) = index.get(p) {
                        if ancestors.insert(k) {
                            todo.push(k);
                        }
                    }
                }
            }
        }
        if latest.len() > 1 {
            let said = latest
                .iter()
                .map(|&i| {
                    let e = &hashed[i].1;
                    LatestWrite {
                        seq: e.seq,
                        actor: e.actor.clone(),
                        action: e.action.clone(),
                        sha256: e
                            .writes
                            .iter()
                            .rev()
                            .find(|w| w.file == file)
                            .map(|w| w.sha256.clone())
                            .unwrap_or_default(),
                    }
                })
                .collect();
            out.insert(file.to_string(), said);
        }
    }
    out
}

/// Every record file that does not match the journal, by file. A journal
/// that cannot be read gives none: its own verification reports it.
pub fn check(root: &Path) -> Result<Vec<Finding>, WorkspaceError> {
    let Ok(hashed) = Journal::new(root).entries_hashed() else {
        return Ok(Vec::new());
    };
    let concurrent = concurrent_writes(&hashed);
    let entries: Vec<JournalEntry> = hashed.into_iter().map(|(_, e)| e).collect();
    let last = journaled(&entries);
    let mut files: Vec<String> = last.keys().cloned().collect();
    for kind in kinds::FILE_KINDS.iter().filter(|k| k.check.is_some()) {
        let names =
            store::file_names(root, kind.path).map_err(ReadError::at(&root.join(kind.path)))?;
        files.extend(
            names
                .iter()
                .filter(|n| n.ends_with(".yaml"))
                .map(|n| format!("{}/{n}", kind.path)),
        );
    }
    files.sort();
    files.dedup();
    let mut out = Vec::new();
    for file in files {
        if let Some(f) = check_file(root, (&entries, &concurrent), &last, &file)? {
            out.push(f);
        }
    }
    Ok(out)
}

/// What [`check`] says of the one file `rel`: `None` when the journal
/// vouches for it as it is (or it is not a file `check` looks at). Every
/// write of an existing record goes through this first ([`store`]), so no
/// command makes a hand edit its own.
pub fn check_one(root: &Path, rel: &str) -> Result<Option<Finding>, WorkspaceError> {
    let Ok(hashed) = Journal::new(root).entries_hashed() else {
        return Ok(None);
    };
    let concurrent = concurrent_writes(&hashed);
    let entries: Vec<JournalEntry> = hashed.into_iter().map(|(_, e)| e).collect();
    let last = journaled(&entries);
    if !last.contains_key(rel) && kinds::of_record(rel).is_none() {
        return Ok(None);
    }
    check_file(root, (&entries, &concurrent), &last, rel)
}

/// Whether `file` is a time-stamp request or response (`.tsq`, `.tsr`):
/// a proof, restored or made again, never adopted.
fn is_time_stamp(file: &str) -> bool {
    file.ends_with(".tsr") || file.ends_with(".tsq")
}

/// Refuses (with [`WorkspaceError::Unvouched`]) the file `rel` when
/// [`check_one`] finds it does not match the journal — except a record
/// started by hand that no entry ever named and that holds no evidence yet
/// (as a fate inventory): its first write by dpo is its first journaling.
pub fn require_vouched(root: &Path, rel: &str) -> Result<(), WorkspaceError> {
    match check_one(root, rel)? {
        Some(f) if f.tamper == Tamper::NotJournaled && f.seq == 0 && !holds_evidence(root, rel) => {
            Ok(())
        }
        Some(f) => Err(WorkspaceError::Unvouched {
            file: rel.to_string(),
            message: Box::new(refusal(&f)),
        }),
        None => Ok(()),
    }
}

/// Whether the record file `rel` has a section only dpo writes.
fn holds_evidence(root: &Path, rel: &str) -> bool {
    let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    kinds::of_record(rel).is_none_or(|k| {
        differing_fields("", &text)
            .iter()
            .any(|f| k.evidence.contains(&f.as_str()))
    })
}

/// Why a command refuses to write over the file of `finding`: what is
/// wrong, and how to get out — `dpo record adopt`, unless the edit touched
/// evidence, which is never adopted.
pub fn refusal(finding: &Finding) -> Told {
    let evidence: Vec<String> = match (&finding.fields, kinds::of_record(&finding.file)) {
        (Some(fields), Some(kind)) if finding.tamper == Tamper::Changed => fields
            .iter()
            .filter(|f| kind.evidence.contains(&f.as_str()))
            .map(|f| format!("`{f}`"))
            .collect(),
        _ => Vec::new(),
    };
    let told = finding.told();
    if evidence.is_empty() {
        return told;
    }
    Told::new(told.msg).hint(
        Msg::new("errors-evidence-not-adopted")
            .arg("sections", evidence.join(", "))
            .arg("n", evidence.len())
            .arg("file", finding.file.as_str()),
    )
}

/// The files of [`check`], for readers that only mark them.
pub fn tampered(root: &Path) -> std::collections::BTreeSet<String> {
    check(root)
        .unwrap_or_default()
        .into_iter()
        .map(|f| f.file)
        .collect()
}

fn check_file(
    root: &Path,
    (entries, concurrent): (&[JournalEntry], &BTreeMap<String, Vec<LatestWrite>>),
    last: &BTreeMap<String, (u64, String)>,
    file: &str,
) -> Result<Option<Finding>, WorkspaceError> {
    let path = root.join(file);
    let current = if_exists(read_bytes(&path))?;
    let sha = current.as_deref().map(sha256_hex);
    let unreadable = current.as_deref().is_some_and(|b| {
        !matches!(
            serde_yaml::from_slice::<serde_yaml::Value>(b),
            Ok(serde_yaml::Value::Mapping(_))
        )
    });
    let finding = |tamper, seq, journaled: Option<&String>, fields| Finding {
        file: file.to_string(),
        unreadable: unreadable && tamper == Tamper::Changed,
        tamper,
        seq,
        journaled_sha256: journaled.cloned(),
        sha256: sha.clone(),
        fields,
        latest: Vec::new(),
    };
    if let (Some(latest), Some((seq, want))) = (concurrent.get(file), last.get(file)) {
        return Ok(Some(Finding {
            latest: latest.clone(),
            ..finding(Tamper::Concurrent, *seq, Some(want), None)
        }));
    }
    Ok(match (last.get(file), &current) {
        (Some((_, want)), Some(_)) if Some(want) == sha.as_ref() => None,
        (Some((seq, want)), Some(bytes)) => {
            let fields = store::read_object(root, want)
                .map(|old| differing_fields(&old, &String::from_utf8_lossy(bytes)));
            Some(finding(Tamper::Changed, *seq, Some(want), fields))
        }
        (Some((seq, want)), None) => Some(finding(Tamper::Removed, *seq, Some(want), None)),
        (None, None) => None,
        // A file started by hand (a fate inventory) needs an entry once it
        // holds evidence.
        (None, Some(bytes))
            if kinds::of_record(file).is_some_and(|k| {
                k.by_hand
                    && differing_fields("", &String::from_utf8_lossy(bytes))
                        .iter()
                        .all(|f| !k.evidence.contains(&f.as_str()))
            }) =>
        {
            None
        }
        (None, Some(_)) => Some(finding(
            Tamper::NotJournaled,
            named_by_old_entry(entries, file).unwrap_or(0),
            None,
            None,
        )),
    })
}

/// The last entry without `writes` (as written by versions of dpo before
/// entries named the files they wrote) whose subject is this record: its
/// id, its path, or the fate file's controller. Such an entry says dpo
/// wrote the record, not what it wrote: the record is still reported, and
/// `dpo record adopt` may take it whole as a baseline.
pub fn named_by_old_entry(entries: &[JournalEntry], file: &str) -> Option<u64> {
    let stem = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    entries
        .iter()
        .filter(|e| e.writes.is_empty() && may_have_written(e))
        .filter(|e| {
            e.subject == file
                || e.subject == stem
                || e.subject.starts_with(&format!("{stem}/"))
                || e.subject.ends_with(&format!("/{stem}"))
        })
        .map(|e| e.seq)
        .next_back()
}

/// Whether `e`, written without `writes`, may be an entry of an older
/// journal that wrote a record: not the entries that write no record in any
/// version — a recovery (`journal.rollback` of a record put back as it was,
/// `journal.recover`), a note, an e-mail's intent, refusal, dry run or
/// second sending.
fn may_have_written(e: &JournalEntry) -> bool {
    e.actor != super::journal::RECOVERY_ACTOR
        && !e.action.starts_with("journal.")
        && !crate::mail::outbox::NOT_THE_SENDING
            .iter()
            .any(|s| *s != crate::mail::outbox::CONFIRM_SENT && e.action.ends_with(s))
}

/// The top-level keys whose values differ between two YAML texts (every
/// key, when one of them is not a mapping), sorted. A key that is absent,
/// null or an empty list or mapping counts as the same.
pub fn differing_fields(old: &str, new: &str) -> Vec<String> {
    use serde_yaml::Value;
    let map = |t: &str| match serde_yaml::from_str::<Value>(t) {
        Ok(Value::Mapping(m)) => m,
        _ => serde_yaml::Mapping::new(),
    };
    let (old, new) = (map(old), map(new));
    fn get<'a>(m: &'a serde_yaml::Mapping, k: &Value) -> Option<&'a Value> {
        m.get(k).filter(|v| match v {
            Value::Null => false,
            Value::Sequence(s) => !s.is_empty(),
            Value::Mapping(m) => !m.is_empty(),
            _ => true,
        })
    }
    let mut keys: Vec<String> = old
        .keys()
        .chain(new.keys())
        .filter(|k| get(&old, k) != get(&new, k))
        .map(|k| match k {
            serde_yaml::Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Whether the top-level `field` of `resolved` is the merge of its values
/// in `sides` (texts of the same record written on two branches): a list
/// holds every item of each side's and nothing else; any other value is
/// one side's.
fn merges_sides(field: &str, resolved: &str, sides: &[String]) -> bool {
    use serde_yaml::Value;
    let value = |t: &str| match serde_yaml::from_str::<Value>(t) {
        Ok(Value::Mapping(m)) => m.get(field).cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    };
    let items = |v: &Value| match v {
        Value::Sequence(s) => Some(s.clone()),
        Value::Null => Some(Vec::new()),
        _ => None,
    };
    let ours = value(resolved);
    let theirs: Vec<Value> = sides.iter().map(|t| value(t)).collect();
    match (
        items(&ours),
        theirs.iter().map(items).collect::<Option<Vec<_>>>(),
    ) {
        (Some(got), Some(each)) => {
            each.iter().flatten().all(|i| got.contains(i))
                && got.iter().all(|i| each.iter().flatten().any(|x| x == i))
        }
        _ => theirs.contains(&ours),
    }
}

/// Why `dpo record adopt` refuses (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum AdoptError {
    /// The file is not a record of a folder of records.
    #[error("{}", self.told())]
    NotARecord {
        /// The file, as given.
        file: String,
        /// The folders of records.
        dirs: String,
    },
    /// The file matches the journal already.
    #[error("{}", self.told())]
    Unchanged {
        /// The file.
        file: String,
        /// The entry that recorded it.
        seq: u64,
    },
    /// The journaled text is not kept, so what changed cannot be told.
    #[error("{}", self.told())]
    NotKept {
        /// The file.
        file: String,
        /// The entry.
        seq: u64,
    },
    /// The edit touches sections only dpo writes.
    #[error("{}", self.told())]
    Evidence {
        /// The file.
        file: String,
        /// The evidence sections that differ.
        sections: Vec<String>,
        /// Whether the record was written on two merged branches (each
        /// side's evidence is then in git's two parents).
        merged: bool,
    },
    /// The edit changes a fact `dpo … set` refuses to change (an
    /// `aware_at` after the notification…).
    #[error("{}", self.told())]
    Refused {
        /// The file.
        file: String,
        /// Why, as `dpo … set` says it.
        message: String,
    },
    /// Reading, locking or journaling failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl AdoptError {
    /// What the refusal says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            AdoptError::NotARecord { file, dirs } => {
                Told::new(Msg::new("errors-adopt-not-a-record").arg("file", file.as_str()))
                    .hint(Msg::new("errors-adopt-not-a-record-hint").arg("dirs", dirs.as_str()))
            }
            AdoptError::Unchanged { file, seq } => Told::new(
                Msg::new("errors-adopt-unchanged")
                    .arg("file", file.as_str())
                    .arg("seq", *seq),
            ),
            AdoptError::NotKept { file, seq } => Told::new(
                Msg::new("errors-adopt-not-kept")
                    .arg("file", file.as_str())
                    .arg("seq", *seq)
                    .arg("objects", store::OBJECTS_DIR),
            )
            .hint(Msg::new("errors-adopt-not-kept-hint")),
            AdoptError::Evidence {
                file,
                sections,
                merged,
            } => {
                let sections: Vec<String> = sections.iter().map(|s| format!("`{s}`")).collect();
                Told::new(
                    Msg::new("errors-adopt-evidence")
                        .arg("file", file.as_str())
                        .arg("sections", sections.join(", "))
                        .arg("n", sections.len()),
                )
                .hint(
                    Msg::new(if *merged {
                        "gitjournal-adopt-evidence-hint"
                    } else {
                        "errors-adopt-evidence-hint"
                    })
                    .arg("file", file.as_str()),
                )
            }
            AdoptError::Refused { file, message } => Told::new(
                Msg::new("errors-adopt-refused")
                    .arg("file", file.as_str())
                    .arg("message", Msg::text(message)),
            )
            .hint(Msg::new("errors-adopt-refused-hint").arg("file", file.as_str())),
            AdoptError::Workspace(e) => e.told(),
        }
    }
}

crate::render::catalog::told_localize!(AdoptError);

/// What `dpo … set` would say, on the record as journaled (`old`), of
/// setting one of the top-level `fields` an edit changed
/// ([`store::Settable::may_set`]): an edit is never adopted that `set`
/// would refuse.
fn settable_refusal(kind: &kinds::FileKind, old: &str, fields: &[String]) -> Option<String> {
    fn first<T: store::Settable>(old: &str, fields: &[String]) -> Option<String> {
        let record: T = serde_yaml::from_str(old).ok()?;
        fields
            .iter()
            .find_map(|f| record.may_set(f).err().map(|m| m.english()))
    }
    if old.is_empty() {
        return None;
    }
    match kind.name {
        n if n == kinds::BREACH.name => first::<crate::model::Breach>(old, fields),
        n if n == kinds::REQUEST.name => first::<crate::model::Request>(old, fields),
        _ => None,
    }
}

/// What `dpo record adopt` journaled.
#[derive(Debug, Serialize)]
pub struct Adopted {
    /// The entry.
    pub entry: JournalEntry,
    /// The top-level fields adopted.
    pub fields: Vec<String>,
    /// The file's SHA-256 before (as journaled; none when never journaled).
    pub before_sha256: Option<String>,
    /// Its SHA-256 now, journaled.
    pub sha256: String,
}

/// Adopts a hand edit of the record file `rel` (relative to the workspace):
/// refuses when it changed a section only dpo writes (`evidence` of
/// [`kinds::FileKind`]);
/// otherwise journals `record.adopt` about it, naming its new hash, with a
/// payload saying `reason` and the fields that changed (kept, like the
/// texts the store writes, under [`store::OBJECTS_DIR`]).
pub fn adopt(
    ws: &super::Workspace,
    act: &super::Act,
    rel: &str,
    reason: &str,
) -> Result<Adopted, AdoptError> {
    let Some(kind) = kinds::of_record(rel) else {
        return Err(AdoptError::NotARecord {
            file: rel.to_string(),
            dirs: kinds::FILE_KINDS
                .iter()
                .filter(|k| k.check.is_some())
                .map(|k| format!("`{}/`", k.path))
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    let lock = ws.lock()?;
    let journal = ws.journal();
    let path = ws.root.join(rel);
    let text = read_text(&path).map_err(WorkspaceError::from)?;
    let sha = sha256_hex(text.as_bytes());
    let hashed = journal.entries_hashed()?;
    // Written on two branches merged in git: adopting the resolution joins them.
    let concurrent = concurrent_writes(&hashed).remove(rel);
    let entries: Vec<JournalEntry> = hashed.into_iter().map(|(_, e)| e).collect();
    let last = journaled(&entries).remove(rel);
    // A record journaled before entries named their files: taken whole.
    let baseline = last.is_none() && named_by_old_entry(&entries, rel).is_some();
    let old = match &last {
        Some((seq, want)) if *want == sha && concurrent.is_none() => {
            return Err(AdoptError::Unchanged {
                file: rel.to_string(),
                seq: *seq,
            })
        }
        Some((seq, want)) => store::read_object(&ws.root, want).ok_or(AdoptError::NotKept {
            file: rel.to_string(),
            seq: *seq,
        })?,
        None => String::new(),
    };
    let fields = differing_fields(&old, &text);
    // Evidence written on both branches may be merged, never changed.
    let sides: Vec<String> = concurrent
        .iter()
        .flatten()
        .filter_map(|w| store::read_object(&ws.root, &w.sha256))
        .collect();
    let sections: Vec<String> = fields
        .iter()
        .filter(|f| !baseline && kind.evidence.contains(&f.as_str()))
        .filter(|f| {
            sides.len() < concurrent.as_ref().map_or(1, Vec::len) || !merges_sides(f, &text, &sides)
        })
        .cloned()
        .collect();
    if !sections.is_empty() {
        return Err(AdoptError::Evidence {
            file: rel.to_string(),
            sections,
            merged: concurrent.is_some(),
        });
    }
    if let Some(message) = settable_refusal(kind, &old, &fields) {
        return Err(AdoptError::Refused {
            file: rel.to_string(),
            message,
        });
    }
    let before = last.map(|(_, s)| s);
    let payload = format!(
        "adopted a hand edit of `{rel}`\nreason: {reason}\nfields: {}\nbefore: {}\nafter: {sha}\n",
        if fields.is_empty() {
            "(none: layout or comments)".to_string()
        } else {
            fields.join(", ")
        },
        match (&before, baseline) {
            (Some(b), _) => b.as_str(),
            (None, true) =>
                "(journaled without its hash by an earlier dpo: taken whole as a baseline)",
            (None, false) => "(never journaled)",
        },
    );
    store::keep_object(&ws.root, &payload)?;
    store::adopt(ws, &lock, rel, &text)?;
    let (entry, _) = journal.append(
        &lock,
        act.now,
        &act.actor,
        "record.adopt",
        rel,
        payload.as_bytes(),
    )?;
    Ok(Adopted {
        entry,
        fields,
        before_sha256: before,
        sha256: sha,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_fields_names_changed_added_and_removed_keys() {
        let old = "a: 1\nb: [1, 2]\nc: x\n";
        let new = "# comment\na: 1\nb: [1, 2, 3]\nd: y\n";
        assert_eq!(differing_fields(old, new), ["b", "c", "d"]);
        assert!(differing_fields(old, "a: 1\nb: [1,2]\nc: x # same\n").is_empty());
    }

    #[test]
    fn the_last_write_of_a_file_wins() {
        let e = |seq, sha: &str| JournalEntry {
            seq,
            at: String::new(),
            actor: String::new(),
            action: String::new(),
            subject: String::new(),
            payload_sha256: String::new(),
            text: None,
            writes: vec![super::super::journal::FileWrite {
                file: "breaches/2021-001.yaml".into(),
                sha256: sha.into(),
            }],
            merged: Vec::new(),
            prev_sha256: String::new(),
        };
        let last = journaled(&[e(1, "aa"), e(2, "bb")]);
        assert_eq!(last["breaches/2021-001.yaml"], (2, "bb".to_string()));
    }

    #[test]
    fn only_an_entry_that_may_have_written_the_record_is_taken_for_an_old_one() {
        let e = |seq, actor: &str, action: &str, subject: &str| JournalEntry {
            seq,
            at: String::new(),
            actor: actor.into(),
            action: action.into(),
            subject: subject.into(),
            payload_sha256: String::new(),
            text: None,
            writes: Vec::new(),
            merged: Vec::new(),
            prev_sha256: String::new(),
        };
        let file = "breaches/2021-001.yaml";
        // A kill -9 after the record was written, before its entry: the
        // recovery puts it back and journals that, without `writes`.
        let rollback = e(
            2,
            super::super::journal::RECOVERY_ACTOR,
            "journal.rollback",
            file,
        );
        let note = e(3, "Mme X", "journal.note", "2021-001");
        let intent = e(4, "Mme X", "breach.notify.intent", "2021-001");
        assert_eq!(named_by_old_entry(&[rollback, note, intent], file), None);
        let old = e(5, "Mme X", "breach.open", "2021-001");
        assert_eq!(named_by_old_entry(&[old], file), Some(5));
    }

    #[test]
    fn a_record_written_on_two_branches_is_concurrent_until_a_write_descends_from_both() {
        use crate::workspace::journal::{FileWrite, GENESIS};
        let mut hashed: Vec<(String, JournalEntry)> = Vec::new();
        // Appends an entry of `actor` after the entries at `parents`.
        let mut add = |actor: &str, parents: &[usize], writes: &[&str]| {
            let sha_of = |i: usize, h: &Vec<(String, JournalEntry)>| h[i].0.clone();
            let prev = parents
                .first()
                .map_or(GENESIS.to_string(), |&i| sha_of(i, &hashed));
            let e = JournalEntry {
                seq: 1 + parents.iter().map(|&i| hashed[i].1.seq).max().unwrap_or(0),
                at: "2026-03-26T09:00:00Z".into(),
                actor: actor.into(),
                action: "breach.set".into(),
                subject: "2026-001".into(),
                payload_sha256: String::new(),
                text: None,
                writes: writes
                    .iter()
                    .map(|f| FileWrite {
                        file: f.to_string(),
                        sha256: format!("{actor}{}", hashed.len()),
                    })
                    .collect(),
                merged: parents[1.min(parents.len())..]
                    .iter()
                    .map(|&i| sha_of(i, &hashed))
                    .collect(),
                prev_sha256: prev,
            };
            let line = serde_json::to_string(&e).unwrap();
            hashed.push((sha256_hex(line.as_bytes()), e));
            hashed.clone()
        };
        let f = "breaches/2026-001.yaml";
        add("Léa", &[], &[f]); // 0
        let h = add("Léa", &[0], &[f]); // 1: one chain, rewritten
        assert!(concurrent_writes(&h).is_empty());
        add("Alice", &[1], &[f]); // 2
        add("Alice", &[2], &[f]); // 3
        let h = add("Bob", &[1], &[]); // 4: a branch that leaves f alone
        assert!(concurrent_writes(&h).is_empty());
        let h = add("Bob", &[4], &[f, "breaches/2026-002.yaml"]); // 5
        let c = concurrent_writes(&h);
        assert_eq!(c.keys().collect::<Vec<_>>(), vec![f]);
        let sides: Vec<(&str, u64)> = c[f].iter().map(|w| (w.actor.as_str(), w.seq)).collect();
        assert_eq!(sides, vec![("Bob", 4), ("Alice", 4)]);
        assert_eq!(c[f][1].sha256, "Alice3");
        // Joined: still concurrent, until a write after the join.
        let h = add("Léa", &[5, 3], &[]); // 6
        assert_eq!(concurrent_writes(&h).len(), 1);
        let h = add("Léa", &[6], &[f]); // 7
        assert!(concurrent_writes(&h).is_empty());
    }

    #[test]
    fn evidence_of_two_branches_is_adopted_merged_never_changed() {
        let a = "calls:\n- {at: '1', by: Alice}\nclosed: null\n".to_string();
        let b = "calls:\n- {at: '2', by: Bob}\nclosed: '3'\n".to_string();
        let sides = [a, b];
        let both = "calls:\n- {at: '2', by: Bob}\n- {at: '1', by: Alice}\n";
        assert!(merges_sides("calls", both, &sides));
        // One side's call lost, or a call no side made.
        assert!(!merges_sides(
            "calls",
            "calls:\n- {at: '1', by: Alice}\n",
            &sides
        ));
        let more = format!("{both}- {{at: '4', by: Eve}}\n");
        assert!(!merges_sides("calls", &more, &sides));
        // A value that is no list: one side's, as it was.
        assert!(merges_sides("closed", "closed: '3'\n", &sides));
        assert!(!merges_sides("closed", "closed: '4'\n", &sides));
    }
}
