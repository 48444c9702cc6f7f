//! `dpo status`: every duty with a deadline, most urgent first, opened by a
//! one-line summary ("1 en retard, 2 dans les 7 jours, 30 à faire sans
//! échéance"), what is still missing, and an exit code for cron — 1 when
//! anything is overdue or left half done (an e-mail sent without the phone
//! call), 2 when a record cannot be read. With `--format ods|xlsx` the same
//! duties and the logs behind them are written as a workbook
//! ([`crate::status::sheets`]) instead of the listing, with the same exit
//! code. The listing and `--json` also say what the others did since this
//! clone's last look ([`crate::team::seen`]), after the urgent breaches.

use std::path::PathBuf;

use std::io::IsTerminal;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{eprint_diagnostics, print_json, CliError, Settings, EXIT_ERROR, EXIT_FINDING};
use crate::model::Lang;
use crate::render::catalog::{Msg, Told};
use crate::render::templates::Strings;
use crate::render::words;
use crate::render::Templates;
use crate::status::urgency::Summary;
use crate::status::{self, ics, StatusItem};
use crate::team::seen::{self, SinceLastLook};
use crate::workspace::{Diagnostic, JournalEntry};

/// Output formats of `dpo status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The listing, for a person or cron.
    Text,
    /// An OpenDocument spreadsheet: the duties, then a sheet per log.
    Ods,
    /// An Excel workbook: the duties, then a sheet per log.
    Xlsx,
}

/// Options of `dpo status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Also write the deadlines still to meet as an iCalendar file, with alarms.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Only what concerns this controller (its breaches, requests, notices,
    /// people, measures and convention).
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// Output format: the listing, or the duties and the logs as a workbook.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the workbook to this file (atomically) instead of standard
    /// output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Serialize)]
struct Report<'a> {
    summary: Summary,
    items: &'a [StatusItem],
    needs_action: usize,
    diagnostics: &'a [Diagnostic],
    since_last_look: Option<Look>,
}

/// What the others did since the last look, as `--json` gives it.
#[derive(Serialize)]
struct Look {
    /// The instant of the last look (UTC); `null` on the first.
    since: Option<String>,
    /// The entries, as the journal keeps them, each with its action in words.
    entries: Vec<LookEntry>,
    /// Whether the last look was on another state of the journal (a `git
    /// reset`, a switch of branch): nothing is listed then.
    other_state: bool,
}

#[derive(Serialize)]
struct LookEntry {
    #[serde(flatten)]
    entry: JournalEntry,
    what: String,
}

pub(super) fn run(settings: &Settings, args: &StatusArgs) -> Result<i32, CliError> {
    let binary = match args.format {
        Format::Text => None,
        Format::Ods => Some("ods"),
        Format::Xlsx => Some("xlsx"),
    };
    if let Some(ext) = binary {
        if args.output.is_none() && std::io::stdout().is_terminal() {
            return Err(CliError::Said(
                Told::new(
                    Msg::new("sheetlogs-binary-on-terminal").arg("format", ext.to_uppercase()),
                )
                .hint(Msg::new("sheetlogs-binary-on-terminal-hint").arg(
                    "file",
                    format!("{}.{ext}", settings.strings().get("sheetlogs-file")),
                )),
            ));
        }
    }
    // Read under the shared lock: never a change half made.
    let _read = crate::workspace::lock_shared(settings.root(), settings.lock_wait)?;
    let ws = settings.load()?;
    let clock = settings.clock(ws.tz)?;
    let now = clock.now();
    let only = match &args.controller {
        None => None,
        Some(c) => Some(super::audit::known_controller(&ws, c)?),
    };
    let t = Templates::new(settings.lang(Some(&ws)))?;
    let s = t.strings();
    let (items, diags) = status::collect_for(&ws, now, only.as_ref(), s);
    let needs_action = items.iter().filter(|i| i.state.needs_action()).count();
    let summary = Summary::of(&items, now);
    // The journal with each line's hash (none when it does not read: its
    // own check says so), what was seen of it last time, and by whom.
    let hashed = ws.journal().entries_hashed().unwrap_or_default();
    let look = (!hashed.is_empty()).then(|| {
        let last = seen::read(&ws.root).ok().flatten();
        seen::since(&hashed, last.as_ref(), settings.actor().ok().as_deref())
    });
    if let Some(path) = &args.ics {
        let text = ics::to_ics(&items, now, s);
        super::write_file(path, text.as_bytes())?;
        let file = path.display().to_string();
        warn_say!(s, "wrote-file", file = file, bytes = text.len());
    }
    if binary.is_some() {
        eprint_diagnostics(settings, &diags);
        let (wb, _) = status::sheets::workbook(&ws, s, now, only.as_ref(), &items);
        let written = match args.format {
            Format::Xlsx => {
                super::register::say_cut(settings, &wb);
                crate::sheet::xlsx::write(&wb)
            }
            _ => crate::sheet::ods::write(&wb),
        };
        let bytes = written.map_err(|e| CliError::Output {
            path: args
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdout>")),
            source: Box::new(e),
        })?;
        super::write_output(settings, args.output.as_deref(), &bytes)?;
    } else if settings.json {
        print_json(&Report {
            summary,
            items: &items,
            needs_action,
            diagnostics: &diags,
            since_last_look: look.as_ref().map(|l| Look {
                since: l
                    .since
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                entries: l
                    .entries
                    .iter()
                    .map(|e| LookEntry {
                        what: what(s, e),
                        entry: e.clone(),
                    })
                    .collect(),
                other_state: l.elsewhere,
            }),
        })?;
    } else {
        eprint_diagnostics(settings, &diags);
        let now_local = crate::time::in_tz(now, ws.tz);
        if items.is_empty() {
            outln!("{}", s.get("status_nothing"))?;
        } else {
            outln!("{}", summary_line(s, t.lang(), &summary))?;
        }
        // The section comes after the last urgent breach (at the top when
        // there is none).
        let urgent = items
            .iter()
            .rposition(|i| {
                i.kind.starts_with("breach")
                    && matches!(
                        i.state,
                        status::State::Overdue | status::State::Incomplete | status::State::DueSoon
                    )
            })
            .map_or(0, |p| p + 1);
        for (n, i) in items.iter().enumerate() {
            if n == urgent {
                print_look(s, ws.tz, look.as_ref())?;
            }
            let state_key = format!(
                "status_state.{}",
                serde_json::to_value(i.state)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            );
            let kind_key = format!("status_kind.{}", i.kind);
            outln!("[{}] {}", s.get(&state_key), i.title)?;
            match i.due {
                Some(due) if !i.state.is_done() => {
                    outln!(
                        "    {} — {} — {}",
                        s.get(&kind_key),
                        words::long_instant(s, due, ws.tz),
                        words::time_left(s, now_local, due)
                    )?;
                }
                Some(due) => outln!(
                    "    {} — {}",
                    s.get(&kind_key),
                    words::long_instant(s, due, ws.tz)
                )?,
                None => outln!("    {}", s.get(&kind_key))?,
            }
            if let Some(line) = i.period.and_then(|p| words::period_moved_line(s, &p)) {
                outln!("    {line}")?;
            }
            if let Some(line) = i.missing_line(s) {
                outln!("    {line}")?;
            }
        }
        if urgent == items.len() {
            print_look(s, ws.tz, look.as_ref())?;
        }
    }
    if binary.is_none() && look.is_some() {
        // Shown: the next look starts from here. A copy that cannot be
        // written to is read as it is.
        let _ = seen::record(&ws.root, &hashed, now);
    }
    Ok(if diags.iter().any(Diagnostic::is_error) {
        EXIT_ERROR
    } else if needs_action > 0 {
        EXIT_FINDING
    } else {
        0
    })
}

/// "Since your last look (date):" and one line per entry made by others
/// since; nothing on the first look or when there is none.
fn print_look(
    s: &Strings,
    tz: chrono_tz::Tz,
    look: Option<&SinceLastLook>,
) -> Result<(), CliError> {
    let Some((since, look)) = look.and_then(|l| Some((l.since?, l))) else {
        return Ok(());
    };
    let date = words::long_datetime_in(s, since.fixed_offset(), tz);
    if look.elsewhere {
        outln!(
            "{}",
            s.fmt("team-status-elsewhere", &[("date", date.into())])
        )?;
        return Ok(());
    }
    if look.entries.is_empty() {
        return Ok(());
    }
    outln!("{}", s.fmt("team-status-since", &[("date", date.into())]))?;
    for e in &look.entries {
        let at = chrono::DateTime::parse_from_rfc3339(&e.at)
            .map_or_else(|_| e.at.clone(), |t| words::long_datetime_in(s, t, tz));
        let line = s.fmt(
            "team-status-entry",
            &[
                ("at", at.into()),
                ("who", e.actor.as_str().into()),
                ("what", what(s, e).into()),
                ("subject", e.subject.as_str().into()),
            ],
        );
        outln!("    {line}")?;
    }
    Ok(())
}

/// An entry's action in words ("ouverture d'une violation"); a step of a
/// sending (`.failed`, `.dry-run`…) with the sending's words; a note with
/// the first line of its text; else its code.
fn what(s: &Strings, e: &JournalEntry) -> String {
    let words_of = |code: &str| {
        let id = format!("screens-action-{}", code.replace('.', "-"));
        s.has(&id).then(|| s.fmt(&id, &[]))
    };
    let step = crate::mail::outbox::NOT_THE_SENDING
        .iter()
        .find_map(|suffix| {
            let base = words_of(e.action.strip_suffix(suffix)?)?;
            let id = format!("screens-action-{}", &suffix[1..]);
            Some(s.fmt(&id, &[("action", base.into())]))
        });
    let said = words_of(&e.action)
        .or(step)
        .unwrap_or_else(|| e.action.clone());
    match e.text.as_deref().and_then(|t| t.lines().next()) {
        Some(first) if e.action == "journal.note" => s.fmt(
            "team-status-note",
            &[("what", said.into()), ("text", first.into())],
        ),
        _ => said,
    }
}

/// "1 en retard, 2 dans les 7 jours, 30 à faire sans échéance": the line
/// that opens the listing; the duties to resume now without a date are
/// named only when there are some.
fn summary_line(s: &Strings, lang: Lang, sum: &Summary) -> String {
    let count = |key: &str, n: usize| {
        words::plural(s, lang, &format!("status_summary.{key}"), n as u64)
            .replace("{days}", &sum.due_soon_days.to_string())
    };
    let mut parts = vec![count("overdue", sum.overdue)];
    if sum.incomplete > 0 {
        parts.push(count("incomplete", sum.incomplete));
    }
    parts.push(count("due_soon", sum.due_soon));
    parts.push(count("undated", sum.undated));
    parts.join(", ")
}
