//! A person or service to reach, with whatever contact details are known.

use serde::{Deserialize, Serialize};

/// A person or service and how to reach them. Every field is optional in the
/// file; which ones are required depends on the role (a breach contact needs
/// an e-mail and a phone number) and is checked by the validator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    /// Full name of the person, or name of the service.
    pub name: Option<String>,
    /// Role or title (e.g. "Président", "Maire", "coordinateur informatique").
    pub role: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Postal address, when it differs from the organisation's.
    pub address: Option<String>,
}

impl Contact {
    /// True when an e-mail address is given.
    pub fn has_email(&self) -> bool {
        !blank(&self.email)
    }

    /// True when nothing at all is known.
    pub fn is_empty(&self) -> bool {
        [
            &self.name,
            &self.role,
            &self.email,
            &self.phone,
            &self.address,
        ]
        .iter()
        .all(|f| blank(f))
    }
}

/// True when an optional text is missing or only whitespace.
pub(crate) fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_may_leave_out_every_field_but_not_misspell_one() {
        let c: Contact = serde_yaml::from_str("{}").unwrap();
        assert!(c.is_empty());
        let c: Contact = serde_yaml::from_str("email: dpo@example.org\n").unwrap();
        assert!(c.has_email() && c.name.is_none());
        let e = serde_yaml::from_str::<Contact>("name: x\nmail: y\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown field `mail`, expected one of") && e.contains("line 2 column 1"),
            "{e}"
        );
    }
}
