//! The workspace lock: one `dpo` process changes a workspace at a time.
//!
//! An advisory lock (`flock`) on `.dpo.lock` in the workspace. The operating
//! system drops it when the process dies, so a crash never leaves a stale lock
//! behind. A second process waits a few seconds for the first to finish, then
//! gives up with a message saying who holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::WorkspaceError;

/// Name of the lock file inside the workspace.
pub const LOCK_FILE: &str = ".dpo.lock";

/// Held while a command changes the workspace; released on drop.
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
    path: PathBuf,
}

impl WorkspaceLock {
    /// Takes the lock, waiting at most `wait`.
    pub fn acquire(root: &Path, wait: Duration) -> Result<Self, WorkspaceError> {
        let path = root.join(LOCK_FILE);
        let io = |source| WorkspaceError::Lock {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if start.elapsed() >= wait {
                        let mut holder = String::new();
                        let _ = file.read_to_string(&mut holder);
                        return Err(WorkspaceError::Locked {
                            path: path.clone(),
                            holder: holder.trim().to_string(),
                            waited: wait,
                        });
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        // Say who holds it, for the message the next process prints.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "pid {}", std::process::id());
        Ok(Self { _file: file, path })
    }

    /// Path of the lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
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
}
