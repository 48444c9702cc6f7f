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
use crate::workspace::Workspace;

/// A non-empty answer to `question`, or `None`.
fn ask(question: &str) -> Result<Option<String>, CliError> {
    Ok(prompt(question)?.filter(|s| !s.trim().is_empty()))
}

/// Yes (`o`, `oui`, `y`, `yes`), no (`n`, `non`, `no`), or unknown.
fn ask_yes_no(question: &str) -> Result<Option<bool>, CliError> {
    Ok(
        match ask(&format!("{question} (y/n, empty: unknown)"))?
            .map(|a| a.trim().to_lowercase())
            .as_deref()
        {
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
    question: &str,
) -> Result<Option<DateTime<FixedOffset>>, CliError> {
    let text = match given {
        Some(t) => Some(t.to_string()),
        None => ask(&format!(
            "{question} (YYYY-MM-DD HH:MM in {}, empty: unknown)",
            ws.tz
        ))?,
    };
    text.map(|t| time_arg(flag, t.trim(), ws)).transpose()
}

/// When the breach started and when it was discovered (the CNIL's form asks
/// both): `--occurred-at` and `--discovered-at`, completed on a terminal.
pub(super) fn start_and_discovery(
    ws: &Workspace,
    occurred_at: Option<&str>,
    discovered_at: Option<&str>,
) -> Result<Instants, CliError> {
    Ok((
        instant(
            ws,
            "--occurred-at",
            occurred_at,
            "when did the breach start?",
        )?,
        instant(
            ws,
            "--discovered-at",
            discovered_at,
            "when was it discovered?",
        )?,
    ))
}

/// When it started and when it was discovered.
type Instants = (Option<DateTime<FixedOffset>>, Option<DateTime<FixedOffset>>);

/// What the options say, completed on a terminal.
pub(super) fn circumstances(
    ws: &Workspace,
    a: &CircumstanceArgs,
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
        k.established = ask_yes_no("is the breach established (n: only suspected)?")?;
    }
    if k.discovery.is_none() {
        k.discovery = ask("how was it discovered?")?;
    }
    if k.ended_at.is_none() && k.ongoing.is_none() {
        match ask("when did it end? (YYYY-MM-DD HH:MM, `ongoing`, empty: unknown)")? {
            Some(a) if a.trim().eq_ignore_ascii_case("ongoing") => k.ongoing = Some(true),
            Some(a) => k.ended_at = Some(time_arg("ended at", &a, ws)?),
            None => {}
        }
    }
    if k.origin.is_none() {
        let q = "origin? (internal-malicious, internal-accidental, external-malicious, external-accidental, unknown; empty: not said)";
        if let Some(a) = ask(q)? {
            let o = <OriginArg as clap::ValueEnum>::from_str(a.trim(), true)
                .map_err(|e| CliError::Usage(format!("origin: {e}")))?;
            k.origin = Some(o.into());
        }
    }
    if k.cause.is_none() {
        k.cause = ask("cause? (phishing, a lost laptop, a wrong recipient…)")?;
    }
    if k.subprocessors.is_none() {
        let q = "sub-processors involved? (ids separated by commas, `none`, empty: unknown)";
        k.subprocessors = match ask(q)? {
            Some(a) if a.trim().eq_ignore_ascii_case("none") => Some(Vec::new()),
            Some(a) => Some(ids(split(&a))?),
            None => None,
        };
    }
    if k.media.is_empty() {
        k.media = ask("media concerned? (separated by commas)")?
            .map(|a| split(&a))
            .unwrap_or_default();
    }
    if k.encrypted.is_none() {
        k.encrypted = ask_yes_no("were the data encrypted?")?;
    }
    if k.directly_identifiable.is_none() {
        k.directly_identifiable = ask_yes_no("are the people directly identifiable?")?;
    }
    Ok(k)
}
