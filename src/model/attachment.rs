//! A supporting document sent with a message (Annex 1 §II.8: "toute
//! documentation utile"): its name as the recipient sees it and the
//! SHA-256 of its bytes, kept in the record of the sending. The bytes
//! themselves are inside the kept `.eml`.

use serde::{Deserialize, Serialize};

/// One document attached to a message by the person sending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachedFile {
    /// The file name in the message.
    pub name: String,
    /// SHA-256 of its content, hex.
    pub sha256: String,
}
