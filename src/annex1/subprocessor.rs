//! Sub-processors (Annex 1 §II.6; GDPR Art. 28(2) and (4)): adding or
//! changing one in `subprocessors.yaml` creates, for each controller
//! concerned, a written notice — a PDF kept in `evidence/subprocessors/`
//! with its SHA-256, recorded in `subprocessor-notices/<id>.yaml` and
//! journaled — which `notify` then e-mails to the controller's notice
//! contact with the PDF attached.
//!
//! `subprocessors.yaml` is written by people, with comments: `add` appends
//! the new entry, `change` replaces only the entry's own lines, so the
//! comments of the file and of the other entries stay. Only when the file's
//! layout defeats that (a flow-style list, say) is the whole list rewritten,
//! and the outcome says so.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use super::{Annex1Error, Delivered, Loaded, Outgoing};
use crate::mail::{Attachment, Party, SmtpSettings};
use crate::model::{Contact, Contract, Id, Lang, SubProcessor, SubProcessors};
use crate::render::pdf::{markdown_to_pdf, PdfMeta};
use crate::render::Templates;
use crate::workspace::{self, store, Workspace, WorkspaceError, WorkspaceLock};

/// The sub-processor register.
pub const FILE: &str = "subprocessors.yaml";
/// The folder of notice records.
pub const DIR: &str = crate::workspace::kinds::SUBPROCESSOR_NOTICE.path;

pub use crate::model::{ChangeKind, SubProcessorNotice};

/// The values `add` and `change` were given; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct Edit {
    /// Legal name.
    pub name: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Contact name.
    pub contact_name: Option<String>,
    /// Contact e-mail.
    pub contact_email: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Activities (replace the list when given).
    pub activities: Option<Vec<String>>,
    /// Controllers concerned (replace the list when given).
    pub controllers: Option<Vec<String>>,
    /// Contract reference.
    pub contract_reference: Option<String>,
    /// Contract start.
    pub contract_start: Option<NaiveDate>,
    /// Contract end.
    pub contract_end: Option<NaiveDate>,
    /// Location.
    pub location: Option<String>,
    /// Guarantees.
    pub guarantees: Option<String>,
}

/// What `add` or `change` did.
#[derive(Debug, Clone, Serialize)]
pub struct EditOutcome {
    /// The sub-processor as now recorded.
    pub subprocessor: SubProcessor,
    /// The fields that changed.
    pub changed: Vec<String>,
    /// Whether every comment of `subprocessors.yaml` was kept.
    pub comments_kept: bool,
    /// The notices created (pending), one per controller concerned.
    pub notices: Vec<SubProcessorNotice>,
}

fn opt(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn apply(sp: &mut SubProcessor, e: &Edit, ws: &Workspace) -> Result<(), Annex1Error> {
    if let Some(n) = &e.name {
        sp.name = super::non_empty(n, "--name", "--name \"SIIM94\"")?;
    }
    if e.address.is_some() {
        sp.address = opt(&e.address);
    }
    if e.contact_name.is_some() {
        sp.contact.name = opt(&e.contact_name);
    }
    if e.contact_email.is_some() {
        sp.contact.email = opt(&e.contact_email);
    }
    if e.contact_phone.is_some() {
        sp.contact.phone = opt(&e.contact_phone);
    }
    if let Some(a) = &e.activities {
        sp.activities = a
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    if let Some(cs) = &e.controllers {
        let mut ids = Vec::new();
        for c in cs {
            let (id, _) = super::controller(ws, c)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        sp.controllers = ids;
    }
    if e.contract_reference.is_some() {
        sp.contract.reference = opt(&e.contract_reference);
    }
    if e.contract_start.is_some() {
        sp.contract.start = e.contract_start;
    }
    if e.contract_end.is_some() {
        sp.contract.end = e.contract_end;
    }
    if e.location.is_some() {
        sp.location = opt(&e.location);
    }
    if e.guarantees.is_some() {
        sp.guarantees = opt(&e.guarantees);
    }
    Ok(())
}

fn changed_fields(a: &SubProcessor, b: &SubProcessor) -> Vec<String> {
    let mut v = Vec::new();
    let mut diff = |k: &str, same: bool| {
        if !same {
            v.push(k.to_string());
        }
    };
    diff("name", a.name == b.name);
    diff("address", a.address == b.address);
    diff("contact", a.contact == b.contact);
    diff("activities", a.activities == b.activities);
    diff("controllers", a.controllers == b.controllers);
    diff(
        "contract.reference",
        a.contract.reference == b.contract.reference,
    );
    diff("contract.start", a.contract.start == b.contract.start);
    diff("contract.end", a.contract.end == b.contract.end);
    diff("location", a.location == b.location);
    diff("guarantees", a.guarantees == b.guarantees);
    v
}

/// Adds a sub-processor and makes a notice for each controller concerned.
pub fn add(
    ws: &Workspace,
    id: &str,
    edit: &Edit,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
) -> Result<EditOutcome, Annex1Error> {
    let id = Id::new(id).map_err(|reason| Annex1Error::InvalidId {
        what: "sub-processor id",
        reason,
        hint: "e.g. `dpo subprocessor add siim94 …`",
    })?;
    if ws.subprocessors.iter().any(|s| s.id == id) {
        return Err(Annex1Error::SubProcessorExists { id });
    }
    let mut sp = SubProcessor {
        id: id.clone(),
        name: String::new(),
        address: None,
        contact: Contact::default(),
        activities: Vec::new(),
        controllers: Vec::new(),
        contract: Contract::default(),
        location: None,
        guarantees: None,
    };
    if edit.name.is_none() {
        return Err(Annex1Error::Empty {
            what: "--name",
            hint: "--name \"SIIM94 — syndicat intercommunal pour l'informatique municipale\""
                .into(),
        });
    }
    apply(&mut sp, edit, ws)?;
    finish(ws, None, sp, now, actor, lang)
}

/// Changes a sub-processor and makes a notice for each controller concerned
/// (those it served before and those it serves now).
pub fn change(
    ws: &Workspace,
    id: &str,
    edit: &Edit,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
) -> Result<EditOutcome, Annex1Error> {
    let old = ws
        .subprocessors
        .iter()
        .find(|s| s.id.as_str() == id)
        .cloned()
        .ok_or_else(|| Annex1Error::UnknownSubProcessor {
            id: id.to_string(),
            known: ws
                .subprocessors
                .iter()
                .map(|s| s.id.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let mut sp = old.clone();
    apply(&mut sp, edit, ws)?;
    if sp == old {
        return Err(Annex1Error::NoChange { id: old.id });
    }
    finish(ws, Some(old), sp, now, actor, lang)
}

fn finish(
    ws: &Workspace,
    old: Option<SubProcessor>,
    sp: SubProcessor,
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
) -> Result<EditOutcome, Annex1Error> {
    let mut concerned: Vec<Id> = Vec::new();
    for c in old
        .iter()
        .flat_map(|o| o.controllers.iter())
        .chain(sp.controllers.iter())
    {
        if !concerned.contains(c) {
            concerned.push(c.clone());
        }
    }
    if concerned.is_empty() {
        return Err(Annex1Error::Empty {
            what: "the list of controllers concerned",
            hint: "--controller ID (repeat for each controller whose data it processes)".into(),
        });
    }
    // Every controller must be reachable before anything is written.
    for c in &concerned {
        let (id, ctl) = super::controller(ws, c.as_str())?;
        super::require_notice_contact(&id, ctl)?;
    }
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let (text, comments_kept) = edit_register(ws, &lock, old.as_ref(), &sp)?;
    let changed = match &old {
        Some(o) => changed_fields(o, &sp),
        None => Vec::new(),
    };
    let action = if old.is_some() {
        "subprocessor.change"
    } else {
        "subprocessor.add"
    };
    ws.journal()
        .append(&lock, now, actor, action, sp.id.as_str(), text.as_bytes())?;
    let now_local = crate::time::in_tz(now, ws.tz);
    let mut notices = Vec::new();
    for c in &concerned {
        let id = store::next_id(ws, DIR, now_local.year())?;
        let mut n = SubProcessorNotice {
            id: id.clone(),
            subprocessor: sp.id.clone(),
            controller: c.clone(),
            change: if old.is_some() {
                ChangeKind::Changed
            } else {
                ChangeKind::Added
            },
            changed: changed.clone(),
            created_at: now_local,
            details: sp.clone(),
            pdf: format!("evidence/subprocessors/{id}.pdf"),
            pdf_sha256: String::new(),
            sent: None,
        };
        let ctx = context(ws, &t, &n, old.as_ref(), now_local)?;
        let md = t.render("subprocessor-notice.md", &ctx)?;
        let pdf = make_pdf(ws, &t, &ctx.title, &id, &md, now_local)?;
        n.pdf_sha256 = crate::hashing::sha256_hex(&pdf);
        workspace::write_atomic(&ws.root.join(&n.pdf), &pdf)?;
        let header = format!(
            "# {}\n",
            t.strings()
                .get("sp_notice_file_header")
                .replace("{id}", id.as_str())
        );
        store::create(ws, &lock, &format!("{DIR}/{id}.yaml"), &header, n.clone())?;
        ws.journal().append(
            &lock,
            now,
            actor,
            "subprocessor.notice",
            &format!("{id}/{c}"),
            &pdf,
        )?;
        notices.push(n);
    }
    Ok(EditOutcome {
        subprocessor: sp,
        changed,
        comments_kept,
        notices,
    })
}

/// Writes `sp` into `subprocessors.yaml` as the workspace read it (adding
/// it, or replacing `old`): the new text, and whether its comments were kept.
fn edit_register(
    ws: &Workspace,
    lock: &WorkspaceLock,
    old: Option<&SubProcessor>,
    sp: &SubProcessor,
) -> Result<(String, bool), Annex1Error> {
    let text = ws
        .sources
        .get(FILE)
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let stored = store::Stored::new(
        SubProcessors {
            subprocessors: ws.subprocessors.clone(),
        },
        FILE,
        text,
    );
    let mut all = ws.subprocessors.clone();
    match old {
        Some(o) => {
            for s in all.iter_mut().filter(|s| s.id == o.id) {
                *s = sp.clone();
            }
        }
        None => all.push(sp.clone()),
    }
    let new = SubProcessors { subprocessors: all };
    let id = old.map(|o| o.id.as_str());
    let (stored, kept) = store::update_entry(ws, lock, &stored, new, "subprocessors", id, sp)?;
    Ok((stored.source.text, kept))
}

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
    processor_address: Option<String>,
    processor_dpo: String,
    controller: String,
    convention: String,
    sp: SubProcessor,
    contract_start: Option<String>,
    contract_end: Option<String>,
    changes: Vec<ChangeView>,
    created_at: String,
    sender: String,
}

fn show_field(s: &crate::render::templates::Strings, sp: &SubProcessor, key: &str) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let d = |v: &Option<NaiveDate>| {
        v.map(|d| crate::render::templates::long_date(s, d))
            .unwrap_or_default()
    };
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
) -> Result<NoticeContext, Annex1Error> {
    let s = t.strings();
    let (cid, c) = super::controller(ws, n.controller.as_str())?;
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
    let _ = cid;
    Ok(NoticeContext {
        id: n.id.to_string(),
        title: s
            .get(key)
            .replace("{processor}", ws.processor.display_name())
            .replace("{name}", &n.details.name)
            .replace("{id}", n.id.as_str()),
        added: n.change == ChangeKind::Added,
        processor: ws.processor.name.clone(),
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
        contract_start: n
            .details
            .contract
            .start
            .map(|d| crate::render::templates::long_date(s, d)),
        contract_end: n
            .details
            .contract
            .end
            .map(|d| crate::render::templates::long_date(s, d)),
        changes,
        created_at: crate::breach::deadline::long_instant(s, created, ws.tz),
        sender: super::sender_name(ws, t),
    })
}

fn make_pdf(
    ws: &Workspace,
    t: &Templates,
    title: &str,
    id: &Id,
    md: &str,
    at: DateTime<FixedOffset>,
) -> Result<Vec<u8>, Annex1Error> {
    let s = t.strings();
    let meta = PdfMeta {
        title: title.to_string(),
        author: ws.processor.name.clone(),
        created: at,
        footer_left: s
            .get("sp_footer")
            .replace("{id}", id.as_str())
            .replace("{processor}", ws.processor.display_name()),
        page_label: s.get("page_label").to_string(),
        lang: t.lang().code().to_string(),
    };
    markdown_to_pdf(md, &meta).map_err(|source| Annex1Error::Pdf {
        what: format!("sub-processor notice {id}"),
        source,
    })
}

/// Every notice, and the problems in notice files.
pub fn notices(
    ws: &Workspace,
) -> (
    Vec<Loaded<SubProcessorNotice>>,
    Vec<crate::workspace::Diagnostic>,
) {
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
}

/// Sends the pending notices (all, or those given), each to its controller's
/// notice contact, with the PDF attached.
pub fn notify(
    ws: &Workspace,
    only: &[String],
    now: DateTime<Utc>,
    actor: &str,
    lang: Lang,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<Vec<NoticeSent>, Annex1Error> {
    let (all, diags) = notices(ws);
    if let Some(d) = diags.iter().find(|d| d.is_error()) {
        return Err(Annex1Error::Invalid {
            file: d.to_string(),
            diagnostics: diags.clone(),
        });
    }
    let wanted: BTreeSet<&str> = only.iter().map(String::as_str).collect();
    for w in &wanted {
        if !all.iter().any(|l| l.record.id.as_str() == *w) {
            return Err(Annex1Error::NotFound {
                kind: "sub-processor notice",
                id: w.to_string(),
                path: ws.root.join(format!("{DIR}/{w}.yaml")),
            });
        }
    }
    let pending: Vec<&Loaded<SubProcessorNotice>> = all
        .iter()
        .filter(|l| l.record.sent.is_none())
        .filter(|l| wanted.is_empty() || wanted.contains(l.record.id.as_str()))
        .collect();
    if pending.is_empty() {
        return Err(Annex1Error::NothingToSend(
            "no sub-processor notice is waiting to be sent".into(),
        ));
    }
    for l in &pending {
        let (id, c) = super::controller(ws, l.record.controller.as_str())?;
        super::require_notice_contact(&id, c)?;
    }
    let from = super::sender(ws, smtp)?;
    if !dry_run && smtp.is_none() {
        return Err(Annex1Error::Mail {
            what: "the sub-processor notices".into(),
            source: crate::mail::MailError::NotConfigured,
        });
    }
    let t = Templates::new(lang)?;
    let lock = ws.lock()?;
    let mut out = Vec::new();
    for l in pending {
        let loaded = store::load_one::<SubProcessorNotice>(
            ws,
            "sub-processor notice",
            DIR,
            l.record.id.as_str(),
        )?;
        out.push(send_one(
            ws, &lock, &t, &loaded, &from, now, actor, dry_run, smtp,
        )?);
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn send_one(
    ws: &Workspace,
    lock: &WorkspaceLock,
    t: &Templates,
    loaded: &Loaded<SubProcessorNotice>,
    from: &str,
    now: DateTime<Utc>,
    actor: &str,
    dry_run: bool,
    smtp: Option<&SmtpSettings>,
) -> Result<NoticeSent, Annex1Error> {
    let n = &loaded.record;
    let (cid, c) = super::controller(ws, n.controller.as_str())?;
    let contact = super::require_notice_contact(&cid, c)?;
    let pdf_path = ws.root.join(&n.pdf);
    let pdf = std::fs::read(&pdf_path).map_err(|source| WorkspaceError::Read {
        path: pdf_path.clone(),
        source,
    })?;
    if crate::hashing::sha256_hex(&pdf) != n.pdf_sha256 {
        return Err(Annex1Error::Changed { path: pdf_path });
    }
    let old = None;
    let ctx = context(ws, t, n, old, n.created_at)?;
    let mut ctx_json = serde_json::to_value(&ctx).map_err(|e| Annex1Error::Rewrite {
        file: n.pdf.clone(),
        message: e.to_string(),
    })?;
    if let Some(m) = ctx_json.as_object_mut() {
        m.insert(
            "changed".into(),
            serde_json::Value::from(
                n.changed
                    .iter()
                    .map(|k| t.strings().get(&format!("sp_field.{k}")).to_string())
                    .collect::<Vec<_>>(),
            ),
        );
        m.insert(
            "pdf_name".into(),
            serde_json::Value::from(format!("{}.pdf", ctx.id)),
        );
        m.insert(
            "journal".into(),
            serde_json::to_value(ws.journal().head()?).unwrap_or_default(),
        );
    }
    let text = t.render("subprocessor-notice.txt", &ctx_json)?;
    let o = Outgoing {
        what: format!("sub-processor notice `{}` to `{cid}`", n.id),
        to: Party {
            name: contact.name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            role: format!(
                "the notice contact of `{cid}` (contacts.notices.email or dpo.email in {})",
                workspace::controller_file(&cid)
            ),
        },
        subject: ctx.title.clone(),
        text,
        attachments: vec![Attachment {
            filename: format!("{}-{}.pdf", t.strings().get("sp_pdf_prefix"), n.id),
            content_type: "application/pdf".into(),
            bytes: pdf,
        }],
        eml_stem: format!("evidence/subprocessors/{}", n.id),
        action: "subprocessor.notify",
        subject_ref: format!("{}/{cid}", n.id),
    };
    let name = super::sender_name(ws, t);
    let d = super::deliver(ws, lock, &o, from, &name, now, actor, dry_run, smtp)?;
    if !dry_run {
        let mut new = n.clone();
        new.sent = Some(d.record.clone());
        store::update(ws, lock, loaded, new.clone(), &["sent"])
            .map(|s| s.source.text)
            .map_err(Annex1Error::from)
            .map_err(|e| Annex1Error::SentNotRecorded {
                what: o.what.clone(),
                message_id: d.record.message_id.clone(),
                reply: d.record.server_reply.clone(),
                source: Box::new(e),
            })?;
    }
    Ok(NoticeSent {
        notice: n.id.clone(),
        controller: cid,
        delivered: d,
    })
}
