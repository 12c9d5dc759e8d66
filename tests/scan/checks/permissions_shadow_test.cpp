// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.shadow";

void base(FixtureRoot& root) {
  root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  root.write("/etc/group", "root:x:0:\nadm:x:4:\nshadow:x:42:\n");
}

TEST(PermissionsShadow, PassesRootShadow0640AndStricterModes) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  for (mode_t mode : {0640, 0600, 0400, 0000}) {
    FixtureRoot root;
    base(root);
    root.write("/etc/shadow", "root:*:19000:0:99999:7:::\n", mode);
    root.chown("/etc/shadow", 0, 42);
    root.write("/etc/shadow-", "root:*:19000:0:99999:7:::\n", 0600);
    auto r = root.run_check(kId);
    EXPECT_EQ(r.status, CheckStatus::kPass) << std::oct << mode << " " << r.detail;
  }
}

TEST(PermissionsShadow, FailsWhenOthersCanRead) {
  FixtureRoot root;
  base(root);
  root.write("/etc/shadow", "root:*:19000:0:99999:7:::\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_GE(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/etc/shadow");
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_NE(r.issues[0].evidence.find("others can read"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(PermissionsShadow, JudgesTheBackupToo) {
  FixtureRoot root;
  base(root);
  root.write("/etc/shadow", "", 0600);
  root.write("/etc/shadow-", "", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool backup = false;
  for (const auto& i : r.issues) backup |= i.subject == "/etc/shadow-";
  EXPECT_TRUE(backup);
}

TEST(PermissionsShadow, FailsOnAnotherGroup) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  FixtureRoot root;
  base(root);
  root.write("/etc/shadow", "", 0640);
  root.chown("/etc/shadow", 0, 4);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("group is adm"), std::string::npos) << r.issues[0].evidence;
}

TEST(PermissionsShadow, MissingShadowIsNotApplicable) {
  FixtureRoot root;
  base(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
