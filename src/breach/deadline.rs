//! The two 72-hour clocks of a breach, in elapsed time, and how they read.
//!
//! The processor has 72 hours from its awareness to notify the controller
//! (Annex 1 §II.8); the controller, made aware by that notification, has 72
//! hours from it to notify the supervisory authority (GDPR Art. 33(1)). Both
//! are computed on instants — never on wall-clock digits, which would be an
//! hour wrong across a daylight-saving change — and decided on the unrounded
//! instant: exactly 72:00:00 is on time, one second more is late.

use chrono::{DateTime, Datelike, FixedOffset, TimeDelta};
use chrono_tz::Tz;

use crate::render::templates::{long_date, Strings};

/// The notification period of Annex 1 §II.8 and of GDPR Art. 33(1).
pub const NOTIFICATION_PERIOD: TimeDelta = TimeDelta::hours(72);

/// Items come "due soon" this long before their deadline.
pub const DUE_SOON: TimeDelta = TimeDelta::hours(24);

/// The last instant a notification is on time, for an awareness (or
/// notification) instant.
pub fn deadline(from: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    from + NOTIFICATION_PERIOD
}

/// True when something done at `at` meets `deadline` (equality is on time).
pub fn on_time(at: DateTime<FixedOffset>, deadline: DateTime<FixedOffset>) -> bool {
    at <= deadline
}

/// "lundi 29 mars 2021 à 11:00 (UTC+02:00)": the instant in `tz`, with the
/// weekday, the long date, the time and the offset, in the language of `s`.
pub fn long_instant(s: &Strings, at: DateTime<FixedOffset>, tz: Tz) -> String {
    let local = at.with_timezone(&tz).fixed_offset();
    let weekdays = s.list("weekdays");
    let weekday = weekdays
        .get(local.weekday().num_days_from_monday() as usize)
        .cloned()
        .unwrap_or_default();
    s.get("weekday_datetime_pattern")
        .replace("{weekday}", &weekday)
        .replace("{date}", &long_date(s, local.date_naive()))
        .replace("{time}", &local.format("%H:%M").to_string())
        .replace("{offset}", &local.format("%:z").to_string())
}

/// "72 h 00 min": a duration in hours and minutes. Time left is rounded down
/// and time overdue rounded up, so neither is ever overstated in the user's
/// favour.
pub fn hours_minutes(d: TimeDelta, round_up: bool) -> String {
    let secs = d.num_seconds().abs();
    let mins = if round_up {
        (secs + 59) / 60
    } else {
        secs / 60
    };
    format!("{} h {:02} min", mins / 60, mins % 60)
}

/// "dans 72 h 00 min" or "en retard de 1 h 05 min", from `now` to `deadline`.
pub fn time_left(
    s: &Strings,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
) -> String {
    let d = deadline - now;
    if on_time(now, deadline) {
        s.get("time_left").replace("{d}", &hours_minutes(d, false))
    } else {
        s.get("time_overdue")
            .replace("{d}", &hours_minutes(d, true))
    }
}

/// The line `open`, `show` and `status` print for the processor's deadline:
/// "à notifier au responsable de traitement avant le lundi 29 mars 2021 à
/// 11:00 (UTC+02:00) — dans 72 h 00 min".
pub fn processor_line(
    s: &Strings,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    tz: Tz,
) -> String {
    s.get("breach_deadline_processor")
        .replace("{when}", &long_instant(s, deadline, tz))
        .replace("{left}", &time_left(s, now, deadline))
}

/// The line for the controller's own deadline to notify the supervisory
/// authority, counted from the processor's notification.
pub fn controller_line(
    s: &Strings,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    tz: Tz,
) -> String {
    s.get("breach_deadline_controller")
        .replace("{when}", &long_instant(s, deadline, tz))
        .replace("{left}", &time_left(s, now, deadline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::Templates;
    use crate::time::parse_user_time;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    fn t(s: &str) -> DateTime<FixedOffset> {
        parse_user_time(s, PARIS).unwrap()
    }

    #[test]
    fn awareness_on_friday_before_the_spring_change_is_due_monday_at_eleven_summer_time() {
        let d = deadline(t("2021-03-26 10:00"));
        assert_eq!(
            d.with_timezone(&PARIS).fixed_offset().to_rfc3339(),
            "2021-03-29T11:00:00+02:00"
        );
    }

    #[test]
    fn awareness_on_friday_before_the_autumn_change_is_due_monday_at_nine_winter_time() {
        let d = deadline(t("2021-10-29 10:00"));
        assert_eq!(
            d.with_timezone(&PARIS).fixed_offset().to_rfc3339(),
            "2021-11-01T09:00:00+01:00"
        );
    }

    #[test]
    fn a_notification_at_exactly_72_hours_is_on_time_and_one_second_later_is_late() {
        let d = deadline(t("2021-03-26 10:00"));
        assert!(on_time(t("2021-03-29T11:00:00+02:00"), d));
        assert!(!on_time(t("2021-03-29T11:00:01+02:00"), d));
        assert!(
            on_time(t("2021-03-29T09:00:00Z"), d),
            "the same instant in UTC"
        );
    }

    #[test]
    fn the_open_message_reads_exactly_as_the_issue_says() {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let aware = t("2021-03-26 10:00");
        assert_eq!(
            processor_line(tpl.strings(), aware, deadline(aware), PARIS),
            "à notifier au responsable de traitement avant le lundi 29 mars 2021 à 11:00 (UTC+02:00) — dans 72 h 00 min"
        );
    }

    #[test]
    fn the_deadline_reads_in_english_too() {
        let tpl = Templates::new(Lang::En).unwrap();
        let aware = t("2021-10-29 10:00");
        assert_eq!(
            processor_line(tpl.strings(), aware, deadline(aware), PARIS),
            "notify the controller before Monday 1 November 2021, 09:00 (UTC+01:00) — 72 h 00 min left"
        );
    }

    #[test]
    fn time_left_rounds_down_and_time_overdue_rounds_up() {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let s = tpl.strings();
        let d = t("2021-03-29T11:00:00+02:00");
        assert_eq!(
            time_left(s, t("2021-03-29T10:59:01+02:00"), d),
            "dans 0 h 00 min"
        );
        assert_eq!(time_left(s, d, d), "dans 0 h 00 min");
        assert_eq!(
            time_left(s, t("2021-03-29T11:00:01+02:00"), d),
            "en retard de 0 h 01 min"
        );
        assert_eq!(
            time_left(s, t("2021-03-29T13:05:00+02:00"), d),
            "en retard de 2 h 05 min"
        );
    }
}
