// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/login_defs.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(LoginDefsParse, LastValueWinsAndCommentsAreSkipped) {
  auto d = parse_login_defs(
      "# comment\n\nPASS_MAX_DAYS\t99999\n  ENCRYPT_METHOD SHA512\nENCRYPT_METHOD YESCRYPT\n",
      "/etc/login.defs");
  ASSERT_NE(d.find("ENCRYPT_METHOD"), nullptr);
  EXPECT_EQ(d.find("ENCRYPT_METHOD")->value, "YESCRYPT");
  EXPECT_EQ(d.find("ENCRYPT_METHOD")->line, 5);
  EXPECT_EQ(d.number("PASS_MAX_DAYS"), 99999);
  EXPECT_TRUE(d.parse_errors.empty());
}

TEST(LoginDefsParse, NumbersAreReadLikeStrtolBaseZero) {
  auto d = parse_login_defs("UMASK 027\nX 0x10\nY 12abc\nQ \"quoted value\" tail\n", "f");
  EXPECT_EQ(d.number("UMASK"), 027);
  EXPECT_EQ(d.number("X"), 16);
  EXPECT_EQ(d.number("Y"), std::nullopt);
  EXPECT_EQ(d.find("Q")->value, "quoted value");
  EXPECT_EQ(d.number("MISSING"), std::nullopt);
}

TEST(LoginDefsParse, NameWithoutValueIsAnErrorAndTheRestIsKept) {
  auto d = parse_login_defs("UMASK\nUID_MIN 1000\r\n", "/etc/login.defs");
  ASSERT_EQ(d.parse_errors.size(), 1u);
  EXPECT_EQ(d.parse_errors[0].line(), 1);
  EXPECT_EQ(d.number("UID_MIN"), 1000);
  EXPECT_EQ(d.find("UMASK"), nullptr);
}

}  // namespace
}  // namespace sw::scan
