//! Typography of the documents: the one place that turns the plain spaces
//! and numbers a template writes into what a typesetter would print.
//!
//! In every language: a no-break space after "§" and after "n°", and no break
//! inside a phone number or a number with grouped digits ("01 63 12 44 12",
//! "200 058 014"), so that the line breaker of the PDF (which never breaks at
//! U+00A0 or U+202F) keeps them whole. In French also: a narrow no-break space
//! (U+202F) before « : ; ! ? » and inside « », "art. 28, § 4" for "art.
//! 28(4)", and "une fois", "un mois" for "1 fois", "1 mois" (other
//! units are left as written: a value may quote an act, "1 jour").
//!
//! [`apply`] is idempotent and leaves alone what is not prose: code spans and
//! fenced code blocks of Markdown, addresses (`https://…`, `a@b.fr`), times
//! such as 10:00, and Markdown syntax (table rules `|:--|`, escapes).

use crate::model::Lang;

/// No-break space.
pub const NBSP: char = '\u{A0}';
/// Narrow no-break space (French: before « : ; ! ? », inside « », between
/// groups of digits).
pub const NNBSP: char = '\u{202F}';

/// Whether `c` separates words: white space, but not a no-break space
/// (French uses U+202F before `:` and inside `« »`), which a line breaker
/// never breaks at and a flattening of white space keeps.
pub fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, NBSP | NNBSP | '\u{2007}')
}

/// `text` on one line: each run of breaking white space (line breaks
/// included) is one space; no-break spaces are kept as they are.
pub fn one_line(text: &str) -> String {
    text.split(is_break_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with the typography of `lang`.
pub fn apply(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut fenced = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            out.push_str(line);
            continue;
        }
        if fenced {
            out.push_str(line);
            continue;
        }
        // Code spans are kept as they are; the text between them is prose.
        for (k, part) in line.split('`').enumerate() {
            if k > 0 {
                out.push('`');
            }
            if k % 2 == 1 {
                out.push_str(part);
            } else {
                out.push_str(&prose(lang, part));
            }
        }
    }
    out
}

/// The French typography of a line of prose (no code span in it).
fn prose(lang: Lang, text: &str) -> String {
    let words = text.split(' ').collect::<Vec<_>>();
    // Addresses and links are words left exactly as they are.
    let literal: Vec<bool> = words
        .iter()
        .map(|w| {
            w.contains("://")
                || w.contains('@')
                || w.starts_with("mailto:")
                // A path, "breaches/2021-001.yaml:12:3".
                || (w.contains('/') && w.contains('.'))
        })
        .collect();
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    let mut lit: Vec<bool> = Vec::with_capacity(text.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            chars.push(' ');
            lit.push(false);
        }
        for c in w.chars() {
            chars.push(c);
            lit.push(literal[i]);
        }
    }
    let fr = lang == Lang::Fr;
    let mut out: Vec<char> = Vec::with_capacity(chars.len() + 8);
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if lit[i] {
            out.push(c);
            i += 1;
            continue;
        }
        let next = chars.get(i + 1).copied();
        match c {
            // In English too: a French value (the workspace's text) keeps
            // its spacing, bound; only French gets a space where none is.
            ':' | ';' | '!' | '?' if ends_clause(next) => {
                // A backslash escaping the mark belongs with it.
                let at = if out.last() == Some(&'\\') {
                    out.len() - 1
                } else {
                    out.len()
                };
                match at.checked_sub(1).map(|p| out[p]) {
                    Some(' ') | Some(NBSP) => out[at - 1] = NNBSP,
                    Some(p)
                        if fr && (p.is_alphanumeric() || matches!(p, ')' | '*' | '_' | '»')) =>
                    {
                        out.insert(at, NNBSP)
                    }
                    _ => {}
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                match next {
                    Some(' ') | Some(NBSP) => {
                        i += 1;
                        out.push(NNBSP);
                    }
                    Some(NNBSP) => {}
                    _ if fr => out.push(NNBSP),
                    _ => {}
                }
            }
            '»' => {
                match out.last().copied() {
                    Some(' ') | Some(NBSP) => {
                        out.pop();
                        out.push(NNBSP);
                    }
                    Some(NNBSP) | None => {}
                    Some(_) if fr => out.push(NNBSP),
                    Some(_) => {}
                }
                out.push(c);
            }
            '§' => {
                out.push(c);
                match next {
                    Some(' ') => {
                        out.push(NBSP);
                        i += 1;
                    }
                    Some(d) if d.is_alphanumeric() => out.push(NBSP),
                    _ => {}
                }
            }
            '°' if matches!(out.last(), Some('n') | Some('N'))
                && !out
                    .get(out.len().wrapping_sub(2))
                    .is_some_and(|p| p.is_alphanumeric()) =>
            {
                out.push(c);
                // A reference written "n°2021-01-26_2209" is quoted as it is.
                if next == Some(' ') {
                    out.push(NBSP);
                    i += 1;
                }
            }
            ' ' if digit_before(&out) && digits_after(&chars, i + 1).is_some() => {
                // Inside a number or a phone number: never a line break. Three
                // digits after the space are a thousands group.
                let len = digits_after(&chars, i + 1).unwrap_or(0);
                out.push(if len == 3 && fr { NNBSP } else { NBSP });
            }
            '1' if fr && !out.last().is_some_and(|p| p.is_alphanumeric() || *p == ',') => {
                match unit_after(&chars, i + 1) {
                    Some(word) => {
                        out.extend(word.chars());
                    }
                    None => out.push(c),
                }
            }
            'a' if fr && at_article(&chars, i) => {
                // "art. 28(4)" → "art. 28, § 4"; "art. 30.2" → "art. 30, § 2".
                let (text, used) = article(&chars, i);
                out.extend(text.chars());
                i += used;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// A mark followed by this ends a clause (not `10:00`, not `?tls=`).
fn ends_clause(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '*' | '_' | ')' | '|' | '»' | '<' | '"'),
    }
}

fn digit_before(out: &[char]) -> bool {
    let Some(last) = out.last() else { return false };
    if !last.is_ascii_digit() {
        return false;
    }
    // The group before the space is at most four digits (not a year-like
    // reference glued to letters, such as "RGPD2016").
    let run = out.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let before = out.len() - run;
    run <= 4 && (before == 0 || !out[before - 1].is_alphabetic())
}

/// The length of a group of digits starting at `from` that ends a number
/// (followed by no letter), if there is one.
fn digits_after(chars: &[char], from: usize) -> Option<usize> {
    let run = chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = chars.get(from + run);
    ((2..=5).contains(&run) && !after.is_some_and(|c| c.is_alphabetic() || *c == ':'))
        .then_some(run)
}

/// "un mois", "une fois"… for a "1" at `chars[from - 1]` before that unit.
fn unit_after(chars: &[char], from: usize) -> Option<&'static str> {
    if chars.get(from) != Some(&' ') && chars.get(from) != Some(&NBSP) {
        return None;
    }
    let rest: String = chars[from + 1..]
        .iter()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let article = match rest.as_str() {
        "fois" => "une",
        "mois" => "un",
        _ => return None,
    };
    Some(article)
}

/// "art. " followed by a number with a paragraph, at `i`.
fn at_article(chars: &[char], i: usize) -> bool {
    let starts = chars[i..].starts_with(&['a', 'r', 't', '.']);
    let alone = i == 0 || !chars[i - 1].is_alphanumeric();
    starts && alone && article(chars, i).1 > 0
}

/// The rewritten article reference at `i` and how many characters it takes,
/// or `(_, 0)` when it has no paragraph to rewrite.
fn article(chars: &[char], i: usize) -> (String, usize) {
    let mut j = i + 4;
    if matches!(chars.get(j), Some(' ') | Some(&NBSP)) {
        j += 1;
    }
    let num_start = j;
    while chars.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if j == num_start {
        return (String::new(), 0);
    }
    let number: String = chars[num_start..j].iter().collect();
    let para = |from: usize, open: char, close: Option<char>| -> Option<(String, usize)> {
        if chars.get(from) != Some(&open) {
            return None;
        }
        let mut k = from + 1;
        while chars.get(k).is_some_and(char::is_ascii_digit) {
            k += 1;
        }
        if k == from + 1 {
            return None;
        }
        let p: String = chars[from + 1..k].iter().collect();
        match close {
            Some(cl) if chars.get(k) == Some(&cl) => Some((p, k + 1)),
            Some(_) => None,
            None if !chars
                .get(k)
                .is_some_and(|c| c.is_alphanumeric() || *c == '.') =>
            {
                Some((p, k))
            }
            None => None,
        }
    };
    let Some((p, mut end)) = para(j, '(', Some(')')).or_else(|| para(j, '.', None)) else {
        return (String::new(), 0);
    };
    let mut text = format!("art.{NBSP}{number}, §{NBSP}{p}");
    // "art. 33(3)(a)" → "art. 33, § 3, a)".
    if chars.get(end) == Some(&'(')
        && chars.get(end + 1).is_some_and(char::is_ascii_lowercase)
        && chars.get(end + 2) == Some(&')')
    {
        text.push_str(&format!(", {})", chars[end + 1]));
        end += 3;
    }
    (text, end - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each `(input, typeset)` pair, in `lang`.
    fn cases(lang: Lang, pairs: &[(&str, &str)]) {
        for (input, want) in pairs {
            assert_eq!(apply(lang, input), *want, "{input:?}");
        }
    }

    #[test]
    fn french_punctuation_gets_a_narrow_no_break_space() {
        cases(
            Lang::Fr,
            &[
                ("Version : v3", "Version\u{202F}: v3"),
                ("Attention!", "Attention\u{202F}!"),
                ("a ; b ? c !", "a\u{202F}; b\u{202F}? c\u{202F}!"),
                ("« à compléter »", "«\u{202F}à compléter\u{202F}»"),
                ("«x»", "«\u{202F}x\u{202F}»"),
            ],
        );
    }

    #[test]
    fn addresses_times_code_and_markdown_are_left_alone() {
        let same = [
            "à 10:00 (UTC+01:00)",
            "https://example.fr/a?b=c: x",
            "DPO@grandorlyseinebievre.fr",
            "`sha256sum a : b`",
            "|:---|---:|",
            "smtp://host:587?tls=required",
            "Détail\u{202F}: breaches/2021-001.yaml: changed",
            "```\na : b\n```",
            "n°2021-01-26_2209",
            "le 26 mars 2021 à 10:00",
        ];
        cases(Lang::Fr, &same.map(|s| (s, s)));
    }

    #[test]
    fn paragraphs_numbers_and_articles_do_not_break() {
        cases(
            Lang::Fr,
            &[
                ("annexe 1, § II.8", "annexe 1, §\u{A0}II.8"),
                ("annexe 1, §II.8", "annexe 1, §\u{A0}II.8"),
                ("art. 28(4)", "art.\u{A0}28, §\u{A0}4"),
                ("RGPD art. 30.2 —", "RGPD art.\u{A0}30, §\u{A0}2 —"),
                ("art. 33(3)(a)", "art.\u{A0}33, §\u{A0}3, a)"),
                ("art. 32 ;", "art. 32\u{202F};"),
                ("01 63 12 44 12", "01\u{A0}63\u{A0}12\u{A0}44\u{A0}12"),
                ("1 200 agents", "1\u{202F}200 agents"),
                ("n° 2021-147", "n°\u{A0}2021-147"),
                // "1 fois", "1 mois" as words; other units as written.
                ("renouvelable 1 fois", "renouvelable une fois"),
                ("au moins 1 mois avant", "au moins un mois avant"),
                ("21 mois, 1 200", "21 mois, 1\u{202F}200"),
                ("de 1 jour", "de 1 jour"),
            ],
        );
    }

    #[test]
    fn typography_is_idempotent() {
        let s = "« Registre » : art. 28(4), § II.8 ; 1 fois ; 01 69 12 34 56 ; 45 000 !";
        for lang in [Lang::Fr, Lang::En] {
            let once = apply(lang, s);
            assert_eq!(apply(lang, &once), once);
        }
    }

    #[test]
    fn english_keeps_its_punctuation_and_only_binds_numbers() {
        cases(
            Lang::En,
            &[
                ("Annex 1 § II.8: done", "Annex 1 §\u{A0}II.8: done"),
                ("1 month", "1 month"),
                ("a; b", "a; b"),
                // A French value in an English document keeps its spacing, bound.
                ("a ; « b »", "a\u{202F}; «\u{202F}b\u{202F}»"),
            ],
        );
    }

    #[test]
    fn one_line_keeps_the_no_break_spaces() {
        assert_eq!(
            one_line("Notification\n  2021-001\u{202f}: «\u{202f}x\u{202f}»\t§\u{a0}4"),
            "Notification 2021-001\u{202f}: «\u{202f}x\u{202f}» §\u{a0}4"
        );
    }
}
