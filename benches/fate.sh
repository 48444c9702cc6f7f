#!/usr/bin/env bash
# Benchmark of issue 4 ("Measure and report"): SHA-256 of (a) 4 files of
# 1 GiB and (b) 100 000 files of 4 KiB, side by side in one run:
#   - `dpo fate fingerprint` and `dpo fate scan` (when the CLI has them), and
#     `hash_tree` itself through a driver (tests/integration/bagit.rs,
#     ignored test bagit::bench_driver_hash_tree) — the library both
#     commands call;
#   - sha256sum, parallel (`find -print0 | xargs -0 -P$(nproc) -n K`, K
#     spreading the files over the cores) and single-process;
#   - hashdeep -c sha256 -r (multi-threaded by default);
#   - the machine's SHA-256 limit: `openssl speed -evp sha256` on 16 KiB
#     blocks, times the cores (nominal) and with -multi (measured);
#   - `dpo fate bag` and `write_bag` (driver bagit::bench_driver_write_bag) against
#     `cp -r` followed by parallel sha256sum on the copy;
#   - peak memory (max RSS from /usr/bin/time) of every run above, and
#     hashing one 1 GiB file and one 4 GiB file (sparse: same work, no disk).
# Page cache warm: one warm-up pass reading every file, then the median of
# RUNS runs. Bags: BAG_RUNS turns in which the methods take turns, each run
# after `sync` into a new folder (writeback on this kind of VM is slow and
# noisy: quote the bag ratios with care).
# Usage: benches/fate.sh            (env: RUNS=3 BAG_RUNS=3 SMALL_FILES=100000
#                                    BIG_FILES=4 BIG_SIZE=1G BENCH_DIR=/tmp
#                                    DPO_BENCH_ITEM / DPO_BENCH_BAG_ITEM: fate items)
# Needs ~13 GiB free under BENCH_DIR; everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-3}
bag_runs=${BAG_RUNS:-3}
small_files=${SMALL_FILES:-100000}
big_files=${BIG_FILES:-4}
big_size=${BIG_SIZE:-1G}
bench_dir=${BENCH_DIR:-${TMPDIR:-/tmp}}

missing=()
command -v hashdeep >/dev/null || missing+=(hashdeep)
[ -x /usr/bin/time ] || missing+=(time)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "benches/fate.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

need_kib=$(( big_files * 2 * 1048576 + small_files * 4 * (3 * bag_runs + 2) + 1048576 ))
avail_kib=$(df -Pk "$bench_dir" | awk 'NR==2 {print $4}')
if [ "$avail_kib" -lt "$need_kib" ]; then
  echo "benches/fate.sh: $((avail_kib / 1048576)) GiB free under $bench_dir, need $((need_kib / 1048576)) GiB (set BENCH_DIR)" >&2
  exit 2
fi

cargo build --release --quiet
driver=$(cargo test --release --quiet --test integration --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "integration":
        print(m["executable"])')
dpo=$repo/target/release/dpo

work=$(mktemp -d "$bench_dir/dpo-fate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "generating test data in $work ..." >&2
mkdir -p "$work/big" "$work/small" "$work/sparse1" "$work/sparse4"
for i in $(seq 1 "$big_files"); do
  head -c "$big_size" /dev/urandom > "$work/big/file$i.bin" &
done
python3 - "$work/small" "$small_files" <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
per_dir = 1000
for i in range(count):
    d = os.path.join(root, f"d{i // per_dir:03d}")
    if i % per_dir == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i:06d}.bin"), "wb") as f:
        f.write(os.urandom(4096))
PY
wait
truncate -s 1G "$work/sparse1/one.bin"
truncate -s 4G "$work/sparse4/one.bin"

python3 -u - "$work" "$dpo" "$driver" "$runs" "$bag_runs" "$repo/registers" <<'PY'
import glob, os, re, shutil, statistics, subprocess, sys, tempfile, time

work, dpo, driver, runs, bag_runs, sample_ws = sys.argv[1:7]
runs, bag_runs = int(runs), int(bag_runs)
nproc = os.cpu_count() or 1

def tree_size(path):
    total = count = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
            count += 1
    return total, count

def env_with(**kw):
    env = dict(os.environ)
    env.update(kw)
    return env

def run(cmd, env=None, ok=(0,)):
    """Runs cmd (a list, or a string for bash) under /usr/bin/time; returns
    (seconds, peak RSS in KiB of the largest process)."""
    argv = ["bash", "-c", cmd] if isinstance(cmd, str) else cmd
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *argv], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        secs = time.perf_counter() - start
        if r.returncode not in ok:
            err = r.stderr.decode(errors="replace").strip().splitlines()
            raise RuntimeError(f"exited {r.returncode}: {err[-1] if err else ''}")
        kib = rss.read().strip().splitlines()
    return secs, int(kib[-1]) if kib and kib[-1].isdigit() else None

def attempt(label, fn):
    try:
        return fn()
    except Exception as e:  # a failing command is reported, not fatal
        print(f"  ({label}: {e})", file=sys.stderr)
        return None

def timed(cmd, env=None, ok=(0,), n=runs):
    """Median seconds and largest peak RSS over n runs (data already cached)."""
    results = [run(cmd, env, ok) for _ in range(n)]
    rss = [k for _, k in results if k]
    return statistics.median(s for s, _ in results), max(rss) if rss else None

# --- the dpo CLI: a copy of the sample workspace, a signing key, items -----
cli = subprocess.run([dpo, "fate", "--help"], capture_output=True).returncode == 0
cli_note = "" if cli else "`dpo fate` is not in this build"
template = f"{work}/ws-template"
fp_item = bag_item = None
cli_env = env_with(DPO_SIGNING_KEY=f"{work}/signing-key")
other = f"{work}/other-data"
os.makedirs(other)
with open(f"{other}/not-in-the-benchmark-data.bin", "wb") as f:
    f.write(os.urandom(4096))
if cli:
    shutil.copytree(sample_ws, template)
    items = []  # (id, text) of each item of the sample fate files
    for path in sorted(glob.glob(f"{template}/fate/*.yaml")):
        section = open(path, encoding="utf-8").read().split("\nrecords:")[0]
        for block in re.split(r"\n  - id: ", section)[1:]:
            items.append((block.split()[0].strip("'\""), block))
    fp_item = os.environ.get("DPO_BENCH_ITEM") or (items[0][0] if items else None)
    bag_item = os.environ.get("DPO_BENCH_BAG_ITEM") or next(
        (i for i, b in items if re.search(r"choice:\s*\S*return", b)), fp_item)
    subprocess.run([dpo, "--registers", template, "keys", "generate", "--key",
                    f"{work}/signing-key"], capture_output=True)
    if fp_item is None:
        cli, cli_note = False, "no fate item in the sample workspace"

def fresh_ws():
    ws = f"{work}/ws"
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(template, ws)
    return ws

def scan_ws():
    """A workspace where the item's fingerprint is of other data, so that a
    scan reads everything and finds nothing, as after a destruction."""
    ws = fresh_ws()
    run([dpo, "--registers", ws, "fate", "fingerprint", fp_item, other], env=cli_env)
    return ws

def driver_hash(paths):
    return ([driver, "--ignored", "--exact", "bagit::bench_driver_hash_tree", "--quiet"],
            env_with(DPO_BENCH_HASH="\n".join(paths)))

# --- the machine's SHA-256 limit ------------------------------------------
def openssl_rate(extra):
    out = subprocess.run(["openssl", "speed", "-seconds", "3", "-bytes", "16384", *extra,
                          "-evp", "sha256"], capture_output=True, text=True).stdout
    m = re.findall(r"^sha256\s+([\d.]+)k\s*$", out, re.M)
    return float(m[-1]) * 1000 if m else None
single = openssl_rate([])
multi = openssl_rate(["-multi", str(nproc)]) if nproc > 1 else single
nominal = single * nproc if single else None

# --- the two shapes ---------------------------------------------------------
results = {}
for shape, root in (("a", f"{work}/big"), ("b", f"{work}/small")):
    size, count = tree_size(root)
    k = max(1, -(-count // nproc))  # files per sha256sum process: one process per core
    print(f"timing shape ({shape}) ...", file=sys.stderr)
    # One warm-up pass: every file read once, so every run below starts with
    # the data in the page cache.
    run(f"find '{root}' -type f -print0 | xargs -0 cat > /dev/null")
    rows = []
    if cli:
        rows.append(("dpo fate fingerprint", attempt("fingerprint", lambda: timed(
            [dpo, "--registers", fresh_ws(), "fate", "fingerprint", fp_item, root],
            env=cli_env)), ""))
        rows.append(("dpo fate scan", attempt("scan", lambda: timed(
            [dpo, "--registers", scan_ws(), "fate", "scan", fp_item, root],
            env=cli_env)), "clean: nothing found"))
    rows.append(("hash_tree (library driver)", timed(*driver_hash([root])), ""))
    rows.append((f"sha256sum, parallel (xargs -P{nproc} -n{k})", timed(
        f"find '{root}' -type f -print0 | xargs -0 -P{nproc} -n{k} sha256sum"), ""))
    rows.append(("sha256sum, single process", timed(
        f"find '{root}' -type f -print0 | xargs -0 sha256sum"), ""))
    rows.append(("hashdeep -c sha256 -r", timed(["hashdeep", "-c", "sha256", "-r", root]), ""))

    # Bags: the methods take turns, each run after `sync` into a new folder,
    # so that the writeback of one run does not slow the next method.
    methods = []
    if cli:
        bag_ws = fresh_ws()
        methods.append(("dpo fate bag", lambda out: (
            [dpo, "--registers", bag_ws, "fate", "bag", bag_item, "--from", root, "--out", out],
            cli_env)))
    methods.append(("write_bag (library driver)", lambda out: (
        [driver, "--ignored", "--exact", "bagit::bench_driver_write_bag", "--quiet"],
        env_with(DPO_BENCH_BAG_FROM=root, DPO_BENCH_BAG_OUT=out))))
    methods.append(("cp -r, then parallel sha256sum on the copy", lambda out: (
        f"cp -r '{root}' '{out}' && find '{out}' -type f -print0 "
        f"| xargs -0 -P{nproc} -n{k} sha256sum", None)))
    samples = {name: [] for name, _ in methods}
    outs = []
    for r in range(bag_runs):
        for name, make in methods:
            if samples[name] is None:
                continue
            out = f"{work}/out-{len(outs)}"
            outs.append(out)
            subprocess.run(["sync"])
            cmd, env = make(out)
            got = attempt(name, lambda: run(cmd, env))
            if got is None:
                samples[name] = None
            else:
                samples[name].append(got)
            if shape == "a":  # 4 GiB each: do not keep them
                shutil.rmtree(out, ignore_errors=True)
    for out in outs:
        shutil.rmtree(out, ignore_errors=True)
    bag_rows = []
    for name, _ in methods:
        got = samples[name]
        if not got:
            bag_rows.append((name, None))
        else:
            rss = [k for _, k in got if k]
            bag_rows.append((name, (statistics.median(s for s, _ in got),
                                    max(rss) if rss else None)))
    results[shape] = (size, count, rows, bag_rows)

print("measuring peak memory on one sparse file of 1 GiB and of 4 GiB ...", file=sys.stderr)
sparse_mem = []
for label, path in (("1 GiB", f"{work}/sparse1"), ("4 GiB", f"{work}/sparse4")):
    entry = {"hash_tree (library driver)": run(*driver_hash([path]))[1]}
    if cli:
        got = attempt("fingerprint", lambda: run(
            [dpo, "--registers", fresh_ws(), "fate", "fingerprint", fp_item, path], env=cli_env))
        entry["dpo fate fingerprint"] = got[1] if got else None
    entry["sha256sum"] = run(["sha256sum", f"{path}/one.bin"])[1]
    sparse_mem.append((label, entry))

# --- report ---------------------------------------------------------------
def fmt(v, spec, width):
    return f"{v:{width}{spec}}" if v is not None else f"{'n/a':>{width}}"

print()
print(f"machine: {nproc} cores; page cache warm (one warm-up pass reading every file, then "
      f"the median of {runs} runs; bags: median of {bag_runs} turns, each run after sync)")
if single:
    print(f"SHA-256 limit, openssl speed -evp sha256, 16 KiB blocks: {single/1e6:.0f} MB/s per "
          f"core; x {nproc} cores = {nominal/1e6:.0f} MB/s (nominal); -multi {nproc} measured "
          f"{multi/1e6:.0f} MB/s")
if not cli:
    print(f"dpo CLI: not timed ({cli_note}); hash_tree and write_bag timed through the "
          "library driver (tests/integration/bagit.rs, ignored tests)")
for shape, (size, count, rows, bag_rows) in results.items():
    each = size / max(count, 1)
    each = f"{each / 2**20:.0f} MiB" if each >= 2**20 else f"{each / 1024:.0f} KiB"
    ref_name, ref = next(((n, r[0]) for n, r, _ in rows if r), (None, None))
    print()
    print(f"({shape}) {count} files of {each}: {size/1e9:.2f} GB")
    print(f"  {'hashing':<44} {'s':>6} {'MB/s':>6} {'x dpo':>7} {'limit':>6} {'-multi':>6} {'peak RSS':>9}")
    for name, r, note in rows:
        secs, rss = r if r else (None, None)
        rate = size / secs / 1e6 if secs else None
        ratio = secs / ref if secs and ref else None
        lim = rate * 1e6 / nominal * 100 if rate and nominal else None
        lim_m = rate * 1e6 / multi * 100 if rate and multi else None
        print(f"  {name:<44} {fmt(secs, '.2f', 6)} {fmt(rate, '.0f', 6)} {fmt(ratio, '.2f', 6)}x "
              f"{fmt(lim, '.0f', 5)}% {fmt(lim_m, '.0f', 5)}% "
              f"{fmt(rss / 1024 if rss else None, '.1f', 5)} MiB" + (f"  ({note})" if note else ""))
    bag_ref = next((r[0] for _, r in bag_rows if r), None)
    print(f"  {'bag: copy and hash, read once':<44} {'s':>6} {'MB/s':>6} {'x dpo':>7}")
    for name, r in bag_rows:
        secs, rss = r if r else (None, None)
        rate = size / secs / 1e6 if secs else None
        ratio = secs / bag_ref if secs and bag_ref else None
        print(f"  {name:<44} {fmt(secs, '.2f', 6)} {fmt(rate, '.0f', 6)} {fmt(ratio, '.2f', 6)}x "
              f"{'':>13} {fmt(rss / 1024 if rss else None, '.1f', 5)} MiB")
    print(f"  x dpo: time over the first dpo row's ({ref_name}); above 1 = slower than dpo."
          " limit: share of the SHA-256 limit")
print()
print("peak RSS hashing one file (sparse: reads as zeros, same work):")
for label, entry in sparse_mem:
    print(f"  {label}: " + ", ".join(
        f"{k} {v/1024:.1f} MiB" if v else f"{k} n/a" for k, v in entry.items()))
PY
