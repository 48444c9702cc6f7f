//! The circumstances of a new breach that the supervisory authority's
//! notification form asks for: taken from the options of `dpo breach open`,
//! and asked on a terminal for each one left out. An empty answer — or no
//! terminal — leaves it unknown: the notice says « à compléter ».

use chrono::{DateTime, FixedOffset};

use super::args::{CircumstanceArgs, YesNo};
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

/// The origins in the order `prompt-origin` numbers them (1 to 5).
const ORIGINS: [Origin; 5] = [
    Origin::InternalMalicious,
    Origin::InternalAccidental,
    Origin::ExternalMalicious,
    Origin::ExternalAccidental,
    Origin::Unknown,
];

/// The origin an answer to `prompt-origin` names: its number, its words in
/// either language ("interne malveillante", "external, malicious"), or
/// its YAML value (`internal-malicious`).
fn origin_answer(answer: &str) -> Option<Origin> {
    let words = |t: &str| {
        t.to_lowercase()
            .replace([',', '-'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let a = words(answer);
    if let Ok(n) = a.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| ORIGINS.get(i)).copied();
    }
    ORIGINS.into_iter().find(|o| {
        words(o.key()) == a
            || [crate::model::Lang::Fr, crate::model::Lang::En]
                .iter()
                .any(|l| {
                    words(&Strings::of(*l).fmt(&format!("breach_origin-{}", o.key()), &[])) == a
                })
    })
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
            .map(|s| Id::new(s.trim()).map_err(|e| CliError::option("--subprocessor", e.told())))
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
            k.origin = Some(origin_answer(&a).ok_or_else(|| {
                CliError::Said(crate::render::catalog::Told::new(
                    crate::render::catalog::Msg::new("va-origin-unknown").arg("answer", a.trim()),
                ))
            })?);
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
    fn an_origin_is_typed_by_its_number_or_its_words_in_either_language() {
        assert_eq!(origin_answer("1"), Some(Origin::InternalMalicious));
        assert_eq!(origin_answer(" 3 "), Some(Origin::ExternalMalicious));
        assert_eq!(origin_answer("5"), Some(Origin::Unknown));
        assert_eq!(origin_answer("0"), None);
        assert_eq!(origin_answer("6"), None);
        assert_eq!(
            origin_answer("Externe malveillante"),
            Some(Origin::ExternalMalicious)
        );
        assert_eq!(
            origin_answer("interne, accidentelle"),
            Some(Origin::InternalAccidental)
        );
        assert_eq!(origin_answer("inconnue"), Some(Origin::Unknown));
        assert_eq!(
            origin_answer("external accidental"),
            Some(Origin::ExternalAccidental)
        );
        assert_eq!(
            origin_answer("internal-malicious"),
            Some(Origin::InternalMalicious)
        );
        assert_eq!(origin_answer("malveillante"), None);
        // The question numbers the choices and names no code.
        let fr = Strings::of(Lang::Fr).fmt("prompt-origin", &[]);
        assert!(fr.contains("1\u{202f}: interne malveillante"), "{fr}");
        assert!(!fr.contains("internal-malicious"), "{fr}");
    }

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
