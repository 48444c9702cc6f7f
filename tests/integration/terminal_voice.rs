//! Issue 10, the last terminal defects (part vD): field codes said in words,
//! the controller by its name, copy states that agree with what they
//! qualify, a failed sending journaled as a failure, log columns with a
//! header and a value, one way of citing Annex 1 in the README. Each
//! assertion failed on main before.

use crate::support::fate::destroy_args;
use crate::support::request::access_request;
use crate::support::smtp::{free_port, Mode, SmtpServer};
use crate::support::{Run, Workspace};

const CITY: &str = "la commune de Juvisy-sur-Orge";
const CITY_NAME: &str = "Commune de Juvisy-sur-Orge";

/// The sample with the contacts for requests and written notices.
fn contacts() -> Workspace {
    Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts")
}

/// `dpo --now <now> <args>` on `ws`, insisting on exit code 0.
fn ok(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    let o = ws.dpo().now(now).run(args);
    o.assert_code(0);
    o
}

/// The contacts workspace where siim94 moved on 1 March 2021: its written
/// notice is pending, with its contact and the contract's end « à compléter ».
fn notice_pending() -> Workspace {
    let ws = contacts();
    ok(
        &ws,
        "2021-03-01 10:00",
        &[
            "subprocessor",
            "change",
            "siim94",
            "--address",
            "1 rue de l'Exemple, 94000 Créteil",
            "--contract-start",
            "2021-02-01",
        ],
    );
    ws
}

/// A mail server URL on a port where nothing listens.
fn unreachable_url() -> String {
    format!("smtp://127.0.0.1:{}?tls=none", free_port())
}

#[test]
fn subprocessor_commands_say_the_fields_in_words_not_their_codes() {
    let ws = contacts();
    let change = ok(
        &ws,
        "2021-03-01 10:00",
        &[
            "subprocessor",
            "change",
            "siim94",
            "--address",
            "1 rue de l'Exemple, 94000 Créteil",
            "--contract-start",
            "2021-02-01",
        ],
    );
    assert!(
        change
            .stdout()
            .contains("modifié\u{202f}: adresse, contrat — début"),
        "{}",
        change.text()
    );
    let server = SmtpServer::start(Mode::Plain);
    let r = ws
        .dpo()
        .smtp(&server)
        .now("2021-03-01 10:10")
        .run(&["subprocessor", "notify"]);
    r.assert_code(2);
    let e = r.stderr();
    assert!(
        e.contains("dans\u{202f}: contact — courriel ou contact — téléphone, contrat — fin"),
        "{e}"
    );
    for raw in ["contact.email", "contact.phone", "contract.end"] {
        assert!(!e.contains(raw), "`{raw}` in:\n{e}");
    }
    let r = ws
        .dpo()
        .english()
        .smtp(&server)
        .now("2021-03-01 10:10")
        .run(&["subprocessor", "notify"]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("contact — e-mail or contact — phone, contract — end"),
        "{}",
        r.stderr()
    );
    let sent = ws.dpo().smtp(&server).now("2021-03-01 10:10").run(&[
        "subprocessor",
        "notify",
        "--incomplete",
    ]);
    sent.assert_code(0);
    assert!(
        sent.stderr().contains("contrat — fin") && !sent.stderr().contains("contract.end"),
        "{}",
        sent.text()
    );
}

/// The fate workspace with `sauvegardes/depot` destroyed on 4 August 2021,
/// neither validated nor with the medium's fate.
fn depot_destroyed() -> Workspace {
    let ws = Workspace::fixture("fate-workspace");
    ok(
        &ws,
        "2021-08-04 15:00",
        &destroy_args("sauvegardes", "depot"),
    );
    ws
}

#[test]
fn fate_list_names_the_controller_and_says_the_missing_destruction_facts_in_words() {
    let ws = depot_destroyed();
    let fr = ok(&ws, "2021-08-04 15:10", &["fate", "list"]).stdout();
    assert!(
        fr.starts_with(&format!("{CITY_NAME} (fate/juvisy-sur-orge.yaml)")),
        "{fr}"
    );
    for raw in [
        "destruction.validated_by",
        "destruction.media_destination",
        "NAME",
        "TEXT\n",
    ] {
        assert!(!fr.contains(raw), "`{raw}` in:\n{fr}");
    }
    for words in [
        "champ «\u{202f}destruction — validée par\u{202f}»\u{202f}: «\u{202f}à compléter\u{202f}»",
        "champ «\u{202f}destruction — devenir du support\u{202f}»",
        "`dpo fate destroy sauvegardes --copy depot … --validated-by NOM`",
        "`dpo fate destroy sauvegardes --copy depot … --media-destination TEXTE`",
    ] {
        assert!(fr.contains(words), "no « {words} » in:\n{fr}");
    }
    let en = ws
        .dpo()
        .english()
        .now("2021-08-04 15:10")
        .run(&["fate", "list"]);
    en.assert_code(0);
    let en = en.stdout();
    assert!(en.starts_with(CITY_NAME), "{en}");
    assert!(
        en.contains("field \"destruction — validated by\"") && en.contains("--validated-by NAME"),
        "{en}"
    );
    let refused = ws
        .dpo()
        .now("2021-08-04 15:10")
        .run(&["fate", "certify"])
        .text();
    assert!(
        refused.contains(&format!("refus de certifier pour {CITY}\u{202f}:")),
        "{refused}"
    );
}

#[test]
fn fate_list_copy_states_agree_with_every_kind_of_copy() {
    let ws = depot_destroyed();
    let out = ok(&ws, "2021-08-04 15:10", &["fate", "list"]).stdout();
    // Every copy row: its id, its kind (masculine or feminine, singular or
    // plural), its state — which must not agree with a word not there.
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("    ") && !l.trim_start().starts_with('→'))
        .collect();
    assert_eq!(rows.len(), 4, "{out}");
    for r in &rows {
        for wrong in [
            "détruite",
            "empaquetée",
            "restituée",
            "conservée",
            "détruit",
            "restitué",
        ] {
            assert!(!r.contains(wrong), "« {wrong} » in « {r} »");
        }
    }
    let depot = rows.iter().find(|r| r.contains("depot")).unwrap();
    assert!(
        depot.contains("dépôt de sauvegarde") && depot.ends_with("destruction consignée"),
        "{depot}"
    );
    let snapshots = rows.iter().find(|r| r.contains("snapshots")).unwrap();
    assert!(
        snapshots.contains("points de restauration") && snapshots.ends_with("en attente"),
        "{snapshots}"
    );
    // What to do with a copy names the copy, never « la » after a plural or
    // masculine kind.
    assert!(!out.contains("la détruire"), "{out}");
    assert!(out.contains("puis détruire cette copie"), "{out}");
}

#[test]
fn request_list_shows_the_controller_by_its_name() {
    let ws = contacts();
    ok(
        &ws,
        "2021-03-26 11:00",
        &access_request("2021-03-26 09:00", "Copie du dossier famille")[2..],
    );
    let out = ok(&ws, "2021-03-26 11:00", &["request", "list"]).stdout();
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("2021-001  {CITY_NAME}  ")),
        "{out}"
    );
    assert!(!first.contains("juvisy-sur-orge"), "{out}");
}

/// The journal actions and their words, as `journal show` prints them.
fn journal_show(ws: &Workspace, english: bool) -> String {
    let d = if english {
        ws.dpo().english()
    } else {
        ws.dpo()
    };
    let r = d.run(&["journal", "show"]);
    r.assert_code(0);
    r.stdout()
}

#[test]
fn a_sending_to_an_unreachable_server_names_the_controller_and_is_journaled_as_failed() {
    let ws = notice_pending();
    let url = unreachable_url();
    let r = ws
        .dpo()
        .env("DPO_SMTP_URL", url.as_str())
        .now("2021-03-01 10:10")
        .run(&["subprocessor", "notify", "--incomplete"]);
    r.assert_code(2);
    assert!(
        r.stderr().contains(&format!(
            "l'information écrite `2021-001` pour {CITY}\u{202f}: l'envoi a échoué"
        )),
        "{}",
        r.stderr()
    );
    assert!(!r.stderr().contains("`juvisy-sur-orge`"), "{}", r.stderr());
    let codes: Vec<String> = ws
        .journal()
        .iter()
        .map(|e| e["action"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        codes.iter().any(|c| c == "subprocessor.notify.unreachable"),
        "{codes:?}"
    );
    let fr = journal_show(&ws, false);
    assert!(
        fr.contains(
            "envoi d'une information écrite sur un sous-traitant ultérieur\u{202f}: échec, \
             le serveur de messagerie n'a pas pu être joint\u{202f}; rien n'est parti"
        ),
        "{fr}"
    );
    assert!(!fr.contains("envoyée\u{202f}: refusé"), "{fr}");
    let en = journal_show(&ws, true);
    assert!(
        en.contains("sending of a written notice about a sub-processor: failed, the mail server could not be reached"),
        "{en}"
    );

    // A request forwarded to the same unreachable server.
    let mut log = access_request("2021-03-26 09:00", "Copie du dossier famille");
    log.pop();
    let r = ws.dpo().env("DPO_SMTP_URL", url.as_str()).run(&log);
    assert_ne!(r.code(), Some(0), "{}", r.text());
    let fr = journal_show(&ws, false);
    assert!(
        fr.contains(
            "transmission d'une demande au responsable de traitement\u{202f}: échec, \
             le serveur de messagerie n'a pas pu être joint"
        ),
        "{fr}"
    );
    assert!(
        !fr.contains("demande transmise au responsable de traitement\u{202f}: refusé"),
        "{fr}"
    );

    // An objection to an instruction.
    ok(
        &ws,
        "2021-03-26 11:30",
        &[
            "instruction",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--from",
            "Directrice générale des services",
            "--at",
            "2021-03-26 10:00",
            "--summary",
            "Conserver les sauvegardes sans limite de durée",
        ],
    );
    let r = ws
        .dpo()
        .env("DPO_SMTP_URL", url.as_str())
        .now("2021-03-26 11:40")
        .run(&[
            "instruction",
            "object",
            "2021-001",
            "--reason",
            "Une conservation illimitée méconnaît la limitation de la conservation",
        ]);
    assert_ne!(r.code(), Some(0), "{}", r.text());
    let fr = journal_show(&ws, false);
    assert!(
        fr.contains("envoi d'une objection à une instruction\u{202f}: échec"),
        "{fr}"
    );
}

#[test]
fn a_breach_notification_to_an_unreachable_server_names_the_controller() {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    ok(
        &ws,
        "2021-03-26 11:00",
        &[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "fixture",
        ],
    );
    let r = ws
        .dpo()
        .env("DPO_SMTP_URL", unreachable_url())
        .now("2021-03-26 11:00")
        .run(&["breach", "notify", "2021-001"]);
    r.assert_code(2);
    assert!(
        r.stderr().contains(&format!(
            "la notification de la violation `2021-001` pour {CITY} n'est pas partie"
        )),
        "{}",
        r.stderr()
    );
    assert!(!r.stderr().contains("`juvisy-sur-orge`"), "{}", r.stderr());
    let fr = journal_show(&ws, false);
    assert!(
        fr.contains("envoi de la notification d'une violation\u{202f}: échec"),
        "{fr}"
    );
}

#[test]
fn the_instructions_log_has_no_column_without_a_value() {
    let ws = contacts();
    ok(
        &ws,
        "2021-03-02 09:00",
        &[
            "instruction",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--from",
            "Directrice générale des services",
            "--at",
            "2021-03-01 16:00",
            "--summary",
            "Conserver les sauvegardes sans limite de durée",
        ],
    );
    ok(&ws, "2021-03-02 10:00", &["keys", "generate"]);
    ok(&ws, "2021-03-02 10:00", &["audit", "pack", "-o", "pack"]);
    let csv = std::fs::read_to_string(ws.path("pack/instructions/log.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty(), "{csv}");
    for (i, h) in headers.iter().enumerate() {
        assert!(!h.trim().is_empty(), "a column without a header:\n{csv}");
        assert!(
            rows.iter().any(|r| !r[i].trim().is_empty()),
            "column « {h} » has no value:\n{csv}"
        );
    }
    assert!(
        !headers
            .iter()
            .any(|h| h == "transfert exigé par la loi" || h == "objection"),
        "{csv}"
    );
}

#[test]
fn the_readme_cites_annex_1_one_way() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for (n, line) in readme.lines().enumerate() {
        assert!(
            !line.contains("Annex 1 §") && !line.contains("(§II") && !line.contains(", §II"),
            "README.md:{}: « {line} » (write « Annex 1, § II.9 »)",
            n + 1
        );
    }
    assert!(readme.contains("(Annex 1, § II.8)"));
}

/// Every « à compléter » of `text` stands in guillemets (the one rule for
/// a missing value, in a sentence or a table cell); « rien à compléter »
/// is not the marker.
fn every_todo_quoted(what: &str, text: &str) {
    let text = text.replace("rien à compléter", "");
    for (at, _) in text.match_indices("à compléter") {
        let before: String = text[..at].chars().rev().take(2).collect();
        assert_eq!(
            before, "\u{202f}«",
            "{what}: a bare « à compléter » at byte {at}:\n{text}"
        );
    }
}

#[test]
fn a_completer_is_quoted_everywhere_it_stands_for_a_missing_value() {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    ok(
        &ws,
        "2021-03-26 11:00",
        &[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "fixture",
        ],
    );
    let show = ok(&ws, "2021-03-26 11:00", &["breach", "show", "2021-001"]).stdout();
    assert!(show.contains("à compléter"), "{show}");
    every_todo_quoted("breach show", &show);
    let en = ws
        .dpo()
        .english()
        .now("2021-03-26 11:00")
        .run(&["breach", "show", "2021-001"]);
    assert!(
        en.stdout().contains("\"to be completed\""),
        "{}",
        en.stdout()
    );

    let md = ok(
        &ws,
        "2021-03-26 11:00",
        &["register", "--format", "md", "-o", "registre.md"],
    );
    let register = std::fs::read_to_string(ws.path("registre.md")).unwrap();
    assert!(register.contains("à compléter"), "{register}");
    every_todo_quoted("register.md", &register);
    every_todo_quoted("register summary", &md.stderr());
    assert!(!md.stderr().contains("«\u{202f}«"), "{}", md.stderr());
}

// Part "ha": the last one-voice defects of sending and controllers.

/// A mail server on loopback that refuses every sender with `reply`
/// (`554 5.7.1 rejected by policy`); its URL, plain text.
fn refusing_server(reply: &'static str) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let mut out = conn.try_clone().unwrap();
            let _ = out.write_all(b"220 refusing ESMTP\r\n");
            for line in BufReader::new(conn).lines().map_while(Result::ok) {
                let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                let answer = match verb.as_str() {
                    "MAIL" => format!("{reply}\r\n"),
                    "QUIT" => "221 bye\r\n".to_string(),
                    _ => "250 ok\r\n".to_string(),
                };
                let _ = out.write_all(answer.as_bytes());
                if verb == "QUIT" {
                    break;
                }
            }
        }
    });
    format!("smtp://127.0.0.1:{port}?tls=none")
}

#[test]
fn a_refused_sending_says_the_refusal_and_the_security_in_words_and_names_the_controller() {
    let ws = contacts();
    let url = refusing_server("554 5.7.1 rejected by policy");
    let mut log = access_request("2021-03-26 09:00", "Copie du dossier famille");
    log.pop();
    let r = ws.dpo().env("DPO_SMTP_URL", url.as_str()).run(&log);
    assert_ne!(r.code(), Some(0), "{}", r.text());
    let e = r.stderr();
    for said in [
        "erreur permanente (554), le serveur a répondu «\u{202f}5.7.1 rejected by policy\u{202f}»",
        "(en clair)`",
        &format!("pour {CITY}\u{202f}: l'envoi a échoué"),
    ] {
        assert!(e.contains(said), "no « {said} » in:\n{e}");
    }
    for raw in ["permanent error", "(plain)", "`juvisy-sur-orge`"] {
        assert!(!e.contains(raw), "`{raw}` in:\n{e}");
    }
    let r = ws
        .dpo()
        .english()
        .env("DPO_SMTP_URL", url.as_str())
        .run(&log);
    let e = r.stderr();
    assert!(
        e.contains("permanent error (554), the server answered “5.7.1 rejected by policy”")
            && e.contains("(plain text)`")
            && e.contains(&format!("request `2021-002` for {CITY_NAME}")),
        "{e}"
    );
}

#[test]
fn instructions_and_sub_processors_name_their_controller() {
    let ws = contacts();
    ok(
        &ws,
        "2021-03-26 11:30",
        &[
            "instruction",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--from",
            "Directrice générale des services",
            "--at",
            "2021-03-26 10:00",
            "--summary",
            "Conserver les sauvegardes sans limite de durée",
        ],
    );
    let list = ok(&ws, "2021-03-26 11:31", &["instruction", "list"]).stdout();
    assert!(list.contains(&format!("2021-001  {CITY_NAME}  ")), "{list}");
    let r = ws
        .dpo()
        .env("DPO_SMTP_URL", unreachable_url())
        .now("2021-03-26 11:40")
        .run(&["instruction", "object", "2021-001", "--reason", "Illimitée"]);
    assert_ne!(r.code(), Some(0), "{}", r.text());
    assert!(
        r.stderr().contains(&format!(
            "l'avis d'objection de l'instruction `2021-001` pour {CITY}\u{202f}: l'envoi a échoué"
        )),
        "{}",
        r.stderr()
    );
    let list = ok(&ws, "2021-03-26 11:41", &["subprocessor", "list"]).stdout();
    assert!(list.contains(&format!("[{CITY_NAME}]")), "{list}");
    assert!(!list.contains("juvisy-sur-orge"), "{list}");

    // Without an address for written notices.
    let ws = Workspace::fixture("juvisy-workspace");
    let r = ws.dpo().now("2021-03-26 11:50").run(&[
        "subprocessor",
        "add",
        "ovh",
        "--name",
        "OVH SAS",
        "--activity",
        "hébergement",
        "--controller",
        "juvisy-sur-orge",
        "--contract-start",
        "2021-04-01",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains(&format!(
            "{CITY} (responsable de traitement) n'a pas d'adresse électronique"
        )),
        "{}",
        r.stderr()
    );
}

#[test]
fn fate_destroy_certify_and_set_say_methods_facts_and_controller_in_words() {
    let d = ok(
        &Workspace::fixture("fate-workspace"),
        "2021-08-04 15:00",
        &destroy_args("sauvegardes", "depot"),
    )
    .stdout();
    assert!(
        d.contains("— méthode\u{202f}: purge (NIST SP 800-88)"),
        "{d}"
    );
    let now = "2021-08-05 10:00";
    let ws = crate::support::fate::ready_to_certify(now);
    let c = ok(&ws, now, &["fate", "certify", "-o", "out/certificat.pdf"]).stdout();
    assert!(
        c.contains(&format!("certificat pour {CITY} conservé dans les preuves")),
        "{c}"
    );
    let r = ws
        .dpo()
        .now(now)
        .run(&["fate", "set", "sauvegardes", "choice", "return"]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("son choix est ce que ce certificat atteste"),
        "{}",
        r.stderr()
    );
    assert!(!r.stderr().contains("son `choice`"), "{}", r.stderr());
}
