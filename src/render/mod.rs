//! Rendering: templates to Markdown and text, Markdown to PDF, and CSV;
//! [`words`], the one place that words dates, instants and durations;
//! [`signature`], the one signature block of the documents that commit the
//! processor; and [`typography`], the one place that typesets a document's
//! text (no-break spaces, French punctuation), applied to every document and
//! e-mail.
//!
//! The wording of every document lives in `templates/` (minijinja); this module
//! only turns it into bytes. [`OutputError`] says why a document, or another
//! file a command produces, could not be made or written.

pub mod catalog;
pub mod csv;
pub mod pdf;
pub mod said;
pub mod signature;
pub mod templates;
pub mod typography;
pub mod words;

use catalog::{Msg, Told};
use std::path::{Path, PathBuf};

pub use templates::{escape_markdown, Templates};

/// A document or another file a command produces could not be made or
/// written: the causes the certificate and the audit pack share.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A template failed.
    #[error(transparent)]
    Template(#[from] templates::TemplateError),
    /// A PDF could not be made.
    #[error("{}", self.told())]
    Pdf {
        /// The file it was for, when it has a name yet.
        file: Option<String>,
        /// Why.
        #[source]
        source: pdf::PdfError,
    },
    /// Writing a file (a document, a signature, a pack) failed.
    #[error("{}", self.told())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl OutputError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            OutputError::Template(e) => e.told(),
            OutputError::Pdf { file, .. } => Told::new(match file {
                Some(f) => Msg::new("errors-pdf-named").arg("file", f.as_str()),
                None => Msg::new("errors-pdf"),
            }),
            OutputError::Write { path, .. } => {
                Told::new(Msg::new("errors-write").arg("path", path.display().to_string()))
            }
        }
    }
}

crate::render::catalog::told_localize!(OutputError);

impl OutputError {
    /// Writing `path` failed with `e`.
    pub fn write(path: &Path, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Write {
            path: path.to_path_buf(),
            source: e.into(),
        }
    }
}

impl From<pdf::PdfError> for OutputError {
    fn from(source: pdf::PdfError) -> Self {
        Self::Pdf { file: None, source }
    }
}
