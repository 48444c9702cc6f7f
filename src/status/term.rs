//! The convention's term as a source of `dpo status`: when it ends, the last
//! day a renewal can be decided while one is still allowed, and — once it
//! has ended — the duty of Annex 1 §IV (return or destroy every copy, then
//! justify it in writing), due at the end and listed until a certificate is
//! recorded in `fate/<controller>.yaml`.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::{dated, State, StatusItem};
use crate::fate::{self, FateError};
use crate::model::{FateRecord, Id};
use crate::render::catalog::Arg;
use crate::render::said::Refusal;
use crate::render::templates::Strings;
use crate::render::words;
use crate::time::working_days::PeriodEnd;
use crate::workspace::{controller_file, Diagnostic, Workspace};

/// Kind: the end of the convention (for information).
pub const KIND_END: &str = "convention.end";
/// Kind: the last day to decide the renewal (for information).
pub const KIND_RENEWAL: &str = "convention.renewal";
/// Kind: the fate of the data, proved by a certificate.
pub const KIND_FATE: &str = "fate.certificate";
/// Kind: a copy protected from deletion until a day (for information).
pub const KIND_IMMUTABLE: &str = "fate.immutable";

/// One item per copy still to be destroyed that is protected from deletion
/// today: until when, so that the destruction is planned for the next day.
fn immutable(ws: &Workspace, controller: &Id, today: NaiveDate, s: &Strings) -> Vec<StatusItem> {
    let Ok(f) = fate::load(ws, controller) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in &f.file.items {
        let st = fate::item_status(&f, item, s);
        for c in &item.copies {
            let pending = st.copies.iter().any(|x| x.copy == c.id && !x.done);
            let Some(until) = c.immutable_until.filter(|u| pending && today <= *u) else {
                continue;
            };
            out.push(StatusItem {
                period: None,
                kind: KIND_IMMUTABLE.into(),
                subject: format!("{controller}/{}/{}", item.id, c.id),
                title: s.fmt(
                    "status-fate-immutable",
                    &[
                        ("copy", c.id.as_str().into()),
                        ("item", item.id.as_str().into()),
                        (
                            "line",
                            fate::immutable_line(c, s).unwrap_or_default().into(),
                        ),
                    ],
                ),
                due: dated::deadline(until, ws.tz),
                state: State::Info,
                missing: Vec::new(),
                file: f.rel(),
            });
        }
    }
    out
}

/// Whether a certificate is recorded for `controller`, and else what stands
/// in its way (as `item` or `item/copy` codes, or `fate_file`).
fn certificate(
    ws: &Workspace,
    controller: &Id,
    s: &Strings,
) -> (Option<DateTime<FixedOffset>>, Vec<String>, Vec<Diagnostic>) {
    match fate::load(ws, controller) {
        Ok(f) => {
            let done = f
                .file
                .records
                .iter()
                .filter_map(|r| match r {
                    FateRecord::Certificate(c) => Some(c.at),
                    _ => None,
                })
                .min();
            let mut missing: Vec<String> = fate::pending(&f, s)
                .into_iter()
                .map(|p| match (p.item, p.copy) {
                    (Some(i), Some(c)) => format!("{i}/{c}"),
                    (Some(i), None) => i.to_string(),
                    (None, _) => "certificate".to_string(),
                })
                .collect();
            missing.dedup();
            if missing.is_empty() && done.is_none() {
                missing.push("certificate".into());
            }
            (done, missing, Vec::new())
        }
        Err(FateError::NoFateFile { .. }) => (None, vec!["fate_file".into()], Vec::new()),
        Err(FateError::Invalid { diagnostics, .. }) => {
            (None, vec!["fate_file".into()], diagnostics)
        }
        Err(e) => {
            let rel = fate::fate_rel(controller);
            let d = Refusal::file_error(e.refusal(), &rel, e.to_string());
            (None, vec!["fate_file".into()], vec![d])
        }
    }
}

/// The term items of every controller, or of `only`.
pub fn items(
    ws: &Workspace,
    now: DateTime<Utc>,
    only: Option<&Id>,
    s: &Strings,
) -> (Vec<StatusItem>, Vec<Diagnostic>) {
    let today = dated::today(now, ws.tz);
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (id, c) in &ws.controllers {
        if only.is_some_and(|o| o != id) {
            continue;
        }
        let conv = &c.convention;
        // The term is a period in months: when its last day is not a
        // working day, it ends at the end of the next one (Reg. 1182/71,
        // art. 3(4)). The start is a date the act states: it never moves.
        // The last day to renew is counted back from the term as counted,
        // and not moved: a later day would leave less than the notice due.
        let Some(counted) = conv.end() else { continue };
        let period = PeriodEnd::of(counted);
        let end = period.ends;
        let file = controller_file(id);
        let renewal = match (conv.renewals.last(), conv.renewals_allowed) {
            (Some(r), _) => s.fmt(
                "status-term-renewed",
                &[
                    ("date", words::long_date(s, r.decided_on).into()),
                    ("months", r.months.into()),
                ],
            ),
            (None, Some(0)) => s.fmt("status-term-not-renewable", &[]),
            (None, Some(n)) => s.fmt("status-term-not-renewed", &[("allowed", n.into())]),
            (None, None) => s.fmt("status-term-renewals-unknown", &[]),
        };
        let about = |id: &str, more: &[(&str, Arg<'_>)]| {
            let mut args = vec![
                ("controller", Arg::from(c.name.as_str())),
                ("convention", Arg::from(conv.title.as_str())),
            ];
            args.extend(more.iter().cloned());
            s.fmt(id, &args)
        };
        let item = |kind: &str, state, due, missing: Vec<String>, title: String| StatusItem {
            period: (kind != KIND_RENEWAL).then_some(period),
            kind: kind.into(),
            subject: id.to_string(),
            title,
            due,
            state,
            missing,
            file: file.clone(),
        };
        let past = crate::time::date_overdue(end, today);
        out.push(item(
            KIND_END,
            if past { State::Done } else { State::Info },
            dated::deadline(end, ws.tz),
            Vec::new(),
            about(
                "status-term-end",
                &[
                    ("past", if past { "yes" } else { "no" }.into()),
                    ("end", words::long_date(s, end).into()),
                    ("renewal", renewal.as_str().into()),
                ],
            ),
        ));
        // A renewal still allowed whose notice is not known: no last day
        // can be counted; said, never silently left out.
        let open = conv
            .renewals_allowed
            .is_some_and(|n| (conv.renewals.len() as u64) < u64::from(n));
        if open && conv.renewal_notice_months.is_none() && !crate::time::date_overdue(end, today) {
            out.push(item(
                KIND_RENEWAL,
                State::Info,
                None,
                vec!["convention.renewal_notice_months".into()],
                about("status-term-renew-by-unknown", &[]),
            ));
        }
        if let Some(by) = conv
            .renew_by()
            .filter(|by| !crate::time::date_overdue(*by, today))
        {
            out.push(item(
                KIND_RENEWAL,
                State::Info,
                dated::deadline(by, ws.tz),
                Vec::new(),
                about(
                    "status-term-renew-by",
                    &[("date", words::long_date(s, by).into())],
                ),
            ));
        }
        let (done, missing, mut d) = certificate(ws, id, s);
        diags.append(&mut d);
        // Done late, as a late forward is: the certificate issued after
        // the last second of the (moved) due day.
        let (state, missing) = match done {
            Some(at) if dated::deadline(end, ws.tz).is_some_and(|due| at > due) => {
                (State::DoneLate, Vec::new())
            }
            Some(_) => (State::Done, Vec::new()),
            None => (dated::state(end, today), missing),
        };
        out.push(item(
            KIND_FATE,
            state,
            dated::deadline(end, ws.tz),
            missing,
            about("status-term-fate", &[]),
        ));
        if !state.is_done() {
            out.extend(immutable(ws, id, today, s));
        }
    }
    (out, diags)
}
