//! Texts a record needs — a title, a summary, a reason — which are never
//! empty: the one check, and the refusal that says what to type; and the
//! one way typed words are compared without case, accents or extra spaces
//! ([`folded`]); the one list of the words for a value still to give
//! ([`is_todo`]); and what a phone number looks like ([`is_phone`], with
//! its extension: [`is_phone_with_extension`]), which the sheet import and
//! `dpo check` share.

use crate::render::catalog::{Msg, Told};

/// A required text is empty (or only white space).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.told())]
pub struct EmptyText {
    /// What was empty: the option, or the field.
    pub what: &'static str,
    /// An example of what to type.
    pub hint: String,
}

impl EmptyText {
    /// What the refusal says, as catalog messages (the example, given by
    /// the caller, kept as it is).
    pub fn told(&self) -> Told {
        Told::new(Msg::new("errors-empty-text").arg("what", self.what))
            .hint(Msg::text(self.hint.as_str()))
    }
}

crate::render::catalog::told_localize!(EmptyText);

/// `v` without its surrounding white space, or the refusal naming `what`
/// with `hint` as an example.
pub fn required_text(v: &str, what: &'static str, hint: &str) -> Result<String, EmptyText> {
    let v = v.trim();
    if v.is_empty() {
        return Err(EmptyText {
            what,
            hint: hint.to_string(),
        });
    }
    Ok(v.to_string())
}

/// `s` compared without case, accents or extra spaces: Unicode NFD, its
/// combining marks left out, white space of any kind one space, trimmed,
/// lower case (« NÉANT » and « Ne\u{301}ant » are « neant »). The one
/// folding of typed words the workspace checks and the sheet import share.
pub fn folded(s: &str) -> String {
    let mut out = Folding::new(s.len());
    for c in s.to_lowercase().chars() {
        out.decomposed(c, |d| if d.is_whitespace() { None } else { Some(d) });
    }
    out.done()
}

/// A folded text being written, in one pass: each character decomposed
/// (Unicode canonical decomposition, as NFD gives it), its combining marks
/// left out, what `keep` turns into no character a separator; separators
/// in a row one space, none at either end. Canonical reordering, which NFD
/// adds, only moves the combining marks left out here.
struct Folding {
    out: String,
    gap: bool,
}

impl Folding {
    fn new(len: usize) -> Self {
        Folding {
            out: String::with_capacity(len),
            gap: false,
        }
    }

    fn decomposed(&mut self, c: char, keep: impl Fn(char) -> Option<char>) {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        let mut push = |d: char| match keep(d) {
            Some(k) => {
                if self.gap && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.gap = false;
                self.out.push(k);
            }
            None => self.gap = true,
        };
        if c.is_ascii() {
            push(c);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    push(d);
                }
            });
        }
    }

    fn done(self) -> String {
        self.out
    }
}

/// A name as it is compared to another: Unicode NFC, its invisible
/// characters ([`is_invisible`]) left out, its apostrophes one
/// (’ ‘ ʼ are '), its white space of any kind (a no-break space typed by
/// a spreadsheet) one space, trimmed; case and accents count. The sheet
/// export adds a record's id to a name another record shares in this
/// sense, and the import compares names so.
pub fn name_key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s
        .nfc()
        .filter(|c| !is_invisible(*c))
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of `v` that show nothing ([`is_invisible`]), as their
/// code points (« U+200B, U+00AD »), and `v` without them: what a report
/// shows of an invisible difference.
pub fn invisible_of(v: &str) -> (String, String) {
    let codes: Vec<String> = v
        .chars()
        .filter(|c| is_invisible(*c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    let shown = v.chars().filter(|c| !is_invisible(*c)).collect();
    (codes.join(", "), shown)
}

/// True for a character that shows nothing: a control character (but a
/// tab and the line ends), a zero-width or format character, a
/// bidirectional control, a variation selector, a filler — Unicode's
/// default-ignorable code points. A name made with one looks like another
/// name, or like no name.
pub fn is_invisible(c: char) -> bool {
    // Below the soft hyphen (ASCII, most of Latin-1): the controls only; a
    // test on every character of every cell an import reads, kept to two
    // comparisons for the usual ones.
    if c < '\u{ad}' {
        return (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            || (('\u{7f}'..='\u{9f}').contains(&c) && c != '\u{85}');
    }
    matches!(c,
            '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}')
}

/// `v`'s words as a value still to give is looked for in it: its
/// invisible characters left out, [`folded`] (no case, no accents), each
/// sign that is no letter or digit (punctuation, brackets, quotes, dashes)
/// a space.
pub fn bare_words(v: &str) -> String {
    let mut out = Folding::new(v.len());
    let lower = if v.chars().any(is_invisible) {
        let seen: String = v.chars().filter(|c| !is_invisible(*c)).collect();
        seen.to_lowercase()
    } else {
        v.to_lowercase()
    };
    for c in lower.chars() {
        out.decomposed(c, |d| d.is_alphanumeric().then_some(d));
    }
    out.done()
}

/// The words a doubt is typed with, in either language, as [`bare_words`]
/// gives them: the register's own « à confirmer » / "to be confirmed"
/// and « à vérifier » / "to be verified" / "to be checked", and "TBC"
/// (alone, "TBC" is also a value to give, [`is_todo`]). The sheet
/// import reads them as the « (à confirmer) » mark; `dpo check` warns on
/// a name that ends with them ([`ends_in_doubt`]).
pub const DOUBT_WORDS: [&str; 6] = [
    "a confirmer",
    "to be confirmed",
    "tbc",
    "a verifier",
    "to be verified",
    "to be checked",
];

/// Whether `name` ends with a doubt (« Acme (?) », « Acme (à vérifier) »,
/// « Acme [à confirmer] », « Acme à confirmer »): the shapes the sheet
/// import reads as the « (à confirmer) » mark, which a spreadsheet round
/// trip would take out of the name.
pub fn ends_in_doubt(name: &str) -> bool {
    without_doubt(name).len() < name.trim_end().len()
}

/// The name and id of a label `name (id)`, as the sheet export writes a
/// name that alone would not say which record it is (and the import reads
/// it back): `None` for a text of another shape.
pub fn split_label(text: &str) -> Option<(&str, &str)> {
    let (name, id) = text.trim().strip_suffix(')')?.rsplit_once(" (")?;
    Some((name, id.trim()))
}

/// Whether `line` is only a doubt, as the end of a text would be one
/// ([`without_doubt`]): « à confirmer », « (?) », « [à vérifier] ».
pub fn is_only_doubt(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && without_doubt(&format!("x {t}")) == "x"
}

/// `name` without the doubt it ends with ([`ends_in_doubt`]), trimmed
/// (« Acme (?) » is « Acme »); `name` trimmed when it ends with none: the
/// name as the sheet import reads it back.
pub fn without_doubt(name: &str) -> &str {
    let t = name.trim_end();
    let bracket = [('(', ')'), ('[', ']')]
        .into_iter()
        .find_map(|(open, shut)| {
            let body = t.strip_suffix(shut)?;
            let at = body.rfind(open)?;
            Some((&body[..at], &body[at + open.len_utf8()..]))
        });
    if let Some((before, inner)) = bracket {
        let signs = inner.trim();
        let doubt = (!signs.is_empty() && signs.chars().all(|c| c == '?'))
            || DOUBT_WORDS.contains(&bare_words(inner).as_str());
        return if doubt && before.chars().any(char::is_alphanumeric) {
            before.trim_end()
        } else {
            t
        };
    }
    let bare = bare_words(t);
    DOUBT_WORDS
        .iter()
        .find(|w| bare.len() > w.len() && bare.ends_with(&format!(" {w}")))
        .and_then(|w| words_end(t, w))
        .map_or(t, |cut| t[..cut].trim_end_matches(is_separator))
}

/// A sign that parts a value from the words typed after it: a space, a
/// dash, `,`, `;`, `:` or `/` (« Messagerie - à confirmer »).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || "-–—,;:/".contains(c)
}

/// Where the end of `line` that is only the words `w` (as [`bare_words`]
/// gives them) starts, with the separators before them: the longest such
/// end that starts at a separator or at a word after one, so that what
/// the words follow stays whole (« M. Dupont (DGS) à confirmer » is cut
/// after « (DGS) », « C++ à confirmer » after « C++ », « 100 % à
/// confirmer » after « % »); `None` when no such end.
pub fn words_end(line: &str, w: &str) -> Option<usize> {
    line.char_indices().map(|(i, _)| i).find(|&i| {
        let (head, tail) = line.split_at(i);
        let boundary = tail.starts_with(is_separator) || head.ends_with(is_separator);
        boundary
            && tail
                .trim_start_matches(is_separator)
                .starts_with(char::is_alphanumeric)
            && head.chars().any(char::is_alphanumeric)
            && bare_words(tail) == w
    })
}

/// The words people type for a value still to give, in either language,
/// as [`bare_words`] gives them: THE one list, which the sheet import
/// (no value), `dpo check` (a warning) and the records (never a fact)
/// share. The words for none (« aucun », « néant », « N/A ») are not in
/// it: in a list or a transfers column they mean an empty list.
const TODO_WORDS: [&str; 13] = [
    "a completer",
    "acompleter",
    "a renseigner",
    "a definir",
    "a preciser",
    "a remplir",
    "to be completed",
    "to complete",
    "to be defined",
    "to be determined",
    "todo",
    "to do",
    "tbd",
];

/// Words that alone say a state, not a value: a value still to give
/// (« Inconnu », « En cours », « À venir », "Pending", "TBA"). Only a
/// value that is nothing else is one ([`is_todo`]); among other words
/// they say something (« chiffrement en cours de déploiement »).
const STATE_WORDS: [&str; 11] = [
    "inconnu",
    "inconnue",
    "inconnus",
    "inconnues",
    "unknown",
    "en cours",
    "a venir",
    "en attente",
    "pending",
    "tba",
    "tbs",
];

/// Whether `v` is only the words for a value still to give
/// ([`TODO_WORDS`]: « à compléter », « À renseigner », « à définir »,
/// "TODO", "TBD", "TBC", "TO COMPLETE"…), whatever their case, accents, and the
/// quotes, brackets or punctuation around them (`(à compléter)`, `À
/// Compléter.`); or only signs standing for one: question marks, dots or
/// an ellipsis (`?`, `…`), a row of x (`xxx`).
pub fn is_todo(v: &str) -> bool {
    todo_bare(v, &bare_words(v))
}

/// [`is_todo`] of `v`, whose [`bare_words`] are `b`.
fn todo_bare(v: &str, b: &str) -> bool {
    // "TBC" alone gives no value; in brackets (« (TBC) », « CCT (TBC) »)
    // it is the doubt of [`DOUBT_WORDS`], not a value to give.
    if TODO_WORDS.contains(&b)
        || STATE_WORDS.contains(&b)
        || (b == "tbc" && !v.contains(['(', '[']))
    {
        return true;
    }
    // A list's bullet before them (« - ? »): the same.
    let t = v.trim_start();
    let v = match t.chars().next() {
        Some(c) if "-•*–—·".contains(c) && t[c.len_utf8()..].starts_with(char::is_whitespace) => {
            &t[c.len_utf8()..]
        }
        _ => v,
    };
    let mut signs = v
        .chars()
        .filter(|c| !is_invisible(*c) && !c.is_whitespace())
        .peekable();
    (signs.peek().is_some() && signs.all(|c| matches!(c, '?' | '.' | '…')))
        || (b.len() >= 3 && b.chars().all(|c| c == 'x'))
}

/// Whether `v` holds the words for a value still to give
/// ([`TODO_WORDS`], a row of x) among other words (« A compléter
/// (adresse) », « Rue X — à renseigner »), as whole words, in any case,
/// accents or punctuation; not when it is only them ([`is_todo`]).
pub fn holds_todo(v: &str) -> bool {
    let b = bare_words(v);
    if todo_bare(v, &b) {
        return false;
    }
    // `t` in `b` as whole words: a space or an end on either side.
    let has = |t: &str| {
        b.match_indices(t).any(|(i, _)| {
            let end = i + t.len();
            (i == 0 || b[..i].ends_with(' ')) && (end == b.len() || b[end..].starts_with(' '))
        })
    };
    TODO_WORDS.iter().any(|t| has(t))
        || b.split(' ')
            .any(|w| w.len() >= 3 && w.chars().all(|c| c == 'x'))
}

/// True when `v` says nothing: empty (invisible characters aside), or the
/// words for a value still to give ([`is_todo`]: « à compléter », "to be
/// completed", "TODO"…), or « à confirmer », or the words for no value or
/// no one ("null", "~", "n/a", "anonymous"…), typed as if they were a
/// value. A certificate must not state that « à compléter » validated a
/// destruction.
pub fn is_placeholder(v: &str) -> bool {
    if is_todo(v) {
        return true;
    }
    let v: String = v.chars().filter(|c| !is_invisible(*c)).collect();
    let v = v
        .trim()
        .trim_matches(|c: char| "[]()*«»\"'“”‹› \u{a0}\u{202f}".contains(c))
        .to_lowercase();
    let v = v.replace(['é', 'è'], "e").replace('à', "a");
    matches!(
        v.as_str(),
        "" | "a confirmer"
            | "to be confirmed"
            | "-"
            | "inconnu"
            | "unknown"
            | "null"
            | "~"
            | "n/a"
            | "n.a."
            | "anonymous"
            | "anonyme"
            | "nobody"
    )
}

/// Whether a line is a phone number followed by its extension
/// (« 01 23 45 67 89 poste 12 », « … ext. 12 »): one phone, as typed.
pub fn is_phone_with_extension(line: &str) -> bool {
    let end = line
        .find(|c: char| !(c.is_ascii_digit() || c.is_whitespace() || "+.-/()".contains(c)))
        .unwrap_or(line.len());
    let (number, rest) = line.split_at(end);
    let rest = folded(rest);
    let Some(n) = ["poste", "extension", "ext"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return false;
    };
    let n = n.trim_start_matches(['.', ':', ' ']);
    is_phone(number) && !n.is_empty() && n.len() <= 6 && n.chars().all(|c| c.is_ascii_digit())
}

/// Whether a line is a phone number: digits (at least six), with only
/// the signs people write in one (spaces, `+`, `.`, `-`, `/`, brackets).
pub fn is_phone(line: &str) -> bool {
    line.chars().filter(char::is_ascii_digit).count() >= 6
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "+.-/()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::{ends_in_doubt, folded, is_only_doubt, is_placeholder, split_label};

    #[test]
    fn a_label_is_a_name_and_an_id_in_brackets_at_its_end() {
        assert_eq!(split_label("Chiffre (cida)"), Some(("Chiffre", "cida")));
        assert_eq!(split_label(" Chiffre (a) (b) "), Some(("Chiffre (a)", "b")));
        assert_eq!(split_label("Chiffre"), None);
        assert_eq!(split_label("(cida)"), None);
    }

    #[test]
    fn a_line_that_is_only_a_doubt_is_one_and_a_name_before_it_is_not() {
        for only in [
            "à confirmer",
            "(?)",
            "[à vérifier]",
            " A CONFIRMER ",
            "(à confirmer)",
        ] {
            assert!(is_only_doubt(only), "{only}");
        }
        for not in ["", "Jean à confirmer", "Acme (?)", "confirmer", "?"] {
            assert!(!is_only_doubt(not), "{not}");
        }
    }

    #[test]
    fn a_name_ends_in_doubt_in_the_shapes_the_import_reads_as_the_mark() {
        for name in [
            "Acme (?)",
            "Acme (??)",
            "Acme (à vérifier)",
            "Acme [à confirmer]",
            "Acme à confirmer",
            "Acme - to be checked",
        ] {
            assert!(ends_in_doubt(name), "{name}");
            assert_eq!(super::without_doubt(name), "Acme", "{name}");
        }
        for name in [
            "Acme",
            "(?)",
            "à confirmer",
            "Acme (Paris)",
            "Acme ?",
            "Confirmer SA",
        ] {
            assert!(!ends_in_doubt(name), "{name}");
        }
    }

    #[test]
    fn folding_leaves_out_case_accents_and_extra_spaces() {
        assert_eq!(folded("  NÉANT "), "neant");
        assert_eq!(folded("Ne\u{301}ant\u{a0} Sans  objet"), "neant sans objet");
        assert_eq!(folded("À Compléter"), "a completer");
    }

    #[test]
    fn the_words_for_unknown_are_no_value() {
        for v in [
            "",
            "  ",
            "à compléter",
            "« à compléter »",
            "*À compléter*",
            "[to be completed]",
            "a completer",
            "TODO",
            "à confirmer",
        ] {
            assert!(is_placeholder(v), "{v:?}");
        }
        for v in ["Carole Dupont", "à compléter par Carole", "détruit", "none"] {
            assert!(!is_placeholder(v), "{v:?}");
        }
        // One list of the words for a value still to give (review 14h, 7).
        for v in [
            "À renseigner",
            "à définir",
            "à préciser",
            "TODO",
            "TBD",
            "xxx",
            "?",
            "…",
            "...",
            "àcompléter",
            "TO COMPLETE",
            "(À RENSEIGNER)",
        ] {
            assert!(super::is_todo(v), "{v:?}");
            assert!(is_placeholder(v), "{v:?}");
            assert!(!super::holds_todo(v), "{v:?}");
        }
        for v in ["aucun", "Néant", "N/A", "-", "x", "Maxxx", "3DES", "Rue X"] {
            assert!(!super::is_todo(v), "{v:?}");
        }
        for v in [
            "Rue xxx",
            "Adresse à renseigner",
            "TODO: vérifier",
            "à compléter par Carole",
        ] {
            assert!(super::holds_todo(v), "{v:?}");
        }
        for v in [
            "null",
            "NULL",
            "~",
            "n/a",
            "N/A",
            "anonymous",
            "-",
            "\u{200b}",
            "\u{200b}unknown\u{feff}",
        ] {
            assert!(is_placeholder(v), "{v:?}");
        }
        for c in [
            '\u{200b}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{202e}',
            '\u{ad}',
            '\u{e0041}',
        ] {
            assert!(super::is_invisible(c), "{c:?}");
        }
        for c in ['a', 'é', ' ', '\u{a0}', '-', '’'] {
            assert!(!super::is_invisible(c), "{c:?}");
        }
        // Every range's two ends are in it, the characters beside them out.
        for (a, b) in [
            (0xad, 0xad),
            (0x34f, 0x34f),
            (0x61c, 0x61c),
            (0x115f, 0x1160),
            (0x17b4, 0x17b5),
            (0x180b, 0x180f),
            (0x200b, 0x200f),
            (0x202a, 0x202e),
            (0x2060, 0x206f),
            (0x3164, 0x3164),
            (0xfe00, 0xfe0f),
            (0xfeff, 0xfeff),
            (0xffa0, 0xffa0),
            (0xfff0, 0xfff8),
            (0x1bca0, 0x1bca3),
            (0x1d173, 0x1d17a),
            (0xe0000, 0xe0fff),
        ] {
            let c = |n: u32| char::from_u32(n).unwrap();
            assert!(
                super::is_invisible(c(a)) && super::is_invisible(c(b)),
                "{a:x}"
            );
            assert!(
                !super::is_invisible(c(a - 1)) && !super::is_invisible(c(b + 1)),
                "{a:x}"
            );
        }
    }
}
