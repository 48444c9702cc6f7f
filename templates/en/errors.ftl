# errors: see src/render/catalog.rs. One catalog, kept in files by subject.
# Every error and refusal of the core (workspace, store, journal, time,
# model, render, mail, signing, command line), in English: the `Display` of
# the errors (logs, `--json`, `source()` chains) is this text.

## Building blocks
errors-text = { $text }
errors-then-line =
    { $first }
    { $second }
errors-two = { $first }{ $second }
errors-with-hint =
    { $message }
    {"  "}hint: { $hint }
errors-diagnostic = { $file }:{ $line }:{ $column }: { $field }: { $message }
errors-file-kind = { $kind ->
    [symlink] a symbolic link
    [folder] a folder
    [fifo] a FIFO (named pipe)
    [char] a character device
    [block] a block device
    [socket] a socket
    [hardlink] a hard link to another file
    [file] a file
   *[other] not a regular file
}

## The workspace
errors-read = failed to read `{ $path }`
errors-write = failed to write `{ $path }`
errors-unvouched = `{ $file }`: { $message }; nothing was written
errors-lock = failed to lock the workspace with `{ $path }`
errors-lock-not-plain = `{ $path }` is { $what }; dpo never writes through it
errors-lock-not-plain-hint = remove it (dpo makes a new one), after checking what it pointed to
errors-recovery = cannot recover from an interrupted command with `{ $path }`: { $message }; nothing was written
errors-recovery-hint = compare the files it names with your git history, then remove `{ $path }` once they are as they should be
errors-recovery-unreadable = the write-ahead note cannot be read: { $detail }
errors-recovery-other-head = it was taken at journal entry { $seq } ({ $head }) but the journal ends at entry { $journal_seq } ({ $journal_head })
errors-recovery-outside = it names `{ $file }`, not a file of the workspace
errors-recovery-not-plain = `{ $file }` is no longer a plain file
errors-recovery-changed-since = `{ $file }` was written by a command that stopped before journaling it, and has been changed since (it holds neither its old nor its new content)
errors-refused = refusing `{ $path }`: { $reason }
errors-init-exists = `{ $path }` already exists and is not empty; dpo init never overwrites files
errors-init-exists-hint = choose a new folder
errors-target-not-regular = it is { $what }, not a regular file: dpo replaces only regular files and never writes through a link
errors-target-not-regular-hint = choose another path (or remove what is there, if it is really to be replaced)
errors-target-linked-folder = `{ $folder }` is a symbolic link inside the workspace `{ $workspace }`: dpo never writes through a link
errors-target-linked-folder-hint = replace the link by the folder itself
errors-target-replaced = the file was replaced while it was being opened
errors-target-replaced-hint = make sure no other program changes the workspace, then run the command again
errors-output-in-workspace = it is `{ $rel }` of the workspace `{ $workspace }`: a document written with -o never replaces or goes among a workspace's records, journal, keys or evidence
errors-output-in-workspace-hint = write it outside the workspace, e.g. beside it

## Records that do not match the journal
errors-not-journaled-content = no journal entry vouches for this record's content: entry { $seq } (written by a version of dpo that did not record the files' hashes) is about it
errors-not-journaled-content-hint = check it, then take it as a baseline with `dpo record adopt { $file } --reason "…"`
errors-not-journaled = no journal entry vouches for this record: it was written outside dpo, or the journal was emptied or cut short
errors-not-journaled-hint = restore the journal from git, or adopt a record written by hand with `dpo record adopt { $file } --reason "…"`
errors-evidence-not-adopted = the { $n ->
    [one] section { $sections } holds
   *[other] sections { $sections } hold
} evidence written by dpo and cannot be adopted: restore the file from git (`git checkout -- { $file }`)
errors-adopt-not-a-record = `{ $file }` is not a record file
errors-adopt-not-a-record-hint = records are the YAML files of { $dirs }
errors-adopt-unchanged = `{ $file }` already matches the journal (entry { $seq }): nothing to adopt
errors-adopt-not-kept = `{ $file }`: the text journal entry { $seq } recorded is not kept in `{ $objects }`, so the fields that changed cannot be told apart from evidence; nothing adopted
errors-adopt-not-kept-hint = restore the file from git and make the change again
errors-adopt-evidence = `{ $file }`: the { $n ->
    [one] section { $sections } holds
   *[other] sections { $sections } hold
} evidence written by dpo and cannot be adopted; nothing adopted
errors-adopt-evidence-hint = restore those sections from git (`git checkout -- { $file }` and redo the other edits); a fact recorded there is superseded by a new dpo command, never edited
errors-adopt-refused = `{ $file }`: { $message }; nothing adopted
errors-adopt-refused-hint = restore the file from git (`git checkout -- { $file }`)

## Records
errors-no-record = no { $kind ->
    [request] request
    [instruction] instruction
    [breach] breach
    [fate] fate inventory
    [subprocessor-notice] sub-processor notice
   *[other] { $kind }
} `{ $id }` (looked for `{ $path }`)
errors-invalid-record =
    `{ $file }` is invalid:
    { $diagnostics }
errors-record-exists = failed to rewrite `{ $file }`: the file already exists
errors-rewrite = failed to rewrite `{ $file }`: { $message }
errors-no-longer-reads = the file changed and no longer reads: { $detail }
errors-set-not-a-path = not a field path: keys joined by dots, list entries by index (`nature.description`, `items[0].name`), at most { $steps } steps and { $len } characters
errors-set-evidence = `{ $field }` is written by dpo as evidence (or is the record's identity) and is never set by hand
errors-set-id = an id is what records and documents refer to: it is never set (at any depth)
errors-set-not-yaml = the value is not YAML: { $detail }
errors-set-not-mapping = `{ $key }` is under a value that is not a mapping
errors-set-no-entry = there is no entry [{ $index }] (the list has { $n })
errors-set-would-not-read = the record would not read: { $detail }
errors-set-give-whole = `{ $parent }` has no value yet: give it whole, in flow syntax (`{ $parent } "{"{"}key: value, …{"}"}"`)
errors-set-check-rejects =
    nothing was set: `dpo check` would reject the record:
    { $errors }
errors-set-unvouched = nothing was set: the file is { $message }

## The journal
errors-journal-not-entry = not a journal entry: { $detail }
errors-journal-no-head = `{ $head }` is missing: the end of the journal cannot be vouched for
errors-journal-last-changed = entry { $seq } (the last one) was changed: it hashes to { $sha256 } but `{ $head }` recorded { $recorded }
errors-journal-head-mismatch = `{ $head }` records entry { $seq } ({ $recorded }) but the journal ends at entry { $last } ({ $sha256 }): entries were removed from the end, or the last entry was edited
errors-journal-cut = the last entry is cut short (no end of line): the file was truncated
errors-journal-invalid-entry = entry is not valid: { $detail }
errors-journal-sequence = entry has sequence { $seq } where { $expected } was expected: an entry was removed or moved
errors-journal-changed = entry { $seq } was changed: it hashes to { $sha256 } but entry { $next } (line { $line }) recorded { $recorded }
errors-journal-text = entry { $seq } has a text that is not the one journaled: it hashes to { $sha256 } but the entry recorded { $recorded }
errors-journal-time = entry { $seq } has an invalid time `{ $at }`
errors-journal-serialise = cannot serialise entry: { $detail }
errors-journal-behind = `{ $head }` is one entry behind the last entry ({ $seq }), which is well formed and correctly chained: a command stopped between appending that entry and recording the new head
errors-journal-behind-hint = the next dpo command with write access to the workspace completes it (and journals the recovery)

## The YAML parser's words
errors-yaml-comma = { $first }, { $second }
errors-yaml-no-key = did not find expected key
errors-yaml-no-dash = did not find expected '-' indicator
errors-yaml-tab = found a tab character where an indentation space is expected
errors-yaml-bad-start = found character that cannot start any token
errors-yaml-colon = mapping values are not allowed in this context
errors-yaml-no-colon = could not find expected ':'
errors-yaml-end = found unexpected end of stream
errors-yaml-no-bracket = did not find expected ',' or ']'
errors-yaml-no-brace = did not find expected ',' or '{"}"}'
errors-yaml-no-content = did not find expected node content
errors-yaml-alias = found undefined alias
errors-yaml-escape = found unknown escape character
errors-yaml-in-mapping = while parsing a block mapping
errors-yaml-in-list = while parsing a block collection
errors-yaml-in-flow-mapping = while parsing a flow mapping
errors-yaml-in-flow-list = while parsing a flow sequence
errors-yaml-in-key = while scanning a simple key
errors-yaml-in-quoted = while scanning a quoted scalar
errors-yaml-in-value = while parsing a value
errors-yaml-in-text = while scanning for the next token
errors-yaml-kind-string-value = string { $value }
errors-yaml-kind-integer-value = integer { $value }
errors-yaml-kind-float-value = floating point { $value }
errors-yaml-kind-boolean-value = boolean { $value }
errors-yaml-kind-string = a string{ $value }
errors-yaml-kind-sequence = a sequence{ $value }
errors-yaml-kind-map = a mapping{ $value }
errors-yaml-kind-boolean = a boolean{ $value }
errors-yaml-kind-null = an empty value{ $value }
errors-yaml-kind-any = a YAML value{ $value }
errors-yaml-kind-integer = an integer{ $value }
errors-yaml-kind-unsigned = a whole number, zero or more{ $value }
errors-yaml-kind-number = a number{ $value }
errors-yaml-unknown-variant = unknown value `{ $name }`; expected: { $allowed ->
    [none] none
   *[other] { $allowed }
}
errors-yaml-duplicate-field = duplicate field `{ $name }`
errors-yaml-invalid-type = invalid type: { $found }, expected { $expected }
errors-yaml-invalid-value = invalid value: { $found }, expected { $expected }
errors-yaml-invalid-length = invalid length { $n }, expected { $expected }
errors-yaml-no-variant = the value matches none of the forms this field takes

## Times and identifiers
errors-time-unreadable = `{ $input }` is not a time; write it as `YYYY-MM-DD HH:MM` (read in { $tz }) or RFC 3339 like `2021-03-26T10:00:00+01:00`
errors-time-gap = `{ $input }` does not exist in { $tz }: the clocks jump from { $first } to { $second } that day; type the offset to say which instant you mean, e.g. `{ $suggestion }`
errors-time-date-only = `{ $input }` is a date without a time, and an instant is asked for here: it is not read as midnight; type the hour, e.g. `{ $input } 10:00` (read in { $tz }) or `{ $example }`
errors-time-leap-second = `{ $input }` has second 60 (a leap second), which is not accepted; write second 59, or the next minute
errors-time-what-receipt = the time of receipt
errors-time-what-instruction = the time of the instruction
errors-time-future = { $what } `{ $input }` ({ $at }) is later than now ({ $now }); it cannot be in the future
errors-time-future-hint = check the day and the hour; a local time is read in { $tz }
errors-time-ambiguous = `{ $input }` happens twice in { $tz }: at { $first } and again at { $second }; type the offset to say which one, e.g. `{ $first_offset }` or `{ $second_offset }`
errors-stored-no-offset = `{ $input }` has no UTC offset: a time in a file must end with one, such as +01:00, +02:00 or Z, e.g. `{ $digits }+01:00` (UTC+1) or `{ $digits }Z` (UTC)
errors-stored-date-only = `{ $input }` is a date, and a time with its UTC offset is required here, e.g. `{ $input }T10:00:00+01:00`
errors-stored-unreadable = `{ $input }` is not a time: write it as RFC 3339 with its UTC offset, e.g. `{ $example }`
errors-bad-id = `{ $value }` is not a valid identifier: use lowercase letters, digits and dashes, starting with a letter or digit (at most 64 characters), e.g. `juvisy-sur-orge`
errors-empty-text = { $what } is empty

## The system's words (a cause)
errors-io = { $kind ->
    [not-found] no such file or directory
    [permission] permission denied
    [exists] the file already exists
    [directory] it is a directory
    [not-directory] it is not a directory
    [read-only] read-only file system
    [full] no space left on the device
    [invalid-data] invalid data
    [eof] unexpected end of file
    [timeout] timed out
    [refused] connection refused
    [interrupted] interrupted
   *[other] system error
}{ $detail }

## Documents
errors-pdf = failed to make the PDF
errors-pdf-named = failed to make the PDF `{ $file }`
errors-pdf-font = embedded font { $font } cannot be used: { $reason }
errors-pdf-date = creation date { $date } cannot be written in a pdf
errors-pdf-language = document language { $lang } is not a language tag such as "fr" or "en"
errors-pdf-serialise = pdf serialisation failed: { $detail }
errors-template = template `{ $lang }/{ $name }` failed
errors-csv = failed to write CSV
errors-hash-metadata = failed to read the metadata of `{ $path }`
errors-hash-not-file-or-folder = `{ $path }` is neither a regular file nor a folder
errors-hash-not-file-or-folder-hint = give the folder that contains it, or the file it stands for
errors-hash-list = failed to list the folder `{ $path }`
errors-hash-open = failed to open `{ $path }`
errors-unknown-controller = unknown controller `{ $id }`
errors-unknown-controller-hint = controllers are the files of `controllers/`: { $known }

## E-mail
errors-mail-not-configured = no SMTP server is configured: { $var } is not set
errors-mail-not-configured-hint = export { $var }=smtp://user@smtp.example.org:587?tls=required (smtps://…:465 for implicit TLS), or use --dry-run to write the message without sending it
errors-mail-url = { $var } `{ $url }` is not usable: { $reason }
errors-mail-url-hint = smtp://[user@]host[:port] (plain), smtp://…?tls=required (STARTTLS), smtp://…?tls=opportunistic, smtps://[user@]host[:port] (implicit TLS)
errors-mail-no-host = it names no host
errors-mail-tls = unknown tls={ $tls }; use tls=required, tls=opportunistic or tls=none
errors-mail-scheme = unknown scheme `{ $scheme }`; use smtp or smtps
errors-mail-timeout = { $var } `{ $value }` is not usable: give a number of seconds greater than 0 and at most 600
errors-mail-timeout-hint = unset it to wait 30 seconds
errors-mail-password-in-url = { $var } holds a password; it would show in process lists and shell history
errors-mail-password-in-url-hint = keep only the user in the URL and give the password in { $password } or { $file }
errors-mail-password-file = failed to read the SMTP password file `{ $path }` ({ $var })
errors-mail-ca = failed to use the CA file `{ $path }` ({ $var }): { $reason }
errors-mail-no-pem = no PEM certificate in it (-----BEGIN CERTIFICATE-----)
errors-mail-tls-setup = failed to set up TLS for `{ $host }`
errors-mail-address = { $role } `{ $value }` is not a valid e-mail address: { $reason }
errors-mail-control = it contains a line break or another control character
errors-mail-build = failed to build the message: { $reason }
errors-mail-send = failed to send the message through `{ $server }`; it was not sent
errors-mail-unconfirmed = the server `{ $server }` did not confirm reception of message { $message_id }: the whole message was sent, then the server did not answer; it may have been received
errors-mail-unconfirmed-hint = check the server's log (or the recipient's mailbox) for Message-ID { $message_id } before sending it again
errors-attach-read = failed to read the document to attach `{ $path }`
errors-attach-not-a-file = `{ $path }` cannot be attached: { $reason }
errors-attach-not-a-file-hint = --attach takes a regular file with a UTF-8 name
errors-attach-no-name = it has no file name
errors-attach-not-utf8 = its name is not UTF-8
errors-attach-not-regular = it is not a regular file
errors-attach-too-large = `{ $path }` is too large to attach ({ $size } bytes; at most { $max })
errors-attach-too-large-hint = send a smaller extract, or say in the message where the document can be fetched
errors-attach-same-name = two documents to attach are named `{ $name }`; the recipient could not tell them apart
errors-attach-same-name-hint = rename one of them
errors-outbox-no-sender = no sender address: set dpo.email in processor.yaml (or DPO_SMTP_FROM)
errors-outbox-no-contact = { $controller } (controller) has no e-mail for { $what } ({ $field } in `{ $file }`); nothing was recorded
errors-outbox-mail = failed to send { $what }
errors-outbox-recorded-not-sent = { $what } is recorded but the e-mail was not sent
errors-outbox-recorded-not-sent-hint = fix the cause below, then run `{ $retry }`
errors-outbox-sent-not-recorded = { $what } WAS SENT (Message-ID { $message_id }, server reply `{ $reply }`) but could not be recorded; it shows as an uncertain sending
errors-outbox-sent-not-recorded-hint = fix the cause below, then run the same command again with --confirm-sent
errors-outbox-uncertain = { $what }: an earlier sending is uncertain: it was journaled as about to go out on { $at } and no outcome was recorded, so it may or may not have reached the server; nothing was sent
errors-outbox-uncertain-hint = look for Message-ID { $message_id } in the mail server's log (the exact message is kept in `{ $eml }`), then run the same command again with --confirm-sent if the server has it, or with --again to send a new message
errors-outbox-unconfirmed = { $what }: the server did not confirm reception: the message may have been delivered; it is kept in `{ $eml }` and not recorded as sent
errors-outbox-unconfirmed-hint = look for Message-ID { $message_id } in the mail server's log, then run the same command again with --confirm-sent if the server has it, or with --again to send a new message
errors-outbox-nothing-uncertain = { $what }: there is no uncertain sending to confirm; nothing was recorded
errors-outbox-nothing-uncertain-hint = --confirm-sent only records a message whose sending was interrupted (see `dpo status`); without it, the message is sent
errors-outbox-already-sent = { $what } was already { $done ->
    [forwarded] forwarded
    [sent] sent
   *[other] { $done }
} on { $at } (Message-ID { $message_id })
errors-outbox-incomplete = { $what } would go out with "to be completed" in: { $missing }; nothing was sent
errors-outbox-incomplete-hint = { $hint }, or send it as it is with --incomplete (the record then says it went out incomplete)

## Keys and signatures
errors-key-exists = a signing key already exists at `{ $path }`; dpo never overwrites a key
errors-key-exists-hint = use it as it is (`dpo keys show`; `dpo keys publish` adds it to a workspace), or pass --key NEW_PATH to make another one
errors-key-missing = no signing key at `{ $path }`
errors-key-missing-hint = create one with `dpo keys generate`, or pass --key PATH (or set DPO_SIGNING_KEY) to use another key
errors-key-permissions = the private key `{ $path }` is readable by others (mode { $mode }); OpenSSH refuses such a key, and so does dpo
errors-key-permissions-hint = chmod 600 '{ $path }'
errors-key-parse = `{ $path }` is not an OpenSSH private key: { $message }
errors-key-encrypted = the private key `{ $path }` is protected by a passphrase, which dpo cannot ask for
errors-key-encrypted-hint = keep a dedicated signing key without passphrase in a 0600 file, or sign with `ssh-keygen -Y sign` yourself
errors-key-algorithm = the key `{ $path }` is { $algorithm }; dpo signs with Ed25519 keys only
errors-key-algorithm-hint = make one with `dpo keys generate --key PATH`
errors-key-in-workspace = refusing to use a private key inside the workspace: `{ $path }` is under `{ $workspace }`, which is shared (git) and sent to auditors
errors-key-in-workspace-hint = keep the private key in your configuration folder (the default) or pass --key with a path outside the workspace
errors-no-config-dir = cannot find your configuration folder (neither XDG_CONFIG_HOME nor HOME is set)
errors-no-config-dir-hint = pass --key PATH or set DPO_SIGNING_KEY
errors-crypto = { $operation } failed: { $message }
errors-allowed-signers-line = `{ $path }` line { $line }: { $message }
errors-key-not-listed = the signing key `{ $path }` ({ $fingerprint }) is not in `{ $allowed }`: the signatures it made would not verify
errors-key-not-listed-hint = `dpo keys publish{ $key }` adds it
errors-no-principal = the processor's DPO has no e-mail in `processor.yaml`: it is the principal of the allowed-signers line
errors-no-principal-hint = add `dpo: {"{"}email: …{"}"}` to processor.yaml
errors-allowed-signers-missing = no allowed-signers file at `{ $path }`
errors-allowed-signers-missing-hint = `dpo keys generate` (a new key) or `dpo keys publish` (an existing one) writes it; the controller's copy comes with the certificate
errors-sig-malformed = the signature file is not a valid SSH signature: { $message }
errors-sig-namespace = the signature was made for namespace `{ $found }`, not `{ $expected }`: it was made for another purpose
errors-sig-unknown-key = the signing key { $fingerprint } is not in the allowed-signers file
errors-sig-principal = the signing key { $fingerprint } is not allowed for `{ $identity }` (it is listed for { $principals })
errors-sig-not-allowed = the signing key { $fingerprint } is listed, but not for this signature: { $detail }
errors-sig-mismatch = the signature does not match the file: the file was changed after it was signed, or the signature belongs to another file

## Files the workspace does not read
errors-load-own-entry = this is { $what }: dpo reads and writes only the workspace's own regular files and folders, never a link or a special file
errors-load-own-entry-hint = replace it by the file or folder itself (a copy, not a link)
errors-load-link = `{ $path }` is a symbolic link: dpo reads and writes only the workspace's own files, never through a link
errors-load-not-regular = this is { $what }, not a regular file: dpo does not read it
errors-load-not-folder = `{ $path }` is { $what }, not a folder
errors-load-replaced = the file was replaced while it was being read
errors-load-unsafe-hint = keep the workspace's files in the workspace: replace the link or special file by a regular file
errors-load-long-line = this line is { $len } bytes long, over the limit of { $max } bytes
errors-load-long-value = this value is { $len } bytes long, over the limit of { $max } bytes
errors-load-long-text-hint = keep long texts in a document beside the workspace and refer to it
errors-load-deep = the data is nested more than { $max } levels deep
errors-load-deep-hint = a register file nests a few levels; is this the right file?
errors-load-aliases = the file uses more than { $max } aliases (`*name`)
errors-load-aliases-hint = write the values out; a register file needs no aliases
errors-adopt-no-reason = the reason is empty
errors-adopt-no-reason-hint = dpo record adopt FILE --reason "why the file was edited by hand"
errors-indent = {"  "}{ $line }
errors-option = { $flag }: { $why }
errors-pdf-on-terminal = refusing to print a PDF on the terminal
errors-pdf-on-terminal-hint = add `-o { $file }`, or redirect the output to a file
errors-syntax-field = (syntax)
errors-count-negative = a count cannot be negative ({ $value })
errors-count-twice = `{ $key }` is given twice
errors-count-about-zero = `{"{"}about: 0{"}"}` is no estimate: write 0 when none is concerned
errors-count-from-zero = a range starts at 1 at least (`from: 0` would say that perhaps none is concerned: write 0, or `{"{"}about: N{"}"}`)
errors-count-same-bounds = a range needs two different bounds (`from` and `to` are both { $from }): write { $from } for an exact count, or `{"{"}about: { $from }{"}"}`
errors-count-upside-down = the range is upside down: `from` ({ $from }) is above `to` ({ $to })
errors-count-shapes = a number (1200), `{"{"}about: 1200{"}"}` or `{"{"}from: 1000, to: 5000{"}"}`
errors-actor-empty = DPO_ACTOR is set but empty
errors-actor-control = DPO_ACTOR holds a control character (a line break, a tab…)
errors-actor-invisible = DPO_ACTOR holds an invisible character (zero-width, format or direction mark)
errors-actor-no-one = DPO_ACTOR says no one ("unknown", "null", "n/a", "anonymous"…): name who acts
errors-role-sender = the sender (dpo.email in processor.yaml, or DPO_SMTP_FROM)
errors-lock-read-only = the workspace is locked for reading only

## The outbox's objects and hints, said by each workflow (part vA)
va-what-request = request `{ $id }`
va-what-request-forwarding = the forwarding of request `{ $id }`
va-what-requests = data-subject requests
va-what-the-request = the request
va-what-written-notices = written notices
va-what-transfer-notice = the transfer notice
va-what-instruction-transfer = the transfer required by law of instruction `{ $id }`
va-what-instruction-objection = the objection to instruction `{ $id }`
va-what-instruction-notice = the { $kind ->
    [objection] objection
   *[transfer] transfer
} notice of instruction `{ $id }`
va-what-subprocessor-notice = sub-processor notice `{ $id }`
va-what-subprocessor-notice-to = sub-processor notice `{ $id }` for { $controller }
va-what-subprocessor-notices = the sub-processor notices
va-hint-request-contact = add the e-mail the controller designated for data-subject requests (Annex 1, § II.7), or log with --no-forward and forward later
va-hint-request-log-gaps = log it with --no-forward, fill them with `dpo request set ID FIELD VALUE`, then forward it
va-hint-request-forward-gaps = fill them with `dpo request set { $id } FIELD VALUE`
va-hint-subprocessor-gaps = fill them in `subprocessors.yaml` with `dpo subprocessor change { $id } …` (a new notice is then written)
va-hint-notice-contact = add `contacts: {"{"} notices: {"{"} email: … {"}"} {"}"}` (or the controller's dpo.email) to the controller's file
va-what-breach-to = notification of breach `{ $id }` for { $controller }

## `journal show`: the note of a `… set` entry (part vA)
va-set-note = set `{ $field }` in `{ $file }`: SHA-256 of the old value { $old }, of the new value { $new }
va-set-note-no-old = set `{ $field }` in `{ $file }`: no old value, SHA-256 of the new value { $new }

## `breach open`: an answer to the origin question (part vA)
va-origin-unknown = origin: `{ $answer }` is not one of the choices: type its number (1 to 5) or its words, e.g. 3 or "external malicious"

## Where a recipient's address comes from, in the errors that name it (part vA)
va-role-request-contact = the data-subject-request contact of `{ $controller }` (contacts.data_subject_requests.email in { $file })
va-role-notice-contact = the notice contact of `{ $controller }` (contacts.notices.email or dpo.email in { $file })
va-role-breach-contact = the breach contact of `{ $controller }` (contacts.breach.email in { $file })
errors-attach-named-like-own = the document to attach `{ $name }` has the name of the PDF this message carries itself; the recipient could not tell them apart
errors-attach-same-name-hint-own = rename the document before attaching it
