//! The one catalog of everything a person reads: `templates/fr/*.ftl` and
//! `templates/en/*.ftl` ([Project Fluent](https://projectfluent.org)),
//! compiled into the binary. The terminal, the documents' short labels (CSV
//! headers, « à compléter », month names), the e-mails' subjects, the
//! calendar and the templates (through `t("id", …)`) all read it, so one
//! language holds everywhere and a count is said with its plural rule
//! ("1 renouvellement", "2 renouvellements").
//!
//! Unicode isolation marks (FSI/PDI) are off: they would end up in e-mails,
//! PDFs and YAML. A message id that does not exist is printed as itself, so
//! a gap shows in the output (a unit test checks both files hold the same
//! ids with the same variables).
//!
//! The labels of the first string tables had `{name}` placeholders filled by
//! the code: [`Catalog::get`] still gives such a message with each variable
//! written `{name}`, for the callers that fill them; new callers use
//! [`Catalog::fmt`] with real arguments.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::model::Lang;

/// The catalog files of each language, `templates/<lang>/<name>.ftl`: one
/// catalog, kept in several files by subject.
macro_rules! catalog_files {
    ($($name:literal),+ $(,)?) => {
        [
            (Lang::Fr, &[$(($name, include_str!(concat!("../../templates/fr/", $name, ".ftl")))),+]),
            (Lang::En, &[$(($name, include_str!(concat!("../../templates/en/", $name, ".ftl")))),+]),
        ]
    };
}

/// The catalog sources: (language, [(file name, Fluent text)]).
const SOURCES: [(Lang, &[(&str, &str)]); 2] = catalog_files!(
    "dpo",
    "errors",
    "duties",
    "screens",
    "backup",
    "bag",
    "copies",
    "terminal",
    "layout",
    "imports",
    "sheets",
    "sheetlogs",
    "sheetimport",
    "gitjournal",
    "team",
    "site",
    "timestamp"
);

/// The whole Fluent text of `lang`: its files one after the other.
fn source(lang: Lang) -> String {
    SOURCES
        .iter()
        .filter(|(l, _)| *l == lang)
        .flat_map(|(_, files)| files.iter())
        .map(|(_, text)| format!("{text}\n"))
        .collect()
}

/// A value given to a message: text or a number (a number selects the
/// plural form).
pub type Arg<'a> = FluentValue<'a>;

/// A value of a [`Msg`]: text, or a count (it selects the plural form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    /// Text (a name, a path, a date already in words).
    Text(String),
    /// A count.
    Number(i64),
    /// Another message, said in the same language (a phrase such as "the
    /// controller's postal address" inside "missing …").
    Said(Box<Msg>),
    /// Field codes of a record (`contract.end`), said in words as the
    /// audit pack says them ([`crate::audit::field_in_words`]), comma
    /// separated.
    Fields(Vec<String>),
}

impl From<Msg> for MsgArg {
    fn from(m: Msg) -> Self {
        MsgArg::Said(Box::new(m))
    }
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}

impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        MsgArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for MsgArg {
    fn from(n: u64) -> Self {
        MsgArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A message of the catalog kept with its arguments, said later in the
/// run's language: what the domain's errors and diagnostics carry so the
/// command line prints them in French or English (their `Display` is the
/// English one, for logs and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The message id in `templates/*/dpo.ftl`.
    pub id: &'static str,
    /// Its variables.
    pub args: Vec<(&'static str, MsgArg)>,
}

impl Msg {
    /// Message `id` with no argument yet.
    pub fn new(id: &'static str) -> Self {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds variable `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<MsgArg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// A text that has no message of its own (a reason worded by another
    /// module, a library's error), said as it is in every language.
    pub fn text(text: impl Into<String>) -> Self {
        Msg::new("errors-text").arg("text", text.into())
    }

    /// Messages one per line (through `errors-then-line`).
    pub fn lines(msgs: impl IntoIterator<Item = Msg>) -> Self {
        Msg::lines_with("errors-then-line", msgs)
    }

    /// Messages joined by message `id` (its variables `first`, `second`).
    pub fn lines_with(id: &'static str, msgs: impl IntoIterator<Item = Msg>) -> Self {
        msgs.into_iter()
            .reduce(|a, b| Msg::new(id).arg("first", a).arg("second", b))
            .unwrap_or_else(|| Msg::text(""))
    }

    /// The message in English (what `Display` and `--json` show).
    pub fn english(&self) -> String {
        Catalog::of(Lang::En).msg(self)
    }

    /// The English text of the message, remembered (on this thread) so
    /// that an error that can carry only text — a custom error of a type's
    /// `Deserialize`, inside serde_yaml's own — is said again in the run's
    /// language: [`Msg::recall`].
    pub fn remembered(self) -> String {
        let text = self.english();
        SAID.with(|said| {
            let mut said = said.borrow_mut();
            if said.len() >= REMEMBERED {
                said.remove(0);
            }
            said.push((text.clone(), self));
        });
        text
    }

    /// The message whose English text is `text`, if one was
    /// [`Msg::remembered`] on this thread.
    pub fn recall(text: &str) -> Option<Msg> {
        SAID.with(|said| {
            said.borrow()
                .iter()
                .rev()
                .find(|(t, _)| t == text)
                .map(|(_, m)| m.clone())
        })
    }
}

/// A message is an error too: the cause of a system error dpo makes
/// itself (`std::io::Error::other(msg)`), said in the run's language.
impl std::error::Error for Msg {}

impl std::fmt::Display for Msg {
    /// The English text (an error's `Display`, logs, `--json`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// What an error says, kept as catalog messages: the message and, when
/// there is one, the hint printed on its own line (`hint: …`). Its
/// `Display` is the English text, hint included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// The message.
    pub msg: Msg,
    /// What to do about it.
    pub hint: Option<Msg>,
}

impl Told {
    /// A message with no hint.
    pub fn new(msg: Msg) -> Self {
        Told { msg, hint: None }
    }

    /// Adds the hint.
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The message, then its hint on its own line, in the language of `s`.
    pub fn say(&self, s: &Catalog) -> String {
        let mut out = s.msg(&self.msg);
        if let Some(h) = &self.hint {
            out.push_str("\n  ");
            out.push_str(&s.fmt("cli-hint", &[("hint", s.msg(h).into())]));
        }
        out
    }
}

impl From<Msg> for Told {
    fn from(msg: Msg) -> Self {
        Told::new(msg)
    }
}

impl std::fmt::Display for Told {
    /// The English text, hint included.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(&Catalog::of(Lang::En)))
    }
}

impl Localize for Told {
    fn message(&self, s: &Catalog) -> String {
        self.say(s)
    }
}

impl Localize for Msg {
    fn message(&self, s: &Catalog) -> String {
        s.msg(self)
    }
}

/// How many messages [`Msg::remembered`] keeps, per thread.
const REMEMBERED: usize = 64;

thread_local! {
    /// The messages remembered by [`Msg::remembered`], oldest first.
    static SAID: std::cell::RefCell<Vec<(String, Msg)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`Localize`] for errors that say themselves with a `told()` ([`Told`]):
/// their message and hint in the language of the catalog.
macro_rules! told_localize {
    ($($t:ty),+ $(,)?) => {
        $(impl $crate::render::catalog::Localize for $t {
            fn message(&self, s: &$crate::render::catalog::Catalog) -> String {
                self.told().say(s)
            }
        })+
    };
}
pub(crate) use told_localize;

/// What a person reads of an error or a diagnostic, in the run's language.
pub trait Localize {
    /// The text in the language of `s` (hints included, on their own line).
    fn message(&self, s: &Catalog) -> String;
}

/// The messages of one language.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// Every message rendered with each variable written `{name}`.
    plain: BTreeMap<String, String>,
    /// The syntax errors of the source (a bug in `templates/`; unit-tested).
    errors: Vec<String>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

/// The Fluent id of a key: Fluent ids have no dots, the keys of the first
/// tables (`status_state.overdue`) do.
fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

/// The variables a pattern uses, selectors and nested placeables included.
fn pattern_vars<'s>(p: &ast::Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars<'s>(e: &ast::Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars<'s>(e: &ast::InlineExpression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// `digits` with `sep` between each group of three from the right: "1 200".
pub fn group_digits(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

/// A whole number of 1 000 or more with the grouping of the language, as
/// the messages print counts ("1 200" in French, "1,200" in English); any
/// other number as Fluent writes it.
fn grouped(v: &FluentValue<'_>, sep: &str) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let x = n.value;
    if x.fract() != 0.0 || !(1000.0..1e15).contains(&x.abs()) || !n.options.use_grouping {
        return None;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    // Whole and below 1e15: exact as an integer.
    let digits = (x.abs() as u64).to_string();
    Some(format!("{sign}{}", group_digits(&digits, sep)))
}

fn grouped_fr<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped(v, "\u{202f}")
}

fn grouped_en<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    grouped(v, ",")
}

impl Catalog {
    /// The catalog of `lang`, parsed once per run.
    pub fn of(lang: Lang) -> Arc<Catalog> {
        static FR: OnceLock<Arc<Catalog>> = OnceLock::new();
        static EN: OnceLock<Arc<Catalog>> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| Arc::new(Catalog::load(lang))).clone()
    }

    fn load(lang: Lang) -> Catalog {
        let mut errors = Vec::new();
        // A broken source keeps what parsed: the errors are unit-tested.
        let resource = FluentResource::try_new(source(lang)).unwrap_or_else(|(r, e)| {
            errors.extend(e.iter().map(|e| format!("{e:?}")));
            r
        });
        let langid: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::Fr => grouped_fr,
            Lang::En => grouped_en,
        }));
        let vars = Self::variables_of(&resource);
        if let Err(e) = bundle.add_resource(resource) {
            errors.extend(e.iter().map(|e| e.to_string()));
        }
        let mut cat = Catalog {
            lang,
            bundle,
            plain: BTreeMap::new(),
            errors,
        };
        for (id, names) in vars {
            let args: Vec<(String, String)> = names
                .iter()
                .map(|n| (n.clone(), format!("{{{n}}}")))
                .collect();
            let args: Vec<(&str, Arg<'_>)> = args
                .iter()
                .map(|(k, v)| (k.as_str(), Arg::from(v.as_str())))
                .collect();
            let text = cat.fmt(&id, &args);
            cat.plain.insert(id, text);
        }
        cat
    }

    /// Every message id of a resource with the variables it uses.
    fn variables_of(r: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for e in r.entries() {
            if let ast::Entry::Message(m) = e {
                let mut v = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut v);
                }
                out.insert(
                    m.id.name.to_string(),
                    v.into_iter().map(str::to_string).collect(),
                );
            }
        }
        out
    }

    /// The syntax errors of the source, if any (a bug in `templates/`).
    pub fn problems(&self) -> &[String] {
        &self.errors
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Message `id` (a Fluent id, or a key with dots) with `args`; the id
    /// itself when there is no such message.
    pub fn fmt(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fid = fluent_id(id);
        let Some(pattern) = self.bundle.get_message(&fid).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// A kept message ([`Msg`]) in this language.
    pub fn msg(&self, m: &Msg) -> String {
        let nested: Vec<Option<String>> = m
            .args
            .iter()
            .map(|(_, v)| match v {
                MsgArg::Said(inner) => Some(self.msg(inner)),
                MsgArg::Fields(codes) => Some(crate::audit::fields_in_words(self, codes)),
                _ => None,
            })
            .collect();
        let args: Vec<(&str, Arg<'_>)> = m
            .args
            .iter()
            .zip(&nested)
            .map(|((k, v), said)| {
                (
                    *k,
                    match (v, said) {
                        (MsgArg::Text(t), _) => Arg::from(t.as_str()),
                        (MsgArg::Number(n), _) => Arg::from(*n),
                        (MsgArg::Said(_) | MsgArg::Fields(_), s) => {
                            Arg::from(s.as_deref().unwrap_or(""))
                        }
                    },
                )
            })
            .collect();
        self.fmt(m.id, &args)
    }

    /// An English text that ends with `\n  hint: …` lines, the hint label
    /// said in this language (for the messages not yet in the catalog).
    pub fn relabel_hints(&self, text: &str) -> String {
        if self.lang == Lang::En {
            return text.to_string();
        }
        let label = self.fmt("cli-hint", &[("hint", "".into())]);
        text.replace("\n  hint: ", &format!("\n  {label}"))
    }

    /// Message `key` with no argument (each variable, if any, written
    /// `{name}` for the caller to fill); the key itself when it is missing.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.plain.get(&fluent_id(key)).map_or(key, String::as_str)
    }

    /// True when message `key` exists.
    pub fn has(&self, key: &str) -> bool {
        self.plain.contains_key(&fluent_id(key))
    }

    /// A list of labels (e.g. month names): messages `key-1`, `key-2`… in
    /// order.
    pub fn list(&self, key: &str) -> Vec<String> {
        let base = fluent_id(key);
        (1..)
            .map_while(|i| self.plain.get(&format!("{base}-{i}")).cloned())
            .collect()
    }

    /// The comment line that opens a new record file: label `key`, its
    /// `{id}` replaced by `id`.
    pub fn file_header(&self, key: &str, id: &str) -> String {
        format!("# {}\n", self.fmt(key, &[("id", id.into())]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut all = BTreeMap::new();
        for (name, src) in SOURCES.iter().find(|(l, _)| *l == lang).unwrap().1.iter() {
            let r = FluentResource::try_new(src.to_string()).unwrap_or_else(|(_, e)| {
                panic!("templates/{}/{name}.ftl does not parse: {e:?}", lang.code())
            });
            for (id, v) in Catalog::variables_of(&r) {
                assert!(
                    all.insert(id.clone(), v).is_none(),
                    "`{id}` is defined twice in templates/{}/",
                    lang.code()
                );
            }
        }
        all
    }

    #[test]
    fn the_time_prompts_name_the_zone_as_a_zone() {
        let fr = Catalog::of(Lang::Fr);
        for id in [
            "prompt-aware-at",
            "prompt-occurred-at",
            "prompt-discovered-at",
        ] {
            let p = fr.fmt(id, &[("tz", Arg::from("Europe/Paris"))]);
            assert!(p.contains("fuseau Europe/Paris"), "{p}");
            assert!(!p.contains("heure de"), "{p}");
        }
    }

    #[test]
    fn both_catalogs_parse_and_have_the_same_ids_with_the_same_variables() {
        for lang in [Lang::Fr, Lang::En] {
            assert!(
                Catalog::of(lang).problems().is_empty(),
                "{:?}",
                Catalog::of(lang).problems()
            );
        }
        let (fr, en) = (vars(Lang::Fr), vars(Lang::En));
        let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
        assert!(only_fr.is_empty(), "only in fr/dpo.ftl: {only_fr:?}");
        assert!(only_en.is_empty(), "only in en/dpo.ftl: {only_en:?}");
        let differ: Vec<_> = fr
            .iter()
            .filter(|(k, v)| en.get(*k) != Some(v))
            .map(|(k, v)| (k, v, &en[k]))
            .collect();
        assert!(
            differ.is_empty(),
            "variables differ (id, fr, en): {differ:?}"
        );
    }

    #[test]
    fn french_text_has_its_narrow_no_break_spaces() {
        for (name, src) in SOURCES[0].1.iter() {
            for (n, line) in src.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                for bad in [" :", " ;", " !", " ?", "« ", " »"] {
                    assert!(
                        !line.contains(bad),
                        "templates/fr/{name}.ftl:{}: `{bad}` needs U+202F: {line}",
                        n + 1
                    );
                }
            }
        }
    }

    #[test]
    fn plurals_isolation_and_placeholders() {
        let fr = Catalog::of(Lang::Fr);
        let en = Catalog::of(Lang::En);
        assert_eq!(fr.get("todo"), "«\u{202f}à compléter\u{202f}»");
        assert_eq!(fr.get("date_pattern"), "{day} {month} {year}");
        assert_eq!(fr.list("months").len(), 12);
        for (cat, n, want) in [
            (&fr, 1, "une reconduction possible"),
            (&fr, 2, "2 reconductions possibles"),
            (&en, 1, "one renewal allowed"),
            (&en, 3, "3 renewals allowed"),
        ] {
            assert_eq!(cat.fmt("renewals-allowed", &[("n", n.into())]), want);
        }
        // Counts are grouped as the language writes them.
        let n = |cat: &Catalog, n: i64| cat.fmt("fate-blocking", &[("n", n.into())]);
        assert!(
            n(&fr, 1200).starts_with("1\u{202f}200 choses"),
            "{}",
            n(&fr, 1200)
        );
        assert!(
            n(&en, 45000).starts_with("45,000 things"),
            "{}",
            n(&en, 45000)
        );
        assert!(n(&fr, 999).starts_with("999 choses"), "{}", n(&fr, 999));
        // No FSI/PDI around a variable.
        let s = en.fmt(
            "breach_footer",
            &[("id", "2021-001".into()), ("processor", "EPT".into())],
        );
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
        assert_eq!(en.get("no-such-message"), "no-such-message");
    }
}
