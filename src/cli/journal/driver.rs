//! `dpo journal merge`: git's merge driver of `journal.jsonl` (`%O %A %B
//! %P`), the domain's [`crate::workspace::merge`] with its messages.

use clap::Args;

use super::{action_label, CliError, Settings, EXIT_FINDING};
use crate::render::templates::Strings;
use crate::workspace::{self, merge, WorkspaceError};
use std::path::{Path, PathBuf};

/// Arguments of `dpo journal merge` (git's `%O %A %B %P`).
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor's journal (`%O`; may be missing or empty).
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Our journal (`%A`), replaced by the merged one.
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Their journal (`%B`).
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// The journal's path in the repository (`%P`): its folder is the
    /// workspace, whose `processor.yaml` gives the language.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// `dpo journal merge`: see [`workspace::merge`]. Writes the merged journal
/// over OURS (atomically), and names each record both sides changed.
pub(super) fn merge(settings: &Settings, a: &MergeArgs) -> Result<i32, CliError> {
    let read = |p: &Path| workspace::read_bytes(p).map_err(WorkspaceError::from);
    let base = workspace::if_exists(workspace::read_bytes(&a.base))
        .map_err(WorkspaceError::from)?
        .unwrap_or_default();
    let (ours, theirs) = (read(&a.ours)?, read(&a.theirs)?);
    // The messages name the journal by its path in the repository (git's
    // `%P`), not by git's temporary files: ours as it is, the other two
    // as git's `--theirs` and the common ancestor.
    let named = |file: &Path, side: &str| match &a.path {
        Some(p) if side.is_empty() => p.clone(),
        Some(p) => PathBuf::from(format!("{} ({side})", p.display())),
        None => file.to_path_buf(),
    };
    let (base_name, ours_name, theirs_name) = (
        named(&a.base, "base"),
        named(&a.ours, ""),
        named(&a.theirs, "--theirs"),
    );
    let side = |path, bytes| merge::Side { path, bytes };
    let merged = merge::merge(
        side(&base_name, &base),
        side(&ours_name, &ours),
        side(&theirs_name, &theirs),
    )?;
    workspace::atomic::write_atomic(&a.ours, &merged.bytes)?;
    if merged.concurrent.is_empty() {
        return Ok(0);
    }
    let folder = a.path.as_deref().and_then(Path::parent).map(|d| {
        if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        }
    });
    let lang = settings.lang_with(folder.and_then(workspace::processor_language));
    let s = Strings::of(lang);
    let steps = |steps: &[merge::Step]| {
        steps
            .iter()
            .map(|st| format!("{} ({})", st.actor, action_label(&s, &st.action)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rebasing = a.path.is_some() && workspace::git::rebasing(Path::new("."));
    for c in &merged.concurrent {
        // A record created on both sides is two records under one id (a
        // tag two clones use), not a concurrent edit.
        let (said, hint) = if c.created {
            ("gitjournal-collision", "gitjournal-collision-hint")
        } else {
            ("gitjournal-concurrent", "gitjournal-concurrent-hint")
        };
        let tag = workspace::RecordId::parse(&c.record)
            .and_then(|id| id.tag)
            .unwrap_or("none");
        // Under a rebase, git's ours is the upstream: this clone's side is
        // the commit replayed.
        let (ours, theirs) = if rebasing {
            (&c.theirs, &c.ours)
        } else {
            (&c.ours, &c.theirs)
        };
        let args = [
            ("record", c.record.as_str().into()),
            ("file", c.file.as_str().into()),
            ("ours", steps(ours).into()),
            ("theirs", steps(theirs).into()),
            ("tag", tag.into()),
        ];
        errln!("{}", s.fmt(said, &args));
        errln!("{}", s.fmt(hint, &args[..2]));
        if rebasing {
            errln!("{}", s.fmt("gitjournal-rebasing", &[]));
        }
    }
    Ok(EXIT_FINDING)
}
