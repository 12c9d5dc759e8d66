// SPDX-License-Identifier: Apache-2.0
// Many-needle substring test (see contains.h).
#include "secrets/engine/contains.h"

#include <cstring>
#include <map>
#include <unordered_map>

namespace sw::secrets::engine {
namespace {

constexpr uint64_t kBase = 1099511628211ULL;  // odd: arithmetic modulo 2^64
constexpr size_t kNaiveWork = 1 << 14;

uint64_t hash_of(std::string_view s) {
  uint64_t h = 0;
  for (unsigned char c : s) h = h * kBase + c + 1;
  return h;
}

}  // namespace

std::vector<uint8_t> occurs_in_any(const std::vector<std::string_view>& needles,
                                   const std::vector<std::string_view>& haystacks) {
  std::vector<uint8_t> found(needles.size(), 0);
  if (haystacks.empty()) return found;
  if (needles.size() * haystacks.size() <= kNaiveWork) {
    for (size_t i = 0; i < needles.size(); ++i) {
      for (std::string_view h : haystacks) {
        if (h.find(needles[i]) != std::string_view::npos) {
          found[i] = 1;
          break;
        }
      }
    }
    return found;
  }
  // Needles by length, then by hash.
  std::map<size_t, std::unordered_multimap<uint64_t, size_t>> by_length;
  for (size_t i = 0; i < needles.size(); ++i) {
    if (needles[i].empty()) {
      found[i] = 1;
      continue;
    }
    by_length[needles[i].size()].emplace(hash_of(needles[i]), i);
  }
  for (auto& [len, table] : by_length) {
    size_t left = table.size();
    uint64_t top = 1;  // kBase^(len-1)
    for (size_t k = 1; k < len; ++k) top *= kBase;
    for (std::string_view h : haystacks) {
      if (h.size() < len || left == 0) continue;
      uint64_t rolling = hash_of(h.substr(0, len));
      for (size_t start = 0;; ++start) {
        auto [lo, hi] = table.equal_range(rolling);
        for (auto it = lo; it != hi; ++it) {
          const size_t i = it->second;
          if (!found[i] && std::memcmp(needles[i].data(), h.data() + start, len) == 0) {
            found[i] = 1;
            --left;
          }
        }
        if (start + len >= h.size()) break;
        const auto out = static_cast<unsigned char>(h[start]);
        const auto in = static_cast<unsigned char>(h[start + len]);
        rolling = (rolling - (out + 1ULL) * top) * kBase + in + 1;
      }
    }
  }
  return found;
}

}  // namespace sw::secrets::engine
