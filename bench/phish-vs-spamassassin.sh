#!/usr/bin/env bash
# Side by side, in one run, on one core: `shieldwall phish` and offline SpamAssassin (Debian's
# package, stock rules, local tests only: no DNS, no Bayes) on a labelled set of e-mails.
# Reports recall (phishing caught), false positives (legitimate mail flagged), per-detector fire
# rates, and the speed of each (messages per CPU-second; shieldwall's the median of five runs,
# SpamAssassin's one run of ~40 s) with the ratio.
#
#   bench/phish-vs-spamassassin.sh DATA_DIR [SHIELDWALL] [--no-sa]
#
# DATA_DIR holds eml/phish/*.eml and eml/ham/*.eml and sa_baseline.pl (../shared/data/phishing).
# SHIELDWALL defaults to build/release/shieldwall. --no-sa skips SpamAssassin (it needs ~0.1 CPU-s
# per message) and reports shieldwall alone. Needs: spamassassin (apt), python3, /usr/bin/time.
set -euo pipefail
data=${1:?usage: $0 DATA_DIR [SHIELDWALL] [--no-sa]}
sw=${2:-build/release/shieldwall}
run_sa=1
for a in "$@"; do [ "$a" = "--no-sa" ] && run_sa=0; done
[ -x "$sw" ] || { echo "no shieldwall binary at $sw (./build.sh build release)" >&2; exit 2; }
[ -d "$data/eml/phish" ] && [ -d "$data/eml/ham" ] || { echo "$data: no eml/phish or eml/ham" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
n=$(find "$data/eml/phish" "$data/eml/ham" -type f | wc -l)

# shieldwall: one process over all messages (exit 1 = something phishing, expected), five times:
# a run takes well under a second, so the median of five is reported (each run's figure too).
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%U %S %M" -o "$out/sw.time.$i" taskset -c 0 "$sw" phish --format json \
    "$data/eml/phish" "$data/eml/ham" >"$out/sw.json" || [ $? -eq 1 ]
done

if [ "$run_sa" = 1 ]; then
  command -v spamassassin >/dev/null || { echo "spamassassin missing: apt-get install spamassassin" >&2; exit 2; }
  /usr/bin/time -f "%U %S %M" -o "$out/sa.time" taskset -c 0 perl "$data/sa_baseline.pl" \
    "$data/eml/phish" "$data/eml/ham" >"$out/sa.tsv" 2>"$out/sa.err"
fi

python3 - "$out" "$n" "$run_sa" <<'EOF'
import collections, json, os, sys
out, n, run_sa = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
def cpu(path):
    u, s, m = open(path).read().split()[-3:]
    return float(u) + float(s), int(m) // 1024
label = lambda p: "phish" if "/eml/phish/" in p else "ham"
sw = json.load(open(os.path.join(out, "sw.json")))
res = [r for r in sw["results"] if r.get("kind") == "email"]
tot = collections.Counter(label(r["file"]) for r in res)
def rates(flag):
    tp = sum(1 for r in res if label(r["file"]) == "phish" and flag(r))
    fp = sum(1 for r in res if label(r["file"]) == "ham" and flag(r))
    return tp, fp
print(f"messages: {len(res)} analysed ({tot['phish']} phishing, {tot['ham']} legitimate); errors: {sw['summary']['errors']}")
for name, flag in [("verdict phishing", lambda r: r["verdict"] == "phishing"),
                   ("phishing or suspicious", lambda r: r["verdict"] in ("phishing", "suspicious"))]:
    tp, fp = rates(flag)
    print(f"shieldwall  {name:24s} recall {tp}/{tot['phish']} = {100*tp/max(1,tot['phish']):.1f}%   "
          f"false positives {fp}/{tot['ham']} = {100*fp/max(1,tot['ham']):.1f}%")
hits = collections.defaultdict(collections.Counter)
for r in res:
    for d in {x["detector"] for x in r["reasons"] if x["points"] > 0}:
        hits[d][label(r["file"])] += 1
print("detector fire rates (messages; phishing / legitimate):")
for d, c in sorted(hits.items(), key=lambda kv: -kv[1]["phish"]):
    print(f"  {d:28s} {c['phish']:4d} / {c['ham']:4d}")
runs = sorted(cpu(os.path.join(out, f"sw.time.{i}")) for i in range(1, 6))
sw_cpu, sw_mem = runs[len(runs) // 2]
print(f"shieldwall  speed: {len(res)} messages in {sw_cpu:.2f} CPU-s (median of {len(runs)} runs: "
      f"{', '.join(f'{c:.2f}' for c, _ in runs)}) = {len(res)/max(sw_cpu,1e-3):.0f} messages/CPU-s, "
      f"{sw_mem} MB max RSS")
if run_sa:
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(out, "sa.tsv")) if l.strip()]
    sa_tot = collections.Counter(label(r[0]) for r in rows)
    for name, flag in [("score >= 5 (spam)", lambda r: r[3] == "1"), ("score >= 3", lambda r: float(r[1]) >= 3)]:
        tp = sum(1 for r in rows if label(r[0]) == "phish" and flag(r))
        fp = sum(1 for r in rows if label(r[0]) == "ham" and flag(r))
        print(f"SpamAssassin {name:23s} recall {tp}/{sa_tot['phish']} = {100*tp/max(1,sa_tot['phish']):.1f}%   "
              f"false positives {fp}/{sa_tot['ham']} = {100*fp/max(1,sa_tot['ham']):.1f}%")
    sa_cpu, sa_mem = cpu(os.path.join(out, "sa.time"))
    print(f"SpamAssassin speed: {len(rows)} messages in {sa_cpu:.2f} CPU-s = {len(rows)/max(sa_cpu,1e-3):.1f} messages/CPU-s, {sa_mem} MB max RSS")
    print(f"speed ratio (messages/CPU-s): shieldwall / SpamAssassin = {(len(res)/max(sw_cpu,1e-3))/(len(rows)/max(sa_cpu,1e-3)):.0f}x")
EOF
