//! Markdown to PDF: the engine that turns the Markdown our templates write
//! (the Art. 30(2) register, breach notifications, certificates) into a
//! paginated A4 document with an embedded, subset DejaVu Sans.
//!
//! It is responsible for the whole way from text to bytes: parsing the
//! Markdown (pulldown-cmark), breaking lines by measuring the glyphs of the
//! embedded font, placing headings, lists, quotes and tables on pages (a
//! table that runs over a page repeats its header row; `---` starts a new
//! page), the footer with its "page X / Y" label, and writing a PDF that is
//! byte-identical for the same input, so that a signed document can be
//! regenerated and compared.

mod blocks;
mod emit;
mod fonts;
mod layout;

use sha2::{Digest, Sha256};

/// Metadata and page furniture of a PDF document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfMeta {
    /// Document title (PDF `/Title`).
    pub title: String,
    /// Document author (PDF `/Author`).
    pub author: String,
    /// Creation and modification date written in the PDF information
    /// dictionary; passed in (never "now") so that output is deterministic.
    pub created: chrono::DateTime<chrono::FixedOffset>,
    /// Text printed at the bottom left of every page, may be empty;
    /// shortened with "…" when it would run into the page label.
    pub footer_left: String,
    /// Bottom-right label, with placeholders `{page}` and `{pages}`,
    /// e.g. `"page {page} / {pages}"`; may be empty.
    pub page_label: String,
    /// Document language, a tag such as `"fr"` or `"en"` (PDF `/Lang`);
    /// empty for none.
    pub lang: String,
}

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (a broken build, not bad input).
    #[error("embedded font {font} cannot be used: {reason}")]
    Font {
        /// File name under `templates/fonts/`.
        font: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The creation date cannot be written in a PDF.
    #[error("creation date {0} cannot be written in a pdf")]
    Date(String),
    /// The language is not a language tag.
    #[error("document language {0:?} is not a language tag such as \"fr\" or \"en\"")]
    Language(String),
    /// printpdf or lopdf reported an error while writing the document.
    #[error("pdf serialisation failed: {0}")]
    Printpdf(String),
}

impl From<fonts::FontLoadError> for PdfError {
    fn from(e: fonts::FontLoadError) -> Self {
        PdfError::Font {
            font: e.font,
            reason: e.reason,
        }
    }
}

/// Renders `markdown` as an A4 PDF document.
///
/// Supported: headings 1–4, paragraphs with bold, italic and inline code,
/// line breaks, bullet and numbered lists, links (text, then the address in
/// parentheses), GFM tables, block quotes, code blocks, and `---`, which
/// starts a new page. HTML is ignored, except `<br>`, which breaks the line.
/// The same input and `meta` always give the same bytes.
pub fn markdown_to_pdf(markdown: &str, meta: &PdfMeta) -> Result<Vec<u8>, PdfError> {
    if !is_language_tag(&meta.lang) {
        return Err(PdfError::Language(meta.lang.clone()));
    }
    let fonts = fonts::fonts()?;
    let blocks = blocks::parse(markdown, fonts);
    let mut pages = layout::layout(&blocks, fonts);
    layout::add_footers(&mut pages, fonts, &meta.footer_left, &meta.page_label);
    emit::write_pdf(&pages, fonts, meta, &document_id(markdown, meta))
}

/// Empty, or letters, digits and hyphens as in `fr`, `en-GB` (BCP 47 shape).
fn is_language_tag(lang: &str) -> bool {
    lang.is_empty()
        || (lang.len() <= 35
            && lang.split('-').all(|part| {
                !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
            })
            && lang.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
}

/// The PDF file identifier: a digest of everything the output depends on,
/// so it is stable for the same input and different between documents.
fn document_id(markdown: &str, meta: &PdfMeta) -> [u8; 16] {
    let mut h = Sha256::new();
    for part in [
        markdown,
        &meta.title,
        &meta.author,
        &meta.created.to_rfc3339(),
        &meta.footer_left,
        &meta.page_label,
        &meta.lang,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> PdfMeta {
        PdfMeta {
            title: "Registre des activités de traitement".to_string(),
            author: "DPO — EPT Grand-Orly Seine Bièvre".to_string(),
            created: chrono::DateTime::parse_from_rfc3339("2025-03-26T10:00:00+01:00")
                .expect("valid test date"),
            footer_left: "Registre des activités de traitement — EPT Grand-Orly Seine Bièvre"
                .to_string(),
            page_label: "page {page} / {pages}".to_string(),
            lang: "fr".to_string(),
        }
    }

    #[test]
    fn a_small_document_renders() {
        let pdf = markdown_to_pdf("# Titre\n\nDonnées à caractère personnel.", &meta())
            .expect("renders");
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
