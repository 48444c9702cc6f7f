//! The deadlines of `dpo status` as an iCalendar file (RFC 5545), with
//! alarms, for the DPO's calendar: one event per duty not yet done, ending
//! at its deadline, so that a calendar shows the deadline and rings before it.

use chrono::{DateTime, TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use super::StatusItem;
use crate::render::templates::Strings;
use crate::render::words;

/// Alarms before each deadline.
const ALARMS: [TimeDelta; 4] = [
    TimeDelta::hours(24),
    TimeDelta::hours(4),
    TimeDelta::hours(1),
    TimeDelta::zero(),
];

/// The items that are not done and have a deadline, as an iCalendar text.
/// `now` is the DTSTAMP, so the same status gives the same file.
pub fn to_ics(items: &[StatusItem], now: DateTime<Utc>, s: &Strings) -> String {
    let mut cal = Calendar::new();
    cal.name(s.get("status_ics_name"));
    for item in items.iter().filter(|i| !i.state.is_done()) {
        let Some(due) = item.due else { continue };
        let due = due.to_utc();
        let uid = format!(
            "{}.{}@dpo-toolkit",
            item.kind,
            item.subject.replace('/', ".")
        );
        let kind_key = format!("status_kind.{}", item.kind);
        let what = s.get(&kind_key);
        let summary = format!("{what} — {}", item.title);
        let file = s.fmt("status-file-line", &[("file", item.file.as_str().into())]);
        let mut description = format!("{}\n{file}", item.title);
        if let Some(line) = item.period.and_then(|p| words::period_moved_line(s, &p)) {
            description.push_str(&format!("\n{line}"));
        }
        if !item.missing.is_empty() {
            let labels: Vec<String> = item.missing.iter().map(|m| missing_label(s, m)).collect();
            let line = s.fmt(
                "status-missing-line",
                &[("items", labels.join(", ").into())],
            );
            description.push_str(&format!("\n{line}"));
        }
        let mut ev = Event::new();
        ev.uid(&uid)
            .timestamp(now)
            .summary(&summary)
            .description(&description)
            .starts(due - TimeDelta::minutes(30))
            .ends(due);
        for (n, before) in ALARMS.iter().enumerate() {
            let mut alarm = Alarm::display(&summary, Trigger::before_end(*before));
            alarm.uid(&format!("{uid}.alarm{n}")).timestamp(now);
            ev.alarm(alarm);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

/// The label of a `missing` code: `email`, `call`, `fate_file`,
/// `certificate`, or a field path.
pub fn missing_label(s: &Strings, code: &str) -> String {
    let key = match code {
        "email" | "call" => format!("status_missing.{code}"),
        "fate_file" | "certificate" => format!("duties-missing-{code}"),
        _ => format!("breach_field.{code}"),
    };
    let label = s.get(&key);
    if label == key {
        code.to_string()
    } else {
        label.to_string()
    }
}
