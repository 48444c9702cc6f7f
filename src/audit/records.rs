//! The record folders of the audit pack read generically — one YAML file per
//! record (`requests/`, `instructions/`, `subprocessor-notices/`) — so that
//! the pack holds whatever the workspace keeps, as a log in CSV and PDF, and
//! the journal excerpt of a pack restricted to one controller.

use crate::render::catalog::Msg;
use std::collections::BTreeSet;

use serde_yaml::Value;

use super::AuditError;
use crate::model::Id;
use crate::render::templates::Strings;
use crate::render::{escape_markdown, words, Templates};
use crate::workspace::{kinds, store, Diagnostic, Workspace};
use chrono_tz::Tz;

/// The record folders, with the string key of the title of their log: the
/// kinds of [`kinds::FILE_KINDS`] that have an audit log.
pub const RECORD_DIRS: &[(&str, &str)] = &kinds::audit_logs::<3>();

/// One record file.
#[derive(Debug)]
pub(crate) struct Record {
    /// Its `id` field, else the file stem.
    pub(crate) id: String,
    /// Path relative to the workspace.
    pub(crate) rel: String,
    /// File name.
    pub(crate) file_name: String,
    /// The text as read.
    pub(crate) text: String,
    /// Every `evidence/…` path it names.
    pub(crate) evidence: Vec<String>,
    /// Its scalar fields, flattened (`sent.at`, `recipients[0]`).
    pub(crate) fields: Vec<(String, String)>,
}

/// The records of a folder.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) records: Vec<Record>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// True when the record `v` concerns `controller`: its `controller` field
/// names it, or its `controllers` list holds it. A record that names no
/// controller concerns none in particular.
pub fn record_concerns(v: &Value, controller: &Id) -> bool {
    let c = controller.as_str();
    v.get("controller").and_then(Value::as_str) == Some(c)
        || v.get("controllers")
            .and_then(Value::as_sequence)
            .is_some_and(|s| s.iter().any(|x| x.as_str() == Some(c)))
}

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Mapping(m) => {
            for (k, v) in m {
                let k = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                let p = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        Value::Sequence(s) => {
            for (i, v) in s.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        Value::Tagged(t) => flatten(prefix, &t.value, out),
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::Bool(b) => out.push((prefix.to_string(), b.to_string())),
        Value::Number(n) => out.push((prefix.to_string(), n.to_string())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
    }
}

/// Reads the records of `dir`, those concerning `only` when given.
pub(crate) fn load_dir(ws: &Workspace, dir: &str, only: Option<&Id>) -> Result<Log, AuditError> {
    let path = ws.root.join(dir);
    let mut log = Log::default();
    let names = store::file_names(&ws.root, dir).map_err(|source| AuditError::Read {
        path: path.clone(),
        source,
    })?;
    for name in names
        .into_iter()
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
    {
        let rel = format!("{dir}/{name}");
        let file = path.join(&name);
        let text = std::fs::read_to_string(&file).map_err(|source| AuditError::Read {
            path: file.clone(),
            source,
        })?;
        let v: Value = match serde_yaml::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                log.diagnostics.push(Diagnostic::error_msg(
                    &rel,
                    (l, c),
                    "",
                    Msg::new("duties-audit-left-out").arg("why", e.to_string()),
                ));
                continue;
            }
        };
        if only.is_some_and(|c| !record_concerns(&v, c)) {
            continue;
        }
        let mut fields = Vec::new();
        flatten("", &v, &mut fields);
        let evidence = fields
            .iter()
            .filter(|(_, v)| v.starts_with("evidence/"))
            .map(|(_, v)| v.clone())
            .collect();
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or(stem)
            .to_string();
        log.records.push(Record {
            id,
            rel,
            file_name: name.clone(),
            text,
            evidence,
            fields,
        });
    }
    Ok(log)
}

/// The records as one table: the union of their fields, in order of first
/// appearance, one row per record.
fn table(records: &[Record]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut headers: Vec<String> = Vec::new();
    for r in records {
        for (k, _) in &r.fields {
            if !headers.contains(k) {
                headers.push(k.clone());
            }
        }
    }
    let rows = records
        .iter()
        .map(|r| {
            headers
                .iter()
                .map(|h| {
                    r.fields
                        .iter()
                        .find(|(k, _)| k == h)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    (headers, rows)
}

/// The records as a Markdown document a person reads: an overview table
/// (identifier, date, subject), then one section per record with its fields
/// as a labelled table, instants and dates in words in `tz`.
pub(crate) fn markdown(
    t: &Templates,
    tz: Tz,
    names: &Names,
    title: &str,
    records: &[Record],
) -> String {
    let s = t.strings();
    let value = |k: &str, v: &str| readable(s, tz, names, k, v);
    let mut md = format!("# {}\n\n", escape_markdown(title));
    let cols = s.list("audit_log_headers");
    if cols.len() == 3 {
        md.push_str(&format!(
            "| {} | {} | {} |\n|---|---|---|\n",
            cols[0], cols[1], cols[2]
        ));
        for r in records {
            let first = |keys: &[&str]| {
                keys.iter()
                    .find_map(|k| {
                        r.fields
                            .iter()
                            .find(|(f, v)| f == k && !v.trim().is_empty())
                    })
                    .map_or("—".to_string(), |(k, v)| escape_markdown(&value(k, v)))
            };
            md.push_str(&format!(
                "| {} | {} | {} |\n",
                escape_markdown(&r.id),
                first(&["received_at", "at", "created_at", "logged_at"]),
                first(&["summary", "subprocessor", "title"]),
            ));
        }
        md.push('\n');
    }
    let (field, val) = (s.get("audit_field_header"), s.get("audit_value_header"));
    for r in records {
        md.push_str(&format!("## {}\n\n", escape_markdown(&r.id)));
        md.push_str(&format!("| {field} | {val} |\n|---|---|\n"));
        for (k, v) in &r.fields {
            let v = if v.trim().is_empty() {
                "—".to_string()
            } else {
                escape_markdown(&value(k, v))
            };
            md.push_str(&format!("| {} | {v} |\n", escape_markdown(&label(s, k))));
        }
        md.push('\n');
    }
    md
}

/// The label of a flattened field path (`forwarded.sent_at`,
/// `recipients[0]`): each key's `audit_field.<key>` label, else the key with
/// spaces for underscores.
fn label(s: &Strings, path: &str) -> String {
    path.split('.')
        .map(|part| {
            let (key, index) = match part.split_once('[') {
                Some((k, i)) => (k, Some(i.trim_end_matches(']'))),
                None => (part, None),
            };
            let mut l = field_label(s, key);
            if let Some(i) = index.and_then(|i| i.parse::<usize>().ok()) {
                l.push_str(&format!(" {}", i + 1));
            }
            l
        })
        .collect::<Vec<_>>()
        .join(" — ")
}

/// A field code as the pack and the terminal say it (`contract.end` →
/// « contrat — fin »); `contact.email|contact.phone`, one of them, is said
/// « contact — courriel ou contact — téléphone ».
pub fn field_in_words(s: &Strings, code: &str) -> String {
    code.split('|')
        .map(|f| label(s, f))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", s.get("vc-audit-or")))
}

/// [`field_in_words`] of a list of codes, joined by commas.
pub fn fields_in_words(s: &Strings, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| field_in_words(s, c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// True when every key of the field path `code` has its words
/// (`audit_field.<key>`): [`field_in_words`] then says it without a code.
pub fn has_words(s: &Strings, code: &str) -> bool {
    code.split(['|', '.'])
        .all(|k| s.has(&format!("audit_field.{}", k.split('[').next().unwrap_or(k))))
}

/// The `audit_field.<key>` label of one key; a key without one (which the
/// unit test `every_field_of_a_logged_record_has_a_label` forbids for the
/// records the tool writes) keeps its name, spaces for underscores.
fn field_label(s: &Strings, key: &str) -> String {
    let name = format!("audit_field.{key}");
    if s.has(&name) {
        s.get(&name).to_string()
    } else {
        key.replace('_', " ")
    }
}

/// The names the logs write for ids: a controller's and a sub-processor's.
#[derive(Debug, Default)]
pub(crate) struct Names {
    controllers: Vec<(String, String)>,
    subprocessors: Vec<(String, String)>,
}

impl Names {
    /// The names of the workspace's controllers and sub-processors.
    pub(crate) fn of(ws: &Workspace) -> Self {
        Names {
            controllers: ws
                .controllers
                .iter()
                .map(|(id, c)| (id.to_string(), c.name.clone()))
                .collect(),
            subprocessors: ws
                .subprocessors
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect(),
        }
    }

    fn find<'a>(list: &'a [(String, String)], id: &str) -> Option<&'a str> {
        list.iter()
            .find(|(i, n)| i == id && !n.trim().is_empty())
            .map(|(_, n)| n.as_str())
    }
}

/// The last key of a flattened path, without its index.
fn leaf(key: &str) -> &str {
    let leaf = key.rsplit('.').next().unwrap_or(key);
    leaf.split_once('[').map_or(leaf, |(k, _)| k)
}

/// A code as the pack's language says it (a right, a kind of change, a
/// field left « à compléter », yes and no), for the CSV and the PDF alike;
/// `None` for a value that is not a code.
fn code_in_words(s: &Strings, key: &str, v: &str) -> Option<String> {
    let known = |k: String| s.has(&k).then(|| s.get(&k).to_string());
    match (leaf(key), v) {
        ("change", _) => known(format!("audit_change.{v}")),
        ("changed", _) => Some(field_label(s, v)),
        ("right", _) => known(format!("right.{v}")),
        ("incomplete", _) => Some(field_in_words(s, v)),
        (_, "true") => Some(s.get("yes").to_string()),
        (_, "false") => Some(s.get("no").to_string()),
        _ => None,
    }
}

/// A value as a person reads it: an instant or a date in words, a
/// controller or a sub-processor by its name, a code in words.
fn readable(s: &Strings, tz: Tz, names: &Names, key: &str, v: &str) -> String {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(v) {
        return words::long_instant(s, at, tz);
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return words::long_date(s, d);
    }
    let name = match leaf(key) {
        "controller" | "controllers" => Names::find(&names.controllers, v),
        "subprocessor" => Names::find(&names.subprocessors, v),
        _ => None,
    };
    if let Some(n) = name {
        return n.to_string();
    }
    code_in_words(s, key, v).unwrap_or_else(|| v.to_string())
}

/// The records as the log's CSV: a column per field, headed by its label
/// in the pack's language, codes in words; ids and ISO dates stay as they
/// are, as in the other CSVs of the pack. A column empty in every row (a
/// transfer or an objection no record has) is left out.
pub(super) fn csv_table(s: &Strings, records: &[Record]) -> (Vec<String>, Vec<Vec<String>>) {
    let (keys, rows) = table(records);
    let kept: Vec<usize> = (0..keys.len())
        .filter(|&i| rows.iter().any(|r| !r[i].trim().is_empty()))
        .collect();
    let rows = rows
        .into_iter()
        .map(|row| {
            kept.iter()
                .map(|&i| {
                    let v = row[i].clone();
                    if v.is_empty() {
                        v
                    } else {
                        code_in_words(s, &keys[i], &v).unwrap_or(v)
                    }
                })
                .collect()
        })
        .collect();
    (kept.iter().map(|&i| label(s, &keys[i])).collect(), rows)
}

/// Files that concern the processor as a whole, whose journal entries every
/// controller may see.
const PROCESSOR_WIDE: &[&str] = &[
    "workspace",
    "processor.yaml",
    "people.yaml",
    "security-measures.yaml",
    "subprocessors.yaml",
    "keys/",
];

/// The journal lines a pack restricted to `controller` may hold: those about
/// it, about a record in the pack, or about the processor as a whole — and
/// never one that names another controller. Returns them and how many were
/// left out.
pub(crate) fn journal_excerpt(
    ws: &Workspace,
    text: &str,
    controller: &Id,
    included: &BTreeSet<String>,
) -> (String, usize) {
    let others: Vec<(&str, &str)> = ws
        .controllers
        .iter()
        .filter(|(id, _)| id != controller)
        .map(|(id, c)| (id.as_str(), c.name.as_str()))
        .collect();
    let mut kept = String::new();
    let mut omitted = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let subject = serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("subject").and_then(|s| s.as_str()).map(String::from))
            .unwrap_or_default();
        let names_other = others
            .iter()
            .any(|(id, name)| line.contains(id) || (!name.is_empty() && line.contains(name)));
        let about_it = subject.contains(controller.as_str())
            || included.contains(&subject)
            || included.iter().any(|i| {
                subject.starts_with(&format!("{i}/")) || subject.starts_with(&format!("{i}-"))
            })
            || PROCESSOR_WIDE.iter().any(|p| subject.starts_with(p));
        if !names_other && about_it {
            kept.push_str(line);
            kept.push('\n');
        } else {
            omitted += 1;
        }
    }
    (kept, omitted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_concerns_the_controller_it_names_and_no_other() {
        let v: Value = serde_yaml::from_str("id: r1\ncontroller: alpha\n").unwrap();
        assert!(record_concerns(&v, &Id::new("alpha").unwrap()));
        assert!(!record_concerns(&v, &Id::new("bravo").unwrap()));
        let v: Value = serde_yaml::from_str("id: n1\ncontrollers: [alpha, bravo]\n").unwrap();
        assert!(record_concerns(&v, &Id::new("bravo").unwrap()));
        let v: Value = serde_yaml::from_str("id: x\n").unwrap();
        assert!(!record_concerns(&v, &Id::new("alpha").unwrap()));
    }

    /// Every property name anywhere in `T`'s JSON Schema.
    fn property_names<T: schemars::JsonSchema>() -> BTreeSet<String> {
        fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::Object(p)) = m.get("properties") {
                        out.extend(p.keys().cloned());
                    }
                    m.values().for_each(|v| walk(v, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
        let mut out = BTreeSet::new();
        walk(&schema, &mut out);
        out
    }

    #[test]
    fn every_field_of_a_logged_record_has_a_label() {
        use crate::model::{ChangeKind, Instruction, Lang, Request, SubProcessorNotice};
        let mut keys = property_names::<Request>();
        keys.extend(property_names::<Instruction>());
        keys.extend(property_names::<SubProcessorNotice>());
        assert!(keys.contains("pdf_sha256") && keys.contains("guarantees"));
        for lang in [Lang::Fr, Lang::En] {
            let t = Templates::new(lang).unwrap();
            let s = t.strings();
            let missing: Vec<&String> = keys
                .iter()
                .filter(|k| !s.has(&format!("audit_field.{k}")))
                .collect();
            assert!(
                missing.is_empty(),
                "{lang:?}: no audit_field label for {missing:?}"
            );
            for c in [ChangeKind::Added, ChangeKind::Changed] {
                let v = serde_yaml::to_string(&c).unwrap();
                let v = v.trim();
                assert_ne!(
                    readable(s, chrono_tz::UTC, &Names::default(), "change", v),
                    v,
                    "{lang:?}"
                );
            }
        }
    }

    #[test]
    fn nested_fields_are_flattened_with_their_path() {
        let v: Value = serde_yaml::from_str("a: 1\nb: {c: x, d: [y, z]}\ne: null\n").unwrap();
        let mut out = Vec::new();
        flatten("", &v, &mut out);
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b.c", "b.d[0]", "b.d[1]", "e"]);
    }
}
