//! The one [`Settings`] of a run: built once from the parsed arguments and
//! the environment, then passed to every command. This is the only place
//! that reads the environment (`std::env`): the domain gets the values —
//! the workspace with its lock wait, the instant and the actor, the language,
//! the mail server — never the variables.
//!
//! Variables read: `LC_ALL`, `LC_MESSAGES`, `LANG` (the language, after
//! `--lang` and `processor.yaml`, see [`Settings::lang`]), `DPO_ACTOR` (else `USER`, `LOGNAME`, see [`Settings::actor`]), `DPO_LOCK_WAIT`
//! (seconds, default 5), `DPO_VERBOSE` (any value: list every missing item
//! after `register`), and the `DPO_SMTP_*` family of [`crate::mail`] (its
//! `DPO_SMTP_TIMEOUT` included), the backup tools' ([`backup_env`]),
//! `DPO_TSA_URL` and `DPO_TSA_CA` (the time-stamping authority and its CA,
//! [`crate::timestamp`]). clap
//! reads `DPO_REGISTERS`, `DPO_NOW` and `DPO_SIGNING_KEY` for their options.
//! The path of the running binary (for the git merge driver) is asked of
//! the system here too, and the git clone the workspace is in — its tag
//! `dpo.tag`, its merge driver — is read once, when the workspace is loaded
//! ([`Settings::git_clone`]), and passed down with it.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod backup_env;

use chrono_tz::Tz;

use super::{CliError, LangArg};
use crate::mail::{self, SmtpSettings};
use crate::model::Lang;
use crate::render::templates::Strings;
use crate::time::Clock;
use crate::workspace::{self, Act, Workspace, DEFAULT_LOCK_WAIT};

/// The variables of the mail server, read once (see [`crate::mail`]).
const SMTP_VARIABLES: [&str; 6] = [
    mail::ENV_URL,
    mail::ENV_PASSWORD,
    mail::ENV_PASSWORD_FILE,
    mail::ENV_CA,
    mail::ENV_FROM,
    mail::ENV_TIMEOUT,
];

/// Everything a command needs to know besides its own arguments.
#[derive(Debug)]
pub struct Settings {
    /// The workspace folder (`--registers`, `DPO_REGISTERS`, `./registers`).
    pub root: PathBuf,
    /// `--lang`, when given.
    lang: Option<Lang>,
    /// `--json`.
    pub json: bool,
    /// `--now` / `DPO_NOW` as typed.
    now: Option<String>,
    /// The clock, made once: `--now` is read in the processor's time zone, so
    /// it is resolved the first time a command asks for it.
    clock: OnceCell<Clock>,
    /// `DPO_ACTOR`, when set.
    actor_var: Option<String>,
    /// The login name (`USER`, else `LOGNAME`), when set.
    login: Option<String>,
    /// The people of the workspace, once [`Self::load`] has read it: an
    /// actor may be named by a person's id.
    people: OnceCell<crate::model::People>,
    /// How long to wait for the workspace lock.
    pub lock_wait: Duration,
    /// `DPO_VERBOSE`: print every missing item, not only their count.
    pub verbose: bool,
    /// The `DPO_SMTP_*` variables that are set.
    smtp: BTreeMap<&'static str, String>,
    /// The language of the locale (`LC_ALL`, else `LC_MESSAGES`, else
    /// `LANG`), when it is French or English.
    locale: Option<Lang>,
    /// `language` of `processor.yaml`, once [`Self::load`] has read it.
    ws_lang: OnceCell<Option<Lang>>,
    /// restic's and borg's folders that keep an entry per repository, found
    /// as the tools find them (`RESTIC_CACHE_DIR`, `BORG_CACHE_DIR`, else
    /// `<XDG_CACHE_HOME or HOME/.cache>/restic|borg`; `BORG_SECURITY_DIR`,
    /// else `<XDG_CONFIG_HOME or HOME/.config>/borg/security`), and whether
    /// a variable gives their password.
    backup: [(Vec<PathBuf>, bool); 2],
    /// The git clone the workspace is in, once read.
    git: OnceCell<Option<workspace::git::GitClone>>,
    /// `DPO_TSA_URL`: the time-stamping authority (RFC 3161 over HTTP).
    pub tsa_url: Option<String>,
    /// `DPO_TSA_CA`: a PEM file of trusted TSA CA certificates, instead of
    /// `keys/tsa/*.pem` of the workspace.
    pub tsa_ca: Option<PathBuf>,
}

/// The language of a POSIX locale name (`fr_FR.UTF-8`, `en_GB`, `C`): French
/// or English, else none.
fn locale_lang(name: &str) -> Option<Lang> {
    let code = name.split(['_', '.', '@', '-']).next().unwrap_or_default();
    match code.to_ascii_lowercase().as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

impl Settings {
    /// Builds the settings from the parsed command line and `env`, a lookup
    /// of environment variables (`std::env::var` in the binary).
    pub fn new(cli: &super::Cli, env: impl Fn(&str) -> Option<String>) -> Self {
        let set = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        // Set but blank stays `Some("")`: refused by [`Self::actor`], not
        // taken for unset.
        let actor_var = env("DPO_ACTOR").map(|s| s.trim().to_string());
        let login = ["USER", "LOGNAME"].iter().find_map(|k| set(k));
        let lock_wait = set("DPO_LOCK_WAIT")
            .and_then(|s| s.trim().parse::<f64>().ok())
            .and_then(|s| Duration::try_from_secs_f64(s).ok())
            .unwrap_or(DEFAULT_LOCK_WAIT);
        let backup = backup_env::folders(&set, &env);
        let smtp = SMTP_VARIABLES
            .iter()
            .filter_map(|k| env(k).map(|v| (*k, v)))
            .collect();
        Self {
            root: cli.registers.clone(),
            lang: cli.lang.map(|l| match l {
                LangArg::Fr => Lang::Fr,
                LangArg::En => Lang::En,
            }),
            json: cli.json,
            now: cli.now.clone(),
            clock: OnceCell::new(),
            actor_var,
            login,
            people: OnceCell::new(),
            lock_wait,
            verbose: env("DPO_VERBOSE").is_some(),
            smtp,
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|k| set(k))
                .and_then(|l| locale_lang(l.trim())),
            ws_lang: OnceCell::new(),
            backup,
            git: OnceCell::new(),
            tsa_url: set("DPO_TSA_URL").map(|u| u.trim().to_string()),
            tsa_ca: set("DPO_TSA_CA").map(PathBuf::from),
        }
    }

    /// A backup tool's folders of an entry per repository (its caches,
    /// borg's `security`), and whether a variable gives its password (never
    /// read here, only seen set).
    pub fn backup_env(&self, tool: crate::model::BackupTool) -> (Vec<PathBuf>, bool) {
        self.backup[usize::from(tool == crate::model::BackupTool::Borg)].clone()
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Loads the workspace (errors carry every diagnostic), with the lock
    /// wait of these settings.
    pub fn load(&self) -> Result<Workspace, CliError> {
        let ws = workspace::load(self.root())?;
        Ok(self.adopt(ws))
    }

    /// [`Self::load`] for `dpo check`: the workspace, or every error with
    /// the workspace of the files that read ([`workspace::Loaded`]).
    pub fn load_for_check(&self) -> Result<workspace::Loaded, CliError> {
        use workspace::Loaded;
        Ok(match workspace::load_for_check(self.root())? {
            Loaded::Whole(ws) => Loaded::Whole(Box::new(self.adopt(*ws))),
            invalid => invalid,
        })
    }

    /// `ws` with these settings' lock wait, git clone and time-stamp
    /// authority, its people and language kept for the messages.
    fn adopt(&self, mut ws: Workspace) -> Workspace {
        ws.lock_wait = self.lock_wait;
        ws.git = self.git_clone();
        ws.tsa_ca = self.tsa_ca.clone();
        let _ = self.people.set(ws.people.clone());
        let _ = self.ws_lang.set(ws.processor.language);
        ws
    }

    /// The git clone the workspace is in (its work tree, tag and merge
    /// driver), read the first time it is asked for; `None` outside git, or
    /// when git cannot be run.
    pub fn git_clone(&self) -> Option<workspace::git::GitClone> {
        self.git
            .get_or_init(|| workspace::git::GitClone::of(self.root()).ok().flatten())
            .clone()
    }

    /// The absolute path of the running `dpo`, for the merge driver git
    /// runs.
    pub fn dpo_path(&self) -> std::io::Result<PathBuf> {
        std::env::current_exe().and_then(|p| p.canonicalize())
    }

    /// The clock: `--now` read in `tz`, or the system clock.
    pub fn clock(&self, tz: Tz) -> Result<Clock, CliError> {
        if let Some(c) = self.clock.get() {
            return Ok(*c);
        }
        let clock = match &self.now {
            None => Clock::system(),
            Some(s) => crate::time::parse_user_time(s, tz)
                .map(|t| Clock::fixed(t.to_utc()))
                .map_err(|source| CliError::Time {
                    flag: "--now / DPO_NOW",
                    source: Box::new(source),
                })?,
        };
        Ok(*self.clock.get_or_init(|| clock))
    }

    /// Who acts, and when: the clock's instant in `tz` and the actor
    /// ([`Self::actor`]). Every command that writes asks for it first, so
    /// it refuses to run without an actor.
    pub fn act(&self, tz: Tz) -> Result<Act, CliError> {
        Ok(Act {
            now: self.clock(tz)?.now(),
            actor: self.actor()?,
        })
    }

    /// Who makes the changes, as the records, the journal and the documents
    /// name them. `DPO_ACTOR` is either the id of a named person of
    /// `people.yaml` (the person's name is recorded) or a free name
    /// (recorded as typed). Without it, the login name (`USER`, `LOGNAME`)
    /// counts only when it is the id of a named person of `people.yaml`.
    /// Otherwise — or when `DPO_ACTOR` names a group of `people.yaml` (an
    /// entry with no name) — there is no actor: the command refuses (exit 2)
    /// rather than record "unknown". A `DPO_ACTOR` that is set but empty,
    /// says no one ("unknown", "null", "n/a"…) or holds a control or an
    /// invisible character is refused too.
    pub fn actor(&self) -> Result<String, CliError> {
        let people = self.people.get();
        let named = |id: &str| {
            people
                .and_then(|p| p.people.iter().find(|x| x.id.as_str() == id))
                .map(|x| (x.id.to_string(), x.name.clone()))
        };
        if let Some(v) = &self.actor_var {
            if let Some(why) = unfit_actor(v) {
                return Err(CliError::NoActor(self.strings().fmt(why, &[])));
            }
            return match named(v) {
                Some((_, Some(name))) => Ok(name),
                Some((id, None)) => Err(CliError::NoActor(tr!(
                    self.strings(),
                    "actor-group",
                    id = id.as_str()
                ))),
                None => Ok(v.clone()),
            };
        }
        if let Some((_, Some(name))) = self.login.as_deref().and_then(named) {
            return Ok(name);
        }
        Err(CliError::NoActor(match &self.login {
            Some(l) => tr!(self.strings(), "actor-login-unknown", login = l.as_str()),
            None => self.strings().get("actor-unset").to_string(),
        }))
    }

    /// The one language of the run, for the terminal as for the documents:
    /// `--lang`, else `language` in `processor.yaml`, else the locale's,
    /// else French.
    pub fn lang(&self, ws: Option<&Workspace>) -> Lang {
        self.lang_with(ws.and_then(|w| w.processor.language))
    }

    /// [`Self::lang`] with the `language` of a `processor.yaml` read alone.
    pub fn lang_with(&self, processor: Option<Lang>) -> Lang {
        self.lang.or(processor).or(self.locale).unwrap_or_default()
    }

    /// The catalog of the run's language: every message a person reads on
    /// the terminal. Before the workspace is loaded (or when it cannot be),
    /// `--lang`, else the locale, else French.
    pub fn strings(&self) -> std::sync::Arc<Strings> {
        Strings::of(
            self.lang
                .or_else(|| self.ws_lang.get().copied().flatten())
                .or(self.locale)
                .unwrap_or_default(),
        )
    }

    /// The mail server, from the `DPO_SMTP_*` variables read at start.
    pub fn smtp(&self) -> Result<SmtpSettings, CliError> {
        Ok(SmtpSettings::from_env(|k| self.smtp.get(k).cloned())?)
    }

    /// The mail server for a command that sends, after saying on stderr
    /// what would cross the network in clear (see
    /// [`SmtpSettings::warnings`]).
    pub fn smtp_for_sending(&self) -> Result<SmtpSettings, CliError> {
        let s = self.smtp()?;
        let t = self.strings();
        for w in s.warnings() {
            warn_say!(t, "cli-warning", message = t.msg(&w));
        }
        Ok(s)
    }
}

/// Why `DPO_ACTOR` cannot name who acts (a catalog message id), if it cannot: empty, a word for
/// no value or no one ("unknown", "null", "~", "n/a", "anonymous", "-"…:
/// [`crate::model::is_placeholder`], what the records must never say),
/// holding a control character (a line break would forge a line of
/// `journal show`) or an invisible one (a zero-width or format character:
/// a name that looks like another).
fn unfit_actor(v: &str) -> Option<&'static str> {
    if v.is_empty() {
        Some("errors-actor-empty")
    } else if v.chars().any(char::is_control) {
        Some("errors-actor-control")
    } else if v.chars().any(crate::model::is_invisible) {
        Some("errors-actor-invisible")
    } else if crate::model::is_placeholder(v) {
        Some("errors-actor-no-one")
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
