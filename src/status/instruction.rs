//! The instruction source of `dpo status` (Annex 1 §II.2): an objection is
//! told at once, a transfer required by law before it happens; recorded and
//! unsent is a duty half done.

use super::{controller_name, State, StatusItem};
use crate::instruction::{self, NoticeKind};
use crate::workspace::{Diagnostic, Workspace};

/// Kind: an objection to an instruction not yet sent.
pub const KIND_OBJECTION: &str = "instruction.objection";
/// Kind: a transfer required by law not yet notified.
pub const KIND_TRANSFER: &str = "instruction.transfer";

/// The items of the notices of instructions not yet sent, and the problems
/// in instruction files.
pub fn items(ws: &Workspace) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    // §II.2: an objection is told at once; a transfer required by law before
    // it happens. Recorded and unsent is a duty half done.
    super::of_records(instruction::list(ws), |l, out| {
        let i = &l.record;
        for kind in instruction::pending(i) {
            let (k, due) = match kind {
                NoticeKind::Objection => (KIND_OBJECTION, i.objection.as_ref().map(|o| o.at)),
                NoticeKind::Transfer => (KIND_TRANSFER, Some(i.logged_at)),
            };
            out.push(StatusItem {
                kind: k.into(),
                subject: format!("{}/{}", i.id, i.controller),
                title: format!(
                    "{} — {} → {}",
                    i.id,
                    i.summary,
                    controller_name(ws, &i.controller)
                ),
                due,
                state: State::Incomplete,
                missing: vec!["email".into()],
                file: l.source.rel.clone(),
                period: None,
            });
        }
    })
}
