// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.passwords_shadowed";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsPasswordsShadowed, FailsOnHashAndEmptyFieldWithoutShowingThem) {
  FixtureRoot root;
  root.write("/etc/passwd", std::string(kPasswd) +
                                "bob:$6$salt$secrethash:1001:1001::/:/bin/sh\n"
                                "eve::1002:1002::/:/bin/sh\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "account bob");
  EXPECT_NE(r.issues[0].evidence.find("sha512"), std::string::npos);
  EXPECT_EQ(r.issues[0].evidence.find("secrethash"), std::string::npos);
  EXPECT_EQ(r.issues[1].location.line, 5);
}

TEST(AccountsPasswordsShadowed, PassesWhenAllUseX) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsPasswordsShadowed, MissingPasswdIsAnError) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

}  // namespace
}  // namespace sw::test
