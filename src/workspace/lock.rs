//! The workspace lock: one `dpo` process changes a workspace at a time, and
//! nobody reads it while it changes.
//!
//! An advisory lock (`flock`) on `.dpo.lock` in the workspace: exclusive for
//! the commands that write, shared for those that only read (`check`,
//! `status`, `journal verify`), so a reader never sees a record written
//! without its journal entry, or a journal whose head is being updated. The
//! operating system drops the lock when the process dies, so a crash never
//! leaves a stale lock behind. A second process waits a few seconds for the
//! first to finish, then gives up with a message saying who holds it.
//!
//! The lock file is opened without following a symbolic link and never
//! truncated: a `.dpo.lock` that is a link, not a plain file, or a file with
//! other names (hard links) is refused, so pointing it at another file
//! cannot make `dpo` overwrite that file.
//!
//! An exclusive lock is only handed out once the workspace is consistent:
//! [`super::lock_root`] first finishes or undoes what a command killed
//! mid-way left behind ([`super::recover`]), then verifies the journal. The
//! lock also carries the write-ahead list of the record files written since
//! the last journal entry ([`WorkspaceLock::intend`]).

use crate::render::catalog::Msg;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::recover::{Pending, PendingWrite};
use super::WorkspaceError;

/// Name of the lock file inside the workspace.
pub const LOCK_FILE: &str = ".dpo.lock";

/// How the lock is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockMode {
    /// One writer, nobody else.
    Exclusive,
    /// Readers only, any number.
    Shared,
}

/// Held while a command changes (or reads) the workspace; released on drop.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: Option<File>,
    path: PathBuf,
    root: PathBuf,
    mode: LockMode,
    /// The record writes not yet covered by a journal entry.
    pending: Mutex<Option<Pending>>,
}

impl WorkspaceLock {
    /// Takes the exclusive lock, waiting at most `wait`, without recovering
    /// anything: [`super::lock_root`] is the way in for commands.
    pub(crate) fn acquire(root: &Path, wait: Duration) -> Result<Self, WorkspaceError> {
        Self::take(root, wait, LockMode::Exclusive)
    }

    /// Takes the lock in `mode`, waiting at most `wait`.
    pub(crate) fn take(
        root: &Path,
        wait: Duration,
        mode: LockMode,
    ) -> Result<Self, WorkspaceError> {
        let path = root.join(LOCK_FILE);
        let mut file = open_lock_file(&path, mode)?;
        let start = Instant::now();
        loop {
            let tried = match mode {
                LockMode::Exclusive => file.try_lock(),
                LockMode::Shared => file.try_lock_shared(),
            };
            match tried {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if start.elapsed() >= wait {
                        let mut holder = String::new();
                        let _ = file.read_to_string(&mut holder);
                        let holder = holder.lines().next().unwrap_or("").trim().to_string();
                        return Err(WorkspaceError::Locked {
                            path: path.clone(),
                            holder: if holder.is_empty() {
                                "a reader".into()
                            } else {
                                holder
                            },
                            waited: wait,
                        });
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::Error(source)) => {
                    return Err(WorkspaceError::Lock { path, source })
                }
            }
        }
        if mode == LockMode::Exclusive {
            // Say who holds it, for the message the next process prints: one
            // fixed-width line written over the start of the file, which is
            // never truncated.
            use std::os::unix::fs::FileExt;
            let line = format!("{:<31}\n", format!("pid {}", std::process::id()));
            let _ = file.write_all_at(line.as_bytes(), 0);
        }
        Ok(Self {
            file: Some(file),
            path,
            root: root.to_path_buf(),
            mode,
            pending: Mutex::new(None),
        })
    }

    /// A shared lock on a workspace that has no lock file and where none can
    /// be made (a read-only copy): nobody can write there either.
    pub(crate) fn unlocked(root: &Path) -> Self {
        Self {
            file: None,
            path: root.join(LOCK_FILE),
            root: root.to_path_buf(),
            mode: LockMode::Shared,
            pending: Mutex::new(None),
        }
    }

    /// Path of the lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How the lock is held.
    pub fn mode(&self) -> LockMode {
        self.mode
    }

    /// Write-ahead for a record file: before `rel` (relative to the
    /// workspace) is replaced by content hashing to `after_sha256`, notes
    /// what it held (`before`, `None` when it did not exist) in
    /// `.dpo.pending`, flushed to disk. The next journal entry clears the
    /// list; a command killed before it leaves the list behind, and the next
    /// lock undoes those writes ([`super::recover`]).
    pub fn intend(
        &self,
        rel: &str,
        before: Option<String>,
        after_sha256: String,
    ) -> Result<(), WorkspaceError> {
        self.require_exclusive()?;
        let mut guard = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let pending = match guard.as_mut() {
            Some(p) => p,
            None => guard.insert(Pending::new(super::Journal::new(&self.root).head()?)),
        };
        pending.writes.push(PendingWrite {
            rel: rel.to_string(),
            before,
            after_sha256,
        });
        pending.save(&self.root)
    }

    /// The record files written since the last journal entry, each once
    /// with the SHA-256 of its last write, in the order first written.
    pub(crate) fn pending_writes(&self) -> Vec<super::journal::FileWrite> {
        let guard = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<super::journal::FileWrite> = Vec::new();
        for w in guard.iter().flat_map(|p| &p.writes) {
            match out.iter_mut().find(|f| f.file == w.rel) {
                Some(f) => f.sha256.clone_from(&w.after_sha256),
                None => out.push(super::journal::FileWrite {
                    file: w.rel.clone(),
                    sha256: w.after_sha256.clone(),
                }),
            }
        }
        out
    }

    /// Called once a journal entry is on disk with its head: the writes
    /// noted so far are covered by it.
    pub(crate) fn committed(&self) -> Result<(), WorkspaceError> {
        let mut guard = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *guard = None;
        super::recover::clear_pending(&self.root)
    }

    /// Refuses a write under a shared lock (a bug in the caller).
    pub(crate) fn require_exclusive(&self) -> Result<(), WorkspaceError> {
        if self.mode == LockMode::Exclusive && self.file.is_some() {
            return Ok(());
        }
        Err(WorkspaceError::Lock {
            path: self.path.clone(),
            source: std::io::Error::other(Msg::new("errors-lock-read-only")),
        })
    }
}

/// Opens the lock file: never through a symbolic link, never truncating it,
/// and only when it is a plain file with no other name.
fn open_lock_file(path: &Path, mode: LockMode) -> Result<File, WorkspaceError> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let refuse = |what: &str| WorkspaceError::LockNotPlain {
        path: path.to_path_buf(),
        what: super::atomic::file_kind(what),
    };
    let open = |write: bool| {
        OpenOptions::new()
            .read(true)
            .write(write)
            .create(write)
            .truncate(false)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .mode(0o644)
            .open(path)
    };
    let opened = match (open(true), mode) {
        // A reader of a read-only copy locks the file as it is.
        (Err(e), LockMode::Shared)
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            open(false)
        }
        (r, _) => r,
    };
    let file = match opened {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(refuse("a symbolic link"));
        }
        Err(source) => {
            return Err(WorkspaceError::Lock {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let meta = file.metadata().map_err(|source| WorkspaceError::Lock {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.file_type().is_file() {
        return Err(refuse("not a regular file"));
    }
    if meta.nlink() > 1 {
        return Err(refuse("a hard link to another file"));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_fails_with_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let _first = WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap();
        let e = WorkspaceLock::acquire(dir.path(), Duration::from_millis(100)).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("another dpo process"), "{msg}");
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
    }

    #[test]
    fn a_released_lock_can_be_taken_again() {
        let dir = tempfile::tempdir().unwrap();
        drop(WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap());
        assert!(WorkspaceLock::acquire(dir.path(), Duration::from_millis(10)).is_ok());
    }

    #[test]
    fn readers_share_the_lock_and_keep_the_writer_out() {
        let dir = tempfile::tempdir().unwrap();
        drop(WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap());
        let short = Duration::from_millis(50);
        let r1 = WorkspaceLock::take(dir.path(), short, LockMode::Shared).unwrap();
        let _r2 = WorkspaceLock::take(dir.path(), short, LockMode::Shared).unwrap();
        assert!(WorkspaceLock::acquire(dir.path(), short).is_err());
        drop(r1);
        drop(_r2);
        let _w = WorkspaceLock::acquire(dir.path(), short).unwrap();
        assert!(WorkspaceLock::take(dir.path(), short, LockMode::Shared).is_err());
    }

    #[test]
    fn a_symlinked_lock_is_refused_and_its_target_left_intact() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("secret-key");
        std::fs::write(&key, b"PRIVATE KEY").unwrap();
        std::os::unix::fs::symlink(&key, dir.path().join(LOCK_FILE)).unwrap();
        let e = WorkspaceLock::acquire(dir.path(), Duration::from_millis(10)).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert_eq!(std::fs::read(&key).unwrap(), b"PRIVATE KEY");
    }

    #[test]
    fn a_hard_linked_lock_is_refused_and_its_other_name_left_intact() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("secret-key");
        std::fs::write(&key, b"PRIVATE KEY").unwrap();
        std::fs::hard_link(&key, dir.path().join(LOCK_FILE)).unwrap();
        assert!(WorkspaceLock::acquire(dir.path(), Duration::from_millis(10)).is_err());
        assert_eq!(std::fs::read(&key).unwrap(), b"PRIVATE KEY");
    }

    #[test]
    fn the_lock_file_is_never_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(LOCK_FILE);
        std::fs::write(&p, "x".repeat(100)).unwrap();
        drop(WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap());
        assert_eq!(std::fs::metadata(&p).unwrap().len(), 100);
    }
}
