// SPDX-License-Identifier: Apache-2.0
// NuGet version ordering, as NuGet.Versioning (NuGetVersion.TryParse, VersionComparer with
// VersionComparison.Default):
//  * `N[.N[.N[.N]]][-label(.label)*][+metadata]`, split at the first `-` or `+` (ParseSections);
//    1 to 4 numeric parts (System.Version, with NuGet's ".0" for a single part), leading zeros
//    allowed, missing parts 0, so 1.0 = 1.0.0.0 and 1.0.01 = 1.0.1.0; surrounding whitespace
//    trimmed; labels and metadata are non-empty [0-9A-Za-z-] identifiers, numeric labels without
//    leading zeros (IsValidPart(s, false)), metadata may have them;
//  * Major, Minor, Patch, Revision numerically; a release sorts after its prereleases; labels
//    compare in turn (CompareRelease): two labels Int32.TryParse reads as numbers compare
//    numerically, a numeric label sorts before a text one, text compares ordinal ignoring case;
//    a missing label sorts first; metadata is ignored.
// One deviation: System.Version limits parts to Int32; OSV's matcher (osv-scalibr
// semantic/version-nuget.go) and its vectors compare parts of any length, so this does too.
// Written by hand: NuGet.Versioning is C#.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace versions {
namespace {

struct NuGetVersion {
  std::array<std::string_view, 4> parts{"0", "0", "0", "0"};
  std::vector<std::string_view> labels;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Dot-separated non-empty [0-9A-Za-z-] identifiers; `no_leading_zeros` for release labels.
bool split_identifiers(std::string_view s, bool no_leading_zeros,
                       std::vector<std::string_view>* out) {
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      const std::string_view id = s.substr(start, i - start);
      if (id.empty()) return false;
      if (no_leading_zeros && all_digits(id) && id.size() > 1 && id[0] == '0') return false;
      if (out) out->push_back(id);
      start = i + 1;
    } else if (!is_alnum(s[i]) && s[i] != '-') {
      return false;
    }
  }
  return true;
}

std::optional<NuGetVersion> parse(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  const size_t sep = s.find_first_of("-+");
  const std::string_view numbers = s.substr(0, sep);
  NuGetVersion out;
  size_t count = 0;
  size_t start = 0;
  for (size_t i = 0; i <= numbers.size(); ++i) {
    if (i == numbers.size() || numbers[i] == '.') {
      const std::string_view part = numbers.substr(start, i - start);
      if (!all_digits(part) || count == 4) return std::nullopt;
      out.parts[count++] = part;
      start = i + 1;
    }
  }
  if (sep == std::string_view::npos) return out;
  std::string_view rest = s.substr(sep);
  const size_t plus = rest.find('+');
  if (rest.front() == '-') {
    if (!split_identifiers(rest.substr(1, plus == std::string_view::npos ? plus : plus - 1), true,
                           &out.labels)) {
      return std::nullopt;
    }
  }
  if (plus != std::string_view::npos && !split_identifiers(rest.substr(plus + 1), false, nullptr)) {
    return std::nullopt;
  }
  return out;
}

// Int32.TryParse on a label: an optional '-' then digits, within the Int32 range.
std::optional<int64_t> int32_label(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (!all_digits(s)) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > 2147483648LL) return std::nullopt;
  }
  if (negative) v = -v;
  if (v > 2147483647LL) return std::nullopt;
  return v;
}

int compare_ignore_case(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const unsigned char ca = static_cast<unsigned char>(to_lower(a[i]));
    const unsigned char cb = static_cast<unsigned char>(to_lower(b[i]));
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

int compare_label(std::string_view a, std::string_view b) {
  const auto an = int32_label(a);
  const auto bn = int32_label(b);
  if (an && bn) return *an == *bn ? 0 : (*an < *bn ? -1 : 1);
  if (an || bn) return an ? -1 : 1;
  return compare_ignore_case(a, b);
}

class NuGetScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "NuGet"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    const auto va = parse(a);
    if (!va) return fail(Errc::kParse, fmt::format("not a NuGet version: {}", quoted(a)));
    const auto vb = parse(b);
    if (!vb) return fail(Errc::kParse, fmt::format("not a NuGet version: {}", quoted(b)));
    for (size_t i = 0; i < 4; ++i) {
      if (int c = compare_decimal(va->parts[i], vb->parts[i])) return c;
    }
    if (va->labels.empty() != vb->labels.empty()) return va->labels.empty() ? 1 : -1;
    for (size_t i = 0; i < va->labels.size() || i < vb->labels.size(); ++i) {
      if (i >= va->labels.size()) return -1;
      if (i >= vb->labels.size()) return 1;
      if (int c = compare_label(va->labels[i], vb->labels[i])) return c;
    }
    return 0;
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& nuget_scheme() {
  static const versions::NuGetScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
