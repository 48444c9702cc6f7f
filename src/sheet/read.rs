//! Reading a spreadsheet (XLSX or ODS, one code path through `calamine`)
//! into sheets of [`Cell`]s, each cell at its place: the sheet's name, its
//! row and column counted from 1, and the column's A1 letters for messages.
//!
//! Types: a date cell, and a number in a date format (`calamine` reads the
//! format), are [`Cell::Date`] (or [`Cell::DateTime`] when they carry a time
//! of day); numbers are [`Cell::Number`]; the rest is text. A date typed as
//! text (« 01/02/2021 », « 2021-02-01 », « 1er février 2021 », « 1 February
//! 2021 ») stays text here — a description may well hold such words — and
//! [`as_date`] reads it as a date where a date is expected.
//!
//! A formula is read as the value the file keeps for it; one with no kept
//! value (a file written by a program that computes nothing) is listed in
//! [`ReadSheet::formulas`].
//!
//! Merged cells: XLSX names its merged regions and the value of the
//! region's first cell is copied to every cell of the region. `calamine`
//! does not expose ODS's spans: in an ODS file the covered cells of a merged
//! region read as empty, so only the first cell holds the value.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::{NaiveDate, NaiveTime};

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
}

impl ReadSheet {
    /// The cell at `row`, `col` (both from 1), [`Cell::Empty`] past the end.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        row.checked_sub(1)
            .zip(col.checked_sub(1))
            .and_then(|(r, c)| self.rows.get(r)?.get(c))
            .unwrap_or(&Cell::Empty)
    }
}

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
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| fail(&e))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows() {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.extend(row.iter().map(cell));
                while cells.last() == Some(&Cell::Empty) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        if let calamine::Sheets::Xlsx(x) = &mut book {
            for region in x.merge_cells_by_sheet_name(&name).map_err(|e| fail(&e))? {
                spread(&mut rows, region.start, region.end);
            }
        }
        while rows.last().is_some_and(Vec::is_empty) {
            rows.pop();
        }
        let mut sheet = ReadSheet {
            name,
            rows,
            formulas: Vec::new(),
        };
        // A formula whose value the file does not keep reads as empty: it
        // is listed, so the import reports it rather than drop it.
        if let Ok(f) = book.worksheet_formula(&sheet.name) {
            if let Some((r0, c0)) = f.start() {
                for (r, row) in f.rows().enumerate() {
                    for (c, text) in row.iter().enumerate() {
                        let (at_r, at_c) = (r0 as usize + r + 1, c0 as usize + c + 1);
                        if !text.is_empty() && *sheet.cell(at_r, at_c) == Cell::Empty {
                            sheet.formulas.push((at_r, at_c, text.clone()));
                        }
                    }
                }
            }
        }
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// The value of a merged region's first cell copied to the whole region
/// (0-based `(row, col)` corners).
fn spread(rows: &mut Vec<Vec<Cell>>, start: (u32, u32), end: (u32, u32)) {
    let (r0, c0) = (start.0 as usize, start.1 as usize);
    let (r1, c1) = (end.0 as usize, end.1 as usize);
    let Some(value) = rows.get(r0).and_then(|r| r.get(c0)).cloned() else {
        return;
    };
    if rows.len() <= r1 {
        rows.resize(r1 + 1, Vec::new());
    }
    for row in &mut rows[r0..=r1] {
        if row.len() <= c1 {
            row.resize(c1 + 1, Cell::Empty);
        }
        for c in &mut row[c0..=c1] {
            *c = value.clone();
        }
    }
}

/// One `calamine` value as a [`Cell`].
fn cell(d: &Data) -> Cell {
    let datetime = |t: chrono::NaiveDateTime| {
        if t.time() == NaiveTime::MIN {
            Cell::Date(t.date())
        } else {
            Cell::DateTime(t)
        }
    };
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(x) => x
            .as_datetime()
            .map(datetime)
            .unwrap_or(Cell::Number(x.as_f64())),
        Data::DateTimeIso(s) => s
            .parse::<chrono::NaiveDateTime>()
            .map(datetime)
            .ok()
            .or_else(|| s.parse::<NaiveDate>().ok().map(Cell::Date))
            .unwrap_or_else(|| Cell::text(s.clone())),
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
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
        Cell::DateTime(t) => Some(t.to_string()),
    }
}

/// A cell read as a date: a date cell, a date-time's day, or text that says
/// a date (« 2021-02-01 », « 01/02/2021 » day first, « 1er février 2021 »,
/// « 1 February 2021 »). `None` when it is none of those.
pub fn as_date(c: &Cell) -> Option<NaiveDate> {
    match c {
        Cell::Date(d) => Some(*d),
        Cell::DateTime(t) => Some(t.date()),
        Cell::Text(s) => date_text(s),
        _ => None,
    }
}

/// A date typed as text, in the forms [`as_date`] names.
pub fn date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    for f in ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let day: u32 = day
        .trim_end_matches("er")
        .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
        .parse()
        .ok()?;
    let year: i32 = year.parse().ok()?;
    let month = [Lang::Fr, Lang::En].into_iter().find_map(|lang| {
        Catalog::of(lang)
            .list("months")
            .iter()
            .position(|m| m.to_lowercase() == *month)
    })?;
    NaiveDate::from_ymd_opt(year, month as u32 + 1, day)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_merged_region_takes_its_first_cell_everywhere() {
        let mut rows = vec![vec![Cell::text("x"), Cell::text("y")], vec![]];
        spread(&mut rows, (0, 0), (2, 0));
        assert_eq!(rows[1][0], Cell::text("x"));
        assert_eq!(rows[2][0], Cell::text("x"));
        assert_eq!(rows[0][1], Cell::text("y"));
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
