//! People authorised to process the data (Annex 1 §II.3–4): `people.yaml`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assumption::confirmable;
use super::Id;

/// The file `people.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Data-protection training older than this many months is flagged;
    /// absent: no interval is set (documents show « à compléter »).
    #[serde(default)]
    pub training_interval_months: Option<u32>,
    /// Every authorised person.
    #[serde(default)]
    pub people: Vec<Person>,
}

confirmable! {
    /// A person authorised to process personal data on behalf of a controller.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Person {
        /// Identifier.
        pub id: Id,
        /// Name, when the role is held by a named person.
        #[serde(default)]
        pub name: Option<String>,
        /// Role, e.g. "coordinateur EPT de la démutualisation informatique".
        pub role: String,
        /// Team or organisation.
        #[serde(default)]
        pub organisation: Option<String>,
        /// Controllers whose data this person may process (empty: all).
        #[serde(default)]
        pub controllers: Vec<Id>,
        /// Date the confidentiality commitment was signed (or the legal duty noted).
        #[serde(default)]
        pub confidentiality_commitment: Option<NaiveDate>,
        /// Date of the last data-protection training or information.
        #[serde(default)]
        pub last_training: Option<NaiveDate>,
    }
    /// A field of an authorised person that may be an assumption.
    pub enum PersonField;
}

impl People {
    /// The last day the training of `p` counts: its date plus the interval
    /// (calendar months). `None` when `p` was never trained or no interval
    /// is set.
    pub fn training_due(&self, p: &Person) -> Option<NaiveDate> {
        p.last_training
            .zip(self.training_interval_months)
            .and_then(|(d, n)| crate::time::add_months(d, n))
    }
}
