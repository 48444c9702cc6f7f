//! What a data-subject request must be, in one function ([`problems`]):
//! `dpo request log` checks the new record with it, `dpo request set` the
//! changed one, and `dpo check` every request file — so no command writes a
//! request `check` would reject.

use chrono::{DateTime, FixedOffset, Utc};

use crate::model::Request;
use crate::render::catalog::Msg;
use crate::render::said;
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
        |field: &str, message: Msg| Diagnostic::error_msg(rel, src.locate(field), field, message);
    let mut d = Vec::new();
    if ws.controller(&r.controller).is_none() {
        d.push(
            error(
                "controller",
                Msg::new("duties-request-unknown-controller").arg("id", r.controller.to_string()),
            )
            .with_hint_msg(
                Msg::new("duties-request-unknown-controller-hint")
                    .arg("known", ws.known_controllers()),
            ),
        );
    }
    if r.summary.trim().is_empty() {
        d.push(
            error("summary", Msg::new("duties-request-no-summary"))
                .with_hint_msg(Msg::new("duties-request-no-summary-hint")),
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
                Msg::new("duties-request-order")
                    .arg("a", a)
                    .arg("at_a", said::instant(ta))
                    .arg("b", b)
                    .arg("at_b", said::instant(tb)),
            ));
        }
    }
    if r.received_at.to_utc() > now {
        d.push(error(
            "received_at",
            Msg::new("duties-request-future").arg("at", said::instant(r.received_at)),
        ));
    }
    d
}

/// The facts forwarded to the controller that fix its deadline or name who
/// was told: never set once forwarded.
const FORWARDED_FACTS: [&str; 2] = ["received_at", "controller"];

impl Settable for Request {
    fn may_set(&self, field: &str) -> Result<(), Msg> {
        let top = field.split(['.', '[']).next().unwrap_or(field);
        match &self.forwarded {
            Some(f) if FORWARDED_FACTS.contains(&top) => {
                Err(Msg::new("duties-request-set-forwarded-fact")
                    .arg("field", top)
                    .arg("sent", said::instant(f.sent_at)))
            }
            _ => Ok(()),
        }
    }

    fn problems(&self, ws: &Workspace, src: &SourceFile, now: DateTime<Utc>) -> Vec<Diagnostic> {
        problems(ws, self, src, now)
    }
}
