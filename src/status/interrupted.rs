//! The backup source of `dpo status`: every interrupted destruction — a
//! deletion through a backup tool journaled as about to be done, with no
//! record or failure after it (dpo was killed between the tool's deletion
//! and its record). Running the same `dpo fate destroy … --via` command
//! again takes it up and records it ([`crate::fate::backup::intent`]).

use super::{State, StatusItem};
use crate::fate::backup::intent;
use crate::model::Id;
use crate::workspace::{Diagnostic, Workspace};

/// Kind of an interrupted destruction.
pub const KIND_INTERRUPTED: &str = "fate.interrupted";

/// One item per interrupted destruction (of the controller `only`, when
/// given); a journal that cannot be read is a diagnostic.
pub fn items(ws: &Workspace, only: Option<&Id>) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let (mut found, diags) = super::from_journal(
        intent::interrupted(ws),
        |i: &intent::Interrupted| StatusItem {
            kind: KIND_INTERRUPTED.into(),
            subject: i.subject.clone(),
            title: format!(
                "{} — {} ({})",
                i.subject,
                i.file,
                intent::said_at(ws, &i.at)
            ),
            due: None,
            state: State::Incomplete,
            missing: Vec::new(),
            file: i.file.clone(),
            period: None,
        },
        "the interrupted destructions cannot be listed",
    );
    found.retain(|i| only.is_none_or(|c| i.subject.split('/').next() == Some(c.as_str())));
    (found, diags)
}
