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
//!
//! Every document and e-mail template is rendered too, in both languages,
//! by the commands a DPO runs (`every_document_e_mail_and_hint_…`): the
//! register, the breach notice (PDF and e-mail), its supplement, report and
//! `breach show`, the request forward, the objection and transfer notices,
//! the sub-processor notice (PDF and e-mail), the certificate, the signature
//! blocks and the audit pack's text files — the PDFs read back with
//! `pdftotext`, the e-mails as a real SMTP server on loopback received them
//! — with the "next" hint of every command that gives one. In French, the
//! PDFs' text layer is read glyph by glyph as well ([`pdf_text_layer`]):
//! `pdftotext` shows a narrow no-break space as a plain space.

use std::path::{Path, PathBuf};

use crate::support::breach::call_mme_martin;
use crate::support::fate::destroy_complete_args;
use crate::support::language::{data_of, faults, pdf_text_layer, pdf_text_pieces, without_data};
use crate::support::mail::received;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::status::subprocessor_nouveau;
use crate::support::tools::pdftotext;
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
        "controllers/juvisy-sur-orge.yaml:42:16: convention.term_months\u{202f}: type invalide\u{202f}: le texte \"six\", alors que le champ attend un nombre entier",
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

/// What a DPO reads along the journeys of one language: the terminal, the
/// e-mails received, the documents as text, and the PDFs made.
struct Journey {
    lang: &'static str,
    server: SmtpServer,
    /// The terminal, the e-mails (subject and body) and the text files.
    read: String,
    /// Every PDF made or received.
    pdfs: Vec<PathBuf>,
    /// The workspaces' own words, and the arguments typed.
    data: Vec<String>,
}

impl Journey {
    fn new(lang: &'static str) -> Self {
        Journey {
            lang,
            server: SmtpServer::start(Mode::Plain),
            read: String::new(),
            pdfs: Vec::new(),
            data: Vec::new(),
        }
    }

    /// Runs `args` on `ws` at `now` (exit 0 or 1) and keeps what it printed;
    /// the arguments are the DPO's words, taken out as data.
    fn run(&mut self, ws: &Workspace, now: &str, args: &[&str]) -> String {
        let mut all = vec!["--lang", self.lang, "--now", now];
        all.extend_from_slice(args);
        let o = ws.dpo().smtp(&self.server).run(&all);
        assert!(
            o.code().is_some_and(|c| c < 2),
            "{}: {args:?}: {}",
            self.lang,
            o.text()
        );
        self.data.extend(args.iter().map(|a| a.to_string()));
        self.read.push_str(&o.text());
        self.read.push('\n');
        o.text()
    }

    /// A text file as written.
    fn text(&mut self, path: &Path) {
        let t = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        self.read.push_str(&t);
        self.read.push('\n');
    }

    /// The `n` e-mails received so far: subject, body and attachments.
    fn mail(&mut self, n: usize) {
        for m in received(&self.server, n) {
            for key in ["subject", "body"] {
                self.read.push_str(m[key].as_str().unwrap_or_default());
                self.read.push('\n');
            }
            for a in m["attachments"].as_array().cloned().unwrap_or_default() {
                self.pdfs
                    .push(PathBuf::from(a["path"].as_str().unwrap_or_default()));
            }
        }
    }

    /// The faults of everything read, the workspaces' words taken out.
    fn faults(&mut self, workspaces: &[&Workspace]) -> Vec<String> {
        for ws in workspaces {
            data_of(ws.root(), &mut self.data);
        }
        // The breach as written by hand, before `breach set` changed it.
        data_of(&crate::support::fixture("breach-records"), &mut self.data);
        let lang = self.lang;
        // Wrapped lines: white space is one space on both sides (ASCII white
        // space only: French typography is checked on the no-break spaces).
        // In English, the workspace's French text keeps its bound spacing
        // (« 24 mars ; … » with U+202F): it is compared as plain spaces.
        let one = |s: &str| {
            s.split(|c: char| {
                c.is_ascii_whitespace() || (lang == "en" && matches!(c, '\u{a0}' | '\u{202f}'))
            })
            .filter(|w| !w.is_empty())
            // A hash, a key or a signature (letters at random).
            .filter(|w| !(w.len() >= 16 && w.chars().any(|c| c.is_ascii_digit())))
            .collect::<Vec<_>>()
            .join(" ")
            // "§IV" in a value is typeset "§ IV".
            .replace("§ ", "§")
        };
        let mut data: Vec<String> = self.data.iter().map(|d| one(d)).collect();
        data.sort_by_key(|d| std::cmp::Reverse(d.len()));
        data.dedup();
        let mut out = Vec::new();
        let text = without_data(&one(&self.read), &data);
        out.extend(in_context(lang, &text, "terminal, e-mails and text files"));
        for pdf in &self.pdfs {
            // Line by line: a table cell wraps its value over several lines,
            // each a piece of one value of the workspace.
            // Piece by piece as drawn: a table cell wraps its value over
            // several lines, each a piece of one value of the workspace.
            let lines: Vec<String> = pdf_text_pieces(pdf)
                .lines()
                .map(|piece| without_data_piece(&one(piece), &data))
                .filter(|piece| !piece.is_empty())
                .collect();
            // pdftotext reads the same words (its white space aside): the
            // reader of the text layer reads what poppler reads.
            let layer = pdf_text_layer(pdf);
            // (poppler joins a word hyphenated at the end of a line)
            let joined: String = layer.chars().filter(|c| c.is_alphabetic()).collect();
            let poppler = pdftotext(pdf, &[]);
            let missing: Vec<&str> = poppler
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty() && !layer.contains(w) && !joined.contains(w))
                .collect();
            assert!(missing.is_empty(), "{}: {missing:?}", pdf.display());
            out.extend(
                in_context(lang, &lines.join("\n"), &pdf.display().to_string())
                    .into_iter()
                    // Typography is read on whole lines, below.
                    .filter(|f| !f.contains("U+202F")),
            );
            // French typography in the PDF's text layer itself.
            if lang == "fr" {
                let layer = without_data(&layer, &data);
                out.extend(
                    faults("fr", &layer)
                        .into_iter()
                        .filter(|f| f.contains("U+202F"))
                        .map(|f| format!("{} (text layer): {f}", pdf.display())),
                );
            }
        }
        out
    }
}

/// The faults of `text` in `lang`, each with the sentence or line it is
/// in, from `what`.
fn in_context(lang: &str, text: &str, what: &str) -> Vec<String> {
    text.split_inclusive(['\n', '.'])
        .flat_map(|chunk| {
            faults(lang, chunk).into_iter().map(move |f| {
                let c: String = chunk.trim().chars().take(160).collect();
                format!("{what}: {f} in «{c}»")
            })
        })
        .collect()
}

/// A line of a PDF without the workspace's words: the values it holds
/// whole, then, at its start, the end of a value begun on the line above
/// and, at its end, the start of one that goes on below; a line that is
/// all inside one value is nothing.
fn without_data_piece(line: &str, data: &[String]) -> String {
    let inside = |s: &str| s.chars().count() > 2 && data.iter().any(|d| d.contains(s));
    let mut line = line.to_string();
    loop {
        let mut words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let before = words.len();
        // A value taken out, at either end.
        while words.first() == Some(&"▢") {
            words.remove(0);
        }
        while words.last() == Some(&"▢") {
            words.pop();
        }
        // A separator between values ("—", "|", ";").
        while words
            .last()
            .is_some_and(|w| !w.chars().any(char::is_alphanumeric))
        {
            words.pop();
        }
        let n = words.len();
        if inside(words.join(" ").trim_matches(|c: char| !c.is_alphanumeric())) {
            return String::new();
        }
        // The end of a value begun above, the start of one going on below.
        // Quotes, brackets and list punctuation around a value are not its.
        let ends = |s: &str| {
            let s = s.trim_end_matches(|c: char| !c.is_alphanumeric());
            data.iter()
                .any(|d| d.ends_with(&format!(" {s}")) || d.contains(&format!(" {s},")))
        };
        let starts = |s: &str| {
            let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
            data.iter().any(|d| d.starts_with(&format!("{s} ")))
        };
        let head = (1..=n)
            .rev()
            .find(|&k| {
                let s = words[..k].join(" ");
                s.chars().count() > 2 && ends(&s)
            })
            .unwrap_or(0);
        words.drain(..head);
        let n = words.len();
        let tail = (1..=n)
            .rev()
            .find(|&k| {
                let s = words[n - k..].join(" ");
                s.chars().count() > 2 && starts(&s)
            })
            .unwrap_or(0);
        words.truncate(n - tail);
        // Then the values it holds whole, and again.
        let rest = without_data(&words.join(" "), data);
        if words.len() == before && rest == line {
            return rest;
        }
        line = rest;
    }
}

const CONTROLLER: &str = "juvisy-sur-orge";

/// The breach, request, instruction, sub-processor, register, signature
/// and audit journeys on `juvisy-workspace` with the controller's contacts.
fn journeys(j: &mut Journey) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    ws.write_breach_record("2021-001");
    let out = |rel: &str| ws.path(rel).display().to_string();
    let at = |j: &mut Journey, now: &str, args: &[&str]| {
        j.run(&ws, now, args);
    };
    // A breach: adopted, shown, notified (e-mail and call), a supplement,
    // its report, closed; another opened on the command line and deferred.
    at(
        j,
        "2021-03-26 10:30",
        &[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "fiche écrite à la main",
        ],
    );
    at(
        j,
        "2021-03-26 10:35",
        &[
            "breach",
            "defer",
            "2021-001",
            "consequences",
            "--reason",
            "analyse en cours",
        ],
    );
    at(j, "2021-03-26 10:40", &["breach", "show", "2021-001"]);
    at(j, "2021-03-26 11:00", &["breach", "notify", "2021-001"]);
    at(
        j,
        "2021-03-26 11:10",
        &call_mme_martin("2021-001", None, "notification confirmée"),
    );
    at(
        j,
        "2021-03-27 09:00",
        &[
            "breach",
            "set",
            "2021-001",
            "consequences",
            "Indisponibilité des actes",
        ],
    );
    at(j, "2021-03-27 09:10", &["breach", "supplement", "2021-001"]);
    at(j, "2021-03-27 09:15", &["breach", "show", "2021-001"]);
    at(
        j,
        "2021-03-27 09:20",
        &["breach", "report", "2021-001", "-o", &out("rapport.pdf")],
    );
    at(
        j,
        "2021-03-28 09:00",
        &["breach", "close", "2021-001", "--summary", "Incident clos"],
    );
    at(
        j,
        "2021-03-28 10:00",
        &[
            "breach",
            "open",
            "--title",
            "Perte",
            "--aware-at",
            "2021-03-28 09:00",
        ],
    );
    at(
        j,
        "2021-03-28 10:05",
        &[
            "breach",
            "defer",
            "2021-002",
            "consequences",
            "--reason",
            "enquête",
        ],
    );
    at(j, "2021-03-28 10:10", &["breach", "list"]);
    // A call logged before the e-mail: the hint says the e-mail is due.
    at(
        j,
        "2021-03-28 10:15",
        &call_mme_martin("2021-002", None, "prévenue"),
    );
    // A new workspace.
    at(j, "2021-03-28 10:20", &["init", &out("nouveau")]);
    // The new breach file's comments are read by whoever fills it in.
    let record = ws.read("breaches/2021-002.yaml");
    j.read.extend(
        record
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(|l| format!("{l}\n")),
    );
    // Requests: one forwarded at once, one later.
    for (now, right, summary, more) in [
        ("2021-03-29 09:00", "erasure", "Effacement du compte", None),
        (
            "2021-03-29 09:10",
            "access",
            "Copie du dossier",
            Some("--no-forward"),
        ),
    ] {
        let mut args = vec![
            "request",
            "log",
            "--controller",
            CONTROLLER,
            "--right",
            right,
            "--received-at",
            "2021-03-29 08:00",
            "--summary",
            summary,
        ];
        args.extend(more);
        at(j, now, &args);
    }
    at(j, "2021-03-29 09:20", &["request", "forward", "2021-002"]);
    at(j, "2021-03-29 09:30", &["request", "list"]);
    // Instructions: an objection, a transfer required by law.
    let instruction = |summary: &'static str| {
        vec![
            "instruction",
            "log",
            "--controller",
            CONTROLLER,
            "--from",
            "Directrice générale des services",
            "--at",
            "2021-03-30 08:00",
            "--summary",
            summary,
            "--reference",
            "courriel du 30 mars",
        ]
    };
    at(
        j,
        "2021-03-30 09:00",
        &instruction("Conserver les sauvegardes sans limite"),
    );
    at(
        j,
        "2021-03-30 09:30",
        &[
            "instruction",
            "object",
            "2021-001",
            "--reason",
            "Conservation illimitée",
        ],
    );
    let mut transfer = instruction("Communication des journaux");
    transfer.extend([
        "--transfer-country",
        "Suisse",
        "--legal-basis",
        "Commission rogatoire",
    ]);
    at(j, "2021-03-30 10:00", &transfer);
    at(j, "2021-03-30 10:10", &["instruction", "list"]);
    // A new sub-processor and its notice.
    at(
        j,
        "2021-03-31 09:00",
        &[
            "subprocessor",
            "add",
            "ovh",
            "--name",
            "OVH SAS",
            "--activity",
            "hébergement",
            "--controller",
            CONTROLLER,
            "--contract-start",
            "2021-04-15",
        ],
    );
    at(
        j,
        "2021-03-31 09:10",
        &["subprocessor", "notify", "--incomplete"],
    );
    at(j, "2021-03-31 09:20", &["subprocessor", "list"]);
    // The register, keys and signatures, the audit pack, the journal, status.
    at(
        j,
        "2021-04-01 09:00",
        &["register", "--format", "md", "-o", &out("registre.md")],
    );
    at(
        j,
        "2021-04-01 09:05",
        &["register", "--format", "pdf", "-o", &out("registre.pdf")],
    );
    at(j, "2021-04-01 09:10", &["keys", "generate"]);
    at(j, "2021-04-01 09:15", &["keys", "show"]);
    at(j, "2021-04-01 09:20", &["sign", &out("registre.pdf")]);
    at(j, "2021-04-01 09:25", &["verify", &out("registre.pdf")]);
    at(
        j,
        "2021-04-01 09:30",
        &["audit", "pack", "-o", &out("pack")],
    );
    at(j, "2021-04-01 09:35", &["journal", "show"]);
    at(j, "2021-04-01 09:40", &["journal", "verify"]);
    at(j, "2021-04-01 09:45", &["status"]);
    at(j, "2021-04-01 09:50", &["check"]);
    // Notice, call reminder… : 1 notification, 1 supplement, 2 forwards,
    // 1 objection, 1 transfer notice, 1 sub-processor notice.
    j.mail(7);
    for rel in [
        "registre.md",
        "pack/VERIFY.txt",
        "pack/journal/verification.txt",
    ] {
        j.text(&ws.path(rel));
    }
    let mut pdfs = Vec::new();
    collect_pdfs(&ws.path("pack"), &mut pdfs);
    j.pdfs.extend(pdfs);
    j.pdfs
        .extend([ws.path("rapport.pdf"), ws.path("registre.pdf")]);
    ws
}

/// The end of the convention on `fate-workspace`: every copy handed over or
/// destroyed, the residual scan, the certificate.
fn fate_journey(j: &mut Journey) -> Workspace {
    let ws = Workspace::fixture("fate-workspace");
    let now = "2021-08-02 10:00";
    let data = |rel: &str, bytes: &[u8]| {
        let p = ws.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    data("data/partages/a.txt", b"acte 2021-001\n");
    data("data/sauvegardes/job.vbk", &[0x17u8; 4096]);
    for args in [
        &["keys", "generate"][..],
        &["fate", "list"],
        &["fate", "fingerprint", "partages", "data/partages"],
        &[
            "fate",
            "bag",
            "partages",
            "--from",
            "data/partages",
            "--out",
            "media/partages",
        ],
        &["fate", "verify-bag", "media/partages"],
    ] {
        j.run(&ws, now, args);
    }
    for (item, copy) in [
        ("partages", "live"),
        ("partages", "snapshots"),
        ("sauvegardes", "depot"),
        ("sauvegardes", "bandes"),
    ] {
        j.run(&ws, now, &destroy_complete_args(item, copy));
    }
    // A copy left behind: the scan finds it (exit 1), the certificate is
    // refused; once removed, the scan is clean.
    j.run(&ws, now, &["fate", "scan", "partages", "data"]);
    j.run(&ws, now, &["fate", "certify"]);
    std::fs::remove_dir_all(ws.path("data/partages")).unwrap();
    j.run(&ws, now, &["fate", "scan", "partages", "data"]);
    j.run(&ws, now, &["fate", "list"]);
    j.run(&ws, now, &["fate", "certify", "-o", "out/certificat.pdf"]);
    j.run(&ws, now, &["status"]);
    j.pdfs.push(ws.path("out/certificat.pdf"));
    ws
}

fn collect_pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x == "pdf") {
            out.push(p);
        }
    }
}

#[test]
fn every_document_e_mail_and_hint_speaks_one_language() {
    for lang in ["fr", "en"] {
        let mut j = Journey::new(lang);
        let ws = journeys(&mut j);
        let fate = fate_journey(&mut j);
        // Each template was met: the PDFs of the pack and the e-mails…
        assert!(j.pdfs.len() >= 10, "{:?}", j.pdfs);
        // …and every hint.
        let hints: &[&str] = if lang == "fr" {
            &[
                "suite\u{202f}: modifiez les fichiers YAML",
                "suite\u{202f}: complétez",
                "suite\u{202f}: chaque champ requis",
                "suite\u{202f}: envoyez ces informations avec `dpo breach supplement",
                "suite\u{202f}: APPELEZ",
                "suite\u{202f}: le courriel de notification",
                "suite\u{202f}: `dpo fate certify",
                "suite\u{202f}: `dpo fate list",
                "suite\u{202f}: `dpo fate verify-bag",
                "suite\u{202f}: la prochaine fois, `dpo fate fingerprint",
                "suite\u{202f}: lancez `dpo request forward",
                "suite\u{202f}: envoyez-les avec `dpo subprocessor notify`",
                "suite\u{202f}: vérifiez-le, dans",
                "suite\u{202f}: donnez l'empreinte",
                "suite\u{202f}: vérifiez-le avec",
                "suite\u{202f}: vérifiez-le à tout moment",
                "suite\u{202f}: détruisez ces fichiers",
            ]
        } else {
            &[
                "next: edit the YAML files",
                "next: fill in",
                "next: every required field",
                "next: send them with `dpo breach supplement",
                "next: CALL",
                "next: the notification e-mail",
                "next: `dpo fate certify",
                "next: `dpo fate list",
                "next: `dpo fate verify-bag",
                "next: next time, `dpo fate fingerprint",
                "next: run `dpo request forward",
                "next: send them with `dpo subprocessor notify`",
                "next: check it, in",
                "next: give the controller the fingerprint",
                "next: check it with",
                "next: check it any time",
                "next: destroy these files",
            ]
        };
        // A breach field is said in words, with the key to type beside it.
        let field = if lang == "fr" {
            "conséquences probables de la violation (`consequences`)"
        } else {
            "likely consequences of the breach (`consequences`)"
        };
        assert!(j.read.contains(field), "{field} not in:\n{}", j.read);
        let missing: Vec<&&str> = hints.iter().filter(|h| !j.read.contains(**h)).collect();
        assert!(missing.is_empty(), "{missing:?} not in:\n{}", j.read);
        let f = j.faults(&[&ws, &fate]);
        assert!(f.is_empty(), "{}", f.join("\n"));
    }
}

#[test]
fn a_french_pdf_keeps_its_narrow_no_break_spaces_in_its_text_layer() {
    let ws = Workspace::sample();
    let pdf = ws.path("registre.pdf");
    let o = ws.dpo().now(NOW).run(&[
        "register",
        "--format",
        "pdf",
        "-o",
        &pdf.display().to_string(),
    ]);
    o.assert_code(0);
    let layer = pdf_text_layer(&pdf);
    // The glyph is in the PDF, mapped to U+202F: before a colon, inside « ».
    assert!(layer.contains("\u{202f}:"), "{layer}");
    assert!(layer.contains("«\u{202f}"), "{layer}");
    let f: Vec<String> = faults("fr", &layer)
        .into_iter()
        .filter(|f| f.contains("U+202F"))
        .collect();
    assert!(f.is_empty(), "{f:#?}");
    // pdftotext (poppler) drops every white-space glyph and puts a plain
    // space where it sees a gap: it cannot tell the two apart.
    let poppler = pdftotext(&pdf, &[]);
    assert!(
        !poppler.contains('\u{202f}'),
        "poppler now keeps U+202F: read it with pdftotext"
    );
    // And the reader fails when the glyph is a plain space.
    assert!(!faults("fr", "Version : v1").is_empty());
}

#[test]
fn the_data_of_a_pdf_line_is_taken_out_and_nothing_else() {
    let data = [
        "Sauvegarde des serveurs de la ville présents sur l'infrastructure".to_string(),
        "délégué à la protection des données".to_string(),
    ];
    // A line inside a value, its end, its start: all data.
    assert_eq!(without_data_piece("serveurs de la ville", &data), "");
    assert_eq!(
        without_data_piece("de la ville présents sur l'infrastructure — data:", &data),
        "data:"
    );
    assert_eq!(
        without_data_piece("the officer: délégué à la", &data),
        "the officer:"
    );
    // The tool's own words stay, and are caught.
    let kept = without_data_piece("date de la notification", &data);
    assert_eq!(kept, "date de la notification");
    assert!(!faults("en", &kept).is_empty());
}

#[test]
fn status_says_what_is_missing_in_words_and_json_keeps_the_codes() {
    let ws = Workspace::fixture("status-overdue");
    for (lang, want) in [
        (
            "fr",
            [
                "manque\u{202f}: date du dernier test",
                "manque\u{202f}: date de l'engagement de confidentialité signé",
                "manque\u{202f}: l'inventaire des données et de leurs copies",
            ],
        ),
        (
            "en",
            [
                "missing: date of the last test",
                "missing: date of the signed confidentiality commitment",
                "missing: the inventory of the data and its copies",
            ],
        ),
    ] {
        let o = ws.dpo().now(NOW).run(&["--lang", lang, "status"]);
        o.assert_code(1);
        let out = o.stdout();
        for w in want {
            assert!(out.contains(w), "{w} not in:\n{out}");
        }
        for code in ["last_tested", "confidentiality_commitment", "fate_file"] {
            assert!(!out.contains(code), "{code} in:\n{out}");
        }
    }
    let v = ws.dpo().now(NOW).run(&["--json", "status"]).json();
    let codes = v["items"].to_string();
    for code in ["last_tested", "confidentiality_commitment", "fate_file"] {
        assert!(codes.contains(code), "{code} not in {codes}");
    }
    // The copies the certificate waits for, named as `fate list` names them.
    let fate = Workspace::fixture("fate-workspace");
    let out = fate
        .dpo()
        .now("2021-09-01 10:00")
        .run(&["--lang", "en", "status"])
        .stdout();
    assert!(
        out.contains("missing: item `partages`, copy `live` of item `partages`"),
        "{out}"
    );
}

#[test]
fn journal_show_says_each_action_in_words_at_local_time_and_keeps_the_code() {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    let run = |now: &str, args: &[&str]| ws.dpo().now(now).run(args).assert_code(0);
    run(
        "2021-03-26 10:30",
        &[
            "record",
            "adopt",
            "breaches/2021-001.yaml",
            "--reason",
            "fiche",
        ],
    );
    // A dry run is journaled as a step of the notification.
    run(
        "2021-03-26 11:00",
        &["breach", "notify", "2021-001", "--dry-run"],
    );
    run(
        "2021-07-01 09:00",
        &["journal", "note", "-m", "Réunion\nsuite lundi"],
    );
    for (lang, rows) in [
        (
            "fr",
            [
                "modification faite hors de dpo adoptée",
                "notification d'une violation\u{202f}: essai, message écrit sans être envoyé",
                "1er juillet 2021 à 09:00 (UTC+02:00)",
            ],
        ),
        (
            "en",
            [
                "change made outside dpo adopted",
                "breach notification: dry run, message written, not sent",
                "1 July 2021, 09:00 (UTC+02:00)",
            ],
        ),
    ] {
        let o = ws.dpo().run(&["--lang", lang, "journal", "show"]);
        o.assert_code(0);
        let out = o.stdout();
        for r in rows {
            assert!(out.contains(r), "{r} not in:\n{out}");
        }
        // The code stays in its column; a note's text under its entry.
        for code in ["record.adopt", "breach.dry-run", "journal.note"] {
            assert!(out.contains(code), "{code} not in:\n{out}");
        }
        assert!(out.contains("26 ") && !out.contains("T09:30:00Z"), "{out}");
        assert!(
            out.contains("| Réunion\n") && out.contains("| suite lundi\n"),
            "{out}"
        );
        let f = faults(
            lang,
            &without_data(
                &out,
                &["Réunion".into(), "suite lundi".into(), "test".into()],
            ),
        );
        assert!(f.is_empty(), "{f:#?}\n{out}");
    }
    // --json keeps the entries as they are.
    let v = ws.dpo().run(&["--json", "journal", "show"]).json();
    assert_eq!(v[0]["action"], "record.adopt");
    assert!(
        v[0]["at"].as_str().unwrap_or_default().ends_with('Z'),
        "{v}"
    );
}

#[test]
fn the_audit_pack_s_verification_is_in_the_pack_s_language() {
    for (lang, controller, want) in [
        (
            "fr",
            None,
            "vérification du journal (dpo journal verify)\u{202f}: journal intact\u{202f}: ",
        ),
        (
            "en",
            Some("juvisy-sur-orge"),
            "journal verification (dpo journal verify): journal intact: ",
        ),
        (
            "fr",
            Some("juvisy-sur-orge"),
            "extrait pour juvisy-sur-orge\u{202f}: aucune entrée concernant d'autres responsables de traitement n'a été écartée\u{202f}; chaque entrée gardée",
        ),
    ] {
        let ws = Workspace::fixture("juvisy-workspace");
        ws.dpo().now(NOW).run(&["keys", "generate"]).assert_code(0);
        let pack = ws.path("pack");
        let mut args = vec!["--lang", lang, "audit", "pack", "-o"];
        let p = pack.display().to_string();
        args.push(&p);
        if let Some(c) = controller {
            args.extend(["--controller", c]);
        }
        ws.dpo().now(NOW).run(&args).assert_code(0);
        let text = std::fs::read_to_string(pack.join("journal/verification.txt")).unwrap();
        assert!(text.contains(want), "{want} not in:\n{text}");
        let verify = std::fs::read_to_string(pack.join("VERIFY.txt")).unwrap();
        let f = faults(lang, &without_data(&format!("{text}\n{verify}"), &[]));
        assert!(f.is_empty(), "{f:#?}\n{text}\n{verify}");
    }
}
