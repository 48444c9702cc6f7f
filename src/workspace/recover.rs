//! Recovery after a command was killed mid-way (`kill -9`, a power cut):
//! finish or undo what it left, under the exclusive lock, before anything
//! else is written.
//!
//! A command that changes a record writes the record file, then journals
//! the change; an entry is appended to `journal.jsonl`, then its hash is
//! recorded in `journal.head`. Each step is atomic on its own (a renamed
//! temporary file, one `write` of a whole line), so a command killed
//! anywhere leaves one of these states, which [`run`] sets right:
//!
//! - **`.dpo-tmp-*` files**: temporaries of atomic writes never renamed.
//!   Removed.
//! - **`journal.head` one entry behind a well-formed, correctly chained last
//!   entry** (it lists the last entry's parents, and the last entry is the
//!   only head): the entry was appended, the head not yet recorded. The head
//!   is completed and the recovery journaled (`journal.recover`).
//! - **record files written without their entry**: write-ahead. Before the
//!   store replaces a record file it notes, in `.dpo.pending` (flushed to
//!   disk first), the file, what it held before and the SHA-256 of what it
//!   is about to hold, with the journal head at that moment
//!   ([`super::WorkspaceLock::intend`]). The next journal entry covers those
//!   writes and removes the note. A note left behind that no entry but a
//!   join of branches (`journal.merge`) or a completed head follows means
//!   the command stopped before journaling its change: each file it wrote is put back as it was (a created file is
//!   removed) and each rollback journaled (`journal.rollback`). A file that
//!   holds neither its old nor its new content was changed by someone else:
//!   recovery refuses, and nothing is written until a person looks.
//!
//! Rolling back rather than completing is deliberate: the command never
//! said it succeeded, and the journal entry it would have written (its
//! action, its payload) is not known to the store. Sending and deleting
//! backups through their tool are the steps that cannot be undone; they are
//! journaled before and after ([`crate::mail::outbox`],
//! [`crate::fate::backup::intent`]): the intent's entry covers the evidence
//! kept before it, so no rollback ever removes what an intent refers to.

use crate::render::catalog::Msg;
use crate::workspace::{if_exists, read_bytes, ReadError};
use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use super::journal::RECOVERY_ACTOR;
use super::{atomic, Journal, JournalHead, WorkspaceError, WorkspaceLock};
use crate::hashing::sha256_hex;

/// The write-ahead note of record writes not yet journaled.
pub const PENDING_FILE: &str = ".dpo.pending";

/// Prefix of the temporary files of atomic writes.
pub const TEMP_PREFIX: &str = ".dpo-tmp-";

/// The record writes made since the last journal entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    /// Sequence of the last journal entry when the first write was noted.
    pub seq: u64,
    /// Its hash.
    pub head: String,
    /// The writes, in order.
    pub writes: Vec<PendingWrite>,
}

/// One record write not yet journaled.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingWrite {
    /// The file, relative to the workspace.
    pub rel: String,
    /// What it held before (`None`: it did not exist).
    pub before: Option<String>,
    /// SHA-256 of what it was about to hold.
    pub after_sha256: String,
}

impl Pending {
    /// An empty note taken at journal head `head`.
    pub fn new(head: JournalHead) -> Self {
        Self {
            seq: head.seq,
            head: head.sha256,
            writes: Vec::new(),
        }
    }

    /// Writes the note, flushed to disk, before the record it announces.
    pub fn save(&self, root: &Path) -> Result<(), WorkspaceError> {
        let json = serde_json::to_vec(self).map_err(|e| WorkspaceError::Write {
            path: root.join(PENDING_FILE),
            source: std::io::Error::other(e),
        })?;
        atomic::write_atomic(&root.join(PENDING_FILE), &json)
    }
}

/// Removes the note (the journal now covers its writes).
pub fn clear_pending(root: &Path) -> Result<(), WorkspaceError> {
    let path = root.join(PENDING_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            atomic::sync_dir(root);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(WorkspaceError::Write { path, source }),
    }
}

fn read_pending(root: &Path) -> Result<Option<Pending>, WorkspaceError> {
    let path = root.join(PENDING_FILE);
    let Some(bytes) = if_exists(read_bytes(&path))? else {
        return Ok(None);
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| WorkspaceError::Recovery {
            path,
            message: Msg::new("errors-recovery-unreadable").arg("detail", e.to_string()),
        })
}

/// True when a command stopped mid-way left something [`run`] would set
/// right in the journal or the records (stray temporaries alone do not
/// count: readers ignore them).
pub fn needed(root: &Path) -> Result<bool, WorkspaceError> {
    Ok(root.join(PENDING_FILE).exists() || Journal::new(root).one_behind()?.is_some())
}

/// Sets right what a command killed mid-way left behind (see the module
/// documentation); returns a sentence for each thing done. Needs the
/// exclusive lock. A journal broken in any other way is left as it is: the
/// caller's verification refuses it.
pub fn run(lock: &WorkspaceLock) -> Result<Vec<String>, WorkspaceError> {
    lock.require_exclusive()?;
    let root = lock.root();
    let mut done = Vec::new();
    let temps = super::atomic::remove_stale_temps(root, lock)?.len();
    if temps > 0 {
        done.push(format!(
            "removed {temps} temporary file(s) `{TEMP_PREFIX}*` left by an interrupted write"
        ));
    }
    let journal = Journal::new(root);
    if let Some(head) = journal.one_behind()? {
        journal.complete_head(lock, &head)?;
        done.push(format!(
            "completed `journal.head` to entry {}: the command that appended it stopped before recording it",
            head.seq
        ));
    }
    let Some(pending) = read_pending(root)? else {
        return Ok(done);
    };
    let report = journal.verify()?;
    if report.problem.is_some() {
        return Ok(done);
    }
    // The entries after the one the note was taken at (all of them when it
    // was taken on an empty journal).
    let hashed = journal.entries_hashed()?;
    let after = if pending.seq == 0 && pending.head == super::journal::GENESIS {
        Some(&hashed[..])
    } else {
        hashed
            .iter()
            .position(|(sha, _)| *sha == pending.head)
            .map(|i| &hashed[i + 1..])
    };
    // Joining branches merged in git, and completing the head, come before
    // the command's own entry and cover no write.
    let covers =
        |e: &super::JournalEntry| !matches!(e.action.as_str(), "journal.merge" | "journal.recover");
    let covered = match after {
        Some(after) => after.iter().any(|(_, e)| covers(e)),
        None => report.head.seq > pending.seq,
    };
    if covered {
        // A journal entry followed the writes: it covers them.
        clear_pending(root)?;
        return Ok(done);
    }
    if after.is_none() {
        return Err(WorkspaceError::Recovery {
            path: root.join(PENDING_FILE),
            message: Msg::new("errors-recovery-other-head")
                .arg("seq", pending.seq)
                .arg("head", pending.head.as_str())
                .arg("journal_seq", report.head.seq)
                .arg("journal_head", report.head.sha256.as_str()),
        });
    }
    let mut undone = Vec::new();
    for w in pending.writes.iter().rev() {
        if undo(root, w)? {
            undone.push(w);
        }
    }
    let at = journal.last_instant()?;
    for w in undone.iter().rev() {
        let what = match &w.before {
            Some(b) => format!(
                "restored its previous content (SHA-256 {})",
                sha256_hex(b.as_bytes())
            ),
            None => "removed it (it did not exist before)".to_string(),
        };
        let text = format!(
            "`{}` was written (SHA-256 {}) by a command that stopped before journaling it; {what}\n",
            w.rel, w.after_sha256
        );
        journal.append(
            lock,
            at,
            RECOVERY_ACTOR,
            "journal.rollback",
            &w.rel,
            text.as_bytes(),
        )?;
        done.push(format!(
            "rolled back `{}`: written by a command that stopped before journaling it",
            w.rel
        ));
    }
    clear_pending(root)?;
    Ok(done)
}

/// Puts back the file of `w` as it was; false when it already is.
fn undo(root: &Path, w: &PendingWrite) -> Result<bool, WorkspaceError> {
    let refuse = |message: Msg| WorkspaceError::Recovery {
        path: root.join(PENDING_FILE),
        message,
    };
    let safe = Path::new(&w.rel)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !safe || w.rel.is_empty() {
        return Err(refuse(
            Msg::new("errors-recovery-outside").arg("file", w.rel.as_str()),
        ));
    }
    let path = root.join(&w.rel);
    let current = match std::fs::symlink_metadata(&path) {
        Ok(m) if !m.file_type().is_file() => {
            return Err(refuse(
                Msg::new("errors-recovery-not-plain").arg("file", w.rel.as_str()),
            ))
        }
        Ok(_) => Some(crate::workspace::read_bytes(&path)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(ReadError { path, source }.into()),
    };
    let before_sha = w.before.as_ref().map(|b| sha256_hex(b.as_bytes()));
    match current {
        Some(c) if sha256_hex(&c) == w.after_sha256 => {
            match &w.before {
                Some(b) => atomic::write_atomic(&path, b.as_bytes())?,
                None => {
                    std::fs::remove_file(&path).map_err(|source| WorkspaceError::Write {
                        path: path.clone(),
                        source,
                    })?;
                    if let Some(dir) = path.parent() {
                        atomic::sync_dir(dir);
                    }
                }
            }
            Ok(true)
        }
        None if w.before.is_none() => Ok(false),
        Some(c) if Some(sha256_hex(&c)) == before_sha => Ok(false),
        _ => Err(refuse(
            Msg::new("errors-recovery-changed-since").arg("file", w.rel.as_str()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use std::time::Duration;

    fn at() -> chrono::DateTime<chrono::Utc> {
        DateTime::parse_from_rfc3339("2021-03-26T09:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn workspace_with(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let lock = super::super::lock_root(dir.path(), Duration::from_secs(1)).unwrap();
        for i in 0..n {
            Journal::new(dir.path())
                .append(&lock, at(), "dpo", "test.note", &format!("n{i}"), b"x")
                .unwrap();
        }
        dir
    }

    #[test]
    fn a_head_one_behind_is_completed_and_the_recovery_journaled() {
        let dir = workspace_with(3);
        let j = Journal::new(dir.path());
        let head2 = {
            let lines = std::fs::read_to_string(j.path()).unwrap();
            let l2 = lines.lines().nth(1).unwrap().to_string();
            format!("2 {}\n", sha256_hex(l2.as_bytes()))
        };
        std::fs::write(dir.path().join("journal.head"), head2).unwrap();
        assert!(j.verify().unwrap().problem.is_some());
        assert!(needed(dir.path()).unwrap());
        let lock = super::super::lock_root(dir.path(), Duration::from_secs(1)).unwrap();
        drop(lock);
        let r = j.verify().unwrap();
        assert_eq!(r.problem, None);
        assert_eq!(r.entries, 4);
        let last = j.entries().unwrap().pop().unwrap();
        assert_eq!(last.action, "journal.recover");
    }

    #[test]
    fn a_head_two_behind_is_not_completed() {
        let dir = workspace_with(3);
        let j = Journal::new(dir.path());
        let l1 = std::fs::read_to_string(j.path()).unwrap();
        let l1 = l1.lines().next().unwrap().to_string();
        std::fs::write(
            dir.path().join("journal.head"),
            format!("1 {}\n", sha256_hex(l1.as_bytes())),
        )
        .unwrap();
        assert!(!needed(dir.path()).unwrap());
        let e = super::super::lock_root(dir.path(), Duration::from_secs(1)).unwrap_err();
        assert!(e.to_string().contains("journal"), "{e}");
    }

    #[test]
    fn a_record_written_without_its_entry_is_rolled_back() {
        let dir = workspace_with(1);
        let root = dir.path();
        std::fs::write(root.join("kept.yaml"), "a: 1\n").unwrap();
        {
            let lock = super::super::lock_root(root, Duration::from_secs(1)).unwrap();
            for (rel, new) in [("kept.yaml", "a: 2\n"), ("new.yaml", "b: 1\n")] {
                let before = std::fs::read_to_string(root.join(rel)).ok();
                lock.intend(rel, before, sha256_hex(new.as_bytes()))
                    .unwrap();
                atomic::write_atomic(&root.join(rel), new.as_bytes()).unwrap();
            }
            // Stopped here: the lock goes, the note stays, no journal entry.
        }
        assert!(root.join(PENDING_FILE).exists());
        drop(super::super::lock_root(root, Duration::from_secs(1)).unwrap());
        assert_eq!(
            std::fs::read_to_string(root.join("kept.yaml")).unwrap(),
            "a: 1\n"
        );
        assert!(!root.join("new.yaml").exists());
        assert!(!root.join(PENDING_FILE).exists());
        let actions: Vec<String> = Journal::new(root)
            .entries()
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions.iter().filter(|a| *a == "journal.rollback").count(),
            2
        );
    }

    /// Takes the lock and writes `new.yaml` as the store does (noted
    /// first), with no journal entry yet; returns the lock.
    fn write_new_yaml(root: &std::path::Path) -> WorkspaceLock {
        let lock = super::super::lock_root(root, Duration::from_secs(1)).unwrap();
        lock.intend("new.yaml", None, sha256_hex(b"b: 1\n"))
            .unwrap();
        atomic::write_atomic(&root.join("new.yaml"), b"b: 1\n").unwrap();
        lock
    }

    #[test]
    fn writes_followed_by_their_entry_are_kept() {
        let dir = workspace_with(1);
        let root = dir.path();
        {
            let lock = write_new_yaml(root);
            Journal::new(root)
                .append(&lock, at(), "dpo", "test.create", "new.yaml", b"b: 1\n")
                .unwrap();
        }
        assert!(!root.join(PENDING_FILE).exists());
        drop(super::super::lock_root(root, Duration::from_secs(1)).unwrap());
        assert!(root.join("new.yaml").exists());
    }

    #[test]
    fn a_record_changed_since_the_interrupted_write_is_refused() {
        let dir = workspace_with(1);
        let root = dir.path();
        drop(write_new_yaml(root));
        std::fs::write(root.join("new.yaml"), "b: 2\n").unwrap();
        let e = super::super::lock_root(root, Duration::from_secs(1)).unwrap_err();
        assert!(e.to_string().contains("changed since"), "{e}");
        assert_eq!(
            std::fs::read_to_string(root.join("new.yaml")).unwrap(),
            "b: 2\n"
        );
    }

    #[test]
    fn temporaries_are_removed() {
        let dir = workspace_with(1);
        std::fs::create_dir_all(dir.path().join("breaches")).unwrap();
        std::fs::write(dir.path().join("breaches/.dpo-tmp-abc"), "x").unwrap();
        drop(super::super::lock_root(dir.path(), Duration::from_secs(1)).unwrap());
        assert!(!dir.path().join("breaches/.dpo-tmp-abc").exists());
    }

    #[test]
    fn writes_stopped_after_the_joining_entry_are_rolled_back() {
        use crate::workspace::JournalEntry;
        let dir = workspace_with(2);
        let root = dir.path();
        let j = Journal::new(root);
        let base = j.head().unwrap();
        let line = |e: &JournalEntry| {
            let l = serde_json::to_string(e).unwrap();
            let sha = sha256_hex(l.as_bytes());
            (l, sha)
        };
        let mut e = j.entries().unwrap().pop().unwrap();
        e.seq = 3;
        e.prev_sha256 = base.sha256.clone();
        let (la, ha) = line(&JournalEntry {
            actor: "a".into(),
            ..e.clone()
        });
        let (lb, hb) = line(&JournalEntry {
            actor: "b".into(),
            ..e.clone()
        });
        let text = std::fs::read_to_string(j.path()).unwrap();
        std::fs::write(j.path(), format!("{text}{la}\n{lb}\n")).unwrap();
        std::fs::write(root.join("journal.head"), format!("3 {ha}\n3 {hb}\n")).unwrap();
        // The command writes its record, joins the branches, and stops.
        drop(write_new_yaml(root));
        let (lm, _) = line(&JournalEntry {
            seq: 4,
            action: "journal.merge".into(),
            merged: vec![ha.clone()],
            prev_sha256: hb.clone(),
            ..e
        });
        let text = std::fs::read_to_string(j.path()).unwrap();
        std::fs::write(j.path(), format!("{text}{lm}\n")).unwrap();
        drop(super::super::lock_root(root, Duration::from_secs(1)).unwrap());
        assert!(!root.join("new.yaml").exists());
        assert!(!root.join(PENDING_FILE).exists());
        let actions: Vec<String> = j.entries().unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(
            actions[4..],
            ["journal.merge", "journal.recover", "journal.rollback"]
        );
        assert_eq!(j.verify().unwrap().problem, None);
    }
}
