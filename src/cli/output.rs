//! What the command line prints and writes: the macros every command
//! prints with (`outln!`, `errln!`, `tr!`, `say!`, `warn_say!`), which never
//! panic on a closed pipe; diagnostics; the line that says what became of a
//! message the outbox handled (written in a dry run, or sent); JSON;
//! documents written with `-o` (atomically, never onto a device, a link or
//! the workspace's own files).

use std::path::{Path, PathBuf};

use super::{CliError, Settings};
use crate::render::catalog::Localize;
use crate::workspace::{self, Diagnostic, WorkspaceError};

/// `println!` that never panics: it returns a `Result` — a closed stdout
/// pipe (`dpo journal show | head`) becomes [`CliError::ClosedPipe`], which
/// ends the run quietly with exit code 0, as `cat` does; any other write
/// error becomes an output error (exit code 2). Use it with `?`.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::write_stdout(format_args!($($arg)*))
    };
}

/// A message of the catalog with its arguments: `tr!(s, "id", name = value)`
/// (a value is text or a number; a number selects the plural form).
macro_rules! tr {
    ($s:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $s.fmt($id, &[$((stringify!($k), $crate::render::catalog::Arg::from($v))),*])
    };
}

/// `eprintln!` that never panics: a closed or full standard error loses the
/// line instead of ending the run with a panic (exit code 101), so the exit
/// code still says what happened. Every write on stderr in `cli` goes
/// through it; nothing outside `cli` writes on stderr.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::output::write_stderr(format_args!($($arg)*), true)
    };
}

/// A message of the catalog on standard output: `say!(s, "id", name = value)`
/// is `outln!("{}", tr!(s, "id", name = value))`.
macro_rules! say {
    ($($arg:tt)*) => {
        outln!("{}", tr!($($arg)*))
    };
}

/// A message of the catalog on standard error: `warn_say!(s, "id", …)` is
/// `errln!("{}", tr!(s, "id", …))`.
macro_rules! warn_say {
    ($($arg:tt)*) => {
        errln!("{}", tr!($($arg)*))
    };
}

/// Prints diagnostics on stdout, `error:` or `warning:` first, when they are
/// the command's result (`dpo check`).
pub(super) fn print_diagnostics(settings: &Settings, diags: &[Diagnostic]) -> Result<(), CliError> {
    let s = settings.strings();
    for d in diags {
        outln!("{}", diagnostic_line(&s, d))?;
    }
    Ok(())
}

/// Prints diagnostics on stderr, `error:` or `warning:` first.
pub(super) fn eprint_diagnostics(settings: &Settings, diags: &[Diagnostic]) {
    let s = settings.strings();
    for d in diags {
        errln!("{}", diagnostic_line(&s, d));
    }
}

/// Message `id` naming a file and its SHA-256 (evidence, attachments).
pub(super) fn hashed(
    s: &crate::render::templates::Strings,
    id: &str,
    file: &str,
    sha256: &str,
) -> String {
    s.fmt(id, &[("file", file.into()), ("sha256", sha256.into())])
}

/// What became of one message the outbox handled: written in a dry run, or
/// sent (to whom, its `.eml`, the server's reply).
pub(super) fn delivered(
    s: &crate::render::templates::Strings,
    d: &crate::mail::outbox::Delivered,
) -> String {
    let file = d.record.eml.as_str();
    if d.dry_run {
        return tr!(s, "dry-run-written", file = file);
    }
    let to = d.record.recipients.join(", ");
    let reply = d.record.server_reply.as_str();
    tr!(s, "message-sent", to = to, file = file, reply = reply)
}

/// `error: …` or `warning: …` in the run's language.
fn diagnostic_line(s: &crate::render::templates::Strings, d: &Diagnostic) -> String {
    if d.is_error() {
        tr!(s, "cli-error", message = d.message(s))
    } else {
        tr!(s, "cli-warning", message = d.message(s))
    }
}

/// Writes one line on stdout; see `outln!`.
pub(crate) fn write_stdout(args: std::fmt::Arguments<'_>) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.write_all(b"\n"))
        .map_err(stdout_error)
}

/// Writes on stderr, with a line break when `newline`; a failed write is
/// ignored (see `errln!`).
pub(crate) fn write_stderr(args: std::fmt::Arguments<'_>, newline: bool) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args);
    if newline {
        let _ = err.write_all(b"\n");
    }
    let _ = err.flush();
}

/// A failed write on stdout: a closed pipe, or an output error.
fn stdout_error(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::ClosedPipe
    } else {
        CliError::Output {
            path: PathBuf::from("<stdout>"),
            source: Box::new(e),
        }
    }
}

/// Writes a document to `path` atomically (saying so on stderr), or to
/// stdout when no path is given. The path must be a regular file or not
/// exist, and lie outside the records, journal, keys and evidence of any
/// workspace ([`workspace::atomic::check_output`]): `-o` never replaces a
/// FIFO, a device, a link or the workspace's own files.
pub(super) fn write_output(
    settings: &Settings,
    path: Option<&Path>,
    bytes: &[u8],
) -> Result<(), CliError> {
    use std::io::Write;
    match path {
        Some(path) => {
            write_file(path, bytes)?;
            let (file, size) = (path.display().to_string(), bytes.len());
            warn_say!(settings.strings(), "wrote-file", file = file, bytes = size);
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(stdout_error)?;
        }
    }
    Ok(())
}

/// Writes a file the user named (`-o`, `--ics`, `schema -o`, `man -o`)
/// atomically, after refusing a target that is not a regular file or that is
/// one of the workspace's own records, journal, keys or evidence.
pub(super) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    workspace::atomic::check_output(path)
        .and_then(|()| workspace::write_atomic(path, bytes))
        .map_err(|e| output_refused(path, e))
}

/// A failed `-o` write: a refusal is its own message (it names the path and
/// gives the hint), any other failure an output error with its cause.
fn output_refused(path: &Path, e: WorkspaceError) -> CliError {
    match e {
        e @ WorkspaceError::Refused { .. } => CliError::Workspace(e),
        e => CliError::Output {
            path: path.to_path_buf(),
            source: Box::new(e),
        },
    }
}

/// Prints a value as pretty JSON on stdout.
pub(super) fn print_json<T: serde::Serialize>(v: &T) -> Result<(), CliError> {
    let s = serde_json::to_string_pretty(v).map_err(|e| CliError::Output {
        path: PathBuf::from("<stdout>"),
        source: Box::new(e),
    })?;
    outln!("{s}")
}
