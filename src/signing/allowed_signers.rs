//! The OpenSSH allowed-signers file (`ssh-keygen(1)`, "ALLOWED SIGNERS"):
//! one line per key, `principals [options] keytype base64 [comment]`, with
//! the options `cert-authority`, `namespaces="…"`, `valid-after="…"` and
//! `valid-before="…"`. Read here with the same rules as `ssh-keygen -Y
//! verify`, so that `dpo verify` and the controller's check agree.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use ssh_key::{public::KeyData, PublicKey};

use super::{clip, key::public_line, SigningError};

/// One line of an allowed-signers file.
#[derive(Debug, Clone)]
pub struct AllowedSigner {
    /// 1-based line in the file.
    pub line: usize,
    /// The principals, as written: comma-separated patterns (`*`, `?`, `!`).
    pub principals: String,
    /// `cert-authority`: the key signs certificates, not files (never
    /// matched against a plain signature).
    pub cert_authority: bool,
    /// `namespaces="…"`: the namespaces the key may sign in (all when `None`).
    pub namespaces: Option<Vec<String>>,
    /// `valid-after="…"`.
    pub valid_after: Option<DateTime<Utc>>,
    /// `valid-before="…"`.
    pub valid_before: Option<DateTime<Utc>>,
    /// The public key.
    pub key: PublicKey,
}

/// A parsed allowed-signers file.
#[derive(Debug, Clone, Default)]
pub struct AllowedSigners {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its key lines, in order.
    pub signers: Vec<AllowedSigner>,
}

/// OpenSSH's `match_pattern`: `*` any run of characters, `?` one character.
fn glob(pattern: &[char], s: &[char]) -> bool {
    match pattern.split_first() {
        None => s.is_empty(),
        Some(('*', rest)) => (0..=s.len()).any(|i| glob(rest, &s[i..])),
        Some(('?', rest)) => !s.is_empty() && glob(rest, &s[1..]),
        Some((c, rest)) => s.first() == Some(c) && glob(rest, &s[1..]),
    }
}

/// OpenSSH's `match_pattern_list`: a comma-separated list where a `!`
/// pattern that matches refuses at once.
fn match_list(list: &str, s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    let mut matched = false;
    for p in list.split(',') {
        let (neg, p) = match p.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, p),
        };
        let p: Vec<char> = p.chars().collect();
        if glob(&p, &s) {
            if neg {
                return false;
            }
            matched = true;
        }
    }
    matched
}

/// Reads `YYYYMMDD[HHMM[SS]][Z]`; without `Z` the time is UTC too (documented
/// difference: `ssh-keygen` reads it in the machine's local time).
fn parse_time(v: &str) -> Option<DateTime<Utc>> {
    let v = v
        .strip_suffix('Z')
        .or_else(|| v.strip_suffix('z'))
        .unwrap_or(v);
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = NaiveDate::parse_from_str(v.get(..8)?, "%Y%m%d").ok()?;
    let time = match v.len() {
        8 => NaiveTime::MIN,
        12 => NaiveTime::parse_from_str(&v[8..], "%H%M").ok()?,
        14 => NaiveTime::parse_from_str(&v[8..], "%H%M%S").ok()?,
        _ => return None,
    };
    Some(NaiveDateTime::new(date, time).and_utc())
}

/// Splits off the first field: up to unquoted whitespace.
fn next_field(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&s[..i], &s[i..]),
            _ => {}
        }
    }
    (s, "")
}

/// Splits an options field on the commas that are not inside quotes.
fn split_options(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

impl AllowedSigner {
    /// True when `identity` is one of the principals (patterns allowed).
    pub fn matches_principal(&self, identity: &str) -> bool {
        match_list(&self.principals, identity)
    }

    /// Whether this line allows a signature in `namespace` at `now`; if not, why.
    pub fn allows(&self, namespace: &str, now: DateTime<Utc>) -> Result<(), String> {
        if self.cert_authority {
            return Err(format!(
                "line {} is a cert-authority line, for certificates only",
                self.line
            ));
        }
        if let Some(ns) = &self.namespaces {
            if !match_list(&ns.join(","), namespace) {
                return Err(format!(
                    "line {} limits the key to namespaces `{}`, and this signature is for `{}`",
                    self.line,
                    ns.join(","),
                    clip(namespace)
                ));
            }
        }
        if let Some(after) = self.valid_after {
            if now < after {
                return Err(format!(
                    "line {} makes the key valid only after {after}",
                    self.line
                ));
            }
        }
        if let Some(before) = self.valid_before {
            if now > before {
                return Err(format!(
                    "line {} made the key valid only before {before}",
                    self.line
                ));
            }
        }
        Ok(())
    }
}

impl AllowedSigners {
    /// Reads the file at `path`.
    pub fn load(path: &Path) -> Result<Self, SigningError> {
        let missing = |path| SigningError::AllowedSignersMissing { path };
        let text = std::fs::read(path).map_err(|e| SigningError::read(path, e, missing))?;
        let text = String::from_utf8(text).map_err(|e| SigningError::AllowedSignersSyntax {
            path: path.to_path_buf(),
            line: e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
            message: "not UTF-8 text".into(),
        })?;
        Self::parse(&text, path)
    }

    /// Parses the text of an allowed-signers file (`path` names it in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Self, SigningError> {
        let mut signers = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |message: String| SigningError::AllowedSignersSyntax {
                path: path.to_path_buf(),
                line,
                message,
            };
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (principals, rest) = next_field(l);
            let principals = principals.trim_matches('"').to_string();
            if principals.is_empty() {
                return Err(err("no principal".into()));
            }
            let rest = rest.trim();
            let (options, key) = match PublicKey::from_openssh(rest) {
                Ok(k) => ("", k),
                Err(_) => {
                    let (opts, key_text) = next_field(rest);
                    let key = PublicKey::from_openssh(key_text.trim()).map_err(|e| {
                        err(format!("no public key after the principals and options (expected `ssh-ed25519 AAAA…`): {e}"))
                    })?;
                    (opts, key)
                }
            };
            let mut s = AllowedSigner {
                line,
                principals,
                cert_authority: false,
                namespaces: None,
                valid_after: None,
                valid_before: None,
                key,
            };
            for opt in split_options(options).into_iter().filter(|o| !o.is_empty()) {
                let (name, value) = match opt.split_once('=') {
                    Some((n, v)) => (n, Some(v.trim_matches('"'))),
                    None => (opt, None),
                };
                let name = name.to_ascii_lowercase();
                let time = |v: &str| {
                    parse_time(v).ok_or_else(|| {
                        err(format!("{name} `{}` is not YYYYMMDD[HHMM[SS]][Z]", clip(v)))
                    })
                };
                match (name.as_str(), value) {
                    ("cert-authority", None) => s.cert_authority = true,
                    ("namespaces", Some(v)) => {
                        s.namespaces = Some(v.split(',').map(str::to_string).collect())
                    }
                    ("valid-after", Some(v)) => s.valid_after = Some(time(v)?),
                    ("valid-before", Some(v)) => s.valid_before = Some(time(v)?),
                    _ => return Err(err(format!("unknown option `{}`", clip(opt)))),
                }
            }
            signers.push(s);
        }
        Ok(Self {
            path: path.to_path_buf(),
            signers,
        })
    }

    /// The lines whose key is `key`.
    pub fn for_key(&self, key: &KeyData) -> Vec<&AllowedSigner> {
        self.signers
            .iter()
            .filter(|s| s.key.key_data() == key)
            .collect()
    }

    /// The line to add for `key` with principal `principal`, in the form
    /// `ssh-keygen -Y verify` reads: `principal ssh-ed25519 AAAA… comment`.
    pub fn line_for(principal: &str, key: &PublicKey) -> String {
        let principal = if principal.chars().any(char::is_whitespace) {
            format!("\"{principal}\"")
        } else {
            principal.to_string()
        };
        format!("{principal} {}", public_line(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILM+rvN+ot98qgEN796jTiQfZfG1KaT0PtFDJ/XFSqti foo@bar.com";

    fn parse(t: &str) -> Result<AllowedSigners, SigningError> {
        AllowedSigners::parse(t, Path::new("allowed_signers"))
    }

    #[test]
    fn lines_with_and_without_options_are_read() {
        let f = parse(&format!(
            "# comment\n\nDPO@example.org {KEY}\n\"a@x,b@y\" namespaces=\"file,dpo-certificate\",valid-after=\"20210201\" {KEY}\nca@x cert-authority {KEY}\n"
        ))
        .unwrap();
        assert_eq!(f.signers.len(), 3);
        assert_eq!(f.signers[0].principals, "DPO@example.org");
        assert_eq!(f.signers[0].line, 3);
        assert_eq!(
            f.signers[1].namespaces.as_deref(),
            Some(&["file".to_string(), "dpo-certificate".to_string()][..])
        );
        assert!(f.signers[1].matches_principal("b@y"));
        assert!(f.signers[2].cert_authority);
        let now = "2021-08-01T00:00:00Z".parse().unwrap();
        assert!(f.signers[1].allows("file", now).is_ok());
        assert!(f.signers[1].allows("dpo-bag", now).is_err());
        assert!(f.signers[1]
            .allows("file", "2021-01-01T00:00:00Z".parse().unwrap())
            .is_err());
        assert!(f.signers[2].allows("file", now).is_err());
    }

    #[test]
    fn a_line_without_a_key_names_its_line() {
        let e = parse("ok@x ssh-ed25519\n").unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
        let e = parse(&format!("a@x {KEY}\nb@x bogus=1 {KEY}\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("unknown option"), "{e}");
    }

    #[test]
    fn principal_patterns_follow_openssh() {
        assert!(match_list("*@example.org", "dpo@example.org"));
        assert!(!match_list(
            "*@example.org,!evil@example.org",
            "evil@example.org"
        ));
        assert!(match_list("d?o@x", "dpo@x"));
        assert!(!match_list("dpo@x", "DPO@x"));
    }
}
