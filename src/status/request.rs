//! The data-subject-request source of `dpo status` (Annex 1 §II.7): forward
//! on receipt (flagged after 24 h); the controller answers within one month,
//! shown until that deadline has passed.

use crate::render::templates::Strings;
use chrono::{DateTime, Utc};

use super::{controller_name, State, StatusItem};
use crate::model::Request;
use crate::render::words;
use crate::request;
use crate::workspace::{Diagnostic, Workspace};

/// Kind: forward a data-subject request to the controller.
pub const KIND_REQUEST_FORWARD: &str = "request.forward";
/// Kind: the controller's deadline to answer a request (for information).
pub const KIND_REQUEST_ANSWER: &str = "request.answer";

/// Where forwarding request `r` to its controller stands at `now`: sent in
/// time or late, overdue, or to do.
pub fn forward_state(r: &Request, now: DateTime<Utc>) -> State {
    let due = request::forward_due(r.received_at);
    match &r.forwarded {
        Some(f) if f.sent_at <= due => State::Done,
        Some(_) => State::DoneLate,
        None if now > due => State::Overdue,
        None => State::Pending,
    }
}

/// The items of every request, and the problems in request files.
/// The right is named in the language of `s`.
pub fn items(
    ws: &Workspace,
    now: DateTime<Utc>,
    s: &Strings,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    // §II.7: forward on receipt (flagged after 24 h); the controller answers
    // within one month, shown until that deadline has passed.
    super::of_records(request::list(ws), |l, out| {
        let r = &l.record;
        let fwd_due = request::forward_due(r.received_at);
        let answer = request::answer_due(r.received_at, ws.tz);
        let answer_passed = answer.is_some_and(|(_, end)| now > end);
        let subject = format!("{}/{}", r.id, r.controller);
        let right = s.get(&format!("right.{}", r.right.key())).to_string();
        match &r.forwarded {
            None => {
                // Due within 24 h: always "due soon" ([`super::urgency`]).
                let state = forward_state(r, now);
                out.push(StatusItem {
                    kind: KIND_REQUEST_FORWARD.into(),
                    subject: subject.clone(),
                    title: format!(
                        "{} — {right} → {}",
                        r.id,
                        controller_name(ws, &r.controller)
                    ),
                    due: Some(fwd_due),
                    state,
                    missing: vec!["email".into()],
                    file: l.source.rel.clone(),
                    period: None,
                });
            }
            Some(f) if !answer_passed => {
                out.push(StatusItem {
                    kind: KIND_REQUEST_FORWARD.into(),
                    subject: subject.clone(),
                    title: format!(
                        "{} — {right} → {} ({})",
                        r.id,
                        controller_name(ws, &r.controller),
                        words::long_datetime_in(s, f.sent_at, ws.tz)
                    ),
                    due: Some(fwd_due),
                    state: forward_state(r, now),
                    missing: Vec::new(),
                    file: l.source.rel.clone(),
                    period: None,
                });
            }
            Some(_) => {}
        }
        if let Some((period, end)) = answer {
            if !answer_passed {
                out.push(StatusItem {
                    kind: KIND_REQUEST_ANSWER.into(),
                    subject,
                    title: format!(
                        "{} — {right} → {}",
                        r.id,
                        controller_name(ws, &r.controller)
                    ),
                    due: Some(end),
                    state: State::Info,
                    missing: Vec::new(),
                    file: l.source.rel.clone(),
                    period: Some(period),
                });
            }
        }
    })
}
