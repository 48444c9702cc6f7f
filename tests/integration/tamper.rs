//! Tamper corpus (issue 8, points 1 and 3): a record edited by hand, the
//! journal emptied, re-hashed, cut short or its head edited — each is a
//! finding (exit 1) of `check` and `journal verify` naming the file and the
//! fields; `breach show` and `status` mark it; `record adopt` takes an edit
//! of facts and refuses one of evidence (exit 2).

use crate::support::smtp::{Mode, SmtpServer};
use crate::support::Workspace;

const ID: &str = "2021-001";
const FILE: &str = "breaches/2021-001.yaml";

/// The sample workspace with the fixture breach, adopted, notified late
/// (2021-03-30, with a late reason) by e-mail.
fn notified(server: &SmtpServer) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(ID);
    // Written by hand: not journaled until adopted.
    let r = ws.dpo().run(&["journal", "verify"]);
    r.assert_code(1);
    assert!(r.stderr().contains(FILE), "{}", r.text());
    assert!(
        r.stderr().contains("aucune entrée du journal"),
        "{}",
        r.text()
    );
    ws.dpo()
        .run(&[
            "record",
            "adopt",
            FILE,
            "--reason",
            "breach written by hand",
        ])
        .assert_code(0);
    ws.dpo()
        .smtp(server)
        .run(&[
            "--now",
            "2021-03-30 10:00",
            "breach",
            "notify",
            ID,
            "--late-reason",
            "serveur de messagerie indisponible",
        ])
        .assert_code(0);
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
    ws.dpo().run(&["check"]).assert_code(0);
    let r = ws.dpo().run(&["breach", "report", ID, "--format", "md"]);
    r.assert_code(0);
    assert!(!r.stdout().contains("hors de dpo"), "{}", r.stdout());
    ws
}

/// Every reader reports `FILE` as changed outside dpo, naming `field`;
/// adopting the edit is refused naming `field` as evidence.
fn assert_tampered(ws: &Workspace, field: &str) {
    let r = ws.dpo().run(&["check"]);
    r.assert_code(1);
    let out = r.stdout();
    assert!(
        out.contains(&format!("erreur\u{202f}: {FILE}: modifié hors de dpo")),
        "{}",
        r.text()
    );
    assert!(
        out.contains("champs qui diffèrent\u{202f}:") && out.contains(field),
        "{}",
        r.text()
    );

    let r = ws.dpo().run(&["journal", "verify"]);
    r.assert_code(1);
    assert!(
        r.stderr().contains(FILE) && r.stderr().contains(field),
        "{}",
        r.text()
    );

    let r = ws.dpo().run(&["--json", "journal", "verify"]);
    r.assert_code(1);
    let v = r.json();
    assert_eq!(v["records"][0]["file"], FILE, "{v}");
    assert!(v["records"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == field));

    let r = ws.dpo().run(&["breach", "show", ID]);
    r.assert_code(0);
    assert!(
        r.stdout().contains("ne correspond pas au journal"),
        "{}",
        r.text()
    );
    let r = ws.dpo().run(&["--json", "breach", "show", ID]);
    assert_eq!(r.json()["tampered"]["file"], FILE);

    let r = ws.dpo().run(&["breach", "report", ID, "--format", "md"]);
    r.assert_code(1);
    assert!(
        r.stderr().contains("ne correspond pas au journal"),
        "{}",
        r.text()
    );
    // The document itself says so, in its language, with what differs.
    let md = crate::support::tools::plain(&r.stdout());
    assert!(
        md.contains("**Attention : le dossier a été modifié hors de dpo.**"),
        "{md}"
    );
    assert!(md.contains(&format!("Détail : {FILE}:")), "{md}");
    assert!(md.contains(field), "{md}");

    let r = ws.dpo().run(&["--now", "2021-03-30 12:00", "status"]);
    r.assert_code(1);
    assert!(
        r.stdout().contains(&format!("{FILE} modifié hors de dpo")),
        "{}",
        r.text()
    );

    let before = ws.journal().len();
    let r = ws
        .dpo()
        .run(&["record", "adopt", FILE, "--reason", "correction"]);
    r.assert_code(2);
    assert!(r.stderr().contains(&format!("`{field}`")), "{}", r.text());
    assert!(r.stderr().contains("preuves"), "{}", r.text());
    assert_eq!(
        ws.journal().len(),
        before,
        "a refused adoption journals nothing"
    );
}

#[test]
fn each_evidence_edit_of_a_notified_breach_is_caught_and_cannot_be_adopted() {
    let server = SmtpServer::start(Mode::Plain);
    type Edit = fn(&str) -> String;
    let edits: [(&str, &str, Edit); 3] = [
        ("sent_at moved back", "notifications", |t| {
            let (a, b) = t.split_once("sent_at: 2021-03-30").expect("sent_at");
            format!("{a}sent_at: 2021-03-27{b}")
        }),
        ("late_reason deleted", "notifications", |t| {
            t.lines()
                .filter(|l| !l.contains("late_reason:"))
                .map(|l| format!("{l}\n"))
                .collect()
        }),
        ("a call appended", "calls", |t| {
            format!(
                "{t}calls:\n- at: 2021-03-27T10:00:00+01:00\n  controller: juvisy-sur-orge\n  to: Service RGPD\n  number: '+33 1 69 12 50 00'\n  by: DPO\n  outcome: notifié\n"
            )
        }),
    ];
    for (what, field, edit) in edits {
        let ws = notified(&server);
        let text = ws.read(FILE);
        let edited = edit(&text);
        assert_ne!(edited, text, "{what}: the edit changed nothing");
        ws.write(FILE, &edited);
        assert_tampered(&ws, field);
    }
}

#[test]
fn an_edit_of_facts_is_adopted_with_its_fields_and_then_verifies() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified(&server);
    let text = ws.read(FILE);
    let (a, b) = text.split_once("title: ").expect("title");
    ws.write(
        FILE,
        &format!("{a}title: Rançongiciel (titre corrigé) — {b}"),
    );
    let r = ws.dpo().run(&["check"]);
    r.assert_code(1);
    assert!(
        r.stdout().contains("champs qui diffèrent\u{202f}: title"),
        "{}",
        r.text()
    );

    let r = ws.dpo().run(&[
        "record",
        "adopt",
        FILE,
        "--reason",
        "titre précisé par le DPO",
    ]);
    r.assert_code(0);
    assert!(r.stdout().contains("title"), "{}", r.text());
    let last = ws.journal().pop().unwrap();
    assert_eq!(last["action"], "record.adopt");
    assert_eq!(last["subject"], FILE);
    assert_eq!(last["writes"][0]["file"], FILE);
    // The payload (reason and fields) is kept with the texts dpo wrote.
    let payload = ws.read(&format!(
        ".dpo/objects/{}",
        last["payload_sha256"].as_str().unwrap()
    ));
    assert!(
        payload.contains("reason: titre précisé par le DPO"),
        "{payload}"
    );
    assert!(payload.contains("fields: title"), "{payload}");

    ws.dpo().run(&["check"]).assert_code(0);
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
    let r = ws.dpo().run(&["breach", "show", ID]);
    assert!(!r.stdout().contains("does not match"), "{}", r.text());
    // Nothing left to adopt.
    ws.dpo()
        .run(&["record", "adopt", FILE, "--reason", "again"])
        .assert_code(2);
}

#[test]
fn a_removed_record_is_a_finding() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified(&server);
    std::fs::remove_file(ws.root().join(FILE)).unwrap();
    let r = ws.dpo().run(&["journal", "verify"]);
    r.assert_code(1);
    assert!(
        r.stderr()
            .contains(&format!("fichier {FILE}\u{202f}: supprimé hors de dpo")),
        "{}",
        r.text()
    );
}

/// Every line of the journal rewritten with its links recomputed, after
/// `change` was applied to each entry; the head set to match.
fn rehash(ws: &Workspace, change: impl Fn(&mut serde_json::Value)) {
    use sha2::{Digest, Sha256};
    let hex = |b: &[u8]| -> String {
        Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let mut prev = "0".repeat(64);
    let mut out = String::new();
    let mut seq = 0;
    for mut e in ws.journal() {
        change(&mut e);
        e["prev_sha256"] = serde_json::Value::String(prev.clone());
        let line = serde_json::to_string(&e).unwrap();
        prev = hex(line.as_bytes());
        seq = e["seq"].as_u64().unwrap();
        out.push_str(&line);
        out.push('\n');
    }
    ws.write("journal.jsonl", &out);
    ws.write("journal.head", &format!("{seq} {prev}\n"));
}

#[test]
fn a_journal_emptied_removed_rehashed_cut_short_or_with_its_head_edited_is_caught() {
    let server = SmtpServer::start(Mode::Plain);
    let fresh = || {
        let ws = notified(&server);
        // A fact edit adopted: the record's last write is the last entry.
        ws.dpo().run(&["journal", "verify"]).assert_code(0);
        ws
    };
    let expect = |ws: &Workspace, what: &str, needle: &str| {
        let r = ws.dpo().run(&["journal", "verify"]);
        assert_eq!(r.code(), Some(1), "{what}: {}", r.text());
        assert!(r.stderr().contains(needle), "{what}: {}", r.text());
        let r = ws.dpo().run(&["check"]);
        assert_eq!(r.code(), Some(1), "{what}: {}", r.text());
    };

    // Both files deleted while records exist.
    let ws = fresh();
    std::fs::remove_file(ws.root().join("journal.jsonl")).unwrap();
    std::fs::remove_file(ws.root().join("journal.head")).unwrap();
    expect(
        &ws,
        "deleted",
        &format!("fichier {FILE}\u{202f}: aucune entrée du journal"),
    );

    // Both files emptied.
    let ws = fresh();
    ws.write("journal.jsonl", "");
    ws.write("journal.head", "");
    expect(&ws, "emptied", "journal.head");
    ws.write(
        "journal.head",
        "0 0000000000000000000000000000000000000000000000000000000000000000\n",
    );
    expect(
        &ws,
        "emptied, head at genesis",
        &format!("fichier {FILE}\u{202f}: aucune entrée du journal"),
    );

    // Re-hashed without the files' hashes (as an older journal would be).
    let ws = fresh();
    rehash(&ws, |e| {
        e.as_object_mut().unwrap().remove("writes");
    });
    expect(
        &ws,
        "re-hashed without writes",
        &format!("fichier {FILE}\u{202f}: aucune entrée du journal ne garantit le contenu de cet enregistrement"),
    );

    // A record edited, the chain re-hashed with an edited entry.
    let ws = fresh();
    let text = ws.read(FILE);
    ws.write(
        FILE,
        &text.replace("sent_at: 2021-03-30", "sent_at: 2021-03-27"),
    );
    rehash(&ws, |e| {
        if e["action"] == "breach.notify" {
            e["at"] = "2021-03-27T09:00:00Z".into();
        }
    });
    expect(
        &ws,
        "re-hashed after an edit",
        &format!("fichier {FILE}\u{202f}: modifié hors de dpo"),
    );

    // Cut short: the entries of the notification removed, head made to match.
    let ws = fresh();
    let keep = ws
        .journal()
        .iter()
        .take_while(|e| e["action"] != "breach.notify")
        .count();
    let lines: String = ws
        .read("journal.jsonl")
        .lines()
        .take(keep)
        .map(|l| format!("{l}\n"))
        .collect();
    ws.write("journal.jsonl", &lines);
    rehash(&ws, |_| {});
    expect(
        &ws,
        "cut short",
        &format!("fichier {FILE}\u{202f}: modifié hors de dpo"),
    );

    // Head edited.
    let ws = fresh();
    let head = ws.read("journal.head");
    let (seq, sha) = head.trim().split_once(' ').unwrap();
    let flipped = if sha.starts_with('0') { "1" } else { "0" };
    ws.write("journal.head", &format!("{seq} {flipped}{}\n", &sha[1..]));
    expect(&ws, "head edited", "journal.head");
}
