//! What the breach commands print, as text or JSON: the outcome of each
//! step, with the next thing to do.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::super::{print_json, CliError, Settings};
use crate::breach::severity::Severity;
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
        outln!("breach {} opened: {}", b.id, path.display())?;
        outln!("{message}")?;
        outln!(
            "next: fill in `{}`, defer what is not known yet (`dpo breach defer {} FIELD --reason …`), then `dpo breach notify {}`",
            path.display(),
            b.id,
            b.id
        )?;
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
    if rows.is_empty() {
        outln!(
            "no breach recorded in `{}`",
            ws.root.join(store::DIR).display()
        )?;
        return Ok(());
    }
    let t = Templates::new(settings.lang(Some(ws)))?;
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
            "closed".to_string()
        } else {
            format!("e-mail {mailed}/{n}, call {called}/{n}")
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
        outln!("breach {}: `{f}` deferred: {}", b.id, reason.trim())?;
        let missing = fields::missing(b);
        if missing.is_empty() {
            outln!("every required field is now filled or deferred: `dpo breach notify {}` can send it", b.id)?;
        } else {
            let keys: Vec<&str> = missing.iter().map(|f| f.key()).collect();
            outln!("still missing: {}", keys.join(", "))?;
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
    for s in sent {
        let what = if s.phase == 1 {
            "notification".to_string()
        } else {
            format!("supplement {}", s.phase - 1)
        };
        if s.dry_run {
            outln!(
                "dry run: {what} of breach {id} to {} written, NOT sent: {}",
                s.controller,
                ws.root.join(&s.eml).display()
            )?;
        } else {
            outln!(
                "{what} of breach {id} sent to {} <{}>",
                s.controller,
                s.recipients.join(", ")
            )?;
            outln!(
                "  server reply: {}",
                s.server_reply.as_deref().unwrap_or_default()
            )?;
        }
        outln!("  Message-ID: {}", s.message_id)?;
        outln!("  evidence:   {} (SHA-256 {})", s.eml, s.sha256)?;
        outln!("  journal:    entry {}", s.journal_seq)?;
        for a in &s.attachments {
            outln!("  attached:   {} (SHA-256 {})", a.name, a.sha256)?;
        }
        if !s.changed.is_empty() {
            let keys: Vec<&str> = s.changed.iter().map(|f| f.key()).collect();
            outln!("  changed since last sent, sent again: {}", keys.join(", "))?;
        }
        if !s.deferred.is_empty() {
            let keys: Vec<&str> = s.deferred.iter().map(|f| f.key()).collect();
            outln!(
                "  deferred:   {} — send them with `dpo breach supplement {id}` once known",
                keys.join(", ")
            )?;
        }
        if let Some(c) = &s.to_call {
            outln!(
                "  now CALL the designated contact ({}, {}) and log it: dpo breach call {id} --controller {} --to NAME --number NUMBER --outcome TEXT",
                c.name.as_deref().unwrap_or("name not recorded"),
                c.phone.as_deref().unwrap_or("no phone number recorded"),
                s.controller
            )?;
        }
    }
    Ok(0)
}

/// `dpo breach call`: the call, and whether the notification is complete.
pub(super) fn called(settings: &Settings, b: &Breach, call: &Call) -> Result<i32, CliError> {
    if settings.json {
        print_json(call)?;
        return Ok(0);
    }
    outln!(
        "call to {} ({}) for breach {} logged at {}",
        call.to,
        call.number,
        b.id,
        words::show(call.at)
    )?;
    let p = breach::progress(b)
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
            )?;
        }
        _ => outln!(
            "the notification e-mail to {} is still to be sent: `dpo breach notify {}`",
            call.controller,
            b.id
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
    outln!("breach {} closed", b.id)?;
    if let Some(c) = b.closed.as_ref().filter(|c| !c.deferred.is_empty()) {
        errln!(
            "warning: closed with item(s) still deferred, never sent: {}",
            c.deferred.join(", ")
        );
    }
    for p in breach::progress(b) {
        if p.complete_at.is_none() {
            errln!(
                "warning: the notification to {} was never completed (e-mail and phone call)",
                p.controller
            );
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
        outln!("(ENISA 2013: < 2 low, 2–3 medium, 3–4 high, ≥ 4 very high; a guide for the DPO's judgement, never a reason to skip the notification)")?;
    }
    Ok(0)
}

/// `dpo breach show`: every instant of the breach, in order, with who.
pub(super) fn timeline(
    t: &Templates,
    tz: chrono_tz::Tz,
    moments: &[breach::summary::Moment],
) -> Result<(), CliError> {
    let s = t.strings();
    outln!("")?;
    outln!("{}", s.get("timeline_heading"))?;
    for m in moments {
        let mut line = format!(
            "  {} — {}",
            words::long_instant(s, m.at, tz),
            s.get(m.kind.key())
        );
        if let Some(n) = m.supplement {
            line.push_str(&format!(" {n}"));
        }
        if let Some(c) = &m.controller {
            line.push_str(&format!(" — {c}"));
        }
        if let Some(to) = &m.to {
            line.push_str(&format!(" — {}", s.get("timeline_to").replace("{to}", to)));
        }
        if let Some(by) = &m.by {
            line.push_str(&format!(" — {}", s.get("timeline_by").replace("{by}", by)));
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
pub(super) fn tampered(f: &crate::workspace::integrity::Finding) -> Result<(), CliError> {
    outln!("")?;
    outln!(
        "WARNING: `{}` does not match the journal — what is shown above may not be what dpo recorded: {}",
        f.file,
        f.message()
    )?;
    Ok(())
}
