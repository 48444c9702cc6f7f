//! `dpo breach open|list|show|defer|notify|call|supplement|close|report|severity`:
//! the breach workflow of Annex 1 §II.8, from the first report to the
//! closing of the file.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::{actor, print_diagnostics, print_json, Cli, CliError, EXIT_FINDING};
use crate::breach::{
    self, deadline, fields, notice, severity, store, BreachError, Field, NotifyKind, NotifyRequest,
};
use crate::mail::{self, SmtpSettings};
use crate::model::{Breach, Id};
use crate::render::words;
use crate::render::Templates;
use crate::workspace::Workspace;

/// Breach subcommands.
#[derive(Debug, Subcommand)]
pub enum BreachCommand {
    /// Record a new breach and show its 72-hour deadline.
    Open(OpenArgs),
    /// List the breaches with their deadlines.
    List,
    /// Show one breach: facts, missing items, deadlines, channels.
    Show(IdArgs),
    /// Defer a required field that cannot be known yet, with the reason.
    Defer(DeferArgs),
    /// E-mail the notification (with its PDF) to each controller's breach contact.
    Notify(NotifyArgs),
    /// Log the phone call to a controller's designated contact.
    Call(CallArgs),
    /// E-mail the newly filled fields as a numbered supplement.
    Supplement(SupplementArgs),
    /// Close the breach file with a summary.
    Close(CloseArgs),
    /// Write the breach file with its timeline (PDF or Markdown).
    Report(ReportArgs),
    /// Compute the ENISA (2013) severity: SE = DPC × EI + CB (a helper; never blocking).
    Severity(SeverityArgs),
}

/// Options of `dpo breach open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// A short title (prompted for on a terminal when left out).
    #[arg(long)]
    pub title: Option<String>,
    /// When the processor became aware: T0 of the 72 hours. Local time in the
    /// processor's timezone (`2021-03-26 10:00`) or RFC 3339 with an offset.
    #[arg(long, value_name = "TIME")]
    pub aware_at: Option<String>,
    /// When the breach happened, if known.
    #[arg(long, value_name = "TIME")]
    pub occurred_at: Option<String>,
    /// When it was discovered, if known.
    #[arg(long, value_name = "TIME")]
    pub discovered_at: Option<String>,
    /// Who discovered it.
    #[arg(long, value_name = "WHO")]
    pub discovered_by: Option<String>,
    /// A controller concerned (repeatable; default: the only one).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// The identifier (default: the next `YYYY-NNN`).
    #[arg(long)]
    pub id: Option<String>,
}

/// A breach identifier.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// The breach, e.g. `2021-001`.
    pub id: String,
}

/// Options of `dpo breach defer`.
#[derive(Debug, Args)]
pub struct DeferArgs {
    /// The breach.
    pub id: String,
    /// The field, e.g. `consequences` or `nature.records_count`.
    pub field: String,
    /// Why it cannot be given yet.
    #[arg(long)]
    pub reason: String,
}

/// Options of `dpo breach notify`.
#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The breach.
    pub id: String,
    /// Only this controller (repeatable; default: all of the breach's).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// Write the message to `evidence/` without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// Send the notification again although it was already sent.
    #[arg(long)]
    pub again: bool,
    /// Why the notification is sent after the 72-hour deadline (required then).
    #[arg(long, value_name = "TEXT")]
    pub late_reason: Option<String>,
}

/// Options of `dpo breach supplement`.
#[derive(Debug, Args)]
pub struct SupplementArgs {
    /// The breach.
    pub id: String,
    /// Only this controller (repeatable; default: all of the breach's).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// Send this filled field again because it changed (repeatable).
    #[arg(long, value_name = "FIELD")]
    pub field: Vec<String>,
    /// Write the message to `evidence/` without sending it.
    #[arg(long)]
    pub dry_run: bool,
}

/// Options of `dpo breach call`.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// The breach.
    pub id: String,
    /// The controller called (default: the breach's only one).
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// Whom you spoke to.
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// The number you called.
    #[arg(long)]
    pub number: String,
    /// When the call took place (default: now).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// What was said or agreed.
    #[arg(long, value_name = "TEXT")]
    pub outcome: String,
}

/// Options of `dpo breach close`.
#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The breach.
    pub id: String,
    /// The closing summary: what was found, done and decided.
    #[arg(long, value_name = "TEXT")]
    pub summary: String,
}

/// Formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// PDF with an embedded Unicode font.
    Pdf,
    /// Markdown (the same text).
    Md,
}

/// Options of `dpo breach report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The breach.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: ReportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `dpo breach severity`.
#[derive(Debug, Args)]
pub struct SeverityArgs {
    /// Data processing context, 1 (simple data) to 4 (sensitive data), as adjusted.
    #[arg(long)]
    pub dpc: f64,
    /// Ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum.
    #[arg(long)]
    pub ei: f64,
    /// Circumstances of the breach, 0 to 2: loss of confidentiality (0–0.5),
    /// integrity (0–0.5), availability (0–0.5), malicious intent (0 or 0.5), added up.
    #[arg(long)]
    pub cb: f64,
}

pub(super) fn run(cli: &Cli, cmd: &BreachCommand) -> Result<i32, CliError> {
    match dispatch(cli, cmd) {
        Err(CliError::Breach(BreachError::MissingFields { id, missing })) => {
            let e = BreachError::MissingFields { id, missing };
            if cli.json {
                if let BreachError::MissingFields { missing, .. } = &e {
                    print_json(
                        &serde_json::json!({ "error": "missing_fields", "missing": missing }),
                    )?;
                }
            }
            eprintln!("error: {e}");
            Ok(EXIT_FINDING)
        }
        Err(CliError::Breach(BreachError::Invalid { file, diagnostics })) => {
            print_diagnostics(&diagnostics, false);
            Err(CliError::Breach(BreachError::Invalid { file, diagnostics }))
        }
        other => other,
    }
}

fn dispatch(cli: &Cli, cmd: &BreachCommand) -> Result<i32, CliError> {
    if let BreachCommand::Severity(a) = cmd {
        return severity(cli, a);
    }
    let ws = cli.load()?;
    match cmd {
        BreachCommand::Open(a) => open(cli, &ws, a),
        BreachCommand::List => list(cli, &ws),
        BreachCommand::Show(a) => show(cli, &ws, a),
        BreachCommand::Defer(a) => defer(cli, &ws, a),
        BreachCommand::Notify(a) => {
            let kind = NotifyKind::Initial { again: a.again };
            send(
                cli,
                &ws,
                &a.id,
                &a.controller,
                kind,
                a.dry_run,
                a.late_reason.clone(),
            )
        }
        BreachCommand::Supplement(a) => {
            let fields = a
                .field
                .iter()
                .map(|f| {
                    Field::parse(f).ok_or_else(|| BreachError::UnknownField { name: f.clone() })
                })
                .collect::<Result<Vec<_>, _>>()?;
            send(
                cli,
                &ws,
                &a.id,
                &a.controller,
                NotifyKind::Supplement { fields },
                a.dry_run,
                None,
            )
        }
        BreachCommand::Call(a) => call(cli, &ws, a),
        BreachCommand::Close(a) => close(cli, &ws, a),
        BreachCommand::Report(a) => report(cli, &ws, a),
        BreachCommand::Severity(a) => severity(cli, a),
    }
}

fn id_arg(s: &str) -> Result<Id, CliError> {
    Id::new(s.trim()).map_err(|e| {
        CliError::Usage(format!(
            "{e}\n  hint: `dpo breach list` shows the breach identifiers"
        ))
    })
}

fn time_arg(
    flag: &'static str,
    s: &str,
    ws: &Workspace,
) -> Result<DateTime<FixedOffset>, CliError> {
    crate::time::parse_user_time(s, ws.tz).map_err(|source| CliError::Time {
        flag,
        source: Box::new(source),
    })
}

/// Asks for a value on the terminal; `None` when stdin is not a terminal.
fn prompt(question: &str) -> Result<Option<String>, CliError> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    eprint!("{question}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::Output {
            path: PathBuf::from("<stdin>"),
            source: Box::new(e),
        })?;
    Ok(Some(line.trim().to_string()))
}

#[derive(Serialize)]
struct Opened<'a> {
    id: &'a Id,
    file: String,
    aware_at: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    message: String,
}

fn open(cli: &Cli, ws: &Workspace, a: &OpenArgs) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let title = match &a.title {
        Some(t) => t.clone(),
        None => prompt("title of the breach")?.ok_or_else(|| {
            CliError::Usage("the breach needs a title\n  hint: dpo breach open --title \"Rançongiciel sur le serveur de fichiers\" --aware-at \"2021-03-26 10:00\"".into())
        })?,
    };
    let aware_text = match &a.aware_at {
        Some(t) => t.clone(),
        None => {
            let q = format!(
                "when did the processor become aware? (YYYY-MM-DD HH:MM in {}, empty: now)",
                ws.tz
            );
            match prompt(&q)? {
                Some(s) if !s.is_empty() => s,
                Some(_) => crate::time::in_tz(clock.now(), ws.tz).to_rfc3339(),
                None => {
                    return Err(CliError::Usage(
                        "when did the processor become aware of the breach? the 72 hours run from then\n  hint: add --aware-at \"2021-03-26 10:00\" (local time) or an RFC 3339 time with its offset".into(),
                    ))
                }
            }
        }
    };
    let aware_at = time_arg("--aware-at", &aware_text, ws)?;
    let occurred_at = a
        .occurred_at
        .as_deref()
        .map(|s| time_arg("--occurred-at", s, ws))
        .transpose()?;
    let discovered_at = a
        .discovered_at
        .as_deref()
        .map(|s| time_arg("--discovered-at", s, ws))
        .transpose()?;
    let controllers = if a.controller.is_empty() {
        match ws.controllers.as_slice() {
            [(only, _)] => vec![only.clone()],
            [] => {
                return Err(CliError::Usage(
                    "the workspace has no controller\n  hint: add one in `controllers/<id>.yaml`"
                        .into(),
                ))
            }
            many => {
                let ids: Vec<String> = many.iter().map(|(i, _)| i.to_string()).collect();
                return Err(CliError::Usage(format!(
                    "the workspace has several controllers ({}); say whose data is concerned\n  hint: add --controller ID (repeatable)",
                    ids.join(", ")
                )));
            }
        }
    } else {
        a.controller
            .iter()
            .map(|c| Id::new(c.trim()).map_err(|e| CliError::Usage(format!("--controller: {e}"))))
            .collect::<Result<Vec<_>, _>>()?
    };
    let id = a.id.as_deref().map(id_arg).transpose()?;
    let lang = cli.lang(Some(ws));
    let req = breach::OpenRequest {
        id,
        title,
        controllers,
        aware_at,
        occurred_at,
        discovered_at,
        discovered_by: a.discovered_by.clone(),
        now: clock.now(),
        actor: actor(),
        lang,
    };
    let (b, path) = breach::open(ws, &req)?;
    let t = Templates::new(lang)?;
    let due = deadline::deadline(b.aware_at);
    let message = words::deadline_line(
        t.strings(),
        deadline::PROCESSOR_LINE,
        crate::time::in_tz(clock.now(), ws.tz),
        due,
        ws.tz,
    );
    if cli.json {
        print_json(&Opened {
            id: &b.id,
            file: path.display().to_string(),
            aware_at: b.aware_at,
            deadline: crate::time::in_tz(due.to_utc(), ws.tz),
            message,
        })?;
    } else {
        outln!("breach {} opened: {}", b.id, path.display());
        outln!("{message}");
        outln!(
            "next: fill in `{}`, defer what is not known yet (`dpo breach defer {} FIELD --reason …`), then `dpo breach notify {}`",
            path.display(),
            b.id,
            b.id
        );
    }
    Ok(0)
}

#[derive(Serialize)]
struct ListRow {
    id: Id,
    title: String,
    closed: bool,
    aware_at: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    missing_fields: Vec<String>,
    controllers: Vec<breach::ControllerProgress>,
}

fn list(cli: &Cli, ws: &Workspace) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let (loaded, diags) = store::load_all(ws);
    print_diagnostics(&diags, false);
    let rows: Vec<ListRow> = loaded
        .iter()
        .map(|l| {
            let b = &l.breach;
            ListRow {
                id: b.id.clone(),
                title: b.title.clone(),
                closed: b.is_closed(),
                aware_at: b.aware_at,
                deadline: crate::time::in_tz(deadline::deadline(b.aware_at).to_utc(), ws.tz),
                missing_fields: fields::missing(b)
                    .iter()
                    .map(|f| f.key().to_string())
                    .collect(),
                controllers: breach::progress(b),
            }
        })
        .collect();
    if cli.json {
        print_json(&rows)?;
    } else if rows.is_empty() {
        outln!(
            "no breach recorded in `{}`",
            ws.root.join(store::DIR).display()
        );
    } else {
        let t = Templates::new(cli.lang(Some(ws)))?;
        let now = crate::time::in_tz(clock.now(), ws.tz);
        for r in &rows {
            let n = r.controllers.len();
            let mailed = r
                .controllers
                .iter()
                .filter(|p| p.emailed_at.is_some())
                .count();
            let called = r
                .controllers
                .iter()
                .filter(|p| p.called_at.is_some())
                .count();
            let state = if r.closed {
                "closed".to_string()
            } else {
                format!("e-mail {mailed}/{n}, call {called}/{n}")
            };
            outln!("{:<10} {:<22} {}", r.id, state, r.title);
            if !r.closed && r.controllers.iter().any(|p| p.complete_at.is_none()) {
                outln!(
                    "{:<10} {}",
                    "",
                    words::deadline_line(
                        t.strings(),
                        deadline::PROCESSOR_LINE,
                        now,
                        r.deadline,
                        ws.tz
                    )
                );
            }
        }
    }
    Ok(if diags.iter().any(|d| d.is_error()) {
        super::EXIT_ERROR
    } else {
        0
    })
}

fn load(ws: &Workspace, id: &str) -> Result<breach::Loaded, CliError> {
    let id = id_arg(id)?;
    let (l, warnings) = store::load(ws, &id)?;
    print_diagnostics(&warnings, false);
    Ok(l)
}

#[derive(Serialize)]
struct ShowJson<'a> {
    breach: &'a Breach,
    deadline: DateTime<FixedOffset>,
    fields: std::collections::BTreeMap<&'static str, breach::FieldState>,
    missing: Vec<Field>,
    controllers: Vec<breach::ControllerProgress>,
}

fn show(cli: &Cli, ws: &Workspace, a: &IdArgs) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let l = load(ws, &a.id)?;
    let b = &l.breach;
    if cli.json {
        return print_json(&ShowJson {
            breach: b,
            deadline: crate::time::in_tz(deadline::deadline(b.aware_at).to_utc(), ws.tz),
            fields: fields::states(b)
                .into_iter()
                .map(|(f, s)| (f.key(), s))
                .collect(),
            missing: fields::missing(b),
            controllers: breach::progress(b),
        })
        .map(|()| 0);
    }
    let t = Templates::new(cli.lang(Some(ws)))?;
    let head = ws.journal().head()?;
    let ctx = notice::report_context(ws, &t, b, clock.now(), head);
    let text = t.render("breach-show.txt", &ctx)?;
    outln!("{}", text.trim_end());
    Ok(0)
}

fn defer(cli: &Cli, ws: &Workspace, a: &DeferArgs) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let id = id_arg(&a.id)?;
    let b = breach::defer(ws, &id, &a.field, &a.reason, clock.now(), &actor())?;
    let f = Field::parse(&a.field).map(Field::key).unwrap_or_default();
    if cli.json {
        print_json(&serde_json::json!({ "id": b.id, "deferred": b.deferred }))?;
    } else {
        outln!("breach {}: `{f}` deferred: {}", b.id, a.reason.trim());
        let missing = fields::missing(&b);
        if missing.is_empty() {
            outln!("every required field is now filled or deferred: `dpo breach notify {}` can send it", b.id);
        } else {
            let keys: Vec<&str> = missing.iter().map(|f| f.key()).collect();
            outln!("still missing: {}", keys.join(", "));
        }
    }
    Ok(0)
}

fn send(
    cli: &Cli,
    ws: &Workspace,
    id: &str,
    controllers: &[String],
    kind: NotifyKind,
    dry_run: bool,
    late_reason: Option<String>,
) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let id = id_arg(id)?;
    let controllers = controllers
        .iter()
        .map(|c| Id::new(c.trim()).map_err(|e| CliError::Usage(format!("--controller: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    // Say what is missing before asking for a mail server.
    let (l, _) = store::load(ws, &id)?;
    let missing = fields::missing(&l.breach);
    if !missing.is_empty() {
        return Err(BreachError::MissingFields {
            id,
            missing: missing.into_iter().map(breach::FieldLabel::of).collect(),
        }
        .into());
    }
    let smtp = if dry_run {
        None
    } else {
        let s = SmtpSettings::from_env(|k| std::env::var(k).ok())?;
        if s.security == mail::Security::Plain && !is_loopback(&s.host) {
            eprintln!(
                "warning: {} is used without TLS: the message crosses the network in clear\n  hint: use smtp://…?tls=required or smtps://…",
                s.describe()
            );
        }
        Some(s)
    };
    let req = NotifyRequest {
        id,
        controllers,
        kind,
        dry_run,
        late_reason,
        now: clock.now(),
        actor: actor(),
        lang: cli.lang(Some(ws)),
    };
    let sent = breach::notify(ws, &req, smtp.as_ref())?;
    if cli.json {
        print_json(&sent)?;
        return Ok(0);
    }
    for s in &sent {
        let what = if s.phase == 1 {
            "notification".to_string()
        } else {
            format!("supplement {}", s.phase - 1)
        };
        if s.dry_run {
            outln!(
                "dry run: {what} of breach {} to {} written, NOT sent: {}",
                req.id,
                s.controller,
                ws.root.join(&s.eml).display()
            );
        } else {
            outln!(
                "{what} of breach {} sent to {} <{}>",
                req.id,
                s.controller,
                s.recipients.join(", ")
            );
            outln!(
                "  server reply: {}",
                s.server_reply.as_deref().unwrap_or_default()
            );
        }
        outln!("  Message-ID: {}", s.message_id);
        outln!("  evidence:   {} (SHA-256 {})", s.eml, s.sha256);
        outln!("  journal:    entry {}", s.journal_seq);
        if !s.deferred.is_empty() {
            let keys: Vec<&str> = s.deferred.iter().map(|f| f.key()).collect();
            outln!(
                "  deferred:   {} — send them with `dpo breach supplement {}` once known",
                keys.join(", "),
                req.id
            );
        }
        if !s.dry_run && s.phase == 1 {
            let c = ws
                .controller(&s.controller)
                .map(|c| c.contacts.breach.clone())
                .unwrap_or_default();
            let called = store::load(ws, &req.id)
                .ok()
                .is_some_and(|(l, _)| l.breach.calls_to(&s.controller).next().is_some());
            if !called {
                outln!(
                    "  now CALL the designated contact ({}, {}) and log it: dpo breach call {} --controller {} --to NAME --number NUMBER --outcome TEXT",
                    c.name.as_deref().unwrap_or("name not recorded"),
                    c.phone.as_deref().unwrap_or("no phone number recorded"),
                    req.id,
                    s.controller
                );
            }
        }
    }
    Ok(0)
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn call(cli: &Cli, ws: &Workspace, a: &CallArgs) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let req = breach::CallRequest {
        id: id_arg(&a.id)?,
        controller: a
            .controller
            .as_deref()
            .map(|c| Id::new(c.trim()).map_err(|e| CliError::Usage(format!("--controller: {e}"))))
            .transpose()?,
        to: a.to.clone(),
        number: a.number.clone(),
        at: a
            .at
            .as_deref()
            .map(|s| time_arg("--at", s, ws))
            .transpose()?,
        outcome: a.outcome.clone(),
        now: clock.now(),
        actor: actor(),
    };
    let (b, call) = breach::call(ws, &req)?;
    if cli.json {
        print_json(&call)?;
        return Ok(0);
    }
    outln!(
        "call to {} ({}) for breach {} logged at {}",
        call.to,
        call.number,
        b.id,
        words::show(call.at)
    );
    let p = breach::progress(&b)
        .into_iter()
        .find(|p| p.controller == call.controller);
    match p {
        Some(p) if p.complete_at.is_some() => {
            let late = if p.on_time == Some(true) {
                "on time"
            } else {
                "AFTER the 72-hour deadline"
            };
            outln!(
                "the notification to {} is complete (e-mail and phone), {late}",
                call.controller
            );
        }
        _ => outln!(
            "the notification e-mail to {} is still to be sent: `dpo breach notify {}`",
            call.controller,
            b.id
        ),
    }
    Ok(0)
}

fn close(cli: &Cli, ws: &Workspace, a: &CloseArgs) -> Result<i32, CliError> {
    let clock = cli.clock(ws.tz)?;
    let b = breach::close(ws, &id_arg(&a.id)?, &a.summary, clock.now(), &actor())?;
    if cli.json {
        print_json(&b.closed)?;
        return Ok(0);
    }
    outln!("breach {} closed", b.id);
    for p in breach::progress(&b) {
        if p.complete_at.is_none() {
            eprintln!(
                "warning: the notification to {} was never completed (e-mail and phone call)",
                p.controller
            );
        }
    }
    Ok(0)
}

fn report(cli: &Cli, ws: &Workspace, a: &ReportArgs) -> Result<i32, CliError> {
    if a.format == ReportFormat::Pdf && a.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Usage(
            "refusing to print a PDF on the terminal\n  hint: add `-o violation.pdf`, or redirect the output to a file".into(),
        ));
    }
    let clock = cli.clock(ws.tz)?;
    let l = load(ws, &a.id)?;
    let t = Templates::new(cli.lang(Some(ws)))?;
    let head = ws.journal().head()?;
    let (md, pdf) = notice::render_report(ws, &t, &l.breach, clock.now(), head)?;
    let bytes = match a.format {
        ReportFormat::Pdf => pdf,
        ReportFormat::Md => md.into_bytes(),
    };
    super::write_output(a.output.as_deref(), &bytes)?;
    Ok(0)
}

fn severity(cli: &Cli, a: &SeverityArgs) -> Result<i32, CliError> {
    let s = severity::assess(a.dpc, a.ei, a.cb).map_err(|e| {
        CliError::Usage(format!("{e}\n  hint: DPC 1–4, EI 0.25/0.5/0.75/1, CB 0–2 (ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, 2013)"))
    })?;
    if cli.json {
        print_json(&s)?;
    } else {
        let lang = cli.lang(cli.load().ok().as_ref());
        let t = Templates::new(lang)?;
        outln!(
            "SE = DPC × EI + CB = {} × {} + {} = {} — {}",
            s.dpc,
            s.ei,
            s.cb,
            s.score,
            t.strings().get(s.level.label_key())
        );
        outln!("(ENISA 2013: < 2 low, 2–3 medium, 3–4 high, ≥ 4 very high; a guide for the DPO's judgement, never a reason to skip the notification)");
    }
    Ok(0)
}
