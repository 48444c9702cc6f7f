//! The call the journeys record after a breach notification: to Mme Martin,
//! at the controller's number.

/// `breach call <id>` to Mme Martin at 01 69 00 00 00, at `at` when given,
/// with its `outcome`.
pub(crate) fn call_mme_martin<'a>(
    id: &'a str,
    at: Option<&'a str>,
    outcome: &'a str,
) -> Vec<&'a str> {
    let mut args = vec![
        "breach",
        "call",
        id,
        "--to",
        "Mme Martin",
        "--number",
        "01 69 00 00 00",
    ];
    if let Some(at) = at {
        args.extend(["--at", at]);
    }
    args.extend(["--outcome", outcome]);
    args
}
