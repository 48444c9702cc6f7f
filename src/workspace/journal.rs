//! The journal: an append-only, hash-chained log of every change the tool
//! made to the workspace (`journal.jsonl`, JSON Lines).
//!
//! Each entry carries the SHA-256 of the previous entry's exact line, so an
//! edited, removed or reordered entry breaks the chain at the first place it
//! touches. The last entry has no successor to vouch for it, so its hash and
//! sequence are also kept in `journal.head`: truncating whole entries off the
//! end is caught by comparing the two. Documents sent to controllers carry the
//! head too, which anchors the history in files the tool cannot rewrite.
//!
//! An entry is appended (one `write` of the whole line), then the head is
//! recorded; a command killed between the two leaves the head exactly one
//! entry behind a well-formed, correctly chained last entry, which the next
//! exclusive lock completes and journals ([`super::recover`]). Appending
//! needs the exclusive lock, and tells it that the record writes noted so
//! far are now covered: the entry names each of those files with the
//! SHA-256 of its new content (`writes`), which `check` and `journal verify`
//! compare with the files ([`super::integrity`]).
//!
//! Clones of a workspace merged in git make the journal a DAG: git's merge
//! driver ([`super::merge`]) puts their lines after ours, each with its
//! bytes. An entry's parents are `prev_sha256` and, for an entry that joins
//! branches, `merged`; the file order is a topological order (every parent is
//! an earlier line), which [`Journal::verify`] checks — for a journal that is
//! one chain, exactly as before. A first entry (its parent [`GENESIS`]) may
//! come after others: the start of a clone that journaled before its first
//! pull of a journal still empty, joined like any branch. `journal.head` holds one line per head (the
//! entries no later entry names); the next write after a merge first appends
//! a `journal.merge` entry that joins them.

use crate::render::catalog::{Catalog, Localize, Msg};
use crate::workspace::{if_exists, read_bytes, read_text};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::{atomic, WorkspaceError, WorkspaceLock};

/// File name of the journal inside the workspace.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// File name of the head anchor inside the workspace.
pub const HEAD_FILE: &str = "journal.head";
/// The `prev_sha256` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One journal entry, serialised as one JSON line in this field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    /// 1 for the first entry, then +1.
    pub seq: u64,
    /// When the change was made (UTC, from the command's clock).
    pub at: String,
    /// Who made it: `DPO_ACTOR`, or the name of the person of `people.yaml` it (or the login) names.
    pub actor: String,
    /// What was done, e.g. `workspace.init`, `breach.notify`.
    pub action: String,
    /// What it was done to: a record id or a path in the workspace.
    pub subject: String,
    /// SHA-256 of the bytes the change wrote or sent.
    pub payload_sha256: String,
    /// The text of a note (`journal.note`), whose SHA-256 is the payload's;
    /// absent from other entries and from notes journaled before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The record files the change wrote, each with the SHA-256 of its new
    /// content (absent in entries that wrote none, and in journals written
    /// before it existed): what [`super::integrity`] compares the files with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub writes: Vec<FileWrite>,
    /// SHA-256 of the other heads this entry joins (a `journal.merge` after
    /// clones that both journaled were merged in git); absent otherwise, so
    /// linear journals keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
    /// SHA-256 of the previous entry's line ([`GENESIS`] for the first).
    pub prev_sha256: String,
}

impl JournalEntry {
    /// The entries this one descends from: `prev_sha256`, then `merged`.
    pub fn parents(&self) -> Vec<&str> {
        std::iter::once(self.prev_sha256.as_str())
            .chain(self.merged.iter().map(String::as_str))
            .collect()
    }
}

/// One record file written by the change an entry journals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileWrite {
    /// The file, relative to the workspace.
    pub file: String,
    /// SHA-256 of its content once written.
    pub sha256: String,
}

/// The end of the chain: what documents quote as "the journal head".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct JournalHead {
    /// Sequence number of the last entry (0 for an empty journal).
    pub seq: u64,
    /// SHA-256 of the last entry's line ([`GENESIS`] for an empty journal).
    pub sha256: String,
}

impl JournalHead {
    /// The head of an empty journal.
    pub fn genesis() -> Self {
        Self {
            seq: 0,
            sha256: GENESIS.to_string(),
        }
    }
}

/// Who recovery entries are journaled as: the tool itself, finishing or
/// undoing what a command stopped mid-way left behind.
pub const RECOVERY_ACTOR: &str = "dpo (recovery)";

/// What `verify` found wrong, with the first bad entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalProblem {
    /// 1-based line of `journal.jsonl` (0 when the problem is in `journal.head`).
    pub line: usize,
    /// What is wrong there (English, for `--json`).
    pub message: String,
    /// The same, as a catalog message (the terminal says it in the run's
    /// language).
    #[serde(skip)]
    pub said: Msg,
}

impl JournalProblem {
    /// A problem at `line`.
    pub fn new(line: usize, said: Msg) -> Self {
        JournalProblem {
            line,
            message: said.english(),
            said,
        }
    }
}

impl Localize for JournalProblem {
    fn message(&self, s: &Catalog) -> String {
        s.msg(&self.said)
    }
}

/// The outcome of verifying the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalReport {
    /// Entries read and found consistent before the first problem.
    pub entries: usize,
    /// The head as computed from the entries: the last line's.
    pub head: JournalHead,
    /// Every head, in file order: more than one when clones that both
    /// journaled were merged in git and nothing was written since (the
    /// next write joins them). Shown only then.
    #[serde(skip_serializing_if = "at_most_one")]
    pub heads: Vec<JournalHead>,
    /// The first problem, if any.
    pub problem: Option<JournalProblem>,
}

fn at_most_one(heads: &[JournalHead]) -> bool {
    heads.len() <= 1
}

/// What [`Journal::chain`] finds: the report (without the head anchor),
/// the heads `journal.head` lists when a command stopped between appending
/// the last entry and recording it (the last entry's parents), and the hash
/// of every line.
struct Chain {
    report: JournalReport,
    behind: Vec<JournalHead>,
    known: HashMap<String, u64>,
}

use crate::hashing::sha256_hex;

/// The journal of one workspace.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
    head_path: PathBuf,
}

/// What one entry says before the journal chains it: when, who, what, about
/// what, the bytes it vouches for, and the words kept with it (a note's).
struct Draft<'a> {
    at: DateTime<Utc>,
    actor: &'a str,
    action: &'a str,
    subject: &'a str,
    payload: &'a [u8],
    text: Option<&'a str>,
    /// It covers the record writes noted so far (all but the completion of
    /// a head, which comes before them).
    covers: bool,
}

impl Journal {
    /// The journal of the workspace at `root` (the files may not exist yet).
    pub fn new(root: &Path) -> Self {
        Self {
            path: root.join(JOURNAL_FILE),
            head_path: root.join(HEAD_FILE),
        }
    }

    /// Path of `journal.jsonl`.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<Vec<u8>, WorkspaceError> {
        Ok(if_exists(read_bytes(&self.path))?.unwrap_or_default())
    }

    /// Every entry, in order. Fails on the first line that is not an entry.
    pub fn entries(&self) -> Result<Vec<JournalEntry>, WorkspaceError> {
        let bytes = self.read()?;
        let mut out = Vec::new();
        for (i, line) in split_lines(&bytes).enumerate() {
            let e: JournalEntry =
                serde_json::from_slice(line).map_err(|e| WorkspaceError::JournalBroken {
                    path: self.path.clone(),
                    line: i + 1,
                    message: Msg::new("errors-journal-not-entry").arg("detail", e.to_string()),
                })?;
            out.push(e);
        }
        Ok(out)
    }

    /// Every entry, in file order, with the SHA-256 of its exact line (what
    /// later entries name as a parent). Fails on the first line that is not
    /// an entry.
    pub fn entries_hashed(&self) -> Result<Vec<(String, JournalEntry)>, WorkspaceError> {
        let bytes = self.read()?;
        let entries = self.entries()?;
        Ok(split_lines(&bytes).map(sha256_hex).zip(entries).collect())
    }

    /// Every head: the entries no later entry names as a parent, in file
    /// order (one for a linear journal, none for an empty one). Computed
    /// from the entries as they are: [`Journal::verify`] says whether they
    /// hold together.
    pub fn heads(&self) -> Result<Vec<JournalHead>, WorkspaceError> {
        Ok(heads_of(&self.entries_hashed()?))
    }

    /// Checks the whole chain and the head anchor.
    pub fn verify(&self) -> Result<JournalReport, WorkspaceError> {
        let Chain {
            report,
            behind,
            known,
        } = self.chain()?;
        if report.problem.is_some() {
            return Ok(report);
        }
        let problem = |line, said| Some(JournalProblem::new(line, said));
        let head = &report.head;
        let computed: BTreeSet<&JournalHead> = if report.heads.is_empty() {
            BTreeSet::from([head])
        } else {
            report.heads.iter().collect()
        };
        let found = match self.read_head()? {
            None if head.seq == 0 => None,
            None if head.seq == 1 => problem(0, behind_message(head)),
            None => problem(0, Msg::new("errors-journal-no-head").arg("head", HEAD_FILE)),
            Some(recorded) => {
                let listed: BTreeSet<&JournalHead> = recorded.iter().collect();
                if listed == computed {
                    None
                } else if let ([anchor], [prev], 1) = (&recorded[..], &behind[..], computed.len()) {
                    // A linear end: the messages of a chain.
                    if anchor.seq == head.seq {
                        let said = Msg::new("errors-journal-last-changed")
                            .arg("seq", head.seq)
                            .arg("sha256", head.sha256.as_str())
                            .arg("head", HEAD_FILE)
                            .arg("recorded", anchor.sha256.as_str());
                        return Ok(JournalReport {
                            entries: report.entries.saturating_sub(1),
                            problem: problem(report.entries, said),
                            ..report
                        });
                    } else if anchor == prev && head.seq > 0 {
                        problem(0, behind_message(head))
                    } else {
                        problem(
                            0,
                            Msg::new("errors-journal-head-mismatch")
                                .arg("head", HEAD_FILE)
                                .arg("seq", anchor.seq)
                                .arg("recorded", anchor.sha256.as_str())
                                .arg("last", head.seq)
                                .arg("sha256", head.sha256.as_str()),
                        )
                    }
                } else if lists_behind(&listed, &report, &behind, &known) {
                    problem(0, behind_message(head))
                } else if let Some(gone) = recorded.iter().find(|r| !known.contains_key(&r.sha256))
                {
                    problem(
                        0,
                        Msg::new("gitjournal-head-absent")
                            .arg("head", HEAD_FILE)
                            .arg("seq", gone.seq)
                            .arg("recorded", gone.sha256.as_str()),
                    )
                } else if computed.is_subset(&listed)
                    && listed.iter().all(|l| known.get(&l.sha256) == Some(&l.seq))
                {
                    // Every head listed, and lines git's union merge of the
                    // head file kept of entries that are heads no more.
                    None
                } else {
                    let list = |set: &BTreeSet<&JournalHead>| {
                        set.iter()
                            .map(|h| format!("{} ({})", h.seq, h.sha256))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    problem(
                        0,
                        Msg::new("gitjournal-heads-mismatch")
                            .arg("head", HEAD_FILE)
                            .arg("recorded", list(&listed))
                            .arg("computed", list(&computed)),
                    )
                }
            }
        };
        Ok(JournalReport {
            problem: found,
            ..report
        })
    }

    /// When `journal.head` is exactly one entry behind a well-formed,
    /// correctly chained last entry — a command stopped between appending
    /// its entry and recording the new head: the file lists the last
    /// entry's parents, and the last entry is the only head — the head to
    /// record.
    pub fn one_behind(&self) -> Result<Option<JournalHead>, WorkspaceError> {
        let Chain {
            report,
            behind,
            known,
        } = self.chain()?;
        if report.problem.is_some() || report.head.seq == 0 {
            return Ok(None);
        }
        let recorded = self
            .read_head()?
            .unwrap_or_else(|| vec![JournalHead::genesis()]);
        let listed: BTreeSet<&JournalHead> = recorded.iter().collect();
        Ok(lists_behind(&listed, &report, &behind, &known).then_some(report.head))
    }

    /// Records `head` (found by [`Journal::one_behind`]) in `journal.head`,
    /// and journals the recovery.
    pub(crate) fn complete_head(
        &self,
        lock: &WorkspaceLock,
        head: &JournalHead,
    ) -> Result<JournalEntry, WorkspaceError> {
        lock.require_exclusive()?;
        self.write_head(head)?;
        let text = format!(
            "`{HEAD_FILE}` completed to entry {} ({}): the command that appended that entry stopped before recording the new head\n",
            head.seq, head.sha256
        );
        let (entry, _) = self.append_entry(
            lock,
            Draft {
                at: self.last_instant()?,
                actor: RECOVERY_ACTOR,
                action: "journal.recover",
                subject: HEAD_FILE,
                payload: text.as_bytes(),
                text: None,
                covers: false,
            },
        )?;
        Ok(entry)
    }

    /// The instant of the last entry (the Unix epoch for an empty journal):
    /// what recovery entries are dated, since the workspace code does not
    /// read the clock and the interrupted command ran at or after it.
    pub(crate) fn last_instant(&self) -> Result<DateTime<Utc>, WorkspaceError> {
        Ok(self
            .entries()?
            .last()
            .and_then(|e| DateTime::parse_from_rfc3339(&e.at).ok())
            .map_or(DateTime::<Utc>::UNIX_EPOCH, |t| t.to_utc()))
    }

    fn write_head(&self, head: &JournalHead) -> Result<(), WorkspaceError> {
        atomic::write_atomic(
            &self.head_path,
            format!("{} {}\n", head.seq, head.sha256).as_bytes(),
        )
    }

    /// The chain alone, without the head anchor (see [`Chain`]). File order
    /// is a topological order: every parent of an entry is an earlier line
    /// or [`GENESIS`] (a first entry; a join never names it), no line is
    /// there twice, and `seq` is one more than the largest parent's (GENESIS
    /// counting 0). While the file is one chain, the
    /// checks and messages are the chain's: the sequence, then the link to
    /// the line before.
    fn chain(&self) -> Result<Chain, WorkspaceError> {
        Ok(chain_of(&self.read()?))
    }

    /// The heads `journal.head` lists, one line each (`None`: no file).
    fn read_head(&self) -> Result<Option<Vec<JournalHead>>, WorkspaceError> {
        let Some(text) = if_exists(read_text(&self.head_path))? else {
            return Ok(None);
        };
        let parse = |line: &str| {
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some(seq), Some(sha), None) => seq.parse().ok().map(|seq| JournalHead {
                    seq,
                    sha256: sha.to_string(),
                }),
                _ => None,
            }
        };
        let parsed: Option<Vec<JournalHead>> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(parse)
            .collect();
        // An unreadable anchor is reported as a mismatch by `verify`.
        Ok(Some(parsed.filter(|p| !p.is_empty()).unwrap_or_else(
            || {
                vec![JournalHead {
                    seq: u64::MAX,
                    sha256: text.trim().chars().take(80).collect(),
                }]
            },
        )))
    }

    /// The current head, as computed from the entries (the journal must verify).
    /// With several heads (branches merged in git, not joined yet), the
    /// last line's: [`Journal::heads`] gives them all.
    pub fn head(&self) -> Result<JournalHead, WorkspaceError> {
        Ok(self.verified()?.head)
    }

    /// The report of [`Journal::verify`], which must find no problem.
    fn verified(&self) -> Result<JournalReport, WorkspaceError> {
        let report = self.verify()?;
        match report.problem {
            None => Ok(report),
            Some(p) => Err(WorkspaceError::JournalBroken {
                path: self.path.clone(),
                line: p.line,
                message: p.said,
            }),
        }
    }

    /// Records a note typed by a person (a meeting, a decision, a check done
    /// by hand) about `subject`, taking the workspace lock.
    pub fn note(
        &self,
        ws: &super::Workspace,
        act: &super::Act,
        subject: &str,
        text: &str,
    ) -> Result<JournalEntry, WorkspaceError> {
        let lock = ws.lock()?;
        self.append_text(&lock, act, ("journal.note", subject), text)
    }

    /// Appends one entry. Taking the lock as an argument makes it impossible to
    /// append without holding it. The chain is verified first: the tool never
    /// writes on top of a journal it cannot vouch for.
    #[allow(clippy::too_many_arguments)]
    pub fn append(
        &self,
        lock: &WorkspaceLock,
        at: DateTime<Utc>,
        actor: &str,
        action: &str,
        subject: &str,
        payload: &[u8],
    ) -> Result<(JournalEntry, JournalHead), WorkspaceError> {
        self.append_entry(
            lock,
            Draft {
                at,
                actor,
                action,
                subject,
                payload,
                text: None,
                covers: true,
            },
        )
    }

    /// [`Journal::append`] of a change whose words are its payload (a field
    /// set from the command line: the field and the digests of its old and
    /// new value), kept in the entry as a note's text is.
    pub fn append_text(
        &self,
        lock: &WorkspaceLock,
        act: &super::Act,
        (action, subject): (&str, &str),
        text: &str,
    ) -> Result<JournalEntry, WorkspaceError> {
        let (entry, _) = self.append_entry(
            lock,
            Draft {
                at: act.now,
                actor: &act.actor,
                action,
                subject,
                payload: text.as_bytes(),
                text: Some(text),
                covers: true,
            },
        )?;
        Ok(entry)
    }

    /// [`Journal::append`] of a [`Draft`], which may keep a text (a note's).
    fn append_entry(
        &self,
        lock: &WorkspaceLock,
        draft: Draft<'_>,
    ) -> Result<(JournalEntry, JournalHead), WorkspaceError> {
        let Draft {
            at,
            actor,
            action,
            subject,
            payload,
            text,
            covers,
        } = draft;
        lock.require_exclusive()?;
        let report = self.verified()?;
        let at = at.to_rfc3339_opts(SecondsFormat::Secs, true);
        let mut head = report.head;
        if report.heads.len() > 1 {
            // Branches merged in git: one entry joins them first.
            let text: String = report
                .heads
                .iter()
                .map(|h| format!("{} {}\n", h.seq, h.sha256))
                .collect();
            let join = JournalEntry {
                seq: 1 + report.heads.iter().map(|h| h.seq).max().unwrap_or(0),
                at: at.clone(),
                actor: actor.to_string(),
                action: "journal.merge".to_string(),
                subject: JOURNAL_FILE.to_string(),
                payload_sha256: sha256_hex(text.as_bytes()),
                text: Some(text),
                writes: Vec::new(),
                merged: report
                    .heads
                    .iter()
                    .filter(|h| **h != head)
                    .map(|h| h.sha256.clone())
                    .collect(),
                prev_sha256: head.sha256.clone(),
            };
            head = self.write_line(&join)?;
        }
        let entry = JournalEntry {
            seq: head.seq + 1,
            at,
            actor: actor.to_string(),
            action: action.to_string(),
            subject: subject.to_string(),
            payload_sha256: sha256_hex(payload),
            text: text.map(str::to_string),
            // Every record write noted since the last entry: this entry
            // vouches for the files' new content, whatever the workflow.
            writes: if covers {
                lock.pending_writes()
            } else {
                Vec::new()
            },
            merged: Vec::new(),
            prev_sha256: head.sha256,
        };
        let new_head = self.write_line(&entry)?;
        if covers {
            // The record writes made since the last entry are now covered.
            lock.committed()?;
        }
        Ok((entry, new_head))
    }

    /// Appends `entry` (one write of its whole line), then records it as
    /// the head.
    fn write_line(&self, entry: &JournalEntry) -> Result<JournalHead, WorkspaceError> {
        let line = serde_json::to_vec(entry).map_err(|e| WorkspaceError::JournalBroken {
            path: self.path.clone(),
            line: 0,
            message: Msg::new("errors-journal-serialise").arg("detail", e.to_string()),
        })?;
        let io = |source| WorkspaceError::Write {
            path: self.path.clone(),
            source,
        };
        // Never through a link, and only to the file that was checked.
        let mut f = super::atomic::open_append(&self.path)?;
        let mut buf = line.clone();
        buf.push(b'\n');
        // One write call for the whole line: with O_APPEND it lands in one piece.
        f.write_all(&buf).map_err(io)?;
        f.sync_all().map_err(io)?;
        let new_head = JournalHead {
            seq: entry.seq,
            sha256: sha256_hex(&line),
        };
        self.write_head(&new_head)?;
        Ok(new_head)
    }
}

/// The first problem of the journal lines `bytes`, the head anchor aside
/// (what the git merge driver checks its result with).
pub(crate) fn lines_problem(bytes: &[u8]) -> Option<JournalProblem> {
    chain_of(bytes).report.problem
}

/// The starts of the lines git writes in a file it could not merge.
const CONFLICT_MARKERS: [&[u8]; 4] = [b"<<<<<<< ", b"=======", b">>>>>>> ", b"||||||| "];

/// [`Journal::chain`] of the journal `bytes`.
fn chain_of(bytes: &[u8]) -> Chain {
    let mut head = JournalHead::genesis();
    let mut behind = vec![JournalHead::genesis()];
    let mut known: HashMap<String, u64> = HashMap::from([(GENESIS.to_string(), 0)]);
    let mut lines: Vec<JournalHead> = Vec::new();
    let mut named: HashSet<String> = HashSet::new();
    // Every entry so far followed the line before it.
    let mut linear = true;
    let mut entries = 0;
    let fail = |line, message: Msg, entries, head| {
        let report = JournalReport {
            entries,
            head,
            heads: Vec::new(),
            problem: Some(JournalProblem::new(line, message)),
        };
        Chain {
            report,
            behind: vec![JournalHead::genesis()],
            known: HashMap::new(),
        }
    };
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        let last = split_lines(bytes).count();
        return fail(last, Msg::new("errors-journal-cut"), 0, head);
    }
    for (i, line) in split_lines(bytes).enumerate() {
        let n = i + 1;
        let e: JournalEntry = match serde_json::from_slice(line) {
            Ok(e) => e,
            Err(_) if CONFLICT_MARKERS.iter().any(|m| line.starts_with(m)) => {
                return fail(n, Msg::new("gitjournal-conflict-markers"), entries, head);
            }
            Err(err) => {
                return fail(
                    n,
                    Msg::new("errors-journal-invalid-entry").arg("detail", err.to_string()),
                    entries,
                    head,
                );
            }
        };
        let sha = sha256_hex(line);
        let parents = e.parents();
        // A later root (`prev_sha256` GENESIS) is the first entry of a clone
        // that journaled before it first pulled a journal still empty: its
        // history joins at the next write. A merge naming GENESIS is none.
        if n > 1 && e.merged.iter().any(|m| m == GENESIS) {
            return fail(
                n,
                Msg::new("gitjournal-second-root").arg("seq", e.seq),
                entries,
                head,
            );
        }
        let follows = e.prev_sha256 == head.sha256;
        if linear && e.merged.is_empty() && (follows || !known.contains_key(&e.prev_sha256)) {
            if e.seq != head.seq + 1 {
                return fail(
                    n,
                    Msg::new("errors-journal-sequence")
                        .arg("seq", e.seq)
                        .arg("expected", head.seq + 1),
                    entries,
                    head,
                );
            }
            if !follows {
                // The link is stored in entry n but vouches for entry n - 1:
                // the usual cause is an edit of entry n - 1, so name it.
                return fail(
                    n - 1,
                    Msg::new("errors-journal-changed")
                        .arg("seq", head.seq)
                        .arg("sha256", head.sha256.as_str())
                        .arg("next", e.seq)
                        .arg("line", n.to_string())
                        .arg("recorded", e.prev_sha256.as_str()),
                    entries.saturating_sub(1),
                    head,
                );
            }
        } else {
            linear = false;
            if let Some(first) = lines.iter().position(|l| l.sha256 == sha) {
                return fail(
                    n,
                    Msg::new("gitjournal-line-twice")
                        .arg("seq", e.seq)
                        .arg("first", (first + 1).to_string()),
                    entries,
                    head,
                );
            }
            let mut expected = 0;
            for (k, p) in parents.iter().enumerate() {
                let Some(seq) = known.get(*p).filter(|_| !parents[..k].contains(p)) else {
                    return fail(
                        n,
                        Msg::new("gitjournal-parent-unknown")
                            .arg("seq", e.seq)
                            .arg("parent", *p),
                        entries,
                        head,
                    );
                };
                expected = expected.max(seq + 1);
            }
            if e.seq != expected {
                return fail(
                    n,
                    Msg::new("errors-journal-sequence")
                        .arg("seq", e.seq)
                        .arg("expected", expected),
                    entries,
                    head,
                );
            }
        }
        if e.text
            .as_ref()
            .is_some_and(|t| sha256_hex(t.as_bytes()) != e.payload_sha256)
        {
            return fail(
                n,
                Msg::new("errors-journal-text")
                    .arg("seq", e.seq)
                    .arg(
                        "sha256",
                        sha256_hex(e.text.as_deref().unwrap_or_default().as_bytes()),
                    )
                    .arg("recorded", e.payload_sha256.as_str()),
                entries,
                head,
            );
        }
        if DateTime::parse_from_rfc3339(&e.at).is_err() {
            return fail(
                n,
                Msg::new("errors-journal-time")
                    .arg("seq", e.seq)
                    .arg("at", e.at.as_str()),
                entries,
                head,
            );
        }
        behind = parents
            .iter()
            .map(|p| JournalHead {
                seq: known.get(*p).copied().unwrap_or(0),
                sha256: p.to_string(),
            })
            .collect();
        named.extend(parents.iter().map(|p| p.to_string()));
        known.insert(sha.clone(), e.seq);
        head = JournalHead {
            seq: e.seq,
            sha256: sha,
        };
        lines.push(head.clone());
        entries += 1;
    }
    let heads = lines
        .into_iter()
        .filter(|l| !named.contains(&l.sha256))
        .collect();
    Chain {
        report: JournalReport {
            entries,
            head,
            heads,
            problem: None,
        },
        behind,
        known,
    }
}

/// Whether `listed` (the heads `journal.head` lists) is one entry behind
/// the journal of `report`: the last entry is the only head, and the file
/// lists each of its parents (`behind`) but not it, and nothing the journal
/// does not hold (lines git's union merge kept of entries that are heads no
/// more aside).
fn lists_behind(
    listed: &BTreeSet<&JournalHead>,
    report: &JournalReport,
    behind: &[JournalHead],
    known: &HashMap<String, u64>,
) -> bool {
    report.heads.len() == 1
        && !listed.contains(&report.head)
        && behind.iter().all(|b| listed.contains(b))
        && listed
            .iter()
            .all(|l| l.sha256 == GENESIS || known.get(&l.sha256) == Some(&l.seq))
}

/// Why a head one entry behind is reported, when it cannot be completed.
fn behind_message(head: &JournalHead) -> Msg {
    Msg::new("errors-with-hint")
        .arg(
            "message",
            Msg::new("errors-journal-behind")
                .arg("head", HEAD_FILE)
                .arg("seq", head.seq),
        )
        .arg("hint", Msg::new("errors-journal-behind-hint"))
}

/// The heads of `hashed` (see [`Journal::heads`]).
fn heads_of(hashed: &[(String, JournalEntry)]) -> Vec<JournalHead> {
    let named: std::collections::HashSet<&str> =
        hashed.iter().flat_map(|(_, e)| e.parents()).collect();
    hashed
        .iter()
        .filter(|(sha, _)| !named.contains(sha.as_str()))
        .map(|(sha, e)| JournalHead {
            seq: e.seq,
            sha256: sha.clone(),
        })
        .collect()
}

pub(crate) fn split_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    body.split(|&b| b == b'\n')
        .filter(move |_| !bytes.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn journal_with(n: usize) -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::new(dir.path());
        let lock = WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap();
        let at = DateTime::parse_from_rfc3339("2021-03-26T09:00:00Z")
            .unwrap()
            .to_utc();
        for i in 0..n {
            j.append(&lock, at, "dpo", "test.note", &format!("n{i}"), b"x")
                .unwrap();
        }
        (dir, j)
    }

    #[test]
    fn a_fresh_chain_verifies() {
        let (_d, j) = journal_with(5);
        let r = j.verify().unwrap();
        assert_eq!(r.problem, None);
        assert_eq!(r.entries, 5);
        assert_eq!(r.head.seq, 5);
    }

    #[test]
    fn a_note_keeps_its_text_which_verify_checks_against_the_payload() {
        let (dir, j) = journal_with(1);
        let lock = WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap();
        let at = DateTime::parse_from_rfc3339("2021-03-26T10:00:00Z")
            .unwrap()
            .to_utc();
        let (e, _) = j
            .append_entry(
                &lock,
                Draft {
                    at,
                    actor: "dpo",
                    action: "journal.note",
                    subject: "w",
                    payload: b"vu",
                    text: Some("vu"),
                    covers: true,
                },
            )
            .unwrap();
        assert_eq!(e.text.as_deref(), Some("vu"));
        let text = std::fs::read_to_string(j.path()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // Other entries carry no text field; old notes without one still verify.
        assert!(!lines[0].contains("\"text\""), "{}", lines[0]);
        assert!(lines[1].contains("\"text\":\"vu\""), "{}", lines[1]);
        assert_eq!(j.verify().unwrap().problem, None);
        // The text changed and the head re-anchored: the payload still tells.
        let forged = lines[1].replace("\"text\":\"vu\"", "\"text\":\"vx\"");
        std::fs::write(j.path(), format!("{}\n{forged}\n", lines[0])).unwrap();
        j.write_head(&JournalHead {
            seq: 2,
            sha256: sha256_hex(forged.as_bytes()),
        })
        .unwrap();
        let p = j
            .verify()
            .unwrap()
            .problem
            .expect("a forged text is caught");
        assert_eq!(p.line, 2);
        assert!(
            p.message.contains("text that is not the one journaled"),
            "{}",
            p.message
        );
    }

    #[test]
    fn an_empty_journal_verifies() {
        let (_d, j) = journal_with(0);
        assert_eq!(j.verify().unwrap().problem, None);
    }

    #[test]
    fn flipping_any_byte_of_any_entry_is_detected() {
        let (_d, j) = journal_with(4);
        let orig = std::fs::read(j.path()).unwrap();
        for i in 0..orig.len() {
            if orig[i] == b'\n' {
                continue;
            }
            let mut b = orig.clone();
            b[i] ^= 0x01;
            std::fs::write(j.path(), &b).unwrap();
            assert!(
                j.verify().unwrap().problem.is_some(),
                "flip at byte {i} passed"
            );
        }
    }

    #[test]
    fn removing_swapping_or_truncating_entries_is_detected() {
        let (_d, j) = journal_with(4);
        let orig = std::fs::read_to_string(j.path()).unwrap();
        let lines: Vec<&str> = orig.lines().collect();
        let join = |v: Vec<&str>| v.iter().map(|l| format!("{l}\n")).collect::<String>();
        let cases = [
            join(vec![lines[0], lines[2], lines[3]]),
            join(vec![lines[0], lines[2], lines[1], lines[3]]),
            join(vec![lines[0], lines[1], lines[2]]),
            orig[..orig.len() - 10].to_string(),
            String::new(),
        ];
        for (i, c) in cases.iter().enumerate() {
            std::fs::write(j.path(), c).unwrap();
            assert!(j.verify().unwrap().problem.is_some(), "case {i} passed");
        }
    }

    /// The exact line of `e`, and its SHA-256.
    fn line_of(e: &JournalEntry) -> (String, String) {
        let l = serde_json::to_string(e).unwrap();
        let sha = sha256_hex(l.as_bytes());
        (l, sha)
    }

    /// An entry of `actor` at `seq` after `prev` (joining `merged`).
    fn entry(seq: u64, actor: &str, prev: &str, merged: &[&str]) -> JournalEntry {
        JournalEntry {
            seq,
            at: "2021-03-27T09:00:00Z".into(),
            actor: actor.into(),
            action: "test.note".into(),
            subject: format!("s{seq}{actor}"),
            payload_sha256: sha256_hex(b"x"),
            text: None,
            writes: Vec::new(),
            merged: merged.iter().map(|m| m.to_string()).collect(),
            prev_sha256: prev.into(),
        }
    }

    /// A journal of 2 entries, then one by "a" and one by "b" both after
    /// entry 2 (what git's merge driver writes): the lines, and the two
    /// branch hashes.
    fn forked() -> (tempfile::TempDir, Journal, String, String) {
        let (d, j) = journal_with(2);
        let base = j.heads().unwrap().remove(0).sha256;
        let (la, ha) = line_of(&entry(3, "a", &base, &[]));
        let (lb, hb) = line_of(&entry(3, "b", &base, &[]));
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap();
        writeln!(f, "{la}\n{lb}").unwrap();
        (d, j, ha, hb)
    }

    #[test]
    fn parents_are_the_previous_entry_then_the_joined_heads() {
        assert_eq!(entry(1, "a", GENESIS, &[]).parents(), vec![GENESIS]);
        assert_eq!(
            entry(4, "a", "p", &["m1", "m2"]).parents(),
            vec!["p", "m1", "m2"]
        );
    }

    #[test]
    fn merged_is_absent_from_linear_lines_and_serialised_before_prev() {
        let (l, _) = line_of(&entry(1, "a", GENESIS, &[]));
        assert!(!l.contains("merged"), "{l}");
        let (l, _) = line_of(&entry(4, "a", "p", &["m"]));
        assert!(l.ends_with(r#""merged":["m"],"prev_sha256":"p"}"#), "{l}");
        let back: JournalEntry = serde_json::from_str(&l).unwrap();
        assert_eq!(back.merged, vec!["m".to_string()]);
    }

    #[test]
    fn entries_hashed_pairs_each_entry_with_the_hash_of_its_line() {
        let (_d, j) = journal_with(3);
        let text = std::fs::read_to_string(j.path()).unwrap();
        let hashed = j.entries_hashed().unwrap();
        assert_eq!(hashed.len(), 3);
        for ((sha, e), l) in hashed.iter().zip(text.lines()) {
            assert_eq!(*sha, sha256_hex(l.as_bytes()));
            assert_eq!(*e, serde_json::from_str::<JournalEntry>(l).unwrap());
        }
        // Each entry names the previous line's hash.
        assert_eq!(hashed[1].1.prev_sha256, hashed[0].0);
    }

    #[test]
    fn heads_are_the_entries_no_later_entry_names() {
        let (_d, j) = journal_with(0);
        assert_eq!(j.heads().unwrap(), vec![]);
        let (_d, j) = journal_with(3);
        assert_eq!(j.heads().unwrap(), vec![j.head().unwrap()]);
        let (_d, j, ha, hb) = forked();
        let heads = j.heads().unwrap();
        assert_eq!(
            heads,
            vec![
                JournalHead {
                    seq: 3,
                    sha256: ha.clone()
                },
                JournalHead {
                    seq: 3,
                    sha256: hb.clone()
                }
            ]
        );
        // A joining entry after b that names a: one head again.
        let (lm, hm) = line_of(&entry(4, "m", &hb, &[&ha]));
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap();
        writeln!(f, "{lm}").unwrap();
        assert_eq!(j.heads().unwrap(), vec![JournalHead { seq: 4, sha256: hm }]);
    }

    /// [`forked`] with a second entry on branch a, and `journal.head` as
    /// git's union merge leaves it (both heads): the lines, in order.
    fn merged() -> (tempfile::TempDir, Journal, Vec<String>) {
        let (d, j, ha, hb) = forked();
        let text = std::fs::read_to_string(j.path()).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let (la4, ha4) = line_of(&entry(4, "a", &ha, &[]));
        // a's second entry goes right after a's first: b's comes last.
        lines.insert(3, la4);
        let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(j.path(), body).unwrap();
        std::fs::write(&j.head_path, format!("4 {ha4}\n3 {hb}\n")).unwrap();
        (d, j, lines)
    }

    fn write_lines(j: &Journal, lines: &[&str]) {
        let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(j.path(), body).unwrap();
    }

    fn problem_of(j: &Journal) -> JournalProblem {
        j.verify().unwrap().problem.expect("a problem")
    }

    #[test]
    fn a_merged_journal_verifies_with_its_branches() {
        let (_d, j, lines) = merged();
        let r = j.verify().unwrap();
        assert_eq!(r.problem, None);
        assert_eq!(r.entries, 5);
        assert_eq!(r.heads.len(), 2);
        // The head quoted in documents is the last line's.
        assert_eq!(r.head.sha256, sha256_hex(lines[4].as_bytes()));
        assert_eq!(j.head().unwrap(), r.head);
        // The order of the head file's lines does not matter.
        let t = std::fs::read_to_string(&j.head_path).unwrap();
        let rev: String = t.lines().rev().map(|l| format!("{l}\n")).collect();
        std::fs::write(&j.head_path, rev).unwrap();
        assert_eq!(j.verify().unwrap().problem, None);
        // Shown in --json only when there are several.
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"heads\""), "{json}");
        let (_d, j) = journal_with(2);
        let json = serde_json::to_string(&j.verify().unwrap()).unwrap();
        assert!(!json.contains("heads"), "{json}");
    }

    #[test]
    fn a_merged_journal_with_a_line_removed_edited_moved_or_doubled_is_detected() {
        let (_d, j, lines) = merged();
        let l: Vec<&str> = lines.iter().map(String::as_str).collect();
        let cases: Vec<(&str, Vec<&str>, &str)> = vec![
            (
                "a's first removed",
                vec![l[0], l[1], l[3], l[4]],
                "sequence 4 where 3",
            ),
            (
                "a's second removed",
                vec![l[0], l[1], l[2], l[4]],
                "lists entry 4",
            ),
            (
                "parent after child",
                vec![l[0], l[1], l[3], l[2], l[4]],
                "sequence 4 where 3",
            ),
            (
                "b's before a's, a's reversed",
                vec![l[0], l[1], l[4], l[3], l[2]],
                "entry 3 was changed",
            ),
            ("doubled", vec![l[0], l[1], l[2], l[3], l[4], l[2]], "twice"),
            ("b's removed", vec![l[0], l[1], l[2], l[3]], "lists entry 3"),
        ];
        for (what, c, says) in cases {
            write_lines(&j, &c);
            let p = problem_of(&j);
            assert!(p.message.contains(says), "{what}: {}", p.message);
        }
        // Any bit 0 of any byte of a branch's line flipped.
        for k in 2..l.len() {
            for at in 0..l[k].len() {
                let mut lines: Vec<Vec<u8>> = l.iter().map(|x| x.as_bytes().to_vec()).collect();
                lines[k][at] ^= 0x01;
                let mut body = lines.join(&b'\n');
                body.push(b'\n');
                std::fs::write(j.path(), body).unwrap();
                let found = j.verify().unwrap().problem;
                assert!(found.is_some(), "line {k}, byte {at}");
            }
        }
    }

    #[test]
    fn a_second_root_is_a_history_a_wrong_seq_and_a_truncated_head_are_detected() {
        let (_d, j, lines) = merged();
        let l: Vec<&str> = lines.iter().map(String::as_str).collect();
        // The first entry of a clone that journaled before its first pull of
        // a journal still empty: a second history, joined at the next write.
        let (root, root_sha) = line_of(&entry(1, "z", GENESIS, &[]));
        let (next, _) = line_of(&entry(2, "z", &root_sha, &[]));
        let body = [l[0], l[1], l[2], &root, l[3], l[4], &next]
            .map(|x| format!("{x}\n"))
            .concat();
        assert_eq!(lines_problem(body.as_bytes()), None);
        // It still names no entry but GENESIS, with a sequence of 1.
        let (bad_root, _) = line_of(&entry(3, "z", GENESIS, &[]));
        let body = [l[0], &bad_root].map(|x| format!("{x}\n")).concat();
        let p = lines_problem(body.as_bytes()).expect("a problem");
        assert!(p.message.contains("sequence 3 where 1"), "{}", p.message);
        // A join never names GENESIS.
        let (join, _) = line_of(&entry(2, "z", &sha256_hex(l[0].as_bytes()), &[GENESIS]));
        let body = [l[0], &join].map(|x| format!("{x}\n")).concat();
        let p = lines_problem(body.as_bytes()).expect("a problem");
        assert!(p.message.contains("start of the journal"), "{}", p.message);
        // b's entry claims seq 4 after entry 2.
        let b: JournalEntry = serde_json::from_str(l[4]).unwrap();
        let (wrong, _) = line_of(&JournalEntry { seq: 4, ..b });
        write_lines(&j, &[l[0], l[1], l[2], l[3], &wrong]);
        let p = problem_of(&j);
        assert_eq!(p.line, 5);
        assert!(p.message.contains("sequence 4 where 3"), "{}", p.message);
        // A head file cut to one of the two heads.
        write_lines(&j, &l);
        let t = std::fs::read_to_string(&j.head_path).unwrap();
        std::fs::write(&j.head_path, t.lines().next().unwrap()).unwrap();
        let p = problem_of(&j);
        assert_eq!(p.line, 0);
        assert!(
            p.message.contains("the journal's heads are"),
            "{}",
            p.message
        );
        // A head file that lists an entry the journal lost.
        std::fs::write(&j.head_path, format!("{t}9 {}\n", sha256_hex(b"gone"))).unwrap();
        assert!(problem_of(&j).message.contains("does not hold"));
    }

    /// [`merged`], then one entry appended by Léa (which joins first).
    struct Written {
        j: Journal,
        lines: Vec<String>,
        lock: WorkspaceLock,
        at: DateTime<Utc>,
        entry: (JournalEntry, JournalHead),
        /// `journal.head` before the entry.
        heads_before: String,
        _dir: tempfile::TempDir,
    }

    fn merged_then_written() -> Written {
        let (dir, j, lines) = merged();
        let heads_before = std::fs::read_to_string(&j.head_path).unwrap();
        let lock = WorkspaceLock::acquire(dir.path(), Duration::from_secs(1)).unwrap();
        let at = DateTime::parse_from_rfc3339("2021-03-28T09:00:00Z")
            .unwrap()
            .to_utc();
        let entry = j.append(&lock, at, "Léa", "test.note", "s", b"y").unwrap();
        Written {
            j,
            lines,
            lock,
            at,
            entry,
            heads_before,
            _dir: dir,
        }
    }

    #[test]
    fn the_next_write_joins_the_branches_first() {
        let Written {
            j,
            lines,
            lock,
            at,
            entry: (e, head),
            _dir: _keep,
            ..
        } = merged_then_written();
        let all = j.entries().unwrap();
        assert_eq!(all.len(), 7);
        let join = &all[5];
        assert_eq!(join.action, "journal.merge");
        assert_eq!(join.actor, "Léa");
        assert_eq!(join.at, "2021-03-28T09:00:00Z");
        assert_eq!(join.subject, JOURNAL_FILE);
        assert_eq!(join.seq, 5);
        assert_eq!(join.prev_sha256, sha256_hex(lines[4].as_bytes()));
        assert_eq!(join.merged, vec![sha256_hex(lines[3].as_bytes())]);
        assert_eq!(
            join.text.as_deref().unwrap(),
            format!(
                "4 {}\n3 {}\n",
                sha256_hex(lines[3].as_bytes()),
                sha256_hex(lines[4].as_bytes())
            )
        );
        assert_eq!(e.seq, 6);
        let r = j.verify().unwrap();
        assert_eq!(r.problem, None);
        assert_eq!(j.heads().unwrap(), vec![head.clone()]);
        assert_eq!(
            std::fs::read_to_string(&j.head_path).unwrap(),
            format!("6 {}\n", head.sha256)
        );
        // Written once: the next write does not join again.
        j.append(&lock, at, "Léa", "test.note", "s", b"z").unwrap();
        assert_eq!(j.entries().unwrap().len(), 8);
        // The joined branch's last entry removed: the join names a lost line.
        let text = std::fs::read_to_string(j.path()).unwrap();
        let mut l: Vec<&str> = text.lines().collect();
        l.remove(3);
        write_lines(&j, &l);
        let p = problem_of(&j);
        assert_eq!(p.line, 5);
        assert!(p.message.contains("no earlier line"), "{}", p.message);
    }

    #[test]
    fn a_stop_right_after_the_joining_entry_is_one_behind_and_completed() {
        let Written {
            j,
            lines,
            lock,
            heads_before,
            _dir: _keep,
            ..
        } = merged_then_written();
        // Put things back as a stop between the join's line and its head leaves them.
        let text = std::fs::read_to_string(j.path()).unwrap();
        let join_line = text.lines().nth(5).unwrap().to_string();
        let mut kept: Vec<&str> = lines.iter().map(String::as_str).collect();
        kept.push(&join_line);
        write_lines(&j, &kept);
        std::fs::write(&j.head_path, &heads_before).unwrap();
        let p = problem_of(&j);
        assert!(p.message.contains("one entry behind"), "{}", p.message);
        let head = j.one_behind().unwrap().expect("one behind");
        assert_eq!(head.sha256, sha256_hex(join_line.as_bytes()));
        j.complete_head(&lock, &head).unwrap();
        assert_eq!(j.verify().unwrap().problem, None);
        assert_eq!(j.heads().unwrap().len(), 1);
        // Two heads listed for a linear end is no "one behind".
        let (_d, j) = journal_with(3);
        let t = std::fs::read_to_string(&j.head_path).unwrap();
        std::fs::write(&j.head_path, format!("{t}1 {}\n", GENESIS)).unwrap();
        assert_eq!(j.one_behind().unwrap(), None);
        assert!(j.verify().unwrap().problem.is_some());
    }

    #[test]
    fn a_line_git_kept_of_an_entry_that_is_a_head_no_more_is_accepted() {
        // After criss-cross merges git's union merge of `journal.head` may
        // keep the line of a head since joined: every head is still listed.
        let Written {
            j,
            lines,
            _dir: _keep,
            ..
        } = merged_then_written();
        let head = std::fs::read_to_string(&j.head_path).unwrap();
        let stale = format!("3 {}\n", sha256_hex(lines[4].as_bytes()));
        std::fs::write(&j.head_path, format!("{stale}{head}")).unwrap();
        assert_eq!(j.verify().unwrap().problem, None);
        // With a sequence that is not its entry's, it is no such line.
        let wrong = format!("4 {}\n", sha256_hex(lines[4].as_bytes()));
        std::fs::write(&j.head_path, format!("{wrong}{head}")).unwrap();
        assert!(j.verify().unwrap().problem.is_some());
        // The head itself missing is never accepted.
        std::fs::write(&j.head_path, &stale).unwrap();
        assert!(j.verify().unwrap().problem.is_some());
    }
}
