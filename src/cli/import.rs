//! `dpo import FILE.xlsx|FILE.ods --into DIR [--mapping MAP.yaml]`: a
//! register kept in a spreadsheet made into a new workspace
//! ([`crate::import`]). Prints every value that could not be placed (sheet,
//! row, column, why), then what `dpo check` says of the new workspace.
//! Exit 0 when all was placed and the workspace passes `check` (a fact
//! only noted, nothing lost, aside); 1 when it was written with values
//! reported or check errors; 2 when nothing could
//! be written (not a spreadsheet, no known layout, a bad mapping, a
//! non-empty `--into`).

use std::path::PathBuf;

use clap::Args;

use super::{eprint_diagnostics, print_json, CliError, Settings, EXIT_FINDING};
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
    // A workspace inside another would be read as part of it.
    if let Some(host) = host_workspace(into) {
        return Err(said(ImportError::IntoWorkspace {
            path: into.display().to_string(),
            workspace: host.display().to_string(),
        }));
    }
    let mapping = match &args.mapping {
        None => Mapping::default(),
        Some(path) => {
            let text = workspace::read_text(path).map_err(workspace::WorkspaceError::from)?;
            Mapping::parse(&path.display().to_string(), &text).map_err(said)?
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
    // Each value not imported, and each imported with a report: one line
    // each (a value's own line breaks shown as « / »).
    let said_of =
        |p: &import::Problem| import::one_line(&s.msg(&Msg::new(p.lead()).arg("message", p.msg())));
    if !settings.json {
        for p in &imported.problems {
            errln!("{}", said_of(p));
        }
    }
    // What `dpo check` says of the new workspace.
    let (errors, diags) = match workspace::load(into) {
        Ok(ws) => {
            let today = act.now.with_timezone(&ws.tz).date_naive();
            let diags = workspace::validate(&ws, today);
            (diags.iter().filter(|d| d.is_error()).count(), diags)
        }
        Err(workspace::WorkspaceError::Invalid { diagnostics, .. }) => (
            diagnostics.iter().filter(|d| d.is_error()).count().max(1),
            diagnostics,
        ),
        Err(e) => return Err(e.into()),
    };
    let kept = imported.problems.iter().filter(|p| p.kept()).count();
    let noted = imported.problems.iter().filter(|p| p.noted()).count();
    let lost = imported.problems.len() - kept - noted;
    // A fact only noted (nothing lost, nothing imported from it) fails
    // nothing.
    let failed = errors > 0 || imported.problems.len() > noted;
    let code = if failed { EXIT_FINDING } else { 0 };
    if settings.json {
        print_json(&Report {
            dir: into.display().to_string(),
            file: file.clone(),
            sha256: sha256.clone(),
            layout: imported.layout,
            controllers: imported.controllers.len(),
            problems: imported
                .problems
                .iter()
                .map(|p| JsonProblem {
                    sheet: p.sheet.clone(),
                    row: p.row,
                    column: p.column.map(crate::sheet::read::column_letters),
                    imported: p.imported(),
                    message: s.msg(&p.why),
                })
                .collect(),
            errors,
            diagnostics: &diags,
        })?;
        return Ok(code);
    }
    eprint_diagnostics(settings, &diags);
    let dir = into.display().to_string();
    say!(
        s,
        "sheetimport-done",
        dir = dir.as_str(),
        file = file.as_str(),
        sha256 = sha256.as_str(),
        controllers = imported.controllers.len(),
        problems = lost,
        reported = kept,
    )?;
    if errors > 0 {
        say!(
            s,
            "sheetimport-check-failed",
            dir = dir.as_str(),
            errors = errors
        )?;
    }
    Ok(code)
}

/// What `--json` prints: the new workspace, each value reported (with
/// whether it was imported all the same) and what `dpo check` says.
#[derive(serde::Serialize)]
struct Report<'a> {
    dir: String,
    file: String,
    sha256: String,
    layout: &'static str,
    controllers: usize,
    problems: Vec<JsonProblem>,
    errors: usize,
    diagnostics: &'a [workspace::Diagnostic],
}

/// One value reported, for `--json`.
#[derive(serde::Serialize)]
struct JsonProblem {
    sheet: String,
    row: usize,
    column: Option<String>,
    imported: bool,
    message: String,
}

/// The workspace (a folder with `processor.yaml`) that `dir` would be
/// inside, if any: `dir`'s nearest existing folder and its parents.
fn host_workspace(dir: &std::path::Path) -> Option<PathBuf> {
    let abs = std::path::absolute(dir).ok()?;
    abs.ancestors()
        .skip(1)
        .find(|a| a.join("processor.yaml").is_file())
        .map(std::path::Path::to_path_buf)
}
