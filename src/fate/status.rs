//! Where each item and each copy stands, what remains to do, and the rules
//! that keep the work in a safe order: nothing is destroyed before the
//! controller's written choice, nor before a verified hand-over when the
//! controller asked for its data back; no certificate while a copy is
//! neither destroyed with a verification nor returned in a verified bag.
//! [`overview`] gathers all of it for `dpo fate list`.

use serde::Serialize;

use super::{Fate, FateError};
use chrono::NaiveDate;

use crate::model::{
    BagRecord, BagVerificationRecord, Choice, CopyKind, DataCopy, DataItem, DestructionRecord,
    FingerprintRecord, Id, ItemField, ScanRecord,
};
use crate::render::catalog::{Arg, Msg};
use crate::render::said::Refusal;
use crate::render::templates::Strings;
use crate::render::words;
use crate::workspace::Workspace;

/// What has become of a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyState {
    /// Nothing recorded yet.
    Pending,
    /// A bag was made from it but not verified.
    Bagged,
    /// Handed over in a verified bag.
    Returned,
    /// Destroyed, with a verification.
    Destroyed,
    /// Kept by the processor on the controller's decision.
    Kept,
    /// A destruction through a backup tool was interrupted: only the same
    /// `--via` command takes it up ([`super::backup::intent`]).
    Interrupted,
}

/// The status of one copy.
#[derive(Debug, Clone, Serialize)]
pub struct CopyStatus {
    /// The copy.
    pub copy: Id,
    /// Its kind.
    pub kind: CopyKind,
    /// Where it stands.
    pub state: CopyState,
    /// True when nothing remains to do for it.
    pub done: bool,
    /// The last destruction recorded, if any.
    pub destruction: Option<DestructionRecord>,
    /// The bags made from it that verified.
    pub verified_bags: Vec<BagRecord>,
    /// The last day it is protected from deletion, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immutable_until: Option<NaiveDate>,
    /// What remains to do, when something does.
    pub todo: Option<String>,
}

/// The status of one item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemStatus {
    /// The item.
    pub item: Id,
    /// Its name.
    pub name: String,
    /// The controller's choice.
    pub choice: Option<Choice>,
    /// True when the written decision is recorded.
    pub decided: bool,
    /// Number of fingerprints taken.
    pub fingerprints: usize,
    /// The last scan, if any.
    pub last_scan: Option<ScanRecord>,
    /// Its copies.
    pub copies: Vec<CopyStatus>,
    /// What remains to do at the level of the item.
    pub todo: Vec<String>,
    /// True when nothing remains to do.
    pub done: bool,
}

/// One thing that stands in the way of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The item (`None`: the certificate as a whole, e.g. its signatory).
    pub item: Option<Id>,
    /// The copy, when the problem is about one.
    pub copy: Option<Id>,
    /// The field that is « à compléter », when the problem is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is missing.
    pub reason: String,
}

impl Pending {
    /// The line that says it, in the language of `s`.
    pub fn text(&self, s: &Strings) -> String {
        let what = match (&self.item, &self.copy) {
            (Some(i), Some(c)) => s.fmt(
                "fate-pending-copy",
                &[("copy", c.as_str().into()), ("item", i.as_str().into())],
            ),
            (Some(i), None) => s.fmt("fate-pending-item", &[("item", i.as_str().into())]),
            (None, _) => s.fmt("fate-pending-certificate", &[]),
        };
        let (what, reason) = (what.into(), self.reason.as_str().into());
        match &self.field {
            // A field of a record in words, as the audit pack says it; a
            // place in another file in words when it has them, else as it is.
            Some(field) => s.fmt(
                "fate-pending-field",
                &[
                    ("what", what),
                    (
                        "field",
                        if crate::audit::has_words(s, field) {
                            crate::audit::field_in_words(s, field)
                        } else if field == DPO_NAME_FIELD {
                            s.fmt("terminal-ha-dpo-name", &[])
                        } else {
                            field.clone()
                        }
                        .into(),
                    ),
                    ("reason", reason),
                ],
            ),
            None => s.fmt("fate-pending", &[("what", what), ("reason", reason)]),
        }
    }
}

/// The destruction record of a copy whose validator or medium's fate is
/// « à compléter »: the certificate would state a destruction no one
/// validated, or a medium whose fate is unknown.
fn incomplete_destruction(item: &Id, c: &CopyStatus, s: &Strings) -> Vec<Pending> {
    let Some(d) = &c.destruction else {
        return Vec::new();
    };
    let blank = |v: &Option<String>| v.as_deref().is_none_or(crate::model::is_placeholder);
    [
        (
            "validated_by",
            blank(&d.validated_by),
            ("--validated-by", "terminal-placeholder-name"),
        ),
        (
            "media_destination",
            blank(&d.media_destination),
            ("--media-destination", "terminal-placeholder-text"),
        ),
        // A destruction proven by imported listings names the product,
        // its version « à compléter » unless `--tool` gave it.
        (
            "tool",
            crate::model::is_placeholder(&d.tool)
                || d.tool
                    .rsplit_once("version")
                    .is_some_and(|(_, v)| crate::model::is_placeholder(v)),
            ("--tool", "terminal-placeholder-text"),
        ),
    ]
    .into_iter()
    .filter(|(_, missing, _)| *missing)
    .map(|(field, _, flag)| Pending {
        item: Some(item.clone()),
        copy: Some(c.copy.clone()),
        field: Some(format!("destruction.{field}")),
        reason: s.fmt(
            "fate-pending-incomplete-destruction",
            &[
                ("at", crate::render::words::long_datetime(s, d.at).into()),
                ("item", item.as_str().into()),
                ("copy", c.copy.as_str().into()),
                ("flag", format!("{} {}", flag.0, s.fmt(flag.1, &[])).into()),
            ],
        ),
    })
    .collect()
}

/// Where the certificate's signatory is named (a place in another file).
const DPO_NAME_FIELD: &str = "processor.yaml: dpo.name";

/// The signatory of the certificate, the processor's DPO, when their name
/// is « à compléter » ([`Workspace::dpo_name`]: `dpo.name` in
/// `processor.yaml`, or the DPO of `people.yaml`).
pub fn unsigned(ws: &Workspace, s: &Strings) -> Option<Pending> {
    ws.dpo_name().is_none().then(|| Pending {
        item: None,
        copy: None,
        field: Some(DPO_NAME_FIELD.into()),
        reason: s.fmt("fate-pending-unsigned", &[]),
    })
}

/// A kind of copy in words, as the tool's messages name it.
pub fn kind_label(k: CopyKind, s: &Strings) -> String {
    s.fmt(
        match k {
            CopyKind::LiveStorage => "copy-kind-live-storage",
            CopyKind::BackupRepository => "copy-kind-backup-repository",
            CopyKind::RestorePoints => "copy-kind-restore-points",
            CopyKind::OffsiteMedia => "copy-kind-offsite-media",
            CopyKind::Replica => "copy-kind-replica",
        },
        &[],
    )
}

/// Bags of `item` whose latest verification passed.
fn verified_bags<'a>(fate: &'a Fate, item: &Id) -> Vec<&'a BagRecord> {
    fate.records::<BagRecord>()
        .filter(|b| &b.item == item)
        .filter(|b| {
            fate.records::<BagVerificationRecord>()
                .rev()
                .find(|v| v.tagmanifest_sha256 == b.tagmanifest_sha256)
                .is_some_and(|v| v.valid)
        })
        .collect()
}

fn has_bag(fate: &Fate, item: &Id, copy: &Id) -> bool {
    fate.records::<BagRecord>()
        .any(|b| &b.item == item && &b.copy == copy)
}

/// Where `item` and each of its copies stand.
pub fn item_status(fate: &Fate, item: &DataItem, s: &Strings) -> ItemStatus {
    let t = |id: &str, args: &[(&str, Arg<'_>)]| s.fmt(id, args);
    let id = item.id.as_str();
    let bags = verified_bags(fate, &item.id);
    let fingerprints = fate
        .records::<FingerprintRecord>()
        .filter(|f| f.item == item.id)
        .count();
    let last_scan = fate
        .records::<ScanRecord>()
        .rev()
        .find(|s| s.item == item.id)
        .cloned();
    let mut todo = Vec::new();
    // A choice marked as an assumption is not the controller's yet.
    let unconfirmed = item.to_confirm.contains(&ItemField::Choice);
    match item.choice {
        None => todo.push(t("fate-todo-choice", &[("item", id.into())])),
        Some(_) if unconfirmed => todo.push(t("fate-todo-confirm-choice", &[("item", id.into())])),
        Some(_) if item.decision.is_none() => {
            todo.push(t("fate-todo-decision", &[("item", id.into())]))
        }
        _ => {}
    }
    let choice = item.choice;
    if choice.is_some_and(Choice::returns) && bags.is_empty() {
        todo.push(t("fate-todo-hand-over", &[("item", id.into())]));
    }
    // Before destroying: once every copy is destroyed or handed over, it
    // is too late to say.
    let fingerprint_at =
        (choice.is_some_and(|c| c != Choice::Keep) && fingerprints == 0).then_some(todo.len());
    if let Some(scan) = last_scan.as_ref().filter(|scan| !scan.clean) {
        todo.push(t(
            "fate-todo-scan-found",
            &[
                ("at", words::long_datetime(s, scan.at).into()),
                ("n", scan.matched.into()),
            ],
        ));
    }
    let copies: Vec<CopyStatus> = item
        .copies
        .iter()
        .map(|c| {
            let destruction = fate
                .records::<DestructionRecord>()
                .rev()
                .find(|d| d.item == item.id && d.copy == c.id && !d.verification.trim().is_empty())
                .cloned();
            let returned: Vec<BagRecord> = bags
                .iter()
                .filter(|b| b.copy == c.id)
                .map(|b| (*b).clone())
                .collect();
            let bagged = has_bag(fate, &item.id, &c.id);
            let state = if choice == Some(Choice::Keep) {
                CopyState::Kept
            } else if destruction.is_some() {
                CopyState::Destroyed
            } else if !returned.is_empty() {
                CopyState::Returned
            } else if bagged {
                CopyState::Bagged
            } else {
                CopyState::Pending
            };
            let destroy_cmd = t(
                "fate-todo-destroy",
                &[("item", id.into()), ("copy", c.id.as_str().into())],
            );
            let todo = match (choice, state) {
                (_, CopyState::Kept | CopyState::Destroyed) => None,
                (None, _) => Some(t("fate-todo-wait-choice", &[])),
                (Some(_), _) if unconfirmed => Some(t("fate-todo-wait-confirm", &[])),
                (Some(Choice::Return), CopyState::Returned) => None,
                (Some(Choice::Return), CopyState::Bagged) => Some(t("fate-todo-verify-bag", &[])),
                (Some(Choice::Return), _) => Some(t(
                    "fate-todo-return-or",
                    &[("destroy", destroy_cmd.as_str().into())],
                )),
                (Some(Choice::ReturnThenDestroy), _) if bags.is_empty() => {
                    Some(t("fate-todo-wait-hand-over", &[]))
                }
                _ => Some(destroy_cmd),
            };
            // A copy still protected says until when, whatever remains.
            let todo = todo.map(|t| match immutable_line(c, s) {
                Some(line) => format!("{t} ({line})"),
                None => t,
            });
            CopyStatus {
                copy: c.id.clone(),
                kind: c.kind,
                state,
                immutable_until: c.immutable_until,
                done: todo.is_none(),
                destruction,
                verified_bags: returned,
                todo,
            }
        })
        .collect();
    if let Some(at) = fingerprint_at.filter(|_| copies.iter().any(|c| !c.done)) {
        todo.insert(at, t("fate-todo-fingerprint", &[("item", id.into())]));
    }
    let done = todo.is_empty() && copies.iter().all(|c| c.done);
    ItemStatus {
        item: item.id.clone(),
        name: item.name.clone(),
        choice,
        decided: item.decision.is_some(),
        fingerprints,
        last_scan,
        copies,
        todo,
        done,
    }
}

/// Everything that stands in the way of a certificate, item by item and copy
/// by copy. Empty: the certificate may be issued.
pub fn pending(fate: &Fate, s: &Strings) -> Vec<Pending> {
    let mut out = Vec::new();
    for item in &fate.file.items {
        let st = item_status(fate, item, s);
        let p = |copy: Option<&Id>, reason: String| Pending {
            item: Some(item.id.clone()),
            copy: copy.cloned(),
            field: None,
            reason,
        };
        match item.choice {
            None => out.push(p(None, s.fmt("fate-pending-choice", &[]))),
            Some(_) if item.decision.is_none() => {
                out.push(p(None, s.fmt("fate-pending-decision", &[])))
            }
            _ => {}
        }
        if item.choice.is_some_and(Choice::returns) && verified_bags(fate, &item.id).is_empty() {
            out.push(p(None, s.fmt("fate-pending-not-bagged", &[])));
        }
        if let Some(scan) = st.last_scan.as_ref().filter(|scan| !scan.clean) {
            out.push(p(
                scan.copy.as_ref(),
                s.fmt(
                    "fate-pending-scan-found",
                    &[
                        ("at", words::long_datetime(s, scan.at).into()),
                        ("n", scan.matched.into()),
                    ],
                ),
            ));
        }
        if item.choice.is_none() {
            continue;
        }
        for c in &st.copies {
            out.extend(incomplete_destruction(&item.id, c, s));
            if c.done {
                continue;
            }
            let reason = match (item.choice, c.state) {
                (Some(Choice::ReturnThenDestroy), CopyState::Returned) => {
                    "fate-pending-returned-not-destroyed"
                }
                (Some(Choice::Destroy | Choice::ReturnThenDestroy), _) => {
                    "fate-pending-not-destroyed"
                }
                _ => "fate-pending-neither",
            };
            let kind = kind_label(c.kind, s);
            let mut reason = s.fmt(reason, &[("kind", kind.into())]);
            // Why it cannot be done yet, when the copy is protected.
            if let Some(copy) = item.copies.iter().find(|x| x.id == c.copy) {
                if let Some(line) = immutable_line(copy, s) {
                    reason = format!("{reason} ({line})");
                }
            }
            out.push(p(Some(&c.copy), reason));
        }
    }
    out
}

/// Where one controller's fate file stands.
#[derive(Debug, Clone, Serialize)]
pub struct ControllerStatus {
    /// The controller.
    pub controller: Id,
    /// Its fate file, relative to the workspace.
    pub file: String,
    /// Every item.
    pub items: Vec<ItemStatus>,
    /// What stands in the way of the certificate.
    pub pending: Vec<Pending>,
}

/// Where every item and copy stands: in the fate file of `controller`, or in
/// every fate file when `None`.
pub fn overview(
    ws: &Workspace,
    controller: Option<&Id>,
    s: &Strings,
) -> Result<Vec<ControllerStatus>, FateError> {
    let ids = match controller {
        Some(id) => vec![id.clone()],
        None => super::list_fate_files(&ws.root)?,
    };
    if ids.is_empty() {
        return Err(FateError::NoFateFiles);
    }
    let mut out = Vec::new();
    for id in ids {
        let f = super::load(ws, &id)?;
        let mut pending = pending(&f, s);
        pending.extend(unsigned(ws, s));
        let mut items: Vec<ItemStatus> =
            f.file.items.iter().map(|i| item_status(&f, i, s)).collect();
        pending.extend(interrupted(ws, &id, &mut items, s)?);
        out.push(ControllerStatus {
            file: f.rel(),
            items,
            pending,
            controller: id,
        });
    }
    Ok(out)
}

/// Marks each copy of `items` whose destruction through a backup tool is
/// interrupted, with the command that takes it up, and returns what that
/// stands in the way of: a certificate would not say it.
fn interrupted(
    ws: &Workspace,
    controller: &Id,
    items: &mut [ItemStatus],
    s: &Strings,
) -> Result<Vec<Pending>, FateError> {
    use super::backup::intent;
    let open = intent::interrupted(ws)?;
    let mut out = Vec::new();
    for it in items.iter_mut() {
        for c in it.copies.iter_mut() {
            let subject = intent::subject(controller.as_str(), it.item.as_str(), c.copy.as_str());
            let Some(i) = open.iter().find(|i| i.subject == subject) else {
                continue;
            };
            let reason = s.fmt(
                "backup-interrupted-todo",
                &[
                    ("at", intent::said_at(ws, &i.at).into()),
                    ("command", i.command(ws).into()),
                ],
            );
            c.state = CopyState::Interrupted;
            c.done = false;
            c.todo = Some(reason.clone());
            it.done = false;
            out.push(Pending {
                item: Some(it.item.clone()),
                copy: Some(c.copy.clone()),
                field: None,
                reason,
            });
        }
    }
    Ok(out)
}

/// Refuses a certificate while a destruction of one of the controller's
/// copies through a backup tool is interrupted: it would not say it.
pub(super) fn refuse_if_interrupted(ws: &Workspace, controller: &Id) -> Result<(), FateError> {
    use super::backup::intent;
    let prefix = format!("{controller}/");
    let open = intent::interrupted(ws)?;
    let Some(i) = open.iter().find(|i| i.subject.starts_with(&prefix)) else {
        return Ok(());
    };
    let (item, copy) = i.item_copy();
    Err(FateError::Refused(
        Refusal::new(
            Msg::new("backup-interrupted-certify")
                .arg("copy", copy)
                .arg("item", item)
                .arg("at", intent::said_at(ws, &i.at)),
        )
        .hint(Msg::new("backup-interrupted-hint").arg("command", i.command(ws))),
    ))
}

/// Refuses a destruction that would go against the controller's choice or
/// lose data it asked for.
pub fn check_destroy(fate: &Fate, item: &DataItem) -> Result<(), FateError> {
    let refuse = |id: &'static str, hint: Option<Msg>| {
        let r = Refusal::new(Msg::new(id).arg("item", item.id.to_string()));
        Err(FateError::Refused(match hint {
            Some(h) => r.hint(h),
            None => r,
        }))
    };
    // A destruction cannot be undone: never on an assumed choice.
    if item.to_confirm.contains(&ItemField::Choice) {
        return refuse(
            "duties-fate-destroy-choice-assumed",
            Some(Msg::new("duties-fate-destroy-choice-assumed-hint").arg("file", fate.rel())),
        );
    }
    match item.choice {
        None => refuse(
            "duties-fate-destroy-no-choice",
            Some(record_choice_hint(&item.id)),
        ),
        Some(Choice::Keep) => refuse("duties-fate-destroy-kept", None),
        Some(c) if c.returns() && verified_bags(fate, &item.id).is_empty() => refuse(
            "duties-fate-destroy-before-handover",
            Some(
                Msg::new("duties-fate-destroy-before-handover-hint")
                    .arg("item", item.id.to_string()),
            ),
        ),
        _ => Ok(()),
    }
}

/// Refuses a destruction of `copy` dated `on` while it is immutable.
pub fn check_immutable(item: &DataItem, copy: &DataCopy, on: NaiveDate) -> Result<(), FateError> {
    match copy.immutable_until {
        Some(until) if on <= until => Err(FateError::Immutable {
            item: item.id.clone(),
            copy: copy.id.clone(),
            until,
            on,
        }),
        _ => Ok(()),
    }
}

/// « protected until … included, can be destroyed from … » for a copy that
/// carries `immutable_until`.
pub fn immutable_line(copy: &DataCopy, s: &Strings) -> Option<String> {
    let until = copy.immutable_until?;
    let from = until.succ_opt().unwrap_or(until);
    Some(s.fmt(
        "copies-immutable",
        &[
            ("until", words::long_date(s, until).into()),
            ("from", words::long_date(s, from).into()),
        ],
    ))
}

/// How to record the controller's written choice for `item`, journaled.
fn record_choice_hint(item: &Id) -> Msg {
    Msg::new("duties-fate-record-choice-hint").arg("item", item.to_string())
}

/// Refuses a bag for an item the controller did not ask back.
pub fn check_bag(item: &DataItem) -> Result<(), FateError> {
    let said = |id| Msg::new(id).arg("item", item.id.to_string());
    match item.choice {
        Some(c) if c.returns() => Ok(()),
        None => Err(FateError::Refused(
            Refusal::new(said("duties-fate-bag-no-choice")).hint(record_choice_hint(&item.id)),
        )),
        Some(_) => Err(super::refused(said("duties-fate-bag-not-asked"))),
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::*;
    use crate::model::SanitizationMethod;

    fn copy_destroyed(validated_by: &str, media: &str) -> CopyStatus {
        let at = chrono::DateTime::parse_from_rfc3339("2021-08-03T10:00:00+02:00").unwrap();
        let id = |s: &str| Id::new(s).unwrap();
        CopyStatus {
            copy: id("live"),
            kind: CopyKind::LiveStorage,
            state: CopyState::Destroyed,
            immutable_until: None,
            done: true,
            destruction: Some(DestructionRecord {
                item: id("partages"),
                copy: id("live"),
                method: SanitizationMethod::Purge,
                technique: "effacement cryptographique".into(),
                tool: "cryptsetup 2.6.1".into(),
                operator: "Bob Martin".into(),
                at,
                verification: "relecture".into(),
                validated_by: Some(validated_by.into()),
                media_destination: Some(media.into()),
                backup: None,
                recorded_at: at,
                recorded_by: "test".into(),
                backups: None,
            }),
            verified_bags: Vec::new(),
            todo: None,
        }
    }

    #[test]
    fn a_validator_typed_as_a_completer_in_an_older_record_blocks_the_certificate() {
        let item = Id::new("partages").unwrap();
        let s = Strings::of(crate::model::Lang::En);
        let p = incomplete_destruction(&item, &copy_destroyed("« à compléter »", "broyé"), &s);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].field.as_deref(), Some("destruction.validated_by"));
        // The date in the refusal is worded, not printed raw.
        assert!(
            p[0].reason
                .contains("recorded on 3 August 2021, 10:00 (UTC+02:00)"),
            "{}",
            p[0].reason
        );
        assert!(
            incomplete_destruction(&item, &copy_destroyed("Carole Dupont", "broyé"), &s).is_empty()
        );
    }
}
