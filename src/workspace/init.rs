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
    (
        ".gitignore",
        ".dpo.lock\n.dpo.pending\n.dpo-tmp-*\n.dpo.seen\n",
    ),
    (
        super::git::ATTRIBUTES_FILE,
        "journal.jsonl merge=dpo-journal\njournal.head merge=dpo-journal-head\n",
    ),
];

/// Creates a workspace in `dir`, which must not exist or be an empty folder:
/// `init` never overwrites a file.
/// `language` of `processor.yaml` is `lang`, the run's language.
pub fn init(dir: &Path, act: &Act, lang: Lang, lock_wait: Duration) -> Result<(), WorkspaceError> {
    if !is_empty_dir(dir)? {
        return Err(WorkspaceError::Exists {
            path: dir.to_path_buf(),
        });
    }
    let files: Vec<(String, String)> = FILES
        .iter()
        .map(|(name, text)| (name.to_string(), with_language(name, text, lang)))
        .collect();
    create(dir, act, &files, ("workspace.init", None), lock_wait)
}

/// Whether `dir` does not exist or is an empty folder.
pub fn is_empty_dir(dir: &Path) -> Result<bool, WorkspaceError> {
    if !dir.exists() {
        return Ok(true);
    }
    let empty = std::fs::read_dir(dir)
        .map_err(ReadError::at(dir))?
        .next()
        .is_none();
    Ok(empty && dir.is_dir())
}

/// The skeleton files `dpo init` writes that are not records a register
/// carries (`people.yaml`, `.gitignore`), in the language `lang`.
pub fn skeleton(lang: Lang) -> Vec<(String, String)> {
    FILES
        .iter()
        .filter(|(name, _)| matches!(*name, "people.yaml" | ".gitignore"))
        .map(|(name, text)| (name.to_string(), with_language(name, text, lang)))
        .collect()
}

/// Writes `files` (path in the workspace, text) into the new workspace
/// `dir` under its lock, and journals them as one first entry `action`
/// whose payload is the `sha256sum` listing of the files, after `note`
/// when there is one (the entry then keeps that text).
pub fn create(
    dir: &Path,
    act: &Act,
    files: &[(String, String)],
    (action, note): (&str, Option<&str>),
    lock_wait: Duration,
) -> Result<(), WorkspaceError> {
    std::fs::create_dir_all(dir.join("controllers")).map_err(|source| WorkspaceError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let lock = lock_root(dir, lock_wait)?;
    let mut listing = String::new();
    for (name, text) in files {
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
    let journal = Journal::new(dir);
    match note {
        None => {
            journal.append(&lock, act.now, &act.actor, action, ".", listing.as_bytes())?;
        }
        Some(note) => {
            journal.append_text(&lock, act, (action, "."), &format!("{note}\n{listing}"))?;
        }
    }
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

    #[test]
    fn a_new_workspace_merges_its_journal_with_dpo_and_ignores_the_local_files() {
        let file = |name: &str| FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        let attributes: String = super::super::git::ATTRIBUTES
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(file(".gitattributes"), Some(attributes.as_str()));
        let ignored: String = crate::team::IGNORED
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(file(".gitignore"), Some(ignored.as_str()));
    }
}
