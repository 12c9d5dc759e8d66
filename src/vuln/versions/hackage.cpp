// SPDX-License-Identifier: Apache-2.0
// The Haskell version scheme (Hackage, GHC): the Package Versioning Policy's dotted numbers,
// parsed as Cabal's `Parsec Version` instance parses them (Cabal-syntax
// Distribution.Types.Version: components without leading zeros, at most 9 digits each, separated
// by '.'; deprecated "-tag" suffixes of letters and digits are accepted and dropped) and ordered
// as Data.Version's Ord: lexicographically on the list of integers, so 1.0 < 1.0.0.
// Written by hand: no C++ library implements it.
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Result<std::vector<long>> parse(std::string_view s) {
  auto bad = [s](std::string_view why) {
    return fail(Errc::kParse, fmt::format("invalid Haskell version '{}': {}", s, why));
  };
  std::vector<long> out;
  size_t i = 0;
  for (;;) {
    const size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    const std::string_view digits = s.substr(start, i - start);
    if (digits.empty()) return bad("expected a number");
    if (digits.size() > 1 && digits.front() == '0') return bad("number with a leading zero");
    if (digits.size() > 9) return bad("more than 9 digits in a number");
    long v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    out.push_back(v);
    if (i < s.size() && s[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  // Deprecated tags: ("-" alnum+)*.
  while (i < s.size() && s[i] == '-') {
    const size_t start = ++i;
    while (i < s.size() && is_alnum(s[i])) ++i;
    if (i == start) return bad("empty tag");
  }
  if (i != s.size()) return bad(fmt::format("unexpected '{}'", s.substr(i, 1)));
  return out;
}

class HackageScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "Haskell PVP"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse(a);
    if (!va) return Unexpected(va.error());
    auto vb = parse(b);
    if (!vb) return Unexpected(vb.error());
    if (*va < *vb) return -1;
    if (*vb < *va) return 1;
    return 0;
  }
};

}  // namespace

const VersionScheme& hackage_scheme() {
  static const HackageScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
