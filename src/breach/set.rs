//! What `dpo breach set` allows (through
//! [`crate::workspace::store::set_record`]): nothing once the breach is
//! closed; not `aware_at` once a notification or a call went out, since it
//! fixed their 72-hour deadline (a correction is told to the controller in
//! a supplement, see the README); and only a record `dpo check` accepts
//! ([`super::store::problems`]). Once the new value fits, the deferrals it
//! makes stale are settled, in the same write.

use chrono::{DateTime, Utc};

use crate::model::Breach;
use crate::render::catalog::Msg;
use crate::render::said;
use crate::workspace::store::Settable;
use crate::workspace::{Diagnostic, SourceFile, Workspace};

/// The facts that fix a deadline already run: never set once the breach
/// was notified or called about.
const DEADLINE_FACTS: [&str; 1] = ["aware_at"];

impl Settable for Breach {
    fn may_set(&self, field: &str) -> Result<(), Msg> {
        if let Some(c) = &self.closed {
            return Err(Msg::new("duties-breach-set-closed")
                .arg("id", self.id.to_string())
                .arg("at", said::instant(c.at))
                .arg("by", c.by.as_str()));
        }
        let top = field.split(['.', '[']).next().unwrap_or(field);
        let first_sent = self
            .notifications
            .iter()
            .map(|n| n.sent_at)
            .chain(self.calls.iter().map(|c| c.at))
            .min();
        if let (true, Some(sent)) = (DEADLINE_FACTS.contains(&top), first_sent) {
            return Err(Msg::new("duties-breach-set-deadline-fact")
                .arg("field", top)
                .arg("sent", said::instant(sent))
                .arg("id", self.id.to_string()));
        }
        Ok(())
    }

    /// A `deferred:` entry for a field now filled is dropped
    /// ([`super::settle`]), so no stale deferral is left behind.
    fn after_set(&mut self, _field: &str) {
        super::settle(self);
    }

    fn problems(&self, ws: &Workspace, src: &SourceFile, now: DateTime<Utc>) -> Vec<Diagnostic> {
        super::store::problems(ws, self, src, now)
    }
}
