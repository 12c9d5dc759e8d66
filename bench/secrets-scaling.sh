#!/usr/bin/env bash
# Thread scaling and memory of `shieldwall secrets` on a real tree, side by side with gitleaks'
# design where one is given. Wall time and peak RSS per thread count, and the speed-up over one
# thread; the compiled-rules cache is warmed first so start-up is not timed.
#
#   bench/secrets-scaling.sh BIN TREE [RULES.toml] [THREADS...]
#   bench/secrets-scaling.sh build/release/shieldwall /tmp/linux /work/shared/data/secrets/gitleaks.toml 1 2
#
# Memory independent of file count: run it on two trees of very different file counts (e.g.
# /usr/include and the Linux source) and compare the peak RSS column.
set -uo pipefail
bin=${1:?usage: secrets-scaling.sh BIN TREE [RULES.toml] [THREADS...]}
tree=${2:?tree}
shift 2
rules_args=()
if [[ $# -gt 0 && $1 == *.toml ]]; then
  rules_args=(--rules "$1")
  shift
fi
threads=("$@")
[[ ${#threads[@]} -eq 0 ]] && threads=(1 $(nproc))
export SHIELDWALL_CACHE_DIR=${SHIELDWALL_CACHE_DIR:-$(mktemp -d)}
files=$(find "$tree" -type f | wc -l)
mb=$(du -sm --apparent-size "$tree" | cut -f1)
echo "tree $tree: $files files, $mb MB; rules: ${rules_args[*]:-defaults}; $(nproc) cores"
# Warm the page cache and the compiled-rules cache.
"$bin" secrets "${rules_args[@]}" --threads 1 -f json -o /dev/null "$tree" >/dev/null 2>&1 || true
base=""
timing=$(mktemp)
printf '%-8s %10s %10s %10s %12s %9s\n' threads wall_s MB/s cpu_s peak_rss_MB speedup
for t in "${threads[@]}"; do
  best=""
  for _ in 1 2 3; do
    /usr/bin/time -o "$timing" -f '%e %U %S %M' "$bin" secrets "${rules_args[@]}" --threads "$t" \
      -f json -o /dev/null "$tree" >/dev/null 2>&1
    out=$(tail -1 "$timing")
    read -r wall user sys rss <<<"$out"
    if [[ -z $best ]] || awk "BEGIN{exit !($wall < ${best%% *})}"; then
      best="$wall $user $sys $rss"
    fi
  done
  read -r wall user sys rss <<<"$best"
  [[ -z $base ]] && base=$wall
  awk -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v mb="$mb" -v b="$base" \
    'BEGIN{printf "%-8s %10.2f %10.1f %10.2f %12.1f %8.2fx\n", t, w, mb/w, u+s, r/1024, b/w}'
done
