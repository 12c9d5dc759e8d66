// SPDX-License-Identifier: Apache-2.0
// The Maven version scheme, as the POM reference's "Version Order Specification" states it
// (https://maven.apache.org/pom.html#Version_Order_Specification) and Maven's ComparableVersion
// implements it: the version splits into tokens at '.', '-' and at every transition between
// digits and non-digits (a transition counts as '-'); each token keeps its separator; numbers lose
// their leading zeros; qualifiers are case-insensitive, "cr" = "rc", "ga" = "final" = "release" =
// "", and "a", "b", "m" directly followed by a digit mean alpha, beta, milestone. Trailing null
// tokens (0, "", final, ga) are trimmed before each '-' from the end, the first token included
// (ComparableVersion's ListItem.normalize empties "0" and turns "0-1" into "-1"). Tokens at the
// same position compare: with the same separator, numbers numerically, numbers above qualifiers,
// known qualifiers in the order alpha < beta < milestone < rc < snapshot < "" < sp, unknown ones
// after them lexically; with different separators ".qualifier" < "-qualifier" < "-number" <
// ".number". Where one version has run out of tokens, each remaining token of the other compares
// with "null" as ComparableVersion's Item.compareTo(null) does: a number is above it unless 0, a
// qualifier compares with the release qualifier "" (so 1.sp > 1 > 1.alpha, 1.ga.x > 1,
// 1-0.alpha < 1 and 2.0.Final < 2.0.Final.redhat-1).
//
// Where the POM reference and ComparableVersion differ, the POM reference wins, as in OSV's own
// comparators and conformance vectors: ComparableVersion keeps the nesting level of a '-'
// section whose tokens are all null (1-ga-1 < 1-1, 1-rc < 1--rc), the reference trims those
// tokens at each hyphen ("1-ga-1" = "1-1", one of its examples). Maven 3.8.7 and later also
// parse a qualifier after '.' that ends at a digit or at the end as if '-' preceded it
// (MNG-7644: 1.0.RC1 < 1.0-RC2); OSV's vectors were generated with maven-artifact 3.8.6 and
// keep the earlier order, as we do. tools/versions-conformance.py --maven recognises both
// differences when it compares us with ComparableVersion. Written by hand: no C++ library
// implements it. Every string is a Maven version (ComparableVersion accepts anything); only a NUL
// byte is rejected. Lower-casing is ASCII-only.
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

struct MavenToken {
  char prefix = 0;  // 0 (first token), '.' or '-'
  std::string value;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Numeric strings without leading zeros: longer is larger, then lexical.
int compare_numbers(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

constexpr std::string_view kKeywords[] = {"alpha", "beta", "milestone", "rc", "snapshot", "", "sp"};
constexpr int kUnknownKeyword = 7;

int keyword_order(std::string_view v) {
  for (int i = 0; i < kUnknownKeyword; ++i) {
    if (kKeywords[i] == v) return i;
  }
  return kUnknownKeyword;
}

bool should_trim(const MavenToken& t) {
  return t.value == "0" || t.value.empty() || t.value == "final" || t.value == "ga";
}

int qualifier_order(const MavenToken& t) {
  const bool number = is_number(t.value);
  if (number) return t.prefix == '-' ? 2 : 3;
  return t.prefix == '-' ? 1 : 0;
}

bool less_than(const MavenToken& v, const MavenToken& w) {
  if (v.prefix == w.prefix) {
    const bool vn = is_number(v.value);
    const bool wn = is_number(w.value);
    if (vn && wn) return compare_numbers(v.value, w.value) < 0;
    if (vn != wn) return wn;  // numbers sort after qualifiers
    const int l = keyword_order(v.value);
    const int r = keyword_order(w.value);
    if (l == kUnknownKeyword && r == kUnknownKeyword) return v.value < w.value;
    return l < r;
  }
  return qualifier_order(v) < qualifier_order(w);
}

// How a token compares with nothing (ComparableVersion's Item.compareTo(null)): a number is
// above it unless 0, a qualifier compares with the release qualifier "".
int compare_with_null(const MavenToken& t) {
  if (is_number(t.value)) return t.value == "0" ? 0 : 1;
  const int order = keyword_order(t.value);
  const int release = keyword_order("");
  return order < release ? -1 : (order > release ? 1 : 0);
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<MavenToken> parse(std::string_view str) {
  std::vector<MavenToken> tokens;
  char prefix = 0;
  size_t start = 0;
  for (size_t pos = 0;; ++pos) {
    if (pos < str.size() && str[pos] != '.' && str[pos] != '-') continue;
    const std::string_view raw = str.substr(start, pos - start);
    // Split the raw token at digit / non-digit transitions.
    size_t prev = 0;
    for (size_t k = 1; k <= raw.size(); ++k) {
      const bool last = k == raw.size();
      if (!last && is_digit(raw[k]) == is_digit(raw[k - 1])) continue;
      std::string current = to_lower(raw.substr(prev, k - prev));
      if (prev > 0) prefix = '-';
      if (current == "cr") current = "rc";
      if (current == "ga" || current == "final" || current == "release") current.clear();
      if (!last) {
        if (current == "a") current = "alpha";
        if (current == "b") current = "beta";
        if (current == "m") current = "milestone";
      }
      if (is_number(current)) {
        const size_t nz = current.find_first_not_of('0');
        current = nz == std::string::npos ? "0" : current.substr(nz);
      }
      tokens.push_back({prefix, std::move(current)});
      prev = k;
    }
    if (raw.empty()) tokens.push_back({prefix, "0"});  // empty tokens are "0"
    if (pos >= str.size()) break;
    prefix = str[pos];
    start = pos + 1;
  }
  // Trim trailing nulls, then again before each remaining '-' from the end to the start.
  long i = static_cast<long>(tokens.size()) - 1;
  while (i >= 0) {
    if (should_trim(tokens[static_cast<size_t>(i)])) {
      tokens.erase(tokens.begin() + i);
      --i;
      continue;
    }
    while (i >= 0 && tokens[static_cast<size_t>(i)].prefix != '-') --i;
    --i;
  }
  return tokens;
}

int compare_tokens(const std::vector<MavenToken>& a, const std::vector<MavenToken>& b) {
  const size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (i >= a.size() || i >= b.size()) {
      const int c = i < a.size() ? compare_with_null(a[i]) : -compare_with_null(b[i]);
      if (c != 0) return c;
      continue;
    }
    const MavenToken& left = a[i];
    const MavenToken& right = b[i];
    if (left.prefix == right.prefix && left.value == right.value) continue;
    if (less_than(left, right)) return -1;
    if (less_than(right, left)) return 1;
  }
  return 0;
}

class MavenScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "Maven"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    for (std::string_view v : {a, b}) {
      if (v.find('\0') != std::string_view::npos) {
        return fail(Errc::kParse,
                    fmt::format("invalid Maven version '{}': contains a NUL byte", v));
      }
    }
    return compare_tokens(parse(a), parse(b));
  }
};

}  // namespace

const VersionScheme& maven_scheme() {
  static const MavenScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
