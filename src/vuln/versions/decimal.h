// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the version schemes of versions/: arbitrary-length decimal comparison
// (OSV data holds 30-digit version numbers, beyond any machine integer) and ASCII classes.
// Written by hand: a string comparison is all these orderings need, no bignum library.
#pragma once

#include <string>
#include <string_view>

namespace sw::vuln::versions {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Non-empty and only ASCII digits.
inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// -1, 0 or 1.
inline int sign(int v) { return (v > 0) - (v < 0); }

// Compares two runs of ASCII digits as non-negative integers of any length ("007" = "7").
inline int compare_decimal(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return sign(a.compare(b));
}

// Compares bytes as unsigned (C strcmp, Ruby String#<=>, Python str on ASCII, Go string <).
inline int compare_bytes(std::string_view a, std::string_view b) { return sign(a.compare(b)); }

// True when every byte is printable ASCII (0x21..0x7e): no space, no control byte, no UTF-8.
inline bool printable_ascii(std::string_view s) {
  for (char c : s) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// The version quoted for an error message, cut to a readable length.
inline std::string quoted(std::string_view v) {
  std::string out = "\"";
  for (char c : v.substr(0, 80)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (v.size() > 80) out += "...";
  out += '"';
  return out;
}

}  // namespace sw::vuln::versions
