//! Assembles the register of the categories of processing carried out on
//! behalf of each controller (GDPR Art. 30(2), Annex 1 §II.11) from the
//! workspace. The result is a plain serialisable value; the wording is in the
//! templates, the layout in `render`.
//!
//! Section (c) lists the transfers the controller's file declares and those
//! logged with an instruction (a transfer to a third country required by
//! law); the file's `transfers` left out means "not known yet", never "none".
//! A category's systems that name another category by its id are shown by
//! that category's name. The register ends with the signature block of the
//! processor's representative.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use crate::model::assumption::mark;
use crate::model::{
    Contact, Controller, Id, ProcessingActivity, Processor, SecurityMeasure, SubProcessor, Transfer,
};
use crate::workspace::Workspace;

pub mod sheets;

/// The journal action that records an edition of the register.
pub const ISSUE_ACTION: &str = "register.issue";

/// An edition of the register. Editions are counted in the journal: each
/// distinct content fingerprint issued to a file (`dpo register -o`, entry
/// [`ISSUE_ACTION`] whose text is the fingerprint) up to the register's
/// date is one edition. A content issued before keeps its number and date;
/// a new one is the next number, dated the day of the register — so the
/// same workspace and the same `--now` always give the same edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edition {
    /// 1 for the first edition.
    pub number: usize,
    /// The day it was first issued, in the processor's timezone.
    pub date: NaiveDate,
    /// Whether the journal records it already.
    pub recorded: bool,
}

/// The edition of the content `sha` at `now`, from the journal's `entries`.
pub fn edition(
    entries: &[crate::workspace::journal::JournalEntry],
    sha: &str,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Edition {
    let mut seen: Vec<(&str, NaiveDate)> = Vec::new();
    for e in entries.iter().filter(|e| e.action == ISSUE_ACTION) {
        let Ok(at) = DateTime::parse_from_rfc3339(&e.at) else {
            continue;
        };
        let Some(text) = e.text.as_deref() else {
            continue;
        };
        if at.with_timezone(&Utc) > now || seen.iter().any(|(s, _)| *s == text) {
            continue;
        }
        seen.push((text, at.with_timezone(&tz).date_naive()));
    }
    match seen.iter().position(|(s, _)| *s == sha) {
        Some(i) => Edition {
            number: i + 1,
            date: seen[i].1,
            recorded: true,
        },
        None => Edition {
            number: seen.len() + 1,
            date: now.with_timezone(&tz).date_naive(),
            recorded: false,
        },
    }
}

/// Which register to build.
#[derive(Debug, Clone)]
pub struct RegisterRequest {
    /// Only these controllers (all when `None`).
    pub controllers: Option<Vec<Id>>,
    /// The instant the register is dated.
    pub now: DateTime<Utc>,
}

/// The register, ready for a template.
#[derive(Debug, Serialize)]
pub struct Register<'a> {
    /// When it was generated, RFC 3339 in the processor's timezone.
    pub generated_at: String,
    /// Version of dpo.
    pub tool_version: &'static str,
    /// SHA-256 of the content listing (see [`Workspace::content_manifest`]).
    pub content_sha256: String,
    /// First 12 hex digits of it: the short form of the content fingerprint.
    pub version: String,
    /// The edition this content is: its number and the day it was first
    /// issued ("v3 du 1er mars 2021").
    pub edition: Edition,
    /// The files it was built from, `sha256sum`-style.
    pub content_files: Vec<ContentFile>,
    /// The files to give to `sha256sum` to recompute the hash, in order.
    pub content_paths: String,
    /// The processor.
    pub processor: &'a Processor,
    /// The controllers, in id order.
    pub controllers: Vec<ControllerEntry<'a>>,
    /// Sub-processors concerning at least one of them.
    pub subprocessors: Vec<SubProcessorEntry<'a>>,
    /// All security measures.
    pub measures: &'a [SecurityMeasure],
    /// The signature block.
    pub signature: Signature<'a>,
}

/// The signature block that ends the register.
#[derive(Debug, Serialize)]
pub struct Signature<'a> {
    /// Where it is signed (`processor.yaml` `place`).
    pub place: Option<&'a str>,
    /// The date of the register (`YYYY-MM-DD`, the processor's timezone).
    pub date: NaiveDate,
    /// Who signs: the processor's representative.
    pub signatory: &'a Contact,
}

/// One file the register was built from.
#[derive(Debug, Serialize)]
pub struct ContentFile {
    /// SHA-256, hex.
    pub sha256: String,
    /// Path relative to the workspace.
    pub path: String,
}

/// A controller and what is done for it.
#[derive(Debug, Serialize)]
pub struct ControllerEntry<'a> {
    /// Identifier.
    pub id: &'a Id,
    /// The controller as in its file.
    pub controller: &'a Controller,
    /// Last day of the convention (initial term and renewals).
    pub convention_end: Option<NaiveDate>,
    /// Last day to decide a renewal, while one remains allowed.
    pub renew_by: Option<NaiveDate>,
    /// The categories of processing, with names resolved.
    pub activities: Vec<ActivityEntry<'a>>,
    /// Whether the controller's file states its transfers (`transfers:`
    /// present, even empty).
    pub transfers_known: bool,
    /// The transfers: those of the file, then those logged with an
    /// instruction.
    pub transfers: Vec<TransferEntry>,
}

/// A transfer to a third country or an international organisation: one of
/// the controller's file, or one logged with an instruction (its recipient
/// and safeguards then empty, « à compléter »).
#[derive(Debug, Serialize)]
pub struct TransferEntry {
    /// The transfer.
    #[serde(flatten)]
    pub transfer: Transfer,
    /// For a transfer required by law, the instruction it was logged with.
    pub instruction: Option<Id>,
}

/// A category of processing with its references resolved to names.
#[derive(Debug, Serialize)]
pub struct ActivityEntry<'a> {
    /// The activity as in the file.
    pub activity: &'a ProcessingActivity,
    /// Its systems, by name: one that is the id of a category of the same
    /// controller is that category's name (`None`: not known yet).
    pub systems: Option<Vec<&'a str>>,
    /// Its categories of data (`None`: not known yet).
    pub data_categories: Option<Vec<&'a str>>,
    /// Names of its sub-processors (`None`: not known yet).
    pub subprocessor_names: Option<Vec<&'a str>>,
    /// Titles of its security measures (`None`: not known yet).
    pub measure_titles: Option<Vec<&'a str>>,
}

/// A sub-processor with the names of the controllers it concerns.
#[derive(Debug, Serialize)]
pub struct SubProcessorEntry<'a> {
    /// The sub-processor as in the file.
    pub subprocessor: &'a SubProcessor,
    /// Names of the controllers concerned (among those in the register).
    pub controller_names: Vec<&'a str>,
}

/// A controller asked for that the workspace does not have: the one
/// refusal, [`crate::workspace::UnknownController`].
pub use crate::workspace::UnknownController;

/// Builds the register.
pub fn build<'a>(
    ws: &'a Workspace,
    req: &RegisterRequest,
) -> Result<Register<'a>, UnknownController> {
    if let Some(ids) = &req.controllers {
        for id in ids {
            ws.require_controller(id.as_str())?;
        }
    }
    let selected: Vec<&(Id, Controller)> = ws
        .controllers
        .iter()
        .filter(|(id, _)| req.controllers.as_ref().is_none_or(|ids| ids.contains(id)))
        .collect();
    // Transfers required by law, logged with an instruction; a damaged
    // instruction file is `dpo check`'s to report, not the register's.
    let (instructions, _) = crate::instruction::list(ws);
    let controllers = selected
        .iter()
        .map(|(id, c)| ControllerEntry {
            id,
            controller: c,
            convention_end: c.convention.end(),
            renew_by: c.convention.renew_by(),
            transfers_known: c.transfers.is_some(),
            transfers: c
                .transfers
                .iter()
                .flatten()
                .map(|t| TransferEntry {
                    transfer: t.clone(),
                    instruction: None,
                })
                .chain(
                    instructions
                        .iter()
                        .map(|s| &s.record)
                        .filter(|i| &i.controller == id)
                        .filter_map(|i| {
                            i.transfer.as_ref().map(|t| TransferEntry {
                                transfer: Transfer {
                                    country: t.country.clone(),
                                    recipient: String::new(),
                                    purpose: Some(i.summary.clone()),
                                    legal_basis: Some(t.legal_basis.clone()),
                                    safeguards: None,
                                    to_confirm: Vec::new(),
                                },
                                instruction: Some(i.id.clone()),
                            })
                        }),
                )
                .collect(),
            activities: c
                .activities
                .iter()
                .map(|a| ActivityEntry {
                    activity: a,
                    systems: a
                        .systems
                        .as_ref()
                        .map(|l| l.iter().map(|s| c.system_name(s)).collect()),
                    data_categories: a
                        .data_categories
                        .as_ref()
                        .map(|l| l.iter().map(String::as_str).collect()),
                    subprocessor_names: a
                        .subprocessors
                        .as_ref()
                        .map(|l| named(l, &ws.subprocessors, |s| (&s.id, s.name.as_str()))),
                    measure_titles: a
                        .security_measures
                        .as_ref()
                        .map(|l| named(l, &ws.measures, |m| (&m.id, m.title.as_str()))),
                })
                .collect(),
        })
        .collect();
    let subprocessors = ws
        .subprocessors
        .iter()
        .filter_map(|s| {
            let names: Vec<&str> = selected
                .iter()
                .filter(|(id, c)| {
                    s.controllers.contains(id)
                        || c.activities.iter().any(|a| a.names_subprocessor(&s.id))
                })
                .map(|(_, c)| c.name.as_str())
                .collect();
            (!names.is_empty()).then_some(SubProcessorEntry {
                subprocessor: s,
                controller_names: names,
            })
        })
        .collect();
    let only: Option<Vec<Id>> = req.controllers.clone();
    let (listing, _) = ws.content_manifest(only.as_deref());
    // The instructions whose transfers the register shows are sources too.
    let mut content_files: Vec<ContentFile> = listing
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(h, p)| ContentFile {
            sha256: h.to_string(),
            path: p.to_string(),
        })
        .chain(
            instructions
                .iter()
                .filter(|s| s.record.transfer.is_some())
                .filter(|s| selected.iter().any(|(id, _)| id == &s.record.controller))
                .map(|s| ContentFile {
                    sha256: s.source.sha256.clone(),
                    path: s.source.rel.clone(),
                }),
        )
        .collect();
    content_files.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    let sha = crate::hashing::sha256_hex(
        content_files
            .iter()
            .map(|f| format!("{}  {}\n", f.sha256, f.path))
            .collect::<String>()
            .as_bytes(),
    );
    let content_paths = content_files
        .iter()
        .map(|f| f.path.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let local = req.now.with_timezone(&ws.tz);
    Ok(Register {
        generated_at: local.to_rfc3339_opts(SecondsFormat::Secs, false),
        signature: Signature {
            place: ws
                .processor
                .place
                .as_deref()
                .filter(|p| !p.trim().is_empty()),
            date: local.date_naive(),
            signatory: ws.processor.signatory(),
        },
        tool_version: env!("CARGO_PKG_VERSION"),
        version: sha[..12].to_string(),
        // A journal that cannot be read counts no edition: `check` and
        // `journal verify` report it.
        edition: edition(
            &ws.journal().entries().unwrap_or_default(),
            &sha,
            req.now,
            ws.tz,
        ),
        content_sha256: sha,
        content_files,
        content_paths,
        processor: &ws.processor,
        controllers,
        subprocessors,
        measures: &ws.measures,
    })
}

/// The names of the entries of `all` whose id is in `ids`, in the order of
/// `ids`; `id_name` gives an entry's id and name. Unknown ids are left out.
fn named<'a, T>(
    ids: &[Id],
    all: &'a [T],
    id_name: impl Fn(&'a T) -> (&'a Id, &'a str),
) -> Vec<&'a str> {
    ids.iter()
        .filter_map(|i| all.iter().map(&id_name).find(|(id, _)| *id == i))
        .map(|(_, name)| name)
        .collect()
}

/// A contact on one line as the CSV and the spreadsheets write it: name,
/// e-mail, phone, comma separated; `None` when it has none of them.
pub fn contact_line(c: &Contact) -> Option<String> {
    let parts: Vec<&str> = [&c.name, &c.email, &c.phone]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The short words the CSV uses (from `templates/<lang>/dpo.ftl`).
#[derive(Debug, Clone, Copy)]
pub struct CsvLabels<'a> {
    /// "à compléter".
    pub todo: &'a str,
    /// "aucun".
    pub none: &'a str,
    /// "à confirmer".
    pub to_confirm: &'a str,
}

/// The register flattened for CSV: one row per category of processing per
/// controller, each row self-contained. Column order matches
/// `csv_headers` in `templates/<lang>/dpo.ftl`. A value that is an
/// assumption is followed by "(à confirmer)".
pub fn csv_rows(r: &Register<'_>, l: CsvLabels<'_>) -> Vec<Vec<String>> {
    let (todo, none) = (l.todo, l.none);
    let or_todo = |v: &Option<String>| {
        v.clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| todo.to_string())
    };
    // A list: « à compléter » when unknown, « aucun » when empty.
    let join = |v: &Option<Vec<&str>>| match v.as_deref() {
        None => todo.to_string(),
        Some([]) => none.to_string(),
        Some(v) => v.join("; "),
    };
    let contact = |c: &Contact| contact_line(c).unwrap_or_else(|| todo.to_string());
    let p = r.processor;
    let mut rows = Vec::new();
    for ce in &r.controllers {
        let c = ce.controller;
        let mut transfers: Vec<String> = ce
            .transfers
            .iter()
            .map(|e| {
                let (t, c) = (&e.transfer, l.to_confirm);
                let a = &t.to_confirm;
                format!(
                    "{} ({}): {}",
                    mark(t.country.clone(), a, "country", c),
                    mark(or_todo(&Some(t.recipient.clone())), a, "recipient", c),
                    mark(or_todo(&t.safeguards), a, "safeguards", c),
                )
            })
            .collect();
        if !ce.transfers_known {
            transfers.push(todo.to_string());
        }
        let transfers = if transfers.is_empty() {
            none.to_string()
        } else {
            transfers.join("; ")
        };
        for ae in &ce.activities {
            let a = ae.activity;
            let (assumed, label) = (&a.to_confirm, l.to_confirm);
            rows.push(vec![
                ce.id.to_string(),
                c.name.clone(),
                or_todo(&c.address),
                contact(&c.representative),
                contact(&c.dpo),
                a.id.to_string(),
                mark(a.name.clone(), assumed, "name", label),
                mark(or_todo(&a.description), assumed, "description", label),
                mark(join(&ae.systems), assumed, "systems", label),
                mark(join(&ae.data_categories), assumed, "data_categories", label),
                mark(
                    join(&ae.subprocessor_names),
                    assumed,
                    "subprocessors",
                    label,
                ),
                mark(
                    join(&ae.measure_titles),
                    assumed,
                    "security_measures",
                    label,
                ),
                transfers.clone(),
                p.name.clone(),
                contact(&p.representative),
                contact(&p.dpo),
            ]);
        }
    }
    rows
}
