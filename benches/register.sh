#!/usr/bin/env bash
# Benchmark of issue 2: `dpo check` and `dpo register --format pdf` on a
# generated workspace of 10 controllers x 1 000 categories of processing,
# side by side with merely parsing the same YAML files (serde_yaml into a
# Value: benches/bare_parse.rs). Prints medians and ratios (this machine is
# noisy: quote the ratios). Usage: benches/register.sh [CONTROLLERS ACTIVITIES RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
controllers=${1:-10}
activities=${2:-1000}
runs=${3:-5}

cargo build --release --quiet
bare=$(cargo bench --no-run --bench bare_parse --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "bare_parse":
        print(m["executable"])')
dpo=target/release/dpo

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/gen_workspace.py "$work/ws" "$controllers" "$activities"
size=$(du -sh "$work/ws" | cut -f1)
echo "workspace: $controllers controllers x $activities categories of processing ($size of YAML)"

python3 - "$runs" "$bare" "$dpo" "$work" <<'PY'
import statistics, subprocess, sys, time
runs, bare, dpo, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
ws = f"{work}/ws"
env = {"DPO_NOW": "2026-11-28T16:00:00+01:00", "PATH": "/usr/bin:/bin"}
def median(cmd, ok=(0,)):
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    t = []
    for _ in range(runs):
        s = time.perf_counter()
        r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t.append(time.perf_counter() - s)
        if r.returncode not in ok:
            sys.exit(f"{cmd} failed: {r.stderr.decode()}")
    return statistics.median(t)
parse = median([bare, ws])
check = median([dpo, "--registers", ws, "check"])
md = median([dpo, "--registers", ws, "register", "--format", "md", "-o", f"{work}/r.md"])
pdf = median([dpo, "--registers", ws, "register", "--format", "pdf", "-o", f"{work}/r.pdf"])
csv = median([dpo, "--registers", ws, "register", "--format", "csv", "-o", f"{work}/r.csv"])
pages = subprocess.run(["pdfinfo", f"{work}/r.pdf"], capture_output=True, text=True).stdout
pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
import os
print(f"median of {runs} runs after one warm-up (seconds)")
print(f"  bare parse (serde_yaml -> Value)   {parse:8.3f}   1.00x")
print(f"  dpo check                          {check:8.3f}   {check/parse:5.2f}x the bare parse   (target: <= 2x)")
print(f"  dpo register --format md           {md:8.3f}   {md/parse:5.2f}x")
print(f"  dpo register --format csv          {csv:8.3f}   {csv/parse:5.2f}x")
print(f"  dpo register --format pdf          {pdf:8.3f}   {pdf/parse:5.2f}x   (target: < 5 s)  {pages} pages, {os.path.getsize(f'{work}/r.pdf')//1024} KiB")
PY
