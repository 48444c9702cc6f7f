//! Supporting documents a person attaches to a message (`--attach FILE`,
//! repeatable): a breach notification or supplement, a forwarded
//! data-subject request. Read once, before anything is written or sent;
//! each becomes an attachment of the message under its own file name, with
//! a content type from its extension (a short table: anything else is
//! `application/octet-stream`, which every mail client can save), and its
//! name and SHA-256 go into the record of the sending
//! ([`crate::model::AttachedFile`]) through the outbox.

use crate::render::catalog::{Msg, Told};
use crate::workspace::ReadError;
use std::path::{Path, PathBuf};

use super::Attachment;
use crate::model::AttachedFile;

/// The largest document accepted: mail servers commonly refuse messages
/// over 20–25 MB, and base64 adds a third.
pub const MAX_BYTES: u64 = 15 * 1024 * 1024;

/// Why a document cannot be attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The file could not be read (said as a document to attach: see
    /// [`AttachError::told`]).
    #[error(transparent)]
    Read(ReadError),
    /// Not a regular file, or no usable name.
    #[error("{}", self.told())]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What is wrong (a catalog message id).
        reason: &'static str,
    },
    /// Too large for a mail server.
    #[error("{}", self.told())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// Two documents with the same name.
    #[error("{}", self.told())]
    SameName {
        /// The name.
        name: String,
    },
    /// A document named like a file the message itself carries (its PDF).
    #[error("{}", self.told())]
    NamedLikeOwn {
        /// The name.
        name: String,
    },
}

impl AttachError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        let shown = |p: &Path| p.display().to_string();
        match self {
            AttachError::Read(ReadError { path, .. }) => {
                Told::new(Msg::new("errors-attach-read").arg("path", shown(path)))
            }
            AttachError::NotAFile { path, reason } => Told::new(
                Msg::new("errors-attach-not-a-file")
                    .arg("path", shown(path))
                    .arg("reason", Msg::new(reason)),
            )
            .hint(Msg::new("errors-attach-not-a-file-hint")),
            AttachError::TooLarge { path, size } => Told::new(
                Msg::new("errors-attach-too-large")
                    .arg("path", shown(path))
                    .arg("size", *size)
                    .arg("max", MAX_BYTES),
            )
            .hint(Msg::new("errors-attach-too-large-hint")),
            AttachError::SameName { name } => {
                Told::new(Msg::new("errors-attach-same-name").arg("name", name.as_str()))
                    .hint(Msg::new("errors-attach-same-name-hint"))
            }
            AttachError::NamedLikeOwn { name } => {
                Told::new(Msg::new("errors-attach-named-like-own").arg("name", name.as_str()))
                    .hint(Msg::new("errors-attach-same-name-hint-own"))
            }
        }
    }
}

crate::render::catalog::told_localize!(AttachError);

/// The content type of a file name, by its extension.
fn content_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json" => "application/json",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn one(path: &Path) -> Result<Attachment, AttachError> {
    let not_a_file = |reason| AttachError::NotAFile {
        path: path.to_path_buf(),
        reason,
    };
    let name = path
        .file_name()
        .ok_or_else(|| not_a_file("errors-attach-no-name"))?
        .to_str()
        .ok_or_else(|| not_a_file("errors-attach-not-utf8"))?
        .to_string();
    let read = |source| AttachError::Read(ReadError::at(path)(source));
    let meta = std::fs::metadata(path).map_err(read)?;
    if !meta.is_file() {
        return Err(not_a_file("errors-attach-not-regular"));
    }
    if meta.len() > MAX_BYTES {
        return Err(AttachError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(read)?;
    Ok(Attachment {
        content_type: content_type(&name).to_string(),
        filename: name,
        bytes,
    })
}

/// Reads the documents at `paths`, in order; refuses a missing or
/// unreadable file, a folder, one too large, and two with the same name.
pub fn read(paths: &[PathBuf]) -> Result<Vec<Attachment>, AttachError> {
    let mut out: Vec<Attachment> = Vec::new();
    for p in paths {
        let a = one(p)?;
        if out.iter().any(|o| o.filename == a.filename) {
            return Err(AttachError::SameName { name: a.filename });
        }
        out.push(a);
    }
    Ok(out)
}

/// Refuses a document named like one of `own`, the files the message
/// carries itself (a notice's PDF): the recipient could not tell them
/// apart. Names compare without case, as mail clients and file systems
/// often do.
pub fn refuse_own_names(docs: &[Attachment], own: &[String]) -> Result<(), AttachError> {
    match docs
        .iter()
        .find(|d| own.iter().any(|o| o.eq_ignore_ascii_case(&d.filename)))
    {
        Some(d) => Err(AttachError::NamedLikeOwn {
            name: d.filename.clone(),
        }),
        None => Ok(()),
    }
}

/// The name and SHA-256 of each document, as the record of a sending keeps them.
pub fn recorded(docs: &[Attachment]) -> Vec<AttachedFile> {
    docs.iter()
        .map(|a| AttachedFile {
            name: a.filename.clone(),
            sha256: crate::hashing::sha256_hex(&a.bytes),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_read_with_their_type_and_refused_when_unusable() {
        let dir = std::env::temp_dir().join(format!("dpo-attach-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::write(dir.join("rapport.PDF"), b"%PDF-1.4").unwrap();
        std::fs::write(dir.join("b/rapport.PDF"), b"x").unwrap();
        std::fs::write(dir.join("journal"), b"x").unwrap();
        let docs = read(&[dir.join("rapport.PDF"), dir.join("journal")]).unwrap();
        assert_eq!(docs[0].content_type, "application/pdf");
        assert_eq!(docs[1].content_type, "application/octet-stream");
        assert_eq!(
            recorded(&docs)[0].sha256,
            crate::hashing::sha256_hex(b"%PDF-1.4")
        );
        assert!(matches!(
            read(&[dir.join("rapport.PDF"), dir.join("b/rapport.PDF")]),
            Err(AttachError::SameName { .. })
        ));
        let own = ["Rapport.pdf".to_string()];
        assert!(matches!(
            refuse_own_names(&docs, &own),
            Err(AttachError::NamedLikeOwn { .. })
        ));
        assert!(refuse_own_names(&docs[1..], &own).is_ok());
        assert!(matches!(
            read(&[dir.join("b")]),
            Err(AttachError::NotAFile { .. })
        ));
        assert!(matches!(
            read(&[dir.join("none")]),
            Err(AttachError::Read(_))
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
