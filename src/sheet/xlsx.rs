//! A [`Workbook`] as XLSX bytes, with `rust_xlsxwriter`.
//!
//! The bytes depend on the workbook only: the document's creation time is
//! [`Workbook::created`] and the crate writes its zip entries with a fixed
//! time. The header row is bold and frozen, the columns fitted
//! ([`super::fitted_widths`]) and wrapped, dates typed with a date format
//! (`dd/mm/yyyy` when [`Workbook::day_first`], else ISO), and each [`Mark`] has its own fill (see [`MISSING_FILL`]).
//!
//! A cell of XLSX holds at most [`MAX_CHARS`] characters: a longer text is
//! written cut, ending with [`CUT_MARK`] so that the cut is seen
//! ([`cut_cells`] lists them for the command to say; `dpo import` reports
//! such a cell rather than take it as the whole text).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook as Xlsx};

use super::{fitted_widths, Cell, Mark, SheetError, Workbook};

/// The fill of a [`Mark::Missing`] cell (orange), its text italic.
pub const MISSING_FILL: u32 = 0xF4B183;

/// The fill of a [`Mark::Assumed`] cell (pale yellow).
pub const ASSUMED_FILL: u32 = 0xFFF2CC;

/// The format of date cells (ISO; [`DAY_FIRST_DATE_FORMAT`] in French).
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

/// The format of date-time cells (ISO; [`DAY_FIRST_DATETIME_FORMAT`] in
/// French).
pub const DATETIME_FORMAT: &str = "yyyy-mm-dd hh:mm";

/// The format of date cells of a [`Workbook::day_first`] workbook.
pub const DAY_FIRST_DATE_FORMAT: &str = "dd/mm/yyyy";

/// The format of date-time cells of a [`Workbook::day_first`] workbook.
pub const DAY_FIRST_DATETIME_FORMAT: &str = "dd/mm/yyyy hh:mm";

/// The most characters an XLSX cell holds.
pub const MAX_CHARS: usize = 32_767;

/// The end of a text cut to [`MAX_CHARS`].
pub const CUT_MARK: &str = " […]";

/// `s` as an XLSX cell holds it: whole, or cut to [`MAX_CHARS`] characters
/// ending with [`CUT_MARK`].
pub fn fitted(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= MAX_CHARS {
        return s.into();
    }
    let keep = MAX_CHARS - CUT_MARK.chars().count();
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(CUT_MARK);
    out.into()
}

/// Whether a cell's text read back is one [`fitted`] cut.
pub fn was_cut(s: &str) -> bool {
    s.ends_with(CUT_MARK) && s.chars().count() == MAX_CHARS
}

/// The cells of `book` whose text [`write`] cuts: the sheet's name, the
/// row (from 1, the header row being 1), the column (from 1), its header
/// and the text's length in characters.
pub fn cut_cells(book: &Workbook) -> Vec<(String, usize, usize, String, usize)> {
    let mut out = Vec::new();
    for sheet in &book.sheets {
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Cell::Text(s) | Cell::Marked(s, _) = cell {
                    let n = s.chars().count();
                    if n > MAX_CHARS {
                        let header = sheet.columns.get(c).map(|h| h.header.clone());
                        out.push((
                            sheet.name.clone(),
                            r + 2,
                            c + 1,
                            header.unwrap_or_default(),
                            n,
                        ));
                    }
                }
            }
        }
    }
    out
}

fn err(e: impl std::fmt::Display) -> SheetError {
    SheetError::new("XLSX", e)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, SheetError> {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let y = u16::try_from(y).map_err(err)?;
    ExcelDateTime::from_ymd(y, m as u8, day as u8).map_err(err)
}

fn excel_datetime(t: NaiveDateTime) -> Result<ExcelDateTime, SheetError> {
    excel_date(t.date())?
        .and_hms(t.hour() as u16, t.minute() as u8, t.second())
        .map_err(err)
}

/// The formats of one workbook.
struct Formats {
    header: Format,
    text: Format,
    date: Format,
    datetime: Format,
    missing: Format,
    assumed: Format,
}

impl Formats {
    fn new(day_first: bool) -> Self {
        let (date, datetime) = if day_first {
            (DAY_FIRST_DATE_FORMAT, DAY_FIRST_DATETIME_FORMAT)
        } else {
            (DATE_FORMAT, DATETIME_FORMAT)
        };
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            date: text.clone().set_num_format(date),
            datetime: text.clone().set_num_format(datetime),
            missing: text
                .clone()
                .set_italic()
                .set_background_color(Color::RGB(MISSING_FILL)),
            assumed: text.clone().set_background_color(Color::RGB(ASSUMED_FILL)),
            text,
        }
    }
}

/// The XLSX file of `book`.
pub fn write(book: &Workbook) -> Result<Vec<u8>, SheetError> {
    let mut x = Xlsx::new();
    let c = book.created.naive_utc();
    x.set_properties(
        &DocProperties::new()
            .set_title(&book.title)
            .set_creation_datetime(&excel_datetime(c)?),
    );
    let f = Formats::new(book.day_first);
    for sheet in &book.sheets {
        let ws = x.add_worksheet();
        ws.set_name(&sheet.name).map_err(err)?;
        for (col, (column, width)) in sheet.columns.iter().zip(fitted_widths(sheet)).enumerate() {
            let col = u16::try_from(col).map_err(err)?;
            ws.set_column_width(col, width as f64).map_err(err)?;
            ws.write_string_with_format(0, col, &column.header, &f.header)
                .map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(err)?;
            for (col, cell) in row.iter().enumerate() {
                let col = u16::try_from(col).map_err(err)?;
                match cell {
                    Cell::Empty => ws.write_blank(r, col, &f.text),
                    Cell::Text(s) => ws.write_string_with_format(r, col, fitted(s), &f.text),
                    Cell::Number(n) => ws.write_number_with_format(r, col, *n, &f.text),
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(r, col, excel_date(*d)?, &f.date)
                    }
                    Cell::DateTime(t) => {
                        ws.write_datetime_with_format(r, col, excel_datetime(*t)?, &f.datetime)
                    }
                    Cell::Marked(s, Mark::Missing) => {
                        ws.write_string_with_format(r, col, fitted(s), &f.missing)
                    }
                    Cell::Marked(s, Mark::Assumed) => {
                        ws.write_string_with_format(r, col, fitted(s), &f.assumed)
                    }
                }
                .map_err(err)?;
            }
        }
    }
    x.save_to_buffer().map_err(err)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::sheet::{Column, Sheet};

    pub(crate) fn sample() -> Workbook {
        Workbook {
            title: "Registre — é".into(),
            created: "2026-03-01T10:00:00Z".parse().unwrap(),
            sheets: vec![Sheet {
                name: "Sous-traitant".into(),
                columns: vec![
                    Column {
                        key: "a".into(),
                        header: "rubrique".into(),
                    },
                    Column {
                        key: "b".into(),
                        header: "valeur".into(),
                    },
                ],
                rows: vec![
                    vec![Cell::text("nom"), Cell::text("Établissement\nsecond")],
                    vec![
                        Cell::Date(NaiveDate::from_ymd_opt(2021, 2, 1).unwrap()),
                        Cell::Marked("« à compléter »".into(), Mark::Missing),
                    ],
                    vec![
                        Cell::Number(6.0),
                        Cell::Marked("x (à confirmer)".into(), Mark::Assumed),
                    ],
                ],
            }],
            day_first: true,
        }
    }

    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut_with_a_mark_and_listed() {
        let long = "é".repeat(MAX_CHARS + 10);
        let cut = fitted(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS);
        assert!(was_cut(&cut));
        assert!(!was_cut(&fitted("court […]")));
        let mut book = sample();
        book.sheets[0].rows[0][1] = Cell::text(long);
        assert!(write(&book).is_ok());
        let cells = cut_cells(&book);
        assert_eq!(
            cells,
            vec![(
                "Sous-traitant".into(),
                2,
                2,
                "valeur".into(),
                MAX_CHARS + 10
            )]
        );
    }

    #[test]
    fn the_same_workbook_gives_the_same_bytes() {
        let a = write(&sample()).unwrap();
        let b = write(&sample()).unwrap();
        assert_eq!(a, b);
        assert!(a.starts_with(b"PK"));
        let mut later = sample();
        later.created = "2026-03-02T10:00:00Z".parse().unwrap();
        assert_ne!(write(&later).unwrap(), a);
    }
}
