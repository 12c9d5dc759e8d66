// SPDX-License-Identifier: Apache-2.0
#include "secrets/entropy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace sw::secrets {
namespace {

constexpr char32_t kRuneError = 0xFFFD;

// Decodes one code point at `i` as Go's utf8.DecodeRuneInString does: an invalid or overlong
// sequence, a surrogate or a value past U+10FFFF yields U+FFFD and consumes one byte.
char32_t decode(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  auto cont = [&](size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  auto byte = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[k]) & 0x3F);
  };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(i + 1)) {
    char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | byte(i + 1);
    i += 2;
    return c;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(i + 1) && cont(i + 2)) {
    char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (byte(i + 1) << 6) | byte(i + 2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      i += 3;
      return c;
    }
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
    char32_t c = (static_cast<char32_t>(b0 & 0x07) << 18) | (byte(i + 1) << 12) |
                 (byte(i + 2) << 6) | byte(i + 3);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      i += 4;
      return c;
    }
  }
  ++i;
  return kRuneError;
}

}  // namespace

double shannon_entropy(std::string_view data) {
  if (data.empty()) return 0.0;
  std::array<uint32_t, 128> ascii{};
  std::vector<std::pair<char32_t, uint32_t>> other;  // rare: linear search is fine
  for (size_t i = 0; i < data.size();) {
    char32_t c = decode(data, i);
    if (c < 128) {
      ++ascii[c];
      continue;
    }
    auto it = std::find_if(other.begin(), other.end(), [c](const auto& p) { return p.first == c; });
    if (it == other.end()) {
      other.emplace_back(c, 1);
    } else {
      ++it->second;
    }
  }
  const double inv_length = 1.0 / static_cast<double>(data.size());
  double entropy = 0.0;
  auto add = [&](uint32_t count) {
    if (count == 0) return;
    const double freq = static_cast<double>(count) * inv_length;
    entropy -= freq * std::log2(freq);
  };
  for (uint32_t count : ascii) add(count);
  for (const auto& [c, count] : other) add(count);
  return entropy;
}

}  // namespace sw::secrets
