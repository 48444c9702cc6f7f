//! Evidence cross-checks (issue 8, points 2 and 4), with the real binary and
//! a real SMTP server: a notification's `sent_at`, its kept `.eml`'s `Date:`
//! and bytes, and the journal must agree, or `dpo check` exits 1 naming the
//! file and the field; a call before `aware_at` is refused; a note's text is
//! kept in the journal, shown, and checked by `journal verify`.

use std::process::Command;

use crate::support::breach::call_mme_martin;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{run, sha256sum};
use crate::support::Workspace;

const ID: &str = "2021-001";
const BREACH: &str = "breaches/2021-001.yaml";
const EML: &str = "evidence/breaches/2021-001/juvisy-sur-orge-1.eml";

/// `tests/fixtures/juvisy-workspace` with the request and notice contacts
/// and the breach `tests/fixtures/breach-records/2021-001.yaml`, adopted.
fn workspace() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    ws.write_breach_record(ID);
    // Written by hand: adopted, as a DPO would, or `check` reports it as a
    // record no journal entry vouches for (issue 8, point 1).
    ws.dpo()
        .run(&["record", "adopt", BREACH, "--reason", "fixture"])
        .assert_code(0);
    ws
}

/// SHA-256 of `bytes` by `sha256sum`, from a file beside the workspace.
fn sha256_of(ws: &Workspace, bytes: &[u8]) -> String {
    let path = ws.dir().join("bytes-to-hash");
    std::fs::write(&path, bytes).expect("write bytes to hash");
    sha256sum(&path)
}

/// Runs `dpo check`; its exit code and standard output.
fn check(ws: &Workspace) -> (i32, String) {
    // In English: the evidence findings' texts are checked word for word.
    let r = ws
        .dpo()
        .english()
        .run(&["--now", "2021-03-30 12:00", "check"]);
    r.assert_no_panic();
    (r.code().unwrap_or(-1), r.stdout())
}

/// A workspace where breach `2021-001` was notified at 2021-03-26 11:00
/// (Paris), and `dpo check` is clean.
fn notified(server: &SmtpServer) -> Workspace {
    let ws = workspace();
    ws.dpo()
        .smtp(server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID])
        .assert_code(0);
    let (code, out) = check(&ws);
    assert_eq!(code, 0, "a genuine notification passes:\n{out}");
    ws
}

#[test]
fn a_notification_whose_record_or_kept_message_was_edited_is_a_finding() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified(&server);
    let record = ws.read(BREACH);
    let eml = std::fs::read(ws.root().join(EML)).expect("kept .eml");
    assert!(
        record.contains("sent_at: 2021-03-26T11:00:00+01:00"),
        "{record}"
    );

    // sent_at moved back: it is neither the message's Date nor the journal's instant.
    ws.write(
        BREACH,
        &record.replace(
            "sent_at: 2021-03-26T11:00:00+01:00",
            "sent_at: 2021-03-26T10:30:00+01:00",
        ),
    );
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("notifications[0].sent_at"))
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&format!("error: {BREACH}:"))),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("not the Date of the kept message `{EML}`"))),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("not the instant of journal entry")
                && l.contains("breach.notify.intent")),
        "{out}"
    );
    ws.write(BREACH, &record);
    assert_eq!(check(&ws).0, 0);

    // The same instant written with another offset is the same instant.
    ws.write(
        BREACH,
        &record.replace(
            "sent_at: 2021-03-26T11:00:00+01:00",
            "sent_at: 2021-03-26T10:00:00Z",
        ),
    );
    // The cross-checks accept it; the file itself is no longer what dpo
    // wrote, which `check` reports as a change made outside dpo (point 1).
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(
        !out.contains("is not the Date of the kept message"),
        "{out}"
    );
    assert!(!out.contains("not the instant of journal entry"), "{out}");
    assert!(out.contains(&format!("error: {BREACH}: ")), "{out}");
    ws.write(BREACH, &record);
    assert_eq!(check(&ws).0, 0);

    // The kept message's Date edited: it no longer matches sent_at, nor its hash.
    let text = String::from_utf8(eml.clone()).expect("the .eml is ASCII");
    let date = "Date: Fri, 26 Mar 2021 10:00:00 +0000";
    assert!(text.contains(date), "{text}");
    ws.write(
        EML,
        &text.replacen(date, "Date: Fri, 26 Mar 2021 09:30:00 +0000", 1),
    );
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("notifications[0].sent_at: sent_at (2021-03-26 11:00 (UTC+01:00)) is not the Date of the kept message"), "{out}");
    assert!(out.contains("(2021-03-26 10:30 (UTC+01:00))"), "{out}");
    assert!(out.contains("notifications[0].sha256"), "{out}");
    std::fs::write(ws.root().join(EML), &eml).expect("restore");
    assert_eq!(check(&ws).0, 0);

    // One byte of the body changed: the hash names it.
    let mut edited = eml.clone();
    let last = edited.len() - 3;
    edited[last] ^= 0x01;
    std::fs::write(ws.root().join(EML), &edited).expect("edit");
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    let sha_lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("notifications[0].sha256"))
        .collect();
    assert_eq!(sha_lines.len(), 1, "{out}");
    assert!(
        sha_lines[0].contains(&format!("the kept message `{EML}` has SHA-256")),
        "{out}"
    );
    assert!(!out.contains("sent_at"), "the Date still matches:\n{out}");

    // Record and message edited together, hash updated: no journal entry vouches for it.
    let sha = sha256sum(&ws.root().join(EML));
    let old_sha = sha256_of(&ws, &eml);
    ws.write(BREACH, &record.replace(&old_sha, &sha));
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("notifications[0].sha256: no journal entry records the sending of a message with SHA-256 {sha}")), "{out}");

    // The kept message removed.
    std::fs::remove_file(ws.root().join(EML)).expect("remove");
    ws.write(BREACH, &record);
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "notifications[0].eml: the kept message `{EML}` is missing"
        )),
        "{out}"
    );

    // The JSON report carries the findings.
    let r = ws
        .dpo()
        .run(&["--json", "--now", "2021-03-30 12:00", "check"]);
    r.assert_code(1);
    let v = r.json();
    assert!(
        v["diagnostics"].as_array().is_some_and(|d| d
            .iter()
            .any(|d| d["file"] == BREACH && d["field"] == "notifications[0].eml")),
        "{v}"
    );
}

#[test]
fn a_notification_sent_on_the_system_clock_passes_its_cross_checks() {
    // No --now: the clock has a fraction of a second, which neither the
    // journal nor the Date header keeps.
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.dpo()
        .smtp(&server)
        .run(&[
            "breach",
            "notify",
            ID,
            "--late-reason",
            "test on the system clock",
        ])
        .assert_code(0);
    let r = ws.dpo().run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.text());
}

#[test]
fn a_forwarded_request_whose_kept_message_was_edited_is_a_finding() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.dpo()
        .smtp(&server)
        .run(&[
            "--now",
            "2021-03-26 11:00",
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "access",
            "--received-at",
            "2021-03-26 09:00",
            "--summary",
            "Accès au dossier RH",
        ])
        .assert_code(0);
    assert_eq!(check(&ws).0, 0, "{}", check(&ws).1);
    let record = ws.read("requests/2021-001.yaml");
    let eml = record
        .lines()
        .find_map(|l| l.trim().strip_prefix("eml: "))
        .expect("the forward's .eml")
        .to_string();
    let mut bytes = std::fs::read(ws.root().join(&eml)).expect("kept .eml");
    bytes.push(b'\n');
    std::fs::write(ws.root().join(&eml), &bytes).expect("edit");
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("error: requests/2021-001.yaml:")
                && l.contains("forwarded.sha256")
                && l.contains(&eml)),
        "{out}"
    );
}

#[test]
fn a_call_before_aware_at_is_refused_and_a_stored_one_is_a_finding() {
    let ws = workspace();
    let before = ws.read(BREACH);
    let journal = || std::fs::read_to_string(ws.root().join("journal.jsonl")).unwrap_or_default();
    let journaled = journal();
    let call = |at: &str| {
        ws.dpo().english().run(
            &[
                &["--now", "2021-03-26 12:00"][..],
                &call_mme_martin(ID, Some(at), "notification reçue"),
            ]
            .concat(),
        )
    };
    let r = call("2020-01-01 10:00");
    r.assert_code(2);
    assert!(
        r.stderr().contains("the call (1 January 2020, 10:00 (UTC+01:00)) is before breach `2021-001`'s aware_at (26 March 2021, 10:00 (UTC+01:00))"),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("hint: check --at"), "{}", r.stderr());
    // One minute before aware_at, as an instant with another offset.
    call("2021-03-26T08:59:00Z").assert_code(2);
    assert_eq!(ws.read(BREACH), before, "nothing recorded");
    assert_eq!(journal(), journaled, "nothing journaled");
    // At aware_at exactly, it counts.
    call("2021-03-26 10:00").assert_code(0);
    let (code, out) = check(&ws);
    assert_eq!(code, 0, "{out}");

    // Moved back by hand: a finding naming the call.
    let called = ws.read(BREACH);
    ws.write(
        BREACH,
        &called.replace(
            "at: 2021-03-26T10:00:00+01:00\n  controller",
            "at: 2020-01-01T10:00:00+01:00\n  controller",
        ),
    );
    assert_ne!(ws.read(BREACH), called, "the call's time was edited");
    let (code, out) = check(&ws);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with(&format!("error: {BREACH}:"))
            && l.contains("calls[0].at: the call to `juvisy-sur-orge` (2020-01-01 10:00 (UTC+01:00)) is before aware_at")),
        "{out}"
    );
}

#[test]
fn a_note_keeps_its_text_shown_and_verified() {
    let ws = workspace();
    let text = "Réunion avec la DGS : sauvegardes vérifiées\nsuite prévue lundi";
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-26 11:00",
            "journal",
            "note",
            "-m",
            text,
            "--subject",
            ID,
        ])
        .assert_code(0);
    let r = ws.dpo().run(&["journal", "show"]);
    r.assert_code(0);
    let out = r.stdout();
    assert!(out.contains("journal.note"), "{out}");
    assert!(
        out.contains("| Réunion avec la DGS : sauvegardes vérifiées\n"),
        "{out}"
    );
    assert!(out.contains("| suite prévue lundi\n"), "{out}");
    let r = ws.dpo().run(&["--json", "journal", "show"]);
    r.assert_code(0);
    let note = r
        .json()
        .as_array()
        .and_then(|a| a.last().cloned())
        .expect("entries");
    assert_eq!(note["text"], text);
    assert_eq!(note["payload_sha256"], sha256_of(&ws, text.as_bytes()));
    ws.dpo().run(&["journal", "verify"]).assert_code(0);

    // The text edited: the chain no longer holds.
    let journal = ws.read("journal.jsonl");
    let edited = journal.replace("lundi", "mardi");
    assert_ne!(edited, journal);
    ws.write("journal.jsonl", &edited);
    let r = ws.dpo().run(&["journal", "verify"]);
    r.assert_code(1);
    assert!(r.stderr().contains("journal rompu"), "{}", r.stderr());

    // Edited and the head re-anchored: the text no longer hashes to the entry's payload.
    let script = r#"
import hashlib, sys
lines = open(sys.argv[1], 'rb').read().split(b'\n')[:-1]
head = hashlib.sha256(lines[-1]).hexdigest()
open(sys.argv[2], 'w').write('%d %s\n' % (len(lines), head))
"#;
    run(Command::new("python3").args([
        "-c",
        script,
        &ws.root().join("journal.jsonl").to_string_lossy(),
        &ws.root().join("journal.head").to_string_lossy(),
    ]))
    .assert_code(0);
    let r = ws.dpo().run(&["journal", "verify"]);
    r.assert_code(1);
    assert!(
        r.stderr()
            .contains("a un texte qui n'est pas celui journalisé"),
        "{}",
        r.stderr()
    );
}
