//! Journal merges across git clones (issue 11): real git repositories in a
//! temporary folder — a bare origin and two clones of a workspace kept in
//! `registers/`, with `.gitattributes` and the merge driver configured by
//! hand (`dpo git setup` does it for a team) — and the real `dpo` as git's
//! merge driver of `journal.jsonl`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::dpo::{Dpo, Run, BIN};
use crate::support::tools::run;
use crate::support::workspace::{copy_dir, Workspace};
use dpo::hashing::sha256_hex;

/// A bare origin and clones of it, in the temporary folder of a sample
/// workspace (whose home folder every command uses).
struct Team {
    ws: Workspace,
}

impl Team {
    /// The origin, seeded with the sample workspace by a first clone
    /// `alice`, and a second clone `bob`.
    fn new() -> Self {
        let team = Team {
            ws: Workspace::sample(),
        };
        let origin = team.ws.path("origin.git");
        let made = team.git_in(
            team.ws.dir(),
            &["-c", "init.defaultBranch=main", "init", "--bare", "-q"],
            &[origin.to_str().expect("utf-8 path")],
        );
        assert!(made.success(), "{}", made.text());
        team.clone_as("alice", "Alice Martin");
        copy_dir(team.ws.root(), &team.registers("alice"));
        std::fs::write(
            team.registers("alice").join(".gitattributes"),
            "journal.jsonl merge=dpo-journal\njournal.head merge=union\n",
        )
        .expect("write .gitattributes");
        std::fs::write(
            team.registers("alice").join(".gitignore"),
            ".dpo.lock\n.dpo.pending\n.dpo-tmp-*\n.dpo.seen\n",
        )
        .expect("write .gitignore");
        // One history from the start (`dpo init` journals the workspace).
        team.dpo("alice", "coordinateur-ept")
            .run(&["journal", "note", "-m", "espace partagé dans git"])
            .assert_code(0);
        team.commit("alice", "the workspace");
        team.git("alice", &["push", "-q", "origin", "main"]);
        team.clone_as("bob", "Bob Durand");
        team
    }

    /// The clone `name`.
    fn clone_dir(&self, name: &str) -> PathBuf {
        self.ws.path(name)
    }

    /// The workspace of the clone `name`.
    fn registers(&self, name: &str) -> PathBuf {
        self.clone_dir(name).join("registers")
    }

    /// `git args… more…` run in `dir`, with no configuration but the
    /// clone's own (the tester's global one is not read).
    fn git_in(&self, dir: &Path, args: &[&str], more: &[&str]) -> Run {
        run(Command::new("git")
            .args(args)
            .args(more)
            .current_dir(dir)
            .env("HOME", self.ws.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE"))
    }

    /// `git args…` in the clone `name`.
    fn git(&self, name: &str, args: &[&str]) -> Run {
        self.git_in(&self.clone_dir(name), args, &[])
    }

    /// Clones the origin as `name`, committing as `person`, with the merge
    /// driver registered as `dpo git setup` registers it.
    fn clone_as(&self, name: &str, person: &str) {
        let r = self.git_in(self.ws.dir(), &["clone", "-q", "origin.git", name], &[]);
        assert!(r.success(), "{}", r.text());
        let driver = format!("'{BIN}' journal merge %O %A %B %P");
        // The clone's tag, as `dpo git setup` sets it: a team's clone
        // without one numbers no record.
        let tag: String = name
            .chars()
            .filter(char::is_ascii_lowercase)
            .take(2)
            .collect();
        for (k, v) in [
            ("dpo.tag", tag.as_str()),
            ("user.name", person),
            ("user.email", &format!("{name}@example.org")),
            ("merge.dpo-journal.name", "dpo journal"),
            ("merge.dpo-journal.driver", &driver),
        ] {
            let r = self.git(name, &["config", k, v]);
            assert!(r.success(), "{}", r.text());
        }
    }

    /// Commits everything in the clone `name`.
    fn commit(&self, name: &str, message: &str) {
        let r = self.git(name, &["add", "-A"]);
        assert!(r.success(), "{}", r.text());
        let r = self.git(name, &["commit", "-q", "-m", message]);
        assert!(r.success(), "{}", r.text());
    }

    /// `git pull --no-rebase --no-edit` in the clone `name`.
    fn pull(&self, name: &str) -> Run {
        self.git(
            name,
            &["pull", "--no-rebase", "--no-edit", "origin", "main"],
        )
    }

    /// `dpo` on the clone `name`'s workspace, as the person `actor`, at a
    /// fixed instant.
    fn dpo(&self, name: &str, actor: &str) -> Dpo {
        Dpo::new(&self.registers(name))
            .home(self.ws.home())
            .current_dir(&self.clone_dir(name))
            .env("DPO_ACTOR", actor)
            .now("2026-03-26 10:00")
    }

    /// The lines of the clone `name`'s journal.
    fn journal(&self, name: &str) -> Vec<String> {
        std::fs::read_to_string(self.registers(name).join("journal.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// `dpo journal verify` and `dpo check` exit 0 in the clone `name`;
    /// the verification's output.
    fn assert_sound(&self, name: &str) -> String {
        let v = self.dpo(name, "test").english().run(&["journal", "verify"]);
        v.assert_code(0);
        let c = self.dpo(name, "test").english().run(&["check"]);
        c.assert_code(0);
        v.text()
    }
}

/// Every line of `part` is a line of `whole`.
fn assert_holds(whole: &[String], part: &[String], what: &str) {
    for l in part {
        assert!(whole.contains(l), "{what}: the merged journal lost {l}");
    }
}

#[test]
fn two_clones_that_both_journaled_merge_without_conflict_and_the_next_write_joins() {
    let team = Team::new();
    team.dpo("alice", "coordinateur-ept")
        .run(&["journal", "note", "-m", "réunion de crise"])
        .assert_code(0);
    team.dpo("alice", "coordinateur-ept")
        .run(&[
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--aware-at",
            "2026-03-26 09:00",
        ])
        .assert_code(0);
    team.commit("alice", "a breach");
    team.dpo("bob", "technicien-support")
        .run(&["journal", "note", "-m", "sauvegardes vérifiées"])
        .assert_code(0);
    team.commit("bob", "a note");
    let (alice, bob) = (team.journal("alice"), team.journal("bob"));
    assert!(team
        .git("alice", &["push", "-q", "origin", "main"])
        .success());
    let pulled = team.pull("bob");
    assert!(pulled.success(), "{}", pulled.text());
    let status = team.git("bob", &["status", "--porcelain"]);
    assert_eq!(status.stdout(), "", "{}", status.text());
    let merged = team.journal("bob");
    assert_holds(&merged, &alice, "alice's");
    assert_holds(&merged, &bob, "bob's");
    assert_eq!(merged.len(), alice.len() + 1);
    // Two branches, both heads listed by git's union merge of the head file.
    assert_eq!(
        std::fs::read_to_string(team.registers("bob").join("journal.head"))
            .expect("head")
            .lines()
            .count(),
        2
    );
    let said = team.assert_sound("bob");
    assert!(
        said.contains("2 branches of the journal are open"),
        "{said}"
    );
    // The next write joins them: a `journal.merge` entry naming both heads.
    team.dpo("bob", "technicien-support")
        .run(&["journal", "note", "-m", "après la fusion"])
        .assert_code(0);
    let joined = team.journal("bob");
    assert_eq!(joined.len(), merged.len() + 2);
    let join: serde_json::Value = serde_json::from_str(&joined[merged.len()]).expect("json");
    assert_eq!(join["action"], "journal.merge");
    assert_eq!(join["actor"], "Vincent Celma");
    let sha = |l: &String| sha256_hex(l.as_bytes());
    let heads = [sha(alice.last().expect("a")), sha(bob.last().expect("b"))];
    let named = [
        join["prev_sha256"].as_str().expect("prev").to_string(),
        join["merged"][0].as_str().expect("merged").to_string(),
    ];
    assert!(heads.iter().all(|h| named.contains(h)), "{join}");
    let said = team.assert_sound("bob");
    assert!(!said.contains("branches"), "{said}");
    // Pushed back, alice fast-forwards to the same journal.
    team.commit("bob", "after the merge");
    assert!(team.git("bob", &["push", "-q", "origin", "main"]).success());
    assert!(team.pull("alice").success());
    assert_eq!(team.journal("alice"), joined);
    team.assert_sound("alice");
}

#[test]
fn the_same_breach_changed_in_both_clones_is_a_conflict_named_then_adopted() {
    let team = Team::new();
    team.dpo("alice", "coordinateur-ept")
        .run(&[
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--aware-at",
            "2026-03-26 09:00",
        ])
        .assert_code(0);
    let id = breach_id(&team);
    let file = format!("breaches/{id}.yaml");
    team.commit("alice", "a breach");
    assert!(team
        .git("alice", &["push", "-q", "origin", "main"])
        .success());
    assert!(team.pull("bob").success());
    // Both change the same fact of the same breach.
    let set = |clone: &str, actor: &str, value: &str| {
        team.dpo(clone, actor)
            .run(&["breach", "set", &id, "nature.description", value])
            .assert_code(0);
        team.commit(clone, value);
    };
    set(
        "alice",
        "coordinateur-ept",
        "Chiffrement du serveur de fichiers",
    );
    set("bob", "technicien-support", "Chiffrement des partages");
    let (alice, bob) = (team.journal("alice"), team.journal("bob"));
    assert!(team
        .git("alice", &["push", "-q", "origin", "main"])
        .success());
    let pulled = team.pull("bob");
    assert!(!pulled.success(), "{}", pulled.text());
    let said = pulled.text();
    for word in [
        id.as_str(),
        file.as_str(),
        "Gerald Petiot",
        "Vincent Celma",
        "dpo record adopt",
    ] {
        assert!(said.contains(word), "{word}: {said}");
    }
    // In French, the workspace's language.
    assert!(said.contains("modifié des deux côtés"), "{said}");
    // The journal itself merged: both sides' entries, no conflict marker.
    let merged = team.journal("bob");
    assert_holds(&merged, &alice, "alice's");
    assert_holds(&merged, &bob, "bob's");
    assert!(merged.iter().all(|l| !l.starts_with("<<<<<<<")));
    let status = team.git("bob", &["status", "--porcelain"]).stdout();
    assert!(status.contains(&format!("UU registers/{file}")), "{status}");
    // The driver again on git's three versions, with the workspace's folder
    // (%P) in English: it speaks English.
    let stage = |n: &str| {
        let r = team.git("bob", &["show", &format!(":{n}:registers/journal.jsonl")]);
        assert!(r.success(), "{}", r.text());
        let p = team.ws.path(&format!("stage{n}"));
        std::fs::write(&p, r.stdout()).expect("write");
        p.to_string_lossy().into_owned()
    };
    let (o, a, b) = (stage("1"), stage("2"), stage("3"));
    let processor = team.registers("bob").join("processor.yaml");
    let fr = std::fs::read_to_string(&processor).expect("read");
    std::fs::write(&processor, fr.replace("language: fr", "language: en")).expect("write");
    let again =
        team.dpo("bob", "test")
            .run(&["journal", "merge", &o, &a, &b, "registers/journal.jsonl"]);
    std::fs::write(&processor, fr).expect("write");
    again.assert_code(1);
    again.assert_stderr_has("was changed on both sides");
    assert_eq!(
        std::fs::read_to_string(&a).expect("read").lines().count(),
        merged.len()
    );
    // Resolved by hand: both descriptions kept.
    let conflicted = std::fs::read_to_string(team.registers("bob").join(&file)).expect("read");
    assert!(conflicted.contains("<<<<<<<"), "{conflicted}");
    assert!(team
        .git(
            "bob",
            &["checkout", "--theirs", "--", &format!("registers/{file}")]
        )
        .success());
    let theirs = std::fs::read_to_string(team.registers("bob").join(&file)).expect("read");
    let resolved = theirs.replace(
        "Chiffrement du serveur de fichiers",
        "Chiffrement du serveur de fichiers et des partages",
    );
    assert_ne!(resolved, theirs);
    std::fs::write(team.registers("bob").join(&file), resolved).expect("write");
    team.commit("bob", "merged");
    // `dpo check` names the record written on both branches.
    let c = team.dpo("bob", "test").english().run(&["check"]);
    assert_ne!(c.code(), Some(0), "{}", c.text());
    assert!(c.text().contains("changed on two branches"), "{}", c.text());
    assert!(c.text().contains("Gerald Petiot") && c.text().contains("Vincent Celma"));
    assert!(c.text().contains("dpo record adopt"), "{}", c.text());
    // A write on top of it is refused until it is adopted.
    let refused = team.dpo("bob", "technicien-support").run(&[
        "breach",
        "set",
        &id,
        "nature.description",
        "autre",
    ]);
    refused.assert_code(2);
    let adopted = team.dpo("bob", "technicien-support").run(&[
        "record",
        "adopt",
        &file,
        "--reason",
        "fusion des deux descriptions",
    ]);
    adopted.assert_code(0);
    team.assert_sound("bob");
    let entries = team.journal("bob");
    let actions: Vec<String> = entries[merged.len()..]
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["action"].to_string())
        .collect();
    assert_eq!(actions, ["\"journal.merge\"", "\"record.adopt\""]);
}

#[test]
fn the_merge_driver_refuses_bad_input_with_exit_2_and_leaves_ours_alone() {
    let team = Team::new();
    let dir = team.ws.dir();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p
    };
    team.dpo("alice", "test")
        .run(&["journal", "note", "-m", "un"])
        .assert_code(0);
    let lines = team.journal("alice");
    let one = format!("{}\n", lines[0]);
    let ours = write("ours", &one);
    let before = std::fs::read(&ours).expect("read");
    // A line that is no entry: exit 2 naming the file and the line.
    let bad = write("theirs", &format!("{}\n{{oops\n", lines[0]));
    let r = team.dpo("alice", "test").english().run(&[
        "journal",
        "merge",
        "missing",
        ours.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("theirs") && r.stderr().contains("line 2"),
        "{}",
        r.stderr()
    );
    assert_eq!(std::fs::read(&ours).expect("read"), before);
    // A side that rewrote the ancestor's lines: exit 2.
    let two = format!("{one}{}\n", lines[1]);
    let base = write("base", &two);
    let ours = write("ours", &two);
    let before = std::fs::read(&ours).expect("read");
    let rewritten = write(
        "theirs",
        &two.replace("\"text\":\"un\"", "\"text\":\"deux\""),
    );
    assert_ne!(std::fs::read(&rewritten).expect("read"), before);
    let r = team.dpo("alice", "test").english().run(&[
        "journal",
        "merge",
        base.to_str().unwrap(),
        ours.to_str().unwrap(),
        rewritten.to_str().unwrap(),
    ]);
    r.assert_code(2);
    r.assert_stderr_has("rewritten on one side");
    assert_eq!(std::fs::read(&ours).expect("read"), before);
    let _ = std::fs::remove_file(&base);
}

#[test]
fn calls_logged_in_both_clones_are_adopted_once_both_are_kept() {
    let team = Team::new();
    team.dpo("alice", "coordinateur-ept")
        .run(&[
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--aware-at",
            "2026-03-26 09:00",
        ])
        .assert_code(0);
    team.commit("alice", "a breach");
    assert!(team
        .git("alice", &["push", "-q", "origin", "main"])
        .success());
    assert!(team.pull("bob").success());
    let id = breach_id(&team);
    let file = format!("breaches/{id}.yaml");
    for (clone, actor, outcome) in [
        ("alice", "coordinateur-ept", "informée de vive voix"),
        ("bob", "technicien-support", "rappel demandé"),
    ] {
        team.dpo(clone, actor)
            .run(&crate::support::breach::call_mme_martin(&id, None, outcome))
            .assert_code(0);
        team.commit(clone, outcome);
    }
    assert!(team
        .git("alice", &["push", "-q", "origin", "main"])
        .success());
    let pulled = team.pull("bob");
    assert!(!pulled.success(), "{}", pulled.text());
    // The two calls as git shows them: the lines they share, then each
    // side's.
    let path = team.registers("bob").join(&file);
    let conflicted = std::fs::read_to_string(&path).expect("read");
    let (pre, rest) = conflicted.split_once("<<<<<<< HEAD\n").expect("ours");
    let (ours, rest) = rest.split_once("=======\n").expect("theirs");
    let (theirs, rest) = rest.split_once(">>>>>>>").expect("end");
    let post = rest.split_once('\n').map_or("", |(_, p)| p);
    let shared = pre.rsplit_once("calls:\n").expect("calls").1;
    let both = format!("{pre}{ours}{shared}{theirs}{post}");
    let one = format!("{pre}{ours}{post}");
    assert!(
        both.contains("informée de vive voix") && both.contains("rappel demandé"),
        "{both}"
    );
    std::fs::write(&path, &one).expect("write");
    team.commit("bob", "one call kept");
    let adopt = |reason: &str| {
        team.dpo("bob", "technicien-support")
            .english()
            .run(&["record", "adopt", &file, "--reason", reason])
    };
    let refused = adopt("un appel perdu");
    refused.assert_code(2);
    refused.assert_stderr_has("calls");
    // Both sides' evidence is in git: the advice names both parents.
    assert!(
        refused.stderr().contains("HEAD^2:./") && !refused.stderr().contains("git checkout -- "),
        "{}",
        refused.stderr()
    );
    std::fs::write(&path, &both).expect("write");
    team.commit("bob", "both calls kept");
    adopt("les deux appels").assert_code(0);
    team.assert_sound("bob");
}

/// The id of the one breach of the clone `alice`.
fn breach_id(team: &Team) -> String {
    std::fs::read_dir(team.registers("alice").join("breaches"))
        .expect("breaches")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find_map(|n| n.strip_suffix(".yaml").map(str::to_string))
        .expect("a breach")
}
