//! Atomic file writes: a reader sees the old file or the new one, never half.
//!
//! No write follows a symbolic link: the target must be a regular file or
//! not exist (a link, a FIFO, a device or a folder there is refused, never
//! replaced), and inside a workspace no folder between the workspace and the
//! target may be a link. The temporary file is created with `O_EXCL`, so a
//! link planted at its name is not followed either. [`open_append`] is the
//! same rule for a file appended to, [`check_output`] the stricter rule for a
//! document the user names with `-o`, and [`remove_stale_temps`] clears the
//! temporary files a crash left behind.

use std::fs::{File, FileType, Metadata};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::WorkspaceError;
use crate::render::catalog::Msg;

/// The name every temporary file of [`write_atomic`] starts with.
pub const TEMP_PREFIX: &str = ".dpo-tmp-";

/// The file that marks a folder as a workspace.
const MARKER: &str = "processor.yaml";

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// written, flushed to disk, then renamed over the target, and the folder
/// synced so the rename itself survives a crash. Refuses a target that is not
/// a regular file, and a link on the way to it inside a workspace
/// ([`check_target`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    write_atomic_mode(path, bytes, None)
}

/// As [`write_atomic`], with Unix permission bits for the new file.
pub fn write_atomic_mode(
    path: &Path,
    bytes: &[u8],
    mode: Option<u32>,
) -> Result<(), WorkspaceError> {
    check_target(path)?;
    let io = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent_dir(path);
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = mode.unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io)?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Syncs a directory so a rename in it is durable. Best effort: some file
/// systems refuse to open a directory for syncing.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// What a file type is, in words, when it is not a regular file.
pub fn not_regular(t: &FileType) -> Option<&'static str> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        return None;
    }
    Some(if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            if t.is_fifo() {
                "a FIFO (named pipe)"
            } else if t.is_char_device() {
                "a character device"
            } else if t.is_block_device() {
                "a block device"
            } else if t.is_socket() {
                "a socket"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        "not a regular file"
    })
}

/// What [`not_regular`] says, as a catalog message (in the run's language).
pub fn file_kind(what: &str) -> Msg {
    let kind = match what {
        "a symbolic link" => "symlink",
        "a folder" => "folder",
        "a FIFO (named pipe)" => "fifo",
        "a character device" => "char",
        "a block device" => "block",
        "a socket" => "socket",
        "a hard link to another file" => "hardlink",
        "a file" => "file",
        _ => "other",
    };
    Msg::new("errors-file-kind").arg("kind", kind)
}

fn refused(path: &Path, reason: Msg, hint: &'static str) -> WorkspaceError {
    WorkspaceError::Refused {
        path: path.to_path_buf(),
        reason: Box::new(reason),
        hint: Box::new(Msg::new(hint)),
    }
}

/// Refuses to write `path` when it exists and is not a regular file (a
/// symbolic link, a FIFO, a device, a folder: replacing it would destroy
/// what it is, or write where it points), or when `path` is in a workspace
/// and a folder between the workspace and `path` is a symbolic link. The
/// workspace folder itself may be a link.
pub fn check_target(path: &Path) -> Result<(), WorkspaceError> {
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if let Some(what) = not_regular(&m.file_type()) {
            return Err(refused(
                path,
                Msg::new("errors-target-not-regular").arg("what", file_kind(what)),
                "errors-target-not-regular-hint",
            ));
        }
    }
    // The folders below the outermost workspace found on the way up.
    let mut below: Vec<&Path> = Vec::new();
    let mut checked = 0;
    for a in path.ancestors().skip(1) {
        let dir = if a.as_os_str().is_empty() {
            Path::new(".")
        } else {
            a
        };
        if dir.join(MARKER).symlink_metadata().is_ok() {
            for d in &below[checked..] {
                if std::fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink()) {
                    return Err(refused(
                        path,
                        Msg::new("errors-target-linked-folder")
                            .arg("folder", d.display().to_string())
                            .arg("workspace", dir.display().to_string()),
                        "errors-target-linked-folder-hint",
                    ));
                }
            }
            checked = below.len();
        }
        below.push(dir);
        if a.as_os_str().is_empty() {
            break;
        }
    }
    Ok(())
}

/// Opens `path` for appending (creating it), refusing a link or any other
/// file that is not a regular file; the file opened is checked to be the one
/// looked at, so a link swapped in between is caught too.
pub fn open_append(path: &Path) -> Result<File, WorkspaceError> {
    check_target(path)?;
    let io = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    let before = std::fs::symlink_metadata(path).ok();
    let f = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
            .map_err(io)?
    };
    let opened = f.metadata().map_err(io)?;
    let after = std::fs::symlink_metadata(path).map_err(io)?;
    let same = |a: &Metadata| same_file(a, &opened);
    if !opened.is_file() || !same(&after) || before.as_ref().is_some_and(|b| !same(b)) {
        return Err(refused(
            path,
            Msg::new("errors-target-replaced"),
            "errors-target-replaced-hint",
        ));
    }
    Ok(f)
}

/// Whether two metadata are of the same file (device and inode).
#[cfg(unix)]
pub(super) fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub(super) fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.file_type() == b.file_type() && a.len() == b.len()
}

/// Whether `name`, the first component of a path inside a workspace, is
/// the workspace's own: a file or folder of records (every kind of
/// [`super::kinds::FILE_KINDS`]), `keys`, `evidence`, the journal, the lock
/// or a temporary file of dpo.
pub fn is_own_entry(name: &str) -> bool {
    super::kinds::FILE_KINDS.iter().any(|k| k.path == name)
        || [
            "keys",
            "evidence",
            super::journal::JOURNAL_FILE,
            super::journal::HEAD_FILE,
        ]
        .contains(&name)
        || name.starts_with(".dpo")
}

/// Refuses `path` as the target of a document the user asked for (`-o`):
/// anything [`check_target`] refuses, and any path inside the records,
/// journal, keys or evidence of a workspace (found by resolving the links
/// of the path, so a link into a workspace is caught too).
pub fn check_output(path: &Path) -> Result<(), WorkspaceError> {
    check_target(path)?;
    let Some(resolved) = resolve(path) else {
        return Ok(());
    };
    for root in resolved.ancestors().skip(1) {
        if !root.join(MARKER).is_file() {
            continue;
        }
        let Ok(rel) = resolved.strip_prefix(root) else {
            continue;
        };
        let first = match rel.components().next() {
            Some(Component::Normal(n)) => n.to_string_lossy().into_owned(),
            _ => continue,
        };
        if is_own_entry(&first) {
            return Err(refused(
                path,
                Msg::new("errors-output-in-workspace")
                    .arg("rel", rel.display().to_string())
                    .arg("workspace", root.display().to_string()),
                "errors-output-in-workspace-hint",
            ));
        }
    }
    Ok(())
}

/// `path` with every link resolved: its longest existing ancestor made
/// canonical, and the rest (which does not exist, so holds no link) added.
fn resolve(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut cur = path;
    loop {
        let existing = if cur.as_os_str().is_empty() {
            Path::new(".")
        } else {
            cur
        };
        if let Ok(mut c) = existing.canonicalize() {
            for part in rest.iter().rev() {
                c.push(part);
            }
            return Some(c);
        }
        match cur.components().next_back()? {
            Component::Normal(n) => rest.push(n.to_os_string()),
            Component::CurDir => {}
            _ => return None,
        }
        cur = cur.parent()?;
    }
}

/// Removes the temporary files ([`TEMP_PREFIX`]) that a process killed in
/// the middle of [`write_atomic`] left in the workspace at `root` (its folder
/// and the folders below, links not followed, BagIt bags not entered), and
/// returns their paths. Holding the lock guarantees that no other `dpo` is
/// writing one of them at the same time.
pub fn remove_stale_temps(
    root: &Path,
    _lock: &super::WorkspaceLock,
) -> Result<Vec<PathBuf>, WorkspaceError> {
    let mut removed = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .follow_links(false)
        .max_depth(8)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_type().is_dir() || !e.path().join("bagit.txt").exists()
        });
    for entry in walk.filter_map(Result::ok) {
        let is_temp = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX);
        if is_temp && !entry.file_type().is_dir() {
            std::fs::remove_file(entry.path()).map_err(|source| WorkspaceError::Write {
                path: entry.path().to_path_buf(),
                source,
            })?;
            removed.push(entry.into_path());
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"first version, longer").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    /// A workspace-looking folder in a temporary folder.
    fn workspace() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("registers");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join(MARKER), "name: x\n").unwrap();
        (dir, root)
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_and_what_it_points_at_is_untouched() {
        let (dir, root) = workspace();
        let precious = dir.path().join("precious");
        std::fs::write(&precious, "key").unwrap();
        let link = root.join("journal.head");
        std::os::unix::fs::symlink(&precious, &link).unwrap();
        let e = write_atomic(&link, b"x").unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(open_append(&link).is_err());
        assert_eq!(std::fs::read_to_string(&precious).unwrap(), "key");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_inside_a_workspace_is_refused_but_a_linked_workspace_is_not() {
        let (dir, root) = workspace();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("breaches")).unwrap();
        let e = write_atomic(&root.join("breaches/2021-001.yaml"), b"x").unwrap_err();
        assert!(
            e.to_string().contains("breaches` is a symbolic link"),
            "{e}"
        );
        assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());

        let alias = dir.path().join("alias");
        std::os::unix::fs::symlink(&root, &alias).unwrap();
        write_atomic(&alias.join("requests/2021-001.yaml"), b"x").unwrap();
        assert!(root.join("requests/2021-001.yaml").is_file());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = write_atomic(&fifo, b"x").unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        assert!(open_append(&fifo).is_err());
    }

    #[test]
    fn an_output_among_the_workspace_s_own_files_is_refused() {
        let (dir, root) = workspace();
        for rel in [
            "journal.jsonl",
            "journal.head",
            "processor.yaml",
            "breaches/2021-001.yaml",
            "evidence/new/x.pdf",
            "keys/allowed_signers",
            "fate/a.yaml",
            ".dpo.lock",
        ] {
            let e = check_output(&root.join(rel)).unwrap_err();
            assert!(e.to_string().contains("never replaces"), "{rel}: {e}");
        }
        check_output(&root.join("register.pdf")).unwrap();
        check_output(&dir.path().join("register.pdf")).unwrap();
        check_output(&dir.path().join("new/folder/register.pdf")).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn an_output_through_a_link_into_the_workspace_is_refused() {
        let (dir, root) = workspace();
        std::fs::create_dir_all(root.join("evidence")).unwrap();
        let link = dir.path().join("out");
        std::os::unix::fs::symlink(root.join("evidence"), &link).unwrap();
        assert!(check_output(&link.join("x.pdf")).is_err());
    }

    #[test]
    fn stale_temporary_files_are_removed_and_nothing_else() {
        let (_dir, root) = workspace();
        std::fs::create_dir_all(root.join("breaches")).unwrap();
        std::fs::create_dir_all(root.join("evidence/bag/data")).unwrap();
        std::fs::write(root.join("evidence/bag/bagit.txt"), "").unwrap();
        for rel in [
            ".dpo-tmp-abc",
            "breaches/.dpo-tmp-x1",
            "breaches/2021-001.yaml",
            "evidence/bag/data/.dpo-tmp-kept",
        ] {
            std::fs::write(root.join(rel), "x").unwrap();
        }
        let lock = super::super::WorkspaceLock::acquire(&root, std::time::Duration::ZERO).unwrap();
        let removed = remove_stale_temps(&root, &lock).unwrap();
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert!(!root.join(".dpo-tmp-abc").exists());
        assert!(!root.join("breaches/.dpo-tmp-x1").exists());
        assert!(root.join("breaches/2021-001.yaml").exists());
        assert!(root.join("evidence/bag/data/.dpo-tmp-kept").exists());
    }
}
