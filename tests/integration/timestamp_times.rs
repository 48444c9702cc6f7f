//! Issue 12: the breach report and `breach show` give each
//! message's three times — the processor's clock, the SMTP server's
//! acceptance, the authority's RFC 3161 time-stamp — and say what each means.

use std::path::PathBuf;

use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tsa::Tsa;
use crate::support::Workspace;

/// The juvisy workspace with breach 2021-001 and the authority's CA.
fn breach_workspace(tsa: &Tsa) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    std::fs::create_dir_all(ws.root().join("keys/tsa")).expect("keys/tsa");
    std::fs::copy(tsa.path("ca.pem"), ws.root().join("keys/tsa/ca.pem")).expect("copy the CA");
    ws
}

fn eml_tsr(ws: &Workspace) -> PathBuf {
    walkdir::WalkDir::new(ws.root())
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_path_buf())
        .find(|p| p.to_string_lossy().ends_with(".eml.tsr"))
        .expect("a .eml.tsr")
}

fn report(ws: &Workspace, en: bool) -> String {
    let d = if en { ws.dpo().english() } else { ws.dpo() };
    let r = d.run(&[
        "--now",
        "2021-03-26 11:05",
        "breach",
        "report",
        "2021-001",
        "--format",
        "md",
    ]);
    r.assert_code(0);
    r.stdout().to_string()
}

#[test]
fn the_report_gives_the_three_times_of_each_message_and_says_what_each_means() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let smtp = SmtpServer::start(Mode::Plain);
    let ws = breach_workspace(&tsa);
    ws.dpo()
        .smtp(&smtp)
        .env("DPO_TSA_URL", &server.url)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    let fr = report(&ws, false);
    assert!(fr.contains("## Heures des messages envoyés"), "{fr}");
    assert!(
        fr.contains("Chaque message a trois heures\u{202f}: l'horloge du sous-traitant"),
        "{fr}"
    );
    let row = fr
        .lines()
        .find(|l| l.contains(".eml` |"))
        .expect("a row for the message");
    assert!(row.contains("(UTC+01:00) | «\u{202f}250"), "{row}");
    assert!(row.contains("\u{202f}», acceptation à "), "{row}");
    assert!(
        row.contains("| vendredi 26 mars 2021 à 11:00 (UTC+01:00) |"),
        "{row}"
    );
    assert!(!row.contains("en attente"), "{row}");
    assert!(!row.contains("invalide"), "{row}");
    // The authority's time is a date with its offset, in the last column.
    let last = row
        .trim_end_matches(" |")
        .rsplit(" | ")
        .next()
        .expect("cell");
    assert!(last.contains(" à ") && last.contains("(UTC+"), "{row}");
    let en = report(&ws, true);
    assert!(en.contains("## Times of the messages sent"), "{en}");
    assert!(
        en.contains("the SMTP server's reply (its acceptance"),
        "{en}"
    );
    assert!(en.contains("\"250"), "{en}");
    // The show line: the SMTP reply and the instant the server accepted it.
    ws.dpo()
        .english()
        .run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"])
        .assert_stdout_has("SMTP server: 250");
    ws.dpo()
        .english()
        .run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"])
        .assert_stdout_has(", accepted at 2021-03-26 11:00:00 (UTC+01:00); TSA time-stamp 20");
    // The message was sent at an instant (`--now`, 2021) years before the
    // authority's time: `breach show` warns of the gap, in both languages,
    // and still succeeds.
    let show = ws
        .dpo()
        .english()
        .run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"]);
    show.assert_code(0);
    assert!(
        show.stderr().contains("warning")
            && show.stderr().contains(".eml: the authority's time (20")
            && show
                .stderr()
                .contains("and the processor's clock (2021-03-26 11:00:00")
            && show.stderr().contains("more than 5 minutes"),
        "{}",
        show.stderr()
    );
    let fr = ws
        .dpo()
        .run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"]);
    assert!(
        fr.stderr()
            .contains("l'horloge du sous-traitant (2021-03-26 11:00:00"),
        "{}",
        fr.stderr()
    );
    // A damaged response: the report says the time-stamp is invalid.
    let tsr = eml_tsr(&ws);
    let mut bad = std::fs::read(&tsr).expect("tsr");
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::write(&tsr, &bad).expect("write");
    let fr = report(&ws, false);
    assert!(fr.contains("| horodatage invalide |"), "{fr}");
    assert!(report(&ws, true).contains("| invalid time-stamp |"));
    // No response at all: the report says it waits.
    std::fs::remove_file(&tsr).expect("remove");
    let fr = report(&ws, false);
    assert!(fr.contains("| en attente d'horodatage |"), "{fr}");
}

#[test]
fn verify_warns_when_the_processor_s_clock_and_the_authority_s_differ() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let ws = Workspace::sample();
    std::fs::create_dir_all(ws.root().join("keys/tsa")).expect("keys/tsa");
    std::fs::copy(tsa.path("ca.pem"), ws.root().join("keys/tsa/ca.pem")).expect("copy the CA");
    let (near, far) = (ws.root().join("near.txt"), ws.root().join("far.txt"));
    std::fs::write(&near, "near").expect("write");
    std::fs::write(&far, "far").expect("write");
    let stamp = |now: Option<&str>, f: &std::path::Path| {
        let mut args: Vec<String> = Vec::new();
        if let Some(n) = now {
            args.extend(["--now".to_string(), n.to_string()]);
        }
        args.extend(["timestamp".to_string(), f.display().to_string()]);
        ws.dpo()
            .english()
            .env("DPO_TSA_URL", &server.url)
            .run(&args)
            .assert_code(0);
    };
    stamp(None, &near);
    stamp(Some("2021-03-26 11:00"), &far);
    let verify = |f: &std::path::Path, en: bool| {
        let d = if en { ws.dpo().english() } else { ws.dpo() };
        let out = d.run(&[
            "timestamp".to_string(),
            "verify".to_string(),
            f.display().to_string(),
        ]);
        out.assert_code(0);
        out.stderr().to_string()
    };
    let quiet = verify(&near, true);
    assert!(!quiet.contains("differ"), "{quiet}");
    let en = verify(&far, true);
    assert!(
        en.contains("warning")
            && en.contains("far.txt: the authority's time (20")
            && en.contains("the processor's clock (2021-03-26 11:00:00")
            && en.contains("more than 5 minutes"),
        "{en}"
    );
    let fr = verify(&far, false);
    assert!(fr.contains("diffèrent de"), "{fr}");
}
