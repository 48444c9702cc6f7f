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
