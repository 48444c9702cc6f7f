# screens: see src/render/catalog.rs. One catalog, kept in files by subject.

## « dpo journal show » : les colonnes, et chaque action en mots (le code reste dans sa colonne et dans --json).
screens-journal-seq = n°
screens-journal-at = date et heure
screens-journal-actor = qui
screens-journal-action = action
screens-journal-code = code
screens-journal-subject = objet
screens-action-workspace-init = création de l'espace de travail
screens-action-journal-note = note
screens-action-journal-recover = journal complété après une interruption
screens-action-journal-rollback = écriture interrompue annulée
screens-action-breach = notification d'une violation
screens-action-breach-open = ouverture d'une violation
screens-action-breach-defer = élément d'une violation différé
screens-action-breach-notify = notification d'une violation par courriel
screens-action-breach-supplement = complément à la notification d'une violation
screens-action-breach-call = appel au contact désigné pour une violation
screens-action-breach-close = clôture d'une violation
screens-action-breach-set = fait d'une violation modifié
screens-action-request-log = demande d'exercice de droits consignée
screens-action-request-forward = demande transmise au responsable de traitement
screens-action-request-set = fait d'une demande modifié
screens-action-instruction-log = instruction documentée consignée
screens-action-instruction-object = objection à une instruction consignée
screens-action-instruction-objection-notice = objection à une instruction envoyée
screens-action-instruction-transfer-notice = information préalable sur un transfert exigé par la loi
screens-action-instruction-set = fait d'une instruction modifié
screens-action-subprocessor-add = sous-traitant ultérieur ajouté
screens-action-subprocessor-change = sous-traitant ultérieur modifié
screens-action-subprocessor-notice = information écrite sur un sous-traitant ultérieur établie
screens-action-subprocessor-notify = information écrite sur un sous-traitant ultérieur envoyée
screens-action-subprocessor-notice-set = fait d'une information écrite modifié
screens-action-fate-fingerprint = empreinte d'un élément prise
screens-action-fate-scan = contrôle résiduel
screens-action-fate-destroy = destruction d'une copie consignée
screens-action-fate-destroy-intent = destruction par l'outil de sauvegarde annoncée avant la première suppression
screens-action-fate-destroy-failed = destruction par l'outil de sauvegarde échouée sans rien supprimer
screens-action-fate-bag = paquet de restitution écrit
screens-action-fate-verify-bag = paquet de restitution vérifié
screens-action-fate-certify = certificat de destruction et de restitution établi
screens-action-fate-set = sort des données modifié
screens-action-keys-generate = clé de signature créée
screens-action-keys-publish = clé publique inscrite dans allowed_signers
screens-action-file-sign = fichier signé
screens-action-audit-pack = dossier d'audit établi
screens-action-register-issue = registre émis
screens-action-record-adopt = modification faite hors de dpo adoptée
screens-action-intent = { $action } : envoi sur le point de partir
screens-action-failed = { $action } : refusé par le serveur de messagerie
screens-action-dry-run = { $action } : essai, message écrit sans être envoyé
screens-action-again = { $action } : nouvel envoi après un envoi incertain
screens-action-confirm-sent = { $action } : envoi incertain confirmé comme reçu

## « dpo status » : ce qui manque, en mots (--json garde les codes).
screens-missing-last_tested = date du dernier test
screens-missing-confidentiality_commitment = date de l'engagement de confidentialité signé
screens-missing-last_training = date de la dernière formation
screens-missing-training_interval_months = périodicité de la formation dans people.yaml
screens-missing-fate_file = l'inventaire des données et de leurs copies (fichier fate/)
screens-status-fields-differ = champs qui diffèrent : { $fields }

## Le dossier d'audit : journal/verification.txt.
screens-audit-verified = vérification du journal (dpo journal verify) : { $result }
screens-audit-excerpt = extrait pour { $controller } : { $n ->
    [0] aucune entrée concernant d'autres responsables de traitement n'a été écartée
    [one] une entrée concernant d'autres responsables de traitement a été écartée
   *[other] { $n } entrées concernant d'autres responsables de traitement ont été écartées
} ; chaque entrée gardée est, octet pour octet, la ligne du journal dont l'entrée suivante cite le SHA-256

## Un champ d'une violation en mots, avec la clé à taper.
screens-field-named = { $label } (`{ $key }`)

## Tailles en octets (« dpo fate fingerprint », « dpo fate bag ») : multiples binaires, virgule décimale.
vb-bytes = { $fraction ->
    [none] { $whole }
   *[other] { $whole },{ $fraction }
} { $unit ->
    [B] o
    [KiB] Kio
    [MiB] Mio
    [GiB] Gio
    [TiB] Tio
   *[other] { $unit }
}

## « dpo check » : un fichier d'enregistrement modifié qui ne se lit plus.
vb-integrity-unreadable =  ; il ne se lit plus comme un fichier YAML (voir l'erreur qui le situe) : ses champs ne peuvent être comparés
