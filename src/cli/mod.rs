//! The command line: argument definitions, and one file per command family
//! that reads input, calls the domain and prints text or JSON. This is the
//! only layer that prints.
//!
//! Exit codes: 0 all is well; 1 a check found a problem (warnings under
//! `--strict`, a broken journal, an overdue deadline); 2 a usage, input or
//! I/O error.

/// `println!` that never panics: when stdout is a closed pipe (`dpo journal
/// show | head`) the process ends quietly, as `cat` does; any other write
/// error ends it with exit code 2 and a message.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!($($arg)*))
    };
}

mod audit;
mod breach;
mod check;
mod docs;
mod fate;
mod init;
mod instruction;
mod journal;
mod keys;
mod register;
mod request;
mod schema;
mod status;
mod subprocessor;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::Lang;
use crate::time::{Clock, TimeError};
use crate::workspace::{self, Diagnostic, Workspace, WorkspaceError};

/// Exit code: a check found a problem.
pub const EXIT_FINDING: i32 = 1;
/// Exit code: usage, input or I/O error.
pub const EXIT_ERROR: i32 = 2;

/// The toolkit of a GDPR processor's data-protection officer.
#[derive(Debug, Parser)]
#[command(name = "dpo", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// The workspace folder (default: ./registers).
    #[arg(
        long,
        global = true,
        env = "DPO_REGISTERS",
        value_name = "DIR",
        default_value = "registers"
    )]
    pub registers: PathBuf,
    /// Language of the documents (default: the processor's).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Act as if it were this instant: RFC 3339, or local `YYYY-MM-DD HH:MM` in
    /// the processor's timezone. Every dated output uses it.
    #[arg(long, global = true, env = "DPO_NOW", value_name = "TIME")]
    pub now: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Languages of the documents.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new workspace with commented example files.
    Init(init::InitArgs),
    /// Validate the whole workspace, journal included.
    Check(check::CheckArgs),
    /// Write the register of processing activities (GDPR Art. 30(2)).
    Register(register::RegisterArgs),
    /// Personal-data breaches: open, notify within 72 h by e-mail and phone, supplement, close.
    #[command(subcommand)]
    Breach(breach::BreachCommand),
    /// Deadlines and what needs doing; exit 1 when anything is overdue.
    Status(status::StatusArgs),
    /// Show, verify or add to the hash-chained journal.
    #[command(subcommand)]
    Journal(journal::JournalCommand),
    /// Write a JSON Schema for each kind of YAML file.
    Schema(schema::SchemaArgs),
    /// Print shell completions.
    Completions(docs::CompletionsArgs),
    /// Write manual pages.
    Man(docs::ManArgs),
    /// End of the convention: inventory, return (BagIt), destruction, residual scan, certificate.
    #[command(subcommand)]
    Fate(fate::FateCommand),
    /// The signing key: generate, show, publish.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// The audit pack (Annex 1 §II.12): every register, log and certificate, signed.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Sub-processors (Annex 1 §II.6): list, add, change, notify the controllers in writing.
    #[command(subcommand)]
    Subprocessor(subprocessor::SubProcessorCommand),
    /// Data-subject requests (Annex 1 §II.7): log and forward at once, list.
    #[command(subcommand)]
    Request(request::RequestCommand),
    /// Documented instructions (Annex 1 §II.1–2): log, object, list.
    #[command(subcommand)]
    Instruction(instruction::InstructionCommand),
    /// Sign a file (OpenSSH SSHSIG, namespace `file`): writes FILE.sig.
    Sign(keys::SignArgs),
    /// Check a signature against keys/allowed_signers; exit 1 if it does not verify.
    Verify(keys::VerifyArgs),
}

/// Everything that ends a command with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The workspace could not be used.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// `--now` or another time argument is not a time.
    #[error("invalid {flag}")]
    Time {
        /// The option.
        flag: &'static str,
        /// Why.
        #[source]
        source: Box<TimeError>,
    },
    /// A template failed.
    #[error(transparent)]
    Template(#[from] crate::render::templates::TemplateError),
    /// The PDF could not be made.
    #[error("failed to make the PDF")]
    Pdf(#[from] crate::render::pdf::PdfError),
    /// CSV writing failed.
    #[error(transparent)]
    Csv(#[from] crate::render::csv::CsvError),
    /// An unknown controller was asked for.
    #[error(transparent)]
    UnknownController(#[from] crate::register::UnknownController),
    /// Writing an output file failed.
    #[error("failed to write `{}`", path.display())]
    Output {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The breach workflow refused or failed.
    #[error(transparent)]
    Breach(#[from] crate::breach::BreachError),
    /// The e-mail transport is not configured correctly.
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
    /// The arguments make no sense together.
    #[error("{0}")]
    Usage(String),
    /// Keys and signatures.
    #[error(transparent)]
    Signing(#[from] crate::signing::SigningError),
    /// The end-of-convention workflow (`dpo fate`).
    #[error(transparent)]
    Fate(#[from] crate::fate::FateError),
    /// Data-subject requests.
    #[error(transparent)]
    Request(#[from] crate::request::RequestError),
    /// Documented instructions.
    #[error(transparent)]
    Instruction(#[from] crate::instruction::InstructionError),
    /// The sub-processor register and its notices.
    #[error(transparent)]
    SubProcessor(#[from] crate::subprocessor::SubProcessorError),
    /// The audit pack (`dpo audit pack`).
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
}

/// Runs the binary: parses `std::env::args`, runs, prints errors, returns the
/// exit code.
pub fn main() -> i32 {
    run(std::env::args_os())
}

/// Parses `args` and runs the command; returns the exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp
                | clap::error::ErrorKind::DisplayVersion
                | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => 0,
                _ => EXIT_ERROR,
            };
        }
    };
    match dispatch(&cli) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            EXIT_ERROR
        }
    }
}

fn dispatch(cli: &Cli) -> Result<i32, CliError> {
    match &cli.command {
        Command::Init(a) => init::run(cli, a),
        Command::Check(a) => check::run(cli, a),
        Command::Register(a) => register::run(cli, a),
        Command::Breach(c) => breach::run(cli, c),
        Command::Status(a) => status::run(cli, a),
        Command::Journal(c) => journal::run(cli, c),
        Command::Schema(a) => schema::run(a),
        Command::Completions(a) => docs::completions(a),
        Command::Man(a) => docs::man(a),
        Command::Fate(c) => fate::run(cli, c),
        Command::Keys(c) => keys::run_keys(cli, c),
        Command::Audit(c) => audit::run(cli, c),
        Command::Subprocessor(c) => subprocessor::run(cli, c),
        Command::Request(c) => request::run(cli, c),
        Command::Instruction(c) => instruction::run(cli, c),
        Command::Sign(a) => keys::run_sign(cli, a),
        Command::Verify(a) => keys::run_verify(cli, a),
    }
}

/// Prints an error with its diagnostics and its cause chain.
fn report(e: &CliError) {
    if let CliError::Workspace(WorkspaceError::Invalid { diagnostics, .. })
    | CliError::Fate(crate::fate::FateError::Invalid { diagnostics, .. }) = e
    {
        print_diagnostics(diagnostics, false);
    }
    eprintln!("error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        eprintln!("  caused by: {s}");
        source = s.source();
    }
}

/// Prints diagnostics, `error:` or `warning:` first: on stdout when they are
/// the command's result (`dpo check`), else on stderr.
fn print_diagnostics(diags: &[Diagnostic], stdout: bool) {
    for d in diags {
        let kind = if d.is_error() { "error" } else { "warning" };
        if stdout {
            outln!("{kind}: {d}");
        } else {
            eprintln!("{kind}: {d}");
        }
    }
}

impl Cli {
    /// The workspace folder.
    fn root(&self) -> &Path {
        &self.registers
    }

    /// Loads the workspace (errors carry every diagnostic).
    fn load(&self) -> Result<Workspace, CliError> {
        Ok(workspace::load(self.root())?)
    }

    /// The clock: `--now` read in `tz`, or the system clock.
    fn clock(&self, tz: chrono_tz::Tz) -> Result<Clock, CliError> {
        match &self.now {
            None => Ok(Clock::system()),
            Some(s) => crate::time::parse_user_time(s, tz)
                .map(|t| Clock::fixed(t.to_utc()))
                .map_err(|source| CliError::Time {
                    flag: "--now (or DPO_NOW)",
                    source: Box::new(source),
                }),
        }
    }

    /// Who acts, and when: `--now` read in `tz` (else the system clock) and
    /// [`actor`].
    fn act(&self, tz: chrono_tz::Tz) -> Result<workspace::Act, CliError> {
        Ok(workspace::Act {
            now: self.clock(tz)?.now(),
            actor: actor(),
        })
    }

    /// The document language: `--lang`, else the processor's.
    fn lang(&self, ws: Option<&Workspace>) -> Lang {
        match self.lang {
            Some(LangArg::Fr) => Lang::Fr,
            Some(LangArg::En) => Lang::En,
            None => ws.map(|w| w.processor.language).unwrap_or_default(),
        }
    }
}

/// Who is making a change, for the journal: `DPO_ACTOR`, else the login name.
fn actor() -> String {
    ["DPO_ACTOR", "USER", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Writes one line on stdout; see `outln!`.
pub(crate) fn write_stdout(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: failed to write to standard output\n  caused by: {e}");
        std::process::exit(EXIT_ERROR);
    }
}

/// Writes a document to `path` atomically (saying so on stderr), or to
/// stdout when no path is given.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    match path {
        Some(path) => {
            workspace::write_atomic(path, bytes).map_err(|e| CliError::Output {
                path: path.to_path_buf(),
                source: Box::new(e),
            })?;
            eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| CliError::Output {
                    path: PathBuf::from("<stdout>"),
                    source: Box::new(e),
                })?;
        }
    }
    Ok(())
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(v: &T) -> Result<(), CliError> {
    let s = serde_json::to_string_pretty(v).map_err(|e| CliError::Output {
        path: PathBuf::from("<stdout>"),
        source: Box::new(e),
    })?;
    outln!("{s}");
    Ok(())
}
