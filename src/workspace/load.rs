//! Reading the YAML files of a workspace into the model, with every error
//! pinned to a file, line, column and field.
//!
//! Nothing reaches the YAML parsers unchecked: a file is read only when it is
//! a regular file reached without a link (never a FIFO, a device or a link
//! to one, which could block or never end), at most [`MAX_FILE_BYTES`] of it,
//! and its text is pre-scanned ([`prescan`]) for nesting, scalar, line and
//! alias limits, so a hostile file is refused with its `file:line` in
//! milliseconds instead of exhausting the stack, the memory or the time.

use crate::workspace::ReadError;
use std::collections::BTreeMap;
use std::fs::Metadata;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use yaml_rust2::scanner::{Scanner, Token, TokenType};

use super::{atomic, Diagnostic, SourceFile, Workspace, WorkspaceError};
use crate::hashing::sha256_hex;
use crate::model::{Controller, Id, People, Processor, SecurityMeasures, SubProcessors};
use crate::render::catalog::Msg;

/// A YAML file larger than this is refused before it is read: no register
/// file is anywhere near it, and a stray dump must not exhaust memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Mappings and sequences (block or flow) nested deeper than this are
/// refused before parsing: a register file nests about six levels.
pub const MAX_DEPTH: usize = 64;

/// A scalar, or a line, longer than this many bytes is refused before
/// parsing: the longest text of a register file is a paragraph.
pub const MAX_SCALAR_BYTES: usize = 64 * 1024;

/// More aliases (`*name`) than this in one file are refused before parsing.
pub const MAX_ALIASES: usize = 256;

/// The `language` of `processor.yaml` in `root`, read alone (the rest of the
/// workspace may not load, e.g. in the middle of a git merge).
pub fn processor_language(root: &Path) -> Option<crate::model::Lang> {
    let processor: Option<Processor> = read_one(
        root,
        "processor.yaml",
        false,
        &mut BTreeMap::new(),
        &mut Vec::new(),
    );
    processor.and_then(|p| p.language)
}

/// Loads the workspace at `root`. On success, returns it with the warnings of
/// [`super::validate`] still to be computed by the caller (which holds the
/// clock); on failure, every error found in every file.
pub fn load(root: &Path) -> Result<Workspace, WorkspaceError> {
    let (files, diags) = read_all(root)?;
    if diags.iter().any(|d| d.is_error()) {
        return Err(WorkspaceError::Invalid {
            root: root.to_path_buf(),
            diagnostics: diags,
        });
    }
    files
        .workspace(root)
        .ok_or_else(|| WorkspaceError::Invalid {
            // read_one reports a missing processor.yaml as an error, so this is
            // unreachable in practice; say so rather than panic.
            root: root.to_path_buf(),
            diagnostics: vec![Diagnostic::error(
                "processor.yaml",
                (1, 1),
                "",
                "missing".into(),
            )],
        })
}

/// What `dpo check` reads: the workspace, or every error found in every
/// file, with the workspace made of the files that read when only
/// controllers' files do not (`readable`: that workspace and those files,
/// named as in the diagnostics, `controllers/x.yaml`); `None` when a file
/// that is not a controller's has an error. The errors of one
/// controller's file then never hide those of the others. Each file is
/// read once.
pub enum Loaded {
    /// Every file reads.
    Whole(Box<Workspace>),
    /// Some file does not.
    Invalid {
        /// Every error (and warning) of the files.
        diagnostics: Vec<Diagnostic>,
        /// The workspace of the files that read, and those that do not
        /// (each once, sorted).
        readable: Option<(Box<Workspace>, Vec<String>)>,
    },
}

/// [`load`] for `dpo check` ([`Loaded`]).
pub fn load_for_check(root: &Path) -> Result<Loaded, WorkspaceError> {
    let (files, diagnostics) = read_all(root)?;
    let mut bad: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.clone())
        .collect();
    bad.sort();
    bad.dedup();
    if bad.is_empty() {
        return match files.workspace(root) {
            Some(ws) => Ok(Loaded::Whole(Box::new(ws))),
            None => load(root).map(|ws| Loaded::Whole(Box::new(ws))),
        };
    }
    let readable = if bad.iter().all(|f| f.starts_with("controllers/")) {
        files.workspace(root).map(|ws| (Box::new(ws), bad))
    } else {
        None
    };
    Ok(Loaded::Invalid {
        diagnostics,
        readable,
    })
}

/// The files of a workspace as they read: each `None` (or left out of
/// `controllers`) when it does not.
struct Files {
    processor: Option<Processor>,
    subprocessors: Option<SubProcessors>,
    measures: Option<SecurityMeasures>,
    people: Option<People>,
    controllers: Vec<(Id, Controller)>,
    sources: BTreeMap<String, SourceFile>,
}

impl Files {
    /// The workspace of these files (`None` without a processor).
    fn workspace(self, root: &Path) -> Option<Workspace> {
        let processor = self.processor?;
        let tz = processor
            .timezone
            .parse()
            .unwrap_or(crate::time::DEFAULT_TZ);
        Some(Workspace {
            root: root.to_path_buf(),
            processor,
            tz,
            controllers: self.controllers,
            subprocessors: self.subprocessors.unwrap_or_default().subprocessors,
            measures: self.measures.unwrap_or_default().measures,
            people: self.people.unwrap_or_default(),
            sources: self.sources,
            lock_wait: super::DEFAULT_LOCK_WAIT,
            git: None,
            tsa_ca: None,
        })
    }
}

/// Every file of the workspace at `root`, read, and what is wrong with
/// each ([`read_one`]).
fn read_all(root: &Path) -> Result<(Files, Vec<Diagnostic>), WorkspaceError> {
    if !root.is_dir() {
        return Err(WorkspaceError::NotFound {
            path: root.to_path_buf(),
        });
    }
    let mut diags = Vec::new();
    let mut sources = BTreeMap::new();
    check_own_entries(root, &mut diags);

    let processor: Option<Processor> =
        read_one(root, "processor.yaml", true, &mut sources, &mut diags);
    let subprocessors: Option<SubProcessors> =
        read_one(root, "subprocessors.yaml", false, &mut sources, &mut diags);
    let measures: Option<SecurityMeasures> = read_one(
        root,
        "security-measures.yaml",
        false,
        &mut sources,
        &mut diags,
    );
    let people: Option<People> = read_one(root, "people.yaml", false, &mut sources, &mut diags);

    let mut controllers = Vec::new();
    let dir = root.join("controllers");
    if dir.is_dir() {
        match list_dir(&dir) {
            Ok(names) => {
                for name in names {
                    let rel = format!("controllers/{name}");
                    if name.starts_with('.') {
                        continue;
                    }
                    let Some(stem) = name.strip_suffix(".yaml") else {
                        let d = Diagnostic::error_msg(
                            &rel,
                            (1, 1),
                            "",
                            Msg::new("yaml-not-controller-file"),
                        );
                        diags.push(if name.ends_with(".yml") {
                            d.with_hint_msg(
                                Msg::new("hint-rename-to")
                                    .arg("name", name.trim_end_matches(".yml")),
                            )
                        } else {
                            d.with_hint_msg(Msg::new("hint-move-out-of-controllers"))
                        });
                        continue;
                    };
                    let id = match Id::new(stem) {
                        Ok(id) => id,
                        Err(e) => {
                            diags.push(Diagnostic::error(
                                &rel,
                                (1, 1),
                                "",
                                format!("the file name is the controller's identifier: {e}"),
                            ));
                            continue;
                        }
                    };
                    if let Some(c) =
                        read_one::<Controller>(root, &rel, true, &mut sources, &mut diags)
                    {
                        controllers.push((id, c));
                    }
                }
            }
            Err(source) => return Err(ReadError { path: dir, source }.into()),
        }
    }

    let files = Files {
        processor,
        subprocessors,
        measures,
        people,
        controllers,
        sources,
    };
    Ok((files, diags))
}

/// The errors [`load`] reports when the journal or a folder dpo writes to
/// is a link, or a folder of records holds a link, a FIFO or a device; for
/// the commands that read the journal without loading the workspace.
pub fn unsafe_entries(root: &Path) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    check_own_entries(root, &mut diags);
    diags
}

/// The journal and the folders dpo writes to are no links, and a folder of
/// records holds no link, FIFO or device: a record that is not a regular
/// file would be skipped by the readers or written through by the writers.
fn check_own_entries(root: &Path, diags: &mut Vec<Diagnostic>) {
    let folders = super::kinds::FILE_KINDS
        .iter()
        .map(|k| k.path)
        .filter(|p| !p.ends_with(".yaml"));
    let files = [super::journal::JOURNAL_FILE, super::journal::HEAD_FILE];
    let refuse = |rel: &str, what: &str| {
        Diagnostic::error_msg(
            rel,
            (1, 1),
            "",
            Msg::new("errors-load-own-entry").arg("what", atomic::file_kind(what)),
        )
        .with_hint_msg(Msg::new("errors-load-own-entry-hint"))
    };
    for name in files
        .into_iter()
        .chain(folders.clone())
        .chain(["keys", "evidence"])
    {
        let Ok(m) = std::fs::symlink_metadata(root.join(name)) else {
            continue;
        };
        let t = m.file_type();
        if t.is_symlink() || (files.contains(&name) && !t.is_file()) {
            diags.push(refuse(
                name,
                atomic::not_regular(&t).unwrap_or("not a regular file"),
            ));
        }
    }
    // `controllers/` is listed by `load` itself, each file read by `read_one`.
    for dir in folders.filter(|d| *d != "controllers") {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut bad: Vec<(String, &str)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let t = e.file_type().ok()?;
                let what = atomic::not_regular(&t).filter(|_| !t.is_dir())?;
                (!name.starts_with('.')).then(|| (format!("{dir}/{name}"), what))
            })
            .collect();
        bad.sort();
        diags.extend(bad.iter().map(|(rel, what)| refuse(rel, what)));
    }
}

/// Why a path of the workspace is not read: a link, a special file.
#[derive(Debug)]
struct Unsafe(Msg);

impl std::fmt::Display for Unsafe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Unsafe {}

fn unsafe_path(message: Msg) -> std::io::Error {
    std::io::Error::other(Unsafe(message))
}

/// The metadata of the file `rel` of the workspace at `root`, when it is a
/// regular file and neither it nor a folder between it and `root` is a link
/// (the workspace folder itself may be one). Nothing is opened.
fn regular_file(root: &Path, rel: &str) -> std::io::Result<Metadata> {
    let parts: Vec<_> = Path::new(rel).components().collect();
    let mut cur = root.to_path_buf();
    let mut shown = PathBuf::new();
    for (i, part) in parts.iter().enumerate() {
        cur.push(part);
        shown.push(part);
        let m = std::fs::symlink_metadata(&cur)?;
        let t = m.file_type();
        let last = i + 1 == parts.len();
        if t.is_symlink() {
            return Err(unsafe_path(
                Msg::new("errors-load-link").arg("path", shown.display().to_string()),
            ));
        }
        if last {
            if let Some(what) = atomic::not_regular(&t) {
                return Err(unsafe_path(
                    Msg::new("errors-load-not-regular").arg("what", atomic::file_kind(what)),
                ));
            }
            return Ok(m);
        }
        if !t.is_dir() {
            return Err(unsafe_path(
                Msg::new("errors-load-not-folder")
                    .arg("path", shown.display().to_string())
                    .arg(
                        "what",
                        atomic::file_kind(atomic::not_regular(&t).unwrap_or("a file")),
                    ),
            ));
        }
    }
    Err(std::io::ErrorKind::NotFound.into())
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of the file `looked` at, after
/// checking that the file opened is that one, still a regular file.
fn read_capped(path: &Path, looked: &Metadata) -> std::io::Result<Vec<u8>> {
    let f = std::fs::File::open(path)?;
    let m = f.metadata()?;
    if !m.is_file() || !atomic::same_file(&m, looked) {
        return Err(unsafe_path(Msg::new("errors-load-replaced")));
    }
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Checks a YAML text against the limits ([`MAX_SCALAR_BYTES`] per line and
/// per scalar, [`MAX_DEPTH`], [`MAX_ALIASES`]) before a parser sees it, with
/// the line and column of the first excess. One pass over the bytes for the
/// lines, then the YAML tokens (not the parse tree), stopping at the first
/// excess: linear in the text, flat on the stack. A text the tokenizer
/// rejects is left to the parser to report, once its flow brackets are
/// counted (the tokenizer gives up at 256 levels of flow nesting itself).
pub fn prescan(rel: &str, text: &str) -> Result<(), Box<Diagnostic>> {
    let over = |pos: (usize, usize), message: Msg, hint: &'static str| {
        Box::new(Diagnostic::error_msg(rel, pos, "", message).with_hint_msg(Msg::new(hint)))
    };
    let long_text = "errors-load-long-text-hint";
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > MAX_SCALAR_BYTES {
            return Err(over(
                (i + 1, 1),
                Msg::new("errors-load-long-line")
                    .arg("len", line.len())
                    .arg("max", MAX_SCALAR_BYTES),
                long_text,
            ));
        }
    }
    let deep = |pos: (usize, usize)| {
        over(
            pos,
            Msg::new("errors-load-deep").arg("max", MAX_DEPTH),
            "errors-load-deep-hint",
        )
    };
    let mut scanner = Scanner::new(text.chars());
    let (mut depth, mut aliases) = (0usize, 0usize);
    for Token(mark, token) in &mut scanner {
        let pos = (mark.line(), mark.col() + 1);
        match token {
            TokenType::BlockSequenceStart
            | TokenType::BlockMappingStart
            | TokenType::FlowSequenceStart
            | TokenType::FlowMappingStart => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(deep(pos));
                }
            }
            TokenType::BlockEnd | TokenType::FlowSequenceEnd | TokenType::FlowMappingEnd => {
                depth = depth.saturating_sub(1);
            }
            TokenType::Scalar(_, v) if v.len() > MAX_SCALAR_BYTES => {
                return Err(over(
                    pos,
                    Msg::new("errors-load-long-value")
                        .arg("len", v.len())
                        .arg("max", MAX_SCALAR_BYTES),
                    long_text,
                ));
            }
            TokenType::Alias(_) => {
                aliases += 1;
                if aliases > MAX_ALIASES {
                    return Err(over(
                        pos,
                        Msg::new("errors-load-aliases").arg("max", MAX_ALIASES),
                        "errors-load-aliases-hint",
                    ));
                }
            }
            _ => {}
        }
    }
    if scanner.get_error().is_some() {
        // The parser reports the syntax error; bound what it may meet. The
        // tokenizer may have held back the tokens before the error (a flow
        // collection may turn out to be a key), so count the brackets of
        // the whole text, bluntly.
        let mut depth = 0usize;
        let (mut line, mut col) = (1, 1);
        for c in text.chars() {
            match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > MAX_DEPTH {
                return Err(deep((line, col)));
            }
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
    }
    Ok(())
}

fn list_dir(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            continue;
        }
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}

/// Reads and deserialises one YAML record file of the workspace (`rel` is
/// relative to `root`), for record kinds loaded outside [`load`] (breaches,
/// fate, …). `Ok(None)` when the file does not exist; every problem (size,
/// encoding, syntax, type, unknown field) is a diagnostic with its position.
pub fn read_record<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
) -> Result<Option<(T, SourceFile)>, Vec<Diagnostic>> {
    let mut sources = BTreeMap::new();
    let mut diags = Vec::new();
    let value = read_one::<T>(root, rel, false, &mut sources, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(value.and_then(|v| sources.remove(rel).map(|s| (v, s))))
}

/// Reads and deserialises one file. Problems become diagnostics; the file's
/// text is kept in `sources` when it could be read.
fn read_one<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
    required: bool,
    sources: &mut BTreeMap<String, SourceFile>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let path = root.join(rel);
    let cannot_read = |e: std::io::Error| {
        Diagnostic::error_msg(
            rel,
            (1, 1),
            "",
            Msg::new("yaml-cannot-read").arg("error", e.to_string()),
        )
    };
    let meta = match regular_file(root, rel) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required {
                diags.push(
                    Diagnostic::error_msg(rel, (1, 1), "", Msg::new("yaml-missing-file"))
                        .with_hint_msg(Msg::new("yaml-missing-file-hint")),
                );
            }
            return None;
        }
        Err(e) => {
            diags.push(match e.get_ref().and_then(|i| i.downcast_ref::<Unsafe>()) {
                Some(u) => Diagnostic::error_msg(rel, (1, 1), "", u.0.clone())
                    .with_hint_msg(Msg::new("errors-load-unsafe-hint")),
                None => cannot_read(e),
            });
            return None;
        }
    };
    let too_big = |len: u64| {
        Diagnostic::error_msg(
            rel,
            (1, 1),
            "",
            Msg::new("yaml-too-big")
                .arg("len", len.to_string())
                .arg("max", MAX_FILE_BYTES.to_string()),
        )
        .with_hint_msg(Msg::new("yaml-too-big-hint"))
    };
    if meta.len() > MAX_FILE_BYTES {
        diags.push(too_big(meta.len()));
        return None;
    }
    let bytes = match read_capped(&path, &meta) {
        Ok(b) if b.len() as u64 > MAX_FILE_BYTES => {
            diags.push(too_big(b.len() as u64));
            return None;
        }
        Ok(b) => b,
        Err(e) => {
            diags.push(cannot_read(e));
            return None;
        }
    };
    let sha = sha256_hex(&bytes);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            diags.push(
                Diagnostic::error_msg(rel, (line, col), "", Msg::new("yaml-not-utf8"))
                    .with_hint_msg(Msg::new("yaml-not-utf8-hint")),
            );
            return None;
        }
    };
    if text.contains('\0') {
        let before = &text[..text.find('\0').unwrap_or(0)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        diags.push(Diagnostic::error_msg(
            rel,
            (line, col),
            "",
            Msg::new("yaml-nul"),
        ));
        return None;
    }
    if let Err(d) = prescan(rel, &text) {
        diags.push(*d);
        return None;
    }
    let src = SourceFile::new(rel.to_string(), text, sha);
    let is_empty = src
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let out = if is_empty {
        diags.push(
            Diagnostic::error_msg(rel, (1, 1), "", Msg::new("yaml-empty"))
                .with_hint_msg(Msg::new("yaml-empty-hint")),
        );
        None
    } else {
        match serde_yaml::from_str::<T>(&src.text) {
            Ok(v) => Some(v),
            Err(e) => {
                diags.push(yaml_error(&src, &e));
                None
            }
        }
    };
    sources.insert(rel.to_string(), src);
    out
}

/// Turns a serde_yaml error into a diagnostic: splits the field path from the
/// message, strips the position suffix, and adds a hint.
fn yaml_error(src: &SourceFile, e: &serde_yaml::Error) -> Diagnostic {
    let full = strip_positions(&e.to_string());
    let msg = full.as_str();
    let (mut field, mut message) = match super::yaml_said::split_path(msg) {
        Some((p, rest)) => (p.to_string(), rest.to_string()),
        None => (String::new(), msg.to_string()),
    };
    let mut hint = None;
    // The same in the catalog: the parser's common words said in the run's
    // language, the rare rest kept inside a localized frame.
    let mut said = super::yaml_said::detail(&message);
    let mut hint_said: Option<Msg> = None;
    let quoted = |m: &str, prefix: &str| -> Option<String> {
        m.strip_prefix(prefix)?
            .split('`')
            .next()
            .map(str::to_string)
    };
    if let Some(name) = quoted(&message, "unknown field `") {
        let expected: Vec<&str> = message
            .split_once("expected")
            .map(|(_, rest)| super::yaml_said::quoted(rest))
            .unwrap_or_default();
        let best = expected
            .iter()
            .map(|cand| (strsim::levenshtein(&name, cand), *cand))
            .min();
        let h = match best {
            Some((d, cand)) if d <= 3 => Msg::new("hint-did-you-mean").arg("name", cand),
            _ if !expected.is_empty() => {
                Msg::new("hint-allowed-fields").arg("fields", expected.join(", "))
            }
            _ => Msg::new("hint-remove-field"),
        };
        hint = Some(h.english());
        hint_said = Some(h);
        field = join(&field, &name);
    } else if let Some(name) = quoted(&message, "missing field `") {
        let h = Msg::new("hint-add-field").arg("name", name.as_str());
        hint = Some(h.english());
        hint_said = Some(h);
        field = join(&field, &name);
    } else if let Some(name) = quoted(&message, "duplicate field `") {
        field = join(&field, &name);
        hint_said = Some(Msg::new("hint-duplicate-key"));
        hint = hint_said.as_ref().map(Msg::english);
    } else if [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        hint_said = Some(Msg::new("hint-dates"));
        hint = hint_said.as_ref().map(Msg::english);
    } else if message.contains("found character that cannot start any token")
        || message.contains("tab")
    {
        hint_said = Some(Msg::new("hint-tabs"));
        hint = hint_said.as_ref().map(Msg::english);
    } else if message.contains("is not a valid identifier") {
        hint_said = Some(Msg::new("hint-identifiers"));
        hint = hint_said.as_ref().map(Msg::english);
    }
    // serde_yaml places a duplicate key at the start of its mapping, or
    // nowhere: the event index knows where the second occurrence is.
    let duplicate = message.starts_with("duplicate");
    let position = match e.location() {
        Some(l) if !duplicate => (l.line(), l.column()),
        _ => {
            let loc = super::Locator::new(&src.text);
            if let Some(d) = loc.duplicate() {
                let key = d.path.rsplit('.').next().unwrap_or(&d.path);
                said = Msg::new("yaml-duplicate-key")
                    .arg("key", key)
                    .arg("line", d.first.0)
                    .arg("column", d.first.1);
                message = said.english();
                field = d.path.clone();
                hint_said = Some(Msg::new("hint-duplicate-key"));
                hint = hint_said.as_ref().map(Msg::english);
                d.second
            } else {
                src.locate(&field)
            }
        }
    };
    if field.is_empty() && (message.contains("while scanning") || message.contains("while parsing"))
    {
        field = super::diagnostic::SYNTAX.to_string();
    }
    let mut d = Diagnostic::error(&src.rel, position, &field, message);
    d.hint = hint;
    *d.said_mut() = super::diagnostic::Said {
        message: Some(said),
        hint: hint_said,
    };
    d
}

/// Removes serde_yaml's " at line N column M" (we print the position in
/// front, once).
pub(super) fn strip_positions(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(" at line ") {
        let after = &rest[i + 9..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let tail = &after[digits..];
        match tail.strip_prefix(" column ") {
            Some(t) if digits > 0 => {
                let d2 = t.chars().take_while(char::is_ascii_digit).count();
                out.push_str(&rest[..i]);
                rest = &t[d2..];
            }
            _ => {
                out.push_str(&rest[..i + 9]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> (usize, usize, String) {
        let d = prescan("f.yaml", text).unwrap_err();
        (d.line, d.column, d.message)
    }

    #[test]
    fn an_ordinary_file_passes_the_prescan() {
        let text = "name: X # [not {a bracket\nlist:\n  - id: a\n    tags: [x, \"[[[[\", {k: v}]\n    text: |\n      [[[[[[[[\n";
        prescan("f.yaml", text).unwrap();
        // MAX_DEPTH mappings, one in the other.
        let nested = |levels: usize| -> String {
            (0..levels)
                .map(|i| {
                    format!(
                        "{}k{i}: {}\n",
                        " ".repeat(i),
                        if i + 1 == levels { "v" } else { "" }
                    )
                })
                .collect()
        };
        prescan("f.yaml", &nested(MAX_DEPTH)).unwrap();
        assert!(prescan("f.yaml", &nested(MAX_DEPTH + 1)).is_err());
    }

    #[test]
    fn nesting_is_refused_at_the_first_level_too_deep() {
        let (line, _, m) = refusal(&format!("a:\n  {}x\n", "- ".repeat(25_000)));
        assert_eq!(line, 2);
        assert!(m.contains("nested more than 64"), "{m}");
        assert_eq!(refusal(&"[\n".repeat(100_000)).0, MAX_DEPTH + 1);
        assert_eq!(refusal(&"{a: \n".repeat(300)).0, MAX_DEPTH + 1);
        // A text the tokenizer rejects has its brackets counted.
        assert_eq!(refusal(&format!("a: b\n\tc: {}", "[".repeat(1000))).0, 2);
    }

    #[test]
    fn long_lines_and_long_scalars_are_refused_with_their_line() {
        let (line, col, m) = refusal(&format!("a: 1\nb: {}\n", "x".repeat(MAX_SCALAR_BYTES)));
        assert_eq!((line, col), (2, 1));
        assert!(m.contains("this line is 65,539 bytes long"), "{m}");
        let block = format!("a: 1\nb: |\n{}", "  0123456789\n".repeat(7_000));
        let (line, _, m) = refusal(&block);
        assert_eq!(line, 3);
        assert!(m.contains("this value is 77,000 bytes long"), "{m}");
    }

    #[test]
    fn too_many_aliases_are_refused() {
        let text = format!("a: &x 1\nb: [{}]\n", vec!["*x"; MAX_ALIASES + 1].join(", "));
        assert!(refusal(&text).2.contains("aliases"));
        let text = format!("a: &x 1\nb: [{}]\n", vec!["*x"; MAX_ALIASES].join(", "));
        prescan("f.yaml", &text).unwrap();
    }
}
