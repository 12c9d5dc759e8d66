// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.shells";

TEST(PermissionsShells, WritableByOthersFails) {
  FixtureRoot root;
  root.write("/etc/shells", "/bin/sh\n/bin/bash\n", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
}

TEST(PermissionsShells, DebianDefaultPasses) {
  if (!running_as_root()) GTEST_SKIP() << "fixture files must be owned by root";
  FixtureRoot root;
  root.write("/etc/shells", "/bin/sh\n", 0644);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(PermissionsShells, AbsentIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
