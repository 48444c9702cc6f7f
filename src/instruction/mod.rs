//! Documented instructions (Annex 1 §II.1–2, §III.3; GDPR Art. 28(3)(a)):
//! each one logged in `instructions/<id>.yaml`; the processor's notice that
//! an instruction would infringe data-protection law, recorded and e-mailed
//! at once; a transfer to a third country required by law, recorded and
//! notified before it happens. Notices go out through the outbox to the
//! controller's notice contact. Nothing here prints or reads the clock.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::mail::outbox::{
    self, Delivered, Filing, InfraCause, InfraError, Letter, Outbox, OutboxError, Sending,
};
use crate::model::{required_text, Id, Instruction, LegalTransfer, Objection};
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::signature::SignatureView;
use crate::render::words;
use crate::render::Templates;
use crate::workspace::kinds::{self, Record};
use crate::workspace::store::{self, StoreError, Stored};
use crate::workspace::{Diagnostic, JournalHead, Workspace, WorkspaceLock};

/// The folder of instruction files.
pub const DIR: &str = kinds::INSTRUCTION.path;

/// What can go wrong with an instruction.
#[derive(Debug, thiserror::Error)]
pub enum InstructionError {
    /// Nothing is waiting to be sent.
    #[error("instruction `{0}` has no objection or transfer notice waiting to be sent")]
    NothingToSend(String),
    /// The controller, the instruction file, the workspace, a notice or a
    /// template failed.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl Localize for InstructionError {
    /// The catalog's message in the language of `s`; an error of a layer
    /// below keeps its English text, its hint label said in that language.
    fn message(&self, s: &Catalog) -> String {
        match self {
            InstructionError::NothingToSend(id) => {
                s.msg(&Msg::new("duties-instruction-nothing-to-send").arg("id", id.as_str()))
            }
            InstructionError::Infra(e) => e.message(s),
        }
    }
}

impl<C: InfraCause> From<C> for InstructionError {
    fn from(e: C) -> Self {
        Self::Infra(e.into())
    }
}

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
    /// The word in file names, templates and messages.
    pub fn key(self) -> &'static str {
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

impl Record for Instruction {
    fn diagnostics(ws: &Workspace, _now: chrono::DateTime<chrono::Utc>) -> Vec<Diagnostic> {
        list(ws).1
    }
}

/// Every instruction, and the problems in instruction files.
pub fn list(ws: &Workspace) -> (Vec<Stored<Instruction>>, Vec<Diagnostic>) {
    store::load_all(ws, DIR)
}

/// The instruction `id`.
pub fn load(ws: &Workspace, id: &str) -> Result<Stored<Instruction>, InstructionError> {
    Ok(store::load_one(ws, "instruction", DIR, id)?)
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

/// "the objection to instruction `…`", in every language.
fn objection(id: &str) -> Msg {
    Msg::new("va-what-instruction-objection").arg("id", id)
}

/// "the objection notice of instruction `…`" (or the transfer notice).
fn notice(kind: NoticeKind, id: &Id) -> Msg {
    Msg::new("va-what-instruction-notice")
        .arg("kind", kind.key())
        .arg("id", id.as_str())
}

/// Checks, before anything is written, that the controller can be told.
fn preflight(
    ws: &Workspace,
    controller: &Id,
    how: &Sending,
    what: &Msg,
) -> Result<(), InstructionError> {
    outbox::notice_recipient(ws, controller)?;
    Ok(outbox::ready(ws, how, what)?)
}

/// Logs an instruction; a transfer required by law is notified at once.
pub fn log(
    ws: &Workspace,
    new: &NewInstruction,
    how: &Sending,
) -> Result<Outcome, InstructionError> {
    let (controller, _) = ws.require_controller(&new.controller)?;
    let from = required_text(
        &new.from,
        "--from",
        "--from \"Mme X, directrice générale des services\"",
    )?;
    let summary = required_text(
        &new.summary,
        "--summary",
        "--summary \"supprimer les comptes des agents partis\"",
    )?;
    let transfer = match &new.transfer {
        None => None,
        Some((country, basis)) => {
            let country = required_text(
                country,
                "--transfer-country",
                "--transfer-country \"États-Unis\"",
            )?;
            let legal_basis = required_text(
                basis,
                "--legal-basis",
                "--legal-basis \"réquisition judiciaire n° …\"",
            )?;
            preflight(ws, &controller, how, &Msg::new("va-what-transfer-notice"))?;
            Some(LegalTransfer {
                country,
                legal_basis,
                notice: None,
            })
        }
    };
    let t = Templates::new(how.lang)?;
    let lock = ws.lock()?;
    let now_local = crate::time::in_tz(how.now, ws.tz);
    // The id takes the year the instruction was given.
    let id = store::next_id(ws, DIR, new.at)?;
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
    let rel = store::record_rel(DIR, &id);
    let header = t
        .strings()
        .file_header("instruction_file_header", id.as_str());
    let stored = store::create(ws, &lock, &rel, &header, instruction)?;
    let text = stored.source.text.as_bytes();
    how.journal(ws, &lock, "instruction.log", id.as_str(), text)?;
    let mut out = Outcome {
        instruction: stored.record.clone(),
        file: rel,
        sent: Vec::new(),
    };
    if out.instruction.transfer.is_some() {
        let outbox = Outbox::open(ws, &lock, &t, how)?;
        let what = Msg::new("va-what-instruction-transfer").arg("id", id.as_str());
        let (i, d) = send_recorded(&outbox, stored, NoticeKind::Transfer, (what, id.as_str()))?;
        out.instruction = i.record;
        out.sent.push((NoticeKind::Transfer, d));
    }
    Ok(out)
}

/// Records the processor's objection to an instruction and e-mails it at once.
pub fn object(
    ws: &Workspace,
    id: &str,
    reason: &str,
    how: &Sending,
) -> Result<Outcome, InstructionError> {
    let reason = required_text(
        reason,
        "--reason",
        "--reason \"la conservation demandée excède la durée fixée par la loi (art. 5(1)(e) RGPD)\"",
    )?;
    let (t, lock, stored) = open(ws, id, how)?;
    if let Some(sent) = stored
        .record
        .objection
        .as_ref()
        .and_then(|o| o.notice.as_ref())
    {
        let what = objection(stored.record.id.as_str());
        return Err(OutboxError::already_sent(what, "sent", sent).into());
    }
    preflight(ws, &stored.record.controller, how, &objection(id))?;
    let mut new = stored.record.clone();
    new.objection = Some(Objection {
        reason,
        at: crate::time::in_tz(how.now, ws.tz),
        notice: None,
    });
    let stored = store::update(ws, &lock, &stored, new, &["objection"])?;
    let text = stored.source.text.as_bytes();
    how.journal(ws, &lock, "instruction.object", id, text)?;
    let file = stored.source.rel.clone();
    let outbox = Outbox::open(ws, &lock, &t, how)?;
    let what = objection(id);
    let (i, d) = send_recorded(&outbox, stored, NoticeKind::Objection, (what, id))?;
    Ok(Outcome {
        instruction: i.record,
        file,
        sent: vec![(NoticeKind::Objection, d)],
    })
}

/// Sends the notices of an instruction that are recorded and not yet sent.
pub fn notify(ws: &Workspace, id: &str, how: &Sending) -> Result<Outcome, InstructionError> {
    let (t, lock, mut stored) = open(ws, id, how)?;
    let pending = pending(&stored.record);
    if pending.is_empty() {
        return Err(InstructionError::NothingToSend(id.to_string()));
    }
    outbox::notice_recipient(ws, &stored.record.controller)?;
    let mut out = Outcome {
        instruction: stored.record.clone(),
        file: stored.source.rel.clone(),
        sent: Vec::new(),
    };
    let outbox = Outbox::open(ws, &lock, &t, how)?;
    for kind in pending {
        let (s, d) = send(&outbox, stored, kind)?;
        stored = s;
        out.instruction = stored.record.clone();
        out.sent.push((kind, d));
    }
    Ok(out)
}

/// The templates, the lock, and instruction `id` read under it.
fn open(
    ws: &Workspace,
    id: &str,
    how: &Sending,
) -> Result<(Templates, WorkspaceLock, Stored<Instruction>), InstructionError> {
    let t = Templates::new(how.lang)?;
    let lock = ws.lock()?;
    Ok((t, lock, load(ws, id)?))
}

#[derive(Serialize)]
struct NoticeContext {
    id: String,
    controller: String,
    convention: String,
    processor: String,
    /// The processor with its French article ("l'établissement public …").
    processor_the: String,
    from: String,
    at: String,
    summary: String,
    reference: Option<String>,
    reason: Option<String>,
    country: Option<String>,
    legal_basis: Option<String>,
    sent_at: String,
    signature: SignatureView,
    journal: JournalHead,
}

/// [`send`] for a notice just recorded (`what`, of instruction `id`): a
/// failure says it is recorded, and how to send it.
fn send_recorded(
    outbox: &Outbox<'_>,
    stored: Stored<Instruction>,
    kind: NoticeKind,
    (what, id): (Msg, &str),
) -> Result<(Stored<Instruction>, Delivered), InstructionError> {
    let retry = format!("dpo instruction notify {id}");
    send(outbox, stored, kind).map_err(|e| OutboxError::recorded_not_sent(what, retry, e).into())
}

/// Sends the `kind` notice of an instruction to the controller and records
/// it in the instruction file (not in a dry run).
fn send(
    outbox: &Outbox<'_>,
    stored: Stored<Instruction>,
    kind: NoticeKind,
) -> Result<(Stored<Instruction>, Delivered), InstructionError> {
    let (ws, t) = (outbox.workspace(), outbox.templates());
    let i = &stored.record;
    let (c, to) = outbox::notice_recipient(ws, &i.controller)?;
    let s = t.strings();
    let long = |d| words::long_instant(s, d, ws.tz);
    let ctx = NoticeContext {
        id: i.id.to_string(),
        controller: c.name.clone(),
        convention: c.convention.title.clone(),
        processor: ws.processor.name.clone(),
        processor_the: ws.processor.name_the(),
        from: i.from.clone(),
        at: long(i.at),
        summary: i.summary.clone(),
        reference: i.reference.clone(),
        reason: i.objection.as_ref().map(|o| o.reason.clone()),
        country: i.transfer.as_ref().map(|t| t.country.clone()),
        legal_basis: i.transfer.as_ref().map(|t| t.legal_basis.clone()),
        sent_at: long(crate::time::in_tz(outbox.now(), ws.tz)),
        signature: SignatureView::of(ws, s, crate::time::in_tz(outbox.now(), ws.tz)),
        journal: ws.journal().head()?,
    };
    let action = match kind {
        NoticeKind::Objection => "instruction.objection-notice",
        NoticeKind::Transfer => "instruction.transfer-notice",
    };
    let letter = Letter {
        what: Msg::new("terminal-ha-what-for")
            .arg("what", notice(kind, &i.id))
            .arg("controller", ws.controller_said(&i.controller, t.lang())),
        to,
        subject: s
            .get(&format!("instruction_subject.{}", kind.key()))
            .replace("{id}", i.id.as_str())
            .replace("{processor}", ws.processor.display_name()),
        text: t.render(&format!("instruction-{}.txt", kind.key()), &ctx)?,
        attachments: Vec::new(),
        record: store::record_rel(DIR, &i.id),
        eml_stem: format!("evidence/instructions/{}-{}", i.id, kind.key()),
        documents: Vec::new(),
        filing: Filing::new(action, format!("{}/{}", i.id, i.controller)),
    };
    let mut updated = None;
    let d = outbox.post(&letter, |sent| {
        let mut new = stored.record.clone();
        match kind {
            NoticeKind::Objection => {
                if let Some(o) = new.objection.as_mut() {
                    o.notice = Some(sent.clone());
                }
            }
            NoticeKind::Transfer => {
                if let Some(t) = new.transfer.as_mut() {
                    t.notice = Some(sent.clone());
                }
            }
        }
        updated = Some(store::update(
            ws,
            outbox.lock(),
            &stored,
            new,
            &[kind.key()],
        )?);
        Ok::<_, StoreError>(())
    })?;
    Ok((updated.unwrap_or(stored), d))
}
