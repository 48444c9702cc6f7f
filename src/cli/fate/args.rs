//! The command line of `dpo fate`: its subcommands and their options, whose
//! documentation is the help text.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::cli::keys::KeyArg;
use crate::model::SanitizationMethod;

/// `dpo fate` subcommands.
#[derive(Debug, Subcommand)]
pub enum FateCommand {
    /// List each item and each copy, where it stands and what remains to do.
    List(ListArgs),
    /// Write an item to the hand-over medium as a BagIt bag, and sign it.
    Bag(BagArgs),
    /// Check a bag: complete, valid, and its tag manifest signed.
    VerifyBag(VerifyBagArgs),
    /// Record the SHA-256 of every file of an item, before destroying it.
    Fingerprint(FingerprintArgs),
    /// Record how one copy was destroyed (NIST SP 800-88).
    Destroy(DestroyArgs),
    /// Look for any file of an item left under some paths, under any name.
    Scan(ScanArgs),
    /// Issue the signed certificate of destruction and return.
    Certify(CertifyArgs),
    /// Set one field of an item of the inventory, journaled (e.g. `choice destroy`,
    /// `decision.reference "courrier n° 12"`, `decision.date 2021-07-01`).
    Set(SetArgs),
}

/// Options of `dpo fate set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The item.
    pub item: String,
    /// The field of the item and its value.
    #[command(flatten)]
    pub field: crate::cli::set::FieldArgs,
    /// The controller whose fate file holds the item [default: the one that has it].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

/// Options of `dpo fate list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this controller [default: every fate file].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

/// Options of `dpo fate bag`.
#[derive(Debug, Args)]
pub struct BagArgs {
    /// The item to hand over.
    pub item: String,
    /// The folder (or file) holding the item's data.
    #[arg(long, value_name = "PATH")]
    pub from: PathBuf,
    /// The bag folder to create, on the hand-over medium (new or empty).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The copy the data is read from [default: the item's only live-storage copy].
    #[arg(long, value_name = "COPY")]
    pub copy: Option<String>,
    /// The controller whose fate file holds the item [default: the one that has it].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// The key.
    #[command(flatten)]
    pub key: KeyArg,
}

/// Options of `dpo fate verify-bag`.
#[derive(Debug, Args)]
pub struct VerifyBagArgs {
    /// The bag folder.
    pub dir: PathBuf,
    /// The allowed-signers file [default: keys/allowed_signers in the workspace].
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
    /// Accept an unsigned bag (one made by another BagIt tool) on its bag
    /// verdict alone; never a bag a fate file records.
    #[arg(long)]
    pub unsigned_ok: bool,
}

/// Options of `dpo fate fingerprint`.
#[derive(Debug, Args)]
pub struct FingerprintArgs {
    /// The item.
    pub item: String,
    /// Files and folders holding the item's data.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The controller whose fate file holds the item [default: the one that has it].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

/// NIST SP 800-88 sanitization methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Logical techniques on all user-addressable locations (overwrite, deletion by the software).
    Clear,
    /// Defeats laboratory recovery (cryptographic erase, block erase, degaussing).
    Purge,
    /// The medium can no longer store data (shredding, disintegration, incineration).
    Destroy,
}

/// Options of `dpo fate destroy`.
#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// The item.
    pub item: String,
    /// The copy destroyed.
    #[arg(long, value_name = "COPY")]
    pub copy: String,
    /// Sanitization method (NIST SP 800-88).
    #[arg(long, value_enum)]
    pub method: MethodArg,
    /// The technique, e.g. "effacement cryptographique du dépôt".
    #[arg(long, value_name = "TEXT")]
    pub technique: String,
    /// Tool and version, e.g. "nwipe 0.34".
    #[arg(long, value_name = "NAME VERSION")]
    pub tool: String,
    /// Who did it.
    #[arg(long, value_name = "NAME")]
    pub operator: String,
    /// When it was done [default: now]; local `YYYY-MM-DD HH:MM` or RFC 3339.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// How completion was verified, e.g. "dpo fate scan: propre".
    #[arg(long, value_name = "TEXT")]
    pub verification: String,
    /// Who accepted the result.
    #[arg(long, value_name = "NAME")]
    pub validated_by: Option<String>,
    /// What became of the medium (reused, recycled, shredded…).
    #[arg(long, value_name = "TEXT")]
    pub media_destination: Option<String>,
    /// Whether a backup of this copy exists, and where ("none", or the copy id).
    #[arg(long, value_name = "TEXT")]
    pub backup: Option<String>,
    /// The controller whose fate file holds the item [default: the one that has it].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

/// Options of `dpo fate scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The item looked for.
    pub item: String,
    /// Files and folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The copy whose destruction the scan verifies.
    #[arg(long, value_name = "COPY")]
    pub copy: Option<String>,
    /// The controller whose fate file holds the item [default: the one that has it].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
}

/// Options of `dpo fate certify`.
#[derive(Debug, Args)]
pub struct CertifyArgs {
    /// The controller [default: the only fate file].
    #[arg(long, value_name = "ID")]
    pub controller: Option<String>,
    /// A copy to write as well; FILE.pdf.sig, FILE.json and FILE.json.sig go beside it.
    /// The certificate is always kept in evidence/fate/<controller>/ (with -o, in a
    /// folder certificate-<time>/ under this file name) and goes in the audit pack.
    #[arg(short = 'o', long, value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
    /// The key.
    #[command(flatten)]
    pub key: KeyArg,
}

impl From<MethodArg> for SanitizationMethod {
    fn from(m: MethodArg) -> Self {
        match m {
            MethodArg::Clear => SanitizationMethod::Clear,
            MethodArg::Purge => SanitizationMethod::Purge,
            MethodArg::Destroy => SanitizationMethod::Destroy,
        }
    }
}
