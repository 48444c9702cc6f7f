//! The two 72-hour clocks of a breach, in elapsed time (their wording is
//! [`crate::render::words`]).
//!
//! The processor has 72 hours from its awareness to notify the controller
//! (Annex 1 §II.8); the controller, made aware by that notification, has 72
//! hours from it to notify the supervisory authority (GDPR Art. 33(1)). Both
//! are computed on instants — never on wall-clock digits, which would be an
//! hour wrong across a daylight-saving change — and decided on the unrounded
//! instant: exactly 72:00:00 is on time, one second more is late.

use chrono::{DateTime, FixedOffset, TimeDelta};

/// The notification period of Annex 1 §II.8 and of GDPR Art. 33(1).
pub const NOTIFICATION_PERIOD: TimeDelta = TimeDelta::hours(72);

/// The last instant a notification is on time, for an awareness (or
/// notification) instant.
pub fn deadline(from: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    from + NOTIFICATION_PERIOD
}

/// True when something done at `at` meets `deadline` (equality is on time).
pub fn on_time(at: DateTime<FixedOffset>, deadline: DateTime<FixedOffset>) -> bool {
    at <= deadline
}

/// The string key of the line that words the processor's deadline
/// ([`crate::render::words::deadline_line`]).
pub const PROCESSOR_LINE: &str = "breach_deadline_processor";

/// The string key of the line that words the controller's own deadline to
/// notify the supervisory authority, counted from the processor's
/// notification.
pub const CONTROLLER_LINE: &str = "breach_deadline_controller";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::testing::{paris as t, PARIS};

    /// The deadline of an awareness at `aware`, in Paris, RFC 3339.
    fn due_in_paris(aware: &str) -> String {
        let d = deadline(t(aware));
        d.with_timezone(&PARIS).fixed_offset().to_rfc3339()
    }

    #[test]
    fn awareness_on_friday_before_the_spring_change_is_due_monday_at_eleven_summer_time() {
        assert_eq!(
            due_in_paris("2021-03-26 10:00"),
            "2021-03-29T11:00:00+02:00"
        );
    }

    #[test]
    fn awareness_on_friday_before_the_autumn_change_is_due_monday_at_nine_winter_time() {
        assert_eq!(
            due_in_paris("2021-10-29 10:00"),
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
}
