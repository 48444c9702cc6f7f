//! The command line of `dpo fate`: its subcommands and their options, whose
//! documentation is the help text.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

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
    Destroy(Box<DestroyArgs>),
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

/// The backup tools `dpo fate destroy --via` drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViaArg {
    /// restic: `restic snapshots --json`, `forget` by id, `prune`.
    Restic,
    /// BorgBackup: `borg list --json`, `delete`, `compact`.
    Borg,
}

/// The formats of the listings `dpo fate destroy --listing-before` imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Proxmox Backup Server: `proxmox-backup-client snapshot list --output-format json`.
    Pbs,
    /// Veeam: restore points exported with `Get-VBRRestorePoint | … | ConvertTo-Json`.
    VeeamJson,
}

/// Options of `dpo fate destroy`: what the operator did and how it was
/// verified, or `--via` a backup tool that does it and proves it, or the
/// listings before and after a deletion the operator made with the
/// product's own tool.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("typed")
        .args(["method", "technique", "tool", "at", "verification"])
        .multiple(true)
        .conflicts_with("via")
))]
#[command(group(ArgGroup::new("proven").args(["via", "listing_before"])))]
pub struct DestroyArgs {
    /// The item.
    pub item: String,
    /// The copy destroyed.
    #[arg(long, value_name = "COPY")]
    pub copy: String,
    /// Sanitization method (NIST SP 800-88).
    #[arg(long, value_enum, required_unless_present_any = ["via", "listing_before"])]
    pub method: Option<MethodArg>,
    /// The technique, e.g. "effacement cryptographique du dépôt".
    #[arg(long, value_name = "TEXT", required_unless_present_any = ["via", "listing_before"])]
    pub technique: Option<String>,
    /// Tool and version, e.g. "nwipe 0.34" (with --listing-before, the product's,
    /// e.g. "proxmox-backup-client 3.2.7").
    #[arg(long, value_name = "NAME VERSION", required_unless_present_any = ["via", "listing_before"])]
    pub tool: Option<String>,
    /// Who did it.
    #[arg(long, value_name = "NAME")]
    pub operator: String,
    /// When it was done [default: now]; local `YYYY-MM-DD HH:MM` or RFC 3339.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// How completion was verified, e.g. "dpo fate scan: propre".
    #[arg(long, value_name = "TEXT", required_unless_present_any = ["via", "listing_before"])]
    pub verification: Option<String>,
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
    /// Delete the backups through this tool, proven by its own listings before
    /// and after (method, technique, tool and verification then come from what it
    /// did). Passwords come from the tool's own environment (RESTIC_PASSWORD or
    /// RESTIC_PASSWORD_FILE, BORG_PASSPHRASE), never from dpo.
    #[arg(long, value_enum, requires = "repo")]
    pub via: Option<ViaArg>,
    /// The repository, as the tool takes it (`-r` of restic, borg's REPOSITORY);
    /// with --listing-before, the datastore or repository as the operator names it.
    #[arg(long, value_name = "REPO", requires = "proven")]
    pub repo: Option<String>,
    /// restic: the controller's snapshots are those of this host (repeatable).
    #[arg(long = "host", value_name = "HOST", requires = "via")]
    pub hosts: Vec<String>,
    /// restic: … with this tag (repeatable; `a,b` means both, as restic reads it).
    #[arg(long = "tag", value_name = "TAG", requires = "via")]
    pub tags: Vec<String>,
    /// restic: … of this path (repeatable).
    #[arg(long = "path", value_name = "PATH", requires = "via")]
    pub paths: Vec<String>,
    /// borg: the controller's archives are those whose name matches this pattern.
    #[arg(long, value_name = "PATTERN", requires = "via")]
    pub glob_archives: Option<String>,
    /// The repository holds only this controller's backups: destroy its keys,
    /// every --key-copy and the repository, then check the tool can no longer
    /// open it (NIST SP 800-88 purge; without it, clear).
    #[arg(long, requires = "via")]
    pub crypto_erase: bool,
    /// Another copy of the repository's key, destroyed with it (repeatable).
    #[arg(long = "key-copy", value_name = "FILE", requires = "crypto_erase")]
    pub key_copies: Vec<PathBuf>,
    /// The listing of the backups the operator took before deleting the
    /// controller's restore points with the product's own tool (see --format):
    /// the destruction is recorded, method clear, only if none of the selected
    /// points is in --listing-after. Both are kept as evidence.
    #[arg(
        long,
        value_name = "FILE",
        requires_all = ["listing_after", "format"],
        conflicts_with_all = ["via", "method", "technique", "verification"]
    )]
    pub listing_before: Option<PathBuf>,
    /// The same listing taken after the deletion.
    #[arg(long, value_name = "FILE", requires = "listing_before")]
    pub listing_after: Option<PathBuf>,
    /// The format of both listings.
    #[arg(long, value_enum, requires = "listing_before")]
    pub format: Option<FormatArg>,
    /// The controller's restore points in the listings, KIND=VALUE (repeatable):
    /// `group=vm/101` (pbs: a backup group TYPE/ID), `id=vm/101/2021-07-30T22:00:00Z`
    /// (pbs: a snapshot; veeam-json: a restore point's `Id`), `job=NAME` (veeam-json:
    /// the backup job, `JobName`), `vm=NAME` (veeam-json: the machine, `Name`). A
    /// repeated kind selects any of its values, different kinds all of them.
    #[arg(long = "select", value_name = "KIND=VALUE", value_parser = select_arg, requires = "listing_before")]
    pub select: Vec<(crate::fate::By, String)>,
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

impl From<ViaArg> for crate::model::BackupTool {
    fn from(v: ViaArg) -> Self {
        match v {
            ViaArg::Restic => Self::Restic,
            ViaArg::Borg => Self::Borg,
        }
    }
}

/// `--select KIND=VALUE`.
fn select_arg(s: &str) -> Result<(crate::fate::By, String), String> {
    let (kind, value) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not KIND=VALUE"))?;
    crate::fate::By::named(kind.trim())
        .map(|by| (by, value.to_string()))
        .ok_or_else(|| format!("`{kind}` is none of group, id, job, vm"))
}

impl From<FormatArg> for crate::fate::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Pbs => Self::Pbs,
            FormatArg::VeeamJson => Self::VeeamJson,
        }
    }
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
