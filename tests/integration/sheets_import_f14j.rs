//! Integration tests of issue 14, part f14j: defects of the seventh review
//! (review 14g) of `dpo import`.
//!
//! « à compléter » wrapped in punctuation or brackets is no fact, and
//! among other words is kept as typed, said, in both layouts (so since
//! part f14m); `dpo check`
//! names any text that holds it. The own layout's transfer country column
//! knows the authority layout's words for "no transfer", a negation beside
//! a recipient is said, never a country, and a country without a recipient
//! is said. A sub-processor named in another case is found, said. `dpo
//! check` names a training dated in the future.

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, one_line_at, openpyxl, strs, yaml, Import,
};
use crate::support::Workspace;

const SHEET: &str = "Commune de Juvisy-sur-Orge";

/// The authority's headers and a `row` of them (Python), as in f14i.
const APD_HEADERS: &str = r#"
ws.title = "Registre"
ws.append(["Nom du responsable du traitement", "Coordonnées du responsable du traitement",
  "Représentant du responsable du traitement", "Délégué à la protection des données du responsable du traitement",
  "Catégories de traitements", "Description", "Catégories de données",
  "Transferts vers un pays tiers ou une organisation internationale", "Garanties appropriées",
  "Description générale des mesures de sécurité techniques et organisationnelles",
  "Convention", "Début de la convention", "Durée de la convention (mois)"])
import datetime
def row(ctl, contact=None, rep=None, dpo=None):
    ws.append([ctl, contact, rep, dpo, "Paie", None, None, "aucun", None, "Pare-feu", "Conv",
               datetime.date(2021, 2, 1), 6])
"#;

/// Review 14g, 3: « à compléter » with punctuation, parentheses or quotes
/// around it is the placeholder, missing and silent; among other words it
/// is kept as typed and said at its cell (review 14h, 1: part f14m).
#[test]
fn a_placeholder_in_brackets_is_missing_and_among_other_words_is_said_and_kept() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "wb['Responsables de traitement']['E2'] = 'À Compléter.'\n\
         wb['Responsables de traitement']['D2'] = 'Rue X — à compléter'\n\
         wb['Sous-traitants ultérieurs']['C2'] = '(à compléter)'\n\
         wb['Sous-traitants ultérieurs']['C3'] = 'A compléter (adresse)'\n\
         ws['C3'] = 'Rue Y — à compléter'\n",
        false,
    );
    r.assert_code(1);
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(ctl["siret"].is_null(), "{ctl:?}");
    assert_eq!(ctl["address"].as_str(), Some("Rue X — à compléter"));
    let subs = yaml(&into.join("subprocessors.yaml"));
    assert!(subs["subprocessors"][0]["address"].is_null(), "{subs:?}");
    assert_eq!(
        subs["subprocessors"][1]["address"].as_str(),
        Some("A compléter (adresse)")
    );
    // The placeholder alone, however wrapped: nothing to say.
    assert!(
        lines_at(&err, "Responsables de traitement, ligne 2, colonne E").is_empty(),
        "{err}"
    );
    assert!(
        lines_at(&err, "Sous-traitants ultérieurs, ligne 2, colonne C").is_empty(),
        "{err}"
    );
    // Among other words: kept, said, with the text typed.
    for (at, typed) in [
        (
            "Sous-traitants ultérieurs, ligne 3, colonne C",
            "A compléter (adresse)",
        ),
        (
            "Responsables de traitement, ligne 2, colonne D",
            "Rue X — à compléter",
        ),
    ] {
        let l = one_line_at(&err, at);
        assert!(
            l.starts_with("signalé, importé") && l.contains(typed),
            "{err}"
        );
    }
    // In a column that copies the controller's address, another text
    // differs from the address kept: said, never taken as the same.
    let c3 = one_line_at(&err, &format!("{SHEET}, ligne 3, colonne C"));
    assert!(
        c3.starts_with("non importé") && c3.contains("Rue Y — à compléter"),
        "{err}"
    );

    // The authority's layout: the same.
    let ws = Workspace::missing();
    let xlsx = ws.path("registre-apd.xlsx");
    openpyxl(
        &xlsx,
        &format!(
            "{APD_HEADERS}\nrow('Commune A', contact='Rue X — à compléter', \
             rep='à compléter.', dpo='(à compléter)')\n"
        ),
    );
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["address"].as_str(), Some("Rue X — à compléter"));
    assert!(a["representative"].is_null() && a["dpo"].is_null(), "{a:?}");
    let b = one_line_at(&err, "Registre, ligne 2, colonne B");
    assert!(
        b.starts_with("signalé, importé") && b.contains("Rue X — à compléter"),
        "{err}"
    );
    for c in ["C", "D"] {
        assert!(
            lines_at(&err, &format!("Registre, ligne 2, colonne {c}")).is_empty(),
            "{err}"
        );
    }
}

/// Review 14g, 3: `dpo check` names a text that is, or holds among other
/// words, « à compléter » in any case, accents or punctuation, anywhere in
/// the register's files.
#[test]
fn check_names_any_text_that_holds_the_placeholder() {
    let ws = Workspace::sample();
    let set = |file: &str, from: &str, to: &str| {
        let text = ws.read(file);
        assert!(text.contains(from), "{file}: {from}");
        ws.write(file, &text.replacen(from, to, 1));
    };
    set(
        "subprocessors.yaml",
        "address: null",
        "address: A compléter (adresse)",
    );
    set(
        "controllers/juvisy-sur-orge.yaml",
        "\nname: ",
        "\nsiret: \"(À COMPLETER)\"\nname: ",
    );
    let r = dpo_in(&ws).run(&["check"]);
    r.assert_no_panic();
    let out = r.text();
    for (file, field, words) in [
        ("subprocessors.yaml", "subprocessors[0].address", "parmi"),
        ("juvisy-sur-orge.yaml", "siret", "à la place"),
    ] {
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| l.contains(file) && l.contains(&format!(" {field}")))
            .collect();
        assert_eq!(lines.len(), 1, "{file} {field}: {out}");
        assert!(
            lines[0].starts_with("avertissement") && lines[0].contains(words),
            "{out}"
        );
    }
}

/// Review 14g, 2b: the own layout's country column says "no transfer" in
/// the authority layout's words; a negation beside a recipient is said and
/// the transfers stay to complete, never a country; a country with no
/// recipient is imported and said.
#[test]
fn the_own_layout_s_ways_of_saying_no_transfer_are_none_never_a_country() {
    for none in [
        "Néant",
        "N/A",
        "Pas de transfert",
        "non applicable",
        "Sans objet",
    ] {
        let ws = Workspace::sample();
        let (r, into) = edited_export(
            &ws,
            &format!("for r in range(2, ws.max_row + 1):\n    ws[f'M{{r}}'] = {none:?}\n"),
            false,
        );
        r.assert_code(0);
        let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
        let t = &ctl["transfers"];
        assert!(
            t.as_sequence().is_some_and(|s| s.is_empty()),
            "{none}: {t:?}"
        );
        assert!(
            lines_at(&r.stderr(), &format!("{SHEET}, ligne 2, colonne M")).is_empty(),
            "{}",
            r.stderr()
        );
    }
    // A negation with a recipient: contradictory, said, never a country.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "for r in range(2, ws.max_row + 1):\n    ws[f'M{r}'] = 'Néant'\n    ws[f'N{r}'] = 'Microsoft'\n",
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(ctl["transfers"].is_null(), "{ctl:?}");
    let m = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne M"));
    assert!(
        m.starts_with("non importé") && m.contains("Néant") && m.contains("Microsoft"),
        "{err}"
    );
    // A country with no recipient: imported, said.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "for r in range(2, ws.max_row + 1):\n    ws[f'M{r}'] = 'Maroc'\n",
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert_eq!(
        ctl["transfers"][0]["country"].as_str(),
        Some("Maroc"),
        "{ctl:?}"
    );
    let n = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne M"));
    assert!(
        n.starts_with("signalé, importé") && n.contains("Maroc"),
        "{err}"
    );
}

/// Review 14g, 7: a sub-processor or a measure named in another case is
/// found, the sheet's spelling kept and said; two records whose names
/// differ only in case leave such a name not found, said.
#[test]
fn a_name_typed_in_another_case_is_found_and_said_unless_two_records_share_it() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "assert ws['K6'].value.startswith('SIIM94, syndicat')\n\
         ws['K6'] = \"siim94, syndicat intercommunal d'informatique\"\n\
         ws['L6'] = 'SECURISATION DES SERVEURS'\n",
        false,
    );
    // Imported, to check: as for every « signalé, importé » line.
    r.assert_code(1);
    let err = r.stderr();
    let a = &yaml(&into.join("controllers/juvisy-sur-orge.yaml"))["activities"][4];
    assert_eq!(strs(&a["subprocessors"]), ["siim94"], "{a:?}");
    assert_eq!(
        strs(&a["security_measures"]),
        ["securisation-serveurs"],
        "{a:?}"
    );
    for (c, kept) in [
        ("K", "SIIM94, syndicat intercommunal d'informatique"),
        ("L", "Sécurisation des serveurs"),
    ] {
        let l = one_line_at(&err, &format!("{SHEET}, ligne 6, colonne {c}"));
        assert!(
            l.starts_with("signalé, importé") && l.contains(kept),
            "{err}"
        );
    }
    // Two sub-processors named alike but for case: not found, said.
    let ws = Workspace::sample();
    let (r, _) = edited_export(
        &ws,
        "s = wb['Sous-traitants ultérieurs']\n\
         s['B3'] = s['B2'].value.upper()\n\
         ws['K6'] = \"siim94, syndicat intercommunal d'informatique\"\n",
        false,
    );
    let err = r.stderr();
    let k = one_line_at(&err, &format!("{SHEET}, ligne 6, colonne K"));
    assert!(
        k.starts_with("non importé") && k.contains("plusieurs"),
        "{err}"
    );
}

/// Review 14g, 8: a person's last training dated in the future is named
/// by `dpo check`, in both languages.
#[test]
fn check_names_a_training_dated_in_the_future() {
    let ws = Workspace::sample();
    let text = ws.read("people.yaml");
    ws.write(
        "people.yaml",
        &text.replacen("last_training: null", "last_training: 2027-06-01", 1),
    );
    for (english, words) in [(false, "à venir"), (true, "still to come")] {
        let dpo = if english {
            dpo_in(&ws).english()
        } else {
            dpo_in(&ws)
        };
        let r = dpo.run(&["check"]);
        r.assert_no_panic();
        let out = r.text();
        let lines: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("people.yaml") && l.contains("people[0].last_training"))
            .collect();
        assert_eq!(lines.len(), 1, "{out}");
        assert!(lines[0].contains(words), "{out}");
    }
}
