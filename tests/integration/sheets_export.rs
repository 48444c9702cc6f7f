//! Issue 14, export: `dpo register --format ods|xlsx` on the real binary,
//! each file read back by an independent reader (openpyxl, odfpy: see
//! `support/sheets.rs`).

use std::path::{Path, PathBuf};

use crate::support::sheets::{self, Book};
use crate::support::Workspace;

const NOW: &str = "2026-03-01T10:00:00+01:00";

/// `dpo register --format FORMAT -o FILE` with `extra` options, read back.
fn export(ws: &Workspace, format: &str, extra: &[&str]) -> (PathBuf, Book) {
    let out = ws
        .dir()
        .join(format!("registre-{}.{format}", extra.join("")));
    let mut args = vec!["register", "--format", format, "-o"];
    let path = out.to_str().unwrap().to_string();
    args.push(&path);
    args.extend(extra);
    let run = ws.dpo().now(NOW).run(&args);
    run.assert_no_panic();
    run.assert_code(0);
    (out.clone(), sheets::read(&out))
}

/// Every scalar of a YAML file, with its key, `to_confirm` lists left out.
fn leaves(v: &serde_yaml::Value, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_yaml::Value::Mapping(m) => {
            for (k, v) in m {
                let k = k.as_str().unwrap_or_default();
                if k != "to_confirm" {
                    leaves(v, k, out);
                }
            }
        }
        serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| leaves(v, key, out)),
        serde_yaml::Value::String(s) => out.push((key.to_string(), s.clone())),
        serde_yaml::Value::Number(n) => out.push((key.to_string(), n.to_string())),
        _ => {}
    }
}

fn yaml_leaves(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut files = vec![
        root.join("processor.yaml"),
        root.join("subprocessors.yaml"),
        root.join("security-measures.yaml"),
    ];
    for e in std::fs::read_dir(root.join("controllers")).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in files {
        let v: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        leaves(&v, "", &mut out);
    }
    out
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// What every export of the sample must show, whatever its format.
fn check_sample(book: &Book, root: &Path, todo: &str, to_confirm: &str) {
    for s in &book.sheets {
        assert_eq!(s.frozen_rows, 1, "{}: header frozen", s.name);
        assert!(
            s.rows[0].iter().all(|c| c.bold && c.v.is_some()),
            "{}",
            s.name
        );
    }
    let cells: Vec<&sheets::Cell> = book.sheets.iter().flat_map(|s| s.cells()).collect();
    // Every value of the sample, accents included, is in some cell (a line
    // of a list, a contact written on one line); every date is a date cell.
    for (key, value) in yaml_leaves(root) {
        if is_iso_date(&value) {
            assert!(
                cells
                    .iter()
                    .any(|c| c.date && c.v.as_deref() == Some(&value)),
                "{key}: {value} not a date cell"
            );
            continue;
        }
        let value = value.trim().to_string();
        assert!(
            cells
                .iter()
                .any(|c| c.v.as_deref().is_some_and(|v| v.contains(&value))),
            "{key}: `{value}` is in no cell"
        );
    }
    // The missing style is on exactly the cells that say « à compléter »,
    // the assumed one on exactly those that say « à confirmer ».
    for c in &cells {
        let v = c.v.clone().unwrap_or_default();
        let says_todo = v.lines().any(|l| l == todo);
        let says_assumed = v.ends_with(&format!("({to_confirm})"));
        match c.mark.as_deref() {
            Some("missing") => assert!(says_todo, "{c:?}"),
            Some("assumed") => assert!(says_assumed && !says_todo, "{c:?}"),
            None => assert!(!says_todo && !says_assumed, "{c:?} has no mark"),
            Some(other) => panic!("{other}: {c:?}"),
        }
    }
    assert!(cells.iter().any(|c| c.mark.as_deref() == Some("missing")));
    assert!(cells.iter().any(|c| c.mark.as_deref() == Some("assumed")));
}

#[test]
fn both_formats_read_back_with_their_sheets_every_value_dates_and_marks() {
    let ws = Workspace::sample();
    let (_, xlsx) = export(&ws, "xlsx", &[]);
    let (_, ods) = export(&ws, "ods", &[]);
    for book in [&xlsx, &ods] {
        assert_eq!(
            book.names(),
            [
                "Sous-traitant",
                "Responsables de traitement",
                "Commune de Juvisy-sur-Orge",
                "Sous-traitants ultérieurs",
                "Mesures de sécurité"
            ]
        );
        assert_eq!(
            book.title.as_deref(),
            Some(
                "Registre des catégories d'activités de traitement — \
                 Établissement public territorial Grand-Orly Seine Bièvre"
            )
        );
        // The document's creation is the run's --now (UTC).
        assert!(book
            .created
            .as_deref()
            .unwrap()
            .starts_with("2026-03-01T09:00:00"));
        check_sample(
            book,
            ws.root(),
            "«\u{202f}à compléter\u{202f}»",
            "à confirmer",
        );
        let p = book.sheet("Sous-traitant");
        assert_eq!(p.headers(), ["rubrique", "valeur", "clé"]);
        // The processor's rows are keyed by their processor.yaml path.
        let row = p
            .rows
            .iter()
            .find(|r| r[2].v.as_deref() == Some("dpo.email"))
            .unwrap();
        assert_eq!(
            row[0].v.as_deref(),
            Some("délégué à la protection des données — courriel")
        );
        assert_eq!(row[1].v.as_deref(), Some("DPO@grandorlyseinebievre.fr"));
        let c = book.sheet("Commune de Juvisy-sur-Orge");
        assert_eq!(c.headers()[0], "identifiant du responsable de traitement");
        // Transfers left out of the file: not known yet, « à compléter ».
        let country = c.at(0, "transferts — pays");
        assert_eq!(country.v.as_deref(), Some("«\u{202f}à compléter\u{202f}»"));
        assert_eq!(country.mark.as_deref(), Some("missing"));
        // A list is one item per line.
        let systems = c.at(0, "systèmes").v.unwrap();
        assert!(
            systems.contains('\n') || !systems.contains(';'),
            "{systems}"
        );
        let r = book.sheet("Responsables de traitement");
        let start = r.at(0, "début de la convention");
        assert!(start.date, "{start:?}");
        assert_eq!(start.v.as_deref(), Some("2021-02-01"));
        assert_eq!(r.at(0, "durée initiale (mois)").v.as_deref(), Some("6"));
    }
    // Two independent readers see the same cells in the two formats.
    let cells = |b: &Book| -> Vec<Vec<Vec<sheets::Cell>>> {
        b.sheets.iter().map(|s| s.rows.clone()).collect()
    };
    assert_eq!(cells(&xlsx), cells(&ods));
}

#[test]
fn the_same_workspace_and_now_give_the_same_bytes_and_a_new_edition_is_journaled() {
    let ws = Workspace::sample();
    for format in ["xlsx", "ods"] {
        let (a, _) = export(&ws, format, &[]);
        let first = std::fs::read(&a).unwrap();
        let again = ws.dir().join(format!("again.{format}"));
        let run = ws.dpo().now(NOW).run(&[
            "register",
            "--format",
            format,
            "-o",
            again.to_str().unwrap(),
        ]);
        run.assert_code(0);
        assert_eq!(std::fs::read(&again).unwrap(), first, "{format}");
        // Another instant is another document (its creation date).
        let later = ws.dir().join(format!("later.{format}"));
        let run = ws.dpo().now("2026-03-02T10:00:00+01:00").run(&[
            "register",
            "--format",
            format,
            "-o",
            later.to_str().unwrap(),
        ]);
        run.assert_code(0);
        assert_ne!(std::fs::read(&later).unwrap(), first, "{format}");
        // Without -o the bytes go to standard output (not a terminal here).
        let piped = ws.dpo().now(NOW).run(&["register", "--format", format]);
        piped.assert_code(0);
        assert!(piped.stdout().starts_with("PK"), "{format}");
    }
    // The edition issued to a file is recorded once, as for the PDF.
    let issued: Vec<_> = ws
        .journal()
        .into_iter()
        .filter(|e| e["action"] == "register.issue")
        .collect();
    assert_eq!(issued.len(), 1, "{issued:?}");
}

#[test]
fn in_english_the_sheets_headers_and_marks_are_english() {
    let ws = Workspace::sample();
    for format in ["xlsx", "ods"] {
        let (_, book) = export(&ws, format, &["--lang", "en"]);
        assert_eq!(
            book.names(),
            [
                "Processor",
                "Controllers",
                "Commune de Juvisy-sur-Orge",
                "Sub-processors",
                "Security measures"
            ]
        );
        check_sample(&book, ws.root(), "\"to be completed\"", "to be confirmed");
        assert_eq!(book.sheet("Processor").headers(), ["field", "value", "key"]);
        let c = book.sheet("Commune de Juvisy-sur-Orge");
        assert_eq!(
            c.at(0, "transfers — country").v.as_deref(),
            Some("\"to be completed\"")
        );
    }
}

#[test]
fn one_controller_shows_only_its_sheet_and_sub_processors() {
    let ws = Workspace::fixture("status-two-controllers");
    for format in ["xlsx", "ods"] {
        let (_, all) = export(&ws, format, &[]);
        assert!(all.names().contains(&"Commune de Bravo".to_string()));
        let (_, one) = export(&ws, format, &["--controller", "alpha"]);
        assert_eq!(
            one.names(),
            [
                "Sous-traitant",
                "Responsables de traitement",
                "Commune d'Alpha",
                "Sous-traitants ultérieurs",
                "Mesures de sécurité"
            ]
        );
        let controllers = one.sheet("Responsables de traitement");
        assert_eq!(controllers.rows.len(), 2, "one controller");
        let everything: String = one
            .sheets
            .iter()
            .flat_map(|s| s.cells())
            .filter_map(|c| c.v.clone())
            .collect();
        assert!(
            !everything.contains("Bravo"),
            "another controller disclosed"
        );
    }
}

#[test]
fn an_invalid_workspace_exits_2_and_leaves_no_file() {
    let ws = Workspace::sample();
    ws.write("processor.yaml", "name: [unterminated\n");
    for format in ["xlsx", "ods"] {
        let out = ws.dir().join(format!("broken.{format}"));
        let run =
            ws.dpo()
                .now(NOW)
                .run(&["register", "--format", format, "-o", out.to_str().unwrap()]);
        run.assert_no_panic();
        run.assert_code(2);
        run.assert_stderr_has("processor.yaml");
        assert!(!out.exists());
        let left: Vec<_> = std::fs::read_dir(ws.dir())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("broken"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn a_workbook_is_refused_on_a_terminal() {
    // `script` (util-linux) runs the command on a pseudo-terminal.
    let ws = Workspace::sample();
    for format in ["xlsx", "ods"] {
        let bin = env!("CARGO_BIN_EXE_dpo");
        let command = format!(
            "'{bin}' --registers '{}' --lang fr --now {NOW} register --format {format}",
            ws.root().display()
        );
        let run = crate::support::tools::run(
            std::process::Command::new("script")
                .args(["-qec", &command, "/dev/null"])
                .env("DPO_ACTOR", "test")
                .current_dir(ws.dir()),
        );
        run.assert_code(2);
        let upper = format.to_uppercase();
        assert!(
            run.stdout().contains(&format!(
                "refus d'afficher un fichier {upper} dans le terminal"
            )),
            "{}",
            run.text()
        );
        assert!(run.stdout().contains(&format!("-o registre.{format}")));
        assert!(!run.stdout().contains("PK"), "no bytes on the terminal");
    }
}

#[test]
fn a_per_controller_export_names_no_other_controller_not_even_as_a_sub_processor_s() {
    let ws = Workspace::fixture("status-two-controllers");
    ws.write(
        "subprocessors.yaml",
        "subprocessors:\n  - id: acme\n    name: Acme SAS\n    activities: [hébergement]\n    \
         controllers: [alpha, bravo]\n",
    );
    for format in ["xlsx", "ods"] {
        let (_, all) = export(&ws, format, &[]);
        let sp = all.sheet("Sous-traitants ultérieurs");
        let col = sp
            .headers()
            .iter()
            .position(|h| h.contains("responsables"))
            .unwrap();
        assert_eq!(sp.rows[1][col].v.as_deref(), Some("alpha\nbravo"));
        let (_, one) = export(&ws, format, &["--controller", "alpha"]);
        let sp = one.sheet("Sous-traitants ultérieurs");
        assert_eq!(sp.rows[1][col].v.as_deref(), Some("alpha"), "{format}");
        // The measures are the processor's, all listed as in the md
        // register (this fixture's ids merely say which town they serve).
        let shown = one
            .sheets
            .iter()
            .filter(|s| s.name != "Mesures de sécurité");
        for c in shown.flat_map(|s| s.cells()) {
            let v = c.v.clone().unwrap_or_default().to_lowercase();
            assert!(!v.contains("bravo"), "{format}: another controller in {v}");
        }
    }
}

#[test]
fn a_controller_named_history_gets_a_sheet_name_excel_accepts() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = std::fs::read_to_string(ws.root().join(file)).unwrap();
    ws.write(
        file,
        &text.replace("name: Commune de Juvisy-sur-Orge\n", "name: History\n"),
    );
    for format in ["xlsx", "ods"] {
        let (_, book) = export(&ws, format, &[]);
        assert!(
            book.names().contains(&"History (2)".to_string()),
            "{:?}",
            book.names()
        );
        assert!(!book.names().contains(&"History".to_string()));
    }
}

/// The display format of date cells: openpyxl's number format of the
/// convention's start (XLSX), or the parts of ODS's `dpo-date-format` style
/// in order (`day/month/year`).
fn date_display(path: &Path) -> String {
    let script = r#"
import sys, zipfile, re
p = sys.argv[1]
if p.endswith(".xlsx"):
    import openpyxl
    wb = openpyxl.load_workbook(p)
    ws = wb["Responsables de traitement"] if "Responsables de traitement" in wb.sheetnames else wb["Controllers"]
    col = [c.column for c in ws[1] if c.value in ("début de la convention", "start of the convention")][0]
    print(ws.cell(row=2, column=col).number_format)
else:
    z = zipfile.ZipFile(p)
    xml = z.read("styles.xml").decode() + z.read("content.xml").decode()
    m = re.search(r'<number:date-style style:name="dpo-date-format".*?</number:date-style>', xml, re.S)
    parts = re.findall(r"<number:(day|month|year|text)\b[^>]*?(?:/>|>([^<]*)</number:text>)", m.group(0))
    print("".join(t if k == "text" else k for k, t in parts))
"#;
    let r = crate::support::tools::run(
        std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(path),
    );
    r.assert_code(0);
    r.stdout().trim().to_string()
}

#[test]
fn dates_show_day_first_in_french_and_iso_in_english_in_both_formats() {
    let ws = Workspace::sample();
    let (xlsx, book) = export(&ws, "xlsx", &[]);
    assert_eq!(date_display(&xlsx), "dd/mm/yyyy");
    // Still a date cell holding the same day.
    let start = book
        .sheet("Responsables de traitement")
        .at(0, "début de la convention");
    assert!(
        start.date && start.v.as_deref() == Some("2021-02-01"),
        "{start:?}"
    );
    let (ods, _) = export(&ws, "ods", &[]);
    assert_eq!(date_display(&ods), "day/month/year");
    let (xlsx, _) = export(&ws, "xlsx", &["--lang", "en"]);
    assert_eq!(date_display(&xlsx), "yyyy-mm-dd");
    let (ods, _) = export(&ws, "ods", &["--lang", "en"]);
    assert_eq!(date_display(&ods), "year-month-day");
}

// Second review of issue 14 (part f14b): a text longer than an XLSX cell,
// a tab in an ODS cell.

/// `dpo import FILE --into INTO` on the real binary.
fn import(file: &Path, into: &Path) -> crate::support::Run {
    let r = crate::support::Dpo::new(into).now(NOW).run(&[
        "import".as_ref(),
        file.as_os_str(),
        "--into".as_ref(),
        into.as_os_str(),
    ]);
    r.assert_no_panic();
    r
}

/// The sample, the description of its category `messagerie` set to
/// `yaml` (a YAML scalar).
fn with_description(yaml: &str) -> Workspace {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let from = "description: Maintenance des serveurs de données (messageries) jusqu'à la reprise de cette brique par la ville (convention, art. 1 et 3).";
    let text = ws.read(file);
    assert!(text.contains(from));
    ws.write(file, &text.replace(from, &format!("description: {yaml}")));
    ws
}

#[test]
fn a_text_longer_than_an_xlsx_cell_is_written_cut_with_a_mark_said_and_reported_on_import() {
    let long = format!("Début {} fin", "mot ".repeat(8_700));
    assert!(long.chars().count() > 34_000);
    let ws = with_description(&long);
    let out = ws.dir().join("long.xlsx");
    let r = ws.dpo().now(NOW).run(&[
        "register".as_ref(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    r.assert_no_panic();
    r.assert_code(0);
    let err = r.stderr();
    assert!(
        err.lines().any(
            |l| l.contains("Commune de Juvisy-sur-Orge, ligne 3, colonne H")
                && l.contains("«\u{202f}description\u{202f}»")
                && l.contains("caractères, plus qu'une cellule XLSX n'en garde")
                && l.contains("coupé à 32")
        ),
        "{err}"
    );
    let book = sheets::read(&out);
    let cell = book
        .sheet("Commune de Juvisy-sur-Orge")
        .at(1, "description")
        .v
        .unwrap();
    assert_eq!(cell.chars().count(), 32_767);
    assert!(
        cell.starts_with("Début mot") && cell.ends_with(" […]"),
        "{}",
        &cell[cell.len() - 20..]
    );
    // The import does not take the cut text for the whole: it says so.
    let into = ws.dir().join("importe");
    let r = import(&out, &into);
    r.assert_code(1);
    let err = r.stderr();
    assert!(
        err.lines().any(
            |l| l.contains("Commune de Juvisy-sur-Orge, ligne 3, colonne H")
                && l.contains("coupé à l'export")
        ),
        "{err}"
    );
}

#[test]
fn a_tab_in_an_ods_cell_is_the_odf_tab_element_and_reads_back() {
    let ws =
        with_description("\"Maintenance\\tdes serveurs (messageries)\\navec un\\tsecond alinéa\"");
    let (out, _) = export(&ws, "ods", &[]);
    let script = "import zipfile, sys\nsys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('content.xml').decode())";
    let r = crate::support::tools::run(
        std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&out),
    );
    r.assert_code(0);
    let xml = r.stdout();
    assert!(xml.contains("Maintenance<text:tab/>des serveurs"), "{xml}");
    assert!(xml.contains("avec un<text:tab/>second alinéa"), "{xml}");
    assert!(!xml.contains('\t'));
    let into = ws.dir().join("importe");
    import(&out, &into).assert_code(0);
    let v: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        v["activities"][1]["description"].as_str(),
        Some("Maintenance\tdes serveurs (messageries)\navec un\tsecond alinéa")
    );
}
