//! The written notice of a sub-processor change to one controller (Annex 1
//! §II.6): its PDF, kept in `evidence/subprocessors/` with its SHA-256, its
//! record in `subprocessor-notices/<id>.yaml`, and its sending by e-mail,
//! through the outbox, with the PDF attached.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::SubProcessorError;
use crate::mail::outbox::{self, Delivered, Filing, Letter, Outbox, Sending};
use crate::mail::Attachment;
use crate::model::{ChangeKind, Id, MailRecord, SubProcessor, SubProcessorNotice};
use crate::render::catalog::Msg;
use crate::render::pdf::{markdown_to_pdf, PdfMeta};
use crate::render::signature::SignatureView;
use crate::render::templates::Strings;
use crate::render::words;
use crate::render::Templates;
use crate::workspace::kinds::{self, Record};
use crate::workspace::store::{self, StoreError, Stored};
use crate::workspace::{self, Diagnostic, JournalHead, Workspace, WorkspaceError, WorkspaceLock};

/// The folder of notice records.
pub const DIR: &str = kinds::SUBPROCESSOR_NOTICE.path;

#[derive(Serialize)]
struct ChangeView {
    label: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
struct NoticeContext {
    id: String,
    title: String,
    added: bool,
    processor: String,
    /// The processor with its French article ("l'établissement public …").
    processor_the: String,
    processor_address: Option<String>,
    processor_dpo: String,
    controller: String,
    convention: String,
    sp: SubProcessor,
    /// Name, e-mail and phone of the contact, those known; « à compléter »
    /// when none is.
    contact: String,
    contract_start: Option<String>,
    contract_end: Option<String>,
    changes: Vec<ChangeView>,
    created_at: String,
    signature: SignatureView,
}

fn show_field(s: &Strings, sp: &SubProcessor, key: &str) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let d = |v: &Option<NaiveDate>| v.map(|d| words::long_date(s, d)).unwrap_or_default();
    let v = match key {
        "name" => sp.name.clone(),
        "address" => o(&sp.address),
        "contact" => [&sp.contact.name, &sp.contact.email, &sp.contact.phone]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        "activities" => sp.activities.join(" ; "),
        "controllers" => sp
            .controllers
            .iter()
            .map(Id::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        "contract.reference" => o(&sp.contract.reference),
        "contract.start" => d(&sp.contract.start),
        "contract.end" => d(&sp.contract.end),
        "location" => o(&sp.location),
        "guarantees" => o(&sp.guarantees),
        _ => String::new(),
    };
    if v.trim().is_empty() {
        s.get("todo").to_string()
    } else {
        v
    }
}

fn context(
    ws: &Workspace,
    t: &Templates,
    n: &SubProcessorNotice,
    old: Option<&SubProcessor>,
    created: DateTime<FixedOffset>,
) -> Result<NoticeContext, SubProcessorError> {
    let s = t.strings();
    let (_, c) = ws.require_controller(n.controller.as_str())?;
    let changes = match old {
        Some(o) => n
            .changed
            .iter()
            .map(|k| ChangeView {
                label: s.get(&format!("sp_field.{k}")).to_string(),
                before: show_field(s, o, k),
                after: show_field(s, &n.details, k),
            })
            .collect(),
        None => Vec::new(),
    };
    let key = match n.change {
        ChangeKind::Added => "sp_subject_added",
        ChangeKind::Changed => "sp_subject_changed",
    };
    Ok(NoticeContext {
        id: n.id.to_string(),
        title: s
            .get(key)
            .replace("{processor}", ws.processor.display_name())
            .replace("{name}", &n.details.name)
            .replace("{id}", n.id.as_str()),
        added: n.change == ChangeKind::Added,
        processor: ws.processor.name.clone(),
        processor_the: ws.processor.name_the(),
        processor_address: ws.processor.address.clone(),
        processor_dpo: [
            &ws.processor.dpo.name,
            &ws.processor.dpo.email,
            &ws.processor.dpo.phone,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(", "),
        controller: c.name.clone(),
        convention: c.convention.title.clone(),
        sp: n.details.clone(),
        contact: show_field(s, &n.details, "contact"),
        contract_start: n.details.contract.start.map(|d| words::long_date(s, d)),
        contract_end: n.details.contract.end.map(|d| words::long_date(s, d)),
        changes,
        created_at: words::long_instant(s, created, ws.tz),
        signature: SignatureView::of(ws, s, created),
    })
}

/// Makes the PDF of the new notice `n` (about a change from `old`), keeps
/// it, records the notice and journals it. Returns the notice as recorded.
pub(super) fn issue(
    ws: &Workspace,
    lock: &WorkspaceLock,
    t: &Templates,
    mut n: SubProcessorNotice,
    old: Option<&SubProcessor>,
    how: &Sending,
) -> Result<SubProcessorNotice, SubProcessorError> {
    let id = n.id.clone();
    n.pdf = format!("evidence/subprocessors/{id}.pdf");
    let ctx = context(ws, t, &n, old, n.created_at)?;
    let md = t.render("subprocessor-notice.md", &ctx)?;
    let footer = ("sp_footer", id.as_str());
    let meta = PdfMeta::of_record(t, &ws.processor, footer, ctx.title.clone(), n.created_at);
    let pdf = markdown_to_pdf(&md, &meta).map_err(|source| SubProcessorError::Pdf {
        id: id.clone(),
        source,
    })?;
    n.pdf_sha256 = crate::hashing::sha256_hex(&pdf);
    workspace::write_atomic(&ws.root.join(&n.pdf), &pdf)?;
    let header = t
        .strings()
        .file_header("sp_notice_file_header", id.as_str());
    let stored = store::create(ws, lock, &store::record_rel(DIR, &id), &header, n)?;
    let subject = format!("{id}/{}", stored.record.controller);
    how.journal(ws, lock, "subprocessor.notice", &subject, &pdf)?;
    Ok(stored.record)
}

impl Record for SubProcessorNotice {
    fn diagnostics(ws: &Workspace, _now: chrono::DateTime<chrono::Utc>) -> Vec<Diagnostic> {
        notices(ws).1
    }
}

/// The notice `id`.
pub fn load_notice(
    ws: &Workspace,
    id: &str,
) -> Result<Stored<SubProcessorNotice>, SubProcessorError> {
    Ok(store::load_one(
        ws,
        kinds::SUBPROCESSOR_NOTICE.name,
        DIR,
        id,
    )?)
}

/// Every notice, and the problems in notice files.
pub fn notices(ws: &Workspace) -> (Vec<Stored<SubProcessorNotice>>, Vec<Diagnostic>) {
    store::load_all(ws, DIR)
}

/// One notice sent (or written).
#[derive(Debug, Clone, Serialize)]
pub struct NoticeSent {
    /// The notice.
    pub notice: Id,
    /// The controller.
    pub controller: Id,
    /// The message.
    pub delivered: Delivered,
    /// The required fields it went out without (`--incomplete`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<String>,
}

/// The fields Annex 1 §II.6 requires in a notice — the sub-processor's
/// identity and address, its contact details (an e-mail or a phone), the
/// activities entrusted, the contract's dates — that are « à compléter ».
pub fn missing_fields(sp: &SubProcessor) -> Vec<String> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    outbox::missing(&[
        ("address", blank(&sp.address)),
        (
            "contact.email|contact.phone",
            blank(&sp.contact.email) && blank(&sp.contact.phone),
        ),
        (
            "activities",
            sp.activities.iter().all(|a| a.trim().is_empty()),
        ),
        ("contract.start", sp.contract.start.is_none()),
        ("contract.end", sp.contract.end.is_none()),
    ])
}

/// Sends the pending notices (all, or those given), each to its controller's
/// notice contact, with the PDF attached. A notice with a required field
/// « à compléter » ([`missing_fields`]) is refused unless `incomplete`
/// (`--incomplete`); then its record says which went out incomplete.
pub fn notify(
    ws: &Workspace,
    only: &[String],
    how: &Sending,
    incomplete: bool,
) -> Result<Vec<NoticeSent>, SubProcessorError> {
    let t = Templates::new(how.lang)?;
    let lock = ws.lock()?;
    let (all, diags) = notices(ws);
    if let Some(d) = diags.iter().find(|d| d.is_error()) {
        return Err(StoreError::Invalid {
            file: d.file.clone(),
            diagnostics: diags.iter().filter(|x| x.file == d.file).cloned().collect(),
        }
        .into());
    }
    let wanted: BTreeSet<&str> = only.iter().map(String::as_str).collect();
    for w in &wanted {
        if !all.iter().any(|l| l.record.id.as_str() == *w) {
            return Err(StoreError::NotFound {
                kind: "sub-processor notice",
                id: w.to_string(),
                path: ws.root.join(store::record_rel(DIR, w)),
            }
            .into());
        }
    }
    let pending: Vec<Stored<SubProcessorNotice>> = all
        .into_iter()
        .filter(|l| l.record.sent.is_none())
        .filter(|l| wanted.is_empty() || wanted.contains(l.record.id.as_str()))
        .collect();
    if pending.is_empty() {
        return Err(SubProcessorError::NothingToSend);
    }
    let mut gaps = Vec::new();
    for l in &pending {
        outbox::notice_recipient(ws, &l.record.controller)?;
        let n = &l.record;
        gaps.push(outbox::complete_or_allowed(
            Msg::new("va-what-subprocessor-notice").arg("id", n.id.to_string()),
            missing_fields(&n.details),
            incomplete,
            Msg::new("va-hint-subprocessor-gaps").arg("id", n.subprocessor.to_string()),
        )?);
    }
    outbox::ready(ws, how, &Msg::new("va-what-subprocessor-notices"))?;
    let outbox = Outbox::open(ws, &lock, &t, how)?;
    pending
        .iter()
        .zip(gaps)
        .map(|(l, gaps)| send(&outbox, l, gaps))
        .collect()
}

/// What the e-mail of a notice says, besides the notice itself.
#[derive(Serialize)]
struct MailContext<'a> {
    #[serde(flatten)]
    notice: &'a NoticeContext,
    changed: Vec<String>,
    pdf_name: String,
    journal: JournalHead,
}

fn send(
    outbox: &Outbox<'_>,
    stored: &Stored<SubProcessorNotice>,
    incomplete: Vec<String>,
) -> Result<NoticeSent, SubProcessorError> {
    let (ws, t) = (outbox.workspace(), outbox.templates());
    let n = &stored.record;
    let cid = &n.controller;
    let (_, to) = outbox::notice_recipient(ws, cid)?;
    let pdf_path = ws.root.join(&n.pdf);
    let pdf = crate::workspace::read_bytes(&pdf_path).map_err(WorkspaceError::from)?;
    if crate::hashing::sha256_hex(&pdf) != n.pdf_sha256 {
        return Err(StoreError::Changed { path: pdf_path }.into());
    }
    let ctx = context(ws, t, n, None, n.created_at)?;
    // The name the text gives the attachment is the name it is sent under.
    let pdf_name = format!("{}-{}.pdf", t.strings().get("sp_pdf_prefix"), n.id);
    let mail = MailContext {
        notice: &ctx,
        changed: n
            .changed
            .iter()
            .map(|k| t.strings().get(&format!("sp_field.{k}")).to_string())
            .collect(),
        pdf_name: pdf_name.clone(),
        journal: ws.journal().head()?,
    };
    let letter = Letter {
        what: Msg::new("va-what-subprocessor-notice-to")
            .arg("id", n.id.to_string())
            .arg("controller", ws.controller_said(cid, t.lang())),
        to,
        subject: ctx.title.clone(),
        text: t.render("subprocessor-notice.txt", &mail)?,
        attachments: vec![Attachment {
            filename: pdf_name,
            content_type: "application/pdf".into(),
            bytes: pdf,
        }],
        record: store::record_rel(DIR, &n.id),
        eml_stem: format!("evidence/subprocessors/{}", n.id),
        documents: Vec::new(),
        filing: Filing::new("subprocessor.notify", format!("{}/{cid}", n.id)),
    };
    let delivered = outbox.post(&letter, |sent| {
        let mut new = n.clone();
        new.sent = Some(MailRecord {
            incomplete: incomplete.clone(),
            ..sent.clone()
        });
        store::update(ws, outbox.lock(), stored, new, &["sent"]).map(|_| ())
    })?;
    Ok(NoticeSent {
        notice: n.id.clone(),
        controller: cid.clone(),
        delivered,
        incomplete,
    })
}
