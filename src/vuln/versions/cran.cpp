// SPDX-License-Identifier: Apache-2.0
// The R package version scheme (CRAN, Bioconductor): non-negative integers separated by '.' or
// '-', ordered as R's utils::compareVersion() does: component by component, and when one runs out
// first the longer one is newer (1.0 < 1.0.0, 0.01 = 0.1-0). Splitting follows R's strsplit()
// (a separator at the very end adds no component); each component must convert with as.integer()
// (R fails on NA). Written by hand: no C++ library implements it.
//
// Accepted: components of ASCII digits that fit R's integer (<= 2147483647). Rejected with kParse:
// an empty string, an empty component (".1", "1..2") and anything else R would turn into NA.
// R's as.integer() also takes oddities such as " 1", "1e2" or "0x10"; no R package version has
// them, so they are rejected rather than guessed at.
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

constexpr long long kRIntMax = 2147483647;

Result<std::vector<long long>> parse(std::string_view s) {
  auto bad = [s](std::string_view why) {
    return fail(Errc::kParse, fmt::format("invalid R package version '{}': {}", s, why));
  };
  if (s.empty()) return bad("empty");
  std::string_view rest = s;
  // strsplit(): a trailing separator does not produce an empty last component.
  if (rest.back() == '.' || rest.back() == '-') rest.remove_suffix(1);
  std::vector<long long> out;
  size_t start = 0;
  for (size_t i = 0; i <= rest.size(); ++i) {
    if (i < rest.size() && rest[i] != '.' && rest[i] != '-') continue;
    const std::string_view part = rest.substr(start, i - start);
    if (part.empty()) return bad("empty component");
    long long value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return bad(fmt::format("component '{}' is not a number", part));
      value = value * 10 + (c - '0');
      if (value > kRIntMax) return bad(fmt::format("component '{}' is too big", part));
    }
    out.push_back(value);
    start = i + 1;
  }
  return out;
}

class CranScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "R package version"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse(a);
    if (!va) return Unexpected(va.error());
    auto vb = parse(b);
    if (!vb) return Unexpected(vb.error());
    for (size_t k = 0; k < va->size(); ++k) {
      if (k >= vb->size()) return 1;
      if ((*va)[k] != (*vb)[k]) return (*va)[k] < (*vb)[k] ? -1 : 1;
    }
    return vb->size() > va->size() ? -1 : 0;
  }
};

}  // namespace

const VersionScheme& cran_scheme() {
  static const CranScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
