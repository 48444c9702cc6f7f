//! The outbox source of `dpo status`: every uncertain sending — a message
//! journaled as about to go out with no outcome after it (the command was
//! killed during the SMTP transaction, or the server went silent after the
//! message). Each needs a person: check the kept `.eml` against the mail
//! server's log, then run the sending command again with `--confirm-sent`
//! or `--again` ([`crate::mail::outbox`]).

use super::{State, StatusItem};
use crate::mail::outbox;
use crate::workspace::{Diagnostic, Workspace};

/// Kind of an uncertain sending.
pub const KIND_UNCERTAIN: &str = "mail.uncertain";

/// One item per uncertain sending; a journal that cannot be read is a
/// diagnostic.
pub fn items(ws: &Workspace) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    super::from_journal(
        outbox::uncertain(ws),
        item,
        "the uncertain sendings cannot be listed",
    )
}

fn item(u: &outbox::UncertainSend) -> StatusItem {
    let id = if u.message_id.is_empty() {
        String::new()
    } else {
        format!(" — Message-ID {}", u.message_id)
    };
    StatusItem {
        kind: KIND_UNCERTAIN.into(),
        subject: u.eml.clone(),
        title: format!("{} {} ({}){id}", u.action, u.eml, u.at),
        due: None,
        state: State::Incomplete,
        missing: Vec::new(),
        file: u.eml.clone(),
        period: None,
    }
}
