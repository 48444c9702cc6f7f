//! Places blocks on A4 pages: line breaking by measured glyph advances
//! (never at a no-break space; a word longer than its line hyphenated where
//! the language's patterns allow, a path after a `/`, what is left between
//! characters with a `↵` at the line's end), table columns sized from their
//! content (every word whole when the page allows it, a hexadecimal hash
//! always; a table too wide for, or crowded on, a portrait page — its
//! words cannot all fit whole there, even with labels beside a hash on
//! several lines — on landscape pages, with its heading and intro, and the
//! text after it on the same landscape page as long as it fits there),
//! pagination (a code block whole on a page; keep-with-next for
//! headings, with a short intro and the start of the table it leads to; a
//! short last section, such as a signature block, with the last lines of the
//! paragraph before it; a paragraph ending with « : » with the start of
//! the code block or list it introduces; a table's header with its first row, tables split by row and,
//! when a row is taller than a page, by line, with the header row repeated),
//! and the page footer, wrapped rather than cut. The result is a list of positioned items per page, in points
//! measured from the top-left corner; `emit` turns them into PDF operators.

use super::blocks::{Align, Block, Inline, Table, TextBlock, TextKind, LIST_INDENT};
use super::fonts::{Face, FontSet};
use crate::render::typography::is_break_space;

/// One millimetre in points.
pub(crate) const MM: f32 = 72.0 / 25.4;
/// A4 width, points.
pub(crate) const PAGE_W: f32 = 210.0 * MM;
/// A4 height, points.
pub(crate) const PAGE_H: f32 = 297.0 * MM;
/// Left and right margins.
pub(crate) const MARGIN_X: f32 = 20.0 * MM;
/// Top margin.
pub(crate) const MARGIN_TOP: f32 = 20.0 * MM;
/// Distance of the lowest point of body content from the page's foot.
const BODY_FOOT: f32 = 22.0 * MM;
/// Distance of the footer's (last) baseline from the page's foot.
const FOOTER_FOOT: f32 = 12.0 * MM;

/// Width and height of a page, points.
fn page_size(landscape: bool) -> (f32, f32) {
    if landscape {
        (PAGE_H, PAGE_W)
    } else {
        (PAGE_W, PAGE_H)
    }
}

/// Width available to body text.
fn content_w(landscape: bool) -> f32 {
    page_size(landscape).0 - 2.0 * MARGIN_X
}

/// Body text size and line height.
const BODY_SIZE: f32 = 10.0;
const BODY_LH: f32 = BODY_SIZE * 1.35;
/// Table text size (before shrinking for very many columns) and cell padding.
const TABLE_SIZE: f32 = 9.0;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
/// Footer text size and line height.
const FOOTER_SIZE: f32 = 8.0;
const FOOTER_LH: f32 = 10.0;
/// Grey levels (0 black, 1 white).
const FOOTER_GREY: f32 = 0.4;
const HEADER_FILL: f32 = 0.9;
/// Lines are broken this much short of the available width, so that float
/// rounding in summed advances can never push a glyph over an edge.
const SLACK: f32 = 0.25;
/// Tolerance for comparisons of positions.
const EPS: f32 = 0.01;

/// Ends a line where a word (a Message-ID, a code line) had to be broken
/// between characters, so that the reader knows it goes on.
pub(crate) const CONTINUED: char = '↵';
/// DejaVu Sans ascender and descender, in em (hhea: 1901 and 483 of 2048).
const ASCENT: f32 = 0.928;
const DESCENT: f32 = 0.236;

/// Something drawn on a page. Coordinates are points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// Text on one baseline.
    Text {
        /// Face.
        face: Face,
        /// Size in points.
        size: f32,
        /// Grey level of the text (0 black).
        grey: f32,
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// The characters.
        text: String,
    },
    /// A filled rectangle (table header background).
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Grey level.
        grey: f32,
    },
    /// A thin rectangle outline (table cell border).
    Stroke {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A vertical bar left of quoted text.
    Bar {
        /// Horizontal position.
        x: f32,
        /// Top.
        y0: f32,
        /// Bottom.
        y1: f32,
    },
}

/// The items of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// What to draw, in no particular order of kind (emit sorts fills first).
    pub(crate) items: Vec<Item>,
    /// A landscape A4 page (for a table too wide for a portrait one).
    pub(crate) landscape: bool,
}

impl Page {
    /// Width and height, points.
    pub(crate) fn size(&self) -> (f32, f32) {
        page_size(self.landscape)
    }
}

/// A piece of a line drawn with one face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Face.
    pub(crate) face: Face,
    /// Offset from the start of the line, points.
    pub(crate) x: f32,
    /// The characters (spaces between words of the same face included).
    pub(crate) text: String,
}

/// A laid-out line.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// Runs, left to right.
    pub(crate) runs: Vec<Run>,
    /// Width of the line, points.
    pub(crate) width: f32,
}

/// Size, line height and space before, per kind of text.
fn text_style(kind: TextKind) -> (f32, f32, f32) {
    match kind {
        TextKind::Body => (BODY_SIZE, BODY_LH, 0.0),
        TextKind::Heading(1) => (20.0, 26.0, 18.0),
        TextKind::Heading(2) => (15.0, 20.0, 14.0),
        TextKind::Heading(3) => (12.5, 17.0, 10.0),
        TextKind::Heading(_) => (11.0, 15.0, 8.0),
        TextKind::Code => (9.0, 12.0, 2.0),
    }
}

/// Distance from the top of a line box to its baseline.
fn baseline_offset(size: f32, lh: f32) -> f32 {
    (lh - (ASCENT + DESCENT) * size) / 2.0 + ASCENT * size
}

/// Greedy line breaker over measured characters.
struct Breaker<'f> {
    fonts: &'f FontSet,
    size: f32,
    max: f32,
    lines: Vec<Line>,
    line: Line,
    /// The word being read: pieces per face, with their widths.
    word: Vec<(Face, String, f32)>,
    word_width: f32,
    /// A space (of this face) separates the last placed word from the next.
    space: Option<Face>,
    /// The hyphenation dictionary for words longer than a line.
    hyph: Option<hypher::Lang>,
}

impl<'f> Breaker<'f> {
    fn new(fonts: &'f FontSet, size: f32, max: f32, hyph: Option<hypher::Lang>) -> Self {
        Breaker {
            hyph,
            fonts,
            size,
            max,
            lines: Vec::new(),
            line: Line::default(),
            word: Vec::new(),
            word_width: 0.0,
            space: None,
        }
    }

    fn push(&mut self, face: Face, text: &str, keep_spaces: bool) {
        let data = self.fonts.face(face);
        for c in text.chars() {
            if !keep_spaces && is_break_space(c) {
                self.end_word();
                if self.space.is_none() {
                    self.space = Some(face);
                }
                continue;
            }
            let w = data.width(c) * self.size;
            match self.word.last_mut() {
                Some((f, s, pw)) if *f == face => {
                    s.push(c);
                    *pw += w;
                }
                _ => self.word.push((face, c.to_string(), w)),
            }
            self.word_width += w;
        }
    }

    fn new_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
    }

    fn hard_break(&mut self) {
        self.end_word();
        self.new_line();
        self.space = None;
    }

    fn end_word(&mut self) {
        let Some(first_face) = self.word.first().map(|piece| piece.0) else {
            return;
        };
        let word = std::mem::take(&mut self.word);
        let width = std::mem::take(&mut self.word_width);
        let (gap, merge) = match (self.line.runs.last(), self.space) {
            (Some(last), Some(_)) if last.face == first_face => {
                (self.fonts.char_width(first_face, ' ', self.size), true)
            }
            (Some(_), Some(space_face)) => {
                (self.fonts.char_width(space_face, ' ', self.size), false)
            }
            _ => (0.0, false),
        };
        if self.line.width + gap + width <= self.max + EPS {
            self.append(word, gap, merge);
        } else if width <= self.max + EPS {
            self.new_line();
            self.append(word, 0.0, false);
        } else {
            // Longer than a line: start it on its own line and break it
            // where the dictionary allows (or after a hyphen of its own);
            // what is left (an e-mail address, a hash) between characters.
            if !self.line.runs.is_empty() {
                self.new_line();
            }
            // A break between characters ends its line with a visible mark.
            let word = self.break_path(word);
            let word = self.hyphenate(word);
            for (face, text, _) in word {
                let data = self.fonts.face(face);
                let mark = data.width(CONTINUED) * self.size;
                for c in text.chars() {
                    let w = data.width(c) * self.size;
                    if self.line.width + w + mark > self.max + EPS && !self.line.runs.is_empty() {
                        self.put(face, CONTINUED.encode_utf8(&mut [0; 4]), mark);
                        self.new_line();
                    }
                    self.put(face, c.encode_utf8(&mut [0; 4]), w);
                }
            }
        }
        self.space = None;
    }

    /// Places a single-face path or URL longer than a line (a token with a
    /// `/`) in pieces that each end after a `/` (or, in a segment longer
    /// than a line, after a `-`, `.` or `_`), as many per line as fit, so
    /// that no file name or extension is cut inside; returns
    /// what is left to break otherwise (the word itself when it is not a
    /// path, the rest from a piece longer than a line).
    fn break_path(&mut self, word: Vec<(Face, String, f32)>) -> Vec<(Face, String, f32)> {
        let [(face, text, _)] = word.as_slice() else {
            return word;
        };
        if !text.contains('/') {
            return word;
        }
        let (face, data) = (*face, self.fonts.face(*face));
        let size = self.size;
        let width = |s: &str| s.chars().map(|c| data.width(c) * size).sum::<f32>();
        // Whole path segments; a segment longer than a line in pieces.
        let pieces: Vec<&str> = text
            .split_inclusive('/')
            .flat_map(|seg| {
                if width(seg) > self.max + EPS {
                    seg.split_inclusive(['-', '.', '_']).collect()
                } else {
                    vec![seg]
                }
            })
            .collect();
        for (k, piece) in pieces.iter().enumerate() {
            let w = width(piece);
            if self.line.width + w > self.max + EPS {
                if !self.line.runs.is_empty() {
                    self.new_line();
                }
                if w > self.max + EPS {
                    let rest: String = pieces[k..].concat();
                    let w = width(&rest);
                    return vec![(face, rest, w)];
                }
            }
            self.put(face, piece, w);
        }
        Vec::new()
    }

    /// Writes `text` (of width `w`) at the end of the line, in the last run
    /// when it has the same face.
    fn put(&mut self, face: Face, text: &str, w: f32) {
        let x = self.line.width;
        match self.line.runs.last_mut() {
            Some(run) if run.face == face => run.text.push_str(text),
            _ => self.line.runs.push(Run {
                face,
                x,
                text: text.to_string(),
            }),
        }
        self.line.width += w;
    }

    /// Places the syllables of a single-face word longer than a line, as
    /// many per line as fit with a hyphen; returns what is left to break
    /// between characters (nothing when every syllable fits a line).
    fn hyphenate(&mut self, word: Vec<(Face, String, f32)>) -> Vec<(Face, String, f32)> {
        let ([(face, text, _)], Some(lang)) = (word.as_slice(), self.hyph) else {
            return word;
        };
        let (face, data) = (*face, self.fonts.face(*face));
        let pieces = break_points(text, lang);
        let size = self.size;
        let width = |s: &str| s.chars().map(|c| data.width(c) * size).sum::<f32>();
        let hyphen = data.width('-') * self.size;
        let mut at = 0;
        while at < pieces.len() {
            // The most pieces that fit on this line, with their hyphen.
            let mut take = 0;
            let mut text_so_far = String::new();
            for (k, piece) in pieces[at..].iter().enumerate() {
                let mut t = text_so_far.clone();
                t.push_str(piece);
                let last = at + k + 1 == pieces.len();
                let extra = if last || t.ends_with('-') {
                    0.0
                } else {
                    hyphen
                };
                if self.line.width + width(&t) + extra > self.max + EPS {
                    break;
                }
                text_so_far = t;
                take = k + 1;
            }
            if take == 0 {
                // Not even one syllable fits: the rest breaks by characters.
                let rest: String = pieces[at..].concat();
                let w = width(&rest);
                return vec![(face, rest, w)];
            }
            at += take;
            if at < pieces.len() && !text_so_far.ends_with('-') {
                text_so_far.push('-');
            }
            let w = width(&text_so_far);
            let x = self.line.width;
            self.line.runs.push(Run {
                face,
                x,
                text: text_so_far,
            });
            self.line.width += w;
            if at < pieces.len() {
                self.new_line();
            }
        }
        Vec::new()
    }

    /// Appends a word that fits after a gap; `merge` writes the gap as a
    /// space character into the previous run of the same face.
    fn append(&mut self, word: Vec<(Face, String, f32)>, gap: f32, merge: bool) {
        let mut x = self.line.width + gap;
        for (i, (face, text, w)) in word.into_iter().enumerate() {
            match self.line.runs.last_mut() {
                Some(run) if run.face == face => {
                    if i == 0 && merge {
                        run.text.push(' ');
                    }
                    run.text.push_str(&text);
                }
                _ => self.line.runs.push(Run { face, x, text }),
            }
            x += w;
        }
        self.line.width = x;
    }

    fn finish(mut self) -> Vec<Line> {
        self.end_word();
        if !self.line.runs.is_empty() || self.lines.is_empty() {
            self.new_line();
        }
        self.lines
    }
}

/// Breaks `inlines` into lines no wider than `max` points at `size` points.
/// `keep_spaces` (code blocks) keeps every space and breaks only at forced
/// breaks or, for an over-long line, between characters.
pub(crate) fn wrap(
    fonts: &FontSet,
    inlines: &[Inline],
    (size, max): (f32, f32),
    keep_spaces: bool,
    hyph: Option<hypher::Lang>,
) -> Vec<Line> {
    let mut b = Breaker::new(fonts, size, max, hyph);
    for inline in inlines {
        match inline {
            Inline::Text(face, text) => b.push(*face, text, keep_spaces),
            Inline::Break => b.hard_break(),
        }
    }
    b.finish()
}

/// The pieces of `word` between which a line may break: its syllables as the
/// dictionary of `lang` has them, and after each hyphen of its own. Leading
/// and trailing punctuation stays with the first and last piece.
pub(crate) fn break_points(word: &str, lang: hypher::Lang) -> Vec<String> {
    let mut pieces = Vec::new();
    for part in word.split_inclusive('-') {
        let start = part
            .char_indices()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(part.len(), |(i, _)| i);
        let end = part
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(start, |(i, c)| i + c.len_utf8());
        let core = &part[start..end.max(start)];
        let syllables: Vec<&str> = if core.chars().all(char::is_alphabetic) && !core.is_empty() {
            hypher::hyphenate(core, lang).collect()
        } else {
            vec![core]
        };
        let n = syllables.len();
        for (k, syl) in syllables.into_iter().enumerate() {
            let mut piece = String::new();
            if k == 0 {
                piece.push_str(&part[..start]);
            }
            piece.push_str(syl);
            if k + 1 == n {
                piece.push_str(&part[end.max(start)..]);
            }
            pieces.push(piece);
        }
    }
    pieces
}

/// True for a hash written in hexadecimal (16 digits or more, with the
/// punctuation around it): it is read and compared whole, so its column
/// is made wide enough for it rather than break it.
pub(crate) fn is_hex_code(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    core.len() >= 16 && core.chars().all(|c| c.is_ascii_hexdigit())
}

/// Natural width (longest forced line, unbroken), longest word of a cell
/// (with `hyph`, the longest piece a word may be broken into, with its
/// hyphen) and widest hexadecimal hash, which is never broken.
fn measure_cell(
    fonts: &FontSet,
    cell: &[Inline],
    size: f32,
    hyph: Option<hypher::Lang>,
) -> (f32, f32, f32) {
    let (mut natural, mut line, mut longest) = (0.0f32, 0.0f32, 0.0f32);
    let mut code = 0.0f32;
    // The word being read: its text, width and (last) face.
    let mut word = (String::new(), 0.0f32, Face::Regular);
    let mut end_word = |word: &mut (String, f32, Face), longest: &mut f32| {
        let (text, width, face) = std::mem::replace(word, (String::new(), 0.0, Face::Regular));
        if is_hex_code(&text) {
            code = code.max(width);
        }
        let least = match hyph {
            _ if is_hex_code(&text) => width,
            Some(lang) if width > 0.0 => {
                let data = fonts.face(face);
                let hyphen = data.width('-') * size;
                break_points(&text, lang)
                    .iter()
                    .map(|p| {
                        let w: f32 = p.chars().map(|c| data.width(c) * size).sum();
                        if !p
                            .chars()
                            .all(|c| c.is_alphabetic() || "-'’.,;:!?()«»\"".contains(c))
                        {
                            // An address, a path, a hash: broken between
                            // characters when it must, so it asks for little.
                            w.min(6.0 * data.width('0') * size)
                        } else if p.ends_with('-') {
                            w
                        } else {
                            w + hyphen
                        }
                    })
                    .fold(0.0f32, f32::max)
                    .min(width)
            }
            _ => width,
        };
        *longest = longest.max(least);
    };
    for inline in cell {
        match inline {
            Inline::Text(face, text) => {
                let data = fonts.face(*face);
                for c in text.chars() {
                    let w = data.width(c) * size;
                    line += w;
                    if is_break_space(c) {
                        end_word(&mut word, &mut longest);
                    } else {
                        word.0.push(c);
                        word.1 += w;
                        word.2 = *face;
                    }
                }
            }
            Inline::Break => {
                natural = natural.max(line);
                end_word(&mut word, &mut longest);
                line = 0.0;
            }
        }
    }
    end_word(&mut word, &mut longest);
    (natural.max(line), longest, code)
}

/// How a table is set: text size, column widths (cell borders included),
/// and whether words longer than their column are hyphenated.
#[derive(Debug, Clone, PartialEq)]
struct TablePlan {
    size: f32,
    widths: Vec<f32>,
    hyphenate: bool,
    /// Every word fits its column whole.
    fits: bool,
}

/// Table text sizes tried, largest first, before hyphenating.
const TABLE_SIZES: [f32; 3] = [TABLE_SIZE, 8.0, 7.5];

/// Chooses the text size and column widths of `table` in `avail` points:
/// the largest size at which every column can hold its longest word whole,
/// else the largest at which it can hold its longest syllable with a hyphen
/// (as the dictionary of `hyph` has them), else the smallest size with
/// columns capped so that a hash or an address cannot starve the others.
fn plan_table(fonts: &FontSet, table: &Table, avail: f32, hyph: Option<hypher::Lang>) -> TablePlan {
    let ncols = table.aligns.len().max(1);
    // With very many columns, shrink the text so that every column can
    // hold at least a character or two.
    let per_col = avail / ncols as f32 - 2.0 * CELL_PAD_X - SLACK;
    let largest = TABLE_SIZE.min(per_col / 1.6).max(4.0);
    let sizes: Vec<f32> = TABLE_SIZES.iter().map(|s| s.min(largest)).collect();
    // Beside a hash, the other cells (labels) are first wanted on one line,
    // up to the cap; when no size allows it, a table whose words all fit
    // whole still fits, its labels on several lines.
    let tries = [(false, true), (false, false), (true, true), (true, false)];
    for (hyphenate, labels_whole) in tries {
        if hyphenate && hyph.is_none() {
            break;
        }
        for &size in &sizes {
            let m = measure_table(fonts, table, size, hyphenate.then_some(hyph).flatten());
            let pad = 2.0 * CELL_PAD_X + SLACK;
            let content = avail - ncols as f32 * pad;
            // A hash or an address longer than the cap is broken between
            // characters rather than starve the other columns.
            let cap = (content * 0.3).max(1.6 * size);
            let with_code = labels_whole && m.code.iter().any(|h| *h > 0.0);
            let need = (0..ncols).map(|c| {
                let one_line = if with_code {
                    m.natural[c].min(cap)
                } else {
                    0.0
                };
                m.longest[c].min(cap).max(m.code[c]).max(one_line)
            });
            if need.sum::<f32>() <= content + EPS {
                return TablePlan {
                    size,
                    widths: column_widths(&m, size, avail),
                    hyphenate,
                    fits: true,
                };
            }
        }
    }
    let size = *sizes.last().unwrap_or(&TABLE_SIZE);
    let m = measure_table(fonts, table, size, hyph);
    TablePlan {
        size,
        widths: column_widths(&m, size, avail),
        hyphenate: hyph.is_some(),
        fits: false,
    }
}

/// Per column: the longest word (or piece), the widest cell, and the sum of
/// the cells' natural widths.
struct Measures {
    longest: Vec<f32>,
    /// The widest hexadecimal hash, which the column holds whole.
    code: Vec<f32>,
    natural: Vec<f32>,
    total: Vec<f32>,
    rows: usize,
}

fn measure_table(
    fonts: &FontSet,
    table: &Table,
    size: f32,
    hyph: Option<hypher::Lang>,
) -> Measures {
    let ncols = table.aligns.len();
    let mut m = Measures {
        longest: vec![0.0f32; ncols],
        code: vec![0.0f32; ncols],
        natural: vec![0.0f32; ncols],
        total: vec![0.0f32; ncols],
        rows: table.rows.len() + 1,
    };
    for row in std::iter::once(&table.header).chain(table.rows.iter()) {
        for (c, cell) in row.iter().enumerate().take(ncols) {
            let (nat, word, code) = measure_cell(fonts, cell, size, hyph);
            m.natural[c] = m.natural[c].max(nat);
            m.longest[c] = m.longest[c].max(word);
            m.code[c] = m.code[c].max(code);
            m.total[c] += nat;
        }
    }
    m
}

/// Widths of the columns (cell borders included) summing to `avail`.
///
/// Each column gets at least its longest word (so words do not break),
/// capped so that one address or path cannot starve the others (a
/// hexadecimal hash is never capped: it is read whole), with a floor of a
/// couple of characters; the rest of the
/// width goes to columns in proportion to their average text length, none
/// wider than its longest cell, and what is left after that widens every
/// column so the table spans the text width.
fn column_widths(m: &Measures, size: f32, avail: f32) -> Vec<f32> {
    let ncols = m.longest.len();
    let (natural, total) = (&m.natural, &m.total);
    let pad = 2.0 * CELL_PAD_X + SLACK;
    let content = (avail - ncols as f32 * pad).max(0.0);
    let count = m.rows as f32;
    let min_w = 1.6 * size;
    let cap = (content * 0.3).max(min_w);
    let mut w: Vec<f32> = m
        .longest
        .iter()
        .map(|l| l.clamp(min_w, cap.max(min_w)))
        .collect();
    // A hash gets its whole width, as far as the other columns' words leave.
    for c in 0..ncols {
        let others: f32 = w.iter().sum::<f32>() - w[c];
        w[c] = w[c].max(m.code[c].min(content - others));
    }
    let floor_sum: f32 = w.iter().sum();
    if floor_sum > content {
        let min_sum = ncols as f32 * min_w;
        if min_sum >= content {
            w = vec![content / ncols as f32; ncols];
        } else {
            let k = (content - min_sum) / (floor_sum - min_sum);
            for wc in &mut w {
                *wc = min_w + (*wc - min_w) * k;
            }
        }
    }
    let mut remaining = content - w.iter().sum::<f32>();
    // First, short cells (labels) on one line as far as the width allows,
    // so that a long value beside them does not squeeze them.
    let want: Vec<f32> = (0..ncols)
        .map(|c| (natural[c].min(cap) - w[c]).max(0.0))
        .collect();
    let wanted: f32 = want.iter().sum();
    if wanted > EPS && remaining > EPS {
        let k = (remaining / wanted).min(1.0);
        for c in 0..ncols {
            w[c] += want[c] * k;
        }
        remaining -= wanted * k;
    }
    for _ in 0..=ncols {
        let open: Vec<usize> = (0..ncols).filter(|&c| w[c] + EPS < natural[c]).collect();
        if open.is_empty() || remaining <= EPS {
            break;
        }
        let weight: f32 = open.iter().map(|&c| (total[c] / count).max(1.0)).sum();
        let mut used = 0.0;
        for &c in &open {
            let share = remaining * (total[c] / count).max(1.0) / weight;
            let give = share.min(natural[c] - w[c]);
            w[c] += give;
            used += give;
        }
        remaining -= used;
    }
    if remaining > EPS {
        let sum: f32 = w.iter().sum();
        for wc in &mut w {
            *wc += if sum > 0.0 {
                remaining * *wc / sum
            } else {
                remaining / ncols as f32
            };
        }
    }
    w.into_iter()
        .map(|wc| wc + 2.0 * CELL_PAD_X + SLACK)
        .collect()
}

/// A table's geometry while it is being placed.
struct TableFrame {
    x: f32,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    size: f32,
    lh: f32,
    /// The header row's lines, when it is repeated on each page.
    header: Option<Vec<Vec<Line>>>,
    quotes: Vec<f32>,
    /// Words longer than their column are hyphenated with this dictionary.
    hyph: Option<hypher::Lang>,
}

/// The page cursor.
struct Layout<'f> {
    fonts: &'f FontSet,
    pages: Vec<Page>,
    /// Top of the next thing to place.
    y: f32,
    /// Vertical space owed before the next block (dropped at a page top).
    space: f32,
    /// Nothing has been placed on the current page yet.
    empty: bool,
    /// A page break was asked for; the new page is started only when
    /// something is placed, so a final `---` adds no blank page.
    break_pending: bool,
    /// The current page is landscape.
    landscape: bool,
    /// The hyphenation dictionary of the document's language.
    hyph: Option<hypher::Lang>,
}

impl Layout<'_> {
    fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    /// Width available to body text on the current page.
    fn content_w(&self) -> f32 {
        content_w(self.landscape)
    }

    /// Lowest point body content may reach on the current page.
    fn body_bottom(&self) -> f32 {
        page_size(self.landscape).1 - BODY_FOOT
    }

    /// Height available to body text on the current page.
    fn body_h(&self) -> f32 {
        self.body_bottom() - MARGIN_TOP
    }

    /// Goes on with pages of this orientation: on the current page if
    /// nothing is on it yet, else on a new one — but text after a landscape
    /// table stays on its page, landscape, as long as it fits there, so that
    /// the page is not left mostly empty.
    fn orient(&mut self, landscape: bool, block: &Block, next: &[Block]) {
        if landscape == self.landscape {
            return;
        }
        if let (false, Block::Text(t)) = (landscape, block) {
            if self.fits_here(t, next) {
                return;
            }
        }
        self.landscape = landscape;
        self.break_pending = false;
        if self.empty {
            if let Some(page) = self.pages.last_mut() {
                page.landscape = landscape;
            }
        } else {
            self.new_page();
        }
    }

    /// Whether text block `t` (with what it keeps with it) fits on the rest
    /// of the current page; a heading only when text follows it (the table
    /// it leads to may not go on this page).
    fn fits_here(&self, t: &TextBlock, next: &[Block]) -> bool {
        let leads_to_text = next
            .iter()
            .find(|b| match b {
                Block::Space(_) => false,
                Block::Text(t) => !matches!(t.kind, TextKind::Heading(_)),
                Block::Table(_) | Block::PageBreak => true,
            })
            .is_some_and(|b| matches!(b, Block::Text(_)));
        if matches!(t.kind, TextKind::Heading(_)) && !leads_to_text {
            return false;
        }
        let (size, _, before) = text_style(t.kind);
        let lines = self.wrap_text(t, size).len();
        let need = self.space.max(before) + self.text_need(t, lines, next);
        !self.empty && !self.break_pending && self.y + need <= self.body_bottom() + EPS
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            items: Vec::new(),
            landscape: self.landscape,
        });
        self.y = MARGIN_TOP;
        self.space = 0.0;
        self.empty = true;
    }

    fn page_break(&mut self) {
        // A break on a page that is still empty would only add a blank page.
        if !self.empty {
            self.break_pending = true;
        }
        self.space = 0.0;
    }

    /// Starts the page a pending break asked for.
    fn start_block(&mut self) {
        if self.break_pending {
            self.break_pending = false;
            self.new_page();
        }
    }

    fn apply_space(&mut self) {
        if !self.empty {
            self.y += self.space;
        }
        self.space = 0.0;
    }

    fn bars(&mut self, quotes: &[f32], y0: f32, y1: f32) {
        for q in quotes {
            let x = MARGIN_X + q + 3.0;
            self.items().push(Item::Bar { x, y0, y1 });
        }
    }

    /// The lines of a text block in its indented column.
    fn wrap_text(&self, block: &TextBlock, size: f32) -> Vec<Line> {
        let width = self.content_w() - block.indent - SLACK;
        let code = block.kind == TextKind::Code;
        let hyph = if code { None } else { self.hyph };
        wrap(self.fonts, &block.inlines, (size, width), code, hyph)
    }

    /// Places a text block; `next` are the blocks after it, which a heading
    /// must not be separated from.
    fn text(&mut self, block: &TextBlock, next: &[Block]) {
        self.start_block();
        let (size, lh, before) = text_style(block.kind);
        let x0 = MARGIN_X + block.indent;
        let lines = self.wrap_text(block, size);
        self.space = self.space.max(before);
        if let TextKind::Heading(_) = block.kind {
            let need = self.space + self.text_need(block, lines.len(), next);
            if !self.empty && self.y + need > self.body_bottom() + EPS {
                self.new_page();
            }
        }
        // A paragraph before the short last section (a signature block):
        // its last lines (all of it, when short) go with that section.
        // A paragraph that introduces a code block or a list (it ends
        // with « : »): its last lines go with the start of what it leads to.
        let tail = match block.kind {
            TextKind::Body => self
                .closing_section(block, next)
                .or_else(|| self.intro_to(block, next)),
            _ => None,
        };
        let n = lines.len();
        let tail_from = if n > 4 { n - 2 } else { 0 };
        if block.kind == TextKind::Code {
            // A code block (a command to type) is kept whole on one page
            // when it fits on one.
            let need = lines.len() as f32 * lh;
            if !self.empty
                && self.y + self.space + need > self.body_bottom() + EPS
                && need <= self.body_h() + EPS
            {
                self.new_page();
            }
        }
        self.apply_space();
        let offset = baseline_offset(size, lh);
        for (i, line) in lines.into_iter().enumerate() {
            let with = match tail {
                Some(t) if i == tail_from => (n - i) as f32 * lh + t,
                _ => lh,
            };
            if !self.empty && self.y + with > self.body_bottom() + EPS {
                self.new_page();
            }
            let baseline = self.y + offset;
            if i == 0 {
                if let Some(marker) = &block.marker {
                    let mw = self.fonts.text_width(Face::Regular, marker, size);
                    let left = MARGIN_X + (block.indent - LIST_INDENT).max(0.0);
                    let mx = (x0 - 5.0 - mw).max(left);
                    self.items().push(Item::Text {
                        face: Face::Regular,
                        size,
                        grey: 0.0,
                        x: mx,
                        y: baseline,
                        text: marker.clone(),
                    });
                }
            }
            for run in line.runs {
                self.items().push(Item::Text {
                    face: run.face,
                    size,
                    grey: 0.0,
                    x: x0 + run.x,
                    y: baseline,
                    text: run.text,
                });
            }
            let y = self.y;
            self.bars(&block.quotes, y, y + lh);
            self.y += lh;
            self.empty = false;
        }
        self.space = block.space_after;
    }

    /// Height a text block of `lines` lines needs on the page where it
    /// starts (space before aside): a heading with what it keeps with it —
    /// two lines of what follows, or its whole section when it is short
    /// text (a signature block is never split from its heading or across
    /// pages); other text whole, with the short last section that must
    /// follow it ([`Self::closing_section`]).
    fn text_need(&self, block: &TextBlock, lines: usize, next: &[Block]) -> f32 {
        let (_, lh, _) = text_style(block.kind);
        let own = lines as f32 * lh;
        match block.kind {
            TextKind::Heading(level) => {
                let (next_before, next_height) = match self.short_section(level, next) {
                    Some(whole) => whole,
                    None => self.keep_height(next, 0),
                };
                own + block.space_after.max(next_before) + next_height
            }
            TextKind::Body => {
                own + self
                    .closing_section(block, next)
                    .or_else(|| self.intro_to(block, next))
                    .unwrap_or(0.0)
            }
            TextKind::Code => own,
        }
    }

    /// When `next` is the document's last section, opened by a heading
    /// and short text (a signature block), the height that must follow
    /// `block` on its page: the gap, the heading and the whole section —
    /// such a section is never alone on a page.
    fn closing_section(&self, block: &TextBlock, next: &[Block]) -> Option<f32> {
        let at = next.iter().position(|b| !matches!(b, Block::Space(_)))?;
        let Block::Text(heading) = &next[at] else {
            return None;
        };
        let TextKind::Heading(level) = heading.kind else {
            return None;
        };
        let rest = &next[at + 1..];
        let last = !rest.iter().any(
            |b| matches!(b, Block::Text(t) if matches!(t.kind, TextKind::Heading(l) if l <= level)),
        );
        if !last {
            return None;
        }
        let (section_before, section) = self.short_section(level, rest)?;
        let (size, lh, before) = text_style(heading.kind);
        let lines = self.wrap_text(heading, size).len() as f32;
        Some(
            block.space_after.max(before)
                + lines * lh
                + heading.space_after.max(section_before)
                + section,
        )
    }

    /// When `block` ends with « : » and `next` starts with a code block or
    /// a list item, the height that must follow `block` on its page: the
    /// gap and the code block (whole, when it fits on a page; else two
    /// lines), or the item's first two lines.
    fn intro_to(&self, block: &TextBlock, next: &[Block]) -> Option<f32> {
        let last = block.inlines.iter().rev().find_map(|i| match i {
            Inline::Text(_, text) => Some(text.trim_end()),
            Inline::Break => None,
        })?;
        if !last.ends_with(':') {
            return None;
        }
        let at = next.iter().position(|b| !matches!(b, Block::Space(_)))?;
        let Block::Text(t) = &next[at] else {
            return None;
        };
        let (size, lh, before) = text_style(t.kind);
        let lines = self.wrap_text(t, size).len() as f32;
        let height = match (t.kind, &t.marker) {
            (TextKind::Code, _) if lines * lh <= self.body_h() / 2.0 => lines * lh,
            (TextKind::Code, _) | (TextKind::Body, Some(_)) => lines.min(2.0) * lh,
            _ => return None,
        };
        Some(block.space_after.max(before) + height)
    }

    /// Column geometry of a table, and its header row broken into lines.
    fn table_frame(&self, table: &Table) -> (TableFrame, Vec<Vec<Line>>) {
        let avail = self.content_w() - table.indent;
        let plan = plan_table(self.fonts, table, avail, self.hyph);
        let (size, widths) = (plan.size, plan.widths);
        let lh = size * 1.35;
        let frame = TableFrame {
            x: MARGIN_X + table.indent,
            widths,
            aligns: table.aligns.clone(),
            size,
            lh,
            header: None,
            quotes: table.quotes.clone(),
            hyph: if plan.hyphenate { self.hyph } else { None },
        };
        let header = self.wrap_row(&frame, &table.header);
        (frame, header)
    }

    /// Least height a table must find on a page to start there: its header
    /// row and one line of its first row.
    fn table_start_height(&self, frame: &TableFrame, header: &[Vec<Line>], table: &Table) -> f32 {
        // The whole first row when it is not too tall, else two lines of it:
        // a header row is never left alone at the foot of a page.
        let first = match table.rows.first() {
            None => 0.0,
            Some(row) => {
                let lines = self.wrap_row(frame, row);
                let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let all = n as f32 * frame.lh + 2.0 * CELL_PAD_Y;
                if all <= self.body_h() * 0.3 {
                    all
                } else {
                    2.0 * frame.lh + 2.0 * CELL_PAD_Y
                }
            }
        };
        row_height(header, frame.lh).min(self.body_h() * 0.3) + first
    }

    /// Space before, and height, of the section a heading of `level` opens
    /// (the blocks up to the next heading of that level or above, or the
    /// end), when it is text alone and fits in a quarter of a page.
    fn short_section(&self, level: u8, next: &[Block]) -> Option<(f32, f32)> {
        let (mut first_before, mut height, mut gap) = (None, 0.0f32, 0.0f32);
        for b in next {
            match b {
                Block::Text(t) => {
                    if matches!(t.kind, TextKind::Heading(l) if l <= level) {
                        break;
                    }
                    let (size, lh, before) = text_style(t.kind);
                    let lines = self.wrap_text(t, size).len() as f32;
                    match first_before {
                        None => first_before = Some(before),
                        Some(_) => height += gap.max(before),
                    }
                    height += lines * lh;
                    gap = t.space_after;
                }
                Block::Space(s) => gap = gap.max(*s),
                Block::Table(_) | Block::PageBreak => return None,
            }
            if height > self.body_h() * 0.25 {
                return None;
            }
        }
        first_before.map(|before| (before, height))
    }

    /// Space before, and least height, that `next` needs on the page where
    /// a heading before it is placed: two lines of text, or the start of a
    /// table.
    fn keep_height(&self, next: &[Block], depth: u8) -> (f32, f32) {
        let Some(at) = next.iter().position(|b| !matches!(b, Block::Space(_))) else {
            return (0.0, 0.0);
        };
        match &next[at] {
            Block::Text(t) => {
                let (size, lh, before) = text_style(t.kind);
                let lines = self.wrap_text(t, size).len();
                if let (TextKind::Heading(_), true) = (t.kind, depth < 3) {
                    // A heading right under a heading: both go with the
                    // lines that follow the second.
                    let (after_before, after) = self.keep_height(&next[at + 1..], depth + 1);
                    (
                        before,
                        lines as f32 * lh + t.space_after.max(after_before) + after,
                    )
                } else if let (true, Some(Block::Table(table))) = (
                    lines <= 4 && t.kind != TextKind::Code,
                    next[at + 1..]
                        .iter()
                        .find(|b| !matches!(b, Block::Space(_))),
                ) {
                    // A short intro to a table: the heading, the whole
                    // paragraph and the start of the table stay together.
                    let (frame, header) = self.table_frame(table);
                    (
                        before,
                        lines as f32 * lh
                            + t.space_after.max(4.0)
                            + self.table_start_height(&frame, &header, table),
                    )
                } else if lines >= 2 || matches!(t.kind, TextKind::Heading(_)) {
                    (before, 2.0 * lh)
                } else {
                    // A one-line paragraph: the second line is whatever
                    // follows, after the usual paragraph gap.
                    (before, lh + t.space_after.max(6.0) + BODY_LH)
                }
            }
            Block::Table(t) => {
                let (frame, header) = self.table_frame(t);
                (4.0, self.table_start_height(&frame, &header, t))
            }
            Block::PageBreak | Block::Space(_) => (0.0, 0.0),
        }
    }

    fn table(&mut self, table: &Table) {
        self.start_block();
        let (mut frame, header) = self.table_frame(table);
        let lh = frame.lh;
        let header_h = row_height(&header, lh);
        let repeat = header_h <= self.body_h() * 0.3;

        self.space = self.space.max(4.0);
        // The header goes with at least one line of the first row.
        let start = self.table_start_height(&frame, &header, table);
        if !self.empty && self.y + self.space + start > self.body_bottom() + EPS {
            self.new_page();
        }
        self.apply_space();
        self.row(&frame, &header, true);
        if repeat {
            frame.header = Some(header);
        }
        for row in &table.rows {
            let lines = self.wrap_row(&frame, row);
            self.row(&frame, &lines, false);
        }
        self.space = 8.0;
    }

    fn wrap_row(&self, frame: &TableFrame, row: &[Vec<Inline>]) -> Vec<Vec<Line>> {
        row.iter()
            .zip(&frame.widths)
            .map(|(cell, w)| {
                wrap(
                    self.fonts,
                    cell,
                    (frame.size, w - 2.0 * CELL_PAD_X - SLACK),
                    false,
                    frame.hyph,
                )
            })
            .collect()
    }

    fn table_page(&mut self, frame: &TableFrame) {
        self.new_page();
        if let Some(header) = &frame.header {
            let n = header.iter().map(Vec::len).max().unwrap_or(1).max(1);
            self.fragment(frame, header, 0, n, true);
        }
    }

    /// Places a row, on the next page if it does not fit here, split by
    /// lines if it does not fit on any page.
    fn row(&mut self, frame: &TableFrame, cells: &[Vec<Line>], header: bool) {
        let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let h = n as f32 * frame.lh + 2.0 * CELL_PAD_Y;
        if self.y + h <= self.body_bottom() + EPS {
            self.fragment(frame, cells, 0, n, header);
            return;
        }
        let header_h = frame
            .header
            .as_ref()
            .map_or(0.0, |hd| row_height(hd, frame.lh));
        if h <= self.body_h() - header_h + EPS {
            self.table_page(frame);
            self.fragment(frame, cells, 0, n, header);
            return;
        }
        // Taller than a page: as many lines as fit, then continue overleaf.
        let mut start = 0;
        let mut fresh = false;
        while start < n {
            let room = self.body_bottom() - self.y - 2.0 * CELL_PAD_Y + EPS;
            let fit = if room > 0.0 {
                (room / frame.lh) as usize
            } else {
                0
            };
            let left = n - start;
            if fit < left.min(2) && !fresh {
                self.table_page(frame);
                fresh = true;
                continue;
            }
            let take = fit.max(1).min(left);
            self.fragment(frame, cells, start, start + take, header);
            start += take;
            fresh = false;
            if start < n {
                self.table_page(frame);
                fresh = true;
            }
        }
    }

    /// Draws lines `from..to` of a row's cells, with borders, at the cursor.
    fn fragment(
        &mut self,
        frame: &TableFrame,
        cells: &[Vec<Line>],
        from: usize,
        to: usize,
        header: bool,
    ) {
        let h = (to - from) as f32 * frame.lh + 2.0 * CELL_PAD_Y;
        let y = self.y;
        let offset = baseline_offset(frame.size, frame.lh);
        let mut x = frame.x;
        for (c, &w) in frame.widths.iter().enumerate() {
            if header {
                self.items().push(Item::Fill {
                    x,
                    y,
                    w,
                    h,
                    grey: HEADER_FILL,
                });
            }
            self.items().push(Item::Stroke { x, y, w, h });
            let align = frame.aligns.get(c).copied().unwrap_or(Align::Left);
            if let Some(lines) = cells.get(c) {
                for (k, line) in lines.iter().enumerate().take(to).skip(from) {
                    let baseline = y + CELL_PAD_Y + (k - from) as f32 * frame.lh + offset;
                    let dx = match align {
                        Align::Left => CELL_PAD_X,
                        Align::Right => (w - CELL_PAD_X - SLACK - line.width).max(CELL_PAD_X),
                        Align::Center => ((w - line.width) / 2.0).max(CELL_PAD_X),
                    };
                    for run in &line.runs {
                        self.items().push(Item::Text {
                            face: run.face,
                            size: frame.size,
                            grey: 0.0,
                            x: x + dx + run.x,
                            y: baseline,
                            text: run.text.clone(),
                        });
                    }
                }
            }
            x += w;
        }
        self.bars(&frame.quotes, y, y + h);
        self.y += h;
        self.empty = false;
    }
}

/// Height of a row of wrapped cells.
fn row_height(cells: &[Vec<Line>], lh: f32) -> f32 {
    let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    n as f32 * lh + 2.0 * CELL_PAD_Y
}

/// A table of this many columns or more, whose text would fill more than
/// two portrait lines per row on average, goes on landscape pages.
const CROWDED_COLUMNS: usize = 6;

/// Whether a table's words cannot all fit whole across a portrait page, or
/// its many columns would be crowded there.
fn too_wide_for_portrait(fonts: &FontSet, table: &Table, hyph: Option<hypher::Lang>) -> bool {
    let avail = content_w(false) - table.indent;
    let portrait = plan_table(fonts, table, avail, None);
    // Many columns of long text (the register's sub-processors) would be
    // narrow stacks of short lines on a portrait page.
    let crowded = table.aligns.len() >= CROWDED_COLUMNS
        && measure_table(fonts, table, portrait.size, None)
            .natural
            .iter()
            .sum::<f32>()
            > 2.0 * avail;
    if portrait.fits && portrait.size >= TABLE_SIZES[1] && !crowded {
        return false;
    }
    // Landscape only when it does better: larger text, no hyphenation, or
    // wider columns for a crowded table.
    let landscape = plan_table(fonts, table, content_w(true) - table.indent, hyph);
    landscape.fits && (!portrait.fits || landscape.size > portrait.size || crowded)
}

/// The orientation of each block: a table too wide for a portrait page is
/// set on landscape pages, and so are the headings and short paragraphs
/// that introduce it (back to the previous table or page break), so that a
/// title is never left on a page of its own.
fn orientations(blocks: &[Block], fonts: &FontSet, hyph: Option<hypher::Lang>) -> Vec<bool> {
    let mut wide: Vec<bool> = blocks
        .iter()
        .map(|b| matches!(b, Block::Table(t) if too_wide_for_portrait(fonts, t, hyph)))
        .collect();
    for i in 0..blocks.len() {
        if !wide[i] || !matches!(blocks[i], Block::Table(_)) {
            continue;
        }
        // Back to the table's heading: the paragraphs that introduce it,
        // never the list or code that ends the section before (it would
        // leave its page mostly empty).
        let mut k = i;
        let mut texts = 0;
        while k > 0 && texts < 3 {
            match &blocks[k - 1] {
                Block::Text(t) if t.kind != TextKind::Code && t.marker.is_none() => {
                    texts += 1;
                    wide[k - 1] = true;
                    if matches!(t.kind, TextKind::Heading(_)) {
                        break;
                    }
                }
                Block::Space(_) => wide[k - 1] = true,
                _ => break,
            }
            k -= 1;
        }
    }
    wide
}

/// Places `blocks` on pages, hyphenating words longer than a line (or a
/// column) with the dictionary of `hyph`. There is always at least one page.
pub(crate) fn layout(blocks: &[Block], fonts: &FontSet, hyph: Option<hypher::Lang>) -> Vec<Page> {
    let wide = orientations(blocks, fonts, hyph);
    let mut l = Layout {
        fonts,
        pages: vec![Page::default()],
        y: MARGIN_TOP,
        space: 0.0,
        empty: true,
        break_pending: false,
        landscape: false,
        hyph,
    };
    for (i, block) in blocks.iter().enumerate() {
        if matches!(block, Block::Text(_) | Block::Table(_)) {
            l.orient(wide[i], block, &blocks[i + 1..]);
        }
        match block {
            Block::Text(t) => l.text(t, &blocks[i + 1..]),
            Block::Table(t) => l.table(t),
            Block::PageBreak => l.page_break(),
            Block::Space(s) if !l.break_pending => l.space = l.space.max(*s),
            Block::Space(_) => {}
        }
    }
    l.pages
}

/// Adds the footer to every page: `label` with `{page}` and `{pages}`
/// replaced, right-aligned, and `left` at the left margin, broken into as
/// many lines as it needs (up to the foot of the body) so that it always
/// ends within the page; only what would not fit even then is shortened.
pub(crate) fn add_footers(pages: &mut [Page], fonts: &FontSet, left: &str, label: &str) {
    let total = pages.len();
    let mut left_clean = String::new();
    fonts.clean_into(Face::Regular, left, &mut left_clean);
    let left_clean = left_clean.trim();
    for (i, page) in pages.iter_mut().enumerate() {
        let (page_w, page_h) = page.size();
        let baseline = page_h - FOOTER_FOOT;
        let mut text = String::new();
        let label = label
            .replace("{page}", &(i + 1).to_string())
            .replace("{pages}", &total.to_string());
        fonts.clean_into(Face::Regular, &label, &mut text);
        let label_w = fonts.text_width(Face::Regular, &text, FOOTER_SIZE);
        let label_x = (page_w - MARGIN_X - label_w - SLACK).max(MARGIN_X);
        if !text.trim().is_empty() {
            page.items.push(footer_item(label_x, baseline, text));
        }
        if !left_clean.is_empty() {
            let room = label_x - MARGIN_X - if label_w > 0.0 { 12.0 } else { 0.0 };
            let inline = [Inline::Text(Face::Regular, left_clean.to_string())];
            let lines = wrap(fonts, &inline, (FOOTER_SIZE, room), false, None);
            // Lines go up from the last baseline, no higher than the body.
            let max_lines = ((BODY_FOOT - FOOTER_FOOT) / FOOTER_LH) as usize;
            let n = lines.len().min(max_lines.max(1));
            for (k, line) in lines.iter().take(n).enumerate() {
                let mut shown: String = line.runs.iter().map(|r| r.text.as_str()).collect();
                if k + 1 == n && n < lines.len() {
                    let rest: Vec<&str> = lines[k..]
                        .iter()
                        .flat_map(|l| l.runs.iter().map(|r| r.text.as_str()))
                        .collect();
                    shown = truncate(fonts, &rest.join(" "), room);
                }
                let y = baseline - (n - 1 - k) as f32 * FOOTER_LH;
                page.items.push(footer_item(MARGIN_X, y, shown));
            }
        }
    }
}

fn footer_item(x: f32, y: f32, text: String) -> Item {
    Item::Text {
        face: Face::Regular,
        size: FOOTER_SIZE,
        grey: FOOTER_GREY,
        x,
        y,
        text,
    }
}

/// `text`, or as much of it as fits in `room` points followed by "…".
fn truncate(fonts: &FontSet, text: &str, room: f32) -> String {
    if fonts.text_width(Face::Regular, text, FOOTER_SIZE) <= room {
        return text.to_string();
    }
    let ellipsis = fonts.char_width(Face::Regular, '…', FOOTER_SIZE);
    let mut width = ellipsis;
    let mut out = String::new();
    for c in text.chars() {
        let w = fonts.char_width(Face::Regular, c, FOOTER_SIZE);
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    if width > room {
        return String::new();
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}
