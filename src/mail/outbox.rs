//! The one outbox: every message the tool sends — breach notifications and
//! their supplements, sub-processor notices, forwarded data-subject
//! requests, objections and transfer notices — goes out here, always in the
//! same order, write-ahead so that a crash at any moment leaves a state
//! that says what happened:
//!
//! 1. build the message once ([`super::build`]): its sender (the one
//!    [`sender`]), its Message-ID made from what it is
//!    ([`super::message_id`]), its Date from the command's clock;
//! 2. keep those exact bytes as `.eml` evidence under a name no file has
//!    ([`crate::workspace::fresh_name`]);
//! 3. journal the **intent** (`<action>.intent`, subject the `.eml`,
//!    payload its bytes), before the SMTP transaction;
//! 4. send those bytes;
//! 5. let the workflow record the sending in its record file, and journal
//!    the **outcome**: `<action>` (sent, the `.eml`'s SHA-256 as payload
//!    hash), or, nothing sent, `<action>.failed` when the server refused
//!    the message or `<action>.unreachable` when it could not be reached
//!    (the `.eml` is then removed).
//!
//! An intent with no outcome after it — the command was killed during the
//! transaction, the server went silent after the message, or the sending
//! could not be recorded — is an **uncertain sending** ([`uncertain`]):
//! `breach show` and `status` show it, and the command that sends refuses
//! to send that message again until a person says what happened, after
//! checking the kept `.eml` against the mail server's log:
//! `--confirm-sent` records it as sent from the kept `.eml`
//! (`<action>.confirm-sent`), `--again` sends a new one
//! (`<action>.again` closes the old intent). Nothing is ever re-sent
//! silently, and nothing is recorded as sent that the server did not
//! accept or a person did not confirm.
//!
//! A dry run writes `…-dry-run.eml` and journals `<action>.dry-run`; it
//! records nothing in the record file.
//!
//! Supporting documents a person attaches (`--attach`, read once by
//! [`documents`]) travel in [`Letter::documents`]: they follow the
//! workflow's own attachments in the message, so the kept `.eml` holds
//! them, and each one's name and SHA-256 go into the [`MailRecord`] of the
//! sending (`attachments:`), written to the record file and journaled with it.
//!
//! The duties that keep a record and post through here (requests,
//! instructions, sub-processor notices) share their infrastructure causes
//! as one [`InfraError`], and journal their own records through
//! [`Sending::journal`], as the command's actor at its instant.

use crate::render::catalog::{Msg, MsgArg, Told};
use crate::workspace::ReadError;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{
    build, header, message_id, send, Attachment, Built, Draft, MailError, Party, SmtpSettings,
};
use crate::model::{Contact, Controller, EmptyText, Id, Lang, MailRecord};
use crate::render::templates::TemplateError;
use crate::render::Templates;
use crate::workspace::store::StoreError;
use crate::workspace::{self, UnknownController, Workspace, WorkspaceError, WorkspaceLock};

/// A cause, whatever the workflow's error type.
type Cause = Box<dyn std::error::Error + Send + Sync>;

/// What can go wrong in the outbox. Workflows that word these refusals their
/// own way (the breach workflow) convert them into their error.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// The controller to write to is not in the workspace.
    #[error(transparent)]
    UnknownController(#[from] UnknownController),
    /// No sender address is known.
    #[error("{}", self.told())]
    NoSender,
    /// The controller has no e-mail where this message must go.
    #[error("{}", self.told())]
    NoContact {
        /// The controller, named ([`Workspace::controller_msg`]).
        controller: Box<Msg>,
        /// What the e-mail is for: the id of its catalog message.
        what: &'static str,
        /// The YAML field.
        field: &'static str,
        /// The controller's file.
        file: String,
        /// What to do: the id of its catalog message.
        hint: &'static str,
    },
    /// The message could not be built or sent: nothing was recorded as sent.
    #[error("{}", self.told())]
    Mail {
        /// What was being sent.
        what: Msg,
        /// Why (boxed: the error stays small).
        #[source]
        source: Box<MailError>,
    },
    /// The record was written, the message was not sent.
    #[error("{}", self.told())]
    RecordedNotSent {
        /// The record.
        what: Msg,
        /// The command that sends it.
        retry: String,
        /// Why.
        #[source]
        source: Cause,
    },
    /// The message went out and could not be kept, recorded or journaled.
    #[error("{}", self.told())]
    SentNotRecorded {
        /// What was sent.
        what: Msg,
        /// Its Message-ID.
        message_id: String,
        /// The server's reply.
        reply: String,
        /// Why.
        #[source]
        source: Cause,
    },
    /// An earlier sending of this message has no known outcome.
    #[error("{}", self.told())]
    Uncertain {
        /// What was being sent.
        what: Msg,
        /// The kept message.
        eml: String,
        /// Its Message-ID.
        message_id: String,
        /// When its sending was journaled.
        at: String,
    },
    /// The server did not say whether it accepted the message.
    #[error("{}", self.told())]
    Unconfirmed {
        /// What was sent.
        what: Msg,
        /// The kept message.
        eml: String,
        /// Its Message-ID.
        message_id: String,
        /// Why.
        #[source]
        source: Box<MailError>,
    },
    /// `--confirm-sent` with no uncertain sending to confirm.
    #[error("{}", self.told())]
    NothingUncertain {
        /// What was to be confirmed.
        what: Msg,
    },
    /// The message was sent before: it is not sent twice.
    #[error("{}", self.told())]
    AlreadySent {
        /// What was sent, e.g. "request `2021-001`".
        what: Msg,
        /// How, e.g. "forwarded".
        done: &'static str,
        /// When, shown with its offset.
        sent_at: String,
        /// Its Message-ID.
        message_id: String,
    },
    /// The message would go out with « à compléter » in a required field.
    #[error("{}", self.told())]
    Incomplete {
        /// What was to be sent.
        what: Msg,
        /// The required fields left « à compléter ».
        missing: Vec<String>,
        /// How to fill them.
        hint: Msg,
    },
    /// A document to attach cannot be used.
    #[error(transparent)]
    Attach(#[from] super::attach::AttachError),
    /// Writing the evidence of a dry run, or journaling it, failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

crate::render::catalog::told_localize!(OutboxError);

/// The names of the `fields` whose flag says they are « à compléter ».
pub fn missing(fields: &[(&str, bool)]) -> Vec<String> {
    fields
        .iter()
        .filter(|(_, todo)| *todo)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// The gate of a message with required fields: refuses while `missing` is
/// not empty, unless the command was run with `--incomplete` (`allowed`).
/// Returns the fields to note, in the record, as sent « à compléter ».
pub fn complete_or_allowed(
    what: Msg,
    missing: Vec<String>,
    allowed: bool,
    hint: Msg,
) -> Result<Vec<String>, OutboxError> {
    if missing.is_empty() || allowed {
        return Ok(missing);
    }
    Err(OutboxError::Incomplete {
        what,
        missing,
        hint,
    })
}

impl OutboxError {
    /// What the error says, as catalog messages (`what` and the hints are
    /// the workflow's own messages).
    pub fn told(&self) -> Told {
        match self {
            OutboxError::UnknownController(u) => u.told(),
            OutboxError::NoSender => Told::new(Msg::new("errors-outbox-no-sender")),
            OutboxError::NoContact {
                controller,
                what,
                field,
                file,
                hint,
            } => Told::new(
                Msg::new("errors-outbox-no-contact")
                    .arg("controller", (**controller).clone())
                    .arg("what", Msg::new(what))
                    .arg("field", *field)
                    .arg("file", file.as_str()),
            )
            .hint(Msg::new(hint)),
            OutboxError::Mail { what, .. } => {
                Told::new(Msg::new("errors-outbox-mail").arg("what", what.clone()))
            }
            OutboxError::RecordedNotSent { what, retry, .. } => {
                Told::new(Msg::new("errors-outbox-recorded-not-sent").arg("what", what.clone()))
                    .hint(
                        Msg::new("errors-outbox-recorded-not-sent-hint")
                            .arg("retry", retry.as_str()),
                    )
            }
            OutboxError::SentNotRecorded {
                what,
                message_id,
                reply,
                ..
            } => Told::new(
                Msg::new("errors-outbox-sent-not-recorded")
                    .arg("what", what.clone())
                    .arg("message_id", message_id.as_str())
                    .arg("reply", reply.as_str()),
            )
            .hint(Msg::new("errors-outbox-sent-not-recorded-hint")),
            OutboxError::Uncertain {
                what,
                eml,
                message_id,
                at,
            } => Told::new(
                Msg::new("errors-outbox-uncertain")
                    .arg("what", what.clone())
                    .arg("at", at.as_str()),
            )
            .hint(
                Msg::new("errors-outbox-uncertain-hint")
                    .arg("message_id", message_id.as_str())
                    .arg("eml", eml.as_str()),
            ),
            OutboxError::Unconfirmed {
                what,
                eml,
                message_id,
                ..
            } => Told::new(
                Msg::new("errors-outbox-unconfirmed")
                    .arg("what", what.clone())
                    .arg("eml", eml.as_str()),
            )
            .hint(
                Msg::new("errors-outbox-unconfirmed-hint").arg("message_id", message_id.as_str()),
            ),
            OutboxError::NothingUncertain { what } => {
                Told::new(Msg::new("errors-outbox-nothing-uncertain").arg("what", what.clone()))
                    .hint(Msg::new("errors-outbox-nothing-uncertain-hint"))
            }
            OutboxError::AlreadySent {
                what,
                done,
                sent_at,
                message_id,
            } => Told::new(
                Msg::new("errors-outbox-already-sent")
                    .arg("what", what.clone())
                    .arg("done", *done)
                    .arg("at", sent_at.as_str())
                    .arg("message_id", message_id.as_str()),
            ),
            OutboxError::Incomplete {
                what,
                missing,
                hint,
            } => Told::new(
                Msg::new("errors-outbox-incomplete")
                    .arg("what", what.clone())
                    .arg("missing", MsgArg::Fields(missing.clone())),
            )
            .hint(Msg::new("errors-outbox-incomplete-hint").arg("hint", hint.clone())),
            OutboxError::Attach(e) => e.told(),
            OutboxError::Workspace(e) => e.told(),
        }
    }

    /// The record `what` was written, then sending it failed with `source`;
    /// `retry` is the command that sends it.
    pub fn recorded_not_sent(what: Msg, retry: String, source: impl Into<Cause>) -> Self {
        Self::RecordedNotSent {
            what,
            retry,
            source: source.into(),
        }
    }

    /// `what` was already `done` (sent, forwarded) as `sent`.
    pub fn already_sent(what: Msg, done: &'static str, sent: &MailRecord) -> Self {
        Self::AlreadySent {
            what,
            done,
            sent_at: crate::render::words::show(sent.sent_at),
            message_id: sent.message_id.clone(),
        }
    }
}

/// Declares [`InfraError`] from one list of causes: a transparent variant
/// for each, and each cause an [`InfraCause`].
macro_rules! infra_error {
    ($($(#[doc = $doc:literal])+ $variant:ident($cause:ty),)+) => {
        /// The causes every duty that keeps its records in the record store
        /// and posts through the outbox has in common (data-subject requests,
        /// instructions, sub-processor notices). Each duty's error wraps it
        /// once, transparently, and converts every [`InfraCause`] into it, so
        /// `?` works on them and every message and cause chain is the
        /// cause's own.
        #[derive(Debug, thiserror::Error)]
        pub enum InfraError {
            $($(#[doc = $doc])+ #[error(transparent)] $variant(#[from] $cause),)+
        }
        $(impl InfraCause for $cause {})+
    };
}

impl InfraError {
    /// What the error says: its cause's own messages.
    pub fn told(&self) -> Told {
        match self {
            InfraError::UnknownController(e) => e.told(),
            InfraError::Empty(e) => e.told(),
            InfraError::Outbox(e) => e.told(),
            InfraError::Store(e) => e.told(),
            InfraError::Workspace(e) => e.told(),
            InfraError::Template(e) => e.told(),
        }
    }
}

crate::render::catalog::told_localize!(InfraError);

/// A cause of [`InfraError`]; a duty's error converts from every one of
/// them through its `Infra` variant.
pub trait InfraCause: Into<InfraError> {}

infra_error! {
    /// No controller has this id.
    UnknownController(UnknownController),
    /// A text argument is empty.
    Empty(EmptyText),
    /// A message could not be sent, or its sending recorded.
    Outbox(OutboxError),
    /// A record file could not be read or written.
    Store(StoreError),
    /// The workspace could not be used.
    Workspace(WorkspaceError),
    /// A template failed.
    Template(TemplateError),
}

/// The supporting documents at `paths` (`--attach`), read before anything
/// is written or sent; see [`super::attach`].
pub fn documents(paths: &[std::path::PathBuf]) -> Result<Vec<Attachment>, OutboxError> {
    Ok(super::attach::read(paths)?)
}

/// The sender address: `DPO_SMTP_FROM` (in `smtp`), else the processor's DPO.
pub fn sender(ws: &Workspace, smtp: Option<&SmtpSettings>) -> Result<String, OutboxError> {
    smtp.and_then(|s| s.from.clone())
        .or_else(|| ws.processor.dpo.email.clone())
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .ok_or(OutboxError::NoSender)
}

/// The sender's display name: the DPO's name, else the role and the processor.
pub fn sender_name(ws: &Workspace, t: &Templates) -> String {
    match ws
        .processor
        .dpo
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(n) => format!("{n} — {}", ws.processor.display_name()),
        None => t
            .strings()
            .get("breach_sender")
            .replace("{processor}", ws.processor.display_name()),
    }
}

/// Checks, before anything is written, that a message can go out: a sender
/// is known and, unless it is a dry run, a server is configured.
pub fn ready(ws: &Workspace, how: &Sending, what: &Msg) -> Result<(), OutboxError> {
    sender(ws, how.smtp)?;
    if !how.dry_run && how.smtp.is_none() {
        return Err(OutboxError::Mail {
            what: what.clone(),
            source: Box::new(MailError::NotConfigured),
        });
    }
    Ok(())
}

/// Controller `id`, and where a written notice to it goes:
/// `contacts.notices`, else the controller's DPO
/// ([`Controller::notice_contact`]); or the refusal that says what to add.
pub fn notice_recipient<'w>(
    ws: &'w Workspace,
    id: &Id,
) -> Result<(&'w Controller, Party), OutboxError> {
    let (id, c) = ws.require_controller(id.as_str())?;
    let id = &id;
    let contact = c.notice_contact().ok_or_else(|| OutboxError::NoContact {
        controller: Box::new(ws.controller_msg(id)),
        what: "va-what-written-notices",
        field: "contacts.notices.email / dpo.email",
        file: workspace::controller_file(id),
        hint: "va-hint-notice-contact",
    })?;
    let role = role("va-role-notice-contact", id);
    Ok((c, recipient(contact, role)))
}

/// `contact` as a recipient; `role` says where its address comes from.
pub fn recipient(contact: &Contact, role: String) -> Party {
    Party {
        name: contact.name.clone(),
        email: contact.email.clone().unwrap_or_default(),
        role,
    }
}

/// Where a recipient's address comes from, for the errors that name it
/// ("the breach contact of `juvisy-sur-orge` (… in controllers/…)"):
/// catalog message `id`, remembered so that it is said in the run's
/// language ([`Msg::remembered`]).
pub fn role(id: &'static str, controller: &Id) -> String {
    Msg::new(id)
        .arg("controller", controller.as_str())
        .arg("file", workspace::controller_file(controller))
        .remembered()
}

/// How a message is journaled and identified.
#[derive(Debug, Clone)]
pub struct Filing {
    /// Journal action of the sending, e.g. `request.forward`.
    pub action: String,
    /// Journal action of a dry run.
    pub dry_run_action: String,
    /// Journal subject, e.g. `2021-001/juvisy-sur-orge`.
    pub subject: String,
    /// What the Message-ID is made from, besides the instant and the
    /// evidence file.
    pub id_seed: String,
    /// The readable part of the Message-ID.
    pub id_tag: String,
}

impl Filing {
    /// Journaled as `action` about `subject` (`<action>.dry-run` in a dry
    /// run), identified by both.
    pub fn new(action: &str, subject: String) -> Self {
        Self {
            action: action.to_string(),
            dry_run_action: format!("{action}{DRY_RUN}"),
            id_seed: format!("{action}\n{subject}"),
            id_tag: action.to_string(),
            subject,
        }
    }
}

/// A message to send and keep.
#[derive(Debug, Clone)]
pub struct Letter {
    /// What it is, for errors: "the forwarding of request `2021-001`".
    pub what: Msg,
    /// Recipient.
    pub to: Party,
    /// Subject.
    pub subject: String,
    /// Body.
    pub text: String,
    /// Attachments the workflow made (a notice's PDF).
    pub attachments: Vec<Attachment>,
    /// Supporting documents the person attached (`--attach`, read with
    /// [`documents`]): sent after `attachments`, and each one's name and
    /// SHA-256 recorded with the sending.
    pub documents: Vec<Attachment>,
    /// Where the `.eml` goes, relative to the workspace, without `.eml`.
    pub eml_stem: String,
    /// The record file the sending is written into, relative to the
    /// workspace: nothing is sent while it is not what the journal last
    /// vouched for (changed outside dpo).
    pub record: String,
    /// How it is journaled and identified.
    pub filing: Filing,
}

/// What [`Outbox::post`] did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Delivered {
    /// True when the message was only written.
    pub dry_run: bool,
    /// The record of the sending (its `server_reply` is empty in a dry run).
    pub record: MailRecord,
    /// The journal entry.
    pub journal_seq: u64,
}

/// How a command sends: when, by whom, in which language, through which
/// server — or, in a dry run, only writing the messages.
#[derive(Debug, Clone, Copy)]
pub struct Sending<'a> {
    /// Now: the Date of the messages and their `sent_at`.
    pub now: DateTime<Utc>,
    /// Who sends, for the journal.
    pub actor: &'a str,
    /// The language of the messages.
    pub lang: Lang,
    /// Write the messages to `evidence/` without sending them.
    pub dry_run: bool,
    /// The mail server; `None` only in a dry run.
    pub smtp: Option<&'a SmtpSettings>,
    /// What to do about an earlier, uncertain sending of the same message.
    pub uncertain: Resolve,
}

/// What a sending command does about an earlier sending of the same message
/// whose outcome is unknown ([`UncertainSend`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolve {
    /// Refuse to send (the default): a person must check first.
    #[default]
    Refuse,
    /// It reached the server: record it as sent, from the kept `.eml`.
    ConfirmSent,
    /// It did not: close it and send a new message.
    Again,
}

/// Suffix of the journal action of an intent to send.
pub const INTENT: &str = ".intent";
/// Suffix of the journal action of a message the server refused.
pub const FAILED: &str = ".failed";
/// Suffix of the journal action of a message not sent because the server
/// could not be reached (no connection, a TLS handshake refused).
pub const UNREACHABLE: &str = ".unreachable";
/// Suffix of the journal action of a message written, not sent.
pub const DRY_RUN: &str = ".dry-run";
/// Suffix of the journal action that sends again after an uncertain sending.
pub const AGAIN: &str = ".again";
/// Suffix of the journal action that records an uncertain sending as sent.
pub const CONFIRM_SENT: &str = ".confirm-sent";
/// Every suffix of a journal action that is not the sending itself.
pub const NOT_THE_SENDING: [&str; 6] = [INTENT, FAILED, UNREACHABLE, DRY_RUN, AGAIN, CONFIRM_SENT];

/// The journal action of every sending the outbox makes ([`Filing::action`]):
/// only their intents are sendings. Other workflows journal intents of
/// their own (`fate.destroy.intent`, before a backup tool deletes), which
/// are not messages and are resolved by their own rules.
pub const SENDINGS: [&str; 6] = [
    "request.forward",
    "breach.notify",
    "breach.supplement",
    "instruction.objection-notice",
    "instruction.transfer-notice",
    "subprocessor.notify",
];

/// A sending journaled as about to go out, with no outcome after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UncertainSend {
    /// The sending's journal action, e.g. `breach.notify`.
    pub action: String,
    /// The kept message, relative to the workspace.
    pub eml: String,
    /// Its SHA-256 (the intent's payload).
    pub sha256: String,
    /// Its Message-ID, read from the kept message (empty when unreadable).
    pub message_id: String,
    /// When the intent was journaled (RFC 3339, UTC).
    pub at: String,
    /// The intent's journal entry.
    pub seq: u64,
}

impl UncertainSend {
    /// True when this is a sending of the message whose `.eml` names start
    /// with `stem` (`<stem>.eml`, `<stem>-2.eml`…), journaled as `action`.
    pub fn is_of(&self, action: &str, stem: &str) -> bool {
        let Some(rest) = self
            .eml
            .strip_prefix(stem)
            .and_then(|r| r.strip_suffix(".eml"))
        else {
            return false;
        };
        self.action == action
            && (rest.is_empty()
                || rest
                    .strip_prefix('-')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    }
}

/// Every uncertain sending of the workspace, oldest first: an intent of a
/// sending (`<action>.intent`, `<action>` one of [`SENDINGS`]) with no later outcome for the same bytes (an entry
/// `<action>` or `<action>.<outcome>` with the same payload hash).
pub fn uncertain(ws: &Workspace) -> Result<Vec<UncertainSend>, WorkspaceError> {
    let entries = ws.journal().entries()?;
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(action) = e
            .action
            .strip_suffix(INTENT)
            .filter(|a| SENDINGS.contains(a))
        else {
            continue;
        };
        let resolved = entries[i + 1..].iter().any(|o| {
            o.payload_sha256 == e.payload_sha256
                && (o.action == action
                    || o.action
                        .strip_prefix(action)
                        .is_some_and(|r| r.starts_with('.') && r != INTENT))
        });
        if !resolved {
            let bytes = std::fs::read(ws.root.join(&e.subject)).unwrap_or_default();
            out.push(UncertainSend {
                action: action.to_string(),
                eml: e.subject.clone(),
                sha256: e.payload_sha256.clone(),
                message_id: header(&bytes, "Message-ID").unwrap_or_default(),
                at: e.at.clone(),
                seq: e.seq,
            });
        }
    }
    Ok(out)
}

/// The addresses of an address header (`"Name, Title" <a@b>, c@d`).
fn addresses(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut current, mut quoted) = (String::new(), false);
    for ch in value.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(ch),
        }
    }
    parts.push(current);
    parts
        .iter()
        .map(|p| match p.split_once('<') {
            Some((_, rest)) => rest.split('>').next().unwrap_or_default().trim(),
            None => p.trim(),
        })
        .filter(|a| a.contains('@'))
        .map(str::to_string)
        .collect()
}

/// True when a failed SMTP transaction certainly did not deliver the
/// message: the server answered no, or the conversation broke down before a
/// message could be handed over (no connection, a TLS certificate refused).
/// When the connection dropped mid-way or the server went silent (a reset,
/// an early end of stream, a timeout) or answered garbage, the message may
/// have been accepted: the sending is uncertain.
fn certainly_not_sent(e: &MailError) -> bool {
    // `mail::send` says "not sent" only when the server refused the message
    // or the connection failed before its last byte; a failure after it is
    // `MailError::Unconfirmed`.
    !e.maybe_delivered()
}

impl Sending<'_> {
    /// Journals `action` about `subject`, hashing `payload`, as done by this
    /// command's actor at its instant; returns the entry's number.
    pub fn journal(
        &self,
        ws: &Workspace,
        lock: &WorkspaceLock,
        action: &str,
        subject: &str,
        payload: &[u8],
    ) -> Result<u64, WorkspaceError> {
        let journal = ws.journal();
        let (entry, _) = journal.append(lock, self.now, self.actor, action, subject, payload)?;
        Ok(entry.seq)
    }
}

/// The outbox of one command: where, when, by whom, through which server.
#[derive(Debug)]
pub struct Outbox<'a> {
    ws: &'a Workspace,
    lock: &'a WorkspaceLock,
    t: &'a Templates,
    from: Party,
    how: Sending<'a>,
}

impl<'a> Outbox<'a> {
    /// The outbox of a command that holds the lock.
    pub fn open(
        ws: &'a Workspace,
        lock: &'a WorkspaceLock,
        t: &'a Templates,
        how: &Sending<'a>,
    ) -> Result<Self, OutboxError> {
        let from = Party {
            name: Some(sender_name(ws, t)),
            email: sender(ws, how.smtp)?,
            // Said again in the run's language by an error that names it.
            role: Msg::new("errors-role-sender").remembered(),
        };
        Ok(Self {
            ws,
            lock,
            t,
            from,
            how: *how,
        })
    }

    /// The workspace the outbox writes to.
    pub fn workspace(&self) -> &'a Workspace {
        self.ws
    }

    /// The lock the command holds, for the workflow's own writes.
    pub fn lock(&self) -> &'a WorkspaceLock {
        self.lock
    }

    /// The templates of the messages' language.
    pub fn templates(&self) -> &'a Templates {
        self.t
    }

    /// The instant the messages are dated.
    pub fn now(&self) -> DateTime<Utc> {
        self.how.now
    }

    /// Sends `letter` (unless this is a dry run), keeps its exact bytes, has
    /// `record` write the sending into the workflow's record file, and
    /// journals it: the intent before the SMTP transaction, the outcome
    /// after (see the module documentation). An earlier sending of the same
    /// message whose outcome is unknown is refused, confirmed or closed as
    /// [`Sending::uncertain`] says.
    pub fn post<E: Into<Cause>>(
        &self,
        letter: &Letter,
        record: impl FnOnce(&MailRecord) -> Result<(), E>,
    ) -> Result<Delivered, OutboxError> {
        let mail_err = |source| OutboxError::Mail {
            what: letter.what.clone(),
            source: Box::new(source),
        };
        // Refused before anything is sent: recording the sending would make
        // a hand edit of the record dpo's own.
        workspace::integrity::require_vouched(&self.ws.root, &letter.record)?;
        if self.how.dry_run {
            let eml = format!("{}-dry-run.eml", letter.eml_stem);
            let built = self.build(letter, &eml).map_err(mail_err)?;
            let sent = self.mail_record(letter, &built, eml, self.how.now);
            self.keep(&sent.eml, &built)?;
            let seq = self.journal(&letter.filing.dry_run_action, letter, &built.bytes)?;
            return Ok(Delivered {
                dry_run: true,
                record: sent,
                journal_seq: seq,
            });
        }
        let f = &letter.filing;
        let earlier = uncertain(self.ws)?
            .into_iter()
            .find(|u| u.is_of(&f.action, &letter.eml_stem));
        match (earlier, self.how.uncertain) {
            (Some(u), Resolve::Refuse) => {
                return Err(OutboxError::Uncertain {
                    what: letter.what.clone(),
                    eml: u.eml,
                    message_id: u.message_id,
                    at: u.at,
                })
            }
            (Some(u), Resolve::ConfirmSent) => return self.confirm(letter, &u, record),
            (Some(u), Resolve::Again) => {
                let bytes = self.kept(&u)?;
                self.how.journal(
                    self.ws,
                    self.lock,
                    &format!("{}{AGAIN}", f.action),
                    &u.eml,
                    &bytes,
                )?;
            }
            (None, Resolve::ConfirmSent) => {
                return Err(OutboxError::NothingUncertain {
                    what: letter.what.clone(),
                })
            }
            (None, _) => {}
        }
        let settings = self
            .how
            .smtp
            .ok_or_else(|| mail_err(MailError::NotConfigured))?;
        let eml = workspace::fresh_name(&self.ws.root, &letter.eml_stem, "eml");
        let built = self.build(letter, &eml).map_err(mail_err)?;
        let mut sent = self.mail_record(letter, &built, eml, self.how.now);
        // Write-ahead: the exact bytes are kept and the intent journaled
        // before the SMTP transaction.
        self.keep(&sent.eml, &built)?;
        // `uncertain` looks only at the intents of these actions.
        debug_assert!(SENDINGS.contains(&f.action.as_str()), "{}", f.action);
        let intent = format!("{}{INTENT}", f.action);
        self.how
            .journal(self.ws, self.lock, &intent, &sent.eml, &built.bytes)?;
        let receipt = match send(settings, &built) {
            Ok(r) => r,
            Err(e) if certainly_not_sent(&e) => {
                // Not sent: journal the outcome and why, then drop the kept
                // copy.
                let why = if e.refused_by_server() {
                    FAILED
                } else {
                    UNREACHABLE
                };
                let failed = format!("{}{why}", f.action);
                self.how
                    .journal(self.ws, self.lock, &failed, &sent.eml, &built.bytes)?;
                let _ = std::fs::remove_file(self.ws.root.join(&sent.eml));
                return Err(mail_err(e));
            }
            Err(source) => {
                return Err(OutboxError::Unconfirmed {
                    what: letter.what.clone(),
                    eml: sent.eml,
                    message_id: sent.message_id,
                    source: Box::new(source),
                })
            }
        };
        sent.server_reply = receipt.reply;
        // Sent: from here on, a failure must say so loudly; the intent stays
        // without outcome, so the sending shows as uncertain.
        let after = || -> Result<u64, Cause> {
            record(&sent).map_err(Into::into)?;
            Ok(self.journal(&f.action, letter, &built.bytes)?)
        };
        let seq = after().map_err(|source| OutboxError::SentNotRecorded {
            what: letter.what.clone(),
            message_id: sent.message_id.clone(),
            reply: sent.server_reply.clone(),
            source,
        })?;
        Ok(Delivered {
            dry_run: false,
            record: sent,
            journal_seq: seq,
        })
    }

    /// Records the uncertain sending `u` as sent, from its kept `.eml`: a
    /// person checked that the server has it.
    fn confirm<E: Into<Cause>>(
        &self,
        letter: &Letter,
        u: &UncertainSend,
        record: impl FnOnce(&MailRecord) -> Result<(), E>,
    ) -> Result<Delivered, OutboxError> {
        let bytes = self.kept(u)?;
        let at = DateTime::parse_from_rfc3339(&u.at)
            .map(|t| t.to_utc())
            .unwrap_or(self.how.now);
        let sent = MailRecord {
            attachments: super::attach::recorded(&letter.documents),
            sent_at: crate::time::in_tz(at, self.ws.tz),
            recipients: header(&bytes, "To")
                .map(|v| addresses(&v))
                .unwrap_or_default(),
            message_id: u.message_id.clone(),
            eml: u.eml.clone(),
            sha256: u.sha256.clone(),
            server_reply: format!(
                "(no reply recorded: confirmed sent by {} with --confirm-sent on {})",
                self.how.actor,
                self.how
                    .now
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
            incomplete: Vec::new(),
        };
        record(&sent).map_err(|e| {
            OutboxError::Workspace(WorkspaceError::Write {
                path: self.ws.root.join(&u.eml),
                source: std::io::Error::other(e.into()),
            })
        })?;
        let action = format!("{}{CONFIRM_SENT}", letter.filing.action);
        let seq = self
            .how
            .journal(self.ws, self.lock, &action, &u.eml, &bytes)?;
        Ok(Delivered {
            dry_run: false,
            record: sent,
            journal_seq: seq,
        })
    }

    /// The kept bytes of `u`, checked against the intent's hash.
    fn kept(&self, u: &UncertainSend) -> Result<Vec<u8>, OutboxError> {
        let path = self.ws.root.join(&u.eml);
        let bytes = crate::workspace::read_bytes(&path).map_err(WorkspaceError::from)?;
        if crate::hashing::sha256_hex(&bytes) != u.sha256 {
            return Err(WorkspaceError::Read(ReadError {
                path,
                source: std::io::Error::other(
                    "the kept message no longer matches the SHA-256 journaled when it was sent",
                ),
            })
            .into());
        }
        Ok(bytes)
    }

    fn mail_record(
        &self,
        letter: &Letter,
        built: &Built,
        eml: String,
        at: DateTime<Utc>,
    ) -> MailRecord {
        MailRecord {
            attachments: super::attach::recorded(&letter.documents),
            sent_at: crate::time::in_tz(at, self.ws.tz),
            recipients: built.recipients.clone(),
            message_id: built.message_id.clone(),
            eml,
            sha256: crate::hashing::sha256_hex(&built.bytes),
            server_reply: String::new(),
            incomplete: Vec::new(),
        }
    }

    fn build(&self, letter: &Letter, eml: &str) -> Result<Built, MailError> {
        let f = &letter.filing;
        let seed = format!("{}\n{}\n{eml}", f.id_seed, self.how.now.to_rfc3339());
        build(&Draft {
            from: self.from.clone(),
            to: vec![letter.to.clone()],
            subject: letter.subject.clone(),
            text: letter.text.clone(),
            attachments: letter
                .attachments
                .iter()
                .chain(&letter.documents)
                .cloned()
                .collect(),
            message_id: message_id(&seed, &f.id_tag, &self.from.email),
            date: self.how.now,
        })
    }

    /// Keeps the exact bytes, noted in the lock's write-ahead list: until
    /// the next journal entry, a crash has the file removed.
    fn keep(&self, eml: &str, built: &Built) -> Result<(), WorkspaceError> {
        let sha = crate::hashing::sha256_hex(&built.bytes);
        // A dry run writes over its previous dry run.
        let before = std::fs::read_to_string(self.ws.root.join(eml)).ok();
        self.lock.intend(eml, before, sha)?;
        workspace::write_atomic(&self.ws.root.join(eml), &built.bytes)
    }

    fn journal(&self, action: &str, letter: &Letter, bytes: &[u8]) -> Result<u64, WorkspaceError> {
        let subject = &letter.filing.subject;
        self.how.journal(self.ws, self.lock, action, subject, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(action: &str, eml: &str) -> UncertainSend {
        UncertainSend {
            action: action.into(),
            eml: eml.into(),
            sha256: String::new(),
            message_id: String::new(),
            at: String::new(),
            seq: 1,
        }
    }

    #[test]
    fn an_uncertain_sending_belongs_to_its_stem_and_action_only() {
        let stem = "evidence/breaches/2021-001/juvisy-1";
        assert!(u("breach.notify", &format!("{stem}.eml")).is_of("breach.notify", stem));
        assert!(u("breach.notify", &format!("{stem}-3.eml")).is_of("breach.notify", stem));
        assert!(!u("breach.notify", &format!("{stem}.eml")).is_of("breach.supplement", stem));
        assert!(!u("breach.notify", &format!("{stem}2.eml")).is_of("breach.notify", stem));
        assert!(!u("breach.notify", &format!("{stem}-x.eml")).is_of("breach.notify", stem));
        assert!(!u("breach.notify", &format!("{stem}-.eml")).is_of("breach.notify", stem));
    }

    #[test]
    fn headers_are_read_unfolded_and_addresses_from_angles() {
        let m = b"From: a@b\r\nTo: \"Cellule\r\n RGPD\" <rgpd@ville.example>, x@y.example\r\nMessage-ID: <1.x@b>\r\n\r\nTo: body@no\r\n";
        assert_eq!(header(m, "message-id").as_deref(), Some("<1.x@b>"));
        let to = header(m, "To").unwrap();
        assert_eq!(addresses(&to), ["rgpd@ville.example", "x@y.example"]);
        assert_eq!(
            addresses("\"Dupont, Marie\" <m@d.example>"),
            ["m@d.example"]
        );
        assert_eq!(
            addresses("x@y.example, z@w.example"),
            ["x@y.example", "z@w.example"]
        );
        assert_eq!(header(m, "Cc"), None);
    }

    #[test]
    fn a_failure_before_any_smtp_transaction_is_certain() {
        assert!(certainly_not_sent(&MailError::NotConfigured));
    }
}
