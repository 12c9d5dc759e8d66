// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.kernel.dmesg_restrict";

TEST(KernelDmesgRestrict, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf", "kernel.dmesg_restrict = 1\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelDmesgRestrict, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf", "# weak\nkernel.dmesg_restrict = 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "kernel.dmesg_restrict");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(KernelDmesgRestrict, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelDmesgRestrict, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf", "kernel.dmesg_restrict = 1\n");
  root.write("/proc/sys/kernel/dmesg_restrict", "1\n");
  root.write("/proc/sys/kernel/dmesg_restrict", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 0"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelDmesgRestrict, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf", "kernel.dmesg_restrict = 0\n");
  root.write("/proc/sys/kernel/dmesg_restrict", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(KernelDmesgRestrict, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf", "kernel.dmesg_restrict = 1\n");
  root.write("/proc/sys/kernel/dmesg_restrict", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelDmesgRestrict, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(KernelDmesgRestrict, DebianKernelDefaultIsOn) {
  FixtureRoot root;
  root.write("/etc/debian_version", "12.5\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("Debian"), std::string::npos) << r.detail;
}

TEST(KernelDmesgRestrict, KernelConfigBeatsDebianAssumption) {
  FixtureRoot root;
  root.write("/etc/debian_version", "12.5\n");
  root.write("/boot/config-6.1.0-9-amd64", "CONFIG_SECURITY_DMESG_RESTRICT=y\n");
  root.write("/boot/config-6.1.0-10-amd64", "# CONFIG_SECURITY_DMESG_RESTRICT is not set\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("config-6.1.0-10-amd64"), std::string::npos)
      << r.issues[0].evidence;
}

}  // namespace
}  // namespace sw::test
