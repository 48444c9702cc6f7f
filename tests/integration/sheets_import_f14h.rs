//! Integration tests of issue 14, part f14h: defects of the sixth review
//! (review 14f) of `dpo import` and the register workbook.
//!
//! A year is never guessed: a date whose year is written in two digits
//! (« 01/02/21 ») or that falls before 1900 — typed as text or a date cell,
//! in dpo's own layout (XLSX edited with `openpyxl`), in the authority's
//! layout (`openpyxl`) and in an ODS (`odfpy`) — is not imported, and the
//! report says why at its cell, in the run's language. The register
//! workbook shows « à compléter », with its style, in every cell whose
//! fact the register and `dpo check` say is « à compléter » (contacts of
//! the controllers and sub-processors, the measures' owner, evidence, last
//! check and interval), read back by `openpyxl` and `odfpy`, and the import
//! reads such a cell as a missing value.

use std::path::Path;
use std::process::Command;

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, one_line_at, openpyxl, register, yaml, Import,
};
use crate::support::sheets::{self, Book};
use crate::support::tools::run;
use crate::support::Workspace;

/// The one report line of `err` at `at` (« Feuille, ligne N, colonne X »).
fn one_at<'a>(err: &'a str, at: &str) -> &'a str {
    one_line_at(err, &format!("{at}\u{202f}:"))
}

/// `line` with its narrow and no-break spaces plain, its apostrophes
/// straight.
fn plain(line: &str) -> String {
    line.replace(['\u{202f}', '\u{a0}'], " ").replace('’', "'")
}

/// `line` is a « non importé » report saying the year is in two digits.
fn short_year(line: &str, year: &str) {
    let line = plain(line);
    assert!(line.starts_with("non importé"), "{line}");
    assert!(
        line.contains(&format!("l'année « {year} » est écrite en deux chiffres"))
            && line.contains("écrivez-la en entier"),
        "{line}"
    );
}

/// `line` is a « non importé » report saying the date is before 1900.
fn too_early(line: &str) {
    let line = plain(line);
    assert!(line.starts_with("non importé"), "{line}");
    assert!(
        line.contains("une date avant 1900 n'est pas une date de ce registre"),
        "{line}"
    );
}

/// Every year of every date a YAML file of `dir` holds (`YYYY-MM-DD`
/// values): none may be before 1900.
fn years(dir: &Path) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        if e.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&e).unwrap_or_default();
            for w in text.split(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
                if let Ok(d) = chrono::NaiveDate::parse_from_str(w, "%Y-%m-%d") {
                    use chrono::Datelike;
                    out.push((e.display().to_string(), d.year()));
                }
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn no_early_year(dir: &Path) {
    let y = years(dir);
    assert!(!y.is_empty(), "no date at all in {}", dir.display());
    assert!(y.iter().all(|(_, y)| *y >= 1900), "{y:?}");
}

/// The sample's XLSX export, its dates overwritten: two-digit years typed
/// (three separators), a year typed 0021, date cells of the years 21 and
/// 1899, and a renewal line with a two-digit year beside a good one.
const DATES_EDIT: &str = r#"
import datetime
c = wb['Responsables de traitement']
c['AO2'] = '01/02/21'
c['AM2'] = '01.02.21'
c['AN2'] = datetime.date(21, 2, 1)
c['AS2'] = '01/02/21, 6\n2021-08-01, 6, délibération 12'
m = wb['Mesures de sécurité']
m['G2'] = '15/03/25'
m['G3'] = '01/02/0021'
m['G4'] = datetime.date(1899, 12, 31)
s = wb['Sous-traitants ultérieurs']
s['L2'] = '01-01-20'
"#;

#[test]
fn a_two_digit_year_or_a_year_before_1900_in_dpo_s_layout_is_not_imported_and_said_at_its_cell() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, DATES_EDIT, false);
    let err = r.stderr();
    assert!(!err.contains("toutes les valeurs placées"), "{err}");
    let c = "Responsables de traitement, ligne 2, colonne";
    short_year(one_at(&err, &format!("{c} AO")), "21");
    short_year(one_at(&err, &format!("{c} AM")), "21");
    too_early(one_at(&err, &format!("{c} AN")));
    let renewal = one_at(&err, &format!("{c} AS"));
    short_year(renewal, "21");
    assert!(
        renewal.contains("ce renouvellement n'est pas importé"),
        "{renewal}"
    );
    let m = "Mesures de sécurité, ligne";
    short_year(one_at(&err, &format!("{m} 2, colonne G")), "25");
    too_early(one_at(&err, &format!("{m} 3, colonne G")));
    too_early(one_at(&err, &format!("{m} 4, colonne G")));
    short_year(
        one_at(&err, "Sous-traitants ultérieurs, ligne 2, colonne L"),
        "20",
    );
    // Nothing invented: no year before 1900, the start left out (so
    // `check` names it), the other renewal kept.
    no_early_year(&into);
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let conv = &c["convention"];
    assert!(conv.get("start").is_none(), "{conv:?}");
    assert!(conv.get("act_date").is_none(), "{conv:?}");
    assert!(conv.get("enforceable_on").is_none(), "{conv:?}");
    assert_eq!(conv["renewals"].as_sequence().map(Vec::len), Some(1));
    assert_eq!(
        conv["renewals"][0]["decided_on"].as_str(),
        Some("2021-08-01")
    );
    let m = yaml(&into.join("security-measures.yaml"));
    for i in 0..3 {
        assert!(
            m["measures"][i].get("last_tested").is_none(),
            "{:?}",
            m["measures"][i]
        );
    }
    assert!(err.contains("convention.start"), "{err}");
    // The same in English.
    let ws = Workspace::sample();
    let (r, _) = edited_export(&ws, DATES_EDIT, true);
    let err = r.stderr();
    let l = lines_at(&err, "row 2, column AO");
    assert!(
        l.len() == 1
            && l[0].starts_with("not imported")
            && plain(l[0]).contains("the year “21” is written in two digits")
            && l[0].contains("write it in full"),
        "{err}"
    );
    let l = lines_at(&err, "row 3, column G");
    assert!(
        l.len() == 1 && plain(l[0]).contains("a date before 1900 is no date of this register"),
        "{err}"
    );
}

#[test]
fn a_two_digit_year_or_a_year_before_1900_in_the_authority_s_layout_is_not_imported() {
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        r#"
import datetime
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Catégories de traitements",
           "Transferts vers un pays tiers ou une organisation internationale",
           "Début de la convention", "Durée de la convention (mois)"])
ws.append(["Commune A", "Messagerie", "aucun", "01/02/21", 6])
ws.append(["Commune B", "Paie", "aucun", "01/02/0021", 6])
ws.append(["Commune C", "Voirie", "aucun", datetime.date(1899, 12, 31), 6])
ws.append(["Commune D", "GED", "aucun", "1er février 21", 6])
ws.append(["Commune E", "État civil", "aucun", "01/02/2021", 6])
"#,
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    short_year(one_at(&err, "Registre, ligne 2, colonne D"), "21");
    too_early(one_at(&err, "Registre, ligne 3, colonne D"));
    too_early(one_at(&err, "Registre, ligne 4, colonne D"));
    short_year(one_at(&err, "Registre, ligne 5, colonne D"), "21");
    assert!(
        lines_at(&err, "Registre, ligne 6, colonne D").is_empty(),
        "{err}"
    );
    for c in ["commune-a", "commune-b", "commune-c", "commune-d"] {
        let y = yaml(&into.join(format!("controllers/{c}.yaml")));
        assert!(y["convention"].get("start").is_none(), "{c}: {y:?}");
    }
    let e = yaml(&into.join("controllers/commune-e.yaml"));
    assert_eq!(e["convention"]["start"].as_str(), Some("2021-02-01"));
    no_early_year(&into);
}

/// An ODS in the authority's layout written by `odfpy`: a date cell of the
/// year 21 (ODF keeps any year), a date typed `15/03/25`, a good date.
fn authority_ods(out: &Path) {
    let script = r#"
import sys
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P
doc = OpenDocumentSpreadsheet()
t = Table(name="Registre")
def row(values):
    tr = TableRow()
    for v in values:
        if isinstance(v, tuple):
            c = TableCell(valuetype="date", datevalue=v[0])
            c.addElement(P(text=v[0]))
        elif isinstance(v, int):
            c = TableCell(valuetype="float", value=v)
            c.addElement(P(text=str(v)))
        else:
            c = TableCell(valuetype="string")
            c.addElement(P(text=v))
        tr.addElement(c)
    t.addElement(tr)
row(["Nom du responsable du traitement", "Catégories de traitements",
     "Transferts vers un pays tiers ou une organisation internationale",
     "Début de la convention", "Durée de la convention (mois)"])
row(["Commune A", "Messagerie", "aucun", ("0021-02-01",), 6])
row(["Commune B", "Paie", "aucun", "15/03/25", 6])
row(["Commune C", "Voirie", "aucun", ("2021-02-01",), 6])
doc.spreadsheet.addElement(t)
doc.save(sys.argv[1])
"#;
    run(Command::new("python3").arg("-c").arg(script).arg(out)).assert_code(0);
}

#[test]
fn a_date_cell_of_the_year_21_or_a_two_digit_year_in_an_ods_is_not_imported() {
    let ws = Workspace::missing();
    let ods = ws.path("registre-apd.ods");
    authority_ods(&ods);
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&ods, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    too_early(one_at(&err, "Registre, ligne 2, colonne D"));
    short_year(one_at(&err, "Registre, ligne 3, colonne D"), "25");
    assert!(
        lines_at(&err, "Registre, ligne 4, colonne D").is_empty(),
        "{err}"
    );
    for c in ["commune-a", "commune-b"] {
        let y = yaml(&into.join(format!("controllers/{c}.yaml")));
        assert!(y["convention"].get("start").is_none(), "{c}: {y:?}");
    }
    let c = yaml(&into.join("controllers/commune-c.yaml"));
    assert_eq!(c["convention"]["start"].as_str(), Some("2021-02-01"));
    no_early_year(&into);
}

/// The sample's register workbook in `format`, read back.
fn sample_book(ws: &Workspace, format: &str) -> Book {
    let out = ws.path(&format!("registre.{format}"));
    register(ws.root(), format, &out).assert_code(0);
    sheets::read(&out)
}

/// The cell of `sheet`, data row `row`, under `header`, says « à compléter »
/// and carries the missing style.
fn marked(book: &Book, sheet: &str, row: usize, header: &str) {
    let c = book.sheet(sheet).at(row, header);
    assert_eq!(
        c.v.as_deref(),
        Some("«\u{202f}à compléter\u{202f}»"),
        "{sheet} {row} {header}"
    );
    assert_eq!(c.mark.as_deref(), Some("missing"), "{sheet} {row} {header}");
}

#[test]
fn the_facts_the_register_says_are_to_complete_are_styled_to_complete_in_both_workbooks() {
    let ws = Workspace::sample();
    for format in ["xlsx", "ods"] {
        let book = sample_book(&ws, format);
        let c = "Responsables de traitement";
        for header in [
            "délégué à la protection des données — courriel",
            "délégué à la protection des données — téléphone",
            "contact pour les violations — courriel",
            "contact pour les violations — téléphone",
            "contact pour les demandes des personnes — courriel",
            "contact pour les demandes des personnes — téléphone",
            "correspondant informatique — nom",
            "correspondant informatique — courriel",
            "correspondant informatique — téléphone",
        ] {
            marked(&book, c, 0, header);
        }
        // Given or optional facts stay as they are.
        let role = book.sheet(c).at(0, "correspondant informatique — qualité");
        assert!(role.mark.is_none() && role.v.is_some(), "{role:?}");
        let addr = book.sheet(c).at(0, "contact pour les violations — adresse");
        assert!(addr.mark.is_none() && addr.v.is_none(), "{addr:?}");
        for row in 0..2 {
            for header in ["contact — courriel", "contact — téléphone"] {
                marked(&book, "Sous-traitants ultérieurs", row, header);
            }
        }
        for row in 0..8 {
            for header in [
                "responsable de la mesure",
                "preuve",
                "dernier contrôle",
                "périodicité du contrôle (mois)",
            ] {
                marked(&book, "Mesures de sécurité", row, header);
            }
        }
    }
}

#[test]
fn a_to_complete_contact_or_measure_cell_imports_as_missing_and_a_filled_one_as_its_value() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         c['R2'] = 'violations@juvisy.fr'\n\
         m = wb['Mesures de sécurité']\n\
         m['E2'] = 'Directeur SI'\n",
        false,
    );
    let err = r.stderr();
    assert!(!err.contains("non importé"), "{err}");
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(!text.contains("compléter"), "{text}");
    let c = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let breach = &c["contacts"]["breach"];
    assert_eq!(breach["email"].as_str(), Some("violations@juvisy.fr"));
    assert!(
        breach.get("phone").is_none_or(|p| p.is_null()),
        "{breach:?}"
    );
    let measures = std::fs::read_to_string(into.join("security-measures.yaml")).unwrap();
    assert!(!measures.contains("compléter"), "{measures}");
    let m = yaml(&into.join("security-measures.yaml"));
    assert_eq!(m["measures"][0]["owner"].as_str(), Some("Directeur SI"));
    assert!(m["measures"][1].get("owner").is_none_or(|p| p.is_null()));
    let subs = std::fs::read_to_string(into.join("subprocessors.yaml")).unwrap();
    assert!(!subs.contains("compléter"), "{subs}");
}
