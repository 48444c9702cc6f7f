//! A spreadsheet as plain values: the workbook the register and the status
//! logs are exported to (ODS, XLSX), and the one an import reads back.
//!
//! The builders (`register`, `status`) make a [`Workbook`] of typed cells in
//! one language; the writers turn it into bytes; the reader turns a file into
//! the same shape. A cell never carries a style name: it carries a [`Mark`],
//! and each writer gives the mark its own visible style, so a missing fact
//! stays visible in any spreadsheet program.

pub mod read;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Why a cell is shown apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A required fact nobody has given yet: the text is the catalog's
    /// « à compléter ».
    Missing,
    /// A value the DPO assumed: the text is the value followed by the
    /// catalog's « (à confirmer) ».
    Assumed,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text; a list is one item per line.
    Text(String),
    /// A number (counts, months).
    Number(f64),
    /// A calendar day, typed as a date.
    Date(NaiveDate),
    /// A wall-clock time in the processor's zone, typed as a date-time; the
    /// column's header names the zone.
    DateTime(NaiveDateTime),
    /// Text shown apart (see [`Mark`]).
    Marked(String, Mark),
}

impl Cell {
    /// A text cell, or [`Cell::Empty`] for an empty string.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

/// One column: the header a person reads, and a stable key the import
/// recognises whatever the language.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Stable key (a catalog message id), the same in every language.
    pub key: String,
    /// The header, in the workbook's language.
    pub header: String,
}

/// One sheet: a header row (frozen by the writers) then the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Its name, at most 31 characters, none of `[]:*?/\` (both formats'
    /// rule).
    pub name: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows; each has at most as many cells as there are columns.
    pub rows: Vec<Vec<Cell>>,
}

/// A whole workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The document's title (its properties).
    pub title: String,
    /// The document's creation time (its properties): the command's `--now`,
    /// so that the same workspace and `--now` give the same bytes.
    pub created: DateTime<Utc>,
    /// The sheets, in order.
    pub sheets: Vec<Sheet>,
    /// Dates shown day first (`JJ/MM/AAAA`, French) rather than ISO
    /// (`YYYY-MM-DD`): the display format only, the cell holds the date.
    pub day_first: bool,
}

/// The longest sheet name both formats accept.
pub const MAX_SHEET_NAME: usize = 31;

/// `name` made into a sheet name: the characters both formats forbid become
/// `-`, cut at [`MAX_SHEET_NAME`] characters, and made distinct from `taken`
/// by a ` (2)`, ` (3)`… suffix; a name Excel reserves (`History`) or an
/// empty one gets the suffix too.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = MAX_SHEET_NAME - suffix.chars().count();
        let base: String = clean.chars().take(room).collect();
        let candidate = format!("{}{suffix}", base.trim_end());
        let reserved = candidate.is_empty() || candidate.eq_ignore_ascii_case("history");
        if !reserved && !taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            return candidate;
        }
        n += 1;
    }
}

pub mod ods;
pub mod xlsx;

/// One item of a one-item-per-line cell (a list, a transfer's line): its
/// line breaks written `\n` and its backslashes `\\`, so an item never
/// spills onto the next line; [`unescape_item`] undoes it.
pub fn escape_item(item: &str) -> String {
    item.replace("\r\n", "\n")
        .replace('\\', "\\\\")
        .replace(['\n', '\r'], "\\n")
}

/// Whether one line of a cell reads as [`escape_item`] writes it: it holds
/// a backslash, and each one begins `\\` or `\n`. A backslash the export
/// cannot write (`\\srv\commun`, `C:\Dossier`) means the line was typed
/// by hand: read as typed, never unescaped.
pub fn is_escaped(text: &str) -> bool {
    let mut chars = text.chars();
    let mut any = false;
    while let Some(c) = chars.next() {
        if c == '\\' {
            any = true;
            if !matches!(chars.next(), Some('\\' | 'n')) {
                return false;
            }
        }
    }
    any
}

/// An item of a one-item-per-line cell as it was before [`escape_item`].
pub fn unescape_item(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A writer could not make the file (a bug or a limit of the format: the
/// workbook itself is plain values).
#[derive(Debug, thiserror::Error)]
#[error("{format}: {reason}")]
pub struct SheetError {
    /// `ODS` or `XLSX`.
    pub format: &'static str,
    /// What the crate said.
    pub reason: String,
}

impl SheetError {
    /// What the refusal says, as catalog messages.
    pub fn told(&self) -> crate::render::catalog::Told {
        use crate::render::catalog::{Msg, Told};
        Told::new(
            Msg::new("sheets-write-failed")
                .arg("format", self.format)
                .arg("reason", self.reason.as_str()),
        )
    }

    pub(crate) fn new(format: &'static str, reason: impl std::fmt::Display) -> Self {
        SheetError {
            format,
            reason: reason.to_string(),
        }
    }
}

/// The widest a column is fitted to, in characters; longer text wraps.
pub const MAX_WIDTH: usize = 60;

/// The narrowest a column is, in characters.
pub const MIN_WIDTH: usize = 6;

/// The width of each column of `sheet` in characters: its longest line
/// (header included; a date counts 10, a date-time 16), between
/// [`MIN_WIDTH`] and [`MAX_WIDTH`].
pub fn fitted_widths(sheet: &Sheet) -> Vec<usize> {
    let longest = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    sheet
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|cell| match cell {
                    Cell::Empty => 0,
                    Cell::Text(s) | Cell::Marked(s, _) => longest(s),
                    Cell::Number(n) => n.to_string().len(),
                    Cell::Date(_) => 10,
                    Cell::DateTime(_) => 16,
                });
            (longest(&c.header) + 2)
                .max(cells.max().unwrap_or(0) + 1)
                .clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_item_s_line_breaks_and_backslashes_are_escaped_and_undone() {
        for item in ["a\nb", "c:\\n\\x\\", "plain", "x\r\ny", "\\\\n"] {
            let e = super::escape_item(item);
            assert!(!e.contains('\n') && !e.contains('\r'), "{e}");
            assert_eq!(super::unescape_item(&e), item.replace("\r\n", "\n"));
        }
        assert_eq!(super::escape_item("a\nb"), "a\\nb");
        assert_eq!(super::unescape_item("a\\qb\\"), "a\\qb\\");
        assert!(super::is_escaped("C:\\nouveau") && super::is_escaped("a\\\\b"));
        assert!(!super::is_escaped("\\\\srv\\commun") && !super::is_escaped("C:\\D"));
        assert!(!super::is_escaped("sans barre") && !super::is_escaped("fin\\"));
    }

    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_distinct() {
        assert_eq!(
            sheet_name("Commune de Juvisy-sur-Orge", &[]),
            "Commune de Juvisy-sur-Orge"
        );
        assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
        assert_eq!(sheet_name("History", &[]), "History (2)");
        assert_eq!(sheet_name(" history ", &[]), "history (2)");
        let long = "Syndicat intercommunal pour l'informatique municipale";
        let first = sheet_name(long, &[]);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(long, std::slice::from_ref(&first));
        assert_ne!(first, second);
        assert!(second.ends_with(" (2)"));
        assert!(second.chars().count() <= 31);
    }

    #[test]
    fn widths_fit_the_longest_line_within_bounds() {
        let sheet = Sheet {
            name: "s".into(),
            columns: vec![
                Column {
                    key: "a".into(),
                    header: "ab".into(),
                },
                Column {
                    key: "b".into(),
                    header: "b".into(),
                },
            ],
            rows: vec![vec![
                Cell::Text("é".repeat(200)),
                Cell::Text("douze chars\nxx".into()),
            ]],
        };
        assert_eq!(fitted_widths(&sheet), vec![MAX_WIDTH, 12]);
    }

    #[test]
    fn empty_text_is_an_empty_cell() {
        assert_eq!(Cell::text(""), Cell::Empty);
        assert_eq!(Cell::text("é"), Cell::Text("é".into()));
    }
}
