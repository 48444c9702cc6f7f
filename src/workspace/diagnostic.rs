//! A problem found in the workspace, pinned to a file, line, column and field.

use std::fmt;

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information the law or the convention requires is missing; documents
    /// show it as "à compléter".
    Warning,
    /// The workspace cannot be used until this is fixed.
    Error,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path of the file, relative to the workspace (with `/`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The field, as a path like `activities[2].subprocessors[0]` (may be empty
    /// when the whole file is concerned).
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it, when that is obvious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(file: &str, (line, column): (usize, usize), field: &str, message: String) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            field: field.to_string(),
            message,
            hint: None,
        }
    }

    /// A warning at a position.
    pub fn warning(
        file: &str,
        (line, column): (usize, usize),
        field: &str,
        message: String,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, (line, column), field, message)
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: field: message`, then the hint on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = if self.field.is_empty() {
            "(file)"
        } else {
            &self.field
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, field, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}
