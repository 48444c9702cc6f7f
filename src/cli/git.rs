//! `dpo git setup [--tag TAG]`: a git clone of the workspace made ready
//! for team work ([`crate::team::setup`]) — and the same setup at the end
//! of `dpo init` inside a git work tree ([`after_init`]).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{print_json, CliError, Settings};
use crate::render::catalog::{Msg, Told};
use crate::render::templates::Strings;
use crate::team::{self, SetupDone};
use crate::workspace::{self, Act, WorkspaceError};

/// Git subcommands.
#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Make this clone ready for team work: .gitattributes and .gitignore,
    /// the journal's merge driver and this clone's tag (record ids
    /// 2026-TAG-001) in the clone's local git config, the tag's claim
    /// journaled. Run it once in each clone; again, it changes nothing.
    Setup(SetupArgs),
    /// Git's merge driver of journal.head (registered by setup as
    /// `dpo git merge-heads %O %A %B`): the heads of both sides, without
    /// those a side wrote after; the result replaces OURS.
    MergeHeads(MergeHeadsArgs),
}

/// Arguments of `dpo git merge-heads` (git's `%O %A %B`).
#[derive(Debug, Args)]
pub struct MergeHeadsArgs {
    /// The common ancestor's head file (`%O`, may be missing or empty),
    /// ours (`%A`, replaced by the merged one), theirs (`%B`).
    #[arg(num_args = 3, required = true, value_names = ["BASE", "OURS", "THEIRS"])]
    pub files: Vec<PathBuf>,
}

/// Options of `dpo git setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// This clone's tag, 1 to 4 lowercase letters (default: the actor's
    /// initials, made unique); refused when another clone claimed it.
    #[arg(long)]
    pub tag: Option<String>,
}

pub(super) fn run(settings: &Settings, cmd: &GitCommand) -> Result<i32, CliError> {
    let a = match cmd {
        GitCommand::Setup(a) => a,
        GitCommand::MergeHeads(m) => return merge_heads(m),
    };
    let ws = settings.load()?;
    let act = settings.act(ws.tz)?;
    let done = setup(settings, settings.root(), &act, a.tag.as_deref())?;
    if settings.json {
        print_json(&done)?;
        return Ok(0);
    }
    let s = settings.strings();
    if !done.changed() {
        say!(s, "team-setup-unchanged", tag = done.tag.as_str())?;
        return Ok(0);
    }
    told(&s, &done, &act)?;
    let dir = settings.root().display().to_string();
    say!(s, "team-setup-next", dir = dir)?;
    Ok(0)
}

/// `dpo git merge-heads BASE OURS THEIRS`: [`team::merge_heads`] written
/// over OURS, atomically. Exit 0, or 2 when a file cannot be read or
/// written (git then leaves the file in conflict).
fn merge_heads(a: &MergeHeadsArgs) -> Result<i32, CliError> {
    let read = |p: &Path| -> Result<String, CliError> {
        let text = workspace::if_exists(workspace::read_text(p)).map_err(WorkspaceError::from)?;
        Ok(text.unwrap_or_default())
    };
    let [base, ours, theirs] = [0, 1, 2].map(|i| a.files.get(i).map(PathBuf::as_path));
    let (Some(base), Some(ours), Some(theirs)) = (base, ours, theirs) else {
        return Err(CliError::Usage(
            "dpo git merge-heads BASE OURS THEIRS".into(),
        ));
    };
    let texts = [base, ours, theirs].map(read);
    let [b, o, t] = texts;
    let (b, o, t) = (b?, o?, t?);
    for (path, text) in [(base, &b), (ours, &o), (theirs, &t)] {
        if let Some(line) = team::bad_head_line(text) {
            return Err(WorkspaceError::JournalBroken {
                path: path.to_path_buf(),
                line,
                message: Msg::new("team-head-line-bad"),
            }
            .into());
        }
    }
    let merged = team::merge_heads(&b, &o, &t);
    workspace::write_atomic(ours, merged.as_bytes())?;
    Ok(0)
}

/// [`team::setup`] with the path of the running `dpo`.
fn setup(
    settings: &Settings,
    root: &Path,
    act: &Act,
    tag: Option<&str>,
) -> Result<SetupDone, CliError> {
    let dpo = settings.dpo_path().map_err(|e| no_binary(&e))?;
    Ok(team::setup(
        root,
        act,
        settings.lock_wait,
        tag,
        &dpo.to_string_lossy(),
    )?)
}

/// What a setup did, one line each.
fn told(s: &Strings, done: &SetupDone, act: &Act) -> Result<(), CliError> {
    use chrono::Datelike;
    let top = done.work_tree.display().to_string();
    let example = format!("{}-{}-001", act.now.year(), done.tag);
    if let Some(old) = &done.retagged_from {
        say!(
            s,
            "team-setup-retagged",
            old = old.as_str(),
            tag = done.tag.as_str()
        )?;
    }
    say!(
        s,
        "team-setup-done",
        top = top,
        tag = done.tag.as_str(),
        example = example
    )?;
    if !done.files.is_empty() {
        let files = done.files.join(", ");
        say!(s, "team-setup-files", files = files)?;
    }
    if done.driver_set {
        say!(s, "team-setup-driver")?;
    }
    if let Some(seq) = done.journaled {
        say!(
            s,
            "team-setup-journaled",
            seq = seq,
            tag = done.tag.as_str()
        )?;
    }
    Ok(())
}

/// The end of `dpo init DIR`: inside a git work tree, the clone is set up
/// as `dpo git setup` does; outside, the workspace's `.gitattributes` is
/// written all the same and each clone is told to run `dpo git setup`.
pub(super) fn after_init(settings: &Settings, dir: &Path, act: &Act) -> Result<(), CliError> {
    let s = settings.strings();
    let in_git = crate::workspace::git::work_tree(dir)
        .map_err(|e| CliError::Said(e.told()))?
        .is_some();
    if !in_git {
        say!(s, "team-init-outside-git")?;
        return Ok(());
    }
    let done = setup(settings, dir, act, None)?;
    told(&s, &done, act)
}

/// Refusal when the running binary cannot be found (for the driver).
fn no_binary(why: &std::io::Error) -> CliError {
    CliError::Said(Told::new(
        Msg::new("team-no-binary").arg("why", why.to_string()),
    ))
}
