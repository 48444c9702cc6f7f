//! The items a notification carries, and the check that each is either
//! filled or explicitly deferred with a reason.
//!
//! Two groups: the items Annex 1 §II.8 (GDPR Art. 33(3)) requires
//! ([`REQUIRED`]: a notification is refused while one is neither filled nor
//! deferred), and the circumstances the controller needs to fill in the
//! supervisory authority's own notification form ([`CIRCUMSTANCES`]:
//! established or suspected, start, end, discovery, origin, cause,
//! sub-processors, media, encryption, identifiability), which are sent
//! « à compléter » while unknown and never block a notification.
//!
//! **What may be deferred, and until when** (Art. 33(4): "the information
//! may be provided in phases without undue further delay"). Every item may
//! be deferred with a reason except the description of the nature of the
//! breach ([`Field::deferrable`]): a notification without it tells the
//! controller nothing, and the processor always knows at least what it saw.
//! A deferred item is due as soon as it is known, and at the latest by the
//! controller's own deadline towards the supervisory authority (the first
//! notification + 72 h): that is when the controller needs it for its own
//! notification under Art. 33(1), and any later is "undue further delay"
//! unless a supplement then says why it is still unknown. The notice states
//! this rule and that date.
//!
//! Field names are the YAML paths of [`crate::model::Breach`]
//! (`nature.subjects_count`); in `deferred:` the bare name
//! (`subjects_count`) is accepted too, as people write it. A deferral whose
//! field has since been filled is stale: [`settle`] removes it (every
//! notification does), `check` warns about it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use crate::model::{Breach, Count, Id};
use crate::render::templates::Strings;
use crate::render::words;

/// A field a notification carries (filled, deferred, or to complete).
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
    /// `established`: established or only suspected.
    Established,
    /// `occurred_at`: when it started.
    OccurredAt,
    /// `ended_at` (or `ongoing: true`).
    EndedAt,
    /// `discovered_at`.
    DiscoveredAt,
    /// `discovery`: how it was discovered.
    Discovery,
    /// `origin`.
    Origin,
    /// `cause`.
    Cause,
    /// `subprocessors`: the sub-processors involved, or none.
    Subprocessors,
    /// `media`.
    Media,
    /// `encrypted`.
    Encrypted,
    /// `directly_identifiable`.
    DirectlyIdentifiable,
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

/// The circumstances asked by the supervisory authority's notification form,
/// in its order; « à compléter » while unknown, never blocking.
pub const CIRCUMSTANCES: [Field; 11] = [
    Field::Established,
    Field::OccurredAt,
    Field::EndedAt,
    Field::DiscoveredAt,
    Field::Discovery,
    Field::Origin,
    Field::Cause,
    Field::Subprocessors,
    Field::Media,
    Field::Encrypted,
    Field::DirectlyIdentifiable,
];

/// Every field: the required ones, then the circumstances.
pub fn all() -> impl Iterator<Item = Field> {
    REQUIRED.into_iter().chain(CIRCUMSTANCES)
}

/// Text, trimmed, when not blank.
fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The non-blank items joined with ", ", when there is one.
fn list<S: AsRef<str>>(v: &[S]) -> Option<String> {
    let items: Vec<&str> = v
        .iter()
        .map(|s| s.as_ref().trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!items.is_empty()).then(|| items.join(", "))
}

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
            Field::Established => "established",
            Field::OccurredAt => "occurred_at",
            Field::EndedAt => "ended_at",
            Field::DiscoveredAt => "discovered_at",
            Field::Discovery => "discovery",
            Field::Origin => "origin",
            Field::Cause => "cause",
            Field::Subprocessors => "subprocessors",
            Field::Media => "media",
            Field::Encrypted => "encrypted",
            Field::DirectlyIdentifiable => "directly_identifiable",
        }
    }

    /// The field named `name` (its path, or its last segment).
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.trim();
        all().find(|f| f.key() == name || f.key().rsplit('.').next() == Some(name))
    }

    /// True for the items Annex 1 §II.8 requires.
    pub fn required(self) -> bool {
        REQUIRED.contains(&self)
    }

    /// False for the one item that may not be deferred: the description of
    /// the nature of the breach (see the module documentation).
    pub fn deferrable(self) -> bool {
        self != Field::Description
    }

    /// The key of its label in the catalog (`dpo.ftl`).
    pub fn label_key(self) -> String {
        format!("breach_field.{}", self.key())
    }

    /// The value as language-neutral text when it is filled; `None` when it
    /// is not. It is what a notification records as sent.
    pub fn value(self, b: &Breach) -> Option<String> {
        let yes_no = |v: Option<bool>| v.map(|y| if y { "yes" } else { "no" }.to_string());
        let instant = |t: Option<DateTime<FixedOffset>>| t.map(|t| t.to_rfc3339());
        let n = &b.nature;
        match self {
            Field::Description => text(&n.description),
            Field::SubjectCategories => list(&n.subject_categories),
            Field::SubjectsCount => n.subjects_count.map(|c| c.to_string()),
            Field::RecordCategories => list(&n.record_categories),
            Field::RecordsCount => n.records_count.map(|c| c.to_string()),
            Field::Consequences => text(&b.consequences),
            Field::MeasuresTaken => text(&b.measures_taken),
            Field::MeasuresProposed => text(&b.measures_proposed),
            Field::Established => b
                .established
                .map(|e| if e { "established" } else { "suspected" }.to_string()),
            Field::OccurredAt => instant(b.occurred_at),
            Field::EndedAt => instant(b.ended_at)
                .or_else(|| (b.ongoing == Some(true)).then(|| "ongoing".to_string())),
            Field::DiscoveredAt => instant(b.discovered_at),
            Field::Discovery => text(&b.discovery),
            Field::Origin => b.origin.map(|o| o.key().to_string()),
            Field::Cause => text(&b.cause),
            Field::Subprocessors => b.subprocessors.as_ref().map(|ids| {
                list(&ids.iter().map(Id::as_str).collect::<Vec<_>>())
                    .unwrap_or_else(|| "none".to_string())
            }),
            Field::Media => list(&b.media),
            Field::Encrypted => yes_no(b.encrypted),
            Field::DirectlyIdentifiable => yes_no(b.directly_identifiable),
        }
    }

    /// The value as a document shows it, in the language of `s`: counts
    /// worded ("environ 1 200"), instants in `tz`, yes and no, the origin's
    /// label, the sub-processors by name (`name_of`).
    pub fn shown(
        self,
        b: &Breach,
        s: &Strings,
        tz: Tz,
        name_of: &dyn Fn(&Id) -> String,
    ) -> Option<String> {
        let yes_no = |v: Option<bool>| v.map(|y| s.get(if y { "yes" } else { "no" }).to_string());
        let instant = |t: Option<DateTime<FixedOffset>>| t.map(|t| words::long_instant(s, t, tz));
        let count = |c: Option<Count>| c.map(|c| words::count(s, c));
        match self {
            Field::SubjectsCount => count(b.nature.subjects_count),
            Field::RecordsCount => count(b.nature.records_count),
            Field::Established => b.established.map(|e| {
                s.get(if e {
                    "breach_established"
                } else {
                    "breach_suspected"
                })
                .to_string()
            }),
            Field::OccurredAt => instant(b.occurred_at),
            Field::EndedAt => instant(b.ended_at)
                .or_else(|| (b.ongoing == Some(true)).then(|| s.get("breach_ongoing").to_string())),
            Field::DiscoveredAt => instant(b.discovered_at),
            Field::Origin => b
                .origin
                .map(|o| s.get(&format!("breach_origin.{}", o.key())).to_string()),
            Field::Subprocessors => b.subprocessors.as_ref().map(|ids| {
                let names: Vec<String> = ids.iter().map(name_of).collect();
                list(&names).unwrap_or_else(|| s.get("breach_no_subprocessor").to_string())
            }),
            Field::Encrypted => yes_no(b.encrypted),
            Field::DirectlyIdentifiable => yes_no(b.directly_identifiable),
            other => other.value(b),
        }
    }

    /// The reason it is deferred, when `deferred:` names it with a reason
    /// and it may be deferred.
    pub fn deferral(self, b: &Breach) -> Option<String> {
        if !self.deferrable() {
            return None;
        }
        b.deferred
            .iter()
            .find(|(k, _)| Field::parse(k) == Some(self))
            .map(|(_, reason)| reason.trim().to_string())
            .filter(|r| !r.is_empty())
    }
}

/// Where one field stands.
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
    /// Neither filled nor deferred: a required field blocks a notification;
    /// a circumstance is sent « à compléter ».
    Missing,
}

/// The state of every field of `b` (required, then circumstances), in order.
pub fn states(b: &Breach) -> Vec<(Field, FieldState)> {
    all()
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
        .filter(|(f, s)| f.required() && *s == FieldState::Missing)
        .map(|(f, _)| f)
        .collect()
}

/// Keys of `deferred:` that name no field (typos).
pub fn unknown_deferrals(b: &Breach) -> Vec<&str> {
    b.deferred
        .keys()
        .filter(|k| Field::parse(k).is_none())
        .map(String::as_str)
        .collect()
}

/// Keys of `deferred:` that name a field that may not be deferred.
pub fn forbidden_deferrals(b: &Breach) -> Vec<&str> {
    b.deferred
        .keys()
        .filter(|k| Field::parse(k).is_some_and(|f| !f.deferrable()))
        .map(String::as_str)
        .collect()
}

/// Keys of `deferred:` whose field has been filled since: stale entries.
pub fn stale_deferrals(b: &Breach) -> Vec<(&str, Field)> {
    b.deferred
        .keys()
        .filter_map(|k| Field::parse(k).map(|f| (k.as_str(), f)))
        .filter(|(_, f)| f.value(b).is_some())
        .collect()
}

/// Removes from `deferred:` every entry whose field is filled, and returns
/// those fields: once given, an item is no longer deferred. Every
/// notification settles its breach before recording it; a command that
/// fills a field calls this too.
pub fn settle(b: &mut Breach) -> Vec<Field> {
    let stale: Vec<(String, Field)> = stale_deferrals(b)
        .into_iter()
        .map(|(k, f)| (k.to_string(), f))
        .collect();
    for (k, _) in &stale {
        b.deferred.remove(k);
    }
    stale.into_iter().map(|(_, f)| f).collect()
}

/// The values of the filled fields among `given`, as a notification records
/// them.
pub fn sent_values(b: &Breach, given: &[Field]) -> BTreeMap<String, String> {
    given
        .iter()
        .filter_map(|f| f.value(b).map(|v| (f.key().to_string(), v)))
        .collect()
}

/// The filled fields whose value differs from the one last sent to
/// `controller` (as recorded in its notifications' `values`): what a
/// supplement should send again. A field sent by a notification that did
/// not record its values cannot be compared and is left out.
pub fn changed_since_sent(b: &Breach, controller: &Id) -> Vec<Field> {
    let mut last: BTreeMap<&str, &str> = BTreeMap::new();
    for n in b.notifications_to(controller) {
        for (k, v) in &n.values {
            last.insert(k.as_str(), v.as_str());
        }
    }
    all()
        .filter(|f| match (last.get(f.key()), f.value(b)) {
            (Some(sent), Some(now)) => *sent != now,
            _ => false,
        })
        .collect()
}

/// The fields changed since they were sent, to any of the breach's
/// controllers.
pub fn changed_since_sent_any(b: &Breach) -> Vec<Field> {
    let mut out: Vec<Field> = b
        .controllers
        .iter()
        .flat_map(|c| changed_since_sent(b, c))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breach(yaml: &str) -> Breach {
        let base = "id: t\ntitle: t\naware_at: 2021-03-26T10:00:00+01:00\n";
        serde_yaml::from_str(&format!("{base}{yaml}")).unwrap()
    }

    #[test]
    fn the_description_may_not_be_deferred_and_a_filled_field_settles_its_deferral() {
        let mut b = breach(
            "nature:\n  description: chiffrement\nmeasures_taken: isolement\ndeferred:\n  description: plus tard\n  measures_taken: en cours\n  consequences: analyse\n",
        );
        assert_eq!(forbidden_deferrals(&b), vec!["description"]);
        assert!(!Field::Description.deferrable());
        let stale: Vec<Field> = stale_deferrals(&b).into_iter().map(|(_, f)| f).collect();
        assert_eq!(stale, vec![Field::Description, Field::MeasuresTaken]);
        assert_eq!(
            settle(&mut b),
            vec![Field::Description, Field::MeasuresTaken]
        );
        assert_eq!(b.deferred.keys().collect::<Vec<_>>(), vec!["consequences"]);
        // A deferred, empty description counts as missing.
        let b = breach("deferred:\n  nature.description: plus tard\n");
        assert!(missing(&b).contains(&Field::Description));
    }

    #[test]
    fn a_field_changed_after_it_was_sent_is_found() {
        let mut b = breach(
            "controllers: [ville]\nmeasures_taken: isolement\nnature:\n  subjects_count: {about: 1200}\n",
        );
        let c = Id::new("ville").unwrap();
        assert!(changed_since_sent(&b, &c).is_empty());
        let n: crate::model::Notification = serde_yaml::from_str(
            "phase: 1\ncontroller: ville\nsent_at: 2021-03-26T11:00:00+01:00\nrecipients: []\nmessage_id: x\neml: x\nsha256: x\nserver_reply: x\n",
        )
        .unwrap();
        b.notifications.push(crate::model::Notification {
            values: sent_values(&b, &[Field::MeasuresTaken, Field::SubjectsCount]),
            ..n
        });
        assert!(changed_since_sent(&b, &c).is_empty());
        b.nature.subjects_count = Some(Count::Range {
            from: 1000,
            to: 5000,
        });
        assert_eq!(changed_since_sent(&b, &c), vec![Field::SubjectsCount]);
        assert_eq!(changed_since_sent_any(&b), vec![Field::SubjectsCount]);
    }

    #[test]
    fn the_circumstances_never_block_a_notification() {
        let b = breach("");
        assert_eq!(missing(&b).len(), 8);
        assert_eq!(states(&b).len(), 19);
        let b = breach(
            "ongoing: true\nsubprocessors: []\nencrypted: false\norigin: external-malicious\n",
        );
        assert_eq!(Field::EndedAt.value(&b).as_deref(), Some("ongoing"));
        assert_eq!(Field::Subprocessors.value(&b).as_deref(), Some("none"));
        assert_eq!(Field::Encrypted.value(&b).as_deref(), Some("no"));
        assert_eq!(
            Field::Origin.value(&b).as_deref(),
            Some("external-malicious")
        );
        assert_eq!(
            Field::parse("directly_identifiable"),
            Some(Field::DirectlyIdentifiable)
        );
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
