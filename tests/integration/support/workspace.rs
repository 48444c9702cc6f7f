//! Workspaces for the tests: a fixture folder (`tests/fixtures/<name>`, or the
//! sample `registers/`) copied into a temporary folder, with an empty home
//! folder beside it; a variant of a fixture is the fixture with an overlay
//! folder copied over it (the one file that differs, at its workspace path).

use std::path::{Path, PathBuf};

use super::dpo::Dpo;

/// `tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies the folder `from` into `to`, recursively, leaving out a stale
/// workspace lock file.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the fixture copy");
    for e in std::fs::read_dir(from).expect("read the fixture folder") {
        let e = e.expect("fixture entry");
        let name = e.file_name();
        if name == ".dpo.lock" {
            continue;
        }
        let target = to.join(&name);
        if e.file_type().expect("fixture file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy a fixture file");
        }
    }
}

/// A workspace at `<temporary folder>/registers`, the home folder at
/// `<temporary folder>/home`; all is removed when the value is dropped.
pub(crate) struct Workspace {
    tmp: tempfile::TempDir,
    root: PathBuf,
    home: PathBuf,
}

impl Workspace {
    /// A temporary folder where the workspace is not created yet.
    pub(crate) fn missing() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("registers");
        let home = tmp.path().join("home");
        std::fs::create_dir_all(&home).expect("create the home folder");
        Self { tmp, root, home }
    }

    /// A copy of `from`.
    fn copy_of(from: &Path) -> Self {
        let ws = Self::missing();
        copy_dir(from, &ws.root);
        ws
    }

    /// A copy of `tests/fixtures/<name>`.
    pub(crate) fn fixture(name: &str) -> Self {
        Self::copy_of(&fixture(name))
    }

    /// A copy of the sample workspace, `registers/`.
    pub(crate) fn sample() -> Self {
        Self::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("registers"))
    }

    /// The same, with `tests/fixtures/<overlay>` copied over it.
    pub(crate) fn overlay(self, overlay: &str) -> Self {
        copy_dir(&fixture(overlay), &self.root);
        self
    }

    /// The workspace folder.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The home folder (`HOME`; `XDG_CONFIG_HOME` is its `.config`).
    pub(crate) fn home(&self) -> &Path {
        &self.home
    }

    /// The temporary folder that holds the workspace and the home folder;
    /// `dpo` runs there.
    pub(crate) fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// `rel` in the temporary folder, beside the workspace.
    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir().join(rel)
    }

    /// Reads a workspace file.
    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Writes a workspace file, creating its folder.
    pub(crate) fn write(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    /// Writes `tests/fixtures/breach-records/<id>.yaml` as
    /// `breaches/<id>.yaml`, as by hand: not journaled.
    pub(crate) fn write_breach_record(&self, id: &str) {
        let text = std::fs::read_to_string(fixture("breach-records").join(format!("{id}.yaml")))
            .expect("read breach fixture");
        self.write(&format!("breaches/{id}.yaml"), &text);
    }

    /// Whether a workspace file exists.
    pub(crate) fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    /// The journal entries, parsed (none when there is no journal).
    pub(crate) fn journal(&self) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.root.join("journal.jsonl")).unwrap_or_default();
        text.lines()
            .map(|l| serde_json::from_str(l).expect("journal line is JSON"))
            .collect()
    }

    /// `dpo` on this workspace, with this home folder, run from the
    /// temporary folder.
    pub(crate) fn dpo(&self) -> Dpo {
        Dpo::new(&self.root)
            .home(&self.home)
            .current_dir(self.dir())
    }
}
