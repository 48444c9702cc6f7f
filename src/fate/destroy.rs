//! `dpo fate destroy`: the record of how one copy was destroyed, with every
//! fact NIST SP 800-88 asks for (method, technique, tool and version,
//! operator, verification, validation, media destination, backups), refused
//! when it would go against the controller's choice. Its checks
//! ([`prepare`]) and its recording ([`commit`]) are those of a destruction
//! through a backup tool too ([`super::backup`]).

use chrono::{DateTime, FixedOffset};

use super::{local_second, Fate, FateError, Payload};
use crate::model::{
    is_placeholder, DestructionRecord, FateRecord, FingerprintRecord, Id, SanitizationMethod,
};
use crate::render::catalog::Msg;
use crate::render::said;
use crate::workspace::{Act, Workspace, WorkspaceLock};

/// What `dpo fate destroy` needs.
#[derive(Debug, Clone)]
pub struct DestroyRequest {
    /// The controller whose fate file holds the item (`None`: the one that has it).
    pub controller: Option<Id>,
    /// The item.
    pub item: String,
    /// The copy destroyed.
    pub copy: String,
    /// Sanitization method.
    pub method: SanitizationMethod,
    /// The technique.
    pub technique: String,
    /// Tool and version.
    pub tool: String,
    /// Who did it.
    pub operator: String,
    /// When it was done (`None`: now).
    pub at: Option<DateTime<FixedOffset>>,
    /// How completion was verified.
    pub verification: String,
    /// Who accepted the result.
    pub validated_by: Option<String>,
    /// What became of the medium.
    pub media_destination: Option<String>,
    /// Whether a backup of this copy exists, and where.
    pub backup: Option<String>,
}

/// A destruction recorded.
#[derive(Debug, Clone)]
pub struct Destroyed {
    /// The record appended to the fate file.
    pub record: DestructionRecord,
    /// True when the item has a fingerprint, so that a residual scan can
    /// prove the destruction.
    pub fingerprinted: bool,
}

/// `s` as given, `None` when blank.
fn given(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.trim().is_empty())
}

/// Checks the request, appends the destruction record and journals it.
pub fn destroy(ws: &Workspace, act: &Act, req: &DestroyRequest) -> Result<Destroyed, FateError> {
    for (flag, v) in [
        ("--technique", &req.technique),
        ("--tool", &req.tool),
        ("--operator", &req.operator),
        ("--verification", &req.verification),
    ] {
        if v.trim().is_empty() {
            return Err(super::refused(
                Msg::new("duties-fate-destroy-empty").arg("flag", flag),
            ));
        }
    }
    let (f, record) = prepare(ws, act, req)?;
    let lock = ws.lock()?;
    refuse_if_interrupted(ws, &f, &record)?;
    commit(ws, &lock, &f, act, record)
}

/// Refuses a destruction typed or proven by imported listings while a
/// destruction of the same copy through a backup tool is interrupted: its
/// backups may be deleted and not freed, and only the same `--via` command
/// takes it up ([`super::backup::intent`]).
pub(super) fn refuse_if_interrupted(
    ws: &Workspace,
    f: &Fate,
    record: &DestructionRecord,
) -> Result<(), FateError> {
    let open = super::backup::intent::open_for(
        ws,
        f.controller.as_str(),
        record.item.as_str(),
        record.copy.as_str(),
    )?;
    match open {
        Some((i, command)) => Err(FateError::Refused(
            crate::render::said::Refusal::new(
                Msg::new("backup-interrupted-refused")
                    .arg("copy", record.copy.as_str())
                    .arg("item", record.item.as_str())
                    .arg("at", super::backup::intent::said_at(ws, &i.at)),
            )
            .hint(Msg::new("backup-interrupted-hint").arg("command", command)),
        )),
        None => Ok(()),
    }
}

/// The checks every destruction passes before anything is done or
/// recorded — the item and the copy exist, the controller's choice allows
/// it, the operator is named, the validator and the medium's fate are not
/// « à compléter » typed as a value, the instant is not in the future — and
/// the record the request gives (its method, technique, tool and
/// verification as given: `dpo fate destroy --via` fills them in from what
/// the backup tool did).
pub(super) fn prepare(
    ws: &Workspace,
    act: &Act,
    req: &DestroyRequest,
) -> Result<(Fate, DestructionRecord), FateError> {
    let f = super::find_item(ws, req.controller.as_ref(), &req.item)?;
    let item = f.require_item(&req.item)?;
    let copy = f.require_copy(item, &req.copy)?;
    if req.operator.trim().is_empty() {
        return Err(super::refused(Msg::new("copies-destroy-no-operator")));
    }
    // Left out, they stay « à compléter » (and `certify` says so); typed
    // as « à compléter », they would read as a name or a fact.
    for (flag, v) in [
        ("--validated-by", &req.validated_by),
        ("--media-destination", &req.media_destination),
    ] {
        if let Some(v) = v.as_deref().filter(|v| is_placeholder(v)) {
            return Err(super::refused(
                Msg::new("duties-fate-destroy-placeholder")
                    .arg("flag", flag)
                    .arg("value", v.trim()),
            ));
        }
    }
    super::check_destroy(&f, item)?;
    let recorded_at = local_second(act.now, ws.tz);
    let at = req.at.unwrap_or(recorded_at);
    if at > recorded_at {
        return Err(super::refused(
            Msg::new("duties-fate-destroy-future")
                .arg("at", said::instant_in(at, ws.tz))
                .arg("now", said::instant(recorded_at)),
        ));
    }
    super::check_immutable(item, copy, at.date_naive())?;
    let record = DestructionRecord {
        item: item.id.clone(),
        copy: copy.id.clone(),
        method: req.method,
        technique: req.technique.trim().to_string(),
        tool: req.tool.trim().to_string(),
        operator: req.operator.trim().to_string(),
        at,
        verification: req.verification.trim().to_string(),
        validated_by: given(&req.validated_by),
        media_destination: given(&req.media_destination),
        backup: given(&req.backup),
        recorded_at,
        recorded_by: act.actor.clone(),
        backups: None,
    };
    Ok((f, record))
}

/// Appends `record` to the fate file `f` and journals it, under `lock`
/// (the evidence files noted with the lock are covered by the same entry).
pub(super) fn commit(
    ws: &Workspace,
    lock: &WorkspaceLock,
    f: &Fate,
    act: &Act,
    record: DestructionRecord,
) -> Result<Destroyed, FateError> {
    let fingerprinted = f
        .records::<FingerprintRecord>()
        .any(|x| x.item == record.item);
    let recorded = FateRecord::Destruction(record.clone());
    super::append_record(ws, lock, f, act, recorded, Payload::Record)?;
    Ok(Destroyed {
        record,
        fingerprinted,
    })
}
