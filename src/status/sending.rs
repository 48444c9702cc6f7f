//! The outbox source of `dpo status`: every uncertain sending — a message
//! journaled as about to go out with no outcome after it (the command was
//! killed during the SMTP transaction, or the server went silent after the
//! message). Each needs a person: check the kept `.eml` against the mail
//! server's log, then run the sending command again with `--confirm-sent`
//! or `--again` ([`crate::mail::outbox`]).

use super::{State, StatusItem};
use crate::mail::outbox;
use crate::render::templates::Strings;
use crate::render::words;
use crate::workspace::{Diagnostic, Workspace};

/// Kind of an uncertain sending.
pub const KIND_UNCERTAIN: &str = "mail.uncertain";

/// One item per uncertain sending; a journal that cannot be read is a
/// diagnostic.
pub fn items(ws: &Workspace, s: &Strings) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    super::from_journal(
        outbox::uncertain(ws),
        |u| item(u, ws.tz, s),
        "duties-status-uncertain-unreadable",
    )
}

fn item(u: &outbox::UncertainSend, tz: chrono_tz::Tz, s: &Strings) -> StatusItem {
    // The intent's instant (RFC 3339, UTC) in words, in the processor's
    // timezone; as recorded when it does not read.
    let at = chrono::DateTime::parse_from_rfc3339(&u.at).map_or_else(
        |_| u.at.clone(),
        |t| words::long_datetime(s, t.with_timezone(&tz).fixed_offset()),
    );
    let id = if u.message_id.is_empty() {
        String::new()
    } else {
        format!(" — Message-ID {}", u.message_id)
    };
    StatusItem {
        kind: KIND_UNCERTAIN.into(),
        subject: u.eml.clone(),
        title: format!(
            "{}{id}",
            s.fmt(
                "duties-status-uncertain",
                &[
                    ("action", u.action.as_str().into()),
                    ("eml", u.eml.as_str().into()),
                    ("at", at.into()),
                ]
            )
        ),
        due: None,
        state: State::Incomplete,
        missing: Vec::new(),
        file: u.eml.clone(),
        period: None,
    }
}
