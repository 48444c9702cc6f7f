# Libellés courts en français, utilisés par les filtres des modèles et par
# les sorties qui ne passent pas par un modèle (CSV, pied de page du PDF).
todo = « à compléter »
to_confirm = à confirmer
none = aucun
months-1 = janvier
months-2 = février
months-3 = mars
months-4 = avril
months-5 = mai
months-6 = juin
months-7 = juillet
months-8 = août
months-9 = septembre
months-10 = octobre
months-11 = novembre
months-12 = décembre
weekdays-1 = lundi
weekdays-2 = mardi
weekdays-3 = mercredi
weekdays-4 = jeudi
weekdays-5 = vendredi
weekdays-6 = samedi
weekdays-7 = dimanche
first_day = 1er
date_pattern = { $day } { $month } { $year }
datetime_pattern = { $date } à { $time } (UTC{ $offset })
page_label = page { $page } / { $pages }
register_title = Registre des catégories d'activités de traitement
register_footer = Registre des catégories d'activités de traitement (RGPD, art. 30, § 2) — { $processor }
no_transfer = aucun transfert
csv_headers-1 = identifiant du responsable de traitement
csv_headers-2 = responsable de traitement
csv_headers-3 = adresse du responsable de traitement
csv_headers-4 = représentant du responsable de traitement
csv_headers-5 = délégué à la protection des données du responsable de traitement
csv_headers-6 = identifiant de la catégorie de traitement
csv_headers-7 = catégorie de traitement
csv_headers-8 = description
csv_headers-9 = systèmes
csv_headers-10 = catégories de données
csv_headers-11 = sous-traitants ultérieurs
csv_headers-12 = mesures de sécurité
csv_headers-13 = transferts hors de l'Union européenne
csv_headers-14 = sous-traitant
csv_headers-15 = représentant du sous-traitant
csv_headers-16 = délégué à la protection des données du sous-traitant
# Violations de données (annexe 1, § II.8) et « dpo status ».
weekday_datetime_pattern = { $weekday } { $date } à { $time } (UTC{ $offset })
time_left = dans { $d }
time_overdue = en retard de { $d }
period_moved = { $counted } ({ $why }) → { $ends }
period_moved_line = délai légal : { $period } (le dernier jour n'étant pas ouvrable, le délai expire à la fin du jour ouvrable suivant : règlement (CEE, Euratom) n° 1182/71, art. 3, § 4)
non_working-saturday = samedi
non_working-sunday = dimanche
holiday-new-year = jour férié : jour de l'An
holiday-easter-monday = jour férié : lundi de Pâques
holiday-labour-day = jour férié : fête du Travail
holiday-victory-day = jour férié : Victoire 1945
holiday-ascension = jour férié : Ascension
holiday-whit-monday = jour férié : lundi de Pentecôte
holiday-bastille-day = jour férié : fête nationale
holiday-assumption = jour férié : Assomption
holiday-all-saints = jour férié : Toussaint
holiday-armistice = jour férié : Armistice 1918
holiday-christmas = jour férié : Noël
breach_deadline_processor = à notifier au responsable de traitement avant le { $when } — { $left }
breach_deadline_controller = notification éventuelle à l'autorité de contrôle par le responsable de traitement avant le { $when } — { $left }
breach_subject = Notification de violation de données à caractère personnel — { $processor } — { $id } : { $title }
breach_subject_supplement = Complément n° { $n } à la notification de violation de données — { $processor } — { $id } : { $title }
breach_sender = Délégué à la protection des données — { $processor }
breach_footer = Violation de données { $id } — { $processor }
breach_pdf_prefix = notification-violation
breach_report_title = Dossier de violation de données { $id } — { $title }
breach_late_reason = motif du retard
breach_supplement_no = complément n°
breach_field-nature-description = description de la nature de la violation
breach_field-nature-subject_categories = catégories de personnes concernées
breach_field-nature-subjects_count = nombre approximatif de personnes concernées
breach_field-nature-record_categories = catégories d'enregistrements de données concernés
breach_field-nature-records_count = nombre approximatif d'enregistrements concernés
breach_field-consequences = conséquences probables de la violation
breach_field-measures_taken = mesures prises pour remédier à la violation
breach_field-measures_proposed = mesures proposées, y compris pour en atténuer les conséquences
breach_field-established = violation avérée ou suspectée
breach_field-occurred_at = début de la violation
breach_field-ended_at = fin de la violation
breach_field-discovered_at = découverte de la violation
breach_field-discovery = circonstances de la découverte
breach_field-origin = origine de la violation
breach_field-cause = cause de la violation
breach_field-subprocessors = sous-traitant ultérieur impliqué
breach_field-media = supports concernés
breach_field-encrypted = données chiffrées
breach_field-directly_identifiable = personnes directement identifiables
breach_established = avérée
breach_suspected = suspectée
breach_ongoing = en cours
breach_no_subprocessor = aucun
breach_origin-internal-malicious = interne, malveillante
breach_origin-internal-accidental = interne, accidentelle
breach_origin-external-malicious = externe, malveillante
breach_origin-external-accidental = externe, accidentelle
breach_origin-unknown = inconnue
breach_dpo_unnamed = nom du délégué « à compléter »
breach_dpo_role = délégué à la protection des données
breach_dpo_email = courriel
breach_dpo_phone = téléphone du délégué
breach_switchboard = standard du sous-traitant (pas une ligne du délégué)
breach_todo = « à compléter »
yes = oui
no = non
number_group =  
count_about = environ { $n }
count_range = entre { $from } et { $to }
breach_cia-confidentiality = confidentialité
breach_cia-integrity = intégrité
breach_cia-availability = disponibilité
status_missing-email = courriel
status_missing-call = appel téléphonique
status_missing_label = manque
status_file = fichier
status_kind-breach-notification = Notifier la violation au responsable de traitement
status_kind-breach-authority = Échéance du responsable de traitement envers l'autorité de contrôle
status_kind-breach-supplement = Envoyer un complément : champs modifiés depuis leur envoi (dpo breach supplement)
timeline_heading = Chronologie :
timeline_to = destinataire : { $to }
timeline_by = par { $by }
timeline-occurred = survenance de la violation
timeline-discovered = découverte
timeline-ended = fin de la violation
timeline-aware = prise de connaissance par le sous-traitant
timeline-notification = notification par courriel au responsable de traitement
timeline-supplement = complément n°
timeline-call = appel au contact désigné du responsable de traitement
timeline-processor_deadline = échéance du sous-traitant : 72 heures après la prise de connaissance (annexe 1, § II.8)
timeline-authority_deadline = échéance du responsable de traitement envers l'autorité de contrôle : 72 heures après la notification (RGPD, art. 33, § 1)
timeline-closed = clôture du dossier
breach_uncertain = ENVOI INCERTAIN : { $eml } (journalisé le { $at } comme sur le point de partir, sans issue connue) — Message-ID { $message_id }
breach_uncertain_hint = à vérifier : le message conservé ci-dessus et le journal du serveur de messagerie (ce Message-ID) ; puis `{ $command } --confirm-sent` s'il a été reçu, ou `{ $command } --again` pour envoyer un nouveau message
status_kind-mail-uncertain = Envoi incertain : cherchez le Message-ID dans le journal du serveur de messagerie (le message exact est conservé dans le .eml), puis relancez la commande d'envoi avec --confirm-sent s'il l'a reçu, ou --again sinon
status_kind-record-tampered = Fichier qui ne correspond pas au journal (modifié, supprimé ou écrit hors de dpo) : annulez la modification, ou adoptez une correction des faits avec dpo record adopt FICHIER --reason … ; dpo check nomme les champs
status_state-overdue = EN RETARD
status_state-incomplete = INCOMPLET
status_state-due_soon = bientôt dû
status_state-pending = à faire
status_state-info = pour information
status_state-done_late = fait, après l'échéance
status_state-done = fait
status_ics_name = Échéances RGPD (dpo)
status_nothing = rien à faire
severity-low = faible
severity-medium = moyenne
severity-high = élevée
severity-very_high = très élevée
certificate_title = Certificat de destruction et de restitution des données
certificate_footer = Certificat de destruction et de restitution — { $processor } pour { $controller }
# Annexe 1 §II.6, §II.7, §II.1-2 (sous-traitants ultérieurs, demandes, instructions)
right-access = droit d'accès
right-rectification = droit de rectification
right-erasure = droit à l'effacement
right-objection = droit d'opposition
right-restriction = droit à la limitation du traitement
right-portability = droit à la portabilité
right-automated-decision = droit de ne pas faire l'objet d'une décision individuelle automatisée
request_subject = Demande d'exercice de droits transmise — { $right } — { $processor } — { $id }
request_file_header = Demande d'exercice de droits { $id } (annexe 1, § II.7) — enregistrée par dpo request log.
request_answer_due = réponse du responsable de traitement à la personne concernée due au plus tard le { $due } (RGPD, art. 12, § 3)
instruction_subject-objection = Instruction contraire à la réglementation sur la protection des données — { $processor } — { $id }
instruction_subject-transfer = Information préalable : transfert vers un pays tiers exigé par la loi — { $processor } — { $id }
instruction_file_header = Instruction documentée { $id } (annexe 1, § II.1-2) — enregistrée par dpo instruction log.
sp_subject_added = Information écrite : nouveau sous-traitant ultérieur — { $name } — { $processor } — { $id }
sp_subject_changed = Information écrite : changement de sous-traitant ultérieur — { $name } — { $processor } — { $id }
sp_notice_file_header = Information écrite { $id } sur un sous-traitant ultérieur (annexe 1, § II.6) — établie par dpo subprocessor.
sp_footer = Information sur un sous-traitant ultérieur { $id } — { $processor }
sp_pdf_prefix = information-sous-traitant-ulterieur
sp_field-name = identité
sp_field-address = adresse
sp_field-contact = coordonnées
sp_field-activities = activités de traitement
sp_field-controllers = responsables de traitement concernés
sp_field-contract-reference = référence du contrat
sp_field-contract-start = début du contrat
sp_field-contract-end = fin du contrat
sp_field-location = lieu du traitement
sp_field-guarantees = garanties
status_kind-subprocessor-notice = Informer par écrit le responsable de traitement d'un sous-traitant ultérieur
status_kind-request-forward = Transmettre la demande d'exercice de droits au responsable de traitement
status_kind-request-answer = Échéance de réponse du responsable de traitement à la personne concernée (un mois)
status_kind-instruction-objection = Envoyer l'objection à une instruction contraire à la réglementation
status_kind-instruction-transfer = Informer le responsable de traitement du transfert exigé par la loi, avant qu'il ait lieu
# Issue 5 : personnes, mesures de sécurité, terme de la convention (status), dossier d'audit
status_kind-people-commitment = Faire signer un engagement de confidentialité (annexe 1, § II.4)
status_kind-people-training = Formation à la protection des données d'une personne autorisée (annexe 1, § II.4)
status_kind-measure-test = Tester la mesure de sécurité (annexe 1, § II.9)
status_kind-convention-end = Fin de la convention
status_kind-convention-renewal = Dernier jour pour décider la reconduction de la convention
status_kind-fate-certificate = Restituer ou détruire les données du responsable de traitement et toutes leurs copies, puis le certifier (annexe 1, § IV)
audit_all = tous
audit_requests_title = Registre des demandes d'exercice de droits (annexe 1, § II.7)
audit_instructions_title = Registre des instructions documentées (annexe 1, § II.1-2)
audit_notices_title = Registre des informations écrites sur les sous-traitants ultérieurs (annexe 1, § II.6)
audit_people_title = Personnes autorisées à traiter les données (annexe 1, § II.3-4)
audit_people_interval = La formation est renouvelée tous les { $months } mois.
audit_people_no_interval = La périodicité de la formation n'est pas fixée : « à compléter ».
audit_people_headers-1 = identifiant
audit_people_headers-2 = nom
audit_people_headers-3 = fonction
audit_people_headers-4 = organisation
audit_people_headers-5 = responsables de traitement
audit_people_headers-6 = engagement de confidentialité
audit_people_headers-7 = dernière formation
audit_people_headers-8 = formation à renouveler avant le
audit_measures_title = Mesures de sécurité (RGPD, art. 32 ; annexe 1, § II.9)
audit_measures_headers-1 = identifiant
audit_measures_headers-2 = mesure
audit_measures_headers-3 = description
audit_measures_headers-4 = responsable
audit_measures_headers-5 = preuve
audit_measures_headers-6 = dernier test
audit_measures_headers-7 = périodicité du test (mois)
audit_measures_headers-8 = prochain test avant le

## Issue 10 : une seule langue. « dpo status » : le terme de la convention.
renewals-allowed = { $n ->
    [0] aucune reconduction possible
    [1] une reconduction possible
   *[other] { $n } reconductions possibles
}
status-term-renewed = reconduite le { $date } pour { $months ->
    [1] un mois
   *[other] { $months } mois
}
status-term-not-renewable = non reconductible
status-term-renewals-unknown = reconductions permises à compléter
status-term-not-renewed = non reconduite ({ $allowed ->
    [0] aucune reconduction possible
    [1] une reconduction possible
   *[other] { $allowed } reconductions possibles
})
status-term-end = { $controller } — { $convention } — { $past ->
    [yes] a pris fin
   *[other] prend fin
} le { $end }, { $renewal }
status-term-renew-by-unknown = { $controller } — { $convention } — date limite de reconduction inconnue : le préavis est à compléter
status-term-renew-by = { $controller } — { $convention } — à reconduire au plus tard le { $date }
status-term-fate = { $controller } — restituer ou détruire toutes les copies, puis le certifier

## Le terminal : erreurs et avertissements.
cli-error = erreur : { $message }
cli-warning = avertissement : { $message }
cli-caused-by = cause : { $message }

## Les questions de « dpo breach open » (réponse vide : inconnu).
prompt-title = titre de la violation :
prompt-aware-at = quand le sous-traitant en a-t-il pris connaissance ? (AAAA-MM-JJ HH:MM, fuseau { $tz } ; vide : maintenant)
prompt-established = la violation est-elle avérée ? (o : avérée, n : seulement suspectée ; vide : inconnu)
prompt-discovery = comment a-t-elle été découverte ?
prompt-ended-at = quand a-t-elle pris fin ? (AAAA-MM-JJ HH:MM, « en cours » ; vide : inconnu)
prompt-origin = origine ? (1 : interne malveillante, 2 : interne accidentelle, 3 : externe malveillante, 4 : externe accidentelle, 5 : inconnue ; vide : non précisée)
prompt-cause = cause ? (hameçonnage, ordinateur portable perdu, erreur de destinataire…)
prompt-subprocessors = sous-traitants ultérieurs impliqués ? (identifiants séparés par des virgules, « aucun » ; vide : inconnu)
prompt-media = supports concernés ? (séparés par des virgules)
prompt-encrypted = les données étaient-elles chiffrées ? (o/n ; vide : inconnu)
prompt-directly-identifiable = les personnes sont-elles directement identifiables ? (o/n ; vide : inconnu)
answer-ongoing = en cours
answer-none = aucun
breach-needs-title = une violation doit avoir un titre
    indice : dpo breach open --title "Rançongiciel sur le serveur de fichiers" --aware-at "2021-03-26 10:00"
breach-needs-aware-at = quand le sous-traitant a-t-il pris connaissance de la violation ? Les 72 heures courent à partir de ce moment
    indice : ajoutez --aware-at "2021-03-26 10:00" (heure locale) ou une heure RFC 3339 avec son décalage

## Ce que disent les commandes, et la suite (« suite : »).
init-created = espace de travail créé dans { $dir }
next-init = suite : modifiez les fichiers YAML, puis lancez `dpo --registers { $dir } check`
breach-opened = violation { $id } ouverte : { $file }
next-breach-open = suite : complétez `{ $file }`, différez ce qui n'est pas encore connu (`dpo breach defer { $id } CHAMP --reason …`), puis `dpo breach notify { $id }`
breach-none = aucune violation enregistrée dans `{ $dir }`
breach-list-closed = close
breach-list-progress = courriel { $mailed }/{ $n }, appel { $called }/{ $n }
breach-deferred = violation { $id } : `{ $field }` différé : { $reason }
next-breach-notify = suite : chaque champ requis est rempli ou différé ; `dpo breach notify { $id }` peut l'envoyer
breach-still-missing = il manque encore : { $fields }
breach-message = { $supplement ->
    [0] la notification
   *[other] le complément n° { $supplement }
}
breach-dry-run = essai, rien n'est envoyé : { $what } de la violation { $id } pour { $controller } se trouve dans { $file }
breach-sent = envoi effectué : { $what } de la violation { $id } — destinataire : { $controller } <{ $to }>
sent-server-reply = réponse du serveur : { $reply }
sent-evidence = preuve : { $file } (SHA-256 { $sha256 })
sent-journal = journal : entrée { $seq }
sent-attached = pièce jointe : { $file } (SHA-256 { $sha256 })
breach-sent-again = modifié depuis le dernier envoi, envoyé à nouveau : { $fields }
next-breach-deferred = différé : { $fields } ; suite : envoyez ces informations avec `dpo breach supplement { $id }` dès qu'elles sont connues
contact-no-name = nom non enregistré
contact-no-phone = aucun numéro de téléphone enregistré
next-breach-call = suite : APPELEZ maintenant le contact désigné ({ $name }, { $phone }) et consignez l'appel : dpo breach call { $id } --controller { $controller } --to NOM --number NUMÉRO --outcome TEXTE
breach-called = appel à { $to } ({ $number }) pour la violation { $id } consigné le { $at }
breach-complete = la notification est complète pour { $controller } (courriel et téléphone), { $on_time ->
    [yes] dans le délai
   *[no] APRÈS l'échéance des 72 heures
}
next-breach-email = suite : le courriel de notification pour { $controller } reste à envoyer : `dpo breach notify { $id }`
breach-closed = violation { $id } close
breach-never-completed = la notification à { $controller } n'a jamais été complétée (courriel et appel téléphonique)

## Fin de la convention : « dpo fate ».
fate-no-choice = pas encore de choix
fate-done = fait
fate-to-do = à faire
next-fate-certify = rien en attente ; suite : `dpo fate certify --controller { $controller }` peut établir le certificat
fate-blocking = { $n ->
    [one] une chose empêche encore le certificat
   *[other] { $n } choses empêchent encore le certificat
}
fate-certify-refused = refus de certifier pour { $controller } : { $n ->
    [one] une chose reste à faire
   *[other] { $n } choses restent à faire
}
next-fate-list = suite : `dpo fate list --controller { $controller }` dit quoi faire pour chacune
next-fate-verify-bag = suite : `dpo fate verify-bag { $dir }` quand le support est prêt à être remis
fate-no-fingerprint = remarque : l'élément `{ $item }` n'a pas d'empreinte, aucun contrôle résiduel ne peut donc prouver la destruction
    suite : la prochaine fois, `dpo fate fingerprint { $item } CHEMIN…` avant de détruire
fate-pending = { $what } : { $reason }
fate-pending-field = { $what }, champ « { $field } » : { $reason }
fate-pending-copy = copie `{ $copy }` de l'élément `{ $item }`
fate-pending-item = élément `{ $item }`
fate-pending-certificate = le certificat
fate-pending-incomplete-destruction = « à compléter » dans la destruction consignée le { $at } ; consignez-la à nouveau avec `dpo fate destroy { $item } --copy { $copy } … { $flag }`
fate-pending-unsigned = le nom du délégué à la protection des données du sous-traitant, qui signe le certificat, est « à compléter » (ou nommez le délégué dans people.yaml)
fate-pending-choice = le choix du responsable de traitement n'est pas consigné
fate-pending-decision = la référence et la date de la décision écrite du responsable de traitement ne sont pas consignées
fate-pending-not-bagged = pas remis dans un paquet vérifié
fate-pending-scan-found = le dernier contrôle résiduel ({ $at }) a trouvé { $n ->
    [0] aucun fichier
    [one] un fichier
   *[other] { $n } fichiers
} de l'élément
fate-pending-returned-not-destroyed = restituée, mais pas encore détruite ({ $kind })
fate-pending-not-destroyed = pas détruite avec une vérification ({ $kind })
fate-pending-neither = ni détruite avec une vérification, ni restituée dans un paquet vérifié ({ $kind })
fate-todo-choice = consigner d'abord le choix écrit du responsable de traitement : `dpo fate set { $item } choice CHOIX` (return, destroy, return_then_destroy, keep) et `dpo fate set { $item } decision "{"{"}reference: …, date: AAAA-MM-JJ{"}"}"`
fate-todo-decision = consigner la référence et la date de la décision écrite du responsable de traitement : `dpo fate set { $item } decision "{"{"}reference: …, date: AAAA-MM-JJ{"}"}"`
fate-todo-hand-over = remettre l'élément : `dpo fate bag { $item } --copy COPIE --from CHEMIN --out DOSSIER`, puis `dpo fate verify-bag DOSSIER`
fate-todo-fingerprint = avant de détruire, en prendre l'empreinte pour le contrôle résiduel : `dpo fate fingerprint { $item } CHEMIN…`
fate-todo-scan-found = le dernier contrôle résiduel ({ $at }) a trouvé { $n ->
    [0] aucun fichier
    [one] un fichier
   *[other] { $n } fichiers
} de l'élément : détruisez-les, puis refaites le contrôle
fate-todo-destroy = détruire cette copie et consigner comment : `dpo fate destroy { $item } --copy { $copy } --method clear|purge|destroy …`
fate-todo-wait-choice = attendre le choix écrit du responsable de traitement
fate-todo-verify-bag = vérifier son paquet : `dpo fate verify-bag DOSSIER`
fate-todo-return-or = restituer cette copie dans un paquet vérifié, ou { $destroy }
fate-todo-wait-hand-over = attendre que l'élément soit remis dans un paquet vérifié, puis détruire cette copie
copy-kind-live-storage = stockage en service
copy-kind-backup-repository = dépôt de sauvegarde
copy-kind-restore-points = points de restauration
copy-kind-offsite-media = supports externalisés
copy-kind-replica = réplique

## « dpo check »
check-journal-intact = journal : { $entries ->
    [0] aucune entrée
    [one] une entrée
   *[other] { $entries } entrées
}, chaîne intacte
check-partial = les autres fichiers des responsables de traitement ont été vérifiés ; processor.yaml, les sous-traitants, les mesures, les personnes et les dossiers (violations, demandes…) le seront une fois { $n ->
    [one] ce fichier corrigé
   *[other] ces { $n } fichiers corrigés
}
check-summary = { $root } : { $errors ->
    [0] aucune erreur
    [one] une erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [0] aucun avertissement
    [one] un avertissement
   *[other] { $warnings } avertissements
}

## Demandes d'exercice de droits et instructions documentées.
request-logged = demande { $id } consignée dans { $file }
dry-run-written = essai : message écrit dans { $file } (non envoyé)
request-forwarded-incomplete = transmise avec « à compléter » dans : { $fields } (--incomplete ; consigné comme tel)
next-request-forward = non transmise ; suite : lancez `dpo request forward { $id }` (`dpo status` la signale après 24 h)
message-sent = envoi à { $to } — { $file } — réponse du serveur : { $reply }
request-received-at = reçue le { $at }
request-forwarded-at = transmise le { $at }
request-not-forwarded-yet = PAS ENCORE TRANSMISE
instruction-logged = instruction { $id } dans { $file }
instruction-objection = objection
instruction-transfer-notice = information sur le transfert
instruction-from = de { $from }
instruction-transfer = transfert exigé par la loi vers { $country } ({ $basis }) — { $sent ->
    [yes] information envoyée
   *[no] INFORMATION NON ENVOYÉE
}
instruction-objection-line = objection : { $reason } — { $sent ->
    [yes] envoyée
   *[no] NON ENVOYÉE
}

## Sous-traitants ultérieurs.
sp-recorded = subprocessors.yaml : { $id } consigné
sp-changed = modifié : { $fields }
sp-comments-lost = remarque : la liste a été réécrite ; les commentaires de `subprocessors:` n'ont pas été conservés
sp-notice-ready = information écrite { $id } pour { $controller } : { $file } (sha256 { $sha256 }) — pas encore envoyée
next-sp-notify = suite : envoyez-les avec `dpo subprocessor notify`
sp-notice-pending = information écrite { $id } ({ $subprocessor } → { $controller }) pas encore envoyée
sp-notice = information écrite { $id }
sp-notice-incomplete = l'information écrite { $id } est partie avec « à compléter » dans : { $fields } (--incomplete ; consigné comme tel)

## Le journal.
journal-empty = (le journal est vide)
journal-record = fichier { $file } : { $message }
journal-intact = journal intact : { $entries ->
    [0] aucune entrée
    [one] une entrée
   *[other] { $entries } entrées
}, tête { $seq } { $sha256 }
journal-broken = journal rompu : { $at } : { $message }
journal-note-empty = la note est vide
    suite : dpo journal note -m "ce qui s'est passé"
journal-recorded = entrée { $seq } du journal consignée

## Dossier d'audit, « set », registre.
audit-wrote = dossier d'audit écrit : { $dir } ({ $files ->
    [0] aucun fichier
    [one] un fichier
   *[other] { $files } fichiers
}, manifeste signé avec { $key }, principal { $principal })
audit-left-out = { $n ->
    [one] une entrée du journal concernant d'autres responsables de traitement a été écartée
   *[other] { $n } entrées du journal concernant d'autres responsables de traitement ont été écartées
}
next-audit-check = suite : vérifiez-le, dans { $dir } :
audit-journal-broken = le journal ne se vérifie pas ; voir journal/verification.txt dans le dossier
set-done = { $file } : `{ $field }` modifié (entrée { $seq } du journal)
set-comments-lost = remarque : sa section de premier niveau a été réécrite ; les commentaires qu'elle contenait n'ont pas été conservés
register-gaps = remarque : { $missing ->
    [0] aucune information requise ne manque
    [one] une information requise manque et figure comme { $todo }
   *[other] { $missing } informations requises manquent et figurent comme { $todo }
}, { $assumed ->
    [0] aucune valeur n'est une hypothèse
    [one] une valeur est une hypothèse signalée par « { $to_confirm } »
   *[other] { $assumed } valeurs sont des hypothèses signalées par « { $to_confirm } »
} ; `dpo check` les énumère

## Clés et signatures.
keys-new = nouvelle clé de signature Ed25519 : { $file } (mode 0600 ; gardez-la secrète, sauvegardez-la)
keys-key = clé de signature : { $file }
keys-fingerprint = empreinte : { $fingerprint }
keys-public = clé publique : { $key }
keys-already-listed = déjà dans { $file }
keys-added = ajoutée à { $file } pour { $principal }
next-keys-fingerprint = suite : donnez l'empreinte au responsable de traitement par un autre canal (téléphone, courrier) pour qu'il puisse se fier à la ligne du fichier allowed_signers
keys-not-listed = la clé n'est pas dans `{ $file }` : les signatures faites avec elle ne se vérifieraient pas
    suite : `dpo keys publish` l'y ajoute
keys-listed = inscrite dans { $file } pour { $principals }
sign-wrote = { $file } écrit (espace de noms { $namespace }, clé { $key }, principal { $principal })
next-sign-check = suite : vérifiez-le avec : { $command }
verify-good = signature valide de { $file } par { $principal } (clé { $key }, espace de noms { $namespace })
verify-bad = signature NON VALIDE de { $file } ({ $signature }) : { $reason }

## « dpo status » et son calendrier.
status-file-line = fichier : { $file }
status-missing-line = manque : { $items }
fate-choice-return = restitution
fate-choice-destroy = destruction
fate-choice-return_then_destroy = restitution puis destruction
fate-choice-keep = conservation
copy-state-pending = en attente
copy-state-bagged = dans un paquet à vérifier
copy-state-returned = restitution vérifiée
copy-state-destroyed = destruction consignée
copy-state-kept = conservation décidée par le responsable de traitement
fate-fingerprinted = empreinte de l'élément `{ $item }` : { $files ->
    [0] aucun fichier
    [one] un fichier
   *[other] { $files } fichiers
}, { $size }
fate-manifest = manifeste : { $file } (SHA-256 { $sha256 })
next-fate-manifest-check = suite : vérifiez-le à tout moment avec : sha256sum -c '{ $file }'
fate-scan-clean = aucun reste : { $files ->
    [0] aucun fichier
    [one] le seul fichier
   *[other] aucun des { $files } fichiers
} ({ $size }) sous { $paths } n'est un fichier de l'élément `{ $item }` ({ $contents ->
    [0] aucun contenu à l'empreinte connue
    [one] un contenu à l'empreinte connue
   *[other] { $contents } contenus à l'empreinte connue
})
fate-scan-recorded = consigné dans { $file } comme preuve de vérification
fate-scan-nothing = remarque : aucun fichier n'a été trouvé sous ces chemins ; vérifiez que ce sont bien les emplacements où se trouvait la copie
fate-scan-found = { $n ->
    [0] aucun fichier de l'élément `{ $item }` trouvé :
    [one] un fichier de l'élément `{ $item }` trouvé :
   *[other] { $n } fichiers de l'élément `{ $item }` trouvés :
}
fate-scan-match = (contenu de `{ $name }`, SHA-256 { $sha256 })
next-fate-scan-again = consigné dans { $file } ; suite : détruisez ces fichiers, puis refaites le contrôle
fate-destroyed = consigné : copie `{ $copy }` de l'élément `{ $item }` détruite le { $at } — méthode : { $method }
fate-bagged = paquet de l'élément `{ $item }` écrit dans { $dir } : { $files ->
    [0] aucun fichier
    [one] un fichier
   *[other] { $files } fichiers
}, { $size } (Payload-Oxum { $oxum })
fate-bag-signed = manifeste des étiquettes SHA-256 { $sha256 } signé : { $file }
fate-bag-how-to-check = le responsable de traitement le vérifie avec `sha256sum -c manifest-sha256.txt` dans le paquet, ou avec tout validateur BagIt
fate-recorded-in = consigné dans { $file }
fate-bag-not-recorded = remarque : ce paquet n'est dans aucun fichier de sort des données de l'espace de travail ; rien n'est consigné
fate-certificate-kept = certificat pour { $controller } conservé dans les preuves :
fate-certificate-copied = et copié dans :
fate-certificate-how-to-check = le responsable de traitement le vérifie, avec dans `allowed_signers` la ligne imprimée sur le certificat :
breach-report-tampered = `{ $file }` ne correspond pas au journal — ce dossier peut ne pas dire ce que dpo a consigné : { $message }
breach-show-tampered = ATTENTION : `{ $file }` ne correspond pas au journal — ce qui est affiché ci-dessus peut ne pas être ce que dpo a consigné : { $message }
breach-severity-scale = (ENISA 2013 : moins de 2 faible, de 2 à 3 moyenne, de 3 à 4 élevée, 4 ou plus très élevée ; un guide pour le jugement du délégué, jamais une raison de ne pas notifier)
record-no-field = aucun champ (mise en forme ou commentaires)
record-adopted = `{ $file }` adopté (SHA-256 { $sha256 }) : { $fields } ; entrée { $seq } du journal
wrote-file = { $file } écrit ({ $bytes ->
    [0] aucun octet
    [one] un octet
   *[other] { $bytes } octets
})

## Durées et ligne de résumé de « dpo status » (une forme par nombre : one pour 0 et 1, other pour 2 et plus).
duration_hours_minutes = { $h } h { $min } min
duration_days_hours = { $d } j { $h } h
status_summary-overdue-one = { $n } en retard
status_summary-overdue-other = { $n } en retard
status_summary-incomplete-one = { $n } incomplet
status_summary-incomplete-other = { $n } incomplets
status_summary-due_soon-one = { $n } dans les { $days } jours
status_summary-due_soon-other = { $n } dans les { $days } jours
status_summary-undated-one = { $n } à faire sans échéance
status_summary-undated-other = { $n } à faire sans échéance
fate-todo-confirm-choice = confirmer le choix du responsable de traitement : `choice` est une hypothèse à confirmer (`to_confirm`) ; `dpo fate set { $item } choice …` une fois que le responsable de traitement a écrit
fate-todo-wait-confirm = attendre que le responsable de traitement confirme son choix (à confirmer)

## Ajouts de la revue (fixb).
place_todo = [lieu « à compléter »]
of_convention = de la convention « { $title } »
of_convention_titled = de la « { $title } »
of_convention_bare = de la convention
period_moved_words = { $counted } ({ $why }) ; report au { $ends } (règlement (CEE, Euratom) n° 1182/71, art. 3, § 4)
breach_progress = où en sont les investigations
breach_closed_deferred = clos avec des éléments encore différés
prompt-occurred-at = quand la violation a-t-elle commencé ? (AAAA-MM-JJ HH:MM, fuseau { $tz } ; vide : inconnu)
prompt-discovered-at = quand a-t-elle été découverte ? (AAAA-MM-JJ HH:MM, fuseau { $tz } ; vide : inconnu)
breach-closed-deferred = close avec des éléments encore différés, jamais envoyés : { $fields }

## Ajouts des documents (docs).
audit_log_headers-1 = identifiant
audit_log_headers-2 = date
audit_log_headers-3 = objet
audit_field_header = champ
audit_value_header = valeur
audit_field-id = identifiant
audit_field-controller = responsable de traitement
audit_field-controllers = responsables de traitement
audit_field-right = droit exercé
audit_field-received_at = reçue le
audit_field-summary = objet
audit_field-channel = canal
audit_field-logged_at = enregistrée le
audit_field-forwarded = transmission
audit_field-sent_at = date d'envoi
audit_field-recipients = destinataire
audit_field-message_id = Message-ID
audit_field-eml = message conservé
audit_field-server_reply = réponse du serveur
audit_field-incomplete = incomplet
audit_field-attachments = pièce jointe
audit_field-name = nom
audit_field-sha256 = empreinte SHA-256
audit_field-from = donnée par
audit_field-at = date
audit_field-reference = référence
audit_field-transfer = transfert exigé par la loi
audit_field-country = pays
audit_field-legal_basis = base légale
audit_field-notice = information
audit_field-objection = objection
audit_field-reason = motif
audit_field-subprocessor = sous-traitant ultérieur
audit_field-change = changement
audit_field-changed = champs modifiés
audit_field-created_at = établie le
audit_field-details = sous-traitant
audit_field-pdf = document
audit_field-sent = envoi
count-file-one = { $n } fichier
count-file-other = { $n } fichiers
count-byte-one = { $n } octet
count-byte-other = { $n } octets
count-month-one = { $n } mois
count-month-other = { $n } mois
count-times-one = une fois
count-times-other = { $n } fois
register-edition-not-recorded = remarque : l'édition v{ $n } n'est pas consignée dans le journal ({ $why }) ; le prochain registre émis la comptera à nouveau

## Errors and diagnostics of the domain (Localize / Msg).
cli-hint = conseil : { $hint }
diag-whole-file = (fichier)
diag-field = { $field } : { $message }
yaml-missing-file = ce fichier est absent
yaml-missing-file-hint = `dpo init DOSSIER` crée un espace de travail avec un exemple de chaque fichier
yaml-empty = le fichier est vide
yaml-empty-hint = `dpo init DOSSIER` écrit un exemple de chaque fichier ; supprimez ce fichier s'il ne sert pas
yaml-not-utf8 = le fichier n'est pas du texte UTF-8 (données binaires ou autre encodage)
yaml-not-utf8-hint = enregistrez-le en UTF-8 ; les fichiers YAML sont du texte
yaml-unknown-field = champ inconnu `{ $name }` ; champs attendus : { $allowed ->
    [none] aucun
   *[other] { $allowed }
}
yaml-missing-field = champ obligatoire `{ $name }` absent
yaml-duplicate-key = clé `{ $key }` en double (première occurrence ligne { $line }, colonne { $column })
yaml-invalid = YAML invalide (selon l'analyseur serde_yaml : { $detail })
hint-did-you-mean = vouliez-vous dire `{ $name }` ?
hint-allowed-fields = les champs permis ici sont : { $fields }
hint-remove-field = supprimez ce champ
hint-add-field = ajoutez `{ $name }: …` ici ; `dpo schema` décrit chaque champ
hint-duplicate-key = une clé ne figure qu'une fois dans un même bloc ; supprimez l'une des deux
hint-dates = écrivez les dates AAAA-MM-JJ, par exemple 2021-02-01, et vérifiez que le jour existe
hint-tabs = indentez le YAML avec des espaces, jamais avec des tabulations
hint-identifiers = les identifiants servent de noms de fichier : lettres minuscules, chiffres et tirets seulement
check-unknown-controller = responsable de traitement inconnu `{ $id }` : il n'y a pas de `controllers/{ $id }.yaml`
check-unknown-controller-hint = responsables de traitement : { $known }
check-unknown-subprocessor = sous-traitant ultérieur inconnu `{ $id }` : il n'est pas déclaré dans `{ $file }`
check-declared-in = déclarés dans `{ $file }` : { $known }
check-no-commitment = `{ $id }` n'a pas d'engagement de confidentialité enregistré (annexe 1, § II.4)
check-no-training = `{ $id }` n'a pas de formation à la protection des données enregistrée (annexe 1, § II.4)
check-training-old = la formation de `{ $id }` date de plus de { $months } mois (dernière le { $last })
check-measure-never-tested = la mesure `{ $id }` n'a jamais été testée (annexe 1, § II.9 : tester régulièrement)
check-measure-test-overdue = le test de la mesure `{ $id }` est en retard : dernier test le { $last }, { $months ->
    [one] chaque mois
   *[other] tous les { $months } mois
}
err-no-actor = qui agit ? { $command } : rien n'a été écrit
err-no-actor-hint = donnez à DPO_ACTOR votre nom, ou votre identifiant dans people.yaml (son nom est alors enregistré)
err-locked = l'espace de travail est modifié par un autre processus dpo ({ $holder }) ; abandon après { $waited } d'attente de `{ $path }`
err-locked-hint = relancez la commande quand l'autre est terminée (DPO_LOCK_WAIT=SECONDES attend plus longtemps)
err-invalid-workspace = l'espace de travail `{ $root }` a { $n ->
    [one] une erreur
   *[other] { $n } erreurs
}
err-no-workspace = pas d'espace de travail dans `{ $path }`
err-no-workspace-hint = passez --registers DOSSIER, définissez DPO_REGISTERS, ou créez-en un avec `dpo init { $path }`
err-late-notify = le délai de 72 heures pour notifier la violation `{ $id }` à `{ $controller }` a expiré le { $deadline } (en retard de { $late }) ; une notification tardive doit en donner les raisons
err-late-notify-hint = ajoutez --late-reason "…" (le motif figure dans le message et est conservé dans le fichier de la violation)
err-closed-breach = la violation `{ $id }` a été close le { $closed } ; elle ne peut plus être modifiée
err-set-field = `{ $file }` : champ `{ $field }` : { $message }
integrity-changed = modifié hors de dpo : son empreinte est { $sha256 } mais l'entrée { $seq } du journal a enregistré { $journaled }
integrity-same-fields =  ; ses champs sont les mêmes (mise en page ou commentaires modifiés)
integrity-fields-differ =  ; champs qui diffèrent : { $fields }
integrity-not-kept =  ; le texte journalisé n'est pas conservé, les champs qui diffèrent ne peuvent être nommés
integrity-changed-hint = annulez la modification (git), ou adoptez une modification légitime des faits avec `dpo record adopt { $file } --reason "…"`
integrity-removed = supprimé hors de dpo : l'entrée { $seq } du journal l'a écrit (SHA-256 { $journaled })
integrity-removed-hint = restaurez-le depuis git
check-missing = non renseigné : { $what } ({ $basis }) ; les documents indiquent « à compléter »
check-missing-contact = coordonnées non renseignées : { $what } ({ $basis }) ; les documents indiquent « à compléter »
check-assumption = { $record } : `{ $field }` est une hypothèse à confirmer avec le responsable de traitement ; les documents indiquent « à confirmer »
check-transfers-unstated = les transferts vers un pays tiers ne sont pas indiqués (RGPD, art. 30, § 2, c) ; les documents indiquent « à compléter »
check-transfers-unstated-hint = écrivez `transfers: []` quand il est établi qu'il n'y en a aucun
check-training-interval-unset = la périodicité de la formation à la protection des données n'est pas indiquée, aucune formation n'arrive donc à échéance ; les documents indiquent « à compléter »
check-contract-start-missing = date de début du contrat avec `{ $id }` non renseignée (annexe 1, § II.6) ; les documents indiquent « à compléter »
what-processor-address = l'adresse postale du sous-traitant
what-processor-representative = le nom du représentant du sous-traitant
what-processor-dpo-email = l'adresse électronique du DPO du sous-traitant
what-processor-dpo-name = le nom du DPO du sous-traitant
what-controller-address = l'adresse postale du responsable de traitement
what-controller-representative = le nom du représentant du responsable de traitement
what-controller-dpo-name = le nom du DPO du responsable de traitement
what-controller-dpo = le DPO du responsable de traitement
what-breach-email = l'adresse électronique du contact du responsable de traitement pour les violations
what-breach-phone = le numéro de téléphone du contact du responsable de traitement pour les violations
what-requests-email = l'adresse électronique où transmettre les demandes d'exercice de droits
what-it-coordinator = le nom du coordinateur informatique du responsable de traitement
what-transfer-safeguards = les garanties documentées d'un transfert
what-subprocessor-address = l'adresse du sous-traitant ultérieur `{ $id }`
what-subprocessor = le sous-traitant ultérieur `{ $id }`
what-guarantees = les garanties apportées par `{ $id }`
what-measure-owner = le responsable de la mesure `{ $id }`
basis-30-2a = RGPD, art. 30, § 2, a
basis-30-2a-ii10 = RGPD, art. 30, § 2, a ; annexe 1, § II.10
basis-ii8-email = annexe 1, § II.8 : notification par courriel
basis-ii8-phone = annexe 1, § II.8 : notification par appel téléphonique
basis-ii7 = annexe 1, § II.7
basis-convention-1 = convention, art. 1
basis-30-2c = RGPD, art. 30, § 2, c
basis-ii6 = annexe 1, § II.6
basis-28-4 = RGPD, art. 28, § 4 ; annexe 1, § II.6 et § II.9
basis-ii9 = annexe 1, § II.9
record-activity = activité `{ $id }`
record-transfer = transfert vers `{ $country }`
record-subprocessor = sous-traitant ultérieur `{ $id }`
record-measure = mesure `{ $id }`
record-person = personne `{ $id }`
record-item = élément `{ $id }`
record-copy = copie `{ $id }` de l'élément `{ $item }`
check-duplicate-id = identifiant `{ $id }` en double (déjà employé ligne { $line }, colonne { $column })
check-duplicate-id-hint = un identifiant est unique dans un fichier ; renommez l'un des deux
check-unknown-timezone = fuseau horaire inconnu `{ $tz }`
check-unknown-timezone-hint = employez un nom IANA comme `Europe/Paris`
check-no-controller = aucun responsable de traitement : ajoutez `controllers/<id>.yaml` pour chaque responsable de traitement pour lequel le sous-traitant agit
check-term-too-short = la durée de la convention est d'au moins un mois
check-activity-list-unknown = { $field ->
    [systems] les systèmes de la catégorie `{ $id }` ne sont pas indiqués
    [data_categories] les catégories de données de la catégorie `{ $id }` ne sont pas indiquées
    [subprocessors] les sous-traitants ultérieurs de la catégorie `{ $id }` ne sont pas indiqués
   *[security_measures] les mesures de sécurité de la catégorie `{ $id }` ne sont pas indiquées
} ; les documents indiquent « à compléter »
check-activity-list-unknown-hint = écrivez `{ $field }: []` quand il est établi { $field ->
    [systems] qu'il n'y en a aucun
    [data_categories] qu'il n'y en a aucune
    [subprocessors] qu'il n'y en a aucun
   *[security_measures] qu'aucune ne lui est propre (le registre renvoie alors aux mesures générales)
}
check-no-activity = aucune catégorie de traitement n'est indiquée (RGPD, art. 30, § 2, b)
check-subprocessor-not-for = le sous-traitant ultérieur `{ $id }` est employé ici mais `{ $file }` ne compte pas `{ $controller }` parmi ses responsables de traitement
check-unknown-measure = mesure de sécurité inconnue `{ $id }` : elle n'est pas déclarée dans `{ $file }`
check-no-controller-of = `{ $id }` ne concerne aucun responsable de traitement
check-contract-ends-before = le contrat prend fin ({ $end }) avant de commencer ({ $start })
check-bad-email = `{ $value }` n'est pas une adresse électronique valable
check-bad-email-hint = une seule adresse par champ, de la forme nom@domaine.fr ; une autre adresse va dans un autre contact
check-interval-zero = une périodicité est d'au moins un mois
check-interval-zero-hint = indiquez le nombre de mois entre deux échéances (1 ou plus), ou retirez le champ s'il n'est pas connu
check-measure-tested-in-future = la mesure `{ $id }` aurait été testée le { $last }, une date à venir (aujourd'hui : { $today })
check-training-in-future = la dernière formation de `{ $id }` serait du { $last }, une date à venir (aujourd'hui : { $today })
check-placeholder-among = « { $value } » : le champ porte les mots « à compléter » parmi d'autres ; les documents les montreraient comme un fait ; indiquez la valeur, ou laissez le champ vide
check-no-activity-of = aucune activité de traitement n'est indiquée pour `{ $id }` (annexe 1, § II.6)
check-no-measure = aucune mesure de sécurité n'est décrite (RGPD, art. 30, § 2, d ; annexe 1, § II.9)
check-too-many-renewals = la convention { $allowed ->
    [0] ne permet aucune reconduction
    [one] permet une reconduction
   *[other] permet { $allowed } reconductions
} mais { $recorded ->
    [one] une est enregistrée
   *[other] { $recorded } sont enregistrées
}
err-missing-fields = la violation `{ $id }` ne peut pas être notifiée : { $n ->
    [one] un champ obligatoire n'est ni renseigné ni différé avec un motif
   *[other] { $n } champs obligatoires ne sont ni renseignés ni différés avec un motif
} :
err-missing-fields-hint = renseignez-les avec `dpo breach set { $id } CHAMP VALEUR`, ou différez chacun avec `dpo breach defer { $id } CHAMP --reason "…"`
err-missing-fields-hint-set = renseignez-les avec `dpo breach set { $id } CHAMP VALEUR` : la description de la nature de la violation n'est jamais différée (une notification doit dire ce qui s'est passé)
err-missing-fields-hint-some = renseignez-les avec `dpo breach set { $id } CHAMP VALEUR` ; la description de la nature de la violation n'est jamais différée, les autres peuvent l'être avec `dpo breach defer { $id } CHAMP --reason "…"`
err-deferred-at-close = la violation `{ $id }` a encore { $n ->
    [one] un élément différé, jamais transmis
   *[other] { $n } éléments différés, jamais transmis
} au responsable de traitement :
err-deferred-at-close-hint = renseignez-les et envoyez un complément (`dpo breach supplement { $id }`), ou clôturez en connaissance de cause avec --with-deferred --reason "…"
actor-group = DPO_ACTOR=`{ $id }` est une entrée de people.yaml sans nom (un groupe, pas une personne)
actor-login-unknown = DPO_ACTOR n'est pas défini, et l'identifiant de connexion `{ $login }` n'est celui d'aucune personne nommée de people.yaml
actor-unset = DPO_ACTOR n'est pas défini, et il n'y a pas d'identifiant de connexion
err-invalid-option = { $flag } invalide
err-no-breach = pas de violation `{ $id }` : `{ $path }` n'existe pas
err-no-breach-hint = `dpo breach list` montre les violations ; `dpo breach open` en enregistre une nouvelle
err-changed-meanwhile = `{ $path }` a changé pendant que dpo y travaillait ; rien n'a été écrit
err-changed-meanwhile-hint = relancez la commande
err-journal-broken = le journal `{ $path }` est rompu à la ligne { $line } : { $message }
err-journal-broken-hint = lancez `dpo journal verify` ; restaurez le journal depuis l'historique git avant toute autre modification
breach-id-differs = l'identifiant `{ $id }` diffère du nom du fichier `{ $expected }`
breach-id-differs-hint = écrivez `id: { $expected }`, ou renommez le fichier
breach-title-empty = le titre est vide
breach-no-controller = aucun responsable de traitement n'est nommé : à qui notifier cette violation ?
breach-no-controller-hint = nommez-les, par exemple `controllers: [{ $example }]`
breach-unknown-controller = responsable de traitement inconnu `{ $id }`
breach-unknown-controller-hint = les responsables de traitement sont les fichiers de `controllers/` : { $known }
breach-controller-not-concerned = le responsable de traitement `{ $id }` n'est pas l'un de ceux de cette violation
breach-description-not-deferrable = la description de la nature de la violation ne peut pas être différée : une notification dit au moins ce qui s'est passé (RGPD, art. 33, § 3, a)
breach-description-not-deferrable-hint = décrivez ce qui est connu maintenant dans `nature.description`, même brièvement, et retirez cette entrée ; tout autre élément peut être différé (art. 33, § 4)
breach-stale-deferral = `{ $field }` est renseigné mais toujours indiqué comme différé : un report périmé
breach-stale-deferral-hint = la prochaine notification ou le prochain complément le retire ; ou retirez l'entrée
breach-declared = déclarés : { $known }
breach-ongoing-and-ended = la violation est dite en cours et terminée (ended_at) : vérifiez ce qu'il en est
breach-deferrable-fields = les champs qui peuvent être différés sont : { $fields }
breach-not-deferrable = `{ $field }` n'est pas un champ qui peut être différé
breach-deferred-without-reason = différé sans motif : il compte comme manquant
breach-out-of-order = { $later } ({ $later_at }) est antérieur à { $earlier } ({ $earlier_at }) : une violation survient, est découverte, puis le sous-traitant en prend connaissance, et elle prend fin après être survenue
breach-out-of-order-hint = corrigez { $earlier } ou { $later }
breach-in-the-future = { $field } ({ $at }) est dans le futur
breach-in-the-future-hint = un fichier de violation consigne ce qui s'est passé ; donnez l'instant où c'est arrivé
status-tampered-changed = { $file } modifié hors de dpo
status-tampered-removed = { $file } supprimé hors de dpo
status-tampered-not-journaled = { $file } absent du journal
yaml-not-controller-file = ce n'est pas un fichier de responsable de traitement : ces fichiers sont nommés `<id>.yaml`
hint-rename-to = renommez-le `controllers/{ $name }.yaml`
hint-move-out-of-controllers = sortez-le de `controllers/`
yaml-cannot-read = lecture impossible : { $error }
yaml-too-big = le fichier fait { $len } octets, au-delà de la limite de { $max } octets pour un fichier YAML
yaml-too-big-hint = est-ce le bon fichier ? un fichier du registre fait quelques kilo-octets
yaml-nul = le fichier contient un octet NUL : c'est un fichier binaire, pas du texte YAML
evidence-deadline-moved = la notification a été envoyée avec l'échéance { $sent } mais aware_at donne maintenant { $now } : aware_at a été modifié après l'envoi
evidence-deadline-moved-hint = un fait transmis au responsable de traitement se corrige par un complément, jamais en le réécrivant : restaurez aware_at (par exemple depuis git)
evidence-call-before-aware = l'appel à `{ $controller }` ({ $at }) précède aware_at ({ $aware }) : un appel ne peut notifier une violation dont le sous-traitant n'avait pas encore connaissance
evidence-call-before-aware-hint = dpo n'enregistre un appel qu'après aware_at : l'appel ou aware_at a été modifié à la main ; restaurez le fichier (par exemple depuis git)
evidence-call-later = l'appel à `{ $controller }` ({ $at }) est postérieur à maintenant : un fichier de violation consigne les appels passés
evidence-call-later-hint = dpo n'enregistre que des appels passés : l'appel a été modifié à la main ; restaurez le fichier (par exemple depuis git)
evidence-disagree-hint = le dossier, le message conservé et le journal divergent : quelque chose a été modifié hors de dpo ; restaurez le fichier modifié (par exemple depuis git)
evidence-eml = le message conservé `{ $eml }` : { $why }
evidence-eml-sha = le message conservé `{ $eml }` a pour SHA-256 { $sha } mais le dossier indique { $recorded } : le message ou le dossier a été modifié après l'envoi
evidence-sent-at-date = sent_at ({ $sent }) n'est pas la date (Date) du message conservé `{ $eml }` ({ $date })
evidence-not-journaled = aucune entrée du journal n'enregistre l'envoi d'un message de SHA-256 { $sha } (`{ $eml }`)
evidence-sent-at-entry = sent_at ({ $sent }) n'est pas l'instant de l'entrée { $seq } du journal (`{ $action }`, { $when })

## docs2
audit_field-address = adresse
audit_field-contact = contact
audit_field-role = fonction
audit_field-email = courriel
audit_field-phone = téléphone
audit_field-activities = activité
audit_field-contract = contrat
audit_field-start = début
audit_field-end = fin
audit_field-location = lieu du traitement
audit_field-guarantees = garanties
audit_field-pdf_sha256 = empreinte SHA-256 du document
audit_field-to_confirm = à confirmer
audit_change-added = ajout
audit_change-changed = modification
breach_dpo_phone_line = téléphone du délégué : { $phone }
count-month_words-one = un mois
count-month_words-other = { $n } mois

# vC
# Between two fields of which one is enough (`contact.email|contact.phone`).
vc-audit-or = ou
check-f14i-early-date = { $date } : une date antérieure à { $first } n'est pas une date de ce registre (une année tapée sur deux chiffres ?) ; écrivez l'année en entier
check-f14y-renewals-unknown = le nombre de reconductions permises n'est pas renseigné (à compléter) : le registre ne peut pas dire si la convention est reconductible, ni jusqu'à quand la reconduire ; indiquez-le (0 si elle ne l'est pas)
check-f14y-notice-unknown-too = le préavis de reconduction n'est pas renseigné non plus (à compléter) ; indiquez-le en mois si la convention est reconductible
check-f14y-notice-unknown = la convention { $allowed ->
    [one] permet une reconduction
   *[other] permet { $allowed } reconductions
} mais son préavis n'est pas renseigné (à compléter) : aucune date limite de décision ne peut être calculée ; indiquez le préavis en mois
check-f14i-no-notice = la convention { $allowed ->
    [one] permet une reconduction
   *[other] permet { $allowed } reconductions
} mais ne donne aucun préavis (0 mois) : la décision serait due le dernier jour de la convention ; indiquez le préavis, ou vérifiez qu'il est bien nul
