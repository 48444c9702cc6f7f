//! Markdown (parsed by pulldown-cmark) to a flat list of blocks: runs of
//! styled text with their indentation and list marker, tables, page breaks.
//!
//! Nesting (lists in lists, quotes) is resolved here into an indent and a
//! quote depth, so that the layout only ever places flat blocks.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::fonts::{Face, FontSet};
use crate::model::Lang;
use crate::render::catalog::Catalog;

/// Indent of each list level, in points; the marker sits in this gutter.
pub(crate) const LIST_INDENT: f32 = 20.0;
/// Indent of each block-quote level, in points.
pub(crate) const QUOTE_INDENT: f32 = 14.0;

/// A piece of inline content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text drawn with one face; already cleaned for that face.
    Text(Face, String),
    /// A forced line break (hard break, or `<br>` in a table cell).
    Break,
}

/// What a text block is, which decides its size and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// Body text (paragraphs, list items, quotes).
    Body,
    /// A heading of level 1 to 4 (5 and 6 are drawn as 4).
    Heading(u8),
    /// A fenced or indented code block: spaces and line ends are kept.
    Code,
}

/// A block of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextBlock {
    /// Size and spacing class.
    pub(crate) kind: TextKind,
    /// The content.
    pub(crate) inlines: Vec<Inline>,
    /// Left indent from the margin, points.
    pub(crate) indent: f32,
    /// List marker drawn in the gutter left of the first line.
    pub(crate) marker: Option<String>,
    /// Indent of each enclosing block quote, outermost first (each draws a bar).
    pub(crate) quotes: Vec<f32>,
    /// Space wanted after the block, points.
    pub(crate) space_after: f32,
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Flush left (the default).
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A GFM table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// Header cells, drawn bold.
    pub(crate) header: Vec<Vec<Inline>>,
    /// Body rows, each with exactly as many cells as the header.
    pub(crate) rows: Vec<Vec<Vec<Inline>>>,
    /// One alignment per column.
    pub(crate) aligns: Vec<Align>,
    /// Left indent from the margin, points.
    pub(crate) indent: f32,
    /// Indent of each enclosing block quote, outermost first.
    pub(crate) quotes: Vec<f32>,
}

/// A block the layout places.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// Text.
    Text(TextBlock),
    /// A table.
    Table(Table),
    /// Start a new page (a thematic break, `---`).
    PageBreak,
    /// At least this much vertical space before the next block.
    Space(f32),
}

/// An open container.
enum Container {
    List { next_number: Option<u64> },
    Item { marker: Option<String> },
    Quote,
}

/// A table being read.
struct TableBuilder {
    aligns: Vec<Align>,
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
    in_head: bool,
}

/// Converts the event stream into blocks.
struct Builder<'f> {
    fonts: &'f FontSet,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    containers: Vec<Container>,
    table: Option<TableBuilder>,
    strong: u32,
    emphasis: u32,
    heading: Option<u8>,
    code_block: bool,
    in_paragraph: bool,
    html_block: bool,
    /// Open links: destination and the link text read so far.
    links: Vec<(String, String)>,
}

/// Parses `markdown` into blocks. Never fails: Markdown has no syntax errors.
pub(crate) fn parse(markdown: &str, fonts: &FontSet) -> Vec<Block> {
    let mut b = Builder {
        fonts,
        blocks: Vec::new(),
        inlines: Vec::new(),
        containers: Vec::new(),
        table: None,
        strong: 0,
        emphasis: 0,
        heading: None,
        code_block: false,
        in_paragraph: false,
        html_block: false,
        links: Vec::new(),
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        b.event(event);
    }
    b.flush(TextKind::Body);
    b.blocks
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.html_block {
                    return;
                }
                if self.code_block {
                    self.code_text(&text);
                } else {
                    let face = self.face();
                    self.push_text(face, &text);
                }
            }
            // Inline code keeps the regular face, even inside bold text.
            Event::Code(text) => self.push_text(Face::Regular, &text),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                let face = self.face();
                self.push_text(face, &text);
            }
            Event::SoftBreak => {
                let face = self.face();
                self.push_text(face, " ");
            }
            Event::HardBreak => self.inlines.push(Inline::Break),
            Event::InlineHtml(html) => {
                // Content of HTML is ignored, but `<br>` is how a Markdown
                // table cell spells a line break, so it keeps that meaning.
                if is_br(&html) {
                    self.inlines.push(Inline::Break);
                }
            }
            Event::Html(_) => {}
            Event::FootnoteReference(label) => {
                let face = self.face();
                self.push_text(face, &format!("[{label}]"));
            }
            Event::TaskListMarker(done) => {
                self.push_text(Face::Regular, if done { "☑ " } else { "☐ " });
            }
            Event::Rule => {
                self.flush(TextKind::Body);
                self.blocks.push(Block::PageBreak);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.flush(TextKind::Body);
                self.in_paragraph = true;
            }
            Tag::Heading { level, .. } => {
                self.flush(TextKind::Body);
                self.heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                });
            }
            Tag::BlockQuote(_) => {
                self.flush(TextKind::Body);
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(_) => {
                self.flush(TextKind::Body);
                self.code_block = true;
            }
            Tag::HtmlBlock => {
                self.flush(TextKind::Body);
                self.html_block = true;
            }
            Tag::List(start) => {
                self.flush(TextKind::Body);
                self.containers.push(Container::List { next_number: start });
            }
            Tag::Item => {
                self.flush(TextKind::Body);
                let marker = self.next_marker();
                self.containers.push(Container::Item {
                    marker: Some(marker),
                });
            }
            Tag::Table(aligns) => {
                self.flush(TextKind::Body);
                self.table = Some(TableBuilder {
                    aligns: aligns
                        .iter()
                        .map(|a| match a {
                            Alignment::Center => Align::Center,
                            Alignment::Right => Align::Right,
                            Alignment::Left | Alignment::None => Align::Left,
                        })
                        .collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                    t.row.clear();
                }
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                }
            }
            Tag::TableCell => self.inlines.clear(),
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => {
                self.links.push((dest_url.to_string(), String::new()));
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(TextKind::Body),
            Tag::Image { .. }
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.flush(TextKind::Body);
                self.in_paragraph = false;
            }
            TagEnd::Heading(_) => {
                let level = self.heading.take().unwrap_or(4);
                self.flush(TextKind::Heading(level));
            }
            TagEnd::BlockQuote(_) => {
                self.flush(TextKind::Body);
                self.containers.pop();
                self.blocks.push(Block::Space(6.0));
            }
            TagEnd::CodeBlock => {
                self.flush(TextKind::Code);
                self.code_block = false;
            }
            TagEnd::HtmlBlock => self.html_block = false,
            TagEnd::List(_) => {
                self.flush(TextKind::Body);
                self.containers.pop();
                // A nested list ends inside its parent list: no gap there.
                if !self
                    .containers
                    .iter()
                    .any(|c| matches!(c, Container::List { .. }))
                {
                    self.blocks.push(Block::Space(6.0));
                }
            }
            TagEnd::Item => {
                self.flush(TextKind::Body);
                // An empty item still shows its marker.
                if let Some(Container::Item { marker: Some(_) }) = self.containers.last() {
                    self.inlines
                        .push(Inline::Text(Face::Regular, String::new()));
                    self.flush(TextKind::Body);
                }
                self.containers.pop();
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inlines);
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut t.row);
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    if !t.in_head {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_table(t);
                }
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                if let Some((url, text)) = self.links.pop() {
                    self.close_link(&url, &text);
                }
            }
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(TextKind::Body),
            TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Face for text at the current position.
    fn face(&self) -> Face {
        if self.strong > 0 || self.heading.is_some() {
            Face::Bold
        } else if self.emphasis > 0 {
            Face::Italic
        } else {
            Face::Regular
        }
    }

    fn push_text(&mut self, face: Face, text: &str) {
        for (_, link_text) in &mut self.links {
            link_text.push_str(text);
        }
        // A short phrase set apart in italics or bold, or between « »
        // (« à compléter », « à confirmer »), is never broken across lines.
        let marked;
        let text = if face != Face::Regular && self.heading.is_none() && is_short_phrase(text) {
            marked = text.replace(' ', "\u{A0}");
            marked.as_str()
        } else {
            marked = dates_whole(&short_quotes_whole(text));
            marked.as_str()
        };
        if let Some(Inline::Text(last_face, last)) = self.inlines.last_mut() {
            if *last_face == face {
                self.fonts.clean_into(face, text, last);
                return;
            }
        }
        let mut s = String::with_capacity(text.len());
        self.fonts.clean_into(face, text, &mut s);
        self.inlines.push(Inline::Text(face, s));
    }

    /// Code block text: every line end is a forced break.
    fn code_text(&mut self, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            self.push_text(Face::Regular, line);
            if lines.peek().is_some() {
                self.inlines.push(Inline::Break);
            }
        }
    }

    /// Appends ` (url)` after a link's text unless the text already says it.
    fn close_link(&mut self, url: &str, text: &str) {
        let text = text.trim();
        let bare = url.strip_prefix("mailto:").unwrap_or(url);
        if url.is_empty() || url.starts_with('#') || text == url || text == bare {
            return;
        }
        let face = self.face();
        self.push_text(face, &format!(" ({url})"));
    }

    fn next_marker(&mut self) -> String {
        let depth = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count();
        match self.containers.last_mut() {
            Some(Container::List {
                next_number: Some(n),
            }) => {
                let marker = format!("{n}.");
                *n = n.saturating_add(1);
                marker
            }
            _ => if depth % 2 == 1 { "•" } else { "–" }.to_string(),
        }
    }

    /// Indent, quote indents and pending list marker of the current position.
    fn position(&mut self) -> (f32, Vec<f32>, Option<String>) {
        let mut indent = 0.0;
        let mut quotes = Vec::new();
        for c in &self.containers {
            match c {
                Container::Item { .. } => indent += LIST_INDENT,
                Container::Quote => {
                    quotes.push(indent);
                    indent += QUOTE_INDENT;
                }
                Container::List { .. } => {}
            }
        }
        let marker = self.containers.iter_mut().rev().find_map(|c| match c {
            Container::Item { marker } => Some(marker.take()),
            _ => None,
        });
        (indent, quotes, marker.flatten())
    }

    /// Turns the inline buffer into a text block, if it holds anything.
    fn flush(&mut self, kind: TextKind) {
        if self.table.is_some() {
            // Inside a table, inline content belongs to the current cell.
            return;
        }
        let has_content = self.inlines.iter().any(|i| match i {
            Inline::Text(_, s) => !s.trim().is_empty(),
            Inline::Break => true,
        });
        let in_item = self
            .containers
            .iter()
            .any(|c| matches!(c, Container::Item { .. }));
        let marker_pending = matches!(
            self.containers.last(),
            Some(Container::Item { marker: Some(_) })
        );
        // An empty item (only its marker) still makes a block.
        let bare_marker = marker_pending && !self.inlines.is_empty();
        if !(has_content || bare_marker) {
            self.inlines.clear();
            return;
        }
        let inlines = std::mem::take(&mut self.inlines);
        let (indent, quotes, marker) = self.position();
        let space_after = match kind {
            TextKind::Heading(1) => 10.0,
            TextKind::Heading(2) => 6.0,
            TextKind::Heading(_) => 4.0,
            TextKind::Code => 6.0,
            // Items of a tight list are not paragraphs: keep them close.
            TextKind::Body if in_item && !self.in_paragraph => 2.0,
            TextKind::Body => 6.0,
        };
        self.blocks.push(Block::Text(TextBlock {
            kind,
            inlines,
            indent,
            marker,
            quotes,
            space_after,
        }));
    }

    fn push_table(&mut self, t: TableBuilder) {
        let ncols = t.header.len().max(t.aligns.len()).max(1);
        let fit = |mut row: Vec<Vec<Inline>>| {
            row.resize(ncols, Vec::new());
            row
        };
        // Header text is bold whatever its Markdown says.
        let header = fit(t.header)
            .into_iter()
            .map(|cell| {
                cell.into_iter()
                    .map(|i| match i {
                        Inline::Text(_, s) => {
                            // Cleaned again: the bold face may lack a glyph.
                            let mut bold = String::with_capacity(s.len());
                            self.fonts.clean_into(Face::Bold, &s, &mut bold);
                            Inline::Text(Face::Bold, bold)
                        }
                        Inline::Break => Inline::Break,
                    })
                    .collect()
            })
            .collect();
        let rows = t.rows.into_iter().map(fit).collect();
        let mut aligns = t.aligns;
        aligns.resize(ncols, Align::Left);
        let (indent, quotes, _) = self.position();
        self.blocks.push(Block::Table(Table {
            header,
            rows,
            aligns,
            indent,
            quotes,
        }));
    }
}

/// Whether an inline HTML fragment is a `<br>` tag.
/// At most three words, at most 24 characters: a phrase kept on one line.
/// `text` with the spaces of each short phrase between guillemets or
/// quotation marks (« à compléter », "to be completed") made no-break, so
/// that the phrase and its marks stay on one line.
fn short_quotes_whole(text: &str) -> String {
    QUOTES
        .iter()
        .fold(text.to_string(), |text, &(open, close)| {
            quoted_whole(&text, open, close)
        })
}

/// The pairs of marks that set a phrase apart.
const QUOTES: [(char, char); 3] = [('«', '»'), ('"', '"'), ('“', '”')];

fn quoted_whole(text: &str, open: char, close: char) -> String {
    if !text.contains(open) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let inside = &from[open.len_utf8()..];
        match inside.find(close) {
            Some(end) => {
                let inner = &inside[..end];
                let quoted = &from[..open.len_utf8() + end + close.len_utf8()];
                if is_short_phrase(inner) {
                    out.push_str(&quoted.replace(' ', "\u{A0}"));
                } else {
                    out.push_str(quoted);
                }
                rest = &from[quoted.len()..];
            }
            None => {
                out.push_str(from);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when `word` is a month as a date in words names it (`long_date`:
/// « 1er février 2021 », "1 February 2021"): the catalogs' `months`.
fn is_month(word: &str) -> bool {
    static MONTHS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    MONTHS
        .get_or_init(|| {
            [Lang::Fr, Lang::En]
                .into_iter()
                .flat_map(|lang| Catalog::of(lang).list("months"))
                .collect()
        })
        .iter()
        .any(|m| m == word)
}

/// `text` with each date in words (day, month and year) made one unit: the
/// spaces between them no-break, as French typography asks.
fn dates_whole(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let is_day = |w: &str| {
        w == "1er" || (w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
    };
    let is_year = |w: &str| w.len() >= 4 && w[..4].bytes().all(|b| b.is_ascii_digit());
    let mut out = String::with_capacity(text.len());
    let mut glue = vec![false; words.len()];
    for i in 0..words.len().saturating_sub(1) {
        if is_day(words[i]) && is_month(words[i + 1]) {
            glue[i] = true;
            if words.get(i + 2).is_some_and(|w| is_year(w)) {
                glue[i + 1] = true;
            }
        }
    }
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(if glue[i - 1] { '\u{A0}' } else { ' ' });
        }
        out.push_str(w);
    }
    out
}

fn is_short_phrase(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= 24 && text.matches(' ').count() <= 2
}

fn is_br(html: &str) -> bool {
    let inner = html
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    inner.eq_ignore_ascii_case("br")
}
