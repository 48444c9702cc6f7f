# screens: see src/render/catalog.rs. One catalog, kept in files by subject.

## `dpo journal show`: the columns, and each action in words (the code stays in its column and in --json).
screens-journal-seq = no.
screens-journal-at = date and time
screens-journal-actor = who
screens-journal-action = action
screens-journal-code = code
screens-journal-subject = subject
screens-action-workspace-init = workspace created
screens-action-journal-note = note
screens-action-journal-recover = journal completed after an interruption
screens-action-journal-rollback = interrupted write undone
screens-action-breach = breach notification
screens-action-breach-open = breach opened
screens-action-breach-defer = breach item deferred
screens-action-breach-notify = breach notified by e-mail
screens-action-breach-supplement = supplement to a breach notification
screens-action-breach-call = call to the designated contact about a breach
screens-action-breach-close = breach closed
screens-action-breach-set = fact of a breach changed
screens-action-request-log = data-subject request recorded
screens-action-request-forward = request forwarded to the controller
screens-action-request-set = fact of a request changed
screens-action-instruction-log = documented instruction recorded
screens-action-instruction-object = objection to an instruction recorded
screens-action-instruction-objection-notice = objection to an instruction sent
screens-action-instruction-transfer-notice = prior notice of a transfer required by law
screens-action-instruction-set = fact of an instruction changed
screens-action-subprocessor-add = sub-processor added
screens-action-subprocessor-change = sub-processor changed
screens-action-subprocessor-notice = written notice of a sub-processor drawn up
screens-action-subprocessor-notify = written notice of a sub-processor sent
screens-action-subprocessor-notice-set = fact of a written notice changed
screens-action-fate-fingerprint = item fingerprinted
screens-action-fate-scan = residual scan
screens-action-fate-destroy = destruction of a copy recorded
screens-action-fate-destroy-intent = destruction through the backup tool announced before the first deletion
screens-action-fate-destroy-failed = destruction through the backup tool failed with nothing deleted
screens-action-fate-bag = return bag written
screens-action-fate-verify-bag = return bag verified
screens-action-fate-certify = destruction and return certificate issued
screens-action-fate-set = fate of the data changed
screens-action-keys-generate = signing key created
screens-action-keys-publish = public key listed in allowed_signers
screens-action-file-sign = file signed
screens-action-audit-pack = audit pack made
screens-action-register-issue = register issued
screens-action-record-adopt = change made outside dpo adopted
screens-action-intent = { $action }: about to be sent
screens-action-failed = { $action }: refused by the mail server
screens-action-dry-run = { $action }: dry run, message written, not sent
screens-action-again = { $action }: sent again after an uncertain sending
screens-action-confirm-sent = { $action }: uncertain sending confirmed as received

## `dpo status`: what is missing, in words (--json keeps the codes).
screens-missing-last_tested = date of the last test
screens-missing-confidentiality_commitment = date of the signed confidentiality commitment
screens-missing-last_training = date of the last training
screens-missing-training_interval_months = training interval in people.yaml
screens-missing-fate_file = the inventory of the data and its copies (fate/ file)
screens-status-fields-differ = fields that differ: { $fields }

## The audit pack: journal/verification.txt.
screens-audit-verified = journal verification (dpo journal verify): { $result }
screens-audit-excerpt = excerpt for { $controller }: { $n ->
    [0] no entry concerning other controllers was left out
    [one] one entry concerning other controllers was left out
   *[other] { $n } entries concerning other controllers were left out
}; each entry kept is, byte for byte, the line of the journal whose SHA-256 the next entry quotes

## A breach field in words, with the key to type.
screens-field-named = { $label } (`{ $key }`)

## Sizes in bytes (`dpo fate fingerprint`, `dpo fate bag`): binary multiples, decimal point.
vb-bytes = { $fraction ->
    [none] { $whole }
   *[other] { $whole }.{ $fraction }
} { $unit }

## `dpo check`: a changed record file that no longer reads.
vb-integrity-unreadable = ; it no longer reads as YAML (see the error that locates it): its fields cannot be compared
