//! What a bag check finds, as values: each [`BagProblem`] names the file, the
//! kind of problem and the [`Fault`] in words kept for later, so that the
//! command line says it in the run's language (`templates/*/bag.ftl`, through
//! [`Localize`]); `Display` gives the English text (logs, `--json`, the fate
//! file's verification record).

use std::fmt;

use crate::render::catalog::{Catalog, Localize, Msg};

/// One problem (or warning) found in a bag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagProblem {
    /// The path inside the bag, as a manifest writes it: `data/…` for a
    /// payload file, with CR, LF and `%` percent-encoded (and, for a name
    /// that is not UTF-8, each invalid byte as `%XX`), so that it stays on
    /// one line.
    pub path: String,
    /// What kind of problem.
    pub kind: BagProblemKind,
    /// What exactly (expected and found digests, the manifest concerned…).
    pub fault: Fault,
}

impl BagProblem {
    /// The problem as a message of the catalog.
    pub fn msg(&self) -> Msg {
        Msg::new("bag-problem")
            .arg("path", self.path.as_str())
            .arg("kind", self.kind.msg())
            .arg("detail", self.fault.msg())
    }
}

impl fmt::Display for BagProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().english())
    }
}

impl Localize for BagProblem {
    fn message(&self, s: &Catalog) -> String {
        s.msg(&self.msg())
    }
}

/// The kinds of problem [`super::verify_bag`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BagProblemKind {
    /// A file a manifest lists, or a required tag file, is not there.
    Missing,
    /// A payload file no manifest lists, or an entry of the payload that is
    /// not a regular file.
    Extra,
    /// A file whose digest differs from its manifest's.
    Changed,
    /// A tag file that does not follow RFC 8493 (a bad line, a path outside
    /// the payload, a file listed twice…).
    Malformed,
    /// A file that exists but could not be read.
    Unreadable,
    /// Something this validator cannot check: a manifest algorithm it does
    /// not know, an unknown tag-file encoding or BagIt version.
    Unsupported,
    /// `Payload-Oxum` does not match the payload's size and file count.
    OxumMismatch,
    /// Valid, but worth saying: a weak algorithm (MD5, SHA-1), a manifest
    /// written by `md5sum` tools, a `./` before a path.
    Weak,
}

impl BagProblemKind {
    /// The kind as a message of the catalog.
    pub fn msg(self) -> Msg {
        Msg::new(match self {
            BagProblemKind::Missing => "bag-kind-missing",
            BagProblemKind::Extra => "bag-kind-extra",
            BagProblemKind::Changed => "bag-kind-changed",
            BagProblemKind::Malformed => "bag-kind-malformed",
            BagProblemKind::Unreadable => "bag-kind-unreadable",
            BagProblemKind::Unsupported => "bag-kind-unsupported",
            BagProblemKind::OxumMismatch => "bag-kind-oxum-mismatch",
            BagProblemKind::Weak => "bag-kind-warning",
        })
    }
}

impl fmt::Display for BagProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().english())
    }
}

/// What is wrong with a line of a tag file: `Label: value` (`bagit.txt`,
/// `bag-info.txt`), a manifest's or `fetch.txt`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineFault {
    /// A continuation line with no field before it.
    Continuation,
    /// No `:` on the line.
    NoColon,
    /// An empty label, or one that ends with whitespace (`bagit.txt`).
    BadLabel {
        /// The label.
        label: String,
    },
    /// No whitespace between the digest and the path.
    NoSeparator,
    /// The digest is not hexadecimal, or not of the algorithm's length.
    BadDigest,
    /// An absolute path, or one with an empty, `.` or `..` component.
    NotRelative {
        /// The path (manifest-encoded).
        path: String,
    },
    /// A payload manifest or `fetch.txt` naming a file outside `data/`.
    OutsideData {
        /// The path.
        path: String,
    },
    /// A tag manifest naming a payload file.
    PayloadInTagManifest {
        /// The path.
        path: String,
    },
    /// A `fetch.txt` line that is not `URL LENGTH FILENAME`.
    FetchFields,
    /// A `fetch.txt` URL with no scheme.
    FetchUrl {
        /// The URL.
        url: String,
    },
}

/// What exactly is wrong (or worth a warning) in a bag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// `bagit.txt` is not there.
    NoDeclaration,
    /// `bagit.txt` starts with a byte-order mark.
    ByteOrderMark,
    /// A tag file that is not text in the bag's encoding.
    NotText {
        /// The encoding.
        encoding: String,
    },
    /// `bagit.txt` does not hold exactly its two fields.
    DeclarationFields,
    /// A `BagIt-Version` that is not `M.N`.
    BadVersion {
        /// What it says.
        version: String,
    },
    /// A BagIt version this validator does not know.
    UnknownVersion {
        /// What it says.
        version: String,
    },
    /// A `Tag-File-Character-Encoding` this validator cannot decode.
    UnknownEncoding {
        /// What it says.
        encoding: String,
    },
    /// The file could not be read.
    Unreadable {
        /// The system's error.
        error: String,
    },
    /// No payload manifest at all.
    NoPayloadManifest,
    /// A manifest of an algorithm this validator does not know.
    UncheckedAlgorithm {
        /// Its algorithm.
        algorithm: String,
    },
    /// A manifest of MD5 or SHA-1, checked but weak.
    WeakAlgorithm {
        /// Its algorithm.
        algorithm: String,
    },
    /// A payload name that is not UTF-8.
    NotUtf8Name,
    /// A symbolic link in the payload.
    Symlink,
    /// A socket, FIFO or device in the payload.
    Special,
    /// A tag file that is a symbolic link, or reached through one that
    /// leads out of the bag.
    TagFileLink,
    /// No `data/` folder.
    NoPayloadFolder,
    /// Listed in a payload manifest but not in the payload.
    ListedNotInPayload {
        /// The manifest.
        manifest: String,
    },
    /// In the payload but not listed in a payload manifest.
    NotListed {
        /// The manifest.
        manifest: String,
    },
    /// Listed in a tag manifest but not in the bag.
    ListedNotInBag {
        /// The tag manifest.
        manifest: String,
    },
    /// A tag manifest that does not list a payload manifest.
    Unprotected {
        /// The payload manifest it leaves out.
        manifest: String,
    },
    /// A digest that differs from the manifest's.
    Digest {
        /// The manifest.
        manifest: String,
        /// What it says.
        expected: String,
        /// What the file hashes to.
        found: String,
    },
    /// A bad line of a tag file.
    Line {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: LineFault,
    },
    /// A path listed twice in one manifest.
    ListedTwice {
        /// The manifest.
        manifest: String,
        /// True when both lines give the same digest (a warning before
        /// BagIt 1.0, as bagit-python has it).
        same: bool,
    },
    /// Paths written `*data/…`, as `md5sum` tools do in binary mode.
    BinaryMarker {
        /// The manifest.
        manifest: String,
    },
    /// Paths written `./data/…`.
    DotSlash {
        /// The manifest.
        manifest: String,
    },
    /// `Payload-Oxum` is not `octets.files`.
    OxumSyntax {
        /// What it says.
        oxum: String,
    },
    /// `Payload-Oxum` differs from the payload.
    Oxum {
        /// What it says.
        oxum: String,
        /// What the payload holds.
        found: String,
    },
    /// `Payload-Oxum` given more than once.
    OxumTwice,
}

impl LineFault {
    fn msg(&self) -> Msg {
        match self {
            LineFault::Continuation => Msg::new("bag-tag-continuation"),
            LineFault::NoColon => Msg::new("bag-tag-no-colon"),
            LineFault::BadLabel { label } => {
                Msg::new("bag-tag-bad-label").arg("label", label.as_str())
            }
            LineFault::NoSeparator => Msg::new("bag-line-no-separator"),
            LineFault::BadDigest => Msg::new("bag-line-bad-digest"),
            LineFault::NotRelative { path } => {
                Msg::new("bag-line-not-relative").arg("path", path.as_str())
            }
            LineFault::OutsideData { path } => {
                Msg::new("bag-line-outside-data").arg("path", path.as_str())
            }
            LineFault::PayloadInTagManifest { path } => {
                Msg::new("bag-line-payload-in-tag-manifest").arg("path", path.as_str())
            }
            LineFault::FetchFields => Msg::new("bag-line-fetch-fields"),
            LineFault::FetchUrl { url } => Msg::new("bag-line-fetch-url").arg("url", url.as_str()),
        }
    }
}

impl Fault {
    /// The fault as a message of the catalog.
    pub fn msg(&self) -> Msg {
        let m = |id: &'static str| Msg::new(id);
        let manifest =
            |id: &'static str, manifest: &String| m(id).arg("manifest", manifest.as_str());
        match self {
            Fault::NoDeclaration => m("bag-fault-no-declaration"),
            Fault::ByteOrderMark => m("bag-fault-byte-order-mark"),
            Fault::NotText { encoding } => {
                m("bag-fault-not-text").arg("encoding", encoding.as_str())
            }
            Fault::DeclarationFields => m("bag-fault-declaration-fields"),
            Fault::BadVersion { version } => {
                m("bag-fault-bad-version").arg("version", version.as_str())
            }
            Fault::UnknownVersion { version } => {
                m("bag-fault-unknown-version").arg("version", version.as_str())
            }
            Fault::UnknownEncoding { encoding } => {
                m("bag-fault-unknown-encoding").arg("encoding", encoding.as_str())
            }
            Fault::Unreadable { error } => m("bag-fault-unreadable").arg("error", error.as_str()),
            Fault::NoPayloadManifest => m("bag-fault-no-payload-manifest"),
            Fault::UncheckedAlgorithm { algorithm } => {
                m("bag-fault-unchecked-algorithm").arg("algorithm", algorithm.as_str())
            }
            Fault::WeakAlgorithm { algorithm } => {
                m("bag-fault-weak-algorithm").arg("algorithm", algorithm.as_str())
            }
            Fault::NotUtf8Name => m("bag-fault-not-utf8-name"),
            Fault::Symlink => m("bag-fault-symlink"),
            Fault::Special => m("bag-fault-special"),
            Fault::TagFileLink => m("bag-fault-tag-file-link"),
            Fault::NoPayloadFolder => m("bag-fault-no-payload-folder"),
            Fault::ListedNotInPayload { manifest: f } => manifest("bag-fault-not-in-payload", f),
            Fault::NotListed { manifest: f } => manifest("bag-fault-not-listed", f),
            Fault::ListedNotInBag { manifest: f } => manifest("bag-fault-not-in-bag", f),
            Fault::Unprotected { manifest: f } => manifest("bag-fault-unprotected", f),
            Fault::Digest {
                manifest: f,
                expected,
                found,
            } => manifest("bag-fault-digest", f)
                .arg("expected", expected.as_str())
                .arg("found", found.as_str()),
            Fault::Line { line, reason } => m("bag-fault-line")
                .arg("line", *line)
                .arg("reason", reason.msg()),
            Fault::ListedTwice { manifest: f, same } => manifest(
                if *same {
                    "bag-fault-listed-twice-same"
                } else {
                    "bag-fault-listed-twice"
                },
                f,
            ),
            Fault::BinaryMarker { manifest: f } => manifest("bag-fault-binary-marker", f),
            Fault::DotSlash { manifest: f } => manifest("bag-fault-dot-slash", f),
            Fault::OxumSyntax { oxum } => m("bag-fault-oxum-syntax").arg("oxum", oxum.as_str()),
            Fault::Oxum { oxum, found } => m("bag-fault-oxum")
                .arg("oxum", oxum.as_str())
                .arg("found", found.as_str()),
            Fault::OxumTwice => m("bag-fault-oxum-twice"),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().english())
    }
}
