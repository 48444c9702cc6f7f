//! Integration tests of issue 14, part f14r: what the tenth review
//! (review 14j) found in dpo's own layout's transfer columns and contact
//! names.
//!
//! The transfer columns are read by line position, before any line « à
//! compléter » is left out: such a line, at the start or in the middle of
//! a column, is its transfer's value to complete, never a shift of the
//! lines below it (N6); a line position blank in every column is no
//! transfer, and a transfer without a country or a recipient is said for
//! what it lacks (N7); one line of a per-transfer column beside several
//! transfers is the first's, said (N8); a contact's name that says there
//! is none is no name, in the own layout as in the authority's (6a).

use crate::sheets_import::{edited_export, lines_at, noted, one_line_at, q, yaml};
use crate::sheets_import_f14k::contacts_apd;
use crate::support::Workspace;

const SHEET: &str = "Commune de Juvisy-sur-Orge";

/// The sample's export with the transfer columns M–Q of every row of the
/// controller's sheet set to `cells` (`("N", "Microsoft\nCentre X")`),
/// imported: the report and the controller's transfers.
fn transfers(cells: &[(&str, &str)]) -> (String, serde_yaml::Value) {
    let ws = Workspace::sample();
    let mut edit = String::from("for r in range(2, ws.max_row + 1):\n");
    for c in ["M", "N", "O", "P", "Q"] {
        let v = cells
            .iter()
            .find(|(k, _)| *k == c)
            .map_or("None".to_string(), |(_, v)| py(v));
        edit.push_str(&format!("    ws[f'{c}{{r}}'] = {v}\n"));
    }
    let (r, into) = edited_export(&ws, &edit, false);
    r.assert_no_panic();
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    (err, ctl["transfers"].clone())
}

/// The value of `field` of each transfer ("" when absent).
fn each(t: &serde_yaml::Value, field: &str) -> Vec<String> {
    t.as_sequence()
        .map(|s| {
            s.iter()
                .map(|x| x[field].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// `v` as a Python string literal.
fn py(v: &str) -> String {
    format!(
        "'{}'",
        v.replace('\\', "\\\\")
            .replace('\'', "\\'")
            .replace('\n', "\\n")
    )
}

fn at(col: &str) -> String {
    format!("{SHEET}, ligne 2, colonne {col}")
}

/// Review 14j, N6: a line « à compléter » at the start or in the middle
/// of a column longer than the countries': the lines are read by position
/// (never shifted), that line is its transfer's value to complete, said;
/// the line below the last country is a transfer without one, said;
/// nothing refused, nothing lost.
#[test]
fn a_placeholder_line_inside_a_transfer_column_is_its_transfer_s_value_to_complete() {
    // The recipient column: Maroc's recipient is to complete, Centre X is
    // a third transfer whose country is to complete.
    let (err, t) = transfers(&[
        ("M", "États-Unis\nMaroc"),
        ("N", "Microsoft\nà compléter\nCentre X"),
    ]);
    assert_eq!(each(&t, "country"), ["États-Unis", "Maroc", ""], "{err}");
    assert_eq!(
        each(&t, "recipient"),
        ["Microsoft", "", "Centre X"],
        "{err}"
    );
    // Each line stands at the cell of the value it quotes.
    let n = lines_at(&err, &at("N"));
    assert!(
        n.iter().any(|l| noted(l) && l.contains("à compléter"))
            && n.iter()
                .any(|l| l.contains(&q("Centre X")) && l.contains("sans pays")),
        "{err}"
    );
    let m = one_line_at(&err, &at("M"));
    assert!(
        m.contains(&q("Maroc")) && m.contains("sans destinataire"),
        "{err}"
    );
    assert!(!err.contains("lignes pour"), "{err}");

    // The safeguards column: CCT the first's, Maroc's to complete, BCR a
    // third transfer with no country nor recipient — never Maroc's.
    let (err, t) = transfers(&[
        ("M", "États-Unis\nMaroc"),
        ("N", "Microsoft\nCentre X"),
        ("Q", "CCT\nà compléter\nBCR"),
    ]);
    assert_eq!(each(&t, "safeguards"), ["CCT", "", "BCR"], "{err}");
    assert_eq!(each(&t, "country"), ["États-Unis", "Maroc", ""], "{err}");
    let qq = lines_at(&err, &at("Q"));
    assert!(
        qq.iter().any(|l| noted(l))
            && qq.iter().any(|l| l.starts_with("signalé, importé")
                && l.contains(&q("BCR"))
                && l.contains("sans pays ni destinataire")),
        "{err}"
    );

    // The purpose column beside one country: the first line is the
    // transfer's purpose to complete, never « messagerie ».
    let (err, t) = transfers(&[
        ("M", "États-Unis"),
        ("N", "Microsoft"),
        ("O", "à compléter\nmessagerie"),
    ]);
    assert_eq!(each(&t, "country"), ["États-Unis", ""], "{err}");
    assert_eq!(each(&t, "purpose"), ["", "messagerie"], "{err}");
    let o = lines_at(&err, &at("O"));
    assert!(
        o.iter().any(|l| noted(l))
            && o.iter()
                .any(|l| l.contains(&q("messagerie")) && l.contains("sans pays ni destinataire")),
        "{err}"
    );
}

/// Review 14j, N6: the export's own « à compléter » lines stay silent: a
/// transfer with an empty country and recipient beside a real one, and a
/// purpose to complete on the first line of its column.
#[test]
fn the_export_s_placeholder_lines_read_back_silently() {
    let (err, t) = transfers(&[
        ("M", "États-Unis\n«\u{202f}à compléter\u{202f}»"),
        ("N", "Microsoft\n«\u{202f}à compléter\u{202f}»"),
        (
            "O",
            "«\u{202f}à compléter\u{202f}»\n«\u{202f}à compléter\u{202f}»",
        ),
        ("Q", "CCT\n«\u{202f}à compléter\u{202f}»"),
    ]);
    assert_eq!(each(&t, "country"), ["États-Unis", ""], "{err}");
    assert_eq!(each(&t, "recipient"), ["Microsoft", ""], "{err}");
    assert_eq!(each(&t, "safeguards"), ["CCT", ""], "{err}");
    for c in ["M", "N", "O", "Q"] {
        assert!(lines_at(&err, &at(c)).is_empty(), "{c}: {err}");
    }
}

/// Review 14j, N7: a line position blank in every column is no transfer
/// (nothing typed, nothing said); one blank in the country and recipient
/// columns only is a transfer, said as lacking both.
#[test]
fn a_blank_line_in_every_transfer_column_is_no_transfer() {
    let (err, t) = transfers(&[
        ("M", "États-Unis\n\nMaroc"),
        ("N", "Microsoft\n\nCentre X"),
        ("Q", "CCT\n\nBCR"),
    ]);
    assert_eq!(each(&t, "country"), ["États-Unis", "Maroc"], "{err}");
    assert_eq!(each(&t, "recipient"), ["Microsoft", "Centre X"], "{err}");
    assert_eq!(each(&t, "safeguards"), ["CCT", "BCR"], "{err}");
    for c in ["M", "N", "Q"] {
        assert!(lines_at(&err, &at(c)).is_empty(), "{c}: {err}");
    }

    let (err, t) = transfers(&[
        ("M", "États-Unis\n\nMaroc"),
        ("N", "Microsoft\n\nCentre X"),
        ("Q", "CCT\nSCC\nBCR"),
    ]);
    assert_eq!(each(&t, "safeguards"), ["CCT", "SCC", "BCR"], "{err}");
    assert_eq!(each(&t, "country"), ["États-Unis", "", "Maroc"], "{err}");
    let qq = one_line_at(&err, &at("Q"));
    assert!(
        qq.contains(&q("SCC")) && qq.contains("sans pays ni destinataire"),
        "{err}"
    );
}

/// Review 14j, N8: one safeguards or purpose line beside two transfers is
/// the first's, never given to the second: said, not silent.
#[test]
fn one_line_beside_two_transfers_is_the_first_s_and_said() {
    let (err, t) = transfers(&[
        ("M", "États-Unis\nMaroc"),
        ("N", "Microsoft\nCentre X"),
        ("O", "messagerie"),
        ("Q", "CCT"),
    ]);
    assert_eq!(each(&t, "safeguards"), ["CCT", ""], "{err}");
    assert_eq!(each(&t, "purpose"), ["messagerie", ""], "{err}");
    for (c, v) in [("O", "messagerie"), ("Q", "CCT")] {
        let l = one_line_at(&err, &at(c));
        assert!(
            l.starts_with("signalé, importé")
                && l.contains(&q(v))
                && l.contains("une ligne pour 2 transferts")
                && l.contains("(États-Unis)"),
            "{c}: {err}"
        );
    }
}

/// Review 14j, 6a: the own layout's contact names that say there is none
/// are no name, as in the authority's layout: not imported, said; a real
/// name stays a name.
#[test]
fn an_own_layout_contact_name_that_says_none_is_no_name() {
    let sheet = "Responsables de traitement";
    for set in [
        [
            ("F", "Néant"),
            ("K", "Aucun DPO désigné"),
            ("P", "Non désigné"),
            ("U", "Pas de DPO"),
            ("Z", "Sans objet"),
            ("AE", "Non nommé"),
        ],
        [
            ("F", "N/A"),
            ("K", "DPO non désigné à ce jour"),
            ("P", "-"),
            ("U", "Aucun"),
            ("Z", "Nolwenn Le Gall"),
            ("AE", "Aucouturier"),
        ],
    ] {
        let ws = Workspace::sample();
        let mut edit = format!("ws = wb[{}]\n", py(sheet));
        for (c, v) in set {
            edit.push_str(&format!("ws['{c}2'] = {}\n", py(v)));
        }
        let (r, into) = edited_export(&ws, &edit, false);
        r.assert_no_panic();
        let err = r.stderr();
        let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
        let text = serde_yaml::to_string(&ctl).unwrap();
        for (c, v) in set {
            let here = lines_at(&err, &format!("{sheet}, ligne 2, colonne {c}\u{202f}:"));
            if v.starts_with("Nolwenn") || v.starts_with("Aucou") {
                assert!(here.is_empty(), "{v}: {err}");
                assert!(text.contains(v), "{v}: {text}");
                continue;
            }
            assert_eq!(here.len(), 1, "{v}: {err}");
            assert!(
                here[0].starts_with("non importé") && here[0].contains(&q(v)),
                "{v}: {err}"
            );
            assert!(!text.contains(&format!("name: {v}")), "{v}: {text}");
        }
        assert!(ctl["representative"].get("name").is_none(), "{text}");
        assert!(ctl["dpo"].get("name").is_none(), "{text}");
    }
}

/// Review 14j, 6a: « Non désigné », « Non nommé », « Pas de DPO » and
/// « DPO non désigné à ce jour » say none in the authority's layout too.
#[test]
fn the_authority_layout_reads_the_same_contact_names_as_none() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Non désigné", "DPO non désigné à ce jour")
contacts("Commune B", None, "Non nommé", "Pas de DPO")
contacts("Commune C", None, "Aucouturier", "Nolwenn Le Gall")
"#,
    );
    let err = r.stderr();
    for (row, col, v) in [
        (2, "C", "Non désigné"),
        (2, "D", "DPO non désigné à ce jour"),
        (3, "C", "Non nommé"),
        (3, "D", "Pas de DPO"),
    ] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne {col}"));
        assert!(
            l.starts_with("non importé") && l.contains(&q(v)),
            "{row}{col}: {err}"
        );
    }
    for f in ["commune-a", "commune-b"] {
        let c = yaml(&into.join(format!("controllers/{f}.yaml")));
        assert!(c["representative"].get("name").is_none(), "{c:?}");
        assert!(c["dpo"].get("name").is_none(), "{c:?}");
    }
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert_eq!(c["representative"]["name"].as_str(), Some("Aucouturier"));
    assert_eq!(c["dpo"]["name"].as_str(), Some("Nolwenn Le Gall"));
}
