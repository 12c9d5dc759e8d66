// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.host_key_permissions";

TEST(SshHostKeyPermissions, ReadableDefaultKeyFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  root.write("/etc/ssh/ssh_host_ed25519_key", "k", 0644);
  root.write("/etc/ssh/ssh_host_ed25519_key.pub", "p", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_GE(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/etc/ssh/ssh_host_ed25519_key");
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_NE(r.issues[0].evidence.find("mode 0644"), std::string::npos);
}

TEST(SshHostKeyPermissions, StricterModesPass) {
  if (!running_as_root()) GTEST_SKIP() << "needs root-owned files";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "HostKey /etc/ssh/ssh_host_rsa_key\n");
  root.write("/etc/ssh/ssh_host_rsa_key", "k", 0400);
  root.write("/etc/ssh/ssh_host_rsa_key.pub", "p", 0644);
  root.write("/etc/ssh/ssh_host_ecdsa_key", "k", 0000);
  root.write("/etc/ssh/ssh_host_ed25519_key", "k", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("3 private"), std::string::npos);
}

TEST(SshHostKeyPermissions, ConfiguredHostKeyAndWritablePub) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "HostKey /srv/keys/host\n");
  root.write("/srv/keys/host", "k", 0640);
  root.write("/srv/keys/host.pub", "p", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool saw_pub = false;
  for (const auto& i : r.issues) {
    if (i.subject == "/srv/keys/host") {
      EXPECT_NE(i.evidence.find("HostKey /srv/keys/host (/etc/ssh/sshd_config:1)"),
                std::string::npos);
    }
    if (i.subject == "/srv/keys/host.pub") saw_pub = true;
  }
  EXPECT_TRUE(saw_pub);
}

TEST(SshHostKeyPermissions, NoKeysIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(SshHostKeyPermissions, NonRootOwnerFails) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  root.write("/etc/ssh/ssh_host_rsa_key", "k", 0600);
  root.chown("/etc/ssh/ssh_host_rsa_key", 1000, 1000);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("not root"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
