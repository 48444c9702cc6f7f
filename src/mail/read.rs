//! Reading a kept message (`.eml`) back as a person reads it: the headers
//! decoded (RFC 2047 encoded words), the text body decoded
//! (quoted-printable or base64, in UTF-8), and each attachment with its
//! name and bytes. `mail-parser` does the MIME work (lettre only writes
//! messages). Nothing here prints.

use chrono::{DateTime, FixedOffset};
use mail_parser::{Address, MessageParser, MimeHeaders};

/// A kept message, decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptMail {
    /// `From`, each mailbox as `Name <address>`.
    pub from: String,
    /// `To`, the same way, comma-separated.
    pub to: String,
    /// `Date`, with the offset the message states.
    pub date: Option<DateTime<FixedOffset>>,
    /// `Subject`, decoded.
    pub subject: String,
    /// `Message-ID`, without its angle brackets.
    pub message_id: String,
    /// The first text/plain body, decoded.
    pub body: String,
    /// The attachments, in order.
    pub attachments: Vec<KeptAttachment>,
}

/// An attachment of a kept message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptAttachment {
    /// Its file name as the message gives it (`attachment` when none).
    pub name: String,
    /// Its MIME type (`application/pdf`).
    pub content_type: String,
    /// Its bytes, decoded.
    pub bytes: Vec<u8>,
}

fn mailboxes(a: Option<&Address<'_>>) -> String {
    a.map(|a| {
        a.iter()
            .map(|m| match (m.name(), m.address()) {
                (Some(n), Some(e)) => format!("{n} <{e}>"),
                (None, Some(e)) => e.to_string(),
                (Some(n), None) => n.to_string(),
                (None, None) => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    })
    .unwrap_or_default()
}

/// The message `raw`, decoded; `None` when it is not a message at all.
pub fn read(raw: &[u8]) -> Option<KeptMail> {
    let m = MessageParser::default().parse(raw)?;
    let date = m.date().and_then(|d| {
        let offset = FixedOffset::east_opt(
            (i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60)
                * if d.tz_before_gmt { -1 } else { 1 },
        )?;
        DateTime::from_timestamp(d.to_timestamp(), 0).map(|t| t.with_timezone(&offset))
    });
    let attachments = m
        .attachments()
        .map(|p| KeptAttachment {
            name: p.attachment_name().unwrap_or("attachment").to_string(),
            content_type: p
                .content_type()
                .map(|c| match c.subtype() {
                    Some(s) => format!("{}/{s}", c.ctype()),
                    None => c.ctype().to_string(),
                })
                .unwrap_or_default(),
            bytes: p.contents().to_vec(),
        })
        .collect();
    Some(KeptMail {
        from: mailboxes(m.from()),
        to: mailboxes(m.to()),
        date,
        subject: m.subject().unwrap_or_default().to_string(),
        message_id: m.message_id().unwrap_or_default().to_string(),
        body: m.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
        attachments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words_quoted_printable_and_a_base64_attachment_are_decoded() {
        let raw = "From: =?utf-8?b?RMOpbMOpZ3XDqQ==?= <dpo@example.org>\r\n\
To: Ville <ville@example.org>, b@example.org\r\n\
Date: Fri, 26 Mar 2021 11:00:00 +0100\r\n\
Subject: Notification de violation de =?utf-8?q?donn=C3=A9es?=\r\n\
Message-ID: <x.1@dpo-toolkit>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\r\n\
Conform=C3=A9ment =C3=A0 l'article 33\r\n\
--b\r\nContent-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=\"n.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n";
        let m = read(raw.as_bytes()).unwrap();
        assert_eq!(m.from, "Délégué <dpo@example.org>");
        assert_eq!(m.to, "Ville <ville@example.org>, b@example.org");
        assert_eq!(m.subject, "Notification de violation de données");
        assert_eq!(m.message_id, "x.1@dpo-toolkit");
        assert_eq!(m.date.unwrap().to_rfc3339(), "2021-03-26T11:00:00+01:00");
        assert!(
            m.body.starts_with("Conformément à l'article 33"),
            "{}",
            m.body
        );
        assert_eq!(m.attachments.len(), 1);
        assert_eq!(m.attachments[0].name, "n.pdf");
        assert_eq!(m.attachments[0].content_type, "application/pdf");
        assert_eq!(m.attachments[0].bytes, b"%PDF-");
    }
}
