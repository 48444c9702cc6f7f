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

/// A workspace with one note, committed and pushed from the first clone,
/// pulled into the others.
fn shared(people: &[&str]) -> Clones {
    let c = Clones::new(people);
    // As `dpo init` writes it: the lock and the other local files stay out.
    std::fs::write(c.ws(0).join(".gitignore"), super::IGNORED).expect("gitignore");
    c.place
        .dpo(&c.ws(0), "coordinateur-ept")
        .now("2026-03-02 08:30")
        .run(&["journal", "note", "-m", "début"])
        .assert_code(0);
    c.commit(0, "workspace");
    c.push(0);
    for n in 1..people.len() {
        assert!(c.pull(n).success());
    }
    c
}

/// Defect 3: two clones take the same tag and each opens a breach: the
/// driver tells two records under one id (not a concurrent edit), names
/// both sides and never advises to adopt; the advice works: abort, reset,
/// setup again (a new tag, since the other clone claimed this one), the
/// breach made again under the new tag, and the pull merges.
#[test]
fn a_tag_two_clones_use_is_told_and_setup_takes_another_after_a_reset() {
    let c = shared(&["Élodie Ürban", "Emma Urbain"]);
    let elodie = || c.dpo(0, "dpo-adjointe").now("2026-03-02 09:00");
    let emma = || c.dpo(1, "Emma Urbain").now("2026-03-02 09:10");
    for d in [elodie(), emma()] {
        let r = d.run(&["git", "setup"]);
        r.assert_code(0);
        r.assert_stdout_has("`eu`");
    }
    open_breach(elodie(), "2026-03-02 09:05", "Clé USB perdue").assert_code(0);
    open_breach(emma(), "2026-03-02 09:15", "Courriel mal adressé").assert_code(0);
    assert!(c.ws(0).join("breaches/2026-eu-001.yaml").exists());
    assert!(c.ws(1).join("breaches/2026-eu-001.yaml").exists());
    c.commit(0, "elodie");
    c.commit(1, "emma");
    c.push(0);
    let pull = c.pull(1);
    assert!(!pull.success());
    let said = pull.text();
    assert!(said.contains("2026-eu-001"), "{said}");
    assert!(said.contains("a été créé des deux côtés"), "{said}");
    assert!(
        said.contains("l'étiquette `eu` est utilisée par deux copies"),
        "{said}"
    );
    assert!(
        said.contains("Emma Urbain") && said.contains("Élodie Ürban"),
        "{said}"
    );
    assert!(said.contains("git merge --abort"), "{said}");
    assert!(said.contains("dpo git setup --tag"), "{said}");
    assert!(!said.contains("record adopt"), "never adopt: {said}");
    // The advice: abort, drop the commits not pushed, take another tag.
    c.place.ok_git(&c.dirs[1], &["merge", "--abort"]);
    c.place
        .ok_git(&c.dirs[1], &["reset", "-q", "--hard", "origin/main"]);
    let check = emma().run(&["check"]);
    assert!(
        check
            .stdout()
            .contains("l'étiquette `eu` de cette copie est prise par une autre copie")
            && check.stdout().contains("Élodie Ürban"),
        "{}",
        check.stdout()
    );
    // Skipping the setup: no id is made with the other clone's tag.
    let skipped = open_breach(emma(), "2026-03-02 09:18", "Courriel mal adressé");
    skipped.assert_code(2);
    skipped.assert_stderr_has("rien n'a été écrit");
    skipped.assert_stderr_has("lancez `dpo git setup` dans cette copie");
    assert!(!c.ws(1).join("breaches/2026-eu-002.yaml").exists());
    let again = emma().run(&["git", "setup"]);
    again.assert_code(0);
    assert!(
        again.stdout().contains("est prise par une autre copie")
            && again.stdout().contains("`eua`"),
        "{}",
        again.stdout()
    );
    assert_eq!(
        c.place
            .ok_git(&c.dirs[1], &["config", "--local", "dpo.tag"])
            .trim(),
        "eua"
    );
    open_breach(emma(), "2026-03-02 09:20", "Courriel mal adressé").assert_code(0);
    assert!(c.ws(1).join("breaches/2026-eua-001.yaml").exists());
    c.commit(1, "emma again");
    let pull = c.pull(1);
    assert!(pull.success(), "{}", pull.text());
    c.push(1);
    emma().run(&["journal", "verify"]).assert_code(0);
    let check = emma().run(&["check"]);
    check.assert_code(0);
    assert!(
        !check.stdout().contains("prise deux fois"),
        "{}",
        check.stdout()
    );
    // Setup again changes nothing now.
    let same = emma().run(&["git", "setup"]);
    same.assert_code(0);
    same.assert_stdout_has("rien n'a changé");
}

/// Defect 3: a `dpo.tag` that is no tag is refused when an id is made.
#[test]
fn a_stored_tag_that_is_no_tag_is_refused_when_an_id_is_made() {
    let c = shared(&["Gerald Petiot"]);
    let gerald = || c.dpo(0, "coordinateur-ept").now("2026-03-02 09:00");
    gerald().run(&["git", "setup"]).assert_code(0);
    c.place
        .ok_git(&c.dirs[0], &["config", "--local", "dpo.tag", "eu2"]);
    let r = open_breach(gerald(), "2026-03-02 09:05", "Clé USB perdue");
    r.assert_code(2);
    assert!(
        r.stderr().contains("`eu2`") && r.stderr().contains("n'est pas une étiquette"),
        "{}",
        r.stderr()
    );
    assert!(super::ids(&c.ws(0), "breaches").is_empty());
    // Setup replaces it.
    let s = gerald().run(&["git", "setup", "--tag", "gp"]);
    s.assert_code(0);
    open_breach(gerald(), "2026-03-02 09:05", "Clé USB perdue").assert_code(0);
    assert_eq!(super::ids(&c.ws(0), "breaches"), ["2026-gp-001"]);
}

/// Defect 4: in a team's clone, `--id` must carry this clone's tag.
#[test]
fn an_id_given_in_a_team_clone_must_carry_its_tag() {
    let c = shared(&["Gerald Petiot"]);
    let gerald = || c.dpo(0, "coordinateur-ept").now("2026-03-02 09:00");
    gerald().run(&["git", "setup"]).assert_code(0);
    for other in ["2026-vc-009", "2026-005"] {
        let r = gerald().run(&[
            "breach",
            "open",
            "--title",
            "Clé USB perdue",
            "--aware-at",
            "2026-03-02 08:00",
            "--id",
            other,
        ]);
        r.assert_code(2);
        assert!(
            r.stderr().contains(&format!("`{other}`"))
                && r.stderr().contains("l'étiquette `gp` de cette copie")
                && r.stderr().contains("2026-gp-001"),
            "{}",
            r.stderr()
        );
    }
    assert!(super::ids(&c.ws(0), "breaches").is_empty());
    gerald()
        .run(&[
            "breach",
            "open",
            "--title",
            "Clé USB perdue",
            "--aware-at",
            "2026-03-02 08:00",
            "--id",
            "2026-gp-042",
        ])
        .assert_code(0);
    assert_eq!(super::ids(&c.ws(0), "breaches"), ["2026-gp-042"]);
}

/// Defect 5: after a `git reset`, the heads of the last look are not in
/// the journal: `status` says the last look was on another state of the
/// journal, lists nothing (not the whole history), and records the new
/// heads.
#[test]
fn a_last_look_on_another_state_of_the_journal_lists_nothing() {
    let c = shared(&["Gerald Petiot", "Vincent Celma"]);
    let gerald = |at: &str| c.dpo(0, "coordinateur-ept").now(at);
    let vincent = |at: &str| c.dpo(1, "technicien-support").now(at);
    gerald("2026-03-02 09:00")
        .run(&["git", "setup"])
        .assert_code(0);
    c.commit(0, "setup");
    c.push(0);
    assert!(c.pull(1).success());
    vincent("2026-03-02 09:05")
        .run(&["git", "setup"])
        .assert_code(0);
    vincent("2026-03-02 09:06")
        .run(&["status"])
        .assert_no_panic();
    vincent("2026-03-02 09:10")
        .run(&["journal", "note", "-m", "note locale"])
        .assert_code(0);
    vincent("2026-03-02 09:11")
        .run(&["status"])
        .assert_no_panic();
    c.place
        .ok_git(&c.dirs[1], &["reset", "-q", "--hard", "origin/main"]);
    let r = vincent("2026-03-02 09:20").run(&["status"]);
    r.assert_no_panic();
    r.assert_stdout_has("portait sur un autre état du journal");
    assert!(
        !r.stdout().contains("Depuis votre dernier passage"),
        "{}",
        r.stdout()
    );
    assert!(
        !r.stdout().contains("git.setup") && !r.stdout().contains("mise en place"),
        "{}",
        r.stdout()
    );
    // The new heads recorded: the next look is an ordinary one.
    let json = vincent("2026-03-02 09:30")
        .run(&["--json", "status"])
        .json();
    assert_eq!(json["since_last_look"]["other_state"], false, "{json}");
    assert_eq!(json["since_last_look"]["entries"], serde_json::json!([]));
    // What Gerald does next is listed, by time.
    gerald("2026-03-02 10:00")
        .run(&["journal", "note", "-m", "note de Gerald"])
        .assert_code(0);
    c.commit(0, "note");
    c.push(0);
    assert!(c.pull(1).success());
    let json = vincent("2026-03-02 10:30")
        .run(&["--json", "status"])
        .json();
    let listed = json["since_last_look"]["entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(listed.len(), 1, "{json}");
    assert_eq!(listed[0]["actor"], "Gerald Petiot");
}

/// Defect 6: git's octopus strategy runs no merge driver: merging two
/// branches at once fails on the journal, one at a time works (as the
/// README says); a journal left with git's conflict markers (a clone
/// without the driver) is named as such by `journal verify`.
#[test]
fn branches_merge_one_at_a_time_and_conflict_markers_are_named() {
    let c = shared(&["Gerald Petiot", "Vincent Celma"]);
    let dir = &c.dirs[0];
    let gerald = |at: &str| c.dpo(0, "coordinateur-ept").now(at);
    gerald("2026-03-02 09:00")
        .run(&["git", "setup"])
        .assert_code(0);
    c.commit(0, "setup");
    for (n, branch) in ["topic-b", "topic-c"].iter().enumerate() {
        c.place
            .ok_git(dir, &["checkout", "-q", "-b", branch, "main"]);
        gerald(&format!("2026-03-02 09:1{n}"))
            .run(&["journal", "note", "-m", branch])
            .assert_code(0);
        c.commit(0, branch);
    }
    c.place.ok_git(dir, &["checkout", "-q", "main"]);
    let octopus = c
        .place
        .git(dir, &["merge", "--no-edit", "topic-b", "topic-c"]);
    assert!(!octopus.success(), "{}", octopus.text());
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    assert!(readme.contains("Merge **one branch at a time**"));
    let _ = c.place.git(dir, &["merge", "--abort"]);
    c.place.ok_git(dir, &["reset", "-q", "--hard", "HEAD"]);
    for branch in ["topic-b", "topic-c"] {
        c.place.ok_git(dir, &["merge", "-q", "--no-edit", branch]);
        gerald("2026-03-02 09:30")
            .run(&["journal", "verify"])
            .assert_code(0);
    }
    // A clone without the driver: git's conflict markers in the journal.
    c.push(0);
    c.place
        .dpo(&c.ws(1), "technicien-support")
        .now("2026-03-02 09:40")
        .run(&["journal", "note", "-m", "sans pilote"])
        .assert_code(0);
    c.commit(1, "b");
    assert!(!c.pull(1).success());
    let text = std::fs::read_to_string(c.ws(1).join("journal.jsonl")).expect("journal");
    assert!(text.contains("<<<<<<< "), "{text}");
    let r = c
        .place
        .dpo(&c.ws(1), "technicien-support")
        .run(&["journal", "verify"]);
    assert_ne!(r.code(), Some(0));
    assert!(
        r.text().contains("marque de conflit de git") && r.text().contains("dpo git setup"),
        "{}",
        r.text()
    );
}

/// Defect 7: the driver's refusals name the journal by its path in the
/// repository (`%P`), not by git's temporary files.
#[test]
fn the_driver_names_the_journal_by_its_path_in_the_repository() {
    let c = shared(&["Gerald Petiot"]);
    let tmp = c.place.path("git-tmp");
    std::fs::create_dir_all(&tmp).expect("mkdir");
    let journal = std::fs::read_to_string(c.ws(0).join("journal.jsonl")).expect("journal");
    let files = [
        (".merge_file_O", journal.clone()),
        (".merge_file_A", journal.clone()),
        (".merge_file_B", format!("{journal}{{oops\n")),
    ];
    for (name, text) in &files {
        std::fs::write(tmp.join(name), text).expect("write");
    }
    let arg = |n: &str| tmp.join(n).to_string_lossy().into_owned();
    let r = c.dpo(0, "coordinateur-ept").current_dir(&c.dirs[0]).run(&[
        "journal",
        "merge",
        &arg(".merge_file_O"),
        &arg(".merge_file_A"),
        &arg(".merge_file_B"),
        "registers/journal.jsonl",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("registers/journal.jsonl (--theirs)")
            && !r.stderr().contains(".merge_file"),
        "{}",
        r.stderr()
    );
}

/// Defect 7: the refusal of a clone without a tag gives an example id of
/// the record's year, not of the wall clock's.
#[test]
fn the_no_tag_refusal_gives_an_id_of_the_record_s_year() {
    let c = shared(&["Gerald Petiot"]);
    c.dpo(0, "coordinateur-ept")
        .now("2021-03-02 09:00")
        .run(&["git", "setup"])
        .assert_code(0);
    c.place
        .ok_git(&c.dirs[0], &["config", "--local", "--unset", "dpo.tag"]);
    let r = c.dpo(0, "coordinateur-ept").now("2021-03-02 09:10").run(&[
        "breach",
        "open",
        "--title",
        "Clé USB perdue",
        "--aware-at",
        "2021-03-02 08:00",
    ]);
    r.assert_code(2);
    r.assert_stderr_has("2021-ÉTIQUETTE-001");
}

/// Defect 7: `check` warns when the registered driver's program no
/// longer exists; setup again registers the running one.
#[test]
fn check_warns_when_the_driver_s_program_is_gone() {
    let c = shared(&["Gerald Petiot"]);
    let gerald = || c.dpo(0, "coordinateur-ept").now("2026-03-02 09:00");
    gerald().run(&["git", "setup"]).assert_code(0);
    c.place.ok_git(
        &c.dirs[0],
        &[
            "config",
            "--local",
            "merge.dpo-journal.driver",
            "/nonexistent/dpo journal merge %O %A %B %P",
        ],
    );
    let r = gerald().run(&["check"]);
    r.assert_no_panic();
    r.assert_stdout_has("`/nonexistent/dpo`, qui n'existe plus");
    gerald().run(&["git", "setup"]).assert_code(0);
    let r = gerald().run(&["check"]);
    assert!(!r.stdout().contains("n'existe plus"), "{}", r.stdout());
}

/// Defect 7: under `git pull --rebase`, git's sides are swapped; the
/// driver still says "this side" of this clone's person, and that the next
/// step is `git rebase --continue`.
#[test]
fn under_a_rebase_this_side_is_still_this_clone_s() {
    let c = shared(&["Gerald Petiot", "Vincent Celma"]);
    let gerald = |at: &str| c.dpo(0, "coordinateur-ept").now(at);
    let vincent = |at: &str| c.dpo(1, "technicien-support").now(at);
    gerald("2026-03-02 09:00")
        .run(&["git", "setup"])
        .assert_code(0);
    open_breach(
        gerald("2026-03-02 09:01"),
        "2026-03-02 09:01",
        "Rançongiciel",
    )
    .assert_code(0);
    c.commit(0, "breach");
    c.push(0);
    assert!(c.pull(1).success());
    vincent("2026-03-02 09:05")
        .run(&["git", "setup"])
        .assert_code(0);
    c.commit(1, "setup");
    let set = |d: Dpo, text: &str| {
        d.run(&["breach", "set", "2026-gp-001", "nature.description", text])
            .assert_code(0)
    };
    set(gerald("2026-03-02 09:10"), "vu par Gerald");
    set(vincent("2026-03-02 09:12"), "vu par Vincent");
    c.commit(0, "gerald");
    c.commit(1, "vincent");
    c.push(0);
    let r = c
        .place
        .git(&c.dirs[1], &["pull", "-q", "--rebase", "origin", "main"]);
    assert!(!r.success());
    let said = r.text();
    let this_side = said
        .split("de ce côté par ")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(this_side.starts_with("Vincent Celma"), "{said}");
    assert!(said.contains("git rebase --continue"), "{said}");
    let _ = c.place.git(&c.dirs[1], &["rebase", "--abort"]);
}
