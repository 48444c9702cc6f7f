//! The one place that runs a backup tool: a program, its arguments, the
//! environment it inherits (where restic's `RESTIC_PASSWORD` and borg's
//! `BORG_PASSPHRASE` are: dpo never reads, passes or keeps them), standard
//! input closed so that no tool waits for a passphrase typed on it, and
//! what it gave back — exit code, standard output and error — kept as a
//! [`Ran`]. A password inside a repository URL (`rest:https://u:pw@host/`)
//! is masked in the command line and the outputs kept ([`mask`]).
//!
//! [`Runner`] is a trait so that the workflow's decisions (a listing that
//! still shows a snapshot after an exit code 0) are unit-tested on scripted
//! outputs; [`System`] runs the real programs.

use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

/// A command run, as kept in the evidence (`commands.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ran {
    /// The program and its arguments, any password in a URL masked.
    pub command: Vec<String>,
    /// Its exit code (`None`: ended by a signal).
    pub exit_code: Option<i32>,
    /// Its standard output, as text (masked).
    pub stdout: String,
    /// Its standard error, as text (masked).
    pub stderr: String,
    /// True for a command started whose outcome was never recorded: dpo
    /// was stopped while it ran (its exit code and outputs are unknown).
    /// Written before each command once the intent is journaled, replaced
    /// by the outcome when the command ends.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unfinished: bool,
}

impl Ran {
    /// `program` with `args` about to run, its outcome not yet known.
    pub fn started(program: &str, args: &[String]) -> Self {
        Ran {
            command: command_line(program, args),
            exit_code: None,
            stdout: String::new(),
            stderr: String::new(),
            unfinished: true,
        }
    }

    /// True when it exited 0.
    pub fn ok(&self) -> bool {
        self.exit_code == Some(0)
    }

    /// The command line as one line, for messages.
    pub fn line(&self) -> String {
        self.command.join(" ")
    }

    /// The line of its standard error that says what went wrong, warnings
    /// left out: the last `Fatal:` or `error:` line; else restic's first
    /// line (restic says the error first, then where and how to go on: a
    /// lock's holder, `unlock`), borg's last (borg ends with its error,
    /// after Python's warnings, a usage line or a question).
    pub fn error_line(&self) -> String {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.contains("Warning:"))
            .collect();
        let fatal = |l: &&&str| {
            let l = l.to_ascii_lowercase();
            l.starts_with("fatal:") || l.starts_with("error:") || l.contains(": error:")
        };
        let restic = self.command.first().is_some_and(|p| p == "restic");
        let plain = if restic { lines.first() } else { lines.last() };
        lines
            .iter()
            .rev()
            .find(fatal)
            .or(plain)
            .copied()
            .unwrap_or_default()
            .to_string()
    }
}

/// Runs programs.
pub trait Runner {
    /// Runs `program` with `args` (and `env` on top of the inherited
    /// environment); `Err` when it cannot be started at all.
    fn run(&self, program: &str, args: &[String], env: &[(&str, &str)]) -> std::io::Result<Ran>;
}

/// The real programs, found on `PATH`.
#[derive(Debug, Clone, Copy, Default)]
pub struct System;

impl Runner for System {
    fn run(&self, program: &str, args: &[String], env: &[(&str, &str)]) -> std::io::Result<Ran> {
        let out = Command::new(program)
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()?;
        let text = |b: &[u8]| mask(&String::from_utf8_lossy(b));
        Ok(Ran {
            command: command_line(program, args),
            exit_code: out.status.code(),
            stdout: text(&out.stdout),
            stderr: text(&out.stderr),
            unfinished: false,
        })
    }
}

/// The program and its arguments as kept, any password in a URL masked.
fn command_line(program: &str, args: &[String]) -> Vec<String> {
    let mut command = vec![program.to_string()];
    command.extend(args.iter().map(|a| mask(a)));
    command
}

/// `s` with the password of every URL in it (`scheme://user:password@`)
/// replaced by `***`.
pub fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        // The authority ends at the first `/`, white space or end.
        let end = tail
            .find(|c: char| c == '/' || c.is_whitespace() || c == '"')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.find(':') {
                    Some(colon) => {
                        out.push_str(&userinfo[..colon]);
                        out.push_str(":***");
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_a_url_is_masked_and_nothing_else_changes() {
        assert_eq!(
            mask("rest:https://dpo:s3cr3t@backup.example:8000/juvisy"),
            "rest:https://dpo:***@backup.example:8000/juvisy"
        );
        assert_eq!(
            mask("open ssh://borg@host:22/./repo failed; see sftp://u:p@h/x"),
            "open ssh://borg@host:22/./repo failed; see sftp://u:***@h/x"
        );
        assert_eq!(mask("/srv/restic/juvisy"), "/srv/restic/juvisy");
        assert_eq!(mask("a://"), "a://");
    }

    #[test]
    fn the_error_quoted_is_the_tools_error_not_a_warning_or_what_follows_it() {
        let said = |stderr: &str| {
            let mut r = Ran::started("borg", &[]);
            r.stderr = stderr.into();
            r.error_line()
        };
        assert_eq!(
            said(
                "/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control echo on the terminal.\n  \
                 passwd = fallback_getpass(prompt, stream)\nWarning: Password input may be echoed.\n\
                 Enter passphrase for key /r: \nPassphrase wrong.\n"
            ),
            "Passphrase wrong."
        );
        assert_eq!(
            said("usage: borg list [-h] [--critical]\nborg list: error: argument REPOSITORY_OR_ARCHIVE: Invalid location format: \"ssh://u:***@h:9/x\"\n"),
            "borg list: error: argument REPOSITORY_OR_ARCHIVE: Invalid location format: \"ssh://u:***@h:9/x\""
        );
        assert_eq!(
            said("Fatal: unable to open config file: Stat: stat /r/config: no such file or directory\nIs there a repository at the following location?\n/r\n"),
            "Fatal: unable to open config file: Stat: stat /r/config: no such file or directory"
        );
        assert_eq!(
            said("Warning: The repository at location /a was previously located at /b\nDo you want to continue? [yN] no (from BORG_RELOCATED_REPO_ACCESS_IS_OK)\nAborting.\nRepository access aborted\n\n"),
            "Repository access aborted"
        );
        assert_eq!(said(""), "");
        let mut restic = Ran::started("restic", &[]);
        restic.stderr = "unable to create lock in backend: repository is already locked by PID 7\nlock was created at 2021-08-02 10:00:00 (1s ago)\nthe `unlock` command can be used to remove stale locks\n".into();
        assert_eq!(
            restic.error_line(),
            "unable to create lock in backend: repository is already locked by PID 7"
        );
    }

    #[test]
    fn the_real_runner_keeps_the_exit_code_and_both_outputs() {
        let r = System
            .run(
                "sh",
                &["-c".into(), "echo out; echo err >&2; exit 3".into()],
                &[],
            )
            .unwrap();
        assert_eq!(r.exit_code, Some(3));
        assert!(!r.ok());
        assert_eq!(r.stdout, "out\n");
        assert_eq!(r.error_line(), "err");
        assert!(System.run("/nonexistent/tool", &[], &[]).is_err());
    }
}
