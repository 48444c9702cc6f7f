//! Time-stamping a file: `FILE.tsq` written (journaled in the workspace),
//! posted to the authority when there is one, and `FILE.tsr` kept only once
//! it verifies fully (granted, same imprint, same nonce, signature, TSA
//! certificate, trusted CA), an answer that does not verify kept aside as
//! `FILE.tsr.refused`; a file whose `.tsr` verifies is never stamped
//! again (a proof is never replaced). Used by
//! `dpo timestamp FILE` and, for the evidence of the workflows, by [`auto`]:
//! each notification, certificate and audit manifest, then the journal
//! head, written in `timestamps/journal.head.<seq>`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use x509_cert::Certificate;

use super::{keep, read, request, sha256, tsq_path, tsr_path, verify, Request, Response, Stamp};
use super::{Refusal, TimestampError};
use crate::workspace::{Act, Workspace};

/// How long the authority is waited for.
pub const TSA_TIMEOUT: Duration = Duration::from_secs(30);

/// The folder of the journal heads' time-stamps, in the workspace.
pub const HEADS_DIR: &str = "timestamps";

/// Writes `FILE.tsq`; with `url`, posts it and keeps `FILE.tsr` once it
/// verifies up to one of `cas`. `None` without a URL. Refused when `FILE`
/// already has a `.tsr` that verifies.
pub fn stamp_file(
    ws: Option<(&Workspace, &Act)>,
    url: Option<&str>,
    cas: &[Certificate],
    file: &Path,
) -> Result<Option<Stamp>, TimestampError> {
    if check_kept(file, cas).is_ok() || answered(file, cas) {
        return Err(TimestampError::AlreadyStamped {
            path: file.to_path_buf(),
        });
    }
    let (req, tsq) = write_request(ws, url, file)?;
    url.map(|u| send_and_keep(ws, u, cas, file, &req, &tsq))
        .transpose()
}

/// The trusted CA certificates of the workspace (`DPO_TSA_CA`, else
/// `keys/tsa/*.pem`).
pub fn trusted_in(ws: &Workspace) -> Result<Vec<Certificate>, TimestampError> {
    verify::trusted(&ws.root, ws.tsa_ca.as_deref())
}

/// `FILE`'s kept time-stamp, checked fully: `FILE.tsq` is `FILE`'s, and
/// `FILE.tsr` answers it and verifies up to one of `cas`. A missing or
/// unreadable `.tsq`, a missing `.tsr`: bad input; a `.tsr` that no longer
/// reads: a refusal.
pub fn check_kept(file: &Path, cas: &[Certificate]) -> Result<Stamp, TimestampError> {
    let imprint = sha256(&read(file)?);
    let tsq_file = tsq_path(file);
    let req = Request::from_der(&read(&tsq_file)?).map_err(|why| TimestampError::NotRequest {
        path: tsq_file.clone(),
        why,
    })?;
    if req.imprint != imprint {
        return Err(TimestampError::Refused {
            path: tsq_file,
            refusal: Refusal::OtherFile,
        });
    }
    let tsr_file = tsr_path(file);
    let refused = |refusal| TimestampError::Refused {
        path: tsr_file.clone(),
        refusal,
    };
    let resp = Response::read(&read(&tsr_file)?)
        .map_err(|e| refused(e.unwrap_or_else(Refusal::Unreadable)))?;
    verify::verify(&resp, &req, cas).map_err(refused)
}

/// True when `FILE.tsr` answers `FILE.tsq`, `FILE.tsq` is `FILE`'s (same
/// imprint, same nonce) and the token fails only on trust (no CA, or a
/// chain to a CA not trusted now): a CA missing from `keys/tsa` or a wrong
/// `DPO_TSA_CA` must not make `dpo` replace a proof made earlier by a later
/// one. `dpo timestamp verify FILE` says why such a pair does not verify;
/// the DPO decides what to do with it. A damaged token (signature, digest)
/// proves nothing and may be replaced.
fn answered(file: &Path, cas: &[Certificate]) -> bool {
    let pair = || -> Option<bool> {
        let imprint = sha256(&read(file).ok()?);
        let req = Request::from_der(&read(&tsq_path(file)).ok()?).ok()?;
        let resp = Response::read(&read(&tsr_path(file)).ok()?).ok()?;
        let trust_only = matches!(
            verify::verify(&resp, &req, cas),
            Err(Refusal::NoCa | Refusal::Untrusted { .. })
        );
        Some(req.imprint == imprint && trust_only)
    };
    pair().unwrap_or(false)
}

/// `FILE`'s time-stamp: `None` when there is no `FILE.tsr`, else
/// [`check_kept`].
pub fn kept(file: &Path, cas: &[Certificate]) -> Option<Result<Stamp, TimestampError>> {
    tsr_path(file).exists().then(|| check_kept(file, cas))
}

/// Writes `FILE.tsq` (kept first: a failed authority leaves it to retry).
fn write_request(
    ws: Option<(&Workspace, &Act)>,
    url: Option<&str>,
    file: &Path,
) -> Result<(Request, Vec<u8>), TimestampError> {
    let imprint = sha256(&read(file)?);
    let nonce = request::new_nonce().map_err(|why| TimestampError::Tsa {
        url: super::send::shown(url.unwrap_or_default()),
        why,
    })?;
    let req = Request { imprint, nonce };
    let tsq = req.to_der().map_err(|e| TimestampError::NotRequest {
        path: tsq_path(file),
        why: e.to_string(),
    })?;
    keep::keep(
        ws,
        "timestamp.request",
        file,
        &[(tsq_path(file), tsq.clone())],
    )?;
    Ok((req, tsq))
}

/// Posts the request, keeps `FILE.tsr` once it verifies; an answer that
/// does not verify is kept as `FILE.tsr.refused` (never as `FILE.tsr`), and
/// `FILE` still waits for its time-stamp.
fn send_and_keep(
    ws: Option<(&Workspace, &Act)>,
    url: &str,
    cas: &[Certificate],
    file: &Path,
    req: &Request,
    tsq: &[u8],
) -> Result<Stamp, TimestampError> {
    let tsr = super::send::post(url, tsq, TSA_TIMEOUT)?;
    let checked = Response::read(&tsr)
        .map_err(|e| e.unwrap_or_else(Refusal::Token))
        .and_then(|resp| verify::verify(&resp, req, cas));
    match checked {
        Ok(stamp) => {
            keep::keep(ws, "timestamp.response", file, &[(tsr_path(file), tsr)])?;
            Ok(stamp)
        }
        Err(refusal) => {
            // Kept for inspection, never as FILE.tsr: as `--import` does.
            let aside = keep::refused_path(&tsr_path(file));
            keep::keep(ws, "timestamp.refused", file, &[(aside.clone(), tsr)])?;
            Err(TimestampError::Refused {
                path: aside,
                refusal,
            })
        }
    }
}

/// The evidence files just written (`files`), then the journal head after
/// them, time-stamped by `url`: each result, never an error — a failed
/// authority, or a response that does not verify, leaves the evidence as it
/// is, its `.tsq` waiting ([`waiting`]). An unreadable trusted CA comes
/// first, for the folder `keys/tsa`.
pub fn auto(
    ws: &Workspace,
    act: &Act,
    url: &str,
    files: &[PathBuf],
) -> Vec<(PathBuf, Result<Stamp, TimestampError>)> {
    let place = Some((ws, act));
    let mut out = Vec::new();
    let cas = trusted_in(ws).unwrap_or_else(|e| {
        out.push((ws.root.join("keys").join("tsa"), Err(e)));
        Vec::new()
    });
    let stamp = |f: &Path| {
        // Already dated by a kept proof: never replaced.
        if let Ok(kept) = check_kept(f, &cas) {
            return Ok(kept);
        }
        stamp_file(place, Some(url), &cas, f)?.ok_or_else(|| TimestampError::AlreadyStamped {
            path: f.to_path_buf(),
        })
    };
    out.extend(files.iter().map(|f| (f.clone(), stamp(f))));
    match head_file(ws, act) {
        Ok(h) => {
            let r = stamp(&h);
            out.push((h, r));
        }
        Err(e) => out.push((ws.root.join(HEADS_DIR), Err(e))),
    }
    out
}

/// Writes the journal head (`<seq> <sha256>`) in
/// `timestamps/journal.head.<seq>`, journaled.
fn head_file(ws: &Workspace, act: &Act) -> Result<PathBuf, TimestampError> {
    let head = ws.journal().head()?;
    let path = ws
        .root
        .join(HEADS_DIR)
        .join(format!("journal.head.{}", head.seq));
    std::fs::create_dir_all(ws.root.join(HEADS_DIR)).map_err(|source| TimestampError::Read {
        path: ws.root.join(HEADS_DIR),
        source,
    })?;
    let text = format!("{} {}\n", head.seq, head.sha256);
    keep::keep(
        Some((ws, act)),
        "timestamp.journal-head",
        &path,
        &[(path.clone(), text.into_bytes())],
    )?;
    Ok(path)
}

/// The files of the workspace with a `.tsq` and no `.tsr` that verifies up
/// to one of `cas`: evidence waiting for a time-stamp, sorted.
pub fn waiting(root: &Path, cas: &[Certificate]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| e.ok())
        .filter_map(|e| super::stamped_file(e.path(), "tsq"))
        .filter(|f| f.exists() && check_kept(f, cas).is_err())
        .collect();
    out.sort();
    out
}
