//! The defects found by the review of issue 11, each on real git clones:
//! the journal head a document quotes is found by its SHA-256 after merges,
//! clones set up before their first pull of an empty journal still merge, a
//! tag two clones use is told apart from a concurrent edit, `--id` carries
//! the clone's tag, a stale last look lists nothing, octopus merges.

use std::path::PathBuf;

use super::{open_breach, Place};
use crate::support::Dpo;

/// A bare origin and the clones `names` of it, each with its committer;
/// the first holds the workspace (not yet committed).
struct Clones {
    place: Place,
    dirs: Vec<PathBuf>,
}

impl Clones {
    fn new(people: &[&str]) -> Self {
        let place = Place::new();
        place.ok_git(place.tmp.path(), &["init", "-q", "--bare", "origin.git"]);
        let mut dirs = Vec::new();
        for (n, who) in people.iter().enumerate() {
            let name = format!("c{n}");
            place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", &name]);
            let dir = place.path(&name);
            place.identify(&dir, who);
            dirs.push(dir);
        }
        place.workspace("c0/registers");
        Self { place, dirs }
    }

    fn ws(&self, n: usize) -> PathBuf {
        self.dirs[n].join("registers")
    }

    fn dpo(&self, n: usize, actor: &str) -> Dpo {
        self.place.dpo(&self.ws(n), actor)
    }

    fn commit(&self, n: usize, what: &str) {
        self.place.ok_git(&self.dirs[n], &["add", "-A"]);
        self.place
            .ok_git(&self.dirs[n], &["commit", "-q", "-m", what]);
    }

    fn push(&self, n: usize) {
        self.place
            .ok_git(&self.dirs[n], &["push", "-q", "origin", "main"]);
    }

    fn pull(&self, n: usize) -> crate::support::Run {
        self.place.git(
            &self.dirs[n],
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        )
    }
}

/// The README's recipe that finds the journal line a document quotes by
/// its SHA-256, with `sha` in place of `SHA`.
fn readme_recipe(sha: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let line = readme
        .lines()
        .find(|l| l.starts_with("while IFS= read -r l;") && l.contains("journal.jsonl"))
        .expect("the README's recipe");
    line.replace("SHA", sha)
}

/// Defect 1: after a merge, ranks repeat and are no line numbers; the
/// head a document quotes ("entrée de rang N, SHA-256 …") is found in the
/// journal by the README's recipe, by its SHA-256.
#[test]
fn the_head_a_document_quotes_is_found_by_its_hash_after_a_merge() {
    let c = Clones::new(&["Gerald Petiot", "Vincent Celma"]);
    let gerald = || c.dpo(0, "coordinateur-ept").now("2026-03-02 09:00");
    let vincent = || c.dpo(1, "technicien-support").now("2026-03-02 09:10");
    gerald().run(&["git", "setup"]).assert_code(0);
    open_breach(gerald(), "2026-03-02 09:05", "Messagerie").assert_code(0);
    c.commit(0, "a");
    c.push(0);
    assert!(c.pull(1).success());
    vincent().run(&["git", "setup"]).assert_code(0);
    for i in 0..3 {
        vincent()
            .run(&["journal", "note", "-m", &format!("note de Vincent {i}")])
            .assert_code(0);
    }
    c.commit(1, "b");
    c.push(1);
    gerald()
        .run(&["journal", "note", "-m", "note de Gerald"])
        .assert_code(0);
    c.commit(0, "a2");
    let pull = c.pull(0);
    assert!(pull.success(), "{}", pull.text());
    // The next write joins the branches; the report quotes the join.
    gerald()
        .run(&["journal", "note", "-m", "après la fusion"])
        .assert_code(0);
    let report = gerald().run(&["breach", "report", "2026-gp-001", "--format", "md"]);
    report.assert_code(0);
    let md = report.stdout();
    let quoted = md
        .split("Journal du sous-traitant\u{202f}: entrée de rang ")
        .nth(1)
        .unwrap_or_else(|| panic!("the head quoted: {md}"));
    let rank: usize = quoted
        .split(',')
        .next()
        .and_then(|n| n.trim().parse().ok())
        .expect("a rank");
    let sha = quoted.split('`').nth(1).expect("a SHA-256").to_string();
    assert_eq!(sha.len(), 64, "{md}");
    assert!(!md.contains("entrée n°"), "{md}");
    let lines = super::journal_lines(&c.ws(0));
    let found = std::process::Command::new("sh")
        .arg("-c")
        .arg(readme_recipe(&sha))
        .current_dir(c.ws(0))
        .output()
        .expect("sh");
    let found = String::from_utf8_lossy(&found.stdout).trim().to_string();
    let at: usize = found.parse().expect("one line number");
    assert_eq!(at, lines.len(), "the last line, the join");
    assert_ne!(at, rank, "a rank is no line number after a merge");
    let line = &lines[at - 1];
    assert_eq!(dpo::hashing::sha256_hex(line.as_bytes()), sha);
    // Another hash: nothing found.
    let none = std::process::Command::new("sh")
        .arg("-c")
        .arg(readme_recipe(&"0".repeat(64)))
        .current_dir(c.ws(0))
        .output()
        .expect("sh");
    assert_eq!(String::from_utf8_lossy(&none.stdout), "");
}

/// Defect 2: a workspace with no journal yet, pushed; two clones each run
/// `dpo git setup` (and open a breach) before their first pull: each
/// journal starts a history of its own, and the pull merges them with no
/// conflict; verify and check pass, and the next write joins them.
#[test]
fn clones_set_up_before_their_first_pull_of_an_empty_journal_merge() {
    let c = Clones::new(&["Gerald Petiot", "Vincent Celma"]);
    assert!(!c.ws(0).join("journal.jsonl").exists());
    c.commit(0, "workspace");
    c.push(0);
    assert!(c.pull(1).success());
    let gerald = || c.dpo(0, "coordinateur-ept").now("2026-03-02 09:00");
    let vincent = || c.dpo(1, "technicien-support").now("2026-03-02 09:10");
    gerald().run(&["git", "setup"]).assert_code(0);
    vincent().run(&["git", "setup"]).assert_code(0);
    open_breach(vincent(), "2026-03-02 09:15", "Poste volé").assert_code(0);
    c.commit(0, "setup a");
    c.commit(1, "setup b");
    c.push(0);
    let a_lines = super::journal_lines(&c.ws(0));
    let b_lines = super::journal_lines(&c.ws(1));
    let pull = c.pull(1);
    assert!(pull.success(), "{}", pull.text());
    assert_eq!(c.place.ok_git(&c.dirs[1], &["status", "--porcelain"]), "");
    let merged = super::journal_lines(&c.ws(1));
    for l in a_lines.iter().chain(&b_lines) {
        assert!(merged.contains(l), "every entry kept: {l}");
    }
    assert_eq!(merged.len(), a_lines.len() + b_lines.len());
    vincent().run(&["journal", "verify"]).assert_code(0);
    vincent().run(&["check"]).assert_code(0);
    // The next write joins the two histories.
    vincent()
        .run(&["journal", "note", "-m", "après la fusion"])
        .assert_code(0);
    let after = super::journal_lines(&c.ws(1));
    assert!(after[after.len() - 2].contains("\"action\":\"journal.merge\""));
    let v = vincent().run(&["journal", "verify"]);
    v.assert_code(0);
    assert!(!v.stdout().contains("branches"), "{}", v.stdout());
    c.commit(1, "joined");
    c.push(1);
    let back = c.pull(0);
    assert!(back.success(), "{}", back.text());
    gerald().run(&["journal", "verify"]).assert_code(0);
    gerald().run(&["check"]).assert_code(0);
}
