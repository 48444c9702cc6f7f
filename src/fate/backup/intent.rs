//! Write-ahead of a destruction through a backup tool: what dpo is about to
//! delete is journaled before the first deleting command, so that a dpo
//! killed between the deletion and its record leaves a state that says
//! what happened.
//!
//! Before `restic forget`, `borg delete` or the crypto-erase, the listing
//! before, the selection and the commands run so far are kept in the
//! evidence folder, with `intent.json` (the [`Intent`]: the selected
//! backups, the listing before, the repository, the selection), and the
//! **intent** is journaled: [`ACTION`], subject `<controller>/<item>/<copy>`,
//! payload `intent.json`. The journal entry covers those files, so the
//! recovery of record files ([`crate::workspace::recover`]) never removes
//! them. The destruction record (`fate.destroy`, same subject) closes it;
//! so does [`FAILED`], journaled when the listing after a failure shows
//! every selected backup still there (nothing was deleted).
//!
//! From the intent on, every command is kept write-ahead too: before it
//! runs, `commands.json` in the evidence folder is rewritten with the
//! commands run so far and this one marked `unfinished`, and journaled
//! ([`COMMANDS`], same subject, payload `commands.json`); when it ends, the
//! file is rewritten with its exit code and outputs and journaled again. A
//! dpo killed between two commands, or during one, thus leaves every
//! command it ran in the journaled `commands.json`, which the run that
//! takes the destruction up continues ([`Interrupted::commands`]).
//!
//! An intent with no outcome is an **interrupted destruction**
//! ([`interrupted`]): `status` shows it, and the next `dpo fate destroy
//! --via` of the same copy, with the same tool, repository and selection,
//! takes it up instead of starting over — it lists the repository again,
//! deletes the intended backups still listed (none when the kill came after
//! the deletion), frees their space again (an idempotent `restic prune`,
//! `borg compact`), and records the destruction from the kept listing
//! before and the new listing after.

use crate::workspace::ReadError;
use serde::{Deserialize, Serialize};

use super::listing::Listed;
use super::runner::Ran;
use crate::model::KeptFile;
use crate::workspace::{Workspace, WorkspaceError};

/// Journal action of the intent.
pub const ACTION: &str = "fate.destroy.intent";
/// Journal action that closes an intent after which nothing was deleted.
pub const FAILED: &str = "fate.destroy.failed";
/// Journal action of the destruction record, which closes the intent.
const RECORDED: &str = "fate.destroy";
/// The intent's file, in the evidence folder.
pub const FILE: &str = "intent.json";
/// Journal action of the commands run after the intent, journaled before
/// each command and after it.
pub const COMMANDS: &str = "fate.destroy.commands";
/// The commands' file, in the evidence folder.
pub const COMMANDS_FILE: &str = "commands.json";

/// What a destruction through a backup tool is about to delete (`intent.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// The program (`restic`, `borg`).
    pub tool: String,
    /// The repository, any password masked.
    pub repository: String,
    /// The selection, as the record says it.
    pub selection: String,
    /// True for a crypto-erase.
    pub crypto_erase: bool,
    /// Every backup listed before.
    pub before: Vec<Listed>,
    /// The selected backups: what is about to be deleted.
    pub selected: Vec<Listed>,
    /// The key files a crypto-erase is about to destroy, then the
    /// repository's folder (empty otherwise).
    pub erase: Vec<String>,
    /// The tool's local caches of the repository a crypto-erase removes
    /// after it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caches: Vec<String>,
    /// The commands run so far.
    pub runs: Vec<Ran>,
    /// The evidence files kept so far (without `intent.json`).
    pub evidence: Vec<KeptFile>,
    /// The evidence folder, relative to the workspace.
    pub dir: String,
}

impl Intent {
    /// The options of `dpo fate destroy` that take it up: `--via TOOL
    /// --repo REPO <selection>[ --crypto-erase]`.
    pub fn options(&self) -> String {
        format!(
            "--via {} --repo {}{}{}{}",
            self.tool,
            crate::fate::certificate::shell_word(&self.repository),
            if self.selection.is_empty() { "" } else { " " },
            self.selection,
            if self.crypto_erase {
                " --crypto-erase"
            } else {
                ""
            }
        )
    }
}

/// An intent journaled with no outcome after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interrupted {
    /// `<controller>/<item>/<copy>`.
    pub subject: String,
    /// Its `intent.json`, relative to the workspace (empty when the entry
    /// names none).
    pub file: String,
    /// Its SHA-256 (the intent's payload).
    pub sha256: String,
    /// When the intent was journaled (RFC 3339, UTC).
    pub at: String,
    /// The intent's journal entry.
    pub seq: u64,
}

impl Interrupted {
    /// The kept intent, checked against the journaled hash.
    pub fn read(&self, ws: &Workspace) -> Result<Intent, WorkspaceError> {
        read_journaled(ws, &self.file, &self.sha256, self.seq)
    }

    /// The commands run since the intent, as last journaled ([`COMMANDS`])
    /// and checked against that hash; `None` when none was journaled.
    pub fn commands(&self, ws: &Workspace) -> Result<Option<Vec<Ran>>, WorkspaceError> {
        let entries = ws.journal().entries()?;
        let last = entries
            .iter()
            .rev()
            .take_while(|e| e.seq > self.seq)
            .find(|e| e.action == COMMANDS && e.subject == self.subject);
        let Some(e) = last else { return Ok(None) };
        let file = e
            .writes
            .iter()
            .find(|w| w.sha256 == e.payload_sha256 && w.file.ends_with(COMMANDS_FILE))
            .map(|w| w.file.clone())
            .unwrap_or_default();
        read_journaled(ws, &file, &e.payload_sha256, e.seq).map(Some)
    }
}

/// The JSON file `rel`, checked against the SHA-256 journaled in entry `seq`.
fn read_journaled<T: serde::de::DeserializeOwned>(
    ws: &Workspace,
    rel: &str,
    sha256: &str,
    seq: u64,
) -> Result<T, WorkspaceError> {
    let path = ws.root.join(rel);
    let bad = |why: String| {
        WorkspaceError::Read(ReadError {
            path: path.clone(),
            source: std::io::Error::other(why),
        })
    };
    let bytes = crate::workspace::read_bytes(&path)?;
    if crate::hashing::sha256_hex(&bytes) != sha256 {
        return Err(bad(format!(
            "it no longer matches the SHA-256 journaled in entry {seq}"
        )));
    }
    serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))
}

/// Every interrupted destruction of the workspace, oldest first: an entry
/// [`ACTION`] with no later `fate.destroy` or [`FAILED`] of the same subject.
pub fn interrupted(ws: &Workspace) -> Result<Vec<Interrupted>, WorkspaceError> {
    let entries = ws.journal().entries()?;
    Ok(entries
        .iter()
        .enumerate()
        .filter(|(i, e)| {
            e.action == ACTION
                && !entries[i + 1..]
                    .iter()
                    .any(|o| o.subject == e.subject && (o.action == RECORDED || o.action == FAILED))
        })
        .map(|(_, e)| Interrupted {
            subject: e.subject.clone(),
            file: e
                .writes
                .iter()
                .find(|w| w.sha256 == e.payload_sha256 && w.file.ends_with(FILE))
                .map(|w| w.file.clone())
                .unwrap_or_default(),
            sha256: e.payload_sha256.clone(),
            at: e.at.clone(),
            seq: e.seq,
        })
        .collect())
}

/// The open intent of a destruction of `copy` of `item` (controller
/// `controller`), when there is one, and the command that takes it up
/// ([`Interrupted::command`]).
pub fn open_for(
    ws: &Workspace,
    controller: &str,
    item: &str,
    copy: &str,
) -> Result<Option<(Interrupted, String)>, WorkspaceError> {
    let subject = subject(controller, item, copy);
    Ok(interrupted(ws)?
        .into_iter()
        .find(|i| i.subject == subject)
        .map(|i| {
            let command = i.command(ws);
            (i, command)
        }))
}

impl Interrupted {
    /// The item and the copy of its subject (`<controller>/<item>/<copy>`).
    pub fn item_copy(&self) -> (&str, &str) {
        let mut parts = self.subject.splitn(3, '/').skip(1);
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }

    /// The command that takes it up: `dpo fate destroy ITEM --copy COPY
    /// --operator … --via …` (« --via … » alone when its intent cannot be
    /// read).
    pub fn command(&self, ws: &Workspace) -> String {
        let (item, copy) = self.item_copy();
        let options = self
            .read(ws)
            .map(|kept| kept.options())
            .unwrap_or_else(|_| "--via …".into());
        format!(
            "dpo fate destroy {} --copy {} --operator … {options}",
            crate::fate::certificate::shell_word(item),
            crate::fate::certificate::shell_word(copy)
        )
    }
}

/// `at` (RFC 3339), in words in the workspace's timezone.
pub fn said_at(ws: &Workspace, at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| crate::render::words::show_in(t, ws.tz))
        .unwrap_or_else(|_| at.to_string())
}

/// The subject of the intent of a destruction of `copy`.
pub fn subject(controller: &str, item: &str, copy: &str) -> String {
    format!("{controller}/{item}/{copy}")
}
