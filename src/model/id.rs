//! Identifiers: short slugs that are safe to use as file names.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::render::catalog::{Msg, Told};

/// A record identifier: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
///
/// Identifiers become file names (`controllers/<id>.yaml`,
/// `breaches/<id>.yaml`), so anything that could climb out of the workspace
/// (`../`, `/`) is refused when it is read, not when it is used.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

/// Why a string is not an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.told())]
pub struct IdError {
    /// The refused value.
    pub value: String,
}

impl IdError {
    /// What the error says, as a catalog message.
    pub fn told(&self) -> Told {
        Told::new(Msg::new("errors-bad-id").arg("value", self.value.as_str()))
    }
}

crate::render::catalog::told_localize!(IdError);

impl Id {
    /// Checks and wraps an identifier.
    pub fn new(value: &str) -> Result<Self, IdError> {
        let ok = !value.is_empty()
            && value.len() <= 64
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-');
        if ok {
            Ok(Self(value.to_string()))
        } else {
            Err(IdError {
                value: value.chars().take(80).collect(),
            })
        }
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Id::new(&s).map_err(|e| serde::de::Error::custom(e.told().msg.remembered()))
    }
}

impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,63}$",
            "description": "identifier: lowercase letters, digits and dashes"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_an_identifier() {
        assert_eq!(
            Id::new("juvisy-sur-orge").unwrap().as_str(),
            "juvisy-sur-orge"
        );
        assert!(Id::new("2021-001").is_ok());
    }

    #[test]
    fn a_path_is_not_an_identifier() {
        for bad in ["../etc", "a/b", "", "-x", "Juvisy", "é", "a b", "a.yaml"] {
            assert!(Id::new(bad).is_err(), "{bad}");
        }
        assert!(Id::new(&"a".repeat(65)).is_err());
    }
}
