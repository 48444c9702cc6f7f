//! What needs doing, and by when: the items `dpo status` lists, gathered
//! from every source of duties in the workspace.
//!
//! Each source (breaches today; sub-processor notices, data-subject requests
//! and tests of security measures later) turns its records into
//! [`StatusItem`]s; this module only merges and ranks them, and writes them
//! as an iCalendar file. Nothing here prints or reads the clock.

mod dated;
pub mod ics;
pub mod measures;
pub mod people;
pub mod term;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use crate::model::Id;
use crate::workspace::{Diagnostic, Workspace};

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// The deadline has passed and the duty is not done (exit 1).
    Overdue,
    /// Started but not complete, e.g. e-mail sent and no phone call logged (exit 1).
    Incomplete,
    /// Not done, deadline within the next 24 hours.
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
}

/// Every item of the workspace as of `now`, most urgent first, and the
/// problems found in the files read.
pub fn collect(ws: &Workspace, now: DateTime<Utc>) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    collect_for(ws, now, None)
}

/// True when `item` is about `controller`: the sources that concern one
/// controller end their subject with its id (`2021-001/juvisy-sur-orge`).
fn about(item: &StatusItem, controller: &Id) -> bool {
    item.subject.rsplit('/').next() == Some(controller.as_str())
}

/// [`collect`], restricted to what concerns the controller `only` when given.
pub fn collect_for(
    ws: &Workspace,
    now: DateTime<Utc>,
    only: Option<&Id>,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let mut items = Vec::new();
    let mut diags = Vec::new();
    let (mut b, mut d) = crate::breach::status::items(ws, now);
    items.append(&mut b);
    diags.append(&mut d);
    let (mut b, mut d) = crate::annex1::status::items(ws, now);
    items.append(&mut b);
    diags.append(&mut d);
    if let Some(c) = only {
        items.retain(|i| about(i, c));
    }
    // People, measures and the term filter themselves: a person or a measure
    // may concern several controllers.
    items.append(&mut people::items(ws, now, only));
    items.append(&mut measures::items(ws, now, only));
    let (mut b, mut d) = term::items(ws, now, only);
    items.append(&mut b);
    diags.append(&mut d);
    items.sort_by(|a, b| (a.state, a.due, &a.subject).cmp(&(b.state, b.due, &b.subject)));
    (items, diags)
}
