// SPDX-License-Identifier: Apache-2.0
// Go module version ordering, as golang.org/x/mod/semver (semver.go: parse, Compare): canonical
// SemVer 2.0.0 with a required `v` and the shorthands `vMAJOR` and `vMAJOR.MINOR` (= .0.0 / .0,
// without prerelease or build); no leading zeros in numbers or numeric prerelease identifiers;
// build metadata (`+incompatible` included) is ignored for ordering. Pseudo-versions
// (v0.0.0-20191109021931-daa7c04131f5, vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef) are ordinary
// prereleases and order as such. OSV's Go entries omit the `v` (introduced "0", fixed "1.2.3"), so
// a missing `v` is supplied before parsing, as OSV's matcher does. Where x/mod's Compare orders
// an invalid string before every valid one, this scheme rejects it (kParse): never a guess.
// Written by hand: x/mod is Go; its rules are a few dozen lines.
#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace versions {
namespace {

struct GoVersion {
  std::string_view major, minor, patch;
  std::string_view prerelease;  // with its leading '-', or empty
};

bool is_ident_char(char c) { return is_alnum(c) || c == '-'; }

// x/mod parseInt: digits without a leading zero (unless exactly "0").
bool parse_int(std::string_view& s, std::string_view& out) {
  size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  if (n == 0 || (s[0] == '0' && n != 1)) return false;
  out = s.substr(0, n);
  s.remove_prefix(n);
  return true;
}

bool is_bad_num(std::string_view id) { return all_digits(id) && id.size() > 1 && id[0] == '0'; }

// Dot-separated identifiers, none empty; `numeric_rule` rejects leading zeros in numeric ones.
bool valid_identifiers(std::string_view s, bool numeric_rule) {
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      const std::string_view id = s.substr(start, i - start);
      if (id.empty() || (numeric_rule && is_bad_num(id))) return false;
      start = i + 1;
    } else if (!is_ident_char(s[i])) {
      return false;
    }
  }
  return true;
}

bool parse_go(std::string_view s, GoVersion& out) {
  if (!s.empty() && s.front() == 'v') s.remove_prefix(1);
  if (!parse_int(s, out.major)) return false;
  out.minor = out.patch = "0";
  if (s.empty()) return true;
  if (s.front() != '.') return false;
  s.remove_prefix(1);
  if (!parse_int(s, out.minor)) return false;
  if (s.empty()) return true;
  if (s.front() != '.') return false;
  s.remove_prefix(1);
  if (!parse_int(s, out.patch)) return false;
  const size_t plus = s.find('+');
  const std::string_view pre = s.substr(0, plus);
  if (!pre.empty()) {
    if (pre.front() != '-' || !valid_identifiers(pre.substr(1), true)) return false;
    out.prerelease = pre;
  }
  return plus == std::string_view::npos || valid_identifiers(s.substr(plus + 1), false);
}

// x/mod comparePrerelease.
int compare_prerelease(std::string_view x, std::string_view y) {
  if (x == y) return 0;
  if (x.empty()) return 1;
  if (y.empty()) return -1;
  while (!x.empty() && !y.empty()) {
    x.remove_prefix(1);  // the '-' or '.'
    y.remove_prefix(1);
    const std::string_view dx = x.substr(0, x.find('.'));
    const std::string_view dy = y.substr(0, y.find('.'));
    x.remove_prefix(dx.size());
    y.remove_prefix(dy.size());
    if (dx != dy) {
      const bool ix = all_digits(dx);
      const bool iy = all_digits(dy);
      if (ix != iy) return ix ? -1 : 1;
      if (ix && dx.size() != dy.size()) return dx.size() < dy.size() ? -1 : 1;
      return dx < dy ? -1 : 1;
    }
  }
  return x.empty() ? -1 : 1;
}

class GoScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "Go"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    GoVersion va, vb;
    if (!parse_go(a, va)) return fail(Errc::kParse, fmt::format("not a Go version: {}", quoted(a)));
    if (!parse_go(b, vb)) return fail(Errc::kParse, fmt::format("not a Go version: {}", quoted(b)));
    if (int c = compare_decimal(va.major, vb.major)) return c;
    if (int c = compare_decimal(va.minor, vb.minor)) return c;
    if (int c = compare_decimal(va.patch, vb.patch)) return c;
    return compare_prerelease(va.prerelease, vb.prerelease);
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& go_scheme() {
  static const versions::GoScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
