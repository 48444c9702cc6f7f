//! The one-language check of issue 10, shared by the tests that read what
//! a person reads: the words only one language uses, and French typography.
//! A test takes the workspace's own words out first ([`data_of`],
//! [`without_data`]), then asks [`faults`] what is of the other language.

use std::path::Path;

/// Words only French uses.
pub(crate) const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "une",
    "à",
    "échéance",
    "jours",
    "dans",
    "avant",
    "suite",
    "est",
    "sont",
    "été",
    "avec",
    "pour",
    "aucun",
    "aucune",
    "envoyé",
    "fichier",
    "fichiers",
    "entrée",
    "entrées",
    "délai",
    "responsable",
    "traitement",
    "quand",
    "cette",
    "vous",
    "nous",
    "être",
];
/// Words only English uses.
pub(crate) const ENGLISH: &[&str] = &[
    "the", "of", "and", "overdue", "days", "every", "renew", "next", "within", "before", "missing",
    "pending", "done", "erasure", "access", "is", "are", "was", "has", "have", "this", "that",
    "sent", "entries", "yet", "still", "without", "which", "when", "where", "been", "will",
    "would", "should", "must", "its", "their", "these", "those", "there",
];

/// Every string value of the YAML files under `dir`, longest first.
pub(crate) fn data_of(dir: &Path, out: &mut Vec<String>) {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::String(s) => out.push(s.clone()),
            serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| walk(v, out)),
            serde_yaml::Value::Mapping(m) => m.values().for_each(|v| walk(v, out)),
            serde_yaml::Value::Tagged(t) => walk(&t.value, out),
            _ => {}
        }
    }
    for e in std::fs::read_dir(dir)
        .expect("read the workspace")
        .flatten()
    {
        let p = e.path();
        if p.is_dir() {
            data_of(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            if let Ok(v) = serde_yaml::from_str::<serde_yaml::Value>(&text) {
                walk(&v, out);
            }
        }
    }
}

/// `text` without the workspace's own words (`data`, longest first) and
/// the iCalendar folding and escapes.
pub(crate) fn without_data(text: &str, data: &[String]) -> String {
    let mut t = text
        .replace("\r\n ", "")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\n", "\n");
    // Human text only: a bare lower-case word (`erasure`, `destroy`) is a
    // code the tool must put in words itself.
    let human = |d: &&String| {
        d.chars().count() > 2
            && d.chars()
                .any(|c| c.is_whitespace() || c.is_uppercase() || c == '\'')
    };
    for d in data.iter().filter(human) {
        t = t.replace(d.as_str(), "▢");
    }
    t
}

/// The words of `text` that belong to the other language than `lang`; in
/// English, each "(s)" plural; in French, each « : ; ! ? » or « » without
/// its narrow no-break space.
pub(crate) fn faults(lang: &str, text: &str) -> Vec<String> {
    let foreign = if lang == "fr" { ENGLISH } else { FRENCH };
    // A token that mixes digits and letters is a name made by a machine (a
    // temporary folder, a hash, a key, "UTC+01:00"): its letters are no word.
    let mixed =
        |t: &&str| t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(char::is_alphabetic);
    let mut out: Vec<String> = text
        .split(char::is_whitespace)
        .filter(|t| !mixed(t))
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| foreign.contains(&w.to_lowercase().as_str()))
        .map(|w| format!("{lang}: foreign word `{w}`"))
        .collect();
    // "1 field(s)": English counts take their plural (Fluent), never "(s)".
    if lang == "en" {
        out.extend(
            text.lines()
                .filter(|l| l.contains("(s)"))
                .map(|l| format!("en: a count without its plural: {l}")),
        );
    }
    if lang == "fr" {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let bad = match c {
                ':' | ';' | '!' | '?' => before.is_some_and(|b| b == ' ' || b == '\u{a0}'),
                '«' => after.is_some_and(|a| a == ' ' || a == '\u{a0}'),
                '»' => before.is_some_and(|b| b == ' ' || b == '\u{a0}'),
                _ => false,
            };
            if bad {
                let from = i.saturating_sub(30);
                let at: String = chars[from..(i + 5).min(chars.len())].iter().collect();
                out.push(format!("fr: `{c}` without U+202F: …{at}…"));
            }
        }
    }
    out
}

/// The text layer of a PDF as a viewer's copy and paste gives it, each
/// glyph mapped through its font's ToUnicode map (`pdf_text.py`, beside
/// this file): what `pdftotext` cannot show, since it turns every
/// white-space glyph — the narrow no-break space included — into a plain
/// space.
pub(crate) fn pdf_text_layer(pdf: &Path) -> String {
    pdf_text_py(&[], pdf)
}

/// [`pdf_text_layer`] piece by piece as drawn, one per line: a line of a
/// paragraph or of one table cell, never two cells side by side.
pub(crate) fn pdf_text_pieces(pdf: &Path) -> String {
    pdf_text_py(&["--pieces"], pdf)
}

fn pdf_text_py(args: &[&str], pdf: &Path) -> String {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/support/pdf_text.py");
    let out = super::tools::run(
        std::process::Command::new("python3")
            .arg(script)
            .args(args)
            .arg(pdf),
    );
    assert!(
        out.success(),
        "pdf_text.py {}: {}",
        pdf.display(),
        out.stderr()
    );
    out.stdout_utf8()
}
