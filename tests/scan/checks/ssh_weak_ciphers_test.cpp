// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.weak_ciphers";

TEST(SshWeakCiphers, DefaultListPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshWeakCiphers, AppendedCbcFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Ciphers +aes256-cbc,3des-cbc\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "sshd cipher aes256-cbc");
  EXPECT_NE(r.issues[0].evidence.find("Ciphers +aes256-cbc,3des-cbc (/etc/ssh/sshd_config:1)"),
            std::string::npos);
}

TEST(SshWeakCiphers, ExplicitStrongListAndRemovalPass) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Ciphers -*-cbc\nCiphers arcfour\n");  // first wins
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshWeakCiphers, ArcfourIsHigh) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Ciphers aes128-ctr,arcfour256\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
}

}  // namespace
}  // namespace sw::test
