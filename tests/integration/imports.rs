//! Integration tests of issue 15, "other products by import": a destruction
//! made by the operator with Proxmox Backup Server or Veeam, proven by the
//! product's own listings taken before and after (`dpo fate destroy …
//! --listing-before F --listing-after G --format pbs|veeam-json`), on the
//! fixture listings of `tests/fixtures/imports/` (PBS's one-line JSON;
//! Veeam restore points as Windows PowerShell 5.1 writes them — BOM, CRLF,
//! `\/Date(…)\/` — and as PowerShell 7 does — ISO dates, a lone object).
//! Only the selected points are recorded as deleted, the others that went
//! are reported; a listing after that still shows one, a selection that
//! matches nothing, a malformed listing each exit non-zero and record
//! nothing; the certificate read back with `pdftotext` lists the ids and
//! verifies with `ssh-keygen -Y verify`; the evidence hashes to what the
//! record and the journal say.

use std::path::PathBuf;

use crate::support::tools::{pdf_text, sha256sum, ssh_keygen_verify};
use crate::support::workspace::fixture;
use crate::support::{Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";
const PRINCIPAL: &str = "DPO@grandorlyseinebievre.fr";

/// One item of backup history, kept in a PBS datastore and by Veeam.
const FATE: &str = "# Fixture of tests/integration/imports.rs.
items:
  - id: sauvegardes
    name: Historique des sauvegardes
    choice: destroy
    decision: {reference: \"courrier du maire n° 2021-147\", date: 2021-07-15}
    copies:
      - id: pbs
        kind: backup_repository
        location: Proxmox Backup Server, datastore sauvegardes-communes
      - id: veeam
        kind: restore_points
        location: Veeam Backup & Replication
";

/// The three snapshots of the group `vm/101` in `pbs-before.json`.
const VM101: [&str; 3] = [
    "vm/101/2021-07-29T22:00:00Z",
    "vm/101/2021-07-30T22:00:00Z",
    "vm/101/2021-07-31T22:00:00Z",
];

/// The restore points of the job « Sauvegarde Juvisy » in the Veeam listings.
const JUVISY: [&str; 3] = [
    "9f1d2c44-6b0e-4f3a-9a57-2e81c0d5b713",
    "0c7e5a19-3d42-4b8e-8f06-71a9d2e4c5b0",
    "e4b8a6f2-15c9-4d7a-b3e0-5f2c9d81a647",
];

fn workspace() -> Workspace {
    let ws = Workspace::fixture("fate-workspace");
    ws.write("fate/juvisy-sur-orge.yaml", FATE);
    ws
}

fn listing(name: &str) -> String {
    fixture("imports").join(name).display().to_string()
}

/// `destroy` proven by two listings of the fixtures, `[before, after]`, in
/// `format`, with the selection and other options `more`.
fn imported(ws: &Workspace, copy: &str, listings: [&str; 2], format: &str, more: &[&str]) -> Run {
    let (b, a) = (listing(listings[0]), listing(listings[1]));
    let args = [
        "--listing-before",
        &b,
        "--listing-after",
        &a,
        "--format",
        format,
    ];
    destroy(ws, copy, &[&args[..], more].concat())
}

/// `dpo fate destroy sauvegardes --copy COPY --operator … <args>`.
fn destroy(ws: &Workspace, copy: &str, args: &[&str]) -> Run {
    let mut all = vec![
        "fate",
        "destroy",
        "sauvegardes",
        "--copy",
        copy,
        "--operator",
        "Bob Martin",
        "--validated-by",
        "Carole Dupont",
        "--media-destination",
        "datastore conservé pour les autres communes",
    ];
    all.extend_from_slice(args);
    let o = ws.dpo().now(NOW).run(&all);
    o.assert_no_panic();
    o
}

fn pbs(ws: &Workspace, after: &str, select: &[&str]) -> Run {
    imported(ws, "pbs", ["pbs-before.json", after], "pbs", select)
}

fn records(ws: &Workspace) -> Vec<serde_yaml::Value> {
    let fate: serde_yaml::Value =
        serde_yaml::from_str(&ws.read("fate/juvisy-sur-orge.yaml")).unwrap();
    fate["records"]
        .as_sequence()
        .map(|r| {
            r.iter()
                .filter(|r| r["record"].as_str() == Some("destruction"))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Nothing recorded as destroyed, journaled or kept as evidence.
fn nothing_recorded(ws: &Workspace, o: &Run) {
    assert!(records(ws).is_empty(), "{}", o.text());
    assert!(
        !ws.journal().iter().any(|e| e["action"] == "fate.destroy"),
        "{}",
        o.text()
    );
    assert!(
        !ws.exists("evidence/fate/juvisy-sur-orge/sauvegardes"),
        "{}",
        o.text()
    );
}

/// The ids the record says were deleted.
fn deleted(r: &serde_yaml::Value) -> Vec<String> {
    r["backups"]["deleted"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect()
}

/// Each evidence file of `r` is a byte-for-byte copy of the listing given,
/// hashes (by `sha256sum`) to what the record says, and is named with the
/// same SHA-256 by the journal entry of the destruction.
fn evidence_is_the_listings(ws: &Workspace, r: &serde_yaml::Value, given: [&str; 2]) {
    let journal = ws.journal();
    let entry = journal
        .iter()
        .rev()
        .find(|e| e["action"] == "fate.destroy")
        .expect("a fate.destroy entry");
    let ev = r["backups"]["evidence"].as_sequence().unwrap();
    assert_eq!(ev.len(), 2, "{ev:?}");
    for (e, name) in ev.iter().zip(given) {
        let (file, sha) = (e["file"].as_str().unwrap(), e["sha256"].as_str().unwrap());
        assert!(
            file.starts_with("evidence/fate/juvisy-sur-orge/sauvegardes/destroy-"),
            "{file}"
        );
        let kept = ws.root().join(file);
        assert_eq!(sha256sum(&kept), sha, "{file}");
        assert_eq!(
            std::fs::read(&kept).unwrap(),
            std::fs::read(listing(name)).unwrap(),
            "{file} is not {name} as given"
        );
        assert!(
            entry["writes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w["file"] == file && w["sha256"] == sha),
            "{file} not in the journal entry {entry}"
        );
    }
}

#[test]
fn a_pbs_group_deleted_by_the_operator_is_recorded_from_both_listings() {
    let ws = workspace();
    let o = pbs(
        &ws,
        "pbs-after.json",
        &[
            "--select",
            "group=vm/101",
            "--tool",
            "proxmox-backup-client 3.2.7",
        ],
    );
    o.assert_code(0);
    assert!(
        o.stdout().contains("3 points de restauration"),
        "{}",
        o.text()
    );
    assert!(o.stdout().contains("Proxmox Backup Server"), "{}", o.text());
    // Nothing else went: no warning.
    assert!(!o.stderr().contains("attention"), "{}", o.text());
    let r = &records(&ws)[0];
    assert_eq!(r["method"], "clear");
    assert_eq!(r["tool"], "proxmox-backup-client 3.2.7");
    assert!(
        r["technique"].as_str().unwrap().contains("par l'opérateur"),
        "{r:?}"
    );
    let b = &r["backups"];
    assert_eq!(b["tool"], "pbs");
    assert_eq!(b["imported"], true);
    assert_eq!(b["crypto_erase"], false);
    assert_eq!(b["selection"], "--select group=vm/101");
    assert_eq!(
        (b["listed_before"].as_u64(), b["listed_after"].as_u64()),
        (Some(7), Some(4))
    );
    assert_eq!(deleted(r), VM101);
    assert_eq!(b["deleted"][0]["time"], "2021-07-29T22:00:00Z");
    assert_eq!(b["deleted"][0]["label"], "juvisy-fs etat-civil");
    evidence_is_the_listings(&ws, r, ["pbs-before.json", "pbs-after.json"]);
}

#[test]
fn veeam_restore_points_exported_by_windows_powershell_are_selected_by_job() {
    let ws = workspace();
    let o = imported(
        &ws,
        "veeam",
        ["veeam-before.json", "veeam-after.json"],
        "veeam-json",
        &[
            "--select",
            "job=Sauvegarde Juvisy",
            "--repo",
            "SOBR-Communes",
        ],
    );
    o.assert_code(0);
    let r = &records(&ws)[0];
    assert_eq!(r["backups"]["tool"], "veeam");
    assert_eq!(r["backups"]["repository"], "SOBR-Communes");
    // No --tool: the version is not invented.
    assert_eq!(r["tool"], "Veeam Backup & Replication, version à compléter");
    assert_eq!(deleted(r), JUVISY);
    // `\/Date(1627596000000)\/`, milliseconds since the epoch.
    assert_eq!(r["backups"]["deleted"][0]["time"], "2021-07-29T22:00:00Z");
    assert_eq!(
        r["backups"]["deleted"][0]["label"],
        "JUV-FS01 (Sauvegarde Juvisy, Full)"
    );
    evidence_is_the_listings(&ws, r, ["veeam-before.json", "veeam-after.json"]);
}

#[test]
fn a_point_not_selected_that_went_too_is_reported_not_hidden() {
    // PowerShell 7: ISO dates, and one object alone when one point is left.
    let ws = workspace();
    let o = imported(
        &ws,
        "veeam",
        ["veeam7-before.json", "veeam7-after.json"],
        "veeam-json",
        &["--select", "vm=JUV-FS01", "--select", "vm=JUV-SQL02"],
    );
    o.assert_code(0);
    let r = &records(&ws)[0];
    assert_eq!(deleted(r), JUVISY);
    assert_eq!(
        r["backups"]["deleted"][0]["time"],
        "2021-07-30T00:00:00.0000000+02:00"
    );
    assert_eq!(r["backups"]["listed_after"].as_u64(), Some(1));
    // ATH-FS01 of 2021-07-31 was not selected and is no longer listed.
    let err = o.stderr();
    assert!(
        err.contains("5a3c91d7-8e24-4f60-a1b5-c7d0e92f4836"),
        "{err}"
    );
    assert!(!err.contains("b27f4e08"), "{err}");
    assert!(
        r["verification"]
            .as_str()
            .unwrap()
            .contains("l'autre point toujours listé"),
        "{r:?}"
    );
}

#[test]
fn a_listing_after_that_still_shows_a_selected_point_records_nothing_and_exits_1() {
    let ws = workspace();
    let o = pbs(
        &ws,
        "pbs-after-one-left.json",
        &["--select", "group=vm/101"],
    );
    o.assert_code(1);
    let err = o.stderr();
    assert!(err.contains("NON détruit"), "{err}");
    assert!(err.contains("vm/101/2021-07-31T22:00:00Z"), "{err}");
    assert!(!err.contains("vm/101/2021-07-30T22:00:00Z"), "{err}");
    assert!(err.contains("pbs-after-one-left.json"), "{err}");
    // One point left: « supprimez-le », not « supprimez-les ».
    assert!(err.contains("supprimez-le avec"), "{err}");
    nothing_recorded(&ws, &o);
}

#[test]
fn a_selection_that_matches_nothing_or_the_other_formats_option_exits_2() {
    let ws = workspace();
    for (select, said) in [
        (vec!["--select", "group=vm/110"], "--select group=vm/110"),
        // A mistyped snapshot beside a good group is refused, not ignored.
        (
            vec![
                "--select",
                "group=vm/101",
                "--select",
                "id=vm/101/2021-07-31T23:00:00Z",
            ],
            "--select id=vm/101/2021-07-31T23:00:00Z",
        ),
        // Both options must hold: this snapshot is not of the group.
        (
            vec![
                "--select",
                "group=vm/101",
                "--select",
                "id=ct/205/2021-07-29T23:00:00Z",
            ],
            "--select group=vm/101 --select id=ct/205/2021-07-29T23:00:00Z",
        ),
    ] {
        let o = pbs(&ws, "pbs-after.json", &select);
        o.assert_code(2);
        assert!(o.stderr().contains(said), "{said}: {}", o.text());
        assert!(o.stderr().contains("pbs-before.json"), "{}", o.text());
        nothing_recorded(&ws, &o);
    }
    let o = pbs(
        &ws,
        "pbs-after.json",
        &["--select", "job=Sauvegarde Juvisy"],
    );
    o.assert_code(2);
    assert!(o.stderr().contains("--select job="), "{}", o.text());
    let o = pbs(&ws, "pbs-after.json", &[]);
    o.assert_code(2);
    assert!(o.stderr().contains("--select group="), "{}", o.text());
    nothing_recorded(&ws, &o);
}

#[test]
fn a_malformed_listing_is_refused_with_its_file_line_and_column() {
    let ws = workspace();
    let broken = ws.path("avant.json");
    // A listing cut short, as a copy interrupted would leave it.
    std::fs::write(
        &broken,
        "[{\"backup-type\":\"vm\",\"backup-id\":\"101\",\n\"backup-time\":1627596000,\"files\":[]},\n{\"backup-type\":\"vm\"",
    )
    .unwrap();
    let after = listing("pbs-after.json");
    let b = broken.display().to_string();
    let o = destroy(
        &ws,
        "pbs",
        &[
            "--listing-before",
            &b,
            "--listing-after",
            &after,
            "--format",
            "pbs",
            "--select",
            "group=vm/101",
        ],
    );
    o.assert_code(2);
    let err = o.stderr();
    assert!(err.contains(&format!("{b}, ligne 3, colonne 19")), "{err}");
    assert!(err.contains("la liste s'arrête avant sa fin"), "{err}");
    nothing_recorded(&ws, &o);
    // A Veeam date that is none, said in French with its place.
    std::fs::write(
        &broken,
        "[\r\n    {\r\n        \"Id\":  \"9f1d2c44\",\r\n        \"Name\":  \"JUV-FS01\",\r\n        \"CreationTime\":  \"29/07/2021\"\r\n    }\r\n]\r\n",
    )
    .unwrap();
    let va = listing("veeam-after.json");
    let o = destroy(
        &ws,
        "veeam",
        &[
            "--listing-before",
            &b,
            "--listing-after",
            &va,
            "--format",
            "veeam-json",
            "--select",
            "vm=JUV-FS01",
        ],
    );
    o.assert_code(2);
    let err = o.stderr();
    // serde_json places an error of a field at the end of its object.
    assert!(err.contains(&format!("{b}, ligne 6, colonne 5")), "{err}");
    assert!(
        err.contains("`CreationTime` \"29/07/2021\" n'est pas une date"),
        "{err}"
    );
    nothing_recorded(&ws, &o);
    // A field of the wrong kind, in English this time.
    std::fs::write(
        &broken,
        "[\n  {\"backup-type\": \"vm\", \"backup-id\": \"101\", \"backup-time\": \"hier\"}\n]\n",
    )
    .unwrap();
    let o = ws.dpo().now(NOW).english().run(&[
        "fate",
        "destroy",
        "sauvegardes",
        "--copy",
        "pbs",
        "--operator",
        "Bob Martin",
        "--listing-before",
        &b,
        "--listing-after",
        &after,
        "--format",
        "pbs",
        "--select",
        "group=vm/101",
    ]);
    o.assert_code(2);
    let err = o.stderr();
    assert!(err.contains(&format!("{b}, line 2, column")), "{err}");
    assert!(err.contains("nothing is recorded"), "{err}");
    assert!(err.contains("\"hier\""), "{err}");
    for french in ["liste", "ligne", "consigné"] {
        assert!(!err.contains(french), "{french}: {err}");
    }
    // A listing that is not there.
    let o = pbs(&ws, "absente.json", &["--select", "group=vm/101"]);
    o.assert_code(2);
    assert!(o.stderr().contains("absente.json"), "{}", o.text());
    nothing_recorded(&ws, &o);
}

#[test]
fn imported_listings_go_with_neither_via_nor_a_typed_method() {
    let ws = workspace();
    let (b, a) = (listing("pbs-before.json"), listing("pbs-after.json"));
    let base = [
        "--listing-before",
        b.as_str(),
        "--listing-after",
        a.as_str(),
        "--format",
        "pbs",
        "--select",
        "group=vm/101",
    ];
    for extra in [
        &["--via", "restic", "--repo", "/srv/r"][..],
        &["--method", "purge"][..],
        &["--verification", "vu"][..],
    ] {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let o = destroy(&ws, "pbs", &args);
        o.assert_code(2);
        nothing_recorded(&ws, &o);
    }
    // A kind of selection that is none of group, id, job, vm.
    let mut args = base.to_vec();
    args.extend_from_slice(&["--select", "host=juvisy"]);
    let o = destroy(&ws, "pbs", &args);
    o.assert_code(2);
    assert!(o.stderr().contains("host"), "{}", o.text());
    nothing_recorded(&ws, &o);
    // --listing-before alone: the listing after and the format are needed.
    let o = destroy(&ws, "pbs", &["--listing-before", &b]);
    o.assert_code(2);
    assert!(o.stderr().contains("--listing-after"), "{}", o.text());
}

#[test]
fn the_certificate_says_the_proof_came_from_the_operators_listings_and_verifies() {
    let ws = workspace();
    let ok = |args: &[&str]| {
        let o = ws.dpo().now(NOW).run(args);
        o.assert_code(0);
        o
    };
    ok(&["keys", "generate"]);
    // The products' versions given: « version à compléter » would stand in
    // the certificate's way (below).
    pbs(
        &ws,
        "pbs-after.json",
        &[
            "--select",
            "group=vm/101",
            "--tool",
            "proxmox-backup-client 2.4.1",
        ],
    )
    .assert_code(0);
    let select = [
        "--select",
        "job=Sauvegarde Juvisy",
        "--tool",
        "Veeam Backup & Replication 12.1",
    ];
    imported(
        &ws,
        "veeam",
        ["veeam-before.json", "veeam-after.json"],
        "veeam-json",
        &select,
    )
    .assert_code(0);
    ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let pdf: PathBuf = ws.path("out/certificat.pdf");
    let t = pdf_text(&pdf);
    for id in VM101.iter().chain(&JUVISY) {
        assert!(
            t.contains(&format!("• {id} — 20")),
            "{id} not on a line of its own: {t}"
        );
    }
    for said in [
        "Supprimées par l'opérateur avec Proxmox Backup Server",
        "Supprimées par l'opérateur avec Veeam Backup & Replication",
        "prises par l'opérateur avant et après",
        "dpo n'a lancé aucune commande",
        "clear",
        "les listes avant et après prises par l'opérateur, telles que données",
    ] {
        assert!(t.contains(said), "{said}: {t}");
    }
    // dpo ran no command: the evidence is not said to hold any.
    assert!(!t.contains("commandes lancées"), "{t}");
    for r in records(&ws) {
        for e in r["backups"]["evidence"].as_sequence().unwrap() {
            let (file, sha) = (e["file"].as_str().unwrap(), e["sha256"].as_str().unwrap());
            assert_eq!(sha256sum(&ws.root().join(file)), sha, "{file}");
            assert!(t.contains(sha), "{file} not on the certificate");
        }
    }
    let v = ssh_keygen_verify(
        &ws.root().join("keys/allowed_signers"),
        PRINCIPAL,
        "dpo-certificate",
        &ws.path("out/certificat.pdf.sig"),
        &pdf,
    );
    assert!(v.success(), "{}", v.text());
}

#[test]
fn what_dpo_says_of_an_imported_destruction_is_in_one_language() {
    let ws = workspace();
    let (b, a) = (listing("pbs-before.json"), listing("pbs-after.json"));
    let o = ws.dpo().now(NOW).english().run(&[
        "fate",
        "destroy",
        "sauvegardes",
        "--copy",
        "pbs",
        "--operator",
        "Bob Martin",
        "--listing-before",
        &b,
        "--listing-after",
        &a,
        "--format",
        "pbs",
        "--select",
        &format!("id={}", VM101[0]),
        "--select",
        &format!("id={}", VM101[1]),
        "--select",
        &format!("id={}", VM101[2]),
    ]);
    o.assert_code(0);
    let out = o.text();
    assert!(out.contains("3 restore points"), "{out}");
    for french in ["consigné", "points de restauration", "conservées"] {
        assert!(!out.contains(french), "{french}: {out}");
    }
    let r = &records(&ws)[0];
    assert!(
        r["verification"]
            .as_str()
            .unwrap()
            .starts_with("listings of Proxmox Backup Server"),
        "{r:?}"
    );
}

#[test]
fn an_empty_listing_after_while_other_points_were_listed_before_is_refused() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("pbs-empty.json");
    std::fs::write(&empty, "[]\n").unwrap();
    // An absolute path in place of a fixture's name (`Path::join` keeps it).
    let a = empty.display().to_string();
    let o = pbs(&ws, &a, &["--select", "group=vm/101"]);
    o.assert_code(2);
    assert!(o.stderr().contains("est vide"), "{}", o.text());
    assert!(o.stderr().contains("hors de la sélection"), "{}", o.text());
    nothing_recorded(&ws, &o);
    // A listing that cannot be read at its very start says column 1.
    std::fs::write(&empty, "").unwrap();
    let o = pbs(&ws, &a, &["--select", "group=vm/101"]);
    o.assert_code(2);
    assert!(!o.stderr().contains("colonne 0"), "{}", o.text());
}

#[test]
fn a_product_version_to_be_completed_stands_in_the_certificates_way() {
    let ws = workspace();
    ws.dpo().now(NOW).run(&["keys", "generate"]).assert_code(0);
    pbs(&ws, "pbs-after.json", &["--select", "group=vm/101"]).assert_code(0);
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["fate", "certify", "-o", "out/certificat.pdf"]);
    assert_ne!(o.code(), Some(0), "{}", o.text());
    assert!(!ws.path("out/certificat.pdf").exists());
    // The field in words (review of issue 15), as the others are.
    assert!(
        o.text()
            .contains("champ «\u{202f}destruction — outil et version\u{202f}»"),
        "{}",
        o.text()
    );
    assert!(!o.text().contains("destruction.tool"), "{}", o.text());
    assert!(o.text().contains("--tool"), "{}", o.text());
    // A copy (feminine) not destroyed yet: « pas détruite ».
    assert!(o.text().contains("pas détruite"), "{}", o.text());
    assert!(!o.text().contains("pas détruit "), "{}", o.text());
}
