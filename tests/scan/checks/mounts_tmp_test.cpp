// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.mounts.tmp";

TEST(MountsTmp, PassesWithHardenedFstabLine) {
  FixtureRoot root;
  root.write("/etc/fstab",
             "# comment\nUUID=abc / ext4 defaults 0 1\n"
             "tmpfs /tmp tmpfs defaults,rw,nosuid,nodev,noexec 0 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(MountsTmp, FailsOnMissingNoexecWithLine) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=abc / ext4 defaults 0 1\ntmpfs /tmp tmpfs nosuid,nodev 0 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("noexec"), std::string::npos);
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(MountsTmp, LaterDefaultsUndoEarlierNoexec) {
  FixtureRoot root;
  root.write("/etc/fstab", "tmpfs /tmp tmpfs noexec,nosuid,nodev,exec 0 0\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(MountsTmp, NotSeparateIsLow) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=abc / ext4 defaults 0 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_TRUE(r.issues[0].severity.has_value());
  EXPECT_EQ(*r.issues[0].severity, Severity::kLow);
}

TEST(MountsTmp, EnabledTmpMountUnitCounts) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=abc / ext4 defaults 0 1\n");
  root.write("/usr/lib/systemd/system/tmp.mount",
             "[Mount]\nWhat=tmpfs\nWhere=/tmp\nType=tmpfs\n"
             "Options=mode=1777,strictatime,nosuid,nodev,size=50%%\n");
  root.symlink("/usr/lib/systemd/system/tmp.mount",
               "/usr/lib/systemd/system/local-fs.target.wants/tmp.mount");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("noexec"), std::string::npos);
  // A drop-in adding noexec fixes it.
  root.write("/etc/systemd/system/tmp.mount.d/hard.conf",
             "[Mount]\nOptions=mode=1777,nosuid,nodev,noexec\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(MountsTmp, LiveMountsDecideAndFstabDifferenceIsNoted) {
  FixtureRoot root;
  root.write("/etc/fstab", "tmpfs /tmp tmpfs nosuid,nodev,noexec 0 0\n");
  root.write("/proc/self/mounts",
             "/dev/sda1 / ext4 rw,relatime 0 0\ntmpfs /tmp tmpfs rw,nosuid,nodev 0 0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("remount"), std::string::npos);
}

TEST(MountsTmp, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  root.write("/etc/fstab", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(MountsTmp, NoFstabInImageIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(MountsTmp, MalformedFstabLineIsReported) {
  FixtureRoot root;
  root.write("/etc/fstab", "garbage\ntmpfs /tmp tmpfs nosuid,nodev,noexec 0 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("/etc/fstab:1"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
