//! Issue 15, "a scan that scales": `fate scan` lists the tree in parallel
//! across the cores, taking each file's size from the listing. What it
//! records must not depend on that: on a tree of nested folders, symbolic
//! links (not followed) and unreadable files, the scan records the files
//! and bytes that `find -P … -type f` counts, the copies in path order, and
//! two scans of the same tree record the very same thing. Each file of a
//! fingerprinted size is opened once (counted with `strace`): its head is
//! checked from the reads that hash it whole.

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tools::run;
use crate::support::Workspace;

const NOW: &str = "2021-08-02T10:00:00+02:00";

fn write(path: &Path, content: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, content).expect("write");
}

/// The regular files below `dir` and their total size, by `find -P` (links
/// not followed), in the byte order of their paths.
fn find_files(dir: &Path) -> (Vec<String>, u64) {
    let out = run(Command::new("find")
        .arg("-P")
        .arg(dir)
        .args(["-type", "f", "-printf", "%s %p\\n"])
        .env("LC_ALL", "C"));
    assert!(out.success(), "{}", out.text());
    let (mut paths, mut bytes) = (Vec::new(), 0);
    for line in out.stdout().lines() {
        let (size, path) = line.split_once(' ').expect("size and path");
        bytes += size.parse::<u64>().expect("a size");
        paths.push(path.to_string());
    }
    paths.sort();
    (paths, bytes)
}

#[test]
fn the_parallel_scan_records_what_find_counts_with_links_unfollowed_and_unreadable_files() {
    let ws = Workspace::fixture("fate-workspace");
    let kept = ws.path("data/sauvegardes");
    let job = vec![0x17u8; 100_000];
    let conf: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
    write(&kept.join("job.vbk"), &job);
    write(&kept.join("conf/sites.xml"), &conf);
    write(&kept.join("petit.txt"), b"trois cents octets ou presque");
    let fp = ws.dpo().now(NOW).run(
        &["fate", "fingerprint", "sauvegardes"]
            .into_iter()
            .map(String::from)
            .chain([kept.display().to_string()])
            .collect::<Vec<_>>(),
    );
    fp.assert_code(0);

    // 30 folders of 3 sub-folders, 8 files each of other sizes, two of them
    // unreadable; the copies deep down, renamed; a file of a fingerprinted
    // size that starts otherwise; links to a copy and to a folder of copies
    // outside the tree, and a dangling one, none followed.
    let nas = ws.path("nas");
    let outside = ws.path("ailleurs");
    write(&outside.join("copie-hors-arbre.vbk"), &job);
    for d in 0..30 {
        for e in 0..3 {
            for f in 0..8 {
                let size = 6000 + d * 100 + e * 10 + f;
                let p = nas.join(format!("d{d:02}/e{e}/f{f}.bak"));
                write(&p, &vec![(d + f) as u8; size]);
                if f < 2 {
                    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000))
                        .expect("chmod");
                }
            }
        }
    }
    let copies = [
        nas.join("d03/e1/copie renommee.tmp"),
        nas.join("d17/e2/profond/encore/sites.old"),
        nas.join("d29/petit"),
    ];
    write(&copies[0], &job);
    write(&copies[1], &conf);
    write(&copies[2], b"trois cents octets ou presque");
    write(&nas.join("d05/meme-taille.bin"), &vec![0x18u8; 100_000]);
    symlink(&copies[0], nas.join("d01/lien-vers-copie")).expect("symlink");
    symlink(&outside, nas.join("d02/lien-vers-ailleurs")).expect("symlink");
    symlink(nas.join("nulle-part"), nas.join("d04/lien-casse")).expect("symlink");
    std::fs::create_dir_all(nas.join("d06/vide/encore-vide")).expect("mkdir");

    let (found, bytes) = find_files(&nas);
    assert_eq!(found.len(), 30 * 3 * 8 + 4);
    let scan = || {
        let o = ws.dpo().now(NOW).run(&[
            "--json",
            "fate",
            "scan",
            "sauvegardes",
            &nas.display().to_string(),
        ]);
        o.assert_code(1);
        o.json()
    };
    let v = scan();
    assert_eq!(v["files"], found.len() as u64, "{v}");
    assert_eq!(v["bytes"], bytes, "{v}");
    // Read whole: the three copies; the file of the same size that starts
    // otherwise only had its head read.
    assert_eq!(v["hashed"], 3, "{v}");
    assert_eq!(v["matched"], 3, "{v}");
    let mut want: Vec<String> = copies.iter().map(|p| p.display().to_string()).collect();
    want.sort();
    let got: Vec<&str> = v["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["path"].as_str().expect("a path"))
        .collect();
    assert_eq!(got, want, "{v}");
    let known: Vec<&str> = v["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["known_as"].as_str().expect("a name"))
        .collect();
    let names: Vec<String> = ["job.vbk", "conf/sites.xml", "petit.txt"]
        .iter()
        .map(|n| kept.join(n).display().to_string())
        .collect();
    assert_eq!(known, names, "{v}");

    // The same tree scanned again: the very same record, whatever order the
    // folders were listed in; both recorded in the fate file.
    assert_eq!(scan(), v);
    let fate = ws.read("fate/juvisy-sur-orge.yaml");
    let records: serde_yaml::Value = serde_yaml::from_str(&fate).expect("fate file");
    let scans: Vec<&serde_yaml::Value> = records["records"]
        .as_sequence()
        .expect("records")
        .iter()
        .filter(|r| r["record"] == "scan")
        .collect();
    assert_eq!(scans.len(), 2, "{fate}");
    assert_eq!(scans[0], scans[1]);
    assert_eq!(scans[0]["files"].as_u64(), Some(found.len() as u64));
}

#[test]
fn a_root_that_is_a_link_to_a_copy_is_followed_and_found() {
    let ws = Workspace::fixture("fate-workspace");
    let kept = ws.path("data/sauvegardes/job.vbk");
    let job = vec![0x2au8; 20_000];
    write(&kept, &job);
    let fp = ws.dpo().now(NOW).run(&[
        "fate",
        "fingerprint",
        "sauvegardes",
        &kept.display().to_string(),
    ]);
    fp.assert_code(0);
    let copy = ws.path("nas/copie.bin");
    write(&copy, &job);
    let link: PathBuf = ws.path("lien");
    symlink(&copy, &link).expect("symlink");
    let o = ws.dpo().now(NOW).run(&[
        "--json",
        "fate",
        "scan",
        "sauvegardes",
        &link.display().to_string(),
    ]);
    o.assert_code(1);
    let v = o.json();
    // The root is named by the operator: followed, as `find -H` does, so
    // its size is the file's, not the link's.
    assert_eq!(
        (v["files"].as_u64(), v["bytes"].as_u64()),
        (Some(1), Some(20_000)),
        "{v}"
    );
    assert_eq!(v["matched"], 1, "{v}");
}

#[test]
fn each_candidate_is_opened_once_and_a_long_copy_is_found_across_reads() {
    let ws = Workspace::fixture("fate-workspace");
    let kept = ws.path("data/sauvegardes");
    // Longer than the 1 MiB read buffer, and a small one.
    let big: Vec<u8> = (0..(3 << 20) + 12_345u32)
        .map(|i| (i % 241) as u8)
        .collect();
    let small: Vec<u8> = (0..9_000u32).map(|i| (i % 239) as u8).collect();
    write(&kept.join("job.vbk"), &big);
    write(&kept.join("conf.xml"), &small);
    ws.dpo()
        .now(NOW)
        .run(&[
            "fate",
            "fingerprint",
            "sauvegardes",
            &kept.display().to_string(),
        ])
        .assert_code(0);
    let nas = ws.path("nas");
    let copy = nas.join("a/copie.vbk");
    write(&copy, &big);
    // Same size and start, another end: read whole, not a match.
    let mut near = big.clone();
    *near.last_mut().expect("bytes") ^= 1;
    write(&nas.join("b/presque.vbk"), &near);
    // Same size, another start: only its head read.
    let mut other = small.clone();
    other[0] ^= 1;
    write(&nas.join("c/autre.xml"), &other);
    write(&nas.join("c/conf.old"), &small);

    let log = ws.path("strace.log");
    let dpo = ws.dpo().now(NOW).into_command();
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-qq", "-e", "trace=open,openat,openat2", "-o"])
        .arg(&log)
        .arg(dpo.get_program())
        .args(dpo.get_args())
        .args(["--json", "fate", "scan", "sauvegardes"])
        .arg(&nas);
    for (k, v) in dpo.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    if let Some(dir) = dpo.get_current_dir() {
        cmd.current_dir(dir);
    }
    let o = run(&mut cmd);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    let v: serde_json::Value = serde_json::from_str(o.stdout().trim()).expect("the scan's JSON");
    assert_eq!(v["matched"], 2, "{v}");
    assert_eq!(v["hashed"], 3, "{v}");
    let paths: Vec<&str> = v["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["path"].as_str().expect("a path"))
        .collect();
    assert_eq!(
        paths,
        [
            copy.display().to_string(),
            nas.join("c/conf.old").display().to_string()
        ]
    );
    let trace = std::fs::read_to_string(&log).expect("strace log");
    for name in ["copie.vbk", "presque.vbk", "autre.xml", "conf.old"] {
        let opens = trace
            .lines()
            .filter(|l| l.contains(&format!("/{name}\"")))
            .count();
        assert_eq!(opens, 1, "{name} opened {opens} times:\n{trace}");
    }
}
