// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.opasswd";

TEST(PermissionsOpasswd, ReadableByOthersFailsHigh) {
  FixtureRoot root;
  root.write("/etc/security/opasswd", "alice:1000:1:$6$x$y\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues[0].subject, "/etc/security/opasswd");
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
}

TEST(PermissionsOpasswd, PrivateAndStricterPass) {
  if (!running_as_root()) GTEST_SKIP() << "fixture files must be owned by root";
  FixtureRoot root;
  root.write("/etc/security/opasswd", "", 0600);
  root.write("/etc/security/opasswd.old", "", 0400);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(PermissionsOpasswd, AbsentIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
