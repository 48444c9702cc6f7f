# duties: see src/render/catalog.rs. One catalog, kept in files by subject.

## breach : refus et échecs du suivi des violations
duties-breach-exists = la violation `{ $id }` existe déjà (`{ $path }`) ; dpo ne remplace jamais un fichier de violation
duties-breach-exists-hint = choisissez un autre --id, ou omettez-le pour prendre le prochain numéro libre
duties-file-has-errors = `{ $file }` a { $n ->
    [one] une erreur
   *[other] { $n } erreurs
}
duties-refuse-rewrite = refus d'écrire `{ $file }` : { $message }
duties-breach-not-concerned = le responsable de traitement `{ $controller }` n'est pas concerné par la violation `{ $id }` (ses responsables de traitement : { $known })
duties-breach-not-concerned-hint = ajoutez-le à `controllers:` dans `breaches/{ $id }.yaml` si ses données sont concernées
duties-breach-unknown-controller = responsable de traitement inconnu `{ $controller }` (l'espace de travail a : { $known })
duties-controllers-are-files = les responsables de traitement sont les fichiers de `controllers/`
duties-breach-unknown-subprocessor = sous-traitant ultérieur inconnu `{ $id }` (subprocessors.yaml a : { $known })
duties-breach-unknown-subprocessor-hint = --subprocessor prend un identifiant de `subprocessors.yaml` ; --no-subprocessor dit qu'aucun n'est en cause
duties-no-controller = l'espace de travail n'a aucun responsable de traitement
duties-no-controller-hint = ajoutez-en un dans `controllers/<id>.yaml`
duties-whose-data = l'espace de travail a plusieurs responsables de traitement ({ $known }) ; dites de qui les données sont concernées
duties-whose-data-hint = ajoutez --controller ID (répétable)
duties-which-controller = la violation `{ $id }` concerne plusieurs responsables de traitement ({ $known }) ; dites lequel
duties-which-controller-hint = ajoutez --controller ID
duties-unknown-field = `{ $name }` n'est pas un champ de la notification
duties-unknown-field-hint = les champs sont { $fields }
duties-not-deferrable = la description de la nature de la violation (`nature.description`) ne peut pas être différée : une notification doit au moins dire ce qui s'est passé (RGPD, art. 33, § 3, point a) ; tout autre élément peut suivre par étapes (art. 33, § 4)
duties-not-deferrable-hint = décrivez ce qui est connu maintenant dans `nature.description` de `breaches/{ $id }.yaml`, même brièvement (« chiffrement des partages constaté ce matin, étendue en cours d'analyse »)
duties-already-notified = la violation `{ $id }` a déjà été notifiée à `{ $controller }` le { $sent } (message { $message_id }){ $n ->
    [0] {""}
   *[other] ; modifié depuis l'envoi : { $changed }
}
duties-already-notified-hint = `dpo breach supplement { $id }` envoie les informations nouvelles{ $n ->
    [0] {""}
   *[other] {" "}et les champs modifiés
} ; ajoutez --again seulement pour renvoyer la même notification
duties-not-yet-notified = la violation `{ $id }` n'a pas encore été notifiée à `{ $controller }` : il n'y a rien à compléter
duties-not-yet-notified-hint = d'abord `dpo breach notify { $id }`
duties-nothing-new = rien de nouveau à envoyer à `{ $controller }` sur la violation `{ $id }` : chaque champ renseigné a déjà été envoyé
duties-nothing-new-hint = renseignez d'abord un champ différé, renvoyez un champ modifié avec --field NOM, ou dites où en est l'enquête avec --progress TEXTE
duties-empty-field = le champ `{ $field }` de la violation `{ $id }` est vide : il ne peut pas être envoyé
duties-no-breach-contact = le responsable de traitement `{ $controller }` n'a pas d'adresse électronique de contact pour les violations (annexe 1, § II.8 : « par courriel et par appel téléphonique au contact désigné »)
duties-no-breach-contact-hint = renseignez `contacts.breach.email` (et `phone`) dans `{ $file }`
duties-no-sender = le DPO du sous-traitant n'a pas d'adresse électronique d'où envoyer
duties-no-sender-hint = renseignez `dpo.email` dans `processor.yaml`, ou définissez DPO_SMTP_FROM
duties-the-call = l'appel
duties-field-name = { $field }
duties-in-the-future = { $what } ({ $when }) est postérieur à maintenant ({ $now }) ; un dossier de violation consigne ce qui s'est passé
duties-in-the-future-hint = vérifiez la date, ou tapez le décalage horaire si l'heure est celle d'un autre fuseau
duties-call-before-aware = l'appel ({ $when }) précède la prise de connaissance de la violation `{ $id }` (aware_at : { $aware }) : un appel qui notifie la violation ne peut précéder le moment où le sous-traitant en a pris connaissance ; rien n'a été enregistré
duties-call-before-aware-hint = vérifiez --at (une heure sans décalage est lue dans le fuseau { $tz }) ; si aware_at est faux, corrigez-le d'abord dans `breaches/{ $id }.yaml`
duties-breach-pdf = échec de la fabrication du PDF de la violation `{ $id }`
duties-breach-not-sent = la notification de la violation `{ $id }` pour { $controller } n'est pas partie ; aucun envoi n'a été enregistré
duties-sent-not-recorded = le message pour { $controller } sur la violation `{ $id }` A ÉTÉ ENVOYÉ ({ $message_id }, réponse du serveur `{ $reply }`), mais son enregistrement a échoué
duties-sent-not-recorded-hint = gardez cette sortie ; corrigez la cause ci-dessous, puis enregistrez la notification à la main dans `breaches/{ $id }.yaml`
duties-severity-out-of-range = { $factor } = { $value } est hors de son échelle ({ $lo } à { $hi })
duties-severity-hint = DPC 1–4, EI 0,25/0,5/0,75/1, CB 0–2 (méthode d'évaluation de la gravité des violations de données personnelles de l'ENISA, 2013)

## partagé
duties-failed-to-read = échec de la lecture de `{ $path }`

## fate : la fin de la convention
duties-fate-which-controller = plusieurs responsables de traitement ont un fichier de sort des données : dites lequel avec --controller { $ids }
duties-fate-output-pdf = -o `{ $path }` doit finir par .pdf : la signature, le jumeau JSON et sa signature sont écrits à côté
duties-fate-certificate-exists = `{ $path }` existe déjà : un certificat délivré n'est jamais remplacé
duties-fate-certificate-exists-hint = choisissez un autre nom de fichier avec -o (le certificat est conservé dans evidence/ en tout cas)
duties-fate-signature-unverified = la signature qui vient d'être faite pour `{ $path }` ne se vérifie pas : { $why }
duties-fate-which-copy = dites de quelle copie de l'élément `{ $item }` les données sont lues : --copy { $copies }
duties-fate-no-file = aucun fichier sous { $paths } : une empreinte de rien ne prouverait rien
duties-fate-no-file-hint = donnez les dossiers qui contiennent l'élément `{ $item }`
duties-fate-destroy-empty = { $flag } est vide : un procès-verbal de destruction nomme la technique, l'outil et sa version, l'opérateur et comment l'achèvement a été vérifié (NIST SP 800-88)
duties-fate-destroy-placeholder = { $flag } `{ $value }` ne dit rien : nommez qui a accepté le résultat et ce qu'est devenu le support (NIST SP 800-88), ou omettez l'option tant que ce n'est pas connu
duties-fate-destroy-future = --at { $at } est dans le futur (il est { $now }) : enregistrez une destruction une fois faite
duties-fate-destroy-choice-assumed = refus d'enregistrer une destruction pour l'élément `{ $item }` : le choix du responsable de traitement est une hypothèse à confirmer (`to_confirm` contient `choice`)
duties-fate-destroy-choice-assumed-hint = une fois la décision écrite du responsable de traitement dans `{ $file }` (`decision:`), retirez `choice` de `to_confirm`
duties-fate-destroy-no-choice = refus d'enregistrer une destruction pour l'élément `{ $item }` : le choix du responsable de traitement n'est pas enregistré
duties-fate-destroy-kept = refus d'enregistrer une destruction pour l'élément `{ $item }` : le responsable de traitement a choisi de le faire conserver (`choice: keep`)
duties-fate-destroy-before-handover = refus d'enregistrer une destruction pour l'élément `{ $item }` avant sa remise : le responsable de traitement l'a demandé en retour et aucun paquet BagIt de cet élément n'a été vérifié
duties-fate-destroy-before-handover-hint = `dpo fate bag { $item } --copy COPIE --from CHEMIN --out DOSSIER`, puis `dpo fate verify-bag DOSSIER`
duties-fate-record-choice-hint = enregistrez d'abord le choix écrit du responsable de traitement : `dpo fate set { $item } choice CHOIX` (return, destroy, return_then_destroy, keep) et `dpo fate set { $item } decision "{"{"}reference: …, date: AAAA-MM-JJ{"}"}"`
duties-fate-bag-no-choice = refus de remettre l'élément `{ $item }` : le choix du responsable de traitement n'est pas enregistré
duties-fate-bag-not-asked = refus de remettre l'élément `{ $item }` : le responsable de traitement ne l'a pas demandé en retour (son choix n'est ni `return` ni `return_then_destroy`)
duties-fate-manifest-line = ce n'est pas `SHA256  NOM`
duties-fate-manifest-hash = l'empreinte n'a pas 64 chiffres hexadécimaux
duties-fate-manifest-escape = échappement invalide dans le nom de fichier
duties-fate-manifest-changed = le manifeste n'a plus l'empreinte SHA-256 enregistrée quand il a été pris ({ $sha256 }) : il a été modifié
duties-fate-manifest-changed-hint = restaurez-le depuis git, ou prenez une nouvelle empreinte
duties-fate-manifest = `{ $path }` ligne { $line } : { $message }
duties-fate-certified-fact = l'élément `{ $item }` est couvert par le certificat délivré le { $at } par { $by } (`{ $pdf }`) : { $fact } est ce que ce certificat atteste au responsable de traitement, et n'est pas réécrit ensuite. dpo ne recertifie pas des faits modifiés : si la décision du responsable de traitement ou les copies ont vraiment changé, informez-le par écrit et notez-le avec `dpo journal note -m "…"`
duties-fate-no-file-for = pas de fichier de sort des données pour le responsable de traitement `{ $controller }` : `{ $file }` n'existe pas
duties-fate-no-file-for-hint = listez ses données et chacune de leurs copies dans `{ $file }` (voyez `fate/juvisy-sur-orge.yaml` de l'espace de travail d'exemple)
duties-fate-no-files = l'espace de travail n'a aucun fichier de sort des données (`fate/<controller>.yaml`)
duties-fate-no-files-hint = listez les données du responsable de traitement et chacune de leurs copies dans `fate/<controller>.yaml`
duties-fate-unknown-controller = `{ $file }` concerne le responsable de traitement `{ $controller }`, qui n'a pas de `controllers/{ $controller }.yaml`
duties-fate-unknown-controller-hint = le fichier de sort des données porte l'identifiant du responsable de traitement
duties-fate-unknown-item = pas d'élément `{ $item }` dans `{ $file }` ; les éléments sont : { $known }
duties-fate-unknown-item-anywhere = pas d'élément `{ $item }` dans les fichiers de sort des données ; les éléments sont : { $known }
duties-fate-ambiguous-item = l'élément `{ $item }` figure dans plusieurs fichiers de sort des données ({ $controllers })
duties-fate-unknown-copy = l'élément `{ $item }` n'a pas de copie `{ $copy }` ; ses copies sont : { $known }
duties-fate-no-fingerprint = l'élément `{ $item }` n'a pas d'empreinte à laquelle comparer
duties-fate-no-fingerprint-hint = prenez-en une avant de détruire : `dpo fate fingerprint { $item } CHEMIN…`
duties-fate-serialize = impossible d'écrire l'enregistrement en YAML : { $why }

## breach set : ce qui n'est jamais modifié
duties-breach-set-closed = la violation `{ $id }` a été close le { $at } par { $by } : son dossier est définitif et plus aucun champ n'est modifié (une violation n'est pas rouverte) ; ce qui est appris ensuite fait l'objet d'un nouveau dossier
duties-breach-set-deadline-fact = `{ $field }` a fixé le délai de 72 heures de ce qui a été envoyé au responsable de traitement le { $sent } : il n'est jamais réécrit ensuite. S'il était faux, informez le responsable de traitement par un complément : écrivez la correction dans `discovery` (`dpo breach set { $id } discovery "…"`) et envoyez-la avec `dpo breach supplement { $id } --field discovery`

## demandes des personnes
duties-request-unknown-controller = responsable de traitement inconnu `{ $id }`
duties-request-unknown-controller-hint = les responsables de traitement sont les fichiers de `controllers/` : { $known }
duties-request-no-summary = le résumé de la demande est vide
duties-request-no-summary-hint = dites ce qui est demandé ; « à compléter » quand ce n'est pas encore connu
duties-request-order = { $a } ({ $at_a }) est postérieur à { $b } ({ $at_b }) : une demande est reçue, puis enregistrée, puis transmise
duties-request-future = received_at ({ $at }) est dans le futur : une demande est enregistrée une fois reçue
duties-request-set-forwarded-fact = `{ $field }` a été transmis au responsable de traitement le { $sent } (il fixe son délai d'un mois, ou nomme qui a été informé) : il n'est jamais réécrit ensuite. S'il était faux, informez le responsable de traitement par écrit et notez-le avec `dpo journal note -m "…"`

## sous-traitants ultérieurs, instructions, dossier d'audit
duties-subprocessor-invalid-id = identifiant de sous-traitant ultérieur invalide : `{ $value }` n'est pas un identifiant (lettres minuscules, chiffres et tirets, 64 caractères au plus)
duties-subprocessor-invalid-id-hint = par exemple `dpo subprocessor add siim94 …`
duties-subprocessor-unknown = sous-traitant ultérieur inconnu `{ $id }` dans `subprocessors.yaml`
duties-subprocessor-unknown-hint = les sous-traitants ultérieurs sont : { $known }
duties-subprocessor-exists = le sous-traitant ultérieur `{ $id }` existe déjà dans `subprocessors.yaml`
duties-subprocessor-exists-hint = modifiez-le avec `dpo subprocessor change { $id } …`
duties-subprocessor-no-change = rien ne change pour le sous-traitant ultérieur `{ $id }` : chaque valeur donnée est celle déjà enregistrée
duties-subprocessor-nothing-to-send = aucune information sur un sous-traitant ultérieur n'attend d'être envoyée
duties-subprocessor-pdf = échec de la fabrication du PDF de l'information sur le sous-traitant ultérieur `{ $id }`
duties-instruction-nothing-to-send = l'instruction `{ $id }` n'a aucune opposition ni information de transfert en attente d'envoi
duties-audit-record = échec de la lecture de l'enregistrement `{ $file }` : { $message }
duties-audit-output-not-empty = `{ $path }` existe déjà et n'est pas un dossier vide : un dossier d'audit s'écrit dans un nouveau dossier
duties-audit-output-not-empty-hint = choisissez un autre -o, par exemple `-o audit-{ $today }`

## status
duties-status-journal-unreadable = { $what } : { $why }
duties-status-integrity-unreadable = les enregistrements ne peuvent pas être comparés au journal
duties-status-uncertain-unreadable = les envois incertains ne peuvent pas être listés
duties-status-uncertain = { $action } { $eml } (intention journalisée le { $at })

## fichiers d'enregistrement illisibles
duties-not-a-breach-file = ce n'est pas un fichier de violation : les fichiers de violation sont nommés `<id>.yaml`
duties-not-a-breach-file-hint = sortez-le de `breaches/`
duties-not-a-breach-id = `{ $stem }` n'est pas un identifiant de violation valide : lettres minuscules, chiffres et tirets
duties-not-a-fate-file = ce n'est pas un fichier de sort des données : ces fichiers sont nommés `<controller>.yaml`
duties-not-a-fate-file-hint = renommez-le, ou sortez-le de `fate/`
duties-fate-file-name = le nom du fichier est l'identifiant du responsable de traitement : `{ $value }` n'en est pas un (lettres minuscules, chiffres et tirets, 64 caractères au plus)
duties-fate-file-name-hint = renommez le fichier
duties-fate-duplicate-item = identifiant d'élément `{ $item }` en double
duties-fate-duplicate-item-hint = les identifiants sont uniques dans un fichier ; renommez l'un d'eux
duties-fate-no-copy = l'élément `{ $item }` ne liste aucune copie
duties-fate-no-copy-hint = listez chaque copie des données, y compris celle en service : l'annexe 1, § IV, demande la destruction de toutes les copies
duties-fate-duplicate-copy = identifiant de copie `{ $copy }` en double dans l'élément `{ $item }`
duties-fate-duplicate-copy-hint = les identifiants de copie sont uniques dans un élément
duties-fate-record-no-item = enregistrement sur l'élément `{ $item }`, qui n'est pas dans `items`
duties-fate-record-no-item-hint = les enregistrements sont écrits par dpo ; rétablissez l'élément qu'ils concernent plutôt que de supprimer des enregistrements
duties-fate-record-no-copy = enregistrement sur la copie `{ $copy }` de l'élément `{ $item }`, qui n'a pas cette copie
duties-fate-record-no-copy-hint = les enregistrements sont écrits par dpo ; rétablissez la copie qu'ils concernent plutôt que de supprimer des enregistrements
duties-fate-no-controller = pas de responsable de traitement `{ $stem }` : un fichier de sort des données porte le nom de son responsable de traitement
duties-audit-certificate-not-kept = le certificat `{ $file }` n'est pas conservé dans evidence/ de l'espace de travail : il n'est pas dans le dossier d'audit
duties-audit-certificate-not-kept-hint = délivrez de nouveau le certificat (il est désormais toujours conservé dans evidence/), ou ajoutez le fichier au dossier d'audit à la main avec son .sig
duties-audit-left-out = laissé hors du dossier d'audit : { $why }
duties-missing-fate_file = le fichier du sort des données (fate/<controller>.yaml)
duties-missing-certificate = le certificat
duties-fate-hashdeep-first = ce n'est pas un fichier hashdeep (`%%%% HASHDEEP-1.0` en tête)
duties-fate-hashdeep-before-columns = une ligne avant la ligne `%%%% size,…`
duties-fate-hashdeep-columns = les colonnes ne sont pas `size`, `sha256` et `filename`
duties-fate-hashdeep-filename-last = `filename` n'est pas la dernière colonne
duties-fate-hashdeep-fields = moins de champs que de colonnes
duties-fate-hashdeep-size = la taille n'est pas un nombre
duties-fate-immutable = la copie `{ $copy }` de l'élément `{ $item }` est immuable jusqu'au { $until } inclus : elle ne peut pas avoir été détruite le { $on }
duties-fate-immutable-hint = détruisez-la une fois sa protection échue, puis consignez-le

# r9fix
r9-timeline-recorded-by = consignée par { $by }
