// SPDX-License-Identifier: Apache-2.0
// RubyGems version ordering, as Gem::Version (rubygems lib/rubygems/version.rb):
//  * valid strings match ANCHORED_VERSION_PATTERN
//    /\A\s*([0-9]+(?>\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)?\s*\z/; a blank string
//    is version "0"; the string is stripped and every `-` becomes `.pre.`;
//  * segments are the runs /[0-9]+|[a-z]+/i (numbers of any length, strings as written);
//  * canonical_segments: split at the first string segment, trailing zeros dropped from the
//    numeric head and from the rest;
//  * <=>: segment by segment, a missing segment is 0; a string sorts before a number, two strings
//    compare bytewise, two numbers numerically.
// One extension: letters straight after the first number (`1beta`, `1gamma`), which Gem::Version
// rejects, are accepted and segmented as Gem::Version would segment them (1, "beta"): OSV's
// matcher reads them so (osv-scalibr semantic/version-rubygems.go) and its vectors expect
// `1 > 1beta`. Written by hand: no C++ library implements Gem::Version.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "vuln/versions/decimal.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace versions {
namespace {

bool is_ruby_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ANCHORED_VERSION_PATTERN (after stripping), with the first segment widened to [0-9][0-9A-Za-z]*.
bool matches_pattern(std::string_view s) {
  size_t i = 0;
  if (i >= s.size() || !is_digit(s[i])) return false;
  while (i < s.size() && is_alnum(s[i])) ++i;
  while (i < s.size() && s[i] == '.') {
    const size_t start = ++i;
    while (i < s.size() && is_alnum(s[i])) ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] != '-') return false;
  ++i;
  while (true) {
    const size_t start = i;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == '-')) ++i;
    if (i == start) return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    ++i;
  }
}

struct Segment {
  std::string_view text;
  bool number;
};

// canonical_segments of a stripped, valid version. "pre" segments from `-` are views of a literal.
std::vector<Segment> canonical_segments(std::string_view s) {
  std::vector<Segment> segs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '-') {
      segs.push_back({"pre", false});
      ++i;
      continue;
    }
    size_t j = i;
    if (is_digit(s[i])) {
      while (j < s.size() && is_digit(s[j])) ++j;
      segs.push_back({s.substr(i, j - i), true});
    } else if (is_alpha(s[i])) {
      while (j < s.size() && is_alpha(s[j])) ++j;
      segs.push_back({s.substr(i, j - i), false});
    } else {
      ++j;  // '.'
    }
    i = j;
  }
  auto is_zero = [](const Segment& seg) {
    return seg.number && compare_decimal(seg.text, "0") == 0;
  };
  size_t first_string = 0;
  while (first_string < segs.size() && segs[first_string].number) ++first_string;
  std::vector<Segment> out;
  size_t head_end = first_string;
  while (head_end > 0 && is_zero(segs[head_end - 1])) --head_end;
  out.assign(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(head_end));
  size_t tail_end = segs.size();
  while (tail_end > first_string && is_zero(segs[tail_end - 1])) --tail_end;
  out.insert(out.end(), segs.begin() + static_cast<std::ptrdiff_t>(first_string),
             segs.begin() + static_cast<std::ptrdiff_t>(tail_end));
  return out;
}

class RubyGemsScheme final : public VersionScheme {
 public:
  std::string_view name() const override { return "RubyGems"; }

  Result<int> compare(std::string_view a, std::string_view b) const override {
    auto sa = parse(a);
    if (!sa) return Unexpected(sa.error());
    auto sb = parse(b);
    if (!sb) return Unexpected(sb.error());
    const Segment zero{"0", true};
    for (size_t i = 0; i < sa->size() || i < sb->size(); ++i) {
      const Segment& l = i < sa->size() ? (*sa)[i] : zero;
      const Segment& r = i < sb->size() ? (*sb)[i] : zero;
      int c = 0;
      if (l.number && r.number) {
        c = compare_decimal(l.text, r.text);
      } else if (l.number != r.number) {
        c = l.number ? 1 : -1;
      } else {
        c = compare_bytes(l.text, r.text);
      }
      if (c != 0) return c;
    }
    return 0;
  }

 private:
  static Result<std::vector<Segment>> parse(std::string_view v) {
    std::string_view s = v;
    while (!s.empty() && is_ruby_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ruby_space(s.back())) s.remove_suffix(1);
    if (s.empty()) return std::vector<Segment>{};  // Gem::Version.new("") is version 0
    if (!matches_pattern(s)) {
      return fail(Errc::kParse, fmt::format("not a RubyGems version: {}", quoted(v)));
    }
    return canonical_segments(s);
  }
};

}  // namespace
}  // namespace versions

const VersionScheme& rubygems_scheme() {
  static const versions::RubyGemsScheme scheme;
  return scheme;
}

}  // namespace sw::vuln
