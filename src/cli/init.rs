//! `dpo init DIR`: a new workspace with commented example files that pass
//! `dpo check` (written by [`crate::workspace::init`]), its `.gitattributes`
//! included; inside a git work tree the clone is set up as `dpo git setup`
//! does.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, Settings};
use crate::workspace;

/// Options of `dpo init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
}

pub(super) fn run(settings: &Settings, args: &InitArgs) -> Result<i32, CliError> {
    let dir = &args.dir;
    let act = settings.act(crate::time::DEFAULT_TZ)?;
    workspace::init(dir, &act, settings.lang(None), settings.lock_wait)?;
    let s = settings.strings();
    let shown = dir.display().to_string();
    say!(s, "init-created", dir = shown.as_str())?;
    super::git::after_init(settings, dir, &act)?;
    say!(s, "next-init", dir = shown)?;
    Ok(0)
}
