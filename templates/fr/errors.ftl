# errors: see src/render/catalog.rs. One catalog, kept in files by subject.
# Toutes les erreurs et tous les refus du cœur (espace de travail,
# enregistrements, journal, heures, modèle, rendu, courriel, signature,
# ligne de commande), en français.

## Briques
errors-text = { $text }
errors-then-line =
    { $first }
    { $second }
errors-two = { $first }{ $second }
errors-with-hint =
    { $message }
    {"  "}conseil : { $hint }
errors-diagnostic = { $file }:{ $line }:{ $column }: { $field } : { $message }
errors-file-kind = { $kind ->
    [symlink] un lien symbolique
    [folder] un dossier
    [fifo] un FIFO (tube nommé)
    [char] un périphérique caractère
    [block] un périphérique bloc
    [socket] une socket
    [hardlink] un lien physique vers un autre fichier
    [file] un fichier
   *[other] autre chose qu'un fichier ordinaire
}

## L'espace de travail
errors-read = lecture impossible de `{ $path }`
errors-write = écriture impossible de `{ $path }`
errors-unvouched = `{ $file }` : { $message } ; rien n'a été écrit
errors-lock = verrouillage impossible de l'espace de travail avec `{ $path }`
errors-lock-not-plain = `{ $path }` est { $what } ; dpo n'écrit jamais à travers
errors-lock-not-plain-hint = supprimez-le (dpo en crée un nouveau), après avoir vérifié vers quoi il pointait
errors-recovery = impossible de reprendre après une commande interrompue avec `{ $path }` : { $message } ; rien n'a été écrit
errors-recovery-hint = comparez les fichiers qu'il nomme avec votre historique git, puis supprimez `{ $path }` quand ils sont comme ils doivent l'être
errors-recovery-unreadable = la note d'écriture anticipée est illisible : { $detail }
errors-recovery-other-head = elle a été prise à l'entrée { $seq } du journal ({ $head }) mais le journal se termine à l'entrée { $journal_seq } ({ $journal_head })
errors-recovery-outside = elle nomme `{ $file }`, qui n'est pas un fichier de l'espace de travail
errors-recovery-not-plain = `{ $file }` n'est plus un fichier ordinaire
errors-recovery-changed-since = `{ $file }` a été écrit par une commande arrêtée avant de le journaliser, et a été modifié depuis (il ne contient ni son ancien ni son nouveau contenu)
errors-refused = refus de `{ $path }` : { $reason }
errors-init-exists = `{ $path }` existe déjà et n'est pas vide ; dpo init n'écrase jamais de fichier
errors-init-exists-hint = choisissez un nouveau dossier
errors-target-not-regular = c'est { $what }, pas un fichier ordinaire : dpo ne remplace que des fichiers ordinaires et n'écrit jamais à travers un lien
errors-target-not-regular-hint = choisissez un autre chemin (ou supprimez ce qui s'y trouve, s'il faut vraiment le remplacer)
errors-target-linked-folder = `{ $folder }` est un lien symbolique dans l'espace de travail `{ $workspace }` : dpo n'écrit jamais à travers un lien
errors-target-linked-folder-hint = remplacez le lien par le dossier lui-même
errors-target-replaced = le fichier a été remplacé pendant son ouverture
errors-target-replaced-hint = assurez-vous qu'aucun autre programme ne modifie l'espace de travail, puis relancez la commande
errors-output-in-workspace = c'est `{ $rel }` de l'espace de travail `{ $workspace }` : un document écrit avec -o ne remplace jamais les enregistrements, le journal, les clés ou les preuves d'un espace de travail et ne va jamais parmi eux
errors-output-in-workspace-hint = écrivez-le hors de l'espace de travail, par exemple à côté

## Enregistrements qui ne correspondent pas au journal
errors-not-journaled-content = aucune entrée du journal ne garantit le contenu de cet enregistrement : l'entrée { $seq } (écrite par une version de dpo qui n'enregistrait pas l'empreinte des fichiers) le concerne
errors-not-journaled-content-hint = vérifiez-le, puis prenez-le comme référence avec `dpo record adopt { $file } --reason "…"`
errors-not-journaled = aucune entrée du journal ne garantit cet enregistrement : il a été écrit hors de dpo, ou le journal a été vidé ou tronqué
errors-not-journaled-hint = restaurez le journal depuis git, ou adoptez un enregistrement écrit à la main avec `dpo record adopt { $file } --reason "…"`
errors-evidence-not-adopted = { $n ->
    [one] la section { $sections } contient des preuves écrites par dpo et ne peut pas être adoptée
   *[other] les sections { $sections } contiennent des preuves écrites par dpo et ne peuvent pas être adoptées
} : restaurez le fichier depuis git (`git checkout -- { $file }`)
errors-adopt-not-a-record = `{ $file }` n'est pas un fichier d'enregistrement
errors-adopt-not-a-record-hint = les enregistrements sont les fichiers YAML de { $dirs }
errors-adopt-unchanged = `{ $file }` correspond déjà au journal (entrée { $seq }) : rien à adopter
errors-adopt-not-kept = `{ $file }` : le texte enregistré par l'entrée { $seq } du journal n'est pas conservé dans `{ $objects }`, on ne peut donc pas distinguer les champs modifiés des preuves ; rien n'a été adopté
errors-adopt-not-kept-hint = restaurez le fichier depuis git et refaites la modification
errors-adopt-evidence = `{ $file }` : { $n ->
    [one] la section { $sections } contient
   *[other] les sections { $sections } contiennent
} des preuves écrites par dpo et ne peuvent pas être adoptées ; rien n'a été adopté
errors-adopt-evidence-hint = restaurez ces sections depuis git (`git checkout -- { $file }`, puis refaites les autres modifications) ; un fait enregistré là est remplacé par une nouvelle commande dpo, jamais modifié
errors-adopt-refused = `{ $file }` : { $message } ; rien n'a été adopté
errors-adopt-refused-hint = restaurez le fichier depuis git (`git checkout -- { $file }`)

## Enregistrements
errors-no-record = { $kind ->
    [request] pas de demande
    [instruction] pas d'instruction
    [breach] pas de violation
    [fate] pas d'inventaire de fin de contrat
    [subprocessor-notice] pas d'information écrite
   *[other] pas de { $kind }
} `{ $id }` (cherché dans `{ $path }`)
errors-invalid-record =
    `{ $file }` n'est pas valide :
    { $diagnostics }
errors-record-exists = réécriture impossible de `{ $file }` : le fichier existe déjà
errors-rewrite = réécriture impossible de `{ $file }` : { $message }
errors-no-longer-reads = le fichier a changé et ne se lit plus : { $detail }
errors-set-not-a-path = ce n'est pas un chemin de champ : des clés reliées par des points, les éléments d'une liste par leur rang (`nature.description`, `items[0].name`), au plus { $steps } étapes et { $len } caractères
errors-set-evidence = `{ $field }` est écrit par dpo comme preuve (ou est l'identité de l'enregistrement) et n'est jamais modifié à la main
errors-set-id = un identifiant est ce à quoi renvoient enregistrements et documents : il n'est jamais modifié (à aucun niveau)
errors-set-not-yaml = la valeur n'est pas du YAML : { $detail }
errors-set-not-mapping = `{ $key }` est sous une valeur qui n'est pas une correspondance (clé: valeur)
errors-set-no-entry = il n'y a pas d'élément [{ $index }] (la liste en a { $n })
errors-set-would-not-read = l'enregistrement ne se lirait plus : { $detail }
errors-set-give-whole = `{ $parent }` n'a pas encore de valeur : donnez-la en entier, en syntaxe en ligne (`{ $parent } "{"{"}clé: valeur, …{"}"}"`)
errors-set-check-rejects =
    rien n'a été modifié : `dpo check` refuserait l'enregistrement :
    { $errors }
errors-set-unvouched = rien n'a été modifié : le fichier est { $message }

## Le journal
errors-journal-not-entry = ce n'est pas une entrée du journal : { $detail }
errors-journal-no-head = `{ $head }` est absent : la fin du journal ne peut pas être garantie
errors-journal-last-changed = l'entrée { $seq } (la dernière) a été modifiée : son empreinte est { $sha256 } mais `{ $head }` a enregistré { $recorded }
errors-journal-head-mismatch = `{ $head }` enregistre l'entrée { $seq } ({ $recorded }) mais le journal se termine à l'entrée { $last } ({ $sha256 }) : des entrées ont été supprimées à la fin, ou la dernière a été modifiée
errors-journal-cut = la dernière entrée est tronquée (pas de fin de ligne) : le fichier a été coupé
errors-journal-invalid-entry = l'entrée n'est pas valide : { $detail }
errors-journal-sequence = l'entrée porte le numéro { $seq } là où { $expected } était attendu : une entrée a été supprimée ou déplacée
errors-journal-changed = l'entrée { $seq } a été modifiée : son empreinte est { $sha256 } mais l'entrée { $next } (ligne { $line }) a enregistré { $recorded }
errors-journal-text = l'entrée { $seq } a un texte qui n'est pas celui journalisé : son empreinte est { $sha256 } mais l'entrée a enregistré { $recorded }
errors-journal-time = l'entrée { $seq } a une heure invalide `{ $at }`
errors-journal-serialise = impossible d'écrire l'entrée : { $detail }
errors-journal-behind = `{ $head }` a une entrée de retard sur la dernière ({ $seq }), qui est bien formée et correctement chaînée : une commande s'est arrêtée entre l'ajout de cette entrée et l'enregistrement de la nouvelle tête
errors-journal-behind-hint = la prochaine commande dpo qui peut écrire dans l'espace de travail la complète (et journalise la reprise)

## Les mots de l'analyseur YAML
errors-yaml-comma = { $first }, { $second }
errors-yaml-no-key = clé attendue introuvable (indentation incohérente ?)
errors-yaml-no-dash = tiret « - » attendu introuvable (indentation incohérente dans une liste ?)
errors-yaml-tab = caractère de tabulation là où une indentation par espaces est attendue
errors-yaml-bad-start = caractère qui ne peut pas commencer une valeur (une tabulation, ou un « @ » ou « ` » en tête : mettez la valeur entre guillemets)
errors-yaml-colon = « : » n'est pas permis ici (une valeur qui contient « : » se met entre guillemets)
errors-yaml-no-colon = « : » attendu introuvable
errors-yaml-end = fin de fichier inattendue (un guillemet ou un crochet non fermé ?)
errors-yaml-no-bracket = « , » ou « ] » attendu introuvable
errors-yaml-no-brace = « , » ou « {"}"} » attendu introuvable
errors-yaml-no-content = valeur attendue introuvable
errors-yaml-alias = alias non défini
errors-yaml-escape = séquence d'échappement inconnue
errors-yaml-in-mapping = dans un bloc de correspondances (clé: valeur)
errors-yaml-in-list = dans une liste
errors-yaml-in-flow-mapping = dans une correspondance entre accolades
errors-yaml-in-flow-list = dans une liste entre crochets
errors-yaml-in-key = en lisant une clé
errors-yaml-in-quoted = en lisant un texte entre guillemets
errors-yaml-in-value = en lisant une valeur
errors-yaml-in-text = en lisant le texte
errors-yaml-kind-string-value = le texte { $value }
errors-yaml-kind-integer-value = le nombre entier { $value }
errors-yaml-kind-float-value = le nombre { $value }
errors-yaml-kind-boolean-value = le booléen { $value }
errors-yaml-kind-string = un texte{ $value }
errors-yaml-kind-sequence = une liste{ $value }
errors-yaml-kind-map = une correspondance (clé: valeur){ $value }
errors-yaml-kind-boolean = un booléen (true ou false){ $value }
errors-yaml-kind-null = une valeur vide{ $value }
errors-yaml-kind-any = une valeur YAML{ $value }
errors-yaml-kind-integer = un nombre entier{ $value }
errors-yaml-kind-unsigned = un nombre entier positif ou nul{ $value }
errors-yaml-kind-number = un nombre{ $value }
errors-yaml-unknown-variant = valeur inconnue `{ $name }` ; valeurs attendues : { $allowed ->
    [none] aucune
   *[other] { $allowed }
}
errors-yaml-duplicate-field = champ `{ $name }` en double
errors-yaml-invalid-type = type invalide : { $found }, alors que le champ attend { $expected }
errors-yaml-invalid-value = valeur invalide : { $found }, alors que le champ attend { $expected }
errors-yaml-invalid-length = longueur invalide { $n }, alors que le champ attend { $expected }
errors-yaml-no-variant = la valeur ne correspond à aucune des formes que prend ce champ

## Heures et identifiants
errors-time-unreadable = `{ $input }` n'est pas une heure ; écrivez-la `AAAA-MM-JJ HH:MM` (lue dans le fuseau { $tz }) ou en RFC 3339 comme `2021-03-26T10:00:00+01:00`
errors-time-gap = `{ $input }` n'existe pas dans le fuseau { $tz } : ce jour-là les horloges sautent de { $first } à { $second } ; tapez le décalage pour dire quel instant vous voulez, par exemple `{ $suggestion }`
errors-time-date-only = `{ $input }` est une date sans heure, et un instant est demandé ici : elle n'est pas lue comme minuit ; tapez l'heure, par exemple `{ $input } 10:00` (lue dans le fuseau { $tz }) ou `{ $example }`
errors-time-leap-second = `{ $input }` a une seconde 60 (seconde intercalaire), qui n'est pas acceptée ; écrivez la seconde 59, ou la minute suivante
errors-time-what-receipt = l'heure de réception
errors-time-what-instruction = l'heure de l'instruction
errors-time-future = { $what } `{ $input }` ({ $at }) est postérieure à maintenant ({ $now }) ; elle ne peut pas être dans le futur
errors-time-future-hint = vérifiez le jour et l'heure ; une heure locale est lue dans le fuseau { $tz }
errors-time-ambiguous = `{ $input }` arrive deux fois dans le fuseau { $tz } : à { $first } puis à { $second } ; tapez le décalage pour dire laquelle, par exemple `{ $first_offset }` ou `{ $second_offset }`
errors-stored-no-offset = `{ $input }` n'a pas de décalage UTC : une heure dans un fichier doit en finir par un, comme +01:00, +02:00 ou Z, par exemple `{ $digits }+01:00` (UTC+1) ou `{ $digits }Z` (UTC)
errors-stored-date-only = `{ $input }` est une date, et une heure avec son décalage UTC est exigée ici, par exemple `{ $input }T10:00:00+01:00`
errors-stored-unreadable = `{ $input }` n'est pas une heure : écrivez-la en RFC 3339 avec son décalage UTC, par exemple `{ $example }`
errors-bad-id = `{ $value }` n'est pas un identifiant valide : utilisez des minuscules, des chiffres et des tirets, en commençant par une lettre ou un chiffre (64 caractères au plus), par exemple `juvisy-sur-orge`
errors-empty-text = { $what } est vide

## Les mots du système (une cause)
errors-io = { $kind ->
    [not-found] fichier ou dossier introuvable
    [permission] permission refusée
    [exists] le fichier existe déjà
    [directory] c'est un dossier
    [not-directory] ce n'est pas un dossier
    [read-only] système de fichiers en lecture seule
    [full] plus de place sur le disque
    [invalid-data] données invalides
    [eof] fin de fichier inattendue
    [timeout] délai dépassé
    [refused] connexion refusée
    [interrupted] interrompu
   *[other] erreur du système
}{ $detail }

## Documents
errors-pdf = la fabrication du PDF a échoué
errors-pdf-named = la fabrication du PDF `{ $file }` a échoué
errors-pdf-font = la police intégrée { $font } est inutilisable : { $reason }
errors-pdf-date = la date de création { $date } ne peut pas être écrite dans un PDF
errors-pdf-language = la langue du document { $lang } n'est pas une étiquette de langue comme "fr" ou "en"
errors-pdf-serialise = l'écriture du PDF a échoué : { $detail }
errors-template = le modèle `{ $lang }/{ $name }` a échoué
errors-csv = l'écriture du CSV a échoué
errors-hash-metadata = lecture impossible des métadonnées de `{ $path }`
errors-hash-not-file-or-folder = `{ $path }` n'est ni un fichier ordinaire ni un dossier
errors-hash-not-file-or-folder-hint = donnez le dossier qui le contient, ou le fichier qu'il représente
errors-hash-list = impossible de lister le dossier `{ $path }`
errors-hash-open = ouverture impossible de `{ $path }`
errors-unknown-controller = responsable de traitement inconnu `{ $id }`
errors-unknown-controller-hint = les responsables de traitement sont les fichiers de `controllers/` : { $known }

## Courriel
errors-mail-not-configured = aucun serveur SMTP n'est configuré : { $var } n'est pas défini
errors-mail-not-configured-hint = export { $var }=smtp://utilisateur@smtp.example.org:587?tls=required (smtps://…:465 pour TLS implicite), ou utilisez --dry-run pour écrire le message sans l'envoyer
errors-mail-url = { $var } `{ $url }` est inutilisable : { $reason }
errors-mail-url-hint = smtp://[utilisateur@]hôte[:port] (en clair), smtp://…?tls=required (STARTTLS), smtp://…?tls=opportunistic, smtps://[utilisateur@]hôte[:port] (TLS implicite)
errors-mail-no-host = elle ne nomme aucun hôte
errors-mail-tls = tls={ $tls } inconnu ; utilisez tls=required, tls=opportunistic ou tls=none
errors-mail-scheme = schéma `{ $scheme }` inconnu ; utilisez smtp ou smtps
errors-mail-timeout = { $var } `{ $value }` est inutilisable : donnez un nombre de secondes supérieur à 0 et d'au plus 600
errors-mail-timeout-hint = supprimez-le pour attendre 30 secondes
errors-mail-password-in-url = { $var } contient un mot de passe ; il apparaîtrait dans la liste des processus et l'historique du shell
errors-mail-password-in-url-hint = ne gardez que l'utilisateur dans l'URL et donnez le mot de passe dans { $password } ou { $file }
errors-mail-password-file = lecture impossible du fichier de mot de passe SMTP `{ $path }` ({ $var })
errors-mail-ca = fichier d'autorité de certification `{ $path }` ({ $var }) inutilisable : { $reason }
errors-mail-no-pem = il ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)
errors-mail-tls-setup = la mise en place de TLS pour `{ $host }` a échoué
errors-mail-address = { $role } `{ $value }` n'est pas une adresse électronique valide : { $reason }
errors-mail-control = elle contient un saut de ligne ou un autre caractère de contrôle
errors-mail-build = la fabrication du message a échoué : { $reason }
errors-mail-send = l'envoi du message par `{ $server }` a échoué ; il n'a pas été envoyé
errors-mail-unconfirmed = le serveur `{ $server }` n'a pas confirmé la réception du message { $message_id } : le message a été envoyé en entier, puis le serveur n'a pas répondu ; il a pu être reçu
errors-mail-unconfirmed-hint = cherchez le Message-ID { $message_id } dans le journal du serveur (ou la boîte du destinataire) avant de l'envoyer à nouveau
errors-attach-read = lecture impossible du document à joindre `{ $path }`
errors-attach-not-a-file = `{ $path }` ne peut pas être joint : { $reason }
errors-attach-not-a-file-hint = --attach prend un fichier ordinaire dont le nom est en UTF-8
errors-attach-no-name = il n'a pas de nom de fichier
errors-attach-not-utf8 = son nom n'est pas en UTF-8
errors-attach-not-regular = ce n'est pas un fichier ordinaire
errors-attach-too-large = `{ $path }` est trop gros pour être joint ({ $size } octets ; au plus { $max })
errors-attach-too-large-hint = envoyez un extrait plus petit, ou dites dans le message où le document peut être récupéré
errors-attach-same-name = deux documents à joindre s'appellent `{ $name }` ; le destinataire ne pourrait pas les distinguer
errors-attach-same-name-hint = renommez l'un d'eux
errors-outbox-no-sender = pas d'adresse d'expéditeur : renseignez dpo.email dans processor.yaml (ou DPO_SMTP_FROM)
errors-outbox-no-contact = { $controller } (responsable de traitement) n'a pas d'adresse électronique pour { $what } ({ $field } dans `{ $file }`) ; rien n'a été enregistré
errors-outbox-mail = { $what } : l'envoi a échoué
errors-outbox-recorded-not-sent = { $what } : l'enregistrement est fait mais le courriel n'a pas été envoyé
errors-outbox-recorded-not-sent-hint = corrigez la cause ci-dessous, puis lancez `{ $retry }`
errors-outbox-sent-not-recorded = { $what } : le courriel A ÉTÉ ENVOYÉ (Message-ID { $message_id }, réponse du serveur `{ $reply }`) mais n'a pas pu être enregistré ; il apparaît comme un envoi incertain
errors-outbox-sent-not-recorded-hint = corrigez la cause ci-dessous, puis relancez la même commande avec --confirm-sent
errors-outbox-uncertain = { $what } : un envoi précédent est incertain : il a été journalisé comme sur le point de partir le { $at } et aucun résultat n'a été enregistré, il a donc pu atteindre le serveur ou non ; rien n'a été envoyé
errors-outbox-uncertain-hint = cherchez le Message-ID { $message_id } dans le journal du serveur de messagerie (le message exact est conservé dans `{ $eml }`), puis relancez la même commande avec --confirm-sent si le serveur l'a, ou avec --again pour envoyer un nouveau message
errors-outbox-unconfirmed = { $what } : le serveur n'a pas confirmé la réception (envoi incertain) : le message a pu être remis ; il est conservé dans `{ $eml }` et n'est pas enregistré comme envoyé
errors-outbox-unconfirmed-hint = cherchez le Message-ID { $message_id } dans le journal du serveur de messagerie, puis relancez la même commande avec --confirm-sent si le serveur l'a, ou avec --again pour envoyer un nouveau message
errors-outbox-nothing-uncertain = { $what } : il n'y a pas d'envoi incertain à confirmer ; rien n'a été enregistré
errors-outbox-nothing-uncertain-hint = --confirm-sent n'enregistre qu'un message dont l'envoi a été interrompu (voir `dpo status`) ; sans cette option, le message est envoyé
errors-outbox-already-sent = { $what } : { $done ->
    [forwarded] la transmission
   *[other] l'envoi
} a déjà eu lieu le { $at } (Message-ID { $message_id })
errors-outbox-incomplete = { $what } partirait avec « à compléter » dans : { $missing } ; rien n'a été envoyé
errors-outbox-incomplete-hint = { $hint }, ou envoyez en l'état avec --incomplete (l'enregistrement dit alors que l'envoi était incomplet)

## Clés et signatures
errors-key-exists = une clé de signature existe déjà dans `{ $path }` ; dpo n'écrase jamais une clé
errors-key-exists-hint = utilisez-la telle quelle (`dpo keys show` ; `dpo keys publish` l'ajoute à un espace de travail), ou passez --key NOUVEAU_CHEMIN pour en créer une autre
errors-key-missing = pas de clé de signature dans `{ $path }`
errors-key-missing-hint = créez-en une avec `dpo keys generate`, ou passez --key CHEMIN (ou définissez DPO_SIGNING_KEY) pour utiliser une autre clé
errors-key-permissions = la clé privée `{ $path }` est lisible par d'autres (mode { $mode }) ; OpenSSH refuse une telle clé, dpo aussi
errors-key-permissions-hint = chmod 600 '{ $path }'
errors-key-parse = `{ $path }` n'est pas une clé privée OpenSSH : { $message }
errors-key-encrypted = la clé privée `{ $path }` est protégée par une phrase de passe, que dpo ne peut pas demander
errors-key-encrypted-hint = gardez une clé de signature dédiée sans phrase de passe dans un fichier en 0600, ou signez vous-même avec `ssh-keygen -Y sign`
errors-key-algorithm = la clé `{ $path }` est de type { $algorithm } ; dpo ne signe qu'avec des clés Ed25519
errors-key-algorithm-hint = créez-en une avec `dpo keys generate --key CHEMIN`
errors-key-in-workspace = refus d'utiliser une clé privée dans l'espace de travail : `{ $path }` est sous `{ $workspace }`, qui est partagé (git) et envoyé aux auditeurs
errors-key-in-workspace-hint = gardez la clé privée dans votre dossier de configuration (par défaut) ou passez --key avec un chemin hors de l'espace de travail
errors-no-config-dir = votre dossier de configuration est introuvable (ni XDG_CONFIG_HOME ni HOME ne sont définis)
errors-no-config-dir-hint = passez --key CHEMIN ou définissez DPO_SIGNING_KEY
errors-crypto = échec de l'opération « { $operation } » : { $message }
errors-allowed-signers-line = `{ $path }` ligne { $line } : { $message }
errors-key-not-listed = la clé de signature `{ $path }` ({ $fingerprint }) n'est pas dans `{ $allowed }` : les signatures qu'elle produit ne seraient pas vérifiées
errors-key-not-listed-hint = `dpo keys publish{ $key }` l'ajoute
errors-no-principal = le DPO du sous-traitant n'a pas d'adresse électronique dans `processor.yaml` : c'est le principal de la ligne des signataires autorisés
errors-no-principal-hint = ajoutez `dpo: {"{"}email: …{"}"}` à processor.yaml
errors-allowed-signers-missing = pas de fichier des signataires autorisés dans `{ $path }`
errors-allowed-signers-missing-hint = `dpo keys generate` (une nouvelle clé) ou `dpo keys publish` (une clé existante) l'écrit ; la copie du responsable de traitement accompagne le certificat
errors-sig-malformed = le fichier de signature n'est pas une signature SSH valide : { $message }
errors-sig-namespace = la signature a été faite pour l'espace de noms `{ $found }`, pas `{ $expected }` : elle a été faite pour un autre usage
errors-sig-unknown-key = la clé de signature { $fingerprint } n'est pas dans le fichier des signataires autorisés
errors-sig-principal = la clé de signature { $fingerprint } n'est pas autorisée pour `{ $identity }` (elle est inscrite pour { $principals })
errors-sig-not-allowed = la clé de signature { $fingerprint } est inscrite, mais pas pour cette signature : { $detail }
errors-sig-mismatch = la signature ne correspond pas au fichier : le fichier a été modifié après sa signature, ou la signature appartient à un autre fichier

## Fichiers que l'espace de travail ne lit pas
errors-load-own-entry = c'est { $what } : dpo ne lit et n'écrit que les fichiers et dossiers ordinaires de l'espace de travail, jamais un lien ni un fichier spécial
errors-load-own-entry-hint = remplacez-le par le fichier ou le dossier lui-même (une copie, pas un lien)
errors-load-link = `{ $path }` est un lien symbolique : dpo ne lit et n'écrit que les fichiers de l'espace de travail, jamais à travers un lien
errors-load-not-regular = c'est { $what }, pas un fichier ordinaire : dpo ne le lit pas
errors-load-not-folder = `{ $path }` est { $what }, pas un dossier
errors-load-replaced = le fichier a été remplacé pendant sa lecture
errors-load-unsafe-hint = gardez les fichiers de l'espace de travail dans l'espace de travail : remplacez le lien ou le fichier spécial par un fichier ordinaire
errors-load-long-line = cette ligne fait { $len } octets, au-delà de la limite de { $max } octets
errors-load-long-value = cette valeur fait { $len } octets, au-delà de la limite de { $max } octets
errors-load-long-text-hint = gardez les longs textes dans un document à côté de l'espace de travail et faites-y référence
errors-load-deep = les données sont imbriquées sur plus de { $max } niveaux
errors-load-deep-hint = un fichier du registre n'a que quelques niveaux ; est-ce le bon fichier ?
errors-load-aliases = le fichier utilise plus de { $max } alias (`*nom`)
errors-load-aliases-hint = écrivez les valeurs en entier ; un fichier du registre n'a pas besoin d'alias
errors-adopt-no-reason = le motif est vide
errors-adopt-no-reason-hint = dpo record adopt FICHIER --reason "pourquoi le fichier a été modifié à la main"
errors-indent = {"  "}{ $line }
errors-option = { $flag } : { $why }
errors-pdf-on-terminal = refus d'afficher un PDF dans le terminal
errors-pdf-on-terminal-hint = ajoutez `-o { $file }`, ou redirigez la sortie vers un fichier
errors-syntax-field = (syntaxe)
errors-count-negative = un effectif ne peut pas être négatif ({ $value })
errors-count-twice = `{ $key }` est donné deux fois
errors-count-about-zero = `{"{"}about: 0{"}"}` n'est pas une estimation : écrivez 0 quand personne n'est concerné
errors-count-from-zero = une fourchette commence au moins à 1 (`from: 0` dirait que personne n'est peut-être concerné : écrivez 0, ou `{"{"}about: N{"}"}`)
errors-count-same-bounds = une fourchette a deux bornes différentes (`from` et `to` valent tous deux { $from }) : écrivez { $from } pour un effectif exact, ou `{"{"}about: { $from }{"}"}`
errors-count-upside-down = la fourchette est à l'envers : `from` ({ $from }) est au-dessus de `to` ({ $to })
errors-count-shapes = un nombre (1200), `{"{"}about: 1200{"}"}` ou `{"{"}from: 1000, to: 5000{"}"}`
errors-actor-empty = DPO_ACTOR est défini mais vide
errors-actor-control = DPO_ACTOR contient un caractère de contrôle (un saut de ligne, une tabulation…)
errors-actor-invisible = DPO_ACTOR contient un caractère invisible (de largeur nulle, de format ou de direction)
errors-actor-no-one = DPO_ACTOR ne nomme personne ("unknown", "null", "n/a", "anonymous"…) : nommez qui agit
errors-role-sender = l'expéditeur (dpo.email dans processor.yaml, ou DPO_SMTP_FROM)
errors-lock-read-only = l'espace de travail n'est verrouillé qu'en lecture

## Les objets et conseils de la boîte d'envoi, dits par chaque procédure (partie vA)
va-what-request = la demande `{ $id }`
va-what-request-forwarding = la transmission de la demande `{ $id }`
va-what-requests = les demandes des personnes concernées
va-what-the-request = la demande
va-what-written-notices = les avis écrits
va-what-transfer-notice = l'avis de transfert
va-what-instruction-transfer = le transfert exigé par la loi de l'instruction `{ $id }`
va-what-instruction-objection = l'objection à l'instruction `{ $id }`
va-what-instruction-notice = { $kind ->
    [objection] l'avis d'objection
   *[transfer] l'avis de transfert
} de l'instruction `{ $id }`
va-what-subprocessor-notice = l'information écrite `{ $id }`
va-what-subprocessor-notice-to = l'information écrite `{ $id }` pour { $controller }
va-what-subprocessor-notices = les informations écrites sur les sous-traitants ultérieurs
va-hint-request-contact = ajoutez l'adresse électronique que le responsable de traitement a désignée pour les demandes des personnes concernées (annexe 1, § II.7), ou enregistrez avec --no-forward et transmettez plus tard
va-hint-request-log-gaps = enregistrez-la avec --no-forward, complétez-les avec `dpo request set ID CHAMP VALEUR`, puis transmettez-la
va-hint-request-forward-gaps = complétez-les avec `dpo request set { $id } CHAMP VALEUR`
va-hint-subprocessor-gaps = complétez-les dans `subprocessors.yaml` avec `dpo subprocessor change { $id } …` (un nouvel avis est alors écrit)
va-hint-notice-contact = ajoutez `contacts: {"{"} notices: {"{"} email: … {"}"} {"}"}` (ou dpo.email du responsable de traitement) au fichier du responsable de traitement
va-what-breach-to = la notification de la violation `{ $id }` pour { $controller }

## « journal show » : la note d'une entrée « … set » (partie vA)
va-set-note = `{ $field }` modifié dans `{ $file }` : SHA-256 de l'ancienne valeur { $old }, de la nouvelle { $new }
va-set-note-no-old = `{ $field }` renseigné dans `{ $file }` : pas d'ancienne valeur, SHA-256 de la nouvelle { $new }

## « breach open » : une réponse à la question de l'origine (partie vA)
va-origin-unknown = origine : `{ $answer }` n'est pas l'un des choix : tapez son numéro (1 à 5) ou ses mots, par exemple 3 ou « externe malveillante »

## D'où vient l'adresse d'un destinataire, dans les erreurs qui la nomment (partie vA)
va-role-request-contact = le contact pour les demandes des personnes concernées de `{ $controller }` (contacts.data_subject_requests.email dans { $file })
va-role-notice-contact = le contact pour les avis de `{ $controller }` (contacts.notices.email ou dpo.email dans { $file })
va-role-breach-contact = le contact en cas de violation de `{ $controller }` (contacts.breach.email dans { $file })
errors-attach-named-like-own = le document à joindre `{ $name }` porte le nom du PDF que ce message joint lui-même ; le destinataire ne pourrait pas les distinguer
errors-attach-same-name-hint-own = renommez le document avant de le joindre
