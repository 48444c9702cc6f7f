//! The pages of the site, each made from what another module computes.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::html::{esc, href, markdown, msg_html, table, Frame};
use super::{Site, SiteError, FILES_DIR};
use crate::audit::records;
use crate::breach::summary::{self, MomentKind};
use crate::breach::{notice, store as breach_store};
use crate::model::{Breach, FateRecord, Id};
use crate::register::{self, RegisterRequest};
use crate::render::catalog::Localize;
use crate::render::templates::Strings;
use crate::render::{words, Templates};
use crate::status::{self, urgency::Summary, State, StatusItem};
use crate::workspace::journal::JournalEntry;
use crate::workspace::Workspace;

/// The page of breach `id`.
fn breach_page(id: &str) -> String {
    format!("breach-{id}.html")
}

/// The page of the register of controller `id`.
fn register_page(id: &str) -> String {
    format!("register-{id}.html")
}

/// `(title, rest)`: the first `# ` heading of a Markdown document, taken
/// out (the page says it as its `<h1>`).
fn split_title(md: &str) -> (Option<String>, String) {
    let mut title = None;
    let mut rest = String::new();
    for line in md.lines() {
        match line.strip_prefix("# ") {
            Some(t) if title.is_none() => title = Some(t.trim().replace('\\', "")),
            _ => {
                rest.push_str(line);
                rest.push('\n');
            }
        }
    }
    (title, rest)
}

/// The SHA-256 a record states for the file `path` it names in its field
/// `k`: the field `k_sha256` beside it (`pdf` → `pdf_sha256`), else the
/// field `sha256` of the same mapping (`sent.eml` → `sent.sha256`).
fn recorded_digest(fields: &[(String, String)], path: &str) -> Option<String> {
    let (k, _) = fields.iter().find(|(_, v)| v == path)?;
    let beside = match k.rsplit_once('.') {
        Some((parent, _)) => format!("{parent}.sha256"),
        None => "sha256".to_string(),
    };
    let own = format!("{k}_sha256");
    fields
        .iter()
        .find(|(f, _)| *f == own)
        .or_else(|| fields.iter().find(|(f, _)| *f == beside))
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
}

/// The state of a status item as its CSS class and catalog key suffix.
fn state_code(state: State) -> String {
    serde_json::to_value(state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(super) struct Maker<'a> {
    ws: &'a Workspace,
    t: &'a Templates,
    only: Option<&'a Id>,
    now: DateTime<Utc>,
    site: Site,
    /// Pages made so far: file, `<h1>`, body.
    pages: Vec<(String, String, String)>,
    /// Record ids and workspace paths shown (for the journal excerpt).
    included: BTreeSet<String>,
    /// The journal's entries, for who did what in the timelines.
    entries: Vec<JournalEntry>,
}

impl<'a> Maker<'a> {
    pub(super) fn new(
        ws: &'a Workspace,
        t: &'a Templates,
        only: Option<&'a Id>,
        now: DateTime<Utc>,
    ) -> Result<Self, SiteError> {
        Ok(Maker {
            ws,
            t,
            only,
            now,
            site: Site::default(),
            pages: Vec::new(),
            included: BTreeSet::new(),
            entries: ws.journal().entries().unwrap_or_default(),
        })
    }

    fn s(&self) -> &'a Strings {
        self.t.strings()
    }

    fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, crate::render::catalog::Arg<'_>)> =
            args.iter().map(|(k, v)| (*k, (*v).into())).collect();
        self.s().fmt(id, &args)
    }

    /// The column headers of a table, each a catalog message.
    fn headers(&self, ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| self.say(id, &[])).collect()
    }

    fn page(&mut self, file: String, title: String, body: String) {
        self.pages.push((file, title, body));
    }

    /// Copies the workspace file `rel` into the site under [`FILES_DIR`];
    /// its path in the site, or `None` when the workspace has no such file.
    fn copy(&mut self, rel: &str) -> Option<String> {
        let rel = rel.trim_start_matches("./");
        if rel.contains("..") || std::path::Path::new(rel).is_absolute() {
            return None;
        }
        let bytes = std::fs::read(self.ws.root.join(rel)).ok()?;
        let to = format!("{FILES_DIR}/{rel}");
        self.site.files.insert(to.clone(), bytes);
        self.included.insert(rel.to_string());
        Some(to)
    }

    /// A link to the copy of `rel`, or the path said missing.
    fn file_link(&mut self, rel: &str) -> String {
        match self.copy(rel) {
            Some(to) => format!("<a href=\"{}\"><code>{}</code></a>", href(&to), esc(rel)),
            None => msg_html(&self.say("site-file-missing", &[("file", rel)])),
        }
    }

    /// The recorded digest of a kept file and, when the file is there,
    /// whether it still has it (in words and colour), as list items.
    fn digest_said(&self, bytes: Option<&[u8]>, recorded: &str) -> String {
        let mut out = format!(
            "<li>{}</li>",
            msg_html(&self.say("site-sha256-recorded", &[("sha", recorded)]))
        );
        if let Some(bytes) = bytes {
            let sha = crate::hashing::sha256_hex(bytes);
            let (class, key) = if sha.eq_ignore_ascii_case(recorded) {
                ("good", "site-sha256-matches")
            } else {
                ("bad", "site-sha256-differs")
            };
            out.push_str(&format!(
                "<li><span class=\"state {class}\">{}</span></li>",
                msg_html(&self.say(key, &[("sha", &sha)]))
            ));
        }
        out
    }

    /// The digest of a kept file no record states, as a list item.
    fn digest_unrecorded(&self, bytes: Option<&[u8]>) -> String {
        bytes.map_or_else(String::new, |b| {
            format!(
                "<li>{}</li>",
                msg_html(&self.say(
                    "site-sha256-unrecorded",
                    &[("sha", &crate::hashing::sha256_hex(b))]
                ))
            )
        })
    }

    /// The kept message `rel` as a person reads it: its headers and text
    /// decoded, each attachment with its name, size and digest, the
    /// attached files copied beside it (named `<index>-<name>`, so no two
    /// share a path) and linked.
    fn kept_mail(&mut self, rel: &str, raw: &[u8]) -> String {
        let s = self.s();
        let Some(m) = crate::mail::read::read(raw) else {
            return format!("<pre>{}</pre>\n", esc(&String::from_utf8_lossy(raw)));
        };
        let date = m
            .date
            .map(|d| words::long_instant(s, d, self.ws.tz))
            .unwrap_or_default();
        let rows: Vec<Vec<String>> = [
            ("site-mail-from", m.from.as_str()),
            ("site-mail-to", m.to.as_str()),
            ("site-mail-date", date.as_str()),
            ("site-mail-subject", m.subject.as_str()),
            ("site-mail-id", m.message_id.as_str()),
        ]
        .iter()
        .map(|(k, v)| vec![self.say(k, &[]), (*v).to_string()])
        .collect();
        let headers = self.headers(&["site-col-header", "site-col-value"]);
        let mut out = table(&self.say("site-mail-headers", &[]), &headers, &rows);
        out.push_str(&format!("<pre class=\"mail\">{}</pre>\n", esc(&m.body)));
        if m.attachments.is_empty() {
            return out;
        }
        // The attached files, beside the message in the site.
        let dir = format!("{FILES_DIR}/{}", rel.trim_end_matches(".eml"));
        let mut items = Vec::new();
        for (i, a) in m.attachments.iter().enumerate() {
            let name = std::path::Path::new(&a.name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .unwrap_or_else(|| format!("attachment-{}", i + 1));
            // Its index in the message first: two attachments of one
            // message may share a name, each row links its own bytes.
            let to = format!("{dir}/{}-{name}", i + 1);
            self.site.files.insert(to.clone(), a.bytes.clone());
            items.push(format!(
                "<li><a href=\"{}\"><code>{}</code></a> — {} — {}</li>",
                href(&to),
                msg_html(&name),
                msg_html(&words::bytes(s, a.bytes.len() as u64)),
                msg_html(&self.say(
                    "site-sha256",
                    &[("sha", &crate::hashing::sha256_hex(&a.bytes))]
                )),
            ));
        }
        out.push_str(&format!(
            "<p>{}</p>\n<ul>{}</ul>\n",
            msg_html(&self.say("site-mail-attachments", &[])),
            items.join("")
        ));
        out
    }

    /// Controller `c`'s name after `prep` ("à", "de"), as the documents
    /// write it (with its French article).
    fn controller_after(&self, prep: &str, c: &Id) -> String {
        match self.ws.controller(c) {
            Some(x) => crate::model::name_after(
                self.t.lang(),
                prep,
                &x.name,
                x.name_with_article.as_deref(),
            ),
            None => crate::model::name_after(self.t.lang(), prep, c.as_str(), None),
        }
    }

    fn controllers(&self) -> Vec<(Id, String)> {
        self.ws
            .controllers
            .iter()
            .filter(|(id, _)| self.only.is_none_or(|c| c == id))
            .map(|(id, c)| (id.clone(), c.name.clone()))
            .collect()
    }

    pub(super) fn make(mut self) -> Result<Site, SiteError> {
        let breaches = self.breaches()?;
        self.status(&breaches);
        self.registers()?;
        self.records()?;
        self.people();
        self.fate();
        self.journal()?;
        self.finish()
    }

    /// The home page: the summary line, then every duty, the urgent
    /// breaches first (overdue, incomplete, due soon), then as `dpo status`
    /// orders them.
    fn status(&mut self, breaches: &[(Id, String)]) {
        let s = self.s();
        let (mut items, diags) = status::collect_for(self.ws, self.now, self.only, s);
        self.site.diagnostics.extend(diags);
        if self.only.is_some() {
            // As in the audit pack: an uncertain sending concerns the whole outbox.
            items.retain(|i| i.kind != status::sending::KIND_UNCERTAIN);
        }
        let urgent = |i: &StatusItem| {
            i.kind.starts_with("breach")
                && matches!(i.state, State::Overdue | State::Incomplete | State::DueSoon)
        };
        let (mut first, rest): (Vec<StatusItem>, Vec<StatusItem>) =
            items.into_iter().partition(urgent);
        first.extend(rest);
        let sum = Summary::of(&first, self.now);
        let now_local = crate::time::in_tz(self.now, self.ws.tz);
        let mut body = format!(
            "<p class=\"summary\">{}</p>\n",
            msg_html(&s.fmt(
                "site-summary",
                &[
                    ("overdue", sum.overdue.into()),
                    ("incomplete", sum.incomplete.into()),
                    ("soon", sum.due_soon.into()),
                    ("days", sum.due_soon_days.into()),
                    ("todo", sum.undated.into()),
                ]
            ))
        );
        body.push_str(&format!(
            "<p>{}</p>\n",
            msg_html(&self.say(
                "site-as-of",
                &[(
                    "date",
                    &words::long_instant(s, now_local.fixed_offset(), self.ws.tz)
                )]
            ))
        ));
        if self.only.is_none() {
            // What `dpo check` would say (for one controller, the count
            // would speak of the others: left out).
            let n = crate::workspace::evidence::error_count(self.ws, self.now);
            let (class, key) = if n == 0 {
                ("good", "site-check-clean")
            } else {
                ("bad", "site-check-errors")
            };
            body.push_str(&format!(
                "<p class=\"check\"><span class=\"state {class}\">{}</span></p>\n",
                msg_html(&s.fmt(key, &[("n", n.into())]))
            ));
        }
        if first.is_empty() {
            body.push_str(&format!("<p>{}</p>\n", msg_html(s.get("status_nothing"))));
        } else {
            body.push_str(&format!(
                "<div class=\"table\"><table class=\"duties\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                msg_html(&self.say("site-status-caption", &[])),
                msg_html(&self.say("site-col-state", &[])),
                msg_html(&self.say("site-col-duty", &[])),
                msg_html(&self.say("site-col-due", &[])),
                msg_html(&self.say("site-col-missing", &[])),
            ));
            for i in &first {
                let code = state_code(i.state);
                let mark = match i.state {
                    State::Overdue | State::Incomplete => "⚠ ",
                    State::DueSoon => "◷ ",
                    State::Done | State::DoneLate => "✓ ",
                    _ => "",
                };
                let breach = i
                    .kind
                    .starts_with("breach")
                    .then(|| i.subject.split('/').next().unwrap_or_default())
                    .filter(|id| breaches.iter().any(|(b, _)| b.as_str() == *id));
                let title = match breach {
                    Some(id) => format!(
                        "<a href=\"{}\">{}</a>",
                        href(&breach_page(id)),
                        msg_html(&i.title)
                    ),
                    None => msg_html(&i.title),
                };
                let due = match i.due {
                    Some(d) if !i.state.is_done() => format!(
                        "{} — {}",
                        words::long_instant(s, d, self.ws.tz),
                        words::time_left(s, now_local, d)
                    ),
                    Some(d) => words::long_instant(s, d, self.ws.tz),
                    None => "—".to_string(),
                };
                body.push_str(&format!(
                    "<tr class=\"{code}\"><td><span class=\"state\"><span aria-hidden=\"true\">{mark}</span>{}</span></td><td>{title}<br><small>{}</small></td><td>{}</td><td>{}</td></tr>\n",
                    msg_html(s.get(&format!("status_state.{code}"))),
                    msg_html(s.get(&format!("status_kind.{}", i.kind))),
                    msg_html(&due),
                    msg_html(&i.missing_line(s).unwrap_or_default()),
                ));
            }
            body.push_str("</tbody></table></div>\n");
        }
        let title = self.say("site-home", &[]);
        self.pages.insert(0, ("index.html".into(), title, body));
    }

    fn registers(&mut self) -> Result<(), SiteError> {
        for (id, name) in self.controllers() {
            let req = RegisterRequest {
                controllers: Some(vec![id.clone()]),
                now: self.now,
            };
            let reg = register::build(self.ws, &req)?;
            let md = self.t.render("register.md", &reg)?;
            let (_, rest) = split_title(&md);
            let title = self.say("site-register", &[("controller", &name)]);
            let body = markdown(&rest, 0, &title);
            self.page(register_page(id.as_str()), title, body);
        }
        Ok(())
    }

    /// One page per breach (for one controller: its breaches, with only its
    /// notifications and calls), and the list; the ids and titles made.
    fn breaches(&mut self) -> Result<Vec<(Id, String)>, SiteError> {
        let (loaded, diags) = breach_store::load_all(self.ws);
        self.site.diagnostics.extend(diags);
        let head = self.ws.journal().head()?;
        let mut made = Vec::new();
        let mut rows = Vec::new();
        for l in loaded {
            let mut b = l.breach;
            if let Some(c) = self.only {
                if !b.controllers.contains(c) {
                    continue;
                }
                b.controllers.retain(|x| x == c);
                b.notifications.retain(|n| &n.controller == c);
                b.calls.retain(|n| &n.controller == c);
            }
            self.included.insert(b.id.to_string());
            self.included.insert(l.source.rel.clone());
            let body = self.breach(&b, head.clone())?;
            let title = self.say("site-breach", &[("id", b.id.as_str()), ("title", &b.title)]);
            rows.push(format!(
                "<li><a href=\"{}\">{}</a></li>",
                href(&breach_page(b.id.as_str())),
                msg_html(&title)
            ));
            made.push((b.id.clone(), title.clone()));
            self.page(breach_page(b.id.as_str()), title, body);
        }
        let body = if rows.is_empty() {
            format!(
                "<p>{}</p>\n",
                msg_html(&self.say("site-breaches-none", &[]))
            )
        } else {
            format!("<ul>\n{}\n</ul>\n", rows.join("\n"))
        };
        let title = self.say("site-breaches", &[]);
        self.page("breaches.html".into(), title, body);
        Ok(made)
    }

    fn breach(
        &mut self,
        b: &Breach,
        head: crate::workspace::JournalHead,
    ) -> Result<String, SiteError> {
        let s = self.s();
        let tz = self.ws.tz;
        let name = |c: &Id| {
            self.ws
                .controller(c)
                .map_or(c.to_string(), |x| x.name.clone())
        };
        let mut rows = Vec::new();
        for m in summary::timeline(b, tz, &self.entries) {
            let mut event = s.get(m.kind.key()).to_string();
            if let Some(n) = m.supplement {
                event = format!("{event}{n}");
            }
            let mut detail: Vec<String> = Vec::new();
            if let Some(by) = &m.by {
                detail.push(s.fmt("timeline_by", &[("by", by.as_str().into())]));
            }
            match (m.kind, m.source) {
                (MomentKind::Notification | MomentKind::Supplement, Some(k)) => {
                    if let Some(n) = b.notifications.get(k) {
                        detail
                            .push(s.fmt("timeline_to", &[("to", n.recipients.join(", ").into())]));
                        detail.push(format!("Message-ID {}", n.message_id));
                        detail.push(self.say("site-smtp-reply", &[("reply", &n.server_reply)]));
                    }
                }
                (MomentKind::Call, Some(k)) => {
                    if let Some(c) = b.calls.get(k) {
                        detail.push(format!("{} ({}) — {}", c.to, c.number, c.outcome));
                    }
                }
                _ => {}
            }
            rows.push(vec![
                words::long_instant(s, m.at, tz),
                event,
                m.controller.as_ref().map(name).unwrap_or_default(),
                detail.join(" — "),
            ]);
        }
        let headers = self.headers(&[
            "site-col-when",
            "site-col-event",
            "site-col-controller",
            "site-col-detail",
        ]);
        let timeline_title = self.say("site-timeline", &[]);
        let mut body = format!("<h2>{}</h2>\n", msg_html(&timeline_title));
        body.push_str(&table(
            &self.say("site-timeline-caption", &[]),
            &headers,
            &rows,
        ));
        // The evidence: each kept e-mail, as text, with its digest.
        let evidence_title = self.say("site-evidence", &[]);
        body.push_str(&format!("<h2>{}</h2>\n", msg_html(&evidence_title)));
        if b.notifications.is_empty() {
            body.push_str(&format!(
                "<p>{}</p>\n",
                msg_html(&self.say("site-evidence-none", &[]))
            ));
        }
        for n in &b.notifications {
            let at = words::long_instant(s, n.sent_at, tz);
            body.push_str(&format!(
                "<h3>{}</h3>\n",
                msg_html(&self.say(
                    "site-evidence-mail",
                    &[
                        ("controller", &self.controller_after("à", &n.controller)),
                        ("date", &at)
                    ]
                ))
            ));
            let link = self.file_link(&n.eml);
            let bytes = std::fs::read(self.ws.root.join(&n.eml)).ok();
            let mut facts = format!("<li>{link}</li>");
            facts.push_str(&self.digest_said(bytes.as_deref(), &n.sha256));
            body.push_str(&format!("<ul>{facts}</ul>\n"));
            if let Some(bytes) = bytes {
                body.push_str(&self.kept_mail(&n.eml, &bytes));
            }
        }
        // The report, as `dpo breach report` writes it.
        let ctx = notice::report_context(self.ws, self.t, b, self.now, head);
        let mut md = self.t.render("breach-report.md", &ctx)?;
        // Without the signature block: nobody signed this view (D4).
        let signature = self.t.render("signature.md", &ctx)?;
        if let Some(at) = md
            .rfind(signature.trim())
            .filter(|_| !signature.trim().is_empty())
        {
            md.replace_range(at..at + signature.trim().len(), "");
        }
        let (title, rest) = split_title(&md);
        body.push_str(&format!(
            "<h2>{}</h2>\n",
            msg_html(&title.unwrap_or_else(|| self.say("site-report", &[])))
        ));
        body.push_str(&markdown(&rest, 1, &b.title));
        Ok(body)
    }

    /// The logs of requests, instructions and sub-processor notices.
    fn records(&mut self) -> Result<(), SiteError> {
        let names = records::Names::of(self.ws);
        for (dir, title_key) in records::RECORD_DIRS {
            let log = records::load_dir(self.ws, dir, self.only)?;
            self.site.diagnostics.extend(log.diagnostics);
            let title = self.s().get(title_key).to_string();
            let mut body = String::new();
            if log.records.is_empty() {
                body.push_str(&format!(
                    "<p>{}</p>\n",
                    msg_html(&self.say("site-records-none", &[]))
                ));
            } else {
                let md = records::markdown(self.t, self.ws.tz, &names, &title, &log.records);
                body.push_str(&markdown(&split_title(&md).1, 0, &title));
                let mut files = Vec::new();
                for r in &log.records {
                    self.included.insert(r.id.clone());
                    self.included.insert(r.rel.clone());
                    for e in &r.evidence {
                        let link = self.file_link(e);
                        let bytes = std::fs::read(self.ws.root.join(e)).ok();
                        let said = match recorded_digest(&r.fields, e) {
                            Some(sha) => self.digest_said(bytes.as_deref(), &sha),
                            None => self.digest_unrecorded(bytes.as_deref()),
                        };
                        files.push(format!("<li>{link}<ul>{said}</ul></li>"));
                    }
                }
                if !files.is_empty() {
                    body.push_str(&format!(
                        "<h2>{}</h2>\n<ul>{}</ul>\n",
                        msg_html(&self.say("site-evidence", &[])),
                        files.join("\n")
                    ));
                }
            }
            self.page(format!("{dir}.html"), title, body);
        }
        Ok(())
    }

    fn people(&mut self) {
        let s = self.s();
        let mut body = String::new();
        let people_title = s.get("audit_people_title").to_string();
        body.push_str(&format!("<h2>{}</h2>\n", msg_html(&people_title)));
        body.push_str(&format!(
            "<p>{}</p>\n",
            msg_html(&match self.ws.people.training_interval_months {
                Some(n) => s
                    .get("audit_people_interval")
                    .replace("{months}", &n.to_string()),
                None => s.get("audit_people_no_interval").to_string(),
            })
        ));
        let rows = crate::audit::texts(status::sheets::people_rows(self.ws, s, self.only));
        body.push_str(&table(
            &people_title,
            &s.list("audit_people_headers"),
            &rows,
        ));
        let measures_title = s.get("audit_measures_title").to_string();
        body.push_str(&format!("<h2>{}</h2>\n", msg_html(&measures_title)));
        let rows = crate::audit::texts(status::sheets::measure_rows(self.ws, s, self.only));
        body.push_str(&table(
            &measures_title,
            &s.list("audit_measures_headers"),
            &rows,
        ));
        let title = self.say("site-people", &[]);
        self.page("people.html".into(), title, body);
    }

    /// Each controller's data fate: every copy's state, what stands in the
    /// way of the certificate, and each certificate with its verification.
    fn fate(&mut self) {
        let s = self.s();
        let mut body = String::new();
        let ids: Vec<Id> = crate::fate::list_fate_files(&self.ws.root)
            .unwrap_or_default()
            .into_iter()
            .filter(|id| self.only.is_none_or(|c| c == id))
            .collect();
        if ids.is_empty() {
            body.push_str(&format!(
                "<p>{}</p>\n",
                msg_html(&self.say("site-fate-none", &[]))
            ));
        }
        for id in ids {
            let name = self
                .ws
                .controller(&id)
                .map_or(id.to_string(), |c| c.name.clone());
            body.push_str(&format!("<h2>{}</h2>\n", msg_html(&name)));
            let rel = crate::fate::fate_rel(&id);
            self.included.insert(rel.clone());
            match crate::fate::overview(self.ws, Some(&id), s) {
                Ok(all) => {
                    for c in all {
                        let mut rows = Vec::new();
                        for it in &c.items {
                            for cp in &it.copies {
                                rows.push(vec![
                                    it.name.clone(),
                                    cp.copy.to_string(),
                                    crate::fate::kind_label(cp.kind, s),
                                    self.say(
                                        &format!("site-copy-{}", state_code_copy(cp.state)),
                                        &[],
                                    ),
                                    cp.todo.clone().unwrap_or_default(),
                                ]);
                            }
                        }
                        let caption = self.say(
                            "site-fate-copies",
                            &[("controller", &self.controller_after("de", &id))],
                        );
                        let headers = self.headers(&[
                            "site-col-item",
                            "site-col-copy",
                            "site-col-kind",
                            "site-col-state",
                            "site-col-todo",
                        ]);
                        body.push_str(&table(&caption, &headers, &rows));
                        if !c.pending.is_empty() {
                            body.push_str(&format!(
                                "<p>{}</p>\n<ul>{}</ul>\n",
                                msg_html(&self.say("site-fate-pending", &[])),
                                c.pending
                                    .iter()
                                    .map(|p| format!("<li>{}</li>", msg_html(&p.text(s))))
                                    .collect::<String>()
                            ));
                        }
                    }
                }
                Err(e) => body.push_str(&format!("<p>{}</p>\n", msg_html(&e.message(s)))),
            }
            body.push_str(&self.certificates(&rel));
        }
        let title = self.say("site-fate", &[]);
        self.page("fate.html".into(), title, body);
    }

    fn certificates(&mut self, rel: &str) -> String {
        let s = self.s();
        let mut out = String::new();
        let Ok(Some((f, _))) =
            crate::workspace::read_record::<crate::model::FateFile>(&self.ws.root, rel)
        else {
            return out;
        };
        for r in &f.records {
            let FateRecord::Certificate(c) = r else {
                continue;
            };
            let at = words::long_instant(s, c.at, self.ws.tz);
            out.push_str(&format!(
                "<h3>{}</h3>\n",
                msg_html(&self.say("site-certificate", &[("date", &at), ("by", &c.by)]))
            ));
            // The keys the command below names, at the root of the site.
            let keys = format!(
                "{}/{}",
                crate::signing::KEYS_DIR,
                crate::signing::ALLOWED_SIGNERS
            );
            if let Ok(bytes) = std::fs::read(self.ws.root.join(&keys)) {
                let name = crate::signing::ALLOWED_SIGNERS.to_string();
                self.site.files.insert(name, bytes);
            }
            let pdf = self.file_link(&c.pdf);
            let json = self.file_link(&c.json);
            let pdf_sig = self.copy(&format!("{}.sig", c.pdf));
            self.copy(&format!("{}.sig", c.json));
            let read = |rel: &str| std::fs::read(self.ws.root.join(rel)).ok();
            let pdf_said = self.digest_said(read(&c.pdf).as_deref(), &c.pdf_sha256);
            let json_said = self.digest_said(read(&c.json).as_deref(), &c.json_sha256);
            out.push_str(&format!(
                "<ul><li>{pdf}<ul>{pdf_said}</ul></li><li>{json}<ul>{json_said}</ul></li><li>{}</li></ul>\n",
                msg_html(&self.say("site-key", &[("key", &c.key_fingerprint)])),
            ));
            let principal = std::fs::read(self.ws.root.join(&c.json))
                .ok()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
                .and_then(|v| {
                    v.pointer("/signature/principal")
                        .and_then(|p| p.as_str().map(str::to_string))
                })
                .unwrap_or_else(|| s.get("to_confirm").to_string());
            let pdf_in_site = format!("{FILES_DIR}/{}", c.pdf);
            let command = crate::fate::verify_command(
                &principal,
                crate::signing::NS_CERTIFICATE,
                &pdf_in_site,
                &format!("{pdf_in_site}.sig"),
            );
            let note = if pdf_sig.is_some() {
                self.say("site-certificate-verify", &[])
            } else {
                self.say("site-certificate-no-signature", &[])
            };
            out.push_str(&format!(
                "<p>{}</p>\n<pre><code>{}</code></pre>\n",
                msg_html(&note),
                esc(&command)
            ));
        }
        out
    }

    /// The journal's entries (for one controller, the audit pack's excerpt)
    /// and its verification, as `dpo journal verify` says it.
    fn journal(&mut self) -> Result<(), SiteError> {
        let s = self.s();
        let journal = self.ws.journal();
        let report = journal.verify()?;
        self.site.journal_intact = report.problem.is_none();
        let said = crate::audit::journal_said(s, &report);
        let class = if report.problem.is_none() {
            "good"
        } else {
            "bad"
        };
        let mut body = format!(
            "<p><span class=\"state {class}\">{}</span></p>\n",
            msg_html(&said)
        );
        let text = std::fs::read_to_string(journal.path()).unwrap_or_default();
        let text = match self.only {
            None => text,
            Some(c) => {
                let (kept, omitted) = records::journal_excerpt(self.ws, &text, c, &self.included);
                body.push_str(&format!(
                    "<p>{}</p>\n",
                    msg_html(&s.fmt(
                        "screens-audit-excerpt",
                        &[("controller", c.as_str().into()), ("n", omitted.into())]
                    ))
                ));
                kept
            }
        };
        let rows: Vec<Vec<String>> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<JournalEntry>(l).ok())
            .map(|e| {
                let at = DateTime::parse_from_rfc3339(&e.at).map_or_else(
                    |_| e.at.clone(),
                    |t| words::long_datetime_in(s, t, self.ws.tz),
                );
                let action = words::action(s, &e.action);
                vec![e.seq.to_string(), at, e.actor, action, e.subject]
            })
            .collect();
        let headers = self.headers(&[
            "site-col-seq",
            "site-col-at",
            "site-col-actor",
            "site-col-action",
            "site-col-subject",
        ]);
        if rows.is_empty() {
            // No empty table: said in words.
            let none = match self.only {
                Some(c) => self.say("site-journal-none-for", &[("controller", c.as_str())]),
                None => self.say("site-journal-none", &[]),
            };
            body.push_str(&format!("<p>{}</p>\n", msg_html(&none)));
        } else {
            body.push_str(&table(
                &self.say("site-journal-caption", &[]),
                &headers,
                &rows,
            ));
        }
        let title = self.say("site-journal", &[]);
        self.page("journal.html".into(), title, body);
        Ok(())
    }

    /// Every page in its frame, the navigation and the footer the same on
    /// each.
    fn finish(mut self) -> Result<Site, SiteError> {
        let s = self.s();
        let only_ids = self.only.map(|c| vec![c.clone()]);
        let (_, content) = self.ws.content_manifest(only_ids.as_deref());
        let head = self.ws.journal().head()?;
        let made = words::long_instant(
            s,
            crate::time::in_tz(self.now, self.ws.tz).fixed_offset(),
            self.ws.tz,
        );
        let footer = msg_html(&self.say(
            "site-footer",
            &[
                ("date", &made),
                ("content", &content),
                ("seq", &head.seq.to_string()),
                ("head", &head.sha256),
                ("version", env!("CARGO_PKG_VERSION")),
            ],
        ));
        let mut nav: Vec<(String, String)> =
            vec![("index.html".into(), self.say("site-nav-home", &[]))];
        for (id, name) in self.controllers() {
            nav.push((
                register_page(id.as_str()),
                self.say("site-register", &[("controller", &name)]),
            ));
        }
        nav.push(("breaches.html".into(), self.say("site-breaches", &[])));
        for (dir, title_key) in records::RECORD_DIRS {
            nav.push((format!("{dir}.html"), s.get(title_key).to_string()));
        }
        nav.push(("people.html".into(), self.say("site-people", &[])));
        nav.push(("fate.html".into(), self.say("site-fate", &[])));
        nav.push(("journal.html".into(), self.say("site-journal", &[])));
        let frame = Frame {
            lang: match self.t.lang() {
                crate::model::Lang::En => "en",
                _ => "fr",
            },
            site_name: self.say(
                "site-name",
                &[(
                    "processor",
                    &crate::model::name_after(
                        self.t.lang(),
                        "de",
                        &self.ws.processor.name,
                        self.ws.processor.name_with_article.as_deref(),
                    ),
                )],
            ),
            nav,
            nav_label: self.say("site-nav", &[]),
            skip: self.say("site-skip", &[]),
            footer,
        };
        for (file, title, body) in std::mem::take(&mut self.pages) {
            let html = frame.page(&file, &title, &body);
            self.site.files.insert(file, html.into_bytes());
        }
        Ok(self.site)
    }
}

/// A copy's state as the catalog names it (`site-copy-…`).
fn state_code_copy(state: crate::fate::CopyState) -> String {
    serde_json::to_value(state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::recorded_digest;

    #[test]
    fn the_digest_of_a_file_is_the_field_beside_it() {
        let f = |k: &str, v: &str| (k.to_string(), v.to_string());
        let fields = vec![
            f("id", "r"),
            f("sent.eml", "evidence/requests/r.eml"),
            f("sent.sha256", "aa"),
            f("pdf", "evidence/c.pdf"),
            f("pdf_sha256", "bb"),
            f("json", "evidence/c.json"),
            f("other", "evidence/x.txt"),
        ];
        assert_eq!(
            recorded_digest(&fields, "evidence/requests/r.eml").as_deref(),
            Some("aa")
        );
        assert_eq!(
            recorded_digest(&fields, "evidence/c.pdf").as_deref(),
            Some("bb")
        );
        assert_eq!(recorded_digest(&fields, "evidence/c.json"), None);
        assert_eq!(recorded_digest(&fields, "evidence/x.txt"), None);
    }
}
