//! Posting a request to the time-stamping authority (RFC 3161 §3.4, HTTP):
//! `Content-Type: application/timestamp-query`, the answer's body is the
//! `.tsr`. `ureq` with rustls (ring), as the mail transport. A URL with a
//! user name or a password is refused, as `DPO_SMTP_URL`'s: it would be
//! printed in errors and kept in shell histories.

use std::time::Duration;

use super::TimestampError;

/// The largest answer read (a token with a few certificates is a few KiB).
const MAX_ANSWER: u64 = 1 << 20;

/// `url` as it may be shown: without what stands before an `@` of its
/// authority (a user name, a password).
pub fn shown(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match scheme {
        "" => format!("{host}{path}"),
        s => format!("{s}://{host}{path}"),
    }
}

/// Posts `tsq` to `url`, returns the body of a 200 answer.
pub fn post(url: &str, tsq: &[u8], timeout: Duration) -> Result<Vec<u8>, TimestampError> {
    if shown(url) != url {
        return Err(TimestampError::UrlUserinfo);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_user_or_password() {
        assert_eq!(
            shown("http://alice:S3cret@tsa.example/ts?x=1"),
            "http://tsa.example/ts?x=1"
        );
        assert_eq!(
            shown("https://tsa.example:8443/"),
            "https://tsa.example:8443/"
        );
        assert_eq!(shown("http://a@b@host"), "http://host");
        let e = post("http://alice:pw@127.0.0.1:9/", b"", Duration::from_secs(1));
        assert!(matches!(e, Err(TimestampError::UrlUserinfo)));
    }
}
