//! Hostile files and arguments: a corpus of YAML files built to exhaust the
//! stack, the memory or the time (depth, size, long scalars, aliases) and of
//! special files (FIFOs, devices, links) in place of the workspace's files,
//! each refused with exit code 2 and its `file:line`, in under a second and
//! 100 MB (measured with GNU `time`, under a `timeout` so that a blocked run
//! fails instead of hanging); then the links and special files dpo must
//! never write through: a linked record, journal or evidence folder, and
//! `-o` on a FIFO, a device, a link or the workspace's own files.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Dpo, Run, Workspace};

const NOW: &str = "2026-11-28T16:00:00+01:00";

/// The most a refusal may take, and use.
const MAX_TIME: Duration = Duration::from_secs(1);
const MAX_RSS_KB: u64 = 100 * 1024;

/// A run of `dpo` with its wall time and peak memory.
struct Measured {
    run: Run,
    elapsed: Duration,
    max_rss_kb: u64,
}

/// Runs `dpo args` on `ws` under GNU `time` (peak RSS) and `timeout` (killed
/// after 10 s), with the environment of [`Dpo`].
fn measured(ws: &Workspace, args: &[&str]) -> Measured {
    let rss_file = ws.path("max-rss.txt");
    let rss = rss_file.to_str().expect("a UTF-8 temporary path");
    let prefix = ["-f", "%M", "-o", rss, "timeout", "-s", "KILL", "10"];
    let mut cmd = Dpo::under(ws.root(), "/usr/bin/time", &prefix)
        .now(NOW)
        .home(ws.home())
        .current_dir(ws.dir())
        .into_command();
    cmd.args(args).stdin(Stdio::null());
    let start = Instant::now();
    let out = cmd
        .output()
        .expect("run /usr/bin/time (tests/run.sh installs the Debian package `time`)");
    let elapsed = start.elapsed();
    let report = std::fs::read_to_string(&rss_file).expect("GNU time's report");
    let max_rss_kb = report
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {report:?}"));
    Measured {
        run: Run::from(out),
        elapsed,
        max_rss_kb,
    }
}

/// Insists that `dpo check` on `ws` exits 2 in time and memory, naming
/// `file:line` and saying `what`.
fn refused(ws: &Workspace, case: &str, file_line: &str, what: &str) {
    let m = measured(ws, &["check"]);
    m.run.assert_no_panic();
    assert_eq!(
        m.run.code(),
        Some(2),
        "{case}: exit code (137: killed by the timeout)\n{}",
        m.run.text()
    );
    let text = m.run.text();
    assert!(
        text.contains(file_line),
        "{case}: no `{file_line}` in\n{text}"
    );
    assert!(text.contains(what), "{case}: no {what:?} in\n{text}");
    assert!(
        m.elapsed < MAX_TIME,
        "{case}: took {:?} (limit {MAX_TIME:?})",
        m.elapsed
    );
    assert!(
        m.max_rss_kb < MAX_RSS_KB,
        "{case}: used {} kB (limit {MAX_RSS_KB} kB)",
        m.max_rss_kb
    );
}

/// The sample workspace with `rel` written as `text`.
fn with_file(rel: &str, text: &str) -> Workspace {
    let ws = Workspace::sample();
    ws.write(rel, text);
    ws
}

/// `n` aliases of one anchor in a list of people's controllers.
fn aliases(n: usize) -> String {
    format!(
        "people:\n  - id: a\n    name: A\n    role: r\n    organisation: o\n    controllers: [&c juvisy-sur-orge{}]\n",
        ", *c".repeat(n)
    )
}

#[test]
fn hostile_yaml_is_refused_with_its_line_quickly_and_in_little_memory() {
    let big_block = format!(
        "people:\n  - id: a\n    name: |\n{}",
        format!("      {}\n", "a".repeat(70)).repeat(15_000)
    );
    let billion_laughs = {
        let mut s = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            s.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{}", i - 1); 9].join(", ")
            ));
        }
        s
    };
    let cases: Vec<(&str, &str, String, &str, &str)> = vec![
        (
            "25,000 nested `- `",
            "people.yaml",
            format!("people: \n  {}x\n", "- ".repeat(25_000)),
            "people.yaml:2:",
            "imbriquées sur plus de",
        ),
        (
            "block mappings nested 2,000 deep",
            "people.yaml",
            (0..2_000)
                .map(|i| format!("{}a{i}:\n", " ".repeat(i)))
                .collect(),
            "people.yaml:65:",
            "imbriquées sur plus de",
        ),
        (
            "100,000 nested `[` on one line",
            "processor.yaml",
            "[".repeat(100_000),
            "processor.yaml:1:",
            "cette ligne fait 100\u{202f}000 octets",
        ),
        (
            "100,000 nested `[`, one a line",
            "processor.yaml",
            "[\n".repeat(100_000),
            "processor.yaml:65:",
            "imbriquées sur plus de",
        ),
        (
            "a 3 MB scalar on one line",
            "processor.yaml",
            format!("name: {}\n", "x".repeat(3 << 20)),
            "processor.yaml:1:",
            "au-delà de la limite de 65\u{202f}536 octets",
        ),
        (
            "a 1 MB block scalar",
            "people.yaml",
            big_block,
            "people.yaml:4:",
            "cette valeur fait",
        ),
        (
            "a 5 MB file",
            "security-measures.yaml",
            "# padding\n".repeat(500_000),
            "security-measures.yaml:1:",
            "au-delà de la limite de 4194304 octets",
        ),
        (
            "300 aliases",
            "people.yaml",
            aliases(300),
            "people.yaml:6:",
            "plus de 256 alias",
        ),
        (
            "a billion laughs",
            "people.yaml",
            billion_laughs,
            "people.yaml:",
            "erreur",
        ),
        (
            "a deep breach record",
            "breaches/2021-001.yaml",
            format!("id: 2021-001\nfacts: {}\n", "[".repeat(1_000)),
            "breaches/2021-001.yaml:2:",
            "imbriquées sur plus de",
        ),
    ];
    for (case, rel, text, file_line, what) in cases {
        refused(&with_file(rel, &text), case, file_line, what);
    }
    // Within the limits, aliases are the parser's business.
    let m = measured(&with_file("people.yaml", &aliases(10)), &["check"]);
    assert!(!m.run.text().contains("alias"), "{}", m.run.text());
}

/// Replaces the workspace file `rel` by what `make` creates at its path.
fn replaced(rel: &str, make: impl FnOnce(&Path)) -> Workspace {
    let ws = Workspace::sample();
    let p = ws.root().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&p);
    make(&p);
    ws
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo");
    assert!(ok.success(), "mkfifo {}", p.display());
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[test]
fn fifos_devices_and_links_in_place_of_yaml_files_are_refused_without_reading_them() {
    let cases: Vec<(&str, Workspace, &str, &str)> = vec![
        (
            "processor.yaml is a FIFO",
            replaced("processor.yaml", mkfifo),
            "processor.yaml:1:",
            "FIFO",
        ),
        (
            "people.yaml links to /dev/zero",
            replaced("people.yaml", |p| symlink("/dev/zero", p)),
            "people.yaml:1:",
            "lien symbolique",
        ),
        (
            "a controller links to /dev/urandom",
            replaced("controllers/x.yaml", |p| symlink("/dev/urandom", p)),
            "controllers/x.yaml:1:",
            "lien symbolique",
        ),
        (
            "a breach record is a FIFO",
            replaced("breaches/2021-001.yaml", mkfifo),
            "breaches/2021-001.yaml:1:",
            "FIFO",
        ),
        (
            "people.yaml is a folder",
            replaced("people.yaml", |p| std::fs::create_dir(p).unwrap()),
            "people.yaml:1:",
            "un dossier",
        ),
    ];
    for (case, ws, file_line, what) in cases {
        refused(&ws, case, file_line, what);
    }
}

/// A file outside the workspace, and what it holds.
fn outside(ws: &Workspace, name: &str) -> (PathBuf, &'static str) {
    let p = ws.path(name);
    let text = "precious: must survive\n";
    std::fs::write(&p, text).unwrap();
    (p, text)
}

fn journal_note(ws: &Workspace) -> Run {
    ws.dpo().now(NOW).run(&["journal", "note", "-m", "x"])
}

#[test]
fn a_linked_record_journal_or_evidence_folder_is_refused_and_not_written_through() {
    // A record, each journal file, a folder of records, the evidence folder.
    for rel in [
        "breaches/2021-001.yaml",
        "journal.jsonl",
        "journal.head",
        "breaches",
        "evidence",
    ] {
        let ws = Workspace::sample();
        assert!(journal_note(&ws).success());
        let (target, text) = outside(&ws, "target");
        let at = ws.root().join(rel);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        let _ = std::fs::remove_dir_all(&at);
        let _ = std::fs::remove_file(&at);
        if rel.contains('.') {
            symlink(&target, &at);
        } else {
            let dir = ws.path("target-dir");
            std::fs::create_dir_all(&dir).unwrap();
            symlink(&dir, &at);
        }
        for o in [
            ws.dpo().now(NOW).run(&["check"]),
            journal_note(&ws),
            ws.dpo().run(&["journal", "verify"]),
        ] {
            o.assert_no_panic();
            o.assert_code(2);
            assert!(o.text().contains("lien symbolique"), "{rel}: {}", o.text());
            assert!(
                o.text().contains(&format!("{rel}:1:")),
                "{rel}: {}",
                o.text()
            );
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), text, "{rel}");
        assert!(
            std::fs::symlink_metadata(&at)
                .unwrap()
                .file_type()
                .is_symlink(),
            "{rel} was replaced"
        );
    }
}

fn register_to(ws: &Workspace, out: &Path) -> Run {
    Dpo::new(ws.root())
        .home(ws.home())
        .current_dir(ws.dir())
        .now(NOW)
        .run(&["register", "--format", "csv", "-o", out.to_str().unwrap()])
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn output_never_replaces_a_fifo_a_device_a_link_or_the_workspace_s_own_files() {
    use std::os::unix::fs::FileTypeExt;
    let ws = Workspace::sample();
    assert!(journal_note(&ws).success());
    let journal = ws.read("journal.jsonl");
    let refuses = |out: &Path, what: &str| {
        let o = register_to(&ws, out);
        o.assert_no_panic();
        o.assert_code(2);
        assert!(o.text().contains("refus de"), "{}", o.text());
        assert!(o.text().contains(what), "{}: {}", out.display(), o.text());
    };

    // A FIFO: refused without being opened (opening it would block).
    let fifo = ws.path("pipe");
    mkfifo(&fifo);
    let m = measured(
        &ws,
        &["register", "--format", "csv", "-o", fifo.to_str().unwrap()],
    );
    m.run.assert_code(2);
    assert!(m.run.text().contains("FIFO"), "{}", m.run.text());
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());

    // A character device: as root a copy of /dev/null made here (dpo must
    // not replace it; /dev/null itself is not put at risk), otherwise
    // /dev/null itself.
    let device = if is_root() {
        let p = ws.path("null");
        let ok = Command::new("mknod")
            .arg(&p)
            .args(["c", "1", "3"])
            .status()
            .expect("mknod");
        assert!(ok.success());
        p
    } else {
        PathBuf::from("/dev/null")
    };
    refuses(&device, "périphérique caractère");
    assert!(std::fs::symlink_metadata(&device)
        .unwrap()
        .file_type()
        .is_char_device());

    // A link: neither replaced nor written through.
    let (target, text) = outside(&ws, "target");
    let link = ws.path("link.csv");
    symlink(&target, &link);
    refuses(&link, "lien symbolique");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());

    // The workspace's own files, directly or through a link.
    std::fs::create_dir_all(ws.root().join("evidence")).unwrap();
    let into = ws.path("into-evidence");
    symlink(ws.root().join("evidence"), &into);
    for out in [
        ws.root().join("journal.jsonl"),
        ws.root().join("journal.head"),
        ws.root().join("people.yaml"),
        ws.root().join("breaches/report.csv"),
        ws.root().join("evidence/register.csv"),
        ws.root().join("keys/register.csv"),
        into.join("register.csv"),
    ] {
        refuses(&out, "ne remplace jamais");
    }
    // Every command that writes a file the user names goes through the same
    // check: the calendar of `status --ics`, `schema -o`.
    let ics = ws.root().join("journal.jsonl");
    let o = ws
        .dpo()
        .now(NOW)
        .run(&["status", "--ics", ics.to_str().unwrap()]);
    o.assert_no_panic();
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert!(o.text().contains("ne remplace jamais"), "{}", o.text());
    let o = ws
        .dpo()
        .run(&["schema", "-o", ws.root().join("evidence").to_str().unwrap()]);
    o.assert_no_panic();
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert_eq!(ws.read("journal.jsonl"), journal);
    assert!(!ws.exists("breaches/report.csv"));
    assert!(!ws.exists("evidence/register.csv"));
    assert!(!ws.exists("keys"));

    // Beside the workspace, or at its top beside its files, is fine.
    for out in [ws.path("register.csv"), ws.root().join("register.csv")] {
        let o = register_to(&ws, &out);
        assert!(o.success(), "{}", o.text());
        assert!(out.is_file());
    }
}
