//! A new workspace: the commented example files of `templates/init/`, which
//! pass `dpo check`, written under the lock of the new folder and journaled
//! as the first entry (`workspace.init`, payload the `sha256sum` listing of
//! the files written).

use crate::workspace::ReadError;
use std::path::Path;

use super::{lock_root, write_atomic, Act, Journal, WorkspaceError};
use crate::model::Lang;
use std::time::Duration;

/// The example files, compiled in from `templates/init/`.
const FILES: &[(&str, &str)] = &[
    (
        "processor.yaml",
        include_str!("../../templates/init/processor.yaml"),
    ),
    (
        "controllers/exemple-ville.yaml",
        include_str!("../../templates/init/controller.yaml"),
    ),
    (
        "subprocessors.yaml",
        include_str!("../../templates/init/subprocessors.yaml"),
    ),
    (
        "security-measures.yaml",
        include_str!("../../templates/init/security-measures.yaml"),
    ),
    (
        "people.yaml",
        include_str!("../../templates/init/people.yaml"),
    ),
    (".gitignore", ".dpo.lock\n.dpo.pending\n.dpo-tmp-*\n"),
];

/// Creates a workspace in `dir`, which must not exist or be an empty folder:
/// `init` never overwrites a file.
/// `language` of `processor.yaml` is `lang`, the run's language.
pub fn init(dir: &Path, act: &Act, lang: Lang, lock_wait: Duration) -> Result<(), WorkspaceError> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(ReadError::at(dir))?
            .next()
            .is_none();
        if !empty || !dir.is_dir() {
            return Err(WorkspaceError::Exists {
                path: dir.to_path_buf(),
            });
        }
    }
    std::fs::create_dir_all(dir.join("controllers")).map_err(|source| WorkspaceError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let lock = lock_root(dir, lock_wait)?;
    let mut listing = String::new();
    for (name, text) in FILES {
        let text = &with_language(name, text, lang);
        if super::kinds::of_record(name).is_some() {
            // A record: its entry names it with its hash, like the store's.
            let sha = super::store::keep_object(dir, text)?;
            lock.intend(name, None, sha)?;
        }
        write_atomic(&dir.join(name), text.as_bytes())?;
        listing.push_str(&format!(
            "{}  {name}\n",
            crate::hashing::sha256_hex(text.as_bytes())
        ));
    }
    Journal::new(dir).append(
        &lock,
        act.now,
        &act.actor,
        "workspace.init",
        ".",
        listing.as_bytes(),
    )?;
    Ok(())
}

/// The example `text` of file `name`, `language` set to `lang` in
/// `processor.yaml` (the example says `fr`; the comment after it is kept).
fn with_language(name: &str, text: &str, lang: Lang) -> String {
    if name != "processor.yaml" {
        return text.to_string();
    }
    text.lines()
        .map(|l| match l.strip_prefix("language: fr") {
            Some(rest) => format!("language: {}{rest}\n", lang.code()),
            None => format!("{l}\n"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processor_language_is_the_runs() {
        let (_, text) = FILES[0];
        let en = with_language("processor.yaml", text, Lang::En);
        assert!(en.lines().any(|l| l.starts_with("language: en ")), "{en}");
        assert!(!en.contains("language: fr"));
        assert_eq!(with_language("processor.yaml", text, Lang::Fr), text);
        assert_eq!(
            with_language("people.yaml", "language: fr\n", Lang::En),
            "language: fr\n"
        );
    }
}
