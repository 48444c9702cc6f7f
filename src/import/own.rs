//! dpo's own register workbook (`dpo register --format xlsx|ods`) read
//! back, as [`crate::register::sheets`] lays it out: each sheet recognised
//! by its header row, whose headers are looked up in the column lists of
//! that module built with BOTH languages' catalogs (a French export imports
//! into an English run and the reverse); each column's key is the YAML path
//! of the field it holds.
//!
//! The cells' words are undone: « à compléter » (any case, with or without
//! accents, quotes, brackets or punctuation), or another word for a value
//! still to give (« À renseigner », "TODO", `?`…), is a value not given; a
//! line that is only them is left out of its cell, the other lines kept,
//! and a text holding them among other words is kept as typed, both said
//! ([`super::without_todo`]);
//! `value (à confirmer)` is the value, its field put back in the record's
//! `to_confirm` (the mark found on any line of the cell, whatever its case
//! and accents: « (À CONFIRMER) » is one; a mark typed inside a line, text
//! after it, still puts the field back in `to_confirm`, is taken out of the
//! text, the words around it joined by one space, and is said as noted);
//! « aucun » is an empty list, and `transfers: []` for it or another word
//! for none the authority's layout knows (« Néant », « N/A »…) alone in
//! the country column, and so is a lone « Non concerné » or « aucun (à
//! confirmer) » (its mark said); beside a recipient or another country it
//! is said, the transfers not read, as is a recipient saying none, or
//! another lone negation; a country with no recipient is said, a country
//! « à compléter » beside a recipient is kept empty (the round trip of
//! `country: ""`, said when typed otherwise), two countries on one line
//! (`;`, `,`, `/`, « et ») are one, as typed, said; a line « à compléter »
//! with nothing beside it, below transfers read, is left out and said, and so is a
//! last line « à compléter » of another transfer column); the transfer
//! columns are aligned by line position before any line « à compléter »
//! is left out (such a line at the start or in the middle of a column is
//! its transfer's value to complete, said; a line below the last country
//! is a transfer without a country, said), a line blank in every column is
//! no transfer, a transfer lacking its country or recipient is said for
//! what it lacks, one line of a per-transfer column beside several
//! transfers is the first's, said; a list is
//! one item per line, escaped ([`crate::sheet::unescape_item`]); a
//! transfer column with more lines than the countries' and no line « à
//! compléter » is reported, its transfers not read. A controller's
//! contact name that reads as none (as the authority's layout reads it:
//! « Néant », « Non désigné », « Pas de DPO »…) is reported, not imported.
//! Sub-processors and measures, shown by name, are
//! mapped back to their ids through their own sheets (`name (id)` when two
//! share a name, or the id itself; a name found nowhere is the record's
//! whose name was cleared when only one was, said; an unknown or
//! ambiguous name is a [`Problem`]; names compare with their apostrophes
//! (’ is ') and white space of any kind normalised, and else without case
//! and accents, said, when one record alone is so named); a system shown as
//! another category's
//! name is that category's id again. A record named twice in one list
//! cell (a sub-processor, a measure, a controller, a category, a system)
//! is in the file once, the repeat said as noted. Transfers logged with an instruction
//! are not in the controller file: such a line is reported, not imported.
//!
//! A column of a category sheet that repeats a value kept on another sheet
//! (the controller's address, the processor's name…) and holds one same
//! other text on every row is a stale copy: said once, as a fact; a cell
//! that differs from its neighbours is reported as not imported.
//!
//! Each sheet's header row is the first of its first ten rows that has its
//! headers (a value above it is reported); a column whose header an earlier
//! one has is not read, each of its values reported. A second sheet of one
//! controller adds its other categories: a row whose category id the first
//! gives is reported, not imported, and so is a transfer cell that differs. A record is read field by field
//! (the `settle` module): a value it cannot take is reported at its own cell
//! and left out, the rest kept; an id that is none is made from the text or
//! the name and reported; a required name left « à compléter » keeps those
//! words (`dpo check` reports them), a required date or number is left out
//! of the file (`dpo check` names it). A text is trimmed of white space of
//! any kind. The processor sheet is keyed by its third column; when that
//! column is gone, each row is known by its label (column A, either
//! language), said once.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use super::settle::{self, Step};
use super::{Imported, ListNone, Problem};
use crate::model::{
    Contact, Controller, Id, Lang, ProcessingActivity, Processor, SecurityMeasure, SubProcessor,
};
use crate::register::contact_line;
use crate::register::sheets;
use crate::render::catalog::{Catalog, Msg};
use crate::sheet::read::{as_text, ReadSheet};
use crate::sheet::{unescape_item, Cell, Column, Mark};

/// The kinds of sheet of the register workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Processor,
    Controllers,
    Activities,
    SubProcessors,
    Measures,
}

const KINDS: [Kind; 5] = [
    Kind::Processor,
    Kind::Controllers,
    Kind::Activities,
    Kind::SubProcessors,
    Kind::Measures,
];

fn columns(kind: Kind, cat: &Catalog) -> Vec<Column> {
    match kind {
        Kind::Processor => sheets::processor_columns(cat),
        Kind::Controllers => sheets::controllers_columns(cat),
        Kind::Activities => sheets::activity_columns(cat),
        Kind::SubProcessors => sheets::subprocessor_columns(cat),
        Kind::Measures => sheets::measure_columns(cat),
    }
}

/// A sheet recognised: its kind, its header row (from 1) and the key of
/// each of its columns.
struct Known<'a> {
    sheet: &'a ReadSheet,
    kind: Kind,
    header: usize,
    keys: Vec<Option<String>>,
    /// The columns (from 1) whose header an earlier column already has,
    /// each with that earlier column: not read, their values reported.
    twice: Vec<(usize, usize)>,
}

/// Whether `sheet` is the own layout's processor sheet, whose rows are
/// fields (key, label, value), not records.
pub(crate) fn is_key_value(sheet: &ReadSheet) -> bool {
    recognise(sheet).is_some_and(|k| k.kind == Kind::Processor)
}

impl Known<'_> {
    /// The column (from 1) of the field `key` (`controller.id`), if the
    /// sheet has it.
    fn column(&self, key: &str) -> Option<usize> {
        self.keys
            .iter()
            .position(|k| k.as_deref() == Some(key))
            .map(|c| c + 1)
    }
}

/// The header row of `sheet` (from 1) when it is one of the own layout's.
pub(crate) fn header(sheet: &ReadSheet) -> Option<usize> {
    recognise(sheet).map(|k| k.header)
}

/// The kind of `sheet`, its header row and its columns' keys: the first of
/// its first ten rows that is a header row ([`header_kind`]); a line typed
/// above the header does not hide the sheet (it is reported).
fn recognise(sheet: &ReadSheet) -> Option<Known<'_>> {
    (1..=10.min(sheet.rows.len())).find_map(|header| {
        let (kind, mut keys) = header_kind(&sheet.rows[header - 1])?;
        // A header given twice: the first column is read, the other not.
        let mut twice = Vec::new();
        for c in 1..keys.len() {
            let Some(key) = keys[c].clone() else { continue };
            if let Some(first) = keys[..c].iter().position(|k| k.as_ref() == Some(&key)) {
                keys[c] = None;
                twice.push((c + 1, first + 1));
            }
        }
        Some(Known {
            sheet,
            kind,
            header,
            keys,
            twice,
        })
    })
}

/// The kind of sheet whose headers (in either language) name the most of
/// the cells of `row`, more than half of those not empty, its first column
/// among them, and the key of each column (a column none names has none).
fn header_kind(row: &[Cell]) -> Option<(Kind, Vec<Option<String>>)> {
    let header: Vec<String> = row
        .iter()
        .map(|c| as_text(c).map(|h| super::normal(&h)).unwrap_or_default())
        .collect();
    KINDS
        .iter()
        .filter_map(|&kind| {
            let mut by_header: BTreeMap<String, String> = BTreeMap::new();
            let mut first = String::new();
            for lang in [Lang::Fr, Lang::En] {
                let cols = columns(kind, &Catalog::of(lang));
                first = cols.first()?.key.clone();
                for c in cols {
                    by_header.insert(super::normal(&c.header), c.key);
                }
            }
            let keys: Vec<Option<String>> =
                header.iter().map(|h| by_header.get(h).cloned()).collect();
            let named = keys.iter().flatten().count();
            let all = header.iter().filter(|h| !h.is_empty()).count();
            // A column added by hand does not hide the sheet: it is
            // reported once, by its header, and the rest is read.
            (named > all - named && named >= 2 && keys.contains(&Some(first)))
                .then_some((named, kind, keys))
        })
        .max_by_key(|(named, _, _)| *named)
        .map(|(_, kind, keys)| (kind, keys))
}

/// The words of the cells, both languages.
pub(super) struct Words {
    todo: Vec<String>,
    none: Vec<String>,
    /// The « (à confirmer) » marks, both languages, [`folded`]: the form
    /// the export writes.
    marks: Vec<String>,
    /// The words of a mark however typed, [`crate::model::bare_words`]:
    /// « à confirmer » in either language, and « à vérifier ».
    mark_words: Vec<String>,
}

impl Words {
    pub(super) fn new() -> Self {
        let all = |id: &str| {
            [Lang::Fr, Lang::En]
                .map(|l| Catalog::of(l).get(id).to_string())
                .to_vec()
        };
        Words {
            todo: all("todo"),
            none: all("none"),
            marks: all("to_confirm")
                .iter()
                .map(|label| folded(&format!("({label})")))
                .collect(),
            mark_words: all("to_confirm")
                .iter()
                .map(|label| crate::model::bare_words(label))
                .chain(crate::model::DOUBT_WORDS.map(String::from))
                .collect(),
        }
    }

    /// A cell's text with its words undone: `None` for an empty cell or
    /// « à compléter »; `(text, assumed)` otherwise.
    fn unmark(&self, c: &Cell) -> Option<(String, bool)> {
        let text = match c {
            Cell::Date(_) | Cell::DateTime(_) | Cell::Number(_) => {
                return Some((as_text(c)?, false))
            }
            _ => as_text(c)?,
        };
        if self.is_todo(&text) || matches!(c, Cell::Marked(_, Mark::Missing)) {
            return None;
        }
        // A line that is only « à compléter » is left out, the others kept;
        // the words among others are kept as typed (both said).
        let text = super::without_todo(&text).0?;
        // The mark ends the cell's last line on export; a line added below
        // it by hand moves it up, a word typed after it leaves it inside
        // its line: it is found on any line, anywhere in it.
        let mut assumed = false;
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| match self.strip_mark(line) {
                // The export's no value, flagged.
                Some(_) if self.todo_flagged(line) => {
                    assumed = true;
                    String::new()
                }
                Some((v, _)) => {
                    assumed = true;
                    v
                }
                None => line.to_string(),
            })
            .collect();
        if assumed {
            return Some((lines.join("\n"), true));
        }
        Some((text, false))
    }

    /// `line` without its « (à confirmer) » mark, in either language,
    /// whatever its case and accents, and whether the mark was typed
    /// otherwise than the export writes it (`true`: text typed after it,
    /// square brackets, punctuation inside them, no brackets at the end of
    /// the line — « Messagerie - à confirmer » —, « à vérifier », `(?)`, a
    /// mark typed twice): then it is said.
    pub(super) fn strip_mark(&self, line: &str) -> Option<(String, bool)> {
        let (mut kept, mut otherwise) = self.strip_one(line)?;
        // A mark typed twice: each left out.
        while let Some((again, _)) = self.strip_one(&kept) {
            kept = again;
            otherwise = true;
        }
        Some((kept, otherwise))
    }

    /// Whether `line` is only the mark, in any of its shapes (« à
    /// confirmer », « (?) », « [à vérifier] »): no value.
    pub(super) fn only_mark(&self, line: &str) -> bool {
        let t = line.trim();
        !t.is_empty()
            && ((self.mark_words.contains(&crate::model::bare_words(t))
                // « TBC » alone is a value to give, « (TBC) » the mark.
                && !crate::model::is_todo(t))
                || self.strip_mark(t).is_some_and(|(k, _)| k.trim().is_empty()))
    }

    /// Whether `line` holds the mark's words among other words (« (à
    /// confirmer avec le service) »), which [`Self::strip_mark`] does not
    /// read as the mark.
    pub(super) fn holds_mark_words(&self, line: &str) -> bool {
        let bare = format!(" {} ", crate::model::bare_words(line));
        self.mark_words
            .iter()
            .any(|w| bare.contains(&format!(" {w} ")))
            && !self.only_mark(line)
            // « TBC » alone is a value to give, said as such.
            && !crate::model::is_todo(line)
    }

    /// What is said of `text`'s lines that hold the mark's words but are
    /// not read as the mark (« à confirmer » alone, without brackets, or
    /// the words among others): each kept as typed
    /// (`sheetimport-f14u-own-mark-words`).
    pub(super) fn typed_otherwise(&self, text: &str) -> Vec<Msg> {
        text.lines()
            // Most lines hold none of the words' letters: nothing to read.
            .filter(|l| {
                let lower = l.to_lowercase();
                ["onfirm", "rifi", "check", "tbc"]
                    .iter()
                    .any(|w| lower.contains(w))
            })
            .filter(|l| self.strip_mark(l).is_none())
            .filter_map(|l| {
                let only = self.only_mark(l);
                (only || self.holds_mark_words(l)).then(|| {
                    Msg::new("sheetimport-f14u-own-mark-words")
                        .arg("value", l.trim())
                        .arg("only", if only { "yes" } else { "no" })
                })
            })
            .collect()
    }

    /// [`Self::strip_mark`], one mark.
    fn strip_one(&self, line: &str) -> Option<(String, bool)> {
        let line = line.trim_end();
        // Most lines hold none of a mark's letters: nothing to look for.
        let lower = line.to_ascii_lowercase();
        if !["onfirm", "rifi", "check", "tbc", "?"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return None;
        }
        for (open, o) in line.char_indices().filter(|(_, c)| matches!(c, '(' | '[')) {
            let shut = if o == '(' { ')' } else { ']' };
            let Some(close) = line[open..].find(shut).map(|c| open + c + 1) else {
                continue;
            };
            let inner = &line[open + 1..close - 1];
            let signs = inner.trim();
            let doubt = !signs.is_empty() && signs.chars().all(|c| c == '?');
            if !doubt && !self.mark_words.contains(&crate::model::bare_words(inner)) {
                continue;
            }
            let (before, after) = (line[..open].trim_end(), line[close..].trim_start());
            // Brackets, quotes or punctuation around the mark (« ((?)) »,
            // « (?). », « - (?) », « « (?) » ») are part of it, not a
            // value: left out, said.
            let junk = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_whitespace() || "()[]{}.,;:!-–—•*/«»\"“”'‘’".contains(c))
            };
            let written =
                self.marks.contains(&folded(&line[open..close])) && !junk(before) && !junk(after);
            let before = if junk(before) { "" } else { before };
            let after = if junk(after) { "" } else { after };
            return Some(if after.is_empty() {
                (before.to_string(), !written)
            } else if before.is_empty() {
                (after.to_string(), true)
            } else {
                (format!("{before} {after}"), true)
            });
        }
        // No brackets: the words end the line, after its text.
        let bare = crate::model::bare_words(line);
        let word = self
            .mark_words
            .iter()
            .find(|w| bare.len() > w.len() && bare.ends_with(&format!(" {w}")))?;
        // The longest end of the line that is only those words, what they
        // follow kept whole (« (DGS) », « C++ », « 100 % »).
        let cut = crate::model::words_end(line, word)?;
        let before = line[..cut]
            .trim_end_matches(|c: char| c.is_whitespace() || "-–—,;:/".contains(c))
            .to_string();
        Some((before, true))
    }

    /// The text typed in `c` with a « (à confirmer) » mark inside one of
    /// its lines (not at its end), if any.
    fn mark_inside(&self, c: &Cell) -> Option<String> {
        let text = match c {
            Cell::Text(_) | Cell::Marked(..) => as_text(c)?,
            _ => return None,
        };
        text.split('\n')
            .any(|line| self.strip_mark(line).is_some_and(|(_, inside)| inside))
            .then_some(text)
    }

    /// What is said of a cell for the words « à compléter » in it
    /// ([`super::without_todo`]): a line that is only them left out, or
    /// the words among others kept as typed.
    fn todo_said(&self, c: &Cell) -> Vec<Msg> {
        let text = match c {
            Cell::Marked(_, Mark::Missing) => None,
            Cell::Text(_) | Cell::Marked(..) => as_text(c),
            _ => None,
        };
        // The export's no value, flagged, is no « à compléter » to say.
        let text = text.map(|t| {
            t.split('\n')
                .filter(|l| !self.todo_flagged(l))
                .collect::<Vec<_>>()
                .join("\n")
        });
        text.filter(|t| !self.is_todo(t))
            .map(|t| super::without_todo(&t).1)
            .unwrap_or_default()
    }

    /// Whether `line` is « à compléter (à confirmer) »: how the export
    /// writes a field flagged to confirm that has no value.
    fn todo_flagged(&self, line: &str) -> bool {
        self.strip_mark(line).is_some_and(|(v, _)| self.is_todo(&v))
    }

    fn is_none(&self, s: &str) -> bool {
        self.none.iter().any(|n| n == s.trim())
    }

    /// The words for a value to complete, in either language, however
    /// spaced or quoted (typed by hand).
    fn is_todo(&self, s: &str) -> bool {
        self.todo.iter().any(|n| n == s.trim()) || crate::workspace::is_placeholder(s)
    }
}

/// `s` compared without case, accents or extra spaces, as
/// [`super::folded`] gives it, and no space inside parentheses
/// (« ( À CONFIRMER ) » is « (a confirmer) »).
fn folded(s: &str) -> String {
    super::folded(s).replace("( ", "(").replace(" )", ")")
}

/// The list fields whose items name records (ids, or names mapped to
/// ids): an item given twice is one.
const ID_LISTS: [&str; 5] = [
    "subprocessors",
    "security_measures",
    "controllers",
    "activities",
    "systems",
];

/// How a field's cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One item per line.
    List,
    /// A date cell or a date typed as text.
    Date,
    /// A whole number.
    Number,
    /// Renewals, one per line (`DECIDED_ON, MONTHS, REFERENCE`).
    Renewals,
    /// Text.
    Text,
}

/// The shape of the field named `leaf` (the last part of its path).
fn shape(leaf: &str) -> Shape {
    match leaf {
        "systems" | "data_categories" | "subprocessors" | "security_measures" | "activities"
        | "controllers" => Shape::List,
        "act_date" | "enforceable_on" | "start" | "end" | "last_tested" => Shape::Date,
        "term_months" | "renewals_allowed" | "renewal_notice_months" | "test_interval_months" => {
            Shape::Number
        }
        "renewals" => Shape::Renewals,
        _ => Shape::Text,
    }
}

/// A language typed by hand as its code: `FR`, `français`, `French` are
/// `fr`, and the same for English; anything else is left as typed (and
/// reported at its cell when the record is read).
fn language(text: &str) -> String {
    let t = text.trim().to_lowercase();
    let t: String = unicode_normalization::UnicodeNormalization::nfc(t.as_str()).collect();
    match t.as_str() {
        "fr" | "fra" | "fre" | "français" | "francais" | "french" | "fr-fr" => "fr".into(),
        "en" | "eng" | "english" | "anglais" | "en-gb" | "en-us" => "en".into(),
        _ => text.trim().to_string(),
    }
}

/// Sets `path` (dotted) in the mapping `m`.
fn put(m: &mut Mapping, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            m.insert(Value::from(path), v);
        }
        Some((head, rest)) => {
            let key = Value::from(head);
            if !m.get(&key).is_some_and(Value::is_mapping) {
                m.insert(key.clone(), Value::Mapping(Mapping::new()));
            }
            if let Some(Value::Mapping(child)) = m.get_mut(&key) {
                put(child, rest, v);
            }
        }
    }
}

/// The YAML value of one cell for the field `path`, or why it is none.
fn value(w: &Words, path: &str, cell: &Cell, text: &str) -> Result<Value, Msg> {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    let bad = |id: &'static str| Msg::new(id).arg("value", text);
    let shape = shape(leaf);
    if shape == Shape::List {
        // « aucun » as the export writes it, or typed otherwise on one
        // line (« Aucune », « Néant », « N/A »): an empty list.
        let one_line = text.trim().lines().count() == 1;
        if w.is_none(text) || (one_line && super::none_line(text)) {
            return Ok(Value::Sequence(Vec::new()));
        }
        return Ok(Value::Sequence(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Value::from(item(l)))
                .collect(),
        ));
    }
    if shape == Shape::Date {
        let day = match cell {
            Cell::Date(_) | Cell::DateTime(_) => crate::sheet::read::date_of(cell),
            _ => crate::sheet::read::date_text_of(text),
        };
        return day
            .map(|d| Value::from(d.to_string()))
            .map_err(|why| super::not_a_date(&why, text));
    }
    if shape == Shape::Number {
        let said = if leaf.ends_with("months") {
            "sheetimport-bad-number"
        } else {
            "sheetimport-f14b-bad-count"
        };
        return text
            .trim()
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| bad(said));
    }
    if leaf == "language" {
        return Ok(Value::from(language(text)));
    }
    if shape == Shape::Renewals {
        let (list, mut bad) = renewals(text);
        return if bad.is_empty() {
            Ok(Value::Sequence(list))
        } else {
            Err(bad.swap_remove(0))
        };
    }
    // Trimmed of white space of any kind (a no-break space typed at the
    // end of a name is no part of it).
    Ok(Value::from(text.trim()))
}

/// One line of a one-item-per-line cell as its item: unescaped when it
/// reads as the export's escaping ([`crate::sheet::is_escaped`]), else as
/// typed (a backslash typed by hand on another line changes nothing here).
fn item(line: &str) -> String {
    if crate::sheet::is_escaped(line) {
        unescape_item(line)
    } else {
        line.to_string()
    }
}

/// The renewals of a cell, one a line (`DECIDED_ON, MONTHS, REFERENCE`;
/// the date in any form a date cell takes), and why each other line is
/// none (such a line is left out whole).
fn renewals(text: &str) -> (Vec<Value>, Vec<Msg>) {
    let (mut list, mut bad) = (Vec::new(), Vec::new());
    // The renewals read, by date and length: one typed twice (a line
    // copied) is one, the copy said.
    let mut seen: Vec<(chrono::NaiveDate, u32)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(3, ',').map(str::trim);
        let (Some(day), Some(Ok(months))) = (parts.next(), parts.next().map(str::parse::<u32>))
        else {
            bad.push(Msg::new("sheetimport-f14b-bad-renewal").arg("value", line.trim()));
            continue;
        };
        let day = match crate::sheet::read::date_text_of(day) {
            Ok(d) => d,
            Err(why) => {
                bad.push(super::renewal_not_a_date(&why, line.trim(), day));
                continue;
            }
        };
        if seen.contains(&(day, months)) {
            bad.push(Msg::new("sheetimport-f14z-renewal-twice").arg("value", line.trim()));
            continue;
        }
        seen.push((day, months));
        let mut r = Mapping::new();
        r.insert("decided_on".into(), day.to_string().into());
        r.insert("months".into(), months.into());
        let reference = parts.next().filter(|s| !s.is_empty());
        // A second renewal typed on the same line (« …, délib A ; 2022-01-10,
        // 12 »): never read as the first one's reference.
        if reference.is_some_and(holds_a_renewal) {
            bad.push(Msg::new("sheetimport-f14z-renewal-joined").arg("value", line.trim()));
            continue;
        }
        // « ? », « à compléter »: no reference yet, never one of that text.
        if let Some(re) = reference.filter(|re| !crate::model::is_todo(re)) {
            r.insert("reference".into(), item(re).into());
        }
        list.push(Value::Mapping(r));
    }
    (list, bad)
}

/// Whether a renewal's reference holds another renewal: a date then a
/// whole number of months, among its parts split at « , » and « ; ».
fn holds_a_renewal(reference: &str) -> bool {
    let parts: Vec<&str> = reference.split([',', ';']).map(str::trim).collect();
    parts
        .windows(2)
        .any(|w| w[1].parse::<u32>().is_ok() && crate::sheet::read::date_text_of(w[0]).is_ok())
}

/// The column (from 1) of a known sheet that holds the field `path` of a
/// record whose keys start with `prefix`: the longest of its fields'
/// paths that is a column's key (a renewal's `months` is in the renewals
/// column).
fn path_column(k: &Known<'_>, prefix: &str, path: &[Step]) -> Option<usize> {
    let fields: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    (1..=fields.len()).rev().find_map(|n| {
        let key = format!("{prefix}{}", fields[..n].join("."));
        k.keys
            .iter()
            .position(|x| x.as_deref() == Some(key.as_str()))
            .map(|c| c + 1)
    })
}

/// Why a value was left out of its record, by its field: an identifier, a
/// language, or any other.
fn bad_value(path: &[Step], v: &Value, header: &str) -> Msg {
    let id = match settle::leaf(path) {
        Some("language") => "sheetimport-f14b-bad-language",
        Some("id" | "controllers" | "subprocessors" | "security_measures") => {
            "sheetimport-f14b-bad-id"
        }
        _ => "sheetimport-f14b-bad-field",
    };
    Msg::new(id)
        .arg("value", settle::text_of(v))
        .arg("header", header)
}

/// The identifiers typed in the column `key` of a known sheet.
fn typed_ids(k: &Known<'_>, key: &str) -> Vec<Id> {
    let Some(c) = k.keys.iter().position(|x| x.as_deref() == Some(key)) else {
        return Vec::new();
    };
    Reader::rows(k)
        .filter_map(|row| as_text(k.sheet.cell(row, c + 1)))
        .filter_map(|t| Id::new(t.trim()).ok())
        .collect()
}

/// The id typed in a record read from a row, trimmed.
fn typed_id(m: &Mapping) -> String {
    m.get("id")
        .map(settle::text_of)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The state of one import.
struct Reader {
    w: Words,
    /// The placeholder words of the run's language, for a required name
    /// left without a value (`dpo check` reports them).
    todo: String,
    problems: Vec<Problem>,
    /// The ids the import gave a record whose id an earlier row has: each
    /// with its sheet and row (a category typing one is said).
    made: Vec<(Id, String, usize)>,
}

impl Reader {
    fn problem(&mut self, sheet: &ReadSheet, row: usize, col: usize, why: Msg) {
        self.problems.push(Problem {
            sheet: sheet.name.clone(),
            row,
            column: Some(col),
            why,
        });
    }

    /// A list cell's `line` as the none test reads it: without its
    /// « (à confirmer) » mark nor its bullet, trimmed.
    fn list_line(&self, line: &str) -> String {
        let line = self
            .w
            .strip_mark(line)
            .map_or_else(|| line.trim().to_string(), |(v, _)| v.trim().to_string());
        super::authority::unmarked_item(&line).trim().to_string()
    }

    /// What a typed cell loses when it is read for the field `path`: the
    /// time of a date-time in a date field, a leading 0 a number cell may
    /// have lost in a phone field; said at its cell, the value imported.
    fn typed_loss(&mut self, sheet: &ReadSheet, row: usize, col: usize, path: &str, cell: &Cell) {
        let leaf = path.rsplit('.').next().unwrap_or(path);
        if matches!(shape(leaf), Shape::List | Shape::Renewals) {
            self.escaped(sheet, row, col, cell);
        }
        let why = match cell {
            Cell::DateTime(_) if shape(leaf) == Shape::Date => "sheetimport-f14e-time-dropped",
            // A date cell where a text is expected (a reference the
            // spreadsheet took for a date): its text is the ISO date.
            Cell::Date(_) | Cell::DateTime(_)
                if matches!(shape(leaf), Shape::Text | Shape::List) =>
            {
                "sheetimport-f14v-date-in-text"
            }
            Cell::Number(_) if leaf == "phone" => "sheetimport-f14e-phone-number",
            // A number the sheet shows otherwise (« 01234 », « 50 % »)
            // where a text is expected: the number is what is read.
            // (a term too: « 3 ans » through `0" ans"` reads 3 months).
            Cell::Number(_) if matches!(shape(leaf), Shape::Text | Shape::List | Shape::Number) => {
                if let Some(why) = super::number_shown(sheet, row, col, cell) {
                    self.problem(sheet, row, col, why);
                }
                return;
            }
            _ => return,
        };
        let v = as_text(cell).unwrap_or_default();
        self.problem(sheet, row, col, Msg::new(why).arg("value", v));
    }

    /// A one-item-per-line cell with a line read as the export's escaping
    /// (`\n` a line break inside an item, `\\` a backslash): said, with
    /// what to type for a backslash kept as typed.
    fn escaped(&mut self, sheet: &ReadSheet, row: usize, col: usize, cell: &Cell) {
        let text = as_text(cell).unwrap_or_default();
        if text.lines().any(crate::sheet::is_escaped) {
            let why = Msg::new("sheetimport-f14w-escaped").arg("value", text.replace('\n', " / "));
            self.problem(sheet, row, col, why);
        }
    }

    /// An e-mail field whose value `text` is not one address (« Jean
    /// Dupont - jean@x.fr », « dpo at x.fr »): imported as typed, for
    /// `dpo check` refuses it; said here, at its cell.
    fn bad_email(&mut self, sheet: &ReadSheet, row: usize, col: usize, path: &str, text: &str) {
        let leaf = path.rsplit('.').next().unwrap_or(path);
        if leaf == "email"
            && !text.trim().is_empty()
            && !crate::workspace::is_placeholder(text)
            && !crate::workspace::is_email(text)
        {
            let why = Msg::new("sheetimport-f14v-bad-email").arg("value", text);
            self.problem(sheet, row, col, why);
        }
    }

    /// A cell that holds « à compléter » on a line of its own (left out)
    /// or among other words (kept as typed), said ([`Words::todo_said`]).
    fn todo_among(&mut self, sheet: &ReadSheet, row: usize, col: usize, cell: &Cell) {
        for why in self.w.todo_said(cell) {
            self.problem(sheet, row, col, why);
        }
        // The mark's words typed otherwise than as the mark (a line that
        // is only « à confirmer », or « (à confirmer avec le service) »):
        // this layout keeps the text, as typed, said.
        for why in as_text(cell).map_or_else(Vec::new, |t| self.w.typed_otherwise(&t)) {
            self.problem(sheet, row, col, why);
        }
    }

    /// A processor row whose field is not read: its value (column B),
    /// or else its label (column A), said with `why`.
    fn keyless(&mut self, sheet: &ReadSheet, row: usize, why: Msg) {
        let at = [2, 1]
            .into_iter()
            .find_map(|c| Some((c, as_text(sheet.cell(row, c))?)));
        if let Some((c, v)) = at {
            self.problem(sheet, row, c, why.arg("value", v));
        }
    }

    /// What a required field left without a value is given: the
    /// placeholder words for a name or title (reported by `dpo check`);
    /// nothing for the rest (left out, so `dpo check` names it).
    fn fill(&self) -> impl Fn(&[Step]) -> Option<Value> + '_ {
        |path: &[Step]| match path {
            [Step::Key(f)] if matches!(f.as_str(), "name" | "title") => {
                Some(Value::from(self.todo.as_str()))
            }
            [Step::Key(c), Step::Key(f)] if c == "convention" && f == "title" => {
                Some(Value::from(self.todo.as_str()))
            }
            [Step::Key(f)] if f == "convention" => Some(Value::Mapping(
                [("title".into(), Value::from(self.todo.as_str()))]
                    .into_iter()
                    .collect(),
            )),
            _ => None,
        }
    }

    /// The record `m` of row `row` of `k` (its keys under `prefix`) read
    /// as `T` ([`settle::settle`]): each value `T` cannot take reported at
    /// its cell and left out. `None`, every value of the row reported,
    /// when nothing of it can be kept.
    fn settle<T: DeserializeOwned>(
        &mut self,
        k: &Known<'_>,
        row: usize,
        prefix: &str,
        m: Mapping,
    ) -> Option<(Mapping, Option<T>)> {
        let mut bad = Vec::new();
        let out = settle::settle::<T>(m, &self.fill(), &mut |p, v| bad.push((p.to_vec(), v)));
        for (path, v) in bad {
            let c = path_column(k, prefix, &path);
            let header = c
                .and_then(|c| as_text(k.sheet.cell(k.header, c)))
                .unwrap_or_default();
            self.problems.push(Problem {
                sheet: k.sheet.name.clone(),
                row,
                column: c,
                why: bad_value(&path, &v, &header),
            });
        }
        match out {
            Ok(x) => Some(x),
            Err(_) => {
                self.whole_row(k.sheet, row);
                None
            }
        }
    }

    /// Every value of row `row` of `sheet`, reported as not imported.
    fn whole_row(&mut self, sheet: &ReadSheet, row: usize) {
        let cells = sheet.rows.get(row - 1).cloned().unwrap_or_default();
        for (c, cell) in cells.iter().enumerate() {
            if let Some(v) = as_text(cell) {
                // The placeholder words already in guillemets are not
                // quoted twice.
                self.problem(
                    sheet,
                    row,
                    c + 1,
                    Msg::new("sheetimport-f14b-record-lost").arg("value", unquoted(&v)),
                );
            }
        }
    }

    /// The identifier of the record `m` of row `row` of `k`: the one typed
    /// in the column `prefix` + `id` when it is one; else one made from the
    /// text typed there, or from the record's `name_field`, distinct from
    /// `taken`, and reported at the id cell. When neither is typed, one
    /// made from `blank` (a category row with values but neither id nor
    /// name), reported; else nothing.
    #[allow(clippy::too_many_arguments)]
    fn make_id(
        &mut self,
        k: &Known<'_>,
        row: usize,
        prefix: &str,
        name_field: &str,
        m: &mut Mapping,
        taken: &mut Vec<Id>,
        blank: Option<&str>,
    ) {
        let typed = typed_id(m);
        if Id::new(&typed).is_ok() {
            m.insert("id".into(), Value::from(typed));
            return;
        }
        let name = m.get(name_field).map(settle::text_of).unwrap_or_default();
        let from = if typed.is_empty() {
            name
        } else {
            typed.clone()
        };
        let (from, blank) = match blank {
            Some(b) if from.trim().is_empty() => (b.to_string(), true),
            _ => (from, false),
        };
        if from.trim().is_empty() {
            return;
        }
        let id = super::slug(&from, taken);
        taken.push(id.clone());
        let c = k.column(&format!("{prefix}id")).unwrap_or(1);
        let why = if blank {
            Msg::new("sheetimport-f14e-id-made-blank")
        } else if typed.is_empty() {
            Msg::new("sheetimport-f14b-id-made-empty")
        } else {
            Msg::new("sheetimport-f14b-id-made").arg("value", typed)
        };
        self.problem(k.sheet, row, c, why.arg("id", id.as_str()));
        m.insert("id".into(), Value::from(id.as_str()));
    }

    /// The row `row` of a known sheet as a mapping of the fields under
    /// `prefix` (`measure.`), with its `to_confirm` list; the cells of
    /// columns under no such key left to `other`.
    fn fields(&mut self, k: &Known<'_>, row: usize, prefix: &str) -> (Mapping, Vec<String>) {
        let mut m = Mapping::new();
        let mut assumed: Vec<String> = Vec::new();
        for (c, key) in k.keys.iter().enumerate() {
            let Some(path) = key.as_deref().and_then(|k| k.strip_prefix(prefix)) else {
                continue;
            };
            let cell = k.sheet.cell(row, c + 1);
            // A category's list whose lines say none beside a value still
            // to give, or beside items, or a none that says more: said
            // (the list unknown, or the none lines left out).
            let (mut all_none, mut none_lines) = (false, Vec::new());
            if prefix == "activity." && shape(path) == Shape::List {
                let typed = as_text(cell).unwrap_or_default();
                let lines: Vec<String> = (typed.lines().map(str::trim))
                    .filter(|l| !l.is_empty())
                    .map(|l| self.list_line(l))
                    .collect();
                let w = &self.w;
                let (value, at) = (super::one_line(&typed), (k.sheet, row, c + 1));
                match super::list_none(&lines, |l| w.is_todo(l)) {
                    ListNone::BesideTodo => {
                        let why = Msg::new("sheetimport-f14z-list-none-beside-todo");
                        self.problem(at.0, at.1, at.2, why.arg("value", value));
                        continue;
                    }
                    ListNone::Unclear => {
                        let why = Msg::new("sheetimport-f14z-list-none-unclear");
                        self.problem(at.0, at.1, at.2, why.arg("value", value));
                        continue;
                    }
                    ListNone::Among(nones) => {
                        let why = Msg::new("sheetimport-f14z-list-none-among")
                            .arg("value", value)
                            .arg("none", nones.join(" / "));
                        self.problem(at.0, at.1, at.2, why);
                        none_lines = nones;
                    }
                    ListNone::All => all_none = lines.len() > 1,
                    ListNone::No => {}
                }
                // A category of data or a system that looks like two
                // (« noms; prénoms », a tab between them): imported as
                // typed, said.
                if matches!(path, "data_categories" | "systems") {
                    for l in lines.iter().filter(|l| !none_lines.contains(l)) {
                        if super::authority::looks_two(l) {
                            let why =
                                Msg::new("sheetimport-f14z-data-list").arg("value", l.as_str());
                            self.problem(k.sheet, row, c + 1, why);
                        }
                    }
                }
            }
            if path.ends_with("renewals") {
                let typed = as_text(cell).unwrap_or_default();
                // The renewals decided have no « unknown »: a cell left « à
                // compléter » imports none, said (the end of the convention
                // is then reckoned without any).
                let lines: Vec<&str> = typed.lines().filter(|l| !l.trim().is_empty()).collect();
                if !lines.is_empty() && lines.iter().all(|l| self.w.is_todo(l)) {
                    let why = Msg::new("sheetimport-f14z-renewals-todo").arg("value", typed.trim());
                    self.problem(k.sheet, row, c + 1, why);
                    continue;
                }
                // A renewal's reference « à compléter » is no reference
                // (left out), never said imported as typed.
                let shown: Vec<String> = (typed.split('\n'))
                    .map(|l| match l.splitn(3, ',').collect::<Vec<_>>().as_slice() {
                        [day, months, re] if crate::model::is_todo(re) => format!("{day},{months}"),
                        _ => l.to_string(),
                    })
                    .collect();
                for why in self.w.todo_said(&Cell::Text(shown.join("\n"))) {
                    self.problem(k.sheet, row, c + 1, why);
                }
            } else {
                self.todo_among(k.sheet, row, c + 1, cell);
            }
            let Some((text, sure)) = self.w.unmark(cell) else {
                continue;
            };
            // A contact's name that says there is none (« Néant », « Non
            // désigné », « Pas de DPO »…), as the authority's layout reads
            // it: no name, not imported, said; the field stays « à
            // compléter ».
            if prefix == "controller." && path.ends_with(".name") && super::authority::no_one(&text)
            {
                let why = Msg::new("sheetimport-f14o-contact-none").arg("value", text.trim());
                self.problem(k.sheet, row, c + 1, why);
                continue;
            }
            // A mark inside a line: the field still to confirm, the mark
            // taken out of its text, and said (a controller's field, which
            // takes no mark, is said once by the caller).
            // An id takes no mark at all: said below, once.
            if let Some(typed) =
                (self.w.mark_inside(cell)).filter(|_| prefix != "controller." && path != "id")
            {
                let why = Msg::new("sheetimport-f14g-mark-inside")
                    .arg("value", typed)
                    .arg("kept", text.as_str());
                self.problem(k.sheet, row, c + 1, why);
            }
            // An id takes no mark (it names a file or a record): the id is
            // imported without it, said at its cell (a controller's, by
            // the caller with its other fields).
            if sure && path == "id" && prefix != "controller." {
                let why = mark_dropped(as_text(cell).unwrap_or_default(), &text);
                self.problem(k.sheet, row, c + 1, why);
            } else if sure {
                let field = path.split('.').next().unwrap_or(path).to_string();
                if !assumed.contains(&field) {
                    assumed.push(field);
                }
            }
            if all_none {
                put(&mut m, path, Value::Sequence(Vec::new()));
                continue;
            }
            let text = if none_lines.is_empty() {
                text
            } else {
                (text.lines())
                    .filter(|l| !none_lines.contains(&self.list_line(l.trim())))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            if text.trim().is_empty() {
                continue;
            }
            // A bad line of renewals: that line said, the others kept.
            if path.ends_with("renewals") {
                let (list, bad) = renewals(&text);
                for why in bad {
                    self.problem(k.sheet, row, c + 1, why);
                }
                self.escaped(k.sheet, row, c + 1, cell);
                put(&mut m, path, Value::Sequence(list));
                continue;
            }
            match value(&self.w, path, cell, &text) {
                Ok(v) => {
                    self.typed_loss(k.sheet, row, c + 1, path, cell);
                    self.bad_email(k.sheet, row, c + 1, path, &text);
                    put(&mut m, path, v)
                }
                Err(why) => self.problem(k.sheet, row, c + 1, why),
            }
        }
        (m, assumed)
    }

    /// The records of type `T` of the sheets `ks`, one a row, and each
    /// one's name with its id.
    fn records<'a, T: Named>(
        &mut self,
        ks: impl Iterator<Item = &'a Known<'a>>,
    ) -> (Vec<T>, Vec<(String, Id)>) {
        let (prefix, name_field) = (T::PREFIX, T::NAME_FIELD);
        let ks: Vec<&Known<'_>> = ks.collect();
        let mut taken: Vec<Id> = ks
            .iter()
            .flat_map(|k| typed_ids(k, &format!("{prefix}id")))
            .collect();
        let (mut list, mut names) = (Vec::new(), Vec::new());
        // The ids read so far, each with its row: a record whose id an
        // earlier one has is imported apart under an id of its own, said,
        // so that a category naming it never gets the other.
        let mut seen: Vec<(String, usize)> = Vec::new();
        for k in ks {
            for row in Reader::rows(k) {
                let (mut m, assumed) = self.fields(k, row, prefix);
                self.merge_repeats(k, row, prefix, &mut m);
                self.make_id(k, row, prefix, name_field, &mut m, &mut taken, None);
                let id = typed_id(&m);
                if let Some(&(_, first)) = seen.iter().find(|(i, _)| !id.is_empty() && *i == id) {
                    let apart = super::slug(&id, &taken);
                    taken.push(apart.clone());
                    let c = k.column(&format!("{prefix}id")).unwrap_or(1);
                    let why = Msg::new("sheetimport-f14y-record-id-twice")
                        .arg("value", id.as_str())
                        .arg("row", first)
                        .arg("id", apart.as_str());
                    self.problem(k.sheet, row, c, why);
                    m.insert("id".into(), Value::from(apart.as_str()));
                    self.made.push((apart, k.sheet.name.clone(), row));
                } else if !id.is_empty() {
                    seen.push((id, row));
                }
                match self.settle::<T>(k, row, prefix, with_confirm(m, assumed)) {
                    Some((_, Some(t))) => {
                        names.push(t.named());
                        list.push(t);
                    }
                    Some((_, None)) => self.whole_row(k.sheet, row),
                    None => {}
                }
            }
        }
        (list, names)
    }

    /// The lists of ids of the record `m` read from row `row` of `k` (its
    /// keys under `prefix`) with an item given twice kept once, each
    /// repeat said at its cell.
    fn merge_repeats(&mut self, k: &Known<'_>, row: usize, prefix: &str, m: &mut Mapping) {
        for field in ID_LISTS {
            let Some(Value::Sequence(items)) = m.get_mut(field) else {
                continue;
            };
            let mut seen: Vec<Value> = Vec::new();
            let mut repeats: Vec<String> = Vec::new();
            items.retain(|v| {
                if seen.contains(v) {
                    repeats.push(settle::text_of(v));
                    return false;
                }
                seen.push(v.clone());
                true
            });
            let key = format!("{prefix}{field}");
            let c = k
                .keys
                .iter()
                .position(|x| x.as_deref() == Some(key.as_str()));
            for v in repeats {
                let why = Msg::new("sheetimport-f14g-repeat-merged").arg("value", v);
                self.problem(k.sheet, row, c.map_or(1, |c| c + 1), why);
            }
        }
    }

    /// The rows of a known sheet after its header that hold anything.
    fn rows<'a>(k: &'a Known<'a>) -> impl Iterator<Item = usize> + 'a {
        (k.header + 1..=k.sheet.rows.len()).filter(|&r| {
            k.sheet
                .rows
                .get(r - 1)
                .is_some_and(|cells| cells.iter().any(|c| as_text(c).is_some()))
        })
    }
}

/// A record of a sheet of its own that categories name (a measure, a
/// sub-processor): its columns' key prefix and its name.
trait Named: DeserializeOwned {
    /// The prefix of its columns' keys (`measure.`).
    const PREFIX: &'static str;
    /// The field that names it.
    const NAME_FIELD: &'static str;
    /// Its name and id.
    fn named(&self) -> (String, Id);
}

impl Named for SecurityMeasure {
    const PREFIX: &'static str = "measure.";
    const NAME_FIELD: &'static str = "title";
    fn named(&self) -> (String, Id) {
        (self.title.clone(), self.id.clone())
    }
}

impl Named for SubProcessor {
    const PREFIX: &'static str = "subprocessor.";
    const NAME_FIELD: &'static str = "name";
    fn named(&self) -> (String, Id) {
        (self.name.clone(), self.id.clone())
    }
}

fn with_confirm(mut m: Mapping, assumed: Vec<String>) -> Mapping {
    if !assumed.is_empty() {
        m.insert(
            "to_confirm".into(),
            Value::Sequence(assumed.into_iter().map(Value::from).collect()),
        );
    }
    m
}

/// What is said of a field that takes no « (à confirmer) » mark and was
/// typed `value` with it: imported as `kept`, without it; or, when the
/// cell is only the mark, nothing imported.
pub(super) fn mark_dropped(value: String, kept: &str) -> Msg {
    if kept.trim().is_empty() {
        Msg::new("sheetimport-f14v-fact-mark-only").arg("value", value)
    } else {
        Msg::new("sheetimport-f14-mark-dropped")
            .arg("value", value)
            .arg("kept", kept.trim())
    }
}

/// A name as it is compared to another ([`crate::model::name_key`]).
use crate::model::name_key;

/// The records' names as a category's cells name them, each name's
/// [`name_key`] (and that key [`super::folded`]) worked out once, not at
/// every cell of every row.
struct NameIndex<'a> {
    pairs: &'a [(String, Id)],
    keys: Vec<String>,
    folded: Vec<String>,
    /// The records whose name was cleared (a placeholder).
    unnamed: Vec<&'a Id>,
}

impl<'a> NameIndex<'a> {
    fn new(pairs: &'a [(String, Id)]) -> Self {
        let keys: Vec<String> = pairs.iter().map(|(n, _)| name_key(n)).collect();
        NameIndex {
            pairs,
            folded: keys.iter().map(|k| super::folded(k)).collect(),
            keys,
            unnamed: pairs
                .iter()
                .filter(|(n, _)| crate::workspace::is_placeholder(n))
                .map(|(_, id)| id)
                .collect(),
        }
    }

    /// The records whose key (of `keys`) is `key`.
    fn with_key(&self, keys: &[String], key: &str) -> impl Iterator<Item = &'a (String, Id)> {
        let at: Vec<usize> = (0..keys.len()).filter(|&i| keys[i] == key).collect();
        let pairs = self.pairs;
        at.into_iter().map(move |i| &pairs[i])
    }

    /// The ids of the records `text` names: those whose name it is, the
    /// one it names as `name (id)` (the export's label for a name that is
    /// not enough alone) and the one whose id it is (typed in place of a
    /// name). More than one is ambiguous (said by the caller): a title
    /// « cida » beside the measure `cida`, a title shaped as another
    /// record's label.
    fn ids_named(&self, text: &str) -> Vec<&'a Id> {
        let by_name = self.with_key(&self.keys, &name_key(text));
        let labelled = crate::model::split_label(text)
            .into_iter()
            .flat_map(|(name, id)| {
                self.with_key(&self.keys, &name_key(name))
                    .filter(move |(_, i)| i.as_str() == id)
            });
        let by_id = self.pairs.iter().filter(|(_, i)| i.as_str() == text.trim());
        let mut all: Vec<&Id> = Vec::new();
        for (_, i) in by_name.chain(labelled).chain(by_id) {
            if !all.contains(&i) {
                all.push(i);
            }
        }
        all
    }

    /// The records whose name is `text` ignoring case and accents too
    /// ([`super::folded`], after [`name_key`]), each with its name: the
    /// sheet's spelling of a name typed otherwise in a category cell.
    fn ids_folded(&self, text: &str) -> Vec<(&'a String, &'a Id)> {
        self.with_key(&self.folded, &super::folded(&name_key(text)))
            .map(|(n, id)| (n, id))
            .collect()
    }
}

/// When the processor sheet has lost its key column (the export's third,
/// `clé`), each row's key by its label (column A, normalised, in either
/// language), the loss said once at the header; `None` when the key
/// column is there.
fn key_column_gone(k: &Known<'_>, r: &mut Reader) -> Option<BTreeMap<String, String>> {
    let has = |id: &str| k.keys.iter().any(|c| c.as_deref() == Some(id));
    if has("sheets-col-key") || !has("sheets-col-field") || !has("sheets-col-value") {
        return None;
    }
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for lang in [Lang::Fr, Lang::En] {
        let cat = Catalog::of(lang);
        for key in sheets::PROCESSOR_FIELDS.iter().chain(sheets::REGISTER_ROWS) {
            let label = super::normal(&sheets::processor_row_label(&cat, key));
            labels.entry(label).or_insert_with(|| key.to_string());
        }
    }
    let why = Msg::new("sheetimport-f14i-no-key-column").arg("value", k.sheet.name.as_str());
    r.problems.push(Problem {
        sheet: k.sheet.name.clone(),
        row: k.header,
        column: None,
        why,
    });
    Some(labels)
}

/// Reads dpo's own export, `None` when the sheets are not its.
pub fn import(sheets: &[ReadSheet], lang: Lang) -> Option<Imported> {
    let known: Vec<Known<'_>> = sheets.iter().filter_map(recognise).collect();
    let of = |kind: Kind| known.iter().filter(move |k| k.kind == kind);
    let processor_sheet = of(Kind::Processor).next()?;
    let controllers_sheet = of(Kind::Controllers).next()?;
    let mut r = Reader {
        w: Words::new(),
        todo: Catalog::of(lang).get("todo").to_string(),
        problems: Vec::new(),
        made: Vec::new(),
    };
    let mut out = Imported {
        layout: "own",
        ..Imported::default()
    };
    // Columns that are none of the layout's: reported once, by header.
    for k in &known {
        super::above_header(&mut r.problems, k.sheet, k.header);
        for &(c, first) in &k.twice {
            twice_column(&mut r, k, c, first);
        }
        for (c, key) in k.keys.iter().enumerate() {
            if key.is_none() && !k.twice.iter().any(|&(t, _)| t == c + 1) {
                if let Some(h) = as_text(k.sheet.cell(k.header, c + 1)) {
                    r.problem(
                        k.sheet,
                        k.header,
                        c + 1,
                        Msg::new("sheetimport-f14-extra-column").arg("value", h.as_str()),
                    );
                    // Each of its values, at its cell.
                    for row in k.header + 1..=k.sheet.rows.len() {
                        if let Some(v) = as_text(k.sheet.cell(row, c + 1)) {
                            let why = Msg::new("sheetimport-f14z-extra-column-value")
                                .arg("value", super::one_line(&v))
                                .arg("header", h.as_str());
                            r.problem(k.sheet, row, c + 1, why);
                        }
                    }
                }
            }
        }
        // A value in a column with no header: reported at its cell.
        for row in k.header + 1..=k.sheet.rows.len() {
            for c in 1..=k.sheet.rows[row - 1].len() {
                if as_text(k.sheet.cell(k.header, c)).is_some() {
                    continue;
                }
                if let Some(v) = as_text(k.sheet.cell(row, c)) {
                    r.problem(
                        k.sheet,
                        row,
                        c,
                        Msg::new("sheetimport-f14c-no-header").arg("value", v),
                    );
                }
            }
        }
    }
    // Sheets that are none of the workbook's: every value reported.
    super::stray_sheets(
        sheets,
        |s| known.iter().any(|k| std::ptr::eq(k.sheet, s)),
        None,
        &mut r.problems,
    );
    // The processor: one row per field, keyed by its third cell.
    let mut p = Mapping::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    // Without its key column (deleted), a row is known by its label
    // (« rubrique », either language): said once.
    let by_label = key_column_gone(processor_sheet, &mut r);
    for row in Reader::rows(processor_sheet) {
        let s = processor_sheet.sheet;
        let key = match &by_label {
            None => as_text(s.cell(row, 3)),
            Some(labels) => {
                let label = as_text(s.cell(row, 1)).map(|l| super::normal(&l));
                let key = label.and_then(|l| labels.get(&l).cloned());
                if key.is_none() {
                    r.keyless(s, row, Msg::new("sheetimport-f14i-unknown-label"));
                    continue;
                }
                key
            }
        };
        let Some(key) = key else {
            // A row with no key names no field: its value is said.
            r.keyless(s, row, Msg::new("sheetimport-f14c-no-key"));
            continue;
        };
        if key.starts_with("register.") {
            // The register's edition is the workspace's own count: a later
            // one in the file is not carried, said (the new workspace's
            // next register is édition 1).
            let edition = as_text(s.cell(row, 2)).unwrap_or_default();
            if key == "register.edition" && edition.trim().parse::<u32>().is_ok_and(|n| n > 1) {
                let why =
                    Msg::new("sheetimport-f14z-edition-not-carried").arg("value", edition.trim());
                r.problem(s, row, 2, why);
            }
            continue;
        }
        // A field given on two rows: the first is kept, the other said;
        // so is a row of no field.
        let stray = match seen.get(&key) {
            Some(&first) => Some(Msg::new("sheetimport-f14b-field-twice").arg("first", first)),
            None if !sheets::PROCESSOR_FIELDS.contains(&key.as_str()) => {
                Some(Msg::new("sheetimport-f14c-unknown-key").arg("key", key.as_str()))
            }
            None => None,
        };
        if let Some(why) = stray {
            r.keyless(s, row, why);
            continue;
        }
        seen.insert(key.clone(), row);
        let cell = s.cell(row, 2);
        r.todo_among(s, row, 2, cell);
        if let Some((text, assumed)) = r.w.unmark(cell) {
            if assumed {
                r.problem(
                    s,
                    row,
                    2,
                    mark_dropped(as_text(cell).unwrap_or_default(), &text),
                );
            }
            match value(&r.w, &key, cell, &text) {
                Ok(v) => {
                    r.typed_loss(s, row, 2, &key, cell);
                    r.bad_email(s, row, 2, &key, &text);
                    put(&mut p, &key, v)
                }
                Err(why) => r.problem(s, row, 2, why),
            }
        }
    }
    // The processor's values it cannot take: said at their row, left out.
    let ps = processor_sheet.sheet;
    let mut bad = Vec::new();
    let settled = settle::settle::<Processor>(p, &r.fill(), &mut |path, v| {
        bad.push((path.to_vec(), v));
    });
    for (path, v) in bad {
        let dotted = path
            .iter()
            .filter_map(|s| match s {
                Step::Key(k) => Some(k.as_str()),
                Step::Index(_) => None,
            })
            .collect::<Vec<_>>()
            .join(".");
        let row = seen.get(&dotted).copied().unwrap_or(processor_sheet.header);
        let header = as_text(ps.cell(row, 1)).unwrap_or_default();
        r.problem(ps, row, 2, bad_value(&path, &v, &header));
    }
    match settled {
        Ok((_, Some(p))) => out.processor = Some(p),
        _ => {
            for &row in seen.values() {
                r.whole_row(ps, row);
            }
        }
    }
    // Measures and sub-processors, and their names for the categories.
    let (measures, titles) = r.records::<SecurityMeasure>(of(Kind::Measures));
    out.measures = measures;
    let (subprocessors, names) = r.records::<SubProcessor>(of(Kind::SubProcessors));
    out.subprocessors = subprocessors;
    let (titles, names) = (NameIndex::new(&titles), NameIndex::new(&names));
    // The controllers, then each one's categories and transfers.
    let mut controllers: Vec<(usize, Mapping)> = Vec::new();
    for row in Reader::rows(controllers_sheet) {
        let (m, assumed) = r.fields(controllers_sheet, row, "controller.");
        // A controller file marks no field « à confirmer »: the mark is
        // reported, the value imported.
        for field in assumed {
            let prefix = format!("controller.{field}");
            // Every column of that field that bears the mark, each said
            // with the value kept.
            // A value refused (a date or a number that cannot be read) is
            // not imported, said as such: its mark is not said dropped.
            let marked: Vec<(usize, &str, String)> = (controllers_sheet.keys.iter().enumerate())
                .filter_map(|(c, key)| {
                    let key = key.as_deref().filter(|key| key.starts_with(&prefix))?;
                    let path = key.strip_prefix("controller.").unwrap_or(key);
                    let cell = controllers_sheet.sheet.cell(row, c + 1);
                    r.w.unmark(cell)
                        .filter(|(_, assumed)| *assumed)
                        .filter(|(kept, _)| {
                            kept.trim().is_empty()
                                || path.ends_with("renewals")
                                || value(&r.w, path, cell, kept).is_ok()
                        })
                        .map(|(kept, _)| (c + 1, path, kept))
                })
                .collect();
            for (c, path, kept) in marked {
                let v = as_text(controllers_sheet.sheet.cell(row, c)).unwrap_or_default();
                // A cell of several lines (renewals): the lines that bore
                // the mark, not the others (which may be refused); nor a
                // renewal line that is refused.
                let is_renewals = path.ends_with("renewals");
                let lines: Vec<(&str, String)> = v
                    .lines()
                    .filter_map(|l| r.w.strip_mark(l).map(|(k, _)| (l, k)))
                    .filter(|(_, k)| !is_renewals || renewals(k).1.is_empty())
                    .collect();
                let why = if (v.lines().count() > 1 || is_renewals) && !lines.is_empty() {
                    let typed: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
                    let kept: Vec<&str> = lines.iter().map(|(_, k)| k.as_str()).collect();
                    mark_dropped(typed.join("\n"), &kept.join("\n"))
                } else if is_renewals && !kept.trim().is_empty() {
                    continue;
                } else {
                    mark_dropped(v, &kept)
                };
                r.problem(controllers_sheet.sheet, row, c, why);
            }
        }
        controllers.push((row, m));
    }
    // Where each controller's categories stand, to report them when the
    // controller cannot be imported.
    let mut placed: BTreeMap<String, Vec<(String, usize, usize)>> = BTreeMap::new();
    // The sheets names are looked up in (the export's name when the file
    // has none).
    let cat = Catalog::of(lang);
    let measure_sheet = of(Kind::Measures).next().map_or_else(
        || cat.get("sheets-sheet-measures").to_string(),
        |k| k.sheet.name.clone(),
    );
    let sp_sheet = of(Kind::SubProcessors).next().map_or_else(
        || cat.get("sheets-sheet-subprocessors").to_string(),
        |k| k.sheet.name.clone(),
    );
    // The sheet that gave each controller's categories first, and the
    // text of its transfer columns: a later sheet of the same controller
    // adds its other categories, never replaces one.
    let mut given: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for k in of(Kind::Activities) {
        let col = |key: &str| {
            k.keys
                .iter()
                .position(|x| x.as_deref() == Some(key))
                .map(|c| c + 1)
        };
        let Some(id_col) = col("controller.id") else {
            continue;
        };
        let rows: Vec<usize> = Reader::rows(k).collect();
        let Some(&first) = rows.first() else {
            continue;
        };
        // The sheet's controller: the first row naming a controller of
        // the controllers sheet, else the first row naming one at all (a
        // typo on one row does not decide for the others).
        let named: Vec<(usize, String)> = (rows.iter())
            .filter_map(|&row| Some((row, row_controller(&r, k, row, id_col)?)))
            .collect();
        let known = |id: &str| {
            (controllers.iter()).any(|(_, m)| m.get("id").and_then(Value::as_str) == Some(id))
        };
        // No row names one: the controller whose name the sheet gives —
        // its name column, else the sheet's name (a typo in one falls to
        // the other) —, each row said; the two naming two controllers
        // decide nothing.
        let named_so = |name: &str| {
            controllers.iter().find_map(|(_, m)| {
                let same = (m.get("name").and_then(Value::as_str))
                    .is_some_and(|n| super::normal(n) == super::normal(name));
                same.then(|| m.get("id").and_then(Value::as_str)).flatten()
            })
        };
        let column_name = col("controller.name").and_then(|c| as_text(k.sheet.cell(first, c)));
        let (by_column, by_title) = (
            column_name.as_deref().and_then(named_so),
            named_so(&k.sheet.name),
        );
        let by_sheet_name = match (by_column, by_title) {
            (Some(a), Some(b)) if a != b => Err((a, b)),
            (Some(a), _) | (None, Some(a)) => Ok(Some((first, a.to_string()))),
            (None, None) => Ok(None),
        };
        let chosen = (named.iter())
            .find(|(_, id)| known(id))
            .or_else(|| named.first())
            .cloned()
            .map(Ok)
            .or_else(|| by_sheet_name.clone().transpose());
        let Some(Ok((top, id))) = chosen else {
            // Nothing says whose the sheet is: its categories are named,
            // each at its row.
            let why = match chosen {
                Some(Err((a, b))) => Msg::new("sheetimport-f14z-sheet-two-controllers")
                    .arg("value", column_name.as_deref().unwrap_or_default().trim())
                    .arg("column", a)
                    .arg("title", b),
                _ => {
                    let name = column_name.as_deref().unwrap_or_default().trim();
                    Msg::new("sheetimport-f14b-no-controller-id")
                        .arg("value", name)
                        .arg("named", if name.is_empty() { "no" } else { "yes" })
                }
            };
            r.problem(k.sheet, first, id_col, why);
            let category = ["activity.name", "activity.id"]
                .iter()
                .find_map(|f| col(f))
                .unwrap_or(id_col);
            for &row in &rows {
                if let Some(v) = as_text(k.sheet.cell(row, category)) {
                    let why =
                        Msg::new("sheetimport-f14z-category-no-controller").arg("value", v.trim());
                    r.problem(k.sheet, row, category, why);
                }
            }
            continue;
        };
        let by_id = controllers
            .iter()
            .position(|(_, m)| m.get("id").and_then(Value::as_str) == Some(id.as_str()));
        // A controller whose id was cleared: found by its name, it takes
        // the id its sheet gives (said at its cell).
        let name = col("controller.name")
            .and_then(|c| as_text(k.sheet.cell(top, c)))
            .unwrap_or_else(|| k.sheet.name.clone());
        let by_name = controllers.iter().position(|(_, m)| {
            m.get("id").is_none()
                && m.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| super::normal(n) == super::normal(&name))
        });
        let found = by_id.or_else(|| {
            let at = by_name?;
            let (row, m) = &mut controllers[at];
            m.insert("id".into(), Value::from(id.as_str()));
            let c = controllers_sheet.column("controller.id").unwrap_or(1);
            r.problem(
                controllers_sheet.sheet,
                *row,
                c,
                Msg::new("sheetimport-f14c-id-from-sheet")
                    .arg("value", id.as_str())
                    .arg("sheet", k.sheet.name.as_str()),
            );
            Some(at)
        });
        let known_ids: Vec<String> = (controllers.iter())
            .filter_map(|(_, m)| m.get("id").and_then(Value::as_str).map(String::from))
            .collect();
        let Some((_, ctrl)) = found.map(|at| &mut controllers[at]) else {
            // Every row of the sheet is dropped: each is said, with what
            // it holds.
            for &row in &rows {
                let here = as_text(k.sheet.cell(row, id_col)).unwrap_or_default();
                r.problem(
                    k.sheet,
                    row,
                    id_col,
                    Msg::new("sheetimport-unknown-name")
                        .arg("value", here.trim())
                        .arg("sheet", controllers_sheet.sheet.name.as_str()),
                );
            }
            continue;
        };
        // Every row's controller, transfer and processor cells against the
        // values retained; a row of another controller is not merged.
        let retained = retained_cells(ctrl, out.processor.as_ref());
        let mut rows = rows;
        rows.retain(|&row| compare_row(&mut r, k, row, &col, &known_ids, &id));
        report_copies(
            &mut r,
            k,
            &rows,
            &col,
            &retained,
            [&controllers_sheet.sheet.name, &processor_sheet.sheet.name],
        );
        // The categories' names, for the systems that name one.
        let name_col = col("activity.name");
        let mut siblings: BTreeMap<String, String> = BTreeMap::new();
        for &row in &rows {
            let id = col("activity.id").and_then(|c| as_text(k.sheet.cell(row, c)));
            let name = name_col.and_then(|c| r.w.unmark(k.sheet.cell(row, c)));
            if let (Some(id), Some((name, _))) = (id, name) {
                siblings.entry(name).or_insert(id);
            }
        }
        let earlier = given.get(&id).cloned();
        let mut activities = match (&earlier, ctrl.get("activities")) {
            (Some(_), Some(Value::Sequence(list))) => list.clone(),
            _ => Vec::new(),
        };
        let before: Vec<String> = activities
            .iter()
            .filter_map(|a| a.get("id").map(settle::text_of))
            .collect();
        let mut taken = typed_ids(k, "activity.id");
        taken.extend(before.iter().filter_map(|b| Id::new(b).ok()));
        for &row in &rows {
            // The row of a controller with no category holds none of the
            // category's columns; any other row is a category.
            let category = k.keys.iter().enumerate().any(|(c, key)| {
                key.as_deref().is_some_and(|x| x.starts_with("activity."))
                    && as_text(k.sheet.cell(row, c + 1)).is_some()
            });
            if !category {
                continue;
            }
            // A category an earlier sheet of this controller gave: the row
            // is said, the earlier kept.
            if let (Some((first, _)), Some(c)) = (&earlier, col("activity.id")) {
                let here = as_text(k.sheet.cell(row, c)).unwrap_or_default();
                if before.iter().any(|b| b == here.trim()) {
                    let why = Msg::new("sheetimport-f14e-category-twice")
                        .arg("value", here.trim())
                        .arg("sheet", first.as_str());
                    r.problem(k.sheet, row, c, why);
                    continue;
                }
            }
            let (mut m, assumed) = r.fields(k, row, "activity.");
            let blank = format!("{}-{row}", cat.get("sheetimport-f14e-blank-id"));
            r.make_id(
                k,
                row,
                "activity.",
                "name",
                &mut m,
                &mut taken,
                Some(&blank),
            );
            // Names back to ids.
            let mut unread = Vec::new();
            for (field, pairs, sheet) in [
                ("subprocessors", &names, &sp_sheet),
                ("security_measures", &titles, &measure_sheet),
            ] {
                let Some(Value::Sequence(items)) = m.get_mut(field) else {
                    continue;
                };
                let c = col(&format!("activity.{field}")).unwrap_or(0);
                // A line no record is named by, typed as a bullet (« - A »)
                // or as names joined by « ; » (« A ; B »), each of which
                // names one: those names (the « ; » said).
                let names_one =
                    |t: &str| !pairs.ids_named(t).is_empty() || pairs.ids_folded(t).len() == 1;
                let mut read = Vec::new();
                for item in items.iter() {
                    let text = item.as_str().unwrap_or_default();
                    let bare = super::authority::unmarked_item(text.trim());
                    let parts: Vec<&str> = (bare.split(';').map(str::trim))
                        .filter(|p| !p.is_empty())
                        .collect();
                    if names_one(text) {
                        read.push(item.clone());
                    } else if names_one(bare) {
                        read.push(Value::from(bare));
                    } else if parts.len() > 1 && parts.iter().all(|p| names_one(p)) {
                        let why = Msg::new("sheetimport-f14z-names-joined")
                            .arg("value", text)
                            .arg("count", parts.len());
                        r.problem(k.sheet, row, c, why);
                        read.extend(parts.into_iter().map(Value::from));
                    } else {
                        read.push(item.clone());
                    }
                }
                *items = read;
                let mut ids = Vec::new();
                // The records whose name was cleared: a name found nowhere
                // is theirs when there is one such record.
                let unnamed = &pairs.unnamed;
                for item in items.iter() {
                    let text = item.as_str().unwrap_or_default();
                    let mut found: Vec<&Id> = pairs.ids_named(text);
                    // Else the record named so but for case and accents:
                    // found, its own spelling kept and said (two such
                    // records: ambiguous, said below).
                    let mut spelled = None;
                    if found.is_empty() {
                        let folded = pairs.ids_folded(text);
                        if let [(name, _)] = folded.as_slice() {
                            spelled = Some(name.as_str());
                        }
                        found = folded.into_iter().map(|(_, id)| id).collect();
                    }
                    let unknown = |id: &'static str| {
                        Msg::new(id).arg("value", text).arg("sheet", sheet.as_str())
                    };
                    match (found.as_slice(), unnamed.as_slice()) {
                        // A record named twice in the cell: once, said.
                        ([one], _) | ([], [one]) if ids.contains(&Value::from(one.as_str())) => {
                            let why = Msg::new("sheetimport-f14g-repeat-merged").arg("value", text);
                            r.problem(k.sheet, row, c, why);
                        }
                        ([one], _) => {
                            ids.push(Value::from(one.as_str()));
                            // An id only the import gave (no row of the
                            // file has it): the record it names, said.
                            let made = r.made.iter().find(|(id, ..)| id == *one);
                            if let Some((_, at, first)) =
                                made.filter(|_| text.trim() == one.as_str())
                            {
                                let why = Msg::new("sheetimport-f14z-made-id-typed")
                                    .arg("value", text)
                                    .arg("sheet", at.as_str())
                                    .arg("row", *first);
                                r.problem(k.sheet, row, c, why);
                            }
                            if let Some(name) = spelled {
                                let why = unknown("sheetimport-f14j-name-case").arg("kept", name);
                                r.problem(k.sheet, row, c, why);
                            }
                        }
                        ([], [one]) => {
                            ids.push(Value::from(one.as_str()));
                            let why = unknown("sheetimport-f14d-unnamed-one");
                            r.problem(k.sheet, row, c, why.arg("id", one.as_str()));
                        }
                        ([], []) => r.problem(k.sheet, row, c, unknown("sheetimport-unknown-name")),
                        ([], many) => {
                            let list: Vec<&str> = many.iter().map(|id| id.as_str()).collect();
                            let why = unknown("sheetimport-f14d-unnamed-many");
                            r.problem(k.sheet, row, c, why.arg("ids", list.join(", ")));
                        }
                        _ => r.problem(k.sheet, row, c, unknown("sheetimport-ambiguous-name")),
                    }
                }
                // No name read (each refused, said): the list stays
                // unknown, never « aucun ».
                if ids.is_empty() && !items.is_empty() {
                    unread.push(field);
                }
                *items = ids;
            }
            for field in unread {
                m.remove(field);
            }
            if let Some(Value::Sequence(items)) = m.get_mut("systems") {
                for item in items.iter_mut() {
                    let text = item.as_str().unwrap_or_default();
                    if let Some(id) = siblings.get(text) {
                        *item = Value::from(id.as_str());
                    }
                }
            }
            r.merge_repeats(k, row, "activity.", &mut m);
            if let Some((m, _)) =
                r.settle::<ProcessingActivity>(k, row, "activity.", with_confirm(m, assumed))
            {
                activities.push(Value::Mapping(m));
            }
        }
        ctrl.insert("activities".into(), Value::Sequence(activities));
        placed
            .entry(id.clone())
            .or_default()
            .extend(rows.iter().map(|&row| {
                (
                    k.sheet.name.clone(),
                    row,
                    col("activity.id").unwrap_or(id_col),
                )
            }));
        let Some(&row) = rows.first() else { continue };
        compare_transfers(&mut r, k, &rows, &col);
        let texts: Vec<String> = TRANSFER_KEYS
            .iter()
            .map(|key| {
                col(key)
                    .and_then(|c| as_text(k.sheet.cell(row, c)))
                    .unwrap_or_default()
            })
            .collect();
        match earlier {
            // The transfers are the first sheet's: a later sheet's that
            // differ are said, not read.
            Some((first, kept)) => {
                for ((key, text), kept) in TRANSFER_KEYS.iter().zip(&texts).zip(&kept) {
                    if text.trim() != kept.trim() && !text.trim().is_empty() {
                        let why = Msg::new("sheetimport-f14e-transfers-twice")
                            .arg("value", text.as_str())
                            .arg("sheet", first.as_str());
                        r.problem(k.sheet, row, col(key).unwrap_or(0), why);
                    }
                }
            }
            None => {
                if let Some(t) = transfers(&mut r, k, row, &col) {
                    ctrl.insert("transfers".into(), t);
                }
                given.insert(id.clone(), (k.sheet.name.clone(), texts));
            }
        }
    }
    let mut taken: Vec<Id> = typed_ids(controllers_sheet, "controller.id");
    // The controllers read so far: id, row, name.
    let mut seen: Vec<(Id, usize, String)> = Vec::new();
    use crate::model::name_key;
    for (row, mut m) in controllers {
        let sheet = &controllers_sheet.sheet.name;
        let typed = typed_id(&m);
        // A controller not imported: its categories are reported too.
        let orphans = |r: &mut Reader| {
            for (s, at_row, c) in placed.get(&typed).into_iter().flatten() {
                r.problems.push(Problem {
                    sheet: s.clone(),
                    row: *at_row,
                    column: Some(*c),
                    why: Msg::new("sheetimport-f14-controller-not-imported")
                        .arg("value", typed.as_str())
                        .arg("sheet", sheet.as_str())
                        .arg("row", row),
                });
            }
        };
        r.make_id(
            controllers_sheet,
            row,
            "controller.",
            "name",
            &mut m,
            &mut taken,
            None,
        );
        let Some(mut id) = m
            .shift_remove("id")
            .and_then(|v| v.as_str().and_then(|s| Id::new(s).ok()))
        else {
            r.whole_row(controllers_sheet.sheet, row);
            orphans(&mut r);
            continue;
        };
        // Another row's id (a row copied, an id typed twice): its file
        // would overwrite the other's; imported apart under an id of its
        // own, said. The same name under another id: said.
        let name = m.get("name").map(settle::text_of).unwrap_or_default();
        let id_col = controllers_sheet.column("controller.id").unwrap_or(1);
        if let Some(&(_, first, _)) = seen.iter().find(|(i, _, _)| *i == id) {
            let apart = super::slug(id.as_str(), &taken);
            taken.push(apart.clone());
            let why = Msg::new("sheetimport-f14y-controller-id-twice")
                .arg("value", id.as_str())
                .arg("row", first)
                .arg("id", apart.as_str());
            r.problem(controllers_sheet.sheet, row, id_col, why);
            id = apart;
        } else if let Some((first_id, first, _)) = (seen.iter()).find(|(_, _, n)| {
            // The same but for case, accents or punctuation (« Juvisy
            // sur Orge » beside « Juvisy-sur-Orge »): the same id made.
            !name.trim().is_empty()
                && (name_key(n) == name_key(&name)
                    || super::slug(n, &[]) == super::slug(&name, &[]))
        }) {
            let why = Msg::new("sheetimport-f14y-controller-same-name")
                .arg("value", name.as_str())
                .arg("row", *first)
                .arg("first", first_id.as_str());
            let name_col = controllers_sheet
                .column("controller.name")
                .unwrap_or(id_col);
            r.problem(controllers_sheet.sheet, row, name_col, why);
        }
        seen.push((id.clone(), row, name));
        match r.settle::<Controller>(controllers_sheet, row, "controller.", m) {
            Some((_, Some(c))) => out
                .controllers
                .push((id, serde_yaml::to_value(&c).unwrap_or_default())),
            // A required value left out (a convention's start): written
            // without it, so `dpo check` names it.
            Some((m, None)) => out.controllers.push((id, Value::Mapping(m))),
            None => orphans(&mut r),
        }
    }
    out.problems = r.problems;
    Some(out)
}

/// A column `c` of `k` whose header the column `first` already has: each of
/// its values reported at its cell as not imported, or its header alone,
/// as a fact, when it holds none.
fn twice_column(r: &mut Reader, k: &Known<'_>, c: usize, first: usize) {
    let header = as_text(k.sheet.cell(k.header, c)).unwrap_or_default();
    let why = |id: &'static str| {
        Msg::new(id)
            .arg("header", header.as_str())
            .arg("first", crate::sheet::read::column_letters(first))
    };
    let mut any = false;
    for row in k.header + 1..=k.sheet.rows.len() {
        if let Some(v) = as_text(k.sheet.cell(row, c)) {
            any = true;
            let why = why("sheetimport-f14e-header-twice").arg("value", v);
            r.problem(k.sheet, row, c, why);
        }
    }
    if !any {
        r.problem(
            k.sheet,
            k.header,
            c,
            why("sheetimport-f14e-header-twice-empty"),
        );
    }
}

/// The columns of a controller's sheet that repeat a value kept elsewhere:
/// the controller's (its sheet in the controllers sheet) and the
/// processor's (the processor sheet), each with the text it must hold
/// (`None`: « à compléter »).
fn retained_cells(ctrl: &Mapping, p: Option<&Processor>) -> Vec<(&'static str, Option<String>)> {
    // Placeholder words kept (a required name left « à compléter ») are
    // no value.
    let given =
        |s: String| Some(s).filter(|s| !s.is_empty() && !crate::workspace::is_placeholder(s));
    let text = |k: &str| {
        ctrl.get(k)
            .and_then(Value::as_str)
            .and_then(|s| given(s.trim().to_string()))
    };
    let contact = |k: &str| {
        ctrl.get(k)
            .and_then(|v| serde_yaml::from_value::<Contact>(v.clone()).ok())
            .and_then(|c| contact_line(&c))
    };
    let mut out = vec![
        ("controller.name", text("name")),
        ("controller.address", text("address")),
        ("controller.representative", contact("representative")),
        ("controller.dpo", contact("dpo")),
    ];
    if let Some(p) = p {
        out.extend([
            ("processor.name", given(p.name.trim().to_string())),
            ("processor.representative", contact_line(&p.representative)),
            ("processor.dpo", contact_line(&p.dpo)),
        ]);
    }
    out
}

/// Checks one row of a controller's sheet: its controller id must be the
/// sheet's (`false`, reported, when it is another or none: the row is not
/// merged into this controller).
fn compare_row(
    r: &mut Reader,
    k: &Known<'_>,
    row: usize,
    col: &dyn Fn(&str) -> Option<usize>,
    known: &[String],
    id: &str,
) -> bool {
    let Some(c) = col("controller.id") else {
        return true;
    };
    let here = row_controller(r, k, row, c);
    if here.as_deref() == Some(id) {
        // Its « (à confirmer) » mark, which an id cannot carry: said.
        let typed = as_text(k.sheet.cell(row, c)).unwrap_or_default();
        if typed.trim() != id {
            r.problem(k.sheet, row, c, mark_dropped(typed.trim().to_string(), id));
        }
        return true;
    }
    // A category row added with its controller left blank: the sheet's,
    // said, the category named.
    if here.is_none() {
        let category = ["activity.name", "activity.id"]
            .iter()
            .find_map(|f| col(f).and_then(|c| as_text(k.sheet.cell(row, c))))
            .unwrap_or_default();
        let why = Msg::new("sheetimport-f14y-row-controller-blank")
            .arg("value", category.trim())
            .arg("id", id);
        r.problem(k.sheet, row, c, why);
        return true;
    }
    // Another controller's row, or an id that names none (a typo, another
    // case): not merged, said with its reason.
    let typed = as_text(k.sheet.cell(row, c)).unwrap_or_default();
    let why = if here.as_ref().is_some_and(|h| known.contains(h)) {
        "sheetimport-f14-other-controller"
    } else {
        "sheetimport-f14z-row-controller-unknown"
    };
    let why = Msg::new(why).arg("value", typed.trim()).arg("id", id);
    r.problem(k.sheet, row, c, why);
    false
}

/// The controller id a category row names in column `c`: trimmed, its
/// « (à confirmer) » mark left out (read as in the controllers sheet);
/// `None` when blank.
fn row_controller(r: &Reader, k: &Known<'_>, row: usize, c: usize) -> Option<String> {
    let typed = as_text(k.sheet.cell(row, c))?;
    let id =
        r.w.strip_mark(typed.trim())
            .map_or_else(|| typed.trim().to_string(), |(v, _)| v.trim().to_string());
    (!id.is_empty()).then_some(id)
}

/// Checks the cells of `rows` that repeat a value kept on another sheet
/// (`retained`). A text that differs from the value kept on every row, or
/// that is the placeholder words where a value is kept, is a copy left
/// behind (the value was changed where it is kept): said once, as a fact,
/// nothing being lost. Any other text that differs is reported at its
/// cell as not imported (change it where it is kept).
fn report_copies(
    r: &mut Reader,
    k: &Known<'_>,
    rows: &[usize],
    col: &dyn Fn(&str) -> Option<usize>,
    retained: &[(&'static str, Option<String>)],
    [controllers_sheet, processor_sheet]: [&str; 2],
) {
    for (key, kept) in retained {
        let Some(c) = col(key) else { continue };
        let sheet = if key.starts_with("processor.") {
            processor_sheet
        } else {
            controllers_sheet
        };
        // The differing cells, grouped by their text: (text, rows).
        let mut differ: Vec<(String, Vec<usize>)> = Vec::new();
        for &row in rows {
            let cell = k.sheet.cell(row, c);
            let here =
                r.w.unmark(cell)
                    .map(|(t, _)| t.trim().to_string())
                    .filter(|s| !s.is_empty());
            // An empty cell (a row added by hand) is no value: nothing lost.
            let typed = as_text(cell).unwrap_or_default();
            if here == *kept || typed.trim().is_empty() {
                continue;
            }
            match differ.iter_mut().find(|(t, _)| t.trim() == typed.trim()) {
                Some((_, at)) => at.push(row),
                None => differ.push((typed, vec![row])),
            }
        }
        let kept_words = |id: &'static str, id_todo: &'static str| match kept {
            Some(v) => Msg::new(id).arg("kept", v.as_str()),
            None => Msg::new(id_todo).arg("kept", Msg::new("todo")),
        };
        for (typed, at) in differ {
            let copy = at.len() == rows.len() || (kept.is_some() && r.w.is_todo(&typed));
            if copy {
                let why = kept_words(
                    "sheetimport-f14d-stale-copy",
                    "sheetimport-f14d-stale-copy-todo",
                )
                .arg("value", unquoted(&typed))
                .arg("rows", at.len())
                .arg("sheet", sheet);
                r.problem(k.sheet, at[0], c, why);
                continue;
            }
            for row in at {
                let why = kept_words("sheetimport-f14-not-kept", "sheetimport-f14-not-kept-todo");
                r.problem(
                    k.sheet,
                    row,
                    c,
                    why.arg("value", typed.as_str()).arg("sheet", sheet),
                );
            }
        }
    }
}

/// A cell's text without the guillemets of the placeholder words, so that
/// a message quoting it does not quote them twice.
fn unquoted(v: &str) -> String {
    v.strip_prefix('«')
        .and_then(|x| x.strip_suffix('»'))
        .map_or(v.to_string(), |x| {
            x.trim_matches(['\u{202f}', ' ']).to_string()
        })
}

/// The transfer columns of every row after the first (which is read) must
/// repeat the first's: a difference is reported, never merged.
fn compare_transfers(
    r: &mut Reader,
    k: &Known<'_>,
    rows: &[usize],
    col: &dyn Fn(&str) -> Option<usize>,
) {
    let Some((&first, others)) = rows.split_first() else {
        return;
    };
    for key in TRANSFER_KEYS {
        let Some(c) = col(key) else { continue };
        let kept = as_text(k.sheet.cell(first, c)).unwrap_or_default();
        // The placeholder words where the first row gives the transfers:
        // copies left behind, said once for the column, nothing lost.
        let mut copies: Vec<usize> = Vec::new();
        for &row in others {
            // An empty cell (a row added by hand) is no value: nothing lost.
            let here = as_text(k.sheet.cell(row, c)).unwrap_or_default();
            if !here.trim().is_empty() && here.trim() != kept.trim() && r.w.is_todo(&here) {
                copies.push(row);
            } else if !here.trim().is_empty() && here.trim() != kept.trim() {
                r.problem(
                    k.sheet,
                    row,
                    c,
                    Msg::new("sheetimport-differs")
                        .arg("value", here)
                        .arg("first", first),
                );
            }
        }
        if let Some(&at) = copies.first() {
            let why = Msg::new("sheetimport-f14f-transfer-copy")
                .arg("value", Msg::new("todo"))
                .arg("rows", copies.len())
                .arg("first", first);
            r.problem(k.sheet, at, c, why);
        }
    }
}

/// Whether a transfers country cell alone says « not concerned » (« Non
/// concerné », « Pas concernée », « Not concerned »): none, in this
/// column, as « Néant » is.
pub(super) fn lone_none(v: &str) -> bool {
    let f = crate::model::bare_words(v);
    super::plain(v)
        && matches!(
            f.as_str(),
            "non concerne"
                | "non concernee"
                | "pas concerne"
                | "pas concernee"
                | "not concerned"
                | "non applicable"
                | "not applicable"
        )
}

/// Whether a line of a transfer column is only « à compléter » (or
/// another word for a value to give), not blank.
fn is_todo_line(w: &Words, v: &str) -> bool {
    !v.trim().is_empty() && w.is_todo(v)
}

/// The six transfer columns, aligned: one transfer per line in each.
const TRANSFER_KEYS: [&str; 6] = [
    "transfer.country",
    "transfer.recipient",
    "transfer.purpose",
    "transfer.legal_basis",
    "transfer.safeguards",
    "transfer.instruction",
];

/// The controller's transfers from the six transfer columns of its first
/// row: one transfer per line position across the columns; « aucun » is
/// none; a last line « à compléter » says those of the file are not known
/// yet (no `transfers`).
fn transfers(
    r: &mut Reader,
    k: &Known<'_>,
    row: usize,
    col: &dyn Fn(&str) -> Option<usize>,
) -> Option<Value> {
    let lines = |key: &str| -> Vec<String> {
        col(key)
            .and_then(|c| as_text(k.sheet.cell(row, c)))
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default()
    };
    let countries = lines("transfer.country");
    let fields = ["recipient", "purpose", "legal_basis", "safeguards"];
    let mut others: Vec<Vec<String>> = fields
        .iter()
        .map(|f| lines(&format!("transfer.{f}")))
        .collect();
    let mut instructions = lines("transfer.instruction");
    // The columns with a line read as the export's escaping, said.
    for f in std::iter::once("country").chain(fields) {
        if let Some(c) = col(&format!("transfer.{f}")) {
            r.escaped(k.sheet, row, c, k.sheet.cell(row, c));
        }
    }
    // The columns whose line « à compléter » is said (once a column).
    let mut said: Vec<String> = Vec::new();
    // Lines below the last country that are only « à compléter » (or
    // blank) in another column: left out and said, never a misalignment
    // that would cost the transfers above them.
    for (key, l) in fields
        .iter()
        .map(|f| format!("transfer.{f}"))
        .zip(others.iter_mut())
        .chain(std::iter::once((
            "transfer.instruction".to_string(),
            &mut instructions,
        )))
    {
        let before = l.join("\n");
        while l.len() > countries.len().max(1)
            && l.last()
                .is_some_and(|v| v.trim().is_empty() || r.w.is_todo(v))
        {
            l.pop();
        }
        if l.join("\n") != before {
            let why =
                Msg::new("sheetimport-f14m-todo-line").arg("value", before.replace('\n', " / "));
            r.problem(k.sheet, row, col(&key).unwrap_or(0), why);
            said.push(key);
        }
    }
    // Whether another column has a line `i`, even « à compléter »: the
    // export writes a transfer with an empty country so; a country « à
    // compléter » with no line beside it is the export's « those of the
    // file are not known yet ».
    let line_at = |i: usize| others.iter().chain([&instructions]).any(|l| l.len() > i);
    if countries.is_empty() || (countries.len() == 1 && r.w.is_todo(&countries[0]) && !line_at(0)) {
        return None;
    }
    // « aucun (à confirmer) » alone: none; a controller file marks no
    // field to confirm, so the mark is said (as the authority's layout).
    if let [only] = countries.as_slice() {
        let bare = r.w.strip_mark(only).map(|(v, _)| v);
        if let Some(bare) =
            bare.filter(|b| r.w.is_none(b) || super::authority::is_none_word(b) || lone_none(b))
        {
            let typed = others
                .iter()
                .chain([&instructions])
                .flatten()
                .any(|v| !v.trim().is_empty() && !r.w.is_todo(v));
            if !typed && !bare.trim().is_empty() {
                let why = mark_dropped(only.trim().to_string(), &bare);
                r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
                return Some(Value::Sequence(Vec::new()));
            }
        }
    }
    // « aucun », or another word for none as the authority's layout knows
    // them (« Néant », « N/A », « Sans objet »…): no transfer when nothing
    // else of the transfer is typed; a negation beside a recipient, or
    // beside other countries, contradicts it: said, never a country.
    if countries
        .iter()
        .any(|c| r.w.is_none(c) || super::authority::negated(c))
    {
        let typed: Vec<&String> = others
            .iter()
            .chain(std::iter::once(&instructions))
            .flatten()
            .filter(|l| !l.trim().is_empty() && !r.w.is_todo(l))
            .collect();
        let one = countries.len() == 1
            && (r.w.is_none(&countries[0])
                || super::authority::is_none_word(&countries[0])
                || lone_none(&countries[0]));
        if one && typed.is_empty() {
            return Some(Value::Sequence(Vec::new()));
        }
        // A lone negation that does not read as none (« Non prévu »): no
        // country, and nothing else typed to quote; said as typed.
        if countries.len() == 1 && typed.is_empty() {
            let why = Msg::new("sheetimport-f14m-none-unclear")
                .arg("value", countries[0].trim())
                .arg("kept", Msg::new("todo"));
            r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
            return None;
        }
        let other: Vec<&str> = countries
            .iter()
            .filter(|c| !(r.w.is_none(c) || super::authority::negated(c)))
            .chain(typed)
            .map(|s| s.trim())
            .collect();
        let why = Msg::new("sheetimport-f14j-none-contradicted")
            .arg("value", countries.join(" / "))
            .arg("other", other.join(" / "))
            .arg("kept", Msg::new("todo"));
        r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
        return None;
    }
    // A column with more lines than the countries' is misaligned: its lines
    // cannot be told apart, so the transfers are not read.
    let mut aligned = true;
    for (key, l) in fields
        .iter()
        .map(|f| format!("transfer.{f}"))
        .zip(&others)
        .chain(std::iter::once((
            "transfer.instruction".to_string(),
            &instructions,
        )))
    {
        // A line « à compléter » that is not the last, in a column longer
        // than the countries' (« Microsoft / à compléter / Centre X »
        // beside two countries): the lines are read by position, that line
        // is its transfer's value to complete, said; a line below the last
        // country is a transfer without one (said below).
        if l.len() > countries.len() && l.iter().any(|v| is_todo_line(&r.w, v)) {
            if !said.contains(&key) {
                let why = Msg::new("sheetimport-f14m-todo-line").arg("value", l.join(" / "));
                r.problem(k.sheet, row, col(&key).unwrap_or(0), why);
                said.push(key);
            }
        } else if l.len() > countries.len() {
            aligned = false;
            r.problem(
                k.sheet,
                row,
                col(&key).unwrap_or(0),
                Msg::new("sheetimport-f14-misaligned")
                    .arg("value", l.join(" / "))
                    .arg("lines", l.len())
                    .arg("countries", countries.len()),
            );
        }
    }
    if !aligned {
        return None;
    }
    let mut list = Vec::new();
    // The line of each transfer of `list`.
    let mut placed: Vec<usize> = Vec::new();
    let mut known = true;
    let mut refused = 0;
    // One transfer per line position, across every column, its lines
    // aligned before any line « à compléter » is left out: such a line is
    // its transfer's value to complete, never a shift of the lines below.
    let depth = others
        .iter()
        .chain([&instructions])
        .map(Vec::len)
        .fold(countries.len(), usize::max);
    let at = |l: &[String], i: usize| l.get(i).map_or(String::new(), |v| v.trim().to_string());
    for i in 0..depth {
        let country = &countries.get(i).cloned().unwrap_or_default();
        // A line position blank in every column: nothing typed, no
        // transfer (a blank line between two transfers).
        let typed: Vec<String> = std::iter::once(country.trim().to_string())
            .chain(others.iter().chain([&instructions]).map(|l| at(l, i)))
            .filter(|v| !v.is_empty())
            .collect();
        if typed.is_empty() {
            continue;
        }
        if r.w.is_todo(country) && !line_at(i) {
            known = false;
            continue;
        }
        // A recipient that says none beside a country: contradictory,
        // neither imported, the transfers left « à compléter ».
        if let Some(none) = others[0].get(i).filter(|v| {
            !v.trim().is_empty() && (r.w.is_none(v) || super::authority::is_none_word(v))
        }) {
            let why = Msg::new("sheetimport-f14m-none-recipient")
                .arg("value", none.trim())
                .arg("country", country.trim())
                .arg("kept", Msg::new("todo"));
            r.problem(k.sheet, row, col("transfer.recipient").unwrap_or(0), why);
            return None;
        }
        // Two countries on one line (« États-Unis ; Maroc », `,`, `/`,
        // « et »): one transfer, as typed, said.
        if let Some(sep) = super::authority::country_list(country) {
            let why = Msg::new("sheetimport-f14m-country-list")
                .arg("value", country.trim())
                .arg("sep", sep);
            r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
        } else if !country.trim().is_empty() && !r.w.is_todo(country) {
            // A country that names no state or territory (« Hébergement :
            // France », « Pays : États-Unis », « Dublin »): this layout's
            // column holds the workspace's value, kept as typed, said.
            let bare =
                r.w.strip_mark(country)
                    .map_or_else(|| country.trim().to_string(), |(v, _)| v);
            if !bare.is_empty() && !super::countries::is_country(&bare) {
                let why = Msg::new("sheetimport-f14u-own-country").arg("value", country.trim());
                r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
            }
        }
        // A second `country: recipient` after the recipient (« A ;
        // Tunisie : B », a tab before it): one transfer, as typed, said.
        if let Some((recipient, sep)) = (others[0].get(i))
            .and_then(|v| super::authority::second_transfer(v).map(|sep| (v, sep)))
        {
            let why = Msg::new("sheetimport-f14l-transfer-list")
                .arg("value", recipient.trim())
                .arg("country", country.trim())
                .arg("sep", super::authority::sign(sep));
            r.problem(k.sheet, row, col("transfer.recipient").unwrap_or(0), why);
        }
        if let Some(ins) = instructions.get(i).filter(|s| !s.trim().is_empty()) {
            r.problem(
                k.sheet,
                row,
                col("transfer.instruction").unwrap_or(0),
                Msg::new("sheetimport-instruction-transfer")
                    .arg("value", country.as_str())
                    .arg("instruction", ins.as_str()),
            );
            refused += 1;
            continue;
        }
        let mut t = Mapping::new();
        let mut assumed: Vec<String> = Vec::new();
        for (field, line) in std::iter::once(("country", country.clone())).chain(
            fields
                .iter()
                .zip(&others)
                .map(|(f, l)| (*f, l.get(i).cloned().unwrap_or_default())),
        ) {
            let cell = Cell::text(line.clone());
            let c = col(&format!("transfer.{field}")).unwrap_or(0);
            r.todo_among(k.sheet, row, c, &cell);
            if let Some(typed) = r.w.mark_inside(&cell) {
                let kept = r.w.unmark(&cell).map(|(v, _)| v).unwrap_or_default();
                let why = Msg::new("sheetimport-f14g-mark-inside")
                    .arg("value", typed)
                    .arg("kept", kept);
                r.problem(k.sheet, row, c, why);
            }
            match r.w.unmark(&cell) {
                Some((v, sure)) => {
                    if sure {
                        assumed.push(field.to_string());
                    }
                    // A line that is only the mark (not the export's
                    // « à compléter (à confirmer) »): the flag, said.
                    if sure && v.trim().is_empty() && r.w.only_mark(&line) {
                        let why = Msg::new("sheetimport-f14u-mark-only").arg("value", line.trim());
                        r.problem(k.sheet, row, c, why);
                    }
                    if !v.trim().is_empty() || matches!(field, "country" | "recipient") {
                        t.insert(field.into(), item(&v).into());
                    }
                }
                None if matches!(field, "country" | "recipient") => {
                    t.insert(field.into(), "".into());
                }
                None => {}
            }
        }
        // A transfer with no country or no recipient (blank, « à
        // compléter », or no line there): imported, what is missing to
        // complete, said (unless the export wrote its own words there: the
        // round trip of `country: ""` and `recipient: ""`), at the
        // country's cell.
        let exported = |v: &str| r.w.todo.iter().any(|t| t == v.trim());
        let recipient = at(&others[0], i);
        let empty = |f: &str| {
            t.get(f)
                .is_none_or(|v| settle::text_of(v).trim().is_empty())
        };
        let (no_country, no_recipient) = (empty("country"), empty("recipient"));
        let said_country = no_country && !exported(country);
        let said_recipient = no_recipient && !exported(&recipient);
        let why = if no_country && no_recipient && (said_country || said_recipient) {
            Some(Msg::new("sheetimport-f14r-no-country-recipient").arg("value", typed.join(" / ")))
        } else if said_country {
            let quoted = if country.trim().is_empty() {
                typed.join(" / ")
            } else {
                country.trim().to_string()
            };
            Some(Msg::new("sheetimport-f14m-no-country").arg("value", quoted))
        } else if said_recipient {
            Some(Msg::new("sheetimport-f14j-no-recipient").arg("value", country.as_str()))
        } else {
            None
        };
        // At the cell of the value it quotes: the country's, or else the
        // first column that has one on this line.
        let quoted_at = if country.trim().is_empty() {
            fields
                .iter()
                .zip(&others)
                .find(|(_, l)| !at(l, i).is_empty())
                .and_then(|(f, _)| col(&format!("transfer.{f}")))
        } else {
            col("transfer.country")
        };
        if let Some(why) = why {
            r.problem(k.sheet, row, quoted_at.unwrap_or(0), why);
        }
        list.push(Value::Mapping(with_confirm(t, assumed)));
        placed.push(i);
    }
    // One line of a per-transfer column beside several transfers: it is
    // the first's (its line), never given to the others; said.
    if list.len() > 1 && placed.first() == Some(&0) {
        for (f, l) in fields.iter().zip(&others).skip(1) {
            if let [one] = l.as_slice() {
                if !one.trim().is_empty() && !r.w.is_todo(one) {
                    let why = Msg::new("sheetimport-f14r-one-line")
                        .arg("value", one.trim())
                        .arg("transfers", list.len())
                        .arg("first", countries[0].trim());
                    r.problem(
                        k.sheet,
                        row,
                        col(&format!("transfer.{f}")).unwrap_or(0),
                        why,
                    );
                }
            }
            // Fewer lines than transfers, more than one: read in order,
            // the last transfers have none; said.
            let typed = l.iter().any(|v| !v.trim().is_empty() && !r.w.is_todo(v));
            if l.len() > 1 && l.len() < list.len() && typed {
                let why = Msg::new("sheetimport-f14w-fewer-lines")
                    .arg(
                        "value",
                        l.iter().map(|v| v.trim()).collect::<Vec<_>>().join(" / "),
                    )
                    .arg("lines", l.len())
                    .arg("transfers", list.len());
                r.problem(
                    k.sheet,
                    row,
                    col(&format!("transfer.{f}")).unwrap_or(0),
                    why,
                );
            }
        }
    }
    // Every transfer left out: the transfers are not known (never « aucun »).
    if list.is_empty() && refused > 0 {
        r.problem(
            k.sheet,
            row,
            col("transfer.country").unwrap_or(0),
            Msg::new("sheetimport-f14f-transfers-left")
                .arg("value", countries.join(" / "))
                .arg("kept", Msg::new("todo")),
        );
        return None;
    }
    // A country line « à compléter » with nothing beside it, below
    // transfers read: those are kept, the line said (it is no transfer);
    // alone, the transfers of the file are not known (the export's words).
    if !known && !list.is_empty() {
        let why = Msg::new("sheetimport-f14m-todo-line").arg("value", countries.join(" / "));
        r.problem(k.sheet, row, col("transfer.country").unwrap_or(0), why);
        known = true;
    }
    known.then_some(Value::Sequence(list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::Workbook;

    fn load(rel: &str) -> crate::workspace::Workspace {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
        crate::workspace::load(&src).unwrap()
    }

    fn sample() -> crate::workspace::Workspace {
        load("tests/fixtures/juvisy-workspace")
    }

    /// The workbook as the reader gives it: the header row, then the rows.
    fn as_read(wb: &Workbook) -> Vec<ReadSheet> {
        wb.sheets
            .iter()
            .map(|s| ReadSheet {
                name: s.name.clone(),
                rows: std::iter::once(
                    s.columns
                        .iter()
                        .map(|c| Cell::Text(c.header.clone()))
                        .collect(),
                )
                .chain(s.rows.iter().cloned())
                .collect(),
                ..ReadSheet::default()
            })
            .collect()
    }

    fn round_trip(lang: Lang, ws: crate::workspace::Workspace) {
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let req = crate::register::RegisterRequest {
            controllers: None,
            now,
        };
        let reg = crate::register::build(&ws, &req).unwrap();
        let wb = sheets::workbook(&reg, &Catalog::of(lang), now);
        let out = import(&as_read(&wb), Lang::Fr).expect("dpo's own layout");
        assert_eq!(out.problems, vec![], "{lang:?}");
        assert_eq!(out.processor.as_ref(), Some(&ws.processor));
        let controllers: Vec<(Id, Controller)> = out
            .controllers
            .iter()
            .map(|(id, v)| (id.clone(), serde_yaml::from_value(v.clone()).unwrap()))
            .collect();
        assert_eq!(controllers, ws.controllers);
        assert_eq!(out.measures, ws.measures);
        let used: Vec<&SubProcessor> = reg.subprocessors.iter().map(|s| s.subprocessor).collect();
        assert_eq!(out.subprocessors.iter().collect::<Vec<_>>(), used);
    }

    #[test]
    fn the_french_export_reads_back_to_the_same_records() {
        round_trip(Lang::Fr, sample());
        // The sample of registers/, with its assumptions to confirm.
        round_trip(Lang::Fr, load("registers"));
    }

    #[test]
    fn transfers_renewals_and_assumed_values_read_back() {
        let mut ws = load("registers");
        let c = &mut ws.controllers[0].1;
        c.convention.renewals = vec![crate::model::Renewal {
            decided_on: chrono::NaiveDate::from_ymd_opt(2021, 6, 15).unwrap(),
            reference: Some("délibération n° 12, du 15 juin".into()),
            months: 6,
        }];
        c.transfers = Some(vec![
            serde_yaml::from_str(
                "country: Suisse\nrecipient: Hébergeur\nsafeguards: décision d'adéquation\n\
                 to_confirm: [recipient]\n",
            )
            .unwrap(),
            serde_yaml::from_str(
                "country: États-Unis\nrecipient: Éditeur\npurpose: assistance\n\
                 legal_basis: art. 46\nsafeguards: clauses types\n",
            )
            .unwrap(),
        ]);
        round_trip(Lang::Fr, ws);
        let mut ws = load("registers");
        ws.controllers[0].1.transfers = Some(vec![]);
        round_trip(Lang::En, ws);
    }

    #[test]
    fn empty_transfers_beside_real_ones_read_back_silently() {
        for lang in [Lang::Fr, Lang::En] {
            let mut ws = load("registers");
            let empty = || serde_yaml::from_str("country: ''\nrecipient: ''\n").unwrap();
            ws.controllers[0].1.transfers = Some(vec![
                empty(),
                serde_yaml::from_str(
                    "country: Suisse\nrecipient: Hébergeur\nsafeguards: décision d'adéquation\n",
                )
                .unwrap(),
                empty(),
            ]);
            round_trip(lang, ws);
        }
    }

    #[test]
    fn the_english_export_reads_back_to_the_same_records() {
        round_trip(Lang::En, sample());
    }

    /// The sample's French register workbook.
    fn french_book() -> Workbook {
        let ws = sample();
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let req = crate::register::RegisterRequest {
            controllers: None,
            now,
        };
        let reg = crate::register::build(&ws, &req).unwrap();
        sheets::workbook(&reg, &Catalog::of(Lang::Fr), now)
    }

    #[test]
    fn a_transfer_column_with_more_lines_than_countries_is_reported_not_read() {
        let mut wb = french_book();
        let s = &mut wb.sheets[2];
        let at = |key: &str| s.columns.iter().position(|c| c.key == key).unwrap();
        let (country, purpose) = (at("transfer.country"), at("transfer.purpose"));
        for row in &mut s.rows {
            row[country] = Cell::text("Suisse\nCanada");
            row[purpose] = Cell::text("support\n24/7\nassistance");
        }
        let out = import(&as_read(&wb), Lang::Fr).unwrap();
        let ids: Vec<&str> = out.problems.iter().map(|p| p.why.id).collect();
        assert_eq!(ids, ["sheetimport-f14-misaligned"], "{:?}", out.problems);
        assert_eq!(out.problems[0].column, Some(purpose + 1));
        assert!(out.controllers[0]
            .1
            .get("transfers")
            .is_none_or(Value::is_null));
    }

    #[test]
    fn an_unknown_measure_name_is_reported_where_it_stands() {
        let mut wb = french_book();
        let col = wb.sheets[2]
            .columns
            .iter()
            .position(|c| c.key == "activity.security_measures")
            .unwrap();
        wb.sheets[2].rows[0][col] = Cell::text("Mesure inconnue");
        let out = import(&as_read(&wb), Lang::Fr).unwrap();
        assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
        let p = &out.problems[0];
        assert_eq!((p.row, p.column), (2, Some(col + 1)));
        assert_eq!(p.why.id, "sheetimport-unknown-name");
    }
}
