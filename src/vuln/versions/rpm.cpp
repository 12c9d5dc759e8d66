// SPDX-License-Identifier: Apache-2.0
// The RPM version scheme (Red Hat, AlmaLinux, Rocky Linux, openSUSE, SUSE, Mageia, openEuler,
// Photon OS, Azure Linux...): [epoch:]version[-release], ordered as rpm 4.18 does: rpmverParse /
// parseEVR and rpmverCmp (rpmio/rpmver.c) over rpmvercmp (rpmio/rpmvercmp.c), with `~` sorting
// before everything (pre-releases) and `^` after the base version but before anything else
// (snapshots). Written by hand: no C++ library implements it.
//
// Acceptance follows rpmverParse: every non-empty string parses (an empty one is rejected, as
// rpm.ver("") is). A NUL byte, which no C string can hold, is rejected too. Only ASCII letters and
// digits make segments (rpm's own risalpha / risdigit); every other byte separates.
#include <string_view>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

// rpmvercmp, on views; the end of a view plays the part of the C string's NUL.
int rpmvercmp(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  size_t i = 0;
  size_t j = 0;
  auto at = [](std::string_view s, size_t k) { return k < s.size() ? s[k] : '\0'; };
  while (i < a.size() || j < b.size()) {
    while (i < a.size() && !is_alnum(a[i]) && a[i] != '~' && a[i] != '^') ++i;
    while (j < b.size() && !is_alnum(b[j]) && b[j] != '~' && b[j] != '^') ++j;

    // The tilde separator sorts before everything else.
    if (at(a, i) == '~' || at(b, j) == '~') {
      if (at(a, i) != '~') return 1;
      if (at(b, j) != '~') return -1;
      ++i;
      ++j;
      continue;
    }
    // The caret: like the tilde, except that the version that ended is the lower one.
    if (at(a, i) == '^' || at(b, j) == '^') {
      if (i >= a.size()) return -1;
      if (j >= b.size()) return 1;
      if (a[i] != '^') return 1;
      if (b[j] != '^') return -1;
      ++i;
      ++j;
      continue;
    }
    if (i >= a.size() || j >= b.size()) break;

    // The first wholly numeric or wholly alphabetic segment of each.
    size_t ie = i;
    size_t je = j;
    const bool isnum = is_digit(a[i]);
    if (isnum) {
      while (ie < a.size() && is_digit(a[ie])) ++ie;
      while (je < b.size() && is_digit(b[je])) ++je;
    } else {
      while (ie < a.size() && is_alpha(a[ie])) ++ie;
      while (je < b.size() && is_alpha(b[je])) ++je;
    }
    // Segments of different types: the numeric one is newer.
    if (je == j) return isnum ? 1 : -1;

    std::string_view one = a.substr(i, ie - i);
    std::string_view two = b.substr(j, je - j);
    if (isnum) {
      while (!one.empty() && one.front() == '0') one.remove_prefix(1);
      while (!two.empty() && two.front() == '0') two.remove_prefix(1);
      if (one.size() != two.size()) return one.size() > two.size() ? 1 : -1;
    }
    const int rc = one.compare(two);  // strcmp: unsigned bytes
    if (rc != 0) return rc < 0 ? -1 : 1;
    i = ie;
    j = je;
  }
  if (i >= a.size() && j >= b.size()) return 0;
  return i >= a.size() ? -1 : 1;
}

struct Evr {
  std::string_view epoch;  // "0" when absent
  std::string_view version;
  std::string_view release;
  bool has_release = false;
};

// parseEVR: leading digits then ':' make the epoch; the last '-' after them starts the release.
Evr parse_evr(std::string_view evr) {
  Evr out;
  size_t s = 0;
  while (s < evr.size() && is_digit(evr[s])) ++s;
  const size_t se = evr.rfind('-');
  const bool has_se = se != std::string_view::npos && se >= s;
  size_t version_start = 0;
  if (s < evr.size() && evr[s] == ':') {
    out.epoch = s == 0 ? std::string_view("0") : evr.substr(0, s);
    version_start = s + 1;
  } else {
    out.epoch = "0";
  }
  if (has_se) {
    out.version = evr.substr(version_start, se - version_start);
    out.release = evr.substr(se + 1);
    out.has_release = true;
  } else {
    out.version = evr.substr(version_start);
  }
  return out;
}

class RpmScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "RPM"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    for (std::string_view v : {a, b}) {
      if (v.empty()) return fail(Errc::kParse, "invalid RPM version '': empty");
      if (v.find('\0') != std::string_view::npos) {
        return fail(Errc::kParse, fmt::format("invalid RPM version '{}': contains a NUL byte", v));
      }
    }
    const Evr x = parse_evr(a);
    const Evr y = parse_evr(b);
    // rpmverCmp: epochs (missing = "0"), versions, then releases; a missing release is lower
    // than any present one (compare_values).
    int rc = rpmvercmp(x.epoch, y.epoch);
    if (rc != 0) return rc;
    rc = rpmvercmp(x.version, y.version);
    if (rc != 0) return rc;
    if (x.has_release && y.has_release) return rpmvercmp(x.release, y.release);
    if (x.has_release != y.has_release) return x.has_release ? 1 : -1;
    return 0;
  }
};

}  // namespace

const VersionScheme& rpm_scheme() {
  static const RpmScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
