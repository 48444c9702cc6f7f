//! The hand-over of returned data as BagIt bags (RFC 8493): `dpo fate bag`
//! writes an item to the medium with the `bag-info.txt` fields (§2.2.2) that
//! tell the receiving team who sent it, under which convention, which item
//! and which copy it holds, and signs its tag manifest; `dpo fate
//! verify-bag` checks any bag — one dpo made, or one from another BagIt tool —
//! and gives two verdicts, the bag's (complete and valid, or why not) and its
//! signature's (good, unsigned, bad, or no keys to check it with), and
//! records the check on the bag's record when the workspace has one.
//! `Payload-Oxum` and `Bagging-Date` are added by the BagIt writer.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{local_second, lossy, FateError, Payload, Progress};
use crate::bagit::{self, BagInfo, BagReport, FetchEntry};
use crate::hashing::sha256_hex;
use crate::model::{
    BagRecord, BagVerificationRecord, Controller, CopyKind, DataCopy, DataItem, FateRecord, Id,
    Processor,
};
use crate::render::catalog::Msg;
use crate::render::OutputError;
use crate::signing::{
    self, sig_path, AllowedSigners, BadSignature, Signer, SigningError, Verdict, NS_BAG,
};
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
    ws.ready_to_write()?;
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
    /// Accept a bag that is not signed, on its bag verdict alone (a bag
    /// made by another BagIt tool); never a bag a fate file records.
    pub unsigned_ok: bool,
}

/// The verdict on the signature of a bag's tag manifest.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum SignatureVerdict {
    /// Signed by a key of the allowed-signers file.
    Good {
        /// The principal the key is listed for.
        principal: String,
        /// Fingerprint of the signing key.
        fingerprint: String,
        /// The namespace it was signed in.
        namespace: String,
    },
    /// No `tagmanifest-sha256.txt.sig`.
    Unsigned,
    /// Signed, but there is no allowed-signers file to check it with.
    NoKeys {
        /// Where the allowed-signers file was looked for.
        allowed_signers: String,
    },
    /// The signature does not vouch for the tag manifest.
    Bad {
        /// Why, in English.
        reason: String,
        /// Why, to be said in the run's language.
        #[serde(skip)]
        said: Msg,
    },
}

impl SignatureVerdict {
    /// True for a good signature.
    pub fn is_good(&self) -> bool {
        matches!(self, SignatureVerdict::Good { .. })
    }

    /// The verdict as a message of the catalog.
    pub fn msg(&self) -> Msg {
        match self {
            SignatureVerdict::Good {
                principal,
                fingerprint,
                ..
            } => Msg::new("bag-signature-good")
                .arg("principal", principal.as_str())
                .arg("key", fingerprint.as_str()),
            SignatureVerdict::Unsigned => Msg::new("bag-signature-unsigned"),
            SignatureVerdict::NoKeys { allowed_signers } => {
                Msg::new("bag-signature-no-keys").arg("file", allowed_signers.as_str())
            }
            SignatureVerdict::Bad { said, .. } => {
                Msg::new("bag-signature-bad").arg("reason", said.clone())
            }
        }
    }

    fn bad(said: Msg) -> Self {
        SignatureVerdict::Bad {
            reason: said.english(),
            said,
        }
    }
}

/// Why a signature is bad, as a message of the catalog.
fn bad_signature(reason: &BadSignature) -> Msg {
    let key = |id: &'static str, fingerprint: &String| {
        Msg::new(id).arg("fingerprint", fingerprint.as_str())
    };
    match reason {
        BadSignature::Malformed { message } => {
            Msg::new("bag-sig-malformed").arg("message", message.as_str())
        }
        BadSignature::WrongNamespace { found, expected } => Msg::new("bag-sig-wrong-namespace")
            .arg("found", found.as_str())
            .arg("expected", expected.as_str()),
        BadSignature::UnknownKey { fingerprint } => key("bag-sig-unknown-key", fingerprint),
        BadSignature::WrongPrincipal {
            fingerprint,
            identity,
            principals,
        } => key("bag-sig-wrong-principal", fingerprint)
            .arg("identity", identity.as_str())
            .arg("principals", principals.as_str()),
        BadSignature::NotAllowed {
            fingerprint,
            detail,
        } => key("bag-sig-not-allowed", fingerprint).arg("detail", detail.as_str()),
        BadSignature::Mismatch => Msg::new("bag-sig-mismatch"),
    }
}

/// The outcome of a bag check: two verdicts, the bag's and its
/// signature's; serialised as `dpo fate verify-bag --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct BagCheck {
    /// The bag folder.
    pub bag: String,
    /// Number of payload files.
    pub files: u64,
    /// The payload manifests' algorithms checked.
    pub algorithms: Vec<&'static str>,
    /// True when nothing listed in `fetch.txt` is left to fetch.
    pub complete: bool,
    /// True when the bag is valid (no problem found; files to fetch aside).
    pub bag_valid: bool,
    /// Every problem found in the bag, in English.
    pub problems: Vec<String>,
    /// What does not make the bag invalid (weak algorithms…), in English.
    pub warnings: Vec<String>,
    /// The files `fetch.txt` lists that are not in the payload.
    pub to_fetch: Vec<FetchEntry>,
    /// The verdict on the tag manifest's signature.
    pub signature: SignatureVerdict,
    /// True when the signature must be good for the bag to be accepted.
    pub signature_required: bool,
    /// True when the bag is accepted: complete, valid, and signed by a key
    /// of the allowed-signers file unless that is waived (`--unsigned-ok`).
    pub valid: bool,
    /// The fate file that records this bag (dpo made it), if any.
    pub known_in: Option<String>,
    /// The fate file the check was recorded in, when the workspace knows the bag.
    pub recorded_in: Option<String>,
    /// The bag's report, to be said in the run's language.
    #[serde(skip)]
    pub report: BagReport,
    /// True when the check ran against a workspace.
    #[serde(skip)]
    pub in_workspace: bool,
}

/// The verdict on the signature of the tag manifest in `dir`.
fn signature_verdict(
    dir: &Path,
    allowed_signers: &Path,
    now: DateTime<Utc>,
) -> Result<SignatureVerdict, FateError> {
    let tm = dir.join(TAGMANIFEST);
    let sig = sig_path(&tm);
    if std::fs::symlink_metadata(&sig).is_err() {
        return Ok(SignatureVerdict::Unsigned);
    }
    if !tm.is_file() {
        return Ok(SignatureVerdict::bad(Msg::new("bag-sig-no-tagmanifest")));
    }
    let allowed = match AllowedSigners::load(allowed_signers) {
        Ok(allowed) => allowed,
        Err(SigningError::AllowedSignersMissing { path }) => {
            return Ok(SignatureVerdict::NoKeys {
                allowed_signers: lossy(&path),
            })
        }
        Err(e) => return Err(e.into()),
    };
    let accept = signing::Acceptance {
        allowed: &allowed,
        namespaces: &[NS_BAG],
        identity: None,
        now,
    };
    Ok(match signing::verify_file(&accept, &tm, &sig)? {
        Verdict::Good {
            principal,
            fingerprint,
            namespace,
        } => SignatureVerdict::Good {
            principal,
            fingerprint,
            namespace,
        },
        Verdict::Bad { reason } => SignatureVerdict::bad(bad_signature(&reason)),
    })
}

/// Checks a bag and its signature, gives both verdicts, and — when `ws`
/// has a bag record with the bag's tag manifest — appends the verification
/// record and journals it. A bag the workspace records is one `dpo` made:
/// its signature is required even with `unsigned_ok`.
pub fn verify_bag(
    ws: Option<&Workspace>,
    act: &Act,
    req: &VerifyBagRequest,
) -> Result<BagCheck, FateError> {
    let report = bagit::verify_bag(&req.dir)?;
    let known = match ws {
        Some(ws) => find_bag_record(ws, &req.dir)?,
        None => None,
    };
    let signature = signature_verdict(&req.dir, &req.allowed_signers, act.now)?;
    let signature_required = !req.unsigned_ok || known.is_some();
    let signature_ok = match &signature {
        SignatureVerdict::Good { .. } => true,
        SignatureVerdict::Unsigned | SignatureVerdict::NoKeys { .. } => !signature_required,
        SignatureVerdict::Bad { .. } => false,
    };
    let valid = report.is_valid() && report.is_complete() && signature_ok;
    let english = |p: &[bagit::BagProblem]| p.iter().map(ToString::to_string).collect::<Vec<_>>();
    let mut problems = english(&report.problems);
    let known_in = known.as_ref().map(|(f, _, _)| f.rel());
    let recorded_in = match (ws, known) {
        (Some(ws), Some((f, item, sha))) => {
            // What the record keeps: the bag's problems, what is left to
            // fetch, and the signature when it does not hold.
            let mut kept = problems.clone();
            kept.extend(
                report
                    .to_fetch
                    .iter()
                    .map(|e| format!("{}: not fetched", e.path)),
            );
            if !signature.is_good() {
                kept.push(format!("{TAGMANIFEST}.sig: {}", signature.msg().english()));
            }
            let check = Checked {
                sha,
                files: report.files,
                valid,
                problems: &kept,
            };
            Some(record_check(ws, act, req, &f, item, check)?)
        }
        _ => None,
    };
    problems.sort();
    Ok(BagCheck {
        bag: lossy(&req.dir),
        files: report.files,
        algorithms: report.algorithms.iter().map(|a| a.name()).collect(),
        complete: report.is_complete(),
        bag_valid: report.is_valid(),
        problems,
        warnings: english(&report.warnings),
        to_fetch: report.to_fetch.clone(),
        signature,
        signature_required,
        valid,
        known_in,
        recorded_in,
        report,
        in_workspace: ws.is_some(),
    })
}

/// True when a fate file of `ws` records the bag in `dir` (its tag
/// manifest is that of a bag `dpo fate bag` wrote): checking it records the
/// check, and its signature is required.
pub fn knows_bag(ws: &Workspace, dir: &Path) -> Result<bool, FateError> {
    Ok(find_bag_record(ws, dir)?.is_some())
}

/// The fate file and item of the bag record whose tag manifest is the one
/// in `dir`, with that tag manifest's SHA-256.
fn find_bag_record(
    ws: &Workspace,
    dir: &Path,
) -> Result<Option<(super::Fate, Id, String)>, FateError> {
    let Ok(bytes) = std::fs::read(dir.join(TAGMANIFEST)) else {
        return Ok(None);
    };
    let sha = sha256_hex(&bytes);
    for id in super::list_fate_files(&ws.root)? {
        let f = super::load(ws, &id)?;
        let found = f
            .records::<BagRecord>()
            .find(|b| b.tagmanifest_sha256 == sha)
            .map(|b| b.item.clone());
        if let Some(item) = found {
            return Ok(Some((f, item, sha)));
        }
    }
    Ok(None)
}

/// What a verification record states.
struct Checked<'a> {
    sha: String,
    files: u64,
    valid: bool,
    problems: &'a [String],
}

/// Records the check on the bag's fate file; returns that file.
fn record_check(
    ws: &Workspace,
    act: &Act,
    req: &VerifyBagRequest,
    f: &super::Fate,
    item: Id,
    c: Checked<'_>,
) -> Result<String, FateError> {
    let record = BagVerificationRecord {
        item,
        tagmanifest_sha256: c.sha,
        at: local_second(act.now, ws.tz),
        by: act.actor.clone(),
        path: lossy(&req.dir),
        files: c.files,
        valid: c.valid,
        problems: c.problems.iter().take(KEPT).cloned().collect(),
    };
    let lock = ws.lock()?;
    let recorded = FateRecord::BagVerification(record);
    super::append_record(ws, &lock, f, act, recorded, Payload::Record)?;
    Ok(f.rel())
}
