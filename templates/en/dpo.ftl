# Short English labels, used by the template filters and by outputs that do
# not go through a template (CSV, the PDF footer).
todo = "to be completed"
to_confirm = to be confirmed
none = none
months-1 = January
months-2 = February
months-3 = March
months-4 = April
months-5 = May
months-6 = June
months-7 = July
months-8 = August
months-9 = September
months-10 = October
months-11 = November
months-12 = December
weekdays-1 = Monday
weekdays-2 = Tuesday
weekdays-3 = Wednesday
weekdays-4 = Thursday
weekdays-5 = Friday
weekdays-6 = Saturday
weekdays-7 = Sunday
first_day = 1
date_pattern = { $day } { $month } { $year }
datetime_pattern = { $date }, { $time } (UTC{ $offset })
page_label = page { $page } / { $pages }
register_title = Record of categories of processing activities
register_footer = Record of categories of processing activities (GDPR Art. 30(2)) — { $processor }
no_transfer = no transfer
csv_headers-1 = controller id
csv_headers-2 = controller
csv_headers-3 = controller address
csv_headers-4 = controller representative
csv_headers-5 = controller data protection officer
csv_headers-6 = processing category id
csv_headers-7 = category of processing
csv_headers-8 = description
csv_headers-9 = systems
csv_headers-10 = data categories
csv_headers-11 = sub-processors
csv_headers-12 = security measures
csv_headers-13 = transfers outside the European Union
csv_headers-14 = processor
csv_headers-15 = processor representative
csv_headers-16 = processor data protection officer
# Personal data breaches (Annex 1, § II.8) and "dpo status".
weekday_datetime_pattern = { $weekday } { $date }, { $time } (UTC{ $offset })
time_left = { $d } left
time_overdue = { $d } overdue
period_moved = { $counted } ({ $why }) → { $ends }
period_moved_line = legal deadline: { $period } (the last day not being a working day, the period ends at the end of the next working day: Regulation (EEC, Euratom) No 1182/71, Art. 3(4))
non_working-saturday = Saturday
non_working-sunday = Sunday
holiday-new-year = public holiday: New Year's Day
holiday-easter-monday = public holiday: Easter Monday
holiday-labour-day = public holiday: Labour Day
holiday-victory-day = public holiday: Victory in Europe Day
holiday-ascension = public holiday: Ascension Day
holiday-whit-monday = public holiday: Whit Monday
holiday-bastille-day = public holiday: Bastille Day
holiday-assumption = public holiday: Assumption Day
holiday-all-saints = public holiday: All Saints' Day
holiday-armistice = public holiday: Armistice Day
holiday-christmas = public holiday: Christmas Day
breach_deadline_processor = notify the controller before { $when } — { $left }
breach_deadline_controller = the controller notifies the supervisory authority, if needed, before { $when } — { $left }
breach_subject = Personal data breach notification — { $processor } — { $id }: { $title }
breach_subject_supplement = Supplement no. { $n } to the personal data breach notification — { $processor } — { $id }: { $title }
breach_sender = Data protection officer — { $processor }
breach_footer = Personal data breach { $id } — { $processor }
breach_pdf_prefix = breach-notification
breach_report_title = Personal data breach file { $id } — { $title }
breach_late_reason = reason for the delay
breach_supplement_no = supplement no.
breach_field-nature-description = description of the nature of the breach
breach_field-nature-subject_categories = categories of people concerned
breach_field-nature-subjects_count = approximate number of people concerned
breach_field-nature-record_categories = categories of personal data records concerned
breach_field-nature-records_count = approximate number of records concerned
breach_field-consequences = likely consequences of the breach
breach_field-measures_taken = measures taken to address the breach
breach_field-measures_proposed = measures proposed, including to mitigate its effects
breach_field-established = established or suspected breach
breach_field-occurred_at = start of the breach
breach_field-ended_at = end of the breach
breach_field-discovered_at = discovery of the breach
breach_field-discovery = how the breach was discovered
breach_field-origin = origin of the breach
breach_field-cause = cause of the breach
breach_field-subprocessors = sub-processor involved
breach_field-media = media concerned
breach_field-encrypted = data encrypted
breach_field-directly_identifiable = people directly identifiable
breach_established = established
breach_suspected = suspected
breach_ongoing = ongoing
breach_no_subprocessor = none
breach_origin-internal-malicious = internal, malicious
breach_origin-internal-accidental = internal, accidental
breach_origin-external-malicious = external, malicious
breach_origin-external-accidental = external, accidental
breach_origin-unknown = unknown
breach_dpo_unnamed = name of the data protection officer "to be completed"
breach_dpo_role = data protection officer
breach_dpo_email = e-mail
breach_dpo_phone = the officer's phone
breach_switchboard = the processor's switchboard (not a line of the officer)
breach_todo = "to be completed"
yes = yes
no = no
number_group = ,
count_about = about { $n }
count_range = between { $from } and { $to }
breach_cia-confidentiality = confidentiality
breach_cia-integrity = integrity
breach_cia-availability = availability
status_missing-email = e-mail
status_missing-call = phone call
status_missing_label = missing
status_file = file
status_kind-breach-notification = Notify the controller of the breach
status_kind-breach-authority = Controller's deadline towards the supervisory authority
status_kind-breach-supplement = Send a supplement: fields changed since they were sent (dpo breach supplement)
timeline_heading = Timeline:
timeline_to = to: { $to }
timeline_by = by { $by }
timeline-occurred = the breach occurred
timeline-discovered = discovered
timeline-ended = the breach ended
timeline-aware = the processor became aware
timeline-notification = notification e-mailed to the controller
timeline-supplement = supplement no.
timeline-call = call to the controller's designated contact
timeline-processor_deadline = the processor's deadline: 72 hours after becoming aware (Annex 1, § II.8)
timeline-authority_deadline = the controller's deadline towards the supervisory authority: 72 hours after the notification (GDPR Art. 33(1))
timeline-closed = the breach file closed
breach_uncertain = UNCERTAIN SENDING: { $eml } (journaled on { $at } as about to go out, outcome unknown) — Message-ID { $message_id }
breach_uncertain_hint = to check: the kept message above and the mail server's log (this Message-ID); then `{ $command } --confirm-sent` if it was received, or `{ $command } --again` to send a new message
status_kind-mail-uncertain = Uncertain sending: look for the Message-ID in the mail server's log (the exact message is kept in the .eml), then run the sending command again with --confirm-sent if it received it, or --again if not
status_kind-record-tampered = Record that does not match the journal (changed, removed or written outside dpo): undo the edit, or adopt an edit of facts with dpo record adopt FILE --reason …; dpo check names the fields
status_state-overdue = OVERDUE
status_state-incomplete = INCOMPLETE
status_state-due_soon = due soon
status_state-pending = to do
status_state-info = for information
status_state-done_late = done, after the deadline
status_state-done = done
status_ics_name = GDPR deadlines (dpo)
status_nothing = nothing to do
severity-low = low
severity-medium = medium
severity-high = high
severity-very_high = very high
certificate_title = Certificate of destruction and return of data
certificate_footer = Certificate of destruction and return — { $processor } for { $controller }
# Annex 1, § II.6, § II.7, § II.1-2 (sub-processors, requests, instructions)
right-access = right of access
right-rectification = right to rectification
right-erasure = right to erasure
right-objection = right to object
right-restriction = right to restriction of processing
right-portability = right to data portability
right-automated-decision = right not to be subject to automated individual decision-making
request_subject = Data-subject request forwarded — { $right } — { $processor } — { $id }
request_file_header = Data-subject request { $id } (Annex 1, § II.7) — logged by dpo request log.
request_answer_due = the controller's answer to the data subject is due by { $due } (GDPR Art. 12(3))
instruction_subject-objection = Instruction infringing data-protection law — { $processor } — { $id }
instruction_subject-transfer = Prior information: transfer to a third country required by law — { $processor } — { $id }
instruction_file_header = Documented instruction { $id } (Annex 1, § II.1-2) — logged by dpo instruction log.
sp_subject_added = Written notice: new sub-processor — { $name } — { $processor } — { $id }
sp_subject_changed = Written notice: change of sub-processor — { $name } — { $processor } — { $id }
sp_notice_file_header = Written notice { $id } about a sub-processor (Annex 1, § II.6) — made by dpo subprocessor.
sp_footer = Sub-processor notice { $id } — { $processor }
sp_pdf_prefix = subprocessor-notice
sp_field-name = identity
sp_field-address = address
sp_field-contact = contact details
sp_field-activities = processing activities
sp_field-controllers = controllers concerned
sp_field-contract-reference = contract reference
sp_field-contract-start = contract start
sp_field-contract-end = contract end
sp_field-location = place of processing
sp_field-guarantees = guarantees
status_kind-subprocessor-notice = Inform the controller in writing about a sub-processor
status_kind-request-forward = Forward the data-subject request to the controller
status_kind-request-answer = The controller's deadline to answer the data subject (one month)
status_kind-instruction-objection = Send the objection to an instruction that infringes data-protection law
status_kind-instruction-transfer = Inform the controller of the transfer required by law, before it happens
# Issue 5: people, security measures, the convention's term (status), the audit pack
status_kind-people-commitment = Have the person sign a confidentiality commitment (Annex 1, § II.4)
status_kind-people-training = Data-protection training of an authorised person (Annex 1, § II.4)
status_kind-measure-test = Test the security measure (Annex 1, § II.9)
status_kind-convention-end = End of the convention
status_kind-convention-renewal = Last day to decide the renewal of the convention
status_kind-fate-certificate = Return or destroy the controller's data and every copy, then certify it (Annex 1, § IV)
audit_all = all
audit_requests_title = Log of data-subject requests (Annex 1, § II.7)
audit_instructions_title = Log of documented instructions (Annex 1, § II.1-2)
audit_notices_title = Log of written notices about sub-processors (Annex 1, § II.6)
audit_people_title = People authorised to process the data (Annex 1, § II.3-4)
audit_people_interval = Training is renewed every { $months } months.
audit_people_no_interval = How often training is renewed is not set: "to be completed".
audit_people_headers-1 = id
audit_people_headers-2 = name
audit_people_headers-3 = role
audit_people_headers-4 = organisation
audit_people_headers-5 = controllers
audit_people_headers-6 = confidentiality commitment
audit_people_headers-7 = last training
audit_people_headers-8 = training due by
audit_measures_title = Security measures (GDPR Art. 32, Annex 1, § II.9)
audit_measures_headers-1 = id
audit_measures_headers-2 = measure
audit_measures_headers-3 = description
audit_measures_headers-4 = owner
audit_measures_headers-5 = evidence
audit_measures_headers-6 = last tested
audit_measures_headers-7 = test interval (months)
audit_measures_headers-8 = next test due by

## Issue 10: one language. `dpo status`: the convention's term.
renewals-allowed = { $n ->
    [0] no renewal allowed
    [one] one renewal allowed
   *[other] { $n } renewals allowed
}
status-term-renewed = renewed on { $date } for { $months ->
    [one] one month
   *[other] { $months } months
}
status-term-not-renewable = not renewable
status-term-renewals-unknown = renewals allowed to be completed
status-term-not-renewed = not renewed ({ $allowed ->
    [0] no renewal allowed
    [one] one renewal allowed
   *[other] { $allowed } renewals allowed
})
status-term-end = { $controller } — { $convention } — { $past ->
    [yes] ended
   *[other] ends
} on { $end }, { $renewal }
status-term-renew-by-unknown = { $controller } — { $convention } — last day to renew unknown: the notice period is to be completed
status-term-renew-by = { $controller } — { $convention } — renew by { $date } at the latest
status-term-fate = { $controller } — return or destroy every copy, then certify

## The terminal: errors and warnings.
cli-error = error: { $message }
cli-warning = warning: { $message }
cli-caused-by = caused by: { $message }

## The questions of `dpo breach open` (an empty answer: unknown).
prompt-title = title of the breach:
prompt-aware-at = when did the processor become aware? (YYYY-MM-DD HH:MM, { $tz } time; empty: now)
prompt-established = is the breach established? (y: established, n: only suspected; empty: unknown)
prompt-discovery = how was it discovered?
prompt-ended-at = when did it end? (YYYY-MM-DD HH:MM, `ongoing`; empty: unknown)
prompt-origin = origin? (1: internal malicious, 2: internal accidental, 3: external malicious, 4: external accidental, 5: unknown; empty: not said)
prompt-cause = cause? (phishing, a lost laptop, a wrong recipient…)
prompt-subprocessors = sub-processors involved? (ids separated by commas, `none`; empty: unknown)
prompt-media = media concerned? (separated by commas)
prompt-encrypted = were the data encrypted? (y/n; empty: unknown)
prompt-directly-identifiable = are the people directly identifiable? (y/n; empty: unknown)
answer-ongoing = ongoing
answer-none = none
breach-needs-title = the breach needs a title
    hint: dpo breach open --title "Ransomware on the file server" --aware-at "2021-03-26 10:00"
breach-needs-aware-at = when did the processor become aware of the breach? The 72 hours run from then
    hint: add --aware-at "2021-03-26 10:00" (local time) or an RFC 3339 time with its offset

## What the commands say, and what comes next ("next:").
init-created = created a workspace in { $dir }
next-init = next: edit the YAML files, then run `dpo --registers { $dir } check`
breach-opened = breach { $id } opened: { $file }
next-breach-open = next: fill in `{ $file }`, defer what is not known yet (`dpo breach defer { $id } FIELD --reason …`), then `dpo breach notify { $id }`
breach-none = no breach recorded in `{ $dir }`
breach-list-closed = closed
breach-list-progress = e-mail { $mailed }/{ $n }, call { $called }/{ $n }
breach-deferred = breach { $id }: `{ $field }` deferred: { $reason }
next-breach-notify = next: every required field is now filled or deferred; `dpo breach notify { $id }` can send it
breach-still-missing = still missing: { $fields }
breach-message = { $supplement ->
    [0] notification
   *[other] supplement { $supplement }
}
breach-dry-run = dry run: { $what } of breach { $id } to { $controller } written, NOT sent: { $file }
breach-sent = { $what } of breach { $id } sent to { $controller } <{ $to }>
sent-server-reply = server reply: { $reply }
sent-evidence = evidence: { $file } (SHA-256 { $sha256 })
sent-journal = journal: entry { $seq }
sent-attached = attached: { $file } (SHA-256 { $sha256 })
breach-sent-again = changed since last sent, sent again: { $fields }
next-breach-deferred = deferred: { $fields }; next: send them with `dpo breach supplement { $id }` once known
contact-no-name = name not recorded
contact-no-phone = no phone number recorded
next-breach-call = next: CALL the designated contact now ({ $name }, { $phone }) and log it: dpo breach call { $id } --controller { $controller } --to NAME --number NUMBER --outcome TEXT
breach-called = call to { $to } ({ $number }) for breach { $id } logged at { $at }
breach-complete = the notification to { $controller } is complete (e-mail and phone), { $on_time ->
    [yes] on time
   *[no] AFTER the 72-hour deadline
}
next-breach-email = next: the notification e-mail to { $controller } is still to be sent: `dpo breach notify { $id }`
breach-closed = breach { $id } closed
breach-never-completed = the notification to { $controller } was never completed (e-mail and phone call)

## End of the convention: `dpo fate`.
fate-no-choice = no choice yet
fate-done = done
fate-to-do = to do
next-fate-certify = nothing pending; next: `dpo fate certify --controller { $controller }` can issue the certificate
fate-blocking = { $n ->
    [one] one thing stands in the way of the certificate
   *[other] { $n } things stand in the way of the certificate
}
fate-certify-refused = refusing to certify for { $controller }: { $n ->
    [one] one thing remains to do
   *[other] { $n } things remain to do
}
next-fate-list = next: `dpo fate list --controller { $controller }` says what to do for each
next-fate-verify-bag = next: `dpo fate verify-bag { $dir }` once the medium is ready to hand over
fate-no-fingerprint = note: item `{ $item }` has no fingerprint, so no residual scan can prove the destruction
    next: next time, `dpo fate fingerprint { $item } PATH…` before destroying
fate-pending = { $what }: { $reason }
fate-pending-field = { $what }, field "{ $field }": { $reason }
fate-pending-copy = copy `{ $copy }` of item `{ $item }`
fate-pending-item = item `{ $item }`
fate-pending-certificate = the certificate
fate-pending-incomplete-destruction = "to be completed" in the destruction recorded on { $at }; record it again with `dpo fate destroy { $item } --copy { $copy } … { $flag }`
fate-pending-unsigned = the name of the processor's DPO, who signs the certificate, is "to be completed" (or name the DPO in people.yaml)
fate-pending-choice = the controller's choice is not recorded
fate-pending-decision = the reference and date of the controller's written decision are not recorded
fate-pending-not-bagged = not handed over in a verified bag
fate-pending-scan-found = the last residual scan ({ $at }) found { $n ->
    [one] one file
   *[other] { $n } files
} of the item
fate-pending-returned-not-destroyed = returned, but not destroyed yet ({ $kind })
fate-pending-not-destroyed = not destroyed with a verification ({ $kind })
fate-pending-neither = neither destroyed with a verification nor returned in a verified bag ({ $kind })
fate-todo-choice = record the controller's written choice first: `dpo fate set { $item } choice CHOICE` (return, destroy, return_then_destroy, keep) and `dpo fate set { $item } decision "{"{"}reference: …, date: YYYY-MM-DD{"}"}"`
fate-todo-decision = record the reference and date of the controller's written decision: `dpo fate set { $item } decision "{"{"}reference: …, date: YYYY-MM-DD{"}"}"`
fate-todo-hand-over = hand the item over: `dpo fate bag { $item } --copy COPY --from PATH --out DIR`, then `dpo fate verify-bag DIR`
fate-todo-fingerprint = before destroying, fingerprint it for the residual scan: `dpo fate fingerprint { $item } PATH…`
fate-todo-scan-found = the last residual scan ({ $at }) found { $n ->
    [one] one file
   *[other] { $n } files
} of the item: destroy them, then scan again
fate-todo-destroy = destroy it and record how: `dpo fate destroy { $item } --copy { $copy } --method clear|purge|destroy …`
fate-todo-wait-choice = wait for the controller's written choice
fate-todo-verify-bag = verify its bag: `dpo fate verify-bag DIR`
fate-todo-return-or = return it in a verified bag, or { $destroy }
fate-todo-wait-hand-over = wait until the item is handed over in a verified bag, then destroy it
copy-kind-live-storage = live storage
copy-kind-backup-repository = backup repository
copy-kind-restore-points = restore points
copy-kind-offsite-media = off-site media
copy-kind-replica = replica

## `dpo check`
check-journal-intact = journal: { $entries ->
    [one] one entry
   *[other] { $entries } entries
}, chain intact
check-partial = the other controllers' files were checked; processor.yaml, the sub-processors, the measures, the people and the case files (breaches, requests…) will be once { $n ->
    [one] this file is fixed
   *[other] these { $n } files are fixed
}
check-summary = { $root }: { $errors ->
    [0] no error
    [one] one error
   *[other] { $errors } errors
}, { $warnings ->
    [0] no warning
    [one] one warning
   *[other] { $warnings } warnings
}

## Data-subject requests and documented instructions.
request-logged = request { $id } logged in { $file }
dry-run-written = dry run: message written to { $file } (not sent)
request-forwarded-incomplete = forwarded with "to be completed" in: { $fields } (--incomplete; recorded as such)
next-request-forward = not forwarded; next: run `dpo request forward { $id }` (`dpo status` flags it after 24 h)
message-sent = sent to { $to } — { $file } — server reply: { $reply }
request-received-at = received { $at }
request-forwarded-at = forwarded { $at }
request-not-forwarded-yet = NOT FORWARDED YET
instruction-logged = instruction { $id } in { $file }
instruction-objection = objection
instruction-transfer-notice = transfer notice
instruction-from = from { $from }
instruction-transfer = transfer required by law to { $country } ({ $basis }) — { $sent ->
    [yes] notified
   *[no] NOT NOTIFIED
}
instruction-objection-line = objection: { $reason } — { $sent ->
    [yes] sent
   *[no] NOT SENT
}

## Sub-processors.
sp-recorded = subprocessors.yaml: { $id } recorded
sp-changed = changed: { $fields }
sp-comments-lost = note: the list was rewritten; comments inside `subprocessors:` were not kept
sp-notice-ready = notice { $id } for { $controller }: { $file } (sha256 { $sha256 }) — not sent yet
next-sp-notify = next: send them with `dpo subprocessor notify`
sp-notice-pending = notice { $id } ({ $subprocessor } → { $controller }) not sent yet
sp-notice = notice { $id }
sp-notice-incomplete = notice { $id } went out with "to be completed" in: { $fields } (--incomplete; recorded as such)

## The journal.
journal-empty = (the journal is empty)
journal-record = record { $file }: { $message }
journal-intact = journal intact: { $entries ->
    [one] one entry
   *[other] { $entries } entries
}, head { $seq } { $sha256 }
journal-broken = journal broken: { $at }: { $message }
journal-note-empty = the note is empty
    next: dpo journal note -m "what happened"
journal-recorded = journal entry { $seq } recorded

## Audit pack, `set`, register.
audit-wrote = wrote the audit pack { $dir } ({ $files ->
    [one] one file
   *[other] { $files } files
}, manifest signed with { $key }, principal { $principal })
audit-left-out = { $n ->
    [one] one journal entry concerning other controllers was left out
   *[other] { $n } journal entries concerning other controllers were left out
}
next-audit-check = next: check it, in { $dir }:
audit-journal-broken = the journal does not verify; see journal/verification.txt in the pack
set-done = { $file }: `{ $field }` set (journal entry { $seq })
set-comments-lost = note: its top-level section was rewritten; comments inside it were not kept
register-gaps = note: { $missing ->
    [0] no required information is missing
    [one] one item of required information is missing and shown as { $todo }
   *[other] { $missing } items of required information are missing and shown as { $todo }
}, { $assumed ->
    [0] no value is an assumption
    [one] one value is an assumption shown with "{ $to_confirm }"
   *[other] { $assumed } values are assumptions shown with "{ $to_confirm }"
}; `dpo check` lists them

## Keys and signatures.
keys-new = new Ed25519 signing key: { $file } (mode 0600; keep it secret, back it up)
keys-key = signing key: { $file }
keys-fingerprint = fingerprint: { $fingerprint }
keys-public = public key: { $key }
keys-already-listed = already in { $file }
keys-added = added to { $file } for { $principal }
next-keys-fingerprint = next: give the controller the fingerprint by another channel (phone, letter) so it can trust the allowed_signers line
keys-not-listed = the key is not in `{ $file }`: signatures made with it would not verify
    next: `dpo keys publish` adds it
keys-listed = listed in { $file } for { $principals }
sign-wrote = wrote { $file } (namespace { $namespace }, key { $key }, principal { $principal })
next-sign-check = next: check it with: { $command }
verify-good = good signature of { $file } by { $principal } (key { $key }, namespace { $namespace })
verify-bad = BAD signature of { $file } ({ $signature }): { $reason }

## `dpo status` and its calendar.
status-file-line = file: { $file }
status-missing-line = missing: { $items }
fate-choice-return = return
fate-choice-destroy = destroy
fate-choice-return_then_destroy = return then destroy
fate-choice-keep = keep
copy-state-pending = pending
copy-state-bagged = bagged
copy-state-returned = returned
copy-state-destroyed = destroyed
copy-state-kept = kept
fate-fingerprinted = fingerprint of item `{ $item }`: { $files ->
    [one] one file
   *[other] { $files } files
}, { $size }
fate-manifest = manifest: { $file } (SHA-256 { $sha256 })
next-fate-manifest-check = next: check it any time with: sha256sum -c '{ $file }'
fate-scan-clean = clean: { $files ->
    [0] no file
    [one] the one file
   *[other] none of the { $files } files
} ({ $size }) under { $paths } is a file of item `{ $item }` ({ $contents ->
    [one] one fingerprinted content
   *[other] { $contents } fingerprinted contents
})
fate-scan-recorded = recorded in { $file } as verification evidence
fate-scan-nothing = note: no file at all was found under these paths; make sure they are the locations the copy was on
fate-scan-found = found { $n ->
    [one] one file
   *[other] { $n } files
} of item `{ $item }`:
fate-scan-match = (content of `{ $name }`, SHA-256 { $sha256 })
next-fate-scan-again = recorded in { $file }; next: destroy these files, then scan again
fate-destroyed = recorded: copy `{ $copy }` of item `{ $item }` destroyed on { $at } — method: { $method }
fate-bagged = bag of item `{ $item }` written to { $dir }: { $files ->
    [one] one file
   *[other] { $files } files
}, { $size } (Payload-Oxum { $oxum })
fate-bag-signed = tag manifest SHA-256 { $sha256 } signed: { $file }
fate-bag-how-to-check = the controller checks it with `sha256sum -c manifest-sha256.txt` inside the bag, or any BagIt validator
fate-recorded-in = recorded in { $file }
fate-bag-not-recorded = note: this bag is not in the workspace's fate files; nothing recorded
fate-certificate-kept = certificate for { $controller } kept in evidence:
fate-certificate-copied = and copied to:
fate-certificate-how-to-check = the controller checks it, with `allowed_signers` holding the line printed on the certificate:
breach-report-tampered = `{ $file }` does not match the journal — this report may not say what dpo recorded: { $message }
breach-show-tampered = WARNING: `{ $file }` does not match the journal — what is shown above may not be what dpo recorded: { $message }
breach-severity-scale = (ENISA 2013: < 2 low, 2–3 medium, 3–4 high, ≥ 4 very high; a guide for the DPO's judgement, never a reason to skip the notification)
record-no-field = no field (layout or comments)
record-adopted = adopted `{ $file }` (SHA-256 { $sha256 }): { $fields }; journal entry { $seq }
wrote-file = wrote { $file } ({ $bytes ->
    [one] one byte
   *[other] { $bytes } bytes
})

## Durations and the summary line of `dpo status` (one form per count: one for 1, other for 0, 2 and more).
duration_hours_minutes = { $h } h { $min } min
duration_days_hours = { $d } d { $h } h
status_summary-overdue-one = { $n } overdue
status_summary-overdue-other = { $n } overdue
status_summary-incomplete-one = { $n } incomplete
status_summary-incomplete-other = { $n } incomplete
status_summary-due_soon-one = { $n } due within { $days } days
status_summary-due_soon-other = { $n } due within { $days } days
status_summary-undated-one = { $n } to do without a deadline
status_summary-undated-other = { $n } to do without a deadline
fate-todo-confirm-choice = confirm the controller's choice: `choice` is an assumption to confirm (`to_confirm`); `dpo fate set { $item } choice …` once the controller has written
fate-todo-wait-confirm = wait until the controller confirms its choice (to confirm)

## Review additions (fixb).
place_todo = [place "to be completed"]
of_convention = of the convention "{ $title }"
of_convention_titled = of the "{ $title }"
of_convention_bare = of the convention
period_moved_words = { $counted } ({ $why }); moved to { $ends } (Regulation (EEC, Euratom) No 1182/71, Art. 3(4))
breach_progress = where the investigation stands
breach_closed_deferred = closed with items still deferred
prompt-occurred-at = when did the breach start? (YYYY-MM-DD HH:MM, { $tz } time; empty: unknown)
prompt-discovered-at = when was it discovered? (YYYY-MM-DD HH:MM, { $tz } time; empty: unknown)
breach-closed-deferred = closed with items still deferred, never sent: { $fields }

## Documents additions (docs).
audit_log_headers-1 = identifier
audit_log_headers-2 = date
audit_log_headers-3 = subject
audit_field_header = field
audit_value_header = value
audit_field-id = identifier
audit_field-controller = controller
audit_field-controllers = controllers
audit_field-right = right exercised
audit_field-received_at = received on
audit_field-summary = subject
audit_field-channel = channel
audit_field-logged_at = logged on
audit_field-forwarded = forwarding
audit_field-sent_at = sent on
audit_field-recipients = recipient
audit_field-message_id = Message-ID
audit_field-eml = message kept
audit_field-server_reply = server reply
audit_field-incomplete = incomplete
audit_field-attachments = attachment
audit_field-name = name
audit_field-sha256 = SHA-256
audit_field-from = given by
audit_field-at = date
audit_field-reference = reference
audit_field-transfer = transfer required by law
audit_field-country = country
audit_field-legal_basis = legal basis
audit_field-notice = notice
audit_field-objection = objection
audit_field-reason = reason
audit_field-subprocessor = sub-processor
audit_field-change = change
audit_field-changed = fields changed
audit_field-created_at = drawn up on
audit_field-details = sub-processor
audit_field-pdf = document
audit_field-sent = sending
count-file-one = { $n } file
count-file-other = { $n } files
count-byte-one = { $n } byte
count-byte-other = { $n } bytes
count-month-one = { $n } month
count-month-other = { $n } months
count-times-one = once
count-times-other = { $n } times
register-edition-not-recorded = note: edition v{ $n } not recorded in the journal ({ $why }); the next register issued will count it again

## Errors and diagnostics of the domain (Localize / Msg).
cli-hint = hint: { $hint }
diag-whole-file = (file)
diag-field = { $field }: { $message }
yaml-missing-file = this file is missing
yaml-missing-file-hint = `dpo init DIR` creates a workspace with an example of every file
yaml-empty = the file is empty
yaml-empty-hint = `dpo init DIR` writes an example of every file; delete the file if it is not needed
yaml-not-utf8 = the file is not UTF-8 text (binary data or another encoding)
yaml-not-utf8-hint = save it as UTF-8; YAML files are text
yaml-unknown-field = unknown field `{ $name }`; expected: { $allowed ->
    [none] none
   *[other] { $allowed }
}
yaml-missing-field = missing field `{ $name }`
yaml-duplicate-key = duplicate key `{ $key }` (first at line { $line }, column { $column })
yaml-invalid = { $detail }
hint-did-you-mean = did you mean `{ $name }`?
hint-allowed-fields = the fields allowed here are: { $fields }
hint-remove-field = remove this field
hint-add-field = add `{ $name }: …` here; `dpo schema` describes every field
hint-duplicate-key = each key may appear once in a mapping; delete one of them
hint-dates = write dates as YYYY-MM-DD, e.g. 2021-02-01, and check that the day exists
hint-tabs = indent YAML with spaces, never tabs
hint-identifiers = identifiers are used as file names: lowercase letters, digits and dashes only
check-unknown-controller = unknown controller `{ $id }`: there is no `controllers/{ $id }.yaml`
check-unknown-controller-hint = controllers: { $known }
check-unknown-subprocessor = unknown sub-processor `{ $id }`: it is not declared in `{ $file }`
check-declared-in = declared in `{ $file }`: { $known }
check-no-commitment = `{ $id }` has no recorded confidentiality commitment (Annex 1, § II.4)
check-no-training = `{ $id }` has no recorded data-protection training (Annex 1, § II.4)
check-training-old = the training of `{ $id }` is older than { $months } months (last { $last })
check-measure-never-tested = measure `{ $id }` has never been tested (Annex 1, § II.9: test regularly)
check-measure-test-overdue = the test of measure `{ $id }` is overdue: last tested { $last }, { $months ->
    [one] every month
   *[other] every { $months } months
}
err-no-actor = who is acting? { $command }: nothing was written
err-no-actor-hint = set DPO_ACTOR to your name, or to your id in people.yaml (its name is then recorded)
err-locked = the workspace is being changed by another dpo process ({ $holder }); gave up after { $waited } waiting for `{ $path }`
err-locked-hint = run the command again when the other one has finished (DPO_LOCK_WAIT=SECONDS waits longer)
err-invalid-workspace = the workspace at `{ $root }` has { $n ->
    [one] one error
   *[other] { $n } errors
}
err-no-workspace = no workspace at `{ $path }`
err-no-workspace-hint = pass --registers DIR, set DPO_REGISTERS, or create one with `dpo init { $path }`
err-late-notify = the 72-hour deadline to notify `{ $controller }` of breach `{ $id }` passed on { $deadline } ({ $late } late); a late notification must say why
err-late-notify-hint = add --late-reason "…" (it is written in the message and kept in the breach file)
err-closed-breach = breach `{ $id }` was closed on { $closed }; it cannot be changed any more
err-set-field = `{ $file }`: field `{ $field }`: { $message }
integrity-changed = changed outside dpo: it hashes to { $sha256 } but journal entry { $seq } recorded { $journaled }
integrity-same-fields = ; its fields are the same (layout or comments changed)
integrity-fields-differ = ; fields that differ: { $fields }
integrity-not-kept = ; the journaled text is not kept, so the fields that differ cannot be named
integrity-changed-hint = undo the edit (git), or adopt a legitimate edit of facts with `dpo record adopt { $file } --reason "…"`
integrity-removed = removed outside dpo: journal entry { $seq } wrote it (SHA-256 { $journaled })
integrity-removed-hint = restore it from git
check-missing = missing { $what } ({ $basis }); documents show it as "to be completed"
check-missing-contact = missing contact details of { $what } ({ $basis }); documents show them as "to be completed"
check-assumption = { $record }: `{ $field }` is an assumption to confirm with the controller; documents mark it "to be confirmed"
check-transfers-unstated = the transfers to a third country are not stated (GDPR Art. 30(2)(c)); documents show them as "to be completed"
check-transfers-unstated-hint = write `transfers: []` once it is known that there is none
check-training-interval-unset = how often data-protection training is renewed is not set, so no training falls due; documents show it as "to be completed"
check-contract-start-missing = missing the start date of the contract with `{ $id }` (Annex 1, § II.6); documents show it as "to be completed"
what-processor-address = the processor's postal address
what-processor-representative = the name of the processor's representative
what-processor-dpo-email = the e-mail of the processor's DPO
what-processor-dpo-name = the name of the processor's DPO
what-controller-address = the controller's postal address
what-controller-representative = the name of the controller's representative
what-controller-dpo-name = the name of the controller's DPO
what-controller-dpo = the controller's DPO
what-breach-email = the e-mail of the controller's breach contact
what-breach-phone = the phone number of the controller's breach contact
what-requests-email = the e-mail data-subject requests are forwarded to
what-it-coordinator = the name of the controller's IT coordinator
what-transfer-safeguards = the documented safeguards of a transfer
what-subprocessor-address = the address of sub-processor `{ $id }`
what-subprocessor = sub-processor `{ $id }`
what-guarantees = the guarantees of `{ $id }`
what-measure-owner = the owner of measure `{ $id }`
basis-30-2a = GDPR Art. 30(2)(a)
basis-30-2a-ii10 = GDPR Art. 30(2)(a), Annex 1, § II.10
basis-ii8-email = Annex 1, § II.8: notify by e-mail
basis-ii8-phone = Annex 1, § II.8: notify by phone call
basis-ii7 = Annex 1, § II.7
basis-convention-1 = convention, art. 1
basis-30-2c = GDPR Art. 30(2)(c)
basis-ii6 = Annex 1, § II.6
basis-28-4 = GDPR Art. 28(4), Annex 1, § II.6 and § II.9
basis-ii9 = Annex 1, § II.9
record-activity = activity `{ $id }`
record-transfer = transfer to `{ $country }`
record-subprocessor = sub-processor `{ $id }`
record-measure = measure `{ $id }`
record-person = person `{ $id }`
record-item = item `{ $id }`
record-copy = copy `{ $id }` of item `{ $item }`
check-duplicate-id = duplicate id `{ $id }` (first used at line { $line }, column { $column })
check-duplicate-id-hint = ids must be unique in a file; rename one of them
check-unknown-timezone = unknown timezone `{ $tz }`
check-unknown-timezone-hint = use an IANA name such as `Europe/Paris`
check-no-controller = no controller: add `controllers/<id>.yaml` for each controller the processor works for
check-term-too-short = the term of the convention must be at least one month
check-activity-list-unknown = { $field ->
    [systems] the systems of category `{ $id }` are not given
    [data_categories] the data categories of category `{ $id }` are not given
    [subprocessors] the sub-processors of category `{ $id }` are not given
   *[security_measures] the security measures of category `{ $id }` are not given
}; documents show "to be completed"
check-activity-list-unknown-hint = write `{ $field }: []` once it is established { $field ->
    [security_measures] that none is its own (the register then refers to the general measures)
   *[other] that there is none
}
check-no-activity = no category of processing is listed (GDPR Art. 30(2)(b))
check-subprocessor-not-for = sub-processor `{ $id }` is used here but `{ $file }` does not list `{ $controller }` among its controllers
check-unknown-measure = unknown security measure `{ $id }`: it is not declared in `{ $file }`
check-no-controller-of = `{ $id }` concerns no controller
check-contract-ends-before = the contract ends ({ $end }) before it starts ({ $start })
check-bad-email = `{ $value }` is not a valid e-mail address
check-bad-email-hint = one address per field, as name@domain.org; another address belongs in another contact
check-interval-zero = an interval is at least one month
check-interval-zero-hint = give the number of months between two due dates (1 or more), or remove the field if it is not known
check-measure-tested-in-future = measure `{ $id }` would have been tested on { $last }, a date still to come (today: { $today })
check-training-in-future = the last training of `{ $id }` would be on { $last }, a date still to come (today: { $today })
check-placeholder-among = "{ $value }": the field holds the words "to be completed" among others; documents would show them as a fact; give the value, or leave the field empty
check-no-activity-of = no processing activity is listed for `{ $id }` (Annex 1, § II.6)
check-no-measure = no security measure is described (GDPR Art. 30(2)(d), Annex 1, § II.9)
check-too-many-renewals = the convention allows { $allowed ->
    [0] no renewal
    [one] one renewal
   *[other] { $allowed } renewals
} but { $recorded ->
    [one] one is recorded
   *[other] { $recorded } are recorded
}
err-missing-fields = breach `{ $id }` cannot be notified: { $n ->
    [one] one required field is neither filled nor deferred with a reason
   *[other] { $n } required fields are neither filled nor deferred with a reason
}:
err-missing-fields-hint = fill them with `dpo breach set { $id } FIELD VALUE`, or defer each one with `dpo breach defer { $id } FIELD --reason "…"`
err-missing-fields-hint-set = fill them with `dpo breach set { $id } FIELD VALUE`: the description of the nature of the breach is never deferred (a notification must say what happened)
err-missing-fields-hint-some = fill them with `dpo breach set { $id } FIELD VALUE`; the description of the nature of the breach is never deferred, the others may be, with `dpo breach defer { $id } FIELD --reason "…"`
err-deferred-at-close = breach `{ $id }` still has { $n ->
    [one] one deferred item
   *[other] { $n } deferred items
}, never sent to the controller:
err-deferred-at-close-hint = fill them in and send a supplement (`dpo breach supplement { $id }`), or close it knowingly with --with-deferred --reason "…"
actor-group = DPO_ACTOR=`{ $id }` is an entry of people.yaml with no name (a group, not a person)
actor-login-unknown = DPO_ACTOR is not set, and the login name `{ $login }` is not the id of a named person of people.yaml
actor-unset = DPO_ACTOR is not set, and there is no login name
err-invalid-option = invalid { $flag }
err-no-breach = no breach `{ $id }`: `{ $path }` does not exist
err-no-breach-hint = `dpo breach list` shows the breaches; `dpo breach open` records a new one
err-changed-meanwhile = `{ $path }` changed while dpo was working on it; nothing was written
err-changed-meanwhile-hint = run the command again
err-journal-broken = the journal `{ $path }` is broken at line { $line }: { $message }
err-journal-broken-hint = run `dpo journal verify`; restore the journal from your git history before making further changes
breach-id-differs = the id `{ $id }` differs from the file name `{ $expected }`
breach-id-differs-hint = write `id: { $expected }`, or rename the file
breach-title-empty = the title is empty
breach-no-controller = no controller is named: whom is this breach to be notified to?
breach-no-controller-hint = list them, e.g. `controllers: [{ $example }]`
breach-unknown-controller = unknown controller `{ $id }`
breach-unknown-controller-hint = controllers are the files of `controllers/`: { $known }
breach-controller-not-concerned = controller `{ $id }` is not one of this breach's controllers
breach-description-not-deferrable = the description of the nature of the breach cannot be deferred: a notification must at least say what happened (GDPR Art. 33(3)(a))
breach-description-not-deferrable-hint = describe what is known now in `nature.description`, even briefly, and remove this entry; every other item may be deferred (Art. 33(4))
breach-stale-deferral = `{ $field }` is filled but still listed as deferred: a stale deferral
breach-stale-deferral-hint = the next notification or supplement removes it; or remove the entry
breach-declared = declared: { $known }
breach-ongoing-and-ended = the breach is said to be ongoing and to have ended (ended_at): check which
breach-deferrable-fields = the fields that may be deferred are: { $fields }
breach-not-deferrable = `{ $field }` is not a field that can be deferred
breach-deferred-without-reason = deferred without a reason: it counts as missing
breach-out-of-order = { $later } ({ $later_at }) is before { $earlier } ({ $earlier_at }): a breach occurs, is discovered, then the processor becomes aware of it, and it ends after it occurred
breach-out-of-order-hint = correct { $earlier } or { $later }
breach-in-the-future = { $field } ({ $at }) is in the future
breach-in-the-future-hint = a breach file records what has happened; give the time it happened
status-tampered-changed = { $file } changed outside dpo
status-tampered-removed = { $file } removed outside dpo
status-tampered-not-journaled = { $file } not journaled
yaml-not-controller-file = not a controller file: controller files are named `<id>.yaml`
hint-rename-to = rename it to `controllers/{ $name }.yaml`
hint-move-out-of-controllers = move it out of `controllers/`
yaml-cannot-read = cannot read: { $error }
yaml-too-big = the file is { $len } bytes, over the limit of { $max } bytes for one YAML file
yaml-too-big-hint = is this the right file? a register file holds a few kilobytes
yaml-nul = the file contains a NUL byte: it is binary, not YAML text
evidence-deadline-moved = the notification was sent against the deadline { $sent } but aware_at now gives { $now }: aware_at was changed after it was sent
evidence-deadline-moved-hint = a fact sent to a controller is corrected by a supplement, never rewritten: restore aware_at (e.g. from git)
evidence-call-before-aware = the call to `{ $controller }` ({ $at }) is before aware_at ({ $aware }): a call cannot notify a breach the processor was not yet aware of
evidence-call-before-aware-hint = dpo records calls only after aware_at: the call or aware_at was edited by hand; restore the file (e.g. from git)
evidence-call-later = the call to `{ $controller }` ({ $at }) is later than now: a breach file holds calls made
evidence-call-later-hint = dpo records calls only up to now: the call was edited by hand; restore the file (e.g. from git)
evidence-disagree-hint = the record, the kept message and the journal disagree: something was edited outside dpo; restore the edited file (e.g. from git)
evidence-eml = the kept message `{ $eml }` { $why }
evidence-eml-sha = the kept message `{ $eml }` has SHA-256 { $sha } but the record says { $recorded }: the message or the record was changed after sending
evidence-sent-at-date = sent_at ({ $sent }) is not the Date of the kept message `{ $eml }` ({ $date })
evidence-not-journaled = no journal entry records the sending of a message with SHA-256 { $sha } (`{ $eml }`)
evidence-sent-at-entry = sent_at ({ $sent }) is not the instant of journal entry { $seq } (`{ $action }`, { $when })

## docs2
audit_field-address = address
audit_field-contact = contact
audit_field-role = role
audit_field-email = e-mail
audit_field-phone = phone
audit_field-activities = activity
audit_field-contract = contract
audit_field-start = start
audit_field-end = end
audit_field-location = place of processing
audit_field-guarantees = guarantees
audit_field-pdf_sha256 = SHA-256 of the document
audit_field-to_confirm = to confirm
audit_change-added = addition
audit_change-changed = change
breach_dpo_phone_line = the officer's phone: { $phone }
count-month_words-one = one month
count-month_words-other = { $n } months

# vC
# Between two fields of which one is enough (`contact.email|contact.phone`).
vc-audit-or = or
check-f14i-early-date = { $date }: a date before { $first } is no date of this register (a year typed in two digits?); write the year in full
check-f14y-renewals-unknown = the number of renewals allowed is not given (to be completed): the register cannot say whether the convention is renewable, nor until when to renew it; give it (0 if it is not)
check-f14y-notice-unknown-too = the renewal notice period is not given either (to be completed); give it in months if the convention is renewable
check-f14y-notice-unknown = the convention { $allowed ->
    [one] allows one renewal
   *[other] allows { $allowed } renewals
} but its notice period is not given (to be completed): no last day to decide can be counted; give the notice period in months
check-f14i-no-notice = the convention { $allowed ->
    [one] allows one renewal
   *[other] allows { $allowed } renewals
} but gives no notice period (0 months): the decision would be due on the convention's last day; give the notice period, or check that it is indeed none
