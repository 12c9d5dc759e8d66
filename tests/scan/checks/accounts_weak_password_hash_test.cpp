// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.weak_password_hash";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsWeakPasswordHash, OneIssuePerWeakAccountLockedIsLow) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow",
             "root:$1$salt$abcdefghijklmnopqrstuv:19000::::::\n"
             "daemon:!abcdefghijklm:19000::::::\n"
             "alice:$6$salt$hash:19000::::::\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "account root");
  EXPECT_NE(r.issues[0].evidence.find("md5"), std::string::npos);
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_EQ(r.issues[1].subject, "account daemon");
  EXPECT_NE(r.issues[1].evidence.find("des"), std::string::npos);
  EXPECT_EQ(r.issues[1].severity, Severity::kLow);
}

TEST(AccountsWeakPasswordHash, PassesWithModernHashes) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow",
             "root:$y$j9T$a$b:19000::::::\ndaemon:*:1::::::\nalice:$6$s$h:1::::::\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsWeakPasswordHash, NoHashesIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow", "root:*:1::::::\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
