//! `dpo subprocessor`: the sub-processor register (Annex 1 §II.6) — list,
//! add and change (each making a written notice per controller concerned),
//! and notify (send the notices not yet sent).

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::request::{sending, SendArgs};
use super::{print_json, CliError, Settings};
use crate::mail::outbox::Resolve;
use crate::subprocessor::{self, Edit};

/// The sub-processor commands.
#[derive(Debug, Subcommand)]
pub enum SubProcessorCommand {
    /// List the sub-processors and the notices not yet sent.
    List,
    /// Add a sub-processor; makes a written notice for each controller concerned.
    Add(AddArgs),
    /// Change a sub-processor; makes a written notice for each controller concerned.
    Change(ChangeArgs),
    /// E-mail the notices not yet sent (all, or those named), PDF attached.
    Notify(NotifyArgs),
}

/// Values of a sub-processor; what is not given stays as it is.
#[derive(Debug, Args)]
pub struct Fields {
    /// Legal name.
    #[arg(long)]
    pub name: Option<String>,
    /// Postal address.
    #[arg(long)]
    pub address: Option<String>,
    /// Contact person or service.
    #[arg(long)]
    pub contact_name: Option<String>,
    /// Contact e-mail.
    #[arg(long)]
    pub contact_email: Option<String>,
    /// Contact phone.
    #[arg(long)]
    pub contact_phone: Option<String>,
    /// A processing activity entrusted to it (repeat; replaces the list).
    #[arg(long = "activity", value_name = "TEXT")]
    pub activities: Vec<String>,
    /// A controller concerned (repeat; replaces the list).
    #[arg(long = "controller", value_name = "ID")]
    pub controllers: Vec<String>,
    /// Reference of the contract.
    #[arg(long)]
    pub contract_reference: Option<String>,
    /// First day of the contract (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub contract_start: Option<NaiveDate>,
    /// Last day of the contract (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub contract_end: Option<NaiveDate>,
    /// Where the processing takes place.
    #[arg(long)]
    pub location: Option<String>,
    /// Guarantees offered (Art. 28(4)).
    #[arg(long)]
    pub guarantees: Option<String>,
}

impl Fields {
    fn edit(&self) -> Edit {
        Edit {
            name: self.name.clone(),
            address: self.address.clone(),
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            activities: (!self.activities.is_empty()).then(|| self.activities.clone()),
            controllers: (!self.controllers.is_empty()).then(|| self.controllers.clone()),
            contract_reference: self.contract_reference.clone(),
            contract_start: self.contract_start,
            contract_end: self.contract_end,
            location: self.location.clone(),
            guarantees: self.guarantees.clone(),
        }
    }
}

/// Options of `dpo subprocessor add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Identifier of the new sub-processor (lowercase letters, digits, dashes).
    pub id: String,
    /// Its values.
    #[command(flatten)]
    pub fields: Fields,
}

/// Options of `dpo subprocessor change`.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The sub-processor.
    pub id: String,
    /// The new values.
    #[command(flatten)]
    pub fields: Fields,
}

/// Options of `dpo subprocessor notify`.
#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// Notice ids (default: every notice not yet sent).
    pub notices: Vec<String>,
    /// How they are sent.
    #[command(flatten)]
    pub send: SendArgs,
}

fn print_edit(
    settings: &Settings,
    ws: &crate::workspace::Workspace,
    o: &subprocessor::EditOutcome,
) -> Result<(), CliError> {
    if settings.json {
        return print_json(o);
    }
    let s = settings.strings();
    say!(s, "sp-recorded", id = o.subprocessor.id.as_str())?;
    if !o.changed.is_empty() {
        say!(
            s,
            "sp-changed",
            fields = crate::audit::fields_in_words(&s, &o.changed)
        )?;
    }
    if !o.comments_kept {
        say!(s, "sp-comments-lost")?;
    }
    for n in &o.notices {
        say!(
            s,
            "sp-notice-ready",
            id = n.id.as_str(),
            controller = ws.controller_said(&n.controller, s.lang()),
            file = n.pdf.as_str(),
            sha256 = n.pdf_sha256.as_str()
        )?;
    }
    say!(s, "next-sp-notify")?;
    Ok(())
}

pub(super) fn run(settings: &Settings, c: &SubProcessorCommand) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let now = settings.clock(ws.tz)?.now();
    match c {
        SubProcessorCommand::List => {
            let (notices, diags) = subprocessor::notices(&ws);
            super::eprint_diagnostics(settings, &diags);
            let pending: Vec<_> = notices
                .iter()
                .filter(|l| l.record.sent.is_none())
                .map(|l| &l.record)
                .collect();
            if settings.json {
                #[derive(serde::Serialize)]
                struct Out<'a> {
                    subprocessors: &'a [crate::model::SubProcessor],
                    pending_notices: Vec<&'a crate::model::SubProcessorNotice>,
                }
                print_json(&Out {
                    subprocessors: &ws.subprocessors,
                    pending_notices: pending,
                })?;
            } else {
                for s in &ws.subprocessors {
                    let names: Vec<String> = s
                        .controllers
                        .iter()
                        .map(|c| ws.controller_name(c))
                        .collect();
                    outln!("{}  {}  [{}]", s.id, s.name, names.join(", "))?;
                    for a in &s.activities {
                        outln!("    - {a}")?;
                    }
                }
                let t = settings.strings();
                for n in pending {
                    say!(
                        t,
                        "sp-notice-pending",
                        id = n.id.as_str(),
                        subprocessor = n.subprocessor.as_str(),
                        controller = ws.controller_name(&n.controller).as_str()
                    )?;
                }
            }
        }
        SubProcessorCommand::Add(a) => {
            let o = sending(settings, &ws, now, (false, false, Resolve::Refuse), |how| {
                Ok(subprocessor::add(&ws, &a.id, &a.fields.edit(), how)?)
            })?;
            print_edit(settings, &ws, &o)?;
        }
        SubProcessorCommand::Change(a) => {
            let o = sending(settings, &ws, now, (false, false, Resolve::Refuse), |how| {
                Ok(subprocessor::change(&ws, &a.id, &a.fields.edit(), how)?)
            })?;
            print_edit(settings, &ws, &o)?;
        }
        SubProcessorCommand::Notify(a) => {
            // Name a wrong id before asking for mail settings.
            for id in &a.notices {
                subprocessor::load_notice(&ws, id)?;
            }
            let sent = sending(settings, &ws, now, a.send.how(true), |how| {
                Ok(subprocessor::notify(
                    &ws,
                    &a.notices,
                    how,
                    a.send.incomplete,
                )?)
            })?;
            if settings.json {
                print_json(&sent)?;
            } else {
                let t = settings.strings();
                for s in &sent {
                    let d = &s.delivered;
                    let notice = tr!(t, "sp-notice", id = s.notice.as_str());
                    if !s.incomplete.is_empty() {
                        let fields = crate::audit::fields_in_words(&t, &s.incomplete);
                        let w = tr!(
                            t,
                            "sp-notice-incomplete",
                            id = s.notice.as_str(),
                            fields = fields
                        );
                        warn_say!(t, "cli-warning", message = w);
                    }
                    outln!("{notice} — {}", super::delivered(&t, d))?;
                }
            }
        }
    }
    Ok(0)
}
