//! A personal-data breach (`breaches/<id>.yaml`): the facts the DPO fills
//! in, what is deferred and why, and the timeline the tool appends.
//!
//! The keys are those of issue 3 and the Annex 1 §II.8 items they carry;
//! tools and tests rely on them. The DPO writes the facts; the tool only
//! appends `notifications:`, `calls:` and `closed:` (and `deferred:` through
//! `dpo breach defer`), so a hand edit of those sections is visible against
//! the SHA-256 kept in the journal.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize};

use super::{AttachedFile, Count, Id};

/// One personal-data breach (GDPR Art. 4(12)) as recorded by the processor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// Identifier, also the file name, e.g. `2021-001`.
    pub id: Id,
    /// A short title, e.g. "Rançongiciel sur le serveur de fichiers".
    pub title: String,
    /// The controllers whose data is concerned (ids of `controllers/`).
    #[serde(default, deserialize_with = "null_default")]
    pub controllers: Vec<Id>,
    /// When the breach happened, if known (null: unknown).
    #[serde(default, deserialize_with = "super::instant::optional")]
    pub occurred_at: Option<DateTime<FixedOffset>>,
    /// When someone noticed it.
    #[serde(default, deserialize_with = "super::instant::optional")]
    pub discovered_at: Option<DateTime<FixedOffset>>,
    /// When the processor became aware of it: T0 of its 72 hours.
    #[serde(deserialize_with = "super::instant::required")]
    pub aware_at: DateTime<FixedOffset>,
    /// Who discovered it.
    #[serde(default)]
    pub discovered_by: Option<String>,
    // A missing `Option` reads as `None`: no `default` needed below.
    /// How it was discovered (an alert, a user's report, an audit…).
    pub discovery: Option<String>,
    /// True when the breach is established, false while it is only
    /// suspected; null: not said yet.
    pub established: Option<bool>,
    /// When the breach ended, once it has.
    #[serde(default, deserialize_with = "super::instant::optional")]
    pub ended_at: Option<DateTime<FixedOffset>>,
    /// True while the breach is still going on.
    pub ongoing: Option<bool>,
    /// Where it came from: internal or external, malicious or accidental.
    pub origin: Option<Origin>,
    /// What caused it (a phishing e-mail, a lost laptop, a wrong recipient…).
    pub cause: Option<String>,
    /// The sub-processors involved (ids of `subprocessors.yaml`); `[]`:
    /// none; null: not known yet.
    pub subprocessors: Option<Vec<Id>>,
    /// The media concerned (servers, workstations, paper, removable media…).
    #[serde(default, deserialize_with = "null_default")]
    pub media: Vec<String>,
    /// Whether the data concerned were encrypted (and the key kept safe).
    pub encrypted: Option<bool>,
    /// Whether the people concerned can be identified directly from the data.
    pub directly_identifiable: Option<bool>,
    /// Categories of processing or systems affected.
    #[serde(default, deserialize_with = "null_default")]
    pub systems: Vec<String>,
    /// The nature of the breach, with the people and records concerned.
    #[serde(default, deserialize_with = "null_default")]
    pub nature: Nature,
    /// The likely consequences of the breach.
    #[serde(default)]
    pub consequences: Option<String>,
    /// Measures taken to address the breach.
    #[serde(default)]
    pub measures_taken: Option<String>,
    /// Measures proposed, including those to mitigate its possible adverse effects.
    #[serde(default)]
    pub measures_proposed: Option<String>,
    /// Whom the controller may ask for more information (default: the
    /// processor's DPO).
    #[serde(default)]
    pub contact: Option<String>,
    /// Fields that cannot be given yet, with the reason: field -> reason
    /// (Annex 1: information given "de manière échelonnée").
    #[serde(default, deserialize_with = "null_default")]
    pub deferred: BTreeMap<String, String>,
    /// E-mails sent to the controllers (appended by the tool).
    #[serde(
        default,
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub notifications: Vec<Notification>,
    /// Phone calls to the controllers' breach contacts (appended by the tool).
    #[serde(
        default,
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub calls: Vec<Call>,
    /// The closing of the breach file (written by the tool).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure>,
}

/// The nature of the breach (Annex 1 §II.8, first item).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Nature {
    /// What happened.
    pub description: Option<String>,
    /// Confidentiality was breached (unauthorised disclosure or access).
    #[serde(deserialize_with = "null_default")]
    pub confidentiality: bool,
    /// Integrity was breached (unauthorised alteration).
    #[serde(deserialize_with = "null_default")]
    pub integrity: bool,
    /// Availability was breached (loss of access or destruction).
    #[serde(deserialize_with = "null_default")]
    pub availability: bool,
    /// Categories of people concerned.
    #[serde(deserialize_with = "null_default")]
    pub subject_categories: Vec<String>,
    /// Approximate number of people concerned: `1200`, `{about: 1200}`
    /// or `{from: 1000, to: 5000}`.
    pub subjects_count: Option<Count>,
    /// Categories of personal-data records concerned.
    #[serde(deserialize_with = "null_default")]
    pub record_categories: Vec<String>,
    /// Approximate number of records concerned, written as `subjects_count`.
    pub records_count: Option<Count>,
}

/// One e-mail sent to a controller's breach contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    /// 1 for the notification, 2 and up for each supplement.
    pub phase: u32,
    /// The controller notified.
    pub controller: Id,
    /// When the server accepted the message.
    #[serde(deserialize_with = "super::instant::required")]
    pub sent_at: DateTime<FixedOffset>,
    /// The envelope recipients.
    pub recipients: Vec<String>,
    /// The Message-ID header of the message.
    pub message_id: String,
    /// The exact message sent, relative to the workspace (`evidence/…eml`).
    pub eml: String,
    /// SHA-256 of the `.eml` file, hex.
    pub sha256: String,
    /// The SMTP server's reply to the message.
    pub server_reply: String,
    /// Why the notification was sent after the deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_reason: Option<String>,
    /// The 72-hour deadline it was sent against (`aware_at` + 72 h as it
    /// stood then): whether it was on time rests on this, and `dpo check`
    /// reports an `aware_at` changed since. None in files written before.
    #[serde(
        default,
        deserialize_with = "super::instant::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The fields given in this message.
    #[serde(default, deserialize_with = "null_default")]
    pub fields: Vec<String>,
    /// The fields still deferred when it was sent.
    #[serde(default, deserialize_with = "null_default")]
    pub deferred: Vec<String>,
    /// The value of each field given, as sent (language-neutral): what
    /// tells a field changed since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// The supporting documents attached (`--attach`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachedFile>,
    /// Where the investigation stands on the items still deferred (a
    /// supplement sent with `--progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
}

/// Where a breach came from (the categories of the CNIL's notification form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// An insider acting on purpose.
    InternalMalicious,
    /// An insider's mistake.
    InternalAccidental,
    /// An outsider acting on purpose (an attack).
    ExternalMalicious,
    /// An outsider's mistake or an accident.
    ExternalAccidental,
    /// Not known.
    Unknown,
}

impl Origin {
    /// The YAML value, e.g. `external-malicious`.
    pub fn key(self) -> &'static str {
        match self {
            Origin::InternalMalicious => "internal-malicious",
            Origin::InternalAccidental => "internal-accidental",
            Origin::ExternalMalicious => "external-malicious",
            Origin::ExternalAccidental => "external-accidental",
            Origin::Unknown => "unknown",
        }
    }
}

/// One phone call to a controller's designated contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// When the call took place.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// The controller called.
    pub controller: Id,
    /// Whom the caller spoke to.
    pub to: String,
    /// The number called.
    pub number: String,
    /// Who called.
    pub by: String,
    /// What was said or agreed.
    pub outcome: String,
}

/// The closing of a breach file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// When it was closed.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who closed it.
    pub by: String,
    /// The closing summary.
    pub summary: String,
    /// The items still deferred when it was closed (`--with-deferred`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferred: Vec<String>,
    /// Why it was closed with items still deferred (`--reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferred_reason: Option<String>,
}

/// Reads `null` (a key written with no value) as the type's default, so that
/// `systems:` left empty in the file means "none" rather than an error.
fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

impl Breach {
    /// True once the breach file is closed.
    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// The notifications sent to one controller, in order.
    pub fn notifications_to<'a>(
        &'a self,
        controller: &'a Id,
    ) -> impl Iterator<Item = &'a Notification> + 'a {
        self.notifications
            .iter()
            .filter(move |n| &n.controller == controller)
    }

    /// The phone calls to one controller that count, in order: a call
    /// dated before the processor was aware of the breach cannot have
    /// notified it (`dpo breach call` refuses one, `dpo check` flags one
    /// written by hand).
    pub fn calls_to<'a>(&'a self, controller: &'a Id) -> impl Iterator<Item = &'a Call> + 'a {
        self.calls
            .iter()
            .filter(move |c| &c.controller == controller && c.at >= self.aware_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
id: 2021-001
title: Rançongiciel sur le serveur de fichiers
controllers: [juvisy-sur-orge]
occurred_at: 2021-03-25T22:40:00+01:00
discovered_at: 2021-03-26T08:15:00+01:00
aware_at: 2021-03-26T10:00:00+01:00
discovered_by: technicien d'astreinte
systems: [serveurs de fichiers]
nature:
  description: chiffrement des partages
  confidentiality: true
  integrity: false
  availability: true
  subject_categories: [agents]
  subjects_count: 1200
  record_categories: [dossiers RH]
  records_count: 45000
consequences:
measures_taken: isolement du serveur
measures_proposed: restauration
contact:
deferred:
  consequences: analyse en cours
"#;

    #[test]
    fn a_call_before_the_breach_was_known_does_not_count() {
        let mut b: Breach = serde_yaml::from_str(SAMPLE).unwrap();
        let c = Id::new("juvisy-sur-orge").unwrap();
        let call = |at: &str| -> Call {
            serde_yaml::from_str(&format!(
                "controller: juvisy-sur-orge\nat: {at}\nto: M. X\nby: dpo\nnumber: '01 00 00 00 00'\noutcome: confirmé\n"
            ))
            .unwrap()
        };
        b.calls = vec![call("2020-01-01T10:00:00+01:00")];
        assert_eq!(b.calls_to(&c).count(), 0);
        // The same instant as aware_at, written with another offset, counts.
        b.calls.push(call("2021-03-26T09:00:00Z"));
        assert_eq!(b.calls_to(&c).count(), 1);
    }

    #[test]
    fn the_record_of_the_issue_reads_with_its_exact_keys() {
        let b: Breach = serde_yaml::from_str(SAMPLE).unwrap();
        assert_eq!(b.id.as_str(), "2021-001");
        assert_eq!(b.nature.subjects_count, Some(Count::Exact(1200)));
        assert_eq!(
            b.deferred.get("consequences").map(String::as_str),
            Some("analyse en cours")
        );
        assert!(b.notifications.is_empty());
    }

    #[test]
    fn a_misspelt_key_is_refused() {
        let bad = SAMPLE.replace("measures_taken", "measure_taken");
        let e = serde_yaml::from_str::<Breach>(&bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `measure_taken`"), "{e}");
    }
}
