//! Copying fixture workspaces into temporary folders, shared by the
//! integration test crates (`#[path = "support/fs.rs"] mod fs_support;`).

use std::path::Path;

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
