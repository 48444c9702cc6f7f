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
//! (its SHA-256 differs): someone edited it meanwhile. Creating a file never
//! overwrites one. Every function that writes takes the workspace lock, so
//! it cannot be called without holding it, and notes the write in the
//! lock's write-ahead list before making it: until the command journals the
//! change, a crash has the write undone by the next command
//! ([`super::recover`]). The text written is also kept under
//! `.dpo/objects/<sha256>` ([`OBJECTS_DIR`]), and the journal entry names the
//! file with that hash: `check` compares the files with it
//! ([`super::integrity`]).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::edit;
use super::{
    read_record, write_atomic, Diagnostic, SourceFile, Workspace, WorkspaceError, WorkspaceLock,
};
use crate::hashing::sha256_hex;
use crate::model::Id;

/// What can go wrong reading or writing a record file. Each workflow turns
/// it into its own error, with its own words where it has them.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A record does not exist.
    #[error("no {kind} `{id}` (looked for `{}`)", path.display())]
    NotFound {
        /// Kind of record, e.g. `request`.
        kind: &'static str,
        /// Its id, as asked for.
        id: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A record file cannot be read; each diagnostic says where.
    #[error("`{file}` is invalid:\n{}", diagnostics.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file, relative to the workspace.
        file: String,
        /// Every problem, with its position.
        diagnostics: Vec<Diagnostic>,
    },
    /// A new record would overwrite a file.
    #[error("failed to rewrite `{file}`: the file already exists")]
    Exists {
        /// The file, relative to the workspace.
        file: String,
        /// The file.
        path: PathBuf,
    },
    /// The file changed since it was read.
    #[error("`{}` changed while dpo was working on it; nothing was written\n  hint: run the command again", path.display())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The new text would not read back as the record meant (a bug; nothing
    /// was written).
    #[error("failed to rewrite `{file}`: {message}")]
    Rewrite {
        /// The file, relative to the workspace.
        file: String,
        /// Why.
        message: String,
    },
    /// Reading or writing the file failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

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

/// The next free record identifier `YYYY-NNN` in the folder `dir`, `YYYY`
/// being the year of `event` in the processor's timezone
/// ([`super::next_record_id`]).
pub fn next_id(
    ws: &Workspace,
    dir: &str,
    event: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Id, StoreError> {
    super::next_record_id(&ws.root, dir, event, ws.tz).map_err(|e| StoreError::Rewrite {
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
    let text = std::fs::read_to_string(&path).map_err(|source| WorkspaceError::Read {
        path: path.clone(),
        source,
    })?;
    let mut expected: T = serde_yaml::from_str(&text).map_err(|e| StoreError::Invalid {
        file: rel.to_string(),
        diagnostics: vec![Diagnostic::error(
            rel,
            (1, 1),
            "",
            format!("the file changed and no longer reads: {e}"),
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
    let sha = keep_object(&ws.root, text)?;
    lock.intend(rel, before.map(str::to_string), sha)?;
    write_atomic(&ws.root.join(rel), text.as_bytes())
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
    let current = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(source) => return Err(WorkspaceError::Read { path, source }.into()),
    };
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
