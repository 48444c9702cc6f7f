//! A DPO team sharing the workspace in git (issue 11): `dpo git setup` —
//! the workspace's `.gitattributes` and `.gitignore`, the journal's merge
//! driver and the clone's tag in the clone's local configuration, the claim
//! of that tag journaled as `git.setup` —, the tag record ids carry so that
//! two clones never give the same id, what `dpo check` warns of in a team's
//! workspace ([`findings`]), and what the others did since the last look
//! ([`seen`]). Git itself is run by [`crate::workspace::git`].

pub mod seen;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::render::catalog::{Msg, Told};
use crate::workspace::git::{self, GitClone, GitError, ATTRIBUTES, ATTRIBUTES_FILE};
use crate::workspace::{
    kinds, lock_root, store, write_atomic, Act, Diagnostic, Journal, JournalEntry, ReadError,
    RecordId, WorkspaceError,
};

/// The journal action of a setup: its subject is `tag:<tag>`.
pub const SETUP_ACTION: &str = "git.setup";
/// The prefix of a setup's subject.
const TAG_SUBJECT: &str = "tag:";
/// The local files a clone's `dpo` keeps in the workspace, never committed.
pub const IGNORED: [&str; 4] = [".dpo.lock", ".dpo.pending", ".dpo-tmp-*", seen::SEEN_FILE];
/// The workspace's `.gitignore`.
const IGNORE_FILE: &str = ".gitignore";

/// Whether `tag` is a clone tag: 1 to 4 lowercase ASCII letters.
pub fn valid_tag(tag: &str) -> bool {
    (1..=4).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
}

/// The initials of a person's name, folded to ASCII ("Gérald Petiot" →
/// `gp`, "Jean-Marc Lévêque" → `jml`), at most 4; `x` when it has none.
pub fn initials(name: &str) -> String {
    let slug = crate::import::slug(name, &[]);
    let tag: String = slug
        .as_str()
        .split('-')
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_lowercase)
        .take(4)
        .collect();
    if tag.is_empty() {
        "x".into()
    } else {
        tag
    }
}

/// `base`, or when it is claimed the first of `base` + a letter (`gpa`,
/// `gpb`…), then of two letters, that is not, within 4 letters.
pub fn unique_tag(base: &str, claimed: &BTreeSet<String>) -> String {
    let free = |t: &String| !claimed.contains(t);
    let mut round = vec![base.to_string()];
    while let Some(first) = round.first() {
        if let Some(t) = round.iter().find(|t| free(t)) {
            return t.clone();
        }
        if first.len() >= 4 {
            break;
        }
        round = round
            .iter()
            .flat_map(|t| ('a'..='z').map(move |c| format!("{t}{c}")))
            .collect();
    }
    // Every longer tag of these letters is claimed: the first free tag of
    // four letters (never reached by a team).
    let mut all = (0..26u32.pow(4)).map(|n| {
        (0..4)
            .map(|i| char::from(b'a' + (n / 26u32.pow(3 - i) % 26) as u8))
            .collect::<String>()
    });
    all.find(|t| free(t)).unwrap_or_else(|| base.to_string())
}

/// The tags already claimed: the subjects of the journal's `git.setup`
/// entries, and the tags of the record ids in the workspace.
pub fn claimed_tags(root: &Path, entries: &[JournalEntry]) -> Result<BTreeSet<String>, ReadError> {
    let mut claimed: BTreeSet<String> = entries
        .iter()
        .filter_map(setup_tag)
        .map(str::to_string)
        .collect();
    for kind in kinds::FILE_KINDS.iter().filter(|k| k.check.is_some()) {
        let names =
            store::file_names(root, kind.path).map_err(ReadError::at(&root.join(kind.path)))?;
        claimed.extend(names.iter().filter_map(|n| {
            let parts = RecordId::parse(n.strip_suffix(".yaml")?)?;
            parts.tag.map(str::to_string)
        }));
    }
    Ok(claimed)
}

/// The tag a `git.setup` entry claims.
fn setup_tag(e: &JournalEntry) -> Option<&str> {
    (e.action == SETUP_ACTION)
        .then(|| e.subject.strip_prefix(TAG_SUBJECT))
        .flatten()
}

/// What can stop `dpo git setup`.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// Running git failed, or the workspace is not in a work tree.
    #[error(transparent)]
    Git(#[from] GitError),
    /// The workspace could not be locked, read, written or journaled.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// `--tag` is not 1 to 4 lowercase letters.
    #[error("{}", self.told())]
    BadTag {
        /// The tag asked for.
        tag: String,
    },
    /// `--tag` names a tag another clone claimed.
    #[error("{}", self.told())]
    TagClaimed {
        /// The tag asked for.
        tag: String,
    },
    /// `--tag` differs from the tag this clone already has.
    #[error("{}", self.told())]
    TagDiffers {
        /// The clone's tag.
        has: String,
        /// The tag asked for.
        asked: String,
    },
}

impl TeamError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            TeamError::Git(e) => e.told(),
            TeamError::Workspace(e) => e.told(),
            TeamError::BadTag { tag } => {
                Told::new(Msg::new("team-bad-tag").arg("tag", tag.as_str()))
                    .hint(Msg::new("team-bad-tag-hint"))
            }
            TeamError::TagClaimed { tag } => {
                Told::new(Msg::new("team-tag-claimed").arg("tag", tag.as_str()))
                    .hint(Msg::new("team-tag-claimed-hint"))
            }
            TeamError::TagDiffers { has, asked } => Told::new(
                Msg::new("team-tag-differs")
                    .arg("has", has.as_str())
                    .arg("asked", asked.as_str()),
            )
            .hint(Msg::new("team-tag-differs-hint")),
        }
    }
}

crate::render::catalog::told_localize!(TeamError);

/// What `dpo git setup` did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetupDone {
    /// The top folder of the work tree.
    pub work_tree: PathBuf,
    /// The clone's tag.
    pub tag: String,
    /// Whether the tag was set by this run.
    pub tag_set: bool,
    /// The files of the workspace written or completed.
    pub files: Vec<String>,
    /// Whether the merge driver was registered (or its command changed).
    pub driver_set: bool,
    /// The journal entry that claims the tag, when this run made one.
    pub journaled: Option<u64>,
    /// The clone's former tag, when this run replaced it (another clone
    /// claimed it, or it was no tag).
    pub retagged_from: Option<String>,
}

impl SetupDone {
    /// Whether the run changed anything.
    pub fn changed(&self) -> bool {
        self.tag_set || self.driver_set || !self.files.is_empty() || self.journaled.is_some()
    }
}

/// `dpo git setup` of the workspace at `root`, by `act`: completes the
/// workspace's `.gitattributes` ([`ATTRIBUTES`]) and `.gitignore`
/// ([`IGNORED`]), registers the merge driver `"<dpo>" journal merge %O %A
/// %B %P` (`dpo` being the path of the running binary) in the clone's local
/// configuration, sets the clone's tag when it has none — `asked`, else the
/// initials of the actor, made unique — and journals the claim of the tag
/// (`git.setup`, subject `tag:<tag>`, its text the `sha256sum` listing of
/// the files written) unless the journal already holds it. Run again, it
/// changes nothing.
pub fn setup(
    root: &Path,
    act: &Act,
    lock_wait: Duration,
    asked: Option<&str>,
    dpo: &str,
) -> Result<SetupDone, TeamError> {
    if let Some(tag) = asked.filter(|t| !valid_tag(t)) {
        return Err(TeamError::BadTag {
            tag: tag.chars().take(20).collect(),
        });
    }
    let Some(clone) = GitClone::of(root)? else {
        return Err(GitError::NotAWorkTree {
            dir: root.to_path_buf(),
        }
        .into());
    };
    let lock = lock_root(root, lock_wait)?;
    let journal = Journal::new(root);
    let hashed = journal.entries_hashed()?;
    let entries: Vec<JournalEntry> = hashed.iter().map(|(_, e)| e.clone()).collect();
    let own_claim = |tag: &str| {
        hashed.iter().any(|(sha, e)| {
            setup_tag(e) == Some(tag) && clone.claim.as_deref().is_none_or(|c| c == sha)
        })
    };
    // The stored tag, unless it is no tag, or another clone claimed it
    // while this clone's own claim is no longer in the journal (a `git
    // reset`, a switch of branch): then this clone takes another.
    let stored = clone.tag.as_deref().filter(|t| valid_tag(t));
    let taken = stored.filter(|has| {
        clone.claim.is_some()
            && !own_claim(has)
            && entries.iter().any(|e| setup_tag(e) == Some(*has))
    });
    let stored = stored.filter(|_| taken.is_none());
    let (tag, tag_set) = match (stored, asked) {
        (Some(has), Some(asked)) if has != asked => {
            return Err(TeamError::TagDiffers {
                has: has.to_string(),
                asked: asked.to_string(),
            })
        }
        (Some(has), _) => (has.to_string(), false),
        (None, asked) => {
            // This clone's own claim (of a tag that was no tag) is none.
            let others: Vec<JournalEntry> = hashed
                .iter()
                .filter(|(sha, _)| clone.claim.as_deref() != Some(sha.as_str()))
                .map(|(_, e)| e.clone())
                .collect();
            let claimed = claimed_tags(root, &others).map_err(WorkspaceError::from)?;
            match asked {
                Some(t) if claimed.contains(t) => {
                    return Err(TeamError::TagClaimed { tag: t.to_string() })
                }
                Some(t) => (t.to_string(), true),
                None => (unique_tag(&initials(&act.actor), &claimed), true),
            }
        }
    };
    let mut files = Vec::new();
    let mut listing = String::new();
    for (file, lines) in [
        (ATTRIBUTES_FILE, &ATTRIBUTES[..]),
        (IGNORE_FILE, &IGNORED[..]),
    ] {
        if let Some(text) = completed(root, file, lines)? {
            write_atomic(&root.join(file), text.as_bytes())?;
            listing.push_str(&format!(
                "{}  {file}\n",
                crate::hashing::sha256_hex(text.as_bytes())
            ));
            files.push(file.to_string());
        }
    }
    let dpo = git::shell_quoted(dpo);
    let drivers = [
        (
            git::DRIVER_KEY,
            git::DRIVER_NAME_KEY,
            "dpo journal (hash-chained)",
            format!("{dpo} journal merge %O %A %B %P"),
            &clone.driver,
        ),
        (
            git::HEAD_DRIVER_KEY,
            git::HEAD_DRIVER_NAME_KEY,
            "dpo journal heads",
            format!("{dpo} git merge-heads %O %A %B"),
            &clone.head_driver,
        ),
    ];
    let mut driver_set = false;
    for (key, name_key, name, command, has) in drivers {
        if has.as_deref() != Some(command.as_str()) {
            git::set_config(root, name_key, name)?;
            git::set_config(root, key, &command)?;
            driver_set = true;
        }
    }
    if tag_set {
        git::set_config(root, git::TAG_KEY, &tag)?;
    }
    let claimed_here = !tag_set && own_claim(&tag);
    let journaled = if files.is_empty() && claimed_here {
        None
    } else {
        let subject = format!("{TAG_SUBJECT}{tag}");
        // A nonce makes each claim's line its own, even for one person
        // setting two clones up in the same second from the same entry:
        // identical lines would merge into one, and the second clone would
        // take the first one's claim for its own.
        let text = format!("tag {tag}\nclaim {}\n{listing}", claim_nonce(&clone.top));
        let e = journal.append_text(&lock, act, (SETUP_ACTION, &subject), &text)?;
        git::set_config(root, git::CLAIM_KEY, &journal.head()?.sha256)?;
        Some(e.seq)
    };
    Ok(SetupDone {
        work_tree: clone.top,
        tag,
        tag_set,
        files,
        driver_set,
        journaled,
        retagged_from: taken
            .or(clone.tag.as_deref().filter(|_| tag_set))
            .map(str::to_string),
    })
}

/// 64 random bits, as hex, for a claim: std's `RandomState` is seeded from
/// the operating system's randomness (no clock, no environment), mixed
/// with the process and the clone's folder.
fn claim_nonce(top: &Path) -> String {
    use std::hash::BuildHasher;
    let random = std::collections::hash_map::RandomState::new();
    format!("{:016x}", random.hash_one((std::process::id(), top)))
}

/// The text of the workspace file `file` with each of `lines` it lacks
/// added at its end; `None` when it has them all.
fn completed(root: &Path, file: &str, lines: &[&str]) -> Result<Option<String>, WorkspaceError> {
    let path = root.join(file);
    let text = crate::workspace::if_exists(crate::workspace::read_text(&path))?.unwrap_or_default();
    let has = |want: &str| {
        let want: Vec<&str> = want.split_whitespace().collect();
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == want)
    };
    let missing: Vec<&&str> = lines.iter().filter(|l| !has(l)).collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let mut out = text.clone();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for l in missing {
        out.push_str(l);
        out.push('\n');
    }
    Ok(Some(out))
}

/// The first line of a head file that is not `<rank> <SHA-256>` (1-based),
/// if any: the merge driver refuses such a file rather than carry it on.
pub fn bad_head_line(text: &str) -> Option<usize> {
    let good = |l: &str| {
        let mut parts = l.split_whitespace();
        matches!(
            (parts.next(), parts.next(), parts.next()),
            (Some(seq), Some(sha), None)
                if seq.parse::<u64>().is_ok()
                    && sha.len() == 64
                    && sha.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        )
    };
    text.lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty() && !good(l))
        .map(|(i, _)| i + 1)
}

/// The head file `journal.head` merged as git's driver `dpo git merge-heads
/// %O %A %B` merges it: a three-way merge of the sets of lines (one per
/// head) — a head both sides list, or one side added since the common
/// ancestor `base`, stays; one a side no longer lists (it wrote after it)
/// goes. Sorted, one per line. Where git's `union` keeps every line of a
/// hunk both sides changed, a head superseded on one side would stay, and
/// `journal verify` would rightly refuse the file.
pub fn merge_heads(base: &str, ours: &str, theirs: &str) -> String {
    let set = |t: &str| -> BTreeSet<String> {
        t.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (o, a, b) = (set(base), set(ours), set(theirs));
    let keep = a
        .intersection(&b)
        .chain(a.difference(&o))
        .chain(b.difference(&o));
    let merged: BTreeSet<&String> = keep.collect();
    merged.into_iter().map(|l| format!("{l}\n")).collect()
}

/// Who else claims this clone's tag, when its own claim is no longer in
/// the journal (a `git reset`, a switch of branch) while another clone's
/// `git.setup` entry claims it: its next ids could be that clone's.
pub fn tag_taken_by(clone: &GitClone, hashed: &[(String, JournalEntry)]) -> Option<Vec<String>> {
    let (tag, claim) = (clone.tag.as_deref()?, clone.claim.as_deref()?);
    let others: Vec<String> = hashed
        .iter()
        .filter(|(_, e)| setup_tag(e) == Some(tag))
        .map(|(_, e)| e.actor.clone())
        .collect();
    (!others.is_empty() && !hashed.iter().any(|(sha, _)| sha == claim)).then_some(others)
}

/// What `dpo check` warns of in a team's workspace (its `.gitattributes`
/// names the merge driver) inside the git clone `clone`: a clone without
/// the merge driver or without a tag, and a tag two `git.setup` entries
/// claim.
pub fn findings(
    root: &Path,
    clone: Option<&GitClone>,
    hashed: &[(String, JournalEntry)],
) -> Vec<Diagnostic> {
    let (Some(line), Some(clone)) = (git::driver_line(root), clone) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let at = (line, 1);
    if clone.driver.is_none() || clone.head_driver.is_none() {
        out.push(
            Diagnostic::warning_msg(ATTRIBUTES_FILE, at, "", Msg::new("team-check-no-driver"))
                .with_hint_msg(Msg::new("team-check-run-setup")),
        );
    }
    for command in [&clone.driver, &clone.head_driver].into_iter().flatten() {
        let program = driver_program(command);
        if program.contains('/') && !Path::new(&program).exists() {
            out.push(
                Diagnostic::warning_msg(
                    ATTRIBUTES_FILE,
                    at,
                    "",
                    Msg::new("team-check-driver-missing").arg("program", program.as_str()),
                )
                .with_hint_msg(Msg::new("team-check-run-setup")),
            );
            break;
        }
    }
    if clone.tag.is_none() {
        out.push(
            Diagnostic::warning_msg(ATTRIBUTES_FILE, at, "", Msg::new("team-check-no-tag"))
                .with_hint_msg(Msg::new("team-check-run-setup")),
        );
    }
    // This clone's tag claimed by another clone while its own claim is no
    // longer in the journal (a `git reset`, a switch of branch).
    if let Some(tag) = &clone.tag {
        if let Some(others) = tag_taken_by(clone, hashed) {
            out.push(
                Diagnostic::warning_msg(
                    ATTRIBUTES_FILE,
                    at,
                    "",
                    Msg::new("team-check-tag-taken")
                        .arg("tag", tag.as_str())
                        .arg("by", others.join(", ")),
                )
                .with_hint_msg(Msg::new("team-check-run-setup")),
            );
        }
    }
    let mut first: std::collections::BTreeMap<&str, &JournalEntry> = Default::default();
    for (i, (_, e)) in hashed.iter().enumerate() {
        let Some(tag) = setup_tag(e) else { continue };
        match first.get(tag) {
            None => {
                first.insert(tag, e);
            }
            Some(earlier) => out.push(
                Diagnostic::warning_msg(
                    crate::workspace::journal::JOURNAL_FILE,
                    (i + 1, 1),
                    "subject",
                    Msg::new("team-check-tag-twice")
                        .arg("tag", tag)
                        .arg("first", earlier.actor.as_str())
                        .arg("second", e.actor.as_str()),
                )
                .with_hint_msg(Msg::new("team-check-tag-twice-hint")),
            ),
        }
    }
    out
}

/// The program a merge driver's command runs: its first word, as the
/// shell reads it (setup quotes it with single quotes when it must).
fn driver_program(command: &str) -> String {
    let command = command.trim_start();
    let Some(mut rest) = command.strip_prefix('\'') else {
        return command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
    };
    let mut out = String::new();
    while let Some(i) = rest.find('\'') {
        out.push_str(&rest[..i]);
        match rest[i + 1..].strip_prefix("\\''") {
            Some(more) => {
                out.push('\'');
                rest = more;
            }
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// A journal entry for the unit tests, read from JSON as the journal is.
#[cfg(test)]
pub(crate) fn test_entry(
    actor: &str,
    action: &str,
    subject: &str,
    prev: &str,
    merged: &[&str],
) -> JournalEntry {
    let mut v = serde_json::json!({
        "seq": 1, "at": "2026-01-05T09:00:00Z", "actor": actor, "action": action,
        "subject": subject, "payload_sha256": "", "prev_sha256": prev,
    });
    if !merged.is_empty() {
        v["merged"] = serde_json::json!(merged);
    }
    serde_json::from_value(v).expect("an entry")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_of_a_driver_is_its_first_word_as_the_shell_reads_it() {
        let cases = [
            ("/usr/bin/dpo journal merge %O %A %B %P", "/usr/bin/dpo"),
            ("'/home/a b/dpo' journal merge", "/home/a b/dpo"),
            (r"'/x/l'\''a/dpo' git merge-heads", "/x/l'a/dpo"),
            ("dpo journal merge", "dpo"),
        ];
        for (command, program) in cases {
            assert_eq!(driver_program(command), program, "{command}");
            let quoted = git::shell_quoted(program);
            assert_eq!(driver_program(&format!("{quoted} x")), program);
        }
    }

    #[test]
    fn a_tag_is_one_to_four_lowercase_letters() {
        for ok in ["g", "gp", "gpa", "abcd"] {
            assert!(valid_tag(ok), "{ok}");
        }
        for bad in ["", "abcde", "Gp", "g1", "g-p", "é", "gp "] {
            assert!(!valid_tag(bad), "{bad}");
        }
    }

    #[test]
    fn the_default_tag_is_the_initials_of_the_name_folded_to_ascii() {
        let cases = [
            ("Gérald Petiot", "gp"),
            ("Élodie Ürban", "eu"),
            ("Jean-Marc Lévêque", "jml"),
            ("Anne Marie Claire Dupont Durand", "amcd"),
            ("bob", "b"),
            ("42", "x"),
            ("—", "x"),
        ];
        for (name, tag) in cases {
            assert_eq!(initials(name), tag, "{name}");
        }
        assert!(valid_tag(&initials("Œdipe Ça")));
    }

    #[test]
    fn a_claimed_tag_is_made_unique_by_adding_letters() {
        let claimed = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(unique_tag("gp", &claimed(&[])), "gp");
        assert_eq!(unique_tag("gp", &claimed(&["gp"])), "gpa");
        assert_eq!(unique_tag("gp", &claimed(&["gp", "gpa", "gpb"])), "gpc");
        let all3: Vec<String> = std::iter::once("gpz".to_string())
            .chain(('a'..='y').map(|c| format!("gp{c}")))
            .chain(["gp".to_string()])
            .collect();
        let all3: Vec<&str> = all3.iter().map(String::as_str).collect();
        assert_eq!(unique_tag("gp", &claimed(&all3)), "gpaa");
        assert_eq!(unique_tag("abcd", &claimed(&["abcd"])), "aaaa");
        assert_eq!(unique_tag("abcd", &claimed(&["abcd", "aaaa"])), "aaab");
    }

    #[test]
    fn two_claims_of_one_clone_folder_differ() {
        let top = Path::new("/tmp/clone");
        assert_ne!(claim_nonce(top), claim_nonce(top));
        assert_eq!(claim_nonce(top).len(), 16);
    }

    #[test]
    fn a_head_file_line_that_is_no_rank_and_sha256_is_named() {
        let sha = "a".repeat(64);
        assert_eq!(bad_head_line(&format!("4 {sha}\n\n7 {sha}\n")), None);
        assert_eq!(bad_head_line(""), None);
        assert_eq!(bad_head_line("garbage\n"), Some(1));
        assert_eq!(bad_head_line(&format!("4 {sha}\nx {sha}\n")), Some(2));
        assert_eq!(bad_head_line(&format!("4 {}\n", "A".repeat(64))), Some(1));
        assert_eq!(bad_head_line(&format!("4 {sha} extra\n")), Some(1));
    }

    #[test]
    fn the_heads_merge_as_sets_and_a_head_one_side_wrote_after_goes() {
        // Y wrote y2 after y1 while X merged y1 with its x1: git's union
        // would keep y1.
        assert_eq!(
            merge_heads("4 y1\n", "5 y2\n", "4 x1\n4 y1\n"),
            "4 x1\n5 y2\n"
        );
        // Both sides wrote after the ancestor's head: both new heads.
        assert_eq!(merge_heads("3 o\n", "4 a\n", "4 b\n"), "4 a\n4 b\n");
        // One side unchanged: the other's.
        assert_eq!(merge_heads("3 o\n", "3 o\n", "4 b\n"), "4 b\n");
        // The same head on both sides, and no ancestor (a file added on both).
        assert_eq!(merge_heads("", "4 a\n", "4 a\n"), "4 a\n");
        // A joined branch: both list the join's head.
        assert_eq!(
            merge_heads("4 a\n4 b\n", "6 j\n", "4 a\n4 b\n5 c\n"),
            "5 c\n6 j\n"
        );
    }

    #[test]
    fn a_file_is_completed_with_the_lines_it_lacks_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let lines = [
            "journal.jsonl merge=dpo-journal",
            "journal.head merge=union",
        ];
        let first = completed(root, ".gitattributes", &lines).expect("read");
        assert_eq!(
            first.as_deref(),
            Some("journal.jsonl merge=dpo-journal\njournal.head merge=union\n")
        );
        std::fs::write(
            root.join(".gitattributes"),
            "*.pdf binary\njournal.head   merge=union",
        )
        .expect("write");
        let second = completed(root, ".gitattributes", &lines).expect("read");
        assert_eq!(
            second.as_deref(),
            Some("*.pdf binary\njournal.head   merge=union\njournal.jsonl merge=dpo-journal\n")
        );
        std::fs::write(root.join(".gitattributes"), second.expect("text")).expect("write");
        assert_eq!(
            completed(root, ".gitattributes", &lines).expect("read"),
            None
        );
    }

    #[test]
    fn check_warns_of_a_missing_driver_or_tag_and_of_a_tag_claimed_twice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let entry = |_seq: u64, actor: &str, subject: &str| {
            test_entry(actor, SETUP_ACTION, subject, "0", &[])
        };
        let entries: Vec<(String, JournalEntry)> = [
            entry(1, "Gérald Petiot", "tag:gp"),
            entry(2, "Ana Lopez", "tag:al"),
            entry(3, "Guy Perret", "tag:gp"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, e)| (format!("sha{i}"), e))
        .collect();
        let bare = GitClone::default();
        // Not a team's workspace: nothing to say.
        assert!(findings(root, Some(&bare), &entries).is_empty());
        std::fs::write(
            root.join(".gitattributes"),
            "*.pdf binary\njournal.jsonl merge=dpo-journal\n",
        )
        .expect("write");
        // Outside git: nothing either.
        assert!(findings(root, None, &entries).is_empty());
        let found = findings(root, Some(&bare), &entries);
        let ids: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.said
                        .as_ref()
                        .and_then(|s| s.message.as_ref())
                        .map(|m| m.id),
                    d.file.as_str(),
                    d.line,
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                (Some("team-check-no-driver"), ".gitattributes", 2),
                (Some("team-check-no-tag"), ".gitattributes", 2),
                (Some("team-check-tag-twice"), "journal.jsonl", 3),
            ]
        );
        assert!(
            found[2].message.contains("Gérald Petiot") && found[2].message.contains("Guy Perret")
        );
        let set_up = GitClone {
            tag: Some("al".into()),
            driver: Some("dpo journal merge %O %A %B %P".into()),
            head_driver: Some("dpo git merge-heads %O %A %B".into()),
            ..GitClone::default()
        };
        let no_head_driver = GitClone {
            head_driver: None,
            ..set_up.clone()
        };
        assert_eq!(
            findings(root, Some(&no_head_driver), &entries[..2]).len(),
            1
        );
        assert_eq!(findings(root, Some(&set_up), &entries[..2]), Vec::new());
        // Its tag claimed by another clone, its own claim gone (a reset).
        let reset = GitClone {
            tag: Some("gp".into()),
            claim: Some("gone".into()),
            ..set_up.clone()
        };
        let found = findings(root, Some(&reset), &entries[..2]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("Gérald Petiot"),
            "{}",
            found[0].message
        );
        let kept = GitClone {
            claim: Some("sha0".into()),
            ..reset
        };
        assert_eq!(findings(root, Some(&kept), &entries[..2]), Vec::new());
    }
}
