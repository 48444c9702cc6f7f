//! Integration tests of issue 5, items 4–8: people, security measures and the
//! convention's term in `dpo status` (with `--controller`), and the audit
//! pack checked with the real `sha256sum -c`, `ssh-keygen -Y verify` and
//! `pdftotext`.
//!
//! Each test copies a `tests/fixtures/status-*` workspace to a temporary
//! folder (`support::Workspace`, whose home folder keeps a real signing key
//! out of reach).

use std::path::{Path, PathBuf};

use crate::support::status::status_records;
use crate::support::tools::{pdftotext, sha256sum_in, ssh_keygen_verify};
use crate::support::{Run, Workspace};

const PRINCIPAL: &str = "DPO@grandorlyseinebievre.fr";

/// `dpo` at the instant `now`.
fn dpo(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    ws.dpo().now(now).run(args)
}

/// `dpo --json` at the instant `now`: the JSON it printed and its exit code.
fn json(ws: &Workspace, now: &str, args: &[&str]) -> (serde_json::Value, i32) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = dpo(ws, now, &all);
    (out.json(), out.code().unwrap_or(-1))
}

fn items(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["items"].as_array().cloned().unwrap_or_default()
}

fn find<'a>(items: &'a [serde_json::Value], kind: &str, subject: &str) -> &'a serde_json::Value {
    items
        .iter()
        .find(|i| i["kind"] == kind && i["subject"] == subject)
        .unwrap_or_else(|| panic!("no {kind} {subject} in {items:#?}"))
}

#[test]
fn status_lists_every_overdue_kind_and_exits_1() {
    let ws = Workspace::fixture("status-overdue");
    let now = "2021-03-01T10:00:00+01:00";
    // One overdue record of each other kind, made with the real commands: a
    // breach never notified, a request never forwarded, a notice of a
    // sub-processor whose contract has started never sent.
    for args in status_records("2021-02-20 09:00", "2021-02-15") {
        let o = dpo(&ws, now, &args);
        assert!(o.success(), "{args:?}: {}", o.stderr());
    }
    let (v, code) = json(&ws, now, &["status"]);
    assert_eq!(code, 1, "{v:#}");
    let items = items(&v);
    let overdue = |kind, subject| {
        let i = find(&items, kind, subject);
        assert_eq!(i["state"], "overdue", "{i:#}");
        i.clone()
    };
    // Missing information is flagged, as to do: `dpo check` warns about it.
    let todo = |kind, subject| {
        let i = find(&items, kind, subject);
        assert_eq!(i["state"], "pending", "{i:#}");
        i.clone()
    };
    let i = todo("people.commitment", "sans-engagement");
    assert_eq!(i["missing"][0], "confidentiality_commitment");
    let i = todo("measure.test", "jamais-testee");
    assert_eq!(i["missing"][0], "last_tested");
    let i = overdue("people.training", "formation-ancienne");
    assert_eq!(i["due"], "2020-06-01T23:59:59+02:00");
    overdue("breach.notification", "2021-001/alpha");
    overdue("request.forward", "2021-001/alpha");
    overdue("subprocessor.notice", "2021-001/alpha");
    let i = overdue("measure.test", "sauvegardes");
    assert_eq!(i["due"], "2020-12-15T23:59:59+01:00");
    let i = overdue("fate.certificate", "alpha");
    assert_eq!(i["due"], "2020-06-30T23:59:59+02:00");
    assert_eq!(i["missing"][0], "fate_file");
    // The overdue come first: sorted by urgency.
    let first_not_overdue = items.iter().position(|i| i["state"] != "overdue").unwrap();
    assert!(items[first_not_overdue..]
        .iter()
        .all(|i| i["state"] != "overdue"));
    assert_eq!(v["needs_action"], 6);
}

#[test]
fn the_sample_workspace_exits_0_at_a_date_where_nothing_is_overdue() {
    // The sample keeps what the act leaves blank (commitments, tests): listed
    // as to do, not overdue. Before the renewal date and the end, all is well.
    let ws = Workspace::sample();
    let (v, code) = json(&ws, "2021-03-01T10:00:00+01:00", &["status"]);
    assert_eq!(code, 0, "{v:#}");
    let items = items(&v);
    assert!(items.iter().any(|i| i["kind"] == "people.commitment"));
    assert_eq!(
        find(&items, "convention.renewal", "juvisy-sur-orge")["due"],
        "2021-06-30T23:59:59+02:00"
    );
    // After the end, the data-fate duty is overdue until a certificate exists.
    // The term's last day, Saturday 31 July 2021, moves to Monday 2 August
    // (Reg. 1182/71, art. 3(4)): overdue from Tuesday 3 August.
    let (v, code) = json(&ws, "2021-08-03T10:00:00+02:00", &["status"]);
    assert_eq!(code, 1);
    assert_eq!(
        find(&items_of(&v), "fate.certificate", "juvisy-sur-orge")["state"],
        "overdue"
    );
}

#[test]
fn a_complete_workspace_exits_0_and_shows_its_coming_deadlines() {
    let ws = Workspace::fixture("status-complete");
    let (v, code) = json(&ws, "2021-03-01T10:00:00+01:00", &["status"]);
    assert_eq!(code, 0, "{v:#}");
    let items = items(&v);
    assert!(items.iter().all(|i| i["state"] != "overdue"), "{items:#?}");
    assert_eq!(
        find(&items, "convention.end", "alpha")["due"],
        "2022-01-31T23:59:59+01:00"
    );
    assert_eq!(
        find(&items, "convention.renewal", "alpha")["due"],
        "2021-12-31T23:59:59+01:00"
    );
    assert_eq!(
        find(&items, "fate.certificate", "alpha")["state"],
        "pending"
    );
    assert_eq!(
        find(&items, "people.training", "technicien")["due"],
        "2022-11-15T23:59:59+01:00"
    );
}

#[test]
fn a_daylight_saving_change_does_not_shift_a_date_deadline() {
    // Tested on 15 January (UTC+01:00), every 3 months: due 15 April, in summer time.
    let ws = Workspace::fixture("status-complete");
    let (v, code) = json(&ws, "2021-04-15T23:30:00+02:00", &["status"]);
    assert_eq!(code, 0, "{v:#}");
    let items = items(&v);
    let i = find(&items, "measure.test", "sauvegardes");
    assert_eq!(i["due"], "2021-04-15T23:59:59+02:00");
    assert_eq!(i["state"], "due_soon");
    // Half an hour into 16 April local time (still 15 April in UTC): overdue.
    let (v, code) = json(&ws, "2021-04-16T00:30:00+02:00", &["status"]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(
        find(&items_of(&v), "measure.test", "sauvegardes")["state"],
        "overdue"
    );
}

fn items_of(v: &serde_json::Value) -> Vec<serde_json::Value> {
    items(v)
}

#[test]
fn after_the_end_a_certificate_in_the_fate_file_settles_the_fate_duty() {
    let ws = Workspace::fixture("status-two-controllers");
    let (v, _) = json(&ws, "2021-06-01T10:00:00+02:00", &["status"]);
    let items = items(&v);
    // Issued on 15 July 2020 against an end on 30 June 2020: settled, but
    // late (issue 9 review, as a late forward is).
    assert_eq!(
        find(&items, "fate.certificate", "alpha")["state"],
        "done_late"
    );
    assert_eq!(
        find(&items, "fate.certificate", "bravo")["state"],
        "done_late"
    );
}

#[test]
fn status_for_one_controller_lists_nothing_of_another() {
    let ws = Workspace::fixture("status-two-controllers");
    let (v, _) = json(
        &ws,
        "2021-06-01T10:00:00+02:00",
        &["status", "--controller", "alpha"],
    );
    let text = v["items"].to_string();
    assert!(text.contains("2021-001"), "{text}");
    assert!(text.contains("agent-commun"), "{text}");
    assert!(!text.contains("bravo"), "{text}");
    assert!(!text.contains("Bravo"), "{text}");
    assert!(!text.contains("2021-002"), "{text}");
    let out = dpo(
        &ws,
        "2021-06-01T10:00:00+02:00",
        &["status", "--controller", "nope"],
    );
    assert_eq!(out.code(), Some(2));
}

fn pack(ws: &Workspace, controller: Option<&str>) -> PathBuf {
    let now = "2021-06-01T10:00:00+02:00";
    let out = dpo(ws, now, &["keys", "generate"]);
    assert!(out.success(), "{}", out.stderr());
    let note = dpo(
        ws,
        now,
        &[
            "journal",
            "note",
            "--subject",
            "fate/bravo.yaml",
            "-m",
            "COTECH Commune de Bravo",
        ],
    );
    assert!(note.success());
    let dir = ws.path("pack");
    let mut args = vec!["audit", "pack", "-o", dir.to_str().unwrap()];
    if let Some(c) = controller {
        args.extend(["--controller", c]);
    }
    let out = dpo(ws, now, &args);
    assert_eq!(out.code(), Some(0), "{}\n{}", out.stdout(), out.stderr());
    dir
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            files(&e.path(), out);
        } else {
            out.push(e.path());
        }
    }
}

fn text_of(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "pdf") {
        pdftotext(path, &[])
    } else {
        String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
    }
}

#[test]
fn an_audit_pack_verifies_with_sha256sum_and_ssh_keygen() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = pack(&ws, None);
    for f in [
        "register/register.pdf",
        "register/register.csv",
        "breaches/2021-001.pdf",
        "breaches/2021-002.pdf",
        "requests/log.pdf",
        "requests/log.csv",
        "people.pdf",
        "security-measures.csv",
        "evidence/breaches/2021-002-bravo.eml",
        "evidence/certificates/alpha.json",
        "journal/journal.jsonl",
        "journal/verification.txt",
        "keys/allowed_signers",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert!(text_of(&dir.join("journal/verification.txt")).contains("journal intact"));
    let sum = sha256sum_in(&dir, &["-c", "--strict", "MANIFEST.sha256"]);
    assert!(sum.success(), "{}", sum.text());
    let verify = ssh_keygen_verify(
        &dir.join("keys/allowed_signers"),
        PRINCIPAL,
        "file",
        &dir.join("MANIFEST.sha256.sig"),
        &dir.join("MANIFEST.sha256"),
    );
    assert!(verify.success(), "{}", verify.text());
    // Tamper: one byte of a listed file, and sha256sum says which.
    std::fs::write(dir.join("people.csv"), b"tampered").unwrap();
    let sum = sha256sum_in(&dir, &["-c", "MANIFEST.sha256"]);
    assert!(!sum.success());
    assert!(sum.stdout().contains("people.csv: FAILED"));
}

#[test]
fn a_pack_for_controller_a_holds_no_file_that_names_controller_b() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = pack(&ws, Some("alpha"));
    let mut all = Vec::new();
    files(&dir, &mut all);
    assert!(dir.join("breaches/2021-001.pdf").is_file());
    assert!(dir.join("requests/r-alpha.yaml").is_file());
    assert!(dir.join("evidence/certificates/alpha.json").is_file());
    assert!(dir.join("fate/alpha.yaml").is_file());
    for f in &all {
        let text = text_of(f);
        for needle in ["bravo", "Bravo", "2021-002"] {
            assert!(
                !text.contains(needle),
                "{} names `{needle}`:\n{text}",
                f.display()
            );
        }
    }
    let people = text_of(&dir.join("people.csv"));
    assert!(people.contains("agent-alpha") && people.contains("agent-commun"));
    let sum = sha256sum_in(&dir, &["-c", "--strict", "MANIFEST.sha256"]);
    assert!(sum.success());
}
