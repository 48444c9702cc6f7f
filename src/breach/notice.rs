//! What the documents of a breach say: the notification and its
//! supplements (e-mail text and PDF form), the breach report with its
//! timeline, and the commented file `open` writes.
//!
//! This module gathers the values; the words are in `templates/fr|en/`
//! (`breach-notice.txt`, `breach-notice.md`, `breach-report.md`,
//! `breach-show.txt`, `breach-record.yaml`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::deadline;
use super::fields::{self, Field, FieldState};
use super::summary::{self, Moment, MomentKind};
use super::{progress, BreachError, ControllerProgress};
use crate::model::{AttachedFile, Breach, Controller, Id, Lang, Processor};
use crate::render::pdf::{markdown_to_pdf, PdfMeta};
pub use crate::render::signature::SignatureView;
use crate::render::templates::Strings;
use crate::render::words;
use crate::render::Templates;
use crate::workspace::integrity::Finding;
use crate::workspace::{JournalHead, Workspace};

/// The processor, as documents show it.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessorView {
    /// Legal name.
    pub name: String,
    /// The name with its article, when `processor.yaml` gives it (the
    /// `the` filter derives it otherwise).
    pub name_with_article: Option<String>,
    /// Name in running text.
    pub short_name: String,
    /// Address.
    pub address: Option<String>,
    /// Switchboard.
    pub phone: Option<String>,
    /// SIRET.
    pub siret: Option<String>,
}

impl ProcessorView {
    fn of(p: &Processor) -> Self {
        Self {
            name: p.name.clone(),
            name_with_article: p.name_with_article.clone(),
            short_name: p.display_name().to_string(),
            address: p.address.clone(),
            phone: p.phone.clone(),
            siret: p.siret.clone(),
        }
    }
}

/// A controller, as documents show it.
#[derive(Debug, Clone, Serialize)]
pub struct ControllerView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The convention's title (and act).
    pub convention: String,
    /// The breach contact's name.
    pub contact_name: Option<String>,
    /// The breach contact's e-mail.
    pub contact_email: Option<String>,
    /// The breach contact's phone.
    pub contact_phone: Option<String>,
}

impl ControllerView {
    fn of(id: &Id, c: Option<&Controller>) -> Self {
        match c {
            Some(c) => Self {
                id: id.to_string(),
                name: c.name.clone(),
                convention: match &c.convention.act {
                    Some(act) => format!("{} ({act})", c.convention.title),
                    None => c.convention.title.clone(),
                },
                contact_name: c.contacts.breach.name.clone(),
                contact_email: c.contacts.breach.email.clone(),
                contact_phone: c.contacts.breach.phone.clone(),
            },
            None => Self {
                id: id.to_string(),
                name: id.to_string(),
                convention: String::new(),
                contact_name: None,
                contact_email: None,
                contact_phone: None,
            },
        }
    }
}

/// One required item in a document.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// The YAML path.
    pub key: String,
    /// Its label in the document's language.
    pub label: String,
    /// `given`, `deferred`, `sent_before` or `missing`.
    pub state: &'static str,
    /// Required by Annex 1 §II.8 (else a circumstance, « à compléter »
    /// while unknown).
    pub required: bool,
    /// The value (given), the reason (deferred), or empty.
    pub text: String,
}

/// A deferred item and why.
#[derive(Debug, Clone, Serialize)]
pub struct DeferredView {
    /// Its label.
    pub label: String,
    /// The reason.
    pub reason: String,
}

/// The facts every breach document starts with.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    /// Breach id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The processor.
    pub processor: ProcessorView,
    /// Whom to ask for more (the breach's `contact`, else the processor's DPO).
    pub contact: String,
    /// When it happened, shown long; `None` when unknown.
    pub occurred_at: Option<String>,
    /// When it was discovered.
    pub discovered_at: Option<String>,
    /// When the processor became aware.
    pub aware_at: String,
    /// Who discovered it.
    pub discovered_by: Option<String>,
    /// Systems affected.
    pub systems: Vec<String>,
    /// Labels of the security properties breached (confidentiality…).
    pub breached: Vec<String>,
    /// The processor's deadline, shown long.
    pub deadline: String,
}

fn facts(ws: &Workspace, t: &Templates, b: &Breach) -> Facts {
    let s = t.strings();
    let long = |d: DateTime<FixedOffset>| words::long_instant(s, d, ws.tz);
    let mut breached = Vec::new();
    for (on, key) in [
        (b.nature.confidentiality, "breach_cia.confidentiality"),
        (b.nature.integrity, "breach_cia.integrity"),
        (b.nature.availability, "breach_cia.availability"),
    ] {
        if on {
            breached.push(s.get(key).to_string());
        }
    }
    Facts {
        id: b.id.to_string(),
        title: b.title.clone(),
        processor: ProcessorView::of(&ws.processor),
        contact: contact_text(ws, s, b),
        occurred_at: b.occurred_at.map(long),
        discovered_at: b.discovered_at.map(long),
        aware_at: long(b.aware_at),
        discovered_by: b.discovered_by.clone(),
        // A system that is a category of processing of a controller of the
        // breach is named as the register names it.
        systems: b
            .systems
            .iter()
            .map(|sys| {
                b.controllers
                    .iter()
                    .filter_map(|c| ws.controller(c))
                    .find_map(|c| c.activity_name(sys))
                    .unwrap_or(sys)
                    .to_string()
            })
            .collect(),
        breached,
        deadline: long(deadline::deadline(b.aware_at)),
    }
}

/// The breach's `contact`, or the processor's DPO: the DPO's name (or that
/// it is to be completed), role, e-mail and the DPO's own phone — never
/// the processor's switchboard presented as the DPO's line.
pub fn contact_text(ws: &Workspace, s: &Strings, b: &Breach) -> String {
    if let Some(c) = b
        .contact
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        return c.to_string();
    }
    let d = &ws.processor.dpo;
    let known = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let mut parts = vec![
        ws.dpo_name()
            .unwrap_or_else(|| s.get("breach_dpo_unnamed").to_string()),
        known(&d.role).unwrap_or_else(|| s.get("breach_dpo_role").to_string()),
    ];
    if let Some(e) = known(&d.email) {
        parts.push(format!("{} {e}", s.get("breach_dpo_email")));
    }
    let phone = known(&d.phone).unwrap_or_else(|| s.get("breach_todo").to_string());
    parts.push(s.fmt(
        "breach_dpo_phone_line",
        &[("phone", crate::render::catalog::Arg::from(phone.as_str()))],
    ));
    parts.push(ws.processor.display_name().to_string());
    parts.join(", ")
}

/// The text of each field of `b` as documents show it (required fields,
/// then circumstances): its state and the value or reason.
fn item_views(ws: &Workspace, s: &Strings, b: &Breach) -> Vec<(Field, ItemView)> {
    let name_of = |id: &Id| {
        ws.subprocessors
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    fields::states(b)
        .into_iter()
        .map(|(f, st)| {
            let (state, text) = match st {
                FieldState::Filled { value } => {
                    ("given", f.shown(b, s, ws.tz, &name_of).unwrap_or(value))
                }
                FieldState::Deferred { reason } => ("deferred", reason),
                FieldState::Missing => ("missing", String::new()),
            };
            let view = ItemView {
                key: f.key().to_string(),
                label: s.get(&f.label_key()).to_string(),
                state,
                required: f.required(),
                text,
            };
            (f, view)
        })
        .collect()
}

/// The values of a notification or supplement.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeContext {
    /// The breach facts.
    #[serde(flatten)]
    pub facts: Facts,
    /// 1 for the notification, 2+ for supplements.
    pub phase: u32,
    /// True for a supplement.
    pub supplement: bool,
    /// The number of the supplement (phase − 1).
    pub supplement_number: u32,
    /// The controller notified.
    pub controller: ControllerView,
    /// Every required item, by YAML path.
    pub items: BTreeMap<String, ItemView>,
    /// Items deferred, with their reasons.
    pub deferred: Vec<DeferredView>,
    /// Labels of the items sent in an earlier message and not repeated.
    pub previously_sent: Vec<String>,
    /// When the first notification was sent (supplements).
    pub first_sent_at: Option<String>,
    /// When this one is sent.
    pub sent_at: String,
    /// Sent after the deadline.
    pub late: bool,
    /// Why (when late).
    pub late_reason: Option<String>,
    /// The controller's deadline to notify the supervisory authority, counted
    /// from the first notification.
    pub controller_deadline: String,
    /// The journal head when the message was made.
    pub journal: JournalHead,
    /// File name of the attached PDF.
    pub pdf_name: String,
    /// The e-mail subject.
    pub subject: String,
    /// The signature line.
    pub sender: String,
    /// Until when the deferred items may wait (Art. 33(4)): the
    /// controller's own deadline towards the supervisory authority.
    pub deferred_until: String,
    /// The fields given in this message that change what an earlier one said.
    pub changed: Vec<String>,
    /// The supporting documents attached, with their SHA-256.
    pub attachments: Vec<AttachedFile>,
    /// Place, date, name and role of the signatory.
    pub signature: SignatureView,
    /// Where the investigation stands on the items still deferred.
    pub progress: Option<String>,
}

/// What goes into one message.
#[derive(Debug, Clone)]
pub struct NoticePlan {
    /// The controller.
    pub controller: Id,
    /// Phase.
    pub phase: u32,
    /// The fields given in this message.
    pub given: Vec<Field>,
    /// The fields still deferred.
    pub deferred: Vec<Field>,
    /// The fields given in earlier messages and not repeated.
    pub previously_sent: Vec<Field>,
    /// The late reason, when late.
    pub late_reason: Option<String>,
    /// The given fields that were sent before with another value.
    pub changed: Vec<Field>,
    /// The supporting documents attached (`--attach`).
    pub attachments: Vec<AttachedFile>,
    /// Where the investigation stands on the items still deferred.
    pub progress: Option<String>,
}

/// A rendered notification.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The values it was made from.
    pub context: NoticeContext,
    /// The e-mail body.
    pub text: String,
    /// The PDF form's Markdown.
    pub markdown: String,
    /// The PDF form.
    pub pdf: Vec<u8>,
}

/// The file name of the notice's PDF for `phase` (1, the notification;
/// then each supplement), in the language of `s`.
pub fn pdf_name(s: &Strings, id: &Id, phase: u32) -> String {
    format!("{}-{}-{}.pdf", s.get("breach_pdf_prefix"), id, phase)
}

/// Renders the e-mail text and the PDF form of one message.
pub fn render_notice(
    ws: &Workspace,
    t: &Templates,
    b: &Breach,
    plan: &NoticePlan,
    sent_at: DateTime<Utc>,
    head: JournalHead,
) -> Result<Notice, BreachError> {
    let s = t.strings();
    let tz = ws.tz;
    let sent_local = crate::time::in_tz(sent_at, tz);
    let first_sent = b
        .notifications_to(&plan.controller)
        .filter(|n| n.phase == 1)
        .map(|n| n.sent_at)
        .min();
    let authority_from = first_sent.unwrap_or(sent_local);
    let mut items = BTreeMap::new();
    for (f, mut view) in item_views(ws, s, b) {
        let (state, text) = if plan.given.contains(&f) && view.state == "given" {
            ("given", std::mem::take(&mut view.text))
        } else if plan.deferred.contains(&f) {
            ("deferred", f.deferral(b).unwrap_or_default())
        } else if plan.previously_sent.contains(&f) {
            ("sent_before", String::new())
        } else {
            ("missing", String::new())
        };
        view.state = state;
        view.text = text;
        items.insert(f.key().to_string(), view);
    }
    let deferred = plan
        .deferred
        .iter()
        .map(|f| DeferredView {
            label: s.get(&f.label_key()).to_string(),
            reason: f.deferral(b).unwrap_or_default(),
        })
        .collect();
    let facts = facts(ws, t, b);
    let supplement = plan.phase > 1;
    let subject_key = if supplement {
        "breach_subject_supplement"
    } else {
        "breach_subject"
    };
    let subject = s
        .get(subject_key)
        .replace("{processor}", ws.processor.display_name())
        .replace("{id}", b.id.as_str())
        .replace("{n}", &(plan.phase.saturating_sub(1)).to_string())
        .replace("{title}", &b.title);
    let pdf_name = pdf_name(s, &b.id, plan.phase);
    let context = NoticeContext {
        facts,
        phase: plan.phase,
        supplement,
        supplement_number: plan.phase.saturating_sub(1),
        controller: ControllerView::of(&plan.controller, ws.controller(&plan.controller)),
        items,
        deferred,
        previously_sent: plan
            .previously_sent
            .iter()
            .map(|f| s.get(&f.label_key()).to_string())
            .collect(),
        first_sent_at: first_sent.map(|d| words::long_instant(s, d, tz)),
        sent_at: words::long_instant(s, sent_local, tz),
        late: !supplement && !deadline::on_time(sent_local, deadline::deadline(b.aware_at)),
        late_reason: plan.late_reason.clone(),
        controller_deadline: words::long_instant(s, deadline::deadline(authority_from), tz),
        journal: head,
        pdf_name,
        subject,
        sender: crate::mail::outbox::sender_name(ws, t),
        deferred_until: words::long_instant(s, deadline::deadline(authority_from), tz),
        changed: plan
            .changed
            .iter()
            .map(|f| s.get(&f.label_key()).to_string())
            .collect(),
        attachments: plan.attachments.clone(),
        signature: SignatureView::of(ws, s, sent_local),
        progress: plan.progress.clone(),
    };
    let text = t.render("breach-notice.txt", &context)?;
    let markdown = t.render("breach-notice.md", &context)?;
    let pdf = pdf(ws, t, &b.id, &context.subject, &markdown, sent_at)?;
    Ok(Notice {
        context,
        text,
        markdown,
        pdf,
    })
}

fn pdf(
    ws: &Workspace,
    t: &Templates,
    id: &Id,
    title: &str,
    md: &str,
    at: DateTime<Utc>,
) -> Result<Vec<u8>, BreachError> {
    let created = crate::time::in_tz(at, ws.tz);
    let footer = ("breach_footer", id.as_str());
    let meta = PdfMeta::of_record(t, &ws.processor, footer, title.to_string(), created);
    markdown_to_pdf(md, &meta).map_err(|source| BreachError::Pdf {
        id: id.clone(),
        source,
    })
}

/// One event of a breach's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEvent {
    /// When, RFC 3339 (for sorting and JSON).
    pub at: DateTime<FixedOffset>,
    /// When, shown long.
    pub when: String,
    /// What happened or falls due (`occurred`, `processor_deadline`,
    /// `authority_deadline`…, as in `breach show --json`).
    pub kind: MomentKind,
    /// The controller concerned, if any.
    pub controller: Option<String>,
    /// Details: Message-ID and SHA-256, the person called, the summary…
    pub detail: String,
}

/// A controller's progress, shown.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    /// The controller.
    pub controller: ControllerView,
    /// The raw progress.
    pub progress: ControllerProgress,
    /// The processor's deadline line ("à notifier … — dans …"), while the
    /// notification is incomplete.
    pub deadline_line: Option<String>,
    /// The controller's deadline line, once notified.
    pub authority_line: Option<String>,
    /// Channels still missing: labels.
    pub missing_channels: Vec<String>,
}

/// The values of `show` and of the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    /// The breach facts.
    #[serde(flatten)]
    pub facts: Facts,
    /// Every required item.
    pub items: Vec<ItemView>,
    /// Labels of the required fields neither filled nor deferred.
    pub missing: Vec<String>,
    /// Labels of the fields changed since they were sent: a supplement
    /// (`dpo breach supplement`) sends them again.
    pub changed: Vec<String>,
    /// Each controller's progress.
    pub controllers: Vec<ProgressView>,
    /// What happened, in order.
    pub timeline: Vec<TimelineEvent>,
    /// The closing summary, when closed.
    pub closed: Option<String>,
    /// When it was closed, shown long.
    pub closed_at: Option<String>,
    /// When the document was made, shown long.
    pub generated_at: String,
    /// The journal head when it was made.
    pub journal: JournalHead,
    /// In a report: how the breach file differs from what the journal
    /// recorded, when it was changed outside dpo — the document says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tampered: Option<String>,
    /// Place, date, name and role of the signatory.
    pub signature: SignatureView,
    /// In a report: the three times of each message sent.
    pub sends: Vec<SendTimes>,
}

/// The three times of one message sent: the processor's clock, the SMTP
/// server's reply, the authority's RFC 3161 time-stamp.
#[derive(Debug, Clone, Serialize)]
pub struct SendTimes {
    /// The controller's name.
    pub controller: String,
    /// The kept message, relative to the workspace.
    pub eml: String,
    /// The instant recorded when the server accepted it, long with offset.
    pub sent_at: String,
    /// The SMTP server's reply text.
    pub reply: String,
    /// `ok` (with `tsa_at`), `waiting` or `invalid`.
    pub tsa: &'static str,
    /// The authority's time, long with offset, when it verifies.
    pub tsa_at: Option<String>,
}

/// The three times of each notification and supplement of `b`; the
/// time-stamp is the verified `FILE.eml.tsr`, if any.
fn send_times(ws: &Workspace, s: &Strings, b: &Breach) -> Vec<SendTimes> {
    let cas = crate::timestamp::issue::trusted_in(ws).unwrap_or_default();
    let at = |d: DateTime<FixedOffset>| words::long_instant(s, d, ws.tz);
    b.notifications
        .iter()
        .map(|n| {
            let (tsa, tsa_at) = match crate::timestamp::issue::kept(&ws.root.join(&n.eml), &cas) {
                Some(Ok(st)) => ("ok", Some(at(st.gen_time.fixed_offset()))),
                Some(Err(_)) => ("invalid", None),
                None => ("waiting", None),
            };
            SendTimes {
                controller: ws
                    .controller(&n.controller)
                    .map_or_else(|| n.controller.to_string(), |c| c.name.clone()),
                eml: n.eml.clone(),
                sent_at: at(n.sent_at),
                reply: n.server_reply.clone(),
                tsa,
                tsa_at,
            }
        })
        .collect()
}

/// Gathers everything `show` and `report` print.
pub fn report_context(
    ws: &Workspace,
    t: &Templates,
    b: &Breach,
    now: DateTime<Utc>,
    head: JournalHead,
) -> ReportContext {
    let s = t.strings();
    let tz: Tz = ws.tz;
    let long = |d: DateTime<FixedOffset>| words::long_instant(s, d, tz);
    let now_local = crate::time::in_tz(now, tz);
    let items: Vec<ItemView> = item_views(ws, s, b).into_iter().map(|(_, v)| v).collect();
    let missing = fields::missing(b)
        .into_iter()
        .map(|f| s.get(&f.label_key()).to_string())
        .collect();
    let controllers = progress(b)
        .into_iter()
        .map(|p| {
            let mut missing_channels = Vec::new();
            if p.emailed_at.is_none() {
                missing_channels.push(s.get("status_missing.email").to_string());
            }
            if p.called_at.is_none() {
                missing_channels.push(s.get("status_missing.call").to_string());
            }
            let open = b.closed.is_none();
            ProgressView {
                controller: ControllerView::of(&p.controller, ws.controller(&p.controller)),
                deadline_line: (open && p.complete_at.is_none()).then(|| {
                    words::deadline_line(s, deadline::PROCESSOR_LINE, now_local, p.deadline, tz)
                }),
                authority_line: match (open, p.authority_deadline) {
                    (true, Some(d)) => Some(words::deadline_line(
                        s,
                        deadline::CONTROLLER_LINE,
                        now_local,
                        d,
                        tz,
                    )),
                    _ => None,
                },
                missing_channels,
                progress: p,
            }
        })
        .collect();
    // The instants `breach show` lists, in its order, each with the
    // details the document adds.
    let timeline = summary::timeline(b, tz, &[])
        .into_iter()
        .map(|m| TimelineEvent {
            at: m.at,
            when: long(m.at),
            kind: m.kind,
            controller: m
                .controller
                .as_ref()
                .map(|c| ws.controller(c).map_or(c.to_string(), |x| x.name.clone())),
            detail: event_detail(s, b, &m),
        })
        .collect();
    ReportContext {
        facts: facts(ws, t, b),
        items,
        missing,
        changed: fields::changed_since_sent_any(b)
            .into_iter()
            .map(|f| s.get(&f.label_key()).to_string())
            .collect(),
        controllers,
        timeline,
        closed: b.closed.as_ref().map(|c| c.summary.clone()),
        closed_at: b.closed.as_ref().map(|c| long(c.at)),
        generated_at: long(now_local),
        journal: head,
        tampered: None,
        signature: SignatureView::of(ws, s, now_local),
        sends: Vec::new(),
    }
}

/// The details the report gives for moment `m` of `b`: who discovered it;
/// a message's recipients, Message-ID and digest (and why late, what
/// progress); the person called and the outcome; who closed the file and
/// what was left deferred.
fn event_detail(s: &Strings, b: &Breach, m: &Moment) -> String {
    match m.kind {
        MomentKind::Discovered => b.discovered_by.clone().unwrap_or_default(),
        MomentKind::Notification | MomentKind::Supplement => {
            let Some(n) = m.source.and_then(|k| b.notifications.get(k)) else {
                return String::new();
            };
            let mut detail = format!(
                "{} — {} — SHA-256 {}",
                n.recipients.join(", "),
                n.message_id,
                n.sha256
            );
            if let Some(r) = &n.late_reason {
                detail.push_str(&format!(" — {}: {r}", s.get("breach_late_reason")));
            }
            if let Some(p) = &n.progress {
                detail.push_str(&format!(" — {}: {p}", s.get("breach_progress")));
            }
            if n.phase > 1 {
                detail = format!(
                    "{} {} — {detail}",
                    s.get("breach_supplement_no"),
                    n.phase - 1
                );
            }
            detail
        }
        MomentKind::Call => m
            .source
            .and_then(|k| b.calls.get(k))
            .map(|c| format!("{} ({}) — {} — {}", c.to, c.number, c.by, c.outcome))
            .unwrap_or_default(),
        MomentKind::Closed => {
            let Some(c) = &b.closed else {
                return String::new();
            };
            let mut detail = format!("{} — {}", c.by, c.summary);
            if !c.deferred.is_empty() {
                let labels: Vec<String> = c
                    .deferred
                    .iter()
                    .filter_map(|k| Field::parse(k))
                    .map(|f| s.get(&f.label_key()).to_string())
                    .collect();
                detail.push_str(&format!(
                    " — {}: {} ({})",
                    s.get("breach_closed_deferred"),
                    labels.join(", "),
                    c.deferred_reason.as_deref().unwrap_or_default()
                ));
            }
            detail
        }
        MomentKind::Occurred
        | MomentKind::Ended
        | MomentKind::Aware
        | MomentKind::ProcessorDeadline
        | MomentKind::AuthorityDeadline => String::new(),
    }
}

/// The breach report as Markdown and PDF; `tampered`, when the breach file
/// does not match the journal, is said at the top of the document.
pub fn render_report(
    ws: &Workspace,
    t: &Templates,
    b: &Breach,
    now: DateTime<Utc>,
    head: JournalHead,
    tampered: Option<&Finding>,
) -> Result<(String, Vec<u8>), BreachError> {
    let mut ctx = report_context(ws, t, b, now, head);
    ctx.sends = send_times(ws, t.strings(), b);
    ctx.tampered = tampered.map(|f| {
        let said = crate::render::catalog::Localize::message(f, t.strings());
        format!("{}: {said}", f.file)
    });
    let md = t.render("breach-report.md", &ctx)?;
    let title = t
        .strings()
        .get("breach_report_title")
        .replace("{id}", b.id.as_str())
        .replace("{title}", &b.title);
    let pdf = pdf(ws, t, &b.id, &title, &md, now)?;
    Ok((md, pdf))
}

/// A YAML scalar as `serde_yaml` writes it (quoted when needed), so a title
/// with `: ` or `#` cannot change the structure of the file.
fn yaml_scalar<T: Serialize>(v: &T) -> String {
    serde_yaml::to_string(v)
        .map(|s| s.trim_end_matches('\n').to_string())
        .unwrap_or_else(|_| "null".to_string())
}

/// The commented YAML file `open` writes.
pub fn record_skeleton(t: &Templates, b: &Breach) -> Result<String, BreachError> {
    #[derive(Serialize)]
    struct Ctx {
        id: String,
        title: String,
        controllers: String,
        occurred_at: String,
        discovered_at: String,
        aware_at: String,
        discovered_by: String,
        discovery: String,
        established: String,
        ended_at: String,
        ongoing: String,
        origin: String,
        cause: String,
        subprocessors: String,
        media: String,
        encrypted: String,
        directly_identifiable: String,
    }
    let ids: Vec<&str> = b.controllers.iter().map(Id::as_str).collect();
    // A list on one line (`[a, "b: c"]`), or null.
    fn flow<T: Serialize>(v: &Option<impl AsRef<[T]>>) -> String {
        match v {
            Some(items) => format!(
                "[{}]",
                items
                    .as_ref()
                    .iter()
                    .map(yaml_scalar)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "null".to_string(),
        }
    }
    let ctx = Ctx {
        id: yaml_scalar(&b.id),
        title: yaml_scalar(&b.title),
        controllers: flow(&Some(&ids)),
        occurred_at: yaml_scalar(&b.occurred_at.map(|d| d.to_rfc3339())),
        discovered_at: yaml_scalar(&b.discovered_at.map(|d| d.to_rfc3339())),
        aware_at: yaml_scalar(&b.aware_at.to_rfc3339()),
        discovered_by: yaml_scalar(&b.discovered_by),
        discovery: yaml_scalar(&b.discovery),
        established: yaml_scalar(&b.established),
        ended_at: yaml_scalar(&b.ended_at.map(|d| d.to_rfc3339())),
        ongoing: yaml_scalar(&b.ongoing),
        origin: yaml_scalar(&b.origin),
        cause: yaml_scalar(&b.cause),
        subprocessors: flow(&b.subprocessors),
        media: flow(&Some(&b.media)),
        encrypted: yaml_scalar(&b.encrypted),
        directly_identifiable: yaml_scalar(&b.directly_identifiable),
    };
    Ok(t.render("breach-record.yaml", &ctx)?)
}

/// The language used for documents sent to a controller.
pub fn templates(lang: Lang) -> Result<Templates, BreachError> {
    Ok(Templates::new(lang)?)
}
