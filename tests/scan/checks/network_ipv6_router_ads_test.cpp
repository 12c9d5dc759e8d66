// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.ipv6_router_ads";

TEST(NetworkIpv6RouterAds, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv6.conf.all.accept_ra = 0\nnet.ipv6.conf.default.accept_ra = 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkIpv6RouterAds, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "# weak\nnet.ipv6.conf.all.accept_ra = 1\nnet.ipv6.conf.default.accept_ra = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv6.conf.all.accept_ra");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(NetworkIpv6RouterAds, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpv6RouterAds, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv6.conf.all.accept_ra = 0\nnet.ipv6.conf.default.accept_ra = 0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_ra", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_ra", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_ra", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 1"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpv6RouterAds, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv6.conf.all.accept_ra = 1\nnet.ipv6.conf.default.accept_ra = 1\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_ra", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_ra", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpv6RouterAds, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv6.conf.all.accept_ra = 0\nnet.ipv6.conf.default.accept_ra = 0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_ra", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_ra", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkIpv6RouterAds, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(NetworkIpv6RouterAds, NotApplicableWhenIpv6DisabledAtBoot) {
  FixtureRoot root;
  root.write("/etc/default/grub", "GRUB_CMDLINE_LINUX_DEFAULT='quiet'\n");
  root.write("/etc/default/grub.d/ipv6.cfg",
             "GRUB_CMDLINE_LINUX=\"$GRUB_CMDLINE_LINUX ipv6.disable=1\"\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(NetworkIpv6RouterAds, NotApplicableWhenLiveKernelHasNoIpv6) {
  FixtureRoot root;
  root.mkdir("/proc/sys/net/ipv4");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

}  // namespace
}  // namespace sw::test
