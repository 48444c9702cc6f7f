//! The logs as a workbook (`dpo status --format ods|xlsx`, and the
//! spreadsheet of the audit pack): the duties `dpo status` lists, then one
//! sheet each for data-subject requests, documented instructions, written
//! notices of sub-processors, breaches, the people authorised and the
//! security measures — the same facts the pack's PDFs and CSVs carry.
//!
//! Records are read with their workflows' loaders; every instant is a
//! date-time cell in the processor's zone, which the column's header names;
//! a breach has one row per controller with both deadlines (the
//! processor's towards the controller, the controller's towards the
//! authority). A column's key is the record's field path as its YAML file
//! spells it (`forwarded.sent_at`) or, for what is computed, the
//! `sheetlogs-` message id of its header (`training_due` and `test_due` in
//! the tables of people and measures). A fact the file does not give is « à compléter » marked
//! missing; a value the DPO assumed is marked assumed, as in the CSVs.
//! Restricted to one controller, the workbook holds only its records (and
//! its part of a breach).

use chrono::{DateTime, FixedOffset, Utc};

use super::{controller_name, State, StatusItem};
use crate::audit::field_in_words;
use crate::breach::{fields, progress, store as breach_store};
use crate::model::assumption::{mark, FieldName};
use crate::model::{Id, Instruction, MailRecord, Request, SubProcessorNotice};
use crate::render::templates::Strings;
use crate::sheet::{sheet_name, Cell, Column, Mark, Sheet, Workbook};
use crate::workspace::store::Stored;
use crate::workspace::{Diagnostic, Workspace};

/// The text a cell shows, as the pack's CSVs write it: dates in ISO form,
/// date-times as `YYYY-MM-DD HH:MM:SS`, whole numbers without decimals.
pub fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) | Cell::Marked(t, _) => t.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
    }
}

/// The recipients of an e-mail sent, one per line.
fn recipients(m: Option<&MailRecord>) -> Cell {
    Cell::text(m.map(|m| m.recipients.join("\n")).unwrap_or_default())
}

/// `v`, or « à compléter » marked missing when the file does not give it.
fn known(s: &Strings, v: Option<Cell>) -> Cell {
    v.filter(|c| !matches!(c, Cell::Empty))
        .unwrap_or_else(|| Cell::Marked(s.get("todo").to_string(), Mark::Missing))
}

/// A text the file may leave out or blank.
fn given(v: &Option<String>) -> Option<Cell> {
    v.as_ref()
        .filter(|v| !v.trim().is_empty())
        .map(|v| Cell::Text(v.clone()))
}

/// `cell` followed by « (à confirmer) » and marked assumed when `list`
/// holds `field` (a missing fact keeps its mark).
fn confirm<F: FieldName>(s: &Strings, cell: Cell, list: &[F], field: &str) -> Cell {
    if !list.iter().any(|f| f.name() == field) {
        return cell;
    }
    let kind = match cell {
        Cell::Marked(_, m) => m,
        _ => Mark::Assumed,
    };
    Cell::Marked(
        mark(cell_text(&cell), list, field, s.get("to_confirm")),
        kind,
    )
}

/// The rows of the people authorised (those concerning `only` when given),
/// in the columns of the header list `audit_people_headers`.
pub fn people_rows(ws: &Workspace, s: &Strings, only: Option<&Id>) -> Vec<Vec<Cell>> {
    // The controllers by their names, as the register writes them.
    let name = |c: &Id| controller_name(ws, c);
    ws.people
        .people
        .iter()
        .filter(|p| only.is_none_or(|c| super::people::concerns(p, c)))
        .map(|p| {
            let controllers = match only {
                Some(c) => name(c),
                None if p.controllers.is_empty() => s.get("audit_all").to_string(),
                None => p
                    .controllers
                    .iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let m = |c: Cell, f: &str| confirm(s, c, &p.to_confirm, f);
            // A person without a name is a team: no name to complete.
            vec![
                Cell::text(p.id.to_string()),
                m(Cell::text(p.name.clone().unwrap_or_default()), "name"),
                m(Cell::text(p.role.clone()), "role"),
                m(known(s, given(&p.organisation)), "organisation"),
                m(Cell::text(controllers), "controllers"),
                m(
                    known(s, p.confidentiality_commitment.map(Cell::Date)),
                    "confidentiality_commitment",
                ),
                m(known(s, p.last_training.map(Cell::Date)), "last_training"),
                ws.people.training_due(p).map_or(Cell::Empty, Cell::Date),
            ]
        })
        .collect()
}

/// The rows of the security measures (those concerning `only` when
/// given), in the columns of the header list `audit_measures_headers`.
pub fn measure_rows(ws: &Workspace, s: &Strings, only: Option<&Id>) -> Vec<Vec<Cell>> {
    ws.measures
        .iter()
        .filter(|m| only.is_none_or(|c| super::measures::concerns(ws, m, c)))
        .map(|m| {
            let k = |c: Cell, f: &str| confirm(s, c, &m.to_confirm, f);
            vec![
                Cell::text(m.id.to_string()),
                k(Cell::text(m.title.clone()), "title"),
                k(known(s, given(&m.description)), "description"),
                k(known(s, given(&m.owner)), "owner"),
                k(known(s, given(&m.evidence)), "evidence"),
                k(known(s, m.last_tested.map(Cell::Date)), "last_tested"),
                k(
                    known(s, m.test_interval_months.map(|n| Cell::Number(n.into()))),
                    "test_interval_months",
                ),
                m.test_due().map_or(Cell::Empty, Cell::Date),
            ]
        })
        .collect()
}

/// What the builder reads: the workspace, the words, the moment and the
/// controller the workbook is restricted to.
struct Builder<'a> {
    ws: &'a Workspace,
    s: &'a Strings,
    now: DateTime<Utc>,
    only: Option<&'a Id>,
    sheets: Vec<Sheet>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    /// The columns of a sheet from `spec`, space-separated: a record
    /// field path (`forwarded.sent_at`, headed as the pack's CSV heads it)
    /// or a computed column's message id (`sheetlogs-col-state`), followed
    /// by `@` when it holds instants (its header then names the zone).
    fn columns(&self, spec: &str) -> Vec<Column> {
        spec.split_whitespace()
            .map(|token| {
                let (key, zoned) = token
                    .strip_suffix('@')
                    .map_or((token, false), |k| (k, true));
                let label = if key.starts_with("sheetlogs-") {
                    self.s.get(key).to_string()
                } else {
                    field_in_words(self.s, key)
                };
                let header = if zoned {
                    self.s.fmt(
                        "sheetlogs-in-zone",
                        &[("label", label.into()), ("zone", self.ws.tz.name().into())],
                    )
                } else {
                    label
                };
                Column {
                    key: key.to_string(),
                    header,
                }
            })
            .collect()
    }

    /// A sheet of records of one controller each, as a loader read them:
    /// a row each (`row`) in the columns of `spec`.
    fn log<T>(
        &mut self,
        (name_id, spec): (&str, &str),
        loaded: (Vec<Stored<T>>, Vec<Diagnostic>),
        controller: impl Fn(&T) -> &Id,
        row: impl Fn(&Self, &T) -> Vec<Cell>,
    ) {
        let rows = self
            .records(loaded, controller)
            .iter()
            .map(|r| row(self, r))
            .collect();
        let columns = self.columns(spec);
        self.push(name_id, columns, rows);
    }

    /// The records of one controller each that a loader read, those that
    /// concern the workbook's controller; the problems it met are kept.
    fn records<T>(
        &mut self,
        loaded: (Vec<Stored<T>>, Vec<Diagnostic>),
        controller: impl Fn(&T) -> &Id,
    ) -> Vec<T> {
        self.take(loaded)
            .into_iter()
            .map(|l| l.record)
            .filter(|r| self.concerns(controller(r)))
            .collect()
    }

    /// The records a loader read; the problems it met are kept.
    fn take<T>(&mut self, (list, mut diags): (Vec<T>, Vec<Diagnostic>)) -> Vec<T> {
        self.diagnostics.append(&mut diags);
        list
    }

    /// An instant as a date-time in the processor's zone.
    fn at(&self, t: DateTime<FixedOffset>) -> Cell {
        Cell::DateTime(t.with_timezone(&self.ws.tz).naive_local())
    }

    fn at_opt(&self, t: Option<DateTime<FixedOffset>>) -> Cell {
        t.map_or(Cell::Empty, |t| self.at(t))
    }

    fn state(&self, st: State) -> Cell {
        let code = serde_json::to_value(st)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        Cell::text(self.s.get(&format!("status_state.{code}")).to_string())
    }

    fn controller(&self, c: &Id) -> Cell {
        Cell::text(controller_name(self.ws, c))
    }

    fn concerns(&self, c: &Id) -> bool {
        self.only.is_none_or(|o| o == c)
    }

    fn push(&mut self, name_id: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
        let taken: Vec<String> = self.sheets.iter().map(|s| s.name.clone()).collect();
        self.sheets.push(Sheet {
            name: sheet_name(self.s.get(name_id), &taken),
            columns,
            rows,
        });
    }

    fn duties(&mut self, items: &[StatusItem]) {
        let rows = items
            .iter()
            .map(|i| {
                vec![
                    self.state(i.state),
                    Cell::text(self.s.get(&format!("status_kind.{}", i.kind)).to_string()),
                    Cell::text(i.title.clone()),
                    self.at_opt(i.due),
                    Cell::text(i.missing_line(self.s).unwrap_or_default()),
                ]
            })
            .collect();
        self.push("sheetlogs-sheet-duties", self.columns(DUTY_COLUMNS), rows);
    }

    /// The row of a request.
    fn request(&self, r: &Request) -> Vec<Cell> {
        let answer = crate::request::answer_due(r.received_at, self.ws.tz);
        vec![
            Cell::text(r.id.to_string()),
            self.controller(&r.controller),
            Cell::text(self.s.get(&format!("right.{}", r.right.key())).to_string()),
            self.at(r.received_at),
            Cell::text(r.summary.clone()),
            Cell::text(r.channel.clone().unwrap_or_default()),
            self.at(r.logged_at),
            self.at(crate::request::forward_due(r.received_at)),
            self.at_opt(r.forwarded.as_ref().map(|f| f.sent_at)),
            recipients(r.forwarded.as_ref()),
            self.state(super::request::forward_state(r, self.now)),
            self.at_opt(answer.map(|(_, end)| end)),
        ]
    }

    /// The row of an instruction.
    fn instruction(&self, i: &Instruction) -> Vec<Cell> {
        let t = i.transfer.as_ref();
        let o = i.objection.as_ref();
        // Recorded and unsent is a duty half done; with nothing to
        // tell, there is no state to give.
        let state = if !crate::instruction::pending(i).is_empty() {
            self.state(State::Incomplete)
        } else if t.is_some() || o.is_some() {
            self.state(State::Done)
        } else {
            Cell::Empty
        };
        vec![
            Cell::text(i.id.to_string()),
            self.controller(&i.controller),
            self.at(i.at),
            Cell::text(i.from.clone()),
            Cell::text(i.summary.clone()),
            Cell::text(i.reference.clone().unwrap_or_default()),
            self.at(i.logged_at),
            Cell::text(t.map(|t| t.country.clone()).unwrap_or_default()),
            Cell::text(t.map(|t| t.legal_basis.clone()).unwrap_or_default()),
            self.at_opt(t.and_then(|t| t.notice.as_ref()).map(|n| n.sent_at)),
            Cell::text(o.map(|o| o.reason.clone()).unwrap_or_default()),
            self.at_opt(o.map(|o| o.at)),
            self.at_opt(o.and_then(|o| o.notice.as_ref()).map(|n| n.sent_at)),
            state,
        ]
    }

    /// The row of a written notice.
    fn notice(&self, n: &SubProcessorNotice) -> Vec<Cell> {
        let change = serde_yaml::to_string(&n.change).unwrap_or_default();
        let change = format!("audit_change.{}", change.trim());
        let due = super::subprocessor::due(self.ws, n);
        let state = match (&n.sent, due) {
            (Some(_), _) => State::Done,
            (None, Some(d)) if self.now > d => State::Overdue,
            (None, _) => State::Pending,
        };
        vec![
            Cell::text(n.id.to_string()),
            Cell::text(n.details.name.clone()),
            self.controller(&n.controller),
            Cell::text(self.s.get(&change).to_string()),
            Cell::text(
                n.changed
                    .iter()
                    .map(|c| field_in_words(self.s, c))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            self.at(n.created_at),
            n.details.contract.start.map_or(Cell::Empty, Cell::Date),
            self.at_opt(due),
            self.at_opt(n.sent.as_ref().map(|m| m.sent_at)),
            recipients(n.sent.as_ref()),
            self.state(state),
        ]
    }

    /// A breach field in words (`nature.description`).
    fn breach_field(&self, key: &str) -> String {
        let id = format!("breach_field.{key}");
        if self.s.has(&id) {
            self.s.get(&id).to_string()
        } else {
            key.to_string()
        }
    }

    fn breaches(&mut self) {
        let list = self.take(breach_store::load_all(self.ws));
        let mut rows = Vec::new();
        for l in &list {
            let b = &l.breach;
            let missing: Vec<String> = fields::missing(b)
                .into_iter()
                .map(|f| self.breach_field(f.key()))
                .collect();
            let deferred: Vec<String> = b
                .deferred
                .iter()
                .map(|(k, why)| {
                    self.s.fmt(
                        "sheetlogs-deferred-item",
                        &[
                            ("field", self.breach_field(k).into()),
                            ("reason", why.as_str().into()),
                        ],
                    )
                })
                .collect();
            for p in progress(b).iter().filter(|p| self.concerns(&p.controller)) {
                rows.push(vec![
                    Cell::text(b.id.to_string()),
                    Cell::text(b.title.clone()),
                    self.controller(&p.controller),
                    self.at(b.aware_at),
                    self.at(p.deadline),
                    self.at_opt(p.emailed_at),
                    self.at_opt(p.called_at),
                    self.state(super::breach::state(p, self.now)),
                    self.at_opt(p.authority_deadline),
                    Cell::Number(p.supplements.into()),
                    Cell::text(missing.join("\n")),
                    Cell::text(deferred.join("\n")),
                    self.at_opt(b.closed.as_ref().map(|c| c.at)),
                ]);
            }
        }
        self.push(
            "sheetlogs-sheet-breaches",
            self.columns(BREACH_COLUMNS),
            rows,
        );
    }

    /// A sheet of the pack's tables: its columns headed by the header list
    /// `headers`, keyed by `keys`.
    fn table(&mut self, name_id: &str, headers: &str, keys: &[&str], rows: Vec<Vec<Cell>>) {
        let cols = keys
            .iter()
            .zip(self.s.list(headers))
            .map(|(k, header)| Column {
                key: (*k).to_string(),
                header,
            })
            .collect();
        self.push(name_id, cols, rows);
    }
}

/// The columns of the sheet of requests (see `Builder::columns`).
const REQUESTS_COLUMNS: &str = "id controller right received_at@ summary channel logged_at@ sheetlogs-col-forward-due@ forwarded.sent_at@ forwarded.recipients sheetlogs-col-state sheetlogs-col-answer-due@";

/// The columns of the sheet of instructions (see `Builder::columns`).
const INSTRUCTIONS_COLUMNS: &str = "id controller at@ from summary reference logged_at@ transfer.country transfer.legal_basis transfer.notice.sent_at@ objection.reason objection.at@ objection.notice.sent_at@ sheetlogs-col-state";

/// The columns of the sheet of notices (see `Builder::columns`).
const NOTICES_COLUMNS: &str = "id subprocessor controller change changed created_at@ details.contract.start sheetlogs-col-notice-due@ sent.sent_at@ sent.recipients sheetlogs-col-state";

/// The columns of the sheet of duties (see `Builder::columns`).
const DUTY_COLUMNS: &str = "sheetlogs-col-state sheetlogs-col-duty sheetlogs-col-subject sheetlogs-col-due@ sheetlogs-col-missing";

/// The columns of the sheet of breaches (see `Builder::columns`).
const BREACH_COLUMNS: &str = "id sheetlogs-col-title controller sheetlogs-col-aware-at@ sheetlogs-col-processor-deadline@ sheetlogs-col-emailed-at@ sheetlogs-col-called-at@ sheetlogs-col-state sheetlogs-col-authority-deadline@ sheetlogs-col-supplements sheetlogs-col-missing sheetlogs-col-deferred sheetlogs-col-closed-at@";

/// The keys of the columns of [`people_rows`].
const PEOPLE_KEYS: [&str; 8] = [
    "id",
    "name",
    "role",
    "organisation",
    "controllers",
    "confidentiality_commitment",
    "last_training",
    "training_due",
];

/// The keys of the columns of [`measure_rows`].
const MEASURE_KEYS: [&str; 8] = [
    "id",
    "title",
    "description",
    "owner",
    "evidence",
    "last_tested",
    "test_interval_months",
    "test_due",
];

/// The logs of the workspace as a workbook in the language of `s`, dated
/// `now`, restricted to what concerns `only` when given; `duties` are the
/// items `dpo status` lists (already restricted). Returns the problems met
/// reading the records too (a record that cannot be read is left out).
pub fn workbook(
    ws: &Workspace,
    s: &Strings,
    now: DateTime<Utc>,
    only: Option<&Id>,
    duties: &[StatusItem],
) -> (Workbook, Vec<Diagnostic>) {
    let mut b = Builder {
        ws,
        s,
        now,
        only,
        sheets: Vec::new(),
        diagnostics: Vec::new(),
    };
    b.duties(duties);
    b.log(
        ("sheetlogs-sheet-requests", REQUESTS_COLUMNS),
        crate::request::list(ws),
        |r: &Request| &r.controller,
        Builder::request,
    );
    b.log(
        ("sheetlogs-sheet-instructions", INSTRUCTIONS_COLUMNS),
        crate::instruction::list(ws),
        |i: &Instruction| &i.controller,
        Builder::instruction,
    );
    b.log(
        ("sheetlogs-sheet-notices", NOTICES_COLUMNS),
        crate::subprocessor::notices(ws),
        |n: &SubProcessorNotice| &n.controller,
        Builder::notice,
    );
    b.breaches();
    let people = people_rows(ws, s, only);
    b.table(
        "sheetlogs-sheet-people",
        "audit_people_headers",
        &PEOPLE_KEYS,
        people,
    );
    let measures = measure_rows(ws, s, only);
    b.table(
        "sheetlogs-sheet-measures",
        "audit_measures_headers",
        &MEASURE_KEYS,
        measures,
    );
    let title = s.fmt(
        "sheetlogs-title",
        &[("processor", ws.processor.name.as_str().into())],
    );
    (
        Workbook {
            title,
            created: now,
            sheets: b.sheets,
            day_first: s.lang() == crate::model::Lang::Fr,
        },
        b.diagnostics,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::Templates;
    use chrono::NaiveDate;

    fn fixture() -> Workspace {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/status-two-controllers");
        crate::workspace::load(&root).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2021-06-01T08:00:00Z".parse().unwrap()
    }

    fn book(ws: &Workspace, lang: Lang, only: Option<&Id>) -> Workbook {
        let t = Templates::new(lang).unwrap();
        let (items, _) = super::super::collect_for(ws, now(), only, t.strings());
        let (wb, diags) = workbook(ws, t.strings(), now(), only, &items);
        assert!(diags.is_empty(), "{diags:?}");
        wb
    }

    fn at(s: &str) -> Cell {
        Cell::DateTime(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
    }

    fn column(sheet: &Sheet, key: &str) -> usize {
        sheet.columns.iter().position(|c| c.key == key).unwrap()
    }

    #[test]
    fn a_breach_row_holds_both_deadlines_in_the_processors_zone_across_the_spring_change() {
        let ws = fixture();
        let wb = book(&ws, Lang::Fr, None);
        let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Échéances",
                "Demandes d'exercice de droits",
                "Instructions documentées",
                "Informations écrites",
                "Violations de données",
                "Personnes autorisées",
                "Mesures de sécurité"
            ]
        );
        let sheet = &wb.sheets[4];
        let row = sheet
            .rows
            .iter()
            .find(|r| r[0] == Cell::text("2021-002"))
            .unwrap();
        // Aware on Friday 26 March at 10:00 (UTC+1): the 72 hours end on
        // Monday at 11:00 summer time; notified at 12:00, the controller's
        // own 72 hours at 13:00.
        assert_eq!(
            row[column(sheet, "sheetlogs-col-aware-at")],
            at("2021-03-26 10:00")
        );
        assert_eq!(
            row[column(sheet, "sheetlogs-col-processor-deadline")],
            at("2021-03-29 11:00")
        );
        assert_eq!(
            row[column(sheet, "sheetlogs-col-authority-deadline")],
            at("2021-03-29 13:00")
        );
        let header = &sheet.columns[column(sheet, "sheetlogs-col-authority-deadline")].header;
        assert!(header.ends_with("(Europe/Paris)"), "{header}");
        let deferred = cell_text(&row[column(sheet, "sheetlogs-col-deferred")]);
        assert!(deferred.contains("analyse en cours"), "{deferred}");
        assert_eq!(
            row[column(sheet, "controller")],
            Cell::text("Commune de Bravo")
        );
    }

    #[test]
    fn a_workbook_for_one_controller_names_no_other() {
        let ws = fixture();
        let alpha = Id::new("alpha").unwrap();
        let wb = book(&ws, Lang::En, Some(&alpha));
        let all: Vec<String> = wb
            .sheets
            .iter()
            .flat_map(|s| s.rows.iter().flatten().map(cell_text))
            .collect();
        assert!(all.iter().any(|t| t.contains("2021-001")));
        for t in &all {
            assert!(
                !t.contains("bravo") && !t.contains("Bravo") && !t.contains("2021-002"),
                "{t}"
            );
        }
        assert_eq!(wb.sheets[0].name, "Deadlines");
    }

    #[test]
    fn a_missing_fact_is_marked_and_a_date_typed() {
        let ws = fixture();
        let t = Templates::new(Lang::Fr).unwrap();
        let rows = people_rows(&ws, t.strings(), None);
        // No organisation given: « à compléter », marked.
        let todo = t.strings().get("todo");
        assert!(todo.contains("compléter"));
        assert!(rows
            .iter()
            .all(|r| matches!(&r[3], Cell::Marked(t, Mark::Missing) if t == todo)));
        assert!(rows.iter().flatten().any(|c| matches!(c, Cell::Date(_))));
        assert_eq!(
            cell_text(&Cell::Date(NaiveDate::from_ymd_opt(2021, 3, 4).unwrap())),
            "2021-03-04"
        );
        assert_eq!(cell_text(&Cell::Number(3.0)), "3");
        assert_eq!(cell_text(&at("2021-03-29 11:00")), "2021-03-29 11:00:00");
    }
}
