// SPDX-License-Identifier: Apache-2.0
// A Bloom filter over the (base ecosystem, package name) pairs the store indexes, kept in the
// store's meta table ("name_filter") and loaded at open, so that a lookup of a package with no
// advisories (most of any inventory) costs a few hashes instead of a SQLite query (~2.5 us).
// Hand-written: a Bloom filter is a page of code, and the on-disk bits must hash the same on every
// build, which rules out std::hash. Layout: one version byte, one byte k (hash count), then the
// bit array (a power of two bytes, at least 64). Hashing: FNV-1a 64 over base, a NUL and the name,
// finished with the splitmix64 mixer; k probes by double hashing (Kirsch-Mitzenmacher).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw::vuln {

inline constexpr unsigned char kNameFilterVersion = 1;

class NameFilterBuilder {
 public:
  // Sized for `expected` keys at about 1% false positives (10 bits per key, k = 7).
  explicit NameFilterBuilder(size_t expected);
  void add(std::string_view base, std::string_view name);
  std::string bytes() const { return bits_; }

 private:
  std::string bits_;  // header + bit array
};

// A view over the bytes of a filter (kept alive by the caller).
class NameFilter {
 public:
  // nullopt for bytes that are not a filter of this version (then every name "may" be present).
  static std::optional<NameFilter> from(std::string_view bytes);
  // false: certainly not indexed. true: maybe.
  bool may_contain(std::string_view base, std::string_view name) const;

 private:
  std::string_view bits_;  // the bit array alone
  unsigned k_ = 0;
};

}  // namespace sw::vuln
