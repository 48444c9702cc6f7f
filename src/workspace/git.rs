//! The one place that runs git: `git` as a process (no git library — git
//! itself is the reference, and the team has it), always as `git -C DIR …`.
//! It finds the work tree a workspace is in, and reads and writes the
//! clone's local configuration: the clone tag `dpo.tag` that record ids
//! carry, and the journal's merge driver (`merge.dpo-journal.*`). What a
//! team does with them is in [`crate::team`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::render::catalog::{Msg, Told};

/// The local configuration key of the clone tag.
pub const TAG_KEY: &str = "dpo.tag";
/// The local configuration key of the SHA-256 of the journal line by which
/// this clone claimed its tag (`git.setup`): a claim of the same tag not
/// this one is another clone's.
pub const CLAIM_KEY: &str = "dpo.tagclaim";
/// The local configuration key of the merge driver's command.
pub const DRIVER_KEY: &str = "merge.dpo-journal.driver";
/// The local configuration key of the merge driver's name.
pub const DRIVER_NAME_KEY: &str = "merge.dpo-journal.name";
/// The local configuration key of the head file's merge driver's command.
pub const HEAD_DRIVER_KEY: &str = "merge.dpo-journal-head.driver";
/// The local configuration key of the head file's merge driver's name.
pub const HEAD_DRIVER_NAME_KEY: &str = "merge.dpo-journal-head.name";

/// The lines of the workspace's `.gitattributes` that make git merge the
/// journal with `dpo journal merge`, and its head file (one line per head)
/// with `dpo git merge-heads`: a three-way merge of the sets of heads, where
/// git's own `union` would keep a head one side has since written after.
pub const ATTRIBUTES: [&str; 2] = [
    "journal.jsonl merge=dpo-journal",
    "journal.head merge=dpo-journal-head",
];
/// The workspace's `.gitattributes`.
pub const ATTRIBUTES_FILE: &str = ".gitattributes";

/// Whether the workspace at `root` is a team's: its `.gitattributes` names
/// the journal's merge driver (`merge=dpo-journal`).
pub fn team_mode(root: &Path) -> bool {
    driver_line(root).is_some()
}

/// The 1-based line of the workspace's `.gitattributes` that names the
/// journal's merge driver, when one does.
pub fn driver_line(root: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(root.join(ATTRIBUTES_FILE)).ok()?;
    text.lines()
        .position(|l| {
            !l.trim_start().starts_with('#')
                && l.split_whitespace()
                    .skip(1)
                    .any(|a| a == "merge=dpo-journal")
        })
        .map(|i| i + 1)
}

/// What running git can fail with.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// `git` could not be started (not installed, not in the `PATH`).
    #[error("{}", self.told())]
    Start {
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// git ran and refused.
    #[error("{}", self.told())]
    Failed {
        /// The arguments after `git -C DIR`.
        args: String,
        /// The folder it ran in.
        dir: PathBuf,
        /// What git said on its standard error.
        stderr: String,
    },
    /// The workspace is not inside a git work tree.
    #[error("{}", self.told())]
    NotAWorkTree {
        /// The workspace folder.
        dir: PathBuf,
    },
}

impl GitError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            GitError::Start { source } => {
                Told::new(Msg::new("team-git-missing").arg("why", source.to_string()))
                    .hint(Msg::new("team-git-missing-hint"))
            }
            GitError::Failed { args, dir, stderr } => Told::new(
                Msg::new("team-git-failed")
                    .arg("args", args.as_str())
                    .arg("dir", dir.display().to_string())
                    .arg("stderr", stderr.trim()),
            ),
            GitError::NotAWorkTree { dir } => {
                Told::new(Msg::new("team-not-a-work-tree").arg("dir", dir.display().to_string()))
                    .hint(Msg::new("team-not-a-work-tree-hint"))
            }
        }
    }
}

crate::render::catalog::told_localize!(GitError);

/// The git clone a workspace is in, as read once per run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitClone {
    /// The top folder of the work tree.
    pub top: PathBuf,
    /// The clone tag (`dpo.tag` of the local configuration), when set.
    pub tag: Option<String>,
    /// The journal's merge driver command, when registered.
    pub driver: Option<String>,
    /// The head file's merge driver command, when registered.
    pub head_driver: Option<String>,
    /// The SHA-256 of the journal line of this clone's claim of its tag
    /// ([`CLAIM_KEY`]), when its setup recorded it.
    pub claim: Option<String>,
}

impl GitClone {
    /// The clone `dir` is in; `None` outside a git work tree.
    pub fn of(dir: &Path) -> Result<Option<Self>, GitError> {
        let Some(top) = work_tree(dir)? else {
            return Ok(None);
        };
        let mut config = local_config(dir)?;
        Ok(Some(Self {
            top,
            tag: config.remove(TAG_KEY),
            driver: config.remove(DRIVER_KEY),
            head_driver: config.remove(HEAD_DRIVER_KEY),
            claim: config.remove(CLAIM_KEY),
        }))
    }
}

/// Runs `git -C dir args…`; its standard output when it exits 0, `None`
/// when it exits 1 (git's "not found" for `config --get`).
fn git(dir: &Path, args: &[&str]) -> Result<Option<String>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|source| GitError::Start { source })?;
    match out.status.code() {
        Some(0) => Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned())),
        Some(1) => Ok(None),
        _ => Err(GitError::Failed {
            args: args.join(" "),
            dir: dir.to_path_buf(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }),
    }
}

/// The top folder of the git work tree `dir` is in; `None` when it is in
/// none (or in a bare repository, or git refuses it).
pub fn work_tree(dir: &Path) -> Result<Option<PathBuf>, GitError> {
    match git(dir, &["rev-parse", "--show-toplevel"]) {
        Ok(Some(top)) if !top.trim().is_empty() => Ok(Some(PathBuf::from(top.trim_end()))),
        Ok(_) | Err(GitError::Failed { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The clone's local configuration (`git config --local --list`), key to
/// value (the last value of a key given twice).
pub fn local_config(dir: &Path) -> Result<BTreeMap<String, String>, GitError> {
    let text = git(dir, &["config", "--local", "-z", "--list"])?.unwrap_or_default();
    Ok(text
        .split('\0')
        .filter_map(|item| {
            let (k, v) = item.split_once('\n').unwrap_or((item, ""));
            (!k.is_empty()).then(|| (k.to_string(), v.to_string()))
        })
        .collect())
}

/// Whether a rebase is under way in the clone `dir` is in: git then runs
/// a merge driver with the upstream as ours and the commit it replays (the
/// clone's own) as theirs.
pub fn rebasing(dir: &Path) -> bool {
    ["rebase-merge", "rebase-apply"].iter().any(|name| {
        git(dir, &["rev-parse", "--git-path", name])
            .ok()
            .flatten()
            .is_some_and(|p| dir.join(p.trim_end()).exists())
    })
}

/// Sets `key` to `value` in the clone's local configuration.
pub fn set_config(dir: &Path, key: &str, value: &str) -> Result<(), GitError> {
    git(dir, &["config", "--local", key, value])?.ok_or_else(|| GitError::Failed {
        args: format!("config --local {key}"),
        dir: dir.to_path_buf(),
        stderr: String::new(),
    })?;
    Ok(())
}

/// `path` quoted for the shell git runs a merge driver with: as it is
/// when it holds only safe characters, else in single quotes.
pub fn shell_quoted(path: &str) -> String {
    let safe = !path.is_empty()
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+,:@%".contains(&b));
    if safe {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_for_the_shell_only_when_it_needs_it() {
        assert_eq!(shell_quoted("/usr/local/bin/dpo"), "/usr/local/bin/dpo");
        assert_eq!(shell_quoted("/home/a b/dpo"), "'/home/a b/dpo'");
        assert_eq!(shell_quoted("/x/l'a/dpo"), r"'/x/l'\''a/dpo'");
        assert_eq!(shell_quoted("/x/$HOME"), "'/x/$HOME'");
    }

    #[test]
    fn the_tag_and_the_driver_are_read_from_the_clone_s_own_configuration() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = dir.path().join("registers");
        std::fs::create_dir_all(&ws).expect("mkdir");
        let init = Command::new("git")
            .args(["init", "-q"])
            .arg(dir.path())
            .status()
            .expect("git init");
        assert!(init.success());
        let clone = GitClone::of(&ws).expect("git").expect("a work tree");
        assert_eq!(
            (clone.tag, clone.driver, clone.head_driver),
            (None, None, None)
        );
        set_config(&ws, TAG_KEY, "gp").expect("set");
        set_config(&ws, DRIVER_KEY, "dpo journal merge %O %A %B %P").expect("set");
        let clone = GitClone::of(&ws).expect("git").expect("a work tree");
        assert_eq!(clone.tag.as_deref(), Some("gp"));
        assert_eq!(
            clone.driver.as_deref(),
            Some("dpo journal merge %O %A %B %P")
        );
        assert_eq!(
            clone.top.canonicalize().ok(),
            dir.path().canonicalize().ok()
        );
    }
}
