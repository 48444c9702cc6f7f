//! What the others did since this clone's last look: `dpo status` lists the
//! journal entries not reachable (through their parents) from the heads it
//! recorded last time in `.dpo.seen` — local to the clone, never committed —
//! made by another actor than the one running it, then records the heads it
//! has shown. After a `git pull`, that is what the teammates did meanwhile:
//! breaches opened and notified, calls and requests logged, notes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::workspace::{if_exists, read_text, write_atomic, JournalEntry, WorkspaceError};

/// The file, in the workspace, of the heads seen at the last look.
pub const SEEN_FILE: &str = ".dpo.seen";

/// The journal actions never listed: the joining of two branches (the
/// entries joined are listed themselves) and the intent of a sending (its
/// outcome follows it).
const NOT_LISTED: [&str; 1] = ["journal.merge"];

/// What `.dpo.seen` keeps: when the last look was, and the journal's heads
/// then (SHA-256 of their lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// The instant of the last look (RFC 3339, UTC).
    pub at: String,
    /// The heads of the journal then.
    pub heads: Vec<String>,
}

/// The entries since the last look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinceLastLook {
    /// The instant of the last look; `None` on the first one (nothing is
    /// listed then).
    pub since: Option<DateTime<Utc>>,
    /// The entries made since by others, by time (then journal order).
    pub entries: Vec<JournalEntry>,
    /// Whether the last look was on another state of the journal: a head
    /// seen then is not in it (a `git reset`, a switch of branch). Nothing
    /// is listed then: every entry would look new.
    pub elsewhere: bool,
}

/// What `.dpo.seen` of the workspace at `root` holds; `None` when there is
/// none, or it cannot be read as such (a file of this clone only: the next
/// look writes it again).
pub fn read(root: &Path) -> Result<Option<Seen>, WorkspaceError> {
    let text = if_exists(read_text(&root.join(SEEN_FILE)))?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// The entries of `hashed` (the journal, each entry with the SHA-256 of its
/// line) that `seen` did not reach, made by another actor than `me` (every
/// actor when `me` is unknown).
pub fn since(
    hashed: &[(String, JournalEntry)],
    seen: Option<&Seen>,
    me: Option<&str>,
) -> SinceLastLook {
    let Some(seen) = seen else {
        return SinceLastLook {
            since: None,
            entries: Vec::new(),
            elsewhere: false,
        };
    };
    let parents: BTreeMap<&str, Vec<&str>> = hashed
        .iter()
        .map(|(sha, e)| (sha.as_str(), e.parents()))
        .collect();
    let since = DateTime::parse_from_rfc3339(&seen.at)
        .ok()
        .map(|t| t.to_utc());
    if seen.heads.iter().any(|h| !parents.contains_key(h.as_str())) {
        return SinceLastLook {
            since,
            entries: Vec::new(),
            elsewhere: true,
        };
    }
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&str> = seen.heads.iter().map(String::as_str).collect();
    while let Some(sha) = todo.pop() {
        if let Some(ps) = parents.get(sha) {
            if reached.insert(sha) {
                todo.extend(ps.iter().copied());
            }
        }
    }
    let mut entries: Vec<JournalEntry> = hashed
        .iter()
        .filter(|(sha, e)| {
            !reached.contains(sha.as_str())
                && me != Some(e.actor.as_str())
                && !NOT_LISTED.contains(&e.action.as_str())
                && !e.action.ends_with(crate::mail::outbox::INTENT)
        })
        .map(|(_, e)| e.clone())
        .collect();
    // By time: the branches merged hold them in file order, one clone's
    // after the other's. An instant that does not read keeps its place
    // at the start (the journal's verify reports it).
    entries.sort_by_key(|e| DateTime::parse_from_rfc3339(&e.at).ok().map(|t| t.to_utc()));
    SinceLastLook {
        since,
        entries,
        elsewhere: false,
    }
}

/// Records in `.dpo.seen` of the workspace at `root` the heads of `hashed`
/// (the entries no later entry names as a parent), looked at `now`.
pub fn record(
    root: &Path,
    hashed: &[(String, JournalEntry)],
    now: DateTime<Utc>,
) -> Result<(), WorkspaceError> {
    let named: BTreeSet<&str> = hashed.iter().flat_map(|(_, e)| e.parents()).collect();
    let seen = Seen {
        at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        heads: hashed
            .iter()
            .map(|(sha, _)| sha)
            .filter(|sha| !named.contains(sha.as_str()))
            .cloned()
            .collect(),
    };
    let text = serde_json::to_string(&seen).unwrap_or_default();
    write_atomic(&root.join(SEEN_FILE), format!("{text}\n").as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(actor: &str, action: &str, prev: &str, merged: &[&str]) -> JournalEntry {
        crate::team::test_entry(actor, action, "2026-al-001", prev, merged)
    }

    /// A last look on 4 January 2026 at 08:00 UTC, at the heads `heads`.
    fn seen_at(heads: &[&str]) -> Seen {
        Seen {
            at: "2026-01-04T08:00:00Z".into(),
            heads: heads.iter().map(|h| h.to_string()).collect(),
        }
    }

    #[test]
    fn only_what_others_did_since_the_heads_seen_is_listed() {
        // g ← a (mine) ← b (Ana, seen) ; a ← c (Bob, a branch) ; merge(b, c) ← d (Ana)
        let hashed: Vec<(String, JournalEntry)> = vec![
            ("g".into(), entry("Léa", "workspace.init", "0", &[])),
            ("a".into(), entry("Léa", "breach.open", "g", &[])),
            ("b".into(), entry("Ana", "request.log", "a", &[])),
            ("c".into(), entry("Bob", "breach.notify.intent", "a", &[])),
            ("c2".into(), entry("Bob", "breach.notify", "c", &[])),
            ("m".into(), entry("Ana", "journal.merge", "b", &["c2"])),
            ("d".into(), entry("Ana", "journal.note", "m", &[])),
            ("e".into(), entry("Léa", "breach.call", "d", &[])),
        ];
        assert_eq!(since(&hashed, None, Some("Léa")).entries, Vec::new());
        let seen = seen_at(&["b"]);
        let got = since(&hashed, Some(&seen), Some("Léa"));
        let actions: Vec<&str> = got.entries.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["breach.notify", "journal.note"]);
        assert_eq!(
            got.since.map(|t| t.to_rfc3339()),
            Some("2026-01-04T08:00:00+00:00".into())
        );
        // Unknown actor: everyone's, mine included.
        let all = since(&hashed, Some(&seen), None);
        assert_eq!(all.entries.len(), 3);
        // A head seen that the journal does not hold: the last look was on
        // another state of the journal, nothing is listed.
        let lost = Seen {
            at: seen.at.clone(),
            heads: vec!["zz".into()],
        };
        let other = since(&hashed, Some(&lost), Some("Léa"));
        assert!(other.elsewhere && other.entries.is_empty());
    }

    #[test]
    fn what_others_did_is_listed_by_time() {
        let at = |mut e: JournalEntry, t: &str| {
            e.at = t.into();
            e
        };
        let hashed: Vec<(String, JournalEntry)> = vec![
            ("g".into(), entry("Léa", "workspace.init", "0", &[])),
            (
                "a".into(),
                at(
                    entry("Ana", "journal.note", "g", &[]),
                    "2026-01-05T11:20:00Z",
                ),
            ),
            (
                "b".into(),
                at(
                    entry("Bob", "breach.open", "g", &[]),
                    "2026-01-05T10:02:00+01:00",
                ),
            ),
        ];
        let got = since(&hashed, Some(&seen_at(&["g"])), Some("Léa"));
        let who: Vec<&str> = got.entries.iter().map(|e| e.actor.as_str()).collect();
        assert_eq!(who, ["Bob", "Ana"]);
    }

    #[test]
    fn the_heads_recorded_are_the_entries_no_later_one_names() {
        let dir = tempfile::tempdir().expect("temp dir");
        let hashed: Vec<(String, JournalEntry)> = vec![
            ("g".into(), entry("Léa", "workspace.init", "0", &[])),
            ("a".into(), entry("Léa", "breach.open", "g", &[])),
            ("b".into(), entry("Ana", "request.log", "g", &[])),
        ];
        let now = DateTime::parse_from_rfc3339("2026-01-05T10:00:00Z")
            .expect("instant")
            .to_utc();
        assert_eq!(read(dir.path()).expect("read"), None);
        record(dir.path(), &hashed, now).expect("write");
        let seen = read(dir.path()).expect("read").expect("seen");
        assert_eq!(seen.heads, ["a", "b"]);
        assert_eq!(seen.at, "2026-01-05T10:00:00Z");
        assert!(since(&hashed, Some(&seen), None).entries.is_empty());
        std::fs::write(dir.path().join(SEEN_FILE), "not json").expect("write");
        assert_eq!(read(dir.path()).expect("read"), None);
    }
}
