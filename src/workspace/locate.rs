//! Where each field of a YAML file is: a map from field path to line and
//! column, built from the YAML event stream.
//!
//! serde_yaml reports positions for the errors it finds, but the checks we
//! run after deserialising (a dangling reference, a missing address) need to
//! point at a line too, and a duplicate key gets no useful position from
//! serde_yaml at all. This index fills both gaps. It is only built when a
//! diagnostic needs it, so a clean workspace is parsed once.
//!
//! The event parser recurses once per level of nesting, so a text over the
//! limits of [`super::prescan`] gets an empty index instead of a parse.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Positions of the fields of one YAML document.
#[derive(Debug, Default)]
pub struct Locator {
    /// path → position of the node (the value; for a mapping member whose value
    /// is a collection, the position of its key).
    positions: HashMap<String, (usize, usize)>,
    /// First duplicate mapping key met.
    duplicate: Option<DuplicateKey>,
}

/// A key that appears twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Path of the key.
    pub path: String,
    /// Line and column of its first occurrence.
    pub first: (usize, usize),
    /// Line and column of the second.
    pub second: (usize, usize),
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        seen: HashMap<String, (usize, usize)>,
    },
    Seq {
        path: String,
        index: usize,
    },
}

struct Builder {
    stack: Vec<Frame>,
    loc: Locator,
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn pos(m: &Marker) -> (usize, usize) {
    (m.line(), m.col() + 1)
}

impl Builder {
    /// Called for every node; returns the path the node gets, or `None` when
    /// the node is a mapping key (which was recorded as pending).
    fn node(&mut self, scalar: Option<&str>, mark: &Marker) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, index }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                self.loc.positions.insert(p.clone(), pos(mark));
                Some(p)
            }
            Some(Frame::Map { path, key, seen }) => match key.take() {
                None => {
                    let k = scalar.unwrap_or("?").to_string();
                    let p = child(path, &k);
                    if let Some(first) = seen.get(&k) {
                        if self.loc.duplicate.is_none() {
                            self.loc.duplicate = Some(DuplicateKey {
                                path: p.clone(),
                                first: *first,
                                second: pos(mark),
                            });
                        }
                    } else {
                        seen.insert(k.clone(), pos(mark));
                    }
                    // A key's own position stands for its value until the
                    // value is seen (a collection value starts on a later line).
                    if path.is_empty() {
                        self.loc.positions.entry(String::new()).or_insert(pos(mark));
                    }
                    self.loc.positions.insert(p, pos(mark));
                    *key = Some(k);
                    None
                }
                Some(k) => {
                    let p = child(path, &k);
                    if scalar.is_some() {
                        self.loc.positions.insert(p.clone(), pos(mark));
                    }
                    Some(p)
                }
            },
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(ref v, ..) => {
                self.node(Some(v), &mark);
            }
            Event::Alias(_) => {
                self.node(Some("*alias"), &mark);
            }
            Event::MappingStart(..) => {
                if let Some(path) = self.node(None, &mark) {
                    // The parser marks a block mapping where it recognised it
                    // (after its first key); the root takes its first key's
                    // position instead, below.
                    if !path.is_empty() {
                        self.loc.positions.entry(path.clone()).or_insert(pos(&mark));
                    }
                    self.stack.push(Frame::Map {
                        path,
                        key: None,
                        seen: HashMap::new(),
                    });
                } else {
                    // A complex key: skip its content by giving it a frame
                    // whose paths nobody asks for.
                    self.stack.push(Frame::Map {
                        path: "?complex".into(),
                        key: None,
                        seen: HashMap::new(),
                    });
                }
            }
            Event::SequenceStart(..) => {
                let path = self.node(None, &mark).unwrap_or_else(|| "?complex".into());
                self.loc.positions.entry(path.clone()).or_insert(pos(&mark));
                self.stack.push(Frame::Seq { path, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

impl Locator {
    /// Indexes a YAML text. A text the event parser cannot read gives an empty
    /// index (serde_yaml will have reported the syntax error with its position),
    /// and so does a text over the limits of [`super::prescan`].
    pub fn new(text: &str) -> Self {
        if super::prescan("", text).is_err() {
            return Locator::default();
        }
        let mut b = Builder {
            stack: Vec::new(),
            loc: Locator::default(),
        };
        let mut parser = Parser::new_from_str(text);
        if parser.load(&mut b, false).is_err() {
            return Locator {
                duplicate: b.loc.duplicate,
                ..Locator::default()
            };
        }
        b.loc
    }

    /// The position of `path`, or of its nearest ancestor that exists, or 1:1.
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&pos) = self.positions.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.positions.get("").copied().unwrap_or((1, 1)),
            }
        }
    }

    /// The position of `path` itself, when the text has it.
    pub fn exact(&self, path: &str) -> Option<(usize, usize)> {
        self.positions.get(path).copied()
    }

    /// The first duplicate mapping key.
    pub fn duplicate(&self) -> Option<&DuplicateKey> {
        self.duplicate.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name: X\ncontact:\n  email: a@b\nactivities:\n  - id: one\n    subprocessors: [siim94, ghost]\n  - id: two\n";

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let l = Locator::new(DOC);
        assert_eq!(l.find("name"), (1, 7));
        assert_eq!(l.find("contact.email"), (3, 10));
        assert_eq!(l.find("activities[1].id"), (7, 9));
        assert_eq!(l.find("activities[0].subprocessors[1]"), (6, 29));
    }

    #[test]
    fn a_missing_field_points_at_its_nearest_ancestor() {
        let l = Locator::new(DOC);
        assert_eq!(l.find("contact.phone"), l.find("contact"));
        assert_eq!(l.find("contact"), (2, 1));
        assert_eq!(l.find("nowhere.at.all"), (1, 1));
    }

    #[test]
    fn a_text_nested_too_deep_gives_an_empty_index_not_a_stack_overflow() {
        let deep = format!("a: {}x\n", "- ".repeat(50_000));
        let l = Locator::new(&deep);
        assert_eq!(l.find("a"), (1, 1));
        let l = Locator::new(&format!("a: {}\n", "[".repeat(100_000)));
        assert!(l.duplicate().is_none());
    }

    #[test]
    fn a_duplicate_key_is_found_with_both_positions() {
        let l = Locator::new("name: a\nphone: 1\nname: b\n");
        let d = l.duplicate().unwrap();
        assert_eq!(d.path, "name");
        assert_eq!(d.first, (1, 1));
        assert_eq!(d.second, (3, 1));
    }
}
