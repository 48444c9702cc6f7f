//! Listings of backups, whichever tool gave them, and the one check a
//! deletion must pass: no selected backup is listed afterwards.
//!
//! A listing is read from the tool's own JSON (`restic snapshots --json`,
//! `borg list --json`) into [`Listed`] entries — an id, a date, a label —
//! and [`compare`] works on those alone, so another product's listing (a
//! Proxmox Backup Server or Veeam export) is checked the same way once a
//! reader turns it into [`Listed`] entries.

use serde::Deserialize;

use crate::model::DeletedBackup;

/// One backup of a listing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct Listed {
    /// Its id in the tool (restic's full snapshot id, borg's archive id).
    pub id: String,
    /// Its date, as the tool wrote it.
    pub time: String,
    /// Its name, or the host, tags and paths it holds.
    pub label: String,
}

impl From<&Listed> for DeletedBackup {
    fn from(l: &Listed) -> Self {
        DeletedBackup {
            id: l.id.clone(),
            time: l.time.clone(),
            label: Some(l.label.clone()).filter(|s| !s.is_empty()),
        }
    }
}

#[derive(Deserialize)]
struct ResticSnapshot {
    id: String,
    time: String,
    #[serde(default)]
    hostname: String,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default)]
    paths: Vec<String>,
}

/// The snapshots of `restic snapshots --json` (a JSON array).
pub fn restic(json: &str) -> Result<Vec<Listed>, String> {
    let v: Vec<ResticSnapshot> = serde_json::from_str(json.trim()).map_err(|e| e.to_string())?;
    Ok(v.into_iter()
        .map(|s| {
            let mut label = s.hostname;
            if let Some(tags) = s.tags.filter(|t| !t.is_empty()) {
                label.push_str(&format!(" [{}]", tags.join(", ")));
            }
            if !s.paths.is_empty() {
                label.push_str(&format!(" {}", s.paths.join(", ")));
            }
            Listed {
                id: s.id,
                time: s.time,
                label: label.trim().to_string(),
            }
        })
        .collect())
}

#[derive(Deserialize)]
struct BorgList {
    archives: Vec<BorgArchive>,
}

#[derive(Deserialize)]
struct BorgArchive {
    id: String,
    name: String,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    time: Option<String>,
}

/// The archives of `borg list --json` (an object with `archives`).
pub fn borg(json: &str) -> Result<Vec<Listed>, String> {
    let v: BorgList = serde_json::from_str(json.trim()).map_err(|e| e.to_string())?;
    Ok(v.archives
        .into_iter()
        .map(|a| Listed {
            id: a.id,
            time: utc(a.start.or(a.time).unwrap_or_default()),
            label: a.name,
        })
        .collect())
}

/// A time of borg's JSON, which borg says in local time with no offset:
/// dpo runs borg with `TZ=UTC`, so the offset is `+00:00`.
fn utc(time: String) -> String {
    let has_offset = time
        .split_once('T')
        .is_some_and(|(_, t)| t.ends_with('Z') || t.contains(['+', '-']));
    if time.is_empty() || has_offset {
        time
    } else {
        format!("{time}+00:00")
    }
}

/// What the listings before and after a deletion show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// Selected backups still listed after: the deletion did not happen.
    pub remaining: Vec<Listed>,
    /// Selected backups the listing before did not show (the repository
    /// changed between the two listings).
    pub unknown: Vec<Listed>,
    /// Backups not selected that were listed before and no longer are.
    pub others_gone: Vec<Listed>,
    /// Backups not selected still listed after.
    pub others_kept: usize,
}

impl Compared {
    /// True when no selected backup remains and each was listed before.
    pub fn deleted(&self) -> bool {
        self.remaining.is_empty() && self.unknown.is_empty()
    }
}

/// Compares the listing `before` a deletion of `selected` with the one
/// `after` it, by id.
pub fn compare(before: &[Listed], selected: &[Listed], after: &[Listed]) -> Compared {
    let has = |list: &[Listed], id: &str| list.iter().any(|l| l.id == id);
    let others = before.iter().filter(|b| !has(selected, &b.id));
    Compared {
        remaining: selected
            .iter()
            .filter(|s| has(after, &s.id))
            .cloned()
            .collect(),
        unknown: selected
            .iter()
            .filter(|s| !has(before, &s.id))
            .cloned()
            .collect(),
        others_gone: others
            .clone()
            .filter(|o| !has(after, &o.id))
            .cloned()
            .collect(),
        others_kept: others.filter(|o| has(after, &o.id)).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESTIC: &str = r#"[{"time":"2021-07-31T22:00:01.5+02:00","tree":"f3","paths":["/srv/juvisy"],"hostname":"juvisy","username":"root","tags":["ville"],"id":"4a7d","short_id":"4a7d"},{"time":"2021-07-31T23:00:00+02:00","paths":["/srv/athis"],"hostname":"athis","id":"3821","short_id":"3821"}]"#;

    const BORG: &str = r#"{"archives":[{"archive":"juvisy-2021-07-30","barchive":"juvisy-2021-07-30","id":"a69b","name":"juvisy-2021-07-30","start":"2021-07-30T22:00:00.000000","time":"2021-07-30T22:00:00.000000"}],"encryption":{"mode":"repokey"},"repository":{"id":"75f3","location":"/tmp/bx"}}"#;

    fn listed(id: &str) -> Listed {
        Listed {
            id: id.into(),
            time: String::new(),
            label: String::new(),
        }
    }

    #[test]
    fn restic_and_borg_listings_read_as_ids_dates_and_labels() {
        let r = restic(RESTIC).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "4a7d");
        assert_eq!(r[0].time, "2021-07-31T22:00:01.5+02:00");
        assert_eq!(r[0].label, "juvisy [ville] /srv/juvisy");
        assert_eq!(r[1].label, "athis /srv/athis");
        assert_eq!(restic("[]\n").unwrap(), Vec::new());
        let b = borg(BORG).unwrap();
        assert_eq!(b[0].id, "a69b");
        assert_eq!(b[0].label, "juvisy-2021-07-30");
        assert_eq!(b[0].time, "2021-07-30T22:00:00.000000+00:00");
        assert!(restic("Fatal: wrong password").is_err());
        assert!(borg("[]").is_err());
    }

    #[test]
    fn a_selected_backup_still_listed_after_is_not_deleted_whatever_else_happened() {
        let before = [listed("a"), listed("b"), listed("c")];
        let selected = [listed("a"), listed("b")];
        let ok = compare(&before, &selected, &[listed("c")]);
        assert!(ok.deleted());
        assert_eq!(ok.others_kept, 1);
        assert!(ok.others_gone.is_empty());
        // The tool said it succeeded, yet `b` is still there.
        let not = compare(&before, &selected, &[listed("b"), listed("c")]);
        assert!(!not.deleted());
        assert_eq!(not.remaining, vec![listed("b")]);
        // Another controller's backup went too: reported, not hidden.
        let more = compare(&before, &selected, &[]);
        assert!(more.deleted());
        assert_eq!(more.others_gone, vec![listed("c")]);
        // A selected backup the listing before never showed.
        let odd = compare(&before, &[listed("z")], &before);
        assert!(!odd.deleted());
        assert_eq!(odd.unknown, vec![listed("z")]);
    }
}
