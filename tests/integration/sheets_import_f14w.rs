//! Integration tests of issue 14, part f14w: what the seventeenth review
//! of `dpo import` found.
//!
//! An error value (`#N/A`, `#REF!`, `#DIV/0!`) is no fact: not imported,
//! said at its cell, in XLSX and ODS (finding 1). A header merged down
//! over a data row gives that row nothing; a header two rows tall makes no
//! controller (finding 2). In dpo's layout a backslash typed by hand is
//! kept as typed, and a cell read as the export's escaping is said
//! (finding 3). A flag « à confirmer » on a field with no value survives
//! the round trip, and a line that is only the mark in a transfer column
//! is said (finding 4). « diffère de la valeur de la ligne N » names the
//! row whose value was kept (finding 5). Blank lines at the same places in
//! the transfers and the safeguards still align (finding 6).
//!
//! The eighteenth review's: a controller whose file id is another's is
//! said; a blank last safeguards line is read in place; a tall header is
//! said once a row; hidden rows and columns are said; the mark's words
//! without brackets are no flag; escapes are read line by line.

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, made_and_imported, one_line_at, openpyxl, q, round_trip, yaml,
    Import,
};
use crate::sheets_import_f14i::{apd, APD_HEADERS};
use crate::support::Workspace;

/// Finding 1, XLSX: error cells (`t="e"`, which `openpyxl` writes for an
/// error code) are empty, each said `non importé` with the text shown.
#[test]
fn an_error_value_is_never_a_category_safeguards_or_measure_and_is_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
ws.append(["Mairie A", None, None, None, "RH", None, "#N/A", "Maroc : X", "#REF!", "M1", "Conv",
           datetime.date(2021, 2, 1), 12])
ws.append(["Mairie A", None, None, None, "Paie", None, "Agents", "Maroc : X", "CCT", "#DIV/0!", "Conv",
           datetime.date(2021, 2, 1), 12])
"##,
    );
    let err = r.stderr();
    for (at, value) in [
        ("Registre, ligne 2, colonne G", "#N/A"),
        ("Registre, ligne 2, colonne I", "#REF!"),
        ("Registre, ligne 3, colonne J", "#DIV/0!"),
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("non importé") && l.contains(&q(value)) && l.contains("erreur"),
            "{at}: {err}"
        );
    }
    let all = std::fs::read_to_string(into.join("controllers/mairie-a.yaml")).unwrap()
        + &std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!all.contains('#'), "{all}");
    let a = yaml(&into.join("controllers/mairie-a.yaml"));
    assert!(a["activities"][0].get("data_categories").is_none(), "{a:?}");
    assert!(a["transfers"][0]["safeguards"].is_null(), "{a:?}");
}

/// Finding 1, ODS: LibreOffice keeps an error as the cell's text, marked
/// `calcext:value-type="error"`: empty, said; the same text typed as text
/// is a value.
#[test]
fn an_ods_error_value_is_not_imported_and_is_said() {
    let ws = Workspace::missing();
    let script = r##"
import sys, zipfile
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre")
def row(values):
    tr = TableRow()
    for v in values:
        c = TableCell(valuetype="string")
        c.addElement(P(text=v))
        tr.addElement(c)
    t.addElement(tr)
row(["Nom du responsable du traitement", "Catégories de traitements", "Catégories de données",
     "Description générale des mesures de sécurité techniques et organisationnelles"])
row(["Commune A", "RH", "#N/A", "Pare-feu"])
doc.spreadsheet.addElement(t)
src = sys.argv[1] + ".src"
doc.save(src)
zin = zipfile.ZipFile(src); zout = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
for i in zin.infolist():
    d = zin.read(i.filename)
    if i.filename == "content.xml":
        d = d.decode()
        cell = '<table:table-cell office:value-type="string"><text:p>#N/A'
        assert cell in d, d
        d = d.replace(cell, cell.replace('"string">', '"string" calcext:value-type="error">'))
        d = d.encode()
    zout.writestr(i, d)
zout.close()
"##;
    let (r, into) = made_and_imported(&ws, "erreur.ods", script, "nouveau");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        l.starts_with("non importé") && l.contains(&q("#N/A")),
        "{err}"
    );
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a["activities"][0].get("data_categories").is_none(), "{a:?}");
}

/// Finding 2: a header cell merged down over the first data row leaves
/// that cell empty, said; a header two rows tall makes no controller, its
/// second row said once.
#[test]
fn a_header_merged_down_gives_no_data_and_a_two_row_header_no_controller() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
ws.append(["Mairie A", None, None, None, "RH", None, None, "aucun", None, "M1", "Conv",
           datetime.date(2021, 2, 1), 12])
ws.append(["Mairie A", None, None, None, "Paie", None, "Salaires", "aucun", None, "M1", "Conv",
           datetime.date(2021, 2, 1), 12])
ws.merge_cells("G1:G2")
"##,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne G");
    assert!(
        l.starts_with("signalé\u{202f}:")
            && l.contains(&q("Catégories de données"))
            && l.contains("ligne 1"),
        "{err}"
    );
    let a = yaml(&into.join("controllers/mairie-a.yaml"));
    assert!(a["activities"][0].get("data_categories").is_none(), "{a:?}");
    assert_eq!(
        a["activities"][1]["data_categories"][0].as_str(),
        Some("Salaires")
    );

    // Every header two rows tall, the data on row 3.
    let ws = Workspace::missing();
    let xlsx = ws.path("deux-lignes.xlsx");
    openpyxl(
        &xlsx,
        &format!(
            "{APD_HEADERS}\nfor c in 'ABCDEFGHIJKLM':\n    ws.merge_cells(f'{{c}}1:{{c}}2')\n\
             for i, v in enumerate(['Mairie A', None, None, None, 'RH', None, 'Agents', 'aucun', None, 'M1', \
             'Conv', datetime.date(2021, 2, 1), 12], 1):\n    ws.cell(row=3, column=i, value=v)\n"
        ),
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    let said = lines_at(&err, "Registre, ligne 2");
    assert_eq!(said.len(), 1, "{err}");
    assert!(
        said[0].contains("ligne 2\u{202f}: cette ligne n'est que l'en-tête (ligne 1)"),
        "{err}"
    );
    let files: Vec<String> = std::fs::read_dir(into.join("controllers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["mairie-a.yaml"], "{err}");
    assert!(
        !std::fs::read_to_string(into.join("security-measures.yaml"))
            .unwrap()
            .contains("Description générale"),
        "{err}"
    );
}

/// Finding 3: in dpo's layout, a cell with a backslash the export never
/// writes is read as typed, unsaid; one that reads as the export's
/// escaping is undone and said (`signalé :`), with what to type instead.
#[test]
fn a_backslash_typed_by_hand_is_kept_and_an_escape_read_is_said() {
    let ws = Workspace::sample();
    let edit = r##"
ws['I2'] = '\\\\srv-fic\\commun\nC:\\Dossier'
ws['J2'] = 'fichiers de C:\\nas'
"##;
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    assert!(
        lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne I").is_empty(),
        "{err}"
    );
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne J");
    assert!(
        l.starts_with("signalé\u{202f}:")
            && l.contains(&q("fichiers de C:\\nas"))
            && l.contains("doublez-la"),
        "{err}"
    );
    let a = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let act = &a["activities"][0];
    assert_eq!(
        act["systems"][0].as_str(),
        Some("\\\\srv-fic\\commun"),
        "{a:?}"
    );
    assert_eq!(act["systems"][1].as_str(), Some("C:\\Dossier"), "{a:?}");
    assert_eq!(
        act["data_categories"][0].as_str(),
        Some("fichiers de C:\nas"),
        "{a:?}"
    );
}

/// Finding 4: a field flagged « à confirmer » with no value is exported
/// « « à compléter » (à confirmer) » and imported back flagged, unsaid
/// (the round trip holds in XLSX and ODS); a transfer line that is only
/// the mark is said, in both layouts.
#[test]
fn a_flag_on_an_empty_field_round_trips_and_a_mark_line_in_a_transfer_column_is_said() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    // Left out: not known yet (`[]` would say there is none).
    let line =
        "    data_categories: [données contenues dans les documents des services de la ville]\n";
    let text = ws.read(file).replace(line, "");
    assert!(!text.contains("documents des services de la ville]"));
    ws.write(file, &text);
    let xlsx = ws.path("drapeau.xlsx");
    crate::sheets_import::register(ws.root(), "xlsx", &xlsx).assert_code(0);
    let r = crate::support::tools::run(
        std::process::Command::new("python3")
            .arg("-c")
            .arg("import openpyxl, sys\nprint(openpyxl.load_workbook(sys.argv[1])['Commune de Juvisy-sur-Orge']['J2'].value)")
            .arg(&xlsx),
    );
    assert_eq!(
        r.stdout().trim(),
        "«\u{202f}à compléter\u{202f}» (à confirmer)"
    );
    for format in ["xlsx", "ods"] {
        round_trip(&ws, ws.root(), format);
        let a = yaml(&ws.path(&format!("importe-{format}")).join(file));
        let act = &a["activities"][0];
        assert!(
            act["data_categories"]
                .as_sequence()
                .is_none_or(Vec::is_empty),
            "{a:?}"
        );
        let flags: Vec<&str> = act["to_confirm"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert!(flags.contains(&"data_categories"), "{format}: {a:?}");
    }

    // Authority layout: a safeguards line that is only the mark.
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
ws.append(["C", None, None, None, "RH", None, None, "États-Unis : Microsoft\nMaroc : Acme", "(à confirmer)\nBCR",
           "M1", "Conv", datetime.date(2021, 2, 1), 12])
"##,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(
        l.starts_with("signalé\u{202f}:") && l.contains("n'est que la marque"),
        "{err}"
    );
    let a = yaml(&into.join("controllers/c.yaml"));
    assert_eq!(
        a["transfers"][1]["safeguards"].as_str(),
        Some("BCR"),
        "{a:?}"
    );

    // dpo's layout: a purpose line that is only the mark.
    let ws = Workspace::sample();
    let edit = "ws['M2'] = 'États-Unis\\nMaroc'\nws['N2'] = 'Microsoft\\nAcme'\n\
                ws['O2'] = '(à confirmer)\\nhébergement'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne O");
    assert!(
        l.starts_with("signalé\u{202f}:") && l.contains("n'est que la marque"),
        "{err}"
    );
    let a = yaml(&into.join(file));
    let t = &a["transfers"][0];
    assert!(t.get("purpose").is_none(), "{a:?}");
    assert_eq!(t["to_confirm"][0].as_str(), Some("purpose"), "{a:?}");
}

/// Findings 5 and 6: the row named as kept is the one the value came
/// from; blank lines at the same places in both transfer cells align.
#[test]
fn the_row_kept_is_named_and_blank_lines_in_both_cells_still_align() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
ws.append(["Mairie A", None, "Jean Dupont", None, "RH", None, None, "États-Unis : Microsoft\n\nInde : TCS",
           "CCT\n\nBCR", "M1", "Conv", datetime.date(2021, 2, 1), 12])
ws.append(["Mairie A", "1 rue X", "Jean Dupont", "Marie Curie", "Paie", None, None, None, None, "M2",
           "Conv", datetime.date(2021, 2, 1), 12])
ws.append(["Mairie A", "2 rue Y", "Jean Dupont", "Pierre Martin", "Elec", None, None, None,
           None, "M3", "Conv", datetime.date(2021, 2, 1), 12])
"##,
    );
    let err = r.stderr();
    for col in ["B", "D"] {
        let l = one_line_at(&err, &format!("Registre, ligne 4, colonne {col}"));
        assert!(l.contains("de la ligne 3, qui est retenue"), "{col}: {err}");
    }
    let a = yaml(&into.join("controllers/mairie-a.yaml"));
    assert_eq!(a["address"].as_str(), Some("1 rue X"), "{a:?}");
    assert!(lines_at(&err, "colonne I").is_empty(), "{err}");
    let t = &a["transfers"];
    assert_eq!(t[0]["safeguards"].as_str(), Some("CCT"), "{a:?}");
    assert_eq!(t[1]["safeguards"].as_str(), Some("BCR"), "{a:?}");
}

/// Review 18, 2 and 4: a controller name whose file id is another's (a
/// full stop, a hyphen, an accent apart) is said at its row; a blank last
/// safeguards line beside as many transfers gives the last none.
#[test]
fn a_near_duplicate_controller_is_said_and_a_blank_last_safeguards_line_is_read_in_place() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
row("Mairie A", "RH")
row("Mairie A.", "Paie")
row("Mairie de Évry", "RH")
row("Mairie de Evry", "Paie")
ws.append(["Mairie B", None, None, None, "RH", None, None, "États-Unis : Microsoft\nInde : TCS", "CCT\n",
           "M1", "Conv", datetime.date(2021, 2, 1), 12])
"##,
    );
    let err = r.stderr();
    for (at, value, first, id) in [
        (
            "Registre, ligne 3, colonne A",
            "Mairie A.",
            "Mairie A",
            "mairie-a-2",
        ),
        (
            "Registre, ligne 5, colonne A",
            "Mairie de Evry",
            "Mairie de Évry",
            "mairie-de-evry-2",
        ),
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("signalé, importé")
                && l.contains(&q(value))
                && l.contains(&q(first))
                && l.contains(&q(id)),
            "{at}: {err}"
        );
    }
    assert!(into.join("controllers/mairie-a-2.yaml").exists(), "{err}");
    let b = yaml(&into.join("controllers/mairie-b.yaml"));
    assert_eq!(
        b["transfers"][0]["safeguards"].as_str(),
        Some("CCT"),
        "{b:?}"
    );
    assert!(b["transfers"][1].get("safeguards").is_none(), "{b:?}");
}

/// Review 18, 5 and 6: a header three rows tall is said once a row; a
/// hidden row and a hidden column are imported and said once each, in
/// XLSX and ODS.
#[test]
fn a_tall_header_is_said_once_a_row_and_hidden_rows_and_columns_are_said() {
    let ws = Workspace::missing();
    let xlsx = ws.path("masque.xlsx");
    openpyxl(
        &xlsx,
        &format!(
            "{APD_HEADERS}\nfor c in 'ABCDEFGHIJKLM':\n    ws.merge_cells(f'{{c}}1:{{c}}3')\n\
             for i, v in enumerate(['Mairie A', None, None, None, 'RH', None, 'Agents', 'aucun', None, 'M1', \
             'Conv', datetime.date(2021, 2, 1), 12], 1):\n    ws.cell(row=4, column=i, value=v)\n\
             for i, v in enumerate(['Mairie A', None, None, None, 'Ancien', None, 'Agents', 'aucun', None, 'M1', \
             'Conv', datetime.date(2021, 2, 1), 12], 1):\n    ws.cell(row=5, column=i, value=v)\n\
             ws.row_dimensions[5].hidden = True\nws.column_dimensions['G'].hidden = True\n"
        ),
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    for row in [2, 3] {
        assert_eq!(
            lines_at(&err, &format!("Registre, ligne {row}")).len(),
            1,
            "{row}: {err}"
        );
    }
    let l = one_line_at(&err, "Registre, ligne 5");
    assert!(
        l.starts_with("signalé, importé") && l.contains("masquée"),
        "{err}"
    );
    let l = one_line_at(&err, "colonne G");
    assert!(l.contains("la colonne G est masquée"), "{err}");
    let a = yaml(&into.join("controllers/mairie-a.yaml"));
    assert_eq!(a["activities"][1]["name"].as_str(), Some("Ancien"), "{a:?}");

    let script = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, TableColumn
from odf.text import P
doc = OpenDocumentSpreadsheet(); t = Table(name="Registre")
t.addElement(TableColumn(numbercolumnsrepeated=2))
t.addElement(TableColumn(visibility="collapse"))
t.addElement(TableColumn())
def row(vals, **kw):
    tr = TableRow(**kw)
    for v in vals:
        c = TableCell(valuetype="string"); c.addElement(P(text=v)); tr.addElement(c)
    t.addElement(tr)
row(["Nom du responsable du traitement", "Catégories de traitements", "Catégories de données",
     "Description générale des mesures de sécurité techniques et organisationnelles"])
row(["Commune A", "RH", "Agents", "Pare-feu"])
row(["Commune A", "Ancien", "Agents", "Pare-feu"], visibility="collapse")
doc.spreadsheet.addElement(t); doc.save(sys.argv[1])
"##;
    let (r, _) = made_and_imported(&ws, "masque.ods", script, "nouveau-ods");
    let err = r.stderr();
    assert!(
        one_line_at(&err, "Registre, ligne 3").contains("masquée"),
        "{err}"
    );
    assert!(
        one_line_at(&err, "colonne C").contains("la colonne C est masquée"),
        "{err}"
    );
}

/// Review 18, 1 and 3: the mark's words without brackets on a transfer
/// line are said as imported, never as a flag; in dpo's layout each line
/// of a cell is read on its own: a backslash typed on one leaves the
/// export's escape of another undone.
#[test]
fn bare_mark_words_are_not_a_flag_and_escapes_are_read_line_by_line() {
    let ws = Workspace::missing();
    let (r, _) = apd(
        &ws,
        r##"
ws.append(["A", None, None, None, "RH", None, None, "États-Unis : Microsoft\nInde : TCS", "à confirmer\nBCR",
           "M1", "Conv", datetime.date(2021, 2, 1), 12])
"##,
    );
    let err = r.stderr();
    let said = lines_at(&err, "Registre, ligne 2, colonne I");
    assert_eq!(said.len(), 1, "{err}");
    assert!(!said[0].contains("le champ est marqué"), "{err}");

    let ws = Workspace::sample();
    let edit = "ws['I2'] = 'C:\\\\Temp\\nsupport\\\\nniveau 2'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne I");
    assert!(
        l.starts_with("signalé\u{202f}:") && l.contains("doublez-la"),
        "{err}"
    );
    let a = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let systems = &a["activities"][0]["systems"];
    assert_eq!(systems[0].as_str(), Some("C:\\Temp"), "{a:?}");
    assert_eq!(systems[1].as_str(), Some("support\nniveau 2"), "{a:?}");
}

/// Review 19: safeguards with the mark's bare words or a blank line beside
/// other transfers than lines are the cell for each, said; the same
/// transfer written otherwise on two rows is kept twice, said; in dpo's
/// layout fewer transfer lines than transfers are read in order, said.
#[test]
fn safeguards_spread_over_transfers_and_a_transfer_written_twice_are_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
def t(ctl, cat, transfers, safeguards):
    ws.append([ctl, None, None, None, cat, None, None, transfers, safeguards, "M1", "Conv",
               datetime.date(2021, 2, 1), 12])
t("A", "RH", "États-Unis : MS\nMaroc : X\nInde : TCS", "à confirmer\nCCT")
t("C", "RH", "États-Unis : MS\nInde : TCS", "CCT\n\n")
t("D", "RH", "États-Unis : MS\nInde : TCS\nJapon : Y", "\nCCT")
t("E", "RH", "États-Unis : Microsoft", "CCT")
t("E", "Paie", "Etats-Unis : microsoft", "CCT")
"##,
    );
    let err = r.stderr();
    // The cells quoted hold line breaks: each report read whole.
    let reports: Vec<&str> = err.split("\nsignalé, importé\u{202f}: ").collect();
    for (row, lines, transfers) in [(2, 2, 3), (3, 3, 2), (4, 2, 3)] {
        let at = format!("Registre, ligne {row}, colonne I");
        let count = format!("{lines} lignes de garanties pour {transfers} transferts");
        assert!(
            reports
                .iter()
                .any(|r| r.starts_with(&at) && r.contains(&count)),
            "{row}: {err}"
        );
    }
    let l = one_line_at(&err, "Registre, ligne 6, colonne H");
    assert!(
        l.starts_with("signalé, importé") && l.contains("de la ligne 5"),
        "{err}"
    );
    let e = yaml(&into.join("controllers/e.yaml"));
    assert_eq!(e["transfers"].as_sequence().map(Vec::len), Some(2), "{e:?}");

    let ws = Workspace::sample();
    let edit =
        "ws['M2'] = 'États-Unis\\nMaroc\\nInde'\nws['N2'] = 'A\\nB\\nC'\nws['Q2'] = 'SCC\\nCCT'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne Q");
    assert!(
        l.starts_with("signalé, importé") && l.contains("2 lignes pour 3 transferts"),
        "{err}"
    );
    let a = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        a["transfers"][1]["safeguards"].as_str(),
        Some("CCT"),
        "{a:?}"
    );
    assert!(a["transfers"][2].get("safeguards").is_none(), "{a:?}");
}

/// Review 20, 1 and 2: « none » followed by an exception is no « none »
/// (said, never an empty list); the same transfer with the country written
/// another way (« USA », « les États-Unis ») on another row is said.
#[test]
fn none_with_an_exception_is_not_none_and_a_country_s_other_name_is_the_same_transfer() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r##"
row("A", "RH", "Pas de transfert, sauf Maroc")
row("B", "RH", "None except Morocco")
row("C", "RH", "Aucun transfert hors UE")
row("D", "RH", "États-Unis : Microsoft")
row("D", "Paie", "USA : Microsoft")
"##,
    );
    let err = r.stderr();
    for (ctl, row) in [("a", 2), ("b", 3)] {
        let c = yaml(&into.join(format!("controllers/{ctl}.yaml")));
        assert!(
            c.get("transfers").is_none() || c["transfers"].is_null(),
            "{ctl}: {c:?}"
        );
        assert!(
            !lines_at(&err, &format!("Registre, ligne {row}, colonne H")).is_empty(),
            "{ctl}: {err}"
        );
    }
    let c = yaml(&into.join("controllers/c.yaml"));
    assert_eq!(c["transfers"].as_sequence().map(Vec::len), Some(0), "{c:?}");
    let l = one_line_at(&err, "Registre, ligne 6, colonne H");
    assert!(
        l.starts_with("signalé, importé") && l.contains("de la ligne 5"),
        "{err}"
    );
}
