# bag: see src/render/catalog.rs. One catalog, kept in files by subject.
# `dpo fate verify-bag`: the BagIt validator (src/bagit/) and the two verdicts (src/fate/bag.rs).

## A problem found in a bag: path, kind, what exactly.
bag-problem = { $path } : { $kind } : { $detail }
bag-kind-missing = manquant
bag-kind-extra = en trop
bag-kind-changed = modifié
bag-kind-malformed = mal formé
bag-kind-unreadable = illisible
bag-kind-unsupported = non pris en charge
bag-kind-oxum-mismatch = Payload-Oxum faux
bag-kind-warning = avertissement

bag-fault-no-declaration = la déclaration du paquet est obligatoire
bag-fault-byte-order-mark = commence par une marque d'ordre des octets (BOM), que la RFC 8493 interdit
bag-fault-not-text = pas du texte { $encoding } valide
bag-fault-line = ligne { $line } : { $reason }
bag-fault-declaration-fields = doit contenir exactement `BagIt-Version` puis `Tag-File-Character-Encoding`
bag-fault-bad-version = BagIt-Version `{ $version }` n'est pas un numéro de version (M.N)
bag-fault-unknown-version = BagIt-Version { $version } n'est pas une version que ce validateur connaît (0.93 à 1.0)
bag-fault-unknown-encoding = Tag-File-Character-Encoding `{ $encoding }` n'est pas un codage que ce validateur sait lire
bag-fault-unreadable = { $error }
bag-fault-no-payload-manifest = un paquet a besoin d'au moins un manifeste des données
bag-fault-unchecked-algorithm = { $algorithm } n'est pas un algorithme que ce validateur connaît : ses empreintes n'ont pas été vérifiées
bag-fault-weak-algorithm = { $algorithm } est un algorithme faible : ses empreintes montrent une altération accidentelle, pas une modification délibérée (on sait fabriquer des collisions)
bag-fault-not-utf8-name = le nom n'est pas en UTF-8 valide, aucun manifeste ne peut donc le lister
bag-fault-symlink = un lien symbolique dans les données, où seuls des fichiers ordinaires ont leur place
bag-fault-special = un socket, une FIFO ou un périphérique dans les données, où seuls des fichiers ordinaires ont leur place
bag-fault-tag-file-link = un lien symbolique, ou un fichier atteint par un lien qui sort du paquet, là où doit se trouver un fichier d'étiquettes du paquet
bag-fault-no-payload-folder = le dossier des données (data/) est absent
bag-fault-not-in-payload = listé dans { $manifest } mais absent des données
bag-fault-not-listed = présent dans les données mais pas listé dans { $manifest }
bag-fault-not-in-bag = listé dans { $manifest } mais absent du paquet
bag-fault-unprotected = ne liste pas { $manifest } et ne protège donc pas les empreintes des données
bag-fault-digest = { $manifest } indique { $expected }, le fichier a pour empreinte { $found }
bag-fault-listed-twice = listé plusieurs fois dans { $manifest }, avec des empreintes différentes
bag-fault-listed-twice-same = listé plusieurs fois dans { $manifest }, avec la même empreinte
bag-fault-binary-marker = chemins écrits `*data/…`, comme le font les outils md5sum en mode binaire
bag-fault-dot-slash = chemins écrits `./data/…`
bag-fault-oxum-syntax = Payload-Oxum `{ $oxum }` n'est pas de la forme `octets.fichiers`
bag-fault-oxum = Payload-Oxum indique { $oxum }, les données font { $found }
bag-fault-oxum-twice = Payload-Oxum figure plus d'une fois
bag-line-no-separator = attendu : une empreinte, un blanc et un chemin
bag-line-bad-digest = l'empreinte n'est pas une empreinte hexadécimale de la bonne longueur
bag-line-not-relative = le chemin `{ $path }` n'est pas un simple chemin relatif à l'intérieur du paquet
bag-line-outside-data = le chemin `{ $path }` est hors de data/
bag-line-payload-in-tag-manifest = un manifeste des étiquettes liste le fichier de données `{ $path }`
bag-line-fetch-fields = attendu : `URL LONGUEUR FICHIER` (LONGUEUR un nombre ou -)
bag-line-fetch-url = `{ $url }` n'est pas une URL
bag-tag-continuation = une ligne de continuation sans champ avant elle
bag-tag-no-colon = attendu : `Libellé: valeur`
bag-tag-bad-label = le libellé `{ $label }` est vide ou finit par un blanc

## Errors that stop a bag from being written or examined.
bag-err-info-field = impossible d'écrire le champ `{ $label }` de bag-info.txt : { $reason }
bag-err-source = impossible de lire les métadonnées de la source `{ $path }`
bag-err-list-source = { $error }
bag-err-output-not-empty = la sortie `{ $path }` existe et n'est pas un dossier vide
bag-err-output-not-empty-hint = donnez un dossier nouveau ou vide ; un paquet n'est jamais écrit par-dessus quoi que ce soit
bag-err-output-inside-source = la sortie `{ $out }` est à l'intérieur de la source `{ $from }`
bag-err-output-inside-source-hint = écrivez le paquet hors du dossier mis en paquet
bag-err-create-folder = impossible de créer le dossier `{ $path }`
bag-err-not-regular-files = la source contient des entrées qui ne sont pas des fichiers ordinaires, qu'un paquet ne peut pas transporter :{ $paths }
bag-err-not-regular-files-hint = remplacez chaque lien par le fichier qu'il désigne, ou sortez-le de la source
bag-err-non-utf8-names = la source contient des noms de fichiers qui ne sont pas en UTF-8 valide, qu'un manifeste BagIt (UTF-8) ne peut pas lister :{ $paths }
bag-err-non-utf8-names-hint = renommez-les, par exemple avec `convmv -f latin1 -t utf8 --notest -r`
bag-err-copy-read = impossible de lire `{ $path }`
bag-err-copy-write = impossible d'écrire `{ $path }`
bag-err-write-tag-file = impossible d'écrire le fichier d'étiquettes `{ $path }`
bag-err-open-bag = impossible d'ouvrir le paquet `{ $path }`
bag-err-not-a-folder = `{ $path }` n'est pas un dossier, donc pas un paquet
bag-err-list-payload = impossible de lister les données du paquet `{ $path }`

## The two verdicts of `dpo fate verify-bag`.
bag-verdict-valid = paquet { $dir } : complet et valide, { $files ->
    [0] aucun fichier vérifié
    [one] un fichier vérifié
   *[other] { $files } fichiers vérifiés
  } avec { $algorithms }
bag-verdict-incomplete = paquet { $dir } : valide mais incomplet : { $n ->
    [one] un fichier listé dans fetch.txt n'est pas récupéré
   *[other] { $n } fichiers listés dans fetch.txt ne sont pas récupérés
  }
bag-not-fetched = { $path } : non récupéré (fetch.txt : { $url })
bag-verdict-invalid = le paquet { $dir } NE se vérifie PAS : { $n ->
    [one] un problème
   *[other] { $n } problèmes
  }
bag-signature-good = signature : bonne, manifeste des étiquettes signé par { $principal } (clé { $key })
bag-signature-unsigned = signature : aucune, le paquet n'est pas signé (pas de tagmanifest-sha256.txt.sig)
bag-signature-no-keys = signature : non vérifiée, il n'y a pas de clés pour la vérifier (pas de { $file })
bag-signature-bad = signature : MAUVAISE, { $reason }
bag-sig-no-tagmanifest = il y a une signature mais pas de tagmanifest-sha256.txt qu'elle couvrirait
bag-sig-malformed = le fichier de signature n'est pas une signature SSH valide : { $message }
bag-sig-wrong-namespace = la signature a été faite pour l'espace de noms `{ $found }`, pas `{ $expected }` : elle a été faite pour un autre usage
bag-sig-unknown-key = la clé de signature { $fingerprint } n'est pas dans le fichier des signataires autorisés
bag-sig-wrong-principal = la clé de signature { $fingerprint } n'est pas autorisée pour `{ $identity }` (elle l'est pour { $principals })
bag-sig-not-allowed = la clé de signature { $fingerprint } est listée, mais pas pour cette signature : { $detail }
bag-sig-mismatch = la signature ne correspond pas au manifeste des étiquettes : il a été modifié après avoir été signé, ou la signature est celle d'un autre paquet
bag-accepted-unsigned = accepté sans signature (--unsigned-ok) : le contenu du paquet n'est garanti que par ses manifestes
bag-signature-required = ce paquet a été fait par dpo ({ $file } le consigne) : sa signature est exigée, même avec --unsigned-ok
bag-refused-unsigned = le paquet n'est pas accepté sans une signature vérifiée avec { $file }
bag-refused-unsigned-hint = un paquet fait par un autre outil BagIt n'est jamais signé par dpo : `--unsigned-ok` l'accepte sur le seul verdict du paquet
