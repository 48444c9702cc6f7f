//! What the test SMTP server received, parsed by Python's `email` package
//! through `read_mail.py` (beside this file): every message with its headers,
//! body and attachments, and whether a kept `.eml` is the message received.

use std::path::Path;
use std::process::Command;

use super::smtp::SmtpServer;
use super::tools::run;

/// Runs `read_mail.py` with `args` and parses its JSON.
fn read_mail(args: &[&str]) -> serde_json::Value {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/support/read_mail.py");
    let out = run(Command::new("python3").arg(script).args(args));
    assert!(out.success(), "read_mail.py {args:?}: {}", out.stderr());
    out.json()
}

/// Waits for `n` messages, then returns every message received, parsed by
/// Python's `email` package, in the order of their Date headers.
pub(crate) fn received(server: &SmtpServer, n: usize) -> Vec<serde_json::Value> {
    let files = server.wait_for(n);
    assert_eq!(files.len(), n, "messages received: {files:?}");
    // Attachments go next to the Maildir, in the server's temporary folder,
    // which goes away with the server.
    let out = server.maildir.with_file_name("attachments");
    std::fs::create_dir_all(&out).expect("attachments dir");
    read_mail(&[
        "list",
        &server.maildir.display().to_string(),
        &out.display().to_string(),
    ])
    .as_array()
    .cloned()
    .unwrap_or_default()
}

/// Compares a kept `.eml` with a message file the server received:
/// `same_headers` and `same_body`.
pub(crate) fn compare(kept: &Path, received: &str) -> serde_json::Value {
    read_mail(&["compare", &kept.display().to_string(), received])
}

/// A kept `.eml` (a dry run's, say) parsed as [`received`] parses what the
/// server received; its attachments are written beside it, under
/// `<eml>.parts/`.
pub(crate) fn parsed(eml: &Path) -> serde_json::Value {
    let dir = eml.with_extension("parts");
    for sub in ["new", "cur", "tmp", "out"] {
        std::fs::create_dir_all(dir.join(sub)).expect("maildir");
    }
    std::fs::copy(eml, dir.join("new").join("message")).expect("copy the .eml");
    read_mail(&[
        "list",
        &dir.display().to_string(),
        &dir.join("out").display().to_string(),
    ])[0]
        .clone()
}
