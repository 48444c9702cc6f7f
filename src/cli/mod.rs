//! The command line: argument definitions, and one file per command family
//! that reads input, calls the domain and prints text or JSON. This is the
//! only layer that prints, and — through [`Settings`], built once per run —
//! the only one that reads the environment.
//!
//! Exit codes: 0 all is well; 1 a check found a problem (warnings under
//! `--strict`, a broken journal, an overdue deadline); 2 a usage, input or
//! I/O error. [`CliError::exit_code`] is the one place that maps an error to
//! its code (a closed stdout pipe ends quietly with 0).

#[macro_use]
mod output;

mod audit;
mod breach;
mod check;
mod docs;
mod fate;
mod git;
mod import;
mod init;
mod instruction;
mod journal;
mod keys;
mod localize;
mod record;
mod register;
mod request;
mod schema;
mod set;
mod settings;
mod site;
mod stamp_times;
mod status;
mod subprocessor;
mod timestamp;

use crate::render::catalog::{Msg, Told};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::render::catalog::Localize;
use crate::time::TimeError;
use crate::workspace::WorkspaceError;
use output::{
    delivered, eprint_diagnostics, hashed, print_diagnostics, print_json, write_file, write_output,
};

pub use settings::Settings;

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
    /// Language of everything dpo writes — terminal, documents, e-mails,
    /// calendar (default: `language` in processor.yaml, else the locale, else
    /// French). This help stays English.
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
    /// Make a new workspace from a register kept in a spreadsheet (XLSX, ODS).
    Import(import::ImportArgs),
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
    /// Adopt a hand edit of a record file (its facts, never dpo's evidence).
    #[command(subcommand)]
    Record(record::RecordCommand),
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
    /// Team work in git: `dpo git setup` in each clone (merge driver, clone tag).
    #[command(subcommand)]
    Git(git::GitCommand),
    /// Sign a file (OpenSSH SSHSIG, namespace `file`): writes FILE.sig.
    Sign(keys::SignArgs),
    /// Check a signature against keys/allowed_signers; exit 1 if it does not verify.
    Verify(keys::VerifyArgs),
    /// The dossier as a static HTML site: status, register, breaches, logs, fate, journal.
    Site(site::SiteArgs),
    /// RFC 3161 time-stamps (DPO_TSA_URL): FILE.tsq, FILE.tsr; `verify` checks one.
    Timestamp(timestamp::TimestampArgs),
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
    UnknownController(#[from] crate::workspace::UnknownController),
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
    /// A destruction through a backup tool (`dpo fate destroy --via`):
    /// exit 1 when the backups were not destroyed, 2 for a bad request.
    #[error(transparent)]
    Backup(crate::fate::BackupError),
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
    /// A record file could not be changed as asked (`dpo … set`).
    #[error(transparent)]
    Store(#[from] crate::workspace::StoreError),
    /// A command that writes was run with no one to record as its actor.
    #[error("who is acting? {0}: nothing was written\n  hint: set DPO_ACTOR to your name, or to your id in people.yaml (its name is then recorded)")]
    NoActor(String),
    /// Team work in git (`dpo git setup`).
    #[error(transparent)]
    Team(#[from] crate::team::TeamError),
    /// A refusal of the command line, told from the catalog.
    #[error("{0}")]
    Said(crate::render::catalog::Told),
    /// The HTML dossier (`dpo site`).
    #[error(transparent)]
    Site(Box<crate::site::SiteError>),
    /// RFC 3161 time-stamps (`dpo timestamp`): exit 1 when a response does
    /// not verify, 2 for bad input.
    #[error(transparent)]
    Timestamp(#[from] crate::timestamp::TimestampError),
    /// Standard output is a closed pipe: the reader has all it wanted.
    #[error("standard output was closed")]
    ClosedPipe,
}

/// The errors of the fate file and of the workspace stay theirs (said as
/// every command says them); the backup tool's own, `Backup`.
impl From<crate::fate::BackupError> for CliError {
    fn from(e: crate::fate::BackupError) -> Self {
        match e {
            crate::fate::BackupError::Fate(e) => CliError::Fate(e),
            crate::fate::BackupError::Workspace(e) => CliError::Workspace(e),
            e => CliError::Backup(e),
        }
    }
}

impl CliError {
    /// An option whose value is refused: `flag` and why, from the catalog
    /// (`--controller: \`X\` is not a valid identifier…`).
    pub(crate) fn option(flag: &'static str, why: Told) -> Self {
        CliError::Said(Told {
            msg: Msg::new("errors-option")
                .arg("flag", flag)
                .arg("why", why.msg),
            hint: why.hint,
        })
    }

    /// The exit code this error ends the run with: 0 for a closed stdout
    /// pipe, else [`EXIT_ERROR`].
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::ClosedPipe => 0,
            CliError::Timestamp(e) if e.is_refusal() => EXIT_FINDING as u8,
            CliError::Backup(e) => u8::try_from(e.exit_code()).unwrap_or(EXIT_ERROR as u8),
            _ => EXIT_ERROR as u8,
        }
    }
}

/// Runs the binary: parses `std::env::args`, reads the environment once
/// into [`Settings`], runs, prints errors, returns the exit code.
pub fn main() -> ExitCode {
    ExitCode::from(run_with(std::env::args_os(), |k| std::env::var(k).ok()))
}

/// Parses `args` and runs the command with `env` as the environment (a
/// lookup: the process environment in the binary, a table in tests).
pub fn run_with<I, T>(args: I, env: impl Fn(&str) -> Option<String>) -> u8
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
                _ => EXIT_ERROR as u8,
            };
        }
    };
    let settings = Settings::new(&cli, env);
    match dispatch(&settings, &cli.command) {
        Ok(code) => u8::try_from(code).unwrap_or(EXIT_ERROR as u8),
        Err(e) => {
            report(&settings, &e);
            e.exit_code()
        }
    }
}

fn dispatch(settings: &Settings, command: &Command) -> Result<i32, CliError> {
    match command {
        Command::Init(a) => init::run(settings, a),
        Command::Import(a) => import::run(settings, a),
        Command::Check(a) => check::run(settings, a),
        Command::Register(a) => register::run(settings, a),
        Command::Breach(c) => breach::run(settings, c),
        Command::Status(a) => status::run(settings, a),
        Command::Journal(c) => journal::run(settings, c),
        Command::Record(c) => record::run(settings, c),
        Command::Schema(a) => schema::run(a),
        Command::Completions(a) => docs::completions(a),
        Command::Man(a) => docs::man(a),
        Command::Fate(c) => fate::run(settings, c),
        Command::Keys(c) => keys::run_keys(settings, c),
        Command::Audit(c) => audit::run(settings, c),
        Command::Subprocessor(c) => subprocessor::run(settings, c),
        Command::Request(c) => request::run(settings, c),
        Command::Instruction(c) => instruction::run(settings, c),
        Command::Git(c) => git::run(settings, c),
        Command::Sign(a) => keys::run_sign(settings, a),
        Command::Verify(a) => keys::run_verify(settings, a),
        Command::Site(a) => site::run(settings, a),
        Command::Timestamp(a) => timestamp::run(settings, a),
    }
}

/// Prints an error with its diagnostics and its cause chain in the run's
/// language ([`Localize`]: the catalog's message where there is one, else
/// the English text with its hint label translated).
fn report(settings: &Settings, e: &CliError) {
    if matches!(e, CliError::ClosedPipe) {
        return;
    }
    if let CliError::Workspace(WorkspaceError::Invalid { diagnostics, .. })
    | CliError::Fate(crate::fate::FateError::Invalid { diagnostics, .. }) = e
    {
        eprint_diagnostics(settings, diagnostics);
    }
    let s = settings.strings();
    warn_say!(s, "cli-error", message = e.message(&s));
    // A cause its error already says in its own words (`{0}`) is not
    // said twice.
    let (mut said, mut source) = (e.to_string(), std::error::Error::source(e));
    while let Some(c) = source {
        let english = c.to_string();
        if !said.contains(&english) {
            let c_text = localize::cause(&s, c);
            errln!("  {}", tr!(s, "cli-caused-by", message = c_text));
        }
        (said, source) = (english, c.source());
    }
}
