# dpo import : un registre tenu dans un tableur (XLSX, ODS) devenu un espace de travail.
sheetimport-at = { $sheet }, ligne { $row }, colonne { $column } : { $why }
sheetimport-at-row = { $sheet }, ligne { $row } : { $why }
sheetimport-not-placed = non importé : { $message }
sheetimport-no-field = « { $value } » : la colonne « { $header } » ne correspond à aucun champ ; indiquez-le dans le fichier de correspondance (--mapping)
sheetimport-no-controller = « { $value } » : aucun responsable de traitement sur cette ligne
sheetimport-no-category = « { $value } » : aucune catégorie de traitement sur cette ligne
sheetimport-no-transfer = « { $value } » : des garanties sans transfert sur cette ligne
sheetimport-f14i-transfer-unread = « { $value } » : ni « aucun » (ou « néant », « sans objet »…) ni une ligne « pays : destinataire » ; ce transfert n'est pas importé, à compléter
sheetimport-differs = « { $value } » diffère de la valeur de la ligne { $first }, qui est retenue
sheetimport-bad-date = « { $value } » n'est pas une date
sheetimport-bad-number = « { $value } » n'est pas un nombre entier de mois
sheetimport-unknown-name = « { $value } » ne figure pas dans la feuille « { $sheet } »
sheetimport-ambiguous-name = « { $value } » désigne plusieurs lignes de la feuille « { $sheet } »
sheetimport-no-sheet = « { $value } » : cette feuille n'est pas une feuille du registre de dpo
sheetimport-instruction-transfer = « { $value } » : transfert consigné avec l'instruction { $instruction }, qui n'est pas dans le fichier du responsable de traitement
sheetimport-unusable = `{ $file }` n'est pas un classeur lisible (XLSX ou ODS) : { $detail }
sheetimport-no-layout = `{ $file }` : aucune feuille n'a les colonnes du registre de dpo ni celles du modèle de registre de l'autorité
sheetimport-no-layout-hint = nommez les colonnes dans un fichier de correspondance : `dpo import FICHIER --into DOSSIER --mapping correspondance.yaml`
sheetimport-into-not-empty = `{ $path }` existe déjà et n'est pas vide ; l'import écrit un nouvel espace de travail et n'écrase rien
sheetimport-done = Espace de travail créé dans `{ $dir }` depuis `{ $file }` (SHA-256 { $sha256 }) : { $controllers ->
    [0] aucun responsable de traitement
    [one] un responsable de traitement
   *[other] { $controllers } responsables de traitement
  }, { $problems ->
    [0] toutes les valeurs placées
    [one] une valeur non importée (ci-dessus)
   *[other] { $problems } valeurs non importées (ci-dessus)
  }{ $reported ->
    [0] {""}
    [one] , une valeur importée et signalée (ci-dessus)
   *[other] , { $reported } valeurs importées et signalées (ci-dessus)
  }
sheetimport-check-failed = `dpo check` trouve { $errors ->
    [one] une erreur
   *[other] { $errors } erreurs
  } dans `{ $dir }` (ci-dessus) : complétez les fichiers indiqués
# Les en-têtes du modèle de registre des activités de traitement du sous-traitant (RGPD, art. 30, § 2).
sheetimport-apd-controller = Nom du responsable du traitement
sheetimport-apd-controller-contact = Coordonnées du responsable du traitement
sheetimport-apd-representative = Représentant du responsable du traitement
sheetimport-apd-dpo = Délégué à la protection des données du responsable du traitement
sheetimport-apd-category = Catégories de traitements
sheetimport-apd-description = Description du traitement
sheetimport-apd-data-categories = Catégories de données
sheetimport-apd-transfers = Transferts vers un pays tiers ou une organisation internationale
sheetimport-apd-safeguards = Garanties appropriées
sheetimport-apd-measures = Description générale des mesures de sécurité techniques et organisationnelles
sheetimport-apd-convention-title = Convention
sheetimport-apd-convention-start = Début de la convention
sheetimport-apd-convention-months = Durée de la convention (mois)
# Partie f14 : ce que l'import signale en plus.
sheetimport-f14-other-controller = « { $value } » : cette ligne n'est pas celle du responsable de traitement de la feuille (« { $id } ») ; elle n'est pas importée
sheetimport-f14-not-kept = « { $value } » diffère de la valeur retenue (« { $kept } ») de la feuille « { $sheet } » ; modifiez-la là
sheetimport-f14-not-kept-todo = « { $value } » diffère de la valeur retenue ({ $kept }) de la feuille « { $sheet } » ; modifiez-la là
sheetimport-f14-misaligned = « { $value } » : { $lines } lignes pour { $countries } pays ; les transferts ne sont pas importés (une ligne par transfert, un saut de ligne dans une valeur s'écrit \n)
sheetimport-f14-placeholder = non renseigné : le fichier porte les mots « à compléter » à la place d'une valeur ; les documents les montreraient comme un fait ; indiquez la valeur
sheetimport-f14-formula = « { $value } » : une formule dont le fichier ne garde pas la valeur calculée ; ouvrez et enregistrez le fichier dans un tableur, ou écrivez la valeur
sheetimport-f14-none-and-listed = « { $value } » contredit la ligne { $first } : l'une dit qu'il n'y a aucun transfert, l'autre en indique ; aucun des deux n'est retenu
sheetimport-f14-duplicate-category = « { $value } » : cette catégorie de traitement figure déjà à la ligne { $first } pour ce responsable de traitement ; la ligne n'est pas importée
sheetimport-f14-extra-column = « { $value } » : cette colonne n'est pas une colonne du registre de dpo ; ses valeurs ne sont pas importées, le reste de la feuille l'est
sheetimport-f14-encrypted = le fichier est protégé par mot de passe (ou c'est un ancien classeur XLS) ; enregistrez-le sans mot de passe au format XLSX ou ODS
sheetimport-f14-corrupt = le fichier est endommagé ou d'un autre format (ni une archive XLSX ni une archive ODS lisible)
sheetimport-f14-mark-dropped = « { $value } » : ce champ ne peut pas être marqué « à confirmer » dans le fichier ; la valeur est importée sans la marque : « { $kept } », à confirmer par vous
sheetimport-f14-controller-not-imported = catégorie du responsable de traitement « { $value } », qui n'est pas importé (feuille « { $sheet } », ligne { $row }) ; elle ne l'est pas non plus
# Partie f14b : ce que l'import signale en plus (seconde revue).
sheetimport-f14b-reported = signalé, importé : { $message }
sheetimport-f14b-above-header = « { $value } » : au-dessus de la ligne d'en-tête (ligne { $header }) ; cette valeur n'est pas importée
sheetimport-f14b-bad-field = « { $value } » : la colonne « { $header } » ne peut pas prendre cette valeur ; elle n'est pas importée, le reste de l'enregistrement l'est
sheetimport-f14b-bad-id = « { $value } » : un identifiant s'écrit en minuscules, chiffres et tirets (« acme-sas ») ; la colonne « { $header } » ne le prend pas, cette valeur n'est pas importée, le reste de l'enregistrement l'est
sheetimport-f14b-bad-language = « { $value } » : la langue s'écrit « fr » ou « en » ; cette valeur n'est pas importée, le reste de l'enregistrement l'est
sheetimport-f14b-record-lost = « { $value } » : l'enregistrement de cette ligne ne peut pas être lu ; aucune de ses valeurs n'est importée
sheetimport-f14b-id-made = « { $value } » n'est pas un identifiant (minuscules, chiffres et tirets) ; la ligne est importée avec l'identifiant « { $id } »
sheetimport-f14b-id-made-empty = l'identifiant n'est pas indiqué ; la ligne est importée avec l'identifiant « { $id } », fait de son nom
sheetimport-f14b-field-twice = « { $value } » : ce champ figure déjà à la ligne { $first }, dont la valeur est retenue
sheetimport-f14b-bad-count = « { $value } » n'est pas un nombre entier
sheetimport-f14b-bad-renewal = « { $value } » : un renouvellement s'écrit « date, mois, référence » ; cette ligne n'est pas importée, les autres le sont
sheetimport-f14b-no-field-unnamed = « { $value } » : cette colonne n'a pas d'en-tête et ne correspond à aucun champ ; nommez-la dans le fichier de correspondance (--mapping)
sheetimport-f14b-no-controller-id = aucune ligne ne donne l'identifiant du responsable de traitement, et { $named ->
    [yes] ni le nom « { $value } » de la première ligne
   *[other] ni la colonne du nom, vide,
  } ni le nom de la feuille ne sont ceux d'un responsable de traitement importé ; les catégories de cette feuille ne sont pas importées (chacune est nommée à sa ligne)
sheetimport-f14b-duplicate-row-value = « { $value } » : valeur d'une catégorie de traitement déjà donnée à la ligne { $first } ; elle n'est pas importée
sheetimport-f14b-case-merged = « { $value } » : même nom, à la casse près, que « { $kept } » (ligne { $first }) ; les deux lignes sont un seul responsable de traitement, nommé « { $kept } »
sheetimport-f14b-cut = « { $value } » : le texte a été coupé à l'export (un tableur XLSX ne garde pas plus de 32 767 caractères par cellule) ; il est importé tel quel, complétez-le dans le fichier
sheetimport-f14b-mapping-absent = la correspondance nomme la colonne « { $header } », qu'aucune cellule de la ligne d'en-tête ne porte ; vérifiez son orthographe
sheetimport-f14b-mapping-at = fichier de correspondance `{ $file }:{ $line }:{ $column }` : { $why } ; champs possibles : { $fields }
sheetimport-f14b-mapping-key = clé « { $value } » inconnue : le fichier de correspondance n'a que la clé « columns »
sheetimport-f14b-mapping-field = « { $value } » (colonne « { $header } ») n'est pas un champ du modèle de l'autorité
sheetimport-f14b-mapping-shape = le fichier de correspondance est une liste « columns: » de lignes « en-tête: champ »
sheetimport-f14b-into-workspace = `{ $path }` est à l'intérieur de l'espace de travail `{ $workspace }` ; l'import écrit un nouvel espace de travail ailleurs
sheetimport-f14b-json = `dpo import` n'a pas de sortie JSON ; relancez sans --json
sheetimport-f14b-other-sheet = « { $value } » : seule la feuille « { $sheet } », aux colonnes du modèle de registre de l'autorité, est lue ; les valeurs de cette feuille-ci ne sont pas importées
sheetimport-f14b-safeguards-lines = « { $value } » : { $lines } lignes de garanties pour { $transfers ->
    [one] un transfert ; la cellule entière est importée pour ce transfert, à corriger
   *[other] { $transfers } transferts ; la cellule entière est importée pour chaque transfert, à répartir
  }
sheetimport-f14c-no-header = « { $value } » : cette colonne n'a pas d'en-tête ; la valeur n'est pas importée
sheetimport-f14c-no-key = « { $value } » : la colonne C (clé) de cette ligne est vide ; elle ne désigne aucun champ du sous-traitant et n'est pas importée
sheetimport-f14c-unknown-key = « { $value } » : la clé « { $key } » (colonne C) n'est pas un champ du sous-traitant ; la ligne n'est pas importée
sheetimport-f14c-id-from-sheet = « { $value } » : l'identifiant est vide ; celui que donne la feuille « { $sheet } » est retenu
# Partie f14d : ce que l'import signale en plus (troisième revue).
sheetimport-f14d-noted = signalé : { $message }
sheetimport-f14d-safeguards-dropped = « { $value } » : garanties des transferts de cette ligne, que la ligne { $first } contredit (aucun transfert) ; ni les transferts ni leurs garanties ne sont importés
sheetimport-f14d-stale-copy = « { $value } » : copie, sur { $rows ->
    [one] cette ligne
   *[other] les { $rows } lignes de cette feuille
  }, d'une valeur de la feuille « { $sheet } », où la valeur retenue est « { $kept } » ; c'est là qu'elle se modifie
sheetimport-f14d-stale-copy-todo = « { $value } » : copie, sur { $rows ->
    [one] cette ligne
   *[other] les { $rows } lignes de cette feuille
  }, d'une valeur de la feuille « { $sheet } », où la valeur retenue est { $kept } ; c'est là qu'elle se modifie
sheetimport-f14d-unnamed-one = « { $value } » ne figure pas dans la feuille « { $sheet } » ; l'enregistrement « { $id } », le seul de cette feuille dont le nom est vide, est retenu ; redonnez-lui son nom là (ou corrigez ce nom-ci)
sheetimport-f14d-unnamed-many = « { $value } » ne figure pas dans la feuille « { $sheet } », où plusieurs enregistrements ont un nom vide ({ $ids }) ; redonnez son nom à celui que désigne ce nom, ou écrivez ici son identifiant à la place, puis relancez l'import ; cette référence n'est pas importée
# Partie f14e : ce que l'import signale en plus (quatrième revue).
sheetimport-f14e-header-twice = « { $value } » : la colonne { $first } donne déjà le champ de cette colonne-ci, « { $header } » ; seule la colonne { $first } est lue, cette valeur n'est pas importée
sheetimport-f14e-header-twice-empty = l'en-tête « { $header } » est déjà celui de la colonne { $first } ; cette colonne-ci, vide, n'est pas lue
sheetimport-f14e-category-twice = « { $value } » : la feuille « { $sheet } » donne déjà cette catégorie de ce responsable de traitement ; cette ligne n'est pas importée
sheetimport-f14e-transfers-twice = « { $value } » : les transferts de ce responsable de traitement sont ceux de la feuille « { $sheet } » ; cette valeur-ci, différente, n'est pas importée
sheetimport-f14e-blank-id = categorie
sheetimport-f14e-id-made-blank = ni identifiant ni nom sur cette ligne, qui a d'autres valeurs ; elle est importée avec l'identifiant « { $id } », son nom est à compléter
sheetimport-f14e-time-dropped = « { $value } » : ce champ est une date ; la date est importée, l'heure n'est pas gardée
sheetimport-f14e-phone-number = « { $value } » : un numéro de téléphone saisi comme nombre ; il est importé tel quel, mais le tableur a pu en ôter un 0 initial : vérifiez-le
# Partie f14f : ce que l'import signale en plus (cinquième revue).
sheetimport-f14f-transfers-left = « { $value } » : aucun de ces transferts n'est importé ; les transferts de ce responsable de traitement restent { $kept }, et non « aucun »
sheetimport-f14f-transfer-copy = { $value } : copie, sur { $rows ->
    [one] cette ligne
   *[other] { $rows } lignes de cette feuille
  }, des transferts de la ligne { $first }, qui sont retenus ; c'est là qu'ils se modifient
sheetimport-f14f-renewal-not-date = « { $value } » : « { $date } » n'est pas une date (aaaa-mm-jj ou jj/mm/aaaa) ; ce renouvellement n'est pas importé, les autres le sont
sheetimport-f14g-mark-inside = « { $value } » : la marque « (à confirmer) » n'est pas écrite comme dpo l'écrit (entre parenthèses, à la fin de la ligne) ; elle est lue comme telle : le champ reste à confirmer et sa valeur est importée sans la marque : « { $kept } »
sheetimport-f14g-repeat-merged = « { $value } » est nommé deux fois dans cette cellule ; il est importé une fois
# Partie f14h : une année jamais devinée (sixième revue).
sheetimport-f14h-short-year = « { $value } » : l'année « { $year } » est écrite en deux chiffres et n'est pas devinée ; écrivez-la en entier (par exemple 2021)
sheetimport-f14h-too-early = « { $value } » : une date avant 1900 n'est pas une date de ce registre ; vérifiez l'année
sheetimport-f14h-renewal-short-year = « { $value } » : « { $date } » : l'année « { $year } » est écrite en deux chiffres et n'est pas devinée ; écrivez-la en entier (par exemple 2021) ; ce renouvellement n'est pas importé, les autres le sont
sheetimport-f14h-renewal-too-early = « { $value } » : « { $date } » : une date avant 1900 n'est pas une date de ce registre ; ce renouvellement n'est pas importé, les autres le sont
sheetimport-f14i-measure-list = « { $value } » : une seule mesure est importée, titrée ainsi, bien qu'un « ; », une « , », une tabulation ou plusieurs espaces y séparent ce qui ressemble à deux mesures ; s'il y en a deux, mettez-en une par ligne
sheetimport-f14i-measure-merged = « { $value } » : même mesure, à la casse et aux espaces près, que « { $kept } » (ligne { $first }) ; c'est une seule mesure, titrée « { $kept } »
sheetimport-f14i-measure-id-made = « { $value } » : l'identifiant « { $base } » est déjà celui d'une autre mesure ; celle-ci est importée avec l'identifiant « { $id } »
sheetimport-f14i-no-key-column = la colonne « clé » de la feuille « { $value } » a disparu ; chaque ligne est reconnue à sa rubrique (colonne A), telle que l'export l'écrit
sheetimport-f14i-unknown-label = « { $value } » : sans la colonne « clé », la ligne est reconnue à sa rubrique (colonne A), et celle-ci n'est celle d'aucun champ du sous-traitant ; la valeur n'est pas importée (redonnez à la rubrique son texte d'origine)
sheetimport-f14i-safeguards-unread = « { $value } » : les garanties d'un transfert non importé (voir la colonne des transferts) ne sont pas importées non plus
# Partie f14k : ce qu'une cellule de contact ou de transferts ne peut tenir (septième revue).
sheetimport-f14k-contact-email = « { $value } » : un contact n'a qu'une adresse électronique ; « { $kept } » est importée, { $n ->
    [one] celle-ci ne l'est pas
   *[other] ces { $n } autres ne le sont pas
  }
sheetimport-f14k-contact-phone = « { $value } » : un contact n'a qu'un numéro de téléphone ; « { $kept } » est importé, { $n ->
    [one] celui-ci ne l'est pas
   *[other] ces { $n } autres ne le sont pas
  }
sheetimport-f14k-none-line = « { $value } » : cette ligne dit qu'il n'y a pas de transfert, à côté d'autres lignes de la même cellule ; elle n'est pas importée, et chaque autre ligne est lue comme un transfert

# Partie f14j : « à compléter » parmi d'autres mots, les mots pour « aucun transfert », les noms à la casse près (septième revue).
sheetimport-f14j-none-contradicted = « { $value } » : ce pays dit qu'il n'y a aucun transfert, mais la ligne en indique un (« { $other } ») ; ni l'un ni l'autre n'est importé : les transferts de ce responsable restent { $kept }
sheetimport-f14j-no-recipient = « { $value } » : un transfert sans destinataire ; il est importé, son destinataire à compléter
sheetimport-f14j-name-case = « { $value } » : trouvé dans la feuille « { $sheet } » à la casse et aux accents près, sous le nom « { $kept } » ; c'est ce nom qui est gardé
# Partie f14l : deux transferts sur une ligne (huitième revue).
sheetimport-f14l-transfer-list = « { $value } » : un seul transfert est importé, vers « { $country } », tel qu'il est écrit, bien qu'un « { $sep } » y sépare ce qui ressemble à deux transferts ; s'il y en a deux, mettez-en un par ligne
# Partie f14n : une cellule de contact, un transfert qui se dit « aucun » (huitième revue).
sheetimport-f14n-contact-line = « { $value } » : un contact n'a qu'un nom ; « { $kept } » (la première ligne) est importé, cette ligne ne l'est pas (ni comme nom, ni comme fonction, ni comme adresse)
sheetimport-f14n-contact-number = « { $value } » : cette ligne porte un numéro mais n'est ni un téléphone seul ni une adresse électronique ; elle n'est pas prise pour le nom et n'est pas importée
sheetimport-f14n-contact-fax = « { $value } » : un numéro de fax n'est pas le téléphone du contact ; il n'est pas importé
sheetimport-f14n-recipient-none = « { $value } » : le destinataire dit qu'il n'y a pas de transfert, mais un pays est donné ; cette ligne se contredit et n'est pas importée, à compléter
# Partie f14m : « à compléter » sans perdre de faits, transferts de la disposition propre, contrôle (huitième revue).
sheetimport-f14m-todo-line = « { $value } » : une ligne de cette cellule ne dit qu'une valeur encore à donner (« à compléter », « ? », « TBD », « en attente »…) ; elle n'est pas importée, les autres lignes le sont
sheetimport-f14m-todo-kept = « { $value } » : contient les mots « à compléter » ; importé tel quel ; `dpo check` le signale tant qu'il y est
sheetimport-f14m-no-country = « { $value } » : un transfert sans pays ; il est importé, son pays à compléter
sheetimport-f14m-country-list = « { $value } » : un seul transfert est importé, vers ce pays tel qu'il est écrit, bien qu'un « { $sep } » y sépare ce qui ressemble à deux pays ; s'il y en a deux, mettez-en un par ligne, dans chaque colonne des transferts
sheetimport-f14m-none-recipient = « { $value } » : ce destinataire dit qu'il n'y en a aucun, mais la ligne indique un pays (« { $country } ») ; ni l'un ni l'autre n'est importé : les transferts de ce responsable restent { $kept }
sheetimport-f14m-none-unclear = « { $value } » : ce pays commence par une négation sans dire clairement qu'il n'y a aucun transfert, et rien d'autre n'est indiqué sur la ligne ; il n'est pas importé : les transferts de ce responsable restent { $kept } (écrivez « aucun » s'il n'y en a pas)
check-f14m-transfer-empty = un transfert sans { $field ->
    [country] pays
   *[recipient] destinataire
  } : à compléter ; { $shown ->
    [empty] le registre le montrerait vide
   *[other] le registre montrerait « { $shown } » là où il doit dire un fait
  }
check-f14m-phone = « { $value } » : ce n'est pas un numéro de téléphone ({ $why ->
    [at] il contient une adresse électronique
    [letters] il contient des lettres
   *[digits] plus de 15 chiffres : sans doute deux numéros
  }) ; indiquez un seul numéro
# Partie f14o : neuvième revue.
sheetimport-f14o-contact-none = « { $value } » se lit comme « aucun » : ce n'est pas un nom, il n'est pas importé ; le champ reste « à compléter » (le registre ne peut pas dire qu'il n'y en a pas)
sheetimport-f14s-invisible = « { $value } » : { $n ->
    [one] un caractère qui ne se voit pas ({ $codes }) est retiré
   *[other] { $n } caractères qui ne se voient pas ({ $codes }) sont retirés
  } de cette cellule, qui est importée sans { $n ->
    [one] lui
   *[other] eux
  } : la valeur importée est celle qui se lit
check-f14s-invisible = « { $value } » : { $n ->
    [one] ce texte contient un caractère qui ne se voit pas
   *[other] ce texte contient { $n } caractères qui ne se voient pas
  } ({ $codes }) ; un nom qui en contient ressemble à un autre nom, ou à aucun, et une adresse qui en contient ne reçoit rien
# Partie f14q : la cellule des transferts de la disposition de l'autorité (dixième revue).
sheetimport-f14q-label-line = « { $value } » : « { $label } » est { $kind ->
    [digit] un intitulé ou un renvoi (il porte un chiffre)
   *[label] un intitulé
  }, pas un pays ; cette ligne n'est pas un transfert et n'est pas importée
sheetimport-f14q-form-pair = « { $value } » : ces deux lignes sont lues comme un seul transfert, vers « { $country } », destinataire « { $recipient } » ; vérifiez-le
sheetimport-f14q-contact-obfuscated = « { $value } » : ressemble à une adresse électronique écrite sans « @ » ; elle n'est pas importée (écrivez-la avec « @ »)
# Partie f14r : dixième revue, lignes des transferts.
sheetimport-f14r-no-country-recipient = « { $value } » : un transfert sans pays ni destinataire ; il est importé, son pays et son destinataire à compléter
sheetimport-f14r-one-line = « { $value } » : une ligne pour { $transfers } transferts ; elle est importée pour le premier ({ $first }), les autres restent à compléter
sheetimport-f14t-safeguards-todo = « { $value } » : { $lines } lignes de garanties, dont une « à compléter », pour { $transfers } transferts ; on ne sait pas à quel transfert chacune revient : elles ne sont pas importées, à compléter (une ligne par transfert, dans l'ordre des transferts)
# Partie f14u : onzième revue.
sheetimport-f14u-no-country = « { $value } » : { $todo ->
    [yes] le pays de ce transfert est à compléter
   *[no] « { $country } » n'est pas un pays connu (ni un intitulé reconnu)
  } ; cette ligne n'est pas importée comme transfert, à compléter (écrivez « pays : destinataire », par exemple « États-Unis : Microsoft »)
sheetimport-f14u-form-half = « { $value } » : { $half ->
    [recipient] un destinataire sans ligne « Pays : … » au-dessus ou au-dessous
   *[country] un pays sans ligne « Destinataire : … » au-dessous ou au-dessus
  } ; cette ligne n'est pas importée comme transfert, à compléter (écrivez « pays : destinataire », par exemple « États-Unis : Microsoft »)
sheetimport-f14u-own-country = « { $value } » n'est pas un pays connu ; il est importé tel quel comme pays de ce transfert : vérifiez-le (un seul pays par ligne, sans intitulé, par exemple « États-Unis »)
sheetimport-f14u-mark-only = « { $value } » : cette ligne n'est que la marque « à confirmer » ; elle n'est pas importée comme valeur, le champ est marqué à confirmer
sheetimport-f14u-mark-only-category = « { $value } » : cette cellule n'est que la marque « à confirmer » ; la catégorie n'a pas de nom et cette ligne n'est pas importée
check-f14u-doubt-name = « { $value } » : ce texte se termine par une marque de doute ; une feuille de calcul exportée puis importée la lit comme la marque « à confirmer » et l'ôte du texte : écrivez le texte sans elle et, s'il est à confirmer, ajoutez ce champ à « to_confirm »
sheetimport-f14u-own-mark-words = « { $value } » : { $only ->
    [yes] cette ligne n'est que les mots de la marque « à confirmer »
   *[no] contient les mots de la marque « à confirmer » parmi d'autres
  } ; importé tel quel, le champ n'est pas marqué à confirmer (la marque s'écrit « (à confirmer) » à la fin de la valeur) : vérifiez-le
sheetimport-f14u-category-id-made = « { $value } » : l'identifiant « { $base } » est déjà celui d'une autre catégorie de ce responsable (un nom qui ne diffère que par les accents, la casse ou la ponctuation ?) ; celle-ci est importée avec l'identifiant « { $id } » : vérifiez que ce ne sont pas les mêmes
# Partie f14v : quatorzième revue.
sheetimport-f14v-contact-mixed = « { $value } » : cette ligne tient une adresse électronique parmi d'autres mots ; l'adresse « { $mail } » en est tirée, le reste de la ligne n'est pas importé (une ligne par nom, téléphone et adresse)
sheetimport-f14v-mapping-twin = « { $value } » et « { $other } » sont un même en-tête (la casse et les espaces ne comptent pas) associé à deux champs différents ; gardez-en un
sheetimport-f14v-bad-email = « { $value } » : ce n'est pas une adresse électronique (une seule adresse, de la forme nom@domaine.fr) ; importé tel quel, « dpo check » le refuse : corrigez-le
sheetimport-f14v-name-spaces = « { $value } » : un nom de responsable s'écrit sur une ligne, à espaces simples ; il est importé ainsi : « { $kept } »
sheetimport-f14v-merged-across = « { $value } » : cellule fusionnée sur les colonnes { $first } à { $last } ; sa valeur est lue dans la colonne { $first } seulement, les autres colonnes de la fusion sont lues vides (une valeur par colonne : défusionnez pour les remplir)
sheetimport-f14v-fact-mark-only = « { $value } » : cette cellule n'est que la marque « à confirmer », que ce champ ne peut pas porter dans le fichier ; rien n'est importé, le champ reste à compléter
sheetimport-f14v-contact-mark = « { $value } » : cette ligne n'est que la marque « à confirmer », qu'un contact ne peut pas porter dans le fichier ; elle n'est pas importée (ni comme nom) : à confirmer par vous
sheetimport-f14v-boolean = « { $value } » : une case VRAI/FAUX (un booléen, que le tableur affiche « VRAI » ou « FAUX ») ; elle est lue comme le texte « { $value } » : vérifiez la valeur
sheetimport-f14v-date-in-text = « { $value } » : une cellule de date ou d'heure dans un champ de texte (une référence que le tableur a prise pour une date ?) ; elle est importée comme le texte « { $value } » (la date écrite AAAA-MM-JJ, l'heure HH:MM:SS), quel que soit son affichage dans le tableur : vérifiez-la
sheetimport-f14v-hidden = « { $value } » : valeur cachée sous une cellule fusionnée (le tableur n'affiche que la première cellule de la fusion) ; elle n'est pas importée : défusionnez pour la voir et la garder
sheetimport-f14w-error = « { $value } » : une valeur d'erreur du tableur (une formule qui n'a pas abouti) ; elle n'est pas importée : corrigez la formule ou écrivez la valeur
sheetimport-f14w-header-down = « { $value } » : l'en-tête (ligne { $header }) fusionné vers le bas sur cette cellule de données ; la cellule est lue vide
sheetimport-f14w-header-row = cette ligne n'est que l'en-tête (ligne { $header }) fusionné vers le bas ; elle est lue vide
sheetimport-f14w-escaped = « { $value } » : lu comme l'écrit l'export : « \n » est un saut de ligne dans un élément et « \\ » une barre oblique inverse ; pour garder une barre oblique inverse telle quelle, doublez-la
sheetimport-f14w-controller-id-made = « { $value } » : l'identifiant « { $base } » est déjà celui du responsable « { $first } » (un nom qui ne diffère que par les accents, les apostrophes ou la ponctuation ?) ; celui-ci est importé à part, avec l'identifiant « { $id } » : vérifiez que ce ne sont pas les mêmes
sheetimport-f14w-hidden-row = cette ligne est masquée dans le tableur ; elle est lue comme les autres : vérifiez qu'elle doit l'être
sheetimport-f14w-hidden-column = la colonne { $column } est masquée dans le tableur ; elle est lue comme les autres : vérifiez qu'elle doit l'être
sheetimport-f14w-fewer-lines = « { $value } » : { $lines } lignes pour { $transfers } transferts ; elles sont lues dans l'ordre des transferts, les derniers restent à compléter
sheetimport-f14w-transfer-again = « { $value } » : le même pays et le même destinataire qu'un transfert de la ligne { $first }, écrit ou garanti autrement ; les deux sont importés : vérifiez s'il s'agit du même transfert
sheetimport-f14x-mark-only-transfer = « { $value } » : cette ligne n'est que la marque « à confirmer » ; elle n'est pas importée comme valeur, elle marque à confirmer les garanties du transfert « { $transfer } », qui restent à compléter
sheetimport-f14x-mark-only-each = « { $value } » : cette ligne n'est que la marque « à confirmer » ; elle n'est pas importée comme valeur, elle marque à confirmer les garanties { $n ->
    [one] du transfert « { $transfer } »
   *[other] de chacun des { $n } transferts de la ligne
  }{ $has ->
    [yes]  : « { $kept } »
   *[other] , qui restent à compléter
  }
sheetimport-f14x-note = note de la cellule : « { $value } » ; les notes ne sont pas importées : reportez ce qu'elle dit dans un champ s'il le faut
sheetimport-f14y-untyped = « { $value } » : une cellule de texte sans type de valeur (un fichier écrit par un autre programme que le tableur) ; elle est lue comme ce texte : vérifiez la valeur
sheetimport-f14y-controller-id-twice = « { $value } » : cet identifiant est déjà celui du responsable de la ligne { $row } ; leurs deux fichiers porteraient le même nom et l'un effacerait l'autre : celui-ci est importé à part, avec l'identifiant « { $id } » (sans les catégories de traitements, qui vont au premier) : vérifiez que ce ne sont pas les mêmes (une ligne copiée ?)
sheetimport-f14y-controller-same-name = « { $value } » : le même nom que le responsable « { $first } » de la ligne { $row } (à la casse, aux accents ou à la ponctuation près) ; les deux sont importés à part : vérifiez que ce ne sont pas les mêmes
sheetimport-f14y-none-beside-todo = « { $value } » : une ligne dit qu'il n'y a aucun transfert, une autre que la valeur reste à donner (« ? », « à compléter ») ; ni l'une ni l'autre n'est importée : les transferts de ce responsable restent à compléter
sheetimport-f14y-merged-down-field = « { $value } » : cellule fusionnée sur les lignes { $first } à { $last } ; dans cette feuille chaque ligne est un autre champ : sa valeur est lue à la ligne { $first } seulement, les champs des lignes suivantes sont lus vides (défusionnez pour les remplir)
sheetimport-f14y-row-controller-blank = « { $value } » : cette ligne ne dit pas de quel responsable elle est (son identifiant est vide) ; la catégorie est importée pour le responsable de la feuille, « { $id } » : vérifiez-le
sheetimport-f14y-record-id-twice = « { $value } » : cet identifiant est déjà celui de la ligne { $row } ; cet enregistrement est importé à part, avec l'identifiant « { $id } », et les catégories qui le nomment par son nom le retrouvent ; celles qui écrivent « { $value } » désignent la ligne { $row } : vérifiez-les
sheetimport-f14z-renewal-joined = « { $value } » : cette ligne semble donner deux reconductions (une date et un nombre de mois suivent la première) ; écrivez une reconduction par ligne : cette ligne n'est pas importée, les autres le sont
sheetimport-f14z-renewals-todo = « { $value } » : les reconductions décidées ne peuvent pas rester à compléter ; aucune n'est importée, et la fin de la convention est calculée comme si aucune n'avait été décidée : indiquez-les, une par ligne (date, mois, référence), ou videz la cellule s'il n'y en a aucune
sheetimport-f14z-sheet-two-controllers = « { $value } » : aucune ligne ne donne l'identifiant du responsable de traitement, et ce nom désigne « { $column } » quand le nom de la feuille désigne « { $title } » ; les catégories de cette feuille ne sont pas importées (chacune est nommée à sa ligne) : indiquez l'identifiant du responsable sur chaque ligne
sheetimport-f14z-category-no-controller = « { $value } » : cette catégorie n'est pas importée, la feuille ne disant pas de quel responsable de traitement elle est
sheetimport-f14z-edition-not-carried = « { $value } » : l'édition du registre n'est pas reprise, car elle compte les registres émis par un espace de travail ; le prochain registre de ce nouvel espace sera l'édition 1
sheetimport-f14z-made-id-typed = « { $value } » : aucune ligne du fichier n'a cet identifiant ; l'import l'a donné à la ligne { $row } de la feuille « { $sheet } », dont l'identifiant était déjà pris, et c'est cet enregistrement qui est retenu : vérifiez-le
sheetimport-f14z-row-controller-unknown = « { $value } » : aucun responsable de traitement n'a cet identifiant (la feuille est celle de « { $id } ») ; cette ligne n'est pas importée : corrigez l'identifiant
sheetimport-f14z-names-joined = « { $value } » : lu comme { $count } noms séparés par « ; » (ce registre en attend un par ligne) : vérifiez-les
sheetimport-f14z-list-none-beside-todo = « { $value } » : une ligne dit qu'il n'y en a aucun, une autre que la valeur reste à donner ; ni l'une ni l'autre n'est importée : la liste reste à compléter
sheetimport-f14z-list-none-unclear = « { $value } » : cette valeur ne nomme aucun élément sans dire clairement qu'il n'y en a aucun ; elle n'est pas importée et la liste reste à compléter : écrivez « aucun » s'il n'y en a aucun, ou les éléments, un par ligne
sheetimport-f14z-list-none-among = « { $value } » : « { $none } » ne nomme aucun élément (il dit qu'il n'y en a aucun, ou pas encore) quand les autres lignes en nomment ; cette ligne n'est pas importée, les autres le sont
sheetimport-f14z-renewal-twice = « { $value } » : la même reconduction (même date, même durée) qu'une ligne au-dessus ; elle n'est comptée qu'une fois, cette ligne n'est pas importée
sheetimport-f14z-struck = « { $value } » : ce texte est barré dans le fichier ; il est importé comme le reste : s'il ne vaut plus, retirez-le
sheetimport-f14z-link = « { $value } » : cette cellule porte un lien vers « { $target } », qui n'est pas importé (son texte l'est) : si ce lien donne une valeur, une adresse par exemple, saisissez-la dans sa colonne
sheetimport-f14z-struck-rule = une règle de mise en forme conditionnelle peut barrer le texte des cellules { $range } ({ $count ->
    [one] une cellule remplie
   *[other] { $count } cellules remplies
  }) selon ce qu'elles contiennent ; dpo n'évalue pas ces règles : leurs valeurs sont importées comme les autres : si une valeur barrée ne vaut plus, retirez-la
sheetimport-f14z-struck-header = « { $value } » : cet en-tête de colonne est barré dans le fichier ; la colonne est lue comme les autres : si elle ne vaut plus, videz-la
sheetimport-f14z-data-list = « { $value } » : une seule valeur est importée, telle qu'elle est écrite, bien qu'un « ; », une « , », une tabulation ou plusieurs espaces y séparent ce qui ressemble à deux valeurs ; s'il y en a deux, mettez-en une par ligne
sheetimport-tab-sign = ⇥ (tabulation)
sheetimport-spaces-sign = ␣␣␣ (plusieurs espaces)
sheetimport-f14z-number-shown = « { $value } » : ce nombre est affiché { $shown } dans le tableur ; il est importé comme « { $value } » (un 0 initial, un pourcentage, un texte autour du nombre ne sont pas repris) : vérifiez-le
sheetimport-shown-format = selon le format « { $code } »
sheetimport-shown-text = « { $text } »
sheetimport-f14z-extra-column-value = « { $value } » : valeur de la colonne « { $header } », qui n'est pas une colonne du registre de dpo ; elle n'est pas importée
