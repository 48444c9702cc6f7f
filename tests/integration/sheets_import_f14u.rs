//! Integration tests of issue 14, part f14u: what the eleventh review
//! (review 14k) of `dpo import` found.
//!
//! A transfer line's country is read against the names of the world's
//! states and territories (French and English, ISO 3166-1 and the usual
//! short names): « Hébergeur : OVH » or « Dublin : Microsoft » is said and
//! not imported, never a transfer to a country « Hébergeur » (P1); in
//! dpo's own layout such a country is kept as typed, said (P5). A form's
//! two lines are one transfer in either order, and one of them alone is
//! said as half a transfer, never as « Pays is a heading » (P6). A line
//! that is only the « à confirmer » mark is no value but the field's flag
//! (a category without a name is none), the mark's words among others are
//! kept as typed and said, a Unicode line separator is a line break (P7);
//! two addresses differing only by case are one; a safeguards cell refused
//! whole is not said as « the other lines imported » (P8); `check` warns on
//! a name ending in a doubt, which a round trip would take out (P3).

use crate::sheets_import::{
    dpo_in, edited_export, lines_at, one_line_at, q, register, strs, yaml, Import,
};
use crate::sheets_import_f14i::apd;
use crate::sheets_import_f14k::contacts_apd;
use crate::sheets_import_f14q::countries;
use crate::support::Workspace;

/// Review 14k, P1: a `label : value` line whose label is on no list, a
/// city, a region of the world: no transfer, said at the transfers cell;
/// the transfer above it is kept, and the usual ways of naming a country
/// are read.
#[test]
fn a_line_whose_country_side_names_no_country_is_said_and_not_imported() {
    let ws = Workspace::missing();
    let unknown = [
        "Infogérant : OVH",
        "Dublin : Microsoft",
        "Monde entier : Google",
        "Infogérance : Acme",
        "Support niveau deux : Acme",
    ];
    let mut rows = String::new();
    for (i, l) in unknown.iter().enumerate() {
        let cell = format!("États-Unis : Microsoft\n{l}");
        rows.push_str(&format!("row('Commune {i}', 'Paie', {cell:?})\n"));
    }
    let known = [
        ("USA : AWS", "USA"),
        ("États-Unis (Virginie) : AWS", "États-Unis (Virginie)"),
        ("les Pays-Bas : Acme", "les Pays-Bas"),
        ("Royaume Uni : Acme", "Royaume Uni"),
        ("Corée du Sud : Acme", "Corée du Sud"),
        ("United States of America: AWS", "United States of America"),
    ];
    let n = unknown.len();
    for (i, (l, _)) in known.iter().enumerate() {
        rows.push_str(&format!("row('Commune {}', 'Paie', {l:?})\n", n + i));
    }
    let (r, into) = apd(&ws, &rows);
    let err = r.stderr();
    for (i, l) in unknown.iter().enumerate() {
        let h = one_line_at(&err, &format!("Registre, ligne {}, colonne H", i + 2));
        let side = l.split(" : ").next().unwrap_or_default();
        assert!(
            h.starts_with("non importé")
                && h.contains(&q(l))
                && h.contains(&format!("{} n'est pas un pays connu", q(side))),
            "{l}: {err}"
        );
        assert_eq!(countries(&into, i), ["États-Unis"], "{l}: {err}");
    }
    for (i, (l, country)) in known.iter().enumerate() {
        let at = format!("Registre, ligne {}, colonne H", n + i + 2);
        assert!(lines_at(&err, &at).is_empty(), "{l}: {err}");
        assert_eq!(countries(&into, n + i), [*country], "{l}: {err}");
    }
}

/// Review 14k, P1: alone, such a line leaves the transfers « à compléter »
/// (never « none »), and its own safeguard goes with it, said.
#[test]
fn alone_such_a_line_leaves_the_transfers_to_complete_and_its_safeguard_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Commune 0', None, None, None, 'Paie', None, None, \
         'Infogérant : OVH', 'CCT', 'Pare-feu', 'Conv', datetime.date(2021, 2, 1), 6])\n",
    );
    let err = r.stderr();
    assert!(
        one_line_at(&err, "Registre, ligne 2, colonne H").contains("n'est pas un pays connu"),
        "{err}"
    );
    let i = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(
        i.starts_with("non importé") && i.contains(&q("CCT")),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    assert!(ctl.get("transfers").is_none(), "{ctl:?}");
}

/// Review 14k, P6: a form's « Destinataire : B » line over its « Pays : A »
/// line is the same transfer A → B, said; a « Pays : A » or a
/// « Destinataire : B » line alone is half a transfer, said as such; a
/// form's country « à compléter » is said as that, not imported.
#[test]
fn a_form_s_lines_in_either_order_are_one_transfer_and_half_a_form_is_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune 0", "Paie", "Destinataire : Microsoft\nPays : États-Unis")
row("Commune 1", "Paie", "Maroc : X\nPays : États-Unis")
row("Commune 2", "Paie", "Maroc : X\nDestinataire : Microsoft")
row("Commune 3", "Paie", "Maroc : X\nPays : à compléter\nDestinataire : Microsoft")
"#,
    );
    let err = r.stderr();
    let zero = yaml(&into.join("controllers/commune-0.yaml"));
    assert_eq!(countries(&into, 0), ["États-Unis"], "{err}");
    assert_eq!(
        zero["transfers"][0]["recipient"].as_str(),
        Some("Microsoft"),
        "{err}"
    );
    assert!(
        one_line_at(&err, "Registre, ligne 2, colonne H").contains("un seul transfert"),
        "{err}"
    );
    let one = one_line_at(&err, "Registre, ligne 3, colonne H");
    assert!(
        one.starts_with("non importé")
            && one.contains("un pays sans ligne")
            && !one.contains("intitulé"),
        "{err}"
    );
    let two = one_line_at(&err, "Registre, ligne 4, colonne H");
    assert!(
        two.starts_with("non importé") && two.contains("un destinataire sans ligne"),
        "{err}"
    );
    let three = one_line_at(&err, "Registre, ligne 5, colonne H");
    assert!(
        three.starts_with("non importé")
            && three.contains("le pays de ce transfert est à compléter"),
        "{err}"
    );
    for n in 1..=3 {
        assert_eq!(countries(&into, n), ["Maroc"], "{n}: {err}");
    }
}

/// Review 14k, P5: in dpo's own layout, a country line that names no
/// country (« Hébergement : France », « Pays : États-Unis ») is the
/// workspace's value, kept as typed, and said; a real country is silent.
#[test]
fn the_own_layout_keeps_a_country_that_names_none_and_says_it() {
    let ws = Workspace::sample();
    let edit = "for r in range(2, ws.max_row + 1):\n    \
                ws[f'M{r}'] = 'Hébergement : France\\nPays : États-Unis\\nMaroc'\n    \
                ws[f'N{r}'] = 'OVH\\nMicrosoft\\nAcme'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let got: Vec<&str> = ctl["transfers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|t| t["country"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        got,
        ["Hébergement : France", "Pays : États-Unis", "Maroc"],
        "{err}"
    );
    let m = lines_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne M");
    assert_eq!(m.len(), 2, "{err}");
    assert!(
        m.iter().any(|l| l.contains(&q("Hébergement : France")))
            && m.iter().any(|l| l.contains(&q("Pays : États-Unis")))
            && m.iter().all(|l| l.starts_with("signalé, importé")
                && l.contains("n'est pas un pays connu")),
        "{err}"
    );
    assert!(!err.contains(&q("Maroc")), "{err}");
}

/// Review 14k, P7: a category that is only the mark has no name (said, no
/// category « à confirmer »); the mark's words among others are kept and
/// said; a data category line that is only the mark flags the list; a
/// line separator (U+2028) parts two lines.
#[test]
fn a_line_that_is_only_the_mark_is_the_field_s_flag_never_a_value() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune 0', 'à confirmer')\n\
         row('Commune 1', 'Paie (à confirmer avec le service)')\n\
         row('Commune 2', 'Paie', data='Nom\\n(?)\\nPrénom')\n\
         row('Commune 3', 'Paie', data='Nom\\u2028Prénom')\n",
    );
    let err = r.stderr();
    let zero = yaml(&into.join("controllers/commune-0.yaml"));
    assert!(
        zero["activities"]
            .as_sequence()
            .is_none_or(|a| a.is_empty()),
        "{zero:?}\n{err}"
    );
    let e = one_line_at(&err, "Registre, ligne 2, colonne E");
    assert!(
        e.starts_with("non importé")
            && e.contains("n'est que la marque")
            && e.contains("n'a pas de nom"),
        "{err}"
    );
    let one = yaml(&into.join("controllers/commune-1.yaml"));
    assert_eq!(
        one["activities"][0]["name"].as_str(),
        Some("Paie (à confirmer avec le service)")
    );
    let e = one_line_at(&err, "Registre, ligne 3, colonne E");
    assert!(
        e.starts_with("signalé, importé")
            && e.contains("parmi d'autres")
            && e.contains("importé tel quel"),
        "{err}"
    );
    let two = yaml(&into.join("controllers/commune-2.yaml"));
    assert_eq!(
        strs(&two["activities"][0]["data_categories"]),
        ["Nom", "Prénom"]
    );
    assert_eq!(
        strs(&two["activities"][0]["to_confirm"]),
        ["data_categories"]
    );
    let g = one_line_at(&err, "Registre, ligne 4, colonne G");
    assert!(
        g.starts_with("signalé")
            && !g.starts_with("signalé, importé")
            && g.contains(&q("(?)"))
            && g.contains("marqué à confirmer"),
        "{err}"
    );
    let three = yaml(&into.join("controllers/commune-3.yaml"));
    assert_eq!(
        strs(&three["activities"][0]["data_categories"]),
        ["Nom", "Prénom"]
    );
    assert!(lines_at(&err, "Registre, ligne 5").is_empty(), "{err}");
}

/// Review 14k, P8: « MAIRE@a.fr » beside « maire@a.fr » is one address,
/// the first kept, nothing said.
#[test]
fn two_addresses_differing_only_by_case_are_one() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        "contacts('Commune A', None, None, 'Jean Dpo\\nmaire@a.fr\\nMAIRE@a.fr')\n",
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert_eq!(a["dpo"]["email"].as_str(), Some("maire@a.fr"), "{a:?}");
    assert!(
        lines_at(&err, "Registre, ligne 2, colonne D").is_empty(),
        "{err}"
    );
}

/// Review 14k, P8: a DPO « Néant (à confirmer) » is said once, as no name
/// (not also as a value imported without its mark).
#[test]
fn a_contact_that_says_none_with_a_mark_is_said_once() {
    let ws = Workspace::missing();
    let (r, into) = contacts_apd(
        &ws,
        "contacts('Commune A', None, None, 'Néant (à confirmer)')\n",
    );
    let err = r.stderr();
    let d = one_line_at(&err, "Registre, ligne 2, colonne D");
    assert!(d.starts_with("non importé") && d.contains("aucun"), "{err}");
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    assert!(a["dpo"]["name"].as_str().is_none(), "{a:?}");
}

/// Review 14k, P8: a safeguards cell refused whole (a line « à compléter »
/// among fewer lines than transfers) is said once, as not imported, never
/// as « the other lines imported ».
#[test]
fn a_safeguards_cell_refused_whole_is_not_said_as_partly_imported() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Commune 0', None, None, None, 'Paie', None, None, \
         'États-Unis : Microsoft\\nMaroc : X\\nInde : Y', 'CCT\\nà compléter', 'Pare-feu', \
         'Conv', datetime.date(2021, 2, 1), 6])\n",
    );
    let err = r.stderr();
    let i = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(
        i.starts_with("non importé") && !i.contains("les autres lignes le sont"),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    let t = ctl["transfers"].as_sequence().unwrap();
    assert_eq!(t.len(), 3, "{ctl:?}");
    assert!(t.iter().all(|t| t.get("safeguards").is_none()), "{ctl:?}");
}

/// Review 14k, P3: `check` warns on a record's name that ends in a doubt
/// (« Acme (?) »), which an export read back would take out of the name;
/// the register's sample has none.
#[test]
fn check_warns_on_a_name_that_ends_in_a_doubt() {
    let ws = Workspace::sample();
    let quiet = dpo_in(&ws).run(&["check"]);
    assert!(
        !quiet.stdout().contains("marque de doute"),
        "{}",
        quiet.stdout()
    );
    let mut sp: serde_yaml::Value = serde_yaml::from_str(&ws.read("subprocessors.yaml")).unwrap();
    sp["subprocessors"][0]["name"] = "Acme (?)".into();
    ws.write("subprocessors.yaml", &serde_yaml::to_string(&sp).unwrap());
    let r = dpo_in(&ws).run(&["check"]);
    let err = r.stdout();
    let warn = one_line_at(&err, "marque de doute");
    assert!(
        warn.contains("subprocessors.yaml") && warn.contains(&q("Acme (?)")),
        "{err}"
    );
    r.assert_code(0);

    // Beside a record named « Acme », both are written `name (id)` in a
    // category's cell, and each goes back to its own id.
    let mut sp: serde_yaml::Value = serde_yaml::from_str(&ws.read("subprocessors.yaml")).unwrap();
    let list = sp["subprocessors"].as_sequence_mut().unwrap();
    let mut plain = list[0].clone();
    plain["id"] = "acme".into();
    plain["name"] = "Acme".into();
    list.push(plain);
    let first = list[0]["id"].as_str().unwrap().to_string();
    ws.write("subprocessors.yaml", &serde_yaml::to_string(&sp).unwrap());
    let file = "controllers/juvisy-sur-orge.yaml";
    let mut ctl: serde_yaml::Value = serde_yaml::from_str(&ws.read(file)).unwrap();
    ctl["activities"][0]["subprocessors"] = serde_yaml::to_value([&first, "acme"]).unwrap();
    ws.write(file, &serde_yaml::to_string(&ctl).unwrap());
    let xlsx = ws.path("registre.xlsx");
    register(ws.root(), "xlsx", &xlsx).assert_code(0);
    let into = ws.path("nouveau");
    let r = dpo_in(&ws).import(&xlsx, &into, None);
    r.assert_no_panic();
    let err = r.stderr();
    assert!(!err.contains("désigne plusieurs"), "{err}");
    let back = yaml(&into.join(file));
    assert_eq!(
        strs(&back["activities"][0]["subprocessors"]),
        [first.as_str(), "acme"],
        "{err}"
    );
}

/// Review 14k, P7, in dpo's own layout: a line that is only the words of
/// the mark, or holds them among others, is the workspace's text, kept as
/// typed, and said (the export writes the mark « (à confirmer) » only).
#[test]
fn the_own_layout_keeps_the_mark_s_words_typed_otherwise_and_says_them() {
    let ws = Workspace::sample();
    let edit = "ws['G2'] = 'à confirmer'\n\
                ws['G3'] = ws['G3'].value + ' (à confirmer avec le service)'\n\
                ws['J2'] = 'Nom\\nà confirmer\\nPrénom'\n";
    let (r, into) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/juvisy-sur-orge.yaml"));
    let acts = &ctl["activities"];
    assert_eq!(acts[0]["name"].as_str(), Some("à confirmer"), "{err}");
    assert!(
        acts[1]["name"]
            .as_str()
            .is_some_and(|n| n.ends_with(" (à confirmer avec le service)")),
        "{err}"
    );
    assert_eq!(
        strs(&acts[0]["data_categories"]),
        ["Nom", "à confirmer", "Prénom"],
        "{err}"
    );
    for (at, what) in [
        ("ligne 2, colonne G", "n'est que les mots"),
        ("ligne 3, colonne G", "parmi d'autres"),
        ("ligne 2, colonne J", "n'est que les mots"),
    ] {
        let l = one_line_at(&err, &format!("Commune de Juvisy-sur-Orge, {at}"));
        assert!(
            l.starts_with("signalé, importé") && l.contains(what) && l.contains("tel quel"),
            "{at}: {err}"
        );
    }
}

/// Review 14l, 1: a mark typed without brackets at the end of a line
/// leaves what it follows whole (a closing bracket, a quote, `%`, `+`),
/// in every field, the safeguards' included (said there too); review 14l,
/// 3: every line that is only the mark is quoted.
#[test]
fn a_mark_without_brackets_leaves_what_it_follows_whole() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Commune 0', None, 'M. Dupont (DGS) à confirmer', None, \
         'Logiciel « Ciril » à vérifier', None, 'C++ à confirmer\\nTaux 100 % à confirmer', \
         'États-Unis : Microsoft', 'CCT (2021) à confirmer', 'Pare-feu', 'Conv', \
         datetime.date(2021, 2, 1), 6])\n\
         row('Commune 1', 'Paie', data='Identité\\nà vérifier\\n(?)')\n",
    );
    let err = r.stderr();
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    assert_eq!(
        ctl["representative"]["name"].as_str(),
        Some("M. Dupont (DGS)"),
        "{err}"
    );
    let act = &ctl["activities"][0];
    assert_eq!(act["name"].as_str(), Some("Logiciel « Ciril »"), "{err}");
    assert_eq!(
        strs(&act["data_categories"]),
        ["C++", "Taux 100 %"],
        "{err}"
    );
    let t = &ctl["transfers"][0];
    assert_eq!(t["safeguards"].as_str(), Some("CCT (2021)"), "{err}");
    assert_eq!(strs(&t["to_confirm"]), ["safeguards"], "{err}");
    let i = one_line_at(&err, "Registre, ligne 2, colonne I");
    assert!(i.contains(&q("CCT (2021)")), "{err}");
    let one = yaml(&into.join("controllers/commune-1.yaml"));
    assert_eq!(strs(&one["activities"][0]["data_categories"]), ["Identité"]);
    let g = one_line_at(&err, "Registre, ligne 3, colonne G");
    assert!(g.contains(&q("à vérifier / (?)")), "{err}");
}

/// Review 14m, 1–3: the mark's words typed otherwise than as the mark are
/// said in every column, not only a category's: a recipient « à
/// confirmer », safeguards holding « à vérifier » among
/// other words (authority layout), a recipient so in dpo's own layout;
/// `check` warns on any text that ends in a doubt.
#[test]
fn the_mark_s_words_typed_otherwise_are_said_in_every_column() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Commune 0', None, None, 'à confirmer', 'Paie', None, None, \
         'États-Unis : à confirmer', 'CCT à vérifier en 2027', 'Pare-feu', 'Conv', \
         datetime.date(2021, 2, 1), 6])\n",
    );
    let err = r.stderr();
    for (col, value) in [("H", "à confirmer"), ("I", "CCT à vérifier en 2027")] {
        let said = lines_at(&err, &format!("Registre, ligne 2, colonne {col}"));
        assert!(
            said.iter().any(|l| l.starts_with("signalé, importé")
                && l.contains(&q(value))
                && l.contains("tel quel")),
            "{col}: {err}"
        );
    }
    // A DPO « à confirmer » is no name (review 14o, 7): not imported, said.
    let d = one_line_at(&err, "Registre, ligne 2, colonne D");
    assert!(
        d.starts_with("non importé") && d.contains(&q("à confirmer")),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    assert!(ctl["dpo"]["name"].is_null(), "{ctl:?}");

    let ws = Workspace::sample();
    let edit = "for r in range(2, ws.max_row + 1):\n    \
                ws[f'M{r}'] = 'États-Unis'\n    \
                ws[f'N{r}'] = 'Société X à vérifier en interne'\n";
    let (r, _) = edited_export(&ws, edit, false);
    let err = r.stderr();
    let n = one_line_at(&err, "Commune de Juvisy-sur-Orge, ligne 2, colonne N");
    assert!(
        n.starts_with("signalé, importé") && n.contains("tel quel"),
        "{err}"
    );

    let file = "controllers/juvisy-sur-orge.yaml";
    let mut ctl: serde_yaml::Value = serde_yaml::from_str(&ws.read(file)).unwrap();
    ctl["activities"][0]["description"] = "Délais de conservation à confirmer".into();
    ws.write(file, &serde_yaml::to_string(&ctl).unwrap());
    let out = dpo_in(&ws).run(&["check"]).stdout();
    let warn = one_line_at(&out, "marque de doute");
    assert!(warn.contains("activities[0].description"), "{out}");
}

/// Review 14m, 4: a convention start typed as a date-time in the
/// authority's layout: the date imported, the time said as not kept.
#[test]
fn a_date_time_convention_start_says_its_time_is_not_kept() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "ws.append(['Commune 0', None, None, None, 'Paie', None, None, 'aucun', None, \
         'Pare-feu', 'Conv', datetime.datetime(2021, 2, 1, 14, 30), 6])\n",
    );
    let err = r.stderr();
    let l = one_line_at(&err, "Registre, ligne 2, colonne L");
    assert!(
        l.starts_with("signalé, importé") && l.contains("l'heure"),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    assert_eq!(
        ctl["convention"]["start"].as_str(),
        Some("2021-02-01"),
        "{ctl:?}"
    );
}

/// Review 14m, 6: two categories of one controller whose names differ
/// only by accents (« État civil », « Etat civil ») are both imported, the
/// second's suffixed id said.
#[test]
fn a_category_whose_id_is_another_s_is_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        "row('Commune 0', 'État civil')\nrow('Commune 0', 'Etat civil')\n",
    );
    let err = r.stderr();
    let e = one_line_at(&err, "Registre, ligne 3, colonne E");
    assert!(
        e.starts_with("signalé, importé") && e.contains("etat-civil-2"),
        "{err}"
    );
    let ctl = yaml(&into.join("controllers/commune-0.yaml"));
    assert_eq!(
        ctl["activities"].as_sequence().map(Vec::len),
        Some(2),
        "{ctl:?}"
    );
}
