//! Integration tests of issue 14, part f14s: defects of the tenth review
//! (review 14j) of `dpo import` and the register workbook.
//!
//! Two records whose names differ only by an apostrophe or a space of
//! another kind are told apart on export (`name (id)`), so the round trip
//! keeps every category's sub-processors and measures. A character that
//! shows nothing (a zero-width space, a soft hyphen, a byte order mark) is
//! left out of a cell, said; `check` warns on one in a workspace text. A
//! « (à confirmer) » mark typed in another shape (square brackets, no
//! brackets, punctuation inside, twice, « à vérifier », `(?)`) is read as
//! the mark, never kept in a name or an id, and said.

use crate::sheets_import::{dpo_in, lines_at, one_line_at, register, strs, yaml, Import};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;
use serde_yaml::Value;

/// Review 14j, N2: sub-processors named « … d'informatique » and « …
/// d’informatique », or « Acme SAS » with a normal and a no-break space,
/// and measures likewise, survive the round trip with their ids.
#[test]
fn names_differing_only_by_an_apostrophe_or_a_space_round_trip() {
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let mut sp: Value = serde_yaml::from_str(&ws.read("subprocessors.yaml")).unwrap();
    let list = sp["subprocessors"].as_sequence_mut().unwrap();
    let mut twin = list[0].clone();
    let name = twin["name"].as_str().unwrap().replace('\'', "’");
    twin["id"] = "siim-bis".into();
    twin["name"] = name.into();
    let mut acme = list[0].clone();
    acme["id"] = "acme".into();
    acme["name"] = "Acme SAS".into();
    let mut acme_nbsp = list[0].clone();
    acme_nbsp["id"] = "acme-nbsp".into();
    acme_nbsp["name"] = "Acme\u{a0}SAS".into();
    list.extend([twin, acme, acme_nbsp]);
    ws.write("subprocessors.yaml", &serde_yaml::to_string(&sp).unwrap());
    let mut m: Value = serde_yaml::from_str(&ws.read("security-measures.yaml")).unwrap();
    let list = m["measures"].as_sequence_mut().unwrap();
    let mut twin = list[0].clone();
    let title = twin["title"].as_str().unwrap().replacen(' ', "\u{a0}", 1);
    twin["id"] = "mesure-nbsp".into();
    twin["title"] = title.into();
    list.push(twin);
    ws.write(
        "security-measures.yaml",
        &serde_yaml::to_string(&m).unwrap(),
    );
    let mut ctl: Value = serde_yaml::from_str(&ws.read(file)).unwrap();
    let first_measure = ctl["activities"][0]["security_measures"][0]
        .as_str()
        .unwrap()
        .to_string();
    let act = &mut ctl["activities"][0];
    for id in ["siim-bis", "acme", "acme-nbsp"] {
        act["subprocessors"]
            .as_sequence_mut()
            .unwrap()
            .push(id.into());
    }
    act["security_measures"]
        .as_sequence_mut()
        .unwrap()
        .push("mesure-nbsp".into());
    ws.write(file, &serde_yaml::to_string(&ctl).unwrap());

    let xlsx = ws.path("registre.xlsx");
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    assert!(!err.contains("désigne plusieurs"), "{err}");
    let back = yaml(&into.join(file));
    let sps = strs(&back["activities"][0]["subprocessors"]);
    for id in ["siim94", "siim-bis", "acme", "acme-nbsp"] {
        assert!(sps.iter().any(|s| s == id), "{id}: {sps:?}\n{err}");
    }
    let ms = strs(&back["activities"][0]["security_measures"]);
    for id in [first_measure.as_str(), "mesure-nbsp"] {
        assert!(ms.iter().any(|s| s == id), "{id}: {ms:?}\n{err}");
    }
    // Every category keeps its sub-processors.
    let before = yaml(&ws.root().join(file));
    for (i, a) in back["activities"].as_sequence().unwrap().iter().enumerate() {
        assert_eq!(
            strs(&a["subprocessors"]),
            strs(&before["activities"][i]["subprocessors"]),
            "{i}: {err}"
        );
    }
}

/// Review 14j, N3: invisible characters are left out of the cells, said
/// with their code points: no second controller, category or measure, no
/// invisible name or address; `check` warns on one typed in a file.
#[test]
fn invisible_characters_are_left_out_and_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Messagerie", measures="Sauvegardes")
row("Commune A\u200b", "Messagerie\u200b", measures="\u00adSauvegardes")
row("Commune B", "Paie", "États-Unis\ufeff : Microsoft", measures="Sauvegardes\u200b")
"#,
    );
    let err = r.stderr();
    for (row, col) in [(3, "A"), (3, "E"), (3, "J"), (4, "H"), (4, "J")] {
        let at = format!("Registre, ligne {row}, colonne {col}");
        assert!(
            lines_at(&err, &at)
                .iter()
                .any(|l| l.starts_with("signalé, importé") && l.contains("U+")),
            "{row}{col}: {err}"
        );
    }
    assert!(err.contains("U+200B") && err.contains("U+00AD") && err.contains("U+FEFF"));
    assert!(!into.join("controllers/commune-a-2.yaml").exists(), "{err}");
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["activities"].as_sequence().unwrap().len(), 1, "{a:?}");
    let measures = yaml(&into.join("security-measures.yaml"));
    assert_eq!(
        measures["measures"].as_sequence().unwrap().len(),
        1,
        "{measures:?}"
    );
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(b["transfers"][0]["country"].as_str(), Some("États-Unis"));

    // `check` on a file that holds one.
    let ws = Workspace::sample();
    let file = "controllers/juvisy-sur-orge.yaml";
    let text = ws.read(file);
    ws.write(
        file,
        &text.replacen("name: Commune", "name: Commune\u{200b}", 1),
    );
    let ctl: Value = serde_yaml::from_str(&ws.read(file)).unwrap_or(Value::Null);
    assert!(ctl.is_mapping(), "the edit keeps the file readable");
    let out = dpo_in(&ws).run(&["check"]).text();
    assert!(
        out.lines()
            .any(|l| l.contains(file) && l.contains("U+200B") && l.contains("ne se voit pas")),
        "{out}"
    );
}

/// Review 14j, N4: « à confirmer » typed otherwise than the export writes
/// it is the mark: the field flagged, the text without it, said; never a
/// name or an id holding it, never a new measure.
#[test]
fn a_mark_typed_in_another_shape_is_the_mark() {
    let ws = Workspace::missing();
    let cats = [
        "Messagerie [à confirmer]",
        "Messagerie - à confirmer",
        "Messagerie à confirmer",
        "Messagerie (à confirmer.)",
        "Messagerie (à confirmer) (à confirmer)",
        "Messagerie (à vérifier)",
        "Messagerie (?)",
    ];
    let mut rows = String::from("row('Commune Z', 'Paie', measures='Sauvegardes')\n");
    for (i, c) in cats.iter().enumerate() {
        rows.push_str(&format!(
            "row('Commune {i}', {c:?}, 'États-Unis : Microsoft [à confirmer]', \
             measures='Sauvegardes (à vérifier)')\n"
        ));
    }
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for (i, c) in cats.iter().enumerate() {
        let ctl = yaml(&into.join(format!("controllers/commune-{i}.yaml")));
        let a = &ctl["activities"][0];
        assert_eq!(a["id"].as_str(), Some("messagerie"), "{c}: {err}");
        assert_eq!(a["name"].as_str(), Some("Messagerie"), "{c}: {err}");
        let flags = strs(&a["to_confirm"]);
        assert!(flags.iter().any(|f| f == "name"), "{c}: {flags:?}");
        assert!(
            flags.iter().any(|f| f == "security_measures"),
            "{c}: {flags:?}"
        );
        assert_eq!(strs(&a["security_measures"]), ["sauvegardes"], "{c}");
        let t = &ctl["transfers"][0];
        assert_eq!(t["recipient"].as_str(), Some("Microsoft"), "{c}: {err}");
        assert_eq!(strs(&t["to_confirm"]), ["recipient"], "{c}");
        let row = i + 3;
        let e = one_line_at(&err, &format!("Registre, ligne {row}, colonne E"));
        assert!(
            e.contains("n'est pas écrite comme dpo l'écrit"),
            "{c}: {err}"
        );
        assert!(
            !lines_at(&err, &format!("Registre, ligne {row}, colonne H")).is_empty(),
            "{c}: {err}"
        );
    }
    let measures = yaml(&into.join("security-measures.yaml"));
    assert_eq!(
        measures["measures"].as_sequence().unwrap().len(),
        1,
        "{measures:?}"
    );
    // The export's own mark stays silent; a real word ending a name is
    // no mark.
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune Y', 'Messagerie (à confirmer)')\nrow('Commune X', 'Confirmer les inscriptions')\n",
    );
    let err = r.stderr();
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne E").is_empty(),
        "{err}"
    );
    let x = yaml(&into.join("controllers/commune-x.yaml"));
    assert_eq!(
        x["activities"][0]["name"].as_str(),
        Some("Confirmer les inscriptions")
    );
}

/// Review 14k, P2: authority safeguards with a blank line are read by
/// position (no value with a line break in it, no safeguard given to the
/// transfer whose line is blank); a « à compléter » line among fewer lines
/// than transfers gives none of them to every transfer: said, not
/// imported.
#[test]
fn authority_safeguards_with_a_blank_or_placeholder_line_are_never_given_to_all() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
def t(ctl, transfers, safeguards):
    ws.append([ctl, None, None, None, "Paie", None, None, transfers, safeguards, "Pare-feu", "Conv",
               datetime.date(2021, 2, 1), 6])
t("Commune A", "États-Unis : Microsoft\nMaroc : X", "\nBCR")
t("Commune B", "États-Unis : Microsoft\nMaroc : X", "CCT\n")
t("Commune C", "États-Unis : Microsoft\nMaroc : X\nInde : Y", "à compléter\nBCR")
t("Commune D", "États-Unis : Microsoft", "\nBCR")
"#,
    );
    let err = r.stderr();
    let safeguards = |ctl: &str| -> Vec<Option<String>> {
        let y = yaml(&into.join(format!("controllers/{ctl}.yaml")));
        y["transfers"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|t| t["safeguards"].as_str().map(String::from))
            .collect()
    };
    assert_eq!(
        safeguards("commune-a"),
        [None, Some("BCR".to_string())],
        "{err}"
    );
    // A blank last line beside as many transfers: the last has none, as
    // the sheet shows it (review 18, 4).
    assert_eq!(
        safeguards("commune-b"),
        [Some("CCT".to_string()), None],
        "{err}"
    );
    assert_eq!(safeguards("commune-c"), [None, None, None], "{err}");
    assert!(
        lines_at(&err, "Registre, ligne 4, colonne I")
            .iter()
            .any(|l| l.starts_with("non importé") && l.contains("on ne sait pas")),
        "{err}"
    );
    assert_eq!(safeguards("commune-d"), [Some("BCR".to_string())], "{err}");
}
