//! How the model reads its instants (`DateTime<FixedOffset>` fields) from a
//! file: through [`crate::time::parse_stored_time`], so that a time without
//! its UTC offset, a date alone or second 60 is refused with a message that
//! says which and gives an example, instead of chrono's "premature end of
//! input". Written back as before (RFC 3339, by chrono's serde).

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::de::{self, Deserializer, Visitor};

use crate::time::parse_stored_time;

struct Instant;

impl Visitor<'_> for Instant {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a time with its UTC offset, e.g. 2021-03-26T10:00:00+01:00")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        parse_stored_time(v).map_err(|e| E::custom(e.told().msg.remembered()))
    }
}

struct MaybeInstant;

impl<'de> Visitor<'de> for MaybeInstant {
    type Value = Option<DateTime<FixedOffset>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a time with its UTC offset, e.g. 2021-03-26T10:00:00+01:00, or nothing")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Instant).map(Some)
    }
}

/// Reads an instant (`#[serde(deserialize_with = "instant::required")]`).
pub(super) fn required<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    d.deserialize_str(Instant)
}

/// Reads an optional instant: null or absent is `None`
/// (`#[serde(default, deserialize_with = "instant::optional")]`).
pub(super) fn optional<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    d.deserialize_option(MaybeInstant)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[serde(deserialize_with = "required")]
        at: DateTime<FixedOffset>,
        #[serde(default, deserialize_with = "optional")]
        maybe: Option<DateTime<FixedOffset>>,
    }

    fn read(yaml: &str) -> Result<T, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn an_instant_with_its_offset_reads_as_before() {
        let t = read("at: 2021-03-26T10:00:00+01:00\nmaybe: 2021-03-26 11:00:00Z\n").unwrap();
        assert_eq!(t.at.to_rfc3339(), "2021-03-26T10:00:00+01:00");
        assert_eq!(t.maybe.unwrap().to_rfc3339(), "2021-03-26T11:00:00+00:00");
        assert!(read("at: '2021-03-26T10:00:00.5+01:00'\n").is_ok());
        assert!(read("at: 2021-03-26T10:00:00+01:00\nmaybe:\n")
            .unwrap()
            .maybe
            .is_none());
        assert!(read("at: 2021-03-26T10:00:00+01:00\nmaybe: null\n")
            .unwrap()
            .maybe
            .is_none());
        assert!(read("at: 2021-03-26T10:00:00+01:00\n")
            .unwrap()
            .maybe
            .is_none());
    }

    #[test]
    fn a_time_without_offset_says_so_with_the_field_and_an_example() {
        let e = read("at: 2021-03-26T10:00:00\n").unwrap_err();
        assert!(
            e.starts_with("at: `2021-03-26T10:00:00` has no UTC offset"),
            "{e}"
        );
        assert!(e.contains("`2021-03-26T10:00:00+01:00`"), "{e}");
        assert!(!e.contains("premature end of input"), "{e}");
        let e = read("at: 2021-03-26T10:00:00+01:00\nmaybe: 2021-03-26 10:00\n").unwrap_err();
        assert!(
            e.starts_with("maybe: `2021-03-26 10:00` has no UTC offset"),
            "{e}"
        );
        let e = read("at: 2021-03-26\n").unwrap_err();
        assert!(
            e.contains("is a date, and a time with its UTC offset is required"),
            "{e}"
        );
        let e = read("at: vendredi\n").unwrap_err();
        assert!(e.contains("`vendredi` is not a time"), "{e}");
        let e = read("at: [1]\n").unwrap_err();
        assert!(e.contains("a time with its UTC offset"), "{e}");
    }

    #[test]
    fn second_60_is_refused_at_any_minute() {
        for v in [
            "2021-03-26T10:17:60+01:00",
            "2016-12-31T23:59:60Z",
            "2021-03-26T10:17:60",
        ] {
            let e = read(&format!("at: {v}\n")).unwrap_err();
            assert!(e.contains("second 60 (a leap second)"), "{v}: {e}");
        }
    }
}
