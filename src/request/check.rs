//! What a data-subject request must be, in one function ([`problems`]):
//! `dpo request log` checks the new record with it, `dpo request set` the
//! changed one, and `dpo check` every request file — so no command writes a
//! request `check` would reject.

use chrono::{DateTime, FixedOffset, Utc};

use crate::model::Request;
use crate::render::words;
use crate::workspace::store::Settable;
use crate::workspace::{Diagnostic, SourceFile, Workspace};

/// Every problem of `r`, read from `src`, against the workspace as of
/// `now`: a known controller, a summary, and instants in order (received,
/// then logged, then forwarded), none later than `now`.
pub fn problems(
    ws: &Workspace,
    r: &Request,
    src: &SourceFile,
    now: DateTime<Utc>,
) -> Vec<Diagnostic> {
    let rel = src.rel.as_str();
    let error =
        |field: &str, message: String| Diagnostic::error(rel, src.locate(field), field, message);
    let mut d = Vec::new();
    if ws.controller(&r.controller).is_none() {
        d.push(
            error(
                "controller",
                format!("unknown controller `{}`", r.controller),
            )
            .with_hint(format!(
                "controllers are the files of `controllers/`: {}",
                ws.known_controllers()
            )),
        );
    }
    if r.summary.trim().is_empty() {
        d.push(
            error("summary", "the summary of the request is empty".into())
                .with_hint("say what is asked; « à compléter » when it is not known yet"),
        );
    }
    let mut order: Vec<(&str, DateTime<FixedOffset>)> =
        vec![("received_at", r.received_at), ("logged_at", r.logged_at)];
    if let Some(f) = &r.forwarded {
        order.push(("forwarded.sent_at", f.sent_at));
    }
    for w in order.windows(2) {
        let ((a, ta), (b, tb)) = (w[0], w[1]);
        if ta > tb {
            d.push(error(
                a,
                format!(
                    "{a} ({}) is after {b} ({}): a request is received, then logged, then forwarded",
                    words::show(ta),
                    words::show(tb)
                ),
            ));
        }
    }
    if r.received_at.to_utc() > now {
        d.push(error(
            "received_at",
            format!(
                "received_at ({}) is in the future: a request is recorded once received",
                words::show(r.received_at)
            ),
        ));
    }
    d
}

/// The facts forwarded to the controller that fix its deadline or name who
/// was told: never set once forwarded.
const FORWARDED_FACTS: [&str; 2] = ["received_at", "controller"];

impl Settable for Request {
    fn may_set(&self, field: &str) -> Result<(), String> {
        let top = field.split(['.', '[']).next().unwrap_or(field);
        match &self.forwarded {
            Some(f) if FORWARDED_FACTS.contains(&top) => Err(format!(
                "`{top}` was forwarded to the controller on {} (it fixes the controller's one-month deadline, or names who was told): it is never rewritten after that. If it was wrong, tell the controller in writing and note it with `dpo journal note -m \"…\"`",
                words::show(f.sent_at)
            )),
            _ => Ok(()),
        }
    }

    fn problems(&self, ws: &Workspace, src: &SourceFile, now: DateTime<Utc>) -> Vec<Diagnostic> {
        problems(ws, self, src, now)
    }
}
