//! The git merge driver of `journal.jsonl` (`dpo journal merge %O %A %B
//! %P`): two clones that both journaled are merged without a conflict, and
//! without breaking the chain.
//!
//! The journal is append-only, so each side holds the common ancestor's
//! lines (`O`), followed by its own. The result is our lines (`A`), then their
//! lines not already ours, in their order: every line keeps its bytes, so
//! every hash that names it still does, and the file stays a topological
//! order of the entries (the journal is a DAG, see [`super::journal`]). The
//! two branches are left open; the next write joins them.
//!
//! What cannot merge is a record both sides wrote: an entry only ours and an
//! entry only theirs name the same file in `writes`. The journal still
//! merges (the result is written), but the merge reports the record
//! ([`Concurrent`]) so that git flags the merge as a conflict; the person
//! resolves the record file, commits, and adopts it (`dpo record adopt`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::journal::{lines_problem, split_lines, JournalEntry};
use super::WorkspaceError;
use crate::render::catalog::Msg;

/// One side of the merge: the file git names, and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The file (a temporary of git's).
    pub path: &'a Path,
    /// What it holds.
    pub bytes: &'a [u8],
}

/// What one side did to a record: who, and the action's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The entry's actor.
    pub actor: String,
    /// The entry's action, e.g. `breach.set`.
    pub action: String,
}

/// A record both sides wrote since the common ancestor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concurrent {
    /// The record file, relative to the workspace.
    pub file: String,
    /// The record, as the entries name it (their subject, e.g. the breach id).
    pub record: String,
    /// What our side did to it, in order.
    pub ours: Vec<Step>,
    /// What their side did to it, in order.
    pub theirs: Vec<Step>,
    /// Whether each side created it: no entry of the common ancestor
    /// writes the file. Then it is no concurrent edit but two different
    /// records under one id — a tag two clones use.
    pub created: bool,
}

/// The merged journal, and the records both sides wrote.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The journal to write in place of ours.
    pub bytes: Vec<u8>,
    /// The records both sides wrote (empty: a clean merge).
    pub concurrent: Vec<Concurrent>,
}

/// The lines of one side, each parsed.
fn parse(side: Side<'_>) -> Result<Vec<(&[u8], JournalEntry)>, WorkspaceError> {
    split_lines(side.bytes)
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_slice(line)
                .map(|e| (line, e))
                .map_err(|e| WorkspaceError::JournalBroken {
                    path: side.path.to_path_buf(),
                    line: i + 1,
                    message: Msg::new("errors-journal-not-entry").arg("detail", e.to_string()),
                })
        })
        .collect()
}

/// Refuses a side that lost a line of the common ancestor. Each side
/// normally starts with the ancestor's lines; after criss-cross merges git
/// gives as ancestor a merge of several, whose lines each side holds in
/// another topological order: every line kept is what counts (the result is
/// verified anyway).
fn keeps_base(
    side: Side<'_>,
    lines: &[(&[u8], JournalEntry)],
    base: &[(&[u8], JournalEntry)],
) -> Result<(), WorkspaceError> {
    let held: HashSet<&[u8]> = lines.iter().map(|(l, _)| *l).collect();
    match base.iter().position(|(b, _)| !held.contains(b)) {
        None => Ok(()),
        Some(i) => Err(WorkspaceError::Refused {
            path: side.path.to_path_buf(),
            reason: Box::new(Msg::new("gitjournal-rewritten").arg("line", (i + 1).to_string())),
            hint: Box::new(Msg::new("gitjournal-rewritten-hint")),
        }),
    }
}

/// Merges the journals `ours` and `theirs` of the common ancestor `base`
/// (see the module documentation). Refuses a line that is no entry, a side
/// that lost (or changed) a line of the ancestor, and a result that does not
/// verify.
pub fn merge(base: Side<'_>, ours: Side<'_>, theirs: Side<'_>) -> Result<Merged, WorkspaceError> {
    let o = parse(base)?;
    let a = parse(ours)?;
    let b = parse(theirs)?;
    keeps_base(ours, &a, &o)?;
    keeps_base(theirs, &b, &o)?;
    let in_o: HashSet<&[u8]> = o.iter().map(|(l, _)| *l).collect();
    let in_a: HashSet<&[u8]> = a.iter().map(|(l, _)| *l).collect();
    let in_b: HashSet<&[u8]> = b.iter().map(|(l, _)| *l).collect();
    let mut bytes = Vec::new();
    for (line, _) in a.iter().chain(b.iter().filter(|(l, _)| !in_a.contains(l))) {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    if let Some(p) = lines_problem(&bytes) {
        return Err(WorkspaceError::Refused {
            path: ours.path.to_path_buf(),
            reason: Box::new(
                Msg::new("gitjournal-merge-invalid")
                    .arg("line", p.line.to_string())
                    .arg("problem", p.said),
            ),
            hint: Box::new(Msg::new("gitjournal-rewritten-hint")),
        });
    }
    let only = |side: &[(&[u8], JournalEntry)], other: &HashSet<&[u8]>| {
        let mut by_file: BTreeMap<String, (String, Vec<Step>)> = BTreeMap::new();
        for (_, e) in side
            .iter()
            .filter(|(l, _)| !in_o.contains(l) && !other.contains(l))
        {
            for w in &e.writes {
                by_file
                    .entry(w.file.clone())
                    .or_insert_with(|| (e.subject.clone(), Vec::new()))
                    .1
                    .push(Step {
                        actor: e.actor.clone(),
                        action: e.action.clone(),
                    });
            }
        }
        by_file
    };
    let known: HashSet<&str> = o
        .iter()
        .flat_map(|(_, e)| e.writes.iter().map(|w| w.file.as_str()))
        .collect();
    let mut theirs_only = only(&b, &in_a);
    let concurrent = only(&a, &in_b)
        .into_iter()
        .filter_map(|(file, (record, ours))| {
            theirs_only.remove(&file).map(|(_, theirs)| Concurrent {
                created: !known.contains(file.as_str()),
                file,
                record,
                ours,
                theirs,
            })
        })
        .collect();
    Ok(Merged { bytes, concurrent })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashing::sha256_hex;
    use crate::workspace::journal::{FileWrite, GENESIS};

    fn line(seq: u64, actor: &str, action: &str, prev: &str, writes: &[&str]) -> (String, String) {
        let e = JournalEntry {
            seq,
            at: "2026-03-26T09:00:00Z".into(),
            actor: actor.into(),
            action: action.into(),
            subject: "2026-001".into(),
            payload_sha256: sha256_hex(actor.as_bytes()),
            text: None,
            writes: writes
                .iter()
                .map(|f| FileWrite {
                    file: f.to_string(),
                    sha256: sha256_hex(format!("{actor}{seq}").as_bytes()),
                })
                .collect(),
            merged: Vec::new(),
            prev_sha256: prev.into(),
        };
        let l = serde_json::to_string(&e).unwrap();
        let h = sha256_hex(l.as_bytes());
        (l, h)
    }

    fn text(lines: &[&str]) -> Vec<u8> {
        lines
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>()
            .into_bytes()
    }

    fn side<'a>(name: &'a str, bytes: &'a [u8]) -> Side<'a> {
        Side {
            path: Path::new(name),
            bytes,
        }
    }

    /// The ancestor's two lines; ours adds two, theirs one.
    fn sides() -> (Vec<String>, Vec<String>, Vec<String>) {
        let (o1, h1) = line(
            1,
            "Léa",
            "breach.open",
            GENESIS,
            &["breaches/2026-001.yaml"],
        );
        let (o2, h2) = line(2, "Léa", "journal.note", &h1, &[]);
        let (a3, ha3) = line(3, "Alice", "journal.note", &h2, &[]);
        let (a4, _) = line(4, "Alice", "breach.set", &ha3, &["breaches/2026-001.yaml"]);
        let (b3, _) = line(3, "Bob", "breach.call", &h2, &["breaches/2026-001.yaml"]);
        (
            vec![o1.clone(), o2.clone()],
            vec![o1.clone(), o2.clone(), a3, a4],
            vec![o1, o2, b3],
        )
    }

    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    #[test]
    fn ours_then_theirs_not_ours_and_the_records_both_wrote() {
        let (o, a, b) = sides();
        let (o, a, b) = (text(&refs(&o)), text(&refs(&a)), text(&refs(&b)));
        let m = merge(side("O", &o), side("A", &a), side("B", &b)).unwrap();
        let lines: Vec<&[u8]> = split_lines(&m.bytes).collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(
            [&a[..], split_lines(&b).nth(2).unwrap(), b"\n"].concat(),
            m.bytes
        );
        assert_eq!(lines_problem(&m.bytes), None);
        assert_eq!(
            m.concurrent,
            vec![Concurrent {
                file: "breaches/2026-001.yaml".into(),
                record: "2026-001".into(),
                ours: vec![Step {
                    actor: "Alice".into(),
                    action: "breach.set".into()
                }],
                theirs: vec![Step {
                    actor: "Bob".into(),
                    action: "breach.call".into()
                }],
                created: false,
            }]
        );
    }

    #[test]
    fn a_record_both_sides_created_is_told_apart_from_a_concurrent_edit() {
        let (o1, h1) = line(1, "Léa", "journal.note", GENESIS, &[]);
        let x = "breaches/2026-eu-001.yaml";
        let (a2, _) = line(2, "Élodie", "breach.open", &h1, &[x]);
        let (b2, _) = line(2, "Emma", "breach.open", &h1, &[x]);
        let (o, a, b) = (text(&[&o1]), text(&[&o1, &a2]), text(&[&o1, &b2]));
        let m = merge(side("O", &o), side("A", &a), side("B", &b)).unwrap();
        assert_eq!(m.concurrent.len(), 1);
        assert!(m.concurrent[0].created);
        // Without a common ancestor's journal, the same.
        let m = merge(side("O", b""), side("A", &a), side("B", &b)).unwrap();
        assert!(m.concurrent[0].created);
    }

    #[test]
    fn notes_on_both_sides_and_a_missing_ancestor_merge_cleanly() {
        let (o, a, _) = sides();
        let (b3, _) = line(3, "Bob", "journal.note", &sha256_hex(o[1].as_bytes()), &[]);
        let b = text(&[&o[0], &o[1], &b3]);
        let a = text(&refs(&a[..3]));
        let m = merge(side("O", b""), side("A", &a), side("B", &b)).unwrap();
        assert!(m.concurrent.is_empty());
        assert_eq!(split_lines(&m.bytes).count(), 4);
        // Theirs already all ours: ours unchanged.
        let m = merge(side("O", b""), side("A", &a), side("B", &text(&refs(&o)))).unwrap();
        assert_eq!(m.bytes, a);
    }

    #[test]
    fn a_line_that_is_no_entry_a_rewritten_side_and_a_bad_result_are_refused() {
        let (o, a, b) = sides();
        let (ot, at) = (text(&refs(&o)), text(&refs(&a)));
        let bad = text(&[&o[0], "{not json"]);
        let e = merge(side("O", &ot), side("A", &at), side("B", &bad)).unwrap_err();
        assert!(
            matches!(e, WorkspaceError::JournalBroken { line: 2, ref path, .. } if path == Path::new("B")),
            "{e}"
        );
        // Theirs dropped the ancestor's second line.
        let rewritten = text(&[&o[0], &b[2]]);
        let e = merge(side("O", &ot), side("A", &at), side("B", &rewritten)).unwrap_err();
        assert!(e.to_string().contains("rewritten"), "{e}");
        assert!(e.to_string().contains("`B`"), "{e}");
        // Theirs adds a line naming an entry no one has.
        let (b3, _) = line(3, "Bob", "journal.note", &sha256_hex(b"gone"), &[]);
        let e = merge(
            side("O", &ot),
            side("A", &at),
            side("B", &text(&[&o[0], &o[1], &b3])),
        )
        .unwrap_err();
        assert!(e.to_string().contains("would not verify"), "{e}");
    }

    #[test]
    fn an_ancestor_merged_from_several_is_accepted_in_another_order() {
        // After criss-cross merges, git's ancestor is itself a merge: ours
        // holds its lines with the branches the other way round.
        let (o, a, b) = sides();
        let (a3, b3) = (&a[2], &b[2]);
        let base = text(&[&o[0], &o[1], a3, b3]);
        let ours = text(&[&o[0], &o[1], b3, a3]);
        let (n, _) = line(4, "Bob", "journal.note", &sha256_hex(b3.as_bytes()), &[]);
        let theirs = text(&[&o[0], &o[1], a3, b3, &n]);
        let m = merge(side("O", &base), side("A", &ours), side("B", &theirs)).unwrap();
        assert_eq!(m.bytes, text(&[&o[0], &o[1], b3, a3, &n]));
        // A line of the ancestor lost is still refused.
        let lost = text(&[&o[0], &o[1], b3]);
        let e = merge(side("O", &base), side("A", &lost), side("B", &theirs)).unwrap_err();
        assert!(
            e.to_string().contains("line 3 of the common ancestor"),
            "{e}"
        );
    }
}
