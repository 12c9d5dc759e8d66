// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.mounts.var_tmp";

TEST(MountsVarTmp, BindToHardenedTmpPasses) {
  FixtureRoot root;
  root.write("/etc/fstab",
             "tmpfs /tmp tmpfs nosuid,nodev,noexec 0 0\n/tmp /var/tmp none rw,bind 0 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("bind"), std::string::npos);
}

TEST(MountsVarTmp, BindToWeakTmpFails) {
  FixtureRoot root;
  root.write("/etc/fstab", "tmpfs /tmp tmpfs nosuid 0 0\n/tmp /var/tmp none rw,bind 0 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.line, 2);
}

TEST(MountsVarTmp, NotSeparateIsLow) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(MountsVarTmp, LiveMountWithSpaceEscape) {
  FixtureRoot root;
  root.write("/proc/self/mounts", "/dev/sdb1 /var/tmp ext4 rw,nosuid,nodev,noexec 0 0\n");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
