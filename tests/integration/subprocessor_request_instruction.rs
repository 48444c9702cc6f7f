//! The duties toward the controller beside breaches (issue 5, items 1–3:
//! Annex 1 §II.6, §II.7, §II.1–2), end to end with the real binary: requests
//! from data subjects forwarded at once with their one-month deadline,
//! written notices of a sub-processor change, objections to an instruction and
//! transfers required by law; every e-mail through a real SMTP server on
//! loopback read back with Python's `email` package, the refusals that record
//! nothing, and `dpo status` flagging a request not forwarded within 24 hours.
//!
//! Each test copies `tests/fixtures/juvisy-workspace` with the overlay
//! `tests/fixtures/request-notice-contacts` (the controller file, with the
//! contacts for requests and written notices).

use std::path::Path;

use crate::support::instruction::transfer_to_switzerland;
use crate::support::mail::{compare, received};
use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{collapse, pdf_text, plain, sha256sum};
use crate::support::Workspace;

const CONTROLLER: &str = "juvisy-sur-orge";
const DSR_EMAIL: &str = "droits@juvisy.example";
const NOTICE_EMAIL: &str = "dgs@juvisy.example";
const CONTROLLER_FILE: &str = "controllers/juvisy-sur-orge.yaml";

/// A copy of `tests/fixtures/juvisy-workspace` with the contacts for
/// requests and written notices.
fn workspace() -> Workspace {
    Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts")
}

fn status_json(ws: &Workspace, now: &str) -> (i32, serde_json::Value) {
    let r = ws.dpo().run(&["--json", "--now", now, "status"]);
    (r.code().unwrap_or(-1), r.json())
}

fn items_of_kind(v: &serde_json::Value, kind: &str) -> Vec<serde_json::Value> {
    v["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i["kind"] == kind)
        .collect()
}

/// The last day of the one-month period as counted, and the day it ends
/// on once moved past a weekend or a public holiday (Reg. 1182/71, art. 3(4)).
fn answer_due_of(received_at: &str) -> (String, String) {
    let ws = workspace();
    ws.dpo()
        .run(&[
            "--json",
            "--now",
            "2024-06-01 10:00",
            "request",
            "log",
            "--controller",
            CONTROLLER,
            "--right",
            "access",
            "--received-at",
            received_at,
            "--summary",
            "x",
            "--no-forward",
        ])
        .assert_code(0);
    let r = ws.dpo().run(&["--json", "request", "list"]);
    r.assert_code(0);
    let v = r.json();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    (
        text(&v[0]["answer_period"]["counted"]),
        text(&v[0]["answer_due"]),
    )
}

#[test]
fn the_answer_deadline_is_one_calendar_month_clamped_to_the_end_of_february() {
    // Sunday 28 February 2021 and Sunday 30 May 2021 move to the Monday.
    assert_eq!(
        answer_due_of("2021-01-31 10:00"),
        ("2021-02-28".into(), "2021-03-01".into())
    );
    assert_eq!(
        answer_due_of("2024-01-31 10:00"),
        ("2024-02-29".into(), "2024-02-29".into())
    );
    assert_eq!(
        answer_due_of("2021-04-30 10:00"),
        ("2021-05-30".into(), "2021-05-31".into())
    );
}

#[test]
fn a_daylight_saving_change_does_not_shift_the_answer_date() {
    // Received at 00:30 local on 1 October (22:30 UTC the day before); the
    // deadline is 1 November, local, even though winter time began between.
    // 1 November is All Saints' Day: the period ends on Tuesday 2 November.
    assert_eq!(
        answer_due_of("2021-10-01 00:30"),
        ("2021-11-01".into(), "2021-11-02".into())
    );
    assert_eq!(
        answer_due_of("2021-03-27 23:30"),
        ("2021-04-27".into(), "2021-04-27".into())
    );
    let ws = workspace();
    ws.dpo()
        .run(&[
            "--now",
            "2021-10-02 10:00",
            "request",
            "log",
            "--controller",
            CONTROLLER,
            "--right",
            "erasure",
            "--received-at",
            "2021-10-01 00:30",
            "--summary",
            "x",
            "--no-forward",
        ])
        .assert_code(0);
    let (_, v) = status_json(&ws, "2021-10-02 10:00");
    let a = items_of_kind(&v, "request.answer");
    assert_eq!(a[0]["due"], "2021-11-02T23:59:59+01:00", "{v}");
}

#[test]
fn a_request_is_forwarded_at_once_to_the_data_subject_request_contact() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:00",
        "request",
        "log",
        "--controller",
        CONTROLLER,
        "--right",
        "erasure",
        "--received-at",
        "2021-03-26 09:15",
        "--summary",
        "Effacement du compte du portail famille de M. Dupont",
        "--channel",
        "courrier",
    ]);
    r.assert_code(0);
    let m = &received(&server, 1)[0];
    assert_eq!(m["rcpt_to"], DSR_EMAIL);
    assert_eq!(m["mail_from"], "DPO@grandorlyseinebievre.fr");
    let subject = m["subject"].as_str().unwrap_or_default();
    assert!(
        subject.starts_with("Demande d'exercice de droits transmise — droit à l'effacement"),
        "{subject}"
    );
    assert!(m["raw_subject"].as_str().unwrap_or_default().is_ascii());
    let body = &plain(m["body"].as_str().unwrap_or_default());
    for want in [
        "Effacement du compte du portail famille de M. Dupont",
        "article 17 du RGPD",
        "vendredi 26 mars 2021 à 09:15 (UTC+01:00)",
        "au plus tard le 26 avril 2021",
        "annexe 1, § II.7",
    ] {
        assert!(body.contains(want), "body lacks {want:?}:\n{body}");
    }
    // Kept as sent, hashed in the record and in the journal.
    let rec = ws.read("requests/2021-001.yaml");
    let eml = "evidence/requests/2021-001.eml";
    let sha = sha256sum(&ws.root().join(eml));
    assert!(rec.contains(&format!("sha256: {sha}")), "{rec}");
    assert!(
        rec.starts_with("# Demande d'exercice de droits 2021-001"),
        "{rec}"
    );
    let cmp = compare(&ws.root().join(eml), m["file"].as_str().unwrap_or_default());
    assert_eq!(cmp["same_body"], true, "{cmp}");
    let journal = ws.read("journal.jsonl");
    assert!(
        journal.contains(&format!("\"payload_sha256\":\"{sha}\"")),
        "{journal}"
    );
    assert!(journal.contains("request.forward"), "{journal}");
    // Forwarded in time: no flag.
    let (code, v) = status_json(&ws, "2021-03-27 12:00");
    assert_eq!(code, 0, "{v}");
    assert_eq!(items_of_kind(&v, "request.forward")[0]["state"], "done");
}

#[test]
fn a_request_not_forwarded_within_24_hours_is_flagged_and_can_be_forwarded_later() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.dpo()
        .run(&access_request("2021-03-26 09:00", "Accès au dossier RH"))
        .assert_code(0);
    let (code, v) = status_json(&ws, "2021-03-27 08:59");
    assert_eq!(code, 0, "{v}");
    let (code, v) = status_json(&ws, "2021-03-27 09:01");
    assert_eq!(code, 1, "{v}");
    let f = items_of_kind(&v, "request.forward");
    assert_eq!(f[0]["state"], "overdue", "{v}");
    assert_eq!(f[0]["subject"], "2021-001/juvisy-sur-orge");
    ws.dpo()
        .smtp(&server)
        .run(&[
            "--now",
            "2021-03-27 10:00",
            "request",
            "forward",
            "2021-001",
        ])
        .assert_code(0);
    let m = &received(&server, 1)[0];
    assert_eq!(m["rcpt_to"], DSR_EMAIL);
    assert!(m["body"]
        .as_str()
        .unwrap_or_default()
        .contains("plus de 24 heures après sa réception"));
    let (_, v) = status_json(&ws, "2021-03-27 10:05");
    assert_eq!(
        items_of_kind(&v, "request.forward")[0]["state"],
        "done_late",
        "{v}"
    );
    // Forwarding twice is refused.
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-27 10:10",
        "request",
        "forward",
        "2021-001",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("la transmission a déjà eu lieu"),
        "{}",
        r.stderr()
    );
}

#[test]
fn refusals_record_nothing() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    let base = [
        "--now",
        "2021-03-26 11:00",
        "request",
        "log",
        "--received-at",
        "2021-03-26 09:00",
        "--summary",
        "x",
    ];
    // Unknown controller.
    let mut a = base.to_vec();
    a.extend(["--controller", "athis-mons", "--right", "access"]);
    let r = ws.dpo().smtp(&server).run(&a);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("responsable de traitement inconnu `athis-mons`"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("juvisy-sur-orge"),
        "the hint lists them: {}",
        r.stderr()
    );
    // Unknown right.
    let mut a = base.to_vec();
    a.extend(["--controller", CONTROLLER, "--right", "forget-me"]);
    let r = ws.dpo().smtp(&server).run(&a);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("possible values: access, rectification, erasure"),
        "{}",
        r.stderr()
    );
    // Missing data-subject-request e-mail.
    let text = ws
        .read(CONTROLLER_FILE)
        .replace(&format!("email: {DSR_EMAIL}"), "email: null");
    ws.write(CONTROLLER_FILE, &text);
    let mut a = base.to_vec();
    a.extend(["--controller", CONTROLLER, "--right", "access"]);
    let r = ws.dpo().smtp(&server).run(&a);
    r.assert_code(2);
    assert!(
        r.stderr().contains("contacts.data_subject_requests.email"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("rien n'a été enregistré"),
        "{}",
        r.stderr()
    );
    // Missing notice contact, for an objection and for a sub-processor.
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-26 11:00",
            "instruction",
            "log",
            "--controller",
            CONTROLLER,
            "--from",
            "DGS",
            "--at",
            "2021-03-26 10:00",
            "--summary",
            "s",
        ])
        .assert_code(0);
    let journal_before = ws.journal().len();
    let text = ws
        .read(CONTROLLER_FILE)
        .replace(&format!("email: {NOTICE_EMAIL}"), "email: null");
    ws.write(CONTROLLER_FILE, &text);
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:00",
        "instruction",
        "object",
        "2021-001",
        "--reason",
        "r",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("contacts.notices.email / dpo.email"),
        "{}",
        r.stderr()
    );
    assert!(ws
        .read("instructions/2021-001.yaml")
        .contains("objection: null"));
    let before = ws.read("subprocessors.yaml");
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-26 11:00",
        "subprocessor",
        "add",
        "ovh",
        "--name",
        "OVH",
        "--controller",
        CONTROLLER,
    ]);
    r.assert_code(2);
    assert_eq!(ws.read("subprocessors.yaml"), before);
    // A wrong notice id is named before any mail setting is asked for.
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-26 11:00",
        "subprocessor",
        "notify",
        "nope",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("pas d'information écrite `nope`"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists("requests"));
    assert!(!ws.exists("subprocessor-notices"));
    assert_eq!(ws.journal().len(), journal_before);
    assert!(server.messages().is_empty());
}

#[test]
fn a_sub_processor_change_makes_a_written_notice_sent_with_its_pdf() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-01 10:00",
        "subprocessor",
        "change",
        "siim94",
        "--address",
        "1 rue de l'Exemple, 94000 Créteil",
        "--contact-email",
        "contact@siim94.example",
        "--contract-start",
        "2021-02-01",
        "--contract-end",
        "2021-07-31",
    ]);
    r.assert_code(0);
    // The comments of the register are kept (except those inside the changed entry).
    let reg = ws.read("subprocessors.yaml");
    assert!(
        reg.starts_with("# Sous-traitants ultérieurs (annexe 1, §II.6)"),
        "{reg}"
    );
    assert!(
        reg.contains("# L'acte mentionne « un certain nombre de partenaires"),
        "{reg}"
    );
    let notice = ws.read("subprocessor-notices/2021-001.yaml");
    assert!(
        notice.contains("sent: null") || !notice.contains("sent:\n  sent_at"),
        "{notice}"
    );
    let (code, v) = status_json(&ws, "2021-03-01 10:05");
    assert_eq!(
        code, 1,
        "a notice for a contract already started is overdue: {v}"
    );
    assert_eq!(items_of_kind(&v, "subprocessor.notice").len(), 1, "{v}");

    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-01 10:10", "subprocessor", "notify"])
        .assert_code(0);
    let m = &received(&server, 1)[0];
    assert_eq!(m["rcpt_to"], NOTICE_EMAIL);
    let subject = m["subject"].as_str().unwrap_or_default();
    assert!(
        subject.starts_with(
            "Information écrite\u{202f}: changement de sous-traitant ultérieur — SIIM94"
        ),
        "{subject}"
    );
    let body = &plain(m["body"].as_str().unwrap_or_default());
    for want in [
        "annexe 1, § II.6",
        "1 rue de l'Exemple, 94000 Créteil",
        "contact@siim94.example",
        "infogérance des réseaux, télécoms, serveurs et bases de données",
        "Contrat : adhésion de l'EPT au SIIM94, prolongée depuis l'adhésion historique de l'ex-CAVB (début : 1er février 2021 ; fin : 31 juillet 2021)",
    ] {
        assert!(body.contains(want), "body lacks {want:?}:\n{body}");
    }
    let atts = m["attachments"].as_array().cloned().unwrap_or_default();
    assert_eq!(atts.len(), 1);
    assert_eq!(atts[0]["content_type"], "application/pdf");
    let pdf = pdf_text(Path::new(atts[0]["path"].as_str().unwrap_or_default()));
    for want in [
        "SIIM94",
        "1 rue de l'Exemple, 94000 Créteil",
        "infogérance des réseaux, télécoms, serveurs et bases de données",
        "1er février 2021",
        "31 juillet 2021",
        "Commune de Juvisy-sur-Orge",
    ] {
        assert!(pdf.contains(&collapse(want)), "PDF lacks {want:?}:\n{pdf}");
    }
    // The PDF kept in evidence is the one sent, and its hash is recorded.
    let kept = sha256sum(&ws.root().join("evidence/subprocessors/2021-001.pdf"));
    assert_eq!(
        kept,
        sha256sum(Path::new(atts[0]["path"].as_str().unwrap_or_default()))
    );
    let notice = ws.read("subprocessor-notices/2021-001.yaml");
    assert!(notice.contains(&format!("pdf_sha256: {kept}")), "{notice}");
    assert!(notice.contains("server_reply: 250"), "{notice}");
    let (code, v) = status_json(&ws, "2021-03-01 10:15");
    assert_eq!(code, 0, "{v}");
    assert!(items_of_kind(&v, "subprocessor.notice").is_empty());
    ws.dpo().run(&["check"]).assert_code(0);
}

#[test]
fn an_objection_and_a_transfer_required_by_law_are_e_mailed_to_the_controller() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-02 09:00",
            "instruction",
            "log",
            "--controller",
            CONTROLLER,
            "--from",
            "Directrice générale des services",
            "--at",
            "2021-03-01 16:00",
            "--summary",
            "Conserver les sauvegardes des messageries sans limite de durée",
            "--reference",
            "courriel du 1er mars 2021",
        ])
        .assert_code(0);
    ws.dpo().smtp(&server).run(&[
            "--now", "2021-03-02 09:30", "instruction", "object", "2021-001", "--reason",
            "Une conservation illimitée méconnaît la limitation de la conservation (art. 5(1)(e) RGPD)",
        ]).assert_code(0);
    ws.dpo()
        .smtp(&server)
        .run(&transfer_to_switzerland(CONTROLLER))
        .assert_code(0);
    let msgs = received(&server, 2);
    let (obj, tr) = (&msgs[0], &msgs[1]);
    assert_eq!(obj["rcpt_to"], NOTICE_EMAIL);
    assert!(obj["subject"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Instruction contraire à la réglementation sur la protection des données"));
    let body = &plain(obj["body"].as_str().unwrap_or_default());
    for want in [
        "limitation de la conservation",
        "Directrice générale des services",
        "courriel du 1er mars 2021",
        "article 28, paragraphe 3",
    ] {
        assert!(body.contains(want), "objection lacks {want:?}:\n{body}");
    }
    assert_eq!(tr["rcpt_to"], NOTICE_EMAIL);
    assert!(tr["subject"].as_str().unwrap_or_default().starts_with(
        "Information préalable\u{202f}: transfert vers un pays tiers exigé par la loi"
    ));
    let body = &plain(tr["body"].as_str().unwrap_or_default());
    for want in [
        "Suisse",
        "Commission rogatoire internationale n° 2021-17",
        "avant tout transfert",
    ] {
        assert!(
            body.contains(want),
            "transfer notice lacks {want:?}:\n{body}"
        );
    }
    let rec = ws.read("instructions/2021-002.yaml");
    assert!(
        rec.contains("country: Suisse") && rec.contains("server_reply: 250"),
        "{rec}"
    );
    let (code, v) = status_json(&ws, "2021-03-03 09:05");
    assert_eq!(code, 0, "{v}");
    let r = ws.dpo().run(&["instruction", "list"]);
    r.assert_code(0);
    assert!(
        r.stdout().contains("objection\u{202f}:") && r.stdout().contains("envoyée"),
        "{}",
        r.stdout()
    );
}
