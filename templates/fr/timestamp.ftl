# timestamp : horodatages RFC 3161 (`dpo timestamp`, issue 12), en français.

## Refus et erreurs
timestamp-err-read = impossible de lire `{ $path }`
timestamp-err-not-tsq = `{ $path }` n'est pas une requête d'horodatage RFC 3161 (.tsq) : { $why }
timestamp-err-not-tsr = `{ $path }` n'est pas une réponse d'horodatage RFC 3161 (.tsr) : { $why }
timestamp-err-bad-ca = `{ $path }` ne contient aucun certificat PEM lisible : { $why }
timestamp-err-tsa = l'autorité d'horodatage { $url } n'a pas répondu : { $why }
timestamp-err-tsa-hint = la requête est gardée ; relancez la même commande plus tard, ou obtenez la réponse ailleurs et reprenez-la avec `dpo timestamp --import FICHIER.tsr`
timestamp-refused = `{ $path }` ne se vérifie pas : { $why }

## Le contrôle qui a échoué
timestamp-why-not-granted = l'autorité d'horodatage n'a pas accordé la requête ({ $status })
timestamp-why-other-file = l'horodatage porte sur un autre fichier : son empreinte n'est pas le SHA-256 du fichier
timestamp-why-nonce = le nonce de la réponse n'est pas celui de la requête
timestamp-why-token = le jeton n'est pas un TSTInfo signé : { $why }
timestamp-why-no-certificate = la réponse ne contient pas le certificat de son signataire
timestamp-why-digest = l'empreinte signée (messageDigest) n'est pas celle du TSTInfo (le jeton a été modifié)
timestamp-why-signature = la signature ne se vérifie pas avec la clé du certificat de l'autorité
timestamp-why-no-eku = le certificat de l'autorité `{ $subject }` n'a pas l'usage étendu timeStamping
timestamp-why-eku-not-critical = l'usage étendu du certificat de l'autorité `{ $subject }` n'est pas critique (RFC 3161 §2.3)
timestamp-why-not-valid-then = le certificat `{ $subject }` n'était pas valide à l'heure de l'horodatage
timestamp-why-no-ca = aucun certificat d'AC d'horodatage de confiance (keys/tsa/*.pem dans l'espace de travail, ou DPO_TSA_CA)
timestamp-why-untrusted = le certificat de l'autorité ne remonte pas à une AC de confiance (émetteur `{ $issuer }`)
timestamp-why-algorithm = algorithme non pris en charge { $algorithm }

## Ce qui a été fait
timestamp-wrote-tsq = { $file } écrit (requête RFC 3161, SHA-256) ; DPO_TSA_URL n'est pas défini, rien n'a été envoyé
timestamp-next-curl = suite : obtenez la réponse avec : { $command }
timestamp-next-import = puis reprenez-la avec : { $command }
timestamp-kept = { $file } gardé : horodaté par l'autorité le { $local } ({ $utc })
timestamp-verified = { $file } : l'horodatage se vérifie (empreinte, nonce, signature, certificat de l'autorité, AC de confiance)
timestamp-verified-time = {"  "}heure de l'horodatage (celle de l'autorité) : { $local } — { $utc }
timestamp-verified-tsa = {"  "}autorité : { $tsa }
timestamp-verified-serial = {"  "}numéro de série : { $serial }

## Les preuves horodatées dès leur écriture (DPO_TSA_URL)
timestamp-auto-done = { $file } horodaté — heure de l'autorité (RFC 3161) : { $local } ({ $utc })
timestamp-auto-waiting = { $file } attend son horodatage (la preuve est gardée) : { $why }
    {"  "}suite : dpo timestamp --pending
timestamp-none-waiting = aucune preuve n'attend d'horodatage
timestamp-pending-no-url = { $count } fichier(s) attendent un horodatage, et DPO_TSA_URL n'est pas défini : donnez-lui l'URL de l'autorité et relancez `dpo timestamp --pending`
timestamp-status-waiting = { $file } attend son horodatage RFC 3161 — `dpo timestamp --pending`

## breach show : les trois heures de chaque message
timestamp-show-heading = Heures des messages envoyés — l'horloge du sous-traitant (quand dpo l'a envoyé), la réponse du serveur SMTP (quand le serveur l'a accepté), l'horodatage de l'autorité (quand une autorité indépendante a vu son SHA-256) :
timestamp-show-line = {"  "}{ $eml } : horloge du sous-traitant { $local } ; serveur SMTP : { $reply }, acceptation à { $local } ; { $tsa }
timestamp-show-tsa = horodatage de l'autorité { $local } ({ $utc })
timestamp-show-waiting = horodatage de l'autorité en attente (`dpo timestamp --pending`)

## Revue de l'issue 12 : preuves jamais remplacées, réponses refusées mises de côté
timestamp-err-already = `{ $path }` est déjà horodaté : son .tsr se vérifie, et une preuve n'est jamais remplacée
timestamp-err-already-hint = voyez-le avec `dpo timestamp verify { $path }`
timestamp-err-url-userinfo = DPO_TSA_URL contient un nom d'utilisateur ou un mot de passe : donnez l'URL de l'autorité sans eux (elle serait affichée et gardée dans l'historique du shell)
timestamp-why-unreadable = elle ne se lit plus comme une réponse d'horodatage (modifiée ou abîmée) : { $why }
timestamp-why-no-ess = le jeton n'a pas l'attribut ESS de certificat signataire (RFC 3161 §2.4.2)
timestamp-why-ess-other = l'attribut ESS de certificat signataire ne désigne pas le certificat de l'autorité qui a signé
timestamp-set-aside = la réponse ne se vérifie pas : déplacée en { $file }, ce n'est pas un horodatage
timestamp-show-not-verified = horodatage de l'autorité qui ne se vérifie pas ({ $why })
status_kind-timestamp-waiting = Pièce en attente de son horodatage RFC 3161 (pas de réponse, ou une réponse qui ne se vérifie pas) : dpo timestamp --pending

## Revue de l'issue 12 (finitions)
timestamp-verified-no-nonce = { $file } : l'horodatage se vérifie (empreinte, signature, certificat de l'autorité, AC de confiance) ; la requête n'avait pas de nonce, aucun nonce n'a donc été vérifié
timestamp-changed-hint = un horodatage ne s'adopte jamais : restaurez `{ $file }` depuis git ou une sauvegarde, ou horodatez de nouveau le fichier avec `dpo timestamp --pending` (la réponse modifiée ne compte plus comme preuve)
timestamp-clock-gap = { $file } : l'heure de l'autorité ({ $tsa }) et l'horloge du sous-traitant ({ $processor }) diffèrent de { $gap }, plus de { $limit } minutes : vérifiez l'horloge du sous-traitant (une requête envoyée plus tard à l'autorité, hors ligne, diffère aussi) ; l'horodatage lui-même se vérifie
