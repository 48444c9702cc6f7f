//! The instruction the journeys log: a court's order to send the mail logs
//! to Switzerland.

/// `--now 2021-03-03 09:00 instruction log` of the Tribunal judiciaire's
/// order (received 2021-03-03 08:00) to send the mail logs to Switzerland
/// under the international letter rogatory 2021-17, for `controller`.
pub(crate) fn transfer_to_switzerland(controller: &str) -> Vec<&str> {
    vec![
        "--now",
        "2021-03-03 09:00",
        "instruction",
        "log",
        "--controller",
        controller,
        "--from",
        "Tribunal judiciaire",
        "--at",
        "2021-03-03 08:00",
        "--summary",
        "Communication des journaux de messagerie",
        "--transfer-country",
        "Suisse",
        "--legal-basis",
        "Commission rogatoire internationale n° 2021-17",
    ]
}
