// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/pwquality.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(PwQualityParse, LaterFilesOverrideAndBareBooleansAreKept) {
  PwQuality q;
  parse_pwquality_conf("minlen = 10\n# minlen = 99\ndictcheck=0\n", "/d/a.conf", q);
  parse_pwquality_conf("  minlen=14  # trailing comment\nenforce_for_root\n", "/main", q);
  ASSERT_NE(q.find("minlen"), nullptr);
  EXPECT_EQ(q.find("minlen")->value, "14");
  EXPECT_EQ(q.find("minlen")->file, "/main");
  EXPECT_EQ(q.find("minlen")->line, 1);
  EXPECT_EQ(q.find("dictcheck")->value, "0");
  ASSERT_NE(q.find("enforce_for_root"), nullptr);
  EXPECT_EQ(q.find("enforce_for_root")->value, "");
  EXPECT_EQ(q.files.size(), 2u);
}

TEST(PwQualityParse, MalformedLineIsReported) {
  PwQuality q;
  parse_pwquality_conf("min len = 3\n= 4\nminlen = 12\n", "/f", q);
  EXPECT_EQ(q.parse_errors.size(), 2u);
  EXPECT_EQ(q.find("minlen")->value, "12");
}

}  // namespace
}  // namespace sw::scan
