// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.idle_timeout";

TEST(SshIdleTimeout, DefaultHasNoTimeout) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "sshd ClientAliveInterval");
}

TEST(SshIdleTimeout, IntervalAndCountPass) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "ClientAliveInterval 15\nClientAliveCountMax 3\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshIdleTimeout, CountMaxZeroFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "ClientAliveInterval 5m\nClientAliveCountMax 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd ClientAliveCountMax");
}

TEST(SshIdleTimeout, MatchBlockTurningItOff) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "ClientAliveInterval 15\nMatch User tunnel\n ClientAliveInterval 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd Match User tunnel: ClientAliveInterval");
}

}  // namespace
}  // namespace sw::test
