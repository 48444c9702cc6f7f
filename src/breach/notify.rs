//! Sending the notification (phase 1) and its supplements (phases 2 and up)
//! to each controller concerned, and recording what was sent.
//!
//! Order matters for the evidence: every check is made before anything is
//! sent; the message is formatted once; those bytes are sent, then written to
//! `evidence/`, then the breach file records them (path, SHA-256,
//! Message-ID, the server's reply) and the journal gets an entry whose
//! payload hash is the `.eml`'s SHA-256. A message the server refused is
//! recorded nowhere.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::fields::{self, Field};
use super::notice::{self, NoticePlan};
use super::{deadline, store, targets, BreachError, FieldLabel};
use crate::mail::{self, Attachment, Draft, Party, SmtpSettings};
use crate::model::{Breach, Id, Lang, Notification};
use crate::workspace::{self, Stored, Workspace};

/// Notification or supplement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyKind {
    /// Phase 1, refused when already sent unless `again`.
    Initial {
        /// Send phase 1 once more.
        again: bool,
    },
    /// The next phase, with the newly filled fields (plus `fields`, resent).
    Supplement {
        /// Filled fields to send again because they changed.
        fields: Vec<Field>,
    },
}

/// What `notify` and `supplement` need.
#[derive(Debug, Clone)]
pub struct NotifyRequest {
    /// The breach.
    pub id: Id,
    /// The controllers to notify (empty: all of the breach's).
    pub controllers: Vec<Id>,
    /// Notification or supplement.
    pub kind: NotifyKind,
    /// Write the message to `evidence/` without sending it.
    pub dry_run: bool,
    /// Why the notification is late (required after the deadline).
    pub late_reason: Option<String>,
    /// Now: the Date of the message and `sent_at`.
    pub now: DateTime<Utc>,
    /// Who sends it.
    pub actor: String,
    /// Language of the message.
    pub lang: Lang,
}

/// One message sent (or written, in a dry run).
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    /// The controller.
    pub controller: Id,
    /// Phase.
    pub phase: u32,
    /// True when nothing was sent.
    pub dry_run: bool,
    /// The `.eml`, relative to the workspace.
    pub eml: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its Message-ID.
    pub message_id: String,
    /// Envelope recipients.
    pub recipients: Vec<String>,
    /// The server's reply (not in a dry run).
    pub server_reply: Option<String>,
    /// Subject.
    pub subject: String,
    /// Fields given.
    pub fields: Vec<Field>,
    /// Fields still deferred.
    pub deferred: Vec<Field>,
    /// Sent after the deadline.
    pub late: bool,
    /// The journal entry that records it.
    pub journal_seq: u64,
}

/// Sends the notification or a supplement to each controller asked for.
/// `smtp` may be `None` only in a dry run.
pub fn notify(
    ws: &Workspace,
    req: &NotifyRequest,
    smtp: Option<&SmtpSettings>,
) -> Result<Vec<Sent>, BreachError> {
    let t = notice::templates(req.lang)?;
    let lock = ws.lock()?;
    let (first, _) = store::load(ws, &req.id)?;
    super::refuse_closed(&first.breach)?;
    let who = targets(&first.breach, &req.controllers)?;

    let missing = fields::missing(&first.breach);
    if !missing.is_empty() {
        return Err(BreachError::MissingFields {
            id: req.id.clone(),
            missing: missing.into_iter().map(FieldLabel::of).collect(),
        });
    }
    if let Some(late_reason) = &req.late_reason {
        if late_reason.trim().is_empty() {
            return Err(BreachError::Empty {
                what: "--late-reason",
                hint: "--late-reason \"le serveur de messagerie était lui-même chiffré\"".into(),
            });
        }
    }

    // Every check for every controller before the first message goes out.
    let now_local = crate::time::in_tz(req.now, ws.tz);
    let due = deadline::deadline(first.breach.aware_at);
    let mut plans = Vec::new();
    for c in &who {
        let controller = ws
            .controller(c)
            .ok_or_else(|| BreachError::UnknownController {
                controller: c.clone(),
                known: super::join_ids(&first.breach.controllers),
            })?;
        if controller
            .contacts
            .breach
            .email
            .as_deref()
            .is_none_or(|e| e.trim().is_empty())
        {
            return Err(BreachError::NoBreachContact {
                controller: c.clone(),
                file: workspace::controller_file(c),
            });
        }
        plans.push(plan(
            &first.breach,
            c,
            &req.kind,
            req.dry_run,
            now_local,
            due,
            req.late_reason.as_deref(),
        )?);
    }
    let from_email = smtp
        .and_then(|s| s.from.clone())
        .or_else(|| ws.processor.dpo.email.clone())
        .filter(|e| !e.trim().is_empty())
        .ok_or(BreachError::NoSender)?;

    let mut out = Vec::new();
    let mut current: Stored<Breach> = first.into();
    for plan in plans {
        let b = &current.record.clone();
        let c = plan.controller.clone();
        let head = ws.journal().head()?;
        let notice = notice::render_notice(ws, &t, b, &plan, req.now, head)?;
        let eml_rel = evidence_path(&ws.root, &b.id, &c, plan.phase, req.dry_run);
        let mail_err = |source| BreachError::Mail {
            id: b.id.clone(),
            controller: c.clone(),
            source,
        };
        let contact = ws
            .controller(&c)
            .map(|x| x.contacts.breach.clone())
            .unwrap_or_default();
        let draft = Draft {
            from: Party {
                name: Some(notice.context.sender.clone()),
                email: from_email.trim().to_string(),
                role: "the sender (dpo.email in processor.yaml, or DPO_SMTP_FROM)".into(),
            },
            to: vec![Party {
                name: contact.name.clone(),
                email: contact.email.clone().unwrap_or_default(),
                role: format!(
                    "the breach contact of `{c}` (contacts.breach.email in {})",
                    workspace::controller_file(&c)
                ),
            }],
            subject: notice.context.subject.clone(),
            text: notice.text.clone(),
            attachments: vec![Attachment {
                filename: notice.context.pdf_name.clone(),
                content_type: "application/pdf".into(),
                bytes: notice.pdf.clone(),
            }],
            message_id: notice::message_id(b, &c, plan.phase, req.now, &eml_rel, &from_email),
            date: req.now,
        };
        let built = mail::build(&draft).map_err(mail_err)?;
        let sha = crate::hashing::sha256_hex(&built.bytes);
        let late = plan.phase == 1 && !deadline::on_time(now_local, due);

        if req.dry_run {
            workspace::write_atomic(&ws.root.join(&eml_rel), &built.bytes)?;
            let (entry, _) = ws.journal().append(
                &lock,
                req.now,
                &req.actor,
                "breach.dry-run",
                &format!("{}/{c}", b.id),
                &built.bytes,
            )?;
            out.push(Sent {
                controller: c,
                phase: plan.phase,
                dry_run: true,
                eml: eml_rel,
                sha256: sha,
                message_id: built.message_id.clone(),
                recipients: built.recipients.clone(),
                server_reply: None,
                subject: notice.context.subject.clone(),
                fields: plan.given.clone(),
                deferred: plan.deferred.clone(),
                late,
                journal_seq: entry.seq,
            });
            continue;
        }

        let settings = smtp.ok_or_else(|| mail_err(mail::MailError::NotConfigured))?;
        let receipt = mail::send(settings, &built).map_err(mail_err)?;
        // Sent: from here on, a failure must say so loudly.
        let mut record = || -> Result<u64, BreachError> {
            workspace::write_atomic(&ws.root.join(&eml_rel), &built.bytes)?;
            let mut new = b.clone();
            new.notifications.push(Notification {
                phase: plan.phase,
                controller: c.clone(),
                sent_at: now_local,
                recipients: built.recipients.clone(),
                message_id: built.message_id.clone(),
                eml: eml_rel.clone(),
                sha256: sha.clone(),
                server_reply: receipt.reply.clone(),
                late_reason: if late { plan.late_reason.clone() } else { None },
                fields: plan.given.iter().map(|f| f.key().to_string()).collect(),
                deferred: plan.deferred.iter().map(|f| f.key().to_string()).collect(),
            });
            current = store::update(ws, &lock, &current, new)?;
            let action = if plan.phase == 1 {
                "breach.notify"
            } else {
                "breach.supplement"
            };
            let (entry, _) = ws.journal().append(
                &lock,
                req.now,
                &req.actor,
                action,
                &format!("{}/{c}", b.id),
                &built.bytes,
            )?;
            Ok(entry.seq)
        };
        let seq = record().map_err(|e| BreachError::SentNotRecorded {
            id: b.id.clone(),
            controller: c.clone(),
            message_id: built.message_id.clone(),
            reply: receipt.reply.clone(),
            source: Box::new(e),
        })?;
        out.push(Sent {
            controller: c,
            phase: plan.phase,
            dry_run: false,
            eml: eml_rel,
            sha256: sha,
            message_id: built.message_id.clone(),
            recipients: built.recipients.clone(),
            server_reply: Some(receipt.reply),
            subject: notice.context.subject.clone(),
            fields: plan.given,
            deferred: plan.deferred,
            late,
            journal_seq: seq,
        });
    }
    Ok(out)
}

/// Decides the phase and the fields of the message to one controller.
fn plan(
    b: &crate::model::Breach,
    c: &Id,
    kind: &NotifyKind,
    dry_run: bool,
    now: chrono::DateTime<chrono::FixedOffset>,
    due: chrono::DateTime<chrono::FixedOffset>,
    late_reason: Option<&str>,
) -> Result<NoticePlan, BreachError> {
    let states = fields::states(b);
    let filled: Vec<Field> = states
        .iter()
        .filter(|(_, s)| matches!(s, fields::FieldState::Filled { .. }))
        .map(|(f, _)| *f)
        .collect();
    let deferred: Vec<Field> = states
        .iter()
        .filter(|(_, s)| matches!(s, fields::FieldState::Deferred { .. }))
        .map(|(f, _)| *f)
        .collect();
    let sent = b.notifications_to(c);
    match kind {
        NotifyKind::Initial { again } => {
            if let Some(n) = b.notifications_to(c).find(|n| n.phase == 1) {
                if !again && !dry_run {
                    return Err(BreachError::AlreadyNotified {
                        id: b.id.clone(),
                        controller: c.clone(),
                        sent_at: crate::time::show(n.sent_at),
                        message_id: n.message_id.clone(),
                    });
                }
            }
            if !deadline::on_time(now, due) && late_reason.is_none() && !dry_run {
                return Err(BreachError::LateWithoutReason {
                    id: b.id.clone(),
                    controller: c.clone(),
                    deadline: crate::time::show(due),
                    late: deadline::hours_minutes(now - due, true),
                });
            }
            Ok(NoticePlan {
                controller: c.clone(),
                phase: 1,
                given: filled,
                deferred,
                previously_sent: Vec::new(),
                late_reason: late_reason.map(str::to_string),
            })
        }
        NotifyKind::Supplement { fields: resend } => {
            let sent: Vec<&Notification> = sent.collect();
            if !sent.iter().any(|n| n.phase == 1) {
                return Err(BreachError::NotYetNotified {
                    id: b.id.clone(),
                    controller: c.clone(),
                });
            }
            for f in resend {
                if !filled.contains(f) {
                    return Err(BreachError::EmptyField {
                        id: b.id.clone(),
                        field: f.key().to_string(),
                    });
                }
            }
            let before: BTreeSet<Field> = sent
                .iter()
                .flat_map(|n| n.fields.iter())
                .filter_map(|k| Field::parse(k))
                .collect();
            let given: Vec<Field> = filled
                .iter()
                .copied()
                .filter(|f| !before.contains(f) || resend.contains(f))
                .collect();
            if given.is_empty() {
                return Err(BreachError::NothingNew {
                    id: b.id.clone(),
                    controller: c.clone(),
                });
            }
            let phase = sent.iter().map(|n| n.phase).max().unwrap_or(1) + 1;
            Ok(NoticePlan {
                controller: c.clone(),
                phase,
                previously_sent: filled
                    .iter()
                    .copied()
                    .filter(|f| !given.contains(f))
                    .collect(),
                given,
                deferred,
                late_reason: None,
            })
        }
    }
}

/// `evidence/breaches/<id>/<controller>-<phase>.eml`, with `-2`, `-3`… when
/// the name is taken (a resend): evidence is never overwritten. A dry run
/// always writes `…-dry-run.eml`.
fn evidence_path(root: &Path, id: &Id, controller: &Id, phase: u32, dry_run: bool) -> String {
    let dir = format!("evidence/breaches/{id}");
    if dry_run {
        return format!("{dir}/{controller}-{phase}-dry-run.eml");
    }
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{dir}/{controller}-{phase}.eml")
        } else {
            format!("{dir}/{controller}-{phase}-{n}.eml")
        };
        if !root.join(&name).exists() {
            return name;
        }
        n += 1;
    }
}
