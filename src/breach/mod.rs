//! The breach workflow of Annex 1 §II.8: open a breach file, defer what is
//! not known yet, notify each controller within 72 hours by e-mail and by
//! phone, send supplements, close, and document it all.
//!
//! Every change takes the workspace lock, writes atomically and is journaled;
//! every e-mail is kept as the exact `.eml` sent, with its SHA-256 in the
//! breach file and in the journal. Nothing here prints or reads the clock:
//! the instant "now" comes in every request.

pub mod deadline;
pub mod fields;
pub mod notice;
pub mod notify;
pub mod set;
pub mod severity;
pub mod store;
pub mod summary;
mod voice;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use crate::mail::MailError;
use crate::model::{required_text, Breach, Call, Closure, EmptyText, Id, Lang, Origin};
use crate::render::catalog::Msg;
use crate::render::templates::TemplateError;
use crate::render::Templates;
use crate::workspace::{Diagnostic, StoreError, Workspace, WorkspaceError};

pub use fields::{settle, Field, FieldState};
pub use notify::{notify, prepare, NotifyKind, NotifyRequest, Prepared, Sent};
pub use store::Loaded;
pub use summary::{overview, summaries, uncertain_sends, Overview, Summary};

/// A required field named in an error, with its labels in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldLabel {
    /// The YAML path.
    pub field: String,
    /// Its French label.
    pub fr: String,
    /// Its English label.
    pub en: String,
}

impl FieldLabel {
    /// The labels of `f` from both languages' catalogs (`dpo.ftl`).
    pub fn of(f: Field) -> Self {
        let label = |lang| {
            Templates::new(lang)
                .map(|t| t.strings().get(&f.label_key()).to_string())
                .unwrap_or_else(|_| f.key().to_string())
        };
        Self {
            field: f.key().to_string(),
            fr: label(Lang::Fr),
            en: label(Lang::En),
        }
    }
}

fn list_labels(fields: &[FieldLabel]) -> String {
    fields
        .iter()
        .map(|f| format!("\n  - {}: {} / {}", f.field, f.fr, f.en))
        .collect()
}

/// How to get the `missing` fields of breach `id` filled: set (journaled),
/// and deferred when they may be — the description of the nature of the
/// breach never may ([`fields::Field::deferrable`]).
fn missing_hint(id: &Id, missing: &[FieldLabel]) -> String {
    let set = format!("fill them with `dpo breach set {id} FIELD VALUE`");
    let defer = format!("dpo breach defer {id} FIELD --reason \"…\"");
    match Deferrable::of(missing) {
        Deferrable::All => format!("{set}, or defer each one with `{defer}`"),
        Deferrable::None => format!(
            "{set}: the description of the nature of the breach is never deferred (a notification must say what happened)"
        ),
        Deferrable::Some => format!(
            "{set}; the description of the nature of the breach is never deferred, the others may be, with `{defer}`"
        ),
    }
}

/// Which of the missing fields may be deferred: the hint of a refused
/// notification never offers to defer the description of the breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferrable {
    /// Every missing field may be deferred.
    All,
    /// None may (only the description is missing).
    None,
    /// Some may, the description may not.
    Some,
}

impl Deferrable {
    /// The case of `missing`.
    pub fn of(missing: &[FieldLabel]) -> Self {
        let fixed =
            |f: &&FieldLabel| fields::Field::parse(&f.field).is_some_and(|f| !f.deferrable());
        match (missing.iter().filter(fixed).count(), missing.len()) {
            (0, _) => Self::All,
            (n, all) if n == all => Self::None,
            _ => Self::Some,
        }
    }
}

/// An instant in English words, for `Display` ("26 March 2021, 11:00
/// (UTC+01:00)"); the command line says it in the run's language.
fn english(t: &DateTime<FixedOffset>) -> String {
    crate::render::said::instant(*t).english()
}

/// What can go wrong in the breach workflow.
#[derive(Debug, thiserror::Error)]
pub enum BreachError {
    /// No file for this id.
    #[error("no breach `{id}`: `{}` does not exist\n  hint: `dpo breach list` shows the breaches; `dpo breach open` records a new one", path.display())]
    NotFound {
        /// The id asked for.
        id: Id,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The file exists already.
    #[error("breach `{id}` already exists at `{}`; dpo never overwrites a breach file\n  hint: choose another --id, or leave it out to get the next free one", path.display())]
    Exists {
        /// The id.
        id: Id,
        /// The file.
        path: PathBuf,
    },
    /// The file does not read as a breach; each diagnostic says where.
    #[error("{}", crate::workspace::file_has_errors(file, diagnostics))]
    Invalid {
        /// The file, relative to the workspace.
        file: String,
        /// Errors and warnings.
        diagnostics: Vec<Diagnostic>,
    },
    /// The file changed on disk while the tool was working on it.
    #[error("`{}` changed while dpo was updating it; nothing was written\n  hint: run the command again", path.display())]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// An update would not have read back as intended (a bug; nothing written).
    #[error("refusing to write `{file}`: {message}")]
    Rewrite {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// The breach is closed.
    #[error(
        "breach `{id}` was closed on {}; it cannot be changed any more",
        english(at)
    )]
    ClosedOn {
        /// The breach.
        id: Id,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Superseded by [`BreachError::ClosedOn`] (the instant, said in words
    /// in the run's language); no longer made.
    #[error("breach `{id}` was closed on {closed_at}; it cannot be changed any more")]
    Closed {
        /// The breach.
        id: Id,
        /// When.
        closed_at: String,
    },
    /// A controller that is not one of the breach's.
    #[error("controller `{controller}` is not concerned by breach `{id}` (its controllers: {known})\n  hint: add it to `controllers:` in `breaches/{id}.yaml` if its data is concerned")]
    NotConcerned {
        /// The breach.
        id: Id,
        /// The controller asked for.
        controller: Id,
        /// The breach's controllers.
        known: String,
    },
    /// A controller the workspace does not have.
    #[error("unknown controller `{controller}` (the workspace has: {known})\n  hint: controllers are the files of `controllers/`")]
    UnknownController {
        /// The controller asked for.
        controller: String,
        /// The workspace's controllers.
        known: String,
    },
    /// A sub-processor the workspace does not have.
    #[error("unknown sub-processor `{id}` (subprocessors.yaml has: {known})\n  hint: --subprocessor takes an id of `subprocessors.yaml`; --no-subprocessor says none is involved")]
    UnknownSubprocessor {
        /// What was typed.
        id: String,
        /// The workspace's sub-processors.
        known: String,
    },
    /// A breach opened in a workspace with no controller.
    #[error("the workspace has no controller\n  hint: add one in `controllers/<id>.yaml`")]
    NoController,
    /// A breach opened without saying whose data, among several controllers.
    #[error("the workspace has several controllers ({known}); say whose data is concerned\n  hint: add --controller ID (repeatable)")]
    WhoseData {
        /// The workspace's controllers.
        known: String,
    },
    /// Several controllers and none chosen.
    #[error("breach `{id}` concerns several controllers ({known}); say which one\n  hint: add --controller ID")]
    WhichController {
        /// The breach.
        id: Id,
        /// Its controllers.
        known: String,
    },
    /// Required fields are neither filled nor deferred (exit 1).
    #[error("{}{}\n  hint: {}", Msg::new("err-missing-fields").arg("id", id.to_string()).arg("n", missing.len()), list_labels(missing), missing_hint(id, missing))]
    MissingFields {
        /// The breach.
        id: Id,
        /// The fields, with their labels.
        missing: Vec<FieldLabel>,
    },
    /// Closing a breach whose items are still deferred, without saying so.
    #[error("{}{}\n  hint: {}", Msg::new("err-deferred-at-close").arg("id", id.to_string()).arg("n", deferred.len()), list_labels(deferred), Msg::new("err-deferred-at-close-hint").arg("id", id.to_string()))]
    DeferredAtClose {
        /// The breach.
        id: Id,
        /// The items still deferred, with their labels.
        deferred: Vec<FieldLabel>,
    },
    /// A field name that is not a field of the notification.
    #[error("`{name}` is not a field of the notification\n  hint: the fields are {}", fields::all().map(|f| f.key()).collect::<Vec<_>>().join(", "))]
    UnknownField {
        /// What was typed.
        name: String,
    },
    /// The description of the nature of the breach cannot be deferred.
    #[error("the description of the nature of the breach (`nature.description`) cannot be deferred: a notification must at least say what happened (GDPR Art. 33(3)(a); every other item may follow in phases, Art. 33(4))\n  hint: describe what is known now in `nature.description` of `breaches/{id}.yaml`, even briefly (\"shares found encrypted this morning, extent being assessed\")")]
    NotDeferrable {
        /// The breach.
        id: Id,
    },
    /// The deadline has passed and no reason was given.
    #[error("the 72-hour deadline to notify `{controller}` of breach `{id}` passed on {} ({late} late); a late notification must say why\n  hint: add --late-reason \"…\" (it is written in the message and kept in the breach file)", english(deadline))]
    Late {
        /// The breach.
        id: Id,
        /// The controller.
        controller: Id,
        /// The deadline, in the processor's timezone.
        deadline: DateTime<FixedOffset>,
        /// How late, e.g. "0 h 01 min" or "3 j 4 h" ([`crate::render::words::duration`]).
        late: String,
    },
    /// Superseded by [`BreachError::Late`] (the deadline, said in words in
    /// the run's language); no longer made.
    #[error("the 72-hour deadline to notify `{controller}` of breach `{id}` passed on {deadline} ({late} late); a late notification must say why\n  hint: add --late-reason \"…\" (it is written in the message and kept in the breach file)")]
    LateWithoutReason {
        /// The breach.
        id: Id,
        /// The controller.
        controller: Id,
        /// The deadline, shown with its offset.
        deadline: String,
        /// How late, e.g. "0 h 01 min" or "3 j 4 h" ([`crate::render::words::duration`]).
        late: String,
    },
    /// Phase 1 was already sent to this controller.
    #[error("breach `{id}` was already notified to `{controller}` on {} (message {message_id}){}\n  hint: `dpo breach supplement {id}` sends new information{}; add --again only to send the same notification once more", english(sent_at), if changed.is_empty() { String::new() } else { format!("; changed since they were sent: {}", changed.join(", ")) }, if changed.is_empty() { "" } else { " and the changed fields" })]
    AlreadyNotified {
        /// The fields changed since they were sent (keys).
        changed: Box<[String]>,
        /// The breach.
        id: Id,
        /// The controller.
        controller: Id,
        /// When.
        sent_at: DateTime<FixedOffset>,
        /// Its Message-ID.
        message_id: String,
    },
    /// A supplement before the notification itself.
    #[error("breach `{id}` has not been notified to `{controller}` yet, so there is nothing to supplement\n  hint: `dpo breach notify {id}` first")]
    NotYetNotified {
        /// The breach.
        id: Id,
        /// The controller.
        controller: Id,
    },
    /// A supplement with nothing new in it.
    #[error("nothing new to send to `{controller}` about breach `{id}`: every filled field was already sent\n  hint: fill in a deferred field first, resend a field that changed with --field NAME, or say where the investigation stands with --progress TEXT")]
    NothingNew {
        /// The breach.
        id: Id,
        /// The controller.
        controller: Id,
    },
    /// `--field` names a field that is not filled.
    #[error("field `{field}` of breach `{id}` is empty, so it cannot be sent")]
    EmptyField {
        /// The breach.
        id: Id,
        /// The field.
        field: String,
    },
    /// The controller has no breach e-mail address.
    #[error("controller `{controller}` has no breach contact e-mail (Annex 1, § II.8: \"par courriel et par appel téléphonique au contact désigné\")\n  hint: fill in `contacts.breach.email` (and `phone`) in `{file}`")]
    NoBreachContact {
        /// The controller.
        controller: Id,
        /// Its file.
        file: String,
    },
    /// The processor's DPO has no e-mail address to send from.
    #[error("the processor's DPO has no e-mail address to send from\n  hint: fill in `dpo.email` in `processor.yaml`, or set DPO_SMTP_FROM")]
    NoSender,
    /// A time typed for the record.
    #[error("{what} ({}) is after now ({}); a breach record holds what has happened\n  hint: check the date, or type the offset if the time is in another zone", english(when), english(now))]
    InTheFuture {
        /// Which time: a field, or "the call".
        what: &'static str,
        /// The time given, in the processor's timezone.
        when: DateTime<FixedOffset>,
        /// Now, in the processor's timezone.
        now: DateTime<FixedOffset>,
    },
    /// A call dated before the processor became aware of the breach.
    #[error("the call ({}) is before breach `{id}`'s aware_at ({}): a call notifying the breach cannot predate the moment the processor became aware of it; nothing was recorded\n  hint: check --at (a time without offset is read in {tz}); if aware_at is wrong, correct it in `breaches/{id}.yaml` first", english(when), english(aware_at))]
    CallBeforeAware {
        /// The breach.
        id: Id,
        /// The time given, in the processor's timezone.
        when: DateTime<FixedOffset>,
        /// The breach's aware_at, in the processor's timezone.
        aware_at: DateTime<FixedOffset>,
        /// The workspace's time zone.
        tz: String,
    },
    /// A required text is empty.
    #[error(transparent)]
    Empty(#[from] EmptyText),
    /// The id is not an identifier.
    #[error(transparent)]
    Id(#[from] crate::model::IdError),
    /// The workspace could not be read or written.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// A record file could not be read or written.
    #[error(transparent)]
    Store(StoreError),
    /// A template failed.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The PDF could not be made.
    #[error("failed to make the PDF of breach `{id}`")]
    Pdf {
        /// The breach.
        id: Id,
        /// Why.
        #[source]
        source: crate::render::pdf::PdfError,
    },
    /// The message could not be built or sent: nothing was recorded.
    #[error("breach `{id}` was not notified to {controller}; nothing was recorded as sent")]
    Mail {
        /// The breach.
        id: Id,
        /// The controller, as a sentence names it.
        controller: String,
        /// Why.
        #[source]
        source: MailError,
    },
    /// The message WAS sent, but recording it failed.
    #[error("the message to {controller} about breach `{id}` WAS SENT ({message_id}, server reply `{reply}`), but recording it failed\n  hint: keep this output; fix the cause below, then record the notification by hand in `breaches/{id}.yaml`")]
    SentNotRecorded {
        /// The breach.
        id: Id,
        /// The controller, as a sentence names it.
        controller: String,
        /// The Message-ID.
        message_id: String,
        /// The server's reply.
        reply: String,
        /// Why recording failed.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The outbox refused or failed otherwise.
    #[error(transparent)]
    Outbox(crate::mail::outbox::OutboxError),
    /// A factor of `dpo breach severity` outside its scale.
    #[error("{0}\n  hint: DPC 1–4, EI 0.25/0.5/0.75/1, CB 0–2 (ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, 2013)")]
    Severity(#[from] severity::SeverityError),
}

impl From<StoreError> for BreachError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid { file, diagnostics } => Self::Invalid { file, diagnostics },
            StoreError::Changed { path } => Self::Changed { path },
            StoreError::Rewrite { file, message } => Self::Rewrite { file, message },
            StoreError::Workspace(e) => Self::Workspace(e),
            other => Self::Store(other),
        }
    }
}

impl From<crate::workspace::UnknownController> for BreachError {
    fn from(e: crate::workspace::UnknownController) -> Self {
        Self::UnknownController {
            controller: e.id,
            known: e.known,
        }
    }
}

/// Where one controller's notification stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControllerProgress {
    /// The controller.
    pub controller: Id,
    /// The processor's deadline: awareness + 72 h.
    pub deadline: DateTime<FixedOffset>,
    /// When the notification e-mail (phase 1) was first sent.
    pub emailed_at: Option<DateTime<FixedOffset>>,
    /// When the first call was logged.
    pub called_at: Option<DateTime<FixedOffset>>,
    /// When both channels were done (the later of the two).
    pub complete_at: Option<DateTime<FixedOffset>>,
    /// Whether completion met the deadline (when complete).
    pub on_time: Option<bool>,
    /// The controller's own deadline to notify the supervisory authority
    /// (GDPR Art. 33(1)): the notification + 72 h.
    pub authority_deadline: Option<DateTime<FixedOffset>>,
    /// Supplements sent.
    pub supplements: u32,
}

/// The progress of every controller of `b`. Once a notification was sent,
/// the deadline is the one it recorded as it was sent (a later change of
/// `aware_at` does not make it on time: `dpo check` reports it).
pub fn progress(b: &Breach) -> Vec<ControllerProgress> {
    b.controllers
        .iter()
        .map(|c| {
            let first = b
                .notifications_to(c)
                .filter(|n| n.phase == 1)
                .min_by_key(|n| n.sent_at);
            let emailed_at = first.map(|n| n.sent_at);
            let deadline = first
                .and_then(|n| n.deadline)
                .unwrap_or_else(|| deadline::deadline(b.aware_at));
            let called_at = b.calls_to(c).map(|k| k.at).min();
            let complete_at = match (emailed_at, called_at) {
                (Some(e), Some(k)) => Some(e.max(k)),
                _ => None,
            };
            let supplements = b
                .notifications_to(c)
                .filter(|n| n.phase > 1)
                .map(|n| n.phase)
                .collect::<std::collections::BTreeSet<_>>()
                .len() as u32;
            ControllerProgress {
                controller: c.clone(),
                deadline,
                emailed_at,
                called_at,
                complete_at,
                on_time: complete_at.map(|t| deadline::on_time(t, deadline)),
                authority_deadline: emailed_at.map(deadline::deadline),
                supplements,
            }
        })
        .collect()
}

/// Picks the controllers a command is about: those asked for (each must be
/// one of the breach's), else all of them.
pub fn targets(b: &Breach, asked: &[Id]) -> Result<Vec<Id>, BreachError> {
    if asked.is_empty() {
        return Ok(b.controllers.clone());
    }
    for c in asked {
        if !b.controllers.contains(c) {
            return Err(BreachError::NotConcerned {
                id: b.id.clone(),
                controller: c.clone(),
                known: join_ids(&b.controllers),
            });
        }
    }
    Ok(asked.to_vec())
}

/// Exactly one controller: the one asked for, or the breach's only one.
pub fn one_target(b: &Breach, asked: Option<&Id>) -> Result<Id, BreachError> {
    match asked {
        Some(c) => Ok(targets(b, std::slice::from_ref(c))?.remove(0)),
        None if b.controllers.len() == 1 => Ok(b.controllers[0].clone()),
        None => Err(BreachError::WhichController {
            id: b.id.clone(),
            known: join_ids(&b.controllers),
        }),
    }
}

pub(crate) fn join_ids(ids: &[Id]) -> String {
    ids.iter().map(Id::to_string).collect::<Vec<_>>().join(", ")
}

fn refuse_closed(b: &Breach) -> Result<(), BreachError> {
    match &b.closed {
        Some(c) => Err(BreachError::ClosedOn {
            id: b.id.clone(),
            at: c.at,
        }),
        None => Ok(()),
    }
}

/// What `open` needs.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    /// The id to use; the next `YYYY-NNN` when `None`.
    pub id: Option<Id>,
    /// The title.
    pub title: String,
    /// The controllers concerned (must exist); none: the workspace's only one.
    pub controllers: Vec<Id>,
    /// T0.
    pub aware_at: DateTime<FixedOffset>,
    /// When it happened, if known.
    pub occurred_at: Option<DateTime<FixedOffset>>,
    /// When it was discovered, if known.
    pub discovered_at: Option<DateTime<FixedOffset>>,
    /// Who discovered it.
    pub discovered_by: Option<String>,
    /// What else is known of the circumstances (the supervisory
    /// authority's form).
    pub circumstances: Circumstances,
    /// Now.
    pub now: DateTime<Utc>,
    /// Who runs the command.
    pub actor: String,
    /// Language of the comments of the new file.
    pub lang: Lang,
}

/// The circumstances of a breach the supervisory authority's notification
/// form asks for, as far as they are known when it is opened (see
/// [`crate::model::Breach`] for each).
#[derive(Debug, Clone, Default)]
pub struct Circumstances {
    /// How it was discovered.
    pub discovery: Option<String>,
    /// Established (true) or suspected (false).
    pub established: Option<bool>,
    /// When it ended.
    pub ended_at: Option<DateTime<FixedOffset>>,
    /// Still going on.
    pub ongoing: Option<bool>,
    /// Its origin.
    pub origin: Option<Origin>,
    /// Its cause.
    pub cause: Option<String>,
    /// The sub-processors involved (`Some(vec![])`: none).
    pub subprocessors: Option<Vec<Id>>,
    /// The media concerned.
    pub media: Vec<String>,
    /// Whether the data were encrypted.
    pub encrypted: Option<bool>,
    /// Whether the people are directly identifiable.
    pub directly_identifiable: Option<bool>,
}

/// Creates the breach file from the commented template and journals it.
pub fn open(ws: &Workspace, req: &OpenRequest) -> Result<(Breach, PathBuf), BreachError> {
    let controllers = if req.controllers.is_empty() {
        match ws.controllers.as_slice() {
            [(only, _)] => vec![only.clone()],
            [] => return Err(BreachError::NoController),
            _ => {
                return Err(BreachError::WhoseData {
                    known: ws.known_controllers(),
                })
            }
        }
    } else {
        req.controllers.clone()
    };
    let title = required_text(
        &req.title,
        "the title",
        "--title \"Rançongiciel sur le serveur de fichiers\"",
    )?;
    let k = &req.circumstances;
    for (what, t) in [
        ("aware_at", Some(req.aware_at)),
        ("occurred_at", req.occurred_at),
        ("discovered_at", req.discovered_at),
        ("ended_at", k.ended_at),
    ] {
        if let Some(t) = t {
            if t.to_utc() > req.now {
                return Err(BreachError::InTheFuture {
                    what,
                    when: t.with_timezone(&ws.tz).fixed_offset(),
                    now: crate::time::in_tz(req.now, ws.tz),
                });
            }
        }
    }
    for c in &controllers {
        ws.require_controller(c.as_str())?;
    }
    for p in k.subprocessors.iter().flatten() {
        if !ws.subprocessors.iter().any(|s| &s.id == p) {
            return Err(BreachError::UnknownSubprocessor {
                id: p.to_string(),
                known: ws.known_subprocessors(),
            });
        }
    }
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let lock = ws.lock()?;
    let local = |t: DateTime<FixedOffset>| t.with_timezone(&ws.tz).fixed_offset();
    let id = match &req.id {
        Some(id) => {
            ws.check_given_id(id.as_str(), req.aware_at)?;
            id.clone()
        }
        None => store::next_id(ws, req.aware_at)?,
    };
    let breach = Breach {
        id: id.clone(),
        title,
        controllers,
        occurred_at: req.occurred_at.map(local),
        discovered_at: req.discovered_at.map(local),
        aware_at: local(req.aware_at),
        discovered_by: text(&req.discovered_by),
        discovery: text(&k.discovery),
        established: k.established,
        ended_at: k.ended_at.map(local),
        ongoing: k.ongoing,
        origin: k.origin,
        cause: text(&k.cause),
        subprocessors: k.subprocessors.clone(),
        media: k.media.clone(),
        encrypted: k.encrypted,
        directly_identifiable: k.directly_identifiable,
        systems: Vec::new(),
        nature: Default::default(),
        consequences: None,
        measures_taken: None,
        measures_proposed: None,
        contact: None,
        deferred: Default::default(),
        notifications: Vec::new(),
        calls: Vec::new(),
        closed: None,
    };
    let text = notice::record_skeleton(&Templates::new(req.lang)?, &breach)?;
    // What `dpo check` and `breach set` check: the order of the instants…
    let rel = store::rel_path(&breach.id);
    let src = crate::workspace::SourceFile::new(rel.clone(), text.clone(), String::new());
    let diagnostics: Vec<_> = store::problems(ws, &breach, &src, req.now)
        .into_iter()
        .filter(crate::workspace::Diagnostic::is_error)
        .collect();
    if !diagnostics.is_empty() {
        return Err(BreachError::Invalid {
            file: rel,
            diagnostics,
        });
    }
    let path = store::create(ws, &lock, &breach, &text)?;
    ws.journal().append(
        &lock,
        req.now,
        &req.actor,
        "breach.open",
        breach.id.as_str(),
        text.as_bytes(),
    )?;
    Ok((breach, path))
}

/// Marks `field` as deferred with `reason` (or replaces its reason).
pub fn defer(
    ws: &Workspace,
    id: &Id,
    field: &str,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
) -> Result<Breach, BreachError> {
    let f = Field::parse(field).ok_or_else(|| BreachError::UnknownField {
        name: field.to_string(),
    })?;
    if !f.deferrable() {
        return Err(BreachError::NotDeferrable { id: id.clone() });
    }
    let reason = required_text(
        reason,
        "the reason",
        &format!(
            "dpo breach defer {id} {} --reason \"analyse en cours\"",
            f.key()
        ),
    )?;
    let (b, ()) = amend(ws, id, now, actor, "breach.defer", |new| {
        new.deferred.retain(|k, _| Field::parse(k) != Some(f));
        new.deferred.insert(f.key().to_string(), reason);
        Ok((format!("{id}/{}", f.key()), ()))
    })?;
    Ok(b)
}

/// What `call` needs.
#[derive(Debug, Clone)]
pub struct CallRequest {
    /// The breach.
    pub id: Id,
    /// The controller called (default: the breach's only one).
    pub controller: Option<Id>,
    /// Whom the caller spoke to.
    pub to: String,
    /// The number called.
    pub number: String,
    /// When (default: now).
    pub at: Option<DateTime<FixedOffset>>,
    /// What was said.
    pub outcome: String,
    /// Now.
    pub now: DateTime<Utc>,
    /// Who called.
    pub actor: String,
}

/// Records a phone call to a controller's designated contact, made no
/// earlier than the breach's `aware_at` and no later than now.
pub fn call(ws: &Workspace, req: &CallRequest) -> Result<(Breach, Call), BreachError> {
    for (what, v, hint) in [
        ("--to", &req.to, "--to \"Mme Dupont, cellule RGPD\""),
        ("--number", &req.number, "--number \"01 23 45 67 89\""),
        (
            "--outcome",
            &req.outcome,
            "--outcome \"message reçu, rappel prévu à 14 h\"",
        ),
    ] {
        required_text(v, what, hint)?;
    }
    let at = req.at.unwrap_or_else(|| crate::time::in_tz(req.now, ws.tz));
    if at.to_utc() > req.now {
        return Err(BreachError::InTheFuture {
            what: "the call",
            when: at.with_timezone(&ws.tz).fixed_offset(),
            now: crate::time::in_tz(req.now, ws.tz),
        });
    }
    amend(ws, &req.id, req.now, &req.actor, "breach.call", |new| {
        let controller = one_target(new, req.controller.as_ref())?;
        if at < new.aware_at {
            return Err(BreachError::CallBeforeAware {
                id: new.id.clone(),
                when: at.with_timezone(&ws.tz).fixed_offset(),
                aware_at: new.aware_at.with_timezone(&ws.tz).fixed_offset(),
                tz: ws.tz.to_string(),
            });
        }
        let call = Call {
            at: at.with_timezone(&ws.tz).fixed_offset(),
            controller: controller.clone(),
            to: req.to.trim().to_string(),
            number: req.number.trim().to_string(),
            by: req.actor.clone(),
            outcome: req.outcome.trim().to_string(),
        };
        new.calls.push(call.clone());
        Ok((format!("{}/{controller}", req.id), call))
    })
}

/// Closes the breach file with a summary. Items still deferred are
/// refused unless `with_deferred` gives the reason to close anyway; they
/// are then recorded in the closure with that reason.
pub fn close(
    ws: &Workspace,
    id: &Id,
    (summary, with_deferred): (&str, Option<&str>),
    now: DateTime<Utc>,
    actor: &str,
) -> Result<Breach, BreachError> {
    let summary = required_text(
        summary,
        "the closing summary",
        &format!("dpo breach close {id} --summary \"service restauré, comptes réinitialisés, aucune fuite constatée\""),
    )?;
    let deferred_reason = with_deferred
        .map(|r| {
            required_text(
                r,
                "--reason",
                &format!("dpo breach close {id} --summary \"…\" --with-deferred --reason \"le responsable de traitement a renoncé à ces éléments\""),
            )
        })
        .transpose()?;
    let (b, ()) = amend(ws, id, now, actor, "breach.close", |new| {
        let deferred: Vec<Field> = fields::states(new)
            .into_iter()
            .filter(|(_, s)| matches!(s, FieldState::Deferred { .. }))
            .map(|(f, _)| f)
            .collect();
        if !deferred.is_empty() && deferred_reason.is_none() {
            return Err(BreachError::DeferredAtClose {
                id: id.clone(),
                deferred: deferred.into_iter().map(FieldLabel::of).collect(),
            });
        }
        new.closed = Some(Closure {
            at: crate::time::in_tz(now, ws.tz),
            by: actor.to_string(),
            summary,
            deferred_reason: deferred_reason.filter(|_| !deferred.is_empty()),
            deferred: deferred.iter().map(|f| f.key().to_string()).collect(),
        });
        Ok((id.to_string(), ()))
    })?;
    Ok(b)
}

/// Takes the lock, reads the breach, refuses a closed one, applies
/// `change` (which returns the journal subject and its own result), writes
/// the sections that changed and journals `action`.
fn amend<R>(
    ws: &Workspace,
    id: &Id,
    now: DateTime<Utc>,
    actor: &str,
    action: &str,
    change: impl FnOnce(&mut Breach) -> Result<(String, R), BreachError>,
) -> Result<(Breach, R), BreachError> {
    let lock = ws.lock()?;
    let (loaded, _) = store::load(ws, id)?;
    refuse_closed(&loaded.breach)?;
    let mut new = loaded.breach.clone();
    let (subject, r) = change(&mut new)?;
    let stored = store::update(ws, &lock, &loaded.into(), new)?;
    ws.journal().append(
        &lock,
        now,
        actor,
        action,
        &subject,
        stored.source.text.as_bytes(),
    )?;
    Ok((stored.record, r))
}
