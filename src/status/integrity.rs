//! The integrity source of `dpo status`: every record file that does not
//! match what the journal recorded for its last write by dpo — changed or
//! removed outside dpo, or never journaled ([`crate::workspace::integrity`]).
//! Each needs a person: undo the edit, or adopt an edit of facts with
//! `dpo record adopt`.

use super::{State, StatusItem};
use crate::workspace::integrity::{self, Finding, Tamper};
use crate::workspace::{Diagnostic, Workspace};

/// Kind of a record that does not match the journal.
pub const KIND_TAMPERED: &str = "record.tampered";

/// One item per record that does not match the journal.
pub fn items(ws: &Workspace) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    super::from_journal(
        integrity::check(&ws.root),
        item,
        "the records cannot be compared with the journal",
    )
}

fn item(f: &Finding) -> StatusItem {
    let what = match f.tamper {
        Tamper::Changed => "changed outside dpo",
        Tamper::Removed => "removed outside dpo",
        Tamper::NotJournaled => "not journaled",
    };
    StatusItem {
        kind: KIND_TAMPERED.into(),
        subject: f.file.clone(),
        title: format!("{} {what}", f.file),
        due: None,
        state: State::Incomplete,
        missing: f.fields.clone().unwrap_or_default(),
        file: f.file.clone(),
        period: None,
    }
}
