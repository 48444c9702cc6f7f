//! Issue 15, the copies of backup history. "A scan that scales": a
//! fingerprint also keeps each file's size, in `hashdeep`'s format, so that
//! `hashdeep -r -a -k` audits a tree with a stock tool; `fate scan` then
//! reads only the files whose size is a fingerprinted size — a file of
//! another size cannot be a copy — and says how many it read. "Immutable
//! copies": a copy protected from deletion until a day shows in `status`
//! and the calendar with the day it can be destroyed, `destroy` refuses a
//! destruction before it, and `certify` says why it cannot certify yet.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tools::{run, sha256sum};
use crate::support::{Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";

fn ws() -> Workspace {
    Workspace::fixture("fate-workspace")
}

fn write(ws: &Workspace, rel: &str, content: &[u8]) -> PathBuf {
    let p = ws.path(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(&p, content).expect("write");
    p
}

fn ok(ws: &Workspace, args: &[&str]) -> Run {
    let o = ws.dpo().now(NOW).run(args);
    o.assert_code(0);
    o
}

/// The file and SHA-256 of the evidence `key` (`hashdeep`, `heads`) of the
/// first fingerprint record of the fate file.
fn kept(ws: &Workspace, key: &str) -> (String, String) {
    let fate: serde_yaml::Value =
        serde_yaml::from_str(&ws.read("fate/juvisy-sur-orge.yaml")).expect("fate file");
    let k = fate["records"]
        .as_sequence()
        .and_then(|r| r.iter().find(|r| r["record"] == "fingerprint"))
        .map(|r| &r[key])
        .unwrap_or_else(|| panic!("no fingerprint with `{key}`"));
    let s = |f: &str| k[f].as_str().expect("a string").to_string();
    (s("file"), s("sha256"))
}

fn hashdeep_audit(manifest: &Path, dir: &Path) -> Run {
    run(Command::new("hashdeep")
        .args(["-r", "-a", "-k"])
        .arg(manifest)
        .arg(dir))
}

#[test]
fn a_fingerprint_keeps_the_sizes_in_hashdeep_format_and_hashdeep_audits_the_tree_with_it() {
    let ws = ws();
    write(
        &ws,
        "data/partages/etat-civil/acte, n° 1.txt",
        b"Acte de naissance\n",
    );
    write(
        &ws,
        "data/partages/rh/paie juillet.csv",
        b"matricule;net\n42;1999.00\n",
    );
    write(&ws, "data/partages/vide.txt", b"");
    let out = ok(&ws, &["fate", "fingerprint", "partages", "data/partages"]);
    let (rel, sha) = kept(&ws, "hashdeep");
    assert!(rel.ends_with(".hashdeep"), "{rel}");
    assert!(
        out.stdout().contains("hashdeep -r -a -k"),
        "{}",
        out.stdout()
    );
    let manifest = ws.root().join(&rel);
    assert_eq!(sha256sum(&manifest), sha);
    let text = std::fs::read_to_string(&manifest).expect("read the hashdeep manifest");
    assert!(
        text.starts_with("%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n"),
        "{text}"
    );
    assert!(
        text.contains("\n25,"),
        "the size of paie juillet.csv: {text}"
    );
    // hashdeep itself, from another folder, audits the tree: every file is
    // known, none is missing.
    let data = ws.path("data/partages");
    let o = hashdeep_audit(&manifest, &data);
    assert!(
        o.success() && o.stdout().contains("Audit passed"),
        "{}",
        o.text()
    );
    // A changed byte, and the stock tool says so.
    write(
        &ws,
        "data/partages/rh/paie juillet.csv",
        b"matricule;net\n42;2999.00\n",
    );
    let o = hashdeep_audit(&manifest, &data);
    assert!(
        !o.success() && o.stdout().contains("Audit failed"),
        "{}",
        o.text()
    );
}

#[test]
fn a_scan_reads_only_the_files_of_a_fingerprinted_size_and_start_and_still_finds_a_renamed_copy() {
    let ws = ws();
    let job = write(&ws, "data/sauvegardes/job.vbk", &vec![0x17u8; 100_000]);
    ok(
        &ws,
        &["fate", "fingerprint", "sauvegardes", "data/sauvegardes"],
    );
    // The heads manifest: what `head -c 4096 FILE | sha256sum` says.
    let (heads_file, heads_sha) = kept(&ws, "heads");
    let heads = ws.read(&heads_file);
    let head = run(Command::new("sh")
        .arg("-c")
        .arg("head -c 4096 \"$1\" | sha256sum")
        .arg("sh")
        .arg(&job));
    assert!(
        heads.starts_with(&head.stdout()[..64]),
        "{heads} / {}",
        head.stdout()
    );
    assert_eq!(sha256sum(&ws.root().join(&heads_file)), heads_sha);
    std::fs::remove_dir_all(ws.path("data/sauvegardes")).expect("destroy");
    // 40 files of other sizes; of the same size, one that starts otherwise
    // (only its first 4 096 bytes are read), one that starts the same and
    // ends otherwise (read whole, no match); and a renamed copy.
    for i in 0..40 {
        write(&ws, &format!("nas/autres/f{i:02}"), &vec![1u8; 1000 + i]);
    }
    write(&ws, "nas/meme-taille.bin", &vec![0x18u8; 100_000]);
    let mut same_start = vec![0x17u8; 100_000];
    same_start[99_999] = 0x18;
    write(&ws, "nas/meme-debut.bin", &same_start);
    write(&ws, "nas/deep/copie renommee.tmp", &vec![0x17u8; 100_000]);
    let o = ws.dpo().now(NOW).run(&[
        "--json",
        "fate",
        "scan",
        "sauvegardes",
        "nas",
        "--copy",
        "depot",
    ]);
    o.assert_code(1);
    let v = o.json();
    assert_eq!(v["files"], 43, "{v}");
    assert_eq!(v["hashed"], 2, "{v}");
    assert_eq!(v["matched"], 1, "{v}");
    assert!(
        v["matches"][0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("copie renommee.tmp")),
        "{v}"
    );
    // Gone: clean, having read one file whole of the 42.
    std::fs::remove_file(ws.path("nas/deep/copie renommee.tmp")).expect("rm");
    let out = ok(
        &ws,
        &["fate", "scan", "sauvegardes", "nas", "--copy", "depot"],
    );
    assert!(
        out.stdout().contains("un seul fichier lu"),
        "{}",
        out.stdout()
    );
    let fate = ws.read("fate/juvisy-sur-orge.yaml");
    assert!(fate.contains("hashed: 1"), "{fate}");
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["--lang", "en", "fate", "scan", "sauvegardes", "nas"]);
    o.assert_code(0);
    assert!(o.stdout().contains("only one file read"), "{}", o.stdout());
}

#[test]
fn an_immutable_copy_shows_when_it_can_be_destroyed_and_nothing_is_recorded_before() {
    let ws = ws();
    let fate = ws.read("fate/juvisy-sur-orge.yaml").replacen(
        "        media_id: LTO-0042\n",
        "        media_id: LTO-0042\n        immutable_until: 2021-09-30\n",
        1,
    );
    ws.write("fate/juvisy-sur-orge.yaml", &fate);
    let line = "protégée contre l'effacement jusqu'au 30 septembre 2021 inclus, destructible à partir du 1er octobre 2021";
    let status = ws.dpo().now(NOW).run(&["status"]);
    assert!(status.stdout().contains(line), "{}", status.stdout());
    // The deadline shown is the protection's last day, not "from the
    // next day" (review of issue 15).
    assert!(
        !status.stdout().contains("lendemain"),
        "{}",
        status.stdout()
    );
    assert!(
        status.stdout().contains("une fois sa protection échue"),
        "{}",
        status.stdout()
    );
    let list = ok(&ws, &["fate", "list"]);
    assert!(list.stdout().contains(line), "{}", list.stdout());
    // The calendar has an event ending when the protection ends.
    let ics = ws.path("agenda.ics");
    ws.dpo()
        .now(NOW)
        .run(&["status", "--ics", ics.to_str().expect("utf-8")]);
    let cal = std::fs::read_to_string(&ics).expect("read the calendar");
    assert!(cal.contains("fate.immutable."), "{cal}");
    assert!(cal.contains("DTEND:20210930T215959Z"), "{cal}");
    // Before the day: refused, nothing recorded; certify says why.
    let destroy = crate::support::fate::destroy_complete_args("sauvegardes", "bandes");
    let o = ws.dpo().now(NOW).run(&destroy);
    o.assert_code(2);
    assert!(o.text().contains("`bandes`"), "{}", o.text());
    assert!(!ws
        .read("fate/juvisy-sur-orge.yaml")
        .contains("record: destruction"));
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["fate", "certify", "--controller", "juvisy-sur-orge"]);
    o.assert_code(1);
    assert!(o.text().contains(line), "{}", o.text());
    // From the day after: recorded, and the protection is no longer listed.
    let later = "2021-10-01T09:00:00+02:00";
    ws.dpo().now(later).run(&destroy).assert_code(0);
    let status = ws.dpo().now(later).run(&["status"]);
    assert!(
        !status.stdout().contains("protégée contre"),
        "{}",
        status.stdout()
    );
}
