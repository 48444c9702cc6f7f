//! Reading a spreadsheet (XLSX or ODS, one code path through `calamine`)
//! into sheets of [`Cell`]s, each cell at its place: the sheet's name, its
//! row and column counted from 1, and the column's A1 letters for messages.
//!
//! Types: a date cell, and a number in a date format (`calamine` reads the
//! format), are [`Cell::Date`] (or [`Cell::DateTime`] when they carry a time
//! of day); numbers are [`Cell::Number`]; the rest is text. A date typed as
//! text (« 01/02/2021 », « 2021-02-01 », « 1er février 2021 », « 1 February
//! 2021 ») stays text here — a description may well hold such words — and
//! [`as_date`] reads it as a date where a date is expected. A year is never
//! guessed: one written in two digits (« 01/02/21 ») is no date, nor is a
//! date before 1900, typed or a date cell ([`date_of`] says which).
//!
//! A formula is read as the value the file keeps for it; one with no kept
//! value (a file written by a program that computes nothing) is listed in
//! [`ReadSheet::formulas`]. An error value (`#N/A`, `#REF!`, `#DIV/0!`…:
//! an XLSX error cell, an ODS cell LibreOffice marks
//! `calcext:value-type="error"`) is no fact: the cell reads as empty and
//! is listed in [`ReadSheet::errors`]; the same text typed as text stays.
//!
//! Merged cells: a merged region's value (its first cell's) holds for
//! every row the region covers, in its first column: a region down a
//! column is one value for several rows (listed in [`ReadSheet::down`]:
//! a header merged down over data rows is no data, which only the layout,
//! knowing its header row, can tell: [`ReadSheet::below_header`]). Across
//! columns it is not copied (a description merged over the data
//! categories' column is no data category): the region is listed in [`ReadSheet::merged_across`] and the
//! import says it. XLSX names its regions (`calamine`); ODS marks them with
//! `table:number-rows-spanned` / `table:number-columns-spanned` in
//! `content.xml`, which `calamine` does not expose, read here with
//! `quick-xml`.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::{Datelike, NaiveDate, NaiveTime};

use super::Cell;
use crate::model::Lang;
use crate::render::catalog::Catalog;

/// One sheet as read: its name and its grid from A1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadSheet {
    /// The sheet's name.
    pub name: String,
    /// The rows from row 1, each from column A; trailing cells may be absent.
    pub rows: Vec<Vec<Cell>>,
    /// The cells holding a formula the file keeps no value for (a file
    /// written by a program that does not compute them): row and column
    /// from 1, and the formula. Their cell reads as empty.
    pub formulas: Vec<(usize, usize, String)>,
    /// The text cells that held characters that show nothing
    /// ([`crate::model::is_invisible`]: a zero-width space, a soft hyphen,
    /// a byte order mark…), which are left out of the cell: row and
    /// column from 1, and those characters. A name with one would look
    /// like another name, or like no name.
    pub invisible: Vec<(usize, usize, String)>,
    /// The merged regions that span several columns: their first row and
    /// first column, and their last column (from 1). Only the first column
    /// holds the value.
    pub merged_across: Vec<(usize, usize, usize)>,
    /// The cells that held a boolean (TRUE/FALSE, shown « VRAI » or
    /// « FAUX » by a French spreadsheet), read as the text `true` or
    /// `false`: row and column from 1.
    pub booleans: Vec<(usize, usize)>,
    /// The values hidden under a merged region (any of its cells but the
    /// first: LibreOffice can merge keeping them), which a spreadsheet
    /// does not show: left out of the grid; row and column from 1, and
    /// the value.
    pub hidden: Vec<(usize, usize, Cell)>,
    /// The cells holding an error value (`#N/A`, `#REF!`…), which read as
    /// empty: row and column from 1, and the value the cell shows.
    pub errors: Vec<(usize, usize, String)>,
    /// The merged regions whose value was copied down their first
    /// column: their first row, their column and their last row (from 1).
    pub down: Vec<(usize, usize, usize)>,
    /// The rows and the columns the spreadsheet hides (from 1), which are
    /// read as the others: a hidden row may be an entry shelved by hand.
    pub hidden_rows: Vec<usize>,
    /// See [`Self::hidden_rows`].
    pub hidden_cols: Vec<usize>,
    /// The notes (comments, annotations) on cells, which no field holds:
    /// row and column from 1, and the note's text.
    pub notes: Vec<(usize, usize, String)>,
    /// The ODS cells that hold text but no `office:value-type` (a file
    /// written by hand or by another program; LibreOffice shows the text,
    /// `calamine` drops it): read here as text, row and column from 1,
    /// so the import says it.
    pub untyped: Vec<(usize, usize)>,
    /// The cells whose text is struck through, in whole (the cell's font)
    /// or in part (a run of its text): row and column from 1, and the
    /// struck text (empty when the whole cell is). A DPO strikes out what
    /// no longer holds; the import reads the text and says it.
    pub struck: Vec<(usize, usize, String)>,
    /// The cells that carry a link (an XLSX `<hyperlink>`, an ODS
    /// `text:a`): row and column from 1, and the link's target (a
    /// `mailto:` address, a web page, `#Sheet!A1` within the file). No
    /// field holds a link: the import reads the cell's text and says the
    /// target.
    pub links: Vec<(usize, usize, String)>,
    /// The conditional formats that may strike text through (an XLSX
    /// `cfRule` whose `dxf` font strikes, an ODS condition applying a
    /// style that draws a line through): the range as the file names it
    /// (« H2:H40 »), and the cells of the grid in it that hold a value,
    /// row and column from 1. dpo does not evaluate the rules: the import
    /// reads the values and says the rule once.
    pub struck_rules: Vec<(String, Vec<(usize, usize)>)>,
    /// The number cells the sheet shows otherwise than as the number
    /// (« 01234 » through « 00000 », « 50 % », « Bâtiment 12 »): row and
    /// column from 1, and how they are shown. A field of text reads the
    /// number; the import says it.
    pub formatted: Vec<(usize, usize, Shown)>,
}

/// How a number cell is shown: through a number format (XLSX, its code),
/// or as a text (ODS keeps the text it shows).
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// The format's code (« 00000 »).
    Format(String),
    /// The text shown (« 01234 »).
    Text(String),
}

impl ReadSheet {
    /// The cell at `row`, `col` (both from 1), [`Cell::Empty`] past the end.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        row.checked_sub(1)
            .zip(col.checked_sub(1))
            .and_then(|(r, c)| self.rows.get(r)?.get(c))
            .unwrap_or(&Cell::Empty)
    }

    /// This sheet with no value copied from a merged region that starts on
    /// or above its header row `header` (from 1) into the rows below it (a
    /// header cell merged down over the first data row is a header, no
    /// data), and the cells so emptied, with the value they had; `None`
    /// when no region reaches past the header row.
    pub fn below_header(&self, header: usize) -> Option<(ReadSheet, Vec<Placed>)> {
        let reach: Vec<_> = self
            .down
            .iter()
            .filter(|&&(first, _, last)| first <= header && last > header)
            .collect();
        if reach.is_empty() {
            return None;
        }
        let mut sheet = self.clone();
        let mut emptied = Vec::new();
        for &&(_, col, last) in &reach {
            for row in header + 1..=last {
                let Some(cell) = sheet.rows.get_mut(row - 1).and_then(|r| r.get_mut(col - 1))
                else {
                    continue;
                };
                if *cell != Cell::Empty {
                    emptied.push((row, col, std::mem::replace(cell, Cell::Empty)));
                }
            }
        }
        for row in &mut sheet.rows {
            while row.last() == Some(&Cell::Empty) {
                row.pop();
            }
        }
        Some((sheet, emptied))
    }
}

impl ReadSheet {
    /// This sheet with no value copied down from a merged region (each
    /// region's value left at its first row only), and those regions
    /// (first row, column, last row, from 1); `None` when it has none.
    pub fn undown(&self) -> Option<(ReadSheet, Vec<Down>)> {
        if self.down.is_empty() {
            return None;
        }
        let mut sheet = self.clone();
        for &(first, col, last) in &self.down {
            for row in first + 1..=last {
                if let Some(cell) = sheet.rows.get_mut(row - 1).and_then(|r| r.get_mut(col - 1)) {
                    *cell = Cell::Empty;
                }
            }
        }
        for row in &mut sheet.rows {
            while row.last() == Some(&Cell::Empty) {
                row.pop();
            }
        }
        let regions = std::mem::take(&mut sheet.down);
        Some((sheet, regions))
    }
}

/// A cell's value at its row and column (from 1).
pub type Placed = (usize, usize, Cell);

/// A region merged down: its first row, its column and its last row (from
/// 1), as [`ReadSheet::down`] lists them.
pub type Down = (usize, usize, usize);

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, thiserror::Error)]
#[error("not a spreadsheet this tool reads (XLSX or ODS): {detail}")]
pub struct ReadError {
    /// The reader's own words.
    pub detail: String,
}

/// Reads every sheet of an XLSX or ODS file's `bytes`, in order.
pub fn read(bytes: &[u8]) -> Result<Vec<ReadSheet>, ReadError> {
    let fail = |e: &dyn std::fmt::Display| ReadError {
        detail: e.to_string(),
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| fail(&e))?;
    if matches!(book, calamine::Sheets::Xls(_) | calamine::Sheets::Xlsb(_)) {
        return Err(ReadError {
            detail: "XLS/XLSB".into(),
        });
    }
    let mut ods_marks = match book {
        calamine::Sheets::Ods(_) => ods_scan(bytes).map_err(|e| fail(&e))?,
        _ => std::collections::HashMap::new(),
    };
    let mut xlsx_marks = match book {
        calamine::Sheets::Xlsx(_) => xlsx_scan(bytes).unwrap_or_default(),
        _ => std::collections::HashMap::new(),
    };
    let mut xlsx_styled = match book {
        calamine::Sheets::Xlsx(_) => xlsx_styled(bytes).unwrap_or_default(),
        _ => std::collections::HashMap::new(),
    };
    let mut xlsx_links = match book {
        calamine::Sheets::Xlsx(_) => xlsx_links(bytes).unwrap_or_default(),
        _ => std::collections::HashMap::new(),
    };
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| fail(&e))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let (mut booleans, mut errors) = (Vec::new(), Vec::new());
        if let Some((r0, c0)) = range.start() {
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows() {
                for (c, d) in row.iter().enumerate() {
                    let at = (rows.len() + 1, c0 as usize + c + 1);
                    match d {
                        Data::Bool(_) => booleans.push(at),
                        Data::Error(e) => errors.push((at.0, at.1, e.to_string())),
                        _ => {}
                    }
                }
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.extend(row.iter().map(cell));
                while cells.last() == Some(&Cell::Empty) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        let mut marks = ods_marks.remove(&name).unwrap_or_default();
        if let Some((r, c, n)) = xlsx_marks.remove(&name) {
            (marks.hidden_rows, marks.hidden_cols, marks.notes) = (r, c, n);
        }
        let styled = (xlsx_styled.remove(&name)).unwrap_or_else(|| {
            let mut rules = std::mem::take(&mut marks.rules);
            rules.extend(column_ranges(std::mem::take(&mut marks.rule_cells)));
            XlsxStyled {
                struck: std::mem::take(&mut marks.struck),
                rules,
                numbers: Vec::new(),
            }
        });
        let (struck, rules) = (styled.struck, styled.rules);
        let mut formatted: Vec<(usize, usize, Shown)> = (styled.numbers.into_iter())
            .map(|(r, c, code)| (r + 1, c + 1, Shown::Format(code)))
            .collect();
        let mut struck: Vec<(usize, usize, String)> = struck
            .into_iter()
            .map(|(r, c, t)| (r + 1, c + 1, t))
            .collect();
        struck.sort();
        struck.dedup();
        let mut links: Vec<(usize, usize, String)> = (xlsx_links.remove(&name))
            .unwrap_or_else(|| std::mem::take(&mut marks.links))
            .into_iter()
            .map(|(r, c, t)| (r + 1, c + 1, t))
            .collect();
        links.sort();
        links.dedup();
        let mut notes: Vec<(usize, usize, String)> = std::mem::take(&mut marks.notes)
            .into_iter()
            .filter(|(_, _, t)| !t.trim().is_empty())
            .map(|(r, c, t)| (r + 1, c + 1, t.trim().to_string()))
            .collect();
        notes.sort();
        // An ODS error value comes as its text: read as empty, listed.
        for &(r, c) in &marks.errors {
            let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) else {
                continue;
            };
            if let Cell::Text(t) = std::mem::replace(cell, Cell::Empty) {
                errors.push((r + 1, c + 1, t));
            }
        }
        errors.sort_unstable();
        // An ODS text cell with no value type, which `calamine` drops: its
        // text read, where the grid has nothing else.
        let mut untyped = Vec::new();
        for (r, c, text, covered) in std::mem::take(&mut marks.untyped) {
            if rows.len() <= r {
                rows.resize(r + 1, Vec::new());
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, Cell::Empty);
            }
            // A number cell: its text, when the sheet shows it otherwise
            // than as the number (« 01234 », « 50 % », « Bâtiment 12 »).
            if let Cell::Number(_) = row[c] {
                let text = text.trim();
                if !text.is_empty() && as_text(&row[c]).as_deref() != Some(text) {
                    formatted.push((r + 1, c + 1, Shown::Text(text.to_string())));
                }
            } else if row[c] == Cell::Empty {
                row[c] = Cell::text(text);
                // Under a merge: said as a hidden value, with the others.
                if !covered {
                    untyped.push((r + 1, c + 1));
                }
            }
        }
        let regions = match &mut book {
            calamine::Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| fail(&e))?
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect(),
            _ => std::mem::take(&mut marks.regions),
        };
        let (mut merged_across, mut hidden, mut down) = (Vec::new(), Vec::new(), Vec::new());
        for (start, end) in regions {
            hidden.extend(hide(&mut rows, start, end));
            if spread(&mut rows, start, end) {
                let (first, col) = (start.0 as usize + 1, start.1 as usize + 1);
                if end.1 > start.1 {
                    merged_across.push((first, col, end.1 as usize + 1));
                }
                if end.0 > start.0 {
                    down.push((first, col, end.0 as usize + 1));
                }
            }
        }
        merged_across.sort_unstable();
        down.sort_unstable();
        while rows.last().is_some_and(Vec::is_empty) {
            rows.pop();
        }
        line_breaks(&mut rows);
        let invisible = visible_only(&mut rows);
        // Hidden rows and columns that hold a value, within the grid.
        let holds = |r: usize, c: usize| {
            rows.get(r)
                .and_then(|x| x.get(c))
                .is_some_and(|x| *x != Cell::Empty)
        };
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let hidden_rows: Vec<usize> = marks
            .hidden_rows
            .iter()
            .filter(|&&r| (0..width).any(|c| holds(r, c)))
            .map(|r| r + 1)
            .collect();
        let hidden_cols: Vec<usize> = marks
            .hidden_cols
            .iter()
            .filter(|&&c| (0..rows.len()).any(|r| holds(r, c)))
            .map(|c| c + 1)
            .collect();
        // The cells a rule may strike that hold a value.
        let struck_rules = rules
            .into_iter()
            .map(|range| {
                let mut cells = Vec::new();
                for (first, last) in range.split_whitespace().filter_map(area) {
                    for (r, row) in rows.iter().enumerate().take(last.0 + 1).skip(first.0) {
                        for (c, cell) in row.iter().enumerate().take(last.1 + 1).skip(first.1) {
                            if *cell != Cell::Empty {
                                cells.push((r + 1, c + 1));
                            }
                        }
                    }
                }
                cells.sort_unstable();
                cells.dedup();
                (range, cells)
            })
            .collect();
        let mut sheet = ReadSheet {
            name,
            rows,
            formulas: Vec::new(),
            invisible,
            merged_across,
            booleans,
            hidden,
            errors,
            down,
            hidden_rows,
            hidden_cols,
            notes,
            untyped,
            struck,
            links,
            struck_rules,
            formatted,
        };
        // A formula whose value the file does not keep reads as empty: it
        // is listed, so the import reports it rather than drop it (one
        // whose value is an error is listed as such).
        if let Ok(f) = book.worksheet_formula(&sheet.name) {
            if let Some((r0, c0)) = f.start() {
                for (r, row) in f.rows().enumerate() {
                    for (c, text) in row.iter().enumerate() {
                        let (at_r, at_c) = (r0 as usize + r + 1, c0 as usize + c + 1);
                        let error = sheet.errors.iter().any(|e| (e.0, e.1) == (at_r, at_c));
                        if !text.is_empty() && !error && *sheet.cell(at_r, at_c) == Cell::Empty {
                            // ODS writes its namespace (« of:=1+1 »,
                            // « oooc:=… », « msoxl:=… ») or « = »: the
                            // formula is quoted as the spreadsheet shows it.
                            let shown = (text.split_once(":="))
                                .filter(|(ns, _)| {
                                    !ns.is_empty() && ns.chars().all(|c| c.is_ascii_lowercase())
                                })
                                .map_or(text.as_str(), |(_, rest)| rest);
                            let shown = shown.strip_prefix('=').unwrap_or(shown);
                            sheet.formulas.push((at_r, at_c, shown.to_string()));
                        }
                    }
                }
            }
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// A range in A1 form (« H2:H10 », « H2 », « $H$2 »): its first and last
/// cells, 0-based; a whole column (« H:H ») or row (« 2:2 ») to the
/// sheet's bounds.
fn area(range: &str) -> Option<((usize, usize), (usize, usize))> {
    let range = range.replace('$', "");
    let (a, b) = range.split_once(':').unwrap_or((&range, &range));
    let end = |s: &str, top: bool| {
        cell_ref(s).or_else(|| {
            let bound = if top { 0 } else { usize::MAX - 1 };
            if s.chars().all(|c| c.is_ascii_alphabetic()) {
                Some((bound, cell_ref(&format!("{s}1"))?.1))
            } else {
                Some((s.parse::<usize>().ok()?.checked_sub(1)?, bound))
            }
        })
    };
    Some((end(a, true)?, end(b, false)?))
}

/// Cells (0-based) as ranges in A1 form: the runs of rows one under the
/// other in each column (« H2:H40 », « J5 »).
fn column_ranges(mut cells: Vec<(usize, usize)>) -> Vec<String> {
    cells.sort_unstable_by_key(|&(r, c)| (c, r));
    cells.dedup();
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (r, c) in cells {
        match out.last_mut() {
            Some((col, _, last)) if *col == c && *last + 1 == r => *last = r,
            _ => out.push((c, r, r)),
        }
    }
    let a1 = |r: usize, c: usize| format!("{}{}", column_letters(c + 1), r + 1);
    out.into_iter()
        .map(|(c, first, last)| {
            if first == last {
                a1(first, c)
            } else {
                format!("{}:{}", a1(first, c), a1(last, c))
            }
        })
        .collect()
}

/// The line breaks of `rows`' text cells as `\n`: a carriage return
/// (alone or before `\n`), and Unicode's line and paragraph separators
/// (U+2028, U+2029), next line (U+0085), a vertical tab and a form feed,
/// which a cell's lines may be typed with and which would otherwise read as a space inside one line.
fn line_breaks(rows: &mut [Vec<Cell>]) {
    // A vertical tab is Word's manual line break (Shift+Entrée) pasted
    // into a cell, a form feed its page break.
    let breaks = |c: char| {
        matches!(
            c,
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}'
        )
    };
    for cell in rows.iter_mut().flatten() {
        let Cell::Text(t) = cell else { continue };
        if t.contains(breaks) {
            *t = t.replace("\r\n", "\n").replace(breaks, "\n");
        }
    }
}

/// The text cells of `rows` without their invisible characters
/// ([`ReadSheet::invisible`]), and where each stood.
fn visible_only(rows: &mut [Vec<Cell>]) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    for (r, row) in rows.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            let Cell::Text(t) = cell else { continue };
            if !t.chars().any(crate::model::is_invisible) {
                continue;
            }
            let (gone, kept): (String, String) =
                t.chars().partition(|c| crate::model::is_invisible(*c));
            *cell = if kept.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(kept)
            };
            found.push((r + 1, c + 1, gone));
        }
    }
    found
}

/// The value of a merged region's first cell copied down the region's
/// first column, to every row it covers (0-based `(row, col)` corners);
/// the region's other columns are left as the file has them. Whether the
/// region holds a value.
fn spread(rows: &mut Vec<Vec<Cell>>, start: (u32, u32), end: (u32, u32)) -> bool {
    let (r0, c0) = (start.0 as usize, start.1 as usize);
    let r1 = end.0 as usize;
    let Some(value) = rows.get(r0).and_then(|r| r.get(c0)).cloned() else {
        return false;
    };
    if value == Cell::Empty {
        return false;
    }
    if rows.len() <= r1 {
        rows.resize(r1 + 1, Vec::new());
    }
    for row in &mut rows[r0..=r1] {
        if row.len() <= c0 {
            row.resize(c0 + 1, Cell::Empty);
        }
        row[c0] = value.clone();
    }
    true
}

/// The values of a merged region's cells but its first (0-based corners),
/// taken out of `rows`: a spreadsheet shows only the first; each with its
/// row and column from 1.
fn hide(rows: &mut [Vec<Cell>], start: (u32, u32), end: (u32, u32)) -> Vec<(usize, usize, Cell)> {
    let mut out = Vec::new();
    for r in start.0 as usize..=end.0 as usize {
        let Some(row) = rows.get_mut(r) else { break };
        for c in start.1 as usize..=end.1 as usize {
            if (r, c) == (start.0 as usize, start.1 as usize) {
                continue;
            }
            if let Some(cell) = row.get_mut(c).filter(|x| **x != Cell::Empty) {
                out.push((r + 1, c + 1, std::mem::replace(cell, Cell::Empty)));
            }
        }
    }
    out
}

/// A sheet's hidden rows and columns, and its cells' notes (row, column,
/// text), 0-based.
type XlsxMarks = (Vec<usize>, Vec<usize>, Vec<(usize, usize, String)>);

/// A merged region: its first and last cells, 0-based `(row, col)`.
type Region = ((u32, u32), (u32, u32));

/// What `calamine` does not expose of an ODS sheet, from `content.xml`.
#[derive(Default)]
struct OdsMarks {
    /// Its merged regions: each cell with `table:number-rows-spanned` or
    /// `table:number-columns-spanned` above 1.
    regions: Vec<Region>,
    /// Its cells holding an error value (`calcext:value-type="error"`),
    /// 0-based `(row, col)`.
    errors: Vec<(usize, usize)>,
    /// Its hidden rows and columns (`table:visibility` « collapse » or
    /// « filter »), 0-based, sorted, within what a sheet can hold.
    hidden_rows: Vec<usize>,
    hidden_cols: Vec<usize>,
    /// Its cells' notes (`office:annotation`): 0-based `(row, col)` and
    /// the note's paragraphs, a line each.
    notes: Vec<(usize, usize, String)>,
    /// Its cells with text but no `office:value-type`: 0-based `(row,
    /// col)`, their paragraphs, a line each, and whether the cell is
    /// covered by a merge (its value hidden, said as such).
    untyped: Vec<(usize, usize, String, bool)>,
    /// Its struck-through cells (see [`ReadSheet::struck`]), 0-based.
    struck: Vec<(usize, usize, String)>,
    /// Its cells' links (see [`ReadSheet::links`]), 0-based.
    links: Vec<(usize, usize, String)>,
    /// Its conditional formats that may strike text (see
    /// [`ReadSheet::struck_rules`]): the ranges (`calcext`), in A1 form.
    rules: Vec<String>,
    /// Its cells whose style maps a condition to a style that strikes
    /// (`style:map`), 0-based.
    rule_cells: Vec<(usize, usize)>,
}

/// An XLSX file's parts, read by name.
struct XlsxParts<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> XlsxParts<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        Some(XlsxParts { zip })
    }

    /// The text of the part `name`, `None` when there is none.
    fn text(&mut self, name: &str) -> Option<String> {
        use std::io::Read;
        let mut s = String::new();
        self.zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    }

    /// Each sheet's name and the path of its part, in the workbook's
    /// order (`xl/workbook.xml` and its relations).
    fn sheets(&mut self) -> Option<Vec<(String, String)>> {
        let mut targets = std::collections::HashMap::new();
        xml_starts(&self.text("xl/_rels/workbook.xml.rels")?, &mut |e| {
            if let (Some(id), Some(t)) = (xml_attr(e, "Id"), xml_attr(e, "Target")) {
                targets.insert(id, joined("xl", &t));
            }
        });
        let mut sheets = Vec::new();
        xml_starts(&self.text("xl/workbook.xml")?, &mut |e| {
            if e.local_name().as_ref() == "sheet" {
                if let (Some(name), Some(id)) = (xml_attr(e, "name"), xml_attr(e, "r:id")) {
                    if let Some(path) = targets.get(&id) {
                        sheets.push((name, path.clone()));
                    }
                }
            }
        });
        Some(sheets)
    }

    /// The targets of the relations of the part at `path` whose type
    /// ends with `kind` (`/comments`, `/hyperlink`), by relation id.
    fn relations(&mut self, path: &str, kind: &str) -> std::collections::HashMap<String, String> {
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
        let mut out = std::collections::HashMap::new();
        if let Some(rels) = self.text(&format!("{dir}/_rels/{file}.rels")) {
            xml_starts(&rels, &mut |e| {
                let of_kind = xml_attr(e, "Type").is_some_and(|t| t.ends_with(kind));
                if let (true, Some(id), Some(t)) =
                    (of_kind, xml_attr(e, "Id"), xml_attr(e, "Target"))
                {
                    out.insert(id, t);
                }
            });
        }
        out
    }
}

/// The value of the attribute `key` of an XML element, unescaped.
fn xml_attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Calls `f` on each element that starts in `xml`.
fn xml_starts(xml: &str, f: &mut dyn FnMut(&quick_xml::events::BytesStart<'_>)) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => f(&e),
            _ => {}
        }
    }
}

/// The hidden rows and columns of an XLSX file's sheets (0-based, sorted),
/// by sheet name: `<row hidden="1">` and `<col min max hidden="1">` in
/// each sheet's XML, found through `xl/workbook.xml` and its relations;
/// and the notes on their cells (`<comment ref>` in the comments part the
/// sheet's own relations name). `None` when the file does not read so
/// (then none is said).
fn xlsx_scan(bytes: &[u8]) -> Option<std::collections::HashMap<String, XlsxMarks>> {
    let mut parts = XlsxParts::open(bytes)?;
    let sheets = parts.sheets()?;
    let (attr, starts) = (xml_attr, xml_starts);
    let yes = |v: Option<String>| matches!(v.as_deref(), Some("1" | "true"));
    let mut out = std::collections::HashMap::new();
    for (name, path) in sheets {
        // The sheet's notes: the comments part its relations name.
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        let comments = (parts.relations(&path, "/comments").into_values())
            .next()
            .map(|t| joined(dir, &t));
        let notes = comments
            .and_then(|c| parts.text(&c))
            .map(|xml| xlsx_notes(&xml))
            .unwrap_or_default();
        // Most sheets hide nothing: not parsed again.
        let Some(xml) = parts.text(&path).filter(|x| x.contains("hidden=")) else {
            if !notes.is_empty() {
                out.insert(name, (Vec::new(), Vec::new(), notes));
            }
            continue;
        };
        let (mut rows, mut cols) = (Vec::new(), Vec::new());
        starts(&xml, &mut |e| match e.local_name().as_ref() {
            "row" if yes(attr(e, "hidden")) => {
                if let Some(r) = attr(e, "r").and_then(|r| r.parse::<usize>().ok()) {
                    rows.push(r.saturating_sub(1));
                }
            }
            "col" if yes(attr(e, "hidden")) => {
                let n = |k: &str| attr(e, k).and_then(|v| v.parse::<usize>().ok());
                if let (Some(min), Some(max)) = (n("min"), n("max")) {
                    cols.extend(min.saturating_sub(1)..max.min(1 << 14));
                }
            }
            _ => {}
        });
        rows.sort_unstable();
        cols.sort_unstable();
        cols.dedup();
        out.insert(name, (rows, cols, notes));
    }
    Some(out)
}

/// A sheet's struck-through cells: 0-based `(row, col)` and the struck
/// text (empty for a whole cell).
type Struck = Vec<(usize, usize, String)>;

/// Whether a strike element (`<strike/>`, `<strike val="1"/>`) strikes.
fn strikes(e: &quick_xml::events::BytesStart<'_>) -> bool {
    !e.attributes()
        .flatten()
        .any(|a| a.key.as_ref() == "val" && matches!(a.value.as_ref(), "0" | "false"))
}

/// The struck text of each string item (`<si>` of the shared strings, or
/// a cell's `<is>`) of `xml`, in order: the text of its runs whose
/// properties strike (`<r><rPr><strike/>`), empty when none does.
fn struck_runs(xml: &str, item: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut text) = (Vec::new(), None::<String>);
    let (mut in_r, mut strike, mut in_t) = (false, false, false);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            // An empty item (`<si/>`, `<is/>`) is an item: the list stays
            // aligned with the items' indexes.
            Event::Empty(e) if e.local_name().as_ref() == item => out.push(String::new()),
            // An empty text (`<t/>`) holds nothing.
            Event::Empty(e) if e.local_name().as_ref() == "t" => {}
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                n if n == item => text = Some(String::new()),
                "r" => (in_r, strike) = (true, false),
                "strike" if in_r => strike = strikes(&e),
                "t" => in_t = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                n if n == item => out.push(text.take().unwrap_or_default()),
                "r" => in_r = false,
                "t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t && in_r && strike => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&xml_text(&t));
                }
            }
            Event::GeneralRef(r) if in_t && in_r && strike => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&xml_ref(&r));
                }
            }
            _ => {}
        }
    }
    out
}

/// What the styles of an XLSX file's sheets say of their cells, by sheet
/// name ([`XlsxStyled`]): the struck-through cells (0-based `(row, col)`,
/// the struck text, empty for a whole cell) — a cell whose style's font
/// strikes (`<cellXfs><xf fontId>` → `<fonts>` in `xl/styles.xml`), or
/// whose string has struck runs (shared or inline) —, the conditional
/// formats that may strike, and the numbers shown through a format.
/// `None` when the file does not read so; no sheet parsed when no part
/// mentions a strike and no cell format shows a number otherwise.
fn xlsx_styled(bytes: &[u8]) -> Option<std::collections::HashMap<String, XlsxStyled>> {
    use quick_xml::events::Event;
    let mut parts = XlsxParts::open(bytes)?;
    let attr = xml_attr;
    // The cell formats (`xf` of `cellXfs`) whose font strikes; the
    // conditional formats' styles (`dxf` of `dxfs`) whose font strikes;
    // the number format each cell format shows a number with, when it is
    // not the number as typed ([`number_shown`]), and the file's own
    // number formats (`numFmt`).
    let styles = parts.text("xl/styles.xml").unwrap_or_default();
    let (mut fonts, mut formats) = (Vec::<bool>::new(), Vec::<bool>::new());
    let (mut number_formats, mut codes) = (Vec::<Option<String>>::new(), Vec::new());
    let (mut in_fonts, mut in_xfs, mut dxfs) = (false, false, None::<Vec<bool>>);
    let mut reader = quick_xml::Reader::from_str(&styles);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "fonts" => in_fonts = true,
                "cellXfs" => in_xfs = true,
                "font" if in_fonts => fonts.push(false),
                "strike" if in_fonts => {
                    if let Some(f) = fonts.last_mut() {
                        *f = strikes(&e);
                    }
                }
                "dxfs" => dxfs = Some(Vec::new()),
                "dxf" => dxfs.get_or_insert_with(Vec::new).push(false),
                "strike" => {
                    if let Some(d) = dxfs.as_mut().and_then(|d| d.last_mut()) {
                        *d = strikes(&e);
                    }
                }
                "xf" if in_xfs => {
                    let font = attr(&e, "fontId").and_then(|f| f.parse::<usize>().ok());
                    formats.push(font.and_then(|f| fonts.get(f).copied()).unwrap_or(false));
                    let id = attr(&e, "numFmtId").and_then(|f| f.parse::<u32>().ok());
                    number_formats.push(id.and_then(|id| number_shown(id, &codes)));
                }
                "numFmt" => {
                    let id = attr(&e, "numFmtId").and_then(|f| f.parse::<u32>().ok());
                    if let (Some(id), Some(code)) = (id, attr(&e, "formatCode")) {
                        codes.push((id, code));
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "fonts" => in_fonts = false,
                "cellXfs" => in_xfs = false,
                _ => {}
            },
            _ => {}
        }
    }
    let shared = parts.text("xl/sharedStrings.xml").unwrap_or_default();
    let shared_struck = if shared.contains("strike") {
        struck_runs(&shared, "si")
    } else {
        Vec::new()
    };
    let any_format = formats.iter().any(|&f| f);
    let any_number_format = number_formats.iter().any(Option::is_some);
    let dxfs = dxfs.unwrap_or_default();
    let sheets = parts.sheets()?;
    let mut out = std::collections::HashMap::new();
    for (name, path) in sheets {
        let Some(xml) = parts.text(&path) else {
            continue;
        };
        let rules_may = dxfs.contains(&true) && xml.contains("conditionalFormatting");
        if !any_format
            && !any_number_format
            && !rules_may
            && shared_struck.iter().all(String::is_empty)
            && !xml.contains("strike")
        {
            continue;
        }
        let mut styled = XlsxStyled::default();
        let (cells, rules) = (&mut styled.struck, &mut styled.rules);
        // A conditional format being read (`conditionalFormatting`, or
        // Excel 2010's `x14:conditionalFormatting` whose rules carry their
        // own `dxf` and whose range is an `xm:sqref` after them): its
        // range, whether a rule strikes; inside its `xm:sqref`.
        let (mut rule, mut in_sqref) = (None::<(String, bool)>, false);
        // A cell with no format of its own takes its row's (`<row s
        // customFormat>`), else its column's (`<col style>`).
        let (mut row_format, mut col_formats) =
            (None::<usize>, Vec::<(usize, usize, usize)>::new());
        // The cell being read: its place, its type, whether inside `<v>`.
        let (mut at, mut kind, mut in_v) = (None::<(usize, usize)>, String::new(), false);
        // An inline string's runs (`<is><r><rPr><strike/>`): inside a
        // run, whether it strikes, inside its `<t>`; its struck text.
        let (mut in_r, mut strike, mut in_t, mut inline) = (false, false, false, String::new());
        let mut reader = quick_xml::Reader::from_str(&xml);
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Eof => break,
                Event::Start(e) if e.local_name().as_ref() == "t" => in_t = true,
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "col" => {
                        let n = |k: &str| attr(&e, k).and_then(|v| v.parse::<usize>().ok());
                        if let (Some(min), Some(max), Some(style)) =
                            (n("min"), n("max"), n("style"))
                        {
                            col_formats.push((min.saturating_sub(1), max.saturating_sub(1), style));
                        }
                    }
                    "row" => {
                        let custom =
                            matches!(attr(&e, "customFormat").as_deref(), Some("1" | "true"));
                        row_format = attr(&e, "s")
                            .and_then(|s| s.parse::<usize>().ok())
                            .filter(|_| custom);
                    }
                    "c" => {
                        at = attr(&e, "r").and_then(|r| cell_ref(&r));
                        kind = attr(&e, "t").unwrap_or_default();
                        let format = attr(&e, "s")
                            .and_then(|s| s.parse::<usize>().ok())
                            .or(row_format)
                            .or_else(|| {
                                let c = at?.1;
                                (col_formats.iter())
                                    .find(|(min, max, _)| (*min..=*max).contains(&c))
                                    .map(|(_, _, s)| *s)
                            });
                        if let (Some(p), Some(true)) = (at, format.and_then(|f| formats.get(f))) {
                            cells.push((p.0, p.1, String::new()));
                        }
                        // A number shown through a format.
                        let code = format
                            .and_then(|f| number_formats.get(f))
                            .and_then(|c| c.clone());
                        if let (Some(p), Some(code), "" | "n") = (at, code, kind.as_str()) {
                            styled.numbers.push((p.0, p.1, code));
                        }
                        inline.clear();
                    }
                    "v" => in_v = true,
                    "r" => (in_r, strike) = (true, false),
                    "strike" if in_r => strike = strikes(&e),
                    "conditionalFormatting" => {
                        rule = Some((attr(&e, "sqref").unwrap_or_default(), false));
                    }
                    "cfRule" => {
                        let dxf = attr(&e, "dxfId").and_then(|d| d.parse::<usize>().ok());
                        if let (Some(r), Some(true)) =
                            (rule.as_mut(), dxf.and_then(|d| dxfs.get(d)))
                        {
                            r.1 = true;
                        }
                    }
                    "strike" => {
                        if let Some(r) = rule.as_mut() {
                            r.1 |= strikes(&e);
                        }
                    }
                    "sqref" if rule.is_some() => in_sqref = true,
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "conditionalFormatting" => {
                        if let Some((range, true)) = rule.take() {
                            rules.push(range);
                        }
                    }
                    "sqref" => in_sqref = false,
                    "v" => in_v = false,
                    "r" => in_r = false,
                    "t" => in_t = false,
                    "c" => {
                        if let (Some(p), false) = (at, inline.is_empty()) {
                            cells.push((p.0, p.1, std::mem::take(&mut inline)));
                        }
                        at = None;
                    }
                    _ => {}
                },
                Event::Text(t) if in_sqref => {
                    if let Some(r) = rule.as_mut() {
                        r.0.push_str(&xml_text(&t));
                    }
                }
                Event::Text(t) if in_t && in_r && strike && kind == "inlineStr" => {
                    inline.push_str(&xml_text(&t));
                }
                Event::GeneralRef(r) if in_t && in_r && strike && kind == "inlineStr" => {
                    inline.push_str(&xml_ref(&r));
                }
                Event::Text(t) if in_v && kind == "s" => {
                    let index = xml_text(&t).trim().parse::<usize>().ok();
                    let part = index.and_then(|i| shared_struck.get(i));
                    if let (Some(p), Some(part)) = (at, part.filter(|s| !s.is_empty())) {
                        cells.push((p.0, p.1, part.clone()));
                    }
                }
                _ => {}
            }
        }
        if !styled.struck.is_empty() || !styled.rules.is_empty() || !styled.numbers.is_empty() {
            out.insert(name, styled);
        }
    }
    Some(out)
}

/// What [`xlsx_styled`] finds in a sheet: its struck cells, the ranges of
/// its conditional formats that strike, and its number cells shown
/// through a format (0-based `(row, col)` and the format's code).
#[derive(Default)]
struct XlsxStyled {
    struck: Struck,
    rules: Vec<String>,
    numbers: Vec<(usize, usize, String)>,
}

/// The code of the XLSX number format `id` (built in, or one of the
/// file's `codes`) when it shows a number otherwise than as typed (« 00000 »,
/// « 0% », « # ##0 », « "Bâtiment "0 »); `None` for the general format,
/// « 0 », text (« @ ») and the formats of dates and times (read as dates).
fn number_shown(id: u32, codes: &[(u32, String)]) -> Option<String> {
    // The file's own code for the id first (a French Excel spells out its
    // euro formats under the built-in ids), else the built-in one.
    let own = codes.iter().rev().find(|(i, _)| *i == id);
    let code = match own.map(|(_, c)| c.as_str()) {
        Some(code) => code,
        None => builtin_format(id)?,
    };
    shown_code(code)
}

/// The code of Excel's built-in number format `id` that shows a number
/// otherwise than as typed; `None` for the general format, « 0 », text,
/// and the dates' and times'.
fn builtin_format(id: u32) -> Option<&'static str> {
    Some(match id {
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 => "$#,##0_);($#,##0)",
        6 => "$#,##0_);[Red]($#,##0)",
        7 => "$#,##0.00_);($#,##0.00)",
        8 => "$#,##0.00_);[Red]($#,##0.00)",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        41 => r#"_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)"#,
        42 => r#"_($* #,##0_);_($* (#,##0);_($* "-"_);_(@_)"#,
        43 => r#"_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)"#,
        44 => r#"_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)"#,
        48 => "##0.0E+0",
        _ => return None,
    })
}

/// [`number_shown`] of a code (see there).
fn shown_code(code: &str) -> Option<String> {
    // Its tokens outside quoted text, escapes and brackets: a day, month,
    // year, hour or second makes it a date's or a time's.
    // The code without its bracketed parts (a locale, a colour) is the
    // general format's, « 0 » or text's: the number as read.
    let (mut tokens, mut quoted, mut bracket, mut escaped) = (String::new(), false, false, false);
    let mut plain = String::new();
    for c in code.chars() {
        if !bracket && (c != '[' || quoted) {
            plain.push(c.to_ascii_lowercase());
        }
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            c => tokens.push(c.to_ascii_lowercase()),
        }
    }
    let general = matches!(plain.trim(), "general" | "0" | "@");
    let dated = tokens
        .replace("general", "")
        .contains(['d', 'm', 'y', 'h', 's', 'j', 'a']);
    (!general && !dated && !code.is_empty()).then(|| code.to_string())
}

/// The links of an XLSX file's cells, by sheet name (0-based `(row,
/// col)`, the target): each `<hyperlink ref>` of a sheet, its target the
/// sheet's relation it names (`mailto:…`, a web page) or `#` and its
/// `location` within the file. `None` when the file does not read so.
fn xlsx_links(bytes: &[u8]) -> Option<std::collections::HashMap<String, Struck>> {
    let mut parts = XlsxParts::open(bytes)?;
    let attr = xml_attr;
    let mut out = std::collections::HashMap::new();
    for (name, path) in parts.sheets()? {
        let Some(xml) = parts.text(&path).filter(|x| x.contains("<hyperlink")) else {
            continue;
        };
        let external = parts.relations(&path, "/hyperlink");
        let mut links = Vec::new();
        xml_starts(&xml, &mut |e| {
            if e.local_name().as_ref() != "hyperlink" {
                return;
            }
            let first = attr(e, "ref").and_then(|r| {
                let first = r.split(':').next().unwrap_or_default().to_string();
                cell_ref(&first)
            });
            let target = (attr(e, "r:id").and_then(|id| external.get(&id).cloned()))
                .or_else(|| attr(e, "location").map(|l| format!("#{l}")));
            if let (Some((r, c)), Some(t)) = (first, target) {
                links.push((r, c, t));
            }
        });
        if !links.is_empty() {
            out.insert(name, links);
        }
    }
    Some(out)
}

/// The part `target` names, relative to the folder `dir` of the part
/// whose relations name it (`../comments1.xml` from `xl/worksheets`),
/// or from the package's root when it starts with `/`.
fn joined(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => dir.split('/').filter(|p| !p.is_empty()).collect(),
    };
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The notes of an XLSX comments part: each `<comment ref="H2">`'s cell,
/// 0-based, and the text of its `<t>` runs.
fn xlsx_notes(xml: &str) -> Vec<(usize, usize, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut at, mut in_t, mut note) = (None::<(usize, usize)>, false, String::new());
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                "comment" => {
                    at = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "ref")
                        .and_then(|a| cell_ref(&a.value));
                    note.clear();
                }
                "t" => in_t = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "comment" => {
                    if let Some((r, c)) = at.take() {
                        out.push((r, c, std::mem::take(&mut note)));
                    }
                }
                "t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t && at.is_some() => note.push_str(&xml_text(&t)),
            Event::GeneralRef(r) if in_t && at.is_some() => note.push_str(&xml_ref(&r)),
            _ => {}
        }
    }
    out
}

/// A text event's characters.
fn xml_text(t: &quick_xml::events::BytesText<'_>) -> String {
    // (The reader gives entity references apart, as `GeneralRef`.)
    let text: &str = t;
    text.replace("\r\n", "\n")
}

/// The character an entity reference in a text stands for (`&amp;`,
/// `&#233;`); an unknown one as typed.
fn xml_ref(r: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = r;
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => format!("&{name};"),
    }
}

/// An A1 reference (`H2`) as a 0-based `(row, col)`.
fn cell_ref(a1: &str) -> Option<(usize, usize)> {
    let split = a1.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = a1.split_at(split);
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let col = letters.chars().try_fold(0usize, |n, c| {
        n.checked_mul(26)?
            .checked_add(usize::from(c.to_ascii_uppercase() as u8 - b'A') + 1)
    })?;
    let row: usize = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// An ODS cell with no value type being read: its row, column, columns
/// repeated, whether a merge covers it; and its text.
type BareCell = ((u32, u32, u32, bool), String);

/// Where the text being read in an ODS file goes: the note's when inside
/// one (not its author or date), else the untyped cell's, if any.
fn said<'a>(
    note: &'a mut Option<((usize, usize), String)>,
    bare: &'a mut Option<BareCell>,
    in_meta: bool,
) -> Option<&'a mut String> {
    match note {
        Some((_, text)) => (!in_meta).then_some(text),
        None => bare.as_mut().map(|(_, text)| text),
    }
}

/// The [`OdsMarks`] of an ODS file's sheets, by sheet name, each cell at
/// the place it has in the grid (rows and cells counted with their
/// `…-repeated`, as `calamine` places them).
fn ods_scan(bytes: &[u8]) -> Result<std::collections::HashMap<String, OdsMarks>, String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    // The styles that draw a line through their text (common ones in
    // `styles.xml`, the file's own in `content.xml`).
    let (mut styles, mut maps) = Default::default();
    let mut common = String::new();
    if let Ok(mut part) = zip.by_name("styles.xml") {
        part.read_to_string(&mut common)
            .map_err(|e| e.to_string())?;
    }
    ods_styles(&common, &mut styles, &mut maps);
    ods_styles(&xml, &mut styles, &mut maps);
    let struck_style = |e: &quick_xml::events::BytesStart<'_>, key: &str| {
        let name = e.attributes().flatten().find(|a| a.key.as_ref() == key);
        name.is_some_and(|a| line_through(&styles, &a.value))
    };
    // Whether the style `name` (or a parent) maps a condition to a style
    // that strikes (`style:map style:apply-style-name`).
    let strikes_if = |name: &str| {
        let mut name = name.to_string();
        for _ in 0..16 {
            let applied = maps.get(&name).map_or(&[][..], Vec::as_slice);
            if applied.iter().any(|a| line_through(&styles, a)) {
                return true;
            }
            match styles.get(&name) {
                Some((_, Some(parent))) => name = parent.clone(),
                _ => return false,
            }
        }
        false
    };
    // A conditional format being read (`calcext:conditional-format`): its
    // range, whether one of its conditions applies a style that strikes.
    let mut rule: Option<(String, bool)> = None;
    // The struck text of the cell being read, and for each span open in
    // it whether its text is struck; whether its paragraph's style strikes.
    let (mut struck, mut spans, mut p_struck) = (String::new(), Vec::<bool>::new(), false);
    // A cell with no style of its own takes its row's default cell style,
    // else its column's: the row's, and the columns' (first, last, style).
    let (mut row_style, mut col_styles) = (None::<String>, Vec::<(u32, u32, String)>::new());
    let default_style = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == "table:default-cell-style-name")
            .map(|a| a.value.to_string())
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out: std::collections::HashMap<String, OdsMarks> = Default::default();
    let (mut sheet, mut row, mut col, mut repeat) = (None::<String>, 0u32, 0u32, 1u32);
    // The columns declared so far (`table:table-column`, repeats counted).
    let mut columns = 0u32;
    let hidden = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes().flatten().any(|a| {
            a.key.as_ref() == "table:visibility"
                && matches!(a.value.as_ref(), "collapse" | "filter")
        })
    };
    // Tables inside a cell (an embedded object) are not the sheet's.
    let mut depth = 0usize;
    // A note being read: its cell (0-based) and text; whether inside one
    // of its paragraphs, and inside its author or date (not its text).
    let mut note: Option<((usize, usize), String)> = None;
    let (mut cell_at, mut in_meta) = ((0usize, 0usize), false);
    // A cell with no `office:value-type` being read: its place, its
    // columns repeated, and its text.
    let mut bare: Option<BareCell> = None;
    // Inside a paragraph (`text:p`, `text:h`), where text is the cell's
    // or the note's, not the file's layout.
    let mut in_p = 0usize;
    let number = |e: &quick_xml::events::BytesStart<'_>, key: &str| -> u32 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let (e, empty) = match &event {
            Event::Eof => break,
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table" => depth = depth.saturating_sub(1),
                    "table:table-row" if depth == 1 => row = row.saturating_add(repeat),
                    "calcext:conditional-format" => {
                        if let (Some((range, true)), Some(name)) = (rule.take(), &sheet) {
                            out.entry(name.clone()).or_default().rules.push(range);
                        }
                    }
                    "office:annotation" => {
                        if let (Some(((r, c), text)), Some(name)) = (note.take(), &sheet) {
                            let marks = out.entry(name.clone()).or_default();
                            marks.notes.push((r, c, text));
                        }
                    }
                    "dc:creator" | "dc:date" | "meta:date-string" => in_meta = false,
                    "text:p" | "text:h" => {
                        in_p = in_p.saturating_sub(1);
                        if p_struck {
                            struck.push('\n');
                            p_struck = false;
                        }
                        if let Some(text) = said(&mut note, &mut bare, in_meta) {
                            text.push('\n');
                        }
                    }
                    "text:span" => {
                        spans.pop();
                    }
                    "table:table-cell" | "table:covered-table-cell" if depth == 1 => {
                        if let (false, Some(name)) = (struck.trim().is_empty(), &sheet) {
                            let marks = out.entry(name.clone()).or_default();
                            let text = std::mem::take(&mut struck).trim().to_string();
                            marks.struck.push((cell_at.0, cell_at.1, text));
                        }
                        if let (Some(((r, c, n, covered), text)), Some(name)) =
                            (bare.take(), &sheet)
                        {
                            let marks = out.entry(name.clone()).or_default();
                            let text = text.trim();
                            // A repeated cell: each of its places, up to
                            // what a sheet can hold.
                            for r in r..r.saturating_add(repeat).min(1 << 20) {
                                for c in c..c.saturating_add(n).min(1 << 14) {
                                    if !text.is_empty() && marks.untyped.len() < 1 << 16 {
                                        let at = (r as usize, c as usize);
                                        marks.untyped.push((at.0, at.1, text.into(), covered));
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Text(t) if in_p > 0 => {
                if note.is_none() && (p_struck || spans.last() == Some(&true)) {
                    struck.push_str(&xml_text(t));
                }
                if let Some(text) = said(&mut note, &mut bare, in_meta) {
                    text.push_str(&xml_text(t));
                }
                continue;
            }
            Event::GeneralRef(r) if in_p > 0 => {
                if note.is_none() && (p_struck || spans.last() == Some(&true)) {
                    struck.push_str(&xml_ref(r));
                }
                if let Some(text) = said(&mut note, &mut bare, in_meta) {
                    text.push_str(&xml_ref(r));
                }
                continue;
            }
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" if !empty => {
                depth += 1;
                if depth == 1 {
                    sheet = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "table:name")
                        .and_then(|a| {
                            quick_xml::escape::unescape(&a.value)
                                .ok()
                                .map(|v| v.into_owned())
                        });
                    row = 0;
                    columns = 0;
                    col_styles.clear();
                }
            }
            "table:table-row" if depth == 1 => {
                repeat = number(e, "table:number-rows-repeated");
                row_style = default_style(e);
                if hidden(e) {
                    if let Some(name) = &sheet {
                        let marks = out.entry(name.clone()).or_default();
                        let end = row.saturating_add(repeat).min(1 << 20);
                        marks.hidden_rows.extend((row..end).map(|r| r as usize));
                    }
                }
                col = 0;
                if empty {
                    row = row.saturating_add(repeat);
                }
            }
            "table:table-column" if depth == 1 => {
                let repeated = number(e, "table:number-columns-repeated");
                if let Some(style) = default_style(e) {
                    let last = columns.saturating_add(repeated).saturating_sub(1);
                    col_styles.push((columns, last, style));
                }
                if let Some(name) = &sheet {
                    if hidden(e) {
                        let marks = out.entry(name.clone()).or_default();
                        let end = columns.saturating_add(repeated).min(1 << 14);
                        marks.hidden_cols.extend((columns..end).map(|c| c as usize));
                    }
                }
                columns = columns.saturating_add(repeated);
            }
            "office:annotation" if depth == 1 && !empty => {
                note = Some((cell_at, String::new()));
            }
            "dc:creator" | "dc:date" | "meta:date-string" if note.is_some() && !empty => {
                in_meta = true;
            }
            "text:p" | "text:h" if !empty => {
                in_p += 1;
                p_struck = depth == 1 && note.is_none() && struck_style(e, "text:style-name");
            }
            // A link in a cell's paragraph: its target.
            "text:a" if depth == 1 && note.is_none() && in_p > 0 => {
                let href = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "xlink:href");
                if let (Some(href), Some(name)) = (href, &sheet) {
                    let marks = out.entry(name.clone()).or_default();
                    if marks.links.len() < 1 << 16 {
                        marks
                            .links
                            .push((cell_at.0, cell_at.1, href.value.to_string()));
                    }
                }
            }
            "calcext:conditional-format" if depth == 1 && !empty => {
                let range = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "calcext:target-range-address");
                let range = range.and_then(|a| {
                    let v = quick_xml::escape::unescape(&a.value).ok()?.into_owned();
                    Some(ods_range(&v))
                });
                rule = Some((range.unwrap_or_default(), false));
            }
            "calcext:condition" | "calcext:date-is" => {
                if let Some(r) = rule.as_mut() {
                    r.1 |= struck_style(e, "calcext:apply-style-name");
                }
            }
            // A span of a cell's paragraph: its text struck when its
            // style (or the span around it) draws a line through it.
            "text:span" if !empty => {
                let around = spans.last() == Some(&true);
                spans.push(around || struck_style(e, "text:style-name"));
            }
            // Inside a paragraph: a line break, spaces, a tab.
            "text:line-break" | "text:s" | "text:tab" if in_p > 0 => {
                if let Some(text) = said(&mut note, &mut bare, in_meta) {
                    match e.name().as_ref() {
                        "text:line-break" => text.push('\n'),
                        "text:tab" => text.push('\t'),
                        _ => {
                            let n = number(e, "text:c").min(1 << 10) as usize;
                            text.push_str(&" ".repeat(n));
                        }
                    }
                }
            }
            "table:table-cell" | "table:covered-table-cell" if depth == 1 => {
                cell_at = (row as usize, col as usize);
                (struck, spans) = (String::new(), Vec::new());
                // A cell whose style strikes its text: the whole cell (a
                // repeated one, each of its places up to a bound).
                // Its style: its own, else its row's, else its column's.
                let own = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "table:style-name")
                    .map(|a| a.value.to_string());
                let style = own.or_else(|| {
                    (row_style.clone()).or_else(|| {
                        (col_styles.iter())
                            .find(|(first, last, _)| (*first..=*last).contains(&col))
                            .map(|(_, _, s)| s.clone())
                    })
                });
                let whole = style.as_deref().is_some_and(|s| line_through(&styles, s));
                // One whose style strikes it under a condition (a style
                // map): said as a rule, not as struck text.
                let ruled = style.as_deref().is_some_and(strikes_if);
                if let (true, Some(name)) = (whole || ruled, &sheet) {
                    let marks = out.entry(name.clone()).or_default();
                    let n = number(e, "table:number-columns-repeated").min(1 << 10);
                    for c in col..col.saturating_add(n) {
                        let at = (row as usize, c as usize);
                        if whole && marks.struck.len() < 1 << 16 {
                            marks.struck.push((at.0, at.1, String::new()));
                        }
                        if ruled && marks.rule_cells.len() < 1 << 16 {
                            marks.rule_cells.push(at);
                        }
                    }
                }
                let rows = number(e, "table:number-rows-spanned");
                let cols = number(e, "table:number-columns-spanned");
                let repeated = number(e, "table:number-columns-repeated");
                let typed = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "office:value-type");
                // A number cell keeps the text it shows (« 01234 », « 50 % »),
                // read too, to tell the number shown otherwise.
                let number = e.attributes().flatten().any(|a| {
                    a.key.as_ref() == "office:value-type"
                        && matches!(a.value.as_ref(), "float" | "percentage" | "currency")
                });
                // A cell's text is its own: none read into the next.
                bare = (!empty && (!typed || number)).then(|| {
                    let covered = e.name().as_ref() == "table:covered-table-cell";
                    ((row, col, repeated, covered), String::new())
                });
                if let Some(name) = &sheet {
                    if (rows > 1 || cols > 1) && e.name().as_ref() == "table:table-cell" {
                        let end = (row + rows - 1, col + cols - 1);
                        let marks = out.entry(name.clone()).or_default();
                        marks.regions.push(((row, col), end));
                    }
                    let error = e.attributes().flatten().any(|a| {
                        a.key.as_ref() == "calcext:value-type" && a.value.as_ref() == "error"
                    });
                    if error {
                        // A repeated error cell: each of its places, up
                        // to what a sheet can hold.
                        let marks = out.entry(name.clone()).or_default();
                        for r in row..row.saturating_add(repeat).min(1 << 20) {
                            for c in col..col.saturating_add(repeated).min(1 << 14) {
                                marks.errors.push((r as usize, c as usize));
                            }
                        }
                    }
                }
                col = col.saturating_add(repeated);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// An ODS style (`style:style`): what its own text properties say of a
/// line through the text (`Some(false)` for « none »), and its parent.
type OdsStyle = (Option<bool>, Option<String>);

/// The styles of an ODS part `xml`, by name, into `styles`.
fn ods_styles(
    xml: &str,
    styles: &mut std::collections::HashMap<String, OdsStyle>,
    maps: &mut std::collections::HashMap<String, Vec<String>>,
) {
    use quick_xml::events::Event;
    let attr = |e: &quick_xml::events::BytesStart<'_>, key: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| a.value.to_string())
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut current: Option<String> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == "style:style" => {
                let name = attr(&e, "style:name").unwrap_or_default();
                styles.insert(name, (None, attr(&e, "style:parent-style-name")));
            }
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => {
                    let name = attr(&e, "style:name").unwrap_or_default();
                    styles.insert(name.clone(), (None, attr(&e, "style:parent-style-name")));
                    current = Some(name);
                }
                "style:text-properties" => {
                    let through = attr(&e, "style:text-line-through-style");
                    if let (Some(name), Some(v)) = (&current, through) {
                        if let Some(style) = styles.get_mut(name) {
                            style.0 = Some(v != "none");
                        }
                    }
                }
                // A condition's style (`style:map`): the style it applies.
                "style:map" => {
                    if let (Some(name), Some(applied)) =
                        (&current, attr(&e, "style:apply-style-name"))
                    {
                        maps.entry(name.clone()).or_default().push(applied);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "style:style" => current = None,
            _ => {}
        }
    }
}

/// An ODS range address (`table:target-range-address`: « 'Feuille 1'.H2:
/// 'Feuille 1'.H10 Feuille1.J2 », the sheet before each cell, « $ » for
/// absolute) in A1 form, without the sheets: « H2:H10 J2 ».
fn ods_range(address: &str) -> String {
    // The ranges, split at the spaces outside a quoted sheet name.
    let (mut ranges, mut current, mut quoted) = (Vec::new(), String::new(), false);
    for c in address.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => ranges.push(std::mem::take(&mut current)),
            _ => {}
        }
        current.push(c);
    }
    ranges.push(current);
    let cell = |part: &str| {
        let at = part.rsplit_once('.').map_or(part, |(_, cell)| cell);
        at.trim().replace('$', "")
    };
    ranges
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .map(|r| match r.rsplit_once(':') {
            Some((a, b)) => format!("{}:{}", cell(a), cell(b)),
            None => cell(r),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the ODS style `name` (or the nearest of its parents that says)
/// draws a line through its text.
fn line_through(styles: &std::collections::HashMap<String, OdsStyle>, name: &str) -> bool {
    let mut name = name.to_string();
    for _ in 0..16 {
        match styles.get(&name) {
            Some((Some(through), _)) => return *through,
            Some((None, Some(parent))) => name = parent.clone(),
            _ => return false,
        }
    }
    false
}

/// One `calamine` value as a [`Cell`].
fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(x) => excel_date(x).unwrap_or_else(|| {
            x.as_datetime()
                .map(datetime)
                .unwrap_or(Cell::Number(x.as_f64()))
        }),
        Data::DateTimeIso(s) => s
            .parse::<chrono::NaiveDateTime>()
            .map(datetime)
            .ok()
            .or_else(|| s.parse::<NaiveDate>().ok().map(Cell::Date))
            .unwrap_or_else(|| Cell::text(s.clone())),
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(_) => Cell::Empty,
    }
}

/// A date-time as a cell: [`Cell::Date`] at midnight.
fn datetime(t: chrono::NaiveDateTime) -> Cell {
    if t.time() == NaiveTime::MIN {
        Cell::Date(t.date())
    } else {
        Cell::DateTime(t)
    }
}

/// An XLSX date cell read as the day the spreadsheet shows where
/// `calamine`'s day would differ, else `None`. `calamine` adds a day to
/// every serial below 60 for Excel's 1900 leap-year bug (serial 1 is
/// 1900-01-01), which also puts serial 0 (1899-12-30, as LibreOffice
/// shows it) and a date before it — a negative serial, as LibreOffice and
/// openpyxl write one and show it — a day late,
/// and a day of the 1904 system (which has no such bug) before 1900-03-01:
/// those count from 1899-12-30 as they are. Serial 60 is Excel's 29
/// February 1900, a day that never was: its text, never another day.
fn excel_date(x: &calamine::ExcelDateTime) -> Option<Cell> {
    let v = x.as_f64();
    let system = |is_1904| {
        *x == calamine::ExcelDateTime::new(v, calamine::ExcelDateTimeType::DateTime, is_1904)
    };
    let is_1904 = system(true);
    if !is_1904 && !system(false) {
        return None;
    }
    // The serial counted from 1899-12-30.
    let serial = if is_1904 { v + 1462.0 } else { v };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let at = |serial: f64| {
        epoch.checked_add_signed(chrono::Duration::milliseconds(
            (serial * 86_400_000.0).round() as i64,
        ))
    };
    if serial < 1.0 || (is_1904 && serial < 60.0) {
        return at(serial).map(datetime);
    }
    if !is_1904 && (60.0..61.0).contains(&serial) {
        let time = at(serial - 60.0)?.time();
        return Some(Cell::text(if time == NaiveTime::MIN {
            "1900-02-29".to_string()
        } else {
            format!("1900-02-29 {time}")
        }));
    }
    None
}

/// The column letters of column `col` (from 1): 1 → `A`, 27 → `AA`.
pub fn column_letters(col: usize) -> String {
    let mut n = col;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell's text: text as it is, a whole number without decimals, a date
/// `YYYY-MM-DD`; `None` for an empty cell.
pub fn as_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Empty => None,
        Cell::Text(s) | Cell::Marked(s, _) => Some(s.clone()),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Cell::Number(n) => Some(n.to_string()),
        Cell::Date(d) => Some(d.to_string()),
        // A time alone (a serial below 1, the day 1899-12-30): no day.
        Cell::DateTime(t)
            if t.date() == NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default() =>
        {
            Some(t.time().to_string())
        }
        Cell::DateTime(t) => Some(t.to_string()),
    }
}

/// The first year a date of the register may have: a year before it is a
/// year mistyped (« 0021 ») or a spreadsheet's date of the years 0–99, never
/// a fact of this register.
pub const FIRST_YEAR: i32 = 1900;

/// Why a cell where a date is expected gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotADate {
    /// It says no date in any form [`as_date`] reads.
    Unreadable,
    /// A date whose year is written in one or two digits (« 01/02/21 »):
    /// the century is never guessed. Holds the year as typed.
    ShortYear(String),
    /// A date before [`FIRST_YEAR`] (« 01/02/0021 », a date cell of the
    /// year 21).
    TooEarly,
}

/// A cell read as a date: a date cell, a date-time's day, or text that says
/// a date (« 2021-02-01 », « 01/02/2021 » day first, « 1er février 2021 »,
/// « 1 February 2021 »). `None` when it is none of those, when the year is
/// written in two digits, or when it is before [`FIRST_YEAR`] (see
/// [`date_of`] for why).
pub fn as_date(c: &Cell) -> Option<NaiveDate> {
    date_of(c).ok()
}

/// A cell read as [`as_date`] reads it, or why it is no date.
pub fn date_of(c: &Cell) -> Result<NaiveDate, NotADate> {
    let day = match c {
        Cell::Date(d) => *d,
        Cell::DateTime(t) => t.date(),
        Cell::Text(s) => return date_text_of(s),
        _ => return Err(NotADate::Unreadable),
    };
    in_range(day)
}

/// A date typed as text, in the forms [`as_date`] names.
pub fn date_text(s: &str) -> Option<NaiveDate> {
    date_text_of(s).ok()
}

/// A date typed as text, or why it is no date: the year must be written in
/// full (four digits) and be [`FIRST_YEAR`] or after.
pub fn date_text_of(s: &str) -> Result<NaiveDate, NotADate> {
    let s = s.trim();
    let (day, year) = text_day(s).ok_or(NotADate::Unreadable)?;
    let digits = year.trim_start_matches(['+', '-']);
    if digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NotADate::ShortYear(year.to_string()));
    }
    if digits.len() > 4 {
        return Err(NotADate::Unreadable);
    }
    in_range(day)
}

/// `day` unless it is before [`FIRST_YEAR`].
fn in_range(day: NaiveDate) -> Result<NaiveDate, NotADate> {
    if day.year() < FIRST_YEAR {
        Err(NotADate::TooEarly)
    } else {
        Ok(day)
    }
}

/// The day a text says, and its year as typed.
fn text_day(s: &str) -> Option<(NaiveDate, &str)> {
    // Year first only when it has more than two digits: « 01-02-21 » is
    // day first, its year « 21 ».
    let first = s.split('-').next().unwrap_or(s);
    if first.len() > 2 {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some((d, first));
        }
    }
    let last = |sep: char| s.rsplit(sep).next().unwrap_or(s);
    for (f, sep) in [("%d/%m/%Y", '/'), ("%d.%m.%Y", '.'), ("%d-%m-%Y", '-')] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some((d, last(sep)));
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let day: u32 = day
        .to_lowercase()
        .trim_end_matches("er")
        .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
        .parse()
        .ok()?;
    let month = month.to_lowercase();
    let month = [Lang::Fr, Lang::En].into_iter().find_map(|lang| {
        Catalog::of(lang)
            .list("months")
            .iter()
            .position(|m| m.to_lowercase() == month)
    })?;
    let d = NaiveDate::from_ymd_opt(year.parse().ok()?, month as u32 + 1, day)?;
    Some((d, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_s_cell_and_part_are_found_from_their_references() {
        assert_eq!(super::cell_ref("A1"), Some((0, 0)));
        assert_eq!(super::cell_ref("H2"), Some((1, 7)));
        assert_eq!(super::cell_ref("AA10"), Some((9, 26)));
        for bad in ["", "A", "12", "A0", "1A", "A-1"] {
            assert_eq!(super::cell_ref(bad), None, "{bad}");
        }
        assert_eq!(
            super::joined("xl/worksheets", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(
            super::joined("xl/worksheets", "/xl/comments/c.xml"),
            "xl/comments/c.xml"
        );
        assert_eq!(
            super::joined("xl/worksheets", "./c.xml"),
            "xl/worksheets/c.xml"
        );
    }

    #[test]
    fn a_vertical_tab_or_a_form_feed_is_a_line_break() {
        let mut rows = vec![vec![Cell::text("A\u{0B}B\u{0C}C\r\nD")]];
        line_breaks(&mut rows);
        assert_eq!(rows[0][0], Cell::text("A\nB\nC\nD"));
    }

    #[test]
    fn a_number_format_that_shows_a_number_otherwise_is_kept() {
        let codes = [(164, "00000".to_string()), (165, "dd/mm/yyyy".to_string())];
        assert_eq!(number_shown(164, &codes).as_deref(), Some("00000"));
        assert_eq!(number_shown(9, &codes).as_deref(), Some("0%"));
        // Currency and accounting, built in: no `numFmt` spells them out.
        for id in [5, 7, 41, 44] {
            assert!(number_shown(id, &[]).is_some(), "{id}");
        }
        let general = [(172, r#""Bâtiment "General"#.to_string())];
        assert!(number_shown(172, &general).is_some());
        // A locale or a colour around the general format changes nothing;
        // the file's own code for a built-in id is the one named.
        let own = [
            (173, "[$-40C]General".to_string()),
            (44, "# ##0,00 €".to_string()),
        ];
        assert_eq!(number_shown(173, &own), None);
        assert_eq!(number_shown(44, &own).as_deref(), Some("# ##0,00 €"));
        for id in [0, 1, 49, 14, 165, 166] {
            assert_eq!(number_shown(id, &codes), None, "{id}");
        }
        let text = [
            (170, r#""Bâtiment "0"#.to_string()),
            (171, "[$-40C]0.0".to_string()),
        ];
        assert!(number_shown(170, &text).is_some());
        assert!(number_shown(171, &text).is_some());
    }

    #[test]
    fn conditional_ranges_read_in_a1_form() {
        assert_eq!(
            ods_range("'Le Registre'.B2:'Le Registre'.$B$3 'Le Registre'.C2"),
            "B2:B3 C2"
        );
        assert_eq!(ods_range("Registre.A1:Registre.A9"), "A1:A9");
        assert_eq!(area("B2:B4"), Some(((1, 1), (3, 1))));
        assert_eq!(area("$C$5"), Some(((4, 2), (4, 2))));
        assert_eq!(area("C:C"), Some(((0, 2), (usize::MAX - 1, 2))));
        assert_eq!(area("2:3"), Some(((1, 0), (2, usize::MAX - 1))));
        assert_eq!(area("?"), None);
        assert_eq!(
            column_ranges(vec![(2, 1), (1, 1), (4, 1), (1, 2)]),
            ["B2:B3", "B5", "C2"]
        );
    }

    #[test]
    fn columns_have_their_a1_letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(53), "BA");
    }

    #[test]
    fn a_date_typed_as_text_is_a_date() {
        let d = NaiveDate::from_ymd_opt(2021, 2, 1);
        for s in [
            "2021-02-01",
            "01/02/2021",
            " 1/2/2021 ",
            "1er février 2021",
            "1 février 2021",
            "1 February 2021",
            "1st february 2021",
        ] {
            assert_eq!(date_text(s), d, "{s}");
        }
        for s in ["février", "32/01/2021", "Hébergement 2021", "2021"] {
            assert_eq!(date_text(s), None, "{s}");
        }
        assert_eq!(as_date(&Cell::Text("01/02/2021".into())), d);
        assert_eq!(as_date(&Cell::Number(44228.0)), None);
    }

    #[test]
    fn a_year_in_two_digits_or_before_1900_is_no_date() {
        let short = |y: &str| Err(NotADate::ShortYear(y.into()));
        assert_eq!(date_text_of("01/02/21"), short("21"));
        assert_eq!(date_text_of("01.02.21"), short("21"));
        assert_eq!(date_text_of("15/03/25"), short("25"));
        assert_eq!(date_text_of("1/2/5"), short("5"));
        assert_eq!(date_text_of("21-02-01"), short("01"));
        assert_eq!(date_text_of("01-02-21"), short("21"));
        assert_eq!(date_text_of("1er février 21"), short("21"));
        assert_eq!(date_text_of("01/02/0021"), Err(NotADate::TooEarly));
        assert_eq!(date_text_of("01/02/1899"), Err(NotADate::TooEarly));
        assert_eq!(date_text_of("0021-02-01"), Err(NotADate::TooEarly));
        assert_eq!(date_text_of("01/02/20211"), Err(NotADate::Unreadable));
        assert_eq!(date_text_of("Hébergement"), Err(NotADate::Unreadable));
        assert_eq!(date_text("01/01/1900"), NaiveDate::from_ymd_opt(1900, 1, 1));
        let early = NaiveDate::from_ymd_opt(21, 2, 1).unwrap();
        assert_eq!(date_of(&Cell::Date(early)), Err(NotADate::TooEarly));
        let at = early.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        assert_eq!(date_of(&Cell::DateTime(at)), Err(NotADate::TooEarly));
        assert_eq!(as_date(&Cell::Date(early)), None);
    }

    #[test]
    fn an_xlsx_date_cell_is_the_day_the_spreadsheet_shows() {
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime};
        let day_at = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let day = |y, m, d| Cell::Date(day_at(y, m, d));
        let at = |v: f64, is_1904| cell(&Data::DateTime(ExcelDateTime::new(v, DateTime, is_1904)));
        // Before 1899-12-30: counted from it, never a day late.
        assert_eq!(at(-29.0, false), day(1899, 12, 1));
        assert_eq!(at(-1.0, false), day(1899, 12, 29));
        assert_eq!(at(0.0, false), day(1899, 12, 30));
        assert_eq!(
            at(0.5, false),
            Cell::DateTime(day_at(1899, 12, 30).and_hms_opt(12, 0, 0).unwrap())
        );
        assert_eq!(at(-18095.0, false), day(1850, 6, 15));
        // Excel's 1900 leap-year bug: serials 1 to 59 are a day later.
        assert_eq!(at(1.0, false), day(1900, 1, 1));
        assert_eq!(at(59.0, false), day(1900, 2, 28));
        // Serial 60 is the 29 February 1900 Excel shows, a day that never was.
        assert_eq!(at(60.0, false), Cell::text("1900-02-29"));
        assert_eq!(at(60.5, false), Cell::text("1900-02-29 12:00:00"));
        assert_eq!(at(61.0, false), day(1900, 3, 1));
        assert_eq!(at(44228.0, false), day(2021, 2, 1));
        // The 1904 system: serial 0 is 1904-01-01, a negative one before.
        assert_eq!(at(0.0, true), day(1904, 1, 1));
        assert_eq!(at(-1462.0, true), day(1899, 12, 30));
        assert_eq!(at(-1493.0, true), day(1899, 11, 29));
    }

    #[test]
    fn a_merged_region_takes_its_first_cell_down_its_first_column_only() {
        let mut rows = vec![vec![Cell::text("x"), Cell::text("y")], vec![]];
        assert!(spread(&mut rows, (0, 0), (2, 0)));
        assert_eq!(rows[1][0], Cell::text("x"));
        assert_eq!(rows[2][0], Cell::text("x"));
        assert_eq!(rows[0][1], Cell::text("y"));
        // Across columns: the first column only.
        let mut rows = vec![vec![Cell::text("x"), Cell::Empty, Cell::Empty], vec![]];
        assert!(spread(&mut rows, (0, 0), (1, 1)));
        assert_eq!(rows[1], [Cell::text("x")]);
        assert_eq!(rows[0][1], Cell::Empty);
        // An empty region: nothing to say.
        assert!(!spread(&mut rows, (0, 2), (1, 2)));
        // What a region hides is taken out, with where it stood.
        let mut rows = vec![
            vec![Cell::text("x"), Cell::text("hidden")],
            vec![Cell::text("below")],
        ];
        let gone = hide(&mut rows, (0, 0), (1, 1));
        assert_eq!(
            gone,
            [(1, 2, Cell::text("hidden")), (2, 1, Cell::text("below"))]
        );
        assert_eq!(rows[0], [Cell::text("x"), Cell::Empty]);
    }

    #[test]
    fn numbers_read_as_text_without_a_needless_decimal() {
        assert_eq!(as_text(&Cell::Number(12.0)).as_deref(), Some("12"));
        assert_eq!(as_text(&Cell::Number(1.5)).as_deref(), Some("1.5"));
        assert_eq!(as_text(&Cell::Empty), None);
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused() {
        assert!(read(b"name: not a spreadsheet\n").is_err());
    }
}
