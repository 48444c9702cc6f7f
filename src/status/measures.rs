//! The security-measures source of `dpo status` (Annex 1 §II.9, GDPR
//! Art. 32(1)(d)): each measure is tested every `test_interval_months`; one
//! never tested is flagged at once. The rule is the one `dpo check` warns
//! about ([`crate::model::SecurityMeasure::test_due`]).

use chrono::{DateTime, Utc};

use super::{dated, State, StatusItem};
use crate::model::{Id, SecurityMeasure};
use crate::workspace::Workspace;

/// Kind: a security measure to test.
pub const KIND_TEST: &str = "measure.test";

const FILE: &str = "security-measures.yaml";

/// True when measure `m` concerns `controller`: one of its activities applies
/// it, or no activity of any controller names it (a general measure).
pub fn concerns(ws: &Workspace, m: &SecurityMeasure, controller: &Id) -> bool {
    let applies =
        |c: &crate::model::Controller| c.activities.iter().any(|a| a.names_measure(&m.id));
    match ws.controller(controller) {
        Some(c) if applies(c) => true,
        _ => !ws.controllers.iter().any(|(_, c)| applies(c)),
    }
}

/// The status items of the measures, restricted to those concerning `only`.
pub fn items(ws: &Workspace, now: DateTime<Utc>, only: Option<&Id>) -> Vec<StatusItem> {
    let today = dated::today(now, ws.tz);
    let mut out = Vec::new();
    for m in &ws.measures {
        if only.is_some_and(|c| !concerns(ws, m, c)) {
            continue;
        }
        let (state, due, missing) = match (m.last_tested, m.test_due()) {
            // Never tested: to do (`dpo check` warns); overdue needs a date.
            (None, _) => (State::Pending, None, vec!["last_tested".to_string()]),
            (Some(_), Some(due)) => (
                dated::state(due, today),
                dated::deadline(due, ws.tz),
                vec![],
            ),
            // Tested, with no interval: nothing falls due.
            (Some(_), None) => continue,
        };
        out.push(StatusItem {
            kind: KIND_TEST.into(),
            subject: m.id.to_string(),
            title: format!("{} — {}", m.id, m.title),
            due,
            state,
            missing,
            file: FILE.into(),
            period: None,
        });
    }
    out
}
