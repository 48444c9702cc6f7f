//! A number of people or records that may be known only approximately
//! (GDPR Art. 33(3)(a): "the approximate number"): exact (`1200`), about
//! (`{about: 1200}`) or within a range (`{from: 1000, to: 5000}`). A plain
//! number stays what it always was, so older breach files load unchanged.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::render::catalog::Msg;

/// A count, exact or approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Count {
    /// Exactly this many: `1200`.
    Exact(u64),
    /// About this many: `{about: 1200}`.
    About {
        /// The estimate.
        about: u64,
    },
    /// Between two bounds, both included: `{from: 1000, to: 5000}`.
    Range {
        /// The lower bound, at least 1.
        from: u64,
        /// The upper bound, above `from`.
        to: u64,
    },
}

impl fmt::Display for Count {
    /// The language-neutral form kept in the record of what was sent:
    /// `1200`, `~1200`, `1000-5000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Exact(n) => write!(f, "{n}"),
            Count::About { about } => write!(f, "~{about}"),
            Count::Range { from, to } => write!(f, "{from}-{to}"),
        }
    }
}

struct CountVisitor;

/// The English text of `m`, remembered so that serde_yaml's error is said
/// in the run's language ([`Msg::recall`]).
fn said(m: Msg) -> String {
    m.remembered()
}

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&said(Msg::new("errors-count-shapes")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        Ok(Count::Exact(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        u64::try_from(v).map(Count::Exact).map_err(|_| {
            E::custom(said(
                Msg::new("errors-count-negative").arg("value", v.to_string()),
            ))
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Count, A::Error> {
        let (mut about, mut from, mut to) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "about" => &mut about,
                "from" => &mut from,
                "to" => &mut to,
                other => return Err(de::Error::unknown_field(other, &["about", "from", "to"])),
            };
            if slot.is_some() {
                return Err(de::Error::custom(said(
                    Msg::new("errors-count-twice").arg("key", key.as_str()),
                )));
            }
            *slot = Some(map.next_value::<u64>()?);
        }
        match (about, from, to) {
            (Some(0), None, None) => {
                Err(de::Error::custom(said(Msg::new("errors-count-about-zero"))))
            }
            (Some(about), None, None) => Ok(Count::About { about }),
            (None, Some(0), Some(_)) => {
                Err(de::Error::custom(said(Msg::new("errors-count-from-zero"))))
            }
            (None, Some(from), Some(to)) if from < to => Ok(Count::Range { from, to }),
            (None, Some(from), Some(to)) if from == to => Err(de::Error::custom(said(
                Msg::new("errors-count-same-bounds").arg("from", from.to_string()),
            ))),
            (None, Some(from), Some(to)) => Err(de::Error::custom(said(
                Msg::new("errors-count-upside-down")
                    .arg("from", from.to_string())
                    .arg("to", to.to_string()),
            ))),
            _ => Err(de::Error::custom(said(Msg::new("errors-count-shapes")))),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Result<Count, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn a_plain_number_an_estimate_and_a_range_read_and_write_back() {
        for (yaml, c) in [
            ("1200", Count::Exact(1200)),
            ("{about: 1200}", Count::About { about: 1200 }),
            (
                "{from: 1000, to: 5000}",
                Count::Range {
                    from: 1000,
                    to: 5000,
                },
            ),
        ] {
            assert_eq!(read(yaml), Ok(c));
            let back = serde_yaml::to_string(&c).unwrap();
            assert_eq!(read(&back), Ok(c), "{back}");
        }
    }

    #[test]
    fn a_bad_count_says_what_is_expected() {
        assert!(read("-3").unwrap_err().contains("negative"));
        assert!(read("{from: 5000, to: 1000}")
            .unwrap_err()
            .contains("upside down"));
        assert!(read("{from: 1000}").unwrap_err().contains("{about: 1200}"));
        assert!(read("{abuot: 1}")
            .unwrap_err()
            .contains("unknown field `abuot`"));
        assert!(read("environ 1200").unwrap_err().contains("{about: 1200}"));
        assert!(read("{from: 0, to: 0}")
            .unwrap_err()
            .contains("starts at 1 at least"));
        assert!(read("{from: 0, to: 10}")
            .unwrap_err()
            .contains("starts at 1 at least"));
        assert!(read("{from: 7, to: 7}")
            .unwrap_err()
            .contains("two different bounds"));
        assert!(read("{about: 0}").unwrap_err().contains("no estimate"));
        assert_eq!(read("0"), Ok(Count::Exact(0)));
        assert_eq!(Count::Range { from: 1, to: 2 }.to_string(), "1-2");
    }
}
