//! Time: the injectable clock, reading times typed by a user (refusing
//! daylight-saving gaps and overlaps), and calendar periods. How instants
//! and durations read is [`crate::render::words`]'s.
//!
//! Every instant the domain handles is an absolute instant (`DateTime<Utc>` or
//! with its offset). A local time typed by a user is read in the processor's
//! timezone, and a time that does not exist (spring gap) or exists twice
//! (autumn overlap) is refused with both readings named, because guessing one
//! hour wrong on a 72-hour deadline is exactly the mistake this tool prevents.
//!
//! A time stored in a YAML file must carry its UTC offset
//! ([`parse_stored_time`], used by the model's instant fields): a file is
//! not read in any time zone. Second 60 (a leap second) is refused, typed or
//! stored: chrono would accept it at any minute of any day. Whether a time
//! may be in the future is the caller's rule, checked against the clock it
//! is given ([`not_after`]).
//!
//! Where a period in days, weeks or months ends once weekends and French
//! public holidays are counted is [`working_days`]'s.

pub mod working_days;

use crate::render::catalog::{Msg, Told};
use crate::render::words::show;
use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike,
    Utc,
};
use chrono_tz::Tz;

/// The time zone used when the workspace does not name one.
pub const DEFAULT_TZ: Tz = chrono_tz::Europe::Paris;

/// The clock every command reads "now" from. It is made once, in the CLI, from
/// `--now`/`DPO_NOW` or the system clock, and passed down.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    now: DateTime<Utc>,
}

impl Clock {
    /// A clock standing at the system's current instant.
    pub fn system() -> Self {
        Self { now: Utc::now() }
    }

    /// A clock standing still at `now`.
    pub fn fixed(now: DateTime<Utc>) -> Self {
        Self { now }
    }

    /// The instant the clock stands at.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }
}

/// A time typed by a user that cannot be read as one instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Neither RFC 3339 nor one of the local formats.
    #[error("{}", self.told())]
    Unreadable {
        /// What was typed.
        input: String,
        /// The timezone local times are read in.
        tz: Tz,
    },
    /// The local time falls in the spring daylight-saving gap.
    #[error("{}", self.told())]
    Gap {
        /// What was typed.
        input: String,
        /// The timezone.
        tz: Tz,
        /// Last minute before the gap.
        before: DateTime<FixedOffset>,
        /// First minute after the gap.
        after: DateTime<FixedOffset>,
        /// The typed digits with the offset in force before the jump.
        suggestion: DateTime<FixedOffset>,
    },
    /// A date without a time: an instant is never read as midnight.
    #[error("{}", self.told())]
    DateOnly {
        /// What was typed.
        input: String,
        /// The timezone local times are read in.
        tz: Tz,
        /// 10:00 that day in `tz`, in RFC 3339 with that day's offset.
        example: String,
    },
    /// Second 60: a leap second, which chrono accepts at any minute.
    #[error("{}", self.told())]
    LeapSecond {
        /// What was typed.
        input: String,
    },
    /// A time that must not be later than now is.
    #[error("{}", self.told())]
    Future {
        /// What the time is, e.g. "the time of receipt".
        what: &'static str,
        /// What was typed.
        input: String,
        /// The time, read.
        at: DateTime<FixedOffset>,
        /// The clock's instant, in the same time zone.
        now: DateTime<FixedOffset>,
        /// The timezone local times are read in.
        tz: Tz,
    },
    /// The local time happens twice in the autumn overlap.
    #[error("{}", self.told())]
    Ambiguous {
        /// What was typed.
        input: String,
        /// The timezone.
        tz: Tz,
        /// First reading.
        first: DateTime<FixedOffset>,
        /// Second reading.
        second: DateTime<FixedOffset>,
    },
}

/// Reads a time typed by a user: RFC 3339 with an offset, or a local
/// `YYYY-MM-DD HH:MM[:SS]` / `YYYY-MM-DDTHH:MM[:SS]` read in `tz`. A date
/// alone is refused ([`TimeError::DateOnly`]): read as midnight, it would
/// start a 72-hour deadline up to a day early or late.
pub fn parse_user_time(input: &str, tz: Tz) -> Result<DateTime<FixedOffset>, TimeError> {
    let s = input.trim();
    let leap = || TimeError::LeapSecond {
        input: input.to_string(),
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return if is_leap_second(dt.nanosecond()) {
            Err(leap())
        } else {
            Ok(dt)
        };
    }
    if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let ten = day.and_hms_opt(10, 0, 0).unwrap_or_default();
        return Err(TimeError::DateOnly {
            input: s.to_string(),
            tz,
            example: tz
                .from_local_datetime(&ten)
                .earliest()
                .map_or_else(|| format!("{s}T10:00:00Z"), |t| t.to_rfc3339()),
        });
    }
    let naive = parse_naive(s).ok_or_else(|| TimeError::Unreadable {
        input: input.to_string(),
        tz,
    })?;
    if is_leap_second(naive.nanosecond()) {
        return Err(leap());
    }
    local_to_instant(naive, tz, input)
}

/// chrono keeps second 60 as nanoseconds past one billion.
fn is_leap_second(nanosecond: u32) -> bool {
    nanosecond >= 1_000_000_000
}

/// Refuses `at` when it is later than `now`, the clock's instant given by
/// the caller: `what` names the time in the message ("the time of
/// receipt"), `input` is what was typed and `tz` the zone `now` is shown
/// in.
pub fn not_after(
    what: &'static str,
    input: &str,
    at: DateTime<FixedOffset>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<(), TimeError> {
    if at.to_utc() <= now {
        return Ok(());
    }
    Err(TimeError::Future {
        what,
        input: input.trim().to_string(),
        at,
        now: in_tz(now, tz),
        tz,
    })
}

/// Reads a time typed by a user ([`parse_user_time`]) that says when
/// something happened, and refuses one later than `now` ([`not_after`]):
/// `what` names it in the message ("the time of receipt").
pub fn parse_past(
    what: &'static str,
    typed: &str,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<FixedOffset>, TimeError> {
    let at = parse_user_time(typed, tz)?;
    not_after(what, typed, at, now, tz)?;
    Ok(at)
}

/// An example of a stored time, for messages.
const STORED_EXAMPLE: &str = "2021-03-26T10:00:00+01:00";

/// Why a time stored in a file cannot be read; the YAML loader puts the
/// file, line and field in front.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredTimeError {
    /// A date and a time, without the offset.
    #[error("{}", self.told())]
    NoOffset {
        /// The value.
        input: String,
        /// The date and time read, `YYYY-MM-DDTHH:MM:SS`.
        digits: String,
    },
    /// A date alone.
    #[error("{}", self.told())]
    DateOnly {
        /// The value.
        input: String,
    },
    /// Second 60.
    #[error("{}", self.told())]
    LeapSecond {
        /// The value.
        input: String,
    },
    /// Anything else.
    #[error("{}", self.told())]
    Unreadable {
        /// The value.
        input: String,
    },
}

impl TimeError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        let m = |id: &'static str, input: &str, tz: &Tz| {
            Msg::new(id).arg("input", input).arg("tz", tz.name())
        };
        // Two instants of a daylight-saving change, `first` and `second`.
        let two = |id, input: &str, tz, first: &DateTime<FixedOffset>, second: &DateTime<_>| {
            m(id, input, tz)
                .arg("first", show(*first))
                .arg("second", show(*second))
        };
        Told::new(match self {
            TimeError::Unreadable { input, tz } => m("errors-time-unreadable", input, tz),
            TimeError::Gap {
                input,
                tz,
                before,
                after,
                suggestion,
            } => two("errors-time-gap", input, tz, before, after)
                .arg("suggestion", suggestion.to_rfc3339()),
            TimeError::DateOnly { input, tz, example } => {
                m("errors-time-date-only", input, tz).arg("example", example.as_str())
            }
            TimeError::LeapSecond { input } => {
                Msg::new("errors-time-leap-second").arg("input", input.as_str())
            }
            TimeError::Future {
                what,
                input,
                at,
                now,
                tz,
            } => {
                let what = match *what {
                    "the time of receipt" => Msg::new("errors-time-what-receipt"),
                    "the time of the instruction" => Msg::new("errors-time-what-instruction"),
                    other => Msg::text(other),
                };
                return Told::new(
                    Msg::new("errors-time-future")
                        .arg("what", what)
                        .arg("input", input.as_str())
                        .arg("at", show(*at))
                        .arg("now", show(*now)),
                )
                .hint(Msg::new("errors-time-future-hint").arg("tz", tz.name()));
            }
            TimeError::Ambiguous {
                input,
                tz,
                first,
                second,
            } => two("errors-time-ambiguous", input, tz, first, second)
                .arg("first_offset", first.to_rfc3339())
                .arg("second_offset", second.to_rfc3339()),
        })
    }
}

crate::render::catalog::told_localize!(TimeError, StoredTimeError);

impl StoredTimeError {
    /// What the error says, as a catalog message.
    pub fn told(&self) -> Told {
        Told::new(match self {
            StoredTimeError::NoOffset { input, digits } => Msg::new("errors-stored-no-offset")
                .arg("input", input.as_str())
                .arg("digits", digits.as_str()),
            StoredTimeError::DateOnly { input } => {
                Msg::new("errors-stored-date-only").arg("input", input.as_str())
            }
            StoredTimeError::LeapSecond { input } => {
                Msg::new("errors-time-leap-second").arg("input", input.as_str())
            }
            StoredTimeError::Unreadable { input } => Msg::new("errors-stored-unreadable")
                .arg("input", input.as_str())
                .arg("example", STORED_EXAMPLE),
        })
    }
}

/// Reads a time stored in a file: RFC 3339 with its UTC offset (`T` or a
/// space between date and time, as chrono reads it); refuses a missing
/// offset, a date alone and second 60, each with its own message.
pub fn parse_stored_time(input: &str) -> Result<DateTime<FixedOffset>, StoredTimeError> {
    let s = input.trim();
    let shown = || visible(s);
    if let Ok(dt) = s.parse::<DateTime<FixedOffset>>() {
        if is_leap_second(dt.nanosecond()) {
            return Err(StoredTimeError::LeapSecond { input: shown() });
        }
        return Ok(dt);
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok());
    if let Some(naive) = naive {
        if is_leap_second(naive.nanosecond()) {
            return Err(StoredTimeError::LeapSecond { input: shown() });
        }
        return Err(StoredTimeError::NoOffset {
            input: shown(),
            digits: naive.format("%Y-%m-%dT%H:%M:%S").to_string(),
        });
    }
    if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
        return Err(StoredTimeError::DateOnly { input: shown() });
    }
    Err(StoredTimeError::Unreadable { input: shown() })
}

/// A value on one line: control characters escaped, long values cut.
fn visible(s: &str) -> String {
    let escaped: String = s
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if escaped.chars().count() > 80 {
        format!("{}…", escaped.chars().take(80).collect::<String>())
    } else {
        escaped
    }
}

fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
}

/// Resolves a local wall-clock time in `tz` to one instant, refusing gaps and
/// overlaps. `input` is only used for the error message.
pub fn local_to_instant(
    naive: NaiveDateTime,
    tz: Tz,
    input: &str,
) -> Result<DateTime<FixedOffset>, TimeError> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.fixed_offset()),
        LocalResult::Ambiguous(a, b) => Err(TimeError::Ambiguous {
            input: input.to_string(),
            tz,
            first: a.fixed_offset(),
            second: b.fixed_offset(),
        }),
        LocalResult::None => {
            // Walk back and forward to the edges of the gap so the message
            // says where the clocks jump (gaps last minutes to an hour or two).
            let edge = |step: TimeDelta| {
                let mut t = naive;
                for _ in 0..24 * 60 {
                    if let Some(dt) = tz.from_local_datetime(&t).single() {
                        return Some(dt.fixed_offset());
                    }
                    t += step;
                }
                None
            };
            let unreadable = || TimeError::Unreadable {
                input: input.to_string(),
                tz,
            };
            let before = edge(TimeDelta::minutes(-1)).ok_or_else(unreadable)?;
            let after = edge(TimeDelta::minutes(1)).ok_or_else(unreadable)?;
            let suggestion = before
                .offset()
                .from_local_datetime(&naive)
                .single()
                .ok_or_else(unreadable)?;
            Err(TimeError::Gap {
                input: input.to_string(),
                tz,
                before,
                after,
                suggestion,
            })
        }
    }
}

/// The instant in the given timezone, as a fixed-offset time.
pub fn in_tz(instant: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    instant.with_timezone(&tz).fixed_offset()
}

/// Adds calendar months to a date, clamping to the last day of the target
/// month (31 January + 1 month = 28 or 29 February), as GDPR periods in
/// months are counted.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(chrono::Months::new(months))
}

/// True when a duty due on the date `due` is overdue on `today`: the due
/// day itself still counts, as "by 15 April" does. Dates, not instants, so
/// that a daylight-saving change cannot move the deadline by an hour.
pub fn date_overdue(due: NaiveDate, today: NaiveDate) -> bool {
    due < today
}

/// The last second of `date` in `tz`, as an instant: the deadline of a duty
/// due on that day. Daylight-saving changes happen at night, never at
/// 23:59:59, so the time always exists once; the offset is the day's own.
pub fn end_of_day(date: NaiveDate, tz: Tz) -> Option<DateTime<FixedOffset>> {
    let t = date.and_hms_opt(23, 59, 59)?;
    tz.from_local_datetime(&t)
        .latest()
        .map(|d| d.fixed_offset())
}

/// For tests: instants typed as users type them, read in Paris.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The timezone of the tests.
    pub(crate) const PARIS: Tz = chrono_tz::Europe::Paris;

    /// `s` read as a user's time in Paris.
    pub(crate) fn paris(s: &str) -> DateTime<FixedOffset> {
        parse_user_time(s, PARIS).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    #[test]
    fn a_local_time_is_read_in_the_processor_timezone() {
        let t = parse_user_time("2021-03-26 10:00", PARIS).unwrap();
        assert_eq!(t.to_rfc3339(), "2021-03-26T10:00:00+01:00");
    }

    #[test]
    fn seventy_two_hours_cross_the_spring_change_as_elapsed_time() {
        let t = parse_user_time("2021-03-26 10:00", PARIS).unwrap();
        let deadline = in_tz((t + TimeDelta::hours(72)).with_timezone(&Utc), PARIS);
        assert_eq!(deadline.to_rfc3339(), "2021-03-29T11:00:00+02:00");
    }

    #[test]
    fn seventy_two_hours_cross_the_autumn_change_as_elapsed_time() {
        let t = parse_user_time("2021-10-29 10:00", PARIS).unwrap();
        let deadline = in_tz((t + TimeDelta::hours(72)).with_timezone(&Utc), PARIS);
        assert_eq!(deadline.to_rfc3339(), "2021-11-01T09:00:00+01:00");
    }

    #[test]
    fn a_time_in_the_spring_gap_is_refused_with_both_edges() {
        let e = parse_user_time("2021-03-28 02:30", PARIS).unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, TimeError::Gap { .. }), "{msg}");
        assert!(msg.contains("01:59 (UTC+01:00)"), "{msg}");
        assert!(msg.contains("03:00 (UTC+02:00)"), "{msg}");
    }

    #[test]
    fn a_time_in_the_autumn_overlap_is_refused_with_both_readings() {
        let e = parse_user_time("2021-10-31 02:30", PARIS).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("02:30 (UTC+02:00)"), "{msg}");
        assert!(msg.contains("02:30 (UTC+01:00)"), "{msg}");
    }

    #[test]
    fn an_explicit_offset_settles_an_ambiguous_time() {
        let t = parse_user_time("2021-10-31T02:30:00+01:00", PARIS).unwrap();
        assert_eq!(t.offset().local_minus_utc(), 3600);
    }

    #[test]
    fn a_date_alone_is_not_an_instant() {
        for typed in ["2021-03-26", " 2021-03-26 "] {
            let e = parse_user_time(typed, PARIS).unwrap_err();
            assert!(matches!(e, TimeError::DateOnly { .. }), "{e}");
            let msg = e.to_string();
            assert!(msg.contains("not read as midnight"), "{msg}");
            assert!(msg.contains("`2021-03-26 10:00`"), "{msg}");
            assert!(msg.contains("`2021-03-26T10:00:00+01:00`"), "{msg}");
        }
        let msg = parse_user_time("2021-07-14", PARIS)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("`2021-07-14T10:00:00+02:00`"), "{msg}");
        assert!(parse_user_time("2021-03-26 00:00", PARIS).is_ok());
    }

    #[test]
    fn garbage_is_not_a_time() {
        assert!(matches!(
            parse_user_time("vendredi", PARIS),
            Err(TimeError::Unreadable { .. })
        ));
    }

    #[test]
    fn second_60_is_refused_typed_locally_or_with_an_offset() {
        for typed in [
            "2021-03-26 10:17:60",
            "2021-03-26T10:17:60+01:00",
            "2016-12-31T23:59:60Z",
            "2021-03-26T23:59:60",
        ] {
            let e = parse_user_time(typed, PARIS).unwrap_err();
            assert!(matches!(e, TimeError::LeapSecond { .. }), "{typed}: {e}");
            assert!(e.to_string().contains("second 60 (a leap second)"), "{e}");
        }
        assert!(parse_user_time("2021-03-26 23:59:59", PARIS).is_ok());
    }

    #[test]
    fn a_time_later_than_now_is_refused_naming_both() {
        let now = parse_user_time("2021-03-26 11:00", PARIS).unwrap().to_utc();
        let at = |s| parse_user_time(s, PARIS).unwrap();
        assert!(not_after(
            "the time of receipt",
            "x",
            at("2021-03-26 11:00"),
            now,
            PARIS
        )
        .is_ok());
        assert!(not_after(
            "the time of receipt",
            "x",
            at("2021-03-25 09:00"),
            now,
            PARIS
        )
        .is_ok());
        let e = not_after(
            "the time of receipt",
            "2021-03-26 11:01",
            at("2021-03-26 11:01"),
            now,
            PARIS,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("the time of receipt `2021-03-26 11:01` (2021-03-26 11:01 (UTC+01:00)) is later than now (2021-03-26 11:00 (UTC+01:00))"),
            "{e}"
        );
    }

    #[test]
    fn a_stored_time_needs_its_offset_and_no_second_60() {
        let ok = parse_stored_time("2021-03-26T10:00:00+01:00").unwrap();
        assert_eq!(ok.to_rfc3339(), "2021-03-26T10:00:00+01:00");
        assert!(parse_stored_time("2021-03-26 10:00:00Z").is_ok());
        let e = parse_stored_time("2021-03-26T10:00:00").unwrap_err();
        assert_eq!(
            e.to_string(),
            "`2021-03-26T10:00:00` has no UTC offset: a time in a file must end with one, such as +01:00, +02:00 or Z, e.g. `2021-03-26T10:00:00+01:00` (UTC+1) or `2021-03-26T10:00:00Z` (UTC)"
        );
        assert!(matches!(
            parse_stored_time("2021-03-26 10:00"),
            Err(StoredTimeError::NoOffset { .. })
        ));
        assert!(matches!(
            parse_stored_time("2021-03-26"),
            Err(StoredTimeError::DateOnly { .. })
        ));
        assert!(matches!(
            parse_stored_time("2021-03-26T10:59:60+01:00"),
            Err(StoredTimeError::LeapSecond { .. })
        ));
        let e = parse_stored_time("x\ny").unwrap_err().to_string();
        assert!(e.starts_with("`x\\ny` is not a time"), "{e}");
        let long = parse_stored_time(&"9".repeat(10_000))
            .unwrap_err()
            .to_string();
        assert!(long.len() < 300, "{long}");
    }

    #[test]
    fn months_clamp_to_the_end_of_a_shorter_month() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(add_months(d("2021-01-31"), 1), Some(d("2021-02-28")));
        assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29")));
        assert_eq!(add_months(d("2021-04-30"), 1), Some(d("2021-05-30")));
        assert_eq!(add_months(d("2021-02-01"), 6), Some(d("2021-08-01")));
    }

    #[test]
    fn a_date_deadline_keeps_its_local_day_across_a_daylight_saving_change() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Tested in winter (UTC+01:00), due in summer (UTC+02:00).
        let due = add_months(d("2021-01-15"), 3).unwrap();
        let end = end_of_day(due, PARIS).unwrap();
        assert_eq!(end.to_rfc3339(), "2021-04-15T23:59:59+02:00");
        assert!(!date_overdue(due, d("2021-04-15")));
        assert!(date_overdue(due, d("2021-04-16")));
    }
}
