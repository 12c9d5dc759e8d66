// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.world_writable_dirs_sticky";

TEST(PermissionsWorldWritableDirsSticky, PassesWhenSharedDirsAreSticky) {
  FixtureRoot root;
  root.mkdir("/tmp", 01777);
  root.mkdir("/var/tmp", 01777);
  root.mkdir("/srv/private", 0755);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 world-writable directories"), std::string::npos) << r.detail;
}

TEST(PermissionsWorldWritableDirsSticky, FailsOnWorldWritableDirWithoutSticky) {
  FixtureRoot root;
  root.mkdir("/tmp", 01777);
  root.mkdir("/srv/upload", 0777);
  root.mkdir("/usr/share/drop", 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "/srv/upload");
  EXPECT_EQ(r.issues[1].subject, "/usr/share/drop");
  EXPECT_EQ(r.issues[1].severity, Severity::kHigh);
}

TEST(PermissionsWorldWritableDirsSticky, NotApplicableWithoutWalk) {
  FixtureRoot root;
  auto r = root.run_check(kId, false, scan::ScanOptions{.walk = false});
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
