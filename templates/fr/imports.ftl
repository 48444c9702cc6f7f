# Messages of part "imports" (fr).
# `dpo fate destroy … --listing-before … --listing-after … --format pbs|veeam-json` (src/fate/backup/imported.rs).
imports-option-format = { $option } ne s'applique pas au format { $format } (PBS : --select-group, --select-id ; Veeam : --select job=…, vm=…, id=…)
imports-no-selection = --format { $format } demande de choisir les points de restauration du responsable de traitement ({ $format ->
        [pbs] --select group=TYPE/ID ou --select id=TYPE/ID/DATE
       *[other] --select job=NOM, vm=NOM ou id=ID
    })
imports-unreadable = { $file }, ligne { $line }, colonne { $column } : liste illisible ({ $why }) : rien n'est consigné
imports-unreadable-file = impossible de lire { $file } : { $why } : rien n'est consigné
imports-no-file = ce fichier n'existe pas
imports-not-utf8 = ce n'est pas du texte UTF-8
imports-json-eof = la liste s'arrête avant sa fin (fichier tronqué ?)
imports-json-syntax = ce n'est pas du JSON à cet endroit
imports-not-a-date = `{ $field }` { $value } n'est pas une date
imports-not-an-id = `Id` { $value } n'est pas un identifiant
imports-unreadable-hint = exportez la liste comme l'indique le README (`proxmox-backup-client snapshot list --output-format json`, ou `Get-VBRRestorePoint … | ConvertTo-Json`) et donnez-la telle quelle
imports-nothing-selected = la sélection { $selection } ne désigne aucun point de restauration de la liste avant { $file } ({ $n ->
        [0] qui n'en contient aucun
        [one] qui en contient un
       *[other] qui en contient { $n }
    }) : rien n'est consigné
imports-nothing-selected-hint = comparez la sélection avec la liste avant elle-même (PBS : groupes `type/id`, instantanés `type/id/date` ; Veeam : `Name`, `JobName`, `Id`)
imports-remaining = NON détruit : la liste après { $file } montre encore { $n ->
        [one] un point de restauration choisi
       *[other] { $n } points de restauration choisis
    } :{ $ids }
imports-nothing-recorded = rien n'est consigné comme détruit : { $n ->
        [one] supprimez-le
       *[other] supprimez-les
    } avec l'outil du produit, prenez une nouvelle liste après, puis relancez la commande
imports-technique = suppression des points de restauration choisis, par l'opérateur avec { $product } lui-même (dpo n'a rien lancé)
imports-tool-unknown = { $product }, version à compléter
imports-verification = listes de { $product } prises par l'opérateur avant et après la suppression, puis importées : { $n ->
        [one] le point de restauration choisi n'est plus listé après
       *[other] aucun des { $n } points de restauration choisis n'est listé après
    } ; { $kept ->
        [0] aucun autre point dans la liste
        [one] l'autre point toujours listé
       *[other] les { $kept } autres points toujours listés
    }
imports-destroyed = consigné : { $n ->
        [one] un point de restauration
       *[other] { $n } points de restauration
    } de la copie `{ $copy }` de l'élément `{ $item }` { $n ->
        [one] supprimé
       *[other] supprimés
    } par l'opérateur avec { $product } ({ $method }), prouvé par ses listes avant et après
imports-evidence = listes importées conservées dans { $dir }, leur SHA-256 dans la destruction et le journal
imports-empty-after = la liste après { $file } est vide, alors que la liste avant montrait { $n ->
        [one] un point de restauration
       *[other] { $n } points de restauration
    } hors de la sélection : une liste vide ne prouve ni qu'elle a été prise dans le même dépôt, ni que ces points existent encore ; rien n'est consigné
imports-empty-after-hint = exportez la liste complète du dépôt après la suppression, sans filtre (elle doit montrer les points des autres responsables de traitement) ; s'ils ont vraiment disparu, c'est une perte de leurs sauvegardes, à traiter comme telle
