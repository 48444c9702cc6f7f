# scan: see src/render/catalog.rs. One catalog, kept in files by subject.
scan-hashdeep = hashdeep manifest (sizes and hashes): { $file } (SHA-256 { $sha256 })
next-scan-hashdeep-audit = or audit a folder with a stock tool: hashdeep -r -a -k '{ $file }' FOLDER
scan-hashed = { $hashed ->
    [0] no file read
    [one] only one file read
   *[other] { $hashed } files read
}: the others have the size of no fingerprinted file
