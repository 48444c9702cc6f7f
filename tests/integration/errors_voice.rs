//! Every error of the core speaks the run's language (issue 10, "errors"):
//! a representative of each error family — the workspace, a record file
//! and `… set`, the journal, the recovery after a command killed mid-way,
//! `record adopt`, the lock, an output path, times and identifiers, the
//! YAML parser's own words, e-mail, keys and signatures, a system error
//! given as a cause — provoked in French (the default) and in English
//! (`--lang en`): exit code, the file (and line and column) first where
//! there is one, words of one language only, French typography.

use crate::support::language::{data_of, faults, without_data};
use crate::support::tools::sha256sum;
use crate::support::{Run, Workspace};

const ID: &str = "2021-001";
const BREACH: &str = "breaches/2021-001.yaml";

/// A run of `dpo` in `lang` (`fr`: the default; `en`: `--lang en`).
fn dpo(ws: &Workspace, lang: &str) -> crate::support::Dpo {
    let d = ws.dpo().now("2021-03-28 12:00");
    if lang == "en" {
        d.english()
    } else {
        d
    }
}

/// What `r` printed, the workspace's own words and its folder taken out.
fn read(ws: &Workspace, r: &Run) -> String {
    let mut data = Vec::new();
    data_of(ws.root(), &mut data);
    data.push(ws.dir().display().to_string());
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    without_data(&r.text(), &data)
        .replace(&ws.dir().display().to_string(), "▢")
        .replace(".dpo.pending", "▢")
        // The project's term for a gap, the same in both languages.
        .replace("« à compléter »", "▢")
}

/// `r` exits with `code` and says `said` (in `lang`), in one language.
fn speaks(ws: &Workspace, r: &Run, lang: &str, code: i32, said: &[&str]) {
    let text = r.text();
    assert_eq!(r.code(), Some(code), "{lang}: exit code\n{text}");
    r.assert_no_panic();
    for s in said {
        assert!(text.contains(s), "{lang}: no {s:?} in\n{text}");
    }
    let f = faults(lang, &read(ws, r));
    assert!(f.is_empty(), "{f:#?}\n--- what was read:\n{text}");
}

/// The first line of the error: `erreur : ` or `error: `, then `first`.
fn opens_with(r: &Run, lang: &str, first: &str) {
    let label = if lang == "fr" {
        "erreur\u{202f}: "
    } else {
        "error: "
    };
    let line = r
        .text()
        .lines()
        .find(|l| l.starts_with(label))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        line.starts_with(&format!("{label}{first}")),
        "{lang}: the error does not open with {first:?}:\n{}",
        r.text()
    );
}

/// The sample workspace with the fixture breach, adopted.
fn with_breach() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(ID);
    ws.dpo()
        .run(&["record", "adopt", BREACH, "--reason", "written by hand"])
        .assert_code(0);
    ws
}

#[test]
fn a_missing_workspace_and_an_unreadable_time_are_said_in_the_run_s_language() {
    let ws = Workspace::sample();
    for (lang, said) in [
        ("fr", ["pas d'espace de travail", "conseil\u{202f}: passez"]),
        ("en", ["no workspace at", "hint: pass --registers"]),
    ] {
        let r = dpo(&ws, lang)
            .env("DPO_REGISTERS", ws.path("nowhere"))
            .run(&["check"]);
        speaks(&ws, &r, lang, 2, &said);
    }
    // A time that is not one: the option, then the cause, both said.
    for (lang, said) in [
        (
            "fr",
            [
                "--now / DPO_NOW invalide",
                "cause\u{202f}: `demain` n'est pas une heure",
            ],
        ),
        (
            "en",
            [
                "invalid --now / DPO_NOW",
                "caused by: `demain` is not a time",
            ],
        ),
    ] {
        let r = dpo(&ws, lang).now("demain").run(&["status"]);
        speaks(&ws, &r, lang, 2, &said);
    }
    // A local time the spring change skips.
    for (lang, said) in [
        ("fr", "n'existe pas dans le fuseau Europe/Paris"),
        ("en", "does not exist in Europe/Paris"),
    ] {
        let r = dpo(&ws, lang).now("2021-03-28 02:30").run(&["status"]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
}

#[test]
fn the_yaml_parser_s_common_errors_are_said_with_their_position_first() {
    type Edit = fn(&str) -> String;
    let cases: [(&str, &str, Edit, &str, &str, &str); 5] = [
        (
            "invalid type",
            "controllers/juvisy-sur-orge.yaml",
            |t| t.replacen("  term_months: 6\n", "  term_months: six\n", 1),
            "controllers/juvisy-sur-orge.yaml:",
            "type invalide\u{202f}: le texte \"six\", alors que le champ attend un nombre entier",
            "invalid type: string \"six\", expected u32",
        ),
        (
            "missing field",
            "controllers/juvisy-sur-orge.yaml",
            |t| t.replacen("name: Commune de Juvisy-sur-Orge\n", "", 1),
            "controllers/juvisy-sur-orge.yaml:",
            "champ obligatoire `name` absent",
            "missing field `name`",
        ),
        (
            "a tab",
            "processor.yaml",
            |t| t.replacen("\naddress:", "\n\taddress:", 1),
            "processor.yaml:",
            "tabulation",
            "tab",
        ),
        (
            "an unclosed quote",
            "processor.yaml",
            |t| t.replacen("\nname: ", "\nname: \"", 1),
            "processor.yaml:",
            "(syntaxe)\u{202f}: fin de fichier inattendue",
            "(syntax): found unexpected end of stream",
        ),
        (
            "a bad identifier",
            "people.yaml",
            |t| t.replacen("controllers: [", "controllers: [Juvisy Sur Orge, ", 1),
            "people.yaml:",
            "n'est pas un identifiant valide",
            "is not a valid identifier",
        ),
    ];
    for (case, file, edit, at, fr, en) in cases {
        let ws = Workspace::sample();
        let text = ws.read(file);
        let changed = edit(&text);
        assert_ne!(changed, text, "{case}: the edit applies");
        ws.write(file, &changed);
        for (lang, said) in [("fr", fr), ("en", en)] {
            let r = dpo(&ws, lang).run(&["check"]);
            speaks(&ws, &r, lang, 2, &[said]);
            opens_with(&r, lang, at);
            assert!(
                !r.text().contains("serde_yaml"),
                "{case}: the parser's own words are said\n{}",
                r.text()
            );
        }
    }
}

#[test]
fn a_field_refused_by_set_names_the_file_and_the_field_first() {
    let ws = with_breach();
    for (field, value, fr, en) in [
        (
            "nature..x",
            "1",
            "ce n'est pas un chemin de champ",
            "not a field path",
        ),
        (
            "nature.subjects_count",
            "beaucoup",
            "l'enregistrement ne se lirait plus",
            "the record would not read",
        ),
        (
            "notifications",
            "[]",
            "est écrit par dpo comme preuve",
            "is written by dpo as evidence",
        ),
        (
            "controllers",
            "[]",
            "`dpo check` refuserait l'enregistrement",
            "`dpo check` would reject the record",
        ),
    ] {
        for (lang, said) in [("fr", fr), ("en", en)] {
            let r = dpo(&ws, lang).run(&["breach", "set", ID, field, value]);
            speaks(&ws, &r, lang, 2, &[said]);
            let field_said = if lang == "fr" {
                format!("`{BREACH}`\u{202f}: champ `{field}`\u{202f}: ")
            } else {
                format!("`{BREACH}`: field `{field}`: ")
            };
            opens_with(&r, lang, &field_said);
        }
    }
}

#[test]
fn a_record_changed_by_hand_is_refused_and_adopt_says_why_in_the_run_s_language() {
    let ws = with_breach();
    let text = ws.read(BREACH);
    ws.write(BREACH, &text.replacen("title: ", "title: (à la main) ", 1));
    for (lang, said) in [
        (
            "fr",
            [
                "rien n'a été modifié",
                "modifié hors de dpo",
                "conseil\u{202f}: annulez",
            ],
        ),
        (
            "en",
            [
                "nothing was set",
                "changed outside dpo",
                "hint: undo the edit",
            ],
        ),
    ] {
        let r = dpo(&ws, lang).run(&["breach", "set", ID, "consequences", "x"]);
        speaks(&ws, &r, lang, 2, &said);
    }
    // `record adopt` refuses what is not a record, and a missing reason.
    for (lang, said) in [
        ("fr", "n'est pas un fichier d'enregistrement"),
        ("en", "is not a record file"),
    ] {
        let r = dpo(&ws, lang).run(&["record", "adopt", "processor.yaml", "--reason", "x"]);
        speaks(&ws, &r, lang, 2, &[said]);
        opens_with(&r, lang, "`processor.yaml`");
    }
    for (lang, said) in [("fr", "le motif est vide"), ("en", "the reason is empty")] {
        let r = dpo(&ws, lang).run(&["record", "adopt", BREACH, "--reason", " "]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
}

#[test]
fn a_broken_journal_is_said_in_the_run_s_language_by_verify_and_by_a_write() {
    let ws = with_breach();
    let journal = ws.read("journal.jsonl");
    ws.write("journal.jsonl", &format!("{journal}not an entry\n"));
    for (lang, said) in [
        ("fr", "l'entrée n'est pas valide"),
        ("en", "entry is not valid"),
    ] {
        let r = dpo(&ws, lang).run(&["journal", "verify"]);
        speaks(&ws, &r, lang, 1, &[said]);
        let r = dpo(&ws, lang).run(&["breach", "set", ID, "consequences", "x"]);
        let broken = if lang == "fr" {
            "le journal `"
        } else {
            "the journal `"
        };
        speaks(&ws, &r, lang, 2, &[said, broken]);
    }
}

#[test]
fn the_recovery_after_a_killed_command_is_said_in_the_run_s_language() {
    // A write-ahead note taken at another journal head: refused, named.
    let ws = with_breach();
    let breach = ws.read(BREACH);
    let note = |head: &str, after: &str| {
        serde_json::json!({
            "seq": 1,
            "head": head,
            "writes": [{"rel": BREACH, "before": breach, "after_sha256": after}],
        })
        .to_string()
    };
    ws.write(".dpo.pending", &note(&"0".repeat(64), &"1".repeat(64)));
    for (lang, said) in [
        (
            "fr",
            [
                "impossible de reprendre après une commande interrompue",
                "mais le journal se termine à l'entrée",
                "conseil\u{202f}: comparez",
            ],
        ),
        (
            "en",
            [
                "cannot recover from an interrupted command",
                "but the journal ends at entry",
                "hint: compare",
            ],
        ),
    ] {
        let r = dpo(&ws, lang).run(&["breach", "set", ID, "consequences", "x"]);
        speaks(&ws, &r, lang, 2, &said);
    }
    // At the right head, a file changed since the killed write: refused.
    let head = ws.read("journal.head");
    let mut head = head.split_whitespace();
    let (seq, sha) = (head.next().unwrap(), head.next().unwrap());
    let pending = serde_json::json!({
        "seq": seq.parse::<u64>().unwrap(),
        "head": sha,
        "writes": [{"rel": BREACH, "before": "x: 1\n", "after_sha256": "2".repeat(64)}],
    });
    ws.write(".dpo.pending", &pending.to_string());
    for (lang, said) in [
        ("fr", "a été modifié depuis"),
        ("en", "has been changed since"),
    ] {
        let r = dpo(&ws, lang).run(&["journal", "verify"]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
    // Undone as it should be, the record then written by hand is named in
    // the run's language by every reader.
    let ws = with_breach();
    let rewritten = format!("{breach}# rewritten by the killed command\n");
    ws.write(BREACH, &rewritten);
    let head = ws.read("journal.head");
    let mut head = head.split_whitespace();
    let (seq, sha) = (head.next().unwrap(), head.next().unwrap());
    let pending = serde_json::json!({
        "seq": seq.parse::<u64>().unwrap(),
        "head": sha,
        "writes": [{"rel": BREACH, "before": breach, "after_sha256": sha256sum(&ws.root().join(BREACH))}],
    });
    ws.write(".dpo.pending", &pending.to_string());
    dpo(&ws, "fr").run(&["journal", "verify"]).assert_code(0);
    assert_eq!(ws.read(BREACH), breach, "rolled back");
}

#[test]
fn the_lock_an_output_path_and_a_system_cause_are_said_in_the_run_s_language() {
    let ws = Workspace::sample();
    std::os::unix::fs::symlink(ws.path("elsewhere"), ws.root().join(".dpo.lock")).unwrap();
    for (lang, said) in [
        (
            "fr",
            ["est un lien symbolique", "conseil\u{202f}: supprimez-le"],
        ),
        ("en", ["is a symbolic link", "hint: remove it"]),
    ] {
        let r = dpo(&ws, lang).run(&["journal", "note", "-m", "x"]);
        speaks(&ws, &r, lang, 2, &said);
    }
    let ws = Workspace::sample();
    let into = ws.root().join("journal.jsonl");
    for (lang, said) in [("fr", "ne remplace jamais"), ("en", "never replaces")] {
        let r = dpo(&ws, lang).run(&["register", "--format", "csv", "-o", into.to_str().unwrap()]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
    // A file where a folder should be: the system's cause, said.
    std::fs::write(ws.path("plain.txt"), "x\n").unwrap();
    let nowhere = ws.path("plain.txt/register.csv");
    for (lang, said) in [
        ("fr", "cause\u{202f}: le fichier existe déjà (17)"),
        ("en", "caused by: File exists (os error 17)"),
    ] {
        let r = dpo(&ws, lang).run(&[
            "register",
            "--format",
            "csv",
            "-o",
            nowhere.to_str().unwrap(),
        ]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
    // An identifier that is not one.
    for (lang, said) in [
        (
            "fr",
            "--controller\u{202f}: `Juvisy` n'est pas un identifiant valide",
        ),
        ("en", "--controller: `Juvisy` is not a valid identifier"),
    ] {
        let r = dpo(&ws, lang).run(&["register", "--controller", "Juvisy"]);
        speaks(&ws, &r, lang, 2, &[said]);
    }
}

#[test]
fn e_mail_keys_and_signatures_are_said_in_the_run_s_language() {
    let ws = with_breach();
    for (lang, said) in [
        ("fr", ["est inutilisable", "schéma `ftp` inconnu"]),
        ("en", ["is not usable", "unknown scheme `ftp`"]),
    ] {
        let r = dpo(&ws, lang)
            .env("DPO_SMTP_URL", "ftp://mail.example.org")
            .run(&["breach", "notify", ID]);
        speaks(&ws, &r, lang, 2, &said);
    }
    let file = ws.path("document.txt");
    std::fs::write(&file, "texte\n").unwrap();
    let key = ws.path("no-key");
    for (lang, said) in [
        (
            "fr",
            ["pas de clé de signature", "conseil\u{202f}: créez-en une"],
        ),
        ("en", ["no signing key at", "hint: create one"]),
    ] {
        let r = dpo(&ws, lang).home(&ws.path("home")).run(&[
            "sign",
            file.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ]);
        speaks(&ws, &r, lang, 2, &said);
    }
}

#[test]
fn an_unfit_actor_is_refused_in_the_run_s_language() {
    let ws = Workspace::sample();
    for (lang, said) in [
        (
            "fr",
            ["qui agit\u{202f}?", "DPO_ACTOR est défini mais vide"],
        ),
        ("en", ["who is acting?", "DPO_ACTOR is set but empty"]),
    ] {
        let r = dpo(&ws, lang)
            .env("DPO_ACTOR", "")
            .run(&["journal", "note", "-m", "x"]);
        speaks(&ws, &r, lang, 2, &said);
    }
}

/// The sample workspace with the contacts requests and notices go to.
fn with_contacts() -> Workspace {
    Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts")
}

/// A run in `lang` at `now`, sending mail to a port nothing listens on.
fn unreachable(ws: &Workspace, lang: &str, now: &str, port: u16) -> crate::support::Dpo {
    dpo(ws, lang)
        .now(now)
        .env("DPO_SMTP_URL", format!("smtp://127.0.0.1:{port}"))
        .env("DPO_SMTP_FROM", "dpo@example.org")
}

#[test]
fn the_duties_refusals_and_failed_sendings_are_said_in_the_run_s_language() {
    let port = crate::support::smtp::free_port();
    for lang in ["fr", "en"] {
        let ws = with_contacts();
        let fr = lang == "fr";
        let pick = |f: &'static str, e: &'static str| if fr { f } else { e };
        // A sub-processor notice with « à compléter » in required fields.
        dpo(&ws, lang)
            .now("2021-03-01 10:00")
            .run(&[
                "subprocessor",
                "change",
                "siim94",
                "--contract-start",
                "2021-02-01",
            ])
            .assert_code(0);
        let notify = |extra: &[&str]| {
            let mut args = vec!["subprocessor", "notify"];
            args.extend_from_slice(extra);
            unreachable(&ws, lang, "2021-03-01 10:10", port).run(&args)
        };
        let r = notify(&[]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[
                pick(
                    "l'information écrite `2021-001` partirait avec «\u{202f}à compléter\u{202f}»",
                    "sub-processor notice `2021-001` would go out with",
                ),
                pick(
                    "conseil\u{202f}: complétez-les dans `subprocessors.yaml`",
                    "hint: fill them in `subprocessors.yaml`",
                ),
            ],
        );
        // Sent anyway, to a server that does not answer.
        let r = notify(&["--incomplete"]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[
                pick(
                    "l'information écrite `2021-001` pour la commune de Juvisy-sur-Orge\u{202f}: l'envoi a échoué",
                    "failed to send sub-processor notice `2021-001`",
                ),
                pick("connexion refusée", "Connection refused"),
            ],
        );
        // A request logged and forwarded at once, to that server.
        let r = unreachable(&ws, lang, "2021-03-26 11:00", port).run(&[
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "access",
            "--received-at",
            "2021-03-26 09:00",
            "--summary",
            "Accès",
        ]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[
                pick(
                    "la demande `2021-001`\u{202f}: l'enregistrement est fait mais le courriel n'a pas été envoyé",
                    "request `2021-001` is recorded but the e-mail was not sent",
                ),
                pick(
                    "la transmission de la demande `2021-001` pour la commune de Juvisy-sur-Orge\u{202f}: l'envoi a échoué",
                    "failed to send the forwarding of request `2021-001`",
                ),
            ],
        );
        // Records that do not exist.
        let r = dpo(&ws, lang).run(&["request", "forward", "2021-099"]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[pick("pas de demande `2021-099`", "no request `2021-099`")],
        );
        let r = dpo(&ws, lang).run(&["instruction", "object", "2021-009", "--reason", "r"]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[pick(
                "pas d'instruction `2021-009`",
                "no instruction `2021-009`",
            )],
        );
        // An audit pack with no key to sign it.
        let out = ws.path("pack");
        let r = dpo(&ws, lang)
            .env("DPO_SIGNING_KEY", ws.path("no-key"))
            .run(&["audit", "pack", "-o", out.to_str().unwrap()]);
        speaks(
            &ws,
            &r,
            lang,
            2,
            &[pick("pas de clé de signature", "no signing key at")],
        );
    }
}

#[test]
fn a_bag_before_the_keys_are_published_is_refused_in_the_run_s_language() {
    let ws = Workspace::fixture("fate-workspace");
    dpo(&ws, "fr").run(&["keys", "generate"]).assert_code(0);
    std::fs::remove_file(ws.root().join("keys/allowed_signers")).unwrap();
    std::fs::create_dir_all(ws.root().join("data/partages")).unwrap();
    std::fs::write(ws.root().join("data/partages/a.txt"), "a\n").unwrap();
    for (lang, said) in [
        (
            "fr",
            [
                "pas de fichier des signataires autorisés",
                "conseil\u{202f}: `dpo keys generate`",
            ],
        ),
        (
            "en",
            ["no allowed-signers file at", "hint: `dpo keys generate`"],
        ),
    ] {
        let r = dpo(&ws, lang).run(&[
            "fate",
            "bag",
            "partages",
            "--from",
            "data/partages",
            "--out",
            "media/bag",
        ]);
        speaks(&ws, &r, lang, 2, &said);
    }
}

#[test]
fn journal_show_says_the_notes_of_set_in_the_run_s_language() {
    let ws = with_breach();
    for (field, value) in [
        ("consequences", "Aucune"),
        ("nature.subjects_count", "1300"),
    ] {
        dpo(&ws, "fr")
            .run(&["breach", "set", ID, field, value])
            .assert_code(0);
    }
    // The journal keeps its English text; `journal show` says it.
    let first = ws.journal().iter().rev().nth(1).unwrap()["text"].clone();
    assert!(
        first.as_str().unwrap().contains("old value SHA-256 none"),
        "{first}"
    );
    let (aucune, old, new) = (
        sha256sum_of("\"Aucune\""),
        sha256sum_of("1200"),
        sha256sum_of("1300"),
    );
    for (lang, said) in [
        (
            "fr",
            [
                format!("`consequences` renseigné dans `{BREACH}`\u{202f}: pas d'ancienne valeur, SHA-256 de la nouvelle {aucune}"),
                format!("`nature.subjects_count` modifié dans `{BREACH}`\u{202f}: SHA-256 de l'ancienne valeur {old}, de la nouvelle {new}"),
            ],
        ),
        (
            "en",
            [
                format!("set `consequences` in `{BREACH}`: no old value, SHA-256 of the new value {aucune}"),
                format!("set `nature.subjects_count` in `{BREACH}`: SHA-256 of the old value {old}, of the new value {new}"),
            ],
        ),
    ] {
        let r = dpo(&ws, lang).run(&["journal", "show"]);
        let said: Vec<&str> = said.iter().map(String::as_str).collect();
        speaks(&ws, &r, lang, 0, &said);
    }
}

/// The SHA-256 of `text`, as `sha256sum` gives it.
fn sha256sum_of(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("v");
    std::fs::write(&p, text).unwrap();
    sha256sum(&p)
}

#[test]
fn english_counts_take_their_plural_and_french_its_own() {
    let ws = Workspace::sample();
    // Two renewals recorded where the convention allows one.
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws.read(file).replacen(
        "  renewals: []\n",
        "  renewals:\n    - {decided_on: 2021-06-01, months: 6}\n    - {decided_on: 2021-12-01, months: 6}\n",
        1,
    );
    ws.write(file, &text);
    // A measure tested every month, last more than a month ago.
    let file = "security-measures.yaml";
    let text = ws.read(file).replacen(
        "    last_tested: null\n",
        "    last_tested: 2021-01-04\n    test_interval_months: 1\n",
        1,
    );
    ws.write(file, &text);
    for (lang, said) in [
        (
            "fr",
            [
                "la convention permet une reconduction mais 2 sont enregistrées",
                "chaque mois",
            ],
        ),
        (
            "en",
            [
                "the convention allows one renewal but 2 are recorded",
                "every month",
            ],
        ),
    ] {
        let r = dpo(&ws, lang).run(&["check"]);
        assert_eq!(r.code(), Some(2), "{lang}: {}", r.text());
        assert!(!r.text().contains("(s)"), "{lang}: {}", r.text());
        // The two lines, in one language.
        for said in said {
            let line = r
                .text()
                .lines()
                .find(|l| l.contains(said))
                .map(str::to_string);
            let line = line.unwrap_or_else(|| panic!("{lang}: no {said:?} in\n{}", r.text()));
            let f = faults(lang, &line);
            assert!(f.is_empty(), "{f:#?}\n{line}");
        }
    }
    // A breach just opened cannot be notified: its missing fields counted.
    let ws = Workspace::sample();
    dpo(&ws, "fr")
        .now("2021-03-26 11:00")
        .run(&[
            "breach",
            "open",
            "--title",
            "Perte",
            "--aware-at",
            "2021-03-26 10:00",
        ])
        .assert_code(0);
    for (lang, said) in [
        (
            "fr",
            "champs obligatoires ne sont ni renseignés ni différés",
        ),
        ("en", "required fields are neither filled nor deferred"),
    ] {
        let r = dpo(&ws, lang)
            .now("2021-03-26 11:00")
            .run(&["breach", "notify", ID, "--dry-run"]);
        assert!(!r.text().contains("(s)"), "{lang}: {}", r.text());
        assert!(r.text().contains(said), "{lang}: {}", r.text());
    }
}

#[test]
fn a_recipient_s_address_refused_is_named_in_the_run_s_language() {
    let ws = with_contacts();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws
        .read(file)
        .replacen("email: dgs@juvisy.example", "email: \"dgs chez juvisy\"", 1);
    ws.write(file, &text);
    dpo(&ws, "fr")
        .now("2021-03-26 11:00")
        .run(&[
            "instruction",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--from",
            "DGS",
            "--at",
            "2021-03-26 10:00",
            "--summary",
            "s",
        ])
        .assert_code(0);
    let port = crate::support::smtp::free_port();
    let r = unreachable(&ws, "fr", "2021-03-26 11:00", port).run(&[
        "instruction",
        "object",
        "2021-001",
        "--reason",
        "r",
    ]);
    let said = "le contact pour les avis de `juvisy-sur-orge` (contacts.notices.email ou dpo.email dans controllers/juvisy-sur-orge.yaml) `dgs chez juvisy` n'est pas une adresse électronique valide";
    assert_eq!(r.code(), Some(2), "{}", r.text());
    assert!(r.text().contains(said), "{}", r.text());
    assert!(
        r.text()
            .contains("l'avis d'objection de l'instruction `2021-001` pour la commune de Juvisy-sur-Orge\u{202f}: l'envoi a échoué"),
        "{}",
        r.text()
    );
    let r = unreachable(&ws, "en", "2021-03-26 11:00", port).run(&[
        "instruction",
        "notify",
        "2021-001",
    ]);
    assert!(
        r.text().contains("the notice contact of `juvisy-sur-orge` (contacts.notices.email or dpo.email in controllers/juvisy-sur-orge.yaml) `dgs chez juvisy` is not a valid e-mail address"),
        "{}",
        r.text()
    );
}
