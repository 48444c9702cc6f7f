//! Evidence cross-checks (`dpo check`): what a record file says about a
//! message the tool sent must be what the kept `.eml` and the journal say.
//!
//! For every sending recorded — a breach notification or supplement, a
//! forwarded data-subject request, an instruction's transfer or objection
//! notice, a sub-processor notice — the kept `.eml` must exist as a regular
//! file whose SHA-256 is the recorded `sha256`, its `Date:` header must be
//! the recorded `sent_at`, and so must the instant of the journal entry that
//! vouches for the sending. The outbox ([`crate::mail::outbox`]) dates the
//! message, the record and the intent (`<action>.intent`, subject the
//! `.eml`) from the same clock reading, and `--confirm-sent` records the
//! intent's instant, so the intent is the entry compared; a journal written
//! before intents existed has only the outcome (`<action>`), compared
//! instead. Instants are compared to the second (the journal and the Date
//! header keep no fraction), whatever offset each is written with.
//!
//! A phone call logged on a breach may not predate the breach's `aware_at`
//! nor be later than now, and a notification's recorded deadline must still
//! be the one `aware_at` gives.
//!
//! Each mismatch is a finding (a [`Diagnostic`] naming the file and the
//! field): `dpo check` exits 1. Nothing here writes.

use crate::render::catalog::Msg;
use std::io::Read;
use std::path::{Component, Path};

use chrono::{DateTime, FixedOffset, Utc};

use super::{Diagnostic, JournalEntry, SourceFile, Workspace};
use crate::mail::outbox::{self, INTENT};
use crate::render::words;

/// How much of a kept message is read to find its `Date:` header.
const HEADER_LIMIT: u64 = 64 * 1024;

/// What a record says about one message it sent.
#[derive(Debug, Clone, Copy)]
pub struct SentMessage<'a> {
    /// When it was sent.
    pub sent_at: DateTime<FixedOffset>,
    /// The kept `.eml`, relative to the workspace.
    pub eml: &'a str,
    /// Its recorded SHA-256.
    pub sha256: &'a str,
}

impl<'a> From<&'a crate::model::MailRecord> for SentMessage<'a> {
    fn from(m: &'a crate::model::MailRecord) -> Self {
        Self {
            sent_at: m.sent_at,
            eml: &m.eml,
            sha256: &m.sha256,
        }
    }
}

impl<'a> From<&'a crate::model::Notification> for SentMessage<'a> {
    fn from(n: &'a crate::model::Notification) -> Self {
        Self {
            sent_at: n.sent_at,
            eml: &n.eml,
            sha256: &n.sha256,
        }
    }
}

/// What `dpo check` says of a workspace that loads, `now` being the
/// command's clock, the journal and the record hashes aside: the
/// diagnostics of every file (the workspace's, each record kind's, a team
/// clone's), and the evidence findings ([`check`]).
pub fn check_all(ws: &Workspace, now: DateTime<Utc>) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let today = now.with_timezone(&ws.tz).date_naive();
    let mut diags = super::validate(ws, today);
    // Each kind of record kept one file per record.
    diags.extend(
        super::kinds::FILE_KINDS
            .iter()
            .filter_map(|k| k.check)
            .flat_map(|check| check(ws, now)),
    );
    // A team's workspace: this clone's driver and tag, tags claimed twice.
    let hashed = ws.journal().entries_hashed().unwrap_or_default();
    diags.extend(crate::team::findings(&ws.root, ws.git.as_ref(), &hashed));
    (diags, check(ws, now))
}

/// The number of errors `dpo check` prints for a workspace that loads at
/// `now`, its journal intact: the errors of [`check_all`] and each record
/// file that disagrees with what the journal recorded for it.
pub fn error_count(ws: &Workspace, now: DateTime<Utc>) -> usize {
    let (diags, findings) = check_all(ws, now);
    let records = super::integrity::check(&ws.root).map_or(1, |r| r.len());
    diags
        .iter()
        .chain(&findings)
        .filter(|d| d.is_error())
        .count()
        + records
}

/// Every evidence finding of the workspace, `now` being the command's clock.
/// Record files that do not load are left out (their diagnostics are the
/// record checks'); a journal that does not read leaves out the comparisons
/// with the journal (`journal verify` reports it).
pub fn check(ws: &Workspace, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let entries = ws.journal().entries().ok();
    let c = Checker {
        ws,
        entries: entries.as_deref(),
    };
    let mut d = Vec::new();
    for loaded in crate::breach::store::load_all(ws).0 {
        let (b, src) = (&loaded.breach, &loaded.source);
        for (i, n) in b.notifications.iter().enumerate() {
            d.extend(c.sent(src, &format!("notifications[{i}]"), n.into()));
        }
        d.extend(calls(b, src, now));
        d.extend(deadlines(b, src));
    }
    for r in crate::request::list(ws).0 {
        if let Some(m) = &r.record.forwarded {
            d.extend(c.sent(&r.source, "forwarded", m.into()));
        }
    }
    for i in crate::instruction::list(ws).0 {
        let rec = &i.record;
        let notices = [
            (
                "transfer.notice",
                rec.transfer.as_ref().and_then(|t| t.notice.as_ref()),
            ),
            (
                "objection.notice",
                rec.objection.as_ref().and_then(|o| o.notice.as_ref()),
            ),
        ];
        for (field, m) in notices {
            if let Some(m) = m {
                d.extend(c.sent(&i.source, field, m.into()));
            }
        }
    }
    for n in crate::subprocessor::notices(ws).0 {
        if let Some(m) = &n.record.sent {
            d.extend(c.sent(&n.source, "sent", m.into()));
        }
    }
    d
}

/// The notifications of breach `b` sent against another deadline than its
/// `aware_at` gives today: `aware_at` was changed after they were sent
/// (`dpo breach set` refuses it, so by hand), which could make a late
/// notification look on time.
pub fn deadlines(b: &crate::model::Breach, src: &SourceFile) -> Vec<Diagnostic> {
    let now_due = crate::breach::deadline::deadline(b.aware_at);
    let mut d = Vec::new();
    for (i, n) in b.notifications.iter().enumerate() {
        let Some(due) = n.deadline.filter(|due| *due != now_due) else {
            continue;
        };
        d.push(finding(
            src,
            &format!("notifications[{i}].deadline"),
            Msg::new("evidence-deadline-moved")
                .arg("sent", words::show(due))
                .arg("now", words::show(now_due)),
            Msg::new("evidence-deadline-moved-hint"),
        ));
    }
    d
}

/// A finding about `field` of the record read from `src`.
fn finding(src: &SourceFile, field: &str, message: Msg, hint: Msg) -> Diagnostic {
    Diagnostic::error_msg(&src.rel, src.locate(field), field, message).with_hint_msg(hint)
}

/// The calls of breach `b` that predate its `aware_at` or are later than `now`.
pub fn calls(b: &crate::model::Breach, src: &SourceFile, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    for (i, call) in b.calls.iter().enumerate() {
        let (why, hint) = if call.at < b.aware_at {
            (
                "evidence-call-before-aware",
                "evidence-call-before-aware-hint",
            )
        } else if call.at.to_utc() > now {
            ("evidence-call-later", "evidence-call-later-hint")
        } else {
            continue;
        };
        d.push(finding(
            src,
            &format!("calls[{i}].at"),
            Msg::new(why)
                .arg("controller", call.controller.to_string())
                .arg("at", words::show(call.at))
                .arg("aware", words::show(b.aware_at)),
            Msg::new(hint),
        ));
    }
    d
}

struct Checker<'a> {
    ws: &'a Workspace,
    entries: Option<&'a [JournalEntry]>,
}

impl Checker<'_> {
    /// The findings about one message a record says it sent, at the YAML
    /// path `at` of `src`.
    fn sent(&self, src: &SourceFile, at: &str, m: SentMessage) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        let finding = |field: &str, message: Msg| {
            finding(
                src,
                &format!("{at}.{field}"),
                message,
                Msg::new("evidence-disagree-hint"),
            )
        };
        let sent = m.sent_at.timestamp();
        match read_eml(&self.ws.root, m.eml) {
            Err(why) => d.push(finding(
                "eml",
                Msg::new("evidence-eml").arg("eml", m.eml).arg("why", why),
            )),
            Ok((sha, date)) => {
                if sha != m.sha256 {
                    d.push(finding(
                        "sha256",
                        Msg::new("evidence-eml-sha")
                            .arg("eml", m.eml)
                            .arg("sha", sha)
                            .arg("recorded", m.sha256),
                    ));
                }
                match date {
                    Err(why) => d.push(finding(
                        "eml",
                        Msg::new("evidence-eml").arg("eml", m.eml).arg("why", why),
                    )),
                    Ok(date) if date.timestamp() != sent => d.push(finding(
                        "sent_at",
                        Msg::new("evidence-sent-at-date")
                            .arg("sent", words::show(m.sent_at))
                            .arg("eml", m.eml)
                            .arg("date", words::show_in(date, self.ws.tz)),
                    )),
                    Ok(_) => {}
                }
            }
        }
        let Some(entries) = self.entries else {
            return d;
        };
        match vouching_entry(entries, m.eml, m.sha256) {
            None => d.push(finding(
                "sha256",
                Msg::new("evidence-not-journaled")
                    .arg("sha", m.sha256)
                    .arg("eml", m.eml),
            )),
            Some(e) => {
                let instant = DateTime::parse_from_rfc3339(&e.at).ok();
                if instant.is_none_or(|t| t.timestamp() != sent) {
                    let when = instant.map_or(e.at.clone(), |t| words::show_in(t, self.ws.tz));
                    d.push(finding(
                        "sent_at",
                        Msg::new("evidence-sent-at-entry")
                            .arg("sent", words::show(m.sent_at))
                            .arg("seq", e.seq)
                            .arg("action", e.action.as_str())
                            .arg("when", when),
                    ));
                }
            }
        }
        d
    }
}

/// The journal entry whose instant a sending's `sent_at` must be: the
/// intent to send the kept message (`<action>.intent` about `eml`, with its
/// hash), else — a journal written before intents — the outcome `<action>`
/// with its hash.
pub fn vouching_entry<'e>(
    entries: &'e [JournalEntry],
    eml: &str,
    sha256: &str,
) -> Option<&'e JournalEntry> {
    let with_hash = || entries.iter().filter(|e| e.payload_sha256 == sha256);
    with_hash()
        .find(|e| e.action.ends_with(INTENT) && e.subject == eml)
        .or_else(|| {
            with_hash().find(|e| {
                !outbox::NOT_THE_SENDING
                    .iter()
                    .any(|suffix| e.action.ends_with(suffix))
            })
        })
}

/// The SHA-256 of the kept message `eml` (relative to `root`) and the
/// instant of its `Date:` header; or why it cannot be read.
fn read_eml(
    root: &Path,
    eml: &str,
) -> Result<(String, Result<DateTime<FixedOffset>, String>), String> {
    let rel = Path::new(eml);
    if eml.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err("is not a path inside the workspace".into());
    }
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("is missing".into()),
        Err(e) => return Err(format!("cannot be read: {e}")),
        Ok(m) if !m.file_type().is_file() => {
            return Err("is not a regular file (a link, a folder or a device)".into())
        }
        Ok(_) => {}
    }
    let sha = crate::hashing::hash_file(&path)
        .map(|d| crate::hashing::hex(&d))
        .map_err(|e| format!("cannot be read: {e}"))?;
    let mut head = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(HEADER_LIMIT).read_to_end(&mut head))
        .map_err(|e| format!("cannot be read: {e}"))?;
    Ok((sha, date_header(&head)))
}

/// The instant of the `Date:` header of a message (its header lines, up to
/// the first empty line; folded lines unfolded), read as RFC 2822.
pub fn date_header(message: &[u8]) -> Result<DateTime<FixedOffset>, String> {
    let value = crate::mail::header(message, "Date");
    let value = value.ok_or("has no Date header")?;
    DateTime::parse_from_rfc2822(&value)
        .map_err(|e| format!("has a Date header `{value}` that is not an RFC 2822 date: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u64, action: &str, subject: &str, sha: &str, at: &str) -> JournalEntry {
        JournalEntry {
            seq,
            at: at.into(),
            actor: "dpo".into(),
            action: action.into(),
            subject: subject.into(),
            payload_sha256: sha.into(),
            text: None,
            writes: Vec::new(),
            merged: Vec::new(),
            prev_sha256: String::new(),
        }
    }

    #[test]
    fn the_date_header_is_read_unfolded_up_to_the_body() {
        let m = b"From: a@b\r\nDate: Fri, 26 Mar 2021\r\n 09:05:00 +0000\r\nTo: c@d\r\n\r\nDate: Sat, 27 Mar 2021 09:05:00 +0000\r\n";
        let d = date_header(m).unwrap();
        assert_eq!(d.to_rfc3339(), "2021-03-26T09:05:00+00:00");
        assert!(
            date_header(b"From: a@b\r\n\r\nDate: Sat, 27 Mar 2021 09:05:00 +0000\r\n")
                .unwrap_err()
                .contains("no Date")
        );
        assert!(date_header(b"Date: yesterday\r\n\r\n")
            .unwrap_err()
            .contains("`yesterday`"));
    }

    #[test]
    fn the_intent_vouches_for_the_sending_else_the_outcome() {
        let eml = "evidence/breaches/2021-001/x-1.eml";
        let j = [
            entry(
                1,
                "breach.dry-run",
                "2021-001/x",
                "aa",
                "2021-03-26T08:00:00Z",
            ),
            entry(2, "breach.notify.intent", eml, "aa", "2021-03-26T09:00:00Z"),
            entry(
                3,
                "breach.notify",
                "2021-001/x",
                "aa",
                "2021-03-26T09:00:01Z",
            ),
        ];
        assert_eq!(vouching_entry(&j, eml, "aa").map(|e| e.seq), Some(2));
        // Confirmed later: still the intent.
        let confirmed = [
            j[1].clone(),
            entry(
                3,
                "breach.notify.confirm-sent",
                eml,
                "aa",
                "2021-03-27T09:00:00Z",
            ),
        ];
        assert_eq!(
            vouching_entry(&confirmed, eml, "aa").map(|e| e.seq),
            Some(2)
        );
        // A journal from before intents: the outcome.
        assert_eq!(
            vouching_entry(&[j[0].clone(), j[2].clone()], eml, "aa").map(|e| e.seq),
            Some(3)
        );
        // A dry run or another hash vouches for nothing.
        assert_eq!(vouching_entry(&j[..1], eml, "aa"), None);
        assert_eq!(vouching_entry(&j, eml, "bb"), None);
    }

    #[test]
    fn a_kept_message_outside_the_workspace_or_not_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", "/etc/passwd", "../x.eml", "evidence/../../x.eml"] {
            assert!(
                read_eml(dir.path(), bad).unwrap_err().contains("inside"),
                "{bad}"
            );
        }
        assert_eq!(read_eml(dir.path(), "a.eml").unwrap_err(), "is missing");
        std::fs::create_dir(dir.path().join("d.eml")).unwrap();
        assert!(read_eml(dir.path(), "d.eml")
            .unwrap_err()
            .contains("regular"));
        std::fs::write(
            dir.path().join("m.eml"),
            b"Date: Fri, 26 Mar 2021 09:05:00 +0000\r\n\r\nx",
        )
        .unwrap();
        let (sha, date) = read_eml(dir.path(), "m.eml").unwrap();
        assert_eq!(
            sha,
            crate::hashing::sha256_hex(b"Date: Fri, 26 Mar 2021 09:05:00 +0000\r\n\r\nx")
        );
        assert_eq!(date.unwrap().timestamp(), 1_616_749_500);
    }
}
