//! Where a duty due on a date stands: the rule shared by the people, the
//! security measures and the convention's term. Dates are compared as dates
//! in the processor's timezone (see [`crate::time::date_overdue`]), and the
//! deadline shown is the last second of the due day, in that day's offset.
//! What is due soon is decided on that instant, as for every other source
//! ([`super::urgency`]).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

use super::State;

/// The local date of `now` in `tz`.
pub(super) fn today(now: DateTime<Utc>, tz: Tz) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

/// The state of a duty not yet done, due on `due`, as of `today`: overdue
/// or pending.
pub(super) fn state(due: NaiveDate, today: NaiveDate) -> State {
    if crate::time::date_overdue(due, today) {
        State::Overdue
    } else {
        State::Pending
    }
}

/// The deadline instant of a duty due on `due`.
pub(super) fn deadline(due: NaiveDate, tz: Tz) -> Option<DateTime<FixedOffset>> {
    crate::time::end_of_day(due, tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_duty_is_overdue_the_day_after_its_due_day_only() {
        assert_eq!(state(d("2021-04-15"), d("2021-04-15")), State::Pending);
        assert_eq!(state(d("2021-04-15"), d("2021-04-16")), State::Overdue);
        assert_eq!(state(d("2021-06-15"), d("2021-04-15")), State::Pending);
    }

    #[test]
    fn the_local_day_decides_not_the_utc_day() {
        // 23:30 in Paris on 15 April is 21:30 UTC; 00:30 on the 16th is 22:30 UTC
        // on the 15th: still the 16th locally, so overdue.
        let tz = chrono_tz::Europe::Paris;
        let now = DateTime::parse_from_rfc3339("2021-04-16T00:30:00+02:00")
            .unwrap()
            .to_utc();
        assert_eq!(state(d("2021-04-15"), today(now, tz)), State::Overdue);
        let now = DateTime::parse_from_rfc3339("2021-04-15T23:30:00+02:00")
            .unwrap()
            .to_utc();
        assert_eq!(state(d("2021-04-15"), today(now, tz)), State::Pending);
    }
}
