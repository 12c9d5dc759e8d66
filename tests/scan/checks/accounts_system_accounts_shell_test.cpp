// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.system_accounts_shell";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsSystemAccountsShell, UnlockedFailsLockedIsLow) {
  FixtureRoot root;
  root.write("/etc/passwd", std::string(kPasswd) +
                                "www:x:33:33::/var/www:/bin/sh\n"
                                "svc:x:34:34::/:/bin/bash\n");
  root.write("/etc/shadow", std::string(kShadow) + "www:$6$a$b:1::::::\nsvc:!:1::::::\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "account www");
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_EQ(r.issues[1].severity, Severity::kLow);
}

TEST(AccountsSystemAccountsShell, UidMinComesFromLoginDefs) {
  FixtureRoot root;
  root.write("/etc/login.defs", "UID_MIN 500\n");
  root.write("/etc/passwd", std::string(kPasswd) + "bob:x:600:600::/home/bob:/bin/bash\n");
  root.write("/etc/shadow", std::string(kShadow) + "bob:$6$a$b:1::::::\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsSystemAccountsShell, ShadowMissingIsAnError) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

TEST(AccountsSystemAccountsShell, OnlyRootIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/bash\n");
  root.write("/etc/shadow", "root:*:1::::::\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
