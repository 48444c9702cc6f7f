//! The circumstances of a new breach that the supervisory authority's
//! notification form asks for: taken from the options of `dpo breach open`,
//! and asked on a terminal for each one left out. An empty answer — or no
//! terminal — leaves it unknown: the notice says « à compléter ».

use chrono::{DateTime, FixedOffset};

use super::args::{CircumstanceArgs, OriginArg, YesNo};
use super::{prompt, time_arg};
use crate::breach::Circumstances;
use crate::cli::CliError;
use crate::model::{Id, Origin};
use crate::render::templates::Strings;
use crate::workspace::Workspace;

/// A non-empty answer to question `id` of the catalog, or `None`.
fn ask(s: &Strings, id: &str) -> Result<Option<String>, CliError> {
    Ok(prompt(&s.fmt(id, &[]))?.filter(|s| !s.trim().is_empty()))
}

/// Yes (`o`, `oui`, `y`, `yes`), no (`n`, `non`, `no`), or unknown.
fn ask_yes_no(s: &Strings, id: &str) -> Result<Option<bool>, CliError> {
    Ok(
        match ask(s, id)?.map(|a| a.trim().to_lowercase()).as_deref() {
            Some("y" | "yes" | "o" | "oui") => Some(true),
            Some("n" | "no" | "non") => Some(false),
            _ => None,
        },
    )
}

fn yes_no(v: Option<YesNo>) -> Option<bool> {
    v.map(|v| v == YesNo::Yes)
}

/// Items separated by commas, trimmed, empty ones left out.
fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// An instant with its time: the option `flag` when given, else asked on a
/// terminal (`question`); an empty answer, or no terminal, leaves it unknown.
/// A day without a time is refused either way, as for `--aware-at`.
fn instant(
    ws: &Workspace,
    flag: &'static str,
    given: Option<&str>,
    s: &Strings,
    question: &str,
) -> Result<Option<DateTime<FixedOffset>>, CliError> {
    let text = match given {
        Some(t) => Some(t.to_string()),
        None => {
            let q = s.fmt(question, &[("tz", ws.tz.name().into())]);
            prompt(&q)?.filter(|a| !a.trim().is_empty())
        }
    };
    text.map(|t| time_arg(flag, t.trim(), ws)).transpose()
}

/// When the breach started and when it was discovered (the CNIL's form asks
/// both): `--occurred-at` and `--discovered-at`, completed on a terminal.
pub(super) fn start_and_discovery(
    ws: &Workspace,
    occurred_at: Option<&str>,
    discovered_at: Option<&str>,
    s: &Strings,
) -> Result<Instants, CliError> {
    Ok((
        instant(ws, "--occurred-at", occurred_at, s, "prompt-occurred-at")?,
        instant(
            ws,
            "--discovered-at",
            discovered_at,
            s,
            "prompt-discovered-at",
        )?,
    ))
}

/// When it started and when it was discovered.
type Instants = (Option<DateTime<FixedOffset>>, Option<DateTime<FixedOffset>>);

/// Every question `dpo breach open` may ask, as catalog ids, in order.
#[cfg(test)]
const PROMPTS: [&str; 13] = [
    "prompt-title",
    "prompt-aware-at",
    "prompt-occurred-at",
    "prompt-discovered-at",
    "prompt-established",
    "prompt-discovery",
    "prompt-ended-at",
    "prompt-origin",
    "prompt-cause",
    "prompt-subprocessors",
    "prompt-media",
    "prompt-encrypted",
    "prompt-directly-identifiable",
];

/// True when `answer` is one of the words of message `id` (`en cours`,
/// `ongoing`…), in either language: an answer is understood whatever the
/// language of the question.
fn is_word(answer: &str, id: &str) -> bool {
    let a = answer.trim().to_lowercase();
    [crate::model::Lang::Fr, crate::model::Lang::En]
        .iter()
        .any(|l| Strings::of(*l).fmt(id, &[]) == a)
}

/// What the options say, completed on a terminal, asking in the language
/// of `s`.
pub(super) fn circumstances(
    ws: &Workspace,
    a: &CircumstanceArgs,
    s: &Strings,
) -> Result<Circumstances, CliError> {
    let mut k = Circumstances {
        discovery: a.discovery.clone(),
        established: (a.established || a.suspected).then_some(a.established),
        ended_at: a
            .ended_at
            .as_deref()
            .map(|t| time_arg("--ended-at", t, ws))
            .transpose()?,
        ongoing: a.ongoing.then_some(true),
        origin: a.origin.map(Origin::from),
        cause: a.cause.clone(),
        subprocessors: None,
        media: a.media.clone(),
        encrypted: yes_no(a.encrypted),
        directly_identifiable: yes_no(a.directly_identifiable),
    };
    let ids = |v: Vec<String>| -> Result<Vec<Id>, CliError> {
        v.iter()
            .map(|s| Id::new(s.trim()).map_err(|e| CliError::Usage(format!("--subprocessor: {e}"))))
            .collect()
    };
    if a.no_subprocessor {
        k.subprocessors = Some(Vec::new());
    } else if !a.subprocessor.is_empty() {
        k.subprocessors = Some(ids(a.subprocessor.clone())?);
    }
    if k.established.is_none() {
        k.established = ask_yes_no(s, "prompt-established")?;
    }
    if k.discovery.is_none() {
        k.discovery = ask(s, "prompt-discovery")?;
    }
    if k.ended_at.is_none() && k.ongoing.is_none() {
        match ask(s, "prompt-ended-at")? {
            Some(a) if is_word(&a, "answer-ongoing") => k.ongoing = Some(true),
            Some(a) => k.ended_at = Some(time_arg("ended at", &a, ws)?),
            None => {}
        }
    }
    if k.origin.is_none() {
        if let Some(a) = ask(s, "prompt-origin")? {
            let o = <OriginArg as clap::ValueEnum>::from_str(a.trim(), true)
                .map_err(|e| CliError::Usage(format!("origin: {e}")))?;
            k.origin = Some(o.into());
        }
    }
    if k.cause.is_none() {
        k.cause = ask(s, "prompt-cause")?;
    }
    if k.subprocessors.is_none() {
        k.subprocessors = match ask(s, "prompt-subprocessors")? {
            Some(a) if is_word(&a, "answer-none") => Some(Vec::new()),
            Some(a) => Some(ids(split(&a))?),
            None => None,
        };
    }
    if k.media.is_empty() {
        k.media = ask(s, "prompt-media")?
            .map(|a| split(&a))
            .unwrap_or_default();
    }
    if k.encrypted.is_none() {
        k.encrypted = ask_yes_no(s, "prompt-encrypted")?;
    }
    if k.directly_identifiable.is_none() {
        k.directly_identifiable = ask_yes_no(s, "prompt-directly-identifiable")?;
    }
    Ok(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn every_question_is_in_both_languages_and_ends_as_a_question() {
        for lang in [Lang::Fr, Lang::En] {
            let s = Strings::of(lang);
            for id in PROMPTS {
                assert!(s.has(id), "{id} missing in {}", lang.code());
                let q = s.fmt(id, &[("tz", "Europe/Paris".into())]);
                assert!(!q.contains('{'), "{id}: {q}");
            }
        }
        // An answer is understood in either language.
        assert!(is_word("en cours", "answer-ongoing") && is_word("Ongoing", "answer-ongoing"));
        assert!(is_word("aucun", "answer-none") && is_word("none", "answer-none"));
        assert!(!is_word("non", "answer-none"));
    }
}
