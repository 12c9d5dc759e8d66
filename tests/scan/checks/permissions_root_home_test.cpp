// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.root_home";

TEST(PermissionsRootHome, Passes0700) {
  if (!running_as_root()) GTEST_SKIP() << "must be root-owned";
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/bash\n");
  root.mkdir("/root", 0700);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(PermissionsRootHome, FailsWhenOthersCanRead) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/bash\n");
  root.mkdir("/root", 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "/root");
  EXPECT_NE(r.issues[0].evidence.find("others can read and execute"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(PermissionsRootHome, UsesRootsHomeFromPasswd) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/var/root:/bin/bash\n");
  root.mkdir("/var/root", 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "/var/root");
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
}

TEST(PermissionsRootHome, MissingIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/bash\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
