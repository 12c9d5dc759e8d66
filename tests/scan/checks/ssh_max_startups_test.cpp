// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.max_startups";

TEST(SshMaxStartups, DefaultFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("10:30:100"), std::string::npos);
  EXPECT_NE(r.issues[0].evidence.find("up to 100"), std::string::npos);
}

TEST(SshMaxStartups, CisValueAndStricterPass) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "MaxStartups 10:30:60\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/etc/ssh/sshd_config", "MaxStartups 5:50:20\nMaxStartups 10:30:100\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass) << "the first value wins";
  root.write("/etc/ssh/sshd_config", "MaxStartups 8\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshMaxStartups, LooserFullOrLowerRateFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "MaxStartups 10:10:60\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
  root.write("/etc/ssh/sshd_config", "MaxStartups 100\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(SshMaxStartups, NoSshdIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
