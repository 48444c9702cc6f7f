//! `dpo fate destroy`: a destruction recorded as the operator states it, or
//! done and proven through a backup tool (`--via restic|borg`), or proven by
//! the listings of a product dpo cannot run (`--listing-before/--listing-after`).
//! The arguments and the printing only; [`crate::fate`] does the work.

use super::super::{print_json, CliError, Settings};
use super::args::{self, DestroyArgs};
use super::controller_arg;
use crate::fate;

pub(super) fn run(settings: &Settings, a: &DestroyArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let controller = controller_arg(&a.controller)?;
    let at =
        a.at.as_deref()
            .map(|s| crate::time::parse_user_time(s, ws.tz))
            .transpose()
            .map_err(|source| CliError::Time {
                flag: "--at",
                source: Box::new(source),
            })?;
    let act = settings.act(ws.tz)?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let req = fate::DestroyRequest {
        controller,
        item: a.item.clone(),
        copy: a.copy.clone(),
        method: a.method.unwrap_or(args::MethodArg::Clear).into(),
        technique: text(&a.technique),
        tool: text(&a.tool),
        operator: a.operator.clone(),
        at,
        verification: text(&a.verification),
        validated_by: a.validated_by.clone(),
        media_destination: a.media_destination.clone(),
        backup: a.backup.clone(),
    };
    let s = settings.strings();
    let d = match a.via {
        Some(via) => {
            let req = fate::BackupRequest {
                destroy: req,
                tool: via.into(),
                repo: text(&a.repo),
                select: [
                    (fate::Select::Host, &a.hosts),
                    (fate::Select::Tag, &a.tags),
                    (fate::Select::Path, &a.paths),
                ]
                .into_iter()
                .flat_map(|(by, values)| values.iter().map(move |v| (by, v.clone())))
                .chain(
                    a.glob_archives
                        .iter()
                        .map(|g| (fate::Select::GlobArchives, g.clone())),
                )
                .collect(),
                crypto_erase: a.crypto_erase.then(|| a.key_copies.clone()),
                caches: settings.backup_env(via.into()).0,
                password_set: settings.backup_env(via.into()).1,
            };
            let b = fate::destroy_via(&ws, &act, &req, &s, &fate::backup::runner::System)?;
            if !settings.json {
                let r = &b.destroyed.record;
                let n = r.backups.as_ref().map_or(0, |p| p.deleted.len());
                let program = req.tool.program();
                say!(
                    s,
                    "backup-destroyed",
                    n = n,
                    copy = r.copy.as_str(),
                    item = r.item.as_str(),
                    program = program,
                    method = r.method.as_str(),
                    crypto = if req.crypto_erase.is_some() {
                        "yes"
                    } else {
                        "no"
                    }
                )?;
                say!(s, "backup-evidence", dir = b.evidence_dir.as_str())?;
                match &b.resumed {
                    Some(r) if r.erased_before.is_some() => say!(
                        s,
                        "backup-intent-erased",
                        at = r.at.as_str(),
                        before = if r.erased_before == Some(true) {
                            "yes"
                        } else {
                            "no"
                        }
                    )?,
                    Some(r) => say!(
                        s,
                        "backup-intent-completed",
                        at = r.at.as_str(),
                        n = r.deleted_now
                    )?,
                    None => {}
                }
                others_gone(&s, &b);
            }
            b.destroyed
        }
        None => match &a.listing_before {
            Some(before) => imported(settings, &ws, &act, req, a, before)?,
            None => fate::destroy(&ws, &act, &req)?,
        },
    };
    let r = &d.record;
    if settings.json {
        print_json(r)?;
    } else {
        let at = crate::render::words::long_datetime_in(&s, r.at, ws.tz);
        say!(
            s,
            "fate-destroyed",
            copy = r.copy.as_str(),
            item = r.item.as_str(),
            method = s.msg(
                &crate::render::catalog::Msg::new("terminal-ha-method")
                    .arg("method", r.method.as_str())
            ),
            at = at
        )?;
        if !d.fingerprinted && r.backups.is_none() {
            warn_say!(s, "fate-no-fingerprint", item = r.item.as_str());
        }
    }
    Ok(0)
}

/// Warns of the backups that were not selected and are no longer listed.
fn others_gone(s: &crate::render::templates::Strings, b: &fate::BackupDestroyed) {
    if !b.others_gone.is_empty() {
        let ids: String = b.others_gone.iter().map(|i| format!("\n  - {i}")).collect();
        warn_say!(s, "backup-others-gone", n = b.others_gone.len(), ids = ids);
    }
}

/// `dpo fate destroy … --listing-before F --listing-after G --format …`.
fn imported(
    settings: &Settings,
    ws: &crate::workspace::Workspace,
    act: &crate::workspace::Act,
    destroy: fate::DestroyRequest,
    a: &DestroyArgs,
    before: &std::path::Path,
) -> Result<fate::Destroyed, CliError> {
    let req = fate::ImportRequest {
        destroy,
        format: a.format.unwrap_or(args::FormatArg::Pbs).into(),
        before: before.to_path_buf(),
        after: a.listing_after.clone().unwrap_or_default(),
        repo: a.repo.clone().unwrap_or_default(),
        select: a.select.clone(),
    };
    let s = settings.strings();
    let b = fate::destroy_imported(ws, act, &req, &s)?;
    if !settings.json {
        let r = &b.destroyed.record;
        say!(
            s,
            "imports-destroyed",
            n = r.backups.as_ref().map_or(0, |p| p.deleted.len()),
            copy = r.copy.as_str(),
            item = r.item.as_str(),
            product = req.format.product().name(),
            method = r.method.as_str()
        )?;
        say!(s, "imports-evidence", dir = b.evidence_dir.as_str())?;
        others_gone(&s, &b);
    }
    Ok(b.destroyed)
}
