//! `dpo fate verify-bag` as a conforming BagIt validator with a separate
//! signature verdict (issue 15): the Library of Congress conformance cases
//! (`tests/fixtures/bagit-conformance`, see its README) judged by `dpo` and
//! by bagit-python (`python3 -m bagit --validate`) alike; bags made by
//! bagit-python with MD5, SHA-1, SHA-256 and SHA-512 manifests, unsigned;
//! tag files in ISO-8859-1 and UTF-16; a holey bag (`fetch.txt`); bags that
//! `dpo` signed, checked with no allowed-signers file, unsigned, badly
//! signed, with and without `--unsigned-ok`.
//!
//! Needs: `python3` with the PyPI package `bagit`, `ssh-keygen`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::language::faults;
use crate::support::tools::{python_bagit_validate, run};
use crate::support::{copy_dir, fixture, Dpo, Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";

/// Runs `dpo` outside any workspace (a bag received from elsewhere).
fn dpo_alone(args: &[&str]) -> Run {
    let ws = Workspace::missing();
    let o = Dpo::new(ws.root()).without_actor().run(args);
    o.assert_no_panic();
    o
}

/// Every case of the conformance suite: (case folder, its folder name).
fn conformance_cases() -> Vec<(PathBuf, String)> {
    let root = fixture("bagit-conformance");
    let mut cases = Vec::new();
    for version in ["v0.97", "v1.0"] {
        for verdict in ["valid", "invalid", "linux-only", "warning"] {
            let Ok(dir) = std::fs::read_dir(root.join(version).join(verdict)) else {
                continue;
            };
            for e in dir.flatten() {
                if e.path().is_dir() {
                    cases.push((e.path(), verdict.to_string()));
                }
            }
        }
    }
    cases.sort();
    cases
}

/// The `warning/` cases that cannot be valid on a case- and
/// normalisation-sensitive file system, or whose file git does not keep
/// (see the fixture's README).
const WARNING_BUT_INVALID_ON_LINUX: [&str; 3] = [
    "duplicate-file-with-different-case",
    "same-filename-listed-twice-with-different-normalization",
    "special-system-files",
];

/// Where bagit-python 1.9 accepts a bag the suite calls invalid.
const BAGIT_PYTHON_ACCEPTS: [&str; 1] = ["bagit-with-invalid-whitespace"];

#[test]
fn every_conformance_case_gets_the_suites_verdict_as_bagit_python_gives_it() {
    let cases = conformance_cases();
    assert!(cases.len() >= 35, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for (case, folder) in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let expected_valid = match folder.as_str() {
            "valid" => true,
            "warning" => !WARNING_BUT_INVALID_ON_LINUX.contains(&name.as_str()),
            _ => false,
        };
        let path = case.to_str().unwrap();
        let o = dpo_alone(&["fate", "verify-bag", "--unsigned-ok", path]);
        let want = if expected_valid { 0 } else { 1 };
        if o.code() != Some(want) {
            wrong.push(format!("dpo {path}: exit {:?}\n{}", o.code(), o.text()));
        }
        let python_valid = python_bagit_validate(case).success();
        let python_expected = expected_valid || BAGIT_PYTHON_ACCEPTS.contains(&name.as_str());
        if python_valid != python_expected {
            wrong.push(format!("bagit-python {path}: valid={python_valid}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn invalid_cases_are_refused_for_their_own_reason() {
    let root = fixture("bagit-conformance");
    let cases: [(&str, &str); 9] = [
        (
            "v0.97/invalid/out-of-scope-file-paths-using-dot-notation",
            "manifest-md5.txt: malformed: line 3: the path `../../../README.md` is not a plain relative path",
        ),
        (
            "v0.97/linux-only/out-of-scope-file-paths-using-absolute-path",
            "the path `/tmp/foo` is not a plain relative path",
        ),
        (
            "v0.97/linux-only/out-of-scope-file-paths-using-shortcut-for-fetch",
            "fetch.txt: malformed: line 1: the path `~/test.txt` is outside data/",
        ),
        (
            "v0.97/invalid/bom-in-bagit.txt",
            "bagit.txt: malformed: starts with a byte-order mark",
        ),
        (
            "v0.97/invalid/invalid-version-number",
            "BagIt-Version `.97` is not a version number",
        ),
        (
            "v0.97/invalid/corrupt-data-file",
            "data/bare-filename: changed: manifest-md5.txt says 751e32179ec8acd71081654527f2e771",
        ),
        (
            "v0.97/invalid/missing-baginfo",
            "bag-info.txt: missing: listed in tagmanifest-md5.txt but not in the bag",
        ),
        (
            "v1.0/invalid/same-filename-listed-twice-with-the-same-hash",
            "data/README: malformed: listed more than once in manifest-sha256.txt, with the same digest",
        ),
        (
            "v1.0/invalid/notAllManifestsListAllFiles",
            "data/missingFromManifest.txt: extra: in the payload but not listed in manifest-sha512.txt",
        ),
    ];
    for (case, reason) in cases {
        let path = root.join(case);
        let o = dpo_alone(&[
            "--lang",
            "en",
            "fate",
            "verify-bag",
            "--unsigned-ok",
            path.to_str().unwrap(),
        ]);
        o.assert_code(1);
        assert!(o.text().contains(reason), "{case}: {reason}\n{}", o.text());
        assert!(o.text().contains("does NOT verify"), "{case}: {}", o.text());
    }
    // Before BagIt 1.0, a line listed twice with the same digest is only a warning.
    let o = dpo_alone(&[
        "--lang",
        "en",
        "fate",
        "verify-bag",
        "--unsigned-ok",
        root.join("v0.97/warning/same-filename-listed-twice-with-the-same-hash")
            .to_str()
            .unwrap(),
    ]);
    o.assert_code(0);
    assert!(
        o.text()
            .contains("data/README: warning: listed more than once in manifest-sha256.txt"),
        "{}",
        o.text()
    );
}

/// `python3 -m bagit` with `options` on `dir`, which becomes a bag in place.
fn python_make_bag(dir: &Path, options: &[&str]) {
    let o = run(Command::new("python3")
        .args(["-m", "bagit", "--contact-name", "Archives municipales"])
        .args(options)
        .arg(dir));
    assert!(o.success(), "bagit-python: {}", o.text());
}

/// A folder of a few files, made into a bag by bagit-python with `options`.
fn foreign_bag(at: &Path, options: &[&str]) -> PathBuf {
    let dir = at.join("retour-archives");
    for (name, content) in [
        ("etat-civil/registre 1921.txt", &b"naissances\n"[..]),
        ("rh/paie.csv", b"matricule;net\n42;1999.00\n"),
        ("vide.txt", b""),
    ] {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    python_make_bag(&dir, options);
    dir
}

#[test]
fn a_plain_unsigned_bag_is_valid_and_unsigned_and_accepted_with_unsigned_ok() {
    let tmp = tempfile::tempdir().unwrap();
    let bag = foreign_bag(tmp.path(), &[]);
    let path = bag.to_str().unwrap();
    let o = dpo_alone(&["fate", "verify-bag", path]);
    o.assert_code(1);
    let (out, err) = (o.stdout(), o.stderr());
    assert!(
        out.contains("complet et valide, 3 fichiers vérifiés avec sha256, sha512"),
        "{out}"
    );
    assert!(
        err.contains("signature\u{202f}: aucune, le paquet n'est pas signé"),
        "{err}"
    );
    assert!(err.contains("--unsigned-ok"), "{err}");
    // Not the old « bad signature » of a bag that has no signature at all.
    assert!(!o.text().contains("SSH"), "{}", o.text());
    assert!(!o.text().contains("NE se vérifie PAS"), "{}", o.text());
    let o = dpo_alone(&["fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(0);
    assert!(
        o.stdout().contains("accepté sans signature"),
        "{}",
        o.text()
    );
    // The verdicts as JSON.
    let o = dpo_alone(&["--json", "fate", "verify-bag", path]);
    o.assert_code(1);
    let j = o.json();
    assert_eq!(j["bag_valid"], true, "{j}");
    assert_eq!(j["complete"], true, "{j}");
    assert_eq!(j["signature"]["result"], "unsigned", "{j}");
    assert_eq!(j["signature_required"], true, "{j}");
    assert_eq!(j["valid"], false, "{j}");
    let o = dpo_alone(&["--json", "fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(0);
    assert_eq!(o.json()["valid"], true);
}

#[test]
fn md5_and_sha1_manifests_are_checked_with_a_warning_that_they_are_weak() {
    let tmp = tempfile::tempdir().unwrap();
    let bag = foreign_bag(tmp.path(), &["--md5", "--sha1"]);
    let path = bag.to_str().unwrap();
    assert!(bag.join("manifest-md5.txt").is_file());
    assert!(bag.join("manifest-sha1.txt").is_file());
    let o = dpo_alone(&["--lang", "en", "fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(0);
    let out = o.stdout();
    assert!(out.contains("checked against md5, sha1"), "{out}");
    for alg in ["md5", "sha1"] {
        assert!(
            out.contains(&format!(
                "manifest-{alg}.txt: warning: {alg} is a weak algorithm"
            )),
            "{alg}: {out}"
        );
    }
    // The digests are checked, not only listed: a changed file fails both.
    std::fs::write(bag.join("data/rh/paie.csv"), b"matricule;net\n42;2999.00\n").unwrap();
    let o = dpo_alone(&["--lang", "en", "fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(1);
    for alg in ["md5", "sha1"] {
        assert!(
            o.text().contains(&format!(
                "data/rh/paie.csv: changed: manifest-{alg}.txt says"
            )),
            "{alg}: {}",
            o.text()
        );
    }
    assert!(!python_bagit_validate(&bag).success());
}

#[test]
fn tag_files_in_iso_8859_1_and_utf_16_are_read_in_their_declared_encoding() {
    for case in ["ISO-8859-1-encoded-tag-files", "UTF-16-encoded-tag-files"] {
        let tmp = tempfile::tempdir().unwrap();
        let bag = tmp.path().join(case);
        copy_dir(&fixture("bagit-conformance/v0.97/valid").join(case), &bag);
        let path = bag.to_str().unwrap();
        let o = dpo_alone(&["--lang", "en", "fate", "verify-bag", "--unsigned-ok", path]);
        o.assert_code(0);
        assert!(
            o.stdout()
                .contains("complete and valid, 2 files checked against md5"),
            "{case}: {}",
            o.text()
        );
        // Read, not skipped: a changed payload file is found through them.
        std::fs::write(bag.join("data/bare-filename"), b"changed").unwrap();
        let o = dpo_alone(&["--lang", "en", "fate", "verify-bag", "--unsigned-ok", path]);
        o.assert_code(1);
        assert!(
            o.text().contains("data/bare-filename: changed"),
            "{case}: {}",
            o.text()
        );
    }
}

#[test]
fn a_holey_bag_is_valid_but_incomplete_until_its_files_are_fetched() {
    let tmp = tempfile::tempdir().unwrap();
    let bag = tmp.path().join("holey-bag");
    copy_dir(&fixture("bagit-conformance/v0.97/valid/holey-bag"), &bag);
    let path = bag.to_str().unwrap();
    // Every file fetch.txt lists is there: complete.
    dpo_alone(&["fate", "verify-bag", "--unsigned-ok", path]).assert_code(0);
    std::fs::remove_file(bag.join("data/test 1.txt")).unwrap();
    std::fs::remove_file(bag.join("data/dir2/test4.txt")).unwrap();
    let o = dpo_alone(&["fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(1);
    let out = o.stdout();
    assert!(
        out.contains(
            "valide mais incomplet\u{202f}: 2 fichiers listés dans fetch.txt ne sont pas récupérés"
        ),
        "{out}"
    );
    assert!(
        out.contains("data/test 1.txt\u{202f}: non récupéré (fetch.txt\u{202f}: http://localhost:8989/bags/v0_96/holey-bag/data/test%201.txt)"),
        "{out}"
    );
    assert!(
        out.contains("data/dir2/test4.txt\u{202f}: non récupéré"),
        "{out}"
    );
    assert!(!o.text().contains("manquant"), "{}", o.text());
    assert!(!o.text().contains("accepté"), "{}", o.text());
    let j = dpo_alone(&["--json", "fate", "verify-bag", "--unsigned-ok", path]).json();
    assert_eq!(j["bag_valid"], true, "{j}");
    assert_eq!(j["complete"], false, "{j}");
    assert_eq!(j["to_fetch"].as_array().unwrap().len(), 2, "{j}");
    // bagit-python does not fetch either: not valid as it stands.
    assert!(!python_bagit_validate(&bag).success());
}

/// A copy of the fate fixture whose shares `dpo fate bag` wrote, signed, to
/// `media/bag`.
fn dpo_bag() -> Workspace {
    let ws = Workspace::fixture("fate-workspace");
    let ok = |args: &[&str]| {
        let o = ws.dpo().now(NOW).run(args);
        o.assert_code(0);
    };
    ok(&["keys", "generate"]);
    for (name, content) in [
        (
            "data/partages/rh/paie juillet.csv",
            &b"matricule;net\n42;1999.00\n"[..],
        ),
        ("data/partages/vide.txt", b""),
    ] {
        let p = ws.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    ok(&[
        "fate",
        "bag",
        "partages",
        "--from",
        "data/partages",
        "--out",
        "media/bag",
    ]);
    ws
}

#[test]
fn without_an_allowed_signers_file_the_bag_is_still_checked() {
    let ws = dpo_bag();
    std::fs::remove_file(ws.root().join("keys/allowed_signers")).unwrap();
    let o = ws.dpo().now(NOW).run(&["fate", "verify-bag", "media/bag"]);
    o.assert_code(1);
    assert!(o.stdout().contains("complet et valide"), "{}", o.text());
    assert!(
        o.stderr()
            .contains("signature\u{202f}: non vérifiée, il n'y a pas de clés pour la vérifier"),
        "{}",
        o.text()
    );
    // The bag's own problems are still found.
    std::fs::write(ws.path("media/bag/data/vide.txt"), b"x").unwrap();
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["--lang", "en", "fate", "verify-bag", "media/bag"]);
    o.assert_code(1);
    assert!(o.text().contains("data/vide.txt: changed"), "{}", o.text());
    assert!(
        o.text().contains("there are no keys to check it against"),
        "{}",
        o.text()
    );
}

#[test]
fn a_bag_dpo_made_needs_its_signature_even_with_unsigned_ok() {
    let ws = dpo_bag();
    let o = ws.dpo().now(NOW).run(&["fate", "verify-bag", "media/bag"]);
    o.assert_code(0);
    assert!(
        o.stdout().contains("signature\u{202f}: bonne"),
        "{}",
        o.text()
    );
    std::fs::remove_file(ws.path("media/bag/tagmanifest-sha256.txt.sig")).unwrap();
    let o = ws.dpo().now(NOW).run(&["fate", "verify-bag", "media/bag"]);
    o.assert_code(1);
    assert!(
        o.stderr()
            .contains("le paquet n'est pas accepté sans une signature vérifiée"),
        "{}",
        o.text()
    );
    // --unsigned-ok is not offered for a bag it would not accept.
    assert!(!o.text().contains("--unsigned-ok"), "{}", o.text());
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["fate", "verify-bag", "--unsigned-ok", "media/bag"]);
    o.assert_code(1);
    assert!(
        o.stderr().contains("signature\u{202f}: aucune"),
        "{}",
        o.text()
    );
    assert!(
        o.stderr().contains("ce paquet a été fait par dpo (fate/juvisy-sur-orge.yaml le consigne)\u{202f}: sa signature est exigée"),
        "{}",
        o.text()
    );
    // The check is recorded as not valid.
    let fate = ws.read("fate/juvisy-sur-orge.yaml");
    let last = fate.rsplit("record: bag_verification").next().unwrap();
    assert!(last.contains("valid: false"), "{last}");
    assert!(last.contains("tagmanifest-sha256.txt.sig"), "{last}");
}

#[test]
fn a_bad_signature_is_refused_even_with_unsigned_ok() {
    // A foreign bag signed by a key that is not in allowed_signers.
    let ws = dpo_bag();
    let bag = foreign_bag(ws.dir(), &[]);
    let other = ws.path("other/key");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other));
    let o = run(Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "dpo-bag", "-f"])
        .arg(&other)
        .arg(bag.join("tagmanifest-sha256.txt")));
    assert!(o.success(), "{}", o.text());
    let path = bag.to_str().unwrap();
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(1);
    assert!(o.stdout().contains("complet et valide"), "{}", o.text());
    assert!(
        o.stderr()
            .contains("signature\u{202f}: MAUVAISE, la clé de signature SHA256:"),
        "{}",
        o.text()
    );
    assert!(
        o.stderr()
            .contains("n'est pas dans le fichier des signataires autorisés"),
        "{}",
        o.text()
    );
    // A signature that no longer matches the tag manifest.
    let mut tm = std::fs::read_to_string(bag.join("tagmanifest-sha256.txt")).unwrap();
    tm.push('\n');
    std::fs::write(bag.join("tagmanifest-sha256.txt"), tm).unwrap();
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["--lang", "en", "fate", "verify-bag", "--unsigned-ok", path]);
    o.assert_code(1);
    assert!(o.text().contains("signature: BAD"), "{}", o.text());
}

#[test]
fn a_missing_bag_is_an_error_said_in_the_runs_language() {
    let o = dpo_alone(&["fate", "verify-bag", "/nonexistent/bag"]);
    o.assert_code(2);
    assert!(
        o.stderr()
            .contains("impossible d'ouvrir le paquet `/nonexistent/bag`"),
        "{}",
        o.text()
    );
    let o = dpo_alone(&["--lang", "en", "fate", "verify-bag", "/nonexistent/bag"]);
    o.assert_code(2);
    assert!(
        o.stderr().contains("failed to open the bag"),
        "{}",
        o.text()
    );
}

#[test]
fn both_verdicts_are_said_in_one_language() {
    let root = fixture("bagit-conformance");
    let tmp = tempfile::tempdir().unwrap();
    let holey = tmp.path().join("holey");
    copy_dir(&root.join("v0.97/valid/holey-bag"), &holey);
    std::fs::remove_file(holey.join("data/test2.txt")).unwrap();
    let cases = [
        root.join("v0.97/invalid/corrupt-data-file"),
        root.join("v0.97/warning/made-with-md5sum-tools"),
        root.join("v0.97/linux-only/out-of-scope-file-paths-using-absolute-path-for-fetch"),
        holey,
    ];
    for case in &cases {
        for (lang, extra) in [
            ("fr", &[][..]),
            ("fr", &["--unsigned-ok"][..]),
            ("en", &[][..]),
        ] {
            let mut args = vec!["--lang", lang, "fate", "verify-bag"];
            args.extend_from_slice(extra);
            args.push(case.to_str().unwrap());
            let o = dpo_alone(&args);
            // The case's own path is not words of the run (`out-of-scope`).
            let text = o.text().replace(case.to_str().unwrap(), "▢");
            let found = faults(lang, &text);
            assert!(found.is_empty(), "{case:?} {lang}: {found:?}\n{}", o.text());
        }
    }
}
