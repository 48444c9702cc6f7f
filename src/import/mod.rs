//! `dpo import`: a register kept in a spreadsheet (XLSX or ODS, read by
//! [`crate::sheet::read`]) made into a new workspace.
//!
//! Two layouts are recognised, by their columns and never by sheet names:
//! dpo's own export (`dpo register --format xlsx|ods`, [`own`]: its column
//! keys looked up in both languages' catalogs, a lossless round trip), and
//! a sheet in the authority's processor-register layout ([`authority`]:
//! one row per category of processing, with a YAML mapping for renamed
//! columns).
//!
//! Nothing is dropped silently: every value that cannot be placed is a
//! [`Problem`] naming its sheet, row and column (A1 letters) and why (a
//! date refused for its year — two digits, before 1900 — says so). The
//! new workspace is written beside its final place and renamed into it
//! ([`write`]), so it appears whole or not at all; its first journal entry
//! (`workspace.import`) names the file read and its SHA-256.

pub mod authority;
mod countries;
pub mod own;
mod settle;

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::model::{Id, Lang, Processor, SecurityMeasure, SubProcessor};
use crate::render::catalog::{Catalog, Msg, Told};
use crate::sheet::read::{column_letters, NotADate, ReadSheet};
use crate::workspace::{Act, WorkspaceError};

pub use authority::Mapping;

/// The journal action of an import.
pub const IMPORT_ACTION: &str = "workspace.import";

/// A value that could not be placed, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The sheet's name.
    pub sheet: String,
    /// The row, from 1.
    pub row: usize,
    /// The column, from 1; `None` for the whole row.
    pub column: Option<usize>,
    /// Why.
    pub why: Msg,
}

impl Problem {
    /// A problem at `sheet`'s cell (`row`, `column`, from 1).
    pub(crate) fn at(sheet: &ReadSheet, row: usize, column: usize, why: Msg) -> Self {
        Problem {
            sheet: sheet.name.clone(),
            row,
            column: Some(column),
            why,
        }
    }

    /// Whether the value was imported all the same, the report asking to
    /// check it (a mark dropped, an identifier made, a name merged, a text
    /// cut on export).
    pub fn kept(&self) -> bool {
        matches!(
            self.why.id,
            "sheetimport-f14-mark-dropped"
                | "sheetimport-f14b-id-made"
                | "sheetimport-f14b-id-made-empty"
                | "sheetimport-f14b-case-merged"
                | "sheetimport-f14b-cut"
                | "sheetimport-f14b-safeguards-lines"
                | "sheetimport-f14c-id-from-sheet"
                | "sheetimport-f14d-unnamed-one"
                | "sheetimport-f14e-id-made-blank"
                | "sheetimport-f14e-time-dropped"
                | "sheetimport-f14e-phone-number"
                | "sheetimport-f14i-measure-merged"
                | "sheetimport-f14i-measure-id-made"
                | "sheetimport-f14j-name-case"
                | "sheetimport-f14j-no-recipient"
                | "sheetimport-f14m-todo-kept"
                | "sheetimport-f14m-no-country"
                | "sheetimport-f14m-country-list"
                | "sheetimport-f14l-transfer-list"
                | "sheetimport-f14s-invisible"
                | "sheetimport-f14q-form-pair"
                | "sheetimport-f14r-no-country-recipient"
                | "sheetimport-f14r-one-line"
                | "sheetimport-f14u-own-country"
                | "sheetimport-f14u-own-mark-words"
                | "sheetimport-f14u-category-id-made"
                | "sheetimport-f14w-controller-id-made"
                | "sheetimport-f14w-hidden-row"
                | "sheetimport-f14w-hidden-column"
                | "sheetimport-f14w-fewer-lines"
                | "sheetimport-f14w-transfer-again"
                | "sheetimport-f14v-bad-email"
                | "sheetimport-f14v-name-spaces"
                | "sheetimport-f14v-date-in-text"
                | "sheetimport-f14v-boolean"
                | "sheetimport-f14y-untyped"
                | "sheetimport-f14y-controller-id-twice"
                | "sheetimport-f14y-row-controller-blank"
                | "sheetimport-f14y-record-id-twice"
                | "sheetimport-f14z-made-id-typed"
                | "sheetimport-f14z-names-joined"
                | "sheetimport-f14z-struck"
                | "sheetimport-f14z-struck-rule"
                | "sheetimport-f14z-number-shown"
        )
    }

    /// Whether nothing was lost and nothing is imported from this cell
    /// beyond what it says: a fact to know (a mapped column absent, a stale
    /// copy of a value kept on another sheet, a « (à confirmer) » mark
    /// typed inside a line and taken as the field's flag, a name given
    /// twice in one list cell and imported once).
    pub fn noted(&self) -> bool {
        matches!(
            self.why.id,
            "sheetimport-f14b-mapping-absent"
                | "sheetimport-f14d-stale-copy"
                | "sheetimport-f14e-header-twice-empty"
                | "sheetimport-f14f-transfers-left"
                | "sheetimport-f14f-transfer-copy"
                | "sheetimport-f14g-mark-inside"
                | "sheetimport-f14g-repeat-merged"
                | "sheetimport-f14i-measure-list"
                | "sheetimport-f14i-no-key-column"
                | "sheetimport-f14m-todo-line"
                | "sheetimport-f14u-mark-only"
                | "sheetimport-f14x-mark-only-transfer"
                | "sheetimport-f14x-mark-only-each"
                | "sheetimport-f14v-merged-across"
                | "sheetimport-f14w-header-down"
                | "sheetimport-f14w-header-row"
                | "sheetimport-f14w-escaped"
                | "sheetimport-f14y-controller-same-name"
                | "sheetimport-f14y-merged-down-field"
                | "sheetimport-f14z-edition-not-carried"
                | "sheetimport-f14z-struck-header"
                | "sheetimport-f14z-data-list"
        )
    }

    /// Whether the cell's value is in the new workspace: reported as
    /// imported, or noted with its value placed (a mark taken as the
    /// flag, a repeat merged).
    pub fn imported(&self) -> bool {
        self.kept()
            || matches!(
                self.why.id,
                "sheetimport-f14g-mark-inside"
                    | "sheetimport-f14g-repeat-merged"
                    | "sheetimport-f14i-measure-list"
            )
    }

    /// The words a report line starts with: « non importé », « signalé,
    /// importé » or « signalé ».
    pub fn lead(&self) -> &'static str {
        if self.kept() {
            "sheetimport-f14b-reported"
        } else if self.noted() {
            "sheetimport-f14d-noted"
        } else {
            "sheetimport-not-placed"
        }
    }

    /// Where and why, as one message (« Feuille, ligne 3, colonne B : … »).
    pub fn msg(&self) -> Msg {
        match self.column {
            Some(c) => Msg::new("sheetimport-at")
                .arg("sheet", self.sheet.as_str())
                .arg("row", self.row)
                .arg("column", column_letters(c))
                .arg("why", self.why.clone()),
            None => Msg::new("sheetimport-at-row")
                .arg("sheet", self.sheet.as_str())
                .arg("row", self.row)
                .arg("why", self.why.clone()),
        }
    }
}

/// What a spreadsheet gave: the records of a workspace, the controller
/// files as YAML values (a convention date the sheet lacks is left out, so
/// `dpo check` names it), and what could not be placed.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// Which layout was read (`own` or `authority`).
    pub layout: &'static str,
    /// `processor.yaml`.
    pub processor: Option<Processor>,
    /// `controllers/<id>.yaml`, in order.
    pub controllers: Vec<(Id, serde_yaml::Value)>,
    /// `subprocessors.yaml`.
    pub subprocessors: Vec<SubProcessor>,
    /// `security-measures.yaml`.
    pub measures: Vec<SecurityMeasure>,
    /// Every value not placed.
    pub problems: Vec<Problem>,
}

/// Why an import cannot be made.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.told().msg.english())]
pub enum ImportError {
    /// The file is not a spreadsheet this tool reads.
    Unreadable {
        /// The file, as given.
        file: String,
        /// Why, in the run's language (see [`unreadable_why`]).
        detail: Msg,
    },
    /// No sheet has the columns of either layout.
    NoLayout {
        /// The file, as given.
        file: String,
    },
    /// The mapping file is not usable.
    Mapping {
        /// The file, as given.
        file: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// Why.
        why: Msg,
    },
    /// `--into` is inside an existing workspace.
    IntoWorkspace {
        /// The folder.
        path: String,
        /// The workspace it is in.
        workspace: String,
    },
    /// The target folder exists and is not empty.
    NotEmpty {
        /// The folder.
        path: String,
    },
    /// A controller's record could not be written as YAML.
    Yaml(String),
    /// Writing the workspace failed.
    Workspace(#[from] WorkspaceError),
}

impl ImportError {
    /// What the refusal says, as catalog messages.
    pub fn told(&self) -> Told {
        let file = |id: &'static str, file: &str| Msg::new(id).arg("file", file);
        let (msg, hint) = match self {
            ImportError::Unreadable { file: f, detail } => (
                file("sheetimport-unusable", f).arg("detail", detail.clone()),
                None,
            ),
            ImportError::NoLayout { file: f } => (
                file("sheetimport-no-layout", f),
                Some("sheetimport-no-layout-hint"),
            ),
            ImportError::Mapping {
                file: f,
                line,
                column,
                why,
            } => (
                file("sheetimport-f14b-mapping-at", f)
                    .arg("line", *line)
                    .arg("column", *column)
                    .arg("why", why.clone())
                    .arg("fields", authority::field_names()),
                None,
            ),
            ImportError::IntoWorkspace { path, workspace } => (
                Msg::new("sheetimport-f14b-into-workspace")
                    .arg("path", path.as_str())
                    .arg("workspace", workspace.as_str()),
                None,
            ),
            ImportError::NotEmpty { path } => (
                Msg::new("sheetimport-into-not-empty").arg("path", path.as_str()),
                Some("errors-init-exists-hint"),
            ),
            ImportError::Yaml(detail) => (Msg::text(detail.as_str()), None),
            ImportError::Workspace(e) => return e.told(),
        };
        match hint {
            Some(h) => Told::new(msg).hint(Msg::new(h)),
            None => Told::new(msg),
        }
    }
}

crate::render::catalog::told_localize!(ImportError);

/// Why `bytes` could not be read, said in the catalog's words: a file
/// protected by a password (an encrypted XLSX is an OLE compound file, as
/// an old XLS is), an XLS/XLSB workbook, or a file that is no readable
/// XLSX or ODS (a damaged archive, another format). `reader` is the
/// reader's own (English) words, kept only to tell XLS/XLSB apart.
pub fn unreadable_why(bytes: &[u8], reader: &str) -> Msg {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let said = reader.to_lowercase();
    if reader == "XLS/XLSB" {
        Msg::text("XLS/XLSB")
    } else if bytes.starts_with(&OLE)
        || said.contains("password")
        || said.contains("encrypt")
        || encrypted_ods(bytes)
    {
        Msg::new("sheetimport-f14-encrypted")
    } else {
        Msg::new("sheetimport-f14-corrupt")
    }
}

/// Whether `bytes` are an ODF archive whose manifest says its entries are
/// encrypted (an ODS saved with a password).
fn encrypted_ods(bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let Ok(mut manifest) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut text = String::new();
    manifest.read_to_string(&mut text).is_ok() && text.contains("manifest:encryption-data")
}

/// Reads `sheets` in whichever layout they follow: dpo's own export when
/// its sheets are there, else the authority's layout (through `mapping`).
pub fn import(
    file: &str,
    sheets: &[ReadSheet],
    mapping: &Mapping,
    lang: Lang,
) -> Result<Imported, ImportError> {
    // A header cell merged down over data rows: its value is not copied
    // into them (it is a header); the cells it covers are said.
    let (fixed, mut covered) = unmerge_headers(sheets, mapping);
    let sheets = fixed.as_deref().unwrap_or(sheets);
    // In the processor's key/value sheet each row is another field: a
    // value cell merged down is read at its first row only, said.
    let kv: Option<Vec<ReadSheet>> = sheets
        .iter()
        .any(|s| own::is_key_value(s) && !s.down.is_empty())
        .then(|| {
            (sheets.iter())
                .map(
                    |s| match own::is_key_value(s).then(|| s.undown()).flatten() {
                        Some((sheet, regions)) => {
                            for (first, col, last) in regions {
                                let value = crate::sheet::read::as_text(sheet.cell(first, col))
                                    .unwrap_or_default();
                                let why = Msg::new("sheetimport-f14y-merged-down-field")
                                    .arg("value", value)
                                    .arg("first", first)
                                    .arg("last", last);
                                covered.push(Problem::at(s, first, col, why));
                            }
                            sheet
                        }
                        None => s.clone(),
                    },
                )
                .collect()
        });
    let sheets = kv.as_deref().unwrap_or(sheets);
    let mut imported = match own::import(sheets, lang) {
        Some(imported) => imported,
        None => authority::import(sheets, mapping, lang).ok_or_else(|| ImportError::NoLayout {
            file: file.to_string(),
        })?,
    };
    // A text the XLSX export cut: imported as it is, and said.
    for s in sheets {
        for (r, cells) in s.rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                if let crate::sheet::Cell::Text(t) = cell {
                    if crate::sheet::xlsx::was_cut(t) {
                        let start: String = t.chars().take(40).collect();
                        imported.problems.push(Problem::at(
                            s,
                            r + 1,
                            c + 1,
                            Msg::new("sheetimport-f14b-cut").arg("value", format!("{start}…")),
                        ));
                    }
                }
            }
        }
    }
    // Characters that show nothing, left out of a cell: said, with what
    // is kept, so the difference shows.
    for s in sheets {
        for (row, col, gone) in &s.invisible {
            let (codes, _) = crate::model::invisible_of(gone);
            let kept = crate::sheet::read::as_text(s.cell(*row, *col)).unwrap_or_default();
            imported.problems.push(Problem::at(
                s,
                *row,
                *col,
                Msg::new("sheetimport-f14s-invisible")
                    .arg("value", kept)
                    .arg("codes", codes)
                    .arg("n", gone.chars().count()),
            ));
        }
    }
    // A merged region across columns: its value in its first column only
    // (never copied into another field), said at its cell.
    for s in sheets {
        for &(row, col, last) in &s.merged_across {
            // A title above the header row is said once, as such.
            let above = imported.problems.iter().any(|p| {
                p.sheet == s.name
                    && p.row == row
                    && p.column == Some(col)
                    && p.why.id == "sheetimport-f14b-above-header"
            });
            if above {
                continue;
            }
            let value = crate::sheet::read::as_text(s.cell(row, col)).unwrap_or_default();
            imported.problems.push(Problem::at(
                s,
                row,
                col,
                Msg::new("sheetimport-f14v-merged-across")
                    .arg("value", value)
                    .arg("first", crate::sheet::read::column_letters(col))
                    .arg("last", crate::sheet::read::column_letters(last)),
            ));
        }
    }
    // A value hidden under a merged cell: not read, said.
    for s in sheets {
        for (row, col, cell) in &s.hidden {
            let value = crate::sheet::read::as_text(cell).unwrap_or_default();
            imported.problems.push(Problem::at(
                s,
                *row,
                *col,
                Msg::new("sheetimport-f14v-hidden").arg("value", value),
            ));
        }
    }
    // An ODS text cell with no value type, read as text: said.
    for s in sheets {
        for &(row, col) in &s.untyped {
            let value = crate::sheet::read::as_text(s.cell(row, col)).unwrap_or_default();
            imported.problems.push(Problem::at(
                s,
                row,
                col,
                Msg::new("sheetimport-f14y-untyped").arg("value", one_line(&value)),
            ));
        }
    }
    // A boolean cell read as the text `true` / `false`: said, unless the
    // field refused that text (said so already: nothing imported).
    for s in sheets {
        for &(row, col) in &s.booleans {
            let refused = refused_at(&imported.problems, s, row, col).next().is_some();
            if refused {
                continue;
            }
            let value = crate::sheet::read::as_text(s.cell(row, col)).unwrap_or_default();
            imported.problems.push(Problem::at(
                s,
                row,
                col,
                Msg::new("sheetimport-f14v-boolean").arg("value", value),
            ));
        }
    }
    imported.problems.extend(covered);
    // Struck-through text is read as any other: said at its cell (a DPO
    // strikes out what no longer holds), unless the cell was refused.
    for s in sheets {
        let header = own::header(s).or_else(|| authority::header(s, mapping).map(|h| h.0));
        for (row, col, part) in &s.struck {
            let Some(text) = crate::sheet::read::as_text(s.cell(*row, *col)) else {
                continue;
            };
            // A struck header: said as such, unless its whole column is
            // (each of its values is said).
            if Some(*row) == header {
                let below = (row + 1..=s.rows.len())
                    .filter(|&r| crate::sheet::read::as_text(s.cell(r, *col)).is_some());
                let column_struck = below.clone().next().is_some()
                    && below.clone().all(|r| {
                        (s.struck.iter()).any(|(sr, sc, p)| (*sr, *sc) == (r, *col) && p.is_empty())
                    });
                if !column_struck {
                    let why =
                        Msg::new("sheetimport-f14z-struck-header").arg("value", one_line(&text));
                    imported.problems.push(Problem::at(s, *row, *col, why));
                }
                continue;
            }
            let value = if part.is_empty() { &text } else { part };
            // Unless what was refused at its cell is that very text (the
            // cell, or the struck line alone): a refused line beside it
            // leaves it imported, said.
            // (the cell's value, or the line the refusal names).
            let refused = refused_at(&imported.problems, s, *row, *col).any(|p| {
                p.why.args.iter().any(|(_, v)| {
                    matches!(v, crate::render::catalog::MsgArg::Text(t)
                                if one_line(t) == one_line(value))
                })
            });
            if refused || text.trim().is_empty() {
                continue;
            }
            let why = Msg::new("sheetimport-f14z-struck").arg("value", one_line(value));
            imported.problems.push(Problem::at(s, *row, *col, why));
        }
        // A conditional format that may strike text: not evaluated, said
        // once at the first of its cells below the header that hold a
        // value.
        for (range, cells) in &s.struck_rules {
            let filled: Vec<&(usize, usize)> = (cells.iter())
                .filter(|(r, _)| header.is_none_or(|h| *r > h))
                .collect();
            let Some(&&(row, col)) = filled.first() else {
                continue;
            };
            let why = Msg::new("sheetimport-f14z-struck-rule")
                .arg("range", range.as_str())
                .arg("count", filled.len());
            imported.problems.push(Problem::at(s, row, col, why));
        }
    }
    // A link's target is no field's value: the cell's text is read, the
    // target said, unless it is that text (a typed address or page the
    // spreadsheet made a link of).
    for s in sheets {
        for (row, col, target) in &s.links {
            let Some(text) = crate::sheet::read::as_text(s.cell(*row, *col)) else {
                continue;
            };
            let bare = target.strip_prefix("mailto:").unwrap_or(target);
            if bare.trim() == text.trim() || target.trim() == text.trim() {
                continue;
            }
            let why = Msg::new("sheetimport-f14z-link")
                .arg("value", one_line(&text))
                .arg("target", target.as_str());
            imported.problems.push(Problem::at(s, *row, *col, why));
        }
    }
    // A hidden row or column is read as the others: said once each.
    for s in sheets {
        for &row in &s.hidden_rows {
            imported.problems.push(Problem {
                sheet: s.name.clone(),
                row,
                column: None,
                why: Msg::new("sheetimport-f14w-hidden-row"),
            });
        }
        for &col in &s.hidden_cols {
            // Said at its first value.
            let row = (1..=s.rows.len())
                .find(|&r| *s.cell(r, col) != crate::sheet::Cell::Empty)
                .unwrap_or(1);
            imported.problems.push(Problem::at(
                s,
                row,
                col,
                Msg::new("sheetimport-f14w-hidden-column")
                    .arg("column", crate::sheet::read::column_letters(col)),
            ));
        }
    }
    // A note on a cell (a comment, an annotation) is no field's value:
    // said at its cell, its lines joined, never dropped unsaid.
    for s in sheets {
        for (row, col, text) in &s.notes {
            imported.problems.push(Problem::at(
                s,
                *row,
                *col,
                Msg::new("sheetimport-f14x-note").arg("value", one_line(text)),
            ));
        }
    }
    // An error value (`#N/A`…) reads as empty: said, never imported.
    for s in sheets {
        for (row, col, value) in &s.errors {
            imported.problems.push(Problem::at(
                s,
                *row,
                *col,
                Msg::new("sheetimport-f14w-error").arg("value", value.as_str()),
            ));
        }
    }
    // A formula with no value kept reads as empty: said, never dropped.
    for s in sheets {
        for (row, col, formula) in &s.formulas {
            imported.problems.push(Problem::at(
                s,
                *row,
                *col,
                Msg::new("sheetimport-f14-formula").arg("value", format!("={formula}")),
            ));
        }
    }
    Ok(imported)
}

/// `sheets` with no header cell merged down over data rows giving them
/// its value ([`ReadSheet::below_header`], each sheet's header row found
/// by either layout), `None` when no sheet has one; and what is said of
/// the cells so emptied (a row that was only the header's, once).
fn unmerge_headers(
    sheets: &[ReadSheet],
    mapping: &Mapping,
) -> (Option<Vec<ReadSheet>>, Vec<Problem>) {
    let mut covered = Vec::new();
    let unmerged: Vec<_> = sheets
        .iter()
        .map(|s| {
            let header = own::header(s).or_else(|| authority::header(s, mapping).map(|h| h.0))?;
            s.below_header(header).map(|fixed| (header, fixed))
        })
        .collect();
    if unmerged.iter().all(Option::is_none) {
        return (None, covered);
    }
    let fixed = sheets
        .iter()
        .zip(unmerged)
        .map(|(s, u)| {
            let Some((header, (sheet, emptied))) = u else {
                return s.clone();
            };
            let mut rows: Vec<usize> = emptied.iter().map(|e| e.0).collect();
            rows.sort_unstable();
            rows.dedup();
            for row in rows {
                let at = |column: Option<usize>, why: Msg| Problem {
                    sheet: s.name.clone(),
                    row,
                    column,
                    why,
                };
                if sheet.rows.get(row - 1).is_none_or(Vec::is_empty) {
                    let why = Msg::new("sheetimport-f14w-header-row").arg("header", header);
                    covered.push(at(None, why));
                    continue;
                }
                for (_, col, cell) in emptied.iter().filter(|e| e.0 == row) {
                    let value = crate::sheet::read::as_text(cell).unwrap_or_default();
                    let why = Msg::new("sheetimport-f14w-header-down")
                        .arg("value", value)
                        .arg("header", header);
                    covered.push(at(Some(*col), why));
                }
            }
            sheet
        })
        .collect();
    (Some(fixed), covered)
}

/// What the import says of `value`, a cell refused as a date ([`NotADate`]):
/// a year in two digits or before 1900 is said as such, in both layouts.
pub(crate) fn not_a_date(why: &NotADate, value: &str) -> Msg {
    match why {
        NotADate::Unreadable => Msg::new("sheetimport-bad-date"),
        NotADate::ShortYear(year) => {
            Msg::new("sheetimport-f14h-short-year").arg("year", year.as_str())
        }
        NotADate::TooEarly => Msg::new("sheetimport-f14h-too-early"),
    }
    .arg("value", value)
}

/// [`not_a_date`] for the date `date` of the renewal line `line` (the
/// line is left out whole).
pub(crate) fn renewal_not_a_date(why: &NotADate, line: &str, date: &str) -> Msg {
    match why {
        NotADate::Unreadable => Msg::new("sheetimport-f14f-renewal-not-date"),
        NotADate::ShortYear(year) => {
            Msg::new("sheetimport-f14h-renewal-short-year").arg("year", year.as_str())
        }
        NotADate::TooEarly => Msg::new("sheetimport-f14h-renewal-too-early"),
    }
    .arg("value", line)
    .arg("date", date)
}

/// Reports every value of the sheets that are not `used`: a sheet of
/// neither layout is never dropped silently. `read`: the one sheet read,
/// in the authority's layout (`None` for dpo's own workbook).
pub(crate) fn stray_sheets(
    sheets: &[ReadSheet],
    used: impl Fn(&ReadSheet) -> bool,
    read: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    for s in sheets.iter().filter(|s| !used(s)) {
        for (i, cells) in s.rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                if let Some(v) = crate::sheet::read::as_text(cell) {
                    problems.push(Problem::at(
                        s,
                        i + 1,
                        c + 1,
                        match read {
                            None => Msg::new("sheetimport-no-sheet"),
                            Some(read) => {
                                Msg::new("sheetimport-f14b-other-sheet").arg("sheet", read)
                            }
                        }
                        .arg("value", v),
                    ));
                }
            }
        }
    }
}

/// Reports the values typed above a sheet's header row (`header`, from
/// 1): a title, a note. A value merged over several cells is said once.
pub(crate) fn above_header(problems: &mut Vec<Problem>, s: &ReadSheet, header: usize) {
    for (i, cells) in s.rows.iter().enumerate().take(header.saturating_sub(1)) {
        let mut last: Option<String> = None;
        for (c, cell) in cells.iter().enumerate() {
            let v = crate::sheet::read::as_text(cell);
            if v.is_some() && v != last {
                problems.push(Problem::at(
                    s,
                    i + 1,
                    c + 1,
                    Msg::new("sheetimport-f14b-above-header")
                        .arg("value", v.clone().unwrap_or_default())
                        .arg("header", header),
                ));
            }
            last = v;
        }
    }
}

/// The characters of `s` outside round or square brackets, each with its
/// byte index: an opening bracket and what follows it are inside until
/// its closing bracket, which is outside again (as the text reads it).
pub(crate) fn top_level(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    s.char_indices().filter(move |&(_, c)| {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0
    })
}

/// A mapping key's or value's text (a number or a boolean as written).
pub(crate) fn own_text(v: &serde_yaml::Value) -> String {
    settle::text_of(v)
}

/// The normalised form a header is compared in: Unicode NFC (a decomposed
/// « é » is « é »), trimmed, lower case, one space between words.
pub(crate) fn normal(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s.nfc().collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `s` compared without case, accents or extra spaces (« NÉANT » is
/// « neant »): the workspace's one folding, [`crate::model::folded`].
pub(crate) use crate::model::folded;

/// A cell's text read for the words for a value to give
/// ([`crate::workspace::is_placeholder`]): `None` when it is only them
/// (or empty); else the text with each line that is only them left out
/// (said, `signalé :`, the other lines kept), and a text that holds them
/// among other words kept as typed and said (`signalé, importé :`, and
/// `dpo check` warns on it). The same rule in both layouts: a known fact
/// is never lost for a line saying another one is missing.
pub(crate) fn without_todo(text: &str) -> (Option<String>, Vec<Msg>) {
    use crate::workspace::{holds_placeholder, is_placeholder};
    if text.trim().is_empty() || is_placeholder(text) {
        return (None, Vec::new());
    }
    let mut said = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let kept: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.trim().is_empty() || !is_placeholder(l))
        .collect();
    if kept.len() < lines.len() {
        said.push(Msg::new("sheetimport-f14m-todo-line").arg("value", one_line(text)));
    }
    let kept = kept.join("\n");
    if kept.trim().is_empty() {
        return (None, Vec::new());
    }
    // Whole: the words on one of its lines are in it too, and so are
    // words typed across two lines.
    if holds_placeholder(&kept) {
        said.push(Msg::new("sheetimport-f14m-todo-kept").arg("value", one_line(&kept)));
    }
    (Some(kept), said)
}

/// Whether `text` holds only words and the punctuation of a phrase
/// (brackets, `:`, `,`, `;`, `.`, dashes, `/`, apostrophes): a « none »
/// phrase followed by another sign (« ? », « * », an emoji, « ≠ ») may
/// carry a doubt, a note or a country, and is no « none ».
pub(crate) fn plain(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "():,;.-–—/'’".contains(c))
}

/// The problems that refused the value of `sheet`'s cell (`row`, `col`):
/// neither imported nor only noted.
fn refused_at<'a>(
    problems: &'a [Problem],
    sheet: &'a ReadSheet,
    row: usize,
    col: usize,
) -> impl Iterator<Item = &'a Problem> {
    problems.iter().filter(move |p| {
        p.sheet == sheet.name
            && p.row == row
            && p.column == Some(col)
            && !p.imported()
            && !p.noted()
    })
}

/// What the lines of a category's list cell say of « none » (« aucun »,
/// « Néant », « N/A », « Non concerné »…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ListNone {
    /// No line says none: the lines are the list.
    No,
    /// Every line says none: an empty list.
    All,
    /// A line says none, another that the value is still to give (« ? »,
    /// « à compléter »): the list stays unknown, said.
    BesideTodo,
    /// Lines say none beside lines that name items: those lines (given)
    /// are no item, said.
    Among(Vec<String>),
    /// One line that begins as a none but says more (« Aucune donnée
    /// personnelle »): not read, the list stays unknown, said.
    Unclear,
}

/// Why the number `cell` at `row`, `col` of `sheet` is read otherwise than
/// the sheet shows it (« 01234 » through the format « 00000 », « 50 % »,
/// « Bâtiment 12 »), where a text is expected; `None` when it is shown as
/// read.
pub(crate) fn number_shown(
    sheet: &ReadSheet,
    row: usize,
    col: usize,
    cell: &crate::sheet::Cell,
) -> Option<Msg> {
    use crate::sheet::read::Shown;
    let crate::sheet::Cell::Number(_) = cell else {
        return None;
    };
    let (_, _, shown) = (sheet.formatted.iter()).find(|(r, c, _)| (*r, *c) == (row, col))?;
    let shown = match shown {
        Shown::Format(code) => Msg::new("sheetimport-shown-format").arg("code", code.as_str()),
        Shown::Text(text) => Msg::new("sheetimport-shown-text").arg("text", text.as_str()),
    };
    let value = crate::sheet::read::as_text(cell).unwrap_or_default();
    Some(
        Msg::new("sheetimport-f14z-number-shown")
            .arg("value", value)
            .arg("shown", shown),
    )
}

/// A word as the none tests compare it: folded, its « (e) », « (s) »,
/// « (es) » taken off, and the signs around it (« (aucune) », « Aucun(e) »,
/// « Néant, »); its inner points, slashes and middle dots too (« N.C. »,
/// « N/C », « R.A.S. », « Aucun·e »).
fn none_bare(w: &str) -> String {
    let w = folded(w)
        .replace("(e)", "")
        .replace("(es)", "")
        .replace("(s)", "");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '∅');
    w.replace(['.', '/', '·', '•', '‧'], "")
}

/// Whether a list's line says there is none (« aucun », « Néant », « N/A »,
/// « Non concerné », « (aucune) », « Aucun(e) », « - aucune »), in both
/// layouts, one line or among others.
pub(crate) fn none_line(l: &str) -> bool {
    authority::is_none_word(l) || own::lone_none(l) || {
        let b = none_bare(l);
        !b.contains(char::is_whitespace) && authority::is_none_word(&b)
    }
}

/// [`ListNone`] of the `lines` of a list cell (trimmed, not empty, their
/// « (à confirmer) » mark taken off); `is_todo` tells a line that is still
/// to give.
pub(crate) fn list_none(lines: &[String], is_todo: impl Fn(&str) -> bool) -> ListNone {
    let (bare, word) = (none_bare, none_line);
    // A line that begins as a none but says more (« Aucune donnée
    // personnelle », « Pas de données sensibles », « Pas encore de
    // mesure », « Sans mesure particulière », « Non défini », « Non
    // renseigné »), or a mark that may say none or not known (« RAS »,
    // « NC », « N/C », « ND », « NR », « Ø »): its first word, whole (« Sans-contact »,
    // « Non-répudiation », « Nomadisme » are items).
    let phrase = |l: &str| {
        let first = l.split_whitespace().next().map(bare).unwrap_or_default();
        !word(l)
            && ([
                "aucun", "aucune", "aucuns", "aucunes", "neant", "none", "nothing", "rien", "no",
                "nil", "not", "sans", "pas", "non", "ras", "nc", "nd", "nr", "ø", "∅",
            ]
            .contains(&first.as_str()))
    };
    if let [only] = lines {
        return if word(only) {
            ListNone::All
        } else if phrase(only) {
            ListNone::Unclear
        } else {
            ListNone::No
        };
    }
    let nones: Vec<String> = (lines.iter())
        .filter(|l| word(l) || phrase(l))
        .cloned()
        .collect();
    if nones.is_empty() {
        ListNone::No
    } else if lines.iter().any(|l| is_todo(l)) {
        ListNone::BesideTodo
    } else if lines.iter().all(|l| word(l)) {
        ListNone::All
    } else if nones.len() == lines.len() {
        ListNone::Unclear
    } else {
        ListNone::Among(nones)
    }
}

/// `text` quoted on one line of the report: its lines that say
/// something, trimmed, joined by « / ».
pub(crate) fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// An identifier made from a name (« Hébergement de la messagerie » →
/// `hebergement-de-la-messagerie`), distinct from `taken`.
pub(crate) fn slug(name: &str, taken: &[Id]) -> Id {
    let mut s = String::new();
    for c in name.to_lowercase().chars() {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' => "i",
            'ô' | 'ö' | 'ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                s.push(c);
                continue;
            }
            _ => "-",
        };
        s.push_str(plain);
    }
    let words: Vec<&str> = s.split('-').filter(|w| !w.is_empty()).collect();
    let mut base = words.join("-");
    base.truncate(56);
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "x" } else { base };
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        if let Ok(id) = Id::new(&candidate) {
            if !taken.contains(&id) {
                return id;
            }
        }
        n += 1;
    }
}

/// The lists of a controller file where `[]` says "none" and absence
/// "not known yet": kept when empty.
const CONTROLLER_LISTS: &[&str] = &[
    "transfers",
    "systems",
    "data_categories",
    "subprocessors",
    "security_measures",
];

/// The YAML text of a record: no `null`, no empty list or mapping (their
/// defaults), except the lists in `keep` (`transfers: []` says "none").
fn yaml_text(value: &impl Serialize, keep: &[&str]) -> Result<String, ImportError> {
    let mut v = serde_yaml::to_value(value).map_err(|e| ImportError::Yaml(e.to_string()))?;
    prune(&mut v, keep);
    serde_yaml::to_string(&v).map_err(|e| ImportError::Yaml(e.to_string()))
}

fn prune(v: &mut serde_yaml::Value, keep: &[&str]) {
    use serde_yaml::Value;
    match v {
        Value::Mapping(m) => {
            let keys: Vec<Value> = m.keys().cloned().collect();
            for k in keys {
                let kept = k.as_str().is_some_and(|k| keep.contains(&k));
                if let Some(child) = m.get_mut(&k) {
                    prune(child, keep);
                    let empty = match child {
                        Value::Null => true,
                        Value::Sequence(s) => s.is_empty() && !kept,
                        Value::Mapping(m) => m.is_empty(),
                        _ => false,
                    };
                    if empty {
                        m.shift_remove(&k);
                    }
                }
            }
        }
        Value::Sequence(s) => s.iter_mut().for_each(|c| prune(c, keep)),
        _ => {}
    }
}

/// The files of the new workspace: the records the sheets carried, and
/// the skeleton `dpo init` writes for what they do not (`people.yaml`,
/// with no person: the sheets name none, and none is made up).
pub fn files(imported: &Imported, lang: Lang) -> Result<Vec<(String, String)>, ImportError> {
    let mut out = Vec::new();
    let processor = match &imported.processor {
        Some(p) => p.clone(),
        None => Processor {
            language: Some(lang),
            ..serde_yaml::from_value::<Processor>(serde_yaml::Value::Mapping(
                [("name".into(), Catalog::of(lang).get("todo").into())]
                    .into_iter()
                    .collect(),
            ))
            .map_err(|e| ImportError::Yaml(e.to_string()))?
        },
    };
    out.push(("processor.yaml".to_string(), yaml_text(&processor, &[])?));
    for (id, c) in &imported.controllers {
        out.push((
            crate::workspace::controller_file(id),
            yaml_text(c, CONTROLLER_LISTS)?,
        ));
    }
    out.push((
        "subprocessors.yaml".to_string(),
        yaml_text(
            &crate::model::SubProcessors {
                subprocessors: imported.subprocessors.clone(),
            },
            &["subprocessors"],
        )?,
    ));
    out.push((
        "security-measures.yaml".to_string(),
        yaml_text(
            &crate::model::SecurityMeasures {
                measures: imported.measures.clone(),
            },
            &["measures"],
        )?,
    ));
    // The skeleton's people.yaml names an example person and a training
    // interval: the sheets give neither, so only its comments are kept and
    // its list is empty (never an invented fact).
    out.extend(crate::workspace::skeleton(lang).into_iter().map(
        |(name, text)| match name.as_str() {
            "people.yaml" => {
                let head = text.split("\npeople:").next().unwrap_or_default();
                let comments: Vec<&str> = head
                    .lines()
                    .filter(|l| l.trim_start().starts_with('#'))
                    .collect();
                (name, format!("{}\npeople: []\n", comments.join("\n")))
            }
            _ => (name, text),
        },
    ));
    Ok(out)
}

/// Writes the new workspace `dir` from `files`: refused when `dir` exists
/// and is not empty; made in a temporary folder beside it, journaled there
/// (`workspace.import`, its text `note`: the file read and its SHA-256),
/// then renamed into place.
pub fn write(
    dir: &Path,
    act: &Act,
    files: &[(String, String)],
    note: &str,
    lock_wait: Duration,
) -> Result<(), ImportError> {
    let not_empty = || ImportError::NotEmpty {
        path: dir.display().to_string(),
    };
    if !crate::workspace::is_empty_dir(dir)? {
        return Err(not_empty());
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let io = |source| WorkspaceError::Write {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(&parent).map_err(io)?;
    let tmp = tempfile::Builder::new()
        .prefix(".dpo-import-")
        .tempdir_in(&parent)
        .map_err(io)?;
    crate::workspace::create(
        tmp.path(),
        act,
        files,
        (IMPORT_ACTION, Some(note)),
        lock_wait,
    )?;
    // Made whole beside its place: one rename puts it there (over an empty
    // folder, which rename replaces).
    if !crate::workspace::is_empty_dir(dir)? {
        return Err(not_empty());
    }
    let made = tmp.keep();
    if let Err(source) = std::fs::rename(&made, dir) {
        let _ = std::fs::remove_dir_all(&made);
        return Err(io(source).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_refused_for_its_year_says_so_and_other_refusals_stay() {
        use crate::sheet::read::{date_of, date_text_of};
        use crate::sheet::Cell;
        let bad = |v: &str| not_a_date(&date_text_of(v).unwrap_err(), v);
        let short = bad("01/02/21");
        assert_eq!(short.id, "sheetimport-f14h-short-year");
        assert!(short.args.iter().any(|(n, _)| *n == "value"));
        assert_eq!(bad("01/02/0021").id, "sheetimport-f14h-too-early");
        let early = chrono::NaiveDate::from_ymd_opt(21, 2, 1).unwrap();
        let cell = Cell::DateTime(early.and_hms_opt(10, 0, 0).unwrap());
        let why = date_of(&cell).unwrap_err();
        assert_eq!(not_a_date(&why, "x").id, "sheetimport-f14h-too-early");
        assert_eq!(bad("douze").id, "sheetimport-bad-date");
        let renewal = renewal_not_a_date(
            &date_text_of("01/02/21").unwrap_err(),
            "01/02/21, 6",
            "01/02/21",
        );
        assert_eq!(renewal.id, "sheetimport-f14h-renewal-short-year");
    }

    #[test]
    fn a_name_makes_a_distinct_identifier() {
        assert_eq!(
            slug("Hébergement de la messagerie", &[]).as_str(),
            "hebergement-de-la-messagerie"
        );
        let first = slug("Commune d'Athis-Mons", &[]);
        assert_eq!(first.as_str(), "commune-d-athis-mons");
        assert_eq!(
            slug("Commune d'Athis-Mons", &[first]).as_str(),
            "commune-d-athis-mons-2"
        );
        assert_eq!(slug("«»", &[]).as_str(), "x");
    }

    #[test]
    fn a_record_s_yaml_leaves_out_defaults_but_keeps_an_empty_transfers_list() {
        let v: serde_yaml::Value =
            serde_yaml::from_str("a: null\nb: []\ntransfers: []\nc: {d: null}\ne: 1\n").unwrap();
        let text = yaml_text(&v, &["transfers"]).unwrap();
        assert_eq!(text, "transfers: []\ne: 1\n");
    }

    #[test]
    fn headers_compare_without_case_or_extra_spaces() {
        assert_eq!(
            normal("  Catégories   de Traitements "),
            "catégories de traitements"
        );
        assert_eq!(
            normal("Cate\u{301}gories de traitements"),
            "catégories de traitements"
        );
    }
}
