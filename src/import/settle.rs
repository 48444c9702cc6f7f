//! A record read from a row made readable field by field: a value the
//! record's type cannot take (a language `de`, an identifier with a space,
//! a controller's name where its id is expected) is reported at its own
//! cell and left out, and the rest of the record kept. `serde_path_to_error`
//! names the field serde stopped at; the value is taken out and the record
//! tried again, until it reads.
//!
//! A required field left without a value is given the caller's value (the
//! placeholder words for a name, which `dpo check` reports; an identifier
//! made from a name) or, when there is none to give (a convention's start
//! date), left out of the file: `dpo check` then names it.

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

/// One step into a record: a field or a list's item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A field.
    Key(String),
    /// An item, from 0.
    Index(usize),
}

/// The last field named in `path` (`security_measures` for
/// `activities[2].security_measures[0]`).
pub(crate) fn leaf(path: &[Step]) -> Option<&str> {
    path.iter().rev().find_map(|s| match s {
        Step::Key(k) => Some(k.as_str()),
        Step::Index(_) => None,
    })
}

fn steps(path: &serde_path_to_error::Path) -> Option<Vec<Step>> {
    use serde_path_to_error::Segment;
    path.iter()
        .map(|s| match s {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// The value at `path`, taken out of `v`.
fn take(v: &mut Value, path: &[Step]) -> Option<Value> {
    let (last, head) = path.split_last()?;
    let mut at = v;
    for s in head {
        at = match s {
            Step::Key(k) => at.as_mapping_mut()?.get_mut(k.as_str())?,
            Step::Index(i) => at.as_sequence_mut()?.get_mut(*i)?,
        };
    }
    match last {
        Step::Key(k) => at.as_mapping_mut()?.shift_remove(k.as_str()),
        Step::Index(i) => {
            let s = at.as_sequence_mut()?;
            (*i < s.len()).then(|| s.remove(*i))
        }
    }
}

/// Sets the field at `path` (its last step a field) in `v`.
fn set(v: &mut Value, path: &[Step], value: Value) {
    let Some((Step::Key(last), head)) = path.split_last() else {
        return;
    };
    let mut at = v;
    for s in head {
        let next = match s {
            Step::Key(k) => at.as_mapping_mut().and_then(|m| m.get_mut(k.as_str())),
            Step::Index(i) => at.as_sequence_mut().and_then(|q| q.get_mut(*i)),
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    if let Some(m) = at.as_mapping_mut() {
        m.insert(Value::from(last.as_str()), value);
    }
}

/// A value's text, for a report.
pub(crate) fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Sequence(s) => s.iter().map(text_of).collect::<Vec<_>>().join("\n"),
        Value::Null => String::new(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// The record `m` made readable as `T`, its values that `T` cannot take
/// given to `bad` (the path and the value) and left out. `fill` gives a
/// required field left without a value (`None`: left out of the record,
/// and no `T` is made — the record is written all the same and `dpo
/// check` names the field). `Err` with the record when serde stops at no
/// field (the record's shape itself): nothing of it can be kept.
pub(crate) fn settle<T: DeserializeOwned>(
    m: Mapping,
    fill: &dyn Fn(&[Step]) -> Option<Value>,
    bad: &mut dyn FnMut(&[Step], Value),
) -> Result<(Mapping, Option<T>), Mapping> {
    let mut record = Value::Mapping(m);
    // What is tried: the record, with a stand-in for each required value
    // left out (so that the other fields are still checked).
    let mut tried = record.clone();
    let mut whole = true;
    for _ in 0..256 {
        let e = match serde_path_to_error::deserialize::<_, T>(tried.clone()) {
            Ok(t) => {
                let Value::Mapping(m) = record else {
                    return Err(Mapping::new());
                };
                return Ok((m, whole.then_some(t)));
            }
            Err(e) => e,
        };
        let said = e.inner().to_string();
        let Some(mut path) = steps(e.path()) else {
            break;
        };
        if let Some(field) = said
            .split_once("missing field `")
            .and_then(|(_, r)| r.split_once('`'))
            .map(|(f, _)| f.to_string())
        {
            path.push(Step::Key(field.clone()));
            match fill(&path) {
                Some(v) => {
                    set(&mut record, &path, v.clone());
                    set(&mut tried, &path, v);
                }
                None => {
                    whole = false;
                    set(&mut tried, &path, stand_in(&field));
                }
            }
            continue;
        }
        if path.is_empty() || take(&mut tried, &path).is_none() {
            break;
        }
        let v = take(&mut record, &path).unwrap_or(Value::Null);
        bad(&path, v);
    }
    match record {
        Value::Mapping(m) => Err(m),
        _ => Err(Mapping::new()),
    }
}

/// A value a required field of that name can take, only to check the rest.
fn stand_in(field: &str) -> Value {
    match field {
        "start" | "decided_on" | "act_date" | "enforceable_on" => Value::from("2000-01-01"),
        "term_months" | "months" => Value::from(1),
        "id" => Value::from("x"),
        _ => Value::from("x"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubProcessor;

    #[test]
    fn a_bad_value_is_taken_out_and_the_rest_of_the_record_kept() {
        let m: Mapping = serde_yaml::from_str(
            "id: acme\nname: Acme\ncontrollers: [alpha, Commune alpha, bravo]\n",
        )
        .unwrap();
        let mut said = Vec::new();
        let (m, t) = settle::<SubProcessor>(m, &|_| None, &mut |p, v| {
            said.push((p.to_vec(), text_of(&v)))
        })
        .unwrap();
        let t = t.unwrap();
        assert_eq!(t.name, "Acme");
        assert_eq!(t.controllers.len(), 2);
        assert_eq!(
            said,
            vec![(
                vec![Step::Key("controllers".into()), Step::Index(1)],
                "Commune alpha".to_string()
            )]
        );
        assert_eq!(
            m.get("controllers").unwrap().as_sequence().unwrap().len(),
            2
        );
    }

    #[test]
    fn a_required_field_is_filled_or_left_out_and_the_record_still_kept() {
        let m: Mapping = serde_yaml::from_str("name: Acme\n").unwrap();
        let (m, t) = settle::<SubProcessor>(
            m,
            &|p| (leaf(p) == Some("id")).then(|| Value::from("acme")),
            &mut |_, _| panic!(),
        )
        .unwrap();
        assert_eq!(t.unwrap().id.as_str(), "acme");
        assert_eq!(m.get("id").and_then(Value::as_str), Some("acme"));
        let m: Mapping = serde_yaml::from_str("id: acme\n").unwrap();
        let (m, t) = settle::<SubProcessor>(m, &|_| None, &mut |_, _| panic!()).unwrap();
        assert!(t.is_none());
        assert!(m.get("name").is_none());
    }
}
