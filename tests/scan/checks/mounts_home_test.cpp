// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.mounts.home";

TEST(MountsHome, PassesWithNodevNosuid) {
  FixtureRoot root;
  root.write("/etc/fstab", "LABEL=home /home ext4 defaults,nodev,nosuid 0 2\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(MountsHome, MissingNodevIsMedium) {
  FixtureRoot root;
  root.write("/etc/fstab", "LABEL=home /home ext4 defaults 0 2\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(MountsHome, MissingOnlyNosuidIsLow) {
  FixtureRoot root;
  root.write("/etc/fstab", "LABEL=home /home ext4 defaults,nodev 0 2\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(MountsHome, NotSeparateIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("not a separate mount"), std::string::npos);
}

TEST(MountsHome, NoautoLineDoesNotCount) {
  FixtureRoot root;
  root.write("/etc/fstab", "LABEL=home /home ext4 noauto 0 2\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
