//! Markdown to PDF: the engine that turns the Markdown our templates write
//! (the Art. 30(2) register, breach notifications, certificates) into a
//! paginated A4 document with an embedded, subset DejaVu Sans.
//!
//! It is responsible for the whole way from text to bytes: typesetting the
//! text in its language (`typography`), parsing the Markdown
//! (pulldown-cmark), breaking lines by measuring the glyphs of the
//! embedded font, placing headings, lists, quotes and tables on pages (a
//! table that runs over a page repeats its header row; a table too wide for
//! a portrait page goes on landscape ones; `---` starts a new page), the
//! footer with its "page X / Y" label, and writing a PDF that is
//! byte-identical for the same input, so that a signed document can be
//! regenerated and compared.

mod blocks;
mod emit;
mod fonts;
mod layout;

use super::catalog::{Msg, Told};
use super::{typography, Templates};
use crate::model::{Lang, Processor};
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

impl PdfMeta {
    /// The metadata of a document in the language of `t`, numbered with its
    /// page label.
    pub fn new(
        t: &Templates,
        title: String,
        author: &str,
        created: chrono::DateTime<chrono::FixedOffset>,
        footer_left: String,
    ) -> Self {
        Self {
            title,
            author: author.to_string(),
            created,
            footer_left,
            page_label: t.strings().get("page_label").to_string(),
            lang: t.lang().code().to_string(),
        }
    }

    /// The metadata of a document about record `id` of `processor`: its
    /// footer is the string `footer_key`, with `{id}` and `{processor}`.
    pub fn of_record(
        t: &Templates,
        processor: &Processor,
        (footer_key, id): (&str, &str),
        title: String,
        created: chrono::DateTime<chrono::FixedOffset>,
    ) -> Self {
        let footer = t
            .strings()
            .get(footer_key)
            .replace("{id}", id)
            .replace("{processor}", processor.display_name());
        Self::new(t, title, &processor.name, created, footer)
    }
}

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (a broken build, not bad input).
    #[error("{}", self.told())]
    Font {
        /// File name under `templates/fonts/`.
        font: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The creation date cannot be written in a PDF.
    #[error("{}", self.told())]
    Date(String),
    /// The language is not a language tag.
    #[error("{}", self.told())]
    Language(String),
    /// printpdf or lopdf reported an error while writing the document.
    #[error("{}", self.told())]
    Printpdf(String),
}

impl PdfError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        Told::new(match self {
            PdfError::Font { font, reason } => Msg::new("errors-pdf-font")
                .arg("font", *font)
                .arg("reason", *reason),
            PdfError::Date(d) => Msg::new("errors-pdf-date").arg("date", d.as_str()),
            PdfError::Language(l) => Msg::new("errors-pdf-language").arg("lang", format!("{l:?}")),
            PdfError::Printpdf(e) => Msg::new("errors-pdf-serialise").arg("detail", e.as_str()),
        })
    }
}

crate::render::catalog::told_localize!(PdfError);

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
    // Every PDF gets the typography of its language, whether its Markdown
    // came from a template or was built in code (the audit pack's tables).
    let lang = match meta.lang.as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    };
    let typeset = |s: &str| lang.map_or_else(|| s.to_string(), |l| typography::apply(l, s));
    let blocks = blocks::parse(&typeset(markdown), fonts);
    let hyph = lang.map(|l| match l {
        Lang::Fr => hypher::Lang::French,
        Lang::En => hypher::Lang::English,
    });
    let mut pages = layout::layout(&blocks, fonts, hyph);
    layout::add_footers(
        &mut pages,
        fonts,
        &typeset(&meta.footer_left),
        &meta.page_label,
    );
    emit::write_pdf(&pages, fonts, meta, &document_id(markdown, meta))
}

/// Empty, or letters, digits and hyphens as in `fr`, `en-GB` (BCP 47 shape).
fn is_language_tag(lang: &str) -> bool {
    lang.is_empty()
        || (lang.len() <= 35
            && lang.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
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
    use super::layout::{Item, Page, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W};
    const BODY_BOTTOM: f32 = PAGE_H - 22.0 * super::layout::MM;
    const FOOTER_BASELINE: f32 = PAGE_H - 12.0 * super::layout::MM;
    use super::*;
    use std::io::Write;
    use std::process::Command;

    const FRENCH: &str = "Données à caractère personnel — œuvre, €, Grand-Orly Seine Bièvre, \
                          Juvisy-sur-Orge, « guillemets », l'EPT, DPO@grandorlyseinebievre.fr";

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

    fn render(markdown: &str) -> Vec<u8> {
        markdown_to_pdf(markdown, &meta()).expect("the document renders")
    }

    /// Runs a poppler tool (`pdftotext`, `pdffonts`…) on `pdf`, with `args`
    /// before the file name and `tail` after it.
    fn poppler(tool: &str, pdf: &[u8], args: &[&str], tail: &[&str]) -> String {
        let mut file = tempfile::Builder::new()
            .suffix(".pdf")
            .tempfile()
            .expect("temporary file");
        file.write_all(pdf).expect("write the pdf");
        let out = Command::new(tool)
            .args(args)
            .arg(file.path())
            .args(tail)
            .output()
            .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install -y poppler-utils): {e}"));
        assert!(
            out.status.success(),
            "{tool} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// The text of the whole document, or of page `page` (1-based).
    fn text(pdf: &[u8], page: Option<usize>) -> String {
        match page {
            Some(n) => {
                let n = n.to_string();
                poppler("pdftotext", pdf, &["-f", &n, "-l", &n], &["-"])
            }
            None => poppler("pdftotext", pdf, &[], &["-"]),
        }
    }

    /// Page count as poppler sees it.
    fn page_count(pdf: &[u8]) -> usize {
        let info = poppler("pdfinfo", pdf, &[], &[]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo prints the page count")
    }

    /// Collapses every run of whitespace into one space.
    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn lay_out(markdown: &str) -> Vec<Page> {
        let fonts = fonts::fonts().expect("fonts load");
        layout::layout(
            &blocks::parse(markdown, fonts),
            fonts,
            Some(hypher::Lang::French),
        )
    }

    /// The texts of a page, in order.
    fn texts(page: &Page) -> Vec<String> {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_hash_gets_its_column_and_a_word_broken_between_characters_is_marked() {
        let hash = "c95c52ba9c57d9f22d72f9064622416a2e69d10897c809fe4446ffdaac619274";
        assert!(layout::is_hex_code(&format!("({hash})")));
        assert!(!layout::is_hex_code("2021-001") && !layout::is_hex_code("deadbeef"));
        let md = format!(
            "| champ | valeur |\n|---|---|\n| transmission — empreinte SHA-256 | {hash} |\n"
        );
        let pages = lay_out(&md);
        assert!(texts(&pages[0]).iter().any(|t| t == hash), "{pages:?}");
        // A Message-ID longer than its line ends each broken line with the mark.
        let id = format!("{}.{}", "a".repeat(60), "b".repeat(60));
        let pages = lay_out(&format!("{id}\n"));
        let lines = texts(&pages[0]);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(layout::CONTINUED), "{lines:?}");
        }
        let joined: String = lines.concat().replace(layout::CONTINUED, "");
        assert_eq!(joined, id);
    }

    #[test]
    fn a_code_block_that_fits_on_a_page_is_not_split() {
        // Whatever text comes before it, the command's three lines share a page.
        for filler in 20..120 {
            let mut md = String::new();
            for i in 0..filler {
                md.push_str(&format!("Paragraphe {i}.\n\n"));
            }
            md.push_str(
                "```\nssh-keygen -Y verify -f allowed_signers \\\n  -I x -n y \\\n  -s a.sig < a\n```\n",
            );
            let pages = lay_out(&md);
            let page = pages
                .iter()
                .find(|p| texts(p).iter().any(|t| t.starts_with("ssh-keygen")))
                .expect("the command");
            assert!(
                texts(page).iter().any(|t| t.contains("-s a.sig")),
                "filler {filler}: {pages:?}"
            );
        }
    }

    #[test]
    fn a_short_italic_phrase_is_never_split() {
        let fonts = fonts::fonts().expect("fonts load");
        let blocks = blocks::parse("début : *à compléter* ; fin : *à compléter*\n", fonts);
        let debug = format!("{blocks:?}");
        assert!(
            debug.contains("à\u{a0}compléter") || debug.contains("à\\u{a0}compléter"),
            "{debug}"
        );
    }

    #[test]
    fn a_date_in_words_is_one_unit() {
        let fonts = fonts::fonts().expect("fonts load");
        let text = "le 15 septembre 2020, le 1er mars et 3 June 2021 ; 12 pommes\n";
        let debug = format!("{:?}", blocks::parse(text, fonts)).replace("\\u{a0}", "\u{a0}");
        for date in [
            "15\u{a0}septembre\u{a0}2020",
            "1er\u{a0}mars et",
            "3\u{a0}June\u{a0}2021",
        ] {
            assert!(debug.contains(date), "{date}: {debug}");
        }
        assert!(debug.contains("12 pommes"), "{debug}");
    }

    #[test]
    fn a_short_phrase_between_guillemets_is_never_split_a_long_one_may_be() {
        let fonts = fonts::fonts().expect("fonts load");
        let text = "| a | b |\n|---|---|\n| « à compléter » | « une citation bien plus longue que cela » |\n";
        let debug = format!("{:?}", blocks::parse(text, fonts));
        assert!(
            debug.contains("à\u{a0}compléter") || debug.contains("à\\u{a0}compléter"),
            "{debug}"
        );
        assert!(debug.contains("une citation bien"), "{debug}");
        let english = "| a |\n|---|\n| \"to be completed\" |\n";
        let debug = format!("{:?}", blocks::parse(english, fonts)).replace("\\u{a0}", "\u{a0}");
        assert!(debug.contains("to\u{a0}be\u{a0}completed"), "{debug}");
    }

    /// Every piece of text lies inside the margins, above the footer zone
    /// (except the footer), and inside the table cell it starts in.
    fn assert_nothing_overflows(pages: &[Page]) {
        let fonts = fonts::fonts().expect("fonts load");
        for (n, page) in pages.iter().enumerate() {
            let cells: Vec<(f32, f32, f32, f32)> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Stroke { x, y, w, h } => Some((*x, *y, *w, *h)),
                    _ => None,
                })
                .collect();
            for item in &page.items {
                let Item::Text {
                    face,
                    size,
                    x,
                    y,
                    text,
                    ..
                } = item
                else {
                    continue;
                };
                let w = fonts.text_width(*face, text, *size);
                let page_no = n + 1;
                assert!(
                    *x >= MARGIN_X - 0.01 && x + w <= PAGE_W - MARGIN_X + 0.01,
                    "page {page_no}: {text:?} at x={x} width {w} leaves the margins"
                );
                // The footer's lines sit between the body and its baseline.
                if *y <= BODY_BOTTOM || *y > FOOTER_BASELINE + 0.01 {
                    assert!(
                        *y <= BODY_BOTTOM && *y - 0.93 * size >= MARGIN_TOP - 0.01,
                        "page {page_no}: {text:?} at y={y} leaves the body area"
                    );
                }
                for (cx, cy, cw, ch) in &cells {
                    if *y > *cy && *y < cy + ch && *x >= *cx && *x < cx + cw {
                        assert!(
                            x + w <= cx + cw + 0.01,
                            "page {page_no}: {text:?} overflows its cell ({x}+{w} > {cx}+{cw})"
                        );
                    }
                }
            }
        }
    }

    fn table(rows: usize, cell: impl Fn(usize, usize) -> String) -> String {
        let mut md = String::from(
            "| Catégorie | Données traitées | Durée de conservation | Destinataires |\n\
             |---|---|---|---|\n",
        );
        for r in 0..rows {
            md.push('|');
            for c in 0..4 {
                md.push_str(&format!(" {} |", cell(r, c)));
            }
            md.push('\n');
        }
        md
    }

    #[test]
    fn french_text_round_trips_through_pdftotext() {
        let pdf = render(&format!(
            "# {FRENCH}\n\n{FRENCH}\n\n| {FRENCH} |\n|---|\n| **{FRENCH}** |\n"
        ));
        let got = squash(&text(&pdf, None));
        assert_eq!(got.matches(FRENCH).count(), 4, "pdftotext gave: {got}");
    }

    #[test]
    fn the_same_input_gives_byte_identical_output() {
        let md = format!(
            "# Titre\n\n{FRENCH}\n\n---\n\n{}",
            table(60, |r, c| format!("{r}-{c}"))
        );
        let first = render(&md);
        let second = render(&md);
        assert!(first == second, "two renderings differ");
        let other = render(&format!("{md}\nUne ligne de plus."));
        assert_ne!(first, other);
    }

    #[test]
    fn the_file_identifier_differs_between_documents() {
        let id = |pdf: &[u8]| {
            let s = String::from_utf8_lossy(pdf).to_string();
            let at = s.rfind("/ID").expect("trailer has an /ID");
            s[at..at + 40].to_string()
        };
        assert_ne!(id(&render("Un.")), id(&render("Deux.")));
    }

    #[test]
    fn a_table_longer_than_a_page_repeats_its_header_on_every_page() {
        let md = format!(
            "# Registre\n\n{}",
            table(300, |r, c| format!(
                "Ligne {r} colonne {c} : hébergement et sauvegarde"
            ))
        );
        let pdf = render(&md);
        let pages = page_count(&pdf);
        assert!(
            pages >= 3,
            "300 rows should need several pages, got {pages}"
        );
        for n in 1..=pages {
            let page = squash(&text(&pdf, Some(n)));
            for header in ["Catégorie", "Données traitées", "Durée de conservation"] {
                assert!(
                    page.contains(header),
                    "page {n} lacks header {header:?}: {page}"
                );
            }
        }
        let first = squash(&text(&pdf, Some(1)));
        let last = squash(&text(&pdf, Some(pages)));
        assert!(first.contains(&format!("page 1 / {pages}")), "{first}");
        assert!(last.contains(&format!("page {pages} / {pages}")), "{last}");
        assert!(
            last.contains("Ligne 299 colonne 3"),
            "the last row is on the last page"
        );
        assert_nothing_overflows(&lay_out(&md));
    }

    #[test]
    fn every_row_of_a_long_table_is_rendered_once() {
        let md = table(300, |r, c| format!("r{r}c{c}"));
        let got = text(&render(&md), None);
        for r in 0..300 {
            let cell = format!("r{r}c0");
            assert_eq!(
                got.split_whitespace().filter(|w| *w == cell).count(),
                1,
                "{cell}"
            );
        }
    }

    #[test]
    fn a_thematic_break_starts_a_new_page() {
        let pdf =
            render("# Titre\n\nPage de garde.\n\n---\n\n## Partie 1\n\nTexte.\n\n---\n\nFin.");
        assert_eq!(page_count(&pdf), 3);
        assert!(text(&pdf, Some(1)).contains("Page de garde."));
        assert!(text(&pdf, Some(2)).contains("Partie 1"));
        assert!(text(&pdf, Some(3)).contains("Fin."));
    }

    #[test]
    fn a_thematic_break_on_an_empty_page_adds_no_blank_page() {
        let pdf = render("---\n\nDébut.\n\n---\n\n---\n\nSuite.\n\n---\n");
        assert_eq!(page_count(&pdf), 2);
    }

    #[test]
    fn a_5000_character_word_does_not_overflow_a_paragraph_or_a_cell() {
        let word: String = "0123456789abcdef".chars().cycle().take(5000).collect();
        let md = format!(
            "Avant {word} après.\n\n| Empreinte | Note |\n|---|---|\n| {word} | courte |\n"
        );
        // No footer: its page numbers would mix with the hexadecimal digits.
        let pdf = markdown_to_pdf(
            &md,
            &PdfMeta {
                footer_left: String::new(),
                page_label: String::new(),
                ..meta()
            },
        )
        .expect("renders");
        assert!(page_count(&pdf) >= 2, "the cell runs over a page");
        // Each line broken between characters ends with the visible mark.
        let hex: String = text(&pdf, None)
            .replace(layout::CONTINUED, "")
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        assert_eq!(hex, format!("{word}{word}"), "both copies come back whole");
        assert_nothing_overflows(&lay_out(&md));
    }

    #[test]
    fn a_table_row_taller_than_a_page_is_split_across_pages() {
        let long: String = (0..1500).map(|i| format!("mot{i} ")).collect();
        let md = format!("| Titre | Texte |\n|---|---|\n| court | {long} |\n| après | fin |\n");
        let pdf = render(&md);
        let pages = page_count(&pdf);
        assert!(pages >= 2, "the row needs more than a page");
        let got = text(&pdf, None);
        for i in [0, 700, 1499] {
            assert!(got.contains(&format!("mot{i}")), "mot{i} is missing");
        }
        for n in 1..=pages {
            assert!(
                text(&pdf, Some(n)).contains("Titre"),
                "page {n} repeats the header"
            );
        }
        assert_nothing_overflows(&lay_out(&md));
    }

    #[test]
    fn empty_markdown_gives_a_valid_one_page_pdf() {
        let pdf = render("");
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_count(&pdf), 1);
        assert!(squash(&text(&pdf, None)).contains("page 1 / 1"));
        let bare = markdown_to_pdf(
            "",
            &PdfMeta {
                footer_left: String::new(),
                page_label: String::new(),
                ..meta()
            },
        )
        .expect("renders without any text at all");
        assert_eq!(page_count(&bare), 1);
    }

    /// `filler` one-line paragraphs, then `tail`.
    fn after_lines(filler: usize, tail: &str) -> String {
        let mut md: String = (0..filler).map(|i| format!("Ligne {i}.\n\n")).collect();
        md.push_str(tail);
        md
    }

    #[test]
    fn a_heading_is_never_left_alone_at_the_bottom_of_a_page() {
        let tails = [
            "## Titre de section\n\nPremière ligne.\n\nDeuxième ligne.\n\nTroisième.\n",
            "## Titre de section\n\n| A | B |\n|---|---|\n| un | deux |\n| trois | quatre |\n",
            "## Partie\n\n### Sous-partie\n\nUne ligne.\n\nUne autre.\n",
        ];
        for tail in tails {
            for filler in 25..45 {
                let md = after_lines(filler, tail);
                for page in &lay_out(&md) {
                    let baselines: Vec<(f32, f32)> = page
                        .items
                        .iter()
                        .filter_map(|i| match i {
                            Item::Text { size, y, .. } => Some((*size, *y)),
                            _ => None,
                        })
                        .collect();
                    for (size, y) in &baselines {
                        if *size > 10.0 {
                            let mut after: Vec<f32> = baselines
                                .iter()
                                .filter(|(s, y2)| *s <= 10.0 && y2 > y)
                                .map(|(_, y2)| *y2)
                                .collect();
                            after.sort_by(f32::total_cmp);
                            after.dedup_by(|a, b| (*a - *b).abs() < 0.01);
                            let after = after.len();
                            assert!(
                                after >= 2,
                                "filler {filler}, {tail:?}: {after} lines follow"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_keeps_with_its_code_block_or_list() {
        let tails = [
            (
                "Dans le dossier, exécutez\u{202F}:",
                "```\nsha256sum -c SHA256SUMS\nb3sum -c B3SUMS\n```\n",
                "exécutez",
                "sha256sum",
            ),
            (
                "Les étapes suivantes\u{202F}:",
                "- première étape\n- deuxième étape\n",
                "suivantes",
                "première",
            ),
            (
                "1. Un.\n2. Deux.\n3. Dans le dossier, exécutez\u{202F}:",
                "   ```\n   sha256sum -c SHA256SUMS\n   ```\n",
                "exécutez",
                "sha256sum",
            ),
        ];
        for (intro, follows, intro_word, word) in tails {
            for filler in 30..50 {
                let md = after_lines(filler, &format!("{intro}\n\n{follows}"));
                let pages = lay_out(&md);
                assert_eq!(
                    page_of(&pages, intro_word),
                    page_of(&pages, word),
                    "filler {filler}: {intro:?}"
                );
            }
        }
    }

    #[test]
    fn a_short_last_section_such_as_a_signature_block_is_never_split() {
        let tail = "## Signature\n\nFait à Vitry-sur-Seine, le 2 août 2021.\n\n\
                    Pour l'établissement public territorial, sous-traitant :\n\n\
                    **Gérald Petiot**, délégué à la protection des données\n\n\
                    Signature :\n";
        for filler in 25..50 {
            let md = after_lines(filler, tail);
            let pages = lay_out(&md);
            let texts = |p: &Page| -> String {
                p.items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let last = texts(pages.last().expect("a page"));
            assert!(
                last.contains("Signature") && last.contains("Fait") && last.contains("Signature :"),
                "filler {filler}: the last page holds {last:?}"
            );
        }
    }

    #[test]
    fn a_signature_block_keeps_the_last_lines_of_the_paragraph_before_it() {
        let signature = "## Signature\n\nFait à Vitry-sur-Seine, le 2 août 2021.\n\n\
                         - **Nom du signataire** : à compléter\n\
                         - **Qualité** : délégué à la protection des données\n";
        let long = format!(
            "Début du paragraphe, {}fin.",
            "suite du texte établi par le sous-traitant, ".repeat(20)
        );
        for paragraph in ["Document établi le 26 mars 2021.", long.as_str()] {
            for filler in 25..60 {
                let md = after_lines(filler, &format!("{paragraph}\n\n{signature}"));
                let pages = lay_out(&md);
                let last = texts(pages.last().expect("a page")).join(" ");
                assert!(last.contains("Signature"), "filler {filler}: {last:?}");
                // Never alone: text of the paragraph before it is on its page.
                assert!(
                    last.contains("Document") || last.contains("suite"),
                    "filler {filler}: the signature alone on its page: {last:?}"
                );
                // A long paragraph is split, not moved whole: its last two
                // lines go over with the signature.
                if paragraph.starts_with("Début") && pages.len() > 1 {
                    let before = texts(&pages[pages.len() - 2]).join(" ");
                    if before.contains("Début") {
                        let page = pages.last().expect("a page");
                        let heading = page
                            .items
                            .iter()
                            .find_map(|i| match i {
                                Item::Text { text, y, .. } if text == "Signature" => Some(*y),
                                _ => None,
                            })
                            .expect("the heading");
                        let mut above: Vec<f32> = page
                            .items
                            .iter()
                            .filter_map(|i| match i {
                                Item::Text { y, .. } if *y < heading => Some(*y),
                                _ => None,
                            })
                            .collect();
                        above.dedup_by(|a, b| (*a - *b).abs() < 0.01);
                        // Two lines go over with it; more only when the
                        // page before is full.
                        let full = pages[pages.len() - 2].items.iter().any(|i| {
                            matches!(i, Item::Text { size, y, .. }
                                if *size == 10.0 && *y > BODY_BOTTOM - 2.0 * 13.5)
                        });
                        assert!(
                            above.len() == 2 || (above.len() > 2 && full),
                            "filler {filler}: {} lines over: {last:?}",
                            above.len()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_table_whose_words_fit_whole_stays_portrait_beside_a_hash() {
        // A timeline: long dates and events beside a SHA-256 (never broken).
        let hash = "7eba205f4af72a6d13ab7621f63ee1dd68f631738c04f23cbfd5bd111ef6f11f";
        let mut md =
            String::from("## Chronologie\n\n| Date | Événement | Détail |\n|---|---|---|\n");
        for _ in 0..4 {
            md.push_str(&format!(
                "| vendredi 26 mars 2021 à 11:00 (UTC+01:00) | Notification par courriel — \
                 Commune de Juvisy-sur-Orge | rgpd@juvisy.example — SHA-256 {hash} |\n"
            ));
        }
        let pages = lay_out(&md);
        assert_eq!(pages.len(), 1);
        assert!(!pages[0].landscape, "the table went landscape");
        assert!(
            texts(&pages[0]).iter().any(|t| t.contains(hash)),
            "the hash is cut"
        );
    }

    /// A table of five columns of words too long for portrait columns, not
    /// for landscape ones, with `rows` rows.
    fn wide_table(rows: usize) -> String {
        let word = "anticonstitutionnellement";
        let row = format!("| {word} | {word} | {word} | {word} | {word} |\n");
        format!(
            "| A | B | C | D | E |\n|---|---|---|---|---|\n{}",
            row.repeat(rows)
        )
    }

    /// The index of the first page with a text containing `word`.
    fn page_of(pages: &[Page], word: &str) -> usize {
        pages
            .iter()
            .position(|p| texts(p).iter().any(|t| t.contains(word)))
            .expect("placed")
    }

    #[test]
    fn text_after_a_landscape_table_fills_its_page_and_its_intro_list_stays_behind() {
        let md = format!(
            "Un paragraphe.\n\n- un élément de liste\n- un autre élément\n\n## Tableau large\n\n\
             {}\nUne phrase après le tableau.\n\n## Signature\n\nFait à Vitry.\n",
            wide_table(3)
        );
        let pages = lay_out(&md);
        let on = |word: &str| page_of(&pages, word);
        assert_eq!(
            pages.len(),
            2,
            "{:?}",
            pages.iter().map(texts).collect::<Vec<_>>()
        );
        // The list ends the portrait page; the heading goes with its table.
        assert_eq!(on("élément"), 0);
        assert!(!pages[0].landscape && pages[1].landscape);
        assert_eq!(on("Tableau"), 1);
        // What follows fits on the landscape page: it is not sent overleaf.
        assert_eq!(on("après"), 1);
        assert_eq!(on("Vitry"), 1);
    }

    #[test]
    fn a_heading_after_a_landscape_table_goes_with_the_portrait_table_it_leads_to() {
        let md = format!(
            "{}\n## Mesures de sécurité\n\n| N° | Mesure |\n|---|---|\n| 4.1 | Serveurs |\n",
            wide_table(1)
        );
        let pages = lay_out(&md);
        let on = |w: &str| page_of(&pages, w);
        assert!(pages[0].landscape);
        assert_eq!(on("Mesures"), on("Serveurs"));
        assert!(!pages[on("Serveurs")].landscape);
    }

    #[test]
    fn a_heading_and_its_short_intro_stay_with_the_start_of_their_table() {
        let tail = "### Empreintes\n\nLe SHA-256 de chaque fichier, relevé avant destruction, \
                    au format de sha256sum ; les recherches résiduelles comparent chaque fichier \
                    relu à ces empreintes.\n\n| Rubrique | Valeur |\n|---|---|\n| Relevée | un |\n\
                    | Fichiers | deux |\n";
        for filler in 30..50 {
            let md = after_lines(filler, tail);
            let pages = lay_out(&md);
            let on = |word: &str| {
                pages.iter().position(|p| {
                    p.items
                        .iter()
                        .any(|i| matches!(i, Item::Text { text, .. } if text.contains(word)))
                })
            };
            assert_eq!(on("Empreintes"), on("Relevée"), "filler {filler}");
            assert_eq!(on("relu"), on("Relevée"), "filler {filler}");
        }
    }

    #[test]
    fn a_long_path_breaks_after_a_slash_never_inside_a_file_name() {
        let path = "evidence/fate/juvisy-sur-orge/sauvegardes/archives-anciennes/\
                    exports-mensuels/fingerprint-20210802T080000Z.sha256";
        let md =
            format!("| Rubrique | Valeur |\n|---|---|\n| Manifeste du sous-traitant | {path} |\n");
        let pdf = render(&md);
        let t = text(&pdf, None);
        let pieces: Vec<&str> = t
            .lines()
            .filter_map(|l| l.split_whitespace().last())
            .filter(|l| l.starts_with("evidence") || l.starts_with("exports") || l.contains(".sha"))
            .collect();
        assert!(pieces.len() >= 2, "{t}");
        assert_eq!(pieces.concat(), path, "{t}");
        for p in &pieces[..pieces.len() - 1] {
            assert!(p.ends_with('/'), "{p:?} in {pieces:?}");
        }
    }

    #[test]
    fn bold_uses_the_bold_face_and_fonts_are_embedded_as_subsets() {
        let pdf = render("Texte **gras** et *italique*.");
        let fonts = poppler("pdffonts", &pdf, &[], &[]);
        assert!(fonts.contains("DejaVuSans-Bold"), "{fonts}");
        assert!(fonts.contains("DejaVuSans-Oblique"), "{fonts}");
        for line in fonts.lines().filter(|l| l.contains("DejaVu")) {
            // name, type…, emb sub uni: the subset tag and "yes yes yes".
            assert!(line.contains('+'), "not subset: {line}");
            assert!(
                line.contains("yes yes yes"),
                "not embedded with a unicode map: {line}"
            );
        }
    }

    #[test]
    fn a_two_page_document_is_small() {
        let pdf = render(&format!("# Titre\n\n{FRENCH}\n\n---\n\n**{FRENCH}**\n"));
        assert_eq!(page_count(&pdf), 2);
        assert!(pdf.len() < 80_000, "{} bytes", pdf.len());
    }

    #[test]
    fn links_escapes_and_html_come_out_as_text() {
        let pdf = render(
            "Voir [le site](https://example.org), écrire à <dpo@example.org>, \
             \\| \\* \\_ littéraux, <span>balise</span> ignorée.\n\n<div>\nbloc html\n</div>\n",
        );
        let got = squash(&text(&pdf, None));
        assert!(got.contains("le site (https://example.org)"), "{got}");
        assert!(got.contains("écrire à dpo@example.org,"), "{got}");
        assert!(!got.contains("mailto"), "{got}");
        assert!(got.contains("| * _ littéraux"), "{got}");
        assert!(got.contains("balise ignorée"), "{got}");
        assert!(
            !got.contains("bloc html") && !got.contains("<div>"),
            "{got}"
        );
    }

    #[test]
    fn lists_quotes_and_code_keep_their_text() {
        let md = "- un\n- deux\n  - deux bis\n\n1. premier\n2. second\n\n> cité\n\n```\nlet x = 1;\n```\n";
        let got = squash(&text(&render(md), None));
        for want in [
            "• un",
            "• deux",
            "– deux bis",
            "1. premier",
            "2. second",
            "cité",
            "let x = 1;",
        ] {
            assert!(got.contains(want), "{want:?} missing from {got}");
        }
        assert_nothing_overflows(&lay_out(md));
    }

    #[test]
    fn a_footer_too_long_for_one_line_wraps_whole_within_the_page() {
        let footer = "Certificat de destruction et de restitution — Établissement public territorial Grand-Orly Seine Bièvre pour la commune de Juvisy-sur-Orge";
        let pdf = markdown_to_pdf(
            "Texte.",
            &PdfMeta {
                footer_left: footer.into(),
                ..meta()
            },
        )
        .expect("renders");
        let got = squash(&text(&pdf, None));
        assert!(!got.contains('…'), "{got}");
        assert!(got.contains("pour la commune de Juvisy-sur-Orge"), "{got}");
        let fonts = fonts::fonts().expect("fonts load");
        let mut pages = lay_out("Texte.");
        layout::add_footers(&mut pages, fonts, footer, "page {page} / {pages}");
        assert_nothing_overflows(&pages);
    }

    #[test]
    fn a_footer_longer_than_two_lines_is_shortened_with_an_ellipsis() {
        let long = "Registre des activités de traitement ".repeat(8);
        let pdf = markdown_to_pdf(
            "Texte.",
            &PdfMeta {
                footer_left: long,
                ..meta()
            },
        )
        .expect("renders");
        let got = squash(&text(&pdf, None));
        assert!(got.contains("…"), "{got}");
        assert!(got.contains("page 1 / 1"), "{got}");
        let fonts = fonts::fonts().expect("fonts load");
        let mut pages = lay_out("Texte.");
        layout::add_footers(
            &mut pages,
            fonts,
            &"mot ".repeat(200),
            "page {page} / {pages}",
        );
        assert_nothing_overflows(&pages);
    }

    #[test]
    fn a_table_with_many_columns_still_fits_the_page() {
        let mut md = String::from("|");
        md.push_str(&" en-tête |".repeat(40));
        md.push_str("\n|");
        md.push_str(&"---|".repeat(40));
        md.push_str("\n|");
        md.push_str(&" contenu-assez-long |".repeat(40));
        md.push('\n');
        assert_nothing_overflows(&lay_out(&md));
        render(&md);
    }

    #[test]
    fn a_character_missing_from_the_font_becomes_a_visible_replacement() {
        let got = squash(&text(&render("Avant 🙂 après\u{0007}."), None));
        assert!(got.contains("Avant \u{FFFD} après."), "{got}");
    }

    #[test]
    fn a_language_that_is_not_a_tag_is_refused() {
        let err = markdown_to_pdf(
            "x",
            &PdfMeta {
                lang: "fr; DROP".to_string(),
                ..meta()
            },
        )
        .expect_err("refused");
        assert!(matches!(err, PdfError::Language(_)));
        assert!(err.to_string().starts_with("document language"));
    }

    /// Timing for a register of 10 controllers × 1000 processing categories
    /// (10 000 rows of 4 cells of about 80 characters). Run it in release:
    /// `cargo test --release --lib render::pdf -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing; run in release with --ignored --nocapture"]
    fn a_register_of_10_000_rows_renders_quickly() {
        let mut md = String::from("# Registre des activités de traitement\n\n");
        for controller in 0..10 {
            md.push_str(&format!(
                "---\n\n## Responsable de traitement n° {controller}\n\n"
            ));
            md.push_str(&table(1000, |r, c| {
                format!(
                    "Traitement {r}.{c} : données d'identification, coordonnées, historique des échanges"
                )
            }));
            md.push('\n');
        }
        let fonts = fonts::fonts().expect("fonts load");
        let start = std::time::Instant::now();
        let blocks = blocks::parse(&md, fonts);
        let parsed = start.elapsed();
        let mut pages = layout::layout(&blocks, fonts, Some(hypher::Lang::French));
        layout::add_footers(&mut pages, fonts, "Registre", "page {page} / {pages}");
        let laid_out = start.elapsed();
        let pdf = emit::write_pdf(&pages, fonts, &meta(), &[0; 16]).expect("renders");
        let total = start.elapsed();
        eprintln!(
            "{} pages, {} bytes: parse {:?}, layout {:?}, printpdf+save {:?}, total {:?}",
            pages.len(),
            pdf.len(),
            parsed,
            laid_out - parsed,
            total - laid_out,
            total
        );
        if !cfg!(debug_assertions) {
            assert!(total.as_secs_f32() < 5.0, "took {total:?}");
        }
    }
}
