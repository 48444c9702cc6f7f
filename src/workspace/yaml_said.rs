//! The YAML parser's own words (serde_yaml, libyaml) said in the run's
//! language: the common errors — a missing or unknown field, an invalid
//! type or value, an unknown variant, a duplicate key, a tab or an
//! indentation error, an unclosed quote — become catalog messages, their
//! names and values kept; the parser's original text stays only for the
//! rare rest. Positions are not part of it: the caller prints
//! `file:line:column` first.

use crate::render::catalog::Msg;

/// libyaml's problems and contexts, in English, and their messages.
const SYNTAX: &[(&str, &str)] = &[
    ("did not find expected key", "errors-yaml-no-key"),
    ("did not find expected '-' indicator", "errors-yaml-no-dash"),
    (
        "found a tab character that violates indentation",
        "errors-yaml-tab",
    ),
    (
        "found a tab character where an indentation space is expected",
        "errors-yaml-tab",
    ),
    (
        "found character that cannot start any token",
        "errors-yaml-bad-start",
    ),
    (
        "mapping values are not allowed in this context",
        "errors-yaml-colon",
    ),
    ("could not find expected ':'", "errors-yaml-no-colon"),
    ("found unexpected end of stream", "errors-yaml-end"),
    ("did not find expected ',' or ']'", "errors-yaml-no-bracket"),
    ("did not find expected ',' or '}'", "errors-yaml-no-brace"),
    (
        "did not find expected node content",
        "errors-yaml-no-content",
    ),
    ("found undefined alias", "errors-yaml-alias"),
    ("found unknown escape character", "errors-yaml-escape"),
    ("while parsing a block mapping", "errors-yaml-in-mapping"),
    ("while parsing a block collection", "errors-yaml-in-list"),
    (
        "while parsing a flow mapping",
        "errors-yaml-in-flow-mapping",
    ),
    ("while parsing a flow sequence", "errors-yaml-in-flow-list"),
    ("while scanning a simple key", "errors-yaml-in-key"),
    ("while scanning a quoted scalar", "errors-yaml-in-quoted"),
    ("while scanning a plain scalar", "errors-yaml-in-value"),
    ("while parsing a block node", "errors-yaml-in-value"),
    ("while parsing a flow node", "errors-yaml-in-value"),
    ("while scanning for the next token", "errors-yaml-in-text"),
];

/// serde's words for what was found (`Unexpected`) and expected, the
/// common ones: a prefix and its message (what follows the prefix, a
/// value, is kept).
const KINDS: &[(&str, &str)] = &[
    ("string ", "errors-yaml-kind-string-value"),
    ("integer ", "errors-yaml-kind-integer-value"),
    ("floating point ", "errors-yaml-kind-float-value"),
    ("boolean ", "errors-yaml-kind-boolean-value"),
    ("a string", "errors-yaml-kind-string"),
    ("a borrowed string", "errors-yaml-kind-string"),
    ("a sequence", "errors-yaml-kind-sequence"),
    ("sequence", "errors-yaml-kind-sequence"),
    ("a map", "errors-yaml-kind-map"),
    ("map", "errors-yaml-kind-map"),
    ("struct ", "errors-yaml-kind-map"),
    ("a boolean", "errors-yaml-kind-boolean"),
    ("unit value", "errors-yaml-kind-null"),
    ("a YAML value", "errors-yaml-kind-any"),
    ("u8", "errors-yaml-kind-unsigned"),
    ("u16", "errors-yaml-kind-unsigned"),
    ("u32", "errors-yaml-kind-unsigned"),
    ("u64", "errors-yaml-kind-unsigned"),
    ("usize", "errors-yaml-kind-unsigned"),
    ("i32", "errors-yaml-kind-integer"),
    ("i64", "errors-yaml-kind-integer"),
    ("f32", "errors-yaml-kind-number"),
    ("f64", "errors-yaml-kind-number"),
];

/// A serde_yaml error as a catalog message, without its position.
pub fn yaml_said(e: &serde_yaml::Error) -> Msg {
    said(&super::load::strip_positions(&e.to_string()))
}

/// What serde said of a value that does not fit (a missing field, a value
/// of the wrong type…), in any format — a JSON file too — positions
/// removed, as a catalog message.
pub fn serde_said(message: &str) -> Msg {
    said(message)
}

/// A serde_yaml message (its positions removed), `path: ` first or not.
pub(super) fn said(message: &str) -> Msg {
    match split_path(message) {
        Some((path, rest)) => Msg::new("diag-field")
            .arg("field", path)
            .arg("message", detail(rest)),
        None => detail(message),
    }
}

/// `path` and the rest when `message` starts with a field path and `: `.
pub(super) fn split_path(message: &str) -> Option<(&str, &str)> {
    message.split_once(": ").filter(|(p, _)| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.[]".contains(c))
    })
}

/// The names between backquotes in `text`, in order.
pub(super) fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// What serde or libyaml said (no path, no position) as a message.
pub(super) fn detail(m: &str) -> Msg {
    let first = |prefix: &str| {
        m.strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
            .map(str::to_string)
    };
    let listed = |rest: &str| {
        let names = quoted(rest);
        if names.is_empty() {
            Msg::text("none")
        } else {
            Msg::text(
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        }
    };
    if let Some(name) = first("missing field `") {
        return Msg::new("yaml-missing-field").arg("name", name);
    }
    if let Some(name) = first("unknown field `") {
        let rest = m.split_once("expected").map_or("", |(_, r)| r);
        return Msg::new("yaml-unknown-field")
            .arg("name", name)
            .arg("allowed", listed(rest));
    }
    if let Some(name) = first("unknown variant `") {
        let rest = m.split_once("expected").map_or("", |(_, r)| r);
        return Msg::new("errors-yaml-unknown-variant")
            .arg("name", name)
            .arg("allowed", listed(rest));
    }
    if let Some(name) = first("duplicate field `") {
        return Msg::new("errors-yaml-duplicate-field").arg("name", name);
    }
    for (prefix, id) in [
        ("invalid type: ", "errors-yaml-invalid-type"),
        ("invalid value: ", "errors-yaml-invalid-value"),
    ] {
        if let Some((found, expected)) = m
            .strip_prefix(prefix)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            return Msg::new(id)
                .arg("found", kind(found))
                .arg("expected", kind(expected));
        }
    }
    if let Some((n, expected)) = m
        .strip_prefix("invalid length ")
        .and_then(|r| r.split_once(", expected "))
    {
        return Msg::new("errors-yaml-invalid-length")
            .arg("n", n)
            .arg("expected", kind(expected));
    }
    if m.starts_with("data did not match any variant") {
        return Msg::new("errors-yaml-no-variant");
    }
    if let Some(custom) = Msg::recall(m) {
        return custom;
    }
    // libyaml: "problem, context".
    let parts: Vec<&str> = m.split(", ").collect();
    let known: Vec<Option<&'static str>> = parts
        .iter()
        .map(|p| SYNTAX.iter().find(|(en, _)| en == p).map(|(_, id)| *id))
        .collect();
    if !parts.is_empty() && known.iter().all(Option::is_some) {
        return Msg::lines_with(
            "errors-yaml-comma",
            known.into_iter().flatten().map(Msg::new),
        );
    }
    Msg::new("yaml-invalid").arg("detail", m)
}

/// serde's words for a kind of value ("a string", "integer `5`"), said in
/// the run's language when common; as they are otherwise.
fn kind(words: &str) -> Msg {
    if let Some(m) = Msg::recall(words) {
        return m;
    }
    for (prefix, id) in KINDS {
        if words == *prefix {
            return Msg::new(id).arg("value", "");
        }
        if prefix.ends_with(' ') {
            if let Some(value) = words.strip_prefix(prefix) {
                return Msg::new(id).arg("value", value);
            }
        }
    }
    Msg::text(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::catalog::Catalog;

    fn fr(text: &str) -> String {
        Catalog::of(Lang::Fr).msg(&said(text))
    }

    #[test]
    fn the_common_parser_errors_are_said_in_french() {
        assert_eq!(
            fr("nature: missing field `description`"),
            "nature\u{202f}: champ obligatoire `description` absent"
        );
        let t = fr("invalid type: string \"abc\", expected u32");
        assert!(t.contains("type invalide") && t.contains("\"abc\""), "{t}");
        assert!(t.contains("nombre entier"), "{t}");
        let t = fr("unknown variant `x`, expected `a` or `b`");
        assert!(t.contains("`x`") && t.contains("`a`, `b`"), "{t}");
        let t = fr("did not find expected key, while parsing a block mapping");
        assert!(!t.contains("did not"), "{t}");
        assert!(t.contains("clé"), "{t}");
        // The rare rest keeps the parser's words, in a French frame.
        assert!(fr("something odd").contains("something odd"));
    }

    #[test]
    fn a_custom_error_of_the_model_is_said_in_the_run_s_language() {
        let said = |e: serde_yaml::Error| {
            (
                Catalog::of(Lang::Fr).msg(&yaml_said(&e)),
                Catalog::of(Lang::En).msg(&yaml_said(&e)),
                e.to_string(),
            )
        };
        let (fr, en, display) =
            said(serde_yaml::from_str::<crate::model::Count>("{about: 0}").unwrap_err());
        assert!(fr.contains("n'est pas une estimation"), "{fr}");
        assert!(
            en.contains("is no estimate") && display.contains(&en),
            "{en} / {display}"
        );
        let (fr, _, _) = said(serde_yaml::from_str::<crate::model::Id>("Bad Id").unwrap_err());
        assert!(
            fr.contains("`Bad Id` n'est pas un identifiant valide"),
            "{fr}"
        );
        let (fr, _, _) = said(serde_yaml::from_str::<crate::model::Count>("[1]").unwrap_err());
        assert!(
            fr.contains("alors que le champ attend un nombre (1200)"),
            "{fr}"
        );
    }

    #[test]
    fn a_told_error_s_display_is_its_english_catalog_text() {
        use crate::render::catalog::Localize;
        let e = crate::workspace::WorkspaceError::NotFound {
            path: "/x/registers".into(),
        };
        assert_eq!(e.to_string(), e.message(&Catalog::of(Lang::En)));
        assert!(e.to_string().contains("\n  hint: pass --registers DIR"));
        assert!(e
            .message(&Catalog::of(Lang::Fr))
            .contains("\n  conseil\u{202f}: passez --registers DOSSIER"));
    }
}
