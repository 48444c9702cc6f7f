//! The Annex 1 sources of `dpo status`: sub-processor notices not yet sent,
//! data-subject requests to forward (24 h) and the controller's one-month
//! answer deadline, and objections or transfer notices not yet sent.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use super::{instruction, request, subprocessor};
use crate::status::{State, StatusItem};
use crate::workspace::{Diagnostic, Workspace};

/// Kind: a sub-processor notice not yet sent.
pub const KIND_SP_NOTICE: &str = "subprocessor.notice";
/// Kind: forward a data-subject request to the controller.
pub const KIND_REQUEST_FORWARD: &str = "request.forward";
/// Kind: the controller's deadline to answer a request (for information).
pub const KIND_REQUEST_ANSWER: &str = "request.answer";
/// Kind: an objection to an instruction not yet sent.
pub const KIND_OBJECTION: &str = "instruction.objection";
/// Kind: a transfer required by law not yet notified.
pub const KIND_TRANSFER: &str = "instruction.transfer";

fn name(ws: &Workspace, c: &crate::model::Id) -> String {
    ws.controller(c).map_or(c.to_string(), |x| x.name.clone())
}

/// Every Annex 1 status item as of `now`, and the problems in the files read.
pub fn items(ws: &Workspace, now: DateTime<Utc>) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();

    // §II.6: a notice is due before the sub-processor starts working; an
    // unsent notice whose contract has started is overdue.
    let (notices, mut d) = subprocessor::notices(ws);
    diags.append(&mut d);
    for l in notices {
        let n = &l.record;
        if n.sent.is_some() {
            continue;
        }
        // A change that does not start a new contract (an address, a new
        // activity) has no date to beat; a new or replaced one does.
        let starts = n.change == subprocessor::ChangeKind::Added
            || n.changed.iter().any(|k| k == "contract.start");
        let due = n.details.contract.start.filter(|_| starts).and_then(|d| {
            ws.tz
                .from_local_datetime(&d.and_time(NaiveTime::MIN))
                .earliest()
                .map(|t| t.fixed_offset())
        });
        let state = match due {
            Some(d) if now > d => State::Overdue,
            Some(d) if d.to_utc() - now <= chrono::TimeDelta::hours(24) => State::DueSoon,
            _ => State::Pending,
        };
        out.push(StatusItem {
            kind: KIND_SP_NOTICE.into(),
            subject: format!("{}/{}", n.id, n.controller),
            title: format!(
                "{} — {} → {}",
                n.id,
                n.details.name,
                name(ws, &n.controller)
            ),
            due,
            state,
            missing: vec!["email".into()],
            file: l.source.rel.clone(),
        });
    }

    // §II.7: forward on receipt (flagged after 24 h); the controller answers
    // within one month, shown until that deadline has passed.
    let (requests, mut d) = request::list(ws);
    diags.append(&mut d);
    for l in requests {
        let r = &l.record;
        let fwd_due = super::forward_due(r.received_at);
        let answer = super::answer_due(r.received_at, ws.tz);
        let answer_passed = answer.is_some_and(|(_, end)| now > end);
        let subject = format!("{}/{}", r.id, r.controller);
        let right = r.right.key();
        match &r.forwarded {
            None => {
                let state = if now > fwd_due {
                    State::Overdue
                } else {
                    State::DueSoon
                };
                out.push(StatusItem {
                    kind: KIND_REQUEST_FORWARD.into(),
                    subject: subject.clone(),
                    title: format!("{} — {right} → {}", r.id, name(ws, &r.controller)),
                    due: Some(fwd_due),
                    state,
                    missing: vec!["email".into()],
                    file: l.source.rel.clone(),
                });
            }
            Some(f) if !answer_passed => {
                out.push(StatusItem {
                    kind: KIND_REQUEST_FORWARD.into(),
                    subject: subject.clone(),
                    title: format!(
                        "{} — {right} → {} ({})",
                        r.id,
                        name(ws, &r.controller),
                        crate::time::show(f.sent_at)
                    ),
                    due: Some(fwd_due),
                    state: if f.sent_at <= fwd_due {
                        State::Done
                    } else {
                        State::DoneLate
                    },
                    missing: Vec::new(),
                    file: l.source.rel.clone(),
                });
            }
            Some(_) => {}
        }
        if let Some((_, end)) = answer {
            if !answer_passed {
                out.push(StatusItem {
                    kind: KIND_REQUEST_ANSWER.into(),
                    subject,
                    title: format!("{} — {right} → {}", r.id, name(ws, &r.controller)),
                    due: Some(end),
                    state: State::Info,
                    missing: Vec::new(),
                    file: l.source.rel.clone(),
                });
            }
        }
    }

    // §II.2: an objection is told at once; a transfer required by law before
    // it happens. Recorded and unsent is a duty half done.
    let (instructions, mut d) = instruction::list(ws);
    diags.append(&mut d);
    for l in instructions {
        let i = &l.record;
        for kind in instruction::pending(i) {
            let (k, due) = match kind {
                instruction::NoticeKind::Objection => {
                    (KIND_OBJECTION, i.objection.as_ref().map(|o| o.at))
                }
                instruction::NoticeKind::Transfer => (KIND_TRANSFER, Some(i.logged_at)),
            };
            out.push(StatusItem {
                kind: k.into(),
                subject: format!("{}/{}", i.id, i.controller),
                title: format!("{} — {} → {}", i.id, i.summary, name(ws, &i.controller)),
                due,
                state: State::Incomplete,
                missing: vec!["email".into()],
                file: l.source.rel.clone(),
            });
        }
    }
    (out, diags)
}
