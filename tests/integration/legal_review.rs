//! The minor defects an independent review of issue 9 found, on the real
//! binary: the audit pack's people and security-measure tables say
//! « à compléter » for what is not known and name the controller; the
//! sample sets no test interval; `request log --attach` attaches the
//! original request to the forward it sends on receipt; `breach show`'s
//! timeline gives the end, the supplements and the closing in order with
//! who, and says who recorded the awareness; the refusals read as
//! sentences (the late notification says how late, the request-log hint
//! has no stray « ou »).
//!
//! Needs: `pdftotext` (poppler-utils), `ssh-keygen` (openssh-client),
//! Python's `aiosmtpd` (messages through a real SMTP server on loopback).

use crate::support::mail::received;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{collapse, pdftotext, sha256sum};
use crate::support::{fixture, Workspace};

const NNBSP: &str = "\u{202f}";

/// The rows of the CSV `csv` under its header, as maps column → cell.
fn rows(csv: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    r.records()
        .map(|rec| {
            let rec = rec.expect("a CSV row");
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

/// The audit pack of the sample, in `lang`, written to `pack/`.
fn sample_pack(lang: &str) -> Workspace {
    let ws = Workspace::sample();
    ws.dpo()
        .now("2021-03-01 10:00")
        .run(&["keys", "generate"])
        .assert_code(0);
    ws.dpo()
        .now("2021-03-01 10:00")
        .run(&["--lang", lang, "audit", "pack", "-o", "pack"])
        .assert_code(0);
    ws
}

#[test]
fn the_pack_says_what_is_not_known_is_to_be_completed_and_names_the_controller() {
    for (lang, todo, none_col, controller_col) in [
        (
            "fr",
            "à compléter",
            "formation à renouveler avant le",
            "responsables de traitement",
        ),
        (
            "en",
            "to be completed",
            "training due before",
            "controllers",
        ),
    ] {
        let ws = sample_pack(lang);
        let people = std::fs::read_to_string(ws.path("pack/people.csv")).unwrap();
        let people_rows = rows(&people);
        assert_eq!(people_rows.len(), 6, "{people}");
        let headers = csv::Reader::from_reader(people.as_bytes())
            .headers()
            .unwrap()
            .clone();
        let col = |i: usize| headers.get(i).unwrap().to_string();
        for r in &people_rows {
            // Not dated in the act: to be completed, not a dash.
            assert!(r[&col(5)].contains(todo), "({lang}) {r:?}");
            assert!(r[&col(6)].contains(todo), "({lang}) {r:?}");
            // The controller by its name, as the register writes it.
            assert_eq!(r[&col(4)], "Commune de Juvisy-sur-Orge", "({lang}) {r:?}");
        }
        if lang == "fr" {
            assert_eq!(col(4), controller_col);
            assert_eq!(col(7), none_col);
        }
        // A team has no name to complete; no interval, no due date.
        let team = people_rows
            .iter()
            .find(|r| r[&col(0)] == "secteur-reseau")
            .unwrap();
        assert_eq!(team[&col(1)], "", "({lang}) {team:?}");
        assert_eq!(team[&col(7)], "", "({lang}) {team:?}");

        let measures = std::fs::read_to_string(ws.path("pack/security-measures.csv")).unwrap();
        let measure_rows = rows(&measures);
        assert_eq!(measure_rows.len(), 8, "{measures}");
        let headers = csv::Reader::from_reader(measures.as_bytes())
            .headers()
            .unwrap()
            .clone();
        for r in &measure_rows {
            // Owner, evidence, last test, test interval: the act says none.
            for i in 3..=6 {
                let h = headers.get(i).unwrap();
                assert!(r[h].contains(todo), "({lang}) {h}: {r:?}");
            }
            assert_eq!(r[headers.get(7).unwrap()], "", "({lang}) {r:?}");
        }

        // The PDFs say the same; no controller id is left in them.
        for pdf in ["people.pdf", "security-measures.pdf"] {
            let text = collapse(&pdftotext(&ws.path(&format!("pack/{pdf}")), &[]));
            assert!(text.matches(todo).count() >= 12, "({lang}) {pdf}:\n{text}");
            assert!(!text.contains("juvisy-sur-orge"), "({lang}) {pdf}:\n{text}");
        }
        let people_pdf = collapse(&pdftotext(&ws.path("pack/people.pdf"), &[]));
        assert!(
            people_pdf.contains("Juvisy-sur-Orge"),
            "({lang}):\n{people_pdf}"
        );
    }
}

#[test]
fn a_value_that_is_known_is_printed_as_it_is() {
    let ws = Workspace::sample();
    let m = ws.read("security-measures.yaml");
    ws.write(
        "security-measures.yaml",
        &m.replacen("    owner: null\n", "    owner: RSSI de l'EPT\n", 1),
    );
    ws.dpo()
        .now("2021-03-01 10:00")
        .run(&["keys", "generate"])
        .assert_code(0);
    ws.dpo()
        .now("2021-03-01 10:00")
        .run(&["audit", "pack", "-o", "pack"])
        .assert_code(0);
    let measures = std::fs::read_to_string(ws.path("pack/security-measures.csv")).unwrap();
    let first = &rows(&measures)[0];
    assert_eq!(first["responsable"], "RSSI de l'EPT", "{first:?}");
    assert!(first["preuve"].contains("à compléter"), "{first:?}");
}

#[test]
fn the_sample_sets_no_test_interval_and_the_pack_says_it_is_to_be_completed() {
    let ws = Workspace::sample();
    let yaml = ws.read("security-measures.yaml");
    let v: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    let measures = v["measures"].as_sequence().unwrap();
    assert_eq!(measures.len(), 8);
    for m in measures {
        assert!(
            m.get("test_interval_months")
                .is_none_or(serde_yaml::Value::is_null),
            "a test interval the act does not give: {m:?}"
        );
    }
    let ws = sample_pack("fr");
    let csv = std::fs::read_to_string(ws.path("pack/security-measures.csv")).unwrap();
    for r in rows(&csv) {
        assert!(
            r["périodicité du test (mois)"].contains("à compléter"),
            "{r:?}"
        );
        assert_eq!(r["prochain test avant le"], "", "{r:?}");
    }
}

/// `request log` of an access request received at 09:00, forwarded at
/// once through `server`, with `extra` arguments.
fn log_request(ws: &Workspace, server: &SmtpServer, extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
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
    ];
    args.extend_from_slice(extra);
    ws.dpo().smtp(server).run(&args)
}

#[test]
fn request_log_attaches_the_original_request_to_the_forward_it_sends() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    let server = SmtpServer::start(Mode::Plain);
    let letter = ws.dir().join("courrier-demande.pdf");
    std::fs::write(&letter, b"%PDF-1.4 lettre de M. X").unwrap();
    let scan = ws.dir().join("enveloppe.png");
    std::fs::write(&scan, b"\x89PNG enveloppe").unwrap();

    // A file that is not there: refused, nothing recorded, nothing sent.
    let missing = ws.dir().join("absent.pdf");
    let r = log_request(&ws, &server, &["--attach", &missing.display().to_string()]);
    r.assert_code(2);
    assert!(r.stderr().contains("absent.pdf"), "{}", r.stderr());
    assert!(!ws.exists("requests/2021-001.yaml"));
    // Nothing to attach to when nothing is forwarded.
    let r = log_request(
        &ws,
        &server,
        &["--no-forward", "--attach", &letter.display().to_string()],
    );
    r.assert_code(2);
    assert!(!ws.exists("requests/2021-001.yaml"));

    let r = log_request(
        &ws,
        &server,
        &[
            "--attach",
            &letter.display().to_string(),
            "--attach",
            &scan.display().to_string(),
        ],
    );
    r.assert_code(0);
    let sha = sha256sum(&letter);
    assert!(
        r.stdout().contains(&format!(
            "pièce jointe{NNBSP}: courrier-demande.pdf (SHA-256 {sha})"
        )),
        "{}",
        r.stdout()
    );
    let m = &received(&server, 1)[0];
    let names: Vec<&str> = m["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["courrier-demande.pdf", "enveloppe.png"], "{m}");
    assert_eq!(
        std::fs::read(m["attachments"][0]["path"].as_str().unwrap()).unwrap(),
        std::fs::read(&letter).unwrap()
    );
    let record = ws.read("requests/2021-001.yaml");
    assert!(
        record.contains("name: courrier-demande.pdf")
            && record.contains(&format!("sha256: {sha}"))
            && record.contains("name: enveloppe.png"),
        "{record}"
    );
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn the_request_log_refusal_hint_reads_as_a_sentence() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    let server = SmtpServer::start(Mode::Plain);
    let mut args = vec![
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
        "à compléter",
    ];
    let r = ws.dpo().smtp(&server).run(&args);
    r.assert_code(2);
    assert!(
        r.stderr().contains(&format!(
            "conseil{NNBSP}: enregistrez-la avec --no-forward, complétez-les"
        )),
        "{}",
        r.stderr()
    );
    args.insert(0, "en");
    args.insert(0, "--lang");
    let r = ws.dpo().smtp(&server).run(&args);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("hint: log it with --no-forward, fill them with"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists("requests/2021-001.yaml"));
}

#[test]
fn the_late_refusal_says_how_late() {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    // 72 h after 2021-03-26 10:00 (UTC+01:00): 29 March 11:00 (UTC+02:00).
    for (lang, want) in [
        (
            "fr",
            "a expiré le 29 mars 2021 à 11:00 (UTC+02:00) (en retard de 1 h 30 min)",
        ),
        (
            "en",
            "passed on 29 March 2021, 11:00 (UTC+02:00) (1 h 30 min late)",
        ),
    ] {
        let r = ws.dpo().run(&[
            "--lang",
            lang,
            "--now",
            "2021-03-29 12:30",
            "breach",
            "notify",
            "2021-001",
        ]);
        r.assert_code(2);
        assert!(r.stderr().contains(want), "({lang}) {}", r.stderr());
    }
}

#[test]
fn breach_show_gives_the_end_the_supplements_and_the_closing_in_order_with_who() {
    let ws = Workspace::fixture("juvisy-workspace");
    let server = SmtpServer::start(Mode::Plain);
    let as_ = |actor: &str, now: &str, args: &[&str]| {
        let mut a = vec!["--now", now];
        a.extend_from_slice(args);
        let r = ws.dpo().smtp(&server).env("DPO_ACTOR", actor).run(&a);
        r.assert_code(0);
        r
    };
    as_(
        "Léa Dubois",
        "2021-03-26 10:30",
        &[
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--controller",
            "juvisy-sur-orge",
            "--aware-at",
            "2021-03-26 10:00",
        ],
    );
    // The facts, typed in and adopted.
    let text = std::fs::read_to_string(fixture("breach-records").join("2021-001.yaml")).unwrap();
    ws.write("breaches/2021-001.yaml", &text);
    as_(
        "Léa Dubois",
        "2021-03-26 10:45",
        &[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "faits connus",
        ],
    );
    as_(
        "Jeanne Martin",
        "2021-03-26 11:00",
        &["breach", "notify", "2021-001"],
    );
    as_(
        "Léa Dubois",
        "2021-03-26 14:00",
        &["breach", "set", "2021-001", "ended_at", "2021-03-26 13:00"],
    );
    as_(
        "Léa Dubois",
        "2021-03-26 14:10",
        &[
            "breach",
            "set",
            "2021-001",
            "consequences",
            "indisponibilité des partages",
        ],
    );
    as_(
        "Jeanne Martin",
        "2021-03-26 15:00",
        &["breach", "supplement", "2021-001"],
    );
    as_(
        "Paul Durand",
        "2021-04-15 10:00",
        &[
            "breach",
            "close",
            "2021-001",
            "--summary",
            "service restauré",
        ],
    );
    let r = ws
        .dpo()
        .run(&["--now", "2021-04-15 11:00", "breach", "show", "2021-001"]);
    r.assert_code(0);
    let out = r.stdout();
    let lines = [
        "vendredi 26 mars 2021 à 10:00 (UTC+01:00) — prise de connaissance par le sous-traitant — consignée par Léa Dubois",
        "vendredi 26 mars 2021 à 11:00 (UTC+01:00) — notification par courriel au responsable de traitement — la commune de Juvisy-sur-Orge — destinataire",
        "par Jeanne Martin",
        "vendredi 26 mars 2021 à 13:00 (UTC+01:00) — fin de la violation",
        "vendredi 26 mars 2021 à 15:00 (UTC+01:00) — complément n° 1 — la commune de Juvisy-sur-Orge — destinataire",
        "par Jeanne Martin",
        "lundi 29 mars 2021 à 11:00 (UTC+02:00) — échéance du sous-traitant",
        "jeudi 15 avril 2021 à 10:00 (UTC+02:00) — clôture du dossier — par Paul Durand",
    ];
    let mut from = 0;
    for l in lines {
        let found = out[from..]
            .find(l)
            .unwrap_or_else(|| panic!("`{l}` not after byte {from} in:\n{out}"));
        from += found + l.len();
    }
    assert!(
        !out.contains("connaissance par le sous-traitant — par"),
        "{out}"
    );
    let r = ws.dpo().run(&[
        "--lang",
        "en",
        "--now",
        "2021-04-15 11:00",
        "breach",
        "show",
        "2021-001",
    ]);
    assert!(
        r.stdout().contains("— recorded by Léa Dubois"),
        "{}",
        r.stdout()
    );
}
