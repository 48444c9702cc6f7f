//! A problem found in the workspace, pinned to a file, line, column and field.

use std::fmt;

use serde::Serialize;

use crate::render::catalog::{Catalog, Localize, Msg};

/// The field of a YAML syntax error, which belongs to no field.
pub(super) const SYNTAX: &str = "(syntax)";

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
    /// The message and the hint as catalog messages, when they have one:
    /// the terminal says them in the run's language (`message` and `hint`
    /// are their English text). Boxed: a diagnostic is an error value.
    #[serde(skip)]
    pub said: Option<Box<Said>>,
}

/// What a [`Diagnostic`] says, as catalog messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    /// The message.
    pub message: Option<Msg>,
    /// The hint.
    pub hint: Option<Msg>,
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
        let mut d = Self::error(file, pos, field, msg.english());
        d.said_mut().message = Some(msg);
        d
    }

    /// A warning at a position, its message from the catalog.
    pub fn warning_msg(file: &str, pos: (usize, usize), field: &str, msg: Msg) -> Self {
        let mut d = Self::warning(file, pos, field, msg.english());
        d.said_mut().message = Some(msg);
        d
    }

    /// Adds a hint from the catalog.
    pub fn with_hint_msg(mut self, hint: Msg) -> Self {
        self.hint = Some(hint.english());
        self.said_mut().hint = Some(hint);
        self
    }

    /// The catalog messages, made empty when there were none.
    pub fn said_mut(&mut self) -> &mut Said {
        self.said.get_or_insert_with(Box::default)
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

    /// The diagnostic as one catalog message (position, field, message and
    /// hint), for an error that lists diagnostics.
    pub fn msg(&self) -> Msg {
        let said = self.said.as_deref();
        let field = match self.field.as_str() {
            "" => Msg::new("diag-whole-file"),
            SYNTAX => Msg::new("errors-syntax-field"),
            f => Msg::text(f),
        };
        let message = said
            .and_then(|c| c.message.clone())
            .unwrap_or_else(|| Msg::text(self.message.as_str()));
        let m = Msg::new("errors-diagnostic")
            .arg("file", self.file.as_str())
            .arg("line", self.line.to_string())
            .arg("column", self.column.to_string())
            .arg("field", field)
            .arg("message", message);
        match &self.hint {
            Some(h) => Msg::new("errors-with-hint").arg("message", m).arg(
                "hint",
                said.and_then(|c| c.hint.clone())
                    .unwrap_or_else(|| Msg::text(h.as_str())),
            ),
            None => m,
        }
    }
}

impl Localize for Diagnostic {
    /// `file:line:column: field: message` and the hint, in the language of
    /// `s` (a message not yet in the catalog stays English).
    fn message(&self, s: &Catalog) -> String {
        let field = match self.field.as_str() {
            "" => s.get("diag-whole-file").to_string(),
            SYNTAX => s.get("errors-syntax-field").to_string(),
            f => f.to_string(),
        };
        // `message` and `hint` are the English text itself.
        let english = s.lang() == crate::model::Lang::En;
        let said = |m: &Option<Msg>, text: &str| match m {
            Some(m) if !english => s.msg(m),
            _ => text.to_string(),
        };
        let none = Said::default();
        let catalog = self.said.as_deref().unwrap_or(&none);
        let message = said(&catalog.message, &self.message);
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
            let h = said(&catalog.hint, h);
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

/// "`breaches/2021-001.yaml` has 2 errors": what a record file that does
/// not read says, counting the errors among `diagnostics`.
pub fn file_has_errors(file: &str, diagnostics: &[Diagnostic]) -> Msg {
    Msg::new("duties-file-has-errors")
        .arg("file", file)
        .arg("n", diagnostics.iter().filter(|d| d.is_error()).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn a_diagnostic_is_said_in_the_run_s_language_its_position_kept() {
        let d = Diagnostic::warning_msg(
            "people.yaml",
            (6, 33),
            "people[0].last_training",
            Msg::new("check-no-training").arg("id", "agent"),
        )
        .with_hint_msg(Msg::new("hint-remove-field"));
        let en = d.message(&Catalog::of(Lang::En));
        assert_eq!(en, d.to_string());
        assert!(en.contains("people.yaml:6:33: people[0].last_training: `agent` has no recorded"));
        let fr = d.message(&Catalog::of(Lang::Fr));
        assert_eq!(
            fr,
            "people.yaml:6:33: people[0].last_training\u{202f}: `agent` n'a pas de formation \
             à la protection des données enregistrée (annexe 1, §\u{a0}II.4)\n  \
             conseil\u{202f}: supprimez ce champ"
        );
        // `message` stays English (`--json`, logs).
        assert!(d.message.starts_with("`agent` has no recorded"));
        // Not yet in the catalog: the English text, the frame translated.
        let plain = Diagnostic::error("a.yaml", (1, 1), "", "boom".into()).with_hint("do this");
        assert_eq!(
            plain.message(&Catalog::of(Lang::Fr)),
            "a.yaml:1:1: (fichier)\u{202f}: boom\n  conseil\u{202f}: do this"
        );
    }

    #[test]
    fn a_phrase_inside_a_message_is_said_in_the_same_language() {
        let m = Msg::new("check-missing")
            .arg("what", Msg::new("what-controller-address"))
            .arg("basis", Msg::new("basis-ii7"));
        assert!(Catalog::of(Lang::Fr).msg(&m).starts_with(
            "non renseigné\u{202f}: l'adresse postale du responsable de traitement (annexe"
        ));
        assert!(m
            .english()
            .starts_with("missing the controller's postal address (Annex 1, § II.7)"));
    }
}
