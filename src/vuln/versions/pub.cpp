// SPDX-License-Identifier: Apache-2.0
// Pub (Dart) version ordering, as package:pub_semver's Version.compareTo (lib/src/version.dart):
// major, minor, patch; a prerelease sorts before its release; then, unlike SemVer, build metadata
// IS ordered: a version without build sorts before the same version with one, and build lists
// compare like prerelease lists. List elements compare by Version._compareLists: a part that
// int.tryParse reads as an integer (decimal, or `0x` hex, optional `-`, within 64 bits) is a
// number, numbers sort before strings, strings compare by code unit, a missing part sorts first.
//
// Parsing: pub_semver accepts only `X.Y.Z[-pre][+build]` with 64-bit numbers; OSV's matcher reads
// Pub versions with its SemVer-like parser (osv-scalibr semantic/version-pub.go) and its
// conformance vectors rely on that (`v1.2.3`, a lone `999999999999999999999999999991`), so
// Pub versions are parsed like the SemVer scheme (semver.cpp: leading `v`, missing parts 0,
// numbers of any length). Written by hand: no C++ library implements pub_semver.
#include <cstdint>
#include <optional>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"
#include "vuln/versions/semver_like.h"

namespace sw::vuln {
namespace versions {
namespace {

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Dart's int.tryParse(part) for the characters an identifier can hold ([0-9A-Za-z-]): an
// optional '-', then decimal digits or 0x/0X and hex digits; nullopt when not an integer or
// outside the 64-bit range (where Dart's int.parse fails).
std::optional<int64_t> dart_int(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty()) return std::nullopt;
  // Accumulate as a negative number so that -2^63 fits.
  const int64_t min = INT64_MIN;
  int64_t acc = 0;
  for (char c : s) {
    const int d = hex_value(c);
    if (d < 0 || d >= base) return std::nullopt;
    if (acc < (min + d) / base) return std::nullopt;
    acc = acc * base - d;
  }
  if (!negative) {
    if (acc == min) return std::nullopt;
    return -acc;
  }
  return acc;
}

int compare_lists(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  for (size_t i = 0; i < a.size() || i < b.size(); ++i) {
    if (i >= a.size()) return -1;
    if (i >= b.size()) return 1;
    const auto an = dart_int(a[i]);
    const auto bn = dart_int(b[i]);
    if (an && bn) {
      if (*an != *bn) return *an < *bn ? -1 : 1;
    } else if (an || bn) {
      return an ? -1 : 1;
    } else if (int c = compare_bytes(a[i], b[i])) {
      return c;
    }
  }
  return 0;
}

class PubScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "Pub"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse_semver_like(a, name());
    if (!va) return Unexpected(va.error());
    auto vb = parse_semver_like(b, name());
    if (!vb) return Unexpected(vb.error());
    if (int c = compare_semver_core(*va, *vb)) return c;
    // Pre-releases always come before no pre-release string.
    if (va->prerelease.empty() != vb->prerelease.empty()) return va->prerelease.empty() ? 1 : -1;
    if (int c = compare_lists(va->prerelease, vb->prerelease)) return c;
    // Builds always come after no build string.
    if (va->build.empty() != vb->build.empty()) return va->build.empty() ? -1 : 1;
    return compare_lists(va->build, vb->build);
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& pub_scheme() {
  static const versions::PubScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
