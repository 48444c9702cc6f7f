//! [`BagError`] said in the run's language, from `templates/*/bag.ftl`
//! (its `Display` stays the English text: logs, tests, `source()` chains).

use std::path::{Path, PathBuf};

use super::{list_paths, BagError};
use crate::render::catalog::{Catalog, Localize, Msg};

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl BagError {
    /// The error as a message of the catalog, and its hint when it has one.
    fn msgs(&self) -> (Msg, Option<Msg>) {
        let on = |id: &'static str, path: &PathBuf| Msg::new(id).arg("path", shown(path));
        let listed =
            |id: &'static str, paths: &[PathBuf]| Msg::new(id).arg("paths", list_paths(paths));
        match self {
            BagError::InfoField { label, reason } => (
                Msg::new("bag-err-info-field")
                    .arg("label", label.as_str())
                    .arg("reason", *reason),
                None,
            ),
            BagError::Source { path, .. } => (on("bag-err-source", path), None),
            BagError::ListSource(e) => (
                Msg::new("bag-err-list-source").arg("error", e.to_string()),
                None,
            ),
            BagError::OutputNotEmpty { path } => (
                on("bag-err-output-not-empty", path),
                Some(Msg::new("bag-err-output-not-empty-hint")),
            ),
            BagError::OutputInsideSource { out, from } => (
                Msg::new("bag-err-output-inside-source")
                    .arg("out", shown(out))
                    .arg("from", shown(from)),
                Some(Msg::new("bag-err-output-inside-source-hint")),
            ),
            BagError::CreateFolder { path, .. } => (on("bag-err-create-folder", path), None),
            BagError::NotRegularFiles { paths } => (
                listed("bag-err-not-regular-files", paths),
                Some(Msg::new("bag-err-not-regular-files-hint")),
            ),
            BagError::NonUtf8Names { paths } => (
                listed("bag-err-non-utf8-names", paths),
                Some(Msg::new("bag-err-non-utf8-names-hint")),
            ),
            BagError::CopyRead { path, .. } => (on("bag-err-copy-read", path), None),
            BagError::CopyWrite { path, .. } => (on("bag-err-copy-write", path), None),
            BagError::WriteTagFile { path, .. } => (on("bag-err-write-tag-file", path), None),
            BagError::OpenBag { path, .. } => (on("bag-err-open-bag", path), None),
            BagError::NotAFolder { path } => (on("bag-err-not-a-folder", path), None),
            BagError::ListPayload { path, .. } => (on("bag-err-list-payload", path), None),
        }
    }
}

impl Localize for BagError {
    fn message(&self, s: &Catalog) -> String {
        let (m, hint) = self.msgs();
        let mut out = s.msg(&m);
        if let Some(hint) = hint {
            out.push_str("\n  ");
            out.push_str(&s.fmt("cli-hint", &[("hint", s.msg(&hint).into())]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    /// Every variant, said in English, is its `Display` text.
    #[test]
    fn english_catalog_text_is_the_display_text() {
        let p = || PathBuf::from("/media/bag");
        let errors = [
            BagError::InfoField {
                label: "L".into(),
                reason: "why",
            },
            BagError::OutputNotEmpty { path: p() },
            BagError::OutputInsideSource {
                out: p(),
                from: PathBuf::from("/srv"),
            },
            BagError::NotRegularFiles {
                paths: vec![p(), p()],
            },
            BagError::NonUtf8Names { paths: vec![p()] },
            BagError::NotAFolder { path: p() },
            BagError::OpenBag {
                path: p(),
                source: std::io::Error::other("x"),
            },
        ];
        let en = Catalog::of(Lang::En);
        let fr = Catalog::of(Lang::Fr);
        for e in &errors {
            assert_eq!(e.message(&en), e.to_string());
            let said = e.message(&fr);
            assert!(!said.starts_with("bag-err"), "{said}");
            assert!(said.contains("/media/bag") || said.contains('L'), "{said}");
        }
    }
}
