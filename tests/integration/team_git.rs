//! A DPO team sharing the workspace in git (issue 11), on real git
//! repositories made in a temporary folder with a git configuration of their
//! own: `dpo git setup` and `dpo init` in a clone, record ids carrying the
//! clone's tag, `check`'s warnings, `status` since the last look, and three
//! clones that open breaches, log requests and write notes, then pull and
//! push in a seeded random order — the journal merged by `dpo journal merge`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::breach::call_mme_martin;
use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::run;
use crate::support::{copy_dir, fixture, Dpo, Run};

/// The lines `dpo git setup` puts in the workspace's `.gitattributes`.
const ATTRIBUTES: &str = "journal.jsonl merge=dpo-journal\njournal.head merge=dpo-journal-head\n";
/// What it adds to its `.gitignore`.
const IGNORED: &str = ".dpo.lock\n.dpo.pending\n.dpo-tmp-*\n.dpo.seen\n";
/// A third named person of `people.yaml`, for the third clone.
const DEPUTY: &str = "  - id: dpo-adjointe
    name: Élodie Ürban
    role: déléguée adjointe à la protection des données
    organisation: EPT Grand-Orly Seine Bièvre
    controllers: [juvisy-sur-orge]
    confidentiality_commitment: 2021-02-01
    last_training: 2021-02-01
";

/// A temporary folder whose git has a configuration of its own (no
/// system or user file is read), with a home folder for git and dpo.
struct Place {
    tmp: tempfile::TempDir,
}

impl Place {
    fn new() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(tmp.path().join("home")).expect("home");
        std::fs::write(
            tmp.path().join("home/gitconfig"),
            "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
        )
        .expect("git config");
        Self { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// The environment of git, for git and for the dpo that runs it.
    fn git_env(&self, cmd: &mut Command) {
        cmd.env("HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.path("home/gitconfig"))
            .env("LC_ALL", "C");
        for k in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_CEILING_DIRECTORIES",
        ] {
            cmd.env_remove(k);
        }
    }

    /// `git -C dir args…`.
    fn git(&self, dir: &Path, args: &[&str]) -> Run {
        let mut cmd = Command::new("git");
        self.git_env(&mut cmd);
        run(cmd.arg("-C").arg(dir).args(args))
    }

    /// `git -C dir args…`, which must succeed; its standard output.
    fn ok_git(&self, dir: &Path, args: &[&str]) -> String {
        let r = self.git(dir, args);
        assert!(
            r.success(),
            "git {args:?} in {}: {}",
            dir.display(),
            r.text()
        );
        r.stdout()
    }

    /// A new repository `name` with a committer.
    fn repo(&self, name: &str, who: &str) -> PathBuf {
        let dir = self.path(name);
        self.ok_git(self.tmp.path(), &["init", "-q", name]);
        self.identify(&dir, who);
        dir
    }

    /// The clone's committer.
    fn identify(&self, dir: &Path, who: &str) {
        self.ok_git(dir, &["config", "user.name", who]);
        self.ok_git(
            dir,
            &["config", "user.email", "dpo@grandorlyseinebievre.fr"],
        );
    }

    /// `dpo` on the workspace `ws`, acting as `actor` (a `people.yaml` id
    /// or a name), its git configured as the tests' git.
    fn dpo(&self, ws: &Path, actor: &str) -> Dpo {
        let mut dpo = Dpo::new(ws)
            .home(&self.path("home"))
            .current_dir(self.tmp.path())
            .env("DPO_ACTOR", actor)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.path("home/gitconfig"));
        for k in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] {
            dpo = dpo.env_remove(k);
        }
        dpo
    }

    /// A copy of `tests/fixtures/juvisy-workspace` at `rel`, with the
    /// city's contacts for requests and notices, and a third named person.
    fn workspace(&self, rel: &str) -> PathBuf {
        let ws = self.path(rel);
        copy_dir(&fixture("juvisy-workspace"), &ws);
        copy_dir(&fixture("request-notice-contacts"), &ws);
        let people = ws.join("people.yaml");
        let text = std::fs::read_to_string(&people).expect("people");
        std::fs::write(&people, format!("{text}{DEPUTY}")).expect("people");
        ws
    }
}

/// The lines of the journal of the workspace `ws`.
fn journal_lines(ws: &Path) -> Vec<String> {
    std::fs::read_to_string(ws.join("journal.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The journal's entries as `journal show --json` gives them.
fn entries(place: &Place, ws: &Path) -> Vec<serde_json::Value> {
    let r = place
        .dpo(ws, "coordinateur-ept")
        .run(&["--json", "journal", "show"]);
    r.assert_code(0);
    r.json().as_array().cloned().unwrap_or_default()
}

/// The record files of the folder `dir` of `ws`, without `.yaml`.
fn ids(ws: &Path, dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(ws.join(dir))
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.strip_suffix(".yaml").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// `instruction log` of an instruction of the DGS, for Juvisy-sur-Orge.
fn instruction() -> Vec<&'static str> {
    vec![
        "--now",
        "2021-03-03 09:00",
        "instruction",
        "log",
        "--controller",
        "juvisy-sur-orge",
        "--from",
        "DGS",
        "--at",
        "2021-03-03 08:00",
        "--summary",
        "Purger les comptes des agents partis",
        "--reference",
        "courriel du 3 mars 2021",
    ]
}

/// `subprocessor change siim94` with its address and contract: one written
/// notice for the city.
fn subprocessor_change(address: &str) -> Vec<&str> {
    vec![
        "--now",
        "2021-03-01 10:00",
        "subprocessor",
        "change",
        "siim94",
        "--address",
        address,
        "--contact-email",
        "contact@siim94.example",
        "--contract-start",
        "2021-02-01",
        "--contract-end",
        "2021-07-31",
    ]
}

/// `breach open` of a breach known since 08:00, at `now`.
fn open_breach(dpo: Dpo, now: &str, title: &str) -> Run {
    dpo.run(&[
        "--now",
        now,
        "breach",
        "open",
        "--title",
        title,
        "--aware-at",
        "2026-03-02 08:00",
    ])
}

#[test]
fn git_setup_outside_a_git_work_tree_is_refused_and_writes_nothing() {
    let place = Place::new();
    let ws = place.workspace("registers");
    let r = place.dpo(&ws, "coordinateur-ept").run(&["git", "setup"]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("n'est pas dans une copie de travail git")
            && r.stderr().contains("rien n'a été écrit"),
        "{}",
        r.stderr()
    );
    assert!(!ws.join(".gitattributes").exists());
    assert!(!ws.join("journal.jsonl").exists());
    let en = place
        .dpo(&ws, "coordinateur-ept")
        .english()
        .run(&["git", "setup"]);
    en.assert_code(2);
    en.assert_stderr_has("is not inside a git work tree");
}

#[test]
fn the_head_file_driver_refuses_a_line_that_is_no_head_and_leaves_ours_as_it_was() {
    let place = Place::new();
    let ws = place.workspace("registers");
    let sha = "0123456789abcdef".repeat(4);
    let (base, ours, theirs) = (ws.join("o.head"), ws.join("a.head"), ws.join("b.head"));
    std::fs::write(&base, format!("3 {sha}\n")).expect("base");
    std::fs::write(&ours, "garbage\n").expect("ours");
    std::fs::write(&theirs, format!("4 {sha}\n")).expect("theirs");
    let files = [&base, &ours, &theirs].map(|p| p.display().to_string());
    let mut args = vec!["git", "merge-heads"];
    args.extend(files.iter().map(String::as_str));
    let r = place.dpo(&ws, "coordinateur-ept").run(&args);
    r.assert_code(2);
    assert!(
        r.stderr().contains("à la ligne 1") && r.stderr().contains("rien n'a été fusionné"),
        "{}",
        r.stderr()
    );
    assert_eq!(std::fs::read_to_string(&ours).expect("ours"), "garbage\n");
}

#[test]
fn git_setup_writes_the_attributes_the_driver_and_the_tag_then_changes_nothing() {
    let place = Place::new();
    let repo = place.repo("repo", "Gerald Petiot");
    let ws = place.workspace("repo/registers");
    std::fs::write(ws.join(".gitignore"), "*.pdf").expect("gitignore");
    let r = place.dpo(&ws, "coordinateur-ept").run(&["git", "setup"]);
    r.assert_code(0);
    r.assert_stdout_has("étiquette `gp`");
    assert!(
        r.stdout().contains("2026-gp-001") || r.stdout().contains("-gp-001"),
        "{}",
        r.stdout()
    );
    assert_eq!(
        std::fs::read_to_string(ws.join(".gitattributes")).expect("read"),
        ATTRIBUTES
    );
    assert_eq!(
        std::fs::read_to_string(ws.join(".gitignore")).expect("read"),
        format!("*.pdf\n{IGNORED}")
    );
    // git itself reads them so.
    let attr = place.ok_git(
        &ws,
        &["check-attr", "merge", "journal.jsonl", "journal.head"],
    );
    assert_eq!(
        attr,
        "journal.jsonl: merge: dpo-journal\njournal.head: merge: dpo-journal-head\n"
    );
    assert_eq!(
        place.ok_git(&repo, &["config", "--local", "dpo.tag"]),
        "gp\n"
    );
    let bin = Path::new(crate::support::dpo::BIN)
        .canonicalize()
        .expect("binary");
    assert_eq!(
        place.ok_git(&repo, &["config", "--local", "merge.dpo-journal.driver"]),
        format!("{} journal merge %O %A %B %P\n", bin.display())
    );
    assert_eq!(
        place.ok_git(
            &repo,
            &["config", "--local", "merge.dpo-journal-head.driver"]
        ),
        format!("{} git merge-heads %O %A %B\n", bin.display())
    );
    assert!(!place
        .ok_git(&repo, &["config", "--local", "merge.dpo-journal.name"])
        .trim()
        .is_empty());
    let last = entries(&place, &ws).pop().expect("an entry");
    assert_eq!(last["action"], "git.setup");
    assert_eq!(last["subject"], "tag:gp");
    assert_eq!(last["actor"], "Gerald Petiot");
    // The local files are ignored by git.
    for local in [".dpo.lock", ".dpo.seen", ".dpo-tmp-1"] {
        std::fs::write(ws.join(local), "").expect("write");
    }
    let status = place.ok_git(&repo, &["status", "--porcelain", "--untracked-files=all"]);
    assert!(
        !status.contains(".dpo.lock")
            && !status.contains(".dpo.seen")
            && !status.contains(".dpo-tmp-1"),
        "{status}"
    );
    // Again: nothing changes.
    let journal = std::fs::read(ws.join("journal.jsonl")).expect("journal");
    let again = place.dpo(&ws, "coordinateur-ept").run(&["git", "setup"]);
    again.assert_code(0);
    again.assert_stdout_has("rien n'a changé");
    assert_eq!(
        std::fs::read(ws.join("journal.jsonl")).expect("journal"),
        journal
    );
    assert_eq!(
        std::fs::read_to_string(ws.join(".gitattributes")).expect("read"),
        ATTRIBUTES
    );
    // A clone keeps its tag.
    let other = place
        .dpo(&ws, "coordinateur-ept")
        .run(&["git", "setup", "--tag", "xy"]);
    other.assert_code(2);
    other.assert_stderr_has("déjà `gp`");
    assert_eq!(
        std::fs::read(ws.join("journal.jsonl")).expect("journal"),
        journal
    );
}

#[test]
fn a_tag_claimed_elsewhere_is_refused_and_the_default_one_is_made_unique() {
    let place = Place::new();
    let repo = place.repo("repo", "Gerald Petiot");
    let ws = place.workspace("repo/registers");
    place
        .dpo(&ws, "coordinateur-ept")
        .run(&["git", "setup"])
        .assert_code(0);
    // Another clone of the same journal: the tag is claimed by the setup
    // journaled, or by the ids of records.
    place.ok_git(&repo, &["config", "--unset", "dpo.tag"]);
    place.ok_git(&repo, &["config", "--unset", "dpo.tagclaim"]);
    std::fs::create_dir_all(ws.join("requests")).expect("mkdir");
    std::fs::write(ws.join("requests/2021-vc-004.yaml"), "").expect("write");
    for (tag, says) in [
        ("gp", "déjà prise"),
        ("vc", "déjà prise"),
        ("ABC", "n'est pas une étiquette"),
        ("abcde", "n'est pas une étiquette"),
    ] {
        let r = place
            .dpo(&ws, "coordinateur-ept")
            .run(&["git", "setup", "--tag", tag]);
        r.assert_code(2);
        assert!(r.stderr().contains(says), "{tag}: {}", r.stderr());
    }
    let r = place.dpo(&ws, "coordinateur-ept").run(&["git", "setup"]);
    r.assert_code(0);
    r.assert_stdout_has("étiquette `gpa`");
    assert_eq!(place.ok_git(&repo, &["config", "dpo.tag"]), "gpa\n");
    let claims: Vec<String> = entries(&place, &ws)
        .iter()
        .filter(|e| e["action"] == "git.setup")
        .map(|e| e["subject"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(claims, ["tag:gp", "tag:gpa"]);
    // A free tag asked for is taken.
    place.ok_git(&repo, &["config", "--unset", "dpo.tag"]);
    let r = place
        .dpo(&ws, "coordinateur-ept")
        .run(&["git", "setup", "--tag", "dpo"]);
    r.assert_code(0);
    assert_eq!(place.ok_git(&repo, &["config", "dpo.tag"]), "dpo\n");
}

#[test]
fn record_ids_carry_the_clone_tag_and_a_team_clone_without_one_numbers_nothing() {
    let place = Place::new();
    let repo = place.repo("repo", "Gerald Petiot");
    let ws = place.workspace("repo/registers");
    let dpo = || place.dpo(&ws, "coordinateur-ept");
    dpo().run(&["git", "setup"]).assert_code(0);
    let r = open_breach(dpo(), "2026-03-02 10:00", "Rançongiciel");
    r.assert_code(0);
    r.assert_stdout_has("violation 2026-gp-001 ouverte");
    open_breach(dpo(), "2026-03-02 10:05", "Perte d'un portable").assert_code(0);
    dpo()
        .run(&access_request("2021-03-26 09:15", "Accès"))
        .assert_code(0);
    dpo().run(&instruction()).assert_code(0);
    dpo()
        .run(&subprocessor_change("2 rue de l'Exemple, 94000 Créteil"))
        .assert_code(0);
    assert_eq!(ids(&ws, "breaches"), ["2026-gp-001", "2026-gp-002"]);
    assert_eq!(ids(&ws, "requests"), ["2021-gp-001"]);
    assert_eq!(ids(&ws, "instructions"), ["2021-gp-001"]);
    assert_eq!(ids(&ws, "subprocessor-notices"), ["2021-gp-001"]);
    // The ids read back everywhere: show, list, status, check.
    dpo().run(&["breach", "show", "2026-gp-002"]).assert_code(0);
    let status = dpo().run(&["--now", "2026-03-02 11:00", "status"]);
    assert!(
        status.stdout().contains("2026-gp-001") && status.stdout().contains("2021-gp-001"),
        "{}",
        status.stdout()
    );
    dpo().run(&["check"]).assert_code(0);
    // Without a tag, a team's clone numbers nothing.
    place.ok_git(&repo, &["config", "--unset", "dpo.tag"]);
    for args in [
        vec![
            "--now",
            "2026-03-02 11:00",
            "breach",
            "open",
            "--title",
            "T",
            "--aware-at",
            "2026-03-02 10:00",
        ],
        access_request("2021-03-26 09:20", "Accès 2"),
        instruction(),
        subprocessor_change("3 rue de l'Exemple, 94000 Créteil"),
    ] {
        let r = dpo().run(&args);
        r.assert_code(2);
        assert!(
            r.stderr()
                .contains("cette copie n'a pas d'étiquette\u{202f}: lancez `dpo git setup`"),
            "{args:?}: {}",
            r.stderr()
        );
    }
    let en = open_breach(dpo().english(), "2026-03-02 11:00", "T");
    en.assert_code(2);
    assert!(
        en.stderr()
            .contains("this clone has no tag: run `dpo git setup`"),
        "{}",
        en.stderr()
    );
    assert_eq!(ids(&ws, "breaches"), ["2026-gp-001", "2026-gp-002"]);
    assert_eq!(ids(&ws, "requests"), ["2021-gp-001"]);
    assert_eq!(ids(&ws, "instructions"), ["2021-gp-001"]);
    assert_eq!(ids(&ws, "subprocessor-notices"), ["2021-gp-001"]);
    // Nothing half done: the register is as the tagged change left it.
    let register = std::fs::read_to_string(ws.join("subprocessors.yaml")).expect("register");
    assert!(
        register.contains("2 rue de l'Exemple") && !register.contains("3 rue de l'Exemple"),
        "{register}"
    );
    // `check` says so, as a warning.
    let check = dpo().run(&["check"]);
    check.assert_code(0);
    assert!(
        check.stdout().contains(".gitattributes:1:1")
            && check.stdout().contains("cette copie n'a pas d'étiquette"),
        "{}",
        check.stdout()
    );
}

#[test]
fn init_inside_git_sets_the_clone_up_and_outside_git_writes_the_attributes_anyway() {
    let place = Place::new();
    let repo = place.repo("repo", "Élodie Ürban");
    let inside = repo.join("reg");
    let r = place
        .dpo(&inside, "Élodie Ürban")
        .run(&["init", inside.to_str().expect("path")]);
    r.assert_code(0);
    r.assert_stdout_has("étiquette `eu`");
    assert_eq!(place.ok_git(&repo, &["config", "dpo.tag"]), "eu\n");
    assert!(place
        .git(&repo, &["config", "merge.dpo-journal.driver"])
        .success());
    assert_eq!(
        std::fs::read_to_string(inside.join(".gitattributes")).expect("read"),
        ATTRIBUTES
    );
    assert_eq!(
        std::fs::read_to_string(inside.join(".gitignore")).expect("read"),
        IGNORED
    );
    let actions: Vec<String> = entries(&place, &inside)
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["action"].as_str().unwrap_or_default(),
                e["subject"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(actions, ["workspace.init .", "git.setup tag:eu"]);
    let opened = place.dpo(&inside, "Élodie Ürban").run(&[
        "--now",
        "2026-03-02 10:00",
        "breach",
        "open",
        "--title",
        "T",
        "--aware-at",
        "2026-03-02 09:00",
        "--controller",
        "exemple-ville",
    ]);
    opened.assert_code(0);
    assert_eq!(ids(&inside, "breaches"), ["2026-eu-001"]);

    let outside = place.path("solo");
    let r = place
        .dpo(&outside, "Élodie Ürban")
        .run(&["init", outside.to_str().expect("path")]);
    r.assert_code(0);
    assert!(
        r.stdout()
            .contains("lancez `dpo git setup` dans chaque copie"),
        "{}",
        r.stdout()
    );
    assert_eq!(
        std::fs::read_to_string(outside.join(".gitattributes")).expect("read"),
        ATTRIBUTES
    );
    // Outside git there is no clone: ids as they always were.
    place
        .dpo(&outside, "Élodie Ürban")
        .run(&[
            "--now",
            "2026-03-02 10:00",
            "breach",
            "open",
            "--title",
            "T",
            "--aware-at",
            "2026-03-02 09:00",
            "--controller",
            "exemple-ville",
        ])
        .assert_code(0);
    assert_eq!(ids(&outside, "breaches"), ["2026-001"]);
    place
        .dpo(&outside, "Élodie Ürban")
        .run(&["check"])
        .assert_code(0);
}

#[test]
fn check_warns_of_a_clone_without_merge_driver_until_it_is_set_up_again() {
    let place = Place::new();
    let repo = place.repo("repo", "Gerald Petiot");
    // `dpo init`'s example workspace passes `check --strict`.
    let ws = repo.join("registers");
    let dpo = || place.dpo(&ws, "Gerald Petiot");
    dpo()
        .run(&["init", ws.to_str().expect("path")])
        .assert_code(0);
    let quiet = dpo().run(&["check", "--strict"]);
    quiet.assert_code(0);
    assert!(
        !quiet.stdout().contains("dpo git setup"),
        "{}",
        quiet.stdout()
    );
    place.ok_git(&repo, &["config", "--unset", "merge.dpo-journal.driver"]);
    let r = dpo().run(&["check"]);
    r.assert_code(0);
    assert!(
        r.stdout().contains(".gitattributes:1:1")
            && r.stdout()
                .contains("pas de pilote de fusion pour le journal")
            && r.stdout()
                .contains("lancez `dpo git setup` dans cette copie"),
        "{}",
        r.stdout()
    );
    dpo().run(&["check", "--strict"]).assert_code(1);
    // Set up again: the driver only, nothing journaled.
    let journal = std::fs::read(ws.join("journal.jsonl")).expect("journal");
    let again = dpo().run(&["git", "setup"]);
    again.assert_code(0);
    again.assert_stdout_has("pilote de fusion");
    assert_eq!(
        std::fs::read(ws.join("journal.jsonl")).expect("journal"),
        journal
    );
    dpo().run(&["check", "--strict"]).assert_code(0);
    // No tag: a warning too.
    place.ok_git(&repo, &["config", "--unset", "dpo.tag"]);
    let r = dpo().run(&["check", "--strict"]);
    r.assert_code(1);
    r.assert_stdout_has("cette copie n'a pas d'étiquette");
}

#[test]
fn status_lists_what_the_others_did_since_the_last_look() {
    let place = Place::new();
    let repo = place.repo("repo", "Gerald Petiot");
    let ws = place.workspace("repo/registers");
    let as_ = |who: &str| place.dpo(&ws, who);
    as_("coordinateur-ept")
        .run(&["git", "setup"])
        .assert_code(0);
    let now = "2026-03-02 12:00";
    // The first look lists nothing, and records what it saw.
    let first = as_("coordinateur-ept").run(&["--now", now, "status"]);
    assert!(
        !first.stdout().contains("Depuis votre dernier passage"),
        "{}",
        first.stdout()
    );
    assert!(ws.join(".dpo.seen").exists());
    assert_eq!(
        place.ok_git(
            &repo,
            &[
                "status",
                "--porcelain",
                "--ignored=no",
                "registers/.dpo.seen"
            ]
        ),
        ""
    );
    // Vincent works; Gerald writes a note of his own.
    open_breach(
        as_("technicien-support"),
        "2026-03-02 10:00",
        "Fuite de courriels",
    )
    .assert_code(0);
    as_("technicien-support")
        .run(&access_request("2021-03-26 09:15", "Accès"))
        .assert_code(0);
    as_("technicien-support")
        .run(&[
            "--now",
            now,
            "journal",
            "note",
            "-m",
            "Appel du maire\nà rappeler",
        ])
        .assert_code(0);
    as_("coordinateur-ept")
        .run(&["--now", now, "journal", "note", "-m", "Ma propre note"])
        .assert_code(0);
    let r = as_("coordinateur-ept").run(&["--now", now, "status"]);
    let out = r.stdout();
    let lines: Vec<&str> = out.lines().collect();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle));
    let section = at("Depuis votre dernier passage (2 mars 2026 à 12:00 (UTC+01:00))\u{202f}:")
        .unwrap_or_else(|| panic!("{out}"));
    let breach = at("[bientôt dû] 2026-gp-001").unwrap_or_else(|| panic!("{out}"));
    let after = lines[section + 1..]
        .iter()
        .position(|l| l.starts_with('['))
        .map(|p| p + section + 1);
    assert!(breach < section, "after the urgent breaches: {out}");
    assert!(after.is_some(), "before the other duties: {out}");
    let listed = &lines[section + 1..after.unwrap_or(lines.len())].join("\n");
    assert!(
        listed.contains("Vincent Celma\u{202f}: ouverture d'une violation — 2026-gp-001"),
        "{listed}"
    );
    assert!(
        listed.contains(
            "Vincent Celma\u{202f}: demande d'exercice de droits consignée — 2021-gp-001"
        ),
        "{listed}"
    );
    assert!(
        listed.contains("«\u{202f}Appel du maire\u{202f}»"),
        "{listed}"
    );
    assert!(
        !listed.contains("Ma propre note") && !listed.contains("Gerald Petiot"),
        "{listed}"
    );
    assert!(listed.contains("(UTC+01:00)"), "{listed}");
    // Looked at: nothing new next time.
    let again = as_("coordinateur-ept").run(&["--now", now, "status"]);
    assert!(
        !again.stdout().contains("Depuis votre dernier passage"),
        "{}",
        again.stdout()
    );
    // --json and English.
    as_("secteur-reseau-free-name")
        .run(&["--now", now, "journal", "note", "-m", "Vu"])
        .assert_code(0);
    let json = as_("coordinateur-ept")
        .run(&["--json", "--now", now, "status"])
        .json();
    let look = &json["since_last_look"];
    assert_eq!(look["since"], "2026-03-02T11:00:00Z");
    let got: Vec<(String, String)> = look["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap_or_default().into(),
                e["what"].as_str().unwrap_or_default().into(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(
            "secteur-reseau-free-name".to_string(),
            "note\u{202f}: «\u{202f}Vu\u{202f}»".to_string()
        )]
    );
    as_("technicien-support")
        .run(&["--now", now, "journal", "note", "-m", "Seen"])
        .assert_code(0);
    let en = as_("coordinateur-ept")
        .english()
        .run(&["--now", now, "status"]);
    en.assert_stdout_has("Since your last look (");
    en.assert_stdout_has("Vincent Celma: note: “Seen”");
}

/// The everyday case git's `union` merge of `journal.head` gets wrong: Y
/// writes again while X merges Y's previous entry with its own, then Y
/// pulls. The head file must list the merged journal's heads — not Y's old
/// one, which Y wrote after.
#[test]
fn a_clone_that_wrote_while_another_merged_pulls_to_the_right_heads() {
    let place = Place::new();
    place.ok_git(place.tmp.path(), &["init", "-q", "--bare", "origin.git"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "x"]);
    let (x, y) = (place.path("x"), place.path("y"));
    place.identify(&x, "Gerald Petiot");
    let ws_x = x.join("registers");
    place
        .dpo(&ws_x, "Gerald Petiot")
        .run(&["init", ws_x.to_str().expect("path")])
        .assert_code(0);
    let commit = |dir: &Path, m: &str| {
        place.ok_git(dir, &["add", "-A"]);
        place.ok_git(dir, &["commit", "-q", "-m", m]);
    };
    let pull = |dir: &Path| {
        let r = place.git(
            dir,
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        );
        assert!(r.success(), "{}", r.text());
    };
    commit(&x, "init");
    place.ok_git(&x, &["push", "-q", "origin", "main"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "y"]);
    place.identify(&y, "Vincent Celma");
    let ws_y = y.join("registers");
    let note = |ws: &Path, who: &str, m: &str| {
        place
            .dpo(ws, who)
            .run(&["journal", "note", "-m", m])
            .assert_code(0);
    };
    place
        .dpo(&ws_y, "Vincent Celma")
        .run(&["git", "setup"])
        .assert_code(0);
    commit(&y, "setup");
    place.ok_git(&y, &["push", "-q", "origin", "main"]);
    pull(&x);
    note(&ws_x, "Gerald Petiot", "x1");
    commit(&x, "x1");
    note(&ws_y, "Vincent Celma", "y1");
    commit(&y, "y1");
    place.ok_git(&y, &["push", "-q", "origin", "main"]);
    pull(&x);
    place.ok_git(&x, &["push", "-q", "origin", "main"]);
    note(&ws_y, "Vincent Celma", "y2");
    commit(&y, "y2");
    pull(&y);
    let verify = place
        .dpo(&ws_y, "Vincent Celma")
        .run(&["journal", "verify"]);
    verify.assert_code(0);
    let heads = std::fs::read_to_string(ws_y.join("journal.head")).expect("heads");
    assert_eq!(heads.lines().count(), 2, "x1 and y2: {heads}");
    assert_eq!(place.ok_git(&y, &["status", "--porcelain"]), "");
    // The next write joins them; X pulls it.
    note(&ws_y, "Vincent Celma", "y3");
    commit(&y, "y3");
    place.ok_git(&y, &["push", "-q", "origin", "main"]);
    pull(&x);
    place
        .dpo(&ws_x, "Gerald Petiot")
        .run(&["journal", "verify"])
        .assert_code(0);
    let heads = std::fs::read_to_string(ws_x.join("journal.head")).expect("heads");
    assert_eq!(heads.lines().count(), 1, "{heads}");
}

/// A small seeded generator (xorshift64*): the same seed, the same order.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// One member of the team: a clone, a person of `people.yaml`, a tag.
struct Member {
    dir: PathBuf,
    id: &'static str,
    name: &'static str,
    tag: &'static str,
    done: usize,
}

/// Three clones of one origin, each set up by its person.
struct Team {
    place: Place,
    members: Vec<Member>,
    /// Minutes past 09:00 of the next command's clock.
    minute: u32,
    /// Every journal line any clone wrote.
    made: BTreeSet<String>,
}

impl Team {
    fn new() -> Self {
        let place = Place::new();
        place.ok_git(place.tmp.path(), &["init", "-q", "--bare", "origin.git"]);
        let people = [
            ("coordinateur-ept", "Gerald Petiot", "gp"),
            ("technicien-support", "Vincent Celma", "vc"),
            ("dpo-adjointe", "Élodie Ürban", "eu"),
        ];
        let mut team = Team {
            place,
            members: Vec::new(),
            minute: 0,
            made: BTreeSet::new(),
        };
        for (n, (id, name, tag)) in people.into_iter().enumerate() {
            let clone = format!("clone-{tag}");
            team.place.ok_git(
                team.place.tmp.path(),
                &["clone", "-q", "origin.git", &clone],
            );
            let dir = team.place.path(&clone);
            team.place.identify(&dir, name);
            if n == 0 {
                team.place.workspace(&format!("{clone}/registers"));
            }
            team.members.push(Member {
                dir,
                id,
                name,
                tag,
                done: 0,
            });
            let setup = team.dpo(n).run(&["git", "setup"]);
            setup.assert_code(0);
            assert!(
                setup.stdout().contains(&format!("`{tag}`")),
                "{}",
                setup.stdout()
            );
            // The first look: what follows is the others'.
            team.dpo(n).run(&["status"]).assert_no_panic();
            team.commit(n, "dpo git setup");
            if n == 0 {
                team.place
                    .ok_git(&team.members[0].dir, &["push", "-q", "origin", "main"]);
            }
        }
        team
    }

    fn ws(&self, n: usize) -> PathBuf {
        self.members[n].dir.join("registers")
    }

    /// `dpo` in clone `n`, as its person, one minute after the last command.
    fn dpo(&mut self, n: usize) -> Dpo {
        self.minute += 1;
        let now = format!(
            "2026-03-02 {:02}:{:02}",
            9 + self.minute / 60,
            self.minute % 60
        );
        self.place
            .dpo(&self.ws(n), self.members[n].id)
            .env("DPO_NOW", now)
    }

    fn commit(&mut self, n: usize, what: &str) {
        let dir = self.members[n].dir.clone();
        self.place.ok_git(&dir, &["add", "-A"]);
        self.place.ok_git(&dir, &["commit", "-q", "-m", what]);
        self.made.extend(journal_lines(&self.ws(n)));
    }

    /// The next piece of work of clone `n`: a breach, a request, a note.
    fn work(&mut self, n: usize) {
        let step = self.members[n].done;
        let name = self.members[n].name;
        let r = match step {
            0 => open_breach(
                self.dpo(n),
                "2026-03-02 12:00",
                &format!("Incident vu par {name}"),
            ),
            1 => self.dpo(n).run(&[
                "--now",
                "2026-03-02 12:00",
                "request",
                "log",
                "--controller",
                "juvisy-sur-orge",
                "--right",
                "access",
                "--received-at",
                "2026-03-02 08:30",
                "--summary",
                &format!("Demande reçue par {name}"),
                "--no-forward",
            ]),
            _ => self
                .dpo(n)
                .run(&["journal", "note", "-m", &format!("Note de {name}")]),
        };
        r.assert_code(0);
        self.members[n].done += 1;
        self.commit(n, &format!("{name}: step {step}"));
    }

    /// Pull, with every check of a merge; then push, pulling again when the
    /// push is refused.
    fn sync(&mut self, n: usize) {
        self.pull(n);
        let dir = self.members[n].dir.clone();
        if !self
            .place
            .git(&dir, &["push", "-q", "origin", "main"])
            .success()
        {
            self.pull(n);
            self.place.ok_git(&dir, &["push", "-q", "origin", "main"]);
        }
    }

    fn pull(&mut self, n: usize) {
        let dir = self.members[n].dir.clone();
        let ws = self.ws(n);
        let before: BTreeSet<String> = journal_lines(&ws).into_iter().collect();
        let r = self.place.git(
            &dir,
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        );
        assert!(r.success(), "pull in {}: {}", dir.display(), r.text());
        let theirs = self
            .place
            .ok_git(&dir, &["show", "origin/main:registers/journal.jsonl"]);
        self.after_merge(n, &before, theirs.lines().map(str::to_string).collect());
    }

    /// What must hold after every merge in clone `n`.
    fn after_merge(&mut self, n: usize, ours: &BTreeSet<String>, theirs: BTreeSet<String>) {
        let dir = self.members[n].dir.clone();
        let ws = self.ws(n);
        let check = self.dpo(n).run(&["check"]);
        check.assert_code(0);
        let verify = self.dpo(n).run(&["journal", "verify"]);
        verify.assert_code(0);
        let porcelain = self.place.ok_git(&dir, &["status", "--porcelain"]);
        assert_eq!(porcelain, "", "no conflict, nothing left over");
        let now: BTreeSet<String> = journal_lines(&ws).into_iter().collect();
        assert!(ours.is_subset(&now), "every entry of this clone kept");
        assert!(theirs.is_subset(&now), "every entry of the others kept");
        // Each record once, with the tag of the clone that made it.
        let entries = entries(&self.place, &ws);
        for (dir, action) in [("breaches", "breach.open"), ("requests", "request.log")] {
            let made: Vec<&serde_json::Value> =
                entries.iter().filter(|e| e["action"] == action).collect();
            let mut subjects: Vec<String> = made
                .iter()
                .map(|e| e["subject"].as_str().unwrap_or_default().to_string())
                .collect();
            subjects.sort();
            let unique: BTreeSet<&String> = subjects.iter().collect();
            assert_eq!(unique.len(), subjects.len(), "ids unique: {subjects:?}");
            assert_eq!(ids(&ws, dir), subjects, "{dir}: one file per record");
            for e in made {
                let m = self
                    .members
                    .iter()
                    .find(|m| e["actor"] == m.name)
                    .expect("a member");
                let id = e["subject"].as_str().unwrap_or_default();
                assert!(
                    id.contains(&format!("-{}-", m.tag)),
                    "{id} made by {}",
                    m.name
                );
                let text =
                    std::fs::read_to_string(ws.join(format!("{dir}/{id}.yaml"))).expect("record");
                assert!(text.contains(&format!("id: {id}\n")), "{text}");
            }
        }
    }

    /// The whole journey for `seed`.
    fn play(seed: u64) -> Self {
        eprintln!("team_git: seed {seed}");
        let mut team = Team::new();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        while team.members.iter().any(|m| m.done < 3) {
            let n = rng.below(3);
            if team.members[n].done < 3 && rng.below(3) > 0 {
                team.work(n);
            } else {
                team.sync(n);
            }
        }
        for _ in 0..2 {
            for n in 0..3 {
                team.sync(n);
            }
        }
        team
    }
}

/// Three clones, each opening a breach, logging a request and writing a
/// note, pulling and pushing in a random order (several seeds): after
/// every merge `check` and `journal verify` pass, git shows no conflict,
/// every record has one id carrying its clone's tag, and the journal keeps
/// every entry of every clone; `status` then lists what the others did.
#[test]
fn three_clones_pull_and_push_in_a_random_order_and_lose_nothing() {
    for seed in [1, 2026, 424_242] {
        let mut team = Team::play(seed);
        let all = team.made.clone();
        for n in 0..3 {
            let lines: BTreeSet<String> = journal_lines(&team.ws(n)).into_iter().collect();
            assert!(
                all.is_subset(&lines),
                "seed {seed}: clone {n} has every entry of every clone"
            );
        }
        let first = journal_lines(&team.ws(0));
        for n in 1..3 {
            assert_eq!(
                journal_lines(&team.ws(n)),
                first,
                "seed {seed}: the clones agree"
            );
        }
        assert_eq!(ids(&team.ws(0), "breaches").len(), 3, "seed {seed}");
        assert_eq!(ids(&team.ws(0), "requests").len(), 3, "seed {seed}");
        // What the others did, since each one's first look.
        for n in 0..3 {
            let json = team.dpo(n).run(&["--json", "status"]).json();
            let listed: Vec<(String, String)> = json["since_last_look"]["entries"]
                .as_array()
                .expect("entries")
                .iter()
                .map(|e| {
                    (
                        e["actor"].as_str().unwrap_or_default().into(),
                        e["action"].as_str().unwrap_or_default().into(),
                    )
                })
                .collect();
            for (m, other) in team.members.iter().enumerate() {
                for action in ["breach.open", "request.log", "journal.note"] {
                    let has = listed.contains(&(other.name.to_string(), action.to_string()));
                    assert_eq!(
                        has,
                        m != n,
                        "seed {seed}: clone {n} sees {action} of {}: {listed:?}",
                        other.name
                    );
                }
            }
        }
        // A write after the merges joins the branches; all still verifies.
        let r = team
            .dpo(0)
            .run(&["journal", "note", "-m", "Revue d'équipe"]);
        r.assert_code(0);
        team.dpo(0).run(&["journal", "verify"]).assert_code(0);
        team.dpo(0).run(&["check"]).assert_code(0);
    }
}

/// Two clones whose persons have the same initials set up at the same
/// time: after the merge, `check` warns that the tag is claimed twice,
/// naming both.
#[test]
fn check_warns_of_a_tag_two_clones_claimed_at_once() {
    let place = Place::new();
    place.ok_git(place.tmp.path(), &["init", "-q", "--bare", "origin.git"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "a"]);
    let a = place.path("a");
    place.identify(&a, "Gerald Petiot");
    let ws_a = place.workspace("a/registers");
    // As `dpo init` writes it: the lock and the other local files stay out.
    std::fs::write(ws_a.join(".gitignore"), IGNORED).expect("gitignore");
    place
        .dpo(&ws_a, "coordinateur-ept")
        .run(&["journal", "note", "-m", "début"])
        .assert_code(0);
    place.ok_git(&a, &["add", "-A"]);
    place.ok_git(&a, &["commit", "-q", "-m", "workspace"]);
    place.ok_git(&a, &["push", "-q", "origin", "main"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "b"]);
    let b = place.path("b");
    place.identify(&b, "Guy Perret");
    let ws_b = b.join("registers");
    place
        .dpo(&ws_a, "coordinateur-ept")
        .run(&["git", "setup"])
        .assert_code(0);
    place
        .dpo(&ws_b, "Guy Perret")
        .run(&["git", "setup"])
        .assert_code(0);
    for (dir, who) in [(&a, "a"), (&b, "b")] {
        place.ok_git(dir, &["add", "-A"]);
        place.ok_git(dir, &["commit", "-q", "-m", who]);
    }
    place.ok_git(&a, &["push", "-q", "origin", "main"]);
    let pull = place.git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(pull.success(), "{}", pull.text());
    let r = place.dpo(&ws_b, "Guy Perret").run(&["check"]);
    r.assert_code(0);
    assert!(
        r.stdout().contains(
            "l'étiquette `gp` est prise deux fois\u{202f}: par Gerald Petiot et par Guy Perret"
        ) || r.stdout().contains(
            "l'étiquette `gp` est prise deux fois\u{202f}: par Guy Perret et par Gerald Petiot"
        ),
        "{}",
        r.stdout()
    );
    r.assert_stdout_has("journal.jsonl:");
}

/// Who did what, in a merged journal: the notification sent from one
/// clone and the call logged from the other name each their person.
#[test]
fn a_merged_journal_tells_who_notified_and_who_called() {
    let server = SmtpServer::start(Mode::Plain);
    let place = Place::new();
    place.ok_git(place.tmp.path(), &["init", "-q", "--bare", "origin.git"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "a"]);
    let a = place.path("a");
    place.identify(&a, "Gerald Petiot");
    let ws_a = place.workspace("a/registers");
    std::fs::create_dir_all(ws_a.join("breaches")).expect("mkdir");
    std::fs::copy(
        fixture("breach-records/2021-001.yaml"),
        ws_a.join("breaches/2021-001.yaml"),
    )
    .expect("copy");
    let gerald = || place.dpo(&ws_a, "coordinateur-ept").now("2021-03-26 10:30");
    gerald().run(&["git", "setup"]).assert_code(0);
    gerald()
        .run(&[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "ouverte à la main",
        ])
        .assert_code(0);
    place.ok_git(&a, &["add", "-A"]);
    place.ok_git(&a, &["commit", "-q", "-m", "breach"]);
    place.ok_git(&a, &["push", "-q", "origin", "main"]);
    place.ok_git(place.tmp.path(), &["clone", "-q", "origin.git", "b"]);
    let b = place.path("b");
    place.identify(&b, "Vincent Celma");
    let ws_b = b.join("registers");
    let vincent = || {
        place
            .dpo(&ws_b, "technicien-support")
            .now("2021-03-26 10:40")
    };
    vincent().run(&["git", "setup"]).assert_code(0);
    // Vincent notifies while Gerald writes a note: the journals diverge.
    vincent()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    gerald()
        .run(&[
            "--now",
            "2021-03-26 11:05",
            "journal",
            "note",
            "-m",
            "Cellule de crise réunie",
        ])
        .assert_code(0);
    for (dir, what) in [(&b, "notify"), (&a, "note")] {
        place.ok_git(dir, &["add", "-A"]);
        place.ok_git(dir, &["commit", "-q", "-m", what]);
    }
    place.ok_git(&b, &["push", "-q", "origin", "main"]);
    let pull = place.git(
        &a,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(pull.success(), "{}", pull.text());
    // Gerald calls, from his clone, after the merge.
    gerald()
        .now("2021-03-26 11:40")
        .run(&call_mme_martin(
            "2021-001",
            Some("2021-03-26 11:30"),
            "notification confirmée",
        ))
        .assert_code(0);
    gerald()
        .now("2021-03-26 11:45")
        .run(&["journal", "verify"])
        .assert_code(0);
    let all = entries(&place, &ws_a);
    let actor_of = |action: &str| -> Vec<String> {
        all.iter()
            .filter(|e| e["action"] == action)
            .map(|e| e["actor"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(actor_of("breach.notify"), ["Vincent Celma"]);
    assert_eq!(actor_of("breach.call"), ["Gerald Petiot"]);
    let show = gerald().run(&["journal", "show"]);
    show.assert_code(0);
    let row = |code: &str| {
        show.stdout()
            .lines()
            .find(|l| l.contains(code) && !l.contains(&format!("{code}.")))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(
        row("breach.notify").contains("Vincent Celma"),
        "{}",
        show.stdout()
    );
    assert!(
        row("breach.call").contains("Gerald Petiot"),
        "{}",
        show.stdout()
    );
    let breach = gerald().run(&["--now", "2021-03-26 12:00", "breach", "show", "2021-001"]);
    assert!(
        breach.stdout().contains("Vincent Celma") && breach.stdout().contains("Gerald Petiot"),
        "{}",
        breach.stdout()
    );
}

/// The defects of the review of issue 11, each on real clones.
mod f11;
