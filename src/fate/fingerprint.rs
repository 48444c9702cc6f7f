//! `dpo fate fingerprint`: the SHA-256 of every file of an item, taken
//! before it is destroyed and kept as a `sha256sum` manifest under
//! `evidence/fate/<controller>/<item>/`, so that a residual scan can later
//! prove that no file of the item is left anywhere, under any name. The
//! same files with their sizes are kept beside it in `hashdeep`'s format
//! (see [`super::manifest`]), and the hashes of their first 4 096 bytes in a
//! third manifest, so that a scan reads whole only the files that may be
//! one of them.

use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

use super::{
    evidence_stem, local_second, lossy, write_hashdeep, write_manifest, FateError, Payload,
    Progress,
};
use crate::hashing;
use crate::hashing::sha256_hex;
use crate::model::{FateRecord, FingerprintRecord, Id, KeptFile};
use crate::render::catalog::Msg;
use crate::render::said::Refusal;
use crate::workspace::{self, Act, Workspace};

/// What `dpo fate fingerprint` needs.
#[derive(Debug, Clone)]
pub struct FingerprintRequest {
    /// The controller whose fate file holds the item (`None`: the one that has it).
    pub controller: Option<Id>,
    /// The item.
    pub item: String,
    /// Files and folders holding the item's data.
    pub paths: Vec<PathBuf>,
}

/// A fingerprint taken and recorded.
#[derive(Debug, Clone)]
pub struct Fingerprinted {
    /// The record appended to the fate file (its `manifest` is relative to
    /// the workspace).
    pub record: FingerprintRecord,
    /// The manifest written.
    pub manifest_path: PathBuf,
}

/// Hashes every file under the request's paths, writes the manifest as
/// evidence, appends the record and journals it.
pub fn fingerprint(
    ws: &Workspace,
    act: &Act,
    req: &FingerprintRequest,
    progress: Progress<'_>,
) -> Result<Fingerprinted, FateError> {
    let f = super::find_item(ws, req.controller.as_ref(), &req.item)?;
    let item = f.require_item(&req.item)?.id.clone();
    ws.ready_to_write()?;
    let digests = hashing::hash_tree(&req.paths, progress)?;
    if digests.is_empty() {
        return Err(FateError::Refused(
            Refusal::new(
                Msg::new("duties-fate-no-file").arg(
                    "paths",
                    req.paths
                        .iter()
                        .map(|p| format!("`{}`", p.display()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            )
            .hint(Msg::new("duties-fate-no-file-hint").arg("item", item.to_string())),
        ));
    }
    let manifest = write_manifest(
        digests
            .iter()
            .map(|d| (&d.sha256, d.path.as_os_str().as_bytes())),
    );
    // hashdeep names each file by its absolute path.
    let absolute: Vec<PathBuf> = digests
        .iter()
        .map(|d| std::path::absolute(&d.path).unwrap_or_else(|_| d.path.clone()))
        .collect();
    let sized = write_hashdeep(
        digests
            .iter()
            .zip(&absolute)
            .map(|(d, a)| (d.size, &d.sha256, a.as_os_str().as_bytes())),
    );
    let at = local_second(act.now, ws.tz);
    let lock = ws.lock()?;
    let stem = evidence_stem(&f.controller, Some(&item), "fingerprint", at);
    let rel = workspace::fresh_name(&ws.root, &stem, "sha256");
    let manifest_path = ws.root.join(&rel);
    workspace::write_atomic(&manifest_path, &manifest)?;
    let base = rel.strip_suffix(".sha256").unwrap_or(&rel);
    let hashdeep = workspace::fresh_name(&ws.root, base, "hashdeep");
    workspace::write_atomic(&ws.root.join(&hashdeep), &sized)?;
    let heads_text = write_manifest(
        digests
            .iter()
            .filter_map(|d| Some((d.head.as_ref()?, d.path.as_os_str().as_bytes()))),
    );
    let heads = workspace::fresh_name(&ws.root, &format!("{base}-heads"), "sha256");
    workspace::write_atomic(&ws.root.join(&heads), &heads_text)?;
    let record = FingerprintRecord {
        item,
        at,
        by: act.actor.clone(),
        paths: req.paths.iter().map(|p| lossy(p)).collect(),
        manifest: rel.clone(),
        manifest_sha256: sha256_hex(&manifest),
        hashdeep: Some(KeptFile {
            file: hashdeep,
            sha256: sha256_hex(&sized),
        }),
        heads: Some(KeptFile {
            file: heads,
            sha256: sha256_hex(&heads_text),
        }),
        files: digests.len() as u64,
        bytes: digests.iter().map(|d| d.size).sum(),
    };
    let recorded = FateRecord::Fingerprint(record.clone());
    super::append_record(ws, &lock, &f, act, recorded, Payload::Bytes(&manifest))?;
    Ok(Fingerprinted {
        record,
        manifest_path,
    })
}
