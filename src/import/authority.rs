//! A register in the authority's processor-register layout: one row per
//! category of processing, with the columns GDPR Art. 30(2) lists — the
//! name and contact details of each controller (its representative, its
//! DPO), the categories of processing, the transfers to a third country and
//! their safeguards, the general description of the security measures — as
//! the Belgian authority's processor-register model has them. The headers
//! recognised are the catalog's (`sheetimport-apd-*`, both languages); a
//! file whose headers differ says which column is which field in a mapping
//! file ([`Mapping`]: `columns: {header: field}`).
//!
//! The header row is the first of the first ten rows where at least two
//! headers are recognised and one is the controller's name. An empty row is
//! skipped; a merged cell's value holds for each row it covers (see
//! [`crate::sheet::read`]); a date typed as text is read as a date. A value
//! in a column that is no field, on a row with no controller, or that a
//! field cannot take is a [`Problem`]; so is every value of another sheet,
//! a category given twice for one controller (by name, case and spaces
//! aside: the row is not imported, its transfers included), and « aucun »
//! transfer on one row of a controller with transfers listed on another
//! (then none is kept, each of those cells and their safeguards said: the
//! transfers stay « à compléter »). A controller's name is taken with its
//! spaces trimmed, so `"Commune A "` is `Commune A`. A security measure
//! named twice in one cell is the category's once, the repeat said.
//!
//! A transfers cell that says none in any usual way (« aucun », « néant »,
//! « N/A », « sans objet », « non applicable », « pas de transfert… », `/`,
//! `0`, any case or accents; the whole cell or each of its lines) and holds
//! no `country: recipient` line is no transfer; « aucun (à confirmer) » too,
//! the mark said (a controller file marks no field to confirm). A line that
//! is not `country: recipient` (split at a `:` outside brackets: « Pas de
//! transfert (hébergement : France) » is none), whose country side is a
//! negation (« Non : … », « Néant, sauf Maroc : … », « Non-UE : … ») or
//! whose recipient says none (« États-Unis : aucun »), is said and not
//! imported (never taken as a country); so is a line saying none beside
//! others, and a line whose country side is a label or a note
//! (« Contact : … », « Tél : … », « Garanties : … », « Hébergement : … »,
//! « NB : … », « Pays : … », « Destinataire : … ») or holds a digit
//! (« Voir annexe 2 : … »): [`label_side`]. A form's « Pays : A » line
//! over a « Destinataire : B » line (either language) is ONE transfer,
//! A → B, said. A transfer's safeguards are the safeguards cell's line
//! at its place when the cell has a line per transfer (a line « à
//! compléter » there: that transfer has none), else the lines that are
//! not « à compléter », one per transfer, else the cell for every
//! transfer (said when it has several lines). A « (à confirmer) » mark on a line's country or recipient is
//! that field's `to_confirm` flag, the mark left out of the text (said
//! when text follows it, as dpo's own layout says it). In every other
//! column the mark is left out of each line before it is read (never in an
//! id, a name or a file name; a date, a number or a phone marked is read):
//! a category's name, description, data categories and measures, and a
//! transfer's safeguards, are then that field's `to_confirm` flag; a
//! controller's fact (its name, address, representative, DPO, convention)
//! is imported without it and the mark said.
//! A line whose recipient holds another `country: recipient` after `;`,
//! `,`, `/`, ` - `, `. `, « et », ` – `, ` — `, ` | `, ` + ` or ` & `, or
//! whose country side holds two countries (`,`, `;`, `/`, ` - `, ` – `,
//! `. `, « et », ` & `: [`country_list`]), is imported as ONE transfer, as
//! typed, and said: a recipient may hold the sign, a country's name a
//! comma. A transfer line holding « à compléter » among other words is
//! said as imported as typed only when it is imported.
//!
//! A representative's or DPO's cell gives one name (its first line that
//! is neither an e-mail nor a phone, and holds no number of six digits),
//! one e-mail address (a line with `@`, a label such as « Courriel : »
//! left out; a line of addresses only is split at `;`, `,` or spaces) and
//! one phone (a line of a number's signs, a label such as « Tél : » left
//! out; numbers separated by `/`, `;`, `,` or « ou » are each a phone):
//! every other address or phone is said, not imported; so is every further
//! line (a second person, a title, an address: never joined to the name,
//! never guessed as a role), a line with a number that is no phone, a
//! fax (not the phone), an e-mail address written without `@`
//! (« jean[at]x.fr »), and a name that says none (« Néant », « Aucun DPO
//! désigné », « N/A »: not imported, the field stays « à compléter »). The controller's contact
//! cell is its address, every line kept. A list marker starting a line of
//! a list cell is left out: a bullet, `1.`, `2)` or `a)` then a space
//! (« 2 sauvegardes par jour » keeps its number). Measure titles that
//! differ only in case or spaces are one measure (said); an id made with a
//! suffix is said; a line holding `;`, or `,` then a capital, is imported
//! as ONE measure, as typed, and said (`signalé`): splitting it could cut a
//! title that holds the sign. « à compléter » in any case or accents, with
//! punctuation or brackets around it, is no value; among other words it is
//! no value either, its text said. The convention's renewals are not in this layout: left out of
//! the file, not stated as 0.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{folded, normal, slug, ImportError, Imported, ListNone, Problem};
use crate::model::{
    holds_todo, is_phone, is_phone_with_extension, is_todo, ActivityField, Contact, Controller,
    Convention, Id, Lang, ProcessingActivity, SecurityMeasure, Transfer, TransferField,
};
use crate::render::catalog::{Catalog, Msg};
use crate::sheet::read::{as_text, ReadSheet};
use crate::sheet::Cell;

/// A field of the authority's layout that a column may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The controller's name.
    Controller,
    /// The controller's contact details (its address).
    ControllerContact,
    /// The controller's representative (name, e-mail and phone on their
    /// own lines).
    Representative,
    /// The controller's data-protection officer (name, e-mail, phone).
    Dpo,
    /// The category of processing.
    Category,
    /// Its description.
    Description,
    /// Its categories of data, one per line.
    DataCategories,
    /// The transfers to a third country, one per line (`country: recipient`).
    Transfers,
    /// The safeguards of those transfers.
    Safeguards,
    /// The security measures, one per line.
    Measures,
    /// The convention's title.
    ConventionTitle,
    /// The day the convention starts.
    ConventionStart,
    /// The convention's term, in months.
    ConventionMonths,
}

/// Every field with its name in a mapping file and the catalog id of its
/// header.
const FIELDS: &[(Field, &str, &str)] = &[
    (
        Field::Controller,
        "controller",
        "sheetimport-apd-controller",
    ),
    (
        Field::ControllerContact,
        "controller_contact",
        "sheetimport-apd-controller-contact",
    ),
    (
        Field::Representative,
        "representative",
        "sheetimport-apd-representative",
    ),
    (Field::Dpo, "dpo", "sheetimport-apd-dpo"),
    (Field::Category, "category", "sheetimport-apd-category"),
    (
        Field::Description,
        "description",
        "sheetimport-apd-description",
    ),
    (
        Field::DataCategories,
        "data_categories",
        "sheetimport-apd-data-categories",
    ),
    (Field::Transfers, "transfers", "sheetimport-apd-transfers"),
    (
        Field::Safeguards,
        "safeguards",
        "sheetimport-apd-safeguards",
    ),
    (Field::Measures, "measures", "sheetimport-apd-measures"),
    (
        Field::ConventionTitle,
        "convention_title",
        "sheetimport-apd-convention-title",
    ),
    (
        Field::ConventionStart,
        "convention_start",
        "sheetimport-apd-convention-start",
    ),
    (
        Field::ConventionMonths,
        "convention_months",
        "sheetimport-apd-convention-months",
    ),
];

/// The field names a mapping file may use, comma separated.
pub fn field_names() -> String {
    FIELDS
        .iter()
        .map(|(_, n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The mapping file (`--mapping MAP.yaml`): which header of the file is
/// which field, for the headers that are not the catalog's.
///
/// ```yaml
/// columns:
///   Organisme: controller
///   Mesures techniques et organisationnelles: measures
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Header (as in the file, case and spaces aside) → field.
    #[serde(default)]
    pub columns: BTreeMap<String, Field>,
}

impl Mapping {
    /// The mapping file `file` of text `text`, or why not, at its line and
    /// column and in the catalog's words: YAML that does not parse, a key
    /// other than `columns`, a header mapped to no field.
    pub fn parse(file: &str, text: &str) -> Result<Mapping, ImportError> {
        let refuse = |(line, column): (usize, usize), why: Msg| ImportError::Mapping {
            file: file.to_string(),
            line,
            column,
            why,
        };
        let v: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
            let at = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            refuse(at, crate::workspace::yaml_said(&e))
        })?;
        let mut out = Mapping::default();
        let top = match v {
            serde_yaml::Value::Null => return Ok(out),
            serde_yaml::Value::Mapping(m) => m,
            _ => return Err(refuse((1, 1), Msg::new("sheetimport-f14b-mapping-shape"))),
        };
        for (k, v) in top {
            let key = crate::import::own_text(&k);
            if key != "columns" {
                return Err(refuse(
                    line_of(text, &key),
                    Msg::new("sheetimport-f14b-mapping-key").arg("value", key),
                ));
            }
            let columns = match v {
                serde_yaml::Value::Null => continue,
                serde_yaml::Value::Mapping(m) => m,
                _ => {
                    return Err(refuse(
                        line_of(text, &key),
                        Msg::new("sheetimport-f14b-mapping-shape"),
                    ))
                }
            };
            for (h, f) in columns {
                let header = crate::import::own_text(&h);
                let name = crate::import::own_text(&f);
                let Some((field, _, _)) = FIELDS.iter().find(|(_, n, _)| *n == name.trim()) else {
                    return Err(refuse(
                        line_of(text, &header),
                        Msg::new("sheetimport-f14b-mapping-field")
                            .arg("value", name)
                            .arg("header", header),
                    ));
                };
                // Two headers the file cannot tell apart (« Organisme » and
                // « ORGANISME ») mapped to two fields: which one is meant?
                let twin = out
                    .columns
                    .iter()
                    .find(|(k, f)| normal(k) == normal(&header) && *f != field);
                if let Some((other, _)) = twin {
                    return Err(refuse(
                        line_of(text, &header),
                        Msg::new("sheetimport-f14v-mapping-twin")
                            .arg("value", header.as_str())
                            .arg("other", other.as_str()),
                    ));
                }
                out.columns.insert(header, *field);
            }
        }
        Ok(out)
    }

    /// The field a header names: the mapping's, else the catalog's header
    /// in either language.
    fn field(&self, header: &str) -> Option<Field> {
        let h = normal(header);
        if let Some((_, f)) = self.columns.iter().find(|(k, _)| normal(k) == h) {
            return Some(*f);
        }
        FIELDS.iter().find_map(|(f, _, key)| {
            [Lang::Fr, Lang::En]
                .into_iter()
                .any(|l| normal(Catalog::of(l).get(key)) == h)
                .then_some(*f)
        })
    }
}

/// The line and column (from 1) of the first line of `text` whose key is
/// `key` (quoted or not); the first line when none is.
fn line_of(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let body = line.trim_start();
            let indent = line.len() - body.len();
            let body = body.trim_start_matches(['"', '\'']);
            (body.starts_with(key)
                && body[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':'))
            .then_some((i + 1, indent + 1))
        })
        .unwrap_or((1, 1))
}

/// What one controller gathers over its rows.
struct Draft {
    row: usize,
    name: String,
    address: Option<String>,
    representative: Contact,
    dpo: Contact,
    title: Option<String>,
    start: Option<NaiveDate>,
    months: Option<u32>,
    activities: Vec<ProcessingActivity>,
    /// The row of each category, in the order of `activities`.
    category_rows: Vec<usize>,
    transfers: Option<Vec<Transfer>>,
    /// The rows that say « aucun » transfer (with the text, and whether
    /// it bears a « (à confirmer) » mark), and those that list some (with
    /// their safeguards; both cells as typed, lines « à compléter »
    /// included): both is a contradiction, and no transfer is kept.
    nones: Vec<(usize, String, Option<String>)>,
    listed: Vec<(usize, String, Option<String>)>,
    /// The row each controller fact was taken from.
    set_at: Vec<(Field, usize)>,
}

/// Whether the controller fact `f` of `d` is given.
fn has_fact(d: &Draft, f: Field) -> bool {
    match f {
        Field::ControllerContact => d.address.is_some(),
        Field::Representative => !d.representative.is_empty(),
        Field::Dpo => !d.dpo.is_empty(),
        Field::ConventionTitle => d.title.is_some(),
        Field::ConventionStart => d.start.is_some(),
        Field::ConventionMonths => d.months.is_some(),
        _ => false,
    }
}

/// The header row of `s` in the authority's layout (from 1) and the field
/// of each of its columns: the first of its first ten rows with the
/// controller's column and another the mapping knows.
pub(crate) fn header(s: &ReadSheet, mapping: &Mapping) -> Option<(usize, Vec<Option<Field>>)> {
    (1..=10.min(s.rows.len())).find_map(|r| {
        let fields: Vec<Option<Field>> = s.rows[r - 1]
            .iter()
            .map(|c| as_text(c).and_then(|h| mapping.field(&h)))
            .collect();
        let known = fields.iter().flatten().count();
        (known >= 2 && fields.contains(&Some(Field::Controller))).then_some((r, fields))
    })
}

/// Reads the first sheet in the authority's layout, `None` when no sheet
/// has its columns.
pub fn import(sheets: &[ReadSheet], mapping: &Mapping, lang: Lang) -> Option<Imported> {
    let (sheet, header_row, mut fields) = sheets
        .iter()
        .find_map(|s| header(s, mapping).map(|(r, fields)| (s, r, fields)))?;
    let mut out = Imported {
        layout: "authority",
        ..Imported::default()
    };
    let mut drafts: Vec<Draft> = Vec::new();
    // The controller names typed otherwise than as imported, said once.
    let mut spaced_said: std::collections::HashSet<String> = std::collections::HashSet::new();
    let words = super::own::Words::new();
    // The row where each measure of `out.measures` is first named.
    let mut measure_rows: Vec<usize> = Vec::new();
    // A field two columns give (a header twice, a mapped column beside the
    // standard one): the first is read, each value of the other said.
    let mut twice: Vec<(usize, usize)> = Vec::new();
    for c in 1..fields.len() {
        let Some(f) = fields[c] else { continue };
        if let Some(first) = fields[..c].iter().position(|x| *x == Some(f)) {
            fields[c] = None;
            twice.push((c, first + 1));
        }
    }
    // The other sheets are not read: each value is reported; so is each
    // value above the header row (a title, a note).
    super::stray_sheets(
        sheets,
        |s| std::ptr::eq(s, sheet),
        Some(&sheet.name),
        &mut out.problems,
    );
    super::above_header(&mut out.problems, sheet, header_row);
    // A header the mapping names that the header row does not hold.
    let headers: Vec<String> = sheet.rows[header_row - 1]
        .iter()
        .filter_map(|c| as_text(c).map(|h| normal(&h)))
        .collect();
    for header in mapping.columns.keys() {
        if !headers.contains(&normal(header)) {
            out.problems.push(Problem {
                sheet: sheet.name.clone(),
                row: header_row,
                column: None,
                why: Msg::new("sheetimport-f14b-mapping-absent").arg("header", header.as_str()),
            });
        }
    }
    let problem = |row: usize, col: usize, why: Msg| Problem {
        sheet: sheet.name.clone(),
        row,
        column: Some(col),
        why,
    };
    let at = |f: Field| fields.iter().position(|x| *x == Some(f)).map(|c| c + 1);
    for (i, cells) in sheet.rows.iter().enumerate().skip(header_row) {
        let row = i + 1;
        if cells.iter().all(|c| as_text(c).is_none()) {
            continue;
        }
        // « (à confirmer) » in a column other than the transfers' is left
        // out of the text before it is read (never in an id, a name or a
        // file name): the field's `to_confirm` flag where the record has
        // one, else said (`sheetimport-f14-mark-dropped`).
        let unmarked: Vec<Option<Cell>> = fields
            .iter()
            .enumerate()
            .map(|(c, f)| match f {
                Some(Field::Transfers | Field::Safeguards) | None => None,
                Some(f) if CATEGORY_FIELDS.contains(f) => {
                    category_cell(&words, sheet.cell(row, c + 1))
                }
                Some(_) => unmarked_cell(&words, sheet.cell(row, c + 1)),
            })
            .collect();
        // A mark typed inside a line (text after it) of a category's field,
        // which it flags: read without it, said (a controller's fact drops
        // its mark, said with `mark_dropped`).
        // (A safeguards line that is only the mark flags the safeguards of
        // the transfer it goes with: said once the transfers are settled,
        // naming it, [`settle_transfers`].)
        for (c, f) in fields.iter().enumerate() {
            let Some(f) = f.filter(|f| CATEGORY_FIELDS.contains(f)) else {
                continue;
            };
            let Some(v) = as_text(sheet.cell(row, c + 1)) else {
                continue;
            };
            // A line that is only the mark (« à confirmer », « (?) »): no
            // value, the field's flag; a category that is only the mark
            // has no name.
            let only: Vec<&str> = v.lines().filter(|l| words.only_mark(l)).collect();
            if !only.is_empty() {
                let nameless = v.lines().all(|l| l.trim().is_empty() || words.only_mark(l));
                let id = if f == Field::Category && nameless {
                    "sheetimport-f14u-mark-only-category"
                } else {
                    "sheetimport-f14u-mark-only"
                };
                // Each such line is quoted (« à vérifier / (?) »).
                let lines: Vec<&str> = only.iter().map(|l| l.trim()).collect();
                let why = Msg::new(id).arg("value", lines.join(" / "));
                out.problems.push(problem(row, c + 1, why));
            }
            // The mark's words among others (« Paie (à confirmer avec le
            // service) »): no mark, kept as typed, said.
            for l in v
                .lines()
                .filter(|l| words.strip_mark(l).is_none() && words.holds_mark_words(l))
            {
                let why = Msg::new("sheetimport-f14u-own-mark-words")
                    .arg("value", l.trim())
                    .arg("only", "no");
                out.problems.push(problem(row, c + 1, why));
            }
            if v.lines().any(|l| {
                !words.only_mark(l) && words.strip_mark(l).is_some_and(|(_, inside)| inside)
            }) {
                let kept = without_mark(&words, &v).unwrap_or_default();
                let why = Msg::new("sheetimport-f14g-mark-inside")
                    .arg("value", v.as_str())
                    .arg("kept", kept);
                out.problems.push(problem(row, c + 1, why));
            }
        }
        // A date or time cell where a text is expected (a reference, a
        // description the spreadsheet took for a date, « 09:00 » in a
        // list): its text is the ISO form, whatever the sheet shows; said.
        for (c, f) in fields.iter().enumerate() {
            let cell = sheet.cell(row, c + 1);
            let text_field =
                f.is_some_and(|f| !matches!(f, Field::ConventionStart | Field::ConventionMonths));
            if text_field && matches!(cell, Cell::Date(_) | Cell::DateTime(_)) {
                let v = as_text(cell).unwrap_or_default();
                let why = Msg::new("sheetimport-f14v-date-in-text").arg("value", v);
                out.problems.push(problem(row, c + 1, why));
            }
            // (a term too: « 3 ans » through `0" ans"` reads 3 months).
            // (Not a term refused below: « 2.5 », « 50 % » are no months.)
            let refused_term = matches!(f, Some(Field::ConventionMonths))
                && !matches!(cell, Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0);
            if let Some(why) = (super::number_shown(sheet, row, c + 1, cell))
                .filter(|_| f.is_some() && !refused_term)
            {
                out.problems.push(problem(row, c + 1, why));
            }
        }
        let cell_at = |c: usize| {
            unmarked
                .get(c - 1)
                .and_then(Option::as_ref)
                .unwrap_or_else(|| sheet.cell(row, c))
        };
        let marked = |f: Field| at(f).is_some_and(|c| unmarked[c - 1].is_some());
        let mark_dropped = |f: Field| {
            at(f).filter(|&c| unmarked[c - 1].is_some()).map(|c| {
                let v = as_text(sheet.cell(row, c)).unwrap_or_default();
                let kept = unmarked[c - 1].as_ref().and_then(as_text);
                problem(
                    row,
                    c,
                    super::own::mark_dropped(v, &kept.unwrap_or_default()),
                )
            })
        };
        let text = |f: Field| at(f).and_then(|c| given(cell_at(c)));
        // What a list column's lines say of « none » (its bullets and mark
        // taken off).
        let list_state = |f: Field| {
            let raw = at(f).and_then(|c| as_text(cell_at(c))).unwrap_or_default();
            let lines: Vec<String> = (raw.lines())
                .map(|l| unmarked_item(l.trim()).trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            super::list_none(&lines, crate::model::is_todo)
        };
        // Values in columns that are no field.
        for (c, cell) in cells.iter().enumerate() {
            if fields.get(c).copied().flatten().is_none() {
                if let Some(v) = as_text(cell) {
                    let header = as_text(sheet.cell(header_row, c + 1));
                    let first = twice.iter().find(|(t, _)| *t == c).map(|(_, f)| *f);
                    let why = match (header, first) {
                        (Some(header), Some(first)) => Msg::new("sheetimport-f14e-header-twice")
                            .arg("header", header)
                            .arg("first", crate::sheet::read::column_letters(first)),
                        (Some(header), None) => {
                            Msg::new("sheetimport-no-field").arg("header", header)
                        }
                        (None, _) => Msg::new("sheetimport-f14b-no-field-unnamed"),
                    };
                    out.problems.push(problem(row, c + 1, why.arg("value", v)));
                }
            }
        }
        // « à compléter » on a line of its own (left out, the other lines
        // kept) or among other words (kept as typed): said (`given`).
        for (c, f) in fields.iter().enumerate() {
            // Its mark taken off (said apart): « à compléter (à confirmer) »
            // is « à compléter ».
            let Some(v) = as_text(cell_at(c + 1)).filter(|_| f.is_some()) else {
                continue;
            };
            let v = unlabelled_todo(*f, v);
            // « Aucun⏎? »: none and a doubt; neither is imported.
            if *f == Some(Field::Transfers) && none_beside_todo(&v) {
                let why =
                    Msg::new("sheetimport-f14y-none-beside-todo").arg("value", super::one_line(&v));
                out.problems.push(problem(row, c + 1, why));
                continue;
            }
            // A list column: a none beside a doubt, a none that says more,
            // or none lines beside items: said, once.
            if let Some(f @ (Field::Measures | Field::DataCategories)) = *f {
                let value = super::one_line(&v);
                // The list unknown: its other lines are not said apart.
                let said = match list_state(f) {
                    ListNone::BesideTodo => {
                        Some((Msg::new("sheetimport-f14z-list-none-beside-todo"), true))
                    }
                    ListNone::Unclear => {
                        Some((Msg::new("sheetimport-f14z-list-none-unclear"), true))
                    }
                    ListNone::Among(nones) => Some((
                        Msg::new("sheetimport-f14z-list-none-among").arg("none", nones.join(" / ")),
                        false,
                    )),
                    ListNone::All | ListNone::No => None,
                };
                if let Some((why, unknown)) = said {
                    out.problems
                        .push(problem(row, c + 1, why.arg("value", value)));
                    if unknown {
                        continue;
                    }
                }
            }
            for why in super::without_todo(&v).1 {
                // A transfers line among other words is said where it is
                // imported ([`settle_transfers`]): one not imported is said
                // once, as such.
                if *f == Some(Field::Transfers) && why.id == "sheetimport-f14m-todo-kept" {
                    continue;
                }
                out.problems.push(problem(row, c + 1, why));
            }
            // The mark's words typed otherwise than as the mark, outside a
            // category's fields (which read them): kept as typed, said; in
            // the transfers, on the recipient side of a line that is
            // imported (its country side names a country).
            let typed: Vec<String> = match f {
                Some(f) if CATEGORY_FIELDS.contains(f) => Vec::new(),
                Some(Field::Transfers) => v
                    .lines()
                    .filter_map(country_recipient)
                    .filter(|(a, _)| super::countries::is_country(a))
                    .map(|(_, b)| b.to_string())
                    .collect(),
                // A contact's name is the one line imported; its other
                // lines are said as not imported ([`set_fact`]).
                Some(Field::Representative | Field::Dpo) => {
                    contact(&v).contact.name.into_iter().collect()
                }
                _ => vec![v.clone()],
            };
            for why in typed.iter().flat_map(|t| words.typed_otherwise(t)) {
                out.problems.push(problem(row, c + 1, why));
            }
        }
        let typed_name = text(Field::Controller);
        let name = typed_name
            .as_deref()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            for (c, f) in fields.iter().enumerate() {
                if f.is_some() {
                    if let Some(v) = as_text(sheet.cell(row, c + 1)) {
                        out.problems.push(problem(
                            row,
                            c + 1,
                            Msg::new("sheetimport-no-controller").arg("value", v),
                        ));
                    }
                }
            }
            continue;
        };
        out.problems.extend(mark_dropped(Field::Controller));
        // A name on two lines, or with doubled or no-break spaces: one line,
        // single spaces (it names a file and stands in sentences); said,
        // once for each way it is typed.
        if let (Some(typed), Some(c)) = (typed_name, at(Field::Controller)) {
            if typed.trim() != name && spaced_said.insert(typed.clone()) {
                let why = Msg::new("sheetimport-f14v-name-spaces")
                    .arg("value", typed.trim())
                    .arg("kept", name.as_str());
                out.problems.push(problem(row, c, why));
            }
        }
        // Names that differ only in case are one controller: said.
        let d = match drafts.iter().position(|d| normal(&d.name) == normal(&name)) {
            Some(k) => {
                let d = &mut drafts[k];
                if d.name != name {
                    if let Some(c) = at(Field::Controller) {
                        out.problems.push(problem(
                            row,
                            c,
                            Msg::new("sheetimport-f14b-case-merged")
                                .arg("value", name.as_str())
                                .arg("kept", d.name.as_str())
                                .arg("first", d.row),
                        ));
                    }
                }
                d
            }
            None => {
                drafts.push(Draft {
                    row,
                    name: name.clone(),
                    address: None,
                    representative: Contact::default(),
                    dpo: Contact::default(),
                    title: None,
                    start: None,
                    months: None,
                    activities: Vec::new(),
                    category_rows: Vec::new(),
                    transfers: None,
                    nones: Vec::new(),
                    listed: Vec::new(),
                    set_at: Vec::new(),
                });
                let k = drafts.len() - 1;
                &mut drafts[k]
            }
        };
        // Facts of the controller: from the first row that gives them;
        // another row that says otherwise is reported.
        for f in [
            Field::ControllerContact,
            Field::Representative,
            Field::Dpo,
            Field::ConventionTitle,
            Field::ConventionStart,
            Field::ConventionMonths,
        ] {
            if let Some(c) = at(f) {
                let before = has_fact(d, f);
                let whys = set_fact(d, f, cell_at(c));
                if !before && has_fact(d, f) {
                    d.set_at.push((f, row));
                }
                // A contact that reads as none is not imported: its mark
                // is not « imported without it » (one line says it).
                // Nor one that differs from the row kept, nor a date or a
                // number that cannot be read (not imported, said).
                let refused = [
                    "sheetimport-f14o-contact-none",
                    "sheetimport-differs",
                    "sheetimport-bad-date",
                    "sheetimport-f14h-short-year",
                    "sheetimport-f14h-too-early",
                    "sheetimport-bad-number",
                ];
                if !whys.iter().any(|w| refused.contains(&w.id)) {
                    out.problems.extend(mark_dropped(f));
                }
                for why in whys {
                    out.problems.push(problem(row, c, why));
                }
            }
        }
        // The category of processing, its measures and the transfers.
        let category = text(Field::Category).map(|c| c.trim().to_string());
        let twice = category.as_ref().and_then(|cat| {
            d.activities
                .iter()
                .zip(&d.category_rows)
                .find(|(a, _)| normal(&a.name) == normal(cat))
                .map(|(_, &first)| first)
        });
        if let (Some(first), Some(cat), Some(c)) = (twice, &category, at(Field::Category)) {
            out.problems.push(problem(
                row,
                c,
                Msg::new("sheetimport-f14-duplicate-category")
                    .arg("value", cat.as_str())
                    .arg("first", first),
            ));
        }
        if let Some(cat) = category.filter(|_| twice.is_none()) {
            let taken: Vec<Id> = d.activities.iter().map(|a| a.id.clone()).collect();
            // A cell that says there is none (« Aucune », « Néant »): an
            // empty list, not a measure or a category of that name; one
            // whose none is in doubt or says more: unknown (said above);
            // none lines beside items: left out (said above).
            let read = |f: Field| match list_state(f) {
                ListNone::All => Some(Vec::new()),
                ListNone::BesideTodo | ListNone::Unclear => None,
                ListNone::Among(nones) => Some(
                    lines(text(f))
                        .into_iter()
                        .filter(|l| !nones.contains(l))
                        .collect(),
                ),
                ListNone::No => Some(lines(text(f))).filter(|l| !l.is_empty()),
            };
            let (measures, data) = (read(Field::Measures), read(Field::DataCategories));
            // A category of data that looks like two (« noms; prénoms »,
            // a tab between them): imported as typed, said.
            if let Some(dc) = at(Field::DataCategories) {
                for line in data.iter().flatten().filter(|l| looks_two(l)) {
                    let why = Msg::new("sheetimport-f14z-data-list").arg("value", line.as_str());
                    out.problems.push(problem(row, dc, why));
                }
            }
            let no_measure = measures.as_ref().is_some_and(Vec::is_empty);
            let measures_known = measures.is_some();
            let measures = measures.unwrap_or_default();
            let mut measure_ids = Vec::new();
            let mc = at(Field::Measures).unwrap_or(1);
            for title in measures {
                if looks_two(&title) {
                    let why =
                        Msg::new("sheetimport-f14i-measure-list").arg("value", title.as_str());
                    out.problems.push(problem(row, mc, why));
                }
                let same = out
                    .measures
                    .iter()
                    .position(|m| normal(&m.title) == normal(&title));
                let id = match same {
                    Some(k) => {
                        let m = &out.measures[k];
                        if m.title != title {
                            let why = Msg::new("sheetimport-f14i-measure-merged")
                                .arg("value", title.as_str())
                                .arg("kept", m.title.as_str())
                                .arg("first", measure_rows[k]);
                            out.problems.push(problem(row, mc, why));
                        }
                        m.id.clone()
                    }
                    None => {
                        let ids: Vec<Id> = out.measures.iter().map(|m| m.id.clone()).collect();
                        let id = slug(&title, &ids);
                        let base = slug(&title, &[]);
                        if id != base {
                            let why = Msg::new("sheetimport-f14i-measure-id-made")
                                .arg("value", title.as_str())
                                .arg("base", base.as_str())
                                .arg("id", id.as_str());
                            out.problems.push(problem(row, mc, why));
                        }
                        measure_rows.push(row);
                        out.measures.push(SecurityMeasure {
                            id: id.clone(),
                            title,
                            description: None,
                            clause: None,
                            owner: None,
                            evidence: None,
                            last_tested: None,
                            test_interval_months: None,
                            to_confirm: Vec::new(),
                        });
                        id
                    }
                };
                // A measure named twice in the cell: once, said.
                if measure_ids.contains(&id) {
                    let title = out.measures.iter().find(|m| m.id == id);
                    let why = Msg::new("sheetimport-f14g-repeat-merged")
                        .arg("value", title.map_or(id.as_str(), |m| m.title.as_str()));
                    out.problems.push(problem(row, mc, why));
                    continue;
                }
                measure_ids.push(id);
            }
            d.category_rows.push(row);
            let to_confirm = [
                (Field::Category, ActivityField::Name),
                (Field::Description, ActivityField::Description),
                (Field::DataCategories, ActivityField::DataCategories),
                (Field::Measures, ActivityField::SecurityMeasures),
            ]
            .into_iter()
            .filter(|&(f, _)| marked(f))
            .map(|(_, a)| a)
            .collect();
            // A name whose id is another category's (« État civil » and
            // « Etat civil »): a suffixed id, said.
            let (id, base) = (slug(&cat, &taken), slug(&cat, &[]));
            if id != base {
                if let Some(c) = at(Field::Category) {
                    let why = Msg::new("sheetimport-f14u-category-id-made")
                        .arg("value", cat.as_str())
                        .arg("base", base.as_str())
                        .arg("id", id.as_str());
                    out.problems.push(problem(row, c, why));
                }
            }
            d.activities.push(ProcessingActivity {
                id,
                name: cat,
                description: text(Field::Description),
                // The authority's layout has no column for the systems or
                // the sub-processors: not known, never « aucun ».
                systems: None,
                data_categories: data,
                subprocessors: None,
                security_measures: Some(measure_ids)
                    .filter(|l| measures_known && (no_measure || !l.is_empty())),
                to_confirm,
            });
        } else {
            // A category given twice: its row is not imported, its
            // transfers included (an « aucun » there cancels nothing).
            let said: &[Field] = if twice.is_some() {
                &[
                    Field::Description,
                    Field::DataCategories,
                    Field::Measures,
                    Field::Transfers,
                    Field::Safeguards,
                ]
            } else {
                &[Field::Description, Field::DataCategories, Field::Measures]
            };
            for &f in said {
                if let (Some(v), Some(c)) = (text(f), at(f)) {
                    let why = match twice {
                        Some(first) => {
                            Msg::new("sheetimport-f14b-duplicate-row-value").arg("first", first)
                        }
                        None => Msg::new("sheetimport-no-category"),
                    };
                    out.problems.push(problem(row, c, why.arg("value", v)));
                }
            }
        }
        // The transfers: gathered here, settled once every row of the
        // controller is read. A row rejected as a category given twice is
        // not imported at all (its transfers said above).
        if twice.is_some() {
            continue;
        }
        let safeguards = text(Field::Safeguards);
        let transfers = text(Field::Transfers).filter(|_| {
            let raw = at(Field::Transfers).and_then(|c| as_text(sheet.cell(row, c)));
            !raw.is_some_and(|raw| none_beside_todo(&raw))
        });
        // « aucun (à confirmer) » is none; a controller file marks no field
        // to confirm: the mark is said when « none » is kept.
        let marked_none = transfers
            .as_deref()
            .and_then(|t| without_mark(&words, t))
            .is_some_and(|t| is_none_cell(&t));
        // The cells as typed, lines « à compléter » included: a line's
        // place aligns a transfer with its safeguards.
        let typed = |f: Field, given: &Option<String>| {
            given
                .as_ref()
                .and(at(f).and_then(|c| as_text(sheet.cell(row, c))))
        };
        let typed_safeguards = typed(Field::Safeguards, &safeguards);
        match transfers {
            Some(t) if !marked_none && !is_none_cell(&t) => {
                let t = typed(Field::Transfers, &Some(t)).unwrap_or_default();
                d.listed.push((row, t, typed_safeguards));
            }
            none => {
                d.nones.extend(none.map(|t| {
                    let kept = marked_none.then(|| without_mark(&words, &t)).flatten();
                    (row, t, kept)
                }));
                if let (Some(v), Some(c)) = (safeguards, at(Field::Safeguards)) {
                    out.problems.push(problem(
                        row,
                        c,
                        Msg::new("sheetimport-no-transfer").arg("value", v),
                    ));
                }
            }
        }
    }
    let cols = (at(Field::Transfers), at(Field::Safeguards));
    let mut ids: Vec<Id> = Vec::new();
    // Each controller's id and name, to name the one a suffixed id is
    // made beside.
    let mut names: Vec<(Id, String)> = Vec::new();
    for mut d in drafts {
        let mut said = Vec::new();
        d.transfers = settle_transfers(&d, &words, cols, &mut |row, col, why| {
            said.push(problem(row, col, why));
        });
        // A safeguards cell refused whole: its line « à compléter » was
        // said as left out, « the other lines imported »; they are not.
        for p in said
            .iter()
            .filter(|p| p.why.id == "sheetimport-f14t-safeguards-todo")
        {
            out.problems.retain(|o| {
                !(o.sheet == p.sheet
                    && o.row == p.row
                    && o.column == p.column
                    && o.why.id == "sheetimport-f14m-todo-line")
            });
        }
        out.problems.extend(said);
        // A name whose file id is another controller's (« Mairie A. »
        // beside « Mairie A », « d’Évry » beside « d'Evry »): its own
        // file under a suffixed id, said at its first row.
        let (id, base) = (slug(&d.name, &ids), slug(&d.name, &[]));
        if id != base {
            if let Some(c) = at(Field::Controller) {
                let first = names
                    .iter()
                    .find(|(i, _)| *i == base)
                    .map_or_else(String::new, |(_, n)| n.clone());
                let why = Msg::new("sheetimport-f14w-controller-id-made")
                    .arg("value", d.name.as_str())
                    .arg("base", base.as_str())
                    .arg("first", first)
                    .arg("id", id.as_str());
                out.problems.push(problem(d.row, c, why));
            }
        }
        names.push((id.clone(), d.name.clone()));
        ids.push(id.clone());
        out.controllers.push((id, controller_value(d, lang)));
    }
    Some(out)
}

/// The transfers of a controller from the rows `d` gathered, the
/// problems said through `say` (row, column, why) at the transfers and
/// safeguards columns `cols`: « aucun » on one row and transfers listed on
/// another contradict each other, and then every one of those cells is
/// said and none kept (not known: « à compléter »); « aucun » alone is no
/// transfer (a « (à confirmer) » mark on it said); else each listed line
/// is a transfer (`country: recipient`, or a form's « Pays : » and « Destinataire : » lines, said), its
/// safeguards a line each (aligned as typed, a line « à compléter »
/// giving none, or among the other lines), or the whole cell for all
/// (said); a line of another shape, or whose country side is a label, is
/// said and not imported (no transfers read at all: not known, « à
/// compléter »).
fn settle_transfers(
    d: &Draft,
    words: &super::own::Words,
    (t_col, s_col): (Option<usize>, Option<usize>),
    say: &mut dyn FnMut(usize, usize, Msg),
) -> Option<Vec<Transfer>> {
    let mut say_at = |row: usize, col: Option<usize>, why: Msg| {
        if let Some(c) = col {
            say(row, c, why);
        }
    };
    if let (Some((none_row, _, _)), Some((listed_row, _, _))) = (d.nones.first(), d.listed.first())
    {
        let contradicts = |value: &str, first: usize| {
            Msg::new("sheetimport-f14-none-and-listed")
                .arg("value", value)
                .arg("first", first)
        };
        for (row, t, _) in &d.nones {
            say_at(*row, t_col, contradicts(t, *listed_row));
        }
        for (row, t, safeguards) in &d.listed {
            say_at(*row, t_col, contradicts(t, *none_row));
            if let Some(v) = safeguards {
                say_at(
                    *row,
                    s_col,
                    Msg::new("sheetimport-f14d-safeguards-dropped")
                        .arg("value", v.as_str())
                        .arg("first", *none_row),
                );
            }
        }
        return None;
    }
    if d.listed.is_empty() {
        for (row, t, kept) in d
            .nones
            .iter()
            .filter_map(|(r, t, k)| Some((r, t, k.as_ref()?)))
        {
            let why = super::own::mark_dropped(t.clone(), kept);
            say_at(*row, t_col, why);
        }
        return (!d.nones.is_empty()).then(Vec::new);
    }
    let mut list: Vec<Transfer> = Vec::new();
    // The row each transfer of `list` was read on.
    let mut list_rows: Vec<usize> = Vec::new();
    let mut unread = false;
    for (row, t, safeguards) in &d.listed {
        let entries = entries(t);
        let known = entries.iter().filter(|e| !e.todo).count();
        // One safeguard a line, a line a transfer: aligned, a line « à
        // compléter » included (that transfer has none: the line is said
        // by the row's reading), or else among the lines that are not;
        // one for all; else the cell for each, said.
        // The cell's lines as typed, a blank one kept in its place (a
        // transfer with none), the blank ones at its end left out.
        let mut each: Vec<String> = safeguards
            .iter()
            .flat_map(|v| v.split('\n'))
            .map(|l| unmarked_item(l.trim()).to_string())
            .collect();
        // A blank line at the end is a transfer with none when the lines
        // are as many as the transfers (« CCT / » beside two: the second
        // has none, as a blank line first would give the first none).
        if each.len() != entries.len() || entries.len() < 2 {
            while each.last().is_some_and(String::is_empty) {
                each.pop();
            }
        }
        // Blank lines at the same places in both cells (« A / / B » beside
        // « CCT / / BCR »): the cells still align line by line.
        let mut typed: Vec<&str> = t.lines().map(str::trim).collect();
        while typed.last().is_some_and(|l| l.is_empty()) {
            typed.pop();
        }
        if each.len() == typed.len()
            && each.iter().any(String::is_empty)
            && each
                .iter()
                .zip(&typed)
                .all(|(g, l)| g.is_empty() == l.is_empty())
            && entries.len() == typed.iter().filter(|l| !l.is_empty()).count()
        {
            each.retain(|g| !g.is_empty());
        }
        let given: Vec<&String> = each
            .iter()
            .filter(|g| !g.is_empty() && !is_todo(g))
            .collect();
        let align = if each.len() > 1 && each.len() == entries.len() {
            Align::Typed
        } else if given.len() > 1 && given.len() == known && given.len() == each.len() {
            // Only when the cell has no blank nor « à compléter » line: such
            // a line gives one transfer none, and which one is lost once
            // the lines no longer match (the cell is then for all, said).
            Align::Given
        } else {
            Align::All
        };
        // The cell for every transfer: its lines that say something. Not
        // when a line of it is « à compléter » and several transfers are
        // read: which one has none is not known (said, not imported).
        let unplaced =
            align == Align::All && known > 1 && each.len() > 1 && each.iter().any(|g| is_todo(g));
        let for_all = safeguards
            .as_deref()
            .and_then(|g| super::without_todo(g).0)
            .map(|v| {
                v.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .filter(|v| !v.is_empty());
        if unplaced {
            say_at(
                *row,
                s_col,
                Msg::new("sheetimport-f14t-safeguards-todo")
                    .arg("value", each.join(" / "))
                    .arg("lines", each.len())
                    .arg("transfers", known),
            );
        }
        let for_all = for_all.filter(|_| !unplaced);
        // A safeguards line that is only the mark, in any shape it is read
        // in (« (?) », « [à confirmer] », a doubled bracket), never the
        // mark's bare words.
        let flag_line = |g: &str| words.only_mark(g) && words.strip_mark(g).is_some();
        // The cell's lines as typed, blank ones included.
        let typed_lines: Vec<&str> = safeguards
            .as_deref()
            .map(|v| v.split('\n').collect())
            .unwrap_or_default();
        if let Some(v) = for_all
            .as_ref()
            .filter(|_| align == Align::All)
            // A line that is only the mark (in brackets) is the flag, not a
            // safeguard; a blank line typed in the cell says lines were
            // meant, which are not those of the transfers.
            .filter(|_| {
                let blank = typed_lines.iter().any(|l| l.trim().is_empty());
                given.iter().filter(|g| !flag_line(g)).count() > 1 || (blank && known > 1)
            })
        {
            say_at(
                *row,
                s_col,
                Msg::new("sheetimport-f14b-safeguards-lines")
                    // As typed: a blank line counts, at its place.
                    .arg(
                        "value",
                        if typed_lines.iter().any(|l| l.trim().is_empty()) {
                            typed_lines.join("\n")
                        } else {
                            v.clone()
                        },
                    )
                    .arg("lines", typed_lines.len().max(each.len()))
                    .arg("transfers", known),
            );
        }
        let (mut read, mut k) = (0, 0);
        // Whether the row's safeguards mark was said (typed otherwise).
        let mut sg_said = false;
        // A safeguards line that is only the mark ([`flag_line`] above): no
        // value, the flag of the safeguards it goes with. Aligned, it is
        // said at its transfer; for all, once the row's transfers are read.
        // A safeguards text without its mark: its lines that are only the
        // mark left out whole, the others without theirs; `None` when it
        // bears none.
        let without_flag = |g: &str| {
            let marked = g
                .lines()
                .any(|l| flag_line(l) || words.strip_mark(l).is_some());
            marked.then(|| {
                g.lines()
                    .filter(|l| !flag_line(l))
                    .map(|l| {
                        words
                            .strip_mark(l)
                            .map_or_else(|| l.to_string(), |(k, _)| k)
                    })
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        };
        let mut flagged_all: Vec<&str> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            // This line's own safeguards, when aligned (`None` inside: it
            // has none, or a line « à compléter »).
            let own = match align {
                Align::Typed => Some(
                    each.get(i)
                        .filter(|g| !g.is_empty() && !is_todo(g))
                        .cloned(),
                ),
                Align::Given if !entry.todo => Some(given.get(k).map(|g| (*g).clone())),
                _ => None,
            };
            if entry.todo {
                // A line « à compléter » (said by the row's reading): no
                // transfer; the safeguards on its line go with it, said.
                if let Some(Some(g)) = &own {
                    say_at(
                        *row,
                        s_col,
                        Msg::new("sheetimport-f14i-safeguards-unread").arg("value", g.as_str()),
                    );
                }
                continue;
            }
            k += 1;
            let line = &entry.text;
            // A line that is not `country: recipient` is no transfer (a
            // country is never guessed from free text): said, not imported;
            // nor is one whose recipient says none (« États-Unis : aucun »),
            // nor one whose country side is a label (« Contact : … »,
            // « Garanties : … ») or holds a number (« Voir annexe 2 : … »).
            // A « (à confirmer) » mark on either side is the field's flag.
            let mut to_confirm = Vec::new();
            let mut unmarked = |side: &str, field: TransferField| match words.strip_mark(side) {
                Some((kept, inside)) => {
                    to_confirm.push(field);
                    if inside {
                        let why = Msg::new("sheetimport-f14g-mark-inside")
                            .arg("value", side)
                            .arg("kept", kept.as_str());
                        say_at(*row, t_col, why);
                    }
                    kept
                }
                None => side.to_string(),
            };
            let typed = match &entry.pair {
                Some((a, b)) => Some((a.as_str(), b.as_str())),
                None => country_recipient(line),
            };
            let label = typed
                .filter(|_| entry.pair.is_none())
                .filter(|(a, _)| !negated(a))
                .and_then(|(a, _)| label_side(a).map(|kind| (a, kind)));
            let sides = typed
                .filter(|(a, _)| !negated(a) && label.is_none())
                .map(|(a, b)| {
                    (
                        unmarked(a, TransferField::Country),
                        unmarked(b, TransferField::Recipient),
                    )
                });
            let (country, recipient) = match sides {
                Some((a, b)) if !is_none_word(&b) && !a.is_empty() && !b.is_empty() => (a, b),
                _ => {
                    unread = true;
                    // A line that says none, beside other lines: left out,
                    // said as such (not as a line of no known shape); a
                    // label, as a label.
                    let why = match (&sides, label) {
                        // A form's « Pays : A » or « Destinataire : B »
                        // without the other line: half a transfer.
                        (_, Some((side, _))) if form_label(side).is_some() => {
                            Msg::new("sheetimport-f14u-form-half")
                                .arg("label", side)
                                .arg("half", form_label(side).unwrap_or("country"))
                        }
                        (_, Some((side, kind))) => Msg::new("sheetimport-f14q-label-line")
                            .arg("label", side)
                            .arg("kind", kind),
                        (Some((_, b)), _) if is_none_word(b) => {
                            Msg::new("sheetimport-f14n-recipient-none")
                        }
                        _ if typed.is_none() && is_none_word(line) => {
                            Msg::new("sheetimport-f14k-none-line")
                        }
                        _ => Msg::new("sheetimport-f14i-transfer-unread"),
                    };
                    say_at(*row, t_col, why.arg("value", line.as_str()));
                    // Its own safeguard (aligned) goes with it: said.
                    if let Some(Some(g)) = &own {
                        say_at(
                            *row,
                            s_col,
                            Msg::new("sheetimport-f14i-safeguards-unread").arg("value", g.as_str()),
                        );
                    }
                    continue;
                }
            };
            // A country side that names no state or territory (« Hébergeur :
            // OVH », « Dublin : Microsoft »): no transfer, said; a list of
            // countries is said below, the line imported as typed.
            if country_list(&country).is_none() && !super::countries::is_country(&country) {
                unread = true;
                let why = Msg::new("sheetimport-f14u-no-country")
                    .arg("value", line.as_str())
                    .arg("country", country.as_str())
                    .arg("todo", if is_todo(&country) { "yes" } else { "no" });
                say_at(*row, t_col, why);
                if let Some(Some(g)) = &own {
                    say_at(
                        *row,
                        s_col,
                        Msg::new("sheetimport-f14i-safeguards-unread").arg("value", g.as_str()),
                    );
                }
                continue;
            }
            read += 1;
            // A form's two lines read as one transfer: said.
            if entry.pair.is_some() {
                let why = Msg::new("sheetimport-f14q-form-pair")
                    .arg("value", line.as_str())
                    .arg("country", country.as_str())
                    .arg("recipient", recipient.as_str());
                say_at(*row, t_col, why);
            }
            // « à compléter » among other words: imported as typed, said.
            if holds_todo(line) {
                let why = Msg::new("sheetimport-f14m-todo-kept").arg("value", line.as_str());
                say_at(*row, t_col, why);
            }
            // « États-Unis : Microsoft ; Maroc : X » (or `,`, `/`, ` - `,
            // `. `, « et », `–`, `|`, `+`, `&`… before « Maroc : X ») looks
            // like two transfers on one line; « États-Unis, Maroc :
            // Microsoft » like two countries: one is imported, as typed,
            // and said (a recipient may hold the sign, a country's name a
            // comma), as a measure's line is.
            // Read on the recipient as typed: a second transfer whose own
            // recipient is only the mark (« Maroc : à confirmer ») is one.
            let typed_recipient = typed.map_or(recipient.as_str(), |(_, b)| b);
            if let Some(sep) = second_transfer(typed_recipient) {
                let why = Msg::new("sheetimport-f14l-transfer-list")
                    .arg("value", line.as_str())
                    .arg("country", country.as_str())
                    .arg("sep", sign(sep));
                say_at(*row, t_col, why);
            } else if let Some(sep) = country_list(&country) {
                let why = Msg::new("sheetimport-f14m-country-list")
                    .arg("value", line.as_str())
                    .arg("sep", sep);
                say_at(*row, t_col, why);
            }
            if let Some(Some(g)) = own.as_ref().filter(|g| g.as_deref().is_some_and(flag_line)) {
                let why = Msg::new("sheetimport-f14x-mark-only-transfer")
                    .arg("value", g.trim())
                    .arg("transfer", line.as_str());
                say_at(*row, s_col, why);
            }
            if own.is_none() {
                flagged_all.push(line.as_str());
            }
            // A « (à confirmer) » mark on its safeguards: that field's flag.
            let mut safeguards = own.unwrap_or_else(|| for_all.clone());
            if let Some(kept) = safeguards.as_deref().and_then(without_flag) {
                to_confirm.push(TransferField::Safeguards);
                // Typed otherwise than « (à confirmer) » at the end of a
                // safeguard: said, with what is kept (once a row); a line
                // that is only the mark is said as such, above.
                let typed = safeguards.as_deref().unwrap_or_default();
                let otherwise = typed
                    .lines()
                    .filter(|l| !flag_line(l))
                    .any(|l| words.strip_mark(l).is_some_and(|(_, inside)| inside));
                if otherwise && !sg_said {
                    sg_said = true;
                    let why = Msg::new("sheetimport-f14g-mark-inside")
                        .arg("value", typed)
                        .arg("kept", kept.as_str());
                    say_at(*row, s_col, why);
                }
                // Only the mark: no safeguards, flagged (« à compléter »).
                safeguards = Some(kept).filter(|k| !k.is_empty());
            }
            let transfer = Transfer {
                country,
                recipient,
                purpose: None,
                legal_basis: None,
                safeguards,
                to_confirm,
            };
            if !list.contains(&transfer) {
                // The same country and recipient as a transfer of another
                // row (case, accents, safeguards or mark apart): both are
                // kept, said.
                let country = |c: &str| {
                    super::countries::country_code(c).map_or_else(|| folded(c), String::from)
                };
                let same = |t: &Transfer| {
                    country(&t.country) == country(&transfer.country)
                        && folded(&t.recipient) == folded(&transfer.recipient)
                };
                if let Some(k) = list.iter().position(same) {
                    let why = Msg::new("sheetimport-f14w-transfer-again")
                        .arg("value", entry.text.as_str())
                        .arg("first", list_rows[k]);
                    say_at(*row, t_col, why);
                }
                list.push(transfer);
                list_rows.push(*row);
            }
        }
        // The cell for all, with a line that is only the mark: that line
        // flags the safeguards of every transfer of the row read, said
        // once with them.
        let marks: Vec<&str> = for_all
            .as_deref()
            .map(|v| v.lines().map(str::trim).filter(|l| flag_line(l)).collect())
            .unwrap_or_default();
        if !marks.is_empty() && !flagged_all.is_empty() {
            let kept = for_all
                .as_deref()
                .and_then(without_flag)
                .unwrap_or_default();
            let kept: Vec<&str> = kept.lines().filter(|l| !l.trim().is_empty()).collect();
            let why = Msg::new("sheetimport-f14x-mark-only-each")
                .arg("value", marks.join(" / "))
                .arg("n", flagged_all.len())
                .arg("transfer", flagged_all[0])
                .arg("kept", kept.join(" / "))
                .arg("has", if kept.is_empty() { "no" } else { "yes" });
            say_at(*row, s_col, why);
        }
        // No line of the row read: its safeguards (for all) go too, said.
        if let Some(v) = for_all
            .as_ref()
            .filter(|_| read == 0 && known > 0 && align == Align::All)
        {
            say_at(
                *row,
                s_col,
                Msg::new("sheetimport-f14i-safeguards-unread").arg("value", v.as_str()),
            );
        }
    }
    // Nothing read but lines not understood: the transfers are not known
    // (« à compléter »), never « none ».
    (!(unread && list.is_empty())).then_some(list)
}

/// How a row's safeguards go with its transfers ([`settle_transfers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    /// A line each, as typed, lines « à compléter » included.
    Typed,
    /// A line each, among the lines that are not « à compléter ».
    Given,
    /// The cell (without its lines « à compléter ») for every transfer.
    All,
}

/// A transfer as a cell gives it: a line, or a form's « Pays : A » line
/// with the « Destinataire : B » line under it.
#[derive(Debug)]
struct Entry {
    /// The line, or the form's two lines joined by « / ».
    text: String,
    /// A line that is only the words for a value to give.
    todo: bool,
    /// The country and recipient a form's two lines give.
    pair: Option<(String, String)>,
}

/// The entries of a transfers cell: its lines ([`lines`]), a form's
/// « Pays : A » line followed by a « Destinataire : B » line being one
/// ([`form_pair`]).
fn entries(t: &str) -> Vec<Entry> {
    let all = lines(Some(t.to_string()));
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let line = &all[i];
        let pair = all.get(i + 1).and_then(|next| form_pair(line, next));
        let text = match &pair {
            Some(_) => format!("{line} / {}", all[i + 1]),
            None => line.clone(),
        };
        i += if pair.is_some() { 2 } else { 1 };
        out.push(Entry {
            todo: is_todo(&text),
            text,
            pair,
        });
    }
    out
}

/// The labels of a form's country line, folded.
const COUNTRY_LABELS: [&str; 17] = [
    "pays",
    "pays tiers",
    "pays de destination",
    "pays destinataire",
    "destination",
    "country",
    "third country",
    "destination country",
    "country of destination",
    "pays concerne",
    "pays tiers concerne",
    "pays d'hebergement",
    "pays d hebergement",
    "pays de l'hebergement",
    "pays du destinataire",
    "country of hosting",
    "hosting country",
];

/// The labels of a form's recipient line, folded.
const RECIPIENT_LABELS: [&str; 18] = [
    "destinataire",
    "destinataires",
    "organisme destinataire",
    "recipient",
    "recipients",
    "recipient organisation",
    "organisme",
    "organisation",
    "hebergeur",
    "prestataire",
    "sous-traitant",
    "fournisseur",
    "societe",
    "entreprise",
    "entite",
    "provider",
    "organisation receiving the data",
    "host",
];

/// The words that start a note or a label, never a country's name
/// (« Garanties : CCT », « Voir annexe : … », « NB : … »), folded.
const LABEL_WORDS: [&str; 93] = [
    "contact",
    "contacts",
    "telephone",
    "courriel",
    "fax",
    "garantie",
    "garanties",
    "finalite",
    "finalites",
    "objet",
    "hebergement",
    "heberge",
    "remarque",
    "remarques",
    "note",
    "notes",
    "nb",
    "n.b",
    "commentaire",
    "commentaires",
    "precision",
    "precisions",
    "observation",
    "observations",
    "sous-traitant",
    "sous-traitants",
    "prestataire",
    "prestataires",
    "voir",
    "cf",
    "destinataire",
    "destinataires",
    "recipient",
    "recipients",
    "safeguard",
    "safeguards",
    "purpose",
    "purposes",
    "see",
    "comment",
    "organisme",
    "societe",
    "entreprise",
    "fournisseur",
    "fournisseurs",
    "hebergeur",
    "hebergeurs",
    "responsable",
    "lieu",
    "localisation",
    "duree",
    "date",
    "base",
    "mesure",
    "mesures",
    "categorie",
    "categories",
    "donnee",
    "donnees",
    "entite",
    "outil",
    "service",
    "services",
    "logiciel",
    "application",
    "lien",
    "reference",
    "contrat",
    "clause",
    "clauses",
    "encadrement",
    "mecanisme",
    "motif",
    "type",
    "nature",
    "statut",
    "personne",
    "interlocuteur",
    "source",
    "transfert",
    "transferts",
    "transfer",
    "transfers",
    "legal",
    "basis",
    "provider",
    "supplier",
    "tool",
    "software",
    "contract",
    "mechanism",
    "status",
    "location",
];

/// Whether a `country: recipient` line's country side is no country: a
/// label or a note (« Contact », « Tél », « Garanties », « Finalité »,
/// « Hébergement », « NB », « Sous-traitant », « Voir … », « Pays »,
/// « Destinataire », and the labels of a contact's lines — the whole side,
/// or its first word), said `label`; or a side that holds a digit outside
/// brackets (« Voir annexe 2 »), said `digit`. « Tel Aviv » is no label
/// (« Tél » is, accented or with its full stop).
fn label_side(country: &str) -> Option<&'static str> {
    // « Destinataire(s) » is « Destinataire ».
    let f = folded(country).replace("(s)", "");
    let whole = f.trim_end_matches(['.', ' ']).replace('.', " ");
    let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = f
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';']);
    let lower = country.trim_start().to_lowercase();
    let tel = first == "tel" && (lower.starts_with("tél") || lower.starts_with("tel."));
    let labelled = [
        &PHONE_LABELS[..],
        &MAIL_LABELS,
        &FAX_LABELS,
        &OTHER_LABELS,
        &COUNTRY_LABELS,
        &RECIPIENT_LABELS,
    ]
    .iter()
    .any(|labels| labels.contains(&whole.as_str()))
        || LABEL_WORDS.contains(&first)
        || tel;
    if labelled {
        return Some("label");
    }
    let digit = super::top_level(country).any(|(_, c)| c.is_ascii_digit());
    digit.then_some("digit")
}

/// The country and recipient of a form's two lines, « Pays : A » then
/// « Destinataire : B » or the other way round (either language,
/// [`COUNTRY_LABELS`] and [`RECIPIENT_LABELS`]), `None` when `line` and
/// `next` are not that.
fn form_pair(line: &str, next: &str) -> Option<(String, String)> {
    let (label, country) = country_recipient(line)?;
    let (to, recipient) = country_recipient(next)?;
    let is =
        |side: &str, labels: &[&str]| labels.contains(&folded(side).replace("(s)", "").as_str());
    if is(label, &COUNTRY_LABELS) && is(to, &RECIPIENT_LABELS) {
        return Some((country.to_string(), recipient.to_string()));
    }
    // The other order: « Destinataire : B » then « Pays : A ».
    (is(label, &RECIPIENT_LABELS) && is(to, &COUNTRY_LABELS))
        .then(|| (recipient.to_string(), country.to_string()))
}

/// Which half of a form's transfer a label names: `country` (« Pays »,
/// [`COUNTRY_LABELS`]) or `recipient` (« Destinataire »,
/// [`RECIPIENT_LABELS`]), `None` for another label.
fn form_label(label: &str) -> Option<&'static str> {
    let f = folded(label).replace("(s)", "");
    if COUNTRY_LABELS.contains(&f.as_str()) {
        Some("country")
    } else if RECIPIENT_LABELS.contains(&f.as_str()) {
        Some("recipient")
    } else {
        None
    }
}

/// Sets the controller fact `f` of `d` from `cell`: nothing when placed
/// (or the same as already given), else why not (or, for a contact, what
/// of the cell it cannot hold).
fn set_fact(d: &mut Draft, f: Field, cell: &Cell) -> Vec<Msg> {
    let Some(v) = as_text(cell).and_then(|v| super::without_todo(&unlabelled_todo(Some(f), v)).0)
    else {
        return Vec::new();
    };
    let differs = |first: usize| {
        vec![Msg::new("sheetimport-differs")
            .arg("value", v.as_str())
            .arg("first", first)]
    };
    let first = d.set_at.iter().find(|x| x.0 == f).map_or(d.row, |x| x.1);
    match f {
        Field::ControllerContact => {
            let address = v
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            match &d.address {
                Some(a) if *a != address => return differs(first),
                Some(_) => {}
                None => d.address = Some(address),
            }
        }
        Field::Representative | Field::Dpo => {
            let cell = contact(&v);
            let cell_mail = cell.contact.email.clone();
            let slot = if f == Field::Dpo {
                &mut d.dpo
            } else {
                &mut d.representative
            };
            if slot.is_empty() {
                *slot = cell.contact;
            } else if *slot != cell.contact {
                return differs(first);
            }
            // The contact's e-mail and phone are the first; the others
            // are said, each kind once; so is every line the contact
            // cannot hold (a second name, a title, an address, a fax).
            let mut said = Vec::new();
            for (others, key, kept) in [
                (cell.mails, "sheetimport-f14k-contact-email", &slot.email),
                (cell.phones, "sheetimport-f14k-contact-phone", &slot.phone),
            ] {
                if !others.is_empty() {
                    said.push(
                        Msg::new(key)
                            .arg("value", others.join(" ; "))
                            .arg("n", others.len())
                            .arg("kept", kept.clone().unwrap_or_default()),
                    );
                }
            }
            // An address no mail can go to (« dpo@ »): kept as typed, for
            // `dpo check` refuses it; said at its cell.
            if let Some(e) = cell_mail
                .filter(|e| !crate::workspace::is_email(e) && !crate::workspace::is_placeholder(e))
            {
                said.push(Msg::new("sheetimport-f14v-bad-email").arg("value", e));
            }
            let name = slot.name.clone().unwrap_or_default();
            said.extend(cell.others.into_iter().map(|l| {
                Msg::new("sheetimport-f14n-contact-line")
                    .arg("value", l)
                    .arg("kept", name.as_str())
            }));
            said.extend(
                cell.numbered
                    .into_iter()
                    .map(|l| Msg::new("sheetimport-f14n-contact-number").arg("value", l)),
            );
            said.extend(
                cell.nones
                    .into_iter()
                    .map(|l| Msg::new("sheetimport-f14o-contact-none").arg("value", l)),
            );
            said.extend(
                cell.faxes
                    .into_iter()
                    .map(|l| Msg::new("sheetimport-f14n-contact-fax").arg("value", l)),
            );
            said.extend(
                cell.marks
                    .into_iter()
                    .map(|l| Msg::new("sheetimport-f14v-contact-mark").arg("value", l)),
            );
            said.extend(cell.mixed.into_iter().map(|(line, mail)| {
                Msg::new("sheetimport-f14v-contact-mixed")
                    .arg("value", line)
                    .arg("mail", mail)
            }));
            said.extend(
                cell.obfuscated
                    .into_iter()
                    .map(|l| Msg::new("sheetimport-f14q-contact-obfuscated").arg("value", l)),
            );
            return said;
        }
        Field::ConventionTitle => match &d.title {
            Some(t) if *t != v => return differs(first),
            Some(_) => {}
            None => d.title = Some(v),
        },
        Field::ConventionStart => {
            // A date typed as text is read from what is left once a line
            // « à compléter » under it is left out.
            let typed = match cell {
                Cell::Text(_) => Cell::text(v.clone()),
                _ => cell.clone(),
            };
            let day = match crate::sheet::read::date_of(&typed) {
                Ok(day) => day,
                Err(why) => return vec![super::not_a_date(&why, &v)],
            };
            match d.start {
                Some(s) if s != day => return differs(first),
                Some(_) => {}
                None => d.start = Some(day),
            }
            // A date-time cell: its time is not kept, said (as the own
            // layout says it).
            if matches!(cell, Cell::DateTime(_)) {
                let typed = as_text(cell).unwrap_or_default();
                return vec![Msg::new("sheetimport-f14e-time-dropped").arg("value", typed)];
            }
        }
        Field::ConventionMonths => {
            let Ok(n) = v.trim().parse::<u32>() else {
                return vec![Msg::new("sheetimport-bad-number").arg("value", v)];
            };
            match d.months {
                Some(m) if m != n => return differs(first),
                Some(_) => {}
                None => d.months = Some(n),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A cell's text, `None` when empty or the words for a value to complete
/// (« à compléter », « à renseigner », "TODO"… in any case, with or without
/// accents, punctuation or brackets); a line that is only them left out,
/// the other lines kept; among other words, kept as typed (said by the
/// row loop, [`super::without_todo`]).
fn given(cell: &Cell) -> Option<String> {
    as_text(cell).and_then(|v| super::without_todo(&v).0)
}

/// A contact cell's text (`f` a representative or DPO) with each line
/// that is only a label and the words for a value to give (« Tél : à
/// compléter », « Courriel : TODO ») made those words alone: a line left
/// out and said as such ([`super::without_todo`]), never a value; any
/// other field's text as it is.
fn unlabelled_todo(f: Option<Field>, v: String) -> String {
    if !matches!(f, Some(Field::Representative | Field::Dpo)) {
        return v;
    }
    let line = |l: &str| {
        [&PHONE_LABELS[..], &MAIL_LABELS, &FAX_LABELS]
            .iter()
            .find_map(|labels| unlabelled(l.trim(), labels))
            .filter(|rest| crate::model::is_todo(rest))
            .map_or_else(|| l.to_string(), str::to_string)
    };
    v.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

/// What a representative's or DPO's cell gives ([`contact`]): the contact,
/// and what it cannot hold, never dropped unsaid.
#[derive(Debug, Default)]
struct ContactCell {
    contact: Contact,
    /// The e-mail addresses after the first.
    mails: Vec<String>,
    /// The phone numbers after the first.
    phones: Vec<String>,
    /// The lines after the name that are neither an e-mail nor a phone (a
    /// second person, a title, an address): the contact has one name, and
    /// its role or address are never guessed.
    others: Vec<String>,
    /// The lines that hold a number but are neither a phone, an e-mail nor
    /// a name (« 12 rue de la Paix, 91260 Juvisy », « Jean Tél 01… »).
    numbered: Vec<String>,
    /// The fax lines: a fax is not the contact's phone.
    faxes: Vec<String>,
    /// The lines that are an e-mail address written without `@`
    /// (« jean[at]x.fr »): never guessed, never a name.
    obfuscated: Vec<String>,
    /// The lines holding an e-mail address among other words (« Jean
    /// Dupont - 01 23 45 67 89 - jean@x.fr »), each with the address taken
    /// from it: the rest of the line is not imported.
    mixed: Vec<(String, String)>,
    /// The lines that are only the « à confirmer » mark (« à confirmer »,
    /// « (?) »): never the name; a contact takes no mark in the file.
    marks: Vec<String>,
    /// The line where the name would be that says none (« Néant »,
    /// « Aucun DPO désigné », « N/A »): no name, and the model cannot say
    /// there is no such person (the field stays « à compléter »).
    nones: Vec<String>,
}

/// A contact from a cell, and the values it cannot hold: a line with `@`
/// gives e-mail addresses (a label such as « Courriel : » left out;
/// several when it holds only addresses, split at `;`, `,` or spaces, each
/// one an address lettre parses; else the line is one value, as typed, for
/// `dpo check` to judge); a line of phone numbers ([`phones_of`], a label
/// such as « Tél : » left out) gives phones, a fax line none (said); the
/// first other line is the name, unless it holds a number of six digits or
/// more. The contact has one name, one e-mail and one phone: the first of
/// each; every other line or value is returned, never joined or dropped.
fn contact(v: &str) -> ContactCell {
    let mut out = ContactCell::default();
    let (mut name, mut mails, mut phones) = (None, Vec::new(), Vec::new());
    for line in v.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.contains('@') {
            let line = unlabelled(line, &MAIL_LABELS).unwrap_or(line);
            let line = without_mailto(line);
            let parts: Vec<&str> = line
                .split(|c: char| c == ';' || c == ',' || c.is_whitespace())
                .filter(|p| !p.is_empty())
                .collect();
            let is_mail = |p: &str| p.parse::<lettre::Address>().is_ok();
            if parts.len() > 1 && parts.iter().all(|p| is_mail(p)) {
                mails.extend(parts.into_iter().map(str::to_string));
            } else if is_mail(line) {
                mails.push(line.to_string());
            } else if let Some((who, mail)) = mailbox(line).filter(|_| name.is_none()) {
                // « Jean Dupont <jean@x.fr> »: the name and its address.
                name = Some(who);
                mails.push(mail);
            } else {
                let found: Vec<String> = parts
                    .iter()
                    .map(|p| {
                        without_mailto(p.trim_matches(|c: char| "<>()[]{}\"'«»:.".contains(c)))
                    })
                    .filter(|p| is_mail(p))
                    .map(str::to_string)
                    .collect();
                match found.first() {
                    // An address among other words: the address is the
                    // e-mail, the rest is said, never guessed as a name.
                    Some(first) => {
                        out.mixed.push((line.to_string(), found.join(" ; ")));
                        mails.push(first.clone());
                        mails.extend(found.iter().skip(1).cloned());
                    }
                    // No address in it: kept for `dpo check` to judge.
                    None => mails.push(line.to_string()),
                }
            }
        } else if obfuscated_mail(line) {
            out.obfuscated.push(line.to_string());
        } else if let Some(numbers) = phones_of(line) {
            phones.extend(numbers);
        } else if unlabelled(line, &FAX_LABELS).is_some_and(|n| phones_of(n).is_some()) {
            out.faxes.push(line.to_string());
        } else if line.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.numbered.push(line.to_string());
        } else if crate::model::is_only_doubt(line) {
            out.marks.push(line.to_string());
        } else if name.is_none() && no_one(line) {
            out.nones.push(line.to_string());
        } else if name.is_none() {
            name = Some(line.to_string());
        } else {
            out.others.push(line.to_string());
        }
    }
    // The same address or number typed twice is one (an address in any
    // case: « MAIRE@a.fr » is « maire@a.fr », the first kept).
    let once = |all: Vec<String>, key: fn(&str) -> String| {
        let mut seen: Vec<String> = Vec::new();
        for v in all {
            if !seen.iter().any(|s| key(s) == key(&v)) {
                seen.push(v);
            }
        }
        seen
    };
    let mut mails = once(mails, str::to_lowercase).into_iter();
    let mut phones = once(phones, str::to_string).into_iter();
    out.contact = Contact {
        name,
        email: mails.next(),
        phone: phones.next(),
        ..Contact::default()
    };
    out.mails = mails.collect();
    out.phones = phones.collect();
    out
}

/// `line` without a `mailto:` before it (in any case).
fn without_mailto(line: &str) -> &str {
    match line.get(..7) {
        Some(head) if head.eq_ignore_ascii_case("mailto:") => line[7..].trim(),
        _ => line,
    }
}

/// The name and address of a mailbox written as e-mail programs write it,
/// « Jean Dupont <jean@x.fr> » (lettre's parser): `None` for anything
/// else, or when the name holds a digit or an `@`.
fn mailbox(line: &str) -> Option<(String, String)> {
    let m = line.parse::<lettre::message::Mailbox>().ok()?;
    let name = m.name?.trim().to_string();
    (!name.is_empty() && !name.contains('@') && !name.chars().any(|c| c.is_ascii_digit()))
        .then(|| (name, m.email.to_string()))
}

/// Whether `line` (a label such as « Courriel : » left out) is an e-mail
/// address written without `@` so that robots do not read it:
/// « jean[at]x.fr », « jean (at) x.fr », « jean at x.fr », « jean
/// [arobase] x.fr »: with `@` in place of that word (and `.` in place of
/// « [dot] », « (point) »…), it is an address lettre parses, its domain
/// with a dot, and no two words follow each other.
fn obfuscated_mail(line: &str) -> bool {
    let line = unlabelled(line, &MAIL_LABELS).unwrap_or(line);
    let lower = line.to_lowercase();
    let swap = |text: &str, words: &[&str], to: &str| {
        let mut t = format!(" {text} ");
        for w in words {
            for (open, close) in [("[", "]"), ("(", ")"), ("{", "}"), ("<", ">")] {
                t = t.replace(&format!("{open}{w}{close}"), &format!(" {to} "));
            }
            t = t.replace(&format!(" {w} "), &format!(" {to} "));
        }
        t
    };
    let at = swap(&lower, &["at", "arobase", "arobas"], "@");
    if !at.contains('@') {
        return false;
    }
    // Words and signs in turn (« Jane Doe at Acme » is a person, not an
    // address), the domain with a dot.
    let swapped = swap(&at, &["dot", "point"], ".");
    let parts: Vec<&str> = swapped.split_whitespace().collect();
    let sign = |p: &str| p == "@" || p == ".";
    if parts.windows(2).any(|w| !sign(w[0]) && !sign(w[1])) {
        return false;
    }
    let address: String = parts.concat();
    address.matches('@').count() == 1
        && address.rsplit('@').next().is_some_and(|d| d.contains('.'))
        && address.parse::<lettre::Address>().is_ok()
}

/// The labels of a phone line, folded (case and accents aside), without
/// their final `:` or `.`.
const PHONE_LABELS: [&str; 14] = [
    "tel",
    "tel portable",
    "tel mobile",
    "tel fixe",
    "tel direct",
    "telephone",
    "telephone portable",
    "telephone mobile",
    "telephone fixe",
    "ligne directe",
    "mobile",
    "portable",
    "phone",
    "gsm",
];

/// The labels of a fax line: a fax is not the contact's phone.
const FAX_LABELS: [&str; 3] = ["fax", "telecopie", "telecopieur"];

/// Other labels of a recipient's details, folded: « Microsoft, contact :
/// … » is one recipient.
const OTHER_LABELS: [&str; 7] = [
    "contact",
    "site",
    "site web",
    "url",
    "dpo",
    "adresse",
    "hebergement",
];

/// The labels of an e-mail line.
const MAIL_LABELS: [&str; 8] = [
    "courriel",
    "mel",
    "mail",
    "e-mail",
    "email",
    "adresse electronique",
    "adresse mail",
    "adresse e-mail",
];

/// `line` without its label when it starts with one of `labels` (case
/// and accents aside, the label's `.`, `:` or `-` after it), `None` when
/// it does not: « Tél. : 01 23… » is « 01 23… ».
fn unlabelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let end = line
        .find(|c: char| c.is_ascii_digit() || c == '+' || c == '@')
        .unwrap_or(line.len());
    // An e-mail's label ends at its colon (the address has letters).
    let end = line[..end].rfind(':').map_or(end, |c| c + 1);
    let label = folded(&line[..end]).replace('.', " ");
    let label = label.trim_end_matches([':', ' ', '-', '\u{a0}', '\u{202f}']);
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    (!label.is_empty() && labels.contains(&label.as_str())).then(|| line[end..].trim())
}

/// The phone numbers of a line: one number ([`is_phone`], an extension
/// such as « poste 12 » kept with it), or several separated by `/`, `;`,
/// `,` or « ou », a phone label before them left out; `None` when the line
/// is not only that.
fn phones_of(line: &str) -> Option<Vec<String>> {
    let line = unlabelled(line, &PHONE_LABELS).unwrap_or(line);
    let parts: Vec<&str> = line
        .split(['/', ';', ','])
        .flat_map(|p| p.split(" ou "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 && parts.iter().all(|p| is_phone(p)) {
        return Some(parts.into_iter().map(str::to_string).collect());
    }
    (is_phone(line) || is_phone_with_extension(line)).then(|| vec![line.to_string()])
}

/// A cell's lines, trimmed, a list marker that starts one left out, empty
/// ones left out. A marker is a bullet (`-`, `•`, `*`, `–`, `—`, `·`), a
/// number of up to three digits followed by `.` or `)` (`1.`, `2)`), or a
/// letter followed by `)` (`a)`), then a space: « 2 sauvegardes par jour »
/// and « 3DES » keep their number.
fn lines(v: Option<String>) -> Vec<String> {
    v.iter()
        .flat_map(|v| v.lines())
        .map(|l| unmarked_item(l.trim()))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `line` without the list marker that starts it ([`lines`]), trimmed.
pub(super) fn unmarked_item(line: &str) -> &str {
    let marker = match line.find(char::is_whitespace) {
        Some(end) => &line[..end],
        None => return line,
    };
    let mut cs = marker.chars();
    let bullet =
        matches!(cs.next(), Some('-' | '•' | '*' | '–' | '—' | '·')) && cs.next().is_none();
    let numbered = match marker.char_indices().last() {
        Some((end, '.' | ')')) => {
            let body = &marker[..end];
            (1..=3).contains(&body.len()) && body.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    let lettered = {
        let mut cs = marker.chars();
        matches!(
            (cs.next(), cs.next(), cs.next()),
            (Some(c), Some(')'), None) if c.is_alphabetic()
        )
    };
    if bullet || numbered || lettered {
        line[marker.len()..].trim()
    } else {
        line
    }
}

/// Whether a measure's line looks like two measures on one line: a `;`,
/// a tab (text pasted from two columns) or three spaces or more (of any
/// kind: no-break, em…) between two texts, or a `,` followed by a word in
/// capitals
/// (« Sauvegardes, Antivirus »; « Sauvegardes quotidiennes, chiffrées »
/// is one). It is imported as one measure, as typed, and said: splitting
/// it could cut a title that holds the sign.
pub(super) fn looks_two(line: &str) -> bool {
    let parts = |sep: char| {
        line.split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .count()
    };
    parts(';') > 1
        || parts('\t') > 1
        || {
            let mut run = 0;
            (line.trim().chars()).any(|c| {
                run = if c.is_whitespace() { run + 1 } else { 0 };
                run >= 3
            })
        }
        || line.split(',').skip(1).any(|p| {
            p.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
}

/// The two sides of a `country: recipient` line, both given, split at the
/// first `:` or `—` outside brackets: « Pas de transfert (hébergement :
/// France) » is no such line, « États-Unis (Virginie) : Microsoft » is.
fn country_recipient(line: &str) -> Option<(&str, &str)> {
    let (at, _) = super::top_level(line).find(|(_, c)| matches!(c, ':' | '—'))?;
    let sep = line[at..].chars().next().map_or(1, char::len_utf8);
    let (a, b) = (line[..at].trim(), line[at + sep..].trim());
    (!a.is_empty() && !b.is_empty()).then_some((a, b))
}

/// The sign that separates what looks like two countries in a transfer's
/// `country` (« États-Unis ; Maroc », « États-Unis, Maroc », « États-Unis /
/// Maroc », « États-Unis et Maroc », « États-Unis - Maroc », « États-Unis.
/// Maroc », « États-Unis & Maroc »), if any: `;`, `,`, `/`, ` - `, ` – `,
/// `. ` after a word that is no abbreviation (« St. Kitts », « Rép. »), or
/// « et » / « and » / `&` between two words. A hyphen without spaces is
/// none (« Bosnie-Herzégovine », « Trinité-et-Tobago »), nor are the
/// states whose name holds « et » (« Trinité et Tobago », « Antigua &
/// Barbuda »: [`JOINED_NAMES`]); a comma inside an official name
/// (« Corée, République de ») is said too: the line is imported as typed,
/// and a country is never lost unsaid.
pub(super) fn country_list(country: &str) -> Option<&'static str> {
    let two = |sep: &str| {
        country
            .split(sep)
            .filter(|p| p.trim().chars().filter(|c| c.is_alphabetic()).count() > 1)
            .count()
            > 1
    };
    let lower = country.to_lowercase();
    let words = |sep: &str| {
        lower
            .split(sep)
            .filter(|p| p.trim().chars().any(char::is_alphabetic))
            .count()
            > 1
    };
    // « États-Unis. Maroc »: the word before the full stop is no
    // abbreviation (three letters or fewer, not all capitals).
    let stop = country.match_indices(". ").any(|(i, _)| {
        let before = country[..i].split_whitespace().last().unwrap_or("");
        let letters = before.chars().filter(|c| c.is_alphabetic()).count();
        let abbreviation = letters <= 3 && before.chars().any(char::is_lowercase);
        let after = country[i + 2..]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        letters > 1 && !abbreviation && after > 1
    });
    let joined = {
        let f = folded(country).replace(['-', '.'], " ");
        let f = format!(" {f} ")
            .replace(" & ", " et ")
            .replace(" and ", " et ");
        let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
        JOINED_NAMES.contains(&f.as_str())
    };
    [
        (";", ";"),
        (",", ","),
        ("/", "/"),
        (" - ", "-"),
        (" – ", "–"),
    ]
    .into_iter()
    .find(|(sep, _)| two(sep))
    .or_else(|| stop.then_some((". ", ".")))
    .or_else(|| {
        [(" et ", "et"), (" and ", "and"), (" & ", "&")]
            .into_iter()
            .find(|(sep, _)| !joined && words(sep))
    })
    .map(|(_, said)| said)
}

/// The states and territories whose name holds « et » / « and » / `&`,
/// folded, each of these words as « et », hyphens and full stops as
/// spaces: one country, not two ([`country_list`]).
const JOINED_NAMES: [&str; 22] = [
    "trinite et tobago",
    "trinidad et tobago",
    "antigua et barbuda",
    "saint kitts et nevis",
    "st kitts et nevis",
    "saint christophe et nieves",
    "sao tome et principe",
    "bosnie et herzegovine",
    "bosnia et herzegovina",
    "saint vincent et les grenadines",
    "saint vincent et the grenadines",
    "st vincent et the grenadines",
    "saint pierre et miquelon",
    "wallis et futuna",
    "iles turques et caiques",
    "turks et caicos",
    "turks et caicos islands",
    "heard et mcdonald",
    "iles heard et mcdonald",
    "heard island et mcdonald islands",
    "svalbard et jan mayen",
    "georgie du sud et les iles sandwich du sud",
];

/// A sign as the report names it: a tab or a run of spaces, which show
/// nothing, by their name beside « ⇥ » or « ␣␣␣ ».
pub(super) fn sign(sep: &'static str) -> crate::render::catalog::MsgArg {
    match sep {
        "⇥" => Msg::new("sheetimport-tab-sign").into(),
        "␣␣␣" => Msg::new("sheetimport-spaces-sign").into(),
        _ => sep.into(),
    }
}

/// The length (in bytes) of the run of three spaces or more (of any kind:
/// no-break, em…) `text` begins with, if it does.
fn spaces_run(text: &str) -> Option<usize> {
    let run: usize = (text.chars())
        .take_while(|c| c.is_whitespace() && *c != '\n')
        .map(char::len_utf8)
        .sum();
    (text[..run].chars().count() >= 3).then_some(run)
}

/// The sign after which a transfer's `recipient` holds another `country:
/// recipient` (« Microsoft, Maroc : X »: `,`), if any: `;`, `,`, `/`,
/// ` - `, `. `, « et » / « and », ` – `, ` — `, ` | `, ` + `, ` & `, a
/// tab (said « ⇥ ») or three spaces (said « ␣␣␣ ») outside brackets,
/// followed by a side of at most four words, with no digit nor `@`, that
/// is no negation, then a `:`.
pub(super) fn second_transfer(recipient: &str) -> Option<&'static str> {
    for (i, _) in super::top_level(recipient) {
        let rest = &recipient[i..];
        let sep = [
            (";", ";"),
            (",", ","),
            ("/", "/"),
            (" - ", "-"),
            (". ", "."),
            (" et ", "et"),
            (" ET ", "ET"),
            (" Et ", "Et"),
            (" and ", "and"),
            (" AND ", "AND"),
            (" – ", "–"),
            (" — ", "—"),
            (" | ", "|"),
            (" + ", "+"),
            (" & ", "&"),
        ]
        .into_iter()
        .find(|(sep, _)| rest.starts_with(sep));
        let Some((typed, said)) = sep
            .map(|(typed, said)| (typed.len(), said))
            .or(rest.starts_with('\t').then_some((1, "⇥")))
            .or(spaces_run(rest).map(|n| (n, "␣␣␣")))
        else {
            continue;
        };
        let Some((country, to)) = country_recipient(&rest[typed..]) else {
            continue;
        };
        // « Microsoft, contact : dpo@x.com » gives the recipient's contact,
        // not a second transfer.
        let label = folded(country);
        let contact = to.contains('@')
            || to.contains("://")
            || phones_of(to.trim()).is_some()
            || [&PHONE_LABELS[..], &MAIL_LABELS, &FAX_LABELS, &OTHER_LABELS]
                .iter()
                .any(|labels| labels.contains(&label.as_str()));
        let plausible = country.split_whitespace().count() <= 4
            && !country.chars().any(|c| c.is_ascii_digit() || c == '@')
            && !negated(country)
            && !contact;
        if plausible {
            return Some(said);
        }
    }
    None
}

/// Whether a transfers cell says there are none ([`is_none_word`], each
/// of its lines or its lines as one phrase) and holds no `country: recipient`
/// line: « Pas de transfert » followed by « États-Unis : Microsoft »
/// lists a transfer, never none.
fn is_none_cell(v: &str) -> bool {
    let lines = lines(Some(v.to_string()));
    !v.lines().any(|l| country_recipient(l).is_some())
        && (lines.iter().all(|l| is_none_word(l))
            // A phrase wrapped over lines (« Aucun transfert⏎hors UE »).
            || is_none_word(&lines.join(" ")))
}

/// Whether a transfers cell says none on a line and, on another, that
/// the value is still to give (« Aucun⏎? », « Néant⏎à compléter »): a
/// doubt beside « none », which is then no established « none ».
fn none_beside_todo(raw: &str) -> bool {
    raw.lines()
        .any(|l| !l.trim().is_empty() && crate::model::is_todo(l))
        && super::without_todo(raw)
            .0
            .is_some_and(|kept| is_none_cell(&kept))
}

/// The fields of a category of processing, whose `to_confirm` flag a
/// « (à confirmer) » mark sets.
const CATEGORY_FIELDS: [Field; 4] = [
    Field::Category,
    Field::Description,
    Field::DataCategories,
    Field::Measures,
];

/// A category field's `cell` without its « (à confirmer) » mark
/// ([`unmarked_cell`]) and without its lines that are only the mark
/// (« à confirmer », « (?) »: the field's flag, no value); `None` when it
/// has neither.
fn category_cell(words: &super::own::Words, cell: &Cell) -> Option<Cell> {
    let v = match cell {
        Cell::Text(v) | Cell::Marked(v, _) => v,
        _ => return None,
    };
    if !v.lines().any(|l| words.only_mark(l)) {
        return unmarked_cell(words, cell);
    }
    let kept: Vec<&str> = v.lines().filter(|l| !words.only_mark(l)).collect();
    let kept = kept.join("\n");
    let kept = without_mark(words, &kept).unwrap_or(kept);
    Some(match cell {
        Cell::Marked(_, m) if !kept.trim().is_empty() => Cell::Marked(kept, *m),
        _ if kept.trim().is_empty() => Cell::Empty,
        _ => Cell::Text(kept),
    })
}

/// `cell` without its « (à confirmer) » mark (on any of its lines, in
/// either language, whatever its case), `None` when it has none.
fn unmarked_cell(words: &super::own::Words, cell: &Cell) -> Option<Cell> {
    match cell {
        Cell::Text(v) => without_mark(words, v).map(Cell::Text),
        Cell::Marked(v, m) => without_mark(words, v).map(|v| Cell::Marked(v, *m)),
        _ => None,
    }
}

/// A transfers cell without its « (à confirmer) » mark (on any of its
/// lines, in either language, whatever its case), `None` when it has none.
fn without_mark(words: &super::own::Words, v: &str) -> Option<String> {
    let mut marked = false;
    let lines: Vec<String> = v
        .lines()
        .map(|l| match words.strip_mark(l) {
            Some((kept, _)) => {
                marked = true;
                kept
            }
            None => l.to_string(),
        })
        .collect();
    marked.then(|| lines.join("\n"))
}

/// Whether the country side of a `country: recipient` line is a negation
/// and not a country (« Non : aucun transfert », « Aucun : données
/// hébergées en France », « Néant, sauf Maroc : … », « Non-UE : … »; its
/// first word ends at a space, a hyphen or a sign): such a line is not
/// understood, said, never imported as a transfer to « Non » (nor to
/// « Nulle part »).
pub(super) fn negated(country: &str) -> bool {
    const FIRST: [&str; 18] = [
        "aucun", "aucune", "neant", "non", "no", "none", "pas", "sans", "rien", "nil", "nothing",
        "nulle", "nowhere", "not", "n/a", "na", "0", "/",
    ];
    let f = folded(country);
    // The first word, whatever sign follows it (« None? », « N/A ? »).
    let first = f
        .split(|c: char| c.is_whitespace() || ",.;-–?!*()".contains(c))
        .next()
        .unwrap_or("");
    is_none_word(country) || FIRST.contains(&first)
}

/// Whether a contact's name line says there is none: a word for none or
/// a negation (« Néant », « Non désigné », « Pas de DPO », « N/A »), also
/// after the contact's role (« DPO non désigné à ce jour »).
pub(super) fn no_one(line: &str) -> bool {
    const ROLE: [&str; 10] = [
        "dpo",
        "dpd",
        "delegue",
        "representant",
        "a",
        "la",
        "protection",
        "des",
        "donnees",
        "rgpd",
    ];
    let f = folded(line);
    let rest: Vec<&str> = f
        .split_whitespace()
        .skip_while(|w| {
            let w = w.trim_end_matches(':');
            w.is_empty() || ROLE.contains(&w)
        })
        .collect();
    is_none_word(line)
        || negated(line)
        || (rest.len() < f.split_whitespace().count()
            // A word after the role, not a number or a sign: « DPO 0 » is
            // a name.
            && rest.first().is_some_and(|w| w.chars().any(char::is_alphabetic))
            && negated(&rest.join(" ")))
}

/// Whether a transfers cell says there are none: « aucun » in either
/// language, or another negation or « not applicable » as people type it
/// (« Néant », « N/A », « Sans objet », « Pas de transfert », « Aucun
/// transfert hors UE », « / », « 0 »…), whatever its case, accents and
/// final full stop.
pub(super) fn is_none_word(v: &str) -> bool {
    let v = folded(v);
    let v = v.trim_end_matches(['.', '!', ';']).trim();
    let said = [Lang::Fr, Lang::En].map(|l| folded(Catalog::of(l).get("none")));
    const NONE: [&str; 25] = [
        "aucune",
        "neant",
        "non",
        "no",
        "none",
        "nil",
        "nothing",
        "rien",
        "sans",
        "-",
        "–",
        "—",
        "/",
        "0",
        "n/a",
        "na",
        "n.a",
        "n/d",
        "so",
        "s.o",
        "s/o",
        "sans objet",
        "non applicable",
        "not applicable",
        "pas de transfert",
    ];
    const PREFIX: [&str; 10] = [
        "aucun transfert",
        "aucune transfert",
        "pas de transfert",
        "pas de transferts",
        "sans transfert",
        "sans transferts",
        "no transfer",
        "no transfers",
        "none ",
        "none,",
    ];
    // « Aucun transfert hors UE » is none, and so is « Pas de transfert
    // (hébergement : France) »: what follows the words is, whole, one of
    // the phrases that only say where the data stay (its words folded,
    // signs as spaces). Anything else (« sauf Maroc », « unless »,
    // « données hébergées hors UE », « hors hébergement ») may name a
    // transfer: the cell is then no « none » (read as transfers, said).
    const QUALIFIED: [&str; 43] = [
        "",
        "hors ue",
        "hors de l ue",
        "hors union europeenne",
        "hors de l union europeenne",
        "en dehors de l ue",
        "en dehors de l union europeenne",
        "hors eee",
        "hors de l eee",
        "hors ue eee",
        "hors ue ou eee",
        "hors ue et eee",
        "hors de l ue ou de l eee",
        "hors espace economique europeen",
        "hors de l espace economique europeen",
        "vers un pays tiers",
        "vers des pays tiers",
        "vers les pays tiers",
        "vers pays tiers",
        "hors ue vers un pays tiers",
        "hebergement france",
        "hebergement en france",
        "hebergement ue",
        "hebergement en ue",
        "hebergement dans l ue",
        "donnees hebergees en france",
        "donnees hebergees en ue",
        "donnees hebergees dans l ue",
        "hors ue hebergement france",
        "hors ue hebergement en france",
        "hors ue donnees hebergees en france",
        "outside the eu",
        "outside the eea",
        "outside the eu eea",
        "outside the eu or eea",
        "outside the european union",
        "to third countries",
        "to a third country",
        "data hosted in france",
        "data hosted in the eu",
        "outside the eu data hosted in france",
        "outside the eu data hosted in the eu",
        "hosted in the eu",
    ];
    // A sign that is no punctuation of a phrase: no « none » ([`super::plain`]).
    let prefixed = PREFIX.iter().any(|p| {
        v.strip_prefix(p)
            .filter(|rest| super::plain(rest))
            .is_some_and(|rest| {
                let words: Vec<&str> = rest
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                QUALIFIED.contains(&words.join(" ").as_str())
            })
    });
    said.iter().any(|s| s == v) || NONE.contains(&v) || prefixed
}

/// The controller file of a draft, as YAML: the convention's start and
/// term left out when the sheet does not give them, so that `dpo check`
/// names what is to complete instead of a date being made up; its title
/// then « à compléter ».
fn controller_value(d: Draft, lang: Lang) -> serde_yaml::Value {
    let (start, months) = (d.start, d.months);
    let c = Controller {
        name: d.name,
        name_with_article: None,
        address: d.address,
        siret: None,
        representative: d.representative,
        dpo: d.dpo,
        contacts: Default::default(),
        convention: Convention {
            title: d
                .title
                .unwrap_or_else(|| Catalog::of(lang).get("todo").to_string()),
            reference: None,
            act: None,
            act_date: None,
            enforceable_on: None,
            start: start.unwrap_or_default(),
            term_months: months.unwrap_or_default(),
            // Never given by this layout: not known, never stated as 0.
            renewals_allowed: None,
            renewal_notice_months: None,
            renewals: Vec::new(),
        },
        activities: d.activities,
        transfers: d.transfers,
    };
    let mut v = serde_yaml::to_value(&c).unwrap_or_default();
    if let Some(conv) = v.get_mut("convention").and_then(|c| c.as_mapping_mut()) {
        if start.is_none() {
            conv.shift_remove("start");
        }
        if months.is_none() {
            conv.shift_remove("term_months");
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each problem is, and its message id.
    fn places(out: &Imported) -> Vec<(usize, Option<usize>, &'static str)> {
        out.problems
            .iter()
            .map(|p| (p.row, p.column, p.why.id))
            .collect()
    }

    fn sheet(rows: Vec<Vec<&str>>) -> ReadSheet {
        ReadSheet {
            name: "Registre".into(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::text).collect())
                .collect(),
            ..ReadSheet::default()
        }
    }

    #[test]
    fn rows_become_controllers_categories_and_measures_and_the_rest_is_reported() {
        let s = sheet(vec![
            vec!["Registre des activités de traitement (sous-traitant)"],
            vec![
                "Nom du responsable du traitement",
                "Catégories de traitements",
                "Mesures",
                "Divers",
                "Début de la convention",
            ],
            vec![
                "Ville A",
                "Paie",
                "Sauvegardes\nChiffrement",
                "",
                "01/02/2021",
            ],
            vec![],
            vec!["Ville A", "Messagerie", "Sauvegardes", "note", "2021-02-01"],
            vec!["", "Orpheline"],
            vec!["Ville B", "", "", "", "demain"],
        ]);
        let mapping: Mapping = serde_yaml::from_str("columns:\n  Mesures: measures\n").unwrap();
        let out = import(&[s], &mapping, Lang::Fr).unwrap();
        assert_eq!(out.controllers.len(), 2);
        assert_eq!(out.measures.len(), 2);
        let a = &out.controllers[0].1;
        assert_eq!(a["convention"]["start"].as_str(), Some("2021-02-01"));
        assert_eq!(a["activities"].as_sequence().unwrap().len(), 2);
        let b = &out.controllers[1].1;
        assert!(b["convention"].get("start").is_none());
        assert_eq!(
            places(&out),
            vec![
                // The title above the header row.
                (1, Some(1), "sheetimport-f14b-above-header"),
                (5, Some(4), "sheetimport-no-field"),
                (6, Some(2), "sheetimport-no-controller"),
                (7, Some(5), "sheetimport-bad-date"),
            ]
        );
    }

    #[test]
    fn safeguards_are_aligned_line_by_line_with_the_transfers_or_said() {
        let s = sheet(vec![
            vec![
                "Nom du responsable du traitement",
                "Transferts vers un pays tiers ou une organisation internationale",
                "Garanties appropriées",
            ],
            vec![
                "Ville A",
                "Suisse : H\nCanada : E",
                "adéquation\nclauses types",
            ],
            vec!["Ville B", "Suisse : H\nCanada : E", "a\nb\nc"],
        ]);
        let out = import(&[s], &Mapping::default(), Lang::Fr).unwrap();
        let a = &out.controllers[0].1["transfers"];
        assert_eq!(a[0]["safeguards"].as_str(), Some("adéquation"));
        assert_eq!(a[1]["safeguards"].as_str(), Some("clauses types"));
        let ids: Vec<(usize, &str)> = out.problems.iter().map(|p| (p.row, p.why.id)).collect();
        assert_eq!(ids, [(3, "sheetimport-f14b-safeguards-lines")]);
        assert!(out.problems[0].kept());
    }

    #[test]
    fn an_aucun_on_a_row_given_twice_cancels_nothing_and_a_contradiction_says_each_cell() {
        let s = sheet(vec![
            vec![
                "Nom du responsable du traitement",
                "Catégories de traitements",
                "Transferts vers un pays tiers ou une organisation internationale",
                "Garanties appropriées",
            ],
            vec!["A", "Paie", "Canada : E", "x"],
            vec!["A", "paie", "aucun", ""],
            vec!["B", "Paie", "aucun", ""],
            vec!["B", "Voirie", "Canada : E", "CCT"],
        ]);
        let out = import(&[s], &Mapping::default(), Lang::Fr).unwrap();
        let a = &out.controllers[0].1["transfers"];
        assert_eq!(a.as_sequence().map(Vec::len), Some(1), "{a:?}");
        let b = &out.controllers[1].1["transfers"];
        assert!(b.as_sequence().is_none(), "{b:?}");
        // What each row says, by column: row 3 is the category given
        // twice (its « aucun » included); rows 4 and 5 contradict each
        // other, row 5's safeguards going with its transfers.
        let at = |row: usize| -> Vec<(Option<usize>, &str)> {
            let all = places(&out);
            all.into_iter()
                .filter(|p| p.0 == row)
                .map(|p| (p.1, p.2))
                .collect()
        };
        let dup = "sheetimport-f14b-duplicate-row-value";
        let none = "sheetimport-f14-none-and-listed";
        assert_eq!(at(3)[1..], [(Some(3), dup)]);
        assert_eq!(at(4), [(Some(3), none)]);
        let dropped = "sheetimport-f14d-safeguards-dropped";
        assert_eq!(at(5), [(Some(3), none), (Some(4), dropped)]);
        assert_eq!(places(&out).len(), 5);
        assert!(out.problems.iter().all(|p| !p.kept()));
    }

    #[test]
    fn list_markers_are_left_out_but_a_leading_number_of_a_title_is_kept() {
        for (typed, item) in [
            ("- Sauvegardes", "Sauvegardes"),
            ("• Antivirus", "Antivirus"),
            ("1. Sauvegardes", "Sauvegardes"),
            ("2) Chiffrement", "Chiffrement"),
            ("10.  Pare-feu", "Pare-feu"),
            ("a) Antivirus", "Antivirus"),
            ("2 sauvegardes par jour", "2 sauvegardes par jour"),
            ("3DES", "3DES"),
            ("1.5 Go", "1.5 Go"),
            ("2021. Bilan", "2021. Bilan"),
            ("-Pare-feu", "-Pare-feu"),
            ("ab) x", "ab) x"),
            ("1.", "1."),
        ] {
            assert_eq!(unmarked_item(typed), item, "{typed}");
        }
    }

    #[test]
    fn a_contact_cell_keeps_one_email_and_one_phone_and_gives_back_the_others() {
        let c = contact(
            "Jean Maire\nmaire@a.fr ; cabinet@a.fr\n01 23 45 67 89\nsec@a.fr\n+33 6 00 00 00 00",
        );
        assert_eq!(c.contact.name.as_deref(), Some("Jean Maire"));
        assert_eq!(c.contact.email.as_deref(), Some("maire@a.fr"));
        assert_eq!(c.contact.phone.as_deref(), Some("01 23 45 67 89"));
        assert_eq!(c.mails, ["cabinet@a.fr", "sec@a.fr"]);
        assert_eq!(c.phones, ["+33 6 00 00 00 00"]);
        // A label before an address is left out; words around it give the
        // address, the line said; a mailbox gives a name and its address.
        let c = contact("Courriel : dpo@a.fr");
        assert_eq!(c.contact.email.as_deref(), Some("dpo@a.fr"));
        assert!(c.mixed.is_empty());
        let c = contact("écrire à dpo@a.fr");
        assert_eq!(c.contact.email.as_deref(), Some("dpo@a.fr"));
        assert!(c.mails.is_empty() && c.contact.name.is_none());
        assert_eq!(
            c.mixed,
            [("écrire à dpo@a.fr".to_string(), "dpo@a.fr".to_string())]
        );
        let c = contact(
            "Jean Dupont <jean@a.fr>
MAILTO:cab@a.fr",
        );
        assert_eq!(c.contact.name.as_deref(), Some("Jean Dupont"));
        assert_eq!(c.contact.email.as_deref(), Some("jean@a.fr"));
        assert_eq!(c.mails, ["cab@a.fr"]);
        assert!(c.mixed.is_empty());
        // No address in it: kept whole, for `dpo check` to judge.
        let c = contact("dpo@");
        assert_eq!(c.contact.email.as_deref(), Some("dpo@"));
        // A short number is not a phone: it stays in the name.
        let c = contact("Bureau 12");
        assert_eq!(c.contact.name.as_deref(), Some("Bureau 12"));
        assert!(c.phones.is_empty() && c.contact.phone.is_none());
    }

    #[test]
    fn a_contact_cell_has_one_name_and_its_labelled_or_listed_phones() {
        let c = contact("Jean Rep\nJeanne Autre\nMaire");
        assert_eq!(c.contact.name.as_deref(), Some("Jean Rep"));
        assert_eq!(c.others, ["Jeanne Autre", "Maire"]);
        assert!(c.contact.role.is_none());
        for (typed, phone) in [
            ("Tél : 01 23 45 67 89", "01 23 45 67 89"),
            ("Tél. 01 23 45 67 89", "01 23 45 67 89"),
            ("TEL.: 01 23 45 67 89", "01 23 45 67 89"),
            ("Téléphone : +33 1 23 45 67 89", "+33 1 23 45 67 89"),
            ("Tél. portable : 06 11 22 33 44", "06 11 22 33 44"),
            ("Mobile 06 11 22 33 44", "06 11 22 33 44"),
            ("Portable : 06 11 22 33 44", "06 11 22 33 44"),
            ("Phone: +33 6 11 22 33 44", "+33 6 11 22 33 44"),
            ("01 23 45 67 89 poste 12", "01 23 45 67 89 poste 12"),
            ("01/23/45/67/89", "01/23/45/67/89"),
        ] {
            let c = contact(&format!("Jean Rep\n{typed}"));
            assert_eq!(c.contact.phone.as_deref(), Some(phone), "{typed}");
            assert_eq!(c.contact.name.as_deref(), Some("Jean Rep"), "{typed}");
            assert!(c.others.is_empty() && c.numbered.is_empty(), "{typed}");
        }
        for typed in [
            "01 23 45 67 89 / 06 11 22 33 44",
            "01 23 45 67 89 ; 06 11 22 33 44",
            "01 23 45 67 89, 06 11 22 33 44",
            "01 23 45 67 89 ou 06 11 22 33 44",
            "Tél : 01 23 45 67 89 / 06 11 22 33 44",
        ] {
            let c = contact(typed);
            assert_eq!(
                c.contact.phone.as_deref(),
                Some("01 23 45 67 89"),
                "{typed}"
            );
            assert_eq!(c.phones, ["06 11 22 33 44"], "{typed}");
            assert!(c.contact.name.is_none(), "{typed}");
        }
        // A fax is not the phone; an address is not the name.
        let c = contact("Fax : 01 23 45 67 80\n12 rue de la Paix, 91260 Juvisy\nJean Rep");
        assert_eq!(c.faxes, ["Fax : 01 23 45 67 80"]);
        assert_eq!(c.numbered, ["12 rue de la Paix, 91260 Juvisy"]);
        assert_eq!(c.contact.name.as_deref(), Some("Jean Rep"));
        assert!(c.contact.phone.is_none());
        // A word that merely starts like a label is a name.
        let c = contact("Telma Durand");
        assert_eq!(c.contact.name.as_deref(), Some("Telma Durand"));
    }

    #[test]
    fn a_role_then_a_negation_is_no_one_but_a_role_then_a_number_is_a_name() {
        for none in [
            "Néant",
            "DPO non désigné à ce jour",
            "DPO : N/A",
            "Pas de DPO",
        ] {
            assert!(no_one(none), "{none}");
        }
        for name in [
            "DPO 0",
            "DPO 12",
            "Délégué 3",
            "Nolwenn Le Gall",
            "Aucouturier",
        ] {
            assert!(!no_one(name), "{name}");
        }
    }

    #[test]
    fn labels_are_no_countries_and_joined_names_are_one_country() {
        for label in [
            "Contact",
            "Tél",
            "Tel.",
            "Garanties",
            "NB",
            "N.B.",
            "Pays",
            "Voir annexe",
            "Organisme",
            "Base légale",
            "Hébergeur",
            "Destinataire(s)",
            "Transfert",
            "Pays d'hébergement",
            "Date",
        ] {
            assert_eq!(label_side(label), Some("label"), "{label}");
        }
        assert_eq!(
            form_pair("Pays d'hébergement : États-Unis", "Hébergeur : Microsoft"),
            Some(("États-Unis".to_string(), "Microsoft".to_string()))
        );
        assert_eq!(label_side("Zone 2"), Some("digit"));
        for country in [
            "Tel Aviv",
            "Organisation mondiale de la santé",
            "Pays-Bas",
            "Pays de Galles",
            "États-Unis (2 sites)",
        ] {
            assert_eq!(label_side(country), None, "{country}");
        }
        for one in [
            "Rép. dém. du Congo",
            "St. Kitts-et-Nevis",
            "Antigua & Barbuda",
            "Trinidad and Tobago",
            "Bosnie-Herzégovine",
        ] {
            assert_eq!(country_list(one), None, "{one}");
        }
        for (two, sep) in [
            ("États-Unis & Maroc", "&"),
            ("États-Unis - Maroc", "-"),
            ("États-Unis – Maroc", "–"),
            ("USA. Maroc", "."),
        ] {
            assert_eq!(country_list(two), Some(sep), "{two}");
        }
        assert!(obfuscated_mail("jean[at]x.fr"));
        assert!(obfuscated_mail("Courriel : jean (at) x (dot) fr"));
        assert!(!obfuscated_mail("Jane Doe at Acme"));
        assert!(!obfuscated_mail("Jean Dupont"));
    }

    #[test]
    fn a_sheet_without_the_controller_column_is_not_this_layout() {
        let s = sheet(vec![vec!["a", "Catégories de traitements"]]);
        assert!(import(&[s], &Mapping::default(), Lang::Fr).is_none());
    }

    #[test]
    fn a_mapping_names_only_known_fields_and_says_where() {
        let e = Mapping::parse("m.yaml", "columns:\n  X: nothing\n").unwrap_err();
        let ImportError::Mapping {
            line, column, why, ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!(
            (line, column, why.id),
            (2, 3, "sheetimport-f14b-mapping-field")
        );
        let e = Mapping::parse("m.yaml", "colonnes:\n  X: measures\n").unwrap_err();
        assert!(matches!(e, ImportError::Mapping { line: 1, .. }), "{e:?}");
        let e = Mapping::parse("m.yaml", "columns:\n\tX: measures\n").unwrap_err();
        assert!(matches!(e, ImportError::Mapping { line: 2, .. }), "{e:?}");
        let m = Mapping::parse("m.yaml", "columns:\n  \"Mesures\": measures\n").unwrap();
        assert_eq!(m.columns.get("Mesures"), Some(&Field::Measures));
    }

    #[test]
    fn a_second_column_of_one_field_is_said_at_each_value() {
        let s = sheet(vec![
            vec![
                "Nom du responsable du traitement",
                "Catégories de traitements",
                "Catégories de traitements",
            ],
            vec!["Commune A", "Paie", "Voirie"],
            vec!["Commune A", "État civil", ""],
        ]);
        let out = import(&[s], &Mapping::default(), Lang::Fr).unwrap();
        assert_eq!(
            places(&out),
            [(2, Some(3), "sheetimport-f14e-header-twice")]
        );
        let said = Catalog::of(Lang::Fr).msg(&out.problems[0].why);
        assert!(
            said.contains("Voirie") && said.contains("colonne B"),
            "{said}"
        );
        assert_eq!(out.controllers.len(), 1);
    }
}
