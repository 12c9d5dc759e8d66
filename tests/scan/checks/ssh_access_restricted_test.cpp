// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.access_restricted";

TEST(SshAccessRestricted, NoListFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("every account may log in"), std::string::npos);
}

TEST(SshAccessRestricted, AllowGroupsInADropInPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nUsePAM yes\n");
  root.write("/etc/ssh/sshd_config.d/10-access.conf", "AllowGroups sshusers admins\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("10-access.conf:1"), std::string::npos);
}

TEST(SshAccessRestricted, OnlyInAMatchBlockStillFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\nMatch Address 10.0.0.0/8\n  AllowUsers ops\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("only Match Address 10.0.0.0/8"), std::string::npos);
}

TEST(SshAccessRestricted, NoSshdIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
