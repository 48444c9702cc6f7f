//! Unit tests of the settings: what the environment gives, read through a lookup.

use super::*;
use clap::Parser;

fn settings(args: &[&str], vars: &[(&str, &str)]) -> Settings {
    let cli = super::super::Cli::try_parse_from(args).unwrap();
    let vars: BTreeMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Settings::new(&cli, |k| vars.get(k).cloned())
}

#[test]
fn the_language_is_lang_else_the_locale_else_french() {
    let lang = |args: &[&str], vars: &[(&str, &str)]| settings(args, vars).lang(None);
    assert_eq!(lang(&["dpo", "check"], &[]), Lang::Fr);
    assert_eq!(
        lang(&["dpo", "check"], &[("LANG", "en_GB.UTF-8")]),
        Lang::En
    );
    assert_eq!(lang(&["dpo", "check"], &[("LANG", "C.UTF-8")]), Lang::Fr);
    // LC_ALL outranks LC_MESSAGES, which outranks LANG.
    let vars = [
        ("LC_ALL", "fr_FR.UTF-8"),
        ("LC_MESSAGES", "en_US"),
        ("LANG", "en_US"),
    ];
    assert_eq!(lang(&["dpo", "check"], &vars), Lang::Fr);
    assert_eq!(lang(&["dpo", "check"], &vars[1..]), Lang::En);
    assert_eq!(
        lang(&["dpo", "--lang", "fr", "check"], &[("LANG", "en_US")]),
        Lang::Fr
    );
    assert_eq!(lang(&["dpo", "--lang", "en", "check"], &[]), Lang::En);
}

#[test]
fn the_environment_is_read_once_through_the_lookup_it_is_given() {
    let s = settings(
        &["dpo", "check"],
        &[
            ("DPO_ACTOR", "marie"),
            ("USER", "root"),
            ("DPO_LOCK_WAIT", "0.5"),
            ("DPO_VERBOSE", "1"),
            ("DPO_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("DPO_SMTP_TIMEOUT", "2"),
        ],
    );
    assert_eq!(s.actor().unwrap(), "marie");
    assert_eq!(s.lock_wait, Duration::from_millis(500));
    assert!(s.verbose);
    assert_eq!(s.smtp().unwrap().host, "127.0.0.1");
    assert_eq!(s.smtp().unwrap().timeout, Duration::from_secs(2));
}

#[test]
fn defaults_when_the_variables_are_unset_or_unusable() {
    let s = settings(
        &["dpo", "check"],
        &[
            ("DPO_ACTOR", "  "),
            ("LOGNAME", "jean"),
            ("DPO_LOCK_WAIT", "-3"),
        ],
    );
    assert!(
        matches!(s.actor(), Err(CliError::NoActor(_))),
        "a blank DPO_ACTOR is unset"
    );
    assert_eq!(s.lock_wait, DEFAULT_LOCK_WAIT);
    assert!(!s.verbose);
    for unusable in ["1e20", "NaN", "inf", "soon"] {
        let s = settings(&["dpo", "check"], &[("DPO_LOCK_WAIT", unusable)]);
        assert_eq!(s.lock_wait, DEFAULT_LOCK_WAIT, "{unusable}");
    }
    assert!(matches!(
        s.smtp(),
        Err(CliError::Mail(mail::MailError::NotConfigured))
    ));
    // The reason is said in the run's language; English here.
    let s = settings(&["dpo", "--lang", "en", "check"], &[]);
    let e = s.actor().unwrap_err().to_string();
    assert!(
        e.contains("DPO_ACTOR is not set") && e.contains("no login"),
        "{e}"
    );
}

fn people() -> crate::model::People {
    serde_yaml::from_str(
        "people:\n  - {id: coordinateur-ept, name: Gerald Petiot, role: coordinateur}\n  - {id: secteur-reseau, role: agents du secteur réseau}\n",
    )
    .unwrap()
}

#[test]
fn the_actor_is_a_free_name_or_a_named_person_of_people_yaml_never_unknown() {
    let with = |vars: &[(&str, &str)]| {
        let s = settings(&["dpo", "--lang", "en", "check"], vars);
        s.people.set(people()).unwrap();
        s.actor()
    };
    // A people.yaml id: the person's name is recorded.
    assert_eq!(
        with(&[("DPO_ACTOR", "coordinateur-ept")]).unwrap(),
        "Gerald Petiot"
    );
    // A free name, as typed.
    assert_eq!(
        with(&[("DPO_ACTOR", " Marie Curie "), ("USER", "root")]).unwrap(),
        "Marie Curie"
    );
    // A group is not a person.
    let e = with(&[("DPO_ACTOR", "secteur-reseau")]).unwrap_err();
    assert!(e.to_string().contains("no name"), "{e}");
    // The login counts only when it is a named person's id.
    assert_eq!(
        with(&[("USER", "coordinateur-ept")]).unwrap(),
        "Gerald Petiot"
    );
    let e = with(&[("USER", "root")]).unwrap_err().to_string();
    assert!(e.contains("`root`") && e.contains("DPO_ACTOR"), "{e}");
    assert!(with(&[("LOGNAME", "secteur-reseau")]).is_err());
    // Never "unknown", nothing blank, no control character, even with a
    // login that would do.
    for bad in [
        "unknown",
        " Unknown ",
        "",
        "  ",
        "a\nb",
        "a\tb",
        "x\u{1b}[2J",
        "null",
        "~",
        "n/a",
        "anonymous",
        "-",
        "Marie\u{200b}Curie",
        "\u{2060}",
        "Marie Curie\u{202e}",
        "\u{feff}Marie",
    ] {
        let e = with(&[("DPO_ACTOR", bad), ("USER", "coordinateur-ept")]).unwrap_err();
        assert!(matches!(e, CliError::NoActor(_)), "{bad:?}: {e}");
        assert!(e.to_string().contains("DPO_ACTOR"), "{e}");
    }
}

#[test]
fn the_clock_is_made_once_and_now_is_read_in_the_time_zone() {
    let s = settings(
        &["dpo", "--now", "2021-03-28 03:30", "check"],
        &[("DPO_ACTOR", "marie")],
    );
    let paris = chrono_tz::Europe::Paris;
    let t = s.clock(paris).unwrap().now();
    assert_eq!(t.to_rfc3339(), "2021-03-28T01:30:00+00:00");
    assert_eq!(s.act(paris).unwrap().now, t);
    let bad = settings(&["dpo", "--now", "2021-03-28 02:30", "check"], &[]);
    assert!(matches!(bad.clock(paris), Err(CliError::Time { .. })));
}
