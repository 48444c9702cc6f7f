# scan: see src/render/catalog.rs. One catalog, kept in files by subject.
scan-hashdeep = manifeste hashdeep (tailles et empreintes) : { $file } (SHA-256 { $sha256 })
next-scan-hashdeep-audit = ou auditez un dossier avec un outil courant : hashdeep -r -a -k '{ $file }' DOSSIER
scan-hashed = { $hashed ->
    [0] aucun fichier lu
    [one] un seul fichier lu
   *[other] { $hashed } fichiers lus
} : les autres n'ont la taille d'aucun fichier de l'empreinte
