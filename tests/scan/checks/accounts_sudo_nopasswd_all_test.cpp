// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.sudo_nopasswd_all";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsSudoNopasswdAll, FailsViaAliasAndGroup) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", kGroup);
  root.write("/etc/sudoers",
             "Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n", 0440);
  root.write("/etc/sudoers.d/admins",
             "User_Alias ADMINS = %sudo, bob\nCmnd_Alias EVERYTHING = ALL\n"
             "ADMINS ALL = (ALL) NOPASSWD: EVERYTHING\n",
             0440);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].location.path, "/etc/sudoers.d/admins");
  EXPECT_EQ(r.issues[0].location.line, 3);
  EXPECT_NE(r.issues[0].evidence.find("%sudo (members: alice)"), std::string::npos);
}

TEST(AccountsSudoNopasswdAll, NotAuthenticateDefaultCountsAndPasswdTagOverrides) {
  FixtureRoot root;
  root.write("/etc/sudoers",
             "Defaults !authenticate\nalice ALL=(ALL) ALL\nbob ALL=(ALL) PASSWD: ALL\n", 0440);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sudo rule for alice");
}

TEST(AccountsSudoNopasswdAll, PassesWithPasswordsOrLimitedNopasswd) {
  FixtureRoot root;
  root.write("/etc/sudoers",
             "root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n"
             "deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app, PASSWD: ALL\n",
             0440);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsSudoNopasswdAll, NoSudoersIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
