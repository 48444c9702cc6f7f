//! The embedded DejaVu Sans faces, parsed once per process, and their advance
//! widths, which the line breaker needs for every character it places.
//!
//! Widths are read with `ttf-parser` and rounded exactly as printpdf writes
//! them into the PDF `/W` array (truncated thousandths of an em), so that a
//! line we measure is, to the point, the line a viewer draws.

use std::sync::OnceLock;

use printpdf::ParsedFont;

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
    /// All faces, in the order of [`FontSet::faces`].
    pub(crate) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

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
    /// Resource name in the PDF; its first six capitals are also the subset tag
    /// printpdf writes (`ABCDEF+DejaVuSans`), so it is fixed here rather than
    /// random, which keeps the output byte-identical between runs.
    pub(crate) pdf_id: &'static str,
    /// The face as printpdf needs it for embedding and subsetting.
    pub(crate) parsed: ParsedFont,
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
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(FontLoadError {
            font: file,
            reason: "printpdf could not parse it",
        })?;
        let upm = f32::from(face.units_per_em());
        if upm <= 0.0 {
            return Err(FontLoadError {
                font: file,
                reason: "units per em is zero",
            });
        }
        let mut data = FaceData {
            pdf_id,
            parsed,
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
