//! The register as a workbook ([`crate::sheet::Workbook`]) for the ODS and
//! XLSX export, and the layout `dpo import` reads back.
//!
//! # Layout (the contract with the import)
//!
//! Headers and sheet names are in the run's language; every column has a
//! stable [`Column::key`], the same in every language: the YAML path of the
//! field it holds (`controller.convention.start`). The import recognises a
//! sheet by its columns: it builds its header → key map from the column
//! lists of this module ([`processor_columns`], [`controllers_columns`],
//! [`activity_columns`], [`subprocessor_columns`], [`measure_columns`])
//! called with BOTH languages' catalogs.
//!
//! Sheets, in order:
//! 1. the processor: three columns, `sheets-col-field` (the label a person
//!    reads), `sheets-col-value`, `sheets-col-key`; a row is KEYED by its
//!    third cell, the field's path in `processor.yaml` (`name`,
//!    `representative.email`, `language`…, see [`PROCESSOR_FIELDS`]), never
//!    by its label. Three more rows, keyed `register.date`,
//!    `register.edition` and `register.version`, describe the register and
//!    are not imported.
//! 2. the controllers: one row each, every field of the controller file but
//!    `activities` and `transfers` (keys `controller.id`,
//!    `controller.representative.name`, `controller.contacts.breach.email`,
//!    `controller.convention.term_months`…). `controller.convention.renewals`
//!    holds one renewal per line, `DECIDED_ON, MONTHS, REFERENCE` (ISO date,
//!    a whole number, the reference optional and taken whole after the
//!    second comma).
//! 3. one sheet per controller, named after it ([`crate::sheet::sheet_name`]):
//!    one row per category of processing with the CSV's columns, the
//!    controller's and the processor's contacts as one line each, the
//!    systems, data categories, sub-processors (by name) and measures (by
//!    title) one per line — a name another one shares followed by its id,
//!    `Acme SAS (acme-a)`; the controller's transfers in six aligned
//!    columns, one transfer per line in each (`transfer.country`,
//!    `transfer.recipient`, `transfer.purpose`, `transfer.legal_basis`,
//!    `transfer.safeguards`, `transfer.instruction`: a line whose
//!    instruction is not empty was logged with that instruction and is not
//!    in the controller file). A controller with no category has one row
//!    with its category columns empty. A system shown as another category's
//!    name is that category's id in the file.
//! 4. the sub-processors concerning the controllers exported, every field
//!    (`subprocessor.id` first; `controllers` ids one per line, only those
//!    of the controllers exported: a per-controller export names no other).
//! 5. the security measures, every field (`measure.id` first;
//!    `last_tested` a date).
//!
//! A one-item-per-line cell (a list, the transfer columns, the renewals)
//! never lets an item spill onto the next line: in each item a line break
//! is written `\n` and a backslash `\\` ([`crate::sheet::escape_item`]);
//! the import undoes it ([`crate::sheet::unescape_item`]).
//!
//! Cells: where the register or `dpo check` says « à compléter » the cell
//! is [`Mark::Missing`] with those words (a contact the register shows
//! with « coordonnées « à compléter » » has its e-mail and phone cells so;
//! a measure's owner, evidence, last check and interval as the status
//! workbook shows them); a value of a field the record lists
//! in `to_confirm` is [`Mark::Assumed`], written `value (à confirmer)` as
//! the CSV writes it. An empty list is the catalog's « aucun »; transfers
//! left out of the controller file (not known yet) are a missing
//! `transfer.country`, `transfers: []` is « aucun » there. Dates are
//! [`Cell::Date`], months and counts [`Cell::Number`], a language its code
//! (`fr`, `en`).

use chrono::{DateTime, NaiveDate, Utc};

use super::{ControllerEntry, Register};
use crate::model::assumption::{mark, FieldName};
use crate::model::{Contact, Controller, Id, Processor, SecurityMeasure, SubProcessor};
use crate::render::catalog::Catalog;
use crate::sheet::{escape_item, sheet_name, Cell, Column, Mark, Sheet, Workbook};

/// The fields of `processor.yaml` in the processor sheet, in order: the
/// row's key (third cell) and the catalog id of its label.
pub const PROCESSOR_FIELDS: &[&str] = &[
    "name",
    "name_with_article",
    "short_name",
    "legal_form",
    "address",
    "phone",
    "email",
    "siret",
    "ape",
    "representative.name",
    "representative.role",
    "representative.email",
    "representative.phone",
    "representative.address",
    "dpo.name",
    "dpo.role",
    "dpo.email",
    "dpo.phone",
    "dpo.address",
    "place",
    "timezone",
    "language",
];

/// The rows about the register itself, after the processor's (not
/// imported).
pub const REGISTER_ROWS: &[&str] = &["register.date", "register.edition", "register.version"];

/// The five fields of a [`Contact`], in the order of its columns.
const CONTACT_FIELDS: &[&str] = &["name", "role", "email", "phone", "address"];

/// The contacts of a controller file, in the order of their columns.
const CONTROLLER_CONTACTS: &[&str] = &[
    "representative",
    "dpo",
    "contacts.breach",
    "contacts.data_subject_requests",
    "contacts.it_coordinator",
    "contacts.notices",
];

/// The fields of a convention, in the order of their columns.
const CONVENTION_FIELDS: &[&str] = &[
    "title",
    "reference",
    "act",
    "act_date",
    "enforceable_on",
    "start",
    "term_months",
    "renewals_allowed",
    "renewal_notice_months",
    "renewals",
];

/// The catalog id of a path's label: `sheets-f-` and the path with `-`.
fn label_id(path: &str) -> String {
    format!("sheets-f-{}", path.replace(['.', '_'], "-"))
}

/// A column keyed `key` whose header is the label of `path`.
fn column(cat: &Catalog, key: String, path: &str) -> Column {
    Column {
        header: cat.get(&label_id(path)).to_string(),
        key,
    }
}

/// The label of the field `path` of a contact `who` (`dpo.email`): the
/// contact's label and the field's.
fn contact_label(cat: &Catalog, who: &str, field: &str) -> String {
    cat.fmt(
        "sheets-contact-field",
        &[
            ("who", cat.get(&label_id(who)).into()),
            (
                "field",
                cat.get(&label_id(&format!("contact.{field}"))).into(),
            ),
        ],
    )
}

/// The label of a `processor.yaml` path (a contact's field named with its
/// contact).
fn processor_label(cat: &Catalog, path: &str) -> String {
    match path.split_once('.') {
        Some((who, field)) => contact_label(cat, who, field),
        None => cat.get(&label_id(path)).to_string(),
    }
}

/// The label (column A, « rubrique ») of the processor sheet's row keyed
/// `key`, one of [`PROCESSOR_FIELDS`] or [`REGISTER_ROWS`]: the import
/// finds a row by it when the key column is gone.
pub fn processor_row_label(cat: &Catalog, key: &str) -> String {
    if REGISTER_ROWS.contains(&key) {
        cat.get(&label_id(key)).to_string()
    } else {
        processor_label(cat, key)
    }
}

/// The columns of the processor sheet.
pub fn processor_columns(cat: &Catalog) -> Vec<Column> {
    ["field", "value", "key"]
        .iter()
        .map(|k| {
            let id = format!("sheets-col-{k}");
            Column {
                header: cat.get(&id).to_string(),
                key: id,
            }
        })
        .collect()
}

/// The columns of the controllers sheet.
pub fn controllers_columns(cat: &Catalog) -> Vec<Column> {
    let mut cols: Vec<Column> = ["id", "name", "name_with_article", "address", "siret"]
        .iter()
        .map(|f| column(cat, format!("controller.{f}"), f))
        .collect();
    for who in CONTROLLER_CONTACTS {
        for field in CONTACT_FIELDS {
            cols.push(Column {
                key: format!("controller.{who}.{field}"),
                header: contact_label(cat, who, field),
            });
        }
    }
    cols.extend(CONVENTION_FIELDS.iter().map(|f| {
        let path = format!("convention.{f}");
        column(cat, format!("controller.{path}"), &path)
    }));
    cols
}

/// The columns of a controller's sheet (its categories of processing).
pub fn activity_columns(cat: &Catalog) -> Vec<Column> {
    [
        ("controller.id", "csv_headers-1"),
        ("controller.name", "csv_headers-2"),
        ("controller.address", "csv_headers-3"),
        ("controller.representative", "csv_headers-4"),
        ("controller.dpo", "csv_headers-5"),
        ("activity.id", "csv_headers-6"),
        ("activity.name", "csv_headers-7"),
        ("activity.description", "csv_headers-8"),
        ("activity.systems", "csv_headers-9"),
        ("activity.data_categories", "csv_headers-10"),
        ("activity.subprocessors", "csv_headers-11"),
        ("activity.security_measures", "csv_headers-12"),
        ("transfer.country", "sheets-f-transfer-country"),
        ("transfer.recipient", "sheets-f-transfer-recipient"),
        ("transfer.purpose", "sheets-f-transfer-purpose"),
        ("transfer.legal_basis", "sheets-f-transfer-legal-basis"),
        ("transfer.safeguards", "sheets-f-transfer-safeguards"),
        ("transfer.instruction", "sheets-f-transfer-instruction"),
        ("processor.name", "csv_headers-14"),
        ("processor.representative", "csv_headers-15"),
        ("processor.dpo", "csv_headers-16"),
    ]
    .iter()
    .map(|(key, id)| Column {
        key: (*key).to_string(),
        header: cat.get(id).to_string(),
    })
    .collect()
}

/// The columns of the sub-processors sheet.
pub fn subprocessor_columns(cat: &Catalog) -> Vec<Column> {
    let mut cols: Vec<Column> = ["id", "name", "address"]
        .iter()
        .map(|f| column(cat, format!("subprocessor.{f}"), f))
        .collect();
    cols.extend(CONTACT_FIELDS.iter().map(|f| Column {
        key: format!("subprocessor.contact.{f}"),
        header: contact_label(cat, "contact", f),
    }));
    cols.extend(
        [
            "activities",
            "controllers",
            "contract.reference",
            "contract.start",
            "contract.end",
            "location",
            "guarantees",
        ]
        .iter()
        .map(|f| column(cat, format!("subprocessor.{f}"), f)),
    );
    cols
}

/// The columns of the security measures sheet.
pub fn measure_columns(cat: &Catalog) -> Vec<Column> {
    [
        "id",
        "title",
        "description",
        "clause",
        "owner",
        "evidence",
        "last_tested",
        "test_interval_months",
    ]
    .iter()
    .map(|f| column(cat, format!("measure.{f}"), f))
    .collect()
}

/// The words the cells use, from the catalog (the CSV's).
struct Words<'a> {
    todo: &'a str,
    none: &'a str,
    to_confirm: &'a str,
}

impl Words<'_> {
    /// `v`, or « à compléter » marked missing when blank.
    fn required(&self, v: Option<&str>) -> Cell {
        match v.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Cell::Text(s.to_string()),
            None => self.missing(),
        }
    }

    fn missing(&self) -> Cell {
        Cell::Marked(self.todo.to_string(), Mark::Missing)
    }

    /// A date, or « à compléter ».
    fn date(&self, d: Option<NaiveDate>) -> Cell {
        d.map_or_else(|| self.missing(), Cell::Date)
    }

    /// `cell` as an assumption when `field` is in `assumed`: its text
    /// followed by « (à confirmer) »; a missing value stays missing, with
    /// the mark too (« à compléter (à confirmer) »: the flag survives the
    /// round trip).
    fn confirm<F: FieldName>(&self, cell: Cell, assumed: &[F], field: &str) -> Cell {
        if !assumed.iter().any(|f| f.name() == field) {
            return cell;
        }
        let text = match cell {
            Cell::Text(s) => s,
            Cell::Date(d) => d.to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::DateTime(t) => t.to_string(),
            Cell::Empty => String::new(),
            Cell::Marked(text, m) => {
                return Cell::Marked(mark(text, assumed, field, self.to_confirm), m)
            }
        };
        Cell::Marked(mark(text, assumed, field, self.to_confirm), Mark::Assumed)
    }

    /// A list, one item per line: « aucun » when empty, or « à compléter »
    /// when `required`.
    fn list<S: AsRef<str>>(&self, items: &[S], required: bool) -> Cell {
        if items.is_empty() {
            return if required {
                self.missing()
            } else {
                Cell::Text(self.none.to_string())
            };
        }
        Cell::Text(
            items
                .iter()
                .map(|i| escape_item(i.as_ref()))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }

    /// A list that may not be known yet: « à compléter » when `None`, else
    /// [`Self::list`] (« aucun » when empty).
    fn known_list<S: AsRef<str>>(&self, items: Option<&[S]>) -> Cell {
        match items {
            None => self.missing(),
            Some(items) => self.list(items, false),
        }
    }

    /// Lines of values, one per transfer: a line may be « à compléter » or
    /// an assumption; the cell takes the strongest mark of its lines.
    fn lines(&self, lines: Vec<(String, Option<Mark>)>) -> Cell {
        if lines.iter().all(|(s, _)| s.is_empty()) {
            return Cell::Empty;
        }
        let strongest = if lines.iter().any(|(_, m)| *m == Some(Mark::Missing)) {
            Some(Mark::Missing)
        } else {
            lines.iter().find_map(|(_, m)| *m)
        };
        let text = lines
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>()
            .join("\n");
        match strongest {
            Some(m) => Cell::Marked(text, m),
            None => Cell::Text(text),
        }
    }

    /// One line of a cell of [`Self::lines`]: the value (or « à compléter »
    /// when `required`), marked as an assumption when listed.
    fn line<F: FieldName>(
        &self,
        v: Option<&str>,
        required: bool,
        assumed: &[F],
        field: &str,
    ) -> (String, Option<Mark>) {
        match v.map(str::trim).filter(|s| !s.is_empty()).map(escape_item) {
            Some(s) if assumed.iter().any(|f| f.name() == field) => (
                mark(s, assumed, field, self.to_confirm),
                Some(Mark::Assumed),
            ),
            Some(s) => (s, None),
            None if required => (
                mark(self.todo.to_string(), assumed, field, self.to_confirm),
                Some(Mark::Missing),
            ),
            None => (String::new(), None),
        }
    }

    /// A contact on one line as the CSV writes it, or « à compléter ».
    fn contact(&self, c: &Contact) -> Cell {
        self.required(super::contact_line(c).as_deref())
    }
}

/// The register as a workbook in the language of `cat`, created at `now`.
pub fn workbook(reg: &Register<'_>, cat: &Catalog, now: DateTime<Utc>) -> Workbook {
    let w = Words {
        todo: cat.get("todo"),
        none: cat.get("none"),
        to_confirm: cat.get("to_confirm"),
    };
    let mut sheets = vec![
        processor_sheet(reg, cat, &w),
        Sheet {
            name: cat.get("sheets-sheet-controllers").to_string(),
            columns: controllers_columns(cat),
            rows: reg
                .controllers
                .iter()
                .map(|ce| controller_row(ce, &w))
                .collect(),
        },
    ];
    let exported: Vec<&Id> = reg.controllers.iter().map(|ce| ce.id).collect();
    let shown = Shown {
        subprocessors: labels(
            reg.subprocessors
                .iter()
                .map(|s| (&s.subprocessor.id, s.subprocessor.name.as_str())),
        ),
        measures: labels(reg.measures.iter().map(|m| (&m.id, m.title.as_str()))),
    };
    let mut taken: Vec<String> = [
        "sheets-sheet-processor",
        "sheets-sheet-controllers",
        "sheets-sheet-subprocessors",
        "sheets-sheet-measures",
    ]
    .iter()
    .map(|id| cat.get(id).to_string())
    .collect();
    for ce in &reg.controllers {
        let name = sheet_name(&ce.controller.name, &taken);
        taken.push(name.clone());
        sheets.push(Sheet {
            name,
            columns: activity_columns(cat),
            rows: activity_rows(ce, reg.processor, &shown, &w),
        });
    }
    sheets.push(Sheet {
        name: cat.get("sheets-sheet-subprocessors").to_string(),
        columns: subprocessor_columns(cat),
        rows: reg
            .subprocessors
            .iter()
            .map(|s| subprocessor_row(s.subprocessor, &exported, &w))
            .collect(),
    });
    sheets.push(Sheet {
        name: cat.get("sheets-sheet-measures").to_string(),
        columns: measure_columns(cat),
        rows: reg.measures.iter().map(|m| measure_row(m, &w)).collect(),
    });
    Workbook {
        title: format!("{} — {}", cat.get("register_title"), reg.processor.name),
        created: now,
        sheets,
        day_first: cat.lang() == crate::model::Lang::Fr,
    }
}

/// How a category's sub-processors and measures are shown: by name (by
/// title), followed by the id in brackets when another has the same name
/// (« Acme SAS (acme-a) »), so the import maps each back to its id.
struct Shown<'a> {
    subprocessors: Vec<(&'a Id, String)>,
    measures: Vec<(&'a Id, String)>,
}

/// Each id with its label: its name, with ` (id)` when another's is the
/// same as the import compares names ([`crate::model::name_key`]) and
/// reads them back (« Acme (?) » is « Acme » to be confirmed:
/// [`crate::model::without_doubt`]).
fn labels<'a>(named: impl Iterator<Item = (&'a Id, &'a str)>) -> Vec<(&'a Id, String)> {
    let named: Vec<(&Id, &str, String)> = named
        .map(|(id, name)| {
            let key = crate::model::name_key(crate::model::without_doubt(name));
            (id, name, key)
        })
        .collect();
    named
        .iter()
        .map(|(id, name, key)| {
            // Names the import cannot tell apart (an apostrophe or a space
            // of another kind) are two names the same; so is a name that
            // is another record's id (the import takes an id for a name).
            let twice = named.iter().filter(|(_, _, k)| k == key).count() > 1
                || named
                    .iter()
                    .any(|(other, _, _)| other != id && other.as_str() == name.trim())
                // A name shaped as another record's `name (id)` label.
                || crate::model::split_label(name).is_some_and(|(n, i)| {
                    let k = crate::model::name_key(n);
                    named
                        .iter()
                        .any(|(other, _, ok)| other != id && other.as_str() == i && *ok == k)
                });
            let label = if twice {
                let label = format!("{name} ({id})");
                // That label another record's own name: the id alone,
                // which the import also reads.
                let taken = crate::model::name_key(&label);
                if named.iter().any(|(other, _, k)| other != id && *k == taken) {
                    id.to_string()
                } else {
                    label
                }
            } else {
                name.to_string()
            };
            (*id, label)
        })
        .collect()
}

/// The labels of `ids` (an id no label knows is left out, as the register
/// does).
fn shown_of<'a>(ids: &[Id], labels: &'a [(&Id, String)]) -> Vec<&'a str> {
    ids.iter()
        .filter_map(|i| labels.iter().find(|(id, _)| *id == i))
        .map(|(_, l)| l.as_str())
        .collect()
}

/// The value of a `processor.yaml` path.
fn processor_value(p: &Processor, path: &str, w: &Words<'_>) -> Cell {
    let opt = |v: &Option<String>| Cell::text(v.clone().unwrap_or_default());
    let req = |v: &Option<String>| w.required(v.as_deref());
    match path {
        "name" => Cell::text(p.name.clone()),
        "name_with_article" => opt(&p.name_with_article),
        "short_name" => opt(&p.short_name),
        "legal_form" => req(&p.legal_form),
        "address" => req(&p.address),
        "phone" => req(&p.phone),
        "email" => opt(&p.email),
        "siret" => req(&p.siret),
        "ape" => req(&p.ape),
        "place" => opt(&p.place),
        "timezone" => Cell::text(p.timezone.clone()),
        "language" => Cell::text(p.language.map(|l| l.code()).unwrap_or_default()),
        other => match other.split_once('.') {
            Some(("representative", f)) => {
                contact_value(&p.representative, f, &["name", "role"], w, false)
            }
            Some(("dpo", f)) => contact_value(&p.dpo, f, &["name", "email"], w, reach(&p.dpo)),
            _ => Cell::Empty,
        },
    }
}

/// Whether the register says « coordonnées « à compléter » » of a contact
/// it shows with its means of reaching: neither an e-mail nor a phone.
fn reach(c: &Contact) -> bool {
    blank(&c.email) && blank(&c.phone)
}

/// Whether an optional text is missing or only whitespace.
fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Field `f` of a contact; missing when blank and in `required`, and its
/// e-mail and phone missing when blank and `unreachable` (the register's
/// « coordonnées « à compléter » », [`reach`]).
fn contact_value(
    c: &Contact,
    f: &str,
    required: &[&str],
    w: &Words<'_>,
    unreachable: bool,
) -> Cell {
    let required = required.contains(&f) || (unreachable && matches!(f, "email" | "phone"));
    let v = match f {
        "name" => &c.name,
        "role" => &c.role,
        "email" => &c.email,
        "phone" => &c.phone,
        _ => &c.address,
    };
    if required {
        w.required(v.as_deref())
    } else {
        Cell::text(v.clone().unwrap_or_default())
    }
}

fn processor_sheet(reg: &Register<'_>, cat: &Catalog, w: &Words<'_>) -> Sheet {
    let p = reg.processor;
    let mut rows: Vec<Vec<Cell>> = PROCESSOR_FIELDS
        .iter()
        .map(|path| {
            vec![
                Cell::Text(processor_label(cat, path)),
                processor_value(p, path, w),
                Cell::Text((*path).to_string()),
            ]
        })
        .collect();
    let about = [
        Cell::Date(reg.signature.date),
        Cell::Number(reg.edition.number as f64),
        Cell::Text(reg.version.clone()),
    ];
    rows.extend(REGISTER_ROWS.iter().zip(about).map(|(key, value)| {
        vec![
            Cell::Text(cat.get(&label_id(key)).to_string()),
            value,
            Cell::Text((*key).to_string()),
        ]
    }));
    Sheet {
        name: cat.get("sheets-sheet-processor").to_string(),
        columns: processor_columns(cat),
        rows,
    }
}

fn controller_row(ce: &ControllerEntry<'_>, w: &Words<'_>) -> Vec<Cell> {
    let c: &Controller = ce.controller;
    let mut row = vec![
        Cell::Text(ce.id.to_string()),
        Cell::text(c.name.clone()),
        Cell::text(c.name_with_article.clone().unwrap_or_default()),
        w.required(c.address.as_deref()),
        w.required(c.siret.as_deref()),
    ];
    let contacts = [
        &c.representative,
        &c.dpo,
        &c.contacts.breach,
        &c.contacts.data_subject_requests,
        &c.contacts.it_coordinator,
        &c.contacts.notices,
    ];
    // What the register and `dpo check` say « à compléter » of each: the
    // representative's name; the DPO's name and means of reaching; the
    // breach contact's e-mail and phone; the requests contact's e-mail or
    // means of reaching; the IT coordinator's name and means of reaching.
    // The notices contact is not in the register.
    let needs: [(&[&str], bool); 6] = [
        (&["name"], false),
        (&["name"], true),
        (&["email", "phone"], true),
        (&["email"], true),
        (&["name"], true),
        (&[], false),
    ];
    for (contact, (required, shown)) in contacts.into_iter().zip(needs) {
        let unreachable = shown && reach(contact);
        row.extend(
            CONTACT_FIELDS
                .iter()
                .map(|f| contact_value(contact, f, required, w, unreachable)),
        );
    }
    let v = &c.convention;
    let optional_date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
    row.extend([
        Cell::text(v.title.clone()),
        w.required(v.reference.as_deref()),
        w.required(v.act.as_deref()),
        optional_date(v.act_date),
        optional_date(v.enforceable_on),
        Cell::Date(v.start),
        Cell::Number(f64::from(v.term_months)),
        v.renewals_allowed
            .map_or_else(|| w.missing(), |n| Cell::Number(f64::from(n))),
        v.renewal_notice_months
            .map_or_else(|| w.missing(), |n| Cell::Number(f64::from(n))),
        Cell::text(
            v.renewals
                .iter()
                .map(|r| match &r.reference {
                    Some(re) => format!("{}, {}, {}", r.decided_on, r.months, escape_item(re)),
                    None => format!("{}, {}", r.decided_on, r.months),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ]);
    row
}

/// The six transfer cells of a controller, one line per transfer.
fn transfer_cells(ce: &ControllerEntry<'_>, w: &Words<'_>) -> Vec<Cell> {
    if ce.transfers.is_empty() {
        let country = if ce.transfers_known {
            Cell::Text(w.none.to_string())
        } else {
            w.missing()
        };
        return [country]
            .into_iter()
            .chain(std::iter::repeat_n(Cell::Empty, 5))
            .collect();
    }
    let mut cols: [Vec<(String, Option<Mark>)>; 6] = Default::default();
    for e in &ce.transfers {
        let (t, a) = (&e.transfer, &e.transfer.to_confirm);
        cols[0].push(w.line(Some(&t.country), true, a, "country"));
        cols[1].push(w.line(Some(&t.recipient), true, a, "recipient"));
        cols[2].push(w.line(t.purpose.as_deref(), true, a, "purpose"));
        cols[3].push(w.line(t.legal_basis.as_deref(), true, a, "legal_basis"));
        cols[4].push(w.line(t.safeguards.as_deref(), true, a, "safeguards"));
        cols[5].push((
            e.instruction
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            None,
        ));
    }
    if !ce.transfers_known {
        // Those of the file are not known yet.
        cols[0].push((w.todo.to_string(), Some(Mark::Missing)));
    }
    cols.into_iter().map(|l| w.lines(l)).collect()
}

fn activity_rows(
    ce: &ControllerEntry<'_>,
    p: &Processor,
    shown: &Shown<'_>,
    w: &Words<'_>,
) -> Vec<Vec<Cell>> {
    let c = ce.controller;
    let head = [
        Cell::Text(ce.id.to_string()),
        Cell::text(c.name.clone()),
        w.required(c.address.as_deref()),
        w.contact(&c.representative),
        w.contact(&c.dpo),
    ];
    let tail = [
        Cell::text(p.name.clone()),
        w.contact(&p.representative),
        w.contact(&p.dpo),
    ];
    let transfers = transfer_cells(ce, w);
    let category_rows: Vec<Vec<Cell>> = if ce.activities.is_empty() {
        vec![vec![Cell::Empty; 7]]
    } else {
        ce.activities
            .iter()
            .map(|ae| {
                let a = ae.activity;
                let n = &a.to_confirm;
                vec![
                    Cell::Text(a.id.to_string()),
                    w.confirm(Cell::text(a.name.clone()), n, "name"),
                    w.confirm(w.required(a.description.as_deref()), n, "description"),
                    w.confirm(w.known_list(ae.systems.as_deref()), n, "systems"),
                    w.confirm(
                        w.known_list(ae.data_categories.as_deref()),
                        n,
                        "data_categories",
                    ),
                    w.confirm(
                        w.known_list(
                            a.subprocessors
                                .as_ref()
                                .map(|l| shown_of(l, &shown.subprocessors))
                                .as_deref(),
                        ),
                        n,
                        "subprocessors",
                    ),
                    w.confirm(
                        w.known_list(
                            a.security_measures
                                .as_ref()
                                .map(|l| shown_of(l, &shown.measures))
                                .as_deref(),
                        ),
                        n,
                        "security_measures",
                    ),
                ]
            })
            .collect()
    };
    category_rows
        .into_iter()
        .map(|cat| {
            head.iter()
                .cloned()
                .chain(cat)
                .chain(transfers.iter().cloned())
                .chain(tail.iter().cloned())
                .collect()
        })
        .collect()
}

/// A sub-processor's row; its controllers are only those `exported` (a
/// per-controller export names no other controller).
fn subprocessor_row(s: &SubProcessor, exported: &[&Id], w: &Words<'_>) -> Vec<Cell> {
    let n = &s.to_confirm;
    let mut row = vec![
        Cell::Text(s.id.to_string()),
        w.confirm(Cell::text(s.name.clone()), n, "name"),
        w.confirm(w.required(s.address.as_deref()), n, "address"),
    ];
    // Its means of reaching are « à compléter » where the register says
    // so (a contact it shows, named, with neither e-mail nor phone) or
    // `dpo check` does (no e-mail, phone nor address).
    let c = &s.contact;
    let unreachable = reach(c) && (!blank(&c.name) || blank(&c.address));
    row.extend(
        CONTACT_FIELDS
            .iter()
            .map(|f| w.confirm(contact_value(c, f, &[], w, unreachable), n, "contact")),
    );
    let ids: Vec<String> = s
        .controllers
        .iter()
        .filter(|id| exported.contains(id))
        .map(ToString::to_string)
        .collect();
    row.extend([
        w.confirm(w.list(&s.activities, true), n, "activities"),
        w.confirm(w.list(&ids, false), n, "controllers"),
        w.confirm(
            Cell::text(s.contract.reference.clone().unwrap_or_default()),
            n,
            "contract",
        ),
        w.confirm(w.date(s.contract.start), n, "contract"),
        w.confirm(w.date(s.contract.end), n, "contract"),
        w.confirm(w.required(s.location.as_deref()), n, "location"),
        w.confirm(w.required(s.guarantees.as_deref()), n, "guarantees"),
    ]);
    row
}

/// A measure's row. Its owner, evidence, last check and interval are
/// « à compléter » when blank, as the status workbook and the audit pack
/// show them (`dpo check` names the owner and a measure never tested).
fn measure_row(m: &SecurityMeasure, w: &Words<'_>) -> Vec<Cell> {
    let n = &m.to_confirm;
    vec![
        Cell::Text(m.id.to_string()),
        w.confirm(Cell::text(m.title.clone()), n, "title"),
        w.confirm(w.required(m.description.as_deref()), n, "description"),
        w.confirm(w.required(m.clause.as_deref()), n, "clause"),
        w.confirm(w.required(m.owner.as_deref()), n, "owner"),
        w.confirm(w.required(m.evidence.as_deref()), n, "evidence"),
        w.confirm(w.date(m.last_tested), n, "last_tested"),
        w.confirm(
            m.test_interval_months
                .map_or_else(|| w.missing(), |x| Cell::Number(f64::from(x))),
            n,
            "test_interval_months",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn sample() -> crate::workspace::Workspace {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/juvisy-workspace");
        crate::workspace::load(&src).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-03-01T10:00:00Z".parse().unwrap()
    }

    fn book(lang: Lang) -> Workbook {
        let ws = sample();
        let req = super::super::RegisterRequest {
            controllers: None,
            now: now(),
        };
        let reg = super::super::build(&ws, &req).unwrap();
        workbook(&reg, &Catalog::of(lang), now())
    }

    #[test]
    fn every_row_fits_its_columns_and_the_keys_hold_in_both_languages() {
        let (fr, en) = (book(Lang::Fr), book(Lang::En));
        assert_eq!(fr.sheets.len(), en.sheets.len());
        for (f, e) in fr.sheets.iter().zip(&en.sheets) {
            let keys = |s: &Sheet| s.columns.iter().map(|c| c.key.clone()).collect::<Vec<_>>();
            assert_eq!(keys(f), keys(e));
            for row in f.rows.iter().chain(&e.rows) {
                assert_eq!(row.len(), f.columns.len(), "{}", f.name);
            }
            for c in f.columns.iter().chain(&e.columns) {
                assert!(!c.header.starts_with("sheets-"), "no label for {}", c.key);
            }
            // Headers are distinct, so the import can tell the columns apart.
            let mut headers: Vec<&str> = f.columns.iter().map(|c| c.header.as_str()).collect();
            headers.sort_unstable();
            headers.dedup();
            assert_eq!(headers.len(), f.columns.len(), "{}", f.name);
        }
        assert_eq!(fr.sheets[0].name, "Sous-traitant");
        assert_eq!(en.sheets[0].name, "Processor");
        assert_eq!(fr.created, now());
    }

    #[test]
    fn the_processor_rows_are_keyed_by_their_path_and_label_every_field() {
        let fr = book(Lang::Fr);
        let p = &fr.sheets[0];
        let keys: Vec<String> = p
            .rows
            .iter()
            .map(|r| match &r[2] {
                Cell::Text(k) => k.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        let want: Vec<&str> = PROCESSOR_FIELDS
            .iter()
            .chain(REGISTER_ROWS)
            .copied()
            .collect();
        assert_eq!(keys, want);
        for r in &p.rows {
            let Cell::Text(label) = &r[0] else { panic!() };
            assert!(!label.contains("sheets-"), "{label}");
        }
        // Every field of processor.yaml is a row (the import writes it back).
        let schema = schemars::schema_for!(Processor);
        for (field, def) in schema
            .get("properties")
            .and_then(|p| p.as_object())
            .unwrap()
        {
            let nested = def.to_string().contains("Contact");
            let present = if nested {
                CONTACT_FIELDS
                    .iter()
                    .all(|f| want.contains(&format!("{field}.{f}").as_str()))
            } else {
                want.contains(&field.as_str())
            };
            assert!(present, "{field}");
        }
    }

    #[test]
    fn the_controllers_sheet_has_every_field_of_the_file_but_activities_and_transfers() {
        let fr = book(Lang::Fr);
        let keys: Vec<String> = fr.sheets[1].columns.iter().map(|c| c.key.clone()).collect();
        let schema = schemars::schema_for!(Controller);
        for field in schema
            .get("properties")
            .and_then(|p| p.as_object())
            .unwrap()
            .keys()
        {
            if field == "activities" || field == "transfers" {
                continue;
            }
            assert!(
                keys.iter().any(|k| k == &format!("controller.{field}")
                    || k.starts_with(&format!("controller.{field}."))),
                "{field}"
            );
        }
        let row = &fr.sheets[1].rows[0];
        let at = |key: &str| &row[keys.iter().position(|k| k == key).unwrap()];
        assert!(matches!(at("controller.convention.start"), Cell::Date(_)));
        assert!(matches!(
            at("controller.convention.term_months"),
            Cell::Number(_)
        ));
    }

    #[test]
    fn missing_facts_are_marked_with_the_catalog_words_and_lists_are_lines() {
        let fr = book(Lang::Fr);
        let todo = Catalog::of(Lang::Fr).get("todo").to_string();
        let marked: Vec<&Cell> = fr
            .sheets
            .iter()
            .flat_map(|s| s.rows.iter().flatten())
            .filter(|c| matches!(c, Cell::Marked(_, Mark::Missing)))
            .collect();
        assert!(!marked.is_empty());
        for c in marked {
            let Cell::Marked(t, _) = c else {
                unreachable!()
            };
            assert!(t.contains(&todo), "{t}");
        }
        let w = Words {
            todo: "« à compléter »",
            none: "aucun",
            to_confirm: "à confirmer",
        };
        assert_eq!(w.list(&["a", "b"], true), Cell::Text("a\nb".into()));
        assert_eq!(w.list::<&str>(&[], false), Cell::Text("aucun".into()));
        assert_eq!(
            w.list::<&str>(&[], true),
            Cell::Marked("« à compléter »".into(), Mark::Missing)
        );
        let assumed = [crate::model::ActivityField::Description];
        assert_eq!(
            w.confirm(Cell::text("x"), &assumed, "description"),
            Cell::Marked("x (à confirmer)".into(), Mark::Assumed)
        );
        assert_eq!(
            w.confirm(Cell::text("x"), &assumed, "name"),
            Cell::text("x")
        );
        assert_eq!(
            w.lines(vec![
                ("a".into(), None),
                ("« à compléter »".into(), Some(Mark::Missing))
            ]),
            Cell::Marked("a\n« à compléter »".into(), Mark::Missing)
        );
    }
}
