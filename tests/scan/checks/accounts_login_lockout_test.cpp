// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.login_lockout";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsLoginLockout, FailsWithoutFaillock) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-auth", "auth required pam_unix.so\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/pam.d/common-auth");
}

TEST(AccountsLoginLockout, DenyZeroInFaillockConfFails) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-auth", "auth required pam_faillock.so preauth\n");
  root.write("/etc/security/faillock.conf", "deny = 5\ndeny = 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("faillock.conf:2"), std::string::npos);
}

TEST(AccountsLoginLockout, PassesWithFaillockDeny) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-auth",
             "auth required pam_faillock.so preauth deny=5\nauth required pam_unix.so\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsLoginLockout, NoAuthStackIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/pam.d/login", "auth required pam_unix.so\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
