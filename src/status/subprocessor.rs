//! The sub-processor source of `dpo status` (Annex 1 §II.6): a written
//! notice not yet sent is due before the sub-processor starts working, so an
//! unsent notice whose contract has started is overdue.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};

use super::{controller_name, State, StatusItem};
use crate::model::{ChangeKind, SubProcessorNotice};
use crate::subprocessor;
use crate::workspace::{Diagnostic, Workspace};

/// Kind: a sub-processor notice not yet sent.
pub const KIND_SP_NOTICE: &str = "subprocessor.notice";

/// When notice `n` is due: the start of the sub-processor's contract (its
/// first instant in the processor's zone). A change that does not start a
/// new contract (an address, a new activity) has no date to beat; a new or
/// replaced one does.
pub fn due(ws: &Workspace, n: &SubProcessorNotice) -> Option<DateTime<FixedOffset>> {
    let starts = n.change == ChangeKind::Added || n.changed.iter().any(|k| k == "contract.start");
    n.details.contract.start.filter(|_| starts).and_then(|d| {
        ws.tz
            .from_local_datetime(&d.and_time(NaiveTime::MIN))
            .earliest()
            .map(|t| t.fixed_offset())
    })
}

/// The items of the notices not yet sent, and the problems in notice files.
pub fn items(ws: &Workspace, now: DateTime<Utc>) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    // §II.6: a notice is due before the sub-processor starts working; an
    // unsent notice whose contract has started is overdue.
    super::of_records(subprocessor::notices(ws), |l, out| {
        let n = &l.record;
        if n.sent.is_some() {
            return;
        }
        let due = due(ws, n);
        let state = match due {
            Some(d) if now > d => State::Overdue,
            _ => State::Pending,
        };
        out.push(StatusItem {
            kind: KIND_SP_NOTICE.into(),
            subject: format!("{}/{}", n.id, n.controller),
            title: format!(
                "{} — {} → {}",
                n.id,
                n.details.name,
                controller_name(ws, &n.controller)
            ),
            due,
            state,
            missing: vec!["email".into()],
            file: l.source.rel.clone(),
            period: None,
        });
    })
}
