//! Sub-processors (Annex 1 §II.6; GDPR Art. 28(2) and (4)): adding or
//! changing one in `subprocessors.yaml` creates, for each controller
//! concerned, a written notice ([`notice`]) — a PDF kept in
//! `evidence/subprocessors/` with its SHA-256, recorded in
//! `subprocessor-notices/<id>.yaml` and journaled — which `notify` then
//! e-mails, through the outbox, to the controller's notice contact with the
//! PDF attached.
//!
//! `subprocessors.yaml` is written by people, with comments: `add` appends
//! the new entry, `change` replaces only the entry's own lines, through the
//! workspace's record store, so the comments of the file and of the other
//! entries stay. Only when the file's layout defeats that (a flow-style
//! list, say) is the whole list rewritten, and the outcome says so.

pub mod notice;

use chrono::NaiveDate;
use serde::Serialize;

use crate::mail::outbox::{self, InfraCause, InfraError, Sending};
use crate::model::assumption::FieldName;
use crate::model::{
    required_text, ChangeKind, Contact, Contract, EmptyText, Id, IdError, SubProcessor,
    SubProcessorNotice, SubProcessors,
};
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::pdf::PdfError;
use crate::render::said::Refusal;
use crate::render::Templates;
use crate::workspace::kinds;
use crate::workspace::store::{self, Stored};
use crate::workspace::{Workspace, WorkspaceLock};

pub use notice::{load_notice, notices, notify, NoticeSent};

/// The sub-processor register.
pub const FILE: &str = kinds::SUBPROCESSORS.path;

/// What can go wrong with the sub-processor register and its notices.
#[derive(Debug, thiserror::Error)]
pub enum SubProcessorError {
    /// The id typed for a new sub-processor is not an identifier.
    #[error("invalid sub-processor id: {0}\n  hint: e.g. `dpo subprocessor add siim94 …`")]
    InvalidId(IdError),
    /// No sub-processor has this id.
    #[error("unknown sub-processor `{id}` in `subprocessors.yaml`\n  hint: the sub-processors are: {known}")]
    Unknown {
        /// The id asked for.
        id: String,
        /// The ids that exist.
        known: String,
    },
    /// `add` was given an id that exists.
    #[error("sub-processor `{id}` already exists in `subprocessors.yaml`\n  hint: use `dpo subprocessor change {id} …` to change it")]
    Exists {
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
    /// No notice is waiting to be sent.
    #[error("no sub-processor notice is waiting to be sent")]
    NothingToSend,
    /// The PDF of a notice could not be made.
    #[error("failed to make the PDF of `sub-processor notice {id}`")]
    Pdf {
        /// The notice.
        id: Id,
        /// Why.
        #[source]
        source: PdfError,
    },
    /// The controller, a record file, the workspace, a notice or a template
    /// failed.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl Localize for SubProcessorError {
    /// The catalog's message in the language of `s`; an error of a layer
    /// below keeps its English text, its hint label said in that language.
    fn message(&self, s: &Catalog) -> String {
        let m = Msg::new;
        let r = match self {
            SubProcessorError::InvalidId(e) => {
                Refusal::new(m("duties-subprocessor-invalid-id").arg("value", e.value.as_str()))
                    .hint(m("duties-subprocessor-invalid-id-hint"))
            }
            SubProcessorError::Unknown { id, known } => {
                Refusal::new(m("duties-subprocessor-unknown").arg("id", id.as_str()))
                    .hint(m("duties-subprocessor-unknown-hint").arg("known", known.as_str()))
            }
            SubProcessorError::Exists { id } => {
                Refusal::new(m("duties-subprocessor-exists").arg("id", id.to_string()))
                    .hint(m("duties-subprocessor-exists-hint").arg("id", id.to_string()))
            }
            SubProcessorError::NoChange { id } => {
                Refusal::new(m("duties-subprocessor-no-change").arg("id", id.to_string()))
            }
            SubProcessorError::NothingToSend => {
                Refusal::new(m("duties-subprocessor-nothing-to-send"))
            }
            SubProcessorError::Pdf { id, .. } => {
                Refusal::new(m("duties-subprocessor-pdf").arg("id", id.to_string()))
            }
            SubProcessorError::Infra(e) => return e.message(s),
        };
        r.message(s)
    }
}

impl<C: InfraCause> From<C> for SubProcessorError {
    fn from(e: C) -> Self {
        Self::Infra(e.into())
    }
}

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

fn apply(sp: &mut SubProcessor, e: &Edit, ws: &Workspace) -> Result<(), SubProcessorError> {
    if let Some(n) = &e.name {
        sp.name = required_text(n, "--name", "--name \"SIIM94\"")?;
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
            let (id, _) = ws.require_controller(c)?;
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
    how: &Sending,
) -> Result<EditOutcome, SubProcessorError> {
    let id = Id::new(id).map_err(SubProcessorError::InvalidId)?;
    if ws.subprocessors.iter().any(|s| s.id == id) {
        return Err(SubProcessorError::Exists { id });
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
        to_confirm: Vec::new(),
    };
    if edit.name.is_none() {
        return Err(EmptyText {
            what: "--name",
            hint: "--name \"SIIM94 — syndicat intercommunal pour l'informatique municipale\""
                .into(),
        }
        .into());
    }
    apply(&mut sp, edit, ws)?;
    finish(ws, None, sp, how)
}

/// Changes a sub-processor and makes a notice for each controller concerned
/// (those it served before and those it serves now).
pub fn change(
    ws: &Workspace,
    id: &str,
    edit: &Edit,
    how: &Sending,
) -> Result<EditOutcome, SubProcessorError> {
    let old = ws
        .subprocessors
        .iter()
        .find(|s| s.id.as_str() == id)
        .cloned()
        .ok_or_else(|| SubProcessorError::Unknown {
            id: id.to_string(),
            known: ws.known_subprocessors(),
        })?;
    let mut sp = old.clone();
    apply(&mut sp, edit, ws)?;
    if sp == old {
        return Err(SubProcessorError::NoChange { id: old.id });
    }
    // A value typed on the command line is the DPO's statement, no longer
    // an assumption to confirm.
    let changed = changed_fields(&old, &sp);
    sp.to_confirm.retain(|f| {
        let name = f.name();
        !changed
            .iter()
            .any(|c| c == name || c.strip_prefix(name).is_some_and(|r| r.starts_with('.')))
    });
    finish(ws, Some(old), sp, how)
}

/// Writes the register and makes the notices; `how` dates and signs them.
fn finish(
    ws: &Workspace,
    old: Option<SubProcessor>,
    sp: SubProcessor,
    how: &Sending,
) -> Result<EditOutcome, SubProcessorError> {
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
        return Err(EmptyText {
            what: "the list of controllers concerned",
            hint: "--controller ID (repeat for each controller whose data it processes)".into(),
        }
        .into());
    }
    // Every controller must be reachable before anything is written, and
    // the notices numbered (a team's clone without a tag numbers nothing).
    for c in &concerned {
        outbox::notice_recipient(ws, c)?;
    }
    ws.record_tag(crate::time::in_tz(how.now, ws.tz))?;
    let t = Templates::new(how.lang)?;
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
    how.journal(ws, &lock, action, sp.id.as_str(), text.as_bytes())?;
    let now_local = crate::time::in_tz(how.now, ws.tz);
    let mut notices = Vec::new();
    for c in &concerned {
        let n = SubProcessorNotice {
            // A notice is the event: its id takes the year it is written.
            id: store::next_id(ws, notice::DIR, now_local)?,
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
            pdf: String::new(),
            pdf_sha256: String::new(),
            sent: None,
        };
        notices.push(notice::issue(ws, &lock, &t, n, old.as_ref(), how)?);
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
) -> Result<(String, bool), SubProcessorError> {
    let text = ws
        .sources
        .get(FILE)
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let stored = Stored::new(
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
