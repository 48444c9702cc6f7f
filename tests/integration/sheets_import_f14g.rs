//! Integration tests of issue 14, part f14g: the fifth review's last
//! defects of `dpo import` and `dpo check`.
//!
//! A « (à confirmer) » mark typed in capitals or without its accent is the
//! mark; one typed inside a line keeps the field to confirm and is said. A
//! record named twice in one list cell is in the file once, the repeat
//! said, in dpo's layout and in the authority's.

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, noted, one_line_at, openpyxl, strs, yaml, Import,
};
use crate::support::Workspace;

const SHEET: &str = "Commune de Juvisy-sur-Orge";

#[test]
fn a_confirm_mark_in_capitals_or_without_its_accent_keeps_the_field_to_confirm() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "assert ws['J2'].value.endswith('(à confirmer)') and ws['K2'].value.endswith('(à confirmer)')\n\
         ws['J2'] = ws['J2'].value.replace('(à confirmer)', '(À CONFIRMER)')\n\
         ws['K2'] = ws['K2'].value.replace('(à confirmer)', '(A confirmer)')\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    let confirm = strs(&a["to_confirm"]);
    assert!(confirm.contains(&"data_categories".to_string()), "{a:?}");
    assert!(confirm.contains(&"subprocessors".to_string()), "{a:?}");
    let data = strs(&a["data_categories"]);
    assert_eq!(
        data,
        ["données contenues dans les documents des services de la ville"]
    );
    assert_eq!(strs(&a["subprocessors"]), ["siim94", "partenaires-regie"]);
    // Nothing to say: the marks are the export's, typed otherwise.
    assert!(
        lines_at(&err, &format!("{SHEET}, ligne 2")).is_empty(),
        "{err}"
    );
    r.assert_code(0);
}

#[test]
fn a_confirm_mark_inside_a_line_keeps_the_field_to_confirm_and_is_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J2'] = 'données contenues (à confirmer) dans les documents'\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert!(
        strs(&a["to_confirm"]).contains(&"data_categories".to_string()),
        "{a:?}"
    );
    assert_eq!(
        strs(&a["data_categories"]),
        ["données contenues dans les documents"]
    );
    let j2 = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne J"));
    assert!(
        noted(j2)
            && j2.contains("n'est pas écrite comme dpo l'écrit")
            && j2.contains("importée sans la marque\u{202f}: «\u{202f}données contenues dans les documents\u{202f}»"),
        "{err}"
    );
    // Nothing lost: a noted line fails nothing.
    r.assert_code(0);
}

#[test]
fn an_english_mark_inside_a_line_is_said_in_english() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['J2'] = 'documents (TO BE CONFIRMED) of the town'\n",
        true,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert!(
        strs(&a["to_confirm"]).contains(&"data_categories".to_string()),
        "{a:?}"
    );
    assert_eq!(strs(&a["data_categories"]), ["documents of the town"]);
    let j2 = one_line_at(&err, &format!("{SHEET}, row 2, column J"));
    assert!(
        j2.starts_with("noted: ") && j2.contains("is not written as dpo writes it"),
        "{err}"
    );
}

#[test]
fn a_sub_processor_measure_or_controller_named_twice_in_a_cell_is_written_once_and_said() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['K2'] = ws['K2'].value + '\\nsiim94'\n\
         ws['L2'] = 'Sécurisation des serveurs\\nSécurisation des serveurs'\n\
         s = wb['Sous-traitants ultérieurs']\n\
         s['J2'] = 'juvisy-sur-orge\\njuvisy-sur-orge'\n",
        false,
    );
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][0];
    assert_eq!(strs(&a["subprocessors"]), ["siim94", "partenaires-regie"]);
    assert_eq!(strs(&a["security_measures"]), ["securisation-serveurs"]);
    let sp = &yaml(&into.join("subprocessors.yaml"))["subprocessors"][0];
    assert_eq!(strs(&sp["controllers"]), ["juvisy-sur-orge"], "{sp:?}");
    for (at, name) in [
        (format!("{SHEET}, ligne 2, colonne K"), "siim94"),
        (
            format!("{SHEET}, ligne 2, colonne L"),
            "Sécurisation des serveurs",
        ),
        (
            "Sous-traitants ultérieurs, ligne 2, colonne J".to_string(),
            "juvisy-sur-orge",
        ),
    ] {
        let lines = one_line_at(&err, &at);
        assert!(
            noted(lines) && lines.contains(name) && lines.contains("nommé deux fois"),
            "{err}"
        );
    }
    r.assert_code(0);
}

#[test]
fn in_the_authority_layout_a_measure_named_twice_in_a_cell_is_the_category_s_once() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Description générale des mesures de sécurité techniques et organisationnelles"])
ws.append(["Commune A", "Paie", "Pare-feu\nSauvegardes\nPare-feu"])
"#,
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/commune-a.yaml"));
    let a = &ctl["activities"][0];
    assert_eq!(strs(&a["security_measures"]), ["pare-feu", "sauvegardes"]);
    let c3 = one_line_at(&err, "Registre, ligne 2, colonne C");
    assert!(
        noted(c3) && c3.contains("Pare-feu\u{202f}» est nommé deux fois"),
        "{err}"
    );
}

// `dpo check`: e-mail fields, tests in the future, intervals of 0 months.

/// `dpo check` on `ws` (as of NOW, 2 August 2021), in French or English.
fn check(ws: &Workspace, english: bool) -> crate::support::Run {
    let dpo = if english {
        dpo_in(ws).english()
    } else {
        dpo_in(ws)
    };
    let r = dpo.run(&["check"]);
    r.assert_no_panic();
    r
}

#[test]
fn an_e_mail_field_with_two_addresses_or_none_is_an_error_naming_file_and_field() {
    let ws = Workspace::sample();
    let set = |file: &str, from: &str, to: &str| {
        let text = ws.read(file);
        assert!(text.contains(from), "{file}: {from}");
        ws.write(file, &text.replacen(from, to, 1));
    };
    set(
        "processor.yaml",
        "email: DPO@grandorlyseinebievre.fr",
        "email: DPO@grandorlyseinebievre.fr; rgpd@grandorlyseinebievre.fr",
    );
    let ctl = "controllers/juvisy-sur-orge.yaml";
    // The breach contact's e-mail (the second `email: null`), and the
    // requests contact's left as the words for a value to complete.
    let text = ws.read(ctl);
    let mut parts = text.splitn(3, "email: null");
    let (a, b, rest) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let rest = rest.replacen("email: null", "email: « à compléter »", 1);
    ws.write(
        ctl,
        &format!("{a}email: null{b}email: mairie at juvisy{rest}"),
    );
    set(
        "subprocessors.yaml",
        "contact: {}",
        "contact: {email: \"support@siim94.fr, dsi@siim94.fr\"}",
    );
    let r = check(&ws, false);
    let err = r.stdout();
    let bad = |file: &str, field: &str, value: &str| {
        let lines: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("erreur") && l.contains(file) && l.contains(field))
            .collect();
        assert_eq!(lines.len(), 1, "{file} {field}: {err}");
        assert!(
            lines[0].contains(&format!(
                "`{value}` n'est pas une adresse électronique valable"
            )),
            "{err}"
        );
    };
    bad(
        "processor.yaml",
        ": dpo.email",
        "DPO@grandorlyseinebievre.fr; rgpd@grandorlyseinebievre.fr",
    );
    bad(ctl, ": contacts.breach.email", "mairie at juvisy");
    bad(
        "subprocessors.yaml",
        ": subprocessors[0].contact.email",
        "support@siim94.fr, dsi@siim94.fr",
    );
    assert!(
        err.contains("conseil\u{202f}: une seule adresse par champ"),
        "{err}"
    );
    // The words for a value to complete are no malformed address.
    assert!(
        !err.lines()
            .any(|l| l.starts_with("erreur") && l.contains("contacts.data_subject_requests.email")),
        "{err}"
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("erreur")).count(),
        3,
        "{err}"
    );
    // An error in a file: exit 2.
    r.assert_code(2);
    // In English, the same.
    let err = check(&ws, true).stdout();
    assert!(
        err.contains("`mairie at juvisy` is not a valid e-mail address")
            && err.contains("one address per field"),
        "{err}"
    );
}

#[test]
fn a_test_in_the_future_warns_and_an_interval_of_zero_months_is_an_error() {
    let ws = Workspace::sample();
    let text = ws.read("security-measures.yaml");
    let text = text
        .replacen("last_tested: null", "last_tested: 2021-09-15", 1)
        .replacen(
            "last_tested: null",
            "last_tested: 2021-07-01\n    test_interval_months: 0",
            1,
        );
    ws.write("security-measures.yaml", &text);
    let people = ws.read("people.yaml");
    ws.write(
        "people.yaml",
        &people.replacen("people:", "training_interval_months: 0\npeople:", 1),
    );
    let r = check(&ws, false);
    let err = r.stdout();
    let future = one_line_at(&err, "measures[0].last_tested");
    assert!(
        future.starts_with("avertissement")
            && future.contains("15 septembre 2021")
            && future.contains("date à venir"),
        "{err}"
    );
    for field in ["security-measures.yaml:", "people.yaml:"] {
        let zero: Vec<&str> = err
            .lines()
            .filter(|l| l.contains(field) && l.contains("interval_months"))
            .collect();
        assert_eq!(zero.len(), 1, "{field}: {err}");
        assert!(
            zero[0].starts_with("erreur") && zero[0].contains("au moins un mois"),
            "{err}"
        );
    }
    // Not said again as a test overdue.
    assert!(
        lines_at(&err, "measures[1].last_tested").is_empty(),
        "{err}"
    );
    // An error in a file: exit 2.
    r.assert_code(2);
}

#[test]
fn an_imported_interval_of_zero_months_is_reported_by_check_not_a_panic() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "m = wb['Mesures de sécurité']\n\
         assert m['H1'].value.startswith('périodicité')\n\
         m['H2'] = 0\nm['G2'] = '01/07/2021'\n",
        false,
    );
    let err = r.stderr();
    let m = &yaml(&into.join("security-measures.yaml"))["measures"][0];
    assert_eq!(m["test_interval_months"].as_u64(), Some(0), "{m:?}");
    let zero = one_line_at(&err, "measures[0].test_interval_months");
    assert!(
        zero.starts_with("erreur") && zero.contains("au moins un mois"),
        "{err}"
    );
    r.assert_code(1);
}
