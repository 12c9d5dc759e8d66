// SPDX-License-Identifier: Apache-2.0
// A disk cache of compiled Hyperscan databases. Compiling the default rules costs about 2 s and
// gitleaks' 222 rules 7-26 s on this machine kind, on every run; hs_serialize_database and
// hs_deserialize_database turn that into a file read. An entry is keyed by a SHA-256 over the
// Hyperscan version, the mode and every pattern (expression, flags, id), so a changed rule, a
// different rule file or a new Hyperscan build never reads a stale entry.
//
// Record layout (little-endian, written by us):
//   "SWHS1\n" | key (64 hex) | u32 step count | steps (u32 index, u8 action) | u64 size |
//   sha256 of the database bytes (64 hex) | database bytes
// The steps replay what compile_database did to patterns Hyperscan rejected (retried as prefilter
// or left to RE2), so a cached run sets up the rules exactly as a compiling run does.
// A record that is short, has another key or a wrong digest, or that Hyperscan will not deserialize
// is ignored (and rewritten); the cache never changes what is found, only how fast.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw::secrets::engine {

struct HsCacheStep {
  std::uint32_t index = 0;  // index into the rule patterns as they stood at this step
  std::uint8_t action = 0;  // kRetryPrefilter or kDrop
};
inline constexpr std::uint8_t kRetryPrefilter = 1;
inline constexpr std::uint8_t kDrop = 2;

struct HsCacheEntry {
  std::vector<HsCacheStep> steps;
  std::string database;  // hs_serialize_database bytes
};

// The key of a database compiled from these patterns in this mode.
std::string hs_cache_key(const std::vector<std::string_view>& expressions,
                         const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                         unsigned mode);

// The default cache directory: $SHIELDWALL_CACHE_DIR, else $XDG_CACHE_HOME/shieldwall/hyperscan,
// else ~/.cache/shieldwall/hyperscan; empty when none can be found.
std::string default_hs_cache_dir();

// Reads the entry for `key` from `dir`; nullopt when missing or unusable.
std::optional<HsCacheEntry> hs_cache_load(const std::string& dir, std::string_view key);

// Writes the entry (directory 0700, file 0600, written to a temporary name and renamed) and keeps
// at most `keep` entries, removing the least recently used. Failures are silent: a cache that
// cannot be written only costs time.
void hs_cache_store(const std::string& dir, std::string_view key, const HsCacheEntry& entry,
                    std::size_t keep = 16);

}  // namespace sw::secrets::engine
