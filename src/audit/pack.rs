//! `dpo audit pack`: the pack made by [`super::build`] written to a new
//! folder with `VERIFY.txt` (how to check it), the same dossier as HTML
//! (`dpo site`, in `site/`) and a `MANIFEST.sha256`
//! signed as `dpo sign` signs (namespace `file`), so that an auditor checks
//! it with `sha256sum -c` and `ssh-keygen -Y verify` alone; then journaled.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{build, AuditError, MANIFEST, TSA_CA_IN_PACK};
use crate::hashing::sha256_hex;
use crate::model::{Id, Lang};
use crate::render::{OutputError, Templates};
use crate::signing::{self, Signer, NS_FILE};
use crate::workspace::{self, Act, Diagnostic, Workspace};

/// What `dpo audit pack` needs.
#[derive(Debug, Clone)]
pub struct PackRequest {
    /// Only what concerns this controller (all when `None`); it must exist.
    pub controller: Option<Id>,
    /// The folder to write: new, or empty.
    pub output: PathBuf,
    /// The key the user named (`None`: the default key).
    pub key: Option<PathBuf>,
    /// The language of the documents.
    pub lang: Lang,
}

/// A pack written and signed; serialised as `dpo audit pack --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct Packed {
    /// The folder written.
    pub output: String,
    /// The controller it is restricted to.
    pub controller: Option<String>,
    /// Number of files, the manifest and its signature left out.
    pub files: usize,
    /// SHA-256 of `MANIFEST.sha256`.
    pub manifest_sha256: String,
    /// The signature of the manifest, in the pack.
    pub signature: String,
    /// The principal that verifies it.
    pub principal: String,
    /// `SHA256:…` of the key.
    pub key_fingerprint: String,
    /// True when the journal verified.
    pub journal_intact: bool,
    /// Journal entries left out because they concern another controller.
    pub journal_entries_left_out: usize,
    /// The commands that check the pack, run inside it.
    pub verify: Vec<String>,
    /// Records that could not be read and were left out.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

fn output_error(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> AuditError {
    OutputError::write(path, e).into()
}

/// Makes the pack, writes it to the new folder, signs its manifest and
/// journals it. The key is opened before anything is written: no pack is
/// left that could not be signed.
pub fn pack(ws: &Workspace, act: &Act, req: &PackRequest) -> Result<Packed, AuditError> {
    let out = &req.output;
    // Never among the workspace's own records, journal, keys or evidence.
    workspace::atomic::check_output(&out.join(MANIFEST))?;
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(AuditError::OutputNotEmpty {
                path: out.clone(),
                today: act.now.with_timezone(&ws.tz).format("%Y-%m-%d").to_string(),
            });
        }
    }
    let signer = Signer::open(ws, req.key.as_deref())?;
    let t = Templates::new(req.lang)?;
    // Under the lock: the pack is the workspace of one moment.
    let lock = ws.lock()?;
    let mut pack = build(ws, &t, req.controller.as_ref(), act.now)?;
    let allowed = format!("{}/{}", signing::KEYS_DIR, signing::ALLOWED_SIGNERS);
    let verify = vec![
        format!("sha256sum -c {MANIFEST}"),
        format!(
            "ssh-keygen -Y verify -f {allowed} -I {} -n {NS_FILE} -s {MANIFEST}.sig < {MANIFEST}",
            signer.principal
        ),
    ];
    // Each time-stamp in the pack, checked by openssl against the trusted CAs.
    let ts_verify = |tsr: &str| {
        let file = tsr.trim_end_matches(".tsr");
        format!("openssl ts -verify -in {tsr} -queryfile {file}.tsq -CAfile {TSA_CA_IN_PACK}")
    };
    let trusts_tsa = pack.files.contains_key(TSA_CA_IN_PACK);
    let timestamps: Vec<String> = pack
        .files
        .keys()
        .filter(|k| trusts_tsa && k.ends_with(".tsr"))
        .map(|k| ts_verify(k))
        .collect();
    let verify_text = t.render(
        "audit-verify.txt",
        &serde_json::json!({
            "timestamps": timestamps,
            "manifest_timestamp": trusts_tsa.then(|| ts_verify(&format!("{MANIFEST}.tsr"))),
            "processor": ws.processor.name,
            "controller": req.controller.as_ref().map(|c| c.to_string()),
            "version": env!("CARGO_PKG_VERSION"),
            "made_at": crate::time::in_tz(act.now, ws.tz).to_rfc3339(),
            "commands": verify,
            "fingerprint": signer.key.fingerprint().to_string(),
        }),
    )?;
    pack.files
        .insert("VERIFY.txt".into(), verify_text.into_bytes());
    // The same dossier as HTML (`dpo site`), restricted as the pack is.
    let site = crate::site::build(ws, &t, req.controller.as_ref(), act.now)?;
    for (rel, bytes) in site.files {
        pack.files
            .insert(format!("{}/{rel}", crate::site::IN_PACK), bytes);
    }
    std::fs::create_dir_all(out).map_err(|e| output_error(out, e))?;
    for (rel, bytes) in &pack.files {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| output_error(dir, e))?;
        }
        workspace::write_atomic(&path, bytes).map_err(|e| output_error(&path, e))?;
    }
    let manifest = pack.manifest();
    let manifest_path = out.join(MANIFEST);
    workspace::write_atomic(&manifest_path, manifest.as_bytes())
        .map_err(|e| output_error(&manifest_path, e))?;
    let pem = signing::sign_file(&signer.key, NS_FILE, &manifest_path)?;
    let sig_path = signing::sig_path(&manifest_path);
    workspace::write_atomic(&sig_path, pem.as_bytes()).map_err(|e| output_error(&sig_path, e))?;
    ws.journal().append(
        &lock,
        act.now,
        &act.actor,
        "audit.pack",
        req.controller.as_ref().map_or("workspace", Id::as_str),
        manifest.as_bytes(),
    )?;
    Ok(Packed {
        output: out.display().to_string(),
        controller: req.controller.as_ref().map(Id::to_string),
        files: pack.files.len(),
        manifest_sha256: sha256_hex(manifest.as_bytes()),
        signature: format!("{MANIFEST}.sig"),
        principal: signer.principal,
        key_fingerprint: signer.key.fingerprint(),
        journal_intact: pack.journal_intact,
        journal_entries_left_out: pack.journal_omitted,
        verify,
        diagnostics: pack.diagnostics,
    })
}
