//! What `dpo breach list` and `dpo breach show` report about a breach: its
//! deadline in the processor's timezone, what is missing and where each
//! controller's notification stands — values the command layer prints as
//! text or JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use super::fields::{self, Field, FieldState};
use super::{deadline, progress, store, ControllerProgress};
use crate::mail::outbox::UncertainSend;
use crate::model::{Breach, Id};
use crate::workspace::integrity::Finding;
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
    }
}

fn local_deadline(b: &Breach, tz: Tz) -> DateTime<FixedOffset> {
    crate::time::in_tz(deadline::deadline(b.aware_at).to_utc(), tz)
}
