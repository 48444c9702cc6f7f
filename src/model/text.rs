//! Texts a record needs — a title, a summary, a reason — which are never
//! empty: the one check, and the refusal that says what to type.

/// A required text is empty (or only white space).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} is empty\n  hint: {hint}")]
pub struct EmptyText {
    /// What was empty: the option, or the field.
    pub what: &'static str,
    /// An example of what to type.
    pub hint: String,
}

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

/// True when `v` says nothing: empty, or the words documents print for
/// what is unknown (« à compléter », "to be completed", « à confirmer »,
/// "TODO"…), typed as if they were a value. A certificate must not state
/// that « à compléter » validated a destruction.
pub fn is_placeholder(v: &str) -> bool {
    let v = v
        .trim()
        .trim_matches(|c: char| "[]()*«»\"'“”‹› \u{a0}\u{202f}".contains(c))
        .to_lowercase();
    let v = v.replace(['é', 'è'], "e").replace('à', "a");
    matches!(
        v.as_str(),
        "" | "a completer"
            | "a confirmer"
            | "a preciser"
            | "to be completed"
            | "to be confirmed"
            | "todo"
            | "tbd"
            | "?"
            | "-"
            | "inconnu"
            | "unknown"
    )
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

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
        for v in ["Carole Dupont", "à compléter par Carole", "détruit"] {
            assert!(!is_placeholder(v), "{v:?}");
        }
    }
}
