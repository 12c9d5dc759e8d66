// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.login_grace_time";

TEST(SshLoginGraceTime, DefaultTwoMinutesFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("120 seconds"), std::string::npos);
}

TEST(SshLoginGraceTime, TimeFormats) {
  FixtureRoot one;
  one.write("/etc/ssh/sshd_config", "LoginGraceTime 1m\n");
  EXPECT_EQ(one.run_check(kId).status, CheckStatus::kPass);
  FixtureRoot long_one;
  long_one.write("/etc/ssh/sshd_config", "LoginGraceTime 1h30m\n");
  auto r = long_one.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("5400 seconds"), std::string::npos);
}

TEST(SshLoginGraceTime, ZeroMeansNoLimit) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "LoginGraceTime 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("no time limit"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
