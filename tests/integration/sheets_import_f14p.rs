//! Integration tests of issue 14, part f14p: what the ninth review
//! (review 14i) left, on `dpo import` and `dpo check`.
//!
//! « Nulle part » is no country; a contact line that is only a label and
//! « à compléter » is a line « à compléter » (left out, said once); the
//! same address twice in a contact cell is one; a recipient's own contact
//! is no second transfer; a date typed as text keeps its value when a line
//! « à compléter » stands under it; the own layout's « no recipient » line
//! stands at the country it quotes; `check` says what the register would
//! show for a country typed `null`, and a controller's file in error no
//! longer hides the errors of the other controllers' files.

use crate::sheets_import::{dpo_in, edited_export, lines_at, one_line_at, q, yaml};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::support::Workspace;

/// Review 14i, 6b: « Nulle part » (« nowhere ») before the colon says
/// there is no transfer: never imported as a transfer to a country of
/// that name, said.
#[test]
fn nowhere_is_no_country() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 1", "Paie", "Nulle part : Microsoft")
row("Commune 2", "Paie", "Nowhere: Microsoft")
row("Commune 3", "Paie", "Nouvelle-Zélande : Microsoft")
"#,
    );
    let err = r.stderr();
    for (row, n) in [(2, 1), (3, 2)] {
        let h = one_line_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(h.starts_with("non importé"), "{row}: {err}");
        let ctl = yaml(&into.join(format!("controllers/commune-{n}.yaml")));
        let text = serde_yaml::to_string(&ctl).unwrap();
        assert!(
            !text.contains("Nulle") && !text.contains("Nowhere"),
            "{text}"
        );
    }
    let three = yaml(&into.join("controllers/commune-3.yaml"));
    assert_eq!(
        three["transfers"][0]["country"].as_str(),
        Some("Nouvelle-Zélande"),
        "{err}"
    );
}

/// Review 14i, 7: « Tél : à compléter » under a name is a line « à
/// compléter »: left out and said once as such, never « imported as
/// typed » nor « a contact has one name »; the same address twice is one
/// address, not a second one left out.
#[test]
fn a_labelled_placeholder_or_a_repeated_address_in_a_contact_cell_is_said_once_and_right() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Jean Rep\nTél : à compléter", "Anne DPO\nCourriel : TODO\n01 23 45 67 89")
contacts("Commune B", None, "Jean Rep\nmaire@b.fr\nmaire@b.fr", "Anne DPO\n01 23 45 67 89\n01 23 45 67 89")
"#,
    );
    let err = r.stderr();
    for col in ["C", "D"] {
        let l = one_line_at(&err, &format!("Registre, ligne 2, colonne {col}"));
        assert!(
            l.starts_with("signalé\u{202f}:") && l.contains("à compléter"),
            "{col}: {err}"
        );
    }
    for col in ["C", "D"] {
        assert!(
            lines_at(&err, &format!("Registre, ligne 3, colonne {col}")).is_empty(),
            "{col}: {err}"
        );
    }
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["representative"]["name"].as_str(), Some("Jean Rep"));
    assert!(a["representative"].get("phone").is_none(), "{a:?}");
    assert!(a["dpo"].get("email").is_none(), "{a:?}");
    assert_eq!(a["dpo"]["phone"].as_str(), Some("01 23 45 67 89"), "{a:?}");
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(b["representative"]["email"].as_str(), Some("maire@b.fr"));
    assert_eq!(b["dpo"]["phone"].as_str(), Some("01 23 45 67 89"), "{b:?}");
}

/// Review 14i: a recipient followed by its own contact (« Microsoft,
/// contact : dpo@x.com ») is one transfer, not said as two; a second
/// country after a comma still is.
#[test]
fn a_recipient_s_contact_is_no_second_transfer() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 1", "Paie", "États-Unis : Microsoft, contact : dpo@x.com")
row("Commune 2", "Paie", "États-Unis : Microsoft, Tél : 01 23 45 67 89")
row("Commune 3", "Paie", "États-Unis : Microsoft, Maroc : X")
"#,
    );
    let err = r.stderr();
    for row in [2, 3] {
        assert!(
            lines_at(&err, &format!("Registre, ligne {row}, colonne H")).is_empty(),
            "{row}: {err}"
        );
    }
    let h = one_line_at(&err, "Registre, ligne 4, colonne H");
    assert!(h.contains("un seul transfert"), "{err}");
    let one = yaml(&into.join("controllers/commune-1.yaml"));
    assert_eq!(
        one["transfers"][0]["recipient"].as_str(),
        Some("Microsoft, contact : dpo@x.com")
    );
}

/// Review 14i, 5: a start date typed as text with a line « à compléter »
/// under it is read from the date's line, the other line said.
#[test]
fn a_text_date_keeps_its_value_beside_a_placeholder_line() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Commune A", None, None, None, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
           "01/02/2021\nà compléter", 6])
"#,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        ctl["convention"]["start"].as_str(),
        Some("2021-02-01"),
        "{err}"
    );
    let l = one_line_at(&err, "Registre, ligne 2, colonne L");
    assert!(l.starts_with("signalé\u{202f}:"), "{err}");
    assert!(!err.contains("n'est pas une date"), "{err}");
}

/// Review 14i, 7: the own layout's « a transfer with no recipient » line
/// stands at the country's column, whose value it quotes.
#[test]
fn the_no_recipient_line_stands_at_the_country_it_quotes() {
    let ws = Workspace::sample();
    let edit =
        "for r in range(2, ws.max_row + 1):\n    ws[f'M{r}'] = 'Maroc'\n    ws[f'N{r}'] = None\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let sheet = "Commune de Juvisy-sur-Orge";
    let m = one_line_at(&err, &format!("{sheet}, ligne 2, colonne M"));
    assert!(
        m.contains(&q("Maroc")) && m.contains("sans destinataire"),
        "{err}"
    );
    assert!(
        lines_at(&err, &format!("{sheet}, ligne 2, colonne N")).is_empty(),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(ctl["transfers"][0]["country"].as_str(), Some("Maroc"));
}

/// Review 14i, 7 and 9 (`dpo check`): a country typed `null` is said as
/// the register would print it; a controller's file that does not read
/// no longer hides the errors and warnings of the others.
#[test]
fn check_says_null_as_printed_and_one_bad_file_hides_no_other() {
    let file = "controllers/juvisy-sur-orge.yaml";
    let ws = crate::sheets_import_f14m::null_and_empty_transfers(file);
    let out = dpo_in(&ws).run(&["check"]).text();
    let null = out
        .lines()
        .find(|l| l.contains("transfers[0].country"))
        .unwrap_or_default();
    assert!(null.contains(&q("null")), "{out}");
    assert!(!null.contains("vide"), "{out}");
    let empty = out
        .lines()
        .find(|l| l.contains("transfers[1].recipient"))
        .unwrap_or_default();
    assert!(empty.contains("vide"), "{out}");

    // A second controller whose file does not read: the first one's
    // warnings are still there, the other files said to be checked later.
    ws.write("controllers/autre.yaml", "name: [\n");
    let r = dpo_in(&ws).run(&["check"]);
    r.assert_code(2);
    let out = r.text();
    assert!(out.contains("controllers/autre.yaml"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains(file) && l.contains("transfers[0].country")),
        "{out}"
    );
    assert!(
        out.contains("le seront une fois ce fichier corrigé"),
        "{out}"
    );
    // A shared file that does not read: as before, nothing else is
    // checked (its records are named by every controller).
    ws.write("subprocessors.yaml", "subprocessors: [\n");
    let out = dpo_in(&ws).run(&["check"]).text();
    assert!(!out.contains("transfers[0].country"), "{out}");
    assert!(!out.contains("le seront une fois"), "{out}");
}

/// Review 14i: « (à confirmer) » typed inside a line of a category's cell
/// (authority layout) is read without it, the field flagged, and said as
/// a mark inside its line, as the own layout and the transfers say it.
#[test]
fn a_mark_inside_an_authority_line_is_said_as_inside() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Messagerie (à confirmer) interne", data="courriels (à confirmer) et agendas")
row("Commune B", "Paie (à confirmer)")
"#,
    );
    let err = r.stderr();
    for col in ["E", "G"] {
        let l = one_line_at(&err, &format!("Registre, ligne 2, colonne {col}"));
        assert!(
            l.contains("n'est pas écrite comme dpo l'écrit"),
            "{col}: {err}"
        );
    }
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne E").is_empty(),
        "{err}"
    );
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let act = &a["activities"][0];
    assert_eq!(act["name"].as_str(), Some("Messagerie interne"), "{a:?}");
    assert_eq!(
        act["data_categories"][0].as_str(),
        Some("courriels et agendas")
    );
    assert_eq!(act["to_confirm"][0].as_str(), Some("name"), "{a:?}");
}
