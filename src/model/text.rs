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
