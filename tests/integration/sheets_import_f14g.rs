//! Integration tests of issue 14, part f14g: the fifth review's last
//! defects of `dpo import` and `dpo check`.
//!
//! A « (à confirmer) » mark typed in capitals or without its accent is the
//! mark; one typed inside a line keeps the field to confirm and is said. A
//! record named twice in one list cell is in the file once, the repeat
//! said, in dpo's layout and in the authority's.

use std::path::Path;

use crate::sheets_import::{dpo_in, edited_export, lines_at, openpyxl, Import};
use crate::support::Workspace;

fn yaml(path: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strs(v: &serde_yaml::Value) -> Vec<String> {
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
fn noted(line: &str) -> bool {
    line.starts_with("signalé") && !line.starts_with("signalé, importé")
}

const SHEET: &str = "Commune de Juvisy-sur-Orge";

#[test]
fn a_confirm_mark_in_capitals_or_without_its_accent_keeps_the_field_to_confirm() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "assert ws['J2'].value.endswith('(à confirmer)') and ws['K2'].value.endswith('(à confirmer)')\n\
         ws['J2'] = ws['J2'].value.replace('(à confirmer)', '(À CONFIRMER)')\n\
         ws['K2'] = ws['K2'].value.replace('(à confirmer)', '(A confirmer)')\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    let confirm = strs(&a["to_confirm"]);
    assert!(confirm.contains(&"data_categories".to_string()), "{a:?}");
    assert!(confirm.contains(&"subprocessors".to_string()), "{a:?}");
    let data = strs(&a["data_categories"]);
    assert_eq!(
        data,
        ["données contenues dans les documents des services de la ville"]
    );
    assert_eq!(strs(&a["subprocessors"]), ["siim94", "partenaires-regie"]);
    // Nothing to say: the marks are the export's, typed otherwise.
    assert!(
        lines_at(&err, &format!("{SHEET}, ligne 2")).is_empty(),
        "{err}"
    );
    r.assert_code(0);
}

#[test]
fn a_confirm_mark_inside_a_line_keeps_the_field_to_confirm_and_is_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J2'] = 'données contenues (à confirmer) dans les documents'\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert!(
        strs(&a["to_confirm"]).contains(&"data_categories".to_string()),
        "{a:?}"
    );
    assert_eq!(
        strs(&a["data_categories"]),
        ["données contenues dans les documents"]
    );
    let j2 = lines_at(&err, &format!("{SHEET}, ligne 2, colonne J"));
    assert_eq!(j2.len(), 1, "{err}");
    assert!(
        noted(j2[0])
            && j2[0].contains("au milieu de la ligne")
            && j2[0].contains("importée sans la marque\u{202f}: «\u{202f}données contenues dans les documents\u{202f}»"),
        "{err}"
    );
    // Nothing lost: a noted line fails nothing.
    r.assert_code(0);
}

#[test]
fn an_english_mark_inside_a_line_is_said_in_english() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J2'] = 'documents (TO BE CONFIRMED) of the town'\n",
        true,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert!(
        strs(&a["to_confirm"]).contains(&"data_categories".to_string()),
        "{a:?}"
    );
    assert_eq!(strs(&a["data_categories"]), ["documents of the town"]);
    let j2 = lines_at(&err, &format!("{SHEET}, row 2, column J"));
    assert_eq!(j2.len(), 1, "{err}");
    assert!(
        j2[0].starts_with("noted: ") && j2[0].contains("inside the line"),
        "{err}"
    );
}

#[test]
fn a_sub_processor_measure_or_controller_named_twice_in_a_cell_is_written_once_and_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['K2'] = ws['K2'].value + '\\nsiim94'\n\
         ws['L2'] = 'Sécurisation des serveurs\\nSécurisation des serveurs'\n\
         s = wb['Sous-traitants ultérieurs']\n\
         s['J2'] = 'juvisy-sur-orge\\njuvisy-sur-orge'\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert_eq!(strs(&a["subprocessors"]), ["siim94", "partenaires-regie"]);
    assert_eq!(strs(&a["security_measures"]), ["securisation-serveurs"]);
    let sp = &yaml(&into.join("subprocessors.yaml"))["subprocessors"][0];
    assert_eq!(strs(&sp["controllers"]), ["juvisy-sur-orge"], "{sp:?}");
    for (at, name) in [
        (format!("{SHEET}, ligne 2, colonne K"), "siim94"),
        (
            format!("{SHEET}, ligne 2, colonne L"),
            "Sécurisation des serveurs",
        ),
        (
            "Sous-traitants ultérieurs, ligne 2, colonne J".to_string(),
            "juvisy-sur-orge",
        ),
    ] {
        let lines = lines_at(&err, &at);
        assert_eq!(lines.len(), 1, "{at}: {err}");
        assert!(
            noted(lines[0]) && lines[0].contains(name) && lines[0].contains("nommé deux fois"),
            "{err}"
        );
    }
    r.assert_code(0);
}

#[test]
fn in_the_authority_layout_a_measure_named_twice_in_a_cell_is_the_category_s_once() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", "Pare-feu\nSauvegardes\nPare-feu"])
"#,
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/commune-a.yaml"));
    let a = &ctl["activities"][0];
    assert_eq!(strs(&a["security_measures"]), ["pare-feu", "sauvegardes"]);
    let c3 = lines_at(&err, "Registre, ligne 2, colonne C");
    assert_eq!(c3.len(), 1, "{err}");
    assert!(
        noted(c3[0]) && c3[0].contains("Pare-feu\u{202f}» est nommé deux fois"),
        "{err}"
    );
}
