//! The breach source of `dpo status`: for each open breach and each of its
//! controllers, the processor's notification duty (both channels, every
//! required field) and, once notified, the controller's own deadline and
//! any field changed since it was sent (a supplement to send).

use chrono::{DateTime, Utc};

use super::{controller_name, State, StatusItem};
use crate::breach::{fields, progress, store, ControllerProgress};
use crate::workspace::{Diagnostic, Workspace};

/// Kind of the processor's duty to notify a controller.
pub const KIND_NOTIFICATION: &str = "breach.notification";
/// Kind of the controller's deadline to notify the supervisory authority.
pub const KIND_AUTHORITY: &str = "breach.authority";
/// Kind of a supplement to send: fields changed since they were sent.
pub const KIND_SUPPLEMENT: &str = "breach.supplement";

/// Where the processor's notification of one controller stands at `now`:
/// both channels done (in time or late), overdue, begun, or to do.
pub fn state(p: &ControllerProgress, now: DateTime<Utc>) -> State {
    match p.on_time {
        Some(true) => State::Done,
        Some(false) => State::DoneLate,
        None if now > p.deadline => State::Overdue,
        None if p.emailed_at.is_some() || p.called_at.is_some() => State::Incomplete,
        None => State::Pending,
    }
}

/// The status items of every open breach, and the problems in breach files.
pub fn items(ws: &Workspace, now: DateTime<Utc>) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    super::of_records(store::load_all(ws), |l, out| {
        let b = &l.breach;
        if b.is_closed() {
            return;
        }
        let missing_fields: Vec<String> = fields::missing(b)
            .into_iter()
            .map(|f| f.key().to_string())
            .collect();
        for p in progress(b) {
            let name = controller_name(ws, &p.controller);
            let subject = format!("{}/{}", b.id, p.controller);
            let mut missing = Vec::new();
            if p.emailed_at.is_none() {
                missing.push("email".to_string());
                missing.extend(missing_fields.iter().cloned());
            }
            if p.called_at.is_none() {
                missing.push("call".to_string());
            }
            let state = state(&p, now);
            out.push(StatusItem {
                kind: KIND_NOTIFICATION.into(),
                subject: subject.clone(),
                title: format!("{} — {} → {name}", b.id, b.title),
                due: Some(p.deadline),
                state,
                missing,
                file: l.source.rel.clone(),
                period: None,
            });
            let changed = fields::changed_since_sent(b, &p.controller);
            if !changed.is_empty() {
                out.push(StatusItem {
                    kind: KIND_SUPPLEMENT.into(),
                    subject: subject.clone(),
                    title: format!("{} — {} → {name}", b.id, b.title),
                    due: p.authority_deadline,
                    state: State::Pending,
                    missing: changed.iter().map(|f| f.key().to_string()).collect(),
                    file: l.source.rel.clone(),
                    period: None,
                });
            }
            if let Some(d) = p.authority_deadline {
                out.push(StatusItem {
                    kind: KIND_AUTHORITY.into(),
                    subject,
                    title: format!("{} — {} → {name}", b.id, b.title),
                    due: Some(d),
                    state: State::Info,
                    missing: Vec::new(),
                    file: l.source.rel.clone(),
                    period: None,
                });
            }
        }
    })
}
