//! The one place that words dates, instants and durations, in the
//! language of the documents (the names and patterns come from that
//! language's `strings.yaml`) — or, for messages and listings, in the one
//! language-neutral form with the UTC offset. [`crate::time`] computes the
//! instants and periods; this module only says them.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta};
use chrono_tz::Tz;

use super::templates::Strings;
use crate::time::working_days::PeriodEnd;

/// `2021-03-29 11:00 (UTC+02:00)`: an instant as a person reads it, with its
/// offset, in messages and listings.
pub fn show(dt: DateTime<FixedOffset>) -> String {
    format!("{} (UTC{})", dt.format("%Y-%m-%d %H:%M"), dt.format("%:z"))
}

/// [`show`] for the instant `t` in the processor's timezone `tz`, with the
/// offset in force there at that instant: a deadline computed from an
/// instant of another season (72 h after an awareness in summer time)
/// reads in its own season's offset ("2021-11-01 09:00 (UTC+01:00)").
pub fn show_in(t: DateTime<FixedOffset>, tz: Tz) -> String {
    show(t.with_timezone(&tz).fixed_offset())
}

/// "1er février 2021" / "1 February 2021", from the month names and the
/// pattern in `strings.yaml`.
pub fn long_date(s: &Strings, d: NaiveDate) -> String {
    let months = s.list("months");
    let month = months.get(d.month0() as usize).cloned().unwrap_or_default();
    let day = if d.day() == 1 {
        s.get("first_day").to_string()
    } else {
        d.day().to_string()
    };
    s.get("date_pattern")
        .replace("{day}", &day)
        .replace("{month}", &month)
        .replace("{year}", &d.year().to_string())
}

/// "29 mars 2021 à 11:00 (UTC+02:00)": an instant in its own offset, with
/// the long date (`datetime_pattern`; the templates' `datetime` filter).
pub fn long_datetime(s: &Strings, t: DateTime<FixedOffset>) -> String {
    with_time(s, "datetime_pattern", t)
}

/// "lundi 29 mars 2021 à 11:00 (UTC+02:00)": the instant in `tz`, with the
/// weekday, the long date, the time and the offset.
pub fn long_instant(s: &Strings, at: DateTime<FixedOffset>, tz: Tz) -> String {
    let local = at.with_timezone(&tz).fixed_offset();
    with_time(s, "weekday_datetime_pattern", local).replace("{weekday}", &weekday(s, local))
}

/// "lundi", "Monday": the day of the week of `d`.
fn weekday(s: &Strings, d: impl Datelike) -> String {
    s.list("weekdays")
        .get(d.weekday().num_days_from_monday() as usize)
        .cloned()
        .unwrap_or_default()
}

/// Where a period ends, as a person reads it: the day alone when it did
/// not move ("26 avril 2021"), else the day as counted, why it is not a
/// working day, and the day it ends on, with its weekday: "1er mai 2021
/// (jour férié : fête du Travail) → lundi 3 mai 2021" (Reg. 1182/71, art.
/// 3(4)).
pub fn period_end(s: &Strings, p: &PeriodEnd) -> String {
    period_end_as(s, p, "period_moved")
}

/// [`period_end`] in words, for a document or a letter: "1er mai 2021
/// (jour férié : fête du Travail) ; report au lundi 3 mai 2021 (règlement
/// (CEE, Euratom) n° 1182/71, art. 3, § 4)" — the legal date and why it
/// moved, without an arrow.
pub fn period_end_in_words(s: &Strings, p: &PeriodEnd) -> String {
    period_end_as(s, p, "period_moved_words")
}

/// [`period_end`] with the pattern `key` for a period that moved.
fn period_end_as(s: &Strings, p: &PeriodEnd, key: &str) -> String {
    match p.moved_because.filter(|_| p.moved()) {
        None => long_date(s, p.ends),
        Some(why) => s
            .get(key)
            .replace("{counted}", &long_date(s, p.counted))
            .replace("{why}", s.get(&why.key()))
            .replace(
                "{ends}",
                &format!("{} {}", weekday(s, p.ends), long_date(s, p.ends)),
            ),
    }
}

/// The line that says why a deadline moved, or `None` when it did not:
/// "délai légal : 1er mai 2021 (jour férié : fête du Travail) → lundi 3
/// mai 2021 (…art. 3, §4)".
pub fn period_moved_line(s: &Strings, p: &PeriodEnd) -> Option<String> {
    p.moved().then(|| {
        s.get("period_moved_line")
            .replace("{period}", &period_end(s, p))
    })
}

/// The pattern `key` with the long date, the time and the offset of `t`.
fn with_time(s: &Strings, key: &str, t: DateTime<FixedOffset>) -> String {
    s.get(key)
        .replace("{date}", &long_date(s, t.date_naive()))
        .replace("{time}", &t.format("%H:%M").to_string())
        .replace("{offset}", &t.format("%:z").to_string())
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

/// "dans 72 h 00 min" or "en retard de 1 h 05 min", from `now` to `deadline`
/// (equality is still on time).
pub fn time_left(
    s: &Strings,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
) -> String {
    let d = deadline - now;
    if now <= deadline {
        s.get("time_left").replace("{d}", &hours_minutes(d, false))
    } else {
        s.get("time_overdue")
            .replace("{d}", &hours_minutes(d, true))
    }
}

/// A deadline line, from the pattern `key` (with `{when}` and `{left}`):
/// "à notifier au responsable de traitement avant le lundi 29 mars 2021 à
/// 11:00 (UTC+02:00) — dans 72 h 00 min".
pub fn deadline_line(
    s: &Strings,
    key: &str,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
    tz: Tz,
) -> String {
    s.get(key)
        .replace("{when}", &long_instant(s, deadline, tz))
        .replace("{left}", &time_left(s, now, deadline))
}

/// "1 200" / "1,200": a whole number with the digit grouping of the
/// language (`number_group` in `strings.yaml`: a narrow no-break space in
/// French, a comma in English).
pub fn number(s: &Strings, n: u64) -> String {
    let digits = n.to_string();
    let sep = s.get("number_group");
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

/// "1 200", "environ 1 200", "entre 1 000 et 5 000": a count, exact or
/// approximate (GDPR Art. 33(3)(a)), worded in the language of `s`.
pub fn count(s: &Strings, c: crate::model::Count) -> String {
    use crate::model::Count;
    match c {
        Count::Exact(n) => number(s, n),
        Count::About { about } => s.get("count_about").replace("{n}", &number(s, about)),
        Count::Range { from, to } => s
            .get("count_range")
            .replace("{from}", &number(s, from))
            .replace("{to}", &number(s, to)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breach::deadline::{deadline, PROCESSOR_LINE};
    use crate::model::Lang;
    use crate::render::Templates;
    use crate::time::testing::{paris as t, PARIS};

    /// The processor's deadline line, in `lang`, the moment it becomes aware.
    fn line_at_awareness(lang: Lang, aware: &str) -> String {
        let tpl = Templates::new(lang).unwrap();
        let aware = t(aware);
        deadline_line(tpl.strings(), PROCESSOR_LINE, aware, deadline(aware), PARIS)
    }

    #[test]
    fn counts_are_worded_with_the_digit_grouping_of_each_language() {
        use crate::model::Count;
        let fr = Templates::new(Lang::Fr).unwrap();
        let en = Templates::new(Lang::En).unwrap();
        let (fr, en) = (fr.strings(), en.strings());
        assert_eq!(number(fr, 0), "0");
        assert_eq!(number(fr, 999), "999");
        assert_eq!(number(fr, 1200), "1\u{202f}200");
        assert_eq!(number(fr, 1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(number(en, 45000), "45,000");
        assert_eq!(
            count(fr, Count::About { about: 1200 }),
            "environ 1\u{202f}200"
        );
        assert_eq!(
            count(
                fr,
                Count::Range {
                    from: 1000,
                    to: 5000
                }
            ),
            "entre 1\u{202f}000 et 5\u{202f}000"
        );
        assert_eq!(count(en, Count::About { about: 1200 }), "about 1,200");
        assert_eq!(
            count(
                en,
                Count::Range {
                    from: 1000,
                    to: 5000
                }
            ),
            "between 1,000 and 5,000"
        );
    }

    #[test]
    fn the_open_message_reads_exactly_as_the_issue_says() {
        assert_eq!(
            line_at_awareness(Lang::Fr, "2021-03-26 10:00"),
            "à notifier au responsable de traitement avant le lundi 29 mars 2021 à 11:00 (UTC+02:00) — dans 72 h 00 min"
        );
    }

    #[test]
    fn the_deadline_reads_in_english_too() {
        assert_eq!(
            line_at_awareness(Lang::En, "2021-10-29 10:00"),
            "notify the controller before Monday 1 November 2021, 09:00 (UTC+01:00) — 72 h 00 min left"
        );
    }

    #[test]
    fn an_instant_shows_in_the_offset_of_its_own_season() {
        let due = deadline(t("2021-10-29 10:00"));
        assert_eq!(show(due), "2021-11-01 10:00 (UTC+02:00)");
        assert_eq!(show_in(due, PARIS), "2021-11-01 09:00 (UTC+01:00)");
        assert_eq!(
            show_in(t("2021-03-26T09:00:00Z"), PARIS),
            "2021-03-26 10:00 (UTC+01:00)"
        );
    }

    #[test]
    fn time_left_rounds_down_and_time_overdue_rounds_up() {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let s = tpl.strings();
        let d = t("2021-03-29T11:00:00+02:00");
        for (now, left) in [
            ("2021-03-29T10:59:01+02:00", "dans 0 h 00 min"),
            ("2021-03-29T11:00:00+02:00", "dans 0 h 00 min"),
            ("2021-03-29T11:00:01+02:00", "en retard de 0 h 01 min"),
            ("2021-03-29T13:05:00+02:00", "en retard de 2 h 05 min"),
        ] {
            assert_eq!(time_left(s, t(now), d), left);
        }
    }

    #[test]
    fn a_moved_period_says_the_day_counted_why_and_the_day_it_ends() {
        let fr = Templates::new(Lang::Fr).unwrap();
        let en = Templates::new(Lang::En).unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let may_day = PeriodEnd::of(d(2021, 5, 1));
        assert_eq!(
            period_end(fr.strings(), &may_day),
            "1er mai 2021 (jour férié : fête du Travail) → lundi 3 mai 2021"
        );
        assert_eq!(
            period_end(en.strings(), &may_day),
            "1 May 2021 (public holiday: Labour Day) → Monday 3 May 2021"
        );
        let sunday = PeriodEnd::of(d(2021, 2, 28));
        assert_eq!(
            period_end(fr.strings(), &sunday),
            "28 février 2021 (dimanche) → lundi 1er mars 2021"
        );
        assert_eq!(
            period_end_in_words(fr.strings(), &PeriodEnd::of(d(2021, 7, 31))),
            "31 juillet 2021 (samedi) ; report au lundi 2 août 2021 \
             (règlement (CEE, Euratom) n° 1182/71, art. 3, § 4)"
        );
        assert_eq!(
            period_end_in_words(en.strings(), &PeriodEnd::of(d(2021, 7, 31))),
            "31 July 2021 (Saturday); moved to Monday 2 August 2021 \
             (Regulation (EEC, Euratom) No 1182/71, Art. 3(4))"
        );
        let plain = PeriodEnd::of(d(2021, 4, 26));
        assert_eq!(period_end(fr.strings(), &plain), "26 avril 2021");
        assert_eq!(period_moved_line(fr.strings(), &plain), None);
        let line = period_moved_line(en.strings(), &sunday).unwrap();
        assert!(
            line.contains("28 February 2021 (Sunday) → Monday 1 March 2021"),
            "{line}"
        );
        assert!(line.contains("1182/71"), "{line}");
    }

    #[test]
    fn dates_read_well_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2021, 2, 1).unwrap();
        let fr = Templates::new(Lang::Fr).unwrap();
        let en = Templates::new(Lang::En).unwrap();
        assert_eq!(long_date(fr.strings(), d), "1er février 2021");
        assert_eq!(long_date(en.strings(), d), "1 February 2021");
        let d = NaiveDate::from_ymd_opt(2021, 8, 31).unwrap();
        assert_eq!(long_date(fr.strings(), d), "31 août 2021");
    }
}
