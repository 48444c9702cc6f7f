//! Integration tests of issue 10, "`status`: most urgent first, in days": the
//! order of `dpo status` (overdue first, the most overdue first, then the
//! soonest, the undated last), the summary line that opens it in both
//! languages and in `--json`, the 7-day window of "due soon" measured in
//! elapsed time, durations in days and hours, and the README's examples
//! checked against what the binary prints.
//!
//! The workspace is `tests/fixtures/status-overdue` (a training, a measure
//! test and the fate of the data overdue; a commitment and a measure test
//! with no date) plus what the real commands add: a request never forwarded
//! (overdue), a breach due in 25 hours, a sub-processor starting in 62 hours.

use std::path::Path;

use crate::support::status::{status_records, subprocessor_nouveau};
use crate::support::{Run, Workspace};

/// The instant of the ordering tests (winter time, UTC+01:00).
const NOW: &str = "2021-03-01T10:00:00+01:00";

/// `dpo` on `ws` at the instant `now`.
fn dpo(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    ws.dpo().now(now).run(args)
}

/// The fixture with an overdue request, a breach due in 25 h and a notice
/// due in 62 h, made with the real commands.
fn mixed() -> Workspace {
    let ws = Workspace::fixture("status-overdue");
    for args in status_records("2021-02-27 11:00", "2021-03-04") {
        let o = dpo(&ws, NOW, &args);
        assert!(o.success(), "{args:?}: {}", o.text());
    }
    ws
}

/// The order `dpo status` lists the items of [`mixed`] in, at [`NOW`]:
/// (kind, subject, state).
const ORDER: [(&str, &str, &str); 11] = [
    // Overdue, the most overdue first.
    ("people.training", "formation-ancienne", "overdue"),
    ("fate.certificate", "alpha", "overdue"),
    ("measure.test", "sauvegardes", "overdue"),
    ("request.forward", "2021-001/alpha", "overdue"),
    // Then the soonest: the breach due in 25 h right after the overdue.
    ("breach.notification", "2021-001/alpha", "due_soon"),
    ("subprocessor.notice", "2021-001/alpha", "due_soon"),
    ("request.answer", "2021-001/alpha", "info"),
    ("people.training", "sans-engagement", "pending"),
    // The undated to-dos, by kind then id.
    ("measure.test", "jamais-testee", "pending"),
    ("people.commitment", "sans-engagement", "pending"),
    // What is done.
    ("convention.end", "alpha", "done"),
];

#[test]
fn status_lists_the_most_overdue_first_then_the_soonest_and_the_undated_last() {
    let ws = mixed();
    let out = dpo(&ws, NOW, &["--json", "status"]);
    out.assert_code(1);
    let v = out.json();
    let got: Vec<(String, String, String)> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or_default().to_string();
            (s("kind"), s("subject"), s("state"))
        })
        .collect();
    let want: Vec<(String, String, String)> = ORDER
        .iter()
        .map(|(k, s, st)| (k.to_string(), s.to_string(), st.to_string()))
        .collect();
    assert_eq!(got, want);
    // The same counts as the line that opens the text.
    assert_eq!(
        v["summary"],
        serde_json::json!({
            "overdue": 4, "incomplete": 0, "due_soon": 2, "undated": 2, "due_soon_days": 7
        })
    );
    assert_eq!(v["needs_action"], 4);
}

/// The lines of `dpo status` that open an item (`[state] title`).
fn heads(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with('[')).collect()
}

#[test]
fn status_opens_with_a_summary_and_says_durations_in_days_in_french() {
    let ws = mixed();
    let out = dpo(&ws, NOW, &["status"]);
    out.assert_code(1);
    let text = out.stdout_utf8();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "4 en retard, 2 dans les 7 jours, 2 à faire sans échéance"
    );
    assert_eq!(
        heads(&text),
        [
            "[EN RETARD] formation-ancienne — agent du secteur système",
            "[EN RETARD] Commune d'Alpha — restituer ou détruire toutes les copies, puis le certifier",
            "[EN RETARD] sauvegardes — Tests de restauration des sauvegardes",
            "[EN RETARD] 2021-001 — droit d'accès → Commune d'Alpha",
            "[bientôt dû] 2021-001 — Perte d'un portable → Commune d'Alpha",
            "[bientôt dû] 2021-001 — Nouveau SAS → Commune d'Alpha",
            "[pour information] 2021-001 — droit d'accès → Commune d'Alpha",
            "[à faire] sans-engagement — agent du secteur réseau",
            "[à faire] jamais-testee — Chiffrement des supports",
            "[à faire] sans-engagement — agent du secteur réseau",
            "[fait] Commune d'Alpha — Convention de services informatiques — a pris fin le 30 juin 2020, non reconduite (une reconduction possible)",
        ]
    );
    // Elapsed time from the instant to each deadline (checked by hand):
    // beyond 72 h in days and hours, up to it in hours and minutes.
    for want in [
        "lundi 1er juin 2020 à 23:59 (UTC+02:00) — en retard de 272 j 12 h",
        "mardi 15 décembre 2020 à 23:59 (UTC+01:00) — en retard de 75 j 11 h",
        "dimanche 21 février 2021 à 09:00 (UTC+01:00) — en retard de 8 j 1 h",
        "mardi 2 mars 2021 à 11:00 (UTC+01:00) — dans 25 h 00 min",
        "jeudi 4 mars 2021 à 00:00 (UTC+01:00) — dans 62 h 00 min",
        "mercredi 1er juin 2022 à 23:59 (UTC+02:00) — dans 457 j 12 h",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn status_opens_with_a_summary_in_english_too() {
    let ws = mixed();
    let out = dpo(&ws, NOW, &["--lang", "en", "status"]);
    out.assert_code(1);
    let text = out.stdout_utf8();
    assert_eq!(
        text.lines().next(),
        Some("4 overdue, 2 due within 7 days, 2 to do without a deadline")
    );
    let heads = heads(&text);
    assert!(
        heads[0].starts_with("[OVERDUE] formation-ancienne"),
        "{text}"
    );
    assert!(
        heads[4].starts_with("[due soon] 2021-001 — Perte d'un portable"),
        "{text}"
    );
    for want in [
        "Monday 1 June 2020, 23:59 (UTC+02:00) — 272 d 12 h overdue",
        "Tuesday 2 March 2021, 11:00 (UTC+01:00) — 25 h 00 min left",
        "Thursday 4 March 2021, 00:00 (UTC+01:00) — 62 h 00 min left",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn the_ics_export_keeps_every_deadline_still_to_meet() {
    let ws = mixed();
    let ics = ws.path("echeances.ics");
    let out = dpo(&ws, NOW, &["status", "--ics", ics.to_str().expect("utf-8")]);
    out.assert_code(1);
    assert!(
        out.stdout().starts_with("4 en retard, "),
        "{}",
        out.stdout()
    );
    let text = std::fs::read_to_string(&ics).expect("the .ics is written");
    // Every dated item not done: the 8 before the undated ones.
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 8, "{text}");
    assert!(text.contains("UID:breach.notification.2021-001.alpha@dpo-toolkit"));
    assert!(text.contains("DTEND:20210302T100000Z"), "{text}");
}

/// The state of the only dated duty of the notice — a sub-processor starting
/// on 1 April 2021, due at midnight (UTC+02:00) — as of `now`, and the
/// summary line.
fn notice_state(ws: &Workspace, now: &str) -> (String, String) {
    let v = dpo(ws, now, &["--json", "status"]).json();
    let item = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["kind"] == "subprocessor.notice")
        .cloned()
        .expect("the notice is listed");
    let text = dpo(ws, now, &["status"]).stdout_utf8();
    let summary = text.lines().next().unwrap_or_default().to_string();
    (
        item["state"].as_str().unwrap_or_default().to_string(),
        summary,
    )
}

#[test]
fn due_soon_starts_seven_days_of_elapsed_time_before_the_deadline() {
    let ws = Workspace::fixture("status-complete");
    let add = dpo(
        &ws,
        "2021-03-01T10:00:00+01:00",
        &subprocessor_nouveau("2021-04-01"),
    );
    assert!(add.success(), "{}", add.text());
    // Due 2021-04-01T00:00:00+02:00; seven days of elapsed time before, across
    // the spring change of 28 March, is 2021-03-24T23:00:00+01:00 (not 25
    // March at midnight, a wall-clock reading 23 hours late).
    let (state, summary) = notice_state(&ws, "2021-03-24T22:59:59+01:00");
    assert_eq!(state, "pending");
    assert!(
        summary.starts_with("0 en retard, 0 dans les 7 jours"),
        "{summary}"
    );
    let (state, summary) = notice_state(&ws, "2021-03-24T23:00:00+01:00");
    assert_eq!(state, "due_soon");
    assert!(
        summary.starts_with("0 en retard, 1 dans les 7 jours"),
        "{summary}"
    );
    let text = dpo(&ws, "2021-03-24T23:00:00+01:00", &["status"]).stdout_utf8();
    assert!(
        text.contains("[bientôt dû] 2021-001 — Nouveau SAS")
            && text.contains("(UTC+02:00) — dans 7 j 0 h"),
        "{text}"
    );
    // At the deadline itself, still due soon; one second later, overdue.
    let (state, _) = notice_state(&ws, "2021-04-01T00:00:00+02:00");
    assert_eq!(state, "due_soon");
    let (state, summary) = notice_state(&ws, "2021-04-01T00:00:01+02:00");
    assert_eq!(state, "overdue");
    assert!(
        summary.starts_with("1 en retard, 0 dans les 7 jours"),
        "{summary}"
    );
}

// ---------------------------------------------------------------------------
// The README's examples.

/// The README of the crate.
fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md")
}

/// `line` split as a shell splits it: words, and "double-quoted" words.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut started) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// One example of the README: a `dpo …` line of a `sh` block and the output
/// shown under it (the lines that start with `#  `).
#[derive(Debug)]
struct Example {
    command: String,
    shown: Vec<String>,
}

/// Every `dpo …` line of the README followed by the output it shows, in
/// order, and the `DPO_NOW` the README exports before them.
fn examples(readme: &str) -> (Option<String>, Vec<Example>) {
    let lines: Vec<&str> = readme.lines().collect();
    let mut now = None;
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if let Some(rest) = line.strip_prefix("export DPO_NOW=") {
            now = shell_words(rest).into_iter().next();
        }
        if !line.starts_with("dpo ") {
            continue;
        }
        let shown: Vec<String> = lines[n + 1..]
            .iter()
            .map_while(|l| l.strip_prefix("#  "))
            .map(str::to_string)
            .collect();
        if !shown.is_empty() {
            out.push(Example {
                command: line.to_string(),
                shown,
            });
        }
    }
    (now, out)
}

#[test]
fn every_output_the_readme_shows_is_what_the_binary_prints() {
    let readme = readme();
    let (now, examples) = examples(&readme);
    let now = now.expect("the README exports DPO_NOW for its examples");
    for what in [" breach open ", " status"] {
        assert!(
            examples.iter().any(|e| e.command.contains(what)),
            "the README shows an output of `dpo{what}`: {examples:#?}"
        );
    }
    // Run in the README's order on the sample, from the folder that holds
    // it (`registers/`, so the paths printed read as in the README).
    let ws = Workspace::sample();
    for e in &examples {
        let (command, head) = match e.command.split_once(" | head -n ") {
            Some((c, n)) => {
                let n = n.split_whitespace().next().unwrap_or_default();
                (c, Some(n.parse::<usize>().expect("head -n N")))
            }
            None => (e.command.split("  #").next().unwrap_or_default(), None),
        };
        let words = shell_words(command);
        let run = ws
            .dpo()
            .now(&now)
            .current_dir(ws.dir())
            .env("DPO_REGISTERS", "registers")
            .run(&words[1..]);
        let printed = run.text();
        let mut printed: Vec<&str> = printed.lines().collect();
        if let Some(n) = head {
            assert_eq!(e.shown.len(), n, "{}: shows {n} lines", e.command);
            printed.truncate(n);
        }
        assert_eq!(printed, e.shown, "{}", e.command);
    }
}

#[test]
fn the_readme_status_example_has_the_breach_due_in_25_hours_first() {
    let (_, examples) = examples(&readme());
    let status = examples
        .iter()
        .find(|e| e.command.contains(" status"))
        .expect("a status example");
    assert!(
        status.shown[0].ends_with("à faire sans échéance"),
        "{status:?}"
    );
    assert!(
        status.shown[1].starts_with("[bientôt dû] 2021-001"),
        "{status:?}"
    );
    assert!(
        status.shown[2].ends_with("— dans 25 h 00 min"),
        "{status:?}"
    );
}

#[test]
fn the_readme_check_example_is_what_check_prints_on_those_mistakes() {
    let readme = readme();
    let lines: Vec<&str> = readme.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("$ dpo check"))
        .expect("the README shows `$ dpo check`");
    let shown: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| !l.starts_with("```"))
        .copied()
        .collect();
    // The two mistakes the example names.
    let ws = Workspace::sample();
    let edit = |rel: &str, from: &str, to: &str| {
        let text = ws.read(rel);
        assert!(text.contains(from), "{rel}: {from}");
        ws.write(rel, &text.replacen(from, to, 1));
    };
    edit("processor.yaml", "\naddress:", "\nadress:");
    edit(
        "controllers/juvisy-sur-orge.yaml",
        "  term_months: 6\n",
        "  term_months: six\n",
    );
    let run = ws
        .dpo()
        .current_dir(ws.dir())
        .env("DPO_REGISTERS", "registers")
        .run(&["check"]);
    run.assert_code(2);
    let printed = format!("{}{}", run.stderr(), run.stdout());
    assert_eq!(printed.lines().collect::<Vec<_>>(), shown);
}

#[test]
fn breach_show_and_notify_say_a_lateness_beyond_72_hours_in_days_and_hours() {
    let ws = Workspace::fixture("juvisy-workspace");
    let record =
        std::fs::read_to_string(crate::support::fixture("breach-records").join("2021-001.yaml"))
            .expect("the breach fixture");
    ws.write("breaches/2021-001.yaml", &record);
    // Due 2021-03-29T11:00:00+02:00: exactly 3 days and 4 hours later.
    let now = "2021-04-01T15:00:00+02:00";
    let show = dpo(&ws, now, &["breach", "show", "2021-001"]);
    show.assert_code(0);
    assert!(
        show.stdout()
            .contains("avant le lundi 29 mars 2021 à 11:00 (UTC+02:00) — en retard de 3 j 4 h"),
        "{}",
        show.stdout()
    );
    let notify = dpo(&ws, now, &["breach", "notify", "2021-001"]);
    notify.assert_code(2);
    assert!(
        notify.stderr().contains(
            "(UTC+02:00) (en retard de 3 j 4 h)\u{202f}; une notification tardive doit en donner les raisons"
        ),
        "{}",
        notify.stderr()
    );
    let notify = dpo(&ws, now, &["--lang", "en", "breach", "notify", "2021-001"]);
    assert!(
        notify.stderr().contains("(3 d 4 h late)"),
        "{}",
        notify.stderr()
    );
    // One second past 72 hours late, rounded up: 72 h 01 min, in days.
    let notify = dpo(
        &ws,
        "2021-04-01T11:00:01+02:00",
        &["breach", "notify", "2021-001"],
    );
    assert!(
        notify.stderr().contains("(en retard de 3 j 1 h)"),
        "{}",
        notify.stderr()
    );
    let notify = dpo(
        &ws,
        "2021-04-01T10:58:00+02:00",
        &["breach", "notify", "2021-001"],
    );
    assert!(
        notify.stderr().contains("(en retard de 71 h 58 min)"),
        "{}",
        notify.stderr()
    );
}

/// One rule for the tag and the count: on two controllers, one breach
/// notified by e-mail whose call is not logged (its deadline ahead) and
/// records written outside dpo, the summary counts as « incomplets » exactly
/// the items tagged [INCOMPLET], and as « en retard » those tagged
/// [EN RETARD]; `--json` says the same.
#[test]
fn status_counts_as_incomplete_exactly_the_items_it_tags_so() {
    let ws = Workspace::fixture("status-two-controllers");
    let now = "2021-03-01 10:00";
    let o = dpo(&ws, now, &["status"]);
    o.assert_no_panic();
    let text = o.stdout_utf8();
    let first = text.lines().next().unwrap_or_default().to_string();
    let tagged = |tag: &str| text.lines().filter(|l| l.starts_with(tag)).count();
    let incomplete = tagged("[INCOMPLET]");
    assert!(incomplete >= 7, "{text}");
    assert!(
        first.contains(&format!("{incomplete} incomplets")),
        "{first}\n{text}"
    );
    assert!(
        first.starts_with(&format!("{} en retard", tagged("[EN RETARD]"))),
        "{first}\n{text}"
    );
    let o = dpo(&ws, now, &["status", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout_utf8()).unwrap();
    assert_eq!(v["summary"]["incomplete"], incomplete, "{v}");
    let items = v["items"].as_array().unwrap();
    let shown = items.iter().filter(|i| i["state"] == "incomplete").count();
    assert_eq!(shown, incomplete, "{v}");
}

/// Review of issue 10, point 13: on two controllers, once the controllers'
/// 72 h towards the supervisory authority has passed, that reminder
/// (« [pour information] ») is listed at its date — after what is overdue,
/// before the to-dos ahead and long before what is done — not last.
#[test]
fn a_passed_reminder_is_listed_at_its_date_not_after_what_is_done() {
    let ws = Workspace::fixture("status-two-controllers");
    let o = dpo(&ws, "2021-03-30 10:00", &["status"]);
    o.assert_no_panic();
    let text = o.stdout_utf8();
    let tags: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
    let first = |tag: &str| tags.iter().position(|l| l.starts_with(tag));
    let reminder = tags
        .iter()
        .position(|l| l.starts_with("[pour information] 2021-002"))
        .unwrap_or_else(|| panic!("no reminder of 2021-002:\n{text}"));
    let done = first("[fait]").unwrap_or_else(|| panic!("nothing done:\n{text}"));
    let to_do = first("[à faire]").unwrap_or_else(|| panic!("nothing to do:\n{text}"));
    assert!(reminder < to_do && reminder < done, "{text}");
    assert!(first("[EN RETARD]").is_some_and(|o| o < reminder), "{text}");
}
