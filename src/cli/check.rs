//! `dpo check`: validate every file of the workspace and the journal, and
//! every record file against the hash the journal recorded for it; in a
//! team's workspace, warn of what this git clone lacks ([`crate::team::findings`]).

use clap::Args;
use serde::Serialize;

use super::{print_diagnostics, print_json, CliError, Settings, EXIT_ERROR, EXIT_FINDING};
use crate::render::catalog::Localize;
use crate::workspace::{self, integrity, Diagnostic, JournalReport, Loaded};

/// Options of `dpo check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Exit 1 when there are warnings (missing information), not only errors.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
    journal: Option<&'a JournalReport>,
    records: &'a [integrity::Finding],
}

pub(super) fn run(settings: &Settings, args: &CheckArgs) -> Result<i32, CliError> {
    // Read under the shared lock: never a change half made.
    let _read = workspace::lock_shared(settings.root(), settings.lock_wait)?;
    // Findings (exit 1): evidence that disagrees with its record or the journal.
    let mut findings = Vec::new();
    // The number of controllers' files that do not read when the others
    // were checked without them.
    let mut partial = None;
    let (mut diags, journal) = match settings.load_for_check()? {
        Loaded::Whole(ws) => {
            let clock = settings.clock(ws.tz)?;
            let (diags, found) = workspace::evidence::check_all(&ws, clock.now());
            findings = found;
            (diags, Some(ws.journal().verify()?))
        }
        Loaded::Invalid {
            mut diagnostics,
            readable,
        } => {
            let journal = workspace::Journal::new(settings.root()).verify().ok();
            // One controller's file in error never hides what is wrong in
            // the others: those that read are checked all the same (only
            // their own diagnostics: the rest is checked once all read).
            if let Some((ws, bad)) = readable {
                let clock = settings.clock(ws.tz)?;
                let (more, _) = workspace::evidence::check_all(&ws, clock.now());
                diagnostics.extend(
                    more.into_iter()
                        .filter(|d| d.file.starts_with("controllers/") && !bad.contains(&d.file)),
                );
                partial = Some(bad.len());
            }
            (diagnostics, journal)
        }
    };
    let found = findings.len();
    diags.append(&mut findings);
    diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    // Every record file against what the journal recorded for it.
    let records = integrity::check(settings.root())?;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let journal_bad = journal.as_ref().is_some_and(|j| j.problem.is_some());
    if settings.json {
        print_json(&Report {
            errors,
            warnings,
            diagnostics: &diags,
            journal: journal.as_ref(),
            records: &records,
        })?;
    } else {
        print_diagnostics(settings, &diags)?;
        let s = settings.strings();
        let error = |m: String| tr!(s, "cli-error", message = m);
        if let Some(j) = &journal {
            match &j.problem {
                Some(p) if p.line == 0 => outln!(
                    "{}",
                    error(format!(
                        "{}: {}",
                        workspace::journal::HEAD_FILE,
                        Localize::message(p, &s)
                    ))
                )?,
                Some(p) => outln!(
                    "{}",
                    error(format!(
                        "{}:{}: {}",
                        workspace::journal::JOURNAL_FILE,
                        p.line,
                        Localize::message(p, &s)
                    ))
                )?,
                None => say!(s, "check-journal-intact", entries = j.entries)?,
            }
        }
        for f in &records {
            outln!(
                "{}",
                error(format!("{}: {}", f.file, Localize::message(f, &s)))
            )?;
        }
        if let Some(n) = partial {
            say!(s, "check-partial", n = n)?;
        }
        let root = settings.root().display().to_string();
        // The summary counts every error printed above it: the diagnostics',
        // the journal's and each record that disagrees with the journal.
        let printed = errors + records.len() + usize::from(journal_bad);
        say!(
            s,
            "check-summary",
            root = root,
            errors = printed,
            warnings = warnings
        )?;
    }
    Ok(if errors > found {
        EXIT_ERROR
    } else if found > 0 || journal_bad || !records.is_empty() || (args.strict && warnings > 0) {
        EXIT_FINDING
    } else {
        0
    })
}
