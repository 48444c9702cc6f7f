//! Integration tests of issue 14, part f14n: defects of the eighth review
//! (review 14h) of `dpo import`, in the authority's layout.
//!
//! A representative's or DPO's cell has one name (its first other line):
//! a second person, a title or an address is said, never joined into the
//! name; a labelled phone (« Tél : ») is a phone, a fax is said, several
//! phones on one line are each a phone. A recipient saying none, or a
//! negation joined by a hyphen (« Non-UE »), is never a transfer. A
//! « (à confirmer) » mark in a transfers line is the transfer's flag. A
//! colon inside brackets does not make a `country: recipient` line. An XLSX
//! date cell of serial 0 is 1899-12-30, as LibreOffice shows it.

use crate::sheets_import::{lines_at, one_line_at, q, yaml};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::support::Workspace;

#[test]
fn a_contact_cell_has_one_name_and_its_other_lines_are_said_never_joined() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Jean Rep\nJeanne Autre", "Tél. 01 23 45 67 89\nMél : dpo@d.fr")
contacts("Commune B", None, "Jean Rep\nTél : 01 23 45 67 89\nCourriel : jean@x.fr",
         "DPO Mutualisé\n01 23 45 67 89 / 06 11 22 33 44\nFax : 01 23 45 67 80")
contacts("Commune C", None, "Jean Rep\nMaire\n12 rue de la Paix, 91260 Juvisy", "Anne DPO\n01 23 45 67 89 poste 12")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    // Two people: the first is the name, the second said.
    assert_eq!(
        a["representative"]["name"].as_str(),
        Some("Jean Rep"),
        "{a:?}"
    );
    let c = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        c.starts_with("non importé") && c.contains(&q("Jeanne Autre")) && c.contains("Jean Rep"),
        "{err}"
    );
    // A labelled phone and e-mail, no name: none made up.
    assert!(a["dpo"].get("name").is_none(), "{a:?}");
    assert_eq!(a["dpo"]["phone"].as_str(), Some("01 23 45 67 89"));
    assert_eq!(a["dpo"]["email"].as_str(), Some("dpo@d.fr"));
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne D").is_empty(),
        "{err}"
    );

    let b = yaml(&into.join("controllers/commune-b.yaml"));
    let rep = &b["representative"];
    assert_eq!(rep["name"].as_str(), Some("Jean Rep"), "{b:?}");
    assert_eq!(rep["phone"].as_str(), Some("01 23 45 67 89"));
    assert_eq!(rep["email"].as_str(), Some("jean@x.fr"));
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne C").is_empty(),
        "{err}"
    );
    // Two phones on one line: the first imported, the second said; a fax
    // is not the phone: said.
    let dpo = &b["dpo"];
    assert_eq!(dpo["name"].as_str(), Some("DPO Mutualisé"), "{b:?}");
    assert_eq!(dpo["phone"].as_str(), Some("01 23 45 67 89"));
    let d = lines_at(&err, "Registre, ligne 3, colonne D");
    assert_eq!(d.len(), 2, "{err}");
    assert!(
        d.iter()
            .any(|l| l.starts_with("non importé") && l.contains(&q("06 11 22 33 44"))),
        "{err}"
    );
    assert!(
        d.iter().any(|l| l.starts_with("non importé")
            && l.contains(&q("Fax : 01 23 45 67 80"))
            && l.contains("fax")),
        "{err}"
    );

    // A title and an address: never in the name, nor guessed as a role.
    let c3 = yaml(&into.join("controllers/commune-c.yaml"));
    let rep = &c3["representative"];
    assert_eq!(rep["name"].as_str(), Some("Jean Rep"), "{c3:?}");
    assert!(
        rep.get("role").is_none() && rep.get("address").is_none(),
        "{c3:?}"
    );
    let c = lines_at(&err, "Registre, ligne 4, colonne C");
    assert_eq!(c.len(), 2, "{err}");
    assert!(c.iter().all(|l| l.starts_with("non importé")), "{err}");
    assert!(c.iter().any(|l| l.contains(&q("Maire"))), "{err}");
    assert!(
        c.iter()
            .any(|l| l.contains(&q("12 rue de la Paix, 91260 Juvisy"))),
        "{err}"
    );
    // A phone with its extension is the phone, as typed.
    assert_eq!(
        c3["dpo"]["phone"].as_str(),
        Some("01 23 45 67 89 poste 12"),
        "{c3:?}"
    );
    assert_eq!(c3["dpo"]["name"].as_str(), Some("Anne DPO"));
}

#[test]
fn a_recipient_saying_none_or_a_hyphenated_negation_is_never_a_transfer() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "Hors UE : aucun")
row("Commune B", "Paie", "États-Unis : aucun")
row("Commune C", "Paie", "États-Unis : néant")
row("Commune D", "Paie", "Non-UE : Microsoft")
row("Commune E", "Paie", "Nouvelle-Zélande : A\nNorvège : B\nNiger : C\nNauru : D")
row("Commune F", "Paie", "États-Unis : Aucun.\nMaroc : Centre X")
"#,
    );
    let err = r.stderr();
    for (row, ctl, typed) in [
        (2, "a", "Hors UE : aucun"),
        (3, "b", "États-Unis : aucun"),
        (4, "c", "États-Unis : néant"),
        (5, "d", "Non-UE : Microsoft"),
    ] {
        let c = yaml(&into.join(format!("controllers/commune-{ctl}.yaml")));
        assert!(c.get("transfers").is_none(), "{ctl}: {c:?}");
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(
            h.starts_with("non importé") && h.contains(&q(typed)),
            "{err}"
        );
    }
    // The recipient side saying none is said as such.
    let b = one_line_at(&err, "Registre, ligne 3, colonne H");
    assert!(
        b.contains("le destinataire dit qu'il n'y a pas de transfert"),
        "{err}"
    );
    // Countries that begin like a negation still import.
    let e = yaml(&into.join("controllers/commune-e.yaml"));
    let countries: Vec<&str> = e["transfers"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|t| t["country"].as_str())
        .collect();
    assert_eq!(countries, ["Nouvelle-Zélande", "Norvège", "Niger", "Nauru"]);
    assert!(
        lines_at(&err, "Registre, ligne 6, colonne H").is_empty(),
        "{err}"
    );
    // Beside a real transfer: that one kept, the other said.
    let f = yaml(&into.join("controllers/commune-f.yaml"));
    assert_eq!(f["transfers"].as_sequence().map(Vec::len), Some(1), "{f:?}");
    assert_eq!(f["transfers"][0]["country"].as_str(), Some("Maroc"));
    let h = one_line_at(&err, "Registre, ligne 7, colonne H");
    assert!(
        h.starts_with("non importé") && h.contains("Aucun."),
        "{err}"
    );
}

#[test]
fn a_to_confirm_mark_in_a_transfers_line_is_the_transfers_flag() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "États-Unis : Microsoft (à confirmer)\nMaroc (À CONFIRMER) : Centre X")
row("Commune B", "Paie", "Suisse : H (à confirmer) hébergement")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let t = &a["transfers"];
    assert_eq!(t[0]["country"].as_str(), Some("États-Unis"), "{a:?}");
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft"), "{a:?}");
    assert_eq!(
        crate::sheets_import::strs(&t[0]["to_confirm"]),
        ["recipient"]
    );
    assert_eq!(t[1]["country"].as_str(), Some("Maroc"), "{a:?}");
    assert_eq!(t[1]["recipient"].as_str(), Some("Centre X"));
    assert_eq!(crate::sheets_import::strs(&t[1]["to_confirm"]), ["country"]);
    // A mark at the end of its side: the flag, as the own layout takes it.
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne H").is_empty(),
        "{err}"
    );
    // A mark inside a side: the flag too, said as the own layout says it.
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["transfers"][0]["recipient"].as_str(),
        Some("H hébergement")
    );
    assert_eq!(
        crate::sheets_import::strs(&b["transfers"][0]["to_confirm"]),
        ["recipient"]
    );
    let h = one_line_at(&err, "Registre, ligne 3, colonne H");
    assert!(
        h.starts_with("signalé") && h.contains("n'est pas écrite comme dpo l'écrit"),
        "{err}"
    );
}

#[test]
fn a_colon_inside_brackets_makes_no_country_recipient_line() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "Pas de transfert (hébergement : France)")
row("Commune B", "Paie", "États-Unis (Virginie) : Microsoft")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(
        a["transfers"].as_sequence().is_some_and(Vec::is_empty),
        "{a:?}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne H").is_empty(),
        "{err}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["transfers"][0]["country"].as_str(),
        Some("États-Unis (Virginie)"),
        "{b:?}"
    );
    assert_eq!(b["transfers"][0]["recipient"].as_str(), Some("Microsoft"));
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne H").is_empty(),
        "{err}"
    );
}

#[test]
fn a_date_cell_of_serial_zero_or_below_is_quoted_as_libreoffice_shows_it() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
for i, serial in enumerate([0, -1, 1]):
    ws.append([f"Commune {i}", None, None, None, "Paie", None, None, "aucun", None, "Pare-feu",
               "Conv", serial, 6])
    ws.cell(i + 2, 12).number_format = "dd/mm/yyyy"
"#,
    );
    let err = r.stderr();
    for (row, day) in [(2, "1899-12-30"), (3, "1899-12-29")] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne L"));
        assert!(
            l.starts_with("non importé") && l.contains(&q(day)) && l.contains("avant 1900"),
            "{err}"
        );
    }
    let c = yaml(&into.join("controllers/commune-2.yaml"));
    assert_eq!(
        c["convention"]["start"].as_str(),
        Some("1900-01-01"),
        "{c:?}"
    );
}
