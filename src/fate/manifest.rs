//! Manifests in the format of GNU `sha256sum`: `HASH  NAME`, one file a
//! line, so that `sha256sum -c` checks them. Names are raw bytes; a name
//! holding a backslash, a newline or a carriage return is escaped the way
//! `sha256sum` does it (the line starts with `\`, and `\\`, `\n`, `\r` stand
//! for those bytes).
//!
//! Beside it, the same files with their sizes in the format of `hashdeep`
//! (`%%%% HASHDEEP-1.0`, then `size,sha256,filename` lines), so that
//! `hashdeep -r -a -k MANIFEST DIR` audits a tree with a stock tool, and so
//! that a residual scan need only read the files whose size is a size of
//! the fingerprint. `hashdeep` names files by their absolute path and has
//! no escape for a newline or a carriage return in a name: such a name is
//! written with `\n` / `\r` in their place (its size and hash stay exact;
//! hashdeep cannot match it by name, the `sha256sum` manifest holds it
//! exactly) and counted in a `##` comment line.

use std::path::Path;

use super::FateError;
use crate::render::catalog::Msg;
use crate::render::said::Refusal;

/// One line of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The SHA-256.
    pub sha256: [u8; 32],
    /// The file name, raw bytes.
    pub name: Vec<u8>,
}

/// Writes entries in `sha256sum` text mode.
pub fn write_manifest<'a>(entries: impl IntoIterator<Item = (&'a [u8; 32], &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    for (sha, name) in entries {
        let escape = name.iter().any(|&b| matches!(b, b'\\' | b'\n' | b'\r'));
        if escape {
            out.push(b'\\');
        }
        out.extend_from_slice(hex::encode(sha).as_bytes());
        out.extend_from_slice(b"  ");
        for &b in name {
            match (escape, b) {
                (true, b'\\') => out.extend_from_slice(b"\\\\"),
                (true, b'\n') => out.extend_from_slice(b"\\n"),
                (true, b'\r') => out.extend_from_slice(b"\\r"),
                _ => out.push(b),
            }
        }
        out.push(b'\n');
    }
    out
}

/// Reads a manifest written by [`write_manifest`] or by `sha256sum` (text
/// or binary mode). `path` names the file in errors.
pub fn parse_manifest(bytes: &[u8], path: &Path) -> Result<Vec<ManifestEntry>, FateError> {
    let mut out = Vec::new();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if body.is_empty() {
        return Ok(out);
    }
    for (i, raw) in body.split(|&b| b == b'\n').enumerate() {
        let err = |id: &'static str| FateError::Manifest {
            path: path.to_path_buf(),
            line: i + 1,
            said: Refusal::new(Msg::new(id)),
        };
        let (escaped, line) = match raw.strip_prefix(b"\\") {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        if line.len() < 66 || !(line[64] == b' ' && (line[65] == b' ' || line[65] == b'*')) {
            return Err(err("duties-fate-manifest-line"));
        }
        let mut sha = [0u8; 32];
        hex::decode_to_slice(&line[..64], &mut sha)
            .map_err(|_| err("duties-fate-manifest-hash"))?;
        let raw_name = &line[66..];
        let name = if escaped {
            let mut n = Vec::with_capacity(raw_name.len());
            let mut it = raw_name.iter();
            while let Some(&b) = it.next() {
                if b == b'\\' {
                    match it.next() {
                        Some(b'\\') => n.push(b'\\'),
                        Some(b'n') => n.push(b'\n'),
                        Some(b'r') => n.push(b'\r'),
                        _ => return Err(err("duties-fate-manifest-escape")),
                    }
                } else {
                    n.push(b);
                }
            }
            n
        } else {
            raw_name.to_vec()
        };
        out.push(ManifestEntry { sha256: sha, name });
    }
    Ok(out)
}

/// The first lines of a `hashdeep` file of SHA-256 hashes.
const HASHDEEP_HEADER: &str = "%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n";

/// One line of a `hashdeep` manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizedEntry {
    /// The size in bytes.
    pub size: u64,
    /// The SHA-256.
    pub sha256: [u8; 32],
    /// The file name, raw bytes (an absolute path).
    pub name: Vec<u8>,
}

/// Writes entries (size, SHA-256, absolute name) in `hashdeep`'s format;
/// a newline or a carriage return in a name is written `\n` / `\r`.
pub fn write_hashdeep<'a>(
    entries: impl IntoIterator<Item = (u64, &'a [u8; 32], &'a [u8])>,
) -> Vec<u8> {
    let mut body = Vec::new();
    let mut escaped = 0;
    for (size, sha, name) in entries {
        body.extend_from_slice(format!("{size},{},", hex::encode(sha)).as_bytes());
        if name.iter().any(|&b| matches!(b, b'\n' | b'\r')) {
            escaped += 1;
        }
        for &b in name {
            match b {
                b'\n' => body.extend_from_slice(b"\\n"),
                b'\r' => body.extend_from_slice(b"\\r"),
                _ => body.push(b),
            }
        }
        body.push(b'\n');
    }
    let mut out = HASHDEEP_HEADER.as_bytes().to_vec();
    out.extend_from_slice(b"## Written by dpo fate fingerprint\n");
    if escaped > 0 {
        out.extend_from_slice(
            format!(
                "## {escaped} {} a newline, written \\n: hashdeep cannot match {} by name (the sha256sum manifest holds {} exactly)\n",
                if escaped == 1 { "name holds" } else { "names hold" },
                if escaped == 1 { "it" } else { "them" },
                if escaped == 1 { "it" } else { "them" },
            )
                .as_bytes(),
        );
    }
    out.extend_from_slice(b"##\n");
    out.extend_from_slice(&body);
    out
}

/// Reads a `hashdeep` manifest of SHA-256 hashes (its first column must be
/// `size` and one of the others `sha256`). `path` names the file in errors.
pub fn parse_hashdeep(bytes: &[u8], path: &Path) -> Result<Vec<SizedEntry>, FateError> {
    let err = |line: usize, id: &'static str| FateError::Manifest {
        path: path.to_path_buf(),
        line,
        said: Refusal::new(Msg::new(id)),
    };
    let mut columns: Option<Vec<&[u8]>> = None;
    let mut out = Vec::new();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    for (i, line) in body.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        if i == 0 {
            if line != b"%%%% HASHDEEP-1.0" {
                return Err(err(n, "duties-fate-hashdeep-first"));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix(b"%%%% ") {
            columns = Some(rest.split(|&b| b == b',').collect());
            continue;
        }
        if line.starts_with(b"##") || line.is_empty() {
            continue;
        }
        let cols = columns
            .as_ref()
            .ok_or_else(|| err(n, "duties-fate-hashdeep-before-columns"))?;
        let at = |name: &[u8]| cols.iter().position(|c| *c == name);
        let (Some(0), Some(hash), Some(file)) = (at(b"size"), at(b"sha256"), at(b"filename"))
        else {
            return Err(err(n, "duties-fate-hashdeep-columns"));
        };
        if file + 1 != cols.len() {
            return Err(err(n, "duties-fate-hashdeep-filename-last"));
        }
        // The name is last and may hold commas.
        let fields: Vec<&[u8]> = line.splitn(cols.len(), |&b| b == b',').collect();
        if fields.len() != cols.len() {
            return Err(err(n, "duties-fate-hashdeep-fields"));
        }
        let size = std::str::from_utf8(fields[0])
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| err(n, "duties-fate-hashdeep-size"))?;
        let mut sha256 = [0u8; 32];
        hex::decode_to_slice(fields[hash], &mut sha256)
            .map_err(|_| err(n, "duties-fate-manifest-hash"))?;
        out.push(SizedEntry {
            size,
            sha256,
            name: fields[file].to_vec(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_newlines_backslashes_and_invalid_utf8_round_trip() {
        let names: Vec<Vec<u8>> = vec![
            b"plain.txt".to_vec(),
            b"with space.odt".to_vec(),
            b"line\nbreak".to_vec(),
            b"back\\slash".to_vec(),
            vec![b'l', 0xe9, b'g', b'a', b'l'],
        ];
        let sha = [7u8; 32];
        let text = write_manifest(names.iter().map(|n| (&sha, n.as_slice())));
        assert!(text.starts_with(b"0707"));
        let back = parse_manifest(&text, Path::new("m")).unwrap();
        assert_eq!(
            back.iter().map(|e| e.name.clone()).collect::<Vec<_>>(),
            names
        );
    }

    #[test]
    fn a_broken_line_is_named() {
        let e = parse_manifest(b"abc  x\n", Path::new("m"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn a_hashdeep_manifest_round_trips_sizes_and_hashes_even_for_a_name_with_a_newline() {
        let (a, b) = ([1u8; 32], [2u8; 32]);
        let text = write_hashdeep([
            (3, &a, &b"/srv/x/a,b.txt"[..]),
            (7, &b, &b"/srv/x/line\nbreak"[..]),
        ]);
        let t = String::from_utf8_lossy(&text);
        assert!(
            t.starts_with("%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n"),
            "{t}"
        );
        assert!(t.contains("## 1 name holds a newline"), "{t}");
        let back = parse_hashdeep(&text, Path::new("m")).unwrap();
        assert_eq!(
            back,
            [
                SizedEntry {
                    size: 3,
                    sha256: a,
                    name: b"/srv/x/a,b.txt".to_vec()
                },
                SizedEntry {
                    size: 7,
                    sha256: b,
                    name: b"/srv/x/line\\nbreak".to_vec()
                }
            ]
        );
    }

    #[test]
    fn a_hashdeep_file_of_other_columns_is_refused_with_its_line() {
        let text = b"%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n##\n1,00,/a\n";
        let e = parse_hashdeep(text, Path::new("m"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 4"), "{e}");
    }
}
