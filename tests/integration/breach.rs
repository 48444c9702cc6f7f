//! The breach workflow of issue 3 (Annex 1 §II.8), end to end with the real
//! binary: deadlines across daylight-saving changes, notifications through a
//! real SMTP server (aiosmtpd, plain, STARTTLS and implicit TLS behind a test
//! CA), the messages read back with Python's `email` package and their PDF
//! with `pdftotext`, the refusals, and `dpo status` with its iCalendar file.
//!
//! Each test copies `tests/fixtures/juvisy-workspace` (the sample with a
//! breach contact), most with `tests/fixtures/breach-records/2021-001.yaml`.

use std::process::Command;

use crate::support::breach::call_mme_martin;
use crate::support::mail::{compare, received};
use crate::support::smtp::{self, Mode, SmtpServer};
use crate::support::tools::{collapse, pdf_text, pdftotext, plain, run, sha256sum};
use crate::support::{Run, Workspace};

const ID: &str = "2021-001";
const CONTACT: &str = "rgpd@juvisy.example";
const DPO_EMAIL: &str = "DPO@grandorlyseinebievre.fr";
const EML: &str = "evidence/breaches/2021-001/juvisy-sur-orge-1.eml";

/// A copy of `tests/fixtures/juvisy-workspace`.
fn workspace() -> Workspace {
    Workspace::fixture("juvisy-workspace")
}

/// The same, with `tests/fixtures/breach-records/<id>.yaml` as a breach.
fn with_breach(id: &str) -> Workspace {
    let ws = workspace();
    ws.write_breach_record(id);
    ws
}

/// [`with_breach`], the breach adopted: written by hand, or status reports
/// it as not journaled.
fn with_adopted_breach(id: &str) -> Workspace {
    let ws = with_breach(id);
    ws.dpo()
        .run(&[
            "record",
            "adopt",
            &format!("breaches/{id}.yaml"),
            "--reason",
            "fixture",
        ])
        .assert_code(0);
    ws
}

/// `breach open` of a breach titled `title`, known since `aware_at`, at `now`.
fn open_breach(ws: &Workspace, now: &str, title: &str, aware_at: &str) -> Run {
    ws.dpo().run(&[
        "--now",
        now,
        "breach",
        "open",
        "--title",
        title,
        "--aware-at",
        aware_at,
    ])
}

/// The values of `tests/fixtures/breach-records/2021-001.yaml` that every
/// notification must carry, one per Annex 1 item, plus the deferral.
const REQUIRED_VALUES: &[&str] = &[
    "Chiffrement par un rançongiciel des partages du serveur de fichiers de la ville",
    "agents de la ville, usagers de l'état civil",
    // Counts with the French digit grouping (issue 9: a narrow no-break space).
    "1\u{202f}200",
    "dossiers RH, actes d'état civil numérisés",
    "45\u{202f}000",
    "Serveur isolé du réseau, comptes administrateur réinitialisés",
    "Restauration depuis la sauvegarde du 24 mars ; surveillance renforcée des accès",
    "analyse en cours par l'équipe de réponse à incident",
    DPO_EMAIL,
];

fn notify_and_check(mode: Mode) {
    let server = SmtpServer::start(mode);
    let ws = with_breach(ID);
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID]);
    r.assert_code(0);
    assert!(
        r.stdout().contains("réponse du serveur\u{202f}: 250"),
        "{}",
        r.stdout()
    );

    let msgs = received(&server, 1);
    let m = &msgs[0];
    // The envelope and the headers.
    assert_eq!(m["mail_from"], DPO_EMAIL);
    assert_eq!(m["rcpt_to"], CONTACT);
    assert_eq!(m["to"], format!("Cellule RGPD de la ville <{CONTACT}>"));
    assert_eq!(
        m["subject"],
        "Notification de violation de données à caractère personnel — EPT Grand-Orly Seine Bièvre — 2021-001\u{202f}: Rançongiciel sur le serveur de fichiers"
    );
    let raw_subject = m["raw_subject"].as_str().unwrap_or_default();
    assert!(
        raw_subject.contains("=?utf-8?"),
        "the French subject is RFC 2047 encoded: {raw_subject}"
    );
    assert!(raw_subject.is_ascii(), "{raw_subject}");
    assert_eq!(
        m["date"], "Fri, 26 Mar 2021 10:00:00 +0000",
        "the Date comes from --now"
    );

    // Every required item in the body, with the deadline and the journal head.
    let body = &plain(m["body"].as_str().unwrap_or_default());
    for v in REQUIRED_VALUES {
        assert!(body.contains(&plain(v)), "body lacks {v:?}:\n{body}");
    }
    for label in [
        "1. NATURE DE LA VIOLATION",
        "2. DÉLÉGUÉ À LA PROTECTION DES DONNÉES",
        "3. CONSÉQUENCES PROBABLES",
        "4. MESURES PRISES OU PROPOSÉES",
    ] {
        assert!(body.contains(label), "body lacks {label:?}");
    }
    assert!(
        body.contains("avant le lundi 29 mars 2021 à 11:00 (UTC+02:00)"),
        "{body}"
    );
    assert!(body.contains("entrée de rang 0, empreinte SHA-256 0000000000000000000000000000000000000000000000000000000000000000"), "{body}");

    // The PDF attachment holds the same items.
    let atts = m["attachments"].as_array().cloned().unwrap_or_default();
    assert_eq!(atts.len(), 1, "{atts:?}");
    assert_eq!(atts[0]["content_type"], "application/pdf");
    assert_eq!(atts[0]["filename"], "notification-violation-2021-001-1.pdf");
    let pdf = pdf_text(std::path::Path::new(
        atts[0]["path"].as_str().unwrap_or_default(),
    ));
    for v in REQUIRED_VALUES {
        assert!(pdf.contains(&collapse(v)), "PDF lacks {v:?}:\n{pdf}");
    }
    assert!(
        pdf.contains("lundi 29 mars 2021 à 11:00 (UTC+02:00)"),
        "{pdf}"
    );

    // The kept .eml is the message the server received.
    let file = m["file"].as_str().unwrap_or_default().to_string();
    let cmp = compare(&ws.root().join(EML), &file);
    assert_eq!(cmp["same_headers"], true, "{cmp}");
    assert_eq!(cmp["same_body"], true, "{cmp}");

    // Its SHA-256 is in the breach file and in the journal.
    let sha = sha256sum(&ws.root().join(EML));
    let record = ws.read(&format!("breaches/{ID}.yaml"));
    assert!(record.contains(&format!("sha256: {sha}")), "{record}");
    assert!(record.contains("server_reply: 250"), "{record}");
    let journal = ws.journal();
    let entry = journal
        .iter()
        .find(|e| e["action"] == "breach.notify")
        .expect("a breach.notify entry");
    assert_eq!(entry["payload_sha256"], sha.as_str());
    assert_eq!(entry["subject"], "2021-001/juvisy-sur-orge");
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn notify_over_plain_smtp_delivers_every_required_item_and_keeps_the_exact_message() {
    notify_and_check(Mode::Plain);
}

#[test]
fn notify_over_starttls_with_a_test_ca_delivers_the_message() {
    notify_and_check(Mode::StartTls);
}

#[test]
fn notify_over_implicit_tls_with_a_test_ca_delivers_the_message() {
    notify_and_check(Mode::ImplicitTls);
}

#[test]
fn starttls_with_an_untrusted_certificate_is_refused_and_nothing_is_recorded() {
    let server = SmtpServer::start(Mode::StartTls);
    let ws = with_breach(ID);
    let before = ws.read(&format!("breaches/{ID}.yaml"));
    let r = ws.dpo().env("DPO_SMTP_URL", server.url()).run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("aucun envoi n'a été enregistré"),
        "{}",
        r.stderr()
    );
    assert!(server.messages().is_empty());
    assert_eq!(ws.read(&format!("breaches/{ID}.yaml")), before);
    assert!(!ws.exists(EML));
}

#[test]
fn opening_a_breach_on_friday_shows_the_deadline_across_the_spring_change() {
    let ws = workspace();
    let r = open_breach(
        &ws,
        "2021-03-26 10:00",
        "Rançongiciel sur le serveur de fichiers",
        "2021-03-26 10:00",
    );
    r.assert_code(0);
    assert!(
        r.stdout().contains("violation 2021-001 ouverte"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("à notifier au responsable de traitement avant le lundi 29 mars 2021 à 11:00 (UTC+02:00) — dans 72 h 00 min"),
        "{}",
        r.stdout()
    );
    let record = ws.read("breaches/2021-001.yaml");
    assert!(
        record.contains("aware_at: 2021-03-26T10:00:00+01:00"),
        "{record}"
    );
    assert!(
        record.contains("controllers: [juvisy-sur-orge]"),
        "the only controller is the default: {record}"
    );
    assert_eq!(ws.journal()[0]["action"], "breach.open");
    // The new file is a valid breach: `show` reads it and lists what is missing.
    let show = ws
        .dpo()
        .run(&["--now", "2021-03-26 10:05", "breach", "show", "2021-001"]);
    show.assert_code(0);
    assert!(show.stdout().contains("MANQUANT"), "{}", show.stdout());
}

#[test]
fn opening_a_breach_before_the_autumn_change_gives_monday_at_nine_winter_time() {
    let ws = workspace();
    let r = open_breach(
        &ws,
        "2021-10-29 10:00",
        "Perte d'un portable",
        "2021-10-29 10:00",
    );
    r.assert_code(0);
    assert!(
        r.stdout()
            .contains("avant le lundi 1er novembre 2021 à 09:00 (UTC+01:00) — dans 72 h 00 min"),
        "{}",
        r.stdout()
    );
    let en = ws.dpo().run(&[
        "--lang",
        "en",
        "--now",
        "2021-10-29 10:00",
        "breach",
        "show",
        "2021-001",
    ]);
    assert!(en.stdout().contains("notify the controller before Monday 1 November 2021, 09:00 (UTC+01:00) — 72 h 00 min left"), "{}", en.stdout());
}

#[test]
fn a_time_in_the_spring_gap_is_refused_with_both_readings() {
    let ws = workspace();
    let r = open_breach(&ws, "2021-03-29 10:00", "t", "2021-03-28 02:30");
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("n'existe pas dans le fuseau Europe/Paris"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("01:59 (UTC+01:00)") && r.stderr().contains("03:00 (UTC+02:00)"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists("breaches"));
}

#[test]
fn a_time_in_the_autumn_overlap_is_refused_with_both_readings() {
    let ws = workspace();
    let r = open_breach(&ws, "2021-11-01 10:00", "t", "2021-10-31 02:30");
    r.assert_code(2);
    assert!(
        r.stderr().contains("02:30 (UTC+02:00)") && r.stderr().contains("02:30 (UTC+01:00)"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists("breaches"));
}

#[test]
fn notify_refuses_a_missing_required_field_listing_it_in_the_run_s_language() {
    let ws = with_breach(ID);
    let text = ws.read(&format!("breaches/{ID}.yaml"));
    ws.write(
        &format!("breaches/{ID}.yaml"),
        &text
            .replace("  subjects_count: 1200\n", "  subjects_count: null\n")
            .replace(
                "deferred:\n  consequences:",
                "deferred:\n  unused: x\n  consequences:",
            ),
    );
    // An unknown deferral is an error with a hint; remove it and try again.
    let r = ws.dpo().env("DPO_SMTP_URL", "smtp://127.0.0.1:9").run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("`unused` n'est pas un champ qui peut être différé"),
        "{}",
        r.stderr()
    );
    ws.write(
        &format!("breaches/{ID}.yaml"),
        &text.replace("  subjects_count: 1200\n", "  subjects_count: null\n"),
    );

    let r = ws.dpo().env("DPO_SMTP_URL", "smtp://127.0.0.1:9").run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(1);
    assert!(
        r.stderr().contains("nature.subjects_count"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr()
            .contains("nombre approximatif de personnes concernées"),
        "{}",
        r.stderr()
    );
    // One language: the English label only with --lang en.
    assert!(
        !r.stderr()
            .contains("approximate number of people concerned"),
        "{}",
        r.stderr()
    );
    let en = ws
        .dpo()
        .english()
        .env("DPO_SMTP_URL", "smtp://127.0.0.1:9")
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID]);
    en.assert_code(1);
    assert!(
        en.stderr()
            .contains("nature.subjects_count: approximate number of people concerned")
            && !en.stderr().contains("nombre approximatif"),
        "{}",
        en.stderr()
    );
    assert!(
        !r.stderr().contains("consequences:"),
        "a deferred field is not missing: {}",
        r.stderr()
    );
    assert!(!ws.exists(EML));
    assert!(ws.journal().is_empty());

    // Deferring it with a reason lets the dry run through.
    let d = ws.dpo().run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "defer",
        ID,
        "subjects_count",
        "--reason",
        "inventaire en cours",
    ]);
    d.assert_code(0);
    let dry = ws.dpo().run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        ID,
        "--dry-run",
    ]);
    dry.assert_code(0);
    let eml = ws.read("evidence/breaches/2021-001/juvisy-sur-orge-1-dry-run.eml");
    assert!(eml.contains("Message-ID: <"), "{eml}");
    assert!(
        !ws.read(&format!("breaches/{ID}.yaml"))
            .contains("notifications:"),
        "a dry run is not a notification"
    );
}

#[test]
fn a_notification_at_exactly_72_hours_is_on_time_and_one_second_later_needs_a_late_reason() {
    let server = SmtpServer::start(Mode::Plain);

    let on_time = with_breach(ID);
    let r = on_time.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-29T11:00:00+02:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(0);

    let late = with_breach(ID);
    let r = late.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-29T11:00:01+02:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(2);
    assert!(r.stderr().contains("--late-reason"), "{}", r.stderr());
    assert!(r.stderr().contains("0 h 01 min"), "{}", r.stderr());
    assert!(!late.exists(EML));

    let reason = "le serveur de messagerie était lui-même chiffré";
    let r = late.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-29T11:00:01+02:00",
        "breach",
        "notify",
        ID,
        "--late-reason",
        reason,
    ]);
    r.assert_code(0);
    let msgs = received(&server, 2);
    let body = &plain(msgs[1]["body"].as_str().unwrap_or_default());
    assert!(
        body.contains(&format!("après ce délai. Motif du retard : {reason}")),
        "{body}"
    );
    assert!(late
        .read(&format!("breaches/{ID}.yaml"))
        .contains(&format!("late_reason: {reason}")));
}

#[test]
fn a_second_notify_is_refused_without_again_and_kept_apart_with_it() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_breach(ID);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID])
        .assert_code(0);
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:05", "breach", "notify", ID]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("déjà été notifiée") && r.stderr().contains("--again"),
        "{}",
        r.stderr()
    );
    assert_eq!(server.wait_for(1).len(), 1);
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:05",
        "breach",
        "notify",
        ID,
        "--again",
    ]);
    r.assert_code(0);
    assert_eq!(received(&server, 2).len(), 2);
    assert!(
        ws.exists(EML) && ws.exists("evidence/breaches/2021-001/juvisy-sur-orge-1-2.eml"),
        "evidence is never overwritten"
    );
}

#[test]
fn a_line_break_in_the_title_cannot_add_a_header() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_breach(ID);
    let text = ws.read(&format!("breaches/{ID}.yaml"));
    ws.write(
        &format!("breaches/{ID}.yaml"),
        &text.replace(
            "title: Rançongiciel sur le serveur de fichiers",
            "title: \"Rançongiciel\\r\\nBcc: attacker@evil.example\\r\\nX-Injected: yes\"",
        ),
    );
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID]);
    r.assert_code(0);
    let m = &received(&server, 1)[0];
    let names: Vec<String> = m["header_names"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        !names.iter().any(|n| n == "bcc" || n == "x-injected"),
        "{names:?}"
    );
    assert_eq!(m["rcpt_to"], CONTACT, "no extra recipient");
    assert!(
        m["subject"]
            .as_str()
            .unwrap_or_default()
            .ends_with("Rançongiciel Bcc: attacker@evil.example X-Injected: yes"),
        "{}",
        m["subject"]
    );
}

#[test]
fn a_breach_contact_address_with_a_line_break_is_refused_and_nothing_is_sent() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_breach(ID);
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws.read(file);
    ws.write(
        file,
        &text.replace(
            "email: rgpd@juvisy.example",
            "email: \"rgpd@juvisy.example\\r\\nBcc: attacker@evil.example\"",
        ),
    );
    let before = ws.read(&format!("breaches/{ID}.yaml"));
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("not a valid e-mail address") || r.stderr().contains("email"),
        "{}",
        r.stderr()
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(server.messages().is_empty());
    assert_eq!(ws.read(&format!("breaches/{ID}.yaml")), before);
    assert!(!ws.exists(EML));
}

#[test]
fn an_unreachable_smtp_server_is_a_clear_error_and_nothing_is_recorded() {
    let ws = with_breach(ID);
    let before = ws.read(&format!("breaches/{ID}.yaml"));
    let url = format!("smtp://127.0.0.1:{}", smtp::free_port());
    let r = ws.dpo().env("DPO_SMTP_URL", url.as_str()).run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        ID,
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains(
            "la notification de la violation `2021-001` pour la commune de Juvisy-sur-Orge n'est pas partie\u{202f}; aucun envoi n'a été enregistré"
        ),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("l'envoi du message par `127.0.0.1:"),
        "{}",
        r.stderr()
    );
    assert_eq!(ws.read(&format!("breaches/{ID}.yaml")), before);
    assert!(!ws.exists(EML));
    // Write-ahead: the intent, then the refusal; nothing journaled as sent.
    let actions: Vec<_> = ws.journal().iter().map(|e| e["action"].clone()).collect();
    assert_eq!(
        actions,
        ["breach.notify.intent", "breach.notify.unreachable"]
    );
    // The copy dropped after the refusal is not "removed outside dpo".
    let r = ws.dpo().run(&["check"]);
    assert!(!r.text().contains(EML), "{}", r.text());
}

#[test]
fn status_exits_1_when_a_breach_is_overdue_or_half_notified_and_0_when_all_is_done() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_adopted_breach(ID);

    let r = ws.dpo().run(&["--now", "2021-03-26 12:00", "status"]);
    r.assert_code(0);
    assert!(r.stdout().contains("[à faire]"), "{}", r.stdout());

    let r = ws
        .dpo()
        .run(&["--now", "2021-03-29T11:00:01+02:00", "status"]);
    r.assert_code(1);
    assert!(
        r.stdout().contains("[EN RETARD]") && r.stdout().contains("en retard de 0 h 01 min"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("courriel") && r.stdout().contains("appel téléphonique"),
        "{}",
        r.stdout()
    );

    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID])
        .assert_code(0);
    let r = ws
        .dpo()
        .run(&["--now", "2021-03-26 11:30", "status", "--json"]);
    r.assert_code(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("status --json");
    assert_eq!(v["items"][0]["state"], "incomplete");
    assert_eq!(v["items"][0]["missing"], serde_json::json!(["call"]));

    let call = ws.dpo().run(
        &[
            &["--now", "2021-03-26 11:40"][..],
            &call_mme_martin(ID, Some("2021-03-26 11:35"), "notification reçue"),
        ]
        .concat(),
    );
    call.assert_code(0);
    let r = ws.dpo().run(&["--now", "2021-03-30 09:00", "status"]);
    r.assert_code(0);
    assert!(r.stdout().contains("[fait]"), "{}", r.stdout());
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn status_writes_an_ics_file_that_python_icalendar_reads() {
    let ws = with_adopted_breach(ID);
    let ics = ws.root().join("deadlines.ics");
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-26 12:00",
        "status",
        "--ics",
        &ics.display().to_string(),
    ]);
    r.assert_code(0);
    let script = r#"
import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in c.walk("VEVENT"):
    print(e["UID"], e["DTEND"].dt.isoformat(), len(e.walk("VALARM")), e["SUMMARY"])
"#;
    let out = run(Command::new("python3").args(["-c", script]).arg(&ics));
    assert!(out.success(), "{}", out.stderr());
    let text = out.stdout();
    // Issue 5: people, measures and the convention's term add their own
    // events; this test pins the breach's.
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("breach.")).collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with(
            "breach.notification.2021-001.juvisy-sur-orge@dpo-toolkit 2021-03-29T09:00:00+00:00 4 "
        ),
        "{text}"
    );
    assert!(
        lines[0].contains("Rançongiciel sur le serveur de fichiers"),
        "{text}"
    );
}

#[test]
fn a_supplement_sends_the_newly_filled_fields_as_update_number_1() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_breach(ID);
    let early =
        ws.dpo()
            .smtp(&server)
            .run(&["--now", "2021-03-26 11:00", "breach", "supplement", ID]);
    early.assert_code(2);
    assert!(
        early.stderr().contains("n'a pas encore été notifiée"),
        "{}",
        early.stderr()
    );
    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID])
        .assert_code(0);

    let nothing =
        ws.dpo()
            .smtp(&server)
            .run(&["--now", "2021-03-26 15:00", "breach", "supplement", ID]);
    nothing.assert_code(2);
    assert!(
        nothing.stderr().contains("rien de nouveau"),
        "{}",
        nothing.stderr()
    );

    let file = format!("breaches/{ID}.yaml");
    let consequences = "Indisponibilité des dossiers pendant trois jours ; risque de divulgation";
    let text = ws.read(&file);
    ws.write(
        &file,
        &text.replace(
            "consequences: null",
            &format!("consequences: {consequences}"),
        ),
    );
    // A fact filled by hand is adopted first (issue 9 review): no sending
    // makes a hand edit dpo's own.
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-27 09:00", "breach", "supplement", ID]);
    r.assert_code(2);
    assert!(r.stderr().contains("dpo record adopt"), "{}", r.stderr());
    assert_eq!(server.messages().len(), 1, "nothing sent");
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-27 09:00",
            "record",
            "adopt",
            &file,
            "--reason",
            "conséquences connues",
        ])
        .assert_code(0);
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-27 09:00", "breach", "supplement", ID]);
    r.assert_code(0);
    let m = &received(&server, 2)[1];
    assert!(
        m["subject"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Complément n° 1 à la notification"),
        "{}",
        m["subject"]
    );
    let body = &plain(m["body"].as_str().unwrap_or_default());
    assert!(body.contains(consequences), "{body}");
    assert!(
        body.contains("Nombre approximatif de personnes concernées : déjà communiqué"),
        "{body}"
    );
    assert!(body.contains("Toutes les informations requises"), "{body}");
    let record = ws.read(&file);
    assert!(
        record.contains("phase: 2") && record.contains("juvisy-sur-orge-2.eml"),
        "{record}"
    );
    assert!(
        record.starts_with("# The record of issue 3"),
        "the DPO's comments are kept: {record}"
    );
    assert_eq!(
        ws.journal().last().map(|e| e["action"].clone()),
        Some("breach.supplement".into())
    );
}

#[test]
fn report_renders_the_timeline_as_pdf_and_close_needs_a_summary() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = with_breach(ID);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", ID])
        .assert_code(0);
    ws.dpo()
        .run(
            &[
                &["--now", "2021-03-26 11:10"][..],
                &call_mme_martin(ID, None, "reçu"),
            ]
            .concat(),
        )
        .assert_code(0);
    let pdf = ws.root().join("report.pdf");
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-27 09:00",
        "breach",
        "report",
        ID,
        "-o",
        &pdf.display().to_string(),
    ]);
    r.assert_code(0);
    // In drawing order: the timeline is on a portrait page, its cells
    // wrapped, and poppler's reading order mixes the lines of one row.
    let text = collapse(&pdftotext(&pdf, &["-raw"]));
    for needle in [
        "Dossier de violation de données à caractère personnel 2021-001",
        "Chronologie",
        "Notification par courriel",
        "Appel téléphonique",
        "Mme Martin",
        "Échéance des 72 heures",
    ] {
        assert!(text.contains(needle), "report lacks {needle:?}:\n{text}");
    }

    let r = ws.dpo().run(&[
        "--now",
        "2021-03-30 09:00",
        "breach",
        "close",
        ID,
        "--summary",
        "  ",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("closing summary is empty"),
        "{}",
        r.stderr()
    );
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-30 09:00",
            "breach",
            "close",
            ID,
            "--summary",
            "Données restaurées ; aucune fuite constatée",
            // The consequences are still deferred: closing says why.
            "--with-deferred",
            "--reason",
            "le responsable de traitement clôt son propre dossier",
        ])
        .assert_code(0);
    assert!(ws
        .read(&format!("breaches/{ID}.yaml"))
        .contains("summary: Données restaurées"));
    let r = ws.dpo().english().run(&[
        "--now",
        "2021-03-30 09:05",
        "breach",
        "defer",
        ID,
        "consequences",
        "--reason",
        "x",
    ]);
    r.assert_code(2);
    assert!(r.stderr().contains("was closed"), "{}", r.stderr());
    ws.dpo()
        .run(&["--now", "2021-03-30 09:10", "status"])
        .assert_code(0);
}

#[test]
fn the_severity_helper_places_scores_on_the_enisa_bands() {
    let ws = workspace();
    let r = ws.dpo().run(&[
        "--json", "breach", "severity", "--dpc", "4", "--ei", "0.5", "--cb", "0",
    ]);
    r.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("json");
    assert_eq!(v["score"], 2.0);
    assert_eq!(v["level"], "medium");
    let r = ws.dpo().run(&[
        "breach", "severity", "--dpc", "5", "--ei", "0.5", "--cb", "0",
    ]);
    r.assert_code(2);
}

#[test]
fn list_and_show_answer_in_json_with_the_deadline_and_what_is_missing() {
    let ws = with_breach(ID);
    let r = ws
        .dpo()
        .run(&["--json", "--now", "2021-03-26 11:00", "breach", "list"]);
    r.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("list --json");
    assert_eq!(v[0]["id"], ID);
    assert_eq!(v[0]["deadline"], "2021-03-29T11:00:00+02:00");
    assert_eq!(v[0]["missing_fields"], serde_json::json!([]));
    let r = ws
        .dpo()
        .run(&["--json", "--now", "2021-03-26 11:00", "breach", "show", ID]);
    r.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("show --json");
    assert_eq!(v["fields"]["consequences"]["state"], "deferred");
    assert_eq!(v["fields"]["nature.subjects_count"]["value"], "1200");
    assert_eq!(v["controllers"][0]["emailed_at"], serde_json::Value::Null);
}
