//! Documents fit to send (issue 10): every PDF the tool makes — the
//! register in French and English, the audit pack (register, breach report,
//! logs, people, security measures), a sub-processor notice and a
//! certificate — read back with `pdftotext`: no word split mid-word across
//! lines (every word read back is a word of the source text, or a piece of
//! one ending with the hyphen the dictionary allowed), no footer or text
//! beyond the page (`pdftotext -bbox`), no « : ; ! ? » or "§" alone at a
//! line's edge; and the French typography of the texts (Markdown, e-mails):
//! a narrow no-break space before « : ; ! ? » and inside « », a no-break
//! space after "§".
//!
//! Needs: `pdftotext` (poppler-utils), `ssh-keygen` (openssh-client).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::support::fate::ready_to_certify;
use crate::support::status::subprocessor_nouveau;
use crate::support::tools::{collapse, pdftotext};
use crate::support::{Run, Workspace};

const NOW: &str = "2021-03-01T10:00:00+01:00";

fn ok(ws: &Workspace, now: &str, args: &[&str]) -> Run {
    let o = ws.dpo().now(now).run(args);
    o.assert_no_panic();
    assert_eq!(o.code(), Some(0), "dpo {args:?}:\n{}", o.text());
    o
}

/// Every PDF under `dir`.
fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x == "pdf") {
            out.push(p);
        }
    }
}

/// The words of `text`: letters with inner hyphens and apostrophes, the
/// punctuation around them trimmed; tokens with digits, `@`, `/`, `.` or `_`
/// (numbers, hashes, addresses, paths, identifiers) are not words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{A0}' || c == '\u{202F}')
        .map(|t| {
            t.trim_matches(|c: char| {
                !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '@')
            })
            .trim_start_matches(['-', '\'', '’'])
        })
        .filter(|t| t.chars().count() >= 2)
        .filter(|t| {
            t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
        .map(str::to_lowercase)
        .collect()
}

/// Every word of the source texts, and each part of a compound after its
/// own hyphens or apostrophes.
fn vocabulary(texts: &[String]) -> BTreeSet<String> {
    let mut v = BTreeSet::new();
    for t in texts {
        for w in words(t) {
            let parts: Vec<&str> = w.split(['-', '\'', '’']).collect();
            for i in 0..parts.len() {
                v.insert(parts[i..].join("-"));
                v.insert(parts[i].to_string());
            }
            v.insert(w.clone());
            v.insert(w.replace('’', "'"));
        }
    }
    v
}

/// Text files under `dir` (the workspace, the templates).
fn texts_under(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            texts_under(&p, out);
        } else if let Ok(t) = std::fs::read_to_string(&p) {
            out.push(t);
        }
    }
}

/// The words of `pdf` that are not words of the source: pieces of a word
/// broken between two lines without a hyphen, or at a place no dictionary
/// allows.
fn broken_words(pdf: &Path, vocab: &BTreeSet<String>) -> Vec<String> {
    let text = pdftotext(pdf, &[]);
    let mut bad = Vec::new();
    for w in words(&text) {
        if vocab.contains(&w) || vocab.contains(&w.replace('’', "'")) {
            continue;
        }
        // A piece of a hash ("fbb"), which may break between characters.
        if w.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        // A hyphenated piece: the start of a longer word of the source.
        if let Some(stem) = w.strip_suffix('-') {
            if stem.chars().count() >= 2
                && vocab
                    .iter()
                    .any(|v| v.len() > stem.len() && v.starts_with(stem))
            {
                continue;
            }
        }
        // The end of a hyphenated word: the end of a word of the source.
        if vocab
            .iter()
            .any(|v| v.len() > w.len() && v.ends_with(&w) && w.chars().count() >= 2)
            && text.contains(&format!("-\n{}", &w[..1]))
        {
            continue;
        }
        bad.push(w);
    }
    bad.sort();
    bad.dedup();
    bad
}

/// Words whose box ends beyond the page's right margin (less a tolerance),
/// and footers shortened with "…", from `pdftotext -bbox`.
fn beyond_the_page(pdf: &Path) -> Vec<String> {
    let html = pdftotext(pdf, &["-bbox"]);
    let mut bad = Vec::new();
    let (mut width, mut height) = (0.0f32, 0.0f32);
    let attr = |line: &str, name: &str| -> f32 {
        line.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            width = attr(line, "width");
            height = attr(line, "height");
        } else if line.starts_with("<word") {
            let word = line
                .split('>')
                .nth(1)
                .and_then(|r| r.split('<').next())
                .unwrap_or_default();
            // 20 mm margins: nothing may end in the last 15 mm.
            if attr(line, "xMax") > width - 15.0 * 72.0 / 25.4 {
                bad.push(format!(
                    "{word} ends at x={} of {width}",
                    attr(line, "xMax")
                ));
            }
            if attr(line, "yMin") > height - 25.0 * 72.0 / 25.4 && word.contains('…') {
                bad.push(format!("footer cut off at {word:?}"));
            }
        }
    }
    bad
}

/// Lines of `pdf` that start with « : ; ! ? » or end with "§" or "«": a
/// break at a place the no-break spaces forbid.
fn bad_breaks(pdf: &Path) -> Vec<String> {
    pdftotext(pdf, &[])
        .lines()
        .map(str::trim)
        .filter(|l| {
            l.starts_with([':', ';', '!', '?', '»'])
                || l.ends_with('§')
                || l.ends_with('«')
                || l.ends_with(" n°")
        })
        .map(String::from)
        .collect()
}

/// The sample workspace with a request, an instruction, a breach and a
/// sub-processor notice, and the PDFs of the register and the audit pack.
fn sample_documents(ws: &Workspace) -> Vec<PathBuf> {
    let out = ws.path("out");
    std::fs::create_dir_all(&out).unwrap();
    ok(
        ws,
        NOW,
        &["register", "--format", "pdf", "-o", "out/registre.pdf"],
    );
    ok(
        ws,
        NOW,
        &[
            "--lang",
            "en",
            "register",
            "--format",
            "pdf",
            "-o",
            "out/record.pdf",
        ],
    );
    ok(
        ws,
        NOW,
        &[
            "request",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--right",
            "erasure",
            "--received-at",
            "2021-02-26 09:15",
            "--summary",
            "Demande d'effacement du compte famille",
            "--no-forward",
        ],
    );
    ok(
        ws,
        NOW,
        &[
            "instruction",
            "log",
            "--controller",
            "juvisy-sur-orge",
            "--from",
            "DGS",
            "--at",
            "2021-02-20 10:00",
            "--summary",
            "Migrer la messagerie vers le nouveau serveur",
            "--reference",
            "courriel du 20 février",
        ],
    );
    ok(
        ws,
        NOW,
        &[
            "breach",
            "open",
            "--title",
            "Rançongiciel sur le serveur de fichiers",
            "--aware-at",
            "2021-02-27 10:00",
            "--suspected",
            "--origin",
            "unknown",
        ],
    );
    ok(
        ws,
        NOW,
        &["breach", "report", "2021-001", "-o", "out/violation.pdf"],
    );
    ok(
        ws,
        NOW,
        &[
            "subprocessor",
            "add",
            "ovh",
            "--name",
            "OVH SAS",
            "--activity",
            "hébergement des sauvegardes externalisées",
            "--controller",
            "juvisy-sur-orge",
            "--contract-start",
            "2021-04-01",
        ],
    );
    ok(ws, NOW, &["keys", "generate"]);
    ok(ws, NOW, &["audit", "pack", "-o", "out/pack"]);
    let mut files = Vec::new();
    pdfs(&out, &mut files);
    pdfs(&ws.root().join("evidence"), &mut files);
    files.sort();
    files
}

fn source_texts(ws: &Workspace) -> Vec<String> {
    let mut texts = source_texts_of(ws);
    for lang in ["fr", "en"] {
        texts.push(ok(ws, NOW, &["--lang", lang, "register", "--format", "md"]).stdout_utf8());
    }
    texts
}

/// The workspace's files, the templates, and the words the code writes.
fn source_texts_of(ws: &Workspace) -> Vec<String> {
    let mut texts = Vec::new();
    texts_under(ws.root(), &mut texts);
    texts_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/fr"),
        &mut texts,
    );
    texts_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/en"),
        &mut texts,
    );
    // Words the code writes itself ("72 h 00 min").
    texts.push(
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/words.rs"))
            .unwrap(),
    );
    // Names with the article the code derives ("l'établissement public…").
    texts.push(
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/controller.rs"),
        )
        .unwrap(),
    );
    texts
}

#[test]
fn every_pdf_keeps_its_words_whole_and_ends_its_footer_within_the_page() {
    // The sample, with the contacts written notices need.
    let ws = Workspace::sample().overlay("request-notice-contacts");
    let files = sample_documents(&ws);
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    for want in [
        "registre.pdf",
        "record.pdf",
        "people.pdf",
        "security-measures.pdf",
        "requests/log.pdf",
        "instructions/log.pdf",
        "breaches/2021-001.pdf",
        "violation.pdf",
        "evidence/subprocessors/",
    ] {
        assert!(
            names.iter().any(|n| n.contains(want)),
            "no {want} among {names:#?}"
        );
    }
    let vocab = vocabulary(&source_texts(&ws));
    let mut problems = Vec::new();
    for f in &files {
        for w in broken_words(f, &vocab) {
            problems.push(format!("{}: word split or unknown: {w:?}", f.display()));
        }
        for p in beyond_the_page(f) {
            problems.push(format!("{}: {p}", f.display()));
        }
        for l in bad_breaks(f) {
            problems.push(format!(
                "{}: line broken at a no-break space: {l:?}",
                f.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layout_checks_catch_a_word_cut_in_two_and_a_footer_cut_off() {
    // The checks themselves must be able to fail.
    let vocab = vocabulary(&["l'organisation des engagements".to_string()]);
    assert!(vocab.contains("organisation"));
    let cut: Vec<String> = words("organisati\non engagemen\nt")
        .into_iter()
        .filter(|w| !vocab.contains(w))
        .collect();
    assert!(cut.contains(&"organisati".to_string()), "{cut:?}");
    assert!(cut.contains(&"engagemen".to_string()), "{cut:?}");
}

#[test]
fn wide_tables_go_on_landscape_pages_and_the_register_opens_without_a_blank_page() {
    let ws = Workspace::sample();
    let people = ws.read("people.yaml");
    ws.write(
        "people.yaml",
        &people.replacen("last_training: null", "last_training: 2020-09-15", 1),
    );
    ok(&ws, NOW, &["keys", "generate"]);
    ok(&ws, NOW, &["audit", "pack", "-o", "pack"]);
    ok(
        &ws,
        NOW,
        &["register", "--format", "pdf", "-o", "registre.pdf"],
    );
    let bbox = pdftotext(&ws.path("pack/people.pdf"), &["-bbox"]);
    let page = bbox
        .lines()
        .find(|l| l.trim_start().starts_with("<page"))
        .unwrap();
    assert!(
        page.contains("width=\"841."),
        "people.pdf is not landscape: {page}"
    );
    // Its dates in words (read in drawing order: a date may wrap inside its
    // cell); the CSV twin keeps them as dates.
    let people = collapse(&pdftotext(&ws.path("pack/people.pdf"), &["-raw"]));
    assert!(people.contains("15 septembre 2020"), "{people}");
    let csv = std::fs::read_to_string(ws.path("pack/people.csv")).unwrap();
    assert!(csv.contains("2020-09-15"), "{csv}");
    // The title page shares its page with the processor's section.
    let first = collapse(&pdftotext(
        &ws.path("registre.pdf"),
        &["-f", "1", "-l", "1"],
    ));
    assert!(first.contains("Le sous-traitant"), "{first}");
    // One title for the register, in the title and the footer.
    assert!(
        first
            .matches("Registre des catégories d'activités de traitement")
            .count()
            >= 2,
        "{first}"
    );
}

/// French text with « : ; ! ? » not preceded by a narrow no-break space, or
/// "§" and "«" not followed by a no-break one (addresses and times aside).
fn typography_faults(text: &str) -> Vec<String> {
    let mut faults = Vec::new();
    for line in text.lines() {
        if line.starts_with("Message-ID") || line.contains("://") || line.contains('`') {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let ends = next.is_none_or(|n| n.is_whitespace());
            let fault = match c {
                ':' | ';' | '!' | '?' => ends && prev.is_some() && prev != Some('\u{202F}'),
                '«' => next != Some('\u{202F}'),
                '»' => prev != Some('\u{202F}'),
                '§' => next.is_some() && next != Some('\u{A0}'),
                _ => false,
            };
            if fault {
                faults.push(line.to_string());
                break;
            }
        }
    }
    faults
}

/// `subprocessor add ovh`: OVH SAS, hosting for Juvisy-sur-Orge, its
/// contract from 2021-04-01.
fn add_ovh(ws: &Workspace) {
    ok(
        ws,
        NOW,
        &[
            "subprocessor",
            "add",
            "ovh",
            "--name",
            "OVH SAS",
            "--activity",
            "hébergement",
            "--controller",
            "juvisy-sur-orge",
            "--contract-start",
            "2021-04-01",
        ],
    );
}

/// Adds the sub-processor OVH (contract from 2021-04-01), then sends as dry
/// runs the incomplete notice of it and the notification of breach 2021-001:
/// two e-mails kept as evidence.
fn dry_run_ovh_notice_and_breach_notification(ws: &Workspace) {
    add_ovh(ws);
    ok(
        ws,
        NOW,
        &["subprocessor", "notify", "--dry-run", "--incomplete"],
    );
    ok(
        ws,
        "2021-03-26 11:00",
        &["breach", "notify", "2021-001", "--dry-run"],
    );
}

#[test]
fn french_documents_and_e_mails_have_their_no_break_spaces() {
    let ws = Workspace::sample();
    let md = ok(&ws, NOW, &["register", "--format", "md"]).stdout_utf8();
    let faults = typography_faults(&md);
    assert!(faults.is_empty(), "register.md:\n{}", faults.join("\n"));
    assert!(md.contains("annexe 1, §\u{A0}II.11"), "{md}");
    assert!(md.contains("renouvelable une fois"), "{md}");
    assert!(!md.contains(" 1 mois"), "{md}");
    // The e-mails kept as evidence: a sub-processor notice and a breach
    // notification, each a dry run, to controllers with their contacts.
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    ws.write_breach_record("2021-001");
    dry_run_ovh_notice_and_breach_notification(&ws);
    let mut emls = Vec::new();
    collect(&ws.root().join("evidence"), "eml", &mut emls);
    assert!(emls.len() >= 2, "{emls:?}");
    for eml in &emls {
        let mail = crate::support::mail::parsed(eml);
        let body = mail["body"].as_str().unwrap_or_default().to_string();
        let faults = typography_faults(&body);
        assert!(
            faults.is_empty(),
            "{}:\n{}",
            eml.display(),
            faults.join("\n")
        );
        // The attachment is named as the text names it.
        let atts = mail["attachments"].as_array().cloned().unwrap_or_default();
        assert!(!atts.is_empty(), "{}", eml.display());
        for a in atts {
            let name = a["filename"].as_str().unwrap_or_default();
            assert!(body.contains(name), "{name} is not named in:\n{body}");
            let pdf = Path::new(a["path"].as_str().unwrap_or_default());
            assert!(bad_breaks(pdf).is_empty(), "{:?}", bad_breaks(pdf));
            assert!(
                beyond_the_page(pdf).is_empty(),
                "{:?}",
                beyond_the_page(pdf)
            );
        }
    }
}

fn collect(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

#[test]
fn the_typography_check_fails_on_a_plain_space_before_a_colon() {
    assert_eq!(typography_faults("Version : v1"), ["Version : v1"]);
    assert_eq!(typography_faults("annexe 1, § II.8"), ["annexe 1, § II.8"]);
    assert!(typography_faults("Version\u{202F}: à 10:00").is_empty());
}

#[test]
fn the_certificate_keeps_its_words_whole_and_its_footer_within_the_page() {
    let now = "2021-08-02T10:00:00+02:00";
    let ws = ready_to_certify(now);
    ok(&ws, now, &["fate", "certify", "-o", "out/certificat.pdf"]);
    let pdf = ws.path("out/certificat.pdf");
    let mut texts = source_texts_of(&ws);
    texts.push(std::fs::read_to_string(ws.root().join("fate/juvisy-sur-orge.yaml")).unwrap());
    let vocab = vocabulary(&texts);
    assert_eq!(broken_words(&pdf, &vocab), Vec::<String>::new());
    assert_eq!(beyond_the_page(&pdf), Vec::<String>::new());
    assert_eq!(bad_breaks(&pdf), Vec::<String>::new());
    // The footer ends on every page with the controller's name, whole.
    let text = pdftotext(&pdf, &[]);
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages >= 2, "{text}");
    assert_eq!(
        collapse(&text).matches("Juvisy-sur-Orge page").count(),
        pages,
        "{text}"
    );
    // No page but the last less than a quarter filled, no heading left at
    // the foot of a page, no path cut inside a file name.
    assert_eq!(
        layout_faults(&pdftotext(&pdf, &["-bbox-layout"])),
        Vec::<String>::new()
    );
    assert!(
        !collapse(&text).contains(".sha25 "),
        "a manifest path cut inside its extension:\n{text}"
    );
    // The processor signs with its article.
    assert!(
        collapse(&text).contains(
            "Pour l'établissement public territorial Grand-Orly Seine Bièvre, sous-traitant"
        ),
        "{text}"
    );
    // Each `ssh-keygen -Y verify` command (three lines of a code block) is
    // whole on one page (review 10, defect 8).
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let mut commands = 0;
    for (i, page) in pages.iter().enumerate() {
        for (k, _) in page.match_indices("ssh-keygen -Y verify") {
            commands += 1;
            let rest: Vec<&str> = page[k..].lines().take(3).collect();
            assert!(
                rest.len() == 3 && rest[2].trim_start().starts_with("-s "),
                "the command on page {} goes on to the next page:\n{page}",
                i + 1
            );
        }
    }
    assert!(commands >= 2, "{text}");
}

#[test]
fn the_register_has_a_human_version_counted_in_the_journal_and_keeps_its_fingerprint() {
    let ws = Workspace::sample();
    let issue = |now: &str, out: &str| {
        ok(&ws, now, &["register", "--format", "pdf", "-o", out]);
        collapse(&pdftotext(&ws.path(out), &["-f", "1", "-l", "1"]))
    };
    let first = issue(NOW, "a.pdf");
    assert!(first.contains("Version v1 du 1er mars 2021"), "{first}");
    assert!(first.contains("Empreinte SHA-256 du contenu"), "{first}");
    // The same content, issued again the same day: the same edition, the
    // same bytes.
    issue(NOW, "b.pdf");
    assert_eq!(
        std::fs::read(ws.path("a.pdf")).unwrap(),
        std::fs::read(ws.path("b.pdf")).unwrap()
    );
    let issues = ws
        .journal()
        .iter()
        .filter(|e| e["action"] == "register.issue")
        .count();
    assert_eq!(issues, 1);
    // A change to a source file is a new edition, dated the day it is issued.
    let processor = ws.read("processor.yaml");
    ws.write("processor.yaml", &format!("{processor}\n# revu\n"));
    let second = issue("2021-04-15T10:00:00+02:00", "c.pdf");
    assert!(second.contains("Version v2 du 15 avril 2021"), "{second}");
    // Back to the first content: it is the first edition again.
    ws.write("processor.yaml", &processor);
    let again = issue("2021-05-01T10:00:00+02:00", "d.pdf");
    assert!(again.contains("Version v1 du 1er mars 2021"), "{again}");
    // The register as of a date before the second edition knows only the first.
    let md = ok(&ws, NOW, &["register", "--format", "md"]).stdout_utf8();
    assert!(
        crate::support::tools::plain(&md).contains("| Version | v1 du 1er mars 2021 |"),
        "{md}"
    );
}

/// The sub-processor notices log of the audit pack names every field in the
/// pack's language and writes the kind of change in words: no raw YAML key
/// (`address`, `contact — role`, `pdf sha256`, `added`) in either language.
#[test]
fn the_subprocessor_notices_log_labels_every_field_in_words() {
    for (lang, want, raw) in [
        (
            "fr",
            &[
                "sous-traitant — adresse",
                "sous-traitant — contact — fonction",
                "sous-traitant — activité 1",
                "sous-traitant — contrat — début",
                "4 mars 2021",
                "lieu du traitement",
                "garanties",
                "ajout",
                "empreinte SHA-256 du document",
            ][..],
            &[
                "address",
                "role",
                "email",
                "phone",
                "activities",
                "contract",
                "start",
                "location",
                "guarantees",
                "added",
                "pdf sha256",
            ][..],
        ),
        (
            "en",
            &[
                "sub-processor — address",
                "sub-processor — contact — role",
                "sub-processor — activity 1",
                "sub-processor — contract — start",
                "4 March 2021",
                "place of processing",
                "addition",
                "SHA-256 of the document",
            ][..],
            &["activities", "added", "pdf sha256", "location —"][..],
        ),
    ] {
        let ws = Workspace::fixture("status-overdue");
        let l = ["--lang", lang];
        ok(
            &ws,
            NOW,
            &[&l[..], &subprocessor_nouveau("2021-03-04")[..]].concat(),
        );
        ok(&ws, NOW, &["keys", "generate"]);
        ok(
            &ws,
            NOW,
            &[&l[..], &["audit", "pack", "-o", "P"][..]].concat(),
        );
        let text = pdftotext(&ws.path("P/subprocessor-notices/log.pdf"), &["-layout"]);
        let flat = collapse(&text);
        for w in want {
            assert!(flat.contains(w), "{lang}: no « {w} » in:\n{text}");
        }
        let labels: String = text
            .lines()
            .map(|l| l.split("   ").next().unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join("\n");
        for r in raw {
            let found = labels.lines().any(|l| {
                l.split(" — ")
                    .any(|p| p == *r || p.starts_with(&format!("{r} ")))
                    || l == *r
            });
            assert!(!found, "{lang}: raw key « {r} » in:\n{text}");
        }
        assert!(!text.contains("added"), "{lang}: {text}");
    }
}

/// The processor's name takes its article in running text, derived from its
/// name ("l'établissement public territorial …") or as `processor.yaml`
/// gives it: the breach report ("tenue par"), the breach notification and
/// the sub-processor notice e-mails.
#[test]
fn the_processor_is_named_with_its_article_in_running_text() {
    for (given, the) in [
        (
            None,
            "l'établissement public territorial Grand-Orly Seine Bièvre",
        ),
        (
            Some("l'EPT Grand-Orly Seine Bièvre"),
            "l'EPT Grand-Orly Seine Bièvre",
        ),
    ] {
        let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
        if let Some(g) = given {
            let p = ws.read("processor.yaml");
            ws.write(
                "processor.yaml",
                &p.replacen(
                    "short_name:",
                    &format!("name_with_article: \"{g}\"\nshort_name:"),
                    1,
                ),
            );
        }
        ws.write_breach_record("2021-001");
        ok(
            &ws,
            NOW,
            &[
                "record",
                "adopt",
                "breaches/2021-001.yaml",
                "--reason",
                "fixture",
            ],
        );
        dry_run_ovh_notice_and_breach_notification(&ws);
        ok(
            &ws,
            NOW,
            &["breach", "report", "2021-001", "-o", "report.pdf"],
        );
        let report = collapse(&pdftotext(&ws.path("report.pdf"), &[]));
        assert!(
            report.contains(&format!("tenue par {the}, sous-traitant")),
            "{report}"
        );
        let mut emls = Vec::new();
        collect(&ws.root().join("evidence"), "eml", &mut emls);
        assert!(emls.len() >= 2, "{emls:?}");
        for eml in &emls {
            let mail = crate::support::mail::parsed(eml);
            let body = collapse(mail["body"].as_str().unwrap_or_default());
            assert!(
                body.contains(&format!("{the}, sous-traitant, vous")),
                "{body}"
            );
            assert!(!body.contains("sous-traitant Établissement"), "{body}");
        }
    }
}

/// The DPO's phone in the breach notification e-mail is worded by the
/// catalog of the e-mail's language: "the officer's phone: …" in English (no
/// space before the colon), "téléphone du délégué : …" with a narrow
/// no-break space in French.
#[test]
fn the_breach_e_mail_words_the_officers_phone_in_its_language() {
    for (lang, want, wrong) in [
        ("en", "the officer's phone: ", "phone :"),
        ("fr", "téléphone du délégué\u{202F}: ", "délégué :"),
    ] {
        let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
        ws.write_breach_record("2021-001");
        ok(
            &ws,
            "2021-03-26 11:00",
            &["--lang", lang, "breach", "notify", "2021-001", "--dry-run"],
        );
        let mut emls = Vec::new();
        collect(&ws.root().join("evidence"), "eml", &mut emls);
        assert_eq!(emls.len(), 1, "{emls:?}");
        let mail = crate::support::mail::parsed(&emls[0]);
        let body = mail["body"].as_str().unwrap_or_default().to_string();
        assert!(body.contains(want), "{lang}: no « {want} » in:\n{body}");
        assert!(!body.contains(wrong), "{lang}: « {wrong} » in:\n{body}");
    }
}

/// A line of text on a page: its top, its bottom, its words.
type TextLine = (f32, f32, String);

/// The value of attribute `name` in the XML tag `tag`.
pub(crate) fn attr(tag: &str, name: &str) -> f32 {
    tag.split(&format!(" {name}=\""))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// Pages of `pdftotext -bbox-layout` output that are less than a quarter
/// filled (but the last), or whose last line of body text (above the
/// footer, the bottom tenth of the page) is a heading (taller than body
/// text: its words are over 13.5 pt high).
fn layout_faults(xml: &str) -> Vec<String> {
    // Per page: its height, and (yMin, yMax, text) of each line.
    let mut pages: Vec<(f32, Vec<TextLine>)> = Vec::new();
    for l in xml.lines().map(str::trim) {
        if l.starts_with("<page ") {
            pages.push((attr(l, "height"), Vec::new()));
        } else if l.starts_with("<line ") {
            if let Some((_, lines)) = pages.last_mut() {
                lines.push((attr(l, "yMin"), attr(l, "yMax"), String::new()));
            }
        } else if l.starts_with("<word ") {
            if let Some((_, lines)) = pages.last_mut() {
                if let Some(line) = lines.last_mut() {
                    let w = l
                        .split('>')
                        .nth(1)
                        .unwrap_or("")
                        .split('<')
                        .next()
                        .unwrap_or("");
                    line.2.push_str(w);
                    line.2.push(' ');
                }
            }
        }
    }
    let count = pages.len();
    let mut faults = Vec::new();
    for (n, (height, lines)) in pages.iter().enumerate() {
        let body: Vec<&TextLine> = lines.iter().filter(|l| l.0 < height * 0.9).collect();
        let Some(last) = body.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
            if n + 1 < count {
                faults.push(format!("page {}: empty", n + 1));
            }
            continue;
        };
        if n + 1 < count && last.1 < height * 0.9 * 0.25 {
            faults.push(format!("page {}: less than a quarter filled", n + 1));
        }
        // A heading (the last line of the page, or, but on the last page,
        // with fewer than three lines under it) left away from what it heads.
        let after = |h: &TextLine| body.iter().filter(|l| l.0 >= h.1).count();
        if let Some(h) = body
            .iter()
            .find(|l| l.1 - l.0 > 13.5 && (after(l) == 0 || (n + 1 < count && after(l) < 3)))
        {
            faults.push(format!(
                "page {}: ends with the heading {:?}",
                n + 1,
                h.2.trim()
            ));
        }
    }
    faults
}

#[test]
fn the_page_checks_catch_a_blank_page_and_a_heading_at_the_foot() {
    let page = |lines: &[(f32, f32, &str)]| {
        let mut p = String::from("<page width=\"595.0\" height=\"842.0\">\n");
        for (y0, y1, w) in lines {
            p.push_str(&format!(
                "<line xMin=\"56.0\" yMin=\"{y0}\" xMax=\"500.0\" yMax=\"{y1}\">\n\
                 <word xMin=\"56.0\" yMin=\"{y0}\" xMax=\"90.0\" yMax=\"{y1}\">{w}</word>\n</line>\n"
            ));
        }
        p.push_str("</page>\n");
        p
    };
    let footer = (800.0, 811.6, "page");
    let full = page(&[(58.0, 69.6, "texte"), (700.0, 711.6, "texte"), footer]);
    let blank = page(&[(58.0, 69.6, "texte"), (120.0, 131.6, "texte"), footer]);
    let heading = page(&[(58.0, 69.6, "texte"), (700.0, 714.5, "Empreintes"), footer]);
    assert!(layout_faults(&[full.clone(), blank.clone()].concat()).is_empty());
    assert_eq!(
        layout_faults(&[blank.clone(), full.clone()].concat()),
        ["page 1: less than a quarter filled"]
    );
    assert_eq!(
        layout_faults(&[heading, full.clone()].concat()),
        ["page 1: ends with the heading \"Empreintes\""]
    );
    // A heading with only its two-line intro at the foot of a page.
    let intro = page(&[
        (58.0, 69.6, "texte"),
        (660.0, 674.5, "Empreintes"),
        (680.0, 691.6, "Le"),
        (694.0, 705.6, "les"),
        footer,
    ]);
    assert_eq!(
        layout_faults(&[intro, full].concat()),
        ["page 1: ends with the heading \"Empreintes\""]
    );
}

/// Wording as a French reader expects it, and idiomatic English: the time
/// zone named as a zone, "art. 28, § 4, du RGPD", no "a))", the file
/// `allowed_signers` named as a file, "at least one month before expiry".
#[test]
fn the_wording_reads_as_written_by_hand() {
    let ws = Workspace::sample().overlay("request-notice-contacts");
    let fr = ok(&ws, NOW, &["register", "--format", "md"]).stdout_utf8();
    assert!(fr.contains("au moins un mois avant l'échéance"), "{fr}");
    let en = ok(&ws, NOW, &["--lang", "en", "register", "--format", "md"]).stdout_utf8();
    assert!(en.contains("at least one month before expiry"), "{en}");
    assert!(!en.contains("at least 1 month"), "{en}");
    ok(&ws, NOW, &["keys", "generate"]);
    let keys = ok(&ws, NOW, &["keys", "publish"]).text();
    assert!(
        keys.contains("la ligne du fichier allowed_signers"),
        "{keys}"
    );
    add_ovh(&ws);
    let mut mds = Vec::new();
    collect(&ws.root().join("evidence"), "pdf", &mut mds);
    let notice = mds
        .iter()
        .find(|p| p.display().to_string().contains("subprocessors"))
        .expect("a notice PDF");
    let text = collapse(&pdftotext(notice, &[]));
    assert!(text.contains("art. 28, § 4, du RGPD"), "{text}");
    ws.write_breach_record("2021-001");
    ok(
        &ws,
        "2021-03-26 11:00",
        &["breach", "notify", "2021-001", "--dry-run"],
    );
    let mut emls = Vec::new();
    collect(&ws.root().join("evidence"), "eml", &mut emls);
    for eml in &emls {
        let mail = crate::support::mail::parsed(eml);
        let body = mail["body"].as_str().unwrap_or_default().to_string();
        assert!(!body.contains("a))"), "{body}");
    }
}

/// `sample_documents`' workspace with the city's contacts, a request
/// forwarded, an instruction objected to and a sub-processor notice sent
/// with fields « à compléter », through a real SMTP server, then the pack.
fn pack_with_sent_records(lang: &str) -> (Workspace, PathBuf) {
    use crate::support::smtp::{Mode, SmtpServer};
    let ws = crate::closing::contacts();
    let server = SmtpServer::start(Mode::Plain);
    let now = "2021-03-26T10:00:00+01:00";
    let run = |args: &[&str]| {
        let r = ws
            .dpo()
            .now(now)
            .smtp(&server)
            .run(&[&["--lang", lang][..], args].concat());
        r.assert_code(0);
    };
    run(&["keys", "generate"]);
    run(&[
        "request",
        "log",
        "--controller",
        "juvisy-sur-orge",
        "--right",
        "erasure",
        "--received-at",
        "2021-03-26 09:15",
        "--summary",
        "Demande d'effacement",
    ]);
    run(&[
        "subprocessor",
        "add",
        "ovh",
        "--name",
        "OVH SAS",
        "--activity",
        "hébergement",
        "--controller",
        "juvisy-sur-orge",
        "--contract-start",
        "2021-04-01",
    ]);
    run(&["subprocessor", "notify", "--incomplete"]);
    run(&["audit", "pack", "-o", "P"]);
    let p = ws.path("P");
    (ws, p)
}

/// The audit pack's logs read as tables in the pack's language: the
/// controller and the sub-processor by their names, the fields sent
/// « à compléter » in words, no label run into its value; the CSVs head
/// their columns and say their codes in that language (review 10, defect 4).
#[test]
fn the_audit_logs_name_controllers_and_sub_processors_and_say_codes_in_words() {
    for (lang, controller, words, csv_head, csv_words) in [
        (
            "fr",
            "Commune de Juvisy-sur-Orge",
            &[
                "adresse",
                "contact — courriel ou contact — téléphone",
                "contrat — fin",
            ][..],
            "identifiant,responsable de traitement,droit exercé,",
            &["droit à l'effacement", "ajout", "contrat — fin"][..],
        ),
        (
            "en",
            "Commune de Juvisy-sur-Orge",
            &[
                "address",
                "contact — e-mail or contact — phone",
                "contract — end",
            ][..],
            "identifier,controller,right exercised,",
            &["right to erasure", "addition", "contract — end"][..],
        ),
    ] {
        let (_ws, p) = pack_with_sent_records(lang);
        let requests = pdftotext(&p.join("requests/log.pdf"), &["-layout"]);
        let notices = pdftotext(&p.join("subprocessor-notices/log.pdf"), &["-layout"]);
        for text in [&requests, &notices] {
            let flat = collapse(text);
            assert!(flat.contains(controller), "{lang}: {text}");
            // An id is a value of no row: `juvisy-sur-orge` only inside
            // the names of files.
            for l in text.lines().filter(|l| !l.contains("identifi")) {
                let value = l.trim_end();
                assert!(
                    !value.ends_with(" juvisy-sur-orge") && !value.ends_with(" ovh"),
                    "{lang}: an id for a name: {l}\n{text}"
                );
            }
        }
        // Every label keeps a gap (its cell's padding and border) before its
        // value: the words after « SHA-256 » on its line start 5 pt or more
        // after it.
        for log in ["requests/log.pdf", "subprocessor-notices/log.pdf"] {
            let bbox = pdftotext(&p.join(log), &["-bbox"]);
            let words: Vec<(f32, f32, f32, &str)> = bbox
                .lines()
                .filter_map(|l| {
                    let l = l.trim();
                    let text = l.strip_prefix("<word ")?;
                    let (attrs, rest) = text.split_once('>')?;
                    let attrs = format!(" {attrs}");
                    let word = rest.strip_suffix("</word>")?;
                    Some((
                        attr(&attrs, "xMin"),
                        attr(&attrs, "xMax"),
                        attr(&attrs, "yMin"),
                        word,
                    ))
                })
                .collect();
            for w in words.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a.3 == "SHA-256" && b.3.len() >= 16 && (a.2 - b.2).abs() < 1.0 && b.0 > a.1 {
                    assert!(
                        b.0 - a.1 >= 5.0,
                        "{lang} {log}: « {} » run into « {} »",
                        a.3,
                        b.3
                    );
                }
            }
        }
        let flat = collapse(&notices);
        assert!(flat.contains("OVH SAS"), "{lang}: {notices}");
        for w in words {
            assert!(flat.contains(w), "{lang}: no « {w} » in:\n{notices}");
        }
        for raw in ["contact.email|contact.phone", "contract.end"] {
            assert!(!notices.contains(raw), "{lang}: « {raw} » in:\n{notices}");
        }
        let csv = std::fs::read_to_string(p.join("requests/log.csv")).unwrap();
        assert!(csv.starts_with(csv_head), "{lang}: {csv}");
        let csv_all = format!(
            "{csv}{}",
            std::fs::read_to_string(p.join("subprocessor-notices/log.csv")).unwrap()
        );
        for w in csv_words {
            assert!(csv_all.contains(w), "{lang}: no « {w} » in:\n{csv_all}");
        }
        for raw in [",erasure,", ",added,", "contract.end", "received_at"] {
            assert!(!csv_all.contains(raw), "{lang}: « {raw} » in:\n{csv_all}");
        }
    }
}

/// Every 64-digit SHA-256 of the register (content and source files) and of
/// the logs is on one line; a Message-ID is whole on one line or broken with
/// a visible mark; the register's sub-processors are on a landscape page
/// and « à compléter » is never split (review 10, defect 8).
#[test]
fn hashes_fit_their_column_and_the_sub_processor_table_goes_landscape() {
    let (ws, p) = pack_with_sent_records("fr");
    let register = p.join("register/register.pdf");
    let text = pdftotext(&register, &["-layout"]);
    let whole = |text: &str, hash: &str| text.lines().any(|l| l.contains(hash));
    for f in [
        "controllers/juvisy-sur-orge.yaml",
        "people.yaml",
        "processor.yaml",
        "security-measures.yaml",
        "subprocessors.yaml",
    ] {
        let hash = crate::support::tools::sha256sum(&ws.path(f));
        assert!(whole(&text, &hash), "{f} {hash} not on one line:\n{text}");
    }
    let hex64 = |l: &str| {
        l.split_whitespace()
            .any(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
    };
    assert!(
        text.lines().filter(|l| hex64(l)).count() >= 6,
        "the content hash is cut:\n{text}"
    );
    // The request's Message-ID, from its record.
    let record = ws.read("requests/2021-001.yaml");
    let id = record
        .lines()
        .find_map(|l| l.trim().strip_prefix("message_id: "))
        .expect("a Message-ID")
        .trim_matches(['\'', '"'])
        .to_string();
    let log = pdftotext(&p.join("requests/log.pdf"), &["-layout"]);
    let marked = log.contains('↵') && collapse(&log).replace("↵ ", "").contains(&id);
    assert!(
        whole(&log, &id) || marked,
        "{id} cut without a mark:\n{log}"
    );
    let hash = crate::support::tools::sha256sum(&ws.path("evidence/requests/2021-001.eml"));
    assert!(whole(&log, &hash), "{hash} cut:\n{log}");
    // The sub-processors' table on a landscape page, « à compléter » whole.
    let pages = pdftotext(&register, &[]);
    let n = pages
        .split('\u{c}')
        .position(|pg| pg.contains("Sous-traitants ultérieurs\n"))
        .expect("the sub-processors' section")
        + 1;
    let bbox = pdftotext(
        &register,
        &["-bbox", "-f", &n.to_string(), "-l", &n.to_string()],
    );
    let page = bbox
        .lines()
        .find(|l| l.trim_start().starts_with("<page"))
        .unwrap();
    assert!(page.contains("width=\"841."), "not landscape: {page}");
    let raw = pdftotext(&register, &["-raw"]);
    let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    for w in lines.windows(2) {
        assert!(
            !(w[0].ends_with(" à") || w[0] == "à") || !w[1].starts_with("compléter"),
            "« à compléter » split:\n{}\n{}",
            w[0],
            w[1]
        );
    }
}
