//! `dpo site -o DIR [--controller ID]`: the workspace as a static HTML
//! dossier — plain pages and one stylesheet that open from `file://`, for
//! the people who do not use a terminal.
//!
//! The arguments and the printing only: [`crate::site::build`] makes the
//! pages, [`crate::site::write`] puts them in place whole.

use std::path::PathBuf;

use clap::Args;

use super::{eprint_diagnostics, print_json, CliError, Settings};
use crate::render::Templates;
use crate::site::{self, SiteError, Written};

/// Options of `dpo site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write, outside the workspace: new, empty, or a site
    /// `dpo site` wrote before (replaced whole).
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
    /// Only what concerns this controller (as `dpo audit pack --controller`:
    /// nothing of another controller).
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

impl From<SiteError> for CliError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Audit(e) => CliError::Audit(e),
            e => CliError::Site(Box::new(e)),
        }
    }
}

pub(super) fn run(settings: &Settings, a: &SiteArgs) -> Result<i32, CliError> {
    // Read under the shared lock: never a change half made.
    let _read = crate::workspace::lock_shared(settings.root(), settings.lock_wait)?;
    let ws = settings.load()?;
    let now = settings.clock(ws.tz)?.now();
    let only = match &a.controller {
        None => None,
        Some(c) => Some(super::audit::known_controller(&ws, c)?),
    };
    // Refused before anything is made.
    site::check_output(&a.output, &ws.root)?;
    let t = Templates::new(settings.lang(Some(&ws)))?;
    let built = site::build(&ws, &t, only.as_ref(), now)?;
    site::write(&built, &a.output, &ws.root)?;
    eprint_diagnostics(settings, &built.diagnostics);
    let written = Written {
        output: a.output.display().to_string(),
        index: a.output.join("index.html").display().to_string(),
        controller: only.as_ref().map(ToString::to_string),
        pages: built.pages(),
        files: built.files.len(),
        journal_intact: built.journal_intact,
    };
    if settings.json {
        print_json(&written)?;
    } else {
        let s = settings.strings();
        let (dir, index) = (written.output.as_str(), written.index.as_str());
        let (pages, files) = (written.pages, written.files);
        say!(
            s,
            "site-wrote",
            dir = dir,
            pages = pages,
            files = files,
            index = index
        )?;
    }
    Ok(0)
}
