//! The hand-over of returned data as BagIt bags (RFC 8493): `dpo fate bag`
//! writes an item to the medium with the `bag-info.txt` fields (§2.2.2) that
//! tell the receiving team who sent it, under which convention, which item
//! and which copy it holds, and signs its tag manifest; `dpo fate
//! verify-bag` checks a bag and records the check on the bag's record.
//! `Payload-Oxum` and `Bagging-Date` are added by the BagIt writer.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{local_second, lossy, FateError, Payload, Progress};
use crate::bagit::{self, BagInfo};
use crate::hashing::sha256_hex;
use crate::model::{
    BagRecord, BagVerificationRecord, Controller, CopyKind, DataCopy, DataItem, FateRecord, Id,
    Processor,
};
use crate::render::catalog::Msg;
use crate::render::OutputError;
use crate::signing::{self, sig_path, AllowedSigners, BadSignature, Signer, Verdict, NS_BAG};
use crate::workspace::{self, Act, Workspace};

/// The tag manifest of a bag, the file its signature covers.
const TAGMANIFEST: &str = "tagmanifest-sha256.txt";
/// How many problems a verification record keeps.
const KEPT: usize = 50;

/// A value of `bag-info.txt`: one line, whitespace collapsed (a line break
/// would start a continuation or a new label).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `bag-info.txt` fields of the bag of `item`, read from `copy`, in order.
pub fn bag_info(
    processor: &Processor,
    controller_id: &Id,
    controller: &Controller,
    item: &DataItem,
    copy: &DataCopy,
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: Option<&str>| {
        if let Some(v) = v.map(one_line).filter(|v| !v.is_empty()) {
            f.push((k.to_string(), v));
        }
    };
    push("Source-Organization", Some(&processor.name));
    push("Organization-Address", processor.address.as_deref());
    push(
        "Contact-Name",
        processor
            .dpo
            .name
            .as_deref()
            .or(processor.dpo.role.as_deref()),
    );
    push(
        "Contact-Phone",
        processor
            .dpo
            .phone
            .as_deref()
            .or(processor.phone.as_deref()),
    );
    push("Contact-Email", processor.dpo.email.as_deref());
    let description = match &item.description {
        Some(d) => format!("{} — {}", item.name, d),
        None => item.name.clone(),
    };
    push("External-Description", Some(&description));
    push(
        "External-Identifier",
        Some(&format!("{controller_id}/{}/{}", item.id, copy.id)),
    );
    push("Bag-Group-Identifier", Some(controller_id.as_str()));
    push(
        "Internal-Sender-Identifier",
        Some(&format!("{}/{}", item.id, copy.id)),
    );
    let source = match (&copy.path, &copy.media_id) {
        (Some(p), _) => format!("{} — {}", copy.location, p),
        (None, Some(m)) => format!("{} — {}", copy.location, m),
        (None, None) => copy.location.clone(),
    };
    push("Internal-Sender-Description", Some(&source));
    push("Controller", Some(&controller.name));
    let conv = &controller.convention;
    push("Convention", Some(&conv.title));
    push("Convention-Reference", conv.reference.as_deref());
    let act = conv.act.as_ref().map(|a| match conv.act_date {
        Some(d) => format!("{a} ({d})"),
        None => a.clone(),
    });
    push("Convention-Act", act.as_deref());
    if let Some(d) = &item.decision {
        push(
            "Controller-Decision",
            Some(&format!("{} ({})", d.reference, d.date)),
        );
    }
    f
}

/// What `dpo fate bag` needs.
#[derive(Debug, Clone)]
pub struct BagRequest {
    /// The controller whose fate file holds the item (`None`: the one that has it).
    pub controller: Option<Id>,
    /// The item to hand over.
    pub item: String,
    /// The copy the data is read from (`None`: the item's only live-storage copy).
    pub copy: Option<String>,
    /// The folder (or file) holding the item's data.
    pub from: PathBuf,
    /// The bag folder to create (new or empty).
    pub out: PathBuf,
    /// The key the user named (`None`: the default key).
    pub key: Option<PathBuf>,
}

/// A bag written, signed and recorded; serialised as the controller, the
/// record and the signature.
#[derive(Debug, Clone, Serialize)]
pub struct Bagged {
    /// The controller.
    pub controller: Id,
    /// The record appended to the fate file.
    #[serde(flatten)]
    pub record: BagRecord,
    /// The signature of the tag manifest, as recorded.
    pub signature: String,
    /// The signature of the tag manifest.
    #[serde(skip)]
    pub signature_path: PathBuf,
}

/// The copy a bag is read from: the one asked for, else the only
/// live-storage copy.
fn source_copy<'a>(
    f: &'a super::Fate,
    item: &'a DataItem,
    asked: Option<&str>,
) -> Result<&'a DataCopy, FateError> {
    if let Some(c) = asked {
        return f.require_copy(item, c);
    }
    let live: Vec<_> = item
        .copies
        .iter()
        .filter(|c| c.kind == CopyKind::LiveStorage)
        .collect();
    match live.as_slice() {
        [one] => Ok(one),
        _ => Err(super::refused(
            Msg::new("duties-fate-which-copy")
                .arg("item", item.id.to_string())
                .arg(
                    "copies",
                    item.copies
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join("|"),
                ),
        )),
    }
}

/// Writes the item as a bag, signs its tag manifest (`FILE.sig` beside it),
/// appends the bag record and journals it. Every check that could refuse
/// comes before the hours of copying.
pub fn bag(
    ws: &Workspace,
    act: &Act,
    req: &BagRequest,
    progress: Progress<'_>,
) -> Result<Bagged, FateError> {
    let f = super::find_item(ws, req.controller.as_ref(), &req.item)?;
    let item = f.require_item(&req.item)?;
    super::check_bag(item)?;
    let copy = source_copy(&f, item, req.copy.as_deref())?;
    let signer = Signer::open(ws, req.key.as_deref())?;
    ws.journal().head()?;
    let Some(controller) = ws.controller(&f.controller) else {
        return Err(FateError::UnknownController {
            controller: f.controller.clone(),
            file: f.rel(),
        });
    };
    let info = BagInfo(bag_info(
        &ws.processor,
        &f.controller,
        controller,
        item,
        copy,
    ));
    let at = local_second(act.now, ws.tz);
    let summary = bagit::write_bag(&req.from, &req.out, &info, at.date_naive(), progress)?;
    let sig = signing::sign_file(&signer.key, NS_BAG, &summary.tagmanifest_path)?;
    let signature_path = sig_path(&summary.tagmanifest_path);
    workspace::write_atomic(&signature_path, sig.as_bytes())
        .map_err(|e| OutputError::write(&signature_path, e))?;
    let record = BagRecord {
        item: item.id.clone(),
        copy: copy.id.clone(),
        at,
        by: act.actor.clone(),
        from: lossy(&req.from),
        out: lossy(&req.out),
        files: summary.files,
        bytes: summary.bytes,
        payload_oxum: summary.payload_oxum,
        manifest_sha256: summary.manifest_sha256,
        tagmanifest_sha256: summary.tagmanifest_sha256,
        key_fingerprint: signer.key.fingerprint(),
    };
    let lock = ws.lock()?;
    let tagmanifest = Payload::File(&summary.tagmanifest_path);
    super::append_record(
        ws,
        &lock,
        &f,
        act,
        FateRecord::Bag(record.clone()),
        tagmanifest,
    )?;
    Ok(Bagged {
        controller: f.controller.clone(),
        record,
        signature: lossy(&signature_path),
        signature_path,
    })
}

/// What `dpo fate verify-bag` needs.
#[derive(Debug, Clone)]
pub struct VerifyBagRequest {
    /// The bag folder.
    pub dir: PathBuf,
    /// The allowed-signers file the tag manifest's signature is checked with.
    pub allowed_signers: PathBuf,
}

/// The outcome of a bag check; serialised as `dpo fate verify-bag --json`
/// prints it.
#[derive(Debug, Clone, Serialize)]
pub struct BagCheck {
    /// The bag folder.
    pub bag: String,
    /// Number of payload files.
    pub files: u64,
    /// True when complete, valid and signed.
    pub valid: bool,
    /// Every problem found, the signature's included.
    pub problems: Vec<String>,
    /// The verdict on the tag manifest's signature.
    pub signature: Verdict,
    /// The fate file the check was recorded in, when the workspace knows the bag.
    pub recorded_in: Option<String>,
    /// True when the check ran against a workspace.
    #[serde(skip)]
    pub in_workspace: bool,
}

/// The verdict on the signature of the tag manifest in `dir`.
fn signature_verdict(
    dir: &Path,
    allowed: &AllowedSigners,
    now: DateTime<Utc>,
) -> Result<Verdict, FateError> {
    let tm = dir.join(TAGMANIFEST);
    let sig = sig_path(&tm);
    let malformed = |message: &str| Verdict::Bad {
        reason: BadSignature::Malformed {
            message: message.into(),
        },
    };
    Ok(if !tm.is_file() {
        malformed("there is no tagmanifest-sha256.txt to check the signature of")
    } else if !sig.is_file() {
        malformed("tagmanifest-sha256.txt.sig is missing: the bag is not signed")
    } else {
        signing::verify_file(allowed, &[NS_BAG], None, now, &tm, &sig)?
    })
}

/// Checks a bag — complete, valid, its tag manifest signed by a key of the
/// allowed-signers file — and, when `ws` has a bag record with that tag
/// manifest, appends the verification record and journals it.
pub fn verify_bag(
    ws: Option<&Workspace>,
    act: &Act,
    req: &VerifyBagRequest,
) -> Result<BagCheck, FateError> {
    let report = bagit::verify_bag(&req.dir)?;
    let allowed = AllowedSigners::load(&req.allowed_signers)?;
    let verdict = signature_verdict(&req.dir, &allowed, act.now)?;
    let mut problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    if let Verdict::Bad { reason } = &verdict {
        problems.push(format!("{TAGMANIFEST}.sig: {reason}"));
    }
    let valid = problems.is_empty();
    let recorded_in = match ws {
        Some(ws) => record_check(ws, act, req, report.files, valid, &problems)?,
        None => None,
    };
    Ok(BagCheck {
        bag: lossy(&req.dir),
        files: report.files,
        valid,
        problems,
        signature: verdict,
        recorded_in,
        in_workspace: ws.is_some(),
    })
}

/// Records the check on the bag's record, when a fate file has one with the
/// same tag manifest; returns that file.
fn record_check(
    ws: &Workspace,
    act: &Act,
    req: &VerifyBagRequest,
    files: u64,
    valid: bool,
    problems: &[String],
) -> Result<Option<String>, FateError> {
    let Ok(bytes) = std::fs::read(req.dir.join(TAGMANIFEST)) else {
        return Ok(None);
    };
    let sha = sha256_hex(&bytes);
    for id in super::list_fate_files(&ws.root)? {
        let f = super::load(ws, &id)?;
        let found = f
            .records::<BagRecord>()
            .find(|b| b.tagmanifest_sha256 == sha)
            .map(|b| b.item.clone());
        let Some(item) = found else { continue };
        let at = local_second(act.now, ws.tz);
        let record = BagVerificationRecord {
            item: item.clone(),
            tagmanifest_sha256: sha,
            at,
            by: act.actor.clone(),
            path: lossy(&req.dir),
            files,
            valid,
            problems: problems.iter().take(KEPT).cloned().collect(),
        };
        let lock = ws.lock()?;
        let recorded = FateRecord::BagVerification(record);
        super::append_record(ws, &lock, &f, act, recorded, Payload::Record)?;
        return Ok(Some(f.rel()));
    }
    Ok(None)
}
