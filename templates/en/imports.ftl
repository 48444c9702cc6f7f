# Messages of part "imports" (en).
# `dpo fate destroy … --listing-before … --listing-after … --format pbs|veeam-json` (src/fate/backup/imported.rs).
imports-option-format = { $option } does not apply to the format { $format } (PBS: --select group=…, id=…; Veeam: --select job=…, vm=…, id=…)
imports-no-selection = --format { $format } needs the controller's restore points chosen ({ $format ->
        [pbs] --select group=TYPE/ID or --select id=TYPE/ID/TIME
       *[other] --select job=NAME, vm=NAME or id=ID
    })
imports-unreadable = { $file }, line { $line }, column { $column }: unreadable listing ({ $why }): nothing is recorded
imports-unreadable-file = cannot read { $file }: { $why }: nothing is recorded
imports-no-file = no such file
imports-not-utf8 = not UTF-8 text
imports-json-eof = the listing stops before its end (a truncated file?)
imports-json-syntax = not JSON at this point
imports-not-a-date = `{ $field }` { $value } is not a date
imports-not-an-id = `Id` { $value } is not an id
imports-unreadable-hint = export the listing as the README says (`proxmox-backup-client snapshot list --output-format json`, or `Get-VBRRestorePoint … | ConvertTo-Json`) and give it unchanged
imports-nothing-selected = the selection { $selection } matches no restore point of the listing before { $file } ({ $n ->
        [0] which holds none
        [one] which holds one
       *[other] which holds { $n }
    }): nothing is recorded
imports-nothing-selected-hint = check the selection against the listing before itself (PBS: groups `type/id`, snapshots `type/id/time`; Veeam: `Name`, `JobName`, `Id`)
imports-remaining = NOT destroyed: the listing after { $file } still shows { $n ->
        [one] one selected restore point
       *[other] { $n } selected restore points
    }:{ $ids }
imports-nothing-recorded = nothing is recorded as destroyed: { $n ->
        [one] delete it
       *[other] delete them
    } with the product's own tool, take a new listing after, then run the command again
imports-technique = the selected restore points deleted by the operator with { $product } itself (dpo ran nothing)
imports-tool-unknown = { $product }, version to be completed
imports-verification = listings of { $product } taken by the operator before and after the deletion, then imported: { $n ->
        [one] the selected restore point is no longer listed after
       *[other] none of the { $n } selected restore points is listed after
    }; { $kept ->
        [0] no other point in the listing
        [one] the other point still listed
       *[other] the { $kept } other points still listed
    }
imports-destroyed = recorded: { $n ->
        [one] one restore point
       *[other] { $n } restore points
    } of copy `{ $copy }` of item `{ $item }` deleted by the operator with { $product } ({ $method }), proven by its listings before and after
imports-evidence = imported listings kept in { $dir }, their SHA-256 in the destruction and the journal
imports-empty-after = the listing after { $file } is empty, although the listing before showed { $n ->
        [one] one restore point
       *[other] { $n } restore points
    } outside the selection: an empty listing proves neither that it was taken from the same repository nor that those points still exist; nothing is recorded
imports-empty-after-hint = export the repository's whole listing after the deletion, without a filter (it must show the other controllers' points); if they really are gone, that is a loss of their backups, to be handled as such
