#!/usr/bin/env bash
# The test command (named in the README, called by .ci/run): installs what the
# tests use when it is missing — real tools, no mocks — then runs cargo test.
#   Debian: poppler-utils (pdftotext, pdfinfo), openssh-client (ssh-keygen),
#           openssl (test certificates, the test TSA), curl (its offline flow), time (GNU time: peak memory of a run),
#           hashdeep (audits a fingerprint's hashdeep manifest), restic and
#           borgbackup (the backup repositories `fate destroy --via` deletes from),
#           strace (counts how often the scan opens a file), git (the team's
#           clones: `dpo git setup`, the journal's merge driver), chromium (opens
#           the HTML dossier of `dpo site` headless, from file://)
#   PyPI:   aiosmtpd (SMTP server on loopback), bagit (BagIt validator),
#           icalendar (reads the .ics files back), openpyxl and odfpy (read
#           the XLSX and ODS exports back: tests/integration/support/sheets.py),
#           html5lib (parses every page of `dpo site`: support/site_check.py)
# Extra arguments go to cargo test, e.g. `tests/run.sh --test integration cli::`
# (one integration crate, tests/integration/main.rs, a module per journey).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi

apt_missing=()
command -v pdftotext >/dev/null || apt_missing+=(poppler-utils)
command -v ssh-keygen >/dev/null || apt_missing+=(openssh-client)
command -v openssl >/dev/null || apt_missing+=(openssl)
command -v curl >/dev/null || apt_missing+=(curl)
[ -x /usr/bin/time ] || apt_missing+=(time)
command -v hashdeep >/dev/null || apt_missing+=(hashdeep)
command -v restic >/dev/null || apt_missing+=(restic)
command -v borg >/dev/null || apt_missing+=(borgbackup)
command -v strace >/dev/null || apt_missing+=(strace)
command -v git >/dev/null || apt_missing+=(git)
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v python3 >/dev/null || apt_missing+=(python3)
python3 -m pip --version >/dev/null 2>&1 || apt_missing+=(python3-pip)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${apt_missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

py_missing=()
# module:package (odfpy is imported as `odf`)
for pair in aiosmtpd:aiosmtpd bagit:bagit icalendar:icalendar openpyxl:openpyxl odf:odfpy html5lib:html5lib; do
  python3 -c "import ${pair%%:*}" 2>/dev/null || py_missing+=("${pair#*:}")
done
if [ ${#py_missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing Python packages ${py_missing[*]}" >&2
  python3 -m pip install --quiet "${py_missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${py_missing[@]}"
fi

cargo test --locked "$@"
