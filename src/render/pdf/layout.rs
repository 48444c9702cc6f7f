//! Places blocks on A4 pages: line breaking by measured glyph advances,
//! pagination (keep-with-next for headings, tables split by row and, when a
//! row is taller than a page, by line, with the header row repeated), and the
//! page footer. The result is a list of positioned items per page, in points
//! measured from the top-left corner; `emit` turns them into PDF operators.

use super::blocks::{Align, Block, Inline, Table, TextBlock, TextKind, LIST_INDENT};
use super::fonts::{Face, FontSet};

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
/// Lowest point body content may reach; below it is the footer.
pub(crate) const BODY_BOTTOM: f32 = PAGE_H - 22.0 * MM;
/// Baseline of the footer line.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_H - 12.0 * MM;
/// Width available to body text.
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Height available to body text on a page.
const BODY_H: f32 = BODY_BOTTOM - MARGIN_TOP;

/// Body text size and line height.
const BODY_SIZE: f32 = 10.0;
const BODY_LH: f32 = BODY_SIZE * 1.35;
/// Table text size (before shrinking for very many columns) and cell padding.
const TABLE_SIZE: f32 = 9.0;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
/// Footer text size.
const FOOTER_SIZE: f32 = 8.0;
/// Grey levels (0 black, 1 white).
const FOOTER_GREY: f32 = 0.4;
const HEADER_FILL: f32 = 0.9;
/// Lines are broken this much short of the available width, so that float
/// rounding in summed advances can never push a glyph over an edge.
const SLACK: f32 = 0.25;
/// Tolerance for comparisons of positions.
const EPS: f32 = 0.01;
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

/// Whether `c` separates words. No-break spaces (French uses U+202F before
/// `:` and inside `« »`) do not.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
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
}

impl<'f> Breaker<'f> {
    fn new(fonts: &'f FontSet, size: f32, max: f32) -> Self {
        Breaker {
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
            // Longer than a line (an e-mail address or a hash in a narrow
            // cell): start it on its own line and break between characters.
            if !self.line.runs.is_empty() {
                self.new_line();
            }
            for (face, text, _) in word {
                let data = self.fonts.face(face);
                for c in text.chars() {
                    let w = data.width(c) * self.size;
                    if self.line.width + w > self.max + EPS && !self.line.runs.is_empty() {
                        self.new_line();
                    }
                    let x = self.line.width;
                    match self.line.runs.last_mut() {
                        Some(run) if run.face == face => run.text.push(c),
                        _ => self.line.runs.push(Run {
                            face,
                            x,
                            text: c.to_string(),
                        }),
                    }
                    self.line.width += w;
                }
            }
        }
        self.space = None;
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
    size: f32,
    max: f32,
    keep_spaces: bool,
) -> Vec<Line> {
    let mut b = Breaker::new(fonts, size, max);
    for inline in inlines {
        match inline {
            Inline::Text(face, text) => b.push(*face, text, keep_spaces),
            Inline::Break => b.hard_break(),
        }
    }
    b.finish()
}

/// Natural width (longest forced line, unbroken) and longest word of a cell.
fn measure_cell(fonts: &FontSet, cell: &[Inline], size: f32) -> (f32, f32) {
    let (mut natural, mut line, mut longest, mut word) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for inline in cell {
        match inline {
            Inline::Text(face, text) => {
                let data = fonts.face(*face);
                for c in text.chars() {
                    let w = data.width(c) * size;
                    line += w;
                    if is_break_space(c) {
                        longest = longest.max(word);
                        word = 0.0;
                    } else {
                        word += w;
                    }
                }
            }
            Inline::Break => {
                natural = natural.max(line);
                longest = longest.max(word);
                line = 0.0;
                word = 0.0;
            }
        }
    }
    (natural.max(line), longest.max(word))
}

/// Widths of the columns (cell borders included) summing to `avail`.
///
/// Each column gets at least its longest word (so words do not break), capped
/// so that one hash or address cannot starve the others, with a floor of a
/// couple of characters; the rest of the width goes to columns in proportion
/// to their average text length, none wider than its longest cell, and what is
/// left after that widens every column so the table spans the text width.
fn column_widths(fonts: &FontSet, table: &Table, size: f32, avail: f32) -> Vec<f32> {
    let ncols = table.aligns.len();
    let pad = 2.0 * CELL_PAD_X + SLACK;
    let content = (avail - ncols as f32 * pad).max(0.0);
    let mut longest = vec![0.0f32; ncols];
    let mut natural = vec![0.0f32; ncols];
    let mut total = vec![0.0f32; ncols];
    for row in std::iter::once(&table.header).chain(table.rows.iter()) {
        for (c, cell) in row.iter().enumerate().take(ncols) {
            let (nat, word) = measure_cell(fonts, cell, size);
            natural[c] = natural[c].max(nat);
            longest[c] = longest[c].max(word);
            total[c] += nat;
        }
    }
    let count = (table.rows.len() + 1) as f32;
    let min_w = 1.6 * size;
    let cap = (content * 0.3).max(min_w);
    let mut w: Vec<f32> = longest.iter().map(|l| l.clamp(min_w, cap)).collect();
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
}

impl Layout<'_> {
    fn items(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].items
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
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
        let width = CONTENT_W - block.indent - SLACK;
        let code = block.kind == TextKind::Code;
        wrap(self.fonts, &block.inlines, size, width, code)
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
            // Keep with next: the heading and two lines of what follows.
            let (next_before, next_height) = self.keep_height(next, 0);
            let need = self.space
                + lines.len() as f32 * lh
                + block.space_after.max(next_before)
                + next_height;
            if !self.empty && self.y + need > BODY_BOTTOM + EPS {
                self.new_page();
            }
        }
        self.apply_space();
        let offset = baseline_offset(size, lh);
        for (i, line) in lines.into_iter().enumerate() {
            if !self.empty && self.y + lh > BODY_BOTTOM + EPS {
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

    /// Column geometry of a table, and its header row broken into lines.
    fn table_frame(&self, table: &Table) -> (TableFrame, Vec<Vec<Line>>) {
        let ncols = table.aligns.len().max(1);
        let avail = CONTENT_W - table.indent;
        // With very many columns, shrink the text so that every column can
        // hold at least a character or two.
        let per_col = avail / ncols as f32 - 2.0 * CELL_PAD_X - SLACK;
        let size = TABLE_SIZE.min(per_col / 1.6).max(4.0);
        let lh = size * 1.35;
        let widths = column_widths(self.fonts, table, size, avail);
        let frame = TableFrame {
            x: MARGIN_X + table.indent,
            widths,
            aligns: table.aligns.clone(),
            size,
            lh,
            header: None,
            quotes: table.quotes.clone(),
        };
        let header = self.wrap_row(&frame, &table.header);
        (frame, header)
    }

    /// Least height a table must find on a page to start there: its header
    /// row and one line of its first row.
    fn table_start_height(frame: &TableFrame, header: &[Vec<Line>], table: &Table) -> f32 {
        let first = if table.rows.is_empty() {
            0.0
        } else {
            frame.lh + 2.0 * CELL_PAD_Y
        };
        row_height(header, frame.lh).min(BODY_H * 0.3) + first
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
                (4.0, Self::table_start_height(&frame, &header, t))
            }
            Block::PageBreak | Block::Space(_) => (0.0, 0.0),
        }
    }

    fn table(&mut self, table: &Table) {
        self.start_block();
        let (mut frame, header) = self.table_frame(table);
        let lh = frame.lh;
        let header_h = row_height(&header, lh);
        let repeat = header_h <= BODY_H * 0.3;

        self.space = self.space.max(4.0);
        // The header goes with at least one line of the first row.
        let start = Self::table_start_height(&frame, &header, table);
        if !self.empty && self.y + self.space + start > BODY_BOTTOM + EPS {
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
                    frame.size,
                    w - 2.0 * CELL_PAD_X - SLACK,
                    false,
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
        if self.y + h <= BODY_BOTTOM + EPS {
            self.fragment(frame, cells, 0, n, header);
            return;
        }
        let header_h = frame
            .header
            .as_ref()
            .map_or(0.0, |hd| row_height(hd, frame.lh));
        if h <= BODY_H - header_h + EPS {
            self.table_page(frame);
            self.fragment(frame, cells, 0, n, header);
            return;
        }
        // Taller than a page: as many lines as fit, then continue overleaf.
        let mut start = 0;
        let mut fresh = false;
        while start < n {
            let room = BODY_BOTTOM - self.y - 2.0 * CELL_PAD_Y + EPS;
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

/// Places `blocks` on pages. There is always at least one page.
pub(crate) fn layout(blocks: &[Block], fonts: &FontSet) -> Vec<Page> {
    let mut l = Layout {
        fonts,
        pages: vec![Page::default()],
        y: MARGIN_TOP,
        space: 0.0,
        empty: true,
        break_pending: false,
    };
    for (i, block) in blocks.iter().enumerate() {
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

/// Adds the footer to every page: `left` at the left margin (shortened with
/// "…" if it would run into the label), `label` with `{page}` and `{pages}`
/// replaced, right-aligned.
pub(crate) fn add_footers(pages: &mut [Page], fonts: &FontSet, left: &str, label: &str) {
    let total = pages.len();
    let mut left_clean = String::new();
    fonts.clean_into(Face::Regular, left, &mut left_clean);
    let left_clean = left_clean.trim();
    for (i, page) in pages.iter_mut().enumerate() {
        let mut text = String::new();
        let label = label
            .replace("{page}", &(i + 1).to_string())
            .replace("{pages}", &total.to_string());
        fonts.clean_into(Face::Regular, &label, &mut text);
        let label_w = fonts.text_width(Face::Regular, &text, FOOTER_SIZE);
        let label_x = (PAGE_W - MARGIN_X - label_w - SLACK).max(MARGIN_X);
        if !text.trim().is_empty() {
            page.items.push(footer_item(label_x, text));
        }
        if !left_clean.is_empty() {
            let room = label_x - MARGIN_X - if label_w > 0.0 { 12.0 } else { 0.0 };
            let shown = truncate(fonts, left_clean, room);
            if !shown.is_empty() {
                page.items.push(footer_item(MARGIN_X, shown));
            }
        }
    }
}

fn footer_item(x: f32, text: String) -> Item {
    Item::Text {
        face: Face::Regular,
        size: FOOTER_SIZE,
        grey: FOOTER_GREY,
        x,
        y: FOOTER_BASELINE,
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
