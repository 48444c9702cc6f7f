# site: see src/render/catalog.rs. One catalog, kept in files by subject.
# The dossier as static HTML: `dpo site` (src/site/, src/cli/site.rs).
site-name = Dossier RGPD { $processor }
site-nav = Sommaire du dossier
site-skip = Aller au contenu
site-nav-home = Tableau de bord
site-home = Tableau de bord des obligations
site-summary = { $overdue } en retard, { $incomplete } { $incomplete ->
    [one] incomplet
   *[other] incomplets
}, { $soon } dans les { $days } jours, { $todo } à faire sans échéance
site-as-of = Situation au { $date }.
site-status-caption = Obligations : les violations urgentes d'abord (en retard, incomplètes ou à échéance dans les 7 jours), puis dans l'ordre de `dpo status`
site-col-state = État
site-col-duty = Obligation
site-col-due = Échéance
site-col-missing = Ce qui manque
site-register = Registre — { $controller }
site-breaches = Violations de données
site-breaches-none = Aucune violation de données n'est consignée.
site-breach = Violation { $id } — { $title }
site-timeline = Chronologie
site-col-when = Date et heure (avec le décalage horaire)
site-col-event = Événement
site-col-controller = Responsable de traitement
site-col-detail = Détail
site-smtp-reply = réponse du serveur de messagerie : { $reply }
site-evidence = Preuves conservées
site-evidence-none = Aucun courriel n'a encore été envoyé pour cette violation.
site-evidence-mail = Courriel { $controller } du { $date }
site-sha256-recorded = empreinte SHA-256 consignée : { $sha }
site-sha256-matches = Le fichier conservé a bien cette empreinte.
site-sha256-differs = Le fichier conservé a une autre empreinte : { $sha }
site-file-missing = fichier absent de l'espace de travail : { $file }
site-report = Dossier de la violation
site-records-none = Aucun enregistrement.
site-people = Personnes et mesures de sécurité
site-fate = Sort des données
site-fate-none = Aucun fichier de sort des données.
site-fate-copies = Copies des données { $controller }
site-fate-pending = Ce qui manque encore pour le certificat :
site-col-item = Données
site-col-copy = Copie
site-col-kind = Nature
site-col-todo = Reste à faire
site-copy-pending = rien n'est encore consigné
site-copy-bagged = paquet fait, non vérifié
site-copy-returned = restituée (paquet vérifié)
site-copy-destroyed = détruite (vérifié)
site-copy-kept = conservée sur décision du responsable de traitement
site-copy-interrupted = destruction interrompue
site-certificate = Certificat du { $date }, établi par { $by }
site-key = clé de signature : { $key }
site-certificate-verify = Pour vérifier la signature du certificat, dans ce dossier :
site-certificate-no-signature = La signature du certificat n'est pas dans l'espace de travail ; avec elle, la commande qui la vérifie dans ce dossier serait :
site-journal = Journal
site-journal-caption = Entrées du journal
site-col-seq = Rang
site-col-at = Date
site-col-actor = Auteur
site-col-action = Action
site-col-subject = Objet
site-footer = Établi le { $date } avec dpo { $version }, à partir du contenu d'empreinte SHA-256 { $content } et du journal à l'entrée { $seq } (SHA-256 { $head }).
site-wrote = dossier HTML écrit dans { $dir } : { $pages } pages, { $files } fichiers ; ouvrez { $index }
site-not-a-site = `{ $path }` existe et n'est ni vide ni un dossier écrit par `dpo site` : rien n'a été écrit
site-not-a-site-hint = choisissez un autre -o, un dossier nouveau ou vide (un dossier écrit par `dpo site` est remplacé)
site-inside-workspace = `{ $path }` est dans l'espace de travail { $workspace } : rien n'a été écrit
site-inside-workspace-hint = écrivez le dossier HTML hors de l'espace de travail, par exemple `-o { $outside }dossier-html`
site-mail-headers = En-têtes du courriel
site-col-header = En-tête
site-col-value = Valeur
site-mail-from = Expéditeur (From)
site-mail-to = Destinataires (To)
site-mail-date = Date
site-mail-subject = Objet (Subject)
site-mail-id = Identifiant (Message-ID)
site-mail-attachments = Pièces jointes (chacune copiée dans ce dossier) :
site-sha256 = SHA-256 { $sha }
site-sha256-unrecorded = aucune empreinte SHA-256 n'est consignée pour ce fichier ; celle du fichier conservé : { $sha }
site-check-errors = { $n ->
    [one] `dpo check` trouve une erreur dans l'espace de travail : corrigez-la avant de vous fier à ce dossier.
   *[other] `dpo check` trouve { $n } erreurs dans l'espace de travail : corrigez-les avant de vous fier à ce dossier.
}
site-check-clean = `dpo check` ne trouve aucune erreur dans l'espace de travail.
site-contains-workspace = `{ $path }` contient l'espace de travail { $workspace }, qu'un dossier HTML remplacerait : rien n'a été écrit
site-timeline-caption = Événements de la violation, dans l'ordre, avec leur date et leur heure
site-journal-none = Le journal n'a encore aucune entrée.
site-journal-none-for = Le journal n'a aucune entrée concernant { $controller }.
