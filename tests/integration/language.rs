//! Issue 10, "one language": what a person reads on the terminal and in the
//! calendar follows ONE language — `--lang`, else `processor.yaml`, else the
//! locale, else French — from one catalog (`templates/*/dpo.ftl`).
//!
//! Every status kind (the `status-overdue` fixture with a breach, a request
//! and a sub-processor notice overdue, its people, measures and convention),
//! every question of `breach open` (asked on a real terminal), every "next"
//! hint and the `.ics` calendar are rendered in both languages; the test
//! fails on a word of the other language (a short list of words each
//! language alone uses) and, in French, on « : ; ! ? » without the narrow
//! no-break space before it or « » without it inside. What the workspace
//! itself says (names, titles, summaries: the YAML files' values and the
//! arguments typed) is taken out first: it is data, in the DPO's words.
//!
//! The errors and the warnings of `check` are read too, with their hints:
//! a representative set a DPO meets (a YAML mistake, an unknown controller,
//! a late notification, a change refused on a closed breach, no actor, a
//! held lock, a record changed outside dpo), each with its exit code.

use crate::support::language::{data_of, faults, without_data};
use crate::support::status::subprocessor_nouveau;
use crate::support::{Dpo, Workspace};

const NOW: &str = "2021-03-01T10:00:00+01:00";

/// Runs `args` in `lang` and returns stdout and stderr.
fn run(ws: &Workspace, lang: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    let o = ws.dpo().now(NOW).run(&all);
    assert!(o.code().is_some_and(|c| c < 2), "{args:?}: {}", o.text());
    o.text()
}

/// Everything a person reads for the status-overdue workspace, in `lang`:
/// the commands that made its records (their "next" hints), `status` and
/// its calendar, `breach list`, `request list`, `fate list`.
fn everything(lang: &str) -> (String, Vec<String>) {
    let ws = Workspace::fixture("status-overdue");
    let mut out = String::new();
    for args in [
        &[
            "breach",
            "open",
            "--title",
            "Perte",
            "--aware-at",
            "2021-02-20 09:00",
        ][..],
        &[
            "breach",
            "defer",
            "2021-001",
            "consequences",
            "--reason",
            "enquête",
        ],
        &["breach", "list"],
        &[
            "request",
            "log",
            "--controller",
            "alpha",
            "--right",
            "erasure",
            "--received-at",
            "2021-02-20 09:00",
            "--summary",
            "Effacement",
            "--no-forward",
        ],
        &["request", "list"],
        &subprocessor_nouveau("2021-02-15")[..],
        &["subprocessor", "list"],
        &["status"],
        &["check"],
    ] {
        out.push_str(&run(&ws, lang, args));
    }
    let ics = ws.root().join("../calendar.ics");
    let ics_arg = ics.display().to_string();
    out.push_str(&run(&ws, lang, &["status", "--ics", &ics_arg]));
    out.push_str(&std::fs::read_to_string(&ics).expect("the calendar"));
    let fate = Workspace::fixture("fate-workspace");
    out.push_str(&run(&fate, lang, &["fate", "list"]));
    let mut data = Vec::new();
    data_of(ws.root(), &mut data);
    data_of(fate.root(), &mut data);
    data.extend(
        [
            "Perte",
            "enquête",
            "Effacement",
            "Nouveau SAS",
            "hébergement",
        ]
        .map(String::from),
    );
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    (out, data)
}

#[test]
fn status_hints_lists_and_calendar_speak_one_language() {
    for lang in ["fr", "en"] {
        let (out, data) = everything(lang);
        let text = without_data(&out, &data);
        let f = faults(lang, &text);
        assert!(f.is_empty(), "{f:#?}\n--- what was read:\n{text}");
    }
    // The kinds of the status-overdue workspace are all there, in words.
    let (fr, _) = everything("fr");
    for label in [
        "Notifier la violation au responsable de traitement",
        "Transmettre la demande d'exercice de droits",
        "Informer par écrit le responsable de traitement d'un sous-traitant ultérieur",
        "Fin de la convention",
        "EN RETARD",
        "suite\u{202f}:",
    ] {
        assert!(fr.contains(label), "{label} not in:\n{fr}");
    }
}

#[test]
fn every_question_of_breach_open_is_asked_in_the_run_s_language() {
    for (lang, first, last) in [
        (
            "fr",
            "titre de la violation\u{202f}:",
            "directement identifiables\u{202f}?",
        ),
        ("en", "title of the breach:", "directly identifiable?"),
    ] {
        let ws = Workspace::fixture("juvisy-workspace");
        // A title, then an empty answer to every other question.
        let answers = format!("Titre\n{}", "\n".repeat(14));
        let mut cmd = Dpo::under(
            ws.root(),
            "python3",
            &["-c", crate::notice::ON_A_TERMINAL, &answers],
        )
        .into_command();
        cmd.args([
            "--lang",
            lang,
            "--now",
            "2021-03-26 10:30",
            "breach",
            "open",
        ]);
        let o = cmd.output().expect("run python3");
        let stderr = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(o.status.success(), "{stderr}");
        assert!(stderr.contains(first) && stderr.contains(last), "{stderr}");
        let stdout = String::from_utf8_lossy(&o.stdout).to_string();
        let mut data = Vec::new();
        data_of(ws.root(), &mut data);
        data.push("Titre".into());
        data.sort_by_key(|d| std::cmp::Reverse(d.len()));
        let text = without_data(&format!("{stderr}\n{stdout}"), &data);
        let f = faults(lang, &text);
        assert!(f.is_empty(), "{f:#?}\n{text}");
    }
}

#[test]
fn the_language_is_lang_else_processor_yaml_else_the_locale_else_french() {
    let ws = Workspace::fixture("status-overdue");
    let says = |dpo: Dpo| dpo.now(NOW).run(&["check"]).text();
    let french = |t: &str| t.contains("avertissement\u{202f}: ") || t.contains("aucune erreur");
    // No --lang, no language in processor.yaml: the locale, else French.
    let processor = ws.read("processor.yaml");
    let without = processor
        .lines()
        .filter(|l| !l.starts_with("language:"))
        .collect::<Vec<_>>()
        .join("\n");
    ws.write("processor.yaml", &format!("{without}\n"));
    assert!(french(&says(ws.dpo())), "{}", says(ws.dpo()));
    let english = says(ws.dpo().env("LANG", "en_GB.UTF-8"));
    assert!(
        english.contains("warning: ") && !french(&english),
        "{english}"
    );
    assert!(french(&says(
        ws.dpo()
            .env("LC_ALL", "fr_FR.UTF-8")
            .env("LANG", "en_GB.UTF-8")
    )));
    // processor.yaml outranks the locale; --lang outranks both.
    ws.write("processor.yaml", &format!("{without}\nlanguage: fr\n"));
    assert!(french(&says(ws.dpo().env("LANG", "en_US.UTF-8"))));
    let t = ws.dpo().now(NOW).run(&["--lang", "en", "check"]).text();
    assert!(!french(&t), "{t}");
}

/// Runs `args` in `lang`, expecting exit code `code`; stdout and stderr.
fn run_failing(dpo: Dpo, lang: &str, code: i32, args: &[&str]) -> String {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    let o = dpo.run(&all);
    o.assert_code(code);
    o.text()
}

/// Every error and warning of the representative set, in `lang`, with the
/// workspace's data to take out.
fn errors(lang: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    // A YAML mistake (a misspelt field, a word for a number) and an unknown
    // controller: `check` names file, line, column and field (exit 2).
    let bad = Workspace::fixture("juvisy-workspace");
    let edit = |rel: &str, from: &str, to: &str| {
        let text = bad.read(rel);
        assert!(text.contains(from), "{rel}: {from}");
        bad.write(rel, &text.replacen(from, to, 1));
    };
    edit("processor.yaml", "\naddress:", "\nadress:");
    edit(
        "controllers/juvisy-sur-orge.yaml",
        "  term_months: 6\n",
        "  term_months: six\n",
    );
    let check = run_failing(bad.dpo().now(NOW), lang, 2, &["check"]);
    assert!(check.contains("processor.yaml:6:1: "), "{check}");
    out.push_str(&check);
    edit("processor.yaml", "\nadress:", "\naddress:");
    edit(
        "controllers/juvisy-sur-orge.yaml",
        "  term_months: six\n",
        "  term_months: 6\n",
    );
    edit(
        "people.yaml",
        "controllers: [juvisy-sur-orge]",
        "controllers: [athis-mons]",
    );
    let check = run_failing(bad.dpo().now(NOW), lang, 2, &["check"]);
    assert!(check.contains("people.yaml:10:19: "), "{check}");
    out.push_str(&check);

    let ws = Workspace::fixture("juvisy-workspace");
    let at = |now: &str| ws.dpo().now(now);
    // An unknown controller asked for on the command line.
    out.push_str(&run_failing(
        at(NOW),
        lang,
        2,
        &["register", "--controller", "athis-mons"],
    ));
    // No actor.
    out.push_str(&run_failing(
        at(NOW).without_actor(),
        lang,
        2,
        &[
            "breach",
            "open",
            "--title",
            "Perte",
            "--aware-at",
            "2021-03-26 09:00",
        ],
    ));
    run(
        &ws,
        lang,
        &[
            "--now",
            "2021-03-26 10:00",
            "breach",
            "open",
            "--title",
            "Perte",
            "--aware-at",
            "2021-03-26 09:00",
        ],
    );
    // A notification refused: required fields neither filled nor deferred
    // (exit 1).
    out.push_str(&run_failing(
        at("2021-03-26 11:00"),
        lang,
        1,
        &["breach", "notify", "2021-001"],
    ));
    // A late notification without its reason.
    let late = Workspace::fixture("juvisy-workspace");
    let record =
        std::fs::read_to_string(crate::support::fixture("breach-records").join("2021-001.yaml"))
            .expect("the breach fixture");
    late.write("breaches/2021-001.yaml", &record);
    out.push_str(&run_failing(
        late.dpo().now("2021-04-01 10:00"),
        lang,
        2,
        &["breach", "notify", "2021-001"],
    ));
    // The terminal's view of the breach, typeset.
    out.push_str(&run(
        &ws,
        lang,
        &["--now", "2021-04-01 10:00", "breach", "show", "2021-001"],
    ));
    // A held lock.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(ws.root().join(".dpo.lock"))
        .expect("open the lock file");
    lock.lock().expect("take the lock");
    out.push_str(&run_failing(
        at(NOW).env("DPO_LOCK_WAIT", "0.2"),
        lang,
        2,
        &["journal", "note", "-m", "x"],
    ));
    drop(lock);
    // A record changed outside dpo: a finding of `check` (exit 1).
    let record = ws.read("breaches/2021-001.yaml");
    ws.write(
        "breaches/2021-001.yaml",
        &record.replacen("title: Perte", "title: Perte de données", 1),
    );
    let check = run_failing(at("2021-04-01 12:00"), lang, 1, &["check"]);
    assert!(check.contains("breaches/2021-001.yaml: "), "{check}");
    out.push_str(&check);
    out.push_str(&run(&ws, lang, &["--now", "2021-04-01 12:00", "status"]));
    ws.write("breaches/2021-001.yaml", &record);
    // A change refused: the breach is closed.
    run(
        &ws,
        lang,
        &[
            "--now",
            "2021-04-02 10:00",
            "breach",
            "close",
            "2021-001",
            "--summary",
            "Fin",
        ],
    );
    out.push_str(&run_failing(
        at("2021-04-02 11:00"),
        lang,
        2,
        &[
            "breach",
            "defer",
            "2021-001",
            "consequences",
            "--reason",
            "enquête",
        ],
    ));
    let mut data = Vec::new();
    data_of(bad.root(), &mut data);
    data_of(ws.root(), &mut data);
    data_of(late.root(), &mut data);
    data.extend(["Perte de données", "Perte", "enquête", "Fin"].map(String::from));
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    (out, data)
}

#[test]
fn errors_warnings_and_hints_speak_one_language() {
    for lang in ["fr", "en"] {
        let (out, data) = errors(lang);
        let text = without_data(&out, &data);
        let f = faults(lang, &text);
        assert!(f.is_empty(), "{f:#?}\n--- what was read:\n{text}");
    }
    // Each error is there, in French, its position kept.
    let (fr, _) = errors("fr");
    for said in [
        "erreur\u{202f}: processor.yaml:6:1: adress\u{202f}: champ inconnu `adress`",
        "conseil\u{202f}: vouliez-vous dire `address`\u{202f}?",
        "controllers/juvisy-sur-orge.yaml:35:16: convention.term_months\u{202f}: type invalide\u{202f}: le texte \"six\", alors que le champ attend un nombre entier",
        "people.yaml:10:19: people[0].controllers[0]\u{202f}: responsable de traitement inconnu `athis-mons`",
        "qui agit\u{202f}?",
        "ne peut pas être notifiée",
        "une notification tardive doit en donner les raisons",
        "modifié par un autre processus dpo",
        "breaches/2021-001.yaml: modifié hors de dpo",
        "breaches/2021-001.yaml modifié hors de dpo",
        "a été close le",
    ] {
        assert!(fr.contains(said), "{said} not in:\n{fr}");
    }
}
