//! Integration tests of issue 14, part f14i: defects of the sixth review
//! (review 14f) of `dpo import` and the register workbook.
//!
//! In the authority's layout, the ways of saying "no transfer" are none,
//! and a transfers line of no known shape is never a country; list bullets
//! are left out, measures differing only in case are one, a made id and a
//! line that looks like two measures are said. « à compléter » in any case
//! or without its accents is no fact, in both layouts. Names typed with a
//! curly apostrophe or a no-break space are found. The processor sheet
//! without its key column is read by its labels. `dpo check` names a
//! renewal without notice and a date before 1900.

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, noted, one_line_at, openpyxl, strs, yaml, Import, NOW,
};
use crate::support::{Dpo, Workspace};

/// The 13 authority headers, in the catalog's order.
pub(crate) const APD_HEADERS: &str = r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Coordonnées du responsable du traitement",
  "Représentant du responsable du traitement", "Délégué à la protection des données du responsable du traitement",
  "Catégories de traitements", "Description", "Catégories de données",
  "Transferts vers un pays tiers ou une organisation internationale", "Garanties appropriées",
  "Description générale des mesures de sécurité techniques et organisationnelles",
  "Convention", "Début de la convention", "Durée de la convention (mois)"])
import datetime
def row(ctl, cat, transfers="aucun", measures="Pare-feu", data=None):
    ws.append([ctl, None, None, None, cat, None, data, transfers, None, measures, "Conv",
               datetime.date(2021, 2, 1), 6])
"#;

/// Imports the authority sheet made by `rows` (Python calls of `row`).
pub(crate) fn apd(ws: &Workspace, rows: &str) -> (crate::support::dpo::Run, std::path::PathBuf) {
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(&xlsx, &format!("{APD_HEADERS}\n{rows}"));
    let into = ws.path("nouveau");
    let r = dpo_in(ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    (r, into)
}

#[test]
fn the_ways_of_saying_no_transfer_are_none_and_other_text_is_never_a_country() {
    let ws = Workspace::missing();
    let nones = [
        "N/A",
        "NA",
        "aucun.",
        "Pas de transfert",
        "Sans objet",
        "non applicable",
        "Aucun transfert hors UE",
        "/",
        "0",
    ];
    let mut rows = String::new();
    for (i, t) in nones.iter().enumerate() {
        rows.push_str(&format!("row('Commune {i}', 'Paie', {t:?})\n"));
    }
    // One controller says none two ways; another gives a country alone.
    rows.push_str("row('Commune X', 'Paie', 'Néant')\nrow('Commune X', 'GED', 'N/A')\n");
    rows.push_str("row('Commune Y', 'Paie', 'Suisse')\n");
    // The same with safeguards: they go with it, said.
    rows.push_str(
        "ws.append(['Commune Z', None, None, None, 'Paie', None, None, 'Suisse', \
         'Clauses types', 'Pare-feu', 'Conv', datetime.date(2021, 2, 1), 6])\n",
    );
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for (i, none) in nones.iter().enumerate() {
        let ctl = yaml(&into.join(format!("controllers/commune-{i}.yaml")));
        let t = &ctl["transfers"];
        assert!(
            t.as_sequence().is_some_and(|s| s.is_empty()),
            "{}: {t:?}",
            none
        );
        assert!(
            lines_at(&err, &format!("Registre, ligne {}, colonne H", i + 2)).is_empty(),
            "{err}"
        );
    }
    let x = yaml(&into.join("controllers/commune-x.yaml"));
    assert!(x["transfers"].as_sequence().is_some_and(|s| s.is_empty()));
    assert!(!err.contains("contredit"), "{err}");
    // A country with no recipient: not imported, said; not « none ».
    let y = yaml(&into.join("controllers/commune-y.yaml"));
    assert!(y["transfers"].is_null(), "{y:?}");
    let row = nones.len() + 4;
    let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
    assert!(
        h.starts_with("non importé") && h.contains("Suisse"),
        "{err}"
    );
    let z = yaml(&into.join("controllers/commune-z.yaml"));
    assert!(z["transfers"].is_null(), "{z:?}");
    let i = one_line_at(&err, &format!("Registre, ligne {}, colonne I", row + 1));
    assert!(
        i.starts_with("non importé") && i.contains("Clauses types"),
        "{err}"
    );
}

#[test]
fn list_bullets_are_left_out_and_measures_differing_in_case_are_one_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Messagerie", measures="- Sauvegardes quotidiennes\n- Chiffrement des disques\n• Antivirus",
    data="- Nom\n* Prénom")
row("Commune B", "Paie", measures="Sauvegardes quotidiennes\nchiffrement  des disques ")
row("Commune B", "GED", measures="Sauvegardes quotidiennes, Antivirus\nPare-feu ; VPN\nChiffrement des disques !")
"#,
    );
    let err = r.stderr();
    let m = yaml(&into.join("security-measures.yaml"));
    let list = m["measures"].as_sequence().unwrap();
    let titles: Vec<&str> = list.iter().map(|x| x["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Sauvegardes quotidiennes",
            "Chiffrement des disques",
            "Antivirus",
            "Sauvegardes quotidiennes, Antivirus",
            "Pare-feu ; VPN",
            "Chiffrement des disques !"
        ],
        "{err}"
    );
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        strs(&a["activities"][0]["data_categories"]),
        ["Nom", "Prénom"]
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        strs(&b["activities"][0]["security_measures"]),
        ["sauvegardes-quotidiennes", "chiffrement-des-disques"]
    );
    // The merge, the made id and the lines that look like two are said.
    let j3 = one_line_at(&err, "Registre, ligne 3, colonne J");
    assert!(
        j3.starts_with("signalé, importé") && j3.contains("Chiffrement des disques"),
        "{err}"
    );
    let j4 = lines_at(&err, "Registre, ligne 4, colonne J");
    assert_eq!(j4.len(), 3, "{err}");
    assert!(j4
        .iter()
        .any(|l| noted(l) && l.contains("Sauvegardes quotidiennes, Antivirus")));
    assert!(j4.iter().any(|l| noted(l) && l.contains("Pare-feu ; VPN")));
    assert!(j4
        .iter()
        .any(|l| l.starts_with("signalé, importé") && l.contains("chiffrement-des-disques-2")));
    assert!(lines_at(&err, "Registre, ligne 2").is_empty(), "{err}");
}

#[test]
fn a_to_complete_in_capitals_or_without_its_accent_is_no_fact_in_both_layouts() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['I3'] = 'A compléter'\n\
         wb['Responsables de traitement']['AK2'] = 'A COMPLETER'\n\
         ws['H3'] = 'à completer'\n",
        false,
    );
    r.assert_code(0);
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let a = &ctl["activities"][1];
    assert!(strs(&a["systems"]).is_empty(), "{a:?}");
    assert!(a["description"].is_null(), "{a:?}");
    assert!(ctl["convention"]["reference"].is_null(), "{ctl:?}");
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(!text.to_lowercase().contains("complet"), "{text}");
    // In the authority's layout too.
    let ws = Workspace::missing();
    let (_, into) = apd(&ws, "row('Commune A', 'Paie', measures='À COMPLETER')\n");
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(strs(&a["activities"][0]["security_measures"]).is_empty());
    let m = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!m.to_lowercase().contains("complet"), "{m}");
}

#[test]
fn names_typed_with_a_curly_apostrophe_or_a_no_break_space_are_found() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "assert ws['K6'].value.startswith('SIIM94, syndicat')\n\
         ws['K6'] = 'SIIM94,\\u00a0syndicat intercommunal d\\u2019informatique (à confirmer)'\n\
         ws['L6'] = 'Sécurisation des serveurs\\nTests réguliers de l\\u2019efficacité des mesures (à confirmer)'\n\
         ws['G7'] = ws['G7'].value + '\\u00a0'\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("ne figure pas"), "{err}");
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let a = &ctl["activities"][4];
    assert!(
        strs(&a["subprocessors"]).contains(&"siim94".to_string()),
        "{a:?}"
    );
    assert_eq!(strs(&a["security_measures"]).len(), 2, "{a:?}");
    let name = ctl["activities"][5]["name"].as_str().unwrap();
    assert_eq!(name, "Assistance et maintenance des postes de travail");
    r.assert_code(0);
}

#[test]
fn the_processor_sheet_without_its_key_column_is_read_by_its_labels() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, "wb['Sous-traitant'].delete_cols(3)\n", false);
    let err = r.stderr();
    let said = one_line_at(&err, "Sous-traitant,");
    assert!(noted(said) && said.contains("clé"), "{err}");
    let p = yaml(&into.join("processor.yaml"));
    assert_eq!(
        p["name"].as_str(),
        yaml(&ws.root().join("processor.yaml"))["name"].as_str()
    );
    r.assert_code(0);
}

#[test]
fn the_authority_layout_states_no_renewal_and_check_names_a_renewal_without_notice() {
    let ws = Workspace::missing();
    let (_, into) = apd(&ws, "row('Commune A', 'Paie')\n");
    let text = std::fs::read_to_string(into.join("controllers/commune-a.yaml")).unwrap();
    assert!(!text.contains("renewals_allowed"), "{text}");
    assert!(!text.contains("renewal_notice_months"), "{text}");
    // A notice of months unreadable in dpo's layout: check names it.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Responsables de traitement']['AR2'] = '1,0'\n",
        false,
    );
    assert!(r.stderr().contains("1,0"), "{}", r.stderr());
    let check = Dpo::new(&into).now(NOW).run(&["check"]);
    let out = check.text();
    let said: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("convention.renewal_notice_months"))
        .collect();
    assert_eq!(said.len(), 1, "{out}");
    assert!(said[0].contains("préavis"), "{out}");
}

#[test]
fn check_flags_a_date_before_1900_naming_the_field() {
    let ws = Workspace::sample();
    let set = |file: &str, from: &str, to: &str| {
        let text = ws.read(file);
        assert!(text.contains(from), "{file}: {from}");
        ws.write(file, &text.replacen(from, to, 1));
    };
    set(
        "controllers/juvisy-sur-orge.yaml",
        "start: 2021-02-01",
        "start: 0021-02-01",
    );
    set(
        "security-measures.yaml",
        "last_tested: null",
        "last_tested: 0025-03-15",
    );
    set("subprocessors.yaml", "start: null", "start: 0020-01-01");
    let r = dpo_in(&ws).run(&["check"]);
    r.assert_no_panic();
    let out = r.text();
    for (file, field) in [
        ("juvisy-sur-orge.yaml", "convention.start"),
        ("security-measures.yaml", "measures[0].last_tested"),
        ("subprocessors.yaml", "subprocessors[0].contract.start"),
    ] {
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("erreur") && l.contains(file) && l.contains(field))
            .collect();
        assert_eq!(lines.len(), 1, "{file} {field}: {out}");
        assert!(lines[0].contains("1900"), "{out}");
    }
    r.assert_code(2);
}

/// Review 14g, 1 and 2: a "no transfer" phrase beside a `country:
/// recipient` line never hides that transfer, and a negation on the
/// country side is never a country: each such line is said, not imported.
#[test]
fn a_no_transfer_phrase_never_hides_a_listed_transfer_nor_becomes_a_country() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune A', 'Paie', 'Pas de transfert\\nÉtats-Unis : Microsoft (messagerie)')\n\
         row('Commune B', 'Paie', 'Aucun transfert hors UE sauf États-Unis : Microsoft')\n\
         row('Commune C', 'Paie', 'Non : aucun transfert')\n\
         row('Commune D', 'Paie', 'Néant, sauf Maroc : Centre d appel')\n\
         row('Commune E', 'Paie', 'Norvège : Hébergeur')\n",
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let t = a["transfers"].as_sequence().expect("transfers listed");
    assert_eq!(t.len(), 1, "{a:?}");
    assert_eq!(t[0]["country"].as_str(), Some("États-Unis"));
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft (messagerie)"));
    let h2 = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(
        h2.starts_with("non importé") && h2.contains("Pas de transfert"),
        "{err}"
    );
    for (row, id, typed) in [
        (3, "commune-b", "Aucun transfert hors UE"),
        (4, "commune-c", "Non : aucun transfert"),
        (5, "commune-d", "Néant, sauf Maroc"),
    ] {
        let c = yaml(&into.join(format!("controllers/{id}.yaml")));
        // Not known: « à compléter », never « none » and never a country.
        assert!(c["transfers"].is_null(), "{id}: {c:?}");
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(h.starts_with("non importé") && h.contains(typed), "{err}");
    }
    // A country whose name starts like « Non » is still a country.
    let e = yaml(&into.join("controllers/commune-e.yaml"));
    assert_eq!(
        e["transfers"][0]["country"].as_str(),
        Some("Norvège"),
        "{e:?}"
    );
}
