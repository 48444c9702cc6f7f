//! Working days in France, and where a period in days, weeks, months or
//! years ends (Regulation (EEC, Euratom) No 1182/71, art. 3; EDPB
//! Guidelines 01/2022 on the right of access, §160): pure calendar
//! arithmetic on local dates, with no clock.
//!
//! - A period in months counted from an event (art. 3(1), 3(2)(c)) leaves
//!   out the day of the event and ends at the end of the day of the last
//!   month that has the same number as the day of the event, or of the last
//!   day of that month when it has no such day: 31 January → 28 or 29
//!   February, 30 April → 30 May, 31 May → 30 June ([`months_after`]).
//! - When the last day of such a period is a Saturday, a Sunday or a public
//!   holiday, the period ends at the end of the next working day (art.
//!   3(4)); [`PeriodEnd`] keeps both days and why the period moved.
//! - Periods in hours (the 72 h of a breach) are not extended: they are not
//!   counted here.
//!
//! The French public holidays (Code du travail, art. L3133-1) are computed,
//! not listed: the fixed ones, and Easter Monday, Ascension Thursday and
//! Whit Monday from Easter Sunday, which the `computus` crate gives for the
//! Gregorian calendar. The local holidays of Alsace-Moselle (Good Friday,
//! 26 December) are not counted: the processor is in Île-de-France.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

/// A French public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// 1 January.
    NewYear,
    /// Easter Sunday + 1 day.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 8 May.
    VictoryDay,
    /// Easter Sunday + 39 days.
    Ascension,
    /// Easter Sunday + 50 days.
    WhitMonday,
    /// 14 July.
    BastilleDay,
    /// 15 August.
    Assumption,
    /// 1 November.
    AllSaints,
    /// 11 November.
    Armistice,
    /// 25 December.
    Christmas,
}

impl Holiday {
    /// The key of its name in the catalog (`dpo.ftl`) (`holiday.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Self::NewYear => "new-year",
            Self::EasterMonday => "easter-monday",
            Self::LabourDay => "labour-day",
            Self::VictoryDay => "victory-day",
            Self::Ascension => "ascension",
            Self::WhitMonday => "whit-monday",
            Self::BastilleDay => "bastille-day",
            Self::Assumption => "assumption",
            Self::AllSaints => "all-saints",
            Self::Armistice => "armistice",
            Self::Christmas => "christmas",
        }
    }
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonWorking {
    /// A public holiday (named even when it falls on a weekend).
    Holiday(Holiday),
    /// A Saturday.
    Saturday,
    /// A Sunday.
    Sunday,
}

impl NonWorking {
    /// The key of the reason in the catalog (`dpo.ftl`): `holiday.<key>`,
    /// `non_working.saturday` or `non_working.sunday`.
    pub fn key(self) -> String {
        match self {
            Self::Holiday(h) => format!("holiday.{}", h.key()),
            Self::Saturday => "non_working.saturday".into(),
            Self::Sunday => "non_working.sunday".into(),
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    computus::gregorian_naive(year).ok()
}

/// The French public holiday on `date`, if it is one.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some(Holiday::NewYear),
        (5, 1) => Some(Holiday::LabourDay),
        (5, 8) => Some(Holiday::VictoryDay),
        (7, 14) => Some(Holiday::BastilleDay),
        (8, 15) => Some(Holiday::Assumption),
        (11, 1) => Some(Holiday::AllSaints),
        (11, 11) => Some(Holiday::Armistice),
        (12, 25) => Some(Holiday::Christmas),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let easter = easter_sunday(date.year())?;
    match (date - easter).num_days() {
        1 => Some(Holiday::EasterMonday),
        39 => Some(Holiday::Ascension),
        50 => Some(Holiday::WhitMonday),
        _ => None,
    }
}

/// Why `date` is not a working day, or `None` when it is one.
pub fn non_working(date: NaiveDate) -> Option<NonWorking> {
    if let Some(h) = holiday(date) {
        return Some(NonWorking::Holiday(h));
    }
    match date.weekday() {
        Weekday::Sat => Some(NonWorking::Saturday),
        Weekday::Sun => Some(NonWorking::Sunday),
        _ => None,
    }
}

/// Where a period ends: the last day as counted, and the day it really
/// ends on once art. 3(4) has moved it past a weekend or a public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PeriodEnd {
    /// The last day of the period as counted (the legal date before art. 3(4)).
    pub counted: NaiveDate,
    /// The day the period ends, at its last second: `counted`, or the next
    /// working day.
    pub ends: NaiveDate,
    /// Why `counted` is not a working day, when the period moved (as its
    /// catalog key, e.g. `holiday.labour-day`, in JSON).
    #[serde(serialize_with = "reason_key")]
    pub moved_because: Option<NonWorking>,
}

fn reason_key<S: serde::Serializer>(r: &Option<NonWorking>, s: S) -> Result<S::Ok, S::Error> {
    match r {
        Some(r) => s.serialize_some(&r.key()),
        None => s.serialize_none(),
    }
}

impl PeriodEnd {
    /// The period whose last day, as counted, is `counted`.
    pub fn of(counted: NaiveDate) -> Self {
        let mut ends = counted;
        // At most four days in a row are not working days in France (e.g.
        // Saturday, Sunday, then a holiday Monday): a week always suffices.
        for _ in 0..7 {
            if non_working(ends).is_none() {
                break;
            }
            ends += TimeDelta::days(1);
        }
        Self {
            counted,
            ends,
            moved_because: non_working(counted),
        }
    }

    /// Whether art. 3(4) moved the end.
    pub fn moved(&self) -> bool {
        self.ends != self.counted
    }
}

/// Where a period of `months` months from an event on the local day
/// `event` ends (art. 3(1), 3(2)(c) and 3(4)): its last day as counted is
/// the day of the last month with the same number as `event`, or the last
/// day of that month ([`super::add_months`]), then moved past a weekend or
/// a public holiday.
pub fn months_from_event(event: NaiveDate, months: u32) -> Option<PeriodEnd> {
    super::add_months(event, months).map(PeriodEnd::of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every French public holiday of 2021–2030, typed from the official
    /// calendar (service-public.fr), against the computed ones.
    const HOLIDAYS: &[(i32, [&str; 3])] = &[
        // (year, [Easter Monday, Ascension, Whit Monday])
        (2021, ["04-05", "05-13", "05-24"]),
        (2022, ["04-18", "05-26", "06-06"]),
        (2023, ["04-10", "05-18", "05-29"]),
        (2024, ["04-01", "05-09", "05-20"]),
        (2025, ["04-21", "05-29", "06-09"]),
        (2026, ["04-06", "05-14", "05-25"]),
        (2027, ["03-29", "05-06", "05-17"]),
        (2028, ["04-17", "05-25", "06-05"]),
        (2029, ["04-02", "05-10", "05-21"]),
        (2030, ["04-22", "05-30", "06-10"]),
    ];

    #[test]
    fn every_public_holiday_of_2021_to_2030_and_no_other_day() {
        for (year, movable) in HOLIDAYS {
            let mut expected: Vec<(NaiveDate, Holiday)> = [
                ("01-01", Holiday::NewYear),
                (movable[0], Holiday::EasterMonday),
                ("05-01", Holiday::LabourDay),
                ("05-08", Holiday::VictoryDay),
                (movable[1], Holiday::Ascension),
                (movable[2], Holiday::WhitMonday),
                ("07-14", Holiday::BastilleDay),
                ("08-15", Holiday::Assumption),
                ("11-01", Holiday::AllSaints),
                ("11-11", Holiday::Armistice),
                ("12-25", Holiday::Christmas),
            ]
            .iter()
            .map(|(md, h)| (d(&format!("{year}-{md}")), *h))
            .collect();
            expected.sort_by_key(|(day, _)| *day);
            let mut found = Vec::new();
            let mut day = d(&format!("{year}-01-01"));
            while day.year() == *year {
                if let Some(h) = holiday(day) {
                    found.push((day, h));
                }
                day += TimeDelta::days(1);
            }
            assert_eq!(found, expected, "{year}");
            for (day, h) in &expected {
                // A holiday is named even on a weekend, and never moves
                // a period to itself.
                assert_eq!(non_working(*day), Some(NonWorking::Holiday(*h)));
                let end = PeriodEnd::of(*day);
                assert!(end.moved() && non_working(end.ends).is_none(), "{day}");
                assert_eq!(end.moved_because, Some(NonWorking::Holiday(*h)));
            }
        }
    }

    #[test]
    fn easter_sunday_of_known_years() {
        assert_eq!(easter_sunday(2021), Some(d("2021-04-04")));
        assert_eq!(easter_sunday(2024), Some(d("2024-03-31")));
        assert_eq!(easter_sunday(2038), Some(d("2038-04-25")));
    }

    #[test]
    fn a_period_in_months_ends_on_the_same_date_or_the_end_of_a_shorter_month() {
        for (event, counted) in [
            ("2021-01-31", "2021-02-28"),
            ("2024-01-31", "2024-02-29"),
            ("2021-04-30", "2021-05-30"),
            ("2021-05-31", "2021-06-30"),
            ("2021-03-26", "2021-04-26"),
            ("2021-12-15", "2022-01-15"),
        ] {
            let end = months_from_event(d(event), 1).unwrap();
            assert_eq!(end.counted, d(counted), "{event}");
        }
        let end = months_from_event(d("2021-08-31"), 6).unwrap();
        assert_eq!(end.counted, d("2022-02-28"));
    }

    #[test]
    fn the_month_end_cases_move_past_weekends_and_holidays() {
        // (event, counted last day, day the period ends, why)
        for (event, counted, ends, why) in [
            // 28 February 2021 is a Sunday.
            (
                "2021-01-31",
                "2021-02-28",
                "2021-03-01",
                Some(NonWorking::Sunday),
            ),
            // 29 February 2024 is a Thursday.
            ("2024-01-31", "2024-02-29", "2024-02-29", None),
            // 30 May 2021 is a Sunday; 30 May 2022 a Monday.
            (
                "2021-04-30",
                "2021-05-30",
                "2021-05-31",
                Some(NonWorking::Sunday),
            ),
            ("2022-04-30", "2022-05-30", "2022-05-30", None),
            // 30 June 2021 is a Wednesday.
            ("2021-05-31", "2021-06-30", "2021-06-30", None),
            // 1 May 2021 is a Saturday and a holiday: Monday 3 May.
            (
                "2021-04-01",
                "2021-05-01",
                "2021-05-03",
                Some(NonWorking::Holiday(Holiday::LabourDay)),
            ),
            // 13 May 2021 is Ascension Thursday: Friday 14 May.
            (
                "2021-04-13",
                "2021-05-13",
                "2021-05-14",
                Some(NonWorking::Holiday(Holiday::Ascension)),
            ),
            // Saturday 22 May 2021, Sunday, then Whit Monday: Tuesday 25 May.
            (
                "2021-04-22",
                "2021-05-22",
                "2021-05-25",
                Some(NonWorking::Saturday),
            ),
            // Saturday 14 August 2021, Sunday 15 (Assumption): Monday 16.
            (
                "2021-07-14",
                "2021-08-14",
                "2021-08-16",
                Some(NonWorking::Saturday),
            ),
            // Saturday 25 December 2027, Sunday: Monday 27 (26 is no holiday here).
            (
                "2027-11-25",
                "2027-12-25",
                "2027-12-27",
                Some(NonWorking::Holiday(Holiday::Christmas)),
            ),
        ] {
            let end = months_from_event(d(event), 1).unwrap();
            assert_eq!(end.counted, d(counted), "{event}");
            assert_eq!(end.ends, d(ends), "{event}");
            assert_eq!(end.moved(), counted != ends, "{event}");
            assert_eq!(end.moved_because, why, "{event}");
        }
    }

    #[test]
    fn a_working_day_does_not_move() {
        let end = PeriodEnd::of(d("2021-04-26"));
        assert!(!end.moved());
        assert_eq!(end.ends, d("2021-04-26"));
        assert_eq!(end.moved_because, None);
    }
}
