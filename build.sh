#!/usr/bin/env bash
# shieldwall set-up and build on Debian 12. Installs the Debian packages listed in
# deps/debian-packages.txt that are missing, configures with CMake presets, builds, and then:
#   ./build.sh run [ARGS...]   release build, then `shieldwall scan ARGS...` on this machine
#   ./build.sh test            debug build (ASan + UBSan, warnings as errors), then the whole test suite
#   ./build.sh build PRESET    just build a preset (release, debug, bench, fuzz)
set -euo pipefail
cd "$(dirname "$0")"

need_root() { if [ "$(id -u)" -ne 0 ]; then echo sudo; fi; }

install_deps() {
  local missing=()
  while read -r pkg; do
    pkg=${pkg%%#*}; pkg=$(echo "$pkg" | xargs)
    [ -z "$pkg" ] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done < deps/debian-packages.txt
  if [ ${#missing[@]} -gt 0 ]; then
    echo "shieldwall: installing ${missing[*]}" >&2
    $(need_root) apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $(need_root) apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >&2
  fi
}

# build PRESET [TARGET...]
build() {
  local preset=$1
  shift
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)" ${1:+--target "$@"}
}

cmd=${1:-test}
shift || true
case "$cmd" in
  run)
    install_deps
    build release shieldwall >&2
    exec ./build/release/shieldwall scan "$@"
    ;;
  test)
    install_deps
    build debug
    ctest --preset debug
    ;;
  build)
    install_deps
    build "${1:-release}"
    ;;
  *)
    echo "usage: ./build.sh run [scan options] | test | build [PRESET]" >&2
    exit 2
    ;;
esac
