//! The errors said in the run's language: [`Localize`] for [`CliError`].
//! The errors a DPO meets on the way (no actor, unknown controller, a held
//! lock, a missing or invalid workspace, a late or closed breach) come from
//! the catalog; any other one keeps its English text, its `hint:` label
//! said in the run's language. `Display` stays English (logs, tests,
//! `source()` chains).

use super::CliError;
use crate::breach::{BreachError, FieldLabel};
use crate::model::Lang;
use crate::render::catalog::{Catalog, Localize, Msg};
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
        CliError::Fate(f) if f.refusal().is_some() => f.message(s),
        CliError::Instruction(i) => i.message(s),
        CliError::SubProcessor(p) => p.message(s),
        CliError::Audit(a) => a.message(s),
        CliError::NoActor(command) => with_hint(
            s,
            &Msg::new("err-no-actor").arg("command", command.as_str()),
            &Msg::new("err-no-actor-hint"),
        ),
        CliError::UnknownController(u) => with_hint(
            s,
            &Msg::new("err-unknown-controller").arg("id", u.id.to_string()),
            &Msg::new("err-unknown-controller-hint").arg("known", u.known.as_str()),
        ),
        CliError::Workspace(w) | CliError::Breach(BreachError::Workspace(w)) => workspace(s, w)?,
        CliError::Fate(crate::fate::FateError::Bag(e)) => e.message(s),
        CliError::Store(e) | CliError::Breach(BreachError::Store(e)) => store(s, e)?,
        CliError::Time { flag, .. } => s.msg(&Msg::new("err-invalid-option").arg("flag", *flag)),
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

fn store(s: &Catalog, e: &StoreError) -> Option<String> {
    Some(match e {
        StoreError::Field {
            file,
            field,
            message,
        } => s.msg(
            &Msg::new("err-set-field")
                .arg("file", file.as_str())
                .arg("field", field.as_str())
                .arg("message", s.relabel_hints(message)),
        ),
        StoreError::Changed { path } => with_hint(
            s,
            &Msg::new("err-changed-meanwhile").arg("path", path.display().to_string()),
            &Msg::new("err-changed-meanwhile-hint"),
        ),
        StoreError::Workspace(w) => workspace(s, w)?,
        _ => return None,
    })
}

fn workspace(s: &Catalog, e: &WorkspaceError) -> Option<String> {
    Some(match e {
        WorkspaceError::NotFound { path } => with_hint(
            s,
            &Msg::new("err-no-workspace").arg("path", path.display().to_string()),
            &Msg::new("err-no-workspace-hint").arg("path", path.display().to_string()),
        ),
        WorkspaceError::Invalid { root, diagnostics } => s.msg(
            &Msg::new("err-invalid-workspace")
                .arg("root", root.display().to_string())
                .arg("n", diagnostics.iter().filter(|d| d.is_error()).count()),
        ),
        WorkspaceError::Locked {
            path,
            holder,
            waited,
        } => with_hint(
            s,
            &Msg::new("err-locked")
                .arg("holder", holder.as_str())
                .arg("waited", format!("{}\u{a0}s", waited.as_secs()))
                .arg("path", path.display().to_string()),
            &Msg::new("err-locked-hint"),
        ),
        WorkspaceError::JournalBroken {
            path,
            line,
            message,
        } => with_hint(
            s,
            &Msg::new("err-journal-broken")
                .arg("path", path.display().to_string())
                .arg("line", *line)
                .arg("message", message.as_str()),
            &Msg::new("err-journal-broken-hint"),
        ),
        _ => return None,
    })
}

impl Localize for CliError {
    /// In English, the `Display` text; in another language, the catalog's
    /// message, else the English text with its hint label translated.
    fn message(&self, s: &Catalog) -> String {
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
