//! The errors said in the run's language: [`Localize`] for [`CliError`]
//! and for each cause of its `source()` chain ([`cause`]).
//!
//! Each error of the core tells itself from the catalog beside its
//! definition (a `told()` giving a [`Told`]: message and hint); this module
//! only dispatches. The workflows' own refusals (breach, fate, requests,
//! instructions, sub-processors, audit) keep their arms here. An error
//! with no catalog message keeps its English text, its `hint:` label said
//! in the run's language. `Display` stays English (logs, `--json`,
//! `source()` chains): it is the English catalog text.

use super::CliError;
use crate::breach::{BreachError, FieldLabel};
use crate::model::Lang;
use crate::render::catalog::{Catalog, Localize, Msg, Told};
use crate::workspace::{StoreError, WorkspaceError};

/// A message and its hint from the catalog, in the language of `s`.
fn with_hint(s: &Catalog, m: &Msg, hint: &Msg) -> String {
    format!(
        "{}\n  {}",
        s.msg(m),
        s.fmt("cli-hint", &[("hint", s.msg(hint).into())])
    )
}

/// The catalog message of the errors it knows; `None` for the others.
fn said(s: &Catalog, e: &CliError) -> Option<String> {
    Some(match e {
        // duties
        CliError::Breach(b) if b.refusal().is_some() => b.message(s),
        CliError::Fate(f) => f.message(s),
        CliError::Team(t) => t.message(s),
        CliError::Instruction(i) => i.message(s),
        CliError::SubProcessor(p) => p.message(s),
        CliError::Audit(crate::audit::AuditError::Signing(e)) => e.message(s),
        CliError::Audit(crate::audit::AuditError::Workspace(e)) => e.message(s),
        CliError::Audit(crate::audit::AuditError::Output(e)) => e.message(s),
        CliError::Audit(crate::audit::AuditError::Csv(e)) => e.message(s),
        CliError::Audit(crate::audit::AuditError::UnknownController(e)) => e.message(s),
        CliError::Audit(a) => a.message(s),
        CliError::Site(e) => e.message(s),
        CliError::NoActor(command) => with_hint(
            s,
            &Msg::new("err-no-actor").arg("command", command.as_str()),
            &Msg::new("err-no-actor-hint"),
        ),
        CliError::Breach(BreachError::Workspace(w)) => w.message(s),
        CliError::Breach(BreachError::Store(e)) => e.message(s),
        CliError::Breach(BreachError::Outbox(e)) => e.message(s),
        CliError::Backup(e) => e.message(s),
        CliError::Breach(BreachError::NotFound { id, path }) => with_hint(
            s,
            &Msg::new("err-no-breach")
                .arg("id", id.to_string())
                .arg("path", path.display().to_string()),
            &Msg::new("err-no-breach-hint"),
        ),
        CliError::Breach(BreachError::LateWithoutReason {
            id,
            controller,
            deadline,
            late,
        }) => with_hint(
            s,
            &Msg::new("err-late-notify")
                .arg("id", id.to_string())
                .arg("controller", controller.to_string())
                .arg("deadline", deadline.as_str())
                .arg("late", late.as_str()),
            &Msg::new("err-late-notify-hint"),
        ),
        CliError::Breach(
            e @ (BreachError::MissingFields { id, missing: list }
            | BreachError::DeferredAtClose { id, deferred: list }),
        ) => {
            let (m, h) = if matches!(e, BreachError::MissingFields { .. }) {
                let hint = match crate::breach::Deferrable::of(list) {
                    crate::breach::Deferrable::All => "err-missing-fields-hint",
                    crate::breach::Deferrable::None => "err-missing-fields-hint-set",
                    crate::breach::Deferrable::Some => "err-missing-fields-hint-some",
                };
                ("err-missing-fields", hint)
            } else {
                ("err-deferred-at-close", "err-deferred-at-close-hint")
            };
            let id = id.to_string();
            let m = Msg::new(m).arg("id", id.as_str()).arg("n", list.len());
            fields(s, m, list, Msg::new(h).arg("id", id))
        }
        CliError::Breach(BreachError::Closed { id, closed_at }) => s.msg(
            &Msg::new("err-closed-breach")
                .arg("id", id.to_string())
                .arg("closed", closed_at.as_str()),
        ),
        _ => return None,
    })
}

/// A message, one line per field with its label in the language of `s`,
/// and the hint.
fn fields(s: &Catalog, m: Msg, list: &[FieldLabel], hint: Msg) -> String {
    let mut out = s.msg(&m);
    for f in list {
        let label = if s.lang() == Lang::En { &f.en } else { &f.fr };
        let line = s.fmt(
            "diag-field",
            &[
                ("field", f.field.as_str().into()),
                ("message", label.as_str().into()),
            ],
        );
        out.push_str(&format!("\n  - {line}"));
    }
    out.push_str("\n  ");
    out.push_str(&s.fmt("cli-hint", &[("hint", s.msg(&hint).into())]));
    out
}

/// What the errors of the core say, in every language; `None` for the
/// workflows' errors.
fn told(e: &CliError) -> Option<Told> {
    Some(match e {
        CliError::Workspace(w) => w.told(),
        CliError::Store(e) => e.told(),
        CliError::Time { flag, .. } => Told::new(Msg::new("err-invalid-option").arg("flag", *flag)),
        CliError::Template(e) => e.told(),
        CliError::Pdf(_) => Told::new(Msg::new("errors-pdf")),
        CliError::Csv(e) => e.told(),
        CliError::UnknownController(u) => u.told(),
        CliError::Output { path, .. } => {
            Told::new(Msg::new("errors-write").arg("path", path.display().to_string()))
        }
        CliError::Mail(e) => e.told(),
        CliError::Signing(e) => e.told(),
        CliError::Said(t) => t.clone(),
        CliError::Request(e) => e.told(),
        CliError::Timestamp(e) => e.told(),
        _ => return None,
    })
}

/// A cause of an error's `source()` chain in the language of `s`: the
/// core's errors, the system's (a file not found, a permission refused)
/// and the YAML parser's from the catalog; any other one in English, its
/// `hint:` label translated.
pub(super) fn cause(s: &Catalog, c: &(dyn std::error::Error + 'static)) -> String {
    macro_rules! told {
        ($($t:ty),+ $(,)?) => {
            $(if let Some(e) = c.downcast_ref::<$t>() {
                return e.message(s);
            }
            if let Some(e) = c.downcast_ref::<Box<$t>>() {
                return e.message(s);
            })+
        };
    }
    told!(
        WorkspaceError,
        StoreError,
        crate::time::TimeError,
        crate::time::StoredTimeError,
        crate::model::IdError,
        crate::model::EmptyText,
        crate::workspace::integrity::AdoptError,
        crate::workspace::UnknownController,
        crate::render::OutputError,
        crate::render::pdf::PdfError,
        crate::render::templates::TemplateError,
        crate::render::csv::CsvError,
        crate::hashing::HashError,
        crate::mail::MailError,
        crate::mail::outbox::OutboxError,
        crate::mail::outbox::InfraError,
        crate::instruction::InstructionError,
        crate::subprocessor::SubProcessorError,
        crate::mail::attach::AttachError,
        crate::signing::SigningError,
    );
    if let Some(e) = c.downcast_ref::<serde_yaml::Error>() {
        return s.msg(&crate::workspace::yaml_said(e));
    }
    // The SMTP library's own failure (a refused connection, a timeout):
    // the system error under it, said in the run's language.
    if let Some(e) = c.downcast_ref::<lettre::transport::smtp::Error>() {
        // A refusal: its kind in words, the server's own text quoted.
        if let Some(code) = e.status() {
            let id = if e.is_permanent() {
                "terminal-ha-smtp-permanent"
            } else {
                "terminal-ha-smtp-transient"
            };
            let words = std::error::Error::source(e).map(ToString::to_string);
            return s.msg(
                &Msg::new(id)
                    .arg("code", code.to_string())
                    .arg("words", words.unwrap_or_default()),
            );
        }
        let io = std::error::Error::source(e).and_then(|i| i.downcast_ref::<std::io::Error>());
        if let Some(io) = io.filter(|_| s.lang() != Lang::En) {
            return s.msg(&io_said(io));
        }
    }
    if let Some(e) = c.downcast_ref::<std::io::Error>() {
        if let Some(m) = e.get_ref().and_then(|i| i.downcast_ref::<Msg>()) {
            return s.msg(m);
        }
        if s.lang() != Lang::En {
            return s.msg(&io_said(e));
        }
    }
    s.relabel_hints(&c.to_string())
}

/// A system error as a catalog message: its kind in words, and its code.
fn io_said(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let kind = match e.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission",
        K::AlreadyExists => "exists",
        K::IsADirectory => "directory",
        K::NotADirectory => "not-directory",
        K::ReadOnlyFilesystem => "read-only",
        K::StorageFull => "full",
        K::InvalidData => "invalid-data",
        K::UnexpectedEof => "eof",
        K::TimedOut => "timeout",
        K::ConnectionRefused => "refused",
        K::Interrupted => "interrupted",
        _ => "other",
    };
    // The system's code, when there is one; else its own text (a message
    // dpo gave the error, e.g. a lock held for reading only); in brackets
    // after the words, nothing when there is neither. An error wrapped with
    // its path (tempfile's) says the system's code only in its text:
    // « Operation not permitted (os error 1) at path … ».
    let wrapped = e.get_ref().map(ToString::to_string).and_then(|t| {
        let code = t.split("(os error ").nth(1)?.split(')').next()?;
        code.parse::<i32>().ok()
    });
    let detail = match e.raw_os_error().or(wrapped) {
        Some(code) => format!(" ({code})"),
        None if kind == "other" => format!(" ({e})"),
        None => String::new(),
    };
    Msg::new("errors-io")
        .arg("kind", kind)
        .arg("detail", detail)
}

impl Localize for CliError {
    /// The core's errors from the catalog, in every language; the
    /// workflows': in English, the `Display` text; in another language, the
    /// catalog's message, else the English text with its hint label
    /// translated.
    fn message(&self, s: &Catalog) -> String {
        if let Some(t) = told(self) {
            return t.say(s);
        }
        // The lists of fields: their `Display` gives both labels.
        let listed = matches!(
            self,
            CliError::Breach(
                BreachError::MissingFields { .. } | BreachError::DeferredAtClose { .. }
            )
        );
        if s.lang() == Lang::En && !listed {
            return self.to_string();
        }
        said(s, self).unwrap_or_else(|| s.relabel_hints(&self.to_string()))
    }
}
