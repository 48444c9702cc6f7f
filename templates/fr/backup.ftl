# backup: see src/render/catalog.rs. One catalog, kept in files by subject.
# `dpo fate destroy … --via restic|borg` (src/fate/backup/, src/cli/fate.rs).
backup-nothing-recorded = rien n'est consigné comme détruit : lisez les commandes ci-dessus, remettez le dépôt en état, puis relancez la même commande
backup-options-hint = voir `dpo fate destroy --help`
backup-not-installed = impossible de lancer `{ $program }` : { $why }
backup-not-installed-hint = installez-le (Debian : `apt-get install { $program ->
        [borg] borgbackup
       *[other] { $program }
    }`) ou mettez-le dans le PATH
backup-nothing-selected = la sélection { $selection } ne désigne aucune sauvegarde du dépôt ({ $n ->
        [0] qui n'en contient aucune
        [one] qui en contient une
       *[other] qui en contient { $n }
    }) : rien n'a été supprimé
backup-nothing-selected-hint = comparez la sélection avec la liste de l'outil lui-même (`restic snapshots`, `borg list`)
backup-others-in-repository = --crypto-erase détruit tout le dépôt `{ $repo }`, qui contient { $n ->
        [one] une sauvegarde
       *[other] { $n } sauvegardes
    } hors de la sélection : rien n'a été détruit
backup-others-in-repository-hint = l'effacement cryptographique vaut pour un dépôt qui ne contient que les sauvegardes de ce responsable de traitement ; supprimez les sauvegardes choisies sans --crypto-erase
backup-not-a-repository = --crypto-erase demande le dossier local d'un dépôt de l'outil, et `{ $repo }` n'en est pas un ({ $why }) : rien n'a été détruit
backup-not-a-repository-hint = donnez le dossier du dépôt sur cette machine ; un dépôt distant se supprime sans --crypto-erase
backup-key-copy = --key-copy `{ $path }` n'est pas un fichier : rien n'a été détruit
backup-key-copy-hint = nommez chaque copie existante de la clé du dépôt (clé exportée, fichier de clé), ou retirez l'option
backup-failed = NON détruit : `{ $command }` a terminé avec le code { $code } : { $error }
    commandes lancées :{ $runs }
    { $after }
backup-after-remaining = la liste prise ensuite { $n ->
        [0] ne montre plus aucune des sauvegardes choisies (elles sont supprimées mais leur place n'est pas libérée)
        [one] montre encore une des sauvegardes choisies
       *[other] montre encore { $n } des sauvegardes choisies
    }
backup-after-unknown = aucune liste n'a pu être prise ensuite
backup-intent-run-again = des sauvegardes choisies ont pu être supprimées : la destruction reste ouverte, comme interrompue (`dpo status`) ; une fois la cause réglée, relancez la même commande : elle reprend exactement les sauvegardes prévues, libère leur place et consigne la destruction
backup-intent-other = une destruction de cette copie par un outil de sauvegarde a été interrompue (intention journalisée le { $at }) avec d'autres options : rien n'a été fait
backup-intent-other-hint = terminez-la d'abord : relancez `dpo fate destroy` pour cette copie avec ses options, `{ $command }`
backup-intent-completed = destruction interrompue (intention journalisée le { $at }), terminée et consignée : { $n ->
        [0] les sauvegardes prévues n'étaient plus listées, leur place a été libérée
        [one] une sauvegarde prévue encore listée a été supprimée
       *[other] { $n } sauvegardes prévues encore listées ont été supprimées
    }
status_kind-fate-interrupted = Destruction de sauvegardes interrompue : relancez la même commande `dpo fate destroy … --via` ; elle reprend les sauvegardes prévues et consigne la destruction
backup-unreadable = NON détruit : la sortie de `{ $command }` n'est pas une liste : { $why }
backup-remaining = NON détruit : toutes les commandes ont terminé avec le code 0, mais la liste prise ensuite montre encore { $n ->
        [one] une sauvegarde choisie
       *[other] { $n } sauvegardes choisies
    } :{ $ids }
    commandes lancées :{ $runs }
backup-still-opens = NON détruit : `{ $command }` ouvre encore le dépôt après la destruction de ses clés
backup-erase = NON détruit : impossible d'effacer `{ $path }` : { $why }
backup-glob-is-borg = --glob-archives choisit des archives borg ; les instantanés restic se choisissent avec --host, --tag et --path
backup-host-is-restic = --host, --tag et --path choisissent des instantanés restic ; les archives borg se choisissent avec --glob-archives
backup-empty-selection = une option de sélection est vide : elle désignerait ce qu'elle ne doit pas
backup-no-selection = --via { $tool } demande de choisir les sauvegardes du responsable de traitement ({ $tool ->
        [borg] --glob-archives MOTIF
       *[other] --host, --tag ou --path
    }), même avec --crypto-erase : la sélection prouve que le dépôt ne contient que ses sauvegardes
backup-no-repo = --via demande --repo DÉPÔT
backup-technique-restic = suppression des instantanés choisis par restic (`restic forget` par identifiant), puis libération de leurs données (`restic prune`)
backup-technique-borg = suppression des archives choisies par borg (`borg delete`), puis libération de leurs données (`borg compact`)
backup-technique-crypto-erase = effacement cryptographique : les clés du dépôt { $program } et chaque copie nommée ({ $keys ->
        [one] un fichier de clé
       *[other] { $keys } fichiers de clé
    }) écrasées puis supprimées, puis le dépôt supprimé
backup-verification-clear = liste de { $program } avant et après : aucune { $n ->
        [one] sauvegarde choisie
       *[other] des { $n } sauvegardes choisies
    } n'est listée après la suppression ; { $kept ->
        [0] aucune autre sauvegarde dans le dépôt
        [one] l'autre sauvegarde toujours listée
       *[other] les { $kept } autres sauvegardes toujours listées
    }
backup-verification-purge = le dépôt ne s'ouvre plus : `{ $command }` échoue (`{ $error }`){ $folder }
backup-verification-folder =  ; son dossier `{ $folder }` n'existe plus
backup-destroyed = consigné : { $n ->
        [one] une sauvegarde
       *[other] { $n } sauvegardes
    } de la copie `{ $copy }` de l'élément `{ $item }` { $n ->
        [one] détruite
       *[other] détruites
    } { $crypto ->
        [yes] par effacement cryptographique par dpo ({ $method }), prouvé par { $program } qui n'ouvre plus le dépôt
       *[other] par { $program } ({ $method }), prouvé par ses listes
    }
backup-evidence = preuves conservées dans { $dir } (listes, commandes lancées, codes de retour et sorties)
backup-others-gone = attention : { $n ->
        [one] une sauvegarde non choisie n'est plus listée non plus
       *[other] { $n } sauvegardes non choisies ne sont plus listées non plus
    } :{ $ids }
backup-count-one = { $n } sauvegarde
backup-count-other = { $n } sauvegardes
screens-action-fate-destroy-commands = commandes de l'outil de sauvegarde consignées avant et après chacune
backup-foreign-key = --key-copy `{ $path }` n'est pas une clé du dépôt `{ $repo }` ({ $tool ->
        [borg] sa première ligne n'est pas « BORG_KEY » suivi de l'identifiant du dépôt (champ `id` de son `config`)
       *[other] aucun fichier du dossier `keys` du dépôt n'a ce contenu
    }) : rien n'a été détruit
backup-keyfile-not-named = le dépôt borg `{ $repo }` garde sa clé hors du dépôt (mode keyfile) : sans elle, l'effacement cryptographique ne prouverait rien ; rien n'a été détruit
backup-keyfile-not-named-hint = nommez son fichier de clé avec --key-copy (dans ~/.config/borg/keys ou BORG_KEYS_DIR, celui dont la première ligne est « BORG_KEY { $id } »), et chaque autre copie de la clé
backup-unfinished = NON consigné : { $error }
    la destruction avait commencé : les listes et les commandes lancées sont conservées dans { $dir }, et elle reste interrompue (`dpo status` la montre)
backup-cause-unvouched = `{ $file }` : { $message }
backup-intent-erased = destruction interrompue (intention journalisée le { $at }), terminée et consignée : { $before ->
        [yes] le dépôt était déjà supprimé ; il ne s'ouvre plus, ce qui prouve l'effacement
       *[other] les clés et le dépôt ont été effacés ; il ne s'ouvre plus
    }
copy-state-interrupted = destruction interrompue
backup-interrupted-todo = relancez `{ $command }` : la destruction par l'outil de sauvegarde (intention journalisée le { $at }) a été interrompue ; cette commande reprend les sauvegardes prévues, libère leur place et consigne la destruction
backup-interrupted-refused = une destruction de la copie `{ $copy }` de l'élément `{ $item }` par un outil de sauvegarde a été interrompue (intention journalisée le { $at }) : ses sauvegardes ont pu être supprimées sans que leur place soit libérée ; rien n'a été consigné
backup-interrupted-hint = terminez-la d'abord en relançant `{ $command }` : elle reprend les sauvegardes prévues, libère leur place et consigne la destruction
backup-interrupted-certify = pas de certificat : la destruction de la copie `{ $copy }` de l'élément `{ $item }` par un outil de sauvegarde a été interrompue (intention journalisée le { $at }) et le certificat ne la dirait pas ; rien n'a été écrit
backup-no-password = aucune variable ne donne son mot de passe à { $tool } : { $tool ->
        [borg] ni BORG_PASSPHRASE, ni BORG_PASSCOMMAND, ni BORG_PASSPHRASE_FD n'est définie, et borg le demanderait au terminal
       *[other] ni RESTIC_PASSWORD, ni RESTIC_PASSWORD_FILE, ni RESTIC_PASSWORD_COMMAND n'est définie
    } ; rien n'a été lancé
backup-no-password-hint = définissez { $tool ->
        [borg] BORG_PASSPHRASE (vide pour un dépôt non chiffré) ou BORG_PASSCOMMAND
       *[other] RESTIC_PASSWORD ou RESTIC_PASSWORD_FILE
    } dans l'environnement de dpo, qui le transmet à l'outil sans le lire
audit_field-tool = outil et version
