#!/usr/bin/env bash
# Benchmark of issue 14: `dpo register --format xlsx` and `--format ods` on a
# generated workspace of 10 controllers x 1 000 categories of processing,
# side by side with `--format csv` in the same run (the same register, the
# same rows), then `dpo import` of the XLSX and ODS beside openpyxl reading
# every cell of the XLSX. Prints medians and the ratios (this machine is
# noisy: quote the ratios). Usage: benches/sheets.sh [CONTROLLERS ACTIVITIES RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
controllers=${1:-10}
activities=${2:-1000}
runs=${3:-5}

cargo build --release --quiet
dpo=${CARGO_TARGET_DIR:-target}/release/dpo

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/gen_workspace.py "$work/ws" "$controllers" "$activities"
size=$(du -sh "$work/ws" | cut -f1)
echo "workspace: $controllers controllers x $activities categories of processing ($size of YAML)"

python3 - "$runs" "$dpo" "$work" <<'PY'
import os, statistics, subprocess, sys, time
runs, dpo, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ws = f"{work}/ws"
env = {"DPO_NOW": "2026-11-28T16:00:00+01:00", "PATH": "/usr/bin:/bin"}
def median(fmt):
    cmd = [dpo, "--registers", ws, "register", "--format", fmt, "-o", f"{work}/r.{fmt}"]
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    t = []
    for _ in range(runs):
        s = time.perf_counter()
        r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t.append(time.perf_counter() - s)
        if r.returncode != 0:
            sys.exit(f"{cmd} failed: {r.stderr.decode()}")
    return statistics.median(t), os.path.getsize(f"{work}/r.{fmt}")
csv, csv_size = median("csv")
xlsx, xlsx_size = median("xlsx")
ods, ods_size = median("ods")
print(f"median of {runs} runs after one warm-up (seconds)")
print(f"  dpo register --format csv    {csv:8.3f}   1.00x   {csv_size//1024:6d} KiB")
print(f"  dpo register --format xlsx   {xlsx:8.3f}   {xlsx/csv:5.2f}x   {xlsx_size//1024:6d} KiB")
print(f"  dpo register --format ods    {ods:8.3f}   {ods/csv:5.2f}x   {ods_size//1024:6d} KiB")

# The import of the same workbook, beside openpyxl reading every cell of
# it (the reference: a reader that places nothing and checks nothing).
def timed(cmd, fresh=None, **kw):
    t = []
    for i in range(runs + 1):
        if fresh:
            subprocess.run(["rm", "-rf", fresh])
        s = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
        if i:
            t.append(time.perf_counter() - s)
        if r.returncode != 0:
            sys.exit(f"{cmd} failed: {r.stderr.decode()[-2000:]}")
    return statistics.median(t)
into = f"{work}/imported"
ienv = dict(env, DPO_ACTOR="bench")
imp_x = timed([dpo, "import", f"{work}/r.xlsx", "--into", into], fresh=into, env=ienv)
imp_o = timed([dpo, "import", f"{work}/r.ods", "--into", into], fresh=into, env=ienv)
read = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1], read_only=True)\nn = sum(1 for s in wb for r in s.iter_rows(values_only=True) for c in r)\n"
ref = timed(["python3", "-c", read, f"{work}/r.xlsx"])
print(f"median of {runs} runs after one warm-up (seconds)")
print(f"  openpyxl reads every cell (xlsx) {ref:8.3f}   1.00x")
print(f"  dpo import (xlsx)                {imp_x:8.3f}   {imp_x/ref:5.2f}x")
print(f"  dpo import (ods)                 {imp_o:8.3f}   {imp_o/ref:5.2f}x")
PY
