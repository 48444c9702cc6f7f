//! A [`Workbook`] as ODS bytes, with `spreadsheet-ods`.
//!
//! The crate writes its styles from hash maps (an order that changes from
//! run to run) and dates its zip entries with the clock; so the file it
//! makes is rewritten: the children of each style section sorted (their
//! order means nothing in ODF), every entry dated [`Workbook::created`],
//! `mimetype` first and stored, the rest deflated. The bytes then depend on
//! the workbook only. The header row is bold and frozen, the columns
//! fitted ([`super::fitted_widths`]) and wrapped, dates typed
//! (`office:value-type="date"`, shown day/month/year when
//! [`Workbook::day_first`], else ISO), and each [`Mark`] has its own cell style:
//! [`MISSING_STYLE`] (orange, italic) and [`ASSUMED_STYLE`] (pale yellow).

use std::io::{Cursor, Read, Write};

use chrono::{Datelike, Timelike};
use spreadsheet_ods::color::Rgb;
use spreadsheet_ods::format::ValueFormatDateTime;
use spreadsheet_ods::style::units::{CellAlignVertical, WrapOption};
use spreadsheet_ods::{CellStyle, CellStyleRef, Length, Sheet as OdsSheet, Value, WorkBook};

use super::{fitted_widths, Cell, Mark, SheetError, Workbook};

/// The name of the cell style of a [`Mark::Missing`] cell.
pub const MISSING_STYLE: &str = "dpo-missing";

/// The name of the cell style of a [`Mark::Assumed`] cell.
pub const ASSUMED_STYLE: &str = "dpo-assumed";

fn err(e: impl std::fmt::Display) -> SheetError {
    SheetError::new("ODS", e)
}

/// A date format: day/month/year when `day_first` (French), else ISO.
fn date_parts(name: &str, day_first: bool) -> ValueFormatDateTime {
    let mut v = ValueFormatDateTime::new_named(name);
    if day_first {
        v.part_day().long_style().build();
        v.part_text("/").build();
        v.part_month().long_style().build();
        v.part_text("/").build();
        v.part_year().long_style().build();
    } else {
        v.part_year().long_style().build();
        v.part_text("-").build();
        v.part_month().long_style().build();
        v.part_text("-").build();
        v.part_day().long_style().build();
    }
    v
}

/// The cell styles of one workbook.
struct Styles {
    header: CellStyleRef,
    text: CellStyleRef,
    date: CellStyleRef,
    datetime: CellStyleRef,
    missing: CellStyleRef,
    assumed: CellStyleRef,
}

impl Styles {
    fn add(book: &mut WorkBook, day_first: bool) -> Styles {
        let date_format = book.add_datetime_format(date_parts("dpo-date-format", day_first));
        let mut dt = date_parts("dpo-datetime-format", day_first);
        dt.part_text(" ").build();
        dt.part_hours().long_style().build();
        dt.part_text(":").build();
        dt.part_minutes().long_style().build();
        let datetime_format = book.add_datetime_format(dt);
        let style = |name: &str, f: &dyn Fn(&mut CellStyle)| {
            let mut s = CellStyle::new_empty();
            s.set_name(name);
            s.set_wrap_option(WrapOption::Wrap);
            s.set_vertical_align(CellAlignVertical::Top);
            f(&mut s);
            s
        };
        let mut add = |name: &str, f: &dyn Fn(&mut CellStyle)| book.add_cellstyle(style(name, f));
        Styles {
            header: add("dpo-header", &|s| s.set_font_bold()),
            text: add("dpo-text", &|_| {}),
            date: add("dpo-date", &|s| s.set_value_format(&date_format)),
            datetime: add("dpo-datetime", &|s| s.set_value_format(&datetime_format)),
            missing: add(MISSING_STYLE, &|s| {
                s.set_font_italic();
                s.set_background_color(Rgb::new(0xF4, 0xB1, 0x83));
            }),
            assumed: add(ASSUMED_STYLE, &|s| {
                s.set_background_color(Rgb::new(0xFF, 0xF2, 0xCC))
            }),
        }
    }
}

/// The ODS file of `book`.
pub fn write(book: &Workbook) -> Result<Vec<u8>, SheetError> {
    let mut ods = WorkBook::new_empty();
    {
        let meta = ods.metadata_mut();
        meta.title = book.title.clone();
        meta.creation_date = Some(book.created.naive_utc());
        meta.date = Some(book.created.naive_utc());
    }
    let st = Styles::add(&mut ods, book.day_first);
    for sheet in &book.sheets {
        let mut out = OdsSheet::new(sheet.name.as_str());
        for (col, (column, width)) in sheet.columns.iter().zip(fitted_widths(sheet)).enumerate() {
            let col = u32::try_from(col).map_err(err)?;
            out.set_col_width(col, Length::Cm(width as f64 * 0.2));
            out.set_styled_value(0, col, column.header.as_str(), &st.header);
        }
        out.split_row_header(0);
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(err)?;
            for (col, cell) in row.iter().enumerate() {
                let col = u32::try_from(col).map_err(err)?;
                let (value, style): (Value, &CellStyleRef) = match cell {
                    Cell::Empty => {
                        out.set_cellstyle(r, col, &st.text);
                        continue;
                    }
                    Cell::Text(s) => (s.as_str().into(), &st.text),
                    Cell::Number(n) => ((*n).into(), &st.text),
                    Cell::Date(d) => ((*d).into(), &st.date),
                    Cell::DateTime(t) => ((*t).into(), &st.datetime),
                    Cell::Marked(s, Mark::Missing) => (s.as_str().into(), &st.missing),
                    Cell::Marked(s, Mark::Assumed) => (s.as_str().into(), &st.assumed),
                };
                out.set_styled_value(r, col, value, style);
            }
        }
        ods.push_sheet(out);
    }
    let raw = spreadsheet_ods::write_ods_buf(&mut ods, Vec::new()).map_err(err)?;
    settle(&raw, book.created.naive_utc())
}

/// The zip `raw` rewritten with its style sections sorted and every entry
/// dated `at` (1980 at the earliest, the zip format's first day).
fn settle(raw: &[u8], at: chrono::NaiveDateTime) -> Result<Vec<u8>, SheetError> {
    let time = zip::DateTime::from_date_and_time(
        u16::try_from(at.year().clamp(1980, 2107)).map_err(err)?,
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default();
    let mut archive = zip::ZipArchive::new(Cursor::new(raw)).map_err(err)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(err)?;
        let name = entry.name().to_string();
        let method = if name == "mimetype" || entry.is_dir() {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(time)
            .unix_permissions(0o644);
        if entry.is_dir() {
            out.add_directory(name, options).map_err(err)?;
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(err)?;
        if name.ends_with(".xml") {
            if let Ok(text) = String::from_utf8(bytes.clone()) {
                bytes = sorted_sections(&text).into_bytes();
            }
        }
        out.start_file(name, options).map_err(err)?;
        out.write_all(&bytes).map_err(err)?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

/// The sections whose children's order means nothing.
const SECTIONS: &[&str] = &[
    "manifest:manifest",
    "office:font-face-decls",
    "office:styles",
    "office:automatic-styles",
    "office:master-styles",
];

/// `xml` with the attributes of its root element (namespace declarations)
/// and the children of each of [`SECTIONS`] in a fixed order.
fn sorted_sections(xml: &str) -> String {
    let mut xml = sorted_root_attributes(xml);
    for tag in SECTIONS {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let Some(start) = xml
            .match_indices(&open)
            .map(|(i, _)| i + open.len())
            .find(|&i| matches!(xml.as_bytes().get(i), Some(b' ' | b'>')))
            .and_then(|i| xml[i..].find('>').map(|gt| i + gt + 1))
        else {
            continue;
        };
        let Some(end) = xml[start..].find(&close).map(|i| i + start) else {
            continue;
        };
        let mut children = top_level_children(&xml[start..end]);
        children.sort_unstable();
        xml.replace_range(start..end, &children.concat());
    }
    xml
}

/// `xml` with the attributes of its first element sorted.
fn sorted_root_attributes(xml: &str) -> String {
    let mut at = 0;
    // Past the declaration `<?xml …?>`.
    while let Some(lt) = xml[at..].find('<').map(|i| i + at) {
        if xml[lt..].starts_with("<?") {
            at = lt + 2;
            continue;
        }
        let Some(gt) = xml[lt..].find('>').map(|i| i + lt) else {
            break;
        };
        let inner = xml[lt + 1..gt].trim_end_matches('/');
        let Some((name, rest)) = inner.split_once(' ') else {
            break;
        };
        let mut attrs: Vec<&str> = Vec::new();
        let mut rest = rest.trim_start();
        while let Some(eq) = rest.find("=\"") {
            let Some(end) = rest[eq + 2..].find('"').map(|i| i + eq + 2) else {
                break;
            };
            attrs.push(&rest[..=end]);
            rest = rest[end + 1..].trim_start();
        }
        attrs.sort_unstable();
        let closing = if xml[lt + 1..gt].ends_with('/') {
            "/"
        } else {
            ""
        };
        return format!(
            "{}<{name} {}{closing}>{}",
            &xml[..lt],
            attrs.join(" "),
            &xml[gt + 1..]
        );
    }
    xml.to_string()
}

/// The top-level elements of `inner` (an element's content), each whole;
/// text between them is dropped (the sections hold none).
fn top_level_children(inner: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, None);
    let mut i = 0;
    while let Some(lt) = inner[i..].find('<').map(|p| p + i) {
        let Some(gt) = inner[lt..].find('>').map(|p| p + lt) else {
            break;
        };
        let tag = &inner[lt..=gt];
        if depth == 0 {
            from = Some(lt);
        }
        if tag.starts_with("</") {
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            if let Some(f) = from.take() {
                out.push(&inner[f..=gt]);
            }
        }
        i = gt + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_sorted_whole_and_nested_elements_stay_in_place() {
        let xml = "<?xml version=\"1.0\"?><a z=\"1\" b=\"2\"><office:styles><s n=\"b\"><p x=\"1\"/>t</s><s n=\"a\"/></office:styles></a>";
        assert_eq!(
            sorted_sections(xml),
            "<?xml version=\"1.0\"?><a b=\"2\" z=\"1\"><office:styles><s n=\"a\"/><s n=\"b\"><p x=\"1\"/>t</s></office:styles></a>"
        );
    }

    #[test]
    fn the_same_workbook_gives_the_same_bytes() {
        let book = crate::sheet::xlsx::tests::sample();
        let a = write(&book).unwrap();
        for _ in 0..5 {
            assert_eq!(write(&book).unwrap(), a);
        }
        assert!(a.starts_with(b"PK"));
        // `mimetype` first and stored, as ODF requires.
        assert_eq!(&a[30..38], b"mimetype");
        assert!(a
            .windows(b"application/vnd.oasis.opendocument.spreadsheet".len())
            .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet"));
    }
}
