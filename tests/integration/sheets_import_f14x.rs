//! Integration tests of issue 14, part f14x: what the twentieth review of
//! `dpo import` found still said imprecisely.
//!
//! A date or a month count marked « (à confirmer) » that cannot be read is
//! refused, and only refused: never also said « importée sans la marque »,
//! nor counted among the values imported (finding 3). A safeguards line
//! that is only the mark names the transfer whose safeguards it flags, or
//! says it flags those of every transfer of the row (finding 4).
//!
//! The twenty-first review's: a « none » phrase followed by anything but
//! where the data stay is no « none » (F1, F2); the mark in any shape on a
//! safeguards line of its own (F4); renewals left unknown stay unknown,
//! never 0 (F3); notes on cells said (F5).

use crate::sheets_import::{edited_export, lines_at, made_and_imported, one_line_at, q, yaml};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;

/// The count of values « importées et signalées » the summary gives.
fn reported(out: &str) -> usize {
    let tail = out.lines().next().unwrap_or_default();
    tail.split(", ")
        .find(|p| p.contains("importée"))
        .and_then(|p| p.split_whitespace().next())
        .map_or(0, |n| {
            if n == "une" {
                1
            } else {
                n.parse().unwrap_or(0)
            }
        })
}

/// Finding 3, authority layout: the refused values get one line each, and
/// a date that can be read keeps its « sans la marque » line.
#[test]
fn a_marked_date_or_month_count_that_cannot_be_read_is_refused_and_only_refused() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Mairie A", None, None, None, "Paie", None, None, "aucun", None, "M1", "Conv",
           "31/04/2021 (à confirmer)", "douze (à confirmer)"])
ws.append(["Mairie B", None, None, None, "Paie", None, None, "aucun", None, "M1", "Conv",
           "01/02/2021 (à confirmer)", "12 (à confirmer)"])
"#,
    );
    let err = r.stderr();
    for (at, value) in [
        ("Registre, ligne 2, colonne L", "31/04/2021"),
        ("Registre, ligne 2, colonne M", "douze"),
    ] {
        let l = one_line_at(&err, at);
        assert!(l.starts_with("non importé"), "{at}: {err}");
        assert!(l.contains(value) && !l.contains("sans la marque"), "{l}");
    }
    for at in [
        "Registre, ligne 3, colonne L",
        "Registre, ligne 3, colonne M",
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("signalé, importé") && l.contains("sans la marque"),
            "{at}: {err}"
        );
    }
    // Only Mairie B's two values are imported and said.
    assert_eq!(reported(&r.stdout()), 2, "{}", r.stdout());
    let a = yaml(&into.join("controllers/mairie-a.yaml"));
    assert!(a["convention"]["start"].as_str().is_none(), "{a:?}");
    let b = yaml(&into.join("controllers/mairie-b.yaml"));
    assert_eq!(b["convention"]["term_months"].as_u64(), Some(12), "{b:?}");
}

/// Finding 3, dpo's own layout: the same on the controllers' sheet.
#[test]
fn a_marked_date_or_month_count_that_cannot_be_read_is_refused_in_dpo_s_layout_too() {
    let ws = Workspace::sample();
    let (r, _into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         col = lambda h: [x.column for x in c[1] if x.value == h][0]\n\
         c.cell(row=2, column=col('début de la convention'), value='31/04/2021 (à confirmer)')\n\
         c.cell(row=2, column=col('durée initiale (mois)'), value='douze (à confirmer)')\n\
         c.cell(row=2, column=col('acte d\\'approbation'), value='Délibération (à confirmer)')\n",
        false,
    );
    let err = r.stderr();
    let row = lines_at(&err, "Responsables de traitement, ligne 2");
    let refused: Vec<&&str> = row
        .iter()
        .filter(|l| l.starts_with("non importé"))
        .collect();
    assert_eq!(refused.len(), 2, "{err}");
    assert!(
        refused.iter().any(|l| l.contains(&q("31/04/2021"))),
        "{err}"
    );
    assert!(refused.iter().any(|l| l.contains(&q("douze"))), "{err}");
    // The value imported keeps its line; the refused ones get no other.
    let kept: Vec<&&str> = row
        .iter()
        .filter(|l| l.contains("sans la marque"))
        .collect();
    assert_eq!(kept.len(), 1, "{err}");
    assert!(kept[0].contains("Délibération"), "{err}");
}

/// Finding 4: « CCT⏎(à confirmer) » beside two transfers flags the
/// second's, named; beside three, every one's, said so; a cell that is
/// only the mark beside one transfer names it.
#[test]
fn a_safeguards_line_that_is_only_the_mark_names_the_transfers_it_flags() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Mairie A", None, None, None, "Paie", None, None, "Maroc : X\nTunisie : Y",
           "CCT\n(à confirmer)", "M1", "Conv", datetime.date(2021, 2, 1), 12])
ws.append(["Mairie B", None, None, None, "Paie", None, None, "Maroc : X\nTunisie : Y\nSuisse : Z",
           "CCT\n(à confirmer)", "M1", "Conv", datetime.date(2021, 2, 1), 12])
ws.append(["Mairie C", None, None, None, "Paie", None, None, "Maroc : X",
           "(à confirmer)", "M1", "Conv", datetime.date(2021, 2, 1), 12])
"#,
    );
    let err = r.stderr();
    let a = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(a.starts_with("signalé\u{202f}:"), "{err}");
    assert!(
        a.contains(&format!(
            "du transfert {}, qui restent à compléter",
            q("Tunisie : Y")
        )),
        "{a}"
    );
    let b = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(
        b.contains(&format!(
            "de chacun des 3 transferts de la ligne\u{202f}: {}",
            q("CCT")
        )),
        "{b}"
    );
    let c = one_line_at(&err, "Registre, ligne 4, colonne I");
    assert!(
        c.contains(&format!(
            "du transfert {}, qui restent à compléter",
            q("Maroc : X")
        )),
        "{c}"
    );
    // What the lines say is what is imported.
    let t = |ctl: &str| yaml(&into.join(format!("controllers/{ctl}.yaml")))["transfers"].clone();
    let flagged = |t: &serde_yaml::Value| {
        t["to_confirm"]
            .as_sequence()
            .is_some_and(|s| s.iter().any(|f| f.as_str() == Some("safeguards")))
    };
    let a = t("mairie-a");
    assert_eq!(a[0]["safeguards"].as_str(), Some("CCT"), "{a:?}");
    assert!(!flagged(&a[0]) && flagged(&a[1]), "{a:?}");
    assert!(a[1]["safeguards"].as_str().is_none(), "{a:?}");
    let b = t("mairie-b");
    for k in 0..3 {
        assert_eq!(b[k]["safeguards"].as_str(), Some("CCT"), "{b:?}");
        assert!(flagged(&b[k]), "{b:?}");
    }
    let c = t("mairie-c");
    assert!(
        flagged(&c[0]) && c[0]["safeguards"].as_str().is_none(),
        "{c:?}"
    );
}

/// Review 21, F1: a transfers cell that begins with « Aucun transfert »
/// but names a place or says more than where the data stay is never
/// « none »: each such cell is said and no transfer list is written; the
/// qualifiers that only say where the data stay still read as none.
#[test]
fn a_none_phrase_followed_by_anything_but_a_place_qualifier_is_never_none() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
for i, t in enumerate(["Aucun transfert hors UE\nMaroc", "Aucun transfert\nÉtats-Unis",
        "Pas de transfert, uniquement Maroc", "No transfer unless Morocco",
        "Aucun transfert hors UE (support au Maroc)", "Aucun transfert vers les États-Unis",
        "None (only Morocco)",
        # Review 22: the qualifier's words in another order say the opposite.
        "No transfer, data hosted outside the EU",
        "Aucun transfert hors UE, données hébergées hors UE",
        "Pas de transfert ; hébergement en pays tiers",
        "Aucun transfert hors UE, hébergé aux E.-U.", "Aucun transfert hors hébergement"]):
    row("Mairie %d" % i, "Paie", t)
for i, t in enumerate(["Aucun transfert hors UE", "Pas de transfert (hébergement : France)",
        "Aucun transfert hors de l'Union européenne.", "No transfer outside the EU",
        "Aucun transfert\nhors UE", "No transfers outside the EU",
        "None, data hosted in the EU"]):
    row("Commune %d" % i, "Paie", t)
"#,
    );
    let err = r.stderr();
    for i in 0..12 {
        let row = i + 2;
        let l = lines_at(&err, &format!("Registre, ligne {row}, colonne H"));
        assert!(
            !l.is_empty() && l.iter().all(|l| l.starts_with("non importé")),
            "{row}: {err}"
        );
        let c = yaml(&into.join(format!("controllers/mairie-{i}.yaml")));
        assert!(c.get("transfers").is_none(), "{row}: {c:?}");
    }
    for i in 0..7 {
        let row = i + 14;
        assert!(
            lines_at(&err, &format!("Registre, ligne {row}, colonne H")).is_empty(),
            "{row}: {err}"
        );
        let c = yaml(&into.join(format!("controllers/commune-{i}.yaml")));
        assert!(
            c["transfers"].as_sequence().is_some_and(Vec::is_empty),
            "{row}: {c:?}"
        );
    }
}

/// Review 21, F2: the same in dpo's own layout, in the country column.
#[test]
fn a_none_phrase_that_names_a_country_is_never_none_in_dpo_s_layout() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "col = [x.column for x in ws[1] if x.value == 'transferts — pays'][0]\n\
         ws.cell(row=2, column=col, value='Pas de transfert, uniquement Maroc')\n",
        false,
    );
    let err = r.stderr();
    let l = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne");
    assert!(
        l.iter()
            .any(|l| l.starts_with("non importé") && l.contains("uniquement Maroc")),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(c.get("transfers").is_none(), "{c:?}");
}

/// Review 21, F4: a safeguards line that is only the mark in another
/// shape it is read in (« (?) », « [à confirmer] », a doubled bracket)
/// is said as the canonical one is, naming the transfer; nothing of the
/// bracket is imported.
#[test]
fn a_safeguards_mark_in_any_shape_names_the_transfers_it_flags() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
for i, (t, g) in enumerate([("USA : X\nInde : Y", "CCT\n(?)"),
        ("USA : X\nInde : Y\nMaroc : Z", "CCT\n[à confirmer]"),
        ("USA : X\nInde : Y", "CCT\n((à confirmer))")]):
    ws.append(["Mairie %d" % i, None, None, None, "Paie", None, None, t, g, "M1", "Conv",
               datetime.date(2021, 2, 1), 12])
"#,
    );
    let err = r.stderr();
    for (row, says) in [
        (2, format!("du transfert {}, qui restent", q("Inde : Y"))),
        (
            3,
            format!(
                "de chacun des 3 transferts de la ligne\u{202f}: {}",
                q("CCT")
            ),
        ),
        (4, format!("du transfert {}, qui restent", q("Inde : Y"))),
    ] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne I"));
        assert!(
            l.starts_with("signalé\u{202f}:") && l.contains(&says),
            "{l}"
        );
    }
    for i in [0, 2] {
        let t = &yaml(&into.join(format!("controllers/mairie-{i}.yaml")))["transfers"];
        assert_eq!(t[0]["safeguards"].as_str(), Some("CCT"), "{t:?}");
        assert!(t[1].get("safeguards").is_none(), "{t:?}");
        assert_eq!(t[1]["to_confirm"][0].as_str(), Some("safeguards"), "{t:?}");
    }
}

/// Review 21, F3: renewals allowed and their notice left empty or « à
/// compléter » stay unknown: nothing is written for them (never 0), and
/// `dpo check`, run by the import, says what is to complete.
#[test]
fn renewals_left_unknown_stay_unknown_and_check_says_so() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         col = lambda h: [x.column for x in c[1] if x.value == h][0]\n\
         c.cell(row=2, column=col('renouvellements permis'), value='à compléter')\n\
         c.cell(row=2, column=col('préavis de renouvellement (mois)')).value = None\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("importé comme 0"), "{err}");
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(c["convention"].get("renewals_allowed").is_none(), "{c:?}");
    assert!(
        c["convention"].get("renewal_notice_months").is_none(),
        "{c:?}"
    );
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("convention.renewals_allowed"))
        .collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].contains("reconductions permises"), "{err}");
}

/// Review 21, F5, XLSX: a comment on a cell is no field's value; it is
/// said at its cell, quoted, never dropped unsaid; the value beside it is
/// imported as before.
#[test]
fn a_cell_comment_is_said_at_its_cell_in_xlsx() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
from openpyxl.comments import Comment
row("Mairie A", "Paie", "Maroc : X")
ws["H2"].comment = Comment("Attention : sous-traitant au Maroc & en Inde\nà vérifier", "DPO")
"#,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(l.starts_with("non importé"), "{err}");
    assert!(
        l.contains(&q(
            "Attention : sous-traitant au Maroc & en Inde / à vérifier"
        )),
        "{l}"
    );
    let c = yaml(&into.join("controllers/mairie-a.yaml"));
    assert_eq!(
        c["transfers"][0]["country"].as_str(),
        Some("Maroc"),
        "{c:?}"
    );
}

/// Review 21, F5, ODS: an annotation (`office:annotation`, its author and
/// date aside) is said at its cell the same way.
#[test]
fn a_cell_annotation_is_said_at_its_cell_in_ods() {
    let ws = Workspace::missing();
    let script = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P
from odf.office import Annotation
from odf.dc import Creator, Date
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre")
def row(values, note=None):
    tr = TableRow()
    for i, v in enumerate(values):
        c = TableCell(valuetype="string")
        if note and i == note[0]:
            a = Annotation()
            a.addElement(Creator(text="DPO"))
            a.addElement(Date(text="2026-11-30T10:00:00"))
            for line in note[1]:
                a.addElement(P(text=line))
            c.addElement(a)
        c.addElement(P(text=v))
        tr.addElement(c)
    t.addElement(tr)
row(["Nom du responsable du traitement", "Catégories de traitements", "Catégories de données",
     "Description générale des mesures de sécurité techniques et organisationnelles"])
row(["Commune A", "RH", "Agents", "Pare-feu"], (2, ["Aussi les stagiaires", "à confirmer"]))
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"##;
    let (r, into) = made_and_imported(&ws, "note.ods", script, "nouveau");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(l.starts_with("non importé"), "{err}");
    assert!(l.contains(&q("Aussi les stagiaires / à confirmer")), "{l}");
    assert!(!l.contains("DPO") && !l.contains("2026"), "{l}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        c["activities"][0]["data_categories"][0].as_str(),
        Some("Agents"),
        "{c:?}"
    );
}

/// Review 22, G3: a renewals cell that is only the mark gets the one line
/// saying nothing is imported, and nothing is: the field stays unknown.
#[test]
fn a_renewals_cell_that_is_only_the_mark_is_said_once() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         col = [x.column for x in c[1] if x.value == 'renouvellements permis'][0]\n\
         c.cell(row=2, column=col, value='(à confirmer)')\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Responsables de traitement, ligne 2, colonne AQ");
    assert!(
        l.starts_with("non importé") && l.contains("reste à compléter"),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(c["convention"].get("renewals_allowed").is_none(), "{c:?}");
}
