// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.tmp_sticky";

TEST(PermissionsTmpSticky, Passes1777) {
  if (!running_as_root()) GTEST_SKIP() << "must be root-owned";
  FixtureRoot root;
  root.mkdir("/tmp", 01777);
  root.mkdir("/var/tmp", 01777);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(PermissionsTmpSticky, FollowsASymlinkedVarTmp) {
  if (!running_as_root()) GTEST_SKIP() << "must be root-owned";
  FixtureRoot root;
  root.mkdir("/tmp", 01777);
  root.symlink("/tmp", "/var/tmp");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(PermissionsTmpSticky, WorldWritableWithoutStickyIsHigh) {
  FixtureRoot root;
  root.mkdir("/tmp", 0777);
  root.mkdir("/var/tmp", 01777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool found = false;
  for (const auto& i : r.issues) {
    if (i.evidence.find("without the sticky bit") != std::string::npos) {
      found = true;
      EXPECT_EQ(i.subject, "/tmp");
      EXPECT_EQ(i.severity, Severity::kHigh);
    }
  }
  EXPECT_TRUE(found);
}

TEST(PermissionsTmpSticky, MissingVarTmpFails) {
  FixtureRoot root;
  root.mkdir("/tmp", 01777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.back().subject, "/var/tmp");
}

}  // namespace
}  // namespace sw::test
