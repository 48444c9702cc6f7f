//! Integration tests of issue 14, part f14k: defects of the seventh review
//! (review 14g) of `dpo import`.
//!
//! In the authority's layout, a contact cell's second e-mail address or
//! phone number is said, never dropped, and the controller's contact cell
//! keeps every line; a line saying « no transfer » beside other lines is
//! said as such; « aucun (à confirmer) » is none, its mark said; numbered
//! list markers are left out of list items. An XLSX date cell before 1900
//! is quoted as the spreadsheet shows it.

use crate::sheets_import::{lines_at, one_line_at, q, strs, yaml};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;

/// A row of the authority sheet with its contact columns (B to D) given.
pub(crate) const CONTACTS: &str = r#"
def contacts(ctl, contact, rep, dpo):
    ws.append([ctl, contact, rep, dpo, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
               datetime.date(2021, 2, 1), 6])
"#;

/// Imports the authority sheet made by `rows` (Python calls of
/// `contacts(controller, contact, representative, dpo)`, [`CONTACTS`]).
pub(crate) fn contacts_apd(
    ws: &Workspace,
    rows: &str,
) -> (crate::support::dpo::Run, std::path::PathBuf) {
    apd(ws, &format!("{CONTACTS}\n{rows}"))
}

#[test]
fn a_contact_cell_with_two_addresses_or_phones_keeps_the_first_and_says_the_others() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", "Mairie\n1 place de la Mairie\naccueil@a.fr\nmairie@a.fr\n01 23 45 67 89",
         "Jean Maire\nmaire@a.fr\ncabinet@a.fr", "DPO Mutualisé\ndpo@a.fr ; dpo2@a.fr\n01 11 11 11 11\n+33 6 22 22 22 22")
contacts("Commune B", None, "Anne Maire\nanne@b.fr, cabinet@b.fr\nsecretariat@b.fr", "dpo@b.fr")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    // The controller's contact cell: every line kept, in its address.
    assert_eq!(
        a["address"].as_str(),
        Some("Mairie\n1 place de la Mairie\naccueil@a.fr\nmairie@a.fr\n01 23 45 67 89"),
        "{a:?}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne B").is_empty(),
        "{err}"
    );
    // The representative: the first address imported, the second said.
    assert_eq!(a["representative"]["name"].as_str(), Some("Jean Maire"));
    assert_eq!(a["representative"]["email"].as_str(), Some("maire@a.fr"));
    let c = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        c.starts_with("non importé") && c.contains(&q("cabinet@a.fr")) && c.contains("maire@a.fr"),
        "{err}"
    );
    // The DPO: two addresses on one line, and two phones.
    assert_eq!(a["dpo"]["email"].as_str(), Some("dpo@a.fr"));
    assert_eq!(a["dpo"]["phone"].as_str(), Some("01 11 11 11 11"));
    assert_eq!(a["dpo"]["name"].as_str(), Some("DPO Mutualisé"));
    let d = lines_at(&err, "Registre, ligne 2, colonne D");
    assert_eq!(d.len(), 2, "{err}");
    assert!(d.iter().all(|l| l.starts_with("non importé")), "{err}");
    assert!(d.iter().any(|l| l.contains(&q("dpo2@a.fr"))), "{err}");
    assert!(
        d.iter().any(|l| l.contains(&q("+33 6 22 22 22 22"))),
        "{err}"
    );
    // Three addresses on two lines: the first kept, the two others said.
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(b["representative"]["email"].as_str(), Some("anne@b.fr"));
    let c = one_line_at(&err, "Registre, ligne 3, colonne C");
    assert!(
        c.contains(&q("cabinet@b.fr ; secretariat@b.fr")) && c.contains("ces 2 autres"),
        "{err}"
    );
    assert_eq!(b["dpo"]["email"].as_str(), Some("dpo@b.fr"));
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne D").is_empty(),
        "{err}"
    );
}

#[test]
fn a_line_saying_no_transfer_beside_a_transfer_is_said_as_such() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "Sans objet\nMaroc : Centre d'appel")
row("Commune B", "Paie", "Néant.\nÉtats-Unis : Microsoft")
row("Commune C", "Paie", "Néant\nN/A")
"#,
    );
    let err = r.stderr();
    for (row, ctl, value, country) in [
        (2, "a", "Sans objet", "Maroc"),
        (3, "b", "Néant.", "États-Unis"),
    ] {
        let c = yaml(&into.join(format!("controllers/commune-{ctl}.yaml")));
        let t = c["transfers"].as_sequence().unwrap();
        assert_eq!(t.len(), 1, "{c:?}");
        assert_eq!(t[0]["country"].as_str(), Some(country));
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(
            h.starts_with("non importé")
                && h.contains(&q(value))
                && h.contains("dit qu'il n'y a pas de transfert")
                && !h.contains("ni «"),
            "{err}"
        );
    }
    // Two lines that both say none: none, nothing said.
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert!(
        c["transfers"].as_sequence().is_some_and(|s| s.is_empty()),
        "{c:?}"
    );
    assert!(lines_at(&err, "Registre, ligne 4").is_empty(), "{err}");
}

#[test]
fn aucun_to_confirm_in_the_transfers_column_is_none_its_mark_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "aucun (à confirmer)")
row("Commune B", "Paie", "Néant (À CONFIRMER)")
row("Commune C", "Paie", "aucun (à confirmer)")
row("Commune C", "GED", "Suisse : Hébergeur")
"#,
    );
    let err = r.stderr();
    // Beside a transfer on another row: the contradiction is said, once,
    // never « imported ».
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert!(c["transfers"].is_null(), "{c:?}");
    let h = one_line_at(&err, "Registre, ligne 4, colonne H");
    assert!(h.starts_with("non importé"), "{err}");
    for (row, ctl, value) in [
        (2, "a", "aucun (à confirmer)"),
        (3, "b", "Néant (À CONFIRMER)"),
    ] {
        let c = yaml(&into.join(format!("controllers/commune-{ctl}.yaml")));
        assert!(
            c["transfers"].as_sequence().is_some_and(|s| s.is_empty()),
            "{c:?}"
        );
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(
            h.starts_with("signalé, importé") && h.contains(&q(value)),
            "{err}"
        );
    }
}

#[test]
fn numbered_list_markers_are_left_out_but_a_title_starting_with_a_number_keeps_it() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie",
    transfers="1. Maroc : Centre d'appel\n2) Suisse : Hébergeur",
    measures="1. Sauvegardes\n2) Chiffrement\na) Antivirus\n2 sauvegardes par jour\n3DES\n10. Pare-feu",
    data="1) Nom\nb) Adresse\n1.5 Go de pièces jointes")
"#,
    );
    r.assert_code(0);
    let m = yaml(&into.join("security-measures.yaml"));
    let titles: Vec<&str> = m["measures"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|x| x["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Sauvegardes",
            "Chiffrement",
            "Antivirus",
            "2 sauvegardes par jour",
            "3DES",
            "Pare-feu"
        ]
    );
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let act = &a["activities"][0];
    assert_eq!(
        strs(&act["security_measures"])[..3],
        ["sauvegardes", "chiffrement", "antivirus"]
    );
    assert_eq!(
        strs(&act["data_categories"]),
        ["Nom", "Adresse", "1.5 Go de pièces jointes"]
    );
    let countries: Vec<&str> = a["transfers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|t| t["country"].as_str().unwrap())
        .collect();
    assert_eq!(countries, ["Maroc", "Suisse"]);
}

#[test]
fn an_xlsx_date_cell_before_1900_is_quoted_as_the_spreadsheet_shows_it() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Commune A", None, None, None, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
           datetime.date(1899, 12, 1), 6])
ws.append(["Commune B", None, None, None, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
           datetime.date(1850, 6, 15), 6])
ws.append(["Commune C", None, None, None, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
           datetime.date(1900, 1, 1), 6])
"#,
    );
    let err = r.stderr();
    for (row, day) in [(2, "1899-12-01"), (3, "1850-06-15")] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne L"));
        assert!(l.starts_with("non importé") && l.contains(&q(day)), "{err}");
    }
    // Serial 1 is still 1 January 1900.
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert_eq!(c["convention"]["start"].as_str(), Some("1900-01-01"));
}
