//! RFC 3161 time-stamps: a hash dated by a time-stamping authority (TSA),
//! independently of the processor's clock and of the workspace's journal.
//!
//! `FILE.tsq` is the request (a `TimeStampReq`: the SHA-256 of `FILE`, a
//! 64-bit nonce, `certReq`), `FILE.tsr` the authority's answer (a
//! `TimeStampResp` holding a CMS `SignedData` over a `TSTInfo`). This module
//! builds and reads them ([`request`], [`response`]), checks a response
//! against its request and checks its signature up to a trusted CA
//! ([`verify`]), posts a request to the authority ([`send`]), keeps the
//! files, journaled when they are in the workspace ([`keep`]), and
//! time-stamps a file, the workflows' evidence as it is written and then the
//! journal head, and finds what still waits for its `.tsr` ([`issue`]); it
//! says when the authority's time and the processor's clock differ by more
//! than [`CLOCK_GAP`] ([`clock_gap`]). It never
//! prints, never reads the clock or the environment: the URL and the CA
//! come from the command line's settings. The ASN.1 is RustCrypto's
//! (`x509-tsp`, `cms`, `x509-cert`), never hand-written DER.

pub mod issue;
pub mod keep;
pub mod request;
pub mod response;
pub mod send;
pub mod verify;

use std::path::{Path, PathBuf};

use crate::render::catalog::{Msg, Told};
use crate::workspace::WorkspaceError;

pub use request::Request;
pub use response::{Response, Stamp};
pub use verify::Refusal;

/// `FILE.tsq`: the request of `file`.
pub fn tsq_path(file: &Path) -> PathBuf {
    with_suffix(file, "tsq")
}

/// `FILE.tsr`: the response of `file`.
pub fn tsr_path(file: &Path) -> PathBuf {
    with_suffix(file, "tsr")
}

fn with_suffix(file: &Path, ext: &str) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// The file a `.tsr` or `.tsq` is for (`report.pdf.tsr` → `report.pdf`);
/// `None` when the name does not end in `ext`.
pub fn stamped_file(path: &Path, ext: &str) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(ext)?.strip_suffix('.')?;
    (!stem.is_empty()).then(|| path.with_file_name(stem))
}

/// The largest gap between the authority's time (`genTime`) and the
/// processor's clock for the same file or message that is not said: beyond
/// it, one of the clocks is wrong (or the request went to the authority
/// later, offline).
pub const CLOCK_GAP: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// The gap between the processor's instant and the authority's time, when
/// it is larger than [`CLOCK_GAP`] (positive: the authority's time is later).
pub fn clock_gap(
    processor: chrono::DateTime<chrono::Utc>,
    tsa: chrono::DateTime<chrono::Utc>,
) -> Option<chrono::TimeDelta> {
    let gap = tsa - processor;
    (gap.abs() > CLOCK_GAP).then_some(gap)
}

/// When the processor's clock made the request of `file` (its last
/// `timestamp.request` journal entry), when `file` is in `ws`.
pub fn requested_at(
    ws: &crate::workspace::Workspace,
    file: &Path,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let rel = keep::in_workspace(&ws.root, file)?;
    let entries = ws.journal().entries().ok()?;
    let entry = entries
        .iter()
        .rev()
        .find(|e| e.action == "timestamp.request" && e.subject == rel)?;
    chrono::DateTime::parse_from_rfc3339(&entry.at)
        .ok()
        .map(|t| t.to_utc())
}

/// Why a time-stamp could not be made, taken back or checked.
#[derive(Debug, thiserror::Error)]
pub enum TimestampError {
    /// A file could not be read (missing, unreadable).
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a DER time-stamp request.
    #[error("`{}` is not an RFC 3161 time-stamp request (.tsq): {why}", path.display())]
    NotRequest {
        /// The file.
        path: PathBuf,
        /// The parser's words.
        why: String,
    },
    /// The file is not a DER time-stamp response.
    #[error("`{}` is not an RFC 3161 time-stamp response (.tsr): {why}", path.display())]
    NotResponse {
        /// The file.
        path: PathBuf,
        /// The parser's words.
        why: String,
    },
    /// A trusted CA file could not be read as PEM certificates.
    #[error("`{}` holds no readable PEM certificate: {why}", path.display())]
    BadCa {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The authority could not be reached or did not answer 200.
    #[error("the time-stamping authority {url} did not answer: {why}")]
    Tsa {
        /// `DPO_TSA_URL`.
        url: String,
        /// Why.
        why: String,
    },
    /// The file already has a `.tsr` that verifies: a proof is never
    /// replaced (exit 2).
    #[error("`{}` is already time-stamped", path.display())]
    AlreadyStamped {
        /// The stamped file.
        path: PathBuf,
    },
    /// `DPO_TSA_URL` carries a user or a password (never printed).
    #[error("DPO_TSA_URL carries a user name or a password")]
    UrlUserinfo,
    /// The response does not prove what it should (exit 1).
    #[error("{refusal}")]
    Refused {
        /// The `.tsr`.
        path: PathBuf,
        /// Which check failed.
        refusal: Refusal,
    },
    /// The workspace (lock, write, journal).
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl TimestampError {
    /// A check that failed (exit 1), as opposed to bad input (exit 2).
    pub fn is_refusal(&self) -> bool {
        matches!(self, TimestampError::Refused { .. })
    }

    /// The error, from the catalog.
    pub fn told(&self) -> Told {
        let at = |id: &'static str, p: &Path| Msg::new(id).arg("path", p.display().to_string());
        match self {
            TimestampError::Read { path, .. } => Told::new(at("timestamp-err-read", path)),
            TimestampError::NotRequest { path, why } => {
                Told::new(at("timestamp-err-not-tsq", path).arg("why", Msg::text(why.as_str())))
            }
            TimestampError::NotResponse { path, why } => {
                Told::new(at("timestamp-err-not-tsr", path).arg("why", Msg::text(why.as_str())))
            }
            TimestampError::BadCa { path, why } => {
                Told::new(at("timestamp-err-bad-ca", path).arg("why", Msg::text(why.as_str())))
            }
            TimestampError::Tsa { url, why } => Told::new(
                Msg::new("timestamp-err-tsa")
                    .arg("url", url.as_str())
                    .arg("why", Msg::text(why.as_str())),
            )
            .hint(Msg::new("timestamp-err-tsa-hint")),
            TimestampError::AlreadyStamped { path } => Told::new(at("timestamp-err-already", path))
                .hint(
                    Msg::new("timestamp-err-already-hint").arg("path", path.display().to_string()),
                ),
            TimestampError::UrlUserinfo => Told::new(Msg::new("timestamp-err-url-userinfo")),
            TimestampError::Refused { path, refusal } => {
                Told::new(at("timestamp-refused", path).arg("why", refusal.msg()))
            }
            TimestampError::Workspace(w) => w.told(),
        }
    }
}

/// Reads a whole file, the error naming it.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, TimestampError> {
    std::fs::read(path).map_err(|source| TimestampError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The SHA-256 of a file's bytes.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    use rsa::sha2::Digest;
    rsa::sha2::Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_of_more_than_five_minutes_either_way_is_said() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
            .unwrap()
            .to_utc();
        let m = chrono::TimeDelta::minutes;
        assert_eq!(clock_gap(t, t + m(5)), None);
        assert_eq!(clock_gap(t, t - m(5)), None);
        assert_eq!(clock_gap(t, t + m(6)), Some(m(6)));
        assert_eq!(clock_gap(t, t - m(6)), Some(-m(6)));
    }

    #[test]
    fn paths_add_and_strip_the_suffix() {
        let f = Path::new("out/report.pdf");
        assert_eq!(tsq_path(f), Path::new("out/report.pdf.tsq"));
        assert_eq!(tsr_path(f), Path::new("out/report.pdf.tsr"));
        assert_eq!(stamped_file(&tsr_path(f), "tsr").as_deref(), Some(f));
        assert_eq!(stamped_file(Path::new("a.tsq"), "tsr"), None);
        assert_eq!(stamped_file(Path::new(".tsr"), "tsr"), None);
    }
}
