//! Bags written by `dpo::bagit` checked by the tools a receiving team uses:
//! `sha256sum -c` run inside the bag, and the Python `bagit` validator
//! (PyPI `bagit`, installed by `tests/run.sh`); tampering is found by
//! `verify_bag`, which names the file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use dpo::bagit::{verify_bag, write_bag, BagInfo, BagProblemKind, BagReport};
use dpo::hashing::{hash_file, hash_tree, hex};

use crate::support::tools::{python_bagit_validate, run, sha256sum_in};
use crate::support::Run;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).expect("a valid date")
}

fn info() -> BagInfo {
    BagInfo(vec![
        (
            "Source-Organization".into(),
            "Établissement public territorial Grand-Orly Seine Bièvre".into(),
        ),
        (
            "Contact-Email".into(),
            "dpo@grandorlyseinebievre.example".into(),
        ),
        (
            "External-Description".into(),
            "Partages de fichiers de la commune de Juvisy-sur-Orge, restitués à la fin de la \
             convention de mise à disposition de services informatiques (annexe 1, section IV)"
                .into(),
        ),
    ])
}

/// A source folder with ordinary names, names with spaces, a backslash and
/// non-ASCII letters, nested folders and an empty file.
fn ordinary_source(dir: &Path) -> PathBuf {
    let from = dir.join("partages");
    let files: [(&str, &[u8]); 6] = [
        (
            "Délibérations/2024 conseil municipal.pdf",
            b"%PDF-1.7 stand-in",
        ),
        ("Délibérations/annexe 1.odt", b"odt stand-in"),
        ("RH/paie\\janvier.csv", b"nom;montant\n"),
        ("état civil/registre.txt", b"naissances\n"),
        ("vide.txt", b""),
        ("-commence-par-un-tiret", b"x"),
    ];
    for (name, content) in files {
        let path = from.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        fs::write(path, content).expect("write file");
    }
    from
}

fn sha256sum_check(bag: &Path, manifest: &str) -> Run {
    sha256sum_in(bag, &["--check", "--strict", manifest])
}

fn problems(report: &BagReport) -> Vec<(&str, BagProblemKind)> {
    report
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind))
        .collect()
}

fn written_bag(dir: &Path) -> PathBuf {
    let from = ordinary_source(dir);
    let bag = dir.join("bag");
    write_bag(&from, &bag, &info(), date(), None).expect("write the bag");
    bag
}

#[test]
fn a_written_bag_passes_sha256sum_check_inside_the_bag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt"] {
        let out = sha256sum_check(&bag, manifest);
        assert!(out.success(), "{manifest}: {}", out.text());
    }
    let out = sha256sum_check(&bag, "manifest-sha256.txt");
    assert_eq!(
        out.text().lines().filter(|l| l.ends_with(": OK")).count(),
        6
    );
}

#[test]
fn a_written_bag_passes_the_python_bagit_validator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    let out = python_bagit_validate(&bag);
    assert!(out.success(), "{}", out.text());
    assert!(out.text().contains("is valid"), "{}", out.text());
    let out = run(Command::new("python3")
        .args([
            "-c",
            "import bagit, sys; b = bagit.Bag(sys.argv[1]); b.validate(); \
             print(b.info['Payload-Oxum']); print(b.info['Source-Organization'])",
        ])
        .arg(&bag));
    assert!(out.success(), "{}", out.text());
    let stdout = out.stdout();
    assert!(stdout.contains("Grand-Orly Seine Bièvre"), "{stdout}");
}

#[test]
fn a_written_bag_verifies_and_matches_the_source_hashes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    let report = verify_bag(&bag).expect("verify");
    assert_eq!(report.files, 6);
    assert!(report.is_valid(), "{:?}", report.problems);
    let source = hash_tree(&[dir.path().join("partages")], None).expect("hash source");
    let copy = hash_tree(&[bag.join("data")], None).expect("hash copy");
    let pairs = |d: &[dpo::hashing::FileDigest]| -> Vec<(Vec<u8>, [u8; 32])> {
        d.iter().map(|f| (f.rel.clone(), f.sha256)).collect()
    };
    assert_eq!(pairs(&source), pairs(&copy));
}

#[test]
fn a_changed_payload_file_fails_sha256sum_and_python_and_is_named_by_verify_bag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    fs::write(bag.join("data/état civil/registre.txt"), b"naissances!\n").expect("tamper");
    let report = verify_bag(&bag).expect("verify");
    assert_eq!(
        problems(&report),
        [
            ("bag-info.txt", BagProblemKind::OxumMismatch),
            ("data/état civil/registre.txt", BagProblemKind::Changed),
        ]
    );
    assert!(!sha256sum_check(&bag, "manifest-sha256.txt").success());
    assert!(!python_bagit_validate(&bag).success());
}

#[test]
fn a_removed_payload_file_is_named_as_missing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    fs::remove_file(bag.join("data/RH/paie\\janvier.csv")).expect("remove");
    let report = verify_bag(&bag).expect("verify");
    assert_eq!(
        problems(&report),
        [
            ("bag-info.txt", BagProblemKind::OxumMismatch),
            ("data/RH/paie\\janvier.csv", BagProblemKind::Missing),
        ]
    );
    assert!(!sha256sum_check(&bag, "manifest-sha256.txt").success());
    assert!(!python_bagit_validate(&bag).success());
}

#[test]
fn an_added_payload_file_is_named_as_extra_though_sha256sum_passes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = written_bag(dir.path());
    fs::write(bag.join("data/Délibérations/ajout.pdf"), b"planted").expect("add");
    let report = verify_bag(&bag).expect("verify");
    assert_eq!(
        problems(&report),
        [
            ("bag-info.txt", BagProblemKind::OxumMismatch),
            ("data/Délibérations/ajout.pdf", BagProblemKind::Extra),
        ]
    );
    // `sha256sum -c` only checks what is listed: completeness needs BagIt.
    assert!(sha256sum_check(&bag, "manifest-sha256.txt").success());
    assert!(!python_bagit_validate(&bag).success());
}

#[test]
fn names_with_spaces_newlines_carriage_returns_and_percent_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = dir.path().join("src");
    fs::create_dir_all(from.join("dossier\navec saut")).expect("folder");
    let names = [
        "a name with spaces.txt",
        "line\nbreak.txt",
        "carriage\rreturn.txt",
        "50% remise.txt",
        "déjà encodé %0A.txt",
        "dossier\navec saut/inside.txt",
        "tab\tname.txt",
    ];
    for (i, name) in names.iter().enumerate() {
        fs::write(from.join(name), format!("content {i}")).expect("write");
    }
    let bag = dir.path().join("bag");
    let summary = write_bag(&from, &bag, &info(), date(), None).expect("write the bag");
    assert_eq!(summary.files, names.len() as u64);

    let manifest = fs::read_to_string(bag.join("manifest-sha256.txt")).expect("manifest");
    assert_eq!(manifest.lines().count(), names.len(), "{manifest}");
    for encoded in [
        "data/line%0Abreak.txt",
        "data/carriage%0Dreturn.txt",
        "data/50%25 remise.txt",
        "data/déjà encodé %250A.txt",
        "data/dossier%0Aavec saut/inside.txt",
        "data/a name with spaces.txt",
        "data/tab\tname.txt",
    ] {
        assert!(
            manifest.lines().any(|l| &l[66..] == encoded),
            "{encoded} in {manifest}"
        );
    }
    for (i, name) in names.iter().enumerate() {
        let copied = fs::read(bag.join("data").join(name)).expect("copied file");
        assert_eq!(copied, format!("content {i}").as_bytes());
    }
    let report = verify_bag(&bag).expect("verify");
    assert!(report.is_valid(), "{:?}", report.problems);

    // Changing a file with an encoded name is reported under that name.
    fs::write(bag.join("data/50% remise.txt"), b"other").expect("tamper");
    let report = verify_bag(&bag).expect("verify");
    assert!(
        problems(&report).contains(&("data/50%25 remise.txt", BagProblemKind::Changed)),
        "{:?}",
        report.problems
    );
}

#[test]
fn sha256sum_checks_every_name_except_those_with_percent_cr_or_lf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = dir.path().join("src");
    fs::create_dir_all(&from).expect("folder");
    for name in [
        "plain.txt",
        "with space.txt",
        "back\\slash",
        "tab\tname",
        "50%",
        "nl\nx",
    ] {
        fs::write(from.join(name), name).expect("write");
    }
    let bag = dir.path().join("bag");
    write_bag(&from, &bag, &BagInfo::default(), date(), None).expect("write the bag");
    let report = sha256sum_in(&bag, &["--check", "manifest-sha256.txt"]).text();
    for ok in [
        "data/plain.txt: OK",
        "data/with space.txt: OK",
        "data/back\\slash: OK",
        "data/tab\tname: OK",
    ] {
        assert!(report.lines().any(|l| l == ok), "{ok} in {report}");
    }
    // The percent-encoded names are what sha256sum cannot open, as documented.
    assert!(
        report.contains("data/50%25: FAILED open or read"),
        "{report}"
    );
    assert!(
        report.contains("data/nl%0Ax: FAILED open or read"),
        "{report}"
    );
}

#[test]
fn the_python_validator_accepts_names_with_spaces_and_newlines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = dir.path().join("src");
    fs::create_dir_all(&from).expect("folder");
    for name in ["with space.txt", "line\nbreak.txt", "é accentué"] {
        fs::write(from.join(name), name).expect("write");
    }
    let bag = dir.path().join("bag");
    write_bag(&from, &bag, &info(), date(), None).expect("write the bag");
    let out = python_bagit_validate(&bag);
    assert!(out.success(), "{}", out.text());
}

#[test]
fn a_large_file_is_copied_and_hashed_like_sha256sum_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = dir.path().join("src");
    fs::create_dir_all(&from).expect("folder");
    let content: Vec<u8> = (0..5_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    fs::write(from.join("big.bin"), &content).expect("write");
    let bag = dir.path().join("bag");
    write_bag(&from, &bag, &info(), date(), None).expect("write the bag");
    let out = run(Command::new("sha256sum").arg(from.join("big.bin")));
    let expected = out.stdout();
    let ours = hex(&hash_file(&bag.join("data/big.bin")).expect("hash"));
    assert!(expected.starts_with(&ours), "{expected} vs {ours}");
    assert!(verify_bag(&bag).expect("verify").is_valid());
}

/// Benchmark driver for `benches/fate.sh` (not a test): hashes the paths in
/// `DPO_BENCH_HASH` (separated by newlines) with `hash_tree`, as
/// `dpo fate fingerprint` and `dpo fate scan` do, and prints the totals.
#[test]
#[ignore = "benchmark driver, run by benches/fate.sh"]
fn bench_driver_hash_tree() {
    let Some(paths) = std::env::var_os("DPO_BENCH_HASH") else {
        return;
    };
    let roots: Vec<PathBuf> = paths
        .to_string_lossy()
        .lines()
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    let digests = hash_tree(&roots, None).expect("hash the benchmark data");
    let bytes: u64 = digests.iter().map(|d| d.size).sum();
    println!("files={} bytes={bytes}", digests.len());
}

/// Benchmark driver for `benches/fate.sh` (not a test): writes the bag of
/// `DPO_BENCH_BAG_FROM` into `DPO_BENCH_BAG_OUT`, as `dpo fate bag` does.
#[test]
#[ignore = "benchmark driver, run by benches/fate.sh"]
fn bench_driver_write_bag() {
    let (Some(from), Some(out)) = (
        std::env::var_os("DPO_BENCH_BAG_FROM"),
        std::env::var_os("DPO_BENCH_BAG_OUT"),
    ) else {
        return;
    };
    let summary = write_bag(Path::new(&from), Path::new(&out), &info(), date(), None)
        .expect("write the benchmark bag");
    println!("files={} bytes={}", summary.files, summary.bytes);
}
