//! The items Annex 1 §II.8 requires in a notification, and the check that
//! each is either filled or explicitly deferred with a reason.
//!
//! Field names are the YAML paths of [`crate::model::Breach`]
//! (`nature.subjects_count`); in `deferred:` the bare name
//! (`subjects_count`) is accepted too, as people write it.

use serde::Serialize;

use crate::model::Breach;

/// A field a notification must carry (filled or deferred).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Field {
    /// `nature.description`.
    Description,
    /// `nature.subject_categories`.
    SubjectCategories,
    /// `nature.subjects_count`.
    SubjectsCount,
    /// `nature.record_categories`.
    RecordCategories,
    /// `nature.records_count`.
    RecordsCount,
    /// `consequences`.
    Consequences,
    /// `measures_taken`.
    MeasuresTaken,
    /// `measures_proposed`.
    MeasuresProposed,
}

impl From<Field> for &'static str {
    fn from(f: Field) -> Self {
        f.key()
    }
}

/// Every required field, in the order of Annex 1 §II.8.
pub const REQUIRED: [Field; 8] = [
    Field::Description,
    Field::SubjectCategories,
    Field::SubjectsCount,
    Field::RecordCategories,
    Field::RecordsCount,
    Field::Consequences,
    Field::MeasuresTaken,
    Field::MeasuresProposed,
];

impl Field {
    /// The YAML path, e.g. `nature.subjects_count`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Description => "nature.description",
            Field::SubjectCategories => "nature.subject_categories",
            Field::SubjectsCount => "nature.subjects_count",
            Field::RecordCategories => "nature.record_categories",
            Field::RecordsCount => "nature.records_count",
            Field::Consequences => "consequences",
            Field::MeasuresTaken => "measures_taken",
            Field::MeasuresProposed => "measures_proposed",
        }
    }

    /// The field named `name` (its path, or its last segment).
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.trim();
        REQUIRED
            .into_iter()
            .find(|f| f.key() == name || f.key().rsplit('.').next() == Some(name))
    }

    /// The key of its label in `strings.yaml`.
    pub fn label_key(self) -> String {
        format!("breach_field.{}", self.key())
    }

    /// The value as text when it is filled; `None` when it is not.
    pub fn value(self, b: &Breach) -> Option<String> {
        let text = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let list = |v: &Vec<String>| {
            let items: Vec<&str> = v
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            (!items.is_empty()).then(|| items.join(", "))
        };
        match self {
            Field::Description => text(&b.nature.description),
            Field::SubjectCategories => list(&b.nature.subject_categories),
            Field::SubjectsCount => b.nature.subjects_count.map(|n| n.to_string()),
            Field::RecordCategories => list(&b.nature.record_categories),
            Field::RecordsCount => b.nature.records_count.map(|n| n.to_string()),
            Field::Consequences => text(&b.consequences),
            Field::MeasuresTaken => text(&b.measures_taken),
            Field::MeasuresProposed => text(&b.measures_proposed),
        }
    }

    /// The reason it is deferred, when `deferred:` names it with a reason.
    pub fn deferral(self, b: &Breach) -> Option<String> {
        b.deferred
            .iter()
            .find(|(k, _)| Field::parse(k) == Some(self))
            .map(|(_, reason)| reason.trim().to_string())
            .filter(|r| !r.is_empty())
    }
}

/// Where one required field stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FieldState {
    /// Filled; the value as it will be sent.
    Filled {
        /// The value, lists joined with ", ".
        value: String,
    },
    /// Not filled, deferred with a reason.
    Deferred {
        /// Why it cannot be given yet.
        reason: String,
    },
    /// Neither filled nor deferred: a notification cannot be sent.
    Missing,
}

/// The state of every required field of `b`, in order.
pub fn states(b: &Breach) -> Vec<(Field, FieldState)> {
    REQUIRED
        .into_iter()
        .map(|f| {
            let st = match (f.value(b), f.deferral(b)) {
                (Some(value), _) => FieldState::Filled { value },
                (None, Some(reason)) => FieldState::Deferred { reason },
                (None, None) => FieldState::Missing,
            };
            (f, st)
        })
        .collect()
}

/// The required fields that are neither filled nor deferred with a reason.
pub fn missing(b: &Breach) -> Vec<Field> {
    states(b)
        .into_iter()
        .filter(|(_, s)| *s == FieldState::Missing)
        .map(|(f, _)| f)
        .collect()
}

/// Keys of `deferred:` that name no required field (typos).
pub fn unknown_deferrals(b: &Breach) -> Vec<&str> {
    b.deferred
        .keys()
        .filter(|k| Field::parse(k).is_none())
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breach(yaml: &str) -> Breach {
        let base = "id: t\ntitle: t\naware_at: 2021-03-26T10:00:00+01:00\n";
        serde_yaml::from_str(&format!("{base}{yaml}")).unwrap()
    }

    #[test]
    fn an_empty_breach_misses_all_eight_fields() {
        assert_eq!(missing(&breach("")), REQUIRED.to_vec());
    }

    #[test]
    fn a_field_deferred_with_a_reason_is_not_missing() {
        let b =
            breach("deferred:\n  consequences: analyse en cours\n  subjects_count: inventaire\n");
        let m = missing(&b);
        assert!(!m.contains(&Field::Consequences));
        assert!(!m.contains(&Field::SubjectsCount));
        assert!(m.contains(&Field::RecordsCount));
    }

    #[test]
    fn a_deferral_with_a_blank_reason_does_not_count() {
        let b = breach("deferred:\n  consequences: '  '\n");
        assert!(missing(&b).contains(&Field::Consequences));
    }

    #[test]
    fn blank_text_and_empty_lists_are_not_filled() {
        let b = breach(
            "nature:\n  description: '   '\n  subject_categories: ['']\n  subjects_count: 0\n",
        );
        let m = missing(&b);
        assert!(m.contains(&Field::Description));
        assert!(m.contains(&Field::SubjectCategories));
        assert!(!m.contains(&Field::SubjectsCount), "zero is a number");
    }

    #[test]
    fn deferral_keys_accept_the_path_or_the_bare_name() {
        assert_eq!(
            Field::parse("nature.records_count"),
            Some(Field::RecordsCount)
        );
        assert_eq!(Field::parse("records_count"), Some(Field::RecordsCount));
        assert_eq!(Field::parse("description"), Some(Field::Description));
        assert_eq!(Field::parse("consequence"), None);
        let b = breach("deferred:\n  consequence: typo\n");
        assert_eq!(unknown_deferrals(&b), vec!["consequence"]);
    }
}
