//! Sending the notification (phase 1) and its supplements (phases 2 and up)
//! to each controller concerned, and recording what was sent.
//!
//! Order matters for the evidence: every check is made before anything is
//! sent — the required fields first, before a mail server is even asked for
//! ([`prepare`]), then every controller ([`Prepared::send`]); each message
//! goes through the outbox ([`crate::mail::outbox`]): formatted once, those
//! bytes written to `evidence/` and the intent to send them journaled, then
//! sent, recorded in the breach file (path, SHA-256, Message-ID, the
//! server's reply) and the outcome journaled with the `.eml`'s SHA-256. A
//! message the server refused is recorded nowhere in the breach file. One
//! whose sending was interrupted is an uncertain sending: refused until
//! [`NotifyRequest::uncertain`] says it reached the server or must go again.
//! The breach file is read once, under the lock; each recording carries the
//! new text on to the next controller.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::fields::{self, Field};
use super::notice::{self, NoticePlan};
use super::{deadline, store, targets, BreachError, FieldLabel};
use crate::mail::outbox::{self, Filing, Letter, Outbox, OutboxError, Resolve, Sending};
use crate::mail::{Attachment, SmtpSettings};
use crate::model::{required_text, Breach, Contact, Id, Lang, Notification};
use crate::render::words;
use crate::render::Templates;
use crate::workspace::{self, Stored, Workspace, WorkspaceLock};

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
        /// Where the investigation stands on the items still deferred: a
        /// supplement may say only that (`--progress`).
        progress: Option<String>,
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
    /// What to do about an interrupted earlier sending of a message.
    pub uncertain: Resolve,
    /// Why the notification is late (required after the deadline).
    pub late_reason: Option<String>,
    /// Now: the Date of the message and `sent_at`.
    pub now: DateTime<Utc>,
    /// Who sends it.
    pub actor: String,
    /// Language of the message.
    pub lang: Lang,
    /// Supporting documents to attach (`--attach`).
    pub attach: Vec<std::path::PathBuf>,
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
    /// Fields sent again because they changed since an earlier message.
    pub changed: Vec<Field>,
    /// The supporting documents attached.
    pub attachments: Vec<crate::model::AttachedFile>,
    /// Sent after the deadline.
    pub late: bool,
    /// The journal entry that records it.
    pub journal_seq: u64,
    /// The breach contact to call now: after a notification was sent to a
    /// controller no call to which is logged yet.
    #[serde(skip)]
    pub to_call: Option<Contact>,
}

/// A notification or supplement about to go out: the workspace is locked,
/// the breach file read once, and every required field is filled or
/// deferred — checked before any mail server is asked for.
#[derive(Debug)]
pub struct Prepared<'a> {
    ws: &'a Workspace,
    req: &'a NotifyRequest,
    lock: WorkspaceLock,
    t: Templates,
    breach: Stored<Breach>,
    /// What goes to each controller, and to whom.
    plans: Vec<(NoticePlan, Contact)>,
    /// The supporting documents, read.
    documents: Vec<Attachment>,
}

/// Takes the lock, reads the breach and makes every check for every
/// controller before a mail server is asked for: a closed breach, a
/// controller it does not concern, a required field neither filled nor
/// deferred (the error lists them), a late notification without its reason,
/// a phase already sent, a controller without a breach contact.
pub fn prepare<'a>(ws: &'a Workspace, req: &'a NotifyRequest) -> Result<Prepared<'a>, BreachError> {
    let t = notice::templates(req.lang)?;
    let lock = ws.lock()?;
    let (loaded, _) = store::load(ws, &req.id)?;
    let b = &loaded.breach;
    super::refuse_closed(b)?;
    let who = targets(b, &req.controllers)?;
    let documents = outbox::documents(&req.attach).map_err(BreachError::Outbox)?;
    let attached = crate::mail::attach::recorded(&documents);
    // A blank --progress is a typing slip, said before what the breach lacks.
    if let NotifyKind::Supplement {
        progress: Some(p), ..
    } = &req.kind
    {
        progress_text(p)?;
    }
    let missing = fields::missing(b);
    if !missing.is_empty() {
        return Err(BreachError::MissingFields {
            id: req.id.clone(),
            missing: missing.into_iter().map(FieldLabel::of).collect(),
        });
    }
    if let Some(late_reason) = &req.late_reason {
        required_text(
            late_reason,
            "--late-reason",
            "--late-reason \"le serveur de messagerie était lui-même chiffré\"",
        )?;
    }
    // Every check for every controller before the first message goes out.
    let now_local = crate::time::in_tz(req.now, ws.tz);
    // In the processor's timezone, with the offset of the deadline's own
    // season: 72 h after an awareness in summer time may be in winter time.
    let due = crate::time::in_tz(deadline::deadline(b.aware_at).to_utc(), ws.tz);
    // How late, worded once for every controller (rounded up).
    let late = (!deadline::on_time(now_local, due))
        .then(|| words::duration(t.strings(), now_local - due, true));
    let mut plans = Vec::new();
    for c in &who {
        let controller = ws
            .controller(c)
            .ok_or_else(|| BreachError::UnknownController {
                controller: c.to_string(),
                known: super::join_ids(&b.controllers),
            })?;
        if !controller.contacts.breach.has_email() {
            return Err(BreachError::NoBreachContact {
                controller: c.clone(),
                file: workspace::controller_file(c),
            });
        }
        let mut p = plan(
            b,
            c,
            &req.kind,
            due,
            late.as_deref(),
            req.late_reason.as_deref(),
        )?;
        p.attachments = attached.clone();
        plans.push((p, controller.contacts.breach.clone()));
    }
    // A document named like the message's own PDF: refused, the recipient
    // could not tell them apart (exit 2, nothing sent).
    let own: Vec<String> = plans
        .iter()
        .map(|(p, _)| notice::pdf_name(t.strings(), &b.id, p.phase))
        .collect();
    crate::mail::attach::refuse_own_names(&documents, &own)
        .map_err(|e| BreachError::Outbox(e.into()))?;
    Ok(Prepared {
        ws,
        req,
        lock,
        t,
        breach: loaded.into(),
        plans,
        documents,
    })
}

/// Sends the notification or a supplement to each controller asked for.
/// `smtp` may be `None` only in a dry run.
pub fn notify(
    ws: &Workspace,
    req: &NotifyRequest,
    smtp: Option<&SmtpSettings>,
) -> Result<Vec<Sent>, BreachError> {
    prepare(ws, req)?.send(smtp)
}

impl Prepared<'_> {
    /// Checks every controller, then sends to each in turn through the
    /// outbox, recording each message in the breach file as it goes.
    /// `smtp` may be `None` only in a dry run.
    pub fn send(self, smtp: Option<&SmtpSettings>) -> Result<Vec<Sent>, BreachError> {
        let Prepared {
            ws,
            req,
            lock,
            t,
            breach: mut current,
            plans,
            documents,
        } = self;
        let how = Sending {
            now: req.now,
            actor: &req.actor,
            lang: req.lang,
            dry_run: req.dry_run,
            smtp,
            uncertain: req.uncertain,
        };
        let outbox =
            Outbox::open(ws, &lock, &t, &how).map_err(|e| outbox_error(&req.id, None, e))?;

        let now_local = crate::time::in_tz(req.now, ws.tz);
        let due = deadline::deadline(current.record.aware_at);
        let mut out = Vec::new();
        for (plan, contact) in plans {
            let b = current.record.clone();
            let c = plan.controller.clone();
            let head = ws.journal().head()?;
            let notice = notice::render_notice(ws, &t, &b, &plan, req.now, head)?;
            let late = plan.phase == 1 && !deadline::on_time(now_local, due);
            let (action, phase) = match plan.phase {
                1 => ("breach.notify", 1),
                n => ("breach.supplement", n),
            };
            let letter = Letter {
                what: crate::render::catalog::Msg::new("va-what-breach-to")
                    .arg("id", b.id.to_string())
                    .arg("controller", ws.controller_said(&c, t.lang())),
                to: outbox::recipient(&contact, outbox::role("va-role-breach-contact", &c)),
                subject: notice.context.subject.clone(),
                text: notice.text.clone(),
                attachments: vec![Attachment {
                    filename: notice.context.pdf_name.clone(),
                    content_type: "application/pdf".into(),
                    bytes: notice.pdf.clone(),
                }],
                documents: documents.clone(),
                record: crate::workspace::store::record_rel(super::store::DIR, &b.id),
                eml_stem: format!("evidence/breaches/{}/{c}-{phase}", b.id),
                filing: Filing {
                    action: action.into(),
                    dry_run_action: "breach.dry-run".into(),
                    subject: format!("{}/{c}", b.id),
                    id_seed: format!("{}\n{c}\n{phase}", b.id),
                    id_tag: format!("breach-{}-{phase}", b.id),
                },
            };
            let mut recorded = None;
            let d = outbox
                .post(&letter, |sent| {
                    let mut new = b.clone();
                    new.notifications.push(Notification {
                        phase,
                        controller: c.clone(),
                        sent_at: sent.sent_at,
                        recipients: sent.recipients.clone(),
                        message_id: sent.message_id.clone(),
                        eml: sent.eml.clone(),
                        sha256: sent.sha256.clone(),
                        server_reply: sent.server_reply.clone(),
                        late_reason: if late { plan.late_reason.clone() } else { None },
                        deadline: Some(crate::time::in_tz(due.to_utc(), ws.tz)),
                        fields: plan.given.iter().map(|f| f.key().to_string()).collect(),
                        deferred: plan.deferred.iter().map(|f| f.key().to_string()).collect(),
                        values: fields::sent_values(&b, &plan.given),
                        attachments: sent.attachments.clone(),
                        progress: plan.progress.clone(),
                    });
                    // What this message gives is no longer deferred.
                    fields::settle(&mut new);
                    recorded = Some(store::update(ws, &lock, &current, new)?);
                    Ok::<_, BreachError>(())
                })
                .map_err(|e| outbox_error(&b.id, Some(ws.controller_said(&c, t.lang())), e))?;
            if let Some(r) = recorded {
                current = r;
            }
            let to_call =
                (!d.dry_run && phase == 1 && b.calls_to(&c).next().is_none()).then_some(contact);
            out.push(Sent {
                controller: c,
                phase,
                dry_run: d.dry_run,
                server_reply: (!d.dry_run).then(|| d.record.server_reply.clone()),
                eml: d.record.eml,
                sha256: d.record.sha256,
                message_id: d.record.message_id,
                recipients: d.record.recipients,
                subject: notice.context.subject,
                fields: plan.given,
                deferred: plan.deferred,
                changed: plan.changed,
                attachments: d.record.attachments,
                late,
                journal_seq: d.journal_seq,
                to_call,
            });
        }
        Ok(out)
    }
}

/// The text of `--progress`, refused when blank.
fn progress_text(p: &str) -> Result<String, crate::model::EmptyText> {
    required_text(
        p,
        "--progress",
        "--progress \"l'inventaire des fichiers touchés est achevé à 60 %\"",
    )
}

/// The outbox's refusals and failures, in the breach workflow's words.
/// `controller` is the controller as a sentence names it
/// ([`Workspace::controller_said`]).
fn outbox_error(id: &Id, controller: Option<String>, e: OutboxError) -> BreachError {
    let controller = || controller.clone().unwrap_or_else(|| id.to_string());
    match e {
        OutboxError::NoSender => BreachError::NoSender,
        OutboxError::Mail { source, .. } => BreachError::Mail {
            id: id.clone(),
            controller: controller(),
            source: *source,
        },
        OutboxError::SentNotRecorded {
            message_id,
            reply,
            source,
            ..
        } => BreachError::SentNotRecorded {
            id: id.clone(),
            controller: controller(),
            message_id,
            reply,
            source,
        },
        OutboxError::Workspace(e) => BreachError::Workspace(e),
        other => BreachError::Outbox(other),
    }
}

/// Decides the phase and the fields of the message to one controller;
/// `late` says how late the first notification is, when it is. A dry run
/// is planned as a real run is: the same refusals (already notified, late
/// without a reason) apply to it.
fn plan(
    b: &crate::model::Breach,
    c: &Id,
    kind: &NotifyKind,
    due: chrono::DateTime<chrono::FixedOffset>,
    late: Option<&str>,
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
                if !again {
                    return Err(BreachError::AlreadyNotified {
                        changed: fields::changed_since_sent(b, c)
                            .into_iter()
                            .map(|f| f.key().to_string())
                            .collect(),
                        id: b.id.clone(),
                        controller: c.clone(),
                        sent_at: n.sent_at,
                        message_id: n.message_id.clone(),
                    });
                }
            }
            if let Some(late) = late.filter(|_| late_reason.is_none()) {
                return Err(BreachError::Late {
                    id: b.id.clone(),
                    controller: c.clone(),
                    deadline: due,
                    late: late.to_string(),
                });
            }
            Ok(NoticePlan {
                controller: c.clone(),
                phase: 1,
                changed: fields::changed_since_sent(b, c)
                    .into_iter()
                    .filter(|f| filled.contains(f))
                    .collect(),
                given: filled,
                deferred,
                previously_sent: Vec::new(),
                late_reason: late_reason.map(str::to_string),
                attachments: Vec::new(),
                progress: None,
            })
        }
        NotifyKind::Supplement {
            fields: resend,
            progress,
        } => {
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
            // A field changed since it was sent goes again, unasked.
            let changed: Vec<Field> = fields::changed_since_sent(b, c)
                .into_iter()
                .chain(resend.iter().copied().filter(|f| before.contains(f)))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let given: Vec<Field> = filled
                .iter()
                .copied()
                .filter(|f| !before.contains(f) || changed.contains(f))
                .collect();
            let progress = progress.as_deref().map(progress_text).transpose()?;
            if given.is_empty() && progress.is_none() {
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
                changed,
                attachments: Vec::new(),
                progress,
            })
        }
    }
}
