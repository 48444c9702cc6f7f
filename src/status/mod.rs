//! What needs doing, and by when: the items `dpo status` lists, gathered
//! from every source of duties in the workspace.
//!
//! Each source (breaches today; sub-processor notices, data-subject requests
//! and tests of security measures later) turns its records into
//! [`StatusItem`]s; this module only merges and ranks them, and writes them
//! as an iCalendar file. Nothing here prints or reads the clock.

pub mod ics;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

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
    let mut items = Vec::new();
    let mut diags = Vec::new();
    let (mut b, mut d) = crate::breach::status::items(ws, now);
    items.append(&mut b);
    diags.append(&mut d);
    items.sort_by(|a, b| (a.state, a.due, &a.subject).cmp(&(b.state, b.due, &b.subject)));
    (items, diags)
}
