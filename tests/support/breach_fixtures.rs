//! Fixture workspaces for the breach tests: copy `tests/fixtures/breach-*`
//! to a temporary folder, run the real `dpo` binary on it, read back what it
//! wrote, and parse received mail with Python's `email` package.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crate::fs_support::copy_dir;
use std::process::{Command, Output};

/// A workspace in a temporary folder.
pub(crate) struct Ws {
    dir: tempfile::TempDir,
}

/// What a run of `dpo` gave.
#[derive(Debug)]
pub(crate) struct Run {
    /// Exit code.
    pub(crate) code: i32,
    /// Standard output.
    pub(crate) stdout: String,
    /// Standard error.
    pub(crate) stderr: String,
}

impl Run {
    fn from(o: Output) -> Self {
        Self {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// `tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl Ws {
    /// A copy of `tests/fixtures/breach-workspace`.
    pub(crate) fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixture("breach-workspace"), dir.path());
        Self { dir }
    }

    /// The same, with `tests/fixtures/breach-records/<id>.yaml` as a breach.
    pub(crate) fn with_breach(id: &str) -> Self {
        let ws = Self::new();
        let text = std::fs::read_to_string(fixture("breach-records").join(format!("{id}.yaml")))
            .expect("read breach fixture");
        ws.write(&format!("breaches/{id}.yaml"), &text);
        ws
    }

    /// The workspace folder.
    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Reads a workspace file.
    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Writes a workspace file.
    pub(crate) fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    /// Whether a workspace file exists.
    pub(crate) fn exists(&self, rel: &str) -> bool {
        self.root().join(rel).exists()
    }

    /// Runs `dpo` on this workspace with `args`, and `env` on top of a clean
    /// environment for the `DPO_*` variables.
    pub(crate) fn dpo(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dpo"));
        for (k, _) in std::env::vars() {
            if k.starts_with("DPO_") {
                cmd.env_remove(k);
            }
        }
        cmd.env("DPO_REGISTERS", self.root())
            .env("DPO_ACTOR", "test-dpo")
            .env("DPO_LOCK_WAIT", "10");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::from(cmd.args(args).output().expect("run dpo"))
    }

    /// The journal entries, parsed.
    pub(crate) fn journal(&self) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.root().join("journal.jsonl")).unwrap_or_default();
        text.lines()
            .map(|l| serde_json::from_str(l).expect("journal line is JSON"))
            .collect()
    }
}

/// Runs `tests/support/read_mail.py` with `args` and parses its JSON.
pub(crate) fn read_mail(args: &[&str]) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/read_mail.py");
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "read_mail.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("read_mail.py prints JSON")
}

/// The text of a PDF, by `pdftotext` (Debian package poppler-utils), with
/// white space collapsed so that wrapped lines compare with one-line values.
pub(crate) fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext is installed (Debian package poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    collapse(&String::from_utf8_lossy(&out.stdout))
}

/// White space runs replaced by one space.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// SHA-256 of a file, hex, by the coreutils `sha256sum` a user would run.
pub(crate) fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}
