// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.secure_redirects";

TEST(NetworkSecureRedirects, PassesWhenPersistedGood) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.secure_redirects = 0\nnet.ipv4.conf.default.secure_redirects = 0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkSecureRedirects, FailsWhenPersistedWeakWithFileAndLine) {
  FixtureRoot root;
  root.write("/etc/sysctl.d/60-hardening.conf",
             "# weak\nnet.ipv4.conf.all.secure_redirects = "
             "1\nnet.ipv4.conf.default.secure_redirects = 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "net.ipv4.conf.all.secure_redirects");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/60-hardening.conf");
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[0].evidence.find("/etc/sysctl.d/60-hardening.conf:2"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(NetworkSecureRedirects, ImageModeUsesKernelDefaultWhenUnset) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_FALSE(r.issues.empty());
  EXPECT_NE(r.issues[0].evidence.find("default"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkSecureRedirects, LiveWeakButPersistedGoodFails) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.secure_redirects = 0\nnet.ipv4.conf.default.secure_redirects = 0\n");
  root.write("/proc/sys/net/ipv4/conf/all/secure_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/secure_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/all/secure_redirects", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("live 1"), std::string::npos) << r.issues[0].evidence;
  EXPECT_NE(r.issues[0].evidence.find("next boot"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkSecureRedirects, LiveGoodButNotPersistedFails) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.secure_redirects = 1\nnet.ipv4.conf.default.secure_redirects = 1\n");
  root.write("/proc/sys/net/ipv4/conf/all/secure_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/secure_redirects", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("not persisted"), std::string::npos) << r.issues[0].evidence;
}

TEST(NetworkSecureRedirects, LiveAndPersistedGoodPasses) {
  FixtureRoot root;
  root.write(
      "/etc/sysctl.d/60-hardening.conf",
      "net.ipv4.conf.all.secure_redirects = 0\nnet.ipv4.conf.default.secure_redirects = 0\n");
  root.write("/proc/sys/net/ipv4/conf/all/secure_redirects", "0\n");
  root.write("/proc/sys/net/ipv4/conf/default/secure_redirects", "0\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkSecureRedirects, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

}  // namespace
}  // namespace sw::test
