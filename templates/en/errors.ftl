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
errors-time-gap = `{ $input }` does not exist in { $tz }: the clocks jump from { $before } to { $after } that day; type the offset to say which instant you mean, e.g. `{ $suggestion }`
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
