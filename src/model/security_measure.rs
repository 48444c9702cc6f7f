//! Security measures (GDPR Art. 32, Annex 1 §II.9): `security-measures.yaml`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assumption::confirmable;
use super::Id;

/// The file `security-measures.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityMeasures {
    /// Every measure.
    pub measures: Vec<SecurityMeasure>,
}

confirmable! {
    /// A technical or organisational security measure.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct SecurityMeasure {
        /// Identifier.
        pub id: Id,
        /// Short title.
        pub title: String,
        /// General description (what the register shows, Art. 30(2)(d)).
        #[serde(default)]
        pub description: Option<String>,
        /// The clause it answers, e.g. "Annexe 1 §II.9".
        #[serde(default)]
        pub clause: Option<String>,
        /// Who is responsible for it.
        #[serde(default)]
        pub owner: Option<String>,
        /// Where the evidence of the measure is kept.
        #[serde(default)]
        pub evidence: Option<String>,
        /// When it was last tested (Art. 32(1)(d)).
        #[serde(default)]
        pub last_tested: Option<NaiveDate>,
        /// Test interval, in months.
        #[serde(default)]
        pub test_interval_months: Option<u32>,
    }
    /// A field of a security measure that may be an assumption.
    pub enum MeasureField;
}

impl SecurityMeasure {
    /// The last day of the current test period: the last test plus the
    /// interval (calendar months). `None` when never tested or no interval.
    pub fn test_due(&self) -> Option<NaiveDate> {
        match (self.last_tested, self.test_interval_months) {
            (Some(d), Some(n)) => crate::time::add_months(d, n),
            _ => None,
        }
    }
}
