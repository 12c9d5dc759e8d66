// SPDX-License-Identifier: Apache-2.0
// Packagist (Composer) version ordering: PHP's version_compare() (ext/standard/versioning.c:
// php_canonicalize_version, compare_special_version_forms, php_version_compare) after stripping
// one leading `v`/`V` as Composer does. Canonicalisation turns `-`, `_`, `+` and other
// non-alphanumerics into `.` and puts a `.` between a digit and a non-digit; parts compare in
// turn: two numbers numerically, two words by their special form (any other word < dev <
// alpha = a < beta = b < RC = rc < # < pl = p, matched by prefix, case-sensitive), a number
// counts as `#`; when one side runs out, a number left over on the other wins and a word left
// over compares against `#`.
// Departures from PHP, taken from OSV's matcher (osv-scalibr semantic/version-packagist.go)
// and its vectors, which are the spec here: numbers compare at any length (PHP's strtol
// saturates at LONG_MAX), and `#` survives canonicalisation as a word (PHP drops it after a dot,
// so `1.2.3.#` = `1.2.3` holds). A third, for antisymmetry: where both sides end in a separator
// PHP orders `1.0.` before itself; see version_compare below. Rejected (kParse): the empty string
// and strings with bytes outside printable ASCII, which no Composer version holds; version_compare
// takes any string. Written by hand: version_compare is C inside PHP.
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace versions {
namespace {

bool isdig(char c) { return is_digit(c); }
bool isndig(char c) { return !is_digit(c) && c != '.'; }
bool isspecialver(char c) { return c == '-' || c == '_' || c == '+'; }
bool kept(char c) { return is_alnum(c) || c == '#'; }

// php_canonicalize_version, with '#' kept like a letter.
std::string canonicalize(std::string_view v) {
  std::string q;
  if (v.empty()) return q;
  q.reserve(v.size() * 2);
  char lp = v[0];
  q += lp;
  for (size_t i = 1; i < v.size(); ++i) {
    const char p = v[i];
    if (isspecialver(p)) {
      if (q.back() != '.') q += '.';
    } else if ((isndig(lp) && isdig(p)) || (isdig(lp) && isndig(p))) {
      if (q.back() != '.') q += '.';
      q += p;
    } else if (!kept(p)) {
      if (q.back() != '.') q += '.';
    } else {
      q += p;
    }
    lp = p;
  }
  return q;
}

// compare_special_version_forms: order of the first form each string starts with, -1 if none.
int special_form(std::string_view s) {
  static constexpr std::pair<std::string_view, int> kForms[] = {
      {"dev", 0}, {"alpha", 1}, {"a", 1}, {"beta", 2}, {"b", 2},
      {"RC", 3},  {"rc", 3},    {"#", 4}, {"pl", 5},   {"p", 5},
  };
  for (const auto& [form, order] : kForms) {
    if (s.substr(0, form.size()) == form) return order;
  }
  return -1;
}

int compare_special(std::string_view a, std::string_view b) {
  return sign(special_form(a) - special_form(b));
}

std::string_view leading_digits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return s.substr(0, n);
}

bool starts_digit(std::string_view s) { return !s.empty() && is_digit(s.front()); }

// php_version_compare, numbers compared at any length.
int version_compare(std::string_view orig1, std::string_view orig2) {
  if (orig1.empty() || orig2.empty()) {
    if (orig1.empty() && orig2.empty()) return 0;
    return orig1.empty() ? -1 : 1;
  }
  const std::string ver1 = orig1.front() == '#' ? std::string(orig1) : canonicalize(orig1);
  const std::string ver2 = orig2.front() == '#' ? std::string(orig2) : canonicalize(orig2);
  std::string_view p1 = ver1, p2 = ver2;
  bool more1 = true, more2 = true;  // n1 != NULL, n2 != NULL
  int compare = 0;
  while (!p1.empty() && !p2.empty() && more1 && more2) {
    const size_t n1 = p1.find('.');
    const size_t n2 = p2.find('.');
    more1 = n1 != std::string_view::npos;
    more2 = n2 != std::string_view::npos;
    const std::string_view e1 = p1.substr(0, n1);
    const std::string_view e2 = p2.substr(0, n2);
    if (starts_digit(e1) && starts_digit(e2)) {
      compare = compare_decimal(leading_digits(e1), leading_digits(e2));
    } else if (!starts_digit(e1) && !starts_digit(e2)) {
      compare = compare_special(e1, e2);
    } else if (starts_digit(e1)) {
      compare = compare_special("#N#", e2);
    } else {
      compare = compare_special(e1, "#N#");
    }
    if (compare != 0) break;
    if (more1) p1.remove_prefix(n1 + 1);
    if (more2) p2.remove_prefix(n2 + 1);
  }
  if (compare == 0) {
    // Where both sides end in '.', PHP takes the first side's empty rest as lower than "#N#",
    // so version_compare("1.0.", "1.0.") is -1 and "1.0." < "1.0.beta" < "1.0.": here an empty
    // rest on both sides is equal, and an empty rest against a non-empty one is decided from
    // the non-empty side, which keeps the order antisymmetric.
    if (more1 && more2 && p1.empty()) {
      more1 = false;
      if (p2.empty()) more2 = false;
    }
    if (more1) {
      compare = starts_digit(p1) ? 1 : version_compare(p1, "#N#");
    } else if (more2) {
      compare = starts_digit(p2) ? -1 : version_compare("#N#", p2);
    }
  }
  return compare;
}

class PackagistScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "Composer"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    const auto sa = strip(a);
    if (!sa) return fail(Errc::kParse, fmt::format("not a Composer version: {}", quoted(a)));
    const auto sb = strip(b);
    if (!sb) return fail(Errc::kParse, fmt::format("not a Composer version: {}", quoted(b)));
    return version_compare(*sa, *sb);
  }

 private:
  static std::optional<std::string_view> strip(std::string_view v) {
    if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
    if (v.empty() || !printable_ascii(v)) return std::nullopt;
    return v;
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& packagist_scheme() {
  static const versions::PackagistScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
