//! What `dpo breach list` and `dpo breach show` report about a breach: its
//! deadline in the processor's timezone, what is missing, where each
//! controller's notification stands and its timeline (every instant, in
//! order, with who) — values the command layer prints as text or JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use super::fields::{self, Field, FieldState};
use super::{deadline, progress, store, ControllerProgress};
use crate::mail::outbox::UncertainSend;
use crate::model::{Breach, Id};
use crate::workspace::integrity::Finding;
use crate::workspace::journal::JournalEntry;
use crate::workspace::{Diagnostic, Workspace, WorkspaceError};

/// One line of `dpo breach list`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The breach.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Whether its file is closed.
    pub closed: bool,
    /// When the processor became aware of it.
    pub aware_at: DateTime<FixedOffset>,
    /// The processor's deadline, in the processor's timezone.
    pub deadline: DateTime<FixedOffset>,
    /// The required fields neither filled nor deferred.
    pub missing_fields: Vec<String>,
    /// Where each controller's notification stands.
    pub controllers: Vec<ControllerProgress>,
}

/// Every breach, summed up, and the problems in breach files.
pub fn summaries(ws: &Workspace) -> (Vec<Summary>, Vec<Diagnostic>) {
    let (loaded, diags) = store::load_all(ws);
    let rows = loaded
        .iter()
        .map(|l| {
            let b = &l.breach;
            Summary {
                id: b.id.clone(),
                title: b.title.clone(),
                closed: b.is_closed(),
                aware_at: b.aware_at,
                deadline: local_deadline(b, ws.tz),
                missing_fields: fields::missing(b)
                    .iter()
                    .map(|f| f.key().to_string())
                    .collect(),
                controllers: progress(b),
            }
        })
        .collect();
    (rows, diags)
}

/// What `dpo breach show --json` says about one breach.
#[derive(Debug, Clone, Serialize)]
pub struct Overview<'a> {
    /// The record.
    pub breach: &'a Breach,
    /// The processor's deadline, in the processor's timezone.
    pub deadline: DateTime<FixedOffset>,
    /// Each required field: filled, deferred or missing.
    pub fields: BTreeMap<&'static str, FieldState>,
    /// The required fields neither filled nor deferred.
    pub missing: Vec<Field>,
    /// Where each controller's notification stands.
    pub controllers: Vec<ControllerProgress>,
    /// Its notifications whose sending was interrupted, outcome unknown
    /// ([`uncertain_sends`]; left empty by [`overview`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<UncertainSend>,
    /// Its file, when it does not match what the journal recorded
    /// ([`tampered`]; left empty by [`overview`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tampered: Option<Finding>,
    /// Every instant of the breach, in order ([`timeline`]).
    pub timeline: Vec<Moment>,
}

/// What happened, or falls due, at one instant of a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MomentKind {
    /// The breach happened (`occurred_at`).
    Occurred,
    /// Someone noticed it (`discovered_at`).
    Discovered,
    /// The breach ended (`ended_at`).
    Ended,
    /// The processor became aware of it: T0 of its 72 hours.
    Aware,
    /// A notification e-mail (phase 1) to a controller.
    Notification,
    /// A supplement (phase 2 and later) to a controller.
    Supplement,
    /// A phone call to a controller's breach contact.
    Call,
    /// The processor's deadline to notify the controllers: 72 h after
    /// awareness (Annex 1 §II.8, "dans un délai maximum de 72 heures").
    ProcessorDeadline,
    /// A controller's own deadline towards the supervisory authority: 72 h
    /// after the processor's notification (GDPR Art. 33(1)).
    AuthorityDeadline,
    /// The breach file was closed.
    Closed,
}

impl MomentKind {
    /// The key of its label in the catalog (`dpo.ftl`) (`timeline.<kind>`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Occurred => "timeline.occurred",
            Self::Discovered => "timeline.discovered",
            Self::Ended => "timeline.ended",
            Self::Aware => "timeline.aware",
            Self::Notification => "timeline.notification",
            Self::Supplement => "timeline.supplement",
            Self::Call => "timeline.call",
            Self::ProcessorDeadline => "timeline.processor_deadline",
            Self::AuthorityDeadline => "timeline.authority_deadline",
            Self::Closed => "timeline.closed",
        }
    }
}

/// One instant of a breach's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moment {
    /// The instant, in the processor's timezone with its offset.
    pub at: DateTime<FixedOffset>,
    /// What happened or falls due.
    pub kind: MomentKind,
    /// The controller it concerns, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller: Option<Id>,
    /// Who did it, where known: who discovered it, who recorded the
    /// awareness, sent a message (the journal's actor), made the call or
    /// closed the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The number of a supplement (1 for phase 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplement: Option<u32>,
    /// Whom it reached: the recipients of a message, or the person called
    /// and the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The record it comes from: the index of the notification (in
    /// `notifications`) or of the call (in `calls`), for the details a
    /// report adds (Message-ID, digest, outcome); not in the JSON.
    #[serde(skip)]
    pub source: Option<usize>,
}

/// Every instant of `b` in chronological order (at the same instant, in
/// the order of [`MomentKind`]), in the processor's timezone `tz`: when it
/// occurred, was discovered, ended and became known, each notification, supplement
/// and call, the processor's 72-hour deadline and each controller's own,
/// and the closing. `journal` gives who sent each message and who recorded
/// the awareness (an empty slice leaves them unknown).
pub fn timeline(b: &Breach, tz: Tz, journal: &[JournalEntry]) -> Vec<Moment> {
    let local = |t: DateTime<FixedOffset>| crate::time::in_tz(t.to_utc(), tz);
    let moment = |at, kind| Moment {
        at: local(at),
        kind,
        controller: None,
        by: None,
        supplement: None,
        to: None,
        source: None,
    };
    let mut out = Vec::new();
    if let Some(t) = b.occurred_at {
        out.push(moment(t, MomentKind::Occurred));
    }
    if let Some(t) = b.discovered_at {
        out.push(Moment {
            by: b.discovered_by.clone(),
            ..moment(t, MomentKind::Discovered)
        });
    }
    if let Some(t) = b.ended_at {
        out.push(moment(t, MomentKind::Ended));
    }
    out.push(Moment {
        by: journal
            .iter()
            .find(|e| e.action == "breach.open" && e.subject == b.id.as_str())
            .map(|e| e.actor.clone()),
        ..moment(b.aware_at, MomentKind::Aware)
    });
    out.push(moment(
        deadline::deadline(b.aware_at),
        MomentKind::ProcessorDeadline,
    ));
    for (k, n) in b.notifications.iter().enumerate() {
        let (kind, supplement) = match n.phase {
            1 => (MomentKind::Notification, None),
            p => (MomentKind::Supplement, Some(p - 1)),
        };
        out.push(Moment {
            controller: Some(n.controller.clone()),
            by: crate::workspace::evidence::vouching_entry(journal, &n.eml, &n.sha256)
                .map(|e| e.actor.clone()),
            supplement,
            to: Some(n.recipients.join(", ")),
            source: Some(k),
            ..moment(n.sent_at, kind)
        });
    }
    for (k, c) in b.calls.iter().enumerate() {
        out.push(Moment {
            controller: Some(c.controller.clone()),
            by: Some(c.by.clone()),
            to: Some(format!("{} ({})", c.to, c.number)),
            source: Some(k),
            ..moment(c.at, MomentKind::Call)
        });
    }
    for p in progress(b) {
        if let Some(d) = p.authority_deadline {
            out.push(Moment {
                controller: Some(p.controller.clone()),
                ..moment(d, MomentKind::AuthorityDeadline)
            });
        }
    }
    if let Some(c) = &b.closed {
        out.push(Moment {
            by: Some(c.by.clone()),
            ..moment(c.at, MomentKind::Closed)
        });
    }
    out.sort_by_key(|m| (m.at, m.kind));
    out
}

/// How the file `rel` of a breach differs from what the journal recorded
/// for its last write by dpo, if it does ([`crate::workspace::integrity`]).
pub fn tampered(ws: &Workspace, rel: &str) -> Result<Option<Finding>, WorkspaceError> {
    Ok(crate::workspace::integrity::check(&ws.root)?
        .into_iter()
        .find(|f| f.file == rel))
}

/// The notifications and supplements of breach `id` whose sending was
/// journaled as about to go out, with no outcome after it: "envoi
/// incertain" ([`crate::mail::outbox::uncertain`]).
pub fn uncertain_sends(ws: &Workspace, id: &Id) -> Result<Vec<UncertainSend>, WorkspaceError> {
    let dir = format!("evidence/breaches/{id}/");
    Ok(crate::mail::outbox::uncertain(ws)?
        .into_iter()
        .filter(|u| u.eml.starts_with(&dir) && u.action.starts_with("breach."))
        .collect())
}

/// The overview of `b`.
pub fn overview(b: &Breach, tz: Tz) -> Overview<'_> {
    Overview {
        breach: b,
        deadline: local_deadline(b, tz),
        fields: fields::states(b)
            .into_iter()
            .map(|(f, s)| (f.key(), s))
            .collect(),
        missing: fields::missing(b),
        controllers: progress(b),
        uncertain: Vec::new(),
        tampered: None,
        timeline: timeline(b, tz, &[]),
    }
}

fn local_deadline(b: &Breach, tz: Tz) -> DateTime<FixedOffset> {
    crate::time::in_tz(deadline::deadline(b.aware_at).to_utc(), tz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::testing::PARIS;

    /// Aware in summer time, notified, supplemented and called across the
    /// autumn change, then closed.
    const BREACH: &str = r#"
id: 2021-007
title: t
controllers: [juvisy-sur-orge]
occurred_at:
discovered_at: 2021-10-29T08:00:00+02:00
aware_at: 2021-10-29T10:00:00+02:00
discovered_by: astreinte
ended_at: 2021-10-29T09:00:00+02:00
systems: []
nature:
  description: d
consequences:
measures_taken:
measures_proposed:
contact:
deferred: {}
notifications:
  - phase: 2
    controller: juvisy-sur-orge
    sent_at: 2021-11-02T09:00:00+01:00
    recipients: [rgpd@juvisy.example]
    message_id: <b@x>
    eml: evidence/breaches/2021-007/juvisy-sur-orge-2.eml
    sha256: bb
    server_reply: '250'
  - phase: 1
    controller: juvisy-sur-orge
    sent_at: 2021-10-30T10:00:00Z
    recipients: [rgpd@juvisy.example]
    message_id: <a@x>
    eml: evidence/breaches/2021-007/juvisy-sur-orge-1.eml
    sha256: aa
    server_reply: '250'
calls:
  - controller: juvisy-sur-orge
    at: 2021-10-30T12:30:00+02:00
    to: M. X
    by: dpo
    number: '01'
    outcome: confirmé
closed:
  at: 2021-11-10T17:00:00+01:00
  by: Jeanne
  summary: s
"#;

    fn entry(seq: u64, actor: &str, action: &str, subject: &str, sha: &str) -> JournalEntry {
        serde_json::from_value(serde_json::json!({
            "seq": seq, "at": "2021-10-29T08:00:00Z", "actor": actor, "action": action,
            "subject": subject, "payload_sha256": sha, "prev_sha256": "00",
        }))
        .unwrap()
    }

    #[test]
    fn the_timeline_is_in_order_in_the_processor_zone_with_who() {
        let b: Breach = serde_yaml::from_str(BREACH).unwrap();
        let journal = [
            entry(1, "Léa", "breach.open", "2021-007", "x"),
            entry(
                2,
                "Marc",
                "breach.notify.intent",
                "evidence/breaches/2021-007/juvisy-sur-orge-1.eml",
                "aa",
            ),
        ];
        let t = timeline(&b, PARIS, &journal);
        let got: Vec<(String, MomentKind, Option<&str>)> = t
            .iter()
            .map(|m| (m.at.to_rfc3339(), m.kind, m.by.as_deref()))
            .collect();
        use MomentKind::*;
        let want = [
            ("2021-10-29T08:00:00+02:00", Discovered, Some("astreinte")),
            ("2021-10-29T09:00:00+02:00", Ended, None),
            ("2021-10-29T10:00:00+02:00", Aware, Some("Léa")),
            // Stored in UTC, shown in Paris.
            ("2021-10-30T12:00:00+02:00", Notification, Some("Marc")),
            ("2021-10-30T12:30:00+02:00", Call, Some("dpo")),
            // 72 h after awareness, in winter time.
            ("2021-11-01T09:00:00+01:00", ProcessorDeadline, None),
            ("2021-11-02T09:00:00+01:00", Supplement, None),
            // 72 h after the notification (10:00 UTC), in winter time.
            ("2021-11-02T11:00:00+01:00", AuthorityDeadline, None),
            ("2021-11-10T17:00:00+01:00", Closed, Some("Jeanne")),
        ];
        let want: Vec<(String, MomentKind, Option<&str>)> = want
            .iter()
            .map(|(a, k, by)| (a.to_string(), *k, *by))
            .collect();
        assert_eq!(got, want);
        let supplement = t.iter().find(|m| m.kind == Supplement).unwrap();
        assert_eq!(supplement.supplement, Some(1));
        assert_eq!(supplement.to.as_deref(), Some("rgpd@juvisy.example"));
        // Without the journal, who sent or opened is unknown, not invented.
        let bare = timeline(&b, PARIS, &[]);
        assert!(bare
            .iter()
            .filter(|m| matches!(m.kind, Aware | Notification))
            .all(|m| m.by.is_none()));
    }
}
