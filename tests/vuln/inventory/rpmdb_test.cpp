// SPDX-License-Identifier: Apache-2.0
// RPM header parsing and the SQLite rpmdb reader, on headers built by the test.
#include "vuln/inventory/rpmdb.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "rpm_fixture_support.h"
#include "support/fixture.h"

namespace sw::vuln {
namespace {

using test::rpm_header;
using test::RpmHeaderWriter;

TEST(RpmHeader, ParsesPackageTags) {
  auto p = parse_rpm_header(
      rpm_header("openssl-libs", 1, "3.0.7", "27.el9", "x86_64", "openssl-3.0.7-27.el9.src.rpm"));
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_EQ(p->name, "openssl-libs");
  ASSERT_TRUE(p->epoch);
  EXPECT_EQ(*p->epoch, 1u);
  EXPECT_EQ(p->version, "3.0.7");
  EXPECT_EQ(p->release, "27.el9");
  EXPECT_EQ(p->arch, "x86_64");
  EXPECT_EQ(p->source_rpm, "openssl-3.0.7-27.el9.src.rpm");
  EXPECT_EQ(p->evr(), "1:3.0.7-27.el9");
  EXPECT_EQ(p->source_name(), "openssl");
}

TEST(RpmHeader, EvrWritesOnlyANonZeroEpoch) {
  auto p = parse_rpm_header(rpm_header("bash", std::nullopt, "5.1.8", "9.el9"));
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->epoch);
  EXPECT_EQ(p->evr(), "5.1.8-9.el9");
  p = parse_rpm_header(rpm_header("bash", 0, "5.1.8", "9.el9"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->evr(), "5.1.8-9.el9");
}

TEST(RpmHeader, SourceName) {
  RpmPackage p;
  p.source_rpm = "python3.9-3.9.18-3.el9.src.rpm";
  EXPECT_EQ(p.source_name(), "python3.9");
  p.source_rpm = "kernel-5.14.0-427.13.1.el9_4.nosrc.rpm";
  EXPECT_EQ(p.source_name(), "kernel");
  p.source_rpm = "a-b-c-1.0-1.src.rpm";
  EXPECT_EQ(p.source_name(), "a-b-c");
  p.source_rpm = "nodashes.src.rpm";
  EXPECT_EQ(p.source_name(), "");
  p.source_rpm = "-1.src.rpm";
  EXPECT_EQ(p.source_name(), "");
  p.source_rpm = "";
  EXPECT_EQ(p.source_name(), "");
}

TEST(RpmHeader, AcceptsTheHeaderMagic) {
  std::string blob("\x8e\xad\xe8\x01\0\0\0\0", 8);
  blob += rpm_header("zlib", std::nullopt, "1.2.11", "40.el9");
  auto p = parse_rpm_header(blob);
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_EQ(p->name, "zlib");
}

TEST(RpmHeader, RejectsMalformedHeaders) {
  auto good = rpm_header("zlib", std::nullopt, "1.2.11", "40.el9");
  // Truncated anywhere.
  for (size_t n : {size_t{0}, size_t{4}, size_t{8}, size_t{20}, good.size() - 1}) {
    auto p = parse_rpm_header(std::string_view(good).substr(0, n));
    EXPECT_FALSE(p) << n;
    if (!p) {
      EXPECT_EQ(p.error().code(), Errc::kParse);
    }
  }
  // Tag count and data size over RPM's limits.
  EXPECT_FALSE(parse_rpm_header(std::string("\x00\x01\x00\x00\x00\x00\x00\x00", 8)));
  EXPECT_FALSE(parse_rpm_header(std::string("\x00\x00\x00\x01\x01\x00\x00\x00", 8)));
  EXPECT_FALSE(parse_rpm_header(std::string("\xff\xff\xff\xff\xff\xff\xff\xff", 8)));
  // No tags at all.
  EXPECT_FALSE(parse_rpm_header(std::string(8, '\0')));
}

TEST(RpmHeader, RejectsOutOfBoundsEntries) {
  // NAME's offset past the data store.
  RpmHeaderWriter w;
  w.string(1001, "1.0").string(1002, "1").raw_entry(1000, 6, 1000, 1);
  auto p = parse_rpm_header(w.build());
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message().find("outside the data store"), std::string::npos);

  // A string without its terminating NUL: the data store is cut right after "abc".
  RpmHeaderWriter w2;
  w2.string(1001, "1.0").string(1002, "1").string(1000, "abc");
  auto blob = w2.build();
  blob.pop_back();                           // drop the final NUL ...
  blob[7] = static_cast<char>(blob[7] - 1);  // ... and shrink dl to match
  p = parse_rpm_header(blob);
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message().find("not terminated"), std::string::npos);

  // EPOCH whose 4 bytes run past the end, misaligned, or of the wrong type.
  RpmHeaderWriter w3;
  w3.string(1000, "n").string(1001, "1").string(1002, "1").raw_entry(1003, 4, 4, 1);
  EXPECT_FALSE(parse_rpm_header(w3.build()));
  RpmHeaderWriter w4;
  w4.string(1000, "name").string(1001, "1").string(1002, "1").raw_entry(1003, 4, 1, 1);
  EXPECT_FALSE(parse_rpm_header(w4.build()));
  RpmHeaderWriter w5;
  w5.string(1000, "name").string(1001, "1").string(1002, "1").raw_entry(1003, 6, 0, 1);
  EXPECT_FALSE(parse_rpm_header(w5.build()));
  // Unknown type; NAME with count 0; NAME as an INT32.
  RpmHeaderWriter w6;
  w6.string(1000, "name").string(1001, "1").string(1002, "1").raw_entry(5000, 99, 0, 1);
  EXPECT_FALSE(parse_rpm_header(w6.build()));
  RpmHeaderWriter w7;
  w7.string(1001, "1").string(1002, "1").raw_entry(1000, 6, 0, 0);
  EXPECT_FALSE(parse_rpm_header(w7.build()));
  RpmHeaderWriter w8;
  w8.string(1001, "1").string(1002, "1").int32(1000, 7);
  EXPECT_FALSE(parse_rpm_header(w8.build()));
}

TEST(RpmHeader, RequiresNameVersionRelease) {
  RpmHeaderWriter a;
  a.string(1001, "1.0").string(1002, "1");
  EXPECT_FALSE(parse_rpm_header(a.build()));
  RpmHeaderWriter b;
  b.string(1000, "x").string(1002, "1");
  EXPECT_FALSE(parse_rpm_header(b.build()));
  RpmHeaderWriter c;
  c.string(1000, "x").string(1001, "1.0");
  EXPECT_FALSE(parse_rpm_header(c.build()));
  RpmHeaderWriter d;
  d.string(1000, "").string(1001, "1.0").string(1002, "1");
  EXPECT_FALSE(parse_rpm_header(d.build()));
}

TEST(RpmDbFormat, RecognisesBackends) {
  EXPECT_EQ(detect_rpmdb_format(std::string("SQLite format 3\0xxxx", 20)), RpmDbFormat::kSqlite);
  EXPECT_EQ(detect_rpmdb_format("RpmP\x01\0\0\0"), RpmDbFormat::kNdb);
  // BerkeleyDB hash, little-endian (as RHEL/SLES x86_64 write it) and big-endian btree.
  EXPECT_EQ(detect_rpmdb_format(std::string("\0\0\0\0\1\0\0\0\0\0\0\0\x61\x15\x06\0", 16)),
            RpmDbFormat::kBerkeleyDb);
  EXPECT_EQ(detect_rpmdb_format(std::string("\0\0\0\0\0\0\0\1\0\0\0\0\0\x05\x31\x62", 16)),
            RpmDbFormat::kBerkeleyDb);
  EXPECT_EQ(detect_rpmdb_format("hello"), RpmDbFormat::kUnknown);
  EXPECT_EQ(detect_rpmdb_format(std::string(16, '\0')), RpmDbFormat::kUnknown);
}

TEST(RpmDbSqlite, ReadsPackagesAndSkipsBadHeaders) {
  sw::test::FixtureRoot root;
  root.mkdir("/var/lib/rpm");
  auto file = root.real("/var/lib/rpm/rpmdb.sqlite");
  test::write_rpmdb_sqlite(
      file,
      {rpm_header("bash", std::nullopt, "5.1.8", "9.el9", "x86_64", "bash-5.1.8-9.el9.src.rpm"),
       std::string("garbage"),
       rpm_header("openssl-libs", 1, "3.0.7", "27.el9", "x86_64", "openssl-3.0.7-27.el9.src.rpm")});
  auto db = read_rpmdb_sqlite(file, "/var/lib/rpm/rpmdb.sqlite");
  ASSERT_TRUE(db) << db.error().to_string();
  ASSERT_EQ(db->packages.size(), 2u);
  EXPECT_EQ(db->packages[0].name, "bash");
  EXPECT_EQ(db->packages[1].evr(), "1:3.0.7-27.el9");
  ASSERT_EQ(db->errors.size(), 1u);
  EXPECT_EQ(db->errors[0].file(), "/var/lib/rpm/rpmdb.sqlite");
  EXPECT_NE(db->errors[0].message().find("package #2"), std::string::npos);
}

TEST(RpmDbSqlite, PathsNeedingUriEscapes) {
  sw::test::FixtureRoot root;
  root.mkdir("/odd dir?#%");
  auto file = root.real("/odd dir?#%/rpmdb.sqlite");
  test::write_rpmdb_sqlite(file, {rpm_header("zlib", std::nullopt, "1.2.11", "40.el9")});
  auto db = read_rpmdb_sqlite(file, "rpmdb.sqlite");
  ASSERT_TRUE(db) << db.error().to_string();
  ASSERT_EQ(db->packages.size(), 1u);
}

TEST(RpmDbSqlite, NotAnRpmdb) {
  sw::test::FixtureRoot root;
  root.write("/not-sqlite", "this is not a database at all, just some text............\n");
  auto db = read_rpmdb_sqlite(root.real("/not-sqlite"), "/not-sqlite");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().file(), "/not-sqlite");

  // An SQLite file without the Packages table.
  auto other = root.real("/other.sqlite");
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &h), SQLITE_OK);
  sqlite3_exec(h, "CREATE TABLE t(x);", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  db = read_rpmdb_sqlite(other, "/other.sqlite");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), Errc::kParse);

  db = read_rpmdb_sqlite(root.real("/missing.sqlite"), "/missing.sqlite");
  EXPECT_FALSE(db);
}

}  // namespace
}  // namespace sw::vuln
