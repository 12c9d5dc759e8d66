// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.max_auth_tries";

TEST(SshMaxAuthTries, DefaultSixFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("default 6"), std::string::npos);
}

TEST(SshMaxAuthTries, FourPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "MaxAuthTries 4\nMaxAuthTries 10\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshMaxAuthTries, MatchBlockRaisingIt) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "MaxAuthTries 3\nMatch Address 192.168.0.0/16\nMaxAuthTries 20\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].subject.find("Match Address 192.168.0.0/16"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
