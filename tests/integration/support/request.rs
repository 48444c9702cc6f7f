//! The request the journeys log most: a right of access, to
//! Juvisy-sur-Orge, not forwarded.

/// `--now 2021-03-26 11:00 request log --no-forward` of an access request to
/// `juvisy-sur-orge`, received at `received`, summarised `summary`.
pub(crate) fn access_request<'a>(received: &'a str, summary: &'a str) -> Vec<&'a str> {
    vec![
        "--now",
        "2021-03-26 11:00",
        "request",
        "log",
        "--controller",
        "juvisy-sur-orge",
        "--right",
        "access",
        "--received-at",
        received,
        "--summary",
        summary,
        "--no-forward",
    ]
}
