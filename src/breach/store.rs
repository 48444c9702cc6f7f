//! Breach files on disk: list, read and check them against the workspace,
//! create them, and update the sections the tool owns — through the
//! workspace's record store ([`crate::workspace::store`]), which keeps the
//! DPO's comments and the order of their fields.
//!
//! A breach file is written by a person, with comments. When the tool records
//! a notification, a call, a deferral or the closing, it replaces only that
//! top-level section ([`SECTIONS`]) in the text, then reads the result back
//! and checks it is exactly the record it meant to write before replacing
//! the file atomically.

use std::path::PathBuf;

use super::fields;
use super::BreachError;
use crate::model::{Breach, Id};
use crate::render::catalog::Msg;
use crate::render::said::Refusal;
use crate::render::words;
use crate::workspace::kinds::{self, Record};
use crate::workspace::store::{self, StoreError, Stored};
use crate::workspace::{Diagnostic, SourceFile, Workspace, WorkspaceLock};

/// The folder of breach files, relative to the workspace.
pub const DIR: &str = kinds::BREACH.path;

/// The top-level sections the tool writes; the rest is the DPO's.
pub const SECTIONS: [&str; 4] = ["deferred", "notifications", "calls", "closed"];

/// Where the file of breach `id` lives, relative to the workspace.
pub fn rel_path(id: &Id) -> String {
    store::record_rel(DIR, id)
}

/// A breach as read from its file.
#[derive(Debug)]
pub struct Loaded {
    /// The record.
    pub breach: Breach,
    /// The file as read (text, hash, positions).
    pub source: SourceFile,
}

impl From<Stored<Breach>> for Loaded {
    fn from(s: Stored<Breach>) -> Self {
        Self {
            breach: s.record,
            source: s.source,
        }
    }
}

impl From<Loaded> for Stored<Breach> {
    fn from(l: Loaded) -> Self {
        Self {
            record: l.breach,
            source: l.source,
        }
    }
}

/// Reads every breach file. Files that cannot be read are reported as
/// diagnostics and left out; the others are checked against the workspace.
pub fn load_all(ws: &Workspace) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for name in store::file_names(&ws.root, DIR).unwrap_or_default() {
        let rel = format!("{DIR}/{name}");
        let Some(stem) = name.strip_suffix(".yaml") else {
            diags.push(
                Refusal::new(Msg::new("duties-not-a-breach-file"))
                    .hint(Msg::new("duties-not-a-breach-file-hint"))
                    .error_at(&rel, (1, 1), ""),
            );
            continue;
        };
        let Ok(id) = Id::new(stem) else {
            diags.push(
                Refusal::new(Msg::new("duties-not-a-breach-id").arg("stem", stem)).error_at(
                    &rel,
                    (1, 1),
                    "",
                ),
            );
            continue;
        };
        match load(ws, &id) {
            Ok((loaded, mut d)) => {
                diags.append(&mut d);
                out.push(loaded);
            }
            Err(BreachError::Invalid {
                mut diagnostics, ..
            }) => diags.append(&mut diagnostics),
            Err(e) => diags.push(Refusal::file_error(e.refusal(), &rel, e.to_string())),
        }
    }
    (out, diags)
}

impl Record for Breach {
    fn diagnostics(ws: &Workspace, now: chrono::DateTime<chrono::Utc>) -> Vec<Diagnostic> {
        let (loaded, mut d) = load_all(ws);
        for l in &loaded {
            d.extend(in_the_future(&l.breach, &l.source, now));
        }
        d
    }
}

/// Reads and checks one breach; errors when the file is missing or invalid.
/// Warnings come back with the record.
pub fn load(ws: &Workspace, id: &Id) -> Result<(Loaded, Vec<Diagnostic>), BreachError> {
    let rel = rel_path(id);
    let loaded: Loaded = match store::read::<Breach>(&ws.root, &rel) {
        Ok(Some(s)) => s.into(),
        Ok(None) => {
            return Err(BreachError::NotFound {
                id: id.clone(),
                path: ws.root.join(&rel),
            })
        }
        Err(diagnostics) => {
            return Err(BreachError::Invalid {
                file: rel,
                diagnostics,
            })
        }
    };
    let diags = check(ws, &loaded.breach, &loaded.source);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(BreachError::Invalid {
            file: rel,
            diagnostics: diags,
        });
    }
    Ok((loaded, diags))
}

/// Checks a breach against the workspace: its id, its controllers, its
/// deferrals and the order of its dates.
pub fn check(ws: &Workspace, b: &Breach, src: &SourceFile) -> Vec<Diagnostic> {
    let rel = src.rel.as_str();
    let mut d = Vec::new();
    let expected = rel
        .trim_start_matches("breaches/")
        .trim_end_matches(".yaml");
    if b.id.as_str() != expected {
        d.push(
            Diagnostic::error_msg(
                rel,
                src.locate("id"),
                "id",
                Msg::new("breach-id-differs")
                    .arg("id", b.id.to_string())
                    .arg("expected", expected),
            )
            .with_hint_msg(Msg::new("breach-id-differs-hint").arg("expected", expected)),
        );
    }
    if b.title.trim().is_empty() {
        d.push(Diagnostic::error_msg(
            rel,
            src.locate("title"),
            "title",
            Msg::new("breach-title-empty"),
        ));
    }
    if b.controllers.is_empty() {
        d.push(
            Diagnostic::error_msg(
                rel,
                src.locate("controllers"),
                "controllers",
                Msg::new("breach-no-controller"),
            )
            .with_hint_msg(
                Msg::new("breach-no-controller-hint").arg(
                    "example",
                    ws.controllers
                        .first()
                        .map_or("…".to_string(), |(i, _)| i.to_string()),
                ),
            ),
        );
    }
    let known = |id: &Id| ws.controller(id).is_some();
    for (i, c) in b.controllers.iter().enumerate() {
        if !known(c) {
            let field = format!("controllers[{i}]");
            d.push(
                Diagnostic::error_msg(
                    rel,
                    src.locate(&field),
                    &field,
                    Msg::new("breach-unknown-controller").arg("id", c.to_string()),
                )
                .with_hint_msg(
                    Msg::new("breach-unknown-controller-hint").arg("known", ws.known_controllers()),
                ),
            );
        }
    }
    let recorded = [
        (
            "notifications",
            b.notifications.iter().map(|n| &n.controller).collect(),
        ),
        (
            "calls",
            b.calls.iter().map(|c| &c.controller).collect::<Vec<_>>(),
        ),
    ];
    for (list, controllers) in recorded {
        for (i, c) in controllers.into_iter().enumerate() {
            if !b.controllers.contains(c) {
                let field = format!("{list}[{i}].controller");
                d.push(Diagnostic::error_msg(
                    rel,
                    src.locate(&field),
                    &field,
                    Msg::new("breach-controller-not-concerned").arg("id", c.to_string()),
                ));
            }
        }
    }
    // What issue 9 added: the description never deferred, stale
    // deferrals, the sub-processors involved, an end and "ongoing" at once.
    let error =
        |field: &str, message: Msg| Diagnostic::error_msg(rel, src.locate(field), field, message);
    let warning =
        |field: &str, message: Msg| Diagnostic::warning_msg(rel, src.locate(field), field, message);
    for key in fields::forbidden_deferrals(b) {
        d.push(
            error(
                &format!("deferred.{key}"),
                Msg::new("breach-description-not-deferrable"),
            )
            .with_hint_msg(Msg::new("breach-description-not-deferrable-hint")),
        );
    }
    for (key, f) in fields::stale_deferrals(b) {
        if f.deferrable() {
            let message = Msg::new("breach-stale-deferral").arg("field", f.key());
            d.push(
                warning(&format!("deferred.{key}"), message)
                    .with_hint_msg(Msg::new("breach-stale-deferral-hint")),
            );
        }
    }
    for (i, p) in b.subprocessors.iter().flatten().enumerate() {
        if !ws.subprocessors.iter().any(|s| &s.id == p) {
            let message = Msg::new("check-unknown-subprocessor")
                .arg("id", p.to_string())
                .arg("file", "subprocessors.yaml");
            d.push(
                error(&format!("subprocessors[{i}]"), message).with_hint_msg(
                    Msg::new("breach-declared").arg("known", ws.known_subprocessors()),
                ),
            );
        }
    }
    if b.ongoing == Some(true) && b.ended_at.is_some() {
        d.push(warning("ongoing", Msg::new("breach-ongoing-and-ended")));
    }
    for key in fields::unknown_deferrals(b) {
        let field = format!("deferred.{key}");
        let names: Vec<&str> = fields::all().map(|f| f.key()).collect();
        let best = names
            .iter()
            .map(|n| {
                (
                    strsim::levenshtein(key, n.rsplit('.').next().unwrap_or(n)),
                    *n,
                )
            })
            .min();
        let hint = match best {
            Some((dist, n)) if dist <= 3 => Msg::new("hint-did-you-mean").arg("name", n),
            _ => Msg::new("breach-deferrable-fields").arg("fields", names.join(", ")),
        };
        d.push(
            error(&field, Msg::new("breach-not-deferrable").arg("field", key)).with_hint_msg(hint),
        );
    }
    for (key, reason) in &b.deferred {
        if reason.trim().is_empty() {
            let field = format!("deferred.{key}");
            d.push(warning(&field, Msg::new("breach-deferred-without-reason")));
        }
    }
    d.extend(order(b, src));
    d
}

/// The instants of `b` out of order: it occurred, then was discovered, then
/// the processor became aware of it (occurred_at <= discovered_at <=
/// aware_at, the ones known), and it did not end before it occurred.
fn order(b: &Breach, src: &SourceFile) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let known: Vec<(&str, chrono::DateTime<chrono::FixedOffset>)> = [
        ("occurred_at", b.occurred_at),
        ("discovered_at", b.discovered_at),
        ("aware_at", Some(b.aware_at)),
    ]
    .into_iter()
    .filter_map(|(k, t)| t.map(|t| (k, t)))
    .collect();
    let mut pairs: Vec<_> = known
        .iter()
        .enumerate()
        .flat_map(|(i, a)| known[i + 1..].iter().map(move |b| (*a, *b)))
        .collect();
    if let (Some(o), Some(e)) = (b.occurred_at, b.ended_at) {
        pairs.push((("occurred_at", o), ("ended_at", e)));
    }
    for ((a, ta), (bn, tb)) in pairs {
        if ta > tb {
            let message = Msg::new("breach-out-of-order")
                .arg("later", bn)
                .arg("later_at", words::show(tb))
                .arg("earlier", a)
                .arg("earlier_at", words::show(ta));
            d.push(
                Diagnostic::error_msg(&src.rel, src.locate(bn), bn, message).with_hint_msg(
                    Msg::new("breach-out-of-order-hint")
                        .arg("earlier", a)
                        .arg("later", bn),
                ),
            );
        }
    }
    d
}

/// The instants of `b` later than `now` (the command's clock): a breach
/// file records what has happened.
pub fn in_the_future(
    b: &Breach,
    src: &SourceFile,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Diagnostic> {
    [
        ("occurred_at", b.occurred_at),
        ("discovered_at", b.discovered_at),
        ("aware_at", Some(b.aware_at)),
        ("ended_at", b.ended_at),
    ]
    .into_iter()
    .filter_map(|(k, t)| t.filter(|t| t.to_utc() > now).map(|t| (k, t)))
    .map(|(k, t)| {
        Diagnostic::error_msg(
            &src.rel,
            src.locate(k),
            k,
            Msg::new("breach-in-the-future")
                .arg("field", k)
                .arg("at", words::show(t)),
        )
        .with_hint_msg(Msg::new("breach-in-the-future-hint"))
    })
    .collect()
}

/// Every problem of `b`, read from `src`, as of `now`: what `dpo check`,
/// `breach open` and `breach set` check.
pub fn problems(
    ws: &Workspace,
    b: &Breach,
    src: &SourceFile,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Diagnostic> {
    let mut d = check(ws, b, src);
    d.extend(in_the_future(b, src, now));
    d
}

/// The next free identifier of the form `YYYY-NNN` (`YYYY-TAG-NNN` in a
/// tagged git clone, [`Workspace::record_tag`]), `YYYY` being the year the
/// processor became aware of the breach (`aware_at`, in the processor's
/// timezone).
pub fn next_id(
    ws: &Workspace,
    aware_at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Id, BreachError> {
    let tag = ws.record_tag(aware_at)?;
    Ok(crate::workspace::next_record_id(
        &ws.root, DIR, aware_at, ws.tz, tag,
    )?)
}

/// Writes a new breach file, refusing to overwrite one; `text` is checked to
/// read back as `expected`.
pub fn create(
    ws: &Workspace,
    lock: &WorkspaceLock,
    expected: &Breach,
    text: &str,
) -> Result<PathBuf, BreachError> {
    let rel = rel_path(&expected.id);
    store::create_text(ws, lock, &rel, text.to_string(), expected.clone()).map_err(
        |e| match e {
            StoreError::Exists { path, .. } => BreachError::Exists {
                id: expected.id.clone(),
                path,
            },
            e => e.into(),
        },
    )?;
    Ok(ws.root.join(rel))
}

/// Replaces the file of `loaded` with `new`, changing only the tool-owned
/// [`SECTIONS`] that differ; refuses when the file changed since it was
/// read. Returns the breach as now stored.
pub fn update(
    ws: &Workspace,
    lock: &WorkspaceLock,
    loaded: &Stored<Breach>,
    new: Breach,
) -> Result<Stored<Breach>, BreachError> {
    Ok(store::update(ws, lock, loaded, new, &SECTIONS)?)
}
