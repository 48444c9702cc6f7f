//! The integrity source of `dpo status`: every record file that does not
//! match what the journal recorded for its last write by dpo — changed or
//! removed outside dpo, or never journaled ([`crate::workspace::integrity`]).
//! Each needs a person: undo the edit, or adopt an edit of facts with
//! `dpo record adopt`.

use super::{State, StatusItem};
use crate::render::templates::Strings;
use crate::workspace::integrity::{self, Finding, Tamper};
use crate::workspace::{Diagnostic, Workspace};

/// Kind of a record that does not match the journal.
pub const KIND_TAMPERED: &str = "record.tampered";

/// One item per record that does not match the journal.
pub fn items(ws: &Workspace, s: &Strings) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    super::from_journal(
        integrity::check(&ws.root),
        |f| item(f, s),
        "duties-status-integrity-unreadable",
    )
}

fn item(f: &Finding, s: &Strings) -> StatusItem {
    let what = match f.tamper {
        Tamper::Changed => "status-tampered-changed",
        Tamper::Removed => "status-tampered-removed",
        Tamper::NotJournaled => "status-tampered-not-journaled",
        Tamper::Concurrent => "gitjournal-status-concurrent",
    };
    StatusItem {
        kind: KIND_TAMPERED.into(),
        subject: f.file.clone(),
        title: s.fmt(what, &[("file", f.file.as_str().into())]),
        due: None,
        state: State::Incomplete,
        missing: f.fields.clone().unwrap_or_default(),
        file: f.file.clone(),
        period: None,
    }
}
