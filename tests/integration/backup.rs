//! Integration tests of issue 15: the backup history destroyed through the
//! backup tools themselves (`dpo fate destroy … --via restic|borg`), on real
//! repositories made in the test with the Debian `restic` and `borgbackup`
//! (`tests/run.sh` installs them). Two controllers' backups in one
//! repository: only the chosen one's disappear, asserted from the tool's
//! own JSON; every failure (a selection that matches nothing, a wrong
//! password, a repository locked by another process, a prune that fails
//! after the forget, a forget that exits 0 and deletes nothing) exits
//! non-zero and records nothing as destroyed; a crypto-erase leaves a
//! repository the tool can no longer open; the certificate read back with
//! `pdftotext` lists the snapshot ids and verifies with `ssh-keygen -Y
//! verify`; the evidence files hash to what the record says.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::tools::{pdf_text, run, sha256sum, ssh_keygen_verify};
use crate::support::{Dpo, Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";
const PRINCIPAL: &str = "DPO@grandorlyseinebievre.fr";
/// The repositories' password: it must never show in what dpo prints or keeps.
const PW: &str = "mot-de-passe-du-depot-7Qz";

/// The fate file of the tests: one item of backup history, one copy in a
/// restic repository, one in a borg repository.
const FATE: &str = "# Fixture of tests/integration/backup.rs.
items:
  - id: sauvegardes
    name: Historique des sauvegardes
    choice: destroy
    decision: {reference: \"courrier du maire n° 2021-147\", date: 2021-07-15}
    copies:
      - id: restic
        kind: backup_repository
        location: dépôt restic
      - id: borg
        kind: backup_repository
        location: dépôt borg
";

struct Env {
    ws: Workspace,
}

impl Env {
    fn new() -> Self {
        let ws = Workspace::fixture("fate-workspace");
        ws.write("fate/juvisy-sur-orge.yaml", FATE);
        for (rel, text) in [
            (
                "data/juvisy/etat-civil.txt",
                "Acte de naissance n 2021-001\n",
            ),
            ("data/athis/paie.csv", "matricule;net\n42;1999.00\n"),
        ] {
            let p = ws.path(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Env { ws }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.ws.path(rel)
    }

    fn cmd(&self) -> Dpo {
        self.ws
            .dpo()
            .now(NOW)
            .env("RESTIC_PASSWORD", PW)
            .env("BORG_PASSPHRASE", PW)
    }

    /// `dpo fate destroy sauvegardes --copy COPY --operator … <args>`.
    fn destroy(&self, copy: &str, args: &[&str]) -> Run {
        self.destroy_with(self.cmd(), copy, args)
    }

    fn destroy_with(&self, dpo: Dpo, copy: &str, args: &[&str]) -> Run {
        let o = dpo.run(&destroy_args(copy, args));
        o.assert_no_panic();
        no_password(&o.text());
        o
    }

    /// A tool run in the test folder with the password in its environment.
    fn tool(&self, program: &str, args: &[&str]) -> Run {
        run(Command::new(program)
            .args(args)
            .current_dir(self.ws.dir())
            .env("RESTIC_PASSWORD", PW)
            .env("BORG_PASSPHRASE", PW)
            .env("HOME", self.ws.home()))
    }

    fn ok_tool(&self, program: &str, args: &[&str]) -> Run {
        let o = self.tool(program, args);
        assert!(o.success(), "{program} {args:?}: {}", o.text());
        o
    }

    /// A restic repository `rel` with two snapshots of Juvisy (host
    /// `juvisy`) and one of Athis-Mons (host `athis`), unless `only_juvisy`.
    fn restic_repo(&self, rel: &str, only_juvisy: bool) -> String {
        let repo = self.path(rel).display().to_string();
        self.ok_tool("restic", &["-r", &repo, "init", "-q"]);
        for _ in 0..2 {
            self.ok_tool(
                "restic",
                &[
                    "-r",
                    &repo,
                    "backup",
                    "-q",
                    "--host",
                    "juvisy",
                    "data/juvisy",
                ],
            );
        }
        if !only_juvisy {
            self.ok_tool(
                "restic",
                &["-r", &repo, "backup", "-q", "--host", "athis", "data/athis"],
            );
        }
        repo
    }

    /// (id, hostname) of each snapshot, from `restic snapshots --json`.
    fn snapshots(&self, repo: &str) -> Vec<(String, String)> {
        let o = self.ok_tool("restic", &["-r", repo, "snapshots", "--json", "--no-lock"]);
        o.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap().to_string(),
                    s["hostname"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// A borg repository with archives `juvisy-2021-07-30`, `juvisy-2021-07-31`
    /// and `athis-2021-07-31`.
    fn borg_repo(&self, rel: &str) -> String {
        let repo = self.path(rel).display().to_string();
        std::fs::create_dir_all(self.path(rel).parent().unwrap()).unwrap();
        self.ok_tool("borg", &["init", "-e", "repokey", &repo]);
        for (name, dir) in [
            ("juvisy-2021-07-30", "data/juvisy"),
            ("juvisy-2021-07-31", "data/juvisy"),
            ("athis-2021-07-31", "data/athis"),
        ] {
            self.ok_tool("borg", &["create", &format!("{repo}::{name}"), dir]);
        }
        repo
    }

    /// A borg repository holding Juvisy's archive `juvisy-2021-07-31` only
    /// (what a crypto-erase may destroy whole).
    fn borg_juvisy_repo(&self, rel: &str) -> String {
        let repo = self.path(rel).display().to_string();
        std::fs::create_dir_all(self.path(rel).parent().unwrap()).unwrap();
        self.ok_tool("borg", &["init", "-e", "repokey", &repo]);
        let archive = format!("{repo}::juvisy-2021-07-31");
        self.ok_tool("borg", &["create", &archive, "data/juvisy"]);
        repo
    }

    /// (id, name) of each archive, from `borg list --json`.
    fn archives(&self, repo: &str) -> Vec<(String, String)> {
        let o = self.ok_tool("borg", &["list", "--json", repo]);
        o.json()["archives"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap().to_string(),
                    a["name"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    fn fate(&self) -> serde_yaml::Value {
        serde_yaml::from_str(&self.ws.read("fate/juvisy-sur-orge.yaml")).unwrap()
    }

    /// The destruction records of the fate file.
    fn destructions(&self) -> Vec<serde_yaml::Value> {
        self.fate()["records"]
            .as_sequence()
            .map(|r| {
                r.iter()
                    .filter(|r| r["record"].as_str() == Some("destruction"))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Insists that nothing was recorded as destroyed, and that the intent
    /// journaled before the deletion is closed: nothing was deleted.
    fn nothing_recorded(&self, o: &Run) {
        self.not_recorded(o);
        assert!(self.open_intents().is_empty(), "{}", o.text());
    }

    /// The subjects of the intents to destroy journaled with no record or
    /// failure after them.
    fn open_intents(&self) -> Vec<String> {
        let mut open = Vec::new();
        for e in self.ws.journal() {
            let subject = e["subject"].as_str().unwrap_or_default().to_string();
            match e["action"].as_str() {
                Some("fate.destroy.intent") => open.push(subject),
                Some("fate.destroy" | "fate.destroy.failed") => open.retain(|s| *s != subject),
                _ => {}
            }
        }
        open
    }

    /// Insists that nothing was recorded as destroyed, nor journaled, nor
    /// kept as evidence of a destruction: the evidence folder holds at most
    /// what the intent keeps (the listings before, what was about to be
    /// deleted), never a listing after.
    fn not_recorded(&self, o: &Run) {
        assert!(self.destructions().is_empty(), "{}", o.text());
        assert!(
            !self
                .ws
                .journal()
                .iter()
                .any(|e| e["action"] == "fate.destroy"),
            "{}",
            o.text()
        );
        let ev = self
            .ws
            .root()
            .join("evidence/fate/juvisy-sur-orge/sauvegardes");
        for e in std::fs::read_dir(&ev).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(e.path()).unwrap().flatten() {
                let name = f.file_name().to_string_lossy().to_string();
                // `commands.json`: the commands run after the intent, kept
                // as they ran (issue 15: a failed destruction keeps them).
                assert!(
                    [
                        "before.json",
                        "selected.json",
                        "intent.json",
                        "commands.json"
                    ]
                    .contains(&name.as_str()),
                    "evidence of a destruction not recorded: {}",
                    f.path().display()
                );
            }
        }
    }

    /// The commands of the last `commands.json` journaled for the restic
    /// copy (`fate.destroy.commands`), checked against the journaled hash.
    fn journaled_commands(&self) -> Vec<serde_json::Value> {
        let journal = self.ws.journal();
        let e = journal
            .iter()
            .rev()
            .find(|e| e["action"] == "fate.destroy.commands")
            .expect("a fate.destroy.commands entry");
        let sha = e["payload_sha256"].as_str().unwrap();
        let w = e["writes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["sha256"] == sha)
            .expect("the entry names commands.json");
        let file = self.ws.root().join(w["file"].as_str().unwrap());
        assert!(file.ends_with("commands.json"), "{}", file.display());
        assert_eq!(sha256sum(&file), sha);
        let text = std::fs::read_to_string(file).unwrap();
        no_password(&text);
        serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap()
    }

    /// A folder put first on `PATH` holding `name`, a shell script.
    fn wrapper(&self, name: &str, script: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let bin = self.path("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let p = bin.join(name);
        std::fs::write(&p, script).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }
}

/// The arguments of `dpo fate destroy sauvegardes --copy COPY --operator … <args>`.
fn destroy_args<'a>(copy: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec![
        "fate",
        "destroy",
        "sauvegardes",
        "--copy",
        copy,
        "--operator",
        "Bob Martin",
        "--validated-by",
        "Carole Dupont",
        "--media-destination",
        "dépôt conservé pour les autres communes",
    ];
    all.extend_from_slice(args);
    all
}

/// The absolute path of a program on `PATH`.
fn which(program: &str) -> String {
    let o = run(Command::new("sh").args(["-c", &format!("command -v {program}")]));
    assert!(
        o.success(),
        "{program} is not installed (tests/run.sh installs it)"
    );
    o.stdout().trim().to_string()
}

fn no_password(text: &str) {
    assert!(!text.contains(PW), "the password was printed: {text}");
}

/// Every file under `dir`, read as text.
fn all_text_under(dir: &Path) -> String {
    let mut out = String::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.push_str(&all_text_under(&p));
        } else {
            out.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
        }
    }
    out
}

/// Checks the evidence of a destruction record: each file hashes (by
/// `sha256sum`) to what the record says, and the journal entry of the
/// destruction, or of its intent, names it with the same SHA-256.
fn evidence_matches(env: &Env, record: &serde_yaml::Value) -> Vec<String> {
    let journal = env.ws.journal();
    let entry = journal
        .iter()
        .rev()
        .find(|e| e["action"] == "fate.destroy")
        .expect("a fate.destroy journal entry");
    // The listings before and the intent are journaled with the intent,
    // before the deletion; the listing after and the commands with the record.
    let writes: Vec<&serde_json::Value> = journal
        .iter()
        .filter(|e| {
            e["subject"] == entry["subject"]
                && (e["action"] == "fate.destroy" || e["action"] == "fate.destroy.intent")
        })
        .flat_map(|e| e["writes"].as_array().expect("the entry names its writes"))
        .collect();
    let mut files = Vec::new();
    for e in record["backups"]["evidence"].as_sequence().unwrap() {
        let (file, sha) = (e["file"].as_str().unwrap(), e["sha256"].as_str().unwrap());
        assert!(file.starts_with("evidence/fate/juvisy-sur-orge/sauvegardes/destroy-"));
        assert_eq!(sha256sum(&env.ws.root().join(file)), sha, "{file}");
        assert!(
            writes
                .iter()
                .any(|w| w["file"] == file && w["sha256"] == sha),
            "{file} not in the journal entry: {entry}"
        );
        files.push(file.to_string());
    }
    files
}

#[test]
fn restic_deletes_only_the_chosen_controllers_snapshots_proven_by_its_own_listings() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    let before = env.snapshots(&repo);
    assert_eq!(before.len(), 3);
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(0);
    assert!(o.stdout().contains("2 sauvegardes"), "{}", o.text());

    // restic's own listing: Juvisy's snapshots are gone, Athis-Mons' stays.
    let after = env.snapshots(&repo);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(after[0].1, "athis");
    assert!(before.contains(&after[0]));

    let d = env.destructions();
    assert_eq!(d.len(), 1);
    let r = &d[0];
    assert_eq!(r["method"].as_str(), Some("clear"));
    assert!(
        r["tool"].as_str().unwrap().starts_with("restic 0."),
        "{r:?}"
    );
    let b = &r["backups"];
    assert_eq!(b["tool"].as_str(), Some("restic"));
    assert_eq!(b["selection"].as_str(), Some("--host juvisy"));
    assert_eq!(b["crypto_erase"].as_bool(), Some(false));
    assert_eq!(b["listed_before"].as_u64(), Some(3));
    assert_eq!(b["listed_after"].as_u64(), Some(1));
    let deleted: Vec<&str> = b["deleted"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    let juvisy: Vec<&str> = before
        .iter()
        .filter(|(_, h)| h == "juvisy")
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(deleted, juvisy);

    // The evidence: restic's listings and the commands run, hashed as recorded.
    let files = evidence_matches(&env, r);
    assert_eq!(files.len(), 5, "{files:?}");
    assert!(files[2].ends_with("/intent.json"), "{files:?}");
    let dir = env.ws.root().join(files[0].rsplit_once('/').unwrap().0);
    let listed_after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("after.json")).unwrap()).unwrap();
    assert_eq!(listed_after.as_array().unwrap().len(), 1);
    // The intent journaled before the forget: exactly the selected snapshots.
    let intent: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("intent.json")).unwrap()).unwrap();
    let intended: Vec<&str> = intent["selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(intended, juvisy);
    let entry = env
        .ws
        .journal()
        .into_iter()
        .find(|e| e["action"] == "fate.destroy.intent")
        .expect("the intent is journaled");
    assert_eq!(
        entry["payload_sha256"].as_str(),
        Some(sha256sum(&dir.join("intent.json")).as_str())
    );
    let commands: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("commands.json")).unwrap()).unwrap();
    let lines: Vec<String> = commands
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["exit_code"], 0, "{c}");
            c["command"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let forget = lines
        .iter()
        .find(|l| l.contains(" forget "))
        .expect("restic forget was run");
    for id in &juvisy {
        assert!(forget.contains(id), "{forget}");
    }
    assert!(lines.iter().any(|l| l.ends_with(" prune")), "{lines:?}");
    // No password anywhere dpo wrote.
    no_password(&all_text_under(env.ws.root()));
    env.cmd().run(&["check"]).assert_code(0);
}

#[test]
fn borg_deletes_only_the_chosen_archives_and_compacts() {
    let env = Env::new();
    let repo = env.borg_repo("depots/borg");
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &repo,
            "--glob-archives",
            "juvisy-*",
        ],
    );
    o.assert_code(0);
    let after = env.archives(&repo);
    assert_eq!(
        after.iter().map(|a| a.1.as_str()).collect::<Vec<_>>(),
        ["athis-2021-07-31"]
    );
    let d = env.destructions();
    let b = &d[0]["backups"];
    assert_eq!(d[0]["method"].as_str(), Some("clear"));
    assert_eq!(b["tool"].as_str(), Some("borg"));
    let labels: Vec<&str> = b["deleted"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["juvisy-2021-07-30", "juvisy-2021-07-31"]);
    let files = evidence_matches(&env, &d[0]);
    let commands = std::fs::read_to_string(env.ws.root().join(files.last().unwrap())).unwrap();
    assert!(commands.contains("\"compact\""), "{commands}");
    no_password(&all_text_under(env.ws.root()));
}

#[test]
fn a_selection_that_matches_nothing_deletes_nothing_and_exits_2() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    let before = env.snapshots(&repo);
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisi"],
    );
    o.assert_code(2);
    assert!(o.stderr().contains("--host juvisi"), "{}", o.text());
    assert!(o.stderr().contains("rien n'a été supprimé"), "{}", o.text());
    env.nothing_recorded(&o);
    assert_eq!(env.snapshots(&repo), before);
    // Without any selection at all, refused before the tool is run.
    let o = env.destroy("restic", &["--via", "restic", "--repo", &repo]);
    o.assert_code(2);
    env.nothing_recorded(&o);
}

#[test]
fn a_wrong_password_exits_1_records_nothing_and_is_never_printed() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    let wrong = "pas-le-bon-mot-de-passe";
    let o = env.destroy_with(
        env.cmd().env("RESTIC_PASSWORD", wrong).english(),
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(1);
    assert!(o.stderr().contains("NOT destroyed"), "{}", o.text());
    assert!(o.stderr().contains("wrong password"), "{}", o.text());
    assert!(!o.text().contains(wrong), "{}", o.text());
    env.nothing_recorded(&o);
    assert_eq!(env.snapshots(&repo).len(), 3);
}

/// `restic backup --stdin` holding the repository's lock until its input closes.
fn hold_restic_lock(env: &Env, repo: &str) -> Child {
    let mut child = Command::new("restic")
        .args(["-r", repo, "backup", "-q", "--stdin", "--host", "other"])
        .env("RESTIC_PASSWORD", PW)
        .env("HOME", env.ws.home())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start restic backup --stdin");
    let locks = Path::new(repo).join("locks");
    for _ in 0..200 {
        if std::fs::read_dir(&locks).map(|d| d.count()).unwrap_or(0) > 0 {
            return child;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("restic took no lock");
}

#[test]
fn a_repository_locked_by_another_process_exits_1_and_records_nothing() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    let mut holder = hold_restic_lock(&env, &repo);
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    drop(holder.stdin.take());
    let _ = holder.wait();
    o.assert_code(1);
    assert!(o.stderr().contains("NON détruit"), "{}", o.text());
    assert!(o.stderr().contains("locked"), "{}", o.text());
    env.nothing_recorded(&o);
    assert_eq!(
        env.snapshots(&repo)
            .iter()
            .filter(|s| s.1 == "juvisy")
            .count(),
        2
    );

    // borg: `borg with-lock` holds it.
    let brepo = env.borg_repo("depots/borg");
    let mut holder = Command::new("borg")
        .args(["with-lock", &brepo, "sleep", "60"])
        .env("BORG_PASSPHRASE", PW)
        .env("HOME", env.ws.home())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if Path::new(&brepo).join("lock.exclusive").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &brepo,
            "--glob-archives",
            "juvisy-*",
        ],
    );
    let _ = holder.kill();
    let _ = holder.wait();
    o.assert_code(1);
    env.nothing_recorded(&o);
    assert_eq!(env.archives(&brepo).len(), 3);
}

#[test]
fn a_prune_that_fails_after_the_forget_exits_1_and_records_nothing() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    // restic as installed, except that another process locks the
    // repository between the forget and the prune: the prune fails.
    let real = which("restic");
    let path = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" prune \"*)\n\
               sleep 10 2>/dev/null | {real} -r \"$2\" backup -q --stdin --host other >/dev/null 2>&1 &\n\
               holder=$!\n\
               i=0; while [ -z \"$(ls \"$2/locks\")\" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n\
               {real} \"$@\"; rc=$?\n\
               kill $holder 2>/dev/null; exit $rc;;\n\
             esac\n\
             exec {real} \"$@\"\n"
        ),
    );
    let o = env.destroy_with(
        env.cmd().env("PATH", &path),
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(1);
    let t = o.stderr();
    assert!(t.contains("prune"), "{t}");
    // The forget went through: restic no longer lists them, yet their data
    // is not freed, and nothing is recorded as destroyed.
    assert!(t.contains("aucune des sauvegardes choisies"), "{t}");
    // The intent stays open: it says to run the same command again.
    assert!(t.contains("relancez la même commande"), "{t}");
    env.not_recorded(&o);
    assert_eq!(env.snapshots(&repo).len(), 1);
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    wait_unlocked(&repo);
    an_interrupted_destruction_is_taken_up(&env, &repo, &path);
}

/// Waits (up to 10 s) for the process the wrapper started to hold the
/// repository's lock to end and remove it.
fn wait_unlocked(repo: &str) {
    let locks = Path::new(repo).join("locks");
    for _ in 0..200 {
        if std::fs::read_dir(&locks).map_or(true, |mut d| d.next().is_none()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// After a destruction interrupted between the deletion and its record
/// (the selected snapshots no longer listed, nothing recorded): `status`
/// shows it in both languages; a run with other options is refused; the
/// same command again completes it from the kept listing before and records
/// it once; a run after that selects nothing.
fn an_interrupted_destruction_is_taken_up(env: &Env, repo: &str, wrapped: &str) {
    let copy = "juvisy-sur-orge/sauvegardes/restic";
    let st = env.cmd().run(&["status"]);
    assert!(
        st.stdout()
            .contains("Destruction de sauvegardes interrompue"),
        "{}",
        st.text()
    );
    assert!(st.stdout().contains(copy), "{}", st.text());
    let st = env.cmd().english().run(&["status"]);
    assert!(
        st.stdout().contains("Interrupted destruction of backups"),
        "{}",
        st.text()
    );
    let other = env.destroy(
        "restic",
        &["--via", "restic", "--repo", repo, "--host", "athis"],
    );
    other.assert_code(2);
    assert!(other.stderr().contains("interrompue"), "{}", other.text());
    assert!(other.stderr().contains("--host juvisy"), "{}", other.text());
    // The same command again (restic still failing): the intent stays open.
    let again = env.destroy_with(
        env.cmd().env("PATH", wrapped),
        "restic",
        &["--via", "restic", "--repo", repo, "--host", "juvisy"],
    );
    again.assert_code(1);
    env.not_recorded(&again);
    wait_unlocked(repo);
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", repo, "--host", "juvisy"],
    );
    o.assert_code(0);
    assert!(
        o.stdout().contains("destruction interrompue"),
        "{}",
        o.text()
    );
    assert!(o.stdout().contains("terminée et consignée"), "{}", o.text());
    assert!(env.open_intents().is_empty());
    let d = env.destructions();
    assert_eq!(d.len(), 1, "{}", o.text());
    let deleted = d[0]["backups"]["deleted"].as_sequence().unwrap();
    assert_eq!(deleted.len(), 2);
    assert_eq!(d[0]["backups"]["listed_before"].as_u64(), Some(3));
    assert_eq!(d[0]["backups"]["listed_after"].as_u64(), Some(1));
    let files = evidence_matches(env, &d[0]);
    for name in [
        "before.json",
        "selected.json",
        "intent.json",
        "after.json",
        "commands.json",
    ] {
        assert!(files.iter().any(|f| f.ends_with(name)), "{name}: {files:?}");
    }
    // The commands of the interrupted run up to its intent (its listings),
    // then those of the run that completed it.
    let commands = files.iter().find(|f| f.ends_with("commands.json")).unwrap();
    let commands = env.ws.read(commands);
    assert!(commands.matches("\"snapshots\"").count() >= 4, "{commands}");
    assert!(commands.contains("\"prune\""), "{commands}");
    assert!(commands.contains("\"unlock\""), "{commands}");
    // Every command of every run: the interrupted run's forget and its
    // failed prune too (review of issue 15).
    let lines = command_lines(&serde_json::from_str::<Vec<serde_json::Value>>(&commands).unwrap());
    assert!(
        lines
            .iter()
            .any(|l| l.contains(" forget ") && l.ends_with("exit 0")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(" prune") && !l.ends_with("exit 0") && !l.ends_with("unfinished")),
        "{lines:#?}"
    );
    let st = env.cmd().run(&["status"]);
    assert!(!st.stdout().contains("interrompue"), "{}", st.text());
    let once_more = env.destroy(
        "restic",
        &["--via", "restic", "--repo", repo, "--host", "juvisy"],
    );
    once_more.assert_code(2);
    assert_eq!(env.destructions().len(), 1);
}

#[test]
fn a_forget_that_exits_0_and_deletes_nothing_is_not_a_destruction() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    // restic 0.14: `forget --host X` without a policy exits 0 and deletes
    // nothing. This restic forgets that way whatever ids it is given.
    let real = which("restic");
    let path = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" forget \"*) exec {real} -r \"$2\" forget --host juvisy;; esac\n\
             exec {real} \"$@\"\n"
        ),
    );
    let o = env.destroy_with(
        env.cmd().env("PATH", &path).english(),
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(1);
    let t = o.stderr();
    assert!(t.contains("every command exited 0"), "{t}");
    for (id, host) in env.snapshots(&repo) {
        if host == "juvisy" {
            assert!(t.contains(&id), "{id} not named: {t}");
        }
    }
    env.nothing_recorded(&o);
}

#[test]
fn a_crypto_erase_leaves_a_repository_restic_cannot_open_and_records_purge() {
    let env = Env::new();
    let repo = env.restic_repo("depots/juvisy", true);
    let shared = env.restic_repo("depots/partage", false);
    // A copy of the key kept elsewhere, named by the operator.
    let keys = Path::new(&repo).join("keys");
    let key = std::fs::read_dir(&keys)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let copy = env.path("coffre/cle-restic");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&key, &copy).unwrap();
    let id = env
        .ok_tool("restic", &["-r", &repo, "cat", "config"])
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // A repository that also holds another controller's backups: refused.
    let o = env.destroy(
        "restic",
        &[
            "--via",
            "restic",
            "--repo",
            &shared,
            "--host",
            "juvisy",
            "--crypto-erase",
        ],
    );
    o.assert_code(2);
    env.nothing_recorded(&o);
    assert_eq!(env.snapshots(&shared).len(), 3);

    let o = env.destroy(
        "restic",
        &[
            "--via",
            "restic",
            "--repo",
            &repo,
            "--host",
            "juvisy",
            "--crypto-erase",
            "--key-copy",
            copy.to_str().unwrap(),
        ],
    );
    o.assert_code(0);
    let after = env.tool("restic", &["-r", &repo, "snapshots", "--json"]);
    assert!(!after.success(), "restic still opens it: {}", after.text());
    assert!(!copy.exists());
    let d = env.destructions();
    assert_eq!(d[0]["method"].as_str(), Some("purge"));
    let b = &d[0]["backups"];
    assert_eq!(b["crypto_erase"].as_bool(), Some(true));
    assert_eq!(b["deleted"].as_sequence().unwrap().len(), 2);
    assert_eq!(b["keys_destroyed"].as_sequence().unwrap().len(), 2);
    // restic's local cache of the repository went with it.
    let caches = b["unopened"]["caches_removed"].as_sequence().unwrap();
    assert_eq!(caches.len(), 1, "{b:?}");
    let cache = caches[0].as_str().unwrap();
    assert!(cache.ends_with(&format!("restic/{id}")), "{cache}");
    assert!(!Path::new(cache).exists());
    evidence_matches(&env, &d[0]);
}

#[test]
fn a_borg_crypto_erase_leaves_a_repository_borg_cannot_open() {
    let env = Env::new();
    let repo = env.borg_juvisy_repo("depots/juvisy");
    // A folder that is not a borg repository is never erased.
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            "data",
            "--glob-archives",
            "juvisy-*",
            "--crypto-erase",
        ],
    );
    o.assert_code(2);
    assert!(env.path("data/juvisy/etat-civil.txt").exists());
    env.nothing_recorded(&o);
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &repo,
            "--glob-archives",
            "juvisy-*",
            "--crypto-erase",
        ],
    );
    o.assert_code(0);
    let after = env.tool("borg", &["list", "--json", &repo]);
    assert!(!after.success(), "borg still opens it: {}", after.text());
    let d = env.destructions();
    assert_eq!(d[0]["method"].as_str(), Some("purge"));
    assert_eq!(
        d[0]["backups"]["deleted"][0]["label"].as_str(),
        Some("juvisy-2021-07-31")
    );
    // borg's local cache of the repository (named by its id) went too, and
    // its `security` folder of it (review of issue 15).
    let caches = d[0]["backups"]["unopened"]["caches_removed"]
        .as_sequence()
        .unwrap();
    assert_eq!(caches.len(), 2, "{:?}", d[0]);
    let cache = caches[0].as_str().unwrap();
    assert!(cache.contains(".cache/borg/"), "{cache}");
    let security = caches[1].as_str().unwrap();
    assert!(security.contains(".config/borg/security/"), "{security}");
    for c in [cache, security] {
        assert!(!Path::new(c).exists(), "{c}");
    }
    // borg's dates with their offset: dpo runs borg in UTC.
    let time = d[0]["backups"]["deleted"][0]["time"].as_str().unwrap();
    assert!(time.ends_with("+00:00"), "{time}");
    // Said as an erase by dpo, not a deletion by borg.
    assert!(
        o.stdout()
            .contains("par effacement cryptographique par dpo (purge)"),
        "{}",
        o.text()
    );
    evidence_matches(&env, &d[0]);
}

#[test]
fn the_certificate_lists_the_snapshot_ids_verifies_with_ssh_keygen_and_the_evidence_hashes_hold() {
    let env = Env::new();
    let restic = env.restic_repo("depots/restic", false);
    let borg = env.borg_repo("depots/borg");
    let juvisy: Vec<String> = env
        .snapshots(&restic)
        .into_iter()
        .filter(|s| s.1 == "juvisy")
        .map(|s| s.0)
        .collect();
    let archives: Vec<String> = env
        .archives(&borg)
        .into_iter()
        .filter(|a| a.1.starts_with("juvisy-"))
        .map(|a| a.0)
        .collect();
    let ok = |args: &[&str]| {
        let o = env.cmd().run(args);
        o.assert_code(0);
        o
    };
    ok(&["keys", "generate"]);
    ok(&["fate", "fingerprint", "sauvegardes", "data/juvisy"]);
    env.destroy(
        "restic",
        &["--via", "restic", "--repo", &restic, "--host", "juvisy"],
    )
    .assert_code(0);
    env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &borg,
            "--glob-archives",
            "juvisy-*",
        ],
    )
    .assert_code(0);
    ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let pdf = env.path("out/certificat.pdf");
    let t = pdf_text(&pdf);
    for id in juvisy.iter().chain(&archives) {
        // One bullet each: the id first, then its date.
        assert!(
            t.contains(&format!("• {id} — 20")),
            "{id} not on a line of its own of the certificate: {t}"
        );
    }
    assert!(t.contains("2 sauvegardes"), "{t}");
    assert!(t.contains("*clear*") || t.contains("clear"), "{t}");
    for r in env.destructions() {
        for file in evidence_matches_any(&env, &r) {
            assert!(t.contains(&file.1), "{} not on the certificate", file.0);
        }
    }
    let allowed = env.ws.root().join("keys/allowed_signers");
    let v = ssh_keygen_verify(
        &allowed,
        PRINCIPAL,
        "dpo-certificate",
        &env.path("out/certificat.pdf.sig"),
        &pdf,
    );
    assert!(v.success(), "{}", v.text());
    // The JSON twin says the same.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("out/certificat.json")).unwrap()).unwrap();
    let copies = json["items"][0]["copies"].as_array().unwrap();
    assert_eq!(
        copies[0]["destructions"][0]["backups"]["deleted"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// (file, sha256) of each evidence file of a record, each checked with
/// `sha256sum`.
fn evidence_matches_any(env: &Env, record: &serde_yaml::Value) -> Vec<(String, String)> {
    record["backups"]["evidence"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| {
            let (file, sha) = (e["file"].as_str().unwrap(), e["sha256"].as_str().unwrap());
            assert_eq!(sha256sum(&env.ws.root().join(file)), sha, "{file}");
            (file.to_string(), sha.to_string())
        })
        .collect()
}

#[test]
fn the_options_of_one_tool_are_refused_with_the_other_and_a_typed_method_with_via() {
    let env = Env::new();
    for args in [
        vec![
            "--via",
            "borg",
            "--repo",
            "/nonexistent",
            "--host",
            "juvisy",
        ],
        vec![
            "--via",
            "restic",
            "--repo",
            "/nonexistent",
            "--glob-archives",
            "j*",
        ],
        vec![
            "--via", "restic", "--repo", "/x", "--host", "j", "--method", "purge",
        ],
        vec!["--repo", "/x", "--host", "j", "--method", "purge"],
        vec!["--via", "restic", "--host", "juvisy"],
        vec![
            "--via",
            "restic",
            "--repo",
            "/x",
            "--host",
            "j",
            "--key-copy",
            "k",
        ],
    ] {
        let o = env.destroy("restic", &args);
        o.assert_code(2);
        env.nothing_recorded(&o);
    }
}

#[test]
fn what_dpo_says_of_a_destruction_through_a_tool_is_in_one_language() {
    use crate::support::language::{data_of, faults, without_data};
    for lang in ["fr", "en"] {
        let env = Env::new();
        let repo = env.restic_repo("depots/restic", false);
        let dpo = || {
            let d = env.cmd();
            if lang == "en" {
                d.english()
            } else {
                d
            }
        };
        let refused = env.destroy_with(
            dpo(),
            "restic",
            &["--via", "restic", "--repo", &repo, "--host", "personne"],
        );
        refused.assert_code(2);
        let done = env.destroy_with(
            dpo(),
            "restic",
            &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
        );
        done.assert_code(0);
        let mut data = Vec::new();
        data_of(env.ws.root(), &mut data);
        data.sort_by_key(|d| std::cmp::Reverse(d.len()));
        for o in [&refused, &done] {
            let text = without_data(&o.text(), &data);
            assert_eq!(faults(lang, &text), Vec::<String>::new(), "{text}");
        }
    }
}

#[test]
fn an_immutable_copy_is_refused_before_the_tool_deletes_anything() {
    let env = Env::new();
    env.ws.write(
        "fate/juvisy-sur-orge.yaml",
        &FATE.replace(
            "        location: dépôt restic\n",
            "        location: dépôt restic\n        immutable_until: 2021-09-30\n",
        ),
    );
    let repo = env.restic_repo("depots/restic", false);
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(2);
    env.nothing_recorded(&o);
    assert_eq!(env.snapshots(&repo).len(), 3);
}

/// `dpo fate destroy` of the restic copy, started in its own process group
/// so that a kill takes the tool it runs with it, as a power cut would.
fn spawn_destroy(env: &Env, repo: &str) -> Child {
    use std::os::unix::process::CommandExt;
    let mut cmd = env.cmd().into_command();
    cmd.args(destroy_args(
        "restic",
        &["--via", "restic", "--repo", repo, "--host", "juvisy"],
    ))
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .process_group(0);
    cmd.spawn().unwrap()
}

/// Waits until `hit` holds, then kills the whole group with SIGKILL; false
/// when the command ended first.
fn kill_when(mut child: Child, hit: impl Fn() -> bool) -> bool {
    let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        if hit() || std::time::Instant::now() > end {
            // The whole group, as a power cut would: dpo and the tool it
            // runs (the shell's own `kill`: no package needed).
            let pid = child.id().to_string();
            let group = |signal: &str| {
                Command::new("sh")
                    .args(["-c", &format!("kill -s {signal} -- -$0"), &pid])
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success())
            };
            group("KILL");
            let _ = child.wait();
            // The tool ends too (up to 10 s): its lock is then stale.
            for _ in 0..1000 {
                if !group("0") {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[test]
fn a_dpo_killed_during_a_destruction_through_restic_leaves_it_recordable_exactly_once() {
    // Killed as soon as the intent is journaled (before or during the
    // forget), and as soon as restic removed a selected snapshot (between
    // the deletion and its record: the prune is still running).
    for round in ["intent", "deleted"] {
        let env = Env::new();
        let repo = env.restic_repo("depots/restic", false);
        let juvisy: Vec<String> = env
            .snapshots(&repo)
            .into_iter()
            .filter(|s| s.1 == "juvisy")
            .map(|s| s.0)
            .collect();
        let journal = env.ws.root().join("journal.jsonl");
        let snapshots = Path::new(&repo).join("snapshots");
        let child = spawn_destroy(&env, &repo);
        let killed = kill_when(child, || match round {
            "intent" => std::fs::read_to_string(&journal)
                .unwrap_or_default()
                .contains("fate.destroy.intent"),
            _ => std::fs::read_dir(&snapshots).map_or(0, |d| d.count()) < 3,
        });
        assert!(killed, "{round}: dpo ended before the kill");
        let recorded = env.destructions().len();
        let listed: Vec<String> = env.snapshots(&repo).into_iter().map(|s| s.0).collect();
        let gone = juvisy.iter().filter(|id| !listed.contains(id)).count();
        assert_eq!(recorded, 0, "{round}: killed before its record");
        // The intent was journaled before anything was deleted.
        assert_eq!(
            env.open_intents(),
            ["juvisy-sur-orge/sauvegardes/restic"],
            "{round}"
        );
        if round == "deleted" {
            assert!(gone > 0, "{round}: killed after the deletion");
        }
        // The same command again: taken up, recorded exactly once.
        let o = env.destroy(
            "restic",
            &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
        );
        o.assert_code(0);
        assert!(
            o.stdout().contains("terminée et consignée"),
            "{round}: {}",
            o.text()
        );
        let d = env.destructions();
        assert_eq!(d.len(), 1, "{round}");
        let deleted: Vec<&str> = d[0]["backups"]["deleted"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|b| b["id"].as_str().unwrap())
            .collect();
        assert_eq!(deleted.len(), 2, "{round}");
        assert!(
            juvisy.iter().all(|id| deleted.contains(&id.as_str())),
            "{round}"
        );
        assert_eq!(
            env.snapshots(&repo)
                .iter()
                .map(|s| s.1.as_str())
                .collect::<Vec<_>>(),
            ["athis"],
            "{round}"
        );
        evidence_matches(&env, &d[0]);
        assert!(env.open_intents().is_empty(), "{round}");
        env.cmd().run(&["journal", "verify"]).assert_code(0);
    }
}

/// A `PATH` whose `borg` fails `compact` (exit 2) and runs the real borg
/// otherwise.
fn failing_compact(env: &Env) -> String {
    let real = which("borg");
    env.wrapper(
        "borg",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" compact \"*) echo 'compact interrupted' >&2; exit 2;; esac\n\
             exec {real} \"$@\"\n"
        ),
    )
}

/// `--via borg` on `repo`, selecting Juvisy's archives.
fn borg_args(repo: &str) -> [&str; 6] {
    [
        "--via",
        "borg",
        "--repo",
        repo,
        "--glob-archives",
        "juvisy-*",
    ]
}

#[test]
fn a_borg_compact_that_fails_leaves_the_destruction_open_and_a_run_again_records_it() {
    let env = Env::new();
    let brepo = env.borg_repo("depots/borg");
    let args = borg_args(&brepo);
    let o = env.destroy_with(env.cmd().env("PATH", failing_compact(&env)), "borg", &args);
    o.assert_code(1);
    env.not_recorded(&o);
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/borg"]);
    let o = env.destroy_with(env.cmd().english(), "borg", &args);
    o.assert_code(0);
    assert!(
        o.stdout().contains("interrupted destruction"),
        "{}",
        o.text()
    );
    assert!(o.stdout().contains("were no longer listed"), "{}", o.text());
    let d = env.destructions();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["backups"]["deleted"].as_sequence().unwrap().len(), 2);
    evidence_matches(&env, &d[0]);
    assert!(env.open_intents().is_empty());
    let names: Vec<String> = env.archives(&brepo).into_iter().map(|a| a.1).collect();
    assert_eq!(names, ["athis-2021-07-31"]);
}

/// The command lines of `commands`, each with its exit code, or `unfinished`.
fn command_lines(commands: &[serde_json::Value]) -> Vec<String> {
    commands
        .iter()
        .map(|c| {
            let line: Vec<&str> = c["command"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect();
            let outcome = if c["unfinished"] == true {
                "unfinished".to_string()
            } else {
                format!("exit {}", c["exit_code"])
            };
            format!("{} => {outcome}", line.join(" "))
        })
        .collect()
}

/// The commands of the evidence `commands.json` of destruction record `d`.
fn recorded_commands(env: &Env, d: &serde_yaml::Value) -> Vec<String> {
    let files = evidence_matches(env, d);
    let file = files.iter().find(|f| f.ends_with("commands.json")).unwrap();
    command_lines(&serde_json::from_str::<Vec<serde_json::Value>>(&env.ws.read(file)).unwrap())
}

#[test]
fn a_dpo_killed_between_two_commands_keeps_every_command_it_ran_in_the_evidence() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    // restic kills the dpo that runs it as it is asked to prune: after the
    // forget, before the prune (a kill -9 between the two commands).
    let real = which("restic");
    let path = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" prune \"*) kill -9 $PPID; exit 137;; esac\n\
             exec {real} \"$@\"\n"
        ),
    );
    let args = ["--via", "restic", "--repo", &repo, "--host", "juvisy"];
    let o = env.destroy_with(env.cmd().env("PATH", &path), "restic", &args);
    assert_eq!(o.code(), None, "dpo was not killed: {}", o.text());
    assert!(env.destructions().is_empty());
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    // What the killed dpo ran is journaled: the forget with its outcome,
    // the prune as started, never finished.
    let lines = command_lines(&env.journaled_commands());
    let forget = lines
        .iter()
        .position(|l| l.contains(" forget ") && l.ends_with("exit 0"))
        .unwrap_or_else(|| panic!("no forget: {lines:#?}"));
    assert!(
        lines[forget + 1].contains(" prune => unfinished"),
        "{lines:#?}"
    );
    assert_eq!(forget + 2, lines.len(), "{lines:#?}");
    env.cmd().run(&["journal", "verify"]).assert_code(0);

    // Taken up: the record's commands are those of both runs, in order.
    let o = env.destroy("restic", &args);
    o.assert_code(0);
    let d = env.destructions();
    assert_eq!(d.len(), 1, "{}", o.text());
    let recorded = recorded_commands(&env, &d[0]);
    assert_eq!(recorded[..forget + 2], lines[..], "{recorded:#?}");
    let after = &recorded[forget + 2..];
    assert!(
        after.iter().any(|l| l.contains(" unlock => exit 0")),
        "{recorded:#?}"
    );
    assert!(
        after.iter().any(|l| l.contains(" prune => exit 0")),
        "{recorded:#?}"
    );
    assert!(
        !after.iter().any(|l| l.contains(" forget ")),
        "{recorded:#?}"
    );
    assert!(
        !after.iter().any(|l| l.ends_with("unfinished")),
        "{recorded:#?}"
    );
    assert!(env.open_intents().is_empty());
    env.cmd().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn a_failed_destruction_keeps_the_commands_it_ran_with_their_exit_codes() {
    let env = Env::new();
    let brepo = env.borg_repo("depots/borg");
    let args = borg_args(&brepo);
    let o = env.destroy_with(env.cmd().env("PATH", failing_compact(&env)), "borg", &args);
    o.assert_code(1);
    env.not_recorded(&o);
    let journaled = env.journaled_commands();
    let lines = command_lines(&journaled);
    let delete = lines
        .iter()
        .position(|l| l.starts_with("borg delete ") && l.ends_with("exit 0"))
        .unwrap_or_else(|| panic!("no delete: {lines:#?}"));
    assert!(lines[delete + 1].starts_with("borg compact "), "{lines:#?}");
    assert!(lines[delete + 1].ends_with("exit 2"), "{lines:#?}");
    assert!(
        journaled[delete + 1]["stderr"]
            .as_str()
            .unwrap()
            .contains("compact interrupted"),
        "{journaled:#?}"
    );
    // The listing that said how far it went, after the failure.
    assert!(
        lines[delete + 2].starts_with("borg list --json"),
        "{lines:#?}"
    );
}

#[test]
fn a_crypto_erase_killed_before_its_record_is_finished_only_once_the_repository_no_longer_opens() {
    let env = Env::new();
    let repo = env.restic_repo("depots/juvisy", true);
    let keys = Path::new(&repo).join("keys");
    let key = std::fs::read_dir(&keys)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let copy = env.path("coffre/cle-restic");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&key, &copy).unwrap();
    let args = [
        "--via",
        "restic",
        "--repo",
        &repo,
        "--host",
        "juvisy",
        "--crypto-erase",
        "--key-copy",
        copy.to_str().unwrap(),
    ];
    // restic kills the dpo that runs it when it is asked to open the
    // repository once it is gone: after the erase, before the record.
    let real = which("restic");
    let killing = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" snapshots \"*) [ -d '{repo}' ] || {{ kill -9 $PPID; exit 137; }};; esac\n\
             exec {real} \"$@\"\n"
        ),
    );
    let o = env.destroy_with(env.cmd().env("PATH", &killing), "restic", &args);
    assert_eq!(o.code(), None, "dpo was not killed: {}", o.text());
    assert!(!Path::new(&repo).exists() && !copy.exists());
    assert!(env.destructions().is_empty());
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    let lines = command_lines(&env.journaled_commands());
    assert!(
        lines
            .last()
            .unwrap()
            .contains(" snapshots --json --no-lock => unfinished"),
        "{lines:#?}"
    );
    let st = env.cmd().run(&["status"]);
    assert!(
        st.stdout()
            .contains("Destruction de sauvegardes interrompue"),
        "{}",
        st.text()
    );

    // Taken up by a restic that still opens it (or seems to): no purge
    // claimed, nothing recorded, the destruction stays open.
    let opens = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" snapshots \"*) echo '[]'; exit 0;; esac\n\
             exec {real} \"$@\"\n"
        ),
    );
    let o = env.destroy_with(env.cmd().env("PATH", &opens), "restic", &args);
    o.assert_code(1);
    env.not_recorded(&o);
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    let lines = command_lines(&env.journaled_commands());
    assert!(
        lines
            .last()
            .unwrap()
            .ends_with("snapshots --json --no-lock => exit 0"),
        "{lines:#?}"
    );

    // Taken up by the real restic, which can no longer open it: recorded
    // once, as a purge, with the commands of all three runs.
    let o = env.destroy("restic", &args);
    o.assert_code(0);
    assert!(o.stdout().contains("terminée et consignée"), "{}", o.text());
    let d = env.destructions();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["method"].as_str(), Some("purge"));
    let b = &d[0]["backups"];
    assert_eq!(b["crypto_erase"].as_bool(), Some(true));
    assert_eq!(b["deleted"].as_sequence().unwrap().len(), 2);
    assert_eq!(b["keys_destroyed"].as_sequence().unwrap().len(), 2);
    let recorded = recorded_commands(&env, &d[0]);
    let opening: Vec<&String> = recorded
        .iter()
        .filter(|l| l.contains(" snapshots --json --no-lock => "))
        .collect();
    // Listed before (exit 0), killed, "opens" (exit 0), cannot open.
    assert_eq!(opening.len(), 4, "{recorded:#?}");
    assert!(opening[1].ends_with("unfinished"), "{recorded:#?}");
    assert!(opening[2].ends_with("exit 0"), "{recorded:#?}");
    assert!(
        !opening[3].ends_with("exit 0") && !opening[3].ends_with("unfinished"),
        "{recorded:#?}"
    );
    let files = evidence_matches(&env, &d[0]);
    let after = files.iter().find(|f| f.ends_with("after.txt")).unwrap();
    assert!(env.ws.read(after).contains("snapshots"), "{after}");
    assert!(env.open_intents().is_empty());
    env.cmd().run(&["journal", "verify"]).assert_code(0);
}

/// Journals the fate file by a first write of dpo (`fate set`), as in a
/// workspace in use; returns its text.
fn journal_fate_file(env: &Env) -> String {
    env.cmd()
        .run(&[
            "fate",
            "set",
            "sauvegardes",
            "name",
            "Historique des sauvegardes de Juvisy",
        ])
        .assert_code(0);
    env.ws.read("fate/juvisy-sur-orge.yaml")
}

#[test]
fn a_fate_file_changed_outside_dpo_stops_the_destruction_before_any_command() {
    let env = Env::new();
    let repo = env.restic_repo("depots/partage", false);
    let brepo = env.path("depots/borg-juvisy").display().to_string();
    std::fs::create_dir_all(env.path("depots")).unwrap();
    env.ok_tool("borg", &["init", "-e", "repokey", &brepo]);
    env.ok_tool(
        "borg",
        &[
            "create",
            &format!("{brepo}::juvisy-2021-07-31"),
            "data/juvisy",
        ],
    );
    let fate = journal_fate_file(&env);
    env.ws.write(
        "fate/juvisy-sur-orge.yaml",
        &fate.replace("location: dépôt restic", "location: dépôt restic déplacé"),
    );
    let journal = env.ws.journal().len();
    for (copy, args) in [
        (
            "restic",
            vec!["--via", "restic", "--repo", &repo, "--host", "juvisy"],
        ),
        (
            "borg",
            vec![
                "--via",
                "borg",
                "--repo",
                &brepo,
                "--glob-archives",
                "juvisy-*",
                "--crypto-erase",
            ],
        ),
    ] {
        let o = env.destroy(copy, &args);
        o.assert_code(2);
        assert!(o.stderr().contains("modifié hors de dpo"), "{}", o.text());
        // Nothing ran: no intent, no command, the backups all there.
        assert_eq!(env.ws.journal().len(), journal, "{}", o.text());
    }
    assert_eq!(env.snapshots(&repo).len(), 3);
    assert_eq!(env.archives(&brepo).len(), 1);
    assert!(!env
        .ws
        .root()
        .join("evidence/fate/juvisy-sur-orge/sauvegardes")
        .exists());
}

#[test]
fn a_record_that_cannot_be_written_after_the_deletion_keeps_the_evidence_and_the_destruction_interrupted(
) {
    let env = Env::new();
    let repo = env.restic_repo("depots/partage", false);
    let fate = journal_fate_file(&env);
    let fate_path = env.ws.root().join("fate/juvisy-sur-orge.yaml");
    // Someone edits the fate file while restic prunes: after the deletion,
    // before the record.
    let real = which("restic");
    let path = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" prune \"*) echo '# edited' >> '{}';; esac\n\
             exec {real} \"$@\"\n",
            fate_path.display()
        ),
    );
    let args = ["--via", "restic", "--repo", &repo, "--host", "juvisy"];
    let o = env.destroy_with(env.cmd().env("PATH", &path), "restic", &args);
    o.assert_code(1);
    let err = o.stderr();
    assert!(err.contains("NON consigné"), "{}", o.text());
    assert!(err.contains("modifié hors de dpo"), "{}", o.text());
    assert!(!err.contains("rien n'a été écrit"), "{}", o.text());
    assert!(err.contains("reste interrompue"), "{}", o.text());
    assert!(err.contains("relancez la même commande"), "{}", o.text());
    let hosts: Vec<String> = env.snapshots(&repo).into_iter().map(|s| s.1).collect();
    assert_eq!(hosts, ["athis"]);
    assert!(env.destructions().is_empty());
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    // The evidence of what ran is journaled, not rolled back by the next
    // command: the listing after and every command, the forget included.
    let st = env.cmd().run(&["status"]);
    let lines = command_lines(&env.journaled_commands());
    assert!(
        lines
            .iter()
            .any(|l| l.contains(" forget ") && l.ends_with("exit 0")),
        "{lines:#?}"
    );
    let journal = env.ws.journal();
    assert!(!journal.iter().any(|e| e["action"] == "journal.rollback"));
    let after = journal
        .iter()
        .flat_map(|e| e["writes"].as_array().cloned().unwrap_or_default())
        .find(|w| w["file"].as_str().unwrap().ends_with("/after.json"))
        .expect("after.json journaled");
    let file = env.ws.root().join(after["file"].as_str().unwrap());
    assert_eq!(sha256sum(&file), after["sha256"].as_str().unwrap());
    let text = st.stdout();
    assert_eq!(
        text.matches("Destruction de sauvegardes interrompue")
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains("Envoi incertain"), "{text}");

    // The fate file put back, the same command records it once.
    std::fs::write(&fate_path, &fate).unwrap();
    let o = env.destroy("restic", &args);
    o.assert_code(0);
    assert!(o.stdout().contains("terminée et consignée"), "{}", o.text());
    let d = env.destructions();
    assert_eq!(d.len(), 1);
    let recorded = recorded_commands(&env, &d[0]);
    assert!(
        recorded.iter().any(|l| l.contains(" forget ")),
        "{recorded:#?}"
    );
    evidence_matches(&env, &d[0]);
    assert!(env.open_intents().is_empty());
    env.cmd().run(&["journal", "verify"]).assert_code(0);
    let st = env.cmd().run(&["status"]);
    assert!(!st.stdout().contains("Envoi incertain"), "{}", st.text());
    assert!(!st.stdout().contains("interrompue"), "{}", st.text());
}

#[test]
fn a_crypto_erase_needs_a_selection_that_covers_the_whole_repository() {
    let env = Env::new();
    // A repository that holds only Athis-Mons's backups.
    let repo = env.path("depots/athis").display().to_string();
    env.ok_tool("restic", &["-r", &repo, "init", "-q"]);
    env.ok_tool(
        "restic",
        &["-r", &repo, "backup", "-q", "--host", "athis", "data/athis"],
    );
    for args in [
        vec!["--via", "restic", "--repo", &repo, "--crypto-erase"],
        vec![
            "--via",
            "restic",
            "--repo",
            &repo,
            "--host",
            "juvisy",
            "--crypto-erase",
        ],
    ] {
        let o = env.destroy("restic", &args);
        o.assert_code(2);
        env.nothing_recorded(&o);
        assert_eq!(env.snapshots(&repo).len(), 1, "{}", o.text());
    }
    let o = env.destroy(
        "restic",
        &["--via", "restic", "--repo", &repo, "--crypto-erase"],
    );
    assert!(
        o.stderr().contains("même avec --crypto-erase"),
        "{}",
        o.text()
    );
}

#[test]
fn a_key_copy_that_is_not_a_key_of_the_repository_is_refused_and_left_alone() {
    let env = Env::new();
    let repo = env.restic_repo("depots/juvisy", true);
    let other = env.restic_repo("depots/autre", true);
    let other_key = std::fs::read_dir(Path::new(&other).join("keys"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::create_dir_all(env.path("coffre")).unwrap();
    let doc = env.path("coffre/notakey.txt");
    std::fs::write(&doc, "précieux document\n").unwrap();
    let foreign = env.path("coffre/cle-autre");
    std::fs::copy(&other_key, &foreign).unwrap();
    for copy in [&doc, &foreign] {
        let o = env.destroy(
            "restic",
            &[
                "--via",
                "restic",
                "--repo",
                &repo,
                "--host",
                "juvisy",
                "--crypto-erase",
                "--key-copy",
                copy.to_str().unwrap(),
            ],
        );
        o.assert_code(2);
        assert!(
            o.stderr().contains("n'est pas une clé du dépôt"),
            "{}",
            o.text()
        );
        env.nothing_recorded(&o);
        assert!(copy.exists());
    }
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        "précieux document\n"
    );
    assert_eq!(env.snapshots(&repo).len(), 2);

    // borg: a key exported from another repository is not this one's.
    let brepo = env.path("depots/borg-juvisy").display().to_string();
    let bother = env.path("depots/borg-autre").display().to_string();
    for r in [&brepo, &bother] {
        env.ok_tool("borg", &["init", "-e", "repokey", r]);
    }
    env.ok_tool(
        "borg",
        &[
            "create",
            &format!("{brepo}::juvisy-2021-07-31"),
            "data/juvisy",
        ],
    );
    let exported = env.path("coffre/cle-borg-autre");
    env.ok_tool(
        "borg",
        &["key", "export", &bother, exported.to_str().unwrap()],
    );
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &brepo,
            "--glob-archives",
            "juvisy-*",
            "--crypto-erase",
            "--key-copy",
            exported.to_str().unwrap(),
        ],
    );
    o.assert_code(2);
    env.nothing_recorded(&o);
    assert!(exported.exists());
    assert_eq!(env.archives(&brepo).len(), 1);
}

#[test]
fn a_borg_keyfile_repository_is_erased_with_its_key_file_or_refused() {
    let env = Env::new();
    let repo = env.path("depots/juvisy").display().to_string();
    std::fs::create_dir_all(env.path("depots")).unwrap();
    env.ok_tool("borg", &["init", "-e", "keyfile", &repo]);
    env.ok_tool(
        "borg",
        &[
            "create",
            &format!("{repo}::juvisy-2021-07-31"),
            "data/juvisy",
        ],
    );
    let keys = env.ws.home().join(".config/borg/keys");
    let key = std::fs::read_dir(&keys)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let args = [
        "--via",
        "borg",
        "--repo",
        &repo,
        "--glob-archives",
        "juvisy-*",
        "--crypto-erase",
    ];
    // Without its key file: refused, nothing touched.
    let o = env.destroy("borg", &args);
    o.assert_code(2);
    assert!(o.stderr().contains("mode keyfile"), "{}", o.text());
    env.nothing_recorded(&o);
    assert!(key.exists());
    assert_eq!(env.archives(&repo).len(), 1);
    // With it: the key file is what is destroyed, and the record says so.
    let mut with_key = args.to_vec();
    let k = key.to_str().unwrap();
    with_key.extend(["--key-copy", k]);
    let o = env.destroy("borg", &with_key);
    o.assert_code(0);
    assert!(!key.exists());
    assert!(!Path::new(&repo).exists());
    let d = env.destructions();
    assert_eq!(d[0]["method"].as_str(), Some("purge"));
    let destroyed: Vec<&str> = d[0]["backups"]["keys_destroyed"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(destroyed, [k]);
    evidence_matches(&env, &d[0]);
}

#[test]
fn a_borg_crypto_erase_taken_up_after_the_repository_is_gone_says_it_no_longer_opens() {
    let env = Env::new();
    let repo = env.borg_juvisy_repo("depots/juvisy");
    let fate = journal_fate_file(&env);
    let fate_path = env.ws.root().join("fate/juvisy-sur-orge.yaml");
    // The fate file edited once the repository is gone: not recorded.
    let real = which("borg");
    let path = env.wrapper(
        "borg",
        &format!(
            "#!/bin/sh\n\
             [ -d '{repo}' ] || echo '# edited' >> '{}'\n\
             exec {real} \"$@\"\n",
            fate_path.display()
        ),
    );
    let args = [
        "--via",
        "borg",
        "--repo",
        &repo,
        "--glob-archives",
        "juvisy-*",
        "--crypto-erase",
    ];
    let o = env.destroy_with(env.cmd().env("PATH", &path), "borg", &args);
    o.assert_code(1);
    assert!(!o.stderr().contains("rien n'a été écrit"), "{}", o.text());
    assert!(o.stderr().contains("reste interrompue"), "{}", o.text());
    assert!(!Path::new(&repo).exists());
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/borg"]);
    std::fs::write(&fate_path, &fate).unwrap();
    let o = env.destroy("borg", &args);
    o.assert_code(0);
    assert!(
        o.stdout().contains("le dépôt était déjà supprimé"),
        "{}",
        o.text()
    );
    assert!(!o.stdout().contains("encore listée"), "{}", o.text());
    let d = env.destructions();
    assert_eq!(d[0]["method"].as_str(), Some("purge"));
    evidence_matches(&env, &d[0]);
}

#[test]
fn the_certificate_says_technique_and_verification_in_its_own_language() {
    let env = Env::new();
    let restic = env.restic_repo("depots/restic", false);
    let borg = env.path("depots/borg-juvisy").display().to_string();
    std::fs::create_dir_all(env.path("depots")).unwrap();
    env.ok_tool("borg", &["init", "-e", "repokey", &borg]);
    env.ok_tool(
        "borg",
        &[
            "create",
            &format!("{borg}::juvisy-2021-07-31"),
            "data/juvisy",
        ],
    );
    env.cmd().run(&["keys", "generate"]).assert_code(0);
    env.cmd()
        .run(&["fate", "fingerprint", "sauvegardes", "data/juvisy"])
        .assert_code(0);
    // One destruction recorded in French, the other in English.
    env.destroy(
        "restic",
        &["--via", "restic", "--repo", &restic, "--host", "juvisy"],
    )
    .assert_code(0);
    env.destroy_with(
        env.cmd().english(),
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &borg,
            "--glob-archives",
            "juvisy-*",
            "--crypto-erase",
        ],
    )
    .assert_code(0);
    let d = env.destructions();
    assert!(d[0]["technique"]
        .as_str()
        .unwrap()
        .starts_with("suppression"));
    assert!(d[1]["technique"]
        .as_str()
        .unwrap()
        .starts_with("cryptographic"));
    assert!(d[1]["backups"]["unopened"]["command"]
        .as_str()
        .unwrap()
        .starts_with("borg list"));
    let (en, fr) = (
        [
            "deletion of the selected snapshots",
            "cryptographic erase:",
            " fails (",
            "local caches removed with the repository",
        ],
        [
            "suppression des instantanés",
            "effacement cryptographique :",
            " échoue (",
            "Caches locaux de l",
        ],
    );
    for (lang, said, not_said) in [("en", en, fr), ("fr", fr, en)] {
        let out = format!("out/certificat-{lang}.pdf");
        let o = env
            .cmd()
            .run(&["--lang", lang, "fate", "certify", "-o", &out]);
        o.assert_code(0);
        let t = pdf_text(&env.path(&out));
        for s in said {
            assert!(t.contains(s), "{lang}: {s}: {t}");
        }
        for s in not_said {
            assert!(!t.contains(s), "{lang}: {s}: {t}");
        }
        // The commands and errors quoted are printed as code, without
        // Markdown's backticks (review of issue 15).
        assert!(!t.contains('`'), "{lang}: {t}");
        assert!(t.contains("(restic forget"), "{lang}: {t}");
    }
}

#[test]
fn the_tools_own_english_error_is_quoted_as_is_in_a_french_certificate() {
    let env = Env::new();
    let restic = env.restic_repo("depots/restic", true);
    let borg = env.borg_repo("depots/borg");
    env.cmd().run(&["keys", "generate"]).assert_code(0);
    env.cmd()
        .run(&["fate", "fingerprint", "sauvegardes", "data/juvisy"])
        .assert_code(0);
    env.destroy(
        "restic",
        &[
            "--via",
            "restic",
            "--repo",
            &restic,
            "--host",
            "juvisy",
            "--crypto-erase",
        ],
    )
    .assert_code(0);
    env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            &borg,
            "--glob-archives",
            "juvisy-*",
        ],
    )
    .assert_code(0);
    env.cmd()
        .run(&["fate", "certify", "-o", "out/certificat.pdf"])
        .assert_code(0);
    let t = pdf_text(&env.path("out/certificat.pdf"));
    // restic's "Fatal: unable to open config file: stat …", not French
    // spacing put into it.
    assert!(t.contains("Fatal: unable"), "{t}");
    assert!(!t.contains("Fatal :"), "{t}");
}

/// restic as installed, except that `prune` fails with `line` on stderr
/// after a warning: the forget goes through, the destruction stays open.
fn failing_prune(env: &Env, line: &str) -> String {
    let real = which("restic");
    env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" prune \"*)\n\
               echo 'Warning: something unrelated' >&2; echo '{line}' >&2; echo >&2; exit 1;;\n\
             esac\n\
             exec {real} \"$@\"\n"
        ),
    )
}

#[test]
fn an_interrupted_destruction_blocks_a_typed_destroy_an_import_and_the_certificate() {
    let env = Env::new();
    let repo = env.restic_repo("depots/restic", false);
    let via = ["--via", "restic", "--repo", &repo, "--host", "juvisy"];
    let o = env.destroy_with(
        env.cmd()
            .env("PATH", failing_prune(&env, "Fatal: prune failed")),
        "restic",
        &via,
    );
    o.assert_code(1);
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    let again = format!("--via restic --repo {repo} --host juvisy");
    // A typed destruction of the same copy is refused, and says what to run.
    let typed = env.destroy(
        "restic",
        &[
            "--method",
            "clear",
            "--technique",
            "effacement",
            "--tool",
            "x 1",
            "--verification",
            "vu",
        ],
    );
    typed.assert_code(2);
    let t = typed.stderr();
    assert!(t.contains("a été interrompue"), "{t}");
    assert!(
        t.contains(&format!(
            "relançant `dpo fate destroy sauvegardes --copy restic --operator … {again}`"
        )),
        "{t}"
    );
    // So is a destruction proven by imported listings.
    let listing = |n: &str| {
        crate::support::fixture("imports")
            .join(n)
            .display()
            .to_string()
    };
    let (b, a) = (listing("pbs-before.json"), listing("pbs-after.json"));
    let import = env.destroy(
        "restic",
        &[
            "--listing-before",
            &b,
            "--listing-after",
            &a,
            "--format",
            "pbs",
            "--select",
            "group=vm/101",
        ],
    );
    import.assert_code(2);
    assert!(import.stderr().contains(&again), "{}", import.text());
    env.not_recorded(&import);
    // `fate list` says it is interrupted and how to take it up.
    let list = env.cmd().run(&["fate", "list"]);
    list.assert_code(0);
    let l = list.stdout();
    assert!(l.contains("destruction interrompue"), "{l}");
    assert!(
        l.contains(&format!(
            "→ relancez `dpo fate destroy sauvegardes --copy restic --operator … {again}`"
        )),
        "{l}"
    );
    assert!(!l.contains("rien en attente"), "{l}");
    let restic_line = l
        .lines()
        .find(|x| x.trim_start().starts_with("restic "))
        .unwrap();
    assert!(!restic_line.contains("en attente"), "{l}");
    let en = env.cmd().english().run(&["fate", "list"]);
    assert!(
        en.stdout().contains("interrupted destruction"),
        "{}",
        en.text()
    );
    // No certificate while it is open.
    let c = env.cmd().run(&["fate", "certify"]);
    c.assert_code(2);
    assert!(c.stderr().contains("pas de certificat"), "{}", c.text());
    assert!(c.stderr().contains(&again), "{}", c.text());
    // The same command again takes it up and records it; then the typed
    // destruction is no longer blocked by it.
    let o = env.destroy("restic", &via);
    o.assert_code(0);
    assert!(o.stdout().contains("terminée et consignée"), "{}", o.text());
    let list = env.cmd().run(&["fate", "list"]);
    assert!(!list.stdout().contains("interrompue"), "{}", list.text());
}

#[test]
fn a_crypto_erase_through_a_symbolic_link_removes_the_real_folder() {
    let env = Env::new();
    let real = env.restic_repo("depots/reel", true);
    let link = env.path("depots/lien");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let link = link.display().to_string();
    let o = env.destroy(
        "restic",
        &[
            "--via",
            "restic",
            "--repo",
            &link,
            "--host",
            "juvisy",
            "--crypto-erase",
        ],
    );
    o.assert_code(0);
    // The folder the link led to is gone, not only the link's target keys.
    assert!(!Path::new(&real).exists(), "{}", o.text());
    let d = env.destructions();
    let b = &d[0]["backups"];
    assert_eq!(b["repository"].as_str(), Some(link.as_str()));
    let real_abs = std::fs::canonicalize(env.path("depots"))
        .unwrap()
        .join("reel");
    assert_eq!(
        b["unopened"]["folder_removed"].as_str(),
        Some(real_abs.to_str().unwrap()),
        "{b:?}"
    );
    for key in b["keys_destroyed"].as_sequence().unwrap() {
        assert!(
            key.as_str()
                .unwrap()
                .starts_with(real_abs.to_str().unwrap()),
            "{key:?}"
        );
    }
    assert!(
        d[0]["verification"].as_str().unwrap().contains(&format!(
            "son dossier `{}` n'existe plus",
            real_abs.display()
        )),
        "{:?}",
        d[0]["verification"]
    );
    evidence_matches(&env, &d[0]);
}

#[test]
fn without_a_password_variable_nothing_runs_and_the_tools_real_error_is_quoted() {
    let env = Env::new();
    let brepo = env.borg_repo("depots/borg");
    let repo = env.restic_repo("depots/restic", false);
    // No variable gives the password: borg would ask for it on the
    // terminal; nothing is run, the message names the variables.
    for (copy, args, var) in [
        ("borg", borg_args(&brepo).to_vec(), "BORG_PASSPHRASE"),
        (
            "restic",
            vec!["--via", "restic", "--repo", &repo, "--host", "juvisy"],
            "RESTIC_PASSWORD",
        ),
    ] {
        let mut c = env.ws.dpo().now(NOW).into_command();
        for k in [
            "BORG_PASSPHRASE",
            "BORG_PASSCOMMAND",
            "BORG_PASSPHRASE_FD",
            "RESTIC_PASSWORD",
            "RESTIC_PASSWORD_FILE",
            "RESTIC_PASSWORD_COMMAND",
        ] {
            c.env_remove(k);
        }
        let o = Run::from(c.args(destroy_args(copy, &args)).output().unwrap());
        o.assert_code(2);
        assert!(o.stderr().contains(var), "{}", o.text());
        assert!(o.stderr().contains("rien n'a été lancé"), "{}", o.text());
        env.nothing_recorded(&o);
        assert!(!env
            .path("evidence/fate/juvisy-sur-orge/sauvegardes")
            .exists());
    }
    // borg's error comes after its usage line: the error is quoted, and the
    // password in the URL masked.
    let o = env.destroy(
        "borg",
        &[
            "--via",
            "borg",
            "--repo",
            "ssh://u:secret-7Qz@127.0.0.1:9/x",
            "--glob-archives",
            "juvisy-*",
        ],
    );
    o.assert_code(1);
    let t = o.stderr();
    assert!(t.contains("Invalid location format"), "{t}");
    assert!(!t.contains(": usage:"), "{t}");
    assert!(!t.contains("secret-7Qz"), "{t}");
    // A warning before the error is not quoted for it.
    let o = env.destroy_with(
        env.cmd()
            .env("PATH", failing_prune(&env, "Fatal: prune failed")),
        "restic",
        &["--via", "restic", "--repo", &repo, "--host", "juvisy"],
    );
    o.assert_code(1);
    assert!(o.stderr().contains(": Fatal: prune failed"), "{}", o.text());
    assert!(!o.stderr().contains("something unrelated"), "{}", o.text());
}

#[test]
fn a_fate_file_that_cannot_be_written_after_the_deletion_says_why_in_the_runs_language() {
    let env = Env::new();
    let repo = env.restic_repo("depots/partage", false);
    let fate_dir = env.ws.root().join("fate");
    // The fate folder made unwritable while restic prunes (immutable as
    // root, read-only otherwise): the record cannot be written.
    let real = which("restic");
    let path = env.wrapper(
        "restic",
        &format!(
            "#!/bin/sh\n\
             case \" $* \" in *\" prune \"*) chattr +i '{d}' 2>/dev/null || chmod a-w '{d}';; esac\n\
             exec {real} \"$@\"\n",
            d = fate_dir.display()
        ),
    );
    let args = ["--via", "restic", "--repo", &repo, "--host", "juvisy"];
    let o = env.destroy_with(env.cmd().env("PATH", &path), "restic", &args);
    let _ = run(Command::new("chattr").arg("-i").arg(&fate_dir));
    let _ = run(Command::new("chmod").arg("u+w").arg(&fate_dir));
    o.assert_code(1);
    let err = o.stderr();
    assert!(
        err.contains("NON consigné\u{202f}: écriture impossible de `"),
        "{err}"
    );
    // What the system said: EPERM (chattr) or EACCES (chmod), with its code.
    assert!(
        err.contains("cause\u{202f}: permission refusée (1)")
            || err.contains("cause\u{202f}: permission refusée (13)"),
        "{err}"
    );
    assert!(!err.contains("failed to write"), "{err}");
    assert!(err.contains("reste interrompue"), "{err}");
    assert_eq!(env.open_intents(), ["juvisy-sur-orge/sauvegardes/restic"]);
    // The same command, once the folder is writable, records it.
    let o = env.destroy("restic", &args);
    o.assert_code(0);
    assert_eq!(env.destructions().len(), 1);
}

#[test]
fn fate_list_is_coherent_once_every_copy_is_destroyed_and_says_inclusive_in_english() {
    let env = Env::new();
    // Protected until the end of September: said with "inclusive".
    env.ws.write(
        "fate/juvisy-sur-orge.yaml",
        &FATE.replace(
            "location: dépôt borg\n",
            "location: dépôt borg\n        immutable_until: 2021-09-30\n",
        ),
    );
    let en = env.cmd().english().run(&["fate", "list"]);
    en.assert_code(0);
    assert!(
        en.stdout()
            .contains("protected from deletion until 30 September 2021 inclusive"),
        "{}",
        en.text()
    );
    env.ws.write("fate/juvisy-sur-orge.yaml", FATE);
    for copy in ["restic", "borg"] {
        env.destroy(
            copy,
            &[
                "--method",
                "clear",
                "--technique",
                "effacement",
                "--tool",
                "x 1",
                "--verification",
                "vu",
            ],
        )
        .assert_code(0);
    }
    // Every copy destroyed: the item is done, and no step « before
    // destroying » (a fingerprint) is left above « rien en attente ».
    let l = env.cmd().run(&["fate", "list"]);
    l.assert_code(0);
    let t = l.stdout();
    assert!(t.contains("[destruction] fait"), "{t}");
    assert!(!t.contains("à faire"), "{t}");
    assert!(!t.contains("empreinte"), "{t}");
    assert!(t.contains("rien en attente"), "{t}");
}
