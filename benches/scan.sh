#!/usr/bin/env bash
# Benchmark of issue 15, "a scan that scales": `dpo fate scan` on a tree of
# FILES files (100 000) none of which has the size of a fingerprinted file,
# against hashing the same tree (`dpo fate fingerprint`), and against the
# duplicate finders `rmlint` and `jdupes` (Debian packages) on the same tree.
# Then "on a tree with matches, still at the SHA-256 limit": a scan where
# every file matches (the item's fingerprint is of the tree itself), on the
# same small-file tree and on a tree of BIG_FILES files of BIG_SIZE bytes
# (2 000 of 1 MiB), timed beside `dpo fate fingerprint` and `sha256sum` over
# the same tree (xargs -P, one process per core), against the machine's
# SHA-256 limit measured in the same run (`openssl speed -evp sha256 -multi`
# with one process per core, 16 KiB blocks).
# Sizes are log-uniform between SIZE_MIN and SIZE_MAX bytes (1 KiB–64 KiB),
# content random; the fingerprinted files are 100 files of other sizes.
# Page cache warm (one reading pass first); the median of RUNS runs.
# Usage: benches/scan.sh   (env: RUNS=3 FILES=100000 SIZE_MIN=1024
#                           SIZE_MAX=65536 BIG_FILES=2000 BIG_SIZE=1048576
#                           BENCH_DIR=/tmp; DPO_BIN=path to time a dpo
#                           already built)
# Needs about FILES × 15 KiB + BIG_FILES × BIG_SIZE free under BENCH_DIR
# (3.6 GB), and as much memory for the page cache; removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-3}
files=${FILES:-100000}
size_min=${SIZE_MIN:-1024}
size_max=${SIZE_MAX:-65536}
big_files=${BIG_FILES:-2000}
big_size=${BIG_SIZE:-1048576}
bench_dir=${BENCH_DIR:-${TMPDIR:-/tmp}}

missing=()
command -v rmlint >/dev/null || missing+=(rmlint)
command -v jdupes >/dev/null || missing+=(jdupes)
command -v openssl >/dev/null || missing+=(openssl)
command -v sha256sum >/dev/null || missing+=(coreutils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "benches/scan.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "${DPO_BIN:-}" ]; then
  cargo build --release --quiet
fi
dpo=${DPO_BIN:-${CARGO_TARGET_DIR:-$repo/target}/release/dpo}
work=$(mktemp -d "$bench_dir/dpo-scan-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 -u - "$work" "$dpo" "$runs" "$files" "$size_min" "$size_max" "$repo/registers" \
  "$big_files" "$big_size" <<'PY'
import math, os, random, re, shutil, statistics, subprocess, sys, time

work, dpo, runs, count, lo, hi, sample, big_count, big_size = sys.argv[1:10]
runs, count, lo, hi = int(runs), int(count), int(lo), int(hi)
big_count, big_size = int(big_count), int(big_size)
nproc = os.cpu_count() or 1
env = dict(os.environ, DPO_ACTOR="Gerald Petiot")
item = "historique-sauvegardes"

print(f"generating {count} files in {work}/tree ...", file=sys.stderr)
rng = random.Random(15)
tree, total = f"{work}/tree", 0
for i in range(count):
    d = f"{tree}/d{i // 1000:03d}"
    if i % 1000 == 0:
        os.makedirs(d)
    size = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    with open(f"{d}/f{i:06d}.bin", "wb") as f:
        f.write(os.urandom(size))
    total += size
fingerprinted = f"{work}/fingerprinted"
os.makedirs(fingerprinted)
for i in range(100):
    with open(f"{fingerprinted}/g{i:03d}.bin", "wb") as f:
        f.write(os.urandom(hi + 1 + i))  # sizes no file of the tree has

def workspace(fingerprint_of):
    ws = f"{work}/ws"
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(sample, ws)
    subprocess.run([dpo, "--registers", ws, "fate", "fingerprint", item, fingerprint_of],
                   env=env, check=True, capture_output=True)
    return ws

def once(cmd, ok=(0,)):
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    secs = time.perf_counter() - start
    if r.returncode not in ok:
        raise SystemExit(f"{cmd[0]} exited {r.returncode}: {r.stderr.decode()[-300:]}")
    return secs

def timed(make_cmd, ok=(0,)):
    return statistics.median(once(make_cmd(), ok) for _ in range(runs))

big = f"{work}/big"
print(f"generating {big_count} files of {big_size} bytes in {big} ...", file=sys.stderr)
for i in range(big_count):
    d = f"{big}/d{i // 500:03d}"
    if i % 500 == 0:
        os.makedirs(d)
    with open(f"{d}/f{i:05d}.bin", "wb") as f:
        f.write(os.urandom(big_size))

for t in (tree, big):
    subprocess.run(f"find '{t}' -type f -print0 | xargs -0 cat > /dev/null", shell=True, check=True)
print("timing ...", file=sys.stderr)
fingerprint = timed(lambda: [dpo, "--registers", workspace(fingerprinted), "fate", "fingerprint", item, tree])
scan_ws = workspace(fingerprinted)
scan = timed(lambda: [dpo, "--registers", scan_ws, "fate", "scan", item, tree])
# rmlint replaces the file it writes (a temporary, then a rename): never
# give it /dev/null, which it would replace with a regular file.
rmlint = timed(lambda: ["rmlint", "-o", f"fdupes:{work}/rmlint.out", tree], ok=(0, 1))
jdupes = timed(lambda: ["jdupes", "-r", "-q", tree], ok=(0, 1))

def sha256sum(t):
    # One sha256sum per core, as many files each as fit on its command line.
    return ["sh", "-c", f"find '{t}' -type f -print0 | xargs -0 -P {nproc} sha256sum > /dev/null"]

def matching(t):
    """Every file of `t` matches: (scan, fingerprint, sha256sum) seconds."""
    match_ws = workspace(t)
    return (timed(lambda: [dpo, "--registers", match_ws, "fate", "scan", item, t], ok=(1,)),
            timed(lambda: [dpo, "--registers", workspace(fingerprinted), "fate", "fingerprint", item, t]),
            timed(lambda: sha256sum(t)))

small_all = matching(tree)
big_all = matching(big)

out = subprocess.run(["openssl", "speed", "-seconds", "3", "-bytes", "16384", "-multi", str(nproc),
                      "-evp", "sha256"], capture_output=True, text=True).stdout
m = re.findall(r"^sha256\s+([\d.]+)k\s*$", out, re.M)
limit = float(m[-1]) * 1000 / 1e6 if m else None

mb = total / 1e6
print(f"\n{count} files, {mb:,.0f} MB (sizes {lo}–{hi} bytes, log-uniform), {nproc} cores, median of {runs}")
print(f"{'':48} {'seconds':>8} {'vs scan':>8}")
for label, secs in [
    ("dpo fate scan (no file of a fingerprinted size)", scan),
    ("dpo fate fingerprint (hashes every file)", fingerprint),
    ("rmlint (duplicate finder, same tree)", rmlint),
    ("jdupes -r (duplicate finder, same tree)", jdupes),
]:
    print(f"{label:48} {secs:8.3f} {secs / scan:7.1f}×")

print(f"\nEvery file matching (the fingerprint is of the tree itself), MB/s"
      + (f"; SHA-256 limit: openssl speed -evp sha256 -multi {nproc} (16 KiB blocks) {limit:,.0f} MB/s"
         if limit else ""))
print(f"{'':30} {'scan':>14} {'fingerprint':>14} {'sha256sum -P' + str(nproc):>16}")
for label, size, (s_, f_, c_) in [
    (f"{count} files of {lo}–{hi} B", mb, small_all),
    (f"{big_count} files of {big_size} B", big_count * big_size / 1e6, big_all),
]:
    cell = lambda secs: f"{size / secs:,.0f}" + (f" ({size / secs / limit:.0%})" if limit else "")
    print(f"{label:30} {cell(s_):>14} {cell(f_):>14} {cell(c_):>16}")
PY
