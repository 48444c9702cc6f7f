//! `dpo breach open|list|show|defer|notify|call|supplement|close|report|severity`:
//! the breach workflow of Annex 1 §II.8, from the first report to the
//! closing of the file. This file reads the arguments ([`args`]) and calls
//! [`crate::breach`]; [`print`] says what was done.

mod args;
mod print;
mod prompts;

pub(super) use args::BreachCommand;
use args::{
    CallArgs, CloseArgs, DeferArgs, IdArgs, OpenArgs, ReportArgs, ReportFormat, SeverityArgs,
};

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::{eprint_diagnostics, print_json, CliError, Settings, EXIT_FINDING};
use crate::breach::{self, notice, severity, store, BreachError, Field, NotifyKind, NotifyRequest};
use crate::mail::outbox::Resolve;
use crate::model::Id;
use crate::render::catalog::{Msg, Told};
use crate::render::Templates;
use crate::workspace::Workspace;

pub(super) fn run(settings: &Settings, cmd: &BreachCommand) -> Result<i32, CliError> {
    match dispatch(settings, cmd) {
        Err(CliError::Breach(e @ BreachError::MissingFields { .. })) => {
            if let (true, BreachError::MissingFields { missing, .. }) = (settings.json, &e) {
                print_json(&serde_json::json!({ "error": "missing_fields", "missing": missing }))?;
            }
            let s = settings.strings();
            let said = crate::render::catalog::Localize::message(&CliError::Breach(e), &s);
            warn_say!(s, "cli-error", message = said);
            Ok(EXIT_FINDING)
        }
        Err(CliError::Breach(BreachError::Invalid { file, diagnostics })) => {
            eprint_diagnostics(settings, &diagnostics);
            Err(CliError::Breach(BreachError::Invalid { file, diagnostics }))
        }
        other => other,
    }
}

fn dispatch(settings: &Settings, cmd: &BreachCommand) -> Result<i32, CliError> {
    if let BreachCommand::Severity(a) = cmd {
        return severity(settings, a);
    }
    let ws = settings.load()?;
    match cmd {
        BreachCommand::Open(a) => open(settings, &ws, a),
        BreachCommand::List => list(settings, &ws),
        BreachCommand::Show(a) => show(settings, &ws, a),
        BreachCommand::Set(a) => super::set::run::<crate::model::Breach>(
            settings,
            &ws,
            (&crate::workspace::kinds::BREACH, &a.id),
            a.field.at(&a.field.field),
        ),
        BreachCommand::Defer(a) => defer(settings, &ws, a),
        BreachCommand::Notify(a) => {
            let kind = NotifyKind::Initial { again: a.again };
            let late = a.late_reason.clone();
            let how = (a.dry_run, super::request::resolve(a.confirm_sent, a.again));
            let to = (a.id.as_str(), a.controller.as_slice(), a.attach.as_slice());
            send(settings, &ws, to, kind, how, late)
        }
        BreachCommand::Supplement(a) => {
            let fields = a
                .field
                .iter()
                .map(|f| {
                    Field::parse(f).ok_or_else(|| BreachError::UnknownField { name: f.clone() })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let kind = NotifyKind::Supplement {
                fields,
                progress: a.progress.clone(),
            };
            let how = (a.dry_run, a.uncertain.resolve());
            let to = (a.id.as_str(), a.controller.as_slice(), a.attach.as_slice());
            send(settings, &ws, to, kind, how, None)
        }
        BreachCommand::Call(a) => call(settings, &ws, a),
        BreachCommand::Close(a) => close(settings, &ws, a),
        BreachCommand::Report(a) => report(settings, &ws, a),
        BreachCommand::Severity(a) => severity(settings, a),
    }
}

fn id_arg(s: &str) -> Result<Id, CliError> {
    Id::new(s.trim())
        .map_err(|e| CliError::Said(Told::new(e.told().msg).hint(Msg::new("err-no-breach-hint"))))
}

fn controller_arg(s: &str) -> Result<Id, CliError> {
    Id::new(s.trim()).map_err(|e| CliError::option("--controller", e.told()))
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
    super::output::write_stderr(format_args!("{question} "), false);
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

fn open(settings: &Settings, ws: &Workspace, a: &OpenArgs) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let s = settings.strings();
    let title = match &a.title {
        Some(t) => t.clone(),
        None => prompt(&tr!(s, "prompt-title"))?
            .ok_or_else(|| CliError::Usage(tr!(s, "breach-needs-title")))?,
    };
    let aware_text = match &a.aware_at {
        Some(t) => t.clone(),
        None => {
            let q = tr!(s, "prompt-aware-at", tz = ws.tz.name());
            match prompt(&q)? {
                Some(s) if !s.is_empty() => s,
                Some(_) => crate::time::in_tz(clock.now(), ws.tz).to_rfc3339(),
                None => return Err(CliError::Usage(tr!(s, "breach-needs-aware-at"))),
            }
        }
    };
    let aware_at = time_arg("--aware-at", &aware_text, ws)?;
    let (occurred_at, discovered_at) =
        prompts::start_and_discovery(ws, a.occurred_at.as_deref(), a.discovered_at.as_deref(), &s)?;
    let req = breach::OpenRequest {
        aware_at,
        occurred_at,
        discovered_at,
        controllers: a
            .controller
            .iter()
            .map(|c| controller_arg(c))
            .collect::<Result<Vec<_>, _>>()?,
        id: a.id.as_deref().map(id_arg).transpose()?,
        title,
        discovered_by: a.discovered_by.clone(),
        circumstances: prompts::circumstances(ws, &a.circumstances, &s)?,
        now: clock.now(),
        actor: settings.actor()?,
        lang: settings.lang(Some(ws)),
    };
    let (b, path) = breach::open(ws, &req)?;
    print::opened(settings, ws, &b, &path, clock.now())
}

fn list(settings: &Settings, ws: &Workspace) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let (rows, diags) = breach::summaries(ws);
    eprint_diagnostics(settings, &diags);
    print::list(settings, ws, &rows, clock.now())?;
    Ok(if diags.iter().any(|d| d.is_error()) {
        super::EXIT_ERROR
    } else {
        0
    })
}

fn load(settings: &Settings, ws: &Workspace, id: &str) -> Result<breach::Loaded, CliError> {
    let id = id_arg(id)?;
    let (l, warnings) = store::load(ws, &id)?;
    eprint_diagnostics(settings, &warnings);
    Ok(l)
}

fn show(settings: &Settings, ws: &Workspace, a: &IdArgs) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    // Read under the shared lock: never a sending half recorded.
    let _read = crate::workspace::lock_shared(&ws.root, ws.lock_wait)?;
    let l = load(settings, ws, &a.id)?;
    let uncertain = breach::uncertain_sends(ws, &l.breach.id)?;
    let tampered = breach::summary::tampered(ws, &l.source.rel)?;
    // Who sent each message is the journal's actor; a journal that cannot
    // be read leaves it unknown (`journal verify` says why).
    let entries = ws.journal().entries().unwrap_or_default();
    let timeline = breach::summary::timeline(&l.breach, ws.tz, &entries);
    if settings.json {
        let mut o = breach::overview(&l.breach, ws.tz);
        o.uncertain = uncertain;
        o.tampered = tampered;
        o.timeline = timeline;
        return print_json(&o).map(|()| 0);
    }
    let t = Templates::new(settings.lang(Some(ws)))?;
    let head = ws.journal().head()?;
    let ctx = notice::report_context(ws, &t, &l.breach, clock.now(), head);
    let text = t.render("breach-show.txt", &ctx)?;
    outln!("{}", text.trim_end())?;
    print::timeline(&t, ws, &timeline)?;
    super::stamp_times::show_times(settings, ws, &l.breach)?;
    print::uncertain(&t, &l.breach.id, &uncertain)?;
    if let Some(f) = &tampered {
        print::tampered(settings, f)?;
    }
    Ok(0)
}

fn defer(settings: &Settings, ws: &Workspace, a: &DeferArgs) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let id = id_arg(&a.id)?;
    let b = breach::defer(
        ws,
        &id,
        &a.field,
        &a.reason,
        clock.now(),
        &settings.actor()?,
    )?;
    print::deferred(settings, &b, &a.field, &a.reason)
}

fn send(
    settings: &Settings,
    ws: &Workspace,
    (id, controllers, attach): (&str, &[String], &[PathBuf]),
    kind: NotifyKind,
    (dry_run, uncertain): (bool, Resolve),
    late_reason: Option<String>,
) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let req = NotifyRequest {
        attach: attach.to_vec(),
        id: id_arg(id)?,
        controllers: controllers
            .iter()
            .map(|c| controller_arg(c))
            .collect::<Result<Vec<_>, _>>()?,
        kind,
        dry_run,
        uncertain,
        late_reason,
        now: clock.now(),
        actor: settings.actor()?,
        lang: settings.lang(Some(ws)),
    };
    // Say what is missing before asking for a mail server.
    let prepared = breach::prepare(ws, &req)?;
    let smtp = if dry_run {
        None
    } else {
        Some(settings.smtp_for_sending()?)
    };
    let sent = prepared.send(smtp.as_ref())?;
    let code = print::sent(settings, ws, &req.id, &sent)?;
    let kept: Vec<PathBuf> = sent
        .iter()
        .filter(|x| !x.dry_run)
        .map(|x| ws.root.join(&x.eml))
        .collect();
    super::timestamp::auto(settings, ws, &kept);
    Ok(code)
}

fn call(settings: &Settings, ws: &Workspace, a: &CallArgs) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let req = breach::CallRequest {
        id: id_arg(&a.id)?,
        controller: a.controller.as_deref().map(controller_arg).transpose()?,
        to: a.to.clone(),
        number: a.number.clone(),
        at: a
            .at
            .as_deref()
            .map(|s| time_arg("--at", s, ws))
            .transpose()?,
        outcome: a.outcome.clone(),
        now: clock.now(),
        actor: settings.actor()?,
    };
    let (b, call) = breach::call(ws, &req)?;
    print::called(settings, ws, &b, &call)
}

fn close(settings: &Settings, ws: &Workspace, a: &CloseArgs) -> Result<i32, CliError> {
    let clock = settings.clock(ws.tz)?;
    let b = breach::close(
        ws,
        &id_arg(&a.id)?,
        (&a.summary, a.reason.as_deref().filter(|_| a.with_deferred)),
        clock.now(),
        &settings.actor()?,
    )?;
    print::closed(settings, &b)
}

fn report(settings: &Settings, ws: &Workspace, a: &ReportArgs) -> Result<i32, CliError> {
    if a.format == ReportFormat::Pdf && a.output.is_none() && std::io::stdout().is_terminal() {
        return Err(CliError::Said(
            Told::new(Msg::new("errors-pdf-on-terminal"))
                .hint(Msg::new("errors-pdf-on-terminal-hint").arg("file", "violation.pdf")),
        ));
    }
    let clock = settings.clock(ws.tz)?;
    let l = load(settings, ws, &a.id)?;
    let t = Templates::new(settings.lang(Some(ws)))?;
    let head = ws.journal().head()?;
    let tampered = breach::summary::tampered(ws, &l.source.rel)?;
    let (md, pdf) = notice::render_report(ws, &t, &l.breach, clock.now(), head, tampered.as_ref())?;
    let bytes = match a.format {
        ReportFormat::Pdf => pdf,
        ReportFormat::Md => md.into_bytes(),
    };
    super::write_output(settings, a.output.as_deref(), &bytes)?;
    // A record changed outside dpo: the report is written and says so at its
    // top; the command warns and exits 1.
    if let Some(f) = tampered {
        let s = settings.strings();
        let w = tr!(
            s,
            "breach-report-tampered",
            file = f.file.as_str(),
            message = crate::render::catalog::Localize::message(&f, &s)
        );
        warn_say!(s, "cli-warning", message = w);
        return Ok(EXIT_FINDING);
    }
    Ok(0)
}

fn severity(settings: &Settings, a: &SeverityArgs) -> Result<i32, CliError> {
    let s = severity::assess(a.dpc, a.ei, a.cb).map_err(BreachError::from)?;
    print::severity(settings, &s)
}
