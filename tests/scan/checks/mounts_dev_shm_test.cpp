// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.mounts.dev_shm";

TEST(MountsDevShm, PassesLive) {
  FixtureRoot root;
  root.write("/proc/self/mounts", "tmpfs /dev/shm tmpfs rw,nosuid,nodev,noexec 0 0\n");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
}

TEST(MountsDevShm, SystemdDefaultLacksNoexecInImage) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n");
  root.write("/lib/systemd/systemd", "");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("noexec"), std::string::npos);
}

TEST(MountsDevShm, UnknownInitInImageIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(MountsDevShm, FstabLineWithOctalEscapeAndUserOption) {
  FixtureRoot root;
  // "user" implies noexec,nosuid,nodev (mount(8)).
  root.write("/etc/fstab", "tmpfs /dev/shm tmpfs user 0 0\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
