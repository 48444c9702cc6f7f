//! What an error of a duty says, kept as catalog messages ([`Msg`]) so
//! the command line says it in the run's language: a [`Refusal`] (a
//! message and its hint), and the instants and days it names, in words
//! ([`instant`], [`day`]: the same patterns and month names as
//! [`super::words::long_datetime`], from the catalog).

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use super::catalog::{Catalog, Localize, Msg};
use crate::model::Lang;
use crate::workspace::Diagnostic;

/// A refusal or a failure as a person reads it: a message, and what to do
/// about it. `Display` is the English text (logs, `--json`, tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is refused and why.
    pub message: Msg,
    /// What to do, if anything.
    pub hint: Option<Msg>,
}

impl Refusal {
    /// A refusal without a hint.
    pub fn new(message: Msg) -> Self {
        Self {
            message,
            hint: None,
        }
    }

    /// Adds the hint.
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }
}

impl Refusal {
    /// The refusal as an error of `file` at `pos`, field `field` (empty:
    /// the whole file), its hint kept.
    pub fn error_at(self, file: &str, pos: (usize, usize), field: &str) -> Diagnostic {
        let d = Diagnostic::error_msg(file, pos, field, self.message);
        match self.hint {
            Some(h) => d.with_hint_msg(h),
            None => d,
        }
    }

    /// An error of a whole file: the refusal when there is one, else
    /// `english` as it is.
    pub fn file_error(said: Option<Self>, file: &str, english: String) -> Diagnostic {
        match said {
            Some(r) => r.error_at(file, (1, 1), ""),
            None => Diagnostic::error(file, (1, 1), "", english),
        }
    }
}

/// What an error says in the language of `s`: its refusal, when it has
/// one; else its English text (an error of a layer below), the hint label
/// said in that language.
pub fn say(s: &Catalog, said: Option<Refusal>, english: &dyn fmt::Display) -> String {
    match said {
        Some(r) => r.message(s),
        None => s.relabel_hints(&english.to_string()),
    }
}

impl Localize for Refusal {
    /// The message, then `hint: …` on its own line, in the language of `s`.
    fn message(&self, s: &Catalog) -> String {
        let mut out = s.msg(&self.message);
        if let Some(h) = &self.hint {
            out.push_str("\n  ");
            out.push_str(&s.fmt("cli-hint", &[("hint", s.msg(h).into())]));
        }
        out
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&Catalog::of(Lang::En)))
    }
}

/// The message ids of the month names, `months-1` to `months-12`.
const MONTHS: [&str; 12] = [
    "months-1",
    "months-2",
    "months-3",
    "months-4",
    "months-5",
    "months-6",
    "months-7",
    "months-8",
    "months-9",
    "months-10",
    "months-11",
    "months-12",
];

/// "1er mars 2021" / "1 March 2021", said in the reader's language.
pub fn day(d: NaiveDate) -> Msg {
    let month = MONTHS[d.month0() as usize % 12];
    let n = if d.day() == 1 {
        Msg::new("first_day").into()
    } else {
        d.day().to_string().into()
    };
    let mut m = Msg::new("date_pattern");
    m.args.push(("day", n));
    m.arg("month", Msg::new(month))
        .arg("year", d.year().to_string())
}

/// "29 mars 2021 à 11:00 (UTC+02:00)": the instant in its own offset.
pub fn instant(t: DateTime<FixedOffset>) -> Msg {
    Msg::new("datetime_pattern")
        .arg("date", day(t.date_naive()))
        .arg("time", t.format("%H:%M").to_string())
        .arg("offset", t.format("%:z").to_string())
}

/// [`instant`] in the processor's timezone `tz`, with the offset in force
/// there at that instant.
pub fn instant_in(t: DateTime<FixedOffset>, tz: Tz) -> Msg {
    instant(t.with_timezone(&tz).fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_is_said_in_words_in_each_language() {
        let t = DateTime::parse_from_rfc3339("2021-03-01T11:05:00+01:00").unwrap();
        let fr = Catalog::of(Lang::Fr);
        let en = Catalog::of(Lang::En);
        assert_eq!(fr.msg(&instant(t)), "1er mars 2021 à 11:05 (UTC+01:00)");
        assert_eq!(en.msg(&instant(t)), "1 March 2021, 11:05 (UTC+01:00)");
        let d = NaiveDate::from_ymd_opt(2021, 12, 24).unwrap();
        assert_eq!(fr.msg(&day(d)), "24 décembre 2021");
        // The same words as the documents'.
        assert_eq!(
            fr.msg(&instant(t)),
            crate::render::words::long_datetime(&fr, t)
        );
    }

    #[test]
    fn a_refusal_says_its_hint_on_its_own_line() {
        let r = Refusal::new(Msg::new("cli-error").arg("message", "x"))
            .hint(Msg::new("err-changed-meanwhile-hint"));
        assert_eq!(r.to_string(), "error: x\n  hint: run the command again");
        assert_eq!(
            r.message(&Catalog::of(Lang::Fr)),
            "erreur\u{202f}: x\n  conseil\u{202f}: relancez la commande"
        );
    }
}
