//! Issue 10, after the independent review (points 5, 6, 7, 9, 10): what the
//! terminal prints in French says dates in words, names the controller as a
//! sentence does (« la commune de Juvisy-sur-Orge », never its id), sizes
//! with a decimal comma and French units, and `dpo check` counts in its
//! summary every error it printed. Each assertion failed on main before.

use crate::support::breach::call_mme_martin;
use crate::support::fate::destroy_args;
use crate::support::{Run, Workspace};

const ID: &str = "2021-001";
const CITY: &str = "la commune de Juvisy-sur-Orge";

/// `dpo --now <now> <args>` on `ws`, insisting on exit code 0.
fn ok(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    let o = ws.dpo().now(now).run(args);
    o.assert_code(0);
    o
}

/// The sample with breach 2021-001 adopted and request 2021-001 logged
/// (received 26 March 2021 at 09:15, not forwarded).
fn juvisy() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(ID);
    let adopt = [
        "record",
        "adopt",
        "breaches/2021-001.yaml",
        "--reason",
        "fixture",
    ];
    ok(&ws, "2021-03-26 11:00", &adopt);
    ok(
        &ws,
        "2021-03-26 11:00",
        &[
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "erasure",
            "--received-at",
            "2021-03-26 09:15",
            "--summary",
            "Effacement du compte famille",
            "--no-forward",
        ],
    );
    ws
}

#[test]
fn the_breach_and_request_commands_say_dates_in_words_and_the_controller_by_name() {
    let ws = juvisy();
    let notify = ok(
        &ws,
        "2021-03-26 11:00",
        &["breach", "notify", ID, "--dry-run"],
    )
    .stdout();
    assert!(
        notify.contains(&format!("la violation {ID} pour {CITY} se trouve")),
        "{notify}"
    );
    // The deferred items are « informations »: feminine, plural.
    assert!(notify.contains("dès qu'elles sont connues"), "{notify}");
    assert!(!notify.contains("dès qu'ils"), "{notify}");

    let call = ok(
        &ws,
        "2021-03-26 11:40",
        &call_mme_martin(ID, Some("2021-03-26 10:30"), "reçue"),
    )
    .stdout();
    assert!(
        call.contains("consigné le 26 mars 2021 à 10:30 (UTC+01:00)"),
        "{call}"
    );
    assert!(
        call.contains(&format!("pour {CITY} reste à envoyer")),
        "{call}"
    );
    assert!(!call.contains("juvisy-sur-orge reste"), "{call}");

    let show = ok(&ws, "2021-03-26 11:40", &["breach", "show", ID]).stdout();
    let called = show
        .lines()
        .find(|l| l.contains("appel au contact désigné"))
        .unwrap_or_default();
    assert!(called.contains(&format!("— {CITY} —")), "{show}");

    let list = ok(&ws, "2021-03-26 11:40", &["request", "list"]).stdout();
    assert!(
        list.contains("reçue le 26 mars 2021 à 09:15 (UTC+01:00)"),
        "{list}"
    );
    assert!(!list.contains("2021-03-26"), "{list}");
}

#[test]
fn check_says_the_date_of_a_late_measure_test_in_words() {
    let ws = Workspace::fixture("juvisy-workspace");
    let o = ws.dpo().now("2030-01-01 10:00").run(&["check"]);
    let text = o.stdout();
    assert!(text.contains("dernier test le 15 février 2021"), "{text}");
    assert!(!text.contains("2021-02-15"), "{text}");
}

#[test]
fn check_counts_in_its_summary_the_records_changed_outside_dpo_it_printed() {
    let ws = juvisy();
    let file = "requests/2021-001.yaml";
    let kept = ws.read(file);
    // A field changed by hand: one error printed, one error counted.
    ws.write(file, &kept.replace("Effacement du compte famille", "Autre"));
    let o = ws.dpo().now("2021-03-26 11:40").run(&["check"]);
    let text = o.stdout();
    assert!(
        text.contains("champs qui diffèrent\u{202f}: summary"),
        "{text}"
    );
    let last = text.lines().last().unwrap_or_default();
    assert!(last.contains(": une erreur,"), "{last}\n{text}");
    assert!(!text.contains("aucune erreur"), "{text}");
    // A file that no longer reads: said so, not every field "différent".
    ws.write(file, "id: [unclosed\n");
    let o = ws.dpo().now("2021-03-26 11:40").run(&["check"]);
    let text = o.stdout();
    assert!(
        text.contains("il ne se lit plus comme un fichier YAML"),
        "{text}"
    );
    assert!(!text.contains("champs qui diffèrent"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert!(last.contains(": 2 erreurs,"), "{last}\n{text}");
}

#[test]
fn fate_says_sizes_with_a_decimal_comma_and_the_destruction_date_in_words() {
    let ws = Workspace::fixture("fate-workspace");
    let data = ws.path("data/sauvegardes/job-2021-07-31.vbk");
    std::fs::create_dir_all(data.parent().unwrap()).unwrap();
    std::fs::write(&data, vec![0x17u8; 100_000]).unwrap();
    let now = "2021-08-04T15:00:00+02:00";
    let o = ok(
        &ws,
        now,
        &["fate", "fingerprint", "sauvegardes", "data/sauvegardes"],
    );
    assert!(
        o.stdout().contains("un fichier, 97,66\u{a0}Kio"),
        "{}",
        o.text()
    );
    assert!(!o.stdout().contains("KiB"), "{}", o.text());
    let o = ws.dpo().now(now).english().run(&[
        "fate",
        "fingerprint",
        "sauvegardes",
        "data/sauvegardes",
    ]);
    o.assert_code(0);
    assert!(o.stdout().contains("97.66 KiB"), "{}", o.text());

    let o = ok(&ws, now, &destroy_args("sauvegardes", "depot"));
    assert!(
        o.stdout().contains(
            "détruite le 4 août 2021 à 15:00 (UTC+02:00) — méthode\u{202f}: purge (NIST SP 800-88)"
        ),
        "{}",
        o.text()
    );
}
