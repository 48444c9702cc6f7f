//! The fate of a controller's data at the end of the convention
//! (`fate/<controller>.yaml`; Annex 1 §IV "Sort des données", convention
//! art. 3 on the backup history).
//!
//! The DPO writes the inventory: each item of the controller's data, the
//! controller's written choice for it (return, destroy, return then destroy,
//! keep), and **every copy** of it in the processor's systems — live storage,
//! backup repositories, restore points, off-site media, replicas. The tool
//! appends what was done, as records at the end of the file: fingerprints
//! taken before destruction, bags handed over and their verification, one
//! destruction record per copy following NIST SP 800-88 (Rev. 2), residual
//! scans and the certificates issued. Records are appended, never rewritten,
//! so the file's history in git reads as the history of the end of the
//! convention.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assumption::confirmable;
use super::Id;

/// A fate file: the inventory, then the tool's records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FateFile {
    /// The controller's data, item by item, with every copy.
    pub items: Vec<DataItem>,
    /// What the tool recorded, oldest first. Written by `dpo fate`; do not edit.
    #[serde(default)]
    pub records: Vec<FateRecord>,
}

confirmable! {
    /// One item of the controller's data (e.g. "the file shares"), with the
    /// controller's choice and every copy of it.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct DataItem {
        /// Identifier, unique in the file.
        pub id: Id,
        /// What the data is, e.g. "Dossiers partagés des services de la ville".
        pub name: String,
        /// More detail: systems, volumes, period covered.
        #[serde(default)]
        pub description: Option<String>,
        /// Categories of personal data it holds, as far as the processor knows.
        #[serde(default)]
        pub data_categories: Vec<String>,
        /// The controller's choice (Annex 1 §IV); empty until it has decided.
        #[serde(default)]
        pub choice: Option<Choice>,
        /// The controller's written decision the choice comes from.
        #[serde(default)]
        pub decision: Option<Decision>,
        /// Every copy of the item in the processor's systems, backups included.
        pub copies: Vec<DataCopy>,
    }
    /// A field of a data item that may be an assumption.
    pub enum ItemField;
}

/// What the controller chose to do with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Hand it over to the controller; each copy is then returned or destroyed.
    Return,
    /// Destroy every copy.
    Destroy,
    /// Hand it over, then destroy every copy in the processor's systems.
    ReturnThenDestroy,
    /// The processor keeps it (e.g. storage required by law, GDPR Art. 28(3)(g)).
    Keep,
}

impl Choice {
    /// True when the item must be handed over in a verified bag.
    pub fn returns(self) -> bool {
        matches!(self, Choice::Return | Choice::ReturnThenDestroy)
    }

    /// True when every copy must be destroyed (a returned copy is not enough).
    pub fn destroys_every_copy(self) -> bool {
        matches!(self, Choice::Destroy | Choice::ReturnThenDestroy)
    }
}

/// The controller's written decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Reference of the document (letter, e-mail, deliberation), e.g.
    /// "courrier du maire n° 2021-147".
    pub reference: String,
    /// Date of the document.
    pub date: NaiveDate,
    /// Who signed it.
    #[serde(default)]
    pub by: Option<String>,
}

confirmable! {
    /// One copy of an item in the processor's systems.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct DataCopy {
        /// Identifier, unique within the item.
        pub id: Id,
        /// What kind of copy.
        pub kind: CopyKind,
        /// Where it is: system, site, room, provider.
        pub location: String,
        /// Path, volume, share or repository name on that system.
        #[serde(default)]
        pub path: Option<String>,
        /// Label or serial number of a removable medium (tape, disk).
        #[serde(default)]
        pub media_id: Option<String>,
        /// More detail (retention, period covered, number of restore points…).
        #[serde(default)]
        pub description: Option<String>,
        /// The last day the copy is protected from deletion (immutable backups,
        /// retention lock, WORM media): nobody, the processor included, can
        /// destroy it before the next day. `status` and the calendar show that
        /// day; `destroy` refuses a destruction dated before it, and `certify`
        /// says why it cannot certify yet.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub immutable_until: Option<NaiveDate>,
    }
    /// A field of a copy that may be an assumption.
    pub enum CopyField;
}

/// The kinds of copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// The data in use (file server volume, mail store).
    LiveStorage,
    /// A backup repository holding backups of the data.
    BackupRepository,
    /// Restore points: snapshots or the backup chain of a repository.
    RestorePoints,
    /// Removable media kept off site (tapes, external disks).
    OffsiteMedia,
    /// A replica on another system or site.
    Replica,
}

/// Something the tool recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum FateRecord {
    /// `dpo fate fingerprint`.
    Fingerprint(FingerprintRecord),
    /// `dpo fate bag`.
    Bag(BagRecord),
    /// `dpo fate verify-bag`.
    BagVerification(BagVerificationRecord),
    /// `dpo fate destroy`.
    Destruction(DestructionRecord),
    /// `dpo fate scan`.
    Scan(ScanRecord),
    /// `dpo fate certify`.
    Certificate(CertificateRecord),
}

impl FateRecord {
    /// The item the record is about (none for a certificate).
    pub fn item(&self) -> Option<&Id> {
        match self {
            FateRecord::Fingerprint(r) => Some(&r.item),
            FateRecord::Bag(r) => Some(&r.item),
            FateRecord::BagVerification(r) => Some(&r.item),
            FateRecord::Destruction(r) => Some(&r.item),
            FateRecord::Scan(r) => Some(&r.item),
            FateRecord::Certificate(_) => None,
        }
    }

    /// The copy the record is about, when it is about one.
    pub fn copy(&self) -> Option<&Id> {
        match self {
            FateRecord::Bag(r) => Some(&r.copy),
            FateRecord::Destruction(r) => Some(&r.copy),
            FateRecord::Scan(r) => r.copy.as_ref(),
            _ => None,
        }
    }
}

/// The SHA-256 of every file of an item, taken before destruction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FingerprintRecord {
    /// The item.
    pub item: Id,
    /// When it was taken.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who took it.
    pub by: String,
    /// The paths that were read.
    pub paths: Vec<String>,
    /// The manifest, in `sha256sum` format, relative to the workspace.
    pub manifest: String,
    /// SHA-256 of the manifest file.
    pub manifest_sha256: String,
    /// The same files with their sizes, in `hashdeep` format (absolute
    /// names): `hashdeep -r -a -k` audits a tree with it, and a scan reads
    /// only the files of a size it lists. Absent from fingerprints taken
    /// before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashdeep: Option<KeptFile>,
    /// The SHA-256 of the first 4 096 bytes of each file longer than that,
    /// in `sha256sum` format (`head -c 4096 FILE | sha256sum` gives a line's
    /// hash): a scan reads whole only the files whose first bytes are one
    /// of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heads: Option<KeptFile>,
    /// Number of files.
    pub files: u64,
    /// Total size in bytes.
    pub bytes: u64,
}

/// An evidence file kept in the workspace, with the SHA-256 it had when
/// it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeptFile {
    /// The file, relative to the workspace.
    pub file: String,
    /// SHA-256 of its content, hex.
    pub sha256: String,
}

/// A BagIt bag (RFC 8493) written to hand an item over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BagRecord {
    /// The item.
    pub item: Id,
    /// The copy the payload was read from.
    pub copy: Id,
    /// When the bag was written.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who wrote it.
    pub by: String,
    /// The folder the payload was read from.
    pub from: String,
    /// The bag folder (on the hand-over medium).
    pub out: String,
    /// Number of payload files.
    pub files: u64,
    /// Payload size in bytes.
    pub bytes: u64,
    /// `Payload-Oxum` of `bag-info.txt` (`bytes.files`).
    pub payload_oxum: String,
    /// SHA-256 of `manifest-sha256.txt`.
    pub manifest_sha256: String,
    /// SHA-256 of `tagmanifest-sha256.txt`: identifies the bag.
    pub tagmanifest_sha256: String,
    /// Fingerprint of the key that signed the tag manifest.
    pub key_fingerprint: String,
}

/// A check of a bag: complete, valid, and its tag manifest signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BagVerificationRecord {
    /// The item.
    pub item: Id,
    /// The bag checked (its `tagmanifest_sha256`).
    pub tagmanifest_sha256: String,
    /// When.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who.
    pub by: String,
    /// Where the bag was checked.
    pub path: String,
    /// Payload files checked.
    pub files: u64,
    /// True when the bag was complete and valid and its signature good.
    pub valid: bool,
    /// What was wrong, file by file (at most the first 50).
    #[serde(default)]
    pub problems: Vec<String>,
}

/// Sanitization methods of NIST SP 800-88.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SanitizationMethod {
    /// Logical techniques on all user-addressable locations (e.g. overwrite,
    /// deletion of the backup chain by the backup software).
    Clear,
    /// Techniques that defeat laboratory recovery (cryptographic erase,
    /// block erase, degaussing).
    Purge,
    /// The medium can no longer store data (shredding, disintegration).
    Destroy,
}

impl SanitizationMethod {
    /// The NIST name, as typed on the command line: `clear`, `purge`, `destroy`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Purge => "purge",
            Self::Destroy => "destroy",
        }
    }
}

/// The destruction of one copy (NIST SP 800-88 Rev. 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DestructionRecord {
    /// The item.
    pub item: Id,
    /// The copy.
    pub copy: Id,
    /// Clear, purge or destroy.
    pub method: SanitizationMethod,
    /// The technique, e.g. "suppression de la chaîne de sauvegarde et
    /// effacement cryptographique du dépôt".
    pub technique: String,
    /// Tool and version used.
    pub tool: String,
    /// Who did it.
    pub operator: String,
    /// When it was done.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// How completion was verified.
    pub verification: String,
    /// Who accepted the result (validation).
    #[serde(default)]
    pub validated_by: Option<String>,
    /// What became of the medium (reused, recycled, shredded, returned…).
    #[serde(default)]
    pub media_destination: Option<String>,
    /// Whether a backup of this copy exists, and where.
    #[serde(default)]
    pub backup: Option<String>,
    /// When the record was made.
    #[serde(deserialize_with = "super::instant::required")]
    pub recorded_at: DateTime<FixedOffset>,
    /// Who made the record.
    pub recorded_by: String,
    /// The proof from the backup tool itself, when dpo did the deletion
    /// (`dpo fate destroy … --via restic|borg`), or from the product's own
    /// listings taken by the operator around a deletion made with it
    /// (`--listing-before … --listing-after … --format pbs|veeam-json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backups: Option<BackupProof>,
}

/// What a backup tool listed before and after dpo deleted backups through
/// it, and the files that keep its own output (`evidence/fate/…`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackupProof {
    /// The tool that listed and deleted the backups.
    pub tool: BackupProduct,
    /// True when the listings were taken by the operator with the product's
    /// own tool and imported: dpo ran nothing and deleted nothing itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub imported: bool,
    /// The repository, as given (a password in a URL is masked; empty when
    /// an import names none).
    pub repository: String,
    /// The selection, as the options gave it (`--host juvisy --tag ville`).
    pub selection: String,
    /// True when the whole repository and every copy of its key were
    /// destroyed (NIST SP 800-88 *purge*), false for a deletion by the tool
    /// followed by freeing the space (*clear*).
    pub crypto_erase: bool,
    /// How many backups the repository listed before.
    pub listed_before: u64,
    /// How many it listed after (none after a crypto-erase: it no longer opens).
    pub listed_after: u64,
    /// The backups deleted: every one selected, none listed after.
    pub deleted: Vec<DeletedBackup>,
    /// The key files destroyed with the repository (crypto-erase).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys_destroyed: Vec<String>,
    /// After a crypto-erase: the listing that no longer opens the
    /// repository, the proof of the *purge* (absent from records written
    /// before it was kept: their verification says it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unopened: Option<Box<Unopened>>,
    /// The files kept as evidence: the listings, the commands run with their
    /// exit codes and outputs.
    pub evidence: Vec<KeptFile>,
}

/// A listing that no longer opens a crypto-erased repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unopened {
    /// The command, as run (a password in a URL masked).
    pub command: String,
    /// The first line of its error.
    pub error: String,
    /// The tool's local caches of the repository (`~/.cache/restic/<id>`,
    /// `~/.cache/borg/<id>`), removed with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caches_removed: Vec<String>,
    /// The repository's folder removed, symbolic links followed (the
    /// repository as given may be a link to it), checked to exist no more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_removed: Option<String>,
}

impl BackupTool {
    /// The name of its program: `restic`, `borg`.
    pub fn program(self) -> &'static str {
        match self {
            Self::Restic => "restic",
            Self::Borg => "borg",
        }
    }
}

/// The backup tools `dpo fate destroy --via` drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackupTool {
    /// restic (snapshots).
    Restic,
    /// BorgBackup (archives).
    Borg,
}

/// The backup products a destruction record can name: the tools `--via`
/// drives, and those whose listings are imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackupProduct {
    /// restic.
    Restic,
    /// BorgBackup.
    Borg,
    /// Proxmox Backup Server (`proxmox-backup-client snapshot list --output-format json`).
    Pbs,
    /// Veeam Backup & Replication (restore points exported as JSON).
    Veeam,
}

impl From<BackupTool> for BackupProduct {
    fn from(t: BackupTool) -> Self {
        match t {
            BackupTool::Restic => Self::Restic,
            BackupTool::Borg => Self::Borg,
        }
    }
}

impl BackupProduct {
    /// Its name, as its maker writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Restic => "restic",
            Self::Borg => "BorgBackup",
            Self::Pbs => "Proxmox Backup Server",
            Self::Veeam => "Veeam Backup & Replication",
        }
    }
}

/// One backup (a snapshot, an archive) as the tool listed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletedBackup {
    /// Its id in the tool.
    pub id: String,
    /// Its date, as the tool gave it.
    pub time: String,
    /// Its name, or the host and paths it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A residual scan: every file under some paths hashed and compared with the
/// item's fingerprints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanRecord {
    /// The item.
    pub item: Id,
    /// The copy whose destruction the scan verifies, if one.
    #[serde(default)]
    pub copy: Option<Id>,
    /// When.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who.
    pub by: String,
    /// The paths read.
    pub paths: Vec<String>,
    /// Files found.
    pub files: u64,
    /// Their total size, in bytes.
    pub bytes: u64,
    /// How many of them were read and hashed: those whose size is the size
    /// of a fingerprinted file (a file of another size cannot hold one of
    /// their contents). Absent: every file was read (a fingerprint taken
    /// before sizes were recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashed: Option<u64>,
    /// True when no file matched the fingerprints.
    pub clean: bool,
    /// Files whose content is in a fingerprint (at most the first 100).
    #[serde(default)]
    pub matches: Vec<ScanMatch>,
    /// How many files matched in all.
    #[serde(default)]
    pub matched: u64,
}

/// A file found by a scan whose content is a fingerprinted file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanMatch {
    /// Where it was found.
    pub path: String,
    /// Its SHA-256.
    pub sha256: String,
    /// The name it had in the fingerprint.
    pub known_as: String,
}

/// A certificate of destruction and return issued to the controller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateRecord {
    /// When it was issued.
    #[serde(deserialize_with = "super::instant::required")]
    pub at: DateTime<FixedOffset>,
    /// Who issued it.
    pub by: String,
    /// The PDF.
    pub pdf: String,
    /// SHA-256 of the PDF.
    pub pdf_sha256: String,
    /// The machine-readable twin.
    pub json: String,
    /// SHA-256 of the twin.
    pub json_sha256: String,
    /// The journal head printed on the certificate.
    pub journal_seq: u64,
    /// SHA-256 of that journal entry.
    pub journal_sha256: String,
    /// Fingerprint of the signing key.
    pub key_fingerprint: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_with_its_tag_and_refuses_unknown_fields() {
        let yaml = "items: []\nrecords:\n- record: destruction\n  item: a\n  copy: b\n  method: purge\n  technique: t\n  tool: nwipe 0.34\n  operator: o\n  at: 2021-08-02T10:00:00+02:00\n  verification: v\n  recorded_at: 2021-08-02T10:00:00+02:00\n  recorded_by: r\n";
        let f: FateFile = serde_yaml::from_str(yaml).unwrap();
        assert!(
            matches!(&f.records[0], FateRecord::Destruction(d) if d.method == SanitizationMethod::Purge)
        );
        let back: FateFile = serde_yaml::from_str(&serde_yaml::to_string(&f).unwrap()).unwrap();
        assert_eq!(back, f);
        let bad = yaml.replace("  verification: v\n", "  verification: v\n  verifed: x\n");
        let e = serde_yaml::from_str::<FateFile>(&bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("verifed"), "{e}");
    }
}
