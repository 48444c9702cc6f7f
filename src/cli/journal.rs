//! `dpo journal show|verify|note`: the hash-chained log of changes; `show`
//! prints the text of each note under its entry.

use clap::{Args, Subcommand};

use super::{print_json, CliError, Settings, EXIT_FINDING};
use crate::workspace::{self, Journal, WorkspaceError};

/// Journal subcommands.
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// List the entries.
    Show,
    /// Check the chain, and every record file against the hash the journal
    /// recorded for its last write: exit 1 naming the first bad entry or
    /// each record changed outside dpo.
    Verify,
    /// Record a note (a meeting, a decision, a check done by hand).
    Note(NoteArgs),
}

/// Options of `dpo journal note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The text of the note.
    #[arg(long, short = 'm')]
    pub message: String,
    /// What it is about (a record id or a file).
    #[arg(long, default_value = "workspace")]
    pub subject: String,
}

pub(super) fn run(settings: &Settings, cmd: &JournalCommand) -> Result<i32, CliError> {
    let root = settings.root();
    if !root.is_dir() {
        return Err(WorkspaceError::NotFound {
            path: root.to_path_buf(),
        }
        .into());
    }
    // A journal that is a link or not a regular file is refused, not read.
    let unsafe_entries = workspace::unsafe_entries(root);
    if !unsafe_entries.is_empty() {
        return Err(WorkspaceError::Invalid {
            root: root.to_path_buf(),
            diagnostics: unsafe_entries,
        }
        .into());
    }
    let journal = Journal::new(root);
    // Readers hold the shared lock: never a change half made.
    let _read = match cmd {
        JournalCommand::Show | JournalCommand::Verify => {
            Some(workspace::lock_shared(root, settings.lock_wait)?)
        }
        JournalCommand::Note(_) => None,
    };
    match cmd {
        JournalCommand::Show => {
            let entries = journal.entries()?;
            if settings.json {
                print_json(&entries)?;
            } else {
                for e in &entries {
                    outln!(
                        "{:>5}  {}  {:<20}  {:<28}  {}",
                        e.seq,
                        e.at,
                        e.actor,
                        e.action,
                        e.subject
                    )?;
                    // A note's text, indented under its entry.
                    for line in e.text.iter().flat_map(|t| t.lines()) {
                        outln!("       | {line}")?;
                    }
                }
                if entries.is_empty() {
                    outln!("{}", tr!(settings.strings(), "journal-empty"))?;
                }
            }
            Ok(0)
        }
        JournalCommand::Verify => {
            let report = journal.verify()?;
            let records = workspace::integrity::check(root)?;
            if settings.json {
                #[derive(serde::Serialize)]
                struct Verified<'a> {
                    #[serde(flatten)]
                    report: &'a workspace::JournalReport,
                    records: &'a [workspace::integrity::Finding],
                }
                print_json(&Verified {
                    report: &report,
                    records: &records,
                })?;
            } else {
                let s = settings.strings();
                for f in &records {
                    let file = f.file.as_str();
                    let message = crate::render::catalog::Localize::message(f, &s);
                    errln!(
                        "{}",
                        tr!(s, "journal-record", file = file, message = message)
                    );
                }
                let broken = |at: String, message: &str| {
                    tr!(s, "journal-broken", at = at, message = message)
                };
                match &report.problem {
                    None => outln!(
                        "{}",
                        tr!(
                            s,
                            "journal-intact",
                            entries = report.entries,
                            seq = report.head.seq,
                            sha256 = report.head.sha256.as_str()
                        )
                    )?,
                    Some(p) if p.line == 0 => errln!(
                        "{}",
                        broken(
                            workspace::journal::HEAD_FILE.to_string(),
                            &crate::render::catalog::Localize::message(p, &s)
                        )
                    ),
                    Some(p) => errln!(
                        "{}",
                        broken(
                            format!("{}:{}", workspace::journal::JOURNAL_FILE, p.line),
                            &crate::render::catalog::Localize::message(p, &s)
                        )
                    ),
                }
            }
            Ok(if report.problem.is_some() || !records.is_empty() {
                EXIT_FINDING
            } else {
                0
            })
        }
        JournalCommand::Note(a) => {
            if a.message.trim().is_empty() {
                return Err(CliError::Usage(tr!(
                    settings.strings(),
                    "journal-note-empty"
                )));
            }
            let ws = settings.load()?;
            let entry = journal.note(&ws, &settings.act(ws.tz)?, &a.subject, &a.message)?;
            if settings.json {
                print_json(&entry)?;
            } else {
                outln!(
                    "{}",
                    tr!(settings.strings(), "journal-recorded", seq = entry.seq)
                )?;
            }
            Ok(0)
        }
    }
}
