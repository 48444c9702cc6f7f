//! `dpo journal show|verify|note`: the hash-chained log of changes; `show`
//! prints one row per entry — its instant in the processor's zone with its
//! offset, who, the action in words with its code beside it, what it was
//! done to — and the text of each note under its entry.

pub(super) use crate::render::words::action as action_label;
use clap::{Args, Subcommand};

use chrono::DateTime;
use chrono_tz::Tz;

use super::{print_json, CliError, Settings, EXIT_FINDING};
use crate::render::templates::Strings;
use crate::render::words;
use crate::workspace::store::SetNote;
use crate::workspace::{self, Journal, JournalEntry, WorkspaceError};

mod driver;
pub(super) use driver::MergeArgs;

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
    /// The git merge driver of `journal.jsonl` (`dpo journal merge %O %A
    /// %B %P`): writes into OURS our entries then theirs; exit 1 when both
    /// sides changed the same record (a conflict to resolve, then adopt).
    Merge(MergeArgs),
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
    if let JournalCommand::Merge(a) = cmd {
        return driver::merge(settings, a);
    }
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
        JournalCommand::Note(_) | JournalCommand::Merge(_) => None,
    };
    match cmd {
        JournalCommand::Show => {
            let entries = journal.entries()?;
            if settings.json {
                print_json(&entries)?;
            } else if entries.is_empty() {
                say!(settings.strings(), "journal-empty")?;
            } else {
                // The processor's zone and language when the workspace
                // reads; the journal is shown even when it does not.
                let ws = settings.load().ok();
                let tz = ws.as_ref().map_or(crate::time::DEFAULT_TZ, |w| w.tz);
                let s = Strings::of(settings.lang(ws.as_ref()));
                for line in table(&s, tz, &entries) {
                    outln!("{}", line.trim_end())?;
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
                    warn_say!(s, "journal-record", file = file, message = message);
                }
                let broken = |at: String, message: &str| {
                    tr!(s, "journal-broken", at = at, message = message)
                };
                match &report.problem {
                    None => {
                        say!(
                            s,
                            "journal-intact",
                            entries = report.entries,
                            seq = report.head.seq,
                            sha256 = report.head.sha256.as_str()
                        )?;
                        if report.heads.len() > 1 {
                            say!(s, "gitjournal-branches", branches = report.heads.len())?;
                        }
                    }
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
                say!(settings.strings(), "journal-recorded", seq = entry.seq)?;
            }
            Ok(0)
        }
        JournalCommand::Merge(a) => driver::merge(settings, a),
    }
}

/// The rows of `dpo journal show`: a header, then one row per entry, each
/// column as wide as its widest cell, and a note's text under its entry.
fn table(s: &Strings, tz: Tz, entries: &[JournalEntry]) -> Vec<String> {
    let header = [
        "screens-journal-seq",
        "screens-journal-at",
        "screens-journal-actor",
        "screens-journal-action",
        "screens-journal-code",
        "screens-journal-subject",
    ]
    .map(|id| s.fmt(id, &[]));
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|e| {
            [
                e.seq.to_string(),
                DateTime::parse_from_rfc3339(&e.at).map_or_else(
                    |_| e.at.clone(),
                    |at| words::long_datetime(s, at.with_timezone(&tz).fixed_offset()),
                ),
                e.actor.clone(),
                action_label(s, &e.action),
                e.action.clone(),
                e.subject.clone(),
            ]
        })
        .collect();
    let mut width = [0usize; 6];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: &[String; 6]| {
        let mut out = format!("{:>w$}", row[0], w = width[0]);
        for (cell, w) in row.iter().zip(width).skip(1) {
            out.push_str(&format!("  {cell:<w$}"));
        }
        out
    };
    let mut out = vec![line(&header)];
    for (row, e) in rows.iter().zip(entries) {
        out.push(line(row));
        // A note's text, indented under its entry.
        let indent = " ".repeat(width[0] + 2);
        for text in note(s, e).lines() {
            out.push(format!("{indent}| {text}"));
        }
    }
    out
}

/// The note of entry `e` as `journal show` prints it: a `… set` note said
/// in the language of `s` from what it records, any other as it was written.
fn note(s: &Strings, e: &JournalEntry) -> String {
    let text = e.text.as_deref().unwrap_or_default();
    match SetNote::read(text).filter(|_| e.action.ends_with(".set")) {
        Some(n) => s.msg(&n.msg()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn the_write_ahead_of_a_destruction_through_a_backup_tool_is_not_called_a_sending() {
        let fr = Strings::of(Lang::Fr);
        for code in ["fate.destroy.intent", "fate.destroy.failed"] {
            let l = action_label(&fr, code);
            assert!(
                l.contains("outil de sauvegarde") && !l.contains("envoi"),
                "{l}"
            );
        }
    }

    #[test]
    fn every_action_and_step_of_a_sending_is_said_in_words() {
        let fr = Strings::of(Lang::Fr);
        let en = Strings::of(Lang::En);
        assert_eq!(
            action_label(&fr, "breach.open"),
            "ouverture d'une violation"
        );
        assert_eq!(action_label(&en, "breach.open"), "breach opened");
        assert_eq!(
            action_label(&fr, "breach.notify.intent"),
            "envoi de la notification d'une violation\u{202f}: sur le point de partir"
        );
        assert_eq!(
            action_label(&fr, "request.forward.unreachable"),
            "transmission d'une demande au responsable de traitement\u{202f}: échec, \
             le serveur de messagerie n'a pas pu être joint\u{202f}; rien n'est parti"
        );
        assert_eq!(
            action_label(&en, "breach.dry-run"),
            "breach notification: dry run, message written, not sent"
        );
        assert_eq!(
            action_label(&en, "subprocessor-notice.set"),
            "fact of a written notice changed"
        );
        // Unknown: the code itself, never an id of the catalog.
        assert_eq!(action_label(&fr, "backup.unknown"), "backup.unknown");
        assert_eq!(action_label(&fr, "nothing.intent"), "nothing.intent");
    }

    #[test]
    fn the_table_shows_local_time_with_its_offset_and_keeps_the_code() {
        let e = |seq, at: &str, action: &str, text: Option<&str>| JournalEntry {
            seq,
            at: at.into(),
            actor: "Léa".into(),
            action: action.into(),
            subject: "2021-001".into(),
            payload_sha256: String::new(),
            text: text.map(str::to_string),
            writes: Vec::new(),
            merged: Vec::new(),
            prev_sha256: String::new(),
        };
        let fr = Strings::of(Lang::Fr);
        let rows = table(
            &fr,
            chrono_tz::Europe::Paris,
            &[
                e(1, "2021-03-26T09:00:00Z", "breach.open", None),
                e(2, "2021-03-29T09:00:00Z", "journal.note", Some("a\nb")),
            ],
        );
        assert!(rows[0].contains("date et heure"), "{rows:?}");
        assert!(
            rows[1].contains("26 mars 2021 à 10:00 (UTC+01:00)")
                && rows[1].contains("ouverture d'une violation")
                && rows[1].contains("breach.open"),
            "{rows:?}"
        );
        assert!(
            rows[2].contains("29 mars 2021 à 11:00 (UTC+02:00)"),
            "{rows:?}"
        );
        assert_eq!(rows[3], "    | a");
        assert_eq!(rows[4], "    | b");
        // Every column starts at the same place on every row.
        let col = |r: &str, cell: &str| r.find(cell).map(|b| r[..b].chars().count());
        assert_eq!(col(&rows[1], "breach.open"), col(&rows[2], "journal.note"));
        assert_eq!(col(&rows[0], "code"), col(&rows[2], "journal.note"));
    }
}
