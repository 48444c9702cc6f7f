//! `dpo fate destroy … --via restic|borg`: the backup history destroyed
//! through the backup tool itself, with its own output as proof.
//!
//! The workflow lists the repository's backups with the tool's JSON
//! (`restic snapshots --json`, `borg list --json`), lists the selection
//! (`--host`/`--tag`/`--path` as restic reads them, `--glob-archives` as
//! borg reads it), deletes exactly the selected ones by id or name
//! (`restic forget` then `restic prune`; `borg delete` then `borg compact`,
//! without which borg 1.2 frees nothing), lists again, and records the
//! destruction (NIST SP 800-88 *clear*) only when every command exited 0
//! **and** the listing after shows none of the selected backups: an exit
//! code alone proves nothing (restic 0.14 `forget --host X` without a
//! policy exits 0 and deletes nothing). With `--crypto-erase`, for a
//! repository that holds only this controller's backups (its selection
//! must cover every backup listed), it destroys the repository's keys,
//! every copy of the key the operator names (each checked to be a key of
//! this repository; borg's key file in keyfile mode is required) and the
//! repository itself, checks that the tool can no longer open it
//! (*purge*), then removes the tool's local cache of it.
//!
//! Every check of the workspace is made before the intent; a failure after
//! it leaves the destruction interrupted with its evidence journaled
//! ([`BackupError::Unfinished`]), never "nothing written". The technique
//! and verification are worded from the record's facts ([`worded`]), so a
//! certificate says them in its own language.
//!
//! The listings and every command run — its arguments, exit code and
//! outputs, never a password: the tools read theirs from the environment
//! they inherit ([`runner`]) — are kept under
//! `evidence/fate/<controller>/<item>/destroy-<copy>-<time>/`, their SHA-256
//! in the destruction record ([`crate::model::BackupProof`]) and in its
//! journal entry. A failure records nothing as destroyed and says what
//! happened ([`BackupError`]: exit 1 when the backups were not destroyed,
//! 2 for a request that cannot be run).
//!
//! It is write-ahead ([`intent`]): the listings before and what is about to
//! be destroyed are kept and the intent journaled before the first deleting
//! command, so that a dpo killed between the deletion and its record leaves
//! an interrupted destruction, which `status` shows and the same command
//! takes up and records rather than starting over.
//!
//! The check itself ([`listing::compare`]) knows nothing of the tools: a
//! listing of another product, read into [`listing::Listed`] entries, is
//! checked the same way.

pub mod imported;
pub mod intent;
pub mod listing;
pub mod runner;

use std::path::{Path, PathBuf};

use super::destroy::{commit, prepare};
use super::{evidence_stem, DestroyRequest, Destroyed, FateError};
use crate::hashing::sha256_hex;
use crate::model::{
    BackupProduct, BackupProof, BackupTool, DestructionRecord, KeptFile, SanitizationMethod,
    Unopened,
};
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::workspace::{self, Act, Workspace, WorkspaceError, WorkspaceLock};
use intent::Intent;
use listing::Listed;
use runner::{mask, Ran, Runner};

/// What `dpo fate destroy --via` needs.
#[derive(Debug, Clone)]
pub struct BackupRequest {
    /// The item, the copy, the operator, the validator and the medium's
    /// fate (its method, technique, tool and verification are filled in
    /// from what the tool did).
    pub destroy: DestroyRequest,
    /// The tool.
    pub tool: BackupTool,
    /// The repository, as the tool takes it.
    pub repo: String,
    /// The selection of the controller's backups: each option and its
    /// value, given to the tool as typed.
    pub select: Vec<(Select, String)>,
    /// `Some`: crypto-erase the whole repository, with these other copies
    /// of its key (purge).
    pub crypto_erase: Option<Vec<PathBuf>>,
    /// The tool's folders that keep an entry per repository (its caches,
    /// `~/.cache/restic`, `~/.cache/borg`; borg's `~/.config/borg/security`),
    /// whose entry for the repository a crypto-erase removes too.
    pub caches: Vec<PathBuf>,
    /// True when a variable gives the tool its password (`RESTIC_PASSWORD`,
    /// `RESTIC_PASSWORD_FILE`, `RESTIC_PASSWORD_COMMAND`; `BORG_PASSPHRASE`,
    /// `BORG_PASSCOMMAND`, `BORG_PASSPHRASE_FD`): without one, borg would
    /// ask for it on the terminal, so nothing is run.
    pub password_set: bool,
}

/// An option that selects backups, of one tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    /// restic `--host`.
    Host,
    /// restic `--tag`.
    Tag,
    /// restic `--path`.
    Path,
    /// borg `--glob-archives`.
    GlobArchives,
}

impl Select {
    /// The option, as the tool takes it.
    pub fn flag(self) -> &'static str {
        match self {
            Self::Host => "--host",
            Self::Tag => "--tag",
            Self::Path => "--path",
            Self::GlobArchives => "--glob-archives",
        }
    }

    fn tool(self) -> BackupTool {
        match self {
            Self::GlobArchives => BackupTool::Borg,
            _ => BackupTool::Restic,
        }
    }
}

/// A destruction through a backup tool, recorded.
#[derive(Debug, Clone)]
pub struct BackupDestroyed {
    /// The record and whether the item is fingerprinted.
    pub destroyed: Destroyed,
    /// The evidence folder, relative to the workspace.
    pub evidence_dir: String,
    /// Backups that were not selected and are no longer listed.
    pub others_gone: Vec<String>,
    /// Backups that were not selected and are still listed.
    pub others_kept: usize,
    /// `Some`: an interrupted destruction taken up and completed.
    pub resumed: Option<Resumed>,
}

/// An interrupted destruction, taken up.
#[derive(Debug, Clone)]
pub struct Resumed {
    /// When its intent was journaled, in words.
    pub at: String,
    /// How many of the intended backups were still listed, and deleted by
    /// this run (0: the interrupted run had deleted them all).
    pub deleted_now: usize,
    /// For a crypto-erase: `Some(true)` when the interrupted run had
    /// already removed the repository (this run only proved it no longer
    /// opens), `Some(false)` when this run erased it.
    pub erased_before: Option<bool>,
}

/// What stops a destruction through a backup tool.
#[derive(Debug)]
pub enum BackupError {
    /// The item, the copy, the controller's choice or the fate file.
    Fate(FateError),
    /// The workspace: lock, journal, evidence files.
    Workspace(WorkspaceError),
    /// The options do not make a request that can be run (exit 2).
    Options(Msg),
    /// The tool cannot be started (exit 2).
    NotInstalled {
        /// The program.
        program: String,
        /// Why.
        why: String,
    },
    /// The selection matches no backup (exit 2).
    NothingSelected {
        /// The selection.
        selection: String,
        /// Backups in the repository.
        listed: usize,
    },
    /// A crypto-erase would destroy backups the selection leaves out (exit 2).
    OthersInRepository {
        /// The repository.
        repo: String,
        /// How many backups are not selected.
        others: usize,
    },
    /// A crypto-erase of something that is not a local repository of the tool (exit 2).
    NotARepository {
        /// The repository.
        repo: String,
        /// What is missing.
        why: String,
    },
    /// No variable gives the tool its password (exit 2).
    NoPassword {
        /// The tool.
        tool: BackupTool,
    },
    /// A key copy named by the operator is not a file (exit 2).
    KeyCopy {
        /// The path.
        path: PathBuf,
    },
    /// A command failed: nothing is recorded as destroyed (exit 1).
    Failed {
        /// The command that failed.
        failed: Box<Ran>,
        /// Every command run, in order.
        runs: Vec<Ran>,
        /// Selected backups the listing after still shows (when it could be taken).
        remaining: Option<usize>,
        /// True when the intent stays open: some may have been deleted.
        open: bool,
    },
    /// The listing could not be read (exit 1).
    Unreadable {
        /// The command.
        ran: Ran,
        /// Why.
        why: String,
    },
    /// Every command exited 0, yet selected backups are still listed (exit 1).
    Remaining {
        /// They.
        remaining: Vec<Listed>,
        /// Every command run.
        runs: Vec<Ran>,
        /// True when the intent stays open: some were deleted.
        open: bool,
    },
    /// An interrupted destruction of this copy asked for something else (exit 2).
    Interrupted {
        /// When its intent was journaled.
        at: String,
        /// Its options, to run it again.
        command: String,
    },
    /// An imported listing cannot be read (exit 2).
    Listing {
        /// The file.
        file: PathBuf,
        /// Where in it (0: the file itself).
        line: usize,
        /// Where in the line.
        column: usize,
        /// Why.
        why: Msg,
    },
    /// The selection, or one of its values, matches nothing in an imported
    /// listing before (exit 2).
    NoneInListing {
        /// The listing.
        file: PathBuf,
        /// The selection, or the value that matches nothing.
        selection: String,
        /// Restore points it lists.
        listed: usize,
    },
    /// An imported listing after still shows selected restore points (exit 1).
    StillListed {
        /// The listing.
        file: PathBuf,
        /// They.
        remaining: Vec<Listed>,
    },
    /// An imported listing after is empty although the listing before
    /// held restore points outside the selection (exit 2).
    EmptyAfter {
        /// The listing.
        file: PathBuf,
        /// Restore points outside the selection in the listing before.
        others: usize,
    },
    /// After a crypto-erase the tool still opens the repository (exit 1).
    StillOpens {
        /// The listing that succeeded.
        ran: Ran,
    },
    /// A key copy named by the operator is not a key of this repository (exit 2).
    ForeignKey {
        /// The path.
        path: PathBuf,
        /// The repository.
        repo: String,
        /// The tool.
        tool: BackupTool,
    },
    /// A borg repository whose key is kept outside it (`borg init -e
    /// keyfile`) and no `--key-copy` holds it (exit 2).
    KeyfileNotNamed {
        /// The repository.
        repo: String,
        /// Its id, which names its key file.
        id: String,
    },
    /// Something failed once the intent was journaled and the destruction
    /// had begun: it is not recorded, the evidence of what ran is kept and
    /// the destruction stays interrupted (exit 1).
    Unfinished {
        /// What failed.
        error: Box<BackupError>,
        /// The evidence folder, relative to the workspace.
        dir: String,
    },
    /// A key or the repository could not be destroyed (exit 1).
    Erase {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl From<FateError> for BackupError {
    fn from(e: FateError) -> Self {
        BackupError::Fate(e)
    }
}

impl From<WorkspaceError> for BackupError {
    fn from(e: WorkspaceError) -> Self {
        BackupError::Workspace(e)
    }
}

/// Each command run and its exit code, one a line.
fn runs_text(runs: &[Ran]) -> String {
    runs.iter()
        .map(|r| {
            let code = r
                .exit_code
                .map(|c| c.to_string())
                .unwrap_or_else(|| "signal".into());
            format!("\n  $ {} → {code}", r.line())
        })
        .collect()
}

/// Each backup, its date and label, one a line.
fn listed_lines(listed: &[Listed]) -> String {
    listed
        .iter()
        .map(|l| format!("\n  - {} {} {}", l.id, l.time, l.label))
        .collect()
}

impl BackupError {
    /// The exit code: 1 when backups were not destroyed as asked, 2 when
    /// the request could not be run.
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Failed { .. }
            | Self::Unreadable { .. }
            | Self::Remaining { .. }
            | Self::StillOpens { .. }
            | Self::StillListed { .. }
            | Self::Unfinished { .. }
            | Self::Erase { .. } => 1,
            _ => 2,
        }
    }

    /// The message and its hint, from the catalog (`None` for the errors
    /// of the workspace and the fate file, said by their own types).
    pub fn said(&self) -> Option<(Msg, Msg)> {
        let nothing = Msg::new("backup-nothing-recorded");
        Some(match self {
            Self::Fate(_) | Self::Workspace(_) | Self::Unfinished { .. } => return None,
            Self::Options(m) => (m.clone(), Msg::new("backup-options-hint")),
            Self::NotInstalled { program, why } => (
                Msg::new("backup-not-installed")
                    .arg("program", program.as_str())
                    .arg("why", why.as_str()),
                Msg::new("backup-not-installed-hint").arg("program", program.as_str()),
            ),
            Self::NothingSelected { selection, listed } => (
                Msg::new("backup-nothing-selected")
                    .arg("selection", selection.as_str())
                    .arg("n", *listed),
                Msg::new("backup-nothing-selected-hint"),
            ),
            Self::OthersInRepository { repo, others } => (
                Msg::new("backup-others-in-repository")
                    .arg("repo", repo.as_str())
                    .arg("n", *others),
                Msg::new("backup-others-in-repository-hint"),
            ),
            Self::NotARepository { repo, why } => (
                Msg::new("backup-not-a-repository")
                    .arg("repo", repo.as_str())
                    .arg("why", why.as_str()),
                Msg::new("backup-not-a-repository-hint"),
            ),
            Self::NoPassword { tool } => (
                Msg::new("backup-no-password").arg("tool", tool.program()),
                Msg::new("backup-no-password-hint").arg("tool", tool.program()),
            ),
            Self::KeyCopy { path } => (
                Msg::new("backup-key-copy").arg("path", path.display().to_string()),
                Msg::new("backup-key-copy-hint"),
            ),
            Self::ForeignKey { path, repo, tool } => (
                Msg::new("backup-foreign-key")
                    .arg("path", path.display().to_string())
                    .arg("repo", repo.as_str())
                    .arg("tool", tool.program()),
                Msg::new("backup-key-copy-hint"),
            ),
            Self::KeyfileNotNamed { repo, id } => (
                Msg::new("backup-keyfile-not-named")
                    .arg("repo", repo.as_str())
                    .arg("id", id.as_str()),
                Msg::new("backup-keyfile-not-named-hint").arg("id", id.as_str()),
            ),
            Self::Failed {
                failed,
                runs,
                remaining,
                open,
            } => (
                // All gone from the listing yet not freed: a run again would
                // select nothing, so say how to finish.
                Msg::new("backup-failed")
                    .arg("command", failed.line())
                    .arg(
                        "code",
                        failed
                            .exit_code
                            .map(|c| c.to_string())
                            .unwrap_or_else(|| "signal".into()),
                    )
                    .arg("error", failed.error_line())
                    .arg("runs", runs_text(runs))
                    .arg(
                        "after",
                        match remaining {
                            Some(n) => Msg::new("backup-after-remaining").arg("n", *n),
                            None => Msg::new("backup-after-unknown"),
                        },
                    ),
                if *open {
                    Msg::new("backup-intent-run-again")
                } else {
                    nothing
                },
            ),
            Self::Unreadable { ran, why } => (
                Msg::new("backup-unreadable")
                    .arg("command", ran.line())
                    .arg("why", why.as_str()),
                nothing,
            ),
            Self::Interrupted { at, command } => (
                Msg::new("backup-intent-other").arg("at", at.as_str()),
                Msg::new("backup-intent-other-hint").arg("command", command.as_str()),
            ),
            Self::Remaining {
                remaining,
                runs,
                open,
            } => (
                Msg::new("backup-remaining")
                    .arg("n", remaining.len())
                    .arg("ids", listed_lines(remaining))
                    .arg("runs", runs_text(runs)),
                if *open {
                    Msg::new("backup-intent-run-again")
                } else {
                    nothing
                },
            ),
            Self::Listing {
                file,
                line,
                column,
                why,
            } => (
                Msg::new(if *line == 0 {
                    "imports-unreadable-file"
                } else {
                    "imports-unreadable"
                })
                .arg("file", file.display().to_string())
                .arg("line", *line)
                .arg("column", *column)
                .arg("why", why.clone()),
                Msg::new("imports-unreadable-hint"),
            ),
            Self::NoneInListing {
                file,
                selection,
                listed,
            } => (
                Msg::new("imports-nothing-selected")
                    .arg("file", file.display().to_string())
                    .arg("selection", selection.as_str())
                    .arg("n", *listed),
                Msg::new("imports-nothing-selected-hint"),
            ),
            Self::StillListed { file, remaining } => (
                Msg::new("imports-remaining")
                    .arg("file", file.display().to_string())
                    .arg("n", remaining.len())
                    .arg("ids", listed_lines(remaining)),
                Msg::new("imports-nothing-recorded").arg("n", remaining.len()),
            ),
            Self::EmptyAfter { file, others } => (
                Msg::new("imports-empty-after")
                    .arg("file", file.display().to_string())
                    .arg("n", *others),
                Msg::new("imports-empty-after-hint"),
            ),
            Self::StillOpens { ran } => (
                Msg::new("backup-still-opens").arg("command", ran.line()),
                nothing,
            ),
            Self::Erase { path, source } => (
                Msg::new("backup-erase")
                    .arg("path", path.display().to_string())
                    .arg("why", source.to_string()),
                nothing,
            ),
        })
    }
}

impl BackupError {
    /// What failed, without what the error would say of the workspace
    /// (« rien n'a été écrit »): for a failure after the destruction began.
    fn cause(&self, s: &Catalog) -> String {
        use crate::workspace::WorkspaceError::Unvouched;
        match self {
            Self::Workspace(Unvouched { file, message })
            | Self::Fate(FateError::Write(Unvouched { file, message })) => s.msg(
                &Msg::new("backup-cause-unvouched")
                    .arg("file", file.as_str())
                    .arg("message", message.msg.clone()),
            ),
            Self::Unfinished { error, .. } => error.cause(s),
            e => match e.said() {
                Some((m, _)) => s.msg(&m),
                None => e.message(s),
            },
        }
    }
}

impl Localize for BackupError {
    fn message(&self, s: &Catalog) -> String {
        if let Self::Unfinished { error, dir } = self {
            return format!(
                "{}\n  {}",
                s.msg(
                    &Msg::new("backup-unfinished")
                        .arg("error", error.cause(s))
                        .arg("dir", dir.as_str())
                ),
                s.fmt(
                    "cli-hint",
                    &[("hint", s.msg(&Msg::new("backup-intent-run-again")).into())]
                )
            );
        }
        match (self, self.said()) {
            (_, Some((m, hint))) => format!(
                "{}\n  {}",
                s.msg(&m),
                s.fmt("cli-hint", &[("hint", s.msg(&hint).into())])
            ),
            (Self::Fate(e), None) => e.message(s),
            (Self::Workspace(e), None) => e.message(s),
            (e, None) => s.relabel_hints(&e.to_string()),
        }
    }
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Fate(e) => e.fmt(f),
            Self::Workspace(e) => e.fmt(f),
            _ => f.write_str(&self.message(&Catalog::of(crate::model::Lang::En))),
        }
    }
}

impl std::error::Error for BackupError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Fate(e) => e.source(),
            Self::Workspace(e) => e.source(),
            // What the system said of what failed (a fate file that cannot
            // be written: « permission refusée »), after the message.
            Self::Unfinished { error, .. } => error.source(),
            _ => None,
        }
    }
}

/// The tool's commands, for one repository.
struct Tool<'a> {
    tool: BackupTool,
    repo: &'a str,
    runner: &'a dyn Runner,
    runs: Vec<Ran>,
    /// Once the intent is journaled: where each command is kept before it
    /// runs and after.
    log: Option<Log<'a>>,
}

/// The write-ahead of the commands run after the intent ([`intent`]):
/// `commands.json` rewritten and journaled before each command and after.
struct Log<'a> {
    ws: &'a Workspace,
    lock: &'a WorkspaceLock,
    act: &'a Act,
    subject: String,
    dir: String,
}

impl Log<'_> {
    /// Keeps `runs` as `commands.json` and journals it.
    fn write(&self, runs: &[Ran]) -> Result<KeptFile, BackupError> {
        let bytes = commands_json(runs)?;
        let kept = keep(self.ws, self.lock, &self.dir, intent::COMMANDS_FILE, &bytes)?;
        self.ws.journal().append(
            self.lock,
            self.act.now,
            &self.act.actor,
            intent::COMMANDS,
            &self.subject,
            &bytes,
        )?;
        Ok(kept)
    }
}

/// `runs` as kept in `commands.json`.
fn commands_json(runs: &[Ran]) -> Result<Vec<u8>, BackupError> {
    let mut bytes =
        serde_json::to_vec_pretty(runs).map_err(|e| FateError::Serialize(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// What the environment of a borg command adds: never a question asked.
/// `TZ=UTC`: borg's JSON says its times in local time with no offset; in
/// UTC, they are read with theirs ([`listing::borg`]).
const BORG_ENV: [(&str, &str); 3] = [
    ("BORG_RELOCATED_REPO_ACCESS_IS_OK", "no"),
    ("BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK", "no"),
    ("TZ", "UTC"),
];

impl Tool<'_> {
    fn run(&mut self, args: Vec<String>) -> Result<Ran, BackupError> {
        let program = self.tool.program();
        let env: &[(&str, &str)] = match self.tool {
            BackupTool::Restic => &[],
            BackupTool::Borg => &BORG_ENV,
        };
        if let Some(log) = &self.log {
            let mut runs = self.runs.clone();
            runs.push(Ran::started(program, &args));
            log.write(&runs)?;
        }
        let ran = self.runner.run(program, &args, env);
        if let Ok(ran) = &ran {
            self.runs.push(ran.clone());
        }
        if let Some(log) = &self.log {
            log.write(&self.runs)?;
        }
        let ran = ran.map_err(|e| BackupError::NotInstalled {
            program: program.into(),
            why: e.to_string(),
        })?;
        Ok(ran)
    }

    /// Runs `args`; a non-zero exit is [`BackupError::Failed`].
    fn must(&mut self, args: Vec<String>) -> Result<Ran, BackupError> {
        let ran = self.run(args)?;
        if ran.ok() {
            Ok(ran)
        } else {
            Err(BackupError::Failed {
                failed: Box::new(ran),
                runs: self.runs.clone(),
                remaining: None,
                open: false,
            })
        }
    }

    /// `restic version` / `borg --version`: "restic 0.14.0".
    fn version(&mut self) -> Result<String, BackupError> {
        let arg = match self.tool {
            BackupTool::Restic => "version",
            BackupTool::Borg => "--version",
        };
        let ran = self.must(vec![arg.into()])?;
        let words: Vec<&str> = ran.stdout.split_whitespace().take(2).collect();
        Ok(words.join(" "))
    }

    /// The listing command, with the selection `filter` (options of the tool).
    fn list_args(&self, filter: &[String]) -> Vec<String> {
        let repo = self.repo.to_string();
        match self.tool {
            BackupTool::Restic => {
                let mut a: Vec<String> = ["-r", &repo, "snapshots", "--json", "--no-lock"]
                    .map(String::from)
                    .to_vec();
                a.extend(filter.iter().cloned());
                a
            }
            BackupTool::Borg => {
                let mut a: Vec<String> = ["list", "--json", "--bypass-lock"]
                    .map(String::from)
                    .to_vec();
                a.extend(filter.iter().cloned());
                a.extend(["--".into(), repo]);
                a
            }
        }
    }

    /// The listing with `filter`, read; the command's output is kept too.
    fn list(&mut self, filter: &[String]) -> Result<(Vec<Listed>, Ran), BackupError> {
        let ran = self.must(self.list_args(filter))?;
        let read = match self.tool {
            BackupTool::Restic => listing::restic(&ran.stdout),
            BackupTool::Borg => listing::borg(&ran.stdout),
        };
        read.map(|l| (l, ran.clone()))
            .map_err(|why| BackupError::Unreadable { ran, why })
    }

    /// Removes the locks a killed run of the tool left: `restic unlock`
    /// removes only those of a process that no longer runs (borg 1.2 does
    /// so by itself).
    fn unlock_stale(&mut self) -> Result<(), BackupError> {
        if self.tool == BackupTool::Restic {
            self.must(vec!["-r".into(), self.repo.to_string(), "unlock".into()])?;
        }
        Ok(())
    }

    /// Deletes `selected` and frees their space (only frees it when
    /// `selected` is empty: `borg delete` without an archive deletes the
    /// whole repository).
    fn delete(&mut self, selected: &[Listed]) -> Result<(), BackupError> {
        let repo = self.repo.to_string();
        match self.tool {
            BackupTool::Restic => {
                if !selected.is_empty() {
                    let mut a: Vec<String> = vec!["-r".into(), repo.clone(), "forget".into()];
                    a.extend(selected.iter().map(|l| l.id.clone()));
                    self.must(a)?;
                }
                self.must(vec!["-r".into(), repo, "prune".into()])?;
            }
            BackupTool::Borg => {
                if !selected.is_empty() {
                    let mut a: Vec<String> = vec!["delete".into(), "--".into(), repo.clone()];
                    a.extend(selected.iter().map(|l| l.label.clone()));
                    self.must(a)?;
                }
                self.must(vec!["compact".into(), "--".into(), repo])?;
            }
        }
        Ok(())
    }
}

/// The selection options as the tool takes them, and as the record says them.
fn selection(req: &BackupRequest) -> Result<(Vec<String>, String), BackupError> {
    if let Some((by, _)) = req.select.iter().find(|(by, _)| by.tool() != req.tool) {
        return Err(BackupError::Options(Msg::new(match by {
            Select::GlobArchives => "backup-glob-is-borg",
            _ => "backup-host-is-restic",
        })));
    }
    if req.select.iter().any(|(_, v)| v.trim().is_empty()) {
        return Err(BackupError::Options(Msg::new("backup-empty-selection")));
    }
    // A crypto-erase too: the selection is what proves the repository
    // holds only this controller's backups.
    if req.select.is_empty() {
        return Err(BackupError::Options(
            Msg::new("backup-no-selection").arg("tool", req.tool.program()),
        ));
    }
    let filter = req
        .select
        .iter()
        .flat_map(|(by, v)| [by.flag().to_string(), v.clone()])
        .collect();
    let said = req
        .select
        .iter()
        .map(|(by, v)| format!("{} {}", by.flag(), super::certificate::shell_word(v)))
        .collect::<Vec<_>>()
        .join(" ");
    Ok((filter, said))
}

/// The local folder of the repository, for a crypto-erase: refused unless
/// it is one, and one of the tool's (restic: `config` and `keys/`; borg:
/// `config` and the `README` borg writes). Returns it and its key files.
fn local_repository(tool: BackupTool, repo: &str) -> Result<(PathBuf, Vec<PathBuf>), BackupError> {
    let not = |why: &str| BackupError::NotARepository {
        repo: mask(repo),
        why: why.into(),
    };
    let path = match tool {
        BackupTool::Restic => repo.strip_prefix("local:").unwrap_or(repo),
        BackupTool::Borg => repo.strip_prefix("file://").unwrap_or(repo),
    };
    let remote = match tool {
        // restic backends are `sftp:`, `rest:`, `s3:`…; a local path has
        // no colon before its first slash.
        BackupTool::Restic => path.split('/').next().is_some_and(|h| h.contains(':')),
        BackupTool::Borg => {
            path.contains("://") || path.split('/').next().is_some_and(|h| h.contains(':'))
        }
    };
    if remote || path.is_empty() {
        return Err(not("not a local folder"));
    }
    // Through a symbolic link, the folder erased and checked gone is the
    // one it leads to, not the link.
    let dir = std::fs::canonicalize(path).map_err(|_| not("no such folder"))?;
    if !dir.join("config").is_file() {
        return Err(not("no `config` file"));
    }
    let keys = match tool {
        BackupTool::Restic => {
            let k = dir.join("keys");
            let entries = std::fs::read_dir(&k).map_err(|_| not("no `keys` folder"))?;
            let mut keys: Vec<PathBuf> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            keys.sort();
            if keys.is_empty() {
                return Err(not("no key in `keys`"));
            }
            keys
        }
        BackupTool::Borg => {
            let readme = std::fs::read_to_string(dir.join("README")).unwrap_or_default();
            if !readme.starts_with("This is a Borg Backup repository") {
                return Err(not("no borg `README`"));
            }
            // In repokey mode the key is in `config`; in keyfile mode it
            // is outside the repository, and must be named (`--key-copy`).
            let config = std::fs::read_to_string(dir.join("config")).unwrap_or_default();
            if borg_config(&config, "key").is_some_and(|k| !k.is_empty()) {
                vec![dir.join("config")]
            } else {
                Vec::new()
            }
        }
    };
    Ok((dir, keys))
}

/// The value of `name` in borg's repository `config` (an INI file; a
/// value continued on indented lines is joined).
fn borg_config(config: &str, name: &str) -> Option<String> {
    let mut lines = config.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if line.starts_with(char::is_whitespace) || k.trim() != name {
            continue;
        }
        let mut value = v.trim().to_string();
        while let Some(more) = lines.next_if(|l| l.starts_with(char::is_whitespace)) {
            value.push_str(more.trim());
        }
        return Some(value);
    }
    None
}

/// Refuses a `--key-copy` that is not a key of the repository in `dir`:
/// restic's are copies of a file of its `keys/` folder (same bytes); a
/// borg key (a key file, or `borg key export`) starts with `BORG_KEY`
/// and the repository's id, from its `config`.
fn check_key_copy(
    tool: BackupTool,
    repo: &str,
    dir: &Path,
    keys: &[PathBuf],
    copy: &Path,
) -> Result<(), BackupError> {
    let foreign = || BackupError::ForeignKey {
        path: copy.to_path_buf(),
        repo: mask(repo),
        tool,
    };
    let bytes = std::fs::read(copy).map_err(|_| BackupError::KeyCopy {
        path: copy.to_path_buf(),
    })?;
    let ours = match tool {
        BackupTool::Restic => keys
            .iter()
            .any(|k| std::fs::read(k).is_ok_and(|b| b == bytes)),
        BackupTool::Borg => {
            let config = std::fs::read_to_string(dir.join("config")).unwrap_or_default();
            let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
            borg_config(&config, "id").is_some_and(|id| {
                !id.is_empty() && String::from_utf8_lossy(first).trim() == format!("BORG_KEY {id}")
            })
        }
    };
    if ours {
        Ok(())
    } else {
        Err(foreign())
    }
}

/// Overwrites a key file with zeros, flushes it to disk and removes it.
fn destroy_key(path: &Path) -> Result<(), BackupError> {
    use std::io::Write;
    let erase = |source| BackupError::Erase {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(erase)?.len();
    // restic writes its key files read-only (0400): make it writable first.
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(erase)?;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(erase)?;
    f.write_all(&vec![0u8; usize::try_from(len).unwrap_or(0)])
        .and_then(|()| f.sync_all())
        .map_err(erase)?;
    drop(f);
    std::fs::remove_file(path).map_err(erase)
}

/// A file of the evidence folder: written under the lock (noted first, so
/// the journal entry that records the destruction covers it).
fn keep(
    ws: &Workspace,
    lock: &WorkspaceLock,
    dir: &str,
    name: &str,
    bytes: &[u8],
) -> Result<KeptFile, BackupError> {
    let rel = format!("{dir}/{name}");
    let sha256 = sha256_hex(bytes);
    // A file kept again (`commands.json`) is put back as it was journaled,
    // not removed, should this write be rolled back.
    let before = std::fs::read_to_string(ws.root.join(&rel)).ok();
    lock.intend(&rel, before, sha256.clone())?;
    workspace::write_atomic(&ws.root.join(&rel), bytes)?;
    Ok(KeptFile { file: rel, sha256 })
}

/// The listings before, the selection and what is about to be destroyed,
/// kept in a fresh evidence folder with their intent, and the intent
/// journaled ([`intent`]): from here on, whatever happens is traced.
struct Fresh<'r> {
    req: &'r BackupRequest,
    filter: Vec<String>,
    said: String,
    stem: String,
}

impl Fresh<'_> {
    fn write_ahead(
        &self,
        ws: &Workspace,
        lock: &WorkspaceLock,
        tool: &mut Tool<'_>,
    ) -> Result<Intent, BackupError> {
        let req = self.req;
        let key_copies = req.crypto_erase.as_deref().unwrap_or_default();
        let local = match req.crypto_erase {
            Some(_) => Some(local_repository(req.tool, &req.repo)?),
            None => None,
        };
        if let Some(p) = key_copies.iter().find(|p| !p.is_file()) {
            return Err(BackupError::KeyCopy { path: p.clone() });
        }
        if let Some((dir, keys)) = &local {
            for copy in key_copies {
                check_key_copy(req.tool, &req.repo, dir, keys, copy)?;
            }
            // borg keyfile mode: the repository holds no key, the key
            // file does; without it the erase would prove nothing.
            if keys.is_empty() && key_copies.is_empty() {
                let config = std::fs::read_to_string(dir.join("config")).unwrap_or_default();
                return Err(BackupError::KeyfileNotNamed {
                    repo: mask(&req.repo),
                    id: borg_config(&config, "id").unwrap_or_default(),
                });
            }
        }
        let (before, before_ran) = tool.list(&[])?;
        let (selected, selected_ran) = if self.filter.is_empty() {
            (before.clone(), None)
        } else {
            let (l, r) = tool.list(&self.filter)?;
            (l, Some(r))
        };
        if selected.is_empty() {
            return Err(BackupError::NothingSelected {
                selection: self.said.clone(),
                listed: before.len(),
            });
        }
        let mut erase = Vec::new();
        if let Some((dir, keys)) = &local {
            if selected.len() != before.len() {
                return Err(BackupError::OthersInRepository {
                    repo: mask(&req.repo),
                    others: before.len() - selected.len(),
                });
            }
            // The copies named by the operator first: the repository still
            // opens should one of them fail.
            erase.extend(
                key_copies
                    .iter()
                    .chain(keys)
                    .map(|k| k.display().to_string()),
            );
            erase.push(dir.display().to_string());
        }
        let caches = match &local {
            Some((dir, _)) if !req.caches.is_empty() => {
                let id = match req.tool {
                    BackupTool::Borg => {
                        let config =
                            std::fs::read_to_string(dir.join("config")).unwrap_or_default();
                        borg_config(&config, "id").unwrap_or_default()
                    }
                    // restic's `config` is encrypted: restic says its id.
                    BackupTool::Restic => {
                        let ran = tool.must(vec![
                            "-r".into(),
                            req.repo.clone(),
                            "cat".into(),
                            "config".into(),
                        ])?;
                        serde_json::from_str::<serde_json::Value>(&ran.stdout)
                            .ok()
                            .and_then(|v| v["id"].as_str().map(str::to_string))
                            .unwrap_or_default()
                    }
                };
                req.caches
                    .iter()
                    .map(|base| base.join(&id))
                    .filter(|c| !id.is_empty() && !id.contains('/') && c.is_dir())
                    .map(|c| c.display().to_string())
                    .collect()
            }
            _ => Vec::new(),
        };
        let dir = workspace::fresh_name(&ws.root, &self.stem, "");
        let mut evidence = vec![keep(
            ws,
            lock,
            &dir,
            "before.json",
            before_ran.stdout.as_bytes(),
        )?];
        if let Some(r) = &selected_ran {
            evidence.push(keep(ws, lock, &dir, "selected.json", r.stdout.as_bytes())?);
        }
        let planned = Intent {
            tool: req.tool.program().into(),
            repository: mask(&req.repo),
            selection: self.said.clone(),
            crypto_erase: local.is_some(),
            before,
            selected,
            erase,
            caches,
            runs: tool.runs.clone(),
            evidence,
            dir,
        };
        Ok(planned)
    }
}

/// An interrupted destruction taken up: the kept intent, when it asks for
/// what this request asks (otherwise [`BackupError::Interrupted`]).
fn take_up(
    ws: &Workspace,
    req: &BackupRequest,
    said: &str,
    earlier: &intent::Interrupted,
) -> Result<Intent, BackupError> {
    let kept = earlier.read(ws)?;
    if kept.tool != req.tool.program()
        || kept.repository != mask(&req.repo)
        || kept.selection != said
        || kept.crypto_erase != req.crypto_erase.is_some()
    {
        return Err(BackupError::Interrupted {
            at: intent::said_at(ws, &earlier.at),
            command: kept.options(),
        });
    }
    Ok(kept)
}

/// The technique, verification and tool of a destruction whose backups a
/// tool listed, worded in the language of `s` from the record's facts
/// ([`BackupProof`]): recorded so, and said so again by a certificate in
/// its own language, whatever the language of the run that recorded it.
/// What the facts of a record written before they were kept do not give
/// (the proof of a purge) is said as written.
pub fn worded(d: &DestructionRecord, s: &Catalog) -> DestructionRecord {
    let mut d = d.clone();
    let Some(b) = &d.backups else { return d };
    let program = match b.tool {
        BackupProduct::Restic => "restic",
        BackupProduct::Borg => "borg",
        p => p.name(),
    };
    let n = b.deleted.len();
    // Every backup listed after is one that was not selected.
    let kept = b.listed_after;
    if b.imported {
        d.technique = s.msg(&Msg::new("imports-technique").arg("product", program));
        d.verification = s.msg(
            &Msg::new("imports-verification")
                .arg("product", program)
                .arg("n", n)
                .arg("kept", kept),
        );
        let unknown = Msg::new("imports-tool-unknown").arg("product", program);
        let said = |l| Catalog::of(l).msg(&unknown);
        if [crate::model::Lang::Fr, crate::model::Lang::En]
            .into_iter()
            .any(|l| said(l) == d.tool)
        {
            d.tool = s.msg(&unknown);
        }
    } else if b.crypto_erase {
        d.technique = s.msg(
            &Msg::new("backup-technique-crypto-erase")
                .arg("program", program)
                .arg("keys", b.keys_destroyed.len()),
        );
        if let Some(u) = &b.unopened {
            d.verification = s.msg(
                &Msg::new("backup-verification-purge")
                    .arg("command", u.command.as_str())
                    .arg("error", u.error.as_str())
                    .arg(
                        "folder",
                        u.folder_removed.as_deref().map_or(String::new(), |f| {
                            s.msg(&Msg::new("backup-verification-folder").arg("folder", f))
                        }),
                    ),
            );
        }
    } else {
        d.technique = s.msg(&Msg::new(match b.tool {
            BackupProduct::Borg => "backup-technique-borg",
            _ => "backup-technique-restic",
        }));
        d.verification = s.msg(
            &Msg::new("backup-verification-clear")
                .arg("program", program)
                .arg("n", n)
                .arg("kept", kept),
        );
    }
    d
}

/// Deletes the selected backups through the tool (or crypto-erases the
/// repository), proves it from the tool's listings, keeps the evidence and
/// records the destruction — write-ahead: the intent is journaled before
/// the first deleting command, and an interrupted destruction of the same
/// copy is taken up rather than started over ([`intent`]).
pub fn destroy_via(
    ws: &Workspace,
    act: &Act,
    req: &BackupRequest,
    s: &Catalog,
    runner: &dyn Runner,
) -> Result<BackupDestroyed, BackupError> {
    let (filter, said) = selection(req)?;
    if req.repo.trim().is_empty() {
        return Err(BackupError::Options(Msg::new("backup-no-repo")));
    }
    if !req.password_set {
        return Err(BackupError::NoPassword { tool: req.tool });
    }
    let (f, mut record) = prepare(ws, act, &req.destroy)?;
    // Held from the first listing to the record: one dpo at a time
    // destroys. Taken before the journal is read: taking it sets right what
    // a dpo killed mid-way left (a head one entry behind its intent).
    let lock = ws.lock()?;
    // Every check of the workspace before anything is listed or deleted:
    // the fate file that the record is appended to must be the one the
    // journal vouches for, or the record could not be written after the
    // deletion.
    workspace::integrity::require_vouched(&ws.root, &f.rel())?;
    let subject = intent::subject(
        f.controller.as_str(),
        record.item.as_str(),
        record.copy.as_str(),
    );
    let earlier = intent::interrupted(ws)?
        .into_iter()
        .find(|i| i.subject == subject);
    let mut tool = Tool {
        tool: req.tool,
        repo: &req.repo,
        runner,
        runs: Vec::new(),
        log: None,
    };
    let log = |dir: &str| Log {
        ws,
        lock: &lock,
        act,
        subject: subject.clone(),
        dir: dir.to_string(),
    };
    let (planned, intent_file, resumed_at, version) = match &earlier {
        Some(e) => {
            let kept = take_up(ws, req, &said, e)?;
            // Every command the interrupted runs ran, the last one's
            // unfinished if it was killed during it.
            tool.runs = e.commands(ws)?.unwrap_or_else(|| kept.runs.clone());
            tool.log = Some(log(&kept.dir));
            let version = tool.version();
            let file = KeptFile {
                file: e.file.clone(),
                sha256: e.sha256.clone(),
            };
            (kept, file, Some(intent::said_at(ws, &e.at)), version)
        }
        None => {
            let version = tool.version()?;
            let fresh = Fresh {
                req,
                filter,
                said: said.clone(),
                stem: evidence_stem(
                    &f.controller,
                    Some(&record.item),
                    &format!("destroy-{}", record.copy),
                    record.recorded_at,
                ),
            };
            let planned = fresh.write_ahead(ws, &lock, &mut tool)?;
            let mut bytes = serde_json::to_vec_pretty(&planned)
                .map_err(|e| FateError::Serialize(e.to_string()))?;
            bytes.push(b'\n');
            let file = keep(ws, &lock, &planned.dir, intent::FILE, &bytes)?;
            ws.journal()
                .append(&lock, act.now, &act.actor, intent::ACTION, &subject, &bytes)?;
            tool.log = Some(log(&planned.dir));
            (planned, file, None, Ok(version))
        }
    };
    // From here on the intent is journaled: whatever fails leaves the
    // destruction interrupted, never "nothing written".
    let done = (|| -> Result<BackupDestroyed, BackupError> {
        let version = version?;
        // Nothing deleted: the intent is closed, a run again starts over.
        let close = |remaining: usize| -> Result<(), BackupError> {
            if remaining == planned.selected.len() {
                let bytes = std::fs::read(ws.root.join(&intent_file.file)).unwrap_or_default();
                ws.journal().append(
                    &lock,
                    act.now,
                    &act.actor,
                    intent::FAILED,
                    &subject,
                    &bytes,
                )?;
            }
            Ok(())
        };
        let (before, selected) = (&planned.before, &planned.selected);
        let repo = mask(&req.repo);
        let mut keys_destroyed = Vec::new();
        let mut done_now = selected.len();
        let mut erased_before = None;
        let (after, after_ran, compared) = match planned.erase.split_last() {
            None => {
                // Taken up: only the intended backups still listed are deleted.
                let targets: Vec<Listed> = if resumed_at.is_some() {
                    tool.unlock_stale()?;
                    let (listed, _) = tool.list(&[])?;
                    selected
                        .iter()
                        .filter(|s| listed.iter().any(|l| l.id == s.id))
                        .cloned()
                        .collect()
                } else {
                    selected.clone()
                };
                done_now = targets.len();
                if let Err(e) = tool.delete(&targets) {
                    // Say how far it went: how many selected are still listed.
                    let remaining = tool.list(&[]).ok().map(|(after, _)| {
                        listing::compare(before, selected, &after).remaining.len()
                    });
                    if let Some(n) = remaining {
                        close(n)?;
                    }
                    return Err(match e {
                        BackupError::Failed { failed, .. } => BackupError::Failed {
                            failed,
                            runs: tool.runs.clone(),
                            remaining,
                            open: remaining != Some(selected.len()),
                        },
                        e => e,
                    });
                }
                let (after, ran) = tool.list(&[])?;
                let compared = listing::compare(before, selected, &after);
                if !compared.deleted() {
                    let mut remaining = compared.remaining;
                    remaining.extend(compared.unknown);
                    close(remaining.len())?;
                    return Err(BackupError::Remaining {
                        open: remaining.len() != selected.len(),
                        remaining,
                        runs: tool.runs.clone(),
                    });
                }
                (after.len(), ran, Some(compared))
            }
            Some((dir, keys)) => {
                let dir = PathBuf::from(dir);
                if resumed_at.is_some() {
                    erased_before = Some(!dir.exists());
                }
                // Taken up: the files an earlier run destroyed are gone.
                for k in keys.iter().map(PathBuf::from) {
                    if resumed_at.is_none() || k.exists() {
                        destroy_key(&k)?;
                    }
                    keys_destroyed.push(k.display().to_string());
                }
                if resumed_at.is_none() || dir.exists() {
                    std::fs::remove_dir_all(&dir).map_err(|source| BackupError::Erase {
                        path: dir.clone(),
                        source,
                    })?;
                }
                // The proof: the tool can no longer open it.
                let ran = tool.run(tool.list_args(&[]))?;
                if ran.ok() || dir.exists() {
                    return Err(BackupError::StillOpens { ran });
                }
                // Then the tool's local cache of it, which the listing
                // that failed did not recreate.
                for c in planned.caches.iter().map(PathBuf::from) {
                    if c.exists() {
                        std::fs::remove_dir_all(&c).map_err(|source| BackupError::Erase {
                            path: c.clone(),
                            source,
                        })?;
                    }
                }
                (0, ran, None)
            }
        };
        // The evidence, then the record, under the same journal entry.
        let dir = planned.dir.clone();
        let crypto = planned.crypto_erase;
        let mut evidence = planned.evidence.clone();
        evidence.push(intent_file.clone());
        let after_name = if crypto { "after.txt" } else { "after.json" };
        let after_text = if crypto {
            format!("{}\n{}", after_ran.line(), after_ran.stderr)
        } else {
            after_ran.stdout.clone()
        };
        evidence.push(keep(ws, &lock, &dir, after_name, after_text.as_bytes())?);
        let commands = commands_json(&tool.runs)?;
        evidence.push(keep(ws, &lock, &dir, intent::COMMANDS_FILE, &commands)?);
        record.method = if crypto {
            SanitizationMethod::Purge
        } else {
            SanitizationMethod::Clear
        };
        record.tool = version;
        record.backups = Some(BackupProof {
            tool: req.tool.into(),
            imported: false,
            repository: repo,
            selection: said.clone(),
            crypto_erase: crypto,
            listed_before: before.len() as u64,
            listed_after: after as u64,
            deleted: selected.iter().map(Into::into).collect(),
            keys_destroyed,
            unopened: crypto.then(|| {
                Box::new(Unopened {
                    command: after_ran.line(),
                    error: after_ran.error_line(),
                    caches_removed: planned.caches.clone(),
                    folder_removed: planned.erase.last().cloned(),
                })
            }),
            evidence,
        });
        let destroyed = commit(ws, &lock, &f, act, worded(&record, s))?;
        let (others_gone, others_kept) = match compared {
            Some(c) => (
                c.others_gone.iter().map(|l| l.id.clone()).collect(),
                c.others_kept,
            ),
            None => (Vec::new(), 0),
        };
        Ok(BackupDestroyed {
            destroyed,
            evidence_dir: dir,
            others_gone,
            others_kept,
            resumed: resumed_at.clone().map(|at| Resumed {
                at,
                deleted_now: done_now,
                erased_before,
            }),
        })
    })();
    done.map_err(|e| unfinished(ws, &lock, &f.rel(), &subject, &tool, &planned.dir, e))
}

/// A failure once the intent is journaled. When the intent is still open
/// (something may have been deleted), the evidence kept since the last
/// journal entry (the listing after, the commands) is journaled rather than
/// left for the recovery to roll back — unless the fate file itself was
/// written, which the recovery must put back — and the error says that the
/// destruction stays interrupted.
fn unfinished(
    ws: &Workspace,
    lock: &WorkspaceLock,
    fate_rel: &str,
    subject: &str,
    tool: &Tool<'_>,
    dir: &str,
    e: BackupError,
) -> BackupError {
    let open = intent::interrupted(ws)
        .map(|i| i.iter().any(|i| i.subject == subject))
        .unwrap_or(true);
    if !open {
        return e;
    }
    let pending = lock.pending_writes();
    if !pending.is_empty() && pending.iter().all(|w| w.file != fate_rel) {
        if let Some(log) = &tool.log {
            // Best effort: the error said is the one that stopped the run.
            let _ = log.write(&tool.runs);
        }
    }
    match e {
        BackupError::Failed {
            failed,
            runs,
            remaining,
            ..
        } => BackupError::Failed {
            failed,
            runs,
            remaining,
            open: true,
        },
        BackupError::Remaining {
            remaining, runs, ..
        } => BackupError::Remaining {
            remaining,
            runs,
            open: true,
        },
        e => BackupError::Unfinished {
            error: Box::new(e),
            dir: dir.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn request(tool: BackupTool, select: &[(Select, &str)]) -> BackupRequest {
        BackupRequest {
            destroy: DestroyRequest {
                controller: None,
                item: "sauvegardes".into(),
                copy: "depot".into(),
                method: SanitizationMethod::Clear,
                technique: String::new(),
                tool: String::new(),
                operator: "Bob".into(),
                at: None,
                verification: String::new(),
                validated_by: None,
                media_destination: None,
                backup: None,
            },
            tool,
            repo: "/srv/depot".into(),
            select: select.iter().map(|(b, v)| (*b, v.to_string())).collect(),
            crypto_erase: None,
            caches: Vec::new(),
            password_set: true,
        }
    }

    #[test]
    fn the_selection_is_passed_to_the_tool_as_typed_and_said_as_options() {
        let r = request(
            BackupTool::Restic,
            &[(Select::Host, "juvisy"), (Select::Tag, "ville juvisy")],
        );
        let (filter, said) = selection(&r).unwrap();
        assert_eq!(filter, ["--host", "juvisy", "--tag", "ville juvisy"]);
        assert_eq!(said, "--host juvisy --tag 'ville juvisy'");
        let b = request(BackupTool::Borg, &[(Select::GlobArchives, "juvisy-*")]);
        assert_eq!(selection(&b).unwrap().1, "--glob-archives 'juvisy-*'");
    }

    #[test]
    fn a_deletion_without_a_selection_or_with_the_other_tools_options_is_refused() {
        let none = selection(&request(BackupTool::Restic, &[])).unwrap_err();
        assert_eq!(none.exit_code(), 2);
        assert!(none.to_string().contains("--host"), "{none}");
        // A crypto-erase too: its selection proves the repository holds
        // nothing else.
        let mut whole = request(BackupTool::Restic, &[]);
        whole.crypto_erase = Some(Vec::new());
        assert!(matches!(selection(&whole), Err(BackupError::Options(_))));
        for (tool, by) in [
            (BackupTool::Borg, Select::Host),
            (BackupTool::Restic, Select::GlobArchives),
        ] {
            let e = selection(&request(tool, &[(by, "x")])).unwrap_err();
            assert!(matches!(e, BackupError::Options(_)), "{e}");
        }
        let blank = request(BackupTool::Restic, &[(Select::Host, " ")]);
        assert!(matches!(selection(&blank), Err(BackupError::Options(_))));
    }

    #[test]
    fn a_crypto_erase_is_only_of_a_local_folder_that_is_a_repository_of_the_tool() {
        for remote in [
            "sftp:host:/srv/r",
            "rest:https://h/r",
            "s3:s3.amazonaws.com/b",
        ] {
            let e = local_repository(BackupTool::Restic, remote).unwrap_err();
            assert!(matches!(e, BackupError::NotARepository { .. }), "{remote}");
        }
        for remote in ["ssh://borg@h/./r", "borg@h:r"] {
            assert!(
                local_repository(BackupTool::Borg, remote).is_err(),
                "{remote}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_str().unwrap().to_string();
        // A folder that is not a repository is never erased.
        assert!(local_repository(BackupTool::Restic, &p).is_err());
        std::fs::write(dir.path().join("config"), b"x").unwrap();
        assert!(local_repository(BackupTool::Restic, &p).is_err());
        assert!(local_repository(BackupTool::Borg, &p).is_err());
        std::fs::create_dir(dir.path().join("keys")).unwrap();
        std::fs::write(dir.path().join("keys/k1"), b"key").unwrap();
        let (d, keys) = local_repository(BackupTool::Restic, &format!("local:{p}")).unwrap();
        assert_eq!(d, dir.path());
        assert_eq!(keys, vec![dir.path().join("keys/k1")]);
        std::fs::write(
            dir.path().join("README"),
            b"This is a Borg Backup repository.\n",
        )
        .unwrap();
        // keyfile mode: no key in `config`.
        let (_, keys) = local_repository(BackupTool::Borg, &p).unwrap();
        assert!(keys.is_empty());
        std::fs::write(
            dir.path().join("config"),
            b"[repository]\nid = ab12\nkey = hqlh\n\tyjeT\n",
        )
        .unwrap();
        let (_, keys) = local_repository(BackupTool::Borg, &p).unwrap();
        assert_eq!(keys, vec![dir.path().join("config")]);
    }

    #[test]
    fn a_key_copy_must_be_a_key_of_the_repository() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("config"),
            "[repository]\nid = ab12\nkey = hq\n\tlh\n",
        )
        .unwrap();
        assert_eq!(
            borg_config("[r]\nid = ab12\nkey = hq\n\tlh\n", "key").unwrap(),
            "hqlh"
        );
        assert_eq!(borg_config("[r]\nid = ab12\n", "key"), None);
        let write = |name: &str, text: &str| {
            let p = d.join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let ours = write("ours", "BORG_KEY ab12\nhqlh\n");
        let theirs = write("theirs", "BORG_KEY cd34\nhqlh\n");
        let doc = write("doc", "précieux document\n");
        assert!(check_key_copy(BackupTool::Borg, "r", d, &[], &ours).is_ok());
        for p in [&theirs, &doc] {
            let e = check_key_copy(BackupTool::Borg, "r", d, &[], p).unwrap_err();
            assert!(matches!(e, BackupError::ForeignKey { .. }), "{e}");
            assert_eq!(e.exit_code(), 2);
        }
        let key = write("k1", "{\"kdf\":\"scrypt\"}");
        let copy = write("copy", "{\"kdf\":\"scrypt\"}");
        let keys = [key];
        assert!(check_key_copy(BackupTool::Restic, "r", d, &keys, &copy).is_ok());
        assert!(check_key_copy(BackupTool::Restic, "r", d, &keys, &doc).is_err());
    }

    /// Answers every command with exit 0 and notes it.
    struct Scripted(std::cell::RefCell<Vec<String>>);

    impl Runner for Scripted {
        fn run(
            &self,
            program: &str,
            args: &[String],
            _env: &[(&str, &str)],
        ) -> std::io::Result<Ran> {
            let mut command = vec![program.to_string()];
            command.extend(args.iter().cloned());
            self.0.borrow_mut().push(command.join(" "));
            Ok(Ran {
                command,
                exit_code: Some(0),
                stdout: String::new(),
                stderr: String::new(),
                unfinished: false,
            })
        }
    }

    #[test]
    fn taken_up_with_nothing_left_to_delete_only_frees_the_space() {
        // `borg delete REPO` without an archive deletes the whole
        // repository: never run without the intended ones.
        for (tool, frees) in [
            (BackupTool::Borg, "borg compact -- /srv/depot"),
            (BackupTool::Restic, "restic -r /srv/depot prune"),
        ] {
            let runner = Scripted(Default::default());
            let mut t = Tool {
                tool,
                repo: "/srv/depot",
                runner: &runner,
                runs: Vec::new(),
                log: None,
            };
            t.delete(&[]).unwrap();
            assert_eq!(runner.0.borrow().as_slice(), [frees]);
            let one = Listed {
                id: "abc".into(),
                time: "2021-07-30".into(),
                label: "juvisy-2021-07-30".into(),
            };
            t.delete(std::slice::from_ref(&one)).unwrap();
            assert_eq!(runner.0.borrow().len(), 3, "{tool:?}");
            assert!(runner.0.borrow()[1].contains(match tool {
                BackupTool::Borg => "delete -- /srv/depot juvisy-2021-07-30",
                BackupTool::Restic => "forget abc",
            }));
        }
    }

    #[test]
    fn a_key_is_overwritten_then_removed() {
        let dir = tempfile::tempdir().unwrap();
        let k = dir.path().join("key");
        std::fs::write(&k, b"secret key material").unwrap();
        std::fs::set_permissions(&k, std::os::unix::fs::PermissionsExt::from_mode(0o400)).unwrap();
        destroy_key(&k).unwrap();
        assert!(!k.exists());
        assert!(matches!(destroy_key(&k), Err(BackupError::Erase { .. })));
    }
}
