// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.log_level";

TEST(SshLogLevel, QuietFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "LogLevel QUIET\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(SshLogLevel, DefaultAndVerbosePass) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  FixtureRoot verbose;
  verbose.write("/etc/ssh/sshd_config", "loglevel verbose\n");
  EXPECT_EQ(verbose.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshLogLevel, DebugIsLowAndMatchIsJudged) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "LogLevel DEBUG3\nMatch User backup\nLogLevel ERROR\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
  EXPECT_NE(r.issues[1].subject.find("Match User backup"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
