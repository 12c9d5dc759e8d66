// SPDX-License-Identifier: Apache-2.0
#include "core/glob.h"

#include <vector>

namespace sw {
namespace {

// Matches one character class starting at pattern[pi] == '['. Returns the index past ']' and sets
// `matched`; returns npos for a malformed class (then '[' is a literal).
size_t match_class(std::string_view pattern, size_t pi, char c, bool& matched) {
  size_t i = pi + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool found = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char lo = pattern[i];
    char hi = lo;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      hi = pattern[i + 2];
      i += 3;
    } else {
      ++i;
    }
    if (c >= lo && c <= hi) found = true;
  }
  if (i >= pattern.size()) return std::string_view::npos;
  matched = found != negate;
  return i + 1;
}

// Recursive on `**` and `*` with memoisation of failed (pi, ti) states, which bounds the work to
// O(|pattern| x |text|).
bool match_at(std::string_view p, size_t pi, std::string_view t, size_t ti, bool path_mode,
              std::vector<char>& failed) {
  const size_t width = t.size() + 1;
  while (pi < p.size()) {
    char pc = p[pi];
    if (pc == '*') {
      bool any = path_mode && pi + 1 < p.size() && p[pi + 1] == '*';
      size_t next = pi + (any ? 2 : 1);
      if (!path_mode) any = true;
      // "**/" also matches zero directories.
      if (any && path_mode && next < p.size() && p[next] == '/' &&
          match_at(p, next + 1, t, ti, path_mode, failed)) {
        return true;
      }
      for (size_t k = ti; k <= t.size(); ++k) {
        if (!failed[next * width + k] && match_at(p, next, t, k, path_mode, failed)) return true;
        failed[next * width + k] = 1;
        if (k < t.size() && !any && t[k] == '/') break;
      }
      return false;
    }
    if (ti >= t.size()) return false;
    char tc = t[ti];
    if (pc == '?') {
      if (path_mode && tc == '/') return false;
    } else if (pc == '[') {
      bool matched = false;
      size_t end = match_class(p, pi, tc, matched);
      if (end != std::string_view::npos) {
        if (!matched || (path_mode && tc == '/')) return false;
        pi = end;
        ++ti;
        continue;
      }
      if (tc != '[') return false;
    } else if (pc == '\\' && pi + 1 < p.size()) {
      ++pi;
      if (p[pi] != tc) return false;
    } else if (pc != tc) {
      return false;
    }
    ++pi;
    ++ti;
  }
  return ti == t.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text, bool path_mode) {
  std::vector<char> failed((pattern.size() + 1) * (text.size() + 1), 0);
  return match_at(pattern, 0, text, 0, path_mode, failed);
}

}  // namespace sw
