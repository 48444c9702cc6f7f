//! Documented instructions (Annex 1 §II.1–2, §III.3; GDPR Art. 28(3)(a)):
//! each one logged in `instructions/<id>.yaml`; the processor's notice that
//! an instruction would infringe data-protection law, recorded and e-mailed
//! at once; a transfer to a third country required by law, recorded and
//! notified before it happens.

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use serde::Serialize;

use super::{Annex1Error, Delivered, Loaded, Outgoing};
use crate::mail::{Party, SmtpSettings};
use crate::model::{Instruction, Lang, LegalTransfer, Objection};
use crate::render::Templates;
use crate::workspace::{self, store, Workspace, WorkspaceLock};

/// The folder of instruction files.
pub const DIR: &str = crate::workspace::kinds::INSTRUCTION.path;

/// What `dpo instruction log` was given.
#[derive(Debug, Clone)]
pub struct NewInstruction {
    /// The controller id, as typed.
    pub controller: String,
    /// Who gave it.
    pub from: String,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// What.
    pub summary: String,
    /// The document that carries it.
    pub reference: Option<String>,
    /// A transfer required by law: (country, legal basis).
    pub transfer: Option<(String, String)>,
    /// Write the transfer notice to `evidence/` without sending it.
    pub dry_run: bool,
}

/// Which notice of an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The objection (Art. 28(3) last subparagraph).
    Objection,
    /// The transfer required by law (Art. 28(3)(a)).
    Transfer,
}

impl NoticeKind {
    fn key(self) -> &'static str {
        match self {
            NoticeKind::Objection => "objection",
            NoticeKind::Transfer => "transfer",
        }
    }
}

/// What a command did.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The instruction as recorded.
    pub instruction: Instruction,
    /// Its file.
    pub file: String,
    /// The notices sent or written.
    pub sent: Vec<(NoticeKind, Delivered)>,
}

/// Logs an instruction; a transfer required by law is notified at once.
pub fn log(
    ws: &Workspace,
    new: &NewInstruction,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    smtp: Option<&SmtpSettings>,
) -> Result<Outcome, Annex1Error> {
    let (controller, c) = super::controller(ws, &new.controller)?;
    let from = super::non_empty(
        &new.from,
        "--from",
        "--from \"Mme X, directrice générale des services\"",
    )?;
    let summary = super::non_empty(
        &new.summary,
        "--summary",
        "--summary \"supprimer les comptes des agents partis\"",
    )?;
    let transfer = match &new.transfer {
        None => None,
        Some((country, basis)) => {
            let country = super::non_empty(
                country,
                "--transfer-country",
                "--transfer-country \"États-Unis\"",
            )?;
            let legal_basis = super::non_empty(
                basis,
                "--legal-basis",
                "--legal-basis \"réquisition judiciaire n° …\"",
            )?;
            super::require_notice_contact(&controller, c)?;
            super::sender(ws, smtp)?;
            if !new.dry_run && smtp.is_none() {
                return Err(Annex1Error::Mail {
                    what: "the transfer notice".into(),
                    source: crate::mail::MailError::NotConfigured,
                });
            }
            Some(LegalTransfer {
                country,
                legal_basis,
                notice: None,
            })
        }
    };
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let now_local = crate::time::in_tz(now, ws.tz);
    let id = store::next_id(ws, DIR, now_local.year())?;
    let has_transfer = transfer.is_some();
    let instruction = Instruction {
        id: id.clone(),
        controller,
        from,
        at: new.at,
        summary,
        reference: new.reference.clone().filter(|r| !r.trim().is_empty()),
        logged_at: now_local,
        transfer,
        objection: None,
    };
    let rel = format!("{DIR}/{id}.yaml");
    let header = format!(
        "# {}\n",
        t.strings()
            .get("instruction_file_header")
            .replace("{id}", id.as_str())
    );
    let text = store::create(ws, &lock, &rel, &header, instruction.clone())?
        .source
        .text;
    ws.journal().append(
        &lock,
        now,
        actor,
        "instruction.log",
        id.as_str(),
        text.as_bytes(),
    )?;
    let mut out = Outcome {
        instruction,
        file: rel,
        sent: Vec::new(),
    };
    if has_transfer {
        let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id.as_str())?;
        let (i, d) = send(
            ws,
            &lock,
            &t,
            loaded,
            NoticeKind::Transfer,
            now,
            actor,
            new.dry_run,
            smtp,
        )
        .map_err(|e| Annex1Error::RecordedNotSent {
            what: format!("the transfer required by law of instruction `{id}`"),
            retry: format!("dpo instruction notify {id}"),
            source: Box::new(e),
        })?;
        out.instruction = i;
        out.sent.push((NoticeKind::Transfer, d));
    }
    Ok(out)
}

/// Records the processor's objection to an instruction and e-mails it at once.
#[allow(clippy::too_many_arguments)]
pub fn object(
    ws: &Workspace,
    id: &str,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<Outcome, Annex1Error> {
    let reason = super::non_empty(
        reason,
        "--reason",
        "--reason \"la conservation demandée excède la durée fixée par la loi (art. 5(1)(e) RGPD)\"",
    )?;
    let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id)?;
    if let Some(sent) = loaded
        .record
        .objection
        .as_ref()
        .and_then(|o| o.notice.as_ref())
    {
        return Err(Annex1Error::AlreadyObjected {
            id: loaded.record.id.clone(),
            sent_at: crate::time::show(sent.sent_at),
            message_id: sent.message_id.clone(),
        });
    }
    let (cid, c) = super::controller(ws, loaded.record.controller.as_str())?;
    super::require_notice_contact(&cid, c)?;
    super::sender(ws, smtp)?;
    if !dry_run && smtp.is_none() {
        return Err(Annex1Error::Mail {
            what: "the objection".into(),
            source: crate::mail::MailError::NotConfigured,
        });
    }
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id)?;
    let mut new = loaded.record.clone();
    new.objection = Some(Objection {
        reason,
        at: crate::time::in_tz(now, ws.tz),
        notice: None,
    });
    let text = store::update(ws, &lock, &loaded, new.clone(), &["objection"])
        .map(|s| s.source.text)
        .map_err(Annex1Error::from)?;
    ws.journal()
        .append(&lock, now, actor, "instruction.object", id, text.as_bytes())?;
    let file = loaded.source.rel.clone();
    let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id)?;
    let (i, d) = send(
        ws,
        &lock,
        &t,
        loaded,
        NoticeKind::Objection,
        now,
        actor,
        dry_run,
        smtp,
    )
    .map_err(|e| Annex1Error::RecordedNotSent {
        what: format!("the objection to instruction `{id}`"),
        retry: format!("dpo instruction notify {id}"),
        source: Box::new(e),
    })?;
    Ok(Outcome {
        instruction: i,
        file,
        sent: vec![(NoticeKind::Objection, d)],
    })
}

/// Sends the notices of an instruction that are recorded and not yet sent.
pub fn notify(
    ws: &Workspace,
    id: &str,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<Outcome, Annex1Error> {
    let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id)?;
    let pending = pending(&loaded.record);
    if pending.is_empty() {
        return Err(Annex1Error::NothingToSend(format!(
            "instruction `{id}` has no objection or transfer notice waiting to be sent"
        )));
    }
    let (cid, c) = super::controller(ws, loaded.record.controller.as_str())?;
    super::require_notice_contact(&cid, c)?;
    super::sender(ws, smtp)?;
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let file = loaded.source.rel.clone();
    let mut out = Outcome {
        instruction: loaded.record.clone(),
        file,
        sent: Vec::new(),
    };
    for kind in pending {
        let loaded = store::load_one::<Instruction>(ws, "instruction", DIR, id)?;
        let (i, d) = send(ws, &lock, &t, loaded, kind, now, actor, dry_run, smtp)?;
        out.instruction = i;
        out.sent.push((kind, d));
    }
    Ok(out)
}

/// The notices recorded and not yet sent.
pub fn pending(i: &Instruction) -> Vec<NoticeKind> {
    let mut v = Vec::new();
    if i.transfer.as_ref().is_some_and(|t| t.notice.is_none()) {
        v.push(NoticeKind::Transfer);
    }
    if i.objection.as_ref().is_some_and(|o| o.notice.is_none()) {
        v.push(NoticeKind::Objection);
    }
    v
}

#[derive(Serialize)]
struct NoticeContext {
    id: String,
    controller: String,
    convention: String,
    processor: String,
    from: String,
    at: String,
    summary: String,
    reference: Option<String>,
    reason: Option<String>,
    country: Option<String>,
    legal_basis: Option<String>,
    sent_at: String,
    sender: String,
    journal: crate::workspace::JournalHead,
}

#[allow(clippy::too_many_arguments)]
fn send(
    ws: &Workspace,
    lock: &WorkspaceLock,
    t: &Templates,
    loaded: Loaded<Instruction>,
    kind: NoticeKind,
    now: DateTime<Utc>,
    actor: &str,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<(Instruction, Delivered), Annex1Error> {
    let i = &loaded.record;
    let (cid, c) = super::controller(ws, i.controller.as_str())?;
    let contact = super::require_notice_contact(&cid, c)?;
    let from = super::sender(ws, smtp)?;
    let s = t.strings();
    let long = |d| crate::breach::deadline::long_instant(s, d, ws.tz);
    let ctx = NoticeContext {
        id: i.id.to_string(),
        controller: c.name.clone(),
        convention: c.convention.title.clone(),
        processor: ws.processor.name.clone(),
        from: i.from.clone(),
        at: long(i.at),
        summary: i.summary.clone(),
        reference: i.reference.clone(),
        reason: i.objection.as_ref().map(|o| o.reason.clone()),
        country: i.transfer.as_ref().map(|t| t.country.clone()),
        legal_basis: i.transfer.as_ref().map(|t| t.legal_basis.clone()),
        sent_at: long(crate::time::in_tz(now, ws.tz)),
        sender: super::sender_name(ws, t),
        journal: ws.journal().head()?,
    };
    let template = format!("instruction-{}.txt", kind.key());
    let text = t.render(&template, &ctx)?;
    let subject = s
        .get(&format!("instruction_subject.{}", kind.key()))
        .replace("{id}", i.id.as_str())
        .replace("{processor}", ws.processor.display_name());
    let o = Outgoing {
        what: format!("the {} notice of instruction `{}`", kind.key(), i.id),
        to: Party {
            name: contact.name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            role: format!(
                "the notice contact of `{cid}` (contacts.notices.email or dpo.email in {})",
                workspace::controller_file(&cid)
            ),
        },
        subject,
        text,
        attachments: Vec::new(),
        eml_stem: format!("evidence/instructions/{}-{}", i.id, kind.key()),
        action: match kind {
            NoticeKind::Objection => "instruction.objection-notice",
            NoticeKind::Transfer => "instruction.transfer-notice",
        },
        subject_ref: format!("{}/{cid}", i.id),
    };
    let name = super::sender_name(ws, t);
    let d = super::deliver(ws, lock, &o, &from, &name, now, actor, dry_run, smtp)?;
    if dry_run {
        return Ok((loaded.record, d));
    }
    let mut new = loaded.record.clone();
    let result = match kind {
        NoticeKind::Objection => {
            if let Some(o) = new.objection.as_mut() {
                o.notice = Some(d.record.clone());
            }
            store::update(ws, lock, &loaded, new.clone(), &["objection"])
                .map(|s| s.source.text)
                .map_err(Annex1Error::from)
        }
        NoticeKind::Transfer => {
            if let Some(t) = new.transfer.as_mut() {
                t.notice = Some(d.record.clone());
            }
            store::update(ws, lock, &loaded, new.clone(), &["transfer"])
                .map(|s| s.source.text)
                .map_err(Annex1Error::from)
        }
    };
    result.map_err(|e| Annex1Error::SentNotRecorded {
        what: o.what.clone(),
        message_id: d.record.message_id.clone(),
        reply: d.record.server_reply.clone(),
        source: Box::new(e),
    })?;
    Ok((new, d))
}

/// Every instruction, and the problems in instruction files.
pub fn list(ws: &Workspace) -> (Vec<Loaded<Instruction>>, Vec<crate::workspace::Diagnostic>) {
    store::load_all(ws, DIR)
}
