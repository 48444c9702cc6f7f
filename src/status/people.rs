//! The people source of `dpo status` (Annex 1 §II.3–4): everyone authorised
//! to process a controller's data must have signed a confidentiality
//! commitment and been trained within `training_interval_months`. The rules
//! are those `dpo check` warns about ([`crate::model::People::training_due`]).

use chrono::{DateTime, Utc};

use super::{dated, State, StatusItem};
use crate::model::{Id, Person};
use crate::workspace::Workspace;

/// Kind: a person without a confidentiality commitment.
pub const KIND_COMMITMENT: &str = "people.commitment";
/// Kind: a person's data-protection training (missing or due again).
pub const KIND_TRAINING: &str = "people.training";

const FILE: &str = "people.yaml";

/// True when `p` may process the data of `controller` (no list: all).
pub fn concerns(p: &Person, controller: &Id) -> bool {
    p.controllers.is_empty() || p.controllers.contains(controller)
}

/// The status items of the people, restricted to those who may process the
/// data of `only` when given.
pub fn items(ws: &Workspace, now: DateTime<Utc>, only: Option<&Id>) -> Vec<StatusItem> {
    let today = dated::today(now, ws.tz);
    let mut out = Vec::new();
    for p in &ws.people.people {
        if only.is_some_and(|c| !concerns(p, c)) {
            continue;
        }
        let who = match &p.name {
            Some(n) if !n.trim().is_empty() => format!("{n} — {}", p.role),
            _ => p.role.clone(),
        };
        let item = |kind: &str, state, due, missing: &[&str]| StatusItem {
            kind: kind.into(),
            subject: p.id.to_string(),
            title: format!("{} — {who}", p.id),
            due,
            state,
            missing: missing.iter().map(|m| m.to_string()).collect(),
            file: FILE.into(),
            period: None,
        };
        // Missing information is listed as to do, not overdue: it has no
        // deadline of its own, `dpo check` warns about it, and exit 1 stays
        // the signal that a date has passed.
        if p.confidentiality_commitment.is_none() {
            out.push(item(
                KIND_COMMITMENT,
                State::Pending,
                None,
                &["confidentiality_commitment"],
            ));
        }
        match ws.people.training_due(p) {
            None => out.push(item(
                KIND_TRAINING,
                State::Pending,
                None,
                // Trained, but no interval is set: the renewal date is unknown.
                &[if p.last_training.is_some() {
                    "training_interval_months"
                } else {
                    "last_training"
                }],
            )),
            Some(due) => out.push(item(
                KIND_TRAINING,
                dated::state(due, today),
                dated::deadline(due, ws.tz),
                &[],
            )),
        }
    }
    out
}
