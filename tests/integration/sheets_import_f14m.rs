//! Integration tests of issue 14, part f14m: cases of the eighth review
//! (review 14h) of `dpo import` and `dpo check`.
//!
//! « à compléter » never costs a known fact: a line that is only the words
//! is left out of its cell (the other lines kept), the words among others
//! are kept as typed and said, in both layouts. The own layout keeps a
//! transfer whose country is « à compléter » (the round trip of
//! `country: ""`), says a recipient that says none, a `;` between two
//! countries, and a lone « Non concerné » or « aucun (à confirmer) ». One
//! list of the words for a value still to give (« À renseigner », "TODO",
//! `?`…) serves the import and `check`; `check` warns on a transfer with
//! no country or recipient, and on a phone that is no phone number.

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, noted, one_line_at, openpyxl, register, strs, yaml, Import,
    NOW,
};
use crate::sheets_import_f14i::apd;
use crate::support::{Dpo, Workspace};

const SHEET: &str = "Commune de Juvisy-sur-Orge";

/// Whether `line` is a « signalé, importé » line.
fn kept(line: &str) -> bool {
    line.starts_with("signalé, importé")
}

/// The activity `id` of the imported controller.
fn activity(ctl: &serde_yaml::Value, id: &str) -> serde_yaml::Value {
    ctl["activities"]
        .as_sequence()
        .and_then(|s| s.iter().find(|a| a["id"].as_str() == Some(id)))
        .cloned()
        .unwrap_or_else(|| panic!("{id}: {ctl:?}"))
}

/// Review 14h, 1 (own layout): a line « À compléter. » in a list cell is
/// left out, the other items kept; a line or a text that holds the words
/// among others is kept as typed and said, and `check` warns on it.
#[test]
fn a_todo_line_costs_no_other_line_and_the_words_among_others_are_kept_as_typed() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "ws['L4'] = ws['L4'].value + '\\nÀ compléter.'\n\
         ws['I2'] = 'serveurs de fichiers\\n(à compléter)'\n\
         ws['J3'] = 'courriels des agents\\nautres catégories à compléter'\n\
         ws['H2'] = \"Gestion des dossiers d'inscription à compléter en ligne par les familles\"\n",
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let apps = activity(&ctl, "serveurs-applications");
    assert_eq!(strs(&apps["security_measures"]).len(), 3, "{apps:?}\n{err}");
    let l4 = one_line_at(&err, &format!("{SHEET}, ligne 4, colonne L"));
    assert!(
        noted(l4) && l4.contains("ne dit qu'une valeur encore à donner"),
        "{err}"
    );
    let files = activity(&ctl, "serveurs-fichiers");
    assert_eq!(
        strs(&files["systems"]),
        ["serveurs de fichiers"],
        "{files:?}\n{err}"
    );
    assert_eq!(
        files["description"].as_str(),
        Some("Gestion des dossiers d'inscription à compléter en ligne par les familles"),
        "{err}"
    );
    assert!(noted(one_line_at(
        &err,
        &format!("{SHEET}, ligne 2, colonne I")
    )));
    assert!(kept(one_line_at(
        &err,
        &format!("{SHEET}, ligne 2, colonne H")
    )));
    let mail = activity(&ctl, "messagerie");
    assert_eq!(
        strs(&mail["data_categories"]),
        ["courriels des agents", "autres catégories à compléter"],
        "{err}"
    );
    let j3 = one_line_at(&err, &format!("{SHEET}, ligne 3, colonne J"));
    assert!(kept(j3) && j3.contains("importé tel quel"), "{err}");
    // `check` names the words kept.
    let out = Dpo::new(&into).now(NOW).run(&["check"]).text();
    assert!(
        out.lines().any(|l| l.starts_with("avertissement")
            && l.contains("description")
            && l.contains("parmi")),
        "{out}"
    );
}

/// Review 14h, 1 (authority layout): the same rule in lists, transfers and
/// contact cells.
#[test]
fn the_authority_layout_keeps_every_fact_beside_a_todo_line() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
ws.append(["Commune A", "12 rue X, 91260 Juvisy\ntéléphone à compléter",
           "Nom à compléter\nmaire@a.fr", "à compléter\ndpo@a.fr\n01 23 45 67 89",
           "Paie", None, "courriels\nannuaire\nà compléter",
           "États-Unis : Microsoft\nà compléter", "CCT",
           "Sauvegardes\nChiffrement\nautres mesures à compléter", "Conv",
           datetime.date(2021, 2, 1), 6])
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(
        a["address"].as_str(),
        Some("12 rue X, 91260 Juvisy\ntéléphone à compléter"),
        "{a:?}\n{err}"
    );
    assert_eq!(
        a["representative"]["name"].as_str(),
        Some("Nom à compléter")
    );
    assert_eq!(a["representative"]["email"].as_str(), Some("maire@a.fr"));
    assert!(a["dpo"]["name"].is_null(), "{a:?}");
    assert_eq!(a["dpo"]["email"].as_str(), Some("dpo@a.fr"), "{a:?}");
    assert_eq!(a["dpo"]["phone"].as_str(), Some("01 23 45 67 89"));
    let paie = &a["activities"][0];
    assert_eq!(strs(&paie["data_categories"]), ["courriels", "annuaire"]);
    assert_eq!(strs(&paie["security_measures"]).len(), 3, "{paie:?}");
    let t = &a["transfers"];
    assert_eq!(t[0]["country"].as_str(), Some("États-Unis"), "{a:?}");
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft"));
    for (c, said) in [
        ("B", kept as fn(&str) -> bool),
        ("C", kept),
        ("D", noted),
        ("G", noted),
        ("H", noted),
        ("J", kept),
    ] {
        let l = one_line_at(&err, &format!("Registre, ligne 2, colonne {c}"));
        assert!(said(l), "{c}: {err}");
    }
}

/// Review 14h, 2 and 3: a workspace transfer with `country: ""` comes back
/// from its export; `(à compléter)` typed as a country beside a recipient
/// keeps the transfer, said; `check` warns on an empty country or
/// recipient, and on `null`.
#[test]
fn a_transfer_whose_country_is_to_complete_is_kept_and_check_names_it() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws.read(file);
    ws.write(
        file,
        &format!(
            "{text}transfers:\n  - country: \"\"\n    recipient: Microsoft\n    \
             safeguards: Clauses contractuelles types\n"
        ),
    );
    let check = dpo_in(&ws).run(&["check"]).text();
    let at = |out: &str, field: &str| {
        out.lines()
            .filter(|l| l.starts_with("avertissement") && l.contains(&format!(" {field}\u{202f}:")))
            .count()
    };
    assert_eq!(at(&check, "transfers[0].country"), 1, "{check}");
    let xlsx = ws.path("aller.xlsx");
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
    let into = ws.path("retour");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_code(0);
    let back = yaml(&into.join(file));
    let t = &back["transfers"];
    assert_eq!(t.as_sequence().map(Vec::len), Some(1), "{back:?}");
    assert_eq!(t[0]["country"].as_str(), Some(""));
    assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft"));
    assert_eq!(
        t[0]["safeguards"].as_str(),
        Some("Clauses contractuelles types")
    );

    // Typed by hand: kept, said.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "for r in range(2, ws.max_row + 1):\n    ws[f'M{r}'] = '(à compléter)'\n    \
         ws[f'N{r}'] = 'Microsoft'\n    ws[f'Q{r}'] = 'CCT'\n",
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join(file));
    assert_eq!(
        ctl["transfers"][0]["recipient"].as_str(),
        Some("Microsoft"),
        "{err}"
    );
    assert_eq!(ctl["transfers"][0]["country"].as_str(), Some(""));
    assert!(kept(one_line_at(
        &err,
        &format!("{SHEET}, ligne 2, colonne M")
    )));

    // `check`: no recipient, a country typed null.
    let ws = null_and_empty_transfers(file);
    let out = dpo_in(&ws).run(&["check"]).text();
    assert_eq!(at(&out, "transfers[0].country"), 1, "{out}");
    assert_eq!(at(&out, "transfers[1].recipient"), 1, "{out}");
    assert_eq!(at(&out, "transfers[1].country"), 0, "{out}");
    let en = dpo_in(&ws).english().run(&["check"]).text();
    assert!(en.contains("a transfer with no recipient"), "{en}");
}

/// Review 14h, 4, 5 and 10 (own layout): a recipient that says none is
/// not imported; `États-Unis ; Maroc` is one country as typed, said; a
/// lone « Non concerné » is none; another lone negation is said with its
/// words; « aucun (à confirmer) » is none, its mark said.
#[test]
fn the_own_layout_s_transfer_words_are_read_as_they_are_meant() {
    let each_row = |cells: &[(&str, &str)]| {
        let mut s = String::from("for r in range(2, ws.max_row + 1):\n");
        for (c, v) in cells {
            s.push_str(&format!("    ws[f'{c}{{r}}'] = {v:?}\n"));
        }
        s
    };
    let file = "controllers/juvisy-sur-orge.yaml";
    // 4: « aucun » as the recipient of a country.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        &each_row(&[("M", "États-Unis"), ("N", "aucun")]),
        false,
    );
    let err = r.stderr();
    assert!(yaml(&into.join(file))["transfers"].is_null(), "{err}");
    let n = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne N"));
    assert!(
        n.starts_with("non importé") && n.contains("États-Unis"),
        "{err}"
    );
    // 5: two countries on one line.
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        &each_row(&[("M", "États-Unis ; Maroc"), ("N", "Microsoft ; Centre X")]),
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join(file));
    assert_eq!(
        ctl["transfers"][0]["country"].as_str(),
        Some("États-Unis ; Maroc")
    );
    assert!(kept(one_line_at(
        &err,
        &format!("{SHEET}, ligne 2, colonne M")
    )));
    // 10: a lone « Non concerné » is none.
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, &each_row(&[("M", "Non concerné")]), false);
    r.assert_code(0);
    let t = &yaml(&into.join(file))["transfers"];
    assert!(t.as_sequence().is_some_and(Vec::is_empty), "{t:?}");
    // Another lone negation: said with its words, never an empty quote.
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, &each_row(&[("M", "Non prévu")]), false);
    let err = r.stderr();
    assert!(yaml(&into.join(file))["transfers"].is_null(), "{err}");
    let m = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne M"));
    assert!(
        m.starts_with("non importé")
            && m.contains("Non prévu")
            && !m.contains("«\u{202f}\u{202f}»"),
        "{err}"
    );
    // « aucun (à confirmer) »: none, the mark said.
    let ws = Workspace::sample();
    let (r, into) = edited_export(&ws, &each_row(&[("M", "aucun (à confirmer)")]), false);
    let err = r.stderr();
    let t = &yaml(&into.join(file))["transfers"];
    assert!(t.as_sequence().is_some_and(Vec::is_empty), "{t:?}\n{err}");
    assert!(kept(one_line_at(
        &err,
        &format!("{SHEET}, ligne 2, colonne M")
    )));
}

/// Review 14h, 7: the other words for « à compléter » are no value in the
/// import, and `check` names them; `check` names a phone field that holds
/// an e-mail address, words or two numbers.
#[test]
fn every_word_for_a_value_to_give_is_none_and_check_names_phones_that_are_not() {
    let ws = Workspace::sample();
    let (r, into) = edited_export(
        &ws,
        "c = wb['Responsables de traitement']\n\
         c['D2'] = 'À renseigner'\nc['E2'] = 'xxx'\nc['AC2'] = 'àcompléter'\n\
         c['AK2'] = 'TO COMPLETE'\n\
         s = wb['Sous-traitants ultérieurs']\ns['C2'] = 'à définir'\ns['C3'] = 'TODO'\n",
        false,
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    assert!(ctl["address"].is_null(), "{ctl:?}");
    assert!(ctl["siret"].is_null(), "{ctl:?}");
    assert!(ctl["convention"]["reference"].is_null(), "{ctl:?}");
    let text = std::fs::read_to_string(into.join("controllers/juvisy-sur-orge.yaml")).unwrap();
    assert!(!text.contains("àcompléter"), "{text}");
    let subs = yaml(&into.join("subprocessors.yaml"));
    for s in subs["subprocessors"].as_sequence().unwrap() {
        assert!(s["address"].is_null(), "{s:?}");
    }
    for at in ["colonne D", "colonne E", "colonne AC", "colonne AK"] {
        assert!(
            lines_at(&err, &format!("Responsables de traitement, ligne 2, {at}")).is_empty(),
            "{err}"
        );
    }
    // The authority's layout: the same.
    let ws2 = Workspace::missing();
    let xlsx = ws2.path("apd.xlsx");
    openpyxl(
        &xlsx,
        &format!(
            "{}\nws.append(['Commune A', 'À renseigner', None, None, 'Paie', 'TBD', None, \
             'aucun', None, 'Pare-feu', 'Conv', datetime.date(2021, 2, 1), 6])\n",
            crate::sheets_import_f14i::APD_HEADERS
        ),
    );
    let into = ws2.path("n");
    dpo_in(&ws2).import(&xlsx, &into, None).assert_no_panic();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a["address"].is_null(), "{a:?}");
    assert!(a["activities"][0]["description"].is_null(), "{a:?}");

    // `check`: the words, and phones.
    let set = |file: &str, from: &str, to: &str| {
        let text = ws.read(file);
        assert!(text.contains(from), "{file}: {from}");
        ws.write(file, &text.replacen(from, to, 1));
    };
    set(
        "subprocessors.yaml",
        "address: null",
        "address: À renseigner",
    );
    set(
        "processor.yaml",
        "phone: 01 63 12 44 12",
        "phone: secu@ville.fr",
    );
    let out = dpo_in(&ws).run(&["check"]).text();
    let warned = |file: &str, field: &str| {
        out.lines().any(|l| {
            l.starts_with("avertissement")
                && l.contains(file)
                && l.contains(&format!(" {field}\u{202f}:"))
        })
    };
    assert!(
        warned("subprocessors.yaml", "subprocessors[0].address"),
        "{out}"
    );
    assert!(warned("processor.yaml", "phone"), "{out}");
    for (phone, bad) in [
        ("01 69 12 50 00 ; 06 11 22 33 44", true),
        ("Standard 01 69 12 50 00", true),
        ("Tél. : 01 69 12 50 00", false),
        ("+33 1 69 12 50 00", false),
    ] {
        let text = ws.read("processor.yaml");
        let line = text.lines().find(|l| l.starts_with("phone:")).unwrap();
        ws.write(
            "processor.yaml",
            &text.replacen(line, &format!("phone: {phone}"), 1),
        );
        let out = dpo_in(&ws).run(&["check"]).text();
        let said = out.lines().any(|l| {
            l.starts_with("avertissement")
                && l.contains("processor.yaml")
                && l.contains(" phone\u{202f}:")
        });
        assert_eq!(said, bad, "{phone}: {out}");
    }
}

/// The sample with two transfers added to `file`: one to the country
/// `null` (a YAML null), one with an empty recipient.
pub(crate) fn null_and_empty_transfers(file: &str) -> Workspace {
    let ws = Workspace::sample();
    let text = ws.read(file);
    ws.write(
        file,
        &format!(
            "{text}transfers:\n  - country: null\n    recipient: Microsoft\n  \
             - country: Maroc\n    recipient: \"\"\n"
        ),
    );
    ws
}
