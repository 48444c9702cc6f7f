//! Integration tests of the foundation: the register (PDF read back with
//! `pdftotext`, CSV read back with Python's `csv`), `dpo check` on a corpus of
//! broken workspaces, the journal's tamper evidence, the workspace lock, `init`
//! and `schema`. Each test copies a workspace to a temporary folder and runs
//! the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::dpo::BIN;
use crate::support::tools::{collapse, pdftotext, run};
use crate::support::{Dpo, Run, Workspace};

const NOW: &str = "2026-11-28T16:00:00+01:00";

/// `dpo` on `ws` at [`NOW`].
fn dpo_cmd(ws: &Workspace) -> Dpo {
    ws.dpo().now(NOW)
}

fn dpo(ws: &Workspace, args: &[&str]) -> Run {
    dpo_cmd(ws).run(args)
}

mod register {
    use super::*;

    fn pdf_of(ws: &Workspace, lang: &str) -> PathBuf {
        let out = ws.path(&format!("registre-{lang}.pdf"));
        let o = dpo(
            ws,
            &[
                "--lang",
                lang,
                "register",
                "--format",
                "pdf",
                "-o",
                out.to_str().unwrap(),
            ],
        );
        o.assert_no_panic();
        assert!(o.success(), "{}", o.text());
        out
    }

    #[test]
    fn the_french_pdf_reads_back_with_every_art_30_2_heading_and_exact_accents() {
        let ws = Workspace::sample();
        let pdf = pdf_of(&ws, "fr");
        let t = collapse(&pdftotext(&pdf, &[]));
        for s in [
            "Registre des catégories d'activités de traitement",
            "Établissement public territorial Grand-Orly Seine Bièvre",
            "Grand-Orly Seine Bièvre",
            "Commune de Juvisy-sur-Orge",
            "SIIM94",
            "DPO@grandorlyseinebievre.fr",
            "Michel Leprêtre",
            "200 058 014 00016",
            "mis en œuvre",
            "« best effort »",
            "n°2021-01-26_2209",
            "1er février 2021",
            "31 juillet 2021",
            "28 novembre 2026 à 16:00 (UTC+01:00)",
            // Art. 30(2)(a)
            "1. Le sous-traitant",
            "Délégué à la protection des données",
            "2.1 Responsable de traitement : Commune de Juvisy-sur-Orge",
            // Art. 30(2)(b)
            "Catégories de traitements effectués pour le compte du responsable de traitement",
            "Sauvegardes des serveurs",
            "CITRIX",
            // Art. 30(2)(c)
            "Transferts vers un pays tiers ou une organisation internationale",
            // the act says nothing of transfers (issue 9): not "Aucun transfert"
            "Transferts de données à caractère personnel vers un pays tiers ou une organisation internationale : « à compléter »",
            // Assumptions are marked (issue 9)
            "(à confirmer)",
            "6. Signature",
            // Art. 30(2)(d)
            "Description générale des mesures de sécurité techniques et organisationnelles",
            "Sécurisation des serveurs",
            // Annex 1 §II.6
            "3. Sous-traitants ultérieurs",
            // what the act leaves blank
            "à compléter",
            "Empreinte SHA-256 du contenu",
            "page 1 / ",
        ] {
            assert!(t.contains(s), "missing {s:?} in:\n{t}");
        }
        assert!(
            !t.contains('?') || !t.contains("Bi?vre"),
            "a character was lost"
        );
    }

    #[test]
    fn every_page_is_numbered_page_x_of_y() {
        let ws = Workspace::sample();
        let pdf = pdf_of(&ws, "fr");
        let info = run(Command::new("pdfinfo").arg(&pdf)).stdout();
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().parse().unwrap())
            .unwrap();
        assert!(pages >= 4, "{pages} pages");
        for p in 1..=pages {
            let ps = p.to_string();
            let page = pdftotext(&pdf, &["-f", &ps, "-l", &ps]);
            assert!(
                collapse(&page).contains(&format!("page {p} / {pages}")),
                "page {p}: {page}"
            );
        }
    }

    #[test]
    fn the_english_pdf_has_the_english_headings() {
        let ws = Workspace::sample();
        let pdf = pdf_of(&ws, "en");
        let t = collapse(&pdftotext(&pdf, &[]));
        for s in [
            "Record of categories of processing activities",
            "1. The processor",
            "Controller: Commune de Juvisy-sur-Orge",
            "Categories of processing carried out on behalf of the controller",
            "Transfers of personal data to a third country or an international organisation: \"to be completed\"",
            "(to be confirmed)",
            "6. Signature",
            "3. Sub-processors",
            "General description of the technical and organisational security measures",
            "to be completed",
            "1 February 2021",
        ] {
            assert!(t.contains(s), "missing {s:?} in:\n{t}");
        }
        assert!(!t.contains("Registre des catégories"));
    }

    #[test]
    fn the_same_input_and_date_give_byte_identical_pdfs() {
        let ws = Workspace::sample();
        let a = std::fs::read(pdf_of(&ws, "fr")).unwrap();
        let b_path = ws.path("again.pdf");
        let o = dpo(&ws, &["register", "-o", b_path.to_str().unwrap()]);
        assert!(o.success(), "{}", o.text());
        assert_eq!(a, std::fs::read(&b_path).unwrap());
    }

    #[test]
    fn another_date_gives_another_pdf() {
        let ws = Workspace::sample();
        let a = std::fs::read(pdf_of(&ws, "fr")).unwrap();
        let b_path = ws.path("later.pdf");
        let o =
            dpo_cmd(&ws)
                .now("2026-12-01 09:00")
                .run(&["register", "-o", b_path.to_str().unwrap()]);
        assert!(o.success(), "{}", o.text());
        assert_ne!(a, std::fs::read(&b_path).unwrap());
    }

    #[test]
    fn the_content_hash_in_the_register_is_what_sha256sum_computes() {
        let ws = Workspace::sample();
        let o = dpo(&ws, &["register", "--format", "md"]);
        assert!(o.success(), "{}", o.text());
        let md = o.stdout_utf8();
        let line = md
            .lines()
            .find(|l| l.contains("Empreinte SHA-256 du contenu"))
            .unwrap();
        let hash = line.split('|').nth(2).unwrap().trim().to_string();
        let cmd = md
            .lines()
            .find_map(|l| l.split('`').nth(1).filter(|c| c.starts_with("sha256sum ")))
            .unwrap()
            .to_string();
        let out = run(Command::new("sh")
            .arg("-c")
            .arg(&cmd)
            .current_dir(ws.root()));
        let got = out.stdout();
        assert_eq!(got.split_whitespace().next().unwrap(), hash, "{cmd}");
    }

    #[test]
    fn markdown_has_the_same_content_as_the_pdf() {
        let ws = Workspace::sample();
        let o = dpo(&ws, &["register", "--format", "md"]);
        assert!(o.success());
        let md = o.stdout_utf8();
        assert!(md.starts_with("# Registre des catégories d'activités de traitement"));
        assert!(md.contains("| Adresse | *«\u{202f}à compléter\u{202f}»* |"));
        assert!(md.contains("SIIM94"));
    }

    fn csv_rows(csv_path: &Path) -> Vec<Vec<String>> {
        let script = "import csv,json,sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f))))";
        let out = run(Command::new("python3").arg("-c").arg(script).arg(csv_path));
        assert!(out.success(), "{}", out.stderr());
        serde_json::from_value(out.json()).unwrap()
    }

    #[test]
    fn the_csv_has_one_row_per_category_of_processing_per_controller() {
        let ws = Workspace::sample();
        // A second controller with two categories of processing.
        let mut second =
            std::fs::read_to_string(ws.root().join("controllers/juvisy-sur-orge.yaml")).unwrap();
        let cut = second.find("activities:").unwrap();
        second.truncate(cut);
        second = second.replace("Commune de Juvisy-sur-Orge", "Commune d'Athis-Mons");
        second.push_str("activities:\n  - id: a\n    name: \"Messagerie; \\\"quotes\\\", virgules\"\n    description: \"ligne 1\\nligne 2\"\n  - id: b\n    name: Sauvegardes\ntransfers: []\n");
        std::fs::write(ws.root().join("controllers/athis-mons.yaml"), second).unwrap();
        let out = ws.path("registre.csv");
        let o = dpo(
            &ws,
            &["register", "--format", "csv", "-o", out.to_str().unwrap()],
        );
        assert!(o.success(), "{}", o.text());
        let rows = csv_rows(&out);
        assert_eq!(rows[0][1], "responsable de traitement");
        assert_eq!(rows.len(), 1 + 8 + 2, "{rows:?}");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        let athis: Vec<_> = rows.iter().filter(|r| r[0] == "athis-mons").collect();
        assert_eq!(athis.len(), 2);
        assert_eq!(athis[0][6], "Messagerie; \"quotes\", virgules");
        assert_eq!(athis[0][7], "ligne 1\nligne 2");
        assert!(rows
            .iter()
            .filter(|r| r[0] == "juvisy-sur-orge")
            .all(|r| r[2] == "«\u{202f}à compléter\u{202f}»"));
        // --controller restricts it.
        let o = dpo(
            &ws,
            &[
                "register",
                "--format",
                "csv",
                "--controller",
                "athis-mons",
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.success(), "{}", o.text());
        assert_eq!(csv_rows(&out).len(), 3);
    }

    #[test]
    fn an_unknown_controller_is_refused_with_the_known_ones() {
        let ws = Workspace::sample();
        let o = dpo(
            &ws,
            &[
                "register",
                "--format",
                "md",
                "--controller",
                "ville-inconnue",
            ],
        );
        assert_eq!(o.code(), Some(2));
        assert!(o.text().contains("juvisy-sur-orge"), "{}", o.text());
    }

    #[test]
    fn values_cannot_break_the_markdown_tables() {
        let ws = Workspace::sample();
        let p = ws.root().join("processor.yaml");
        let s = std::fs::read_to_string(&p)
            .unwrap()
            .replace("ape: 8411Z", "ape: \"84|11 *Z* <b>\"");
        std::fs::write(&p, s).unwrap();
        let o = dpo(&ws, &["register", "--format", "md"]);
        let md = o.stdout_utf8();
        assert!(
            md.contains("| Code APE | 84\\|11 \\*Z\\* \\<b\\> |"),
            "{md}"
        );
    }

    #[test]
    fn a_time_in_the_spring_gap_is_refused_with_both_readings() {
        let ws = Workspace::sample();
        let o = dpo_cmd(&ws)
            .now("2021-03-28 02:30")
            .run(&["register", "--format", "md"]);
        assert_eq!(o.code(), Some(2));
        let t = o.text();
        assert!(
            t.contains("01:59 (UTC+01:00)") && t.contains("03:00 (UTC+02:00)"),
            "{t}"
        );
    }
}

mod check {
    use super::*;

    #[test]
    fn the_sample_workspace_passes_with_warnings_for_what_the_act_leaves_blank() {
        let ws = Workspace::sample();
        let o = dpo(&ws, &["check"]);
        assert_eq!(o.code(), Some(0), "{}", o.text());
        let t = o.text();
        assert!(t.contains("avertissement\u{202f}: controllers/juvisy-sur-orge.yaml:7:10: address\u{202f}: non renseigné\u{202f}: l'adresse postale du responsable de traitement"), "{t}");
        assert!(t.contains("contacts.breach.phone"), "{t}");
        let o = dpo(&ws, &["check", "--strict"]);
        assert_eq!(o.code(), Some(1));
    }

    #[test]
    fn check_json_lists_every_diagnostic() {
        let ws = Workspace::sample();
        let o = dpo(&ws, &["--json", "check"]);
        let v: serde_json::Value = o.json();
        assert_eq!(v["errors"], 0);
        assert!(v["warnings"].as_u64().unwrap() > 10);
        assert_eq!(v["diagnostics"][0]["severity"], "warning");
    }

    /// One broken workspace: which file to change and how, and where the
    /// error must point.
    struct Case {
        name: &'static str,
        file: &'static str,
        change: fn(&str) -> Vec<u8>,
        /// Expected `file:line` (line 0: compute from the marker line).
        expect_file: &'static str,
        expect_line: Marker,
        expect_text: &'static str,
    }

    enum Marker {
        Line(usize),
        /// The first line of the changed file containing this text.
        LineOf(&'static str),
    }

    fn rep(s: &str, from: &str, to: &str) -> Vec<u8> {
        assert!(s.contains(from), "fixture lacks {from:?}");
        s.replacen(from, to, 1).into_bytes()
    }

    const C: &str = "controllers/juvisy-sur-orge.yaml";

    fn cases() -> Vec<Case> {
        vec![
            Case { name: "tab indentation", file: "processor.yaml", change: |s| rep(s, "  name: Michel", "\tname: Michel"), expect_file: "processor.yaml", expect_line: Marker::LineOf("\tname: Michel"), expect_text: "tab" },
            Case { name: "unknown field", file: "processor.yaml", change: |s| rep(s, "address:", "adress:"), expect_file: "processor.yaml", expect_line: Marker::LineOf("adress:"), expect_text: "did you mean `address`?" },
            Case { name: "wrong type", file: C, change: |s| rep(s, "term_months: 6", "term_months: six mois"), expect_file: C, expect_line: Marker::LineOf("term_months: six"), expect_text: "convention.term_months" },
            Case { name: "negative number", file: C, change: |s| rep(s, "term_months: 6", "term_months: -6"), expect_file: C, expect_line: Marker::LineOf("term_months: -6"), expect_text: "term_months" },
            Case { name: "bad date", file: C, change: |s| rep(s, "start: 2021-02-01", "start: 2021-02-30"), expect_file: C, expect_line: Marker::LineOf("start: 2021-02-30"), expect_text: "YYYY-MM-DD" },
            Case { name: "duplicate id", file: C, change: |s| rep(s, "id: messagerie", "id: serveurs-fichiers"), expect_file: C, expect_line: Marker::LineOf("  - id: serveurs-fichiers\n    name: Hébergement et maintenance de la messagerie"), expect_text: "duplicate id `serveurs-fichiers`" },
            Case { name: "dangling sub-processor", file: C, change: |s| rep(s, "subprocessors: [siim94]", "subprocessors: [siim95]"), expect_file: C, expect_line: Marker::LineOf("[siim95]"), expect_text: "subprocessors.yaml" },
            Case { name: "dangling security measure", file: C, change: |s| rep(s, "security_measures: [charte-numerique, cida]", "security_measures: [charte, cida]"), expect_file: C, expect_line: Marker::LineOf("[charte, cida]"), expect_text: "security-measures.yaml" },
            Case { name: "id with ../", file: "subprocessors.yaml", change: |s| rep(s, "id: siim94", "id: ../siim94"), expect_file: "subprocessors.yaml", expect_line: Marker::LineOf("../siim94"), expect_text: "not a valid identifier" },
            Case { name: "empty file", file: "people.yaml", change: |_| Vec::new(), expect_file: "people.yaml", expect_line: Marker::Line(1), expect_text: "empty" },
            Case { name: "only comments", file: "people.yaml", change: |_| b"# rien\n".to_vec(), expect_file: "people.yaml", expect_line: Marker::Line(1), expect_text: "empty" },
            Case { name: "binary file", file: "security-measures.yaml", change: |_| (0..=255u8).rev().cycle().take(4096).collect(), expect_file: "security-measures.yaml", expect_line: Marker::Line(1), expect_text: "not UTF-8" },
            Case { name: "NUL byte", file: "security-measures.yaml", change: |s| { let mut b = s.as_bytes().to_vec(); b.splice(30..30, [0u8]); b }, expect_file: "security-measures.yaml", expect_line: Marker::Line(1), expect_text: "NUL" },
            Case { name: "10 MB file", file: "subprocessors.yaml", change: |_| "# x\n".repeat(10 * 1024 * 1024 / 4).into_bytes(), expect_file: "subprocessors.yaml", expect_line: Marker::Line(1), expect_text: "over the limit" },
            Case { name: "duplicate key", file: "processor.yaml", change: |s| rep(s, "ape: 8411Z", "ape: 8411Z\nsiret: 1"), expect_file: "processor.yaml", expect_line: Marker::LineOf("siret: 1"), expect_text: "duplicate" },
            Case { name: "missing required field", file: C, change: |s| rep(s, "name: Commune de Juvisy-sur-Orge\n", ""), expect_file: C, expect_line: Marker::Line(5), expect_text: "missing field `name`" },
            Case { name: "unclosed flow sequence", file: C, change: |s| rep(s, "[siim94, partenaires-regie]", "[siim94, partenaires-regie"), expect_file: C, expect_line: Marker::LineOf("[siim94, partenaires-regie\n"), expect_text: "" },
            Case { name: "unknown timezone", file: "processor.yaml", change: |s| rep(s, "Europe/Paris", "Europe/Pariss"), expect_file: "processor.yaml", expect_line: Marker::LineOf("Europe/Pariss"), expect_text: "unknown timezone" },
            Case { name: "unknown controller in a sub-processor", file: "subprocessors.yaml", change: |s| rep(s, "controllers: [juvisy-sur-orge]", "controllers: [juvisy]"), expect_file: "subprocessors.yaml", expect_line: Marker::LineOf("[juvisy]"), expect_text: "controllers/juvisy.yaml" },
            Case { name: "unknown controller for a person", file: "people.yaml", change: |s| rep(s, "controllers: [juvisy-sur-orge]", "controllers: [athis-mons]"), expect_file: "people.yaml", expect_line: Marker::LineOf("[athis-mons]"), expect_text: "athis-mons" },
            Case { name: "contract ends before it starts", file: "subprocessors.yaml", change: |s| rep(s, "      start: null\n      end: null\n    location: null", "      start: 2021-02-01\n      end: 2020-01-01\n    location: null"), expect_file: "subprocessors.yaml", expect_line: Marker::LineOf("end: 2020-01-01"), expect_text: "before it starts" },
            Case { name: "list where a mapping is expected", file: "processor.yaml", change: |s| rep(s, "representative:\n  name: Michel Leprêtre\n  role: Président", "representative: [Michel]"), expect_file: "processor.yaml", expect_line: Marker::LineOf("representative: [Michel]"), expect_text: "representative" },
        ]
    }

    #[test]
    fn every_broken_workspace_gives_exit_2_and_names_the_file_and_line() {
        let cases = cases();
        assert!(cases.len() >= 15);
        for case in cases {
            let ws = Workspace::sample();
            let path = ws.root().join(case.file);
            let before = std::fs::read_to_string(&path).unwrap();
            let after = (case.change)(&before);
            std::fs::write(&path, &after).unwrap();
            let line = match case.expect_line {
                Marker::Line(n) => n,
                Marker::LineOf(m) => {
                    let s = String::from_utf8_lossy(&after);
                    let i = s
                        .find(m)
                        .unwrap_or_else(|| panic!("{}: marker not found", case.name));
                    s[..i].matches('\n').count()
                        + 1
                        + m[..m.len() - m.trim_start_matches(['\n']).len()]
                            .matches('\n')
                            .count()
                }
            };
            for args in [&["check"][..], &["register", "--format", "pdf", "-o"][..]] {
                let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
                let out_pdf = ws.path("out.pdf");
                if a.last().map(String::as_str) == Some("-o") {
                    a.push(out_pdf.to_string_lossy().into_owned());
                }
                let o = dpo_cmd(&ws).english().run(&a);
                o.assert_no_panic();
                let t = o.text();
                assert_eq!(
                    o.code(),
                    Some(2),
                    "{}: {a:?} exit {:?}\n{t}",
                    case.name,
                    o.code()
                );
                let want = format!("{}:{}:", case.expect_file, line);
                assert!(t.contains(&want), "{}: expected {want} in:\n{t}", case.name);
                assert!(
                    t.contains(case.expect_text),
                    "{}: expected {:?} in:\n{t}",
                    case.name,
                    case.expect_text
                );
                assert!(
                    !out_pdf.exists(),
                    "{}: a partial output was written",
                    case.name
                );
            }
        }
    }

    #[test]
    fn check_also_reads_the_fate_and_breach_records() {
        let ws = Workspace::sample();
        let fate = ws.root().join("fate/juvisy-sur-orge.yaml");
        let s = std::fs::read_to_string(&fate).unwrap().replacen(
            "    description:",
            "    descripton:",
            1,
        );
        let line = s[..s.find("descripton:").unwrap()].matches('\n').count() + 1;
        std::fs::write(&fate, s).unwrap();
        std::fs::create_dir_all(ws.root().join("breaches")).unwrap();
        std::fs::write(
            ws.root().join("breaches/2021-001.yaml"),
            "id: 2021-001\ntitle: [\n",
        )
        .unwrap();
        let o = dpo(&ws, &["check"]);
        assert_eq!(o.code(), Some(2), "{}", o.text());
        let t = o.text();
        assert!(
            t.contains(&format!("fate/juvisy-sur-orge.yaml:{line}:")),
            "{t}"
        );
        assert!(
            t.contains("vouliez-vous dire `description`\u{202f}?"),
            "{t}"
        );
        assert!(t.contains("breaches/2021-001.yaml:"), "{t}");
    }

    #[test]
    fn a_yml_file_in_controllers_is_an_error_with_a_rename_hint() {
        let ws = Workspace::sample();
        std::fs::copy(
            ws.root().join("controllers/juvisy-sur-orge.yaml"),
            ws.root().join("controllers/athis.yml"),
        )
        .unwrap();
        let o = dpo(&ws, &["check"]);
        assert_eq!(o.code(), Some(2));
        assert!(
            o.text().contains("controllers/athis.yml:1:1:")
                && o.text().contains("renommez-le `controllers/athis.yaml`"),
            "{}",
            o.text()
        );
    }

    #[test]
    fn a_missing_workspace_says_how_to_create_one() {
        let ws = Workspace::missing();
        let o = dpo(&ws, &["check"]);
        assert_eq!(o.code(), Some(2));
        assert!(o.text().contains("dpo init"), "{}", o.text());
    }

    #[test]
    fn a_missing_processor_file_is_named() {
        let ws = Workspace::sample();
        std::fs::remove_file(ws.root().join("processor.yaml")).unwrap();
        let o = dpo(&ws, &["check"]);
        assert_eq!(o.code(), Some(2));
        assert!(
            o.text()
                .contains("processor.yaml:1:1: (fichier)\u{202f}: ce fichier est absent"),
            "{}",
            o.text()
        );
        let o = dpo_cmd(&ws).english().run(&["check"]);
        assert!(
            o.text()
                .contains("processor.yaml:1:1: (file): this file is missing"),
            "{}",
            o.text()
        );
    }

    #[test]
    fn errors_in_several_files_are_all_reported_at_once() {
        let ws = Workspace::sample();
        std::fs::write(ws.root().join("people.yaml"), "").unwrap();
        let p = ws.root().join("processor.yaml");
        let s = std::fs::read_to_string(&p)
            .unwrap()
            .replace("address:", "adress:");
        std::fs::write(&p, s).unwrap();
        let t = dpo(&ws, &["check"]).text();
        assert!(
            t.contains("people.yaml:1:1") && t.contains("processor.yaml:6:1"),
            "{t}"
        );
    }
}

mod journal {
    use super::*;

    fn notes(ws: &Workspace, n: usize) {
        for i in 0..n {
            let o = dpo(ws, &["journal", "note", "-m", &format!("note {i}")]);
            assert!(o.success(), "{}", o.text());
        }
    }

    #[test]
    fn notes_chain_and_verify() {
        let ws = Workspace::sample();
        notes(&ws, 3);
        let o = dpo(&ws, &["journal", "verify"]);
        assert_eq!(o.code(), Some(0), "{}", o.text());
        assert!(o.text().contains("3 entrées"), "{}", o.text());
        let o = dpo(&ws, &["--json", "journal", "show"]);
        let v: serde_json::Value = o.json();
        assert_eq!(v.as_array().unwrap().len(), 3);
        assert_eq!(v[2]["seq"], 3);
        assert_eq!(v[0]["at"], "2026-11-28T15:00:00Z");
    }

    #[test]
    fn any_tampering_is_found_by_journal_verify_and_check() {
        let ws = Workspace::sample();
        notes(&ws, 4);
        let path = ws.root().join("journal.jsonl");
        let orig = std::fs::read(&path).unwrap();
        let lines: Vec<&[u8]> = orig
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .collect();
        let join = |v: &[&[u8]]| {
            v.iter()
                .flat_map(|l| l.iter().copied().chain([b'\n']))
                .collect::<Vec<u8>>()
        };
        let mut variants: Vec<(String, Vec<u8>)> = Vec::new();
        for i in (0..orig.len()).step_by(7) {
            if orig[i] == b'\n' {
                continue;
            }
            let mut b = orig.clone();
            b[i] = if b[i] == b'0' { b'1' } else { b'0' };
            variants.push((format!("byte {i} changed"), b));
        }
        variants.push((
            "entry 2 deleted".into(),
            join(&[lines[0], lines[2], lines[3]]),
        ));
        variants.push((
            "entries 2 and 3 swapped".into(),
            join(&[lines[0], lines[2], lines[1], lines[3]]),
        ));
        variants.push((
            "last entry removed".into(),
            join(&[lines[0], lines[1], lines[2]]),
        ));
        variants.push(("cut mid-entry".into(), orig[..orig.len() - 20].to_vec()));
        variants.push(("emptied".into(), Vec::new()));
        for (what, bytes) in variants {
            std::fs::write(&path, &bytes).unwrap();
            let o = dpo(&ws, &["journal", "verify"]);
            assert_eq!(o.code(), Some(1), "{what}: {}", o.text());
            assert!(o.text().contains("journal rompu"), "{what}");
            let o = dpo(&ws, &["check"]);
            assert_eq!(o.code(), Some(1), "{what}: check {}", o.text());
            // Nothing is appended on top of a broken journal.
            let o = dpo(&ws, &["journal", "note", "-m", "x"]);
            assert_eq!(o.code(), Some(2), "{what}: note {}", o.text());
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}");
        }
    }

    #[test]
    fn the_first_bad_entry_is_named() {
        let ws = Workspace::sample();
        notes(&ws, 3);
        let path = ws.root().join("journal.jsonl");
        let s = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = s.lines().map(String::from).collect();
        lines[1] = lines[1].replace("\"actor\":\"test\"", "\"actor\":\"mallory\"");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let o = dpo(&ws, &["journal", "verify"]);
        assert_eq!(o.code(), Some(1));
        assert!(
            o.text().contains("journal.jsonl:2\u{202f}:")
                && o.text().contains("l'entrée 2 a été modifiée"),
            "{}",
            o.text()
        );
        // The last entry has no successor: journal.head vouches for it.
        let mut lines: Vec<String> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        lines[1] = lines[1].replace("\"actor\":\"mallory\"", "\"actor\":\"test\"");
        lines[2] = lines[2].replace("\"actor\":\"test\"", "\"actor\":\"mallory\"");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let o = dpo(&ws, &["journal", "verify"]);
        assert_eq!(o.code(), Some(1));
        assert!(
            o.text().contains("journal.jsonl:3\u{202f}:")
                && o.text().contains("l'entrée 3 (la dernière) a été modifiée"),
            "{}",
            o.text()
        );
    }

    #[test]
    fn concurrent_writers_never_interleave_or_lose_an_entry() {
        let ws = Workspace::sample();
        let mut children = Vec::new();
        for p in 0..8 {
            let script = format!(
                "for i in 1 2 3 4 5; do \"$0\" --registers \"$1\" journal note -m \"writer {p} note $i\" || exit 1; done"
            );
            children.push(
                Command::new("sh")
                    .arg("-c")
                    .arg(script)
                    .arg(BIN)
                    .arg(ws.root())
                    .env("DPO_LOCK_WAIT", "60")
                    .env("DPO_ACTOR", format!("writer-{p}"))
                    .spawn()
                    .unwrap(),
            );
        }
        for mut c in children {
            assert!(c.wait().unwrap().success());
        }
        let o = dpo(&ws, &["journal", "verify"]);
        assert_eq!(o.code(), Some(0), "{}", o.text());
        let o = dpo(&ws, &["--json", "journal", "show"]);
        let v: serde_json::Value = o.json();
        let entries = v.as_array().unwrap();
        assert_eq!(entries.len(), 40);
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(e["seq"], i as u64 + 1);
        }
        let mut hashes: Vec<&str> = entries
            .iter()
            .map(|e| e["payload_sha256"].as_str().unwrap())
            .collect();
        hashes.sort();
        hashes.dedup();
        assert_eq!(hashes.len(), 40, "an entry was lost or duplicated");
    }

    #[test]
    fn a_held_lock_makes_a_writer_wait_then_fail_clearly() {
        let ws = Workspace::sample();
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(ws.root().join(".dpo.lock"))
            .unwrap();
        f.lock().unwrap();
        let o = dpo_cmd(&ws)
            .env("DPO_LOCK_WAIT", "0.3")
            .run(&["journal", "note", "-m", "x"]);
        assert_eq!(o.code(), Some(2));
        assert!(o.text().contains("un autre processus dpo"), "{}", o.text());
        assert!(!ws.root().join("journal.jsonl").exists());
        drop(f);
        let o = dpo(&ws, &["journal", "note", "-m", "x"]);
        assert!(o.success(), "{}", o.text());
    }
}

mod init {
    use super::*;

    #[test]
    fn a_new_workspace_passes_check_strictly_and_has_a_journal() {
        let ws = Workspace::missing();
        let o = dpo(&ws, &["init", ws.root().to_str().unwrap()]);
        assert!(o.success(), "{}", o.text());
        let o = dpo(&ws, &["check", "--strict"]);
        assert_eq!(o.code(), Some(0), "{}", o.text());
        assert!(
            o.text()
                .contains("journal\u{202f}: une entrée, chaîne intacte"),
            "{}",
            o.text()
        );
        let o = dpo(&ws, &["register", "--format", "md"]);
        assert!(o.success());
        assert!(!o.stdout().contains("à compléter"));
    }

    #[test]
    fn init_never_overwrites_an_existing_folder() {
        let ws = Workspace::sample();
        let before = std::fs::read(ws.root().join("processor.yaml")).unwrap();
        let o = dpo(&ws, &["init", ws.root().to_str().unwrap()]);
        assert_eq!(o.code(), Some(2));
        assert!(o.text().contains("n'écrase jamais"), "{}", o.text());
        assert_eq!(
            std::fs::read(ws.root().join("processor.yaml")).unwrap(),
            before
        );
    }
}

mod schema {
    use super::*;

    #[test]
    fn schema_writes_one_json_schema_per_file_kind() {
        let ws = Workspace::sample();
        let dir = ws.path("schemas");
        let o = dpo(&ws, &["schema", "-o", dir.to_str().unwrap()]);
        assert!(o.success(), "{}", o.text());
        for name in [
            "processor",
            "controller",
            "subprocessors",
            "security-measures",
            "people",
            "breach",
            "fate",
            "request",
            "instruction",
            "subprocessor-notice",
        ] {
            let s = std::fs::read(dir.join(format!("{name}.schema.json"))).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&s).unwrap();
            assert!(v["properties"].is_object(), "{name}");
            assert_eq!(
                v["additionalProperties"], false,
                "{name}: unknown fields must be refused"
            );
        }
    }
}

mod docs {
    use super::*;

    #[test]
    fn completions_and_man_pages_are_generated_and_a_closed_pipe_is_no_panic() {
        let ws = Workspace::sample();
        let o = dpo(&ws, &["completions", "bash"]);
        assert!(o.success());
        assert!(o.stdout().contains("_dpo()"));
        let dir = ws.path("man");
        let o = dpo(&ws, &["man", "-o", dir.to_str().unwrap()]);
        assert!(o.success(), "{}", o.text());
        assert!(std::fs::read_to_string(dir.join("dpo-register.1"))
            .unwrap()
            .contains("register"));
        // `dpo … | head -1`: the reader goes away; dpo must end quietly.
        for args in ["man -o DIR", "completions bash", "check"] {
            let cmd = format!(
                "\"$0\" --registers \"$1\" {} | true; exit ${{PIPESTATUS[0]}}",
                args.replace("DIR", &dir.to_string_lossy())
            );
            let o = run(Command::new("bash")
                .arg("-c")
                .arg(&cmd)
                .arg(BIN)
                .arg(ws.root())
                .env("DPO_NOW", NOW));
            o.assert_no_panic();
        }
    }
}
