// SPDX-License-Identifier: Apache-2.0
// Alpine apk installed-database parsing.
#include "vuln/inventory/apk_installed.h"

#include <gtest/gtest.h>

namespace sw::vuln {
namespace {

constexpr std::string_view kInstalled =
    "C:Q1z0MwWQKfva+S+q7XmOBYFfQgW/k=\n"  // 1
    "P:busybox\n"
    "V:1.36.1-r15\n"
    "A:x86_64\n"
    "S:507831\n"
    "T:Size optimized toolbox\n"
    "o:busybox\n"
    "F:bin\n"
    "R:busybox\n"
    "a:0:0:755\n"
    "Z:Q1wqqWFGk1tHJOTqAC0fzKpQv+5Bc=\n"
    "\n"
    "P:ssl_client\n"  // 13
    "V:1.36.1-r15\n"
    "A:x86_64\n"
    "o:busybox\n"
    "\n"
    "\n"
    "P:musl\n"  // 19
    "V:1.2.4_git20230717-r4\n"
    "A:x86_64\n";

TEST(ApkInstalled, ParsesRecords) {
  auto db = parse_apk_installed(kInstalled, "/lib/apk/db/installed");
  EXPECT_TRUE(db.errors.empty());
  ASSERT_EQ(db.packages.size(), 3u);
  EXPECT_EQ(db.packages[0].name, "busybox");
  EXPECT_EQ(db.packages[0].version, "1.36.1-r15");
  EXPECT_EQ(db.packages[0].arch, "x86_64");
  EXPECT_EQ(db.packages[0].origin, "busybox");
  EXPECT_EQ(db.packages[0].line, 1);
  EXPECT_EQ(db.packages[1].name, "ssl_client");
  EXPECT_EQ(db.packages[1].origin, "busybox");
  EXPECT_EQ(db.packages[1].line, 13);
  // No o: line: the package is its own origin.
  EXPECT_EQ(db.packages[2].name, "musl");
  EXPECT_EQ(db.packages[2].origin, "musl");
  EXPECT_EQ(db.packages[2].version, "1.2.4_git20230717-r4");
  EXPECT_EQ(db.packages[2].line, 19);
}

TEST(ApkInstalled, CrLfLineEnds) {
  auto db = parse_apk_installed("P:a\r\nV:1-r0\r\no:b\r\n\r\nP:c\r\nV:2-r0\r\n", "x");
  EXPECT_TRUE(db.errors.empty());
  ASSERT_EQ(db.packages.size(), 2u);
  EXPECT_EQ(db.packages[0].version, "1-r0");
  EXPECT_EQ(db.packages[0].origin, "b");
  EXPECT_EQ(db.packages[1].line, 5);
}

TEST(ApkInstalled, MalformedRecordsAreSkippedWithFileAndLine) {
  auto db = parse_apk_installed(
      "P:good\nV:1.0-r0\n\n"                        // 1-3
      "P:bad\nV:1.0-r0\nnot a field\nA:x86_64\n\n"  // 4-8: line 6 is malformed
      "P:noversion\nA:x86_64\n\n"                   // 9-11
      "V:2.0-r0\n\n"                                // 12-13: no name
      "P:also-good\nV:3.0-r1\n",                    // 14
      "/lib/apk/db/installed");
  ASSERT_EQ(db.packages.size(), 2u);
  EXPECT_EQ(db.packages[0].name, "good");
  EXPECT_EQ(db.packages[1].name, "also-good");
  EXPECT_EQ(db.packages[1].line, 14);
  ASSERT_EQ(db.errors.size(), 3u);
  EXPECT_EQ(db.errors[0].line(), 6);
  EXPECT_EQ(db.errors[0].file(), "/lib/apk/db/installed");
  EXPECT_EQ(db.errors[1].line(), 9);
  EXPECT_EQ(db.errors[2].line(), 12);
}

TEST(ApkInstalled, EmptyInput) {
  auto db = parse_apk_installed("", "x");
  EXPECT_TRUE(db.packages.empty());
  EXPECT_TRUE(db.errors.empty());
  db = parse_apk_installed("\n\n\n", "x");
  EXPECT_TRUE(db.packages.empty());
  EXPECT_TRUE(db.errors.empty());
}

}  // namespace
}  // namespace sw::vuln
