//! The dossier as static HTML (`dpo site`): the workspace as a folder of
//! plain pages and one stylesheet that open from a USB stick or a file share
//! — the status with today's duties (the urgent breaches first), the
//! register of each controller, one page per breach with its timeline and
//! its evidence, the logs of requests, instructions and sub-processor
//! notices, the people and the security measures, the data fate of each
//! controller with its certificate, and the journal with its verification.
//!
//! Nothing is computed here that another module computes: the duties come
//! from [`crate::status`], the register from [`crate::register`], the
//! breaches and their timelines from [`crate::breach`], the logs and the
//! journal excerpt from [`crate::audit`], the copies' states from
//! [`crate::fate`]. No JavaScript, nothing loaded from outside (a
//! Content-Security-Policy says so), every link relative; the evidence and
//! certificates it shows are copied under `files/` so that the folder can be
//! zipped and sent. Restricted to one controller, the site holds only what
//! the audit pack restricted to it holds. [`build`] makes the files;
//! [`write`] puts them in place whole (a temporary sibling folder renamed),
//! never a half-written site. Nothing here prints or reads the clock.

mod html;
mod pages;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::model::Id;
use crate::render::catalog::{Catalog, Localize, Msg};
use crate::render::said::Refusal;
use crate::render::{OutputError, Templates};
use crate::workspace::{Diagnostic, Workspace};

/// The stylesheet of every page, at the root of the site.
pub const CSS_FILE: &str = "style.css";

/// The file that marks a folder as a site `dpo site` wrote: a rebuild may
/// replace such a folder, never another one.
pub const MARKER: &str = ".dpo-site";

/// The folder, in the site, where the evidence and certificates shown are
/// copied (their workspace path kept below it).
pub const FILES_DIR: &str = "files";

/// The folder of the audit pack that holds the site.
pub const IN_PACK: &str = "site";

/// The stylesheet, embedded.
const CSS: &str = include_str!("../../templates/site/site.css");

/// What can stop the site from being made or written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The output folder holds files that are not an earlier site.
    #[error("`{}` exists and is neither empty nor a folder written by `dpo site`: nothing was written", path.display())]
    NotASite {
        /// The folder.
        path: PathBuf,
    },
    /// The output folder is inside the workspace.
    #[error("`{}` is inside the workspace `{}`: the site is written outside it, e.g. `-o {outside}html-dossier`", path.display(), workspace.display())]
    InsideWorkspace {
        /// The folder.
        path: PathBuf,
        /// The workspace.
        workspace: PathBuf,
        /// Where a folder outside the workspace is, before its name in
        /// the hint (see [`outside`]).
        outside: String,
    },
    /// The output folder holds the workspace (`-o .` above it).
    #[error("`{}` contains the workspace `{}`: the site is written outside it, e.g. `-o {outside}html-dossier`", path.display(), workspace.display())]
    ContainsWorkspace {
        /// The folder.
        path: PathBuf,
        /// The workspace.
        workspace: PathBuf,
        /// Where a folder outside the workspace is, before its name in
        /// the hint (see [`outside`]).
        outside: String,
    },
    /// A page could not be made: a record, a log, a breach report, the
    /// journal, a template — said as the audit pack says it.
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
}

/// The errors of the layers below, as the audit pack has them.
macro_rules! via_audit {
    ($($t:ty),*) => {$(
        impl From<$t> for SiteError {
            fn from(e: $t) -> Self {
                Self::Audit(e.into())
            }
        }
    )*};
}

via_audit!(
    crate::breach::BreachError,
    crate::workspace::WorkspaceError,
    crate::render::templates::TemplateError,
    crate::workspace::UnknownController,
    OutputError
);

/// A site made for the audit pack: its errors are the pack's.
impl From<SiteError> for crate::audit::AuditError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Audit(e) => e,
            e => Self::Output(OutputError::write(Path::new(IN_PACK), e)),
        }
    }
}

impl Localize for SiteError {
    fn message(&self, s: &Catalog) -> String {
        let r = match self {
            SiteError::NotASite { path } => {
                Refusal::new(Msg::new("site-not-a-site").arg("path", path.display().to_string()))
                    .hint(Msg::new("site-not-a-site-hint"))
            }
            SiteError::InsideWorkspace {
                path,
                workspace,
                outside,
            } => Refusal::new(
                Msg::new("site-inside-workspace")
                    .arg("path", path.display().to_string())
                    .arg("workspace", workspace.display().to_string()),
            )
            .hint(Msg::new("site-inside-workspace-hint").arg("outside", outside.as_str())),
            SiteError::ContainsWorkspace {
                path,
                workspace,
                outside,
            } => Refusal::new(
                Msg::new("site-contains-workspace")
                    .arg("path", path.display().to_string())
                    .arg("workspace", workspace.display().to_string()),
            )
            .hint(Msg::new("site-inside-workspace-hint").arg("outside", outside.as_str())),
            SiteError::Audit(e) => return e.message(s),
        };
        r.message(s)
    }
}

/// The files of a site, by path inside it (`/`-separated), and what was
/// met on the way.
#[derive(Debug, Default)]
pub struct Site {
    /// Path in the site → content.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Records that could not be read and were left out.
    pub diagnostics: Vec<Diagnostic>,
    /// True when the journal verified.
    pub journal_intact: bool,
}

impl Site {
    /// The number of HTML pages.
    pub fn pages(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }
}

/// What `dpo site --json` says of a site written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The folder.
    pub output: String,
    /// Its home page.
    pub index: String,
    /// The controller it is restricted to.
    pub controller: Option<String>,
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of files, pages included.
    pub files: usize,
    /// True when the journal verified.
    pub journal_intact: bool,
}

/// Makes the site of the workspace as of `now`, in the language of `t`,
/// restricted to what concerns `only` when given (the controller must
/// exist).
pub fn build(
    ws: &Workspace,
    t: &Templates,
    only: Option<&Id>,
    now: DateTime<Utc>,
) -> Result<Site, SiteError> {
    let mut site = pages::Maker::new(ws, t, only, now)?.make()?;
    site.files.insert(CSS_FILE.into(), CSS.as_bytes().to_vec());
    site.files.insert(MARKER.into(), b"dpo site\n".to_vec());
    Ok(site)
}

/// `path` made absolute with its links resolved, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut cur = path.to_path_buf();
    loop {
        if let Ok(c) = cur.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(c, |p, n: &std::ffi::OsString| p.join(n));
        }
        match (cur.file_name().map(ToOwned::to_owned), cur.parent()) {
            (Some(n), Some(p)) => {
                rest.push(n);
                cur = if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                };
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Where a folder beside the workspace `root` (resolved) is, as the hint
/// names it before the folder's name: relative to the current folder when
/// that is the workspace's parent or below it (`../../` from a subfolder
/// of the workspace), else the parent's absolute path.
fn outside(root: &Path) -> String {
    let Some(parent) = root.parent() else {
        return String::new();
    };
    let cwd = std::env::current_dir().ok().map(|c| resolved(&c));
    match cwd.as_deref().and_then(|c| c.strip_prefix(parent).ok()) {
        Some(below) => "../".repeat(below.components().count()),
        None => format!("{}/", parent.display()),
    }
}

/// Refuses `out` as the folder of a site: inside the workspace `root`,
/// holding it, or an existing folder neither empty nor an earlier site.
pub fn check_output(out: &Path, root: &Path) -> Result<(), SiteError> {
    let (o, r) = (resolved(out), resolved(root));
    if o.starts_with(&r) {
        return Err(SiteError::InsideWorkspace {
            path: out.to_path_buf(),
            workspace: root.to_path_buf(),
            outside: outside(&r),
        });
    }
    if r.starts_with(&o) {
        return Err(SiteError::ContainsWorkspace {
            path: out.to_path_buf(),
            workspace: root.to_path_buf(),
            outside: outside(&r),
        });
    }
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        let earlier = out.is_dir() && out.join(MARKER).is_file();
        if !(empty || earlier) {
            return Err(SiteError::NotASite {
                path: out.to_path_buf(),
            });
        }
    }
    Ok(())
}

fn output_error(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> SiteError {
    OutputError::write(path, e).into()
}

/// Writes `site` to `out` whole: into a new sibling folder, then renamed
/// into place (an earlier site there is replaced), so that no reader ever
/// finds half a site. `root` is the workspace, which `out` must be outside.
pub fn write(site: &Site, out: &Path, root: &Path) -> Result<(), SiteError> {
    check_output(out, root)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| output_error(&parent, e))?;
    let name = out
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .map_err(|e| output_error(&parent, e))?;
    for (rel, bytes) in &site.files {
        let path = tmp.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| output_error(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| output_error(&path, e))?;
    }
    // An earlier site (or an empty folder) is moved aside, then removed.
    let old = if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)
            .map_err(|e| output_error(&parent, e))?;
        let aside = old.path().join("site");
        std::fs::rename(out, &aside).map_err(|e| output_error(out, e))?;
        Some(old)
    } else {
        None
    };
    let tmp = tmp.keep();
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_dir_all(&tmp);
        if let Some(old) = &old {
            let _ = std::fs::rename(old.path().join("site"), out);
        }
        return Err(output_error(out, e));
    }
    drop(old);
    Ok(())
}
