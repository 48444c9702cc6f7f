//! Positioned page items to PDF bytes with printpdf, made deterministic.
//!
//! printpdf draws its resource names and the trailer `/ID` from a process-wide
//! counter, so two documents made in one process would differ. We name the
//! fonts ourselves and overwrite the `/ID` with a digest of the input, which
//! also makes it distinct between documents, as the PDF specification wants.
//! Each face is embedded as the subset of the characters the pages draw.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

use std::collections::{BTreeMap, BTreeSet};

use super::fonts::{Face, FontSet};
use super::layout::{Item, Page};
use super::{PdfError, PdfMeta};

/// Grey of table borders and of block-quote bars.
const BORDER_GREY: f32 = 0.55;
const BAR_GREY: f32 = 0.75;

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn font_handle(fonts: &FontSet, face: Face) -> PdfFontHandle {
    PdfFontHandle::External(FontId(fonts.face(face).pdf_id.to_string()))
}

/// The rectangle whose top left corner is `(x, y)` from the page's top left,
/// `w` wide and `h` high, filled or stroked.
fn rectangle((x, y, w, h): (f32, f32, f32, f32), page_h: f32, mode: PaintMode) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(page_h - y - h),
            width: Pt(w),
            height: Pt(h),
            mode: Some(mode),
            winding_order: None,
        },
    }
}

/// PDF operators of one page: fills, then strokes, then all text in one
/// text object (so that text is never hidden under a header's background).
fn page_ops(page: &Page, fonts: &FontSet) -> Vec<Op> {
    let page_h = page.size().1;
    let mut ops = Vec::with_capacity(page.items.len() * 3 + 16);
    let mut fill = None;
    for item in &page.items {
        if let Item::Fill {
            x,
            y,
            w,
            h,
            grey: g,
        } = item
        {
            if fill != Some(*g) {
                ops.push(Op::SetFillColor { col: grey(*g) });
                fill = Some(*g);
            }
            ops.push(rectangle((*x, *y, *w, *h), page_h, PaintMode::Fill));
        }
    }
    let mut stroke = None;
    for item in &page.items {
        match item {
            Item::Stroke { x, y, w, h } => {
                if stroke != Some(0) {
                    ops.push(Op::SetOutlineColor {
                        col: grey(BORDER_GREY),
                    });
                    ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
                    stroke = Some(0);
                }
                ops.push(rectangle((*x, *y, *w, *h), page_h, PaintMode::Stroke));
            }
            Item::Bar { x, y0, y1 } => {
                if stroke != Some(1) {
                    ops.push(Op::SetOutlineColor {
                        col: grey(BAR_GREY),
                    });
                    ops.push(Op::SetOutlineThickness { pt: Pt(1.5) });
                    stroke = Some(1);
                }
                let point = |y: f32| LinePoint {
                    p: Point {
                        x: Pt(*x),
                        y: Pt(page_h - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*y0), point(*y1)],
                        is_closed: false,
                    },
                });
            }
            Item::Text { .. } | Item::Fill { .. } => {}
        }
    }
    let mut font: Option<(Face, f32)> = None;
    let mut text_grey = None;
    let mut in_text = false;
    for item in &page.items {
        if let Item::Text {
            face,
            size,
            grey: g,
            x,
            y,
            text,
        } = item
        {
            if text.is_empty() {
                continue;
            }
            if !in_text {
                ops.push(Op::StartTextSection);
                in_text = true;
            }
            if font != Some((*face, *size)) {
                ops.push(Op::SetFont {
                    font: font_handle(fonts, *face),
                    size: Pt(*size),
                });
                font = Some((*face, *size));
            }
            if text_grey != Some(*g) {
                ops.push(Op::SetFillColor { col: grey(*g) });
                text_grey = Some(*g);
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(page_h - y)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// The characters drawn in each face; a face that draws none is not embedded.
fn used_chars(pages: &[Page]) -> BTreeMap<Face, BTreeSet<char>> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let Item::Text { face, text, .. } = item {
                if !text.is_empty() {
                    used.entry(*face).or_default().extend(text.chars());
                }
            }
        }
    }
    used
}

/// Serialises `pages` into a PDF file.
pub(crate) fn write_pdf(
    pages: &[Page],
    fonts: &FontSet,
    meta: &PdfMeta,
    doc_id: &[u8; 16],
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.created.timestamp())
        .map_err(|_| PdfError::Date(meta.created.to_rfc3339()))?;
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.creator = "dpo-toolkit".to_string();
    info.producer = "printpdf".to_string();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    for (face, chars) in used_chars(pages) {
        let data = fonts.face(face);
        doc.resources.fonts.map.insert(
            FontId(data.pdf_id.to_string()),
            PdfFont::new(data.subset(&chars)?),
        );
    }
    let pdf_pages = pages
        .iter()
        .map(|p| {
            let (w, h) = p.size();
            PdfPage::new(Pt(w).into(), Pt(h).into(), page_ops(p, fonts))
        })
        .collect();
    doc.with_pages(pdf_pages);

    let options = PdfSaveOptions {
        optimize: true,
        // printpdf subsets only with its `text_layout` feature, which we do
        // not build: the fonts handed to it are subsets already (`fonts.rs`).
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Printpdf(w.msg.clone()));
    }

    // The trailer /ID: two strings, here both the digest of the input.
    let id_hex = hex::encode(doc_id).into_bytes();
    let id = lo
        .trailer
        .get_mut(b"ID")
        .and_then(|o| o.as_array_mut())
        .map_err(|e| PdfError::Printpdf(format!("trailer /ID: {e}")))?;
    for part in id.iter_mut() {
        *part
            .as_str_mut()
            .map_err(|e| PdfError::Printpdf(format!("trailer /ID: {e}")))? = id_hex.clone();
    }
    // The catalog /Lang (printpdf has no setting for it). A string object is
    // made by copying one of the /ID strings, since lopdf's types are not
    // otherwise reachable without depending on lopdf directly.
    if let Some(mut lang) = id.first().cloned() {
        if let Ok(bytes) = lang.as_str_mut() {
            *bytes = meta.lang.as_bytes().to_vec();
            lo.catalog_mut()
                .map_err(|e| PdfError::Printpdf(format!("catalog: {e}")))?
                .set("Lang", lang);
        }
    }

    // printpdf writes an empty /GTS_PDFXVersion, which some readers take as
    // a PDF/X claim; this document makes no such claim.
    if let Ok(info_id) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(info) = lo.get_object_mut(info_id).and_then(|o| o.as_dict_mut()) {
            info.remove(b"GTS_PDFXVersion");
        }
    }

    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PdfError::Printpdf(format!("writing the file: {e}")))?;
    Ok(out)
}
