//! Integration tests of issue 14, part f14d: the last defects of the third
//! review of `dpo import` (review 14c, E and F), on the real binary with
//! files made or edited by `openpyxl`. In the authority's layout, transfers
//! dropped for an « aucun » elsewhere have their safeguards said too, no
//! line says « importé » of what is not imported, and an « aucun » on a row
//! rejected as a category given twice cancels nothing. In dpo's layout, an
//! address changed where the message says to change it leaves at most one
//! line about its stale copies, never « non importé »; a measure whose
//! title was cleared keeps the categories' references to it, or each is
//! said with what to do.

use std::path::Path;

use crate::sheets_import::{dpo_in, edited_export, lines_at, openpyxl, strs, yaml, Import};
use crate::support::Workspace;

/// The reports of `err`, one each, a value's line breaks kept inside.
fn reports(err: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in err.lines() {
        let starts = [
            "non importé",
            "signalé",
            "erreur",
            "  conseil",
            "not imported",
            "noted",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        match out.last_mut() {
            Some(last) if !starts => {
                last.push('\n');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

#[test]
fn an_aucun_contradiction_says_each_transfer_and_safeguard_and_only_imported_values_say_imported() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Garanties appropriées"])
ws.append(["Commune A", "Paie", "aucun", None])
ws.append(["Commune A", "Voirie", "Canada : Éditeur\nSuisse : Hébergeur", "CCT\nBCR"])
ws.append(["Commune B", "Paie", "Canada : Éditeur", "a\nb\nc"])
ws.append(["Commune B", "paie", "aucun", None])
ws.append(["Commune C", "Voirie", "Japon : Z", "x\ny\nz"])
ws.append(["Commune C", "Paie", "néant", None])
"#,
    );
    let map = ws.path("correspondance.yaml");
    std::fs::write(&map, "columns:\n  Inexistant: description\n").unwrap();
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_no_panic();
    r.assert_code(1);
    let err = r.stderr();
    let said = reports(&err);
    let one = |at: &str| {
        let l: Vec<&String> = said
            .iter()
            .filter(|l| l.contains(&format!("Registre, ligne {at}\u{202f}:")))
            .collect();
        assert_eq!(l.len(), 1, "{at}: {err}");
        l[0].clone()
    };
    // Commune A: both transfer cells and the safeguards, each said.
    assert!(
        one("2, colonne C").contains("contredit la ligne 3"),
        "{err}"
    );
    assert!(
        one("3, colonne C").contains("contredit la ligne 2"),
        "{err}"
    );
    let d3 = one("3, colonne D");
    assert!(d3.starts_with("non importé") && d3.contains("CCT"), "{err}");
    assert!(d3.contains("ni les transferts ni leurs garanties"), "{err}");
    // Commune C: three safeguard lines for a transfer dropped: not
    // « importé ».
    let d6 = one("6, colonne D");
    assert!(d6.starts_with("non importé"), "{d6}");
    assert!(!d6.contains("importée pour"), "{d6}");
    // Commune B: its « aucun » is on a row given twice: said there, and
    // the transfer of row 4 is kept; its three lines, one transfer.
    assert!(
        one("5, colonne C").contains("déjà donnée à la ligne 4"),
        "{err}"
    );
    let d4 = one("4, colonne D");
    assert!(d4.starts_with("signalé, importé"), "{d4}");
    assert!(
        d4.contains("3 lignes de garanties pour un transfert\u{202f}; la cellule entière est importée pour ce transfert"),
        "{d4}"
    );
    assert!(!err.contains("1 transferts"), "{err}");
    // The mapped header that is absent: said, neither imported nor lost.
    let absent = one("1");
    assert!(absent.starts_with("signalé\u{202f}:"), "{absent}");
    assert!(absent.contains("«\u{202f}Inexistant\u{202f}»"), "{absent}");
    // Only row 4's safeguards are imported and said.
    assert_eq!(err.matches("signalé, importé").count(), 1, "{err}");
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a.get("transfers").is_none(), "{a:?}");
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["transfers"][0]["country"].as_str(),
        Some("Canada"),
        "{b:?}"
    );
    assert_eq!(
        b["transfers"][0]["safeguards"].as_str(),
        Some("a\nb\nc"),
        "{b:?}"
    );
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert!(c.get("transfers").is_none(), "{c:?}");
    // The English run says it in English, with the plural right.
    let en_into = ws.path("en");
    let r = dpo_in(&ws).english().import(&xlsx, &en_into, Some(&map));
    let err = r.stderr();
    assert!(
        err.contains(
            "3 lines of safeguards for one transfer; the whole cell is imported for that transfer"
        ),
        "{err}"
    );
    assert!(err.contains("noted: "), "{err}");
}

#[test]
fn an_address_changed_on_the_controllers_sheet_is_imported_without_a_not_imported_line() {
    let ws = Workspace::sample();
    // The address column of « Responsables de traitement » (where the
    // import's message says to change it).
    let (r, into) = edited_export(
        &ws,
        "rt = wb['Responsables de traitement']\n\
         col = [c.column for c in rt[1] if c.value == 'adresse'][0]\n\
         rt.cell(row=2, column=col).value = 'RADDR-X2'\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("non importé"), "{err}");
    // At most one line about the stale copies of column C, as a fact.
    let copies = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne");
    assert_eq!(copies.len(), 1, "{err}");
    assert!(copies[0].starts_with("signalé\u{202f}:"), "{err}");
    assert!(copies[0].contains("colonne C"), "{err}");
    assert!(copies[0].contains("les 8 lignes"), "{err}");
    assert!(copies[0].contains("«\u{202f}RADDR-X2\u{202f}»"), "{err}");
    // Nothing lost: exit 0; the value is in the controller's file.
    r.assert_code(0);
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(c["address"].as_str(), Some("RADDR-X2"), "{c:?}");
}

/// The sample's XLSX export with the titles `titles` of « Mesures de
/// sécurité » cleared and `edit` (Python, `ws` the controller's sheet).
fn cleared_titles(ws: &Workspace, titles: &[&str], edit: &str) -> (crate::support::Run, String) {
    let list = titles
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let (r, into) = edited_export(
        ws,
        &format!(
            "ms = wb['Mesures de sécurité']\n\
             for row in ms.iter_rows():\n    \
                 for c in row:\n        \
                     if c.value in [{list}]:\n            \
                         c.value = None\n\
             {edit}\n"
        ),
        false,
    );
    r.assert_no_panic();
    let file = into.join("controllers/juvisy-sur-orge.yaml");
    (r, std::fs::read_to_string(file).unwrap())
}

#[test]
fn a_cleared_measure_title_keeps_the_categories_references_or_says_what_to_do() {
    let ws = Workspace::sample();
    // One title cleared: the names found nowhere are that measure's.
    let (r, ctrl) = cleared_titles(&ws, &["Sécurisation des serveurs"], "");
    let err = r.stderr();
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("«\u{202f}Sécurisation des serveurs\u{202f}»"))
        .collect();
    // Six categories name it; each reference is kept and said.
    assert_eq!(said.len(), 6, "{err}");
    for l in &said {
        assert!(l.starts_with("signalé, importé"), "{l}");
        assert!(l.contains("«\u{202f}securisation-serveurs\u{202f}»"), "{l}");
        assert!(l.contains("redonnez-lui son nom"), "{l}");
    }
    let v: serde_yaml::Value = serde_yaml::from_str(&ctrl).unwrap();
    let refs = v["activities"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|a| {
            a["security_measures"].as_sequence().is_some_and(|m| {
                m.iter()
                    .any(|x| x.as_str() == Some("securisation-serveurs"))
            })
        })
        .count();
    assert_eq!(refs, 6, "{ctrl}");
    // Two cleared: which is which is not known; each reference said with
    // what to do, and an id written in place of the name is taken.
    let ws = Workspace::sample();
    let (r, ctrl) = cleared_titles(
        &ws,
        &["Sécurisation des serveurs", "Charte du numérique"],
        "ws['L2'] = ws['L2'].value.replace('Sécurisation des serveurs', 'securisation-serveurs')",
    );
    r.assert_code(1);
    let err = r.stderr();
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("plusieurs enregistrements ont un nom vide"))
        .collect();
    // Five rows name the first (row 2 now by its id), three the second.
    assert_eq!(said.len(), 8, "{err}");
    for l in &said {
        assert!(l.starts_with("non importé"), "{l}");
        assert!(
            l.contains("(securisation-serveurs, charte-numerique)")
                || l.contains("(charte-numerique, securisation-serveurs)"),
            "{l}"
        );
        assert!(l.contains("écrivez ici son identifiant"), "{l}");
    }
    assert!(
        lines_at(&err, "Juvisy-sur-Orge, ligne 2, colonne L").is_empty(),
        "{err}"
    );
    let v: serde_yaml::Value = serde_yaml::from_str(&ctrl).unwrap();
    assert_eq!(
        v["activities"][0]["security_measures"][0].as_str(),
        Some("securisation-serveurs"),
        "{ctrl}"
    );
}

// Part f14e: the fourth review's silent drops (review 14d, defects 1–5).

fn controller(into: &Path) -> serde_yaml::Value {
    yaml(&into.join("controllers/juvisy-sur-orge.yaml"))
}

#[test]
fn a_confirm_mark_moved_up_by_an_added_line_is_kept_and_the_added_item_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "assert '(à confirmer)' in ws['J2'].value and '(à confirmer)' in ws['K2'].value\n\
         ws['J2'] = ws['J2'].value + '\\nnoms des agents'\n\
         ws['K2'] = ws['K2'].value + '\\nSIIM94'\n",
        false,
    );
    let err = r.stderr();
    let a = &controller(&into)["activities"][0];
    let confirm = strs(&a["to_confirm"]);
    assert!(confirm.contains(&"data_categories".to_string()), "{a:?}");
    assert!(confirm.contains(&"subprocessors".to_string()), "{a:?}");
    let data = strs(&a["data_categories"]);
    assert_eq!(data.len(), 2, "{data:?}");
    assert!(data.iter().all(|d| !d.contains("confirmer")), "{data:?}");
    assert_eq!(data[1], "noms des agents");
    // The marked sub-processor is kept; the added name, which is none
    // of the sheet's, is said at its cell; the mark is not lost.
    let sps = strs(&a["subprocessors"]);
    assert_eq!(sps, ["siim94", "partenaires-regie"], "{a:?}");
    let k2 = lines_at(&err, "Juvisy-sur-Orge, ligne 2, colonne K");
    assert_eq!(k2.len(), 1, "{err}");
    assert!(
        k2[0].starts_with("non importé") && k2[0].contains("SIIM94"),
        "{err}"
    );
    assert!(lines_at(&err, "ligne 2, colonne J").is_empty(), "{err}");
    r.assert_code(1);
}

#[test]
fn a_header_given_twice_has_its_second_column_said_and_the_first_kept() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['V1'] = 'description'\nws['V3'] = 'DUPDESC'\n\
         ms = wb['Mesures de sécurité']\nms['I1'] = 'intitulé'\nms['I4'] = 'DUPTITLE'\n\
         ms['J1'] = 'intitulé'\n",
        false,
    );
    let err = r.stderr();
    let v3 = lines_at(&err, "Juvisy-sur-Orge, ligne 3, colonne V");
    assert_eq!(v3.len(), 1, "{err}");
    assert!(v3[0].starts_with("non importé"), "{err}");
    assert!(v3[0].contains("«\u{202f}DUPDESC\u{202f}»"), "{err}");
    assert!(
        v3[0].contains("donne déjà le champ de cette colonne-ci, «\u{202f}description\u{202f}»"),
        "{err}"
    );
    let i4 = lines_at(&err, "Mesures de sécurité, ligne 4, colonne I");
    assert_eq!(i4.len(), 1, "{err}");
    assert!(i4[0].contains("DUPTITLE"), "{err}");
    // An empty column under a header given twice: said, as a fact.
    let j1 = lines_at(&err, "Mesures de sécurité, ligne 1, colonne J");
    assert_eq!(j1.len(), 1, "{err}");
    assert!(j1[0].starts_with("signalé\u{202f}:"), "{err}");
    r.assert_code(1);
    let all = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap()
        + &std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(
        !all.contains("DUPDESC") && !all.contains("DUPTITLE"),
        "{all}"
    );
}

#[test]
fn a_copied_controller_sheet_adds_no_category_twice_and_says_each_row() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb.copy_worksheet(ws)\nc.title = 'Copie Juvisy'\nc['H4'] = 'COPYDESC-N27'\n\
         c['F9'] = 'nouvelle-categorie'\nc['G9'] = 'Nouvelle catégorie'\n",
        false,
    );
    let err = r.stderr();
    for row in 2..=8 {
        let at = lines_at(&err, &format!("Copie Juvisy, ligne {row}, colonne F"));
        assert_eq!(at.len(), 1, "{row}: {err}");
        assert!(at[0].starts_with("non importé"), "{err}");
        assert!(
            at[0].contains("la feuille «\u{202f}Commune de Juvisy-sur-Orge\u{202f}» donne déjà"),
            "{err}"
        );
    }
    r.assert_code(1);
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(!text.contains("COPYDESC-N27"), "{text}");
    // A category of the copy that the first sheet lacks is added.
    let ids: Vec<String> = controller(&into)["activities"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str().map(String::from))
        .collect();
    assert_eq!(ids.len(), 9, "{ids:?}");
    assert_eq!(ids[8], "nouvelle-categorie", "{ids:?}");
}

#[test]
fn a_category_row_with_id_and_name_cleared_gets_an_id_said_at_its_cell() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, "ws['F4'] = None\nws['G4'] = None\n", false);
    let err = r.stderr();
    let f4 = lines_at(&err, "Juvisy-sur-Orge, ligne 4, colonne F");
    assert_eq!(f4.len(), 1, "{err}");
    assert!(f4[0].starts_with("signalé, importé"), "{err}");
    assert!(f4[0].contains("«\u{202f}categorie-4\u{202f}»"), "{err}");
    assert_eq!(
        controller(&into)["activities"][2]["id"].as_str(),
        Some("categorie-4")
    );
    // In English, the same in English.
    let ws = Workspace::sample();
    let (r, _) = edited_export(&ws, "ws['F4'] = None\nws['G4'] = None\n", true);
    assert!(r.stderr().contains("“category-4”"), "{}", r.stderr());
}

#[test]
fn the_empty_cells_of_an_added_category_row_are_no_value() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "for col in 'AB':\n    ws[col + '10'] = ws[col + '2'].value\n\
         ws['F10'] = 'visio'\nws['G10'] = 'Visioconférence'\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("non importé"), "{err}");
    // Its lists left blank stay unknown (review 27, G1): nothing to say.
    assert!(lines_at(&err, "ligne 10").len() <= 1, "{err}");
    let ids: Vec<String> = controller(&into)["activities"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str().map(String::from))
        .collect();
    assert!(ids.contains(&"visio".to_string()), "{ids:?}");
    let visio = &controller(&into)["activities"][8];
    for field in [
        "systems",
        "data_categories",
        "subprocessors",
        "security_measures",
    ] {
        assert!(visio.get(field).is_none(), "{field}: {visio:?}");
    }
    r.assert_code(0);
}

#[test]
fn in_the_authority_layout_a_field_given_by_two_columns_has_the_second_said() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Garanties appropriées", "Garanties appropriées", "Organisme"])
ws.append(["Commune A", "Paie", "Canada : Éditeur", "CCT", "BCR-N24", "Commune B"])
"#,
    );
    let map = ws.path("correspondance.yaml");
    std::fs::write(&map, "columns:\n  Organisme: controller\n").unwrap();
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, Some(&map));
    r.assert_no_panic();
    let err = r.stderr();
    let e2 = lines_at(&err, "Registre, ligne 2, colonne E");
    assert_eq!(e2.len(), 1, "{err}");
    assert!(e2[0].starts_with("non importé"), "{err}");
    assert!(
        e2[0].contains("BCR-N24") && e2[0].contains("la colonne D donne déjà"),
        "{err}"
    );
    let f2 = lines_at(&err, "Registre, ligne 2, colonne F");
    assert_eq!(f2.len(), 1, "{err}");
    assert!(f2[0].contains("«\u{202f}Commune B\u{202f}»"), "{err}");
    assert!(f2[0].contains("la colonne A donne déjà"), "{err}");
    assert!(f2[0].contains("«\u{202f}Organisme\u{202f}»"), "{err}");
    r.assert_code(1);
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        a["transfers"][0]["safeguards"].as_str(),
        Some("CCT"),
        "{a:?}"
    );
    assert!(!into.join("controllers/commune-b.yaml").exists());
}

#[test]
fn a_time_in_a_date_cell_and_a_phone_typed_as_a_number_are_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "import datetime\n\
         rt = wb['Responsables de traitement']\n\
         col = [c.column for c in rt[2] if isinstance(c.value, datetime.date)][0]\n\
         rt.cell(row=2, column=col).value = datetime.datetime(2021, 2, 1, 14, 30)\n\
         st = wb['Sous-traitant']\n\
         row = [c.row for c in st['C'] if c.value == 'dpo.phone'][0]\n\
         st.cell(row=row, column=2).value = 163124412\n\
         open(sys.argv[1] + '.at', 'w').write(f'{col} {row}')\n",
        false,
    );
    let at = std::fs::read_to_string(ws.path("modifie.xlsx.at")).unwrap();
    let (col, row) = at.split_once(' ').unwrap();
    let letters = |n: usize| {
        let (mut n, mut s) = (n, String::new());
        while n > 0 {
            s.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
            n = (n - 1) / 26;
        }
        s
    };
    let err = r.stderr();
    let time = lines_at(
        &err,
        &format!(
            "Responsables de traitement, ligne 2, colonne {}",
            letters(col.parse().unwrap())
        ),
    );
    assert_eq!(time.len(), 1, "{err}");
    assert!(time[0].starts_with("signalé, importé"), "{err}");
    assert!(time[0].contains("l'heure n'est pas gardée"), "{err}");
    let phone = lines_at(&err, &format!("Sous-traitant, ligne {row}, colonne B"));
    assert_eq!(phone.len(), 1, "{err}");
    assert!(phone[0].starts_with("signalé, importé"), "{err}");
    assert!(phone[0].contains("«\u{202f}163124412\u{202f}»"), "{err}");
    assert!(phone[0].contains("0 initial"), "{err}");
    let p = yaml(&into.join("processor.yaml"));
    assert_eq!(p["dpo"]["phone"].as_str(), Some("163124412"), "{p:?}");
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(text.contains("2021-02-01"), "{text}");
}

/// Review 14e, defect 1: a transfer left out (its instruction is not in the
/// controller's file) never makes the transfers « aucun »: when every
/// transfer is left out, the field stays absent (« à compléter »), said.
#[test]
fn transfers_all_left_out_for_their_instruction_stay_to_be_completed_never_none() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['M2'] = 'États-Unis'\nws['N2'] = 'Microsoft'\nws['R2'] = '2021-INS-004'\n\
         for i in range(3, 10):\n    ws.cell(row=i, column=13).value = None\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let said = reports(&err);
    let refused: Vec<&String> = said
        .iter()
        .filter(|l| l.contains("ligne 2, colonne R"))
        .collect();
    assert_eq!(refused.len(), 1, "{err}");
    assert!(refused[0].starts_with("non importé"), "{err}");
    let left: Vec<&String> = said
        .iter()
        .filter(|l| l.contains("ligne 2, colonne M"))
        .collect();
    assert_eq!(left.len(), 1, "{err}");
    assert!(left[0].starts_with("signalé\u{202f}:"), "{err}");
    assert!(
        left[0].contains("restent «\u{202f}à compléter\u{202f}», et non «\u{202f}aucun\u{202f}»"),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(c.get("transfers").is_none(), "{c:?}");
}

/// Review 14e, defect 2: transfers filled on row 2, where they are kept:
/// the other rows' « à compléter » are one `signalé :` line, exit 0.
#[test]
fn transfers_filled_on_the_first_row_make_the_placeholder_copies_one_noted_line() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['M2'] = 'États-Unis\\nInde'\nws['N2'] = 'Microsoft Ireland\\nInfosys'\n\
         ws['O2'] = 'messagerie\\npaie'\nws['P2'] = 'contrat\\ncontrat'\n\
         ws['Q2'] = 'CCT 2021/914\\nCCT 2021/914'\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("non importé"), "{err}");
    assert!(!err.contains("«\u{202f}«"), "{err}");
    let copies = lines_at(&err, "colonne M");
    assert_eq!(copies.len(), 1, "{err}");
    assert!(copies[0].starts_with("signalé\u{202f}:"), "{err}");
    assert!(copies[0].contains("ligne 3, colonne M"), "{err}");
    assert!(copies[0].contains("7 lignes"), "{err}");
    assert!(copies[0].contains("ligne 2, qui sont retenus"), "{err}");
    r.assert_code(0);
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let t = c["transfers"].as_sequence().expect("transfers");
    assert_eq!(t.len(), 2, "{c:?}");
    assert_eq!(t[1]["recipient"].as_str(), Some("Infosys"), "{c:?}");
}

/// Review 14e, defect 3: a renewal's date typed `jj/mm/aaaa` (as the date
/// cells take it) is imported; a value that is no date is said so, and
/// that renewal is left out whole, never half-imported.
#[test]
fn a_renewal_date_typed_in_french_is_imported_and_one_that_is_no_date_is_left_out_whole() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "rt = wb['Responsables de traitement']\n\
         col = [c.column for c in rt[1] if c.value == 'renouvellements (date, mois, référence)'][0]\n\
         rt.cell(row=2, column=col).value = '01/08/2021, 6, avenant n°1\\n31/02/2022, 3, avenant n°2'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let all = reports(&err);
    let said: Vec<&String> = all
        .iter()
        .filter(|l| l.contains("Responsables de traitement, ligne 2"))
        .collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].starts_with("non importé"), "{err}");
    assert!(
        said[0].contains("«\u{202f}31/02/2022\u{202f}» n'est pas une date"),
        "{err}"
    );
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let list = c["convention"]["renewals"].as_sequence().expect("renewals");
    assert_eq!(list.len(), 1, "{c:?}");
    assert_eq!(list[0]["decided_on"].as_str(), Some("2021-08-01"), "{c:?}");
    assert_eq!(list[0]["months"].as_u64(), Some(6), "{c:?}");
    assert_eq!(list[0]["reference"].as_str(), Some("avenant n°1"), "{c:?}");
}
