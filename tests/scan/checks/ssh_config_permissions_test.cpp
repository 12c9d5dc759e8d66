// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.config_permissions";

TEST(SshConfigPermissions, WritableDropInFailsHigh) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", 0600);
  root.write("/etc/ssh/sshd_config.d/50-x.conf", "UsePAM yes\n", 0666);
  root.chmod("/etc/ssh", 0755);
  root.chmod("/etc/ssh/sshd_config.d", 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool found = false;
  for (const auto& i : r.issues) {
    if (i.subject == "/etc/ssh/sshd_config.d/50-x.conf") {
      found = true;
      EXPECT_EQ(i.severity, Severity::kHigh);
    }
  }
  EXPECT_TRUE(found);
}

TEST(SshConfigPermissions, Mode0600Passes) {
  if (!running_as_root()) GTEST_SKIP() << "needs root-owned files";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", 0600);
  root.write("/etc/ssh/sshd_config.d/50-x.conf", "UsePAM yes\n", 0600);
  root.chmod("/etc/ssh", 0755);
  root.chmod("/etc/ssh/sshd_config.d", 0755);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 sshd"), std::string::npos);
}

TEST(SshConfigPermissions, Debian0644IsLow) {
  if (!running_as_root()) GTEST_SKIP() << "needs root-owned files";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n", 0644);
  root.chmod("/etc/ssh", 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(SshConfigPermissions, WorldWritableDropInDirectoryFails) {
  if (!running_as_root()) GTEST_SKIP() << "needs root-owned files";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", 0600);
  root.mkdir("/etc/ssh/sshd_config.d", 0777);
  root.chmod("/etc/ssh", 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/etc/ssh/sshd_config.d");
}

TEST(SshConfigPermissions, NonRootOwnerFails) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n", 0600);
  root.chmod("/etc/ssh", 0755);
  root.chown("/etc/ssh/sshd_config", 1000, 1000);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("not root"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
