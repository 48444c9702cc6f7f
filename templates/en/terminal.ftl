# Messages of part "terminal" (en).

## Field codes said in words (`audit_field.<key>`, read by the audit pack
## and the terminal alike): the fields of a recorded destruction.
audit_field-destruction = destruction
audit_field-validated_by = validated by
audit_field-media_destination = fate of the medium

## The placeholders of an option in a hint (`--validated-by NAME`).
terminal-placeholder-name = NAME
terminal-placeholder-text = TEXT

## `journal show`: a sending that did not happen is named as a sending, not
## by its outcome ("request forwarded…"), with why it failed.
terminal-sending-breach-notify = sending of a breach notification
terminal-sending-breach-supplement = sending of a supplement to a breach notification
terminal-sending-request-forward = forwarding of a request to the controller
terminal-sending-instruction-objection-notice = sending of an objection to an instruction
terminal-sending-instruction-transfer-notice = sending of the prior notice of a transfer required by law
terminal-sending-subprocessor-notify = sending of a written notice about a sub-processor
terminal-action-failed = { $sending }: failed, the mail server refused the message; nothing went out
terminal-action-unreachable = { $sending }: failed, the mail server could not be reached; nothing went out
terminal-action-intent = { $sending }: about to go out
terminal-action-dry-run = { $sending }: dry run, message written, not sent
terminal-action-again = { $sending }: sent again after an uncertain sending
terminal-action-confirm-sent = { $sending }: uncertain sending confirmed as received

## Part "ha": a mail server in words, a refusal in words (the server's own
## text quoted as it answered).
terminal-ha-server = { $address } ({ $security })
terminal-ha-security-plain = plain text
terminal-ha-security-starttls = STARTTLS
terminal-ha-security-opportunistic = STARTTLS if offered
terminal-ha-security-tls = implicit TLS
terminal-ha-smtp-permanent = permanent error ({ $code }), the server answered “{ $words }”
terminal-ha-smtp-transient = temporary error ({ $code }), the server answered “{ $words }”
## A sending named with its controller (`{ $what }`: "the forwarding of request `2021-002`").
terminal-ha-what-for = { $what } for { $controller }
## A controller named in the run's language (`Workspace::controller_msg`).
terminal-ha-controller = { $fr ->
   *[other] { $en }
}
## `fate destroy`: the method as the certificate says it.
terminal-ha-method = { $method ->
    [clear] clear
    [purge] purge
    [destroy] destroy
   *[other] { $method }
}
## A certified fact of a fate item (`fate set` refused).
terminal-ha-fact = { $fact ->
    [choice] its choice
    [decision] its decision
   *[copies] its copies
}
## The certificate's signatory when missing (`fate list`).
terminal-ha-dpo-name = name of the data protection officer (processor.yaml)

# The SMTP warnings before a sending (src/mail/mod.rs, SmtpSettings::warnings).
terminal-smtp-warning = { $message }
  { "  " }hint: use smtp://…?tls=required (STARTTLS) or smtps://… (implicit TLS)
terminal-smtp-password-plain = the SMTP password of `{ $user }` would be sent in clear to { $server }: AUTH over an unencrypted connection
terminal-smtp-password-opportunistic = the SMTP password of `{ $user }` would be sent in clear to { $server } if the server does not offer STARTTLS (tls=opportunistic)
terminal-smtp-plain = { $server } is used without TLS: the message crosses the network in clear
