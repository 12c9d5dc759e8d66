// SPDX-License-Identifier: Apache-2.0
#include "rpm_fixture_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace sw::vuln::test {
namespace {

void put_be32(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v >> 24));
  out.push_back(static_cast<char>(v >> 16));
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v));
}

}  // namespace

RpmHeaderWriter& RpmHeaderWriter::string(uint32_t tag, std::string_view value, uint32_t type) {
  entries_.push_back({tag, type, static_cast<uint32_t>(data_.size()), 1});
  data_.append(value);
  data_.push_back('\0');
  return *this;
}

RpmHeaderWriter& RpmHeaderWriter::int32(uint32_t tag, uint32_t value) {
  while (data_.size() % 4 != 0) data_.push_back('\0');  // INT32 data is 4-aligned
  entries_.push_back({tag, 4, static_cast<uint32_t>(data_.size()), 1});
  put_be32(data_, value);
  return *this;
}

RpmHeaderWriter& RpmHeaderWriter::raw_entry(uint32_t tag, uint32_t type, uint32_t offset,
                                            uint32_t count) {
  entries_.push_back({tag, type, offset, count});
  return *this;
}

std::string RpmHeaderWriter::build() const {
  std::string out;
  put_be32(out, static_cast<uint32_t>(entries_.size()));
  put_be32(out, static_cast<uint32_t>(data_.size()));
  for (const auto& e : entries_) {
    put_be32(out, e.tag);
    put_be32(out, e.type);
    put_be32(out, e.offset);
    put_be32(out, e.count);
  }
  out += data_;
  return out;
}

std::string rpm_header(std::string_view name, std::optional<uint32_t> epoch,
                       std::string_view version, std::string_view release, std::string_view arch,
                       std::string_view source_rpm) {
  RpmHeaderWriter w;
  w.string(1000, name).string(1001, version).string(1002, release);
  w.string(1004, "a summary", 9);  // I18NSTRING, ignored
  if (epoch) w.int32(1003, *epoch);
  w.int32(1009, 12345);  // SIZE, ignored
  if (!arch.empty()) w.string(1022, arch);
  if (!source_rpm.empty()) w.string(1044, source_rpm);
  return w.build();
}

void write_rpmdb_sqlite(const std::string& file, const std::vector<std::string>& blobs) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE IF NOT EXISTS 'Packages' (hnum INTEGER PRIMARY KEY "
                         "AUTOINCREMENT,blob BLOB NOT NULL);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO Packages(blob) VALUES (?)", -1, &stmt, nullptr),
            SQLITE_OK);
  for (const auto& b : blobs) {
    sqlite3_bind_blob(stmt, 1, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace sw::vuln::test
