// SPDX-License-Identifier: Apache-2.0
// shown(): attacker-chosen text (a name, an address, a line of a feed) quoted in a reason or an
// error message: control characters dropped so it cannot drive a terminal, cut at a UTF-8
// character boundary with "..." when longer than `max` bytes. One helper for the phish module
// and its command.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sw::phish {

inline std::string shown(std::string_view s, size_t max = 80) {
  std::string out;
  out.reserve(s.size() < max ? s.size() : max + 3);
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
    out += c;
  }
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace sw::phish
