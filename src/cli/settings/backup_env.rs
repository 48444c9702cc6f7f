//! What the backup tools take from the environment, as [`super::Settings`]
//! reads it (through the lookup it is given: this module reads no variable
//! itself): the folders where restic and borg keep an entry per repository,
//! which a crypto-erase removes with the repository, and whether a variable
//! gives each its password (never its value).

use std::path::PathBuf;

/// For restic then borg: the folders of an entry per repository, found as
/// the tools find them — `RESTIC_CACHE_DIR`, `BORG_CACHE_DIR`, else
/// `<XDG_CACHE_HOME or HOME/.cache>/restic|borg`; borg's
/// `BORG_SECURITY_DIR`, else `<XDG_CONFIG_HOME or HOME/.config>/borg/security`
/// — and whether `RESTIC_PASSWORD`, `RESTIC_PASSWORD_FILE`,
/// `RESTIC_PASSWORD_COMMAND` (restic) or `BORG_PASSPHRASE`,
/// `BORG_PASSCOMMAND`, `BORG_PASSPHRASE_FD` (borg) is set. `set` gives a
/// variable that is set and not blank, `env` one that is set.
pub(super) fn folders(
    set: &dyn Fn(&str) -> Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> [(Vec<PathBuf>, bool); 2] {
    // `var`, else `<xdg, or HOME/dot>/sub`.
    let dir = |var: &str, xdg: &str, dot: &str, sub: &str| {
        let base = set(xdg)
            .map(PathBuf::from)
            .or_else(|| set("HOME").map(|h| PathBuf::from(h).join(dot)));
        set(var)
            .map(PathBuf::from)
            .or_else(|| base.map(|b| b.join(sub)))
    };
    let given = |vars: [&str; 3]| vars.iter().any(|k| env(k).is_some());
    [
        (
            [dir(
                "RESTIC_CACHE_DIR",
                "XDG_CACHE_HOME",
                ".cache",
                "restic",
            )]
            .to_vec(),
            given([
                "RESTIC_PASSWORD",
                "RESTIC_PASSWORD_FILE",
                "RESTIC_PASSWORD_COMMAND",
            ]),
        ),
        (
            [
                dir("BORG_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "borg"),
                dir(
                    "BORG_SECURITY_DIR",
                    "XDG_CONFIG_HOME",
                    ".config",
                    "borg/security",
                ),
            ]
            .to_vec(),
            given(["BORG_PASSPHRASE", "BORG_PASSCOMMAND", "BORG_PASSPHRASE_FD"]),
        ),
    ]
    .map(|(dirs, given)| (dirs.into_iter().flatten().collect(), given))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folders_are_found_as_the_tools_find_them() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let home = vars(&[("HOME", "/h"), ("BORG_PASSPHRASE", "")]);
        let [restic, borg] = folders(&home, &home);
        assert_eq!(restic, (vec![PathBuf::from("/h/.cache/restic")], false));
        assert_eq!(
            borg,
            (
                vec![
                    PathBuf::from("/h/.cache/borg"),
                    PathBuf::from("/h/.config/borg/security")
                ],
                true
            )
        );
        let own = vars(&[
            ("HOME", "/h"),
            ("XDG_CONFIG_HOME", "/x"),
            ("RESTIC_CACHE_DIR", "/rc"),
            ("RESTIC_PASSWORD_FILE", "/pw"),
        ]);
        let [restic, borg] = folders(&own, &own);
        assert_eq!(restic, (vec![PathBuf::from("/rc")], true));
        assert_eq!(borg.0[1], PathBuf::from("/x/borg/security"));
    }
}
