#!/usr/bin/env bash
# Benchmark of issue 4 ("Measure and report"): SHA-256 of (a) 4 files of
# 1 GiB and (b) 100 000 files of 4 KiB, side by side in one run:
#   - `dpo fate fingerprint` and `dpo fate scan` (when the CLI has them), and
#     `hash_tree` itself through a driver (tests/bagit.rs, ignored test
#     bench_driver_hash_tree) — the library both commands call;
#   - sha256sum, parallel (`find -print0 | xargs -0 -P$(nproc) -n K`, K
#     spreading the files over the cores) and single-process;
#   - hashdeep -c sha256 -r (multi-threaded by default);
#   - the machine's SHA-256 limit: `openssl speed -evp sha256` on 16 KiB
#     blocks, times the cores (nominal) and with -multi (measured);
#   - `dpo fate bag` and `write_bag` (driver bench_driver_write_bag) against
#     `cp -r` followed by parallel sha256sum on the copy;
#   - peak memory (`/usr/bin/time -v`) hashing one 1 GiB file and one 4 GiB
#     file (sparse: same work, no disk), and for each run above.
# Page cache warm: one warm-up pass of every command, then the median of RUNS
# runs (bags: BAG_RUNS, after `sync`, output removed between runs).
# Usage: benches/fate.sh            (env: RUNS=3 BAG_RUNS=1 SMALL_FILES=100000
#                                    BIG_FILES=4 BIG_SIZE=1G BENCH_DIR=/tmp
#                                    DPO_BENCH_ITEM / DPO_BENCH_BAG_ITEM: fate items)
# Needs ~13 GiB free under BENCH_DIR; everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-3}
bag_runs=${BAG_RUNS:-1}
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

need_kib=$(( (big_files * 1024 * 1024 * 3) + (small_files * 12) + 1024 * 1024 ))
avail_kib=$(df -Pk "$bench_dir" | awk 'NR==2 {print $4}')
if [ "$avail_kib" -lt "$need_kib" ]; then
  echo "benches/fate.sh: $((avail_kib / 1048576)) GiB free under $bench_dir, need $((need_kib / 1048576)) GiB (set BENCH_DIR)" >&2
  exit 2
fi

cargo build --release --quiet
driver=$(cargo test --release --quiet --test bagit --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "bagit":
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
import glob, os, re, shutil, statistics, subprocess, sys, time

work, dpo, driver, runs, bag_runs, sample_ws = sys.argv[1:7]
runs, bag_runs = int(runs), int(bag_runs)
nproc = os.cpu_count() or 1
shapes = {
    "a": (f"{work}/big", sorted(glob.glob(f"{work}/big/*"))),
    "b": (f"{work}/small", None),
}
def tree_size(path):
    total = count = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
            count += 1
    return total, count
sizes = {k: tree_size(v[0]) for k, v in shapes.items()}

def sh(cmd, env=None, ok=(0,), quiet=True):
    r = subprocess.run(cmd, shell=isinstance(cmd, str), env=env,
                       stdout=subprocess.DEVNULL if quiet else subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode not in ok:
        err = r.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"exited {r.returncode}: {err[-1] if err else ''}")
    return r

def timed(cmd, env=None, ok=(0,), n=runs, warm=True, before=None):
    """Median wall time of n runs after one warm-up run."""
    if warm:
        if before: before()
        sh(cmd, env, ok)
    t = []
    for _ in range(n):
        if before: before()
        s = time.perf_counter()
        sh(cmd, env, ok)
        t.append(time.perf_counter() - s)
    return statistics.median(t)

def peak_kib(cmd, env=None, ok=(0,), before=None):
    if before: before()
    full = ["/usr/bin/time", "-v"] + (["bash", "-c", cmd] if isinstance(cmd, str) else cmd)
    r = subprocess.run(full, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode not in ok:
        raise RuntimeError(f"exited {r.returncode}")
    m = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return int(m.group(1)) if m else None

def env_with(**kw):
    e = dict(os.environ)
    e.update(kw)
    return e

def driver_hash(paths):
    return [driver, "--ignored", "--exact", "bench_driver_hash_tree", "--quiet"], \
        env_with(DPO_BENCH_HASH="\n".join(paths))

def driver_bag(src, out):
    return [driver, "--ignored", "--exact", "bench_driver_write_bag", "--quiet"], \
        env_with(DPO_BENCH_BAG_FROM=src, DPO_BENCH_BAG_OUT=out)

def reset(path):
    def f():
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run(["sync"])
    return f

# --- the dpo CLI, when `dpo fate` exists -----------------------------------
cli = subprocess.run([dpo, "fate", "--help"], capture_output=True).returncode == 0
cli_note = ""
template = f"{work}/ws-template"
fp_item = bag_item = None
if cli:
    shutil.copytree(sample_ws, template)
    items = []  # (id, block text) of each item in the sample fate files
    for path in sorted(glob.glob(f"{template}/fate/*.yaml")):
        text = open(path, encoding="utf-8").read()
        section = text.split("\nrecords:")[0]
        for block in re.split(r"\n  - id: ", section)[1:]:
            items.append((block.split()[0].strip("'\""), block))
    fp_item = os.environ.get("DPO_BENCH_ITEM") or (items[0][0] if items else None)
    bag_item = os.environ.get("DPO_BENCH_BAG_ITEM") or next(
        (i for i, b in items if re.search(r"choice:\s*\S*return", b)), fp_item)
    key = f"{work}/signing-key"
    subprocess.run([dpo, "--registers", template, "keys", "generate", "--key", key],
                   capture_output=True)
    if fp_item is None:
        cli, cli_note = False, "no fate item in the sample workspace"
else:
    cli_note = "`dpo fate` is not in this build"

def fresh_ws():
    ws = f"{work}/ws"
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(template, ws)
    return ws

cli_env = env_with(DPO_SIGNING_KEY=f"{work}/signing-key")

def attempt(label, fn):
    try:
        return fn()
    except Exception as e:  # a failing command is reported, not fatal
        print(f"  ({label}: {e})", file=sys.stderr)
        return None

# --- the machine's SHA-256 limit ------------------------------------------
def openssl_rate(extra):
    out = subprocess.run(["openssl", "speed", "-seconds", "3", "-bytes", "16384", *extra,
                          "-evp", "sha256"], capture_output=True, text=True).stdout
    m = re.findall(r"^sha256\s+([\d.]+)k\s*$", out, re.M)
    return float(m[-1]) * 1000 if m else None
single = openssl_rate([])
multi = openssl_rate(["-multi", str(nproc)]) if nproc > 1 else single
nominal = single * nproc if single else None

results = {}
for shape, (root, files) in shapes.items():
    size, count = sizes[shape]
    k = max(1, -(-count // nproc))
    rows = []
    def row(name, secs, note=""):
        rows.append((name, secs, note))
    print(f"timing shape ({shape}) ...", file=sys.stderr)
    if cli:
        def fingerprint():
            def before():
                fresh_ws()
            return timed([dpo, "--registers", f"{work}/ws", "fate", "fingerprint", fp_item, root],
                         env=cli_env, before=before)
        row("dpo fate fingerprint", attempt("fingerprint", fingerprint))
        def scan():
            ws = fresh_ws()
            sh([dpo, "--registers", ws, "fate", "fingerprint", fp_item, root], env=cli_env)
            # Every file matches the fingerprint: the scan reports them all (exit 1).
            return timed([dpo, "--registers", ws, "fate", "scan", fp_item, root],
                         env=cli_env, ok=(0, 1))
        row("dpo fate scan", attempt("scan", scan), "every file found: exit 1")
    cmd, env = driver_hash([root])
    row("hash_tree (library driver)", timed(cmd, env))
    row(f"sha256sum, parallel (xargs -P{nproc} -n{k})",
        timed(f"find '{root}' -type f -print0 | xargs -0 -P{nproc} -n{k} sha256sum"))
    row("sha256sum, single process",
        timed(f"find '{root}' -type f -print0 | xargs -0 sha256sum"))
    row("hashdeep -c sha256 -r", timed(["hashdeep", "-c", "sha256", "-r", root]))

    out = f"{work}/out"
    bag_rows = []
    if cli:
        def cli_bag():
            ws = fresh_ws()
            return timed([dpo, "--registers", ws, "fate", "bag", bag_item, "--from", root,
                          "--out", out], env=cli_env, n=bag_runs, warm=False, before=reset(out))
        bag_rows.append(("dpo fate bag", attempt("bag", cli_bag), ""))
    cmd, env = driver_bag(root, out)
    bag_rows.append(("write_bag (library driver)",
                     timed(cmd, env, n=bag_runs, warm=False, before=reset(out)), ""))
    bag_rows.append(("cp -r, then parallel sha256sum on the copy",
                     timed(f"cp -r '{root}' '{out}' && find '{out}' -type f -print0 "
                           f"| xargs -0 -P{nproc} -n{k} sha256sum",
                           n=bag_runs, warm=False, before=reset(out)), ""))
    bag_rows.append(("cp -r alone (reference)",
                     timed(f"cp -r '{root}' '{out}'", n=bag_runs, warm=False,
                           before=reset(out)), ""))
    mem = {}
    cmd, env = driver_hash([root])
    mem["hash_tree (library driver)"] = peak_kib(cmd, env)
    if cli:
        mem["dpo fate fingerprint"] = attempt("fingerprint memory", lambda: peak_kib(
            [dpo, "--registers", fresh_ws(), "fate", "fingerprint", fp_item, root], env=cli_env))
        mem["dpo fate bag"] = attempt("bag memory", lambda: peak_kib(
            [dpo, "--registers", fresh_ws(), "fate", "bag", bag_item, "--from", root, "--out", out],
            env=cli_env, before=reset(out)))
    cmd, env = driver_bag(root, out)
    mem["write_bag (library driver)"] = peak_kib(cmd, env, before=reset(out))
    mem["sha256sum, single process"] = peak_kib(f"find '{root}' -type f -print0 | xargs -0 sha256sum")
    mem["hashdeep -c sha256 -r"] = peak_kib(["hashdeep", "-c", "sha256", "-r", root])
    reset(out)()
    results[shape] = (rows, bag_rows, mem)

print("measuring peak memory on one sparse file of 1 GiB and of 4 GiB ...", file=sys.stderr)
sparse_mem = []
for label, path in (("1 GiB", f"{work}/sparse1"), ("4 GiB", f"{work}/sparse4")):
    cmd, env = driver_hash([path])
    entry = {"hash_tree (library driver)": peak_kib(cmd, env)}
    if cli:
        entry["dpo fate fingerprint"] = attempt("fingerprint memory", lambda: peak_kib(
            [dpo, "--registers", fresh_ws(), "fate", "fingerprint", fp_item, path], env=cli_env))
    entry["sha256sum"] = peak_kib(["sha256sum", f"{path}/one.bin"])
    sparse_mem.append((label, entry))

# --- report ---------------------------------------------------------------
def mbps(size, secs):
    return size / secs / 1e6 if secs else None
def fmt(v, spec, width):
    return f"{v:{width}{spec}}" if v is not None else f"{'n/a':>{width}}"

print()
print(f"machine: {nproc} cores; page cache warm (one warm-up pass, then the median of "
      f"{runs} runs; bags: median of {bag_runs} after sync, no warm-up)")
if single:
    print(f"SHA-256 limit, openssl speed -evp sha256, 16 KiB blocks: {single/1e6:.0f} MB/s per core; "
          f"x {nproc} cores = {nominal/1e6:.0f} MB/s (nominal); -multi {nproc} measured "
          f"{multi/1e6:.0f} MB/s")
if not cli:
    print(f"dpo CLI: not timed ({cli_note}); hash_tree and write_bag timed through the "
          "library driver (tests/bagit.rs, ignored tests)")
for shape in shapes:
    rows, bag_rows, mem = results[shape]
    size, count = sizes[shape]
    label = f"{count} files of {size // count / 2**20:.0f} MiB" if shape == "a" \
        else f"{count} files of {size // max(count, 1) // 1024} KiB"
    ref_name, ref = next(((n, s) for n, s, _ in rows if s), (None, None))
    print()
    print(f"({shape}) {label}: {size/1e9:.2f} GB")
    print(f"  {'hashing':<46} {'s':>7} {'MB/s':>7} {'time/dpo':>9} {'of limit':>9} {'of -multi':>9}  peak RSS")
    for name, secs, note in rows:
        rate = mbps(size, secs)
        ratio = secs / ref if secs and ref else None
        lim = rate * 1e6 / nominal * 100 if rate and nominal else None
        lim_m = rate * 1e6 / multi * 100 if rate and multi else None
        rss = mem.get(name)
        print(f"  {name:<46} {fmt(secs, '.2f', 7)} {fmt(rate, '.0f', 7)} {fmt(ratio, '.2f', 8)}x "
              f"{fmt(lim, '.0f', 8)}% {fmt(lim_m, '.0f', 8)}%  "
              + (f"{rss/1024:.1f} MiB" if rss else "") + (f"  ({note})" if note else ""))
    bag_ref = next((s for _, s, _ in bag_rows if s), None)
    print(f"  {'bag (read once: copy + hash)':<46} {'s':>7} {'MB/s':>7} {'time/dpo':>9}")
    for name, secs, _ in bag_rows:
        rate = mbps(size, secs)
        ratio = secs / bag_ref if secs and bag_ref else None
        rss = mem.get(name)
        print(f"  {name:<46} {fmt(secs, '.2f', 7)} {fmt(rate, '.0f', 7)} {fmt(ratio, '.2f', 8)}x"
              + (f"  {rss/1024:.1f} MiB" if rss else ""))
    print(f"  time/dpo: this row's time over the first dpo row's ({ref_name}); above 1 = slower than dpo")
print()
print("peak memory (max RSS) hashing one file, sparse (reads as zeros, same work):")
for label, entry in sparse_mem:
    print(f"  {label}: " + ", ".join(f"{k} {v/1024:.1f} MiB" if v else f"{k} n/a" for k, v in entry.items()))
PY
