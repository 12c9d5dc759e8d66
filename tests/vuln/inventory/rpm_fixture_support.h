// SPDX-License-Identifier: Apache-2.0
// Test helpers: a small RPM header writer (the layout RPM's headerExport produces, without the
// 8-byte magic, as stored in the rpmdb) and an SQLite rpmdb writer (RPM's Packages table).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw::vuln::test {

class RpmHeaderWriter {
 public:
  RpmHeaderWriter& string(uint32_t tag, std::string_view value, uint32_t type = 6);
  RpmHeaderWriter& int32(uint32_t tag, uint32_t value);
  // A raw index entry (for malformed headers).
  RpmHeaderWriter& raw_entry(uint32_t tag, uint32_t type, uint32_t offset, uint32_t count);
  // Index count, data size, index entries, data store.
  std::string build() const;

 private:
  struct Entry {
    uint32_t tag, type, offset, count;
  };
  std::vector<Entry> entries_;
  std::string data_;
};

// A header with the usual package tags; no EPOCH tag when epoch is nullopt.
std::string rpm_header(std::string_view name, std::optional<uint32_t> epoch,
                       std::string_view version, std::string_view release,
                       std::string_view arch = "x86_64", std::string_view source_rpm = {});

// Creates an SQLite rpmdb at `file` (a real path) holding `blobs` as Packages rows 1..n.
void write_rpmdb_sqlite(const std::string& file, const std::vector<std::string>& blobs);

}  // namespace sw::vuln::test
