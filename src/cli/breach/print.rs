//! What the breach commands print, as text or JSON: the outcome of each
//! step, with the next thing to do.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::super::{hashed, print_json, CliError, Settings};
use crate::breach::severity::Severity;
use crate::breach::summary::MomentKind;
use crate::breach::{self, deadline, fields, store, Field, Sent, Summary};
use crate::model::{Breach, Call, Id};
use crate::render::{words, Templates};
use crate::workspace::Workspace;

#[derive(Serialize)]
struct Opened<'a> {
    id: &'a Id,
    file: String,
    aware_at: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    message: String,
}

/// `dpo breach open`: the new file and its 72-hour deadline.
pub(super) fn opened(
    settings: &Settings,
    ws: &Workspace,
    b: &Breach,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<i32, CliError> {
    let t = Templates::new(settings.lang(Some(ws)))?;
    let due = deadline::deadline(b.aware_at);
    let message = words::deadline_line(
        t.strings(),
        deadline::PROCESSOR_LINE,
        crate::time::in_tz(now, ws.tz),
        due,
        ws.tz,
    );
    if settings.json {
        print_json(&Opened {
            id: &b.id,
            file: path.display().to_string(),
            aware_at: b.aware_at,
            deadline: crate::time::in_tz(due.to_utc(), ws.tz),
            message,
        })?;
    } else {
        let s = t.strings();
        let file = path.display().to_string();
        say!(s, "breach-opened", id = b.id.as_str(), file = file.as_str())?;
        outln!("{message}")?;
        say!(s, "next-breach-open", id = b.id.as_str(), file = file)?;
    }
    Ok(0)
}

/// `dpo breach list`: one line per breach, and its deadline while the
/// notification is incomplete.
pub(super) fn list(
    settings: &Settings,
    ws: &Workspace,
    rows: &[Summary],
    now: DateTime<Utc>,
) -> Result<(), CliError> {
    if settings.json {
        return print_json(&rows);
    }
    let t = Templates::new(settings.lang(Some(ws)))?;
    let s = t.strings();
    if rows.is_empty() {
        let dir = ws.root.join(store::DIR).display().to_string();
        say!(s, "breach-none", dir = dir)?;
        return Ok(());
    }
    let now = crate::time::in_tz(now, ws.tz);
    for r in rows {
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
            tr!(s, "breach-list-closed")
        } else {
            tr!(
                s,
                "breach-list-progress",
                mailed = mailed,
                called = called,
                n = n
            )
        };
        outln!("{:<10} {:<22} {}", r.id, state, r.title)?;
        if !r.closed && r.controllers.iter().any(|p| p.complete_at.is_none()) {
            let line = words::deadline_line(
                t.strings(),
                deadline::PROCESSOR_LINE,
                now,
                r.deadline,
                ws.tz,
            );
            outln!("{:<10} {line}", "")?;
        }
    }
    Ok(())
}

/// `dpo breach defer`: the deferral, and what is still missing.
pub(super) fn deferred(
    settings: &Settings,
    b: &Breach,
    field: &str,
    reason: &str,
) -> Result<i32, CliError> {
    let f = Field::parse(field).map(Field::key).unwrap_or_default();
    if settings.json {
        print_json(&serde_json::json!({ "id": b.id, "deferred": b.deferred }))?;
    } else {
        let s = settings.strings();
        let (id, reason) = (b.id.as_str(), reason.trim());
        say!(s, "breach-deferred", id = id, field = f, reason = reason)?;
        let missing = fields::missing(b);
        if missing.is_empty() {
            say!(s, "next-breach-notify", id = id)?;
        } else {
            let fields = in_words(&s, missing.iter().map(|f| f.key()));
            say!(s, "breach-still-missing", fields = fields)?;
        }
    }
    Ok(0)
}

/// `dpo breach notify|supplement`: each message, its evidence, and the call
/// still to make.
pub(super) fn sent(
    settings: &Settings,
    ws: &Workspace,
    id: &Id,
    sent: &[Sent],
) -> Result<i32, CliError> {
    if settings.json {
        print_json(&sent)?;
        return Ok(0);
    }
    let t = settings.strings();
    let id = id.as_str();
    for s in sent {
        // The phase: 1 is the notification, n > 1 the supplement n - 1.
        let what = tr!(t, "breach-message", supplement = s.phase.saturating_sub(1));
        let controller = ws.controller_said(&s.controller, t.lang());
        if s.dry_run {
            let file = ws.root.join(&s.eml).display().to_string();
            say!(
                t,
                "breach-dry-run",
                what = what,
                id = id,
                controller = controller,
                file = file
            )?;
        } else {
            let to = s.recipients.join(", ");
            say!(
                t,
                "breach-sent",
                what = what,
                id = id,
                controller = controller,
                to = to
            )?;
            let reply = s.server_reply.as_deref().unwrap_or_default();
            outln!("  {}", tr!(t, "sent-server-reply", reply = reply))?;
        }
        outln!("  Message-ID: {}", s.message_id)?;
        outln!("  {}", hashed(&t, "sent-evidence", &s.eml, &s.sha256))?;
        outln!("  {}", tr!(t, "sent-journal", seq = s.journal_seq))?;
        for a in &s.attachments {
            outln!("  {}", hashed(&t, "sent-attached", &a.name, &a.sha256))?;
        }
        if !s.changed.is_empty() {
            let fields = in_words(&t, s.changed.iter().map(|f| f.key()));
            outln!("  {}", tr!(t, "breach-sent-again", fields = fields))?;
        }
        if !s.deferred.is_empty() {
            let fields = in_words(&t, s.deferred.iter().map(|f| f.key()));
            outln!(
                "  {}",
                tr!(t, "next-breach-deferred", fields = fields, id = id)
            )?;
        }
        if let Some(c) = &s.to_call {
            let name = c.name.clone().unwrap_or_else(|| tr!(t, "contact-no-name"));
            let phone = c
                .phone
                .clone()
                .unwrap_or_else(|| tr!(t, "contact-no-phone"));
            outln!(
                "  {}",
                tr!(
                    t,
                    "next-breach-call",
                    name = name,
                    phone = phone,
                    id = id,
                    controller = s.controller.as_str()
                )
            )?;
        }
    }
    Ok(0)
}

/// `dpo breach call`: the call, and whether the notification is complete.
pub(super) fn called(
    settings: &Settings,
    ws: &Workspace,
    b: &Breach,
    call: &Call,
) -> Result<i32, CliError> {
    if settings.json {
        print_json(call)?;
        return Ok(0);
    }
    let s = settings.strings();
    let id = b.id.as_str();
    let controller = ws.controller_said(&call.controller, s.lang());
    say!(
        s,
        "breach-called",
        to = call.to.as_str(),
        number = call.number.as_str(),
        id = id,
        at = words::long_datetime(&s, call.at)
    )?;
    let p = breach::progress(b)
        .into_iter()
        .find(|p| p.controller == call.controller);
    match p {
        Some(p) if p.complete_at.is_some() => {
            let on_time = if p.on_time == Some(true) { "yes" } else { "no" };
            say!(
                s,
                "breach-complete",
                controller = controller.as_str(),
                on_time = on_time
            )?;
        }
        _ => say!(
            s,
            "next-breach-email",
            controller = controller.as_str(),
            id = id
        )?,
    }
    Ok(0)
}

/// `dpo breach close`: the closing, and any notification never completed.
pub(super) fn closed(settings: &Settings, b: &Breach) -> Result<i32, CliError> {
    if settings.json {
        print_json(&b.closed)?;
        return Ok(0);
    }
    let s = settings.strings();
    say!(s, "breach-closed", id = b.id.as_str())?;
    if let Some(c) = b.closed.as_ref().filter(|c| !c.deferred.is_empty()) {
        let fields = in_words(&s, c.deferred.iter().map(String::as_str));
        let w = tr!(s, "breach-closed-deferred", fields = fields);
        warn_say!(s, "cli-warning", message = w);
    }
    for p in breach::progress(b) {
        if p.complete_at.is_none() {
            let w = tr!(
                s,
                "breach-never-completed",
                controller = p.controller.as_str()
            );
            warn_say!(s, "cli-warning", message = w);
        }
    }
    Ok(0)
}

/// `dpo breach severity`: the score and its ENISA band.
pub(super) fn severity(settings: &Settings, s: &Severity) -> Result<i32, CliError> {
    if settings.json {
        print_json(s)?;
    } else {
        let lang = settings.lang(settings.load().ok().as_ref());
        let t = Templates::new(lang)?;
        outln!(
            "SE = DPC × EI + CB = {} × {} + {} = {} — {}",
            s.dpc,
            s.ei,
            s.cb,
            s.score,
            t.strings().get(s.level.label_key())
        )?;
        say!(t.strings(), "breach-severity-scale")?;
    }
    Ok(0)
}

/// `dpo breach show`: every instant of the breach, in order, with who.
pub(super) fn timeline(
    t: &Templates,
    ws: &Workspace,
    moments: &[breach::summary::Moment],
) -> Result<(), CliError> {
    let s = t.strings();
    outln!("")?;
    outln!("{}", s.get("timeline_heading"))?;
    for m in moments {
        let mut line = format!(
            "  {} — {}",
            words::long_instant(s, m.at, ws.tz),
            s.get(m.kind.key())
        );
        if let Some(n) = m.supplement {
            line.push_str(&format!(" {n}"));
        }
        if let Some(c) = &m.controller {
            line.push_str(&format!(" — {}", ws.controller_said(c, s.lang())));
        }
        if let Some(to) = &m.to {
            line.push_str(&format!(" — {}", s.get("timeline_to").replace("{to}", to)));
        }
        match (&m.by, m.kind) {
            // The record holds when the processor became aware, not who:
            // the journal names who recorded it.
            (Some(by), MomentKind::Aware) => {
                line.push_str(&format!(
                    " — {}",
                    tr!(s, "r9-timeline-recorded-by", by = by.as_str())
                ));
            }
            (Some(by), _) => {
                line.push_str(&format!(" — {}", s.get("timeline_by").replace("{by}", by)));
            }
            (None, _) => {}
        }
        outln!("{line}")?;
    }
    Ok(())
}

/// The notifications of breach `id` whose sending is uncertain, and what
/// to check before saying what happened.
pub(super) fn uncertain(
    t: &Templates,
    id: &Id,
    sends: &[crate::mail::outbox::UncertainSend],
) -> Result<(), CliError> {
    let s = t.strings();
    for u in sends {
        let command = match u.action.as_str() {
            "breach.supplement" => "supplement",
            _ => "notify",
        };
        outln!("")?;
        outln!(
            "{}",
            s.get("breach_uncertain")
                .replace("{eml}", &u.eml)
                .replace("{at}", &u.at)
                .replace("{message_id}", &u.message_id)
        )?;
        outln!(
            "  {}",
            s.get("breach_uncertain_hint")
                .replace("{command}", &format!("dpo breach {command} {id}"))
        )?;
    }
    Ok(())
}

/// The mark of a breach whose file does not match the journal: what it
/// shows may not be what dpo recorded.
pub(super) fn tampered(
    settings: &Settings,
    f: &crate::workspace::integrity::Finding,
) -> Result<(), CliError> {
    outln!("")?;
    let s = settings.strings();
    say!(
        s,
        "breach-show-tampered",
        file = f.file.as_str(),
        message = crate::render::catalog::Localize::message(f, &s)
    )?;
    Ok(())
}

/// Breach fields by their `keys`, each said in words with the key to type
/// beside it: "conséquences probables de la violation (`consequences`)".
fn in_words<'k>(
    s: &crate::render::templates::Strings,
    keys: impl Iterator<Item = &'k str>,
) -> String {
    keys.map(|k| match Field::parse(k) {
        Some(f) => s.fmt(
            "screens-field-named",
            &[
                ("label", s.get(&f.label_key()).into()),
                ("key", f.key().into()),
            ],
        ),
        None => format!("`{k}`"),
    })
    .collect::<Vec<_>>()
    .join(", ")
}
