//! `dpo import FILE.xlsx|FILE.ods --into DIR [--mapping MAP.yaml]`: a
//! register kept in a spreadsheet made into a new workspace
//! ([`crate::import`]). Prints every value that could not be placed (sheet,
//! row, column, why), then what `dpo check` says of the new workspace.
//! Exit 0 when all was placed and the workspace passes `check`; 1 when it
//! was written with values reported or check errors; 2 when nothing could
//! be written (not a spreadsheet, no known layout, a bad mapping, a
//! non-empty `--into`).

use std::path::PathBuf;

use clap::Args;

use super::{eprint_diagnostics, CliError, Settings, EXIT_FINDING};
use crate::import::{self, ImportError, Mapping};
use crate::render::catalog::Msg;
use crate::workspace;

/// Options of `dpo import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: dpo's own register export, or a sheet in the
    /// authority's processor-register layout (XLSX or ODS).
    pub file: PathBuf,
    /// The new workspace's folder (it must not exist, or be empty).
    #[arg(long, value_name = "DIR")]
    pub into: PathBuf,
    /// Which header of the file is which field (`columns: {header: field}`).
    #[arg(long, value_name = "MAP.yaml")]
    pub mapping: Option<PathBuf>,
}

fn said(e: ImportError) -> CliError {
    match e {
        ImportError::Workspace(e) => CliError::Workspace(e),
        e => CliError::Said(e.told()),
    }
}

pub(super) fn run(settings: &Settings, args: &ImportArgs) -> Result<i32, CliError> {
    let file = args.file.display().to_string();
    let into = &args.into;
    // Refused before anything is read or written.
    let act = settings.act(crate::time::DEFAULT_TZ)?;
    if !workspace::is_empty_dir(into)? {
        return Err(said(ImportError::NotEmpty {
            path: into.display().to_string(),
        }));
    }
    let mapping = match &args.mapping {
        None => Mapping::default(),
        Some(path) => {
            let text = workspace::read_text(path).map_err(workspace::WorkspaceError::from)?;
            serde_yaml::from_str(&text).map_err(|e| {
                said(ImportError::Mapping {
                    file: path.display().to_string(),
                    why: Msg::new("sheetimport-mapping-fields")
                        .arg("detail", e.to_string())
                        .arg("fields", import::authority::field_names()),
                })
            })?
        }
    };
    let bytes = workspace::read_bytes(&args.file).map_err(workspace::WorkspaceError::from)?;
    let sha256 = crate::hashing::sha256_hex(&bytes);
    let sheets = crate::sheet::read::read(&bytes).map_err(|e| {
        said(ImportError::Unreadable {
            file: file.clone(),
            detail: crate::import::unreadable_why(&bytes, &e.detail),
        })
    })?;
    let lang = settings.lang(None);
    let imported = import::import(&file, &sheets, &mapping, lang).map_err(said)?;
    let files = import::files(&imported, lang).map_err(said)?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    let note = format!("import {name}\nsha256 {sha256}\nlayout {}", imported.layout);
    import::write(into, &act, &files, &note, settings.lock_wait).map_err(said)?;
    let s = settings.strings();
    for p in &imported.problems {
        warn_say!(s, "sheetimport-not-placed", message = s.msg(&p.msg()));
    }
    // What `dpo check` says of the new workspace.
    let errors = match workspace::load(into) {
        Ok(ws) => {
            let today = act.now.with_timezone(&ws.tz).date_naive();
            let diags = workspace::validate(&ws, today);
            eprint_diagnostics(settings, &diags);
            diags.iter().filter(|d| d.is_error()).count()
        }
        Err(workspace::WorkspaceError::Invalid { diagnostics, .. }) => {
            eprint_diagnostics(settings, &diagnostics);
            diagnostics.iter().filter(|d| d.is_error()).count().max(1)
        }
        Err(e) => return Err(e.into()),
    };
    let dir = into.display().to_string();
    say!(
        s,
        "sheetimport-done",
        dir = dir.as_str(),
        file = file.as_str(),
        sha256 = sha256.as_str(),
        controllers = imported.controllers.len(),
        problems = imported.problems.len(),
    )?;
    if errors > 0 {
        say!(
            s,
            "sheetimport-check-failed",
            dir = dir.as_str(),
            errors = errors
        )?;
    }
    Ok(if errors > 0 || !imported.problems.is_empty() {
        EXIT_FINDING
    } else {
        0
    })
}
