#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Side by side in one run, on one core (taskset -c 0): the full analysis of a synthetic enterprise
# (bench/graph-gen-enterprise.py) by `shieldwall graph analyze` — read and validate the model,
# compile it, reachability, most likely path, minimum cut with its per-owner split, each with every
# entry and per entry kind — against the same analyses in networkx (bench/graph-networkx.py,
# Debian's python3-networkx, installed here if missing; a reference to compare with, not a
# dependency of shieldwall) on the compiled graph that `graph export -f opengraph` writes.
# networkx is given the compiled graph: its time does not include reading the model or compiling.
# Prints CPU seconds and peak RSS of each, the ratio, and whether the answers agree (targets
# reached, best path probability, cut value, per entry kind).
#
#   bench/graph-vs-networkx.sh [HOSTS...]        (default: 1000 10000 100000)
#   SW=path/to/shieldwall NX_TIMEOUT=3600 WORK=/tmp/graph-vs-networkx bench/graph-vs-networkx.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then sizes=(1000 10000 100000); else sizes=("$@"); fi
sw=${SW:-build/release/shieldwall}
work=${WORK:-/tmp/graph-vs-networkx}
nx_timeout=${NX_TIMEOUT:-3600}
[ -x "$sw" ] || ./build.sh build release >/dev/null
if ! /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
  apt-get install -y -qq python3-networkx >/dev/null
fi
mkdir -p "$work"

# measure OUT CMD...: runs CMD on core 0; writes "cpu_seconds peak_rss_kb wall_seconds" to OUT.
measure() {
  local out=$1; shift
  /usr/bin/time -f '%U %S %M %e' -o "$out.time" taskset -c 0 "$@" || true
  # The last line: /usr/bin/time puts "Command exited with non-zero status N" before it.
  tail -n 1 "$out.time" | awk '{printf "%.2f %d %.2f\n", $1 + $2, $3, $4}' >"$out"
}

printf '%-8s %10s %10s %12s %10s %10s %8s  %s\n' hosts "sw cpu s" "sw RSS MB" "nx cpu s" \
  "nx RSS MB" ratio "" answers
for hosts in "${sizes[@]}"; do
  model=$work/ent-$hosts.json
  [ -s "$model" ] || /usr/bin/python3 bench/graph-gen-enterprise.py "$hosts" "$model"
  "$sw" graph export -f opengraph -o "$work/og-$hosts.json" "$model" 2>/dev/null
  measure "$work/sw-$hosts" "$sw" graph analyze --k 0 --target-cuts 0 --fail-on none -f json \
    -o "$work/sw-$hosts.json" "$model"
  measure "$work/nx-$hosts" timeout "$nx_timeout" /usr/bin/python3 bench/graph-networkx.py \
    "$work/og-$hosts.json" >"$work/nx-$hosts.json" || true
  read -r sw_cpu sw_rss _ <"$work/sw-$hosts"
  read -r nx_cpu nx_rss _ <"$work/nx-$hosts"
  verdict=$(/usr/bin/python3 - "$work/sw-$hosts.json" "$work/nx-$hosts.json" <<'EOF'
import json, math, sys
try:
    sw = json.load(open(sys.argv[1]))
    nx = json.load(open(sys.argv[2]))
except Exception as e:  # networkx timed out or failed
    print(f"networkx gave no answer (killed at the time limit, or failed: {type(e).__name__})")
    sys.exit()
def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
def prob(path):
    return path["probability"] if path else None
problems, same_items = [], True
def check(label, swpart, nxpart, reach_sw):
    global same_items
    if sorted(reach_sw) != nxpart["reachable_targets"]:
        problems.append(f"{label}: targets reached differ")
    if not close(prob(swpart["most_likely_path"]), nxpart["best_probability"]):
        problems.append(f"{label}: best path {prob(swpart['most_likely_path'])} vs {nxpart['best_probability']}")
    c, d = swpart["min_cut"], nxpart["min_cut"]
    if c["unbounded"] != d["unbounded"] or not close(c["value"], d["value"]):
        problems.append(f"{label}: cut {c['value']} vs {d['value']}")
    if sorted(i["id"] for i in c["items"]) != d["items"]:
        same_items = False
check("all", sw, nx, sw["reachable_targets"])
for k in sw["cuts_by_entry_kind"]:
    check(k["kind"], k, nx["by_entry_kind"][k["kind"]], k["reachable_targets"])
kinds = len(sw["cuts_by_entry_kind"])
if problems:
    print("DISAGREE: " + "; ".join(problems))
else:
    value = sw["min_cut"]["value"]
    print(f"agree (1 + {kinds} entry kinds: targets, best path, cut value {value:g}; "
          + ("same cut items" if same_items else "another cut of the same cost") + ")")
EOF
)
  ratio=$(awk -v a="$nx_cpu" -v b="$sw_cpu" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }')
  printf '%-8s %10s %10d %12s %10d %10s %8s  %s\n' "$hosts" "$sw_cpu" $((sw_rss / 1024)) \
    "$nx_cpu" $((nx_rss / 1024)) "$ratio" "" "$verdict"
done
echo "(cpu = user + system seconds on one core; networkx starts from the compiled graph, shieldwall"
echo " from the model file; networkx limited to ${nx_timeout}s; files in $work)"
