"""Reads what the test SMTP server received, for the integration tests
(support/mail.rs).

    read_mail.py list MAILDIR OUTDIR    every message of a Maildir as JSON, in
                                        the order of their Date headers;
                                        attachments are written to OUTDIR
    read_mail.py compare EML RECEIVED   whether a kept .eml is the message
                                        the server received

Uses only Python's standard library (mailbox, email).
"""

import email
import email.policy
import email.utils
import json
import mailbox
import os
import re
import sys

# Headers aiosmtpd's Message handler adds to what it received.
SERVER_HEADERS = {"x-peer", "x-mailfrom", "x-rcptto", "received", "return-path"}


def unfold(value):
    """RFC 5322 unfolding: a line break followed by white space is removed."""
    return re.sub(r"\r?\n(?=[ \t])", "", value)


def list_messages(maildir, outdir):
    box = mailbox.Maildir(maildir, factory=None, create=False)
    out = []
    def sent_at(key):
        date = box.get_message(key)["Date"]
        return (email.utils.parsedate_to_datetime(date).timestamp() if date else 0, key)

    for key in sorted(box.keys(), key=sent_at):
        raw = box.get_bytes(key)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        raw_headers = email.message_from_bytes(raw, policy=email.policy.compat32)
        body = msg.get_body(preferencelist=("plain",))
        attachments = []
        for i, part in enumerate(msg.iter_attachments()):
            name = part.get_filename() or "attachment-%d" % i
            path = os.path.join(outdir, "%s-%d-%s" % (key, i, os.path.basename(name)))
            with open(path, "wb") as f:
                # The bytes as attached (a text part's too, unconverted).
                f.write(part.get_payload(decode=True))
            attachments.append(
                {"filename": name, "content_type": part.get_content_type(), "path": path}
            )
        out.append(
            {
                "file": os.path.join(maildir, "new", key),
                "header_names": [k.lower() for k in raw_headers.keys()],
                "raw_subject": unfold(raw_headers["Subject"] or ""),
                "subject": str(msg["Subject"]),
                "from": str(msg["From"]),
                "to": str(msg["To"]),
                "message_id": str(msg["Message-ID"]),
                "date": str(msg["Date"]),
                "mail_from": str(msg["X-MailFrom"]),
                "rcpt_to": str(msg["X-RcptTo"]),
                "body": body.get_content() if body is not None else "",
                "attachments": attachments,
            }
        )
    print(json.dumps(out, ensure_ascii=False))


def split(raw):
    raw = raw.replace(b"\r\n", b"\n")
    head, _, body = raw.partition(b"\n\n")
    return head, body


def compare(eml_path, received_path):
    with open(eml_path, "rb") as f:
        kept = f.read()
    with open(received_path, "rb") as f:
        got = f.read()
    k = email.message_from_bytes(kept, policy=email.policy.compat32)
    g = email.message_from_bytes(got, policy=email.policy.compat32)
    kept_headers = [(n.lower(), unfold(v)) for n, v in k.items()]
    got_headers = [(n.lower(), unfold(v)) for n, v in g.items() if n.lower() not in SERVER_HEADERS]
    # The Maildir writer ends the file with one more newline than was sent.
    kept_body = split(kept)[1].rstrip(b"\n")
    got_body = split(got)[1].rstrip(b"\n")
    print(
        json.dumps(
            {
                "same_headers": kept_headers == got_headers,
                "kept_headers": kept_headers,
                "received_headers": got_headers,
                "same_body": kept_body == got_body,
                "body_bytes": len(kept_body),
                "server_headers": sorted(
                    {n.lower() for n in g.keys() if n.lower() in SERVER_HEADERS}
                ),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "list":
        list_messages(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
