//! What [`BreachError`] and [`SeverityError`] say in the run's language,
//! from the catalog (`duties.ftl`), instants in words; `Display` stays the
//! English text (logs, `--json`).

use super::severity::SeverityError;
use super::BreachError;
use crate::model::Id;
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::said::{self, instant, Refusal};

impl BreachError {
    /// What the error says, from the catalog; `None` for an error of the
    /// layers below (workspace, store, mail, templates), said by its own
    /// type.
    pub fn refusal(&self) -> Option<Refusal> {
        use BreachError as E;
        let m = Msg::new;
        // Message `key` about breach `id`, and about `controller`.
        let of = |key, id: &Id| m(key).arg("id", id.to_string());
        let to = |key, id: &Id, c: &Id| of(key, id).arg("controller", c.to_string());
        let path = |p: &std::path::Path| p.display().to_string();
        let r = Refusal::new;
        Some(match self {
            E::NotFound { id, path: p } => {
                r(of("err-no-breach", id).arg("path", path(p))).hint(m("err-no-breach-hint"))
            }
            E::Exists { id, path: p } => r(of("duties-breach-exists", id).arg("path", path(p)))
                .hint(m("duties-breach-exists-hint")),
            E::Invalid { file, diagnostics } => {
                r(crate::workspace::file_has_errors(file, diagnostics))
            }
            E::Changed { path: p } => r(m("err-changed-meanwhile").arg("path", path(p)))
                .hint(m("err-changed-meanwhile-hint")),
            E::Rewrite { file, message } => r(m("duties-refuse-rewrite")
                .arg("file", file.as_str())
                .arg("message", message.as_str())),
            E::NotConcerned {
                id,
                controller,
                known,
            } => r(to("duties-breach-not-concerned", id, controller).arg("known", known.as_str()))
                .hint(of("duties-breach-not-concerned-hint", id)),
            E::UnknownController { controller, known } => r(m("duties-breach-unknown-controller")
                .arg("controller", controller.as_str())
                .arg("known", known.as_str()))
            .hint(m("duties-controllers-are-files")),
            E::UnknownSubprocessor { id, known } => r(m("duties-breach-unknown-subprocessor")
                .arg("id", id.as_str())
                .arg("known", known.as_str()))
            .hint(m("duties-breach-unknown-subprocessor-hint")),
            E::NoController => r(m("duties-no-controller")).hint(m("duties-no-controller-hint")),
            E::WhoseData { known } => r(m("duties-whose-data").arg("known", known.as_str()))
                .hint(m("duties-whose-data-hint")),
            E::WhichController { id, known } => {
                r(of("duties-which-controller", id).arg("known", known.as_str()))
                    .hint(m("duties-which-controller-hint"))
            }
            E::UnknownField { name } => r(m("duties-unknown-field").arg("name", name.as_str()))
                .hint(
                    m("duties-unknown-field-hint").arg(
                        "fields",
                        super::fields::all()
                            .map(|f| f.key())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            E::NotDeferrable { id } => {
                r(m("duties-not-deferrable")).hint(of("duties-not-deferrable-hint", id))
            }
            E::AlreadyNotified {
                changed,
                id,
                controller,
                sent_at,
                message_id,
            } => r(to("duties-already-notified", id, controller)
                .arg("sent", instant(*sent_at))
                .arg("message_id", message_id.as_str())
                .arg("n", changed.len())
                .arg("changed", changed.join(", ")))
            .hint(of("duties-already-notified-hint", id).arg("n", changed.len())),
            E::NotYetNotified { id, controller } => {
                r(to("duties-not-yet-notified", id, controller))
                    .hint(of("duties-not-yet-notified-hint", id))
            }
            E::NothingNew { id, controller } => {
                r(to("duties-nothing-new", id, controller)).hint(m("duties-nothing-new-hint"))
            }
            E::EmptyField { id, field } => {
                r(of("duties-empty-field", id).arg("field", field.as_str()))
            }
            E::NoBreachContact { controller, file } => {
                r(m("duties-no-breach-contact").arg("controller", controller.to_string()))
                    .hint(m("duties-no-breach-contact-hint").arg("file", file.as_str()))
            }
            E::NoSender => r(m("duties-no-sender")).hint(m("duties-no-sender-hint")),
            E::ClosedOn { id, at } => r(of("err-closed-breach", id).arg("closed", instant(*at))),
            E::Late {
                id,
                controller,
                deadline,
                late,
            } => {
                let due = instant(*deadline);
                let said = to("err-late-notify", id, controller).arg("deadline", due);
                r(said.arg("late", late.as_str())).hint(m("err-late-notify-hint"))
            }
            E::InTheFuture { what, when, now } => {
                let what = if *what == "the call" {
                    m("duties-the-call")
                } else {
                    m("duties-field-name").arg("field", *what)
                };
                r(m("duties-in-the-future")
                    .arg("what", what)
                    .arg("when", instant(*when))
                    .arg("now", instant(*now)))
                .hint(m("duties-in-the-future-hint"))
            }
            E::CallBeforeAware {
                id,
                when,
                aware_at,
                tz,
            } => r(of("duties-call-before-aware", id)
                .arg("when", instant(*when))
                .arg("aware", instant(*aware_at)))
            .hint(of("duties-call-before-aware-hint", id).arg("tz", tz.as_str())),
            E::Pdf { id, .. } => r(of("duties-breach-pdf", id)),
            E::Mail { id, controller, .. } => {
                r(of("duties-breach-not-sent", id).arg("controller", controller.as_str()))
            }
            E::SentNotRecorded {
                id,
                controller,
                message_id,
                reply,
                ..
            } => r(of("duties-sent-not-recorded", id)
                .arg("controller", controller.as_str())
                .arg("message_id", message_id.as_str())
                .arg("reply", reply.as_str()))
            .hint(of("duties-sent-not-recorded-hint", id)),
            E::Severity(e) => r(e.said()).hint(m("duties-severity-hint")),
            E::LateWithoutReason { .. }
            | E::Closed { .. }
            | E::MissingFields { .. }
            | E::DeferredAtClose { .. }
            | E::Empty(_)
            | E::Id(_)
            | E::Workspace(_)
            | E::Store(_)
            | E::Template(_)
            | E::Outbox(_) => return None,
        })
    }
}

impl Localize for BreachError {
    /// The catalog's message; an error of a layer below keeps its English
    /// text, its hint label said in the language of `s`.
    fn message(&self, s: &Catalog) -> String {
        said::say(s, self.refusal(), self)
    }
}

impl SeverityError {
    /// The message, from the catalog.
    pub fn said(&self) -> Msg {
        match self {
            SeverityError::OutOfRange {
                factor,
                value,
                lo,
                hi,
            } => Msg::new("duties-severity-out-of-range")
                .arg("factor", *factor)
                .arg("value", value.to_string())
                .arg("lo", *lo)
                .arg("hi", *hi),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use chrono::DateTime;

    #[test]
    fn a_refusal_of_the_breach_workflow_is_said_in_french_with_its_instants_in_words() {
        let t = |s| DateTime::parse_from_rfc3339(s).unwrap();
        let e = BreachError::CallBeforeAware {
            id: Id::new("2021-001").unwrap(),
            when: t("2021-03-01T09:00:00+01:00"),
            aware_at: t("2021-03-02T10:00:00+01:00"),
            tz: "Europe/Paris".into(),
        };
        let fr = e.message(&Catalog::of(Lang::Fr));
        assert!(fr.contains("1er mars 2021 à 09:00"), "{fr}");
        assert!(fr.contains("2 mars 2021 à 10:00"), "{fr}");
        assert!(fr.contains("\n  conseil\u{202f}: "), "{fr}");
        assert!(!fr.contains("2021-03-01"), "{fr}");
        // `Display` stays English.
        assert!(e.to_string().starts_with("the call (1 March 2021, 09:00"));
        let sev = BreachError::from(super::super::severity::assess(5.0, 1.0, 0.0).unwrap_err());
        let fr = sev.message(&Catalog::of(Lang::Fr));
        assert!(
            fr.starts_with("DPC = 5 est hors de son échelle (1 à 4)"),
            "{fr}"
        );
    }
}
