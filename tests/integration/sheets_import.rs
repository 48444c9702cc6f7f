//! Integration tests of issue 14, import: `dpo import FILE --into DIR
//! [--mapping MAP.yaml]` on the real binary. A sheet in the authority's
//! processor-register layout made here with `openpyxl` — a renamed column
//! (mapping file), an empty row, a merged cell, dates typed as text, a
//! column that is no field, a row with no controller — is imported: each
//! value placed or reported with its sheet, row and column, the new
//! workspace passes `dpo check` and its journal names the file's SHA-256.
//! A file that is not a spreadsheet and a non-empty `--into` are refused
//! (exit 2) with nothing written.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tools::{run, sha256sum};
use crate::support::{Dpo, Run, Workspace};

pub(crate) const NOW: &str = "2021-08-02T10:00:00+02:00";

/// Writes `out` with `openpyxl` from the Python `body` (a workbook `wb`
/// whose first sheet is `ws`).
pub(crate) fn openpyxl(out: &Path, body: &str) {
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

pub(crate) fn dpo_in(ws: &Workspace) -> Dpo {
    ws.dpo().now(NOW)
}

pub(crate) fn yaml(path: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn strs(v: &serde_yaml::Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `line` is a « signalé » line: nothing lost, nothing to import
/// by hand.
pub(crate) fn noted(line: &str) -> bool {
    line.starts_with("signalé") && !line.starts_with("signalé, importé")
}

/// `dpo import FILE --into DIR [--mapping MAP]`.
pub(crate) trait Import {
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
    // The title above the header row is reported once, though merged.
    assert!(
        err.contains("Registre, ligne 1, colonne A\u{202f}: «\u{202f}Registre des activités de traitement du sous-traitant\u{202f}»\u{202f}: au-dessus de la ligne d'en-tête (ligne 2)"),
        "{err}"
    );
    assert_eq!(err.matches("non importé").count(), 3, "{err}");
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
    // Where, in the catalog's words (defect 8 of the second review).
    assert!(err.contains("correspondance.yaml:2:3"), "{err}");
    assert!(
        err.contains(
            "«\u{202f}mesures\u{202f}» (colonne «\u{202f}Mesures\u{202f}») n'est pas un champ"
        ),
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
    r.assert_stderr_has("registre.xlsx");
    r.assert_stderr_has("n'est pas un classeur lisible");
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
    r.assert_stderr_has("n'est pas vide");
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

/// `dpo register --format FORMAT -o OUT` on the workspace at `root`.
pub(crate) fn register(root: &Path, format: &str, out: &Path) -> crate::support::dpo::Run {
    Dpo::new(root).now(NOW).run(&[
        "register".as_ref(),
        "--format".as_ref(),
        format.as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ])
}

/// `register --format FORMAT` of the workspace `from` → `import` →
/// `check` passes → `register --format xlsx`: the same cells as the first
/// export in XLSX. Then a second trip (below).
pub(crate) fn round_trip(ws: &Workspace, from: &Path, format: &str) {
    let (into, again) = one_trip(ws, from, format);
    // A second trip from the imported workspace gives the same bytes, the
    // register's own rows included: the import writes the same files from
    // the same sheets, so nothing was left behind by the first trip.
    let second = ws.path(&format!("second.{format}"));
    register(&into, format, &second).assert_code(0);
    let into2 = ws.path(&format!("importe2-{format}"));
    Dpo::new(&into2)
        .now(NOW)
        .import(&second, &into2, None)
        .assert_code(0);
    let third = ws.path(&format!("third-{format}.xlsx"));
    register(&into2, "xlsx", &third).assert_code(0);
    assert!(
        std::fs::read(&again).unwrap() == std::fs::read(&third).unwrap(),
        "a second trip changed the bytes:\n{}",
        cells(&third)
    );
}

/// [`round_trip`]'s first trip: the imported workspace and its XLSX
/// export, whose cells are those of `from`'s.
fn one_trip(ws: &Workspace, from: &Path, format: &str) -> (PathBuf, PathBuf) {
    let first = ws.path("premier.xlsx");
    register(from, "xlsx", &first).assert_code(0);
    // An XLSX trip imports that very file.
    let exported = if format == "xlsx" {
        first.clone()
    } else {
        let exported = ws.path(&format!("export.{format}"));
        register(from, format, &exported).assert_code(0);
        exported
    };
    let into = ws.path(&format!("importe-{format}"));
    let r = Dpo::new(&into).now(NOW).import(&exported, &into, None);
    r.assert_no_panic();
    r.assert_code(0);
    Dpo::new(&into).now(NOW).run(&["check"]).assert_code(0);
    let again = ws.path(&format!("again-{format}.xlsx"));
    register(&into, "xlsx", &again).assert_code(0);
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
    (into, again)
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

/// The 10 × 1,000 benchmark workspace's trip through `format` (one trip:
/// the sample's tests make the second, whose code is the same at any
/// size, and one trip of this size takes a minute in a debug build).
fn the_ten_by_thousand_workspace_round_trips(format: &str) {
    let ws = Workspace::missing();
    let big = ws.path("big");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_workspace.py");
    run(Command::new("python3")
        .arg(script)
        .arg(&big)
        .arg("10")
        .arg("1000"))
    .assert_code(0);
    let (into, _) = one_trip(&ws, &big, format);
    // Every one of the 10 000 categories is back.
    let count = |root: &Path| {
        std::fs::read_dir(root.join("controllers"))
            .unwrap()
            .map(|e| {
                let v = yaml(&e.unwrap().path());
                v["activities"].as_sequence().map_or(0, Vec::len)
            })
            .sum::<usize>()
    };
    assert_eq!(count(&into), 10_000);
}

#[test]
fn the_ten_by_thousand_workspace_round_trips_through_xlsx() {
    the_ten_by_thousand_workspace_round_trips("xlsx");
}

#[test]
fn the_ten_by_thousand_workspace_round_trips_through_ods() {
    the_ten_by_thousand_workspace_round_trips("ods");
}

/// The sample exported by `dpo register --format xlsx`, edited by the
/// Python `edit` (openpyxl: `wb` loaded, `ws` its controller's sheet),
/// imported into `nouveau`: the run and the new workspace.
/// Makes the file `name` in `ws` with the Python `script` (the file's path
/// is its `sys.argv[1]`), then imports it into the folder `into` of `ws`:
/// the run and the new workspace's path.
pub(crate) fn made_and_imported(
    ws: &Workspace,
    name: &str,
    script: &str,
    into: &str,
) -> (crate::support::dpo::Run, std::path::PathBuf) {
    let file = ws.path(name);
    run(Command::new("python3").arg("-c").arg(script).arg(&file)).assert_code(0);
    let into = ws.path(into);
    let r = dpo_in(ws).import(&file, &into, None);
    r.assert_no_panic();
    (r, into)
}

pub(crate) fn edited_export(
    ws: &Workspace,
    edit: &str,
    english: bool,
) -> (crate::support::dpo::Run, std::path::PathBuf) {
    let xlsx = ws.path("modifie.xlsx");
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
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
        err.contains("«\u{202f}inconnu\u{202f}»\u{202f}: aucun responsable de traitement n'a cet identifiant"),
        "{err}"
    );
    // A row of another controller is not merged into this one; a row whose
    // controller is left blank is the sheet's, said (review 25, N2).
    assert!(
        err.lines().any(|l| l.starts_with("signalé, importé")
            && l.contains("Commune de Juvisy-sur-Orge, ligne 5, colonne A")),
        "{err}"
    );
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
    assert_eq!(count(&into), count(ws.root()) - 1);
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
    // Row 3 repeats the category of row 2: not imported, its transfer
    // included, so it contradicts nothing (review 14c, E).
    assert!(err.contains("figure déjà à la ligne 2"), "{err}");
    assert!(
        err.contains("«\u{202f}Canada : Éditeur\u{202f}»\u{202f}: valeur d'une catégorie de traitement déjà donnée à la ligne 2"),
        "{err}"
    );
    assert!(!err.contains("contredit"), "{err}");
    // One controller `commune a`, its name trimmed; one category; its
    // « aucun » kept.
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
    assert_eq!(a["transfers"].as_sequence().map(Vec::len), Some(0), "{a:?}");
}

#[test]
fn an_extra_column_in_dpo_s_layout_is_reported_with_each_value_and_the_rest_imported() {
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
    // Once by its header, and each of its values at its cell (review 25,
    // N8): 2 headers, « à voir » and the 8 « r ».
    assert_eq!(err.matches("not imported:").count(), 11, "{err}");
    assert!(
        err.contains("Responsables de traitement, row 2, column AT: “à voir”"),
        "{err}"
    );
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
    let (r, into) = edited_export(
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
    // A required value left « à compléter » no longer loses its record:
    // the controller is written without its term, which `check` names; the
    // processor keeps the placeholder words, which `check` reports.
    assert!(
        err.lines()
            .any(|l| l.contains("controllers/juvisy-sur-orge.yaml") && l.contains("term_months")),
        "{err}"
    );
    let processor = std::fs::read_to_string(into.join("processor.yaml")).unwrap();
    assert!(
        processor.starts_with("name: «\u{202f}à compléter\u{202f}»"),
        "{processor}"
    );
    assert!(processor.contains("siret:"), "{processor}");
    assert!(
        err.contains("signalé, importé\u{202f}: Responsables de traitement, ligne 2, colonne B\u{202f}: «\u{202f}Syndicat (à confirmer)\u{202f}»\u{202f}: ce champ ne peut pas être marqué"),
        "{err}"
    );
    // The placeholder kept by the processor is not quoted twice.
    assert!(!err.contains("«\u{202f}«"), "{err}");
    // Every category kept.
    let yaml = |root: &Path| -> serde_yaml::Value {
        let f = root.join("controllers/juvisy-sur-orge.yaml");
        serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap()
    };
    let (after, before) = (yaml(&into), yaml(ws.root()));
    let ids = |v: &serde_yaml::Value| -> Vec<(String, String)> {
        v["activities"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|a| {
                let t = |k: &str| a[k].as_str().unwrap_or_default().to_string();
                (t("id"), t("name"))
            })
            .collect()
    };
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(after["name"].as_str(), Some("Syndicat"));
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
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
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

// Second review of issue 14 (part f14b): nothing of a record lost for one
// bad value, every value above a header said, names and mappings checked.

/// Every line of `err` that names `at` (« sheet, ligne N, colonne X »).
pub(crate) fn lines_at<'a>(err: &'a str, at: &str) -> Vec<&'a str> {
    err.lines().filter(|l| l.contains(at)).collect()
}

/// `v` as the French report quotes it: « v », with narrow no-break spaces.
pub(crate) fn q(v: &str) -> String {
    format!("«\u{202f}{v}\u{202f}»")
}

/// The one line of `err` that names `at`; fails unless there is exactly one.
pub(crate) fn one_line_at<'a>(err: &'a str, at: &str) -> &'a str {
    let l = lines_at(err, at);
    assert_eq!(l.len(), 1, "{at}: {err}");
    l[0]
}

#[test]
fn a_category_row_without_an_id_is_imported_under_an_id_made_from_its_name() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "for c in range(1, ws.max_column + 1):\n    \
             ws.cell(row=10, column=c, value=ws.cell(row=2, column=c).value)\n\
         ws['F10'] = None\nws['G10'] = 'Téléphonie'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let at = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 10, colonne F");
    assert_eq!(at.len(), 1, "{err}");
    assert!(
        at[0].contains("l'identifiant n'est pas indiqué") && at[0].contains("telephonie"),
        "{err}"
    );
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(text.contains("id: telephonie"), "{text}");
    assert!(text.contains("name: Téléphonie"), "{text}");
}

#[test]
fn one_bad_value_is_reported_at_its_cell_and_the_rest_of_its_record_kept() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\n\
         [p.cell(row=i, column=2, value='de') for i in range(2, p.max_row + 1) \
           if p.cell(row=i, column=3).value == 'language']\n\
         ws['F3'] = 'Messagerie 2'\nws['G4'] = None\n\
         s = wb['Sous-traitants ultérieurs']\ns['J2'] = 'Commune alpha'\n\
         m = wb['Mesures de sécurité']\nm['A2'] = 'Mesure Un'\n",
        false,
    );
    r.assert_no_panic();
    r.assert_code(1);
    let err = r.stderr();
    // The language: its own cell, the processor kept.
    let lang: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("Sous-traitant, ligne") && l.contains("«\u{202f}de\u{202f}»"))
        .collect();
    assert_eq!(lang.len(), 1, "{err}");
    assert!(lang[0].contains("colonne B") && lang[0].contains("la langue s'écrit"));
    let processor = std::fs::read_to_string(into.join("processor.yaml")).unwrap();
    for kept in [
        "siret:",
        "address:",
        "Michel Leprêtre",
        "DPO@grandorlyseinebievre.fr",
    ] {
        assert!(processor.contains(kept), "{kept}: {processor}");
    }
    assert!(!processor.contains("language"), "{processor}");
    // The category id typed with a capital and a space: an id made of it.
    let at = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 3, colonne F");
    assert!(
        at.len() == 1
            && at[0].contains("«\u{202f}Messagerie 2\u{202f}»")
            && at[0].contains("messagerie-2"),
        "{err}"
    );
    // A sub-processor's controller named instead of its id: that value.
    let at = lines_at(&err, "Sous-traitants ultérieurs, ligne 2, colonne J");
    assert!(
        at.len() == 1
            && at[0].contains("«\u{202f}Commune alpha\u{202f}»")
            && at[0].contains("identifiant"),
        "{err}"
    );
    let at = lines_at(&err, "Mesures de sécurité, ligne 2, colonne A");
    assert!(at.len() == 1 && at[0].contains("mesure-un"), "{err}");
    // Nothing else lost: one controller, all its categories, both
    // sub-processors, every measure.
    let controllers: Vec<_> = std::fs::read_dir(into.join("controllers"))
        .unwrap()
        .collect();
    assert_eq!(controllers.len(), 1);
    let out = r.stdout();
    assert!(
        out.contains(": un responsable de traitement,"),
        "the summary counts what was written: {out}"
    );
    let yaml = |root: &Path, f: &str| -> serde_yaml::Value {
        serde_yaml::from_str(&std::fs::read_to_string(root.join(f)).unwrap()).unwrap()
    };
    let c = "controllers/juvisy-sur-orge.yaml";
    let (after, before) = (yaml(&into, c), yaml(ws.root(), c));
    let n = |v: &serde_yaml::Value, k: &str| v[k].as_sequence().map_or(0, Vec::len);
    assert_eq!(n(&after, "activities"), n(&before, "activities"));
    assert_eq!(after["activities"][1]["id"].as_str(), Some("messagerie-2"));
    // The name cleared is left « à compléter » (check reports it).
    assert!(
        after["activities"][2]["name"]
            .as_str()
            .is_some_and(|n| n.contains("à compléter")),
        "{:?}",
        after["activities"][2]
    );
    let s = "subprocessors.yaml";
    assert_eq!(
        n(&yaml(&into, s), "subprocessors"),
        n(&yaml(ws.root(), s), "subprocessors")
    );
    let m = "security-measures.yaml";
    assert_eq!(
        n(&yaml(&into, m), "measures"),
        n(&yaml(ws.root(), m), "measures")
    );
    assert!(std::fs::read_to_string(into.join(m))
        .unwrap()
        .contains("id: mesure-un"));
    // No invented training interval (defect 10), no empty quotes.
    let people = std::fs::read_to_string(into.join("people.yaml")).unwrap();
    assert!(!people.contains("training_interval_months"), "{people}");
    assert!(!err.contains("«\u{202f}\u{202f}»"), "{err}");
    // `FR` or `français`: French, said nowhere.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\n\
         [p.cell(row=i, column=2, value='français') for i in range(2, p.max_row + 1) \
           if p.cell(row=i, column=3).value == 'language']\n",
        false,
    );
    r.assert_code(0);
    let processor = std::fs::read_to_string(into.join("processor.yaml")).unwrap();
    assert!(processor.contains("language: fr"), "{processor}");
}

#[test]
fn a_note_above_a_header_is_reported_and_hides_no_sheet() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "s = wb['Sous-traitants ultérieurs']\ns.insert_rows(1)\ns['A1'] = 'Liste revue en mars'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let at = lines_at(&err, "Sous-traitants ultérieurs, ligne 1, colonne A");
    assert!(
        at.len() == 1 && at[0].contains("au-dessus de la ligne d'en-tête (ligne 2)"),
        "{err}"
    );
    assert_eq!(err.matches("non importé").count(), 1, "{err}");
    let sp = std::fs::read_to_string(into.join("subprocessors.yaml")).unwrap();
    let before = std::fs::read_to_string(ws.root().join("subprocessors.yaml")).unwrap();
    assert_eq!(
        sp.matches("- id:").count(),
        before.matches("- id:").count(),
        "{sp}"
    );
}

#[test]
fn a_processor_field_given_twice_and_a_changed_processor_name_name_the_right_sheet() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\np['B2'] = 'Autre nom'\np.append(['nom', 'Encore un nom', 'name'])\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    assert!(
        err.lines()
            .any(|l| l.contains("Sous-traitant, ligne 27, colonne B")
                && l.contains("«\u{202f}Encore un nom\u{202f}»")
                && l.contains("figure déjà à la ligne 2")),
        "{err}"
    );
    let at = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne S");
    assert!(
        at.len() == 1
            && at[0].contains("«\u{202f}Autre nom\u{202f}»")
            && at[0].contains("de la feuille «\u{202f}Sous-traitant\u{202f}»"),
        "{err}"
    );
    let processor = std::fs::read_to_string(into.join("processor.yaml")).unwrap();
    assert!(processor.starts_with("name: Autre nom"), "{processor}");
}

#[test]
fn names_differing_only_in_case_are_one_controller_and_nfd_headers_are_recognised() {
    let ws = Workspace::missing();
    let xlsx = ws.path("casse.xlsx");
    openpyxl(
        &xlsx,
        r#"
import unicodedata
ws.title = "Registre"
ws.append([unicodedata.normalize("NFD", h) for h in
           ["Nom du responsable du traitement", "Catégories de traitements", "Début de la convention",
            "Durée de la convention (mois)", "Transferts vers un pays tiers ou une organisation internationale"]])
ws.append(["Commune A", "Paie", "01/02/2021", 12, "aucun"])
ws.append(["commune a ", "Messagerie", None, None, None])
ws.append(["COMMUNE A", "Voirie", None, None, None])
"#,
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_code(1);
    let err = r.stderr();
    assert!(!err.contains("ne correspond à aucun champ"), "{err}");
    for row in [3, 4] {
        let at = lines_at(&err, &format!("Registre, ligne {row}, colonne A"));
        assert!(
            at.len() == 1
                && at[0].contains("à la casse près")
                && at[0].contains("«\u{202f}Commune A\u{202f}»"),
            "{row}: {err}"
        );
    }
    let files: Vec<_> = std::fs::read_dir(into.join("controllers"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1, "{err}");
    let a = std::fs::read_to_string(into.join("controllers/commune-a.yaml")).unwrap();
    for c in ["Paie", "Messagerie", "Voirie"] {
        assert!(a.contains(c), "{a}");
    }
    Dpo::new(&into).now(NOW).run(&["check"]).assert_code(0);
}

#[test]
fn mapping_file_errors_say_file_line_column_in_the_run_s_words_and_an_absent_header_is_said() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, AUTHORITY);
    let map = ws.path("correspondance.yaml");
    let into = ws.path("nouveau");
    for (text, at, says) in [
        (
            "columns:\n\tMesures: measures\n",
            "correspondance.yaml:2:1",
            "tabulation",
        ),
        (
            "colonnes:\n  Mesures: measures\n",
            "correspondance.yaml:1:1",
            "clé «\u{202f}colonnes\u{202f}» inconnue",
        ),
        (
            "columns: [Mesures\n",
            "correspondance.yaml:",
            "correspondance.yaml",
        ),
    ] {
        std::fs::write(&map, text).unwrap();
        let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
        r.assert_code(2);
        let err = r.stderr();
        assert!(err.contains(at) && err.contains(says), "{text}: {err}");
        for english in ["found", "unknown", "expected", "invalid"] {
            assert!(!err.contains(english), "{text}: {err}");
        }
        assert!(!into.exists());
    }
    std::fs::write(
        &map,
        "columns:\n  Mesures de sécurité: measures\n  Inexistant: description\n",
    )
    .unwrap();
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_code(1);
    let err = r.stderr();
    assert!(
        err.lines().any(|l| l.contains("Registre, ligne 2")
            && l.contains("«\u{202f}Inexistant\u{202f}»")
            && l.contains("qu'aucune cellule de la ligne d'en-tête ne porte")),
        "{err}"
    );
}

#[test]
fn a_password_protected_ods_says_so() {
    let ws = Workspace::missing();
    let ods = ws.path("protege.ods");
    let script = r#"
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1], "w")
z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')
z.writestr("content.xml", bytes(range(256)))
z.close()
"#;
    run(Command::new("python3").arg("-c").arg(script).arg(&ods)).assert_code(0);
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&ods, &into, None);
    r.assert_code(2);
    r.assert_stderr_has("protégé par mot de passe");
}

#[test]
fn import_json_is_json_and_into_inside_a_workspace_is_refused() {
    let ws = Workspace::sample();
    let xlsx = ws.path("registre.xlsx");
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
    let nested = ws.root().join("controllers/nested");
    let r = dpo_in(&ws).import(&xlsx, &nested, None);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("est à l'intérieur de l'espace de travail"),
        "{}",
        r.stderr()
    );
    assert!(!nested.exists());
    let into = ws.path("nouveau");
    let r = Dpo::new(&into).now(NOW).run(&[
        "--json".as_ref(),
        "import".as_ref(),
        xlsx.as_os_str(),
        "--into".as_ref(),
        into.as_os_str(),
    ]);
    r.assert_code(0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("JSON");
    assert_eq!(v["layout"], "own");
    assert_eq!(v["controllers"], 1);
    assert_eq!(v["problems"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["errors"], 0);
}

#[test]
fn a_bad_renewal_line_or_count_is_said_alone_and_the_other_renewals_kept() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         c['AS2'] = '2022-06-15, 6, délibération n° 12\\nle 3 mars, six mois'\n\
         c['AQ2'] = 'true'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let at = lines_at(&err, "Responsables de traitement, ligne 2, colonne AS");
    assert!(
        at.len() == 1 && at[0].contains("«\u{202f}le 3 mars, six mois\u{202f}»"),
        "{err}"
    );
    assert!(!at[0].contains("délibération"), "{err}");
    let at = lines_at(&err, "Responsables de traitement, ligne 2, colonne AQ");
    assert!(
        at.len() == 1 && at[0].contains("n'est pas un nombre entier") && !at[0].contains("mois"),
        "{err}"
    );
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(text.contains("reference: délibération n° 12"), "{text}");
}

#[test]
fn a_value_in_a_column_with_no_header_in_dpo_s_layout_is_reported_at_its_cell() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "wb['Sous-traitant']['D5'] = 'NOTE-P'\nwb['Mesures de sécurité']['J5'] = 'NOTE-M'\n\
         ws['W3'] = 'NOTE-C'\nwb['Responsables de traitement']['AU2'] = 'NOTE-R'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    for (at, v) in [
        ("Sous-traitant, ligne 5, colonne D", "NOTE-P"),
        ("Mesures de sécurité, ligne 5, colonne J", "NOTE-M"),
        ("Commune de Juvisy-sur-Orge, ligne 3, colonne W", "NOTE-C"),
        ("Responsables de traitement, ligne 2, colonne AU", "NOTE-R"),
    ] {
        let lines = lines_at(&err, at);
        assert!(
            lines.len() == 1
                && lines[0].contains(&format!("«\u{202f}{v}\u{202f}»"))
                && lines[0].contains("n'a pas d'en-tête"),
            "{at}: {err}"
        );
    }
}

#[test]
fn a_processor_row_with_no_key_or_an_unknown_key_is_reported_with_its_key() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\np['A28'] = 'remarque'\np['B28'] = 'NOTE-H6'\n\
         p['A29'] = 'autre'\np['B29'] = 'NEWPROC-X6'\np['C29'] = 'bidule'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let at = lines_at(&err, "Sous-traitant, ligne 28, colonne B");
    assert!(
        at.len() == 1
            && at[0].contains("«\u{202f}NOTE-H6\u{202f}»")
            && at[0].contains("colonne C (clé) de cette ligne est vide"),
        "{err}"
    );
    let at = lines_at(&err, "Sous-traitant, ligne 29, colonne B");
    assert!(
        at.len() == 1
            && at[0].contains("«\u{202f}NEWPROC-X6\u{202f}»")
            && at[0].contains(
                "«\u{202f}bidule\u{202f}» (colonne C) n'est pas un champ du sous-traitant"
            ),
        "{err}"
    );
}

#[test]
fn a_cleared_controller_id_keeps_its_categories_under_the_id_its_sheet_gives() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Responsables de traitement']['A2'] = None\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    assert!(!err.contains("non importé"), "{err}");
    let at = lines_at(&err, "Responsables de traitement, ligne 2, colonne A");
    assert!(
        at.len() == 1
            && at[0].starts_with("signalé, importé")
            && at[0].contains("«\u{202f}juvisy-sur-orge\u{202f}»")
            && at[0].contains("l'identifiant est vide"),
        "{err}"
    );
    let count = |root: &Path| {
        let f = root.join("controllers/juvisy-sur-orge.yaml");
        let v: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        v["activities"].as_sequence().unwrap().len()
    };
    assert!(count(ws.root()) > 0);
    assert_eq!(count(&into), count(ws.root()));
    assert!(!into
        .join("controllers/commune-de-juvisy-sur-orge.yaml")
        .exists());
}

#[test]
fn a_controller_with_no_id_and_no_name_is_not_counted_and_each_category_row_is_said() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\nc['A2'] = None\nc['B2'] = None\n",
        false,
    );
    r.assert_code(1);
    assert!(
        r.stdout().contains("aucun responsable de traitement"),
        "{}",
        r.stdout()
    );
    let err = r.stderr();
    let f = ws.root().join("controllers/juvisy-sur-orge.yaml");
    let v: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
    let n = v["activities"].as_sequence().unwrap().len();
    assert!(n > 1);
    assert!(err.contains("«\u{202f}à compléter\u{202f}»"), "{err}");
    assert!(!err.contains("«\u{202f}«"), "{err}");
    for row in 2..=1 + n {
        let at = lines_at(
            &err,
            &format!("Commune de Juvisy-sur-Orge, ligne {row}, colonne A"),
        );
        assert!(
            at.iter()
                .any(|l| l.contains("«\u{202f}juvisy-sur-orge\u{202f}» ne figure pas")),
            "{row}: {err}"
        );
    }
}
