//! Checks that need the whole workspace: cross-references, duplicate ids,
//! and the information the law or the convention requires but the files
//! leave out (warnings: the documents show it as "à compléter"), and the
//! values a record marks as assumptions to confirm (warnings: the documents
//! show them with "à confirmer"). An e-mail field holding anything but one
//! address (parsed by lettre, as the mail is sent), an interval of 0 months
//! are errors, and so is a date before 1900 (a year typed in two digits:
//! convention, renewal, measure test, sub-processor contract); a security
//! measure tested or a person trained on a day still to come, a convention
//! allowing renewals with no notice period (0 months), and a text of the
//! register's files that is or holds « à compléter » (any case, accents or
//! punctuation), are warnings.

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

/// The ids of `ids`, comma-separated, or `none`.
fn listed(ids: &[&Id]) -> String {
    if ids.is_empty() {
        "none".to_string()
    } else {
        ids.iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
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

    /// Errors on each id of `controllers`, the list `{at}controllers` of
    /// `file`, that is none of the workspace's controllers (`known`).
    fn known_controllers(&mut self, file: &str, at: &str, controllers: &[Id], known: &[&Id]) {
        for (j, cid) in controllers.iter().enumerate() {
            if !known.contains(&cid) {
                self.error_msg(
                    file,
                    &format!("{at}controllers[{j}]"),
                    Msg::new("check-unknown-controller").arg("id", cid.to_string()),
                    Msg::new("check-unknown-controller-hint").arg("known", listed(known)),
                );
            }
        }
    }

    /// Errors when the e-mail field `field` of `file` holds something
    /// other than one address (two addresses, a name, words): parsed as
    /// the mail is sent, trimmed, by lettre. No value, or the words for
    /// one to complete, is for [`Self::require`] to say.
    fn email(&mut self, file: &str, field: &str, v: &Option<String>) {
        let Some(v) = v
            .as_deref()
            .filter(|v| !v.trim().is_empty() && !is_placeholder(v))
        else {
            return;
        };
        if !is_email(v) {
            let shown: String = v
                .trim()
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            self.error_msg(
                file,
                field,
                Msg::new("check-bad-email").arg("value", shown),
                Msg::new("check-bad-email-hint"),
            );
        }
    }

    /// [`Self::email`] for the contacts of `file`, each at its field path.
    fn emails(&mut self, file: &str, contacts: &[(&str, &Contact)]) {
        for (at, c) in contacts {
            self.email(file, &format!("{at}email"), &c.email);
        }
    }

    /// Errors when the interval `field` of `file` is 0 months.
    fn interval(&mut self, file: &str, field: &str, months: Option<u32>) {
        if months == Some(0) {
            self.error_msg(
                file,
                field,
                Msg::new("check-interval-zero"),
                Msg::new("check-interval-zero-hint"),
            );
        }
    }

    /// A record `record` at `at` of `file` that names controllers: each
    /// field its `to_confirm` list marks, then each controller of `named`
    /// that is none of `known`.
    fn of_controllers<F: FieldName>(
        &mut self,
        file: &str,
        at: &str,
        record: Msg,
        to_confirm: &[F],
        (named, known): (&[Id], &[&Id]),
    ) {
        self.assumed(file, at, record, to_confirm);
        self.known_controllers(file, at, named, known);
    }

    /// An error at each date before [`crate::sheet::read::FIRST_YEAR`]: a
    /// year typed in two digits (`21-02-01` is the year 21), never a date
    /// of this register.
    fn early(&mut self, file: &str, dates: &[(String, Option<NaiveDate>)]) {
        use chrono::Datelike;
        for (field, d) in dates {
            if let Some(d) = d.filter(|d| d.year() < crate::sheet::read::FIRST_YEAR) {
                let message = Msg::new("check-f14i-early-date")
                    .arg("date", d.to_string())
                    .arg("first", crate::sheet::read::FIRST_YEAR.to_string());
                self.out.push(Diagnostic::error_msg(
                    file,
                    self.pos(file, field),
                    field,
                    message,
                ));
            }
        }
    }

    /// Warns when the day `d` (a test, a training) of the record `id` is
    /// after `today`: a date still to come is no proof yet (`key` says
    /// which).
    fn future(
        &mut self,
        at: (&str, &str),
        key: &'static str,
        id: &str,
        d: NaiveDate,
        today: NaiveDate,
    ) {
        let (file, field) = at;
        if d > today {
            let message = Msg::new(key)
                .arg("id", id.to_string())
                .arg("last", crate::render::said::day(d))
                .arg("today", crate::render::said::day(today));
            self.warn_msg(file, field, message);
        }
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

    /// [`Self::require`] for each `(field, value, what, basis)` of `file`.
    fn require_all(
        &mut self,
        file: &str,
        list: &[(&str, &Option<String>, &'static str, &'static str)],
    ) {
        for &(field, v, what, basis) in list {
            self.require(file, field, v, Msg::new(what), Msg::new(basis));
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
/// (« à compléter », "to be completed", « à renseigner », "TODO", `?`…),
/// whatever their case and accents (`A COMPLETER`, `à completer`) and the
/// quotes, brackets or punctuation around them (`(à compléter)`, `À
/// Compléter.`): the one list, [`crate::model::is_todo`], which holds the
/// catalogs' own « todo » words (unit-tested).
pub fn is_placeholder(v: &str) -> bool {
    crate::model::is_todo(v)
}

/// Whether `v` is one e-mail address as `dpo check` takes it: no control
/// character, and lettre parses it, trimmed (as the mail is sent).
pub fn is_email(v: &str) -> bool {
    !v.chars().any(char::is_control) && v.trim().parse::<lettre::Address>().is_ok()
}

/// Whether `v` holds the words for a value to complete among other words
/// (« A compléter (adresse) », « Rue X — à renseigner »), as whole words,
/// in any case, accents or punctuation; not when it is only them
/// ([`is_placeholder`]): [`crate::model::holds_todo`].
pub fn holds_placeholder(v: &str) -> bool {
    crate::model::holds_todo(v)
}

/// Warns on each text of the register's files (processor, controllers,
/// sub-processors, measures, people) that is, or holds among other words,
/// the words for a value to complete rather than a value (an import writes
/// them where a sheet had none for a required name; a hand may type them
/// anywhere): the documents would show them as if they were a fact.
fn placeholders(c: &mut Checker<'_>, ws: &Workspace) {
    let mut seen: Vec<(String, String, String)> = Vec::new();
    let mut phones: Vec<(String, String, String)> = Vec::new();
    let mut invisible: Vec<(String, String, String)> = Vec::new();
    let mut doubts: Vec<(String, String, String)> = Vec::new();
    let mut walk = |file: &str, root: &str, v: serde_yaml::Value| {
        texts(root, &v, &mut |field, text| {
            if crate::model::ends_in_doubt(text) {
                doubts.push((file.to_string(), field.clone(), text.to_string()));
            }
            if text.chars().any(crate::model::is_invisible) {
                invisible.push((file.to_string(), field.clone(), text.to_string()));
            }
            if is_placeholder(text) || holds_placeholder(text) {
                seen.push((file.to_string(), field, text.to_string()));
            } else if field == "phone" || field.ends_with(".phone") {
                phones.push((file.to_string(), field, text.to_string()));
            }
        });
    };
    let yaml = |v: Result<serde_yaml::Value, serde_yaml::Error>| v.unwrap_or_default();
    walk(PROCESSOR, "", yaml(serde_yaml::to_value(&ws.processor)));
    for (id, ctl) in &ws.controllers {
        walk(&controller_file(id), "", yaml(serde_yaml::to_value(ctl)));
    }
    walk(
        SUBPROCESSORS,
        "subprocessors",
        yaml(serde_yaml::to_value(&ws.subprocessors)),
    );
    walk(
        MEASURES,
        "measures",
        yaml(serde_yaml::to_value(&ws.measures)),
    );
    walk(PEOPLE, "", yaml(serde_yaml::to_value(&ws.people)));
    // A character that shows nothing makes a name look like another one,
    // an address that does not deliver, or a name of nothing.
    for (file, field, text) in invisible {
        let n = text
            .chars()
            .filter(|c| crate::model::is_invisible(*c))
            .count();
        let (codes, shown) = crate::model::invisible_of(&text);
        let msg = Msg::new("check-f14s-invisible")
            .arg("value", shown)
            .arg("codes", codes)
            .arg("n", n);
        c.warn_msg(&file, &field, msg);
    }
    // A text ending in « (?) » or « à vérifier » loses it on a
    // spreadsheet's round trip (the import reads it as the mark), and a
    // name may then be another record's name.
    for (file, field, text) in doubts {
        let msg = Msg::new("check-f14u-doubt-name").arg("value", text);
        c.warn_msg(&file, &field, msg);
    }
    for (file, field, text) in phones {
        if let Some(why) = not_a_phone(&text) {
            let msg = Msg::new("check-f14m-phone")
                .arg("value", text)
                .arg("why", why);
            c.warn_msg(&file, &field, msg);
        }
    }
    for (file, field, text) in seen {
        let msg = if is_placeholder(&text) {
            Msg::new("sheetimport-f14-placeholder")
        } else {
            Msg::new("check-placeholder-among").arg("value", text)
        };
        c.warn_msg(&file, &field, msg);
    }
}

/// Why a phone field's text is no phone number: it holds `@` (`at`: an
/// e-mail address), letters other than a label before it (`letters`:
/// « Tél. : », "Phone:", « standard : » are labels), or more than 15
/// digits (`digits`: ITU E.164 numbers have at most 15, so two numbers).
fn not_a_phone(v: &str) -> Option<&'static str> {
    if v.contains('@') {
        return Some("at");
    }
    // A label: the words before a colon, or a leading « Tél. »/"Tel".
    let number = match v.split_once(':') {
        Some((label, rest)) if !label.chars().any(|c| c.is_ascii_digit()) => rest,
        _ => v,
    };
    let number = number.trim_start();
    let f = crate::model::folded(number);
    let number = ["tel.", "tel", "phone", "mobile", "portable"]
        .iter()
        .find_map(|l| {
            f.strip_prefix(l)
                .filter(|r| !r.starts_with(char::is_alphabetic))
        })
        .unwrap_or(&f);
    if number.chars().any(char::is_alphabetic) && !crate::model::is_phone_with_extension(number) {
        return Some("letters");
    }
    (number.chars().filter(char::is_ascii_digit).count() > 15).then_some("digits")
}

/// Each text of `v` with its field's path under `at` (`activities[0].name`).
fn texts(at: &str, v: &serde_yaml::Value, f: &mut dyn FnMut(String, &str)) {
    use serde_yaml::Value;
    match v {
        Value::String(s) => f(at.to_string(), s),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(&format!("{at}[{i}]"), item, f);
            }
        }
        Value::Mapping(m) => {
            for (k, item) in m {
                let Some(k) = k.as_str() else { continue };
                let path = if at.is_empty() {
                    k.to_string()
                } else {
                    format!("{at}.{k}")
                };
                texts(&path, item, f);
            }
        }
        Value::Tagged(t) => texts(at, &t.value, f),
        _ => {}
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
    c.require_all(
        PROCESSOR,
        &[
            (
                "address",
                &p.address,
                "what-processor-address",
                "basis-30-2a",
            ),
            (
                "representative.name",
                &p.representative.name,
                "what-processor-representative",
                "basis-30-2a",
            ),
            (
                "dpo.email",
                &p.dpo.email,
                "what-processor-dpo-email",
                "basis-30-2a-ii10",
            ),
            (
                "dpo.name",
                &p.dpo.name,
                "what-processor-dpo-name",
                "basis-30-2a",
            ),
        ],
    );

    c.email(PROCESSOR, "email", &p.email);
    c.emails(
        PROCESSOR,
        &[("representative.", &p.representative), ("dpo.", &p.dpo)],
    );

    placeholders(&mut c, ws);

    let sub_ids: Vec<&Id> = ws.subprocessors.iter().map(|s| &s.id).collect();
    let measure_ids: Vec<&Id> = ws.measures.iter().map(|m| &m.id).collect();
    let controller_ids: Vec<&Id> = ws.controllers.iter().map(|(id, _)| id).collect();
    let list = listed;

    if ws.controllers.is_empty() {
        c.warn_msg("controllers", "", Msg::new("check-no-controller"));
    }

    // Each controller.
    for (id, ctl) in &ws.controllers {
        let f = controller_file(id);
        let f = f.as_str();
        c.require_all(
            f,
            &[
                (
                    "address",
                    &ctl.address,
                    "what-controller-address",
                    "basis-30-2a",
                ),
                (
                    "representative.name",
                    &ctl.representative.name,
                    "what-controller-representative",
                    "basis-30-2a",
                ),
                (
                    "dpo.name",
                    &ctl.dpo.name,
                    "what-controller-dpo-name",
                    "basis-30-2a",
                ),
            ],
        );
        c.require_reachable(
            f,
            "dpo",
            &ctl.dpo,
            Msg::new("what-controller-dpo"),
            Msg::new("basis-30-2a"),
        );
        c.require_all(
            f,
            &[
                (
                    "contacts.breach.email",
                    &ctl.contacts.breach.email,
                    "what-breach-email",
                    "basis-ii8-email",
                ),
                (
                    "contacts.breach.phone",
                    &ctl.contacts.breach.phone,
                    "what-breach-phone",
                    "basis-ii8-phone",
                ),
                (
                    "contacts.data_subject_requests.email",
                    &ctl.contacts.data_subject_requests.email,
                    "what-requests-email",
                    "basis-ii7",
                ),
                (
                    "contacts.it_coordinator.name",
                    &ctl.contacts.it_coordinator.name,
                    "what-it-coordinator",
                    "basis-convention-1",
                ),
            ],
        );

        let k = &ctl.contacts;
        c.emails(
            f,
            &[
                ("representative.", &ctl.representative),
                ("dpo.", &ctl.dpo),
                ("contacts.breach.", &k.breach),
                ("contacts.data_subject_requests.", &k.data_subject_requests),
                ("contacts.it_coordinator.", &k.it_coordinator),
                ("contacts.notices.", &k.notices),
            ],
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
        let allowed = conv.renewals_allowed;
        if let Some(n) = allowed.filter(|n| conv.renewals.len() as u64 > u64::from(*n)) {
            let at = format!("convention.renewals[{n}]");
            c.out.push(Diagnostic::error_msg(
                f,
                c.pos(f, &at),
                &at,
                Msg::new("check-too-many-renewals")
                    .arg("allowed", u64::from(n))
                    .arg("recorded", conv.renewals.len()),
            ));
        }
        // Not known: the register and `status` say « à compléter », and no
        // last day to renew can be counted.
        if allowed.is_none() {
            c.warn_msg(
                f,
                "convention.renewals_allowed",
                Msg::new("check-f14y-renewals-unknown"),
            );
            if conv.renewal_notice_months.is_none() {
                c.warn_msg(
                    f,
                    "convention.renewal_notice_months",
                    Msg::new("check-f14y-notice-unknown-too"),
                );
            }
        }
        if let Some(n) = allowed.filter(|n| *n > 0) {
            let id = match conv.renewal_notice_months {
                None => Some("check-f14y-notice-unknown"),
                Some(0) => Some("check-f14i-no-notice"),
                Some(_) => None,
            };
            if let Some(id) = id {
                c.warn_msg(
                    f,
                    "convention.renewal_notice_months",
                    Msg::new(id).arg("allowed", u64::from(n)),
                );
            }
        }
        let mut dates = vec![
            ("convention.start".to_string(), Some(conv.start)),
            ("convention.act_date".to_string(), conv.act_date),
            ("convention.enforceable_on".to_string(), conv.enforceable_on),
        ];
        for (i, r) in conv.renewals.iter().enumerate() {
            dates.push((
                format!("convention.renewals[{i}].decided_on"),
                Some(r.decided_on),
            ));
        }
        c.early(f, &dates);
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
            // A list not known yet shows « à compléter » in the register:
            // a missing fact (`[]` says there is none).
            for (field, unknown) in [
                ("systems", a.systems.is_none()),
                ("data_categories", a.data_categories.is_none()),
                ("subprocessors", a.subprocessors.is_none()),
                ("security_measures", a.security_measures.is_none()),
            ] {
                if unknown {
                    let at = format!("activities[{i}].{field}");
                    let d = Diagnostic::warning_msg(
                        f,
                        c.pos(f, &at),
                        &at,
                        Msg::new("check-activity-list-unknown")
                            .arg("field", field)
                            .arg("id", a.id.to_string()),
                    );
                    let hint = Msg::new("check-activity-list-unknown-hint").arg("field", field);
                    c.out.push(d.with_hint_msg(hint));
                }
            }
            for (j, s) in a.subprocessors.iter().flatten().enumerate() {
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
            for (j, m) in a.security_measures.iter().flatten().enumerate() {
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
            // A transfer to no country, or to no one, says nothing a
            // register can show; a YAML null read as a text ("null", "~")
            // is no value either.
            for (field, v) in [("country", &t.country), ("recipient", &t.recipient)] {
                if v.trim().is_empty() || matches!(v.trim(), "null" | "~" | "Null" | "NULL") {
                    c.warn_msg(
                        f,
                        &format!("transfers[{i}].{field}"),
                        Msg::new("check-f14m-transfer-empty")
                            .arg("field", field)
                            .arg(
                                "shown",
                                if v.trim().is_empty() {
                                    "empty"
                                } else {
                                    v.trim()
                                },
                            ),
                    );
                }
            }
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
        let record = Msg::new("record-subprocessor").arg("id", s.id.to_string());
        let (confirm, named) = (&s.to_confirm, &s.controllers);
        c.of_controllers(
            SUBPROCESSORS,
            &at(""),
            record,
            confirm,
            (named, &controller_ids),
        );
        c.early(
            SUBPROCESSORS,
            &[
                (at("contract.start"), s.contract.start),
                (at("contract.end"), s.contract.end),
            ],
        );
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
        c.email(SUBPROCESSORS, &at("contact.email"), &s.contact.email);
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
        c.interval(
            MEASURES,
            &at("test_interval_months"),
            m.test_interval_months,
        );
        c.early(MEASURES, &[(at("last_tested"), m.last_tested)]);
        if let Some(d) = m.last_tested {
            let key = "check-measure-tested-in-future";
            c.future((MEASURES, &at("last_tested")), key, m.id.as_str(), d, today);
        }
        // An interval of 0 is said above, not as a test overdue.
        match (
            m.last_tested,
            m.test_due().filter(|_| m.test_interval_months != Some(0)),
        ) {
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
    c.interval(
        PEOPLE,
        "training_interval_months",
        ws.people.training_interval_months,
    );
    c.duplicates(PEOPLE, "people", ws.people.people.iter().map(|p| &p.id));
    for (i, person) in ws.people.people.iter().enumerate() {
        let at = |f: &str| format!("people[{i}].{f}");
        let record = Msg::new("record-person").arg("id", person.id.to_string());
        let (confirm, named) = (&person.to_confirm, &person.controllers);
        c.of_controllers(PEOPLE, &at(""), record, confirm, (named, &controller_ids));
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
                let key = "check-training-in-future";
                c.future(
                    (PEOPLE, &at("last_training")),
                    key,
                    person.id.as_str(),
                    d,
                    today,
                );
                let due = ws.people.training_due(person);
                if let Some(n) = ws
                    .people
                    .training_interval_months
                    .filter(|&n| n > 0)
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

#[cfg(test)]
mod tests {
    use super::{holds_placeholder, is_placeholder};

    #[test]
    fn the_catalogs_words_for_a_value_to_complete_are_in_the_one_list() {
        for l in [crate::model::Lang::Fr, crate::model::Lang::En] {
            let catalog = crate::render::catalog::Catalog::of(l);
            let todo = catalog.get("todo");
            assert!(is_placeholder(todo), "{todo:?}");
        }
    }

    #[test]
    fn the_placeholder_wrapped_is_one_and_among_other_words_is_held() {
        for v in [
            "« à compléter »",
            "À Compléter.",
            "(à compléter)",
            "A COMPLETER !",
            "\"to be completed\"",
            "[à  compléter]",
        ] {
            assert!(is_placeholder(v), "{v:?}");
            assert!(!holds_placeholder(v), "{v:?}");
        }
        for v in [
            "A compléter (adresse)",
            "Rue X — à compléter",
            "address to be completed",
        ] {
            assert!(!is_placeholder(v), "{v:?}");
            assert!(holds_placeholder(v), "{v:?}");
        }
        for v in ["", "Rue de la Paix", "à compléterons", "compléter"] {
            assert!(!is_placeholder(v) && !holds_placeholder(v), "{v:?}");
        }
    }
}
