// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.group";
constexpr const char* kGroup = "root:x:0:\n";

TEST(PermissionsGroup, PassesRootRoot0644OrStricter) {
  if (!running_as_root()) GTEST_SKIP() << "files must be root-owned";
  for (mode_t mode : {0644, 0640, 0600}) {
    FixtureRoot root;
    root.write("/etc/group", kGroup, mode);
    root.write("/etc/group-", kGroup, 0644);
    auto r = root.run_check(kId);
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  }
}

TEST(PermissionsGroup, FailsWhenGroupOrOthersCanWrite) {
  for (mode_t mode : {0664, 0646}) {
    FixtureRoot root;
    root.write("/etc/group", kGroup, mode);
    auto r = root.run_check(kId);
    ASSERT_EQ(r.status, CheckStatus::kFail);
    EXPECT_EQ(r.issues[0].subject, "/etc/group");
    EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  }
}

TEST(PermissionsGroup, FailsOnNonRootOwner) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  FixtureRoot root;
  root.write("/etc/group", kGroup);
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/sh\n");
  root.chown("/etc/group", 1000, 0);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("owner is bob"), std::string::npos) << r.issues[0].evidence;
}

TEST(PermissionsGroup, MissingGroupIsAnError) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

}  // namespace
}  // namespace sw::test
