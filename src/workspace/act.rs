//! Who changes the workspace, and when: the instant and the actor that a
//! workflow writes in its records and its journal entries. The command line
//! builds it once (from the clock and `DPO_ACTOR`); the domain only reads it.

use chrono::{DateTime, Utc};

/// The instant and the actor of one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// Now.
    pub now: DateTime<Utc>,
    /// Who runs the command (for the records and the journal).
    pub actor: String,
}
