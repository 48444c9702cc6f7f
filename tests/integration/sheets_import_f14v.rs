//! Integration tests of issue 14, part f14v: what the thirteenth review
//! (review 14m) of `dpo import` left as low findings.
//!
//! In the authority's layout, a contact line holding an e-mail address
//! among other words gives the address and says the rest, and « Jean
//! Dupont <jean@x.fr> » is a name and an address (finding 7); the
//! controller's contact cell keeps its lines as lines, never « ,, »
//! (finding 5); a mapping file naming one header twice, case aside, for two
//! fields says so (finding 8); « Cité du Vatican » and « Chine populaire »
//! are countries (finding 9); a controller fact's dropped mark quotes the
//! value kept, and a safeguards line that is only the mark leaves no empty
//! line nor a « lines for one transfer » report (finding 10).

use crate::sheets_import::{dpo_in, lines_at, one_line_at, openpyxl, q, yaml, Import};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::sheets_import_f14q::countries;
use crate::support::Workspace;

/// Review 14m, 7 and 5: the address is taken from a mixed line, the rest
/// said at the cell; a mailbox gives its name; `mailto:` is a label; the
/// controller's contact cell is kept line by line.
#[test]
fn a_contact_line_mixing_an_address_with_other_words_gives_the_address_and_says_the_rest() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", "Hôtel de ville,\n1 place de la Mairie\n\n91000 Ville",
         "Jean Dupont - 01 23 45 67 89 - jean@x.fr", "Marie Curie <marie@x.fr>")
contacts("Commune B", None, "mailto:Anne@B.fr", "DPO : dpo@b.fr (mutualisé)")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        a["address"].as_str(),
        Some("Hôtel de ville,\n1 place de la Mairie\n91000 Ville"),
        "{a:?}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne B").is_empty(),
        "{err}"
    );
    assert_eq!(
        a["representative"]["email"].as_str(),
        Some("jean@x.fr"),
        "{a:?}"
    );
    assert!(a["representative"]["name"].is_null(), "{a:?}");
    let c = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        c.starts_with("non importé")
            && c.contains(&q("Jean Dupont - 01 23 45 67 89 - jean@x.fr"))
            && c.contains(&format!("l'adresse {} en est tirée", q("jean@x.fr")))
            && c.contains("le reste de la ligne n'est pas importé"),
        "{err}"
    );
    // A mailbox as e-mail programs write it: a name and its address.
    assert_eq!(a["dpo"]["name"].as_str(), Some("Marie Curie"), "{a:?}");
    assert_eq!(a["dpo"]["email"].as_str(), Some("marie@x.fr"), "{a:?}");
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne D").is_empty(),
        "{err}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["representative"]["email"].as_str(),
        Some("Anne@B.fr"),
        "{b:?}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne C").is_empty(),
        "{err}"
    );
    assert_eq!(b["dpo"]["email"].as_str(), Some("dpo@b.fr"), "{b:?}");
    let d = one_line_at(&err, "Registre, ligne 3, colonne D");
    assert!(
        d.starts_with("non importé") && d.contains("mutualisé"),
        "{err}"
    );
    // Every address imported is one `dpo check` takes.
    assert!(
        !err.contains("n'est pas une adresse électronique valable"),
        "{err}"
    );
}

/// Review 14m, 9: the two names are countries.
#[test]
fn the_vatican_and_the_people_s_republic_by_their_usual_names_are_countries() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune 0', 'Paie', 'Cité du Vatican : X\\nChine populaire : Y')\n",
    );
    let err = r.stderr();
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne H").is_empty(),
        "{err}"
    );
    assert_eq!(
        countries(&into, 0),
        ["Cité du Vatican", "Chine populaire"],
        "{err}"
    );
}

/// Review 14m, 10: the controller fact's mark dropped, the value kept
/// quoted; a safeguards line « (?) » is the flag and leaves no line.
#[test]
fn a_dropped_mark_quotes_the_value_kept_and_a_mark_line_in_safeguards_leaves_no_line() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "M. Dupont (DGS) (à confirmer)", None)
ws.append(["Commune B", None, None, None, "Paie", None, None, "États-Unis : Microsoft", "CCT\n(?)",
           "Pare-feu", "Conv", datetime.date(2021, 2, 1), 6])
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        a["representative"]["name"].as_str(),
        Some("M. Dupont (DGS)")
    );
    let c = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        c.starts_with("signalé, importé")
            && c.contains(&format!("sans la marque\u{202f}: {}", q("M. Dupont (DGS)"))),
        "{err}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    let t = &b["transfers"][0];
    assert_eq!(t["safeguards"].as_str(), Some("CCT"), "{b:?}");
    assert_eq!(t["to_confirm"][0].as_str(), Some("safeguards"), "{b:?}");
    // Said once, as a mark typed otherwise (the value spans two lines).
    let i = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(i.starts_with("signalé\u{202f}:"), "{err}");
    assert!(
        err.contains(&format!("sans la marque\u{202f}: {}", q("CCT"))),
        "{err}"
    );
    assert!(!err.contains("lignes de garanties"), "{err}");
}

/// Review 14m, 8: « Organisme » and « ORGANISME » mapped to two fields are
/// one header the file cannot tell apart: refused at the second, both
/// named; mapped to one field they are one.
#[test]
fn a_mapping_naming_one_header_twice_case_aside_for_two_fields_is_refused_naming_both() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Organisme", "Traitement", "Mesures"])
ws.append(["Commune A", "Paie", "Pare-feu"])
"#,
    );
    let map = ws.path("correspondance.yaml");
    let into = ws.path("nouveau");
    std::fs::write(
        &map,
        "columns:\n  Organisme: controller\n  ORGANISME: category\n  Mesures: measures\n",
    )
    .unwrap();
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_code(2);
    let err = r.stderr();
    assert!(
        err.contains("correspondance.yaml:3:3")
            && err.contains(&format!("{} et {}", q("ORGANISME"), q("Organisme")))
            && err.contains("un même en-tête"),
        "{err}"
    );
    assert!(!into.exists());
    std::fs::write(
        &map,
        "columns:\n  Organisme: controller\n  ORGANISME: controller\n  Traitement: category\n  Mesures: measures\n",
    )
    .unwrap();
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_no_panic();
    assert!(
        into.join("controllers/commune-a.yaml").exists(),
        "{}",
        r.stderr()
    );
}
