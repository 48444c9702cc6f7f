//! The arguments of `dpo breach`: one struct per subcommand, with the help
//! text clap prints.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

/// Breach subcommands.
#[derive(Debug, Subcommand)]
pub enum BreachCommand {
    /// Record a new breach and show its 72-hour deadline.
    Open(OpenArgs),
    /// List the breaches with their deadlines.
    List,
    /// Show one breach: facts, missing items, deadlines, channels.
    Show(IdArgs),
    /// Set one field of the breach file, journaled (e.g. `nature.description "…"`).
    Set(crate::cli::set::SetArgs),
    /// Defer a required field that cannot be known yet, with the reason.
    Defer(DeferArgs),
    /// E-mail the notification (with its PDF) to each controller's breach contact.
    Notify(NotifyArgs),
    /// Log the phone call to a controller's designated contact.
    Call(CallArgs),
    /// E-mail the newly filled fields as a numbered supplement.
    Supplement(SupplementArgs),
    /// Close the breach file with a summary.
    Close(CloseArgs),
    /// Write the breach file with its timeline (PDF or Markdown).
    Report(ReportArgs),
    /// Compute the ENISA (2013) severity: SE = DPC × EI + CB (a helper; never blocking).
    Severity(SeverityArgs),
}

/// Options of `dpo breach open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// A short title (prompted for on a terminal when left out).
    #[arg(long)]
    pub title: Option<String>,
    /// When the processor became aware: T0 of the 72 hours. Local time in the
    /// processor's timezone (`2021-03-26 10:00`) or RFC 3339 with an offset.
    #[arg(long, value_name = "TIME")]
    pub aware_at: Option<String>,
    /// When the breach happened, if known.
    #[arg(long, value_name = "TIME")]
    pub occurred_at: Option<String>,
    /// When it was discovered, if known.
    #[arg(long, value_name = "TIME")]
    pub discovered_at: Option<String>,
    /// Who discovered it.
    #[arg(long, value_name = "WHO")]
    pub discovered_by: Option<String>,
    /// A controller concerned (repeatable; default: the only one).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// The identifier (default: the next `YYYY-NNN`).
    #[arg(long)]
    pub id: Option<String>,
    /// What the supervisory authority's form asks (prompted for on a
    /// terminal when left out; unknown stays « à compléter »).
    #[command(flatten)]
    pub circumstances: CircumstanceArgs,
}

/// The circumstances of a breach the supervisory authority's notification
/// form asks for.
#[derive(Debug, Args)]
pub struct CircumstanceArgs {
    /// How the breach was discovered (an alert, a user's report…).
    #[arg(long, value_name = "TEXT")]
    pub discovery: Option<String>,
    /// The breach is established.
    #[arg(long, conflicts_with = "suspected")]
    pub established: bool,
    /// The breach is only suspected so far.
    #[arg(long)]
    pub suspected: bool,
    /// When the breach ended.
    #[arg(long, value_name = "TIME", conflicts_with = "ongoing")]
    pub ended_at: Option<String>,
    /// The breach is still going on.
    #[arg(long)]
    pub ongoing: bool,
    /// Where it came from.
    #[arg(long, value_enum)]
    pub origin: Option<OriginArg>,
    /// What caused it (a phishing e-mail, a lost laptop…).
    #[arg(long, value_name = "TEXT")]
    pub cause: Option<String>,
    /// A sub-processor involved, id of subprocessors.yaml (repeatable).
    #[arg(long, value_name = "ID", conflicts_with = "no_subprocessor")]
    pub subprocessor: Vec<String>,
    /// No sub-processor is involved.
    #[arg(long)]
    pub no_subprocessor: bool,
    /// A medium concerned: server, workstation, paper… (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub media: Vec<String>,
    /// Whether the data concerned were encrypted.
    #[arg(long, value_enum, value_name = "yes|no")]
    pub encrypted: Option<YesNo>,
    /// Whether the people concerned are directly identifiable from the data.
    #[arg(long, value_enum, value_name = "yes|no")]
    pub directly_identifiable: Option<YesNo>,
}

/// Yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

/// The origin of a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OriginArg {
    /// An insider acting on purpose.
    InternalMalicious,
    /// An insider's mistake.
    InternalAccidental,
    /// An attack from outside.
    ExternalMalicious,
    /// An outsider's mistake or an accident.
    ExternalAccidental,
    /// Not known.
    Unknown,
}

impl From<OriginArg> for crate::model::Origin {
    fn from(o: OriginArg) -> Self {
        use crate::model::Origin;
        match o {
            OriginArg::InternalMalicious => Origin::InternalMalicious,
            OriginArg::InternalAccidental => Origin::InternalAccidental,
            OriginArg::ExternalMalicious => Origin::ExternalMalicious,
            OriginArg::ExternalAccidental => Origin::ExternalAccidental,
            OriginArg::Unknown => Origin::Unknown,
        }
    }
}

/// A breach identifier.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// The breach, e.g. `2021-001`.
    pub id: String,
}

/// Options of `dpo breach defer`.
#[derive(Debug, Args)]
pub struct DeferArgs {
    /// The breach.
    pub id: String,
    /// The field, e.g. `consequences` or `nature.records_count`.
    pub field: String,
    /// Why it cannot be given yet.
    #[arg(long)]
    pub reason: String,
}

/// Options of `dpo breach notify`.
#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The breach.
    pub id: String,
    /// Only this controller (repeatable; default: all of the breach's).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// Write the message to `evidence/` without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// Send the notification again although it was already sent, or
    /// although an earlier sending was interrupted and the server did not
    /// receive it.
    #[arg(long)]
    pub again: bool,
    /// An earlier sending of this notification was interrupted, and the
    /// mail server's log shows it received it: record it as sent, from the
    /// kept .eml, without sending anything.
    #[arg(long, conflicts_with_all = ["again", "dry_run"])]
    pub confirm_sent: bool,
    /// Why the notification is sent after the 72-hour deadline (required then).
    #[arg(long, value_name = "TEXT")]
    pub late_reason: Option<String>,
    /// Attach a supporting document (repeatable); its name and SHA-256 are
    /// kept in the breach file.
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
}

/// Options of `dpo breach supplement`.
#[derive(Debug, Args)]
pub struct SupplementArgs {
    /// The breach.
    pub id: String,
    /// Only this controller (repeatable; default: all of the breach's).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// Send this filled field again because it changed (repeatable).
    #[arg(long, value_name = "FIELD")]
    pub field: Vec<String>,
    /// Where the investigation stands on the items still deferred: sent,
    /// recorded and journaled as a supplement, even with nothing new.
    #[arg(long, value_name = "TEXT")]
    pub progress: Option<String>,
    /// Write the message to `evidence/` without sending it.
    #[arg(long)]
    pub dry_run: bool,
    /// An interrupted earlier sending.
    #[command(flatten)]
    pub uncertain: super::super::request::UncertainArgs,
    /// Attach a supporting document (repeatable); its name and SHA-256 are
    /// kept in the breach file.
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
}

/// Options of `dpo breach call`.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// The breach.
    pub id: String,
    /// The controller called (default: the breach's only one).
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// Whom you spoke to.
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// The number you called.
    #[arg(long)]
    pub number: String,
    /// When the call took place (default: now).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// What was said or agreed.
    #[arg(long, value_name = "TEXT")]
    pub outcome: String,
}

/// Options of `dpo breach close`.
#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The breach.
    pub id: String,
    /// The closing summary: what was found, done and decided.
    #[arg(long, value_name = "TEXT")]
    pub summary: String,
    /// Close although items are still deferred (never sent): they are
    /// recorded in the closure with --reason.
    #[arg(long, requires = "reason")]
    pub with_deferred: bool,
    /// Why the breach is closed with items still deferred.
    #[arg(long, value_name = "TEXT", requires = "with_deferred")]
    pub reason: Option<String>,
}

/// Formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// PDF with an embedded Unicode font.
    Pdf,
    /// Markdown (the same text).
    Md,
}

/// Options of `dpo breach report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The breach.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: ReportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `dpo breach severity`.
#[derive(Debug, Args)]
pub struct SeverityArgs {
    /// Data processing context, 1 (simple data) to 4 (sensitive data), as adjusted.
    #[arg(long)]
    pub dpc: f64,
    /// Ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum.
    #[arg(long)]
    pub ei: f64,
    /// Circumstances of the breach, 0 to 2: loss of confidentiality (0–0.5),
    /// integrity (0–0.5), availability (0–0.5), malicious intent (0 or 0.5), added up.
    #[arg(long)]
    pub cb: f64,
}
