// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.rp_filter";

TEST(NetworkRpFilter, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 2\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkRpFilter, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "# weak\nnet.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.default.rp_filter = 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.conf.all.rp_filter");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(NetworkRpFilter, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkRpFilter, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 2\n");
  root.write("/proc/sys/net/ipv4/conf/all/rp_filter", "1\n");
  root.write("/proc/sys/net/ipv4/conf/default/rp_filter", "2\n");
  root.write("/proc/sys/net/ipv4/conf/all/rp_filter", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 0"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkRpFilter, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.default.rp_filter = 0\n");
  root.write("/proc/sys/net/ipv4/conf/all/rp_filter", "1\n");
  root.write("/proc/sys/net/ipv4/conf/default/rp_filter", "2\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkRpFilter, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 2\n");
  root.write("/proc/sys/net/ipv4/conf/all/rp_filter", "1\n");
  root.write("/proc/sys/net/ipv4/conf/default/rp_filter", "2\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkRpFilter, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(NetworkRpFilter, GlobPatternSetsBoth) {
  FixtureRoot root;
  root.write("/usr/lib/sysctl.d/50-default.conf", "net.ipv4.conf.*.rp_filter = 2\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkRpFilter, ExplicitAssignmentBeatsLaterGlob) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/10-a.conf", "-net.ipv4.conf.all.rp_filter = 0\n");
  root.write("/etc/sysctl.d/90-b.conf", "net.ipv4.conf.*.rp_filter = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.conf.all.rp_filter");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/10-a.conf");
}

}  // namespace
}  // namespace sw::test
