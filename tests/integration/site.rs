//! The static HTML dossier (`dpo site`): issue 13.
//!
//! The site of `tests/fixtures/status-two-controllers` (breach 2021-001 of
//! Alpha never notified, overdue on 30 March 2021; breach 2021-002 of Bravo
//! notified by e-mail, its `.eml` kept) is opened in a real headless
//! Chromium from `file://` (`--dump-dom`, `--screenshot`, `--log-net-log`),
//! and every page is parsed by Python's html5lib in strict mode
//! (`support/site_check.py`: links, headings, tables, the contrast of every
//! colour pair of the stylesheet).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::fate::ready_to_certify;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{run, sha256sum};
use crate::support::{Run, Workspace};

const NOW: &str = "2021-03-30T10:00:00+02:00";

/// `dpo site -o <tmp>/site` with `extra` arguments, at [`NOW`].
fn site(ws: &Workspace, extra: &[&str]) -> (PathBuf, Run) {
    let dir = ws.path("site");
    let mut args = vec!["site", "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = ws.dpo().now(NOW).run(&args);
    (dir, out)
}

fn built(ws: &Workspace, extra: &[&str]) -> PathBuf {
    let (dir, out) = site(ws, extra);
    assert_eq!(out.code(), Some(0), "{}", out.text());
    dir
}

/// Chromium, headless, with the flags these machines need and an empty
/// profile of its own.
fn chromium(args: &[&str]) -> Run {
    let profile = tempfile::tempdir().unwrap();
    let out = run(Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args));
    assert!(out.success(), "chromium {args:?}: {}", out.text());
    out
}

fn url(page: &Path) -> String {
    format!("file://{}", page.display())
}

/// The DOM of `page` after Chromium loaded it.
fn dom(page: &Path) -> String {
    chromium(&["--dump-dom", &url(page)]).stdout_utf8()
}

/// `support/site_check.py DIR LANG`: its JSON report and whether it passed.
fn check(dir: &Path, lang: &str) -> (serde_json::Value, bool) {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/support/site_check.py");
    let out = run(Command::new("python3").arg(script).arg(dir).arg(lang));
    let v: serde_json::Value = serde_json::from_str(&out.stdout())
        .unwrap_or_else(|e| panic!("site_check.py: {e}: {}", out.text()));
    (v, out.success())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            files(&e.path(), out);
        } else {
            out.push(e.path());
        }
    }
}

fn all_text(dir: &Path) -> String {
    let mut all = Vec::new();
    files(dir, &mut all);
    all.iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_home_page_in_chromium_shows_the_overdue_breach_first() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let dom = dom(&dir.join("index.html"));
    assert!(dom.contains("<html lang=\"fr\">"), "{dom}");
    let body = &dom[dom.find("<tbody>").expect("the duties")..];
    let first = &body[..body.find("</tr>").unwrap()];
    assert!(first.contains("class=\"overdue\""), "{first}");
    assert!(first.contains("EN RETARD"), "{first}");
    assert!(first.contains("href=\"breach-2021-001.html\""), "{first}");
    // The summary line, and the overdue in words, not only in red.
    assert!(
        dom.contains("2 en retard, 6 incomplets, 0 dans les 7 jours"),
        "{dom}"
    );
    // Every page names what it was built from.
    let footer = &dom[dom.find("<footer>").unwrap()..];
    assert!(footer.contains("SHA-256"), "{footer}");
    assert!(footer.contains("entrée 0"), "{footer}");
    // A screenshot for a person to look at.
    let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-home.png");
    let _ = std::fs::remove_file(&png);
    chromium(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1280,1600",
        &url(&dir.join("index.html")),
    ]);
    let bytes = std::fs::read(&png).expect("the screenshot");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{}",
        bytes.len()
    );
}

#[test]
fn a_breach_page_in_chromium_shows_its_timeline_and_its_evidence() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let dom = dom(&dir.join("breach-2021-002.html"));
    let timeline = &dom[dom.find("<h2>Chronologie</h2>").expect("a timeline")..];
    let rows: Vec<&str> = timeline[..timeline.find("</table>").unwrap()]
        .split("<tr>")
        .skip(2)
        .collect();
    let at = |words: &str| {
        rows.iter()
            .position(|r| r.contains(words))
            .unwrap_or_else(|| panic!("{words} not in {rows:#?}"))
    };
    // In order, each instant in Paris time with its offset.
    assert!(at("découverte") < at("prise de connaissance"));
    assert!(at("prise de connaissance") < at("notification par courriel"));
    let mail = rows[at("notification par courriel")];
    assert!(
        mail.contains("vendredi 26 mars 2021 à 12:00 (UTC+01:00)"),
        "{mail}"
    );
    assert!(mail.contains("250 OK"), "{mail}");
    assert!(mail.contains("2021-002.1.bravo@dpo-toolkit"), "{mail}");
    assert!(rows[at("échéance du sous-traitant")].contains("(UTC+02:00)"));
    // The kept e-mail as text, its digest, a relative link to the file.
    let eml = ws.root().join("evidence/breaches/2021-002-bravo.eml");
    assert!(dom.contains(&sha256sum(&eml)), "{dom}");
    // Its headers decoded in a table, its text as text (issue 13, D1).
    assert!(
        dom.contains("<td>Expéditeur (From)</td><td>DPO@grandorlyseinebievre.fr</td>"),
        "{dom}"
    );
    assert!(
        dom.contains("<pre class=\"mail\">Commune de Bravo"),
        "{dom}"
    );
    assert!(dom.contains("href=\"files/evidence/breaches/2021-002-bravo.eml\""));
    assert_eq!(
        std::fs::read(dir.join("files/evidence/breaches/2021-002-bravo.eml")).unwrap(),
        std::fs::read(&eml).unwrap()
    );
}

/// The URLs of the requests in a Chromium net log that the page made:
/// every request but the browser's own (initiator "not an origin").
fn page_requests(log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(log).unwrap();
    // Chromium may end the log without closing it.
    let v: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("a net log");
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| {
            let p = &e["params"];
            let url = p["url"].as_str()?;
            (p.get("initiator").is_some() && p["initiator"] != "not an origin")
                .then(|| url.to_string())
        })
        .filter(|u| {
            !["file:", "data:", "about:", "chrome:"]
                .iter()
                .any(|s| u.starts_with(s))
        })
        .collect()
}

fn net_log(page: &Path, log: &Path) -> Vec<String> {
    chromium(&[
        &format!("--log-net-log={}", log.display()),
        "--dump-dom",
        &url(page),
    ]);
    page_requests(log)
}

#[test]
fn no_request_leaves_the_machine() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let tmp = tempfile::tempdir().unwrap();
    // The check can fail: a page without the site's policy that loads an
    // image from the network is caught.
    let control = tmp.path().join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html lang=\"fr\"><title>x</title><img src=\"http://127.0.0.1:9/x.png\" alt=\"\"></html>",
    )
    .unwrap();
    let made = net_log(&control, &tmp.path().join("control.json"));
    assert!(
        made.iter().any(|u| u.starts_with("http://127.0.0.1:9/")),
        "{made:?}"
    );
    // Every page of the site loads nothing from outside; the same image
    // slipped into the home page is blocked by its Content-Security-Policy.
    let mut pages = Vec::new();
    files(&dir, &mut pages);
    for (n, page) in pages
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .enumerate()
    {
        let made = net_log(page, &tmp.path().join(format!("{n}.json")));
        assert!(made.is_empty(), "{}: {made:?}", page.display());
    }
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    std::fs::write(
        &index,
        html.replace(
            "<main id=\"main\">",
            "<main id=\"main\"><img src=\"http://127.0.0.1:9/x.png\" alt=\"\">",
        ),
    )
    .unwrap();
    let made = net_log(&index, &tmp.path().join("blocked.json"));
    assert!(made.is_empty(), "{made:?}");
}

#[test]
fn every_page_parses_every_link_resolves_and_contrast_and_headings_hold() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let (v, ok) = check(&dir, "fr");
    assert!(ok, "{v:#}");
    assert!(v["pages"].as_u64().unwrap() >= 12, "{v:#}");
    assert!(v["links"].as_u64().unwrap() > 100, "{v:#}");
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 10, "{v:#}");
    assert!(pairs.iter().all(|p| p[3].as_f64().unwrap() >= 4.5), "{v:#}");
    // The check can fail: a link to nothing, a skipped heading level, a
    // pale colour are each caught.
    let breach = dir.join("breach-2021-001.html");
    let html = std::fs::read_to_string(&breach).unwrap();
    std::fs::write(
        &breach,
        html.replacen("<h2>", "<h4>x</h4><a href=\"nowhere.html\">x</a><h2>", 1),
    )
    .unwrap();
    let css = dir.join("style.css");
    let text = std::fs::read_to_string(&css).unwrap();
    std::fs::write(
        &css,
        format!("{text}\n.pale {{ color: #aaaaaa; background-color: #ffffff; }}\n"),
    )
    .unwrap();
    let (v, ok) = check(&dir, "fr");
    assert!(!ok);
    let errors = v["errors"].to_string();
    assert!(errors.contains("nowhere.html"), "{errors}");
    assert!(errors.contains("h4 after h1"), "{errors}");
    assert!(errors.contains(".pale"), "{errors}");
}

#[test]
fn a_site_for_one_controller_names_nothing_of_another() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &["--controller", "alpha"]);
    let text = all_text(&dir);
    assert!(text.contains("2021-001"));
    assert!(text.contains("Commune d&apos;Alpha"));
    for other in ["bravo", "Bravo", "2021-002", "r-bravo"] {
        assert!(!text.contains(other), "{other} in the site of alpha");
    }
    let (v, ok) = check(&dir, "fr");
    assert!(ok, "{v:#}");
    // Alpha has no journal entry: said in words, not an empty table.
    let journal = std::fs::read_to_string(dir.join("journal.html")).unwrap();
    assert!(
        journal.contains("Le journal n&apos;a aucune entrée concernant alpha."),
        "{journal}"
    );
    assert!(!journal.contains("<table"), "{journal}");
    // The audit pack holds the site, restricted as the pack is.
    let out = ws.dpo().now(NOW).run(&["keys", "generate"]);
    assert!(out.success(), "{}", out.text());
    let pack = ws.path("pack");
    let out = ws.dpo().now(NOW).run(&[
        "audit",
        "pack",
        "-o",
        pack.to_str().unwrap(),
        "--controller",
        "alpha",
    ]);
    assert_eq!(out.code(), Some(0), "{}", out.text());
    let index = std::fs::read_to_string(pack.join("site/index.html")).unwrap();
    assert!(index.contains("breach-2021-001.html"));
    assert!(!all_text(&pack.join("site")).contains("Bravo"));
    let manifest = std::fs::read_to_string(pack.join("MANIFEST.sha256")).unwrap();
    assert!(manifest.contains("  site/index.html\n"), "{manifest}");
    // The site's journal says what the pack's verification says it left
    // out, and holds the entries of the pack's excerpt.
    let verification = std::fs::read_to_string(pack.join("journal/verification.txt")).unwrap();
    let left_out = verification
        .lines()
        .find(|l| l.starts_with("extrait pour alpha"))
        .expect("the excerpt's line");
    let site_journal = std::fs::read_to_string(pack.join("site/journal.html"))
        .unwrap()
        .replace("&apos;", "'");
    assert!(
        site_journal.contains(left_out),
        "{left_out}\n{site_journal}"
    );
    let excerpt = std::fs::read_to_string(pack.join("journal/journal-excerpt.jsonl")).unwrap();
    let body = site_journal.split("<tbody>").nth(1).unwrap_or_default();
    assert_eq!(
        body.matches("<tr>").count(),
        excerpt.lines().count(),
        "{site_journal}"
    );
}

#[test]
fn the_english_site_has_no_french_words_of_its_own() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &["--lang", "en"]);
    let (v, ok) = check(&dir, "en");
    assert!(ok, "{v:#}");
    let text = all_text(&dir);
    assert!(text.contains("Dashboard of the duties"));
    // A command a message names is code, never a literal backtick (the
    // check above looks at every page's text).
    assert!(text.contains("<code>dpo status</code>"), "no code span");
    assert!(text.contains("OVERDUE"));
    for french in [
        "Tableau de bord",
        "Chronologie",
        "Preuves",
        "EN RETARD",
        "Établi le",
        "Aller au contenu",
        "Registre",
        "Sort des données",
        "réponse du serveur",
        "empreinte",
    ] {
        assert!(!text.contains(french), "« {french} » in the English site");
    }
}

#[test]
fn wrong_input_is_refused_and_nothing_is_written() {
    let ws = Workspace::fixture("status-two-controllers");
    // An unknown controller.
    let (dir, out) = site(&ws, &["--controller", "nope"]);
    assert_eq!(out.code(), Some(2), "{}", out.text());
    assert!(!dir.exists());
    // A folder that holds something else.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let (_, out) = site(&ws, &[]);
    assert_eq!(out.code(), Some(2), "{}", out.text());
    out.assert_stderr_has("ni vide ni un dossier écrit par `dpo site`");
    let mut left = Vec::new();
    files(&dir, &mut left);
    assert_eq!(left, vec![dir.join("notes.txt")]);
    // Inside the workspace.
    let inside = ws.root().join("html");
    let out = ws
        .dpo()
        .now(NOW)
        .run(&["site", "-o", inside.to_str().unwrap()]);
    assert_eq!(out.code(), Some(2), "{}", out.text());
    assert!(!inside.exists());
    out.assert_stderr_has("est dans l'espace de travail");
    // From a subfolder of the workspace, the hint names a folder that is
    // outside it, and that folder is taken.
    for (lang, name) in [("fr", "dossier-html"), ("en", "html-dossier")] {
        let sub = ws.root().join("breaches");
        let out = ws
            .dpo()
            .now(NOW)
            .current_dir(&sub)
            .run(&["--lang", lang, "site", "-o", "html"]);
        assert_eq!(out.code(), Some(2), "{}", out.text());
        assert!(!sub.join("html").exists());
        let err = out.stderr();
        let at = err.find("`-o ").expect("a hint with -o") + 4;
        let named = &err[at..at + err[at..].find('`').unwrap()];
        assert_eq!(named, format!("../../{name}"), "{err}");
        let target = sub.join(named);
        let done = ws
            .dpo()
            .now(NOW)
            .current_dir(&sub)
            .run(&["--lang", lang, "site", "-o", named]);
        assert_eq!(done.code(), Some(0), "{}", done.text());
        assert!(target.join("index.html").is_file());
        assert!(!target.canonicalize().unwrap().starts_with(ws.root()));
        std::fs::remove_dir_all(&target).unwrap();
    }
    // `-o .` above the workspace: it holds the workspace (D5).
    let above = ws.root().parent().unwrap();
    let before = std::fs::read_dir(above).unwrap().count();
    let out = ws
        .dpo()
        .now(NOW)
        .current_dir(above)
        .run(&["site", "-o", "."]);
    assert_eq!(out.code(), Some(2), "{}", out.text());
    out.assert_stderr_has("`.` contient l'espace de travail");
    assert!(
        !out.stderr().contains("est dans l'espace de travail"),
        "{}",
        out.stderr()
    );
    assert_eq!(std::fs::read_dir(above).unwrap().count(), before);
    // An earlier site is replaced whole.
    std::fs::remove_dir_all(&dir).unwrap();
    let dir = built(&ws, &[]);
    std::fs::write(dir.join("stale.html"), "old").unwrap();
    let dir = built(&ws, &["--controller", "alpha"]);
    assert!(!dir.join("stale.html").exists());
    assert!(!dir.join("register-bravo.html").exists());
    assert!(dir.join("register-alpha.html").exists());
    // `--json` says what was written.
    let v = ws
        .dpo()
        .now(NOW)
        .run(&["--json", "site", "-o", dir.to_str().unwrap()])
        .json();
    assert_eq!(v["controller"], serde_json::Value::Null, "{v:#}");
    assert!(v["pages"].as_u64().unwrap() >= 12, "{v:#}");
    assert!(
        v["index"].as_str().unwrap().ends_with("index.html"),
        "{v:#}"
    );
    let siblings: Vec<_> = std::fs::read_dir(ws.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");
}

#[test]
fn a_certificate_is_shown_with_the_command_that_verifies_it_in_the_site() {
    let now = "2021-08-02T10:00:00+02:00";
    let ws = ready_to_certify(now);
    let out = ws.dpo().now(now).run(&["fate", "certify"]);
    assert_eq!(out.code(), Some(0), "{}", out.text());
    let dir = ws.path("site");
    let out = ws
        .dpo()
        .now(now)
        .run(&["site", "-o", dir.to_str().unwrap()]);
    assert_eq!(out.code(), Some(0), "{}", out.text());
    let (v, ok) = check(&dir, "fr");
    assert!(ok, "{v:#}");
    let dom = dom(&dir.join("fate.html"));
    assert!(dom.contains("détruite (vérifié)"), "{dom}");
    let start = dom.find("ssh-keygen -Y verify").expect("the command");
    let command = &dom[start..start + dom[start..].find("</code>").unwrap()];
    let command = command.replace("&lt;", "<").replace("&apos;", "'");
    // Run as the page says, in the site's folder: the signature verifies.
    let verified = run(Command::new("sh").arg("-c").arg(&command).current_dir(&dir));
    assert!(verified.success(), "{command}: {}", verified.text());
    assert!(
        verified
            .text()
            .contains("Good \"dpo-certificate\" signature"),
        "{}",
        verified.text()
    );
}

/// A real notification (`breach notify` through the loopback SMTP server):
/// quoted-printable French, RFC 2047 headers, the PDF attached in base64.
/// The breach page shows it decoded, lists the PDF by name, size and
/// SHA-256, and links the PDF extracted beside the raw `.eml` (D1).
#[test]
fn a_real_notification_is_shown_decoded_with_its_pdf_extracted_and_linked() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    let eml = "evidence/breaches/2021-001/juvisy-sur-orge-1.eml";
    let raw = std::fs::read_to_string(ws.root().join(eml)).unwrap();
    assert!(raw.contains("=C3=A9") && raw.contains("=?utf-8?"), "{raw}");
    let dir = built(&ws, &[]);
    let page = std::fs::read_to_string(dir.join("breach-2021-001.html")).unwrap();
    // Decoded: the subject, the sender's name, the body; no MIME left.
    assert!(
        page.contains("Notification de violation de données à caractère personnel — EPT Grand-Orly Seine Bièvre — 2021-001"),
        "{page}"
    );
    assert!(page.contains("Conformément à"), "{page}");
    assert!(
        page.contains("vendredi 26 mars 2021 à 11:00 (UTC+01:00)"),
        "{page}"
    );
    assert!(
        page.contains("<td>Identifiant (Message-ID)</td><td>")
            && page.contains(".breach-2021-001-1@"),
        "{page}"
    );
    for mime in ["=C3=A9", "=?utf-8?", "JVBERi0", "Content-Transfer-Encoding"] {
        assert!(!page.contains(mime), "{mime} in {page}");
    }
    // The raw message stays linked, with its digest checked.
    assert!(page.contains(&format!("href=\"files/{eml}\"")), "{page}");
    assert!(
        page.contains("Le fichier conservé a bien cette empreinte"),
        "{page}"
    );
    // No signature block for a report nobody signed (D4); the message
    // sent keeps its own.
    assert!(
        !page.contains("<strong>Nom du signataire</strong>"),
        "{page}"
    );
    assert!(!page.contains(">Signature</h"), "{page}");
    assert!(page.contains("Document établi le"), "{page}");
    // The PDF attached: extracted, linked, its name, size and digest said.
    let pdfs: Vec<PathBuf> =
        std::fs::read_dir(dir.join("files/evidence/breaches/2021-001/juvisy-sur-orge-1"))
            .expect("the attachments beside the message")
            .map(|e| e.unwrap().path())
            .collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let pdf = &pdfs[0];
    let name = pdf.file_name().unwrap().to_str().unwrap();
    assert!(name.ends_with(".pdf"), "{name}");
    assert!(std::fs::read(pdf).unwrap().starts_with(b"%PDF-"));
    assert!(
        page.contains(&format!(
            "href=\"files/evidence/breaches/2021-001/juvisy-sur-orge-1/{name}\""
        )),
        "{page}"
    );
    assert!(page.contains(&sha256sum(pdf)), "{page}");
    assert!(page.contains("Kio — SHA-256 "), "{page}");
    // The page still parses and every link resolves.
    let (report, ok) = check(&dir, "fr");
    assert!(ok, "{report:#}");
}

/// Every linked evidence file and certificate says whether it still has
/// the SHA-256 its record states, and the home page says how many errors
/// `dpo check` finds (D2). The fixture's request messages and certificates
/// are recorded with a digest of zeros.
#[test]
fn every_evidence_file_is_checked_against_its_digest_and_the_home_page_counts_check_errors() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    let requests = read("requests.html");
    let eml = ws.root().join("evidence/requests/r-alpha.eml");
    let item = &requests[requests
        .find("href=\"files/evidence/requests/r-alpha.eml\"")
        .expect("the message linked")..];
    let item = &item[..item.find("</ul>").unwrap()];
    assert!(
        item.contains(&format!(
            "<span class=\"state bad\">Le fichier conservé a une autre empreinte\u{a0}: {}",
            sha256sum(&eml)
        )) || item.contains(&format!(
            "<span class=\"state bad\">Le fichier conservé a une autre empreinte\u{202f}: {}",
            sha256sum(&eml)
        )),
        "{item}"
    );
    let fate = read("fate.html");
    let cert = ws.root().join("evidence/certificates/alpha.json");
    assert!(fate.contains(&sha256sum(&cert)), "{fate}");
    assert!(
        fate.matches("<span class=\"state bad\">Le fichier conservé a une autre empreinte")
            .count()
            >= 2,
        "{fate}"
    );
    // The count `dpo check` prints: its errors and the records that
    // disagree with the journal.
    let check = ws.dpo().now(NOW).run(&["--json", "check"]);
    let v: serde_json::Value = serde_json::from_str(&check.stdout()).unwrap();
    let n = v["errors"].as_u64().unwrap() + v["records"].as_array().unwrap().len() as u64;
    assert!(n > 1, "{v:#}");
    let home = read("index.html");
    assert!(
        home.contains(&format!(
            "<span class=\"state bad\"><code>dpo check</code> trouve {n} erreurs dans l&apos;espace de travail"
        )),
        "{n}: {home}"
    );
}

/// The French names with their article, as the register and the notices
/// write them (D3).
#[test]
fn french_names_take_their_article() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = built(&ws, &[]);
    let text = all_text(&dir);
    assert!(
        text.contains(
            "Dossier RGPD de l&apos;établissement public territorial Grand-Orly Seine Bièvre"
        ),
        "{text}"
    );
    assert!(!text.contains("Dossier RGPD de Établissement"));
    let fate = std::fs::read_to_string(dir.join("fate.html")).unwrap();
    assert!(
        fate.contains("Copies des données de la commune d&apos;Alpha"),
        "{fate}"
    );
    let breach = std::fs::read_to_string(dir.join("breach-2021-002.html")).unwrap();
    assert!(
        breach.contains("Courriel à la commune de Bravo du "),
        "{breach}"
    );
    // English: the name as it is.
    let en = ws.path("site-en");
    ws.dpo()
        .now(NOW)
        .run(&["--lang", "en", "site", "-o", en.to_str().unwrap()])
        .assert_code(0);
    let home = std::fs::read_to_string(en.join("index.html")).unwrap();
    assert!(
        home.contains("GDPR dossier of Établissement public territorial Grand-Orly Seine Bièvre"),
        "{home}"
    );
}

/// The minor points of the review (D6): a breach due soon comes before
/// the bookkeeping rows, as the caption says; the timeline's caption does
/// not repeat its heading; the journal's actions are in words.
#[test]
fn a_breach_due_soon_comes_first_and_the_journal_says_its_actions_in_words() {
    let ws = Workspace::fixture("status-two-controllers");
    ws.dpo()
        .now(NOW)
        .run(&["journal", "note", "-m", "revue du dossier"])
        .assert_code(0);
    let dir = ws.path("soon");
    ws.dpo()
        .now("2021-03-27T10:00:00+01:00")
        .run(&["site", "-o", dir.to_str().unwrap()])
        .assert_code(0);
    let home = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let body = &home[home.find("<tbody>").expect("the duties")..];
    let first = &body[..body.find("</tr>").unwrap()];
    assert!(first.contains("href=\"breach-2021-001.html\""), "{first}");
    assert!(
        first.contains("class=\"due-soon\"") || first.contains("bientôt"),
        "{first}"
    );
    assert!(
        home.contains("violations urgentes d&apos;abord (en retard"),
        "{home}"
    );
    let breach = std::fs::read_to_string(dir.join("breach-2021-002.html")).unwrap();
    assert!(
        breach.contains(
            "<h2>Chronologie</h2>\n<div class=\"table\"><table><caption>Événements de la violation"
        ),
        "{breach}"
    );
    assert!(
        !breach.contains("<h2>Chronologie</h2>\n<div class=\"table\"><table><caption>Chronologie"),
        "{breach}"
    );
    let journal = std::fs::read_to_string(dir.join("journal.html")).unwrap();
    assert!(journal.contains("<td>note</td>"), "{journal}");
    assert!(!journal.contains("journal.note"), "{journal}");
}

/// Issue 13, review defects N1 and N2: a supplement kept with a file named
/// like the PDF the message carries (as an earlier dpo sent it) and one
/// named `rapport #1?%20é.txt`.
/// Each attachment is copied to its own path (its index in the message
/// first), each row links the bytes whose SHA-256 it states, and every
/// link is percent-encoded so it resolves.
#[test]
fn attachments_sharing_a_name_get_their_own_path_and_links_are_percent_encoded() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    ws.dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    let docs = tempfile::tempdir().unwrap();
    // `--attach` now refuses a document named like the message's own PDF;
    // a message kept by an earlier dpo may hold one: the name is put back
    // in the kept `.eml` below (same length, the MIME structure intact).
    let fake = docs.path().join("xotification-violation-2021-001-2.pdf");
    std::fs::write(&fake, "faux pdf\n").unwrap();
    let odd = docs.path().join("rapport #1?%20é.txt");
    std::fs::write(&odd, "rapport\n").unwrap();
    ws.dpo()
        .smtp(&server)
        .run(&[
            "--now",
            "2021-03-27 09:00",
            "breach",
            "supplement",
            "2021-001",
            "--progress",
            "inventaire à 80 %",
            "--attach",
            fake.to_str().unwrap(),
            "--attach",
            odd.to_str().unwrap(),
        ])
        .assert_code(0);
    let eml = ws
        .root()
        .join("evidence/breaches/2021-001/juvisy-sur-orge-2.eml");
    let mut old = std::fs::read(&eml).unwrap();
    let from = b"xotification-violation-2021-001-2.pdf".as_slice();
    let mut named = 0;
    while let Some(at) = old.windows(from.len()).position(|w| w == from) {
        old[at] = b'n';
        named += 1;
    }
    assert!(named > 0, "the document's name in the kept message");
    std::fs::write(&eml, old).unwrap();
    let dir = built(&ws, &[]);
    let page = std::fs::read_to_string(dir.join("breach-2021-001.html")).unwrap();
    let sub = dir.join("files/evidence/breaches/2021-001/juvisy-sur-orge-2");
    let mut copies: Vec<PathBuf> = std::fs::read_dir(&sub)
        .expect("the attachments beside the message")
        .map(|e| e.unwrap().path())
        .collect();
    copies.sort();
    // Three attachments (the generated PDF, the fake, the report): three
    // files, none overwritten, each linked with its own digest.
    assert_eq!(copies.len(), 3, "{copies:?}");
    for c in &copies {
        let name = c.file_name().unwrap().to_str().unwrap();
        let link: String = format!("juvisy-sur-orge-2/{name}")
            .split('/')
            .map(|s| {
                s.bytes()
                    .map(|b| match b {
                        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                            (b as char).to_string()
                        }
                        _ => format!("%{b:02X}"),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("/");
        let at = page
            .find(&format!("href=\"files/evidence/breaches/2021-001/{link}\""))
            .unwrap_or_else(|| panic!("no link to {link} in {page}"));
        let row = &page[at..at + page[at..].find("</li>").unwrap()];
        assert!(row.contains(&sha256sum(c)), "{row} / {name}");
    }
    let names: Vec<String> = copies
        .iter()
        .map(|c| c.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let clash = names
        .iter()
        .filter(|n| n.ends_with("-notification-violation-2021-001-2.pdf"))
        .count();
    assert_eq!(clash, 2, "{names:?}");
    assert!(
        names.iter().any(|n| n.ends_with("-rapport #1?%20é.txt")),
        "{names:?}"
    );
    assert!(
        page.contains("rapport%20%231%3F%2520%C3%A9.txt\""),
        "{page}"
    );
    let (report, ok) = check(&dir, "fr");
    assert!(ok, "{report:#}");
}
