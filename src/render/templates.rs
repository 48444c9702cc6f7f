//! The templates: every word of every document comes from `templates/fr/`
//! or `templates/en/` (minijinja), compiled into the binary.
//!
//! Templates named `*.md` produce Markdown, and every value they print is
//! escaped for Markdown unless marked safe, so a `|` or `*` typed in a YAML
//! file can never break a table or start emphasis. Their words and those of
//! the code that is not template-shaped (CSV headers, « à compléter », month
//! names) come from one catalog, [`super::catalog`]: a template reads it as
//! `t.id` or `t("id", name=value)`.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use minijinja::value::{from_args, Kwargs, Object};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior, Value};
use serde::Serialize;

use super::catalog::{Arg, Catalog, Msg, Told};
use super::words;
use crate::model::{name_after, Lang};

/// The templates compiled into the binary: (language, name, source).
const SOURCES: &[(&str, &str, &str)] = &[
    (
        "fr",
        "audit-verify.txt",
        include_str!("../../templates/fr/audit-verify.txt.j2"),
    ),
    (
        "en",
        "audit-verify.txt",
        include_str!("../../templates/en/audit-verify.txt.j2"),
    ),
    (
        "fr",
        "register.md",
        include_str!("../../templates/fr/register.md.j2"),
    ),
    (
        "en",
        "register.md",
        include_str!("../../templates/en/register.md.j2"),
    ),
    (
        "fr",
        "certificate.md",
        include_str!("../../templates/fr/certificate.md.j2"),
    ),
    (
        "en",
        "certificate.md",
        include_str!("../../templates/en/certificate.md.j2"),
    ),
    (
        "fr",
        "breach-notice.txt",
        include_str!("../../templates/fr/breach-notice.txt.j2"),
    ),
    (
        "fr",
        "breach-notice.md",
        include_str!("../../templates/fr/breach-notice.md.j2"),
    ),
    (
        "fr",
        "breach-report.md",
        include_str!("../../templates/fr/breach-report.md.j2"),
    ),
    (
        "fr",
        "breach-show.txt",
        include_str!("../../templates/fr/breach-show.txt.j2"),
    ),
    (
        "fr",
        "breach-record.yaml",
        include_str!("../../templates/fr/breach-record.yaml.j2"),
    ),
    (
        "en",
        "breach-notice.txt",
        include_str!("../../templates/en/breach-notice.txt.j2"),
    ),
    (
        "en",
        "breach-notice.md",
        include_str!("../../templates/en/breach-notice.md.j2"),
    ),
    (
        "en",
        "breach-report.md",
        include_str!("../../templates/en/breach-report.md.j2"),
    ),
    (
        "en",
        "breach-show.txt",
        include_str!("../../templates/en/breach-show.txt.j2"),
    ),
    (
        "en",
        "breach-record.yaml",
        include_str!("../../templates/en/breach-record.yaml.j2"),
    ),
    (
        "fr",
        "subprocessor-notice.md",
        include_str!("../../templates/fr/subprocessor-notice.md.j2"),
    ),
    (
        "fr",
        "subprocessor-notice.txt",
        include_str!("../../templates/fr/subprocessor-notice.txt.j2"),
    ),
    (
        "fr",
        "request-forward.txt",
        include_str!("../../templates/fr/request-forward.txt.j2"),
    ),
    (
        "fr",
        "instruction-objection.txt",
        include_str!("../../templates/fr/instruction-objection.txt.j2"),
    ),
    (
        "fr",
        "instruction-transfer.txt",
        include_str!("../../templates/fr/instruction-transfer.txt.j2"),
    ),
    (
        "en",
        "subprocessor-notice.md",
        include_str!("../../templates/en/subprocessor-notice.md.j2"),
    ),
    (
        "en",
        "subprocessor-notice.txt",
        include_str!("../../templates/en/subprocessor-notice.txt.j2"),
    ),
    (
        "en",
        "request-forward.txt",
        include_str!("../../templates/en/request-forward.txt.j2"),
    ),
    (
        "en",
        "instruction-objection.txt",
        include_str!("../../templates/en/instruction-objection.txt.j2"),
    ),
    (
        "en",
        "instruction-transfer.txt",
        include_str!("../../templates/en/instruction-transfer.txt.j2"),
    ),
    (
        "fr",
        "signature.txt",
        include_str!("../../templates/fr/signature.txt.j2"),
    ),
    (
        "fr",
        "signature.md",
        include_str!("../../templates/fr/signature.md.j2"),
    ),
    (
        "en",
        "signature.txt",
        include_str!("../../templates/en/signature.txt.j2"),
    ),
    (
        "en",
        "signature.md",
        include_str!("../../templates/en/signature.md.j2"),
    ),
];

/// A template failed to load or render.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// A template is broken (a bug in `templates/`).
    #[error("{}", self.told())]
    Render {
        /// Language.
        lang: &'static str,
        /// Template name.
        name: String,
        /// The minijinja error, with its line.
        #[source]
        source: Error,
    },
}

impl TemplateError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            TemplateError::Render { lang, name, .. } => Told::new(
                Msg::new("errors-template")
                    .arg("lang", *lang)
                    .arg("name", name.as_str()),
            ),
        }
    }
}

crate::render::catalog::told_localize!(TemplateError);

/// The short labels of one language: the one catalog ([`Catalog`]).
pub type Strings = Catalog;

/// The catalog as the templates see it, `t`: `{{ t.todo }}` is a message
/// with no argument, `{{ t("renewals-allowed", n=2) }}` one with arguments.
#[derive(Debug)]
struct Tr(Arc<Catalog>);

impl Object for Tr {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        key.as_str().map(|k| Value::from(self.0.get(k)))
    }

    fn call(
        self: &Arc<Self>,
        _state: &minijinja::State<'_, '_>,
        args: &[Value],
    ) -> Result<Value, Error> {
        let (id, kwargs): (String, Kwargs) = from_args(args)?;
        let mut values: Vec<(String, Value)> = Vec::new();
        for k in kwargs.args() {
            values.push((k.to_string(), kwargs.get::<Value>(k)?));
        }
        let texts: Vec<(String, String)> = values
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        let args: Vec<(&str, Arg<'_>)> = values
            .iter()
            .zip(&texts)
            .map(|((k, v), (_, text))| {
                let arg = match i64::try_from(v.clone()) {
                    Ok(n) if v.is_integer() => Arg::from(n),
                    _ => Arg::from(text.as_str()),
                };
                (k.as_str(), arg)
            })
            .collect();
        Ok(Value::from(self.0.fmt(&id, &args)))
    }
}

/// The templates of one language, ready to render.
pub struct Templates {
    env: Environment<'static>,
    strings: Arc<Strings>,
    lang: Lang,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("lang", &self.lang)
            .finish()
    }
}

/// Escapes text for Markdown: the characters that start inline markup, those
/// that start a block when they open the text, and line breaks (a value is
/// always one paragraph or one table cell).
pub fn escape_markdown(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, ch) in flat.chars().enumerate() {
        let block_start = i == 0 && matches!(ch, '#' | '-' | '+' | '=' | '>');
        if block_start
            || matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!'
            )
        {
            out.push('\\');
        }
        out.push(ch);
    }
    // "1. foo" at the start would become a numbered list.
    if let Some(dot) = out.find(". ") {
        if dot > 0 && out[..dot].chars().all(|c| c.is_ascii_digit()) {
            out.insert(dot, '\\');
        }
    }
    out
}

/// Escapes text for Markdown as [`escape_markdown`] does, but keeps its
/// code spans (`` `restic forget` ``, a tool's command or error quoted):
/// printed without their backticks, and left alone by the typography (an
/// English error keeps its English spacing). A backtick with no closing
/// one is printed as it is.
pub fn escape_markdown_keeping_code(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let parts: Vec<&str> = flat.split('`').collect();
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        let spaced = |out: &mut String, text: &str| {
            if i > 0 && text.starts_with(' ') {
                out.push(' ');
            }
            out.push_str(&escape_markdown(text));
            if text.ends_with(' ') && !text.trim().is_empty() {
                out.push(' ');
            }
        };
        match (i % 2, i + 1 < parts.len()) {
            // A table cell ends at a pipe, even in a code span.
            (1, true) => out.push_str(&format!("`{}`", part.replace('|', "\\|"))),
            (1, false) => {
                out.push_str("\\`");
                spaced(&mut out, part);
            }
            _ => spaced(&mut out, part),
        }
    }
    out
}

/// A date a template passes to a filter (`YYYY-MM-DD`).
fn template_date(v: &Value) -> Result<NaiveDate, Error> {
    let text = v.to_string();
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{text}` is not a date: {e}"),
        )
    })
}

fn is_missing(v: &Value) -> bool {
    v.is_undefined()
        || v.is_none()
        || v.as_str().is_some_and(|s| s.trim().is_empty())
        || (v.len() == Some(0) && v.as_str().is_none())
}

impl Templates {
    /// Loads the templates of `lang`.
    pub fn new(lang: Lang) -> Result<Self, TemplateError> {
        let strings = Catalog::of(lang);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md") {
                AutoEscape::Custom("markdown")
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Custom("markdown")) && !value.is_safe() {
                if value.is_none() || value.is_undefined() {
                    return Ok(());
                }
                let s = value.to_string();
                out.write_str(&escape_markdown(&s))
                    .map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        env.add_global("t", Value::from_object(Tr(strings.clone())));
        let todo = strings.get("todo").to_string();
        env.add_filter("todo", move |state: &minijinja::State, v: Value| -> Value {
            if is_missing(&v) {
                if matches!(state.auto_escape(), AutoEscape::Custom("markdown")) {
                    Value::from_safe_string(format!("*{todo}*"))
                } else {
                    Value::from(todo.clone())
                }
            } else {
                v
            }
        });
        // `{{ title|of_convention }}`: "de la convention « T »", or "de la
        // « T »" when the title already begins with the word (never
        // "de la convention « Convention … »").
        let (plain, titled, bare) = (
            strings.get("of_convention").to_string(),
            strings.get("of_convention_titled").to_string(),
            strings.get("of_convention_bare").to_string(),
        );
        env.add_filter("of_convention", move |v: Value| -> Value {
            let title = v.as_str().map(str::trim).unwrap_or_default();
            let first = title.split_whitespace().next().unwrap_or_default();
            let phrase = if title.is_empty() {
                bare.clone()
            } else if ["convention", "agreement"].contains(&first.to_lowercase().as_str()) {
                titled.replace("{title}", title)
            } else {
                plain.replace("{title}", title)
            };
            Value::from(phrase)
        });
        // `{{ place|place }}`: the place of a signature, « [lieu à compléter] »
        // when unknown (never "Fait à à compléter").
        let place_todo = strings.get("place_todo").to_string();
        env.add_filter("place", move |v: Value| -> Value {
            if is_missing(&v) {
                Value::from(place_todo.clone())
            } else {
                v
            }
        });
        // `{{ record|confirm("field") }}`: " (à confirmer)" when the record's
        // `to_confirm` list names the field (an assumption), else nothing.
        let to_confirm = strings.get("to_confirm").to_string();
        env.add_filter(
            "confirm",
            move |state: &minijinja::State, record: Value, field: String| -> Value {
                let assumed = record
                    .get_attr("to_confirm")
                    .ok()
                    .and_then(|l| {
                        l.try_iter()
                            .ok()
                            .map(|mut it| it.any(|f| f.as_str() == Some(&field)))
                    })
                    .unwrap_or(false);
                if !assumed {
                    Value::from_safe_string(String::new())
                } else if matches!(state.auto_escape(), AutoEscape::Custom("markdown")) {
                    Value::from_safe_string(format!(" (**{to_confirm}**)"))
                } else {
                    Value::from(format!(" ({to_confirm})"))
                }
            },
        );
        env.add_filter("md", |v: Value| -> Value {
            Value::from_safe_string(escape_markdown(&v.to_string()))
        });
        env.add_filter("md_code", |v: Value| -> Value {
            Value::from_safe_string(escape_markdown_keeping_code(&v.to_string()))
        });
        let s = strings.clone();
        env.add_filter("date", move |v: Value| -> Result<Value, Error> {
            let d = template_date(&v)?;
            Ok(Value::from(words::long_date(&s, d)))
        });
        // `{{ last_day|period_end }}`: a period whose last day as counted
        // is `last_day`, moved past a weekend or a public holiday (Reg.
        // 1182/71, art. 3(4)), in words: the legal date and why it moved.
        let s = strings.clone();
        env.add_filter("period_end", move |v: Value| -> Result<Value, Error> {
            let d = template_date(&v)?;
            let p = crate::time::working_days::PeriodEnd::of(d);
            Ok(Value::from(words::period_end_in_words(&s, &p)))
        });
        let s = strings.clone();
        env.add_filter("datetime", move |v: Value| -> Result<Value, Error> {
            let text = v.to_string();
            let t = DateTime::parse_from_rfc3339(&text).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("`{text}` is not an instant: {e}"),
                )
            })?;
            Ok(Value::from(words::long_datetime(&s, t)))
        });
        // `{{ controller|the }}`, `|to_the`, `|of_the`: "la commune de
        // Juvisy-sur-Orge", "à la commune…", "de la commune…" (French; in
        // English the name as it is, after "to" / "of").
        for (filter, prep) in [("the", ""), ("to_the", "à"), ("of_the", "de")] {
            env.add_filter(filter, move |party: Value| -> Value {
                let attr = |k: &str| {
                    party
                        .get_attr(k)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                };
                let name = attr("name").unwrap_or_default();
                let given = attr("name_with_article");
                Value::from(name_after(lang, prep, &name, given.as_deref()))
            });
        }
        // `{{ n|number }}`: "1 200" / "1,200".
        let s = strings.clone();
        env.add_filter("number", move |n: u64| -> Value {
            Value::from(words::number(&s, n))
        });
        // `{{ n|plural("count.file") }}`: "1 fichier", "1 200 fichiers",
        // "une fois" — the forms `count.file.one` / `.other` of
        // the catalog (`dpo.ftl`), chosen by `words::plural`.
        let s = strings.clone();
        env.add_filter("plural", move |n: u64, key: String| -> Value {
            Value::from(words::plural(&s, lang, &key, n))
        });
        for (l, name, src) in SOURCES {
            if *l == lang.code() {
                env.add_template(name, src)
                    .map_err(|source| TemplateError::Render {
                        lang: lang.code(),
                        name: name.to_string(),
                        source,
                    })?;
            }
        }
        Ok(Self { env, strings, lang })
    }

    /// Renders template `name` with `ctx` (the catalog is the global `t`).
    pub fn render<S: Serialize>(&self, name: &str, ctx: &S) -> Result<String, TemplateError> {
        let err = |source| TemplateError::Render {
            lang: self.lang.code(),
            name: name.to_string(),
            source,
        };
        let tmpl = self.env.get_template(name).map_err(err)?;
        let text = tmpl.render(ctx).map_err(err)?;
        // Documents, e-mails and the terminal's `breach show` get the
        // typography of their language; a record (YAML) is not typeset.
        Ok(if name.ends_with(".md") || name.ends_with(".txt") {
            super::typography::apply(self.lang, &text)
        } else {
            text
        })
    }

    /// The labels of this language.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirm_marks_a_field_the_record_lists_and_only_that_one() {
        // The filter lives in the templates' own environment: render there.
        let t = Templates::new(Lang::Fr).unwrap();
        let mut e = t.env.clone();
        e.add_template(
            "x.md",
            "{{ r.a }}{{ r|confirm('a') }} {{ r.b }}{{ r|confirm('b') }}",
        )
        .unwrap();
        e.add_template(
            "x.txt",
            "{{ r.a }}{{ r|confirm('a') }}|{{ s.a }}{{ s|confirm('a') }}",
        )
        .unwrap();
        let r = minijinja::context! { a => "x", b => "y", to_confirm => vec!["a"] };
        let s = minijinja::context! { a => "z" };
        let md = e
            .get_template("x.md")
            .unwrap()
            .render(minijinja::context! { r })
            .unwrap();
        assert_eq!(md, "x (**à confirmer**) y");
        let txt = e
            .get_template("x.txt")
            .unwrap()
            .render(minijinja::context! { r, s })
            .unwrap();
        assert_eq!(txt, "x (à confirmer)|z");
    }

    #[test]
    fn templates_read_the_one_catalog_with_plurals() {
        for (lang, want) in [
            (
                Lang::Fr,
                "«\u{202f}à compléter\u{202f}»|2 reconductions possibles|une reconduction possible",
            ),
            (
                Lang::En,
                "\"to be completed\"|2 renewals allowed|one renewal allowed",
            ),
        ] {
            let mut t = Templates::new(lang).unwrap();
            t.env
                .add_template(
                    "x.txt",
                    "{{ t.todo }}|{{ t('renewals-allowed', n=2) }}|{{ t('renewals-allowed', n=one) }}",
                )
                .unwrap();
            let out = t
                .render("x.txt", &minijinja::context! { one => 1 })
                .unwrap();
            assert_eq!(out, want);
        }
    }

    #[test]
    fn code_spans_are_kept_and_the_rest_escaped() {
        for (text, md) in [
            (
                "par restic (`restic forget` par id) | *x*",
                "par restic (`restic forget` par id) \\| \\*x\\*",
            ),
            // A pipe in a span still ends a table cell; a lone backtick
            // opens nothing.
            (
                "échoue (`Fatal: a|b`) et `seul",
                "échoue (`Fatal: a\\|b`) et \\`seul",
            ),
            ("`a` `b`", "`a` `b`"),
            ("- x", "\\- x"),
        ] {
            assert_eq!(escape_markdown_keeping_code(text), md, "{text}");
        }
    }

    #[test]
    fn markdown_specials_in_values_are_escaped() {
        assert_eq!(escape_markdown("a | b *c* _d_"), "a \\| b \\*c\\* \\_d\\_");
        assert_eq!(escape_markdown("# titre"), "\\# titre");
        assert_eq!(escape_markdown("1. premier"), "1\\. premier");
        assert_eq!(escape_markdown("ligne 1\n\nligne 2"), "ligne 1 ligne 2");
        assert_eq!(escape_markdown("Juvisy-sur-Orge"), "Juvisy-sur-Orge");
    }
}
