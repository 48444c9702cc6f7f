# duties: see src/render/catalog.rs. One catalog, kept in files by subject.

## breach: refusals and failures of the breach workflow
duties-breach-exists = breach `{ $id }` already exists at `{ $path }`; dpo never overwrites a breach file
duties-breach-exists-hint = choose another --id, or leave it out to get the next free one
duties-file-has-errors = `{ $file }` has { $n ->
    [one] one error
   *[other] { $n } errors
}
duties-refuse-rewrite = refusing to write `{ $file }`: { $message }
duties-breach-not-concerned = controller `{ $controller }` is not concerned by breach `{ $id }` (its controllers: { $known })
duties-breach-not-concerned-hint = add it to `controllers:` in `breaches/{ $id }.yaml` if its data is concerned
duties-breach-unknown-controller = unknown controller `{ $controller }` (the workspace has: { $known })
duties-controllers-are-files = controllers are the files of `controllers/`
duties-breach-unknown-subprocessor = unknown sub-processor `{ $id }` (subprocessors.yaml has: { $known })
duties-breach-unknown-subprocessor-hint = --subprocessor takes an id of `subprocessors.yaml`; --no-subprocessor says none is involved
duties-no-controller = the workspace has no controller
duties-no-controller-hint = add one in `controllers/<id>.yaml`
duties-whose-data = the workspace has several controllers ({ $known }); say whose data is concerned
duties-whose-data-hint = add --controller ID (repeatable)
duties-which-controller = breach `{ $id }` concerns several controllers ({ $known }); say which one
duties-which-controller-hint = add --controller ID
duties-unknown-field = `{ $name }` is not a field of the notification
duties-unknown-field-hint = the fields are { $fields }
duties-not-deferrable = the description of the nature of the breach (`nature.description`) cannot be deferred: a notification must at least say what happened (GDPR Art. 33(3)(a); every other item may follow in phases, Art. 33(4))
duties-not-deferrable-hint = describe what is known now in `nature.description` of `breaches/{ $id }.yaml`, even briefly ("shares found encrypted this morning, extent being assessed")
duties-already-notified = breach `{ $id }` was already notified to `{ $controller }` on { $sent } (message { $message_id }){ $n ->
    [0] {""}
   *[other] ; changed since they were sent: { $changed }
}
duties-already-notified-hint = `dpo breach supplement { $id }` sends new information{ $n ->
    [0] {""}
   *[other] {" "}and the changed fields
}; add --again only to send the same notification once more
duties-not-yet-notified = breach `{ $id }` has not been notified to `{ $controller }` yet, so there is nothing to supplement
duties-not-yet-notified-hint = `dpo breach notify { $id }` first
duties-nothing-new = nothing new to send to `{ $controller }` about breach `{ $id }`: every filled field was already sent
duties-nothing-new-hint = fill in a deferred field first, resend a field that changed with --field NAME, or say where the investigation stands with --progress TEXT
duties-empty-field = field `{ $field }` of breach `{ $id }` is empty, so it cannot be sent
duties-no-breach-contact = controller `{ $controller }` has no breach contact e-mail (Annex 1, § II.8: by e-mail and by phone call to the designated contact)
duties-no-breach-contact-hint = fill in `contacts.breach.email` (and `phone`) in `{ $file }`
duties-no-sender = the processor's DPO has no e-mail address to send from
duties-no-sender-hint = fill in `dpo.email` in `processor.yaml`, or set DPO_SMTP_FROM
duties-the-call = the call
duties-field-name = { $field }
duties-in-the-future = { $what } ({ $when }) is after now ({ $now }); a breach record holds what has happened
duties-in-the-future-hint = check the date, or type the offset if the time is in another zone
duties-call-before-aware = the call ({ $when }) is before breach `{ $id }`'s aware_at ({ $aware }): a call notifying the breach cannot predate the moment the processor became aware of it; nothing was recorded
duties-call-before-aware-hint = check --at (a time without offset is read in { $tz }); if aware_at is wrong, correct it in `breaches/{ $id }.yaml` first
duties-breach-pdf = failed to make the PDF of breach `{ $id }`
duties-breach-not-sent = breach `{ $id }` was not notified to { $controller }; nothing was recorded as sent
duties-sent-not-recorded = the message to { $controller } about breach `{ $id }` WAS SENT ({ $message_id }, server reply `{ $reply }`), but recording it failed
duties-sent-not-recorded-hint = keep this output; fix the cause below, then record the notification by hand in `breaches/{ $id }.yaml`
duties-severity-out-of-range = { $factor } = { $value } is outside its scale ({ $lo } to { $hi })
duties-severity-hint = DPC 1–4, EI 0.25/0.5/0.75/1, CB 0–2 (ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, 2013)

## shared
duties-failed-to-read = failed to read `{ $path }`

## fate: the end of the convention
duties-fate-which-controller = several controllers have a fate file: say which with --controller { $ids }
duties-fate-output-pdf = -o `{ $path }` must end in .pdf: the signature, the JSON twin and its signature are written beside it
duties-fate-certificate-exists = `{ $path }` already exists: an issued certificate is never overwritten
duties-fate-certificate-exists-hint = choose another file name with -o (the certificate is kept in evidence/ in any case)
duties-fate-signature-unverified = the signature just made for `{ $path }` does not verify: { $why }
duties-fate-which-copy = say which copy of item `{ $item }` the data is read from: --copy { $copies }
duties-fate-no-file = no file under { $paths }: a fingerprint of nothing would prove nothing
duties-fate-no-file-hint = give the folders that hold item `{ $item }`
duties-fate-destroy-empty = { $flag } is empty: a destruction record names the technique, the tool and its version, the operator and how completion was verified (NIST SP 800-88)
duties-fate-destroy-placeholder = { $flag } `{ $value }` says nothing: name who accepted the result and what became of the medium (NIST SP 800-88), or leave the option out until it is known
duties-fate-destroy-future = --at { $at } is in the future (now is { $now }): record a destruction once it is done
duties-fate-destroy-choice-assumed = refusing to record a destruction for item `{ $item }`: the controller's choice is an assumption to confirm (`to_confirm` lists `choice`)
duties-fate-destroy-choice-assumed-hint = once the controller's written decision is in `{ $file }` (`decision:`), remove `choice` from `to_confirm`
duties-fate-destroy-no-choice = refusing to record a destruction for item `{ $item }`: the controller's choice is not recorded
duties-fate-destroy-kept = refusing to record a destruction for item `{ $item }`: the controller chose to have it kept (`choice: keep`)
duties-fate-destroy-before-handover = refusing to record a destruction for item `{ $item }` before it is handed over: the controller asked for it back and no bag of it has verified
duties-fate-destroy-before-handover-hint = `dpo fate bag { $item } --copy COPY --from PATH --out DIR`, then `dpo fate verify-bag DIR`
duties-fate-record-choice-hint = record the controller's written choice first: `dpo fate set { $item } choice CHOICE` (return, destroy, return_then_destroy, keep) and `dpo fate set { $item } decision "{"{"}reference: …, date: YYYY-MM-DD{"}"}"`
duties-fate-bag-no-choice = refusing to hand item `{ $item }` over: the controller's choice is not recorded
duties-fate-bag-not-asked = refusing to hand item `{ $item }` over: the controller did not ask for it back (its choice is not `return` nor `return_then_destroy`)
duties-fate-manifest-line = not `SHA256  NAME`
duties-fate-manifest-hash = the hash is not 64 hexadecimal digits
duties-fate-manifest-escape = invalid escape in the file name
duties-fate-manifest-changed = the manifest does not hash to the SHA-256 recorded when it was taken ({ $sha256 }): it was changed
duties-fate-manifest-changed-hint = restore it from git, or take a new fingerprint
duties-fate-manifest = `{ $path }` line { $line }: { $message }
duties-fate-certified-fact = item `{ $item }` is covered by the certificate issued on { $at } by { $by } (`{ $pdf }`): { $fact } is what that certificate states to the controller, and is not rewritten after it. dpo does not re-certify changed facts: if the controller's decision or the copies really changed, tell the controller in writing and note it with `dpo journal note -m "…"`
duties-fate-no-file-for = no fate file for controller `{ $controller }`: `{ $file }` does not exist
duties-fate-no-file-for-hint = list the controller's data and every copy of it in `{ $file }` (see the sample workspace's `fate/juvisy-sur-orge.yaml`)
duties-fate-no-files = the workspace has no fate file (`fate/<controller>.yaml`)
duties-fate-no-files-hint = list the controller's data and every copy of it in `fate/<controller>.yaml`
duties-fate-unknown-controller = `{ $file }` is about controller `{ $controller }`, which has no `controllers/{ $controller }.yaml`
duties-fate-unknown-controller-hint = the fate file is named after the controller's identifier
duties-fate-unknown-item = no item `{ $item }` in `{ $file }`; the items are: { $known }
duties-fate-unknown-item-anywhere = no item `{ $item }` in the fate files; the items are: { $known }
duties-fate-ambiguous-item = item `{ $item }` is in several fate files ({ $controllers })
duties-fate-unknown-copy = item `{ $item }` has no copy `{ $copy }`; its copies are: { $known }
duties-fate-no-fingerprint = item `{ $item }` has no fingerprint to compare with
duties-fate-no-fingerprint-hint = take one before destroying: `dpo fate fingerprint { $item } PATH…`
duties-fate-serialize = cannot write the record as YAML: { $why }

## breach set: what is never set
duties-breach-set-closed = breach `{ $id }` was closed on { $at } by { $by }: its record is final and no field is set any more (a breach is not reopened); what is learned later is a new record
duties-breach-set-deadline-fact = `{ $field }` fixed the 72-hour deadline of what was sent to the controller on { $sent }: it is never rewritten after that. If it was wrong, tell the controller in a supplement: write the correction in `discovery` (`dpo breach set { $id } discovery "…"`) and send it with `dpo breach supplement { $id } --field discovery`

## requests
duties-request-unknown-controller = unknown controller `{ $id }`
duties-request-unknown-controller-hint = controllers are the files of `controllers/`: { $known }
duties-request-no-summary = the summary of the request is empty
duties-request-no-summary-hint = say what is asked; "to be completed" when it is not known yet
duties-request-order = { $a } ({ $at_a }) is after { $b } ({ $at_b }): a request is received, then logged, then forwarded
duties-request-future = received_at ({ $at }) is in the future: a request is recorded once received
duties-request-set-forwarded-fact = `{ $field }` was forwarded to the controller on { $sent } (it fixes the controller's one-month deadline, or names who was told): it is never rewritten after that. If it was wrong, tell the controller in writing and note it with `dpo journal note -m "…"`

## sub-processors, instructions, audit pack
duties-subprocessor-invalid-id = invalid sub-processor id: `{ $value }` is not an identifier (lowercase letters, digits and dashes, at most 64 characters)
duties-subprocessor-invalid-id-hint = e.g. `dpo subprocessor add siim94 …`
duties-subprocessor-unknown = unknown sub-processor `{ $id }` in `subprocessors.yaml`
duties-subprocessor-unknown-hint = the sub-processors are: { $known }
duties-subprocessor-exists = sub-processor `{ $id }` already exists in `subprocessors.yaml`
duties-subprocessor-exists-hint = use `dpo subprocessor change { $id } …` to change it
duties-subprocessor-no-change = nothing changes for sub-processor `{ $id }`: every value given is the one already recorded
duties-subprocessor-nothing-to-send = no sub-processor notice is waiting to be sent
duties-subprocessor-pdf = failed to make the PDF of `sub-processor notice { $id }`
duties-instruction-nothing-to-send = instruction `{ $id }` has no objection or transfer notice waiting to be sent
duties-audit-record = failed to read the record `{ $file }`: { $message }
duties-audit-output-not-empty = `{ $path }` already exists and is not an empty folder: an audit pack is written to a new folder
duties-audit-output-not-empty-hint = choose another -o, e.g. `-o audit-{ $today }`

## status
duties-status-journal-unreadable = { $what }: { $why }
duties-status-integrity-unreadable = the records cannot be compared with the journal
duties-status-uncertain-unreadable = the uncertain sendings cannot be listed
duties-status-uncertain = { $action } { $eml } (intent journaled on { $at })

## record files that do not read
duties-not-a-breach-file = not a breach file: breach files are named `<id>.yaml`
duties-not-a-breach-file-hint = move it out of `breaches/`
duties-not-a-breach-id = `{ $stem }` is not a valid breach identifier: lowercase letters, digits and dashes
duties-not-a-fate-file = not a fate file: fate files are named `<controller>.yaml`
duties-not-a-fate-file-hint = rename it, or move it out of `fate/`
duties-fate-file-name = the file name is the controller's identifier: `{ $value }` is not one (lowercase letters, digits and dashes, at most 64 characters)
duties-fate-file-name-hint = rename the file
duties-fate-duplicate-item = duplicate item id `{ $item }`
duties-fate-duplicate-item-hint = ids must be unique in a file; rename one of them
duties-fate-no-copy = item `{ $item }` lists no copy
duties-fate-no-copy-hint = list every copy of the data, the live one included: Annex 1, § IV asks for the destruction of all copies
duties-fate-duplicate-copy = duplicate copy id `{ $copy }` in item `{ $item }`
duties-fate-duplicate-copy-hint = copy ids must be unique within an item
duties-fate-record-no-item = record about item `{ $item }`, which is not in `items`
duties-fate-record-no-item-hint = records are written by dpo; restore the item they are about rather than deleting records
duties-fate-record-no-copy = record about copy `{ $copy }` of item `{ $item }`, which has no such copy
duties-fate-record-no-copy-hint = records are written by dpo; restore the copy they are about rather than deleting records
duties-fate-no-controller = no controller `{ $stem }`: a fate file is named after its controller
duties-audit-certificate-not-kept = the certificate `{ $file }` is not kept in the workspace's evidence/, so it is not in the pack
duties-audit-certificate-not-kept-hint = issue the certificate again (it is now always kept in evidence/), or add the file to the pack by hand with its .sig
duties-audit-left-out = left out of the audit pack: { $why }
duties-missing-fate_file = the fate file (fate/<controller>.yaml)
duties-missing-certificate = the certificate
duties-fate-hashdeep-first = not a hashdeep file (`%%%% HASHDEEP-1.0` first)
duties-fate-hashdeep-before-columns = a line before the `%%%% size,…` line
duties-fate-hashdeep-columns = the columns are not `size`, `sha256` and `filename`
duties-fate-hashdeep-filename-last = `filename` is not the last column
duties-fate-hashdeep-fields = fewer fields than columns
duties-fate-hashdeep-size = the size is not a number
duties-fate-immutable = copy `{ $copy }` of item `{ $item }` is immutable until { $until } inclusive: it cannot have been destroyed on { $on }
duties-fate-immutable-hint = destroy it once its protection has expired, then record it

# r9fix
r9-timeline-recorded-by = recorded by { $by }
