//! Documented instructions of a controller (Annex 1 §II.1–2, §III.3):
//! `instructions/<id>.yaml`, with the processor's objection when an
//! instruction would infringe data-protection law, and any transfer to a
//! third country that a law requires, notified before it happens.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Id, MailRecord};

/// One documented instruction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instruction {
    /// Identifier, `YYYY-NNN`; the file name.
    pub id: Id,
    /// The controller that gave it.
    pub controller: Id,
    /// Who gave it (name and role).
    pub from: String,
    /// When it was given.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// What is instructed.
    pub summary: String,
    /// The document that carries it (mail, order, ticket…).
    #[serde(default)]
    pub reference: Option<String>,
    /// When it was logged.
    #[serde(deserialize_with = "super::instant::required")]
    pub logged_at: DateTime<FixedOffset>,
    /// A transfer to a third country required by law (Art. 28(3)(a)).
    #[serde(default)]
    pub transfer: Option<LegalTransfer>,
    /// The processor's objection (Art. 28(3) last subparagraph).
    #[serde(default)]
    pub objection: Option<Objection>,
}

/// A transfer to a third country or international organisation that Union
/// or Member State law requires of the processor: the controller must be
/// told before it happens, unless that law forbids telling it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalTransfer {
    /// The third country or international organisation.
    pub country: String,
    /// The law that requires it.
    pub legal_basis: String,
    /// The e-mail that told the controller; absent until sent.
    #[serde(default)]
    pub notice: Option<MailRecord>,
}

/// The processor's notice that an instruction would infringe data-protection law.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// Why the instruction would infringe the GDPR or other data-protection law.
    pub reason: String,
    /// When the objection was recorded.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// The e-mail that told the controller; absent until sent.
    #[serde(default)]
    pub notice: Option<MailRecord>,
}
