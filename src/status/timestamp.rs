//! The time-stamp source of `dpo status`: evidence of the workspace whose
//! RFC 3161 request (`FILE.tsq`) has no response (`FILE.tsr`) that verifies
//! yet — the authority failed when the evidence was written, or its
//! response does not verify. `dpo timestamp
//! --pending` asks again ([`crate::timestamp::issue::waiting`]).

use super::{State, StatusItem};
use crate::render::templates::Strings;
use crate::workspace::Workspace;

/// Kind of a file waiting for a time-stamp.
pub const KIND_WAITING: &str = "timestamp.waiting";

/// One item per file waiting for its time-stamp.
pub fn items(ws: &Workspace, s: &Strings) -> Vec<StatusItem> {
    let cas = crate::timestamp::issue::trusted_in(ws).unwrap_or_default();
    crate::timestamp::issue::waiting(&ws.root, &cas)
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(&ws.root).unwrap_or(&f).display().to_string();
            StatusItem {
                kind: KIND_WAITING.into(),
                subject: rel.clone(),
                title: s.fmt("timestamp-status-waiting", &[("file", rel.as_str().into())]),
                due: None,
                state: State::Pending,
                missing: Vec::new(),
                file: rel,
                period: None,
            }
        })
        .collect()
}
