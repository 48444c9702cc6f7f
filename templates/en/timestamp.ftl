# timestamp: RFC 3161 time-stamps (`dpo timestamp`, issue 12), in English.

## Refusals and errors
timestamp-err-read = cannot read `{ $path }`
timestamp-err-not-tsq = `{ $path }` is not an RFC 3161 time-stamp request (.tsq): { $why }
timestamp-err-not-tsr = `{ $path }` is not an RFC 3161 time-stamp response (.tsr): { $why }
timestamp-err-bad-ca = `{ $path }` holds no readable PEM certificate: { $why }
timestamp-err-tsa = the time-stamping authority { $url } did not answer: { $why }
timestamp-err-tsa-hint = the request is kept; run the same command again later, or get the response elsewhere and take it back with `dpo timestamp --import FILE.tsr`
timestamp-refused = `{ $path }` does not verify: { $why }

## Which check failed
timestamp-why-not-granted = the time-stamping authority did not grant the request ({ $status })
timestamp-why-other-file = the time-stamp is for another file: its imprint is not the file's SHA-256
timestamp-why-nonce = the nonce of the response is not the request's
timestamp-why-token = the token is not a signed TSTInfo: { $why }
timestamp-why-no-certificate = the response does not carry the certificate of its signer
timestamp-why-digest = the signed message digest is not the digest of the TSTInfo (the token was changed)
timestamp-why-signature = the signature does not verify with the key of the TSA certificate
timestamp-why-no-eku = the TSA certificate `{ $subject }` has no extended key usage timeStamping
timestamp-why-eku-not-critical = the extended key usage of the TSA certificate `{ $subject }` is not critical (RFC 3161 §2.3)
timestamp-why-not-valid-then = the certificate `{ $subject }` was not valid at the time-stamp's time
timestamp-why-no-ca = no trusted TSA CA certificate (keys/tsa/*.pem in the workspace, or DPO_TSA_CA)
timestamp-why-untrusted = the TSA certificate does not chain to a trusted CA (issuer `{ $issuer }`)
timestamp-why-algorithm = unsupported algorithm { $algorithm }

## What was done
timestamp-wrote-tsq = wrote { $file } (RFC 3161 request, SHA-256); DPO_TSA_URL is not set, so nothing was sent
timestamp-next-curl = next: get the response with: { $command }
timestamp-next-import = then take it back with: { $command }
timestamp-kept = kept { $file }: time-stamped by the authority at { $local } ({ $utc })
timestamp-verified = { $file }: the time-stamp verifies (imprint, nonce, signature, TSA certificate, trusted CA)
timestamp-verified-time = {"  "}time-stamp time (the authority's): { $local } — { $utc }
timestamp-verified-tsa = {"  "}authority: { $tsa }
timestamp-verified-serial = {"  "}serial number: { $serial }

## Evidence time-stamped as it is written (DPO_TSA_URL)
timestamp-auto-done = time-stamped { $file } — the authority's time (RFC 3161): { $local } ({ $utc })
timestamp-auto-waiting = { $file } waits for a time-stamp (the evidence is kept): { $why }
    {"  "}next: dpo timestamp --pending
timestamp-none-waiting = no evidence waits for a time-stamp
timestamp-pending-no-url = { $count } file(s) wait for a time-stamp, and DPO_TSA_URL is not set: set it to the authority's URL and run `dpo timestamp --pending` again
timestamp-status-waiting = { $file } waits for its RFC 3161 time-stamp — `dpo timestamp --pending`

## breach show: the three times of each message
timestamp-show-heading = Times of the messages sent — the processor's clock (when dpo sent it), the SMTP server's reply (when the server accepted it), the TSA's time-stamp (when an independent authority saw its SHA-256):
timestamp-show-line = {"  "}{ $eml }: processor's clock { $local }; SMTP server: { $reply }, accepted at { $local }; { $tsa }
timestamp-show-tsa = TSA time-stamp { $local } ({ $utc })
timestamp-show-waiting = TSA time-stamp waiting (`dpo timestamp --pending`)

## Issue 12 review: proofs never replaced, refused responses set aside
timestamp-err-already = `{ $path }` is already time-stamped: its .tsr verifies, and a proof is never replaced
timestamp-err-already-hint = see it with `dpo timestamp verify { $path }`
timestamp-err-url-userinfo = DPO_TSA_URL carries a user name or a password: give the authority's URL without them (it would be printed and kept in shell histories)
timestamp-why-unreadable = it no longer reads as a time-stamp response (changed or damaged): { $why }
timestamp-why-no-ess = the token has no ESS signing certificate attribute (RFC 3161 §2.4.2)
timestamp-why-ess-other = the ESS signing certificate attribute does not name the TSA certificate that signed
timestamp-set-aside = the response does not verify: moved to { $file }, it is not a time-stamp
timestamp-show-not-verified = TSA time-stamp that does not verify ({ $why })
status_kind-timestamp-waiting = Evidence waiting for its RFC 3161 time-stamp (no response, or one that does not verify): dpo timestamp --pending

## Review of issue 12 (polish)
timestamp-verified-no-nonce = { $file }: the time-stamp verifies (imprint, signature, TSA certificate, trusted CA); the request had no nonce, so no nonce was checked
timestamp-changed-hint = a time-stamp is never adopted: restore `{ $file }` from git or a backup, or time-stamp the file again with `dpo timestamp --pending` (the changed response no longer counts as a proof)
timestamp-clock-gap = { $file }: the authority's time ({ $tsa }) and the processor's clock ({ $processor }) differ by { $gap }, more than { $limit } minutes: check the processor's clock (a request sent to the authority later, offline, differs too); the time-stamp itself still verifies
