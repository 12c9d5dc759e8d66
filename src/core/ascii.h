// SPDX-License-Identifier: Apache-2.0
// ASCII case folding for protocol text (host names, header and attribute names, addresses):
// only A-Z change, every other byte (UTF-8 included) passes as it is, independent of the locale.
#pragma once

#include <string>
#include <string_view>

namespace sw {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace sw
