//! The real tools a user or a receiving team checks our outputs with:
//! `pdftotext` (Debian poppler-utils), `sha256sum` (coreutils),
//! `ssh-keygen -Y verify` (openssh-client) and Python's `bagit` validator
//! (PyPI bagit). `tests/run.sh` installs them when they are missing.

use std::path::Path;
use std::process::Command;

use super::dpo::Run;

/// Runs a tool and waits for it.
pub(crate) fn run(cmd: &mut Command) -> Run {
    Run::from(
        cmd.output().unwrap_or_else(|e| {
            panic!("cannot run {cmd:?}: {e} (tests/run.sh installs the tools)")
        }),
    )
}

/// The text of a PDF by `pdftotext`, with `extra` options (`-f 2 -l 2`).
pub(crate) fn pdftotext(pdf: &Path, extra: &[&str]) -> String {
    let out = run(Command::new("pdftotext").args(extra).arg(pdf).arg("-"));
    assert!(
        out.success(),
        "pdftotext failed on {}: {}",
        pdf.display(),
        out.text()
    );
    out.stdout_utf8()
}

/// The text of a PDF with white space collapsed, so that wrapped lines
/// compare with one-line values.
pub(crate) fn pdf_text(pdf: &Path) -> String {
    collapse(&pdftotext(pdf, &[]))
}

/// White space runs replaced by one space.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// SHA-256 of a file, hex, by the coreutils `sha256sum` a user would run.
pub(crate) fn sha256sum(path: &Path) -> String {
    let out = run(Command::new("sha256sum").arg(path));
    out.stdout()
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// `sha256sum` with `args` (`-c MANIFEST`…), run in `dir`.
pub(crate) fn sha256sum_in(dir: &Path, args: &[&str]) -> Run {
    run(Command::new("sha256sum").args(args).current_dir(dir))
}

/// `python3 -m bagit --validate` on a bag.
pub(crate) fn python_bagit_validate(bag: &Path) -> Run {
    run(Command::new("python3")
        .args(["-m", "bagit", "--validate"])
        .arg(bag))
}

/// `ssh-keygen -Y verify` of `file` (on standard input) against the
/// signature `sig`, for `principal` in `allowed` (an allowed-signers file)
/// and the signature namespace `namespace`.
pub(crate) fn ssh_keygen_verify(
    allowed: &Path,
    principal: &str,
    namespace: &str,
    sig: &Path,
    file: &Path,
) -> Run {
    run(Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(allowed)
        .args(["-I", principal, "-n", namespace, "-s"])
        .arg(sig)
        .stdin(std::fs::File::open(file).expect("open the signed file")))
}

/// `s` with its no-break spaces (U+00A0, U+202F: French typography) as
/// plain spaces, to compare a document's text with words typed in a test.
pub(crate) fn plain(s: &str) -> String {
    s.replace(['\u{A0}', '\u{202F}'], " ")
}
