//! Data-subject requests received by the processor (Annex 1 §II.7):
//! `requests/<id>.yaml`, and the record of an e-mail the tool sent, shared
//! by requests, instructions and sub-processor notices.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::Id;

/// The rights of the data subject a request may invoke (GDPR Art. 15–22).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Right {
    /// Art. 15.
    Access,
    /// Art. 16.
    Rectification,
    /// Art. 17.
    Erasure,
    /// Art. 21.
    Objection,
    /// Art. 18.
    Restriction,
    /// Art. 20.
    Portability,
    /// Art. 22: not to be subject to a decision based solely on automated processing.
    AutomatedDecision,
}

impl Right {
    /// Every right, in the order of Annex 1 §II.7.
    pub const ALL: [Right; 7] = [
        Right::Access,
        Right::Rectification,
        Right::Erasure,
        Right::Objection,
        Right::Restriction,
        Right::Portability,
        Right::AutomatedDecision,
    ];

    /// The word used on the command line and in the file.
    pub fn key(self) -> &'static str {
        match self {
            Right::Access => "access",
            Right::Rectification => "rectification",
            Right::Erasure => "erasure",
            Right::Objection => "objection",
            Right::Restriction => "restriction",
            Right::Portability => "portability",
            Right::AutomatedDecision => "automated-decision",
        }
    }

    /// The right whose word is `key`.
    pub fn from_key(key: &str) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The GDPR article.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "15",
            Right::Rectification => "16",
            Right::Erasure => "17",
            Right::Objection => "21",
            Right::Restriction => "18",
            Right::Portability => "20",
            Right::AutomatedDecision => "22",
        }
    }
}

/// One data-subject request and its forwarding to the controller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Identifier, `YYYY-NNN`; the file name.
    pub id: Id,
    /// The controller the request concerns.
    pub controller: Id,
    /// The right invoked.
    pub right: Right,
    /// When the processor received it (the one-month deadline runs from it).
    #[serde(deserialize_with = "super::instant::required")]
    pub received_at: DateTime<FixedOffset>,
    /// What is asked, without more personal data than needed.
    pub summary: String,
    /// How it arrived (e-mail, letter, at the counter…).
    #[serde(default)]
    pub channel: Option<String>,
    /// When it was logged.
    #[serde(deserialize_with = "super::instant::required")]
    pub logged_at: DateTime<FixedOffset>,
    /// The e-mail that forwarded it to the controller; absent until forwarded.
    #[serde(default)]
    pub forwarded: Option<MailRecord>,
}

/// An e-mail the tool sent: what a proof of sending needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MailRecord {
    /// When it was sent.
    #[serde(deserialize_with = "super::instant::required")]
    pub sent_at: DateTime<FixedOffset>,
    /// Envelope recipients.
    pub recipients: Vec<String>,
    /// Its Message-ID.
    pub message_id: String,
    /// The exact message, relative to the workspace (`evidence/…eml`).
    pub eml: String,
    /// SHA-256 of the `.eml`.
    pub sha256: String,
    /// The SMTP server's reply.
    pub server_reply: String,
    /// The supporting documents attached by the sender (`--attach`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<super::AttachedFile>,
}
