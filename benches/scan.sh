#!/usr/bin/env bash
# Benchmark of issue 15, "a scan that scales": `dpo fate scan` on a tree of
# FILES files (100 000) none of which has the size of a fingerprinted file,
# against hashing the same tree (`dpo fate fingerprint`), and against the
# duplicate finders `rmlint` and `jdupes` (Debian packages) on the same tree;
# then a scan of a tree where every file matches (the fingerprint of the tree
# itself), against the machine's SHA-256 limit (`openssl speed -multi`).
# Sizes are log-uniform between SIZE_MIN and SIZE_MAX bytes (1 KiB–64 KiB),
# content random; the fingerprinted files are 100 files of other sizes.
# Page cache warm (one reading pass first); the median of RUNS runs.
# Usage: benches/scan.sh   (env: RUNS=3 FILES=100000 SIZE_MIN=1024
#                           SIZE_MAX=65536 BENCH_DIR=/tmp; DPO_BIN=path
#                           to time a dpo already built)
# Needs about FILES × 15 KiB free under BENCH_DIR; removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-3}
files=${FILES:-100000}
size_min=${SIZE_MIN:-1024}
size_max=${SIZE_MAX:-65536}
bench_dir=${BENCH_DIR:-${TMPDIR:-/tmp}}

missing=()
command -v rmlint >/dev/null || missing+=(rmlint)
command -v jdupes >/dev/null || missing+=(jdupes)
command -v openssl >/dev/null || missing+=(openssl)
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

python3 -u - "$work" "$dpo" "$runs" "$files" "$size_min" "$size_max" "$repo/registers" <<'PY'
import math, os, random, re, shutil, statistics, subprocess, sys, time

work, dpo, runs, count, lo, hi, sample = sys.argv[1:8]
runs, count, lo, hi = int(runs), int(count), int(lo), int(hi)
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

subprocess.run(f"find '{tree}' -type f -print0 | xargs -0 cat > /dev/null", shell=True, check=True)
print("timing ...", file=sys.stderr)
fingerprint = timed(lambda: [dpo, "--registers", workspace(fingerprinted), "fate", "fingerprint", item, tree])
scan_ws = workspace(fingerprinted)
scan = timed(lambda: [dpo, "--registers", scan_ws, "fate", "scan", item, tree])
# rmlint replaces the file it writes (a temporary, then a rename): never
# give it /dev/null, which it would replace with a regular file.
rmlint = timed(lambda: ["rmlint", "-o", f"fdupes:{work}/rmlint.out", tree], ok=(0, 1))
jdupes = timed(lambda: ["jdupes", "-r", "-q", tree], ok=(0, 1))
match_ws = workspace(tree)
scan_all = timed(lambda: [dpo, "--registers", match_ws, "fate", "scan", item, tree], ok=(1,))

out = subprocess.run(["openssl", "speed", "-seconds", "3", "-bytes", "16384", "-multi", str(nproc),
                      "-evp", "sha256"], capture_output=True, text=True).stdout
m = re.findall(r"^sha256\s+([\d.]+)k\s*$", out, re.M)
limit = float(m[-1]) * 1000 if m else None

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
print(f"\nscan with every file matching: {scan_all:.3f} s, {mb / scan_all:,.0f} MB/s; "
      f"fingerprint {mb / fingerprint:,.0f} MB/s"
      + (f"; SHA-256 limit (openssl speed -multi {nproc}, 16 KiB blocks) {limit / 1e6:,.0f} MB/s"
         f" = scan at {mb / scan_all / (limit / 1e6):.0%} of it" if limit else ""))
PY
