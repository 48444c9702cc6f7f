//! Posting a request to the time-stamping authority (RFC 3161 §3.4, HTTP):
//! `Content-Type: application/timestamp-query`, the answer's body is the
//! `.tsr`. `ureq` with rustls (ring), as the mail transport.

use std::time::Duration;

use super::TimestampError;

/// The largest answer read (a token with a few certificates is a few KiB).
const MAX_ANSWER: u64 = 1 << 20;

/// Posts `tsq` to `url`, returns the body of a 200 answer.
pub fn post(url: &str, tsq: &[u8], timeout: Duration) -> Result<Vec<u8>, TimestampError> {
    let fail = |why: String| TimestampError::Tsa {
        url: url.to_string(),
        why,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let mut answer = agent
        .post(url)
        .header("Content-Type", "application/timestamp-query")
        .send(tsq)
        .map_err(|e| fail(e.to_string()))?;
    let status = answer.status();
    if status != 200 {
        return Err(fail(format!("HTTP {status}")));
    }
    answer
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER)
        .read_to_vec()
        .map_err(|e| fail(e.to_string()))
}
