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
//! A tab in a text is written as ODF's `<text:tab/>` element (a tab
//! character would be white space a reader may collapse), and a date
//! cell holds the day as its value and shows it as its format does
//! (`01/03/2021`), not as the date-time the crate writes.

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
    settle(&raw, book.created.naive_utc(), book.day_first)
}

/// The zip `raw` rewritten with its style sections sorted, its content's
/// tabs and dates as [`content_rewritten`] writes them, and every entry
/// dated `at` (1980 at the earliest, the zip format's first day).
fn settle(raw: &[u8], at: chrono::NaiveDateTime, day_first: bool) -> Result<Vec<u8>, SheetError> {
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
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let text = if name == "content.xml" {
                    content_rewritten(text, day_first)?
                } else {
                    text.to_string()
                };
                bytes = sorted_sections(&text)?.into_bytes();
            }
        }
        out.start_file(name, options).map_err(err)?;
        out.write_all(&bytes).map_err(err)?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

/// `xml` (`content.xml`) with each tab of its text written `<text:tab/>`
/// (in ODF a tab character in a paragraph is white space that a reader may
/// collapse, as LibreOffice does; the element is the tab), and each date
/// cell's value and text as a date cell shows them: `spreadsheet-ods`
/// writes a date as a date-time (`2021-03-01T00:00:00`) in both; a cell of
/// the date style gets the day only as its value, and its text is the day
/// (or the day and time) as the format shows it, day first when
/// `day_first`. Only the cells' tags and texts are changed, found by
/// `quick-xml`'s reader.
fn content_rewritten(xml: &str, day_first: bool) -> Result<String, SheetError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut from, mut start) = (String::with_capacity(xml.len()), 0usize, 0usize);
    // A date cell's text as written, and as it is shown.
    let mut shown: Option<(String, String)> = None;
    loop {
        let event = reader.read_event().map_err(err)?;
        let end = usize::try_from(reader.buffer_position()).map_err(err)?;
        let raw = &xml[start..end];
        let changed = match &event {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "table:table-cell" => date_cell(raw, day_first)
                .map(|(tag, written, text)| {
                    shown = Some((written, text));
                    tag
                }),
            Event::Text(_) => match shown.take() {
                Some((written, text)) if written == raw => Some(text),
                other => {
                    shown = other;
                    raw.contains('\t').then(|| raw.replace('\t', "<text:tab/>"))
                }
            },
            _ => None,
        };
        if let Some(new) = changed {
            out.push_str(&xml[from..start]);
            out.push_str(&new);
            from = end;
        }
        start = end;
    }
    out.push_str(&xml[from..]);
    Ok(out)
}

/// A date cell's opening `tag` rewritten (a date style's value the day
/// only), the text `spreadsheet-ods` wrote in it, and the text to show;
/// `None` for another cell.
fn date_cell(tag: &str, day_first: bool) -> Option<(String, String, String)> {
    const ATTR: &str = "office:date-value=\"";
    let at = tag.find(ATTR)? + ATTR.len();
    let written = &tag[at..at + tag[at..].find('"')?];
    let t = chrono::NaiveDateTime::parse_from_str(written, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    let day = if day_first { "%d/%m/%Y" } else { "%Y-%m-%d" };
    if tag.contains("table:style-name=\"dpo-date\"") {
        let value = t.date().format("%Y-%m-%d").to_string();
        let tag = tag.replacen(written, &value, 1);
        Some((tag, written.to_string(), t.date().format(day).to_string()))
    } else {
        let text = t.format(&format!("{day} %H:%M")).to_string();
        Some((tag.to_string(), written.to_string(), text))
    }
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
/// and the children of each of [`SECTIONS`] in a fixed order. The elements
/// are found by `quick-xml`'s reader (so a `>` inside a value, a comment or
/// a CDATA section cannot mislead it); each child is kept byte for byte,
/// only moved. Text between a section's children (white space) is dropped.
fn sorted_sections(xml: &str) -> Result<String, SheetError> {
    use quick_xml::events::Event;

    /// A section being read: where its content starts, the depth of its
    /// children, the children's spans, and where the open child started.
    struct Open {
        content: usize,
        depth: usize,
        children: Vec<(usize, usize)>,
        child: usize,
    }
    impl Open {
        /// A section whose content starts at `content`, its children at `depth`.
        fn at(content: usize, depth: usize) -> Open {
            Open {
                content,
                depth,
                children: Vec::new(),
                child: content,
            }
        }
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut copied, mut depth) = (String::with_capacity(xml.len()), 0usize, 0usize);
    let mut open: Option<Open> = None;
    let mut root_done = false;
    loop {
        let before = usize::try_from(reader.buffer_position()).map_err(err)?;
        let event = reader.read_event().map_err(err)?;
        let after = usize::try_from(reader.buffer_position()).map_err(err)?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if !root_done => {
                root_done = true;
                let mut attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.map_err(err)?;
                        Ok(format!("{}=\"{}\"", a.key.as_ref(), a.value))
                    })
                    .collect::<Result<Vec<_>, SheetError>>()?;
                attrs.sort_unstable();
                let name = e.name().as_ref().to_string();
                let closing = if xml[before..after].ends_with("/>") {
                    "/"
                } else {
                    ""
                };
                out.push_str(&xml[copied..before]);
                let sep = if attrs.is_empty() { "" } else { " " };
                out.push_str(&format!("<{name}{sep}{}{closing}>", attrs.join(" ")));
                copied = after;
                if closing.is_empty() {
                    // The root may be a section itself (`manifest:manifest`).
                    if SECTIONS.contains(&name.as_str()) {
                        open = Some(Open::at(after, depth + 1));
                    }
                    depth += 1;
                }
            }
            Event::Start(e) => {
                match &mut open {
                    Some(o) if depth == o.depth => o.child = before,
                    Some(_) => {}
                    None => {
                        let name = e.name();
                        if SECTIONS.iter().any(|s| *s == name.as_ref()) {
                            open = Some(Open::at(after, depth + 1));
                        }
                    }
                }
                depth += 1;
            }
            Event::Empty(_) => {
                if let Some(o) = open.as_mut().filter(|o| depth == o.depth) {
                    o.children.push((before, after));
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                match open.take() {
                    Some(mut o) if depth == o.depth => {
                        o.children.push((o.child, after));
                        open = Some(o);
                    }
                    Some(o) if depth + 1 == o.depth => {
                        let mut children: Vec<&str> =
                            o.children.iter().map(|&(a, b)| &xml[a..b]).collect();
                        children.sort_unstable();
                        out.push_str(&xml[copied..o.content]);
                        out.push_str(&children.concat());
                        copied = before;
                    }
                    other => open = other,
                }
            }
            _ => {}
        }
    }
    out.push_str(&xml[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `xml`'s sections sorted are `want`.
    fn sorts(xml: &str, want: &str) {
        assert_eq!(sorted_sections(xml).unwrap(), want, "{xml}");
    }

    #[test]
    fn sections_are_sorted_whole_and_nested_elements_stay_in_place() {
        let xml = "<?xml version=\"1.0\"?><a z=\"1\" b=\"2\"><office:styles><s n=\"b\"><p x=\"1\"/>t</s><s n=\"a\"/></office:styles></a>";
        sorts(xml, "<?xml version=\"1.0\"?><a b=\"2\" z=\"1\"><office:styles><s n=\"a\"/><s n=\"b\"><p x=\"1\"/>t</s></office:styles></a>");
    }

    #[test]
    fn a_greater_than_sign_in_a_value_or_a_comment_does_not_mislead_the_sort() {
        let manifest = "<manifest:manifest v=\"1\"><e p=\"b\"/><e p=\"a\"/></manifest:manifest>";
        sorts(
            manifest,
            "<manifest:manifest v=\"1\"><e p=\"a\"/><e p=\"b\"/></manifest:manifest>",
        );
        let xml = "<r><office:styles><s n=\"b>a\"/><!-- <x> --><s n=\"a\"><q v=\"1>0\"/></s></office:styles><t>></t></r>";
        sorts(xml, "<r><office:styles><s n=\"a\"><q v=\"1>0\"/></s><s n=\"b>a\"/></office:styles><t>></t></r>");
        assert!(sorted_sections("<r><office:styles><s></office:styles></r>").is_err());
    }

    #[test]
    fn a_tab_in_a_text_is_the_odf_tab_element_and_attributes_are_left_alone() {
        let got = content_rewritten("<r a=\"x\ty\"><text:p>BCR\tavec tab</text:p></r>", true);
        let want = "<r a=\"x\ty\"><text:p>BCR<text:tab/>avec tab</text:p></r>";
        assert_eq!(got.unwrap(), want);
        assert_eq!(
            content_rewritten("<p>sans</p>", true).unwrap(),
            "<p>sans</p>"
        );
    }

    #[test]
    fn a_date_cell_holds_the_day_and_shows_it_as_its_format_does() {
        let cell = |style: &str| {
            format!(
                "<table:table-cell table:style-name=\"{style}\" office:value-type=\"date\" \
                 office:date-value=\"2021-03-01T09:05:00\"><text:p>2021-03-01T09:05:00</text:p>\
                 </table:table-cell>"
            )
        };
        let date = content_rewritten(&cell("dpo-date"), true).unwrap();
        assert!(
            date.contains("office:date-value=\"2021-03-01\"><text:p>01/03/2021</text:p>"),
            "{date}"
        );
        let iso = content_rewritten(&cell("dpo-date"), false).unwrap();
        assert!(iso.contains("<text:p>2021-03-01</text:p>"), "{iso}");
        let time = content_rewritten(&cell("dpo-datetime"), true).unwrap();
        assert!(
            time.contains(
                "office:date-value=\"2021-03-01T09:05:00\"><text:p>01/03/2021 09:05</text:p>"
            ),
            "{time}"
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
