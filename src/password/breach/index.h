// SPDX-License-Identifier: Apache-2.0
// The offline breach index: Pwned Passwords sources (source.h) turned into one compact file that
// answers "how often was this password seen in breaches" in well under a microsecond,
// memory-mapped.
//
// File format (version 1, all integers little-endian):
//   header, 64 bytes: magic "SWBREACH", u32 version, u8 kind (0 SHA-1, 1 NTLM), u8 key_bytes,
//     u8 prefix_bits, u8 0, u64 entries, u64 overflow entries, u64 file size, 24 zero bytes;
//   prefix table: 2^prefix_bits + 1 u32, entry b = index of the first record whose hash starts
//     with the prefix_bits-bit value b (so bucket b is [table[b], table[b+1]));
//   records: `entries` × (key_bytes + 1) bytes, sorted: the key_bytes·8 hash bits that follow the
//     prefix (big-endian), then one count byte (the count, or 255 = "see overflow");
//   overflow: u32 record index (strictly increasing) + u32 count, for counts ≥ 255 (saturated at
//     2^32-1).
// prefix_bits is chosen from the entry count (4 to 8 entries per bucket, 4..26 bits); at 100
// million hashes the table costs 0.67 bytes per hash and a record 11, so about 12 bytes per hash.
//
// Truncated keys: a hash is stored as its first prefix_bits + 8·key_bytes bits (104 at 100 M with
// the default key_bytes = 10). A password that is not in the index is reported as present only if
// those bits equal a stored entry's: probability ≈ entries·2^-(prefix_bits + 8·key_bytes), that is
// about (entries per bucket)·2^-(8·key_bytes) ≈ 2^-78 per lookup at the defaults. Two distinct
// source hashes that agree on all kept bits are merged (counted as duplicates).
//
// Hand-written: no Debian library offers an on-disk HIBP index, and a general key-value store
// (SQLite, LMDB) would cost 3-5 times the space for 20-byte keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "password/breach/hash.h"

namespace sw::password {

struct BreachBuildOptions {
  HashKind kind = HashKind::kSha1;
  unsigned key_bytes = 10;                  // 4..12 bytes kept after the prefix bits
  std::size_t max_memory_bytes = 1u << 30;  // sort buffer; beyond it, sorted runs in temp_dir
  std::filesystem::path temp_dir;           // empty: the output file's directory
};

struct BreachBuildStats {
  std::uint64_t entries = 0;  // records in the index
  std::uint64_t records_read = 0;
  std::uint64_t duplicates = 0;  // records merged into another (same kept hash bits), counts summed
  std::uint64_t bad_lines = 0;
  std::vector<std::string> bad_samples;  // first few, "FILE:LINE: why"
  std::uint64_t input_bytes = 0;
  std::uint64_t index_bytes = 0;  // size of the written file
  std::uint64_t runs = 0;         // sorted runs spilled to temp_dir (0: sorted in memory)
  unsigned prefix_bits = 0;
  double seconds = 0;
};

// Reads every source (files of HASH:COUNT lines or range-file directories, see source.h), sorts
// and merges them, and writes the index to `out` (through "out.tmp" and a rename, so a failed
// build never leaves a half file under the final name). Temporary runs are removed in all cases.
Result<BreachBuildStats> build_breach_index(const std::vector<std::filesystem::path>& sources,
                                            const std::filesystem::path& out,
                                            const BreachBuildOptions& options);

struct BreachIndexInfo {
  HashKind kind = HashKind::kSha1;
  unsigned key_bytes = 0;
  unsigned prefix_bits = 0;
  std::uint64_t entries = 0;
  std::uint64_t overflow_entries = 0;
  std::uint64_t file_bytes = 0;
  double bytes_per_entry = 0;
  double false_positive_rate = 0;  // per lookup of an absent hash, see above
};

// A read-only, validated index. Thread-safe for concurrent lookups (nothing mutable). Movable;
// the mapping or the bytes are owned by the object.
class BreachIndex {
 public:
  // Maps the file read-only and validates it in full (size, header, monotonic prefix table,
  // overflow list): a corrupt or truncated file is a kParse error naming it, never a crash.
  static Result<BreachIndex> open(const std::filesystem::path& path);
  // The same over bytes in memory (tests, fuzzers).
  static Result<BreachIndex> from_bytes(std::string bytes);

  BreachIndex(BreachIndex&&) noexcept;
  BreachIndex& operator=(BreachIndex&&) noexcept;
  ~BreachIndex();

  // How often the password was seen (its hash of info().kind), nullopt when absent.
  std::optional<std::uint64_t> count(std::string_view password) const;
  std::optional<std::uint64_t> count_digest(const Digest& digest) const;
  // A hex digest of the index's kind (40 digits for SHA-1, 32 for NTLM), either case; nullopt
  // when absent or not a valid digest.
  std::optional<std::uint64_t> count_sha1(std::string_view hex) const;
  // count_digest for many at once (prefetches; faster than one by one). out.size() must equal
  // digests.size().
  void count_sha1_batch(std::span<const Digest> digests,
                        std::span<std::optional<std::uint64_t>> out) const;

  const BreachIndexInfo& info() const { return info_; }

 private:
  struct Storage;
  BreachIndex() = default;
  static Result<BreachIndex> adopt(std::unique_ptr<Storage> storage, const std::string& name);
  std::optional<std::uint64_t> lookup(std::uint64_t bucket, const std::uint8_t* key) const;
  void split(const Digest& d, std::uint64_t& bucket, std::uint8_t* key) const;

  std::unique_ptr<Storage> storage_;
  BreachIndexInfo info_;
  const std::uint8_t* table_ = nullptr;
  const std::uint8_t* records_ = nullptr;
  const std::uint8_t* overflow_ = nullptr;
  std::size_t record_size_ = 0;
};

}  // namespace sw::password
