//! What [`FateError`] says in the run's language, from the catalog
//! (`duties.ftl`); `Display` stays the English text (logs, `--json`).

use super::FateError;
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::said::{self, Refusal};

impl FateError {
    /// What the error says, from the catalog; `None` for an error of the
    /// layers below (workspace, output, hashing, bags, keys), said by its
    /// own type.
    pub fn refusal(&self) -> Option<Refusal> {
        use FateError as E;
        let m = Msg::new;
        Some(match self {
            E::Invalid { file, diagnostics } => {
                Refusal::new(crate::workspace::file_has_errors(file, diagnostics))
            }
            E::NoFateFile { controller, file } => Refusal::new(
                m("duties-fate-no-file-for")
                    .arg("controller", controller.to_string())
                    .arg("file", file.as_str()),
            )
            .hint(m("duties-fate-no-file-for-hint").arg("file", file.as_str())),
            E::NoFateFiles => {
                Refusal::new(m("duties-fate-no-files")).hint(m("duties-fate-no-files-hint"))
            }
            E::UnknownController { controller, file } => Refusal::new(
                m("duties-fate-unknown-controller")
                    .arg("controller", controller.to_string())
                    .arg("file", file.as_str()),
            )
            .hint(m("duties-fate-unknown-controller-hint")),
            E::UnknownItem {
                item,
                in_file,
                known,
            } => Refusal::new(
                match in_file {
                    Some(f) => m("duties-fate-unknown-item").arg("file", f.as_str()),
                    None => m("duties-fate-unknown-item-anywhere"),
                }
                .arg("item", item.as_str())
                .arg("known", known.as_str()),
            ),
            E::AmbiguousItem { item, controllers } => Refusal::new(
                m("duties-fate-ambiguous-item")
                    .arg("item", item.to_string())
                    .arg("controllers", controllers.as_str()),
            )
            .hint(m("duties-which-controller-hint")),
            E::UnknownCopy { item, copy, known } => Refusal::new(
                m("duties-fate-unknown-copy")
                    .arg("item", item.to_string())
                    .arg("copy", copy.as_str())
                    .arg("known", known.as_str()),
            ),
            E::Refused(r) => r.clone(),
            E::Immutable {
                item,
                copy,
                until,
                on,
            } => Refusal::new(
                m("duties-fate-immutable")
                    .arg("item", item.to_string())
                    .arg("copy", copy.to_string())
                    .arg("until", said::day(*until))
                    .arg("on", said::day(*on)),
            )
            .hint(m("duties-fate-immutable-hint")),
            E::NoFingerprint { item } => {
                Refusal::new(m("duties-fate-no-fingerprint").arg("item", item.to_string()))
                    .hint(m("duties-fate-no-fingerprint-hint").arg("item", item.to_string()))
            }
            E::Manifest { path, line, said } => Refusal {
                message: m("duties-fate-manifest")
                    .arg("path", path.display().to_string())
                    .arg("line", *line)
                    .arg("message", said.message.clone()),
                hint: said.hint.clone(),
            },
            E::Read { path, .. } => {
                Refusal::new(m("duties-failed-to-read").arg("path", path.display().to_string()))
            }
            E::Serialize(why) => Refusal::new(m("duties-fate-serialize").arg("why", why.as_str())),
            E::Write(_) | E::Output(_) | E::Hash(_) | E::Bag(_) | E::Signing(_) => return None,
        })
    }
}

impl Localize for FateError {
    /// The catalog's message; an error of a layer below says itself in the
    /// language of `s`.
    fn message(&self, s: &Catalog) -> String {
        match self {
            FateError::Write(e) => e.message(s),
            FateError::Output(e) => e.message(s),
            FateError::Hash(e) => e.message(s),
            FateError::Bag(e) => e.message(s),
            FateError::Signing(e) => e.message(s),
            _ => said::say(s, self.refusal(), self),
        }
    }
}
