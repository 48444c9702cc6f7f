//! Reading a file whole, with the one "could not read FILE" error of the
//! workspace, signing and attachments ([`ReadError`]).

use std::path::{Path, PathBuf};

use crate::render::catalog::{Msg, Told};

/// A file that could not be read, and why. Its `Display` is the English of
/// [`ReadError::told`]; its source is the system's error.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.told())]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// The cause.
    #[source]
    pub source: std::io::Error,
}

impl ReadError {
    /// What the error says, as a catalog message.
    pub fn told(&self) -> Told {
        Told::new(Msg::new("errors-read").arg("path", self.path.display().to_string()))
    }

    /// The error for a failure to read `path` (for `map_err`).
    pub fn at(path: &Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| ReadError {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The bytes of the file `path`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(ReadError::at(path))
}

/// The text of the file `path` (UTF-8).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    std::fs::read_to_string(path).map_err(ReadError::at(path))
}

/// What `read` gave, `None` when the file does not exist: for a file whose
/// absence is allowed (`if_exists(read_bytes(&path))?`).
pub fn if_exists<T>(read: Result<T, ReadError>) -> Result<Option<T>, ReadError> {
    match read {
        Err(e) if e.source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        r => r.map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_none_only_where_absence_is_allowed() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let none = here.join("no such file");
        let e = read_bytes(&none).unwrap_err();
        assert_eq!(e.path, none);
        assert_eq!(e.source.kind(), std::io::ErrorKind::NotFound);
        assert!(e.to_string().contains("no such file"), "{e}");
        assert_eq!(if_exists(read_bytes(&none)).unwrap(), None);
        // A folder is there but is not a file: an error, not "absent".
        assert_eq!(if_exists(read_text(here)).unwrap_err().path, here);
        let manifest = if_exists(read_text(&here.join("Cargo.toml"))).unwrap();
        assert!(manifest.is_some_and(|t| t.contains("dpo-toolkit")));
    }
}
