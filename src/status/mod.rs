//! What needs doing, and by when: the items `dpo status` lists, gathered
//! from every source of duties in the workspace.
//!
//! Every source of duties lives here, one file each — breaches,
//! sub-processor notices, data-subject requests, instructions, people,
//! security measures, the convention's term, the uncertain sendings of
//! the outbox, the interrupted destructions of backups and the records changed outside dpo — and turns the records of
//! its workflow into [`StatusItem`]s; this module merges them, [`urgency`]
//! flags what is due soon, ranks them most urgent first and counts them for
//! the summary line, and [`ics`] writes them as an iCalendar file. The
//! workflows never import this module back. Nothing here prints or reads the
//! clock.

pub mod breach;
mod dated;
pub mod ics;
pub mod instruction;
pub mod integrity;
pub mod interrupted;
pub mod measures;
pub mod people;
pub mod request;
pub mod sending;
pub mod sheets;
pub mod subprocessor;
pub mod term;
pub mod timestamp;
pub mod urgency;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use crate::model::Id;
use crate::render::templates::Strings;
use crate::time::working_days::PeriodEnd;
use crate::workspace::{Diagnostic, Workspace};

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// The deadline has passed and the duty is not done (exit 1).
    Overdue,
    /// Started but not complete, e.g. e-mail sent and no phone call logged (exit 1).
    Incomplete,
    /// Not done, deadline within the next 7 days ([`urgency::DUE_SOON`]).
    DueSoon,
    /// Not done, time left.
    Pending,
    /// A deadline that is someone else's duty, shown as a reminder.
    Info,
    /// Done, but after the deadline.
    DoneLate,
    /// Done in time.
    Done,
}

impl State {
    /// True when the item makes `dpo status` exit 1.
    pub fn needs_action(self) -> bool {
        matches!(self, State::Overdue | State::Incomplete)
    }

    /// True when nothing remains to be done.
    pub fn is_done(self) -> bool {
        matches!(self, State::Done | State::DoneLate)
    }
}

/// One duty with a deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusItem {
    /// What kind of duty, e.g. `breach.notification`, `breach.authority`.
    pub kind: String,
    /// What it is about, e.g. `2021-001/juvisy-sur-orge`.
    pub subject: String,
    /// A human title.
    pub title: String,
    /// The deadline.
    pub due: Option<DateTime<FixedOffset>>,
    /// Where it stands.
    pub state: State,
    /// What is missing, as codes: `email`, `call`, or a field path.
    pub missing: Vec<String>,
    /// The workspace file it comes from.
    pub file: String,
    /// When the deadline ends a period in days or months: the day counted
    /// and the day it ends on, moved past a weekend or a public holiday
    /// (Reg. 1182/71, art. 3(4)); `due` is the end of `period.ends`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodEnd>,
}

impl StatusItem {
    /// What is missing, in words, as `status` and the calendar print it
    /// ("manque : date du dernier test"); for a record changed outside
    /// dpo, the fields that differ. `None` when nothing is missing.
    pub fn missing_line(&self, s: &Strings) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        if self.kind == integrity::KIND_TAMPERED {
            // Field names as the file spells them: the person opens it.
            let fields: Vec<String> = self.missing.iter().map(|f| format!("`{f}`")).collect();
            return Some(s.fmt(
                "screens-status-fields-differ",
                &[("fields", fields.join(", ").into())],
            ));
        }
        let labels: Vec<String> = self
            .missing
            .iter()
            .map(|code| missing_label(s, &self.kind, code))
            .collect();
        Some(s.fmt(
            "status-missing-line",
            &[("items", labels.join(", ").into())],
        ))
    }
}

/// A `missing` code of an item of `kind` in words: `email`, `call`, a
/// breach field (`nature.description`), a field of people or measures
/// (`last_tested`), and for the data's fate an item (`dossiers`), a copy
/// (`dossiers/volume`), `certificate` or `fate_file`. A code this version
/// does not know is shown as it is.
fn missing_label(s: &Strings, kind: &str, code: &str) -> String {
    if kind == term::KIND_FATE {
        return match code.split_once('/') {
            _ if code == "certificate" => s.fmt("fate-pending-certificate", &[]),
            _ if code == "fate_file" => s.fmt("screens-missing-fate_file", &[]),
            Some((item, copy)) => s.fmt(
                "fate-pending-copy",
                &[("copy", copy.into()), ("item", item.into())],
            ),
            None => s.fmt("fate-pending-item", &[("item", code.into())]),
        };
    }
    [
        format!("status_missing.{code}"),
        format!("screens-missing-{code}"),
        format!("breach_field.{code}"),
    ]
    .iter()
    .find(|key| s.has(key))
    .map_or_else(|| code.to_string(), |key| s.fmt(key, &[]))
}

/// Every item of the workspace as of `now`, most urgent first, and the
/// problems found in the files read.
pub fn collect(
    ws: &Workspace,
    now: DateTime<Utc>,
    s: &Strings,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    collect_for(ws, now, None, s)
}

/// The items `each` makes of every record a source loaded, and the problems
/// found in its files.
fn of_records<T>(
    (records, diags): (Vec<T>, Vec<Diagnostic>),
    mut each: impl FnMut(&T, &mut Vec<StatusItem>),
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    for r in &records {
        each(r, &mut out);
    }
    (out, diags)
}

/// The name of controller `c`, for titles.
pub(super) fn controller_name(ws: &Workspace, c: &Id) -> String {
    ws.controller(c).map_or(c.to_string(), |x| x.name.clone())
}

/// True when `item` is about `controller`: the sources that concern one
/// controller end their subject with its id (`2021-001/juvisy-sur-orge`).
fn about(item: &StatusItem, controller: &Id) -> bool {
    item.subject.rsplit('/').next() == Some(controller.as_str())
}

/// [`collect`], restricted to what concerns the controller `only` when given;
/// the titles that are more than names are in the language of `s`.
pub fn collect_for(
    ws: &Workspace,
    now: DateTime<Utc>,
    only: Option<&Id>,
    s: &Strings,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let mut items = Vec::new();
    let mut diags = Vec::new();
    for (mut b, mut d) in [
        breach::items(ws, now),
        subprocessor::items(ws, now),
        request::items(ws, now, s),
        instruction::items(ws),
    ] {
        items.append(&mut b);
        diags.append(&mut d);
    }
    if let Some(c) = only {
        items.retain(|i| about(i, c));
    }
    // People, measures and the term filter themselves: a person or a measure
    // may concern several controllers.
    items.append(&mut people::items(ws, now, only));
    items.append(&mut measures::items(ws, now, only));
    let (mut b, mut d) = term::items(ws, now, only, s);
    items.append(&mut b);
    diags.append(&mut d);
    // A destruction interrupted between the tool's deletion and its record.
    let (mut b, mut d) = interrupted::items(ws, only);
    items.append(&mut b);
    diags.append(&mut d);
    // Evidence waiting for its time-stamp: always shown.
    items.append(&mut timestamp::items(ws, s));
    // An uncertain sending concerns the whole outbox: always shown.
    let (mut b, mut d) = sending::items(ws, s);
    items.append(&mut b);
    diags.append(&mut d);
    // A record changed outside dpo makes every item built from it suspect:
    // shown with them (for one controller: when it is that controller's
    // fate file or some item of it is listed).
    let (b, mut d) = integrity::items(ws, s);
    let concerned: Vec<StatusItem> = b
        .into_iter()
        .filter(|t| {
            only.is_none_or(|c| {
                t.file == format!("{}/{c}.yaml", crate::workspace::kinds::FATE.path)
                    || items.iter().any(|i| i.file == t.file)
            })
        })
        .collect();
    items.extend(concerned);
    diags.append(&mut d);
    // Every deadline in the processor's timezone, with the offset of its
    // own season: 72 h after an awareness in summer time may end in winter.
    for i in &mut items {
        i.due = i.due.map(|d| crate::time::in_tz(d.to_utc(), ws.tz));
    }
    urgency::flag_due_soon(&mut items, now);
    urgency::sort(&mut items, now);
    (items, diags)
}

/// The items of a source read from the journal, one per thing found; a
/// journal that cannot be read is a warning saying `what` failed.
fn from_journal<T>(
    found: Result<Vec<T>, crate::workspace::WorkspaceError>,
    item: impl Fn(&T) -> StatusItem,
    what: &'static str,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    match found {
        Ok(found) => (found.iter().map(item).collect(), Vec::new()),
        Err(e) => (
            Vec::new(),
            vec![Diagnostic::warning_msg(
                crate::workspace::journal::JOURNAL_FILE,
                (1, 1),
                "",
                crate::render::catalog::Msg::new("duties-status-journal-unreadable")
                    .arg("what", crate::render::catalog::Msg::new(what))
                    .arg("why", e.to_string()),
            )],
        ),
    }
}
