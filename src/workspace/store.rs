//! The one record store: every file the tool writes into a workspace — a
//! breach, a request, an instruction, a sub-processor notice, the
//! sub-processor list, a fate file — is read, created and changed here.
//!
//! Those files are also written by people, with comments. So the store
//! never re-serialises a file it changes: it edits the text (one top-level
//! section, one list entry, or an entry appended to a list, see
//! [`super::edit`]), then reads the new text back and checks that it is
//! exactly the record meant before it replaces the file atomically. A
//! change also refuses to go ahead when the file is no longer the one read
//! (its SHA-256 differs): someone edited it meanwhile; and when it is not
//! what the journal last vouched for ([`super::integrity::require_vouched`]):
//! the next entry would make a hand edit dpo's own. Creating a file never
//! overwrites one. Every function that writes takes the workspace lock, so
//! it cannot be called without holding it, and notes the write in the
//! lock's write-ahead list before making it: until the command journals the
//! change, a crash has the write undone by the next command
//! ([`super::recover`]). The text written is also kept under
//! `.dpo/objects/<sha256>` ([`OBJECTS_DIR`]), and the journal entry names the
//! file with that hash: `check` compares the files with it
//! ([`super::integrity`]). One field set from the command line (`dpo breach
//! set`, `request set`, `fate set`) goes through [`set_record`]: the value
//! put at its path, the record read again as its kind, the change journaled
//! with the digests of the old and new value.

use crate::workspace::{if_exists, read_bytes, read_text};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::edit;
use super::yaml_said;
use super::{
    read_record, write_atomic, Act, Diagnostic, Locator, SourceFile, Workspace, WorkspaceError,
    WorkspaceLock,
};
use crate::hashing::sha256_hex;
use crate::model::Id;
use crate::render::catalog::{Msg, Told};

/// What can go wrong reading or writing a record file. Each workflow turns
/// it into its own error, with its own words where it has them.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A record does not exist.
    #[error("{}", self.told())]
    NotFound {
        /// Kind of record, e.g. `request`.
        kind: &'static str,
        /// Its id, as asked for.
        id: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A record file cannot be read; each diagnostic says where.
    #[error("{}", self.told())]
    Invalid {
        /// The file, relative to the workspace.
        file: String,
        /// Every problem, with its position.
        diagnostics: Vec<Diagnostic>,
    },
    /// A new record would overwrite a file.
    #[error("{}", self.told())]
    Exists {
        /// The file, relative to the workspace.
        file: String,
        /// The file.
        path: PathBuf,
    },
    /// The file changed since it was read.
    #[error("{}", self.told())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The new text would not read back as the record meant (a bug; nothing
    /// was written).
    #[error("{}", self.told())]
    Rewrite {
        /// The file, relative to the workspace.
        file: String,
        /// Why.
        message: String,
    },
    /// A field cannot be set to the value given (`dpo … set`).
    #[error("{}", self.told())]
    Field {
        /// The file, relative to the workspace.
        file: String,
        /// The field, as given.
        field: String,
        /// Why, with a hint when there is one.
        message: Box<Told>,
    },
    /// Reading or writing the file failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl StoreError {
    /// What the error says, as catalog messages (its `Display` is their
    /// English text).
    pub fn told(&self) -> Told {
        match self {
            StoreError::NotFound { kind, id, path } => Told::new(
                Msg::new("errors-no-record")
                    .arg("kind", *kind)
                    .arg("id", id.as_str())
                    .arg("path", path.display().to_string()),
            ),
            StoreError::Invalid { file, diagnostics } => Told::new(
                Msg::new("errors-invalid-record")
                    .arg("file", file.as_str())
                    .arg(
                        "diagnostics",
                        Msg::lines(
                            diagnostics
                                .iter()
                                .map(|d| Msg::new("errors-indent").arg("line", d.msg())),
                        ),
                    ),
            ),
            StoreError::Exists { file, .. } => {
                Told::new(Msg::new("errors-record-exists").arg("file", file.as_str()))
            }
            StoreError::Changed { path } => {
                Told::new(Msg::new("err-changed-meanwhile").arg("path", path.display().to_string()))
                    .hint(Msg::new("err-changed-meanwhile-hint"))
            }
            StoreError::Rewrite { file, message } => Told::new(
                Msg::new("errors-rewrite")
                    .arg("file", file.as_str())
                    .arg("message", Msg::text(message.as_str())),
            ),
            StoreError::Field {
                file,
                field,
                message,
            } => Told {
                msg: Msg::new("err-set-field")
                    .arg("file", file.as_str())
                    .arg("field", field.as_str())
                    .arg("message", message.msg.clone()),
                hint: message.hint.clone(),
            },
            StoreError::Workspace(e) => e.told(),
        }
    }
}

crate::render::catalog::told_localize!(StoreError);

/// A record as read from (or just written to) its file.
#[derive(Debug)]
pub struct Stored<T> {
    /// The record.
    pub record: T,
    /// The file's text, its hash and positions.
    pub source: SourceFile,
}

impl<T> Stored<T> {
    /// A record and the text it was read from (or is to be written as).
    pub fn new(record: T, rel: &str, text: String) -> Self {
        let sha = sha256_hex(text.as_bytes());
        Self {
            record,
            source: SourceFile::new(rel.to_string(), text, sha),
        }
    }
}

/// The names of the regular files of the folder `dir` of the workspace,
/// sorted, dot-files left out; none when the folder does not exist.
pub fn file_names(root: &Path, dir: &str) -> std::io::Result<Vec<String>> {
    let rd = match std::fs::read_dir(root.join(dir)) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for e in rd {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && e.file_type().is_ok_and(|t| t.is_file()) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Reads every `*.yaml` record of the folder `dir`; files that cannot be
/// read become diagnostics.
pub fn load_all<T: DeserializeOwned>(
    ws: &Workspace,
    dir: &str,
) -> (Vec<Stored<T>>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let names = file_names(&ws.root, dir).unwrap_or_default();
    for name in names.iter().filter(|n| n.ends_with(".yaml")) {
        match read::<T>(&ws.root, &format!("{dir}/{name}")) {
            Ok(Some(s)) => out.push(s),
            Ok(None) => {}
            Err(mut d) => diags.append(&mut d),
        }
    }
    (out, diags)
}

/// Reads one record file; `Ok(None)` when it does not exist.
pub fn read<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
) -> Result<Option<Stored<T>>, Vec<Diagnostic>> {
    Ok(read_record::<T>(root, rel)?.map(|(record, source)| Stored { record, source }))
}

/// Where record `id` of the folder `dir` lives, relative to the workspace.
pub fn record_rel(dir: &str, id: &impl std::fmt::Display) -> String {
    format!("{dir}/{id}.yaml")
}

/// Reads the record `id` (a `kind`, for messages) of the folder `dir`.
pub fn load_one<T: DeserializeOwned>(
    ws: &Workspace,
    kind: &'static str,
    dir: &str,
    id: &str,
) -> Result<Stored<T>, StoreError> {
    let rel = record_rel(dir, &id);
    let not_found = || StoreError::NotFound {
        kind,
        id: id.to_string(),
        path: ws.root.join(&rel),
    };
    Id::new(id).map_err(|_| not_found())?;
    match read::<T>(&ws.root, &rel) {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(not_found()),
        Err(diagnostics) => Err(StoreError::Invalid {
            file: rel,
            diagnostics,
        }),
    }
}

/// The next free record identifier in the folder `dir` (`YYYY-NNN`, or
/// `YYYY-TAG-NNN` in a tagged git clone), `YYYY` being the year of `event`
/// in the processor's timezone ([`super::next_record_id`]). Refused in a
/// team's workspace by a clone without a tag ([`Workspace::record_tag`]).
pub fn next_id(
    ws: &Workspace,
    dir: &str,
    event: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Id, StoreError> {
    let tag = ws.record_tag(event)?;
    super::next_record_id(&ws.root, dir, event, ws.tz, tag).map_err(|e| StoreError::Rewrite {
        file: dir.to_string(),
        message: e.to_string(),
    })
}

/// Writes a new record file: `header` (YAML comment lines) then `value`.
pub fn create<T: Serialize + DeserializeOwned + PartialEq>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    header: &str,
    value: T,
) -> Result<Stored<T>, StoreError> {
    let body = serde_yaml::to_string(&value).map_err(|e| rewrite(rel, e.to_string()))?;
    create_text(ws, lock, rel, format!("{header}{body}"), value)
}

/// Writes a new record file with the given text, refusing to overwrite one
/// and checking that the text reads back as `value`.
pub fn create_text<T: DeserializeOwned + PartialEq>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    text: String,
    value: T,
) -> Result<Stored<T>, StoreError> {
    let path = ws.root.join(rel);
    if path.symlink_metadata().is_ok() {
        return Err(StoreError::Exists {
            file: rel.to_string(),
            path,
        });
    }
    verify(rel, &text, &value)?;
    put(ws, lock, rel, None, &text)?;
    Ok(Stored::new(value, rel, text))
}

/// Replaces the top-level `sections` of the file of `stored` whose value
/// differs in `new`, keeping every other line; refuses when the file changed
/// since it was read. Returns the record as now stored.
pub fn update<T: Serialize + DeserializeOwned + PartialEq>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    stored: &Stored<T>,
    new: T,
    sections: &[&str],
) -> Result<Stored<T>, StoreError> {
    let rel = stored.source.rel.as_str();
    unchanged(ws, &stored.source)?;
    let text = edit_sections(rel, &stored.source.text, &stored.record, &new, sections)?;
    verify(rel, &text, &new)?;
    put(ws, lock, rel, Some(&stored.source.text), &text)?;
    Ok(Stored::new(new, rel, text))
}

/// Replaces (or, without `id`, adds) one entry of the top-level list `list`
/// of the file of `stored`, keeping the comments of the file and of the
/// other entries. When the file's layout does not allow that (a flow-style
/// list, say), the whole list is rewritten. Refuses when the file changed
/// since it was read. Returns the record as now stored, and whether every
/// comment was kept.
pub fn update_entry<T: Serialize + DeserializeOwned + PartialEq, E: Serialize>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    stored: &Stored<T>,
    new: T,
    list: &str,
    id: Option<&str>,
    entry: &E,
) -> Result<(Stored<T>, bool), StoreError> {
    let rel = stored.source.rel.as_str();
    unchanged(ws, &stored.source)?;
    let spliced =
        edit::splice_entry(&stored.source.text, id, entry).filter(|t| verify(rel, t, &new).is_ok());
    let (text, kept) = match spliced {
        Some(t) => (t, true),
        None => {
            let t = edit_sections(rel, &stored.source.text, &stored.record, &new, &[list])?;
            verify(rel, &t, &new)?;
            (t, false)
        }
    };
    put(ws, lock, rel, Some(&stored.source.text), &text)?;
    Ok((Stored::new(new, rel, text), kept))
}

/// How [`append`] adds an entry to a list.
#[derive(Debug, Clone, Copy)]
pub struct Append<'a> {
    /// The top-level key of the list.
    pub key: &'a str,
    /// Comment lines written before the key when the file has no such list
    /// at its end yet.
    pub header: &'a str,
    /// Comment lines that open the file when its layout does not allow
    /// appending, and it is written out whole instead.
    pub rewritten: &'a str,
}

/// Appends `entry` to a list of the file `rel` as it is on disk now: the
/// text is added at the end, so the rest of the file is untouched; `push`
/// adds the entry to the record, for the read-back check. Returns the record
/// as now stored and the YAML of the entry alone.
pub fn append<T, E>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    how: Append<'_>,
    entry: &E,
    push: impl FnOnce(&mut T),
) -> Result<(Stored<T>, String), StoreError>
where
    T: Serialize + DeserializeOwned + PartialEq,
    E: Serialize,
{
    let path = ws.root.join(rel);
    let text = read_text(&path).map_err(WorkspaceError::from)?;
    let mut expected: T = serde_yaml::from_str(&text).map_err(|e| StoreError::Invalid {
        file: rel.to_string(),
        diagnostics: vec![Diagnostic::error_msg(
            rel,
            (1, 1),
            "",
            Msg::new("errors-no-longer-reads").arg("detail", yaml_said(&e)),
        )],
    })?;
    push(&mut expected);
    let (mut new, yaml) =
        edit::append_entry(&text, how.key, how.header, entry).map_err(|m| rewrite(rel, m))?;
    if verify(rel, &new, &expected).is_err() {
        let body = serde_yaml::to_string(&expected).map_err(|e| rewrite(rel, e.to_string()))?;
        new = format!("{}{body}", how.rewritten);
        verify(rel, &new, &expected)?;
    }
    put(ws, lock, rel, Some(&text), &new)?;
    Ok((Stored::new(expected, rel, new), yaml))
}

/// Replaces the file `rel` (which held `before`, or did not exist) with
/// `text`: noted first in the lock's write-ahead list, so that a command
/// killed before journaling the change has it undone by the next one
/// ([`super::recover`]).
fn put(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    before: Option<&str>,
    text: &str,
) -> Result<(), WorkspaceError> {
    if let Some(before) = before {
        vouched(ws, lock, rel, before)?;
    }
    let sha = keep_object(&ws.root, text)?;
    lock.intend(rel, before.map(str::to_string), sha)?;
    write_atomic(&ws.root.join(rel), text.as_bytes())
}

/// Refuses to write over the file `rel`, which holds `before`, unless the
/// journal vouches for that text ([`super::integrity::check_one`]) or this
/// command wrote it: the next journal entry would vouch for the whole file,
/// and so make a hand edit — evidence included — dpo's own.
fn vouched(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    before: &str,
) -> Result<(), WorkspaceError> {
    let sha = sha256_hex(before.as_bytes());
    if lock
        .pending_writes()
        .iter()
        .any(|w| w.file == rel && w.sha256 == sha)
    {
        return Ok(());
    }
    super::integrity::require_vouched(&ws.root, rel)
}

/// Folder of every text the store wrote to a record file, named by its
/// SHA-256 (`.dpo/objects/<sha256>`), shared with the workspace in git: the
/// next journal entry vouches for the hash, and the kept text lets `check`
/// name the fields a later hand edit changed ([`super::integrity`]).
pub const OBJECTS_DIR: &str = ".dpo/objects";

/// Keeps `text` under [`OBJECTS_DIR`] (once: the name is its hash) and
/// returns its SHA-256.
pub(crate) fn keep_object(root: &Path, text: &str) -> Result<String, WorkspaceError> {
    let sha = sha256_hex(text.as_bytes());
    let path = root.join(OBJECTS_DIR).join(&sha);
    if read_object(root, &sha).is_none() {
        write_atomic(&path, text.as_bytes())?;
    }
    Ok(sha)
}

/// The text the store wrote that hashes to `sha256`, when it is kept (and
/// still hashes to its name).
pub fn read_object(root: &Path, sha256: &str) -> Option<String> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let text = std::fs::read_to_string(root.join(OBJECTS_DIR).join(sha256)).ok()?;
    (sha256_hex(text.as_bytes()) == sha256).then_some(text)
}

/// Notes the file `rel`, changed by hand to `text`, as written by the
/// command holding `lock`: its next journal entry vouches for the new
/// content (`dpo record adopt`).
pub fn adopt(
    ws: &Workspace,
    lock: &WorkspaceLock,
    rel: &str,
    text: &str,
) -> Result<(), WorkspaceError> {
    let sha = keep_object(&ws.root, text)?;
    lock.intend(rel, Some(text.to_string()), sha)
}

/// A kind of record whose fields `dpo <kind> set` sets ([`set_field`]):
/// what it refuses outright, what follows a value, and its checks — the
/// same function `dpo check` runs on its files and its creating command on
/// a new record, so a set never writes what `check` would reject.
pub trait Settable: Serialize + DeserializeOwned + PartialEq {
    /// Refuses setting `field` (a path) of the record as it stands: a fact
    /// already sent that fixes a deadline, a closed record…
    fn may_set(&self, _field: &str) -> Result<(), crate::render::catalog::Msg> {
        Ok(())
    }

    /// The follow-up once `field` holds its new value, in the same write
    /// (a deferral or an assumption the value settles is dropped).
    fn after_set(&mut self, _field: &str) {}

    /// Every problem of the record, read from `src`, against the workspace
    /// as of `now`: its errors refuse the set.
    fn problems(&self, ws: &Workspace, src: &SourceFile, now: DateTime<Utc>) -> Vec<Diagnostic>;
}

/// The longest field path `dpo … set` takes, and its most steps: no record
/// is that deep, and a bound keeps a hostile path from exhausting the stack.
const MAX_PATH_LEN: usize = 256;
const MAX_PATH_STEPS: usize = 16;

/// How [`set_field`] sets one field of a record from the command line.
#[derive(Debug, Clone, Copy)]
pub struct SetField<'a> {
    /// The journal action, e.g. `breach.set`.
    pub action: &'a str,
    /// What the entry is about: the record's id (a fate file's controller).
    pub subject: &'a str,
    /// The field: keys joined by dots, list entries by index
    /// (`nature.description`, `items[2].decision.reference`).
    pub field: &'a str,
    /// The field as the user named it, for messages (`decision.reference`
    /// of item `x`); the same as `field` when it is the path.
    pub shown: &'a str,
    /// The item of a fate file the field belongs to (`x`), named in the
    /// journal's note.
    pub item: Option<&'a str>,
    /// The value as typed.
    pub value: &'a str,
    /// Read the value as YAML only (`--yaml`): `null`, a number, a list in
    /// flow syntax `[a, b]`, a mapping `{k: v}`.
    pub yaml: bool,
    /// Top-level sections that may not be set: dpo's evidence, the id.
    pub locked: &'a [&'a str],
}

/// A field set by [`set_field`].
#[derive(Debug, Clone, Serialize)]
pub struct FieldSet {
    /// The file, relative to the workspace.
    pub file: String,
    /// The field.
    pub field: String,
    /// SHA-256 of its old value as JSON (`None`: it had none).
    pub old_sha256: Option<String>,
    /// SHA-256 of its new value as JSON.
    pub new_sha256: String,
    /// Whether every comment of the file was kept (the value was replaced
    /// on its line); false when its top-level section was rewritten.
    pub comments_kept: bool,
    /// The journal entry.
    pub journal_seq: u64,
}

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `a.b[2].c` as steps; `None` when it is not such a path.
fn parse_field(field: &str) -> Option<Vec<Step>> {
    if field.len() > MAX_PATH_LEN {
        return None;
    }
    let mut steps = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        steps.push(Step::Key(key.to_string()));
        while !rest.is_empty() {
            let (n, after) = rest.split_once(']')?;
            steps.push(Step::Index(n.parse().ok()?));
            rest = match after {
                "" => "",
                a => a.strip_prefix('[')?,
            };
        }
        if steps.len() > MAX_PATH_STEPS {
            return None;
        }
    }
    Some(steps)
}

/// The node at `steps` of `v`, when there is one.
fn node<'v>(v: &'v serde_yaml::Value, steps: &[Step]) -> Option<&'v serde_yaml::Value> {
    steps.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// Puts `value` at `steps` of `v`, making the missing mappings on the way;
/// an index must name an existing entry.
fn put_node(
    v: &mut serde_yaml::Value,
    steps: &[Step],
    value: serde_yaml::Value,
) -> Result<(), Msg> {
    use serde_yaml::Value;
    let Some((first, rest)) = steps.split_first() else {
        *v = value;
        return Ok(());
    };
    let next = match first {
        Step::Key(k) => {
            if v.is_null() {
                *v = Value::Mapping(serde_yaml::Mapping::new());
            }
            let m = v
                .as_mapping_mut()
                .ok_or_else(|| Msg::new("errors-set-not-mapping").arg("key", k.as_str()))?;
            m.entry(Value::String(k.clone())).or_insert(Value::Null)
        }
        Step::Index(i) => {
            let n = v.as_sequence().map_or(0, Vec::len);
            v.get_mut(*i).ok_or_else(|| {
                Msg::new("errors-set-no-entry")
                    .arg("index", i.to_string())
                    .arg("n", n)
            })?
        }
    };
    put_node(next, rest, value)
}

/// SHA-256 of a value as compact JSON: what the journal says of an old and
/// a new value.
/// The note of a `… set` journal entry: which field of which file, the
/// SHA-256 of its old value (none when it had none) and of its new one.
/// The journal keeps it as English text ([`SetNote::stored`]); `journal
/// show` reads it back ([`SetNote::read`]) and says it in the run's
/// language ([`SetNote::msg`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetNote {
    /// The field, as typed.
    pub field: String,
    /// The item of a fate file the field belongs to.
    pub item: Option<String>,
    /// The record file, relative to the workspace.
    pub file: String,
    /// SHA-256 of the old value; `None` when the field had no value.
    pub old_sha256: Option<String>,
    /// SHA-256 of the new value.
    pub new_sha256: String,
}

/// The stored text of a [`SetNote`] with no old value.
const NO_OLD_VALUE: &str = "none (it had no value)";

/// Between the field and its item in a [`SetNote`]'s stored text.
const ITEM: &str = "` of item `";

impl SetNote {
    /// The text the journal keeps (English, one line).
    pub fn stored(&self) -> String {
        let item = self
            .item
            .as_ref()
            .map(|i| format!("{ITEM}{i}"))
            .unwrap_or_default();
        format!(
            "set `{}{item}` in `{}`: old value SHA-256 {}, new value SHA-256 {}\n",
            self.field,
            self.file,
            self.old_sha256.as_deref().unwrap_or(NO_OLD_VALUE),
            self.new_sha256
        )
    }

    /// The note a journal entry's `text` holds, if it is one
    /// [`SetNote::stored`] wrote (and says nothing else).
    pub fn read(text: &str) -> Option<SetNote> {
        let rest = text.trim_end_matches('\n').strip_prefix("set `")?;
        let (field, rest) = rest.split_once("` in `")?;
        let (file, rest) = rest.split_once("`: old value SHA-256 ")?;
        let (old, new) = rest.split_once(", new value SHA-256 ")?;
        let (field, item) = match field.split_once(ITEM) {
            Some((f, i)) => (f, Some(i.to_string())),
            None => (field, None),
        };
        let note = SetNote {
            field: field.to_string(),
            item,
            file: file.to_string(),
            old_sha256: (old != NO_OLD_VALUE).then(|| old.to_string()),
            new_sha256: new.to_string(),
        };
        (note.stored() == text).then_some(note)
    }

    /// The note as a catalog message.
    pub fn msg(&self) -> Msg {
        let (id, id_no_old) = match self.item {
            Some(_) => ("layout-hb-item-set-note", "layout-hb-item-set-note-no-old"),
            None => ("va-set-note", "va-set-note-no-old"),
        };
        let m = match &self.old_sha256 {
            Some(old) => Msg::new(id).arg("old", old.as_str()),
            None => Msg::new(id_no_old),
        };
        let m = match &self.item {
            Some(item) => m.arg("item", item.as_str()).arg(
                "what",
                Msg::new("layout-hb-item-field")
                    .arg("key", self.field.replace('.', "-"))
                    .arg("field", self.field.as_str()),
            ),
            None => m,
        };
        m.arg("field", self.field.as_str())
            .arg("file", self.file.as_str())
            .arg("new", self.new_sha256.as_str())
    }
}

fn value_sha256(v: &serde_yaml::Value) -> String {
    sha256_hex(serde_json::to_string(v).unwrap_or_default().as_bytes())
}

/// The value as it is written on one line: YAML when it fits on one, else
/// JSON (a valid YAML flow value).
fn one_line(v: &serde_yaml::Value) -> Option<String> {
    let yaml = serde_yaml::to_string(v).ok()?;
    let yaml = yaml.trim_end_matches('\n');
    if !yaml.contains('\n') && !v.is_mapping() && !v.is_sequence() {
        return Some(yaml.to_string());
    }
    serde_json::to_string(v).ok()
}

/// `steps` as a field path (`a.b[2].c`).
fn path_of(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// `text` with the node at `steps` replaced on its line by `value` (one
/// line of YAML), its comment kept (`keep_comment`) or not; `None` when the
/// node is not in the text. A node that spans several lines leaves the
/// others behind: the caller reads the result back.
fn splice_line(text: &str, steps: &[Step], value: &str, keep_comment: bool) -> Option<String> {
    let (line, col) = Locator::new(text).exact(&path_of(steps))?;
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let l = lines.get_mut(line.checked_sub(1)?)?;
    let mut start = l.char_indices().nth(col.checked_sub(1)?).map(|(i, _)| i)?;
    // A collection is located at its key: the value follows `key:`.
    if let Some(Step::Key(k)) = steps.last() {
        if let Some(after) = l[start..]
            .strip_prefix(k.as_str())
            .and_then(|r| r.strip_prefix(':'))
        {
            start = l.len() - after.trim_start().len();
        }
    }
    let rest = &l[start..];
    let comment = match rest.find(" #") {
        Some(i) if keep_comment => rest[rest[..i].trim_end().len()..].to_string(),
        None if keep_comment => return None,
        _ => String::new(),
    };
    let sep = if l[..start].ends_with(':') { " " } else { "" };
    *l = format!("{}{sep}{value}{comment}", &l[..start]);
    let mut out = lines.join("\n");
    out.push('\n');
    Some(out)
}

/// A field as typed, cut for a message (a hostile path may be huge).
fn shown_field(field: &str) -> String {
    match field.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &field[..i]),
        None => field.to_string(),
    }
}

/// The paths under `at` (`path`, a prefix of it) where `a` and `b` differ,
/// as deep as both have the same shape there.
fn changed_paths(
    a: &serde_yaml::Value,
    b: &serde_yaml::Value,
    path: &mut Vec<Step>,
    out: &mut Vec<Vec<Step>>,
    at: &[Step],
) {
    use serde_yaml::Value;
    let (x, y) = (node(a, path), node(b, path));
    if x == y {
        return;
    }
    let inside = path.len() >= at.len();
    match (x, y) {
        (Some(Value::Mapping(m)), Some(Value::Mapping(n))) if inside => {
            let keys: Vec<String> = m
                .keys()
                .chain(n.keys())
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            for k in keys.into_iter().filter(|k| seen.insert(k.clone())) {
                path.push(Step::Key(k));
                changed_paths(a, b, path, out, at);
                path.pop();
            }
        }
        (Some(Value::Sequence(s)), Some(Value::Sequence(t))) if inside && s.len() == t.len() => {
            for i in 0..s.len() {
                path.push(Step::Index(i));
                changed_paths(a, b, path, out, at);
                path.pop();
            }
        }
        _ if inside => out.push(path.clone()),
        _ => {}
    }
}

/// `text` with a line `key: value` added to the block mapping at the parent
/// of `steps` (the node at `steps` of `tree`, on one line), when the text
/// has the parent but not the key: after the last line of the mapping, at
/// the indentation of its keys. `None` when that cannot be done so (the
/// caller reads the result back).
fn insert_line(text: &str, tree: &serde_yaml::Value, steps: &[Step]) -> Option<String> {
    let loc = Locator::new(text);
    if loc.exact(&path_of(steps)).is_some() {
        return None;
    }
    // The shallowest missing step: its parent is in the text.
    let d = (0..steps.len()).find(|&d| loc.exact(&path_of(&steps[..=d])).is_none())?;
    let (parent, Step::Key(key)) = (&steps[..d], &steps[d]) else {
        return None;
    };
    let value = one_line(node(tree, &steps[..=d])?)?;
    // A sibling key of the block mapping gives the indentation: the key
    // starts its line, after spaces and a list dash (a scalar is located at
    // its value, a collection at its key).
    let siblings = node(tree, parent)?.as_mapping()?;
    let (line, indent) = siblings
        .keys()
        .filter_map(|k| k.as_str())
        .filter(|k| k != key)
        .find_map(|k| {
            let mut p = parent.to_vec();
            p.push(Step::Key(k.to_string()));
            let (l, _) = loc.exact(&path_of(&p))?;
            let t = text.lines().nth(l - 1)?;
            let body = t.trim_start_matches([' ', '-']);
            body.starts_with(&format!("{k}:"))
                .then_some((l, t.len() - body.len()))
        })?;
    let lines: Vec<&str> = text.lines().collect();
    let mut last = line - 1;
    for (j, l) in lines.iter().enumerate().skip(line) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.len() - t.len() < indent {
            break;
        }
        last = j;
    }
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out.insert(last + 1, format!("{}{key}: {value}", " ".repeat(indent)));
    let mut out = out.join("\n");
    out.push('\n');
    Some(out)
}

/// Sets one field of the record of `stored` from the command line: the
/// value is put at its path, the whole record re-read with its kind's typed
/// loader (a value that does not fit is refused, naming the field),
/// [`Settable::after_set`] adjusts the record (a kind's follow-up: a breach
/// drops a deferral the value makes stale), the result must pass the kind's
/// checks ([`Settable::problems`]), and the file is changed in place — the value on its
/// line when it has one, every comment kept; else its top-level section
/// rewritten — under the hash guard and the write-ahead note, then
/// journaled (`how.action`) with the field and the SHA-256 of its old and
/// new value.
///
/// The value is taken as text; when the field does not take text (a
/// number, a date-time, a list…), or with `how.yaml`, it is read as YAML:
/// a list or a mapping is given in flow syntax (`[a, b]`, `{k: v}`), and
/// `null` (with `--yaml`) empties a field.
pub fn set_field<T: Settable>(
    ws: &Workspace,
    lock: &WorkspaceLock,
    act: &Act,
    stored: &Stored<T>,
    how: &SetField<'_>,
) -> Result<(Stored<T>, FieldSet), StoreError> {
    use serde_yaml::Value;
    let rel = stored.source.rel.as_str();
    let shown = shown_field(how.shown);
    let refuse = |message: Msg| StoreError::Field {
        file: rel.to_string(),
        field: shown.clone(),
        message: Box::new(Told::new(message)),
    };
    let steps = parse_field(how.field).ok_or_else(|| {
        refuse(
            Msg::new("errors-set-not-a-path")
                .arg("steps", MAX_PATH_STEPS)
                .arg("len", MAX_PATH_LEN),
        )
    })?;
    if let Some(Step::Key(top)) = steps.first() {
        if how.locked.contains(&top.as_str()) {
            return Err(refuse(
                Msg::new("errors-set-evidence").arg("field", top.as_str()),
            ));
        }
    }
    if steps.iter().any(|s| matches!(s, Step::Key(k) if k == "id")) {
        return Err(refuse(Msg::new("errors-set-id")));
    }
    stored.record.may_set(how.field).map_err(refuse)?;
    unchanged(ws, &stored.source)?;
    let tree: Value =
        serde_yaml::from_str(&stored.source.text).map_err(|e| refuse(yaml_said(&e)))?;
    let old = node(&tree, &steps).filter(|v| !v.is_null()).cloned();
    let parsed = serde_yaml::from_str::<Value>(how.value);
    let mut candidates = Vec::new();
    if !how.yaml {
        candidates.push(Value::String(how.value.to_string()));
    }
    match parsed {
        Ok(v) => candidates.push(v),
        Err(e) if how.yaml => {
            return Err(refuse(
                Msg::new("errors-set-not-yaml").arg("detail", yaml_said(&e)),
            ))
        }
        Err(_) => {}
    }
    // Last, for an instant: a local time as the options take it
    // (`2021-10-30 09:00`, read in the processor's zone; a date alone is
    // still refused), written with its offset.
    if let Ok(at) = crate::time::parse_user_time(how.value, ws.tz) {
        candidates.push(Value::String(at.to_rfc3339()));
    }
    let mut why = Msg::text("");
    let mut found = None;
    for value in candidates {
        let mut t = tree.clone();
        put_node(&mut t, &steps, value.clone()).map_err(&refuse)?;
        match serde_yaml::from_value::<T>(t.clone()) {
            Ok(record) => {
                found = Some((record, value, t));
                break;
            }
            Err(e) => why = yaml_said(&e),
        }
    }
    let mut hint = None;
    // A field under a mapping that has no value yet (a decision's
    // reference): the mapping's other required fields are missing.
    let absent = (1..steps.len()).find(|&d| node(&tree, &steps[..d]).is_none_or(Value::is_null));
    if let (None, Some(d)) = (&found, absent) {
        let parent = path_of(&steps[..d]);
        // As the user named it (`decision`, not `items[2].decision`).
        let cut = how.field.len().saturating_sub(how.shown.len());
        let parent = parent
            .get(cut..)
            .filter(|p| !p.is_empty())
            .unwrap_or(&parent);
        hint = Some(Msg::new("errors-set-give-whole").arg("parent", parent));
    }
    let (set, value, tree) = found.ok_or_else(|| StoreError::Field {
        file: rel.to_string(),
        field: shown.clone(),
        message: Box::new(Told {
            msg: Msg::new("errors-set-would-not-read").arg("detail", why),
            hint,
        }),
    })?;
    let mut new = serde_yaml::from_value::<T>(
        serde_yaml::to_value(&set).map_err(|e| refuse(Msg::text(e.to_string())))?,
    )
    .map_err(|e| refuse(yaml_said(&e)))?;
    new.after_set(how.field);
    let keys: Vec<String> = match serde_yaml::to_value(&new) {
        Ok(Value::Mapping(m)) => m
            .keys()
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let others: Vec<&str> = keys
        .iter()
        .map(String::as_str)
        .filter(|k| steps.first() != Some(&Step::Key((*k).to_string())))
        .collect();
    // The value on its line (its comment kept, else dropped), or a new
    // line in its mapping when it had none, or else the nearest enclosing
    // value that fits on its line (a flow mapping); then what `after_set`
    // changed in the same section, each on its line, and the other sections
    // it changed; else the field's top-level section.
    let follow_ups = {
        let (a, b) = (
            serde_yaml::to_value(&set).unwrap_or_default(),
            serde_yaml::to_value(&new).unwrap_or_default(),
        );
        let mut paths = Vec::new();
        changed_paths(&a, &b, &mut steps[..1].to_vec(), &mut paths, &steps[..1]);
        paths
            .into_iter()
            .map(|p| {
                let v = node(&b, &p).cloned().unwrap_or_else(|| match node(&a, &p) {
                    Some(Value::Sequence(_)) => Value::Sequence(Vec::new()),
                    _ => Value::Null,
                });
                (p, one_line(&v))
            })
            .collect::<Vec<_>>()
    };
    let inserted = insert_line(&stored.source.text, &tree, &steps);
    let inline = inserted
        .into_iter()
        .chain((1..=steps.len()).rev().flat_map(|depth| {
            let at = &steps[..depth];
            let line = node(&tree, at).and_then(one_line);
            line.into_iter().flat_map(move |line| {
                [true, false]
                    .into_iter()
                    .filter_map(move |keep| splice_line(&stored.source.text, at, &line, keep))
            })
        }))
        .filter_map(|t| {
            follow_ups.iter().try_fold(t, |t, (at, line)| {
                let line = line.as_deref()?;
                splice_line(&t, at, line, true).or_else(|| splice_line(&t, at, line, false))
            })
        });
    let mut text = None;
    for t in inline {
        let t = edit_sections(rel, &t, &set, &new, &others)?;
        if verify(rel, &t, &new).is_ok() {
            text = Some((t, true));
            break;
        }
    }
    let (text, comments_kept) = match text {
        Some(t) => t,
        None => {
            let t = edit_sections(
                rel,
                &stored.source.text,
                &stored.record,
                &new,
                &keys.iter().map(String::as_str).collect::<Vec<_>>(),
            )?;
            verify(rel, &t, &new)?;
            (t, false)
        }
    };
    let written = SourceFile::new(rel.to_string(), text.clone(), sha256_hex(text.as_bytes()));
    let errors: Vec<Msg> = new
        .problems(ws, &written, act.now)
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| Msg::new("errors-indent").arg("line", d.msg()))
        .collect();
    if !errors.is_empty() {
        return Err(refuse(
            Msg::new("errors-set-check-rejects").arg("errors", Msg::lines(errors)),
        ));
    }
    put(ws, lock, rel, Some(&stored.source.text), &text)?;
    let new_value = node(
        &serde_yaml::from_str::<Value>(&text).unwrap_or_default(),
        &steps,
    )
    .cloned()
    .unwrap_or(value);
    let old_sha256 = old.as_ref().map(value_sha256);
    let new_sha256 = value_sha256(&new_value);
    let words = SetNote {
        field: how.shown.to_string(),
        item: how.item.map(str::to_string),
        file: rel.to_string(),
        old_sha256: old_sha256.clone(),
        new_sha256: new_sha256.clone(),
    }
    .stored();
    let entry = ws
        .journal()
        .append_text(lock, act, (how.action, how.subject), &words)?;
    Ok((
        Stored::new(new, rel, text),
        FieldSet {
            file: rel.to_string(),
            field: how.shown.to_string(),
            old_sha256,
            new_sha256,
            comments_kept,
            journal_seq: entry.seq,
        },
    ))
}

/// A field and the value to give it, as typed on the command line.
#[derive(Debug, Clone, Copy)]
pub struct FieldValue<'a> {
    /// The path in the file (see [`SetField::field`]).
    pub field: &'a str,
    /// The field as the user named it.
    pub shown: &'a str,
    /// The item of a fate file the field belongs to.
    pub item: Option<&'a str>,
    /// The value as typed.
    pub value: &'a str,
    /// `--yaml`: read the value as YAML only.
    pub yaml: bool,
}

/// `dpo <kind> set`: sets one field of the record `id` of the folder of
/// `kind` under the lock ([`set_field`]), journaled as `<kind>.set` about
/// `id`; the kind's evidence sections and any `id` may not be set, and the
/// kind ([`Settable`]) refuses what its checks reject.
pub fn set_record<T: Settable>(
    ws: &Workspace,
    act: &Act,
    kind: &super::kinds::FileKind,
    id: &str,
    v: FieldValue<'_>,
) -> Result<FieldSet, StoreError> {
    let lock = ws.lock()?;
    let stored = load_one::<T>(ws, kind.name, kind.path, id)?;
    // The entry will vouch for the whole file: never for a hand edit that
    // no entry vouches for (it is adopted, or undone, first). Every write
    // checks it ([`put`]); here first, to name the field.
    let rel = &stored.source.rel;
    if let Err(WorkspaceError::Unvouched { message, .. }) =
        super::integrity::require_vouched(&ws.root, rel)
    {
        return Err(StoreError::Field {
            file: rel.clone(),
            field: shown_field(v.shown),
            message: Box::new(Told {
                msg: Msg::new("errors-set-unvouched").arg("message", message.msg),
                hint: message.hint,
            }),
        });
    }
    let action = format!("{}.set", kind.name);
    let mut locked = vec!["id"];
    locked.extend_from_slice(kind.evidence);
    let how = SetField {
        action: &action,
        subject: id,
        field: v.field,
        shown: v.shown,
        item: v.item,
        value: v.value,
        yaml: v.yaml,
        locked: &locked,
    };
    set_field(ws, &lock, act, &stored, &how).map(|(_, set)| set)
}

fn rewrite(rel: &str, message: String) -> StoreError {
    StoreError::Rewrite {
        file: rel.to_string(),
        message,
    }
}

/// Refuses when the file is no longer the one read (a file that did not
/// exist reads as empty).
fn unchanged(ws: &Workspace, source: &SourceFile) -> Result<(), StoreError> {
    let path = ws.root.join(&source.rel);
    let current = if_exists(read_bytes(&path))
        .map_err(WorkspaceError::from)?
        .unwrap_or_default();
    if sha256_hex(&current) != source.sha256 {
        return Err(StoreError::Changed { path });
    }
    Ok(())
}

/// `text` with each of the top-level `sections` replaced by its value in
/// `new`, where it differs from its value in `old`.
fn edit_sections<T: Serialize>(
    rel: &str,
    text: &str,
    old: &T,
    new: &T,
    sections: &[&str],
) -> Result<String, StoreError> {
    let value = |v: &T| serde_yaml::to_value(v).map_err(|e| rewrite(rel, e.to_string()));
    let (old, new) = (value(old)?, value(new)?);
    let mut text = text.to_string();
    for key in sections {
        let new_value = new.get(key).unwrap_or(&serde_yaml::Value::Null);
        if old.get(key) != new.get(key) {
            text = edit::replace_section(&text, key, new_value).map_err(|m| rewrite(rel, m))?;
        }
    }
    Ok(text)
}

/// Checks that `text` reads back as exactly `expected`.
fn verify<T: DeserializeOwned + PartialEq>(
    rel: &str,
    text: &str,
    expected: &T,
) -> Result<(), StoreError> {
    match serde_yaml::from_str::<T>(text) {
        Ok(v) if &v == expected => Ok(()),
        Ok(_) => Err(rewrite(
            rel,
            "the file would not read back as the intended record".into(),
        )),
        Err(e) => Err(rewrite(rel, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_set_note_is_read_back_from_the_text_it_stores() {
        let mut note = SetNote {
            field: "nature.description".into(),
            item: None,
            file: "breaches/2021-001.yaml".into(),
            old_sha256: None,
            new_sha256: "ab12".into(),
        };
        assert_eq!(SetNote::read(&note.stored()), Some(note.clone()));
        note.old_sha256 = Some("cd34".into());
        let text = note.stored();
        assert_eq!(
            text,
            "set `nature.description` in `breaches/2021-001.yaml`: old value SHA-256 cd34, new value SHA-256 ab12\n"
        );
        assert_eq!(SetNote::read(&text), Some(note));
        // Anything else is not a set note.
        assert_eq!(SetNote::read("set `a` in `b`: something else"), None);
        assert_eq!(SetNote::read(&format!("{text}and more")), None);
        // A fate item's field: the item is named, and read back.
        let note = SetNote {
            field: "choice".into(),
            item: Some("sauvegardes".into()),
            file: "fate/juvisy-sur-orge.yaml".into(),
            old_sha256: None,
            new_sha256: "ab12".into(),
        };
        assert!(note
            .stored()
            .starts_with("set `choice` of item `sauvegardes` in `fate/"));
        assert_eq!(SetNote::read(&note.stored()), Some(note));
    }

    use super::*;

    #[test]
    fn field_paths_are_keys_and_indexes() {
        assert_eq!(
            parse_field("items[2].decision.reference"),
            Some(vec![
                Step::Key("items".into()),
                Step::Index(2),
                Step::Key("decision".into()),
                Step::Key("reference".into())
            ])
        );
        assert_eq!(parse_field("a[0][1]").map(|s| s.len()), Some(3));
        for bad in ["", "a..b", "a[x]", "a[1", "a b", ".a"] {
            assert_eq!(parse_field(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_scalar_is_replaced_on_its_line_keeping_its_comment() {
        let text = "# top\nnature:\n  # why\n  description: old  # note\n  count: 3\n";
        let at = |f: &str| parse_field(f).unwrap();
        let out = splice_line(text, &at("nature.description"), "'new: value'", true).unwrap();
        assert_eq!(
            out,
            "# top\nnature:\n  # why\n  description: 'new: value'  # note\n  count: 3\n"
        );
        let out = splice_line(text, &at("nature.count"), "4", false).unwrap();
        assert!(out.contains("  count: 4\n"), "{out}");
        assert_eq!(splice_line(text, &at("nature.count"), "4", true), None);
        assert_eq!(splice_line(text, &at("nature.missing"), "4", false), None);
        // A flow mapping is replaced after its key.
        let text = "items:\n  - id: a\n    decision: {reference: x, date: 2021-07-15} # why\n";
        let out = splice_line(text, &at("items[0].decision"), r#"{"reference":"y"}"#, true);
        assert_eq!(
            out.unwrap(),
            "items:\n  - id: a\n    decision: {\"reference\":\"y\"} # why\n"
        );
        assert_eq!(
            path_of(&at("items[0].decision.date")),
            "items[0].decision.date"
        );
    }

    #[test]
    fn a_path_too_deep_or_too_long_is_not_a_field_path() {
        assert!(parse_field(&vec!["a"; MAX_PATH_STEPS].join(".")).is_some());
        assert_eq!(parse_field(&vec!["a"; MAX_PATH_STEPS + 1].join(".")), None);
        assert_eq!(parse_field(&format!("a{}", "[0]".repeat(5000))), None);
        assert_eq!(parse_field(&"a".repeat(MAX_PATH_LEN + 1)), None);
    }

    #[test]
    fn a_missing_key_is_added_as_a_line_of_its_block_mapping() {
        let v = |s: &str| serde_yaml::from_str::<serde_yaml::Value>(s).unwrap();
        let at = |f: &str| parse_field(f).unwrap();
        let text = "items:\n  - id: a # first\n    copies:\n      - id: c\n        kind: x\n    # a comment\n  - id: b\n";
        let mut tree = v(text);
        put_node(&mut tree, &at("items[0].choice"), v("destroy")).unwrap();
        put_node(&mut tree, &at("items[0].copies[0].media_id"), v("LTO-1")).unwrap();
        let out = insert_line(text, &tree, &at("items[0].choice")).unwrap();
        assert_eq!(
            out,
            "items:\n  - id: a # first\n    copies:\n      - id: c\n        kind: x\n    choice: destroy\n    # a comment\n  - id: b\n"
        );
        let out = insert_line(text, &tree, &at("items[0].copies[0].media_id")).unwrap();
        assert!(
            out.contains("        kind: x\n        media_id: LTO-1\n"),
            "{out}"
        );
        // A key the text has is not added again.
        assert_eq!(insert_line(text, &tree, &at("items[0].id")), None);
    }

    #[test]
    fn the_paths_that_changed_are_as_deep_as_both_values_go() {
        let v = |s: &str| serde_yaml::from_str::<serde_yaml::Value>(s).unwrap();
        let (a, b) = (
            v("items: [{id: a, to_confirm: [x, y]}, {id: b}]\nother: 1"),
            v("items: [{id: a, to_confirm: [y]}, {id: b}]\nother: 2"),
        );
        let top = parse_field("items").unwrap();
        let mut out = Vec::new();
        changed_paths(&a, &b, &mut top.clone(), &mut out, &top);
        assert_eq!(out, vec![parse_field("items[0].to_confirm").unwrap()]);
    }

    #[test]
    fn a_value_goes_on_one_line() {
        let v = |s: &str| serde_yaml::from_str::<serde_yaml::Value>(s).unwrap();
        assert_eq!(one_line(&v("[a, b]")).unwrap(), r#"["a","b"]"#);
        assert_eq!(
            one_line(&serde_yaml::Value::String("a: b".into())).unwrap(),
            "'a: b'"
        );
        assert_eq!(
            one_line(&serde_yaml::Value::String("x\ny".into())).unwrap(),
            r#""x\ny""#
        );
        let mut t = v("a: {b: 1}");
        put_node(&mut t, &parse_field("a.c.d").unwrap(), v("2")).unwrap();
        assert_eq!(t, v("a: {b: 1, c: {d: 2}}"));
        assert!(put_node(&mut t, &parse_field("a.b.x").unwrap(), v("2")).is_err());
    }
}
