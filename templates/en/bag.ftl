# bag: see src/render/catalog.rs. One catalog, kept in files by subject.
# `dpo fate verify-bag`: the BagIt validator (src/bagit/) and the two verdicts (src/fate/bag.rs).

## A problem found in a bag: path, kind, what exactly.
bag-problem = { $path }: { $kind }: { $detail }
bag-kind-missing = missing
bag-kind-extra = extra
bag-kind-changed = changed
bag-kind-malformed = malformed
bag-kind-unreadable = unreadable
bag-kind-unsupported = unsupported
bag-kind-oxum-mismatch = payload-oxum mismatch
bag-kind-warning = warning

bag-fault-no-declaration = the bag declaration is required
bag-fault-byte-order-mark = starts with a byte-order mark, which RFC 8493 forbids
bag-fault-not-text = not valid { $encoding } text
bag-fault-line = line { $line }: { $reason }
bag-fault-declaration-fields = must hold exactly `BagIt-Version` then `Tag-File-Character-Encoding`
bag-fault-bad-version = BagIt-Version `{ $version }` is not a version number (M.N)
bag-fault-unknown-version = BagIt-Version { $version } is not one this validator knows (0.93 to 1.0)
bag-fault-unknown-encoding = Tag-File-Character-Encoding `{ $encoding }` is not an encoding this validator can read
bag-fault-unreadable = { $error }
bag-fault-no-payload-manifest = a bag needs at least one payload manifest
bag-fault-unchecked-algorithm = { $algorithm } is not an algorithm this validator knows: its digests were not checked
bag-fault-weak-algorithm = { $algorithm } is a weak algorithm: its digests show accidental damage, not a deliberate change (collisions can be made)
bag-fault-not-utf8-name = the name is not valid UTF-8, so no manifest can list it
bag-fault-symlink = a symbolic link in the payload, where only regular files belong
bag-fault-special = a socket, FIFO or device in the payload, where only regular files belong
bag-fault-tag-file-link = a symbolic link, or a file reached through one that leads out of the bag, where a tag file of the bag belongs
bag-fault-no-payload-folder = the payload folder is not there
bag-fault-not-in-payload = listed in { $manifest } but not in the payload
bag-fault-not-listed = in the payload but not listed in { $manifest }
bag-fault-not-in-bag = listed in { $manifest } but not in the bag
bag-fault-unprotected = does not list { $manifest }, so it does not protect the payload digests
bag-fault-digest = { $manifest } says { $expected }, the file hashes to { $found }
bag-fault-listed-twice = listed more than once in { $manifest }, with different digests
bag-fault-listed-twice-same = listed more than once in { $manifest }, with the same digest
bag-fault-binary-marker = paths written `*data/…`, as md5sum tools do in binary mode
bag-fault-dot-slash = paths written `./data/…`
bag-fault-oxum-syntax = Payload-Oxum `{ $oxum }` is not `octets.files`
bag-fault-oxum = Payload-Oxum says { $oxum }, the payload holds { $found }
bag-fault-oxum-twice = Payload-Oxum appears more than once
bag-line-no-separator = expected a digest, whitespace and a path
bag-line-bad-digest = the digest is not a hexadecimal digest of the right length
bag-line-not-relative = the path `{ $path }` is not a plain relative path inside the bag
bag-line-outside-data = the path `{ $path }` is outside data/
bag-line-payload-in-tag-manifest = a tag manifest lists the payload file `{ $path }`
bag-line-fetch-fields = expected `URL LENGTH FILENAME` (LENGTH a number or -)
bag-line-fetch-url = `{ $url }` is not a URL
bag-tag-continuation = a continuation line with no field
bag-tag-no-colon = expected `Label: value`
bag-tag-bad-label = the label `{ $label }` is empty or ends with whitespace

## Errors that stop a bag from being written or examined.
bag-err-info-field = cannot write the bag-info.txt field `{ $label }`: { $reason }
bag-err-source = failed to read the metadata of the source `{ $path }`
bag-err-list-source = { $error }
bag-err-output-not-empty = the output `{ $path }` exists and is not an empty folder
bag-err-output-not-empty-hint = give a new or empty folder; a bag is never written over anything
bag-err-output-inside-source = the output `{ $out }` is inside the source `{ $from }`
bag-err-output-inside-source-hint = write the bag outside the folder being bagged
bag-err-create-folder = failed to create the folder `{ $path }`
bag-err-not-regular-files = the source holds entries that are not regular files, which a bag cannot carry:{ $paths }
bag-err-not-regular-files-hint = replace each link by the file it points to, or move it out of the source
bag-err-non-utf8-names = the source holds file names that are not valid UTF-8, which a BagIt manifest (UTF-8) cannot list:{ $paths }
bag-err-non-utf8-names-hint = rename them, e.g. with `convmv -f latin1 -t utf8 --notest -r`
bag-err-copy-read = failed to read `{ $path }`
bag-err-copy-write = failed to write `{ $path }`
bag-err-write-tag-file = failed to write the tag file `{ $path }`
bag-err-open-bag = failed to open the bag `{ $path }`
bag-err-not-a-folder = `{ $path }` is not a folder, so not a bag
bag-err-list-payload = failed to list the payload of the bag `{ $path }`

## The two verdicts of `dpo fate verify-bag`.
bag-verdict-valid = bag { $dir }: complete and valid, { $files ->
    [one] one file
   *[other] { $files } files
  } checked against { $algorithms }
bag-verdict-incomplete = bag { $dir }: valid but incomplete: { $n ->
    [one] one file listed in fetch.txt is
   *[other] { $n } files listed in fetch.txt are
  } not fetched
bag-not-fetched = { $path }: not fetched (fetch.txt: { $url })
bag-verdict-invalid = bag { $dir } does NOT verify: { $n ->
    [one] one problem
   *[other] { $n } problems
  }
bag-signature-good = signature: good, tag manifest signed by { $principal } (key { $key })
bag-signature-unsigned = signature: none, the bag is not signed (no tagmanifest-sha256.txt.sig)
bag-signature-no-keys = signature: not checked, there are no keys to check it against (no { $file })
bag-signature-bad = signature: BAD, { $reason }
bag-sig-no-tagmanifest = there is a signature but no tagmanifest-sha256.txt for it to cover
bag-sig-malformed = the signature file is not a valid SSH signature: { $message }
bag-sig-wrong-namespace = the signature was made for namespace `{ $found }`, not `{ $expected }`: it was made for another purpose
bag-sig-unknown-key = the signing key { $fingerprint } is not in the allowed-signers file
bag-sig-wrong-principal = the signing key { $fingerprint } is not allowed for `{ $identity }` (it is listed for { $principals })
bag-sig-not-allowed = the signing key { $fingerprint } is listed, but not for this signature: { $detail }
bag-sig-mismatch = the signature does not match the tag manifest: it was changed after it was signed, or the signature belongs to another bag
bag-accepted-unsigned = accepted without a signature (--unsigned-ok): the bag's content is vouched for by its manifests only
bag-signature-required = this bag is one dpo made ({ $file } records it): its signature is required, even with --unsigned-ok
bag-refused-unsigned = the bag is not accepted without a signature checked against { $file }
bag-refused-unsigned-hint = a bag made by another BagIt tool is never signed by dpo: `--unsigned-ok` accepts it on the bag's verdict alone
