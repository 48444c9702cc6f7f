//! Breach files on disk: list, read, validate, create, and update the
//! sections the tool owns without touching the rest.
//!
//! A breach file is written by a person, with comments. When the tool records
//! a notification, a call, a deferral or the closing, it replaces only that
//! top-level section (`notifications:`, `calls:`, `deferred:`, `closed:`) in
//! the text, then reads the result back and checks it is exactly the record
//! it meant to write before replacing the file atomically. Comments and the
//! order of the person's fields survive.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::fields;
use super::BreachError;
use crate::model::{Breach, Id};
use crate::workspace::{self, read_record, Diagnostic, SourceFile, Workspace, WorkspaceLock};

/// The folder of breach files, relative to the workspace.
pub const DIR: &str = "breaches";

/// Where the file of breach `id` lives, relative to the workspace.
pub fn rel_path(id: &Id) -> String {
    format!("{DIR}/{id}.yaml")
}

/// A breach as read from its file.
#[derive(Debug)]
pub struct Loaded {
    /// The record.
    pub breach: Breach,
    /// The file as read (text, hash, positions).
    pub source: SourceFile,
}

/// Reads every breach file. Files that cannot be read are reported as
/// diagnostics and left out; the others are checked against the workspace.
pub fn load_all(ws: &Workspace) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let dir = ws.root.join(DIR);
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => return (out, diags),
    };
    names.sort();
    for name in names {
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{DIR}/{name}");
        let Some(stem) = name.strip_suffix(".yaml") else {
            diags.push(
                Diagnostic::error(
                    &rel,
                    (1, 1),
                    "",
                    "not a breach file: breach files are named `<id>.yaml`".into(),
                )
                .with_hint("move it out of `breaches/`"),
            );
            continue;
        };
        let Ok(id) = Id::new(stem) else {
            diags.push(Diagnostic::error(&rel, (1, 1), "", format!("`{stem}` is not a valid breach identifier: lowercase letters, digits and dashes")));
            continue;
        };
        match load_rel(ws, &id) {
            Ok((loaded, mut d)) => {
                diags.append(&mut d);
                out.push(loaded);
            }
            Err(BreachError::Invalid {
                mut diagnostics, ..
            }) => diags.append(&mut diagnostics),
            Err(e) => diags.push(Diagnostic::error(&rel, (1, 1), "", e.to_string())),
        }
    }
    (out, diags)
}

/// Reads and checks one breach; errors when the file is missing or invalid.
/// Warnings come back with the record.
pub fn load(ws: &Workspace, id: &Id) -> Result<(Loaded, Vec<Diagnostic>), BreachError> {
    load_rel(ws, id)
}

fn load_rel(ws: &Workspace, id: &Id) -> Result<(Loaded, Vec<Diagnostic>), BreachError> {
    let rel = rel_path(id);
    let (breach, source) = match read_record::<Breach>(&ws.root, &rel) {
        Ok(Some(v)) => v,
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
    let diags = check(ws, &breach, &source);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(BreachError::Invalid {
            file: rel,
            diagnostics: diags,
        });
    }
    Ok((Loaded { breach, source }, diags))
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
            Diagnostic::error(
                rel,
                src.locate("id"),
                "id",
                format!("the id `{}` differs from the file name `{expected}`", b.id),
            )
            .with_hint(format!("write `id: {expected}`, or rename the file")),
        );
    }
    if b.title.trim().is_empty() {
        d.push(Diagnostic::error(
            rel,
            src.locate("title"),
            "title",
            "the title is empty".into(),
        ));
    }
    if b.controllers.is_empty() {
        d.push(
            Diagnostic::error(
                rel,
                src.locate("controllers"),
                "controllers",
                "no controller is named: whom is this breach to be notified to?".into(),
            )
            .with_hint(format!(
                "list them, e.g. `controllers: [{}]`",
                ws.controllers
                    .first()
                    .map_or("…".to_string(), |(i, _)| i.to_string())
            )),
        );
    }
    let known = |id: &Id| ws.controller(id).is_some();
    for (i, c) in b.controllers.iter().enumerate() {
        if !known(c) {
            let field = format!("controllers[{i}]");
            d.push(
                Diagnostic::error(
                    rel,
                    src.locate(&field),
                    &field,
                    format!("unknown controller `{c}`"),
                )
                .with_hint(format!(
                    "controllers are the files of `controllers/`: {}",
                    ids(ws)
                )),
            );
        }
    }
    for (i, n) in b.notifications.iter().enumerate() {
        if !b.controllers.contains(&n.controller) {
            let field = format!("notifications[{i}].controller");
            d.push(Diagnostic::error(
                rel,
                src.locate(&field),
                &field,
                format!(
                    "controller `{}` is not one of this breach's controllers",
                    n.controller
                ),
            ));
        }
    }
    for (i, c) in b.calls.iter().enumerate() {
        if !b.controllers.contains(&c.controller) {
            let field = format!("calls[{i}].controller");
            d.push(Diagnostic::error(
                rel,
                src.locate(&field),
                &field,
                format!(
                    "controller `{}` is not one of this breach's controllers",
                    c.controller
                ),
            ));
        }
    }
    for key in fields::unknown_deferrals(b) {
        let field = format!("deferred.{key}");
        let names: Vec<&str> = fields::REQUIRED.iter().map(|f| f.key()).collect();
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
            Some((dist, n)) if dist <= 3 => format!("did you mean `{n}`?"),
            _ => format!("the fields that may be deferred are: {}", names.join(", ")),
        };
        d.push(
            Diagnostic::error(
                rel,
                src.locate(&field),
                &field,
                format!("`{key}` is not a field that can be deferred"),
            )
            .with_hint(hint),
        );
    }
    for (key, reason) in &b.deferred {
        if reason.trim().is_empty() {
            let field = format!("deferred.{key}");
            d.push(Diagnostic::warning(
                rel,
                src.locate(&field),
                &field,
                "deferred without a reason: it counts as missing".into(),
            ));
        }
    }
    let order = [
        ("occurred_at", b.occurred_at),
        ("discovered_at", b.discovered_at),
        ("aware_at", Some(b.aware_at)),
    ];
    for w in order.windows(2) {
        if let ((a, Some(ta)), (bn, Some(tb))) = (w[0], w[1]) {
            if ta > tb {
                d.push(Diagnostic::warning(
                    rel,
                    src.locate(bn),
                    bn,
                    format!("{bn} is before {a}: check the dates"),
                ));
            }
        }
    }
    d
}

fn ids(ws: &Workspace) -> String {
    let v: Vec<String> = ws.controllers.iter().map(|(i, _)| i.to_string()).collect();
    if v.is_empty() {
        "(none)".into()
    } else {
        v.join(", ")
    }
}

/// The next free identifier of the form `YYYY-NNN` for `year`.
pub fn next_id(root: &Path, year: i32) -> Result<Id, crate::model::IdError> {
    crate::workspace::next_record_id(root, DIR, year)
}

/// Writes a new breach file, refusing to overwrite one; `text` is checked to
/// read back as `expected`.
pub fn create(
    ws: &Workspace,
    _lock: &WorkspaceLock,
    expected: &Breach,
    text: &str,
) -> Result<PathBuf, BreachError> {
    let rel = rel_path(&expected.id);
    let path = ws.root.join(&rel);
    if path.exists() {
        return Err(BreachError::Exists {
            id: expected.id.clone(),
            path,
        });
    }
    verify(&rel, text, expected)?;
    workspace::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// Replaces the file of `old` with `new`, changing only the tool-owned
/// sections that differ. Returns the new text.
pub fn update(
    ws: &Workspace,
    _lock: &WorkspaceLock,
    loaded: &Loaded,
    new: &Breach,
) -> Result<String, BreachError> {
    let old = &loaded.breach;
    let rel = rel_path(&new.id);
    // The file must not have changed since it was read under this lock.
    let current =
        std::fs::read(ws.root.join(&rel)).map_err(|source| workspace::WorkspaceError::Read {
            path: ws.root.join(&rel),
            source,
        })?;
    if workspace::journal::sha256_hex(&current) != loaded.source.sha256 {
        return Err(BreachError::Changed {
            path: ws.root.join(&rel),
        });
    }
    let mut text = loaded.source.text.clone();
    if old.deferred != new.deferred {
        text = replace_section(&text, "deferred", &new.deferred)?;
    }
    if old.notifications != new.notifications {
        text = replace_section(&text, "notifications", &new.notifications)?;
    }
    if old.calls != new.calls {
        text = replace_section(&text, "calls", &new.calls)?;
    }
    if old.closed != new.closed {
        text = replace_section(&text, "closed", &new.closed)?;
    }
    verify(&rel, &text, new)?;
    workspace::write_atomic(&ws.root.join(&rel), text.as_bytes())?;
    Ok(text)
}

fn verify(rel: &str, text: &str, expected: &Breach) -> Result<(), BreachError> {
    match serde_yaml::from_str::<Breach>(text) {
        Ok(b) if &b == expected => Ok(()),
        Ok(_) => Err(BreachError::Rewrite {
            file: rel.to_string(),
            message: "the file would not read back as the intended record".into(),
        }),
        Err(e) => Err(BreachError::Rewrite {
            file: rel.to_string(),
            message: e.to_string(),
        }),
    }
}

/// Serialises `key: value` as a top-level YAML block.
fn section<T: Serialize>(key: &str, value: &T) -> Result<String, BreachError> {
    let mut map = serde_yaml::Mapping::new();
    let v = serde_yaml::to_value(value).map_err(|e| BreachError::Rewrite {
        file: key.to_string(),
        message: e.to_string(),
    })?;
    map.insert(serde_yaml::Value::String(key.to_string()), v);
    serde_yaml::to_string(&map).map_err(|e| BreachError::Rewrite {
        file: key.to_string(),
        message: e.to_string(),
    })
}

/// Replaces the top-level block `key:` of a YAML text with `value`, or
/// appends it when absent. A block runs from its key to the next line that
/// starts at column 0 with anything but a space or a `-` (a comment at
/// column 0 belongs to what follows).
pub fn replace_section<T: Serialize>(
    text: &str,
    key: &str,
    value: &T,
) -> Result<String, BreachError> {
    let block = section(key, value)?;
    let lines: Vec<&str> = text.lines().collect();
    let starts_key = |l: &str| {
        l.strip_prefix(key)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    };
    let mut out = String::with_capacity(text.len() + block.len());
    match lines.iter().position(|l| starts_key(l)) {
        Some(start) => {
            let mut end = start + 1;
            while end < lines.len() {
                let l = lines[end];
                if l.is_empty() || l.starts_with([' ', '\t', '-']) {
                    end += 1;
                } else {
                    break;
                }
            }
            while end > start + 1 && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            for l in &lines[..start] {
                out.push_str(l);
                out.push('\n');
            }
            out.push_str(&block);
            for l in &lines[end..] {
                out.push_str(l);
                out.push('\n');
            }
        }
        None => {
            out.push_str(text.trim_end_matches('\n'));
            out.push_str("\n\n");
            out.push_str(&block);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const TEXT: &str = "# a comment the DPO wrote\nid: 2021-001\ndeferred:\n  consequences: analyse en cours   # why\n\n# next\nnotifications:\n- phase: 1\n  x: y\ntitle: t\n";

    #[test]
    fn replacing_a_section_keeps_the_comments_and_the_other_keys() {
        let mut m = BTreeMap::new();
        m.insert("consequences".to_string(), "toujours en cours".to_string());
        let out = replace_section(TEXT, "deferred", &m).unwrap();
        assert!(out.starts_with("# a comment the DPO wrote\nid: 2021-001\ndeferred:\n  consequences: toujours en cours\n\n# next\nnotifications:\n"), "{out}");
        assert!(out.ends_with("title: t\n"), "{out}");
    }

    #[test]
    fn a_sequence_at_column_zero_belongs_to_its_key() {
        let out = replace_section(TEXT, "notifications", &Vec::<u32>::new()).unwrap();
        assert!(out.contains("notifications: []\ntitle: t\n"), "{out}");
        assert!(!out.contains("phase"), "{out}");
    }

    #[test]
    fn a_missing_section_is_appended() {
        let out = replace_section("id: x\n", "calls", &vec![1, 2]).unwrap();
        assert_eq!(out, "id: x\n\ncalls:\n- 1\n- 2\n");
    }

    #[test]
    fn a_key_that_only_starts_the_same_is_not_replaced() {
        let out = replace_section("closed_note: a\n", "closed", &Some(1)).unwrap();
        assert_eq!(out, "closed_note: a\n\nclosed: 1\n");
    }
}
