# backup: see src/render/catalog.rs. One catalog, kept in files by subject.
# `dpo fate destroy … --via restic|borg` (src/fate/backup/, src/cli/fate.rs).
backup-nothing-recorded = nothing is recorded as destroyed: read the commands above, set the repository right, then run the same command again
backup-options-hint = see `dpo fate destroy --help`
backup-not-installed = cannot run `{ $program }`: { $why }
backup-not-installed-hint = install it (Debian: `apt-get install { $program ->
        [borg] borgbackup
       *[other] { $program }
    }`) or put it on PATH
backup-nothing-selected = the selection { $selection } matches no backup of the repository ({ $n ->
        [0] which holds none
        [one] which holds one
       *[other] which holds { $n }
    }): nothing was deleted
backup-nothing-selected-hint = check the selection against the tool's own listing (`restic snapshots`, `borg list`)
backup-others-in-repository = --crypto-erase destroys the whole repository `{ $repo }`, which holds { $n ->
        [one] one backup
       *[other] { $n } backups
    } the selection leaves out: nothing was destroyed
backup-others-in-repository-hint = a crypto-erase is for a repository that holds only this controller's backups; delete the selected ones without --crypto-erase
backup-not-a-repository = --crypto-erase needs the local folder of a repository of the tool, and `{ $repo }` is not one ({ $why }): nothing was destroyed
backup-not-a-repository-hint = give the repository's folder on this machine; a remote repository is deleted without --crypto-erase
backup-key-copy = --key-copy `{ $path }` is not a file: nothing was destroyed
backup-key-copy-hint = name each copy of the repository's key that exists (an exported key, a keyfile), or leave the option out
backup-failed = NOT destroyed: `{ $command }` exited with { $code }: { $error }
    commands run:{ $runs }
    { $after }
backup-after-remaining = the listing taken afterwards { $n ->
        [0] shows none of the selected backups any more (they are deleted but their space is not freed)
        [one] still shows one of the selected backups
       *[other] still shows { $n } of the selected backups
    }
backup-after-unknown = no listing could be taken afterwards
backup-intent-run-again = selected backups may have been deleted: the destruction stays open, as interrupted (`dpo status`); once the cause is fixed, run the same command again: it takes up exactly the intended backups, frees their space and records the destruction
backup-intent-other = a destruction of this copy through a backup tool was interrupted (intent journaled on { $at }) with other options: nothing was done
backup-intent-other-hint = finish it first: run `dpo fate destroy` for this copy again with its options, `{ $command }`
backup-intent-completed = interrupted destruction (intent journaled on { $at }) completed and recorded: { $n ->
        [0] the intended backups were no longer listed, their space was freed
        [one] one intended backup still listed was deleted
       *[other] { $n } intended backups still listed were deleted
    }
status_kind-fate-interrupted = Interrupted destruction of backups: run the same `dpo fate destroy … --via` command again; it takes up the intended backups and records the destruction
backup-unreadable = NOT destroyed: the output of `{ $command }` is not a listing: { $why }
backup-remaining = NOT destroyed: every command exited 0, yet the listing afterwards still shows { $n ->
        [one] one selected backup
       *[other] { $n } selected backups
    }:{ $ids }
    commands run:{ $runs }
backup-still-opens = NOT destroyed: `{ $command }` still opens the repository after its keys were destroyed
backup-erase = NOT destroyed: cannot erase `{ $path }`: { $why }
backup-glob-is-borg = --glob-archives selects borg archives; restic's snapshots are selected with --host, --tag and --path
backup-host-is-restic = --host, --tag and --path select restic snapshots; borg archives are selected with --glob-archives
backup-empty-selection = a selection option is empty: it would match what it should not
backup-no-selection = --via { $tool } needs a selection of the controller's backups ({ $tool ->
        [borg] --glob-archives PATTERN
       *[other] --host, --tag or --path
    }), --crypto-erase too: the selection proves the repository holds only its backups
backup-no-repo = --via needs --repo REPOSITORY
backup-technique-restic = deletion of the selected snapshots by restic (`restic forget` by id), then freeing of their data (`restic prune`)
backup-technique-borg = deletion of the selected archives by borg (`borg delete`), then freeing of their data (`borg compact`)
backup-technique-crypto-erase = cryptographic erase: the { $program } repository's keys and every copy named ({ $keys ->
        [one] one key file
       *[other] { $keys } key files
    }) overwritten then removed, then the repository removed
backup-verification-clear = listing by { $program } before and after: { $n ->
        [one] the selected backup is not
       *[other] none of the { $n } selected backups is
    } listed after the deletion; { $kept ->
        [0] no other backup in the repository
        [one] the one other backup still listed
       *[other] the { $kept } other backups still listed
    }
backup-verification-purge = the repository no longer opens: `{ $command }` fails (`{ $error }`){ $folder }
backup-verification-folder = ; its folder `{ $folder }` no longer exists
backup-destroyed = recorded: { $n ->
        [one] one backup
       *[other] { $n } backups
    } of copy `{ $copy }` of item `{ $item }` destroyed { $crypto ->
        [yes] by cryptographic erase by dpo ({ $method }), proven by { $program } no longer opening the repository
       *[other] through { $program } ({ $method }), proven by its listings
    }
backup-evidence = evidence kept in { $dir } (listings, commands run, exit codes and outputs)
backup-others-gone = warning: { $n ->
        [one] one backup that was not selected is
       *[other] { $n } backups that were not selected are
    } no longer listed either:{ $ids }
backup-count-one = { $n } backup
backup-count-other = { $n } backups
screens-action-fate-destroy-commands = backup tool's commands kept before and after each one
backup-foreign-key = --key-copy `{ $path }` is not a key of the repository `{ $repo }` ({ $tool ->
        [borg] its first line is not "BORG_KEY" followed by the repository's id (the `id` of its `config`)
       *[other] no file of the repository's `keys` folder has this content
    }): nothing was destroyed
backup-keyfile-not-named = the borg repository `{ $repo }` keeps its key outside the repository (keyfile mode): without it a crypto-erase would prove nothing; nothing was destroyed
backup-keyfile-not-named-hint = name its key file with --key-copy (in ~/.config/borg/keys or BORG_KEYS_DIR, the one whose first line is "BORG_KEY { $id }"), and every other copy of the key
backup-unfinished = NOT recorded: { $error }
    the destruction had begun: the listings and the commands run are kept in { $dir }, and it stays interrupted (`dpo status` shows it)
backup-cause-unvouched = `{ $file }`: { $message }
backup-intent-erased = interrupted destruction (intent journaled on { $at }) completed and recorded: { $before ->
        [yes] the repository was already removed; it no longer opens, which proves the erase
       *[other] the keys and the repository were erased; it no longer opens
    }
copy-state-interrupted = interrupted destruction
backup-interrupted-todo = run `{ $command }` again: the destruction through the backup tool (intent journaled on { $at }) was interrupted; this command takes up the intended backups, frees their space and records the destruction
backup-interrupted-refused = a destruction of copy `{ $copy }` of item `{ $item }` through a backup tool was interrupted (intent journaled on { $at }): its backups may have been deleted without their space being freed; nothing was recorded
backup-interrupted-hint = finish it first by running `{ $command }` again: it takes up the intended backups, frees their space and records the destruction
backup-interrupted-certify = no certificate: the destruction of copy `{ $copy }` of item `{ $item }` through a backup tool was interrupted (intent journaled on { $at }) and the certificate would not say it; nothing was written
backup-no-password = no variable gives { $tool } its password: { $tool ->
        [borg] none of BORG_PASSPHRASE, BORG_PASSCOMMAND and BORG_PASSPHRASE_FD is set, and borg would ask for it on the terminal
       *[other] none of RESTIC_PASSWORD, RESTIC_PASSWORD_FILE and RESTIC_PASSWORD_COMMAND is set
    }; nothing was run
backup-no-password-hint = set { $tool ->
        [borg] BORG_PASSPHRASE (empty for a repository without encryption) or BORG_PASSCOMMAND
       *[other] RESTIC_PASSWORD or RESTIC_PASSWORD_FILE
    } in dpo's environment, which passes it on to the tool without reading it
audit_field-tool = tool and version
