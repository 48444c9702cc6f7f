//! The one harness that runs the real `dpo` binary: a [`Dpo`] command builder
//! that clears every `DPO_*` variable of the environment the tests run in,
//! names the workspace and the test actor (`DPO_ACTOR=test`: a command that
//! writes refuses to run without an actor; [`Dpo::without_actor`] takes it
//! away), and takes the instant, the home folder and any variable on top;
//! [`Run`] is what a run gave.
//!
//! The workspace goes in `DPO_REGISTERS` and the instant in `DPO_NOW`; the
//! tests that pass `--now` or `--registers` on the command line (breach,
//! requests, the shell loops of the journal and pipe tests) keep the flags
//! covered as well.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, ExitStatus, Output};

use super::smtp::SmtpServer;

/// The binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_dpo");

/// A `dpo` command being put together.
pub(crate) struct Dpo {
    cmd: Command,
}

impl Dpo {
    /// `dpo` on the workspace `registers`, with no `DPO_*` variable but
    /// `DPO_REGISTERS` and `DPO_ACTOR=test`.
    pub(crate) fn new(registers: &Path) -> Self {
        Self::under(registers, BIN, &[])
    }

    /// The same environment, for `program prefix… dpo`: `dpo` run under
    /// another program (`/usr/bin/time`, `timeout`).
    pub(crate) fn under(registers: &Path, program: &str, prefix: &[&str]) -> Self {
        let mut cmd = Command::new(program);
        cmd.args(prefix);
        if program != BIN {
            cmd.arg(BIN);
        }
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("DPO_") {
                cmd.env_remove(k);
            }
        }
        // The locale chooses the language when nothing else does: the
        // tests' own must not.
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(k);
        }
        cmd.env("DPO_REGISTERS", registers).env("DPO_ACTOR", "test");
        Self { cmd }
    }

    /// No actor at all: neither `DPO_ACTOR` nor a login name (`USER`,
    /// `LOGNAME`) — every command that writes must refuse.
    pub(crate) fn without_actor(mut self) -> Self {
        for k in ["DPO_ACTOR", "USER", "LOGNAME"] {
            self.cmd.env_remove(k);
        }
        self
    }

    /// The command as built, for a test that must start it itself (kill it,
    /// give it another standard error).
    pub(crate) fn into_command(self) -> Command {
        self.cmd
    }

    /// In English (`--lang en`): for a test that checks an English text
    /// (the workspaces and the tests' default language is French).
    pub(crate) fn english(mut self) -> Self {
        self.cmd.args(["--lang", "en"]);
        self
    }

    /// Acts as if it were `instant` (`DPO_NOW`); a later call wins.
    pub(crate) fn now(self, instant: &str) -> Self {
        self.env("DPO_NOW", instant)
    }

    /// `HOME` and `XDG_CONFIG_HOME` in `home`, so that a real signing key is
    /// never touched.
    pub(crate) fn home(self, home: &Path) -> Self {
        self.env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
    }

    /// Runs in `dir`, where relative paths in the arguments start.
    pub(crate) fn current_dir(mut self, dir: &Path) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Sets an environment variable.
    pub(crate) fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    /// Removes an environment variable (one the tests' own environment may
    /// hold, such as `GIT_DIR`).
    pub(crate) fn env_remove(mut self, key: &str) -> Self {
        self.cmd.env_remove(key);
        self
    }

    /// Sends mail through `server`: `DPO_SMTP_URL`, and `DPO_SMTP_CA` when the
    /// server has a test CA.
    pub(crate) fn smtp(self, server: &SmtpServer) -> Self {
        let with_url = self.env("DPO_SMTP_URL", server.url());
        match &server.ca {
            Some(ca) => with_url.env("DPO_SMTP_CA", ca),
            None => with_url,
        }
    }

    /// Runs `dpo` with `args` and waits for it; standard input is closed.
    pub(crate) fn run<S: AsRef<OsStr>>(mut self, args: &[S]) -> Run {
        Run::from(self.cmd.args(args).output().expect("run dpo"))
    }
}

/// What a run of a program gave.
#[derive(Debug)]
pub(crate) struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Self {
            status: o.status,
            stdout: o.stdout,
            stderr: o.stderr,
        }
    }
}

impl Run {
    /// The exit code (none when a signal ended it).
    pub(crate) fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// Whether it exited 0.
    pub(crate) fn success(&self) -> bool {
        self.status.success()
    }

    /// Standard output (bytes that are not UTF-8 shown as U+FFFD).
    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Standard output, which must be UTF-8.
    pub(crate) fn stdout_utf8(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("standard output is UTF-8")
    }

    /// Standard error (bytes that are not UTF-8 shown as U+FFFD).
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Standard output then standard error, whatever their bytes.
    pub(crate) fn text(&self) -> String {
        format!("{}{}", self.stdout(), self.stderr())
    }

    /// Standard output parsed as JSON.
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    /// Insists on exit code `code`, showing both outputs otherwise.
    pub(crate) fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code(),
            Some(code),
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
    }

    /// Insists that standard output holds `words`, showing it otherwise.
    #[track_caller]
    pub(crate) fn assert_stdout_has(&self, words: &str) {
        let out = self.stdout();
        assert!(
            out.contains(words),
            "no {words:?} in standard output:\n{out}"
        );
    }

    /// Insists that standard error holds `words`, showing it otherwise.
    #[track_caller]
    pub(crate) fn assert_stderr_has(&self, words: &str) {
        let err = self.stderr();
        assert!(
            err.contains(words),
            "no {words:?} in standard error:\n{err}"
        );
    }

    /// Insists that it did not panic.
    pub(crate) fn assert_no_panic(&self) {
        let t = self.text();
        assert!(!t.contains("panicked"), "panic: {t}");
        assert!(!t.contains("RUST_BACKTRACE"), "panic: {t}");
    }
}
