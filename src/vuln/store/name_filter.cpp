// SPDX-License-Identifier: Apache-2.0
#include "vuln/store/name_filter.h"

namespace sw::vuln {
namespace {

constexpr unsigned kHashes = 7;
constexpr size_t kHeader = 2;

uint64_t mix(uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t key_hash(std::string_view base, std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto eat = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  eat(base);
  h *= 0x100000001b3ULL;  // the NUL between base and name (h ^= 0, then the FNV multiply)
  eat(name);
  return mix(h);
}

// Calls probe(bit index) k times; `bits` is a power of two.
template <typename F>
void for_each_probe(std::string_view base, std::string_view name, uint64_t bits, unsigned k,
                    F&& probe) {
  uint64_t h1 = key_hash(base, name);
  uint64_t h2 = mix(h1 ^ 0x9e3779b97f4a7c15ULL) | 1;
  for (unsigned i = 0; i < k; ++i) {
    if (!probe((h1 + i * h2) & (bits - 1))) return;
  }
}

}  // namespace

NameFilterBuilder::NameFilterBuilder(size_t expected) {
  size_t bytes = 64;
  while (bytes * 8 < expected * 10) bytes *= 2;
  bits_.assign(kHeader + bytes, '\0');
  bits_[0] = static_cast<char>(kNameFilterVersion);
  bits_[1] = static_cast<char>(kHashes);
}

void NameFilterBuilder::add(std::string_view base, std::string_view name) {
  const uint64_t bits = (bits_.size() - kHeader) * 8;
  for_each_probe(base, name, bits, kHashes, [this](uint64_t bit) {
    bits_[kHeader + bit / 8] = static_cast<char>(bits_[kHeader + bit / 8] | (1 << (bit % 8)));
    return true;
  });
}

std::optional<NameFilter> NameFilter::from(std::string_view bytes) {
  if (bytes.size() < kHeader + 64) return std::nullopt;
  if (static_cast<unsigned char>(bytes[0]) != kNameFilterVersion) return std::nullopt;
  const unsigned k = static_cast<unsigned char>(bytes[1]);
  const size_t n = bytes.size() - kHeader;
  if (k == 0 || k > 32 || (n & (n - 1)) != 0) return std::nullopt;
  NameFilter f;
  f.bits_ = bytes.substr(kHeader);
  f.k_ = k;
  return f;
}

bool NameFilter::may_contain(std::string_view base, std::string_view name) const {
  bool all = true;
  for_each_probe(base, name, bits_.size() * 8, k_, [&](uint64_t bit) {
    all = (static_cast<unsigned char>(bits_[bit / 8]) >> (bit % 8)) & 1;
    return all;
  });
  return all;
}

}  // namespace sw::vuln
