//! What `dpo breach|request|fate set` may not do (issue 9, review): rewrite
//! a fact already sent that fixed a deadline, touch a closed breach, set an
//! id, write what `check` would reject (unknown controllers or
//! sub-processors, instants out of order or in the future, a blank summary),
//! or exhaust the stack with a deep path; and what `check` reports of the
//! same faults written by hand. The one validation per kind serves the
//! creating command, `set` and `check` alike.

use crate::support::breach::call_mme_martin;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::{fixture, Run, Workspace};

const ID: &str = "2021-001";
const FILE: &str = "breaches/2021-001.yaml";
const REQUEST: &str = "requests/2021-001.yaml";

fn run(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    let mut a = vec!["--now", now];
    a.extend_from_slice(args);
    let r = ws.dpo().run(&a);
    r.assert_no_panic();
    r
}

/// Refused (exit 2) with `want` in the message, and nothing written: the
/// file and the journal as they were.
fn refused(ws: &Workspace, file: &str, now: &str, args: &[&str], want: &str) {
    let (before, journal) = (ws.read(file), ws.journal().len());
    let r = run(ws, now, args);
    r.assert_code(2);
    assert!(r.stderr().contains(want), "{args:?}: {}", r.stderr());
    assert_eq!(ws.read(file), before, "{args:?} wrote");
    assert_eq!(ws.journal().len(), journal, "{args:?} journaled");
}

/// The fixture breach, adopted, notified late (deadline 2021-03-29 11:00
/// +02:00; sent 2021-03-30 10:00 with a late reason).
fn notified_late(server: &SmtpServer) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(ID);
    ws.dpo()
        .run(&["record", "adopt", FILE, "--reason", "written by hand"])
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
    ws
}

fn on_time(ws: &Workspace) -> serde_json::Value {
    let v = ws.dpo().run(&["--json", "breach", "show", ID]).json();
    let s = v.to_string();
    assert!(s.contains("on_time"), "{s}");
    fn find(v: &serde_json::Value) -> Option<serde_json::Value> {
        match v {
            serde_json::Value::Object(m) => m
                .get("on_time")
                .cloned()
                .or_else(|| m.values().find_map(find)),
            serde_json::Value::Array(a) => a.iter().find_map(find),
            _ => None,
        }
    }
    find(&v).expect("on_time")
}

#[test]
fn a_late_notification_is_never_made_on_time_by_rewriting_aware_at() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified_late(&server);
    let notification = ws.read(FILE);
    assert!(
        notification.contains("deadline: 2021-03-29T11:00:00+02:00"),
        "the notification records the deadline it was sent against:\n{notification}"
    );
    // aware_at fixed the deadline of what went out: refused, with the path
    // of a correction.
    let set_aware = ["breach", "set", ID, "aware_at", "2021-03-28T10:00:00+02:00"];
    refused(&ws, FILE, "2021-03-30 11:00", &set_aware, "supplement");
    // Another fact sent may change: it is then offered as a supplement.
    run(
        &ws,
        "2021-03-30 11:00",
        &["breach", "set", ID, "discovery", "alerte de l'antivirus"],
    )
    .assert_code(0);
    run(&ws, "2021-03-30 11:05", &call_mme_martin(ID, None, "reçu")).assert_code(0);
    run(
        &ws,
        "2021-03-31 09:00",
        // The consequences are still deferred: closing says why.
        &[
            "breach",
            "close",
            ID,
            "--summary",
            "Données restaurées",
            "--with-deferred",
            "--reason",
            "le responsable de traitement clôt son dossier",
        ],
    )
    .assert_code(0);
    assert_eq!(on_time(&ws), serde_json::json!(false));
    // Closed: nothing is set any more.
    refused(&ws, FILE, "2021-11-04 10:00", &set_aware, "a été close le");
    refused(
        &ws,
        FILE,
        "2021-11-04 10:00",
        &["breach", "set", ID, "title", "autre"],
        "a été close le",
    );
    ws.dpo().run(&["check"]).assert_code(0);
    // By hand: check reports it (exit 1), and the judgement stays "late".
    let text = ws.read(FILE);
    ws.write(
        FILE,
        &text.replace(
            "aware_at: 2021-03-26T10:00:00+01:00",
            "aware_at: 2021-03-28T10:00:00+02:00",
        ),
    );
    assert_ne!(ws.read(FILE), text);
    let r = ws
        .dpo()
        .english()
        .now("2021-11-04T10:00:00+01:00")
        .run(&["check"]);
    r.assert_code(1);
    let out = r.stdout();
    assert!(
        out.contains("notifications[0].deadline")
            && out.contains("aware_at was changed after it was sent")
            && out.contains("changed outside dpo"),
        "{out}"
    );
    assert_eq!(on_time(&ws), serde_json::json!(false));
}

fn with_breach() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    run(
        &ws,
        "2021-03-28 11:00",
        &[
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--aware-at",
            "2021-03-26 10:00",
        ],
    )
    .assert_code(0);
    ws
}

#[test]
fn breach_set_checks_cross_references_and_the_order_of_instants() {
    let ws = with_breach();
    let now = "2021-03-28 12:00";
    for (field, value, want) in [
        (
            "controllers[0]",
            "nope",
            "responsable de traitement inconnu `nope`",
        ),
        (
            "controllers",
            "[]",
            "aucun responsable de traitement n'est nommé",
        ),
        (
            "subprocessors",
            "[ghost]",
            "sous-traitant ultérieur inconnu `ghost`",
        ),
        (
            "occurred_at",
            "2021-03-27T10:00:00+01:00",
            "est antérieur à occurred_at",
        ),
        (
            "discovered_at",
            "2021-03-26T11:00:00+01:00",
            "est antérieur à discovered_at",
        ),
        ("ended_at", "2021-03-29T10:00:00+02:00", "est dans le futur"),
        ("title", "  ", "le titre est vide"),
    ] {
        refused(&ws, FILE, now, &["breach", "set", ID, field, value], want);
    }
    // In order, it is taken.
    for (field, value) in [
        ("occurred_at", "2021-03-25T22:40:00+01:00"),
        ("discovered_at", "2021-03-26T08:15:00+01:00"),
        ("ended_at", "2021-03-27T10:00:00+01:00"),
    ] {
        run(&ws, now, &["breach", "set", ID, field, value]).assert_code(0);
    }
    refused(
        &ws,
        FILE,
        now,
        &["breach", "set", ID, "ended_at", "2021-03-25T10:00:00+01:00"],
        "ended_at",
    );
    ws.dpo()
        .now("2021-03-28T12:00:00+02:00")
        .run(&["check"])
        .assert_code(0);
    // The same at `breach open`.
    let r = run(
        &ws,
        now,
        &[
            "breach",
            "open",
            "--title",
            "x",
            "--aware-at",
            "2021-03-26 10:00",
            "--occurred-at",
            "2021-03-27 10:00",
        ],
    );
    r.assert_code(2);
    assert!(
        r.stderr().contains("est antérieur à occurred_at"),
        "{}",
        r.stderr()
    );
    assert!(!ws.root().join("breaches/2021-002.yaml").exists());
    // And by `check`, of a file written by hand.
    let text = ws.read(FILE);
    ws.write(
        FILE,
        &text.replace("controllers: [juvisy-sur-orge]", "controllers: [nope]"),
    );
    assert_ne!(ws.read(FILE), text, "{text}");
    let r = ws.dpo().run(&["check"]);
    r.assert_code(2);
    assert!(
        r.stdout()
            .contains("responsable de traitement inconnu `nope`"),
        "{}",
        r.stdout()
    );
}

#[test]
fn a_deep_field_path_is_refused_not_a_stack_overflow() {
    let ws = with_breach();
    let deep = format!("{}b", "a.".repeat(5000));
    let bracket = format!("a{}", "[0]".repeat(5000));
    for path in [deep.as_str(), bracket.as_str()] {
        let r = run(&ws, "2021-03-28 12:00", &["breach", "set", ID, path, "1"]);
        r.assert_code(2);
        assert!(
            r.stderr().contains("pas un chemin de champ"),
            "{}",
            r.stderr()
        );
        assert!(r.stderr().len() < 2000, "the path is not echoed whole");
    }
    log_request(&ws, "2021-03-26 09:00").assert_code(0);
    let r = run(&ws, "2021-03-28 12:00", &["request", "set", ID, &deep, "1"]);
    r.assert_code(2);
    let f = Workspace::fixture("fate-workspace");
    let r = f.dpo().run(&["fate", "set", "sauvegardes", &deep, "1"]);
    r.assert_no_panic();
    r.assert_code(2);
}

fn log_request(ws: &Workspace, received: &str) -> Run {
    run(
        ws,
        "2021-04-03 10:00",
        &[
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "access",
            "--received-at",
            received,
            "--summary",
            "demande d'accès",
            "--no-forward",
        ],
    )
}

#[test]
fn request_set_validates_as_request_log_and_check_do() {
    let ws = Workspace::fixture("juvisy-workspace");
    log_request(&ws, "2021-04-01 09:00").assert_code(0);
    let now = "2021-04-03 11:00";
    for (field, value, want) in [
        (
            "controller",
            "nope",
            "responsable de traitement inconnu `nope`",
        ),
        (
            "received_at",
            "2021-05-01T10:00:00+02:00",
            "received_at (1er mai 2021 à 10:00 (UTC+02:00)) est postérieur à logged_at",
        ),
        ("summary", "   ", "le résumé de la demande est vide"),
        ("id", "2021-002", "preuve"),
    ] {
        refused(
            &ws,
            REQUEST,
            now,
            &["request", "set", ID, field, value],
            want,
        );
    }
    run(
        &ws,
        now,
        &[
            "request",
            "set",
            ID,
            "received_at",
            "2021-04-01T08:00:00+02:00",
        ],
    )
    .assert_code(0);
    ws.dpo().run(&["check"]).assert_code(0);
    // `request log` refuses the same.
    let r = run(
        &ws,
        "2021-04-03 10:00",
        &[
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "access",
            "--received-at",
            "2021-04-01 09:00",
            "--summary",
            "  ",
            "--no-forward",
        ],
    );
    r.assert_code(2);
    // `check` reports a request with an unknown controller, or received
    // after it was logged, written by hand.
    let text = ws.read(REQUEST);
    ws.write(
        REQUEST,
        &text
            .replace("controller: juvisy-sur-orge", "controller: nope")
            .replace(
                "received_at: 2021-04-01T08:00:00+02:00",
                "received_at: 2021-04-05T08:00:00+02:00",
            ),
    );
    let r = ws.dpo().now("2021-04-06T10:00:00+02:00").run(&["check"]);
    r.assert_code(2);
    let out = r.stdout();
    assert!(
        out.contains("responsable de traitement inconnu `nope`")
            && out.contains("est postérieur à logged_at"),
        "{out}"
    );
    let r = ws.dpo().now("2021-04-04T10:00:00+02:00").run(&["check"]);
    assert!(r.stdout().contains("est dans le futur"), "{}", r.stdout());
}

#[test]
fn fate_set_never_sets_an_id_nor_breaks_the_records_and_keeps_the_comments() {
    let ws = Workspace::sample();
    let fate = "fate/juvisy-sur-orge.yaml";
    let now = "2021-08-02 10:00";
    for (item, field) in [
        ("historique-sauvegardes", "id"),
        ("historique-sauvegardes", "copies[0].id"),
    ] {
        refused(
            &ws,
            fate,
            now,
            &["fate", "set", item, field, "renamed"],
            "jamais modifié",
        );
    }
    refused(
        &ws,
        fate,
        now,
        &["fate", "set", "historique-sauvegardes", "copies", "[]"],
        "ne liste aucune copie",
    );
    // Part of a decision that does not exist yet: the whole is asked for.
    refused(
        &ws,
        fate,
        now,
        &[
            "fate",
            "set",
            "historique-sauvegardes",
            "decision.reference",
            "courrier",
        ],
        "`decision` n'a pas encore de valeur\u{202f}: donnez-la en entier",
    );
    let before = ws.read(fate);
    // The README's example, on the sample.
    run(
        &ws,
        now,
        &["fate", "set", "historique-sauvegardes", "choice", "destroy"],
    )
    .assert_code(0);
    let r = run(
        &ws,
        now,
        &[
            "fate",
            "set",
            "historique-sauvegardes",
            "decision",
            "{reference: courrier du maire n° 2021-147, date: 2021-07-15}",
        ],
    );
    r.assert_code(0);
    assert!(!r.stdout().contains("rewritten"), "{}", r.stdout());
    run(
        &ws,
        now,
        &[
            "fate",
            "set",
            "historique-sauvegardes",
            "decision.reference",
            "courrier du maire n° 2021-148",
        ],
    )
    .assert_code(0);
    // A value set is no longer an assumption to confirm, in the same write.
    let r = run(
        &ws,
        now,
        &[
            "fate",
            "set",
            "dossiers-partages",
            "data_categories",
            "[documents des services]",
        ],
    );
    r.assert_code(0);
    assert!(!r.stdout().contains("rewritten"), "{}", r.stdout());
    let after = ws.read(fate);
    // Every comment of the sample survives, no other item is touched.
    for l in before.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(l), "lost comment {l:?}:\n{after}");
    }
    assert!(!after.contains("choice: null"), "{after}");
    let item = after
        .split("- id: dossiers-partages")
        .nth(1)
        .and_then(|s| s.split("- id: messagerie").next())
        .unwrap();
    assert!(!item.contains("to_confirm: [data_categories]"), "{item}");
    assert!(
        after.matches("to_confirm: [data_categories]").count() == 1,
        "{after}"
    );
    assert!(after.contains("courrier du maire n° 2021-148"), "{after}");
    ws.dpo().run(&["check"]).assert_code(0);
    let listing = ws.dpo().run(&["fate", "list"]);
    listing.assert_code(0);
    assert!(
        listing.stdout().contains("historique-sauvegardes  Historique des sauvegardes des serveurs de la ville  [destruction]"),
        "{}",
        listing.stdout()
    );
}

#[test]
fn fate_set_refuses_what_would_orphan_the_records_of_a_copy() {
    let f = Workspace::fixture("fate-workspace");
    let fate = "fate/juvisy-sur-orge.yaml";
    let now = "2021-08-02 10:00";
    // A record about the copy `bandes`.
    run(
        &f,
        now,
        &[
            "fate",
            "destroy",
            "sauvegardes",
            "--copy",
            "bandes",
            "--method",
            "purge",
            "--technique",
            "effacement",
            "--tool",
            "outil 1.0",
            "--operator",
            "Bob",
            "--verification",
            "relecture",
            "--validated-by",
            "Carole",
            "--media-destination",
            "réutilisé",
        ],
    )
    .assert_code(0);
    assert!(f.read(fate).contains("copy: bandes"), "{}", f.read(fate));
    refused(
        &f,
        fate,
        now,
        &["fate", "set", "sauvegardes", "copies[1].id", "autre"],
        "jamais modifié",
    );
    refused(
        &f,
        fate,
        now,
        &[
            "fate",
            "set",
            "sauvegardes",
            "copies",
            "[{id: autre, kind: live_storage, location: ailleurs}]",
        ],
        "qui n'a pas cette copie",
    );
    f.dpo()
        .now("2021-08-02T10:00:00+02:00")
        .run(&["check"])
        .assert_code(0);
}

#[test]
fn a_choice_to_confirm_is_not_an_order_to_destroy() {
    let ws = Workspace::sample();
    let fate = "fate/juvisy-sur-orge.yaml";
    let text = ws.read(fate);
    let marked = text.replacen(
        "    copies:\n      - id: depot-principal",
        "    choice: destroy\n    to_confirm: [choice]\n    copies:\n      - id: depot-principal",
        1,
    );
    assert_ne!(marked, text);
    ws.write(fate, &marked);
    let out = ws.dpo().run(&["fate", "list"]);
    let out = out.stdout();
    let item = out.split("historique-sauvegardes  ").nth(1).unwrap();
    assert!(
        item.contains("à confirmer") && !item.contains("détruire cette copie et consigner comment"),
        "{out}"
    );
}

#[test]
fn a_writing_command_refuses_an_actor_that_is_unknown_blank_or_has_control_characters() {
    let ws = Workspace::fixture("juvisy-workspace");
    let journal = ws.journal().len();
    for actor in ["unknown", "Unknown", "", "a\nb", "a\u{1b}[2Jb"] {
        let r = ws.dpo().env("DPO_ACTOR", actor).run(&[
            "--now",
            "2021-03-28 11:00",
            "breach",
            "open",
            "--title",
            "x",
            "--aware-at",
            "2021-03-26 10:00",
        ]);
        r.assert_code(2);
        assert!(
            r.stderr().contains("DPO_ACTOR"),
            "{actor:?}: {}",
            r.stderr()
        );
    }
    assert_eq!(ws.journal().len(), journal);
    assert!(!ws.root().join(FILE).exists());
}

/// A hand edit of `file` (`from` → `to`, which must be found).
fn hand_edit(ws: &Workspace, file: &str, from: &str, to: &str) {
    let text = ws.read(file);
    assert!(text.contains(from), "{from:?} not in {file}:\n{text}");
    ws.write(file, &text.replacen(from, to, 1));
}

#[test]
fn no_fate_command_makes_a_hand_edited_destruction_record_its_own_nor_certifies_it() {
    const FATE: &str = "fate/juvisy-sur-orge.yaml";
    let f = crate::closing::Fate::new();
    f.complete();
    hand_edit(
        &f.ws,
        FATE,
        "operator: Bob Martin\n",
        "operator: Quelqu un d autre\n",
    );
    f.dpo(&["check"]).assert_code(1);
    let before = (f.ws.read(FATE), f.ws.journal().len());
    for args in [
        &["fate", "certify", "-o", "out/x.pdf"][..],
        &["fate", "verify-bag", "media/partages"][..],
    ] {
        let r = f.dpo(args);
        r.assert_code(2);
        let err = r.stderr();
        assert!(
            err.contains(FATE)
                && err.contains("modifié hors de dpo")
                && err.contains("`records`")
                && err.contains("ne peut pas être adoptée"),
            "{args:?}: {err}"
        );
        assert_eq!((f.ws.read(FATE), f.ws.journal().len()), before, "{args:?}");
    }
    assert!(!f.ws.exists("out/x.pdf"));
    // Still reported: no command vouched for the edit.
    f.dpo(&["check"]).assert_code(1);
    f.dpo(&["journal", "verify"]).assert_code(1);
}

#[test]
fn no_breach_command_makes_a_hand_edit_its_own() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified_late(&server);
    run(
        &ws,
        "2021-03-30 11:00",
        &call_mme_martin(ID, Some("2021-03-30 10:30"), "notification reçue"),
    )
    .assert_code(0);
    // Evidence edited by hand: refused, never adoptable.
    let text = ws.read(FILE);
    hand_edit(&ws, FILE, "notification reçue", "rien reçu");
    let defer = [
        "breach",
        "defer",
        ID,
        "cause",
        "--reason",
        "analyse en cours",
    ];
    refused(&ws, FILE, "2021-03-30 12:00", &defer, "être adopté");
    refused(&ws, FILE, "2021-03-30 12:00", &defer, "`calls`");
    run(&ws, "2021-03-30 12:00", &["check"]).assert_code(1);
    // A fact edited by hand: refused, pointing to `dpo record adopt`; once
    // adopted, the command runs.
    ws.write(FILE, &text);
    run(&ws, "2021-03-30 12:00", &["check"]).assert_code(0);
    hand_edit(
        &ws,
        FILE,
        "measures_taken: Serveur isolé du réseau",
        "measures_taken: Serveur isolé",
    );
    refused(&ws, FILE, "2021-03-30 12:00", &defer, "dpo record adopt");
    run(
        &ws,
        "2021-03-30 12:00",
        &["record", "adopt", FILE, "--reason", "précision"],
    )
    .assert_code(0);
    run(&ws, "2021-03-30 12:00", &defer).assert_code(0);
    run(&ws, "2021-03-30 12:00", &["check"]).assert_code(0);
}

#[test]
fn request_log_forwards_a_summary_a_completer_only_with_incomplete() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = crate::closing::contacts();
    let log = |extra: &[&str]| {
        let mut a = vec![
            "--lang",
            "en",
            "--now",
            "2021-04-02 10:00",
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "access",
            "--received-at",
            "2021-04-02 09:20",
            "--summary",
            "à compléter",
        ];
        a.extend_from_slice(extra);
        let r = ws.dpo().smtp(&server).run(&a);
        r.assert_no_panic();
        r
    };
    let r = log(&[]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("\"to be completed\" in: subject")
            && r.stderr().contains("--no-forward"),
        "{}",
        r.stderr()
    );
    assert!(server.messages().is_empty());
    assert!(!ws.exists(REQUEST));
    assert!(ws.journal().is_empty());
    let r = log(&["--incomplete"]);
    r.assert_code(0);
    assert!(
        r.stderr()
            .contains("warning: forwarded with \"to be completed\" in: subject"),
        "{}",
        r.stderr()
    );
    assert_eq!(server.messages().len(), 1);
    assert!(
        ws.read(REQUEST).contains("- summary"),
        "{}",
        ws.read(REQUEST)
    );
}

#[test]
fn fate_set_never_rewrites_what_an_issued_certificate_states() {
    const FATE: &str = "fate/juvisy-sur-orge.yaml";
    let f = crate::closing::Fate::new();
    f.complete();
    // Before the certificate, a fact not stated yet may be set.
    f.ok(&["fate", "set", "sauvegardes", "name", "Sauvegardes"]);
    f.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let before = (f.ws.read(FATE), f.ws.journal().len());
    for args in [
        &["fate", "set", "sauvegardes", "choice", "return"][..],
        &[
            "fate",
            "set",
            "sauvegardes",
            "decision.reference",
            "courrier modifié",
        ][..],
        &["fate", "set", "partages", "copies[0].media_id", "LTO-9"][..],
    ] {
        let r = f.dpo(args);
        r.assert_code(2);
        assert!(
            r.stderr()
                .contains("est couvert par le certificat délivré le")
                && r.stderr().contains("dpo ne recertifie pas"),
            "{args:?}: {}",
            r.stderr()
        );
        assert_eq!((f.ws.read(FATE), f.ws.journal().len()), before, "{args:?}");
    }
    // Other facts of the item stay settable.
    f.ok(&[
        "fate",
        "set",
        "sauvegardes",
        "name",
        "Sauvegardes de la ville",
    ]);
    f.ok(&["check"]);
}

#[test]
fn request_set_never_rewrites_the_received_time_or_controller_once_forwarded() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = crate::closing::contacts();
    log_request(&ws, "2021-04-02 09:20").assert_code(0);
    // Before the forward, it may be corrected.
    run(
        &ws,
        "2021-04-03 10:05",
        &[
            "request",
            "set",
            ID,
            "received_at",
            "2021-04-02 09:25:00+02:00",
        ],
    )
    .assert_code(0);
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-04-03 10:10", "request", "forward", ID]);
    r.assert_code(0);
    for (field, value) in [
        ("received_at", "2021-04-02T11:00:00+02:00"),
        ("controller", "juvisy-sur-orge"),
    ] {
        refused(
            &ws,
            REQUEST,
            "2021-04-03 10:20",
            &["request", "set", ID, field, value],
            "a été transmis au responsable de traitement le",
        );
    }
    run(
        &ws,
        "2021-04-03 10:20",
        &["request", "set", ID, "channel", "courrier"],
    )
    .assert_code(0);
}

#[test]
fn record_adopt_refuses_an_aware_at_rewritten_after_the_notification() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = notified_late(&server);
    let original = ws.read(FILE);
    hand_edit(
        &ws,
        FILE,
        "aware_at: 2021-03-26T10:00:00+01:00",
        "aware_at: 2021-03-27T10:00:00+01:00",
    );
    refused(
        &ws,
        FILE,
        "2021-03-30 12:00",
        &["record", "adopt", FILE, "--reason", "erreur de saisie"],
        "fixed the 72-hour deadline",
    );
    run(&ws, "2021-03-30 12:00", &["check"]).assert_code(1);
    // A fact `set` allows is adopted.
    ws.write(
        FILE,
        &original.replacen(
            "measures_taken: Serveur isolé du réseau",
            "measures_taken: Serveur isolé",
            1,
        ),
    );
    run(
        &ws,
        "2021-03-30 12:00",
        &["record", "adopt", FILE, "--reason", "précision"],
    )
    .assert_code(0);
}

#[test]
fn the_hints_point_to_commands_that_journal_and_never_offer_to_defer_the_description() {
    // A fate item with no recorded choice: `fate set`, not a hand edit.
    const FATE: &str = "fate/juvisy-sur-orge.yaml";
    let f = crate::closing::Fate::new();
    let text = f.ws.read(FATE).replacen(
        "    choice: return_then_destroy\n    decision: {reference: \"courrier du maire n° 2021-147\", date: 2021-07-15}\n",
        "",
        1,
    );
    assert_ne!(text, f.ws.read(FATE));
    f.ws.write(FATE, &text);
    std::fs::create_dir_all(f.ws.path("data/partages")).unwrap();
    std::fs::write(f.ws.path("data/partages/a.txt"), b"x\n").unwrap();
    for args in [
        &[
            "fate",
            "bag",
            "partages",
            "--from",
            "data/partages",
            "--out",
            "media/p",
        ][..],
        &[
            "fate",
            "destroy",
            "partages",
            "--copy",
            "live",
            "--method",
            "purge",
            "--technique",
            "t",
            "--tool",
            "t 1",
            "--operator",
            "Bob",
            "--verification",
            "v",
        ][..],
    ] {
        let r = f.dpo(args);
        r.assert_code(2);
        let err = r.stderr();
        assert!(
            err.contains("dpo fate set partages choice")
                && err.contains("dpo fate set partages decision")
                && !err.contains("(`choice:` and `decision:`)"),
            "{args:?}: {err}"
        );
    }
    // A breach whose description is missing: never "defer each one".
    let ws = Workspace::fixture("juvisy-workspace");
    let text = std::fs::read_to_string(fixture("breach-records").join(format!("{ID}.yaml")))
        .expect("read breach fixture");
    let blank = text.replacen(
        "  description: Chiffrement par un rançongiciel des partages du serveur de fichiers de la ville\n",
        "  description: null\n",
        1,
    );
    assert_ne!(blank, text);
    ws.write(FILE, &blank);
    let r = run(
        &ws,
        "2021-03-26 11:00",
        &["--lang", "en", "breach", "notify", ID, "--dry-run"],
    );
    let err = r.stderr();
    assert!(
        err.contains(&format!("dpo breach set {ID} FIELD VALUE"))
            && err.contains("never deferred")
            && !err.contains("defer each one"),
        "{err}"
    );
    // The same hint in French, the run's default language.
    let r = run(
        &ws,
        "2021-03-26 11:00",
        &["breach", "notify", ID, "--dry-run"],
    );
    let err = r.stderr();
    assert!(
        err.contains(&format!("dpo breach set {ID} CHAMP VALEUR"))
            && err.contains("n'est jamais différée")
            && !err.contains("différez chacun"),
        "{err}"
    );
    ws.write(FILE, &blank.replacen("  subjects_count: 1200\n", "", 1));
    let r = run(
        &ws,
        "2021-03-26 11:00",
        &["--lang", "en", "breach", "notify", ID, "--dry-run"],
    );
    let err = r.stderr();
    assert!(
        err.contains("never deferred") && err.contains("the others may be"),
        "{err}"
    );
}

#[test]
fn set_takes_an_instant_in_the_local_form_the_options_take_but_never_a_date_alone() {
    let ws = with_breach();
    // Winter time (UTC+01:00) on 26 March 2021, summer time once the clocks
    // changed on the 28th.
    run(
        &ws,
        "2021-03-29 12:00",
        &["breach", "set", ID, "discovered_at", "2021-03-26 09:00"],
    )
    .assert_code(0);
    assert!(
        ws.read(FILE)
            .contains("discovered_at: 2021-03-26T09:00:00+01:00"),
        "{}",
        ws.read(FILE)
    );
    run(
        &ws,
        "2021-03-29 12:00",
        &["breach", "set", ID, "ended_at", "2021-03-28 15:30"],
    )
    .assert_code(0);
    assert!(
        ws.read(FILE).contains("2021-03-28T15:30:00+02:00"),
        "{}",
        ws.read(FILE)
    );
    refused(
        &ws,
        FILE,
        "2021-03-29 12:00",
        &["breach", "set", ID, "discovered_at", "2021-03-26"],
        "discovered_at",
    );
    // A text that looks like a time stays the text typed.
    run(
        &ws,
        "2021-03-29 12:00",
        &["breach", "set", ID, "title", "2021-03-26 09:00"],
    )
    .assert_code(0);
    assert!(
        ws.read(FILE).contains("title: 2021-03-26 09:00")
            || ws.read(FILE).contains("title: '2021-03-26 09:00'"),
        "{}",
        ws.read(FILE)
    );
    run(&ws, "2021-03-29 12:00", &["check"]).assert_code(0);
}

#[test]
fn a_certificate_issued_after_the_moved_end_of_the_convention_is_done_late() {
    // The convention ends on Sunday 1 August 2021: moved to Monday 2 August,
    // 23:59:59.
    let state = |certified_at: &str| {
        let f = crate::closing::Fate::new();
        f.complete();
        let r =
            f.ws.dpo()
                .now(certified_at)
                .run(&["fate", "certify", "-o", "out/certificat.pdf"]);
        r.assert_code(0);
        let r =
            f.ws.dpo()
                .now("2021-08-04 10:00")
                .run(&["--json", "status"]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("status --json");
        let item = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == "fate.certificate")
            .cloned()
            .unwrap_or_else(|| panic!("no fate item: {v}"));
        let text = f.ws.dpo().now("2021-08-04 10:00").run(&["status"]).stdout();
        (item["state"].as_str().unwrap_or_default().to_string(), text)
    };
    let (late, text) = state("2021-08-03 10:00");
    assert_eq!(late, "done_late");
    assert!(text.contains("[fait, après l'échéance]"), "{text}");
    let (on_time, _) = state("2021-08-02 23:00");
    assert_eq!(on_time, "done");
}
