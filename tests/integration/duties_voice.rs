//! Issue 10, "one voice", for the duties: every refusal of the breach, fate,
//! request, instruction, sub-processor and audit workflows is said in the
//! run's language (French by default, English with `--lang en`), its
//! instants in words, with the real binary. Each case is run in both
//! languages on a fresh copy of its workspace; the one-language check
//! ([`faults`]) reads standard error without the workspace's own words.

use crate::support::breach::call_mme_martin;
use crate::support::fate::{destroy_args, destroy_complete_args};
use crate::support::language::{data_of, faults, without_data};
use crate::support::request::access_request;
use crate::support::{Run, Workspace};

const BREACH: &str = "2021-001";
/// `breach` commands run at this instant, a day after the fixture's aware_at.
const BREACH_NOW: &str = "2021-03-26 11:00";
/// `fate` commands run at this instant.
const FATE_NOW: &str = "2021-08-02T10:00:00+02:00";

/// `tests/fixtures/juvisy-workspace` with breach 2021-001.
fn with_breach() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(BREACH);
    ws
}

/// `tests/fixtures/fate-workspace`.
fn fate() -> Workspace {
    Workspace::fixture("fate-workspace")
}

/// `tests/fixtures/juvisy-workspace`.
fn juvisy() -> Workspace {
    Workspace::fixture("juvisy-workspace")
}

/// A refusal to provoke: the workspace, what to run on it first, the
/// command, and what each language must say.
struct Case {
    /// What is provoked, for the failure messages.
    what: &'static str,
    /// A fresh workspace.
    ws: fn() -> Workspace,
    /// Commands run first, each expected to succeed.
    before: Vec<Vec<&'static str>>,
    /// The refused command.
    args: Vec<&'static str>,
    /// The exit code.
    code: i32,
    /// Text the French standard error holds.
    fr: &'static [&'static str],
    /// Text the English standard error holds.
    en: &'static [&'static str],
}

/// Runs `c` in French and in English: the exit code, the texts it must
/// hold, and no word of the other language.
fn check(c: &Case) {
    for lang in ["fr", "en"] {
        let ws = (c.ws)();
        for b in &c.before {
            let r = ws.dpo().run(b);
            assert_eq!(r.code(), Some(0), "{}: {b:?}: {}", c.what, r.text());
        }
        let dpo = if lang == "en" {
            ws.dpo().english()
        } else {
            ws.dpo()
        };
        let r: Run = dpo.run(&c.args);
        r.assert_no_panic();
        let err = r.stderr();
        assert_eq!(r.code(), Some(c.code), "{} ({lang}): {}", c.what, r.text());
        let want = if lang == "en" { c.en } else { c.fr };
        for w in want {
            assert!(err.contains(w), "{} ({lang}): no `{w}` in:\n{err}", c.what);
        }
        let mut data = Vec::new();
        data_of(ws.root(), &mut data);
        data.sort_by_key(|d| std::cmp::Reverse(d.len()));
        let f = faults(lang, &without_data(&err, &data));
        assert!(f.is_empty(), "{} ({lang}): {f:?} in:\n{err}", c.what);
    }
}

#[test]
fn the_refusals_of_the_breach_workflow_speak_the_run_s_language() {
    let cases = [
        Case {
            what: "an aware_at in the future",
            ws: juvisy,
            before: vec![],
            args: vec![
                "--now",
                BREACH_NOW,
                "breach",
                "open",
                "--title",
                "Rançongiciel",
                "--aware-at",
                "2021-03-27 10:00",
            ],
            code: 2,
            fr: &[
                "erreur\u{202f}: ",
                "27 mars 2021 à 10:00",
                "conseil\u{202f}: ",
            ],
            en: &["error: aware_at (27 March 2021, 10:00 (UTC+01:00)) is after now"],
        },
        Case {
            what: "the description deferred",
            ws: with_breach,
            before: vec![],
            args: vec![
                "--now",
                BREACH_NOW,
                "breach",
                "defer",
                BREACH,
                "nature.description",
                "--reason",
                "enquête",
            ],
            code: 2,
            fr: &["ne peut pas être différée", "conseil\u{202f}: décrivez"],
            en: &["cannot be deferred", "hint: describe what is known"],
        },
        Case {
            what: "an unknown field",
            ws: with_breach,
            before: vec![],
            args: vec![
                "--now", BREACH_NOW, "breach", "defer", BREACH, "bogus", "--reason", "x",
            ],
            code: 2,
            fr: &["`bogus` n'est pas un champ de la notification"],
            en: &["`bogus` is not a field of the notification"],
        },
        Case {
            what: "a severity factor out of its scale",
            ws: juvisy,
            before: vec![],
            args: vec!["breach", "severity", "--dpc", "5", "--ei", "1", "--cb", "0"],
            code: 2,
            fr: &[
                "DPC = 5 est hors de son échelle (1 à 4)",
                "conseil\u{202f}: ",
            ],
            en: &["DPC = 5 is outside its scale (1 to 4)", "hint: DPC 1–4"],
        },
        Case {
            what: "a call before aware_at",
            ws: with_breach,
            before: vec![],
            args: [
                &["--now", BREACH_NOW][..],
                &call_mme_martin(BREACH, Some("2021-03-25 09:00"), "message laissé"),
            ]
            .concat(),
            code: 2,
            fr: &[
                "l'appel (25 mars 2021 à 09:00 (UTC+01:00)) précède",
                "26 mars 2021 à 10:00",
            ],
            en: &["the call (25 March 2021, 09:00 (UTC+01:00)) is before"],
        },
        Case {
            what: "a supplement before the notification",
            ws: with_breach,
            before: vec![],
            args: vec!["--now", BREACH_NOW, "breach", "supplement", BREACH],
            code: 2,
            fr: &[
                "n'a pas encore été notifiée",
                "d'abord `dpo breach notify 2021-001`",
            ],
            en: &["has not been notified to `juvisy-sur-orge` yet"],
        },
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn a_blank_progress_is_said_before_the_missing_fields() {
    let ws = with_breach();
    let rel = format!("breaches/{BREACH}.yaml");
    let text = ws.read(&rel);
    ws.write(
        &rel,
        &text.replace("  subjects_count: 1200\n", "  subjects_count: null\n"),
    );
    let r = ws.dpo().run(&[
        "--now",
        BREACH_NOW,
        "breach",
        "supplement",
        BREACH,
        "--progress",
        "  ",
    ]);
    r.assert_code(2);
    assert!(r.stderr().contains("--progress"), "{}", r.stderr());
    assert!(!r.stderr().contains("subjects_count"), "{}", r.stderr());
    // With a text, the missing field is what stops it.
    let r = ws.dpo().run(&[
        "--now",
        BREACH_NOW,
        "breach",
        "supplement",
        BREACH,
        "--progress",
        "inventaire fait aux deux tiers",
    ]);
    assert_eq!(r.code(), Some(1), "{}", r.text());
    assert!(r.stderr().contains("subjects_count"), "{}", r.stderr());
}

#[test]
fn the_refusals_of_the_fate_workflow_speak_the_run_s_language() {
    let cases = [
        Case {
            what: "an unknown item",
            ws: fate,
            before: vec![],
            args: [&["--now", FATE_NOW][..], &destroy_args("nope", "live")].concat(),
            code: 2,
            fr: &["pas d'élément `nope` dans `fate/juvisy-sur-orge.yaml`"],
            en: &["no item `nope` in `fate/juvisy-sur-orge.yaml`"],
        },
        Case {
            what: "a destruction before the hand-over",
            ws: fate,
            before: vec![],
            args: [&["--now", FATE_NOW][..], &destroy_args("partages", "live")].concat(),
            code: 2,
            fr: &[
                "refus d'enregistrer une destruction",
                "conseil\u{202f}: `dpo fate bag",
            ],
            en: &["refusing to record a destruction", "hint: `dpo fate bag"],
        },
        Case {
            what: "a destruction in the future",
            ws: fate,
            before: vec![],
            args: [
                &["--now", FATE_NOW][..],
                &destroy_complete_args("sauvegardes", "depot"),
                &["--at", "2021-08-03 10:00"],
            ]
            .concat(),
            code: 2,
            fr: &[
                "3 août 2021 à 10:00 (UTC+02:00) est dans le futur",
                "2 août 2021",
            ],
            en: &["3 August 2021, 10:00 (UTC+02:00) is in the future"],
        },
        Case {
            what: "a scan without a fingerprint",
            ws: fate,
            before: vec![],
            args: vec!["--now", FATE_NOW, "fate", "scan", "sauvegardes", "."],
            code: 2,
            fr: &["n'a pas d'empreinte", "conseil\u{202f}: prenez-en une"],
            en: &["has no fingerprint to compare with"],
        },
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn the_refusals_of_requests_sub_processors_instructions_and_the_audit_pack_speak_the_run_s_language(
) {
    let cases = [
        Case {
            what: "an instruction with no notice waiting",
            ws: juvisy,
            before: vec![vec![
                "--now",
                "2021-03-26 11:00",
                "instruction",
                "log",
                "--controller",
                "juvisy-sur-orge",
                "--from",
                "DGS",
                "--at",
                "2021-03-26 10:00",
                "--summary",
                "Purge des comptes",
            ]],
            args: vec![
                "--now",
                "2021-03-26 11:00",
                "instruction",
                "notify",
                "2021-001",
                "--dry-run",
            ],
            code: 2,
            fr: &["l'instruction `2021-001` n'a aucune opposition ni information de transfert"],
            en: &["instruction `2021-001` has no objection or transfer notice waiting to be sent"],
        },
        Case {
            what: "an unknown sub-processor",
            ws: juvisy,
            before: vec![],
            args: vec!["subprocessor", "change", "nope", "--name", "X"],
            code: 2,
            fr: &["sous-traitant ultérieur inconnu `nope`"],
            en: &["unknown sub-processor `nope`"],
        },
        Case {
            what: "an invalid sub-processor id",
            ws: juvisy,
            before: vec![],
            args: vec!["subprocessor", "add", "Not An Id", "--name", "X"],
            code: 2,
            fr: &["identifiant de sous-traitant ultérieur invalide"],
            en: &["invalid sub-processor id"],
        },
        Case {
            what: "no sub-processor notice to send",
            ws: juvisy,
            before: vec![],
            args: vec!["subprocessor", "notify", "--dry-run"],
            code: 2,
            fr: &["aucune information sur un sous-traitant ultérieur n'attend"],
            en: &["no sub-processor notice is waiting to be sent"],
        },
    ];
    for c in &cases {
        check(c);
    }
}

#[test]
fn an_audit_pack_into_a_folder_that_is_not_empty_is_refused_in_the_run_s_language() {
    for lang in ["fr", "en"] {
        let ws = juvisy();
        ws.dpo().run(&["keys", "generate"]).assert_code(0);
        let out = ws.path("full");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("note.txt"), "x").unwrap();
        let dpo = if lang == "en" {
            ws.dpo().english()
        } else {
            ws.dpo()
        };
        let r = dpo.run(&[
            "--now",
            "2021-03-26 11:00",
            "audit",
            "pack",
            "-o",
            out.to_str().unwrap(),
        ]);
        r.assert_code(2);
        let err = r.stderr().replace(out.to_str().unwrap(), "▢");
        let want = if lang == "en" {
            "is not an empty folder"
        } else {
            "n'est pas un dossier vide"
        };
        assert!(err.contains(want), "{err}");
        assert!(err.contains("`-o audit-2021-03-26`"), "{err}");
        assert!(
            faults(lang, &err).is_empty(),
            "{:?}: {err}",
            faults(lang, &err)
        );
    }
}

#[test]
fn check_says_what_is_wrong_with_a_request_in_the_run_s_language_its_instants_in_words() {
    for lang in ["fr", "en"] {
        let ws = juvisy();
        ws.dpo()
            .run(&access_request("2021-03-25 10:00", "Accès au dossier"))
            .assert_code(0);
        let rel = "requests/2021-001.yaml";
        let text = ws.read(rel);
        let text = text.replace("summary: Accès au dossier", "summary: ' '");
        // Received after it was logged (2021-03-26 11:00).
        let text = text.replace(
            "received_at: 2021-03-25T10:00:00+01:00",
            "received_at: 2021-03-26T12:00:00+01:00",
        );
        ws.write(rel, &text);
        let dpo = if lang == "en" {
            ws.dpo().english()
        } else {
            ws.dpo()
        };
        let r = dpo.run(&["--now", "2021-03-27 10:00", "check"]);
        let out = r.text();
        assert_eq!(r.code(), Some(2), "{out}");
        let want: &[&str] = if lang == "en" {
            &[
                "the summary of the request is empty",
                "received_at (26 March 2021, 12:00 (UTC+01:00)) is after logged_at (26 March 2021, 11:00 (UTC+01:00))",
            ]
        } else {
            &[
                "le résumé de la demande est vide",
                "«\u{202f}à compléter\u{202f}»",
                "received_at (26 mars 2021 à 12:00 (UTC+01:00)) est postérieur à logged_at (26 mars 2021 à 11:00 (UTC+01:00))",
            ]
        };
        for w in want {
            assert!(out.contains(w), "({lang}) no `{w}` in:\n{out}");
        }
        assert!(!out.contains("2021-03-26 12:00"), "{out}");
        let mut data = Vec::new();
        data_of(ws.root(), &mut data);
        data.sort_by_key(|d| std::cmp::Reverse(d.len()));
        let f = faults(lang, &without_data(&out, &data));
        assert!(f.is_empty(), "({lang}) {f:?} in:\n{out}");
    }
}

#[test]
fn a_closed_breach_and_a_late_notification_say_their_instants_in_words() {
    for lang in ["fr", "en"] {
        let ws = with_breach();
        let dpo = || {
            if lang == "en" {
                ws.dpo().english()
            } else {
                ws.dpo()
            }
        };
        // 72 h after the fixture's aware_at (2021-03-26 10:00 +01:00), one
        // day late.
        let r = dpo().run(&["--now", "2021-03-30 11:00", "breach", "notify", BREACH]);
        r.assert_code(2);
        let want = if lang == "en" {
            "passed on 29 March 2021, 11:00 (UTC+02:00)"
        } else {
            "a expiré le 29 mars 2021 à 11:00 (UTC+02:00)"
        };
        assert!(r.stderr().contains(want), "({lang}) {}", r.stderr());
        let f = faults(lang, &r.stderr());
        assert!(f.is_empty(), "({lang}) {f:?}: {}", r.stderr());
        dpo()
            .run(&[
                "--now",
                "2021-03-30 09:00",
                "breach",
                "close",
                BREACH,
                "--summary",
                "Données restaurées",
                "--with-deferred",
                "--reason",
                "le responsable de traitement clôt son dossier",
            ])
            .assert_code(0);
        let r = dpo().run(&[
            "--now",
            "2021-03-30 09:05",
            "breach",
            "defer",
            BREACH,
            "consequences",
            "--reason",
            "x",
        ]);
        r.assert_code(2);
        let want = if lang == "en" {
            "was closed on 30 March 2021, 09:00 (UTC+02:00)"
        } else {
            "a été close le 30 mars 2021 à 09:00 (UTC+02:00)"
        };
        assert!(r.stderr().contains(want), "({lang}) {}", r.stderr());
        let f = faults(lang, &r.stderr());
        assert!(f.is_empty(), "({lang}) {f:?}: {}", r.stderr());
    }
}

/// `breach set` on the fixture breach, closed at 2021-03-30 09:00, in
/// `lang`: refused (`Settable::may_set`), the instant of the closing in
/// words.
fn set_on_a_closed_breach(lang: &str) -> Run {
    let ws = with_breach();
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-30 09:00",
            "breach",
            "close",
            BREACH,
            "--summary",
            "Données restaurées",
            "--with-deferred",
            "--reason",
            "le responsable de traitement clôt son dossier",
        ])
        .assert_code(0);
    let dpo = if lang == "en" {
        ws.dpo().english()
    } else {
        ws.dpo()
    };
    let r = dpo.run(&[
        "--now",
        "2021-03-30 09:05",
        "breach",
        "set",
        BREACH,
        "title",
        "Autre titre",
    ]);
    r.assert_code(2);
    r
}

#[test]
fn a_set_refused_on_a_closed_breach_says_when_in_words() {
    let r = set_on_a_closed_breach("en");
    assert!(
        r.stderr()
            .contains("was closed on 30 March 2021, 09:00 (UTC+02:00) by test"),
        "{}",
        r.stderr()
    );
}

#[test]
fn a_set_refused_on_a_closed_breach_says_when_in_words_in_french() {
    let r = set_on_a_closed_breach("fr");
    assert!(
        r.stderr()
            .contains("a été close le 30 mars 2021 à 09:00 (UTC+02:00) par test"),
        "{}",
        r.stderr()
    );
    let f = faults("fr", &r.stderr());
    assert!(f.is_empty(), "{f:?}: {}", r.stderr());
}

#[test]
fn status_names_the_missing_fate_file_in_words() {
    for (lang, want) in [
        (
            "fr",
            "manque\u{202f}: l'inventaire des données et de leurs copies (fichier fate/)",
        ),
        (
            "en",
            "missing: the inventory of the data and its copies (fate/ file)",
        ),
    ] {
        let ws = juvisy();
        let dpo = if lang == "en" {
            ws.dpo().english()
        } else {
            ws.dpo()
        };
        // Long after the convention's end (2 August 2021), no fate file.
        let r = dpo.run(&["--now", "2030-01-01 10:00", "status"]);
        assert!(r.stdout().contains(want), "({lang}) {}", r.stdout());
        assert!(!r.stdout().contains("fate_file"), "({lang}) {}", r.stdout());
    }
}

#[test]
fn a_destruction_of_an_immutable_copy_is_refused_with_its_days_in_words() {
    for (lang, want) in [
        (
            "fr",
            "est immuable jusqu'au 30 septembre 2021 inclus\u{202f}: elle ne peut pas avoir été détruite le 2 août 2021",
        ),
        (
            "en",
            "is immutable until 30 September 2021 inclusive: it cannot have been destroyed on 2 August 2021",
        ),
    ] {
        let ws = fate();
        let text = ws.read("fate/juvisy-sur-orge.yaml").replacen(
            "        media_id: LTO-0042\n",
            "        media_id: LTO-0042\n        immutable_until: 2021-09-30\n",
            1,
        );
        ws.write("fate/juvisy-sur-orge.yaml", &text);
        let dpo = if lang == "en" {
            ws.dpo().english()
        } else {
            ws.dpo()
        };
        let r = dpo.run(&[&["--now", FATE_NOW][..], &destroy_complete_args("sauvegardes", "bandes")].concat());
        r.assert_code(2);
        assert!(r.stderr().contains(want), "({lang}) {}", r.stderr());
        let f = faults(lang, &r.stderr());
        assert!(f.is_empty(), "({lang}) {f:?}: {}", r.stderr());
    }
}
