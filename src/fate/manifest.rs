//! Manifests in the format of GNU `sha256sum`: `HASH  NAME`, one file a
//! line, so that `sha256sum -c` checks them. Names are raw bytes; a name
//! holding a backslash, a newline or a carriage return is escaped the way
//! `sha256sum` does it (the line starts with `\`, and `\\`, `\n`, `\r` stand
//! for those bytes).

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
}
