//! `dpo instruction`: documented instructions (Annex 1 §II.1–2, §III.3) —
//! log, object (e-mailed at once), notify what is pending, list.

use clap::{Args, Subcommand};

use super::request::{sending, UncertainArgs};
use super::{eprint_diagnostics, print_json, CliError, Settings};
use crate::instruction::{self, InstructionError};
use crate::mail::outbox::{Resolve, Sending};
use crate::model::MailRecord;
use crate::render::words;

/// The instruction commands.
#[derive(Debug, Subcommand)]
pub enum InstructionCommand {
    /// Log a documented instruction; with --transfer-country and
    /// --legal-basis, a transfer to a third country required by law, notified
    /// to the controller at once, before it happens.
    Log(LogArgs),
    /// Record and e-mail the processor's notice that an instruction would
    /// infringe data-protection law.
    Object(ObjectArgs),
    /// Send the objection or transfer notice of an instruction that was
    /// recorded but not sent.
    Notify(NotifyArgs),
    /// List the instructions.
    List,
}

/// Options of `dpo instruction log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The controller that gave it.
    #[arg(long, value_name = "ID")]
    pub controller: String,
    /// Who gave it (name and role).
    #[arg(long, value_name = "NAME")]
    pub from: String,
    /// When: RFC 3339, or local `YYYY-MM-DD HH:MM`.
    #[arg(long, value_name = "TIME")]
    pub at: String,
    /// What is instructed.
    #[arg(long, value_name = "TEXT")]
    pub summary: String,
    /// The document that carries it.
    #[arg(long, value_name = "DOC")]
    pub reference: Option<String>,
    /// A transfer to this third country or international organisation is required by law.
    #[arg(long, value_name = "COUNTRY", requires = "legal_basis")]
    pub transfer_country: Option<String>,
    /// The law that requires the transfer.
    #[arg(long, value_name = "TEXT", requires = "transfer_country")]
    pub legal_basis: Option<String>,
    /// Write the transfer notice to evidence/ without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// An interrupted earlier sending.
    #[command(flatten)]
    pub uncertain: UncertainArgs,
}

/// Options of `dpo instruction object`.
#[derive(Debug, Args)]
pub struct ObjectArgs {
    /// The instruction id.
    pub id: String,
    /// Why it would infringe the GDPR or other data-protection law.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Write the message to evidence/ without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// An interrupted earlier sending.
    #[command(flatten)]
    pub uncertain: UncertainArgs,
}

/// Options of `dpo instruction notify`.
#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The instruction id.
    pub id: String,
    /// Write the message to evidence/ without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// An interrupted earlier sending.
    #[command(flatten)]
    pub uncertain: UncertainArgs,
}

fn print_outcome(settings: &Settings, o: &instruction::Outcome) -> Result<(), CliError> {
    if settings.json {
        return print_json(o);
    }
    let s = settings.strings();
    let (id, file) = (o.instruction.id.as_str(), o.file.as_str());
    say!(s, "instruction-logged", id = id, file = file)?;
    for (k, d) in &o.sent {
        let k = match k {
            instruction::NoticeKind::Objection => tr!(s, "instruction-objection"),
            instruction::NoticeKind::Transfer => tr!(s, "instruction-transfer-notice"),
        };
        outln!("{k} — {}", super::delivered(&s, d))?;
    }
    Ok(())
}

pub(super) fn run(settings: &Settings, c: &InstructionCommand) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let now = settings.clock(ws.tz)?.now();
    // Sends (or writes, in a dry run) through the outbox, then prints.
    type Send<'a> = &'a dyn Fn(&Sending) -> Result<instruction::Outcome, InstructionError>;
    let send = |how_to: (bool, bool, Resolve), f: Send| {
        let o = sending(settings, &ws, now, how_to, |how| Ok(f(how)?))?;
        print_outcome(settings, &o)
    };
    match c {
        InstructionCommand::Log(a) => {
            // When the instruction was given: not in the future.
            let at = crate::time::parse_past("the time of the instruction", &a.at, ws.tz, now)
                .map_err(|source| CliError::Time {
                    flag: "--at",
                    source: Box::new(source),
                })?;
            let transfer = a.transfer_country.clone().zip(a.legal_basis.clone());
            ws.require_controller(&a.controller)
                .map_err(InstructionError::from)?;
            let needs_server = transfer.is_some();
            let new = instruction::NewInstruction {
                controller: a.controller.clone(),
                from: a.from.clone(),
                at,
                summary: a.summary.clone(),
                reference: a.reference.clone(),
                transfer,
            };
            send((a.dry_run, needs_server, a.uncertain.resolve()), &|how| {
                instruction::log(&ws, &new, how)
            })?;
        }
        InstructionCommand::Object(a) => {
            // Name a wrong id before asking for mail settings.
            instruction::load(&ws, &a.id)?;
            send((a.dry_run, true, a.uncertain.resolve()), &|how| {
                instruction::object(&ws, &a.id, &a.reason, how)
            })?;
        }
        InstructionCommand::Notify(a) => {
            instruction::load(&ws, &a.id)?;
            send((a.dry_run, true, a.uncertain.resolve()), &|how| {
                instruction::notify(&ws, &a.id, how)
            })?;
        }
        InstructionCommand::List => {
            let (all, diags) = instruction::list(&ws);
            eprint_diagnostics(settings, &diags);
            if settings.json {
                let v: Vec<_> = all.iter().map(|l| &l.record).collect();
                print_json(&v)?;
            } else {
                let s = settings.strings();
                for l in &all {
                    let i = &l.record;
                    let at = words::long_datetime_in(&s, i.at, ws.tz);
                    let from = tr!(s, "instruction-from", from = i.from.as_str());
                    let controller = ws.controller_name(&i.controller);
                    outln!("{}  {controller}  {at}  {from}", i.id)?;
                    outln!("    {}", i.summary)?;
                    // A transfer and an objection each call for a notice:
                    // one line each, saying whether it went out.
                    let sent = |n: &Option<MailRecord>| if n.is_some() { "yes" } else { "no" };
                    let notices = [
                        i.transfer.as_ref().map(|t| {
                            let (country, basis) = (t.country.as_str(), t.legal_basis.as_str());
                            let sent = sent(&t.notice);
                            tr!(
                                s,
                                "instruction-transfer",
                                country = country,
                                basis = basis,
                                sent = sent
                            )
                        }),
                        i.objection.as_ref().map(|o| {
                            let sent = sent(&o.notice);
                            tr!(
                                s,
                                "instruction-objection-line",
                                reason = o.reason.as_str(),
                                sent = sent
                            )
                        }),
                    ];
                    for line in notices.into_iter().flatten() {
                        outln!("    {line}")?;
                    }
                }
            }
            if diags.iter().any(|d| d.is_error()) {
                return Ok(super::EXIT_ERROR);
            }
        }
    }
    Ok(0)
}
