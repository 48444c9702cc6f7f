//! Deadlines and times of issue 9, with the real binary: periods in months
//! that end on a weekend or a French public holiday move to the next
//! working day, shown with why (request log and list, status, its
//! iCalendar file and JSON, in both languages); the convention's term moves
//! the same way; a date typed where an instant is asked for is refused, as
//! is a "when it happened" instant in the future; the late-notification
//! refusal names the deadline in its own season's offset; record ids take
//! the year of the event; `breach show` gives the breach's timeline.
//! A table test logs, in one workspace, a request whose month ends on each
//! French public holiday of 2021–2030, and the month-end cases.
//!
//! Each test copies `tests/fixtures/juvisy-workspace` (the sample with a
//! breach contact), or the sample itself.

use crate::support::smtp::{Mode, SmtpServer};
use crate::support::{fixture, Workspace};

const CONTROLLER: &str = "juvisy-sur-orge";

/// A copy of `tests/fixtures/juvisy-workspace`.
fn workspace() -> Workspace {
    Workspace::fixture("juvisy-workspace")
}

/// `request log --no-forward` of a request received at `received`, at `now`.
fn log_request(ws: &Workspace, now: &str, received: &str, extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
        "--now",
        now,
        "request",
        "log",
        "--controller",
        CONTROLLER,
        "--right",
        "access",
        "--received-at",
        received,
        "--summary",
        "demande d'accès",
        "--no-forward",
    ];
    args.extend_from_slice(extra);
    ws.dpo().run(&args)
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

#[test]
fn a_request_whose_month_ends_on_may_day_is_due_on_monday_3_may_with_why() {
    let ws = workspace();
    // Received on 1 April 2021: one month is Saturday 1 May, Labour Day.
    let r = log_request(&ws, "2021-04-02 10:00", "2021-04-01 10:00", &[]);
    r.assert_code(0);
    let out = r.stdout();
    assert!(
        out.contains("1er mai 2021 (jour férié\u{202f}: fête du Travail) → lundi 3 mai 2021"),
        "{out}"
    );

    let r = ws.dpo().run(&["--json", "request", "list"]);
    r.assert_code(0);
    let v = r.json();
    assert_eq!(v[0]["answer_due"], "2021-05-03", "{v:#}");
    assert_eq!(v[0]["answer_period"]["counted"], "2021-05-01", "{v:#}");
    assert_eq!(v[0]["answer_period"]["ends"], "2021-05-03", "{v:#}");
    assert_eq!(
        v[0]["answer_period"]["moved_because"], "holiday.labour-day",
        "{v:#}"
    );

    let r = ws.dpo().run(&["request", "list"]);
    assert!(
        r.stdout()
            .contains("1er mai 2021 (jour férié\u{202f}: fête du Travail) → lundi 3 mai 2021"),
        "{}",
        r.stdout()
    );
    let r = ws.dpo().run(&["--lang", "en", "request", "list"]);
    assert!(
        r.stdout()
            .contains("1 May 2021 (public holiday: Labour Day) → Monday 3 May 2021"),
        "{}",
        r.stdout()
    );

    // Status: the end of Monday 3 May, and why, in JSON and text.
    let r = ws
        .dpo()
        .run(&["--json", "--now", "2021-04-02 10:00", "status"]);
    let v = r.json();
    let a = items_of_kind(&v, "request.answer");
    assert_eq!(a[0]["due"], "2021-05-03T23:59:59+02:00", "{v:#}");
    assert_eq!(a[0]["period"]["counted"], "2021-05-01", "{v:#}");
    let ics = ws.path("echeances.ics");
    let ics_arg = ics.to_str().expect("utf-8 path");
    let r = ws
        .dpo()
        .run(&["--now", "2021-04-02 10:00", "status", "--ics", ics_arg]);
    let text = r.stdout();
    assert!(
        text.contains(
            "délai légal\u{202f}: 1er mai 2021 (jour férié\u{202f}: fête du Travail) → lundi 3 mai 2021"
        ),
        "{text}"
    );
    assert!(text.contains("1182/71"), "{text}");
    // The calendar event ends then, and says why (read back by Python's
    // icalendar, which unfolds the lines).
    let py = "import sys, icalendar\n\
              cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
              for e in cal.walk('VEVENT'):\n\
              \x20   if str(e['UID']).startswith('request.answer'):\n\
              \x20       print(e['DTEND'].dt.isoformat()); print(e['DESCRIPTION'])\n";
    let out = std::process::Command::new("python3")
        .args(["-c", py])
        .arg(&ics)
        .output()
        .expect("python3");
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.starts_with("2021-05-03T21:59:59+00:00"), "{out}");
    assert!(
        out.contains("1er mai 2021 (jour férié\u{202f}: fête du Travail) → lundi 3 mai 2021"),
        "{out}"
    );
}

#[test]
fn the_month_end_cases_and_a_sunday_move_the_answer_date() {
    // (received, counted, ends)
    for (received, counted, ends) in [
        // 28 February 2021 is a Sunday.
        ("2021-01-31 10:00", "2021-02-28", "2021-03-01"),
        ("2024-01-31 10:00", "2024-02-29", "2024-02-29"),
        // 30 May 2021 is a Sunday.
        ("2021-04-30 10:00", "2021-05-30", "2021-05-31"),
        ("2021-05-31 10:00", "2021-06-30", "2021-06-30"),
    ] {
        let ws = workspace();
        log_request(&ws, "2024-06-01 10:00", received, &[]).assert_code(0);
        let v = ws.dpo().run(&["--json", "request", "list"]).json();
        assert_eq!(v[0]["answer_period"]["counted"], counted, "{received}");
        assert_eq!(v[0]["answer_due"], ends, "{received}");
    }
}

#[test]
fn the_convention_ending_on_saturday_31_july_ends_on_monday_2_august() {
    let ws = Workspace::sample();
    let r = ws
        .dpo()
        .run(&["--json", "--now", "2021-03-01T10:00:00+01:00", "status"]);
    let v = r.json();
    let end = &items_of_kind(&v, "convention.end")[0];
    assert_eq!(end["due"], "2021-08-02T23:59:59+02:00", "{end:#}");
    assert_eq!(end["period"]["counted"], "2021-07-31", "{end:#}");
    assert_eq!(end["period"]["moved_because"], "non_working.saturday");
    // The last day to renew is counted back from the term and not moved.
    let renew = &items_of_kind(&v, "convention.renewal")[0];
    assert_eq!(renew["due"], "2021-06-30T23:59:59+02:00", "{renew:#}");
    assert!(renew.get("period").is_none(), "{renew:#}");
    let r = ws.dpo().run(&[
        "--lang",
        "en",
        "--now",
        "2021-03-01T10:00:00+01:00",
        "status",
    ]);
    assert!(
        r.stdout()
            .contains("legal deadline: 31 July 2021 (Saturday) → Monday 2 August 2021"),
        "{}",
        r.stdout()
    );
    // The data-fate duty falls due with the term: not overdue on 2 August.
    let fate = |now: &str| {
        let v = ws.dpo().run(&["--json", "--now", now, "status"]).json();
        items_of_kind(&v, "fate.certificate")[0]["state"].clone()
    };
    assert_ne!(fate("2021-08-02T10:00:00+02:00"), "overdue");
    assert_eq!(fate("2021-08-03T10:00:00+02:00"), "overdue");
}

#[test]
fn a_date_without_a_time_is_refused_wherever_an_instant_is_asked_for() {
    let ws = workspace();
    let now = "2021-03-30 10:00";
    let runs: Vec<(&str, Vec<&str>)> = vec![
        (
            "--aware-at",
            vec![
                "breach",
                "open",
                "--title",
                "x",
                "--controller",
                CONTROLLER,
                "--aware-at",
                "2021-03-26",
            ],
        ),
        (
            "--occurred-at",
            vec![
                "breach",
                "open",
                "--title",
                "x",
                "--controller",
                CONTROLLER,
                "--aware-at",
                "2021-03-26 10:00",
                "--occurred-at",
                "2021-03-25",
            ],
        ),
        (
            "--discovered-at",
            vec![
                "breach",
                "open",
                "--title",
                "x",
                "--controller",
                CONTROLLER,
                "--aware-at",
                "2021-03-26 10:00",
                "--discovered-at",
                "2021-03-26",
            ],
        ),
        (
            "--received-at",
            vec![
                "request",
                "log",
                "--controller",
                CONTROLLER,
                "--right",
                "access",
                "--received-at",
                "2021-03-26",
                "--summary",
                "x",
                "--no-forward",
            ],
        ),
        (
            "--at",
            vec![
                "instruction",
                "log",
                "--controller",
                CONTROLLER,
                "--from",
                "DGS",
                "--at",
                "2021-03-26",
                "--summary",
                "x",
            ],
        ),
    ];
    for (flag, args) in runs {
        let mut all = vec!["--now", now];
        all.extend(args);
        let r = ws.dpo().run(&all);
        r.assert_code(2);
        let e = r.stderr();
        assert!(e.contains(flag), "{flag}: {e}");
        assert!(e.contains("est une date sans heure"), "{flag}: {e}");
        assert!(e.contains("pas lue comme minuit"), "{flag}: {e}");
    }
    // Nothing was written.
    assert!(!ws.exists("breaches/2021-001.yaml"));
    assert!(!ws.exists("requests/2021-001.yaml"));
    assert!(!ws.exists("instructions/2021-001.yaml"));
    // --now is an instant too.
    let r = ws.dpo().run(&["--now", "2021-03-26", "status"]);
    r.assert_code(2);
    assert!(r.stderr().contains("--now"), "{}", r.stderr());
    assert!(
        r.stderr().contains("est une date sans heure"),
        "{}",
        r.stderr()
    );
}

#[test]
fn an_instruction_given_in_the_future_is_refused() {
    let ws = workspace();
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-01 10:00",
        "instruction",
        "log",
        "--controller",
        CONTROLLER,
        "--from",
        "DGS",
        "--at",
        "2021-03-01 10:30",
        "--summary",
        "x",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("l'heure de l'instruction `2021-03-01 10:30`"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("est postérieure à maintenant"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists("instructions/2021-001.yaml"));
}

#[test]
fn the_late_refusal_names_the_deadline_in_winter_time() {
    // Aware on Friday 29 October 2021 at 10:00 (UTC+02:00): the 72 hours end
    // on Monday 1 November at 09:00 (UTC+01:00), after the clocks went back.
    let ws = workspace();
    let text = std::fs::read_to_string(fixture("breach-records").join("2021-001.yaml"))
        .expect("read breach fixture")
        .replace("2021-03-25T22:40:00+01:00", "2021-10-28T22:40:00+02:00")
        .replace("2021-03-26T08:15:00+01:00", "2021-10-29T08:15:00+02:00")
        .replace("2021-03-26T10:00:00+01:00", "2021-10-29T10:00:00+02:00");
    ws.write("breaches/2021-001.yaml", &text);
    let r = ws
        .dpo()
        .run(&["--now", "2021-11-01 09:30", "breach", "notify", "2021-001"]);
    r.assert_code(2);
    let e = r.stderr();
    assert!(
        e.contains("a expiré le 1er novembre 2021 à 09:00 (UTC+01:00)"),
        "{e}"
    );
    assert!(!e.contains("UTC+02:00"), "{e}");
    // Status gives the same instant in the same offset.
    let v = ws
        .dpo()
        .run(&["--json", "--now", "2021-11-01 09:30", "status"])
        .json();
    let n = &items_of_kind(&v, "breach.notification")[0];
    assert_eq!(n["due"], "2021-11-01T09:00:00+01:00", "{n:#}");
    assert_eq!(n["state"], "overdue", "{n:#}");
}

#[test]
fn record_ids_take_the_year_of_the_event_not_of_the_clock() {
    let ws = workspace();
    let now = "2022-01-03 10:00";
    // Received on New Year's Eve, logged in January.
    log_request(&ws, now, "2021-12-31 23:30", &[]).assert_code(0);
    assert!(ws.exists("requests/2021-001.yaml"));
    ws.dpo()
        .run(&[
            "--now",
            now,
            "instruction",
            "log",
            "--controller",
            CONTROLLER,
            "--from",
            "DGS",
            "--at",
            "2021-12-30 09:00",
            "--summary",
            "x",
        ])
        .assert_code(0);
    assert!(ws.exists("instructions/2021-001.yaml"));
    ws.dpo()
        .run(&[
            "--now",
            now,
            "breach",
            "open",
            "--title",
            "x",
            "--controller",
            CONTROLLER,
            "--aware-at",
            "2021-12-31 22:00",
        ])
        .assert_code(0);
    assert!(ws.exists("breaches/2021-001.yaml"));
    // An event of the clock's year takes that year.
    log_request(&ws, now, "2022-01-02 09:00", &[]).assert_code(0);
    assert!(ws.exists("requests/2022-001.yaml"));
    // The year is the local one: 31 December 23:30 in Paris is 22:30 UTC.
    log_request(&ws, now, "2021-12-31T23:30:00Z", &[]).assert_code(0);
    assert!(ws.exists("requests/2022-002.yaml"));
}

#[test]
fn breach_show_gives_the_timeline_in_order_with_who() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.write_breach_record("2021-001");
    ws.dpo()
        .smtp(&server)
        .env("DPO_ACTOR", "Jeanne Martin")
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    ws.dpo()
        .env("DPO_ACTOR", "Paul Durand")
        .run(&[
            "--now",
            "2021-03-26 11:30",
            "breach",
            "call",
            "2021-001",
            "--to",
            "M. Dupont",
            "--number",
            "01 23 45 67 89",
            "--outcome",
            "notification confirmée",
        ])
        .assert_code(0);

    let v = ws
        .dpo()
        .run(&[
            "--json",
            "--now",
            "2021-03-26 12:00",
            "breach",
            "show",
            "2021-001",
        ])
        .json();
    let t = v["timeline"].as_array().cloned().unwrap_or_default();
    let kinds: Vec<&str> = t.iter().map(|m| m["kind"].as_str().unwrap_or("")).collect();
    assert_eq!(
        kinds,
        [
            "occurred",
            "discovered",
            "aware",
            "notification",
            "call",
            "processor_deadline",
            "authority_deadline"
        ],
        "{v:#}"
    );
    assert_eq!(t[0]["at"], "2021-03-25T22:40:00+01:00");
    assert_eq!(t[1]["by"], "technicien d'astreinte de l'EPT");
    assert_eq!(t[3]["by"], "Jeanne Martin", "{v:#}");
    assert_eq!(t[3]["controller"], CONTROLLER);
    assert_eq!(t[4]["by"], "Paul Durand");
    // 72 h across the spring change: 11:00 summer time.
    assert_eq!(t[5]["at"], "2021-03-29T11:00:00+02:00");
    assert_eq!(t[6]["at"], "2021-03-29T12:00:00+02:00");

    let r = ws
        .dpo()
        .run(&["--now", "2021-03-26 12:00", "breach", "show", "2021-001"]);
    r.assert_code(0);
    let out = r.stdout();
    let pos = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in:\n{out}"))
    };
    let lines = [
        "Chronologie\u{202f}:",
        "jeudi 25 mars 2021 à 22:40 (UTC+01:00) — survenance de la violation",
        "vendredi 26 mars 2021 à 08:15 (UTC+01:00) — découverte — par technicien d'astreinte de l'EPT",
        "vendredi 26 mars 2021 à 11:00 (UTC+01:00) — notification par courriel au responsable de traitement — la commune de Juvisy-sur-Orge — destinataire\u{202f}: rgpd@juvisy.example — par Jeanne Martin",
        "vendredi 26 mars 2021 à 11:30 (UTC+01:00) — appel au contact désigné du responsable de traitement — la commune de Juvisy-sur-Orge — destinataire\u{202f}: M. Dupont (01 23 45 67 89) — par Paul Durand",
        "lundi 29 mars 2021 à 11:00 (UTC+02:00) — échéance du sous-traitant",
        "lundi 29 mars 2021 à 12:00 (UTC+02:00) — échéance du responsable de traitement envers l'autorité de contrôle",
    ];
    let at: Vec<usize> = lines.iter().map(|l| pos(l)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order:\n{out}");
    let r = ws.dpo().run(&[
        "--lang",
        "en",
        "--now",
        "2021-03-26 12:00",
        "breach",
        "show",
        "2021-001",
    ]);
    let out = r.stdout();
    assert!(out.contains("Timeline:"), "{out}");
    assert!(
        out.contains("Monday 29 March 2021, 11:00 (UTC+02:00) — the processor's deadline"),
        "{out}"
    );
}

#[test]
fn the_forwarded_request_gives_the_moved_answer_date_in_its_language() {
    for (lang, want) in [
        (
            "fr",
            "soit au plus tard le 1er mai 2021 (jour férié : fête du Travail) ; report au lundi 3 mai 2021 (règlement (CEE, Euratom) n° 1182/71, art. 3, § 4)",
        ),
        (
            "en",
            "1 May 2021 (public holiday: Labour Day); moved to Monday 3 May 2021 (Regulation (EEC, Euratom) No 1182/71, Art. 3(4))",
        ),
    ] {
        let ws = workspace().overlay("request-notice-contacts");
        let r = ws.dpo().env("DPO_NOW", "2021-04-02 10:00").run(&[
            "--lang",
            lang,
            "request",
            "log",
            "--controller",
            CONTROLLER,
            "--right",
            "access",
            "--received-at",
            "2021-04-01 10:00",
            "--summary",
            "x",
            "--dry-run",
        ]);
        r.assert_code(0);
        let body = body_of(&ws.root().join("evidence/requests/2021-001-dry-run.eml"));
        assert!(body.contains(want), "{lang}: {body}");
    }
}

/// The text body of a kept message, decoded by Python's `email` package.
fn body_of(eml: &std::path::Path) -> String {
    let py = "import sys, email\n\
              m = email.message_from_bytes(open(sys.argv[1], 'rb').read())\n\
              for p in m.walk():\n\
              \x20   if p.get_content_type() == 'text/plain':\n\
              \x20       sys.stdout.write(p.get_payload(decode=True).decode())\n";
    let out = std::process::Command::new("python3")
        .args(["-c", py])
        .arg(eml)
        .output()
        .expect("python3");
    crate::support::tools::plain(&String::from_utf8_lossy(&out.stdout))
}

/// The French public holidays of `year` (Code du travail, art. L3133-1),
/// from a hand-written table of Easter Sundays: independent of the code.
fn french_holidays(year: i32) -> Vec<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let easter = match year {
        2021 => (4, 4),
        2022 => (4, 17),
        2023 => (4, 9),
        2024 => (3, 31),
        2025 => (4, 20),
        2026 => (4, 5),
        2027 => (3, 28),
        2028 => (4, 16),
        2029 => (4, 1),
        2030 => (4, 21),
        _ => unreachable!("the table covers 2021–2030"),
    };
    let d = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("a date");
    let easter = d(easter.0, easter.1);
    let days = chrono::Days::new;
    vec![
        d(1, 1),
        easter + days(1), // lundi de Pâques
        d(5, 1),
        d(5, 8),
        easter + days(39), // Ascension
        easter + days(50), // lundi de Pentecôte
        d(7, 14),
        d(8, 15),
        d(11, 1),
        d(11, 11),
        d(12, 25),
    ]
}

#[test]
fn every_french_public_holiday_of_2021_to_2030_moves_the_answer_date_to_the_next_working_day() {
    use chrono::{Datelike, Months, NaiveDate, Weekday};
    let holidays: Vec<NaiveDate> = (2021..=2031).flat_map(french_holidays_or_next).collect();
    fn french_holidays_or_next(y: i32) -> Vec<NaiveDate> {
        if y == 2031 {
            // Only 1 January 2031 can follow a holiday of 2030.
            vec![NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()]
        } else {
            french_holidays(y)
        }
    }
    let working = |d: NaiveDate| {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&d)
    };
    let ws = workspace();
    let run = |received: NaiveDate| {
        let r = log_request(
            &ws,
            "2031-01-01 10:00",
            &format!("{received} 10:00"),
            &["--json"],
        );
        r.assert_code(0);
        r.json()
    };
    let (mut cases, mut unreachable) = (0, Vec::new());
    for h in (2021..=2030).flat_map(french_holidays) {
        // Received one month before: the month counted ends on the holiday.
        let received = h.checked_sub_months(Months::new(1)).unwrap();
        if received.day() != h.day() {
            // No month ends there: 28 February counts to 28 March.
            unreachable.push(h.to_string());
            continue;
        }
        let mut ends = h.succ_opt().unwrap();
        while !working(ends) {
            ends = ends.succ_opt().unwrap();
        }
        // One run per holiday: `--json` on the one command in the list.
        let v = run(received);
        let v = if v.is_array() { v[0].clone() } else { v };
        assert_eq!(v["answer_period"]["counted"], h.to_string(), "{v:#}");
        assert_eq!(v["answer_due"], ends.to_string(), "holiday {h}: {v:#}");
        assert!(
            v["answer_period"]["moved_because"]
                .as_str()
                .is_some_and(|k| k.starts_with("holiday.")),
            "{h}: {v:#}"
        );
        cases += 1;
    }
    // Easter Monday 2027 is 29 March: no day of February 2027 counts to it.
    assert_eq!(unreachable, ["2027-03-29"]);
    assert_eq!(cases, 109);
    // The month ends: 31 January → 28/29 February, 30 April → 30 May,
    // 31 May → 30 June (then past a weekend).
    for (received, counted, ends) in [
        ("2021-01-31", "2021-02-28", "2021-03-01"),
        ("2024-01-31", "2024-02-29", "2024-02-29"),
        ("2022-01-31", "2022-02-28", "2022-02-28"),
        ("2021-04-30", "2021-05-30", "2021-05-31"),
        ("2022-04-30", "2022-05-30", "2022-05-30"),
        ("2021-05-31", "2021-06-30", "2021-06-30"),
        ("2024-05-31", "2024-06-30", "2024-07-01"),
        // Sunday 28 March 2027, then Easter Monday: Tuesday 30 March.
        ("2027-02-28", "2027-03-28", "2027-03-30"),
    ] {
        let v = run(received.parse().unwrap());
        let v = if v.is_array() { v[0].clone() } else { v };
        assert_eq!(v["answer_period"]["counted"], counted, "{received}: {v:#}");
        assert_eq!(v["answer_due"], ends, "{received}: {v:#}");
    }
}
