//! Time-stamping a file: `FILE.tsq` written (journaled in the workspace),
//! posted to the authority when there is one, and `FILE.tsr` kept only once
//! it answers the request (granted, same imprint, same nonce). Used by
//! `dpo timestamp FILE` and, for the evidence of the workflows, by [`auto`]:
//! each notification, certificate and audit manifest, then the journal
//! head, written in `timestamps/journal.head.<seq>`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{keep, read, request, sha256, tsq_path, tsr_path, Request, Response, Stamp};
use super::{Refusal, TimestampError};
use crate::workspace::{Act, Workspace};

/// How long the authority is waited for.
pub const TSA_TIMEOUT: Duration = Duration::from_secs(30);

/// The folder of the journal heads' time-stamps, in the workspace.
pub const HEADS_DIR: &str = "timestamps";

/// Writes `FILE.tsq`; with `url`, posts it and keeps `FILE.tsr` once it
/// answers the request. `None` without a URL.
pub fn stamp_file(
    ws: Option<(&Workspace, &Act)>,
    url: Option<&str>,
    file: &Path,
) -> Result<Option<Stamp>, TimestampError> {
    let (req, tsq) = write_request(ws, url, file)?;
    url.map(|u| send_and_keep(ws, u, file, &req, &tsq))
        .transpose()
}

/// Writes `FILE.tsq` (kept first: a failed authority leaves it to retry).
fn write_request(
    ws: Option<(&Workspace, &Act)>,
    url: Option<&str>,
    file: &Path,
) -> Result<(Request, Vec<u8>), TimestampError> {
    let imprint = sha256(&read(file)?);
    let nonce = request::new_nonce().map_err(|why| TimestampError::Tsa {
        url: url.unwrap_or_default().to_string(),
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

/// Posts the request, keeps `FILE.tsr` once it answers it.
fn send_and_keep(
    ws: Option<(&Workspace, &Act)>,
    url: &str,
    file: &Path,
    req: &Request,
    tsq: &[u8],
) -> Result<Stamp, TimestampError> {
    let tsr = super::send::post(url, tsq, TSA_TIMEOUT)?;
    let refused = |refusal| TimestampError::Refused {
        path: tsr_path(file),
        refusal,
    };
    let resp = Response::read(&tsr).map_err(|e| match e {
        Ok(r) => refused(r),
        Err(why) => refused(Refusal::Token(why)),
    })?;
    resp.answers(req).map_err(refused)?;
    keep::keep(ws, "timestamp.response", file, &[(tsr_path(file), tsr)])?;
    Ok(resp.stamp())
}

/// The evidence files just written (`files`), then the journal head after
/// them, time-stamped by `url`: each result, never an error — a failed
/// authority leaves the evidence as it is, its `.tsq` waiting
/// ([`waiting`]).
pub fn auto(
    ws: &Workspace,
    act: &Act,
    url: &str,
    files: &[PathBuf],
) -> Vec<(PathBuf, Result<Stamp, TimestampError>)> {
    let place = Some((ws, act));
    let stamp = |f: &Path| {
        let (req, tsq) = write_request(place, Some(url), f)?;
        send_and_keep(place, url, f, &req, &tsq)
    };
    let mut out: Vec<_> = files.iter().map(|f| (f.clone(), stamp(f))).collect();
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

/// The files of the workspace with a `.tsq` and no `.tsr`: evidence waiting
/// for a time-stamp, sorted.
pub fn waiting(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| e.ok())
        .filter_map(|e| super::stamped_file(e.path(), "tsq"))
        .filter(|f| f.exists() && !tsr_path(f).exists())
        .collect();
    out.sort();
    out
}

/// What the kept `FILE.tsr` says, when it answers `FILE.tsq` and `FILE`
/// (imprint and nonce; `verify` checks the signature and the chain).
pub fn kept_stamp(file: &Path) -> Option<Stamp> {
    let req = Request::from_der(&read(&tsq_path(file)).ok()?).ok()?;
    let resp = Response::read(&read(&tsr_path(file)).ok()?).ok()?;
    (req.imprint == sha256(&read(file).ok()?) && resp.answers(&req).is_ok()).then(|| resp.stamp())
}
