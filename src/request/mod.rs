//! Data-subject requests (Annex 1 §II.7): logged in `requests/<id>.yaml`
//! and forwarded by e-mail, on receipt, to the controller's
//! data-subject-request contact, through the outbox; the controller answers
//! within one month (GDPR Art. 12(3)). This module decides the two
//! deadlines; `dpo status` reads them. Nothing here prints or reads the
//! clock.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::mail::outbox::{
    self, Delivered, Filing, InfraError, Letter, Outbox, OutboxError, Sending,
};
use crate::model::{required_text, Id, MailRecord, Request, Right};
use crate::render::catalog::Msg;
use crate::render::words;
use crate::render::Templates;
use crate::time::working_days::PeriodEnd;
use crate::time::TimeError;
use crate::workspace::kinds::{self, Record};
use crate::workspace::store::{self, StoreError, Stored};
use crate::workspace::{self, Diagnostic, JournalHead, SourceFile, Workspace};

mod check;
pub use check::problems;

/// The folder of request files.
pub const DIR: &str = kinds::REQUEST.path;

/// What can go wrong with a data-subject request: the controller, the
/// request file, the workspace, the message or a template; a request has no
/// refusal of its own beyond the outbox's (already forwarded, no contact).
pub type RequestError = InfraError;

/// What `dpo request log` was given.
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// The controller id, as typed.
    pub controller: String,
    /// The right invoked.
    pub right: Right,
    /// When it was received (read by [`received_at`]: not in the future).
    pub received_at: DateTime<FixedOffset>,
    /// What is asked.
    pub summary: String,
    /// How it arrived.
    pub channel: Option<String>,
    /// Record only; forward later with `dpo request forward`.
    pub no_forward: bool,
    /// Forward it even though a required field is « à compléter »
    /// (`--incomplete`; the record says so).
    pub incomplete: bool,
    /// Documents attached to the forward (`--attach`), as with
    /// `request forward`.
    pub attach: Vec<std::path::PathBuf>,
}

/// What logging or forwarding did.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The request as recorded.
    pub request: Request,
    /// Its file, relative to the workspace.
    pub file: String,
    /// The message, when one was sent or written.
    pub forwarded: Option<Delivered>,
    /// The last day of the controller's one-month deadline (after art.
    /// 3(4) of Reg. 1182/71).
    pub answer_due: Option<NaiveDate>,
    /// That deadline: the day counted, the day it ends, why it moved.
    pub answer_period: Option<PeriodEnd>,
}

impl Record for Request {
    fn diagnostics(ws: &Workspace, now: DateTime<Utc>) -> Vec<Diagnostic> {
        let (all, mut d) = list(ws);
        for s in &all {
            d.extend(problems(ws, &s.record, &s.source, now));
        }
        d
    }
}

/// Every request, and the problems in request files.
pub fn list(ws: &Workspace) -> (Vec<Stored<Request>>, Vec<Diagnostic>) {
    store::load_all(ws, DIR)
}

/// The request `id`.
pub fn load(ws: &Workspace, id: &str) -> Result<Stored<Request>, RequestError> {
    Ok(store::load_one(ws, "request", DIR, id)?)
}

/// The controller's one-month deadline to answer a request received at
/// `received` (GDPR Art. 12(3)), counted in calendar months on the local
/// date of receipt as Regulation 1182/71 counts periods in months: the same
/// date one month later, or the last day of that month when it has no such
/// date (31 January → 28 or 29 February); when that day is a Saturday, a
/// Sunday or a public holiday, the next working day (art. 3(4); EDPB
/// Guidelines 01/2022). The period ends at the end of that day, local time,
/// whatever daylight-saving change falls in between.
pub fn answer_due(
    received: DateTime<FixedOffset>,
    tz: Tz,
) -> Option<(PeriodEnd, DateTime<FixedOffset>)> {
    let day = received.with_timezone(&tz).date_naive();
    let period = crate::time::working_days::months_from_event(day, 1)?;
    Some((period, crate::time::end_of_day(period.ends, tz)?))
}

/// The processor's deadline to forward a request: 24 elapsed hours after
/// receipt. Annex 1 §II.7 says "dès réception" (on receipt); 24 hours is the
/// tolerance after which `dpo status` flags it.
pub fn forward_due(received: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    received + chrono::TimeDelta::hours(24)
}

/// Reads the time of receipt as typed (`--received-at`, a user's time in
/// `tz`) and refuses one later than `now`, the command's clock: a request
/// cannot be logged before it arrives. Leap seconds, daylight-saving gaps
/// and overlaps are refused as for every typed time.
pub fn received_at(
    typed: &str,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<FixedOffset>, TimeError> {
    crate::time::parse_past("the time of receipt", typed, tz, now)
}

/// Checks what can be checked before anything is written: the controller's
/// data-subject-request e-mail and the sender, when the request is to be
/// forwarded.
fn preflight(ws: &Workspace, controller: &Id, how: &Sending) -> Result<(), RequestError> {
    let (_, c) = ws.require_controller(controller.as_str())?;
    if !c.contacts.data_subject_requests.has_email() {
        return Err(OutboxError::NoContact {
            controller: Box::new(ws.controller_msg(controller)),
            what: "va-what-requests",
            field: "contacts.data_subject_requests.email",
            file: workspace::controller_file(controller),
            hint: "va-hint-request-contact",
        }
        .into());
    }
    Ok(outbox::ready(ws, how, &Msg::new("va-what-the-request"))?)
}

/// Logs a request and, unless `no_forward`, forwards it at once with the
/// documents of `attach`.
pub fn log(ws: &Workspace, new: &NewRequest, how: &Sending) -> Result<Outcome, RequestError> {
    let (controller, _) = ws.require_controller(&new.controller)?;
    let summary = required_text(
        &new.summary,
        "--summary",
        "--summary \"demande d'accès au dossier RH, reçue par courrier\"",
    )?;
    let forward = !new.no_forward;
    if forward {
        preflight(ws, &controller, how)?;
    }
    // Read before anything is written: a missing file refuses the log.
    let documents = outbox::documents(&new.attach)?;
    let t = Templates::new(how.lang)?;
    let lock = ws.lock()?;
    let now_local = crate::time::in_tz(how.now, ws.tz);
    // The id takes the year the request was received.
    let id = store::next_id(ws, DIR, new.received_at)?;
    let request = Request {
        id: id.clone(),
        controller,
        right: new.right,
        received_at: new.received_at,
        summary,
        channel: new.channel.clone().filter(|c| !c.trim().is_empty()),
        logged_at: now_local,
        forwarded: None,
    };
    // Forwarded at once: the same gate as `request forward`, before
    // anything is written.
    let gaps = if forward {
        gate(
            &request,
            new.incomplete,
            Msg::new("va-hint-request-log-gaps"),
        )?
    } else {
        Vec::new()
    };
    let rel = store::record_rel(DIR, &id);
    // What `dpo check` and `request set` check.
    let src = SourceFile::new(rel.clone(), String::new(), String::new());
    let diagnostics: Vec<_> = problems(ws, &request, &src, how.now)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if !diagnostics.is_empty() {
        return Err(StoreError::Invalid {
            file: rel,
            diagnostics,
        }
        .into());
    }
    let header = t.strings().file_header("request_file_header", id.as_str());
    let stored = store::create(ws, &lock, &rel, &header, request)?;
    how.journal(
        ws,
        &lock,
        "request.log",
        id.as_str(),
        stored.source.text.as_bytes(),
    )?;
    let period = answer_due(stored.record.received_at, ws.tz).map(|(p, _)| p);
    let mut out = Outcome {
        answer_due: period.map(|p| p.ends),
        answer_period: period,
        request: stored.record.clone(),
        file: rel,
        forwarded: None,
    };
    if forward {
        let outbox = Outbox::open(ws, &lock, &t, how)?;
        let (request, d) = send(&outbox, stored, documents, gaps).map_err(|e| {
            OutboxError::recorded_not_sent(
                Msg::new("va-what-request").arg("id", id.as_str()),
                format!("dpo request forward {id}"),
                e,
            )
        })?;
        out.request = request;
        out.forwarded = Some(d);
    }
    Ok(out)
}

/// The fields a forward must carry (Annex 1 §II.7: the request itself)
/// that are « à compléter »: its summary.
pub fn missing_fields(r: &Request) -> Vec<String> {
    let summary = r.summary.trim();
    outbox::missing(&[("summary", crate::model::is_placeholder(summary))])
}

/// "the forwarding of request `2021-001`", in every language.
fn forwarding(id: &Id) -> Msg {
    Msg::new("va-what-request-forwarding").arg("id", id.as_str())
}

/// The gate of every forward (`request log`, `request forward`): refuses
/// while a required field is « à compléter » ([`missing_fields`]) unless
/// `incomplete`; returns the fields to note as sent « à compléter ».
fn gate(r: &Request, incomplete: bool, hint: Msg) -> Result<Vec<String>, RequestError> {
    Ok(outbox::complete_or_allowed(
        forwarding(&r.id),
        missing_fields(r),
        incomplete,
        hint,
    )?)
}

/// Forwards a request logged with `--no-forward` (or whose forwarding
/// failed), with the documents at `attach` (the original request, as
/// received) attached. A request with a required field « à compléter »
/// ([`missing_fields`]) is refused unless `incomplete` (`--incomplete`);
/// then its record says which went out incomplete.
pub fn forward(
    ws: &Workspace,
    id: &str,
    attach: &[std::path::PathBuf],
    how: &Sending,
    incomplete: bool,
) -> Result<Outcome, RequestError> {
    let documents = outbox::documents(attach)?;
    let t = Templates::new(how.lang)?;
    let lock = ws.lock()?;
    let stored = load(ws, id)?;
    if let Some(f) = &stored.record.forwarded {
        let what = Msg::new("va-what-request").arg("id", stored.record.id.as_str());
        return Err(OutboxError::already_sent(what, "forwarded", f).into());
    }
    preflight(
        ws,
        &stored.record.controller,
        &Sending {
            dry_run: true,
            ..*how
        },
    )?;
    let gaps = gate(
        &stored.record,
        incomplete,
        Msg::new("va-hint-request-forward-gaps").arg("id", stored.record.id.as_str()),
    )?;
    let file = stored.source.rel.clone();
    let outbox = Outbox::open(ws, &lock, &t, how)?;
    let (request, d) = send(&outbox, stored, documents, gaps)?;
    let period = answer_due(request.received_at, ws.tz).map(|(p, _)| p);
    Ok(Outcome {
        answer_due: period.map(|p| p.ends),
        answer_period: period,
        request,
        file,
        forwarded: Some(d),
    })
}

/// The e-mail to the controller, sent and recorded in the request file.
fn send(
    outbox: &Outbox<'_>,
    stored: Stored<Request>,
    documents: Vec<crate::mail::Attachment>,
    incomplete: Vec<String>,
) -> Result<(Request, Delivered), RequestError> {
    let (ws, t) = (outbox.workspace(), outbox.templates());
    let r = &stored.record;
    let (_, c) = ws.require_controller(r.controller.as_str())?;
    let s = t.strings();
    let now_local = crate::time::in_tz(outbox.now(), ws.tz);
    let due = answer_due(r.received_at, ws.tz);
    let ctx = ForwardContext {
        id: r.id.to_string(),
        controller: c.name.clone(),
        controller_the: crate::model::name_with_article(&c.name, c.name_with_article.as_deref()),
        convention: c.convention.title.clone(),
        processor: ws.processor.name.clone(),
        processor_the: ws.processor.name_the(),
        right: s.get(&format!("right.{}", r.right.key())).to_string(),
        article: r.right.article(),
        received_at: words::long_instant(s, r.received_at, ws.tz),
        sent_at: words::long_instant(s, now_local, ws.tz),
        summary: r.summary.clone(),
        channel: r.channel.clone(),
        answer_due: due
            .map(|(p, _)| words::period_end_in_words(s, &p))
            .unwrap_or_default(),
        late: now_local > forward_due(r.received_at),
        sender: outbox::sender_name(ws, t),
        journal: ws.journal().head()?,
        attachments: crate::mail::attach::recorded(&documents),
    };
    let letter = Letter {
        what: Msg::new("terminal-ha-what-for")
            .arg("what", forwarding(&r.id))
            .arg("controller", ws.controller_said(&r.controller, t.lang())),
        to: outbox::recipient(
            &c.contacts.data_subject_requests,
            outbox::role("va-role-request-contact", &r.controller),
        ),
        subject: s
            .get("request_subject")
            .replace("{id}", r.id.as_str())
            .replace("{right}", &ctx.right)
            .replace("{processor}", ws.processor.display_name()),
        text: t.render("request-forward.txt", &ctx)?,
        attachments: Vec::new(),
        documents,
        record: stored.source.rel.clone(),
        eml_stem: format!("evidence/requests/{}", r.id),
        filing: Filing::new("request.forward", format!("{}/{}", r.id, r.controller)),
    };
    let mut request = stored.record.clone();
    let d = outbox.post(&letter, |sent| {
        let mut new = stored.record.clone();
        new.forwarded = Some(MailRecord {
            incomplete: incomplete.clone(),
            ..sent.clone()
        });
        request = store::update(ws, outbox.lock(), &stored, new, &["forwarded"])?.record;
        Ok::<_, StoreError>(())
    })?;
    Ok((request, d))
}

#[derive(Serialize)]
struct ForwardContext {
    id: String,
    controller: String,
    /// The controller's name with its article ("la commune de …").
    controller_the: String,
    convention: String,
    processor: String,
    /// The processor with its French article ("l'établissement public …").
    processor_the: String,
    right: String,
    article: &'static str,
    received_at: String,
    sent_at: String,
    summary: String,
    channel: Option<String>,
    answer_due: String,
    late: bool,
    sender: String,
    journal: JournalHead,
    attachments: Vec<crate::model::AttachedFile>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn a_request_received_on_31_january_is_due_on_the_last_day_of_february() {
        let (p, end) = answer_due(at("2021-01-31T10:00:00+01:00"), PARIS).unwrap();
        assert_eq!(p.counted.to_string(), "2021-02-28");
        // Sunday 28 February 2021: the period ends on Monday 1 March.
        assert_eq!(p.ends.to_string(), "2021-03-01");
        assert_eq!(end.to_rfc3339(), "2021-03-01T23:59:59+01:00");
        let (p, _) = answer_due(at("2024-01-31T10:00:00+01:00"), PARIS).unwrap();
        assert!(!p.moved());
        assert_eq!(p.ends.to_string(), "2024-02-29");
    }

    #[test]
    fn the_answer_deadline_ends_at_the_end_of_the_local_day_across_a_dst_change() {
        let (p, end) = answer_due(at("2021-03-27T09:00:00+01:00"), PARIS).unwrap();
        assert_eq!(p.ends.to_string(), "2021-04-27");
        assert_eq!(end.to_rfc3339(), "2021-04-27T23:59:59+02:00");
        // Received just after midnight local time, i.e. the previous day in
        // UTC: 1 November (All Saints' Day), so Tuesday 2 November.
        let (p, end) = answer_due(at("2021-10-01T00:30:00+02:00"), PARIS).unwrap();
        assert_eq!(p.counted.to_string(), "2021-11-01");
        assert_eq!(end.to_rfc3339(), "2021-11-02T23:59:59+01:00");
    }

    #[test]
    fn a_request_cannot_be_received_later_than_now() {
        let now = at("2021-03-26T11:00:00+01:00").to_utc();
        let ok = received_at("2021-03-26 11:00", PARIS, now).unwrap();
        assert_eq!(ok.to_rfc3339(), "2021-03-26T11:00:00+01:00");
        let e = received_at("2021-03-26T10:30:00Z", PARIS, now).unwrap_err();
        assert!(matches!(e, TimeError::Future { .. }), "{e}");
        assert!(e.to_string().contains("the time of receipt"), "{e}");
        assert!(matches!(
            received_at("2021-03-26 10:59:60", PARIS, now),
            Err(TimeError::LeapSecond { .. })
        ));
    }
}
