//! Data-subject requests (Annex 1 §II.7): logged in `requests/<id>.yaml`
//! and forwarded by e-mail, on receipt, to the controller's
//! data-subject-request contact; the controller answers within one month
//! (GDPR Art. 12(3)).

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use serde::Serialize;

use super::{Annex1Error, Delivered, Loaded, Outgoing};
use crate::mail::{Party, SmtpSettings};
use crate::model::{Id, Lang, Request, Right};
use crate::render::Templates;
use crate::workspace::{self, store, Workspace};

/// The folder of request files.
pub const DIR: &str = crate::workspace::kinds::REQUEST.path;

/// What `dpo request log` was given.
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// The controller id, as typed.
    pub controller: String,
    /// The right invoked.
    pub right: Right,
    /// When it was received.
    pub received_at: DateTime<FixedOffset>,
    /// What is asked.
    pub summary: String,
    /// How it arrived.
    pub channel: Option<String>,
    /// Record only; forward later with `dpo request forward`.
    pub no_forward: bool,
    /// Write the message to `evidence/` without sending it.
    pub dry_run: bool,
}

/// What logging or forwarding did.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The request as recorded.
    pub request: Request,
    /// Its file, relative to the workspace.
    pub file: String,
    /// The message, when one was sent or written.
    pub forwarded: Option<Delivered>,
    /// The last day of the controller's one-month deadline.
    pub answer_due: Option<chrono::NaiveDate>,
}

/// Checks what can be checked before anything is written: the controller
/// and its data-subject-request e-mail, the sender, the summary.
fn preflight(ws: &Workspace, controller: &Id, forward: bool) -> Result<(), Annex1Error> {
    let c = ws
        .controller(controller)
        .ok_or_else(|| Annex1Error::UnknownController {
            controller: controller.to_string(),
            known: ws.known_controllers(),
        })?;
    if forward
        && c.contacts
            .data_subject_requests
            .email
            .as_deref()
            .is_none_or(|e| e.trim().is_empty())
    {
        return Err(Annex1Error::NoContact {
            controller: controller.clone(),
            what: "data-subject requests",
            field: "contacts.data_subject_requests.email",
            file: workspace::controller_file(controller),
            hint: "add the e-mail the controller designated for data-subject requests (Annex 1 §II.7), or log with --no-forward and forward later",
        });
    }
    Ok(())
}

/// Logs a request and, unless `no_forward`, forwards it at once.
pub fn log(
    ws: &Workspace,
    new: &NewRequest,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    smtp: Option<&SmtpSettings>,
) -> Result<Outcome, Annex1Error> {
    let (controller, _) = super::controller(ws, &new.controller)?;
    let summary = super::non_empty(
        &new.summary,
        "--summary",
        "--summary \"demande d'accès au dossier RH, reçue par courrier\"",
    )?;
    let forward = !new.no_forward;
    preflight(ws, &controller, forward)?;
    if forward {
        super::sender(ws, smtp)?;
        if !new.dry_run && smtp.is_none() {
            return Err(Annex1Error::Mail {
                what: "the request".into(),
                source: crate::mail::MailError::NotConfigured,
            });
        }
    }
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let now_local = crate::time::in_tz(now, ws.tz);
    let id = store::next_id(ws, DIR, now_local.year())?;
    let request = Request {
        id: id.clone(),
        controller: controller.clone(),
        right: new.right,
        received_at: new.received_at,
        summary,
        channel: new.channel.clone().filter(|c| !c.trim().is_empty()),
        logged_at: now_local,
        forwarded: None,
    };
    let rel = format!("{DIR}/{id}.yaml");
    let header = format!(
        "# {}\n",
        t.strings()
            .get("request_file_header")
            .replace("{id}", id.as_str())
    );
    let text = store::create(ws, &lock, &rel, &header, request.clone())?
        .source
        .text;
    ws.journal().append(
        &lock,
        now,
        actor,
        "request.log",
        id.as_str(),
        text.as_bytes(),
    )?;
    let mut out = Outcome {
        answer_due: super::answer_due(request.received_at, ws.tz).map(|(d, _)| d),
        request,
        file: rel,
        forwarded: None,
    };
    if forward {
        let loaded = store::load_one::<Request>(ws, "request", DIR, id.as_str())?;
        let sent = send(ws, &lock, &t, loaded, now, actor, new.dry_run, smtp).map_err(|e| {
            Annex1Error::RecordedNotSent {
                what: format!("request `{id}`"),
                retry: format!("dpo request forward {id}"),
                source: Box::new(e),
            }
        })?;
        out.request = sent.0;
        out.forwarded = Some(sent.1);
    }
    Ok(out)
}

/// Forwards a request logged with `--no-forward` (or whose forwarding failed).
pub fn forward(
    ws: &Workspace,
    id: &str,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<Outcome, Annex1Error> {
    let loaded = store::load_one::<Request>(ws, "request", DIR, id)?;
    if let Some(f) = &loaded.record.forwarded {
        return Err(Annex1Error::AlreadyForwarded {
            id: loaded.record.id.clone(),
            sent_at: crate::time::show(f.sent_at),
            message_id: f.message_id.clone(),
        });
    }
    preflight(ws, &loaded.record.controller, true)?;
    super::sender(ws, smtp)?;
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    // Re-read under the lock.
    let loaded = store::load_one::<Request>(ws, "request", DIR, id)?;
    let file = loaded.source.rel.clone();
    let (request, d) = send(ws, &lock, &t, loaded, now, actor, dry_run, smtp)?;
    Ok(Outcome {
        answer_due: super::answer_due(request.received_at, ws.tz).map(|(d, _)| d),
        request,
        file,
        forwarded: Some(d),
    })
}

/// The e-mail to the controller, sent and recorded in the request file.
#[allow(clippy::too_many_arguments)]
fn send(
    ws: &Workspace,
    lock: &crate::workspace::WorkspaceLock,
    t: &Templates,
    loaded: Loaded<Request>,
    now: DateTime<Utc>,
    actor: &str,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<(Request, Delivered), Annex1Error> {
    let r = &loaded.record;
    let c = ws
        .controller(&r.controller)
        .ok_or_else(|| Annex1Error::UnknownController {
            controller: r.controller.to_string(),
            known: ws.known_controllers(),
        })?;
    let contact = c.contacts.data_subject_requests.clone();
    let from = super::sender(ws, smtp)?;
    let s = t.strings();
    let now_local = crate::time::in_tz(now, ws.tz);
    let due = super::answer_due(r.received_at, ws.tz);
    let ctx = ForwardContext {
        id: r.id.to_string(),
        controller: c.name.clone(),
        convention: c.convention.title.clone(),
        processor: ws.processor.name.clone(),
        right: s.get(&format!("right.{}", r.right.key())).to_string(),
        article: r.right.article(),
        received_at: crate::breach::deadline::long_instant(s, r.received_at, ws.tz),
        sent_at: crate::breach::deadline::long_instant(s, now_local, ws.tz),
        summary: r.summary.clone(),
        channel: r.channel.clone(),
        answer_due: due
            .map(|(d, _)| crate::render::templates::long_date(s, d))
            .unwrap_or_default(),
        late: now_local > super::forward_due(r.received_at),
        sender: super::sender_name(ws, t),
        journal: ws.journal().head()?,
    };
    let subject = s
        .get("request_subject")
        .replace("{id}", r.id.as_str())
        .replace("{right}", &ctx.right)
        .replace("{processor}", ws.processor.display_name());
    let text = t.render("request-forward.txt", &ctx)?;
    let o = Outgoing {
        what: format!("the forwarding of request `{}`", r.id),
        to: Party {
            name: contact.name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            role: format!(
                "the data-subject-request contact of `{}` (contacts.data_subject_requests.email in {})",
                r.controller,
                workspace::controller_file(&r.controller)
            ),
        },
        subject,
        text,
        attachments: Vec::new(),
        eml_stem: format!("evidence/requests/{}", r.id),
        action: "request.forward",
        subject_ref: format!("{}/{}", r.id, r.controller),
    };
    let name = super::sender_name(ws, t);
    let d = super::deliver(ws, lock, &o, &from, &name, now, actor, dry_run, smtp)?;
    if dry_run {
        return Ok((loaded.record, d));
    }
    let mut new = loaded.record.clone();
    new.forwarded = Some(d.record.clone());
    store::update(ws, lock, &loaded, new.clone(), &["forwarded"])
        .map(|s| s.source.text)
        .map_err(Annex1Error::from)
        .map_err(|e| Annex1Error::SentNotRecorded {
            what: o.what.clone(),
            message_id: d.record.message_id.clone(),
            reply: d.record.server_reply.clone(),
            source: Box::new(e),
        })?;
    Ok((new, d))
}

#[derive(Serialize)]
struct ForwardContext {
    id: String,
    controller: String,
    convention: String,
    processor: String,
    right: String,
    article: &'static str,
    received_at: String,
    sent_at: String,
    summary: String,
    channel: Option<String>,
    answer_due: String,
    late: bool,
    sender: String,
    journal: crate::workspace::JournalHead,
}

/// Every request, and the problems in request files.
pub fn list(ws: &Workspace) -> (Vec<Loaded<Request>>, Vec<crate::workspace::Diagnostic>) {
    store::load_all(ws, DIR)
}
