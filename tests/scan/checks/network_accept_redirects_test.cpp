// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.accept_redirects";

TEST(NetworkAcceptRedirects, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.accept_redirects = 0\nnet.ipv4.conf.default.accept_redirects = "
      "0\nnet.ipv6.conf.all.accept_redirects = 0\nnet.ipv6.conf.default.accept_redirects = 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkAcceptRedirects, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "# weak\nnet.ipv4.conf.all.accept_redirects = 1\nnet.ipv4.conf.default.accept_redirects = "
      "1\nnet.ipv6.conf.all.accept_redirects = 1\nnet.ipv6.conf.default.accept_redirects = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 4u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.conf.all.accept_redirects");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(NetworkAcceptRedirects, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkAcceptRedirects, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.accept_redirects = 0\nnet.ipv4.conf.default.accept_redirects = "
      "0\nnet.ipv6.conf.all.accept_redirects = 0\nnet.ipv6.conf.default.accept_redirects = 0\n");
  root.write("/proc/sys/net/ipv4/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/all/accept_redirects", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 1"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkAcceptRedirects, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.accept_redirects = 1\nnet.ipv4.conf.default.accept_redirects = "
      "1\nnet.ipv6.conf.all.accept_redirects = 1\nnet.ipv6.conf.default.accept_redirects = 1\n");
  root.write("/proc/sys/net/ipv4/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_redirects", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkAcceptRedirects, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.accept_redirects = 0\nnet.ipv4.conf.default.accept_redirects = "
      "0\nnet.ipv6.conf.all.accept_redirects = 0\nnet.ipv6.conf.default.accept_redirects = 0\n");
  root.write("/proc/sys/net/ipv4/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv6/conf/default/accept_redirects", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkAcceptRedirects, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(NetworkAcceptRedirects, LiveWithoutIpv6ChecksOnlyIpv4) {
  FixtureRoot root;
  root.write("/proc/sys/net/ipv4/conf/all/accept_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/accept_redirects", "0\n");
  root.write("/etc/sysctl.d/60.conf",
             "net.ipv4.conf.all.accept_redirects=0\nnet.ipv4.conf.default.accept_redirects=0\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("IPv6 is disabled"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
