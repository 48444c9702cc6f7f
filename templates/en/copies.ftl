# copies: the scan by sizes and the immutable copies. See src/render/catalog.rs.
scan-hashdeep = hashdeep manifest (sizes and hashes): { $file } (SHA-256 { $sha256 })
next-scan-hashdeep-audit = or audit a folder with a stock tool: hashdeep -r -a -k '{ $file }' FOLDER
scan-hashed = { $hashed ->
    [0] no file read
    [one] only one file read
   *[other] { $hashed } files read
}: the others have the size of no fingerprinted file
copies-immutable = protected from deletion until { $until } inclusive, can be destroyed from { $from }
status_kind-fate-immutable = Copy protected from deletion (immutable backup): it can only be destroyed once its protection has expired
status-fate-immutable = copy `{ $copy }` of item `{ $item }`: { $line }
copies-destroy-no-operator = --operator is empty: a destruction record names the operator (NIST SP 800-88)
