// SPDX-License-Identifier: Apache-2.0
// The dpkg version scheme (Debian, Ubuntu and their derivatives): [epoch:]upstream[-revision],
// ordered as dpkg 1.21 does (lib/dpkg/parsehelp.c parseversion, lib/dpkg/version.c verrevcmp and
// dpkg_version_compare; deb-version(7)). Written by hand: no C++ library implements it.
//
// Acceptance follows `dpkg --compare-versions`: what dpkg reports as an error (empty after trimming
// blanks, embedded blanks, bad / negative / too big epoch, nothing after the colon, empty
// revision, empty upstream version) is rejected; what dpkg only warns about (upstream not
// starting with a digit, characters outside [A-Za-z0-9.+~-:]) is compared as dpkg compares it.
// An empty string and "<unknown>" are dpkg's blank version, which `dpkg --compare-versions` orders
// before every informative version and equal to another blank one. Non-ASCII bytes order as dpkg on
// amd64 (signed char) orders them: above letters, below ASCII punctuation.
#include <climits>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

struct DpkgVersion {
  bool blank = false;  // "" or "<unknown>": not informative
  long epoch = 0;
  std::string_view version;
  std::string_view revision;
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// isspace() in the C locale, which strtol skips before the epoch digits.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

Result<DpkgVersion> parse(std::string_view s) {
  auto bad = [s](std::string_view why) {
    return fail(Errc::kParse, fmt::format("invalid dpkg version '{}': {}", s, why));
  };
  if (s.find('\0') != std::string_view::npos) return bad("contains a NUL byte");
  DpkgVersion v;
  if (s.empty() || s == "<unknown>") {  // dpkg_version_blank()
    v.blank = true;
    return v;
  }
  std::string_view str = s;
  while (!str.empty() && is_blank(str.front())) str.remove_prefix(1);
  if (str.empty()) return bad("version string is empty");
  size_t end = 0;
  while (end < str.size() && !is_blank(str[end])) ++end;
  for (size_t i = end; i < str.size(); ++i) {
    if (!is_blank(str[i])) return bad("version string has embedded spaces");
  }
  str = str.substr(0, end);

  const size_t colon = str.find(':');
  if (colon != std::string_view::npos) {
    // strtol(string, &end, 10): optional leading white space and sign, then digits.
    size_t i = 0;
    while (i < str.size() && is_space(str[i])) ++i;
    bool negative = false;
    if (i < str.size() && (str[i] == '+' || str[i] == '-')) negative = str[i++] == '-';
    const size_t digits = i;
    unsigned long long epoch = 0;
    bool overflow = false;
    while (i < str.size() && is_digit(str[i])) {
      epoch = epoch * 10 + static_cast<unsigned>(str[i] - '0');
      if (epoch > static_cast<unsigned long long>(LONG_MAX)) overflow = true;
      if (overflow) epoch = static_cast<unsigned long long>(LONG_MAX) + 1;
      ++i;
    }
    if (i == digits) return bad("epoch in version is empty");
    if (i != colon) return bad("epoch in version is not number");
    if (negative && epoch != 0) return bad("epoch in version is negative");
    if (overflow || epoch > static_cast<unsigned long long>(INT_MAX)) {
      return bad("epoch in version is too big");
    }
    if (colon + 1 == str.size()) return bad("nothing after colon in version number");
    v.epoch = static_cast<long>(epoch);
    str = str.substr(colon + 1);
  }
  const size_t hyphen = str.rfind('-');
  if (hyphen != std::string_view::npos) {
    v.version = str.substr(0, hyphen);
    v.revision = str.substr(hyphen + 1);
    if (v.revision.empty()) return bad("revision number is empty");
  } else {
    v.version = str;
  }
  if (v.version.empty()) return bad("version number is empty");
  return v;
}

// dpkg's order(): digits 0, letters their ASCII value, '~' -1, end 0, anything else c + 256
// (with c a signed char, as on amd64).
int order(int c) {
  if (c >= '0' && c <= '9') return 0;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
  if (c == '~') return -1;
  if (c != 0) return c + 256;
  return 0;
}

int char_at(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<int>(static_cast<signed char>(s[i])) : 0;
}

int verrevcmp(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !is_digit(a[i])) || (j < b.size() && !is_digit(b[j]))) {
      const int ac = order(char_at(a, i));
      const int bc = order(char_at(b, j));
      if (ac != bc) return ac - bc;
      ++i;
      ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    while (i < a.size() && j < b.size() && is_digit(a[i]) && is_digit(b[j])) {
      if (first_diff == 0) first_diff = a[i] - b[j];
      ++i;
      ++j;
    }
    if (i < a.size() && is_digit(a[i])) return 1;
    if (j < b.size() && is_digit(b[j])) return -1;
    if (first_diff != 0) return first_diff;
  }
  return 0;
}

class DpkgScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "dpkg"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto va = parse(a);
    if (!va) return Unexpected(va.error());
    auto vb = parse(b);
    if (!vb) return Unexpected(vb.error());
    // dpkg --compare-versions: a blank version is earlier than any informative one.
    if (va->blank || vb->blank) return va->blank == vb->blank ? 0 : (va->blank ? -1 : 1);
    if (va->epoch != vb->epoch) return va->epoch < vb->epoch ? -1 : 1;
    const int rc = verrevcmp(va->version, vb->version);
    if (rc != 0) return rc;
    return verrevcmp(va->revision, vb->revision);
  }
};

}  // namespace

const VersionScheme& dpkg_scheme() {
  static const DpkgScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
