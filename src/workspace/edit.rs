//! Editing the text of a YAML file written by a person without losing what
//! they wrote: replace one top-level section, replace or add one entry of a
//! list, append an entry to a list. Comments, blank lines and the order of
//! everything else survive, so `git diff` shows only what the tool changed.
//!
//! These functions only edit text; [`super::store`] reads the result back
//! and checks it is exactly the record meant before anything is written.

use serde::Serialize;

/// Serialises `value` as YAML, for the message of a failed rewrite.
fn to_yaml<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

/// Serialises `key: value` as a top-level YAML block.
pub(crate) fn section<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<String, String> {
    let mut map = serde_yaml::Mapping::new();
    let v = serde_yaml::to_value(value).map_err(|e| e.to_string())?;
    map.insert(serde_yaml::Value::String(key.to_string()), v);
    to_yaml(&map)
}

/// `lines[..start]`, then `block`, then `lines[end..]`, each line ending in
/// a line feed.
fn splice_lines(lines: &[&str], start: usize, end: usize, block: &str) -> String {
    let mut out = String::with_capacity(block.len() + lines.len() * 40);
    for l in &lines[..start] {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(block);
    for l in &lines[end..] {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// The end (exclusive) of the block that starts at `start`: the lines after
/// it for which `belongs` holds, without the blank lines at its end (they
/// separate it from what follows).
fn block_end(lines: &[&str], start: usize, belongs: impl Fn(&str) -> bool) -> usize {
    let mut end = start + 1;
    while end < lines.len() && belongs(lines[end]) {
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    end
}

/// `text` with `n` spaces before each of its non-empty lines.
fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    let mut out = String::with_capacity(text.len() + n * 8);
    for l in text.lines() {
        if !l.is_empty() {
            out.push_str(&pad);
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// The width of the white space a line starts with.
fn indentation(l: &str) -> usize {
    l.len() - l.trim_start().len()
}

/// Replaces the top-level block `key:` of a YAML text with `value`, or
/// appends it when absent. A block runs from its key to the next line that
/// starts at column 0 with anything but a space or a `-` (a comment at
/// column 0 belongs to what follows).
pub fn replace_section<T: Serialize + ?Sized>(
    text: &str,
    key: &str,
    value: &T,
) -> Result<String, String> {
    let block = section(key, value)?;
    let lines: Vec<&str> = text.lines().collect();
    let starts_key = |l: &str| {
        l.strip_prefix(key)
            .and_then(|r| r.strip_prefix(':'))
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    };
    match lines.iter().position(|l| starts_key(l)) {
        Some(start) => {
            let end = block_end(&lines, start, |l| {
                l.is_empty() || l.starts_with([' ', '\t', '-'])
            });
            Ok(splice_lines(&lines, start, end, &block))
        }
        None => {
            let mut out = text.trim_end_matches('\n').to_string();
            out.push_str("\n\n");
            out.push_str(&block);
            Ok(out)
        }
    }
}

/// Replaces the lines of the list entry whose `- id:` is `id` (or, with no
/// `id`, appends a new entry after the last line), keeping every other line.
/// The entry takes the indentation of the file's first `- id:` entry.
/// `None` when the layout is not the block style this can edit.
pub fn splice_entry<T: Serialize>(text: &str, id: Option<&str>, entry: &T) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let item_start = |l: &str| l.trim_start().starts_with("- id:").then(|| indentation(l));
    let pad = lines.iter().find_map(|l| item_start(l))?;
    let block = indent(&to_yaml(&vec![entry]).ok()?, pad);
    match id {
        None => {
            let mut out = text.trim_end_matches('\n').to_string();
            out.push('\n');
            out.push_str(&block);
            Some(out)
        }
        Some(id) => {
            let start = lines.iter().position(|l| {
                item_start(l) == Some(pad)
                    && l.trim_start()
                        .strip_prefix("- id:")
                        .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == id)
            })?;
            let end = block_end(&lines, start, |l| {
                l.trim().is_empty() || indentation(l) > pad
            });
            Some(splice_lines(&lines, start, end, &block))
        }
    }
}

/// Indentation of the entries under a top-level `key:` that is the last
/// top-level key, or `None` when there is no such key. `Some(None)`: the key
/// is there with no entry yet.
fn last_list_indent(text: &str, key: &str) -> Option<Option<usize>> {
    let lines: Vec<&str> = text.lines().collect();
    let head = format!("{key}:");
    let at = lines.iter().rposition(|l| l.starts_with(&head))?;
    if lines[at].trim_end() != head {
        return None;
    }
    for l in &lines[at + 1..] {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with("- ") || t == "-" {
            return Some(Some(indentation(l)));
        }
        return Some(None);
    }
    Some(None)
}

/// Appends `entry` to the list under the top-level `key:`, at the end of
/// the text, when that key is the last one; else adds `header` (comment
/// lines, each ending in a line feed) and the key at the end. Returns the
/// new text and the YAML of the entry alone.
pub fn append_entry<T: Serialize>(
    text: &str,
    key: &str,
    header: &str,
    entry: &T,
) -> Result<(String, String), String> {
    let yaml = to_yaml(&vec![entry])?;
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    let pad = match last_list_indent(text, key) {
        Some(n) => n.unwrap_or(0),
        None => {
            out.push('\n');
            out.push_str(header);
            out.push_str(key);
            out.push_str(":\n");
            0
        }
    };
    out.push_str(&indent(&yaml, pad));
    Ok((out, yaml))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Contract, Id, SubProcessor, SubProcessors};
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

    const LIST: &str = "# head comment\nsubprocessors:\n  - id: a\n    name: A\n    # inner comment of a\n    activities: [x]\n  # comment before b\n  - id: b\n    name: B\n";

    fn sp(id: &str, name: &str) -> SubProcessor {
        SubProcessor {
            id: Id::new(id).unwrap(),
            name: name.into(),
            address: None,
            contact: Contact::default(),
            activities: vec![],
            controllers: vec![],
            contract: Contract::default(),
            location: None,
            guarantees: None,
            to_confirm: vec![],
        }
    }

    #[test]
    fn changing_one_entry_keeps_the_comments_of_the_file_and_of_the_others() {
        let out = splice_entry(LIST, Some("a"), &sp("a", "A2")).unwrap();
        assert!(
            out.starts_with("# head comment\nsubprocessors:\n  - id: a\n    name: A2\n"),
            "{out}"
        );
        assert!(
            out.contains("  # comment before b\n  - id: b\n    name: B\n"),
            "{out}"
        );
        assert!(!out.contains("inner comment of a"), "{out}");
    }

    #[test]
    fn adding_an_entry_appends_it_with_the_same_indentation() {
        let out = splice_entry(LIST, None, &sp("c", "C")).unwrap();
        assert!(out.starts_with(LIST), "{out}");
        assert!(out.contains("\n  - id: c\n    name: C\n"), "{out}");
        let v: SubProcessors = serde_yaml::from_str(&out).unwrap();
        assert_eq!(v.subprocessors.len(), 3);
    }

    #[test]
    fn the_list_key_is_found_only_when_it_is_last() {
        let r = |t| last_list_indent(t, "records");
        assert_eq!(r("items: []\n"), None);
        assert_eq!(r("items: []\nrecords:\n"), Some(None));
        assert_eq!(r("items: []\nrecords:\n  - record: scan\n"), Some(Some(2)));
        assert_eq!(
            r("items: []\nrecords:\n# c\n- record: scan\n"),
            Some(Some(0))
        );
        assert_eq!(r("records: []\n"), None);
    }

    #[test]
    fn an_entry_is_appended_under_the_last_list_or_a_new_one() {
        let e = BTreeMap::from([("id", "x"), ("name", "X")]);
        let (out, yaml) = append_entry("records:\n  - id: a\n", "records", "# h\n", &e).unwrap();
        assert_eq!(out, "records:\n  - id: a\n  - id: x\n    name: X\n");
        assert_eq!(yaml, "- id: x\n  name: X\n");
        let (out, _) = append_entry("items: []", "records", "# h\n", &e).unwrap();
        assert_eq!(out, "items: []\n\n# h\nrecords:\n- id: x\n  name: X\n");
    }
}
