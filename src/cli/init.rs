//! `dpo init DIR`: a new workspace with commented example files that pass
//! `dpo check`.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, Settings};
use crate::workspace::{self, Journal, WorkspaceError};

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
    (".gitignore", ".dpo.lock\n.dpo-tmp-*\n"),
];

/// Options of `dpo init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
}

pub(super) fn run(settings: &Settings, args: &InitArgs) -> Result<i32, CliError> {
    let dir = &args.dir;
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map_err(|source| WorkspaceError::Read {
                path: dir.clone(),
                source,
            })?
            .next()
            .is_none();
        if !empty || !dir.is_dir() {
            return Err(WorkspaceError::Exists { path: dir.clone() }.into());
        }
    }
    std::fs::create_dir_all(dir.join("controllers")).map_err(|source| WorkspaceError::Write {
        path: dir.clone(),
        source,
    })?;
    let clock = settings.clock(crate::time::DEFAULT_TZ)?;
    let lock = workspace::lock_root(dir, settings.lock_wait)?;
    let mut listing = String::new();
    for (name, text) in FILES {
        workspace::write_atomic(&dir.join(name), text.as_bytes())?;
        listing.push_str(&format!(
            "{}  {name}\n",
            crate::hashing::sha256_hex(text.as_bytes())
        ));
    }
    Journal::new(dir).append(
        &lock,
        clock.now(),
        &settings.actor,
        "workspace.init",
        ".",
        listing.as_bytes(),
    )?;
    outln!("created a workspace in {}", dir.display())?;
    outln!(
        "next: edit the YAML files, then run `dpo --registers {} check`",
        dir.display()
    )?;
    Ok(0)
}
