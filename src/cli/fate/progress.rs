//! The progress bar of long hashing and copying work: drawn on standard
//! error when it is a terminal, from the first bytes done, and cleared at
//! the end; nothing at all when standard error is piped.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::fate::Progress;

/// Runs `f` with a progress callback that draws a bar on standard error
/// when it is a terminal (none otherwise), from the first bytes done; the
/// bar is cleared when `f` returns.
pub(super) fn with_progress<T>(
    roots: &[PathBuf],
    what: &str,
    f: impl FnOnce(Progress<'_>) -> T,
) -> T {
    if !std::io::stderr().is_terminal() {
        return f(None);
    }
    let bar = OnceLock::new();
    let cb = |n: u64| bar.get_or_init(|| progress_bar(roots, what)).inc(n);
    let out = f(Some(&cb));
    if let Some(pb) = bar.get() {
        pb.finish_and_clear();
    }
    out
}

/// A bar sized to the bytes of the files under `roots`.
fn progress_bar(roots: &[PathBuf], what: &str) -> ProgressBar {
    let total: u64 = roots
        .iter()
        .flat_map(|r| walkdir::WalkDir::new(r).into_iter().filter_map(Result::ok))
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    ) {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message(what.to_string());
    pb
}
