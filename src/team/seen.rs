//! What the others did since this clone's last look: `dpo status` lists the
//! journal entries not reachable from the heads it recorded last time in
//! `.dpo.seen` (local to the clone, never committed).

/// The file, in the workspace, of the heads seen at the last look.
pub const SEEN_FILE: &str = ".dpo.seen";
