//! Integration tests of issue 14, part f14l: cases of the eighth review
//! (review 14h) of `dpo import`.
//!
//! In the authority's layout, two transfers typed on one line with a `;`
//! are imported as one, as typed, and said. In dpo's layout, a line « à
//! compléter » in a transfer column costs no transfer above it: it is left
//! out and said, and a workspace transfer with an empty country and
//! recipient comes back from its export. `dpo check` takes a phone with
//! its extension (« poste 12 ») for a phone.

use crate::sheets_import::{dpo_in, edited_export, lines_at, one_line_at, register, yaml, Import};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;

const SHEET: &str = "Commune de Juvisy-sur-Orge";
const FILE: &str = "controllers/juvisy-sur-orge.yaml";

#[test]
fn two_transfers_on_one_line_are_one_as_typed_and_said() {
    let ws = Workspace::missing();
    let (r, into) = apd(
        &ws,
        r#"
row("Commune A", "Paie", "États-Unis : Microsoft ; Maroc : Centre d'appel")
row("Commune B", "Paie", "États-Unis : Microsoft ; Google")
"#,
    );
    let err = r.stderr();
    let a = yaml(&into.join("controllers/commune-a.yaml"));
    let t = &a["transfers"];
    assert_eq!(t.as_sequence().map(Vec::len), Some(1), "{a:?}");
    assert_eq!(t[0]["country"].as_str(), Some("États-Unis"));
    assert_eq!(
        t[0]["recipient"].as_str(),
        Some("Microsoft ; Maroc : Centre d'appel")
    );
    let line = one_line_at(&err, "Registre, ligne 2, colonne H");
    assert!(
        line.starts_with("signalé, importé")
            && line.contains("un seul transfert")
            && line.contains("Maroc"),
        "{err}"
    );
    // A « ; » inside one recipient (no second country) is no second
    // transfer: nothing said.
    let b = yaml(&into.join("controllers/commune-b.yaml"));
    assert_eq!(
        b["transfers"][0]["recipient"].as_str(),
        Some("Microsoft ; Google")
    );
    assert!(!err.contains("ligne 3, colonne H"), "{err}");
}

/// `column` set to `value` on every row of the controller's sheet (Python).
fn every_row(cells: &[(&str, &str)]) -> String {
    let mut edit = String::from("for r in range(2, ws.max_row + 1):\n");
    for (column, value) in cells {
        edit.push_str(&format!("    ws[f'{column}{{r}}'] = {value:?}\n"));
    }
    edit
}

#[test]
fn a_line_to_complete_in_a_transfer_column_costs_no_transfer_above_it() {
    for (cells, said) in [
        (
            vec![("M", "États-Unis\nà compléter"), ("N", "Microsoft")],
            "M",
        ),
        (
            vec![("M", "États-Unis\n?"), ("N", "Microsoft"), ("Q", "CCT")],
            "M",
        ),
        (
            vec![("M", "États-Unis"), ("N", "Microsoft\nà compléter")],
            "N",
        ),
        (
            vec![("M", "États-Unis"), ("N", "Microsoft"), ("Q", "CCT\nTODO")],
            "Q",
        ),
    ] {
        let ws = Workspace::sample();
        let (r, into) = edited_export(&ws, &every_row(&cells), false);
        let err = r.stderr();
        r.assert_code(0);
        let ctl = yaml(&into.join(FILE));
        let t = &ctl["transfers"];
        assert_eq!(t.as_sequence().map(Vec::len), Some(1), "{cells:?}\n{err}");
        assert_eq!(t[0]["country"].as_str(), Some("États-Unis"));
        assert_eq!(t[0]["recipient"].as_str(), Some("Microsoft"));
        let line = one_line_at(&err, &format!("{SHEET}, ligne 2, colonne {said}"));
        assert!(
            line.starts_with("signalé")
                && !line.starts_with("signalé,")
                && line.contains("à compléter"),
            "{cells:?}\n{err}"
        );
    }
}

#[test]
fn an_empty_transfer_beside_a_known_one_comes_back_from_its_export() {
    let ws = Workspace::sample();
    let text = ws.read(FILE);
    ws.write(
        FILE,
        &format!(
            "{text}transfers:\n  - country: États-Unis\n    recipient: Microsoft\n    \
             safeguards: Clauses contractuelles types\n  - country: \"\"\n    recipient: \"\"\n"
        ),
    );
    for format in ["xlsx", "ods"] {
        let out = ws.path(&format!("aller.{format}"));
        register(ws.root(), format, &out).assert_code(0);
        let into = ws.path(&format!("retour-{format}"));
        let r = dpo_in(&ws).import(&out, &into, None);
        r.assert_code(0);
        let back = yaml(&into.join(FILE));
        let t = &back["transfers"];
        assert_eq!(
            t.as_sequence().map(Vec::len),
            Some(2),
            "{back:?}\n{}",
            r.stderr()
        );
        assert_eq!(t[0]["country"].as_str(), Some("États-Unis"));
        assert_eq!(
            t[0]["safeguards"].as_str(),
            Some("Clauses contractuelles types")
        );
        assert_eq!(t[1]["country"].as_str(), Some(""));
        assert_eq!(t[1]["recipient"].as_str(), Some(""));
        assert!(lines_at(&r.stderr(), SHEET).is_empty(), "{}", r.stderr());
    }
}

#[test]
fn check_takes_a_phone_with_its_extension_for_a_phone() {
    let ws = Workspace::sample();
    let text = ws.read("processor.yaml");
    ws.write(
        "processor.yaml",
        &text.replace("phone: 01 63 12 44 12", "phone: 01 63 12 44 12 poste 12"),
    );
    assert!(ws.read("processor.yaml").contains("poste 12"));
    let out = dpo_in(&ws).run(&["check"]).text();
    assert!(!out.lines().any(|l| l.contains(" phone\u{202f}:")), "{out}");
    // Letters that are no extension are still said.
    ws.write(
        "processor.yaml",
        &text.replace("phone: 01 63 12 44 12", "phone: 01 63 12 44 12 standard"),
    );
    let out = dpo_in(&ws).run(&["check"]).text();
    assert!(out.lines().any(|l| l.contains(" phone\u{202f}:")), "{out}");
}
