// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.ignore_rhosts_hostbased";

TEST(SshIgnoreRhostsHostbased, DefaultsPass) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshIgnoreRhostsHostbased, EachWeakSettingIsAnIssue) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "IgnoreRhosts shosts-only\nHostbasedAuthentication yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[1].subject, "sshd HostbasedAuthentication");
}

TEST(SshIgnoreRhostsHostbased, MatchBlock) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Match Host *.lab\n IgnoreRhosts no\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].subject.find("Match Host *.lab"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
