# copies: the scan by sizes and the immutable copies. See src/render/catalog.rs.
scan-hashdeep = manifeste hashdeep (tailles et empreintes) : { $file } (SHA-256 { $sha256 })
next-scan-hashdeep-audit = ou auditez un dossier avec un outil courant : hashdeep -r -a -k '{ $file }' DOSSIER
scan-hashed = { $hashed ->
    [0] aucun fichier lu
    [one] un seul fichier lu
   *[other] { $hashed } fichiers lus
} : les autres n'ont la taille d'aucun fichier de l'empreinte
copies-immutable = protégée contre l'effacement jusqu'au { $until } inclus, destructible à partir du { $from }
status_kind-fate-immutable = Copie protégée contre l'effacement (sauvegarde immuable) : sa destruction n'est possible qu'une fois sa protection échue
status-fate-immutable = copie `{ $copy }` de l'élément `{ $item }` : { $line }
copies-destroy-no-operator = --operator est vide : un procès-verbal de destruction nomme l'opérateur (NIST SP 800-88)
