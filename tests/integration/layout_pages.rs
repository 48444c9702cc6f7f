//! The pages of the breach report and of the certificate (issue 10,
//! "documents fit to send"), read back with `pdftotext -bbox-layout` page by
//! page: the signature block never alone on its page (it keeps the last
//! lines of the paragraph before it), no page mostly blank while the first
//! block of the next page would have fitted on it, and the report's timeline
//! listing every instant `breach show` lists, in the same order — the
//! controller's deadline towards the supervisory authority included. Each
//! document is made several times, one more call (or destruction record)
//! each time, so that its page breaks fall in different places. Both
//! languages.
//!
//! Needs: `pdftotext` (poppler-utils), `ssh-keygen` (openssh-client),
//! `python3 -m aiosmtpd`.

use std::path::Path;

use crate::documents::attr;
use crate::support::fate::{destroy_complete_args, ready_to_certify};
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{collapse, pdftotext};
use crate::support::{Run, Workspace};

const ID: &str = "2021-001";
/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;

fn ok(r: Run, what: &str) -> Run {
    r.assert_no_panic();
    assert_eq!(r.code(), Some(0), "{what}:\n{}", r.text());
    r
}

/// A line of text: its top, its bottom, its words.
#[derive(Debug, Clone)]
struct Line {
    top: f32,
    bottom: f32,
    text: String,
}

/// A page read back: its height, and the body text (the footer left out)
/// in the blocks `pdftotext` finds.
#[derive(Debug, Default)]
struct Page {
    height: f32,
    blocks: Vec<Vec<Line>>,
}

impl Page {
    fn lines(&self) -> impl Iterator<Item = &Line> {
        self.blocks.iter().flatten()
    }

    /// The lowest point of the body text.
    fn bottom(&self) -> f32 {
        self.lines().map(|l| l.bottom).fold(0.0, f32::max)
    }
}

/// The pages of `pdftotext -bbox-layout` output; a line whose top is in the
/// last 20 mm of the page (the body ends 22 mm above the foot) is footer.
fn read_pages(xml: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    for l in xml.lines().map(str::trim) {
        let Some(page) = (if l.starts_with("<page ") {
            pages.push(Page {
                height: attr(l, "height"),
                blocks: Vec::new(),
            });
            None
        } else {
            pages.last_mut()
        }) else {
            continue;
        };
        if l.starts_with("<block ") {
            page.blocks.push(Vec::new());
        } else if l.starts_with("<line ") {
            if attr(l, "yMin") < page.height - 20.0 * MM {
                if let Some(block) = page.blocks.last_mut() {
                    block.push(Line {
                        top: attr(l, "yMin"),
                        bottom: attr(l, "yMax"),
                        text: String::new(),
                    });
                }
            } else if let Some(block) = page.blocks.last_mut() {
                // A footer line: its words are left out, so is its block.
                block.push(Line {
                    top: f32::NAN,
                    bottom: f32::NAN,
                    text: String::new(),
                });
            }
        } else if l.starts_with("<word ") {
            let word = l
                .split('>')
                .nth(1)
                .and_then(|r| r.split('<').next())
                .unwrap_or_default();
            if let Some(line) = page.blocks.last_mut().and_then(|b| b.last_mut()) {
                line.text.push_str(word);
                line.text.push(' ');
            }
        }
    }
    for page in &mut pages {
        for block in &mut page.blocks {
            block.retain(|l| !l.top.is_nan());
        }
        page.blocks.retain(|b| !b.is_empty());
    }
    pages
}

/// A heading line: taller than body text (its words over 13.5 pt high).
fn is_heading(l: &Line) -> bool {
    l.bottom - l.top > 13.5
}

/// What is wrong with the pages: a page that holds only the signature
/// block (its heading `signature` the first line of the page), and a page
/// but the last that is mostly blank (its text ends above the middle)
/// while the first block of the next page — with the block after it, when
/// it is a heading — would have fitted in the space left.
fn page_faults(pages: &[Page], signature: &str) -> Vec<String> {
    let mut faults = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        if let Some(first) = page.lines().next() {
            if first.text.trim() == signature && is_heading(first) {
                faults.push(format!("page {}: the signature block alone", n + 1));
            }
        }
        let Some(next) = pages.get(n + 1) else {
            continue;
        };
        let body_bottom = page.height - 22.0 * MM;
        if page.bottom() > page.height / 2.0 {
            continue;
        }
        let mut blocks = next.blocks.iter();
        let Some(first) = blocks.next() else {
            continue;
        };
        let mut need = first.last().map_or(0.0, |l| l.bottom) - first[0].top;
        if first.iter().all(is_heading) {
            if let Some(after) = blocks.next() {
                need = after.last().map_or(0.0, |l| l.bottom) - first[0].top;
            }
        }
        // The gap before the block, at most that of a heading.
        if page.bottom() + 20.0 + need <= body_bottom {
            faults.push(format!(
                "page {}: mostly blank (text ends at {:.0} of {:.0}) while {:?} ({need:.0} pt) would fit",
                n + 1,
                page.bottom(),
                page.height,
                first[0].text.trim()
            ));
        }
    }
    faults
}

fn pages_of(pdf: &Path) -> Vec<Page> {
    read_pages(&pdftotext(pdf, &["-bbox-layout"]))
}

#[test]
fn the_page_checks_catch_a_lone_signature_and_a_mostly_blank_page() {
    let page = |lines: &[(f32, f32, &str)]| {
        let mut p = String::from("<page width=\"595.0\" height=\"842.0\">\n");
        for (y0, y1, w) in lines {
            p.push_str(&format!(
                "<block xMin=\"56.0\" yMin=\"{y0}\" xMax=\"500.0\" yMax=\"{y1}\">\n\
                 <line xMin=\"56.0\" yMin=\"{y0}\" xMax=\"500.0\" yMax=\"{y1}\">\n\
                 <word xMin=\"56.0\" yMin=\"{y0}\" xMax=\"90.0\" yMax=\"{y1}\">{w}</word>\n\
                 </line>\n</block>\n"
            ));
        }
        p.push_str("</page>\n");
        p
    };
    let footer = (800.0, 811.6, "page");
    let full = page(&[(58.0, 69.6, "texte"), (700.0, 711.6, "texte"), footer]);
    let short = page(&[(58.0, 69.6, "texte"), (200.0, 211.6, "texte"), footer]);
    let signed = page(&[(58.0, 75.0, "Signature"), (80.0, 91.6, "Fait"), footer]);
    let tall = page(&[(58.0, 700.0, "tableau"), footer]);
    let check = |xml: &[&String]| {
        let xml: String = xml.iter().map(|s| s.as_str()).collect();
        page_faults(&read_pages(&xml), "Signature")
    };
    assert!(check(&[&full, &short]).is_empty());
    assert!(check(&[&short, &tall]).is_empty());
    assert!(check(&[&full, &full, &signed])[0].starts_with("page 3: the signature block alone"));
    let faults = check(&[&short, &full]);
    assert_eq!(faults.len(), 1, "{faults:?}");
    assert!(faults[0].starts_with("page 1: mostly blank"), "{faults:?}");
    // The footer is no body text: a page with only a footer is blank.
    let bare = page(&[(58.0, 69.6, "texte"), footer]);
    assert_eq!(read_pages(&bare)[0].lines().count(), 1);
}

/// The instants of the timeline `breach show` prints (its lines after the
/// heading that starts with `heading`, up to " — ").
fn shown_instants(show: &str, heading: &str) -> Vec<String> {
    show.lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.trim().split(" — ").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_breach_report_lists_every_instant_of_breach_show_and_keeps_its_signature_with_its_text() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record(ID);
    ok(
        ws.dpo()
            .smtp(&server)
            .now("2021-03-26T11:00:00+01:00")
            .run(&["breach", "notify", ID]),
        "notify",
    );
    let now = "2021-03-26T18:00:00+01:00";
    let mut pages_seen = Vec::new();
    // Calls until the page break moves (the report's length varies).
    for k in 0..24 {
        if k > 0 {
            // One more call, one more row in the timeline.
            ok(
                ws.dpo()
                    .now(&format!("2021-03-26T12:{:02}:00+01:00", k * 2))
                    .run(&[
                        "breach",
                        "call",
                        ID,
                        "--to",
                        "M. Dupont, directeur général des services",
                        "--number",
                        "01 23 45 67 89",
                        "--outcome",
                        "notification confirmée, la ville prépare sa notification à la CNIL",
                    ]),
                "call",
            );
        }
        for (lang, heading, signature, authority) in [
            (
                "fr",
                "Chronologie",
                "Signature",
                "envers l'autorité de contrôle",
            ),
            (
                "en",
                "Timeline",
                "Signature",
                "towards the supervisory authority",
            ),
        ] {
            let pdf = ws.path(&format!("rapport-{k}-{lang}.pdf"));
            let out = pdf.to_str().unwrap();
            ok(
                ws.dpo()
                    .now(now)
                    .run(&["--lang", lang, "breach", "report", ID, "-o", out]),
                "report",
            );
            let show = ok(
                ws.dpo()
                    .now(now)
                    .run(&["--lang", lang, "breach", "show", ID]),
                "show",
            )
            .stdout();
            // Every instant of `breach show`, in its order, the
            // controller's deadline towards the authority among them.
            let instants = shown_instants(&show, heading);
            assert_eq!(instants.len(), 6 + k, "{show}");
            assert!(show.contains(authority), "{show}");
            // In the order the page was drawn: a table row by row.
            let text = collapse(&pdftotext(&pdf, &["-raw"]));
            let at = text.rfind(heading).expect("the timeline heading");
            let timeline = &text[at..];
            let mut from = 0;
            for instant in &instants {
                let found = timeline[from..].find(instant.as_str()).unwrap_or_else(|| {
                    panic!(
                        "{lang}, {k} calls: {instant:?} not in the timeline, in order:\n{timeline}"
                    )
                });
                from += found + instant.len();
            }
            let deadline = timeline.find(authority).expect("the authority's deadline");
            assert!(
                timeline[deadline..].contains("Juvisy-sur-Orge"),
                "{timeline}"
            );
            // The pages, one by one.
            let pages = pages_of(&pdf);
            for n in 1..=pages.len() {
                let page = collapse(&pdftotext(
                    &pdf,
                    &["-f", &n.to_string(), "-l", &n.to_string()],
                ));
                assert!(!page.is_empty(), "{lang}, {k} calls: page {n} is empty");
            }
            assert_eq!(
                page_faults(&pages, signature),
                Vec::<String>::new(),
                "{lang}, {k} calls: {}",
                pdf.display()
            );
            // The signature keeps with the paragraph before it.
            let last = pages.last().expect("a page");
            let lines: Vec<&str> = last.lines().map(|l| l.text.trim()).collect();
            let s = lines
                .iter()
                .position(|l| *l == signature)
                .expect("signature");
            assert!(s > 0, "{lang}, {k} calls: {lines:?}");
            pages_seen.push(pages.len());
        }
        if pages_seen.iter().min() != pages_seen.iter().max() {
            break;
        }
    }
    // The page breaks did move: the documents were of different lengths.
    pages_seen.sort_unstable();
    pages_seen.dedup();
    assert!(pages_seen.len() >= 2, "{pages_seen:?}");
}

#[test]
fn the_certificate_keeps_its_signature_with_the_text_before_it() {
    let now = "2021-08-02T10:00:00+02:00";
    let ws = ready_to_certify(now);
    let run = |args: &[&str]| ok(ws.dpo().now(now).run(args), &args.join(" "));
    let mut pages_seen = Vec::new();
    for k in 0..8 {
        if k > 0 {
            // A later record of the same destruction: the last item grows.
            let verification = format!("relecture n° {k} : en-tête LUKS absent");
            let mut args = destroy_complete_args("sauvegardes", "bandes");
            let v = args.iter().position(|a| *a == "--verification").unwrap();
            args[v + 1] = &verification;
            run(&args);
        }
        let lang = if k % 2 == 0 { "fr" } else { "en" };
        let pdf = ws.path(&format!("certificat-{k}.pdf"));
        run(&[
            "--lang",
            lang,
            "fate",
            "certify",
            "-o",
            pdf.to_str().unwrap(),
        ]);
        let pages = pages_of(&pdf);
        assert_eq!(
            page_faults(&pages, "Signature"),
            Vec::<String>::new(),
            "{lang}, {k} more records: {}",
            pdf.display()
        );
        // On the last page, the signature comes after the end of the
        // paragraph that precedes it in the document.
        let n = pages.len().to_string();
        let last = collapse(&pdftotext(&pdf, &["-f", &n, "-l", &n]));
        let before = if lang == "fr" {
            "Le moindre octet modifié du document la fait échouer. Signature"
        } else {
            "Changing a single byte of the document makes it fail. Signature"
        };
        assert!(last.contains(before), "{lang}, {k}: {last}");
        pages_seen.push(pages.len());
    }
    pages_seen.sort_unstable();
    pages_seen.dedup();
    assert!(pages_seen.len() >= 2, "{pages_seen:?}");
}

/// The lines of a page but the last that end with « : » (a paragraph left
/// at the foot of a page without the code block or list it introduces).
fn colon_faults(pages: &[Page]) -> Vec<String> {
    let n = pages.len();
    pages
        .iter()
        .take(n.saturating_sub(1))
        .enumerate()
        .filter_map(|(i, p)| {
            let last = p.lines().last()?.text.trim();
            last.ends_with(':')
                .then(|| format!("page {}: ends with {last:?}", i + 1))
        })
        .collect()
}

#[test]
fn the_colon_check_finds_an_introduction_left_at_the_foot_of_a_page() {
    let page = |last: &str| Page {
        height: 842.0,
        blocks: vec![vec![Line {
            top: 700.0,
            bottom: 711.0,
            text: format!("{last} "),
        }]],
    };
    let pages = [page("exécutez :"), page("sha256sum -c")];
    assert_eq!(colon_faults(&pages).len(), 1);
    let pages = [page("la fin."), page("exécutez :")];
    assert!(colon_faults(&pages).is_empty());
}

#[test]
fn the_certificate_keeps_each_introduction_with_the_commands_it_introduces() {
    let now = "2021-08-02T10:00:00+02:00";
    let ws = ready_to_certify(now);
    let run = |args: &[&str]| ok(ws.dpo().now(now).run(args), &args.join(" "));
    for k in 0..6 {
        if k > 0 {
            let verification = format!(
                "relecture n° {k} : en-tête LUKS absent, {}",
                "x ".repeat(k * 9)
            );
            let mut args = destroy_complete_args("sauvegardes", "bandes");
            let v = args.iter().position(|a| *a == "--verification").unwrap();
            args[v + 1] = &verification;
            run(&args);
        }
        for lang in ["fr", "en"] {
            let pdf = ws.path(&format!("certificat-hb-{k}-{lang}.pdf"));
            run(&[
                "--lang",
                lang,
                "fate",
                "certify",
                "-o",
                pdf.to_str().unwrap(),
            ]);
            let pages = pages_of(&pdf);
            assert_eq!(
                colon_faults(&pages),
                Vec::<String>::new(),
                "{lang}, {k} more records: {}",
                pdf.display()
            );
        }
    }
}

/// The copy rows of `fate list`: each cut at its runs of two spaces or
/// more, with the character column where each cell starts.
fn copy_rows(listing: &str, kinds: &[&str]) -> Vec<Vec<(usize, String)>> {
    listing
        .lines()
        .filter(|l| kinds.iter().any(|k| l.contains(k)))
        .map(|l| {
            let mut cells = Vec::new();
            let chars: Vec<char> = l.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if chars[i] == ' ' {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < chars.len() && !(chars[i] == ' ' && chars.get(i + 1) == Some(&' ')) {
                    i += 1;
                }
                let cell: String = chars[start..i].iter().collect();
                cells.push((start, cell.trim_end().to_string()));
            }
            cells
        })
        .collect()
}

#[test]
fn fate_list_sizes_its_copy_columns_from_their_content() {
    let ws = Workspace::fixture("fate-workspace");
    for (lang, kinds) in [
        (
            "fr",
            [
                "stockage en service",
                "points de restauration",
                "dépôt de sauvegarde",
                "supports externalisés",
            ],
        ),
        (
            "en",
            [
                "live storage",
                "restore points",
                "backup repository",
                "off-site media",
            ],
        ),
    ] {
        let out = ok(ws.dpo().run(&["--lang", lang, "fate", "list"]), "fate list").stdout();
        let rows = copy_rows(&out, &kinds);
        assert_eq!(rows.len(), 4, "{lang}:\n{out}");
        for row in &rows {
            // Copy, kind, state: three cells, two spaces at least between.
            assert_eq!(row.len(), 3, "{lang}: {row:?}\n{out}");
            assert!(kinds.contains(&row[1].1.as_str()), "{lang}: {row:?}\n{out}");
            // One column each: every row's cells start where the first's do.
            let starts: Vec<usize> = row.iter().map(|c| c.0).collect();
            let first: Vec<usize> = rows[0].iter().map(|c| c.0).collect();
            assert_eq!(starts, first, "{lang}:\n{out}");
        }
    }
}

#[test]
fn init_writes_the_language_of_the_run() {
    let ws = Workspace::fixture("fate-workspace");
    for (lang, dir) in [("en", "my-reg"), ("fr", "mon-registre")] {
        let path = ws.path(dir);
        let p = path.to_str().unwrap();
        ok(ws.dpo().run(&["--lang", lang, "init", p]), "init");
        let processor = std::fs::read_to_string(path.join("processor.yaml")).unwrap();
        let line = processor
            .lines()
            .find(|l| l.starts_with("language:"))
            .expect("a language line");
        assert!(line.starts_with(&format!("language: {lang} ")), "{line}");
        // The workspace passes its check.
        ok(
            ws.dpo().run(&["--registers", p, "check", "--strict"]),
            "check",
        );
    }
}

#[test]
fn the_journal_names_the_item_each_fate_set_changed() {
    let ws = Workspace::fixture("fate-workspace");
    for (item, field, value) in [
        ("partages", "choice", "destroy"),
        ("sauvegardes", "choice", "return"),
        ("sauvegardes", "decision.reference", "courrier n° 2021-151"),
    ] {
        ok(
            ws.dpo().run(&["fate", "set", item, field, value]),
            "fate set",
        );
    }
    for (lang, want) in [
        (
            "fr",
            [
                "élément `partages` de `fate/juvisy-sur-orge.yaml`, champ `choice` (choix du responsable de traitement) modifié",
                "élément `sauvegardes` de `fate/juvisy-sur-orge.yaml`, champ `choice` (choix du responsable de traitement) modifié",
                "élément `sauvegardes` de `fate/juvisy-sur-orge.yaml`, champ `decision.reference` (référence de la décision) modifié",
            ],
        ),
        (
            "en",
            [
                "item `partages` of `fate/juvisy-sur-orge.yaml`, field `choice` (the controller's choice) set",
                "item `sauvegardes` of `fate/juvisy-sur-orge.yaml`, field `choice` (the controller's choice) set",
                "item `sauvegardes` of `fate/juvisy-sur-orge.yaml`, field `decision.reference` (reference of the decision) set",
            ],
        ),
    ] {
        let show = ok(ws.dpo().run(&["--lang", lang, "journal", "show"]), "journal show").stdout();
        for w in want {
            assert_eq!(show.matches(w).count(), 1, "{lang}: {w}\n{show}");
        }
    }
}

#[test]
fn the_security_measures_title_cites_the_article_with_a_comma() {
    let ws = Workspace::sample();
    ok(
        ws.dpo().now("2021-03-01 10:00").run(&["keys", "generate"]),
        "keys",
    );
    ok(
        ws.dpo()
            .now("2021-03-01 10:00")
            .run(&["audit", "pack", "-o", "pack"]),
        "pack",
    );
    let text = collapse(&pdftotext(&ws.path("pack/security-measures.pdf"), &[]));
    assert!(
        text.contains("Mesures de sécurité (RGPD, art. 32"),
        "{text}"
    );
    assert!(!text.contains("RGPD art."), "{text}");
}
