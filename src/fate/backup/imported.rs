//! `dpo fate destroy … --listing-before F --listing-after G --format
//! pbs|veeam-json`: a destruction made by the operator with a backup product
//! dpo cannot drive here (Proxmox Backup Server, Veeam Backup &
//! Replication), proven by the product's own listings taken before and
//! after it.
//!
//! Each listing is read into [`Listed`] entries — the JSON of
//! `proxmox-backup-client snapshot list --output-format json` ([`pbs`]), or
//! restore points exported from PowerShell with `ConvertTo-Json`
//! ([`veeam`]: `/Date(…)/` or ISO dates, one object or an array) — and
//! checked as a listing of restic or borg is ([`listing::compare`]): the
//! selected restore points are in the listing before, none is in the
//! listing after, and the others that went are reported. A listing that
//! cannot be read is refused with its file, line and column; a selection,
//! or one of its values, that matches nothing is refused; a listing after
//! that still shows a selected point records nothing (exit 1).
//!
//! Only then both listings are copied, byte for byte, into
//! `evidence/fate/<controller>/<item>/destroy-<copy>-<time>/`, their SHA-256
//! in the destruction record ([`crate::model::BackupProof`], `imported:
//! true`, method *clear*) and in its journal entry. dpo runs nothing and
//! deletes nothing here, so there is no write-ahead: the record is made in
//! one journaled step.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use super::listing::{self, Listed};
use super::{keep, BackupDestroyed, BackupError};
use crate::fate::destroy::{commit, prepare};
use crate::fate::{evidence_stem, DestroyRequest};
use crate::model::{BackupProduct, BackupProof, SanitizationMethod};
use crate::render::catalog::{Catalog, Msg};
use crate::workspace::{self, Act, Workspace};

/// What `dpo fate destroy … --listing-before … --listing-after …` needs.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The item, the copy, the operator, the validator, the medium's fate,
    /// and the tool if the operator names it (method, technique and
    /// verification come from the listings).
    pub destroy: DestroyRequest,
    /// The format of both listings.
    pub format: Format,
    /// The listing taken before the deletion.
    pub before: PathBuf,
    /// The listing taken after it.
    pub after: PathBuf,
    /// The datastore or repository, as the operator names it (may be empty).
    pub repo: String,
    /// The selection: each option and its value.
    pub select: Vec<(By, String)>,
}

/// The formats of an imported listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `proxmox-backup-client snapshot list --output-format json`.
    Pbs,
    /// Veeam restore points, `Get-VBRRestorePoint | … | ConvertTo-Json`.
    VeeamJson,
}

impl Format {
    /// The product whose listing it is.
    pub fn product(self) -> BackupProduct {
        match self {
            Self::Pbs => BackupProduct::Pbs,
            Self::VeeamJson => BackupProduct::Veeam,
        }
    }

    /// As `--format` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pbs => "pbs",
            Self::VeeamJson => "veeam-json",
        }
    }

    fn read(self, text: &str) -> Result<Vec<Point>, serde_json::Error> {
        match self {
            Self::Pbs => pbs(text),
            Self::VeeamJson => veeam(text),
        }
    }
}

/// An option that selects restore points of an imported listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum By {
    /// PBS: a backup group, `vm/101`.
    Group,
    /// Veeam: the backup job's name.
    Job,
    /// Veeam: the machine's name (the restore point's `Name`).
    Vm,
    /// PBS: a snapshot, `vm/101/2021-07-30T22:00:00Z`; Veeam: a restore point's `Id`.
    Id,
}

impl By {
    /// Its name in `--select KIND=VALUE`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Group => "group",
            Self::Job => "job",
            Self::Vm => "vm",
            Self::Id => "id",
        }
    }

    /// The kind named `name`.
    pub fn named(name: &str) -> Option<Self> {
        [Self::Group, Self::Job, Self::Vm, Self::Id]
            .into_iter()
            .find(|b| b.name() == name)
    }

    /// `--select KIND=VALUE`, as the record and the messages say it.
    fn said(self, value: &str) -> String {
        format!(
            "--select {}",
            crate::fate::certificate::shell_word(&format!("{}={value}", self.name()))
        )
    }

    fn fits(self, format: Format) -> bool {
        match self {
            Self::Id => true,
            Self::Group => format == Format::Pbs,
            Self::Job | Self::Vm => format == Format::VeeamJson,
        }
    }
}

/// One restore point of a listing, with what each option matches on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Point {
    listed: Listed,
    keys: Vec<(By, String)>,
}

impl Point {
    /// True when its value for `by` is `value` (a Veeam id in any case).
    fn is(&self, by: By, value: &str) -> bool {
        self.keys.iter().any(|(b, v)| {
            *b == by && (v == value || (by == By::Id && v.eq_ignore_ascii_case(value)))
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct PbsSnapshot {
    backup_type: String,
    backup_id: String,
    #[serde(deserialize_with = "epoch")]
    backup_time: String,
    #[serde(default)]
    comment: Option<String>,
}

/// `backup-time`, in seconds since the epoch, as PBS writes it in a
/// snapshot's path: `2021-07-30T22:00:00Z`.
fn epoch<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let secs = i64::deserialize(d)?;
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .ok_or_else(|| serde::de::Error::custom(not_a_date("backup-time", &secs.to_string())))
}

/// « `field` `value` is not a date », remembered to be said in the run's
/// language.
fn not_a_date(field: &str, value: &str) -> String {
    Msg::new("imports-not-a-date")
        .arg("field", field)
        .arg("value", value)
        .remembered()
}

/// The snapshots of `proxmox-backup-client snapshot list --output-format
/// json`: each one's id is its path, `type/id/time`.
fn pbs(text: &str) -> Result<Vec<Point>, serde_json::Error> {
    let v: Vec<PbsSnapshot> = serde_json::from_str(text)?;
    Ok(v.into_iter()
        .map(|s| {
            let group = format!("{}/{}", s.backup_type, s.backup_id);
            let id = format!("{group}/{}", s.backup_time);
            Point {
                listed: Listed {
                    id: id.clone(),
                    time: s.backup_time,
                    label: s.comment.unwrap_or_default(),
                },
                keys: vec![(By::Group, group), (By::Id, id)],
            }
        })
        .collect())
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct VeeamPoint {
    #[serde(deserialize_with = "guid")]
    id: String,
    name: String,
    #[serde(deserialize_with = "date")]
    creation_time: String,
    #[serde(default, deserialize_with = "text_or_number")]
    r#type: Option<String>,
    #[serde(default)]
    job_name: Option<String>,
}

/// A value PowerShell may have wrapped: a string, or an object holding it
/// under `key` (Windows PowerShell 5.1 writes a `Guid` as `{"Guid": …}`, a
/// dated value as `{"value": …, "DateTime": …}`).
fn unwrapped<'de, D: Deserializer<'de>>(d: D, key: &str) -> Result<serde_json::Value, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Object(mut m) => m.remove(key).unwrap_or(serde_json::Value::Null),
        v => v,
    })
}

fn guid<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match unwrapped(d, "Guid")? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        v => Err(serde::de::Error::custom(
            Msg::new("imports-not-an-id")
                .arg("value", v.to_string())
                .remembered(),
        )),
    }
}

fn text_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// `CreationTime` as ConvertTo-Json writes it: `/Date(1627682400000)/`
/// (Windows PowerShell 5.1, milliseconds since the epoch, turned into RFC
/// 3339 UTC) or ISO 8601 (PowerShell 7, kept as written).
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = unwrapped(d, "value")?;
    let s = v.as_str().map(str::trim).unwrap_or_default();
    if let Some(inner) = s.strip_prefix("/Date(").and_then(|r| r.strip_suffix(")/")) {
        // Milliseconds, then an optional ±HHMM: the instant is the milliseconds.
        let end = inner
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '+' || *c == '-')
            .map_or(inner.len(), |(i, _)| i);
        if let Some(t) = inner[..end]
            .parse::<i64>()
            .ok()
            .and_then(chrono::DateTime::from_timestamp_millis)
        {
            return Ok(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        }
    } else if chrono::DateTime::parse_from_rfc3339(s).is_ok()
        || chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
    {
        return Ok(s.to_string());
    }
    Err(serde::de::Error::custom(not_a_date(
        "CreationTime",
        &v.to_string(),
    )))
}

/// Veeam restore points exported with `ConvertTo-Json`: an array, or one
/// object when there was only one.
fn veeam(text: &str) -> Result<Vec<Point>, serde_json::Error> {
    let v: Vec<VeeamPoint> = if text.trim_start().starts_with('{') {
        vec![serde_json::from_str(text)?]
    } else {
        serde_json::from_str(text)?
    };
    Ok(v.into_iter()
        .map(|p| {
            let mut label = p.name.clone();
            let more: Vec<String> = p.job_name.iter().chain(&p.r#type).cloned().collect();
            if !more.is_empty() {
                label.push_str(&format!(" ({})", more.join(", ")));
            }
            let mut keys = vec![(By::Vm, p.name), (By::Id, p.id.clone())];
            keys.extend(p.job_name.map(|j| (By::Job, j)));
            Point {
                listed: Listed {
                    id: p.id,
                    time: p.creation_time,
                    label,
                },
                keys,
            }
        })
        .collect())
}

/// A listing file: its bytes (kept as evidence) and its restore points.
fn read(format: Format, path: &Path) -> Result<(Vec<u8>, Vec<Point>), BackupError> {
    let bad = |line: usize, column: usize, why: Msg| BackupError::Listing {
        file: path.to_path_buf(),
        line,
        column,
        why,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        bad(
            0,
            0,
            match e.kind() {
                std::io::ErrorKind::NotFound => Msg::new("imports-no-file"),
                _ => Msg::text(e.to_string()),
            },
        )
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        bad(line, column, Msg::new("imports-not-utf8"))
    })?;
    // `Out-File -Encoding utf8` of Windows PowerShell begins with a BOM.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let points = format.read(text).map_err(|e| {
        use serde_json::error::Category;
        let why = match e.classify() {
            Category::Eof => Msg::new("imports-json-eof"),
            Category::Syntax => Msg::new("imports-json-syntax"),
            Category::Data | Category::Io => {
                let m = e.to_string();
                workspace::serde_said(m.rsplit_once(" at line ").map_or(m.as_str(), |(w, _)| w))
            }
        };
        bad(e.line(), e.column().max(1), why)
    })?;
    Ok((bytes, points))
}

/// The selection as the record says it, and the points of `before` it
/// selects: a repeated option selects any of its values, different options
/// all of them (as restic reads `--host` and `--tag`).
fn select(req: &ImportRequest, before: &[Point]) -> Result<(String, Vec<Listed>), BackupError> {
    if let Some((by, _)) = req.select.iter().find(|(by, _)| !by.fits(req.format)) {
        return Err(BackupError::Options(
            Msg::new("imports-option-format")
                .arg("option", format!("--select {}=…", by.name()))
                .arg("format", req.format.as_str()),
        ));
    }
    if req.select.iter().any(|(_, v)| v.trim().is_empty()) {
        return Err(BackupError::Options(Msg::new("backup-empty-selection")));
    }
    if req.select.is_empty() {
        return Err(BackupError::Options(
            Msg::new("imports-no-selection").arg("format", req.format.as_str()),
        ));
    }
    let said = req
        .select
        .iter()
        .map(|(by, v)| by.said(v))
        .collect::<Vec<_>>()
        .join(" ");
    // Each value must name something: a mistyped id would otherwise pass
    // unnoticed beside the others.
    if let Some((by, v)) = req
        .select
        .iter()
        .find(|(by, v)| !before.iter().any(|p| p.is(*by, v)))
    {
        return Err(BackupError::NoneInListing {
            file: req.before.clone(),
            selection: by.said(v),
            listed: before.len(),
        });
    }
    let mut kinds: Vec<By> = req.select.iter().map(|(by, _)| *by).collect();
    kinds.sort();
    kinds.dedup();
    let selected: Vec<Listed> = before
        .iter()
        .filter(|p| {
            kinds
                .iter()
                .all(|k| req.select.iter().any(|(by, v)| by == k && p.is(*by, v)))
        })
        .map(|p| p.listed.clone())
        .collect();
    if selected.is_empty() {
        return Err(BackupError::NoneInListing {
            file: req.before.clone(),
            selection: said,
            listed: before.len(),
        });
    }
    Ok((said, selected))
}

/// Records a destruction proven by listings the operator took before and
/// after deleting with the product's own tool: checked first, then both
/// listings kept as evidence and the record journaled with them.
pub fn destroy_imported(
    ws: &Workspace,
    act: &Act,
    req: &ImportRequest,
    s: &Catalog,
) -> Result<BackupDestroyed, BackupError> {
    let (before_bytes, before) = read(req.format, &req.before)?;
    let (after_bytes, after) = read(req.format, &req.after)?;
    let (said, selected) = select(req, &before)?;
    let before: Vec<Listed> = before.into_iter().map(|p| p.listed).collect();
    let after: Vec<Listed> = after.into_iter().map(|p| p.listed).collect();
    let compared = listing::compare(&before, &selected, &after);
    // An empty listing after cannot tell a repository emptied from a
    // listing of nothing (another repository, a filter, a truncated
    // export): with restore points outside the selection before, it does
    // not prove they still exist, nor that it was taken where they were.
    let others = before.len() - selected.len();
    if after.is_empty() && others > 0 {
        return Err(BackupError::EmptyAfter {
            file: req.after.clone(),
            others,
        });
    }
    if !compared.deleted() {
        return Err(BackupError::StillListed {
            file: req.after.clone(),
            remaining: compared.remaining,
        });
    }
    let (f, mut record) = prepare(ws, act, &req.destroy)?;
    let lock = ws.lock()?;
    crate::fate::destroy::refuse_if_interrupted(ws, &f, &record)?;
    let stem = evidence_stem(
        &f.controller,
        Some(&record.item),
        &format!("destroy-{}", record.copy),
        record.recorded_at,
    );
    let dir = workspace::fresh_name(&ws.root, &stem, "");
    let evidence = vec![
        keep(ws, &lock, &dir, "listing-before.json", &before_bytes)?,
        keep(ws, &lock, &dir, "listing-after.json", &after_bytes)?,
    ];
    let product = req.format.product().name();
    record.method = SanitizationMethod::Clear;
    if record.tool.is_empty() {
        record.tool = s.msg(&Msg::new("imports-tool-unknown").arg("product", product));
    }
    record.backups = Some(BackupProof {
        tool: req.format.product(),
        imported: true,
        repository: req.repo.trim().to_string(),
        selection: said,
        crypto_erase: false,
        listed_before: before.len() as u64,
        listed_after: after.len() as u64,
        deleted: selected.iter().map(Into::into).collect(),
        keys_destroyed: Vec::new(),
        unopened: None,
        evidence,
    });
    let record = super::worded(&record, s);
    let destroyed = commit(ws, &lock, &f, act, record)?;
    Ok(BackupDestroyed {
        destroyed,
        evidence_dir: dir,
        others_gone: compared.others_gone.iter().map(|l| l.id.clone()).collect(),
        others_kept: compared.others_kept,
        resumed: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PBS: &str = r#"[{"backup-type":"vm","backup-id":"101","backup-time":1627682400,"comment":"juvisy-fs","files":[{"filename":"index.json.blob","crypt-mode":"none","size":512}],"size":512,"owner":"root@pam","protected":false},
{"backup-type":"ct","backup-id":"205","backup-time":1627768800,"files":[],"protected":false}]"#;

    fn request(format: Format, select: &[(By, &str)]) -> ImportRequest {
        ImportRequest {
            destroy: super::super::tests::request(crate::model::BackupTool::Restic, &[]).destroy,
            format,
            before: "avant.json".into(),
            after: "apres.json".into(),
            repo: String::new(),
            select: select.iter().map(|(b, v)| (*b, v.to_string())).collect(),
        }
    }

    #[test]
    fn a_pbs_snapshot_is_known_by_its_path_and_its_group() {
        let p = pbs(PBS).unwrap();
        assert_eq!(p[0].listed.id, "vm/101/2021-07-30T22:00:00Z");
        assert_eq!(p[0].listed.time, "2021-07-30T22:00:00Z");
        assert_eq!(p[0].listed.label, "juvisy-fs");
        assert!(p[0].is(By::Group, "vm/101"));
        assert!(!p[1].is(By::Group, "vm/101"));
        let e = pbs("[{\"backup-type\":\"vm\",\n\"backup-id\":\"1\"}]").unwrap_err();
        assert_eq!((e.line(), e.to_string().contains("backup-time")), (2, true));
    }

    #[test]
    fn veeam_dates_ids_and_a_lone_object_read_as_powershell_writes_them() {
        let ps5 = r#"{"Id":{"Guid":"6F1C…"},"Name":"juvisy-fs","CreationTime":"\/Date(1627682400000)\/","Type":0,"JobName":"Juvisy"}"#;
        let p = veeam(ps5).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].listed.time, "2021-07-30T22:00:00Z");
        assert_eq!(p[0].listed.label, "juvisy-fs (Juvisy, 0)");
        assert!(p[0].is(By::Id, "6f1c…") && p[0].is(By::Job, "Juvisy"));
        let ps7 = r#"[{"Id":"a","Name":"n","CreationTime":"2021-07-31T00:00:00.1234567+02:00","Type":"Full"}]"#;
        assert_eq!(
            veeam(ps7).unwrap()[0].listed.time,
            "2021-07-31T00:00:00.1234567+02:00"
        );
        let offset = r#"[{"Id":"a","Name":"n","CreationTime":"/Date(1627682400000+0200)/"}]"#;
        assert_eq!(
            veeam(offset).unwrap()[0].listed.time,
            "2021-07-30T22:00:00Z"
        );
        for bad in ["hier", "/Date()/", "/Date(x)/"] {
            let t = format!(r#"[{{"Id":"a","Name":"n","CreationTime":"{bad}"}}]"#);
            assert!(
                veeam(&t).unwrap_err().to_string().contains("not a date"),
                "{bad}"
            );
        }
    }

    #[test]
    fn repeated_options_select_any_value_and_different_options_all() {
        let before = pbs(PBS).unwrap();
        let (said, sel) = select(
            &request(Format::Pbs, &[(By::Group, "vm/101"), (By::Group, "ct/205")]),
            &before,
        )
        .unwrap();
        assert_eq!(sel.len(), 2);
        assert_eq!(said, "--select group=vm/101 --select group=ct/205");
        let both = request(
            Format::Pbs,
            &[
                (By::Group, "vm/101"),
                (By::Id, "ct/205/2021-07-31T22:00:00Z"),
            ],
        );
        assert!(matches!(
            select(&both, &before),
            Err(BackupError::NoneInListing { .. })
        ));
        // A mistyped value beside a good one is refused, not ignored.
        let typo = request(Format::Pbs, &[(By::Group, "vm/101"), (By::Group, "vm/110")]);
        match select(&typo, &before) {
            Err(BackupError::NoneInListing { selection, .. }) => {
                assert_eq!(selection, "--select group=vm/110")
            }
            other => panic!("{other:?}"),
        }
        for r in [
            request(Format::Pbs, &[(By::Job, "Juvisy")]),
            request(Format::VeeamJson, &[(By::Group, "vm/101")]),
            request(Format::Pbs, &[]),
            request(Format::Pbs, &[(By::Id, " ")]),
        ] {
            assert!(matches!(select(&r, &before), Err(BackupError::Options(_))));
        }
    }
}
