// SPDX-License-Identifier: Apache-2.0
// The apk version scheme (Alpine; also Wolfi, Chainguard, MinimOS, Alpaquita and other apk-based
// distributions): number{.number}...{letter}{_suffix{number}}...{-r#}, ordered by apk-tools 2.x's
// tokenizer (src/version.c: get_token / next_token / apk_version_compare_blob_fuzzy): numbers
// compare as integers, a number after '.' with leading zeros ranks first by its count of zeros
// (more zeros lower: 1.001 < 1.01 < 1.1), then by its digits; letters by value; suffixes
// _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p (matched as prefixes, as
// apk does); the revision -rN as a number; when one version runs out first, the longer one is
// newer unless it continues with a pre-release suffix. Written by hand: no C++ library implements
// it.
//
// `apk version -t` orders any two strings, and so does this scheme (only a NUL byte is rejected).
// Where a string stops being a valid version, three rules taken from apk-tools 3 (src/version.c
// there) decide, as the osv-scalibr conformance vectors (alpine-versions.txt) record them:
//  - a version that turns invalid orders below one that ended or continued validly (apk 3 puts
//    TOKEN_INVALID after TOKEN_END; apk 2 put it first);
//  - "-r" directly followed by a letter is invalid, not revision 0 ("1-ruff" < "1");
//  - '.' directly followed by a letter (an empty number) orders below a letter at the same place
//    ("0.r1" < "0r2"; apk 3 rejects the dot there).
// Everything else, including the 13,979 orderings of alpine-versions-generated.txt (made by the
// real `apk version -t`, which accepts a digit after a letter: 1.9.5p1 < 1.9.5p2), is apk 2.x.
// Numbers accumulate in 64 bits (apk 2 used int, apk 3 uint64_t).
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

// apk-tools 2.x token kinds, in their order; kInvalid sorts last (apk-tools 3).
constexpr int kDigitOrZero = 0;
constexpr int kDigit = 1;
constexpr int kLetter = 2;
constexpr int kSuffix = 3;
constexpr int kSuffixNo = 4;
constexpr int kRevisionNo = 5;
constexpr int kEnd = 6;
constexpr int kInvalid = 7;

constexpr std::string_view kPreSuffixes[] = {"alpha", "beta", "pre", "rc"};
constexpr std::string_view kPostSuffixes[] = {"cvs", "svn", "git", "hg", "p"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

struct Blob {
  std::string_view s;
  size_t p = 0;
  size_t len() const { return s.size() - p; }
  char at(size_t k = 0) const { return p + k < s.size() ? s[p + k] : '\0'; }
};

// Decides the kind of the next token from the character after the current one.
void next_token(int& type, Blob& b) {
  int n = kInvalid;
  const char c = b.at();
  if (b.len() == 0) {
    n = kEnd;
  } else if ((type == kDigit || type == kDigitOrZero) && is_lower(c)) {
    n = kLetter;
  } else if (type == kLetter && is_digit(c)) {
    n = kDigit;
  } else if (type == kSuffix && is_digit(c)) {
    n = kSuffixNo;
  } else {
    if (c == '.') {
      n = kDigitOrZero;
    } else if (c == '_') {
      n = kSuffix;
    } else if (c == '-' && b.at(1) == 'r' && !is_alpha(b.at(2))) {
      n = kRevisionNo;
      ++b.p;
    }
    ++b.p;
  }
  if (n < type) {
    if (!((n == kDigitOrZero && type == kDigit) || (n == kSuffix && type == kSuffixNo) ||
          (n == kDigit && type == kLetter))) {
      n = kInvalid;
    }
  }
  type = n;
}

// Reads the token of kind `type` and returns its value; `type` becomes the next token's kind.
int64_t get_token(int& type, Blob& b) {
  if (b.len() == 0) {
    type = kEnd;
    return 0;
  }
  const std::string_view rest = b.s.substr(b.p);
  int64_t v = 0;
  size_t i = 0;
  int nt = kInvalid;  // kInvalid: no override of the next kind
  switch (type) {
    case kDigitOrZero:
      if (rest[0] == '0') {  // leading zeros: ranked by how many, then the digits follow
        while (i < rest.size() && rest[i] == '0') ++i;
        nt = kDigit;
        v = -static_cast<int64_t>(i);
        break;
      }
      [[fallthrough]];
    case kDigit:
    case kSuffixNo:
    case kRevisionNo:
      while (i < rest.size() && is_digit(rest[i])) {
        v = static_cast<int64_t>(static_cast<uint64_t>(v) * 10 +
                                 static_cast<uint64_t>(rest[i] - '0'));
        ++i;
      }
      break;
    case kLetter:
      v = static_cast<unsigned char>(rest[i++]);
      break;
    case kSuffix: {
      bool found = false;
      for (size_t k = 0; k < std::size(kPreSuffixes) && !found; ++k) {
        if (rest.substr(0, kPreSuffixes[k].size()) == kPreSuffixes[k]) {
          v = static_cast<int64_t>(k) - static_cast<int64_t>(std::size(kPreSuffixes));
          i = kPreSuffixes[k].size();
          found = true;
        }
      }
      for (size_t k = 0; k < std::size(kPostSuffixes) && !found; ++k) {
        if (rest.substr(0, kPostSuffixes[k].size()) == kPostSuffixes[k]) {
          v = static_cast<int64_t>(k);
          i = kPostSuffixes[k].size();
          found = true;
        }
      }
      if (!found) {
        type = kInvalid;
        return -1;
      }
      break;
    }
    default:
      type = kInvalid;
      return -1;
  }
  b.p += i;
  if (b.len() == 0) {
    type = kEnd;
  } else if (nt != kInvalid) {
    type = nt;
  } else {
    next_token(type, b);
  }
  return v;
}

int apk_compare(std::string_view x, std::string_view y) {
  Blob a{x};
  Blob b{y};
  int at = kDigit;
  int bt = kDigit;
  int64_t av = 0;
  int64_t bv = 0;
  while (at == bt && at != kEnd && at != kInvalid && av == bv) {
    av = get_token(at, a);
    bv = get_token(bt, b);
  }
  if (av < bv) return -1;
  if (av > bv) return 1;
  if (at == bt) return 0;
  // '.' followed by a letter ranks below a letter (apk-tools 3 rejects the dot).
  if (at == kDigitOrZero && bt == kLetter && is_lower(a.at())) return -1;
  if (bt == kDigitOrZero && at == kLetter && is_lower(b.at())) return 1;
  // Equal so far: the longer version is newer unless it continues with a pre-release suffix.
  int tt = at;
  Blob rest_a = a;
  if (at == kSuffix && get_token(tt, rest_a) < 0) return -1;
  tt = bt;
  Blob rest_b = b;
  if (bt == kSuffix && get_token(tt, rest_b) < 0) return 1;
  if (at > bt) return -1;
  if (bt > at) return 1;
  return 0;
}

class ApkScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "apk"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    for (std::string_view v : {a, b}) {
      if (v.find('\0') != std::string_view::npos) {
        return fail(Errc::kParse, fmt::format("invalid apk version '{}': contains a NUL byte", v));
      }
    }
    return apk_compare(a, b);
  }
};

}  // namespace

const VersionScheme& apk_scheme() {
  static const ApkScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
