// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.permit_empty_passwords";

TEST(SshPermitEmptyPasswords, FailsOnYes) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "PermitEmptyPasswords YES\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(SshPermitEmptyPasswords, PassesByDefault) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshPermitEmptyPasswords, MatchBlockFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "PermitEmptyPasswords no\nMatch User kiosk\nPermitEmptyPasswords yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].subject.find("Match User kiosk"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
