//! Integration tests of issue 14, part f14y: what the twenty-second review
//! of `dpo import` left said imprecisely, and the last silent cell.
//!
//! A safeguards line that is the mark with brackets or points around it
//! (« ((?)) », « (?). »), or the mark in English (« (TBC) », « (to be
//! checked) »), flags the transfer and imports nothing of it (G4). A
//! renewals formula with no value kept is said once, nothing imported (G3).
//! An ODS note keeps its line breaks and spaces (G5). A boolean cell is
//! said imported (G6). An ODS text cell with no value type is read and
//! said, never dropped (F6).

use crate::sheets_import::{edited_export, lines_at, made_and_imported, one_line_at, q, yaml};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;

/// Review 22, G4: the mark with brackets or a point around it, or in its
/// English shapes, on a safeguards line of its own: the transfer it flags
/// is named, and nothing of the line is imported as a safeguard.
#[test]
fn a_safeguards_mark_with_brackets_or_points_around_it_leaves_nothing_behind() {
    let ws = Workspace::missing();
    let marks = ["((?))", "(?).", "(TBC)", "(to be checked)", "[[?]]"];
    let mut rows = String::new();
    for (i, m) in marks.iter().enumerate() {
        rows.push_str(&format!(
            "ws.append(['Mairie {i}', None, None, None, 'Paie', None, None, 'USA : X\\nInde : Y', \
             'CCT\\n{m}', 'M1', 'Conv', datetime.date(2021, 2, 1), 12])\n"
        ));
    }
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for (i, m) in marks.iter().enumerate() {
        let l = one_line_at(&err, &format!("Registre, ligne {}, colonne I", i + 2));
        assert!(
            l.starts_with("signalé\u{202f}:")
                && l.contains(&q(m))
                && l.contains(&format!("du transfert {}, qui restent", q("Inde : Y"))),
            "{m}: {l}"
        );
        let t = &yaml(&into.join(format!("controllers/mairie-{i}.yaml")))["transfers"];
        assert_eq!(t[0]["safeguards"].as_str(), Some("CCT"), "{m}: {t:?}");
        assert!(t[1].get("safeguards").is_none(), "{m}: {t:?}");
        assert_eq!(
            t[1]["to_confirm"][0].as_str(),
            Some("safeguards"),
            "{m}: {t:?}"
        );
    }
}

/// « TBC » alone is still a value to give (no value, said as such), and
/// typed after a value in brackets it is the mark: the value imported,
/// flagged.
#[test]
fn tbc_alone_is_a_value_to_give_and_in_brackets_the_mark() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Mairie 0', None, None, None, 'Paie', None, None, 'USA : X', 'TBC', \
         'M1', 'Conv', datetime.date(2021, 2, 1), 12])\n\
         ws.append(['Mairie 1', None, None, None, 'Paie', None, None, 'USA : X', 'CCT (TBC)', \
         'M1', 'Conv', datetime.date(2021, 2, 1), 12])\n",
    );
    let err = r.stderr();
    let t = &yaml(&into.join("controllers/mairie-0.yaml"))["transfers"];
    assert!(t[0].get("safeguards").is_none(), "{t:?}");
    let t = &yaml(&into.join("controllers/mairie-1.yaml"))["transfers"];
    assert_eq!(t[0]["safeguards"].as_str(), Some("CCT"), "{t:?}\n{err}");
    assert_eq!(t[0]["to_confirm"][0].as_str(), Some("safeguards"), "{t:?}");
    let l = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(l.contains(&q("CCT (TBC)")), "{l}");
}

/// Review 22, G3: a renewals notice typed as a formula the file keeps no
/// value for is said once, quoted as the formula, and nothing is imported
/// for it: the notice stays unknown, never 0.
#[test]
fn a_renewals_formula_without_a_value_is_said_once_and_stays_unknown() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         col = [x.column for x in c[1] if x.value == 'préavis de renouvellement (mois)'][0]\n\
         c.cell(row=2, column=col).value = '=1+1'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Responsables de traitement, ligne 2, colonne AR");
    assert!(
        l.starts_with("non importé") && l.contains(&q("=1+1")),
        "{l}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(
        c["convention"].get("renewal_notice_months").is_none(),
        "{c:?}"
    );
    // The convention allows a renewal whose notice is not known: said.
    assert!(
        err.lines()
            .any(|l| l.contains("convention.renewal_notice_months") && l.contains("préavis")),
        "{err}"
    );
}

/// Review 22, G6: a TRUE/FALSE cell is read as the text « true », which
/// is imported: said « signalé, importé », and counted so.
#[test]
fn a_boolean_cell_is_said_imported() {
    let ws = Workspace::missing();
    let (r, into) = apd(&ws, "row('Mairie A', 'Paie', data=True)\n");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne G");
    assert!(l.starts_with("signalé, importé"), "{l}");
    assert!(
        r.stdout().contains("une valeur importée et signalée"),
        "{}",
        r.stdout()
    );
    let c = yaml(&into.join("controllers/mairie-a.yaml"));
    assert_eq!(
        c["activities"][0]["data_categories"][0].as_str(),
        Some("true"),
        "{c:?}"
    );
}

/// An ODS file written by hand or by another program: a text cell with
/// no `office:value-type` (which the spreadsheet shows, and `calamine`
/// drops) is read, its line breaks kept, and said at its cell (F6); under
/// a merge, it is a hidden value, said so (H2); a note's line breaks and
/// spaces are kept in its quote (G5).
#[test]
fn an_ods_text_cell_without_a_value_type_is_read_and_said() {
    let ws = Workspace::missing();
    let script = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P, LineBreak, S, Span
from odf.office import Annotation
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre")
def row(cells):
    tr = TableRow()
    for c in cells:
        tr.addElement(c)
    t.addElement(tr)
def typed(v):
    c = TableCell(valuetype="string")
    c.addElement(P(text=v))
    return c
row([typed(h) for h in ["Nom du responsable du traitement", "Catégories de traitements",
     "Catégories de données", "Transferts vers un pays tiers ou une organisation internationale",
     "Description générale des mesures de sécurité techniques et organisationnelles"]])
bare = TableCell()
p = P(text="USA : X")
p.addElement(LineBreak())
p.addText("Inde : Y")
bare.addElement(p)
noted = typed("Agents")
a = Annotation()
n = P(text="Voir")
n.addElement(Span(text=" le service"))
n.addElement(LineBreak())
n.addText("puis")
n.addElement(S(c=1))
n.addText("confirmer")
a.addElement(n)
noted.addElement(a)
row([typed("Commune A"), typed("RH"), noted, bare, typed("Pare-feu")])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"##;
    let script = script.replace(
        "doc.spreadsheet.addElement(t)",
        "from odf.table import CoveredTableCell\n\
         merged = typed('Commune B')\n\
         merged.setAttribute('numbercolumnsspanned', 2)\n\
         hidden = CoveredTableCell()\n\
         hidden.addElement(P(text='BCR'))\n\
         row([merged, hidden, typed('Agents'), typed('USA : X'), typed('Pare-feu')])\n\
         row([typed('Commune D'), typed('RH'), typed('Agents'), typed('aucun'), \
         TableCell(formula='of:=1+1')])\n\
         doc.spreadsheet.addElement(t)",
    );
    let (r, into) = made_and_imported(&ws, "sans-type.ods", &script, "nouveau");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne D");
    assert!(
        l.starts_with("signalé, importé") && l.contains(&q("USA : X / Inde : Y")),
        "{err}"
    );
    let l = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(l.contains(&q("Voir le service / puis confirmer")), "{l}");
    // A formula with no value kept is quoted as the spreadsheet shows it,
    // without ODS's namespace (review 24, K9).
    let l = one_line_at(&err, "Registre, ligne 4, colonne E");
    assert!(l.contains(&q("=1+1")), "{l}");
    // Under a merge (review 23, H2): a hidden value, said, not imported.
    let l = one_line_at(&err, "Registre, ligne 3, colonne B");
    assert!(l.starts_with("non importé") && l.contains(&q("BCR")), "{l}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    let t = &c["transfers"];
    assert_eq!(t[0]["country"].as_str(), Some("USA"), "{c:?}");
    assert_eq!(t[1]["country"].as_str(), Some("Inde"), "{c:?}");
}

/// Imports one authority-layout row per transfers cell of `cells` (then
/// the rows `more`), and checks each cell is refused at its place, said
/// `non importé`, its controller left with no `transfers`; the folder
/// written.
fn refused_transfers(ws: &Workspace, cells: &[&str], more: &str) -> std::path::PathBuf {
    let mut rows = String::new();
    for (i, t) in cells.iter().enumerate() {
        rows.push_str(&format!("row('Mairie {i}', 'Paie', {t:?})\n"));
    }
    rows.push_str(more);
    let (r, into) = apd(ws, &rows);
    let err = r.stderr();
    for (i, t) in cells.iter().enumerate() {
        let l = one_line_at(&err, &format!("Registre, ligne {}, colonne H", i + 2));
        assert!(l.starts_with("non importé"), "{t}: {l}");
        let c = yaml(&into.join(format!("controllers/mairie-{i}.yaml")));
        assert!(c.get("transfers").is_none(), "{t}: {c:?}");
    }
    into
}

/// Review 23, H1 and H3: a « none » phrase followed by a sign that is no
/// punctuation of a phrase (a doubt « ? », a footnote « * », an emoji) or
/// by « hors Europe » (Europe is not the EU) is no « none »: refused and
/// said, never an established `transfers: []`.
#[test]
fn a_none_phrase_with_a_doubt_or_a_sign_after_it_is_never_none() {
    let ws = Workspace::missing();
    let cells = [
        "Aucun transfert hors UE ?",
        "Aucun transfert ?",
        "No transfer outside the EU?",
        "Aucun transfert hors Europe",
        "Aucun transfert hors UE*",
        "Aucun transfert hors UE \u{1F1FA}\u{1F1F8}",
    ];
    // Punctuation of a phrase still reads as none.
    let into = refused_transfers(
        &ws,
        &cells,
        "row('Mairie X', 'Paie', 'Aucun transfert (hors UE).')\n",
    );
    let c = yaml(&into.join("controllers/mairie-x.yaml"));
    assert_eq!(c["transfers"].as_sequence().map(Vec::len), Some(0), "{c:?}");
}

/// Review 23, H4 and H6: « TBC » alone on a safeguards line is one line
/// (« à compléter », not imported), never also « importé tel quel »; the
/// mark in French quotes leaves nothing of them behind.
#[test]
fn tbc_alone_is_said_once_and_quotes_around_the_mark_leave_nothing() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Mairie 0', None, None, None, 'Paie', None, None, 'USA : X\\nInde : Y', \
         'CCT\\nTBC', 'M1', 'Conv', datetime.date(2021, 2, 1), 12])\n\
         ws.append(['Mairie 1', None, None, None, 'Paie', None, None, 'USA : X\\nInde : Y', \
         'CCT\\n« (?) »', 'M1', 'Conv', datetime.date(2021, 2, 1), 12])\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(!l.contains("tel quel"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 3, colonne I");
    assert!(
        l.contains(&format!("du transfert {}, qui restent", q("Inde : Y"))),
        "{l}"
    );
    let t = &yaml(&into.join("controllers/mairie-1.yaml"))["transfers"];
    assert!(t[1].get("safeguards").is_none(), "{t:?}");
    assert_eq!(t[1]["to_confirm"][0].as_str(), Some("safeguards"), "{t:?}");
}

/// Review 23, H5: a TRUE/FALSE cell in a field that refuses the text
/// (the term in months) gets the one refusal, not also « importé ».
#[test]
fn a_boolean_a_field_refuses_is_only_refused() {
    let ws = Workspace::missing();
    let (r, _) = apd(
        &ws,
        "ws.append(['Mairie A', None, None, None, 'Paie', None, None, 'aucun', None, 'M1', \
         'Conv', datetime.date(2021, 2, 1), True])\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne M");
    assert!(l.starts_with("non importé"), "{l}");
}

/// Review 24, K1 and K7: a controller row whose id another row already
/// has (a row copied, an id typed twice) is imported apart under an id of
/// its own, said: its file never overwrites the first's, whose categories
/// stay; the same name under another id is said, even with another case,
/// accents or punctuation (review 25, N5b).
#[test]
fn a_controller_id_given_twice_never_overwrites_the_first_controller() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "rs = wb['Responsables de traitement']\n\
         for c in range(1, rs.max_column + 1):\n    \
             rs.cell(3, c).value = rs.cell(2, c).value\n    \
             rs.cell(4, c).value = rs.cell(2, c).value\n\
         rs.cell(3, 2).value = \"Commune d'Athis-Mons\"\n\
         rs.cell(4, 1).value = 'juvisy'\n\
         rs.cell(4, 2).value = 'commune de Juvisy sur Orge'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Responsables de traitement, ligne 3, colonne A");
    assert!(
        l.starts_with("signalé, importé") && l.contains(&q("juvisy-sur-orge-2")),
        "{l}"
    );
    let l = one_line_at(&err, "Responsables de traitement, ligne 4, colonne B");
    assert!(
        l.starts_with("signalé\u{202f}:") && l.contains("le même nom"),
        "{l}"
    );
    let first = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(first["name"].as_str(), Some("Commune de Juvisy-sur-Orge"));
    assert_eq!(
        first["activities"].as_sequence().map(Vec::len),
        Some(8),
        "{err}"
    );
    let apart = yaml(&into.join("controllers/juvisy-sur-orge-2.yaml"));
    assert_eq!(apart["name"].as_str(), Some("Commune d'Athis-Mons"));
    assert!(into.join("controllers/juvisy.yaml").exists());
}

/// Review 24, K2 and K4: « Non concerné ? » in dpo's layout, and a none
/// line beside a « ? » or « à compléter » line in the authority's, are
/// refused and said: a doubt is never an established « no transfer ».
#[test]
fn a_none_beside_a_doubt_is_refused_in_both_layouts() {
    let ws = Workspace::missing();
    let cells = [
        "Aucun\n?",
        "Néant\nà compléter",
        "Aucun transfert hors UE\n?",
    ];
    refused_transfers(&ws, &cells, "");
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "col = [x.column for x in ws[1] if x.value and x.value.startswith('transferts')][0]\n\
         ws.cell(row=2, column=col, value='Non concerné ?')\n",
        false,
    );
    let err = r.stderr();
    assert!(
        err.lines()
            .any(|l| l.starts_with("non importé") && l.contains(&q("Non concerné ?"))),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(c.get("transfers").is_none(), "{c:?}");
}

/// Review 24, K5 and K6: a renewal still allowed whose notice is not known
/// is listed by `status` as a renewal whose last day is unknown (never
/// left out unsaid); `check` names each of the two fields left unknown.
#[test]
fn an_unknown_notice_is_said_by_status_and_both_unknown_fields_by_check() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws.read(file);
    ws.write(file, &text.replace("  renewal_notice_months: 1\n", ""));
    let status = ws.dpo().now("2021-03-01T10:00:00+01:00").run(&["status"]);
    let out = status.text();
    assert!(
        out.contains("date limite de reconduction inconnue\u{202f}: le préavis est à compléter"),
        "{out}"
    );
    let en = ws
        .dpo()
        .now("2021-03-01T10:00:00+01:00")
        .run(&["--lang", "en", "status"]);
    assert!(
        en.text().contains("last day to renew unknown"),
        "{}",
        en.text()
    );
    ws.write(
        file,
        &text
            .replace("  renewal_notice_months: 1\n", "")
            .replace("  renewals_allowed: 1\n", ""),
    );
    let check = ws.dpo().run(&["check"]).text();
    for field in [
        "convention.renewals_allowed",
        "convention.renewal_notice_months",
    ] {
        assert_eq!(
            check.lines().filter(|l| l.contains(field)).count(),
            1,
            "{field}: {check}"
        );
    }
    // The register says « à compléter », never « non reconductible ».
    let md = ws.path("r.md");
    ws.dpo()
        .run(&["register", "--format", "md", "-o", md.to_str().unwrap()])
        .assert_code(0);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("reconductions permises"), "{md}");
}

/// Review 25, N1 and N2: a category sheet's controller is the one its rows
/// name, not its first row's alone: a typo on row 2 refuses row 2 only
/// (quoted with its own value), a mark on an id is said dropped, and a
/// category added with its controller left blank is the sheet's, said.
#[test]
fn a_category_sheet_is_not_decided_by_its_first_row_alone() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['A2'] = 'juvisy-sur-orgee'\n\
         ws['A3'] = 'juvisy-sur-orge (?)'\n\
         n = ws.max_row + 1\n\
         ws.cell(n, 6).value = 'videoprotection'\n\
         ws.cell(n, 7).value = 'Vidéoprotection'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne A");
    assert!(
        l.starts_with("non importé") && l.contains(&q("juvisy-sur-orgee")),
        "{l}"
    );
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 3, colonne A");
    assert!(l.starts_with("signalé, importé"), "{l}");
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 10, colonne A");
    assert!(
        l.starts_with("signalé, importé") && l.contains(&q("Vidéoprotection")),
        "{l}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let ids: Vec<&str> = c["activities"]
        .as_sequence()
        .map(|a| a.iter().filter_map(|x| x["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids.len(), 8, "{ids:?}\n{err}");
    assert!(ids.contains(&"videoprotection"), "{ids:?}");
    assert!(!ids.contains(&"serveurs-fichiers"), "{ids:?}");
}

/// Review 25, N3: in the processor's key/value sheet each row is another
/// field: a value merged down over the next rows is read on its first row
/// only, said, never copied into the fields below.
#[test]
fn a_value_merged_down_in_the_processor_sheet_is_not_copied_into_other_fields() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\n\
         row = [c.row for c in p['A'] if c.value and c.value.startswith('adresse')][0]\n\
         p.merge_cells(start_row=row, start_column=2, end_row=row + 2, end_column=2)\n\
         print(row)\n",
        false,
    );
    let err = r.stderr();
    let said: Vec<&str> = err
        .lines()
        .filter(|l| {
            l.starts_with("signalé\u{202f}: Sous-traitant")
                && l.contains("fusionnée sur les lignes")
        })
        .collect();
    assert_eq!(said.len(), 1, "{err}");
    let p = yaml(&into.join("processor.yaml"));
    let address = p["address"].as_str().unwrap_or_default().to_string();
    assert!(address.contains("Vitry"), "{p:?}");
    for field in ["phone", "email", "siret", "short_name"] {
        assert_ne!(p[field].as_str(), Some(address.as_str()), "{field}: {p:?}");
    }
}

/// Review 26, F1: a measure whose id an earlier measure has is imported
/// apart under an id of its own, said: a category naming it by its name
/// gets it, never the other measure (and no false « named twice » line).
#[test]
fn a_measure_id_given_twice_never_redirects_the_categories_naming_it() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "m = wb['Mesures de sécurité']\n\
         m['A3'] = m['A2'].value\n\
         print(m['B3'].value)\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Mesures de sécurité, ligne 3, colonne A");
    assert!(l.starts_with("signalé, importé") && l.contains("-2"), "{l}");
    assert!(!err.contains("nommé deux fois"), "{err}");
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    // The second measure is named by some category: it gets its own id.
    let apart = c["activities"].as_sequence().unwrap().iter().any(|a| {
        a["security_measures"].as_sequence().is_some_and(|ids| {
            ids.iter()
                .any(|v| v.as_str().is_some_and(|id| id.ends_with("-2")))
        })
    });
    assert!(apart, "{c:?}\n{measures}");
}

/// Exports `ws`, blanks the controller id of every row of Juvisy's sheet
/// (and runs `more`, indented, on each row), imports: the 8 categories
/// are Juvisy's, each row said.
fn blank_ids_imported_for_juvisy(ws: &Workspace, more: &str) {
    let (r, into) = edited_export(
        ws,
        &format!("for row in range(2, ws.max_row + 1):\n    ws.cell(row, 1).value = None\n{more}"),
        false,
    );
    let err = r.stderr();
    let said = err
        .lines()
        .filter(|l| l.starts_with("signalé, importé") && l.contains("son identifiant est vide"))
        .count();
    assert_eq!(said, 8, "{err}");
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        c["activities"].as_sequence().map(Vec::len),
        Some(8),
        "{err}"
    );
}

/// Review 26, F2: a category sheet whose rows all leave the controller id
/// blank is the controller the sheet names; every row is imported, said.
#[test]
fn a_category_sheet_with_every_controller_id_blank_is_its_named_controller_s() {
    let ws = Workspace::sample();
    blank_ids_imported_for_juvisy(&ws, "");
}

/// Review 27, G1 and G2: a category's list left blank or « à compléter »
/// stays unknown (no key: the register says « à compléter »), never
/// « aucun »; « aucun » typed in any of the four list columns is `[]`, never
/// dropped. The new workspace's register and check say both.
#[test]
fn a_category_list_left_to_complete_stays_unknown_and_none_is_kept() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['K3'] = 'à compléter'\nws['L4'] = None\nws['L5'] = 'TBC'\n\
         ws['I6'] = 'aucun'\nws['J6'] = 'Aucune'\nws['K6'] = 'aucun'\nws['L6'] = 'aucune'\n",
        false,
    );
    r.assert_code(0);
    let err = r.stderr();
    for at in [
        "ligne 3, colonne K",
        "ligne 4, colonne L",
        "ligne 5, colonne L",
        "ligne 6, colonne",
    ] {
        assert!(
            lines_at(&err, &format!("Juvisy-sur-Orge, {at}")).is_empty(),
            "{at}: {err}"
        );
    }
    let y = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let cat = |n: usize| &y["activities"][n];
    // Rows 3, 4, 5 are the second, third and fourth categories.
    assert!(cat(1).get("subprocessors").is_none(), "{:?}", cat(1));
    assert!(cat(1)["security_measures"]
        .as_sequence()
        .is_some_and(|l| !l.is_empty()));
    assert!(cat(2).get("security_measures").is_none(), "{:?}", cat(2));
    assert!(cat(3).get("security_measures").is_none(), "{:?}", cat(3));
    for field in [
        "systems",
        "data_categories",
        "subprocessors",
        "security_measures",
    ] {
        assert_eq!(
            cat(4)[field].as_sequence().map(Vec::len),
            Some(0),
            "row 6, {field}: {:?}",
            cat(4)
        );
    }
    // The register says « à compléter » where the list is unknown and
    // « aucun » where it is empty; check names each unknown list.
    let md = ws.path("nouveau.md");
    crate::sheets_import::register(&into, "md", &md).assert_code(0);
    let md = std::fs::read_to_string(&md).unwrap();
    let row = |n: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| 1.{n} |")))
            .unwrap_or_else(|| panic!("no row 1.{n}:\n{md}"))
            .to_string()
    };
    let todo = "*«\u{202f}à compléter\u{202f}»*";
    let cells = |n: &str| row(n).split(" | ").map(str::to_string).collect::<Vec<_>>();
    assert_eq!(cells("2")[3].trim(), todo, "{}", row("2"));
    assert!(cells("3")[4].starts_with(todo), "{}", row("3"));
    assert!(cells("4")[4].starts_with(todo), "{}", row("4"));
    let five = row("5");
    assert!(
        five.contains("(systèmes\u{202f}: aucun)") && five.contains("— données\u{202f}: aucune |"),
        "{five}"
    );
    let five = cells("5");
    assert_eq!(five[3].trim(), "aucun", "{five:?}");
    assert!(five[4].starts_with("voir la partie 4"), "{five:?}");
    let check = crate::support::dpo::Dpo::new(&into).run(&["check"]);
    let out = format!("{}{}", check.stdout(), check.stderr());
    for (field, says) in [
        (
            "activities[1].subprocessors",
            "les sous-traitants ultérieurs de la catégorie `messagerie` ne sont pas indiqués",
        ),
        (
            "activities[2].security_measures",
            "les mesures de sécurité de la catégorie `serveurs-applications` ne sont pas indiquées",
        ),
    ] {
        assert!(out.contains(field) && out.contains(says), "{field}: {out}");
    }
    assert!(!out.contains("activities[4].systems"), "{out}");
}

/// Review 27, G3 and G4: a second renewal typed after « ; » (or after a
/// comma) on the first one's line is refused, never read as its
/// reference; « ? » as a reference is no reference; a renewals cell left
/// « à compléter » imports none and says so.
#[test]
fn renewals_joined_on_one_line_or_left_to_complete_are_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         c['AS2'] = '2021-07-15, 6, délib A; 2022-01-10, 12\\n2023-01-10, 6, ?\\n\
         2024-01-10, 6, délib B, 2025-01-10, 6'\n",
        false,
    );
    let err = r.stderr();
    let at = lines_at(&err, "Responsables de traitement, ligne 2, colonne AS");
    assert_eq!(at.len(), 2, "{err}");
    assert!(
        at[0].starts_with("non importé")
            && at[0].contains("délib A; 2022-01-10, 12")
            && at[0].contains("deux reconductions"),
        "{}",
        at[0]
    );
    assert!(at[1].contains("délib B, 2025-01-10, 6"), "{}", at[1]);
    let y = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let list = y["convention"]["renewals"].as_sequence().expect("renewals");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["decided_on"].as_str(), Some("2023-01-10"));
    assert!(list[0].get("reference").is_none(), "{list:?}");

    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Responsables de traitement']['AS2'] = '«\u{202f}à compléter\u{202f}»'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Responsables de traitement, ligne 2, colonne AS");
    assert!(
        l.starts_with("non importé") && l.contains("comme si aucune n'avait été décidée"),
        "{l}"
    );
    let y = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(y["convention"].get("renewals").is_none(), "{y:?}");
}

/// Review 27, G5 and G6: a category sheet whose rows all leave the
/// controller id blank falls to the sheet's name when its name column
/// names nobody (a typo); when the two name two controllers, nothing is
/// imported and each category is named at its row, never said imported.
#[test]
fn a_sheet_without_ids_is_decided_by_its_title_or_said_when_names_disagree() {
    let ws = Workspace::sample();
    blank_ids_imported_for_juvisy(&ws, "    ws.cell(row, 2).value = 'Commune de Juvisi'\n");

    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         for col in range(1, c.max_column + 1):\n    c.cell(3, col).value = c.cell(2, col).value\n\
         c['A3'] = 'athis-mons'\nc['B3'] = \"Commune d'Athis-Mons\"\n\
         for row in range(2, ws.max_row + 1):\n    ws.cell(row, 1).value = None\n    \
         ws.cell(row, 2).value = \"Commune d'Athis-Mons\"\n",
        false,
    );
    let err = r.stderr();
    let first = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne A");
    assert!(
        first.starts_with("non importé")
            && first.contains(&format!("désigne {} quand", q("athis-mons")))
            && first.contains(&q("juvisy-sur-orge")),
        "{first}"
    );
    let refused = err
        .lines()
        .filter(|l| {
            l.starts_with("non importé") && l.contains("cette catégorie n'est pas importée")
        })
        .count();
    assert_eq!(refused, 8, "{err}");
    assert!(!err.contains("son identifiant est vide"), "{err}");
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(
        c.get("activities")
            .is_none_or(|a| a.as_sequence().is_none_or(Vec::is_empty)),
        "{c:?}"
    );
}

/// Review 27, G7: a register's later edition in the file is not carried
/// (the new workspace counts its own registers): said as a fact, the
/// import still exits 0.
#[test]
fn a_later_edition_in_the_file_is_said_not_carried() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "p = wb['Sous-traitant']\nfor row in p.iter_rows():\n    \
         if row[2].value == 'register.edition':\n        row[1].value = 3\n",
        false,
    );
    r.assert_code(0);
    let err = r.stderr();
    let l: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("l'édition du registre n'est pas reprise"))
        .collect();
    assert!(
        l.len() == 1
            && l[0].starts_with("signalé\u{202f}: Sous-traitant, ligne")
            && l[0].contains("colonne B"),
        "{err}"
    );
}

/// Review 27, G8: a category typing the id the import gave a record
/// whose id was taken (no row of the file has it) gets that record, said.
#[test]
fn a_category_typing_an_id_only_the_import_made_is_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Mesures de sécurité']['A3'] = 'securisation-serveurs'\n\
         ws['L9'] = 'securisation-serveurs-2'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 9, colonne L");
    assert!(
        l.starts_with("signalé, importé")
            && l.contains("aucune ligne du fichier n'a cet identifiant")
            && l.contains("ligne 3 de la feuille"),
        "{l}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        c["activities"][7]["security_measures"][0].as_str(),
        Some("securisation-serveurs-2"),
        "{c:?}"
    );
}

/// The authority's layout has no systems or sub-processors column: both
/// stay unknown, never « aucun »; an empty measures or data cell is
/// unknown, « Aucune » or « Néant » there is none.
#[test]
fn the_authority_layout_leaves_lists_it_has_no_column_for_unknown() {
    let ws = Workspace::missing();
    let (_, into) = apd(
        &ws,
        "row('Commune A', 'Paie', measures=None, data='Agents')\n\
         row('Commune A', 'GED', measures='Aucune', data='Néant')\n",
    );
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    let (paie, ged) = (&c["activities"][0], &c["activities"][1]);
    for a in [paie, ged] {
        assert!(
            a.get("systems").is_none() && a.get("subprocessors").is_none(),
            "{a:?}"
        );
    }
    assert!(paie.get("security_measures").is_none(), "{paie:?}");
    for field in ["security_measures", "data_categories"] {
        assert_eq!(ged[field].as_sequence().map(Vec::len), Some(0), "{ged:?}");
    }
}

/// Review 25, N4 and N6: a mark in an id column is said once (an id takes
/// none), never also « le champ reste à confirmer »; a value on several
/// lines is quoted on the report's one line, its lines joined by « / ».
#[test]
fn a_mark_on_an_id_is_said_once_and_every_report_line_is_one_line() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(&ws, "ws['F3'] = 'messagerie (?)'\n", false);
    let err = r.stderr();
    assert_eq!(
        lines_at(&err, "Juvisy-sur-Orge, ligne 3, colonne F").len(),
        1,
        "{err}"
    );

    let ws = Workspace::missing();
    let (r, _) = apd(
        &ws,
        "ws.append(['Commune P', '1 rue Y', None, None, 'Paie', None, \
         None, 'aucun', None, 'Pare-feu', 'Conv', datetime.date(2021, 2, 1), 6])\n\
         ws.append(['Commune P', '2 place X\\nmairie@paray.fr', None, None, 'GED', None, \
         None, 'aucun', None, 'Pare-feu', 'Conv', datetime.date(2021, 2, 1), 6])\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 3, colonne B");
    assert!(l.contains("2 place X / mairie@paray.fr"), "{l}");
    for line in err.lines() {
        assert!(
            [
                "non importé",
                "signalé",
                "avertissement",
                "erreur",
                "  conseil",
                "remarque"
            ]
            .iter()
            .any(|lead| line.starts_with(lead)),
            "a line with no lead: {line:?}\n{err}"
        );
    }
}

/// Review 26, F6: in a category's measures or sub-processors, names typed
/// as bullets are those names; names joined by « ; », each naming one
/// record, are those records, said; a mark inside such a line flags the
/// field and no line contradicts it.
#[test]
fn bulleted_or_semicolon_joined_names_are_the_records_they_name() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['L3'] = 'Sécurisation des serveurs ; Charte du numérique'\n\
         ws['L4'] = '- Sécurisation des serveurs\\n- Charte du numérique'\n\
         ws['L5'] = 'Sécurisation des serveurs (à confirmer) ; Charte du numérique'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 3, colonne L");
    assert!(
        l.starts_with("signalé, importé") && l.contains("lu comme 2 noms"),
        "{l}"
    );
    assert!(
        lines_at(&err, "Juvisy-sur-Orge, ligne 4, colonne L").is_empty(),
        "{err}"
    );
    assert!(
        lines_at(&err, "Juvisy-sur-Orge, ligne 5, colonne L")
            .iter()
            .all(|l| !l.starts_with("non importé")),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    for n in 1..=3 {
        let ids: Vec<&str> = c["activities"][n]["security_measures"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(
            ids,
            ["securisation-serveurs", "charte-numerique"],
            "row {}",
            n + 2
        );
    }
}

/// Review 24 K8 and review 25 N10: a word for none with a doubt after it
/// (« N/A ? », « 0 ? », « None? », « Not concerned? ») in dpo's layout is
/// refused, said, never imported as a country of that name.
#[test]
fn a_none_word_with_a_doubt_is_never_a_country() {
    for typed in [
        "N/A ?",
        "0 ?",
        "None?",
        "Not concerned?",
        "Not applicable ?",
    ] {
        let ws = Workspace::sample();
        let (r, into) = edited_export(&ws, &format!("ws['M2'] = {typed:?}\n"), false);
        let err = r.stderr();
        let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 2, colonne M");
        assert!(l.starts_with("non importé"), "{typed}: {l}");
        let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
        assert!(c.get("transfers").is_none(), "{typed}: {c:?}");
    }
}

/// Review 28, H1, H2 and H7: in a category's list, a none beside a doubt
/// leaves the list unknown, said; none lines beside items are left out,
/// said (never an item « aucun » or a measure « Néant »); « Non concerné »
/// is none; « Aucune donnée personnelle » is not read, said — in both
/// layouts.
#[test]
fn none_lines_in_a_list_are_never_items_nor_none_beside_a_doubt() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J2'] = 'Aucune\\n?'\nws['K2'] = 'Néant\\n«\u{202f}à compléter\u{202f}»'\n\
         ws['I3'] = 'aucun\\nserveurs de fichiers'\nws['J3'] = 'Non concerné'\n\
         ws['J4'] = 'Aucune donnée personnelle'\nws['I5'] = 'Néant\\n-'\n",
        false,
    );
    let err = r.stderr();
    for (at, says) in [
        (
            "ligne 2, colonne J",
            "une autre que la valeur reste à donner",
        ),
        (
            "ligne 2, colonne K",
            "une autre que la valeur reste à donner",
        ),
        ("ligne 3, colonne I", "quand les autres lignes en nomment"),
        ("ligne 4, colonne J", "sans dire clairement"),
    ] {
        let l = one_line_at(&err, &format!("Juvisy-sur-Orge, {at}"));
        assert!(
            l.starts_with("non importé") && l.contains(says),
            "{at}: {l}"
        );
    }
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let a = |n: usize| &c["activities"][n];
    assert!(a(0).get("data_categories").is_none(), "{:?}", a(0));
    assert!(a(0).get("subprocessors").is_none(), "{:?}", a(0));
    assert_eq!(a(1)["systems"][0].as_str(), Some("serveurs de fichiers"));
    assert_eq!(a(1)["systems"].as_sequence().map(Vec::len), Some(1));
    assert_eq!(a(1)["data_categories"].as_sequence().map(Vec::len), Some(0));
    assert!(a(2).get("data_categories").is_none(), "{:?}", a(2));
    assert_eq!(a(3)["systems"].as_sequence().map(Vec::len), Some(0));

    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune A', 'Paie', measures='Néant\\nChiffrement', data='aucune\\nnoms')\n\
         row('Commune A', 'GED', measures='Aucune\\n?', data='Non concerné')\n\
         row('Commune A', 'RH', measures='à compléter (à confirmer)')\n",
    );
    let err = r.stderr();
    for (at, says) in [
        ("ligne 2, colonne J", "quand les autres lignes en nomment"),
        ("ligne 2, colonne G", "quand les autres lignes en nomment"),
        (
            "ligne 3, colonne J",
            "une autre que la valeur reste à donner",
        ),
    ] {
        let l = one_line_at(&err, &format!("Registre, {at}"));
        assert!(
            l.starts_with("non importé") && l.contains(says),
            "{at}: {l}"
        );
    }
    assert!(!err.contains("importé tel quel"), "{err}");
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!measures.to_lowercase().contains("néant"), "{measures}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    let a = |n: usize| &c["activities"][n];
    assert_eq!(
        a(0)["security_measures"].as_sequence().map(Vec::len),
        Some(1)
    );
    assert_eq!(a(0)["data_categories"][0].as_str(), Some("noms"));
    assert!(a(1).get("security_measures").is_none(), "{:?}", a(1));
    assert_eq!(a(1)["data_categories"].as_sequence().map(Vec::len), Some(0));
    assert!(a(2).get("security_measures").is_none(), "{:?}", a(2));
}

/// Review 28, H3 and H6: a renewal typed twice counts once, the copy
/// said; a renewal's reference « à compléter » is no reference and never
/// said imported as typed.
#[test]
fn a_renewal_typed_twice_counts_once() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Responsables de traitement']['AS2'] = \
         '2021-07-15, 6, délib A\\n2021-07-15, 6, délib A\\n2022-01-10, 6, à compléter'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Responsables de traitement, ligne 2, colonne AS");
    assert!(
        l.starts_with("non importé") && l.contains("la même reconduction"),
        "{l}"
    );
    let y = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let list = y["convention"]["renewals"].as_sequence().expect("renewals");
    assert_eq!(list.len(), 2, "{list:?}");
    assert!(list[1].get("reference").is_none(), "{list:?}");
}

/// Review 28, H4: text struck through — a whole cell (its font, its
/// style) or a run of it — is read as any other and said at its cell, in
/// XLSX and in ODS; a cell with no strike is not said.
#[test]
fn struck_through_text_is_said_in_xlsx_and_ods() {
    let ws = Workspace::missing();
    let xlsx = r##"
import sys, openpyxl
from openpyxl.styles import Font
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", "États-Unis : Microsoft", None])
ws["D2"] = CellRichText([TextBlock(InlineFont(strike=True), "Antivirus"), "\nChiffrement"])
ws["C2"].font = Font(strike=True)
ws.append(["Commune B", "RH", "aucun", "Pare-feu"])
wb.save(sys.argv[1])
"##;
    let ods = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TextProperties
from odf.table import Table, TableRow, TableCell
from odf.text import P, Span
doc = OpenDocumentSpreadsheet()
cell_style = Style(name="barre", family="table-cell")
cell_style.addElement(TextProperties(textlinethroughstyle="solid"))
run_style = Style(name="Tb", family="text")
run_style.addElement(TextProperties(textlinethroughstyle="solid"))
doc.automaticstyles.addElement(cell_style)
doc.automaticstyles.addElement(run_style)
t = Table(name="Registre")
def typed(v, style=None):
    c = TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
    c.addElement(P(text=v))
    return c
def row(cells):
    tr = TableRow()
    for c in cells:
        tr.addElement(c)
    t.addElement(tr)
row([typed(h) for h in ["Nom du responsable du traitement", "Catégories de traitements",
     "Transferts vers un pays tiers ou une organisation internationale",
     "Description générale des mesures de sécurité techniques et organisationnelles"]])
measures = TableCell(valuetype="string")
p = P()
p.addElement(Span(stylename=run_style, text="Antivirus"))
measures.addElement(p)
measures.addElement(P(text="Chiffrement"))
row([typed("Commune A"), typed("Paie"), typed("États-Unis : Microsoft", cell_style), measures])
row([typed("Commune B"), typed("RH"), typed("aucun"), typed("Pare-feu")])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"##;
    for (name, script) in [("barre.xlsx", xlsx), ("barre.ods", ods)] {
        let (r, into) = made_and_imported(&ws, name, script, &format!("nouveau-{name}"));
        let err = r.stderr();
        let l = one_line_at(&err, "Registre, ligne 2, colonne C");
        assert!(
            l.starts_with("signalé, importé")
                && l.contains(&q("États-Unis : Microsoft"))
                && l.contains("barré"),
            "{name}: {l}"
        );
        let l = one_line_at(&err, "Registre, ligne 2, colonne D");
        assert!(
            l.contains(&q("Antivirus")) && l.contains("barré"),
            "{name}: {l}"
        );
        assert!(
            !err.contains("Chiffrement » : ce texte est barré"),
            "{name}: {err}"
        );
        assert!(
            lines_at(&err, "Registre, ligne 3").is_empty(),
            "{name}: {err}"
        );
        let c = yaml(&into.join("controllers/commune-a.yaml"));
        assert_eq!(
            c["transfers"][0]["country"].as_str(),
            Some("États-Unis"),
            "{name}"
        );
    }
}

/// Review 28, H5: a link's target is no field's value: the cell's text is
/// read and the target said, in XLSX and ODS; a link that is the cell's
/// own text (an address the spreadsheet made a link of) is not said.
#[test]
fn a_link_s_target_is_said_unless_it_is_the_cell_s_text() {
    let ws = Workspace::missing();
    let headers = "\"Nom du responsable du traitement\", \"Catégories de traitements\", \
                   \"Délégué à la protection des données du responsable du traitement\", \
                   \"Description générale des mesures de sécurité techniques et organisationnelles\"";
    let xlsx = format!(
        "import sys, openpyxl\nwb = openpyxl.Workbook()\nws = wb.active\nws.title = 'Registre'\n\
         ws.append([{headers}])\n\
         ws.append(['Commune A', 'Paie', 'Marie DPO', 'Pare-feu'])\n\
         ws.append(['Commune B', 'RH', 'dpo@b.fr', 'Pare-feu'])\n\
         ws['C2'].hyperlink = 'mailto:marie@test.fr'\nws['C3'].hyperlink = 'mailto:dpo@b.fr'\n\
         wb.save(sys.argv[1])\n"
    );
    let ods = format!(
        "import sys\nfrom odf.opendocument import OpenDocumentSpreadsheet\n\
         from odf.table import Table, TableRow, TableCell\nfrom odf.text import P, A\n\
         doc = OpenDocumentSpreadsheet()\nt = Table(name='Registre')\n\
         def typed(v, href=None):\n    c = TableCell(valuetype='string')\n    p = P()\n    \
         p.addElement(A(href=href, text=v)) if href else p.addText(v)\n    c.addElement(p)\n    \
         return c\n\
         def row(cells):\n    tr = TableRow()\n    for c in cells:\n        tr.addElement(c)\n    \
         t.addElement(tr)\n\
         row([typed(h) for h in [{headers}]])\n\
         row([typed('Commune A'), typed('Paie'), typed('Marie DPO', 'mailto:marie@test.fr'), typed('Pare-feu')])\n\
         row([typed('Commune B'), typed('RH'), typed('dpo@b.fr', 'mailto:dpo@b.fr'), typed('Pare-feu')])\n\
         doc.spreadsheet.addElement(t)\ndoc.save(sys.argv[1])\n"
    );
    for (name, script) in [("lien.xlsx", xlsx), ("lien.ods", ods)] {
        let (r, _) = made_and_imported(&ws, name, &script, &format!("nouveau-{name}"));
        let err = r.stderr();
        let l = one_line_at(&err, "Registre, ligne 2, colonne C");
        assert!(
            l.starts_with("non importé") && l.contains(&q("mailto:marie@test.fr")),
            "{name}: {l}"
        );
        assert!(
            lines_at(&err, "Registre, ligne 3, colonne C")
                .iter()
                .all(|l| !l.contains("lien")),
            "{name}: {err}"
        );
    }
}

/// Review 25, N8: a column that is none of dpo's layout is said once by
/// its header and each of its values at its own cell.
#[test]
fn each_value_of_a_column_not_in_the_layout_is_said_at_its_cell() {
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "ws['X1'] = 'commentaires'\nws['X3'] = 'voir avec la DSI'\n",
        false,
    );
    let err = r.stderr();
    let head = one_line_at(&err, "Juvisy-sur-Orge, ligne 1, colonne X");
    assert!(head.contains(&q("commentaires")), "{head}");
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 3, colonne X");
    assert!(
        l.starts_with("non importé")
            && l.contains(&q("voir avec la DSI"))
            && l.contains(&q("commentaires")),
        "{l}"
    );
}

/// Review 29, I3–I5: a line that begins as a none but says more (« Aucune
/// mesure particulière », « Pas de données sensibles ») beside items is
/// left out, said, never an item; alone, « Pas de données personnelles »
/// is not read, said; a bulleted « - aucune » is a none line.
#[test]
fn a_none_phrase_beside_items_is_never_an_item() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune A', 'Paie', measures='Aucune mesure particulière\\nChiffrement', \
         data='Pas de données sensibles\\nnoms')\n\
         row('Commune A', 'RH', data='Pas de données personnelles')\n",
    );
    let err = r.stderr();
    for at in [
        "ligne 2, colonne J",
        "ligne 2, colonne G",
        "ligne 3, colonne G",
    ] {
        let l = one_line_at(&err, &format!("Registre, {at}"));
        assert!(l.starts_with("non importé"), "{at}: {l}");
    }
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!measures.contains("particulière"), "{measures}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        c["activities"][0]["data_categories"][0].as_str(),
        Some("noms")
    );
    assert_eq!(
        c["activities"][0]["data_categories"]
            .as_sequence()
            .map(Vec::len),
        Some(1)
    );
    assert!(c["activities"][1].get("data_categories").is_none(), "{c:?}");

    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['L3'] = '- aucune\\n- Sécurisation des serveurs'\n",
        false,
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 3, colonne L");
    assert!(l.contains("ne nomme aucun élément"), "{l}");
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        c["activities"][1]["security_measures"][0].as_str(),
        Some("securisation-serveurs")
    );
}

/// Review 29, I1 and I2: struck text is said even when another line of
/// its cell is refused; in ODS a strike from the column's default cell
/// style or the paragraph's style counts, in XLSX one from the column's
/// format.
#[test]
fn struck_text_is_said_beside_a_refused_line_and_from_inherited_styles() {
    let ws = Workspace::missing();
    let xlsx = r##"
import sys, openpyxl
from openpyxl.styles import Font
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", None, "Pare-feu"])
ws["C2"] = CellRichText([TextBlock(InlineFont(strike=True), "États-Unis : Microsoft"), "\nPays imaginaire : X"])
wb.save(sys.argv[1])
"##;
    let ods = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TextProperties
from odf.table import Table, TableColumn, TableRow, TableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
cell_style = Style(name="barre", family="table-cell")
cell_style.addElement(TextProperties(textlinethroughstyle="solid"))
par_style = Style(name="Pb", family="paragraph")
par_style.addElement(TextProperties(textlinethroughstyle="solid"))
doc.automaticstyles.addElement(cell_style)
doc.automaticstyles.addElement(par_style)
t = Table(name="Registre")
t.addElement(TableColumn(numbercolumnsrepeated=2))
t.addElement(TableColumn(defaultcellstylename=cell_style))
t.addElement(TableColumn())
def typed(v):
    c = TableCell(valuetype="string")
    c.addElement(P(text=v))
    return c
def row(cells):
    tr = TableRow()
    for c in cells:
        tr.addElement(c)
    t.addElement(tr)
row([typed(h) for h in ["Nom du responsable du traitement", "Catégories de traitements",
     "Transferts vers un pays tiers ou une organisation internationale",
     "Description générale des mesures de sécurité techniques et organisationnelles"]])
measures = TableCell(valuetype="string")
measures.addElement(P(stylename=par_style, text="Antivirus"))
row([typed("Commune A"), typed("Paie"), typed("États-Unis : Microsoft"), measures])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"##;
    let (r, _) = made_and_imported(&ws, "barre2.xlsx", xlsx, "nouveau-x");
    let err = r.stderr();
    let said = lines_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        said.iter()
            .any(|l| l.contains(&q("États-Unis : Microsoft")) && l.contains("barré")),
        "{err}"
    );
    let (r, _) = made_and_imported(&ws, "barre2.ods", ods, "nouveau-o");
    let err = r.stderr();
    for (at, v) in [
        ("colonne C", "États-Unis : Microsoft"),
        ("colonne D", "Antivirus"),
    ] {
        let l = one_line_at(&err, &format!("Registre, ligne 2, {at}"));
        assert!(l.contains(&q(v)) && l.contains("barré"), "{at}: {l}");
    }
}

/// Review 30, J1 and J2: an empty string earlier in an XLSX file (an
/// empty shared string, as openpyxl writes one) never shifts which text
/// is struck; « Pas encore de mesure », « Sans mesure particulière » beside
/// items are no measure.
#[test]
fn an_empty_string_never_shifts_the_struck_text_and_sans_or_pas_encore_are_no_item() {
    let ws = Workspace::missing();
    let xlsx = r##"
import sys, openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Catégories de données",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", "", None])
ws["D2"] = CellRichText([TextBlock(InlineFont(strike=True), "Antivirus"), "\nChiffrement"])
ws.append(["Commune A", "RH", None, "Pas encore de mesure\nPare-feu"])
ws.append(["Commune A", "GED", None, "Sans mesure particulière\nPare-feu"])
wb.save(sys.argv[1])
"##;
    let (r, into) = made_and_imported(&ws, "vide.xlsx", xlsx, "nouveau");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne D");
    assert!(l.contains(&q("Antivirus")) && l.contains("barré"), "{l}");
    for row in [3, 4] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne D"));
        assert!(l.starts_with("non importé"), "{l}");
    }
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(
        !measures.contains("encore") && !measures.contains("Sans"),
        "{measures}"
    );
}

/// Review 31, K1 and K2: a none word with signs around it (« (aucune) »,
/// « Aucun(e) ») is a none; one that says more (« Aucune: en cours »,
/// « Néant, à revoir »), « Non » and a word (« Non défini ») and the marks
/// « RAS », « NC », « Ø » are never a measure, each said; « Non-répudiation »
/// is one.
#[test]
fn a_none_word_with_signs_or_non_and_a_word_is_never_an_item() {
    let ws = Workspace::missing();
    let nones = ["(aucune)", "Aucun(e)"];
    let said = [
        "Aucune: en cours",
        "Néant, à revoir",
        "Sauvegarde\\n(aucune)",
        "Non défini",
        "Non renseigné",
        "RAS",
        "NC",
        "Ø",
        "Sauvegarde\\nNon définies pour l'instant",
    ];
    let mut rows = String::new();
    for (i, m) in nones.iter().chain(&said).enumerate() {
        rows.push_str(&format!("row('Commune A', 'Cat {i}', measures=\"{m}\")\n"));
    }
    rows.push_str("row('Commune A', 'Cat x', measures='Non-répudiation')\n");
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for i in 0..nones.len() + said.len() {
        let at = format!("Registre, ligne {}, colonne J", i + 2);
        if i < nones.len() {
            assert!(lines_at(&err, &at).is_empty(), "{at}: {err}");
        } else {
            let l = one_line_at(&err, &at);
            assert!(l.starts_with("non importé"), "{at}: {l}");
        }
    }
    assert!(
        lines_at(&err, "Registre, ligne 13, colonne J").is_empty(),
        "{err}"
    );
    let measures = yaml(&into.join("security-measures.yaml"));
    let mut titles: Vec<&str> = (measures["measures"].as_sequence().unwrap().iter())
        .filter_map(|m| m["title"].as_str())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Non-répudiation", "Sauvegarde"], "{measures:?}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    for i in 0..nones.len() {
        let m = &c["activities"][i]["security_measures"];
        assert_eq!(m.as_sequence().map(Vec::len), Some(0), "{i}: {m:?}");
    }
    assert!(c["activities"][5].get("security_measures").is_none());
}

/// Review 31, K3 and K4, and review 30, J3 to J5 (XLSX): a struck none
/// line left out is not said « importé »; struck inline text keeps its
/// « & »; a tab between two measures is said; a struck header is said
/// as such, and not at all when its whole column is struck (each value
/// is); a conditional format that strikes is said once, with its range.
#[test]
fn struck_none_lines_entities_tabs_headers_and_rules_are_said_right_in_xlsx() {
    let ws = Workspace::missing();
    let xlsx = r##"
import sys, openpyxl
from openpyxl.styles import Font
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.formatting.rule import Rule
S = InlineFont(strike=True)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", "aucun", None])
ws["D2"] = CellRichText([TextBlock(S, "Néant"), "\nChiffrement"])
ws.append(["Commune A", "RH", "aucun", None])
ws["D3"] = CellRichText(["Sauvegarde\n", TextBlock(S, "Chiffrement & hachage")])
ws.append(["Commune A", "GED", "aucun", "Antivirus\tPare-feu"])
for r in range(1, 5):
    ws.cell(row=r, column=3).font = Font(strike=True)
ws["D1"].font = Font(strike=True)
ws.conditional_formatting.add("B2:B4", Rule(type="expression",
    dxf=DifferentialStyle(font=Font(strike=True)), formula=["TRUE"]))
wb.save(sys.argv[1])
"##;
    let (r, into) = made_and_imported(&ws, "barre3.xlsx", xlsx, "nouveau");
    let err = r.stderr();
    // K3: « Néant » left out, said once, never « importé ».
    let l = one_line_at(&err, "Registre, ligne 2, colonne D");
    assert!(
        l.starts_with("non importé") && l.contains(&q("Néant")),
        "{l}"
    );
    // K4: the « & » kept in the quote.
    let l = one_line_at(&err, "Registre, ligne 3, colonne D");
    assert!(
        l.contains(&q("Chiffrement & hachage")) && l.contains("barré"),
        "{l}"
    );
    // J3: a tab between two measures.
    let l = one_line_at(&err, "Registre, ligne 4, colonne D");
    assert!(l.contains("tabulation"), "{l}");
    // J5: the struck column's header unsaid, each value said; a header
    // struck alone said as one.
    assert!(
        lines_at(&err, "Registre, ligne 1, colonne C").is_empty(),
        "{err}"
    );
    assert_eq!(
        lines_at(&err, "Registre, ligne 2, colonne C").len(),
        1,
        "{err}"
    );
    let l = one_line_at(&err, "Registre, ligne 1, colonne D");
    assert!(
        l.starts_with("signalé\u{202f}:") && l.contains("en-tête"),
        "{l}"
    );
    // J4: the rule, once, at its first cell.
    let l = one_line_at(&err, "Registre, ligne 2, colonne B");
    assert!(
        l.starts_with("signalé, importé") && l.contains("B2:B4") && l.contains("3 cellules"),
        "{l}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne B").is_empty(),
        "{err}"
    );
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        c["activities"][0]["security_measures"][0].as_str(),
        Some("chiffrement")
    );
    assert_eq!(
        c["activities"][0]["security_measures"]
            .as_sequence()
            .map(Vec::len),
        Some(1)
    );
}

/// Review 30, J3 and J4 (ODS): a `<text:tab/>` between two measures is a
/// tab, said; a cell style mapping a condition to a struck style is said
/// as a rule, once for the cells under one another, and so is
/// LibreOffice's own conditional format.
#[test]
fn a_tab_and_a_conditional_strike_are_said_in_ods() {
    let ws = Workspace::missing();
    let ods = r##"
import sys
from odf import teletype
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TextProperties, Map
from odf.table import Table, TableColumn, TableRow, TableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
barre = Style(name="Barre", family="table-cell")
barre.addElement(TextProperties(textlinethroughstyle="solid"))
doc.styles.addElement(barre)
rule = Style(name="ce1", family="table-cell")
rule.addElement(Map(condition='cell-content()="Paie"', applystylename="Barre",
                    basecelladdress="Registre.B2"))
doc.automaticstyles.addElement(rule)
t = Table(name="Registre")
t.addElement(TableColumn(numbercolumnsrepeated=3))
def typed(v, style=None):
    c = TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
    p = P()
    teletype.addTextToElement(p, v)
    c.addElement(p)
    return c
def row(cells):
    tr = TableRow()
    for c in cells:
        tr.addElement(c)
    t.addElement(tr)
row([typed(h) for h in ["Nom du responsable du traitement", "Catégories de traitements",
     "Description générale des mesures de sécurité techniques et organisationnelles"]])
row([typed("Commune A"), typed("Paie", rule), typed("Antivirus\tPare-feu")])
row([typed("Commune A"), typed("RH", rule), typed("Pare-feu")])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
# LibreOffice's own conditional format (calcext), on the names.
import zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    parts = [(i, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for i, data in parts:
        if i.filename == "content.xml":
            data = data.decode().replace("<office:document-content ",
                '<office:document-content xmlns:calcext="urn:org:documentfoundation:names:'
                'experimental:calc:xmlns:calcext:1.0" ', 1).replace("</table:table>",
                '<calcext:conditional-formats><calcext:conditional-format '
                'calcext:target-range-address="Registre.A2:Registre.$A$3">'
                '<calcext:condition calcext:apply-style-name="Barre" calcext:value="=1" '
                'calcext:base-cell-address="Registre.A2"/></calcext:conditional-format>'
                '</calcext:conditional-formats></table:table>').encode()
        z.writestr(i, data)
"##;
    let (r, _) = made_and_imported(&ws, "regle.ods", ods, "nouveau");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(l.contains("tabulation"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 2, colonne B");
    assert!(
        l.starts_with("signalé, importé") && l.contains("B2:B3") && l.contains("2 cellules"),
        "{l}"
    );
    assert!(
        lines_at(&err, "Registre, ligne 3, colonne B").is_empty(),
        "{err}"
    );
    let l = one_line_at(&err, "Registre, ligne 2, colonne A");
    assert!(l.contains("A2:A3") && l.contains("2 cellules"), "{l}");
}

/// Review 32, L1 to L5: « N.C. », « N/C », « R.A.S. » are never an item,
/// « Aucun·e » is a none, « En cours » a value still to give; a tab
/// between two transfers, a tab or a run of spaces between two categories
/// of data or two measures, and a date or a time where a text is
/// expected are said, the time with no day of 1899.
#[test]
fn dotted_marks_states_tabs_and_dates_in_text_are_said() {
    let ws = Workspace::missing();
    let rows = "row('Commune A', 'Cat 0', measures='N.C.')\n\
         row('Commune A', 'Cat 1', measures='N/C')\n\
         row('Commune A', 'Cat 2', measures='Sauvegarde\\nR.A.S.')\n\
         row('Commune A', 'Cat 3', measures='Aucun·e')\n\
         row('Commune A', 'Cat 4', measures='En cours')\n\
         row('Commune B', 'Cat 5', transfers='Maroc : A\\tTunisie : B')\n\
         row('Commune A', 'Cat 6', data='courriels\\tannuaire', measures='Chiffrement    Sauvegarde')\n\
         row('Commune A', 'Cat 7', data=datetime.time(9, 0), measures=datetime.date(2022, 1, 1))\n";
    let (r, into) = apd(&ws, rows);
    let err = r.stderr();
    for row in [2, 3, 4] {
        let l = one_line_at(&err, &format!("Registre, ligne {row}, colonne J"));
        assert!(l.starts_with("non importé"), "{row}: {l}");
    }
    let l = one_line_at(&err, "Registre, ligne 7, colonne H");
    assert!(
        l.starts_with("signalé, importé") && l.contains("⇥ (tabulation)"),
        "{l}"
    );
    let l = one_line_at(&err, "Registre, ligne 8, colonne G");
    assert!(l.contains("une seule valeur est importée"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 8, colonne J");
    assert!(l.contains("plusieurs espaces"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 9, colonne G");
    assert!(
        l.starts_with("signalé, importé") && l.contains(&q("09:00:00")),
        "{l}"
    );
    let l = one_line_at(&err, "Registre, ligne 9, colonne J");
    assert!(l.contains(&q("2022-01-01")), "{l}");
    let c = yaml(&into.join("controllers/commune-a.yaml"));
    let a = |n: usize| &c["activities"][n];
    assert_eq!(
        a(2)["security_measures"].as_sequence().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        a(3)["security_measures"].as_sequence().map(Vec::len),
        Some(0)
    );
    for n in [0, 1, 4] {
        assert!(a(n).get("security_measures").is_none(), "{n}: {:?}", a(n));
    }
    assert_eq!(a(6)["data_categories"][0].as_str(), Some("09:00:00"));
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    for v in ["N.C", "N/C", "R.A.S", "En cours", "Aucun"] {
        assert!(!measures.contains(v), "{v}: {measures}");
    }
}

/// Review 33, M1, M3, M5 in dpo's own layout: « (aucune) », « Aucun(e) »
/// alone are none; a category of data that looks like two, and a second
/// `country: recipient` after a tab in the recipient, are said; a number
/// shown through a format where a text is expected is said.
#[test]
fn own_layout_none_signs_joined_values_and_formatted_numbers_are_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J3'] = '(aucune)'\n\
         ws['I3'] = 'Aucun(e)'\n\
         ws['J4'] = 'noms; prénoms'\n\
         for r in range(2, ws.max_row + 1):\n    \
             ws.cell(r, 13).value = 'Maroc'\n    \
             ws.cell(r, 14).value = 'A\\tTunisie : B'\n    \
             ws.cell(r, 17).value = 'CCT'\n\
         st = wb['Sous-traitant']\n\
         st['B6'] = 1234\n\
         st['B6'].number_format = '00000'\n",
        false,
    );
    let err = r.stderr();
    for at in ["ligne 3, colonne J", "ligne 3, colonne I"] {
        assert!(
            lines_at(&err, &format!("Juvisy-sur-Orge, {at}")).is_empty(),
            "{at}: {err}"
        );
    }
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 4, colonne J");
    assert!(l.contains("une seule valeur est importée"), "{l}");
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 2, colonne N");
    assert!(l.contains("⇥ (tabulation)"), "{l}");
    let l = one_line_at(&err, "Sous-traitant, ligne 6, colonne B");
    assert!(
        l.starts_with("signalé, importé") && l.contains(&q("00000")) && l.contains(&q("1234")),
        "{l}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    for key in ["data_categories", "systems"] {
        let v = &c["activities"][1][key];
        assert_eq!(v.as_sequence().map(Vec::len), Some(0), "{key}: {v:?}");
    }
}

/// Review 33, M4 to M6 in the authority's layout: no-break spaces between
/// two measures are said; a line « En attente » beside items is said as a
/// value still to give; a number shown through a format (XLSX) or as
/// another text (ODS) where a text is expected is said.
#[test]
fn authority_spaces_states_and_formatted_numbers_are_said() {
    let ws = Workspace::missing();
    let (r, _) = apd(
        &ws,
        "row('Commune A', 'Paie', measures='Chiffrement\\u00a0\\u00a0\\u00a0Sauvegarde')\n\
         row('Commune A', 'RH', measures='Chiffrement\\nEn attente')\n\
         ws['B2'] = 1234\n\
         ws['B2'].number_format = '00000'\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne J");
    assert!(l.contains("plusieurs espaces"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 3, colonne J");
    assert!(l.contains("une valeur encore à donner"), "{l}");
    let l = one_line_at(&err, "Registre, ligne 2, colonne B");
    assert!(l.contains(&q("00000")), "{l}");

    let ods = r##"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre")
def cell(v, **kw):
    c = TableCell(**kw)
    c.addElement(P(text=v))
    return c
def row(cells):
    tr = TableRow()
    for c in cells:
        tr.addElement(c)
    t.addElement(tr)
row([cell(h, valuetype="string") for h in ["Nom du responsable du traitement",
     "Catégories de traitements", "Coordonnées du responsable du traitement"]])
row([cell("Commune A", valuetype="string"), cell("Paie", valuetype="string"),
     cell("50 %", valuetype="percentage", value="0.5")])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"##;
    let (r, _) = made_and_imported(&ws, "pourcent.ods", ods, "nouveau-o");
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(l.contains(&q("50 %")) && l.contains(&q("0.5")), "{l}");
}

/// Review 34, N1 to N5: three spaces between two transfers are said (both
/// layouts); a currency format Excel does not spell out, a format holding
/// « General », and a term shown « 3 ans » are said; a system that looks
/// like two is said; a control character between two measures is taken
/// out, said.
#[test]
fn spaces_between_transfers_formats_terms_systems_and_controls_are_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune A', 'Paie', transfers='Maroc : A\\u00a0\\u00a0\\u00a0Tunisie : B')\n\
         row('Commune B', 'Paie', measures='Chiffrement_x001F_Sauvegarde')\n\
         ws['B2'] = 12\n\
         ws['B2'].number_format = '\"Bâtiment \"General'\n\
         ws['B3'] = 5\n\
         ws['B3'].number_format = openpyxl.styles.numbers.BUILTIN_FORMATS[7]\n\
         ws['M2'] = 3\n\
         ws['M2'].number_format = '0\" ans\"'\n\
         row('Commune C', 'Paie')\n\
         ws['M4'] = 2.5\n\
         ws['M4'].number_format = '0.0\" ans\"'\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(l.contains("␣␣␣ (plusieurs espaces)"), "{l}");
    for at in [
        "ligne 2, colonne B",
        "ligne 3, colonne B",
        "ligne 2, colonne M",
    ] {
        let said = lines_at(&err, &format!("Registre, {at}"));
        assert!(
            said.iter()
                .any(|l| l.contains("ce nombre est affiché selon le format")),
            "{at}: {err}"
        );
    }
    let l = one_line_at(&err, "Registre, ligne 3, colonne J");
    assert!(l.contains("ne se voit pas"), "{l}");
    // A term refused is not also said imported.
    let l = one_line_at(&err, "Registre, ligne 4, colonne M");
    assert!(l.starts_with("non importé"), "{l}");
    let m = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!m.contains('\u{1f}'), "{m}");

    let ws = Workspace::sample();
    let (r, _) = edited_export(&ws, "ws['I3'] = 'Outlook; Teams'\n", false);
    let err = r.stderr();
    let l = one_line_at(&err, "Juvisy-sur-Orge, ligne 3, colonne I");
    assert!(l.contains("une seule valeur est importée"), "{l}");
}
