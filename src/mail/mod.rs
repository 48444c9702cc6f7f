//! E-mail: builds a message with lettre and sends it over SMTP — plain,
//! STARTTLS or implicit TLS (rustls) — keeping the exact bytes sent; every
//! workflow sends through the one [`outbox`].
//!
//! The transport is configured from the environment (read once by the command
//! line, which passes a lookup to [`SmtpSettings::from_env`]), never from the
//! workspace (which is shared through git): `DPO_SMTP_URL`, a password from
//! `DPO_SMTP_PASSWORD` or `DPO_SMTP_PASSWORD_FILE`, an extra trusted CA from
//! `DPO_SMTP_CA`, optionally the sender from `DPO_SMTP_FROM` and how long to
//! wait for the server at each step from `DPO_SMTP_TIMEOUT` (seconds,
//! default 30). A password is never printed: not from
//! `DPO_SMTP_PASSWORD`, and not from a URL that holds one, even one that
//! does not parse ([`redact`]). [`SmtpSettings::warnings`] says when the
//! message, or the password, would cross the network in clear.
//!
//! [`send`] drives the SMTP dialogue step by step, so that it knows whether
//! the server had the whole message when something failed: before the end
//! of the data, the message was not sent ([`MailError::Send`]); after it, a
//! server that does not answer may well have it
//! ([`MailError::Unconfirmed`]) and the caller must not say "not sent".
//!
//! Every header is set through lettre's typed headers, which encode a value
//! holding CR or LF (RFC 2047) instead of writing it raw: text from a YAML
//! file can never add a header. The message is formatted once; those bytes
//! are what is sent (`send_raw`) and what is kept as evidence, so the `.eml`
//! is the message, not a re-rendering of it. Its Message-ID and Date come
//! from the caller (the command's clock), so nothing in it depends on the
//! machine's clock or hostname.
//!
//! [`read`] reads a kept message back (headers, text body, attachments
//! decoded) for the HTML dossier.

pub mod attach;
pub mod outbox;
pub mod read;

use crate::render::catalog::{Msg, Told};
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment as LettreAttachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::{Address, Message};

/// Environment variable: the SMTP server, e.g. `smtp://user@host:587?tls=required`.
pub const ENV_URL: &str = "DPO_SMTP_URL";
/// Environment variable: the SMTP password.
pub const ENV_PASSWORD: &str = "DPO_SMTP_PASSWORD";
/// Environment variable: a file holding the SMTP password.
pub const ENV_PASSWORD_FILE: &str = "DPO_SMTP_PASSWORD_FILE";
/// Environment variable: a PEM file of CA certificates to trust as well.
pub const ENV_CA: &str = "DPO_SMTP_CA";
/// Environment variable: the sender address, when it must differ from the
/// processor's DPO (e.g. a relay that only accepts its own user).
pub const ENV_FROM: &str = "DPO_SMTP_FROM";

/// Environment variable: how long to wait for the server at each step, in
/// seconds (default 30).
pub const ENV_TIMEOUT: &str = "DPO_SMTP_TIMEOUT";

/// How long to wait for the server at each step, unless `DPO_SMTP_TIMEOUT`
/// says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest wait `DPO_SMTP_TIMEOUT` may ask for.
const MAX_TIMEOUT: Duration = Duration::from_secs(600);

crate::render::catalog::told_localize!(MailError);

/// What can go wrong when configuring, building or sending a message.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// No server is configured.
    #[error("{}", self.told())]
    NotConfigured,
    /// The URL is not one we can use.
    #[error("{}", self.told())]
    Url {
        /// The URL, password removed.
        url: String,
        /// What is wrong.
        reason: Msg,
    },
    /// The timeout is not a number of seconds.
    #[error("{}", self.told())]
    Timeout {
        /// The value, shown escaped.
        value: String,
    },
    /// A password was written in the URL.
    #[error("{}", self.told())]
    PasswordInUrl,
    /// The password file could not be read.
    #[error("{}", self.told())]
    PasswordFile {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The CA file could not be read or holds no certificate.
    #[error("{}", self.told())]
    Ca {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: Msg,
    },
    /// TLS could not be set up.
    #[error("{}", self.told())]
    Tls {
        /// The server.
        host: String,
        /// Why.
        #[source]
        source: lettre::transport::smtp::Error,
    },
    /// An address is not an e-mail address (or holds a line break).
    #[error("{}", self.told())]
    Address {
        /// Which address: sender, recipient, and where it comes from.
        role: String,
        /// The value, with control characters shown escaped.
        value: String,
        /// Why.
        reason: Box<Msg>,
    },
    /// lettre refused to build the message.
    #[error("{}", self.told())]
    Build {
        /// Why.
        reason: String,
    },
    /// The server could not be reached or refused the message.
    #[error("{}", self.told())]
    Send {
        /// host:port and security, in words ([`SmtpSettings::said`]).
        server: Box<Msg>,
        /// The SMTP error.
        #[source]
        source: lettre::transport::smtp::Error,
    },
    /// The whole message went to the server, which then did not answer: it
    /// may have received it.
    #[error("{}", self.told())]
    Unconfirmed {
        /// host:port and security, in words ([`SmtpSettings::said`]).
        server: Box<Msg>,
        /// The Message-ID to look for.
        message_id: String,
        /// The SMTP error (a timeout, a closed connection).
        #[source]
        source: lettre::transport::smtp::Error,
    },
}

impl MailError {
    /// What the error says, as catalog messages.
    pub fn told(&self) -> Told {
        match self {
            MailError::NotConfigured => {
                Told::new(Msg::new("errors-mail-not-configured").arg("var", ENV_URL))
                    .hint(Msg::new("errors-mail-not-configured-hint").arg("var", ENV_URL))
            }
            MailError::Url { url, reason } => Told::new(
                Msg::new("errors-mail-url")
                    .arg("var", ENV_URL)
                    .arg("url", url.as_str())
                    .arg("reason", reason.clone()),
            )
            .hint(Msg::new("errors-mail-url-hint")),
            MailError::Timeout { value } => Told::new(
                Msg::new("errors-mail-timeout")
                    .arg("var", ENV_TIMEOUT)
                    .arg("value", value.as_str()),
            )
            .hint(Msg::new("errors-mail-timeout-hint")),
            MailError::PasswordInUrl => {
                Told::new(Msg::new("errors-mail-password-in-url").arg("var", ENV_URL)).hint(
                    Msg::new("errors-mail-password-in-url-hint")
                        .arg("password", ENV_PASSWORD)
                        .arg("file", ENV_PASSWORD_FILE),
                )
            }
            MailError::PasswordFile { path, .. } => Told::new(
                Msg::new("errors-mail-password-file")
                    .arg("path", path.display().to_string())
                    .arg("var", ENV_PASSWORD_FILE),
            ),
            MailError::Ca { path, reason } => Told::new(
                Msg::new("errors-mail-ca")
                    .arg("path", path.display().to_string())
                    .arg("var", ENV_CA)
                    .arg("reason", reason.clone()),
            ),
            MailError::Tls { host, .. } => {
                Told::new(Msg::new("errors-mail-tls-setup").arg("host", host.as_str()))
            }
            MailError::Address {
                role,
                value,
                reason,
            } => Told::new(
                Msg::new("errors-mail-address")
                    .arg(
                        "role",
                        Msg::recall(role).unwrap_or_else(|| Msg::text(role.as_str())),
                    )
                    .arg("value", value.as_str())
                    .arg("reason", (**reason).clone()),
            ),
            MailError::Build { reason } => {
                Told::new(Msg::new("errors-mail-build").arg("reason", reason.as_str()))
            }
            MailError::Send { server, .. } => {
                Told::new(Msg::new("errors-mail-send").arg("server", (**server).clone()))
            }
            MailError::Unconfirmed {
                server, message_id, ..
            } => Told::new(
                Msg::new("errors-mail-unconfirmed")
                    .arg("server", (**server).clone())
                    .arg("message_id", message_id.as_str()),
            )
            .hint(Msg::new("errors-mail-unconfirmed-hint").arg("message_id", message_id.as_str())),
        }
    }

    /// True when the server answered no (a 4xx or 5xx reply); false when
    /// it could not be reached, or for any other failure.
    pub fn refused_by_server(&self) -> bool {
        matches!(self, MailError::Send { source, .. } if source.is_permanent() || source.is_transient())
    }

    /// True when the server may have the message although sending failed
    /// ([`MailError::Unconfirmed`]): the send is uncertain, not failed.
    pub fn maybe_delivered(&self) -> bool {
        matches!(self, MailError::Unconfirmed { .. })
    }
}

/// The value of header `name` of a message as kept (unfolded), if any: the
/// header lines end at the first empty line, with CRLF or bare LF endings.
pub fn header(message: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(message);
    let mut value: Option<String> = None;
    for line in text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(v) = value.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if value.is_some() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case(name) {
                value = Some(v.trim().to_string());
            }
        }
    }
    value
}

/// Transport security.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// No encryption (a server on loopback or a trusted network only).
    Plain,
    /// STARTTLS, required.
    StartTls,
    /// STARTTLS when the server offers it, else plain.
    Opportunistic,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

/// A password, never printed.
#[derive(Clone)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Where and how to send: read from the environment by [`SmtpSettings::from_env`].
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    /// Server name (also the name its certificate must carry).
    pub host: String,
    /// Port.
    pub port: u16,
    /// Transport security.
    pub security: Security,
    /// User name for AUTH, if any.
    pub user: Option<String>,
    /// Password for AUTH.
    pub password: Option<Secret>,
    /// Extra CA certificates (PEM) to trust.
    pub ca_pem: Option<Vec<u8>>,
    /// Sender address that overrides the processor's DPO.
    pub from: Option<String>,
    /// How long to wait for the server at each step.
    pub timeout: Duration,
}

impl SmtpSettings {
    /// Reads the settings through `env`, a lookup of environment variables
    /// that the command line passes in.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Self, MailError> {
        let get = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        let raw = get(ENV_URL).ok_or(MailError::NotConfigured)?;
        let timeout = match get(ENV_TIMEOUT) {
            None => DEFAULT_TIMEOUT,
            Some(v) => v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|t| t.is_finite() && *t > 0.0 && *t <= MAX_TIMEOUT.as_secs_f64())
                .map(Duration::from_secs_f64)
                .ok_or_else(|| MailError::Timeout { value: visible(&v) })?,
        };
        let url = url::Url::parse(raw.trim()).map_err(|e| MailError::Url {
            url: redact(&raw),
            reason: Msg::text(e.to_string()),
        })?;
        if url.password().is_some() {
            return Err(MailError::PasswordInUrl);
        }
        let bad = |reason: Msg| MailError::Url {
            url: redact(&raw),
            reason,
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad(Msg::new("errors-mail-no-host")))?;
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.to_string());
        let (security, default_port) = match (url.scheme(), tls.as_deref()) {
            ("smtp", None | Some("none")) => (Security::Plain, 25),
            ("smtp", Some("required" | "starttls")) => (Security::StartTls, 587),
            ("smtp", Some("opportunistic")) => (Security::Opportunistic, 587),
            ("smtps", None | Some("wrapper" | "implicit")) => (Security::Tls, 465),
            ("smtp" | "smtps", Some(other)) => {
                return Err(bad(Msg::new("errors-mail-tls").arg("tls", other)))
            }
            (scheme, _) => return Err(bad(Msg::new("errors-mail-scheme").arg("scheme", scheme))),
        };
        let user = (!url.username().is_empty()).then(|| percent_decode(url.username()));
        let password = match (get(ENV_PASSWORD), get(ENV_PASSWORD_FILE)) {
            (Some(p), _) => Some(Secret(p)),
            (None, Some(file)) => {
                let path = PathBuf::from(file);
                let text =
                    std::fs::read_to_string(&path).map_err(|source| MailError::PasswordFile {
                        path: path.clone(),
                        source,
                    })?;
                Some(Secret(text.trim_end_matches(['\r', '\n']).to_string()))
            }
            (None, None) => None,
        };
        let ca_pem = match get(ENV_CA) {
            None => None,
            Some(file) => {
                let path = PathBuf::from(file);
                let pem = std::fs::read(&path).map_err(|e| MailError::Ca {
                    path: path.clone(),
                    reason: Msg::text(e.to_string()),
                })?;
                if !pem.windows(27).any(|w| w == b"-----BEGIN CERTIFICATE-----") {
                    return Err(MailError::Ca {
                        path,
                        reason: Msg::new("errors-mail-no-pem"),
                    });
                }
                Some(pem)
            }
        };
        Ok(Self {
            host,
            port: url.port().unwrap_or(default_port),
            security,
            user,
            password,
            ca_pem,
            from: get(ENV_FROM),
            timeout,
        })
    }

    /// True when the server is this machine (`localhost` or a loopback
    /// address): nothing crosses a network.
    pub fn is_loopback(&self) -> bool {
        self.host.eq_ignore_ascii_case("localhost")
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// What the user should know before sending: the message — and the
    /// password, when AUTH is used — crossing a network in clear. One
    /// message each, its hint on the next line; the command line says them.
    pub fn warnings(&self) -> Vec<Msg> {
        if self.is_loopback() {
            return Vec::new();
        }
        let warn = |id, user: Option<&String>| {
            let mut m = Msg::new(id).arg("server", self.said());
            if let Some(user) = user {
                m = m.arg("user", user.clone());
            }
            Msg::new("terminal-smtp-warning").arg("message", m)
        };
        let mut out = Vec::new();
        match (self.security, &self.user) {
            (Security::Plain, Some(user)) => {
                out.push(warn("terminal-smtp-password-plain", Some(user)))
            }
            (Security::Opportunistic, Some(user)) => {
                out.push(warn("terminal-smtp-password-opportunistic", Some(user)))
            }
            _ => {}
        }
        if self.security == Security::Plain {
            out.push(warn("terminal-smtp-plain", None));
        }
        out
    }

    /// `host:port (starttls)`, for messages.
    pub fn describe(&self) -> String {
        let sec = match self.security {
            Security::Plain => "plain",
            Security::StartTls => "starttls",
            Security::Opportunistic => "opportunistic starttls",
            Security::Tls => "tls",
        };
        format!("{}:{} ({sec})", self.host, self.port)
    }

    /// `host:port (en clair)`: [`Self::describe`] in the catalog's words.
    pub fn said(&self) -> Msg {
        let sec = match self.security {
            Security::Plain => "terminal-ha-security-plain",
            Security::StartTls => "terminal-ha-security-starttls",
            Security::Opportunistic => "terminal-ha-security-opportunistic",
            Security::Tls => "terminal-ha-security-tls",
        };
        Msg::new("terminal-ha-server")
            .arg("address", format!("{}:{}", self.host, self.port))
            .arg("security", Msg::new(sec))
    }

    /// The TLS parameters, for every security but plain.
    fn tls_parameters(&self) -> Result<Option<TlsParameters>, MailError> {
        if self.security == Security::Plain {
            return Ok(None);
        }
        let tls_err = |source| MailError::Tls {
            host: self.host.clone(),
            source,
        };
        let mut b = TlsParameters::builder(self.host.clone());
        if let Some(pem) = &self.ca_pem {
            b = b.add_root_certificate(Certificate::from_pem(pem).map_err(tls_err)?);
        }
        b.build_rustls().map(Some).map_err(tls_err)
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The longest URL an error message shows.
const SHOWN_URL_CHARS: usize = 200;

/// The URL as typed, for error messages, with any password replaced by
/// `***` — also when the URL does not parse: whatever lies between the
/// first `:` after the scheme and the last `@` is the userinfo's password
/// (it may itself hold `:`, `@`, `/`), so all of it goes. Control
/// characters are shown escaped and a long value is cut.
pub fn redact(raw: &str) -> String {
    let raw = raw.trim();
    let (scheme, rest) = match raw.find("://") {
        Some(i) => raw.split_at(i + 3),
        None => ("", raw),
    };
    let redacted = match rest.rfind('@') {
        Some(at) => match rest[..at].find(':') {
            Some(colon) => format!("{scheme}{}:***{}", &rest[..colon], &rest[at..]),
            None => raw.to_string(),
        },
        None => raw.to_string(),
    };
    let shown = visible(&redacted);
    if shown.chars().count() > SHOWN_URL_CHARS {
        let cut: String = shown.chars().take(SHOWN_URL_CHARS).collect();
        format!("{cut}…")
    } else {
        shown
    }
}

/// A sender or recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// Display name, if any.
    pub name: Option<String>,
    /// Address.
    pub email: String,
    /// Where the address comes from, for error messages
    /// (e.g. "breach contact of `juvisy-sur-orge`").
    pub role: String,
}

/// A file attached to a message.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// File name shown to the recipient.
    pub filename: String,
    /// MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Everything a message is made of.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Sender (also the envelope sender).
    pub from: Party,
    /// Recipients (also the envelope recipients).
    pub to: Vec<Party>,
    /// Subject; line breaks are flattened to spaces.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// Attachments.
    pub attachments: Vec<Attachment>,
    /// Message-ID, with its angle brackets: `<…@domain>`.
    pub message_id: String,
    /// The Date header (the command's clock).
    pub date: DateTime<Utc>,
}

/// A formatted message, ready to send: these bytes are the evidence.
#[derive(Debug, Clone)]
pub struct Built {
    message: Message,
    /// The exact bytes of the message (CRLF line endings).
    pub bytes: Vec<u8>,
    /// The Message-ID.
    pub message_id: String,
    /// The envelope recipients.
    pub recipients: Vec<String>,
}

/// The server's answer to a message it accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The reply, e.g. `250 OK`.
    pub reply: String,
}

/// Shows control characters of a value escaped, so an error message is one line.
fn visible(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// A Message-ID that depends only on what the message is (`seed`: record,
/// phase, instant, evidence path…), so the same send gives the same id:
/// `<first 32 hex of SHA-256(seed).tag@domain of the sender>`.
pub fn message_id(seed: &str, tag: &str, from: &str) -> String {
    let hash = crate::hashing::sha256_hex(seed.as_bytes());
    let domain: String = from
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect();
    let domain = if domain.is_empty() {
        "dpo.invalid".to_string()
    } else {
        domain.to_ascii_lowercase()
    };
    let tag: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("<{}.{tag}@{domain}>", &hash[..32])
}

fn mailbox(p: &Party) -> Result<Mailbox, MailError> {
    let err = |reason: Msg| MailError::Address {
        role: p.role.clone(),
        value: visible(&p.email),
        reason: Box::new(reason),
    };
    if p.email.chars().any(char::is_control) {
        return Err(err(Msg::new("errors-mail-control")));
    }
    let address: Address = p
        .email
        .trim()
        .parse()
        .map_err(|e: lettre::address::AddressError| err(Msg::text(e.to_string())))?;
    // A display name is written by lettre's typed header (quoted or RFC 2047
    // encoded), so a line break in it cannot start a header; flatten it anyway
    // so the name reads on one line.
    let name = p
        .name
        .as_deref()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty());
    Ok(Mailbox::new(name, address))
}

/// Builds the message. Fails on an invalid address; never on text content.
pub fn build(d: &Draft) -> Result<Built, MailError> {
    let from = mailbox(&d.from)?;
    // One line, its no-break spaces kept (French « : » in a subject).
    let subject = crate::render::typography::one_line(&d.subject);
    let mut b = Message::builder()
        .from(from)
        .subject(subject)
        .message_id(Some(d.message_id.clone()))
        .date(d.date.into());
    let mut recipients = Vec::new();
    for p in &d.to {
        let mb = mailbox(p)?;
        recipients.push(mb.email.to_string());
        b = b.to(mb);
    }
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(d.text.clone()));
    for a in &d.attachments {
        let ct = ContentType::parse(&a.content_type).map_err(|e| MailError::Build {
            reason: format!("content type `{}`: {e}", a.content_type),
        })?;
        parts =
            parts.singlepart(LettreAttachment::new(a.filename.clone()).body(a.bytes.clone(), ct));
    }
    let message = b.multipart(parts).map_err(|e| MailError::Build {
        reason: e.to_string(),
    })?;
    let bytes = message.formatted();
    Ok(Built {
        message,
        bytes,
        message_id: d.message_id.clone(),
        recipients,
    })
}

/// Sends the exact bytes of `m` through the server of `s`, one SMTP step
/// after the other: connect (implicit TLS), STARTTLS, AUTH, MAIL, RCPT,
/// DATA, then the message. A failure up to the end of the data is
/// [`MailError::Send`] — the server does not have the message; after it, a
/// server that does not answer, or closes the connection, is
/// [`MailError::Unconfirmed`], since it had the whole message. A negative
/// reply to the message is a refusal: not sent.
pub fn send(s: &SmtpSettings, m: &Built) -> Result<Receipt, MailError> {
    let not_sent = |source| MailError::Send {
        server: Box::new(s.said()),
        source,
    };
    let tls = s.tls_parameters()?;
    let hello = ClientId::default();
    let wrapper = tls.as_ref().filter(|_| s.security == Security::Tls);
    let mut conn = SmtpConnection::connect(
        (s.host.as_str(), s.port),
        Some(s.timeout),
        &hello,
        wrapper,
        None,
    )
    .map_err(not_sent)?;
    match (s.security, &tls) {
        (Security::StartTls, Some(p)) => conn.starttls(p, &hello).map_err(not_sent)?,
        (Security::Opportunistic, Some(p)) if conn.can_starttls() => {
            conn.starttls(p, &hello).map_err(not_sent)?;
        }
        _ => {}
    }
    if let Some(user) = &s.user {
        let pass = s.password.as_ref().map(|p| p.0.clone()).unwrap_or_default();
        let credentials = Credentials::new(user.clone(), pass);
        conn.auth(DEFAULT_MECHANISMS, &credentials)
            .map_err(not_sent)?;
    }
    let envelope = m.message.envelope();
    // A failed command: say QUIT to a server that answered, hang up on one
    // that did not (waiting for its goodbye would double the wait).
    let failed = |conn: &mut SmtpConnection, e: lettre::transport::smtp::Error| {
        if e.is_permanent() || e.is_transient() {
            conn.abort();
        }
        not_sent(e)
    };
    let mut options = Vec::new();
    let ascii = envelope
        .to()
        .iter()
        .chain(envelope.from())
        .all(|a: &Address| AsRef::<str>::as_ref(a).is_ascii());
    if !ascii && conn.server_info().supports_feature(Extension::SmtpUtfEight) {
        options.push(MailParameter::SmtpUtfEight);
    }
    if !m.bytes.is_ascii() && conn.server_info().supports_feature(Extension::EightBitMime) {
        options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    if let Err(e) = conn.command(Mail::new(envelope.from().cloned(), options)) {
        return Err(failed(&mut conn, e));
    }
    for to in envelope.to() {
        if let Err(e) = conn.command(Rcpt::new(to.clone(), vec![])) {
            return Err(failed(&mut conn, e));
        }
    }
    if let Err(e) = conn.command(Data) {
        return Err(failed(&mut conn, e));
    }
    match conn.message(&m.bytes) {
        Ok(response) => {
            let _ = conn.quit();
            let text: Vec<&str> = response.message().collect();
            Ok(Receipt {
                reply: format!("{} {}", response.code(), text.join(" "))
                    .trim()
                    .to_string(),
            })
        }
        Err(e) if e.is_permanent() || e.is_transient() => Err(failed(&mut conn, e)),
        Err(source) => Err(MailError::Unconfirmed {
            server: Box::new(s.said()),
            message_id: m.message_id.clone(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_address_is_said_in_the_run_s_language_its_role_too() {
        use crate::model::Lang;
        use crate::render::catalog::{Catalog, Localize};
        let p = Party {
            name: None,
            email: "pas une adresse".into(),
            role: Msg::new("errors-role-sender").remembered(),
        };
        let e = mailbox(&p).unwrap_err();
        let fr = e.message(&Catalog::of(Lang::Fr));
        assert!(
            fr.starts_with("l'expéditeur (dpo.email dans processor.yaml, ou DPO_SMTP_FROM) `pas une adresse` n'est pas une adresse électronique valide"),
            "{fr}"
        );
        assert_eq!(e.to_string(), e.message(&Catalog::of(Lang::En)));
        assert!(e.to_string().starts_with("the sender (dpo.email"), "{e}");
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    fn draft() -> Draft {
        Draft {
            from: Party {
                name: Some("DPO — EPT".into()),
                email: "dpo@processor.example".into(),
                role: "sender".into(),
            },
            to: vec![Party {
                name: Some("Cellule RGPD".into()),
                email: "rgpd@ville.example".into(),
                role: "breach contact".into(),
            }],
            subject: "Notification de violation".into(),
            text: "Corps du message — données à caractère personnel.\n".into(),
            attachments: vec![],
            message_id: "<abc.2021-001@processor.example>".into(),
            date: DateTime::parse_from_rfc3339("2021-03-26T10:05:00+01:00")
                .unwrap()
                .to_utc(),
        }
    }

    fn header_names(bytes: &[u8]) -> Vec<String> {
        let text = String::from_utf8_lossy(bytes);
        let head = text
            .split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .to_string();
        head.split("\r\n")
            .filter(|l| !l.starts_with(' ') && !l.starts_with('\t'))
            .filter_map(|l| l.split(':').next().map(|s| s.to_ascii_lowercase()))
            .collect()
    }

    #[test]
    fn urls_give_plain_starttls_and_implicit_tls() {
        let s = SmtpSettings::from_env(env(&[(ENV_URL, "smtp://127.0.0.1:2525")])).unwrap();
        assert_eq!((s.security, s.port), (Security::Plain, 2525));
        let s = SmtpSettings::from_env(env(&[(
            ENV_URL,
            "smtp://dpo%40ept@mail.example?tls=required",
        )]))
        .unwrap();
        assert_eq!(
            (s.security, s.port, s.user.as_deref()),
            (Security::StartTls, 587, Some("dpo@ept"))
        );
        let s = SmtpSettings::from_env(env(&[(ENV_URL, "smtps://mail.example")])).unwrap();
        assert_eq!((s.security, s.port), (Security::Tls, 465));
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_never_echoed() {
        let e = SmtpSettings::from_env(env(&[(ENV_URL, "smtp://u:hunter2@h")])).unwrap_err();
        assert!(matches!(e, MailError::PasswordInUrl));
        assert!(!e.to_string().contains("hunter2"));
        let e = SmtpSettings::from_env(env(&[(ENV_URL, "ftp://h")])).unwrap_err();
        assert!(e.to_string().contains("unknown scheme"), "{e}");
        assert!(matches!(
            SmtpSettings::from_env(env(&[])),
            Err(MailError::NotConfigured)
        ));
    }

    #[test]
    fn a_url_that_does_not_parse_is_shown_without_its_password() {
        let e = SmtpSettings::from_env(env(&[(ENV_URL, "smtp://dpo:hunter2@127.0.0.1:99999")]))
            .unwrap_err()
            .to_string();
        assert!(!e.contains("hunter2"), "{e}");
        assert!(e.contains("`smtp://dpo:***@127.0.0.1:99999`"), "{e}");
        for (raw, secret) in [
            ("smtp://dpo:hun:ter@2@host:99999", "hun:ter"),
            ("smtp://dpo:p/a?s#s@host:0x", "p/a"),
            ("dpo:hunter2@host", "hunter2"),
            ("smtp:dpo:hunter2@host", "hunter2"),
            ("  smtp://dpo:hunter2\n@[::1", "hunter2"),
            ("smtp://:hunter2@", "hunter2"),
        ] {
            let shown = redact(raw);
            assert!(!shown.contains(secret), "{raw:?} → {shown}");
            assert!(shown.contains(":***@"), "{raw:?} → {shown}");
            if let Err(e) = SmtpSettings::from_env(env(&[(ENV_URL, raw)])) {
                assert!(!e.to_string().contains(secret), "{raw:?} → {e}");
            }
        }
        // Nothing to hide: shown as typed, on one line, and cut when long.
        assert_eq!(redact("smtp://h:99999"), "smtp://h:99999");
        assert_eq!(redact("smtp://a@h\r\nx"), "smtp://a@h\\r\\nx");
        assert_eq!(redact("é@:ü"), "é@:ü");
        assert!(redact(&"x".repeat(5000)).chars().count() <= SHOWN_URL_CHARS + 1);
    }

    #[test]
    fn a_password_or_a_message_in_clear_to_another_host_is_warned_about() {
        let warnings = |url: &str| {
            SmtpSettings::from_env(env(&[(ENV_URL, url)]))
                .unwrap()
                .warnings()
                .iter()
                .map(Msg::english)
                .collect::<Vec<_>>()
                .join("\n")
        };
        let w = warnings("smtp://dpo@mail.example:25");
        assert!(
            w.contains("password of `dpo` would be sent in clear"),
            "{w}"
        );
        assert!(
            w.contains("the message crosses the network in clear"),
            "{w}"
        );
        let w = warnings("smtp://dpo@mail.example?tls=opportunistic");
        assert!(w.contains("if the server does not offer STARTTLS"), "{w}");
        let w = warnings("smtp://mail.example");
        assert!(!w.contains("password") && w.contains("in clear"), "{w}");
        for quiet in [
            "smtp://dpo@mail.example?tls=required",
            "smtps://dpo@mail.example",
            "smtp://dpo@127.0.0.1:2525",
            "smtp://dpo@localhost:2525",
            "smtp://dpo@[::1]:2525",
        ] {
            assert_eq!(warnings(quiet), "", "{quiet}");
        }
    }

    #[test]
    fn the_timeout_is_a_number_of_seconds() {
        let timeout = |v: &str| {
            SmtpSettings::from_env(env(&[(ENV_URL, "smtp://h"), (ENV_TIMEOUT, v)]))
                .map(|s| s.timeout)
        };
        assert_eq!(timeout("2.5").unwrap(), Duration::from_millis(2500));
        assert_eq!(timeout(" ").unwrap(), DEFAULT_TIMEOUT);
        for bad in ["0", "-1", "NaN", "inf", "601", "10s"] {
            let e = timeout(bad).unwrap_err();
            assert!(matches!(e, MailError::Timeout { .. }), "{bad}: {e}");
        }
    }

    #[test]
    fn the_password_comes_from_the_environment_or_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("pw");
        std::fs::write(&f, "s3cret\n").unwrap();
        let fp = f.to_string_lossy().to_string();
        let s = SmtpSettings::from_env(env(&[(ENV_URL, "smtp://u@h"), (ENV_PASSWORD_FILE, &fp)]))
            .unwrap();
        assert_eq!(s.password.as_ref().map(|p| p.0.as_str()), Some("s3cret"));
        assert!(!format!("{s:?}").contains("s3cret"));
        let s = SmtpSettings::from_env(env(&[(ENV_URL, "smtp://u@h"), (ENV_PASSWORD, "direct")]))
            .unwrap();
        assert_eq!(s.password.map(|p| p.0), Some("direct".into()));
    }

    #[test]
    fn the_message_carries_the_given_message_id_and_date() {
        let m = build(&draft()).unwrap();
        let text = String::from_utf8_lossy(&m.bytes);
        assert!(
            text.contains("Message-ID: <abc.2021-001@processor.example>\r\n"),
            "{text}"
        );
        assert!(
            text.contains("Date: Fri, 26 Mar 2021 09:05:00 +0000\r\n"),
            "{text}"
        );
        assert_eq!(m.recipients, vec!["rgpd@ville.example"]);
    }

    #[test]
    fn a_line_break_in_the_subject_or_a_name_cannot_add_a_header() {
        let mut d = draft();
        d.subject = "Rançongiciel\r\nBcc: attacker@evil.example\r\nX-Injected: 1".into();
        d.to[0].name = Some("Cellule\r\nBcc: attacker@evil.example".into());
        d.from.name = Some("DPO\nX-Injected: 2".into());
        let m = build(&d).unwrap();
        let names = header_names(&m.bytes);
        assert!(
            !names.iter().any(|n| n == "bcc" || n == "x-injected"),
            "{names:?}"
        );
        assert_eq!(m.recipients, vec!["rgpd@ville.example"]);
    }

    #[test]
    fn an_address_with_a_line_break_is_refused() {
        let mut d = draft();
        d.to[0].email = "rgpd@ville.example\r\nBcc: attacker@evil.example".into();
        let e = build(&d).unwrap_err().to_string();
        assert!(e.contains("breach contact"), "{e}");
        assert!(e.contains("\\r\\n"), "shown escaped on one line: {e}");
    }

    /// A one-connection SMTP server on loopback that answers every step
    /// until `silent_from` (a command prefix, or "." for the end of the
    /// data), then answers `then` (or nothing at all when it is `None`) and
    /// holds the connection until the client hangs up. Returns the URL.
    fn scripted_server(silent_from: &'static str, then: Option<&'static str>) -> String {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let mut out = stream.try_clone().unwrap();
            let mut lines = BufReader::new(stream);
            let _ = out.write_all(b"220 test ESMTP\r\n");
            let mut in_data = false;
            let mut line = String::new();
            while lines.read_line(&mut line).unwrap_or(0) > 0 {
                let step = if in_data { "." } else { line.as_str() };
                let reply = if in_data && line != ".\r\n" {
                    line.clear();
                    continue;
                } else if step.starts_with(silent_from) {
                    then
                } else if step.starts_with("EHLO") {
                    Some("250 test")
                } else if step.starts_with("DATA") {
                    in_data = true;
                    Some("354 go on")
                } else {
                    Some("250 OK")
                };
                if step == "." {
                    in_data = false;
                }
                if let Some(r) = reply {
                    let _ = out.write_all(format!("{r}\r\n").as_bytes());
                }
                line.clear();
            }
        });
        format!("smtp://127.0.0.1:{port}")
    }

    fn send_to(url: &str) -> (Result<Receipt, MailError>, Duration) {
        let s = SmtpSettings::from_env(env(&[(ENV_URL, url), (ENV_TIMEOUT, "0.5")])).unwrap();
        let start = std::time::Instant::now();
        (send(&s, &build(&draft()).unwrap()), start.elapsed())
    }

    #[test]
    fn a_server_silent_after_the_data_may_have_the_message() {
        let (r, took) = send_to(&scripted_server(".", None));
        let e = r.unwrap_err();
        assert!(e.maybe_delivered(), "{e:?}");
        let msg = e.to_string();
        assert!(msg.contains("did not confirm reception"), "{msg}");
        assert!(msg.contains("<abc.2021-001@processor.example>"), "{msg}");
        assert!(!msg.contains("not sent"), "{msg}");
        assert!(
            took < Duration::from_secs(3),
            "one timeout, no QUIT wait: {took:?}"
        );
    }

    #[test]
    fn a_server_silent_or_refusing_before_the_end_of_the_data_does_not_have_it() {
        let (r, took) = send_to(&scripted_server("MAIL", None));
        let e = r.unwrap_err();
        assert!(matches!(e, MailError::Send { .. }), "{e:?}");
        assert!(e.to_string().contains("it was not sent"), "{e}");
        assert!(took < Duration::from_secs(3), "{took:?}");
        let (r, _) = send_to(&scripted_server(".", Some("554 5.7.1 refused")));
        assert!(matches!(r, Err(MailError::Send { .. })), "{r:?}");
        let (r, _) = send_to(&scripted_server("QUIT", Some("221 bye")));
        assert_eq!(r.unwrap().reply, "250 OK");
    }
}
