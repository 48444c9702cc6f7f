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

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, made_and_imported, one_line_at, openpyxl, q, yaml, Import,
};
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
    // Said once, as a line that is only the mark, naming the transfer
    // and what its safeguards keep (review 21: any shape of the mark).
    let i = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(i.starts_with("signalé\u{202f}:"), "{err}");
    assert!(
        i.contains(&format!(
            "du transfert {}\u{202f}: {}",
            q("États-Unis : Microsoft"),
            q("CCT")
        )),
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

/// An e-mail field that is not one address is imported as typed and said
/// at its cell (not only by `dpo check`, which names the file); the
/// « (à confirmer) » mark on two columns of one contact is said at both,
/// each with the value kept. Own layout, then the authority's.
#[test]
fn an_e_mail_that_is_no_address_is_said_at_its_cell_and_each_marked_contact_column_too() {
    let ws = Workspace::sample();
    let edit = r#"
c = wb['Responsables de traitement']
c['H2'] = 'Jean Dupont - jean@x.fr'
c['L2'] = 'DPO X (à confirmer)'
c['M2'] = 'dpo at x.fr (à confirmer)'
wb['Sous-traitant']['B8'] = 'x@'
"#;
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(ctl["dpo"]["email"].as_str(), Some("dpo at x.fr"), "{err}");
    for (at, value) in [
        (
            "Responsables de traitement, ligne 2, colonne H",
            "Jean Dupont - jean@x.fr",
        ),
        (
            "Responsables de traitement, ligne 2, colonne M",
            "dpo at x.fr",
        ),
        ("Sous-traitant, ligne 8, colonne B", "x@"),
    ] {
        let said = lines_at(&err, at);
        assert!(
            said.iter().any(|l| l.starts_with("signalé, importé")
                && l.contains(&q(value))
                && l.contains("n'est pas une adresse électronique")),
            "{at}: {err}"
        );
    }
    for (at, kept) in [
        ("Responsables de traitement, ligne 2, colonne L", "DPO X"),
        (
            "Responsables de traitement, ligne 2, colonne M",
            "dpo at x.fr",
        ),
    ] {
        let said = lines_at(&err, at);
        assert!(
            said.iter()
                .any(|l| l.contains(&format!("sans la marque\u{202f}: {}", q(kept)))),
            "{at}: {err}"
        );
    }
    // The authority's layout: an address no mail can go to.
    let ws = Workspace::missing();
    let (r, _) = contacts_apd(&ws, "contacts('Commune A', None, 'Jean\\ndpo@', None)\n");
    let err = r.stderr();
    let c = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        c.starts_with("signalé, importé") && c.contains(&q("dpo@")),
        "{err}"
    );
}

/// Review 14n, 2, 4 and 5 (authority layout): a controller's name made one
/// line with single spaces is said, once for each way it is typed; a
/// second transfer whose recipient is only the mark is still said as two
/// transfers on one line; a contact's line that is only the mark's words,
/// below its name, is said once, as not imported.
#[test]
fn a_name_made_one_line_a_marked_second_transfer_and_a_mark_line_under_a_contact_are_said_right() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Mairie  A", None, None, None)
contacts("Mairie  A", None, None, None)
contacts("Mairie B\nService RH", None, None, None)
contacts("Commune C", None, None, "Marie Curie\nà confirmer")
ws.append(["Commune D", None, None, None, "Paie", None, None, "États-Unis : Microsoft ; Maroc : à confirmer",
           "CCT", "Pare-feu", "Conv", datetime.date(2021, 2, 1), 6])
"#,
    );
    let err = r.stderr();
    let a = one_line_at(&err, "Registre, ligne 2, colonne A");
    assert!(
        a.starts_with("signalé, importé")
            && a.contains(&format!("ainsi\u{202f}: {}", q("Mairie A"))),
        "{err}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne A").is_empty(),
        "{err}"
    );
    assert!(
        err.contains(&format!("ainsi\u{202f}: {}", q("Mairie B Service RH"))),
        "{err}"
    );
    assert!(into.join("controllers/mairie-a.yaml").exists(), "{err}");
    // The contact: one line, not imported; the name kept.
    let d = lines_at(&err, "Registre, ligne 5, colonne D");
    assert_eq!(d.len(), 1, "{err}");
    assert!(
        d[0].starts_with("non importé") && d[0].contains(&q("à confirmer")),
        "{err}"
    );
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert_eq!(c["dpo"]["name"].as_str(), Some("Marie Curie"), "{c:?}");
    // The second transfer typed on the line, its recipient the mark.
    let h = lines_at(&err, "Registre, ligne 6, colonne H");
    assert!(
        h.iter().any(|l| l.starts_with("signalé, importé")
            && l.contains("ressemble à deux transferts")),
        "{err}"
    );
}

/// Review 14n, 3 (own layout): a measure whose title is another measure's
/// id is exported as `title (id)`, so the round trip keeps it; the bare
/// word typed in a category is both, said as ambiguous, never silently
/// the record with that title.
#[test]
fn a_title_that_is_another_record_s_id_is_exported_with_its_id_and_typed_bare_is_ambiguous() {
    let ws = Workspace::sample();
    let file = ws.root().join("security-measures.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "title: Sécurisation des serveurs",
        "title: charte-numerique",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let edit = "ws['L3'] = 'charte-numerique'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 3, colonne L");
    assert!(
        l.starts_with("non importé") && l.contains("plusieurs lignes"),
        "{err}"
    );
    // Row 2 holds the export's `title (id)`: the measure itself.
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let first = ctl["activities"][0]["security_measures"][0].as_str();
    assert_eq!(first, Some("securisation-serveurs"), "{err}");
}

/// Review 14o, 1: a cell merged across columns (XLSX) gives its value to
/// its first column only, never to the next field (a transfer is not its
/// own safeguards, a description no data category, a DPO's name no role),
/// said at its cell; a cell merged down rows still holds for each row.
#[test]
fn a_cell_merged_across_columns_fills_its_first_column_only_and_is_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Commune A", None, None, None, "RH", None, "Agents", None, None, "Pare-feu", "Conv",
           datetime.date(2021, 2, 1), 6])
ws.merge_cells("G2:H2")
ws.append(["Commune A", None, None, None, "Paie", None, "Salaires", "États-Unis : Microsoft", None, None,
           "Conv", datetime.date(2021, 2, 1), 6])
ws.merge_cells("H3:I3")
ws.merge_cells("J2:J3")
"#,
    );
    let err = r.stderr();
    for (at, value, cols) in [
        ("Registre, ligne 2, colonne G", "Agents", "G à H"),
        (
            "Registre, ligne 3, colonne H",
            "États-Unis : Microsoft",
            "H à I",
        ),
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("signalé\u{202f}:")
                && l.contains(&q(value))
                && l.contains(&format!("fusionnée sur les colonnes {cols}")),
            "{at}: {err}"
        );
    }
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    // The data category is no transfer; the transfer is not its own
    // safeguards.
    let t = a["transfers"].as_sequence().cloned().unwrap_or_default();
    assert_eq!(t.len(), 1, "{err}\n{a:?}");
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft"), "{a:?}");
    assert!(t[0]["safeguards"].is_null(), "{a:?}");
    // Down a column: the measure holds for both rows, unsaid.
    let paie = &a["activities"][1];
    assert_eq!(
        paie["security_measures"][0].as_str(),
        Some("pare-feu"),
        "{a:?}"
    );
    assert!(lines_at(&err, "colonne J").is_empty(), "{err}");
}

/// Review 14o, 2: an ODS cell spanning rows (`table:number-rows-spanned`,
/// which `calamine` does not give) holds for every row it covers, as the
/// same XLSX merge does; one spanning columns, in its first column, said.
#[test]
fn an_ods_cell_spanning_rows_holds_for_each_row_as_in_xlsx() {
    let ws = Workspace::missing();
    let script = r#"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell, CoveredTableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre & co")
def row(values):
    tr = TableRow()
    for v in values:
        if v is None:
            tr.addElement(TableCell())
        elif v == "covered":
            tr.addElement(CoveredTableCell())
        elif isinstance(v, tuple):
            c = TableCell(valuetype="string", **v[1])
            c.addElement(P(text=v[0]))
            tr.addElement(c)
        else:
            c = TableCell(valuetype="string")
            c.addElement(P(text=v))
            tr.addElement(c)
    t.addElement(tr)
row(["Nom du responsable du traitement", "Catégories de traitements", "Catégories de données",
     "Transferts vers un pays tiers ou une organisation internationale",
     "Description générale des mesures de sécurité techniques et organisationnelles"])
row(["Commune A", "RH", ("Agents", {"numbercolumnsspanned": 2}), "covered", ("Pare-feu\nSauvegardes", {"numberrowsspanned": 2})])
row(["Commune A", "Paie", "Salaires", None, "covered"])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"#;
    let (r, into) = made_and_imported(&ws, "registre.ods", script, "nouveau");
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let acts = &a["activities"];
    assert_eq!(acts[1]["name"].as_str(), Some("Paie"), "{a:?}");
    assert_eq!(
        acts[1]["security_measures"].as_sequence().map(Vec::len),
        Some(2),
        "{err}\n{a:?}"
    );
    assert!(
        a.get("transfers").is_none() || a["transfers"].is_null(),
        "{a:?}"
    );
    let c = one_line_at(&err, "Registre & co, ligne 2, colonne C");
    assert!(c.contains("fusionnée sur les colonnes C à D"), "{err}");
}

/// Review 14o, 3: a safeguards cell with a blank line and more lines than
/// transfers is not re-aligned by its other lines (the blank gave one
/// transfer none): the whole cell for each, said with its typed lines.
#[test]
fn a_safeguards_cell_with_a_blank_line_and_one_line_too_many_is_not_realigned() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Commune 0", None, None, None, "Paie", None, None, "Maroc : X\nInde : Y\nChine : Z", "CCT\n\nSCC",
           "Pare-feu", "Conv", datetime.date(2021, 2, 1), 6])
ws.append(["Commune 1", None, None, None, "Paie", None, None, "Maroc : X\nInde : Y\nChine : Z", "CCT\n\nSCC\nBCR",
           "Pare-feu", "Conv", datetime.date(2021, 2, 1), 6])
"#,
    );
    let err = r.stderr();
    let safeguards = |n: usize| -> Vec<Option<String>> {
        let c = yaml(&into.join(format!("controllers/commune-{n}.yaml")));
        c["transfers"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|t| t["safeguards"].as_str().map(str::to_string))
            .collect()
    };
    // Aligned line by line, the blank line giving Inde none: unsaid.
    assert_eq!(
        safeguards(0),
        [Some("CCT".to_string()), None, Some("SCC".to_string())],
        "{err}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne I").is_empty(),
        "{err}"
    );
    // One line more: never Inde SCC and Chine BCR; the cell for each, said.
    let all = Some("CCT\nSCC\nBCR".to_string());
    assert_eq!(safeguards(1), [all.clone(), all.clone(), all], "{err}");
    let i = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(i.starts_with("signalé, importé"), "{err}");
    assert!(
        err.contains("4 lignes de garanties pour 3 transferts"),
        "{err}"
    );
}

/// Review 14o, 5 and 7: a fact that differs from the row kept is never
/// also « imported without its mark »; a cell that is only the mark
/// imports nothing, said so; a contact whose first line is only the mark
/// keeps the name on the next line.
#[test]
fn a_mark_on_a_refused_or_empty_fact_is_not_said_imported_and_a_mark_line_is_no_name() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        r#"
contacts("Commune A", None, "Jean Dupont", "Marie Curie")
contacts("Commune A", None, "Jean Dupont", "Paul Martin (à confirmer)")
contacts("Commune B", None, "(?)", "à confirmer\nMarie Curie")
"#,
    );
    let err = r.stderr();
    let d = lines_at(&err, "Registre, ligne 3, colonne D");
    assert_eq!(d.len(), 1, "{err}");
    assert!(
        d[0].starts_with("non importé") && d[0].contains("diffère"),
        "{err}"
    );
    let c = one_line_at(&err, "Registre, ligne 4, colonne C");
    assert!(
        c.starts_with("non importé")
            && c.contains("n'est que la marque")
            && c.contains("rien n'est importé"),
        "{err}"
    );
    let d = one_line_at(&err, "Registre, ligne 4, colonne D");
    assert!(
        d.starts_with("non importé") && d.contains(&q("à confirmer")),
        "{err}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(b["dpo"]["name"].as_str(), Some("Marie Curie"), "{b:?}");
    assert!(b["representative"]["name"].is_null(), "{b:?}");
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["dpo"]["name"].as_str(), Some("Marie Curie"), "{a:?}");
}

/// Review 14o, 6 and 8 (own layout): a mark on a category's id is said at
/// its cell, the id imported without it; a boolean cell and a date cell in
/// a text field are said, with the text they are imported as.
#[test]
fn a_marked_id_a_boolean_and_a_date_in_a_text_field_are_said_at_their_cells() {
    let ws = Workspace::sample();
    let edit = r#"
import datetime
ws['F3'] = 'messagerie (à confirmer)'
c = wb['Responsables de traitement']
c['G2'] = True
c['AK2'] = datetime.date(2021, 1, 26)
"#;
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let f = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 3, colonne F");
    assert!(
        f.starts_with("signalé, importé")
            && f.contains(&format!("sans la marque\u{202f}: {}", q("messagerie"))),
        "{err}"
    );
    assert!(!err.contains(&q("id")), "{err}");
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        ctl["activities"][1]["id"].as_str(),
        Some("messagerie"),
        "{err}"
    );
    let g = one_line_at(&err, "Responsables de traitement, ligne 2, colonne G");
    assert!(g.contains("VRAI/FAUX") && g.contains(&q("true")), "{err}");
    let ak = one_line_at(&err, "Responsables de traitement, ligne 2, colonne AK");
    assert!(
        ak.starts_with("signalé, importé") && ak.contains("date ou d'heure dans un champ de texte"),
        "{err}"
    );
    assert_eq!(
        ctl["convention"]["reference"].as_str(),
        Some("2021-01-26"),
        "{err}"
    );
}

/// Review 14o, 4: a title shaped as another measure's `name (id)` label
/// (« Chiffre (charte-numerique) » beside two « Chiffre ») round-trips:
/// the export labels it with its own id and the other by its id alone.
#[test]
fn a_title_shaped_as_another_record_s_label_round_trips() {
    let ws = Workspace::sample();
    let file = ws.root().join("security-measures.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text
        .replacen("title: Sécurisation des serveurs", "title: Chiffre", 1)
        .replacen("title: Charte du numérique", "title: Chiffre", 1)
        .replacen(
            "title: Clauses RGPD dans les contrats des sous-traitants ultérieurs",
            "title: Chiffre (charte-numerique)",
            1,
        );
    std::fs::write(&file, edited).unwrap();
    let (r, into) = edited_export(&ws, "", false);
    let err = r.stderr();
    assert!(!err.contains("plusieurs lignes"), "{err}");
    let before = yaml(&ws.root().join("controllers/juvisy-sur-orge.yaml"));
    let after = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    for (a, b) in before["activities"]
        .as_sequence()
        .unwrap()
        .iter()
        .zip(after["activities"].as_sequence().unwrap())
    {
        assert_eq!(a["security_measures"], b["security_measures"], "{err}");
    }
}

/// Review 14p, 1: values hidden under a merged region (LibreOffice can
/// merge keeping them; the spreadsheet shows only the first cell) are not
/// read, each said at its cell: across columns, and down a column whose
/// first cell is empty. Own layout, 2: a renewal bearing the mark is said
/// alone, not with the cell's refused lines.
#[test]
fn values_hidden_under_a_merge_are_not_read_and_are_said_and_a_marked_renewal_is_quoted_alone() {
    let ws = Workspace::missing();
    let script = r#"
import sys, zipfile, openpyxl, datetime
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale", "Garanties appropriées",
           "Description générale des mesures de sécurité techniques et organisationnelles",
           "Catégories de données"])
ws.append(["Commune A", "RH", "États-Unis : Microsoft", "CCT caché", "Pare-feu", None])
ws.append(["Commune A", "Paie", None, None, "Pare-feu", "Salaires caché"])
src = sys.argv[1] + ".src"
wb.save(src)
zin = zipfile.ZipFile(src); zout = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
for i in zin.infolist():
    d = zin.read(i.filename)
    if i.filename == "xl/worksheets/sheet1.xml":
        d = d.decode().replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="C2:D2"/><mergeCell ref="F2:F3"/></mergeCells>').encode()
    zout.writestr(i, d)
zout.close()
"#;
    let (r, into) = made_and_imported(&ws, "cache.xlsx", script, "nouveau");
    let err = r.stderr();
    for (at, value) in [
        ("Registre, ligne 2, colonne D", "CCT caché"),
        ("Registre, ligne 3, colonne F", "Salaires caché"),
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("non importé") && l.contains(&q(value)) && l.contains("cachée"),
            "{at}: {err}"
        );
    }
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a["transfers"][0]["safeguards"].is_null(), "{a:?}");
    assert!(a["activities"][1].get("data_categories").is_none(), "{a:?}");

    let ws = Workspace::sample();
    let edit = "wb['Responsables de traitement']['AS2'] = \
                '2022-02-01, 6, avenant 1\\n2023-02-01 ; 12 ; avenant 3\\n2024-02-01, 12, avenant 4 (à confirmer)'\n";
    let (r, _) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let marked: Vec<&str> = lines_at(&err, "Responsables de traitement, ligne 2, colonne AS")
        .into_iter()
        .filter(|l| l.starts_with("signalé, importé"))
        .collect();
    assert_eq!(marked.len(), 1, "{err}");
    assert!(
        marked[0].contains(&q("2024-02-01, 12, avenant 4 (à confirmer)"))
            && marked[0].contains(&format!(
                "marque\u{202f}: {}",
                q("2024-02-01, 12, avenant 4")
            )),
        "{err}"
    );
}
