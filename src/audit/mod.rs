//! The audit pack (Annex 1 §II.12): everything that proves compliance, as
//! plain files an auditor opens without the tool — the register, each breach
//! report, the logs of requests, instructions and sub-processor notices, the
//! people and the security measures, every certificate and e-mail kept as
//! evidence, and the journal with its verification; the logs also as one
//! spreadsheet ([`LOGS_SHEET`]).
//!
//! This module decides what goes in the pack and makes the documents; its
//! workflow [`pack()`] writes them to a new folder with the `MANIFEST.sha256`
//! it signs, and journals the pack. Restricted to one controller, the pack
//! holds only what concerns that controller: an audit by one city must not
//! disclose another city's records. Records that say nothing of the
//! controller they concern are left out of a restricted pack.

mod pack;
pub(crate) mod records;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::breach::{notice, store as breach_store};
use crate::model::{FateRecord, Id};
use crate::register::{self, RegisterRequest};
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::pdf::{markdown_to_pdf, PdfMeta};
use crate::render::said::Refusal;
use crate::render::{csv::to_csv, escape_markdown, OutputError, Templates};
use crate::workspace::{Diagnostic, Workspace};

pub use pack::{pack, PackRequest, Packed};
pub use records::{field_in_words, fields_in_words, has_words, record_concerns, RECORD_DIRS};

/// The name of the manifest at the root of the pack.
pub const MANIFEST: &str = "MANIFEST.sha256";

/// The CA certificates of the trusted time-stamping authorities, in a pack.
pub const TSA_CA_IN_PACK: &str = "keys/tsa/trusted.pem";

/// The spreadsheet of the logs, at the root of the pack: OpenDocument, the
/// format the French interoperability framework (RGI) recommends to public
/// bodies, which every spreadsheet program opens; one format, so that the
/// pack holds each fact once more, not twice.
pub const LOGS_SHEET: &str = "logs.ods";

/// What can stop the pack from being made (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// A file of the workspace could not be read.
    #[error("failed to read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A record file is not valid YAML.
    #[error("failed to read the record `{file}`: {message}")]
    Record {
        /// The file, relative to the workspace.
        file: String,
        /// Why.
        message: String,
    },
    /// The spreadsheet of the logs could not be written.
    #[error("failed to write `{file}`: {message}")]
    Sheet {
        /// The file in the pack.
        file: String,
        /// Why.
        message: String,
    },
    /// The register could not be built.
    #[error(transparent)]
    UnknownController(#[from] crate::workspace::UnknownController),
    /// A breach report failed.
    #[error(transparent)]
    Breach(#[from] crate::breach::BreachError),
    /// A CSV could not be made.
    #[error(transparent)]
    Csv(#[from] crate::render::csv::CsvError),
    /// The journal could not be read, or the workspace locked.
    #[error(transparent)]
    Workspace(#[from] crate::workspace::WorkspaceError),
    /// The key could not be used, or the manifest not signed.
    #[error(transparent)]
    Signing(#[from] crate::signing::SigningError),
    /// The output folder holds files already.
    #[error("`{}` already exists and is not an empty folder: an audit pack is written to a new folder\n  hint: choose another -o, e.g. `-o audit-{today}`", path.display())]
    OutputNotEmpty {
        /// The folder.
        path: PathBuf,
        /// Today's date, for the hint.
        today: String,
    },
    /// A document of the pack could not be made, or the pack not written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl Localize for AuditError {
    /// The catalog's message in the language of `s`; an error of a layer
    /// below keeps its English text, its hint label said in that language.
    fn message(&self, s: &Catalog) -> String {
        let r = match self {
            AuditError::Read { path, .. } => Refusal::new(
                Msg::new("duties-failed-to-read").arg("path", path.display().to_string()),
            ),
            AuditError::Record { file, message } => Refusal::new(
                Msg::new("duties-audit-record")
                    .arg("file", file.as_str())
                    .arg("message", message.as_str()),
            ),
            AuditError::OutputNotEmpty { path, today } => Refusal::new(
                Msg::new("duties-audit-output-not-empty").arg("path", path.display().to_string()),
            )
            .hint(Msg::new("duties-audit-output-not-empty-hint").arg("today", today.as_str())),
            AuditError::Sheet { file, message } => Refusal::new(
                Msg::new("sheetlogs-write-failed")
                    .arg("file", file.as_str())
                    .arg("message", message.as_str()),
            ),
            AuditError::Breach(e) => return e.message(s),
            _ => return s.relabel_hints(&self.to_string()),
        };
        r.message(s)
    }
}

impl From<crate::render::templates::TemplateError> for AuditError {
    fn from(e: crate::render::templates::TemplateError) -> Self {
        Self::Output(e.into())
    }
}

/// The files of a pack, by path inside the pack (`/`-separated), and the
/// problems met on the way (records left out).
#[derive(Debug, Default)]
pub struct Pack {
    /// Path in the pack → content.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Records that could not be read and were left out.
    pub diagnostics: Vec<Diagnostic>,
    /// Journal entries left out because they concern another controller.
    pub journal_omitted: usize,
    /// True when the journal verified.
    pub journal_intact: bool,
}

impl Pack {
    /// The `sha256sum` manifest of every file, sorted by path.
    pub fn manifest(&self) -> String {
        self.files
            .iter()
            .map(|(p, b)| format!("{}  {p}\n", crate::hashing::sha256_hex(b)))
            .collect()
    }
}

struct Maker<'a> {
    ws: &'a Workspace,
    t: &'a Templates,
    now: DateTime<Utc>,
    only: Option<&'a Id>,
    pack: Pack,
    /// Workspace files referenced by what was packed (evidence to include).
    evidence: BTreeSet<String>,
    /// Record ids and workspace paths in the pack (for the journal excerpt).
    included: BTreeSet<String>,
    /// The records that do not match the journal, read once.
    tampered: Vec<crate::workspace::integrity::Finding>,
}

impl Maker<'_> {
    fn pdf(&mut self, file: &str, title: &str, md: &str) -> Result<(), AuditError> {
        let p = &self.ws.processor;
        let meta = PdfMeta::new(
            self.t,
            format!("{title} — {}", p.name),
            &p.name,
            crate::time::in_tz(self.now, self.ws.tz),
            format!("{title} — {}", p.display_name()),
        );
        let bytes = markdown_to_pdf(md, &meta).map_err(|source| OutputError::Pdf {
            file: Some(file.to_string()),
            source,
        })?;
        self.pack.files.insert(file.to_string(), bytes);
        Ok(())
    }

    /// A table as `<stem>.pdf`, made from `md` and titled `title`, and as
    /// `<stem>.csv`.
    fn table(
        &mut self,
        stem: &str,
        title: &str,
        md: &str,
        (headers, rows): (&[String], &[Vec<String>]),
    ) -> Result<(), AuditError> {
        self.pdf(&format!("{stem}.pdf"), title, md)?;
        let csv = to_csv(headers, rows)?;
        self.pack.files.insert(format!("{stem}.csv"), csv);
        Ok(())
    }

    fn copy(&mut self, rel: &str, to: &str) -> Result<bool, AuditError> {
        let path = self.ws.root.join(rel);
        match std::fs::read(&path) {
            Ok(b) => {
                self.pack.files.insert(to.to_string(), b);
                self.included.insert(rel.to_string());
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(AuditError::Read { path, source }),
        }
    }

    fn register(&mut self) -> Result<(), AuditError> {
        let req = RegisterRequest {
            controllers: self.only.map(|c| vec![c.clone()]),
            now: self.now,
        };
        let reg = register::build(self.ws, &req)?;
        let md = self.t.render("register.md", &reg)?;
        let s = self.t.strings();
        let rows = register::csv_rows(
            &reg,
            register::CsvLabels {
                todo: s.get("todo"),
                none: s.get("none"),
                to_confirm: s.get("to_confirm"),
            },
        );
        let csv = to_csv(&s.list("csv_headers"), &rows)?;
        let title = s.get("register_title").to_string();
        self.pdf("register/register.pdf", &title, &md)?;
        self.pack.files.insert("register/register.csv".into(), csv);
        Ok(())
    }

    fn breaches(&mut self) -> Result<(), AuditError> {
        let (loaded, mut diags) = breach_store::load_all(self.ws);
        self.pack.diagnostics.append(&mut diags);
        let head = self.ws.journal().head()?;
        for l in loaded {
            let mut b = l.breach;
            let rel = l.source.rel;
            let yaml = match self.only {
                Some(c) if !b.controllers.contains(c) => continue,
                Some(c) => {
                    // Only this controller's part: its notifications and calls.
                    b.controllers.retain(|x| x == c);
                    b.notifications.retain(|n| &n.controller == c);
                    b.calls.retain(|n| &n.controller == c);
                    serde_yaml::to_string(&b).map_err(|e| AuditError::Record {
                        file: rel.clone(),
                        message: e.to_string(),
                    })?
                }
                None => l.source.text,
            };
            for n in &b.notifications {
                self.evidence.insert(n.eml.clone());
            }
            let tampered = self.tampered.iter().find(|f| f.file == rel);
            let (_, pdf) =
                notice::render_report(self.ws, self.t, &b, self.now, head.clone(), tampered)?;
            self.pack
                .files
                .insert(format!("breaches/{}.pdf", b.id), pdf);
            self.pack
                .files
                .insert(format!("breaches/{}.yaml", b.id), yaml.into_bytes());
            self.included.insert(b.id.to_string());
            self.included.insert(rel);
        }
        Ok(())
    }

    fn records(&mut self) -> Result<(), AuditError> {
        for (dir, title_key) in RECORD_DIRS {
            let log = records::load_dir(self.ws, dir, self.only)?;
            self.pack.diagnostics.extend(log.diagnostics);
            if log.records.is_empty() {
                continue;
            }
            for r in &log.records {
                self.evidence.extend(r.evidence.iter().cloned());
                self.included.insert(r.id.clone());
                self.included.insert(r.rel.clone());
                self.pack.files.insert(
                    format!("{dir}/{}", r.file_name),
                    r.text.clone().into_bytes(),
                );
            }
            let (headers, rows) = records::csv_table(self.t.strings(), &log.records);
            let title = self.t.strings().get(title_key).to_string();
            let names = records::Names::of(self.ws);
            let md = records::markdown(self.t, self.ws.tz, &names, &title, &log.records);
            self.table(&format!("{dir}/log"), &title, &md, (&headers, &rows))?;
        }
        Ok(())
    }

    /// The logs as one spreadsheet ([`LOGS_SHEET`]): the duties, the
    /// records, the breaches with both deadlines, the people and the
    /// measures — the facts of the PDFs and CSVs, typed.
    fn sheets(&mut self) -> Result<(), AuditError> {
        let s = self.t.strings();
        let (mut items, _) = crate::status::collect_for(self.ws, self.now, self.only, s);
        if self.only.is_some() {
            // An uncertain sending concerns the whole outbox, and names its
            // message's file: not for a pack restricted to one controller.
            items.retain(|i| i.kind != crate::status::sending::KIND_UNCERTAIN);
        }
        let (wb, diags) = crate::status::sheets::workbook(self.ws, s, self.now, self.only, &items);
        // A record the logs left out is said once.
        for d in diags {
            if !self.pack.diagnostics.iter().any(|x| x.file == d.file) {
                self.pack.diagnostics.push(d);
            }
        }
        let bytes = crate::sheet::ods::write(&wb).map_err(|source| AuditError::Sheet {
            file: LOGS_SHEET.to_string(),
            message: source.to_string(),
        })?;
        self.pack.files.insert(LOGS_SHEET.to_string(), bytes);
        Ok(())
    }

    fn people(&mut self) -> Result<(), AuditError> {
        let s = self.t.strings();
        let headers: Vec<String> = s.list("audit_people_headers");
        let rows = texts(crate::status::sheets::people_rows(self.ws, s, self.only));
        let title = s.get("audit_people_title").to_string();
        let md = table_markdown(
            s,
            &format!(
                "{title}\n\n{}",
                match self.ws.people.training_interval_months {
                    Some(n) => s
                        .get("audit_people_interval")
                        .replace("{months}", &n.to_string()),
                    None => s.get("audit_people_no_interval").to_string(),
                }
            ),
            &headers,
            &rows,
        );
        self.table("people", &title, &md, (&headers, &rows))
    }

    fn measures(&mut self) -> Result<(), AuditError> {
        let s = self.t.strings();
        let headers: Vec<String> = s.list("audit_measures_headers");
        let rows = texts(crate::status::sheets::measure_rows(self.ws, s, self.only));
        let title = s.get("audit_measures_title").to_string();
        let md = table_markdown(s, &title, &headers, &rows);
        self.table("security-measures", &title, &md, (&headers, &rows))
    }

    fn fate(&mut self) -> Result<(), AuditError> {
        let ids = crate::fate::list_fate_files(&self.ws.root).unwrap_or_default();
        for id in ids {
            if self.only.is_some_and(|c| c != &id) {
                continue;
            }
            let rel = crate::fate::fate_rel(&id);
            self.copy(&rel, &rel)?;
            // Read the records even if the file has problems elsewhere: a
            // certificate already issued belongs in the pack.
            if let Ok(Some((f, src))) =
                crate::workspace::read_record::<crate::model::FateFile>(&self.ws.root, &rel)
            {
                for (i, r) in f.records.iter().enumerate() {
                    let FateRecord::Certificate(c) = r else {
                        continue;
                    };
                    // Since issue 9 a certificate is always kept in
                    // evidence/; one an older dpo wrote only where -o said
                    // is named, not silently left out.
                    for (field, file) in [("pdf", &c.pdf), ("json", &c.json)] {
                        if !file.starts_with("evidence/") || !self.ws.root.join(file).is_file() {
                            let field = format!("records[{i}].{field}");
                            let message = Msg::new("duties-audit-certificate-not-kept")
                                .arg("file", file.as_str());
                            self.pack.diagnostics.push(
                                Diagnostic::warning_msg(&rel, src.locate(&field), &field, message)
                                    .with_hint_msg(Msg::new(
                                        "duties-audit-certificate-not-kept-hint",
                                    )),
                            );
                        }
                        self.evidence.insert(file.clone());
                    }
                }
            }
        }
        Ok(())
    }

    fn evidence(&mut self) -> Result<(), AuditError> {
        let mut wanted: BTreeSet<String> = std::mem::take(&mut self.evidence);
        if self.only.is_none() {
            // The whole pack: everything kept as evidence.
            walk(&self.ws.root, "evidence", &mut wanted)?;
        }
        for rel in wanted {
            let rel = rel.trim_start_matches("./").to_string();
            if rel.contains("..") || Path::new(&rel).is_absolute() {
                continue;
            }
            self.copy(&rel, &rel)?;
            // Its signature and its RFC 3161 time-stamp come with it.
            for ext in ["sig", "tsq", "tsr"] {
                let beside = format!("{rel}.{ext}");
                self.copy(&beside, &beside)?;
            }
        }
        Ok(())
    }

    /// The time-stamps of the journal head (`timestamps/`, the whole pack
    /// only: they date the whole journal) and the CA certificates of the
    /// time-stamping authorities the workspace trusts, in one file
    /// [`TSA_CA_IN_PACK`] for `openssl ts -verify -CAfile`.
    fn timestamps(&mut self) -> Result<(), AuditError> {
        if self.only.is_none() {
            let mut heads = BTreeSet::new();
            walk(
                &self.ws.root,
                crate::timestamp::issue::HEADS_DIR,
                &mut heads,
            )?;
            for rel in heads {
                self.copy(&rel, &rel)?;
            }
        }
        let files =
            crate::timestamp::verify::trusted_files(&self.ws.root, self.ws.tsa_ca.as_deref());
        let mut pem = Vec::new();
        for path in files {
            let bytes = std::fs::read(&path).map_err(|source| AuditError::Read { path, source })?;
            pem.extend(bytes);
            if !pem.ends_with(b"\n") {
                pem.push(b'\n');
            }
        }
        if !pem.is_empty() {
            self.pack.files.insert(TSA_CA_IN_PACK.into(), pem);
        }
        Ok(())
    }

    fn journal(&mut self) -> Result<(), AuditError> {
        let journal = self.ws.journal();
        let report = journal.verify()?;
        self.pack.journal_intact = report.problem.is_none();
        let text = match std::fs::read_to_string(journal.path()) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(AuditError::Read {
                    path: journal.path().to_path_buf(),
                    source,
                })
            }
        };
        // In the pack's language, as `dpo journal verify` says it.
        let s = self.t.strings();
        let said = journal_said(s, &report);
        let mut verification = format!(
            "{}\n",
            s.fmt("screens-audit-verified", &[("result", said.into())])
        );
        match self.only {
            None => {
                self.pack
                    .files
                    .insert("journal/journal.jsonl".into(), text.into_bytes());
                self.copy(
                    crate::workspace::journal::HEAD_FILE,
                    &format!("journal/{}", crate::workspace::journal::HEAD_FILE),
                )?;
            }
            Some(c) => {
                let (kept, omitted) = records::journal_excerpt(self.ws, &text, c, &self.included);
                self.pack.journal_omitted = omitted;
                verification.push_str(&s.fmt(
                    "screens-audit-excerpt",
                    &[("controller", c.as_str().into()), ("n", omitted.into())],
                ));
                verification.push('\n');
                self.pack
                    .files
                    .insert("journal/journal-excerpt.jsonl".into(), kept.into_bytes());
            }
        }
        self.pack
            .files
            .insert("journal/verification.txt".into(), verification.into_bytes());
        Ok(())
    }
}

/// The journal's verification in the language of `s`, as `dpo journal
/// verify` says it: intact with its entries and head, or where it breaks.
pub(crate) fn journal_said(
    s: &crate::render::templates::Strings,
    report: &crate::workspace::JournalReport,
) -> String {
    match &report.problem {
        None => s.fmt(
            "journal-intact",
            &[
                ("entries", report.entries.into()),
                ("seq", report.head.seq.into()),
                ("sha256", report.head.sha256.as_str().into()),
            ],
        ),
        Some(p) => s.fmt(
            "journal-broken",
            &[
                (
                    "at",
                    format!("{}:{}", crate::workspace::journal::JOURNAL_FILE, p.line).into(),
                ),
                ("message", p.message.as_str().into()),
            ],
        ),
    }
}

/// Adds every file under `dir` (relative to `root`) to `out`.
fn walk(root: &Path, dir: &str, out: &mut BTreeSet<String>) -> Result<(), AuditError> {
    let path = root.join(dir);
    let rd = match std::fs::read_dir(&path) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => return Err(AuditError::Read { path, source }),
    };
    for e in rd {
        let e = e.map_err(|source| AuditError::Read {
            path: path.clone(),
            source,
        })?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{dir}/{name}");
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(root, &rel, out)?,
            // Signatures come with the file they sign.
            Ok(t) if t.is_file() && !name.ends_with(".sig") => {
                out.insert(rel);
            }
            _ => {}
        }
    }
    Ok(())
}

/// The rows of a table as the CSV writes them.
pub(crate) fn texts(rows: Vec<Vec<crate::sheet::Cell>>) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(crate::status::sheets::cell_text).collect())
        .collect()
}

/// A Markdown document: a heading, then a table, its dates in words (the
/// CSV twin keeps them as `YYYY-MM-DD`).
pub(crate) fn table_markdown(
    s: &crate::render::templates::Strings,
    heading: &str,
    headers: &[String],
    rows: &[Vec<String>],
) -> String {
    let mut md = String::new();
    let mut lines = heading.lines();
    if let Some(first) = lines.next() {
        md.push_str(&format!("# {}\n\n", escape_markdown(first)));
    }
    for l in lines.filter(|l| !l.trim().is_empty()) {
        md.push_str(&format!("{}\n\n", escape_markdown(l)));
    }
    let cell = |v: &str| {
        if v.trim().is_empty() {
            "—".to_string()
        } else if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            crate::render::words::long_date(s, d)
        } else {
            escape_markdown(v)
        }
    };
    md.push_str(&format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    md.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
    for r in rows {
        md.push_str(&format!(
            "| {} |\n",
            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    md
}

/// Makes the audit pack of the workspace, restricted to what concerns
/// `only` when given, its documents dated `now`.
fn build(
    ws: &Workspace,
    t: &Templates,
    only: Option<&Id>,
    now: DateTime<Utc>,
) -> Result<Pack, AuditError> {
    let mut m = Maker {
        ws,
        t,
        now,
        only,
        pack: Pack::default(),
        evidence: BTreeSet::new(),
        included: BTreeSet::new(),
        tampered: crate::workspace::integrity::check(&ws.root)?,
    };
    m.register()?;
    m.breaches()?;
    m.records()?;
    m.sheets()?;
    m.people()?;
    m.measures()?;
    m.fate()?;
    m.evidence()?;
    m.timestamps()?;
    m.journal()?;
    // The keys that verify the signatures, certificates' and the manifest's.
    let keys = format!(
        "{}/{}",
        crate::signing::KEYS_DIR,
        crate::signing::ALLOWED_SIGNERS
    );
    m.copy(&keys, &keys)?;
    Ok(m.pack)
}
