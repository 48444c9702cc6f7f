//! The one outbox: every message the tool sends — breach notifications and
//! their supplements, sub-processor notices, forwarded data-subject
//! requests, objections and transfer notices — goes out here, always in the
//! same order:
//!
//! 1. build the message once ([`super::build`]): its sender (the one
//!    [`sender`]), its Message-ID made from what it is
//!    ([`super::message_id`]), its Date from the command's clock;
//! 2. send those exact bytes;
//! 3. keep them as `.eml` evidence under a name no file has
//!    ([`crate::workspace::fresh_name`]);
//! 4. let the workflow record the sending in its record file;
//! 5. journal it, with the `.eml`'s SHA-256 as payload hash.
//!
//! A message the server refused is recorded nowhere. Once it is sent, a
//! failure to keep or record it is the loud [`OutboxError::SentNotRecorded`].
//! A dry run writes `…-dry-run.eml` and journals `<action>.dry-run`; it
//! records nothing in the record file.
//!
//! The duties that keep a record and post through here (requests,
//! instructions, sub-processor notices) share their infrastructure causes
//! as one [`InfraError`], and journal their own records through
//! [`Sending::journal`], as the command's actor at its instant.
//!
//! Making this crash-safe (journal the intent with the exact bytes before
//! the SMTP transaction, the outcome after it) is one change here, between
//! steps 1 and 2: see [`Outbox::post`].

use chrono::{DateTime, Utc};

use super::{build, message_id, send, Attachment, Built, Draft, MailError, Party, SmtpSettings};
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
    #[error("no sender address: set dpo.email in processor.yaml (or DPO_SMTP_FROM)")]
    NoSender,
    /// The controller has no e-mail where this message must go.
    #[error("controller `{controller}` has no e-mail for {what} ({field} in `{file}`); nothing was recorded\n  hint: {hint}")]
    NoContact {
        /// The controller.
        controller: Id,
        /// What the e-mail is for.
        what: &'static str,
        /// The YAML field.
        field: &'static str,
        /// The controller's file.
        file: String,
        /// What to do.
        hint: &'static str,
    },
    /// The message could not be built or sent: nothing was recorded as sent.
    #[error("failed to send {what}")]
    Mail {
        /// What was being sent.
        what: String,
        /// Why.
        #[source]
        source: MailError,
    },
    /// The record was written, the message was not sent.
    #[error("{what} is recorded but the e-mail was not sent\n  hint: fix the cause below, then run `{retry}`")]
    RecordedNotSent {
        /// The record.
        what: String,
        /// The command that sends it.
        retry: String,
        /// Why.
        #[source]
        source: Cause,
    },
    /// The message went out and could not be kept, recorded or journaled.
    #[error("{what} WAS SENT (Message-ID {message_id}, server reply `{reply}`) but could not be recorded; record it by hand")]
    SentNotRecorded {
        /// What was sent.
        what: String,
        /// Its Message-ID.
        message_id: String,
        /// The server's reply.
        reply: String,
        /// Why.
        #[source]
        source: Cause,
    },
    /// The message was sent before: it is not sent twice.
    #[error("{what} was already {done} on {sent_at} (Message-ID {message_id})")]
    AlreadySent {
        /// What was sent, e.g. "request `2021-001`".
        what: String,
        /// How, e.g. "forwarded".
        done: &'static str,
        /// When, shown with its offset.
        sent_at: String,
        /// Its Message-ID.
        message_id: String,
    },
    /// Writing the evidence of a dry run, or journaling it, failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl OutboxError {
    /// The record `what` was written, then sending it failed with `source`;
    /// `retry` is the command that sends it.
    pub fn recorded_not_sent(what: String, retry: String, source: impl Into<Cause>) -> Self {
        Self::RecordedNotSent {
            what,
            retry,
            source: source.into(),
        }
    }

    /// `what` was already `done` (sent, forwarded) as `sent`.
    pub fn already_sent(what: String, done: &'static str, sent: &MailRecord) -> Self {
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
pub fn ready(ws: &Workspace, how: &Sending, what: &str) -> Result<(), OutboxError> {
    sender(ws, how.smtp)?;
    if !how.dry_run && how.smtp.is_none() {
        return Err(OutboxError::Mail {
            what: what.to_string(),
            source: MailError::NotConfigured,
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
        controller: id.clone(),
        what: "written notices",
        field: "contacts.notices.email, or dpo.email",
        file: workspace::controller_file(id),
        hint: "add `contacts: { notices: { email: … } }` (or the controller's dpo.email) to the controller's file",
    })?;
    let role = format!(
        "the notice contact of `{id}` (contacts.notices.email or dpo.email in {})",
        workspace::controller_file(id)
    );
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
            dry_run_action: format!("{action}.dry-run"),
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
    pub what: String,
    /// Recipient.
    pub to: Party,
    /// Subject.
    pub subject: String,
    /// Body.
    pub text: String,
    /// Attachments.
    pub attachments: Vec<Attachment>,
    /// Where the `.eml` goes, relative to the workspace, without `.eml`.
    pub eml_stem: String,
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
            role: "the sender (dpo.email in processor.yaml, or DPO_SMTP_FROM)".into(),
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
    /// journals it.
    pub fn post<E: Into<Cause>>(
        &self,
        letter: &Letter,
        record: impl FnOnce(&MailRecord) -> Result<(), E>,
    ) -> Result<Delivered, OutboxError> {
        let mail_err = |source| OutboxError::Mail {
            what: letter.what.clone(),
            source,
        };
        let eml = if self.how.dry_run {
            format!("{}-dry-run.eml", letter.eml_stem)
        } else {
            workspace::fresh_name(&self.ws.root, &letter.eml_stem, "eml")
        };
        let built = self.build(letter, &eml).map_err(mail_err)?;
        let mut sent = MailRecord {
            sent_at: crate::time::in_tz(self.how.now, self.ws.tz),
            recipients: built.recipients.clone(),
            message_id: built.message_id.clone(),
            eml,
            sha256: crate::hashing::sha256_hex(&built.bytes),
            server_reply: String::new(),
        };
        if self.how.dry_run {
            self.keep(&sent.eml, &built)?;
            let seq = self.journal(&letter.filing.dry_run_action, letter, &built)?;
            return Ok(Delivered {
                dry_run: true,
                record: sent,
                journal_seq: seq,
            });
        }
        // Crash safety (issue 8) goes here: journal the intent, with these
        // exact bytes, before the SMTP transaction.
        let settings = self
            .how
            .smtp
            .ok_or_else(|| mail_err(MailError::NotConfigured))?;
        let receipt = send(settings, &built).map_err(mail_err)?;
        sent.server_reply = receipt.reply;
        // Sent: from here on, a failure must say so loudly.
        let after = || -> Result<u64, Cause> {
            self.keep(&sent.eml, &built)?;
            record(&sent).map_err(Into::into)?;
            Ok(self.journal(&letter.filing.action, letter, &built)?)
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

    fn build(&self, letter: &Letter, eml: &str) -> Result<Built, MailError> {
        let f = &letter.filing;
        let seed = format!("{}\n{}\n{eml}", f.id_seed, self.how.now.to_rfc3339());
        build(&Draft {
            from: self.from.clone(),
            to: vec![letter.to.clone()],
            subject: letter.subject.clone(),
            text: letter.text.clone(),
            attachments: letter.attachments.clone(),
            message_id: message_id(&seed, &f.id_tag, &self.from.email),
            date: self.how.now,
        })
    }

    fn keep(&self, eml: &str, built: &Built) -> Result<(), WorkspaceError> {
        workspace::write_atomic(&self.ws.root.join(eml), &built.bytes)
    }

    fn journal(&self, action: &str, letter: &Letter, built: &Built) -> Result<u64, WorkspaceError> {
        let subject = &letter.filing.subject;
        self.how
            .journal(self.ws, self.lock, action, subject, &built.bytes)
    }
}
