//! Integration tests of issue 14, import: `dpo import FILE --into DIR
//! [--mapping MAP.yaml]` on the real binary. A sheet in the authority's
//! processor-register layout made here with `openpyxl` — a renamed column
//! (mapping file), an empty row, a merged cell, dates typed as text, a
//! column that is no field, a row with no controller — is imported: each
//! value placed or reported with its sheet, row and column, the new
//! workspace passes `dpo check` and its journal names the file's SHA-256.
//! A file that is not a spreadsheet and a non-empty `--into` are refused
//! (exit 2) with nothing written.

use std::path::Path;
use std::process::Command;

use crate::support::tools::{run, sha256sum};
use crate::support::{Dpo, Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";

/// Writes `out` with `openpyxl` from the Python `body` (a workbook `wb`
/// whose first sheet is `ws`).
fn openpyxl(out: &Path, body: &str) {
    let script = format!(
        "import openpyxl, sys\nwb = openpyxl.Workbook()\nws = wb.active\n{body}\nwb.save(sys.argv[1])\n"
    );
    run(Command::new("python3").arg("-c").arg(script).arg(out)).assert_code(0);
}

/// The authority's layout, with « Mesures de sécurité » instead of the
/// model's header, a remark column, a controller's name merged over three
/// rows, an empty row, dates typed as text (two forms) and as a date cell,
/// and an orphan row.
const AUTHORITY: &str = r#"
ws.title = "Registre"
ws.append(["Registre des activités de traitement du sous-traitant"])
ws.merge_cells("A1:F1")
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Mesures de sécurité", "Transferts vers un pays tiers ou une organisation internationale",
           "Garanties appropriées", "Début de la convention", "Durée de la convention (mois)",
           "Remarques"])
ws.append(["Commune de Juvisy-sur-Orge", "Hébergement de la messagerie",
           "Sauvegardes chiffrées\nPare-feu", "aucun", None, "01/02/2021", 6, None])
ws.append([None, "Gestion de la paie", "Sauvegardes chiffrées", None, None, None, None, "à revoir"])
ws.append([None, "État civil", None, None, None, None, None, None])
ws.merge_cells("A3:A5")
ws.append([])
import datetime
ws.append(["Ville d'Athis-Mons", "Urbanisme", None, "États-Unis : Fournisseur SaaS",
           "Clauses contractuelles types", datetime.date(2022, 3, 1), 12, None])
ws.append(["Ville de Morangis", "Voirie", "Pare-feu", None, None, "1er mars 2022", 12, None])
ws.append([None, "Orpheline", None, None, None, None, None, None])
"#;

fn dpo_in(ws: &Workspace) -> Dpo {
    ws.dpo().now(NOW)
}

/// `dpo import FILE --into DIR [--mapping MAP]`.
trait Import {
    fn import(self, file: &Path, into: &Path, mapping: Option<&Path>) -> Run;
}

impl Import for Dpo {
    fn import(self, file: &Path, into: &Path, mapping: Option<&Path>) -> Run {
        let mut args = vec![
            "import".as_ref(),
            file.as_os_str(),
            "--into".as_ref(),
            into.as_os_str(),
        ];
        if let Some(map) = mapping {
            args.extend(["--mapping".as_ref(), map.as_os_str()]);
        }
        self.run(&args)
    }
}

#[test]
fn a_sheet_in_the_authority_s_layout_becomes_a_workspace_and_every_stray_value_is_reported() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let map = ws.path("correspondance.yaml");
    std::fs::write(&map, "columns:\n  Mesures de sécurité: measures\n").unwrap();
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_no_panic();
    // Written, with values reported: exit 1.
    r.assert_code(1);
    let err = r.stderr();
    assert!(
        err.contains("Registre, ligne 4, colonne H") && err.contains("«\u{202f}à revoir\u{202f}»"),
        "{err}"
    );
    assert!(
        err.contains("Registre, ligne 9, colonne B") && err.contains("«\u{202f}Orpheline\u{202f}»"),
        "{err}"
    );
    assert_eq!(err.matches("non importé").count(), 2, "{err}");
    let juvisy =
        std::fs::read_to_string(into.join("controllers/commune-de-juvisy-sur-orge.yaml")).unwrap();
    // The merged name holds for its three rows; the empty row is skipped.
    for category in [
        "Hébergement de la messagerie",
        "Gestion de la paie",
        "État civil",
    ] {
        assert!(juvisy.contains(category), "{juvisy}");
    }
    assert!(juvisy.contains("start: 2021-02-01"), "{juvisy}");
    assert!(juvisy.contains("term_months: 6"), "{juvisy}");
    assert!(juvisy.contains("transfers: []"), "{juvisy}");
    let athis = std::fs::read_to_string(into.join("controllers/ville-d-athis-mons.yaml")).unwrap();
    assert!(athis.contains("start: 2022-03-01"), "{athis}");
    assert!(athis.contains("country: États-Unis"), "{athis}");
    assert!(athis.contains("recipient: Fournisseur SaaS"), "{athis}");
    assert!(
        athis.contains("safeguards: Clauses contractuelles types"),
        "{athis}"
    );
    let morangis =
        std::fs::read_to_string(into.join("controllers/ville-de-morangis.yaml")).unwrap();
    assert!(morangis.contains("start: 2022-03-01"), "{morangis}");
    // No transfer column filled: not known yet, so no `transfers`.
    assert!(!morangis.contains("transfers"), "{morangis}");
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert_eq!(measures.matches("title:").count(), 2, "{measures}");
    // The new workspace passes `dpo check`.
    Dpo::new(&into).now(NOW).run(&["check"]).assert_code(0);
    // Its journal names the file and its SHA-256.
    let journal = std::fs::read_to_string(into.join("journal.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(journal.lines().next().unwrap()).unwrap();
    assert_eq!(first["action"], "workspace.import");
    let text = first["text"].as_str().unwrap();
    assert!(text.contains(&sha256sum(&xlsx)), "{text}");
    assert!(text.contains("registre-apd.xlsx"), "{text}");
}

#[test]
fn without_the_mapping_the_renamed_column_is_reported_cell_by_cell() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).english().import(&xlsx, &into, None);
    r.assert_code(1);
    let err = r.stderr();
    for cell in ["row 3, column C", "row 4, column C"] {
        assert!(err.contains(cell), "{cell}: {err}");
    }
    assert!(
        err.contains("column “Mesures de sécurité” is no field"),
        "{err}"
    );
}

#[test]
fn a_bad_mapping_file_is_refused_with_its_line_and_the_fields_it_may_use() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let map = ws.path("correspondance.yaml");
    std::fs::write(&map, "columns:\n  Mesures: mesures\n").unwrap();
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_code(2);
    let err = r.stderr();
    assert!(
        err.contains("correspondance.yaml") && err.contains("line 2"),
        "{err}"
    );
    assert!(err.contains("convention_start"), "{err}");
    assert!(!into.exists());
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_by_name_and_nothing_is_written() {
    let ws = Workspace::missing();
    let fake = ws.path("registre.xlsx");
    std::fs::write(&fake, "name: ceci n'est pas un classeur\n").unwrap();
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&fake, &into, None);
    r.assert_no_panic();
    r.assert_code(2);
    assert!(r.stderr().contains("registre.xlsx"), "{}", r.stderr());
    assert!(
        r.stderr().contains("n'est pas un classeur lisible"),
        "{}",
        r.stderr()
    );
    assert!(!into.exists());
    let left: Vec<_> = std::fs::read_dir(ws.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".dpo-import"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_non_empty_into_folder_is_refused_and_left_as_it_was() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let into = ws.path("occupe");
    std::fs::create_dir_all(&into).unwrap();
    std::fs::write(into.join("notes.txt"), "à garder").unwrap();
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_code(2);
    assert!(r.stderr().contains("n'est pas vide"), "{}", r.stderr());
    let names: Vec<_> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["notes.txt"]);
    assert_eq!(
        std::fs::read_to_string(into.join("notes.txt")).unwrap(),
        "à garder"
    );
}

/// Every cell of an XLSX file by `openpyxl`, one line each: sheet, cell,
/// value, fill colour — but the processor sheet's rows about the register
/// itself (`register.date`, `register.edition`, `register.version`: the
/// edition and content fingerprint of the files, which a new workspace's
/// re-serialised YAML changes).
fn cells(xlsx: &Path) -> String {
    let script = r#"
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("sheet", ws.title, ws.freeze_panes)
    for row in ws.iter_rows():
        if len(row) >= 3 and str(row[2].value or "").startswith("register."):
            continue
        for c in row:
            if c.value is not None:
                print(c.coordinate, repr(c.value), c.fill.fgColor.rgb, c.font.i)
"#;
    let r = run(Command::new("python3").arg("-c").arg(script).arg(xlsx));
    r.assert_code(0);
    r.stdout()
}

/// `register --format FORMAT` of the workspace `from` → `import` →
/// `check` passes → `register --format xlsx`: the same cells as the first
/// export in XLSX.
fn round_trip(ws: &Workspace, from: &Path, format: &str) {
    let reg = |root: &Path, format: &str, out: &Path| {
        Dpo::new(root).now(NOW).run(&[
            "register".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
    };
    let first = ws.path("premier.xlsx");
    reg(from, "xlsx", &first).assert_code(0);
    let exported = ws.path(&format!("export.{format}"));
    reg(from, format, &exported).assert_code(0);
    let into = ws.path(&format!("importe-{format}"));
    let r = Dpo::new(&into).now(NOW).import(&exported, &into, None);
    r.assert_no_panic();
    r.assert_code(0);
    Dpo::new(&into).now(NOW).run(&["check"]).assert_code(0);
    let again = ws.path(&format!("again-{format}.xlsx"));
    reg(&into, "xlsx", &again).assert_code(0);
    let (a, b) = (cells(&first), cells(&again));
    assert!(a.lines().count() > 20, "{a}");
    if a != b {
        let diff: Vec<String> = a
            .lines()
            .zip(b.lines())
            .filter(|(x, y)| x != y)
            .take(10)
            .map(|(x, y)| format!("- {x}\n+ {y}"))
            .collect();
        panic!("the round trip changed cells:\n{}", diff.join("\n"));
    }
    // A second trip from the imported workspace gives the same bytes, the
    // register's own rows included: the import writes the same files from
    // the same sheets, so nothing was left behind by the first trip.
    let second = ws.path(&format!("second.{format}"));
    reg(&into, format, &second).assert_code(0);
    let into2 = ws.path(&format!("importe2-{format}"));
    Dpo::new(&into2)
        .now(NOW)
        .import(&second, &into2, None)
        .assert_code(0);
    let third = ws.path(&format!("third-{format}.xlsx"));
    reg(&into2, "xlsx", &third).assert_code(0);
    assert!(
        std::fs::read(&again).unwrap() == std::fs::read(&third).unwrap(),
        "a second trip changed the bytes:\n{}",
        cells(&third)
    );
}

#[test]
fn the_sample_s_xlsx_export_imports_back_to_the_same_cells() {
    let ws = Workspace::sample();
    round_trip(&ws, ws.root(), "xlsx");
}

#[test]
fn the_sample_s_ods_export_imports_back_to_the_same_cells() {
    let ws = Workspace::sample();
    round_trip(&ws, ws.root(), "ods");
}

#[test]
fn the_ten_by_thousand_workspace_round_trips_through_xlsx_and_ods() {
    let ws = Workspace::missing();
    let big = ws.path("big");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_workspace.py");
    run(Command::new("python3")
        .arg(script)
        .arg(&big)
        .arg("10")
        .arg("1000"))
    .assert_code(0);
    round_trip(&ws, &big, "xlsx");
    round_trip(&ws, &big, "ods");
}

/// The sample exported by `dpo register --format xlsx`, edited by the
/// Python `edit` (openpyxl: `wb` loaded, `ws` its controller's sheet),
/// imported into `nouveau`: the run and the new workspace.
fn edited_export(
    ws: &Workspace,
    edit: &str,
    english: bool,
) -> (crate::support::dpo::Run, std::path::PathBuf) {
    let xlsx = ws.path("modifie.xlsx");
    Dpo::new(ws.root())
        .now(NOW)
        .run(&[
            "register".as_ref(),
            "--format".as_ref(),
            "xlsx".as_ref(),
            "-o".as_ref(),
            xlsx.as_os_str(),
        ])
        .assert_code(0);
    let script = format!(
        "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n\
         ws = wb['Commune de Juvisy-sur-Orge']\n{edit}\nwb.save(sys.argv[1])\n"
    );
    run(Command::new("python3").arg("-c").arg(script).arg(&xlsx)).assert_code(0);
    let into = ws.path("nouveau");
    let dpo = if english {
        dpo_in(ws).english()
    } else {
        dpo_in(ws)
    };
    let r = dpo.import(&xlsx, &into, None);
    r.assert_no_panic();
    (r, into)
}

fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    for e in walk(dir) {
        out.push_str(&std::fs::read_to_string(e).unwrap_or_default());
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_changed_controller_transfer_or_processor_cell_on_any_row_is_reported_never_dropped() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['M3'] = 'Canada'\nws['N3'] = 'Shopify'\nws['C2'] = '2 rue Neuve'\n\
         ws['B3'] = 'Autre nom'\nws['T2'] = 'Quelqu’un'\nws['A4'] = 'inconnu'\nws['A5'] = None\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    for cell in [
        "ligne 3, colonne M",
        "ligne 3, colonne N",
        "ligne 2, colonne C",
        "ligne 3, colonne B",
        "ligne 2, colonne T",
        "ligne 4, colonne A",
        "ligne 5, colonne A",
    ] {
        assert!(
            err.contains(&format!("Commune de Juvisy-sur-Orge, {cell}")),
            "{cell}: {err}"
        );
    }
    assert!(
        err.contains("«\u{202f}Canada\u{202f}» diffère de la valeur de la ligne 2"),
        "{err}"
    );
    assert!(
        err.contains("«\u{202f}2 rue Neuve\u{202f}» diffère de la valeur retenue"),
        "{err}"
    );
    assert!(
        err.contains("«\u{202f}inconnu\u{202f}»\u{202f}: cette ligne n'est pas celle"),
        "{err}"
    );
    // The rows of no controller or another are not merged into this one.
    let text = all_text(&into);
    assert!(
        !text.contains("Canada") && !text.contains("2 rue Neuve"),
        "{text}"
    );
    let count = |root: &Path| {
        let f = root.join("controllers/juvisy-sur-orge.yaml");
        let v: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        v["activities"].as_sequence().unwrap().len()
    };
    assert_eq!(count(&into), count(ws.root()) - 2);
}

#[test]
fn a_line_break_inside_a_list_item_or_a_transfer_survives_the_round_trip_in_its_place() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = std::fs::read_to_string(ws.root().join(file))
        .unwrap()
        .replace(
            "data_categories: [courriels des agents et de leurs correspondants]",
            "data_categories: [\"courriels des agents\\net de leurs correspondants\", \"c:\\\\n\"]",
        );
    ws.write(
        file,
        &format!(
            "{text}transfers:\n  - country: Suisse\n    recipient: Hébergeur\n    \
             purpose: \"support ; télémaintenance\\n24/7\"\n    to_confirm: [purpose]\n  \
             - country: Canada\n    recipient: Éditeur\n"
        ),
    );
    let parse = |root: &Path| -> serde_yaml::Value {
        serde_yaml::from_str(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap()
    };
    let before = parse(ws.root());
    assert_eq!(
        before["transfers"][0]["purpose"].as_str(),
        Some("support ; télémaintenance\n24/7")
    );
    for format in ["xlsx", "ods"] {
        round_trip(&ws, ws.root(), format);
        let after = parse(&ws.path(&format!("importe-{format}")));
        assert_eq!(after["transfers"], before["transfers"], "{format}");
        let cats = |v: &serde_yaml::Value| v["activities"][1]["data_categories"].clone();
        assert_eq!(cats(&after), cats(&before), "{format}");
    }
}

#[test]
fn an_import_invents_no_person_and_check_names_each_value_left_as_placeholder_words() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let map = ws.path("correspondance.yaml");
    std::fs::write(&map, "columns:\n  Mesures de sécurité: measures\n").unwrap();
    let into = ws.path("nouveau");
    dpo_in(&ws).import(&xlsx, &into, Some(&map)).assert_code(1);
    let people = std::fs::read_to_string(into.join("people.yaml")).unwrap();
    assert!(people.contains("people: []"), "{people}");
    assert!(
        !people.contains("Morgan") && !people.contains("name:"),
        "{people}"
    );
    let check = Dpo::new(&into).now(NOW).run(&["check"]);
    check.assert_code(0);
    let out = check.text();
    let flagged: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("porte les mots"))
        .collect();
    assert!(
        flagged
            .iter()
            .any(|l| l.contains("processor.yaml:") && l.contains(": name")),
        "{out}"
    );
    for c in ["commune-de-juvisy-sur-orge", "ville-de-morangis"] {
        assert!(
            flagged
                .iter()
                .any(|l| l.contains(c) && l.contains("convention.title")),
            "{c}: {out}"
        );
    }
    // In English, the same words are recognised and the warning is English.
    let en = Dpo::new(&into).now(NOW).english().run(&["check"]);
    assert!(
        en.text().contains("holds the words \"to be completed\""),
        "{}",
        en.text()
    );
}

#[test]
fn the_authority_layout_reports_other_sheets_contradictions_formulas_and_duplicates() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Description du traitement",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Début de la convention", "Durée de la convention (mois)"])
ws.append(["commune a", "Paie", "=1+1", "aucun", "01/02/2021", 6])
ws.append(["commune a ", "paie ", None, "Canada : Éditeur", None, None])
ws.append(["Commune B", "Voirie", "=CONCATENATE(\"a\",\"b\")", None, "01/02/2021", 6])
other = wb.create_sheet("Commune C")
other.append(["Commune C", "Voirie", "Pare-feu", "2021-01-01", 12])
wb.create_sheet("Notes").append(["à relire"])
"#,
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    r.assert_code(1);
    let err = r.stderr();
    for at in [
        "Commune C, ligne 1, colonne A",
        "Commune C, ligne 1, colonne E",
        "Notes, ligne 1, colonne A",
        "Registre, ligne 2, colonne C",
        "Registre, ligne 4, colonne C",
        "Registre, ligne 3, colonne B",
        "Registre, ligne 3, colonne D",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
    assert!(
        err.contains("«\u{202f}=1+1\u{202f}»\u{202f}: une formule"),
        "{err}"
    );
    assert!(err.contains("contredit la ligne 2"), "{err}");
    assert!(err.contains("figure déjà à la ligne 2"), "{err}");
    // One controller `commune a`, its name trimmed; one category; the
    // contradicted transfers left unknown.
    let names: Vec<String> = std::fs::read_dir(into.join("controllers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(names, ["commune-a.yaml", "commune-b.yaml"]);
    let a: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(into.join("controllers/commune-a.yaml")).unwrap(),
    )
    .unwrap();
    assert_eq!(a["name"].as_str(), Some("commune a"));
    assert_eq!(a["activities"].as_sequence().unwrap().len(), 1);
    assert!(a.get("transfers").is_none(), "{a:?}");
}

#[test]
fn an_extra_column_in_dpo_s_layout_is_reported_once_and_the_rest_imported() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\nn = c.max_column + 1\n\
         c.cell(row=1, column=n, value='Notes')\nc.cell(row=2, column=n, value='à voir')\n\
         m = ws.max_column + 1\nws.cell(row=1, column=m, value='Remarque')\n\
         [ws.cell(row=i, column=m, value='r') for i in range(2, ws.max_row + 1)]\n",
        true,
    );
    r.assert_code(1);
    let err = r.stderr();
    assert_eq!(err.matches("not imported:").count(), 2, "{err}");
    assert!(
        err.contains("Responsables de traitement, row 1, column AT"),
        "{err}"
    );
    assert!(
        err.contains("“Notes”: this column is not one of dpo's register"),
        "{err}"
    );
    assert!(
        err.contains("Commune de Juvisy-sur-Orge, row 1, column V"),
        "{err}"
    );
    let count = |root: &Path| {
        let f = root.join("controllers/juvisy-sur-orge.yaml");
        let v: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        v["activities"].as_sequence().unwrap().len()
    };
    assert_eq!(count(&into), count(ws.root()));
}

#[test]
fn reports_name_the_cell_and_field_in_the_run_s_language_and_lose_no_category_or_mark() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\n\
         [p.cell(row=i, column=2, value='« à compléter »') for i in range(2, p.max_row + 1) \
           if p.cell(row=i, column=3).value == 'name']\n\
         c = wb['Responsables de traitement']\n\
         col = [x.column for x in c[1] if x.value == 'durée initiale (mois)'][0]\n\
         c.cell(row=2, column=col, value='« à compléter »')\n\
         c.cell(row=2, column=2, value='Syndicat (à confirmer)')\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    assert!(!err.contains("missing field"), "{err}");
    let line = |at: &str, says: &str| err.lines().any(|l| l.contains(at) && l.contains(says));
    assert!(
        line(
            "Sous-traitant, ligne 2, colonne B",
            "le champ name est requis"
        ),
        "{err}"
    );
    assert!(
        line(
            "Responsables de traitement, ligne 2, colonne AP",
            "le champ term_months est requis"
        ),
        "{err}"
    );
    assert!(
        err.contains("Responsables de traitement, ligne 2, colonne B\u{202f}: «\u{202f}Syndicat (à confirmer)\u{202f}»\u{202f}: ce champ ne peut pas être marqué"),
        "{err}"
    );
    // The controller not imported: each of its 8 categories is reported.
    assert_eq!(
        err.matches(
            "qui n'est pas importé (feuille «\u{202f}Responsables de traitement\u{202f}», ligne 2)"
        )
        .count(),
        8,
        "{err}"
    );
}

#[test]
fn an_encrypted_or_damaged_file_says_so_in_the_run_s_language() {
    let ws = Workspace::missing();
    let locked = ws.path("protege.xlsx");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend([0u8; 504]);
    std::fs::write(&locked, &bytes).unwrap();
    let broken = ws.path("abime.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 tronque").unwrap();
    let import = |file: &Path, english: bool| {
        let into = ws.path("nouveau");
        let dpo = if english {
            dpo_in(&ws).english()
        } else {
            dpo_in(&ws)
        };
        let r = dpo.import(file, &into, None);
        r.assert_no_panic();
        r.assert_code(2);
        assert!(!into.exists());
        r.stderr()
    };
    let fr = import(&locked, false);
    assert!(fr.contains("protégé par mot de passe"), "{fr}");
    assert!(!fr.contains("Cannot"), "{fr}");
    let en = import(&locked, true);
    assert!(en.contains("protected by a password"), "{en}");
    let fr = import(&broken, false);
    assert!(fr.contains("endommagé"), "{fr}");
    assert!(!fr.to_lowercase().contains("zip"), "{fr}");
}

#[test]
fn two_sub_processors_or_measures_of_the_same_name_survive_the_round_trip() {
    let ws = Workspace::sample();
    for (file, from, to) in [
        (
            "subprocessors.yaml",
            "name: Partenaires du secteur privé intervenant en régie",
            "name: SIIM94, syndicat intercommunal d'informatique",
        ),
        (
            "security-measures.yaml",
            "title: Charte du numérique",
            "title: Sécurisation des serveurs",
        ),
    ] {
        let text = std::fs::read_to_string(ws.root().join(file)).unwrap();
        assert!(text.contains(from), "{file}");
        ws.write(file, &text.replace(from, to));
    }
    let xlsx = ws.path("doublons.xlsx");
    Dpo::new(ws.root())
        .now(NOW)
        .run(&[
            "register".as_ref(),
            "--format".as_ref(),
            "xlsx".as_ref(),
            "-o".as_ref(),
            xlsx.as_os_str(),
        ])
        .assert_code(0);
    let book = crate::support::sheets::read(&xlsx);
    let c = book.sheet("Commune de Juvisy-sur-Orge");
    let sp = c.at(0, "sous-traitants ultérieurs").v.unwrap();
    assert_eq!(
        sp,
        "SIIM94, syndicat intercommunal d'informatique (siim94)\n\
         SIIM94, syndicat intercommunal d'informatique (partenaires-regie) (à confirmer)"
    );
    for format in ["xlsx", "ods"] {
        round_trip(&ws, ws.root(), format);
        let parse = |root: &Path| -> serde_yaml::Value {
            let f = root.join("controllers/juvisy-sur-orge.yaml");
            serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
        };
        let (a, b) = (
            parse(ws.root()),
            parse(&ws.path(&format!("importe-{format}"))),
        );
        for i in 0..3 {
            for f in ["subprocessors", "security_measures"] {
                assert_eq!(
                    a["activities"][i][f], b["activities"][i][f],
                    "{format} {i} {f}"
                );
            }
        }
    }
}
