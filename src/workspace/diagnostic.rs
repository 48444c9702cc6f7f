//! A problem found in the workspace, pinned to a file, line, column and field.

use std::fmt;

use serde::Serialize;

use crate::render::catalog::{Catalog, Localize, Msg};

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
    /// The message as a catalog message, when it has one: the terminal
    /// says it in the run's language (`message` is its English text).
    #[serde(skip)]
    pub said: Option<Msg>,
    /// The hint as a catalog message, when it has one.
    #[serde(skip)]
    pub hint_said: Option<Msg>,
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
            said: None,
            hint_said: None,
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

    /// An error at a position, its message from the catalog.
    pub fn error_msg(file: &str, pos: (usize, usize), field: &str, msg: Msg) -> Self {
        Self {
            said: Some(msg.clone()),
            ..Self::error(file, pos, field, msg.english())
        }
    }

    /// A warning at a position, its message from the catalog.
    pub fn warning_msg(file: &str, pos: (usize, usize), field: &str, msg: Msg) -> Self {
        Self {
            said: Some(msg.clone()),
            ..Self::warning(file, pos, field, msg.english())
        }
    }

    /// Adds a hint from the catalog.
    pub fn with_hint_msg(mut self, hint: Msg) -> Self {
        self.hint = Some(hint.english());
        self.hint_said = Some(hint);
        self
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

impl Localize for Diagnostic {
    /// `file:line:column: field: message` and the hint, in the language of
    /// `s` (a message not yet in the catalog stays English).
    fn message(&self, s: &Catalog) -> String {
        let field = if self.field.is_empty() {
            s.get("diag-whole-file").to_string()
        } else {
            self.field.clone()
        };
        // `message` and `hint` are the English text itself.
        let english = s.lang() == crate::model::Lang::En;
        let said = |m: &Option<Msg>, text: &str| match m {
            Some(m) if !english => s.msg(m),
            _ => text.to_string(),
        };
        let message = said(&self.said, &self.message);
        // The position stays `file:line:column: ` (editors read it).
        let mut out = format!(
            "{}:{}:{}: {}",
            self.file,
            self.line,
            self.column,
            s.fmt(
                "diag-field",
                &[("field", field.into()), ("message", message.into())]
            )
        );
        if let Some(h) = &self.hint {
            let h = said(&self.hint_said, h);
            out.push_str("\n  ");
            out.push_str(&s.fmt("cli-hint", &[("hint", h.into())]));
        }
        out
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
