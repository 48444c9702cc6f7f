//! SHA-256 of files and of whole trees, in parallel and in constant memory.
//!
//! This module is responsible for reading files and hashing them: the
//! fingerprint taken before destruction, the residual scan after it and the
//! BagIt manifests all rest on it. Files are hashed in parallel across every
//! core (one file per task, with rayon), each one streamed through a fixed
//! buffer of [`BUFFER_SIZE`] bytes that belongs to the worker thread, so
//! memory does not grow with the size of a file and a tree of 100 000 small
//! files costs no allocation per file. Each file is opened once: the hash of
//! its first [`HEAD`] bytes, which a scan compares before reading on, is the
//! state of the whole file's hasher at that point (cloned, not recomputed).
//!
//! Trees are listed in parallel too, one task per folder (see `listing`):
//! a file's type comes with its folder entry, and its size, when a scan
//! wants it, from one `statx` relative to the open folder; a scan makes a
//! path only for the files of a wanted size.
//!
//! SHA-256 comes from the `sha2` crate (0.11), which detects the x86 SHA
//! extensions (SHA-NI) or the ARMv8 SHA-2 instructions at run time and falls
//! back to a portable implementation elsewhere; no feature flag is needed
//! (0.11 has no `asm` feature). On an AMD EPYC with SHA-NI: 1 785 MB/s per
//! core, as fast as `openssl speed -evp sha256` (1 764 MB/s), against
//! 365 MB/s with the portable code forced (`--cfg sha2_256_backend="soft"`);
//! `-C target-cpu=native` adds nothing.
//!
//! **Symbolic links are not followed.** A link found inside a tree is
//! neither hashed nor followed (it would hash a file outside the tree, or the
//! same file twice); a root given by the caller is followed, as `find -H`
//! does, because the caller named it. Sockets, FIFOs and devices inside a
//! tree are skipped too: reading a FIFO would block forever.
//!
//! File names are kept as raw bytes, so names that are not UTF-8, or that
//! hold spaces or newlines, are hashed and reported like any other.
//!
//! The read loop itself (`read_chunks`, and `hash_reader` on top of it) is
//! the one the BagIt writer copies through and its validator checks with.

use crate::render::catalog::{Msg, Told};
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

mod listing;

/// Size of the read buffer of each worker thread, in bytes (1 MiB).
///
/// Large enough that the cost of a `read` call is small against hashing the
/// buffer. Measured on 4 files of 1 GiB in the page cache, 64 KiB to 1 MiB
/// cost the same CPU within 3 % once the buffer is aligned (see
/// `BUFFER_ALIGN`), 1 MiB being the lowest.
pub const BUFFER_SIZE: usize = 1 << 20;

/// One hashed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDigest {
    /// The full path of the file, as it was found (a root joined with the
    /// path below it).
    pub path: PathBuf,
    /// The path relative to the root it was found under, as raw bytes
    /// (`/`-separated on Unix); for a root that is itself a file, its file
    /// name.
    pub rel: Vec<u8>,
    /// The number of bytes hashed.
    pub size: u64,
    /// The SHA-256 of the content.
    pub sha256: [u8; 32],
    /// The SHA-256 of its first [`HEAD`] bytes, for a file longer than
    /// that: a search for known contents compares it before reading the
    /// rest, as duplicate finders do.
    pub head: Option<[u8; 32]>,
}

/// How many bytes make a file's head ([`FileDigest::head`]).
pub const HEAD: u64 = 4096;

/// What can go wrong while finding or hashing files.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// A root could not be examined (it does not exist, or cannot be reached).
    #[error("{}", self.told())]
    Metadata {
        /// The root.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A root is a socket, a FIFO or a device.
    #[error("{}", self.told())]
    NotFileOrFolder {
        /// The root.
        path: PathBuf,
    },
    /// A folder could not be listed.
    #[error("{}", self.told())]
    ListFolder {
        /// The folder, or the entry of it that could not be read.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A file could not be opened.
    #[error("{}", self.told())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A file could not be read to the end.
    #[error("{}", self.told())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
}

impl HashError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        let m = |id: &'static str, path: &Path| {
            Told::new(Msg::new(id).arg("path", path.display().to_string()))
        };
        match self {
            HashError::Metadata { path, .. } => m("errors-hash-metadata", path),
            HashError::NotFileOrFolder { path } => m("errors-hash-not-file-or-folder", path)
                .hint(Msg::new("errors-hash-not-file-or-folder-hint")),
            HashError::ListFolder { path, .. } => m("errors-hash-list", path),
            HashError::Open { path, .. } => m("errors-hash-open", path),
            HashError::Read { path, .. } => m("errors-read", path),
        }
    }
}

crate::render::catalog::told_localize!(HashError);

impl HashError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            HashError::Metadata { path, .. }
            | HashError::NotFileOrFolder { path }
            | HashError::ListFolder { path, .. }
            | HashError::Open { path, .. }
            | HashError::Read { path, .. } => path,
        }
    }
}

/// Hashes every regular file under `roots`.
///
/// A root may be a folder (every regular file below it, at any depth) or a
/// file (then `rel` is its file name). Symbolic links inside a folder are
/// not followed and not hashed; sockets, FIFOs and devices are skipped. The
/// result is sorted by the bytes of `path`; a file reached through two
/// overlapping roots is listed once. `progress`, when given, is called from
/// the worker threads with the number of bytes hashed since its last call
/// (an increment, to add to a total), at most once per [`BUFFER_SIZE`]
/// bytes and at least once per non-empty file.
///
/// The first file that cannot be read stops the work and is returned as the
/// error: a scan that skipped an unreadable file would claim too much.
pub fn hash_tree(
    roots: &[PathBuf],
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<Vec<FileDigest>, HashError> {
    hash_files(files_of(roots)?, progress)
}

/// What [`hash_tree_sized`] found under its roots.
#[derive(Debug, Default)]
pub struct Sifted {
    /// Regular files found.
    pub files: u64,
    /// Their total size, in bytes.
    pub bytes: u64,
    /// The digests of the files whose size was wanted, sorted as
    /// [`hash_tree`] sorts them.
    pub digests: Vec<FileDigest>,
}

/// A test on the SHA-256 of a file's first [`HEAD`] bytes.
pub type HeadTest<'a> = &'a (dyn Fn(&[u8; 32]) -> bool + Sync);

/// What a file must have to be read whole by [`hash_tree_sized`].
pub struct Sieve<'a> {
    /// Its size (taken with one `statx` as the tree is listed, nothing
    /// read).
    pub size: &'a (dyn Fn(u64) -> bool + Sync),
    /// For a file longer than [`HEAD`], the SHA-256 of its first [`HEAD`]
    /// bytes (only those read).
    pub head: HeadTest<'a>,
}

/// Like [`hash_tree`], but reads whole only the files that pass `sieve`,
/// as duplicate finders do: the others are listed and their size taken
/// (`statx`), and, when their size passes, a file longer than [`HEAD`] is
/// read on only while its first [`HEAD`] bytes are wanted — a search for
/// known contents reads nothing more of a file that cannot be one of them.
/// Each candidate is opened once, its head checked from the same reads as
/// its whole hash; every step runs in parallel.
pub fn hash_tree_sized(
    roots: &[PathBuf],
    sieve: &Sieve<'_>,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<Sifted, HashError> {
    let listed = listing::list(roots, listing::Keep::Sized(sieve.size))?;
    let digests: Vec<Option<FileDigest>> = listed
        .kept
        .into_par_iter()
        .map(|(file, size)| {
            let head = (size > HEAD).then_some(sieve.head);
            Ok(hash_path(&file.path, progress, head)?.map(|h| h.digest(file)))
        })
        .collect::<Result<_, HashError>>()?;
    Ok(Sifted {
        files: listed.files,
        bytes: listed.bytes,
        digests: digests.into_iter().flatten().collect(),
    })
}

/// Every regular file under `roots`, sorted by the bytes of its path, each
/// once, listed in parallel (see [`listing`]).
fn files_of(roots: &[PathBuf]) -> Result<Vec<TreeFile>, HashError> {
    Ok(listing::list(roots, listing::Keep::All)?
        .kept
        .into_iter()
        .map(|(file, _)| file)
        .collect())
}

/// Hashes `files` in parallel, in their order.
fn hash_files(
    files: Vec<TreeFile>,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<Vec<FileDigest>, HashError> {
    // An indexed parallel iterator keeps the order of the list. Without a
    // head to check, `hash_path` reads every file to the end: none is
    // left out.
    let digests: Vec<Option<FileDigest>> = files
        .into_par_iter()
        .map(|file| Ok(hash_path(&file.path, progress, None)?.map(|h| h.digest(file))))
        .collect::<Result<_, HashError>>()?;
    Ok(digests.into_iter().flatten().collect())
}

/// The SHA-256 of one file, streamed in a fixed-size buffer.
pub fn hash_file(path: &Path) -> Result<[u8; 32], HashError> {
    let mut file = File::open(path).map_err(|source| HashError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let read_error = |source| HashError::Read {
        path: path.to_path_buf(),
        source,
    };
    hash_reader(&mut file, None, read_error, |_| Ok(())).map(|(sha256, _)| sha256)
}

/// A digest in lowercase hexadecimal, as `sha256sum` prints it.
pub fn hex(d: &[u8; 32]) -> String {
    ::hex::encode(d)
}

/// The SHA-256 of bytes held in memory, in lowercase hexadecimal: the one
/// function for records, messages, documents and the journal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes).into())
}

/// What [`hash_path`] read of one file.
struct Hashed {
    sha256: [u8; 32],
    size: u64,
    /// The SHA-256 of its first [`HEAD`] bytes, when it is longer.
    head: Option<[u8; 32]>,
}

impl Hashed {
    fn digest(self, file: TreeFile) -> FileDigest {
        FileDigest {
            rel: path_bytes(&file.rel).to_vec(),
            path: file.path,
            size: self.size,
            sha256: self.sha256,
            head: self.head,
        }
    }
}

/// Why [`hash_path`] stopped reading before the end.
enum Stop {
    Read(io::Error),
    /// Its head is not wanted.
    Unwanted,
}

/// Opens `path` once and hashes it to the end; the hash of its first
/// [`HEAD`] bytes is the state of the same hasher at that point, so no byte
/// is hashed twice. With `wanted`, reading stops as soon as those bytes are
/// read and `wanted` refuses their hash (`None`); a file that ends within
/// them is read whole.
fn hash_path(
    path: &Path,
    progress: Option<&(dyn Fn(u64) + Sync)>,
    wanted: Option<HeadTest<'_>>,
) -> Result<Option<Hashed>, HashError> {
    let mut file = File::open(path).map_err(|source| HashError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut head: Option<[u8; 32]> = None;
    let mut seen = 0u64;
    let read = read_chunks(&mut file, Stop::Read, |chunk| {
        let mut rest = chunk;
        if seen < HEAD {
            let n = rest.len().min((HEAD - seen) as usize);
            hasher.update(&rest[..n]);
            seen += n as u64;
            rest = &rest[n..];
            if seen == HEAD {
                let h: [u8; 32] = hasher.clone().finalize().into();
                if wanted.is_some_and(|w| !w(&h)) {
                    return Err(Stop::Unwanted);
                }
                head = Some(h);
            }
        }
        hasher.update(rest);
        if let Some(progress) = progress {
            progress(chunk.len() as u64);
        }
        Ok(())
    });
    let size = match read {
        Ok(size) => size,
        Err(Stop::Unwanted) => return Ok(None),
        Err(Stop::Read(source)) => {
            return Err(HashError::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    Ok(Some(Hashed {
        sha256: hasher.finalize().into(),
        size,
        head: head.filter(|_| size > HEAD),
    }))
}

/// Reads `input` to the end in this thread's buffer, hashing what is read
/// and handing each chunk to `sink` (which may copy it); returns the digest
/// and the number of bytes read. A read error becomes `read_error`'s.
pub(crate) fn hash_reader<E>(
    input: &mut impl Read,
    progress: Option<&(dyn Fn(u64) + Sync)>,
    read_error: impl Fn(io::Error) -> E,
    mut sink: impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<([u8; 32], u64), E> {
    let mut hasher = Sha256::new();
    let size = read_chunks(input, read_error, |chunk| {
        hasher.update(chunk);
        sink(chunk)?;
        if let Some(progress) = progress {
            progress(chunk.len() as u64);
        }
        Ok(())
    })?;
    Ok((hasher.finalize().into(), size))
}

/// Reads `input` to the end in this thread's buffer, handing each chunk to
/// `each`; returns the number of bytes read. A read error becomes
/// `read_error`'s; an interrupted read is retried.
pub(crate) fn read_chunks<E>(
    input: &mut impl Read,
    read_error: impl Fn(io::Error) -> E,
    mut each: impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<u64, E> {
    with_buffer(|buf| {
        let mut size = 0u64;
        loop {
            let n = match input.read(buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(e)),
            };
            each(&buf[..n])?;
            size += n as u64;
        }
        Ok(size)
    })
}

thread_local! {
    // One buffer per worker thread, allocated on first use and kept: with
    // 100 000 small files a per-file allocation of the buffer would cost
    // more than the hashing.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's read buffer of [`BUFFER_SIZE`] bytes.
///
/// Re-entrant: should `f` itself ask for a buffer on the same thread (a
/// progress callback that hashes, say), it gets a fresh one instead of a
/// panic on the busy `RefCell`.
fn with_buffer<R>(f: impl FnOnce(&mut [u8]) -> R) -> R {
    BUFFER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => f(aligned(&mut buf)),
        Err(_) => f(aligned(&mut Vec::new())),
    })
}

/// Alignment of the read buffer. The kernel's copy into a buffer that is
/// 16 bytes off a 32-byte boundary (where a large allocation may land)
/// measured 40 % slower; a page boundary is never off.
const BUFFER_ALIGN: usize = 4096;

/// [`BUFFER_SIZE`] bytes of `raw` starting on a [`BUFFER_ALIGN`] boundary,
/// allocating `raw` on first use.
fn aligned(raw: &mut Vec<u8>) -> &mut [u8] {
    if raw.len() != BUFFER_SIZE + BUFFER_ALIGN {
        *raw = vec![0; BUFFER_SIZE + BUFFER_ALIGN];
    }
    // `align_offset` may in theory give up (usize::MAX); no offset is then
    // merely slower, never wrong.
    let offset = match raw.as_ptr().align_offset(BUFFER_ALIGN) {
        offset if offset <= BUFFER_ALIGN => offset,
        _ => 0,
    };
    &mut raw[offset..offset + BUFFER_SIZE]
}

/// The raw bytes of a path (on Unix, exactly the bytes of the file name).
pub(crate) fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// A regular file found by [`walk`].
#[derive(Debug)]
pub(crate) struct TreeFile {
    /// The root joined with `rel`.
    pub(crate) path: PathBuf,
    /// The path below the root (its file name when the root is a file).
    pub(crate) rel: PathBuf,
}

/// Why an entry of a tree is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OtherKind {
    /// A symbolic link (not followed).
    Symlink,
    /// A socket, FIFO or device.
    Special,
}

/// What a walk of one root found.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    /// Regular files, in the order found.
    pub(crate) files: Vec<TreeFile>,
    /// Folders below the root (relative paths), parents before children.
    pub(crate) folders: Vec<PathBuf>,
    /// Entries that are neither files nor folders, with full paths.
    pub(crate) others: Vec<(PathBuf, OtherKind)>,
}

/// What a root named by the caller is, the link followed (as `find -H`).
pub(crate) enum Root {
    /// A regular file (its `rel` is its file name), and its size.
    File(TreeFile, u64),
    /// A folder.
    Folder,
}

/// Examines a root named by the caller: a file or a folder, else an error.
pub(crate) fn root(root: &Path) -> Result<Root, HashError> {
    let meta = std::fs::metadata(root).map_err(|source| HashError::Metadata {
        path: root.to_path_buf(),
        source,
    })?;
    if meta.is_file() {
        // `file_name` is `None` only for paths such as `/` or `..`, which
        // cannot name a regular file; the whole path is a safe fallback.
        let rel = root
            .file_name()
            .map_or_else(|| root.to_path_buf(), PathBuf::from);
        let file = TreeFile {
            path: root.to_path_buf(),
            rel,
        };
        return Ok(Root::File(file, meta.len()));
    }
    if !meta.is_dir() {
        return Err(HashError::NotFileOrFolder {
            path: root.to_path_buf(),
        });
    }
    Ok(Root::Folder)
}

/// Lists `root`: itself if it is a file, else everything below it, without
/// following symbolic links below the root.
pub(crate) fn walk(root: &Path) -> Result<Tree, HashError> {
    let mut tree = Tree::default();
    if let Root::File(file, _) = self::root(root)? {
        tree.files.push(file);
        return Ok(tree);
    }
    for entry in walkdir::WalkDir::new(root).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| HashError::ListFolder {
            path: e.path().unwrap_or(root).to_path_buf(),
            source: io::Error::from(e),
        })?;
        let file_type = entry.file_type();
        // walkdir joins the root with the names below it, so the prefix is
        // always there; the fallback only guards against a future change.
        let rel = entry
            .path()
            .strip_prefix(root)
            .map_or_else(|_| PathBuf::from(entry.file_name()), Path::to_path_buf);
        if file_type.is_file() {
            tree.files.push(TreeFile {
                path: entry.into_path(),
                rel,
            });
        } else if file_type.is_dir() {
            tree.folders.push(rel);
        } else if file_type.is_symlink() {
            tree.others.push((entry.into_path(), OtherKind::Symlink));
        } else {
            tree.others.push((entry.into_path(), OtherKind::Special));
        }
    }
    Ok(tree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::atomic::{AtomicU64, Ordering};

    const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    fn write(path: &Path, content: &[u8]) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, content).unwrap();
    }

    #[test]
    fn hash_file_matches_the_known_answers_for_empty_and_abc() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("empty"), b"");
        write(&dir.path().join("abc"), b"abc");
        assert_eq!(hex(&hash_file(&dir.path().join("empty")).unwrap()), EMPTY);
        assert_eq!(hex(&hash_file(&dir.path().join("abc")).unwrap()), ABC);
    }

    #[test]
    fn a_file_larger_than_the_buffer_hashes_like_the_whole_content() {
        let dir = tempfile::tempdir().unwrap();
        let content: Vec<u8> = (0..(2 * BUFFER_SIZE + 12_345))
            .map(|i| (i * 31 % 251) as u8)
            .collect();
        let path = dir.path().join("big");
        write(&path, &content);
        let expected: [u8; 32] = Sha256::digest(&content).into();
        assert_eq!(hash_file(&path).unwrap(), expected);
    }

    /// A folder `root` in a temporary folder, holding `files`.
    fn root_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        for (rel, content) in files {
            write(&root.join(rel), content);
        }
        (dir, root)
    }

    #[test]
    fn hash_tree_lists_every_file_below_a_folder_sorted_with_relative_names() {
        let (_dir, root) = root_with(&[("b/deep/x.txt", b"abc"), ("a.txt", b""), ("c", b"abc")]);
        fs::create_dir_all(root.join("empty-folder")).unwrap();
        let digests = hash_tree(std::slice::from_ref(&root), None).unwrap();
        let rels: Vec<&[u8]> = digests.iter().map(|d| d.rel.as_slice()).collect();
        assert_eq!(rels, vec![&b"a.txt"[..], b"b/deep/x.txt", b"c"]);
        assert_eq!(digests[1].path, root.join("b/deep/x.txt"));
        assert_eq!(hex(&digests[1].sha256), ABC);
        assert_eq!(digests[1].size, 3);
        assert_eq!(hex(&digests[0].sha256), EMPTY);
    }

    #[test]
    fn a_root_that_is_a_file_is_named_by_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/only.bin");
        write(&file, b"abc");
        let digests = hash_tree(std::slice::from_ref(&file), None).unwrap();
        assert_eq!(digests.len(), 1);
        assert_eq!(digests[0].rel, b"only.bin");
        assert_eq!(digests[0].path, file);
    }

    #[test]
    fn symbolic_links_inside_a_tree_are_neither_followed_nor_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let outside = dir.path().join("outside");
        write(&root.join("real"), b"abc");
        write(&outside.join("secret"), b"abc");
        std::os::unix::fs::symlink(root.join("real"), root.join("link-to-file")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("link-to-folder")).unwrap();
        let digests = hash_tree(&[root], None).unwrap();
        let rels: Vec<&[u8]> = digests.iter().map(|d| d.rel.as_slice()).collect();
        assert_eq!(rels, vec![&b"real"[..]]);
    }

    #[test]
    fn names_with_spaces_newlines_and_invalid_utf8_are_hashed_with_their_bytes() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        write(&root.join("with space.txt"), b"abc");
        write(&root.join("line\nbreak"), b"abc");
        write(&root.join(OsStr::from_bytes(b"latin1-\xe9t\xe9")), b"abc");
        let digests = hash_tree(std::slice::from_ref(&root), None).unwrap();
        let rels: Vec<&[u8]> = digests.iter().map(|d| d.rel.as_slice()).collect();
        assert_eq!(
            rels,
            vec![&b"latin1-\xe9t\xe9"[..], b"line\nbreak", b"with space.txt"]
        );
        assert!(digests.iter().all(|d| hex(&d.sha256) == ABC));
    }

    #[test]
    fn progress_adds_up_to_the_bytes_hashed() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a"), &vec![7u8; BUFFER_SIZE + 1]);
        write(&dir.path().join("b"), b"abc");
        let total = AtomicU64::new(0);
        let progress = |n: u64| {
            total.fetch_add(n, Ordering::Relaxed);
        };
        let digests = hash_tree(&[dir.path().to_path_buf()], Some(&progress)).unwrap();
        let sizes: u64 = digests.iter().map(|d| d.size).sum();
        assert_eq!(sizes, BUFFER_SIZE as u64 + 4);
        assert_eq!(total.load(Ordering::Relaxed), sizes);
    }

    #[test]
    fn overlapping_roots_list_a_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        write(&root.join("sub/f"), b"abc");
        let digests = hash_tree(&[root.clone(), root.join("sub")], None).unwrap();
        assert_eq!(digests.len(), 1);
    }

    #[test]
    fn a_missing_root_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nowhere");
        let err = hash_tree(std::slice::from_ref(&missing), None).unwrap_err();
        assert!(matches!(err, HashError::Metadata { .. }));
        assert_eq!(err.path(), missing);
        assert!(err.to_string().contains("nowhere"), "{err}");
    }

    #[test]
    fn an_unreadable_file_stops_the_walk_and_is_named() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("locked");
        write(&file, b"abc");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
        if File::open(&file).is_ok() {
            // Running as root: permissions do not apply, nothing to test.
            return;
        }
        let err = hash_tree(&[dir.path().to_path_buf()], None).unwrap_err();
        assert!(matches!(err, HashError::Open { .. }));
        assert_eq!(err.path(), file);
    }

    #[test]
    fn a_fifo_root_is_refused_and_a_fifo_in_a_tree_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        write(&dir.path().join("f"), b"abc");
        let err = hash_tree(std::slice::from_ref(&fifo), None).unwrap_err();
        assert!(matches!(err, HashError::NotFileOrFolder { .. }));
        let digests = hash_tree(&[dir.path().to_path_buf()], None).unwrap();
        assert_eq!(digests.len(), 1);
    }

    #[test]
    fn the_thread_buffer_is_reentrant() {
        let inner = with_buffer(|outer| {
            outer[0] = 1;
            with_buffer(|inner| inner.len())
        });
        assert_eq!(inner, BUFFER_SIZE);
    }

    #[test]
    fn hash_tree_sized_reads_only_the_files_of_a_wanted_size_and_counts_all() {
        let (_dir, root) = root_with(&[("a", b"abc"), ("b/c", b"abcd"), ("d", b"xyz")]);
        let any_head = |_: &[u8; 32]| true;
        let sieve = Sieve {
            size: &|size| size == 3,
            head: &any_head,
        };
        let sifted = hash_tree_sized(std::slice::from_ref(&root), &sieve, None).unwrap();
        assert_eq!((sifted.files, sifted.bytes), (3, 10));
        let rels: Vec<&[u8]> = sifted.digests.iter().map(|d| d.rel.as_slice()).collect();
        assert_eq!(rels, vec![&b"a"[..], b"d"]);
        assert_eq!(hex(&sifted.digests[0].sha256), ABC);
        let sieve = Sieve {
            size: &|_| false,
            head: &any_head,
        };
        let none = hash_tree_sized(std::slice::from_ref(&root), &sieve, None).unwrap();
        assert!(none.digests.is_empty());
        assert_eq!(none.files, 3);
    }

    #[test]
    fn the_head_of_a_file_longer_than_head_is_the_hash_of_its_first_bytes() {
        let long: Vec<u8> = (0..(2 * HEAD + 5)).map(|i| (i % 251) as u8).collect();
        let (_dir, root) = root_with(&[("long", &long), ("short", b"abc")]);
        let d = hash_tree(std::slice::from_ref(&root), None).unwrap();
        let want: [u8; 32] = Sha256::digest(&long[..HEAD as usize]).into();
        assert_eq!(d[0].head, Some(want));
        assert_eq!(d[0].sha256, <[u8; 32]>::from(Sha256::digest(&long)));
        assert_eq!(d[1].head, None);
    }

    #[test]
    fn a_wanted_head_is_read_on_to_the_end_across_buffers_and_an_unwanted_one_stops() {
        let long: Vec<u8> = (0..(BUFFER_SIZE + 3 * HEAD as usize))
            .map(|i| (i * 7 % 253) as u8)
            .collect();
        let (_dir, root) = root_with(&[("long", &long)]);
        let path = root.join("long");
        let want: [u8; 32] = Sha256::digest(&long[..HEAD as usize]).into();
        let asked = std::sync::Mutex::new(Vec::new());
        let wanted = |h: &[u8; 32]| {
            asked.lock().unwrap().push(*h);
            *h == want
        };
        let read = AtomicU64::new(0);
        let progress = |n: u64| {
            read.fetch_add(n, Ordering::Relaxed);
        };
        let h = hash_path(&path, Some(&progress), Some(&wanted))
            .unwrap()
            .unwrap();
        assert_eq!(h.sha256, <[u8; 32]>::from(Sha256::digest(&long)));
        assert_eq!((h.size, h.head), (long.len() as u64, Some(want)));
        assert_eq!(*asked.lock().unwrap(), [want]);
        assert_eq!(read.load(Ordering::Relaxed), long.len() as u64);
        let none = |_: &[u8; 32]| false;
        assert!(hash_path(&path, None, Some(&none)).unwrap().is_none());
    }

    #[test]
    fn hash_tree_sized_reads_whole_only_a_long_file_whose_head_is_wanted() {
        let a = vec![1u8; HEAD as usize + 10];
        let b = vec![2u8; HEAD as usize + 10];
        let (_dir, root) = root_with(&[("a", &a), ("b", &b)]);
        let want: [u8; 32] = Sha256::digest(&b[..HEAD as usize]).into();
        let head = |h: &[u8; 32]| *h == want;
        let sieve = Sieve {
            size: &|_| true,
            head: &head,
        };
        let sifted = hash_tree_sized(std::slice::from_ref(&root), &sieve, None).unwrap();
        let rels: Vec<&[u8]> = sifted.digests.iter().map(|d| d.rel.as_slice()).collect();
        assert_eq!(rels, vec![&b"b"[..]]);
        assert_eq!(sifted.files, 2);
    }
}
