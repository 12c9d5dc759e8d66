// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/core_dumps.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(CoreDumpsParse, LimitsConf) {
  std::vector<Error> errors;
  auto l = parse_limits_conf(
      "# comment\n*  hard  core  0  # trailing\n@staff - nofile 4096\nbad line\nx sometimes core "
      "0\n",
      "/etc/security/limits.conf", errors);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0].domain, "*");
  EXPECT_EQ(l[0].value, "0");
  EXPECT_EQ(l[0].line, 2);
  EXPECT_EQ(l[1].type, "-");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line(), 4);
}

TEST(CoreDumpsParse, CoredumpConfOnlyCoredumpSection) {
  std::vector<Error> errors;
  auto s = parse_coredump_conf(
      "[Other]\nStorage=external\n[Coredump]\n#Storage=none\nStorage = none\nProcessSizeMax=0\n"
      "junk\n[Broken\n",
      "/etc/systemd/coredump.conf", errors);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].key, "Storage");
  EXPECT_EQ(s[0].value, "none");
  EXPECT_EQ(s[0].line, 5);
  EXPECT_EQ(errors.size(), 2u);
}

}  // namespace
}  // namespace sw::scan
