//! The embedded DejaVu Sans faces, parsed once per process, their advance
//! widths, which the line breaker needs for every character it places, and
//! their subsets: each document embeds only the glyphs it draws.
//!
//! Widths are read with `ttf-parser` and rounded exactly as printpdf writes
//! them into the PDF `/W` array (truncated thousandths of an em), so that a
//! line we measure is, to the point, the line a viewer draws.
//!
//! Subsetting is done by `subsetter` (Typst's), because printpdf subsets only
//! with its heavy `text_layout` feature. The subset's glyphs are numbered in
//! the order of the original font (`.notdef` first, then the glyphs used,
//! then the parts of composite glyphs), as printpdf numbered them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::ParsedFont;
use subsetter::GlyphRemapper;

/// DejaVu Sans Book (Bitstream Vera licence, see `templates/fonts/LICENSE-DejaVu.txt`).
const REGULAR_TTF: &[u8] = include_bytes!("../../../templates/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
const BOLD_TTF: &[u8] = include_bytes!("../../../templates/fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Oblique, for `*emphasis*`.
const ITALIC_TTF: &[u8] = include_bytes!("../../../templates/fonts/DejaVuSans-Oblique.ttf");

/// Characters below this code point get their width from a dense table;
/// it covers Latin, punctuation, currency, arrows, maths and box drawing.
const DENSE_LIMIT: u32 = 0x3000;

/// Shown in place of a character the face has no glyph for.
const REPLACEMENT: char = '\u{FFFD}';

/// One of the three faces we embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    /// DejaVu Sans Book: body text, inline code.
    Regular,
    /// DejaVu Sans Bold: `**strong**`, headings, table headers.
    Bold,
    /// DejaVu Sans Oblique: `*emphasis*`.
    Italic,
}

impl Face {
    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
        }
    }
}

/// Why an embedded font could not be used (only if the build shipped a broken file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FontLoadError {
    /// File name of the face under `templates/fonts/`.
    pub(crate) font: &'static str,
    /// What went wrong, lowercase.
    pub(crate) reason: &'static str,
}

/// A parsed face: what printpdf embeds, and what we measure with.
pub(crate) struct FaceData {
    /// File name under `templates/fonts/`, for errors.
    file: &'static str,
    /// Resource name in the PDF; it is also the subset tag of the font's name
    /// (`DJVREG+DejaVuSans`), so it is fixed here rather than random, which
    /// keeps the output byte-identical between runs.
    pub(crate) pdf_id: &'static str,
    /// The whole font file.
    bytes: &'static [u8],
    /// The face's PostScript name (`DejaVuSans-Bold`).
    ps_name: String,
    /// printpdf's reading of the whole face, without its two tables
    /// (moved to `cmap` and `widths`): metrics for the font descriptor.
    template: ParsedFont,
    /// Code point to glyph id, as printpdf reads the font's `cmap`.
    cmap: BTreeMap<u32, u16>,
    /// Glyph id to advance in font units, as printpdf reads `hmtx`.
    widths: BTreeMap<u16, u16>,
    face: ttf_parser::Face<'static>,
    /// Advance in em per code point below [`DENSE_LIMIT`]; negative = no glyph.
    dense: Box<[f32]>,
    /// Converts font units to the truncated thousandths printpdf writes.
    units_to_milli: f32,
}

impl FaceData {
    fn load(
        file: &'static str,
        pdf_id: &'static str,
        bytes: &'static [u8],
    ) -> Result<Self, FontLoadError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|_| FontLoadError {
            font: file,
            reason: "not a valid truetype font",
        })?;
        let mut warnings = Vec::new();
        let mut template =
            ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(FontLoadError {
                font: file,
                reason: "printpdf could not parse it",
            })?;
        let cmap = std::mem::take(&mut template.codepoint_to_glyph);
        let widths = std::mem::take(&mut template.glyph_widths);
        template.original_bytes = Vec::new();
        let ps_name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .ok_or(FontLoadError {
                font: file,
                reason: "it has no postscript name",
            })?;
        let upm = f32::from(face.units_per_em());
        if upm <= 0.0 {
            return Err(FontLoadError {
                font: file,
                reason: "units per em is zero",
            });
        }
        let mut data = FaceData {
            file,
            pdf_id,
            bytes,
            ps_name,
            template,
            cmap,
            widths,
            face,
            dense: Box::new([]),
            units_to_milli: 1000.0 / upm,
        };
        data.dense = (0..DENSE_LIMIT)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| data.lookup(c))
                    .unwrap_or(-1.0)
            })
            .collect();
        Ok(data)
    }

    /// Advance of `c` in em, straight from the font, `None` without a glyph.
    fn lookup(&self, c: char) -> Option<f32> {
        let gid = self.face.glyph_index(c)?;
        if gid.0 == 0 {
            return None;
        }
        let adv = f32::from(self.face.glyph_hor_advance(gid).unwrap_or(0));
        // Same arithmetic as printpdf's `/W` (f32, then truncation).
        Some(((adv * self.units_to_milli) as i64) as f32 / 1000.0)
    }

    /// Advance of `c` in em, `None` when the face has no glyph for it.
    #[inline]
    pub(crate) fn advance(&self, c: char) -> Option<f32> {
        let cp = c as u32;
        if cp < DENSE_LIMIT {
            let w = self.dense[cp as usize];
            (w >= 0.0).then_some(w)
        } else {
            self.lookup(c)
        }
    }

    /// Advance of `c` in em; a character without glyph is measured as the
    /// replacement character that [`FontSet::clean_into`] puts in its place.
    #[inline]
    pub(crate) fn width(&self, c: char) -> f32 {
        match self.advance(c) {
            Some(w) => w,
            None => self.advance(REPLACEMENT).unwrap_or(0.6),
        }
    }

    /// Whether the face can draw `c`.
    pub(crate) fn has_glyph(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// The face reduced to the glyphs of `chars`, as printpdf embeds it: the
    /// font program is the subset, characters map to the subset's glyph ids,
    /// and the metrics are those of the whole face. Characters without a
    /// glyph are left out (printpdf draws them as `.notdef`, but
    /// [`FontSet::clean_into`] has replaced them already).
    pub(crate) fn subset(&self, chars: &BTreeSet<char>) -> Result<ParsedFont, FontLoadError> {
        let used: BTreeMap<u32, u16> = chars
            .iter()
            .filter_map(|&c| Some((u32::from(c), *self.cmap.get(&u32::from(c))?)))
            .collect();
        let glyphs: Vec<u16> = used.values().copied().collect();
        // Ascending original ids: the subset numbers them 1, 2, 3… in that order.
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let program = subsetter::subset(self.bytes, 0, &remapper).map_err(|_| FontLoadError {
            font: self.file,
            reason: "it cannot be subset",
        })?;
        let mut font = self.template.clone();
        font.original_bytes = program;
        font.font_name = Some(format!("{}+{}", self.pdf_id, self.ps_name));
        for (cp, old) in used {
            if let Some(new) = remapper.get(old) {
                font.codepoint_to_glyph.insert(cp, new);
                if let Some(&w) = self.widths.get(&old) {
                    font.glyph_widths.insert(new, w);
                }
            }
        }
        Ok(font)
    }
}

/// The three faces.
pub(crate) struct FontSet {
    faces: [FaceData; 3],
}

impl FontSet {
    /// The face data for `face`.
    #[inline]
    pub(crate) fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }

    /// Advance width of `c` in `face` at `size` points.
    #[inline]
    pub(crate) fn char_width(&self, face: Face, c: char, size: f32) -> f32 {
        self.face(face).width(c) * size
    }

    /// Width of `text` in `face` at `size` points.
    pub(crate) fn text_width(&self, face: Face, text: &str, size: f32) -> f32 {
        let data = self.face(face);
        text.chars().map(|c| data.width(c)).sum::<f32>() * size
    }

    /// Appends `text` to `out` as it can be drawn with `face`: tabs and line
    /// feeds become spaces, other control characters are dropped, and a
    /// character the face has no glyph for becomes U+FFFD (or `?`), so that no
    /// invisible `.notdef` box silently stands for it.
    pub(crate) fn clean_into(&self, face: Face, text: &str, out: &mut String) {
        let data = self.face(face);
        for c in text.chars() {
            match c {
                '\t' | '\n' | '\r' => out.push(' '),
                c if c.is_control() => {}
                c if data.has_glyph(c) => out.push(c),
                _ if data.has_glyph(REPLACEMENT) => out.push(REPLACEMENT),
                _ => out.push('?'),
            }
        }
    }
}

/// The embedded faces, parsed on first use.
pub(crate) fn fonts() -> Result<&'static FontSet, FontLoadError> {
    static FONTS: OnceLock<Result<FontSet, FontLoadError>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Ok(FontSet {
                faces: [
                    FaceData::load("DejaVuSans.ttf", "DJVREG", REGULAR_TTF)?,
                    FaceData::load("DejaVuSans-Bold.ttf", "DJVBLD", BOLD_TTF)?,
                    FaceData::load("DejaVuSans-Oblique.ttf", "DJVOBL", ITALIC_TTF)?,
                ],
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bounding box of the outline of glyph `gid` in `program`, if it has one.
    fn outline_box(program: &[u8], gid: u16) -> Option<ttf_parser::Rect> {
        struct Ignore;
        impl ttf_parser::OutlineBuilder for Ignore {
            fn move_to(&mut self, _: f32, _: f32) {}
            fn line_to(&mut self, _: f32, _: f32) {}
            fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
            fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
            fn close(&mut self) {}
        }
        let face = ttf_parser::Face::parse(program, 0).expect("the subset parses");
        face.outline_glyph(ttf_parser::GlyphId(gid), &mut Ignore)
    }

    #[test]
    fn a_subset_keeps_the_glyphs_used_in_the_order_of_the_font_with_their_widths() {
        let fonts = fonts().expect("fonts load");
        let data = fonts.face(Face::Regular);
        // 'é' and 'œ' are composite glyphs in DejaVu: their parts come along.
        let chars: BTreeSet<char> = "€aéœ«A".chars().collect();
        let sub = data.subset(&chars).expect("subset");
        assert_eq!(sub.font_name.as_deref(), Some("DJVREG+DejaVuSans"));
        assert!(sub.original_bytes.len() * 20 < REGULAR_TTF.len());

        let mut by_old: Vec<(u16, char)> = chars
            .iter()
            .map(|&c| (data.face.glyph_index(c).expect("glyph").0, c))
            .collect();
        by_old.sort();
        for (new, (old, c)) in (1u16..).zip(by_old) {
            assert_eq!(sub.lookup_glyph_index(u32::from(c)), Some(new), "{c}");
            assert_eq!(sub.get_glyph_width(new), data.widths.get(&old).copied());
            let full = outline_box(REGULAR_TTF, old).expect("outline in the font");
            let part = outline_box(&sub.original_bytes, new).expect("outline in the subset");
            assert_eq!(
                (full.x_min, full.y_min, full.x_max, full.y_max),
                (part.x_min, part.y_min, part.x_max, part.y_max),
                "{c}"
            );
        }
        // The metrics of the font descriptor are the whole face's.
        assert_eq!(sub.pdf_font_metrics, data.template.pdf_font_metrics);
        assert_eq!(sub.units_per_em, data.template.units_per_em);
    }

    #[test]
    fn the_same_characters_give_the_same_subset_bytes() {
        let fonts = fonts().expect("fonts load");
        let chars: BTreeSet<char> = "Registre « été » 2021".chars().collect();
        let a = fonts.face(Face::Bold).subset(&chars).expect("subset");
        let b = fonts.face(Face::Bold).subset(&chars).expect("subset");
        assert_eq!(a.original_bytes, b.original_bytes);
        assert_eq!(a.codepoint_to_glyph, b.codepoint_to_glyph);
    }
}
