//! Checks that need the whole workspace: cross-references, duplicate ids,
//! and the information the law or the convention requires but the files
//! leave out (warnings: the documents show it as "à compléter"), and the
//! values a record marks as assumptions to confirm (warnings: the documents
//! show them with "à confirmer").

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{controller_file, Diagnostic, SourceFile, Workspace};
use crate::model::assumption::FieldName;
use crate::model::{Contact, Id};
use crate::render::catalog::Msg;

const SUBPROCESSORS: &str = "subprocessors.yaml";
const MEASURES: &str = "security-measures.yaml";
const PEOPLE: &str = "people.yaml";
const PROCESSOR: &str = "processor.yaml";

struct Checker<'a> {
    ws: &'a Workspace,
    out: Vec<Diagnostic>,
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

impl Checker<'_> {
    fn pos(&self, file: &str, field: &str) -> (usize, usize) {
        self.ws
            .sources
            .get(file)
            .map_or((1, 1), |s| s.locate(field))
    }

    fn error_msg(&mut self, file: &str, field: &str, message: Msg, hint: Msg) {
        let d = Diagnostic::error_msg(file, self.pos(file, field), field, message);
        self.out.push(d.with_hint_msg(hint));
    }

    /// Error `msg`: `id`, used at `(file, field)`, is not declared in
    /// `(declared_in, known ids)`.
    fn undeclared(
        &mut self,
        (file, field): (&str, &str),
        msg: &'static str,
        id: &Id,
        (declared_in, known): (&'static str, String),
    ) {
        let message = Msg::new(msg)
            .arg("id", id.to_string())
            .arg("file", declared_in);
        let hint = Msg::new("check-declared-in")
            .arg("file", declared_in)
            .arg("known", known);
        self.error_msg(file, field, message, hint);
    }

    fn warn_msg(&mut self, file: &str, field: &str, message: Msg) {
        let d = Diagnostic::warning_msg(file, self.pos(file, field), field, message);
        self.out.push(d);
    }

    /// Warns when a required text is missing.
    fn require(&mut self, file: &str, field: &str, v: &Option<String>, what: Msg, basis: Msg) {
        if blank(v) {
            self.warn_msg(
                file,
                field,
                Msg::new("check-missing")
                    .arg("what", what)
                    .arg("basis", basis),
            );
        }
    }

    fn require_reachable(&mut self, file: &str, field: &str, c: &Contact, what: Msg, basis: Msg) {
        if blank(&c.email) && blank(&c.phone) && blank(&c.address) {
            self.warn_msg(
                file,
                field,
                Msg::new("check-missing-contact")
                    .arg("what", what)
                    .arg("basis", basis),
            );
        }
    }

    /// Warns once per field `list` marks as an assumption to confirm.
    fn assumed<F: FieldName>(&mut self, file: &str, at: &str, record: Msg, list: &[F]) {
        let found = assumptions(self.ws.sources.get(file), file, at, record, list);
        self.out.extend(found);
    }

    fn duplicates<'i>(&mut self, file: &str, list: &str, ids: impl Iterator<Item = &'i Id>) {
        let mut seen: HashMap<&Id, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                let (l, c) = self.pos(file, &format!("{list}[{first}].id"));
                self.error_msg(
                    file,
                    &format!("{list}[{i}].id"),
                    Msg::new("check-duplicate-id")
                        .arg("id", id.to_string())
                        .arg("line", l)
                        .arg("column", c),
                    Msg::new("check-duplicate-id-hint"),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }
}

/// One warning per field of `list`, the `to_confirm` list of the record
/// `record` (e.g. "activity `messagerie`") found at field path `at` of
/// `file`: each says which value is an assumption to confirm.
pub fn assumptions<F: FieldName>(
    src: Option<&SourceFile>,
    file: &str,
    at: &str,
    record: Msg,
    list: &[F],
) -> Vec<Diagnostic> {
    list.iter()
        .enumerate()
        .map(|(k, f)| {
            let field = format!("{at}to_confirm[{k}]");
            let pos = src.map_or((1, 1), |s| s.locate(&field));
            Diagnostic::warning_msg(
                file,
                pos,
                &field,
                Msg::new("check-assumption")
                    .arg("record", record.clone())
                    .arg("field", f.name()),
            )
        })
        .collect()
}

/// Whether `v` is no value but the words that stand for one to complete
/// (« à compléter », "to be completed", in either language, with or
/// without their quotes).
pub fn is_placeholder(v: &str) -> bool {
    let bare = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || "«»\"“”'".contains(c))
            .to_lowercase()
    };
    let v = bare(v);
    [crate::model::Lang::Fr, crate::model::Lang::En]
        .iter()
        .any(|&l| bare(crate::render::catalog::Catalog::of(l).get("todo")) == v)
}

/// Warns on each required text that holds the words for a value to
/// complete rather than a value (an import writes them where a sheet had
/// none): the documents would show them as if they were a fact.
fn placeholders(c: &mut Checker<'_>, ws: &Workspace) {
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut at = |file: &str, field: String, v: &str| {
        if is_placeholder(v) {
            seen.push((file.to_string(), field));
        }
    };
    at(PROCESSOR, "name".into(), &ws.processor.name);
    for (id, ctl) in &ws.controllers {
        let f = controller_file(id);
        at(&f, "name".into(), &ctl.name);
        at(&f, "convention.title".into(), &ctl.convention.title);
        for (i, a) in ctl.activities.iter().enumerate() {
            at(&f, format!("activities[{i}].name"), &a.name);
        }
    }
    for (i, s) in ws.subprocessors.iter().enumerate() {
        at(SUBPROCESSORS, format!("subprocessors[{i}].name"), &s.name);
    }
    for (i, m) in ws.measures.iter().enumerate() {
        at(MEASURES, format!("measures[{i}].title"), &m.title);
    }
    for (file, field) in seen {
        c.warn_msg(&file, &field, Msg::new("sheetimport-f14-placeholder"));
    }
}

/// Validates a loaded workspace as of `today` (for tests and trainings that
/// fall due). Returns errors and warnings, errors first within each file.
pub fn validate(ws: &Workspace, today: NaiveDate) -> Vec<Diagnostic> {
    let mut c = Checker {
        ws,
        out: Vec::new(),
    };
    let p = &ws.processor;

    // The processor.
    if p.timezone.parse::<chrono_tz::Tz>().is_err() {
        c.error_msg(
            PROCESSOR,
            "timezone",
            Msg::new("check-unknown-timezone").arg("tz", p.timezone.to_string()),
            Msg::new("check-unknown-timezone-hint"),
        );
    }
    c.require(
        PROCESSOR,
        "address",
        &p.address,
        Msg::new("what-processor-address"),
        Msg::new("basis-30-2a"),
    );
    c.require(
        PROCESSOR,
        "representative.name",
        &p.representative.name,
        Msg::new("what-processor-representative"),
        Msg::new("basis-30-2a"),
    );
    c.require(
        PROCESSOR,
        "dpo.email",
        &p.dpo.email,
        Msg::new("what-processor-dpo-email"),
        Msg::new("basis-30-2a-ii10"),
    );
    c.require(
        PROCESSOR,
        "dpo.name",
        &p.dpo.name,
        Msg::new("what-processor-dpo-name"),
        Msg::new("basis-30-2a"),
    );

    placeholders(&mut c, ws);

    let sub_ids: Vec<&Id> = ws.subprocessors.iter().map(|s| &s.id).collect();
    let measure_ids: Vec<&Id> = ws.measures.iter().map(|m| &m.id).collect();
    let controller_ids: Vec<&Id> = ws.controllers.iter().map(|(id, _)| id).collect();
    let list = |ids: &[&Id]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.iter()
                .map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };

    if ws.controllers.is_empty() {
        c.warn_msg("controllers", "", Msg::new("check-no-controller"));
    }

    // Each controller.
    for (id, ctl) in &ws.controllers {
        let f = controller_file(id);
        let f = f.as_str();
        c.require(
            f,
            "address",
            &ctl.address,
            Msg::new("what-controller-address"),
            Msg::new("basis-30-2a"),
        );
        c.require(
            f,
            "representative.name",
            &ctl.representative.name,
            Msg::new("what-controller-representative"),
            Msg::new("basis-30-2a"),
        );
        c.require(
            f,
            "dpo.name",
            &ctl.dpo.name,
            Msg::new("what-controller-dpo-name"),
            Msg::new("basis-30-2a"),
        );
        c.require_reachable(
            f,
            "dpo",
            &ctl.dpo,
            Msg::new("what-controller-dpo"),
            Msg::new("basis-30-2a"),
        );
        c.require(
            f,
            "contacts.breach.email",
            &ctl.contacts.breach.email,
            Msg::new("what-breach-email"),
            Msg::new("basis-ii8-email"),
        );
        c.require(
            f,
            "contacts.breach.phone",
            &ctl.contacts.breach.phone,
            Msg::new("what-breach-phone"),
            Msg::new("basis-ii8-phone"),
        );
        c.require(
            f,
            "contacts.data_subject_requests.email",
            &ctl.contacts.data_subject_requests.email,
            Msg::new("what-requests-email"),
            Msg::new("basis-ii7"),
        );
        c.require(
            f,
            "contacts.it_coordinator.name",
            &ctl.contacts.it_coordinator.name,
            Msg::new("what-it-coordinator"),
            Msg::new("basis-convention-1"),
        );

        let conv = &ctl.convention;
        if conv.term_months == 0 {
            c.out.push(Diagnostic::error_msg(
                f,
                c.pos(f, "convention.term_months"),
                "convention.term_months",
                Msg::new("check-term-too-short"),
            ));
        }
        if conv.renewals.len() as u64 > u64::from(conv.renewals_allowed) {
            let at = format!("convention.renewals[{}]", conv.renewals_allowed);
            c.out.push(Diagnostic::error_msg(
                f,
                c.pos(f, &at),
                &at,
                Msg::new("check-too-many-renewals")
                    .arg("allowed", u64::from(conv.renewals_allowed))
                    .arg("recorded", conv.renewals.len()),
            ));
        }
        if ctl.activities.is_empty() {
            c.warn_msg(f, "activities", Msg::new("check-no-activity"));
        }
        c.duplicates(f, "activities", ctl.activities.iter().map(|a| &a.id));
        for (i, a) in ctl.activities.iter().enumerate() {
            c.assumed(
                f,
                &format!("activities[{i}]."),
                Msg::new("record-activity").arg("id", a.id.to_string()),
                &a.to_confirm,
            );
            for (j, s) in a.subprocessors.iter().enumerate() {
                let field = format!("activities[{i}].subprocessors[{j}]");
                match ws.subprocessors.iter().find(|x| &x.id == s) {
                    None => c.undeclared(
                        (f, &field),
                        "check-unknown-subprocessor",
                        s,
                        (SUBPROCESSORS, list(&sub_ids)),
                    ),
                    Some(sp) if !sp.controllers.contains(id) => c.warn_msg(
                        f,
                        &field,
                        Msg::new("check-subprocessor-not-for")
                            .arg("id", s.to_string())
                            .arg("file", SUBPROCESSORS)
                            .arg("controller", id.to_string()),
                    ),
                    Some(_) => {}
                }
            }
            for (j, m) in a.security_measures.iter().enumerate() {
                if !measure_ids.contains(&m) {
                    c.undeclared(
                        (f, &format!("activities[{i}].security_measures[{j}]")),
                        "check-unknown-measure",
                        m,
                        (MEASURES, list(&measure_ids)),
                    );
                }
            }
        }
        if ctl.transfers.is_none() {
            let d = Diagnostic::warning_msg(
                f,
                c.pos(f, "transfers"),
                "transfers",
                Msg::new("check-transfers-unstated"),
            );
            c.out
                .push(d.with_hint_msg(Msg::new("check-transfers-unstated-hint")));
        }
        for (i, t) in ctl.transfers.iter().flatten().enumerate() {
            c.assumed(
                f,
                &format!("transfers[{i}]."),
                Msg::new("record-transfer").arg("country", t.country.to_string()),
                &t.to_confirm,
            );
            c.require(
                f,
                &format!("transfers[{i}].safeguards"),
                &t.safeguards,
                Msg::new("what-transfer-safeguards"),
                Msg::new("basis-30-2c"),
            );
        }
    }

    // Sub-processors.
    c.duplicates(
        SUBPROCESSORS,
        "subprocessors",
        ws.subprocessors.iter().map(|s| &s.id),
    );
    for (i, s) in ws.subprocessors.iter().enumerate() {
        let at = |f: &str| format!("subprocessors[{i}].{f}");
        c.assumed(
            SUBPROCESSORS,
            &at(""),
            Msg::new("record-subprocessor").arg("id", s.id.to_string()),
            &s.to_confirm,
        );
        for (j, cid) in s.controllers.iter().enumerate() {
            if !controller_ids.contains(&cid) {
                c.error_msg(
                    SUBPROCESSORS,
                    &at(&format!("controllers[{j}]")),
                    Msg::new("check-unknown-controller").arg("id", cid.to_string()),
                    Msg::new("check-unknown-controller-hint").arg("known", list(&controller_ids)),
                );
            }
        }
        if s.controllers.is_empty() {
            c.warn_msg(
                SUBPROCESSORS,
                &at("controllers"),
                Msg::new("check-no-controller-of").arg("id", s.id.to_string()),
            );
        }
        c.require(
            SUBPROCESSORS,
            &at("address"),
            &s.address,
            Msg::new("what-subprocessor-address").arg("id", s.id.to_string()),
            Msg::new("basis-ii6"),
        );
        c.require_reachable(
            SUBPROCESSORS,
            &at("contact"),
            &s.contact,
            Msg::new("what-subprocessor").arg("id", s.id.to_string()),
            Msg::new("basis-ii6"),
        );
        if s.contract.start.is_none() {
            c.warn_msg(
                SUBPROCESSORS,
                &at("contract.start"),
                Msg::new("check-contract-start-missing").arg("id", s.id.to_string()),
            );
        }
        if let (Some(a), Some(b)) = (s.contract.start, s.contract.end) {
            if b < a {
                let at = at("contract.end");
                c.out.push(Diagnostic::error_msg(
                    SUBPROCESSORS,
                    c.pos(SUBPROCESSORS, &at),
                    &at,
                    Msg::new("check-contract-ends-before")
                        .arg("end", b.to_string())
                        .arg("start", a.to_string()),
                ));
            }
        }
        if s.activities.is_empty() {
            c.warn_msg(
                SUBPROCESSORS,
                &at("activities"),
                Msg::new("check-no-activity-of").arg("id", s.id.to_string()),
            );
        }
        c.require(
            SUBPROCESSORS,
            &at("guarantees"),
            &s.guarantees,
            Msg::new("what-guarantees").arg("id", s.id.to_string()),
            Msg::new("basis-28-4"),
        );
    }

    // Security measures.
    if ws.measures.is_empty() {
        c.warn_msg(MEASURES, "measures", Msg::new("check-no-measure"));
    }
    c.duplicates(MEASURES, "measures", ws.measures.iter().map(|m| &m.id));
    for (i, m) in ws.measures.iter().enumerate() {
        let at = |f: &str| format!("measures[{i}].{f}");
        c.assumed(
            MEASURES,
            &at(""),
            Msg::new("record-measure").arg("id", m.id.to_string()),
            &m.to_confirm,
        );
        c.require(
            MEASURES,
            &at("owner"),
            &m.owner,
            Msg::new("what-measure-owner").arg("id", m.id.to_string()),
            Msg::new("basis-ii9"),
        );
        match (m.last_tested, m.test_due()) {
            (None, _) => c.warn_msg(
                MEASURES,
                &at("last_tested"),
                Msg::new("check-measure-never-tested").arg("id", m.id.to_string()),
            ),
            (Some(d), Some(due)) => {
                if crate::time::date_overdue(due, today) {
                    let n = m.test_interval_months.unwrap_or_default();
                    c.warn_msg(
                        MEASURES,
                        &at("last_tested"),
                        Msg::new("check-measure-test-overdue")
                            .arg("id", m.id.to_string())
                            .arg("last", crate::render::said::day(d))
                            .arg("months", u64::from(n)),
                    );
                }
            }
            (Some(_), None) => {}
        }
    }

    // People.
    if ws.people.training_interval_months.is_none() && !ws.people.people.is_empty() {
        c.warn_msg(
            PEOPLE,
            "training_interval_months",
            Msg::new("check-training-interval-unset"),
        );
    }
    c.duplicates(PEOPLE, "people", ws.people.people.iter().map(|p| &p.id));
    for (i, person) in ws.people.people.iter().enumerate() {
        let at = |f: &str| format!("people[{i}].{f}");
        c.assumed(
            PEOPLE,
            &at(""),
            Msg::new("record-person").arg("id", person.id.to_string()),
            &person.to_confirm,
        );
        for (j, cid) in person.controllers.iter().enumerate() {
            if !controller_ids.contains(&cid) {
                c.error_msg(
                    PEOPLE,
                    &at(&format!("controllers[{j}]")),
                    Msg::new("check-unknown-controller").arg("id", cid.to_string()),
                    Msg::new("check-unknown-controller-hint").arg("known", list(&controller_ids)),
                );
            }
        }
        if person.confidentiality_commitment.is_none() {
            c.warn_msg(
                PEOPLE,
                &at("confidentiality_commitment"),
                Msg::new("check-no-commitment").arg("id", person.id.to_string()),
            );
        }
        match person.last_training {
            None => c.warn_msg(
                PEOPLE,
                &at("last_training"),
                Msg::new("check-no-training").arg("id", person.id.to_string()),
            ),
            Some(d) => {
                let due = ws.people.training_due(person);
                if let Some(n) = ws
                    .people
                    .training_interval_months
                    .filter(|_| due.is_some_and(|due| crate::time::date_overdue(due, today)))
                {
                    c.warn_msg(
                        PEOPLE,
                        &at("last_training"),
                        Msg::new("check-training-old")
                            .arg("id", person.id.to_string())
                            .arg("months", u64::from(n))
                            .arg("last", crate::render::said::day(d)),
                    );
                }
            }
        }
    }

    let mut out = c.out;
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    out
}
