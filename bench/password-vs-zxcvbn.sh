#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Side-by-side speed of password strength estimation on one core (taskset -c 0), on the same
# passwords: the original zxcvbn 4.4.2 under node, ours (sw_zxcvbn_conformance --speed), and
# Debian's libzxcvbn (zxcvbn-c 2.5) when libzxcvbn-dev is installed. Prints passwords per
# CPU-second and the ratios, after ours' agreement with the reference answers and with zxcvbn on a
# generated differential set.
#
#   bench/password-vs-zxcvbn.sh /work/shared/data/passwords/zxcvbn-reference.jsonl [BUILD_DIR]
#
# BUILD_DIR: a build with -DSW_BENCH=ON (default build/h-est-rel). The npm package goes to a
# scratch folder outside the repository (ZXCVBN_SCRATCH, default /tmp/zxcvbn-node).
set -euo pipefail

ref=${1:?usage: $0 REFERENCE.jsonl [BUILD_DIR]}
ref=$(realpath "$ref")
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$repo/build/h-est-rel}
scratch=${ZXCVBN_SCRATCH:-/tmp/zxcvbn-node}
mkdir -p "$scratch"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing nodejs and npm (apt-get)" >&2
  apt-get install -y nodejs npm >/dev/null
fi
if [ ! -f "$scratch/node_modules/zxcvbn/package.json" ]; then
  (cd "$scratch" && npm install --no-audit --no-fund --silent zxcvbn@4.4.2 >/dev/null)
fi

cmake --build "$build" --target sw_zxcvbn_conformance >/dev/null

# node: all passwords (with their user inputs) in rounds for >= 5 CPU-seconds of this process.
cat >"$scratch/speed.js" <<'EOF'
'use strict';
const fs = require('fs');
const zxcvbn = require('zxcvbn');
const cases = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => {
  const j = JSON.parse(l);
  return [j.password, j.user_inputs || []];
});
for (const [p, u] of cases.slice(0, 500)) zxcvbn(p, u);  // warm-up (JIT)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let done = 0, sink = 0;
const t0 = cpu();
let t = t0;
while (t - t0 < 5) {
  for (const [p, u] of cases) { sink += zxcvbn(p, u).guesses_log10; done++; }
  t = cpu();
}
console.log(`node zxcvbn 4.4.2: ${done} estimates in ${(t - t0).toFixed(3)} CPU-s: ` +
            `${Math.round(done / (t - t0))} passwords/CPU-second` + (sink === 42 ? '!' : ''));
EOF

# libzxcvbn: a tiny C harness over the same passwords (NUL-separated file; user inputs included).
have_libzxcvbn=0
if [ -f /usr/include/zxcvbn.h ]; then
  have_libzxcvbn=1
  python3 - "$ref" "$scratch/passwords.bin" <<'EOF'
import json, sys
with open(sys.argv[2], "wb") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip():
            j = json.loads(line)
            fields = [j["password"]] + [str(u) for u in j.get("user_inputs", [])]
            out.write(b"\x01".join(f.encode("utf-8") for f in fields) + b"\0")
EOF
  cat >"$scratch/libzxcvbn_speed.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zxcvbn.h>

static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  FILE* f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* buf = malloc(size + 1);
  if (fread(buf, 1, size, f) != (size_t)size) return 2;
  fclose(f);
  /* records: password \1 user \1 user ... \0 */
  size_t n = 0, cap = 8192;
  char** pw = malloc(cap * sizeof *pw);
  const char*** user = malloc(cap * sizeof *user);
  for (long off = 0; off < size; off += strlen(buf + off) + 1) {
    char* rec = buf + off;
    const char** u = calloc(16, sizeof *u);
    int nu = 0;
    for (char* p = strchr(rec, '\1'); p && nu < 15; p = strchr(p + 1, '\1')) {
      *p = 0;
      u[nu++] = p + 1;
    }
    pw[n] = rec;
    user[n] = u;
    n++;
  }
  size_t done = 0;
  double sink = 0, t0 = cpu(), t = t0;
  while (t - t0 < 5) {
    for (size_t k = 0; k < n; k++) {
      sink += ZxcvbnMatch(pw[k], user[k], NULL);
      done++;
    }
    t = cpu();
  }
  printf("libzxcvbn 2.5: %zu estimates in %.3f CPU-s: %.0f passwords/CPU-second%s\n", done, t - t0,
         done / (t - t0), sink == 42 ? "!" : "");
  return 0;
}
EOF
  cc -O2 -o "$scratch/libzxcvbn_speed" "$scratch/libzxcvbn_speed.c" -lzxcvbn
fi

echo "== agreement of ours with zxcvbn 4.4.2 ($ref)"
"$build/bench/sw_zxcvbn_conformance" "$ref" || true
echo "== agreement on a generated differential set (bench/zxcvbn-differential.js, 3000 passwords)"
NODE_PATH="$scratch/node_modules" node "$repo/bench/zxcvbn-differential.js" 3000 12345 \
  >"$scratch/differential.jsonl"
"$build/bench/sw_zxcvbn_conformance" "$scratch/differential.jsonl" || true
echo "== speed, one core (taskset -c 0)"
node_out=$(cd "$scratch" && taskset -c 0 node speed.js "$ref")
echo "$node_out"
ours_out=$(taskset -c 0 "$build/bench/sw_zxcvbn_conformance" "$ref" --speed)
echo "$ours_out"
lib_out=""
if [ "$have_libzxcvbn" = 1 ]; then
  lib_out=$(taskset -c 0 "$scratch/libzxcvbn_speed" "$scratch/passwords.bin")
  echo "$lib_out"
else
  echo "libzxcvbn: not installed (apt-get install libzxcvbn-dev to compare)"
fi

rate() { sed -n 's/.*: \([0-9]*\) passwords\/CPU-second.*/\1/p' <<<"$1" | head -1; }
node_rate=$(rate "$node_out")
ours_rate=$(rate "$ours_out")
echo "== ratios"
awk -v o="$ours_rate" -v n="$node_rate" 'BEGIN { printf "ours / node zxcvbn: %.1fx\n", o / n }'
if [ -n "$lib_out" ]; then
  lib_rate=$(rate "$lib_out")
  awk -v o="$ours_rate" -v l="$lib_rate" 'BEGIN { printf "ours / libzxcvbn:   %.2fx\n", o / l }'
fi
