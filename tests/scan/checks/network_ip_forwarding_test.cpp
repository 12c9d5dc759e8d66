// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.ip_forwarding";

TEST(NetworkIpForwarding, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.ip_forward = 0\nnet.ipv6.conf.all.forwarding = 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkIpForwarding, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "# weak\nnet.ipv4.ip_forward = 1\nnet.ipv6.conf.all.forwarding = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.ip_forward");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(NetworkIpForwarding, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkIpForwarding, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.ip_forward = 0\nnet.ipv6.conf.all.forwarding = 0\n");
  root.write("/proc/sys/net/ipv4/ip_forward", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/forwarding", "0\n");
  root.write("/proc/sys/net/ipv4/ip_forward", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 1"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpForwarding, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.ip_forward = 1\nnet.ipv6.conf.all.forwarding = 1\n");
  root.write("/proc/sys/net/ipv4/ip_forward", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/forwarding", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpForwarding, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.ip_forward = 0\nnet.ipv6.conf.all.forwarding = 0\n");
  root.write("/proc/sys/net/ipv4/ip_forward", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/forwarding", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkIpForwarding, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(NetworkIpForwarding, EvidenceNamesContainerRuntime) {
  FixtureRoot root;
  root.write("/usr/bin/dockerd", "");
  root.write("/etc/sysctl.d/50-docker.conf", "net.ipv4.ip_forward = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("Docker"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkIpForwarding, Ipv6KeysSkippedWhenGrubDisablesIpv6) {
  FixtureRoot root;
  root.write("/etc/default/grub", "GRUB_CMDLINE_LINUX=\"quiet ipv6.disable=1\"\n");
  root.write("/etc/sysctl.conf", "net.ipv4.ip_forward=1\nnet.ipv6.conf.all.forwarding=1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.ip_forward");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.conf");
}

}  // namespace
}  // namespace sw::test
