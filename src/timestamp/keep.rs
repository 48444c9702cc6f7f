//! Keeping `.tsq` and `.tsr` files: each written atomically; when the
//! stamped file is in the workspace, under its lock, noted in the
//! write-ahead list first and journaled after (every change is journaled).

use std::path::{Path, PathBuf};

use crate::hashing::sha256_hex;
use crate::workspace::{self, Act, Workspace};

use super::TimestampError;

/// `path` relative to the workspace root, when it is inside it.
pub fn in_workspace(root: &Path, path: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = parent.unwrap_or(Path::new(".")).canonicalize().ok()?;
    let rel = dir.strip_prefix(&root).ok()?.join(path.file_name()?);
    Some(rel.to_string_lossy().into_owned())
}

/// Writes `files`; when `file` (the stamped one) is in the workspace of
/// `ws`, under its lock with a journal entry `action` naming `file`, whose
/// payload is the last file's bytes.
pub fn keep(
    ws: Option<(&Workspace, &Act)>,
    action: &str,
    file: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), TimestampError> {
    let journaled = ws.and_then(|(w, a)| Some((w, a, in_workspace(&w.root, file)?)));
    let Some((ws, act, subject)) = journaled else {
        for (path, bytes) in files {
            workspace::write_atomic(path, bytes)?;
        }
        return Ok(());
    };
    let lock = ws.lock()?;
    for (path, bytes) in files {
        let rel = in_workspace(&ws.root, path).unwrap_or_else(|| path.display().to_string());
        lock.intend(&rel, None, sha256_hex(bytes))?;
        workspace::write_atomic(path, bytes)?;
    }
    let payload = files.last().map(|(_, b)| b.as_slice()).unwrap_or_default();
    ws.journal()
        .append(&lock, act.now, &act.actor, action, &subject, payload)?;
    Ok(())
}

/// `FILE.tsr.refused`: where an answer that does not verify is kept.
pub fn refused_path(tsr: &Path) -> PathBuf {
    let mut aside = tsr.as_os_str().to_owned();
    aside.push(".refused");
    PathBuf::from(aside)
}

/// Moves a `.tsr` that does not verify out of the way, to
/// `FILE.tsr.refused`, so that it never counts as `FILE`'s time-stamp; the
/// new name.
pub fn set_aside(tsr: &Path) -> Result<PathBuf, TimestampError> {
    let aside = refused_path(tsr);
    std::fs::rename(tsr, &aside).map_err(|source| TimestampError::Read {
        path: tsr.to_path_buf(),
        source,
    })?;
    Ok(aside)
}
