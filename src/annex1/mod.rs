//! The other written duties of Annex 1: sub-processor notices (§II.6),
//! data-subject requests (§II.7) and documented instructions (§II.1–2,
//! §III.3).
//!
//! Each kind of record is one YAML file per record (`requests/`,
//! `instructions/`, `subprocessor-notices/`), so that the team merges them
//! in git as it does breaches. What they share lives here: record files
//! (read, create, update one section while keeping the user's comments),
//! the controller's contact for written notices, sending an e-mail and
//! keeping its exact bytes as evidence, the one-month deadline, and the
//! `dpo status` items. Nothing here prints or reads the clock.

pub mod instruction;
pub mod request;
pub mod status;
pub mod subprocessor;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::mail::{self, Attachment, Draft, MailError, Party, SmtpSettings};
use crate::model::{Contact, Controller, Id, MailRecord};
use crate::workspace::{self, Diagnostic, Workspace, WorkspaceError, WorkspaceLock};

/// What can go wrong in the Annex 1 workflows.
#[derive(Debug, thiserror::Error)]
pub enum Annex1Error {
    /// The workspace could not be used.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// A record file could not be read or written.
    #[error(transparent)]
    Store(#[from] crate::workspace::StoreError),
    /// A template failed.
    #[error(transparent)]
    Template(#[from] crate::render::templates::TemplateError),
    /// The PDF could not be made.
    #[error("failed to make the PDF of `{what}`")]
    Pdf {
        /// The document.
        what: String,
        /// Why.
        #[source]
        source: crate::render::pdf::PdfError,
    },
    /// No controller has this id.
    #[error("unknown controller `{controller}`\n  hint: controllers are the files of `controllers/`: {known}")]
    UnknownController {
        /// The id asked for.
        controller: String,
        /// The ids that exist.
        known: String,
    },
    /// No sub-processor has this id.
    #[error("unknown sub-processor `{id}` in `subprocessors.yaml`\n  hint: the sub-processors are: {known}")]
    UnknownSubProcessor {
        /// The id asked for.
        id: String,
        /// The ids that exist.
        known: String,
    },
    /// `add` was given an id that exists.
    #[error("sub-processor `{id}` already exists in `subprocessors.yaml`\n  hint: use `dpo subprocessor change {id} …` to change it")]
    SubProcessorExists {
        /// The id.
        id: Id,
    },
    /// `change` was given nothing new.
    #[error(
        "nothing changes for sub-processor `{id}`: every value given is the one already recorded"
    )]
    NoChange {
        /// The id.
        id: Id,
    },
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
    /// No sender address is known.
    #[error("no sender address: set dpo.email in processor.yaml (or DPO_SMTP_FROM)")]
    NoSender,
    /// A record does not exist.
    #[error("no {kind} `{id}` (looked for `{}`)", path.display())]
    NotFound {
        /// Kind of record.
        kind: &'static str,
        /// Its id.
        id: String,
        /// Where we looked.
        path: PathBuf,
    },
    /// A record file cannot be read.
    #[error("`{file}` is invalid:\n{}", diagnostics.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem, with its position.
        diagnostics: Vec<Diagnostic>,
    },
    /// A record file changed since it was read.
    #[error("`{}` changed while dpo was working on it; nothing was written\n  hint: run the command again", path.display())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The tool could not write a record so that it reads back the same.
    #[error("failed to rewrite `{file}`: {message}")]
    Rewrite {
        /// The file.
        file: String,
        /// Why.
        message: String,
    },
    /// An identifier typed on the command line is not a slug.
    #[error("invalid {what}: {reason}\n  hint: {hint}")]
    InvalidId {
        /// Which identifier.
        what: &'static str,
        /// Why.
        reason: crate::model::IdError,
        /// An example.
        hint: &'static str,
    },
    /// A text argument is empty.
    #[error("{what} is empty\n  hint: {hint}")]
    Empty {
        /// The option.
        what: &'static str,
        /// An example.
        hint: String,
    },
    /// A request was already forwarded.
    #[error("request `{id}` was already forwarded on {sent_at} (Message-ID {message_id})")]
    AlreadyForwarded {
        /// The request.
        id: Id,
        /// When.
        sent_at: String,
        /// Its Message-ID.
        message_id: String,
    },
    /// An objection was already sent for this instruction.
    #[error("an objection to instruction `{id}` was already sent on {sent_at} (Message-ID {message_id})")]
    AlreadyObjected {
        /// The instruction.
        id: Id,
        /// When.
        sent_at: String,
        /// Its Message-ID.
        message_id: String,
    },
    /// Nothing is pending.
    #[error("{0}")]
    NothingToSend(String),
    /// The message could not be built or sent.
    #[error("failed to send {what}")]
    Mail {
        /// What was being sent.
        what: String,
        /// Why.
        #[source]
        source: MailError,
    },
    /// The record was written, the e-mail was not sent.
    #[error("{what} is recorded but the e-mail was not sent\n  hint: fix the cause below, then run `{retry}`")]
    RecordedNotSent {
        /// The record.
        what: String,
        /// The command that sends it.
        retry: String,
        /// Why.
        #[source]
        source: Box<Annex1Error>,
    },
    /// The message went out and could not be recorded.
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
        source: Box<Annex1Error>,
    },
}

/// The controller `id`, or an error listing those that exist.
pub(crate) fn controller<'a>(
    ws: &'a Workspace,
    id: &str,
) -> Result<(Id, &'a Controller), Annex1Error> {
    let unknown = || Annex1Error::UnknownController {
        controller: id.to_string(),
        known: ws.known_controllers(),
    };
    let id = Id::new(id).map_err(|_| unknown())?;
    let c = ws.controller(&id).ok_or_else(unknown)?;
    Ok((id, c))
}

fn has_email(c: &Contact) -> bool {
    c.email.as_deref().is_some_and(|e| !e.trim().is_empty())
}

/// Where a written notice to the controller goes: `contacts.notices`, else
/// the controller's DPO. Data-subject-request and breach contacts are for
/// their own flows and are never used for notices.
pub fn notice_contact(c: &Controller) -> Option<&Contact> {
    [&c.contacts.notices, &c.dpo]
        .into_iter()
        .find(|x| has_email(x))
}

/// The notice contact of controller `id`, or the refusal that says what to add.
pub(crate) fn require_notice_contact(id: &Id, c: &Controller) -> Result<Contact, Annex1Error> {
    notice_contact(c).cloned().ok_or_else(|| Annex1Error::NoContact {
        controller: id.clone(),
        what: "written notices",
        field: "contacts.notices.email, or dpo.email",
        file: workspace::controller_file(id),
        hint: "add `contacts: { notices: { email: … } }` (or the controller's dpo.email) to the controller's file",
    })
}

/// The sender address: `DPO_SMTP_FROM`, else the processor's DPO.
pub(crate) fn sender(ws: &Workspace, smtp: Option<&SmtpSettings>) -> Result<String, Annex1Error> {
    smtp.and_then(|s| s.from.clone())
        .or_else(|| ws.processor.dpo.email.clone())
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .ok_or(Annex1Error::NoSender)
}

/// The sender's display name.
pub(crate) fn sender_name(ws: &Workspace, t: &crate::render::Templates) -> String {
    crate::breach::notice::sender_name(ws, t)
}

/// A message ready to be built.
#[derive(Debug, Clone)]
pub(crate) struct Outgoing {
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
    /// Journal action, e.g. `request.forward`.
    pub action: &'static str,
    /// Journal subject, e.g. `2021-001/juvisy-sur-orge`.
    pub subject_ref: String,
}

/// What [`deliver`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Delivered {
    /// True when the message was only written.
    pub dry_run: bool,
    /// The record to keep (its `server_reply` is empty in a dry run).
    pub record: MailRecord,
    /// The journal entry.
    pub journal_seq: u64,
}

/// Builds the message, sends it (unless `dry_run`), keeps its exact bytes
/// under `evidence/` and journals it with the `.eml`'s SHA-256 as payload
/// hash. Evidence is never overwritten: a resend gets `-2`, `-3`…; a dry run
/// writes `…-dry-run.eml` and journals `<action>.dry-run`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn deliver(
    ws: &Workspace,
    lock: &WorkspaceLock,
    o: &Outgoing,
    from: &str,
    from_name: &str,
    now: DateTime<Utc>,
    actor: &str,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<Delivered, Annex1Error> {
    let eml = evidence_name(&ws.root, &o.eml_stem, dry_run);
    let draft = Draft {
        from: Party {
            name: Some(from_name.to_string()),
            email: from.to_string(),
            role: "the sender (dpo.email in processor.yaml, or DPO_SMTP_FROM)".into(),
        },
        to: vec![o.to.clone()],
        subject: o.subject.clone(),
        text: o.text.clone(),
        attachments: o.attachments.clone(),
        message_id: message_id(&o.subject_ref, o.action, now, &eml, from),
        date: now,
    };
    let mail_err = |source| Annex1Error::Mail {
        what: o.what.clone(),
        source,
    };
    let built = mail::build(&draft).map_err(mail_err)?;
    let sha = crate::hashing::sha256_hex(&built.bytes);
    let mut record = MailRecord {
        sent_at: crate::time::in_tz(now, ws.tz),
        recipients: built.recipients.clone(),
        message_id: built.message_id.clone(),
        eml: eml.clone(),
        sha256: sha,
        server_reply: String::new(),
    };
    if dry_run {
        workspace::write_atomic(&ws.root.join(&eml), &built.bytes)?;
        let action = format!("{}.dry-run", o.action);
        let (entry, _) =
            ws.journal()
                .append(lock, now, actor, &action, &o.subject_ref, &built.bytes)?;
        return Ok(Delivered {
            dry_run: true,
            record,
            journal_seq: entry.seq,
        });
    }
    let settings = smtp.ok_or_else(|| mail_err(MailError::NotConfigured))?;
    let receipt = mail::send(settings, &built).map_err(mail_err)?;
    record.server_reply = receipt.reply.clone();
    let keep = || -> Result<u64, Annex1Error> {
        workspace::write_atomic(&ws.root.join(&eml), &built.bytes)?;
        let (entry, _) =
            ws.journal()
                .append(lock, now, actor, o.action, &o.subject_ref, &built.bytes)?;
        Ok(entry.seq)
    };
    let seq = keep().map_err(|e| Annex1Error::SentNotRecorded {
        what: o.what.clone(),
        message_id: built.message_id.clone(),
        reply: receipt.reply.clone(),
        source: Box::new(e),
    })?;
    Ok(Delivered {
        dry_run: false,
        record,
        journal_seq: seq,
    })
}

fn evidence_name(root: &Path, stem: &str, dry_run: bool) -> String {
    if dry_run {
        return format!("{stem}-dry-run.eml");
    }
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.eml")
        } else {
            format!("{stem}-{n}.eml")
        };
        if !root.join(&name).exists() {
            return name;
        }
        n += 1;
    }
}

/// A Message-ID that depends only on what the message is and when it is sent.
fn message_id(subject_ref: &str, action: &str, at: DateTime<Utc>, eml: &str, from: &str) -> String {
    let seed = format!("{action}\n{subject_ref}\n{}\n{eml}", at.to_rfc3339());
    crate::mail::message_id(&seed, action, from)
}

/// The controller's one-month deadline to answer a request received at
/// `received` (GDPR Art. 12(3)), counted in calendar months on the local
/// date of receipt as Regulation 1182/71 counts periods in months: the same
/// date one month later, or the last day of that month when it has no such
/// date (31 January → 28 or 29 February). The period ends at the end of that
/// day, local time, whatever daylight-saving change falls in between.
pub fn answer_due(
    received: DateTime<FixedOffset>,
    tz: Tz,
) -> Option<(NaiveDate, DateTime<FixedOffset>)> {
    let day = crate::time::add_months(received.with_timezone(&tz).date_naive(), 1)?;
    let end = NaiveTime::from_hms_opt(23, 59, 59)?;
    let at = tz.from_local_datetime(&day.and_time(end)).earliest()?;
    Some((day, at.fixed_offset()))
}

/// The processor's deadline to forward a request: 24 elapsed hours after
/// receipt. Annex 1 §II.7 says "dès réception" (on receipt); 24 hours is the
/// tolerance after which `dpo status` flags it.
pub fn forward_due(received: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    received + chrono::TimeDelta::hours(24)
}

/// A record as read from its file.
pub type Loaded<T> = crate::workspace::Stored<T>;

impl crate::workspace::kinds::Record for crate::model::Request {
    fn diagnostics(ws: &Workspace) -> Vec<Diagnostic> {
        workspace::store::load_all::<Self>(ws, request::DIR).1
    }
}

impl crate::workspace::kinds::Record for crate::model::Instruction {
    fn diagnostics(ws: &Workspace) -> Vec<Diagnostic> {
        workspace::store::load_all::<Self>(ws, instruction::DIR).1
    }
}

impl crate::workspace::kinds::Record for crate::model::SubProcessorNotice {
    fn diagnostics(ws: &Workspace) -> Vec<Diagnostic> {
        workspace::store::load_all::<Self>(ws, subprocessor::DIR).1
    }
}

/// Refuses an empty text argument.
pub(crate) fn non_empty(v: &str, what: &'static str, hint: &str) -> Result<String, Annex1Error> {
    let v = v.trim();
    if v.is_empty() {
        return Err(Annex1Error::Empty {
            what,
            hint: hint.to_string(),
        });
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_request_received_on_31_january_is_due_on_the_last_day_of_february() {
        let (d, _) = answer_due(at("2021-01-31T10:00:00+01:00"), PARIS).unwrap();
        assert_eq!(d.to_string(), "2021-02-28");
        let (d, _) = answer_due(at("2024-01-31T10:00:00+01:00"), PARIS).unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
    }

    #[test]
    fn the_answer_deadline_ends_at_the_end_of_the_local_day_across_a_dst_change() {
        let (d, end) = answer_due(at("2021-03-27T09:00:00+01:00"), PARIS).unwrap();
        assert_eq!(d.to_string(), "2021-04-27");
        assert_eq!(end.to_rfc3339(), "2021-04-27T23:59:59+02:00");
        // Received just after midnight local time, i.e. the previous day in UTC.
        let (d, _) = answer_due(at("2021-10-01T00:30:00+02:00"), PARIS).unwrap();
        assert_eq!(d.to_string(), "2021-11-01");
    }
}
