//! The records the `status` tests add to `tests/fixtures/status-overdue` with
//! the real commands: a breach, a request never forwarded to the controller
//! and a new sub-processor.

/// The three commands, in order: `breach open` (aware at `breach_aware_at`),
/// `request log --no-forward` (received 2021-02-20 09:00) and
/// `subprocessor add nouveau` (contract starting `contract_start`).
pub(crate) fn status_records<'a>(
    breach_aware_at: &'a str,
    contract_start: &'a str,
) -> [Vec<&'a str>; 3] {
    [
        vec![
            "breach",
            "open",
            "--title",
            "Perte d'un portable",
            "--aware-at",
            breach_aware_at,
        ],
        vec![
            "request",
            "log",
            "--controller",
            "alpha",
            "--right",
            "access",
            "--received-at",
            "2021-02-20 09:00",
            "--summary",
            "Demande d'accès",
            "--no-forward",
        ],
        subprocessor_nouveau(contract_start),
    ]
}

/// `subprocessor add nouveau`: Nouveau SAS, hosting for the controller
/// `alpha`, its contract starting `contract_start`.
pub(crate) fn subprocessor_nouveau(contract_start: &str) -> Vec<&str> {
    vec![
        "subprocessor",
        "add",
        "nouveau",
        "--name",
        "Nouveau SAS",
        "--activity",
        "hébergement",
        "--controller",
        "alpha",
        "--contract-start",
        contract_start,
    ]
}
