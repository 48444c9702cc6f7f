//! The workspace: find it, lock it, load and validate its YAML files, keep
//! its records (the one record store, [`store`]), write to it atomically,
//! and keep its journal.
//!
//! A workspace is a folder (`registers/` by default) of YAML files, one
//! concept per file and one record per file where records grow, so that it
//! diffs and merges well in git.

mod act;
pub mod atomic;
mod diagnostic;
pub mod edit;
pub mod evidence;
pub mod git;
mod init;
pub mod integrity;
pub mod journal;
pub mod kinds;
mod load;
mod locate;
mod lock;
pub mod merge;
mod read;
pub mod recover;
pub mod store;
mod validate;
mod yaml_said;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use chrono_tz::Tz;

use crate::model::{Controller, Id, People, Processor, SecurityMeasure, SubProcessor};
use crate::render::catalog::{Msg, Told};

pub use act::Act;
pub use atomic::write_atomic;
pub use diagnostic::{file_has_errors, Diagnostic, Severity};
pub use init::{create, init, is_empty_dir, skeleton};
pub use journal::{Journal, JournalEntry, JournalHead, JournalReport};
pub use load::{
    load, load_for_check, prescan, processor_language, read_record, unsafe_entries, Loaded,
    MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_SCALAR_BYTES,
};
pub use locate::Locator;
pub use lock::{LockMode, WorkspaceLock, LOCK_FILE};
pub use read::{if_exists, read_bytes, read_text, ReadError};
pub use store::{StoreError, Stored};
pub use validate::{assumptions, holds_placeholder, is_email, is_placeholder, validate};
pub use yaml_said::{serde_said, yaml_said};

/// What can go wrong with a workspace as a whole.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The folder does not exist.
    #[error("{}", self.told())]
    NotFound {
        /// Where we looked.
        path: PathBuf,
    },
    /// Files could not be read as a workspace; each diagnostic says where.
    #[error("{}", self.told())]
    Invalid {
        /// The workspace folder.
        root: PathBuf,
        /// Errors and warnings, in file order.
        diagnostics: Vec<Diagnostic>,
    },
    /// Reading a file failed.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A record file is not what the journal last vouched for (changed
    /// outside dpo): writing over it would make the edit dpo's own.
    #[error("{}", self.told())]
    Unvouched {
        /// The file, relative to the workspace.
        file: String,
        /// What is wrong with it, with a hint.
        message: Box<Told>,
    },
    /// Writing a file failed.
    #[error("{}", self.told())]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The lock file could not be opened or locked.
    #[error("{}", self.told())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The lock file is a symbolic link, not a plain file, or has other names.
    #[error("{}", self.told())]
    LockNotPlain {
        /// The lock file.
        path: PathBuf,
        /// What it is instead ([`atomic::file_kind`]).
        what: Msg,
    },
    /// What a command killed mid-way left cannot be set right safely.
    #[error("{}", self.told())]
    Recovery {
        /// The write-ahead note.
        path: PathBuf,
        /// Why.
        message: Msg,
    },
    /// Another process holds the lock.
    #[error("{}", self.told())]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// What the holder wrote in the lock file.
        holder: String,
        /// How long we waited.
        waited: Duration,
    },
    /// The journal does not verify, so nothing is appended to it.
    #[error("{}", self.told())]
    JournalBroken {
        /// The journal file.
        path: PathBuf,
        /// 1-based line of the first problem (0: the head file).
        line: usize,
        /// What is wrong.
        message: Msg,
    },
    /// A path `dpo` will not read or write: a symbolic link, a FIFO, a
    /// device or a folder where a regular file belongs, a folder of the
    /// workspace that is a link, or a file of a workspace named as an output.
    #[error("{}", self.told())]
    Refused {
        /// The path refused.
        path: PathBuf,
        /// Why.
        reason: Box<Msg>,
        /// What to do instead.
        hint: Box<Msg>,
    },
    /// `init` was asked to create a workspace where files already exist.
    #[error("{}", self.told())]
    Exists {
        /// The folder.
        path: PathBuf,
    },
    /// A record would be numbered in a team's workspace (its
    /// `.gitattributes` names the journal's merge driver) by a git clone
    /// that has no tag: its ids could collide with another clone's.
    #[error("{}", self.told())]
    NoCloneTag {
        /// The workspace folder.
        root: PathBuf,
        /// The year of the record refused, for the example of an id.
        year: i32,
    },
    /// The clone's tag is claimed by another clone while this clone's own
    /// claim is no longer in the journal (a `git reset`): no id is made
    /// with it, since its next ids could be the other clone's.
    #[error("{}", self.told())]
    CloneTagTaken {
        /// The tag.
        tag: String,
        /// Who claimed it in the journal.
        by: String,
    },
    /// The clone's `dpo.tag` is no tag (1 to 4 lowercase letters): no id
    /// is made with it.
    #[error("{}", self.told())]
    BadCloneTag {
        /// The value of `dpo.tag` (cut short).
        tag: String,
    },
    /// `--id` in a team's workspace without this clone's tag.
    #[error("{}", self.told())]
    IdNotOfThisClone {
        /// The id asked for.
        id: String,
        /// This clone's tag.
        tag: String,
        /// An example of an id of this clone.
        example: String,
    },
}

impl WorkspaceError {
    /// What the error says, as catalog messages (its `Display` is their
    /// English text).
    pub fn told(&self) -> Told {
        let shown = |p: &Path| p.display().to_string();
        match self {
            WorkspaceError::NotFound { path } => {
                Told::new(Msg::new("err-no-workspace").arg("path", shown(path)))
                    .hint(Msg::new("err-no-workspace-hint").arg("path", shown(path)))
            }
            WorkspaceError::Invalid { root, diagnostics } => Told::new(
                Msg::new("err-invalid-workspace")
                    .arg("root", shown(root))
                    .arg("n", diagnostics.iter().filter(|d| d.is_error()).count()),
            ),
            WorkspaceError::Read(e) => e.told(),
            WorkspaceError::Unvouched { file, message } => {
                let mut t = Told::new(
                    Msg::new("errors-unvouched")
                        .arg("file", file.as_str())
                        .arg("message", message.msg.clone()),
                );
                t.hint = message.hint.clone();
                t
            }
            WorkspaceError::Write { path, .. } => {
                Told::new(Msg::new("errors-write").arg("path", shown(path)))
            }
            WorkspaceError::Lock { path, .. } => {
                Told::new(Msg::new("errors-lock").arg("path", shown(path)))
            }
            WorkspaceError::LockNotPlain { path, what } => Told::new(
                Msg::new("errors-lock-not-plain")
                    .arg("path", shown(path))
                    .arg("what", what.clone()),
            )
            .hint(Msg::new("errors-lock-not-plain-hint")),
            WorkspaceError::Recovery { path, message } => Told::new(
                Msg::new("errors-recovery")
                    .arg("path", shown(path))
                    .arg("message", message.clone()),
            )
            .hint(Msg::new("errors-recovery-hint").arg("path", shown(path))),
            WorkspaceError::Locked {
                path,
                holder,
                waited,
            } => Told::new(
                Msg::new("err-locked")
                    .arg("holder", holder.as_str())
                    .arg("waited", wait_said(*waited))
                    .arg("path", shown(path)),
            )
            .hint(Msg::new("err-locked-hint")),
            WorkspaceError::JournalBroken {
                path,
                line,
                message,
            } => Told::new(
                Msg::new("err-journal-broken")
                    .arg("path", shown(path))
                    .arg("line", *line)
                    .arg("message", message.clone()),
            )
            .hint(Msg::new("err-journal-broken-hint")),
            WorkspaceError::Refused { path, reason, hint } => Told::new(
                Msg::new("errors-refused")
                    .arg("path", shown(path))
                    .arg("reason", (**reason).clone()),
            )
            .hint((**hint).clone()),
            WorkspaceError::Exists { path } => {
                Told::new(Msg::new("errors-init-exists").arg("path", shown(path)))
                    .hint(Msg::new("errors-init-exists-hint"))
            }
            WorkspaceError::NoCloneTag { root, year } => {
                Told::new(Msg::new("team-no-tag").arg("root", shown(root)))
                    .hint(Msg::new("team-no-tag-hint").arg("year", year.to_string()))
            }
            WorkspaceError::CloneTagTaken { tag, by } => Told::new(
                Msg::new("team-tag-taken-refused")
                    .arg("tag", tag.as_str())
                    .arg("by", by.as_str()),
            )
            .hint(Msg::new("team-tag-taken-refused-hint")),
            // The way out is in the message: `dpo git setup --tag`.
            WorkspaceError::BadCloneTag { tag } => {
                Told::new(Msg::new("team-bad-clone-tag").arg("tag", tag.as_str()))
            }
            WorkspaceError::IdNotOfThisClone { id, tag, example } => Told::new(
                Msg::new("team-id-not-of-clone")
                    .arg("id", id.as_str())
                    .arg("tag", tag.as_str()),
            )
            .hint(Msg::new("team-id-not-of-clone-hint").arg("example", example.as_str())),
        }
    }
}

crate::render::catalog::told_localize!(WorkspaceError, UnknownController);

/// A YAML file as read, kept for positions and for the content hash.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the workspace, with `/`.
    pub rel: String,
    /// The text.
    pub text: String,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    locator: OnceLock<Locator>,
}

impl SourceFile {
    pub(crate) fn new(rel: String, text: String, sha256: String) -> Self {
        Self {
            rel,
            text,
            sha256,
            locator: OnceLock::new(),
        }
    }

    /// Line and column of a field path (built on first use).
    pub fn locate(&self, path: &str) -> (usize, usize) {
        self.locator
            .get_or_init(|| Locator::new(&self.text))
            .find(path)
    }
}

/// A loaded workspace.
#[derive(Debug)]
pub struct Workspace {
    /// The folder.
    pub root: PathBuf,
    /// `processor.yaml`.
    pub processor: Processor,
    /// The processor's timezone.
    pub tz: Tz,
    /// `controllers/<id>.yaml`, sorted by id.
    pub controllers: Vec<(Id, Controller)>,
    /// `subprocessors.yaml`.
    pub subprocessors: Vec<SubProcessor>,
    /// `security-measures.yaml`.
    pub measures: Vec<SecurityMeasure>,
    /// `people.yaml`.
    pub people: People,
    /// Every YAML file read, by relative path.
    pub sources: BTreeMap<String, SourceFile>,
    /// How long [`Workspace::lock`] waits for another process
    /// ([`DEFAULT_LOCK_WAIT`] unless the command line says otherwise).
    pub lock_wait: Duration,
    /// The git clone the workspace is in, as the command line read it
    /// once ([`git::GitClone`]); `None` outside git, or when not read.
    pub git: Option<git::GitClone>,
    /// `DPO_TSA_CA` as the command line read it: the trusted TSA CA file
    /// instead of `keys/tsa/*.pem` (RFC 3161 time-stamps).
    pub tsa_ca: Option<PathBuf>,
}

/// How long a command waits for the workspace lock unless told otherwise.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(5);

/// Where a controller's file lives, relative to the workspace.
pub fn controller_file(id: &Id) -> String {
    format!("controllers/{id}.yaml")
}

/// A controller asked for that the workspace does not have. Workflows that
/// word this refusal their own way convert it into their error.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.told())]
pub struct UnknownController {
    /// The id asked for, as typed.
    pub id: String,
    /// The ids that exist ([`Workspace::known_controllers`]).
    pub known: String,
}

impl UnknownController {
    /// What the refusal says, as catalog messages.
    pub fn told(&self) -> Told {
        Told::new(Msg::new("errors-unknown-controller").arg("id", self.id.as_str()))
            .hint(Msg::new("errors-unknown-controller-hint").arg("known", self.known.as_str()))
    }
}

impl Workspace {
    /// The processor's DPO's name, who signs its documents: `dpo.name` in
    /// `processor.yaml`, else the person of `people.yaml` whose role is the
    /// data protection officer.
    pub fn dpo_name(&self) -> Option<String> {
        let named = |n: &Option<String>| {
            n.as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
        };
        named(&self.processor.dpo.name).or_else(|| {
            self.people
                .people
                .iter()
                .find(|p| {
                    let role = p.role.to_lowercase();
                    p.id.as_str() == "dpo"
                        || role.contains("délégué à la protection des données")
                        || role.contains("data protection officer")
                })
                .and_then(|p| named(&p.name))
        })
    }

    /// The controller with this id.
    pub fn controller(&self, id: &Id) -> Option<&Controller> {
        self.controllers
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, c)| c)
    }

    /// The name of the controller with this id, as a heading or a table
    /// cell shows it ("Commune de Juvisy-sur-Orge"); the id when it is
    /// unknown or has no name.
    pub fn controller_name(&self, id: &Id) -> String {
        self.controller(id)
            .map(|c| c.name.trim())
            .filter(|n| !n.is_empty())
            .map_or_else(|| id.to_string(), str::to_string)
    }

    /// The controller with this id as a sentence names it in `lang`: "la
    /// commune de Juvisy-sur-Orge" in French (its `name_with_article`),
    /// "Commune de Juvisy-sur-Orge" in English; the id when it is unknown.
    pub fn controller_said(&self, id: &Id, lang: crate::model::Lang) -> String {
        match (self.controller(id), lang) {
            (None, _) => id.to_string(),
            (Some(c), crate::model::Lang::Fr) => {
                crate::model::name_with_article(&c.name, c.name_with_article.as_deref())
            }
            (Some(c), crate::model::Lang::En) => c.name.clone(),
        }
    }

    /// [`Self::controller_said`] in both languages, for an error that says
    /// itself later in the run's language.
    pub fn controller_msg(&self, id: &Id) -> crate::render::catalog::Msg {
        use crate::model::Lang;
        crate::render::catalog::Msg::new("terminal-ha-controller")
            .arg("fr", self.controller_said(id, Lang::Fr))
            .arg("en", self.controller_said(id, Lang::En))
    }

    /// The controller with the id `id` (as typed), or the refusal that lists
    /// those there are.
    pub fn require_controller(&self, id: &str) -> Result<(Id, &Controller), UnknownController> {
        let unknown = || UnknownController {
            id: id.to_string(),
            known: self.known_controllers(),
        };
        let id = Id::new(id).map_err(|_| unknown())?;
        let c = self.controller(&id).ok_or_else(unknown)?;
        Ok((id, c))
    }

    /// The ids of every controller, for messages: `a, b`, or `(none)`.
    pub fn known_controllers(&self) -> String {
        if self.controllers.is_empty() {
            return "(none)".into();
        }
        self.controllers
            .iter()
            .map(|(i, _)| i.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The ids of every sub-processor, for messages: `a, b`, or `(none)`.
    pub fn known_subprocessors(&self) -> String {
        if self.subprocessors.is_empty() {
            return "(none)".into();
        }
        let ids: Vec<&str> = self.subprocessors.iter().map(|s| s.id.as_str()).collect();
        ids.join(", ")
    }

    /// The journal of this workspace.
    pub fn journal(&self) -> Journal {
        Journal::new(&self.root)
    }

    /// The tag new record ids of this clone carry (`2026-gp-001`): the
    /// clone's `dpo.tag`. In a team's workspace ([`git::team_mode`]) inside
    /// a git clone that has none, no id is given: [`WorkspaceError::NoCloneTag`].
    /// `event` is the instant of the record to number (its year is the
    /// id's, and the example's of a refusal).
    pub fn record_tag(
        &self,
        event: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<Option<&str>, WorkspaceError> {
        match &self.git {
            Some(g) if g.tag.as_deref().is_some_and(|t| !crate::team::valid_tag(t)) => {
                Err(WorkspaceError::BadCloneTag {
                    tag: g
                        .tag
                        .as_deref()
                        .unwrap_or_default()
                        .chars()
                        .take(20)
                        .collect(),
                })
            }
            Some(g) if g.tag.is_some() => {
                let hashed = Journal::new(&self.root).entries_hashed()?;
                match crate::team::tag_taken_by(g, &hashed) {
                    Some(by) => Err(WorkspaceError::CloneTagTaken {
                        tag: g.tag.clone().unwrap_or_default(),
                        by: by.join(", "),
                    }),
                    None => Ok(g.tag.as_deref()),
                }
            }
            Some(_) if git::team_mode(&self.root) => Err(WorkspaceError::NoCloneTag {
                root: self.root.clone(),
                year: chrono::Datelike::year(&event.with_timezone(&self.tz)),
            }),
            _ => Ok(None),
        }
    }

    /// Refuses an id given with `--id` that a team's clone did not make:
    /// in a team's workspace, it must carry this clone's tag
    /// (`YYYY-TAG-NNN`), else two clones could give the same id. `event` is
    /// the record's instant, for the example of the refusal.
    pub fn check_given_id(
        &self,
        id: &str,
        event: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<(), WorkspaceError> {
        let Some(tag) = self.record_tag(event)? else {
            return Ok(());
        };
        if RecordId::parse(id).and_then(|p| p.tag) == Some(tag) {
            return Ok(());
        }
        use chrono::Datelike;
        let year = event.with_timezone(&self.tz).year();
        Err(WorkspaceError::IdNotOfThisClone {
            id: id.chars().take(40).collect(),
            tag: tag.to_string(),
            example: format!("{year}-{tag}-001"),
        })
    }

    /// Takes the workspace lock, waiting [`Workspace::lock_wait`].
    pub fn lock(&self) -> Result<WorkspaceLock, WorkspaceError> {
        lock_root(&self.root, self.lock_wait)
    }

    /// Sets right what a command killed mid-way left and checks that the
    /// journal verifies, as [`Workspace::lock`] does, without keeping the
    /// lock: a long command (hashing, copying) calls it first, so that it
    /// neither works for nothing on a journal it cannot write to, nor
    /// refuses one that recovery repairs, nor holds the lock meanwhile.
    pub fn ready_to_write(&self) -> Result<(), WorkspaceError> {
        self.lock().map(drop)
    }

    /// The data files a document is built from, as `sha256sum` prints them
    /// (sorted by path, bytewise), and the SHA-256 of that listing. With
    /// `only`, the other controllers' files are left out.
    pub fn content_manifest(&self, only: Option<&[Id]>) -> (String, String) {
        let mut listing = String::new();
        for (rel, src) in &self.sources {
            if let (Some(ids), Some(stem)) = (only, rel.strip_prefix("controllers/")) {
                if !ids.iter().any(|id| stem == format!("{id}.yaml")) {
                    continue;
                }
            }
            listing.push_str(&src.sha256);
            listing.push_str("  ");
            listing.push_str(rel);
            listing.push('\n');
        }
        let sha = crate::hashing::sha256_hex(listing.as_bytes());
        (listing, sha)
    }
}

/// The next free record identifier among the `.yaml` files of the folder
/// `dir` of the workspace (sequence 001 when there are none), for a record
/// of an event at `event`: `YYYY-NNN`, or `YYYY-TAG-NNN` in a git clone
/// whose tag is `tag` (`2026-gp-001`), the sequence counted per year and
/// tag, so that two clones never give the same id. `YYYY` is the year of
/// the event in `tz`, never of the clock (a request received in December
/// 2021 and logged in January 2022 is `2021-…`). The one place record ids
/// take their year. Call it while holding the lock, so two runs cannot pick
/// the same.
pub fn next_record_id(
    root: &Path,
    dir: &str,
    event: chrono::DateTime<chrono::FixedOffset>,
    tz: Tz,
    tag: Option<&str>,
) -> Result<Id, crate::model::IdError> {
    use chrono::Datelike;
    let year = event.with_timezone(&tz).year();
    let max = std::fs::read_dir(root.join(dir))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    let parts = RecordId::parse(n.strip_suffix(".yaml")?)?;
                    (parts.year == year && parts.tag == tag).then_some(parts.seq)
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    match tag {
        Some(tag) => Id::new(&format!("{year}-{tag}-{:03}", max + 1)),
        None => Id::new(&format!("{year}-{:03}", max + 1)),
    }
}

/// A record id as [`next_record_id`] gives them, read back: `YYYY-NNN`
/// (before clones had tags, or outside a team) or `YYYY-TAG-NNN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordId<'a> {
    /// The year of the event.
    pub year: i32,
    /// The tag of the clone that gave it, when it has one.
    pub tag: Option<&'a str>,
    /// The sequence within the year (and tag).
    pub seq: u32,
}

impl<'a> RecordId<'a> {
    /// Reads `id`; `None` when it is not of either form (an id typed by
    /// hand, a controller's slug).
    pub fn parse(id: &'a str) -> Option<Self> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (year, rest) = id.split_once('-')?;
        let (tag, seq) = match rest.split_once('-') {
            Some((tag, seq)) if crate::team::valid_tag(tag) => (Some(tag), seq),
            Some(_) => return None,
            None => (None, rest),
        };
        if year.len() != 4 || !digits(year) || !digits(seq) {
            return None;
        }
        Some(Self {
            year: year.parse().ok()?,
            tag,
            seq: seq.parse().ok()?,
        })
    }
}

/// Takes the exclusive lock of the workspace at `root`, waiting at most
/// `wait` for another process to release it. The lock is only handed out
/// once what a command killed mid-way left is set right ([`recover`]) and
/// the journal verifies: nothing is ever written on top of a journal the
/// tool cannot vouch for.
pub fn lock_root(root: &Path, wait: Duration) -> Result<WorkspaceLock, WorkspaceError> {
    let lock = WorkspaceLock::acquire(root, wait)?;
    recover::run(&lock)?;
    Journal::new(root).head()?;
    Ok(lock)
}

/// Takes the shared lock of the workspace at `root` for a command that only
/// reads (`check`, `status`, `journal verify`): it waits for a writer to
/// finish, so it never sees a half-made change. When a command killed
/// mid-way left something to set right, the lock is taken exclusively
/// instead and it is set right first ([`recover`]); on a copy that cannot
/// be written to, it is read as it is.
pub fn lock_shared(root: &Path, wait: Duration) -> Result<WorkspaceLock, WorkspaceError> {
    let shared = match WorkspaceLock::take(root, wait, LockMode::Shared) {
        Ok(l) => l,
        Err(WorkspaceError::Lock { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok(WorkspaceLock::unlocked(root))
        }
        Err(e) => return Err(e),
    };
    if !recover::needed(root)? {
        return Ok(shared);
    }
    drop(shared);
    match WorkspaceLock::acquire(root, wait) {
        Ok(l) => {
            recover::run(&l)?;
            Ok(l)
        }
        Err(WorkspaceError::Lock { .. }) => WorkspaceLock::take(root, wait, LockMode::Shared),
        Err(e) => Err(e),
    }
}

/// A name, relative to the workspace, for a new evidence file that no file
/// has yet: `<stem>.<ext>`, else `<stem>-2.<ext>`, `<stem>-3.<ext>`… —
/// evidence is never overwritten. An empty `ext` names a new folder
/// (`<stem>`, `<stem>-2`…). Call it while holding the lock.
pub fn fresh_name(root: &Path, stem: &str, ext: &str) -> String {
    let dot = if ext.is_empty() { "" } else { "." };
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}{dot}{ext}")
        } else {
            format!("{stem}-{n}{dot}{ext}")
        };
        if !root.join(&name).exists() {
            return name;
        }
        n += 1;
    }
}

/// "1 s", "250 ms": how long a run waited, with the unit's symbol after a
/// no-break space (the same in both languages).
fn wait_said(waited: Duration) -> String {
    let ms = waited.as_millis();
    if ms.is_multiple_of(1000) {
        format!("{}\u{a0}s", ms / 1000)
    } else {
        format!("{ms}\u{a0}ms")
    }
}

#[cfg(test)]
mod wait_tests {
    use super::*;

    #[test]
    fn a_wait_is_said_with_its_unit_after_a_no_break_space() {
        assert_eq!(wait_said(Duration::from_secs(1)), "1\u{a0}s");
        assert_eq!(wait_said(Duration::from_millis(250)), "250\u{a0}ms");
        assert_eq!(wait_said(Duration::from_secs(30)), "30\u{a0}s");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_are_numbered_per_year_and_per_clone_tag() {
        let dir = tempfile::tempdir().expect("temp dir");
        let breaches = dir.path().join("breaches");
        std::fs::create_dir_all(&breaches).expect("mkdir");
        for name in [
            "2026-001",
            "2026-gp-001",
            "2026-gp-002",
            "2026-ab-005",
            "2025-gp-009",
            "notes",
        ] {
            std::fs::write(breaches.join(format!("{name}.yaml")), "").expect("write");
        }
        let tz = crate::time::DEFAULT_TZ;
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("instant");
        let next = |when: &str, tag| {
            next_record_id(dir.path(), "breaches", at(when), tz, tag)
                .expect("id")
                .to_string()
        };
        let y2026 = "2026-03-01T10:00:00+01:00";
        assert_eq!(next(y2026, None), "2026-002");
        assert_eq!(next(y2026, Some("gp")), "2026-gp-003");
        assert_eq!(next(y2026, Some("ab")), "2026-ab-006");
        assert_eq!(next(y2026, Some("zz")), "2026-zz-001");
        assert_eq!(next("2025-12-31T23:30:00+01:00", Some("gp")), "2025-gp-010");
        // The year is the event's in the processor's zone, not UTC's.
        assert_eq!(next("2025-12-31T23:30:00Z", Some("gp")), "2026-gp-003");
        // A folder that does not exist yet starts at 001.
        let none = next_record_id(dir.path(), "requests", at(y2026), tz, Some("gp"));
        assert_eq!(none.expect("id").as_str(), "2026-gp-001");
    }

    #[test]
    fn a_record_id_reads_back_with_or_without_its_tag() {
        let parsed = |id| RecordId::parse(id).map(|r| (r.year, r.tag, r.seq));
        assert_eq!(parsed("2021-001"), Some((2021, None, 1)));
        assert_eq!(parsed("2026-gp-012"), Some((2026, Some("gp"), 12)));
        assert_eq!(parsed("2026-abcd-1000"), Some((2026, Some("abcd"), 1000)));
        for not_one in [
            "exemple-ville",
            "2026-abcde-001",
            "2026-g1-001",
            "2026-gp-",
            "26-001",
            "2026-gp-001-x",
            "2026--001",
        ] {
            assert_eq!(parsed(not_one), None, "{not_one}");
        }
    }
}
