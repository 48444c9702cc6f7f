//! The listing of the trees to hash, in parallel across every core.
//!
//! Each folder is one rayon task: it reads its entries (`getdents`), knows
//! from each entry's type, without a `stat`, which are files, folders,
//! symbolic links or other kinds, and hands its sub-folders to other tasks.
//! When sizes are wanted (the residual scan), each regular file's size is
//! taken by the same task with one `statx` relative to the open folder
//! (`DirEntry::metadata`), not by a second walk of the full path. rayon
//! (already used to hash) rather than `jwalk` or `ignore`'s `WalkParallel`:
//! both would be a new dependency, and both give a file's size only through
//! a `stat` of its full path, which costs more than one relative to the open
//! folder.
//!
//! What is found does not depend on the order the tasks ran in: the files
//! are sorted by the bytes of their path, and of several folders that
//! cannot be listed the one of the smallest path is reported.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use super::{path_bytes, HashError, Root, TreeFile};

/// A regular file found, and its size (0 when sizes were not taken).
pub(super) type Listed = (TreeFile, u64);

/// Which files a listing keeps.
#[derive(Clone, Copy)]
pub(super) enum Keep<'a> {
    /// Every regular file; no size taken.
    All,
    /// The files whose size, taken with one `statx` each, passes; the
    /// others are only counted.
    Sized(&'a (dyn Fn(u64) -> bool + Sync)),
}

/// What [`list`] found.
#[derive(Default)]
pub(super) struct Listing {
    /// Regular files found.
    pub(super) files: u64,
    /// Their total size (0 when sizes were not taken).
    pub(super) bytes: u64,
    /// The files kept, sorted by the bytes of their path.
    pub(super) kept: Vec<Listed>,
}

impl Keep<'_> {
    /// Whether a file of `size` bytes is kept.
    fn wants(self, size: u64) -> bool {
        match self {
            Keep::All => true,
            Keep::Sized(wanted) => wanted(size),
        }
    }
}

impl Listing {
    /// Counts a file, and keeps it when `keep` says so; `file` is made only
    /// then.
    fn add(&mut self, file: impl FnOnce() -> TreeFile, size: u64, keep: Keep<'_>) {
        self.files += 1;
        self.bytes += size;
        if keep.wants(size) {
            self.kept.push((file(), size));
        }
    }

    /// Adds what another listing found.
    fn merge(&mut self, other: Listing) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.kept.extend(other.kept);
    }
}

/// Every regular file under `roots`, counted once (roots may overlap) and
/// kept as `keep` says, the kept ones sorted by the bytes of their path.
/// Symbolic links below a root are not followed, sockets, FIFOs and devices
/// are skipped.
pub(super) fn list(roots: &[PathBuf], keep: Keep<'_>) -> Result<Listing, HashError> {
    // A file under two overlapping roots (a folder and one inside it) is
    // known by its path: counting it once needs every file kept, then
    // sifted. One root cannot overlap itself.
    let every = |_| true;
    let each = match (keep, roots.len()) {
        (Keep::Sized(_), 2..) => Keep::Sized(&every),
        _ => keep,
    };
    let mut listing = Listing::default();
    for root in roots {
        match super::root(root)? {
            Root::File(file, size) => listing.add(|| file, size, each),
            Root::Folder => listing.merge(list_folder(root, each)?),
        }
    }
    let kept = &mut listing.kept;
    kept.par_sort_unstable_by(|a, b| path_bytes(&a.0.path).cmp(path_bytes(&b.0.path)));
    if roots.len() > 1 {
        kept.dedup_by(|a, b| path_bytes(&a.0.path) == path_bytes(&b.0.path));
        listing.files = kept.len() as u64;
        listing.bytes = kept.iter().map(|(_, size)| size).sum();
        kept.retain(|(_, size)| keep.wants(*size));
    }
    Ok(listing)
}

/// What the tasks listing one root found, and the folders or files that
/// could not be read.
#[derive(Default)]
struct Found {
    listing: Mutex<Listing>,
    errors: Mutex<Vec<HashError>>,
}

/// Every regular file below the folder `root`, the kept ones in no
/// particular order.
fn list_folder(root: &Path, keep: Keep<'_>) -> Result<Listing, HashError> {
    let found = Found::default();
    visit(root, PathBuf::new(), keep, &found);
    if let Some(first) = first(
        found
            .errors
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner),
    ) {
        return Err(first);
    }
    Ok(found
        .listing
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner))
}

/// Of the errors met, the one about the smallest path: the same whatever
/// the order the tasks ran in.
fn first(errors: Vec<HashError>) -> Option<HashError> {
    errors
        .into_iter()
        .min_by(|a, b| path_bytes(a.path()).cmp(path_bytes(b.path())))
}

/// Lists the folder `dir` (`rel` below the root), then its sub-folders in
/// parallel.
fn visit(dir: &Path, rel: PathBuf, keep: Keep<'_>, found: &Found) {
    match read_folder(dir, &rel, keep) {
        Ok((listing, folders)) => {
            found
                .listing
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .merge(listing);
            folders
                .into_par_iter()
                .for_each(|name| visit(&dir.join(&name), rel.join(&name), keep, found));
        }
        Err(e) => found
            .errors
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(e),
    }
}

/// The regular files of one folder, counted and kept as `keep` says, and
/// the names of its sub-folders. Paths are made only for the files kept.
fn read_folder(
    dir: &Path,
    rel: &Path,
    keep: Keep<'_>,
) -> Result<(Listing, Vec<OsString>), HashError> {
    let unlisted = |source| HashError::ListFolder {
        path: dir.to_path_buf(),
        source,
    };
    let (mut listing, mut folders) = (Listing::default(), Vec::new());
    for entry in fs::read_dir(dir).map_err(unlisted)? {
        let entry = entry.map_err(unlisted)?;
        let unknown = |source| HashError::Metadata {
            path: entry.path(),
            source,
        };
        // The type comes with the entry (`d_type`); std asks `lstat` only
        // on a file system that does not give it.
        let kind = entry.file_type().map_err(unknown)?;
        if kind.is_file() {
            let size = match keep {
                Keep::Sized(_) => entry.metadata().map_err(unknown)?.len(),
                Keep::All => 0,
            };
            let file = || {
                let name = entry.file_name();
                TreeFile {
                    path: dir.join(&name),
                    rel: rel.join(&name),
                }
            };
            listing.add(file, size, keep);
        } else if kind.is_dir() {
            folders.push(entry.file_name());
        }
    }
    Ok((listing, folders))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of nested folders holding 300 files of 0–299 bytes, a link
    /// to a folder and an empty folder.
    fn tree() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        for i in 0..300 {
            let f = root.join(format!("d{}/e{}/f{i}", i % 7, i % 3));
            fs::create_dir_all(f.parent().unwrap()).unwrap();
            fs::write(&f, vec![b'x'; i]).unwrap();
        }
        fs::create_dir_all(root.join("empty/deeper")).unwrap();
        std::os::unix::fs::symlink(root.join("d1"), root.join("d0/link")).unwrap();
        (dir, root)
    }

    #[test]
    fn the_parallel_listing_finds_what_the_walk_finds_with_the_sizes_of_lstat() {
        let (_dir, root) = tree();
        let every = |_| true;
        let listed = list(std::slice::from_ref(&root), Keep::Sized(&every)).unwrap();
        let mut walked: Vec<PathBuf> = super::super::walk(&root)
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.path)
            .collect();
        walked.sort_unstable_by(|a, b| path_bytes(a).cmp(path_bytes(b)));
        let paths: Vec<PathBuf> = listed.kept.iter().map(|(f, _)| f.path.clone()).collect();
        assert_eq!(paths, walked);
        for (f, size) in &listed.kept {
            assert_eq!(*size, fs::symlink_metadata(&f.path).unwrap().len());
            assert_eq!(f.path, root.join(&f.rel));
        }
        assert_eq!((listed.files, listed.bytes), (300, (0..300).sum()));
        let all = list(&[root], Keep::All).unwrap();
        assert!(all.kept.iter().all(|(_, size)| *size == 0));
        assert_eq!((all.files, all.kept.len()), (300, 300));
    }

    #[test]
    fn only_the_files_of_a_wanted_size_are_kept_and_every_file_is_counted_once() {
        let (_dir, root) = tree();
        let wanted = |size| size % 100 == 7;
        let listed = list(std::slice::from_ref(&root), Keep::Sized(&wanted)).unwrap();
        let sizes: Vec<u64> = listed.kept.iter().map(|(_, size)| *size).collect();
        assert_eq!(listed.kept.len(), 3);
        assert!(sizes.iter().all(|s| s % 100 == 7), "{sizes:?}");
        assert_eq!((listed.files, listed.bytes), (300, (0..300).sum()));
        // Overlapping roots: the files of d1 are counted once.
        let roots = [root.join("d1"), root.clone(), root.join("d1/e0")];
        let overlapping = list(&roots, Keep::Sized(&wanted)).unwrap();
        assert_eq!(
            (overlapping.files, overlapping.bytes),
            (300, (0..300).sum())
        );
        assert_eq!(overlapping.kept.len(), 3);
        let paths = |l: &Listing| {
            l.kept
                .iter()
                .map(|(f, _)| f.path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&overlapping), paths(&listed));
    }

    #[test]
    fn of_several_errors_the_one_of_the_smallest_path_is_reported() {
        let err = |p: &str| HashError::ListFolder {
            path: PathBuf::from(p),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        let errors = vec![err("/t/b"), err("/t/a/z"), err("/t/a-"), err("/t/c")];
        assert_eq!(first(errors).unwrap().path(), Path::new("/t/a-"));
        assert!(first(Vec::new()).is_none());
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let e = list_folder(&missing, Keep::All).err().unwrap();
        assert!(matches!(e, HashError::ListFolder { .. }));
        assert_eq!(e.path(), missing);
    }
}
