//! Integration tests of issue 14, part f14l: cases of the eighth review
//! (review 14h) of `dpo import`.
//!
//! In the authority's layout, two transfers typed on one line with a `;`
//! are imported as one, as typed, and said.

use crate::sheets_import::{one_line_at, yaml};
use crate::sheets_import_f14i::apd;
use crate::support::Workspace;

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
        line.starts_with("signalé") && line.contains("un seul transfert") && line.contains("Maroc"),
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
