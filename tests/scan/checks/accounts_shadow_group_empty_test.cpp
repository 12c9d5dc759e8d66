// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.shadow_group_empty";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsShadowGroupEmpty, FailsOnMemberAndPrimaryGroup) {
  FixtureRoot root;
  root.write("/etc/passwd", std::string(kPasswd) + "bob:x:1001:42::/home/bob:/bin/bash\n");
  root.write("/etc/group", "root:x:0:\nshadow:x:42:alice\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "account alice");
  EXPECT_EQ(r.issues[1].subject, "account bob");
}

TEST(AccountsShadowGroupEmpty, PassesWhenEmpty) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", kGroup);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsShadowGroupEmpty, NoShadowGroupIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", "root:x:0:\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
