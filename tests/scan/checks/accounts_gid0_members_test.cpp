// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.gid0_members";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsGid0Members, FailsOnMemberPrimaryAndSecondGroup) {
  FixtureRoot root;
  root.write("/etc/passwd", std::string(kPasswd) +
                                "bob:x:1001:0::/home/bob:/bin/bash\n"
                                "sync:x:4:0::/bin:/bin/sync\n");
  root.write("/etc/group", "root:x:0:alice\nwheel:x:0:\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].subject, "account bob");
  EXPECT_EQ(r.issues[1].subject, "account alice");
  EXPECT_EQ(r.issues[2].subject, "group wheel");
}

TEST(AccountsGid0Members, PassesWithOnlyRoot) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", kGroup);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsGid0Members, MissingPasswdIsAnError) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

}  // namespace
}  // namespace sw::test
