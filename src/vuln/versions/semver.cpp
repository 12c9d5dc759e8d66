// SPDX-License-Identifier: Apache-2.0
// SemVer ordering for npm, crates.io, Hex, SwiftURL and the other OSV ecosystems whose versions
// are Semantic Versions. Precedence is SemVer 2.0.0 section 11 exactly: major.minor.patch
// numerically, a prerelease sorts before its release, prerelease identifiers compare numerically
// when all digits (any length: OSV data holds 30-digit numbers) and before alphanumeric ones,
// which compare in ASCII order, a longer identifier list wins a tie; build metadata is ignored.
//
// Parsing is node-semver's `loose` mode (semver/internal/re.js LOOSE), which OSV's matcher also
// accepts: surrounding whitespace and a run of leading `v`/`=`; leading zeros in numbers; a
// prerelease not introduced by `-` when it starts with a letter (`1.36.0rc1` = `1.36.0-rc1`).
// Two extensions are taken from OSV's matcher (osv-scalibr semantic/version-semver-like.go) and
// the conformance vectors it ships: missing minor/patch read as 0 (`1` = `1.0.0`, `1.2-b` =
// `1.2.0-b`), and numeric parts past the third become leading prerelease identifiers
// (`1.1.3.4.5` orders as `1.1.3-4.5`, before `1.1.3`, as OSV orders it). Anything else that is
// not SemVer (empty identifiers, characters outside [0-9A-Za-z-], no leading number) is rejected.
// Written by hand: no C++ library implements node-semver's loose grammar.
#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"
#include "vuln/versions/semver_like.h"

namespace sw::vuln {
namespace versions {
namespace {

bool is_ident_char(char c) { return is_alnum(c) || c == '-'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Splits `s` on '.' into non-empty identifiers of [0-9A-Za-z-]; false on anything else.
bool split_identifiers(std::string_view s, std::vector<std::string_view>& out) {
  while (true) {
    const size_t dot = s.find('.');
    const std::string_view id = s.substr(0, dot);
    if (id.empty()) return false;
    for (char c : id) {
      if (!is_ident_char(c)) return false;
    }
    out.push_back(id);
    if (dot == std::string_view::npos) return true;
    s.remove_prefix(dot + 1);
  }
}

}  // namespace

Result<SemverLike> parse_semver_like(std::string_view v, std::string_view scheme) {
  auto bad = [&] {
    return fail(Errc::kParse, fmt::format("not a {} version: {}", scheme, quoted(v)));
  };
  std::string_view s = v;
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  while (!s.empty() && (is_space(s.front()) || s.front() == 'v' || s.front() == '=')) {
    s.remove_prefix(1);
  }
  // Numeric parts: digits separated by single dots.
  std::vector<std::string_view> numbers;
  while (true) {
    size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    if (n == 0) return bad();
    numbers.push_back(s.substr(0, n));
    s.remove_prefix(n);
    if (s.size() >= 2 && s[0] == '.' && is_digit(s[1])) {
      s.remove_prefix(1);
      continue;
    }
    break;
  }
  SemverLike out;
  out.major = numbers[0];
  out.minor = numbers.size() > 1 ? numbers[1] : std::string_view("0");
  out.patch = numbers.size() > 2 ? numbers[2] : std::string_view("0");
  for (size_t i = 3; i < numbers.size(); ++i) out.prerelease.push_back(numbers[i]);

  const size_t plus = s.find('+');
  std::string_view pre = s.substr(0, plus);
  if (!pre.empty()) {
    if (pre.front() == '-') {
      pre.remove_prefix(1);
    } else if (!is_alpha(pre.front())) {
      return bad();
    }
    if (!split_identifiers(pre, out.prerelease)) return bad();
  }
  if (plus != std::string_view::npos && !split_identifiers(s.substr(plus + 1), out.build)) {
    return bad();
  }
  return out;
}

int compare_semver_identifiers(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const bool an = all_digits(a[i]);
    const bool bn = all_digits(b[i]);
    int c = 0;
    if (an && bn) {
      c = compare_decimal(a[i], b[i]);
    } else if (an != bn) {
      c = an ? -1 : 1;
    } else {
      c = compare_bytes(a[i], b[i]);
    }
    if (c != 0) return c;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

int compare_semver_core(const SemverLike& a, const SemverLike& b) {
  if (int c = compare_decimal(a.major, b.major)) return c;
  if (int c = compare_decimal(a.minor, b.minor)) return c;
  return compare_decimal(a.patch, b.patch);
}

namespace {

class SemverScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "SemVer"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse_semver_like(a, name());
    if (!va) return Unexpected(va.error());
    auto vb = parse_semver_like(b, name());
    if (!vb) return Unexpected(vb.error());
    if (int c = compare_semver_core(*va, *vb)) return c;
    // A release sorts after its prereleases (SemVer 2.0.0 11.3).
    if (va->prerelease.empty() != vb->prerelease.empty()) return va->prerelease.empty() ? 1 : -1;
    return compare_semver_identifiers(va->prerelease, vb->prerelease);
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& semver_scheme() {
  static const versions::SemverScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
