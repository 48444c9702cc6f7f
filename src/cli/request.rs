//! `dpo request`: data-subject requests (Annex 1 §II.7) — log and forward
//! at once by e-mail, forward later, list with the one-month deadline.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use serde::Serialize;

use chrono::{DateTime, Utc};

use super::{eprint_diagnostics, print_json, CliError, Settings};
use crate::mail::outbox::{Resolve, Sending};
use crate::mail::SmtpSettings;
use crate::model::Right;
use crate::render::words;
use crate::render::Templates;
use crate::request::{self, RequestError};
use crate::time::working_days::PeriodEnd;
use crate::workspace::Workspace;

/// The request commands.
#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Log a request and forward it at once by e-mail to the controller's
    /// data-subject-request contact.
    Log(LogArgs),
    /// Forward a request logged with --no-forward.
    Forward(ForwardArgs),
    /// Set one field of the request file, journaled (e.g. `summary "…"`).
    Set(super::set::SetArgs),
    /// List the requests with their forwarding and the controller's deadline.
    List,
}

/// `--right`: the word of the file, with the article as help.
fn right_parser() -> impl TypedValueParser<Value = Right> {
    let values =
        Right::ALL.map(|r| PossibleValue::new(r.key()).help(format!("Art. {}", r.article())));
    PossibleValuesParser::new(values).try_map(|k| Right::from_key(&k).ok_or("not a right"))
}

/// Options of `dpo request log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The controller the request concerns.
    #[arg(long, value_name = "ID")]
    pub controller: String,
    /// The right invoked.
    #[arg(long, value_parser = right_parser())]
    pub right: Right,
    /// When the processor received it: RFC 3339, or local `YYYY-MM-DD HH:MM`.
    #[arg(long, value_name = "TIME")]
    pub received_at: String,
    /// What is asked (keep personal data to what the controller needs).
    #[arg(long, value_name = "TEXT")]
    pub summary: String,
    /// How it arrived (e-mail, letter, counter…).
    #[arg(long, value_name = "TEXT")]
    pub channel: Option<String>,
    /// Record only; forward later with `dpo request forward ID`.
    #[arg(long, conflicts_with = "incomplete")]
    pub no_forward: bool,
    /// Attach this document to the forward, e.g. the original request as
    /// received (repeatable); its name and SHA-256 are kept in the request
    /// file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_forward")]
    pub attach: Vec<std::path::PathBuf>,
    /// How the forward is sent.
    #[command(flatten)]
    pub send: SendArgs,
}

/// Options of `dpo request forward`.
#[derive(Debug, Args)]
pub struct ForwardArgs {
    /// The request id.
    pub id: String,
    /// Attach this document, e.g. the original request as received
    /// (repeatable); its name and SHA-256 are kept in the request file.
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<std::path::PathBuf>,
    /// How it is sent.
    #[command(flatten)]
    pub send: SendArgs,
}

/// How a command that sends messages (a request forward, sub-processor
/// notices) sends them: for real or as a dry run, despite « à compléter »,
/// and what to do about an interrupted earlier sending.
#[derive(Debug, Args, Default)]
pub struct SendArgs {
    /// Write the message(s) to evidence/ without sending.
    #[arg(long)]
    pub dry_run: bool,
    /// Send even though a required field is « à compléter » (the record says so).
    #[arg(long)]
    pub incomplete: bool,
    /// An interrupted earlier sending.
    #[command(flatten)]
    pub uncertain: UncertainArgs,
}

/// What a sending command does about an earlier sending of the same message
/// that was interrupted (an "envoi incertain", shown by `dpo status`).
#[derive(Debug, Args, Default)]
pub struct UncertainArgs {
    /// An earlier sending of this message was interrupted, and the mail
    /// server's log shows it received it: record it as sent, from the kept
    /// .eml, without sending anything.
    #[arg(long, conflicts_with_all = ["again", "dry_run"])]
    pub confirm_sent: bool,
    /// An earlier sending of this message was interrupted, and the server
    /// did not receive it: send a new message.
    #[arg(long)]
    pub again: bool,
}

impl SendArgs {
    /// How [`sending`] sends: for real or as a dry run, through the mail
    /// server when `needs_server`, and what about an uncertain sending.
    pub(super) fn how(&self, needs_server: bool) -> (bool, bool, Resolve) {
        (self.dry_run, needs_server, self.uncertain.resolve())
    }
}

impl UncertainArgs {
    /// What the outbox does about the uncertain sending.
    pub fn resolve(&self) -> Resolve {
        resolve(self.confirm_sent, self.again)
    }
}

/// `--confirm-sent` / `--again` as what the outbox does.
pub(super) fn resolve(confirm_sent: bool, again: bool) -> Resolve {
    if confirm_sent {
        Resolve::ConfirmSent
    } else if again {
        Resolve::Again
    } else {
        Resolve::Refuse
    }
}

/// The mail server, from the environment, when the command sends.
pub(super) fn smtp(settings: &Settings, needed: bool) -> Result<Option<SmtpSettings>, CliError> {
    if !needed {
        return Ok(None);
    }
    Ok(Some(settings.smtp_for_sending()?))
}

/// Runs `send` with how the command sends: at `now`, by the actor, in the
/// command's language, and — unless in a dry run or `needs_server` is false
/// — through the mail server.
pub(super) fn sending<T>(
    settings: &Settings,
    ws: &Workspace,
    now: DateTime<Utc>,
    (dry_run, needs_server, uncertain): (bool, bool, Resolve),
    send: impl FnOnce(&Sending) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let smtp = smtp(settings, needs_server && !dry_run)?;
    let actor = settings.actor()?;
    send(&Sending {
        now,
        actor: &actor,
        lang: settings.lang(Some(ws)),
        dry_run,
        smtp: smtp.as_ref(),
        uncertain,
    })
}

/// What `request log` (`logged`) or `request forward` did.
fn print_outcome(
    settings: &Settings,
    ws: &Workspace,
    o: &request::Outcome,
    logged: bool,
) -> Result<(), CliError> {
    if settings.json {
        return print_json(o);
    }
    let t = Templates::new(settings.lang(Some(ws)))?;
    let s = t.strings();
    let (id, file) = (o.request.id.as_str(), o.file.as_str());
    if logged {
        say!(s, "request-logged", id = id, file = file)?;
    }
    if let Some(p) = &o.answer_period {
        outln!(
            "{}",
            s.get("request_answer_due")
                .replace("{due}", &words::period_end(s, p))
        )?;
    }
    match &o.forwarded {
        Some(f) => {
            let gaps: Vec<String> = o
                .request
                .forwarded
                .iter()
                .flat_map(|r| r.incomplete.clone())
                .collect();
            if !f.dry_run && !gaps.is_empty() {
                let fields = crate::audit::fields_in_words(s, &gaps);
                let w = tr!(s, "request-forwarded-incomplete", fields = fields);
                warn_say!(s, "cli-warning", message = w);
            }
            outln!("{}", super::delivered(s, f))?
        }
        None => say!(s, "next-request-forward", id = id)?,
    }
    for a in o.forwarded.iter().flat_map(|f| &f.record.attachments) {
        outln!("{}", super::hashed(s, "sent-attached", &a.name, &a.sha256))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Row {
    id: String,
    controller: String,
    right: &'static str,
    received_at: String,
    forward_due: String,
    forwarded_at: Option<String>,
    answer_due: Option<String>,
    answer_period: Option<PeriodEnd>,
    summary: String,
}

pub(super) fn run(settings: &Settings, c: &RequestCommand) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let now = settings.clock(ws.tz)?.now();
    match c {
        RequestCommand::Log(a) => {
            let received_at =
                request::received_at(&a.received_at, ws.tz, now).map_err(|source| {
                    CliError::Time {
                        flag: "--received-at",
                        source: Box::new(source),
                    }
                })?;
            let new = request::NewRequest {
                controller: a.controller.clone(),
                right: a.right,
                received_at,
                summary: a.summary.clone(),
                channel: a.channel.clone(),
                no_forward: a.no_forward,
                incomplete: a.send.incomplete,
                attach: a.attach.clone(),
            };
            // Refusals that need no server come first.
            ws.require_controller(&a.controller)
                .map_err(RequestError::from)?;
            let o = sending(settings, &ws, now, a.send.how(!a.no_forward), |how| {
                Ok(request::log(&ws, &new, how)?)
            })?;
            print_outcome(settings, &ws, &o, true)?;
        }
        RequestCommand::Forward(a) => {
            // Name a wrong id before asking for mail settings.
            request::load(&ws, &a.id)?;
            let o = sending(settings, &ws, now, a.send.how(true), |how| {
                Ok(request::forward(
                    &ws,
                    &a.id,
                    &a.attach,
                    how,
                    a.send.incomplete,
                )?)
            })?;
            print_outcome(settings, &ws, &o, false)?;
        }
        RequestCommand::Set(a) => {
            let kind = (&crate::workspace::kinds::REQUEST, a.id.as_str());
            let field = &a.field.field;
            return super::set::run::<crate::model::Request>(
                settings,
                &ws,
                kind,
                a.field.at(field),
            );
        }
        RequestCommand::List => {
            let (all, diags) = request::list(&ws);
            eprint_diagnostics(settings, &diags);
            let t = Templates::new(settings.lang(Some(&ws)))?;
            let s = t.strings();
            let rows: Vec<Row> = all
                .iter()
                .map(|l| {
                    let r = &l.record;
                    let period = request::answer_due(r.received_at, ws.tz).map(|(p, _)| p);
                    Row {
                        id: r.id.to_string(),
                        controller: r.controller.to_string(),
                        right: r.right.key(),
                        received_at: words::show_in(r.received_at, ws.tz),
                        forward_due: words::show_in(request::forward_due(r.received_at), ws.tz),
                        forwarded_at: r
                            .forwarded
                            .as_ref()
                            .map(|f| words::show_in(f.sent_at, ws.tz)),
                        answer_due: period.map(|p| p.ends.to_string()),
                        answer_period: period,
                        summary: r.summary.clone(),
                    }
                })
                .collect();
            if settings.json {
                print_json(&rows)?;
            } else {
                for (r, l) in rows.iter().zip(&all) {
                    let right = s.get(&format!("right.{}", r.right)).to_string();
                    let received = words::long_datetime_in(s, l.record.received_at, ws.tz);
                    let forwarded = match &l.record.forwarded {
                        Some(f) => tr!(
                            s,
                            "request-forwarded-at",
                            at = words::long_datetime_in(s, f.sent_at, ws.tz)
                        ),
                        None => tr!(s, "request-not-forwarded-yet"),
                    };
                    outln!(
                        "{}  {}  {right}  {}  {forwarded}",
                        r.id,
                        ws.controller_name(&l.record.controller),
                        tr!(s, "request-received-at", at = received),
                    )?;
                    let due = r.answer_period.as_ref().map(|p| words::period_end(s, p));
                    outln!(
                        "    {}",
                        s.get("request_answer_due")
                            .replace("{due}", due.as_deref().unwrap_or("?"))
                    )?;
                    outln!("    {}", r.summary)?;
                }
            }
            if diags.iter().any(|d| d.is_error()) {
                return Ok(super::EXIT_ERROR);
            }
        }
    }
    Ok(0)
}
