//! Sub-processors ("sous-traitants ultérieurs", Annex 1 §II.6):
//! `subprocessors.yaml`, and the written notice of an addition or a change
//! to each controller concerned (`subprocessor-notices/<id>.yaml`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assumption::confirmable;
use super::{Contact, Id, MailRecord};

/// The file `subprocessors.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SubProcessors {
    /// Every sub-processor, for every controller.
    pub subprocessors: Vec<SubProcessor>,
}

confirmable! {
    /// Another processor engaged by the processor (GDPR Art. 28(2) and (4)).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct SubProcessor {
        /// Identifier.
        pub id: Id,
        /// Legal name.
        pub name: String,
        /// Postal address.
        #[serde(default)]
        pub address: Option<String>,
        /// Whom to reach.
        #[serde(default)]
        pub contact: Contact,
        /// Processing activities entrusted to it.
        #[serde(default)]
        pub activities: Vec<String>,
        /// Controllers concerned (ids of `controllers/`).
        #[serde(default)]
        pub controllers: Vec<Id>,
        /// The sub-processing contract.
        #[serde(default)]
        pub contract: Contract,
        /// Where the processing takes place.
        #[serde(default)]
        pub location: Option<String>,
        /// Guarantees offered (Art. 28(4)): GDPR clauses, certifications, audits.
        #[serde(default)]
        pub guarantees: Option<String>,
    }
    /// A field of a sub-processor that may be an assumption.
    pub enum SubProcessorField;
}

/// The contract with a sub-processor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Contract {
    /// Reference of the contract or membership.
    pub reference: Option<String>,
    /// First day in force.
    pub start: Option<NaiveDate>,
    /// Last day in force, if known.
    pub end: Option<NaiveDate>,
}

/// Added or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new sub-processor.
    Added,
    /// A sub-processor whose activities, identity, contact or contract changed.
    Changed,
}

/// A written notice to one controller about one sub-processor change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubProcessorNotice {
    /// Identifier, `YYYY-NNN`; the file name.
    pub id: Id,
    /// The sub-processor.
    pub subprocessor: Id,
    /// The controller informed.
    pub controller: Id,
    /// Added or changed.
    pub change: ChangeKind,
    /// The fields that changed (for a change).
    #[serde(default)]
    pub changed: Vec<String>,
    /// When the notice was made.
    #[serde(deserialize_with = "super::instant::required")]
    pub created_at: DateTime<FixedOffset>,
    /// The sub-processor as notified.
    pub details: SubProcessor,
    /// The PDF, relative to the workspace.
    pub pdf: String,
    /// Its SHA-256.
    pub pdf_sha256: String,
    /// The e-mail that sent it; absent until sent.
    #[serde(default)]
    pub sent: Option<MailRecord>,
}
