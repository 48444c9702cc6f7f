//! Integration tests of issue 14, part f14q: the authority layout's
//! transfers cell, as the tenth review (review 14j) found it.
//!
//! A label before the colon (« Contact : … », « Garanties : … », « Voir
//! annexe 2 : … ») is no country; a form's « Pays : A » line over a
//! « Destinataire : B » line is one transfer, said; a line « à compléter »
//! in the safeguards keeps its place among the transfers; two transfers
//! or countries on one line with « et », `–`, `|`, `+`, `&`… are said; a
//! transfer line « à compléter par le service » is said once, as not
//! imported; an e-mail address written without `@` in a contact cell is
//! said as such.

use crate::sheets_import::{lines_at, one_line_at, yaml};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::support::Workspace;

/// A row with its transfers and safeguards cells.
const TRANSFERS: &str = r#"
def tr(ctl, transfers, safeguards=None):
    ws.append([ctl, None, None, None, "Paie", None, None, transfers, safeguards, "Pare-feu",
               "Conv", datetime.date(2021, 2, 1), 6])
"#;

/// The countries of `n`'s transfers (« Commune n »).
pub(crate) fn countries(into: &std::path::Path, n: usize) -> Vec<String> {
    let ctl = yaml(&into.join(format!("controllers/commune-{n}.yaml")));
    ctl["transfers"]
        .as_sequence()
        .map(|s| {
            s.iter()
                .map(|t| t["country"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Review 14j, N1: a label or a note before the colon is no country: the
/// line is not imported, said as a label; the transfer above it is kept.
#[test]
fn a_label_before_the_colon_is_no_country() {
    let ws = Workspace::missing();
    let labels = [
        "Contact : jean@x.fr",
        "Tél : 01 23 45 67 89",
        "Garanties : CCT",
        "Finalité : messagerie",
        "Hébergement : France",
        "Remarque : voir contrat",
        "NB : à vérifier",
        "Sous-traitant : Acme",
        "Voir annexe 2 : liste complète",
        "Destinataire : Microsoft",
        "Zone 2 : Microsoft",
        "Pays : Maroc",
    ];
    let mut rows = String::new();
    for (i, l) in labels.iter().enumerate() {
        let cell = format!("États-Unis : Microsoft\n{l}");
        rows.push_str(&format!("row('Commune {i}', 'Paie', {cell:?})\n"));
    }
    let n = labels.len();
    rows.push_str(&format!(
        "row('Commune {n}', 'Paie', 'Destinataire : Microsoft')\n"
    ));
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    // A form's line alone is half a transfer (review 14k, P6).
    let halves = [
        "Sous-traitant : Acme",
        "Destinataire : Microsoft",
        "Pays : Maroc",
    ];
    for (i, l) in labels.iter().enumerate() {
        let h = one_line_at(&err, &format!("Registre, ligne {}, colonne H", i + 2));
        let why = if halves.contains(l) {
            "sans ligne"
        } else {
            "pas un pays"
        };
        assert!(
            h.starts_with("non importé") && h.contains(l) && h.contains(why),
            "{l}: {err}"
        );
        assert_eq!(countries(&into, i), ["États-Unis"], "{l}: {err}");
    }
    assert!(
        one_line_at(&err, "Registre, ligne 12, colonne H").contains("il porte un chiffre"),
        "{err}"
    );
    // Alone: no transfer is known, the transfers stay « à compléter ».
    let last = yaml(&into.join(format!("controllers/commune-{n}.yaml")));
    assert!(last.get("transfers").is_none(), "{last:?}");
}

/// Review 14j, N1: a form's « Pays : A » line over a « Destinataire : B »
/// line is one transfer A → B, said; never a transfer to « Pays ». The
/// other order is the same transfer (review 14k, P6).
#[test]
fn a_form_s_country_and_recipient_lines_are_one_transfer_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 0", "Paie", "Pays : États-Unis\nDestinataire : Microsoft")
row("Commune 1", "Paie", "Maroc : X\nCountry: USA\nRecipient: Microsoft")
row("Commune 2", "Paie", "Destinataire : Microsoft\nPays : États-Unis")
"#,
    );
    let err = r.stderr();
    let h = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(
        h.starts_with("signalé, importé") && h.contains("un seul transfert"),
        "{err}"
    );
    let zero = yaml(&into.join("controllers/commune-0.yaml"));
    assert_eq!(zero["transfers"][0]["country"].as_str(), Some("États-Unis"));
    assert_eq!(
        zero["transfers"][0]["recipient"].as_str(),
        Some("Microsoft")
    );
    assert_eq!(countries(&into, 0), ["États-Unis"]);
    assert_eq!(countries(&into, 1), ["Maroc", "USA"], "{err}");
    // The other order is the same transfer (review 14k, P6).
    let two = one_line_at(&err, "Registre, ligne 4, colonne H");
    assert!(two.contains("un seul transfert"), "{err}");
    assert_eq!(countries(&into, 2), ["États-Unis"], "{err}");
}

/// Review 14j, N5: a line « à compléter » in the safeguards is aligned
/// with the transfers before it is left out: that transfer has none, the
/// other lines go to their own transfer; one line for all stays so.
#[test]
fn a_placeholder_safeguards_line_keeps_its_place() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        &format!(
            "{TRANSFERS}\n{}",
            r#"
tr("Commune 0", "États-Unis : Microsoft\nMaroc : X", "à compléter\nBCR")
tr("Commune 1", "États-Unis : Microsoft\nMaroc : X", "CCT\nà compléter")
tr("Commune 2", "États-Unis : Microsoft\nMaroc : X", "CCT")
tr("Commune 3", "États-Unis : Microsoft\nMaroc : X\nà compléter", "CCT\nBCR")
"#
        ),
    );
    let err = r.stderr();
    let safeguards = |n: usize| -> Vec<Option<String>> {
        let ctl = yaml(&into.join(format!("controllers/commune-{n}.yaml")));
        ctl["transfers"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|t| t["safeguards"].as_str().map(str::to_string))
            .collect()
    };
    let s = |v: &str| Some(v.to_string());
    assert_eq!(safeguards(0), [None, s("BCR")], "{err}");
    assert_eq!(safeguards(1), [s("CCT"), None], "{err}");
    assert_eq!(safeguards(2), [s("CCT"), s("CCT")], "{err}");
    assert_eq!(safeguards(3), [s("CCT"), s("BCR")], "{err}");
    for row in [2, 3] {
        let i = one_line_at(&err, &format!("Registre, ligne {row}, colonne I"));
        assert!(
            i.starts_with("signalé\u{202f}:") && i.contains("à compléter"),
            "{err}"
        );
    }
}

/// Review 14j, 4: two transfers on one line with « et », `–`, `—`, `|`,
/// `+` or `&`, or two countries with ` - `, `. `, ` – ` or ` & `, are said;
/// names that hold the signs are not.
#[test]
fn two_transfers_or_countries_on_one_line_are_said_with_every_usual_sign() {
    let ws = Workspace::missing();
    let said = [
        "États-Unis : Microsoft et Maroc : X",
        "États-Unis : Microsoft ET Maroc : X",
        "États-Unis : Microsoft – Maroc : X",
        "États-Unis : Microsoft — Maroc : X",
        "États-Unis : Microsoft | Maroc : X",
        "États-Unis : Microsoft + Maroc : X",
        "États-Unis : Microsoft & Maroc : X",
        "États-Unis - Maroc : Microsoft",
        "États-Unis. Maroc : Microsoft",
        "États-Unis – Maroc : Microsoft",
        "États-Unis & Maroc : Microsoft",
    ];
    let silent = [
        "Bosnie-Herzégovine : X",
        "Trinité-et-Tobago : X",
        "Saint-Kitts-et-Nevis : X",
        "Trinité et Tobago : X",
        "Antigua & Barbuda : X",
        "St. Kitts-et-Nevis : X",
        "États-Unis : Microsoft Corp. - siège social",
        "États-Unis : Johnson & Johnson",
        "États-Unis : Microsoft, contact : dpo@x.com",
    ];
    let mut rows = String::new();
    for (i, t) in said.iter().chain(&silent).enumerate() {
        rows.push_str(&format!("row('Commune {i}', 'Paie', {t:?})\n"));
    }
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for (i, t) in said.iter().enumerate() {
        let h = one_line_at(&err, &format!("Registre, ligne {}, colonne H", i + 2));
        assert!(
            h.starts_with("signalé, importé") && h.contains("un seul transfert"),
            "{t}: {err}"
        );
        assert_eq!(countries(&into, i).len(), 1, "{t}");
    }
    for (k, t) in silent.iter().enumerate() {
        let row = said.len() + k + 2;
        assert!(
            lines_at(&err, &format!("Registre, ligne {row}, colonne H")).is_empty(),
            "{t}: {err}"
        );
    }
}

/// Review 14j, 7: a transfers cell « à compléter par le service » is said
/// once, as not imported (nothing of it is).
#[test]
fn a_transfer_line_holding_placeholder_words_is_said_once() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 0", "Paie", "à compléter par le service")
row("Commune 1", "Paie", "États-Unis : à compléter par le service")
"#,
    );
    let err = r.stderr();
    let h = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(h.starts_with("non importé"), "{err}");
    let zero = yaml(&into.join("controllers/commune-0.yaml"));
    assert!(zero.get("transfers").is_none(), "{zero:?}");
    // Imported as typed: said so, once.
    let h = one_line_at(&err, "Registre, ligne 3, colonne H");
    assert!(
        h.starts_with("signalé, importé") && h.contains("importé tel quel"),
        "{err}"
    );
}

/// Review 14j, N9: an e-mail address written without `@` in a contact
/// cell is said as such (not as a second name), never imported; the same
/// phone typed twice, labelled, is one.
#[test]
fn an_address_written_without_at_is_said_as_such() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Jean Rep\njean[at]x.fr", "dpo (at) x (dot) fr")
contacts("Commune B", None, "Jean Rep\nTél : 01 23 45 67 89\nTél : 01 23 45 67 89", "Anne DPO\nJohn Roe at Acme")
"#,
    );
    let err = r.stderr();
    for col in ["C", "D"] {
        let l = one_line_at(&err, &format!("Registre, ligne 2, colonne {col}"));
        assert!(
            l.starts_with("non importé") && l.contains("sans «\u{202f}@\u{202f}»"),
            "{col}: {err}"
        );
    }
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["representative"]["name"].as_str(), Some("Jean Rep"));
    assert!(a["representative"].get("email").is_none(), "{a:?}");
    assert!(a["dpo"].get("name").is_none(), "{a:?}");
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne C").is_empty(),
        "{err}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["representative"]["phone"].as_str(),
        Some("01 23 45 67 89")
    );
    // A person « at » a company is no address.
    let d = one_line_at(&err, "Registre, ligne 3, colonne D");
    assert!(d.contains("un contact n'a qu'un nom"), "{err}");
}
