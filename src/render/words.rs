//! The one place that words dates, instants and durations, in the
//! language of the documents (the names and patterns come from that
//! language's catalog, `dpo.ftl`) — or, for messages and listings, in the one
//! language-neutral form with the UTC offset — and the one place that
//! chooses a plural form ([`plural`]). [`crate::time`] computes the
//! instants and periods; this module only says them.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

use super::templates::Strings;
use crate::model::Lang;
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

/// `2026-12-02 08:43:12 (UTC+01:00)`: an instant to the second in `tz`,
/// with its offset (a time-stamp's time, a message's sending).
pub fn show_seconds_in(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz)
        .format("%Y-%m-%d %H:%M:%S (UTC%:z)")
        .to_string()
}

/// `2026-12-02 07:43:12 UTC`: an instant to the second in UTC.
pub fn show_utc_seconds(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// "1er février 2021" / "1 February 2021", from the month names and the
/// pattern in the catalog (`dpo.ftl`).
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

/// [`long_datetime`] for the instant `t` in the processor's timezone `tz`,
/// with the offset in force there at that instant.
pub fn long_datetime_in(s: &Strings, t: DateTime<FixedOffset>, tz: Tz) -> String {
    long_datetime(s, t.with_timezone(&tz).fixed_offset())
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

/// Up to this length (the 72 h of Art. 33(1), the unit a DPO counts a
/// breach in), a duration is said in hours and minutes; beyond, in days and hours.
const IN_DAYS_FROM: TimeDelta = TimeDelta::hours(72);

/// "127 j 11 h" / "127 d 11 h" beyond 72 hours, "72 h 00 min" up to it: a
/// duration of elapsed time (instant minus instant: a day is 24 hours of
/// it, even across a clock change), with the units of the catalog (`dpo.ftl`). Time
/// left is rounded down and time overdue rounded up, so neither is ever
/// overstated in the user's favour; the form follows the rounded value.
pub fn duration(s: &Strings, d: TimeDelta, round_up: bool) -> String {
    let secs = d.num_seconds().unsigned_abs();
    let whole = |unit: u64| {
        if round_up {
            secs.div_ceil(unit)
        } else {
            secs / unit
        }
    };
    let mins = whole(60);
    if mins <= IN_DAYS_FROM.num_minutes().unsigned_abs() {
        s.get("duration_hours_minutes")
            .replace("{h}", &(mins / 60).to_string())
            .replace("{min}", &format!("{:02}", mins % 60))
    } else {
        let hours = whole(3600);
        s.get("duration_days_hours")
            .replace("{d}", &number(s, hours / 24))
            .replace("{h}", &(hours % 24).to_string())
    }
}

/// "dans 72 h 00 min", "dans 127 j 11 h" or "en retard de 3 j 4 h", from
/// `now` to `deadline` (equality is still on time; see [`duration`]).
pub fn time_left(
    s: &Strings,
    now: DateTime<FixedOffset>,
    deadline: DateTime<FixedOffset>,
) -> String {
    let d = deadline - now;
    if now <= deadline {
        s.get("time_left").replace("{d}", &duration(s, d, false))
    } else {
        s.get("time_overdue").replace("{d}", &duration(s, d, true))
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
/// language (`number_group` in the catalog (`dpo.ftl`): a narrow no-break space in
/// French, a comma in English).
pub fn number(s: &Strings, n: u64) -> String {
    super::catalog::group_digits(&n.to_string(), s.get("number_group"))
}

/// "14,65 Kio" / "14.65 KiB": a size in bytes, in binary multiples
/// (`indicatif::HumanBytes` chooses the multiple and rounds), with the
/// decimal separator and the unit of the language (`vb-bytes` in the
/// catalog, `screens.ftl`).
pub fn bytes(s: &Strings, n: u64) -> String {
    let shown = indicatif::HumanBytes(n).to_string();
    let (value, unit) = shown.split_once(' ').unwrap_or((shown.as_str(), "B"));
    let (whole, fraction) = value.split_once('.').unwrap_or((value, "none"));
    s.fmt(
        "vb-bytes",
        &[
            ("whole", whole.into()),
            ("fraction", fraction.into()),
            ("unit", unit.into()),
        ],
    )
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

/// The plural category of the count `n` in `lang` (CLDR cardinal rules for
/// whole numbers: French says "one" for 0 and 1, English for 1 only).
fn is_one(lang: Lang, n: u64) -> bool {
    match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    }
}

/// "1 incomplet" / "2 incomplets": the form of `key` for the count `n` —
/// `{key}.one` or `{key}.other` in the catalog (`dpo.ftl`) — with `{n}` the count as
/// [`number`] writes it. The one place that chooses a plural.
pub fn plural(s: &Strings, lang: Lang, key: &str, n: u64) -> String {
    let form = if is_one(lang, n) { "one" } else { "other" };
    s.get(&format!("{key}.{form}"))
        .replace("{n}", &number(s, n))
}

/// Journal action `code` in words ("breach.notify" → "notification d'une
/// violation par courriel"); a step of a sending (`.intent`, `.dry-run`…)
/// is said with the sending's words; an action this version does not know
/// stays its code.
pub fn action(s: &Strings, code: &str) -> String {
    let id = |c: &str| {
        let c = c.replace('.', "-");
        let joined = format!("gitjournal-action-{c}");
        if s.has(&joined) {
            joined
        } else {
            format!("screens-action-{c}")
        }
    };
    if s.has(&id(code)) {
        return s.fmt(&id(code), &[]);
    }
    for suffix in crate::mail::outbox::NOT_THE_SENDING {
        if let Some(base) = code.strip_suffix(suffix).filter(|b| s.has(&id(b))) {
            // A step of a sending (one that failed, was only tried…) is
            // named as a sending, not by its outcome ("demande transmise…").
            let sending = format!("terminal-sending-{}", base.replace('.', "-"));
            let step = format!("terminal-action-{}", &suffix[1..]);
            if s.has(&sending) && s.has(&step) {
                let what = s.fmt(&sending, &[]);
                return s.fmt(&step, &[("sending", what.as_str().into())]);
            }
            let what = s.fmt(&id(base), &[]);
            return s.fmt(&id(&suffix[1..]), &[("action", what.as_str().into())]);
        }
    }
    code.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breach::deadline::{deadline, PROCESSOR_LINE};
    use crate::render::Templates;
    use crate::time::testing::{paris as t, PARIS};

    #[test]
    fn a_size_in_bytes_is_said_with_the_language_s_separator_and_unit() {
        let fr = Strings::of(Lang::Fr);
        let en = Strings::of(Lang::En);
        assert_eq!(bytes(&fr, 15_002), "14,65\u{a0}Kio");
        assert_eq!(bytes(&en, 15_002), "14.65 KiB");
        assert_eq!(bytes(&fr, 512), "512\u{a0}o");
        assert_eq!(bytes(&en, 512), "512 B");
        assert_eq!(bytes(&fr, 3 << 20), "3,00\u{a0}Mio");
    }

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
    fn the_open_message_says_the_72_hours_in_hours_and_minutes() {
        // Issue 10: a newcomer sees "dans 72 h 00 min" when the breach is opened.
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

    /// `duration` in French of `secs` seconds, rounded down then up.
    fn fr_duration(secs: i64) -> (String, String) {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let d = TimeDelta::seconds(secs);
        (
            duration(tpl.strings(), d, false),
            duration(tpl.strings(), d, true),
        )
    }

    #[test]
    fn a_duration_reads_in_hours_and_minutes_up_to_72_hours_and_in_days_and_hours_beyond() {
        let (h, m) = (3600, 60);
        let both = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(fr_duration(0), both("0 h 00 min", "0 h 00 min"));
        assert_eq!(fr_duration(25 * h), both("25 h 00 min", "25 h 00 min"));
        assert_eq!(fr_duration(48 * h), both("48 h 00 min", "48 h 00 min"));
        assert_eq!(fr_duration(72 * h), both("72 h 00 min", "72 h 00 min"));
        // Rounded up, 72 h 00 min 30 s is 72 h 01 min: the form follows the rounding.
        assert_eq!(fr_duration(72 * h + 30), both("72 h 00 min", "3 j 1 h"));
        assert_eq!(fr_duration(72 * h + m), both("3 j 0 h", "3 j 1 h"));
        assert_eq!(
            fr_duration(127 * 24 * h + 11 * h + 30 * m),
            both("127 j 11 h", "127 j 12 h")
        );
        // The sign is the caller's: the magnitude is worded.
        assert_eq!(fr_duration(-(76 * h)), both("3 j 4 h", "3 j 4 h"));
        // Thousands are grouped as every number of the language.
        assert_eq!(fr_duration(49_756 * h).0, "2\u{202f}073 j 4 h");
        let en = Templates::new(Lang::En).unwrap();
        let d = TimeDelta::hours(49_756);
        assert_eq!(duration(en.strings(), d, false), "2,073 d 4 h");
        assert_eq!(
            duration(en.strings(), TimeDelta::minutes(61), false),
            "1 h 01 min"
        );
    }

    #[test]
    fn a_duration_across_a_clock_change_is_elapsed_time() {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let s = tpl.strings();
        // Spring: from Saturday noon to Monday noon is 47 hours, not 48.
        let left = time_left(s, t("2021-03-27 12:00"), t("2021-03-29 12:00"));
        assert_eq!(left, "dans 47 h 00 min");
        // Autumn: the same two noons are 49 hours apart.
        let left = time_left(s, t("2021-10-30 12:00"), t("2021-11-01 12:00"));
        assert_eq!(left, "dans 49 h 00 min");
        let late = time_left(s, t("2021-11-01 12:00"), t("2021-10-30 12:00"));
        assert_eq!(late, "en retard de 49 h 00 min");
        // Over four days, a day is still 24 hours of elapsed time.
        let left = time_left(s, t("2021-10-28 12:00"), t("2021-11-01 12:00"));
        assert_eq!(left, "dans 4 j 1 h");
    }

    #[test]
    fn the_plural_form_follows_the_rule_of_each_language() {
        let fr = Templates::new(Lang::Fr).unwrap();
        let en = Templates::new(Lang::En).unwrap();
        let key = "status_summary.incomplete";
        let fr = |n| plural(fr.strings(), Lang::Fr, key, n);
        let en = |n| plural(en.strings(), Lang::En, key, n);
        // French: 0 and 1 are singular.
        assert_eq!(fr(0), "0 incomplet");
        assert_eq!(fr(1), "1 incomplet");
        assert_eq!(fr(2), "2 incomplets");
        assert_eq!(fr(1200), "1\u{202f}200 incomplets");
        assert!(is_one(Lang::Fr, 0) && is_one(Lang::Fr, 1) && !is_one(Lang::Fr, 2));
        // English: 1 only.
        assert!(!is_one(Lang::En, 0) && is_one(Lang::En, 1) && !is_one(Lang::En, 2));
        assert_eq!(en(1), "1 incomplete");
        assert_eq!(en(2), "2 incomplete");
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
    fn time_left_rounds_down_time_overdue_rounds_up_and_both_switch_to_days_beyond_72_hours() {
        let tpl = Templates::new(Lang::Fr).unwrap();
        let s = tpl.strings();
        let d = t("2021-03-29T11:00:00+02:00");
        for (now, left) in [
            ("2021-03-29T10:59:01+02:00", "dans 0 h 00 min"),
            ("2021-03-29T11:00:00+02:00", "dans 0 h 00 min"),
            ("2021-03-29T11:00:01+02:00", "en retard de 0 h 01 min"),
            ("2021-03-29T13:05:00+02:00", "en retard de 2 h 05 min"),
            // Up to 72 hours, hours and minutes; beyond, days and hours
            // (72 h before is in winter time).
            ("2021-03-26T10:00:00+01:00", "dans 72 h 00 min"),
            ("2021-03-26T09:59:00+01:00", "dans 3 j 0 h"),
            ("2021-04-01T11:00:00+02:00", "en retard de 72 h 00 min"),
            ("2021-04-01T11:00:01+02:00", "en retard de 3 j 1 h"),
            ("2021-04-01T15:00:00+02:00", "en retard de 3 j 4 h"),
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
            "1er mai 2021 (jour férié\u{202f}: fête du Travail) → lundi 3 mai 2021"
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
            "31 juillet 2021 (samedi)\u{202f}; report au lundi 2 août 2021 \
             (règlement (CEE, Euratom) n°\u{a0}1182/71, art. 3, §\u{a0}4)"
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
