//! `dpo fate list|bag|verify-bag|fingerprint|destroy|scan|certify`: the end
//! of the convention, from the inventory of every copy to the signed
//! certificate of destruction and return (Annex 1 §IV).
//!
//! Each command that changes the workspace takes its lock, appends one record
//! to `fate/<controller>.yaml` and one entry to the journal. Long hashing
//! work shows a progress bar on a terminal, and none when piped.

use std::io::IsTerminal;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Timelike};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::keys::{allowed_signers_path, KeyArg, Signer};
use super::{actor, print_json, Cli, CliError, EXIT_FINDING};
use crate::bagit::{self, BagInfo};
use crate::fate::{self, Fate, FateError, Fingerprints, ItemStatus, Pending};
use crate::hashing;
use crate::model::{
    BagRecord, BagVerificationRecord, CertificateRecord, CopyKind, DestructionRecord, FateRecord,
    FingerprintRecord, Id, SanitizationMethod, ScanRecord,
};
use crate::render::{pdf::PdfMeta, Templates};
use crate::signing::{self, AllowedSigners, Verdict, NS_BAG, NS_CERTIFICATE};
use crate::workspace::{self, journal::sha256_hex, Workspace};

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
    /// The PDF to write; FILE.pdf.sig, FILE.json and FILE.json.sig go beside it
    /// [default: evidence/fate/<controller>/certificate-<time>.pdf].
    #[arg(short = 'o', long, value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
    /// The key.
    #[command(flatten)]
    pub key: KeyArg,
}

pub(super) fn run(cli: &Cli, cmd: &FateCommand) -> Result<i32, CliError> {
    match cmd {
        FateCommand::List(a) => list(cli, a),
        FateCommand::Bag(a) => bag(cli, a),
        FateCommand::VerifyBag(a) => verify_bag(cli, a),
        FateCommand::Fingerprint(a) => fingerprint(cli, a),
        FateCommand::Destroy(a) => destroy(cli, a),
        FateCommand::Scan(a) => scan(cli, a),
        FateCommand::Certify(a) => certify(cli, a),
    }
}

fn controller_arg(s: &Option<String>) -> Result<Option<Id>, CliError> {
    s.as_deref()
        .map(Id::new)
        .transpose()
        .map_err(|e| CliError::Usage(format!("--controller: {e}")))
}

/// Now, in the processor's timezone, to the second (records read well).
fn now_local(cli: &Cli, ws: &Workspace) -> Result<DateTime<FixedOffset>, CliError> {
    let t = crate::time::in_tz(cli.clock(ws.tz)?.now(), ws.tz);
    Ok(t.with_nanosecond(0).unwrap_or(t))
}

/// `p` relative to the workspace when it is inside, else as given.
fn shown(root: &Path, p: &Path) -> String {
    match (root.canonicalize(), p.canonicalize()) {
        (Ok(r), Ok(c)) if c.starts_with(&r) => c
            .strip_prefix(&r)
            .map(|x| x.display().to_string())
            .unwrap_or_default(),
        _ => p.display().to_string(),
    }
}

fn lossy(p: &Path) -> String {
    String::from_utf8_lossy(p.as_os_str().as_bytes()).into_owned()
}

/// A progress bar on standard error when it is a terminal, none otherwise.
fn progress_bar(roots: &[PathBuf], what: &str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let total: u64 = roots
        .iter()
        .flat_map(|r| walkdir::WalkDir::new(r).into_iter().filter_map(Result::ok))
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    ) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message(what.to_string());
    Some(pb)
}

/// Runs `f` with a progress callback feeding `pb`, then clears the bar.
fn with_progress<T>(
    pb: Option<ProgressBar>,
    f: impl FnOnce(Option<&(dyn Fn(u64) + Sync)>) -> T,
) -> T {
    match pb {
        Some(pb) => {
            let cb = |n: u64| pb.inc(n);
            let out = f(Some(&cb));
            pb.finish_and_clear();
            out
        }
        None => f(None),
    }
}

/// A fresh evidence path: `evidence/fate/<controller>/<rest>-<stamp>.<ext>`.
fn evidence_path(
    ws: &Workspace,
    controller: &Id,
    dir: &str,
    stem: &str,
    ext: &str,
    at: DateTime<FixedOffset>,
) -> (String, PathBuf) {
    let stamp = at.to_utc().format("%Y%m%dT%H%M%SZ");
    let base = if dir.is_empty() {
        format!("evidence/fate/{controller}")
    } else {
        format!("evidence/fate/{controller}/{dir}")
    };
    let mut n = 1;
    loop {
        let rel = if n == 1 {
            format!("{base}/{stem}-{stamp}.{ext}")
        } else {
            format!("{base}/{stem}-{stamp}-{n}.{ext}")
        };
        let path = ws.root.join(&rel);
        if !path.exists() {
            return (rel, path);
        }
        n += 1;
    }
}

fn kind_label(k: CopyKind) -> &'static str {
    match k {
        CopyKind::LiveStorage => "live storage",
        CopyKind::BackupRepository => "backup repository",
        CopyKind::RestorePoints => "restore points",
        CopyKind::OffsiteMedia => "off-site media",
        CopyKind::Replica => "replica",
    }
}

fn human_bytes(n: u64) -> String {
    indicatif::HumanBytes(n).to_string()
}

// ---------------------------------------------------------------- list

#[derive(Serialize)]
struct ControllerStatus {
    controller: Id,
    file: String,
    items: Vec<ItemStatus>,
    pending: Vec<Pending>,
}

fn list(cli: &Cli, a: &ListArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let ids = match controller_arg(&a.controller)? {
        Some(id) => vec![id],
        None => fate::list_fate_files(&ws.root)?,
    };
    if ids.is_empty() {
        return Err(FateError::NoFateFiles.into());
    }
    let mut out = Vec::new();
    for id in ids {
        let f = fate::load(&ws, &id)?;
        out.push(ControllerStatus {
            controller: id.clone(),
            file: f.rel(),
            items: f
                .file
                .items
                .iter()
                .map(|i| fate::item_status(&f, i))
                .collect(),
            pending: fate::pending(&f),
        });
    }
    if cli.json {
        print_json(&out)?;
        return Ok(0);
    }
    for c in &out {
        outln!("{} ({})", c.controller, c.file);
        for it in &c.items {
            let choice = it
                .choice
                .map(|ch| {
                    serde_yaml::to_string(&ch)
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                })
                .unwrap_or_else(|| "no choice yet".into());
            let mark = if it.done { "done" } else { "to do" };
            outln!("  {}  {}  [{choice}] {mark}", it.item, it.name);
            for cs in &it.copies {
                let state = serde_yaml::to_string(&cs.state)
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                outln!(
                    "    {:<20} {:<18} {state}",
                    cs.copy.as_str(),
                    kind_label(cs.kind)
                );
                if let Some(t) = &cs.todo {
                    outln!("      → {t}");
                }
            }
            for t in &it.todo {
                outln!("    → {t}");
            }
        }
        if c.pending.is_empty() {
            outln!(
                "  nothing pending: `dpo fate certify --controller {}` can issue the certificate",
                c.controller
            );
        } else {
            outln!(
                "  {} thing(s) stand in the way of the certificate",
                c.pending.len()
            );
        }
    }
    Ok(0)
}

// ---------------------------------------------------------------- fingerprint

fn fingerprint(cli: &Cli, a: &FingerprintArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let f = fate::find_item(&ws, controller_arg(&a.controller)?.as_ref(), &a.item)?;
    let item = f.require_item(&a.item)?.id.clone();
    ws.journal().head()?;
    let digests = with_progress(progress_bar(&a.paths, "fingerprint"), |p| {
        hashing::hash_tree(&a.paths, p)
    })?;
    if digests.is_empty() {
        return Err(CliError::Usage(format!(
            "no file under {}: a fingerprint of nothing would prove nothing\n  hint: give the folders that hold item `{item}`",
            a.paths.iter().map(|p| format!("`{}`", p.display())).collect::<Vec<_>>().join(", ")
        )));
    }
    let manifest = fate::write_manifest(
        digests
            .iter()
            .map(|d| (&d.sha256, d.path.as_os_str().as_bytes())),
    );
    let bytes: u64 = digests.iter().map(|d| d.size).sum();
    let at = now_local(cli, &ws)?;
    let lock = ws.lock()?;
    let (rel, path) = evidence_path(
        &ws,
        &f.controller,
        item.as_str(),
        "fingerprint",
        "sha256",
        at,
    );
    workspace::write_atomic(&path, &manifest)?;
    let record = FingerprintRecord {
        item: item.clone(),
        at,
        by: actor(),
        paths: a.paths.iter().map(|p| lossy(p)).collect(),
        manifest: rel.clone(),
        manifest_sha256: sha256_hex(&manifest),
        files: digests.len() as u64,
        bytes,
    };
    fate::append_record(&ws, &lock, &f, FateRecord::Fingerprint(record.clone()))?;
    ws.journal().append(
        &lock,
        at.to_utc(),
        &actor(),
        "fate.fingerprint",
        &rel,
        &manifest,
    )?;
    if cli.json {
        print_json(&record)?;
    } else {
        outln!(
            "fingerprint of item `{item}`: {} file(s), {}",
            record.files,
            human_bytes(bytes)
        );
        outln!("manifest: {rel} (SHA-256 {})", record.manifest_sha256);
        outln!("check it any time with: sha256sum -c '{}'", path.display());
    }
    Ok(0)
}

// ---------------------------------------------------------------- scan

#[derive(Serialize)]
struct ScanReport<'a> {
    controller: &'a Id,
    #[serde(flatten)]
    record: &'a ScanRecord,
}

fn scan(cli: &Cli, a: &ScanArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let f = fate::find_item(&ws, controller_arg(&a.controller)?.as_ref(), &a.item)?;
    let item = f.require_item(&a.item)?;
    let copy = match &a.copy {
        Some(c) => Some(f.require_copy(item, c)?.id.clone()),
        None => None,
    };
    let item = item.id.clone();
    let fp = Fingerprints::load(&ws.root, &f, item.as_str())?;
    ws.journal().head()?;
    let digests = with_progress(progress_bar(&a.paths, "scan"), |p| {
        hashing::hash_tree(&a.paths, p)
    })?;
    let matches = fate::scan_matches(&fp, &digests);
    let at = now_local(cli, &ws)?;
    const KEPT: usize = 100;
    let record = ScanRecord {
        item: item.clone(),
        copy,
        at,
        by: actor(),
        paths: a.paths.iter().map(|p| lossy(p)).collect(),
        files: digests.len() as u64,
        bytes: digests.iter().map(|d| d.size).sum(),
        clean: matches.is_empty(),
        matched: matches.len() as u64,
        matches: matches.iter().take(KEPT).cloned().collect(),
    };
    let lock = ws.lock()?;
    let yaml = fate::append_record(&ws, &lock, &f, FateRecord::Scan(record.clone()))?;
    ws.journal().append(
        &lock,
        at.to_utc(),
        &actor(),
        "fate.scan",
        &format!("{}/{item}", f.controller),
        &yaml,
    )?;
    if cli.json {
        print_json(&ScanReport {
            controller: &f.controller,
            record: &record,
        })?;
    } else if record.clean {
        outln!(
            "clean: none of the {} file(s) ({}) under {} is a file of item `{item}` ({} fingerprinted content(s))",
            record.files,
            human_bytes(record.bytes),
            record.paths.join(", "),
            fp.len()
        );
        outln!("recorded in {} as verification evidence", f.rel());
        if record.files == 0 {
            eprintln!("note: no file at all was found under these paths; make sure they are the locations the copy was on");
        }
    } else {
        eprintln!("found {} file(s) of item `{item}`:", matches.len());
        for m in &matches {
            outln!(
                "{}\t(content of `{}`, SHA-256 {})",
                m.path,
                m.known_as,
                m.sha256
            );
        }
        eprintln!(
            "recorded in {}; destroy these files, then scan again",
            f.rel()
        );
    }
    Ok(if record.clean { 0 } else { EXIT_FINDING })
}

// ---------------------------------------------------------------- destroy

fn destroy(cli: &Cli, a: &DestroyArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let f = fate::find_item(&ws, controller_arg(&a.controller)?.as_ref(), &a.item)?;
    let item = f.require_item(&a.item)?;
    let copy = f.require_copy(item, &a.copy)?;
    for (flag, v) in [
        ("--technique", &a.technique),
        ("--tool", &a.tool),
        ("--operator", &a.operator),
        ("--verification", &a.verification),
    ] {
        if v.trim().is_empty() {
            return Err(CliError::Usage(format!(
                "{flag} is empty: a destruction record names the technique, the tool and its version, the operator and how completion was verified (NIST SP 800-88)"
            )));
        }
    }
    fate::check_destroy(&f, item)?;
    let recorded_at = now_local(cli, &ws)?;
    let at = match &a.at {
        None => recorded_at,
        Some(s) => crate::time::parse_user_time(s, ws.tz).map_err(|source| CliError::Time {
            flag: "--at",
            source: Box::new(source),
        })?,
    };
    if at > recorded_at {
        return Err(CliError::Usage(format!(
            "--at {} is in the future (now is {}): record a destruction once it is done",
            crate::time::show(at),
            crate::time::show(recorded_at)
        )));
    }
    let record = DestructionRecord {
        item: item.id.clone(),
        copy: copy.id.clone(),
        method: match a.method {
            MethodArg::Clear => SanitizationMethod::Clear,
            MethodArg::Purge => SanitizationMethod::Purge,
            MethodArg::Destroy => SanitizationMethod::Destroy,
        },
        technique: a.technique.trim().to_string(),
        tool: a.tool.trim().to_string(),
        operator: a.operator.trim().to_string(),
        at,
        verification: a.verification.trim().to_string(),
        validated_by: a.validated_by.clone().filter(|s| !s.trim().is_empty()),
        media_destination: a.media_destination.clone().filter(|s| !s.trim().is_empty()),
        backup: a.backup.clone().filter(|s| !s.trim().is_empty()),
        recorded_at,
        recorded_by: actor(),
    };
    let fingerprinted = f
        .file
        .records
        .iter()
        .any(|r| matches!(r, FateRecord::Fingerprint(x) if x.item == item.id));
    ws.journal().head()?;
    let lock = ws.lock()?;
    let yaml = fate::append_record(&ws, &lock, &f, FateRecord::Destruction(record.clone()))?;
    ws.journal().append(
        &lock,
        recorded_at.to_utc(),
        &actor(),
        "fate.destroy",
        &format!("{}/{}/{}", f.controller, item.id, copy.id),
        &yaml,
    )?;
    if cli.json {
        print_json(&record)?;
    } else {
        outln!(
            "recorded: copy `{}` of item `{}` destroyed ({}) on {}",
            copy.id,
            item.id,
            record.method.as_str(),
            crate::time::show(at)
        );
        if !fingerprinted {
            eprintln!(
                "note: item `{}` has no fingerprint, so no residual scan can prove the destruction\n  hint: next time, `dpo fate fingerprint {} PATH…` before destroying",
                item.id, item.id
            );
        }
    }
    Ok(0)
}

// ---------------------------------------------------------------- bag

#[derive(Serialize)]
struct BagReport<'a> {
    controller: &'a Id,
    #[serde(flatten)]
    record: &'a BagRecord,
    signature: String,
}

fn bag(cli: &Cli, a: &BagArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let f = fate::find_item(&ws, controller_arg(&a.controller)?.as_ref(), &a.item)?;
    let item = f.require_item(&a.item)?;
    fate::check_bag(&f, item)?;
    let copy = match &a.copy {
        Some(c) => f.require_copy(item, c)?,
        None => {
            let live: Vec<_> = item
                .copies
                .iter()
                .filter(|c| c.kind == CopyKind::LiveStorage)
                .collect();
            match live.as_slice() {
                [one] => *one,
                _ => {
                    return Err(CliError::Usage(format!(
                        "say which copy of item `{}` the data is read from: --copy {}",
                        item.id,
                        item.copies
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join("|")
                    )))
                }
            }
        }
    };
    // Everything that could refuse comes before the hours of copying.
    let signer = Signer::open(&ws, &a.key)?;
    ws.journal().head()?;
    let Some(controller) = ws.controller(&f.controller) else {
        return Err(FateError::UnknownController {
            controller: f.controller.clone(),
            file: f.rel(),
        }
        .into());
    };
    let info = BagInfo(fate::bag_info(
        &ws.processor,
        &f.controller,
        controller,
        item,
        copy,
    ));
    let at = now_local(cli, &ws)?;
    let summary = with_progress(progress_bar(std::slice::from_ref(&a.from), "bag"), |p| {
        bagit::write_bag(&a.from, &a.out, &info, at.date_naive(), p)
    })?;
    let sig = signing::sign_file(&signer.key, NS_BAG, &summary.tagmanifest_path)?;
    let mut sig_path = summary.tagmanifest_path.clone().into_os_string();
    sig_path.push(".sig");
    let sig_path = PathBuf::from(sig_path);
    workspace::write_atomic(&sig_path, sig.as_bytes()).map_err(|e| CliError::Output {
        path: sig_path.clone(),
        source: Box::new(e),
    })?;
    let record = BagRecord {
        item: item.id.clone(),
        copy: copy.id.clone(),
        at,
        by: actor(),
        from: lossy(&a.from),
        out: lossy(&a.out),
        files: summary.files,
        bytes: summary.bytes,
        payload_oxum: summary.payload_oxum.clone(),
        manifest_sha256: summary.manifest_sha256.clone(),
        tagmanifest_sha256: summary.tagmanifest_sha256.clone(),
        key_fingerprint: signer.key.fingerprint(),
    };
    let lock = ws.lock()?;
    fate::append_record(&ws, &lock, &f, FateRecord::Bag(record.clone()))?;
    let tagmanifest =
        std::fs::read(&summary.tagmanifest_path).map_err(|source| FateError::Read {
            path: summary.tagmanifest_path.clone(),
            source,
        })?;
    ws.journal().append(
        &lock,
        at.to_utc(),
        &actor(),
        "fate.bag",
        &format!("{}/{}/{}", f.controller, item.id, copy.id),
        &tagmanifest,
    )?;
    if cli.json {
        print_json(&BagReport {
            controller: &f.controller,
            record: &record,
            signature: lossy(&sig_path),
        })?;
    } else {
        outln!(
            "bag of item `{}` written to {}: {} file(s), {} (Payload-Oxum {})",
            item.id,
            a.out.display(),
            summary.files,
            human_bytes(summary.bytes),
            summary.payload_oxum
        );
        outln!(
            "tag manifest SHA-256 {} signed: {}",
            summary.tagmanifest_sha256,
            sig_path.display()
        );
        outln!(
            "next: `dpo fate verify-bag {}` once the medium is ready to hand over",
            a.out.display()
        );
        outln!("the controller checks it with `sha256sum -c manifest-sha256.txt` inside the bag, or any BagIt validator");
    }
    Ok(0)
}

// ---------------------------------------------------------------- verify-bag

#[derive(Serialize)]
struct VerifyBagReport {
    bag: String,
    files: u64,
    valid: bool,
    problems: Vec<String>,
    signature: Verdict,
    recorded_in: Option<String>,
}

fn verify_bag(cli: &Cli, a: &VerifyBagArgs) -> Result<i32, CliError> {
    let report = bagit::verify_bag(&a.dir)?;
    let as_path = a
        .allowed_signers
        .clone()
        .unwrap_or_else(|| allowed_signers_path(cli.root()));
    let allowed = AllowedSigners::load(&as_path)?;
    let ws = workspace::load(cli.root()).ok();
    let tz = ws.as_ref().map(|w| w.tz).unwrap_or(crate::time::DEFAULT_TZ);
    let now = cli.clock(tz)?.now();
    let tm = a.dir.join("tagmanifest-sha256.txt");
    let sig = a.dir.join("tagmanifest-sha256.txt.sig");
    let verdict = if !tm.is_file() {
        Verdict::Bad {
            reason: signing::BadSignature::Malformed {
                message: "there is no tagmanifest-sha256.txt to check the signature of".into(),
            },
        }
    } else if !sig.is_file() {
        Verdict::Bad {
            reason: signing::BadSignature::Malformed {
                message: "tagmanifest-sha256.txt.sig is missing: the bag is not signed".into(),
            },
        }
    } else {
        signing::verify_file(&allowed, &[NS_BAG], None, now, &tm, &sig)?
    };
    let mut problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    if let Verdict::Bad { reason } = &verdict {
        problems.push(format!("tagmanifest-sha256.txt.sig: {reason}"));
    }
    let valid = problems.is_empty();

    // Record the check on the bag's record, when the workspace knows the bag.
    let mut recorded_in = None;
    if let (Some(ws), Ok(bytes)) = (&ws, std::fs::read(&tm)) {
        let sha = sha256_hex(&bytes);
        for id in fate::list_fate_files(&ws.root)? {
            let f = fate::load(ws, &id)?;
            let found = f.file.records.iter().find_map(|r| match r {
                FateRecord::Bag(b) if b.tagmanifest_sha256 == sha => Some(b.item.clone()),
                _ => None,
            });
            if let Some(item) = found {
                let at = now_local(cli, ws)?;
                let record = BagVerificationRecord {
                    item: item.clone(),
                    tagmanifest_sha256: sha.clone(),
                    at,
                    by: actor(),
                    path: lossy(&a.dir),
                    files: report.files,
                    valid,
                    problems: problems.iter().take(50).cloned().collect(),
                };
                let lock = ws.lock()?;
                let yaml = fate::append_record(ws, &lock, &f, FateRecord::BagVerification(record))?;
                ws.journal().append(
                    &lock,
                    at.to_utc(),
                    &actor(),
                    "fate.verify-bag",
                    &format!("{id}/{item}"),
                    &yaml,
                )?;
                recorded_in = Some(f.rel());
                break;
            }
        }
    }
    if cli.json {
        print_json(&VerifyBagReport {
            bag: lossy(&a.dir),
            files: report.files,
            valid,
            problems,
            signature: verdict,
            recorded_in,
        })?;
    } else {
        if valid {
            outln!(
                "bag {} is complete and valid: {} payload file(s), every SHA-256 checked",
                a.dir.display(),
                report.files
            );
            if let Verdict::Good {
                principal,
                fingerprint,
                ..
            } = &verdict
            {
                outln!("tag manifest signed by {principal} (key {fingerprint})");
            }
        } else {
            eprintln!("bag {} does NOT verify:", a.dir.display());
            for p in &problems {
                outln!("{p}");
            }
        }
        match &recorded_in {
            Some(file) => eprintln!("recorded in {file}"),
            None if ws.is_some() => {
                eprintln!("note: this bag is not in the workspace's fate files; nothing recorded")
            }
            None => {}
        }
    }
    Ok(if valid { 0 } else { EXIT_FINDING })
}

// ---------------------------------------------------------------- certify

#[derive(Serialize)]
struct CertifyRefusal<'a> {
    controller: &'a Id,
    refused: bool,
    pending: &'a [Pending],
}

fn certify(cli: &Cli, a: &CertifyArgs) -> Result<i32, CliError> {
    let ws = cli.load()?;
    let controller = match controller_arg(&a.controller)? {
        Some(c) => c,
        None => {
            let ids = fate::list_fate_files(&ws.root)?;
            match ids.as_slice() {
                [] => return Err(FateError::NoFateFiles.into()),
                [one] => one.clone(),
                _ => {
                    return Err(CliError::Usage(format!(
                        "several controllers have a fate file: say which with --controller {}",
                        ids.iter().map(Id::as_str).collect::<Vec<_>>().join("|")
                    )))
                }
            }
        }
    };
    let f: Fate = fate::load(&ws, &controller)?;
    let pending = fate::pending(&f);
    if !pending.is_empty() {
        if cli.json {
            print_json(&CertifyRefusal {
                controller: &controller,
                refused: true,
                pending: &pending,
            })?;
        }
        eprintln!(
            "refusing to certify for `{controller}`: {} thing(s) remain to do",
            pending.len()
        );
        for p in &pending {
            eprintln!("  - {p}");
        }
        eprintln!("  hint: `dpo fate list --controller {controller}` says what to do for each");
        return Ok(EXIT_FINDING);
    }
    let signer = Signer::open(&ws, &a.key)?;
    let issued_at = now_local(cli, &ws)?;
    let pdf_path = match &a.output {
        Some(p) => {
            if p.extension().is_none_or(|e| e != "pdf") {
                return Err(CliError::Usage(format!(
                    "-o `{}` must end in .pdf: the signature, the JSON twin and its signature are written beside it",
                    p.display()
                )));
            }
            p.clone()
        }
        None => evidence_path(&ws, &controller, "", "certificate", "pdf", issued_at).1,
    };
    let paths = fate::certificate_paths(&pdf_path);
    if let Some(p) = [&paths.pdf, &paths.pdf_sig, &paths.json, &paths.json_sig]
        .into_iter()
        .find(|p| p.exists())
    {
        return Err(CliError::Usage(format!(
            "`{}` already exists: an issued certificate is never overwritten\n  hint: choose another file name with -o, or leave -o out to write under evidence/",
            p.display()
        )));
    }
    let lang = cli.lang(Some(&ws));
    let head = ws.journal().head()?;
    let lock = ws.lock()?;
    let cert = fate::build_certificate(
        &ws,
        &f,
        lang.code(),
        issued_at,
        head,
        &signer.facts(),
        &paths,
    );
    let templates = Templates::new(lang)?;
    let md = templates.render("certificate.md", &cert)?;
    let strings = templates.strings();
    let meta = PdfMeta {
        title: format!(
            "{} — {}",
            strings.get("certificate_title"),
            cert.controller.name
        ),
        author: ws.processor.name.clone(),
        created: issued_at,
        footer_left: strings
            .get("certificate_footer")
            .replace("{processor}", ws.processor.display_name())
            .replace("{controller}", &cert.controller.name),
        page_label: strings.get("page_label").to_string(),
        lang: lang.code().to_string(),
    };
    let pdf = crate::render::pdf::markdown_to_pdf(&md, &meta)?;
    let mut json = serde_json::to_vec_pretty(&cert).map_err(|e| CliError::Output {
        path: paths.json.clone(),
        source: Box::new(e),
    })?;
    json.push(b'\n');
    let pdf_sig = signing::sign_reader(&signer.key, NS_CERTIFICATE, &pdf[..], &paths.pdf)?;
    let json_sig = signing::sign_reader(&signer.key, NS_CERTIFICATE, &json[..], &paths.json)?;
    // Check our own work as the controller will, before anything is written.
    for (bytes, sig, path) in [
        (&pdf, &pdf_sig, &paths.pdf),
        (&json, &json_sig, &paths.json),
    ] {
        let v = signing::verify_reader(
            &signer.allowed,
            &[NS_CERTIFICATE],
            Some(&signer.principal),
            issued_at.to_utc(),
            sig,
            &bytes[..],
            path,
        )?;
        if !v.is_good() {
            return Err(CliError::Usage(format!(
                "the signature just made for `{}` does not verify: {v:?}",
                path.display()
            )));
        }
    }
    for (path, bytes) in [
        (&paths.pdf, &pdf[..]),
        (&paths.pdf_sig, pdf_sig.as_bytes()),
        (&paths.json, &json[..]),
        (&paths.json_sig, json_sig.as_bytes()),
    ] {
        workspace::write_atomic(path, bytes).map_err(|e| CliError::Output {
            path: path.clone(),
            source: Box::new(e),
        })?;
    }
    let record = CertificateRecord {
        at: issued_at,
        by: actor(),
        pdf: shown(&ws.root, &paths.pdf),
        pdf_sha256: sha256_hex(&pdf),
        json: shown(&ws.root, &paths.json),
        json_sha256: sha256_hex(&json),
        journal_seq: cert.journal_head.seq,
        journal_sha256: cert.journal_head.sha256.clone(),
        key_fingerprint: signer.key.fingerprint(),
    };
    fate::append_record(&ws, &lock, &f, FateRecord::Certificate(record.clone()))?;
    ws.journal().append(
        &lock,
        issued_at.to_utc(),
        &actor(),
        "fate.certify",
        &record.pdf,
        &pdf,
    )?;
    if cli.json {
        print_json(&record)?;
    } else {
        outln!("certificate for `{controller}` written:");
        for p in [&paths.pdf, &paths.pdf_sig, &paths.json, &paths.json_sig] {
            outln!("  {}", p.display());
        }
        outln!("the controller checks it, with `allowed_signers` holding the line printed on the certificate:");
        outln!("  {}", cert.signature.pdf_command);
        outln!("  {}", cert.signature.json_command);
    }
    Ok(0)
}
