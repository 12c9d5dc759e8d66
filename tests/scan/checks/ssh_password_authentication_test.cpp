// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.password_authentication";

TEST(SshPasswordAuthentication, FailsByDefault) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "KbdInteractiveAuthentication no\nUsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("not set (OpenSSH default yes)"), std::string::npos);
}

TEST(SshPasswordAuthentication, PassesWhenOff) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshPasswordAuthentication, KeyboardInteractiveWithPamFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "PasswordAuthentication no\nUsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd KbdInteractiveAuthentication");
}

TEST(SshPasswordAuthentication, AuthenticationMethodsRequiringAKeyPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "AuthenticationMethods publickey,password\nKbdInteractiveAuthentication no\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshPasswordAuthentication, MatchBlockReEnablingPasswords) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "PasswordAuthentication no\nKbdInteractiveAuthentication no\nMatch Group "
             "legacy\n PasswordAuthentication yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd Match Group legacy: PasswordAuthentication");
}

}  // namespace
}  // namespace sw::test
