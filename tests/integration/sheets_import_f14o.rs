//! Integration tests of issue 14, part f14o: defects of the ninth review
//! (review 14i) of `dpo import`.
//!
//! In the authority's layout, a « (à confirmer) » mark in any column is
//! left out of the text before it is read: never in an id, a name or a
//! file name; the field's `to_confirm` flag where the record has one (a
//! category's fields, a transfer's safeguards), else said. Two transfers
//! or two countries on one line, whatever the sign between them, are one
//! transfer as typed, said (both layouts); a name with a hyphen is silent.
//! A representative's or DPO's name that says none is no name, said.

use crate::sheets_import::{edited_export, lines_at, one_line_at, q, yaml};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::support::Workspace;

#[test]
fn a_confirm_mark_in_any_authority_column_is_left_out_of_the_text_and_flagged_or_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws["F1"] = "Description du traitement"
row("Commune X", "Paie", measures="Sauvegardes")
ws.append(["Commune Y (à confirmer)", "1 rue A, 91000 V\n(à confirmer)",
           "Jean Rep (à confirmer)", "Anne DPO\n01 23 45 67 89 (à confirmer)",
           "Messagerie (à confirmer)", "Desc (à confirmer)", "courriels (à confirmer)",
           "Maroc : X", "CCT (à confirmer)", "Sauvegardes (à confirmer)\nChiffrement",
           "Conv (à confirmer)", "01/02/2021 (à confirmer)", "6 (à confirmer)"])
"#,
    );
    let err = r.stderr();
    // No file, id or name carries the mark.
    assert!(
        !into.join("controllers/commune-y-a-confirmer.yaml").exists(),
        "{err}"
    );
    let y = yaml(&into.join("controllers/commune-y.yaml"));
    let text = serde_yaml::to_string(&y).unwrap();
    assert!(!text.contains("confirmer"), "{text}");
    assert_eq!(y["name"].as_str(), Some("Commune Y"), "{y:?}");
    let a = &y["activities"][0];
    assert_eq!(a["id"].as_str(), Some("messagerie"), "{y:?}");
    assert_eq!(a["name"].as_str(), Some("Messagerie"));
    assert_eq!(a["description"].as_str(), Some("Desc"), "{y:?}");
    assert_eq!(a["data_categories"][0].as_str(), Some("courriels"));
    // The category's fields are its flags.
    let flags: Vec<&str> = a["to_confirm"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        flags,
        [
            "name",
            "description",
            "data_categories",
            "security_measures"
        ],
        "{y:?}"
    );
    // The measure is the one the other controller names, not a new one.
    assert_eq!(a["security_measures"][0].as_str(), Some("sauvegardes"));
    let t = &y["transfers"][0];
    assert_eq!(t["safeguards"].as_str(), Some("CCT"), "{y:?}");
    assert_eq!(t["to_confirm"][0].as_str(), Some("safeguards"), "{y:?}");
    // The controller's facts: read without the mark, the mark said.
    assert_eq!(y["address"].as_str(), Some("1 rue A, 91000 V"), "{y:?}");
    assert_eq!(y["representative"]["name"].as_str(), Some("Jean Rep"));
    assert_eq!(y["dpo"]["phone"].as_str(), Some("01 23 45 67 89"), "{err}");
    assert_eq!(y["convention"]["title"].as_str(), Some("Conv"), "{y:?}");
    assert_eq!(
        y["convention"]["start"].as_str(),
        Some("2021-02-01"),
        "{err}"
    );
    assert_eq!(y["convention"]["term_months"].as_u64(), Some(6), "{err}");
    for col in ["A", "B", "C", "D", "K", "L", "M"] {
        let at = format!("Registre, ligne 3, colonne {col}");
        let said: Vec<&str> = err.lines().filter(|l| l.contains(&at)).collect();
        assert!(
            said.len() == 1 && said[0].starts_with("signalé, importé"),
            "{col}: {err}"
        );
    }
    // Each said once, as a mark left out (no other complaint: the date,
    // the months and the phone are read).
    assert_eq!(err.matches("ne peut pas être marqué").count(), 7, "{err}");
    assert!(err.contains(&q("Commune Y (à confirmer)")), "{err}");
    // No file written holds the mark (a measure « Sauvegardes (à
    // confirmer) » beside `sauvegardes` included).
    let mut dirs = vec![into.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                let t = std::fs::read_to_string(&p).unwrap_or_default();
                assert!(!t.contains("confirmer"), "{}: {t}", p.display());
            }
        }
    }
}

/// Review 14i, 4 (authority layout): a second `country: recipient` after
/// `,`, `/`, ` - ` or `. `, or two countries before the `:`, is one
/// transfer as typed, said; a hyphenated name or a recipient's comma is not.
#[test]
fn two_authority_transfers_on_one_line_are_said_whatever_the_sign() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 1", "Paie", "États-Unis: Microsoft, Maroc: X")
row("Commune 2", "Paie", "États-Unis : Microsoft / Maroc : X")
row("Commune 3", "Paie", "États-Unis : Microsoft - Maroc : X")
row("Commune 4", "Paie", "États-Unis : Microsoft. Maroc : X")
row("Commune 5", "Paie", "États-Unis, Maroc : Microsoft")
row("Commune 6", "Paie", "Bosnie-Herzégovine : Centre Y")
row("Commune 7", "Paie", "Trinité-et-Tobago : Microsoft (Dublin, Irlande : siège)")
row("Commune 8", "Paie", "États-Unis : Microsoft Corp. - siège social")
"#,
    );
    let err = r.stderr();
    for row in 2..=6 {
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(
            h.starts_with("signalé, importé") && h.contains("un seul transfert"),
            "{row}: {err}"
        );
    }
    for row in 7..=9 {
        let at = format!("Registre, ligne {row}, colonne H");
        assert!(lines_at(&err, &at).is_empty(), "{row}: {err}");
    }
    assert!(err.contains("«\u{202f},\u{202f}»"), "{err}");
    // Imported as typed: one transfer, nothing lost.
    let one = yaml(&into.join("controllers/commune-1.yaml"));
    let t = one["transfers"].as_sequence().unwrap();
    assert_eq!(t.len(), 1, "{one:?}");
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft, Maroc: X"));
    let five = yaml(&into.join("controllers/commune-5.yaml"));
    assert_eq!(
        five["transfers"][0]["country"].as_str(),
        Some("États-Unis, Maroc")
    );
}

/// Review 14i, 4 (own layout): `États-Unis, Maroc`, `États-Unis / Maroc`
/// and `États-Unis et Maroc` in the country column are one transfer as
/// typed, said; `Trinité-et-Tobago` is silent.
#[test]
fn two_own_layout_countries_on_one_line_are_said_whatever_the_sign() {
    let sheet = "Commune de Juvisy-sur-Orge";
    let file = "controllers/juvisy-sur-orge.yaml";
    for (country, said) in [
        ("États-Unis, Maroc", true),
        ("États-Unis / Maroc", true),
        ("États-Unis et Maroc", true),
        ("Trinité-et-Tobago", false),
    ] {
        let ws = Workspace::sample();
        let edit = format!(
            "for r in range(2, ws.max_row + 1):\n    ws[f'M{{r}}'] = {country:?}\n    ws[f'N{{r}}'] = 'Microsoft'\n"
        );
        let (r, into) = edited_export(&ws, &edit, false);
        let err = r.stderr();
        let ctl = yaml(&into.join(file));
        assert_eq!(
            ctl["transfers"][0]["country"].as_str(),
            Some(country),
            "{err}"
        );
        let m = lines_at(&err, &format!("{sheet}, ligne 2, colonne M"));
        if said {
            assert!(
                m.len() == 1 && m[0].starts_with("signalé, importé") && m[0].contains("deux pays"),
                "{country}: {err}"
            );
        } else {
            assert!(m.is_empty(), "{country}: {err}");
        }
    }
}

/// Review 14i, 6 (authority layout): a representative's or DPO's name
/// that reads as none is not imported as a name, said with its words; an
/// e-mail beside it is kept; a real name that starts like a negation
/// word is not taken for one.
#[test]
fn a_contact_name_that_says_none_is_no_name_and_is_said() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Néant", "Aucun DPO désigné")
contacts("Commune B", None, "N/A", "Sans objet\ndpo@b.fr")
contacts("Commune C", None, "Aucun", "Nolwenn DPO")
"#,
    );
    let err = r.stderr();
    for (row, col, v) in [
        (2, "C", "Néant"),
        (2, "D", "Aucun DPO désigné"),
        (3, "C", "N/A"),
        (3, "D", "Sans objet"),
        (4, "C", "Aucun"),
    ] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne {col}"));
        assert!(
            l.starts_with("non importé") && l.contains(&q(v)) && l.contains("aucun"),
            "{row}{col}: {err}"
        );
    }
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a["representative"].get("name").is_none(), "{a:?}");
    assert!(a["dpo"].get("name").is_none(), "{a:?}");
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert!(b["dpo"].get("name").is_none(), "{b:?}");
    assert_eq!(b["dpo"]["email"].as_str(), Some("dpo@b.fr"), "{b:?}");
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert_eq!(c["dpo"]["name"].as_str(), Some("Nolwenn DPO"), "{c:?}");
    assert!(
        lines_at(&err, "Registre, ligne 4, colonne D").is_empty(),
        "{err}"
    );
}
